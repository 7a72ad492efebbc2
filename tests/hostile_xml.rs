//! Hostile and broken XML is refused quickly, with a clear message naming
//! where: no DTD processing, no entity expansion, no external resources,
//! bounded nesting.

use std::time::{Duration, Instant};

use unres::read::{self, ReadOptions};
use unres::ReadError;

/// Reads `xml`, asserting it is refused within a second with a message
/// containing `want`; returns the error.
fn refused(xml: &str, want: &str) -> ReadError {
    let t = Instant::now();
    let r = read::akn::read(xml, &ReadOptions::default());
    assert!(
        t.elapsed() < Duration::from_secs(1),
        "took {:?}",
        t.elapsed()
    );
    let e = r.expect_err("hostile input must be refused");
    assert!(e.to_string().contains(want), "{e}");
    e
}

const BILLION_LAUGHS: &str = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<akomaNtoso><statement name="resolution"><mainBody><paragraph><content><p>&lol9;</p></content></paragraph></mainBody></statement></akomaNtoso>"#;

#[test]
fn billion_laughs_is_refused() {
    let e = refused(BILLION_LAUGHS, "DOCTYPE refused");
    assert!(matches!(e, ReadError::Syntax { line: 2, .. }), "{e:?}");
}

#[test]
fn entities_without_a_dtd_are_not_expanded() {
    let xml = "<akomaNtoso>\n<statement><preface><p>&lol9;</p></preface></statement></akomaNtoso>";
    let e = refused(xml, "undefined entity &lol9;");
    assert!(matches!(e, ReadError::Syntax { line: 2, .. }), "{e:?}");
}

#[test]
fn external_entity_is_refused() {
    let xml = r#"<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<akomaNtoso><statement><preface><p>&xxe;</p></preface></statement></akomaNtoso>"#;
    refused(xml, "DOCTYPE refused");
    let xml = r#"<!DOCTYPE akomaNtoso SYSTEM "http://example.invalid/akn.dtd"><akomaNtoso/>"#;
    refused(xml, "DOCTYPE refused");
}

#[test]
fn deep_nesting_is_refused() {
    let depth = 10_000;
    let xml = format!(
        "<akomaNtoso>{}{}</akomaNtoso>",
        "<p>".repeat(depth),
        "</p>".repeat(depth)
    );
    refused(&xml, "nested deeper than");
}

#[test]
fn truncated_file_names_the_unclosed_element() {
    let res = unres::read::text::read(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/samples/A_RES_59_159.txt"
        ))
        .unwrap(),
        &ReadOptions::default(),
    )
    .unwrap()
    .0;
    let xml = unres::emit::akn::write(&res, &Default::default()).unwrap();
    let xml = String::from_utf8(xml).unwrap();
    let mut half = xml.len() / 2;
    while !xml.is_char_boundary(half) {
        half -= 1;
    }
    let cut = &xml[..half];
    let cut = &cut[..cut.rfind('>').unwrap() + 1];
    let e = refused(cut, "truncated");
    match e {
        ReadError::Syntax { line, .. } => assert_eq!(line, cut.lines().count()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn malformed_xml_gives_line_and_column() {
    let xml = "<akomaNtoso>\n  <statement>\n    <p>a</q>\n</statement></akomaNtoso>";
    let e = refused(xml, "malformed XML");
    match e {
        ReadError::Syntax { line, column, .. } => {
            assert_eq!(line, 3, "{e:?}");
            assert!(column > 1);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn predefined_entities_and_character_references_are_read() {
    let xml = "<akomaNtoso><statement><preface><container name=\"title\"><p><docTitle>a &amp; b &lt;&#x4E2D;&#25991;&gt; &quot;c&apos;</docTitle></p></container></preface></statement></akomaNtoso>";
    let (res, _) = read::akn::read(xml, &ReadOptions::default()).unwrap();
    assert_eq!(res.meta.title, "a & b <中文> \"c'");
}
