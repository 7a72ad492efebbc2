//! Markdown emitter: YAML front matter, the resolution as paragraphs and
//! lists, footnotes as `[^n]` with one definition each.
//!
//! Output is CommonMark plus the footnote and table extensions, and no raw
//! HTML at all: every character that Markdown could read as syntax is
//! escaped, so any renderer shows exactly the text. What plain Markdown
//! cannot say is carried so that `read::markdown` gets the IR back
//! unchanged, invisibly when rendered: link reference definitions that no
//! link uses (`[unres:preamble]: #`, which every CommonMark renderer shows
//! as nothing) mark where the preamble, the operative part, the closing
//! lines, each annex and its title begin, and a table's header-row count
//! when it is not one; a printed number that is no Markdown list marker
//! is strong emphasis at the start of its paragraph, item or heading
//! (`**٥ -** تقرر …`, `## **II.** Title`), so it shows as the number,
//! in bold. (Strong emphasis is nothing else in the IR.)
//!
//! Lists: a paragraph numbered "12." is an ordered item (its printed number
//! kept); a numbered paragraph ("٥ -", "(a)") with nothing below it is a
//! paragraph opening with its number in bold, of its block or of its
//! parent's list item (so "(a)" shows as printed, without a bullet); one
//! with sub-paragraphs of its own is a `-` item starting with the number (in
//! bold when it holds a space); so is the first sub-paragraph of an item
//! that has no text of its own (an item cannot open with a blank line); an
//! unnumbered paragraph nested in a list, or one with sub-paragraphs, is a
//! `+` item (`*` would make "* * *", a thematic break, of nested empty
//! items).

use std::fmt::Write as _;

use super::EmitOptions;
use crate::error::EmitError;
use serde_json::Value;

use crate::ir::{meta, Annex, Block, Heading, Inline, Meta, Paragraph, Resolution, Table};

/// Writes `res` as Markdown.
pub fn write(res: &Resolution, _opts: &EmitOptions) -> Result<Vec<u8>, EmitError> {
    note_labels_ok(res)?;
    // The text, its marks and the front matter.
    let mut out = String::with_capacity(res.text_bytes() * 9 / 8 + 16 * 1024);
    front_matter(&res.meta, &res.masthead, &mut out);
    for line in &res.preface {
        out.push_str(&edges(escape_block(line)));
        out.push_str("\n\n");
    }
    out.push('#');
    if !res.meta.title_num.is_empty() {
        out.push(' ');
        out.push_str(&edges(escape_inline(&res.meta.title_num)));
    }
    if !res.meta.title.is_empty() {
        out.push(' ');
        out.push_str(&edges(escape_inline(&res.meta.title)));
    }
    out.push_str("\n\n");
    if !res.formula.is_empty() {
        out.push_str(&edges(escape_block(&res.formula)));
        out.push_str("\n\n");
    }
    marker("preamble", &mut out);
    blocks(&res.preamble, &mut out);
    marker("operative", &mut out);
    blocks(&res.body, &mut out);
    if !res.conclusions.is_empty() {
        marker("conclusions", &mut out);
    }
    for line in &res.conclusions {
        out.push_str(&edges(escape_block(line)));
        out.push_str("\n\n");
    }
    for (n, annex) in res.annexes.iter().enumerate() {
        self::annex(annex, n + 1, &mut out);
    }
    for note in &res.notes {
        // Definitions are written once, whatever the number of citations.
        let _ = write!(out, "[^{}]: ", note.marker);
        inlines(&note.content, &mut out, true);
        out.push_str("\n\n");
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    Ok(out.into_bytes())
}

/// A footnote is written `[^MARKER]`, its citations likewise: a note with
/// no marker, or two notes with one, or a marker Markdown cannot hold as a
/// label (spaces, line breaks or other control characters, brackets),
/// would make Markdown no reader takes back (or tie citations to the wrong
/// note), so such an IR is refused.
fn note_labels_ok(res: &Resolution) -> Result<(), EmitError> {
    let mut bad: Option<String> = None;
    let mut check = |m: &str| {
        if bad.is_none() && !writable_label(m) {
            bad = Some(m.to_string());
        }
    };
    res.each_note_ref(&mut check);
    // A note's text may cite, too.
    for note in &res.notes {
        crate::ir::refs_in(&note.content, &mut check);
    }
    if let Some(m) = bad.or_else(|| {
        res.notes
            .iter()
            .find(|n| !n.marker.is_empty() && !writable_label(&n.marker))
            .map(|n| n.marker.clone())
    }) {
        return Err(EmitError::Other(format!(
            "note marker {m:?} cannot be written as a Markdown footnote label"
        )));
    }
    let mut seen = std::collections::HashSet::new();
    for note in &res.notes {
        if note.marker.trim().is_empty() {
            return Err(EmitError::Other(
                "a note has no marker: Markdown cannot cite it".into(),
            ));
        }
        if !seen.insert(note.marker.as_str()) {
            return Err(EmitError::Other(format!(
                "two notes are marked {:?}: Markdown cannot tell their citations apart",
                note.marker
            )));
        }
    }
    Ok(())
}

/// Whether `marker` can stand as a footnote label: not empty, no space,
/// control character or bracket, and no backslash (escapes are not
/// undone in labels).
fn writable_label(marker: &str) -> bool {
    !marker.is_empty()
        && !marker
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '[' | ']' | '\\'))
}

