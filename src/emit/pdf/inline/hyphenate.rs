//! Words cut at a line end, where the template hyphenates the language and
//! the line would be loose without it: the word's hyphenation points from
//! its language's patterns (hypher), the hyphen shaped in the style of the
//! syllable it follows and drawn as a piece of its own (an artifact: no
//! text of the resolution).

use super::prepare::{Prepared, Span};
use super::segment::{Piece, Seg};
use super::{Align, Metrics, ParaSpec};
use crate::emit::pdf::fonts::Style;
use crate::emit::pdf::layout::Ctx;
use crate::emit::pdf::shape::Glyph;
use crate::error::EmitError;

/// What cutting the words of one paragraph needs.
pub(super) struct Hyphens<'p> {
    lang: hypher::Lang,
    text: &'p str,
    spans: &'p [Span],
    /// The hyphen as shaped in each style of the paragraph.
    shaped: Vec<(Style, Vec<Glyph>)>,
    /// The document's text "-" the hyphen's glyphs point into.
    hyphen_text: u32,
    size: f32,
    /// Looseness (pt per word space) above which a line cuts a word.
    pub above: f32,
}

/// The text a hyphen's glyphs stand for.
const HYPHEN: &str = "-";

impl<'p> Hyphens<'p> {
    /// For a justified paragraph in a language the template hyphenates,
    /// left to right: the hyphen shaped in each of its styles.
    pub fn of(
        cx: &mut Ctx,
        spec: &ParaSpec,
        para: &'p Prepared,
        m: &Metrics,
    ) -> Result<Option<Hyphens<'p>>, EmitError> {
        let lang = match cx.tpl.text.hyphenation(cx.lang) {
            Some(l) if spec.align == Align::Justify && !cx.rtl => l,
            _ => return Ok(None),
        };
        let mut shaped: Vec<(Style, Vec<Glyph>)> = Vec::new();
        for s in para.spans.iter().filter(|s| !s.sup) {
            if shaped.iter().all(|(style, _)| *style != s.style) {
                let mut glyphs = Vec::new();
                cx.shaper.shape(HYPHEN, 0, s.style, false, &mut glyphs)?;
                shaped.push((s.style, glyphs));
            }
        }
        let hyphen_text = cx.texts.len() as u32;
        cx.texts.push(HYPHEN.to_string());
        Ok(Some(Hyphens {
            lang,
            text: &para.text,
            spans: &para.spans,
            shaped,
            hyphen_text,
            size: m.size,
            above: cx.tpl.text.hyphenate_above_em * m.size,
        }))
    }

    /// `seg` cut at the last hyphenation point of its word where the part
    /// before it and a hyphen take at most `room` points: that part with
    /// the hyphen, and the rest. `None` where none fits, or the segment is
    /// no word of letters set left to right in one line of glyphs.
    pub fn cut(&self, seg: &Seg, room: f32) -> Option<(Seg, Seg)> {
        if seg
            .pieces
            .iter()
            .any(|p| p.level % 2 == 1 || p.text.is_some())
        {
            return None;
        }
        let (word_at, word) = word_of(&self.text[seg.start..seg.end]);
        let word_at = seg.start + word_at;
        let mut at = word_at;
        let points: Vec<usize> = hypher::hyphenate(word, self.lang)
            .map(|syllable| {
                at += syllable.len();
                at
            })
            .collect();
        // The last syllable ends the word: no point there.
        for &point in points.iter().rev().skip(1) {
            let hyphen = self.hyphen_at(point)?;
            let hyphen_w: f32 = hyphen.iter().map(|g| g.adv).sum::<f32>() * self.size;
            let Some(head_w) = head_width(seg, point, self.size) else {
                continue;
            };
            if head_w + hyphen_w <= room {
                return Some(self.split(seg, point, (head_w, hyphen_w), hyphen));
            }
        }
        None
    }

    /// The hyphen shaped in the style of the character before `at`.
    fn hyphen_at(&self, at: usize) -> Option<Vec<Glyph>> {
        let style = self
            .spans
            .iter()
            .find(|s| s.start < at && at <= s.end)
            .map(|s| s.style)?;
        let (_, glyphs) = self.shaped.iter().find(|(s, _)| *s == style)?;
        let mut glyphs = glyphs.clone();
        for g in &mut glyphs {
            (g.start, g.end) = (0, HYPHEN.len() as u32);
        }
        Some(glyphs)
    }

    /// `seg` in two at `at`: the glyphs before it and the hyphen, then
    /// the rest with the segment's trailing space.
    fn split(
        &self,
        seg: &Seg,
        at: usize,
        (head_w, hyphen_w): (f32, f32),
        hyphen: Vec<Glyph>,
    ) -> (Seg, Seg) {
        let mut head = Seg {
            start: seg.start,
            end: at,
            width: head_w + hyphen_w,
            space: 0.0,
            pieces: Vec::new(),
        };
        let mut tail = Seg {
            start: at,
            end: seg.end,
            width: seg.width - head_w,
            space: seg.space,
            pieces: Vec::new(),
        };
        for p in &seg.pieces {
            let (before, after): (Vec<Glyph>, Vec<Glyph>) =
                p.glyphs.iter().partition(|g| (g.start as usize) < at);
            let part = |glyphs: Vec<Glyph>, start: usize| Piece {
                start,
                glyphs,
                ..p.clone()
            };
            if !before.is_empty() {
                head.pieces.push(part(before, p.start));
            }
            if !after.is_empty() {
                tail.pieces.push(part(after, p.start.max(at)));
            }
        }
        head.pieces.push(Piece {
            start: at,
            sup: false,
            level: 0,
            glyphs: hyphen,
            text: Some(self.hyphen_text),
        });
        (head, tail)
    }
}

/// Where the word of a segment starts, and the word: its longest run of
/// letters ("Assemblée" of "l'Assemblée,", "слово" of "«слово»").
fn word_of(seg: &str) -> (usize, &str) {
    let mut best = (0, "");
    let mut rest = seg;
    while let Some(start) = rest.find(char::is_alphabetic) {
        let run = &rest[start..];
        let len = run.find(|c: char| !c.is_alphabetic()).unwrap_or(run.len());
        if len > best.1.len() {
            best = (seg.len() - rest.len() + start, &run[..len]);
        }
        rest = &run[len..];
    }
    best
}

/// The width (pt) of the glyphs of `seg` before `at`, where a glyph starts
/// exactly there and none spans it (a ligature across the point keeps the
/// word whole).
fn head_width(seg: &Seg, at: usize, size: f32) -> Option<f32> {
    let glyphs = || seg.pieces.iter().flat_map(|p| &p.glyphs);
    let starts_there = glyphs().any(|g| g.start as usize == at);
    let spans = glyphs().any(|g| (g.start as usize) < at && at < g.end as usize);
    (starts_there && !spans).then(|| {
        glyphs()
            .filter(|g| (g.start as usize) < at)
            .map(|g| g.adv)
            .sum::<f32>()
            * size
    })
}
