//! The samples written for each language's conventions (`samples/A_RES_78_218_*`,
//! `A_RES_78_257_*`, `S_RES_2795_2025_*`, in fr, es, ru, ar, zh) against their
//! expected structure in `tests/expected/`: metadata, masthead and preface
//! lines, each preambular and operative paragraph with its number path
//! ("2. a) i)") and text, headings, closing lines, annexes, notes. The
//! expected files were written from the IR and read against the sample
//! texts item by item; this test derives the same outline from the IR the
//! reader makes now and compares the two, so any change in what is found
//! (a sub-paragraph not nested, a heading lost, a note moved) fails.

mod common;

use std::fs;

use common::*;
use serde_json::{json, Value};
use unres::read::{self, ReadOptions};

/// Inline content as text, citations written `[^n]`.
fn text(parts: &Value) -> String {
    let mut out = String::new();
    for p in parts.as_array().into_iter().flatten() {
        match p["type"].as_str() {
            Some("text") => out.push_str(p["value"].as_str().unwrap_or("")),
            Some("note_ref") => {
                out.push_str("[^");
                out.push_str(p["value"].as_str().unwrap_or(""));
                out.push(']');
            }
            // Emphasis (a lead phrase in italics) holds its inlines in
            // "value"; other containers in "content".
            _ if p["value"].is_array() => out.push_str(&text(&p["value"])),
            _ => out.push_str(&text(&p["content"])),
        }
    }
    out
}

/// Blocks as outline lines: "2. a) i) | text", "# II | title", "table".
fn outline(blocks: &Value, path: &[String], out: &mut Vec<String>) {
    for b in blocks.as_array().into_iter().flatten() {
        match b["type"].as_str() {
            Some("heading") => out.push(format!(
                "# {} | {}",
                b["num"].as_str().unwrap_or(""),
                text(&b["text"])
            )),
            Some("table") => out.push("table".into()),
            _ => {
                let mut p = path.to_vec();
                p.push(b["num"].as_str().unwrap_or("-").to_string());
                out.push(format!("{} | {}", p.join(" "), text(&b["content"])));
                outline(&b["items"], &p, out);
            }
        }
    }
}

fn lines(blocks: &Value) -> Vec<String> {
    let mut out = Vec::new();
    outline(blocks, &[], &mut out);
    out
}

/// The structure compared: what `tests/expected/*.json` holds.
fn summary(ir: &Value) -> Value {
    let m = &ir["meta"];
    let agenda: Vec<&Value> = m["agenda_items"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|a| &a["number"])
        .collect();
    let annexes: Vec<Value> = ir["annexes"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|a| {
            json!({
                "label": a["label"],
                "title": text(&a["title"]),
                "content": lines(&a["content"]),
            })
        })
        .collect();
    let notes: Vec<Value> = ir["notes"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|n| json!([n["marker"], text(&n["content"])]))
        .collect();
    json!({
        "meta": {
            "body": m["body"], "symbol": m["symbol"], "session": m["session"],
            "number": m["number"], "year": m["year"], "lang": m["lang"],
            "title_num": m["title_num"], "title": m["title"],
            "committee": m["committee"], "reports": m["reports"],
            "agenda_items": agenda,
            "adopted": m["adopted"], "distributed": m["distributed"],
            "meeting": m["meeting"]["number"],
        },
        "masthead": ir["masthead"],
        "preface": ir["preface"],
        "formula": ir["formula"],
        "preamble": lines(&ir["preamble"]),
        "body": lines(&ir["body"]),
        "conclusions": ir["conclusions"],
        "annexes": annexes,
        "notes": notes,
    })
}

const STEMS: [&str; 3] = ["A_RES_78_218", "A_RES_78_257", "S_RES_2795_2025"];
const LANGS: [&str; 5] = ["fr", "es", "ru", "ar", "zh"];

#[test]
fn each_new_sample_reads_to_its_expected_structure() {
    let mut failures = Vec::new();
    for stem in STEMS {
        for lang in LANGS {
            let name = format!("{stem}_{lang}");
            let txt = fs::read_to_string(root().join("samples").join(format!("{name}.txt")))
                .unwrap_or_else(|e| panic!("{name}.txt: {e}"));
            let expected: Value = serde_json::from_str(
                &fs::read_to_string(root().join("tests/expected").join(format!("{name}.json")))
                    .unwrap_or_else(|e| panic!("{name}.json: {e}")),
            )
            .expect("expected file is JSON");
            let (res, _) = read::text::read(&txt, &ReadOptions::default())
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            let got = summary(&serde_json::to_value(&res).expect("IR serialises"));
            for key in [
                "meta",
                "masthead",
                "preface",
                "formula",
                "preamble",
                "body",
                "conclusions",
                "annexes",
                "notes",
            ] {
                if got[key] != expected[key] {
                    failures.push(format!(
                        "{name}: {key}\n  got:      {}\n  expected: {}",
                        got[key], expected[key]
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_samples_cover_every_shape_in_every_language() {
    // What the samples were written to hold, in each language: a
    // masthead, two levels of sub-paragraphs, a subheading between
    // operative paragraphs, an annex with numbered paragraphs, a
    // resolution in two parts numbered from 1 again, a Security Council
    // resolution.
    for lang in LANGS {
        let read = |stem: &str| -> Value {
            serde_json::from_str(
                &fs::read_to_string(root().join(format!("tests/expected/{stem}_{lang}.json")))
                    .expect("expected file"),
            )
            .expect("JSON")
        };
        let ga = read("A_RES_78_218");
        assert!(!ga["masthead"].as_array().unwrap().is_empty(), "{lang}");
        let body: Vec<&str> = ga["body"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        let depth = |l: &&str| l.split(" | ").next().unwrap().split(' ').count();
        assert!(
            body.iter().any(|l| !l.starts_with('#') && depth(l) >= 3),
            "{lang}: two levels"
        );
        assert!(
            body.iter().any(|l| l.starts_with("#  | ")),
            "{lang}: subheading"
        );
        let annex = &ga["annexes"][0]["content"];
        assert!(
            annex.as_array().is_some_and(|a| a.len() >= 2),
            "{lang}: annex"
        );
        let parts = read("A_RES_78_257");
        let heads = parts["body"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|l| l.as_str().is_some_and(|l| l.starts_with('#')))
            .count();
        let ones = parts["body"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|l| l.as_str().is_some_and(|l| l.starts_with("1")))
            .count();
        assert_eq!((heads, ones), (2, 2), "{lang}: two parts");
        assert_eq!(read("S_RES_2795_2025")["meta"]["body"], "SC", "{lang}");
    }
}
