//! Reader for resolution text extracted from the official PDFs.
//!
//! A pipeline of small passes over lines, each with its own tests:
//! 1. [`scan`]: lines with their indent and trailing-space facts;
//! 2. [`strip_furniture`]: page numbers, job numbers, barcodes go;
//! 3. [`collect_notes`]: footnote blocks at page bottoms come out of the flow;
//! 4. [`fold_markers`]: note numbers standing alone become citations, and the
//!    lines around them one logical line;
//! 5. [`paragraphs`]: logical lines joined into paragraphs;
//! 6. [`structure`]: preface, title, formula, preamble, operative part,
//!    conclusions, with the language profile naming what is what.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use super::ReadOptions;
use crate::error::ReadError;
use crate::ir::{Block, Body, Inline, Meeting, Note, Paragraph, Resolution};
use crate::lang::{self, is_wide, Profile};

/// Reads PDF-extracted resolution text into the IR.
pub fn read(text: &str, opts: &ReadOptions) -> Result<Resolution, ReadError> {
    read_with_warnings(text, opts).map(|(r, _)| r)
}

/// Like [`read`], also returning what the reader noticed but could repair or
/// only report (a note never cited, a number that looked like a marker).
pub fn read_with_warnings(
    text: &str,
    opts: &ReadOptions,
) -> Result<(Resolution, Vec<String>), ReadError> {
    let lang = opts.lang.unwrap_or_else(|| lang::detect(text));
    let profile = lang::profile(lang);
    let mut warnings = Vec::new();

    let lines = strip_furniture(scan(text));
    let layout = Layout::of(&lines);
    let (body, notes) = collect_notes(&lines, layout);
    let logical = fold_markers(&body, &notes, &mut warnings);
    let paras = paragraphs(&logical, layout, profile);
    let mut res = structure(paras, profile, &mut warnings)?;
    res.meta.lang = lang;
    attach_notes(&mut res, notes, &mut warnings);
    Ok((res, warnings))
}

// ------------------------------------------------------------------ pass 1

/// One physical line of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line<'a> {
    /// Text without leading and trailing whitespace.
    pub text: &'a str,
    /// Leading whitespace characters.
    pub indent: usize,
    /// Whether whitespace followed the text (some extractors end each
    /// paragraph's last line with a space).
    pub trailing: bool,
    /// Whether the raw line was whitespace only, and how long.
    pub blank_width: Option<usize>,
}

impl Line<'_> {
    fn is_blank(&self) -> bool {
        self.blank_width.is_some()
    }
    /// A note number alone on its line ("3").
    fn bare_number(&self) -> Option<u32> {
        let t = self.text;
        (!t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
    }
}

pub(crate) fn scan(text: &str) -> Vec<Line<'_>> {
    text.lines()
        .map(|raw| {
            let raw = raw.trim_end_matches(['\r', '\u{c}']);
            let text = raw.trim();
            if text.is_empty() {
                return Line {
                    text,
                    indent: 0,
                    trailing: false,
                    blank_width: Some(raw.chars().count()),
                };
            }
            let indent = raw.chars().take_while(|c| c.is_whitespace()).count();
            Line {
                text,
                indent,
                trailing: raw.ends_with(char::is_whitespace),
                blank_width: None,
            }
        })
        .collect()
}

// ------------------------------------------------------------------ pass 2

static FURNITURE: LazyLock<[Regex; 3]> = LazyLock::new(|| {
    [
        Regex::new(r"^\d{1,3}/\d{1,3}$").expect("page number"),
        Regex::new(r"^\d{2}-\d{5}\s*(\([A-Z]\))?(\s+\d{6})?$").expect("job number"),
        Regex::new(r"^\*\d{5,}\*$").expect("barcode"),
    ]
});

/// Drops page furniture: page numbers ("2/28"), job numbers
/// ("23-25976 (E) 100124"), barcodes ("*2325976*").
pub(crate) fn strip_furniture(lines: Vec<Line<'_>>) -> Vec<Line<'_>> {
    lines
        .into_iter()
        .filter(|l| l.is_blank() || !FURNITURE.iter().any(|re| re.is_match(l.text)))
        .collect()
}

// ------------------------------------------------------------------ layout

/// Facts about how the extractor laid out this file, measured once.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Layout {
    /// Trailing whitespace marks the last line of a paragraph (true when
    /// only some lines carry it; an extractor that pads every line says
    /// nothing by it).
    pub trailing_ends_paragraph: bool,
}

