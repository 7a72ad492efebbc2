//! Fonts: found with fontdb, read and parsed once per run, shared read-only
//! by every thread.
//!
//! Parsing a CJK collection takes far longer than laying out a resolution,
//! so each face is parsed on first use (an English-only batch never parses
//! the CJK face) and kept for the rest of the run.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use rustybuzz::ttf_parser;

use super::cff::CidCff;
use super::template::Template;
use crate::error::EmitError;
use crate::ir::Lang;

/// The script families of the page style, in fallback order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// Latin, Cyrillic and Greek.
    Latin,
    /// Chinese (and Japanese, Korean characters when they appear).
    Cjk,
    /// Arabic.
    Arabic,
}

impl Family {
    /// All families, in fallback order.
    pub const ALL: [Family; 3] = [Family::Latin, Family::Cjk, Family::Arabic];

    /// Position in [`Family::ALL`].
    pub fn idx(self) -> usize {
        self as usize
    }

    /// The family a document in `lang` is set in.
    pub fn for_lang(lang: Lang) -> Family {
        match lang {
            Lang::Zh => Family::Cjk,
            Lang::Ar => Family::Arabic,
            _ => Family::Latin,
        }
    }

    /// The family a character belongs to, when it has a clear script.
    pub fn for_char(c: char) -> Option<Family> {
        let u = c as u32;
        match u {
            0x0600..=0x06FF
            | 0x0750..=0x077F
            | 0x08A0..=0x08FF
            | 0xFB50..=0xFDFF
            | 0xFE70..=0xFEFF => Some(Family::Arabic),
            0x1100..=0x11FF
            | 0x2E80..=0x2FDF
            | 0x3000..=0x30FF
            | 0x3100..=0x31FF
            | 0x3200..=0x9FFF
            | 0xAC00..=0xD7AF
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFFEF
            | 0x20000..=0x3FFFF => Some(Family::Cjk),
            0x0000..=0x05FF | 0x1E00..=0x1FFF => Some(Family::Latin),
            _ => None,
        }
    }
}

/// Weight and slant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Style {
    /// Upright, normal weight.
    Regular,
    /// Bold (headings, the title).
    Bold,
    /// Italic (lead phrases, emphasis, the formula).
    Italic,
}

impl Style {
    const ALL: [Style; 3] = [Style::Regular, Style::Bold, Style::Italic];

    /// Position in a per-style table.
    pub fn idx(self) -> usize {
        self as usize
    }
}

/// One font face, read and parsed.
pub struct Face {
    /// The file it came from (for messages).
    pub path: PathBuf,
    /// Face index inside a collection.
    pub index: u32,
    /// The face as the shaper reads it, parsed once per run: parsing it
    /// builds the tables of its substitutions, which for a CJK face cost
    /// more than shaping a whole document. It borrows `data` (see
    /// [`Face::load`]) and is declared first so that it is dropped first.
    shaping: rustybuzz::Face<'static>,
    /// Its CID-keyed CFF table as subsetting reads it, read on first use
    /// (`None`: no such table, or one left to allsorts).
    cid_cff: OnceLock<Option<CidCff>>,
    /// The font file's bytes; shaping and subsetting read them. Private and
    /// never replaced: `shaping` points into them.
    data: FontBytes,
}

/// A font file's bytes, mapped from the file where the system allows.
/// A CJK collection is 20–27 MB, of which a document's shaping and
/// subsetting read a few pages: mapped, only those pages are in memory
/// (a 1,000-document Chinese batch peaked at 43 MB with the file read
/// whole). Read into memory where mapping fails.
pub enum FontBytes {
    /// Mapped read-only from the file.
    Mapped(memmap2::Mmap),
    /// Read into memory.
    Read(Vec<u8>),
}

impl std::ops::Deref for FontBytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            FontBytes::Mapped(m) => m,
            FontBytes::Read(v) => v,
        }
    }
}

impl FontBytes {
    /// The bytes of the file at `path`.
    fn of(path: &Path) -> std::io::Result<FontBytes> {
        let file = std::fs::File::open(path)?;
        // SAFETY: the map is read-only and lives as long as the face. A
        // font file truncated by another process while a run reads it
        // would fault; fonts are system files that packages replace by
        // renaming, which leaves the mapped file whole.
        match unsafe { memmap2::Mmap::map(&file) } {
            Ok(map) => Ok(FontBytes::Mapped(map)),
            Err(_) => std::fs::read(path).map(FontBytes::Read),
        }
    }
}

