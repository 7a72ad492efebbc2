//! The page style: paper, margins, sizes, spacing and font families.
//!
//! A TOML file (`templates/pdf/un-a4.toml`) compiled in as the default so
//! that the binary needs no data files (`unres --print-default-template pdf`
//! prints it); `--template FILE` is merged over it, so a template names only
//! what it changes (`[text]` / `size = 12.0` is a whole template).

use crate::ir::Lang;
use serde::Deserialize;

/// The default page style, compiled in.
pub const DEFAULT_TEMPLATE: &str = include_str!("../../../templates/pdf/un-a4.toml");

/// Paper sizes a user can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    /// ISO A4, 210 × 297 mm: what the UN prints on.
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size_pt(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.276, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }

    /// Parses "a4" or "letter", case-insensitively.
    pub fn from_name(name: &str) -> Option<Paper> {
        match name.trim().to_ascii_lowercase().as_str() {
            "a4" => Some(Paper::A4),
            "letter" | "us-letter" => Some(Paper::Letter),
            _ => None,
        }
    }
}

/// The whole page style.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// Paper and margins.
    pub page: PageStyle,
    /// Body text.
    pub text: TextStyle,
    /// The numbered title.
    pub title: BlockStyle,
    /// The preface lines (committee line).
    pub preface: BlockStyle,
    /// The first page's masthead and adoption line.
    pub masthead: MastheadStyle,
    /// Running heads and folios.
    pub header: HeaderStyle,
    /// Footnotes at the foot of the page.
    pub notes: NoteStyle,
    /// Note citations in the text.
    pub superscript: Superscript,
    /// Tables.
    pub table: TableStyle,
    /// The faces for each script.
    pub fonts: Fonts,
}

/// Paper and margins.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageStyle {
    /// Paper size (`--paper` overrides).
    pub paper: Paper,
    /// Languages (ISO 639-1) set on US Letter instead, as the UN prints
    /// them (its English resolutions, from New York).
    pub letter_for: Vec<String>,
    /// Top margin (pt).
    pub margin_top: f32,
    /// Bottom margin (pt).
    pub margin_bottom: f32,
    /// Margin where lines start (left, or right for right-to-left text) (pt).
    pub margin_start: f32,
    /// Margin where lines end (pt).
    pub margin_end: f32,
    /// Margins of the running heads, folios, masthead and hanging title
    /// number, on the start and end sides (pt): the UN sets the text in a
    /// narrower block than its furniture.
    pub furniture_start: f32,
    /// See `furniture_start`.
    pub furniture_end: f32,
    /// The first page's masthead in the UN's two columns (organ and
    /// symbol, distribution and date, a thick rule, the session block);
    /// false sets its lines one under the other.
    pub masthead_columns: bool,
    /// Baseline of the running head, from the top edge (pt).
    pub header_baseline: f32,
    /// Baseline of the folio, from the bottom edge (pt).
    pub footer_baseline: f32,
}

/// Body text.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextStyle {
    /// Type size (pt).
    pub size: f32,
    /// Distance between baselines (pt).
    pub leading: f32,
    /// Space between paragraphs (pt).
    pub paragraph_space: f32,
    /// Space above a heading (pt).
    pub heading_space: f32,
    /// Indent of a paragraph's first line (pt).
    pub first_line_indent: f32,
    /// Width kept for a paragraph number (pt).
    pub number_width: f32,
    /// Indent of each sub-paragraph level (pt).
    pub item_indent: f32,
    /// Numbers hang in the margin, every line at the text edge; when false
    /// (the UN's way), "1." stands at the first-line indent, the text
    /// follows after `number_width`, and later lines return to the margin.
    pub hanging_numbers: bool,
    /// Most a word space may stretch when justifying (em).
    pub max_space_stretch_em: f32,
    /// Most the gap between CJK characters may stretch when justifying (em).
    pub max_cjk_stretch_em: f32,
    /// Fewest characters (punctuation aside) on the last line of a CJK
    /// paragraph: breaks move back to give it as many.
    pub cjk_last_line_chars: usize,
    /// Languages (ISO 639-1) whose justified lines may end in part of a
    /// word and a hyphen, where the line would be loose without it.
    pub hyphenate: Vec<String>,
    /// How loose: a justified line whose word spaces would each grow by
    /// more than this (em) takes part of the next word.
    pub hyphenate_above_em: f32,
}

impl TextStyle {
    /// The hyphenation patterns of `lang`, where the template hyphenates
    /// it.
    pub fn hyphenation(&self, lang: Lang) -> Option<hypher::Lang> {
        let code = lang.iso639_1();
        self.hyphenate.iter().any(|l| l == code).then_some(())?;
        hypher_lang(code)
    }
}

