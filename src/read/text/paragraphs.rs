//! Pass 5: logical lines joined into paragraphs.
//!
//! Extractors disagree on what separates paragraphs (a trailing space, a
//! blank line, nothing at all), so a break is decided from what they all
//! keep: how a line ends (a clause ends there, or a citation), how the next
//! begins (a paragraph number, a capital, a preambular participle), whether
//! the line was full, and whether a page boundary or blank line lies
//! between. A page boundary never splits a paragraph that runs on.

use std::borrow::Cow;

use super::notes::{append, LogicalLine};
use super::{last_char, Joiner, Layout};
use crate::ir::Inline;
use crate::lang::Profile;
use crate::read::layout::Geometry;

/// A paragraph of joined text, before it is known what it is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct RawPara {
    pub parts: Vec<Inline>,
    /// A table instead of text: header rows and rows of cells.
    pub table: Option<(usize, Vec<Vec<Vec<Inline>>>)>,
    /// The page set every line of it in bold (a heading, however long).
    pub bold: bool,
    /// It opened with a heading's label on a line of its own ("Section
    /// 10", "IV."): its title is a heading's, however long, as in bold.
    pub labelled: bool,
}

impl RawPara {
    pub fn plain(&self) -> Cow<'_, str> {
        Inline::plain(&self.parts)
    }
}

/// How a line stands in the flow (its text is not kept: that would be a
/// copy of the document).
struct Facts {
    /// A short capitalised line without clause punctuation
    /// ([`is_heading_like`]).
    heading_like: bool,
    /// Opens with a capital letter.
    capital: bool,
    /// Opens with a lower-case letter.
    lower: bool,
    /// A date, meeting line or annex label: a paragraph of its own.
    standalone: bool,
    /// Opens with a paragraph or sub-paragraph number.
    numbered: bool,
    /// Is only a number ("1.", "(a)", "I."): its text follows.
    label_only: bool,
    /// Is only a heading's label ("Rule 9", "Article 5", "IV."): its
    /// title follows on one line, then the text.
    heading_label: bool,
    /// Ends where a clause can end ([`ends_clause`]).
    clause_end: bool,
    /// Ends with clause punctuation or a citation, not with a bare figure
    /// that may be one (", 131" runs on as often: "131 States have").
    marked_end: bool,
    /// Ends with a comma: inside a heading, no end.
    comma_end: bool,
    /// The value of its operative number ("15." → 15), if it opens with one.
    op_value: Option<u32>,
}

fn facts(l: &LogicalLine, profile: &Profile) -> Facts {
    let text = Inline::plain(&l.parts);
    let t = text.trim();
    let q = profile.ask(t);
    let standalone =
        q.date().is_some() || q.meeting().is_some() || q.annex_label() || q.part_label();
    let op = q.operative_num();
    let sub = profile.sub_label(t);
    let roman = roman_heading_num(t);
    let heading_label = q.heading_label();
    let bare = bare_op_label(t, profile);
    let label_only = op.as_ref().is_some_and(|(_, at)| *at >= t.len())
        || sub.as_ref().is_some_and(|(_, at)| *at >= t.len())
        || roman.is_some_and(|at| at >= t.len())
        || heading_label
        || bare;
    Facts {
        numbered: op.is_some() || sub.is_some() || roman.is_some() || heading_label || bare,
        standalone,
        label_only,
        heading_label: heading_label || roman.is_some_and(|at| at >= t.len()),
        clause_end: ends_clause(&l.parts),
        marked_end: ends_marked(&l.parts),
        comma_end: t.ends_with([',', '，', '،']),
        heading_like: is_heading_like(&text, profile),
        capital: t.starts_with(char::is_uppercase),
        lower: t.starts_with(char::is_lowercase),
        op_value: op
            .as_ref()
            .and_then(|(num, _)| number_value(num))
            .or_else(|| bare.then(|| number_value(t)).flatten()),
    }
}

/// The value of a printed paragraph number, in any digits ("15." → 15).
fn number_value(num: &str) -> Option<u32> {
    // The first run of digits, folded to ASCII, read as a u32 (none if
    // there is none, or it overflows), without copies.
    let mut digits = num
        .chars()
        .map(crate::lang::ascii_digit_of)
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .map(|c| u32::from(c as u8 - b'0'))
        .peekable();
    digits.peek()?;
    digits.try_fold(0u32, |n, d| n.checked_mul(10)?.checked_add(d))
}

/// Whether the lines from here are a heading of one or two lines (no
/// clause ends, heading-like) and then the operative number `due` next:
/// an italic subheading between paragraphs, which extracted text runs
/// into the paragraph before or after.
fn heads_due(facts: &[Facts], due: Option<u32>) -> bool {
    let heading = |g: &Facts| g.heading_like && !g.clause_end && !g.numbered;
    due.is_some()
        && (1..=2)
            .any(|n| facts.len() > n && facts[..n].iter().all(heading) && facts[n].op_value == due)
}

/// Whether a line after a heading's label ("Rule 9") is its title, which
/// ends the heading: short, heading-like, no clause end ("Replacement of
/// a President or the Presidents", then "If either of the Presidents …").
fn titled(line: &LogicalLine, f: &Facts, layout: Layout) -> bool {
    f.heading_like && !f.clause_end && line.width * 100 < layout.full_width * 80
}