/// YAML front matter: a block mapping of the metadata fields the document
/// has (the codec's order, keys as [`meta::FIELDS`] names them) and the
/// masthead lines, plain block YAML as yaml_serde writes it (directly by
/// [`super::yaml`] where it can): lists one item a line, strings quoted
/// where YAML would read them as something else ("yes", "123", ": "), so
/// pandoc and the markdown-it and pulldown-cmark front matter plugins read
/// the values unres wrote.
fn front_matter(m: &Meta, masthead: &[String], out: &mut String) {
    let fields = meta::encode(m);
    let masthead = (!masthead.is_empty())
        .then(|| Value::Array(masthead.iter().map(|l| Value::from(l.as_str())).collect()));
    let entries = fields
        .iter()
        .map(|(field, value)| (field.key, value))
        .chain(masthead.as_ref().map(|v| ("masthead", v)));
    out.push_str("---\n");
    match super::yaml::block(entries.clone()) {
        Some(yaml) => out.push_str(&yaml),
        None => out.push_str(&by_yaml_serde(entries)),
    }
    out.push_str("---\n\n");
}

/// The front matter's mapping as yaml_serde writes it (what
/// [`super::yaml`] leaves to it), YAML 1.1 booleans quoted.
fn by_yaml_serde<'v>(entries: impl Iterator<Item = (&'v str, &'v Value)>) -> String {
    let mut map = yaml_serde::Mapping::new();
    for (key, value) in entries {
        if let Ok(v) = yaml_serde::to_value(value) {
            map.insert(yaml_serde::Value::from(key), v);
        }
    }
    yaml_serde::to_string(&map)
        .map(|yaml| quote_yaml11_words(&yaml))
        .unwrap_or_default()
}

/// yaml_serde quotes what YAML 1.2 would misread; YAML 1.1 readers
/// (PyYAML, older js-yaml, many front matter plugins) also read `yes`,
/// `no`, `on`, `off`, `y` and `n` as booleans: those plain words are
/// single-quoted too. (A plain scalar that is one such word holds no
/// quote, so the quoting is exact.)
fn quote_yaml11_words(yaml: &str) -> String {
    let mut out = String::with_capacity(yaml.len() + 8);
    for line in yaml.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let indent = body.len() - body.trim_start().len();
        let mut start = indent;
        while body[start..].starts_with("- ") {
            start += 2;
        }
        if let Some(colon) = body[start..].find(": ") {
            let key = &body[start..start + colon];
            if key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                start += colon + 2;
            }
        }
        let value = &body[start..];
        if super::yaml::YAML11_BOOLEANS
            .iter()
            .any(|w| w.eq_ignore_ascii_case(value))
        {
            out.push_str(&body[..start]);
            out.push('\'');
            out.push_str(value);
            out.push('\'');
            out.push_str(&line[body.len()..]);
        } else {
            out.push_str(line);
        }
    }
    out
}

/// A marker `read::markdown` reads and renderers do not show: a link
/// reference definition no link uses. Labels are unique in a document (a
/// second definition of a label would be ignored).
fn marker(label: &str, out: &mut String) {
    let _ = write!(out, "[unres:{label}]: #\n\n");
}

