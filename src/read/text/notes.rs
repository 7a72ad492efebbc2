//! Pass 3 and 4: footnote blocks out of the flow, citations into the text.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use super::lines::{Kind, Line};
use super::{
    emphasis, first_char, first_text, hyphen_join, last_char, push_text, wants_space, Joiner,
    Layout,
};
use crate::ir::{Inline, Warning};
use crate::lang::{is_wide, Profile};
use crate::read::layout::{Cell, Geometry};

/// A footnote body as found at a page bottom, before joining.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawNote<'a> {
    pub number: u32,
    pub lines: Vec<&'a str>,
    /// Body lines before the note's block: the note is printed on the
    /// page of the text up to there.
    pub after: usize,
}

/// A body line as the paragraph pass sees it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct BodyLine<'a> {
    pub line: Line<'a>,
    /// A page boundary (furniture, running head, footnote block) came
    /// right before this line.
    pub after_break: bool,
}

/// Is this line a footnote separator: a rule of underscores, or a line of
/// many spaces (what some extractors make of the printed rule)?
fn is_separator(l: &Line<'_>) -> bool {
    match l.blank_width {
        Some(w) => w >= 10,
        None => l.text.len() >= 4 && l.text.bytes().all(|b| b == b'_'),
    }
}

/// A rule of underscores glued to the end of a text line ("medium______",
/// pdftotext joins the last body line and the rule): the text before it.
fn before_glued_rule<'a>(l: &Line<'a>) -> Option<&'a str> {
    let text = l.text;
    let rule = text.len() - text.trim_end_matches('_').len();
    let before = text[..text.len() - rule].trim_end();
    (rule >= 10 && !before.is_empty()).then_some(before)
}

/// If `l` starts note `want`: the number alone ("3"), or the number and
/// the text ("3  Ibid., vol. 1019").
fn note_start<'a>(l: &Line<'a>, want: u32) -> Option<Option<&'a str>> {
    if l.kind != Kind::Text {
        return None;
    }
    if l.bare_number() == Some(want) {
        return Some(None);
    }
    numbered(l.text)
        .filter(|(n, _)| *n == want)
        .map(|(_, rest)| Some(rest))
}

/// "12  Resolution 70/1." → (12, "Resolution 70/1.").
fn numbered(t: &str) -> Option<(u32, &str)> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = &t[digits..];
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    Some((t[..digits].parse().ok()?, rest.trim()))
}

/// Splits footnote blocks out of the flow. Returns the body lines (with
/// page boundaries noted) and the notes in number order.
pub(crate) fn collect<'a>(
    lines: &[Line<'a>],
    layout: Layout,
    profile: &Profile,
) -> (Vec<BodyLine<'a>>, Vec<RawNote<'a>>) {
    let mut body = Vec::with_capacity(lines.len());
    let mut notes: Vec<RawNote<'a>> = Vec::new();
    let mut pending_break = false;
    let mut i = 0;
    while i < lines.len() {
        let l = &lines[i];
        if l.kind != Kind::Text {
            pending_break = true;
            i += 1;
            continue;
        }
        if l.page_start {
            pending_break = true;
        }
        let glued = before_glued_rule(l);
        if is_separator(l) || glued.is_some() {
            let want = notes.last().map_or(1, |n| n.number + 1);
            let found = if layout.trailing_ends_paragraph {
                trailing_block(lines, i, want)
            } else {
                page_block(lines, i, want, profile)
            };
            if let Some((mut found, end)) = found {
                if let Some(text) = glued {
                    body.push(BodyLine {
                        line: Line { text, ..l.clone() },
                        after_break: pending_break,
                    });
                }
                found.iter_mut().for_each(|n| n.after = body.len());
                notes.append(&mut found);
                pending_break = true;
                i = end;
                continue;
            }
        }
        body.push(BodyLine {
            line: l.clone(),
            after_break: pending_break && !l.is_blank(),
        });
        if !l.is_blank() {
            pending_break = false;
        }
        i += 1;
    }
    (body, notes)
}

/// A block in a layout that ends each note's last line with a space (the
/// reference's): notes numbered on from `want`, each a number line and its
/// text; the block ends at the first line after a note that starts none.
fn trailing_block<'a>(
    lines: &[Line<'a>],
    sep: usize,
    mut want: u32,
) -> Option<(Vec<RawNote<'a>>, usize)> {
    let next_nonblank = |from: usize| (from..lines.len()).find(|&k| !lines[k].is_blank());
    let mut j = next_nonblank(sep + 1).filter(|&j| note_start(&lines[j], want).is_some())?;
    let mut notes = Vec::new();
    while let Some(first) = note_start(&lines[j], want) {
        let mut note = RawNote {
            number: want,
            lines: first.into_iter().collect(),
            after: 0,
        };
        let mut k = j + 1;
        let mut ended = false;
        while k < lines.len() {
            let l = &lines[k];
            if l.is_blank() {
                // A number's own trailing space on the next line ends it.
                if l.blank_width.unwrap_or(0) > 0 && !note.lines.is_empty() {
                    ended = true;
                }
                k += 1;
                continue;
            }
            if ended || l.kind != Kind::Text || note_start(l, want + 1).is_some() {
                break;
            }
            note.lines.push(l.text);
            k += 1;
            if l.trailing {
                ended = true;
            }
        }
        notes.push(note);
        want += 1;
        match next_nonblank(k) {
            Some(n) if note_start(&lines[n], want).is_some() => j = n,
            _ => return Some((notes, k)),
        }
    }
    Some((notes, j))
}

/// A block at the bottom of a page: from the separator to the next running
/// head, page start, or body text after the page's furniture. Extractors
/// keep the note texts in order but may move the numbers (pdftotext puts
/// some after the texts), so texts are grouped and numbered in order.
fn page_block<'a>(
    lines: &[Line<'a>],
    sep: usize,
    want: u32,
    profile: &Profile,
) -> Option<(Vec<RawNote<'a>>, usize)> {
    let mut end = lines.len();
    let mut seen_furniture = false;
    // Note numbers alone still waiting for their texts (pdftotext may set
    // "2", the folio, then the text "Financing for Sustainable …").
    let mut waiting = 0usize;
    for (j, l) in lines.iter().enumerate().skip(sep + 1) {
        if l.kind == Kind::Head || l.page_start || (!l.is_blank() && is_separator(l)) {
            end = j;
            break;
        }
        if l.kind == Kind::Furniture {
            seen_furniture = true;
            continue;
        }
        if l.is_blank() {
            continue;
        }
        if l.bare_number().is_some() {
            waiting += 1;
            continue;
        }
        if seen_furniture && waiting == 0 && starts_paragraph(l.text, profile) {
            end = j;
            break;
        }
        waiting = waiting.saturating_sub(1);
    }
    let notes = parse_block(&lines[sep + 1..end], want);
    (!notes.is_empty()).then_some((notes, end))
}

/// Text that can only open a body paragraph ("12. Decides", "(a) To").
fn starts_paragraph(t: &str, profile: &Profile) -> bool {
    profile.operative_num(t).is_some()
        || profile.formula(t).is_some()
        || (profile.lowercase_continues() && profile.preamble_opener(t))
}

/// One line of a footnote block.
enum Item<'a> {
    Num(u32),
    Text { text: &'a str, after_num: bool },
}

