//! zlib streams (`/FlateDecode`) with libdeflate.
//!
//! Deflate was a third of a Chinese PDF's time with zlib-rs: the CJK font
//! subset alone (200 KB) took 3.4–3.9 ms at level 2. libdeflate compresses
//! in one call over the whole buffer, which lets it skip zlib's streaming
//! bookkeeping: at its level 1 the same program takes 1.7 ms for 0.2 % more
//! bytes, and the TrueType subsets of English documents come out 0.5 %
//! smaller in less than half the time. Output depends only on the input and
//! the level, never on the thread.

use std::cell::RefCell;

use libdeflater::{CompressionLvl, Compressor};

/// How hard to try.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effort {
    /// Font programs: outlines gain little from a deeper search.
    Quick,
    /// Page content, character maps and the rest: small, and repetitive.
    Default,
}

impl Effort {
    fn level(self) -> i32 {
        match self {
            Effort::Quick => 1,
            Effort::Default => 6,
        }
    }
}

thread_local! {
    /// One compressor per effort and thread: making one allocates its
    /// match finder, which costs more than compressing a page.
    static COMPRESSORS: RefCell<[Option<Compressor>; 2]> = const { RefCell::new([None, None]) };
}

/// `bytes` in zlib format at `effort`, if that makes them smaller by more
/// than the `/Filter /FlateDecode` entry it costs.
pub fn zlib(bytes: &[u8], effort: Effort) -> Option<Vec<u8>> {
    COMPRESSORS.with(|cell| {
        let mut all = cell.try_borrow_mut().ok()?;
        let slot = &mut all[effort as usize];
        let lvl = CompressionLvl::new(effort.level()).ok()?;
        let c = slot.get_or_insert_with(|| Compressor::new(lvl));
        let mut out = vec![0; c.zlib_compress_bound(bytes.len())];
        let n = c.zlib_compress(bytes, &mut out).ok()?;
        out.truncate(n);
        (n + 19 < bytes.len()).then_some(out)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    /// What comes out inflates, with any zlib reader, to what went in; a
    /// stream that would not shrink is left alone.
    #[test]
    fn zlib_streams_inflate_to_their_input() {
        let text: Vec<u8> = (0..20_000u32)
            .flat_map(|i| format!("BT /F1 10 Tf {} {} Td (x) Tj ET\n", i % 97, i % 13).into_bytes())
            .collect();
        for effort in [Effort::Quick, Effort::Default] {
            let packed = zlib(&text, effort).expect("shrinks");
            assert!(packed.len() * 5 < text.len());
            let mut back = Vec::new();
            flate2::read::ZlibDecoder::new(&packed[..])
                .read_to_end(&mut back)
                .expect("inflates");
            assert_eq!(back, text);
        }
        let noise: Vec<u8> = (0..64u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        assert_eq!(zlib(&noise, Effort::Default), None);
        assert_eq!(zlib(b"", Effort::Quick), None);
    }
}
