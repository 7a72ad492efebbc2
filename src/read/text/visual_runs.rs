//! pdftotext's left-to-right runs inside right-to-left lines, put back in
//! the order they were written.
//!
//! pdftotext orders a right-to-left line by position: it walks the glyphs
//! from the right edge, writing right-to-left letters and the neutrals
//! among them one by one, and takes each stretch that starts (at its right)
//! with a left-to-right character, digits included, and runs left until
//! the next right-to-left letter, as one run in left-to-right order, wrapped
//! in U+202A … U+202C inside the line's U+202B … U+202C. Shown by a bidi
//! renderer that looks right; read as text it is not: the neutrals at the
//! run's left edge, which a reader of the line meets after the run, come
//! first, and numbers separated only by neutrals come in reverse. The
//! paragraph number "1 -" of an Arabic page comes out as " - 1", "قرارها
//! 77/263 المؤرخ" as "قرارها  77/263المؤرخ", "(A/78/642)]" as "(])A/78/642".
//! Every official Arabic PDF read by pdftotext has these runs, and so has
//! ours.

use std::borrow::Cow;

/// Left-to-right embedding, which opens each run.
const LRE: char = '\u{202a}';
/// Right-to-left embedding, which opens each right-to-left line.
const RLE: char = '\u{202b}';
/// Pop directional formatting, which closes both.
const PDF: char = '\u{202c}';

/// `text` with each run of a right-to-left line in logical order; the
/// embeddings themselves stay (the reader drops them next). Text without
/// such runs is borrowed unchanged.
pub(super) fn logical(text: &str) -> Cow<'_, str> {
    if !text.contains(LRE) || !text.contains(RLE) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with(RLE) {
            push_line(&mut out, line);
        } else {
            out.push_str(line);
        }
    }
    Cow::Owned(out)
}

/// One right-to-left line, each LRE … PDF run rewritten.
fn push_line(out: &mut String, line: &str) {
    if let Some(latin) = latin_line(line) {
        out.push_str(&latin);
        return;
    }
    let mut rest = line;
    let mut after_letters = false;
    while let Some(open) = rest.find(LRE) {
        let body = &rest[open + LRE.len_utf8()..];
        let Some(close) = body.find(PDF) else {
            break;
        };
        after_letters |= rest[..open].chars().any(is_right_to_left);
        out.push_str(&rest[..open + LRE.len_utf8()]);
        push_run(out, &body[..close], after_letters);
        rest = &body[close..];
    }
    out.push_str(rest);
}

/// A line without right-to-left letters (a symbol, a date, a job number
/// in a masthead or at a page's foot), which a writer sets left to right:
/// pdftotext still reads it from the right, and so takes the neutrals at
/// its right end ("S/RES/2795 (2025)") first, before the run. They go back
/// after it; the run itself is in order.
fn latin_line(line: &str) -> Option<String> {
    let body = line.trim_start().strip_prefix(RLE)?;
    let (inner, tail) = body.split_once(LRE)?;
    let (run, after) = tail.split_once(PDF)?;
    let plain = |s: &str| !s.contains([LRE, RLE]) && s.chars().all(is_neutral);
    let closes = after.trim_end().strip_suffix(PDF)?;
    if inner.is_empty() || !plain(inner) || !plain(closes) || !closes.trim().is_empty() {
        return None;
    }
    let lead = &line[..line.len() - body.len()];
    let moved: String = inner.chars().rev().collect();
    Some(format!("{lead}{LRE}{run}{moved}{PDF}{after}"))
}

/// A run, given in visual order (left to right), in reading order: the
/// units a right-to-left reader meets from the right edge. With a letter
/// written left to right ("A/78/642"), the run is one unit between its
/// neutral edges; of digits and neutrals alone, every number is one.
/// After right-to-left letters on the line, figures are Arabic numbers
/// (UAX #9, W2), which a hyphen does not join: "2015-2030" is two numbers
/// there, shown "2030-2015" from the left; elsewhere ("23-26124") one.
fn push_run(out: &mut String, run: &str, after_letters: bool) {
    let units = if run.chars().any(is_strong_left) {
        core_and_edges(run)
    } else {
        numbers_and_neutrals(run, after_letters)
    };
    for unit in units.iter().rev() {
        out.push_str(unit);
    }
}

/// The run cut into its neutral characters at either edge, one each, and
/// the core between them.
fn core_and_edges(run: &str) -> Vec<&str> {
    let start = run.find(|c: char| !is_neutral(c)).unwrap_or(run.len());
    let end = run.rfind(|c: char| !is_neutral(c)).map_or(start, |i| {
        i + run[i..].chars().next().map_or(0, char::len_utf8)
    });
    let mut units: Vec<&str> = split_chars(&run[..start]).collect();
    if start < end {
        units.push(&run[start..end]);
    }
    units.extend(split_chars(&run[end.max(start)..]));
    units
}

/// The run cut into numbers (digits with the separators between them:
/// "77/263", "24-00421", "2.5") and single other characters.
fn numbers_and_neutrals(run: &str, arabic_numbers: bool) -> Vec<&str> {
    let mut units = Vec::new();
    let mut chars = run.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let mut end = i + c.len_utf8();
        if is_digit(c) {
            while let Some(&(j, d)) = chars.peek() {
                let joins = is_digit(d)
                    || (is_number_separator(d, arabic_numbers)
                        && run[j + d.len_utf8()..].chars().next().is_some_and(is_digit));
                if !joins {
                    break;
                }
                chars.next();
                end = j + d.len_utf8();
            }
        }
        units.push(&run[i..end]);
    }
    units
}