/// hypher's patterns for an ISO 639-1 code, if built in.
fn hypher_lang(code: &str) -> Option<hypher::Lang> {
    let &[a, b] = code.as_bytes() else {
        return None;
    };
    hypher::Lang::from_iso([a, b])
}

/// A block with its own size and the space after it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlockStyle {
    /// Type size (pt).
    pub size: f32,
    /// Space after the block (pt).
    pub space_after: f32,
}

/// The first page's masthead, as the UN prints it in columns, and the
/// adoption line under it. Positions are from the page's top edge (pt).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MastheadStyle {
    /// Top of the first row ("United Nations" and the symbol): the
    /// masthead starts above the text's top margin.
    pub top: f32,
    /// Type size of "United Nations".
    pub name_size: f32,
    /// Type size of the symbol (bold).
    pub symbol_size: f32,
    /// Type size of the organ (bold).
    pub organ_size: f32,
    /// Where the distribution column starts, as a share of the furniture.
    pub distribution_at: f32,
    /// The thick rule above the session block.
    pub rule_at: f32,
    /// Space between the session block and the adoption line (pt).
    pub space_after: f32,
    /// Type size of the adoption line (bold).
    pub adoption_size: f32,
    /// Its baseline-to-baseline distance, as a multiple of its size.
    pub adoption_leading: f32,
    /// Measure of the adoption line (pt): the UN breaks it before its date.
    pub adoption_measure: f32,
}

/// The running head: its size, and the measure and lines its title takes
/// (the UN's: bold, in a little over half the furniture, up to four lines
/// stacked above the symbol's baseline).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeaderStyle {
    /// Type size (pt).
    pub size: f32,
    /// The running title's measure, as a fraction of the furniture's width.
    #[serde(default = "default_title_measure")]
    pub title_measure: f32,
    /// The most lines the running title takes; what would not fit is left
    /// to the text, where the title is printed in full.
    #[serde(default = "default_title_lines")]
    pub title_lines: usize,
}

fn default_title_measure() -> f32 {
    0.56
}

fn default_title_lines() -> usize {
    4
}

/// Footnotes at the bottom of the page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteStyle {
    /// Type size (pt).
    pub size: f32,
    /// Distance between baselines (pt).
    pub leading: f32,
    /// Space above the note area (pt).
    pub space_above: f32,
    /// Length of the separator above the notes, as a fraction of the measure.
    pub rule_fraction: f32,
    /// Not used: the separator is typed, not drawn (see `pager`); still
    /// read, so that templates written for earlier versions load.
    pub rule_width: f32,
    /// Width kept for a note's marker (pt).
    pub marker_width: f32,
}

/// Note markers in the text.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Superscript {
    /// Size of a citation figure, as a fraction of the text size.
    pub scale: f32,
    /// How far a citation figure is raised, as a fraction of the text size.
    pub rise: f32,
}

/// Tables.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableStyle {
    /// Type size (pt).
    pub size: f32,
    /// Space inside each cell (pt).
    pub cell_padding: f32,
    /// Line width of rules (pt).
    pub rule_width: f32,
}

/// Font families by script.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fonts {
    /// Latin, Greek and Cyrillic text.
    pub latin: FontFamily,
    /// Chinese text.
    pub cjk: FontFamily,
    /// Arabic text.
    pub arabic: FontFamily,
}

/// One family, and the Debian package that provides it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FontFamily {
    /// The family name fontdb looks up ("Noto Serif").
    pub family: String,
    /// The Debian package that installs it, for the error message.
    pub package: String,
    /// When set, bold is the regular face outlined by this fraction of the
    /// size rather than a bold face of its own.
    #[serde(default)]
    pub synthetic_bold: Option<f32>,
}

impl Template {
    /// Parses a whole template (every field given), checking that the
    /// numbers make a usable page.
    pub fn parse(text: &str) -> Result<Template, String> {
        let t: Template = toml::from_str(text).map_err(|e| e.to_string())?;
        t.check()?;
        Ok(t)
    }

    /// Parses a user's template merged over the compiled-in default: each
    /// table and key it gives replaces the default's, the rest is kept.
    /// Unknown tables and keys are still refused (a typo never passes
    /// silently), and the merged page is checked as a whole.
    pub fn parse_over_default(text: &str) -> Result<Template, String> {
        let user: toml::Table = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut merged: toml::Table =
            toml::from_str(DEFAULT_TEMPLATE).expect("the compiled-in template is TOML");
        merge(&mut merged, user);
        let t: Template = toml::Value::Table(merged)
            .try_into()
            .map_err(|e: toml::de::Error| e.to_string())?;
        t.check()?;
        Ok(t)
    }

