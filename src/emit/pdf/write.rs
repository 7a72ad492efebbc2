//! Writing laid-out pages as PDF objects with printpdf, then finishing the
//! document (language, outline, identifier) on the lopdf level, where
//! printpdf would otherwise put random identifiers.

use printpdf::{
    Codepoint, FontId, Line, LinePoint, Op, PdfDocument, PdfFont, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, TextItem, TextMatrix, TextRenderingMode,
};

use super::layout::{Laid, Run};
use super::shape::DocFace;
use crate::error::EmitError;
use crate::ir::Resolution;

/// Serialises `laid` to PDF bytes. `faces` are the shaper's faces (the
/// runs' `face` indexes them); `epoch` dates the document (seconds since
/// 1970, from `SOURCE_DATE_EPOCH`), 0 when absent, so output never depends
/// on the clock.
pub fn write(
    laid: &Laid,
    faces: &[DocFace],
    res: &Resolution,
    epoch: Option<i64>,
) -> Result<Vec<u8>, EmitError> {
    let title = document_title(res);
    let mut doc = PdfDocument::new(&title);
    let date = printpdf::OffsetDateTime::from_unix_timestamp(epoch.unwrap_or(0))
        .map_err(|e| EmitError::Other(format!("SOURCE_DATE_EPOCH: {e}")))?;
    doc.metadata.info.creation_date = date;
    doc.metadata.info.modification_date = date;
    doc.metadata.info.metadata_date = date;
    doc.metadata.info.creator = "unres".into();
    doc.metadata.info.producer = "unres (printpdf)".into();
    doc.metadata.info.subject = res.meta.symbol.clone();

    // Fonts under fixed ids (printpdf's own are random): six capitals, as
    // the subset tag of the font name is taken from them.
    let mut used = vec![false; faces.len()];
    for page in &laid.pages {
        for r in &page.runs {
            if let Some(u) = used.get_mut(r.face as usize) {
                *u = true;
            }
        }
    }
    // One font per face file, however many ways it is drawn.
    let owner: Vec<usize> = (0..faces.len())
        .map(|i| {
            (0..=i)
                .find(|&j| std::ptr::eq(faces[j].face, faces[i].face))
                .unwrap_or(i)
        })
        .collect();
    let ids: Vec<FontId> = owner
        .iter()
        .map(|&i| {
            FontId(format!(
                "UNRF{}{}",
                (b'A' + (i / 26) as u8) as char,
                (b'A' + (i % 26) as u8) as char
            ))
        })
        .collect();
    for (i, face) in faces.iter().enumerate() {
        if used[i] && !doc.resources.fonts.map.contains_key(&ids[i]) {
            doc.resources
                .fonts
                .map
                .insert(ids[i].clone(), PdfFont::new(face.face.parsed.clone()));
        }
    }

    let mut pages = Vec::with_capacity(laid.pages.len());
    for page in &laid.pages {
        let mut ops = Vec::with_capacity(page.runs.len() * 3 + page.rules.len() * 2 + 4);
        if !page.rules.is_empty() {
            let mut width = -1.0;
            for rule in &page.rules {
                if rule.width != width {
                    width = rule.width;
                    ops.push(Op::SetOutlineThickness { pt: Pt(width) });
                }
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![
                            LinePoint {
                                p: Point {
                                    x: Pt(rule.x1),
                                    y: Pt(laid.height - rule.y1),
                                },
                                bezier: false,
                            },
                            LinePoint {
                                p: Point {
                                    x: Pt(rule.x2),
                                    y: Pt(laid.height - rule.y2),
                                },
                                bezier: false,
                            },
                        ],
                        is_closed: false,
                    },
                });
            }
        }
        ops.push(Op::StartTextSection);
        let mut current: Option<(usize, f32)> = None;
        let mut outlined = false;
        for run in &page.runs {
            let Some(face) = faces.get(run.face as usize) else {
                continue;
            };
            let font = owner[run.face as usize];
            if current != Some((font, run.size)) {
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(ids[run.face as usize].clone()),
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
            run_ops(run, face, laid, &mut ops);
        }
        ops.push(Op::EndTextSection);
        pages.push(PdfPage::new(
            printpdf::Mm::from(Pt(laid.width)),
            printpdf::Mm::from(Pt(laid.height)),
            ops,
        ));
    }
    doc.with_pages(pages);

    let mut warnings = Vec::new();
    let opts = PdfSaveOptions {
        subset_fonts: true,
        ..Default::default()
    };
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    finish(&mut lo, laid, res, &title)?;
    lo.compress();
    let mut out = Vec::new();
    lo.save_to(&mut out)
        .map_err(|e| EmitError::Other(format!("PDF: {e}")))?;
    Ok(out)
}

/// The title in the document information: symbol and title.
fn document_title(res: &Resolution) -> String {
    let t = format!("{} {}", res.meta.symbol, res.meta.title);
    t.trim().to_string()
}

