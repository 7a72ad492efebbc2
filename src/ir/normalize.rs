//! The invariants every reader ends with: the one canonical form of the IR.
//!
//! What "arbitrary text" the IR holds. Markdown and XML cannot carry every
//! string unchanged (XML 1.0 has no place for most control characters,
//! Markdown trims paragraphs), so the IR holds text in one canonical form.
//! Every reader ends with [`Resolution::normalize`], and so must any code
//! that builds a `Resolution` by hand; emitters may rely on it:
//!
//! 1. Text has no control characters: tab, line feed, carriage return and
//!    form feed become spaces, the others (and U+FFFE, U+FFFF) are dropped.
//!    Runs of ASCII whitespace inside one text run are one space. Other
//!    whitespace (no-break space, ideographic space) is text and is kept.
//! 2. Inline sequences (paragraph content, headings, cells, notes) merge
//!    adjacent text runs, hold no empty text run and no empty emphasis, no
//!    emphasis directly inside emphasis, no two emphases side by side, and
//!    do not start or end with a space.
//! 3. Single-line strings (masthead, preface and closing lines, formula, titles,
//!    labels, numbers, metadata) are trimmed; empty preface and closing
//!    lines are dropped; a paragraph or heading number is never empty; an
//!    optional metadata field is absent rather than empty.
//! 4. A paragraph without sub-paragraphs has no wrap-up (it is part of the
//!    content); a top-level paragraph with nothing in it is dropped.
//!    Heading levels are 1 to 5.
//! 5. Tables have at least one row, all rows the same number of cells
//!    (short rows padded with empty cells), and no more header rows than rows.
//! 6. Notes are in the order of their first citation (document order:
//!    preamble, body, annexes); notes never cited keep their order, last.

use super::{Block, Inline, Meta, Note, Paragraph, Resolution};

