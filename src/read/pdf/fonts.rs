//! Fonts: from the codes a content stream shows to Unicode text and glyph
//! advances. A code no map decodes is counted, never guessed.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object};

use super::Budget;

/// What one shown code stands for (its text goes to the caller's string).
#[derive(Debug, Clone, PartialEq)]
pub struct Code {
    /// Whether a map of the font decoded the code.
    pub decoded: bool,
    /// Advance in thousandths of the font size (glyph space / 1000).
    pub width: f64,
    /// A single-byte code 32, to which the word spacing `Tw` applies.
    pub is_space: bool,
}

/// A font as the interpreter needs it: decoding, widths, face.
#[derive(Debug, Clone, Default)]
pub struct Font {
    /// The base font name without its subset prefix ("ABCDEF+"), shared
    /// by every run in the font.
    pub name: std::rc::Rc<str>,
    /// Whether the face is bold (name, flags or weight).
    pub bold: bool,
    /// Whether the face is italic (name, flags or angle).
    pub italic: bool,
    /// Codespace ranges (byte length, low, high) for splitting strings into
    /// codes; empty means one byte per code.
    codespace: Vec<(u8, u32, u32)>,
    /// From the font's ToUnicode CMap.
    to_unicode: HashMap<(u8, u32), String>,
    /// The simple font's encoding (base encoding with `/Differences`).
    simple: Option<Box<[Option<char>; 256]>>,
    /// Explicit widths per code.
    widths: HashMap<u32, f64>,
    default_width: f64,
    /// A predefined UCS-2/UTF-16 CMap: codes are Unicode themselves.
    unicode_codes: bool,
}

impl Font {
    /// Reads a font dictionary; whatever it lacks falls back to a default
    /// rather than failing the page.
    pub fn from_dict(doc: &Document, dict: &Dictionary, budget: &mut Budget) -> Font {
        let name = name_of(doc, dict, b"BaseFont").unwrap_or_default();
        let name = strip_subset(&name).into();
        let subtype = name_of(doc, dict, b"Subtype").unwrap_or_default();
        let mut font = Font {
            name,
            default_width: 1000.0,
            ..Font::default()
        };
        let mut descriptor = deref(doc, dict.get(b"FontDescriptor").ok()).and_then(as_dict);
        if subtype == "Type0" {
            let desc = deref(doc, dict.get(b"DescendantFonts").ok())
                .and_then(|o| o.as_array().ok())
                .and_then(|a| deref(doc, a.first()))
                .and_then(as_dict);
            if let Some(d) = desc {
                descriptor = deref(doc, d.get(b"FontDescriptor").ok()).and_then(as_dict);
                font.cid_widths(doc, d);
            }
            let enc = name_of(doc, dict, b"Encoding").unwrap_or_default();
            font.unicode_codes = enc.starts_with("UniGB-UCS2")
                || enc.starts_with("UniGB-UTF16")
                || enc.contains("UCS2")
                || enc.contains("UTF16");
            font.codespace = vec![(2, 0, 0xFFFF)];
        } else {
            font.simple_widths(doc, dict, descriptor);
            font.simple = Some(simple_encoding(doc, dict, &subtype, descriptor));
        }
        font.face(doc, descriptor);
        if let Some(stream) =
            deref(doc, dict.get(b"ToUnicode").ok()).and_then(|o| o.as_stream().ok())
        {
            if let Some(data) = budget.decompress(stream) {
                let cmap = parse_cmap(&data);
                font.to_unicode = cmap.map;
                if !cmap.codespace.is_empty() && subtype == "Type0" {
                    font.codespace = cmap.codespace;
                }
            }
        }
        font
    }

    /// Bold and italic from the name, the descriptor's flags, weight and angle.
    fn face(&mut self, doc: &Document, descriptor: Option<&Dictionary>) {
        let lower = self.name.to_ascii_lowercase();
        self.bold = lower.contains("bold") || lower.contains("black") || lower.contains("heavy");
        self.italic = lower.contains("italic") || lower.contains("oblique");
        if let Some(d) = descriptor {
            let num = |k: &[u8]| deref(doc, d.get(k).ok()).and_then(number);
            let flags = num(b"Flags").unwrap_or(0.0) as i64;
            self.italic |= flags & 64 != 0 || num(b"ItalicAngle").is_some_and(|a| a.abs() > 0.5);
            self.bold |= flags & (1 << 18) != 0 || num(b"FontWeight").is_some_and(|w| w >= 600.0);
        }
    }

