//! Input and output as pandoc users expect them: `-o FILE`, `-` for
//! standard input and output, `-f`/`-t`, `--list-formats`,
//! `--print-default-template`, templates merged over the default,
//! `--metadata`, YAML front matter that other tools read and write,
//! directory walks with `--glob`/`--exclude`, completions and the man page.

mod common;

use std::fs;
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::*;

/// Runs unres with `input` on standard input.
fn unres_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_unres"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("unres runs");
    // A usage error exits before reading: the pipe may be closed.
    let _ = child.stdin.take().expect("stdin").write_all(input);
    child.wait_with_output().expect("unres ends")
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The IR of a file, as `unres inspect` prints it.
fn inspect(file: &Path) -> serde_json::Value {
    let out = unres(&["inspect", s(file)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("inspect prints JSON")
}

fn reference_md(dir: &Path) -> std::path::PathBuf {
    let md = dir.join("ref.md");
    let out = unres(&["convert", s(&reference()), "-o", s(&md)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    md
}

#[test]
fn one_input_and_an_output_name_writes_that_file() {
    let d = tempfile::tempdir().unwrap();
    let x = d.path().join("x.md");
    let out = unres(&["convert", s(&reference()), "-o", s(&x)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(x.is_file(), "x.md is a file, not a folder");
    assert!(fs::read_to_string(&x).unwrap().starts_with("---\n"));
    // --to wins over the extension; a bare name lands in the current directory.
    let out = Command::new(env!("CARGO_BIN_EXE_unres"))
        .args(["convert", s(&reference()), "-t", "akn", "-o", "y.md"])
        .current_dir(d.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(fs::read_to_string(d.path().join("y.md"))
        .unwrap()
        .starts_with("<?xml"));
    // Never over the input.
    let out = unres(&["convert", s(&x), "-o", s(&x)]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn several_inputs_or_a_directory_keep_the_outdir_contract() {
    let d = tempfile::tempdir().unwrap();
    let samples = root().join("samples");
    let fr = samples.join("A_RES_69_215_fr.txt");
    let es = samples.join("A_RES_69_196_es.txt");
    let out_md = d.path().join("out.md");
    let out = unres(&[
        "convert",
        s(&fr),
        s(&es),
        "-t",
        "md",
        "-o",
        s(&out_md),
        "-q",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out_md.join("A_RES_69_215_fr.md").is_file());
    assert!(out_md.join("A_RES_69_196_es.md").is_file());
    // -o DIR without --to is a usage error.
    let out = unres(&["convert", s(&fr), "-o", s(&d.path().join("o"))]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn stdin_to_stdout_is_valid_akoma_ntoso() {
    let test = "stdin_to_stdout_is_valid_akoma_ntoso";
    let Some(shared) = shared(test) else {
        return;
    };
    if !have("xmllint", test) {
        return;
    }
    let text = fs::read(reference()).unwrap();
    let out = unres_stdin(&["convert", "-", "-t", "akn", "-o", "-"], &text);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.starts_with(b"<?xml"));
    let schema = shared.join("schema/akomantoso30.xsd");
    let mut lint = Command::new("xmllint")
        .args(["--noout", "--schema", s(&schema), "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    lint.stdin.take().unwrap().write_all(&out.stdout).unwrap();
    let lint = lint.wait_with_output().unwrap();
    assert!(lint.status.success(), "{}", stderr(&lint));
}

#[test]
fn stdout_needs_one_format() {
    let text = fs::read(reference()).unwrap();
    let out = unres_stdin(&["convert", "-", "-o", "-"], &text);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("--to"), "{}", stderr(&out));
    let out = unres_stdin(&["convert", "-", "-t", "md,akn", "-o", "-"], &text);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    // Markdown on standard input, by --from.
    let md = unres_stdin(&["convert", "-", "-t", "md", "-o", "-"], &text).stdout;
    let out = unres_stdin(&["convert", "-", "-f", "md", "-t", "md", "-o", "-"], &md);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(out.stdout, md, "Markdown reads back into the same Markdown");
    let out = unres_stdin(&["inspect", "-"], &text);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ir: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(ir["meta"]["symbol"], "A/RES/59/159");
}

#[test]
fn a_template_names_only_what_it_changes() {
    let test = "a_template_names_only_what_it_changes";
    let d = tempfile::tempdir().unwrap();
    let t = d.path().join("t.toml");
    fs::write(&t, "[text]\nsize = 12.0\n").unwrap();
    let text = fs::read(reference()).unwrap();
    let custom = unres_stdin(
        &["convert", "-", "--template", s(&t), "-t", "pdf", "-o", "-"],
        &text,
    );
    if custom.status.code() == Some(1) && stderr(&custom).contains("font") {
        skip(test, "Noto fonts not installed (make deps)");
        return;
    }
    assert_eq!(custom.status.code(), Some(0), "{}", stderr(&custom));
    assert!(custom.stdout.starts_with(b"%PDF"));
    let plain = unres_stdin(&["convert", "-", "-t", "pdf", "-o", "-"], &text);
    assert_eq!(plain.status.code(), Some(0), "{}", stderr(&plain));
    assert_ne!(custom.stdout, plain.stdout, "the size changed the page");
    // A misspelt key is refused before anything is converted.
    fs::write(&t, "[text]\nsise = 12.0\n").unwrap();
    let out = unres_stdin(
        &["convert", "-", "--template", s(&t), "-t", "pdf", "-o", "-"],
        &text,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("sise"), "{}", stderr(&out));
}

#[test]
fn prints_the_default_template_and_lists_formats() {
    let out = unres(&["--print-default-template", "pdf"]);
    assert_eq!(out.status.code(), Some(0));
    let file = fs::read(root().join("templates/pdf/un-a4.toml")).unwrap();
    assert_eq!(out.stdout, file);
    let out = unres(&["--print-default-template", "md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no template"), "{}", stderr(&out));
    let out = unres(&["--list-formats"]);
    assert_eq!(out.status.code(), Some(0));
    let list = String::from_utf8(out.stdout).unwrap();
    for word in ["text", ".txt", "md", ".md", "akn", ".xml", "pdf", ".pdf"] {
        assert!(list.contains(word), "{word} missing from\n{list}");
    }
}

#[test]
fn metadata_sets_fields_over_the_input() {
    let d = tempfile::tempdir().unwrap();
    let md = d.path().join("m.md");
    let out = unres(&[
        "convert",
        s(&reference()),
        "--metadata",
        "session=60",
        "-M",
        "report=[A/60/1, A/60/2]",
        "-M",
        "committee=",
        "-o",
        s(&md),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let meta = &inspect(&md)["meta"];
    assert_eq!(meta["session"], 60);
    assert_eq!(meta["reports"], serde_json::json!(["A/60/1", "A/60/2"]));
    assert!(meta["committee"].is_null(), "{meta}");
    for bad in ["colour=red", "session=fifty", "session"] {
        let out = unres(&["convert", s(&reference()), "-M", bad, "-o", s(&md)]);
        assert_eq!(out.status.code(), Some(2), "{bad}: {}", stderr(&out));
    }
}

#[test]
fn front_matter_edited_as_yaml_reads_back() {
    let d = tempfile::tempdir().unwrap();
    let md = reference_md(d.path());
    let text = fs::read_to_string(&md).unwrap();
    let end = text[4..].find("\n---\n").unwrap() + 4;
    let body = &text[end..];
    let edited = format!(
        "---\n\
         # edited by hand\n\
         symbol: \"A/RES/59/159\"\n\
         title: >-\n  Strengthening the United Nations\n  crime prevention programme\n\
         title_number: '59/159.'\n\
         language: zh\n\
         session: 59\n\
         committee: >-\n  Third\n  Committee\n\
         report:\n  - A/59/494\n  - A/59/494/Add.1\n\
         agenda:\n  - number: 107\n    title: Crime prevention\n  - number: '20 (a)'\n\
         adopted: 2004-12-20\n\
         meeting: 74\n\
         tags: [added, by, another, tool]\n\
         {body}"
    );
    fs::write(&md, edited).unwrap();
    let meta = &inspect(&md)["meta"];
    // (The `# ` heading gives the title; the folded one is accepted.)
    assert_eq!(meta["committee"], "Third Committee");
    assert_eq!(
        meta["reports"],
        serde_json::json!(["A/59/494", "A/59/494/Add.1"])
    );
    assert_eq!(meta["agenda_items"][0]["number"], "107");
    assert_eq!(meta["agenda_items"][0]["title"], "Crime prevention");
    assert_eq!(meta["agenda_items"][1]["number"], "20 (a)");
    assert_eq!(meta["meeting"]["number"], 74);
    assert_eq!(meta["adopted"], "2004-12-20");
    // A value that fits no field is refused with the line of its key.
    let bad = fs::read_to_string(&md)
        .unwrap()
        .replace("session: 59", "session: fifty");
    fs::write(&md, bad).unwrap();
    let out = unres(&["inspect", s(&md)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("line 9"), "{}", stderr(&out));
    assert!(stderr(&out).contains("session"), "{}", stderr(&out));
    // YAML that does not parse says where.
    let broken = fs::read_to_string(&md)
        .unwrap()
        .replace("session: fifty", "session: [59");
    fs::write(&md, broken).unwrap();
    let out = unres(&["inspect", s(&md)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("line "), "{}", stderr(&out));
}

#[test]
fn markdown_has_no_raw_html() {
    let d = tempfile::tempdir().unwrap();
    for f in fs::read_dir(root().join("samples")).unwrap() {
        let f = f.unwrap().path();
        let md = d.path().join("x.md");
        let out = unres(&["convert", s(&f), "-o", s(&md)]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let text = fs::read_to_string(&md).unwrap();
        for tag in ["<span", "</span>", "<em>", "<!--"] {
            assert!(!text.contains(tag), "{}: {tag} in\n{text}", f.display());
        }
    }
}

#[test]
fn pandoc_reads_the_front_matter() {
    let test = "pandoc_reads_the_front_matter";
    if !have("pandoc", test) {
        return;
    }
    let d = tempfile::tempdir().unwrap();
    let ar = root().join("samples/A_RES_69_166_ar.txt");
    let md = d.path().join("ar.md");
    let out = unres(&["convert", s(&ar), "-o", s(&md)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let template = d.path().join("t.plain");
    fs::write(
        &template,
        "$symbol$|$language$|$session$|$for(report)$$report$;$endfor$|$meeting.number$|$adopted$\n",
    )
    .unwrap();
    let out = Command::new("pandoc")
        .args([
            "-f",
            "markdown",
            "-t",
            "plain",
            "--template",
            s(&template),
            s(&md),
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let ir = inspect(&md);
    let m = &ir["meta"];
    let reports: String = m["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| format!("{};", r.as_str().unwrap()))
        .collect();
    let expected = format!(
        "{}|{}|{}|{}|{}|{}",
        m["symbol"].as_str().unwrap(),
        m["lang"].as_str().unwrap(),
        m["session"],
        reports,
        m["meeting"]["number"],
        m["adopted"].as_str().unwrap(),
    );
    assert!(!reports.is_empty());
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), expected);
}

#[test]
fn walks_every_input_kind_and_globs_select() {
    let d = tempfile::tempdir().unwrap();
    let tree = d.path().join("tree");
    fs::create_dir_all(tree.join("sub")).unwrap();
    fs::copy(reference(), tree.join("a.txt")).unwrap();
    let samples = root().join("samples");
    fs::copy(samples.join("A_RES_69_215_fr.txt"), tree.join("sub/b.txt")).unwrap();
    let out = unres(&["convert", s(&reference()), "-o", s(&tree.join("c.md"))]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = unres(&["convert", s(&reference()), "-o", s(&tree.join("sub/d.xml"))]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    fs::write(tree.join("notes.json"), "{}").unwrap();

    let run = |extra: &[&str]| -> Vec<String> {
        let o = tempfile::tempdir().unwrap();
        let mut args = vec!["convert", s(&tree), "-t", "akn", "-o", s(o.path()), "-q"];
        args.extend_from_slice(extra);
        let out = unres(&args);
        assert_eq!(out.status.code(), Some(0), "{extra:?}: {}", stderr(&out));
        let mut found = Vec::new();
        for e in walkdir(o.path()) {
            found.push(e);
        }
        found.sort();
        found
    };
    assert_eq!(run(&[]), ["a.xml", "c.xml", "sub/b.xml", "sub/d.xml"]);
    assert_eq!(run(&["--glob", "*.txt"]), ["a.xml", "sub/b.xml"]);
    assert_eq!(run(&["--glob", "sub/**"]), ["sub/b.xml", "sub/d.xml"]);
    assert_eq!(
        run(&["--exclude", "*.md", "--exclude", "sub/*.xml"]),
        ["a.xml", "sub/b.xml"]
    );
    let o = tempfile::tempdir().unwrap();
    let out = unres(&[
        "convert",
        s(&tree),
        "--glob",
        "a[",
        "-t",
        "md",
        "-o",
        s(o.path()),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

/// Files below `dir` (not hidden), relative, with `/`.
fn walkdir(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.file_name().unwrap().to_string_lossy().starts_with('.') {
                continue;
            }
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap();
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out
}

#[test]
fn completions_and_man_page() {
    let out = unres(&["completions", "bash"]);
    assert_eq!(out.status.code(), Some(0));
    let bash = String::from_utf8(out.stdout).unwrap();
    assert!(bash.contains("_unres") && bash.contains("--print-default-template"));
    assert!(bash.contains("--metadata") && bash.contains("--glob"));
    let out = unres(&["completions", "zsh"]);
    assert_eq!(out.status.code(), Some(0));
    let d = tempfile::tempdir().unwrap();
    let man = d.path().join("man");
    let out = unres(&["man", s(&man)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let top = fs::read_to_string(man.join("unres.1")).unwrap();
    assert!(top.contains(".TH unres"), "{top}");
    let convert = fs::read_to_string(man.join("unres-convert.1")).unwrap();
    for word in ["metadata", "glob", "print", "OUTDIR"] {
        assert!(
            convert.contains(word) || top.contains(word),
            "{word} in neither page"
        );
    }
    assert!(man.join("unres-inspect.1").is_file());
    assert_eq!(unres(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn the_english_sample_reads_whole() {
    let ir = inspect(&root().join("samples/A_RES_79_999_en.txt"));
    let m = &ir["meta"];
    assert_eq!(m["lang"], "en");
    assert_eq!(m["symbol"], "A/RES/79/999");
    assert_eq!(m["committee"], "Third Committee");
    assert_eq!(m["reports"], serde_json::json!(["A/79/456"]));
    assert_eq!(m["adopted"], "2024-12-17");
    assert_eq!(m["meeting"]["number"], 52);
    assert_eq!(ir["preamble"].as_array().unwrap().len(), 5);
    let body = ir["body"].as_array().unwrap();
    let nums: Vec<&str> = body.iter().map(|p| p["num"].as_str().unwrap()).collect();
    assert_eq!(nums, ["1.", "2.", "3.", "4.", "5."]);
    let items: Vec<&str> = body[1]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["num"].as_str().unwrap())
        .collect();
    assert_eq!(items, ["(a)", "(b)", "(c)"]);
    assert_eq!(ir["notes"].as_array().unwrap().len(), 3);
    assert_eq!(
        ir["conclusions"],
        serde_json::json!(["52nd plenary meeting", "17 December 2024"])
    );
}
