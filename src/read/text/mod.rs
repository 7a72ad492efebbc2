//! Reader for resolution text extracted from the official PDFs, by any of
//! the common extractors (pdfminer, pdftotext with or without layout,
//! PyMuPDF, pypdf) or in the reference's shape.
//!
//! A pipeline of small passes over lines, each with its own tests:
//! 1. `lines`: physical lines; page furniture and running heads marked;
//! 2. `notes`: footnote blocks out of the flow, citations into the text;
//! 3. `paragraphs`: logical lines joined into paragraphs;
//! 4. `structure`: masthead, preface, title, formula, preamble, operative
//!    part with sub-paragraphs and headings, conclusions, annexes;
//!    the language profile names what is what.

mod emphasis;
mod lines;
mod notes;
mod paragraphs;
mod structure;
mod tables;
mod visual_runs;
mod words;

use std::borrow::Cow;

use super::{layout, ReadOptions};
use crate::error::ReadError;
use crate::ir::{Block, Inline, Paragraph, Resolution, Warning};
use crate::lang::{self, is_wide};
use words::Words;

pub(crate) use lines::Line;

/// Reads PDF-extracted resolution text into the IR, with what the reader
/// noticed but could repair or only report (a note never cited, a gap in
/// the numbering).
pub fn read(text: &str, opts: &ReadOptions) -> Result<(Resolution, Vec<Warning>), ReadError> {
    let count = |c: u8| crate::scan::count(text.as_bytes(), |b| b == c);
    let lines = count(b'\n').max(count(b'\r'));
    if lines > MAX_LINES {
        return Err(ReadError::TooManyLines {
            lines,
            limit: MAX_LINES,
        });
    }
    let logical = visual_runs::logical(text);
    let clean = without_controls(&logical);
    let (mut res, warnings) = segment(&clean, lines::scan(&clean), opts)?;
    let profile = lang::profile(res.meta.lang);
    emphasis::lead_phrases(&mut res, profile);
    Ok((res, warnings))
}

/// Most lines read: the longest resolutions (a 56-page declaration, the
/// budget) print a few thousand; 200,000 lines of 80 characters fill the
/// 16 MB input limit, and memory stays a small multiple of the input
/// however short the lines.
pub const MAX_LINES: usize = 200_000;

/// Reads the lines a page reader printed, believing what the page says
/// about them (indents, short last lines, italics) where the words alone
/// would have to guess.
pub fn read_layout(
    printed: &[layout::Line],
    opts: &ReadOptions,
) -> Result<(Resolution, Vec<Warning>), ReadError> {
    let text = printed
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    segment(&text, lines::from_layout(printed), opts)
}

/// The shared segmentation: `text` is the whole input (the language and
/// the document's words are read from it), `lines` its lines.
fn segment(
    clean: &str,
    mut lines: Vec<Line<'_>>,
    opts: &ReadOptions,
) -> Result<(Resolution, Vec<Warning>), ReadError> {
    let lang = opts.lang.unwrap_or_else(|| lang::detect(clean));
    let profile = lang::profile(lang);
    let mut warnings = Vec::new();
    lines::mark_furniture(&mut lines, profile);
    let front = structure::locate_front(&lines, profile)?;
    let job_number = lines::job_number(&lines);
    let page_heads = lines::page_heads(&lines, &front.symbol);
    let running_heads =
        lines::mark_running_heads(&mut lines, front.formula + 1, &front.symbol, &front.title);
    let running_heads = if page_heads.is_empty() {
        running_heads
    } else {
        page_heads
    };
    let layout = Layout::of(&lines, front.formula + 1);
    let joiner = Joiner::of(clean, profile);
    // Each stage's input is dropped once the next is built: memory stays
    // a small multiple of the input, not one copy per stage.
    let (body, notes) = notes::collect(&lines, layout, profile);
    drop(lines);
    let logical = notes::fold_citations(&body, &notes, profile, &joiner, &mut warnings);
    drop(body);
    let mut res = structure::build(logical, layout, profile, &joiner, &mut warnings)?;
    res.meta.lang = lang;
    res.meta.running_heads = running_heads;
    res.meta.job_number = job_number;
    structure::attach_notes(&mut res, notes, &joiner, &mut warnings);
    res.normalize();
    warnings.extend(numbering(&res.body));
    Ok((res, warnings))
}

