//! Readers: each turns one input format into the IR.
//!
//! Every reader has the same signature, `read::<format>::read(text,
//! &ReadOptions) -> Result<(Resolution, Vec<Warning>), ReadError>`: the IR
//! in canonical form and what the reader noticed on the way.

pub mod akn;
pub mod layout;
pub mod markdown;
pub mod pdf;
pub mod text;

use crate::error::ReadError;
use crate::ir::{meta, Lang, Resolution, Warning};

/// Inputs larger than this are refused rather than read: no resolution comes
/// near it, and it bounds memory per document in a batch.
pub const MAX_INPUT_BYTES: u64 = 16 * 1024 * 1024;

/// The input formats a reader exists for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Text extracted from the official PDF (`.txt`).
    Text,
    /// Markdown as `emit::markdown` writes it (`.md`).
    Markdown,
    /// Akoma Ntoso XML, AKN4UN profile (`.xml`, `.akn`).
    Akn,
    /// The official PDF itself (`.pdf`): bytes, not text.
    Pdf,
}

impl Kind {
    /// Every input kind, in the order `--list-formats` shows them.
    pub const ALL: &'static [Kind] = &[Kind::Text, Kind::Markdown, Kind::Akn, Kind::Pdf];

    /// The name `--from` takes.
    pub fn name(self) -> &'static str {
        // A new kind fails to compile here until it is named (and added to
        // `ALL` above).
        match self {
            Kind::Text => "text",
            Kind::Markdown => "md",
            Kind::Akn => "akn",
            Kind::Pdf => "pdf",
        }
    }

    /// What the kind is, for `--list-formats`.
    pub fn description(self) -> &'static str {
        match self {
            Kind::Text => {
                "text extracted from the official PDF (pdfminer, pdftotext, PyMuPDF, pypdf)"
            }
            Kind::Markdown => "Markdown as unres writes it (YAML front matter, footnotes)",
            Kind::Akn => "Akoma Ntoso 3.0 XML, AKN4UN profile",
            Kind::Pdf => "the official PDF itself (or one unres wrote)",
        }
    }

    /// The kind a file name's extension names; `None` when unknown.
    pub fn from_path(path: &std::path::Path) -> Option<Kind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(Kind::Text),
            "md" | "markdown" => Some(Kind::Markdown),
            "xml" | "akn" => Some(Kind::Akn),
            "pdf" => Some(Kind::Pdf),
            _ => None,
        }
    }
}

impl std::str::FromStr for Kind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "text" | "txt" => Ok(Kind::Text),
            "md" | "markdown" => Ok(Kind::Markdown),
            "akn" | "xml" => Ok(Kind::Akn),
            "pdf" => Ok(Kind::Pdf),
            other => Err(format!(
                "unknown input kind {other:?} (expected text, md, akn or pdf)"
            )),
        }
    }
}

/// Options shared by all readers.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Language of the input; detected from the text when `None`.
    pub lang: Option<Lang>,
    /// Metadata set over what the reader found (`--metadata key=value`),
    /// applied in order after reading, whatever the input kind.
    pub metadata: Vec<meta::Override>,
}

/// Reads decoded text of the given kind into the IR (a PDF is read from
/// the bytes of `text`; `convert::read_kind` hands PDFs over undecoded).
pub fn read(
    kind: Kind,
    text: &str,
    opts: &ReadOptions,
) -> Result<(Resolution, Vec<Warning>), ReadError> {
    let read = match kind {
        Kind::Text => text::read(text, opts),
        Kind::Markdown => markdown::read(text, opts),
        Kind::Akn => akn::read(text, opts),
        Kind::Pdf => pdf::read(text.as_bytes(), opts),
    };
    with_overrides(read, opts)
}

/// Reads input bytes of the given kind: a PDF as bytes, the others decoded
/// to text first ([`decode`]).
pub fn read_bytes(
    kind: Kind,
    bytes: &[u8],
    opts: &ReadOptions,
) -> Result<(Resolution, Vec<Warning>), ReadError> {
    if kind != Kind::Pdf {
        return read(kind, &decode(bytes)?, opts);
    }
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_INPUT_BYTES,
        });
    }
    with_overrides(pdf::read(bytes, opts), opts)
}

