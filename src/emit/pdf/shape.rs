//! Shaping with rustybuzz: text in, positioned glyphs out, with the face
//! chosen character by character (document family first, then fallback).
//!
//! Layout sees shaping only through the [`Shaper`] trait, so its tests run
//! with a fixed-width stand-in and no fonts on disk.

use super::fonts::{Face, Family, FontSet, Style};
use crate::error::EmitError;

/// One shaped glyph. Lengths are in ems of the size it is set at.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    /// Which face of the document (index into the shaper's face list).
    pub face: u8,
    /// Glyph id in that face.
    pub gid: u16,
    /// Advance in ems, after shaping (kerning included); layout adds
    /// justification space here.
    pub adv: f32,
    /// Offset of the glyph from its pen position, in ems (mark placement).
    pub dx: f32,
    /// Vertical offset of the glyph, in ems (mark placement).
    pub dy: f32,
    /// The source text this glyph stands for, as a byte range into the
    /// paragraph's text; empty for the second and later glyphs of a cluster.
    pub start: u32,
    /// End of that byte range.
    pub end: u32,
}

/// What layout needs from shaping.
pub trait Shaper {
    /// Shapes `text` (one style, one direction) and appends glyphs in visual
    /// order; `base` is added to every source offset.
    fn shape(
        &mut self,
        text: &str,
        base: usize,
        style: Style,
        rtl: bool,
        out: &mut Vec<Glyph>,
    ) -> Result<(), EmitError>;
}

/// A face in use by one document.
pub struct DocFace<'a> {
    /// The loaded face.
    pub face: &'a Face,
    /// Draw glyphs outlined by this fraction of the size (synthetic bold).
    pub embolden: Option<f32>,
    /// The face as the shaper reads it.
    pub rb: &'a rustybuzz::Face<'a>,
    /// Units per em, as f32.
    pub upem: f32,
}

/// The shaper of one document: picks faces from a shared [`FontSet`] and
/// keeps the rustybuzz faces it has opened.
pub struct FontShaper<'a> {
    set: &'a FontSet,
    primary: Family,
    /// Faces opened so far; [`Glyph::face`] indexes this.
    pub faces: Vec<DocFace<'a>>,
    /// `family_face[style][family]`: index into `faces` once opened.
    family_face: [[Option<u8>; 3]; 3],
    user_face: Option<u8>,
    buffer: Option<rustybuzz::UnicodeBuffer>,
    /// Shape plans made so far, by face, direction and script: making one
    /// costs more than shaping a run with it (a fifth of a document's time
    /// when each run made its own).
    plans: Vec<PlanKey>,
    /// Texts shaped so far, by style and direction (`[style][rtl]`), with
    /// their glyphs from offset 0: a document repeats its words ("the ",
    /// "of "), and shaping was a third of an English document's PDF time.
    /// Hashed with foldhash, seeded per process: the standard SipHash was
    /// half of looking up a Chinese character, and a seed keeps texts made
    /// to collide from slowing the table down.
    shaped: [[foldhash::HashMap<String, Vec<Glyph>>; 2]; 3],
}

/// Texts longer than this (bytes) are not kept: they seldom repeat.
const SHAPED_MAX: usize = 48;

/// A shape plan and what it was made for.
type PlanKey = (u8, bool, Option<rustybuzz::Script>, rustybuzz::ShapePlan);