    fn simple_widths(&mut self, doc: &Document, dict: &Dictionary, desc: Option<&Dictionary>) {
        let first = deref(doc, dict.get(b"FirstChar").ok())
            .and_then(number)
            .unwrap_or(0.0) as u32;
        if let Some(ws) = deref(doc, dict.get(b"Widths").ok()).and_then(|o| o.as_array().ok()) {
            for (i, w) in ws.iter().enumerate().take(256) {
                if let Some(w) = deref(doc, Some(w)).and_then(number) {
                    self.widths.insert(first + i as u32, w);
                }
            }
        }
        self.default_width = desc
            .and_then(|d| deref(doc, d.get(b"MissingWidth").ok()))
            .and_then(number)
            .unwrap_or(if self.widths.is_empty() { 500.0 } else { 0.0 });
    }

    /// `/W` (`c [w1 w2 …]` and `c1 c2 w`) and `/DW` of a CIDFont.
    fn cid_widths(&mut self, doc: &Document, d: &Dictionary) {
        if let Some(dw) = deref(doc, d.get(b"DW").ok()).and_then(number) {
            self.default_width = dw;
        }
        let Some(w) = deref(doc, d.get(b"W").ok()).and_then(|o| o.as_array().ok()) else {
            return;
        };
        let mut i = 0;
        while i < w.len() && self.widths.len() < 1 << 16 {
            let Some(c1) = deref(doc, w.get(i)).and_then(number) else {
                break;
            };
            match deref(doc, w.get(i + 1)) {
                Some(Object::Array(list)) => {
                    for (k, x) in list.iter().enumerate().take(1 << 16) {
                        if let Some(x) = deref(doc, Some(x)).and_then(number) {
                            self.widths.insert(c1 as u32 + k as u32, x);
                        }
                    }
                    i += 2;
                }
                Some(o) => {
                    let c2 = number(o).unwrap_or(c1);
                    let x = deref(doc, w.get(i + 2))
                        .and_then(number)
                        .unwrap_or(self.default_width);
                    let (lo, hi) = (c1 as u32, (c2 as u32).min(c1 as u32 + (1 << 16)));
                    for c in lo..=hi {
                        self.widths.insert(c, x);
                    }
                    i += 3;
                }
                None => break,
            }
        }
    }

    /// Splits a shown string into codes, appends the text of each to
    /// `text`, and says what each was.
    pub fn decode(&self, bytes: &[u8], text: &mut String) -> Vec<Code> {
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let len = self.code_len(&bytes[i..]);
            let code = bytes[i..i + len]
                .iter()
                .fold(0u32, |a, &b| a << 8 | b as u32);
            out.push(Code {
                decoded: self.text_of(len as u8, code, text),
                width: self
                    .widths
                    .get(&code)
                    .copied()
                    .unwrap_or(self.default_width),
                is_space: len == 1 && code == 32,
            });
            i += len;
        }
        out
    }

    /// The length of the code at the start of `bytes`: the shortest
    /// codespace range that holds it, one byte when none does.
    fn code_len(&self, bytes: &[u8]) -> usize {
        if self.codespace.is_empty() {
            return 1;
        }
        for len in 1..=4usize.min(bytes.len()) {
            let code = bytes[..len].iter().fold(0u32, |a, &b| a << 8 | b as u32);
            if self
                .codespace
                .iter()
                .any(|&(l, lo, hi)| l as usize == len && (lo..=hi).contains(&code))
            {
                return len;
            }
        }
        let widest = self
            .codespace
            .iter()
            .map(|c| c.0 as usize)
            .max()
            .unwrap_or(1);
        widest.clamp(1, bytes.len())
    }

    fn text_of(&self, len: u8, code: u32, text: &mut String) -> bool {
        if let Some(t) = self.to_unicode.get(&(len, code)) {
            text.push_str(t);
            return true;
        }
        let c = if self.unicode_codes {
            char::from_u32(code)
        } else {
            match &self.simple {
                Some(simple) if len == 1 => simple[code as usize],
                _ => None,
            }
        };
        c.map(|c| text.push(c)).is_some()
    }
}

