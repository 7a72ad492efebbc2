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
