//! Emitters: each writes the IR in one output format.
//!
//! `emit::<format>::write(&Resolution, &EmitOptions) -> Result<Vec<u8>, EmitError>`.

pub mod akn;
pub mod html;
pub mod json;
pub mod markdown;
pub mod pdf;
mod yaml;

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

/// Output formats, as named on the command line (`--to md,akn,pdf,html,json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// Markdown with YAML front matter and footnotes.
    Markdown,
    /// Akoma Ntoso 3.0 XML, AKN4UN profile.
    Akn,
    /// Printable PDF.
    Pdf,
    /// One self-contained HTML5 page (no script, no external resource).
    Html,
    /// The IR as JSON (`schema/unres-ir.schema.json`), as `unres inspect` prints it.
    Json,
}

impl Format {
    /// Every output format, in the order `--list-formats` shows them.
    pub const ALL: &'static [Format] = &[
        Format::Markdown,
        Format::Akn,
        Format::Pdf,
        Format::Html,
        Format::Json,
    ];

    /// What the format is, for `--list-formats`. (A new format fails to
    /// compile here until it is described, and added to `ALL` above.)
    pub fn description(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown with YAML front matter and footnotes",
            Format::Akn => "Akoma Ntoso 3.0 XML, AKN4UN profile",
            Format::Pdf => "printable PDF (page style: --template)",
            Format::Html => "one self-contained HTML5 page (no script, nothing loaded)",
            Format::Json => "the IR as JSON (schema/unres-ir.schema.json)",
        }
    }

    /// The format an output file name's extension names (`x.md`, `x.xml`,
    /// `x.pdf`: any name `--to` takes); `None` when it names none.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        path.extension()?.to_str()?.parse().ok()
    }

    /// File extension written for this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Akn => "xml",
            Format::Pdf => "pdf",
            Format::Html => "html",
            Format::Json => "json",
        }
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(Format::Markdown),
            "akn" | "xml" => Ok(Format::Akn),
            "pdf" => Ok(Format::Pdf),
            "html" => Ok(Format::Html),
            "json" => Ok(Format::Json),
            other => Err(format!(
                "unknown format {other:?} (expected md, akn, pdf, html or json)"
            )),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Markdown => "md",
            Format::Akn => "akn",
            Format::Pdf => "pdf",
            Format::Html => "html",
            Format::Json => "json",
        })
    }
}

/// Options shared by all emitters.
#[derive(Debug, Clone, Default)]
pub struct EmitOptions {
    /// Page style and fonts for PDF, loaded once per run and shared by all
    /// threads; `None` makes the PDF emitter load the defaults itself, per
    /// document (slow: fine for one file, wrong for a batch).
    pub pdf: Option<Arc<pdf::PdfSetup>>,
}