/// Whether a heading's title ends on its second line: the first opening
/// with a capital (and running on), the second short, neither ending a
/// clause, and the next line opening as a paragraph does ("Rule 63" /
/// "Representatives of other intergovernmental organizations and other" /
/// "international bodies" / "Save where …").
fn title_wraps(
    ff: &Facts,
    (second, sf): (&LogicalLine, &Facts),
    next: &Facts,
    layout: Layout,
) -> bool {
    ff.capital
        && !ff.clause_end
        && !ff.comma_end
        && !ff.numbered
        && !sf.clause_end
        && second.width * 100 < layout.full_width * 80
        && (next.numbered || next.capital)
}

/// "Action 4. We will …", "Objective 1. Close …": a word with a
/// capital, its number and a stop open the line, then a capital: a
/// numbered lead of its own (79/1 sets 56 of them between paragraphs).
fn labelled(text: &str) -> bool {
    // Words apart by any run of spaces: justified text and some extractors
    // widen them ("Action  51.").
    let mut words = text.split_whitespace();
    let (Some(word), Some(num), Some(rest)) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let digits = num.strip_suffix('.').unwrap_or("");
    word.chars().count() >= 3
        && word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().all(char::is_alphabetic)
        && (1..=3).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && rest.chars().next().is_some_and(char::is_uppercase)
}

/// A paragraph number alone on its line ("12.", "12 -"): the text follows
/// on the next.
fn bare_op_label(t: &str, profile: &Profile) -> bool {
    // Whatever the profile's operative number takes whole once text
    // follows ("1.", Arabic "1 -"): a short line only, so the probe is cheap.
    if t.is_empty() || t.len() > 16 {
        return false;
    }
    let probe = format!("{t} x");
    profile
        .operative_num(&probe)
        .is_some_and(|(_, at)| at == probe.len() - 1)
}

/// "I.", "IV. Title", "A.", "B. Title": the offset where the heading text
/// starts.
pub(crate) fn roman_heading_num(t: &str) -> Option<usize> {
    // A label is at most five letters and a full stop: a first word is
    // read no further than its seventh character (a line of Han is one
    // word).
    let body = t.trim_start();
    // Both kinds of label open with an ASCII capital (most lines do not).
    if !body.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let end = match body
        .char_indices()
        .take(7)
        .find(|&(_, c)| c.is_whitespace())
    {
        Some((at, _)) => at,
        None if body.chars().nth(6).is_none() => body.len(),
        None => return None,
    };
    let head = Some(&body[..end]).filter(|h| !h.is_empty())?;
    let label = head.strip_suffix('.')?;
    let roman = !label.is_empty() && label.len() <= 5 && label.chars().all(|c| "IVXL".contains(c));
    let letter = label.len() == 1 && label.chars().all(|c| c.is_ascii_uppercase());
    if !(roman || letter) {
        return None;
    }
    let rest = &t[head.len()..];
    Some(head.len() + (rest.len() - rest.trim_start().len()))
}

/// Does the text end where a clause can end (punctuation, or a citation)?
pub(crate) fn ends_clause(parts: &[Inline]) -> bool {
    if ends_marked(parts) {
        return true;
    }
    // "2021;54", "行动计划，3": a citation number not recognised still ends
    // the clause.
    if let Some(Inline::Text(t)) = parts.last() {
        let digits = t.chars().rev().take_while(char::is_ascii_digit).count();
        if (1..=3).contains(&digits) {
            let before = t[..t.len() - digits].trim_end();
            if before
                .chars()
                .next_back()
                .is_some_and(|c| clause_mark(c) && c != ')')
            {
                return true;
            }
        }
    }
    false
}

/// Does the text end with clause punctuation or a citation (no bare figure)?
fn ends_marked(parts: &[Inline]) -> bool {
    matches!(parts.last(), Some(Inline::NoteRef(_))) || last_char(parts).is_some_and(clause_mark)
}

/// Punctuation a clause can end with, in the six languages.
fn clause_mark(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | '.'
            | ':'
            | '，'
            | '；'
            | '。'
            | '：'
            | '、'
            | '،'
            | '؛'
            | ')'
            | '）'
            | '”'
            | '»'
            | '!'
            | '?'
    )
}