impl<'a> FontShaper<'a> {
    /// A shaper for a document whose language is set in `primary`. Fails
    /// when the user's font or the primary family's regular face is missing.
    pub fn new(set: &'a FontSet, primary: Family) -> Result<FontShaper<'a>, EmitError> {
        let mut s = FontShaper {
            set,
            primary,
            faces: Vec::new(),
            family_face: [[None; 3]; 3],
            user_face: None,
            buffer: Some(rustybuzz::UnicodeBuffer::new()),
            plans: Vec::new(),
            shaped: Default::default(),
        };
        if let Some(user) = set.user_face() {
            let face = user?;
            s.user_face = Some(s.open(face, None)?);
        } else {
            s.family(primary, Style::Regular)?;
        }
        Ok(s)
    }

    fn open(&mut self, face: &'a Face, embolden: Option<f32>) -> Result<u8, EmitError> {
        if let Some(i) = self
            .faces
            .iter()
            .position(|f| std::ptr::eq(f.face, face) && f.embolden == embolden)
        {
            return Ok(i as u8);
        }
        if self.faces.len() >= u8::MAX as usize {
            return Err(EmitError::Font("too many faces in one document".into()));
        }
        let rb = face.shaping();
        let upem = rb.units_per_em() as f32;
        self.faces.push(DocFace {
            face,
            embolden,
            rb,
            upem,
        });
        Ok((self.faces.len() - 1) as u8)
    }

    fn family(&mut self, family: Family, style: Style) -> Result<u8, EmitError> {
        if let Some(i) = self.family_face[style.idx()][family.idx()] {
            return Ok(i);
        }
        let synthetic = match style {
            Style::Bold => self.set.synthetic_bold(family),
            _ => None,
        };
        let face = self.set.face(
            family,
            if synthetic.is_some() {
                Style::Regular
            } else {
                style
            },
        )?;
        let i = self.open(face, synthetic)?;
        self.family_face[style.idx()][family.idx()] = Some(i);
        Ok(i)
    }

    fn has(&self, face: u8, c: char) -> bool {
        self.faces[face as usize].rb.glyph_index(c).is_some()
    }

    /// The face a character is set in: the user's font, the document's
    /// family, the character's own script, then the others; a missing font
    /// is an error only when no loaded face has the character.
    fn pick(&mut self, c: char, style: Style) -> Result<u8, EmitError> {
        if let Some(u) = self.user_face {
            if self.has(u, c) {
                return Ok(u);
            }
        }
        let own = Family::for_char(c);
        let mut order = [self.primary; 5];
        let mut n = 1;
        for f in own.into_iter().chain(Family::ALL) {
            if !order[..n].contains(&f) {
                order[n] = f;
                n += 1;
            }
        }
        let mut first_err = None;
        for &fam in &order[..n] {
            match self.family(fam, style) {
                Ok(i) if self.has(i, c) => return Ok(i),
                Ok(_) => {}
                Err(e) => {
                    if own == Some(fam) || fam == self.primary {
                        first_err.get_or_insert(e);
                    }
                }
            }
        }
        if let Some(e) = first_err {
            return Err(e);
        }
        // No face has it: the primary face's .notdef, with the text kept
        // in the ToUnicode map so that it can still be copied.
        match self.user_face {
            Some(u) => Ok(u),
            None => self.family(self.primary, style),
        }
    }

    fn shape_run(&mut self, face: u8, text: &str, base: usize, rtl: bool, out: &mut Vec<Glyph>) {
        let mut buf = self.buffer.take().unwrap_or_default();
        buf.push_str(text);
        buf.set_direction(if rtl {
            rustybuzz::Direction::RightToLeft
        } else {
            rustybuzz::Direction::LeftToRight
        });
        buf.guess_segment_properties();
        let script = Some(buf.script());
        let direction = buf.direction();
        let f = &self.faces[face as usize];
        let at = match self
            .plans
            .iter()
            .position(|(pf, pr, ps, _)| *pf == face && *pr == rtl && *ps == script)
        {
            Some(at) => at,
            None => {
                let plan = rustybuzz::ShapePlan::new(f.rb, direction, script, None, &[]);
                self.plans.push((face, rtl, script, plan));
                self.plans.len() - 1
            }
        };
        let shaped = rustybuzz::shape_with_plan(f.rb, &self.plans[at].3, buf);
        let infos = shaped.glyph_infos();
        let pos = shaped.glyph_positions();
        // Cluster ends: the next cluster start in logical order.
        let mut starts: Vec<u32> = infos.iter().map(|g| g.cluster).collect();
        starts.sort_unstable();
        starts.dedup();
        let end_of = |c: u32| -> u32 {
            match starts.binary_search(&c) {
                Ok(i) if i + 1 < starts.len() => starts[i + 1],
                _ => text.len() as u32,
            }
        };
        let scale = 1.0 / f.upem;
        let ranges = glyph_texts(text, infos, pos, end_of);
        for ((info, p), (start, end)) in infos.iter().zip(pos).zip(ranges) {
            out.push(Glyph {
                face,
                gid: info.glyph_id as u16,
                adv: p.x_advance as f32 * scale,
                dx: p.x_offset as f32 * scale,
                dy: p.y_offset as f32 * scale,
                start: base as u32 + start,
                end: base as u32 + end,
            });
        }
        self.buffer = Some(shaped.clear());
    }
}

impl Shaper for FontShaper<'_> {
    fn shape(
        &mut self,
        text: &str,
        base: usize,
        style: Style,
        rtl: bool,
        out: &mut Vec<Glyph>,
    ) -> Result<(), EmitError> {
        let kept = &self.shaped[style.idx()][usize::from(rtl)];
        if let Some(glyphs) = kept.get(text) {
            let shift = |g: &Glyph| Glyph {
                start: g.start + base as u32,
                end: g.end + base as u32,
                ..*g
            };
            out.extend(glyphs.iter().map(shift));
            return Ok(());
        }
        let from = out.len();
        self.shape_uncached(text, base, style, rtl, out)?;
        if text.len() <= SHAPED_MAX {
            let unshift = |g: &Glyph| Glyph {
                start: g.start - base as u32,
                end: g.end - base as u32,
                ..*g
            };
            let glyphs = out[from..].iter().map(unshift).collect();
            self.shaped[style.idx()][usize::from(rtl)].insert(text.to_string(), glyphs);
        }
        Ok(())
    }
}

