//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared` when present; otherwise prints that the test is skipped.
pub fn shared(test: &str) -> Option<PathBuf> {
    let p = root().join("../shared");
    if p.join("corpus").is_dir() {
        Some(p)
    } else {
        eprintln!("SKIPPED {test}: ../shared not found beside the project");
        None
    }
}

/// Whether a command is on PATH; prints that the test is skipped if not.
pub fn have(cmd: &str, test: &str) -> bool {
    let ok = Command::new("sh")
        .args(["-c", &format!("command -v {cmd}")])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !ok {
        eprintln!("SKIPPED {test}: {cmd} not installed (make deps)");
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