/// Joins logical lines into paragraphs. A run of paragraph numbers standing
/// alone ("5." "6.", as pdfminer sets a column of numbers) numbers the
/// paragraphs that follow, in order. The lines' text moves into the
/// paragraphs (no copy of the document is made here).
pub(crate) fn paragraphs(
    mut lines: Vec<LogicalLine>,
    layout: Layout,
    profile: &Profile,
    joiner: &Joiner,
) -> Vec<RawPara> {
    let cased = profile.lowercase_continues();
    let facts: Vec<Facts> = lines.iter().map(|l| facts(l, profile)).collect();
    let mut out: Vec<RawPara> = Vec::new();
    // Labels standing alone, by line index, waiting for their paragraphs.
    let mut pending: std::collections::VecDeque<usize> = Default::default();
    // The line before, by index (its text has moved on already).
    let mut prev: Option<usize> = None;
    // Lines in the current paragraph, and whether it reads as a heading.
    let mut cur_lines = 0;
    // The current paragraph opened with a heading's label alone.
    let mut cur_labelled = false;
    // Quotation marks opened and not closed in the current paragraph.
    let mut open_quotes = 0;
    // The operative number that comes next: a line opening with it starts
    // a paragraph whatever the line before (a subheading, a full line).
    let mut due: Option<u32> = None;
    let mut tables = super::tables::find(&lines, joiner).into_iter().peekable();
    let mut k = 0;
    while k < lines.len() {
        if let Some(t) = tables.next_if(|t| t.start == k) {
            out.push(RawPara {
                table: Some((t.header_rows, t.rows)),
                ..RawPara::default()
            });
            // What follows a table starts a paragraph of its own.
            prev = None;
            cur_lines = 0;
            k = t.end;
            continue;
        }
        let f = &facts[k];
        // A run of two or more labels alone: each waits for its paragraph.
        let run = facts[k..].iter().take_while(|g| g.label_only).count();
        if run >= 2 {
            pending.extend(k..k + run);
            k += run;
            continue;
        }
        let cur_heading = cased
            && cur_lines <= 2
            && out.last().is_some_and(|p| {
                let t = p.plain();
                is_heading_like(&t, profile) && !t.ends_with('.')
            });
        let cx = Context {
            layout,
            profile,
            cased,
            quoted: open_quotes > 0,
        };
        let text = Inline::plain(&lines[k].parts);
        let starts_new = match prev {
            None => true,
            Some(p) => {
                let b = (&lines[k], f, &*text);
                (cur_heading && f.numbered)
                    || (f.op_value.is_some() && f.op_value == due && !cx.quoted)
                    || (facts[p].clause_end && !facts[p].label_only && heads_due(&facts[k..], due))
                    || (cur_labelled
                        && cur_lines == 2
                        && titled(&lines[p], &facts[p], layout)
                        && !(cased && f.lower))
                    || (cur_labelled
                        && cur_lines == 3
                        && p > 0
                        && title_wraps(&facts[p - 1], (&lines[p], &facts[p]), f, layout))
                    || breaks(&lines[p], &facts[p], b, &cx)
            }
        };
        if starts_new {
            cur_lines = 0;
            cur_labelled = f.heading_label;
            open_quotes = 0;
            if let Some(n) = f.op_value {
                due = n.checked_add(1);
            }
        }
        open_quotes += quote_balance(&text);
        cur_lines += 1;
        let bold = lines[k].geometry.is_some_and(|g| g.bold);
        if starts_new {
            let mut para = RawPara {
                bold,
                labelled: f.heading_label,
                ..RawPara::default()
            };
            if !f.numbered {
                if let Some(label) = pending.pop_front() {
                    append(
                        &mut para.parts,
                        std::mem::take(&mut lines[label].parts),
                        joiner,
                    );
                }
            }
            out.push(para);
        }
        let para = out.last_mut().expect("pushed above");
        para.bold &= bold;
        append(&mut para.parts, std::mem::take(&mut lines[k].parts), joiner);
        // Notes of this page never cited: after the last line before them.
        let uncited = lines[k]
            .uncited
            .iter()
            .map(|n| Inline::NoteRef(n.to_string()));
        para.parts.extend(uncited);
        prev = Some(k);
        k += 1;
    }
    out
}

/// Whether a paragraph ends between line `a` and line `b`.
/// What a break between two lines is judged in.
struct Context<'p> {
    layout: Layout,
    profile: &'p Profile,
    /// Lower case at a line start marks a line running on.
    cased: bool,
    /// The paragraph so far has a quotation mark open: title case inside
    /// a quoted title is no lead phrase.
    quoted: bool,
}

/// Opening minus closing curly quotation marks (and guillemets).
fn quote_balance(text: &str) -> i32 {
    // Found by their lead bytes (0xE2 for “ ”, 0xC2 for « »), which most
    // lines hold none of.
    let rest = |i: usize| text.get(i..).unwrap_or_default();
    crate::scan::marked(text.as_bytes(), |b| (b == 0xe2) | (b == 0xc2))
        .map(|i| match rest(i).chars().next() {
            Some('“' | '«') => 1,
            Some('”' | '»') => -1,
            _ => 0,
        })
        .sum()
}

