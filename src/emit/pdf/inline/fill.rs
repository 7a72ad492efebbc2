//! Third stage: segments into lines, greedily (as many as fit the
//! measure), and the stretching of justified lines.

use super::hyphenate::Hyphens;
use super::segment::{Piece, Seg};
use super::{Measure, Metrics};
use crate::emit::pdf::fonts::Family;
use crate::emit::pdf::template::Template;
use crate::lang::is_wide;

/// The segments of each line, as ranges into the segments. A paragraph
/// with nothing but a number still gets a line, for the number. With
/// `hyphens`, a line that would be loose ([`loose_by`]) ends in the part
/// of the next word that fits, hyphenated: the word's segment is cut in
/// two.
pub(super) fn lines(
    segs: &mut Vec<Seg>,
    measure: Measure,
    numbered: bool,
    hyphens: Option<&Hyphens>,
) -> Vec<(usize, usize)> {
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < segs.len() {
        let avail = measure.at(lines.len());
        let mut w = 0.0;
        let mut j = i;
        while j < segs.len() {
            let natural = w + segs[j].width - segs[j].space;
            if natural > avail + 0.01 && j > i {
                if let Some(h) = hyphens.filter(|h| loose_by(&segs[i..j], w, avail) > h.above) {
                    if let Some((head, tail)) = h.cut(&segs[j], avail - w) {
                        segs[j] = tail;
                        segs.insert(j, head);
                        j += 1;
                    }
                }
                break;
            }
            w += segs[j].width;
            j += 1;
        }
        lines.push((i, j));
        i = j;
    }
    if lines.is_empty() && numbered {
        lines.push((0, 0));
    }
    lines
}

/// Moves the last break of a paragraph back, one opportunity at a time,
/// until its last line holds `min` characters (punctuation aside), as
/// Chinese typesetting asks: no character alone on a last line ("加，"),
/// which also reads as a line of its own to text extractors. Only between
/// CJK segments (a break one opportunity earlier is a break still), while
/// the line before keeps two segments and the last line fits `avail`.
pub(super) fn fill_last_line(
    lines: &mut [(usize, usize)],
    segs: &[Seg],
    text: &str,
    (min, avail): (usize, f32),
) {
    let opens_wide = |s: &Seg| text[s.start..].chars().next().is_some_and(is_wide);
    pull_last_break(lines, |(_, a), b| {
        let chars = text[segs[a].start..segs[b - 1].end]
            .chars()
            .filter(|c| c.is_alphanumeric())
            .count();
        let width: f32 = segs[a - 1..b].iter().map(|s| s.width).sum::<f32>() - segs[b - 1].space;
        chars < min && opens_wide(&segs[a - 1]) && opens_wide(&segs[a]) && width <= avail
    });
}

/// Moves the break before a paragraph's last line back one segment at a
/// time while `more((pa, a), b)` holds for the line before (`pa..a`) and
/// the last (`a..b`), the line before keeping two segments.
fn pull_last_break(
    lines: &mut [(usize, usize)],
    mut more: impl FnMut((usize, usize), usize) -> bool,
) {
    let n = lines.len();
    if n < 2 {
        return;
    }
    loop {
        let ((pa, pb), (a, b)) = (lines[n - 2], lines[n - 1]);
        if pb != a || a >= b || pb - pa <= 2 || !more((pa, a), b) {
            return;
        }
        lines[n - 2].1 -= 1;
        lines[n - 1].0 -= 1;
    }
}

/// Moves the last break of a numbered paragraph back, one segment at a
/// time, until its last line reaches `min` (pt from where it starts): where
/// the first line's text starts, past the number. A shorter last line sits
/// under the number alone, and text extractors read the two as a column of
/// their own ("31." over "months:", pdftotext of 78/252). Never past a cut
/// word, while the line before keeps two segments and its word spaces grow
/// by `loose` (pt) at most, and the last line fits.
pub(super) fn reach_past_number(
    lines: &mut [(usize, usize)],
    segs: &[Seg],
    measure: Measure,
    (min, loose): (f32, f32),
) {
    let (prev, last) = match lines.len() {
        0 | 1 => return,
        n => (measure.at(n - 2), measure.at(n - 1)),
    };
    pull_last_break(lines, |(pa, a), b| {
        let width = segs[a..b].iter().map(|s| s.width).sum::<f32>() - segs[b - 1].space;
        let cut = segs[a - 1].pieces.iter().any(|p| p.text.is_some());
        let before: f32 = segs[pa..a - 1].iter().map(|s| s.width).sum();
        let looser = loose_by(&segs[pa..a - 1], before, prev) > loose;
        width < min && !cut && !looser && width + segs[a - 1].width <= last
    });
}