/// A printed number as strong emphasis, which always parses as such where
/// it stands (after a list marker, `## ` or at a paragraph's start, and
/// before a space or the line's end): ends that are spaces are written as
/// character references.
fn strong_num(num: &str, out: &mut String) {
    out.push_str("**");
    out.push_str(&edges(escape_inline(num)));
    out.push_str("**");
}

fn blocks(bs: &[Block], out: &mut String) {
    for b in bs {
        match b {
            Block::Paragraph(p) if p.num.is_none() && p.items.is_empty() => {
                inlines(&p.content, out, true);
                out.push_str("\n\n");
            }
            Block::Paragraph(p)
                if p.items.is_empty()
                    && p.wrap_up.is_empty()
                    && !p.num.as_deref().is_some_and(is_ordered_marker) =>
            {
                // A numbered paragraph ("٥ -"): its number in bold, no bullet.
                strong_num(p.num.as_deref().unwrap_or_default(), out);
                if !p.content.is_empty() {
                    out.push(' ');
                    inlines(&p.content, out, false);
                }
                out.push_str("\n\n");
            }
            Block::Paragraph(p) => list_item(p, 0, true, out),
            Block::Heading(h) => heading(h, out),
            Block::Table(t) => table(t, out),
        }
    }
}

/// One paragraph as a list item whose marker starts at column `col`
/// (written there when `line_start`, else already on the current line).
/// Sub-paragraphs and the wrap-up follow at the item's content column.
fn list_item(p: &Paragraph, col: usize, line_start: bool, out: &mut String) {
    if line_start {
        out.push_str(&" ".repeat(col));
    }
    let (marker, labelled) = match &p.num {
        Some(n) if is_ordered_marker(n) => (format!("{n} "), false),
        Some(_) => ("- ".to_string(), true),
        None => ("+ ".to_string(), false),
    };
    out.push_str(&marker);
    let inner = col + marker.chars().count();
    let mut children = p.items.iter();
    if labelled {
        let num = p.num.as_deref().unwrap_or_default();
        if num.contains(char::is_whitespace) {
            // A number with a space ("٥ -") is marked, not split at the space.
            strong_num(num, out);
        } else {
            out.push_str(&edges(escape_block(num)));
        }
        if !p.content.is_empty() {
            out.push(' ');
            inlines(&p.content, out, false);
        }
        out.push_str("\n\n");
    } else if p.content.is_empty() && !p.items.is_empty() {
        // An item cannot open with a blank line: the first sub-paragraph
        // goes on the marker's line.
        if let Some(first) = children.next() {
            list_item(first, inner, false, out);
        }
    } else {
        inlines(&p.content, out, true);
        out.push_str("\n\n");
    }
    for item in children {
        if is_leaf_labelled(item) {
            // "(a) …" with nothing below it: a paragraph of the item, its
            // number in bold, no bullet (as printed).
            out.push_str(&" ".repeat(inner));
            strong_num(item.num.as_deref().unwrap_or_default(), out);
            if !item.content.is_empty() {
                out.push(' ');
                inlines(&item.content, out, false);
            }
            out.push_str("\n\n");
        } else {
            list_item(item, inner, true, out);
        }
    }
    if !p.wrap_up.is_empty() {
        out.push_str(&" ".repeat(inner));
        inlines(&p.wrap_up, out, true);
        out.push_str("\n\n");
    }
}

/// A sub-paragraph with a number that is no list marker ("(a)", "٥ -") and
/// nothing below it: written as a paragraph of its parent's item.
fn is_leaf_labelled(p: &Paragraph) -> bool {
    p.items.is_empty()
        && p.wrap_up.is_empty()
        && p.num.as_deref().is_some_and(|n| !is_ordered_marker(n))
}

/// "12." can stand as a CommonMark ordered-list marker (1–9 digits, then ".").
fn is_ordered_marker(n: &str) -> bool {
    let digits = n.strip_suffix('.').unwrap_or("");
    !digits.is_empty() && digits.len() <= 9 && digits.bytes().all(|b| b.is_ascii_digit())
}

