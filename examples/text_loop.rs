//! The text path in a loop, for a profiler (issue 17): reads each file, then
//! reads it and writes Markdown and AKN ROUNDS times in process.
//! `cargo build --profile profiling --example text_loop`, then
//! `perf record -g target/profiling/examples/text_loop 2000 samples/A_RES_59_159.txt`.

use unres::convert::{emit, read_kind};
use unres::emit::{EmitOptions, Format};
use unres::read::{Kind, ReadOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let rounds: usize = args
        .next()
        .ok_or("usage: text_loop ROUNDS FILE...")?
        .parse()?;
    let inputs = args.map(std::fs::read).collect::<Result<Vec<_>, _>>()?;
    let (ropts, eopts) = (ReadOptions::default(), EmitOptions::default());
    let mut total = 0usize;
    for _ in 0..rounds {
        for bytes in &inputs {
            let (res, _) = read_kind(Kind::Text, bytes, &ropts)?;
            total += emit(&res, Format::Markdown, &eopts)?.len();
            total += emit(&res, Format::Akn, &eopts)?.len();
        }
    }
    println!("{total} bytes written");
    Ok(())
}