fn split_chars(s: &str) -> impl Iterator<Item = &str> {
    s.char_indices().map(move |(i, c)| &s[i..i + c.len_utf8()])
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '\u{660}'..='\u{669}' | '\u{6f0}'..='\u{6f9}')
}

/// Separators the bidi algorithm keeps inside a number between digits:
/// the common ones (W4), and the hyphen too between European numbers.
fn is_number_separator(c: char, arabic_numbers: bool) -> bool {
    matches!(c, '.' | ',' | ':' | '/' | '\u{66b}' | '\u{66c}')
        || (!arabic_numbers && matches!(c, '-' | '+'))
}

/// A letter of a right-to-left script.
fn is_right_to_left(c: char) -> bool {
    c.is_alphabetic() && !is_strong_left(c)
}

/// Neither a letter nor a digit: spaces, punctuation, brackets.
fn is_neutral(c: char) -> bool {
    !c.is_alphanumeric()
}

/// A letter written left to right (not Hebrew, Syriac, Thaana, N'Ko or
/// Arabic, in their main and presentation blocks).
fn is_strong_left(c: char) -> bool {
    c.is_alphabetic()
        && !matches!(c, '\u{590}'..='\u{8ff}' | '\u{fb1d}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::logical;

    fn run(s: &str) -> String {
        let line = format!("\u{202b}{s}\u{202c}\n");
        logical(&line)
            .chars()
            .filter(|c| !matches!(c, '\u{202a}'..='\u{202c}'))
            .collect::<String>()
            .trim_end_matches('\n')
            .to_string()
    }

    /// What pdftotext printed for our 78/257 (ar), against its text.
    #[test]
    fn pdftotext_runs_read_in_order() {
        assert_eq!(
            run("\u{202a} - 1\u{202c}تحيط علما"),
            "1 - تحيط علما",
            "a paragraph number"
        );
        assert_eq!(
            run("قرارها \u{202a} 77/263\u{202c}المؤرخ"),
            "قرارها 77/263 المؤرخ"
        );
        assert_eq!(run("ديسمبر \u{202a}،2022\u{202c}"), "ديسمبر 2022،");
        assert_eq!(
            run("الخامسة (\u{202a}])A/78/642\u{202c}"),
            "الخامسة (A/78/642)]"
        );
        assert_eq!(run("\u{202a}- 78/257\u{202c}"), "78/257 -");
        assert_eq!(run("\u{202a}Distr.: General\u{202c}"), "Distr.: General");
    }

    /// Numbers set apart by neutrals are read from the right, each number
    /// itself left to right.
    #[test]
    fn numbers_apart_read_from_the_right() {
        assert_eq!(run("\u{202a}3 - 1\u{202c}"), "1 - 3");
        assert_eq!(run("\u{202a}14/12 2.5\u{202c}"), "2.5 14/12");
        assert_eq!(
            run("\u{202a}23-26124\u{202c}"),
            "23-26124",
            "no letter before"
        );
        assert_eq!(
            run("للفترة \u{202a}،1 2030-2015\u{202c}"),
            "للفترة 2015-2030 1،",
            "a range after Arabic letters, shown from the right, and a note marker"
        );
    }

    /// A line without right-to-left letters was set left to right; the
    /// neutrals pdftotext took from its right end go back there.
    #[test]
    fn latin_lines_keep_their_order() {
        assert_eq!(
            run(")\u{202a}S/RES/2795 (2025\u{202c}"),
            "S/RES/2795 (2025)"
        );
        assert_eq!(
            run("\u{202a}23-26124 (A) 050124\u{202c}"),
            "23-26124 (A) 050124"
        );
        assert_eq!(
            run("\u{202a}.A/78/267\u{202c}"),
            "A/78/267.",
            "a note's text"
        );
    }

    /// Whatever the text, the runs only move characters: none is lost,
    /// none invented, and lines stay where they were (10,000 texts of
    /// embeddings, digits, separators, Arabic and Latin letters).
    #[test]
    fn any_text_keeps_its_characters_and_lines() {
        let alphabet: Vec<char> = "\u{202a}\u{202b}\u{202c}\u{202a}\u{202c}12٣ -/.,،()[]aZعب \n"
            .chars()
            .collect();
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..10_000 {
            let mut text = String::new();
            for _ in 0..(seed % 40) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push(alphabet[(seed % alphabet.len() as u64) as usize]);
            }
            let out = logical(&text);
            let sorted = |s: &str| {
                let mut v: Vec<char> = s.chars().collect();
                v.sort_unstable();
                v
            };
            assert_eq!(sorted(&out), sorted(&text), "{text:?}");
            assert_eq!(out.lines().count(), text.lines().count(), "{text:?}");
        }
    }

    /// Left-to-right lines, and text without pdftotext's embeddings, are
    /// not touched.
    #[test]
    fn other_text_is_borrowed() {
        let ltr = "\u{202a} - 1\u{202c} text\n";
        assert!(matches!(logical(ltr), std::borrow::Cow::Borrowed(_)));
        let mixed = format!("{ltr}\u{202b}x\u{202c}\n");
        assert_eq!(logical(&mixed), mixed, "only lines opened by U+202B");
        assert_eq!(
            logical("\u{202b}\u{202a}\u{202c}\u{202c}"),
            "\u{202b}\u{202a}\u{202c}\u{202c}"
        );
        assert_eq!(
            logical("\u{202b}\u{202a}no close"),
            "\u{202b}\u{202a}no close"
        );
    }
}
