//! Pass 6: what each line and paragraph is — masthead, preface, title,
//! formula, preamble, operative part (sub-paragraphs nested, headings),
//! conclusions, annexes — and the notes stored in citation order.

use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use super::lines::{Kind, Line};
use super::notes::{LogicalLine, RawNote};
use super::paragraphs::{is_heading_like, paragraphs, roman_heading_num, RawPara};
use super::{push_text, Joiner, Layout};
use crate::error::ReadError;
use crate::ir::{
    Annex, Block, Body, Heading, Inline, Meeting, Note, Paragraph, Resolution, Warning,
};
use crate::lang::{is_roman_label, Profile};

static SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b([AS]/RES/[0-9A-Z][0-9A-Za-z/.\-]*(?:\s\(\d{4}\))?)").expect("symbol")
});

/// What is known of the first page before the body is read: where the
/// formula stands, the symbol and the title (to recognise running heads).
pub(crate) struct Front {
    pub formula: usize,
    pub symbol: String,
    pub title: String,
}

/// Finds the enacting formula, the title and the symbol among raw lines.
pub(crate) fn locate_front(lines: &[Line<'_>], profile: &Profile) -> Result<Front, ReadError> {
    let texts: Vec<&str> = lines
        .iter()
        .map(|l| if l.kind == Kind::Text { l.text } else { "" })
        .collect();
    let (at, printed) = formula_at(texts.len(), |k| texts[k], profile)
        .ok_or_else(|| ReadError::NotResolution("no enacting formula found".into()))?;
    // Without a printed formula, the line before the first lead stands in
    // its place; it is the title's last line (78/225).
    let formula = if printed { at } else { at - 1 };
    let front = &lines[..at];
    let symbol = front
        .iter()
        .find_map(|l| SYMBOL.captures(l.text).map(|c| c[1].to_string()))
        .or_else(|| symbol_atop_a_page(&lines[formula..]))
        .unwrap_or_default();
    let mut title = String::new();
    if let Some(t) = front
        .iter()
        .position(|l| title_start(l.text, profile).is_some())
    {
        for l in &front[t..] {
            title.push_str(l.text);
            title.push(' ');
        }
    }
    Ok(Front {
        formula,
        symbol,
        title,
    })
}

/// Where the first page prints no masthead (a text without it, and our
/// own PDF of one), the symbol a later page prints alone at its top, as
/// its running head.
fn symbol_atop_a_page(lines: &[Line<'_>]) -> Option<String> {
    let tops = lines.iter().enumerate().filter(|(_, l)| l.page_start);
    tops.flat_map(|(i, _)| {
        lines[i..]
            .iter()
            .filter(|l| !l.is_blank() && l.kind == Kind::Text)
            .take(3)
    })
    .find_map(|l| {
        let c = SYMBOL.captures(l.text.trim())?;
        (c[0].len() == l.text.trim().len()).then(|| c[1].to_string())
    })
}

/// Where the formula stands among `texts` (lines or paragraphs), and
/// whether it is printed: where the page leaves it out (a misprint), the
/// first line after the title that opens with a known preambular lead
/// phrase, past the title's first line, stands in its place.
/// Among `n` lines, line `k` reading `text(k)` (asked only as far as the
/// search goes: the formula stands near the top).
fn formula_at<'t>(
    n: usize,
    text: impl Fn(usize) -> &'t str,
    profile: &Profile,
) -> Option<(usize, bool)> {
    // The formula closes with its punctuation ("大会，"); the organ's name
    // in the masthead, which in some languages says the same words
    // ("Генеральная Ассамблея"), stands alone without it. A formula printed
    // without its comma is found where no line has one.
    let closed = |t: &str| t.trim_end().ends_with(FORMULA_CLOSE) && is_formula(t, profile);
    if let Some(at) = (0..n).find(|&k| closed(text(k))) {
        return Some((at, true));
    }
    if let Some(at) = (0..n).find(|&k| is_formula(text(k), profile)) {
        return Some((at, true));
    }
    let title = (0..n).find(|&k| title_start(text(k), profile).is_some())?;
    (title + 1..n)
        .find(|&k| profile.lead_phrase(text(k).trim(), false).is_some())
        .map(|k| (k, false))
}

/// What closes a formula, in the six languages.
const FORMULA_CLOSE: [char; 7] = [',', '，', ':', '：', ';', '،', '、'];

fn is_formula(text: &str, profile: &Profile) -> bool {
    text.chars().count() < 60 && profile.formula(text).is_some()
}

/// Where a title line's number ends, with (session, number) for the GA and
/// (number, year) for the SC.
fn title_start(text: &str, profile: &Profile) -> Option<(usize, TitleNum)> {
    if let Some(t) = profile.title_num(text) {
        return Some((t.title_at, TitleNum::Ga(t.session, t.number)));
    }
    profile
        .sc_title(text)
        .map(|(n, y, at)| (at, TitleNum::Sc(n, y)))
}

enum TitleNum {
    Ga(u32, u32),
    Sc(u32, u32),
}

/// Builds the resolution from its logical lines.
pub(crate) fn build(
    lines: Vec<LogicalLine>,
    layout: Layout,
    profile: &Profile,
    joiner: &Joiner,
    warnings: &mut Vec<Warning>,
) -> Result<Resolution, ReadError> {
    let (f, printed) = {
        // Each line's text made when the search reaches it, once.
        let texts: Vec<OnceCell<String>> = lines.iter().map(|_| OnceCell::new()).collect();
        let text = |k: usize| texts[k].get_or_init(|| Inline::plain_text(&lines[k].parts));
        formula_at(lines.len(), |k| text(k).as_str(), profile)
            .ok_or_else(|| ReadError::NotResolution("no enacting formula found".into()))?
    };
    let mut res = Resolution::default();
    front(&lines[..f], profile, joiner, &mut res);
    let body_from = if printed {
        let formula = Inline::plain_text(&lines[f].parts);
        res.meta.body = profile.formula(&formula).unwrap_or(Body::GeneralAssembly);
        res.formula = formula;
        f + 1
    } else {
        warnings.push(Warning::FormulaMissing);
        f
    };

    let mut lines = lines;
    lines.drain(..body_from);
    let paras = paragraphs(lines, layout, profile, joiner);
    let facts = para_facts(&paras, profile);
    let (body_end, closing, annex_from) = closing_range(&facts);
    for p in &paras[closing.clone()] {
        conclusion(&p.plain(), profile, &mut res);
    }
    // Text after the closing lines and before any annex stays, as printed.
    let annex_start = facts[annex_from..]
        .iter()
        .position(|f| f.annex)
        .map_or(paras.len(), |k| annex_from + k);
    for p in &paras[annex_from..annex_start] {
        res.conclusions.push(p.plain().into_owned());
    }
    if annex_start > annex_from {
        warnings.push(Warning::TextAfterClosing {
            lines: annex_start - annex_from,
        });
    }
    // The paragraphs move into the blocks: no second copy of the text.
    let (mut paras, mut facts) = (paras, facts);
    let annexed = (paras.split_off(annex_start), facts.split_off(annex_start));
    paras.truncate(body_end);
    facts.truncate(body_end);
    let (preamble, body) = classify(paras, &facts, profile, joiner, false);
    res.preamble = preamble;
    res.body = body;
    res.annexes = annexes(annexed, profile, joiner);

    if res.body.is_empty() {
        return Err(ReadError::NotResolution(
            "no operative paragraphs found".into(),
        ));
    }
    finish_meta(&mut res);
    Ok(res)
}

/// The masthead, preface lines and title before the formula.
fn front(lines: &[LogicalLine], profile: &Profile, joiner: &Joiner, res: &mut Resolution) {
    let texts = join_wrapped_adoption(
        lines
            .iter()
            .map(|l| collapse(&Inline::plain_text(&l.parts)))
            .collect(),
        profile,
        joiner,
    );
    let mut texts = texts;
    number_before_its_title(&mut texts, profile);
    let title_at = texts.iter().position(|t| title_start(t, profile).is_some());
    let mut i = 0;
    while i < texts.len() {
        let t = &texts[i];
        if Some(i) == title_at {
            let (at, num) = title_start(t, profile).expect("found above");
            match num {
                TitleNum::Ga(s, n) => {
                    res.meta.session = Some(s);
                    res.meta.number = Some(n);
                }
                TitleNum::Sc(n, y) => {
                    res.meta.body = Body::SecurityCouncil;
                    res.meta.number = Some(n);
                    res.meta.year = Some(y);
                }
            }
            res.meta.title_num = t[..at].trim().to_string();
            let mut title = Vec::new();
            push_text(&mut title, &t[at..], joiner);
            i += 1;
            while i < texts.len() && !is_preface_line(&texts[i], profile) {
                push_text(&mut title, &texts[i], joiner);
                i += 1;
            }
            res.meta.title = Inline::plain_text(&title);
            if res.meta.body == Body::SecurityCouncil && res.meta.adopted.is_none() {
                // "Resolution 242 (1967) of 22 November 1967"
                res.meta.adopted = profile.date_in(&res.meta.title);
            }
            continue;
        }
        if t.starts_with(['[', '［']) {
            // A bracketed line, perhaps wrapped: the committee line.
            let mut parts = Vec::new();
            push_text(&mut parts, t, joiner);
            let mut j = i + 1;
            while !Inline::plain_text(&parts).contains([']', '］']) && j < texts.len() && j < i + 4
            {
                push_text(&mut parts, &texts[j], joiner);
                j += 1;
            }
            let line = Inline::plain_text(&parts);
            if let Some(c) = profile.committee_line(&line) {
                res.meta.committee = c.committee;
                res.meta.reports = c.reports;
                res.meta.report_paragraph = c.report_paragraph;
                res.meta.draft = c.draft;
            }
            res.preface.push(line);
            i = j;
            continue;
        }
        if let Some(a) = profile.adopted(t) {
            // The date may stand on the next line ("… General Assembly" /
            // "on 14 October 2025").
            let mut line = t.clone();
            let mut date = a.date;
            if date.is_none() && i + 1 < texts.len() && !is_preface_line(&texts[i + 1], profile) {
                if let Some(d) = profile.date_in(&texts[i + 1]) {
                    line = format!("{line} {}", texts[i + 1]);
                    date = Some(d);
                    i += 1;
                }
            }
            if a.body != Body::GeneralAssembly {
                res.meta.body = a.body;
            }
            if let Some(n) = a.meeting {
                res.meta.meeting = Some(Meeting {
                    number: n,
                    printed: line.clone(),
                });
            }
            res.meta.adopted = date.or(res.meta.adopted.take());
            res.preface.push(line);
            i += 1;
            continue;
        }
        if title_at.is_some_and(|ta| i < ta) {
            res.masthead.push(t.clone());
        } else {
            res.preface.push(t.clone());
        }
        i += 1;
    }
    res.masthead = masthead_fields(std::mem::take(&mut res.masthead), profile);
    masthead_meta(res, profile);
}

/// The masthead's fields in one order, however an extractor or a page
/// reader grouped them into lines: "United Nations", the symbol, the
/// organ, "Distr.: General", its date, then the session block as it came.
/// pdftotext prints the symbol first, a page reader may set the organ and
/// the distribution on one line or the large organ after the date: all
/// read alike, and the PDF writer finds each field in its place.
fn masthead_fields(lines: Vec<String>, profile: &Profile) -> Vec<String> {
    let Some(k) = lines.iter().position(|l| profile.distribution_line(l)) else {
        return lines;
    };
    let mut names: Vec<String> = Vec::new();
    let mut symbol: Option<String> = None;
    let mut distr = String::new();
    for (i, line) in lines[..=k].iter().enumerate() {
        let mut rest = line.as_str();
        if i == k {
            let at = rest.find(profile.distribution).unwrap_or(0);
            distr = rest[at..].trim().to_string();
            rest = &rest[..at];
        }
        let rest = match SYMBOL.find(rest) {
            Some(m) if symbol.is_none() => {
                symbol = Some(m.as_str().to_string());
                format!("{} {}", &rest[..m.start()], &rest[m.end()..])
            }
            _ => rest.to_string(),
        };
        let rest = rest.split_whitespace().collect::<Vec<_>>().join(" ");
        if !rest.is_empty() {
            names.push(rest);
        }
    }
    let mut after = lines.into_iter().skip(k + 1).peekable();
    let date = after.next_if(|l| profile.distribution_date(l).is_some());
    // The organ, set large beside the distribution, read after its date.
    if names.len() == 1 {
        names.extend(after.next_if(|l| profile.agenda_items(l).is_none()));
    }
    let mut out = Vec::with_capacity(names.len() + 4);
    let mut names = names.into_iter();
    out.extend(names.next());
    out.extend(symbol);
    out.extend(names);
    out.push(distr);
    out.extend(date);
    out.extend(after);
    out
}

/// An "adopted" line wrapped in two ("… en su 9876ª sesión, celebrada el
/// 12 de marzo de" / "2025", "…第 9876 次会议" / "通过"), joined back into
/// one as the language joins lines (no space between ideographs), so
/// that neither half is read as part of the title.
fn join_wrapped_adoption(
    mut texts: Vec<String>,
    profile: &Profile,
    joiner: &Joiner,
) -> Vec<String> {
    let mut i = 0;
    while i + 1 < texts.len() {
        let (a, b) = (texts[i].trim_end(), texts[i + 1].trim_start());
        let space = joiner.spaced(a.chars().next_back(), b.chars().next());
        let gap = if space { " " } else { "" };
        let joined = format!("{a}{gap}{b}");
        if profile.adopted(&texts[i]).is_none()
            && !texts[i].starts_with(['[', '［'])
            && title_start(&texts[i], profile).is_none()
            && profile.adopted(&joined).is_some()
        {
            texts[i] = joined;
            texts.remove(i + 1);
        }
        i += 1;
    }
    texts
}

/// A title number alone as the front's last line, after its title: an
/// extractor reading a right-to-left page's columns from the left
/// (pdftotext) prints the number hanging at the right after the title it
/// numbers. The number goes back before the title's lines, those after the
/// committee or adoption line.
fn number_before_its_title(texts: &mut [String], profile: &Profile) {
    let Some(last) = texts.len().checked_sub(1) else {
        return;
    };
    let alone = title_start(&texts[last], profile).is_some_and(|(at, _)| {
        texts[last]
            .get(at..)
            .is_some_and(|rest| rest.trim().is_empty())
    });
    if !alone {
        return;
    }
    let after_preface = texts[..last]
        .iter()
        .rposition(|t| is_preface_line(t, profile) || t.trim_end().ends_with([']', '］']))
        .map(|k| k + 1);
    if let Some(first) = after_preface.filter(|&k| k < last) {
        texts[first..=last].rotate_right(1);
    }
}

/// A line that is no part of the title however it wraps.
fn is_preface_line(t: &str, profile: &Profile) -> bool {
    t.starts_with(['[', '［']) || profile.adopted(t).is_some()
}

/// Symbol, distribution date, agenda items from the masthead lines.
fn masthead_meta(res: &mut Resolution, profile: &Profile) {
    let lines = &res.masthead;
    if let Some(s) = lines
        .iter()
        .find_map(|l| SYMBOL.captures(l).map(|c| c[1].to_string()))
    {
        res.meta.symbol = s;
    }
    if let Some(k) = lines.iter().position(|l| profile.distribution_line(l)) {
        res.meta.distributed = lines[k..]
            .iter()
            .take(3)
            .find_map(|l| profile.distribution_date(l));
    }
    let agenda = lines
        .iter()
        .enumerate()
        .find_map(|(k, l)| profile.agenda_items(l).map(|n| (k, n)));
    if let Some((k, numbers)) = agenda {
        let title: Vec<&str> = lines[k + 1..].iter().map(String::as_str).collect();
        let single = numbers.len() == 1 && !title.is_empty();
        res.meta.agenda_items = numbers
            .into_iter()
            .map(|number| crate::ir::AgendaItem {
                number,
                title: single.then(|| title.join(" ")),
            })
            .collect();
    }
}

/// Derived facts: the symbol from the number where the masthead has none.
fn finish_meta(res: &mut Resolution) {
    if res.meta.symbol.is_empty() {
        res.meta.symbol = match (
            res.meta.body,
            res.meta.session,
            res.meta.number,
            res.meta.year,
        ) {
            (Body::GeneralAssembly, Some(s), Some(n), _) => format!("A/RES/{s}/{n}"),
            (Body::SecurityCouncil, _, Some(n), Some(y)) => format!("S/RES/{n} ({y})"),
            (Body::SecurityCouncil, _, Some(n), None) => format!("S/RES/{n}"),
            (Body::EconomicAndSocialCouncil, Some(s), Some(n), _) => format!("E/RES/{s}/{n}"),
            _ => String::new(),
        };
    }
    if res.meta.body == Body::SecurityCouncil && res.meta.number.is_none() {
        if let Some(c) = Regex::new(r"S/RES/(\d+)\s*\((\d{4})\)")
            .ok()
            .and_then(|re| {
                re.captures(&res.meta.symbol)
                    .map(|c| (c[1].parse().ok(), c[2].parse().ok()))
            })
        {
            res.meta.number = c.0;
            res.meta.year = c.1;
        }
    }
}

/// Records one closing line (the meeting, the date).
fn conclusion(text: &str, profile: &Profile, res: &mut Resolution) {
    if let Some(date) = profile.date(text) {
        res.meta.adopted.get_or_insert(date);
    } else if let Some(n) = profile.meeting(text) {
        res.meta.meeting.get_or_insert(Meeting {
            number: n,
            printed: text.to_string(),
        });
    } else if let Some(a) = profile.adopted(text) {
        if let Some(n) = a.meeting {
            res.meta.meeting.get_or_insert(Meeting {
                number: n,
                printed: text.to_string(),
            });
        }
        if let Some(d) = a.date {
            res.meta.adopted.get_or_insert(d);
        }
    }
    res.conclusions.push(text.to_string());
}

/// What the structure asks of each paragraph, asked once: the answers
/// are kept, not the text (that would be a copy of the document).
#[derive(Debug, Clone, Default)]
struct ParaFacts {
    /// Opens with an operative number.
    op: bool,
    /// That number as printed, and where the text after it starts.
    op_num: Option<(String, usize)>,
    /// The sub-paragraph label it opens with, and where its text starts.
    sub_label: Option<(String, usize)>,
    /// Is exactly a date.
    date: bool,
    /// Is a meeting line, or an "adopted" line naming the meeting.
    meeting: bool,
    /// Is an annex label.
    annex: bool,
    /// Is a part number standing alone ("II").
    part: bool,
    /// Opens with an operative lead and no preambular one.
    opener: bool,
    /// Opens with a known preambular lead phrase ("Recalling", "Determined").
    preamble_lead: bool,
    /// Opens with a sub-paragraph label.
    sub: bool,
    /// Reads as a subheading ([`is_subheading`]).
    subheading: bool,
}

fn para_facts(paras: &[RawPara], profile: &Profile) -> Vec<ParaFacts> {
    paras
        .iter()
        .map(|p| {
            let t = p.plain();
            let q = profile.ask(&t);
            let (op_num, sub_label) = (q.operative_num(), profile.sub_label(&t));
            ParaFacts {
                op: op_num.is_some(),
                date: q.date().is_some(),
                meeting: q.meeting().is_some()
                    || (q.may_stand_alone() && q.adopted().is_some_and(|a| a.meeting.is_some())),
                annex: q.annex_label(),
                part: q.part_label(),
                opener: q.operative_opener() && !q.preamble_opener(),
                preamble_lead: profile.lead_phrase(&t, false).is_some(),
                sub: sub_label.is_some(),
                subheading: is_subheading(&t, p.bold || p.labelled, profile),
                op_num,
                sub_label,
            }
        })
        .collect()
}

/// Where the body ends, which paragraphs close the resolution (the meeting
/// and date lines), and where what follows them starts.
fn closing_range(facts: &[ParaFacts]) -> (usize, std::ops::Range<usize>, usize) {
    let first_op = operative_start(facts).unwrap_or(0);
    let is_date = |k: usize| facts.get(k).is_some_and(|f| f.date);
    // The meeting line after the operative part starts.
    let meeting = (first_op..facts.len()).find(|&k| facts[k].meeting);
    if let Some(m) = meeting {
        let mut from = m;
        while from > first_op && is_date(from - 1) {
            from -= 1;
        }
        let mut to = m + 1;
        while is_date(to) {
            to += 1;
        }
        return (from, from..to, to);
    }
    // No meeting line: trailing dates close the text, or the first annex.
    let annex = (first_op..facts.len()).find(|&k| facts[k].annex);
    let end = annex.unwrap_or(facts.len());
    let mut from = end;
    while from > first_op && is_date(from - 1) {
        from -= 1;
    }
    (from, from..end, end)
}

/// Where the operative part starts: at an unnumbered operative clause
/// ("Adopts the following …", "Endorses …") or a part before the numbers
/// start, else at the first number.
fn operative_start(facts: &[ParaFacts]) -> Option<usize> {
    let first_op = facts.iter().position(|f| f.op);
    let limit = first_op.unwrap_or(facts.len());
    facts[..limit]
        .iter()
        .position(|f| f.opener || f.part)
        .or(first_op)
}

/// Splits paragraphs into preamble and operative blocks.
fn classify(
    paras: Vec<RawPara>,
    facts: &[ParaFacts],
    profile: &Profile,
    joiner: &Joiner,
    in_annex: bool,
) -> (Vec<Block>, Vec<Block>) {
    let preamble_end = if in_annex {
        0
    } else {
        let first_op = facts.iter().position(|f| f.op);
        match (operative_start(facts), first_op) {
            (Some(o), Some(k)) if o == k => k - subheading_before(&facts[..k]),
            (Some(o), _) => o,
            (None, _) => paras.len().saturating_sub(1),
        }
    };
    let mut paras = paras.into_iter().zip(facts);
    let mut preamble = Vec::new();
    for (p, f) in paras.by_ref().take(preamble_end) {
        add_block(&mut preamble, (p, f), profile, joiner, true);
    }
    let mut body = Vec::new();
    let mut paras = paras.peekable();
    while let Some((p, f)) = paras.next() {
        if p.table.is_none() && f.part {
            // "II" alone, its title on the next line: one heading. The IR
            // has no parts (yet): a part is a heading in the body, and its
            // numbering restarts after it.
            // (The number says a title follows: it may be long.)
            let title = paras.next_if(|(t, tf)| {
                t.table.is_none()
                    && !tf.op
                    && !tf.sub
                    && !tf.part
                    && (tf.subheading || is_subheading(&t.plain(), true, profile))
            });
            body.push(Block::Heading(Heading {
                num: Some(collapse(&p.plain())),
                text: title.map(|(t, _)| t.parts).unwrap_or_default(),
                level: 1,
            }));
            continue;
        }
        if inside_list(&mut body, (&p, f), paras.peek().map(|(_, nf)| *nf)) {
            if let Some(item) = last_item(&mut body) {
                super::notes::append(&mut item.content, p.parts, joiner);
            }
            continue;
        }
        add_block(&mut body, (p, f), profile, joiner, false);
    }
    (preamble, body)
}

/// How many paragraphs right before the first operative one are a
/// subheading of the operative part ("Peacebuilding Commission", in bold
/// above "1."): one or two that read as a heading, never a preambular
/// paragraph (those end on a comma, or open with a preambular lead where
/// an extractor cut them short), and never the whole preamble.
fn subheading_before(facts: &[ParaFacts]) -> usize {
    let n = facts
        .iter()
        .rev()
        .take(2)
        .take_while(|f| f.subheading && !f.op && !f.sub && !f.part && !f.preamble_lead)
        .count();
    if n < facts.len() {
        n
    } else {
        0
    }
}

/// Whether `p`, which would read as a subheading, stands between two
/// sub-paragraphs of one list ("(a)" before it, "(b)" after): no heading
/// is printed there, so it is text of the item before, which an extractor
/// set apart (pdftotext moves an item's last line above its first).
fn inside_list(
    body: &mut [Block],
    (p, f): (&RawPara, &ParaFacts),
    next: Option<&ParaFacts>,
) -> bool {
    if p.table.is_some() || f.op || f.sub || !f.subheading {
        return false;
    }
    let Some((next_label, _)) = next.and_then(|n| n.sub_label.as_ref()) else {
        return false;
    };
    let before = last_item(body).and_then(|i| i.num.clone());
    before.is_some() && previous_letter(next_label) == before
}

/// The last sub-paragraph of the last paragraph, if it has any.
fn last_item(body: &mut [Block]) -> Option<&mut Paragraph> {
    match body.last_mut() {
        Some(Block::Paragraph(p)) => p.items.last_mut(),
        _ => None,
    }
}

/// Adds one paragraph: a numbered paragraph, a sub-paragraph nested under
/// the paragraph before, a heading, or an unnumbered paragraph.
fn add_block(
    blocks: &mut Vec<Block>,
    (p, f): (RawPara, &ParaFacts),
    profile: &Profile,
    joiner: &Joiner,
    preamble: bool,
) {
    if let Some((header_rows, rows)) = p.table {
        blocks.push(Block::Table(crate::ir::Table { header_rows, rows }));
        return;
    }
    let text = p.plain();
    if !preamble {
        if let Some((num, at)) = f.op_num.clone() {
            blocks.push(Block::Paragraph(Paragraph {
                num: Some(num),
                content: strip_prefix_bytes(p.parts, at),
                ..Paragraph::default()
            }));
            return;
        }
    }
    if let Some((label, at)) = f.sub_label.clone() {
        let item = Paragraph {
            num: Some(label.clone()),
            content: strip_prefix_bytes(p.parts, at),
            ..Paragraph::default()
        };
        if let Some(Block::Paragraph(parent)) = blocks.last_mut() {
            nest_item(parent, item, profile.sub_depth(&label));
        } else {
            blocks.push(Block::Paragraph(item));
        }
        return;
    }
    if !preamble {
        if let Some(at) = roman_heading_num(&text) {
            if is_heading_like(&text[at..], profile) || at >= text.len() {
                let num = text[..at].trim().to_string();
                blocks.push(Block::Heading(Heading {
                    level: if num.len() == 2
                        && num.starts_with(|c: char| c.is_ascii_uppercase() && !"IVXL".contains(c))
                    {
                        2
                    } else {
                        1
                    },
                    num: Some(num),
                    text: strip_prefix_bytes(p.parts, at),
                }));
                return;
            }
        }
        if f.subheading {
            blocks.push(Block::Heading(Heading {
                num: None,
                text: p.parts,
                level: 1,
            }));
            return;
        }
    }
    let _ = joiner;
    blocks.push(Block::Paragraph(Paragraph {
        content: p.parts,
        ..Paragraph::default()
    }));
}

/// An unnumbered heading between operative paragraphs: a short line that
/// opens with a capital (or in a script without case) and ends on no
/// clause punctuation, in any script.
fn is_subheading(text: &str, marked: bool, profile: &Profile) -> bool {
    let t = text.trim();
    // A heading the page set in bold, or whose label stands on a line of
    // its own, may run over two full lines.
    let longest = if marked { 150 } else { 100 };
    // A figure alone ("62 287 400", a table's cell set on a line of its
    // own) heads nothing: a heading has a word.
    t.chars().count() < longest
        && t.chars().any(char::is_alphabetic)
        && is_heading_like(t, profile)
        && !t.ends_with(['.', '。', '．', '؛', '،', '、', '，', '；', '：', '!', '?'])
}

/// Nests "(a)" under the paragraph and "(i)", "(ii)" under its last
/// lettered item — except that a letter following its predecessor ("(i)"
/// after "(h)") continues the letters. `depth` is the level the label's
/// style gives (2 for "’1‘" or "㈠"), 0 when the label tells.
fn nest_item(parent: &mut Paragraph, item: Paragraph, depth: u8) {
    let label = item.num.clone().unwrap_or_default();
    let last = parent
        .items
        .last()
        .and_then(|i| i.num.clone())
        .unwrap_or_default();
    let continues_letters = previous_letter(&label).is_some_and(|p| p == last);
    let (second, first_of_level) = match depth {
        0 => (
            is_roman_label(&label) && !continues_letters,
            label.trim_start_matches('(') == "i)",
        ),
        d => (d >= 2, true),
    };
    match parent.items.last_mut() {
        Some(prev) if second && (!prev.items.is_empty() || first_of_level) => prev.items.push(item),
        _ => parent.items.push(item),
    }
}

/// "(i)" → "(h)", "i)" → "h)": the label a letter follows in an
/// alphabetic list.
fn previous_letter(label: &str) -> Option<String> {
    let open = if label.starts_with('(') { "(" } else { "" };
    let inner = label.strip_prefix(open)?.strip_suffix(')')?;
    let mut cs = inner.chars();
    let c = cs.next()?;
    (cs.next().is_none() && c.is_ascii_lowercase() && c != 'a')
        .then(|| format!("{open}{})", (c as u8 - 1) as char))
}

/// Annexes: each from its label, with the title after it and its content.
/// The first paragraph opens the first annex whatever it says.
fn annexes(
    (mut paras, mut facts): (Vec<RawPara>, Vec<ParaFacts>),
    profile: &Profile,
    joiner: &Joiner,
) -> Vec<Annex> {
    let starts: Vec<usize> = (0..paras.len())
        .filter(|&j| j == 0 || facts[j].annex)
        .collect();
    // Each annex's paragraphs split off from the end, so each moves once.
    let mut groups: Vec<_> = starts
        .iter()
        .rev()
        .map(|&k| (paras.split_off(k), facts.split_off(k)))
        .collect();
    groups.reverse();
    groups
        .into_iter()
        .map(|g| annex(g, profile, joiner))
        .collect()
}

/// One annex from its paragraphs, the label first.
fn annex(
    (paras, facts): (Vec<RawPara>, Vec<ParaFacts>),
    profile: &Profile,
    joiner: &Joiner,
) -> Annex {
    let mut paras = paras.into_iter().peekable();
    let label = paras
        .next()
        .map(|p| p.plain().into_owned())
        .unwrap_or_default();
    let titled = paras
        .peek()
        .is_some_and(|t| t.table.is_none() && !facts[1].op && !facts[1].sub);
    let title = paras
        .next_if(|_| titled)
        .map(|t| t.parts)
        .unwrap_or_default();
    let rest = &facts[facts.len().min(1 + usize::from(titled))..];
    let (_, content) = classify(paras.collect(), rest, profile, joiner, true);
    Annex {
        label,
        title,
        content,
    }
}

/// Inline content with the first `bytes` bytes of its text removed (the
/// paragraph number), and the space after it; the cut goes into emphasis
/// (an italic lead may begin with the number's full stop) but never past
/// a citation.
fn strip_prefix_bytes(parts: Vec<Inline>, mut bytes: usize) -> Vec<Inline> {
    let mut out = Vec::with_capacity(parts.len());
    for p in parts {
        if bytes == 0 {
            out.push(p);
            continue;
        }
        match p {
            Inline::Text(mut t) => {
                let cut = floor_char_boundary(&t, bytes.min(t.len()));
                bytes -= cut;
                if cut < t.len() {
                    bytes = 0;
                }
                let space = t[cut..].len() - t[cut..].trim_start().len();
                t.drain(..cut + space);
                if !t.is_empty() {
                    out.push(Inline::Text(t));
                }
            }
            Inline::Emphasis(inner) => {
                let len = Inline::plain_text(&inner).len();
                let cut = bytes.min(len);
                let rest = strip_prefix_bytes(inner, cut);
                bytes = if cut < len { 0 } else { bytes - cut };
                if !rest.is_empty() {
                    out.push(Inline::Emphasis(rest));
                }
            }
            other => {
                bytes = 0;
                out.push(other);
            }
        }
    }
    out
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Stores note texts in the IR in order of first citation. A note never
/// cited was cited on its page already ([`super::notes::fold_citations`]);
/// one with no text before its block is cited at the end of the text, so
/// its text is not lost, with a warning.
pub(crate) fn attach_notes(
    res: &mut Resolution,
    raw: Vec<RawNote<'_>>,
    joiner: &Joiner,
    warnings: &mut Vec<Warning>,
) {
    let cited = res.cited_markers();
    let mut by_number: BTreeMap<u32, RawNote<'_>> =
        raw.into_iter().map(|n| (n.number, n)).collect();
    for m in &cited {
        let Some(n) = m.parse().ok().and_then(|k: u32| by_number.remove(&k)) else {
            warnings.push(Warning::CitationWithoutNote { marker: m.clone() });
            continue;
        };
        if n.lines.is_empty() {
            warnings.push(Warning::CitationWithoutNote { marker: m.clone() });
        }
        res.notes.push(note_of(&n, joiner));
    }
    for (_, n) in by_number {
        let marker = n.number.to_string();
        warnings.push(Warning::NoteWithoutCitation {
            marker: marker.clone(),
        });
        if let Some(content) = last_content_mut(res) {
            content.push(Inline::NoteRef(marker));
            res.notes.push(note_of(&n, joiner));
        }
    }
}

fn note_of(n: &RawNote<'_>, joiner: &Joiner) -> Note {
    let mut content = Vec::new();
    for l in &n.lines {
        push_text(&mut content, l, joiner);
    }
    Note {
        marker: n.number.to_string(),
        content,
    }
}

fn last_content_mut(res: &mut Resolution) -> Option<&mut Vec<Inline>> {
    fn in_blocks(bs: &mut [Block]) -> Option<&mut Vec<Inline>> {
        bs.iter_mut().rev().find_map(|b| match b {
            Block::Paragraph(p) => Some(&mut p.content),
            Block::Heading(h) => Some(&mut h.text),
            Block::Table(_) => None,
        })
    }
    if let Some(c) = res
        .annexes
        .iter_mut()
        .rev()
        .find_map(|a| in_blocks(&mut a.content))
    {
        return Some(c);
    }
    if let Some(c) = in_blocks(&mut res.body) {
        return Some(c);
    }
    in_blocks(&mut res.preamble)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An adoption line wrapped in two is joined as its language joins
    /// lines: a space in Spanish, none between ideographs, one beside a
    /// figure where Chinese spaces figures.
    #[test]
    fn a_wrapped_adoption_line_joins_as_its_language_does() {
        let lines = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let es = crate::lang::profile(crate::ir::Lang::Es);
        let got = join_wrapped_adoption(
            lines(&[
                "Aprobada por el Consejo de Seguridad en su 9876ª sesión, celebrada el 12 de marzo de",
                "2025",
            ]),
            es,
            &Joiner::of("", es),
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].ends_with("marzo de 2025"), "{got:?}");
        let zh = crate::lang::profile(crate::ir::Lang::Zh);
        for (a, b, want) in [
            (
                "2025 年 3 月 12 日安全理事会第 9876 次会议",
                "通过",
                "次会议通过",
            ),
            (
                "2025 年 3 月 12 日安全理事会第",
                "9876 次会议通过",
                "第 9876 次",
            ),
        ] {
            let got = join_wrapped_adoption(lines(&[a, b]), zh, &Joiner::of("", zh));
            assert_eq!(got.len(), 1, "{got:?}");
            assert!(got[0].contains(want), "{got:?}");
        }
    }

    #[test]
    fn a_misprint_without_formula_is_read_from_its_first_lead() {
        let text = "United Nations A/RES/78/225\nGeneral Assembly\n\n\
                    78/225. Enhancing the contributions of the Commission\n\n\
                    Reaffirming its resolution 70/1 of 25 September 2015,\n\n\
                    Recalling its resolution 70/299 of 29 July 2016,\n\n\
                    1. Decides to act.\n";
        let (res, warnings) = crate::read::text::read(text, &Default::default()).expect("reads");
        assert_eq!(res.formula, "");
        assert_eq!((res.preamble.len(), res.body.len()), (2, 1));
        assert!(warnings.iter().any(|w| w.code() == "formula-missing"));
        // No title, no lead: still not a resolution.
        let err = crate::read::text::read("Reaffirming x,\n\n1. Decides.\n", &Default::default());
        assert!(err.is_err());
    }

    #[test]
    fn the_organ_alone_in_the_masthead_is_no_formula() {
        // pdftotext of a two-column masthead: the organ's name on a line
        // of its own says the formula's words, without its comma.
        let text = "A/RES/78/218\n\nОрганизация Объединенных Наций\n\n\
                    Генеральная Ассамблея\n\nDistr.: General\n28 December 2023\n\n\
                    78/218. Уменьшение опасности бедствий\n\n\
                    Генеральная Ассамблея,\n\n\
                    ссылаясь на свою резолюцию 69/283,\n\n1. постановляет действовать.\n";
        let (res, _) = crate::read::text::read(text, &Default::default()).expect("reads");
        assert_eq!(res.formula, "Генеральная Ассамблея,");
        assert_eq!((res.preamble.len(), res.body.len()), (1, 1));
        assert!(res.masthead.iter().any(|l| l == "Генеральная Ассамблея"));
    }

    /// The same masthead as pdftotext prints it (symbol first, each field
    /// alone), as a page reader may group it (organ and distribution on
    /// one line; the large organ after the date) and as our samples write
    /// it: one list of fields in one order.
    #[test]
    fn a_masthead_reads_alike_however_its_lines_were_grouped() {
        let body = "\n\n78/218. Disaster risk reduction\n\nThe General Assembly,\n\n\
                    Recalling its resolution 69/283,\n\n1. Decides to act.\n";
        let groupings = [
            "A/RES/78/218\n\nUnited Nations\n\nGeneral Assembly\n\nDistr.: General\n28 December 2023",
            "United Nations\nA/RES/78/218\nGeneral Assembly Distr.: General\n28 December 2023",
            "United Nations A/RES/78/218\nDistr.: General\n28 December 2023\nGeneral Assembly",
            "United Nations\nGeneral Assembly\nA/RES/78/218\nDistr.: General\n28 December 2023",
        ];
        let want = [
            "United Nations",
            "A/RES/78/218",
            "General Assembly",
            "Distr.: General",
            "28 December 2023",
        ];
        for masthead in groupings {
            let text = format!("{masthead}\n\nSeventy-eighth session\nAgenda item 18{body}");
            let (res, _) = crate::read::text::read(&text, &Default::default()).expect("reads");
            assert_eq!(res.masthead[..5], want, "{masthead:?}");
            assert_eq!(
                res.masthead[5..],
                ["Seventy-eighth session", "Agenda item 18"]
            );
            assert_eq!(res.meta.symbol, "A/RES/78/218");
        }
    }

    /// pdftotext prints a right-to-left page's hanging title number after
    /// the title; it numbers the lines before it, back to the committee
    /// line. Printed before its title, it stays where it is.
    #[test]
    fn a_title_number_after_its_title_numbers_it() {
        let read = |front: &str| {
            let text = format!(
                "[بناء على تقرير اللجنة الثالثة (A/69/488/Add.2)]\n\n{front}\n\n\
                 إن الجمعية العامة،\n\nإذ تؤكد من جديد مقاصد الميثاق،\n\n1 - تقرر المواصلة.\n"
            );
            let (res, _) = crate::read::text::read(&text, &Default::default()).expect("reads");
            (res.meta.title_num, res.meta.title, res.meta.number)
        };
        let want = (
            "69/166 -".to_string(),
            "الحق في الخصوصية في العصر الرقمي".to_string(),
            Some(166),
        );
        assert_eq!(read("الحق في الخصوصية\nفي العصر الرقمي\n\n69/166 -"), want);
        assert_eq!(read("69/166 - الحق في الخصوصية\nفي العصر الرقمي"), want);
    }

    /// 78/1: one unnumbered operative clause, the closing lines, then an
    /// annex of numbered paragraphs. The closing lines are found after the
    /// clause, not after the annex's first number (where there are none):
    /// the annex stays an annex.
    #[test]
    fn closing_lines_after_an_unnumbered_operative_clause_close_it() {
        let text = "78/1. Political declaration of the forum\n\nThe General Assembly\n\n\
                    Endorses the political declaration contained in the annex to the present resolution.\n\n\
                    15th plenary meeting\n29 September 2023\n\nAnnex\n\nPolitical Declaration of the forum\n\n\
                    1. We, the Heads of State, have met in New York.\n\n2. We reaffirm our commitment.\n";
        let (res, _) = crate::read::text::read(text, &Default::default()).expect("reads");
        assert_eq!(res.body.len(), 1, "{:?}", res.body);
        assert_eq!(
            res.conclusions,
            ["15th plenary meeting", "29 September 2023"]
        );
        assert_eq!(res.annexes.len(), 1);
        assert_eq!(res.annexes[0].content.len(), 2);
    }

    /// 78/225 prints no formula: the title runs to the line before the
    /// first lead, its last line included (the running heads are found by
    /// the whole title).
    #[test]
    fn without_a_formula_the_title_runs_to_the_first_lead() {
        let text = "78/225.\n\nEnhancing the contributions of the Commission on Crime\n\
                    Prevention and Criminal Justice to the accelerated\n\
                    implementation of the 2030 Agenda for Sustainable Development\n\
                    Reaffirming its resolution 70/1 of 25 September 2015,\n";
        let lines = super::super::lines::scan(text);
        let front =
            locate_front(&lines, crate::lang::profile(crate::ir::Lang::En)).expect("a front");
        assert!(
            front
                .title
                .trim_end()
                .ends_with("Agenda for Sustainable Development"),
            "{:?}",
            front.title
        );
    }

    #[test]
    fn a_part_number_alone_takes_its_long_title() {
        // pdftotext of 79/161: "IV", then a title of 107 characters.
        let title = "Group of Independent Eminent Experts on the Implementation of the \
                     Durban Declaration and Programme of Action";
        let text = format!(
            "United Nations A/RES/79/161\nGeneral Assembly\n\n79/161. Racism\n\n\
             The General Assembly,\n\nRecalling its resolution 70/262,\n\n\
             1. Decides to act;\n\nIV\n\n{title}\n\n2. Decides to act again.\n"
        );
        let (res, _) = crate::read::text::read(&text, &Default::default()).expect("reads");
        let Some(Block::Heading(h)) = res.body.get(1) else {
            panic!("{:?}", res.body);
        };
        assert_eq!(h.num.as_deref(), Some("IV"));
        assert_eq!(Inline::plain_text(&h.text), title);
        assert_eq!(res.body.len(), 3, "{:?}", res.body);
    }

    /// The body's blocks as (a heading?, its text).
    fn body_kinds(res: &crate::ir::Resolution) -> Vec<(bool, String)> {
        res.body
            .iter()
            .map(|b| match b {
                Block::Heading(h) => (true, Inline::plain_text(&h.text)),
                Block::Paragraph(p) => (false, Inline::plain_text(&p.content)),
                other => (false, format!("{other:?}")),
            })
            .collect()
    }

    #[test]
    fn a_label_on_its_line_takes_its_title_over_two_lines() {
        // pdftotext of 78/252 and 78/128: "Section 10" or "Rule 63" alone,
        // then a title wrapped over two lines (103 characters with its
        // label), then a numbered paragraph or unnumbered text.
        let body = "Decides that the resources approved for the biennium shall be used in full for all the\n\
                    purposes set out in the report of the Secretary-General on the matter then before it;";
        let text = format!(
            "United Nations A/RES/78/252\nGeneral Assembly\n\n78/252. Budget\n\n\
             The General Assembly,\n\nRecalling its resolution 77/262,\n\n\
             1. {body}\n\
             Section 10\n\
             Least developed countries, landlocked developing countries and small island\n\
             developing States\n\
             2. {body}\n\
             Rule 63\n\
             Representatives of other intergovernmental organizations and other\n\
             international bodies\n\
             Save where otherwise specifically provided with respect to the European Union\n\
             in these rules of procedure, representatives may participate as observers.\n"
        );
        let (res, _) = crate::read::text::read(&text, &Default::default()).expect("reads");
        let texts = body_kinds(&res);
        let heading = |t: &str| (true, t.to_string());
        assert_eq!(texts.len(), 5, "{texts:?}");
        assert_eq!(
            texts[1],
            heading(
                "Section 10 Least developed countries, landlocked developing countries \
                 and small island developing States"
            )
        );
        assert_eq!(
            texts[3],
            heading(
                "Rule 63 Representatives of other intergovernmental organizations and \
                 other international bodies"
            )
        );
        assert!(
            !texts[4].0 && texts[4].1.starts_with("Save where"),
            "{texts:?}"
        );
    }

    #[test]
    fn a_figure_alone_is_no_heading() {
        // pdftotext of 79/255: a budget table's cells, one to a line.
        let text = "United Nations A/RES/79/255\nGeneral Assembly\n\n79/255. Budget\n\n\
                    The General Assembly,\n\nRecalling its resolution 78/249,\n\n\
                    1. Approves the budget estimates for the year set out in the report of the\n\
                    Secretary-General and the recommendations of the Advisory Committee as follows:\n\n\
                    62 287 400\n\n57 451 300\n\n2. Decides to act.\n";
        let (res, _) = crate::read::text::read(text, &Default::default()).expect("reads");
        let kinds = body_kinds(&res);
        for figure in ["62 287 400", "57 451 300"] {
            assert!(kinds.contains(&(false, figure.into())), "{kinds:?}");
        }
    }

    #[test]
    fn a_heading_above_the_first_operative_paragraph_opens_the_body() {
        // 80/11 prints "Peacebuilding Commission" in bold above "1.".
        let text = "United Nations A/RES/80/11\nGeneral Assembly\n\n80/11. Review\n\n\
                    The General Assembly,\n\nRecalling its resolution 70/262,\n\n\
                    Affirming that the review is aimed at results,\n\n\
                    Peacebuilding Commission\n\n1. Reaffirms all relevant resolutions;\n\n\
                    2. Decides to act.\n";
        let (res, _) = crate::read::text::read(text, &Default::default()).expect("reads");
        assert_eq!(res.preamble.len(), 2, "{:?}", res.preamble);
        let Some(Block::Heading(h)) = res.body.first() else {
            panic!("{:?}", res.body);
        };
        assert_eq!(Inline::plain_text(&h.text), "Peacebuilding Commission");
        assert_eq!(res.body.len(), 3);
        // A preambular paragraph an extractor cut short (no comma) keeps
        // its place: it opens with a preambular lead.
        let cut = text.replace(
            "Peacebuilding Commission",
            "Determined to work towards the realization of",
        );
        let (res, _) = crate::read::text::read(&cut, &Default::default()).expect("reads");
        assert_eq!((res.preamble.len(), res.body.len()), (3, 2));
    }

    #[test]
    fn no_heading_between_two_items_of_one_list() {
        // pdftotext of 79/255: the first line of item (a) after its last.
        let text = "United Nations A/RES/79/255\nGeneral Assembly\n\n79/255. Financing\n\n\
                    The General Assembly,\n\nRecalling its resolution 70/1,\n\n\
                    21. Also decides that the total assessment shall consist of:\n(a)\nperiod;\n\n\
                    60,963,800 dollars, being the estimated appropriation approved for the\n\n\
                    (b) Less 8,898,000 dollars, being the credit;\n\n\
                    Budget estimates for the period from 1 July 2024 to 30 June 2025\n\n\
                    22. Decides to act.\n";
        let (res, _) = crate::read::text::read(text, &Default::default()).expect("reads");
        let Block::Paragraph(p21) = &res.body[0] else {
            panic!("{:?}", res.body[0]);
        };
        assert_eq!(p21.items.len(), 2, "{p21:?}");
        let a = Inline::plain_text(&p21.items[0].content);
        assert!(
            a.starts_with("period;") && a.ends_with("approved for the"),
            "{a}"
        );
        // A subheading between operative paragraphs stays one.
        assert!(
            matches!(&res.body[1], Block::Heading(_)),
            "{:?}",
            res.body[1]
        );
    }

    #[test]
    fn a_number_is_cut_from_an_italic_lead_and_never_past_a_citation() {
        let em = |t: &str| Inline::Emphasis(vec![Inline::Text(t.into())]);
        let t = |s: &str| Inline::Text(s.into());
        // "16" roman, ". Decides" italic (the full stop set in italics).
        let parts = vec![t("16"), em(". Decides"), t(" that")];
        assert_eq!(
            strip_prefix_bytes(parts, 4),
            vec![em("Decides"), t(" that")]
        );
        let parts = vec![t("1."), Inline::NoteRef("2".into()), t("that")];
        assert_eq!(
            strip_prefix_bytes(parts, 5),
            vec![Inline::NoteRef("2".into()), t("that")]
        );
    }

    fn item(label: &str) -> Paragraph {
        Paragraph {
            num: Some(label.into()),
            ..Paragraph::default()
        }
    }

    fn labels(p: &Paragraph) -> String {
        p.items
            .iter()
            .map(|i| {
                let inner = labels(i);
                let n = i.num.clone().unwrap_or_default();
                if inner.is_empty() {
                    n
                } else {
                    format!("{n}[{inner}]")
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn sub_paragraphs_nest() {
        let mut p = Paragraph::default();
        for l in [
            "(a)", "(i)", "(ii)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)", "(h)", "(i)", "(j)",
        ] {
            nest_item(&mut p, item(l), 0);
        }
        assert_eq!(
            labels(&p),
            "(a)[(i) (ii)] (b) (c) (d) (e) (f) (g) (h) (i) (j)"
        );
        let mut p = Paragraph::default();
        for l in ["(a)", "(b)", "(i)", "(ii)", "(iii)", "(iv)", "(v)", "(c)"] {
            nest_item(&mut p, item(l), 0);
        }
        assert_eq!(labels(&p), "(a) (b)[(i) (ii) (iii) (iv) (v)] (c)");
    }

    #[test]
    fn prefix_strip_keeps_citations() {
        let parts = vec![
            Inline::Text("1. Takes note".into()),
            Inline::NoteRef("3".into()),
            Inline::Text(" of it".into()),
        ];
        assert_eq!(
            strip_prefix_bytes(parts, 3),
            vec![
                Inline::Text("Takes note".into()),
                Inline::NoteRef("3".into()),
                Inline::Text(" of it".into())
            ]
        );
    }
}
