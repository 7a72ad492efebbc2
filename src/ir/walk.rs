//! One way to visit the text of a resolution: every inline sequence and
//! every note citation, in document order (preamble, body, annexes). Readers,
//! emitters and tests walk the tree through these, so the order of the parts
//! and the places inlines live are written down once.

use std::borrow::Cow;

use super::{Block, Inline, Note, Paragraph, Resolution};

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

    /// The length in bytes of [`Inline::plain_text`]: its room, made once.
    fn text_len(inlines: &[Inline]) -> usize {
        inlines
            .iter()
            .map(|i| match i {
                Inline::Text(t) => t.len(),
                Inline::NoteRef(_) => 0,
                Inline::Emphasis(inner) => Inline::text_len(inner),
            })
            .sum()
    }

    /// [`Inline::plain_text`], borrowed where `inlines` hold one text and
    /// citations (most lines and paragraphs do): no copy made to be asked
    /// what it is.
    pub fn plain(inlines: &[Inline]) -> Cow<'_, str> {
        let mut texts = inlines.iter().filter(|i| !matches!(i, Inline::NoteRef(_)));
        match (texts.next(), texts.next()) {
            (None, _) => Cow::Borrowed(""),
            (Some(Inline::Text(t)), None) => Cow::Borrowed(t),
            _ => Cow::Owned(Inline::plain_text(inlines)),
        }
    }

    /// The plain text of `inlines`, without note citations.
    pub fn plain_text(inlines: &[Inline]) -> String {
        let mut s = String::with_capacity(Inline::text_len(inlines));
        Inline::plain_text_into(inlines, &mut s);
        s
    }
}

impl Resolution {
    /// The note with this marker, if stored.
    pub fn note(&self, marker: &str) -> Option<&Note> {
        self.notes.iter().find(|n| n.marker == marker)
    }

    /// Calls `f` with every inline sequence of the text that can cite a
    /// note (paragraphs, headings, table cells, annex titles), in document
    /// order. Notes themselves are not visited.
    pub fn each_inline_seq(&self, f: &mut dyn FnMut(&[Inline])) {
        for b in self.preamble.iter().chain(&self.body) {
            block_inlines(b, f);
        }
        for a in &self.annexes {
            f(&a.title);
            for b in &a.content {
                block_inlines(b, f);
            }
        }
    }

    /// Calls `f` with the marker of every citation, in document order,
    /// repeats included.
    pub fn each_note_ref(&self, f: &mut dyn FnMut(&str)) {
        self.each_inline_seq(&mut |parts| refs_in(parts, f));
    }

    /// The markers cited, each once, in order of first citation.
    pub fn cited_markers(&self) -> Vec<String> {
        let mut order: Vec<String> = Vec::new();
        self.each_note_ref(&mut |m| {
            if !order.iter().any(|o| o == m) {
                order.push(m.to_string());
            }
        });
        order
    }
}

impl Resolution {
    /// Bytes of text in the paragraphs, headings, cells and notes: what an
    /// emitter's output grows with, so it can size its buffer once rather
    /// than copy it each time it doubles.
    pub fn text_bytes(&self) -> usize {
        let mut n = 0;
        self.each_inline_seq(&mut |parts| n += inline_bytes(parts));
        n + self
            .notes
            .iter()
            .map(|x| inline_bytes(&x.content))
            .sum::<usize>()
    }
}

fn inline_bytes(parts: &[Inline]) -> usize {
    parts
        .iter()
        .map(|p| match p {
            Inline::Text(t) | Inline::NoteRef(t) => t.len(),
            Inline::Emphasis(inner) => inline_bytes(inner),
        })
        .sum()
}

/// Calls `f` with each inline sequence of a block, in document order.
pub fn block_inlines(b: &Block, f: &mut dyn FnMut(&[Inline])) {
    match b {
        Block::Paragraph(p) => paragraph_inlines(p, f),
        Block::Heading(h) => f(&h.text),
        Block::Table(t) => t.rows.iter().flatten().for_each(|c| f(c)),
    }
}

/// Calls `f` with the content, each sub-paragraph's sequences and the
/// wrap-up of a paragraph, in document order.
pub fn paragraph_inlines(p: &Paragraph, f: &mut dyn FnMut(&[Inline])) {
    f(&p.content);
    for i in &p.items {
        paragraph_inlines(i, f);
    }
    f(&p.wrap_up);
}

/// Calls `f` with the marker of each citation in `parts`, emphasis included.
pub fn refs_in(parts: &[Inline], f: &mut dyn FnMut(&str)) {
    for p in parts {
        match p {
            Inline::NoteRef(m) => f(m),
            Inline::Emphasis(inner) => refs_in(inner, f),
            Inline::Text(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Annex, Heading, Note};
    use super::*;

    fn cite(m: &str) -> Inline {
        Inline::NoteRef(m.into())
    }

    #[test]
    fn plain_borrows_one_text_and_says_what_plain_text_says() {
        let text = |t: &str| Inline::Text(t.into());
        let seqs = [
            vec![],
            vec![text("a")],
            vec![cite("1")],
            vec![text("a"), cite("1")],
            vec![cite("1"), text("a"), cite("2")],
            vec![text("a"), text("b")],
            vec![text("a"), cite("1"), text("b")],
            vec![Inline::Emphasis(vec![text("a")])],
            vec![text("a"), Inline::Emphasis(vec![text("b")])],
        ];
        for seq in &seqs {
            let plain = Inline::plain(seq);
            assert_eq!(plain, Inline::plain_text(seq), "{seq:?}");
            let texts = seq
                .iter()
                .filter(|i| !matches!(i, Inline::NoteRef(_)))
                .count();
            let one_text = texts == 1 && seq.iter().any(|i| matches!(i, Inline::Text(_)));
            assert_eq!(
                matches!(plain, Cow::Borrowed(_)),
                texts == 0 || one_text,
                "{seq:?}"
            );
        }
    }

    #[test]
    fn visits_citations_in_document_order() {
        let res = Resolution {
            preamble: vec![Block::Heading(Heading {
                num: None,
                text: vec![Inline::Emphasis(vec![cite("2")])],
                level: 1,
            })],
            body: vec![Block::Paragraph(Paragraph {
                content: vec![cite("1")],
                items: vec![Paragraph {
                    content: vec![cite("3")],
                    ..Paragraph::default()
                }],
                wrap_up: vec![cite("2")],
                ..Paragraph::default()
            })],
            annexes: vec![Annex {
                title: vec![cite("4")],
                ..Annex::default()
            }],
            notes: vec![Note {
                marker: "9".into(),
                content: vec![cite("9")],
            }],
            ..Resolution::default()
        };
        let mut all = Vec::new();
        res.each_note_ref(&mut |m| all.push(m.to_string()));
        assert_eq!(all, ["2", "1", "3", "2", "4"]);
        assert_eq!(res.cited_markers(), ["2", "1", "3", "4"]);
        assert!(res.note("9").is_some() && res.note("1").is_none());
    }
}
