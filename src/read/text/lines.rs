//! Pass 1 and 2: physical lines, page furniture and running heads.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::sync::LazyLock;

use regex::{Regex, RegexSet};

use crate::lang::{is_wide, FirstBytes, Profile};
use crate::read::layout::{self, Facts};
use crate::scan::holds;

/// What a physical line is, as far as the page is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Text of the document (or a blank line).
    Text,
    /// Page number, job number, barcode: dropped, marks a page boundary.
    Furniture,
    /// Running head (symbol, short title) of a later page: dropped, kept as
    /// the short title, marks a page boundary.
    Head,
}

/// One physical line of the input.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line<'a> {
    /// Text without leading and trailing whitespace.
    pub text: &'a str,
    /// Leading whitespace characters.
    pub indent: usize,
    /// Whether whitespace followed the text (some extractors end each
    /// paragraph's last line with a space).
    pub trailing: bool,
    /// For a whitespace-only line, its width.
    pub blank_width: Option<usize>,
    /// The line opened a new page (form feed).
    pub page_start: bool,
    pub kind: Kind,
    /// What the page says about the line, where it came from a page.
    pub facts: Option<&'a Facts>,
}

impl Line<'_> {
    pub fn is_blank(&self) -> bool {
        self.blank_width.is_some()
    }

    /// A number alone on its line ("3"), as footnote numbers stand; a
    /// figure in a table cell is none.
    pub fn bare_number(&self) -> Option<u32> {
        if self.cell().is_some() {
            return None;
        }
        bare_number(self.text)
    }

    /// The table cell the page printed the line in, if any.
    pub fn cell(&self) -> Option<layout::Cell> {
        self.facts.and_then(|f| f.cell)
    }
}

/// "3" → 3; anything else (or more than three digits) → None.
pub(crate) fn bare_number(t: &str) -> Option<u32> {
    (!t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
}

/// Splits the text into lines, noting indents, trailing space and form feeds.
/// The physical lines of `text`, whatever ends them: LF, CR LF, or a CR
/// alone (old Mac text, some extractors), as `str::lines` would give them
/// for LF.
fn physical_lines(text: &str) -> Box<dyn Iterator<Item = &str> + '_> {
    if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        return Box::new(
            text.lines()
                .flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r')),
        );
    }
    // No CR (nearly all text): the line feeds found by one vector search,
    // not one search a line.
    let mut ends = memchr::memchr_iter(b'\n', text.as_bytes());
    let mut start = 0;
    Box::new(std::iter::from_fn(move || {
        (start < text.len()).then(|| {
            let end = ends.next().unwrap_or(text.len());
            let line = &text[start..end];
            start = end + 1;
            line
        })
    }))
}

pub(crate) fn scan(text: &str) -> Vec<Line<'_>> {
    physical_lines(text)
        .map(|raw| {
            let page_start = raw.starts_with('\u{c}');
            let raw = raw.trim_matches(|c: char| c == '\r' || c == '\u{c}');
            let text = raw.trim();
            if text.is_empty() {
                return Line {
                    text,
                    indent: 0,
                    trailing: false,
                    blank_width: Some(raw.chars().count()),
                    page_start,
                    kind: Kind::Text,
                    facts: None,
                };
            }
            Line {
                text,
                indent: raw.chars().take_while(|c| c.is_whitespace()).count(),
                trailing: raw.ends_with(char::is_whitespace),
                blank_width: None,
                page_start,
                kind: Kind::Text,
                facts: None,
            }
        })
        .collect()
}

/// The lines a page reader printed, with their facts: a blank line where a
/// gap stands above a line, as an extractor prints it.
pub(crate) fn from_layout(printed: &[layout::Line]) -> Vec<Line<'_>> {
    let blank = |page_start| Line {
        text: "",
        indent: 0,
        trailing: false,
        blank_width: Some(0),
        page_start,
        kind: Kind::Text,
        facts: None,
    };
    let mut out = Vec::with_capacity(printed.len() + printed.len() / 4);
    for l in printed {
        let text = l.text.trim();
        if l.gap_before {
            out.push(blank(false));
        }
        if text.is_empty() {
            out.push(blank(l.page_start));
            continue;
        }
        out.push(Line {
            text,
            indent: 0,
            trailing: false,
            blank_width: None,
            page_start: l.page_start,
            kind: if l.facts.furniture {
                Kind::Head
            } else {
                Kind::Text
            },
            facts: Some(&l.facts),
        });
    }
    out
}

