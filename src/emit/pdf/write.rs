//! Writing laid-out pages as PDF objects with printpdf, then finishing the
//! document (language, outline, tags, identifier, PDF/A) on the lopdf level, where
//! printpdf would otherwise put random identifiers.
//!
//! The writer sees the laid-out document ([`Laid`]) and the faces only,
//! never the IR: whatever the file needs (title, language, direction,
//! bookmarks) layout has put there.

use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use printpdf::{
    Codepoint, DictItem, FontId, Line, LinePoint, Op, PdfDocument, PdfFont, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, TextItem, TextMatrix, TextRenderingMode,
};

use super::archival::{archival, Described};
use super::layout::{Laid, Page, Run};
use super::shape::{DocFace, Glyph};
use super::subset::Subset;
use super::tags;
use crate::error::EmitError;

/// What the file is to be, beside its pages.
#[derive(Debug, Clone, Copy, Default)]
pub struct FileOptions {
    /// The document's date (seconds since 1970, from `SOURCE_DATE_EPOCH`);
    /// absent, 0: output never depends on the clock.
    pub epoch: Option<i64>,
    /// Write PDF/A-2u ([`super::archival`]).
    pub pdf_a: bool,
}

/// Serialises `laid` to PDF bytes. `faces` are the shaper's faces (the
/// runs' `face` indexes them).
pub fn write(laid: &Laid, faces: &[DocFace], file: FileOptions) -> Result<Vec<u8>, EmitError> {
    let mut doc = PdfDocument::new(&laid.title);
    info(&mut doc, laid, file.epoch)?;
    let fonts = Fonts::embed(&mut doc, laid, faces)?;
    let (pages, marked): (Vec<PdfPage>, Vec<Vec<u32>>) = laid
        .pages
        .iter()
        .map(|page| pdf_page(page, laid, faces, &fonts))
        .unzip();
    doc.with_pages(pages);

    let mut warnings = Vec::new();
    let opts = PdfSaveOptions {
        subset_fonts: true,
        ..Default::default()
    };
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    finish(&mut lo, laid, &marked)?;
    if file.pdf_a {
        let described = Described {
            title: &laid.title,
            subject: &laid.symbol,
            lang: laid.lang,
            epoch: file.epoch.unwrap_or(0),
        };
        archival(&mut lo, &described)?;
    }
    compress(&mut lo);
    let mut out = Vec::new();
    lo.save_modern(&mut out)
        .map_err(|e| EmitError::Other(format!("PDF: {e}")))?;
    Ok(out)
}

/// Deflates every stream not yet filtered that may be, at zlib's default
/// level: level 9 (lopdf's `compress`) took a quarter of a document's time
/// for files a few per cent smaller.
fn compress(lo: &mut lopdf::Document) {
    use std::io::Write;
    for object in lo.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        let Ok(packed) = z.write_all(&stream.content).and_then(|()| z.finish()) else {
            continue;
        };
        if packed.len() + 19 < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(packed);
        }
    }
}

/// The document information: dates from `epoch`, creator, subject.
fn info(doc: &mut PdfDocument, laid: &Laid, epoch: Option<i64>) -> Result<(), EmitError> {
    let date = printpdf::OffsetDateTime::from_unix_timestamp(epoch.unwrap_or(0))
        .map_err(|e| EmitError::Other(format!("SOURCE_DATE_EPOCH: {e}")))?;
    let info = &mut doc.metadata.info;
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
    info.creator = "unres".into();
    info.producer = "unres (printpdf)".into();
    info.subject = laid.symbol.clone();
    Ok(())
}

/// The document's fonts: one per face file, however many ways it is
/// drawn, under fixed ids (printpdf's own are random), each a subset of
/// the glyphs drawn with it.
struct Fonts {
    /// Per face, the first face of the same file (whose font it uses).
    owner: Vec<usize>,
    /// Per face, the font id.
    ids: Vec<FontId>,
    /// Per owning face, its subset.
    subsets: Vec<Option<Subset>>,
}

impl Fonts {
    /// Adds to `doc` the fonts of the faces some run uses, as subsets.
    fn embed(doc: &mut PdfDocument, laid: &Laid, faces: &[DocFace]) -> Result<Fonts, EmitError> {
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
        let ids: Vec<FontId> = owner.iter().map(|&i| font_id(i)).collect();
        let mut subsets: Vec<Option<Subset>> = Vec::with_capacity(faces.len());
        for (i, face) in faces.iter().enumerate() {
            if used[i].is_empty() {
                subsets.push(None);
                continue;
            }
            let subset = Subset::cut(face, used[i].drain(..), &ids[i].0[..6]).map_err(|e| {
                EmitError::Font(format!("{}: cannot subset: {e}", face.face.path.display()))
            })?;
            let font = PdfFont::new(subset.font.clone());
            doc.resources.fonts.map.insert(ids[i].clone(), font);
            subsets.push(Some(subset));
        }
        Ok(Fonts {
            owner,
            ids,
            subsets,
        })
    }