/// [`read_bytes`] of bytes the caller gives up (the batch): text input is
/// decoded in place rather than copied.
pub fn read_owned(
    kind: Kind,
    bytes: Vec<u8>,
    opts: &ReadOptions,
) -> Result<(Resolution, Vec<Warning>), ReadError> {
    if kind == Kind::Pdf {
        return read_bytes(kind, &bytes, opts);
    }
    read(kind, &decode_owned(bytes)?, opts)
}

/// The metadata given on the command line (`--metadata`), set over what
/// the reader found.
fn with_overrides(
    read: Result<(Resolution, Vec<Warning>), ReadError>,
    opts: &ReadOptions,
) -> Result<(Resolution, Vec<Warning>), ReadError> {
    let (mut res, warnings) = read?;
    if !opts.metadata.is_empty() {
        for o in &opts.metadata {
            o.apply(&mut res.meta);
        }
        // A value given on the command line is text like any the readers
        // found, made canonical the same way (whitespace runs one space,
        // controls dropped): written as given, a tab or a line break came
        // back cleaned when the output was read again.
        res.meta.normalize();
    }
    Ok((res, warnings))
}

/// File extensions a directory walk picks up as inputs: one entry per format
/// the readers accept, so adding a reader adds one word here.
pub const EXTENSIONS: &[&str] = &["txt", "md", "xml", "pdf"];

/// Whether a file found while walking a directory is an input, by extension
/// (case-insensitive).
pub fn accepts(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Decodes input bytes to text: UTF-8 with or without BOM, UTF-16 with BOM,
/// and GB18030/GBK Chinese text (detected when the bytes are not UTF-8).
/// Refuses empty, binary and otherwise undecodable input with a reason.
pub fn decode(bytes: &[u8]) -> Result<String, ReadError> {
    decode_owned(bytes.to_vec())
}

/// [`decode`] of bytes the caller gives up: UTF-8 becomes the text in the
/// same buffer, so a large input is not held twice.
pub fn decode_owned(mut bytes: Vec<u8>) -> Result<String, ReadError> {
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_INPUT_BYTES,
        });
    }
    let text = if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
        String::from_utf8(bytes).map_err(|e| not_utf8(e.utf8_error()))?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(b"\x84\x31\x95\x33") {
        // The GB18030 encoding of U+FEFF.
        gb18030(rest)?
    } else if bytes.contains(&0) {
        return Err(ReadError::Binary(
            "contains NUL bytes (not text; UTF-16 needs a byte order mark)".into(),
        ));
    } else if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: `bytes` were validated as UTF-8 just above. (The standard
        // validation goes a byte at a time through text beyond ASCII: a
        // third of decoding a Chinese resolution, a tenth of simdutf8's.)
        unsafe { String::from_utf8_unchecked(bytes) }
    } else {
        match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) if looks_like_gb(e.as_bytes()) => {
                gb18030(e.as_bytes()).map_err(|_| not_utf8(e.utf8_error()))?
            }
            Err(e) => return Err(not_utf8(e.utf8_error())),
        }
    };
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    check_not_binary(&text)?;
    Ok(text)
}

