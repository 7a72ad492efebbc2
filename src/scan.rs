//! Byte scans without a branch per byte. Most text holds none of the few
//! bytes a pass looks for (a control, a second space, a character to
//! escape), yet every pass reads it to its end: flags or-ed over a block
//! of bytes, which the compiler does many at once, pass over such blocks
//! whole, and only a block holding one is looked at byte by byte.

/// The bytes of a block judged at once: one or two vector registers.
const BLOCK: usize = 32;

/// Where in `b` the bytes `rare` says yes to lie, in order. `rare` should
/// be branch-free (comparisons joined with `|`, not `||`) so that whole
/// blocks are judged at once.
pub(crate) fn marked<'a>(
    b: &'a [u8],
    rare: impl Fn(u8) -> bool + Copy + 'a,
) -> impl Iterator<Item = usize> + 'a {
    b.chunks(BLOCK).enumerate().flat_map(move |(k, block)| {
        let any = block.iter().fold(0u8, |any, &c| any | u8::from(rare(c))) != 0;
        let hits = if any { block } else { &[][..] };
        hits.iter()
            .enumerate()
            .filter(move |&(_, &c)| rare(c))
            .map(move |(j, _)| BLOCK * k + j)
    })
}

/// Whether `pred` (branch-free, as for [`marked`]) says yes to a byte of
/// `b`: judged a block at a time, where stopping at the first byte judged
/// yes branched on every byte of the many lines that hold none.
pub(crate) fn any(b: &[u8], pred: impl Fn(u8) -> bool) -> bool {
    b.chunks(BLOCK)
        .any(|block| block.iter().fold(0u8, |any, &c| any | u8::from(pred(c))) != 0)
}

/// How many bytes of `b` `pred` says yes to (`pred` branch-free, as for
/// [`marked`]): byte-wide counts over blocks of 255, summed.
pub(crate) fn count(b: &[u8], pred: impl Fn(u8) -> bool) -> usize {
    b.chunks(255)
        .map(|block| block.iter().fold(0u8, |n, &c| n + u8::from(pred(c))))
        .map(usize::from)
        .sum()
}

/// The runs of characters `keep` says yes to in `text`, in order: the
/// non-empty pieces of `text.split(|c| !keep(c))`. An ASCII byte is taken
/// as its character without decoding (most text is ASCII).
pub(crate) fn runs<'t>(
    text: &'t str,
    keep: impl Fn(char) -> bool + Copy + 't,
) -> impl Iterator<Item = &'t str> + 't {
    // `keep` of each ASCII character, asked once: a byte is then a lookup.
    let ascii: [bool; 128] = std::array::from_fn(|b| keep(char::from(b as u8)));
    let kept = move |at: usize| -> (bool, usize) {
        match text.as_bytes()[at] {
            b if b.is_ascii() => (ascii[usize::from(b)], 1),
            _ => text[at..]
                .chars()
                .next()
                .map_or((false, 1), |c| (keep(c), c.len_utf8())),
        }
    };
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < text.len() {
            let (yes, len) = kept(at);
            if yes {
                break;
            }
            at += len;
        }
        let start = at;
        while at < text.len() {
            let (yes, len) = kept(at);
            if !yes {
                break;
            }
            at += len;
        }
        (at > start).then(|| &text[start..at])
    })
}

/// Whether two spaces follow each other anywhere in `b`.
pub(crate) fn two_spaces(b: &[u8]) -> bool {
    let Some(last) = b.len().checked_sub(1) else {
        return false;
    };
    let (x, y) = (&b[..last], &b[1..]);
    x.iter().zip(y).fold(0u8, |any, (&x, &y)| {
        any | (u8::from(x == b' ') & u8::from(y == b' '))
    }) != 0
}

/// Whether `text` holds `piece`, as `str::contains` says, for the short
/// strings a line or a title is: each place the piece's first byte is, is
/// compared. `str::contains` builds a two-way searcher first, which costs
/// more than such a search; past `SHORT` (product of the lengths) it is
/// used, so a long pair is never searched in quadratic time.
pub(crate) fn holds(text: &str, piece: &str) -> bool {
    const SHORT: usize = 1 << 16;
    let (t, p) = (text.as_bytes(), piece.as_bytes());
    let Some(&first) = p.first() else {
        return true;
    };
    if t.len().saturating_mul(p.len()) > SHORT {
        return text.contains(piece);
    }
    // A piece that is a whole string opens with a character's first byte:
    // the places found are character boundaries.
    memchr::memchr_iter(first, t).any(|at| t[at..].starts_with(p))
}

