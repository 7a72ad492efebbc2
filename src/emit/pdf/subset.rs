//! Font programs per document: the glyphs a document draws, cut out of
//! their font file with allsorts.
//!
//! printpdf subsets only with its `text_layout` feature, which brings
//! azul-layout, taffy and fourteen crates more into the build; and it then
//! decodes every kept glyph of the subset again for its width, which the
//! shaper already knows: two thirds of a Chinese document's time went there.
//! The subset here is allsorts' own (the crate printpdf subsets with): the
//! programs are printpdf's, less a character map no PDF reader consults.

use std::borrow::Cow;

use allsorts::binary::read::ReadArrayCow;
use allsorts::binary::read::ReadScope;
use allsorts::binary::write::{WriteBinary, WriteBuffer};
use allsorts::cff::{CFFVariant, FDSelect, CFF};
use allsorts::error::ParseError;
use allsorts::font_data::FontData;
use allsorts::subset::{subset, CmapTarget, SubsetProfile};
use allsorts::tables::FontTableProvider;
use allsorts::tag;

use rustybuzz::ttf_parser;

use super::shape::DocFace;

/// One font file's glyphs as a document draws them.
pub struct Subset {
    /// The font program.
    pub program: Program,
    /// The original ids kept, ascending, `.notdef` first: a glyph's id in
    /// the subset is its position here.
    kept: Vec<u16>,
}

impl Subset {
    /// Cuts the glyphs `used` out of `face`'s font.
    pub fn cut(face: &DocFace, used: impl IntoIterator<Item = u16>) -> Result<Subset, String> {
        let mut kept: Vec<u16> = std::iter::once(0).chain(used).collect();
        kept.sort_unstable();
        kept.dedup();
        let program = match cid_keyed(face, &kept)? {
            Some(cff) => cff,
            None => Program::File(program(face.face.data(), face.face.index, &kept)?),
        };
        Ok(Subset { program, kept })
    }

    /// A subset of nothing (for tests of what is built on one).
    #[cfg(test)]
    pub fn empty() -> Subset {
        Subset {
            program: Program::File(Vec::new()),
            kept: vec![0],
        }
    }

    /// How many glyphs the subset holds.
    pub fn len(&self) -> usize {
        self.kept.len()
    }

    /// The id in the subset of the face's glyph `gid` (`.notdef` if not kept).
    pub fn id(&self, gid: u16) -> u16 {
        self.kept.binary_search(&gid).map_or(0, |i| i as u16)
    }
}

/// A subset's font program, as the PDF embeds it.
pub enum Program {
    /// A whole font file: TrueType, or OpenType with a name-keyed CFF.
    File(Vec<u8>),
    /// The `CFF ` table of a CID-keyed font, and the CID of each glyph of
    /// the subset (by its id there), through which readers find glyphs.
    CidKeyedCff { table: Vec<u8>, cids: Vec<u16> },
}

/// The subset of a face whose outlines are a CID-keyed CFF: the bare
/// table, which is what a PDF embeds of such a font; `None` for other
/// faces. Cutting the table alone skips building an OpenType file around
/// it and reading that back, a quarter of a Chinese document's subsetting.
fn cid_keyed(face: &DocFace, kept: &[u16]) -> Result<Option<Program>, String> {
    if let Some((cff, table)) = face.face.cid_cff() {
        if let Some((table, cids)) = cff.cut(table, kept) {
            return Ok(Some(Program::CidKeyedCff { table, cids }));
        }
    }
    let Some(data) = face.rb.raw_face().table(ttf_parser::Tag(tag::CFF)) else {
        return Ok(None);
    };
    let mut cff = ReadScope::new(data)
        .read::<CFF<'_>>()
        .map_err(|e| e.to_string())?;
    if cff.name_index.len() != 1 || !cff.fonts.first().is_some_and(|f| f.is_cid_keyed()) {
        return Ok(None);
    }
    if let Some(font) = cff.fonts.first_mut() {
        let glyphs = font.char_strings_index.len();
        if let CFFVariant::CID(cid) = &mut font.data {
            if let Some(table) = dict_per_glyph(&cid.fd_select, glyphs) {
                cid.fd_select = FDSelect::Format0 {
                    glyph_font_dict_indices: ReadArrayCow::Owned(table),
                };
            }
        }
    }
    let cut = CFF::from(cff.subset(kept, true).map_err(|e| e.to_string())?);
    let cids = cut.fonts.first().map_or_else(Vec::new, |font| {
        (0..kept.len() as u16)
            .map_while(|g| font.charset.id_for_glyph(g))
            .collect()
    });
    let mut table = WriteBuffer::new();
    CFF::write(&mut table, &cut).map_err(|e| e.to_string())?;
    Ok(Some(Program::CidKeyedCff {
        table: table.into_inner(),
        cids,
    }))
}