impl Layout {
    fn of(lines: &[Line<'_>]) -> Layout {
        let text: Vec<_> = lines.iter().filter(|l| !l.is_blank()).collect();
        let trailing = text.iter().filter(|l| l.trailing).count();
        Layout {
            trailing_ends_paragraph: !text.is_empty() && trailing * 10 < text.len() * 8,
        }
    }
}

// ------------------------------------------------------------------ pass 3

/// A footnote body as found at a page bottom, before joining.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawNote<'a> {
    pub number: u32,
    pub lines: Vec<&'a str>,
    /// Index (in the body lines) before which the note block stood: notes
    /// never cited are attached to the text just before it.
    pub body_pos: usize,
}

/// Is this line a footnote separator: a rule of underscores, or a line of
/// many spaces (what some extractors make of the printed rule)?
fn is_separator(l: &Line<'_>) -> bool {
    match l.blank_width {
        Some(w) => w >= 10,
        None => l.text.len() >= 4 && l.text.bytes().all(|b| b == b'_'),
    }
}

/// If `l` starts note `want`: either the number alone ("3") or the number
/// followed by the text ("3  Ibid., vol. 1019").
fn note_start<'a>(l: &Line<'a>, want: u32) -> Option<Option<&'a str>> {
    if l.bare_number() == Some(want) {
        return Some(None);
    }
    let digits = l.text.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &l.text[digits..];
    (digits > 0
        && digits <= 3
        && l.text[..digits].parse::<u32>().ok() == Some(want)
        && rest.starts_with(char::is_whitespace))
    .then(|| Some(rest.trim()))
}

/// Splits footnote blocks out of the flow: after a separator, notes numbered
/// on from the last one, each running until its last line (trailing space,
/// or the next note's number).
pub(crate) fn collect_notes<'a>(
    lines: &[Line<'a>],
    layout: Layout,
) -> (Vec<Line<'a>>, Vec<RawNote<'a>>) {
    let mut body = Vec::with_capacity(lines.len());
    let mut notes: Vec<RawNote<'a>> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let l = &lines[i];
        if !is_separator(l) {
            body.push(l.clone());
            i += 1;
            continue;
        }
        let next_nonblank = |from: usize| (from..lines.len()).find(|&k| !lines[k].is_blank());
        let mut want = notes.last().map_or(1, |n| n.number + 1);
        let mut j = match next_nonblank(i + 1) {
            Some(j) if note_start(&lines[j], want).is_some() => j,
            _ => {
                // Not a note block: a blank line like any other.
                body.push(l.clone());
                i += 1;
                continue;
            }
        };
        let body_pos = body.len();
        while let Some(first) = note_start(&lines[j], want) {
            let mut note = RawNote {
                number: want,
                lines: first.into_iter().collect(),
                body_pos,
            };
            let mut k = j + 1;
            let mut ended = false;
            while k < lines.len() {
                let l = &lines[k];
                if l.is_blank() {
                    // A marker's own trailing space on the next line ends it.
                    if ended || (l.blank_width.unwrap_or(0) > 0 && !note.lines.is_empty()) {
                        ended = true;
                    }
                    k += 1;
                    continue;
                }
                if note_start(l, want + 1).is_some() || ended {
                    break;
                }
                note.lines.push(l.text);
                k += 1;
                if layout.trailing_ends_paragraph && l.trailing {
                    ended = true;
                }
            }
            notes.push(note);
            want += 1;
            match next_nonblank(k) {
                Some(n) if note_start(&lines[n], want).is_some() => j = n,
                _ => {
                    j = k;
                    break;
                }
            }
        }
        i = j;
    }
    (body, notes)
}

// ------------------------------------------------------------------ pass 4

/// A line of text with its citations folded in.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct LogicalLine {
    pub parts: Vec<Inline>,
    pub indent: usize,
    pub trailing: bool,
    /// Raw line index in the body where this logical line started.
    pub start: usize,
}