/// Whether three spaces follow each other anywhere in `b`.
pub(crate) fn three_spaces(b: &[u8]) -> bool {
    let Some(last) = b.len().checked_sub(2) else {
        return false;
    };
    let (x, y, z) = (&b[..last], &b[1..=last], &b[2..]);
    x.iter().zip(y).zip(z).fold(0u8, |any, ((&x, &y), &z)| {
        any | (u8::from(x == b' ') & u8::from(y == b' ') & u8::from(z == b' '))
    }) != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_the_pieces_of_a_split() {
        // Every string of up to three of: ASCII letters, a hyphen, an
        // apostrophe, other ASCII, letters beyond ASCII (two and three
        // bytes), a letter-like sign that is no letter, a mark, a space
        // beyond ASCII; split as two passes split.
        let alphabet = [
            'a', 'Z', '-', '\'', ' ', '1', 'é', 'Ж', 'ب', '中', '№', '\u{301}', '\u{a0}',
        ];
        let keeps: [fn(char) -> bool; 2] = [
            |c| c.is_alphabetic() || c == '-',
            |c| c.is_alphabetic() || c == '\'',
        ];
        for t in crate::lang::tests::every_string(&alphabet, 3) {
            for keep in keeps {
                let split: Vec<&str> = t.split(|c| !keep(c)).filter(|w| !w.is_empty()).collect();
                assert_eq!(runs(&t, keep).collect::<Vec<_>>(), split, "{t:?}");
            }
        }
    }

    /// The positions found are every byte the test says yes to, in order,
    /// wherever the blocks fall.
    #[test]
    fn marked_finds_every_byte_in_order() {
        let rare = |c: u8| (c == b'x') | (c == b'\n');
        for len in [0, 1, 31, 32, 33, 64, 100] {
            for at in (0..len).step_by(7) {
                let mut b = vec![b'a'; len];
                b[at] = b'x';
                if len > 40 {
                    b[len - 1] = b'\n';
                }
                let want: Vec<usize> = (0..len).filter(|&i| rare(b[i])).collect();
                assert_eq!(marked(&b, rare).collect::<Vec<_>>(), want, "{len} {at}");
            }
        }
    }

    /// `any` finds one byte wherever it stands, blocks past the first
    /// included, and none where there is none.
    #[test]
    fn any_finds_a_byte_anywhere() {
        let digit = |c: u8| c.wrapping_sub(b'0') < 10;
        for len in [0, 1, 31, 32, 33, 64, 100] {
            let b = vec![b'a'; len];
            assert!(!any(&b, digit));
            for at in 0..len {
                let mut b = b.clone();
                b[at] = b'7';
                assert!(any(&b, digit), "{len} {at}");
            }
        }
    }

    #[test]
    fn count_counts_past_a_block() {
        let b: Vec<u8> = (0..1000u32).map(|i| (i % 7) as u8).collect();
        assert_eq!(count(&b, |c| c == 3), b.iter().filter(|&&c| c == 3).count());
        assert_eq!(count(&[b'x'; 600], |c| c == b'x'), 600);
        assert_eq!(count(&[], |c| c == b'x'), 0);
    }

    #[test]
    fn three_spaces_as_a_byte_loop_finds_them() {
        let slow = |b: &[u8]| b.windows(3).any(|w| w == b"   ");
        for t in crate::lang::tests::every_string(&[' ', 'a', '\t'], 6) {
            assert_eq!(three_spaces(t.as_bytes()), slow(t.as_bytes()), "{t:?}");
        }
        let mut long = b"a  ".repeat(40);
        assert!(!three_spaces(&long));
        long.insert(70, b' ');
        assert!(three_spaces(&long));
    }

    #[test]
    fn holds_says_what_contains_says() {
        let strings = crate::lang::tests::every_string(&['a', 'b', 'é', '中'], 4);
        for t in &strings {
            for p in &strings {
                assert_eq!(holds(t, p), t.contains(p.as_str()), "{p:?} in {t:?}");
            }
        }
        // Past the short limit, and across it.
        let long = "ab".repeat(300);
        assert!(holds(&long, &"ba".repeat(120)));
        assert!(!holds(&long, &"bb".repeat(120)));
    }

    #[test]
    fn two_spaces_anywhere() {
        assert!(!two_spaces(b""));
        assert!(!two_spaces(b" "));
        assert!(!two_spaces(b" a b "));
        assert!(two_spaces(b"  "));
        let mut long = b"a ".repeat(40);
        assert!(!two_spaces(&long));
        long.insert(70, b' ');
        assert!(two_spaces(&long));
    }
}
