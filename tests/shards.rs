//! Splitting a run for a cluster: N parts (`--shard K/N`) together write
//! exactly what one run writes, each input once; `--files-from` and
//! `unres report merge` as the README's recipes use them.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::*;

/// Every file below `dir` except manifests (relative path → bytes).
fn outputs(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut m = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir) {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy();
        if e.file_type().is_file() && !name.starts_with(".unres-manifest") {
            let rel = e.path().strip_prefix(dir).unwrap().to_path_buf();
            m.insert(rel, fs::read(e.path()).unwrap());
        }
    }
    m
}

/// A tree of inputs: the samples in three folders, and the English corpus
/// when ../shared is there.
fn input_tree(root: &Path) {
    for e in fs::read_dir(root_dir().join("samples")).unwrap() {
        let p = e.unwrap().path();
        for sub in ["a", "b/c", "d"] {
            let to = root.join(sub).join(p.file_name().unwrap());
            fs::create_dir_all(to.parent().unwrap()).unwrap();
            fs::copy(&p, to).unwrap();
        }
    }
    if let Some(shared) = shared("shards: English corpus") {
        let dir = root.join("en");
        fs::create_dir_all(&dir).unwrap();
        for e in fs::read_dir(shared.join("corpus/en")).unwrap() {
            let p = e.unwrap().path();
            if p.to_string_lossy().ends_with(".pdfminer.txt") {
                fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
            }
        }
    }
}

fn root_dir() -> PathBuf {
    root()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn three_shards_write_exactly_what_one_run_writes() {
    let d = tempfile::tempdir().unwrap();
    let input = d.path().join("in");
    input_tree(&input);
    let whole = d.path().join("whole");
    let out = unres(&[
        "convert",
        s(&input),
        "--to",
        "md,akn",
        "-o",
        s(&whole),
        "-q",
    ]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");

    let parts = d.path().join("parts");
    let mut reports = Vec::new();
    let mut converted = 0;
    for k in 1..=3 {
        let report = d.path().join(format!("r{k}.json"));
        let shard = format!("{k}/3");
        let out = unres(&[
            "convert",
            s(&input),
            "--to",
            "md,akn",
            "-o",
            s(&parts),
            "-q",
            "--shard",
            &shard,
            "--report",
            s(&report),
        ]);
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        let r: serde_json::Value = serde_json::from_slice(&fs::read(&report).unwrap()).unwrap();
        let n = r["totals"]["converted"].as_u64().unwrap();
        assert!(n > 0, "shard {shard} converted nothing: a poor split");
        converted += n;
        reports.push(report);
    }
    let whole_files = outputs(&whole);
    assert_eq!(
        outputs(&parts),
        whole_files,
        "the parts write what one run writes"
    );
    assert_eq!(converted as usize * 2, whole_files.len(), "each input once");

    // The merged report counts what one run counts.
    let mut args = vec!["report", "merge"];
    args.extend(reports.iter().map(|p| s(p)));
    let merged = unres(&args);
    assert_eq!(merged.status.code(), Some(0), "{merged:?}");
    let m: serde_json::Value = serde_json::from_slice(&merged.stdout).unwrap();
    assert_eq!(m["totals"]["converted"].as_u64(), Some(converted));
    let paths: Vec<&str> = m["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["path"].as_str().unwrap())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(paths, sorted, "in path order, none twice");
}

#[test]
fn files_from_adds_the_listed_inputs() {
    let d = tempfile::tempdir().unwrap();
    let input = d.path().join("in");
    input_tree(&input);
    let list = d.path().join("list.txt");
    let a = input.join("a/A_RES_59_159.txt");
    let b = input.join("d/A_RES_69_166_ar.txt");
    fs::write(&list, format!("{}\n\n{}\n", s(&a), s(&b))).unwrap();
    let out_dir = d.path().join("out");
    let out = unres(&[
        "convert",
        "--files-from",
        s(&list),
        "--to",
        "md",
        "-o",
        s(&out_dir),
        "-q",
    ]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let names: Vec<String> = outputs(&out_dir)
        .keys()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["A_RES_59_159.md", "A_RES_69_166_ar.md"]);
}

#[test]
fn the_readme_gnu_parallel_recipe_works() {
    let test = "the_readme_gnu_parallel_recipe_works";
    if !have("parallel", test) {
        return;
    }
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let recipe = readme
        .split("<!-- recipe: gnu-parallel -->")
        .nth(1)
        .and_then(|r| r.split("```sh\n").nth(1))
        .and_then(|r| r.split("```").next())
        .expect("the recipe is in the README");
    let d = tempfile::tempdir().unwrap();
    input_tree(&d.path().join("archive"));
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_unres")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = std::process::Command::new("sh")
        .args(["-c", recipe])
        .current_dir(d.path())
        .env("PATH", path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{recipe}\n{out:?}");
    let whole = d.path().join("whole");
    let one = unres(&[
        "convert",
        s(&d.path().join("archive")),
        "--to",
        "md,akn",
        "-o",
        s(&whole),
        "-q",
    ]);
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(outputs(&d.path().join("out")), outputs(&whole));
    let r: serde_json::Value =
        serde_json::from_slice(&fs::read(d.path().join("report.json")).unwrap()).unwrap();
    assert_eq!(
        r["totals"]["converted"].as_u64(),
        Some((outputs(&whole).len() / 2) as u64)
    );
}
