//! Markdown emitter: YAML front matter, the resolution as paragraphs and
//! lists, footnotes as `[^n]` with one definition each.
//!
//! Output is CommonMark plus the footnote and table extensions: every
//! character that Markdown could read as syntax is escaped, so any renderer
//! shows exactly the text. What plain Markdown cannot say is carried so that
//! `read::markdown` gets the IR back unchanged, invisibly when rendered:
//! HTML comments mark where the preamble, the operative part, the closing
//! lines and each annex begin (`<!-- preamble -->`), a heading's number and
//! an annex title are `<span class="num">` / `<span class="annex-title">`,
//! a table's header-row count is a comment when it is not one.
//!
//! Lists: a paragraph numbered "12." is an ordered item (its printed number
//! kept); any other number ("(a)") is a `-` item starting with the number
//! (in a `<span class="num">` when it holds a space, "٥ -"); an
//! unnumbered paragraph nested in a list, or one with sub-paragraphs, is a
//! `+` item (`*` would make "* * *", a thematic break, of nested empty items).

use std::fmt::Write as _;

use super::EmitOptions;
use crate::error::EmitError;
use serde_json::Value;

use crate::ir::{meta, Annex, Block, Heading, Inline, Meta, Paragraph, Resolution, Table};

/// Writes `res` as Markdown.
pub fn write(res: &Resolution, _opts: &EmitOptions) -> Result<Vec<u8>, EmitError> {
    let mut out = String::with_capacity(16 * 1024);
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
    out.push_str("<!-- preamble -->\n\n");
    blocks(&res.preamble, &mut out);
    out.push_str("<!-- operative -->\n\n");
    blocks(&res.body, &mut out);
    if !res.conclusions.is_empty() {
        out.push_str("<!-- conclusions -->\n\n");
    }
    for line in &res.conclusions {
        out.push_str(&edges(escape_block(line)));
        out.push_str("\n\n");
    }
    for annex in &res.annexes {
        self::annex(annex, &mut out);
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

/// YAML front matter, one `key: value` line per metadata field the
/// document has (the codec's order), values as YAML flow scalars and
/// collections (JSON syntax), plain where YAML reads them back unchanged.
fn front_matter(m: &Meta, masthead: &[String], out: &mut String) {
    out.push_str("---\n");
    for (field, value) in meta::encode(m) {
        let _ = writeln!(out, "{}: {}", field.key, yaml_value(&value));
    }
    if !masthead.is_empty() {
        let lines: Vec<Value> = masthead.iter().map(|l| Value::from(l.as_str())).collect();
        let _ = writeln!(out, "masthead: {}", yaml_value(&Value::Array(lines)));
    }
    out.push_str("---\n\n");
}

/// A value in YAML flow style: codes, numbers and ISO dates plain, other
/// strings double-quoted (JSON escapes are YAML escapes), lists and objects
/// with a space after each comma and colon.
fn yaml_value(v: &Value) -> String {
    match v {
        Value::String(s) if is_plain(s) => s.clone(),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(json_value).collect();
            format!("[{}]", items.join(", "))
        }
        other => json_value(other),
    }
}

fn json_value(v: &Value) -> String {
    match v {
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(json_value).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(o) => {
            let members: Vec<String> = o
                .iter()
                .map(|(k, v)| format!("{}: {}", Value::from(k.as_str()), json_value(v)))
                .collect();
            format!("{{{}}}", members.join(", "))
        }
        other => other.to_string(),
    }
}

/// Whether a string reads back as itself when written plain: a code of
/// letters, digits and inner hyphens starting with a letter ("zh", "GA")
/// that is no word YAML gives another meaning, or an ISO date.
fn is_plain(s: &str) -> bool {
    let special = ["true", "false", "null", "yes", "no", "on", "off", "y", "n"];
    let b = s.as_bytes();
    let iso_date = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    let code = s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !s.ends_with('-')
        && !special.iter().any(|w| w.eq_ignore_ascii_case(s));
    iso_date || code
}

fn blocks(bs: &[Block], out: &mut String) {
    for b in bs {
        match b {
            Block::Paragraph(p) if p.num.is_none() && p.items.is_empty() => {
                inlines(&p.content, out, true);
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
        if num.contains(' ') {
            // A number with a space ("٥ -") is marked, not split at the space.
            out.push_str("<span class=\"num\">");
            out.push_str(&edges(escape_inline(num)));
            out.push_str("</span>");
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
        list_item(item, inner, true, out);
    }
    if !p.wrap_up.is_empty() {
        out.push_str(&" ".repeat(inner));
        inlines(&p.wrap_up, out, true);
        out.push_str("\n\n");
    }
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
        out.push_str(" <span class=\"num\">");
        out.push_str(&edges(escape_inline(n)));
        out.push_str("</span>");
    }
    if !h.text.is_empty() {
        out.push(' ');
        inlines(&h.text, out, false);
    }
    out.push_str("\n\n");
}

fn table(t: &Table, out: &mut String) {
    if t.header_rows != 1 {
        let _ = write!(out, "<!-- header-rows: {} -->\n\n", t.header_rows);
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

fn annex(a: &Annex, out: &mut String) {
    out.push_str("<!-- annex -->\n\n##");
    if !a.label.is_empty() {
        out.push(' ');
        out.push_str(&edges(escape_inline(&a.label)));
    }
    out.push_str("\n\n");
    if !a.title.is_empty() {
        out.push_str("### <span class=\"annex-title\">");
        inlines(&a.title, out, false);
        out.push_str("</span>\n\n");
    }
    blocks(&a.content, out);
}

/// Writes inline content; `block_start` escapes what would start a block
/// construct at the beginning of the text.
fn inlines(parts: &[Inline], out: &mut String, block_start: bool) {
    let mut first = block_start;
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
                out.push_str(&edges_at(escaped, k == 0, k + 1 == parts.len()));
            }
            Inline::NoteRef(m) => {
                let _ = write!(out, "[^{m}]");
            }
            Inline::Emphasis(inner) => {
                let mut s = String::new();
                inlines(inner, &mut s, false);
                // `*…*` only where CommonMark's flanking rules surely make it
                // emphasis; otherwise the HTML form, which always does.
                let edge = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
                if edge(s.chars().next()) && edge(s.chars().next_back()) {
                    out.push('*');
                    out.push_str(&s);
                    out.push('*');
                } else {
                    out.push_str("<em>");
                    out.push_str(&s);
                    out.push_str("</em>");
                }
            }
        }
        first = false;
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
    for c in s.chars() {
        match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '!' | '^' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
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
    }
}