/// Each glyph's font dict, as a table, when `select` gives it as ranges
/// that cover the `glyphs` in order (as the format requires). allsorts
/// finds a glyph's dict by walking the ranges, twice per glyph kept: over
/// the hundreds of ranges of a CJK face, a third of its subsetting. The
/// subset is the same; ranges out of order are left for allsorts to judge.
fn dict_per_glyph(select: &FDSelect<'_>, glyphs: usize) -> Option<Vec<u8>> {
    let FDSelect::Format3 { ranges, sentinel } = select else {
        return None;
    };
    let mut table = Vec::with_capacity(glyphs);
    let starts = ranges.iter().map(|r| (r.first, r.n_left));
    let ends = ranges.iter().skip(1).map(|r| r.first).chain([*sentinel]);
    for ((first, dict), end) in starts.zip(ends) {
        if usize::from(first) != table.len() || end <= first {
            return None;
        }
        table.resize(usize::from(end), dict);
    }
    (table.len() == glyphs).then_some(table)
}

/// Whether allsorts reads face `index` of `data` (checked once, on loading).
pub fn readable(data: &[u8], index: u32) -> Result<(), String> {
    let file = ReadScope::new(data)
        .read::<FontData<'_>>()
        .map_err(|e| e.to_string())?;
    file.table_provider(index as usize)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// The subset program of face `index` of `data`, with glyphs `kept` (ascending,
/// `.notdef` first) at their positions.
fn program(data: &[u8], index: u32, kept: &[u16]) -> Result<Vec<u8>, String> {
    let file = ReadScope::new(data)
        .read::<FontData<'_>>()
        .map_err(|e| e.to_string())?;
    let provider = file
        .table_provider(index as usize)
        .map_err(|e| e.to_string())?;
    subset(
        &NoCmap(&provider),
        kept,
        &SubsetProfile::Pdf,
        CmapTarget::Unicode,
    )
    .map_err(|e| e.to_string())
}

/// A font's tables with an empty character map: a PDF font addresses its
/// glyphs by id and maps them to text in its own ToUnicode, so the subset
/// needs none, and allsorts would otherwise compare every mapping of a CJK
/// font with every glyph kept.
struct NoCmap<'a, P>(&'a P);

/// A `cmap` of one Unicode subtable (format 4) that maps nothing.
const EMPTY_CMAP: [u8; 36] = [
    0, 0, 0, 1, // version, one subtable
    0, 3, 0, 1, 0, 0, 0, 12, // Windows, Unicode BMP, at 12
    0, 4, 0, 24, 0, 0, // format 4, length, language
    0, 2, 0, 2, 0, 0, 0, 0, // one segment; search range, selector, shift
    0xFF, 0xFF, 0, 0, 0xFF, 0xFF, // end, pad, start
    0, 1, 0, 0, // delta, range offset
];