fn heading(h: &Heading, out: &mut String) {
    let level = (h.level as usize + 1).clamp(2, 6);
    out.push_str(&"#".repeat(level));
    if let Some(n) = &h.num {
        out.push(' ');
        strong_num(n, out);
    }
    if !h.text.is_empty() {
        out.push(' ');
        inlines(&h.text, out, false);
    }
    out.push_str("\n\n");
}

fn table(t: &Table, out: &mut String) {
    if t.header_rows != 1 {
        // Numbered so that each table's label is its own.
        let n = out.matches("[unres:header-rows ").count() + 1;
        marker(&format!("header-rows {} table {n}", t.header_rows), out);
    }
    let cols = t.rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let row = |cells: &[Vec<Inline>], out: &mut String| {
        out.push('|');
        for c in 0..cols {
            out.push(' ');
            if let Some(cell) = cells.get(c) {
                inlines(cell, out, false);
            }
            out.push_str(" |");
        }
        out.push('\n');
    };
    // Markdown has one header row: further ones are marked by the comment
    // above; none is an empty header row.
    let header = t.rows.first().filter(|_| t.header_rows > 0);
    match header {
        Some(h) => row(h, out),
        None => row(&[], out),
    }
    out.push('|');
    for _ in 0..cols {
        out.push_str(" --- |");
    }
    out.push('\n');
    for r in t.rows.iter().skip(usize::from(header.is_some())) {
        row(r, out);
    }
    out.push('\n');
}

fn annex(a: &Annex, n: usize, out: &mut String) {
    marker(&format!("annex {n}"), out);
    out.push_str("##");
    if !a.label.is_empty() {
        out.push(' ');
        out.push_str(&edges(escape_inline(&a.label)));
    }
    out.push_str("\n\n");
    if !a.title.is_empty() {
        marker(&format!("annex-title {n}"), out);
        out.push_str("### ");
        inlines(&a.title, out, false);
        out.push_str("\n\n");
    }
    blocks(&a.content, out);
}

/// Writes inline content; `block_start` escapes what would start a block
/// construct at the beginning of the text.
fn inlines(parts: &[Inline], out: &mut String, block_start: bool) {
    let mut first = block_start;
    // Whether the character just written closes an emphasis that needs
    // punctuation or a space after it.
    let mut protect_next = false;
    for (k, p) in parts.iter().enumerate() {
        match p {
            Inline::Text(t) => {
                let mut escaped = if first {
                    escape_block(t)
                } else {
                    escape_inline(t)
                };
                // "[^1](x)" would be a link, "[^1]: x" a definition.
                let after_ref = k > 0 && matches!(parts[k - 1], Inline::NoteRef(_));
                if after_ref && escaped.starts_with(['(', ':']) {
                    escaped.insert(0, '\\');
                }
                let mut escaped = edges_at(escaped, k == 0, k + 1 == parts.len());
                if std::mem::take(&mut protect_next) {
                    escaped = as_reference_unless_flanking(escaped);
                }
                out.push_str(&escaped);
            }
            Inline::NoteRef(m) => {
                protect_next = false;
                let _ = write!(out, "[^{m}]");
            }
            Inline::Emphasis(inner) => {
                let mut s = String::new();
                inlines(inner, &mut s, false);
                // `*…*` as it is where CommonMark's flanking rules surely make
                // it emphasis (letters or digits at both ends). Otherwise the
                // ends inside are spaces written as character references
                // (see `edges_at`) or punctuation, so the delimiters are sure
                // to open and close when what is outside them is punctuation
                // or a space too: a letter there is written as a character
                // reference (`&#x61;`), which renders as the letter.
                let edge = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
                if !(edge(s.chars().next()) && edge(s.chars().next_back())) {
                    if let Some(c) = out.chars().next_back().filter(|&c| !is_flanking(c)) {
                        out.pop();
                        let _ = write!(out, "&#x{:X};", c as u32);
                    }
                    protect_next = true;
                }
                out.push('*');
                out.push_str(&s);
                out.push('*');
            }
        }
        first = false;
    }
}

/// Whether `c` beside an emphasis delimiter lets it open or close whatever
/// the other side: a space or ASCII punctuation.
fn is_flanking(c: char) -> bool {
    c.is_whitespace() || c.is_ascii_punctuation()
}

/// `s` with its first character as a character reference unless it is a
/// space or ASCII punctuation.
fn as_reference_unless_flanking(s: String) -> String {
    match s.chars().next() {
        Some(c) if !is_flanking(c) => format!("&#x{:X};{}", c as u32, &s[c.len_utf8()..]),
        _ => s,
    }
}

