//! What the binary prints is one line per message: control characters in
//! file names or in quoted input (a newline, a carriage return, a terminal
//! escape) are shown escaped, never acted on.

use std::fmt::Write as _;

/// `text` with every control character escaped (`\n`, `\r`, `\t`,
/// `\u{1b}`), so that it prints as one line and cannot steer a terminal.
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || is_invisible_override(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// Bidirectional overrides and isolates, which reorder what a terminal
/// shows (a file name could hide its real extension with them).
fn is_invisible_override(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Prints `unres: MESSAGE` on standard error as one line.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {
        eprintln!("unres: {}", $crate::message::one_line(&format!($($arg)*)))
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_would_break_the_line() {
        assert_eq!(one_line("a\nb\rc\u{1b}[31m"), "a\\nb\\rc\\u{1b}[31m");
        assert_eq!(one_line("résolution 大会 ١٢"), "résolution 大会 ١٢");
        assert_eq!(one_line("x\u{202e}txt.exe"), "x\\u{202e}txt.exe");
    }
}