/// Text extracted from PDFs holds letters, spaces, newlines and form feeds;
/// a noticeable share of other control characters means it is not text.
fn check_not_binary(text: &str) -> Result<(), ReadError> {
    if text.contains('\0') {
        return Err(ReadError::Binary("contains NUL characters".into()));
    }
    // Controls counted on the bytes: C0 but tab, newlines, VT and FF; DEL;
    // the C1 range U+0080–U+009F (0xC2 0x80–0x9F).
    let b = text.as_bytes();
    let c0 = crate::scan::count(b, |c| {
        ((c < 0x20) & (c.wrapping_sub(b'\t') > 4)) | (c == 0x7f)
    });
    let c1 = crate::scan::marked(b, |c| c == 0xc2)
        .filter(|&at| b.get(at + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
        .count();
    let control = c0 + c1;
    if control == 0 {
        return Ok(());
    }
    let total = text.chars().count();
    if control * 100 > total {
        return Err(ReadError::Binary(format!(
            "{control} control characters in {total}"
        )));
    }
    Ok(())
}

fn not_utf8(e: std::str::Utf8Error) -> ReadError {
    ReadError::Binary(format!(
        "not UTF-8, UTF-16 with BOM or GB18030 text (first bad byte at offset {})",
        e.valid_up_to()
    ))
}

/// Whether non-UTF-8 bytes look like GB18030/GBK Chinese: most multi-byte
/// sequences must be two bytes in the GB2312 range (0xA1–0xFE both), where
/// nearly all Chinese text lies. A Latin-1 or Windows-1252 text also pairs up
/// into GBK sequences ("é" + "t"), but their second byte is mostly ASCII,
/// so it fails this test instead of being decoded into nonsense.
fn looks_like_gb(bytes: &[u8]) -> bool {
    let (mut seqs, mut gb2312) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        if !(0x81..=0xFE).contains(&b) || i + 1 >= bytes.len() {
            return false;
        }
        let t = bytes[i + 1];
        seqs += 1;
        if t.is_ascii_digit() {
            i += 4; // four-byte GB18030 sequence
        } else {
            if (0xA1..=0xFE).contains(&b) && (0xA1..=0xFE).contains(&t) {
                gb2312 += 1;
            }
            i += 2;
        }
    }
    seqs > 0 && gb2312 * 10 >= seqs * 9
}

fn gb18030(bytes: &[u8]) -> Result<String, ReadError> {
    encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|c| c.into_owned())
        .ok_or_else(|| ReadError::Binary("invalid GB18030".into()))
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, ReadError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(ReadError::Binary(
            "UTF-16 with an odd number of bytes".into(),
        ));
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| ReadError::Binary("invalid UTF-16".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Metadata given on the command line is cleaned as read text is, so
    /// the Markdown written from it reads back to the same IR.
    #[test]
    fn command_line_metadata_is_canonical_and_reads_back() {
        let text = include_str!("../../samples/A_RES_59_159.txt");
        for (value, clean) in [
            ("tab\there", "tab here"),
            ("line\nbreak", "line break"),
            ("a\u{1}b", "ab"),
            ("  wide   gaps ", "wide gaps"),
        ] {
            let opts = ReadOptions {
                metadata: vec![
                    meta::Override::parse(&format!("committee={value}")).expect("parses")
                ],
                ..ReadOptions::default()
            };
            let (res, _) = read(Kind::Text, text, &opts).expect("reads");
            assert_eq!(res.meta.committee.as_deref(), Some(clean), "{value:?}");
            let md = crate::emit::markdown::write(&res, &Default::default()).expect("writes");
            let md = String::from_utf8(md).expect("UTF-8");
            let (back, _) = read(Kind::Markdown, &md, &ReadOptions::default()).expect("reads back");
            assert_eq!(back.meta, res.meta, "{value:?}");
        }
    }

    #[test]
    fn controls_are_counted_per_character_on_the_bytes() {
        // U+0001–U+07FF: 26 C0 controls (tab, newlines, VT and FF are
        // allowed), DEL and 32 C1 controls, in 2,047 characters.
        let text: String = (1..0x800u32).filter_map(char::from_u32).collect();
        let want = text
            .chars()
            .filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0b' | '\x0c'))
            .count();
        assert_eq!(want, 59);
        let Err(ReadError::Binary(m)) = check_not_binary(&text) else {
            panic!("2.9 % controls is binary");
        };
        assert_eq!(m, "59 control characters in 2047");
        let mostly_text = format!("{}\u{85}", "x".repeat(99));
        assert!(check_not_binary(&mostly_text).is_ok(), "1 in 100 is text");
    }

    #[test]
    fn decodes_boms() {
        assert_eq!(decode("\u{feff}大会".as_bytes()).unwrap(), "大会");
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("大会，".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le).unwrap(), "大会，");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("ab".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be).unwrap(), "ab");
    }

    #[test]
    fn takes_as_utf8_exactly_what_the_standard_validation_takes() {
        // After a text long enough for the vector path, every pair of
        // bytes in turn: truncated, overlong and surrogate sequences among
        // them, and the valid ones, which must come back unchanged.
        let lead = "大会，回顾其决议。Assembly resolution text. ".repeat(20);
        for a in 0..=255u8 {
            for b in (0..=255u8).step_by(3) {
                let mut bytes = lead.as_bytes().to_vec();
                bytes.extend_from_slice(&[a, b, b'x']);
                let got = decode_owned(bytes.clone());
                match std::str::from_utf8(&bytes) {
                    // NUL is refused as binary; two other controls in 600
                    // characters is let through.
                    Ok(s) if s.contains('\0') => assert!(got.is_err()),
                    Ok(s) => assert_eq!(got.ok().as_deref(), Some(s), "{a:x} {b:x}"),
                    // Refused, or read as GB18030: never taken as it is.
                    Err(_) => assert!(
                        !got.is_ok_and(|t| t.as_bytes() == bytes.as_slice()),
                        "{a:x} {b:x}"
                    ),
                }
            }
        }
    }

    #[test]
    fn decodes_gb18030_and_gbk() {
        let text = "大会，\n回顾其 1991 年 12 月 18 日第 46/152 号决议，";
        let (gb, _, bad) = encoding_rs::GB18030.encode(text);
        assert!(!bad);
        assert!(std::str::from_utf8(&gb).is_err(), "really not UTF-8");
        assert_eq!(decode(&gb).unwrap(), text);
        let mut with_bom = b"\x84\x31\x95\x33".to_vec();
        with_bom.extend_from_slice(&gb);
        assert_eq!(decode(&with_bom).unwrap(), text);
    }

    #[test]
    fn refuses_latin1_rather_than_reading_it_as_gbk() {
        // "été à Genève" in Windows-1252: valid GBK byte pairs, but not Chinese.
        let latin1 = b"Assembl\xe9e g\xe9n\xe9rale, \xe9t\xe9 \xe0 Gen\xe8ve";
        let err = decode(latin1).unwrap_err();
        assert!(matches!(err, ReadError::Binary(_)), "{err}");
    }

    #[test]
    fn refuses_random_bytes_as_binary() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let bytes: Vec<u8> = (0..20 * 1024)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 24) as u8
            })
            .collect();
        assert!(matches!(decode(&bytes), Err(ReadError::Binary(_))));
        // Random bytes with the NULs taken out are still not text.
        let no_nul: Vec<u8> = bytes.iter().map(|&b| b.max(1)).collect();
        assert!(matches!(decode(&no_nul), Err(ReadError::Binary(_))));
        // Control characters in otherwise valid UTF-8.
        let ctl: String = "ab\u{1}\u{2}\u{3}".repeat(50);
        assert!(matches!(decode(ctl.as_bytes()), Err(ReadError::Binary(_))));
        // C1 controls count too (U+0085), not the letters that share
        // their lead byte (é is 0xC3, ¢ is 0xC2 0xA2); one in a long text
        // is a stray, not a sign of binary.
        let c1: String = "ab\u{85}".repeat(100);
        assert!(matches!(decode(c1.as_bytes()), Err(ReadError::Binary(_))));
        let latin = format!("{}\u{85}", "é¢ word ".repeat(400));
        assert!(decode(latin.as_bytes()).is_ok());
    }

    #[test]
    fn keeps_form_feeds_and_accepts_txt() {
        assert_eq!(decode(b"a\x0cb\r\n").unwrap(), "a\x0cb\r\n");
        assert!(accepts(std::path::Path::new("x/A.TXT")));
        assert!(accepts(std::path::Path::new("x/A.md")));
        assert!(accepts(std::path::Path::new("x/A.xml")));
        assert!(!accepts(std::path::Path::new("x/A.json")));
        assert!(accepts(std::path::Path::new("x/A.PDF")));
        assert!(!accepts(std::path::Path::new("x/txt")));
    }

    #[test]
    fn refuses_bad_input() {
        assert!(matches!(decode(b""), Err(ReadError::Empty)));
        assert!(matches!(decode(b" \n\n "), Err(ReadError::Empty)));
        assert!(matches!(decode(b"\xff\xfe\x00"), Err(ReadError::Binary(_))));
        assert!(matches!(decode(b"a\0b"), Err(ReadError::Binary(_))));
        assert!(matches!(decode(b"\x80\x81"), Err(ReadError::Binary(_))));
    }
}