/// Warnings for top-level operative numbers that do not follow each other:
/// a restart at one (parts) or a gap, a repeat or a step back.
fn numbering(body: &[Block]) -> Vec<Warning> {
    let mut out = Vec::new();
    let mut prev: Option<(u32, &str)> = None;
    for b in body {
        let Block::Paragraph(Paragraph { num: Some(num), .. }) = b else {
            continue;
        };
        let digits: String = lang::fold_digits(num)
            .chars()
            .skip_while(|c| !c.is_ascii_digit())
            .take_while(char::is_ascii_digit)
            .collect();
        let Ok(n) = digits.parse::<u32>() else {
            continue;
        };
        match prev {
            Some((p, after)) if n == 1 && p > 1 => out.push(Warning::NumberingRestart {
                after: after.to_string(),
                found: num.clone(),
            }),
            Some((p, after)) if n != p + 1 => out.push(Warning::NumberingGap {
                after: after.to_string(),
                found: num.clone(),
            }),
            _ => {}
        }
        prev = Some((n, num));
    }
    out
}

/// Control characters are no text (XML cannot even carry most of them);
/// form feeds stay: they mark page starts. Nor are the explicit direction
/// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that
/// an extractor wraps right-to-left lines and numbers in (pdftotext does):
/// the text's own order is logical already.
fn without_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if has_controls(text) {
        text.chars()
            .filter(|&c| !dropped(c))
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

/// A character [`without_controls`] drops.
fn dropped(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether `text` holds a character [`dropped`], found on
/// the bytes: C0 controls but tab, newlines and form feed; DEL; C1
/// (0xC2 0x80–0x9F); U+202A–U+202E (0xE2 0x80 0xAA–0xAE) and U+2066–U+2069
/// (0xE2 0x81 0xA6–0xA9).
fn has_controls(text: &str) -> bool {
    let b = text.as_bytes();
    // Only these bytes can start a character dropped; blocks holding none
    // (most: line ends and form feeds are no such byte) are passed over
    // whole, without a branch per byte.
    let rare = |c: u8| {
        ((c < 0x20) & !matches!(c, b'\n' | b'\r' | b'\t' | 0x0c))
            | (c == 0x7f)
            | (c == 0xc2)
            | (c == 0xe2)
    };
    let dropped_at = |i: usize| match b[i] {
        0xc2 => b.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
        0xe2 => match (b.get(i + 1), b.get(i + 2)) {
            (Some(0x80), Some(n)) => (0xaa..=0xae).contains(n),
            (Some(0x81), Some(n)) => (0xa6..=0xa9).contains(n),
            _ => false,
        },
        _ => true,
    };
    crate::scan::marked(b, rare).any(dropped_at)
}

/// Facts about how the extractor laid out this file, measured once.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Layout {
    /// Trailing whitespace marks the last line of a paragraph (true when
    /// only some lines carry it; an extractor that pads every line, or
    /// none, says nothing by it).
    pub trailing_ends_paragraph: bool,
    /// Width of a full line of body text, in characters: a shorter line
    /// before a new sentence ends a paragraph.
    pub full_width: usize,
}

impl Layout {
    /// Measured over `lines`; the open lines (see below) from `body` on,
    /// past the masthead's short lines.
    fn of(lines: &[Line<'_>], body: usize) -> Layout {
        let mut widths: Vec<usize> = lines
            .iter()
            .filter(|l| !l.is_blank() && l.kind == lines::Kind::Text)
            .map(|l| l.text.chars().count())
            .collect();
        let n = widths.len();
        let trailing = lines
            .iter()
            .filter(|l| !l.is_blank() && l.kind == lines::Kind::Text && l.trailing)
            .count();
        // Lines that end on no punctuation mostly run on (headings and
        // closing lines aside); where most carry no trailing space while
        // others do, trailing space marks the ends of paragraphs even if
        // most lines have it (short paragraphs, one line each); an
        // extractor that pads every line pads these too.
        let open: Vec<bool> = lines[body.min(lines.len())..]
            .iter()
            .filter(|l| !l.is_blank() && l.kind == lines::Kind::Text)
            .filter(|l| !l.text.ends_with(CLAUSE_ENDS))
            .map(|l| l.trailing)
            .collect();
        let open_trailing = open.iter().filter(|&&t| t).count();
        let open_bare = open.len() >= 2 && open_trailing * 2 < open.len();
        widths.sort_unstable();
        Layout {
            trailing_ends_paragraph: n > 0
                && trailing * 20 > n
                && (trailing * 10 < n * 8 || open_bare),
            full_width: widths.get(n * 4 / 5).copied().unwrap_or(80).max(10),
        }
    }
}

/// Punctuation a clause or a paragraph ends on, in every script.
const CLAUSE_ENDS: &[char] = &[
    ',', ';', '.', ':', '，', '；', '。', '：', '、', '،', '؛', '!', '?',
];

/// Joins wrapped lines: knows the document's words, to tell a word split by
/// a line-end hyphen ("inter-" "national") from a compound ("follow-" "up").
/// The words are looked for only when a hyphen asks (most documents never
/// do, the rest a few times).
#[derive(Debug, Default)]
pub(crate) struct Joiner<'a> {
    words: Words<'a>,
    /// The profile's [`lang::Profile::spaced_figures`].
    spaced_figures: bool,
    /// The profile's [`lang::Profile::suspending_words`].
    suspending: &'static [&'static str],
}

