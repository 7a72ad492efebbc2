//! A content-stream lexer: operands and operators, one at a time. lopdf's
//! own `Content::decode` builds the whole stream through nom and took
//! 30 ms per page in a debug build (a 10-page resolution: 0.7 s); this reads
//! the same syntax in one pass, and only what a text interpreter needs
//! (inline image data is skipped, not kept).

use lopdf::{Dictionary, Object, StringFormat};

/// Most operands one operator takes from the stack (a TJ array counts as
/// one); more means a broken stream, and the extra are dropped.
const MAX_OPERANDS: usize = 64;
/// Nesting of arrays and dictionaries in operands.
const MAX_DEPTH: usize = 16;

/// Yields `(operator, operands)` pairs from content-stream bytes.
pub struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Lexer<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Lexer { data, pos: 0 }
    }

    /// The next operator with its operands; `None` at the end.
    pub fn next_op(&mut self) -> Option<(String, Vec<Object>)> {
        let mut operands = Vec::new();
        loop {
            self.skip_space();
            let &b = self.data.get(self.pos)?;
            if is_regular(b) && !b.is_ascii_digit() && !b"+-.".contains(&b) {
                let word = self.word();
                match word.as_str() {
                    "true" => operands.push(Object::Boolean(true)),
                    "false" => operands.push(Object::Boolean(false)),
                    "null" => operands.push(Object::Null),
                    "BI" => {
                        self.skip_inline_image();
                        return Some(("BI".into(), Vec::new()));
                    }
                    _ => return Some((word, operands)),
                }
            } else if let Some(o) = self.object(0) {
                if operands.len() < MAX_OPERANDS {
                    operands.push(o);
                }
            } else {
                self.pos += 1; // a stray delimiter
            }
        }
    }

    fn skip_space(&mut self) {
        while let Some(&b) = self.data.get(self.pos) {
            if b == b'%' {
                while self
                    .data
                    .get(self.pos)
                    .is_some_and(|&c| c != b'\n' && c != b'\r')
                {
                    self.pos += 1;
                }
            } else if is_space(b) {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    fn word(&mut self) -> String {
        let start = self.pos;
        while self.data.get(self.pos).is_some_and(|&b| is_regular(b)) {
            self.pos += 1;
        }
        String::from_utf8_lossy(&self.data[start..self.pos]).into_owned()
    }

    /// One operand object at the current position.
    fn object(&mut self, depth: usize) -> Option<Object> {
        self.skip_space();
        let &b = self.data.get(self.pos)?;
        match b {
            b'/' => {
                self.pos += 1;
                let start = self.pos;
                while self.data.get(self.pos).is_some_and(|&b| is_regular(b)) {
                    self.pos += 1;
                }
                Some(Object::Name(name_bytes(&self.data[start..self.pos])))
            }
            b'(' => Some(Object::String(self.literal(), StringFormat::Literal)),
            b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                self.dictionary(depth)
            }
            b'<' => Some(Object::String(self.hex(), StringFormat::Hexadecimal)),
            b'[' if depth < MAX_DEPTH => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_space();
                    match self.data.get(self.pos) {
                        None => break,
                        Some(b']') => {
                            self.pos += 1;
                            break;
                        }
                        Some(_) => match self.object(depth + 1) {
                            Some(o) => items.push(o),
                            None => self.pos += 1,
                        },
                    }
                }
                Some(Object::Array(items))
            }
            b'0'..=b'9' | b'+' | b'-' | b'.' => Some(self.number()),
            _ if is_regular(b) => {
                let w = self.word();
                Some(match w.as_str() {
                    "true" => Object::Boolean(true),
                    "false" => Object::Boolean(false),
                    _ => Object::Null,
                })
            }
            _ => None,
        }
    }

    fn dictionary(&mut self, depth: usize) -> Option<Object> {
        let mut dict = Dictionary::new();
        loop {
            self.skip_space();
            match self.data.get(self.pos) {
                None => break,
                Some(b'>') => {
                    self.pos += 2;
                    break;
                }
                Some(_) => {
                    let Some(Object::Name(key)) = self.object(depth + 1) else {
                        self.pos += 1;
                        continue;
                    };
                    if let Some(v) = self.object(depth + 1) {
                        dict.set(key, v);
                    }
                }
            }
        }
        Some(Object::Dictionary(dict))
    }

    fn number(&mut self) -> Object {
        let start = self.pos;
        self.pos += 1;
        while self
            .data
            .get(self.pos)
            .is_some_and(|&b| b.is_ascii_digit() || b == b'.')
        {
            self.pos += 1;
        }
        let s = std::str::from_utf8(&self.data[start..self.pos]).unwrap_or("0");
        if s.contains('.') {
            Object::Real(s.parse::<f32>().unwrap_or(0.0))
        } else {
            s.parse::<i64>().map_or(Object::Real(0.0), Object::Integer)
        }
    }

    /// A literal string `( … )` with nested parentheses and escapes.
    fn literal(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut depth = 0usize;
        self.pos += 1;
        while let Some(&b) = self.data.get(self.pos) {
            self.pos += 1;
            match b {
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' if depth == 0 => break,
                b')' => {
                    depth -= 1;
                    out.push(b);
                }
                b'\\' => self.escape(&mut out),
                _ => out.push(b),
            }
        }
        out
    }

    fn escape(&mut self, out: &mut Vec<u8>) {
        let Some(&c) = self.data.get(self.pos) else {
            return;
        };
        self.pos += 1;
        match c {
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'\r' => {
                if self.data.get(self.pos) == Some(&b'\n') {
                    self.pos += 1;
                }
            }
            b'\n' => {}
            b'0'..=b'7' => {
                let mut v = (c - b'0') as u32;
                for _ in 0..2 {
                    match self.data.get(self.pos) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            self.pos += 1;
                        }
                        _ => break,
                    }
                }
                out.push(v as u8);
            }
            _ => out.push(c),
        }
    }

    fn hex(&mut self) -> Vec<u8> {
        self.pos += 1;
        let mut digits = Vec::new();
        while let Some(&b) = self.data.get(self.pos) {
            self.pos += 1;
            if b == b'>' {
                break;
            }
            if let Some(d) = (b as char).to_digit(16) {
                digits.push(d as u8);
            }
        }
        if digits.len() % 2 == 1 {
            digits.push(0);
        }
        digits.chunks(2).map(|p| p[0] << 4 | p[1]).collect()
    }

    /// Skips `BI … ID <data> EI`: the data ends at an `EI` between white
    /// space.
    fn skip_inline_image(&mut self) {
        let d = self.data;
        while self.pos + 1 < d.len()
            && !(d[self.pos] == b'I'
                && d[self.pos + 1] == b'D'
                && self.pos > 0
                && is_space(d[self.pos - 1]))
        {
            self.pos += 1;
        }
        self.pos += 2;
        while self.pos + 2 < d.len() {
            if is_space(d[self.pos])
                && d[self.pos + 1] == b'E'
                && d[self.pos + 2] == b'I'
                && d.get(self.pos + 3).is_none_or(|&b| !is_regular(b))
            {
                self.pos += 3;
                return;
            }
            self.pos += 1;
        }
        self.pos = d.len();
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\0')
}