    /// The id in its font's subset of glyph `gid` drawn with face `face`.
    fn glyph(&self, face: usize, gid: u16) -> u16 {
        self.owner
            .get(face)
            .and_then(|&o| self.subsets.get(o)?.as_ref())
            .map_or(0, |s| s.id(gid))
    }
}

/// The id of font `i`: six capitals, as the subset tag of the font name
/// is taken from them.
fn font_id(i: usize) -> FontId {
    FontId(format!(
        "UNRF{}{}",
        (b'A' + (i / 26) as u8) as char,
        (b'A' + (i % 26) as u8) as char
    ))
}

/// One page: its rules, then its text; and the structure element of each
/// marked-content identifier on it (the page's entry of the parent tree).
fn pdf_page(page: &Page, laid: &Laid, faces: &[DocFace], fonts: &Fonts) -> (PdfPage, Vec<u32>) {
    let mut ops = Vec::with_capacity(page.runs.len() * 3 + page.rules.len() * 2 + 8);
    if !page.rules.is_empty() {
        ops.push(Op::BeginMarkedContent {
            tag: "Artifact".into(),
        });
        rule_ops(page, laid, &mut ops);
        ops.push(Op::EndMarkedContent);
    }
    ops.push(Op::StartTextSection);
    let marked = text_ops(page, laid, faces, fonts, &mut ops);
    ops.push(Op::EndTextSection);
    let page = PdfPage::new(
        printpdf::Mm::from(Pt(laid.width)),
        printpdf::Mm::from(Pt(laid.height)),
        ops,
    );
    (page, marked)
}

/// Marked content around runs: a sequence per change of element, with
/// its identifier (MCID, numbered from 0 on each page), or an artifact.
struct Marking {
    open: Option<Option<u32>>,
    /// The element of each identifier used so far.
    marked: Vec<u32>,
}

impl Marking {
    /// Opens the sequence of `element`, unless open already.
    fn enter(&mut self, element: Option<u32>, laid: &Laid, ops: &mut Vec<Op>) {
        if self.open == Some(element) {
            return;
        }
        self.close(ops);
        let role = element.and_then(|e| laid.elements.get(e as usize));
        match (element, role) {
            (Some(e), Some(el)) => {
                let mcid = DictItem::Int(self.marked.len() as i64);
                ops.push(Op::BeginMarkedContentWithProperties {
                    tag: el.role.name().into(),
                    properties: DictItem::Dict {
                        map: [("MCID".to_string(), mcid)].into(),
                    },
                });
                self.marked.push(e);
            }
            _ => ops.push(Op::BeginMarkedContent {
                tag: "Artifact".into(),
            }),
        }
        self.open = Some(element);
    }

    fn close(&mut self, ops: &mut Vec<Op>) {
        if self.open.take().is_some() {
            ops.push(Op::EndMarkedContent);
        }
    }
}

/// The page's rules, the line width set only when it changes.
fn rule_ops(page: &Page, laid: &Laid, ops: &mut Vec<Op>) {
    let point = |x: f32, y: f32| LinePoint {
        p: Point {
            x: Pt(x),
            y: Pt(laid.height - y),
        },
        bezier: false,
    };
    let mut width = -1.0;
    for rule in &page.rules {
        if rule.width != width {
            width = rule.width;
            ops.push(Op::SetOutlineThickness { pt: Pt(width) });
        }
        ops.push(Op::DrawLine {
            line: Line {
                points: vec![point(rule.x1, rule.y1), point(rule.x2, rule.y2)],
                is_closed: false,
            },
        });
    }
}

/// The page's runs: font and size set when they change, synthetic bold
/// drawn filled and stroked, each in the marked content of its element.
/// Returns the element of each marked-content identifier.
fn text_ops(
    page: &Page,
    laid: &Laid,
    faces: &[DocFace],
    fonts: &Fonts,
    ops: &mut Vec<Op>,
) -> Vec<u32> {
    let mut current: Option<(usize, f32)> = None;
    let mut outlined = false;
    let mut marking = Marking {
        open: None,
        marked: Vec::new(),
    };
    for run in &page.runs {
        let Some(face) = faces.get(run.face as usize) else {
            continue;
        };
        marking.enter(run.element, laid, ops);
        let font = fonts.owner[run.face as usize];
        if current != Some((font, run.size)) {
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(fonts.ids[run.face as usize].clone()),
                size: Pt(run.size),
            });
            current = Some((font, run.size));
        }
        match face.embolden {
            Some(w) => {
                ops.push(Op::SetOutlineThickness {
                    pt: Pt(w * run.size),
                });
                ops.push(Op::SetTextRenderingMode {
                    mode: TextRenderingMode::FillStroke,
                });
                outlined = true;
            }
            None if outlined => {
                ops.push(Op::SetTextRenderingMode {
                    mode: TextRenderingMode::Fill,
                });
                outlined = false;
            }
            None => {}
        }
        run_ops(run, face, fonts, laid, ops);
    }
    marking.close(ops);
    marking.marked
}

