//! `--to html` and `--to json`: every sample and the English pdfminer
//! corpus convert to both; the JSON validates against the committed schema
//! (which must refuse wrong shapes); the page keeps every token of the
//! text; and a real browser (headless Chromium) shows the reference and the
//! Arabic sample without horizontal scroll at phone width.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};
use unres::convert::{convert_kind, read_kind};
use unres::emit::{EmitOptions, Format};
use unres::ir::{Block, Inline, Paragraph, Resolution};
use unres::read::{Kind, ReadOptions};

fn samples() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(common::root().join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v
}

/// The samples, and the English pdfminer corpus when `../shared` is there.
fn inputs(test: &str) -> Vec<PathBuf> {
    let mut v = samples();
    if let Some(shared) = common::shared(test) {
        let mut corpus: Vec<PathBuf> = fs::read_dir(shared.join("corpus/en"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().ends_with(".pdfminer.txt"))
            .collect();
        corpus.sort();
        assert!(
            corpus.len() >= 10,
            "English pdfminer corpus: {}",
            corpus.len()
        );
        v.extend(corpus);
    }
    v
}

fn read(path: &Path) -> Resolution {
    let bytes = fs::read(path).unwrap();
    read_kind(Kind::Text, &bytes, &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .0
}

/// The HTML page and the JSON of one input.
fn html_and_json(path: &Path) -> (String, Value) {
    let bytes = fs::read(path).unwrap();
    let formats = [Format::Html, Format::Json];
    let out = convert_kind(
        Kind::Text,
        &bytes,
        &formats,
        &ReadOptions::default(),
        &EmitOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let html = String::from_utf8(out.outputs[0].1.clone()).expect("UTF-8 page");
    let json = serde_json::from_slice(&out.outputs[1].1).expect("JSON parses");
    (html, json)
}

fn validator() -> jsonschema::Validator {
    let text = fs::read_to_string(common::root().join("schema/unres-ir.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema is a valid JSON Schema")
}

fn errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn every_input_converts_and_its_json_validates() {
    let v = validator();
    let inputs = inputs("every_input_converts_and_its_json_validates");
    for path in &inputs {
        let (html, json) = html_and_json(path);
        assert!(html.starts_with("<!DOCTYPE html>"), "{}", path.display());
        let errs = errors(&v, &json);
        assert!(errs.is_empty(), "{}: {errs:#?}", path.display());
        let back: Resolution = serde_json::from_value(json).expect("JSON reads back");
        assert_eq!(back, read(path), "{}: the JSON is the IR", path.display());
    }
    eprintln!("{} inputs: HTML written, JSON valid", inputs.len());
}

/// One mutation of a valid document that the schema must refuse.
fn mutate(doc: &mut Value, what: &str) {
    let para = |doc: &mut Value| doc["body"][0].clone();
    match what {
        "unknown field" => doc["meta"]["colour"] = json!("blue"),
        "missing field" => drop(doc["meta"].as_object_mut().unwrap().remove("symbol")),
        "bad block tag" => doc["body"][0]["type"] = json!("para"),
        "bad inline tag" => doc["body"][0]["content"][0]["type"] = json!("txt"),
        "bad date" => doc["meta"]["adopted"] = json!("20 December 2004"),
        "impossible month" => doc["meta"]["adopted"] = json!("2004-13-20"),
        "impossible day" => doc["meta"]["adopted"] = json!("2004-02-30"),
        "bad lang" => doc["meta"]["lang"] = json!("de"),
        "number as string" => doc["meta"]["session"] = json!("59"),
        "tag on a sub-paragraph" => {
            let mut p = para(doc);
            p["items"] = json!([{"type": "paragraph", "content": []}]);
            doc["body"][0] = p;
        }
        "heading level 0" => {
            doc["body"][0] = json!({"type": "heading", "text": [], "level": 0});
        }
        "emphasis of a string" => {
            doc["body"][0]["content"][0] = json!({"type": "emphasis", "value": "x"});
        }
        "note without marker" => doc["notes"][0] = json!({"content": []}),
        _ => unreachable!("{what}"),
    }
}

#[test]
fn the_schema_refuses_wrong_shapes() {
    let v = validator();
    let (_, good) = html_and_json(&common::reference());
    assert!(v.is_valid(&good));
    for what in [
        "unknown field",
        "missing field",
        "bad block tag",
        "bad inline tag",
        "bad date",
        "impossible month",
        "impossible day",
        "bad lang",
        "number as string",
        "tag on a sub-paragraph",
        "heading level 0",
        "emphasis of a string",
        "note without marker",
    ] {
        let mut doc = good.clone();
        mutate(&mut doc, what);
        assert!(
            !v.is_valid(&doc),
            "the schema accepts a document with {what}"
        );
    }
}

#[test]
fn json_is_what_inspect_prints() {
    let dir = tempfile::tempdir().unwrap();
    let reference = common::reference();
    let out = common::unres(&[
        "convert",
        reference.to_str().unwrap(),
        "--to",
        "html,json",
        "-o",
        dir.path().to_str().unwrap(),
        "-q",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let inspect = common::unres(&["inspect", reference.to_str().unwrap()]);
    let json = fs::read(dir.path().join("A_RES_59_159.json")).unwrap();
    assert_eq!(json, inspect.stdout);
    let html = fs::read_to_string(dir.path().join("A_RES_59_159.html")).unwrap();
    assert!(html.contains("<html lang=\"zh-Hans\" dir=\"ltr\">"));
}

/// The text content of the page's body: tags dropped, the entities the
/// emitter writes (and numeric ones) decoded, as a browser's
/// `textContent` has it; less the notes' back-links (`↩`), the one thing
/// the page adds to the text.
fn text_content(html: &str) -> String {
    let body = &html[html.find("<body>").expect("body")..];
    let mut text = String::new();
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        text.push_str(&rest[..lt]);
        let gt = rest[lt..].find('>').expect("tag closes") + lt;
        let tag = &rest[lt..gt];
        let back_link = tag.starts_with("<a ") && tag.contains("class=\"back\"");
        rest = &rest[gt + 1..];
        if back_link {
            rest = &rest[rest.find("</a>").expect("back-link closes") + 4..];
        }
    }
    text.push_str(rest);
    decode_entities(&text)
}

fn decode_entities(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let semi = rest[amp..].find(';').expect("entity ends") + amp;
        let name = &rest[amp + 1..semi];
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            n => n
                .strip_prefix('#')
                .and_then(|d| d.parse::<u32>().ok())
                .and_then(char::from_u32)
                .unwrap_or_else(|| panic!("unknown entity &{n};")),
        };
        out.push(c);
        rest = &rest[semi + 1..];
    }
    out.push_str(rest);
    out
}

/// The IR's text in page order, each string of the tree separated from the
/// next by a space, citations glued to the text as printed.
fn ir_text(res: &Resolution) -> String {
    let mut s = String::new();
    let put = |t: &str, s: &mut String| {
        s.push_str(t);
        s.push(' ');
    };
    let masthead = if res.masthead.is_empty() {
        vec![res.meta.symbol.clone()]
    } else {
        res.masthead.clone()
    };
    for line in masthead.iter().chain(&res.preface) {
        put(line, &mut s);
    }
    put(&res.meta.title_num, &mut s);
    put(&res.meta.title, &mut s);
    put(&res.formula, &mut s);
    for b in res.preamble.iter().chain(&res.body) {
        block_text(b, &mut s);
    }
    for line in &res.conclusions {
        put(line, &mut s);
    }
    for a in &res.annexes {
        put(&a.label, &mut s);
        inline_text(&a.title, &mut s);
        a.content.iter().for_each(|b| block_text(b, &mut s));
    }
    for n in &res.notes {
        put(&n.marker, &mut s);
        inline_text(&n.content, &mut s);
    }
    s
}

fn block_text(b: &Block, s: &mut String) {
    match b {
        Block::Paragraph(p) => paragraph_text(p, s),
        Block::Heading(h) => {
            s.push_str(h.num.as_deref().unwrap_or(""));
            s.push(' ');
            inline_text(&h.text, s);
        }
        Block::Table(t) => t.rows.iter().flatten().for_each(|c| inline_text(c, s)),
    }
}

fn paragraph_text(p: &Paragraph, s: &mut String) {
    s.push_str(p.num.as_deref().unwrap_or(""));
    s.push(' ');
    inline_text(&p.content, s);
    p.items.iter().for_each(|i| paragraph_text(i, s));
    inline_text(&p.wrap_up, s);
}

fn inline_text(parts: &[Inline], s: &mut String) {
    fn go(parts: &[Inline], s: &mut String) {
        for p in parts {
            match p {
                Inline::Text(t) => s.push_str(t),
                Inline::NoteRef(m) => s.push_str(m),
                Inline::Emphasis(inner) => go(inner, s),
            }
        }
    }
    go(parts, s);
    s.push(' ');
}

/// Where `needles` first fails to appear in `hay` in order, if anywhere.
fn first_missing<'a>(needles: &[&'a str], hay: &[&str]) -> Option<(usize, &'a str)> {
    let mut at = 0;
    for (i, n) in needles.iter().enumerate() {
        match hay[at..].iter().position(|h| h == n) {
            Some(p) => at += p + 1,
            None => return Some((i, n)),
        }
    }
    None
}

#[test]
fn every_token_of_the_text_reaches_the_page_in_order() {
    for path in inputs("every_token_of_the_text_reaches_the_page_in_order") {
        let (html, _) = html_and_json(&path);
        let want = ir_text(&read(&path));
        let want: Vec<&str> = want.split_whitespace().collect();
        let page = text_content(&html);
        let have: Vec<&str> = page.split_whitespace().collect();
        if let Some((i, tok)) = first_missing(&want, &have) {
            panic!(
                "{}: token {i} {tok:?} missing from the page (in order)",
                path.display()
            );
        }
        // Nothing invented either: the same tokens, one for one.
        assert_eq!(
            have.len(),
            want.len(),
            "{}: tokens on the page",
            path.display()
        );
    }
}

#[test]
fn the_token_check_sees_a_lost_or_glued_token() {
    let have: Vec<&str> = "a b c".split_whitespace().collect();
    assert_eq!(first_missing(&["a", "c"], &have), None);
    assert_eq!(first_missing(&["c", "a"], &have), Some((1, "a")));
    assert_eq!(
        text_content("<body><p>x &amp;&lt;</p><td>1</td><td>2</td>"),
        "x &<12"
    );
    let note = "<body><li><p>1 Note. <a href=\"#ref-1-1\" class=\"back\">↩<sup>1</sup></a></p>";
    assert_eq!(text_content(note).trim(), "1 Note.");
}

proptest::proptest! {
    /// Whatever a string holds (markup, entities, quotes, any script), the
    /// page shows exactly it: the escaper and a browser's decoding agree.
    #[test]
    fn any_text_reaches_the_page_unchanged(s in "[^\\x00-\\x08\\x0b-\\x1f\\x7f]{0,40}") {
        let res = Resolution {
            body: vec![Block::Paragraph(Paragraph {
                num: Some("1.".into()),
                content: vec![Inline::Text(format!("[{s}]"))],
                ..Default::default()
            })],
            ..Default::default()
        };
        let html = String::from_utf8(unres::emit::html::write(&res, &EmitOptions::default()).unwrap()).unwrap();
        let text = text_content(&html);
        proptest::prop_assert!(text.contains(&format!("1. [{s}]")), "{:?} not in {:?}", s, text);
    }
}

// ---- the browser ----------------------------------------------------------

/// Headless Chromium with the flags it needs as root in a container, a
/// fresh profile, and no network of its own.
fn chromium(args: &[&str]) -> std::process::Output {
    let profile = tempfile::tempdir().unwrap();
    let user_data = format!("--user-data-dir={}", profile.path().display());
    let mut all = vec![
        "60",
        "chromium",
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        &user_data,
    ];
    all.extend_from_slice(args);
    let out = Command::new("timeout")
        .args(&all)
        .output()
        .expect("chromium runs");
    assert!(
        out.status.success(),
        "chromium: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Test-only wrapper: the page in an `<iframe srcdoc>` of the width under
/// test (headless Chromium will not make a window narrower than 500 px,
/// but an iframe is a viewport of any width, and a srcdoc one is
/// same-origin), and a script that writes, once the page has loaded, what
/// the test measures into the wrapper's `<body data-…>` for `--dump-dom`.
/// The page unres writes has no script.
const MEASURE: &str = "<script>function measured(f) {\
  const d = f.contentDocument.documentElement, b = document.body;\
  b.dataset.scroll = d.scrollWidth; b.dataset.client = d.clientWidth;\
  const n = f.contentDocument.querySelector('.operative .para .num');\
  if (n) { const r = n.getBoundingClientRect(), p = n.parentElement.getBoundingClientRect();\
    b.dataset.numside = (r.left + r.right) / 2 > (p.left + p.right) / 2 ? 'right' : 'left'; }\
}</script>";

/// The page's width as laid out at `width` px (`scrollWidth`,
/// `clientWidth`) and the side its first operative number hangs on.
fn measure(html: &str, width: u32) -> (u32, u32, String) {
    let dir = tempfile::tempdir().unwrap();
    let wrapper = dir.path().join("measure.html");
    let mut srcdoc = String::new();
    unres::emit::html::escape_into(html, &mut srcdoc);
    let page = format!(
        "<!DOCTYPE html><html><head>{MEASURE}</head><body style=\"margin:0\">\
         <iframe style=\"border:0;width:{width}px;height:2000px\" onload=\"measured(this)\" \
         srcdoc=\"{srcdoc}\"></iframe></body></html>"
    );
    fs::write(&wrapper, page).unwrap();
    let size = format!("--window-size={},2000", width + 40);
    let url = format!("file://{}", wrapper.display());
    let out = chromium(&[&size, "--virtual-time-budget=5000", "--dump-dom", &url]);
    let dom = String::from_utf8_lossy(&out.stdout);
    let attr = |name: &str| {
        let key = format!("data-{name}=\"");
        let at = dom.find(&key).map(|i| i + key.len());
        at.map(|i| dom[i..i + dom[i..].find('"').unwrap()].to_string())
            .unwrap_or_else(|| panic!("no {key} in the dumped DOM"))
    };
    let numside = if html.contains("class=\"num\"") {
        attr("numside")
    } else {
        String::new()
    };
    (
        attr("scroll").parse().unwrap(),
        attr("client").parse().unwrap(),
        numside,
    )
}

/// The width of a PNG from its IHDR chunk.
fn png_width(path: &Path) -> u32 {
    let b = fs::read(path).unwrap();
    assert_eq!(&b[1..4], b"PNG", "{} is a PNG", path.display());
    u32::from_be_bytes([b[16], b[17], b[18], b[19]])
}

fn screenshot(html_path: &Path, width: u32) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
    fs::create_dir_all(&dir).unwrap();
    let stem = html_path.file_stem().unwrap().to_string_lossy();
    let png = dir.join(format!("{stem}-{width}.png"));
    let _ = fs::remove_file(&png);
    let shot = format!("--screenshot={}", png.display());
    let size = format!("--window-size={width},2000");
    let url = format!("file://{}", html_path.display());
    chromium(&[&size, "--virtual-time-budget=5000", &shot, &url]);
    assert_eq!(png_width(&png), width);
    assert!(
        fs::metadata(&png).unwrap().len() > 20_000,
        "{} looks empty",
        png.display()
    );
    png
}

#[test]
fn a_browser_shows_the_pages_without_horizontal_scroll() {
    let test = "a_browser_shows_the_pages_without_horizontal_scroll";
    if !common::have("chromium", test) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut pages = vec![
        (common::root().join("samples/A_RES_59_159.txt"), "left"),
        (common::root().join("samples/A_RES_69_166_ar.txt"), "right"),
    ];
    // A wide table (in an annex) where the corpus is there.
    if let Some(shared) = common::shared(test) {
        pages.push((
            shared.join("corpus/en/A_RES_78_249-EN.pdftotext-layout.txt"),
            "left",
        ));
    }
    for (input, side) in pages {
        let name = input.file_stem().unwrap().to_string_lossy().into_owned();
        let (html, _) = html_and_json(&input);
        assert!(
            !name.contains("78_249") || html.contains("<table>"),
            "{name} has its table"
        );
        let path = dir.path().join(format!("{name}.html"));
        fs::write(&path, &html).unwrap();
        for width in [360, 1280] {
            let (scroll, client, numside) = measure(&html, width);
            assert_eq!(client, width, "{name}: viewport");
            assert!(
                scroll <= client,
                "{name} at {width} px scrolls sideways: {scroll} > {client}"
            );
            assert_eq!(numside, side, "{name}: the number hangs on the {side}");
            let png = screenshot(&path, width);
            eprintln!("{name} at {width} px: {}", png.display());
        }
    }
    // The measurement sees a page that does scroll.
    let wide = "<!DOCTYPE html><html><head><meta name=\"viewport\" content=\"width=device-width\">\
        </head><body><div class=\"operative\"><div class=\"para\"><p><span class=\"num\">1.</span>\
        <span style=\"display:inline-block;width:900px\">x</span></p></div></div></body></html>";
    let (scroll, client, _) = measure(wide, 360);
    assert!(
        scroll > client,
        "a 900 px box at 360 px: {scroll} <= {client}"
    );
}
