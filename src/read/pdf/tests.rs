//! Tests of the interpreter and the reader on small PDFs built here with
//! lopdf: operators, TJ spacing, encodings, CMaps, forms, matrices, and
//! the bad PDFs each of which must fail alone, quickly, without a panic.

use std::time::{Duration, Instant};

use lopdf::{dictionary, Dictionary, Document, Object, Stream};

use super::*;

/// A one-font (WinAnsi, every glyph 500 wide, space 250), one-page PDF
/// showing `content`; `extra` adds resources (fonts, XObjects) to it.
fn pdf_with(content: &[u8], extra: impl FnOnce(&mut Document, &mut Dictionary)) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let mut widths: Vec<Object> = vec![Object::Integer(250)];
    widths.extend((33..=255).map(|_| Object::Integer(500)));
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "ABCDEF+TimesNewRomanPS-ItalicMT",
        "Encoding" => "WinAnsiEncoding", "FirstChar" => 32, "Widths" => widths,
    });
    let mut resources = dictionary! { "Font" => dictionary! { "F1" => font } };
    extra(&mut doc, &mut resources);
    let contents = doc.add_object(Stream::new(Dictionary::new(), content.to_vec()));
    let pages_id = doc.new_object_id();
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => contents,
        "Resources" => resources, "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("saves");
    out
}

fn pdf(content: &[u8]) -> Vec<u8> {
    pdf_with(content, |_, _| {})
}

/// The runs of a PDF.
fn runs_of(bytes: &[u8]) -> Vec<Run> {
    extract(bytes).expect("reads").runs
}

/// The runs of a one-page PDF showing `content`.
fn runs(content: &[u8]) -> Vec<Run> {
    runs_of(&pdf(content))
}

/// The text of a one-page PDF showing `content`.
fn text(content: &[u8]) -> String {
    text_of(&extract(&pdf(content)).expect("reads"))
}

#[test]
fn shows_text_with_td_tstar_and_quote() {
    let t = text(b"BT /F1 10 Tf 14 TL 72 700 Td (Hello) Tj T* (World) Tj (again) ' ET");
    assert_eq!(t, "Hello\nWorld\nagain\n\u{c}");
    let r = runs(b"BT /F1 10 Tf 72 700 Td (Hello) Tj ET");
    assert_eq!((r[0].x, r[0].y, r[0].size), (72.0, 700.0, 10.0));
    assert!(
        (r[0].width - 25.0).abs() < 1e-9,
        "5 glyphs of 500/1000 × 10"
    );
    assert!(r[0].italic && !r[0].bold);
    assert_eq!(&*r[0].font, "TimesNewRomanPS-ItalicMT");
}

#[test]
fn tj_kerning_joins_and_a_large_adjustment_is_a_word_space() {
    let t = text(b"BT /F1 10 Tf 72 700 Td [(Hel) 20 (lo) -400 (world)] TJ ET");
    assert_eq!(t, "Hello world\n\u{c}");
}

#[test]
fn char_and_word_spacing_and_horizontal_scale_advance() {
    let r = runs(b"BT /F1 10 Tf 2 Tc 5 Tw 50 Tz 0 0 Td (a b) Tj ET");
    // (5 + 2) + (2.5 + 2 + 5) + (5 + 2), scaled by one half.
    assert!((r[0].width - 11.75).abs() < 1e-9, "{}", r[0].width);
}

#[test]
fn matrices_scale_and_move_runs() {
    let r = runs(b"2 0 0 2 10 0 cm BT /F1 10 Tf 1 0 0 1 36 350 Tm 0 3 Td (Big) Tj ET");
    assert_eq!((r[0].x, r[0].y, r[0].size), (82.0, 706.0, 20.0));
    let r = runs(b"q 0 1 -1 0 300 300 cm BT /F1 10 Tf (Turned) Tj ET Q");
    assert!(!r[0].upright, "rotated text is kept but not upright");
    assert_eq!(
        text(b"q 0 1 -1 0 300 300 cm BT /F1 10 Tf (T) Tj ET Q BT /F1 10 Tf 9 9 Td (x) Tj ET"),
        "x\n\u{c}"
    );
}

