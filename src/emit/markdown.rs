//! Markdown emitter: YAML front matter, the resolution as paragraphs and an
//! ordered list, footnotes as `[^n]` with one definition each.
//!
//! Output is CommonMark plus the footnote and table extensions: every
//! character that Markdown could read as syntax is escaped, so any renderer
//! shows exactly the text.

use std::fmt::Write as _;

use super::EmitOptions;
use crate::error::EmitError;
use crate::ir::{Annex, Block, Heading, Inline, Meta, Paragraph, Resolution, Table};

/// Writes `res` as Markdown.
pub fn write(res: &Resolution, _opts: &EmitOptions) -> Result<Vec<u8>, EmitError> {
    let mut out = String::with_capacity(16 * 1024);
    front_matter(&res.meta, &res.masthead, &mut out);
    for line in &res.preface {
        out.push_str(&escape_block(line));
        out.push_str("\n\n");
    }
    out.push_str("# ");
    if !res.meta.title_num.is_empty() {
        out.push_str(&escape_inline(&res.meta.title_num));
        out.push(' ');
    }
    out.push_str(&escape_inline(&res.meta.title));
    out.push_str("\n\n");
    if !res.formula.is_empty() {
        out.push_str(&escape_block(&res.formula));
        out.push_str("\n\n");
    }
    blocks(&res.preamble, &mut out);
    blocks(&res.body, &mut out);
    for line in &res.conclusions {
        out.push_str(&escape_block(line));
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

fn front_matter(m: &Meta, masthead: &[String], out: &mut String) {
    // Values are JSON strings, which YAML reads as double-quoted scalars.
    let q = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
    out.push_str("---\n");
    let mut field = |k: &str, v: String| {
        let _ = writeln!(out, "{k}: {v}");
    };
    field("symbol", q(&m.symbol));
    field("title", q(&m.title));
    if !m.title_num.is_empty() {
        field("title_number", q(&m.title_num));
    }
    if !m.running_heads.is_empty() {
        let heads: Vec<String> = m.running_heads.iter().map(|h| q(h)).collect();
        field("running_heads", format!("[{}]", heads.join(", ")));
    }
    if let Some(j) = &m.job_number {
        field("job_number", q(j));
    }
    field("language", m.lang.iso639_1().to_string());
    field(
        "body",
        match m.body {
            crate::ir::Body::GeneralAssembly => "GA",
            crate::ir::Body::SecurityCouncil => "SC",
            crate::ir::Body::EconomicAndSocialCouncil => "ECOSOC",
        }
        .to_string(),
    );
    if let Some(s) = m.session {
        field("session", s.to_string());
    }
    if let Some(n) = m.number {
        field("number", n.to_string());
    }
    if let Some(y) = m.year {
        field("year", y.to_string());
    }
    if let Some(c) = &m.committee {
        field("committee", q(c));
    }
    match m.reports.as_slice() {
        [] => {}
        [one] => field("report", q(one)),
        many => field(
            "report",
            format!(
                "[{}]",
                many.iter().map(|r| q(r)).collect::<Vec<_>>().join(", ")
            ),
        ),
    }
    if let Some(p) = &m.report_paragraph {
        field("report_paragraph", q(p));
    }
    if let Some(d) = &m.draft {
        field("draft", q(d));
    }
    if !m.agenda_items.is_empty() {
        let items: Vec<String> = m
            .agenda_items
            .iter()
            .map(|a| match &a.title {
                Some(t) => format!("{{number: {}, title: {}}}", q(&a.number), q(t)),
                None => format!("{{number: {}}}", q(&a.number)),
            })
            .collect();
        field("agenda", format!("[{}]", items.join(", ")));
    }
    if let Some(d) = &m.distributed {
        field("distributed", d.clone());
    }
    if let Some(d) = &m.adopted {
        field("adopted", d.clone());
    }
    if let Some(mt) = &m.meeting {
        field("meeting", mt.number.to_string());
    }
    if !masthead.is_empty() {
        let lines: Vec<String> = masthead.iter().map(|l| q(l)).collect();
        field("masthead", format!("[{}]", lines.join(", ")));
    }
    out.push_str("---\n\n");
}

fn blocks(bs: &[Block], out: &mut String) {
    for b in bs {
        match b {
            Block::Paragraph(p) => paragraph(p, 0, out),
            Block::Heading(h) => heading(h, out),
            Block::Table(t) => table(t, out),
        }
    }
}

fn paragraph(p: &Paragraph, depth: usize, out: &mut String) {
    let indent = "    ".repeat(depth);
    out.push_str(&indent);
    let inner = match &p.num {
        // A list item keeps its printed number: "1." as an ordered item,
        // anything else ("(a)") as a bullet item starting with the label.
        Some(n) if is_ordered_marker(n) => {
            out.push_str(n);
            out.push(' ');
            format!("{indent}{}", " ".repeat(n.chars().count() + 1))
        }
        Some(n) => {
            out.push_str("- ");
            out.push_str(&escape_inline(n));
            out.push(' ');
            format!("{indent}  ")
        }
        None => indent.clone(),
    };
    let mut body = String::new();
    inlines(&p.content, &mut body, p.num.is_none());
    out.push_str(&body);
    out.push_str("\n\n");
    for item in &p.items {
        paragraph(item, depth + 1, out);
    }
    if !p.wrap_up.is_empty() {
        out.push_str(&inner);
        inlines(&p.wrap_up, out, false);
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
    out.push(' ');
    if let Some(n) = &h.num {
        out.push_str(&escape_inline(n));
        if !h.text.is_empty() {
            out.push(' ');
        }
    }
    inlines(&h.text, out, false);
    out.push_str("\n\n");
}

fn table(t: &Table, out: &mut String) {
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
    out.push_str("## ");
    out.push_str(&escape_inline(&a.label));
    out.push_str("\n\n");
    if !a.title.is_empty() {
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
    for p in parts {
        match p {
            Inline::Text(t) => {
                if first {
                    out.push_str(&escape_block(t));
                } else {
                    out.push_str(&escape_inline(t));
                }
            }
            Inline::NoteRef(m) => {
                let _ = write!(out, "[^{m}]");
            }
            Inline::Emphasis(inner) => {
                out.push('*');
                inlines(inner, out, false);
                out.push('*');
            }
        }
        first = false;
    }
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