/// Groups the lines of one block into notes numbered from `want`.
fn parse_block<'a>(block: &[Line<'a>], want: u32) -> Vec<RawNote<'a>> {
    let mut items = Vec::new();
    let mut next_inline = want;
    for l in block
        .iter()
        .filter(|l| !l.is_blank() && l.kind == Kind::Text)
    {
        let after_num = matches!(items.last(), Some(Item::Num(_)));
        if let Some(n) = l.bare_number().filter(|n| (want..want + 40).contains(n)) {
            items.push(Item::Num(n));
        } else if let Some((n, rest)) = numbered(l.text).filter(|(n, _)| *n == next_inline) {
            items.push(Item::Num(n));
            items.push(Item::Text {
                text: rest,
                after_num: true,
            });
            next_inline = n + 1;
        } else {
            items.push(Item::Text {
                text: l.text,
                after_num,
            });
        }
        if let Some(Item::Num(n)) = items.last() {
            next_inline = next_inline.max(n + 1);
        }
    }
    // The notes of this block: the run of numbers from `want`.
    let present: BTreeSet<u32> = items
        .iter()
        .filter_map(|i| match i {
            Item::Num(n) => Some(*n),
            _ => None,
        })
        .collect();
    // A note an extractor lost before this block (its number missing)
    // must not lose this block's notes too: they number on from the
    // lowest number the block prints.
    let want = present.first().copied().unwrap_or(want).max(want);
    let count = (want..).take_while(|n| present.contains(n)).count();
    let texts: Vec<(&str, bool)> = items
        .iter()
        .filter_map(|i| match i {
            Item::Text { text, after_num } => Some((*text, *after_num)),
            _ => None,
        })
        .collect();
    if count == 0 || texts.is_empty() {
        return Vec::new();
    }
    // Where notes start: the first text, texts right after a number, then
    // (if still short) texts after a sentence end.
    let mut starts: BTreeSet<usize> = std::iter::once(0)
        .chain((1..texts.len()).filter(|&k| texts[k].1))
        .collect();
    for k in 1..texts.len() {
        if starts.len() >= count {
            break;
        }
        let prev_end = texts[k - 1].0.trim_end().ends_with(['.', ')', ';', '。']);
        if prev_end && texts[k].0.starts_with(opens_sentence) {
            starts.insert(k);
        }
    }
    let starts: Vec<usize> = starts.into_iter().take(count).collect();
    let mut notes = Vec::with_capacity(count);
    for (g, &s) in starts.iter().enumerate() {
        let e = starts.get(g + 1).copied().unwrap_or(texts.len());
        notes.push(RawNote {
            number: want + g as u32,
            lines: texts[s..e].iter().map(|t| t.0).collect(),
            after: 0,
        });
    }
    // Numbers without any text left: keep them, empty, so citations link.
    for n in (want + starts.len() as u32)..(want + count as u32) {
        notes.push(RawNote {
            number: n,
            lines: Vec::new(),
            after: 0,
        });
    }
    notes
}

/// Whether `c` can open a sentence: a capital, a figure, or a letter of a
/// script without case (Arabic, Chinese), where nothing else tells.
fn opens_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || (c.is_alphabetic() && !c.is_lowercase())
}

/// A line with its citations folded in.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct LogicalLine {
    pub parts: Vec<Inline>,
    /// Where the page set the line, when it came from a page: the first
    /// physical line's indent, the last one's end.
    pub geometry: Option<Geometry>,
    pub indent: usize,
    pub trailing: bool,
    /// A blank line came before this one.
    pub blank_before: bool,
    /// A page boundary came before this one.
    pub after_break: bool,
    /// Printed length in characters, for "is this line full?".
    pub width: usize,
    /// The table cell the page printed the line in, if any.
    pub cell: Option<Cell>,
    /// Notes printed on this line's page whose citation was not found:
    /// cited after this line, the last before their block, rather than
    /// at the end of the document.
    pub uncited: Vec<u32>,
}

/// The citation state as the text is read in order.
struct Citations<'n> {
    known: BTreeSet<u32>,
    last_first: u32,
    /// Notes whose citation a first reading could not find: the next
    /// citation may pass over them.
    lost: &'n BTreeSet<u32>,
    warnings: &'n mut Vec<Warning>,
    /// Per note, the body lines where its first citation may stand: a note
    /// is printed on the page that cites it, so a number pages away is
    /// never its citation.
    pages: &'n BTreeMap<u32, Range<usize>>,
    /// The body line being read.
    line: usize,
}

impl Citations<'_> {
    /// The number the next first citation should have.
    fn due(&self) -> u32 {
        (self.last_first + 1..)
            .find(|n| !self.lost.contains(n))
            .unwrap_or(u32::MAX)
    }

    /// Whether `n` can be cited here: the next first citation, or (when
    /// `strong`: glued or alone on its line) the one after it, a citation
    /// having been lost, or a repeat of an earlier one.
    fn accept(&mut self, n: u32, strong: bool) -> bool {
        if !self.known.contains(&n) {
            return false;
        }
        if n > self.last_first {
            if self.pages.get(&n).is_some_and(|p| !p.contains(&self.line)) {
                return false;
            }
            let passed = (self.last_first + 1..n)
                .filter(|m| !self.lost.contains(m))
                .count();
            if passed > usize::from(strong) {
                return false;
            }
            for skipped in (self.last_first + 1)..n {
                if self.known.contains(&skipped) {
                    self.warnings.push(Warning::CitationNotFound {
                        marker: skipped.to_string(),
                        before: n.to_string(),
                    });
                }
            }
            self.last_first = n;
            true
        } else {
            strong
        }
    }
}

