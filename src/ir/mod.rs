//! The intermediate representation (IR): the one thing readers and emitters share.
//!
//! This file holds the types only; the procedures on them live beside it:
//! [`normalize`](Resolution::normalize) (the canonical form every reader ends
//! with), `walk` (one visit of inlines and citations), [`meta`] (the
//! metadata codec every format shares), `codes` (language and organ codes)
//! and [`Warning`] (what readers report). Nothing here knows a file format or
//! a language's words; a reader fills a [`Resolution`], an emitter walks one. Every character of the
//! resolution's text lives in exactly one place in this tree, so emitters that
//! walk the whole tree lose nothing.

mod codes;
mod date;
pub mod meta;
mod normalize;
mod walk;
mod warning;

use serde::{Deserialize, Serialize};

pub use date::NotADate;
pub use normalize::{clean_line, clean_text, normalize_inlines};
pub use walk::{block_inlines, paragraph_inlines, refs_in};
pub use warning::Warning;

/// One resolution, as adopted.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub struct Resolution {
    /// Identification and procedural facts, parsed from the masthead,
    /// preface, title and closing lines.
    pub meta: Meta,
    /// The masthead of the first page as printed, line by line ("United
    /// Nations", "General Assembly", "A/RES/78/229", "Distr.: General", the
    /// session and agenda items); empty where the text has none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub masthead: Vec<String>,
    /// Lines printed before the title, as printed (e.g. the committee line
    /// "[根据第三委员会的报告(A/59/494)通过]").
    pub preface: Vec<String>,
    /// The enacting formula as printed ("大会，", "The General Assembly,").
    pub formula: String,
    /// Preambular paragraphs, in order.
    pub preamble: Vec<Block>,
    /// The operative part: numbered paragraphs and any headings between them.
    pub body: Vec<Block>,
    /// Closing lines as printed (the meeting and the date), in printed order.
    pub conclusions: Vec<String>,
    /// Annexes, in order.
    pub annexes: Vec<Annex>,
    /// Footnotes, each stored once, in order of first citation.
    /// Citations in the text point here by marker ([`Inline::NoteRef`]).
    pub notes: Vec<Note>,
}

/// Which organ adopted the resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub enum Body {
    /// General Assembly (symbols A/RES/…).
    #[default]
    #[serde(rename = "GA")]
    GeneralAssembly,
    /// Security Council (symbols S/RES/…).
    #[serde(rename = "SC")]
    SecurityCouncil,
    /// Economic and Social Council (symbols E/RES/year/n).
    #[serde(rename = "ECOSOC")]
    EconomicAndSocialCouncil,
}

/// The six official UN languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Arabic.
    #[serde(alias = "ara")]
    Ar,
    #[default]
    /// Chinese.
    #[serde(alias = "zho")]
    Zh,
    /// English.
    #[serde(alias = "eng")]
    En,
    /// French.
    #[serde(alias = "fra")]
    Fr,
    /// Russian.
    #[serde(alias = "rus")]
    Ru,
    /// Spanish.
    #[serde(alias = "spa")]
    Es,
}

/// Identification and procedural metadata.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub struct Meta {
    /// Adopting organ.
    pub body: Body,
    /// Document symbol, e.g. "A/RES/59/159".
    pub symbol: String,
    /// Session number (GA), e.g. 59; for ECOSOC the year its symbol starts
    /// with (E/RES/2014/33).
    pub session: Option<u32>,
    /// Resolution number within the session (GA) or overall (SC).
    pub number: Option<u32>,
    /// Year in the SC numbering "1454 (2002)".
    pub year: Option<u32>,
    /// Language of this text.
    pub lang: Lang,
    /// Title without its number, whitespace-normalised.
    pub title: String,
    /// The title's number as printed before it ("59/159.").
    pub title_num: String,
    /// The running heads printed on later pages beside the symbol (usually
    /// the title, sometimes shortened), as printed, page by page; the first
    /// serves as the short title.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub running_heads: Vec<String>,
    /// The job number printed at the foot of the first page
    /// ("23-25976 (E) 100124"), the Secretariat's identifier of the print.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_number: Option<String>,
    /// Reporting committee as printed ("第三委员会", "Third Committee").
    pub committee: Option<String>,
    /// Report symbol(s) the resolution was adopted on ("A/59/494").
    pub reports: Vec<String>,
    /// Paragraph of the report, where printed ("para. 29").
    pub report_paragraph: Option<String>,
    /// Draft resolution symbol, for resolutions adopted without reference to a
    /// Main Committee ("A/80/L.6").
    pub draft: Option<String>,
    /// Agenda items from the masthead.
    pub agenda_items: Vec<AgendaItem>,
    /// Date of adoption.
    pub adopted: Option<Date>,
    /// Date of distribution from the masthead.
    pub distributed: Option<Date>,
    /// Plenary (GA) or Council (SC) meeting at which it was adopted.
    pub meeting: Option<Meeting>,
}

/// A calendar date (adoption, distribution), always a real one; written
/// as ISO 8601 ("2004-12-20") in every format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, 1 to 9999.
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, from 1.
    pub day: u8,
}

/// An agenda item of the masthead.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub struct AgendaItem {
    /// The item number as printed ("107", "20 (a)").
    pub number: String,
    /// The item's title, when printed.
    pub title: Option<String>,
}

/// The meeting of adoption.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub struct Meeting {
    /// Meeting number (74).
    pub number: u32,
    /// As printed ("第 74 次全体会议", "71st plenary meeting").
    pub printed: String,
}

/// A unit of body text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A paragraph, numbered or not, with optional sub-paragraphs.
    Paragraph(Paragraph),
    /// A heading inside the text ("I", "A. Title", "Article 1").
    Heading(Heading),
    /// A table, cell text kept whole.
    Table(Table),
}

/// A paragraph: number as printed, inline content, nested sub-paragraphs.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub struct Paragraph {
    /// Printed number ("1.", "(a)", "(iv)"); `None` for unnumbered paragraphs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num: Option<String>,
    /// Text before any sub-paragraphs (the whole text when there are none).
    pub content: Vec<Inline>,
    /// Sub-paragraphs ("(a)" …, "(i)" …), nested under this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Paragraph>,
    /// Text after the sub-paragraphs, closing the paragraph (AKN `wrapUp`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wrap_up: Vec<Inline>,
}

/// A heading inside the body or an annex.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub struct Heading {
    /// Printed number or label ("I", "A.", "Article 1"), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num: Option<String>,
    /// Heading text.
    pub text: Vec<Inline>,
    /// Depth, 1 = outermost.
    pub level: u8,
}

/// A table as rows of cells.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub struct Table {
    /// How many leading rows are header rows.
    pub header_rows: usize,
    /// Rows of cells; each cell is inline content.
    pub rows: Vec<Vec<Vec<Inline>>>,
}

/// An annex to the resolution.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub struct Annex {
    /// Label as printed ("Annex", "Annex II", "附件").
    pub label: String,
    /// Title, if printed.
    pub title: Vec<Inline>,
    /// Content.
    pub content: Vec<Block>,
}

/// A footnote, stored once, cited any number of times.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub struct Note {
    /// Marker as printed ("1").
    pub marker: String,
    /// The note's text.
    pub content: Vec<Inline>,
}

/// Inline content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Citation of the note with this marker (see [`Resolution::notes`]).
    NoteRef(String),
    /// Emphasised text (italic in print).
    Emphasis(Vec<Inline>),
}
