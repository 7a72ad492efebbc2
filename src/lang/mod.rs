//! Language profiles: everything a reader must know about how one UN language
//! prints a resolution (formula, committee line, dates, meetings, paragraph
//! numbers). The reader's core asks the profile and never names a language.

mod ar;
mod en;
mod es;
mod fr;
mod outline;
mod ru;
mod zh;

use std::sync::LazyLock;

use regex::Regex;

use crate::ir::{Body, Lang};

pub use outline::{outline_labels, OutlineLabels};

/// What a committee or adoption line of the preface says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CommitteeLine {
    /// The committee as printed ("第三委员会"); `None` when adopted without
    /// reference to a Main Committee.
    pub committee: Option<String>,
    /// Report symbols cited.
    pub reports: Vec<String>,
    /// Report paragraph, when printed.
    pub report_paragraph: Option<String>,
    /// Draft resolution symbol, when printed instead of a report.
    pub draft: Option<String>,
}

/// What an "adopted" line says: the masthead's "Résolution adoptée par
/// l'Assemblée générale le 19 décembre 2023", or the Security Council's
/// "Adoptée par le Conseil de sécurité à sa 7366e séance, le 22 janvier 2015".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adopted {
    /// The organ named.
    pub body: Body,
    /// Date of adoption, ISO 8601, when printed on the line.
    pub date: Option<String>,
    /// Meeting number, when printed on the line.
    pub meeting: Option<u32>,
}

/// The resolution number printed before the title ("59/159.").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TitleNum {
    /// Session (GA) or year (ECOSOC): the part before the slash.
    pub session: u32,
    /// The part after the slash.
    pub number: u32,
    /// Byte offset in the text where the title itself starts.
    pub title_at: usize,
}

/// One language's knowledge. Implementations are stateless and shared.
pub trait Profile: Sync + Send {
    /// The language described.
    fn lang(&self) -> Lang;

    /// If `para` is an enacting formula ("大会，"), the organ it names.
    fn formula(&self, para: &str) -> Option<Body>;

    /// If `line` is a committee / adoption-basis line of the preface, its parts.
    fn committee_line(&self, line: &str) -> Option<CommitteeLine>;

    /// If `text` is exactly a date as printed, its ISO form ("2004-12-20").
    fn date(&self, text: &str) -> Option<String>;

    /// If `text` is exactly a meeting line as printed, the meeting number.
    fn meeting(&self, text: &str) -> Option<u32>;

    /// If `text` starts with an operative paragraph number, the number as
    /// printed ("1.") and the byte offset where the paragraph text starts.
    fn operative_num(&self, text: &str) -> Option<(String, usize)> {
        western_operative_num(text)
    }

    /// If `text` starts with a Security Council resolution number
    /// ("Resolution 1454 (2002)"), the number, the year and where the rest
    /// of the line starts.
    fn sc_title(&self, _text: &str) -> Option<(u32, u32, usize)> {
        None
    }

    /// The first date written anywhere in `text`, as ISO.
    fn date_in(&self, text: &str) -> Option<String> {
        self.date(text)
    }

    /// Whether `text` opens a preambular paragraph ("Recalling …",
    /// "Deeply concerned …"): used to split paragraphs an extractor ran
    /// together.
    fn preamble_opener(&self, _text: &str) -> bool {
        false
    }

    /// Whether a number after `word` is part of the text ("paragraph 2"),
    /// so never a footnote citation.
    fn number_word(&self, _word: &str) -> bool {
        false
    }

    /// Whether a number before `word` is a quantity or date ("3 years",
    /// "2 December"), so never a footnote citation.
    fn unit_word(&self, _word: &str) -> bool {
        false
    }

    /// Whether `text` opens an operative paragraph ("Adopts …",
    /// "Decides …"): ends the preamble where paragraphs are unnumbered.
    fn operative_opener(&self, _text: &str) -> bool {
        false
    }

    /// Whether `text` is a heading label standing alone ("Section 21",
    /// "Part V", "Article 3"), whose title follows on the next line.
    fn heading_label(&self, _text: &str) -> bool {
        false
    }

    /// Whether `text` is an annex heading ("Annex", "Annex II", "附件").
    fn annex_label(&self, _text: &str) -> bool {
        false
    }

    /// Whether the script has letter case, so that a line starting in
    /// lower case continues the sentence before it.
    fn lowercase_continues(&self) -> bool {
        false
    }

    /// If `text` opens with the resolution's number ("59/159. Title"), the
    /// number and where the title starts.
    fn title_num(&self, text: &str) -> Option<TitleNum> {
        dotted_title_num(text)
    }

    /// If `line` is an "adopted" line (masthead or Security Council), what
    /// it says.
    fn adopted(&self, _line: &str) -> Option<Adopted> {
        None
    }