    /// The paper a document in `lang` is set on: Letter for the languages
    /// `letter_for` names, else `paper`.
    pub fn paper_for(&self, lang: crate::ir::Lang) -> Paper {
        if self.page.letter_for.iter().any(|l| l == lang.iso639_1()) {
            Paper::Letter
        } else {
            self.page.paper
        }
    }

    /// The compiled-in default.
    pub fn default_un() -> Template {
        Template::parse(DEFAULT_TEMPLATE).expect("the compiled-in template is valid")
    }

    fn check(&self) -> Result<(), String> {
        let (w, h) = self.page.paper.size_pt();
        let p = &self.page;
        let sizes = [
            self.text.size,
            self.title.size,
            self.preface.size,
            self.masthead.name_size,
            self.masthead.symbol_size,
            self.masthead.organ_size,
            self.masthead.adoption_size,
            self.header.size,
            self.notes.size,
            self.table.size,
        ];
        if sizes
            .iter()
            .any(|s| !(s.is_finite() && *s >= 2.0 && *s <= 72.0))
        {
            return Err("font sizes must be between 2 and 72 pt".into());
        }
        let margins = [
            p.margin_top,
            p.margin_bottom,
            p.margin_start,
            p.margin_end,
            p.furniture_start,
            p.furniture_end,
        ];
        if margins.iter().any(|m| !(m.is_finite() && *m >= 0.0)) {
            return Err("margins must be non-negative numbers".into());
        }
        if w - p.margin_start - p.margin_end < 144.0
            || h - p.margin_top - p.margin_bottom < 144.0
            || w - p.furniture_start - p.furniture_end < 144.0
        {
            return Err("margins leave less than 2 inches of text area".into());
        }
        let h = &self.header;
        let measure_ok = h.title_measure.is_finite() && (0.2..=1.0).contains(&h.title_measure);
        if !(measure_ok && (1..=6).contains(&h.title_lines)) {
            return Err(
                "header: title_measure must be between 0.2 and 1, title_lines between 1 and 6"
                    .into(),
            );
        }
        let leading_ok = |l: f32| (1.0..=4.0).contains(&l);
        let leadings = [
            self.text.leading,
            self.notes.leading,
            self.masthead.adoption_leading,
        ];
        if !leadings.into_iter().all(leading_ok) {
            return Err("leading must be between 1 and 4".into());
        }
        let lengths = [
            self.text.paragraph_space,
            self.text.heading_space,
            self.text.first_line_indent,
            self.text.number_width,
            self.text.item_indent,
            self.title.space_after,
            self.preface.space_after,
            self.masthead.space_after,
            self.notes.space_above,
            self.notes.marker_width,
            self.table.cell_padding,
        ];
        if lengths
            .iter()
            .any(|l| !(l.is_finite() && *l >= 0.0 && *l <= 144.0))
        {
            return Err("spacings and indents must be between 0 and 144 pt".into());
        }
        self.check_masthead()?;
        self.check_line_setting()
    }

    /// Justification and hyphenation limits are usable; every language
    /// hyphenated has patterns built in.
    fn check_line_setting(&self) -> Result<(), String> {
        let t = &self.text;
        let ems = [
            t.max_space_stretch_em,
            t.max_cjk_stretch_em,
            t.hyphenate_above_em,
        ];
        if !ems
            .iter()
            .all(|e| e.is_finite() && (0.0..=100.0).contains(e))
        {
            return Err("stretch limits must be between 0 and 100 em".into());
        }
        if t.cjk_last_line_chars > 20 {
            return Err("cjk_last_line_chars must be at most 20".into());
        }
        match t.hyphenate.iter().find(|l| hypher_lang(l).is_none()) {
            Some(l) => Err(format!(
                "hyphenate: no hyphenation patterns built in for {l:?} (built in: \"es\", \"fr\", \"ru\")"
            )),
            None => Ok(()),
        }
    }

    /// The masthead starts on the page, above the text's top, its rule
    /// below it in the upper half of either paper; its column and measure
    /// are usable.
    fn check_masthead(&self) -> Result<(), String> {
        let page_height = Paper::Letter.size_pt().1.min(Paper::A4.size_pt().1);
        let m = &self.masthead;
        let top_ok = m.top.is_finite() && (0.0..=self.page.margin_top).contains(&m.top);
        let rule_ok = m.rule_at.is_finite() && (m.top..=page_height / 2.0).contains(&m.rule_at);
        let column_ok = (0.3..=0.9).contains(&m.distribution_at);
        let measure_ok = m.adoption_measure.is_finite() && m.adoption_measure >= 72.0;
        if top_ok && rule_ok && column_ok && measure_ok {
            return Ok(());
        }
        Err(
            "masthead: top between 0 and margin_top, rule_at between top and half the page, \
             distribution_at between 0.3 and 0.9, adoption_measure at least 72 pt"
                .into(),
        )
    }
}

