//! The intermediate representation (IR): the one thing readers and emitters share.
//!
//! Types only. Nothing here knows a file format or a language's words; a reader
//! fills a [`Resolution`], an emitter walks one. Every character of the
//! resolution's text lives in exactly one place in this tree, so emitters that
//! walk the whole tree lose nothing.

use serde::{Deserialize, Serialize};

/// One resolution, as adopted.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
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
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Ar,
    #[default]
    Zh,
    En,
    Fr,
    Ru,
    Es,
}

impl Lang {
    /// All six, in UN alphabetical order (by English name).
    pub const ALL: [Lang; 6] = [Lang::Ar, Lang::Zh, Lang::En, Lang::Fr, Lang::Ru, Lang::Es];

    /// ISO 639-1 code ("zh"), used in file names and Markdown front matter.
    pub fn iso639_1(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ru => "ru",
            Lang::Es => "es",
        }
    }

    /// ISO 639-2 code ("zho"), which Akoma Ntoso FRBR expressions require.
    pub fn iso639_2(self) -> &'static str {
        match self {
            Lang::Ar => "ara",
            Lang::Zh => "zho",
            Lang::En => "eng",
            Lang::Fr => "fra",
            Lang::Ru => "rus",
            Lang::Es => "spa",
        }
    }

    /// Parses either ISO code, case-insensitively.
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        Lang::ALL
            .into_iter()
            .find(|l| l.iso639_1() == code || l.iso639_2() == code)
    }

    /// Whether the script is written right to left.
    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }
}

/// Identification and procedural metadata.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
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
    /// Date of adoption, ISO 8601 ("2004-12-20").
    pub adopted: Option<String>,
    /// Date of distribution from the masthead, ISO 8601.
    pub distributed: Option<String>,
    /// Plenary (GA) or Council (SC) meeting at which it was adopted.
    pub meeting: Option<Meeting>,
}

/// An agenda item of the masthead.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AgendaItem {
    /// The item number as printed ("107", "20 (a)").
    pub number: String,
    /// The item's title, when printed.
    pub title: Option<String>,
}

/// The meeting of adoption.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Meeting {
    /// Meeting number (74).
    pub number: u32,
    /// As printed ("第 74 次全体会议", "71st plenary meeting").
    pub printed: String,
}

/// A unit of body text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
pub struct Table {
    /// How many leading rows are header rows.
    pub header_rows: usize,
    /// Rows of cells; each cell is inline content.
    pub rows: Vec<Vec<Vec<Inline>>>,
}

/// An annex to the resolution.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
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
pub struct Note {
    /// Marker as printed ("1").
    pub marker: String,
    /// The note's text.
    pub content: Vec<Inline>,
}

/// Inline content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Citation of the note with this marker (see [`Resolution::notes`]).
    NoteRef(String),
    /// Emphasised text (italic in print).
    Emphasis(Vec<Inline>),
}

impl Inline {
    /// Appends the plain text of `inlines` to `out`, dropping note citations.
    pub fn plain_text_into(inlines: &[Inline], out: &mut String) {
        for i in inlines {
            match i {
                Inline::Text(t) => out.push_str(t),
                Inline::NoteRef(_) => {}
                Inline::Emphasis(inner) => Inline::plain_text_into(inner, out),
            }
        }
    }

    /// The plain text of `inlines`, without note citations.
    pub fn plain_text(inlines: &[Inline]) -> String {
        let mut s = String::new();
        Inline::plain_text_into(inlines, &mut s);
        s
    }
}

impl Resolution {
    /// The note with this marker, if stored.
    pub fn note(&self, marker: &str) -> Option<&Note> {
        self.notes.iter().find(|n| n.marker == marker)
    }
}