fn strip_subset(name: &str) -> &str {
    match name.split_once('+') {
        Some((tag, rest)) if tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()) => rest,
        _ => name,
    }
}

/// The simple font's code → character table: the base encoding (the one
/// named, or WinAnsi, which the fonts we meet use by default), then
/// `/Differences` with glyph names.
fn simple_encoding(
    doc: &Document,
    dict: &Dictionary,
    subtype: &str,
    descriptor: Option<&Dictionary>,
) -> Box<[Option<char>; 256]> {
    let enc = deref(doc, dict.get(b"Encoding").ok());
    let (base, diffs) = match enc {
        Some(Object::Name(n)) => (n.as_slice(), None),
        Some(Object::Dictionary(d)) => (
            d.get(b"BaseEncoding")
                .and_then(|o| o.as_name())
                .unwrap_or(b""),
            deref(doc, d.get(b"Differences").ok()).and_then(|o| o.as_array().ok()),
        ),
        _ => (&b""[..], None),
    };
    let symbolic = descriptor
        .and_then(|d| d.get(b"Flags").ok())
        .and_then(number)
        .is_some_and(|f| (f as i64) & 4 != 0);
    let mut table: Box<[Option<char>; 256]> = Box::new([None; 256]);
    for (i, slot) in table.iter_mut().enumerate() {
        let b = i as u8;
        *slot = match base {
            b"MacRomanEncoding" => single(encoding_rs::MACINTOSH, b),
            b"StandardEncoding" => standard(b),
            b"WinAnsiEncoding" => single(encoding_rs::WINDOWS_1252, b),
            _ if subtype == "Type1" && !symbolic => standard(b),
            _ => single(encoding_rs::WINDOWS_1252, b),
        };
    }
    let mut code = 0usize;
    for item in diffs.into_iter().flatten() {
        match item {
            Object::Integer(n) => code = (*n).clamp(0, 255) as usize,
            Object::Name(n) => {
                if code < 256 {
                    table[code] = glyph_char(n);
                }
                code += 1;
            }
            _ => {}
        }
    }
    table
}

/// One byte through a single-byte encoding; control codes decode to nothing.
fn single(enc: &'static encoding_rs::Encoding, b: u8) -> Option<char> {
    if b < 0x20 || b == 0x7F {
        return None;
    }
    let bytes = [b];
    let (text, _, bad) = enc.decode(&bytes);
    let c = text.chars().next()?;
    (!bad && !c.is_control()).then_some(c)
}

/// Adobe StandardEncoding: ASCII with curly single quotes, and its own
/// upper half.
fn standard(b: u8) -> Option<char> {
    const HIGH: &str = "¡¢£⁄¥ƒ§¤'“«‹›ﬁﬂ\0–†‡·\0¶•‚„”»…‰\0¿\0`´ˆ˜¯˘˙¨\0˚¸\0˝˛ˇ—";
    match b {
        0x27 => Some('’'),
        0x60 => Some('‘'),
        0x20..=0x7E => Some(b as char),
        0xA1..=0xD0 => HIGH.chars().nth((b - 0xA1) as usize).filter(|&c| c != '\0'),
        0xE1 => Some('Æ'),
        0xE3 => Some('ª'),
        0xE8 => Some('Ł'),
        0xE9 => Some('Ø'),
        0xEA => Some('Œ'),
        0xEB => Some('º'),
        0xF1 => Some('æ'),
        0xF5 => Some('ı'),
        0xF8 => Some('ł'),
        0xF9 => Some('ø'),
        0xFA => Some('œ'),
        0xFB => Some('ß'),
        _ => None,
    }
}

/// Glyph names of printable ASCII, from 0x20.
const ASCII_NAMES: &str = "space exclam quotedbl numbersign dollar percent ampersand quotesingle \
    parenleft parenright asterisk plus comma hyphen period slash zero one two three four five six \
    seven eight nine colon semicolon less equal greater question at";