impl<'a> Joiner<'a> {
    fn of(text: &'a str, profile: &lang::Profile) -> Joiner<'a> {
        Joiner {
            words: Words::of(text),
            spaced_figures: profile.spaced_figures,
            suspending: profile.suspending_words,
        }
    }

    /// Whether text starting with `next` joins text ending with `prev`
    /// with a space, as a wrapped line joins (hyphens aside, see
    /// [`hyphen_join`]): not between wide (CJK) characters nor before
    /// closing punctuation; beside a figure where the language spaces them.
    pub(crate) fn spaced(&self, prev: Option<char>, next: Option<char>) -> bool {
        wants_space(prev, next)
            || (self.spaced_figures && prev.zip(next).is_some_and(ideograph_beside_figure))
    }

    /// Whether "head-" at a line end and "tail" at the next line's start
    /// are one word split in two.
    fn split_word(&self, head: &str, tail: &str) -> bool {
        let joined = format!("{head}{tail}").to_lowercase();
        let hyphenated = format!("{head}-{tail}").to_lowercase();
        self.words.has(&joined) && !self.words.has(&hyphenated)
    }
}

/// Appends `text` to inline content, joining it to what is there as a
/// wrapped line joins: no space between wide (CJK) characters, one space
/// between others, none after a hyphen ending a line; a hyphen that split
/// a word goes. Runs of spaces inside the line collapse to one.
pub(crate) fn push_text(parts: &mut Vec<Inline>, text: &str, joiner: &Joiner) {
    let text = collapse_spaces(text.trim());
    if text.is_empty() {
        return;
    }
    // Nor before closing punctuation: a citation printed before a comma
    // ("Millénaire¹, Action 21") leaves the comma at a line start.
    let mut space = joiner.spaced(last_char(parts), text.chars().next());
    if let Some(joined) = hyphen_join(parts, &text, joiner) {
        space = joined;
    }
    match parts.last_mut() {
        Some(Inline::Text(t)) => {
            if space {
                t.push(' ');
            }
            t.push_str(&text);
        }
        _ => {
            let mut t = String::with_capacity(text.len() + 1);
            if space {
                t.push(' ');
            }
            t.push_str(&text);
            parts.push(Inline::Text(t));
        }
    }
}

/// Whether a space joins text starting `next` to `parts` ending in a
/// hyphen after a letter, or in a slash or an en dash inside a word or a
/// range (in text or in emphasis); `None` where they end otherwise.
/// - A soft hyphen: it goes, no space, the word it cut joins whole.
/// - "/" and "–" between letters or figures: no space ("A/" / "AC.105",
///   "2024–" / "2025").
/// - A suspended hyphen before a profile's `suspending_words` keeps its
///   space ("low-" / "and middle-income").
/// - Any other hyphen: no space, the compound joins whole ("Secretary-" /
///   "General", "COVID-" / "19"); before a lower-case word the document
///   prints whole elsewhere ("inter-" / "national") the hyphen goes.
pub(crate) fn hyphen_join(parts: &mut [Inline], next: &str, joiner: &Joiner) -> Option<bool> {
    let t = last_text_mut(parts)?;
    let first = next.chars().next()?;
    // A soft hyphen ends a line where a word was cut (a page reader gives
    // one for a hyphen a tagged PDF drew as an artifact): it goes, and the
    // halves join.
    if let Some(before) = t.strip_suffix('\u{ad}') {
        t.truncate(before.len());
        return Some(false);
    }
    // A line cut after a slash or an en dash inside a word or a range
    // ("A/" / "AC.105/1168", "and/" / "or", "2024–" / "2025") joins
    // without a space; one set off by spaces ("word –") does not end so.
    if let Some(before) = t.strip_suffix(['/', '–']) {
        let inside = before.ends_with(char::is_alphanumeric) && first.is_alphanumeric();
        return inside.then_some(false);
    }
    let before = t.strip_suffix('-')?;
    if !(before.ends_with(char::is_alphabetic) && first.is_alphanumeric()) {
        return None;
    }
    let word = next
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    if joiner.suspending.contains(&word) {
        return Some(true);
    }
    if first.is_lowercase() {
        let head_at = before
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphabetic())
            .last()
            .map_or(before.len(), |(i, _)| i);
        let tail_end = next
            .char_indices()
            .find(|&(_, c)| !c.is_alphabetic())
            .map_or(next.len(), |(i, _)| i);
        if joiner.split_word(&before[head_at..], &next[..tail_end]) {
            t.pop();
        }
    }
    Some(false)
}