// ------------------------------------------------------------ invariants
//
// What "arbitrary text" the IR holds. Markdown and XML cannot carry every
// string unchanged (XML 1.0 has no place for most control characters,
// Markdown trims paragraphs), so the IR holds text in one canonical form.
// Every reader ends with [`Resolution::normalize`], and so must any code
// that builds a `Resolution` by hand; emitters may rely on it:
//
// 1. Text has no control characters: tab, line feed, carriage return and
//    form feed become spaces, the others (and U+FFFE, U+FFFF) are dropped.
//    Runs of ASCII whitespace inside one text run are one space. Other
//    whitespace (no-break space, ideographic space) is text and is kept.
// 2. Inline sequences (paragraph content, headings, cells, notes) merge
//    adjacent text runs, hold no empty text run and no empty emphasis, no
//    emphasis directly inside emphasis, no two emphases side by side, and
//    do not start or end with a space.
// 3. Single-line strings (masthead, preface and closing lines, formula, titles,
//    labels, numbers, metadata) are trimmed; empty preface and closing
//    lines are dropped; a paragraph or heading number is never empty.
// 4. A paragraph without sub-paragraphs has no wrap-up (it is part of the
//    content); a top-level paragraph with nothing in it is dropped.
//    Heading levels are 1 to 5.
// 5. Tables have at least one row, all rows the same number of cells
//    (short rows padded with empty cells), and no more header rows than rows.
// 6. Notes are in the order of their first citation (document order:
//    preamble, body, annexes); notes never cited keep their order, last.

impl Resolution {
    /// Brings the IR into canonical form (see the invariants above).
    /// Idempotent; loses no character except whitespace and control
    /// characters.
    pub fn normalize(&mut self) {
        let m = &mut self.meta;
        for s in [&mut m.symbol, &mut m.title, &mut m.title_num] {
            *s = clean_line(s);
        }
        for o in [
            &mut m.job_number,
            &mut m.committee,
            &mut m.report_paragraph,
            &mut m.draft,
            &mut m.adopted,
            &mut m.distributed,
        ]
        .into_iter()
        .flatten()
        {
            *o = clean_line(o);
        }
        for r in &mut m.reports {
            *r = clean_line(r);
        }
        for a in &mut m.agenda_items {
            a.number = clean_line(&a.number);
            a.title = a.title.as_deref().map(clean_line).filter(|t| !t.is_empty());
        }
        if let Some(mt) = &mut m.meeting {
            mt.printed = clean_line(&mt.printed);
        }
        self.formula = clean_line(&self.formula);
        for lines in [
            &mut self.masthead,
            &mut m.running_heads,
            &mut self.preface,
            &mut self.conclusions,
        ] {
            lines.iter_mut().for_each(|l| *l = clean_line(l));
            lines.retain(|l| !l.is_empty());
        }
        normalize_blocks(&mut self.preamble);
        normalize_blocks(&mut self.body);
        for a in &mut self.annexes {
            a.label = clean_line(&a.label);
            normalize_inlines(&mut a.title);
            normalize_blocks(&mut a.content);
        }
        for n in &mut self.notes {
            normalize_inlines(&mut n.content);
        }
        self.sort_notes();
    }

    /// Orders notes by first citation, uncited ones last in their order.
    fn sort_notes(&mut self) {
        let mut order: Vec<String> = Vec::new();
        let mut visit = |parts: &[Inline]| visit_refs(parts, &mut order);
        for b in self.preamble.iter().chain(&self.body) {
            block_inlines(b, &mut visit);
        }
        for a in &self.annexes {
            visit(&a.title);
            for b in &a.content {
                block_inlines(b, &mut visit);
            }
        }
        let rank = |n: &Note| {
            order
                .iter()
                .position(|m| *m == n.marker)
                .unwrap_or(usize::MAX)
        };
        self.notes.sort_by_key(rank);
    }
}

fn visit_refs(parts: &[Inline], order: &mut Vec<String>) {
    for p in parts {
        match p {
            Inline::NoteRef(m) if !order.contains(m) => order.push(m.clone()),
            Inline::Emphasis(inner) => visit_refs(inner, order),
            _ => {}
        }
    }
}

/// Calls `f` with each inline sequence of a block, in document order.
pub fn block_inlines(b: &Block, f: &mut dyn FnMut(&[Inline])) {
    fn para(p: &Paragraph, f: &mut dyn FnMut(&[Inline])) {
        f(&p.content);
        for i in &p.items {
            para(i, f);
        }
        f(&p.wrap_up);
    }
    match b {
        Block::Paragraph(p) => para(p, f),
        Block::Heading(h) => f(&h.text),
        Block::Table(t) => t.rows.iter().flatten().for_each(|c| f(c)),
    }
}