/// [`edges_at`] for a text standing alone (a line, a title, a number).
fn edges(s: String) -> String {
    edges_at(s, true, true)
}

/// Writes whitespace at the start or end of a paragraph's text (no-break
/// and ideographic spaces, which the IR keeps) as character references:
/// Markdown trims whitespace at the ends of paragraphs and headings. Inside
/// the paragraph (after a citation, say) a space stays a space.
fn edges_at(s: String, at_start: bool, at_end: bool) -> String {
    let keep = |c: char| !c.is_whitespace();
    let start = if at_start {
        s.find(keep).unwrap_or(s.len())
    } else {
        0
    };
    let end = if at_end {
        s.rfind(keep).map_or(start, |i| {
            i + s[i..].chars().next().map_or(0, char::len_utf8)
        })
    } else {
        s.len()
    }
    .max(start);
    if start == 0 && end == s.len() {
        return s;
    }
    let refs = |part: &str| {
        part.chars()
            .map(|c| format!("&#x{:X};", c as u32))
            .collect::<String>()
    };
    format!("{}{}{}", refs(&s[..start]), &s[start..end], refs(&s[end..]))
}

/// Escapes inline syntax: emphasis, links, code, HTML, entities, tables,
/// hard breaks. Line breaks in text become spaces (text is one line).
pub fn escape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    // Every character escaped or replaced is ASCII: the runs between them
    // are copied whole, and each cut falls on a character boundary.
    let special = |b: u8| {
        (b == b'\\')
            | (b == b'*')
            | (b == b'_')
            | (b == b'`')
            | (b == b'[')
            | (b == b']')
            | (b == b'<')
            | (b == b'>')
            | (b == b'&')
            | (b == b'|')
            | (b == b'~')
            | (b == b'!')
            | (b == b'^')
            | (b == b'#')
            | (b == b'\n')
            | (b == b'\r')
    };
    let mut copied = 0;
    for i in crate::scan::marked(s.as_bytes(), special) {
        out.push_str(&s[copied..i]);
        match s.as_bytes()[i] {
            b'\n' | b'\r' => out.push(' '),
            b => {
                out.push('\\');
                out.push(char::from(b));
            }
        }
        copied = i + 1;
    }
    out.push_str(&s[copied..]);
    out
}

