//! Second stage: bidi levels (UAX #9) and shaping. The text is cut at its
//! break opportunities into segments, and each segment into pieces of one
//! span and one level, shaped on their own; a segment too wide for any
//! line is cut between its characters.

use unicode_bidi::{BidiInfo, Level};

use super::prepare::{Prepared, Span};
use super::{Metrics, ParaSpec};
use crate::emit::pdf::fonts::Style;
use crate::emit::pdf::layout::Ctx;
use crate::emit::pdf::linebreak;
use crate::emit::pdf::shape::Glyph;
use crate::error::EmitError;

/// Text between two break opportunities, shaped.
#[derive(Debug, Clone)]
pub(super) struct Seg {
    pub start: usize,
    pub end: usize,
    pub width: f32,
    /// Width of trailing spaces (dropped when a line ends here).
    pub space: f32,
    pub pieces: Vec<Piece>,
}

/// A piece of a line: one span, one bidi level, one break segment.
#[derive(Debug, Clone)]
pub(super) struct Piece {
    /// Source offset (kept for tests and debugging).
    #[allow(dead_code)]
    pub start: usize,
    pub sup: bool,
    pub level: u8,
    pub glyphs: Vec<Glyph>,
    /// The document's text the glyphs' ranges point into, where it is not
    /// the paragraph's: the hyphen of a word cut at the line end.
    pub text: Option<u32>,
}

impl Piece {
    /// Width in points.
    pub fn width(&self, m: &Metrics) -> f32 {
        self.glyphs.iter().map(|g| g.adv).sum::<f32>() * m.of(self.sup)
    }
}

/// Bidi embedding levels of a paragraph, per byte.
pub(super) struct Levels {
    levels: Vec<u8>,
    base_rtl: bool,
    /// Whether anything is right to left (else lines need no reordering).
    pub needs_bidi: bool,
}

impl Levels {
    /// The levels of `text` in a paragraph of direction `rtl`.
    pub fn new(text: &str, rtl: bool) -> Levels {
        let needs_bidi = rtl || text.chars().any(is_rtl_char);
        let levels = if needs_bidi && !text.is_empty() {
            let base = if rtl { Level::rtl() } else { Level::ltr() };
            let info = BidiInfo::new(text, Some(base));
            info.levels.iter().map(|l| l.number()).collect()
        } else {
            Vec::new()
        };
        Levels {
            levels,
            base_rtl: rtl,
            needs_bidi,
        }
    }

    /// The level at byte `i`.
    pub fn at(&self, i: usize) -> u8 {
        self.levels
            .get(i)
            .copied()
            .unwrap_or(if self.base_rtl { 1 } else { 0 })
    }
}