const ASCII_NAMES_2: &str = "bracketleft backslash bracketright asciicircum underscore grave";
const ASCII_NAMES_3: &str = "braceleft bar braceright asciitilde";
/// Glyph names of Windows-1252 0x80–0x9F ("-" where unassigned).
const CP1252_NAMES: &str = "Euro - quotesinglbase florin quotedblbase ellipsis dagger daggerdbl \
    circumflex perthousand Scaron guilsinglleft OE - Zcaron - - quoteleft quoteright quotedblleft \
    quotedblright bullet endash emdash tilde trademark scaron guilsinglright oe - zcaron Ydieresis";
/// Glyph names of Latin-1 U+00A0–U+00FF.
const LATIN1_NAMES: &str = "nbspace exclamdown cent sterling currency yen brokenbar section \
    dieresis copyright ordfeminine guillemotleft logicalnot sfthyphen registered macron degree \
    plusminus twosuperior threesuperior acute mu paragraph periodcentered cedilla onesuperior \
    ordmasculine guillemotright onequarter onehalf threequarters questiondown Agrave Aacute \
    Acircumflex Atilde Adieresis Aring AE Ccedilla Egrave Eacute Ecircumflex Edieresis Igrave \
    Iacute Icircumflex Idieresis Eth Ntilde Ograve Oacute Ocircumflex Otilde Odieresis multiply \
    Oslash Ugrave Uacute Ucircumflex Udieresis Yacute Thorn germandbls agrave aacute acircumflex \
    atilde adieresis aring ae ccedilla egrave eacute ecircumflex edieresis igrave iacute \
    icircumflex idieresis eth ntilde ograve oacute ocircumflex otilde odieresis divide oslash \
    ugrave uacute ucircumflex udieresis yacute thorn ydieresis";
/// Other names the fonts we meet use.
const OTHER_NAMES: &[(&str, char)] = &[
    ("fi", '\u{FB01}'),
    ("fl", '\u{FB02}'),
    ("ff", '\u{FB00}'),
    ("ffi", '\u{FB03}'),
    ("ffl", '\u{FB04}'),
    ("minus", '−'),
    ("nonbreakingspace", '\u{A0}'),
    ("dotlessi", 'ı'),
    ("Lslash", 'Ł'),
    ("lslash", 'ł'),
    ("fraction", '⁄'),
    ("quotedblbase", '„'),
    ("hyphenminus", '-'),
    ("softhyphen", '\u{AD}'),
    ("middot", '·'),
];

/// A glyph name to its character: the common names of the Adobe Glyph
/// List (ASCII, Windows-1252, Latin-1, ligatures), `uniXXXX`, `uXXXX[XX]`.
pub fn glyph_char(name: &[u8]) -> Option<char> {
    let name = name.split(|&b| b == b'.').next().unwrap_or(name);
    let s = std::str::from_utf8(name).ok()?;
    if s.len() == 1 && s.as_bytes()[0].is_ascii_alphabetic() {
        return s.chars().next();
    }
    let find = |list: &str, start: u32| {
        list.split_whitespace()
            .position(|n| n == s)
            .and_then(|i| char::from_u32(start + i as u32))
    };
    let cp1252 = || {
        let i = CP1252_NAMES.split_whitespace().position(|n| n == s)?;
        single(encoding_rs::WINDOWS_1252, 0x80 + i as u8)
    };
    if let Some(c) = find(ASCII_NAMES, 0x20)
        .or_else(|| find(ASCII_NAMES_2, 0x5B))
        .or_else(|| find(ASCII_NAMES_3, 0x7B))
        .or_else(cp1252)
        .or_else(|| find(LATIN1_NAMES, 0xA0))
        .or_else(|| OTHER_NAMES.iter().find(|(n, _)| *n == s).map(|p| p.1))
    {
        return Some(c);
    }
    let hex = s.strip_prefix("uni").or_else(|| s.strip_prefix('u'))?;
    if !(4..=6).contains(&hex.len()) || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    char::from_u32(u32::from_str_radix(hex, 16).ok()?)
}

/// What a ToUnicode CMap says.
#[derive(Debug, Default)]
pub struct CMap {
    /// Codespace ranges: byte length, low and high code.
    pub codespace: Vec<(u8, u32, u32)>,
    /// (byte length, code) to the text it stands for.
    pub map: HashMap<(u8, u32), String>,
}

