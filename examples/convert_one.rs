//! One document in memory: text in, Akoma Ntoso and Markdown out, warnings
//! with their codes. `cargo run --example convert_one -- samples/A_RES_59_159.txt`

use unres::convert::convert_kind;
use unres::emit::{EmitOptions, Format};
use unres::read::{Kind, ReadOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "samples/A_RES_59_159.txt".into());
    let bytes = std::fs::read(&path)?;
    let kind = Kind::from_path(path.as_ref()).unwrap_or(Kind::Text);
    let done = convert_kind(
        kind,
        &bytes,
        &[Format::Akn, Format::Markdown],
        &ReadOptions::default(),
        &EmitOptions::default(),
    )?;
    for w in &done.warnings {
        eprintln!("warning[{}]: {w}", w.code());
    }
    for (format, bytes) in &done.outputs {
        println!("{format}: {} bytes", bytes.len());
    }
    Ok(())
}