/// The last text of `parts`, inside emphasis too; none after a citation.
fn last_text_mut(parts: &mut [Inline]) -> Option<&mut String> {
    match parts.last_mut()? {
        Inline::Text(t) => Some(t),
        Inline::Emphasis(inner) => last_text_mut(inner),
        Inline::NoteRef(_) => None,
    }
}

/// Whether a space joins text ending in `prev` to text starting with
/// `next`: not between wide (CJK) characters, nor before closing
/// punctuation.
pub(crate) fn wants_space(prev: Option<char>, next: Option<char>) -> bool {
    match (prev, next) {
        (Some(a), Some(b)) => !(is_wide(a) || is_wide(b) || a.is_whitespace() || closes(b)),
        _ => false,
    }
}

/// An ideograph and a figure or Latin letter, in either order: where a
/// language that spaces figures in ideographic text had a space.
fn ideograph_beside_figure((a, b): (char, char)) -> bool {
    (lang::is_ideograph(a) && b.is_ascii_alphanumeric())
        || (a.is_ascii_alphanumeric() && lang::is_ideograph(b))
}

/// Punctuation printed without a space before it (Latin and Arabic).
fn closes(c: char) -> bool {
    matches!(
        c,
        ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '\u{60c}' | '\u{61b}' | '\u{61f}'
    )
}

