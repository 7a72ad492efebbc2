//! The document's fonts as PDF objects: for each font file a page draws
//! with, a Type 0 font over the subset of its glyphs drawn ([`Subset`]),
//! with the widths, descriptor, program and ToUnicode map a reader needs.
//!
//! Codes are Identity-H: a glyph's id in the subset, or, in a CID-keyed
//! CFF font, the CID its charset gives (viewers resolve the code through
//! the charset there). The dictionaries are those printpdf writes.

use std::collections::BTreeMap;

use lopdf::{Dictionary, Object, ObjectId, Stream};
use rustybuzz::ttf_parser;

use super::flate::Effort;
use super::layout::Laid;
use super::shape::DocFace;
use super::subset::{Program, Subset};
use crate::error::EmitError;

/// The document's fonts: one per face file, however many ways it is drawn.
pub struct Fonts<'a> {
    /// Per face, the first face of the same file (whose font it uses).
    owner: Vec<usize>,
    /// Per face, its font if it owns one that some run draws with.
    fonts: Vec<Option<Font<'a>>>,
}

/// One font file as the document uses it.
struct Font<'a> {
    /// The resource name, six capitals, also the subset tag of its name.
    name: String,
    subset: Subset,
    /// Per glyph id of the subset, its code, where codes are not the ids.
    codes: Option<Vec<u16>>,
    /// Per code drawn: the text the glyph stands for and its width in
    /// thousandths of an em.
    drawn: BTreeMap<u16, (&'a str, i64)>,
    /// Codes past the subset's glyphs for a glyph drawn for a second text
    /// (a bracket mirrored in right-to-left text, a no-break space drawn
    /// as the space), each to its glyph's id in the subset: only a
    /// TrueType font's CIDToGIDMap can give one glyph two codes.
    aliases: Option<Vec<u16>>,
}

impl<'a> Fonts<'a> {
    /// Subsets of the faces `laid`'s runs draw with.
    pub fn cut(laid: &Laid, faces: &[DocFace]) -> Result<Fonts<'a>, EmitError> {
        let owner: Vec<usize> = (0..faces.len())
            .map(|i| {
                (0..=i)
                    .find(|&j| std::ptr::eq(faces[j].face, faces[i].face))
                    .unwrap_or(i)
            })
            .collect();
        let mut used: Vec<Vec<u16>> = vec![Vec::new(); faces.len()];
        for r in laid.pages.iter().flat_map(|p| &p.runs) {
            if let Some(&o) = owner.get(r.face as usize) {
                used[o].extend(r.glyphs.iter().map(|g| g.gid));
            }
        }
        let mut fonts = Vec::with_capacity(faces.len());
        for (i, face) in faces.iter().enumerate() {
            if used[i].is_empty() {
                fonts.push(None);
                continue;
            }
            let subset = Subset::cut(face, used[i].drain(..)).map_err(|e| {
                EmitError::Font(format!("{}: cannot subset: {e}", face.face.path.display()))
            })?;
            let (codes, truetype) = match &subset.program {
                Program::CidKeyedCff { cids, .. } => (Some(cids.clone()), false),
                Program::File(program) => {
                    let codes = printpdf::font::cff_charset_gid_to_cid_map(program, 0)
                        .map(|m| (0..=u16::MAX).map_while(|g| m.get(&g).copied()).collect());
                    let truetype = codes.is_none() && !program.starts_with(b"OTTO");
                    (codes, truetype)
                }
            };
            fonts.push(Some(Font {
                name: name(i),
                subset,
                codes,
                drawn: BTreeMap::new(),
                aliases: truetype.then(Vec::new),
            }));
        }
        Ok(Fonts { owner, fonts })
    }

    /// The font face `face` draws with.
    pub fn font_of(&self, face: u8) -> usize {
        self.owner.get(face as usize).copied().unwrap_or(0)
    }

    /// The resource name of font `font`.
    pub fn name(&self, font: usize) -> &str {
        self.fonts
            .get(font)
            .and_then(Option::as_ref)
            .map_or("", |f| &f.name)
    }

    /// The code that draws glyph `gid` of face `face` for `text`, `width`
    /// thousandths of an em wide. A glyph drawn for two texts gets a code
    /// per text where the font allows, so that each reads back as itself;
    /// elsewhere the last text drawn is the one it reads as.
    pub fn draw(&mut self, face: u8, gid: u16, text: &'a str, width: i64) -> u16 {
        let font = self.font_of(face);
        let Some(f) = self.fonts.get_mut(font).and_then(Option::as_mut) else {
            return 0;
        };
        let id = f.subset.id(gid);
        let code = match &f.codes {
            Some(codes) => codes.get(id as usize).copied().unwrap_or(0),
            None => id,
        };
        let code = match (f.drawn.get(&code), &mut f.aliases) {
            (Some(&(was, _)), Some(aliases)) if was != text => {
                let n = f.subset.len();
                let known = aliases.iter().enumerate().find(|&(k, &to)| {
                    to == id && f.drawn.get(&((n + k) as u16)).is_some_and(|d| d.0 == text)
                });
                match known {
                    Some((k, _)) => (n + k) as u16,
                    None if n + aliases.len() < usize::from(u16::MAX) => {
                        aliases.push(id);
                        (n + aliases.len() - 1) as u16
                    }
                    None => code,
                }
            }
            _ => code,
        };
        f.drawn.insert(code, (text, width));
        code
    }

    /// Adds the fonts to `lo`: their resource names and dictionaries.
    pub fn add_to(self, lo: &mut lopdf::Document, faces: &[DocFace]) -> Vec<(String, ObjectId)> {
        let mut added = Vec::new();
        for (font, face) in self.fonts.into_iter().zip(faces) {
            let Some(font) = font else { continue };
            let dict = font.dictionary(lo, face.rb);
            added.push((font.name, lo.add_object(dict)));
        }
        added
    }
}