#[test]
fn differences_with_glyph_names() {
    let bytes = pdf_with(b"BT /F2 10 Tf 72 700 Td (ABC) Tj ET", |doc, res| {
        let f = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Times-Bold",
            "Encoding" => dictionary! {
                "Type" => "Encoding", "BaseEncoding" => "WinAnsiEncoding",
                "Differences" => vec![65.into(), Object::Name(b"eacute".to_vec()), Object::Name(b"uni4E2D".to_vec())],
            },
        });
        res.get_mut(b"Font")
            .unwrap()
            .as_dict_mut()
            .unwrap()
            .set("F2", f);
    });
    let r = runs_of(&bytes);
    assert_eq!(r[0].text, "é中C");
    assert!(r[0].bold);
}

#[test]
fn type0_font_with_tounicode_cmap_widths_and_ligature() {
    let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
        1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
        1 beginbfchar <0001> <FB01> endbfchar\n\
        1 beginbfrange <0002> <0003> <0078> endbfrange\n\
        endcmap CMapName currentdict /CMap defineresource pop end end";
    let bytes = pdf_with(
        b"BT /F3 10 Tf 72 700 Td <000100020003 0009> Tj ET",
        |doc, res| {
            let tu = doc.add_object(Stream::new(Dictionary::new(), cmap.to_vec()));
            let cid = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "NotoSerif",
            "DW" => 1000, "W" => vec![1.into(), vec![600.into(), 400.into()].into(), 3.into(), 9.into(), 300.into()],
        });
            let f = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "NotoSerif",
            "Encoding" => "Identity-H", "DescendantFonts" => vec![cid.into()], "ToUnicode" => tu,
        });
            res.get_mut(b"Font")
                .unwrap()
                .as_dict_mut()
                .unwrap()
                .set("F3", f);
        },
    );
    let x = extract(&bytes).unwrap();
    assert_eq!(x.runs[0].text, "\u{FB01}xy");
    assert!((x.runs[0].width - 16.0).abs() < 1e-9, "6 + 4 + 3 + 3");
    assert_eq!(
        x.undecoded.get("NotoSerif"),
        Some(&1),
        "code 9 has no mapping"
    );
    assert_eq!(text_of(&x), "fixy\n\u{c}");
}