/// The last character of the text of `parts`, looking through citations.
pub(crate) fn last_char(parts: &[Inline]) -> Option<char> {
    parts.iter().rev().find_map(|p| match p {
        Inline::Text(t) => t.chars().next_back(),
        Inline::Emphasis(inner) => last_char(inner),
        Inline::NoteRef(_) => None,
    })
}

/// The first character of the text of `parts`.
pub(crate) fn first_char(parts: &[Inline]) -> Option<char> {
    parts.iter().find_map(|p| match p {
        Inline::Text(t) => t.chars().next(),
        Inline::Emphasis(inner) => first_char(inner),
        Inline::NoteRef(_) => None,
    })
}

/// The first text of `parts`, inside emphasis too ("" before a citation).
pub(crate) fn first_text(parts: &[Inline]) -> &str {
    match parts.first() {
        Some(Inline::Text(t)) => t,
        Some(Inline::Emphasis(inner)) => first_text(inner),
        _ => "",
    }
}

/// `s` with each run of spaces and tabs as one space; borrowed when it has
/// none (most lines), and copied run by run otherwise (spaces and tabs are
/// single bytes: what lies between them is copied whole).
fn collapse_spaces(s: &str) -> Cow<'_, str> {
    let b = s.as_bytes();
    if memchr::memchr(b'\t', b).is_none() && !crate::scan::two_spaces(b) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find([' ', '\t']) {
        out.push_str(&rest[..at]);
        out.push(' ');
        rest = rest[at..].trim_start_matches([' ', '\t']);
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn the_byte_scan_finds_exactly_the_characters_dropped() {
        // Every character of the BMP and a few beyond, alone and between
        // letters, and cut at the end (a lead byte with no continuation).
        let chars = (0..0x1_0000u32)
            .chain(0x1_f000..0x1_f100)
            .filter_map(char::from_u32);
        for c in chars {
            // Also after a block or two of plain text, which the scan
            // passes over whole.
            let pad = "x".repeat(70);
            for s in [c.to_string(), format!("a{c}b"), format!("{pad}{c}")] {
                assert_eq!(has_controls(&s), dropped(c), "{:04x}", u32::from(c));
            }
        }
        assert!(!has_controls("x\u{2028}\u{2065}\u{206a}\u{a0}é"));
        assert!(has_controls("\u{85}"));
    }

    /// Inline content as text, citations written `[^n]`.
    pub(crate) fn text_of(parts: &[Inline]) -> String {
        parts
            .iter()
            .map(|p| match p {
                Inline::Text(t) => t.clone(),
                Inline::NoteRef(m) => format!("[^{m}]"),
                Inline::Emphasis(i) => text_of(i),
            })
            .collect()
    }

    #[test]
    fn joins_follow_script_and_hyphenation() {
        let j = Joiner::of(
            "international cooperation and follow-up, high-level",
            lang::profile(crate::ir::Lang::En),
        );
        let mut p = Vec::new();
        push_text(&mut p, "Reaffirming  its  resolutions", &j);
        push_text(&mut p, "on inter-", &j);
        push_text(&mut p, "national cooperation and the follow-", &j);
        push_text(&mut p, "up of the high-", &j);
        push_text(&mut p, "level meeting of the Secretary-", &j);
        push_text(&mut p, "General on COVID-", &j);
        push_text(&mut p, "19 in low-", &j);
        push_text(&mut p, "and middle-income countries (A/", &j);
        push_text(&mut p, "AC.105/1168, 2024–", &j);
        push_text(&mut p, "2025) –", &j);
        push_text(&mut p, "and/", &j);
        push_text(&mut p, "or 19 -", &j);
        push_text(&mut p, "回顾", &j);
        assert_eq!(
            text_of(&p),
            "Reaffirming its resolutions on international cooperation and the follow-up of the high-level meeting of the Secretary-General on COVID-19 in low- and middle-income countries (A/AC.105/1168, 2024–2025) – and/or 19 -回顾"
        );
    }

    /// A soft hyphen at a line's end (a cut a PDF drew as an artifact)
    /// goes and joins the halves, whatever words the document prints;
    /// inside a line it stays, as printed.
    #[test]
    fn a_soft_hyphen_at_a_line_end_joins_the_word() {
        let j = Joiner::of("", lang::profile(crate::ir::Lang::Ru));
        let mut p = Vec::new();
        push_text(&mut p, "отмечаемый представите\u{ad}", &j);
        push_text(&mut p, "лями гражданского", &j);
        push_text(&mut p, "обще\u{ad}ства", &j);
        assert_eq!(
            text_of(&p),
            "отмечаемый представителями гражданского обще\u{ad}ства"
        );
    }

    /// Chinese sets figures and Latin between spaces ("第 77/164 号"): a
    /// line cut at such a space joins with it, ideographs without one.
    #[test]
    fn chinese_lines_cut_beside_a_figure_keep_its_space() {
        let j = Joiner::of("", lang::profile(crate::ir::Lang::Zh));
        let mut p = Vec::new();
        push_text(&mut p, "2022 年 12 月 14 日第", &j);
        push_text(&mut p, "77/164 号决议和", &j);
        push_text(&mut p, "第 69/283 号决议", &j);
        push_text(&mut p, "（A/59/494）", &j);
        assert_eq!(
            text_of(&p),
            "2022 年 12 月 14 日第 77/164 号决议和第 69/283 号决议（A/59/494）"
        );
    }

    /// Every string of up to five of these characters collapses as a
    /// character-by-character pass does: a run of spaces and tabs is one
    /// space, the rest is kept.
    #[test]
    fn collapsing_spaces_keeps_all_but_runs_of_blanks() {
        let by_chars = |s: &str| {
            let mut out = String::new();
            let mut prev = false;
            for c in s.chars() {
                let blank = c == ' ' || c == '\t';
                if !(blank && prev) {
                    out.push(if blank { ' ' } else { c });
                }
                prev = blank;
            }
            out
        };
        let alphabet = ['a', ' ', '\t', '大', '\u{3000}', '\n'];
        for s in &crate::lang::tests::every_string(&alphabet, 5) {
            assert_eq!(collapse_spaces(s), by_chars(s), "{s:?}");
        }
    }

    #[test]
    fn numbering_restarts_and_gaps_are_warned() {
        let p = |n: &str| {
            Block::Paragraph(Paragraph {
                num: Some(n.into()),
                content: vec![Inline::Text("x".into())],
                ..Paragraph::default()
            })
        };
        let body = [p("1."), p("2."), p("4."), p("4."), p("1."), p("٢ -")];
        let codes: Vec<&str> = numbering(&body).iter().map(Warning::code).collect();
        assert_eq!(
            codes,
            ["numbering-gap", "numbering-gap", "numbering-restart"]
        );
        assert!(numbering(&[p("1."), p("2."), p("3.")]).is_empty());
    }

    #[test]
    fn not_a_resolution() {
        let err = read("milk\neggs\nbread\n", &ReadOptions::default()).unwrap_err();
        assert!(matches!(err, ReadError::NotResolution(_)));
    }

    #[test]
    fn control_characters_go() {
        assert_eq!(without_controls("a\u{1}b\u{c}c\n"), "ab\u{c}c\n");
    }

    /// pdftotext wraps right-to-left lines and their numbers in direction
    /// embeddings (U+202B … U+202C); they go with the control characters,
    /// and the formula and the clause ends they hid are found.
    #[test]
    fn direction_embeddings_of_an_extractor_are_no_text() {
        assert_eq!(
            without_controls("\u{202b}a\u{202a}1\u{202c}\u{202c}\u{2067}b\u{2069}\u{c}"),
            "a1b\u{c}"
        );
        assert_eq!(
            without_controls("\u{200f}kept"),
            "\u{200f}kept",
            "a mark is kept"
        );
    }
}
