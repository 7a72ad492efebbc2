//! The command line's contract: outputs named after inputs, exit statuses,
//! one clear line per failed input.

mod common;

use std::fs;

use common::*;

#[test]
fn convert_names_outputs_after_the_input() {
    let (dir, out) = convert(&reference(), "md,akn");
    assert_eq!(out.status.code(), Some(0));
    let mut names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| !n.starts_with('.')) // the batch's hidden manifest
        .collect();
    names.sort();
    assert_eq!(names, vec!["A_RES_59_159.md", "A_RES_59_159.xml"]);
}

#[test]
fn missing_input_names_the_file_and_exits_1() {
    let (_dir, out) = convert(std::path::Path::new("/nonexistent/R.txt"), "md");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<_> = err.lines().collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(lines[0].contains("/nonexistent/R.txt"), "{err}");
}

#[test]
fn a_shopping_list_is_not_a_resolution() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("list.txt");
    fs::write(&list, "milk\neggs\nbread\n").unwrap();
    let (out_dir, out) = convert(&list, "md,akn");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("list.txt") && err.contains("not a resolution"),
        "{err}"
    );
    assert_eq!(
        fs::read_dir(out_dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(unres(&["convert"]).status.code(), Some(2));
    assert_eq!(
        unres(&["convert", "x.txt", "--to", "docx", "-o", "o"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(unres(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn inspect_prints_json() {
    let out = unres(&["inspect", reference().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["meta"]["symbol"], "A/RES/59/159");
}

#[test]
fn warnings_carry_their_codes_in_inspect_and_in_the_report() {
    // The reference with its paragraph "3." misprinted as "5.": a gap
    // (5 after 2) and a step back (4 after 5), but nothing lost.
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(reference()).unwrap();
    assert_eq!(text.matches("\n 3. ").count(), 1);
    let input = dir.path().join("gap.txt");
    fs::write(&input, text.replacen("\n 3. ", "\n 5. ", 1)).unwrap();

    let out = unres(&["inspect", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    let gaps: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("warning[numbering-gap]"))
        .collect();
    assert_eq!(gaps.len(), 2, "{err}");
    assert!(gaps.iter().all(|l| l.contains("gap.txt")), "{err}");

    let report = dir.path().join("report.json");
    let out_dir = dir.path().join("out");
    let out = unres(&[
        "convert",
        input.to_str().unwrap(),
        "--to",
        "md",
        "-o",
        out_dir.to_str().unwrap(),
        "-q",
        "--report",
        report.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let r: serde_json::Value = serde_json::from_slice(&fs::read(&report).unwrap()).unwrap();
    let warnings = r["inputs"][0]["warnings"].as_array().unwrap();
    let codes: Vec<&str> = warnings
        .iter()
        .map(|w| w["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["numbering-gap", "numbering-gap"]);
    assert!(warnings[0]["message"].as_str().unwrap().contains("5."));
    assert_eq!(r["warnings"]["numbering-gap"], 2);
}

#[test]
fn a_markdown_citation_without_a_definition_is_warned() {
    let (dir, out) = convert(&reference(), "md");
    assert_eq!(out.status.code(), Some(0));
    let md = fs::read_to_string(dir.path().join("A_RES_59_159.md")).unwrap();
    let stray = dir.path().join("stray.md");
    let text = md.replacen(
        "[unres:operative]: #",
        "Cited[^99] here.\n\n[unres:operative]: #",
        1,
    );
    assert_ne!(text, md, "the operative marker is where it was");
    fs::write(&stray, text).unwrap();
    let out = unres(&["inspect", stray.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning[citation-without-note]") && err.contains("note 99"),
        "{err}"
    );
}