/// The name of the font owned by face `i`: six capitals, as a subset tag.
fn name(i: usize) -> String {
    format!(
        "UNRF{}{}",
        (b'A' + (i / 26 % 26) as u8) as char,
        (b'A' + (i % 26) as u8) as char
    )
}

impl Font<'_> {
    /// The Type 0 font, its descendant, descriptor, program and ToUnicode.
    fn dictionary(&self, lo: &mut lopdf::Document, rb: &ttf_parser::Face) -> Dictionary {
        let base = format!("{}+{}", self.name, postscript_name(rb));
        let default = self.default_width();
        let (subtype, file) = match &self.subset.program {
            Program::CidKeyedCff { table, .. } => {
                ("CIDFontType0", program_stream("CIDFontType0C", table))
            }
            Program::File(program) => match printpdf::font::extract_cid_keyed_cff(program, 0) {
                Some(cff) => ("CIDFontType0", program_stream("CIDFontType0C", &cff)),
                None if program.starts_with(b"OTTO") => {
                    ("CIDFontType0", program_stream("OpenType", program))
                }
                None => {
                    let mut dict = Dictionary::new();
                    dict.set("Length1", program.len() as i64);
                    ("CIDFontType2", packed(dict, program))
                }
            },
        };
        let file_key = match subtype {
            "CIDFontType2" => "FontFile2",
            _ => "FontFile3",
        };
        let mut descriptor = descriptor(rb, &base);
        descriptor.set(file_key, lo.add_object(file));
        let mut cid = Dictionary::from_iter([
            ("Type", Object::Name(b"Font".to_vec())),
            ("BaseFont", Object::Name(base.clone().into_bytes())),
            ("Subtype", Object::Name(subtype.as_bytes().to_vec())),
            (
                "CIDSystemInfo",
                Object::Dictionary(Dictionary::from_iter([
                    ("Registry", Object::string_literal("Adobe")),
                    ("Ordering", Object::string_literal("Identity")),
                    ("Supplement", Object::Integer(0)),
                ])),
            ),
            ("W", Object::Array(self.widths(default))),
            ("DW", Object::Integer(default)),
            (
                "FontDescriptor",
                Object::Reference(lo.add_object(descriptor)),
            ),
        ]);
        if subtype == "CIDFontType2" {
            cid.set("CIDToGIDMap", self.cid_to_gid(lo));
        }
        let to_unicode = Stream::new(Dictionary::new(), self.to_unicode());
        Dictionary::from_iter([
            ("Type", Object::Name(b"Font".to_vec())),
            ("Subtype", Object::Name(b"Type0".to_vec())),
            ("BaseFont", Object::Name(base.into_bytes())),
            ("Encoding", Object::Name(b"Identity-H".to_vec())),
            ("ToUnicode", Object::Reference(lo.add_object(to_unicode))),
            (
                "DescendantFonts",
                Object::Array(vec![Object::Dictionary(cid)]),
            ),
        ])
    }

    /// `/DW`: the width most codes drawn have (the smaller of two as
    /// common), so that `/W` can leave them out: an ideograph is one em
    /// wide, and listing each took two thirds of a Chinese file's objects.
    fn default_width(&self) -> i64 {
        let mut counts: BTreeMap<i64, usize> = BTreeMap::new();
        for &(_, width) in self.drawn.values() {
            *counts.entry(width).or_default() += 1;
        }
        let mut best = (1000, 0);
        for (width, n) in counts {
            if n > best.1 {
                best = (width, n);
            }
        }
        best.0
    }

    /// `/W`: the widths of the codes drawn other than `default`, a run of
    /// consecutive codes as `first [w1 w2 …]`.
    fn widths(&self, default: i64) -> Vec<Object> {
        let mut w = Vec::new();
        let mut run: Vec<Object> = Vec::new();
        let mut first = 0u16;
        let mut next = None;
        for (&code, &(_, width)) in &self.drawn {
            if width == default {
                continue;
            }
            if next != Some(code) && !run.is_empty() {
                w.push(Object::Integer(first as i64));
                w.push(Object::Array(std::mem::take(&mut run)));
            }
            if run.is_empty() {
                first = code;
            }
            run.push(Object::Integer(width));
            next = code.checked_add(1);
        }
        if !run.is_empty() {
            w.push(Object::Integer(first as i64));
            w.push(Object::Array(run));
        }
        w
    }

    /// `/CIDToGIDMap`: the identity, or a map (two bytes per code) where
    /// codes past the subset's glyphs alias glyphs in it.
    fn cid_to_gid(&self, lo: &mut lopdf::Document) -> Object {
        let aliases = self.aliases.as_deref().unwrap_or_default();
        if aliases.is_empty() {
            return Object::Name(b"Identity".to_vec());
        }
        let map: Vec<u8> = (0..self.subset.len() as u16)
            .chain(aliases.iter().copied())
            .flat_map(u16::to_be_bytes)
            .collect();
        Object::Reference(lo.add_object(packed(Dictionary::new(), &map)))
    }

    /// The ToUnicode CMap: each code drawn to the text it stands for.
    fn to_unicode(&self) -> Vec<u8> {
        let codes = self.drawn.iter().map(|(&code, &(text, _))| (code, text));
        super::to_unicode::cmap(&self.name, codes)
    }
}