impl std::fmt::Debug for Face {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Face({}#{})", self.path.display(), self.index)
    }
}

impl Face {
    /// Reads and parses face `index` of the file at `path`.
    pub fn load(path: &Path, index: u32) -> Result<Face, String> {
        let data = FontBytes::of(path).map_err(|e| format!("{}: {e}", path.display()))?;
        // SAFETY: the bytes live at one address for as long as `data` does
        // (a mapping, or a vector's buffer, neither moved by moving the
        // `FontBytes`), `data` is never replaced or mutated, and `shaping`
        // is dropped before it. The `'static` never leaves this type: the
        // face is lent out for as long as `self` only ([`Face::shaping`]).
        let bytes: &'static [u8] = unsafe { &*std::ptr::from_ref::<[u8]>(&data) };
        // Reject here, once, what the shaper or the subsetter cannot read.
        let shaping = rustybuzz::Face::from_slice(bytes, index)
            .ok_or_else(|| format!("{}: not a usable font (face {index})", path.display()))?;
        super::subset::readable(&data, index)
            .map_err(|e| format!("{}: cannot read face {index}: {e}", path.display()))?;
        Ok(Face {
            path: path.to_path_buf(),
            index,
            shaping,
            cid_cff: OnceLock::new(),
            data,
        })
    }

    /// The font file's bytes.
    pub fn data(&self) -> &[u8] {
        &self.data
    }

    /// The face as the shaper reads it.
    pub fn shaping(&self) -> &rustybuzz::Face<'_> {
        &self.shaping
    }

    /// The face's CID-keyed CFF table, read once per run, and its bytes.
    pub(super) fn cid_cff(&self) -> Option<(&CidCff, &[u8])> {
        let table = self
            .shaping
            .raw_face()
            .table(ttf_parser::Tag::from_bytes(b"CFF "))?;
        let cff = self.cid_cff.get_or_init(|| CidCff::read(table));
        cff.as_ref().map(|c| (c, table))
    }
}

/// A font file a family and style resolved to, loaded on first use.
struct Source {
    path: PathBuf,
    index: u32,
    face: OnceLock<Result<Face, String>>,
}

impl Source {
    fn new(path: PathBuf, index: u32) -> Source {
        Source {
            path,
            index,
            face: OnceLock::new(),
        }
    }

    fn get(&self) -> Result<&Face, String> {
        self.face
            .get_or_init(|| Face::load(&self.path, self.index))
            .as_ref()
            .map_err(Clone::clone)
    }
}

/// Which file each family and style maps to, once the system fonts are known.
struct Resolved {
    sources: Vec<Source>,
    /// `slots[family][style]` indexes `sources`.
    slots: [[Option<usize>; 3]; 3],
}

/// All the fonts a run may need. Cheap to build; the system font list is
/// read on first use and each face parsed on first use, once.
pub struct FontSet {
    families: [(String, String); 3],
    synthetic_bold: [Option<f32>; 3],
    user: Option<Source>,
    resolved: OnceLock<Resolved>,
}

impl std::fmt::Debug for FontSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FontSet")
            .field("families", &self.families)
            .field("user", &self.user.as_ref().map(|s| &s.path))
            .finish()
    }
}

impl FontSet {
    /// The families named in `template`, with `user_font` (from `--font`)
    /// tried first for every character when given.
    pub fn new(template: &Template, user_font: Option<&Path>) -> FontSet {
        let f = &template.fonts;
        FontSet {
            families: [
                (f.latin.family.clone(), f.latin.package.clone()),
                (f.cjk.family.clone(), f.cjk.package.clone()),
                (f.arabic.family.clone(), f.arabic.package.clone()),
            ],
            synthetic_bold: [
                f.latin.synthetic_bold,
                f.cjk.synthetic_bold,
                f.arabic.synthetic_bold,
            ],
            user: user_font.map(|p| Source::new(p.to_path_buf(), 0)),
            resolved: OnceLock::new(),
        }
    }