    /// Quotation marks as (opening, closing), outer level first; French
    /// guillemets come with the no-break spaces printed inside them.
    fn quotation_marks(&self) -> &'static [(&'static str, &'static str)] {
        &[("\u{201c}", "\u{201d}"), ("\u{2018}", "\u{2019}")]
    }
}

/// "(a)" / "(iv)" / "(a) text" → the label and where the text starts.
pub fn sub_label(text: &str) -> Option<(String, usize)> {
    let rest = text.strip_prefix(['(', '（'])?;
    let close = rest.find([')', '）'])?;
    let inner = &rest[..close];
    let ok = !inner.is_empty()
        && inner.len() <= 6
        && (inner.chars().all(|c| c.is_ascii_lowercase())
            && (inner.len() == 1 || inner.chars().all(|c| "ivxlc".contains(c)))
            || inner.chars().all(|c| c.is_ascii_digit()) && inner.len() <= 2);
    if !ok {
        return None;
    }
    let label_end = text.len() - rest.len() + close + rest[close..].chars().next()?.len_utf8();
    let after = &text[label_end..];
    let gap = after.len() - after.trim_start().len();
    if gap == 0 && !after.is_empty() {
        return None;
    }
    Some((text[..label_end].to_string(), label_end + gap))
}

/// Whether a label like "(i)" reads as a roman numeral.
pub fn is_roman_label(label: &str) -> bool {
    let inner = label.trim_matches(|c| matches!(c, '(' | ')' | '（' | '）'));
    match inner.len() {
        0 => false,
        1 => matches!(inner, "i" | "v" | "x"),
        _ => inner.chars().all(|c| "ivxl".contains(c)),
    }
}

/// The profile for a language.
pub fn profile(lang: Lang) -> &'static dyn Profile {
    match lang {
        Lang::Zh => &zh::Chinese,
        Lang::En => &en::English,
        Lang::Fr => &fr::French,
        Lang::Es => &es::Spanish,
        Lang::Ru => &ru::Russian,
        Lang::Ar => &ar::Arabic,
    }
}

/// Guesses the language of a text from its script; among Latin-script
/// languages, from the enacting formula, then from frequent short words.
pub fn detect(text: &str) -> Lang {
    let (mut han, mut arabic, mut cyrillic, mut latin) = (0usize, 0usize, 0usize, 0usize);
    for c in text.chars().take(20_000) {
        match c {
            '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' => han += 1,
            '\u{0600}'..='\u{06ff}'
            | '\u{0750}'..='\u{077f}'
            | '\u{fb50}'..='\u{fdff}'
            | '\u{fe70}'..='\u{feff}' => arabic += 1,
            '\u{0400}'..='\u{04ff}' => cyrillic += 1,
            'a'..='z' | 'A'..='Z' | '\u{c0}'..='\u{24f}' => latin += 1,
            _ => {}
        }
    }
    let most = han.max(arabic).max(cyrillic).max(latin);
    if most == 0 || most == han {
        Lang::Zh
    } else if most == arabic {
        Lang::Ar
    } else if most == cyrillic {
        Lang::Ru
    } else {
        detect_latin(text)
    }
}

/// French, Spanish or English: a line that is a French or Spanish enacting
/// formula decides; otherwise the commoner short words of each language.
fn detect_latin(text: &str) -> Lang {
    for line in text.lines().take(400) {
        if fr::French.formula(line).is_some() {
            return Lang::Fr;
        }
        if es::Spanish.formula(line).is_some() {
            return Lang::Es;
        }
    }
    let head: String = text.chars().take(20_000).collect::<String>().to_lowercase();
    let count = |words: &[&str]| -> usize {
        head.split(|c: char| !c.is_alphabetic() && c != '\'')
            .filter(|w| words.contains(w))
            .count()
    };
    let fr = count(&["les", "des", "du", "et", "aux", "une", "sur", "est"]);
    let es = count(&["los", "las", "del", "y", "el", "una", "sobre", "es"]);
    let en = count(&["the", "of", "and", "to", "its", "on", "with", "is"]);
    if fr > es && fr > en {
        Lang::Fr
    } else if es > fr && es > en {
        Lang::Es
    } else {
        Lang::En
    }
}

/// "12. text" → ("12.", offset of "text"): the numbering of operative
/// paragraphs shared by most UN languages.
pub fn western_operative_num(text: &str) -> Option<(String, usize)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 || text.as_bytes().get(digits) != Some(&b'.') {
        return None;
    }
    let rest = &text[digits + 1..];
    let gap = rest.len() - rest.trim_start().len();
    // "1.5 million" or "59/159." are not paragraph numbers: a space must follow.
    if gap == 0 || rest.trim_start().is_empty() {
        return None;
    }
    Some((text[..=digits].to_string(), digits + 1 + gap))
}

