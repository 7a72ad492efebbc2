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

use allsorts::binary::read::ReadScope;
use allsorts::error::ParseError;
use allsorts::font_data::FontData;
use allsorts::subset::{subset, CmapTarget, SubsetProfile};
use allsorts::tables::FontTableProvider;
use allsorts::tag;

use super::shape::DocFace;

/// One font file's glyphs as a document draws them.
pub struct Subset {
    /// The font program (an OpenType or TrueType file).
    pub program: Vec<u8>,
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
        let program = program(&face.face.data, face.face.index, &kept)?;
        Ok(Subset { program, kept })
    }

    /// A subset of nothing (for tests of what is built on one).
    #[cfg(test)]
    pub fn empty() -> Subset {
        Subset {
            program: Vec::new(),
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
            let program = &subset.program;
            assert!(
                program.len() * 10 < face.face.data.len(),
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
            let unused = (1..u16::MAX).find(|&g| glyphs.iter().all(|k| k.gid != g));
            assert_eq!(subset.id(unused.expect("an unused id")), 0);
        }
    }
}