/// One automaton for every furniture pattern: a line is scanned once, not
/// once per pattern.
static FURNITURE: LazyLock<(RegexSet, FirstBytes)> = LazyLock::new(|| {
    let sources = [
        // page number "2/28", alone or beside the job number
        r"^\d{1,3}\s*/\s*\d{1,3}$",
        r"^\d{1,3}/\d{1,3}\s+\d{2}-\d{5}(\s*\([A-Z]\))?$",
        r"^\d{2}-\d{5}(\s*\([A-Z]\))?\s+\d{1,3}/\d{1,3}$",
        // job number "23-25976 (E) 100124"
        r"^\d{2}-\d{5}\s*(\([A-Z]\))?(\s+\d{6})?$",
        // the date half of a job number, alone: "100124"
        r"^\d{6}$",
        // barcode "*2325976*"
        r"^\*\d{5,}\*$",
    ];
    let set = RegexSet::new(sources).expect("furniture patterns");
    (set, FirstBytes::of(&sources))
});

/// Marks page furniture: page numbers, job numbers, barcodes.
pub(crate) fn mark_furniture(lines: &mut [Line<'_>], profile: &Profile) {
    for l in lines.iter_mut() {
        // A line opening with no byte a pattern opens with (most) is
        // not searched.
        let (set, gate) = &*FURNITURE;
        let furniture = gate.may_open(l.text) && set.is_match(l.text);
        if !l.is_blank() && (furniture || profile.page_furniture(l.text)) {
            l.kind = Kind::Furniture;
        }
    }
}

/// Letters and digits only, lower case: compares a running head with the
/// title however the extractor spaced or wrapped it.
pub(crate) fn squash(s: &str) -> String {
    if s.is_ascii() {
        // The same, byte by byte: most lines are ASCII. (`retain` moves
        // the kept bytes in one pass; collecting characters pushed them
        // one by one, a tenth of the running-head pass.)
        let mut b = s.as_bytes().to_vec();
        b.retain(u8::is_ascii_alphanumeric);
        b.make_ascii_lowercase();
        return String::from_utf8(b).unwrap_or_default();
    }
    let mut out = String::with_capacity(s.len());
    out.extend(
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase),
    );
    out
}

/// The text without whitespace and hyphens, other punctuation kept: a
/// running head prints the title's own characters, so a line that quotes
/// the title ("… and representatives”.") differs from every piece of it.
/// (Hyphens go: an extractor joining a title wrapped at "Weapon-" may drop
/// the one it wrapped at.)
fn tight(s: &str) -> String {
    if s.is_ascii() {
        // ASCII whitespace as `char::is_whitespace` has it: 0x09–0x0D, space.
        let mut b = s.as_bytes().to_vec();
        b.retain(|b| !matches!(b, b' ' | b'\t'..=b'\r' | b'-'));
        return String::from_utf8(b).unwrap_or_default();
    }
    let mut t = s.to_string();
    t.retain(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{ad}' | '\u{2010}'..='\u{2015}'));
    t
}

/// Whether `text`, less the symbol printed beside it, is a piece of the
/// title as printed (`title_tight`, from [`tight`]).
fn in_title(text: &str, symbol: &str, title_tight: &str) -> bool {
    let t = tight(strip_symbol(text, symbol));
    !t.is_empty() && holds(title_tight, &t)
}

/// The line less the symbol printed at either end of it.
fn strip_symbol<'t>(text: &'t str, symbol: &str) -> &'t str {
    let t = text.trim();
    if symbol.is_empty() {
        return t;
    }
    t.strip_prefix(symbol)
        .or_else(|| t.strip_suffix(symbol))
        .map_or(t, str::trim)
}

/// How many lines on each side of a page boundary may be a running head.
const HEAD_WINDOW: usize = 4;

