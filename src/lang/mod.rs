//! Language profiles: everything a reader must know about how one UN language
//! prints a resolution (formula, committee line, dates, meetings, paragraph
//! numbers). The reader's core asks the profile and never names a language.

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
}

/// The profile for a language.
pub fn profile(lang: Lang) -> &'static dyn Profile {
    match lang {
        Lang::Zh => &zh::Chinese,
        // Other languages get their own profile in their own module; until
        // then the Chinese one is the only one and is never chosen for them
        // by detection.
        _ => &zh::Chinese,
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