/// Folds citations into the text: note numbers standing alone on their
/// line (the line before, the citation and the line after become one
/// logical line), or glued to the text ("thereto,1 the", "Justice26").
/// A number is a citation only if its note exists and it is the next first
/// citation in increasing order, or a repeat of an earlier one.
///
/// One citation not found must not take the later ones with it (each is
/// accepted only after the one before): when a note and later ones went
/// uncited, the text is read again passing over the first of them (and
/// again over the next, a few times at most), and the reading that cites
/// the most is kept if it found at least two citations more for each note
/// passed over. Notes still
/// uncited are cited after the last line before their block, on their
/// page, with a warning.
pub(crate) fn fold_citations(
    body: &[BodyLine<'_>],
    notes: &[RawNote<'_>],
    profile: &Profile,
    joiner: &Joiner,
    warnings: &mut Vec<Warning>,
) -> Vec<LogicalLine> {
    let mut lost = BTreeSet::new();
    // The pages are the same for every reading: found once.
    let pages = note_pages(body, notes);
    let mut best = fold_with(body, notes, profile, joiner, (&lost, &pages));
    let first_reading = best.cited.len();
    for _ in 0..MAX_REREADS {
        let uncited: Vec<u32> = notes
            .iter()
            .map(|n| n.number)
            .filter(|n| !best.cited.contains(n) && !lost.contains(n))
            .collect();
        let Some(&first) = uncited.first() else {
            break;
        };
        if uncited.len() < 2 {
            break;
        }
        lost.insert(first);
        let again = fold_with(body, notes, profile, joiner, (&lost, &pages));
        // Passing over a note must pay: two citations found for each note
        // passed over, or the numbers it let through are text by chance.
        let gained = again.cited.len().saturating_sub(first_reading);
        if again.cited.len() > best.cited.len() && gained >= 2 * lost.len() {
            best = again;
        }
    }
    let Folded {
        mut lines,
        cited,
        warnings: found,
        line_at,
    } = best;
    warnings.extend(found);
    for n in notes.iter().filter(|n| !cited.contains(&n.number)) {
        let before = line_at.get(n.after).copied().unwrap_or(lines.len());
        if let Some(line) = before.checked_sub(1).and_then(|k| lines.get_mut(k)) {
            line.uncited.push(n.number);
            warnings.push(Warning::NoteWithoutCitation {
                marker: n.number.to_string(),
            });
        }
    }
    lines
}

/// How many times the text is read again passing over a lost citation.
const MAX_REREADS: usize = 4;

/// One reading of the body's citations.
struct Folded {
    lines: Vec<LogicalLine>,
    /// The notes cited.
    cited: BTreeSet<u32>,
    warnings: Vec<Warning>,
    /// For each body line, how many logical lines came before it.
    line_at: Vec<usize>,
}

fn fold_with(
    body: &[BodyLine<'_>],
    notes: &[RawNote<'_>],
    profile: &Profile,
    joiner: &Joiner,
    (lost, pages): (&BTreeSet<u32>, &BTreeMap<u32, Range<usize>>),
) -> Folded {
    let mut warnings = Vec::new();
    let mut line_at = Vec::with_capacity(body.len() + 1);
    let mut cit = Citations {
        known: notes.iter().map(|n| n.number).collect(),
        last_first: 0,
        lost,
        warnings: &mut warnings,
        pages,
        line: 0,
    };
    // Layouts that stand numbers alone never glue them. Which one this is
    // shows at the first citation: note 1 alone on its line, or glued to
    // the text (a "1" alone in a table column later on is no sign).
    let bare_style = cit.known.contains(&1) && first_citation_stands_alone(body, profile);
    let mut out: Vec<LogicalLine> = Vec::new();
    let mut blank_before = false;
    let mut i = 0;
    while i < body.len() {
        line_at.resize(i + 1, out.len());
        cit.line = i;
        let b = &body[i];
        let l = &b.line;
        if l.is_blank() {
            // Blank lines say nothing in layouts that double-space every
            // line; a whitespace-only line right after a citation is the
            // trailing space of the line the citation ended.
            if l.blank_width.unwrap_or(0) > 0 {
                if let Some(last) = out.last_mut() {
                    if matches!(last.parts.last(), Some(Inline::NoteRef(_))) {
                        last.trailing = true;
                    }
                }
            }
            blank_before = true;
            i += 1;
            continue;
        }
        if let (false, Some(n)) = (out.is_empty(), l.bare_number()) {
            if bare_style && cit.accept(n, true) {
                let last = out.last_mut().expect("not empty");
                last.parts.push(Inline::NoteRef(n.to_string()));
                last.trailing = false;
                // The line right after continues the same logical line.
                if let Some(next) = body.get(i + 1).filter(|n| !n.line.is_blank()) {
                    let own = next.line.bare_number().is_none() && next.line.cell().is_none();
                    if own && !next.after_break {
                        let parts = split_glued(next.line.text, &mut cit, profile, (false, None));
                        let parts = emphasis::apply(parts, next.line.text, next.line.facts);
                        append(&mut last.parts, parts, joiner);
                        if let (Some(g), Some(f)) = (&mut last.geometry, next.line.facts) {
                            g.short = f.geometry.short;
                        }
                        last.trailing = next.line.trailing;
                        last.width += next.line.text.chars().count();
                        i += 2;
                        continue;
                    }
                }
                i += 1;
                continue;
            }
        }
        let raised = l.facts.map(|f| &f.raised[..]);
        let parts = split_glued(l.text, &mut cit, profile, (!bare_style, raised));
        out.push(LogicalLine {
            parts: emphasis::apply(parts, l.text, l.facts),
            geometry: l.facts.map(|f| f.geometry),
            indent: l.indent,
            trailing: l.trailing,
            blank_before,
            after_break: b.after_break,
            width: l.text.chars().count(),
            cell: l.cell(),
            uncited: Vec::new(),
        });
        blank_before = false;
        i += 1;
    }
    let mut cited = BTreeSet::new();
    for l in &out {
        crate::ir::refs_in(&l.parts, &mut |m| {
            cited.extend(m.parse::<u32>().ok());
        });
    }
    Folded {
        lines: out,
        cited,
        warnings,
        line_at,
    }
}

/// Per note, the body lines where its first citation may stand (see
/// `Citations::pages`): the page its block is printed on and the last
/// lines of the page before (an extractor may set a paragraph's last line,
/// and the citation in it, before the page break it came after).
fn note_pages(body: &[BodyLine<'_>], notes: &[RawNote<'_>]) -> BTreeMap<u32, Range<usize>> {
    // The first body line of each page.
    let starts: Vec<usize> = std::iter::once(0)
        .chain((1..body.len()).filter(|&i| body[i].after_break))
        .collect();
    notes
        .iter()
        .map(|n| {
            let page = starts.partition_point(|&s| s < n.after).saturating_sub(1);
            let from = starts[page]
                .saturating_sub(SPILL)
                .max(starts[page.saturating_sub(1)]);
            (n.number, from..n.after.max(from))
        })
        .collect()
}

/// Body lines of the page before a note's page where its citation may
/// still stand (see `note_pages`).
const SPILL: usize = 3;

/// Whether the first place note 1 can be cited is a "1" alone on its line
/// (rather than a "1" placed as a glued citation in a line of text).
fn first_citation_stands_alone(body: &[BodyLine<'_>], profile: &Profile) -> bool {
    for (i, b) in body.iter().enumerate() {
        let l = &b.line;
        if l.is_blank() {
            continue;
        }
        if l.bare_number() == Some(1) {
            let after_text =
                i > 0 && !body[i - 1].line.is_blank() && body[i - 1].line.bare_number().is_none();
            if after_text {
                return true;
            }
            continue;
        }
        let t = l.text;
        let bytes = t.as_bytes();
        for (k, _) in t.match_indices('1') {
            let end = k + 1;
            let isolated = (k == 0 || !bytes[k - 1].is_ascii_digit())
                && bytes.get(end).is_none_or(|c| !c.is_ascii_digit());
            if isolated && candidate(t, k, end, profile).is_some() {
                return false;
            }
        }
    }
    false
}

/// Appends inline parts to a line, joining text as wrapped lines join.
/// Within a line, text and emphasis next to each other (cut apart where
/// the face changes) keep the line's own spacing.
pub(crate) fn append(into: &mut Vec<Inline>, parts: Vec<Inline>, joiner: &Joiner) {
    let mut after_text = false;
    let mut parts = parts.into_iter().peekable();
    while let Some(p) = parts.next() {
        let verbatim = after_text;
        after_text = !matches!(p, Inline::NoteRef(_));
        match p {
            Inline::Text(t) if verbatim => push_verbatim(into, &t),
            Inline::Text(t) => {
                let spaced = t.ends_with(char::is_whitespace)
                    && matches!(parts.peek(), Some(Inline::Emphasis(_)));
                push_text(into, &t, joiner);
                if let (true, Some(Inline::Text(last))) = (spaced, into.last_mut()) {
                    last.push(' ');
                }
            }
            Inline::Emphasis(inner) if verbatim => into.push(Inline::Emphasis(inner)),
            Inline::Emphasis(inner) => push_emphasis(into, inner, joiner),
            other => into.push(other),
        }
    }
}

/// Appends text as the line spaced it, runs of spaces as one.
fn push_verbatim(into: &mut Vec<Inline>, text: &str) {
    let mut t = String::with_capacity(text.len());
    for w in text.split(' ').filter(|w| !w.is_empty()) {
        if !t.is_empty() {
            t.push(' ');
        }
        t.push_str(w);
    }
    if t.is_empty() {
        if text.is_empty() {
            return;
        }
        t.push(' ');
    } else {
        if text.starts_with(' ') {
            t.insert(0, ' ');
        }
        if text.ends_with(' ') {
            t.push(' ');
        }
    }
    match into.last_mut() {
        Some(Inline::Text(last)) => last.push_str(&t),
        _ => into.push(Inline::Text(t)),
    }
}

/// Appends emphasised text, set off by a space as text would be; an
/// emphasis running on from the one before (an italic phrase wrapped onto
/// the next line) continues it.
fn push_emphasis(into: &mut Vec<Inline>, inner: Vec<Inline>, joiner: &Joiner) {
    let space = match hyphen_join(into, first_text(&inner), joiner) {
        Some(space) => space,
        None => wants_space(last_char(into), first_char(&inner)),
    };
    if let Some(Inline::Emphasis(prev)) = into.last_mut() {
        if space {
            prev.push(Inline::Text(" ".into()));
        }
        prev.extend(inner);
        return;
    }
    if space {
        match into.last_mut() {
            Some(Inline::Text(t)) => t.push(' '),
            _ => into.push(Inline::Text(" ".into())),
        }
    }
    into.push(Inline::Emphasis(inner));
}

/// Splits a line into text and citations glued to it. `raised`: the
/// figures a page set raised and smaller, when the line comes from a page;
/// there only they are citations ("Action 17." in bold is a label).
fn split_glued(
    text: &str,
    cit: &mut Citations<'_>,
    profile: &Profile,
    (enabled, raised): (bool, Option<&[Range<usize>]>),
) -> Vec<Inline> {
    let on_page = raised.is_some();
    let raised = raised.unwrap_or_default();
    let is_digit = |c: u8| c.wrapping_sub(b'0') < 10;
    if !enabled || !crate::scan::any(text.as_bytes(), is_digit) {
        return vec![Inline::Text(text.to_string())];
    }
    let mut parts = Vec::new();
    let mut from = 0;
    let bytes = text.as_bytes();
    // Each run of digits, from its first: the scan passes over blocks of
    // the line without one whole.
    let starts = crate::scan::marked(bytes, is_digit)
        .filter(|&at| at == 0 || !bytes[at - 1].is_ascii_digit());
    for i in starts {
        let end = i + bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        // The page set these figures raised and smaller: a citation
        // wherever it stands ("INTERPOL1", "201852"), if its note is due.
        let mark = raised
            .iter()
            .find(|r| r.end == end && (i..end).contains(&r.start))
            .map(|r| r.start);
        if let Some(mark) = mark {
            if let Some(n) = text[mark..end]
                .parse()
                .ok()
                .filter(|&n| cit.accept(n, true))
            {
                let before = text[from..mark].trim();
                if !before.is_empty() {
                    parts.push(Inline::Text(before.to_string()));
                }
                parts.push(Inline::NoteRef(u32::to_string(&n)));
                from = end;
                continue;
            }
        }
        if on_page {
            continue;
        }
        // "19 October 201852": a citation glued to a year.
        if (5..=7).contains(&(end - i))
            && (text[i..].starts_with("19") || text[i..].starts_with("20"))
        {
            let mark = i + 4;
            let n: Option<u32> = text[mark..end].parse().ok();
            if let Some(n) =
                n.filter(|_| !text[mark..].starts_with('0') && after_ok(text, end, profile))
            {
                if cit.accept(n, false) {
                    parts.push(Inline::Text(text[from..mark].trim().to_string()));
                    parts.push(Inline::NoteRef(n.to_string()));
                    from = end;
                }
            }
            continue;
        }
        // "paragraphs VIII.7441": a citation glued to a paragraph number.
        if end - i >= 3 && i >= 2 && bytes[i - 1] == b'.' && bytes[i - 2].is_ascii_alphanumeric() {
            let want = cit.due();
            let split = (1..=3).rev().map(|k| end - k).find(|&m| {
                m > i && !text[m..end].starts_with('0') && text[m..end].parse() == Ok(want)
            });
            if let Some(m) = split.filter(|_| after_ok(text, end, profile)) {
                if cit.accept(want, false) {
                    parts.push(Inline::Text(text[from..m].trim().to_string()));
                    parts.push(Inline::NoteRef(want.to_string()));
                    from = end;
                    continue;
                }
            }
        }
        if let Some((n, how)) = candidate(text, i, end, profile) {
            let next = n == cit.due();
            let repeat = n <= cit.last_first;
            let ok = match how {
                Cue::NextOnly => next,
                Cue::NextOrRepeat => next || repeat,
                Cue::Glued | Cue::Spaced => true,
            };
            if ok && cit.accept(n, how == Cue::Glued || (how == Cue::NextOrRepeat && repeat)) {
                let before = text[from..i].trim();
                if !before.is_empty() {
                    parts.push(Inline::Text(before.to_string()));
                }
                parts.push(Inline::NoteRef(n.to_string()));
                from = end;
            }
        }
    }
    let rest = text[from..].trim_start();
    if !rest.is_empty() || parts.is_empty() {
        parts.push(Inline::Text(rest.to_string()));
    }
    parts
}

/// Can a citation end at `end`: the end, a space, or closing punctuation
/// follows, never a digit or the rest of a symbol, decimal or ordinal
/// ("60/1", "1.5", "3rd"), nor a unit ("3 years").
fn after_ok(text: &str, end: usize, profile: &Profile) -> bool {
    match text[end..].chars().next() {
        None => {}
        Some(c) if c.is_whitespace() => {}
        // The Arabic and the full-width (CJK) comma, semicolon, colon and
        // stop as their Latin kin.
        Some(
            c @ (',' | ';' | ':' | ')' | '.' | '،' | '؛' | '，' | '、' | '；' | '：' | '。' | '）'),
        ) => {
            let next = text[end + c.len_utf8()..].chars().next();
            // "1.5", "4,998,800": a decimal or a thousands group follows.
            if matches!(c, '.' | ',') && next.is_some_and(|d| d.is_ascii_digit()) {
                return false;
            }
            let wide = is_wide(c);
            if !matches!(c, ',' | ';' | '،' | '؛')
                && !wide
                && next.is_some_and(|d| !d.is_whitespace())
            {
                return false;
            }
        }
        Some(_) => return false,
    }
    let next_word = text[end..].split_whitespace().next().unwrap_or("");
    !(profile.unit_word(next_word) || next_word.starts_with('%'))
}

/// Is the number at `text[i..end]` placed as a citation is? Returns the
/// number and whether it is glued to the word or sign before it.
/// How a number stands where it may be a citation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// Glued to the text before it ("thereto,1").
    Glued,
    /// Set off by spaces.
    Spaced,
    /// Set off by spaces after a clause end but before another number
    /// ("2013, 1 29/11 of"): a citation only if it is the next one due.
    NextOnly,
    /// Between ideographs ("报告2所载"): the citation due, or a repeat of
    /// one made before ("行动计划3所列").
    NextOrRepeat,
}

fn candidate(text: &str, i: usize, end: usize, profile: &Profile) -> Option<(u32, Cue)> {
    if end - i > 3 || i == 0 {
        return None;
    }
    let n: u32 = text[i..end].parse().ok()?;
    let before = text[..i].chars().next_back()?;
    // "公约》3和其他": after a closing bracket of CJK text, the text may
    // follow the citation without punctuation.
    let after = text[end..].chars().next();
    let ideograph = |c: char| is_wide(c) && c.is_alphabetic();
    let ideograph_after = after.is_some_and(ideograph);
    let cjk_after_close = matches!(before, '》' | '」' | '』' | '）') && ideograph_after;
    // "相关报告2所载": between ideographs (see below).
    let between_ideographs = ideograph(before) && ideograph_after;
    // "议定书、8《联合国": after full-width punctuation, before an opening
    // bracket (pdftotext sets the raised figure after the comma).
    let cjk_before_open = is_wide(before)
        && !before.is_alphanumeric()
        && text[end..].starts_with(['《', '「', '『', '（']);
    if !after_ok(text, end, profile) && !cjk_after_close && !between_ideographs && !cjk_before_open
    {
        return None;
    }
    let next_word = text[end..].split_whitespace().next().unwrap_or("");
    if before.is_whitespace() && text[end..].starts_with(['.', ':']) {
        // "Action 18. We will", "Panel 1: Advancing": a number the word
        // before takes; a citation stands after the stop, never before it.
        return None;
    }
    if before.is_whitespace() {
        // "Crime 14 and": only after a word that does not take a number,
        // and never between numbers.
        let prev = text[..i].trim_end();
        let last = prev.chars().next_back()?;
        let word = prev.rsplit(char::is_whitespace).next().unwrap_or("");
        // "of 18 May 2018 34 and": after a year, the next note only.
        let digits = word.chars().rev().take_while(char::is_ascii_digit).count();
        let year = digits == 4 && {
            let y = &word[word.len() - 4..];
            y.starts_with("19") || y.starts_with("20")
        };
        // "VIII.74 41", "2014–2024 3": after a reference or a year (a word
        // ending in figures but not only figures), the next note only.
        let reference = digits > 0 && digits < word.len() && !profile.number_word(word);
        let number_next = next_word.starts_with(|c: char| c.is_ascii_digit());
        if (year || reference) && !number_next {
            return Some((n, Cue::Spaced));
        }
        // "draft resolution 7 submitted": a word that takes a symbol, then
        // a bare figure (not "resolution 242 (1967)"): the note due only.
        if profile.symbol_word(word) && !next_word.starts_with('(') && !number_next {
            return Some((n, Cue::NextOnly));
        }
        if last.is_ascii_digit()
            || word.is_empty()
            // "resolution 24" is text, "resolutions, 24" a citation.
            || (!word.ends_with([',', ';', ':']) && profile.number_word(word))
            || matches!(last, '/' | '-' | '–' | '(' | '$' | '€' | '£' | '§')
        {
            return None;
        }
        let letters = word.chars().filter(|c| c.is_alphabetic());
        if !word.ends_with([',', ';', ':'])
            && letters.clone().count() > 1
            && letters.clone().all(char::is_uppercase)
        {
            // "HIV/AIDS 7 and", "INTERPOL 1 and": after an acronym of four
            // letters or more, the note due; "COP 28", "SDG 3" are names.
            let run = word.chars().rev().take_while(|c| c.is_alphabetic()).count();
            return (run >= 4 && !number_next).then_some((n, Cue::NextOnly));
        }
        if number_next {
            // pdftotext sets a raised citation off by spaces: "June
            // 2013, 1 29/11 of 2 July 2015, 2 35/25".
            return word.ends_with([',', ';']).then_some((n, Cue::NextOnly));
        }
        return Some((n, Cue::Spaced));
    }
    // Glued: "thereto,1", "Justice26", "2021,6", "“…”,15".
    // Closing punctuation, Latin or CJK, or a lower-case letter.
    let glue_ok = matches!(
        before,
        ',' | ';'
            | '.'
            | ':'
            | ')'
            | '’'
            | '”'
            | '"'
            | '»'
            | '》'
            | '」'
            | '』'
            | '）'
            | '，'
            | '；'
            | '。'
            | '、'
    ) || lower_or_caseless(before)
        // "报告5；": after an ideograph, before the clause's punctuation
        // (a figure that is text runs into the next sign: "第3段", "1万").
        || (ideograph(before) && after.is_some_and(|c| is_wide(c) && !c.is_alphabetic()));
    if !glue_ok && between_ideographs {
        // A figure the words around it do not take ("第3段", "3个", "12月")
        // may be the note due.
        let before: String = text[..i].chars().rev().take(2).collect();
        let before: String = before.chars().rev().collect();
        let after: String = text[end..].chars().take(2).collect();
        let free = !profile.number_word(&before) && !profile.unit_word(&after);
        return free.then_some((n, Cue::NextOrRepeat));
    }
    if !glue_ok {
        // "INTERPOL1", "HIV/AIDS7": an acronym of four letters or more,
        // then the note due; shorter ones carry numbers ("G20", "COP28").
        let caps = text[..i]
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic() && c.is_uppercase())
            .count();
        return (caps >= 4
            && caps
                == text[..i]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphabetic())
                    .count())
        .then_some((n, Cue::NextOnly));
    }
    if before == '.' {
        // "No.5", "vol.3": a number word with its dot.
        let word = text[..i - 1]
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("");
        // "A/79/442/Add.1", "C-25/DEC.9": a part of a document symbol;
        // "16.4.1", "VIII.6": the next level of a number.
        let numbered = (word.contains('.') && word.ends_with(|c: char| c.is_ascii_digit()))
            || (!word.is_empty() && word.chars().all(|c| "IVXLC".contains(c)));
        if profile.number_word(word) || word.len() <= 3 || word.contains('/') || numbered {
            return None;
        }
    }
    Some((n, Cue::Glued))
}

/// A lower-case letter, or a letter of an alphabet without case (Arabic):
/// a figure glued to it is raised. Not an ideograph, which figures follow
/// as text ("第1", "1月").
fn lower_or_caseless(c: char) -> bool {
    c.is_lowercase() || (c.is_alphabetic() && !c.is_uppercase() && !is_wide(c))
}

#[cfg(test)]
mod tests {
    use super::super::lines::scan;
    use super::*;
    use crate::ir::Lang;
    use crate::lang;

    use super::super::tests::text_of;

    fn em(t: &str) -> Inline {
        Inline::Emphasis(vec![Inline::Text(t.into())])
    }

    fn txt(t: &str) -> Inline {
        Inline::Text(t.into())
    }

    /// An italic title wrapped after a hyphen ("A Self-" / "determination
    /// Study", 80/96) joins as wrapped text does: a compound whole, its
    /// hyphen kept, no space.
    #[test]
    fn emphasis_wrapped_after_a_hyphen_joins_whole() {
        let joiner = Joiner::of("", lang::profile(Lang::En));
        let mut line = Vec::new();
        append(&mut line, vec![txt("the study "), em("A Self-")], &joiner);
        append(
            &mut line,
            vec![em("determination Study"), txt(" for Guam")],
            &joiner,
        );
        append(&mut line, vec![em("Secretary-")], &joiner);
        append(&mut line, vec![txt("General")], &joiner);
        assert_eq!(
            text_of(&line),
            "the study A Self-determination Study for Guam Secretary-General"
        );
    }

    #[test]
    fn figures_of_numbers_labels_and_quantities_are_no_citations() {
        // Each from a pdftotext reading that took the figure for note 1
        // (or 4, 18), as due: the next level of a number, a thousands
        // group, a label before its stop, a quantity after an article.
        for line in [
            "Goal indicator 16.4.1 on the total value",
            "paragraph VIII.6 of the report",
            "for the Mission, 4,998,800 dollars for",
            "Action 1. We will build and sustain peace.",
            "(i) Panel 1: Advancing implementation",
            "to meet the 1 trillion dollar gap",
        ] {
            assert_eq!(first_line(Lang::En, &format!("{line}\n"), 1), line);
        }
        // A year, its stop, then the note: still a citation.
        assert_eq!(
            first_line(Lang::En, "no later than February 2025.1 The\n", 1),
            "no later than February 2025.[^1]The"
        );
    }

    #[test]
    fn after_a_long_acronym_the_note_due_is_a_citation() {
        assert_eq!(
            first_line(
                Lang::En,
                "between the United Nations and INTERPOL 1 and all\n",
                1
            ),
            "between the United Nations and INTERPOL[^1]and all"
        );
        assert_eq!(
            first_line(Lang::En, "Commitment on HIV/AIDS1 and the\n", 1),
            "Commitment on HIV/AIDS[^1]and the"
        );
        // Short names carry numbers; a figure not due stays text.
        assert_eq!(first_line(Lang::En, "at COP 1 and\n", 1), "at COP 1 and");
        assert_eq!(
            first_line(Lang::En, "INTERPOL 2 and\n", 2),
            "INTERPOL 2 and"
        );
    }

    #[test]
    fn no_citation_inside_a_document_symbol() {
        assert_eq!(
            first_line(Lang::En, "[on the report (A/79/442/Add.1, para. 12)]\n", 1),
            "[on the report (A/79/442/Add.1, para. 12)]"
        );
        assert_eq!(
            first_line(Lang::En, "decision UNEP/EA.5/DEC.1, and\n", 1),
            "decision UNEP/EA.5/DEC.1, and"
        );
    }

    #[test]
    fn a_lost_citation_does_not_take_the_later_ones_and_its_note_stays_on_its_page() {
        // As in pdftotext of 79/226: citation 2 stands after a word that
        // takes a number ("articles"), where it reads as text; 3 and 4
        // follow. Page 1 prints notes 1 and 2.
        let src = "United Nations A/RES/79/226\nGeneral Assembly\n\n79/226. Review\n\n\
                   The General Assembly,\n\
                   Recalling its resolution 75/233 on the review, 1 and previous articles 2 on the\n\
                   operational activities for development of the United Nations\n\
                   __________________\n1\n2\nResolution 64/222, annex.\nResolution 73/291, annex.\n\n\
                   1/3\n\u{c}A/RES/79/226\n\n\
                   system, as well as its resolution 76/4, 3 and its resolution 78/1, 4\n\
                   1. Decides to act.\n\
                   __________________\n3\n4\nResolution 76/4.\nResolution 78/1.\n";
        let (res, warnings) = crate::read::text::read(src, &Default::default()).expect("reads");
        let crate::ir::Block::Paragraph(p) = &res.preamble[0] else {
            panic!("{:?}", res.preamble);
        };
        let text = text_of(&p.content);
        // 3 and 4 found although 2 was not; 2 cited where its page ends.
        assert!(text.contains("review,[^1]"), "{text}");
        assert!(text.contains("United Nations[^2] system"), "{text}");
        assert!(
            text.contains("76/4,[^3]") && text.ends_with("78/1,[^4]"),
            "{text}"
        );
        assert_eq!(res.notes.len(), 4);
        assert!(warnings.iter().any(|w| w.code() == "note-without-citation"));
    }

    #[test]
    fn a_number_pages_before_its_note_is_no_citation() {
        // As in pdftotext of 78/128: note 1 is printed on page 3, cited
        // there ("Sea, 1 recognizing"); "comprise 1 plenary" on page 1
        // has the shape of a citation and the number due, but stands two
        // pages before the note.
        let src = "United Nations A/RES/78/128\nGeneral Assembly\n\n78/128. Conference\n\n\
                   The General Assembly,\n\
                   Recalling its resolution 70/1,\n\
                   1. Decides that the Conference shall comprise 1 plenary meeting;\n\
                   \n1/3\n\u{c}A/RES/78/128\n\n\
                   2. Decides that the Conference shall meet in June;\n\
                   \n2/3\n\u{c}A/RES/78/128\n\n\
                   3. Decides that it shall be open to parties to the Convention on the Law of\n\
                   the Sea, 1 recognizing that participation does not affect their status;\n\
                   __________________\n1\nUnited Nations, Treaty Series, vol. 1833.\n\n3/3\n";
        let (res, warnings) = crate::read::text::read(src, &Default::default()).expect("reads");
        let texts: Vec<String> = res
            .body
            .iter()
            .map(|b| match b {
                crate::ir::Block::Paragraph(p) => text_of(&p.content),
                other => panic!("{other:?}"),
            })
            .collect();
        assert!(texts[0].contains("comprise 1 plenary"), "{texts:?}");
        assert!(texts[2].contains("Sea,[^1] recognizing"), "{texts:?}");
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn a_month_name_in_lower_case_is_a_word_where_months_take_a_capital() {
        // "commissions, 12 may participate": English months are
        // capitalised, so "may" is the verb and 12 the citation due;
        // "12 May" is a date.
        assert_eq!(
            first_line(
                Lang::En,
                "members of the commissions, 1 may participate\n",
                1
            ),
            "members of the commissions,[^1]may participate"
        );
        assert_eq!(
            first_line(Lang::En, "held in New York on 1 May and later\n", 1),
            "held in New York on 1 May and later"
        );
        // French months are printed in lower case: "1 mai" is a date.
        assert_eq!(
            first_line(Lang::Fr, "tenue à New York le 1 mai et après\n", 1),
            "tenue à New York le 1 mai et après"
        );
    }

    /// The lines of `src` as a page reader gives them, each with the range
    /// `raised` names set raised and smaller.
    fn page_lines(
        src: &str,
        raised: impl Fn(&str) -> Option<Range<usize>>,
    ) -> Vec<crate::read::layout::Line> {
        src.lines()
            .map(|t| {
                let mut l = crate::read::layout::Line {
                    text: t.to_string(),
                    ..Default::default()
                };
                l.facts.raised.extend(raised(t));
                l
            })
            .collect()
    }

    #[test]
    fn on_a_page_a_figure_on_the_line_is_never_a_citation() {
        // 78/128 as the PDF prints it: "comprise 10" with note 10 due,
        // which words alone take for a citation; the page raised only
        // the figure after "Charter,".
        let src = "United Nations A/RES/78/128\nGeneral Assembly\n78/128. The Conference\n\
                   The General Assembly,\n\
                   Recalling the Charter,1\n\
                   1. Decides that the Conference shall comprise 2 plenary meetings;\n\
                   2. Decides to act.\n\
                   __________________\n1 See the Charter.\n2 See the rules.\n";
        let read = |page: bool| {
            let printed = page_lines(src, |t| {
                (t == "Recalling the Charter,1").then(|| t.len() - 1..t.len())
            });
            let (res, _) = if page {
                crate::read::text::read_layout(&printed, &Default::default())
            } else {
                crate::read::text::read(src, &Default::default())
            }
            .expect("reads");
            let crate::ir::Block::Paragraph(p) = &res.body[0] else {
                panic!("{:?}", res.body);
            };
            text_of(&p.content)
        };
        assert!(read(true).contains("comprise 2 plenary"), "{}", read(true));
        // The same lines as extracted text: the words decide.
        assert!(
            read(false).contains("comprise[^2] plenary"),
            "{}",
            read(false)
        );
    }

    #[test]
    fn a_figure_the_page_raised_is_a_citation_even_after_capitals() {
        // 79/136 as the PDF prints it: "INTERPOL" then a raised "1", which
        // the words alone take for part of a symbol ("DEC3").
        let src = "United Nations A/RES/79/136\nGeneral Assembly\n79/136. Cooperation\n\
                   The General Assembly,\n\
                   Recalling also the agreement between the United Nations and INTERPOL1 and\n\
                   all other agreements,\n\
                   1. Decides to act.\n\
                   __________________\n1 United Nations, Treaty Series, vol. 1996, No. 1200.\n";
        let read = |raise: bool| {
            let printed = page_lines(src, |t| {
                t.find("INTERPOL1")
                    .filter(|_| raise)
                    .map(|at| at + 8..at + 9)
            });
            let (res, warnings) =
                crate::read::text::read_layout(&printed, &Default::default()).expect("reads");
            let crate::ir::Block::Paragraph(p) = &res.preamble[0] else {
                panic!("{:?}", res.preamble);
            };
            (text_of(&p.content), warnings)
        };
        let (text, warnings) = read(true);
        assert!(text.contains("INTERPOL[^1] and"), "{text}");
        assert!(warnings.is_empty(), "{warnings:?}");
        // Without the page's fact the figure stays glued, and the note is
        // cited where its page ends, with a warning.
        let (text, warnings) = read(false);
        assert!(text.contains("INTERPOL1 and"), "{text}");
        assert!(warnings.iter().any(|w| w.code() == "note-without-citation"));
    }

    #[test]
    fn a_rule_glued_to_the_last_body_line_still_opens_the_notes() {
        // pdftotext of 78/150: "... small and medium__________________".
        let src = "United Nations A/RES/78/150\nGeneral Assembly\n\n78/150. Women\n\n\
                   The General Assembly,\n\
                   Recalling the Convention, 1 and the Paris Agreement, 2\n\
                   1. Invites Member States to support small and medium__________________\n\n\
                   United Nations, Treaty Series, vol. 1771, No. 30822.\n\
                   Adopted under the UNFCCC.\n1\n2\n\n2/3\n\u{c}A/RES/78/150\n\n\
                   -sized enterprises;\n";
        let (res, _) = crate::read::text::read(src, &Default::default()).expect("reads");
        assert_eq!(res.notes.len(), 2, "{:?}", res.notes);
        let crate::ir::Block::Paragraph(p) = &res.body[0] else {
            panic!("{:?}", res.body);
        };
        let text = text_of(&p.content);
        // The rule is gone, the text before it stays in the paragraph.
        assert!(
            !text.contains('_') && text.contains("small and medium"),
            "{text}"
        );
        assert!(text.ends_with("sized enterprises;"), "{text}");
    }

    #[test]
    fn a_bare_figure_after_a_word_taking_a_symbol_is_the_citation_due() {
        // pdftotext of 79/78: "the draft resolution 7 submitted".
        assert_eq!(
            first_line(
                Lang::En,
                "action on the draft resolution 1 submitted by\n",
                1
            ),
            "action on the draft resolution[^1]submitted by"
        );
        // A symbol's number, a year after it, or a figure not due: text.
        for src in [
            "Security Council resolution 1 (1946) on\n",
            "draft resolution 2 submitted by\n",
            "in paragraph 1 of the resolution\n",
        ] {
            assert_eq!(first_line(Lang::En, src, 2), src.trim_end());
        }
    }

    #[test]
    fn a_spaced_citation_before_a_number_only_when_due() {
        // pdftotext sets raised figures off by spaces, here before the
        // next resolution symbol.
        assert_eq!(
            first_line(
                Lang::En,
                "resolutions 23/9 of 13 June 2013, 1 29/11 of 2 July 2015, 2 35/25\n",
                2
            ),
            "resolutions 23/9 of 13 June 2013,[^1]29/11 of 2 July 2015,[^2]35/25"
        );
        // A number that is not the citation due stays text.
        assert_eq!(
            first_line(Lang::En, "in paragraphs 3, 2 4 and 5\n", 2),
            "in paragraphs 3, 2 4 and 5"
        );
    }

    #[test]
    fn emphasis_keeps_the_lines_own_spacing() {
        let j = Joiner::default();
        let mut into = Vec::new();
        // "the *Charter*, (*ad hoc*) Saf*er*Guard" on one line …
        let line = vec![
            txt("the "),
            em("Charter"),
            txt(", ("),
            em("ad hoc"),
            txt(") Saf"),
            em("er"),
            txt("Guard"),
        ];
        append(&mut into, line, &j);
        // … then a line that opens in italics, and one that runs the
        // italics on from it.
        append(&mut into, vec![em("Recalling"), txt(" also")], &j);
        append(&mut into, vec![em("Noting with")], &j);
        append(&mut into, vec![em("concern"), txt(" that")], &j);
        assert_eq!(
            into,
            vec![
                txt("the "),
                em("Charter"),
                txt(", ("),
                em("ad hoc"),
                txt(") Saf"),
                em("er"),
                txt("Guard "),
                em("Recalling"),
                txt(" also "),
                Inline::Emphasis(vec![txt("Noting with"), txt(" "), txt("concern")]),
                txt(" that"),
            ]
        );
    }

    /// The first logical line of `src` with notes 1..=`n` known, citations
    /// written `[^n]`.
    fn first_line(lang: Lang, src: &str, n: u32) -> String {
        let lines = scan(src);
        let logical = fold_citations(
            &body(&lines),
            &notes(n),
            lang::profile(lang),
            &Joiner::default(),
            &mut Vec::new(),
        );
        text_of(&logical[0].parts)
    }

    fn body<'a>(lines: &[Line<'a>]) -> Vec<BodyLine<'a>> {
        lines
            .iter()
            .map(|l| BodyLine {
                line: l.clone(),
                after_break: false,
            })
            .collect()
    }

    fn notes(n: u32) -> Vec<RawNote<'static>> {
        (1..=n)
            .map(|number| RawNote {
                number,
                lines: vec!["x"],
                // One page, its notes after all its lines.
                after: usize::MAX,
            })
            .collect()
    }

    #[test]
    fn glued_citations_in_english() {
        let en = lang::profile(Lang::En);
        let lines = scan("the Protocols thereto,1 the Single Convention of 1961, 2 the\nConvention against Corruption 3 and paragraph 4 of resolution 60/1,\nof the Court of Justice4 and\n");
        let mut w = Vec::new();
        let logical = fold_citations(&body(&lines), &notes(4), en, &Joiner::default(), &mut w);
        let texts: Vec<_> = logical.iter().map(|l| text_of(&l.parts)).collect();
        assert_eq!(
            texts,
            vec![
                "the Protocols thereto,[^1]the Single Convention of 1961,[^2]the",
                "Convention against Corruption[^3]and paragraph 4 of resolution 60/1,",
                "of the Court of Justice[^4]and"
            ]
        );
    }

    /// Arabic letters have no case: a figure glued to one is raised, as
    /// after a lower-case letter, before a space or an Arabic comma or
    /// semicolon; a figure after an ideograph is text.
    #[test]
    fn glued_citations_in_scripts_without_case() {
        assert_eq!(
            first_line(Lang::Ar, "بتقرير الأمين العام1؛ والمعاهدات2، وغيرها\n", 2),
            "بتقرير الأمين العام[^1]؛ والمعاهدات[^2]، وغيرها"
        );
        assert_eq!(
            first_line(Lang::Zh, "第1段和第2段\n", 2),
            "第1段和第2段",
            "figures after ideographs are text"
        );
    }

    /// pdftotext of a Chinese page glues citations to their text: after a
    /// closing bracket, before full-width punctuation or text ("》1、",
    /// "》3和"); after an ideograph, before punctuation ("报告4；"); between
    /// ideographs, the note due or a repeat ("报告5所载", "计划1所列"); after full-width punctuation
    /// before an opening bracket ("、6《"). Figures the words around take
    /// stay text ("第4段", "3个", "12月").
    #[test]
    fn glued_citations_in_chinese() {
        let src = "《世界人权宣言》1、《公约》2，《消除公约》3和其他文书；第4段的报告4；\
                   相关报告5所载的3个项目于12月，议定书、6《联合国公约》行动计划1所列\n";
        assert_eq!(
            first_line(Lang::Zh, src, 6),
            "《世界人权宣言》[^1]、《公约》[^2]，《消除公约》[^3]和其他文书；第4段的报告[^4]；\
             相关报告[^5]所载的3个项目于12月，议定书、[^6]《联合国公约》行动计划[^1]所列"
        );
    }

    #[test]
    fn citation_glued_to_a_year() {
        assert_eq!(first_line(Lang::En, "resolutions 9/1 of 19 October 20181 and 10/1 of 16 October 2020 of the Conference\n", 2), "resolutions 9/1 of 19 October 2018[^1]and 10/1 of 16 October 2020 of the Conference");
    }

    #[test]
    fn a_number_word_before_a_comma_does_not_hold_the_number() {
        assert_eq!(
            first_line(
                Lang::En,
                "recalling its relevant resolutions, 1 recognizing the role of paragraph 2 and\n",
                2
            ),
            "recalling its relevant resolutions,[^1]recognizing the role of paragraph 2 and"
        );
    }

    #[test]
    fn citation_after_a_year_and_a_space() {
        assert_eq!(first_line(Lang::En, "resolution 27/5 of 18 May 2018 1 and resolution 11/4 of 21 October 2022 3 of the\n", 3), "resolution 27/5 of 18 May 2018[^1]and resolution 11/4 of 21 October 2022 3 of the");
    }

    #[test]
    fn citation_glued_to_a_paragraph_number() {
        assert_eq!(
            first_line(
                Lang::En,
                "Recalls paragraphs VIII.741 and VIII.962 of the reports and VIII.12\n",
                3
            ),
            "Recalls paragraphs VIII.74[^1]and VIII.96[^2]of the reports and VIII.12"
        );
    }

    #[test]
    fn glued_citations_in_chinese_and_numbers_that_are_text() {
        assert_eq!(
            first_line(
                Lang::Zh,
                "铭记《联合国千年宣言》1 和 2004 年 2 月的《宣言》2 以及第 3 次会议\n",
                3
            ),
            "铭记《联合国千年宣言》[^1]和 2004 年 2 月的《宣言》[^2]以及第 3 次会议"
        );
    }

    #[test]
    fn numbers_out_of_order_stay_text() {
        assert_eq!(
            first_line(Lang::En, "adopted by 7 votes,3 and on 2 occasions\n", 3),
            "adopted by 7 votes,3 and on 2 occasions"
        );
    }

    /// Numbers first, then texts (pdftotext reading a right-to-left
    /// page's column of numbers apart): in a script without case a text
    /// after a sentence's end opens the next note.
    #[test]
    fn a_block_of_numbers_then_texts_in_arabic() {
        let src = "1\n2\n3\nالقرار 217 ألف (د-3).\nانظر القرار 2200 ألف.\nA/69/397.\n";
        let lines = scan(src);
        let got: Vec<_> = parse_block(&lines, 1)
            .into_iter()
            .map(|n| n.lines)
            .collect();
        assert_eq!(
            got,
            [
                vec!["القرار 217 ألف (د-3)."],
                vec!["انظر القرار 2200 ألف."],
                vec!["A/69/397."]
            ]
        );
    }

    #[test]
    fn scrambled_block_is_numbered_in_order() {
        // pdftotext moves some numbers after the texts.
        let src = "United Nations, Treaty Series, vol. 2225.\nIbid., vol. 976.\n3\nIbid., vol. 1019.\n1\n2\n";
        let lines = scan(src);
        let notes = parse_block(&lines, 1);
        let got: Vec<_> = notes.iter().map(|n| (n.number, n.lines.clone())).collect();
        assert_eq!(
            got,
            vec![
                (1, vec!["United Nations, Treaty Series, vol. 2225."]),
                (2, vec!["Ibid., vol. 976."]),
                (3, vec!["Ibid., vol. 1019."]),
            ]
        );
    }

    #[test]
    fn a_block_after_a_lost_note_numbers_on_from_what_it_prints() {
        // 79/226: note 24 was lost before; this block prints 25 and 26.
        let src = "25\n26\n\nOr equivalent planning framework.\nResolution 64/222, annex.\n";
        let notes = parse_block(&scan(src), 24);
        let got: Vec<_> = notes.iter().map(|n| (n.number, n.lines.clone())).collect();
        assert_eq!(
            got,
            vec![
                (25, vec!["Or equivalent planning framework."]),
                (26, vec!["Resolution 64/222, annex."]),
            ]
        );
    }

    #[test]
    fn a_note_number_waits_for_its_text_past_the_folio() {
        // pdftotext of 80/122: the number, the folio, then a text whose
        // first word reads like a preambular lead ("Financing").
        let src = "of the General Assembly,\n_______________\n2\n\n2/13\n\n\
                   Financing for Sustainable Development Report 2024 (United Nations publication, 2024),\n\
                   figure I.1.\n25-20751\n";
        let profile = lang::profile(Lang::En);
        let mut lines = scan(src);
        super::super::lines::mark_furniture(&mut lines, profile);
        let layout = Layout::of(&lines, 0);
        let (body, notes) = collect(&lines, layout, profile);
        assert_eq!(notes.len(), 1, "{body:?}");
        assert_eq!(notes[0].number, 2);
        assert_eq!(notes[0].lines[1], "figure I.1.");
        assert!(body.iter().all(|b| !b.line.text.contains("Financing")));
    }

    #[test]
    fn numbered_block_with_a_wrapped_note() {
        let src = "10  See Official Records, Supplement No. 10 (E/2016/30),\n\nchap. I, sect. D.\n11  Resolution 67/187, annex.\n";
        let notes = parse_block(&scan(src), 10);
        assert_eq!(notes.len(), 2);
        assert_eq!(
            notes[0].lines,
            vec![
                "See Official Records, Supplement No. 10 (E/2016/30),",
                "chap. I, sect. D."
            ]
        );
        assert_eq!(notes[1].lines, vec!["Resolution 67/187, annex."]);
    }
}
