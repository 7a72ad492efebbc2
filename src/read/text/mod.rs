//! Reader for resolution text extracted from the official PDFs, by any of
//! the common extractors (pdfminer, pdftotext with or without layout,
//! PyMuPDF, pypdf) or in the reference's shape.
//!
//! A pipeline of small passes over lines, each with its own tests:
//! 1. [`lines`]: physical lines; page furniture and running heads marked;
//! 2. [`notes`]: footnote blocks out of the flow, citations into the text;
//! 3. [`paragraphs`]: logical lines joined into paragraphs;
//! 4. [`structure`]: masthead, preface, title, formula, preamble, operative
//!    part with sub-paragraphs and headings, conclusions, annexes;
//!    the language profile names what is what.

mod lines;
mod notes;
mod paragraphs;
mod structure;
mod tables;

use std::collections::HashSet;

use super::ReadOptions;
use crate::error::ReadError;
use crate::ir::{Block, Inline, Paragraph, Resolution};
use crate::lang::{self, is_wide};

pub(crate) use lines::Line;

/// Reads PDF-extracted resolution text into the IR.
pub fn read(text: &str, opts: &ReadOptions) -> Result<Resolution, ReadError> {
    read_with_warnings(text, opts).map(|(r, _)| r)
}

/// Like [`read`], also returning what the reader noticed but could repair or
/// only report (a note never cited, a number that looked like a citation).
pub fn read_with_warnings(
    text: &str,
    opts: &ReadOptions,
) -> Result<(Resolution, Vec<String>), ReadError> {
    let lang = opts.lang.unwrap_or_else(|| lang::detect(text));
    let profile = lang::profile(lang);
    let mut warnings = Vec::new();
    let clean = without_controls(text);

    let mut lines = lines::scan(&clean);
    lines::mark_furniture(&mut lines, profile);
    let front = structure::locate_front(&lines, profile)?;
    let job_number = lines::job_number(&lines);
    let running_heads =
        lines::mark_running_heads(&mut lines, front.formula + 1, &front.symbol, &front.title);
    let layout = Layout::of(&lines);
    let joiner = Joiner::of(&clean);
    let (body, notes) = notes::collect(&lines, layout, profile);
    let logical = notes::fold_citations(&body, &notes, profile, &joiner, &mut warnings);
    let mut res = structure::build(&logical, layout, profile, &joiner, &mut warnings)?;
    res.meta.lang = lang;
    res.meta.running_heads = running_heads;
    res.meta.job_number = job_number;
    structure::attach_notes(&mut res, notes, &joiner, &mut warnings);
    res.normalize();
    Ok((res, warnings))
}

/// Control characters are no text (XML cannot even carry most of them);
/// form feeds stay: they mark page starts.
fn without_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}');
    if text.chars().any(bad) {
        text.chars().filter(|&c| !bad(c)).collect::<String>().into()
    } else {
        text.into()
    }
}

/// Facts about how the extractor laid out this file, measured once.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Layout {
    /// Trailing whitespace marks the last line of a paragraph (true when
    /// only some lines carry it; an extractor that pads every line, or
    /// none, says nothing by it).
    pub trailing_ends_paragraph: bool,
    /// Width of a full line of body text, in characters: a shorter line
    /// before a new sentence ends a paragraph.
    pub full_width: usize,
}

impl Layout {
    fn of(lines: &[Line<'_>]) -> Layout {
        let mut widths: Vec<usize> = lines
            .iter()
            .filter(|l| !l.is_blank() && l.kind == lines::Kind::Text)
            .map(|l| l.text.chars().count())
            .collect();
        let n = widths.len();
        let trailing = lines.iter().filter(|l| !l.is_blank() && l.trailing).count();
        widths.sort_unstable();
        Layout {
            trailing_ends_paragraph: n > 0 && trailing * 20 > n && trailing * 10 < n * 8,
            full_width: widths.get(n * 4 / 5).copied().unwrap_or(80).max(10),
        }
    }
}

/// Joins wrapped lines: knows the document's words, to tell a word split by
/// a line-end hyphen ("inter-" "national") from a compound ("follow-" "up").
#[derive(Debug, Default)]
pub(crate) struct Joiner {
    words: HashSet<String>,
}

impl Joiner {
    fn of(text: &str) -> Joiner {
        let words = text
            .split(|c: char| !c.is_alphabetic() && c != '-')
            .filter(|w| w.len() > 3)
            .map(str::to_lowercase)
            .collect();
        Joiner { words }
    }

