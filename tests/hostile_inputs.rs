//! Hostile inputs and arguments through the command line: each gives one
//! clear line naming the file (or a usage error), and the rest of the batch
//! is converted.

mod common;

use std::fs;
use std::path::Path;
use std::process::Output;

use common::*;

fn run(args: &[&Path], extra: &[&str]) -> Output {
    let mut a: Vec<&str> = vec!["convert"];
    a.extend(args.iter().map(|p| p.to_str().expect("utf-8 path")));
    a.extend(extra);
    unres(&a)
}

/// The stderr lines of `out` that name `file`.
fn lines_naming(out: &Output, file: &str) -> usize {
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| l.contains(file))
        .count()
}

#[test]
fn deeply_nested_markdown_fails_alone_and_the_batch_goes_on() {
    let d = tempfile::tempdir().unwrap();
    let lists = d.path().join("lists.md");
    fs::write(&lists, format!("{}x\n", "- ".repeat(5000))).unwrap();
    let emphasis = d.path().join("emphasis.md");
    let deep = format!(
        "# T\n\nThe General Assembly,\n\n{}x{}\n\n1. {}y{}\n",
        "<em>".repeat(20_000),
        "</em>".repeat(20_000),
        "*".repeat(30_000),
        "*".repeat(30_000)
    );
    fs::write(&emphasis, deep).unwrap();
    let out_dir = d.path().join("out");
    let out = run(
        &[&lists, &emphasis, &reference()],
        &["--to", "md,akn", "-o", out_dir.to_str().unwrap(), "-q"],
    );
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(lines_naming(&out, "lists.md"), 1, "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("nested deeper than"));
    // Deep emphasis is flattened, not refused: the text is all there.
    let md = fs::read_to_string(out_dir.join("emphasis.md")).unwrap();
    assert!(md.contains('x') && md.contains('y'));
    assert!(
        out_dir.join("A_RES_59_159.xml").exists(),
        "the good file converted"
    );
}

#[test]
fn a_report_onto_an_output_input_or_manifest_is_a_usage_error() {
    let d = tempfile::tempdir().unwrap();
    let input = d.path().join("b.txt");
    fs::copy(reference(), &input).unwrap();
    let out_dir = d.path().join("out");
    let o = out_dir.to_str().unwrap();
    // A first run leaves an output and the manifest to aim at.
    let first = run(&[&input], &["--to", "md", "-o", o, "-q"]);
    assert_eq!(first.status.code(), Some(0));
    let output = out_dir.join("b.md");
    let before = fs::read(&output).unwrap();
    let manifest = out_dir.join(".unres-manifest.json");
    assert!(manifest.exists());
    let kept = fs::read(&manifest).unwrap();
    for (target, what) in [
        (&output, "an output"),
        (&input, "an input"),
        (&manifest, "the manifest"),
    ] {
        let out = run(
            &[&input],
            &[
                "--to",
                "md",
                "-o",
                o,
                "-q",
                "--report",
                target.to_str().unwrap(),
            ],
        );
        assert_eq!(out.status.code(), Some(2), "{what}: {out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(what) && err.lines().count() == 1, "{err}");
    }
    assert_eq!(fs::read(&output).unwrap(), before);
    assert_eq!(fs::read(&manifest).unwrap(), kept);
    assert_eq!(
        fs::read_to_string(&input).unwrap(),
        fs::read_to_string(reference()).unwrap()
    );
}

#[test]
fn outdir_equal_to_the_input_directory_is_a_usage_error() {
    let d = tempfile::tempdir().unwrap();
    fs::copy(reference(), d.path().join("a.txt")).unwrap();
    let out = run(
        &[d.path()],
        &["--to", "md", "-o", d.path().to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("OUTDIR itself"), "{err}");
    assert_eq!(
        fs::read_dir(d.path()).unwrap().count(),
        1,
        "nothing written"
    );
}

#[cfg(unix)]
#[test]
fn control_characters_in_names_print_escaped_on_one_line() {
    let d = tempfile::tempdir().unwrap();
    let bad = d.path().join("evil\nname\u{1b}[31m.txt");
    fs::write(&bad, "milk\neggs\n").unwrap();
    let out_dir = d.path().join("out");
    let out = run(
        &[&bad, &reference()],
        &["--to", "md", "-o", out_dir.to_str().unwrap(), "-q"],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(
        err.contains("evil\\nname\\u{1b}[31m.txt") && !err.contains('\u{1b}'),
        "{err:?}"
    );
    assert!(out_dir.join("A_RES_59_159.md").exists());
}

#[test]
fn carriage_returns_alone_end_lines_as_line_feeds_do() {
    let d = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(reference()).unwrap();
    let cr = d.path().join("cr.txt");
    fs::write(&cr, text.replace('\n', "\r")).unwrap();
    let lf = unres(&["inspect", reference().to_str().unwrap()]);
    let out = unres(&["inspect", cr.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        lf.stdout == out.stdout,
        "the same IR whatever ends the lines"
    );
}

/// 8 M lines of "a" (16 MB, inside the size limit) once took 433 MB and
/// seconds; now refused from a count of its lines, in one line naming
/// it, and the batch goes on. A formula followed by the same flood is
/// refused alike.
#[test]
fn millions_of_short_lines_are_refused_alone() {
    let d = tempfile::tempdir().unwrap();
    let flood = d.path().join("flood.txt");
    fs::write(&flood, "a\n".repeat(8_000_000)).unwrap();
    let headed = d.path().join("headed.txt");
    let head = "United Nations A/RES/1/1\nGeneral Assembly\n\n1/1. T\n\nThe General Assembly,\n\n";
    fs::write(&headed, format!("{head}{}", "a\r".repeat(300_000))).unwrap();
    let out_dir = d.path().join("out");
    let out = run(
        &[&flood, &headed, &reference()],
        &["--to", "md", "-o", out_dir.to_str().unwrap(), "-q"],
    );
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(lines_naming(&out, "flood.txt"), 1, "{err}");
    assert_eq!(lines_naming(&out, "headed.txt"), 1, "{err}");
    assert!(err.contains("8000000 lines (limit 200000)"), "{err}");
    assert!(
        out_dir.join("A_RES_59_159.md").exists(),
        "the good file converted"
    );
}

/// Peak memory of one conversion stays a small multiple of the input: a
/// file near the 16 MB limit made of 160,000 one-line paragraphs (the most
/// IR per byte of text), and one paragraph of 180,000 lines. Measured by
/// `/usr/bin/time` (`make deps` installs it) as the maximum resident set.
#[test]
fn peak_memory_is_a_small_multiple_of_the_input() {
    let d = tempfile::tempdir().unwrap();
    let head = "United Nations A/RES/1/1\nGeneral Assembly\n\n1/1. T\n\nThe General Assembly,\n\n";
    let mut short = String::from(head);
    for i in 1..=160_000 {
        short.push_str(&format!(
            "Recalling also its resolution {i} on the programme shall continue with the support of the States,\n"
        ));
    }
    short.push_str("1. Decides to continue.\n");
    let line = "Decides that the programme shall continue with the support of all States and the\n";
    let long = format!("{head}1. {}", line.repeat(180_000));
    for (name, text, times) in [("short.txt", short, 9.0), ("long.txt", long, 8.0)] {
        let input = d.path().join(name);
        fs::write(&input, &text).unwrap();
        let out_dir = d.path().join("out");
        let out = std::process::Command::new("/usr/bin/time")
            .args(["-f", "%M", env!("CARGO_BIN_EXE_unres"), "convert"])
            .arg(&input)
            .args(["--to", "md,akn", "-q", "-o"])
            .arg(&out_dir)
            .output()
            .expect("/usr/bin/time runs (make deps installs it)");
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        let kb: f64 = err.trim().lines().last().unwrap().parse().expect("%M");
        let ratio = kb * 1024.0 / text.len() as f64;
        assert!(
            ratio <= times,
            "{name}: peak {kb} KB, {ratio:.1} × the input"
        );
    }
}