#[test]
fn form_xobjects_are_drawn_in_place_and_recursion_ends() {
    let bytes = pdf_with(b"q 1 0 0 1 100 0 cm /X1 Do Q", |doc, res| {
        let form_id = doc.new_object_id();
        let mut form = Stream::new(
            dictionary! { "Type" => "XObject", "Subtype" => "Form",
            "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 0.into(), 500.into()] },
            b"BT /F1 10 Tf 0 0 Td (Form) Tj ET /X1 Do".to_vec(),
        );
        let font = res.get(b"Font").unwrap().clone();
        form.dict.set(
            "Resources",
            dictionary! { "Font" => font, "XObject" => dictionary! { "X1" => form_id } },
        );
        doc.objects.insert(form_id, Object::Stream(form));
        res.set("XObject", dictionary! { "X1" => form_id });
    });
    let start = Instant::now();
    let r = runs_of(&bytes);
    assert_eq!(r.len(), 1, "the form draws itself once, not forever");
    assert_eq!((r[0].text.as_str(), r[0].x, r[0].y), ("Form", 100.0, 500.0));
    assert!(start.elapsed() < Duration::from_secs(1));
}

#[test]
fn marked_content_gives_mcid_and_actual_text() {
    let r = runs(
        b"/P <</MCID 5>> BDC BT /F1 10 Tf 72 700 Td (Para) Tj ET EMC \
        /Span <</ActualText (fi)>> BDC BT /F1 10 Tf 72 680 Td (\\001) Tj ET EMC",
    );
    assert_eq!(r[0].mcid, Some(5));
    assert_eq!(r[1].text, "fi");
    assert_eq!(r[1].mcid, None);
}

#[test]
fn raised_smaller_figure_is_glued_to_the_word_before() {
    let t = text(b"BT /F1 10 Tf 72 700 Td (Development,) Tj /F1 6 Tf 4 Ts (1) Tj /F1 10 Tf 0 Ts [-250 (including)] TJ ET");
    assert_eq!(t, "Development,1 including\n\u{c}");
    // A job number in small type at the left edge of its own block is not a citation.
    let t = text(b"BT /F1 7 Tf 60 38 Td (18-16895) Tj /F1 9 Tf 1 0 0 1 536 36.7 Tm (3/10) Tj ET");
    assert_eq!(t, "18-16895\n3/10\n\u{c}");
}

#[test]
fn vertical_gaps_make_blank_lines() {
    let t = text(b"BT /F1 10 Tf 72 700 Td (one) Tj 0 -12 Td (two) Tj 0 -30 Td (three) Tj ET");
    assert_eq!(t, "one\ntwo\n\nthree\n\u{c}");
}

#[test]
fn right_to_left_lines_come_back_in_reading_order() {
    assert_eq!(
        visual_to_logical("])A/69/488( ةثلاثلا ةنجللا["),
        "[اللجنة الثالثة (A/69/488)]"
    );
    assert_eq!(visual_to_logical("يمقرلا - 69/166"), "69/166 - الرقمي");
}

/// The inverse of the bidi algorithm our writer (and any UAX #9 writer)
/// sets right-to-left lines with: figures and their brackets, ranges,
/// Latin symbols with a year in brackets, quoted numbers, a job number.
/// Each line is set in visual order by `unicode-bidi` (brackets kept as
/// their logical characters, as ToUnicode maps give them) and read back.
#[test]
fn right_to_left_lines_invert_the_bidi_algorithm() {
    use unicode_bidi::{BidiInfo, Level};
    let lines = [
        "إذ يشير إلى قراريه 1502 (2003) و 2175 (2014) بشأن حماية",
        "للفترة 2015-2030، و 77/164 المؤرخ 14 كانون الأول/ديسمبر 2022،",
        "مجلس الأمن S/RES/2795 (2025)",
        "[بناء على تقرير اللجنة الثانية (A/78/463/Add.3)]",
        "’1‘ تطلب إلى الأمين العام",
        "القرار 2795 (2025)",
        "23-26124 (A) 050124",
        "A/78/267.",
    ];
    for logical in lines {
        let bidi = BidiInfo::new(logical, Some(Level::rtl()));
        let para = &bidi.paragraphs[0];
        let visual = bidi.reorder_line(para, para.range.clone());
        assert_eq!(visual_to_logical(&visual), logical, "set as {visual:?}");
    }
}

#[test]
fn drawn_rule_above_notes_becomes_a_separator() {
    let t = text(b"BT /F1 10 Tf 72 700 Td (Text) Tj ET 72 100 m 172 100 l S BT /F1 8 Tf 72 88 Td (1 A note.) Tj ET");
    assert_eq!(t, "Text\n\n__________\n1 A note.\n\u{c}");
    let t = text(b"BT /F1 10 Tf 72 700 Td (Text) Tj ET 72 698 100 0.5 re f");
    assert_eq!(t, "Text\n\u{c}", "an underline is no separator");
}

// ------------------------------------------------------------ bad PDFs

/// Reading `bytes` fails with a `ReadError::Pdf` saying `why`, quickly.
fn fails(bytes: &[u8], limits: &Limits, why: &str) {
    let start = Instant::now();
    let got = extract_with(bytes, limits).and_then(|x| {
        if text_of(&x).trim().is_empty() {
            read(bytes, &ReadOptions::default()).map(|_| x)
        } else {
            Ok(x)
        }
    });
    match got {
        Err(ReadError::Pdf(m)) => assert!(m.contains(why), "{m:?} should say {why:?}"),
        other => panic!("expected a PDF error saying {why:?}, got {other:?}"),
    }
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn not_a_pdf_and_broken_structures_fail_cleanly() {
    let d = Limits::default();
    fails(b"Hello, this is text named .pdf", &d, "not a PDF");
    fails(b"%PDF-1.4\ngarbage garbage", &d, "unreadable PDF structure");
    let good = pdf(b"BT /F1 10 Tf 72 700 Td (Hello) Tj ET");
    for cut in [20, good.len() / 3, good.len() / 2, good.len() - 30] {
        let start = Instant::now();
        let _ = extract(&good[..cut]); // either recovered or an error, never a panic
        assert!(start.elapsed() < Duration::from_secs(1));
    }
    // A wrong startxref offset: lopdf rebuilds the table or we say why.
    let s = String::from_utf8_lossy(&good).into_owned();
    let at = s.rfind("startxref").unwrap();
    let broken = format!("{}startxref\n999999\n%%EOF\n", &s[..at]);
    match extract(broken.as_bytes()) {
        Ok(x) => assert_eq!(x.runs[0].text, "Hello"),
        Err(ReadError::Pdf(m)) => assert!(m.contains("unreadable"), "{m}"),
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn no_text_layer_says_ocr_it() {
    let bytes = pdf_with(b"q 600 0 0 800 0 0 cm /Im1 Do Q", |doc, res| {
        let img = doc.add_object(Stream::new(
            dictionary! { "Type" => "XObject", "Subtype" => "Image", "Width" => 1, "Height" => 1,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8 },
            vec![0],
        ));
        res.set("XObject", dictionary! { "Im1" => img });
    });
    fails(
        &bytes,
        &Limits::default(),
        "no text layer: a scanned image, OCR it first",
    );
    fails(&pdf(b""), &Limits::default(), "no text layer");
}

#[test]
fn fonts_without_unicode_maps_are_reported_not_invented() {
    let bytes = pdf_with(b"BT /F4 10 Tf 72 700 Td <00050006> Tj ET", |doc, res| {
        let f = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "Mystery", "Encoding" => "Identity-H",
        });
        res.get_mut(b"Font")
            .unwrap()
            .as_dict_mut()
            .unwrap()
            .set("F4", f);
    });
    fails(
        &bytes,
        &Limits::default(),
        "2 codes in fonts without a Unicode map",
    );
}

#[test]
fn decompression_bombs_and_operator_floods_hit_the_budget() {
    let mut content = b"BT /F1 10 Tf 72 700 Td (Hello) Tj ET ".to_vec();
    content.resize(3 << 20, b' ');
    let mut doc = lopdf::Document::load_mem(&pdf(b"")).unwrap();
    let page = *doc.get_pages().values().next().unwrap();
    let mut s = Stream::new(Dictionary::new(), content);
    s.compress().unwrap();
    let small = s.content.len();
    let id = doc.add_object(s);
    doc.get_dictionary_mut(page).unwrap().set("Contents", id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    assert!(small < 64 << 10, "{small} bytes inflate to 3 MB");
    let limits = Limits {
        stream_bytes: 1 << 20,
        ..Limits::default()
    };
    fails(&bytes, &limits, "inflates past");
    let limits = Limits {
        document_bytes: 2 << 20,
        ..Limits::default()
    };
    fails(&bytes, &limits, "inflates past");
    let flood = pdf(&b"q Q ".repeat(5_000));
    fails(
        &flood,
        &Limits {
            operators: 1_000,
            ..Limits::default()
        },
        "too many content-stream operators",
    );
    fails(
        &flood,
        &Limits {
            pages: 0,
            ..Limits::default()
        },
        "1 pages (limit 0)",
    );
}

#[test]
fn encrypted_pdfs_open_with_the_empty_password_or_say_encrypted() {
    use lopdf::encryption::{EncryptionState, EncryptionVersion, Permissions};
    let encrypt = |user: &str| {
        let mut doc = Document::load_mem(&pdf(b"BT /F1 10 Tf 72 700 Td (Secret) Tj ET")).unwrap();
        doc.trailer.set(
            "ID",
            vec![
                Object::string_literal(b"0123456789abcdef".to_vec()),
                Object::string_literal(b"0123456789abcdef".to_vec()),
            ],
        );
        let version = EncryptionVersion::V2 {
            document: &doc,
            owner_password: "owner",
            user_password: user,
            key_length: 128,
            permissions: Permissions::all(),
        };
        let state = EncryptionState::try_from(version).unwrap();
        doc.encrypt(&state).unwrap();
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        out
    };
    fails(&encrypt("secret"), &Limits::default(), "encrypted PDF");
    // lopdf opens a file whose user password is empty by itself.
    let x = extract(&encrypt("")).expect("the empty user password opens it");
    assert_eq!(x.runs[0].text, "Secret");
}

#[test]
fn a_symbol_beside_the_last_line_of_a_running_head_follows_the_head() {
    let t = text(
        b"BT /F1 8 Tf 1 0 0 1 300 760 Tm (Implementation of the) Tj \
          1 0 0 1 310 750 Tm (Programme) Tj 1 0 0 1 60 750 Tm (A/RES/79/214) Tj \
          /F1 10 Tf 1 0 0 1 60 720 Tm (Body text) Tj ET",
    );
    assert_eq!(
        t,
        "Implementation of the\nProgramme\nA/RES/79/214\n\nBody text\n\u{c}"
    );
    // A one-line head beside the symbol keeps the printed order.
    let t =
        text(b"BT /F1 8 Tf 1 0 0 1 60 760 Tm (A/RES/78/100) Tj 1 0 0 1 300 760 Tm (Head) Tj ET");
    assert_eq!(t, "A/RES/78/100\nHead\n\u{c}");
    // The head ends where the text below it, set larger, starts, however
    // wide that text is: the symbol had waited for the page's end and
    // ran into its last line.
    let t = text(
        b"BT /F1 8 Tf 1 0 0 1 300 760 Tm (Implementation of the) Tj \
          1 0 0 1 310 750 Tm (Programme) Tj 1 0 0 1 60 750 Tm (A/RES/79/214) Tj \
          /F1 10 Tf 1 0 0 1 60 720 Tm (Body text that runs across the whole measure of the page) Tj \
          1 0 0 1 60 708 Tm (and on, to its end.) Tj ET",
    );
    assert_eq!(
        t,
        "Implementation of the\nProgramme\nA/RES/79/214\n\n\
         Body text that runs across the whole measure of the page\nand on, to its end.\n\u{c}"
    );
}

/// A title beside its number, far from it ("73/3." at the margin, the
/// title at the indent, set larger than the line above), is no block
/// continuing that line: the number stays before its title.
#[test]
fn a_number_far_beside_its_title_stays_before_it() {
    let t = text(
        b"BT /F1 10 Tf 1 0 0 1 123 600 Tm ([without reference to a Main Committee]) Tj \
          /F1 12 Tf 1 0 0 1 60 575 Tm (73/3.) Tj 1 0 0 1 130 575 Tm (Political declaration of the meeting) Tj \
          1 0 0 1 130 561 Tm (on the fight against tuberculosis) Tj \
          /F1 10 Tf 1 0 0 1 123 530 Tm (The General Assembly) Tj ET",
    );
    assert_eq!(
        t,
        "[without reference to a Main Committee]\n\n73/3.\nPolitical declaration of the meeting\n\
         on the fight against tuberculosis\n\nThe General Assembly\n\u{c}"
    );
}

/// A run of `text` at (`x`, `y`) on `page`, 5 pt per character at 10 pt.
fn placed_run(text: &str, x: f64, y: f64, size: f64, italic: bool, page: usize) -> Run {
    Run {
        text: text.into(),
        x,
        y,
        width: text.chars().count() as f64 * size / 2.0,
        size,
        font: "Times".into(),
        bold: false,
        italic,
        page,
        mcid: None,
        upright: true,
    }
}

/// A justified paragraph: a first line indented 24 pt, full lines of 80
/// characters from x = 72 to 472, a short last line.
fn paragraph(page: usize, top: f64, first: &str, last: &str) -> Vec<Run> {
    let full = "x".repeat(80);
    vec![
        placed_run(first, 96.0, top, 10.0, false, page),
        placed_run(&full, 72.0, top - 12.0, 10.0, false, page),
        placed_run(last, 72.0, top - 24.0, 10.0, false, page),
    ]
}

#[test]
fn lines_carry_indent_short_ends_and_italics() {
    let first = "y".repeat(75);
    let mut runs = paragraph(1, 700.0, &first, "end,");
    runs.extend(paragraph(1, 658.0, &first, "end,"));
    runs.push(placed_run("Recalling", 96.0, 616.0, 10.0, true, 1));
    runs.push(placed_run(" its resolution", 141.0, 616.0, 10.0, false, 1));
    let x = Extracted {
        runs,
        pages: 1,
        ..Extracted::default()
    };
    let lines = lines_of(&x);
    let g: Vec<_> = lines.iter().map(|l| l.facts.geometry).collect();
    assert_eq!((g[0].indent, g[1].indent, g[2].indent), (24.0, 0.0, 0.0));
    assert_eq!(
        (g[0].short, g[1].short, g[2].short),
        (Some(false), Some(false), Some(true))
    );
    assert_eq!(lines[6].text, "Recalling its resolution");
    assert_eq!(lines[6].facts.italic, vec![0..9]);
    assert!(lines[6].gap_before && !lines[1].gap_before);
}

#[test]
fn running_heads_are_found_by_their_place() {
    let mut runs = Vec::new();
    for page in 1..=3 {
        // A short running title at the same height on each page, in body
        // type, and a head in smaller type over a gap on later pages.
        runs.push(placed_run("Commodities", 72.0, 760.0, 10.0, false, page));
        runs.push(placed_run(
            "Model provisions on mediation",
            72.0,
            740.0,
            8.0,
            false,
            page,
        ));
        runs.extend(paragraph(page, 700.0, &"y".repeat(75), "end,"));
        runs.extend(paragraph(page, 650.0, &"z".repeat(75), "done,"));
    }
    let x = Extracted {
        runs,
        pages: 3,
        ..Extracted::default()
    };
    let lines = lines_of(&x);
    let furniture: Vec<&str> = lines
        .iter()
        .filter(|l| l.facts.furniture)
        .map(|l| l.text.as_str())
        .collect();
    // "Commodities" repeats at one height on every page; the small head
    // counts from page 2 on (page 1 has the masthead there), and on page
    // 1 only as repeated on the others.
    assert_eq!(furniture.iter().filter(|t| **t == "Commodities").count(), 3);
    assert!(furniture.contains(&"Model provisions on mediation"));
    assert!(lines
        .iter()
        .filter(|l| !l.facts.furniture)
        .all(|l| !l.text.contains("Commodities")));
}

/// Found by fuzzing (read_pdf): a right-to-left line whose last run, after
/// a gap wider than an em, is only spaces: the gap's place lay past the
/// end the spaces were cut from.
#[test]
fn a_wide_gap_before_trailing_spaces_ends_no_right_to_left_line() {
    let runs = [
        placed_run("مرحبا", 300.0, 700.0, 10.0, false, 1),
        placed_run("   ", 400.0, 700.0, 10.0, false, 1),
    ];
    let line = Line {
        page: 1,
        y: 700.0,
        size: 10.0,
        runs: runs.iter().collect(),
    };
    let printed = line.printed_on(true);
    assert_eq!(printed.text.trim(), visual_to_logical("مرحبا"));
}
