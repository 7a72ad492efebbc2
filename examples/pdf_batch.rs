//! PDF throughput in process: fonts loaded once, the documents read into
//! the IR before timing, then each laid out and written, round after round.
//!
//! `cargo run --release --example pdf_batch -- [FILE...] [N]` (defaults:
//! the reference resolution, 100 rounds). Prints the font load time once,
//! then the milliseconds per document on one thread and on all threads,
//! and a last line `docs D rounds N ms_per_doc M` for scripts (one
//! thread, the best round, as `make bench` takes the best of its runs;
//! it sets this beside typst's).

use std::time::Instant;

use rayon::prelude::*;
use unres::convert::read_bytes;
use unres::emit::pdf::PdfSetup;
use unres::ir::Resolution;
use unres::read::ReadOptions;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut files = Vec::new();
    let mut rounds = 100usize;
    for arg in std::env::args().skip(1) {
        match arg.parse::<usize>() {
            Ok(n) => rounds = n.max(1),
            Err(_) => files.push(arg),
        }
    }
    if files.is_empty() {
        files.push("samples/A_RES_59_159.txt".to_string());
    }
    let mut docs: Vec<Resolution> = Vec::with_capacity(files.len());
    for f in &files {
        docs.push(read_bytes(&std::fs::read(f)?, &ReadOptions::default())?.0);
    }

    let t = Instant::now();
    let setup = PdfSetup::system()?;
    // The first document of each language also opens the faces it needs.
    let mut seen = Vec::new();
    for res in &docs {
        if !seen.contains(&res.meta.lang) {
            seen.push(res.meta.lang);
            setup.preload(res.meta.lang)?;
            setup.render(res)?;
        }
    }
    println!(
        "font load + first document per language: {:.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );

    let total = (docs.len() * rounds) as f64;
    let t = Instant::now();
    let mut bytes = 0;
    let mut best = f64::MAX;
    for _ in 0..rounds {
        let round = Instant::now();
        for res in &docs {
            bytes += setup.render(res)?.len();
        }
        best = best.min(round.elapsed().as_secs_f64() * 1e3 / docs.len() as f64);
    }
    let one = t.elapsed().as_secs_f64() * 1e3 / total;
    println!(
        "{} documents x {rounds} rounds, 1 thread: {one:.2} ms per document, best round {best:.2} ({} bytes each)",
        docs.len(),
        bytes / (docs.len() * rounds)
    );

    let t = Instant::now();
    let ok = (0..docs.len() * rounds)
        .into_par_iter()
        .map(|i| setup.render(&docs[i % docs.len()]).map(|b| b.len()))
        .filter(Result::is_ok)
        .count();
    let all = t.elapsed().as_secs_f64() * 1e3 / total;
    println!(
        "{ok} documents, {} threads: {all:.2} ms per document (wall clock)",
        rayon::current_num_threads()
    );
    println!("docs {} rounds {rounds} ms_per_doc {best:.3}", docs.len());
    Ok(())
}