/// Escapes a text that starts a block: also list markers ("1.", "- "),
/// headings, quotes and thematic breaks at its start.
pub fn escape_block(s: &str) -> String {
    let mut out = escape_inline(s);
    let digits = out.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(out.as_bytes().get(digits), Some(b'.') | Some(b')')) {
        out.insert(digits, '\\');
    } else if matches!(out.as_bytes().first(), Some(b'-' | b'+' | b'=' | b':')) {
        out.insert(0, '\\');
    }
    if out.starts_with(' ') || out.starts_with('\t') {
        // Leading spaces could make an indented code block.
        out = format!("&#32;{}", out.trim_start());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_markdown_would_misread() {
        assert_eq!(escape_block("1. not a list"), "1\\. not a list");
        assert_eq!(escape_block("- not a bullet"), "\\- not a bullet");
        assert_eq!(
            escape_inline("a*b_c[d]<e>&f|g"),
            "a\\*b\\_c\\[d\\]\\<e\\>\\&f\\|g"
        );
        assert_eq!(escape_inline("大会，"), "大会，");
        assert_eq!(escape_inline("é*\nж\r#"), "é\\* ж \\#");
    }

    #[test]
    fn yaml_1_1_booleans_are_quoted_and_nothing_else_changes() {
        let y = "symbol: yes\ncommittee: On\nreport:\n- n\n- A/1\nmeeting:\n  number: 7\n  printed: off\nsession: 59\ntitle: yes we can\n";
        assert_eq!(
            quote_yaml11_words(y),
            "symbol: 'yes'\ncommittee: 'On'\nreport:\n- 'n'\n- A/1\nmeeting:\n  number: 7\n  printed: 'off'\nsession: 59\ntitle: yes we can\n"
        );
    }

    /// The front matter as `emit::yaml` writes it is what yaml_serde
    /// writes, wherever it writes one: every string of up to three
    /// characters that YAML treats specially (indicators, quotes, spaces,
    /// breaks, digits, signs, a BOM, letters of `yes` and `null`) as a
    /// value, a list item, a nested mapping's value and a listed mapping's
    /// value, and longer strings of each kind it meets.
    #[test]
    fn direct_yaml_is_what_yaml_serde_writes() {
        let alphabet = [
            ' ', ':', '-', '#', '\'', '"', '.', '0', '1', 'a', 'y', 'e', 'x', 'n', '\t', '\n', 'é',
            '\u{2028}', '\u{85}', '\u{feff}', '?', '~', '+', '!', '中',
        ];
        let mut strings = crate::lang::tests::every_string(&alphabet, 3);
        strings.extend(
            [
                "Distr.: General",
                "2004-12-20",
                "0x1F",
                "-0x1f",
                "+5",
                "0o17",
                "1e5",
                ".inf",
                "-.Inf",
                ".NaN",
                "infinity",
                "NaN",
                "007",
                "-007",
                "12345678901234567890123456789",
                "---x",
                "...",
                "..x",
                "---é",
                "...中",
                "--- a",
                "null",
                "NULL",
                "true",
                "True",
                "false",
                "False",
                "FALSE",
                "a: b",
                "a :b",
                "a #b",
                "a#b",
                "end:",
                "18 c)",
                "Null",
                "TRUE",
                "OFF",
                "Yes",
                "l'Assemblée",
                "第 74 次全体会议",
                "الجلسة العامة 50",
                "a\u{7f}b",
                "a\u{a0}b",
                "\u{fffe}",
                "\u{fffd}",
                "\u{10000}",
                "\u{d7ff}",
                "- a",
                "-a",
                "? a",
                "?a",
                "@x",
                "%x",
                "`x",
                "&x",
                "*x",
                "!x",
                "|x",
                ">x",
                "[x",
                "{x",
                ",x",
                "x,",
                "x]",
            ]
            .map(String::from),
        );
        let number = Value::from(74);
        let escaped = |s: &str| {
            s.contains([
                '\t', '\n', '\u{2028}', '\u{85}', '\u{feff}', '\u{7f}', '\u{fffe}',
            ])
        };
        let mut written = 0;
        for s in &strings {
            let v = Value::from(s.as_str());
            let list = Value::Array(vec![v.clone(), Value::from("A/59/494"), number.clone()]);
            let nested = serde_json::json!({ "number": 74, "printed": s, "held": true });
            let listed = serde_json::json!([{ "number": s, "title": "x" }, { "title": s }]);
            let shapes: [&[(&str, &Value)]; 4] = [
                &[("title", &v), ("session", &number)],
                &[("report", &list)],
                &[("meeting", &nested)],
                &[("agenda", &listed), ("title", &v)],
            ];
            for entries in shapes {
                match super::super::yaml::block(entries.iter().copied()) {
                    Some(direct) => {
                        assert_eq!(direct, by_yaml_serde(entries.iter().copied()), "{s:?}");
                        written += 1;
                    }
                    // What it leaves to yaml_serde: characters libyaml
                    // escapes or breaks lines at, nothing else.
                    None => assert!(escaped(s), "{s:?} left to yaml_serde"),
                }
            }
        }
        assert!(written > 30_000, "{written}");
        // Nothing, and a key libyaml writes otherwise, go to yaml_serde.
        assert_eq!(super::super::yaml::block([]), None);
        assert_eq!(super::super::yaml::block([("a b: c", &number)]), None);
    }

    /// The reference's front matter is written directly, as yaml_serde
    /// writes it.
    #[test]
    fn reference_front_matter_is_written_directly() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/A_RES_59_159.txt");
        let text = std::fs::read_to_string(path).expect("the sample");
        let opts = crate::read::ReadOptions::default();
        let (res, _) = crate::read::read(crate::read::Kind::Text, &text, &opts).expect("reads");
        let fields = meta::encode(&res.meta);
        let entries = || fields.iter().map(|(f, v)| (f.key, v));
        let direct = super::super::yaml::block(entries()).expect("written directly");
        assert_eq!(direct, by_yaml_serde(entries()));
        assert!(direct.contains("title: 加强联合国预防犯罪和刑事司法方案"));
    }
}