impl Resolution {
    /// Brings the IR into canonical form (see the invariants above).
    /// Idempotent; loses no character except whitespace and control
    /// characters.
    pub fn normalize(&mut self) {
        self.meta.normalize();
        self.formula = clean_line(&self.formula);
        for lines in [&mut self.masthead, &mut self.preface, &mut self.conclusions] {
            clean_lines(lines);
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
        let order = self.cited_markers();
        let rank = |n: &Note| {
            order
                .iter()
                .position(|m| *m == n.marker)
                .unwrap_or(usize::MAX)
        };
        self.notes.sort_by_key(rank);
    }
}

impl Meta {
    /// The metadata's part of [`Resolution::normalize`] (invariant 3),
    /// also for values set over what a reader found (`--metadata`), which
    /// come after the reader's pass.
    pub fn normalize(&mut self) {
        for s in [&mut self.symbol, &mut self.title, &mut self.title_num] {
            *s = clean_line(s);
        }
        for o in [
            &mut self.job_number,
            &mut self.committee,
            &mut self.report_paragraph,
            &mut self.draft,
        ] {
            *o = o.as_deref().map(clean_line).filter(|s| !s.is_empty());
        }
        for r in &mut self.reports {
            *r = clean_line(r);
        }
        for a in &mut self.agenda_items {
            a.number = clean_line(&a.number);
            a.title = a.title.as_deref().map(clean_line).filter(|t| !t.is_empty());
        }
        if let Some(mt) = &mut self.meeting {
            mt.printed = clean_line(&mt.printed);
        }
        clean_lines(&mut self.running_heads);
    }
}

/// Single-line strings cleaned, the empty ones dropped.
fn clean_lines(lines: &mut Vec<String>) {
    lines.iter_mut().for_each(|l| *l = clean_line(l));
    lines.retain(|l| !l.is_empty());
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

/// Whether [`clean_text`] would return `s` unchanged: no whitespace but
/// single spaces, no control characters or non-characters (most text is,
/// and is then not copied). Judged on the bytes: only two spaces, a C0
/// byte, DEL, and the lead bytes of C1 controls (0xC2 0x80–0x9F) and of
/// U+FFFE / U+FFFF (0xEF 0xBF 0xBE–0xBF) make it unclean.
fn is_clean(s: &str) -> bool {
    let b = s.as_bytes();
    let rare = |c: u8| (c < 0x20) | (c == 0x7f) | (c == 0xc2) | (c == 0xef);
    let unclean_at = |i: usize| match b[i] {
        0xc2 => matches!(b.get(i + 1), Some(0x80..=0x9f)),
        0xef => b.get(i + 1) == Some(&0xbf) && matches!(b.get(i + 2), Some(0xbe | 0xbf)),
        _ => true,
    };
    !crate::scan::two_spaces(b) && !crate::scan::marked(b, rare).any(unclean_at)
}

/// Invariant 1 and 3 for a single-line string.
pub fn clean_line(s: &str) -> String {
    clean_text(s).trim_matches(' ').to_string()
}

/// Appends `q` to `out`, merged into the run before it where both are text
/// or both emphasis; an empty text is dropped.
fn push_merged(out: &mut Vec<Inline>, q: Inline) {
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

/// Invariant 2: canonical inline sequence.
pub fn normalize_inlines(parts: &mut Vec<Inline>) {
    normalize_inner(parts, false);
    if let Some(Inline::Text(t)) = parts.first_mut() {
        let spaces = t.len() - t.trim_start_matches(' ').len();
        t.drain(..spaces);
    }
    if let Some(Inline::Text(t)) = parts.last_mut() {
        t.truncate(t.trim_end_matches(' ').len());
    }
    parts.retain(|p| !matches!(p, Inline::Text(t) if t.is_empty()));
}

fn normalize_inner(parts: &mut Vec<Inline>, in_emphasis: bool) {
    // Most sequences (one clean text) are canonical already: asked first,
    // they are left as they are, not rebuilt.
    if !settled(parts, in_emphasis) {
        rebuild(parts, in_emphasis);
    }
}

/// [`normalize_inner`] made anew: texts merged, emphases merged and not
/// nested, texts cleaned, empty ones dropped.
fn rebuild(parts: &mut Vec<Inline>, in_emphasis: bool) {
    let mut out: Vec<Inline> = Vec::with_capacity(parts.len());
    for p in std::mem::take(parts) {
        match p {
            Inline::Emphasis(mut inner) => {
                normalize_inner(&mut inner, true);
                if in_emphasis {
                    inner.into_iter().for_each(|q| push_merged(&mut out, q));
                } else if !inner.is_empty() {
                    push_merged(&mut out, Inline::Emphasis(inner));
                }
            }
            other => push_merged(&mut out, other),
        }
    }
    for p in &mut out {
        if let Inline::Text(t) = p {
            if !is_clean(t) {
                *t = clean_text(t);
            }
        }
    }
    out.retain(|p| !matches!(p, Inline::Text(t) if t.is_empty()));
    *parts = out;
}

/// Whether [`normalize_inner`] would leave `parts` as they are: no two
/// texts or two emphases side by side, no emphasis inside one, none empty,
/// every text clean and not empty.
fn settled(parts: &[Inline], in_emphasis: bool) -> bool {
    let apart = parts.windows(2).all(|w| {
        !matches!(
            (&w[0], &w[1]),
            (Inline::Text(_), Inline::Text(_)) | (Inline::Emphasis(_), Inline::Emphasis(_))
        )
    });
    apart
        && parts.iter().all(|p| match p {
            Inline::Text(t) => !t.is_empty() && is_clean(t),
            Inline::Emphasis(inner) => !in_emphasis && !inner.is_empty() && settled(inner, true),
            Inline::NoteRef(_) => true,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sequence found settled is one a rebuild leaves unchanged, and
    /// every sequence a rebuild gives is found settled.
    #[test]
    fn settled_sequences_are_those_the_pass_leaves_alone() {
        let t = |s: &str| Inline::Text(s.into());
        let e = Inline::Emphasis;
        let r = || Inline::NoteRef("1".into());
        let seqs = [
            vec![],
            vec![t("a")],
            vec![t("")],
            vec![t("a  b")],
            vec![t("a"), t("b")],
            vec![t("a"), r(), t("b")],
            vec![e(vec![t("a")])],
            vec![e(vec![])],
            vec![e(vec![t("")]), t("b")],
            vec![t("a"), e(vec![t("b")]), t("c")],
            vec![t("a"), e(vec![t("\u{7}")]), t("c")],
            vec![e(vec![t("a")]), e(vec![t("b")])],
            vec![e(vec![e(vec![t("a")])])],
            vec![e(vec![t("a"), r()]), r()],
            vec![t("a\tb"), r()],
        ];
        let mut some_settled = 0;
        for seq in seqs {
            let mut rebuilt = seq.clone();
            rebuild(&mut rebuilt, false);
            if settled(&seq, false) {
                some_settled += 1;
                assert_eq!(rebuilt, seq, "{seq:?}");
            }
            assert!(settled(&rebuilt, false), "{seq:?} -> {rebuilt:?}");
        }
        assert_eq!(some_settled, 6);
    }

    /// The byte test says what the character rule says, on every short
    /// string of the characters it treats apart.
    #[test]
    fn is_clean_is_the_character_rule() {
        let by_chars = |s: &str| {
            let mut space = false;
            s.chars().all(|c| {
                let ok = if c.is_ascii_whitespace() {
                    c == ' ' && !space
                } else {
                    !(c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}')
                };
                space = c.is_ascii_whitespace();
                ok
            })
        };
        let alphabet = [
            'a', ' ', '\t', '\n', '\x0b', '\x0c', '\r', '\x7f', '\u{85}', '\u{a0}', '\u{c2}',
            '\u{fffe}', '\u{ffff}', '\u{fffd}', '\u{fe00}', '大',
        ];
        for s in &crate::lang::tests::every_string(&alphabet, 4) {
            assert_eq!(is_clean(s), by_chars(s), "{s:?}");
        }
        // In a later block of bytes than the first.
        for bad in ["  ", "\t", "\u{85}", "\u{ffff}"] {
            let long = format!("{}{bad}x", "a".repeat(100));
            assert!(!is_clean(&long), "{bad:?}");
        }
        assert!(is_clean(&"a b\u{fffd}\u{a0}".repeat(30)));
    }
}