/// Characters of right-to-left scripts (Hebrew, Arabic and their forms).
pub(super) fn is_rtl_char(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

/// Break opportunities; a marker stays with what precedes it.
pub(super) fn breaks(para: &Prepared) -> Vec<usize> {
    let sup_starts: Vec<usize> = para
        .spans
        .iter()
        .filter(|s| s.sup)
        .map(|s| s.start)
        .collect();
    linebreak::opportunities(&para.text, |at| sup_starts.contains(&at))
}

/// A hanging number, shaped, and where it goes.
pub(super) struct Number {
    pub glyphs: Vec<Glyph>,
    pub size: f32,
    /// Width in points, and start from the start edge of the area.
    pub width: f32,
    pub at: f32,
    /// Its text (index into the document's texts).
    pub text: u32,
}

impl Number {
    /// The first line's indent: the spec's, or past the number and a gap.
    pub fn indent(&self, spec: &ParaSpec) -> f32 {
        let gap = 0.4 * spec.size;
        if self.at + self.width + gap > spec.first {
            self.at + self.width + gap
        } else {
            spec.first
        }
    }
}

/// Shapes the spec's hanging number, if any, and records its text.
pub(super) fn number(
    cx: &mut Ctx,
    spec: &ParaSpec,
    m: &Metrics,
) -> Result<Option<Number>, EmitError> {
    let Some((num, at)) = spec.number else {
        return Ok(None);
    };
    let (size, style) = if spec.number_sup {
        (m.sup_size, Style::Regular)
    } else {
        (spec.size, spec.style)
    };
    let mut glyphs = Vec::new();
    let text = cx.texts.len() as u32;
    let rtl_script = num.chars().any(is_rtl_char);
    if rtl_script && num.chars().any(|c| c.is_ascii_digit()) {
        // Words and figures ("القرار 2795 (2025)"): each bidi run shaped in
        // its own direction, the runs in visual order, so that the figures
        // read left to right.
        let bidi = BidiInfo::new(num, Some(Level::rtl()));
        if let Some(para) = bidi.paragraphs.first() {
            let (levels, runs) = bidi.visual_runs(para, para.range.clone());
            for run in runs {
                let rtl = levels[run.start].is_rtl();
                cx.shaper
                    .shape(&num[run.clone()], run.start, style, rtl, &mut glyphs)?;
            }
        }
        cx.texts.push(num.to_string());
    } else {
        let visual = visual_number(num, cx.rtl);
        cx.shaper
            .shape(&visual, 0, style, rtl_script, &mut glyphs)?;
        // Each glyph maps back to its own character.
        cx.texts.push(visual);
    }
    let width = glyphs.iter().map(|g| g.adv).sum::<f32>() * size;
    Ok(Some(Number {
        glyphs,
        size,
        width,
        at,
        text,
    }))
}

/// A number as printed ("80/1.", "(a)"), left to right unless written in
/// a right-to-left script. On a right-to-left page a number with a
/// separator ("80/1 -") or in quotes ("’1‘") reads number first, then
/// separator, leftwards: its runs are ordered as the bidi algorithm does,
/// the digits kept left to right. Brackets and letters ("(a)") stay as
/// written: reordering would need them mirrored.
fn visual_number(num: &str, rtl: bool) -> String {
    let plain = num
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '/' | ' ' | '-' | '–'));
    let quoted = !plain
        && !num
            .chars()
            .any(|c| c.is_alphabetic() || matches!(c, '(' | ')' | '[' | ']' | '{' | '}'));
    let turned = (plain && num.contains(' ')) || quoted;
    if !(rtl && turned && !num.chars().any(is_rtl_char)) {
        return num.to_string();
    }
    let bidi = BidiInfo::new(num, Some(Level::rtl()));
    match bidi.paragraphs.first() {
        Some(para) => bidi.reorder_line(para, para.range.clone()).into_owned(),
        None => num.to_string(),
    }
}

/// The shaped segments of the paragraph. A segment wider than
/// `min_avail` (the narrower measure) is cut between its characters and
/// the text shaped again.
pub(super) fn segments(
    cx: &mut Ctx,
    para: &Prepared,
    levels: &Levels,
    mut breaks: Vec<usize>,
    min_avail: f32,
    m: &Metrics,
) -> Result<Vec<Seg>, EmitError> {
    loop {
        let Shaped { segs, too_long } = shape_all(cx, para, levels, &breaks, min_avail, m)?;
        if too_long.is_empty() {
            return Ok(segs);
        }
        let text = &para.text;
        for (s, e) in too_long {
            breaks.extend(text[s..e].char_indices().skip(1).map(|(i, _)| s + i));
        }
        breaks.sort_unstable();
        breaks.dedup();
    }
}

/// Segments, and the ranges of those too wide that could be cut.
struct Shaped {
    segs: Vec<Seg>,
    too_long: Vec<(usize, usize)>,
}

/// Shapes every segment between `breaks`, noting those wider than
/// `min_avail` that could be cut.
fn shape_all(
    cx: &mut Ctx,
    para: &Prepared,
    levels: &Levels,
    breaks: &[usize],
    min_avail: f32,
    m: &Metrics,
) -> Result<Shaped, EmitError> {
    let text = &para.text;
    let mut bounds = vec![0];
    bounds.extend(breaks.iter().copied());
    bounds.push(text.len());
    let mut segs = Vec::new();
    let mut too_long = Vec::new();
    for w in bounds.windows(2) {
        let (s, e) = (w[0], w[1]);
        if s >= e {
            continue;
        }
        let seg = segment(cx, para, levels, s, e, m)?;
        let trimmed = s + text[s..e].trim_end().len();
        if seg.width - seg.space > min_avail && text[s..trimmed].chars().count() > 1 {
            too_long.push((s, e));
        }
        segs.push(seg);
    }
    Ok(Shaped { segs, too_long })
}

