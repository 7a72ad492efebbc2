//! Language profiles: everything a reader must know about how one UN language
//! prints a resolution (formula, committee line, dates, meetings, paragraph
//! numbers). The reader's core asks the profile and never names a language.

mod en;
mod zh;

use crate::ir::{Body, Lang};

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

    /// If `text` is the line "Resolution adopted by the General Assembly on
    /// …", the adoption date it gives (if it gives one).
    fn adopted_line(&self, _text: &str) -> Option<Option<String>> {
        None
    }

    /// If `text` is a Security Council adoption line ("Adopted by the
    /// Security Council at its 4683rd meeting, on 30 December 2002"), the
    /// meeting number and date it gives.
    fn sc_adoption(&self, _text: &str) -> Option<(Option<u32>, Option<String>)> {
        None
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

    /// Whether `text` is an annex heading ("Annex", "Annex II", "附件").
    fn annex_label(&self, _text: &str) -> bool {
        false
    }

    /// Whether the script has letter case, so that a line starting in
    /// lower case continues the sentence before it.
    fn lowercase_continues(&self) -> bool {
        false
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
        // French, Spanish, Russian and Arabic get their own profiles in
        // their own modules; until then the English one reads their
        // structure (numbers, footnotes, pages) without their words.
        _ => &en::English,
    }
}

/// Guesses the language of a text from its script, then its formula.
pub fn detect(text: &str) -> Lang {
    let (mut han, mut arabic, mut cyrillic, mut latin) = (0usize, 0usize, 0usize, 0usize);
    for c in text.chars().take(20_000) {
        match c {
            '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' => han += 1,
            '\u{0600}'..='\u{06ff}' | '\u{0750}'..='\u{077f}' => arabic += 1,
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
    } else if text.contains("Asamblea General") || text.contains("Consejo de Seguridad") {
        Lang::Es
    } else if text.contains("Assemblée générale") || text.contains("Conseil de sécurité") {
        Lang::Fr
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
    fn width_folding() {
        assert_eq!(fold_width("１３７３（２００１）"), "1373(2001)");
        assert!(is_wide('，') && is_wide('大') && !is_wide('a') && !is_wide('1'));
    }
}
