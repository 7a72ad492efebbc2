//! A whole tree, as the command line does it but from a program: walk,
//! convert on all cores, mirror below OUTDIR, and look at the totals.
//! `cargo run --example convert_tree -- samples /tmp/out`

use std::path::{Path, PathBuf};

use unres::batch::{self, Observer, Settings, Totals};
use unres::emit::{EmitOptions, Format};

/// Prints each failure; stays quiet otherwise.
struct Failures;

impl Observer for Failures {
    fn notice(&self, _: &str) {}
    fn failed(&self, input: &Path, reason: &str) {
        eprintln!("{}: {reason}", input.display());
    }
    fn started(&self, total: usize) {
        eprintln!("{total} inputs");
    }
    fn advanced(&self) {}
    fn finished(&self, totals: &Totals) {
        eprintln!("{}", totals.line());
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let input = PathBuf::from(args.next().unwrap_or_else(|| "samples".into()));
    let out = PathBuf::from(args.next().unwrap_or_else(|| "out".into()));
    let settings = Settings::new(vec![Format::Markdown, Format::Akn], out);
    let totals = batch::run(&[input], &settings, &EmitOptions::default(), &Failures)?;
    std::process::exit(i32::from(totals.failed > 0));
}