/// The CMap's tokens: hex strings (with their byte length), numbers,
/// names and operators, and array brackets.
#[derive(Debug, PartialEq)]
enum Tok {
    Hex(Vec<u8>),
    Word(String),
    Open,
    Close,
}

fn tokens(data: &[u8]) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        match b {
            b'<' => {
                let end = data[i..]
                    .iter()
                    .position(|&c| c == b'>')
                    .map_or(data.len(), |p| i + p);
                let digits: Vec<u8> = data[i + 1..end]
                    .iter()
                    .copied()
                    .filter(u8::is_ascii_hexdigit)
                    .collect();
                let mut bytes: Vec<u8> = digits
                    .chunks(2)
                    .map(|c| {
                        let s = std::str::from_utf8(c).unwrap_or("0");
                        u8::from_str_radix(s, 16).unwrap_or(0) << if c.len() == 1 { 4 } else { 0 }
                    })
                    .collect();
                bytes.truncate(64);
                out.push(Tok::Hex(bytes));
                i = end + 1;
            }
            b'[' => (out.push(Tok::Open), i += 1).1,
            b']' => (out.push(Tok::Close), i += 1).1,
            b'%' => {
                i += data[i..]
                    .iter()
                    .position(|&c| c == b'\n' || c == b'\r')
                    .unwrap_or(data.len() - i)
            }
            b'(' => {
                // Literal strings (names of CMaps): skipped.
                i += data[i..]
                    .iter()
                    .position(|&c| c == b')')
                    .map_or(data.len() - i, |p| p + 1);
            }
            _ if b.is_ascii_whitespace() => i += 1,
            _ => {
                let end = data[i + 1..]
                    .iter()
                    .position(|&c| c.is_ascii_whitespace() || b"<[]()%/".contains(&c))
                    .map_or(data.len(), |p| i + 1 + p);
                out.push(Tok::Word(
                    String::from_utf8_lossy(&data[i..end]).into_owned(),
                ));
                i = end;
            }
        }
    }
    out
}

fn code_of(bytes: &[u8]) -> (u8, u32) {
    let b = &bytes[..bytes.len().min(4)];
    (
        b.len() as u8,
        b.iter().fold(0u32, |a, &x| a << 8 | x as u32),
    )
}

fn utf16_text(bytes: &[u8]) -> String {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
        .collect();
    char::decode_utf16(units)
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect()
}

/// Most codes any font needs; a CMap asking for more is cut short.
const MAX_CMAP_ENTRIES: usize = 1 << 17;

/// Parses a ToUnicode CMap: `codespacerange`, `bfchar`, `bfrange` (with a
/// destination string, incremented, or an array of strings).
pub fn parse_cmap(data: &[u8]) -> CMap {
    let toks = tokens(data);
    let mut cmap = CMap::default();
    let mut section = "";
    let mut i = 0;
    while i < toks.len() && cmap.map.len() < MAX_CMAP_ENTRIES {
        match &toks[i] {
            Tok::Word(w) if w.starts_with("begin") || w.starts_with("end") => {
                section = match w.as_str() {
                    "begincodespacerange" => "cs",
                    "beginbfchar" => "char",
                    "beginbfrange" => "range",
                    _ => "",
                };
                i += 1;
            }
            Tok::Hex(lo) if section == "cs" => {
                if let Some(Tok::Hex(hi)) = toks.get(i + 1) {
                    let (l, a) = code_of(lo);
                    cmap.codespace.push((l, a, code_of(hi).1));
                }
                i += 2;
            }
            Tok::Hex(src) if section == "char" => {
                if let Some(Tok::Hex(dst)) = toks.get(i + 1) {
                    cmap.map.insert(code_of(src), utf16_text(dst));
                }
                i += 2;
            }
            Tok::Hex(lo) if section == "range" => i = bfrange(&toks, i, lo, &mut cmap),
            _ => i += 1,
        }
    }
    cmap
}

