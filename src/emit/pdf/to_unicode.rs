//! The ToUnicode CMap of a font: each code drawn to the text it stands for,
//! so that text can be searched and copied out of the PDF.
//!
//! The CMap is the one printpdf writes (its `ToUnicodeCMap`), written here
//! without a string formatted per hex number: printpdf's writer allocated
//! three strings per code, a tenth of a Chinese document's allocations.

/// The CMap named `name` for `codes`, in ascending order, each with its
/// text; codes whose text is empty are left out. Blocks of at most 100
/// codes, never across a change of the code's high byte.
pub fn cmap<'a>(name: &str, codes: impl Iterator<Item = (u16, &'a str)>) -> Vec<u8> {
    let mut out = Vec::with_capacity(1024);
    out.extend_from_slice(
        b"/CIDInit /ProcSet findresource begin\n\n12 dict begin\n\nbegincmap\n\n\
          %!PS-Adobe-3.0 Resource-CMap\n%%DocumentNeededResources: procset CIDInit\n\
          %%IncludeResource: procset CIDInit\n\n/CIDSystemInfo 3 dict dup begin\n\
          /Registry (FontSpecific) def\n/Ordering (",
    );
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b") def\n/Supplement 0 def\nend def\n\n/CMapName /FontSpecific-");
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(
        b" def\n/CMapVersion 1 def\n/CMapType 2 def\n/WMode 0 def\n\n\
          1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let codes: Vec<(u16, &str)> = codes.filter(|(_, text)| !text.is_empty()).collect();
    for group in codes.chunk_by(|a, b| a.0 >> 8 == b.0 >> 8) {
        for block in group.chunks(100) {
            out.extend_from_slice(block.len().to_string().as_bytes());
            out.extend_from_slice(b" beginbfchar\n");
            for &(code, text) in block {
                out.push(b'<');
                hex(&mut out, code);
                out.extend_from_slice(b"> <");
                for unit in text.encode_utf16() {
                    hex(&mut out, unit);
                }
                out.extend_from_slice(b">\n");
            }
            out.extend_from_slice(b"endbfchar\n");
        }
    }
    out.extend_from_slice(b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out
}

/// Four upper-case hex digits.
fn hex(out: &mut Vec<u8>, v: u16) {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    for shift in [12, 8, 4, 0] {
        out.push(DIGITS[usize::from(v >> shift & 0xF)]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// Byte for byte what printpdf writes, over blocks of 100, several high
    /// bytes, empty texts, ligatures and characters beyond the BMP.
    #[test]
    fn the_cmap_is_printpdfs() {
        let texts = ["a", "", "ffi", "𝔸", "回", "\u{0627}\u{064F}", "(", "文字"];
        let codes: Vec<(u16, &str)> = (0..700u16)
            .filter(|c| c % 7 != 3)
            .map(|c| {
                (
                    c * 97 % 4096 + (c / 300) * 0x3000,
                    texts[usize::from(c) % texts.len()],
                )
            })
            .collect::<BTreeMap<_, _>>()
            .into_iter()
            .collect();
        let theirs = printpdf::cmap::ToUnicodeCMap {
            mappings: codes
                .iter()
                .map(|&(c, t)| (u32::from(c), t.chars().map(u32::from).collect()))
                .collect(),
        }
        .to_cmap_string("UNRFAB");
        let ours = cmap("UNRFAB", codes.iter().copied());
        assert_eq!(String::from_utf8(ours).expect("ASCII"), theirs);
        assert!(theirs.matches("beginbfchar").count() > 8);
        assert!(theirs.contains("<D835DD38>"), "a surrogate pair");
    }
}
