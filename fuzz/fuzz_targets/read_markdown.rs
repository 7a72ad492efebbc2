//! Bytes into the markdown reader (`read::read_bytes(Kind::Markdown, …)`): a clean
//! `Err` or a canonical IR, never a panic, overflow, timeout or OOM.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unres::read::Kind;

fuzz_target!(|data: &[u8]| unres_fuzz::read(Kind::Markdown, data));
