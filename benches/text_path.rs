//! The text path in process, per document: the reader alone, each emitter
//! alone, and read + Markdown + AKN as `convert --to md,akn` does it (no
//! files). `cargo bench --bench text_path`; `make bench` runs it too.
//! Inputs: the reference (samples/) and, when ../shared is beside the
//! project, the long English resolution 78/229 (pdftotext) and one dev text.

use std::path::Path;

use unres::convert::{emit, read_kind};
use unres::emit::{EmitOptions, Format};
use unres::read::{Kind, ReadOptions};

fn main() {
    divan::main();
}

const INPUTS: &[&str] = &[
    "samples/A_RES_59_159.txt",
    "../shared/corpus/en/A_RES_78_229-EN.pdftotext.txt",
];

fn input(path: &str) -> Vec<u8> {
    let at = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read(&at)
        .unwrap_or_else(|e| panic!("{}: {e} (../shared beside the project?)", at.display()))
}

#[divan::bench(args = INPUTS)]
fn read(b: divan::Bencher, path: &str) {
    let bytes = input(path);
    let opts = ReadOptions::default();
    b.bench(|| read_kind(Kind::Text, divan::black_box(&bytes), &opts).expect("reads"));
}

#[divan::bench(args = INPUTS, consts = [0, 1])]
fn emit_one<const F: usize>(b: divan::Bencher, path: &str) {
    let format = [Format::Markdown, Format::Akn][F];
    let (res, _) = read_kind(Kind::Text, &input(path), &ReadOptions::default()).expect("reads");
    let opts = EmitOptions::default();
    b.bench(|| emit(divan::black_box(&res), format, &opts).expect("emits"));
}

#[divan::bench(args = INPUTS)]
fn read_md_akn(b: divan::Bencher, path: &str) {
    let bytes = input(path);
    let (ropts, eopts) = (ReadOptions::default(), EmitOptions::default());
    b.bench(|| {
        let (res, _) = read_kind(Kind::Text, divan::black_box(&bytes), &ropts).expect("reads");
        let md = emit(&res, Format::Markdown, &eopts).expect("md");
        let akn = emit(&res, Format::Akn, &eopts).expect("akn");
        (md, akn)
    });
}