    /// Loads the user's font now, so that a bad `--font` fails before any
    /// document is read.
    pub fn check_user_font(&self) -> Result<(), EmitError> {
        match &self.user {
            Some(s) => s.get().map(|_| ()).map_err(EmitError::Font),
            None => Ok(()),
        }
    }

    /// The `--font` face, if one was given.
    pub fn user_face(&self) -> Option<Result<&Face, EmitError>> {
        self.user.as_ref().map(|s| s.get().map_err(EmitError::Font))
    }

    fn resolved(&self) -> &Resolved {
        self.resolved.get_or_init(|| {
            let mut db = fontdb::Database::new();
            db.load_system_fonts();
            let mut sources: Vec<Source> = Vec::new();
            let mut slots = [[None; 3]; 3];
            for fam in Family::ALL {
                let name = self.families[fam.idx()].0.as_str();
                for style in Style::ALL {
                    let query = fontdb::Query {
                        families: &[fontdb::Family::Name(name)],
                        weight: if style == Style::Bold {
                            fontdb::Weight::BOLD
                        } else {
                            fontdb::Weight::NORMAL
                        },
                        stretch: fontdb::Stretch::Normal,
                        style: if style == Style::Italic {
                            fontdb::Style::Italic
                        } else {
                            fontdb::Style::Normal
                        },
                    };
                    let Some(id) = db.query(&query) else { continue };
                    let Some((fontdb::Source::File(path), index)) = db.face_source(id) else {
                        continue;
                    };
                    let at = match sources
                        .iter()
                        .position(|s| s.path == path && s.index == index)
                    {
                        Some(i) => i,
                        None => {
                            sources.push(Source::new(path, index));
                            sources.len() - 1
                        }
                    };
                    slots[fam.idx()][style.idx()] = Some(at);
                }
            }
            Resolved { sources, slots }
        })
    }

    /// The outline width (fraction of the size) with which this family draws
    /// bold from its regular face, if it does.
    pub fn synthetic_bold(&self, family: Family) -> Option<f32> {
        self.synthetic_bold[family.idx()].filter(|w| *w > 0.0)
    }

    /// The face for a family and style (the regular face when the family
    /// has no such style), or an error naming the package to install.
    pub fn face(&self, family: Family, style: Style) -> Result<&Face, EmitError> {
        let r = self.resolved();
        let slot = r.slots[family.idx()][style.idx()].or(r.slots[family.idx()][0]);
        let (name, package) = &self.families[family.idx()];
        match slot {
            Some(i) => r.sources[i].get().map_err(EmitError::Font),
            None => Err(EmitError::Font(format!(
                "font \"{name}\" is not installed: install the Debian package {package} \
                 (apt-get install {package}) or pass --font PATH"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_of_characters() {
        assert_eq!(Family::for_char('a'), Some(Family::Latin));
        assert_eq!(Family::for_char('ж'), Some(Family::Latin));
        assert_eq!(Family::for_char('中'), Some(Family::Cjk));
        assert_eq!(Family::for_char('，'), Some(Family::Cjk));
        assert_eq!(Family::for_char('ب'), Some(Family::Arabic));
        assert_eq!(Family::for_lang(Lang::Ru), Family::Latin);
    }

    #[test]
    fn missing_family_names_the_package() {
        let mut t = Template::default_un();
        t.fonts.cjk.family = "No Such Family 12345".into();
        let set = FontSet::new(&t, None);
        let err = set
            .face(Family::Cjk, Style::Regular)
            .unwrap_err()
            .to_string();
        assert!(err.contains("fonts-noto-cjk"), "{err}");
        assert!(err.contains("No Such Family 12345"), "{err}");
    }

    /// The CJK collection (26 MB) is mapped, so that a batch holds only
    /// the pages of it that shaping and subsetting read.
    #[test]
    fn a_face_is_mapped_not_read_whole() {
        let set = FontSet::new(&Template::default_un(), None);
        let face = set
            .face(Family::Cjk, Style::Regular)
            .expect("Noto Serif CJK installed (make deps)");
        assert!(matches!(face.data, FontBytes::Mapped(_)));
        assert!(face.data.len() > 1_000_000);
    }

    #[test]
    fn unreadable_user_font_is_an_error() {
        let t = Template::default_un();
        let set = FontSet::new(&t, Some(Path::new("/nonexistent/font.ttf")));
        assert!(set.check_user_font().is_err());
    }
}