fn breaks(
    a: &LogicalLine,
    af: &Facts,
    (b, bf, b_text): (&LogicalLine, &Facts, &str),
    cx: &Context<'_>,
) -> bool {
    let (layout, profile, cased) = (cx.layout, cx.profile, cx.cased);
    if af.standalone || bf.standalone {
        return true;
    }
    if af.label_only {
        // "1." alone: its text is on the next line.
        return false;
    }
    let clause_end = af.clause_end;
    if clause_end && cased && labelled(b_text.trim_start()) {
        return true;
    }
    if let (Some(ga), Some(gb)) = (a.geometry, b.geometry) {
        let gap = b.blank_before && !b.after_break;
        if let Some(page) = page_says((ga, gb, gap), af, bf, clause_end) {
            return page;
        }
    }
    if layout.trailing_ends_paragraph && a.trailing {
        return true;
    }
    let short = a.width * 100 < layout.full_width * 80;
    let b_text = b_text.trim_start();
    let b_first = b_text.chars().next().unwrap_or(' ');
    if bf.numbered {
        return clause_end || short || b.blank_before || !cased;
    }
    let q = profile.ask(b_text);
    let opener = q.preamble_opener() || q.operative_opener();
    // A known lead phrase (preambular or operative: an unnumbered
    // operative paragraph has no number to say so) after a clause end
    // opens a paragraph, however full the line before it was (pdftotext
    // keeps no blank line, no indent), in every script; a word that merely
    // looks like one ("Stockpiling", in a convention's title) needs more.
    let known =
        profile.lead_phrase(b_text, false).is_some() || profile.lead_phrase(b_text, true).is_some();
    if known && (clause_end || (short && !af.numbered)) && !cx.quoted {
        return true;
    }
    if !cased {
        // A short line ending a clause, then a blank line (not a page
        // boundary): the paragraph ended, in any script.
        if clause_end && short && b.blank_before && !b.after_break {
            return true;
        }
        // Where leads open with a capital ("Rappelant", "Prie") but a line
        // in lower case is not read as running on (French), a lead after a
        // clause end and a blank line or a page boundary still opens a
        // paragraph: short paragraphs, each one line, leave no other sign.
        return profile.leads_capitalised()
            && opener
            && (b.blank_before || b.after_break)
            && clause_end;
    }
    if b_first.is_lowercase() {
        return false;
    }
    // A word that only looks like a lead ("States", which ends as
    // operative verbs do) opens no paragraph after a figure that may be a
    // citation: only after clause punctuation, a citation or a short line.
    if opener && (b.blank_before || b.after_break) && (af.marked_end || short) {
        return true;
    }
    if !clause_end {
        // A heading-like short line before a capital: a heading ends.
        let heading_short = a.width * 100 < layout.full_width * 70;
        return heading_short && b.blank_before && !a.after_break && af.heading_like;
    }
    if b.after_break {
        // A new page: the paragraph ended only if its last line was short.
        return short;
    }
    b.blank_before || short || b.indent > a.indent + 2
}

/// What the page says of a break between two printed lines, where it says
/// anything: a line indented past the one before starts a paragraph (unless
/// it is the hanging continuation of a numbered line); on a justified page
/// a line ending short ends one, and a full line runs on; a gap after a
/// clause end parts two; a centred line is a heading's, whose lines run on
/// until a clause ends.
fn page_says(
    (a, b, gap): (Geometry, Geometry, bool),
    af: &Facts,
    bf: &Facts,
    clause_end: bool,
) -> Option<bool> {
    let tol = 0.6 * a.size.max(b.size).max(1.0);
    // A heading set in bold over two lines, no gap between them: one
    // heading, however short its first line ("I International Convention
    // on the Elimination of All Forms of" / "Racial Discrimination"). A
    // gap or a change of face sets a subtitle apart.
    let aligned = (a.indent - b.indent).abs() <= tol || (a.centred && b.centred);
    let same_face = a.bold && b.bold && a.italic == b.italic;
    let runs_on = !clause_end || af.comma_end;
    if same_face && !gap && runs_on && aligned && !bf.numbered {
        return Some(false);
    }
    // A short last line that starts where the line above it did, or under
    // the text of a numbered line (a hanging paragraph), is that
    // paragraph's end, however near the middle it happens to stop: a
    // centred heading stands apart.
    let hanging = af.numbered && b.indent > a.indent;
    let b_centred = b.centred && (a.centred || ((b.indent - a.indent).abs() > tol && !hanging));
    if a.centred || b_centred {
        return Some(!(a.centred && b_centred && !clause_end));
    }
    let indented = b.indent > a.indent + tol && !af.numbered;
    let outdented = b.indent + tol < a.indent;
    match a.short {
        _ if indented => Some(true),
        Some(true) => Some(true),
        // A gap after a clause end: paragraphs are set apart.
        _ if gap && clause_end => Some(true),
        // A numbered line after a full one: the words decide (a one-line
        // paragraph may fill its line).
        _ if bf.numbered => (clause_end && outdented).then_some(true),
        Some(false) if !gap => Some(false),
        _ => None,
    }
}

/// A short line starting with a capital and ending without punctuation.
pub(crate) fn is_heading_like(text: &str, profile: &Profile) -> bool {
    let t = text.trim();
    let first = t.chars().next().unwrap_or(' ');
    let last = t.chars().next_back().unwrap_or(' ');
    !t.is_empty()
        && (t.len() < 150 || (t.len() < 600 && t.chars().count() < 150))
        // A capital, or a letter of a script without case (Han, Arabic).
        && (first.is_uppercase()
            || first.is_ascii_digit()
            || (first.is_alphabetic() && !first.is_lowercase()))
        && !matches!(last, ',' | ';' | ':')
        && !profile.runs_on(t)
}

#[cfg(test)]
mod tests {
    use super::super::lines::scan;
    use super::super::notes::{fold_citations, BodyLine};
    use super::*;
    use crate::ir::Lang;
    use crate::lang;