/// Glyphs of one run: a text matrix at its start, glyph ids with the
/// source text for ToUnicode, and offsets from the font's own advances to
/// the shaped (and justified) ones. Glyphs displaced by shaping (marks) are
/// placed on their own.
fn run_ops(run: &Run, face: &DocFace, fonts: &Fonts, laid: &Laid, ops: &mut Vec<Op>) {
    let text = laid
        .texts
        .get(run.text as usize)
        .map(String::as_str)
        .unwrap_or("");
    let mut shown = Shown::at(run.x, run.glyphs.len());
    let mut pen = run.x;
    for g in &run.glyphs {
        let source = text.get(g.start as usize..g.end as usize).unwrap_or("");
        let space = !source.is_empty() && source.chars().all(char::is_whitespace);
        let cid = match source {
            "" => " ".to_string(),
            s => s.to_string(),
        };
        if g.dx != 0.0 || g.dy != 0.0 {
            shown.flush(run.y, laid, ops);
            let mut mark = Shown::at(pen + g.dx * run.size, 1);
            mark.items.push(Codepoint {
                gid: fonts.glyph(run.face as usize, g.gid),
                offset: 0.0,
                cid: Some(cid),
            });
            mark.flush(run.y - g.dy * run.size, laid, ops);
            pen += g.adv * run.size;
            shown = Shown::at(pen, run.glyphs.len());
        } else {
            let gid = fonts.glyph(run.face as usize, g.gid);
            shown.push(g, gid, own_advance(face, g.gid), cid, space);
            pen += g.adv * run.size;
        }
    }
    shown.flush(run.y, laid, ops);
}

/// The font's own advance of glyph `gid` in whole thousandths of an em,
/// truncated, as printpdf writes it in /W.
fn own_advance(face: &DocFace, gid: u16) -> i64 {
    let own = face
        .rb
        .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(gid))
        .unwrap_or(0);
    (own as f32 * 1000.0 / face.upem) as i64
}

/// How far (thousandths of an em) the viewer's pen may drift from the
/// shaped position within a word: the font's widths in /W are whole
/// thousandths, truncated, so the pen falls behind by a fraction at each
/// glyph. Set right at every space (where justification writes an offset
/// anyway) or once the drift reaches this (0.08 pt at 10 pt: a third of a
/// pixel at 300 dpi), a word's glyphs need no offsets of their own;
/// setting each right took a number after most glyphs, a third of the
/// content stream.
const DRIFT_MAX: i64 = 8;

/// Glyphs shown from one text matrix at `x`. Pen positions are kept in
/// whole thousandths of an em, rounded cumulatively so that the error
/// never builds up along a line: short numbers, small files.
struct Shown {
    x: f32,
    items: Vec<Codepoint>,
    ideal: f64,
    emitted: i64,
}

impl Shown {
    fn at(x: f32, capacity: usize) -> Shown {
        Shown {
            x,
            items: Vec::with_capacity(capacity),
            ideal: 0.0,
            emitted: 0,
        }
    }

    /// Adds glyph `g`, id `gid` in the font drawn, whose font advance is
    /// `own` thousandths of an em; `space`: a word space, where the pen is
    /// set right.
    fn push(&mut self, g: &Glyph, gid: u16, own: i64, cid: String, space: bool) {
        self.ideal += g.adv as f64 * 1000.0;
        let target = self.ideal.round() as i64;
        // How far the viewer's pen, advancing by `own`, falls short.
        let drift = target - (self.emitted + own);
        let offset = if space || drift.abs() >= DRIFT_MAX {
            -drift
        } else {
            0
        };
        self.emitted += own - offset;
        self.items.push(Codepoint {
            gid,
            offset: offset as f32,
            cid: Some(cid),
        });
    }

    /// Shows the glyphs so far on baseline `y` (from the top), if any.
    fn flush(&mut self, y: f32, laid: &Laid, ops: &mut Vec<Op>) {
        if self.items.is_empty() {
            return;
        }
        ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(self.x), Pt(laid.height - y)),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::GlyphIds(std::mem::take(&mut self.items))],
        });
    }
}