/// `over` merged into `base`: tables recursively, any other value replacing
/// the one in `base`.
fn merge(base: &mut toml::Table, over: toml::Table) {
    for (key, value) in over {
        match (base.get_mut(&key), value) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge(b, o),
            (_, v) => {
                base.insert(key, v);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_names_only_what_it_changes() {
        let t = Template::parse_over_default("[text]\nsize = 12.0\n").unwrap();
        let d = Template::default_un();
        assert_eq!(t.text.size, 12.0);
        assert_eq!(t.text.leading, d.text.leading);
        assert_eq!(t.fonts.cjk.family, d.fonts.cjk.family);
        let t = Template::parse_over_default("[fonts.latin]\nfamily = \"X\"\n").unwrap();
        assert_eq!(t.fonts.latin.family, "X");
        assert_eq!(t.fonts.latin.package, d.fonts.latin.package);
        assert!(Template::parse_over_default("").is_ok());
        let typo = Template::parse_over_default("[text]\nsise = 12.0\n").unwrap_err();
        assert!(typo.contains("sise"), "{typo}");
        assert!(Template::parse_over_default("[text]\nsize = 200.0\n").is_err());
    }

    /// Hyphenation only where patterns are built in, and only for the
    /// languages listed: French, Spanish and Russian by default, never
    /// English (the UN's English pages cut no word).
    #[test]
    fn hyphenation_is_for_the_languages_listed_with_patterns() {
        use crate::ir::Lang;
        let d = Template::default_un();
        assert_eq!(d.text.hyphenation(Lang::Ru), Some(hypher::Lang::Russian));
        assert_eq!(d.text.hyphenation(Lang::Fr), Some(hypher::Lang::French));
        assert_eq!(d.text.hyphenation(Lang::Es), Some(hypher::Lang::Spanish));
        assert_eq!(d.text.hyphenation(Lang::En), None);
        assert_eq!(d.text.hyphenation(Lang::Zh), None);
        let err = Template::parse_over_default("[text]\nhyphenate = [\"de\"]\n").unwrap_err();
        assert!(err.contains("\"de\""), "{err}");
        let nan = Template::parse_over_default("[text]\nhyphenate_above_em = nan\n");
        assert!(nan.is_err());
    }

    #[test]
    fn default_template_parses_as_a4() {
        let t = Template::default_un();
        assert_eq!(t.page.paper, Paper::A4);
        // English on Letter, as the UN prints it; the other languages on A4.
        assert_eq!(t.paper_for(crate::ir::Lang::En), Paper::Letter);
        assert_eq!(t.paper_for(crate::ir::Lang::Fr), Paper::A4);
        assert_eq!(t.fonts.cjk.family, "Noto Serif CJK SC");
    }

    #[test]
    fn unknown_keys_and_bad_numbers_are_refused() {
        let extra = format!("{DEFAULT_TEMPLATE}\n[colour]\nink = 1\n");
        assert!(Template::parse(&extra).is_err());
        let bad = DEFAULT_TEMPLATE.replace("margin_start = 123.0", "margin_start = 400.0");
        assert!(Template::parse(&bad).is_err());
        let bad = DEFAULT_TEMPLATE.replace("furniture_end = 60.0", "furniture_end = 500.0");
        assert!(Template::parse(&bad).is_err());
        let bad = DEFAULT_TEMPLATE.replace("title_lines = 4", "title_lines = 0");
        assert!(Template::parse(&bad).is_err());
        let bad = DEFAULT_TEMPLATE.replace("title_measure = 0.56", "title_measure = 1.5");
        assert!(Template::parse(&bad).is_err());
        for (key, bad) in [
            ("top = 45.0", "top = 90.0"),
            ("rule_at = 209.0", "rule_at = 20.0"),
            ("distribution_at = 0.685", "distribution_at = nan"),
            ("adoption_measure = 280.0", "adoption_measure = -1.0"),
            ("adoption_leading = 1.07", "adoption_leading = 40.0"),
            ("organ_size = 20.0", "organ_size = 1e9"),
        ] {
            assert!(DEFAULT_TEMPLATE.contains(key), "{key}");
            let t = DEFAULT_TEMPLATE.replace(key, bad);
            assert!(Template::parse(&t).is_err(), "{bad} accepted");
        }
        // A template written before the running title had a measure and a
        // number of lines still reads, with the UN's.
        let t = Template::parse_over_default("[header]\nsize = 9.0\n").unwrap();
        assert_eq!((t.header.title_measure, t.header.title_lines), (0.56, 4));
    }
}