static DOTTED_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,4})\s*/\s*(\d{1,4})\s*\.\s*").expect("title number"));

/// "59/159. Title" (half- or full-width): the numbering of titles shared by
/// most UN languages.
pub fn dotted_title_num(text: &str) -> Option<TitleNum> {
    title_num_by(&DOTTED_TITLE, text)
}

/// Matches `re` (with groups session and number) against the folded text
/// and maps the match end back to `text`.
pub(crate) fn title_num_by(re: &Regex, text: &str) -> Option<TitleNum> {
    let folded = fold(text);
    let c = re.captures(&folded)?;
    Some(TitleNum {
        session: c[1].parse().ok()?,
        number: c[2].parse().ok()?,
        title_at: offset_in_original(text, &folded, c[0].len()),
    })
}

/// Maps a byte offset in the folded text back to the original: folding maps
/// each character to one character, so count characters.
pub fn offset_in_original(original: &str, folded: &str, folded_at: usize) -> usize {
    let chars = folded[..folded_at].chars().count();
    original
        .char_indices()
        .nth(chars)
        .map_or(original.len(), |(i, _)| i)
}

/// Full-width forms and Arabic-Indic digits folded ([`fold_width`],
/// [`fold_digits`]), character for character: what patterns match against.
pub fn fold(text: &str) -> String {
    fold_digits(&fold_width(text))
}

/// Replaces Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits by
/// ASCII digits, one character for one. Used only to match.
pub fn fold_digits(text: &str) -> String {
    text.chars().map(ascii_digit_of).collect()
}

/// The ASCII digit a digit character stands for; other characters unchanged.
pub fn ascii_digit_of(c: char) -> char {
    match c {
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06f0}'..='\u{06f9}' => char::from(b'0' + (c as u32 - 0x06f0) as u8),
        '\u{ff10}'..='\u{ff19}' => char::from(b'0' + (c as u32 - 0xff10) as u8),
        _ => c,
    }
}

/// "A/59/494, para. 29" → (["A/59/494"], Some("para. 29")): pieces holding
/// a slash are document symbols, the rest the report paragraph.
pub(crate) fn split_report(s: &str) -> (Vec<String>, Option<String>) {
    let mut reports = Vec::new();
    let mut para = None;
    for part in s.split([',', '\u{ff0c}', ';', '\u{ff1b}', '\u{060c}', '\u{061b}']) {
        let p = part.trim_matches(|c: char| c.is_whitespace() || is_bidi_control(c));
        if p.is_empty() {
            continue;
        }
        if p.contains('/') {
            reports.push(p.to_string());
        } else {
            para = Some(p.to_string());
        }
    }
    (reports, para)
}

/// Invisible marks that set the direction of right-to-left text runs.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A checked ISO date.
pub(crate) fn iso_date(y: u32, m: u32, d: u32) -> Option<String> {
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days)
        .contains(&d)
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Day, month name and year, as captured by a date pattern, checked against
/// the language's month names (`months[0]` is January; each entry lists the
/// accepted spellings, compared case-insensitively).
pub(crate) fn date_from_parts(
    day: &str,
    month: &str,
    year: &str,
    months: &[&[&str]; 12],
) -> Option<String> {
    let month = month.to_lowercase();
    let m = months
        .iter()
        .position(|names| names.iter().any(|n| *n == month))?;
    iso_date(year.parse().ok()?, m as u32 + 1, day.parse().ok()?)
}

/// A committee line by the language's two patterns: "[on the report of
/// COMMITTEE (REPORTS)]" (groups: committee, report list) and "[without
/// reference to a Main Committee (DRAFT)]" (group: draft).
pub(crate) fn committee_by(
    committee: &Regex,
    no_committee: &Regex,
    line: &str,
) -> Option<CommitteeLine> {
    let n = normalise(line);
    if let Some(c) = committee.captures(&n) {
        let (reports, report_paragraph) = split_report(&c[2]);
        return Some(CommitteeLine {
            committee: Some(c[1].to_string()),
            reports,
            report_paragraph,
            draft: None,
        });
    }
    no_committee.captures(&n).map(|c| CommitteeLine {
        draft: Some(c[1].trim().to_string()),
        ..CommitteeLine::default()
    })
}