    #[test]
    fn number_value_reads_the_first_run_of_digits_in_any_script() {
        let copied = |num: &str| -> Option<u32> {
            let digits: String = crate::lang::fold_digits(num)
                .chars()
                .skip_while(|c| !c.is_ascii_digit())
                .take_while(char::is_ascii_digit)
                .collect();
            digits.parse().ok()
        };
        let alphabet = ['0', '9', '٣', '۵', '７', '.', 'a', ' '];
        for s in &crate::lang::tests::every_string(&alphabet, 4) {
            assert_eq!(number_value(s), copied(s), "{s:?}");
        }
        for s in ["4294967295", "4294967296", "99999999999", "12.4294967296"] {
            assert_eq!(number_value(s), copied(s), "{s:?}");
        }
    }

    /// Reading only the first seven characters finds what reading the
    /// whole first word finds.
    #[test]
    fn roman_heading_num_reads_the_word_it_needs() {
        let whole = |t: &str| -> Option<usize> {
            let head = t.split_whitespace().next()?;
            let label = head.strip_suffix('.')?;
            let roman =
                !label.is_empty() && label.len() <= 5 && label.chars().all(|c| "IVXL".contains(c));
            let letter = label.len() == 1 && label.chars().all(|c| c.is_ascii_uppercase());
            if !(roman || letter) {
                return None;
            }
            let rest = &t[head.len()..];
            Some(head.len() + (rest.len() - rest.trim_start().len()))
        };
        let alphabet = ['I', 'V', '.', ' ', 'a', 'A', '大'];
        for s in &crate::lang::tests::every_string(&alphabet, 7) {
            let s = s.trim_start();
            assert_eq!(roman_heading_num(s), whole(s), "{s:?}");
        }
    }

    #[test]
    fn a_numbered_lead_is_found_however_wide_its_spaces() {
        // pdfminer of 79/1 widens the spaces of a justified line.
        assert!(labelled("Action 51. We will accelerate"));
        assert!(labelled("Action  51.  We will accelerate"));
        assert!(!labelled("Action 51. we will"));
        assert!(!labelled("As 51. We"));
    }

    fn paras(src: &str, lang: Lang) -> Vec<String> {
        let profile = lang::profile(lang);
        let lines = scan(src);
        let layout = Layout::of(&lines, 0);
        let body: Vec<_> = lines
            .iter()
            .map(|l| BodyLine {
                line: l.clone(),
                after_break: false,
            })
            .collect();
        let j = Joiner::default();
        let logical = fold_citations(&body, &[], profile, &j, &mut Vec::new());
        paragraphs(logical, layout, profile, &j)
            .iter()
            .map(|p| p.plain().into_owned())
            .collect()
    }

    /// Paragraphs of printed lines, each `(indent, short, text)`.
    fn placed(src: &[(f32, bool, &str)]) -> Vec<String> {
        let lines: Vec<_> = src
            .iter()
            .map(|&(indent, short, text)| (indent, short, false, false, text))
            .collect();
        placed_in_faces(&lines)
    }

    /// As `placed`, each line also saying whether it is set in bold and
    /// whether a gap stands above it.
    fn placed_in_faces(src: &[(f32, bool, bool, bool, &str)]) -> Vec<String> {
        let printed: Vec<crate::read::layout::Line> = src
            .iter()
            .map(
                |&(indent, short, bold, gap_before, text)| crate::read::layout::Line {
                    text: text.into(),
                    gap_before,
                    facts: crate::read::layout::Facts {
                        geometry: Geometry {
                            indent,
                            short: Some(short),
                            size: 10.0,
                            bold,
                            ..Default::default()
                        },
                        ..Default::default()
                    },
                    ..Default::default()
                },
            )
            .collect();
        let lines = super::super::lines::from_layout(&printed);
        let body: Vec<_> = lines
            .iter()
            .map(|l| BodyLine {
                line: l.clone(),
                after_break: false,
            })
            .collect();
        let (j, profile) = (Joiner::default(), lang::profile(Lang::En));
        let logical = fold_citations(&body, &[], profile, &j, &mut Vec::new());
        paragraphs(logical, Layout::of(&lines, 0), profile, &j)
            .iter()
            .map(|p| p.plain().into_owned())
            .collect()
    }

