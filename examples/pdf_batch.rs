//! PDF throughput: fonts loaded once, then one document rendered N times.
//!
//! `cargo run --release --example pdf_batch -- [FILE] [N]` (defaults: the
//! reference resolution, 100). Prints the font load time once, then the
//! milliseconds per document on one thread and on all threads.

use std::time::Instant;

use rayon::prelude::*;
use unres::convert::read_bytes;
use unres::emit::pdf::PdfSetup;
use unres::read::ReadOptions;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let file = args
        .next()
        .unwrap_or_else(|| "samples/A_RES_59_159.txt".to_string());
    let n: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(100);
    let (res, _) = read_bytes(&std::fs::read(&file)?, &ReadOptions::default())?;

    let t = Instant::now();
    let setup = PdfSetup::system()?;
    setup.preload(res.meta.lang)?;
    // The first document also opens the faces a title needs (bold).
    let first = setup.render(&res)?;
    println!(
        "font load + first document: {:.1} ms ({} bytes)",
        t.elapsed().as_secs_f64() * 1e3,
        first.len()
    );

    let t = Instant::now();
    for _ in 0..n {
        setup.render(&res)?;
    }
    let one = t.elapsed().as_secs_f64() * 1e3 / n as f64;
    println!("{n} documents, 1 thread: {one:.2} ms per document");

    let t = Instant::now();
    let ok = (0..n)
        .into_par_iter()
        .map(|_| setup.render(&res).map(|b| b.len()))
        .filter(Result::is_ok)
        .count();
    let all = t.elapsed().as_secs_f64() * 1e3 / n as f64;
    println!(
        "{ok} documents, {} threads: {all:.2} ms per document (wall clock)",
        rayon::current_num_threads()
    );
    Ok(())
}