/// Marks running heads near page boundaries after line `from`: the symbol,
/// lines that are part of the title, and lines repeated at several
/// boundaries. Returns the running titles as printed, page by page.
pub(crate) fn mark_running_heads(
    lines: &mut [Line<'_>],
    from: usize,
    symbol: &str,
    title: &str,
) -> Vec<String> {
    let symbol_sq = squash(symbol);
    let title_sq = squash(title);
    let title_tight = tight(title);
    // The title less its number ("79/190."), as a running head prints it.
    let bare_tight =
        title_tight.trim_start_matches(|c: char| c.is_ascii_digit() || c == '/' || c == '.');
    // Page boundaries: runs of furniture (and form feeds) with nothing but
    // blank lines between them count as one.
    let mut clusters: Vec<(usize, usize)> = Vec::new();
    for i in from..lines.len() {
        let l = &lines[i];
        // On a page (lines with facts), only a page's start is a page
        // boundary: furniture at its foot is followed by no head.
        let boundary = l.page_start || (l.kind == Kind::Furniture && l.facts.is_none());
        if !boundary {
            continue;
        }
        match clusters.last_mut() {
            Some((_, last))
                if lines[*last + 1..i]
                    .iter()
                    .all(|m| m.is_blank() || m.kind != Kind::Text) =>
            {
                *last = i
            }
            _ => clusters.push((i, i)),
        }
    }
    if clusters.is_empty() {
        return Vec::new();
    }
    // Candidate lines: a few non-blank lines either side of each boundary;
    // only those after it (the page top) count as repeated heads, since
    // page bottoms repeat footnote phrases ("chap. I, sect. D.").
    // `bottoms` holds the lines before it, nearest first.
    let mut bottoms: Vec<Vec<usize>> = Vec::new();
    let mut tops: Vec<Vec<usize>> = Vec::new();
    // The page tops again, twice as deep: a long title wrapped over more
    // lines than the window, then the symbol.
    let mut deep_tops: Vec<Vec<usize>> = Vec::new();
    // A boundary without a form feed, followed within a few lines by one
    // with a form feed, is the page's foot: the lines between (note text
    // an extractor set after the job number) are no page top, which starts
    // at the form feed.
    let starts_page =
        |&(first, last): &(usize, usize)| lines[first..=last].iter().any(|l| l.page_start);
    for (k, cluster @ &(first, last)) in clusters.iter().enumerate() {
        let foot_only = !starts_page(cluster)
            && clusters.get(k + 1).is_some_and(|next| {
                starts_page(next)
                    && lines[last + 1..next.0]
                        .iter()
                        .filter(|l| !l.is_blank() && l.kind == Kind::Text)
                        .count()
                        < HEAD_WINDOW
            });
        let top_from = match clusters.get(k + 1) {
            Some(&(next, next_last)) if foot_only => (next..=next_last)
                .find(|&i| lines[i].page_start)
                .unwrap_or(last),
            _ => last,
        };
        let deep: Vec<usize> = (top_from..lines.len())
            .filter(|&i| !lines[i].is_blank() && lines[i].kind == Kind::Text)
            .take(2 * HEAD_WINDOW)
            .collect();
        let after: Vec<usize> = deep.iter().copied().take(HEAD_WINDOW).collect();
        deep_tops.push(deep);
        // A page prints its head at the top, so lines a page reader gave
        // are never a head before the boundary (only some extractors move
        // heads to the page bottom).
        let before = (from..first)
            .rev()
            .filter(|&i| !lines[i].is_blank() && lines[i].kind == Kind::Text)
            .take(HEAD_WINDOW)
            .filter(|&i| lines[i].facts.is_none());
        bottoms.push(before.collect());
        tops.push(after);
    }
    let texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
    // Each line's key, made once: the rules below ask for it many times.
    let squashed: Vec<OnceCell<String>> = texts.iter().map(|_| OnceCell::new()).collect();
    let sq = |i: usize| squashed[i].get_or_init(|| squash(texts[i])).as_str();
    // Repeats are counted on the lines' own characters (whitespace aside):
    // a page's head prints the same each time, while a body line that
    // merely says the title's words ("consumer product safety.") differs.
    let tightened: Vec<OnceCell<String>> = texts.iter().map(|_| OnceCell::new()).collect();
    let tt = |i: usize| tightened[i].get_or_init(|| tight(texts[i])).as_str();
    // Whether each line is a piece of the title, judged once: a line near
    // a boundary is asked as a page top, a page foot and a deep top.
    let titled: Vec<OnceCell<bool>> = texts.iter().map(|_| OnceCell::new()).collect();
    let in_the_title =
        |i: usize| *titled[i].get_or_init(|| in_title(texts[i], symbol, &title_tight));
    let mut repeats: HashMap<&str, usize> = HashMap::new();
    for w in &tops {
        let mut seen: Vec<&str> = w.iter().map(|&i| tt(i)).collect();
        seen.sort();
        seen.dedup();
        for s in seen {
            *repeats.entry(s).or_default() += 1;
        }
    }
    let is_head_text = |i: usize, top: bool| -> bool {
        let (text, sq) = (texts[i], sq(i));
        if sq.is_empty() {
            return false;
        }
        // Words, or in scripts written without spaces, pairs of signs.
        let words = text
            .split_whitespace()
            .count()
            .max(text.chars().filter(|&c| is_wide(c)).count() / 2);
        if !symbol_sq.is_empty() && sq == symbol_sq {
            return true;
        }
        // "A/RES/80/2    United Nations: requests …" (layout extraction)
        let rest = if !symbol_sq.is_empty() && sq.starts_with(&symbol_sq) {
            &sq[symbol_sq.len()..]
        } else if !symbol_sq.is_empty() && sq.ends_with(&symbol_sq) {
            &sq[..sq.len() - symbol_sq.len()]
        } else {
            sq
        };
        // Part of the title: a good part of it, and no line that ends a
        // clause ("the General Assembly;" is body text).
        if title_sq.len() > 8
            && words >= 3
            && rest.len() >= 8.max(title_sq.len() / 3)
            && !text.ends_with([';', ','])
            && holds(&title_sq, rest)
            && in_the_title(i)
        {
            return true;
        }
        top && words >= 3 && text.len() < 120 && repeats.get(tt(i)).copied().unwrap_or(0) >= 3
    };
    let mut heads_by_page: Vec<String> = Vec::new();
    // Pages where the page reader found the head by its place: there the
    // words may only name the symbol (a body line at a page top can quote
    // the title).
    let placed = placed_heads(lines);
    let is_head = |i: usize, top: bool| -> bool {
        if placed[i] {
            return !symbol_sq.is_empty() && sq(i) == symbol_sq;
        }
        is_head_text(i, top)
    };
    let bare_title = title_sq.trim_start_matches(|c: char| c.is_ascii_digit());
    // A piece of the title: its words, in order, as printed (a comma
    // included where the title wraps after one).
    let title_piece = |i: usize| !placed[i] && sq(i).len() >= 8 && in_the_title(i);
    for ((bottom, top), deep) in bottoms.iter().zip(&tops).zip(&deep_tops) {
        let mut heads: Vec<usize> = top.iter().copied().filter(|&i| is_head(i, true)).collect();
        // Pieces (nearest the boundary first) that print two thirds of
        // the title, in order.
        let most = |run: &[usize]| {
            let joined: String = run
                .iter()
                .rev()
                .map(|&i| tight(strip_symbol(texts[i], symbol)))
                .collect();
            joined.len() * 3 >= bare_tight.len() * 2 && holds(&title_tight, &joined)
        };
        heads.extend(bottom_head(
            bottom,
            |i| is_head(i, false),
            title_piece,
            most,
        ));
        // Title pieces from the page top down to the symbol are head, how
        // many lines the title takes; so are lines that together print the
        // whole title (less its number) there, the last of them perhaps a
        // word ("… at the United" / "Nations").
        let symbol_at = deep
            .iter()
            .position(|&i| !symbol_sq.is_empty() && sq(i) == symbol_sq);
        let whole_title = |run: &[usize]| {
            !bare_title.is_empty()
                && run.iter().all(|&i| !placed[i])
                && run.iter().map(|&i| sq(i)).collect::<String>() == bare_title
        };
        if let Some(at) = symbol_at.filter(|&at| {
            at > 0
                && ((deep[..at].iter().all(|&i| title_piece(i))
                    && holds(
                        &title_tight,
                        &deep[..at]
                            .iter()
                            .map(|&i| tight(texts[i]))
                            .collect::<String>(),
                    ))
                    || whole_title(&deep[..at]))
        }) {
            heads.extend(
                deep[..=at]
                    .iter()
                    .filter(|i| !heads.contains(i))
                    .collect::<Vec<_>>(),
            );
        }
        // After the symbol, lines that together print the whole title
        // (less its number) are head: the last of them may be a word or
        // two ("Central Asia"), too short for any rule alone.
        if let Some(at) = symbol_at {
            let mut joined = String::new();
            for (n, &i) in deep[at + 1..].iter().enumerate() {
                joined.push_str(sq(i));
                if placed[i] || !bare_title.starts_with(joined.as_str()) {
                    break;
                }
                if joined == bare_title {
                    let whole = &deep[at + 1..=at + 1 + n];
                    heads.extend(
                        whole
                            .iter()
                            .filter(|i| !heads.contains(i))
                            .collect::<Vec<_>>(),
                    );
                    break;
                }
            }
        }
        // A page top whose window was all head (a running title of four
        // lines): the head runs on while its lines stay head, as far as
        // the symbol printed after a long title.
        // (A window that ends in the symbol after the title holds the whole
        // head: the lines after it are the page's text, however much of the
        // title they quote, "Convention to Combat Desertification …".)
        // Nor does one that opens with the symbol and then prints the whole
        // title (78/328: the next line quotes it).
        let ends_in_symbol =
            !symbol_sq.is_empty() && top.iter().skip(1).any(|&i| sq(i) == symbol_sq);
        let whole_after_symbol = !symbol_sq.is_empty()
            && top.first().is_some_and(|&i| sq(i) == symbol_sq)
            && whole_title(&top[1..]);
        if top.len() == HEAD_WINDOW
            && top.iter().all(|i| heads.contains(i))
            && !ends_in_symbol
            && !whole_after_symbol
        {
            let mut more = Vec::new();
            let next = (top[HEAD_WINDOW - 1] + 1..lines.len())
                .filter(|&i| !lines[i].is_blank() && lines[i].kind == Kind::Text)
                .take(HEAD_WINDOW);
            for i in next {
                if !is_head(i, true) {
                    break;
                }
                more.push(i);
                // The symbol ends the head: what follows is the page's text,
                // however much of the title it quotes.
                if sq(i) == symbol_sq {
                    break;
                }
            }
            heads.extend(more);
        }
        // A title too short for the rules above ("Commodities"), printed
        // whole right beside the symbol at a page top (before it on odd
        // pages, after it on even ones), is the running head too.
        // (The title is read with its number, "78/138.", which the head
        // leaves out.)
        let symbol_at = top
            .iter()
            .position(|i| heads.contains(i) && sq(*i) == symbol_sq);
        let beside: Vec<usize> = symbol_at
            .into_iter()
            .flat_map(|at| [at.checked_sub(1), Some(at + 1)])
            .flatten()
            .filter_map(|j| top.get(j).copied())
            .filter(|&i| !bare_title.is_empty() && !placed[i] && !heads.contains(&i))
            .filter(|&i| sq(i) == bare_title)
            .collect();
        heads.extend(beside);
        // A line found by two rules is printed once.
        heads.sort_unstable();
        heads.dedup();
        let mut printed = Vec::new();
        for &i in &heads {
            lines[i].kind = Kind::Head;
            let t = texts[i];
            if sq(i) != symbol_sq {
                let words: Vec<&str> = t.split_whitespace().collect();
                let text = words.join(" ");
                let text = text
                    .strip_prefix(symbol)
                    .or_else(|| text.strip_suffix(symbol))
                    .map(str::trim)
                    .map(str::to_string)
                    .unwrap_or(text);
                printed.push(text);
            }
        }
        if !printed.is_empty() {
            heads_by_page.push(printed.join(" "));
        }
    }
    heads_by_page
}

/// The lines of a running head an extractor moved to the page bottom,
/// from `bottom` (the lines above a page boundary, nearest first): it
/// stands right at the boundary, below the page's last text line ("…
/// entitled “Implementation of the" / "United Nations Convention …" is
/// text), and reaches as far as a line that is surely head (`strong`);
/// short pieces of the title (`piece`: "on the fight against
/// tuberculosis") count only between such lines and the boundary, or
/// when together they print most of the title (`most`: a long title
/// wrapped over four lines, none long enough alone).
fn bottom_head(
    bottom: &[usize],
    strong: impl Fn(usize) -> bool,
    piece: impl Fn(usize) -> bool,
    most: impl Fn(&[usize]) -> bool,
) -> Vec<usize> {
    let mut run = Vec::new();
    let mut reach = 0;
    for &i in bottom {
        if strong(i) {
            run.push(i);
            reach = run.len();
        } else if piece(i) {
            run.push(i);
        } else {
            break;
        }
    }
    if !most(&run) {
        run.truncate(reach);
    }
    run
}

/// For each line, whether it lies on a page where the page reader marked
/// a running head by its place.
fn placed_heads(lines: &[Line<'_>]) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    let mut start = 0;
    for i in 0..=lines.len() {
        if i == lines.len() || (i > start && lines[i].page_start) {
            let marked = lines[start..i]
                .iter()
                .any(|l| l.facts.is_some_and(|f| f.furniture));
            out[start..i].iter_mut().for_each(|p| *p = marked);
            start = i;
        }
    }
    out
}

/// The running heads the page marked (see `layout::Facts::furniture`),
/// page by page as printed, the symbol and folios left out.
pub(crate) fn page_heads(lines: &[Line<'_>], symbol: &str) -> Vec<String> {
    let symbol_sq = squash(symbol);
    let mut pages: Vec<String> = Vec::new();
    let mut open = false;
    for l in lines {
        if l.page_start {
            open = false;
        }
        let head = l.kind == Kind::Head && l.facts.is_some_and(|f| f.furniture);
        if !head || squash(l.text) == symbol_sq {
            continue;
        }
        let text = l.text.strip_prefix(symbol).unwrap_or(l.text);
        let text = text.strip_suffix(symbol).unwrap_or(text).trim();
        match pages.last_mut() {
            Some(p) if open => {
                p.push(' ');
                p.push_str(text);
            }
            _ => pages.push(text.to_string()),
        }
        open = true;
    }
    pages
}

static JOB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{2}-\d{5}\s*\([A-Z]\)").expect("job number"));

/// The first page's job number as printed ("23-25976 (E) 100124"), with its
/// date when an extractor put that on a line of its own.
pub(crate) fn job_number(lines: &[Line<'_>]) -> Option<String> {
    let at = lines
        .iter()
        .position(|l| l.kind == Kind::Furniture && JOB.is_match(l.text))?;
    let mut job = lines[at]
        .text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if !job
        .split_whitespace()
        .any(|w| w.len() == 6 && w.bytes().all(|b| b.is_ascii_digit()))
    {
        let date = lines[at + 1..].iter().take(4).find(|l| {
            l.kind == Kind::Furniture
                && l.text.len() == 6
                && l.text.bytes().all(|b| b.is_ascii_digit())
        });
        if let Some(d) = date {
            job.push(' ');
            job.push_str(d.text);
        }
    }
    Some(job)
}

#[cfg(test)]
mod line_end_tests {
    use super::*;

    #[test]
    fn every_line_end_ends_a_line() {
        let lf: Vec<&str> = physical_lines("a\nb\n\nc\n").collect();
        assert_eq!(lf, ["a", "b", "", "c"]);
        assert_eq!(
            physical_lines("a\r\nb\r\n\r\nc\r\n").collect::<Vec<_>>(),
            lf
        );
        assert_eq!(physical_lines("a\rb\r\rc\r").collect::<Vec<_>>(), lf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines split by the line-feed search are those `str::lines` gives,
    /// CR or not.
    #[test]
    fn physical_lines_are_those_of_str_lines() {
        let by_lines = |t: &str| -> Vec<String> {
            t.lines()
                .flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r'))
                .map(str::to_string)
                .collect()
        };
        for s in &crate::lang::tests::every_string(&['a', '\n', '\r'], 7) {
            let got: Vec<String> = physical_lines(s).map(str::to_string).collect();
            assert_eq!(got, by_lines(s), "{s:?}");
        }
    }

    #[test]
    fn squash_and_tight_read_ascii_as_the_character_rules_do() {
        let ascii: String = (0u8..128).map(char::from).collect();
        for s in [ascii.as_str(), "A/RES/59/159  Human-Rights\x0bX", ""] {
            let sq: String = s
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            assert_eq!(squash(s), sq);
            let ti: String = s
                .chars()
                .filter(|&c| !c.is_whitespace() && c != '-')
                .collect();
            assert_eq!(tight(s), ti);
        }
    }

    /// Beyond ASCII too, `squash` and `tight` keep what the character
    /// rules keep (letters, digits lowered; all but spaces and hyphens).
    #[test]
    fn squash_and_tight_follow_the_character_rules() {
        let alphabet = [
            'A', 'é', 'İ', '中', ' ', '\u{3000}', '-', '\u{ad}', '\u{2013}', '1', '.',
        ];
        for s in crate::lang::tests::every_string(&alphabet, 3) {
            let sq: String = s
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            assert_eq!(squash(&s), sq, "{s:?}");
            let ti: String = s
                .chars()
                .filter(|&c| {
                    !c.is_whitespace() && !matches!(c, '-' | '\u{ad}' | '\u{2010}'..='\u{2015}')
                })
                .collect();
            assert_eq!(tight(&s), ti, "{s:?}");
        }
    }

    #[test]
    fn furniture_is_marked() {
        let mut lines = scan("2/28\n23-25976 (E) 100124\n*2325976*\n25-15779 2/2\ntext\n");
        mark_furniture(&mut lines, crate::lang::profile(crate::ir::Lang::En));
        let kinds: Vec<_> = lines.iter().map(|l| l.kind).collect();
        assert_eq!(&kinds[..4], &[Kind::Furniture; 4]);
        assert_eq!(kinds[4], Kind::Text);
    }

    const TITLE_124: &str =
        "79/124. Consideration of effective measures to enhance the protection, \
         security and safety of diplomatic and consular missions and representatives";

    #[test]
    fn a_title_wrapped_after_a_comma_is_head_down_to_the_symbol() {
        let src = "text of the page;\n2/4\n24-23505\n\u{c}Consideration of effective measures to \
                   enhance the protection,\nsecurity and safety of diplomatic and consular missions\n\
                   and representatives\n\nA/RES/79/124\n\norganize or engage in acts\n";
        use Kind::*;
        assert_eq!(
            heads_of(src, "A/RES/79/124", TITLE_124).1,
            [Text, Furniture, Furniture, Head, Head, Head, Head, Text]
        );
    }

    #[test]
    fn text_quoting_the_title_above_the_last_folio_stays_text() {
        let src =
            "the item entitled “Consideration of effective measures to enhance the protection,\n\
                   security and safety of diplomatic and consular missions and representatives”.\n\
                   47th plenary meeting\n4 December 2024\n24-23505\n4/4\n";
        use Kind::*;
        assert_eq!(
            heads_of(src, "A/RES/79/124", TITLE_124).1,
            [Text, Text, Text, Text, Furniture, Furniture]
        );
        // Nor is a line of the title right above the closing lines.
        let src = "the sub-item entitled “Implementation of the\nConsideration of effective measures to \
                   enhance the protection\nsecurity and safety”.\n47th plenary meeting\n24-23505\n4/4\n";
        assert_eq!(
            heads_of(src, "A/RES/79/124", TITLE_124).1,
            [Text, Text, Text, Text, Furniture, Furniture]
        );
    }

    #[test]
    fn a_head_moved_to_the_page_bottom_is_head_with_its_short_pieces() {
        let title =
            "73/3. Political declaration of the high-level meeting of the General Assembly \
                     on the fight against tuberculosis";
        let src = "especially for those who are vulnerable or in\nPolitical declaration of the \
                   high-level meeting of the General Assembly\non the fight against tuberculosis\n\
                   A/RES/73/3\n5/10\n18-16895\nvulnerable situations,\n";
        use Kind::*;
        assert_eq!(
            heads_of(src, "A/RES/73/3", title).1,
            [Text, Head, Head, Head, Furniture, Furniture, Text]
        );
    }

    #[test]
    fn a_long_head_moved_to_the_page_bottom_is_head_when_it_prints_most_of_the_title() {
        // pypdf of 79/190: four lines, none long enough alone, the symbol
        // on the last; the page's note above them stays a note.
        let title =
            "79/190. Preventing and combating corrupt practices and the transfer of proceeds \
                     of corruption, facilitating asset recovery and returning such assets to \
                     legitimate owners, in particular to countries of origin, in accordance with \
                     the United Nations Convention against Corruption";
        let src = " 36 See CAC/COSP/2015/10, sect. I.\n\
                   Preventing and combating corrupt practices and the transfer of proceeds of\n\
                   corruption, facilitating asset recovery and returning such assets to\n\
                   legitimate owners, in particular to countries of origin, in accordance with\n\
                   the United Nations Convention against Corruption A/RES/79/190\n\
                   21/23 24-24137\n\
                   accordance with national law and the Convention, and to give the highest\n";
        use Kind::*;
        assert_eq!(
            heads_of(src, "A/RES/79/190", title).1,
            [Text, Head, Head, Head, Head, Furniture, Text]
        );
    }

    #[test]
    fn running_heads_are_found_near_boundaries() {
        let src = "body text here, \n3/28\n\u{c}A/RES/78/229\nStrengthening the United Nations crime\njustice programme\nproviders, in which\n";
        let mut lines = scan(src);
        mark_furniture(&mut lines, crate::lang::profile(crate::ir::Lang::En));
        let heads = mark_running_heads(
            &mut lines,
            0,
            "A/RES/78/229",
            "Strengthening the United Nations crime justice programme, in particular",
        );
        let kinds: Vec<_> = lines.iter().map(|l| l.kind).collect();
        assert_eq!(
            kinds,
            vec![
                Kind::Text,
                Kind::Furniture,
                Kind::Head,
                Kind::Head,
                Kind::Text,
                Kind::Text
            ]
        );
        assert_eq!(heads, vec!["Strengthening the United Nations crime"]);
    }

    /// Running heads marked in `src`: the kind of each non-blank line, and
    /// the heads read.
    fn heads_of(src: &str, symbol: &str, title: &str) -> (Vec<String>, Vec<Kind>) {
        let mut lines = scan(src);
        mark_furniture(&mut lines, crate::lang::profile(crate::ir::Lang::En));
        let heads = mark_running_heads(&mut lines, 0, symbol, title);
        let kinds = lines
            .iter()
            .filter(|l| !l.is_blank())
            .map(|l| l.kind)
            .collect();
        (heads, kinds)
    }

    #[test]
    fn note_text_set_after_the_job_number_is_no_page_top() {
        // pdftotext of 79/226: at three page feet the note's text
        // ("Or equivalent planning framework.") follows the job number, then
        // the folio and the form feed; repeated at three boundaries it read
        // as a running head.
        let foot = "requests the system to act in line with\n__________________\n25\n\n\
                    24-24320\n\nOr equivalent planning framework.\n9/26\n\n\
                    \u{c}A/RES/79/226\n\nQuadrennial review\n\n";
        let src = format!("{foot}{foot}{foot}body text\n");
        let (heads, kinds) = heads_of(&src, "A/RES/79/226", "Quadrennial review");
        let texts: Vec<&str> = src.lines().filter(|l| !l.trim().is_empty()).collect();
        for (t, k) in texts.iter().zip(&kinds) {
            if t.starts_with("Or equivalent") {
                assert_eq!(*k, Kind::Text, "{texts:?} {kinds:?}");
            }
        }
        assert!(heads.iter().all(|h| !h.contains("equivalent")), "{heads:?}");
        assert!(heads.iter().any(|h| h == "Quadrennial review"), "{heads:?}");
    }

    #[test]
    fn a_one_word_title_under_the_symbol_is_a_head() {
        // pdftotext of 78/138: the title "Commodities" heads each page;
        // the same word in the body stays text.
        let src = "of the\n3/28\n\u{c}A/RES/78/138\n\nCommodities\n\nthe United Nations Conference\nCommodities\n\
                   on the\n4/28\n\u{c}Commodities\n\nA/RES/78/138\n\nthe Conference\n";
        let (heads, kinds) = heads_of(src, "A/RES/78/138", "78/138. Commodities ");
        use Kind::*;
        assert_eq!(
            kinds,
            vec![Text, Furniture, Head, Head, Text, Text, Text, Furniture, Head, Head, Text]
        );
        assert_eq!(heads, vec!["Commodities", "Commodities"]);
    }

    #[test]
    fn a_title_wrapped_past_the_window_then_the_symbol_is_all_head() {
        // pdftotext of 78/104: four lines of title, the symbol fifth; the
        // body line after it quotes the title and stays text.
        let title = "78/104. Model Provisions on Mediation for International Investment \
                     Disputes and Guidelines on Mediation for International Investment \
                     Disputes of the United Nations Commission on International Trade Law";
        let src = "International\n*2324973*\n\u{c}Model Provisions on Mediation for International Investment\n\
                   Disputes and Guidelines on Mediation for International\n\
                   Investment Disputes of the United Nations\n\
                   Commission on International Trade Law\n\nA/RES/78/104\n\n\
                   Investment Disputes of the United Nations Commission on International Trade Law\n\
                   benefited from consultations with Governments and\n";
        let (_, kinds) = heads_of(src, "A/RES/78/104", title);
        use Kind::*;
        assert_eq!(
            kinds,
            vec![Text, Furniture, Head, Head, Head, Head, Head, Text, Text]
        );
    }

    #[test]
    fn lines_before_the_symbol_printing_the_whole_title_are_head() {
        // pdftotext of our PDF of 78/230: on odd pages the head wraps
        // before the symbol, its last line one word; "Nations" in the
        // body stays text.
        let title = "78/230. Promotion of inclusive and effective international tax \
                     cooperation at the United Nations";
        let src = "of 20 during the summit,\n23-26269\n\n3/5\n\n\
                   \u{c}Promotion of inclusive and effective international tax cooperation at the United\n\
                   Nations\n\nA/RES/78/230\n\nNoting the work of the Addis Tax Initiative,\nNations\n";
        let (heads, kinds) = heads_of(src, "A/RES/78/230", title);
        use Kind::*;
        assert_eq!(
            kinds,
            vec![Text, Furniture, Furniture, Head, Head, Head, Text, Text]
        );
        assert_eq!(heads, [&title[8..]]);
    }

    #[test]
    fn lines_after_the_symbol_printing_the_whole_title_are_head() {
        // pdftotext of 78/9: the title's last line is two words.
        let title = "78/9. Commemoration of the twenty-fifth anniversary of the United \
                     Nations Special Programme for the Economies of Central Asia";
        let src = "Special Programme,\n*2323441*\n\u{c}A/RES/78/9\n\n\
                   Commemoration of the twenty-fifth anniversary of the\n\
                   United Nations Special Programme for the Economies of\nCentral Asia\n\n1.\n\
                   Congratulates the participating States\n\
                   on the\n*2323442*\n\u{c}A/RES/78/9\n\n\
                   Commemoration of the twenty-fifth anniversary of the\nCentral Asian States\n";
        let (_, kinds) = heads_of(src, "A/RES/78/9", title);
        use Kind::*;
        let want = [Text, Furniture, Head, Head, Head, Head, Text, Text];
        assert_eq!(&kinds[..8], &want);
        // The second page's lines print no whole title: the one that is
        // no piece of it stays text.
        assert_eq!(kinds[kinds.len() - 1], Text);
    }
}
