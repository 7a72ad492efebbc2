//! Writing laid-out pages as a PDF: printpdf makes the document (pages,
//! information, catalog); the pages' content ([`content`]) and fonts
//! ([`embed`]) are put in on the lopdf level, where the document is then
//! finished (language, outline, tags, identifier, PDF/A) and printpdf's
//! random identifiers replaced.
//!
//! The writer sees the laid-out document ([`Laid`]) and the faces only,
//! never the IR: whatever the file needs (title, language, direction,
//! bookmarks) layout has put there.

use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use printpdf::{PdfDocument, PdfPage, PdfSaveOptions, Pt};

use super::archival::{archival, Described};
use super::content::{self, PageContent};
use super::embed::Fonts;
use super::flate::{self, Effort};
use super::layout::Laid;
use super::shape::DocFace;
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
    let mut fonts = Fonts::cut(laid, faces)?;
    let contents: Vec<PageContent> = laid
        .pages
        .iter()
        .map(|page| content::page(page, laid, faces, &mut fonts))
        .collect();
    let (width, height) = (Pt(laid.width).into(), Pt(laid.height).into());
    doc.with_pages(
        laid.pages
            .iter()
            .map(|_| PdfPage::new(width, height, Vec::new()))
            .collect(),
    );
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&PdfSaveOptions::default(), &mut warnings);
    let fonts = fonts.add_to(&mut lo, faces);
    let marked = fill_pages(&mut lo, contents, &fonts)?;
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
    // The file is its streams and some dictionaries: sized once, not grown
    // by doubling (each growth a copy of the font program).
    let streams: usize = lo
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .map(|s| s.content.len())
        .sum();
    let mut out = Vec::with_capacity(streams + 64 * 1024);
    lo.save_modern(&mut out)
        .map_err(|e| EmitError::Other(format!("PDF: {e}")))?;
    Ok(out)
}

/// Deflates every stream not yet filtered that may be, at the default
/// effort: zlib's level 9 (lopdf's `compress`) took a quarter of a
/// document's time for files a few per cent smaller.
fn compress(lo: &mut lopdf::Document) {
    for object in lo.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        if let Some(packed) = flate::zlib(&stream.content, Effort::Default) {
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

/// Puts each page's content and the fonts into printpdf's pages (whose
/// content is empty and whose font resources are one shared, empty
/// dictionary); returns the pages' marked-content elements.
fn fill_pages(
    lo: &mut lopdf::Document,
    contents: Vec<PageContent>,
    fonts: &[(String, ObjectId)],
) -> Result<Vec<Vec<u32>>, EmitError> {
    let broken = |what: &str| EmitError::Other(format!("PDF: printpdf wrote no {what}"));
    let pages: Vec<ObjectId> = lo.get_pages().values().copied().collect();
    if pages.len() != contents.len() {
        return Err(broken("page for each laid-out page"));
    }
    let mut marked = Vec::with_capacity(contents.len());
    for (page, content) in pages.into_iter().zip(contents) {
        let dict = lo.get_dictionary(page).map_err(|_| broken("page"))?;
        let stream = dict
            .get(b"Contents")
            .and_then(Object::as_reference)
            .map_err(|_| broken("content stream"))?;
        let resources = dict
            .get(b"Resources")
            .and_then(Object::as_reference)
            .map_err(|_| broken("resources"))?;
        let font_dict = lo
            .get_dictionary(resources)
            .and_then(|r| r.get(b"Font"))
            .and_then(Object::as_reference)
            .map_err(|_| broken("font resources"))?;
        lo.get_object_mut(stream)
            .and_then(Object::as_stream_mut)
            .map_err(|_| broken("content stream"))?
            .set_content(content.bytes);
        let shared = lo
            .get_object_mut(font_dict)
            .and_then(Object::as_dict_mut)
            .map_err(|_| broken("font resources"))?;
        for (name, id) in fonts {
            shared.set(name.as_bytes(), Object::Reference(*id));
        }
        marked.push(content.marked);
    }
    Ok(marked)
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