/// A `/FontFile3` stream of subtype `subtype`.
fn program_stream(subtype: &str, program: &[u8]) -> Stream {
    let dict = Dictionary::from_iter([("Subtype", Object::Name(subtype.as_bytes().to_vec()))]);
    packed(dict, program)
}

/// A font program in zlib format, at the quick effort: outlines compress
/// little better with a deeper search (flate.rs gives the figures).
fn packed(mut dict: Dictionary, program: &[u8]) -> Stream {
    match super::flate::zlib(program, Effort::Quick) {
        Some(bytes) => {
            dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
            Stream::new(dict, bytes)
        }
        None => Stream::new(dict, program.to_vec()),
    }
}

/// The font descriptor: metrics in thousandths of an em, slant from the
/// caret, weight class to stem width, as printpdf estimates them.
fn descriptor(rb: &ttf_parser::Face, base: &str) -> Dictionary {
    let scale = 1000.0 / rb.units_per_em().max(1) as f32;
    let s = |v: i16| (v as f32 * scale).round() as i64;
    let hhea = rb.tables().hhea;
    let bbox = rb.global_bounding_box();
    let caret = |at: usize| -> i16 {
        rb.raw_face()
            .table(ttf_parser::Tag::from_bytes(b"hhea"))
            .and_then(|t| t.get(at..at + 2))
            .map_or(0, |b| i16::from_be_bytes([b[0], b[1]]))
    };
    let (rise, run) = (caret(18), caret(20));
    let italic_angle = if rise == 0 {
        0
    } else {
        (-(run as f32).atan2(rise as f32).to_degrees()).round() as i64
    };
    let flags = (1 << 5) | if italic_angle != 0 { 1 << 6 } else { 0 };
    let weight = rb.tables().os2.map_or(0, |t| t.weight().to_number());
    let stem_v = match weight {
        0 => 80,
        w => 50 + ((w as f32 / 65.0).powi(2)).round() as i64,
    };
    Dictionary::from_iter([
        ("Type", Object::Name(b"FontDescriptor".to_vec())),
        ("FontName", Object::Name(base.as_bytes().to_vec())),
        ("Ascent", Object::Integer(s(hhea.ascender))),
        ("Descent", Object::Integer(s(hhea.descender))),
        ("CapHeight", Object::Integer(s(hhea.ascender))),
        ("ItalicAngle", Object::Integer(italic_angle)),
        ("Flags", Object::Integer(flags)),
        ("StemV", Object::Integer(stem_v)),
        (
            "FontBBox",
            Object::Array(
                [bbox.x_min, bbox.y_min, bbox.x_max, bbox.y_max]
                    .into_iter()
                    .map(|v| Object::Integer(s(v)))
                    .collect(),
            ),
        ),
    ])
}

