//! Printable PDF: shaped, justified, paginated text with footnotes on the
//! page of their first citation, fonts embedded as subsets.
//!
//! Layout ([`layout`]: IR → flows → lines → pages, in `flows`, `inline`,
//! `pager` and `furniture`) is separate from serialisation
//! ([`write`](mod@write)), which sees the laid-out pages only; fonts
//! ([`fonts`]) are a shared, read-only resource built once per run and
//! carried in [`PdfSetup`].

pub mod archival;
mod cff;
mod content;
mod embed;
mod flate;
mod flows;
pub mod fonts;
mod furniture;
mod inline;
pub mod layout;
pub mod linebreak;
mod masthead;
mod pager;
pub mod shape;
mod subset;
mod tags;
pub mod template;
mod to_unicode;
pub mod write;

use std::path::PathBuf;

use self::fonts::{Family, FontSet};
use self::shape::FontShaper;
use self::template::{Paper, Template};
use super::EmitOptions;
use crate::error::EmitError;
use crate::ir::Resolution;

/// Everything the PDF emitter loads once per run: the page style and the
/// fonts. Build it once (it is `Sync`) and share it between threads, e.g.
/// as `Arc<PdfSetup>` in [`EmitOptions::pdf`].
#[derive(Debug)]
pub struct PdfSetup {
    /// The page style.
    pub template: Template,
    /// Paper size asked for (`--paper`); `None`: the template's for the
    /// document's language ([`Template::paper_for`]).
    pub paper: Option<Paper>,
    /// Fonts, parsed on first use and kept.
    pub fonts: FontSet,
    /// Document date in seconds since 1970 (`SOURCE_DATE_EPOCH`), so that
    /// output is reproducible; `None` writes 1970-01-01.
    pub epoch: Option<i64>,
    /// Write PDF/A-2u (`--pdf-a`).
    pub pdf_a: bool,
}

/// What the command line can say about the PDF output.
#[derive(Debug, Clone, Default)]
pub struct PdfConfig {
    /// `--template FILE`: a page style merged over the compiled-in one.
    pub template: Option<PathBuf>,
    /// `--paper a4|letter`.
    pub paper: Option<Paper>,
    /// `--font PATH`: a font tried first for every character.
    pub font: Option<PathBuf>,
    /// `--pdf-a`: archival PDF/A-2u files.
    pub pdf_a: bool,
}

impl PdfSetup {
    /// Reads the template and checks the user's font. System fonts are
    /// looked up and parsed later, on first use, once.
    pub fn new(config: &PdfConfig) -> Result<PdfSetup, EmitError> {
        let template = match &config.template {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| EmitError::Other(format!("template {}: {e}", path.display())))?;
                Template::parse_over_default(&text)
                    .map_err(|e| EmitError::Other(format!("template {}: {e}", path.display())))?
            }
            None => Template::default_un(),
        };
        let paper = config.paper;
        let fonts = FontSet::new(&template, config.font.as_deref());
        fonts.check_user_font()?;
        let epoch = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok());
        Ok(PdfSetup {
            template,
            paper,
            fonts,
            epoch,
            pdf_a: config.pdf_a,
        })
    }

    /// The default page style and system fonts.
    pub fn system() -> Result<PdfSetup, EmitError> {
        PdfSetup::new(&PdfConfig::default())
    }

    /// Lays out and writes one resolution.
    pub fn render(&self, res: &Resolution) -> Result<Vec<u8>, EmitError> {
        let mut shaper = FontShaper::new(&self.fonts, Family::for_lang(res.meta.lang))?;
        let paper = self
            .paper
            .unwrap_or_else(|| self.template.paper_for(res.meta.lang));
        let laid = layout::layout(res, &self.template, paper, &mut shaper)?;
        let file = write::FileOptions {
            epoch: self.epoch,
            pdf_a: self.pdf_a,
        };
        write::write(&laid, &shaper.faces, file)
    }

    /// Loads the fonts a document in `lang` is set in now rather than on
    /// first use (for timing and for failing early).
    pub fn preload(&self, lang: crate::ir::Lang) -> Result<(), EmitError> {
        FontShaper::new(&self.fonts, Family::for_lang(lang)).map(|_| ())
    }
}

/// Writes `res` as PDF. Uses the setup carried in `opts` (load it once per
/// run); without one, loads the default setup for this document alone.
pub fn write(res: &Resolution, opts: &EmitOptions) -> Result<Vec<u8>, EmitError> {
    match &opts.pdf {
        Some(setup) => setup.render(res),
        None => PdfSetup::system()?.render(res),
    }
}

/// Reads a `--paper` value.
pub fn parse_paper(s: &str) -> Result<Paper, String> {
    Paper::from_name(s).ok_or_else(|| format!("unknown paper {s:?} (expected a4 or letter)"))
}