fn is_regular(b: u8) -> bool {
    !is_space(b) && !b"()<>[]{}/%".contains(&b)
}

/// A name with its `#xx` escapes decoded.
fn name_bytes(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'#' && i + 2 < raw.len() {
            if let Ok(v) = u8::from_str_radix(&String::from_utf8_lossy(&raw[i + 1..i + 3]), 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(raw[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(data: &[u8]) -> Vec<(String, Vec<Object>)> {
        let mut l = Lexer::new(data);
        std::iter::from_fn(|| l.next_op()).collect()
    }

    #[test]
    fn reads_operands_and_operators() {
        let got = ops(b"BT /F1 12 Tf 1 0 0 1 72.5 -7 Tm [(A\\(b\\)) -250 <0041>] TJ (x\\101) ' ET");
        let names: Vec<&str> = got.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(names, ["BT", "Tf", "Tm", "TJ", "'", "ET"]);
        assert_eq!(got[1].1[0], Object::Name(b"F1".to_vec()));
        assert_eq!(got[2].1[4], Object::Real(72.5));
        assert_eq!(got[2].1[5], Object::Integer(-7));
        let Object::Array(items) = &got[3].1[0] else {
            panic!("array")
        };
        assert_eq!(
            items[0],
            Object::String(b"A(b)".to_vec(), StringFormat::Literal)
        );
        assert_eq!(
            items[2],
            Object::String(b"\0A".to_vec(), StringFormat::Hexadecimal)
        );
        assert_eq!(
            got[4].1[0],
            Object::String(b"xA".to_vec(), StringFormat::Literal)
        );
    }

    #[test]
    fn reads_marked_content_dictionaries_and_skips_inline_images() {
        let got =
            ops(b"/Span <</MCID 3 /ActualText (fi)>> BDC EMC BI /W 2 /H 2 ID \x00EI\xff EI Q");
        assert_eq!(got[0].0, "BDC");
        let Object::Dictionary(d) = &got[0].1[1] else {
            panic!("dict")
        };
        assert_eq!(d.get(b"MCID").unwrap(), &Object::Integer(3));
        let names: Vec<&str> = got.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(names, ["BDC", "EMC", "BI", "Q"]);
    }

    #[test]
    fn survives_garbage() {
        for data in [
            &b"((((("[..],
            b"<<<<",
            b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
            b"\\",
            b"/#",
            b"1.2.3 ) > ]",
        ] {
            let _ = ops(data);
        }
    }
}