    #[test]
    fn a_bold_heading_over_two_lines_is_one_and_a_gap_sets_a_subtitle_apart() {
        // 79/161 and 80/117 as printed: bold lines at one indent, the
        // first short (a comma ends it), then a gap, a bold subtitle, a
        // gap, the text in roman.
        let got = placed_in_faces(&[
            (
                0.0,
                true,
                true,
                false,
                "Special Rapporteur on contemporary forms of racism, racial discrimination,",
            ),
            (0.0, true, true, false, "xenophobia and related intolerance"),
            (
                0.0,
                true,
                true,
                true,
                "Equity and integration: transforming lives",
            ),
            (0.0, true, true, false, "and livelihoods"),
            (
                24.0,
                false,
                false,
                true,
                "We, Heads of State and Government and representatives of States and",
            ),
            (
                0.0,
                true,
                false,
                false,
                "Governments, assembled at the United Nations,",
            ),
        ]);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[0].ends_with("racial discrimination, xenophobia and related intolerance"));
        assert_eq!(
            got[1],
            "Equity and integration: transforming lives and livelihoods"
        );
        // In roman, the short line ends its paragraph.
        let got = placed(&[
            (
                0.0,
                true,
                "Special Rapporteur on contemporary forms of racism",
            ),
            (0.0, true, "xenophobia and related intolerance"),
        ]);
        assert_eq!(got.len(), 2, "{got:?}");
    }

    /// A citation figure glued after a clause's end ("行动计划，3", as
    /// pdftotext reads our own Chinese PDF) still ends the clause, in
    /// every script; a figure after no punctuation does not.
    #[test]
    fn a_figure_after_clause_punctuation_ends_the_clause() {
        let text = |t: &str| vec![Inline::Text(t.into())];
        for t in [
            "行动计划，3",
            "du Programme,12",
            "الإرهاب،4",
            "عدل؛ 2",
            "2021;54",
        ] {
            assert!(ends_clause(&text(t)), "{t}");
        }
        for t in ["第 46/152", "resolution 1991", "(2000)3", "行动计划3"] {
            assert!(!ends_clause(&text(t)), "{t}");
        }
        let src = "铭记《联合国千年宣言》1和《维也纳宣言》2以及执行这一《宣言》的行动计划，3\n\
                   强调联合国在预防犯罪和刑事司法领域的作用，\n";
        let got = paras(src, Lang::Zh);
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn a_known_lead_after_a_clause_end_opens_a_paragraph() {
        // pdftotext: no blank line, no indent, the line before full.
        let src = "Recalling its resolution 70/1 of 25 September 2015 on the Agenda and on the\n\
                   follow-up,\n\
                   Noting with concern the report of the Secretary-General on the\n\
                   Convention on the Prohibition of the Development, Production,\n\
                   Stockpiling and Use of Chemical Weapons and on Their Destruction,\n\
                   Recalling “the Declaration on the Rights of All States,\n\
                   Taking into Account the Needs of Developing Countries”,\n";
        let got = paras(src, Lang::En);
        // "Stockpiling" is no lead of the list; inside an open quotation
        // a title-case "Taking" is none either.
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[1].starts_with("Noting with concern") && got[2].starts_with("Recalling"));
    }

    #[test]
    fn an_operative_lead_after_a_clause_end_opens_a_paragraph() {
        // 78/246: one unnumbered operative paragraph after the preamble.
        let src =
            "of 24 December 2008, 66/234 of 24 December 2011, 67/255 of 12 April 2013, 68/252\n\
                   of 27 December 2013, 71/263 of 23 December 2016 and 77/278 of 18 April 2023,\n\
                   Having considered the report of the Ethics Office and the note by the Secretary,\n\
                   Takes note of the report of the Ethics Office.\n";
        let got = paras(src, Lang::En);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[2].starts_with("Takes note"));
    }

    #[test]
    fn a_rule_label_and_its_title_are_a_heading_apart_from_the_text() {
        // pdftotext of 78/128 (rules of procedure): label, title, text,
        // with no blank line between them.
        let src = "2. A Vice-President acting as President shall have the same powers and duties as\n\
                   the President.\n\
                   Rule 9\n\
                   Replacement of a President or the Presidents\n\
                   If either of the Presidents is unable to perform her or his functions, a new\n\
                   President shall be elected. If both Presidents are unable to perform their functions,\n\
                   new Presidents shall be elected.\n";
        let got = paras(src, Lang::En);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(
            got[1],
            "Rule 9 Replacement of a President or the Presidents"
        );
        assert!(got[2].starts_with("If either"), "{got:?}");
    }

    #[test]
    fn a_numbered_lead_after_a_clause_end_opens_a_paragraph() {
        // pdftotext of 79/1: the bold "Action 4." after an item's last
        // full line; "Goal 4 is" or a lower-case word after the number is
        // no such lead.
        let src = "(c) Promote equitable, resilient, inclusive and sustainable agrifood systems so\n\
                   that everyone has access to safe, affordable, sufficient and nutritious food.\n\
                   Action 4. We will close the Sustainable Development Goal financing gap.\n\
                   23. We are deeply concerned by the growing financing gap facing the developing.\n\
                   Goal 4. includes education for all and lifelong learning for everyone.\n";
        let got = paras(src, Lang::En);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[1].starts_with("Action 4. We will"), "{got:?}");
        assert!(
            got[2].ends_with("lifelong learning for everyone."),
            "{got:?}"
        );
    }

    #[test]
    fn a_heading_label_alone_keeps_its_title_before_the_number_due() {
        // pdftotext of 79/1: "I." on its line, the title on the next, then
        // the paragraph due; the label ends with a full stop but no clause.
        let src = "17. We will advance implementation of these actions.\n\
                   I.\n\n\
                   Sustainable development and financing for development\n\n\
                   18. In 2015, we resolved to free the human race from poverty.\n";
        let got = paras(src, Lang::En);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(
            got[1].starts_with("I.") && got[1].ends_with("for development"),
            "{got:?}"
        );
    }

    #[test]
    fn the_number_due_next_opens_a_paragraph_after_a_subheading() {
        // pdftotext: an italic subheading, a full line with no clause end,
        // then the next number, on its line or alone before it.
        let src =
            "14. Also requests the Secretary-General to take all action necessary to ensure\n\
                   that the Mission is administered with a maximum of efficiency and economy;\n\
                   Budget performance report for the period from 1 July 2022 to 30 June 2023\n\
                   15. Takes note of the report of the Secretary-General on the budget\n\
                   performance of the Mission for the period from 1 July 2022 to 30 June 2023;\n\
                   Budget estimates for the period from 1 July 2024 to 30 June 2025\n\
                   16.\n\
                   Approves the amount of 48,004,100 United States dollars for the\n\
                   maintenance of the Regional Service Centre for the period from 1 July 2024 to\n\
                   30 June 2025, and notes the amount of 1,523,400 dollars set out in section\n\
                   15. Financing of the report of the Secretary-General on the budget of the\n\
                   Mission;\n";
        let got = paras(src, Lang::En);
        assert_eq!(got.len(), 5, "{got:?}");
        assert!(got[1].starts_with("Budget performance") && got[2].starts_with("15. Takes"));
        assert!(got[3].starts_with("Budget estimates") && got[4].starts_with("16."));
        // A "15." that is not the number due (17) runs on.
        assert!(got[4].contains("section 15. Financing"), "{}", got[4]);
    }

    #[test]
    fn the_page_decides_where_words_cannot() {
        // A paragraph whose last line is full, then an indented first
        // line: two paragraphs (the words alone would join them).
        let got = placed(&[
            (
                24.0,
                false,
                "Recalling its resolution 70/1 of 25 September 2015 on the",
            ),
            (
                0.0,
                false,
                "2030 Agenda for Sustainable Development and on the follow-up",
            ),
            (
                24.0,
                false,
                "Recalling also the outcome of the conference and on the",
            ),
            (0.0, true, "review,"),
        ]);
        assert_eq!(got.len(), 2, "{got:?}");
        // A clause end and a capital on a full line running on at the
        // margin: one paragraph (the words alone would split it).
        let got = placed(&[
            (
                24.0,
                false,
                "Noting the report of the Secretary-General, including the",
            ),
            (
                0.0,
                false,
                "chapters on Member States, Regional Commissions and the",
            ),
            (0.0, true, "Economic and Social Council,"),
        ]);
        assert_eq!(got.len(), 1, "{got:?}");
        // A short last line ends a paragraph, whatever follows.
        let got = placed(&[
            (24.0, true, "Aware of the role of civil society,"),
            (24.0, true, "Aware also of the role of the media,"),
        ]);
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn pdfminer_shape() {
        let src = "Having considered chapter V of the report of the Committee on Contributions \n\non its eighty-fifth session, \n\nReaffirming the obligation of Member States under Article 17 of the Charter of \nthe  United  Nations  to  bear  the  expenses  of  the  Organization  as  apportioned  by  the \nGeneral Assembly, \n\n1. \n\nReaffirms  its  role  in  accordance  with  the  provisions  of Article  19  of  the \nCharter; \n\n2.  Also reaffirms its resolution 54/237 C of 23 December 1999; \n";
        assert_eq!(
            paras(src, Lang::En),
            vec![
                "Having considered chapter V of the report of the Committee on Contributions on its eighty-fifth session,",
                "Reaffirming the obligation of Member States under Article 17 of the Charter of the United Nations to bear the expenses of the Organization as apportioned by the General Assembly,",
                "1. Reaffirms its role in accordance with the provisions of Article 19 of the Charter;",
                "2. Also reaffirms its resolution 54/237 C of 23 December 1999;",
            ]
        );
    }

    #[test]
    fn pdftotext_shape_without_blank_lines() {
        let src = "Having considered chapter V of the report of the Committee on Contributions\non its eighty-fifth session,\nReaffirming the obligation of Member States under Article 17 of the Charter of\nthe United Nations to bear the expenses of the Organization as apportioned by the\nGeneral Assembly,\n1.\nReaffirms its role in accordance with the provisions of Article 19 of the\nCharter of the United Nations;\n(a) To do this;\n(b) To do that;\n";
        assert_eq!(
            paras(src, Lang::En),
            vec![
                "Having considered chapter V of the report of the Committee on Contributions on its eighty-fifth session,",
                "Reaffirming the obligation of Member States under Article 17 of the Charter of the United Nations to bear the expenses of the Organization as apportioned by the General Assembly,",
                "1. Reaffirms its role in accordance with the provisions of Article 19 of the Charter of the United Nations;",
                "(a) To do this;",
                "(b) To do that;",
            ]
        );
    }

    #[test]
    fn a_column_of_numbers_numbers_the_paragraphs_after_it() {
        let src = "on its resolutions 41/213 and 42/211; \n\n5. \n\n6. \n\nAlso reaffirms the Financial Regulations and Rules of the United Nations; \n\nFurther reaffirms its resolution 78/244 of 22 December 2023; \n";
        assert_eq!(
            paras(src, Lang::En),
            vec![
                "on its resolutions 41/213 and 42/211;",
                "5. Also reaffirms the Financial Regulations and Rules of the United Nations;",
                "6. Further reaffirms its resolution 78/244 of 22 December 2023;",
            ]
        );
    }

    #[test]
    fn headings_end_before_numbered_paragraphs() {
        let src = "of the report of the Advisory Committee with its many recommendations on posts;\nSection 21\nEconomic and social development in Latin America and the Caribbean and elsewhere\n55. Acknowledges the Economic Commission for Latin America and the Caribbean\non its seventy-fifth anniversary, and notes with appreciation its cooperation with the\nUnited Nations development system;\nSelection and appointment of the Secretary-General and other executive heads\n38. Reaffirms the important role played by the Secretary-General;\n";
        assert_eq!(
            paras(src, Lang::En),
            vec![
                "of the report of the Advisory Committee with its many recommendations on posts;",
                "Section 21 Economic and social development in Latin America and the Caribbean and elsewhere",
                "55. Acknowledges the Economic Commission for Latin America and the Caribbean on its seventy-fifth anniversary, and notes with appreciation its cooperation with the United Nations development system;",
                "Selection and appointment of the Secretary-General and other executive heads",
                "38. Reaffirms the important role played by the Secretary-General;",
            ]
        );
    }

    #[test]
    fn comma_at_a_full_line_end_does_not_split() {
        let src = "Reaffirming its resolutions 46/152 of 18 December 1991, 60/1 of 16 September 2005,\n67/1 of 19 September 2012, 69/193 and 69/196 of 18 December 2014, 70/178 and 70/182,\nUnited Nations bodies and 17 December 2015, 71/209 of 19 December 2016, 72/196 of\n19 December 2017,\n";
        assert_eq!(paras(src, Lang::En).len(), 1);
    }

    /// Our PDF of 79/55 ended a page at "the Code, 131" and began the next
    /// with "States have made": a figure after a comma may be a citation,
    /// and "States" ends as operative verbs do, but neither is enough to
    /// part a full line from the next page's; a known lead still opens one.
    #[test]
    fn a_figure_then_a_word_ending_like_a_lead_runs_on_across_a_page() {
        let preamble = |next: &str| {
            let src = format!(
                "79/55. Preventing the acquisition by terrorists of radioactive sources\n\n\
                 The General Assembly,\n\n\
                 Highlighting the importance of the Code of Conduct, noting that 149 States of\n\
                 the Agency have made a political commitment to implement the provisions of the\n\
                 Code of Conduct and of its supplementary Guidance on the Import of the Code, 131\n\
                 \u{c}{next} have made a similar commitment to the supplementary Guidance,\n\n\
                 Noting that a number of States have not yet become parties to the instruments,\n\n\
                 1. Calls upon Member States to act.\n"
            );
            let (res, _) = crate::read::text::read(&src, &Default::default()).expect("reads");
            res.preamble.len()
        };
        assert_eq!(preamble("States"), 2);
        assert_eq!(preamble("Noting also that 58 States"), 3);
    }

    /// A short line, then a known lead: the paragraph ended, even without
    /// a clause end (78/72's "response activities, particular", its words
    /// lost in the source; 79/1's heading "Commitments"). Not after a
    /// numbered paragraph's first line, which the number makes short.
    #[test]
    fn a_known_lead_after_a_short_line_opens_a_paragraph() {
        let full = "the role of space-based solutions, in tele-epidemiology, in monitoring, preparedness and\n";
        let src = format!(
            "{full}{full}response activities, particular\n\
             Recalling the fact that the United Nations Conference on Sustainable Development,\n{full}"
        );
        assert_eq!(paras(&src, Lang::En).len(), 2);
        let numbered = format!(
            "{full}{full}the role of space-based solutions in monitoring and response activities;\n\
             12. Encourages the continued implementation of the Declaration on\n\
             Supporting Principles for Responsible Diamond Sourcing as Best Practices for the\n{full}"
        );
        assert_eq!(paras(&numbered, Lang::En).len(), 2);
    }

    #[test]
    fn headings_and_dates_stand_alone() {
        let src = "I.\n\nSustainable development and financing for development\n\n18.\nIn 2015, we resolved to free the human race from the tyranny of poverty, hunger\nand want and to heal and secure our planet. We promised that we would leave no one\nbehind, and we have made some progress towards the Goals in all three dimensions.\n\n18th plenary meeting\n14 October 2025\n";
        assert_eq!(
            paras(src, Lang::En),
            vec![
                "I. Sustainable development and financing for development",
                "18. In 2015, we resolved to free the human race from the tyranny of poverty, hunger and want and to heal and secure our planet. We promised that we would leave no one behind, and we have made some progress towards the Goals in all three dimensions.",
                "18th plenary meeting",
                "14 October 2025",
            ]
        );
    }

    /// A number alone on its line is a label in each language's own form:
    /// Arabic "2 -" as English "2.", the text on the next line its own.
    #[test]
    fn a_number_alone_is_a_label_in_the_profile_s_form() {
        let ar = paras(
            "تؤكد من جديد الحق في الخصوصية؛\n\n2 -\n\nتسلم بالطبيعة العالمية للإنترنت؛\n",
            Lang::Ar,
        );
        assert_eq!(ar.len(), 2, "{ar:?}");
        assert!(ar[1].starts_with("2 -"), "{ar:?}");
        let en = paras(
            "Affirms the right;\n2.\nRecognizes the open nature of the Internet;\n",
            Lang::En,
        );
        assert_eq!(en.len(), 2, "{en:?}");
        assert!(!bare_op_label("2.3", lang::profile(Lang::En)));
    }
}
