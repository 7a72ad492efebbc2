//! Last stage: a line's pieces in visual order, placed as runs of glyphs
//! on a line box, with the hanging number and the notes first cited on
//! the line.

use super::fill::Line;
use super::prepare::Span;
use super::segment::{reorder, Levels, Number};
use super::{Align, Metrics, ParaSpec};
use crate::emit::pdf::layout::{Bx, Ctx, Run};
use crate::emit::pdf::shape::Glyph;

/// The line box of `line`, its start `indent` from the area's start edge
/// (unless centred); `text` is the paragraph's text index.
pub(super) fn line_box(
    cx: &Ctx,
    spec: &ParaSpec,
    m: &Metrics,
    line: Line,
    levels: &Levels,
    indent: f32,
    text: u32,
) -> Bx {
    let mut pieces = line.pieces;
    if levels.needs_bidi {
        reorder(&mut pieces);
    }
    let offset = match spec.align {
        Align::Center => (spec.area_width - line.width) / 2.0,
        Align::End => spec.area_width - line.width,
        _ => indent,
    };
    let mut x = left_x(cx, spec, offset, line.width);
    let mut bx = Bx {
        height: m.line_h,
        ..Bx::default()
    };
    for p in pieces {
        let (size, dy) = if p.sup {
            (m.sup_size, -m.rise)
        } else {
            (m.size, 0.0)
        };
        // A piece with a text of its own is an inserted hyphen.
        let (text, artifact) = p.text.map_or((text, false), |t| (t, true));
        for g in p.glyphs {
            let at = (x, m.baseline + dy, size);
            push_glyph(&mut bx.runs, g, at, text, artifact);
            x += g.adv * size;
        }
    }
    bx
}

/// The page x of the left end of something `width` wide whose start is
/// `offset` from the area's start edge: mirrored on right-to-left pages.
fn left_x(cx: &Ctx, spec: &ParaSpec, offset: f32, width: f32) -> f32 {
    if cx.rtl {
        cx.left + cx.width - spec.area_start - offset - width
    } else {
        cx.left + spec.area_start + offset
    }
}

/// Adds a glyph at pen `x`, baseline `y`: to the last run when it
/// continues it (same face, size, baseline, text and kind, no gap), else
/// as a new run.
fn push_glyph(
    runs: &mut Vec<Run>,
    g: Glyph,
    (x, y, size): (f32, f32, f32),
    text: u32,
    artifact: bool,
) {
    let continues = runs.last().is_some_and(|r: &Run| {
        r.face == g.face
            && r.size == size
            && r.y == y
            && r.text == text
            && r.artifact == artifact
            && (r.x + r.width() - x).abs() < 0.01
    });
    match runs.last_mut() {
        Some(r) if continues => r.glyphs.push(g),
        _ => runs.push(Run {
            x,
            y,
            size,
            face: g.face,
            glyphs: vec![g],
            text,
            element: None,
            artifact,
        }),
    }
}

/// Hangs the paragraph's number on its first line box, drawn before the
/// line's text: content order is reading order where a reader follows
/// it (tags, extractors that do not sort).
pub(super) fn place_number(cx: &Ctx, spec: &ParaSpec, m: &Metrics, bx: &mut Bx, num: Number) {
    let dy = if spec.number_sup { -m.rise } else { 0.0 };
    let mut pen = left_x(cx, spec, num.at, num.width);
    let mut runs: Vec<Run> = Vec::with_capacity(1);
    for g in num.glyphs {
        let adv = g.adv * num.size;
        match runs.last_mut() {
            Some(r) if r.face == g.face => r.glyphs.push(g),
            _ => runs.push(Run {
                x: pen,
                y: m.baseline + dy,
                size: num.size,
                face: g.face,
                glyphs: vec![g],
                text: num.text,
                element: None,
                artifact: false,
            }),
        }
        pen += adv;
    }
    bx.runs.splice(0..0, runs);
}

/// Records on the box the notes first cited in `start..end` (a marker at
/// the very end belongs to the last line).
pub(super) fn cite_notes(bx: &mut Bx, spans: &[Span], start: usize, end: usize, last: bool) {
    for s in spans {
        if let Some(n) = s.first_note {
            if s.start >= start && (s.start < end || (last && s.start <= end)) {
                bx.notes.push(n);
            }
        }
    }
}