/// One segment `s..e`, shaped, with its width and that of the spaces
/// that vanish when a line ends here.
fn segment(
    cx: &mut Ctx,
    para: &Prepared,
    levels: &Levels,
    s: usize,
    e: usize,
    m: &Metrics,
) -> Result<Seg, EmitError> {
    let text = &para.text;
    let pieces = shape_pieces(cx, text, s, e, &para.spans, levels)?;
    let width: f32 = pieces.iter().map(|p| p.width(m)).sum();
    let trimmed = s + text[s..e].trim_end().len();
    let space: f32 = pieces
        .iter()
        .map(|p| {
            let size = m.of(p.sup);
            p.glyphs
                .iter()
                .filter(|g| g.start as usize >= trimmed)
                .map(|g| g.adv * size)
                .sum::<f32>()
        })
        .sum();
    Ok(Seg {
        start: s,
        end: e,
        width,
        space,
        pieces,
    })
}

/// Shapes `text[s..e]`, split where the span or bidi level changes.
fn shape_pieces(
    cx: &mut Ctx,
    text: &str,
    s: usize,
    e: usize,
    spans: &[Span],
    levels: &Levels,
) -> Result<Vec<Piece>, EmitError> {
    let mut pieces = Vec::new();
    let mut at = s;
    while at < e {
        let span = spans.iter().find(|sp| sp.start <= at && at < sp.end);
        let (style, sup, span_end) =
            span.map(|sp| (sp.style, sp.sup, sp.end))
                .unwrap_or((Style::Regular, false, e));
        let level = levels.at(at);
        let end = level_run_end(text, at, span_end.min(e), levels);
        let mut glyphs = Vec::new();
        cx.shaper
            .shape(&text[at..end], at, style, level % 2 == 1, &mut glyphs)?;
        pieces.push(Piece {
            start: at,
            sup,
            level,
            glyphs,
            text: None,
        });
        at = end;
    }
    Ok(pieces)
}

/// Where the run of `text[at..limit]` at the level of `at` ends: at least
/// one character on.
fn level_run_end(text: &str, at: usize, limit: usize, levels: &Levels) -> usize {
    let level = levels.at(at);
    let mut end = at;
    for (i, c) in text[at..limit].char_indices() {
        if levels.at(at + i) != level {
            break;
        }
        end = at + i + c.len_utf8();
    }
    if end == at {
        end = at + text[at..].chars().next().map_or(1, char::len_utf8);
    }
    end
}

/// Reverses runs of pieces from the highest level down to the lowest odd
/// level (UAX #9, rule L2): the visual order of one line.
pub(super) fn reorder(pieces: &mut [Piece]) {
    let max = pieces.iter().map(|p| p.level).max().unwrap_or(0);
    let min_odd = pieces.iter().map(|p| p.level).filter(|l| l % 2 == 1).min();
    let Some(min_odd) = min_odd else { return };
    let mut lvl = max;
    while lvl >= min_odd {
        reverse_runs_from(pieces, lvl);
        if lvl == 0 {
            break;
        }
        lvl -= 1;
    }
}

/// Reverses each maximal run of pieces at `lvl` or above.
fn reverse_runs_from(pieces: &mut [Piece], lvl: u8) {
    let mut i = 0;
    while i < pieces.len() {
        if pieces[i].level >= lvl {
            let mut j = i;
            while j < pieces.len() && pieces[j].level >= lvl {
                j += 1;
            }
            pieces[i..j].reverse();
            i = j;
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_reorders_levels() {
        let mk = |start, level| Piece {
            start,
            sup: false,
            level,
            glyphs: Vec::new(),
            text: None,
        };
        let mut p = vec![mk(0, 1), mk(1, 2), mk(2, 1)];
        reorder(&mut p);
        assert_eq!(p.iter().map(|x| x.start).collect::<Vec<_>>(), [2, 1, 0]);
    }

    #[test]
    fn numbers_with_separators_read_leftwards_on_rtl_pages() {
        assert_eq!(visual_number("80/1.", true), "80/1.");
        assert_eq!(visual_number("(a)", true), "(a)");
        assert_ne!(visual_number("80/1 -", true), "80/1 -");
        assert_eq!(visual_number("’1‘", true), "‘1’");
        assert_eq!(visual_number("’1‘", false), "’1‘");
        assert_eq!(visual_number("80/1 -", false), "80/1 -");
    }

    #[test]
    fn levels_only_where_something_is_rtl() {
        assert!(!Levels::new("plain text", false).needs_bidi);
        let l = Levels::new("abc تقرر", false);
        assert!(l.needs_bidi);
        assert_eq!((l.at(0), l.at(4)), (0, 1));
        assert_eq!(Levels::new("", true).at(0), 1);
    }
}