/// Glyphs of one run: a text matrix at its start, glyph ids with the
/// source text for ToUnicode, and offsets from the font's own advances to
/// the shaped (and justified) ones. Glyphs displaced by shaping (marks) are
/// placed on their own.
fn run_ops(run: &Run, face: &DocFace, laid: &Laid, ops: &mut Vec<Op>) {
    let text = laid
        .texts
        .get(run.text as usize)
        .map(String::as_str)
        .unwrap_or("");
    let mut pen = run.x;
    let mut items: Vec<Codepoint> = Vec::with_capacity(run.glyphs.len());
    let mut start_x = pen;
    let flush = |items: &mut Vec<Codepoint>, x: f32, y: f32, ops: &mut Vec<Op>| {
        if !items.is_empty() {
            ops.push(Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(x), Pt(laid.height - y)),
            });
            ops.push(Op::ShowText {
                items: vec![TextItem::GlyphIds(std::mem::take(items))],
            });
        }
    };
    // Pen positions in whole thousandths of an em, rounded cumulatively so
    // that the error never builds up along a line: short numbers, small
    // files.
    let mut ideal = 0.0f64;
    let mut emitted = 0i64;
    for g in &run.glyphs {
        let own = face
            .rb
            .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(g.gid))
            .unwrap_or(0);
        // printpdf writes /W as the truncated advance in thousandths.
        let w = (own as f32 * 1000.0 / face.upem) as i64;
        let cid = match text.get(g.start as usize..g.end as usize) {
            Some(s) if !s.is_empty() => s.to_string(),
            _ => " ".to_string(),
        };
        if g.dx != 0.0 || g.dy != 0.0 {
            flush(&mut items, start_x, run.y, ops);
            let mut one = vec![Codepoint {
                gid: g.gid,
                offset: 0.0,
                cid: Some(cid),
            }];
            flush(
                &mut one,
                pen + g.dx * run.size,
                run.y - g.dy * run.size,
                ops,
            );
            pen += g.adv * run.size;
            start_x = pen;
            ideal = 0.0;
            emitted = 0;
            continue;
        }
        ideal += g.adv as f64 * 1000.0;
        let target = ideal.round() as i64;
        let offset = w - (target - emitted);
        emitted = target;
        items.push(Codepoint {
            gid: g.gid,
            offset: offset as f32,
            cid: Some(cid),
        });
        pen += g.adv * run.size;
    }
    flush(&mut items, start_x, run.y, ops);
}

/// Language, reading direction, outline and a content-derived identifier.
fn finish(
    lo: &mut lopdf::Document,
    laid: &Laid,
    res: &Resolution,
    title: &str,
) -> Result<(), EmitError> {
    use lopdf::{Dictionary, Object, StringFormat};
    let utf16 = |s: &str| {
        let mut b = vec![0xFE, 0xFF];
        for u in s.encode_utf16() {
            b.extend(u.to_be_bytes());
        }
        Object::String(b, StringFormat::Hexadecimal)
    };
    let page_ids: Vec<lopdf::ObjectId> = lo.get_pages().values().copied().collect();

    // Outline, in document order (printpdf sorts bookmarks by name).
    let marks: Vec<_> = laid
        .outline
        .iter()
        .filter(|m| m.page < page_ids.len())
        .collect();
    let outline_id = if marks.is_empty() {
        None
    } else {
        let root = lo.new_object_id();
        let ids: Vec<lopdf::ObjectId> = marks.iter().map(|_| lo.new_object_id()).collect();
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
    };

    let catalog = lo
        .catalog_mut()
        .map_err(|e| EmitError::Other(format!("PDF catalog: {e}")))?;
    catalog.set("Lang", Object::string_literal(res.meta.lang.iso639_1()));
    catalog.remove(b"Outlines");
    if let Some(root) = outline_id {
        catalog.set("Outlines", Object::Reference(root));
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    }
    let mut prefs = Dictionary::new();
    prefs.set("DisplayDocTitle", Object::Boolean(true));
    if res.meta.lang.is_rtl() {
        prefs.set("Direction", Object::Name(b"R2L".to_vec()));
    }
    catalog.set("ViewerPreferences", Object::Dictionary(prefs));

    // printpdf labels every file PDF/X and writes empty keys: drop them.
    if let Ok(info) = lo.trailer.get(b"Info").and_then(Object::as_reference) {
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

    // Drop printpdf's own outline objects, now unreferenced.
    lo.prune_objects();

    // A file identifier derived from the content, not from a random source.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    feed(title.as_bytes());
    for t in &laid.texts {
        feed(t.as_bytes());
    }
    feed(&(laid.pages.len() as u64).to_le_bytes());
    let id = format!("{h:016x}{:016x}", h.rotate_left(29) ^ 0x9e37_79b9_7f4a_7c15);
    lo.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id.as_bytes().to_vec(), StringFormat::Hexadecimal),
            Object::String(id.as_bytes().to_vec(), StringFormat::Hexadecimal),
        ]),
    );
    Ok(())
}
