//! Never panic, never hang: the reader and the emitters on damaged input.
//! Inputs are the samples cut, shuffled and sprinkled with awkward
//! characters by a fixed-seed generator, so every run tests the same cases.

use std::fs;
use std::panic;

use unres::convert;
use unres::emit::{EmitOptions, Format};
use unres::read::ReadOptions;

/// A small deterministic generator (xorshift), enough to vary the damage.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const AWKWARD: &[&str] = &[
    "\u{c}",
    "____________",
    "                              ",
    "1",
    "12",
    "(a)",
    "(i)",
    "1.",
    "大会，",
    "The General Assembly,",
    "Annex",
    "2/28",
    "23-25976 (E)",
    "*2325976*",
    "\u{0}",
    "é",
    "\u{200f}",
    "﻿",
    "[",
    "]",
    "-",
    "\u{ad}",
    "٣",
    "１２．",
    "59/159.",
    "  ",
    "\t",
    "\r",
];

fn damaged(base: &str, rng: &mut Rng) -> String {
    let mut lines: Vec<String> = base.lines().map(str::to_string).collect();
    match rng.below(4) {
        0 => {
            let cut = rng.below(lines.len());
            lines.truncate(cut);
        }
        1 => {
            for _ in 0..rng.below(20) {
                let (a, b) = (rng.below(lines.len()), rng.below(lines.len()));
                if a < lines.len() && b < lines.len() {
                    lines.swap(a, b);
                }
            }
        }
        2 => {
            for _ in 0..rng.below(40) {
                let at = rng.below(lines.len() + 1);
                lines.insert(
                    at.min(lines.len()),
                    AWKWARD[rng.below(AWKWARD.len())].to_string(),
                );
            }
        }
        _ => {
            for _ in 0..rng.below(40) {
                let k = rng.below(lines.len());
                if let Some(l) = lines.get_mut(k) {
                    let cut = l
                        .char_indices()
                        .nth(rng.below(l.chars().count() + 1))
                        .map_or(l.len(), |c| c.0);
                    l.insert_str(cut, AWKWARD[rng.below(AWKWARD.len())]);
                }
            }
        }
    }
    lines.join("\n")
}

#[test]
fn damaged_samples_never_panic() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut bases: Vec<String> = fs::read_dir(&root)
        .unwrap()
        .filter_map(|e| fs::read_to_string(e.unwrap().path()).ok())
        .collect();
    bases.sort();
    assert!(!bases.is_empty());
    let mut rng = Rng(0x5eed_u64);
    let formats = [Format::Markdown, Format::Akn];
    let mut converted = 0;
    for round in 0..400 {
        let base = &bases[round % bases.len()];
        let input = damaged(base, &mut rng);
        let result = panic::catch_unwind(|| {
            convert::convert(
                input.as_bytes(),
                &formats,
                &ReadOptions::default(),
                &EmitOptions::default(),
            )
            .is_ok()
        });
        match result {
            Ok(ok) => converted += usize::from(ok),
            Err(_) => panic!("panic on damaged input (round {round}):\n{input}"),
        }
    }
    // Most damage leaves a resolution behind; a reader refusing all would
    // pass the no-panic check vacuously.
    assert!(
        converted > 100,
        "only {converted} of 400 damaged inputs converted"
    );
}
