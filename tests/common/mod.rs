//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Whether a skipped test must fail instead: CI sets
/// `UNRES_REQUIRE_CORPUS=1`, so that a green run means every corpus and
/// tool test ran.
pub fn skipping_forbidden() -> bool {
    std::env::var_os("UNRES_REQUIRE_CORPUS").is_some_and(|v| !v.is_empty() && v != "0")
}

/// Says that `test` is skipped and why, or fails it when skipping is
/// forbidden ([`skipping_forbidden`]).
pub fn skip(test: &str, why: &str) {
    if skipping_forbidden() {
        panic!("{test}: {why}, and UNRES_REQUIRE_CORPUS is set: this test must run");
    }
    eprintln!("SKIPPED {test}: {why}");
}

/// `../shared` when present; otherwise says that the test is skipped (or
/// fails it, see [`skip`]).
pub fn shared(test: &str) -> Option<PathBuf> {
    let p = root().join("../shared");
    if p.join("corpus").is_dir() {
        Some(p)
    } else {
        skip(test, "../shared not found beside the project");
        None
    }
}

/// Whether a command is on PATH; says that the test is skipped if not (or
/// fails it, see [`skip`]).
pub fn have(cmd: &str, test: &str) -> bool {
    let ok = Command::new("sh")
        .args(["-c", &format!("command -v {cmd}")])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !ok {
        skip(test, &format!("{cmd} not installed (make deps)"));
    }
    ok
}

/// Runs the unres binary.
pub fn unres(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_unres"))
        .args(args)
        .output()
        .expect("unres runs")
}

/// The reference resolution as kept in samples/.
pub fn reference() -> PathBuf {
    root().join("samples/A_RES_59_159.txt")
}

/// Converts `input` to `formats` in a fresh temporary directory.
pub fn convert(input: &Path, formats: &str) -> (tempfile::TempDir, Output) {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = unres(&[
        "convert",
        input.to_str().expect("utf-8 path"),
        "--to",
        formats,
        "-o",
        dir.path().to_str().expect("utf-8 path"),
        "-q",
    ]);
    (dir, out)
}