/// Language, reading direction, outline, logical structure and a
/// content-derived identifier.
fn finish(lo: &mut lopdf::Document, laid: &Laid, marked: &[Vec<u32>]) -> Result<(), EmitError> {
    let outline = outline(lo, laid);
    catalog(lo, laid, outline)?;
    tags::structure(lo, &laid.elements, marked)?;
    drop_empty_info(lo);
    // Drop printpdf's own outline objects, now unreferenced.
    lo.prune_objects();
    file_id(lo, laid);
    Ok(())
}

/// A text string in UTF-16 with its byte order mark.
pub(super) fn utf16(s: &str) -> Object {
    let mut b = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        b.extend(u.to_be_bytes());
    }
    Object::String(b, StringFormat::Hexadecimal)
}

/// The outline, in document order (printpdf sorts bookmarks by name);
/// its root, when there are bookmarks.
fn outline(lo: &mut lopdf::Document, laid: &Laid) -> Option<ObjectId> {
    let page_ids: Vec<ObjectId> = lo.get_pages().values().copied().collect();
    let marks: Vec<_> = laid
        .outline
        .iter()
        .filter(|m| m.page < page_ids.len())
        .collect();
    if marks.is_empty() {
        return None;
    }
    let root = lo.new_object_id();
    let ids: Vec<ObjectId> = marks.iter().map(|_| lo.new_object_id()).collect();
    for (i, m) in marks.iter().enumerate() {
        let mut d = Dictionary::new();
        d.set("Title", utf16(&m.title));
        d.set("Parent", Object::Reference(root));
        d.set(
            "Dest",
            Object::Array(vec![
                Object::Reference(page_ids[m.page]),
                Object::Name(b"XYZ".to_vec()),
                Object::Null,
                Object::Real(laid.height - m.y + 12.0),
                Object::Null,
            ]),
        );
        if i > 0 {
            d.set("Prev", Object::Reference(ids[i - 1]));
        }
        if i + 1 < ids.len() {
            d.set("Next", Object::Reference(ids[i + 1]));
        }
        lo.objects.insert(ids[i], Object::Dictionary(d));
    }
    let mut d = Dictionary::new();
    d.set("Type", Object::Name(b"Outlines".to_vec()));
    d.set("First", Object::Reference(ids[0]));
    d.set("Last", Object::Reference(ids[ids.len() - 1]));
    d.set("Count", Object::Integer(ids.len() as i64));
    lo.objects.insert(root, Object::Dictionary(d));
    Some(root)
}

/// The catalog: language, our outline in place of printpdf's, the viewer
/// showing the title and reading in the document's direction.
fn catalog(
    lo: &mut lopdf::Document,
    laid: &Laid,
    outline: Option<ObjectId>,
) -> Result<(), EmitError> {
    let catalog = lo
        .catalog_mut()
        .map_err(|e| EmitError::Other(format!("PDF catalog: {e}")))?;
    catalog.set("Lang", Object::string_literal(laid.lang));
    catalog.remove(b"Outlines");
    if let Some(root) = outline {
        catalog.set("Outlines", Object::Reference(root));
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    }
    let mut prefs = Dictionary::new();
    prefs.set("DisplayDocTitle", Object::Boolean(true));
    if laid.rtl {
        prefs.set("Direction", Object::Name(b"R2L".to_vec()));
    }
    catalog.set("ViewerPreferences", Object::Dictionary(prefs));
    Ok(())
}

/// printpdf labels every file PDF/X and writes empty keys: drop them.
fn drop_empty_info(lo: &mut lopdf::Document) {
    let Ok(info) = lo.trailer.get(b"Info").and_then(Object::as_reference) else {
        return;
    };
    if let Ok(Object::Dictionary(d)) = lo.get_object_mut(info) {
        for key in [
            "GTS_PDFXVersion",
            "Identifier",
            "Keywords",
            "Author",
            "Trapped",
        ] {
            d.remove(key.as_bytes());
        }
    }
}

/// A file identifier derived from the content (title, texts, page
/// count), not from a random source.
fn file_id(lo: &mut lopdf::Document, laid: &Laid) {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    feed(laid.title.as_bytes());
    for t in &laid.texts {
        feed(t.as_bytes());
    }
    feed(&(laid.pages.len() as u64).to_le_bytes());
    let id = format!("{h:016x}{:016x}", h.rotate_left(29) ^ 0x9e37_79b9_7f4a_7c15);
    let id = Object::String(id.as_bytes().to_vec(), StringFormat::Hexadecimal);
    lo.trailer.set("ID", Object::Array(vec![id.clone(), id]));
}