    /// Whether "head-" at a line end and "tail" at the next line's start
    /// are one word split in two.
    fn split_word(&self, head: &str, tail: &str) -> bool {
        let joined = format!("{head}{tail}").to_lowercase();
        let hyphenated = format!("{head}-{tail}").to_lowercase();
        self.words.contains(&joined) && !self.words.contains(&hyphenated)
    }
}

/// Appends `text` to inline content, joining it to what is there as a
/// wrapped line joins: no space between wide (CJK) characters, one space
/// between others, none after a hyphen ending a line; a hyphen that split
/// a word goes. Runs of spaces inside the line collapse to one.
pub(crate) fn push_text(parts: &mut Vec<Inline>, text: &str, joiner: &Joiner) {
    let text = collapse_spaces(text.trim());
    if text.is_empty() {
        return;
    }
    let prev = last_char(parts);
    let next = text.chars().next();
    // Nor before closing punctuation: a citation printed before a comma
    // ("Millénaire¹, Action 21") leaves the comma at a line start.
    let mut space = match (prev, next) {
        (Some(a), Some(b)) => !(is_wide(a) || is_wide(b) || a.is_whitespace() || closes(b)),
        _ => false,
    };
    if let (Some('-'), Some(Inline::Text(t))) = (prev, parts.last_mut()) {
        let head: String = t[..t.len() - 1]
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let tail: String = text.chars().take_while(|c| c.is_alphabetic()).collect();
        let letter_before = t[..t.len() - 1].ends_with(char::is_alphabetic);
        if letter_before && next.is_some_and(char::is_lowercase) {
            space = false;
            if joiner.split_word(&head, &tail) {
                t.pop();
            }
        }
    }
    match parts.last_mut() {
        Some(Inline::Text(t)) => {
            if space {
                t.push(' ');
            }
            t.push_str(&text);
        }
        _ => {
            let mut t = String::with_capacity(text.len() + 1);
            if space {
                t.push(' ');
            }
            t.push_str(&text);
            parts.push(Inline::Text(t));
        }
    }
}

/// Punctuation printed without a space before it (Latin and Arabic).
fn closes(c: char) -> bool {
    matches!(
        c,
        ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '\u{60c}' | '\u{61b}' | '\u{61f}'
    )
}

/// The last character of the text of `parts`, looking through citations.
pub(crate) fn last_char(parts: &[Inline]) -> Option<char> {
    parts.iter().rev().find_map(|p| match p {
        Inline::Text(t) => t.chars().next_back(),
        Inline::Emphasis(inner) => last_char(inner),
        Inline::NoteRef(_) => None,
    })
}

fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_space = false;
    for c in s.chars() {
        let space = c == ' ' || c == '\t';
        if space && prev_space {
            continue;
        }
        out.push(if c == '\t' { ' ' } else { c });
        prev_space = space;
    }
    out
}

/// Calls `f` with every cited marker, in document order.
pub fn visit_refs(res: &Resolution, f: &mut dyn FnMut(&str)) {
    fn inl(parts: &[Inline], f: &mut dyn FnMut(&str)) {
        for p in parts {
            match p {
                Inline::NoteRef(m) => f(m),
                Inline::Emphasis(inner) => inl(inner, f),
                Inline::Text(_) => {}
            }
        }
    }
    fn para(p: &Paragraph, f: &mut dyn FnMut(&str)) {
        inl(&p.content, f);
        for i in &p.items {
            para(i, f);
        }
        inl(&p.wrap_up, f);
    }
    fn blocks(bs: &[Block], f: &mut dyn FnMut(&str)) {
        for b in bs {
            match b {
                Block::Paragraph(p) => para(p, f),
                Block::Heading(h) => inl(&h.text, f),
                Block::Table(t) => t.rows.iter().flatten().for_each(|c| inl(c, f)),
            }
        }
    }
    blocks(&res.preamble, f);
    blocks(&res.body, f);
    for a in &res.annexes {
        inl(&a.title, f);
        blocks(&a.content, f);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Inline content as text, citations written `[^n]`.
    pub(crate) fn text_of(parts: &[Inline]) -> String {
        parts
            .iter()
            .map(|p| match p {
                Inline::Text(t) => t.clone(),
                Inline::NoteRef(m) => format!("[^{m}]"),
                Inline::Emphasis(i) => text_of(i),
            })
            .collect()
    }

    #[test]
    fn joins_follow_script_and_hyphenation() {
        let j = Joiner::of("international cooperation and follow-up, high-level");
        let mut p = Vec::new();
        push_text(&mut p, "Reaffirming  its  resolutions", &j);
        push_text(&mut p, "on inter-", &j);
        push_text(&mut p, "national cooperation and the follow-", &j);
        push_text(&mut p, "up of the high-", &j);
        push_text(&mut p, "level meeting", &j);
        push_text(&mut p, "回顾", &j);
        assert_eq!(
            text_of(&p),
            "Reaffirming its resolutions on international cooperation and the follow-up of the high-level meeting回顾"
        );
    }

    #[test]
    fn not_a_resolution() {
        let err = read("milk\neggs\nbread\n", &ReadOptions::default()).unwrap_err();
        assert!(matches!(err, ReadError::NotResolution(_)));
    }

    #[test]
    fn control_characters_go() {
        assert_eq!(without_controls("a\u{1}b\u{c}c\n"), "ab\u{c}c\n");
    }
}
