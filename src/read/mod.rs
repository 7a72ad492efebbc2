//! Readers: each turns one input format into the IR.
//!
//! `read::<format>::read(text, &ReadOptions) -> Result<Resolution, ReadError>`.

pub mod akn;
pub mod markdown;
pub mod text;

use crate::error::ReadError;
use crate::ir::Lang;

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
}

impl Kind {
    /// The kind a file name's extension names; `None` when unknown.
    pub fn from_path(path: &std::path::Path) -> Option<Kind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(Kind::Text),
            "md" | "markdown" => Some(Kind::Markdown),
            "xml" | "akn" => Some(Kind::Akn),
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
            other => Err(format!(
                "unknown input kind {other:?} (expected text, md or akn)"
            )),
        }
    }
}

/// Options shared by all readers.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Language of the input; detected from the text when `None`.
    pub lang: Option<Lang>,
}

/// Decodes input bytes to text: UTF-8 with or without BOM, UTF-16 with BOM.
/// Refuses empty and binary input with a reason.
pub fn decode(bytes: &[u8]) -> Result<String, ReadError> {
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_INPUT_BYTES,
        });
    }
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8(rest)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes)?
    } else {
        utf8(bytes)?
    };
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    if text.contains('\0') {
        return Err(ReadError::Binary("contains NUL characters".into()));
    }
    Ok(text)
}

fn utf8(bytes: &[u8]) -> Result<String, ReadError> {
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        ReadError::Binary(format!(
            "not valid UTF-8 (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
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
    fn refuses_bad_input() {
        assert!(matches!(decode(b""), Err(ReadError::Empty)));
        assert!(matches!(decode(b" \n\n "), Err(ReadError::Empty)));
        assert!(matches!(decode(b"\xff\xfe\x00"), Err(ReadError::Binary(_))));
        assert!(matches!(decode(b"a\0b"), Err(ReadError::Binary(_))));
        assert!(matches!(decode(b"\x80\x81"), Err(ReadError::Binary(_))));
    }
}
