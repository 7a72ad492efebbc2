//! Resolution 59/159 (the reference input) end to end: IR, Markdown, AKN.

mod common;

use std::fs;
use std::process::Command;

use common::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use unres::ir::{Block, Inline, Resolution};
use unres::read::{self, ReadOptions};

fn reference_ir() -> Resolution {
    let text = fs::read_to_string(reference()).expect("sample present");
    read::text::read(&text, &ReadOptions::default())
        .expect("reads")
        .0
}

/// Inline content as the expected file writes it: whitespace removed,
/// `[^n]` where note n is cited.
fn squashed(parts: &[Inline]) -> String {
    let mut s = String::new();
    for p in parts {
        match p {
            Inline::Text(t) => s.extend(t.chars().filter(|c| !c.is_whitespace())),
            Inline::NoteRef(m) => s.push_str(&format!("[^{m}]")),
            Inline::Emphasis(i) => s.push_str(&squashed(i)),
        }
    }
    s
}

fn contents(blocks: &[Block]) -> Vec<&[Inline]> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.content.as_slice()),
            _ => None,
        })
        .collect()
}

#[test]
fn ir_equals_the_golden_file() {
    // tests/golden/A_RES_59_159.ir.json was read line by line against the
    // source text before it was committed.
    let golden = fs::read_to_string(root().join("tests/golden/A_RES_59_159.ir.json")).unwrap();
    let out = unres(&["inspect", reference().to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let want: serde_json::Value = serde_json::from_str(&golden).unwrap();
    assert_eq!(got, want);
}

#[test]
fn ir_equals_the_hand_made_expectation() {
    let Some(shared) = shared("ir_equals_the_hand_made_expectation") else {
        return;
    };
    let exp: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(shared.join("expected/A_RES_59_159.json")).unwrap(),
    )
    .unwrap();
    let res = reference_ir();
    let strs = |k: &str| -> Vec<String> {
        exp[k]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    let pre: Vec<String> = contents(&res.preamble).into_iter().map(squashed).collect();
    let op: Vec<String> = contents(&res.body).into_iter().map(squashed).collect();
    assert_eq!(pre, strs("preamble"));
    assert_eq!(op, strs("operative"));
    let notes = exp["footnotes"].as_object().unwrap();
    assert_eq!(res.notes.len(), notes.len());
    for n in &res.notes {
        assert_eq!(
            squashed(&n.content),
            notes[&n.marker].as_str().unwrap(),
            "note {}",
            n.marker
        );
    }
    assert_eq!(res.meta.symbol, exp["symbol"].as_str().unwrap());
    assert_eq!(res.meta.session, exp["session"].as_u64().map(|v| v as u32));
    assert_eq!(res.meta.number, exp["number"].as_u64().map(|v| v as u32));
    assert_eq!(res.meta.title, exp["title"].as_str().unwrap());
    assert_eq!(
        res.preface,
        vec![exp["preface"].as_str().unwrap().to_string()]
    );
    assert_eq!(
        res.meta.reports,
        vec![exp["report"].as_str().unwrap().to_string()]
    );
    assert_eq!(res.formula, exp["formula"].as_str().unwrap());
    assert_eq!(
        res.meta.adopted.map(|d| d.to_string()).as_deref(),
        exp["adopted"].as_str()
    );
    assert_eq!(
        res.meta.meeting.as_ref().map(|m| m.number as u64),
        exp["meeting"].as_u64()
    );
}

#[test]
fn markdown_parses_to_the_same_structure() {
    let (dir, out) = convert(&reference(), "md");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = fs::read_to_string(dir.path().join("A_RES_59_159.md")).unwrap();
    let opts = Options::ENABLE_FOOTNOTES | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let (mut paras, mut items, mut defs, mut refs, mut headings) = (0, 0, 0, 0, 0);
    let mut depth = 0; // inside list items or footnote definitions
    for ev in Parser::new_ext(&md, opts) {
        match ev {
            Event::Start(Tag::Item) => {
                items += 1;
                depth += 1;
            }
            Event::Start(Tag::FootnoteDefinition(_)) => {
                defs += 1;
                depth += 1;
            }
            Event::End(TagEnd::Item) | Event::End(TagEnd::FootnoteDefinition) => depth -= 1,
            Event::Start(Tag::Paragraph) if depth == 0 => paras += 1,
            Event::Start(Tag::Heading { .. }) => headings += 1,
            Event::FootnoteReference(_) => refs += 1,
            _ => {}
        }
    }
    let res = reference_ir();
    // preface + formula + preamble + conclusions
    assert_eq!(paras, 1 + 1 + res.preamble.len() + res.conclusions.len());
    assert_eq!(items, res.body.len());
    assert_eq!(defs, res.notes.len());
    assert_eq!(refs, 13, "10 notes, three of them cited twice");
    assert_eq!(headings, 1);
}

#[test]
fn akn_is_schema_valid() {
    let Some(shared) = shared("akn_is_schema_valid") else {
        return;
    };
    if !have("xmllint", "akn_is_schema_valid") {
        return;
    }
    let (dir, out) = convert(&reference(), "akn");
    assert!(out.status.success());
    let xml = dir.path().join("A_RES_59_159.xml");
    let v = Command::new("xmllint")
        .args(["--noout", "--nonet", "--schema"])
        .arg(shared.join("schema/akomantoso30.xsd"))
        .arg(&xml)
        .output()
        .unwrap();
    assert!(v.status.success(), "{}", String::from_utf8_lossy(&v.stderr));
}

/// Runs `unres-check` and returns its last line, asserting success.
fn check(shared: &std::path::Path, args: &[&std::ffi::OsStr]) -> String {
    let out = Command::new(shared.join("tools/unres-check"))
        .args(args)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "unres-check {args:?}:\n{text}");
    text.lines().last().unwrap_or_default().to_string()
}

#[test]
fn independent_checker_agrees() {
    let Some(shared) = shared("independent_checker_agrees") else {
        return;
    };
    if !have("xmllint", "independent_checker_agrees")
        || !have("python3", "independent_checker_agrees")
    {
        return;
    }
    let input = shared.join("corpus/zh/A_RES_59_159.txt");
    let (dir, out) = convert(&input, "md,akn");
    assert!(out.status.success());
    let xml = dir.path().join("A_RES_59_159.xml");
    let md = dir.path().join("A_RES_59_159.md");
    let exp = shared.join("expected/A_RES_59_159.json");
    let last = check(
        &shared,
        &["expected".as_ref(), exp.as_os_str(), xml.as_os_str()],
    );
    assert!(last.starts_with("expected: 51/51 items match"), "{last}");
    let last = check(&shared, &["akn".as_ref(), xml.as_os_str()]);
    assert_eq!(last, "akn: 1/1 files valid and conventional");
    let last = check(
        &shared,
        &[
            "preserved".as_ref(),
            input.as_os_str(),
            md.as_os_str(),
            xml.as_os_str(),
        ],
    );
    assert!(
        last.starts_with("preserved: worst recall 100.00%"),
        "{last}"
    );
}

#[test]
fn outputs_are_deterministic() {
    let (a, _) = convert(&reference(), "md,akn");
    let (b, _) = convert(&reference(), "md,akn");
    for name in ["A_RES_59_159.md", "A_RES_59_159.xml"] {
        assert_eq!(
            fs::read(a.path().join(name)).unwrap(),
            fs::read(b.path().join(name)).unwrap(),
            "{name} differs between runs"
        );
    }
}