/// Folds note numbers standing alone on their line into the text: the line
/// before, the citation and the line after become one logical line.
/// A number is a citation only if its note exists and it is either the next
/// first citation (in increasing order) or a repeat of an earlier one.
pub(crate) fn fold_markers(
    body: &[Line<'_>],
    notes: &[RawNote<'_>],
    warnings: &mut Vec<String>,
) -> Vec<LogicalLine> {
    let known: BTreeMap<u32, ()> = notes.iter().map(|n| (n.number, ())).collect();
    let mut last_first = 0u32;
    let mut out: Vec<LogicalLine> = Vec::new();
    let mut i = 0;
    while i < body.len() {
        let l = &body[i];
        if l.is_blank() {
            // Blank lines say nothing in layouts that double-space every
            // line; a whitespace-only line right after a citation is the
            // trailing space of the line the citation ended.
            if l.blank_width.unwrap_or(0) > 0 {
                if let Some(last) = out.last_mut() {
                    last.trailing = true;
                }
            }
            i += 1;
            continue;
        }
        if let (false, Some(n)) = (out.is_empty(), l.bare_number()) {
            let is_first = n > last_first && known.contains_key(&n);
            let is_repeat = n <= last_first && known.contains_key(&n);
            if is_first || is_repeat {
                if is_first {
                    for skipped in (last_first + 1)..n {
                        if known.contains_key(&skipped) {
                            warnings
                                .push(format!("note {skipped} has no citation before note {n}"));
                        }
                    }
                    last_first = n;
                }
                let last = out.last_mut().expect("open implies a line");
                last.parts.push(Inline::NoteRef(n.to_string()));
                last.trailing = false;
                // The line right after continues the same logical line.
                if let Some(next) = body.get(i + 1).filter(|n| !n.is_blank()) {
                    if next.bare_number().is_none() {
                        push_text(&mut last.parts, next.text);
                        last.trailing = next.trailing;
                        i += 2;
                        continue;
                    }
                }
                i += 1;
                continue;
            }
        }
        out.push(LogicalLine {
            parts: vec![Inline::Text(l.text.to_string())],
            indent: l.indent,
            trailing: l.trailing,
            start: i,
        });
        i += 1;
    }
    out
}

/// Appends `text` to inline content, joining it to what is there as a
/// wrapped line joins: no space between wide (CJK) characters, one space
/// between others; runs of spaces inside the line collapse to one.
pub(crate) fn push_text(parts: &mut Vec<Inline>, text: &str) {
    let text = collapse_spaces(text.trim());
    if text.is_empty() {
        return;
    }
    let prev = last_char(parts);
    let next = text.chars().next();
    // Nor before closing punctuation: a note marker printed before a comma
    // ("Millénaire¹, Action 21") leaves the comma at the start of a line.
    let space = match (prev, next) {
        (Some(a), Some(b)) => !(is_wide(a) || is_wide(b) || a.is_whitespace() || closes(b)),
        _ => false,
    };
    // Text after a citation starts its own piece only if nothing precedes.
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

/// Punctuation that closes what precedes it and is printed without a space
/// before it (Latin and Arabic).
fn closes(c: char) -> bool {
    matches!(
        c,
        ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '\u{60c}' | '\u{61b}' | '\u{61f}'
    )
}

/// The last character of the text of `parts`, looking through citations.
fn last_char(parts: &[Inline]) -> Option<char> {
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

// ------------------------------------------------------------------ pass 5

/// A paragraph of joined text, before it is known what it is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct RawPara {
    pub parts: Vec<Inline>,
    /// Body line index of the paragraph's first line.
    pub start: usize,
}

impl RawPara {
    fn plain(&self) -> String {
        Inline::plain_text(&self.parts)
    }
}

/// Joins logical lines into paragraphs. A paragraph ends after a line with
/// trailing space (where the layout uses that), before an operative number,
/// and around lines that stand alone (dates, meeting lines).
pub(crate) fn paragraphs(
    lines: &[LogicalLine],
    layout: Layout,
    profile: &dyn Profile,
) -> Vec<RawPara> {
    let standalone = |l: &LogicalLine| {
        let t = Inline::plain_text(&l.parts);
        profile.date(&t).is_some() || profile.meeting(&t).is_some()
    };
    let mut out: Vec<RawPara> = Vec::new();
    let mut open = false;
    for l in lines {
        let first = Inline::plain_text(&l.parts);
        let starts_new = !open
            || standalone(l)
            || (profile.operative_num(&first).is_some()
                && out.last().is_some_and(|p| ends_clause(&p.parts)));
        if starts_new {
            out.push(RawPara {
                parts: Vec::new(),
                start: l.start,
            });
        }
        let para = out.last_mut().expect("pushed above");
        for part in &l.parts {
            match part {
                Inline::Text(t) => push_text(&mut para.parts, t),
                other => para.parts.push(other.clone()),
            }
        }
        open = !(standalone(l) || layout.trailing_ends_paragraph && l.trailing);
    }
    out
}

/// Does the text end where a clause can end (punctuation, or a citation)?
fn ends_clause(parts: &[Inline]) -> bool {
    if matches!(parts.last(), Some(Inline::NoteRef(_))) {
        return true;
    }
    last_char(parts).is_some_and(|c| {
        matches!(
            c,
            ',' | ';' | '.' | ':' | '，' | '；' | '。' | '：' | '、' | '،' | '؛' | ')' | '）'
        )
    })
}

// ------------------------------------------------------------------ pass 6

/// Assigns paragraphs to the parts of a resolution.
pub(crate) fn structure(
    paras: Vec<RawPara>,
    profile: &dyn Profile,
    warnings: &mut Vec<String>,
) -> Result<Resolution, ReadError> {
    let mut res = Resolution::default();
    let formula_at = paras
        .iter()
        .position(|p| profile.formula(&p.plain()).is_some())
        .ok_or_else(|| ReadError::NotResolution("no enacting formula found".into()))?;

    // Before the formula: preface lines, the numbered title, adoption lines.
    for p in &paras[..formula_at] {
        let plain = p.plain();
        if let Some(t) = profile.title_num(&plain) {
            if res.meta.title.is_empty() {
                res.meta.session = Some(t.session);
                res.meta.number = Some(t.number);
                res.meta.title_num = plain[..t.title_at].trim().to_string();
                res.meta.title = plain[t.title_at..].trim().to_string();
                continue;
            }
        }
        if let Some(c) = profile.committee_line(&plain) {
            res.meta.committee = c.committee;
            res.meta.reports = c.reports;
            res.meta.report_paragraph = c.report_paragraph;
            res.meta.draft = c.draft;
        } else if let Some(a) = profile.adopted(&plain) {
            if let Some(d) = a.date {
                res.meta.adopted.get_or_insert(d);
            }
            if let Some(n) = a.meeting {
                res.meta.meeting.get_or_insert(Meeting {
                    number: n,
                    printed: plain.clone(),
                });
            }
        }
        res.preface.push(plain);
    }
    let formula = paras[formula_at].plain();
    res.meta.body = profile.formula(&formula).unwrap_or(Body::GeneralAssembly);
    res.formula = formula;

    // After it: preamble until the first operative number, then the
    // operative part, then the closing lines.
    let rest = &paras[formula_at + 1..];
    let closing_from = rest
        .iter()
        .rposition(|p| !is_closing(profile, &p.plain()))
        .map_or(0, |k| k + 1);
    for p in &rest[closing_from..] {
        let plain = p.plain();
        if let Some(date) = profile.date(&plain) {
            res.meta.adopted.get_or_insert(date);
        } else if let Some(n) = profile.meeting(&plain) {
            res.meta.meeting.get_or_insert(Meeting {
                number: n,
                printed: plain.clone(),
            });
        }
        res.conclusions.push(plain);
    }
    let mut operative = false;
    for p in &rest[..closing_from] {
        let plain = p.plain();
        if let Some((num, at)) = profile.operative_num(&plain) {
            operative = true;
            res.body.push(Block::Paragraph(Paragraph {
                num: Some(num),
                content: strip_prefix_bytes(&p.parts, at),
                ..Paragraph::default()
            }));
        } else if operative {
            // Unnumbered text after the first operative paragraph continues
            // the paragraph before it (a page or column break split it).
            if let Some(Block::Paragraph(last)) = res.body.last_mut() {
                warnings.push(format!(
                    "unnumbered text after paragraph {} joined to it",
                    last.num.as_deref().unwrap_or("?")
                ));
                for part in &p.parts {
                    match part {
                        Inline::Text(t) => push_text(&mut last.content, t),
                        other => last.content.push(other.clone()),
                    }
                }
            }
        } else {
            res.preamble.push(Block::Paragraph(Paragraph {
                content: p.parts.clone(),
                ..Paragraph::default()
            }));
        }
    }
    if res.body.is_empty() {
        return Err(ReadError::NotResolution(
            "no operative paragraphs found".into(),
        ));
    }
    if let (Some(s), Some(n)) = (res.meta.session, res.meta.number) {
        res.meta.symbol = match res.meta.body {
            Body::GeneralAssembly => format!("A/RES/{s}/{n}"),
            Body::SecurityCouncil => format!("S/RES/{n}"),
            Body::EconomicAndSocialCouncil => format!("E/RES/{s}/{n}"),
        };
    }
    Ok(res)
}

fn is_closing(profile: &dyn Profile, text: &str) -> bool {
    profile.date(text).is_some() || profile.meeting(text).is_some()
}

/// Inline content with the first `bytes` bytes of its text removed (the
/// paragraph number), and the space after it.
fn strip_prefix_bytes(parts: &[Inline], mut bytes: usize) -> Vec<Inline> {
    let mut out = Vec::with_capacity(parts.len());
    for p in parts {
        match p {
            Inline::Text(t) if bytes > 0 => {
                let cut = bytes.min(t.len());
                bytes -= cut;
                let rest = t[cut..].trim_start();
                if !rest.is_empty() {
                    out.push(Inline::Text(rest.to_string()));
                }
            }
            other => out.push(other.clone()),
        }
    }
    out
}

// ------------------------------------------------------------------ notes

/// Stores note texts in the IR in order of first citation; a note never
/// cited is cited at the end of the paragraph before its block, so its text
/// is not lost, with a warning.
fn attach_notes(res: &mut Resolution, raw: Vec<RawNote<'_>>, warnings: &mut Vec<String>) {
    let mut cited = Vec::new();
    visit_refs(res, &mut |m| {
        if !cited.iter().any(|c: &String| c == m) {
            cited.push(m.to_string());
        }
    });
    let mut by_number: BTreeMap<u32, RawNote<'_>> =
        raw.into_iter().map(|n| (n.number, n)).collect();
    for m in &cited {
        let Some(n) = m.parse().ok().and_then(|k: u32| by_number.remove(&k)) else {
            warnings.push(format!("note {m} cited but no text found"));
            continue;
        };
        res.notes.push(note_of(&n));
    }
    for (_, n) in by_number {
        warnings.push(format!(
            "note {} has no citation; attached to the paragraph before it",
            n.number
        ));
        let marker = n.number.to_string();
        if let Some(content) = last_content_mut(res) {
            content.push(Inline::NoteRef(marker));
        }
        res.notes.push(note_of(&n));
    }
}

fn note_of(n: &RawNote<'_>) -> Note {
    let mut content = Vec::new();
    for l in &n.lines {
        push_text(&mut content, l);
    }
    Note {
        marker: n.number.to_string(),
        content,
    }
}

fn last_content_mut(res: &mut Resolution) -> Option<&mut Vec<Inline>> {
    res.body
        .iter_mut()
        .rev()
        .chain(res.preamble.iter_mut().rev())
        .find_map(|b| match b {
            Block::Paragraph(p) => Some(&mut p.content),
            _ => None,
        })
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
mod tests {
    use super::*;
    use crate::ir::Lang;

    fn zh() -> &'static dyn Profile {
        lang::profile(Lang::Zh)
    }

    fn text_of(parts: &[Inline]) -> String {
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
    fn citation_between_two_halves_of_a_sentence() {
        let src = " 铭记《联合国千年宣言》\n1\n 和《维也纳宣言》以及行动计划， \n\n 强调作用， \n";
        let lines = scan(src);
        let notes = vec![RawNote {
            number: 1,
            lines: vec!["见第 55/2 号决议。"],
            body_pos: 0,
        }];
        let mut w = Vec::new();
        let logical = fold_markers(&lines, &notes, &mut w);
        let layout = Layout {
            trailing_ends_paragraph: true,
        };
        let paras = paragraphs(&logical, layout, zh());
        assert_eq!(paras.len(), 2);
        assert_eq!(
            text_of(&paras[0].parts),
            "铭记《联合国千年宣言》[^1]和《维也纳宣言》以及行动计划，"
        );
        assert!(w.is_empty());
    }

    #[test]
    fn english_citation_keeps_the_space_after_it() {
        let src = "the Protocols thereto,\n1\n the Single Convention, \n";
        let lines = scan(src);
        let notes = vec![RawNote {
            number: 1,
            lines: vec!["x"],
            body_pos: 0,
        }];
        let logical = fold_markers(&lines, &notes, &mut Vec::new());
        assert_eq!(
            text_of(&logical[0].parts),
            "the Protocols thereto,[^1] the Single Convention,"
        );
    }

    #[test]
    fn number_without_its_note_stays_text() {
        let src = "第\n46\n号决议， \n";
        let logical = fold_markers(&scan(src), &[], &mut Vec::new());
        assert_eq!(logical.len(), 3, "46 is no citation: no note 46 exists");
    }

    #[test]
    fn footnote_body_spanning_lines_and_the_page_after_it() {
        let src = "正在进行的工作， \n\n                                  \n4\n 最近召开的区域会议，该会为普埃\n\n布拉进程的一部分；会议，2004\n\n年 6 月 7日。 \n\n5\n 第 55/25 号决议。 \n  期待于 2005 年，这次会议 \n";
        let lines = scan(src);
        let layout = Layout::of(&lines);
        assert!(layout.trailing_ends_paragraph);
        // Notes 1..3 were in an earlier block: number on from there.
        let earlier: Vec<RawNote> = Vec::new();
        let _ = earlier;
        let (body, notes) = collect_notes(&lines, layout);
        assert!(
            notes.is_empty(),
            "a block must number on from the notes before it"
        );
        let src1 = src.replace("\n4\n", "\n1\n").replace("\n5\n", "\n2\n");
        let lines = scan(&src1);
        let (body, notes) = {
            let _ = body;
            collect_notes(&lines, layout)
        };
        assert_eq!(notes.len(), 2);
        assert_eq!(
            notes[0].lines,
            vec![
                "最近召开的区域会议，该会为普埃",
                "布拉进程的一部分；会议，2004",
                "年 6 月 7日。"
            ]
        );
        assert_eq!(notes[1].lines, vec!["第 55/25 号决议。"]);
        let texts: Vec<_> = body
            .iter()
            .filter(|l| !l.is_blank())
            .map(|l| l.text)
            .collect();
        assert_eq!(texts, vec!["正在进行的工作，", "期待于 2005 年，这次会议"]);
        let mut content = Vec::new();
        for l in &notes[0].lines {
            push_text(&mut content, l);
        }
        assert_eq!(
            text_of(&content),
            "最近召开的区域会议，该会为普埃布拉进程的一部分；会议，2004年 6 月 7日。"
        );
    }

    #[test]
    fn page_break_inside_a_paragraph_joins_it() {
        // Paragraph 1 runs on across a footnote block to the next page.
        let src = " 1. 赞赏地注意到秘书长关于\n\n                              \n1\n 见报告。 \n  大会第 58/140 号决议执行进度的报告；\n1\n  \n\n 2. 重申方案； \n";
        let lines = scan(src);
        let layout = Layout::of(&lines);
        let (body, notes) = collect_notes(&lines, layout);
        assert_eq!(notes.len(), 1);
        let logical = fold_markers(&body, &notes, &mut Vec::new());
        let paras = paragraphs(&logical, layout, zh());
        let texts: Vec<_> = paras.iter().map(|p| text_of(&p.parts)).collect();
        assert_eq!(
            texts,
            vec![
                "1. 赞赏地注意到秘书长关于大会第 58/140 号决议执行进度的报告；[^1]",
                "2. 重申方案；"
            ]
        );
    }

    #[test]
    fn punctuation_after_a_citation_joins_without_a_space() {
        let src = "la Déclaration du Millénaire\n1\n , Action 21\n2\n et le document, \n";
        let notes: Vec<RawNote> = (1..=2)
            .map(|n| RawNote {
                number: n,
                lines: vec!["x"],
                body_pos: 0,
            })
            .collect();
        let logical = fold_markers(&scan(src), &notes, &mut Vec::new());
        assert_eq!(
            text_of(&logical[0].parts),
            "la Déclaration du Millénaire[^1], Action 21[^2] et le document,"
        );
    }

    #[test]
    fn furniture_goes() {
        let lines = strip_furniture(scan("2/28\n23-25976 (E) 100124\n*2325976*\ntext\n"));
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text, "text");
    }

    #[test]
    fn not_a_resolution() {
        let err = read("milk\neggs\nbread\n", &ReadOptions::default()).unwrap_err();
        assert!(matches!(err, ReadError::NotResolution(_)));
    }

    #[test]
    fn spaces_collapse_but_join_rules_hold() {
        let mut p = Vec::new();
        push_text(&mut p, "Reaffirming  its  resolutions");
        push_text(&mut p, "46/152 of 18 December");
        push_text(&mut p, "回顾");
        assert_eq!(
            text_of(&p),
            "Reaffirming its resolutions 46/152 of 18 December回顾"
        );
    }
}