fn normalize_blocks(blocks: &mut Vec<Block>) {
    for b in blocks.iter_mut() {
        match b {
            Block::Paragraph(p) => normalize_paragraph(p),
            Block::Heading(h) => {
                h.num = h.num.as_deref().map(clean_line).filter(|n| !n.is_empty());
                normalize_inlines(&mut h.text);
                h.level = h.level.clamp(1, 5);
            }
            Block::Table(t) => {
                t.rows.iter_mut().flatten().for_each(normalize_inlines);
                let cols = t.rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
                for r in &mut t.rows {
                    r.resize(cols, Vec::new());
                }
                t.header_rows = t.header_rows.min(t.rows.len());
            }
        }
    }
    blocks.retain(|b| match b {
        Block::Paragraph(p) => p.num.is_some() || !p.content.is_empty() || !p.items.is_empty(),
        Block::Table(t) => !t.rows.is_empty(),
        Block::Heading(_) => true,
    });
}

fn normalize_paragraph(p: &mut Paragraph) {
    p.num = p.num.as_deref().map(clean_line).filter(|n| !n.is_empty());
    normalize_inlines(&mut p.content);
    p.items.iter_mut().for_each(normalize_paragraph);
    normalize_inlines(&mut p.wrap_up);
    if p.items.is_empty() && !p.wrap_up.is_empty() {
        let wrap = std::mem::take(&mut p.wrap_up);
        if !p.content.is_empty() {
            p.content.push(Inline::Text(" ".into()));
        }
        p.content.extend(wrap);
        normalize_inlines(&mut p.content);
    }
}

/// Invariant 1 for one text run: controls out, ASCII whitespace runs to
/// one space.
pub fn clean_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_ascii_whitespace() {
            space = true;
        } else if !(c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}') {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    // One space is kept at either end: runs next to citations and emphasis
    // keep their separation; sequences trim their own ends.
    if space {
        out.push(' ');
    }
    out
}

/// Invariant 1 and 3 for a single-line string.
pub fn clean_line(s: &str) -> String {
    clean_text(s).trim_matches(' ').to_string()
}

/// Invariant 2: canonical inline sequence.
pub fn normalize_inlines(parts: &mut Vec<Inline>) {
    normalize_inner(parts, false);
    if let Some(Inline::Text(t)) = parts.first_mut() {
        *t = t.trim_start_matches(' ').to_string();
    }
    if let Some(Inline::Text(t)) = parts.last_mut() {
        *t = t.trim_end_matches(' ').to_string();
    }
    parts.retain(|p| !matches!(p, Inline::Text(t) if t.is_empty()));
}

fn normalize_inner(parts: &mut Vec<Inline>, in_emphasis: bool) {
    let mut out: Vec<Inline> = Vec::with_capacity(parts.len());
    for p in std::mem::take(parts) {
        let flat: Vec<Inline> = match p {
            Inline::Emphasis(mut inner) => {
                normalize_inner(&mut inner, true);
                if in_emphasis {
                    inner
                } else if inner.is_empty() {
                    vec![]
                } else {
                    vec![Inline::Emphasis(inner)]
                }
            }
            other => vec![other],
        };
        for q in flat {
            match (out.last_mut(), q) {
                (_, Inline::Text(t)) if t.is_empty() => {}
                (Some(Inline::Text(a)), Inline::Text(b)) => a.push_str(&b),
                (Some(Inline::Emphasis(a)), Inline::Emphasis(b)) => {
                    a.extend(b);
                    normalize_inner(a, true);
                }
                (_, q) => out.push(q),
            }
        }
    }
    for p in &mut out {
        if let Inline::Text(t) = p {
            *t = clean_text(t);
        }
    }
    out.retain(|p| !matches!(p, Inline::Text(t) if t.is_empty()));
    *parts = out;
}
