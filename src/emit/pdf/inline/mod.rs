//! Setting one paragraph into line boxes, in stages as typst does:
//! [`prepare`] flattens the inlines into one text with styled spans,
//! [`segment`] finds bidi levels and shapes the text between break
//! opportunities, [`fill`] breaks it into lines and justifies them,
//! [`finalize`] places the glyphs of each line as runs on a line box.

mod fill;
mod finalize;
mod hyphenate;
mod prepare;
mod segment;

use super::fonts::Style;
use super::layout::{Bx, Ctx};
use super::template::Template;
use crate::error::EmitError;
use crate::ir::Inline;

/// Horizontal alignment of a paragraph's lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Align {
    /// Justified, the last line ragged.
    Justify,
    /// Ragged on the end side.
    Start,
    /// Ragged on the start side (the title of a running head on the end
    /// side of the page).
    End,
    Center,
}

/// How to set one paragraph.
#[derive(Debug, Clone)]
pub(super) struct ParaSpec<'a> {
    pub content: &'a [Inline],
    /// Text set before the content in the same style (heading numbers).
    pub prefix: Option<String>,
    pub style: Style,
    pub size: f32,
    pub leading: f32,
    /// Indents from the start edge of the area: first line, the rest.
    pub first: f32,
    pub rest: f32,
    /// A hanging number and where it starts (from the start edge).
    pub number: Option<(&'a str, f32)>,
    pub number_sup: bool,
    pub align: Align,
    /// The area: start edge offset from the text area's start, and width.
    pub area_start: f32,
    pub area_width: f32,
    /// Read left to right where the text has no right-to-left letter,
    /// whatever the page's direction: the Latin lines of a masthead
    /// ("Distr.: General", "12 March 2025") read so in Arabic too, where a
    /// right-to-left reading printed "March 2025 12". Its place in the
    /// area stays the page's.
    pub latin_ltr: bool,
}

impl<'a> ParaSpec<'a> {
    /// `content` across the whole text area at the body leading, no
    /// indents, no number.
    pub fn simple(
        cx: &Ctx,
        content: &'a [Inline],
        style: Style,
        size: f32,
        align: Align,
    ) -> ParaSpec<'a> {
        ParaSpec {
            content,
            prefix: None,
            style,
            size,
            leading: cx.tpl.text.leading,
            first: 0.0,
            rest: 0.0,
            number: None,
            number_sup: false,
            align,
            area_start: 0.0,
            area_width: cx.width,
            latin_ltr: false,
        }
    }
}

/// Sizes that follow from a paragraph's size and leading.
#[derive(Debug, Clone, Copy)]
pub(super) struct Metrics {
    pub size: f32,
    /// Size of superscripts (note markers), and how far they are raised.
    pub sup_size: f32,
    pub rise: f32,
    /// Height of a line, and its baseline from the line's top.
    pub line_h: f32,
    pub baseline: f32,
}

impl Metrics {
    pub fn new(tpl: &Template, size: f32, leading: f32) -> Metrics {
        let line_h = size * leading;
        Metrics {
            size,
            sup_size: size * tpl.superscript.scale,
            rise: size * tpl.superscript.rise,
            line_h,
            baseline: 0.5 * (line_h - size) + 0.8 * size,
        }
    }

    /// The size glyphs are set at: superscript or not.
    fn of(&self, sup: bool) -> f32 {
        if sup {
            self.sup_size
        } else {
            self.size
        }
    }
}

/// Widths available to the first line and to the others.
#[derive(Debug, Clone, Copy)]
struct Measure {
    first: f32,
    rest: f32,
}

impl Measure {
    /// For line `li` (from 0).
    fn at(&self, li: usize) -> f32 {
        if li == 0 {
            self.first
        } else {
            self.rest
        }
    }
}

/// Sets one paragraph into line boxes.
pub(super) fn paragraph(cx: &mut Ctx, spec: &ParaSpec) -> Result<Vec<Bx>, EmitError> {
    let para = prepare::prepare(cx, spec);
    let m = Metrics::new(cx.tpl, spec.size, spec.leading);
    let ltr = spec.latin_ltr && !para.text.chars().any(segment::is_rtl_char);
    let levels = segment::Levels::new(&para.text, cx.rtl && !ltr);
    let breaks = segment::breaks(&para);
    // The number is shaped before the text: faces open in order of first
    // use (the font ids of the file follow it), and the number's text
    // comes before the paragraph's among the document's texts.
    let mut number = segment::number(cx, spec, &m)?;
    // The first line starts after a number wider than its indent.
    let first = number.as_ref().map_or(spec.first, |n| n.indent(spec));
    let measure = Measure {
        first: (spec.area_width - first).max(spec.size),
        rest: (spec.area_width - spec.rest).max(spec.size),
    };
    let min_avail = measure.first.min(measure.rest);
    let mut segs = segment::segments(cx, &para, &levels, breaks, min_avail, &m)?;
    let hyphens = hyphenate::Hyphens::of(cx, spec, &para, &m)?;
    let mut lines = fill::lines(&mut segs, measure, number.is_some(), hyphens.as_ref());
    let min_last = (cx.tpl.text.cjk_last_line_chars, measure.rest);
    fill::fill_last_line(&mut lines, &segs, &para.text, min_last);
    if number.is_some() {
        let loose = cx.tpl.text.hyphenate_above_em * m.size;
        fill::reach_past_number(&mut lines, &segs, measure, (first - spec.rest, loose));
    }
    let tid = cx.texts.len() as u32;
    let n = lines.len();
    let mut out = Vec::with_capacity(n);
    for (li, &range) in lines.iter().enumerate() {
        let last = li + 1 == n;
        let mut line = fill::line(&mut segs, range, &para.text, &m);
        // A line ending in a cut word is never a page's last: the word's
        // halves stay on one page (extractors join a line-end hyphen to
        // whatever comes next, a folio at a page's foot).
        let cut = line.pieces.last().is_some_and(|p| p.text.is_some());
        if spec.align == Align::Justify && !last {
            fill::justify(&mut line, &para.text, measure.at(li), &m, cx.tpl);
        }
        let indent = if li == 0 { first } else { spec.rest };
        let (start, end) = (line.start, line.end);
        let mut bx = finalize::line_box(cx, spec, &m, line, &levels, indent, tid);
        if let Some(num) = number.take_if(|_| li == 0) {
            finalize::place_number(cx, spec, &m, &mut bx, num);
        }
        finalize::cite_notes(&mut bx, &para.spans, start, end, last);
        // No first line alone at a page bottom, no last line alone at a top.
        bx.keep = (n > 1 && (li == 0 || li + 2 == n)) || cut;
        out.push(bx);
    }
    cx.texts.push(para.text);
    Ok(out)
}