/// The face's PostScript name, as PDF names its fonts; the family name
/// where the face has none.
fn postscript_name(rb: &ttf_parser::Face) -> String {
    let of = |id: u16| {
        rb.names()
            .into_iter()
            .filter(|n| n.name_id == id)
            .find_map(|n| n.to_string())
    };
    let name = of(ttf_parser::name_id::POST_SCRIPT_NAME)
        .or_else(|| of(ttf_parser::name_id::FAMILY))
        .unwrap_or_else(|| "Font".into());
    name.chars()
        .filter(|c| c.is_ascii_graphic() && !"()<>[]{}/%#".contains(*c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Codes of the default width (the most common) are left out of
    /// `/W`, which breaks a run; the other runs of consecutive codes are
    /// grouped.
    #[test]
    fn widths_group_consecutive_codes() {
        let f = Font {
            name: name(0),
            subset: Subset::empty(),
            codes: None,
            drawn: [
                (1, ("a", 500)),
                (2, ("b", 250)),
                (3, ("e", 1000)),
                (4, ("f", 1000)),
                (5, ("c", 333)),
                (6, ("d", 0)),
                (7, ("g", 1000)),
                (8, ("h", 250)),
            ]
            .into_iter()
            .collect(),
            aliases: None,
        };
        assert_eq!(f.default_width(), 1000);
        let w = f.widths(f.default_width());
        let int = |n| Object::Integer(n);
        assert_eq!(
            w,
            vec![
                int(1),
                Object::Array(vec![int(500), int(250)]),
                int(5),
                Object::Array(vec![int(333), int(0)]),
                int(8),
                Object::Array(vec![int(250)]),
            ]
        );
        let cmap = String::from_utf8(f.to_unicode()).expect("ASCII");
        assert!(cmap.contains("<0005> <0063>"), "{cmap}");
        let latin = Font {
            drawn: [(1, ("a", 500)), (2, ("b", 250)), (3, ("c", 250))]
                .into_iter()
                .collect(),
            ..f
        };
        assert_eq!(latin.default_width(), 250);
        assert_eq!(
            latin.widths(latin.default_width()),
            vec![int(1), Object::Array(vec![int(500)])]
        );
    }

    /// A glyph drawn for two texts (a bracket mirrored in right-to-left
    /// text) gets a second code in a TrueType font, mapped to the same
    /// glyph, so that each reads back as what it stands for; a font that
    /// cannot alias keeps one code, the last text drawn.
    #[test]
    fn a_glyph_drawn_for_two_texts_gets_a_code_for_each() {
        let font = |aliases| Font {
            name: name(0),
            subset: Subset::empty(),
            codes: None,
            drawn: BTreeMap::new(),
            aliases,
        };
        let mut fonts = Fonts {
            owner: vec![0],
            fonts: vec![Some(font(Some(Vec::new())))],
        };
        assert_eq!(fonts.draw(0, 0, "(", 300), 0);
        assert_eq!(fonts.draw(0, 0, ")", 300), 1);
        assert_eq!(fonts.draw(0, 0, ")", 300), 1);
        assert_eq!(fonts.draw(0, 0, "(", 300), 0);
        let f = fonts.fonts[0].take().expect("font");
        let cmap = String::from_utf8(f.to_unicode()).expect("ASCII");
        assert!(
            cmap.contains("<0000> <0028>") && cmap.contains("<0001> <0029>"),
            "{cmap}"
        );
        let mut lo = lopdf::Document::with_version("1.7");
        let Object::Reference(id) = f.cid_to_gid(&mut lo) else {
            panic!("an aliasing font needs a CIDToGIDMap stream");
        };
        let mut map = lo
            .get_object(id)
            .and_then(Object::as_stream)
            .expect("stream")
            .clone();
        map.decompress().expect("inflates");
        assert_eq!(map.content, vec![0, 0, 0, 0], "both codes draw glyph 0");

        let mut cff = Fonts {
            owner: vec![0],
            fonts: vec![Some(font(None))],
        };
        assert_eq!(cff.draw(0, 0, "(", 300), 0);
        assert_eq!(cff.draw(0, 0, ")", 300), 0);
    }
}
