//! What the fuzz targets share: reading bytes with each reader, and an IR
//! built from fuzzer bytes for the emitters.

use arbitrary::{Arbitrary, Unstructured};
use unres::ir::{Block, Inline, Paragraph, Resolution};
use unres::read::{self, Kind, ReadOptions};

/// Reads `data` as `kind` through the public API. An `Err` is a clean
/// refusal and fine; a panic, overflow, timeout or running out of memory is
/// a bug. What a reader returns must be in the IR's canonical form.
pub fn read(kind: Kind, data: &[u8]) {
    if let Ok((res, _warnings)) = read::read_bytes(kind, data, &ReadOptions::default()) {
        assert_canonical(&res, kind);
    }
}

/// Every reader ends with `Resolution::normalize`: normalising again
/// changes nothing.
pub fn assert_canonical(res: &Resolution, what: impl std::fmt::Debug) {
    let mut again = res.clone();
    again.normalize();
    assert!(
        again == *res,
        "{what:?}: reader output is not canonical\nread: {res:?}\nnormalized: {again:?}"
    );
}

/// Sub-paragraphs nested deeper than this are not fuzzed: the readers refuse
/// deeper lists (Markdown: 32) and no resolution comes near it.
pub const MAX_PARAGRAPH_DEPTH: usize = 12;
/// Emphasis nested deeper than this is not fuzzed (normalising flattens it
/// to one level anyway).
pub const MAX_INLINE_DEPTH: usize = 16;

/// A resolution in canonical form from fuzzer bytes, or `None` when the
/// bytes make none within the bounds above.
pub fn resolution(data: &[u8]) -> Option<Resolution> {
    let mut res = Resolution::arbitrary_take_rest(Unstructured::new(data)).ok()?;
    let blocks = res
        .preamble
        .iter()
        .chain(&res.body)
        .chain(res.annexes.iter().flat_map(|a| &a.content));
    let inlines_ok = res
        .notes
        .iter()
        .map(|n| &n.content)
        .chain(res.annexes.iter().map(|a| &a.title))
        .all(|i| inlines_depth(i) <= MAX_INLINE_DEPTH);
    if !inlines_ok || !blocks.into_iter().all(block_ok) {
        return None;
    }
    res.normalize();
    Some(res)
}

fn block_ok(b: &Block) -> bool {
    match b {
        Block::Paragraph(p) => paragraph_ok(p, 1),
        Block::Heading(h) => inlines_depth(&h.text) <= MAX_INLINE_DEPTH,
        Block::Table(t) => t
            .rows
            .iter()
            .flatten()
            .all(|c| inlines_depth(c) <= MAX_INLINE_DEPTH),
    }
}

fn paragraph_ok(p: &Paragraph, depth: usize) -> bool {
    depth <= MAX_PARAGRAPH_DEPTH
        && inlines_depth(&p.content) <= MAX_INLINE_DEPTH
        && inlines_depth(&p.wrap_up) <= MAX_INLINE_DEPTH
        && p.items.iter().all(|i| paragraph_ok(i, depth + 1))
}

/// How deep emphasis nests in `parts` (0: none), without recursing more
/// than the bound deep.
fn inlines_depth(parts: &[Inline]) -> usize {
    let mut deepest = 0;
    let mut stack: Vec<(&[Inline], usize)> = vec![(parts, 0)];
    while let Some((parts, d)) = stack.pop() {
        deepest = deepest.max(d);
        if d > MAX_INLINE_DEPTH {
            break;
        }
        for p in parts {
            if let Inline::Emphasis(inner) = p {
                stack.push((inner, d + 1));
            }
        }
    }
    deepest
}