impl<P: FontTableProvider> FontTableProvider for NoCmap<'_, P> {
    fn table_data(&self, t: u32) -> Result<Option<Cow<'_, [u8]>>, ParseError> {
        if t == tag::CMAP {
            return Ok(Some(Cow::Borrowed(&EMPTY_CMAP)));
        }
        self.0.table_data(t)
    }

    fn has_table(&self, t: u32) -> bool {
        t == tag::CMAP || self.0.has_table(t)
    }

    fn table_tags(&self) -> Option<Vec<u32>> {
        self.0.table_tags()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::pdf::fonts::{Family, Style};
    use crate::emit::pdf::shape::{FontShaper, Shaper};
    use crate::emit::pdf::{PdfConfig, PdfSetup};
    use rustybuzz::ttf_parser::{self, GlyphId};

    /// Under its new id each kept glyph has the outline and the advance it
    /// has in the face: in TrueType (Latin, Arabic) and CID-keyed CFF (CJK)
    /// faces alike; a glyph not kept is `.notdef`.
    /// An outline builder that draws nothing (the bounding box is asked).
    struct Ignored;

    impl ttf_parser::OutlineBuilder for Ignored {
        fn move_to(&mut self, _: f32, _: f32) {}
        fn line_to(&mut self, _: f32, _: f32) {}
        fn quad_to(&mut self, _: f32, _: f32, _: f32, _: f32) {}
        fn curve_to(&mut self, _: f32, _: f32, _: f32, _: f32, _: f32, _: f32) {}
        fn close(&mut self) {}
    }

    /// The font dict table gives every glyph of the CJK face the dict
    /// allsorts finds by its ranges; ranges out of order give no table.
    #[test]
    fn font_dicts_per_glyph_are_the_ranges_read_out() {
        let setup = PdfSetup::new(&PdfConfig::default()).expect("the template's fonts");
        let shaper = FontShaper::new(&setup.fonts, Family::Cjk).expect("shaper");
        let data = shaper.faces[0]
            .rb
            .raw_face()
            .table(ttf_parser::Tag(tag::CFF));
        let cff = ReadScope::new(data.expect("a CFF face"))
            .read::<CFF<'_>>()
            .expect("parses");
        let font = &cff.fonts[0];
        let CFFVariant::CID(cid) = &font.data else {
            panic!("the CJK face is CID-keyed");
        };
        let glyphs = font.char_strings_index.len();
        let table = dict_per_glyph(&cid.fd_select, glyphs).expect("ranges in order");
        assert!(table.iter().any(|&d| d != table[0]), "more than one dict");
        for (g, &dict) in table.iter().enumerate() {
            assert_eq!(cid.fd_select.font_dict_index(g as u16), Some(dict));
        }
        assert_eq!(dict_per_glyph(&cid.fd_select, glyphs + 1), None);
        let ranges = |firsts: &[u16]| FDSelect::Format3 {
            ranges: ReadArrayCow::Owned(
                firsts
                    .iter()
                    .map(|&first| allsorts::cff::Range { first, n_left: 1 })
                    .collect(),
            ),
            sentinel: 10,
        };
        assert_eq!(dict_per_glyph(&ranges(&[0, 4]), 10), Some(vec![1; 10]));
        assert_eq!(dict_per_glyph(&ranges(&[0, 6, 4]), 10), None);
        assert_eq!(dict_per_glyph(&ranges(&[1, 4]), 10), None);
    }

    #[test]
    fn a_subset_draws_each_kept_glyph_as_its_face_does() {
        let setup = PdfSetup::new(&PdfConfig::default()).expect("the template's fonts");
        let texts = [
            (Family::Latin, "Recalling its resolution 58/1", false),
            (Family::Cjk, "回顾其2004年12月20日决议", false),
            (Family::Arabic, "إذ تشير إلى قرارها", true),
        ];
        for (family, text, rtl) in texts {
            let mut shaper = FontShaper::new(&setup.fonts, family).expect("shaper");
            let mut glyphs = Vec::new();
            shaper
                .shape(text, 0, Style::Regular, rtl, &mut glyphs)
                .expect("shapes");
            let face = &shaper.faces[glyphs[0].face as usize];
            let subset = Subset::cut(face, glyphs.iter().map(|g| g.gid)).expect("cut");
            match &subset.program {
                Program::File(program) => {
                    assert_ne!(family, Family::Cjk, "the CJK face is a CID-keyed CFF");
                    assert!(
                        program.len() * 10 < face.face.data().len(),
                        "{family:?}: not cut"
                    );
                    let cut = ttf_parser::Face::parse(program, 0).expect("the subset parses");
                    for g in &glyphs {
                        let new = subset.id(g.gid);
                        assert_ne!(new, 0, "{family:?}: glyph {} not kept", g.gid);
                        assert_eq!(
                            cut.glyph_bounding_box(GlyphId(new)),
                            face.rb.glyph_bounding_box(GlyphId(g.gid)),
                            "{family:?}: glyph {} drawn otherwise as {new}",
                            g.gid
                        );
                        assert_eq!(
                            cut.glyph_hor_advance(GlyphId(new)),
                            face.rb.glyph_hor_advance(GlyphId(g.gid)),
                        );
                    }
                }
                Program::CidKeyedCff { table, cids } => {
                    assert!(
                        table.len() * 10 < face.face.data().len(),
                        "{family:?}: not cut"
                    );
                    let cut = ttf_parser::cff::Table::parse(table).expect("the subset parses");
                    let own = face.rb.tables().cff.expect("a CFF face");
                    assert_eq!(cids.len(), subset.len());
                    for g in &glyphs {
                        let new = subset.id(g.gid);
                        assert_ne!(new, 0, "{family:?}: glyph {} not kept", g.gid);
                        assert_eq!(
                            cut.outline(GlyphId(new), &mut Ignored).ok(),
                            face.rb.glyph_bounding_box(GlyphId(g.gid)),
                            "{family:?}: glyph {} drawn otherwise as {new}",
                            g.gid
                        );
                        let cid = own.glyph_cid(GlyphId(g.gid));
                        assert_eq!(cut.glyph_cid(GlyphId(new)), cid);
                        assert_eq!(cids.get(usize::from(new)).copied(), cid);
                    }
                }
            }
            let unused = (1..u16::MAX).find(|&g| glyphs.iter().all(|k| k.gid != g));
            assert_eq!(subset.id(unused.expect("an unused id")), 0);
        }
    }
}