/// An adoption line by the language's two patterns: the General Assembly's
/// (optional groups day, month, year) and the Security Council's (meeting,
/// then optional day, month, year).
pub(crate) fn adopted_by(
    ga: &Regex,
    sc: &Regex,
    months: &[&[&str]; 12],
    line: &str,
) -> Option<Adopted> {
    let n = normalise(&fold(line));
    if let Some(c) = ga.captures(&n) {
        return Some(Adopted {
            body: Body::GeneralAssembly,
            date: c
                .get(1)
                .and_then(|_| date_from_parts(&c[1], &c[2], &c[3], months)),
            meeting: None,
        });
    }
    let c = sc.captures(&n)?;
    Some(Adopted {
        body: Body::SecurityCouncil,
        date: c
            .get(2)
            .and_then(|_| date_from_parts(&c[2], &c[3], &c[4], months)),
        meeting: c[1].parse().ok(),
    })
}

/// Text with runs of whitespace as one space, trimmed, typographic
/// apostrophes as ASCII: the form formulas are compared in.
pub(crate) fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for w in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out.replace(['\u{2019}', '\u{2bc}'], "'")
}

/// Replaces full-width digits and ASCII-range punctuation (０-９, （ ） …)
/// by their half-width forms, so patterns see one form. Used only to match,
/// never to change the text kept.
pub fn fold_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// Characters written without spaces between them (Han, kana, Hangul,
/// full-width forms, CJK punctuation): joining wrapped lines next to one
/// adds no space.
pub fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11ff}'
        | '\u{2e80}'..='\u{303f}'
        | '\u{3040}'..='\u{33ff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{a960}'..='\u{a97f}'
        | '\u{ac00}'..='\u{d7ff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{fe30}'..='\u{fe4f}'
        | '\u{ff00}'..='\u{ffef}'
        | '\u{20000}'..='\u{3ffff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operative_numbers() {
        assert_eq!(western_operative_num("1. 赞赏"), Some(("1.".into(), 3)));
        assert_eq!(
            western_operative_num("23.  Requests"),
            Some(("23.".into(), 5))
        );
        assert_eq!(western_operative_num("59/159. 加强"), None);
        assert_eq!(western_operative_num("1.5 million"), None);
        assert_eq!(western_operative_num("2004 年"), None);
    }

    #[test]
    fn sub_labels() {
        assert_eq!(sub_label("(a)  Scale up"), Some(("(a)".into(), 5)));
        assert_eq!(sub_label("(iv) text"), Some(("(iv)".into(), 5)));
        assert_eq!(sub_label("(b)"), Some(("(b)".into(), 3)));
        assert_eq!(sub_label("(Plurinational State of)"), None);
        assert_eq!(sub_label("(ab) x"), None);
        assert_eq!(sub_label("(a)b"), None);
        assert!(is_roman_label("(iv)") && !is_roman_label("(b)"));
    }

    #[test]
    fn detects_script() {
        assert_eq!(detect("大会，回顾"), Lang::Zh);
        assert_eq!(detect("The General Assembly,"), Lang::En);
        assert_eq!(detect("Генеральная Ассамблея,"), Lang::Ru);
        assert_eq!(detect("إن الجمعية العامة،"), Lang::Ar);
        assert_eq!(detect("La Asamblea General,"), Lang::Es);
        assert_eq!(detect("L'Assemblée générale,"), Lang::Fr);
    }

    #[test]
    fn detects_latin_languages_from_words_without_a_formula() {
        assert_eq!(
            detect("Prend note des rapports du Secrétaire général et les"),
            Lang::Fr
        );
        assert_eq!(
            detect("Toma nota de los informes del Secretario General y las"),
            Lang::Es
        );
        assert_eq!(
            detect("Takes note of the reports of the Secretary-General"),
            Lang::En
        );
        assert_eq!(detect("x\n  Le Conseil de sécurité, \n"), Lang::Fr);
    }

    #[test]
    fn digit_folding_keeps_one_character_for_one() {
        assert_eq!(fold("٥٩/١٥٩"), "59/159");
        assert_eq!(fold("۷۴"), "74");
        let t = dotted_title_num("５９/１５９．加强").unwrap();
        assert_eq!((t.session, t.number), (59, 159));
        assert_eq!(&"５９/１５９．加强"[t.title_at..], "加强");
        assert!(dotted_title_num("59/159 加强").is_none());
    }

    #[test]
    fn reports_and_paragraphs() {
        assert_eq!(
            split_report("A/78/650، الفقرة 12"),
            (vec!["A/78/650".to_string()], Some("الفقرة 12".to_string()))
        );
        assert_eq!(iso_date(2004, 2, 29).as_deref(), Some("2004-02-29"));
        assert_eq!(iso_date(1900, 2, 29), None);
    }

    #[test]
    fn width_folding() {
        assert_eq!(fold_width("１３７３（２００１）"), "1373(2001)");
        assert!(is_wide('，') && is_wide('大') && !is_wide('a') && !is_wide('1'));
    }
}
