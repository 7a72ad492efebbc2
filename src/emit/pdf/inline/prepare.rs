//! First stage: the paragraph's inlines flattened into one text, with a
//! span per piece of one look (style, superscript, the note it cites).

use super::ParaSpec;
use crate::emit::pdf::fonts::Style;
use crate::emit::pdf::layout::Ctx;
use crate::ir::Inline;

/// A span of a paragraph's text with one look.
#[derive(Debug, Clone, Copy)]
pub(super) struct Span {
    pub start: usize,
    pub end: usize,
    pub style: Style,
    pub sup: bool,
    /// The note this marker cites for the first time.
    pub first_note: Option<usize>,
}

/// A paragraph's text and its spans, in logical order.
#[derive(Debug, Default)]
pub(super) struct Prepared {
    pub text: String,
    pub spans: Vec<Span>,
}

impl Prepared {
    fn push(&mut self, s: &str, style: Style, sup: bool, first_note: Option<usize>) {
        let start = self.text.len();
        self.text.push_str(s);
        self.spans.push(Span {
            start,
            end: self.text.len(),
            style,
            sup,
            first_note,
        });
    }
}

/// Flattens the prefix and content of `spec`; note markers become
/// superscript spans, and the first citation of each note is recorded in
/// `cx.cited`.
pub(super) fn prepare(cx: &mut Ctx, spec: &ParaSpec) -> Prepared {
    let mut out = Prepared::default();
    if let Some(p) = &spec.prefix {
        out.push(p, spec.style, false, None);
    }
    walk(cx, spec.content, spec.style, &mut out);
    out
}

/// The style emphasis is set in: italic, except inside bold, which stays.
fn emphasis(style: Style) -> Style {
    if style == Style::Bold {
        Style::Bold
    } else {
        Style::Italic
    }
}

fn walk(cx: &mut Ctx, inlines: &[Inline], style: Style, out: &mut Prepared) {
    for i in inlines {
        match i {
            Inline::Text(s) => out.push(s, style, false, None),
            Inline::Emphasis(inner) => walk(cx, inner, emphasis(style), out),
            Inline::NoteRef(marker) => note_ref(cx, marker, style, out),
        }
    }
}

/// A note marker, superscript in the regular face.
fn note_ref(cx: &mut Ctx, marker: &str, style: Style, out: &mut Prepared) {
    let idx = cx.notes.iter().position(|m| m == marker);
    let first = idx.filter(|&n| !std::mem::replace(&mut cx.cited[n], true));
    // A marker right after a figure ("Action 21²") would read back as one
    // number ("212"): a hair space, too narrow to see, keeps them apart
    // for text extraction.
    if out.text.ends_with(|c: char| c.is_ascii_digit())
        && marker.starts_with(|c: char| c.is_ascii_digit())
    {
        out.push("\u{200a}", style, false, None);
    }
    out.push(marker, Style::Regular, true, first);
}

#[cfg(test)]
mod tests {
    use super::super::Align;
    use super::*;
    use crate::emit::pdf::shape::fixed::FixedShaper;
    use crate::emit::pdf::template::Template;

    fn prepared(content: &[Inline], style: Style) -> Prepared {
        let tpl = Template::default_un();
        let mut shaper = FixedShaper;
        let mut cx = Ctx {
            shaper: &mut shaper,
            tpl: &tpl,
            rtl: false,
            lang: crate::ir::Lang::En,
            left: 0.0,
            width: 400.0,
            texts: Vec::new(),
            notes: vec!["1".into()],
            cited: vec![false],
            elements: Vec::new(),
        };
        let spec = ParaSpec::simple(&cx, content, style, 10.0, Align::Justify);
        prepare(&mut cx, &spec)
    }

    #[test]
    fn emphasis_is_italic_except_in_bold() {
        let content = [
            Inline::Text("Takes note ".into()),
            Inline::Emphasis(vec![Inline::Text("with appreciation".into())]),
        ];
        let styles = |p: &Prepared| p.spans.iter().map(|s| s.style).collect::<Vec<_>>();
        let p = prepared(&content, Style::Regular);
        assert_eq!(p.text, "Takes note with appreciation");
        assert_eq!(styles(&p), [Style::Regular, Style::Italic]);
        let bold = prepared(&content, Style::Bold);
        assert_eq!(styles(&bold), [Style::Bold, Style::Bold]);
    }

    #[test]
    fn markers_after_figures_keep_a_hair_space() {
        let content = [
            Inline::Text("Agenda 21".into()),
            Inline::NoteRef("1".into()),
            Inline::NoteRef("1".into()),
        ];
        let p = prepared(&content, Style::Regular);
        assert_eq!(p.text, "Agenda 21\u{200a}1\u{200a}1");
        let sups: Vec<_> = p.spans.iter().filter(|s| s.sup).collect();
        assert_eq!(sups.len(), 2);
        assert_eq!(
            (sups[0].first_note, sups[1].first_note),
            (Some(0), None),
            "only the first citation counts"
        );
    }
}