/// How much each word space of a line of `segs`, `width` wide with its
/// trailing space, would grow to fill `avail` (pt): the room left over
/// the spaces between its segments.
fn loose_by(segs: &[Seg], width: f32, avail: f32) -> f32 {
    let Some(last) = segs.last() else {
        return 0.0;
    };
    let natural = width - last.space;
    let spaces = segs[..segs.len() - 1]
        .iter()
        .filter(|s| s.space > 0.0)
        .count();
    match spaces {
        0 => f32::INFINITY,
        n => (avail - natural) / n as f32,
    }
}

/// One line: its pieces (trailing spaces dropped) and source range.
pub(super) struct Line {
    pub pieces: Vec<Piece>,
    pub start: usize,
    pub end: usize,
    /// Width in points, justification included.
    pub width: f32,
}

/// The line of segments `a..b` of a paragraph whose text is `text`. The
/// segments' pieces move into the line (each segment is on one line).
pub(super) fn line(segs: &mut [Seg], (a, b): (usize, usize), text: &str, m: &Metrics) -> Line {
    let mut pieces: Vec<Piece> = segs[a..b]
        .iter_mut()
        .flat_map(|s| std::mem::take(&mut s.pieces))
        .collect();
    let start = segs.get(a).map_or(0, |s| s.start);
    let end = if b > a { segs[b - 1].end } else { start };
    let trimmed = start + text[start..end].trim_end().len();
    for p in pieces.iter_mut().filter(|p| p.text.is_none()) {
        p.glyphs.retain(|g| (g.start as usize) < trimmed);
    }
    pieces.retain(|p| !p.glyphs.is_empty());
    let width = width(&pieces, m);
    Line {
        pieces,
        start,
        end,
        width,
    }
}

fn width(pieces: &[Piece], m: &Metrics) -> f32 {
    pieces.iter().map(|p| p.width(m)).sum()
}

/// Stretches the line to `avail`: spaces, and the gaps next to CJK
/// characters, widen alike, but no more than the page style allows (a
/// line that would stretch further stays ragged).
pub(super) fn justify(line: &mut Line, text: &str, avail: f32, m: &Metrics, tpl: &Template) {
    let (gaps, cjk) = gaps(&line.pieces, text);
    let n_gaps = gaps.iter().filter(|&&g| g).count();
    let extra = avail - line.width;
    if n_gaps == 0 || extra <= 0.0 {
        return;
    }
    let per = extra / n_gaps as f32;
    let limit = if cjk {
        tpl.text.max_cjk_stretch_em
    } else {
        tpl.text.max_space_stretch_em
    } * m.size;
    if per > limit {
        return;
    }
    let mut k = 0;
    for p in &mut line.pieces {
        let size = m.of(p.sup);
        for g in &mut p.glyphs {
            if gaps[k] {
                g.adv += per / size;
            }
            k += 1;
        }
    }
    line.width = width(&line.pieces, m);
}

/// Which glyphs of a line a justified line widens after (spaces, CJK
/// characters; never the last, nor one a note marker follows: the marker
/// stays against what it cites), and whether any is CJK.
fn gaps(pieces: &[Piece], text: &str) -> (Vec<bool>, bool) {
    let total: usize = pieces.iter().map(|p| p.glyphs.len()).sum();
    let mut gaps = Vec::with_capacity(total);
    let mut cjk = false;
    let glyphs = pieces
        .iter()
        .flat_map(|p| p.glyphs.iter().map(move |g| (g, p.sup, p.text.is_none())));
    let marker_next = glyphs.clone().skip(1).map(|(_, sup, _)| sup).chain([false]);
    for ((g, _, own), marker_next) in glyphs.zip(marker_next) {
        let ch = text[g.start as usize..]
            .chars()
            .next()
            .filter(|_| own && g.end > g.start);
        let is_space = ch.is_some_and(|c| c == ' ' || c == '\u{3000}');
        let is_cjk = ch.is_some_and(|c| Family::for_char(c) == Some(Family::Cjk));
        cjk |= is_cjk;
        gaps.push(gaps.len() + 1 < total && (is_space || is_cjk) && !marker_next);
    }
    (gaps, cjk)
}