impl FontShaper<'_> {
    /// [`Shaper::shape`] without the memory of texts shaped before.
    fn shape_uncached(
        &mut self,
        text: &str,
        base: usize,
        style: Style,
        rtl: bool,
        out: &mut Vec<Glyph>,
    ) -> Result<(), EmitError> {
        // Split into runs of one face; spaces and marks stay with their run.
        let mut runs: Vec<(u8, usize, usize)> = Vec::new();
        for (i, c) in text.char_indices() {
            let joins = c.is_whitespace() || is_mark(c);
            let face = match runs.last() {
                Some(&(f, _, _)) if joins => f,
                _ => self.pick(c, style)?,
            };
            match runs.last_mut() {
                Some(r) if r.0 == face => r.2 = i + c.len_utf8(),
                _ => runs.push((face, i, i + c.len_utf8())),
            }
        }
        if rtl {
            runs.reverse();
        }
        for (face, s, e) in runs {
            self.shape_run(face, &text[s..e], base + s, rtl, out);
        }
        Ok(())
    }
}

/// Combining marks and joiners, which belong to the preceding character.
/// The text each glyph stands for, as byte ranges of `text`: a cluster's
/// text on its first glyph, the others empty — except that a base with its
/// marks ("يُ": yeh, damma) gives the base its letters and each mark glyph
/// (no advance of its own) its mark, so that the base glyph, which also
/// stands alone elsewhere, is not mapped to the base and the mark together
/// (a glyph has one text in the PDF's ToUnicode map).
fn glyph_texts(
    text: &str,
    infos: &[rustybuzz::GlyphInfo],
    pos: &[rustybuzz::GlyphPosition],
    end_of: impl Fn(u32) -> u32,
) -> Vec<(u32, u32)> {
    // Each glyph empty at first: only the cluster's first glyph met, or its
    // base and marks, are given text below.
    let mut out: Vec<(u32, u32)> = infos.iter().map(|g| (g.cluster, g.cluster)).collect();
    let mut done: Vec<u32> = Vec::new();
    for (k, info) in infos.iter().enumerate() {
        let c = info.cluster;
        if done.contains(&c) {
            continue;
        }
        done.push(c);
        let end = end_of(c);
        let members: Vec<usize> = (0..infos.len())
            .filter(|&j| infos[j].cluster == c)
            .collect();
        let chars: Vec<(usize, char)> = text
            .get(c as usize..end as usize)
            .unwrap_or("")
            .char_indices()
            .map(|(i, ch)| (c as usize + i, ch))
            .collect();
        let marks: Vec<(usize, char)> = chars
            .iter()
            .copied()
            .filter(|&(_, ch)| is_mark(ch))
            .collect();
        let bases = chars.len() - marks.len();
        let zero: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&j| pos[j].x_advance == 0)
            .collect();
        let split = members.len() > 1
            && bases > 0
            && zero.len() == marks.len()
            && zero.len() + 1 == members.len()
            && chars[..bases].iter().all(|&(_, ch)| !is_mark(ch));
        if !split {
            out[k] = (c, end);
            continue;
        }
        let base_end = marks.first().map_or(end, |&(i, _)| i as u32);
        let base = members
            .iter()
            .copied()
            .find(|j| !zero.contains(j))
            .unwrap_or(k);
        out[base] = (c, base_end);
        for (&j, &(i, ch)) in zero.iter().zip(&marks) {
            out[j] = (i as u32, (i + ch.len_utf8()) as u32);
        }
    }
    out
}

fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED
        | 0x200C..=0x200F | 0xFE00..=0xFE0F)
}

#[cfg(test)]
pub mod fixed {
    //! A stand-in shaper for layout tests: every character one glyph of a
    //! fixed width (CJK characters a full em, others half).

    use super::*;

    /// Every character one glyph: a full em for CJK, half for the rest.
    pub struct FixedShaper;

    impl Shaper for FixedShaper {
        fn shape(
            &mut self,
            text: &str,
            base: usize,
            _style: Style,
            rtl: bool,
            out: &mut Vec<Glyph>,
        ) -> Result<(), EmitError> {
            let mut glyphs: Vec<Glyph> = text
                .char_indices()
                .map(|(i, c)| Glyph {
                    face: 0,
                    gid: c as u16,
                    adv: if Family::for_char(c) == Some(Family::Cjk) {
                        1.0
                    } else {
                        0.5
                    },
                    dx: 0.0,
                    dy: 0.0,
                    start: (base + i) as u32,
                    end: (base + i + c.len_utf8()) as u32,
                })
                .collect();
            if rtl {
                glyphs.reverse();
            }
            out.extend(glyphs);
            Ok(())
        }
    }
}