/// One `bfrange` entry at `toks[i]`; returns the index after it.
fn bfrange(toks: &[Tok], i: usize, lo: &[u8], cmap: &mut CMap) -> usize {
    let Some(Tok::Hex(hi)) = toks.get(i + 1) else {
        return i + 1;
    };
    let (len, a) = code_of(lo);
    let b = code_of(hi).1.min(a.saturating_add(0xFFFF));
    match toks.get(i + 2) {
        Some(Tok::Hex(dst)) => {
            let mut units: Vec<u16> = dst
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            for code in a..=b {
                if cmap.map.len() >= MAX_CMAP_ENTRIES {
                    break;
                }
                let text: String = char::decode_utf16(units.iter().copied())
                    .map(|r| r.unwrap_or('\u{FFFD}'))
                    .collect();
                cmap.map.insert((len, code), text);
                if let Some(last) = units.last_mut() {
                    *last = last.wrapping_add(1);
                }
            }
            i + 3
        }
        Some(Tok::Open) => {
            let mut j = i + 3;
            let mut code = a;
            while let Some(Tok::Hex(dst)) = toks.get(j) {
                if code <= b {
                    cmap.map.insert((len, code), utf16_text(dst));
                }
                code = code.saturating_add(1);
                j += 1;
            }
            j + 1
        }
        _ => i + 2,
    }
}

/// Follows a reference (at most a few hops, against loops).
pub fn deref<'a>(doc: &'a Document, mut obj: Option<&'a Object>) -> Option<&'a Object> {
    for _ in 0..8 {
        match obj? {
            Object::Reference(id) => obj = doc.get_object(*id).ok(),
            o => return Some(o),
        }
    }
    None
}

/// The dictionary of a dictionary or a stream.
pub fn as_dict(o: &Object) -> Option<&Dictionary> {
    match o {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

/// An integer or real as a number.
pub fn number(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(*r as f64),
        _ => None,
    }
}

fn name_of(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<String> {
    match deref(doc, dict.get(key).ok())? {
        Object::Name(n) => Some(String::from_utf8_lossy(n).into_owned()),
        _ => None,
    }
}

/// Ligatures and presentation forms a ToUnicode map may leave composed,
/// spelled out as the text twin prints them.
pub fn decompose(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        '\u{FB05}' | '\u{FB06}' => "st",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_bfchar_and_both_bfrange_forms() {
        let data = b"/CIDInit /ProcSet findresource begin\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
            2 beginbfchar <0003> <0020> <0011> <FB01> endbfchar\n\
            2 beginbfrange <0024> <0026> <0041> <0030> <0031> [<00660066> <0078>] endbfrange\nendcmap";
        let c = parse_cmap(data);
        assert_eq!(c.codespace, vec![(2, 0, 0xFFFF)]);
        assert_eq!(c.map[&(2, 3)], " ");
        assert_eq!(c.map[&(2, 0x11)], "\u{FB01}");
        assert_eq!(c.map[&(2, 0x25)], "B");
        assert_eq!(c.map[&(2, 0x26)], "C");
        assert_eq!(c.map[&(2, 0x30)], "ff");
        assert_eq!(c.map[&(2, 0x31)], "x");
    }

    #[test]
    fn multi_byte_codespace_splits_codes() {
        let font = Font {
            codespace: vec![(1, 0, 0x7F), (2, 0x8140, 0xFEFE)],
            to_unicode: [
                ((1, 0x41), "A".to_string()),
                ((2, 0x8141), "中".to_string()),
            ]
            .into(),
            default_width: 1000.0,
            ..Font::default()
        };
        let mut text = String::new();
        let codes = font.decode(&[0x41, 0x81, 0x41, 0x41], &mut text);
        assert_eq!(codes.len(), 3);
        assert_eq!(text, "A中A");
    }

    #[test]
    fn glyph_names() {
        assert_eq!(glyph_char(b"Aacute"), Some('Á'));
        assert_eq!(glyph_char(b"uni4E2D"), Some('中'));
        assert_eq!(glyph_char(b"u1F600"), Some('😀'));
        assert_eq!(glyph_char(b"quotedblleft"), Some('“'));
        assert_eq!(glyph_char(b"g123"), None);
        assert_eq!(
            strip_subset("ABCDEF+TimesNewRomanPS-ItalicMT"),
            "TimesNewRomanPS-ItalicMT"
        );
    }
}
