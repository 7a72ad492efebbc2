//! Russian: "Генеральная Ассамблея,", "[по докладу Третьего комитета
//! (A/59/494)]", "20 декабря 2004 года", "74-е пленарное заседание";
//! operative verbs in lower case ("1. принимает к сведению …").

use std::sync::LazyLock;

use regex::Regex;

use super::{
    adopted_by, committee_by, date_from_parts, normalise, Adopted, CommitteeLine, Profile,
};
use crate::ir::{Body, Lang};

/// The Russian profile.
pub struct Russian;

/// Month names in the genitive (as dates print them), January first; the
/// nominative is accepted too.
const MONTHS: [&[&str]; 12] = [
    &["января", "январь"],
    &["февраля", "февраль"],
    &["марта", "март"],
    &["апреля", "апрель"],
    &["мая", "май"],
    &["июня", "июнь"],
    &["июля", "июль"],
    &["августа", "август"],
    &["сентября", "сентябрь"],
    &["октября", "октябрь"],
    &["ноября", "ноябрь"],
    &["декабря", "декабрь"],
];

/// A date inside a longer pattern: "20 декабря 2004 года", "… 2004 г.".
const DATE: &str = r"(\d{1,2})\s+(\p{L}+)\s+(\d{4})(?:\s+года|\s+г\.)?";
/// An ordinal suffix: "74-е", "7366-м", "7366м" (Cyrillic or Latin letters,
/// as extractors give them).
const ORD: &str = r"\s*-?\s*(?:[еeмmго]|ое|ом|го)";

static DATE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^{DATE}$")).expect("valid"));
static COMMITTEE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\[\s*по\s+доклад(?:у|ам)\s+(.+?)\s*\(([^()]+)\)\s*\]$").expect("valid")
});
static NO_COMMITTEE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\[\s*без\s+передачи\s+в\s+главн\p{L}*\s+комитет\p{L}*\s*\(([^()]+)\)\s*\]$")
        .expect("valid")
});
static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(\d+){ORD}\s+(?:пленарное\s+)?заседание\s*[.,]?$"
    ))
    .expect("valid")
});
static ADOPTED_GA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^резолюция\s*,\s*принятая\s+генеральной\s+ассамблеей(?:\s+{DATE})?$"
    ))
    .expect("valid")
});
static ADOPTED_SC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:резолюция\s*\d*\s*(?:\(\d{{4}}\))?\s*,\s*)?принята?я?\s+советом\s+безопасности\s+на\s+его\s+(\d+){ORD}\s+заседании\s*,?(?:\s+{DATE})?\s*\.?$"
    ))
    .expect("valid")
});

impl Profile for Russian {
    fn lang(&self) -> Lang {
        Lang::Ru
    }

    fn formula(&self, para: &str) -> Option<Body> {
        let n = normalise(para);
        match n.trim_end_matches([',', ' ']).to_lowercase().as_str() {
            "генеральная ассамблея" => Some(Body::GeneralAssembly),
            "совет безопасности" => Some(Body::SecurityCouncil),
            "экономический и социальный совет" => {
                Some(Body::EconomicAndSocialCouncil)
            }
            _ => None,
        }
    }

    fn committee_line(&self, line: &str) -> Option<CommitteeLine> {
        committee_by(&COMMITTEE, &NO_COMMITTEE, line)
    }

    fn date(&self, text: &str) -> Option<String> {
        let c = DATE_LINE.captures(text.trim())?;
        date_from_parts(&c[1], &c[2], &c[3], &MONTHS)
    }

    fn meeting(&self, text: &str) -> Option<u32> {
        MEETING.captures(&normalise(text))?[1].parse().ok()
    }

    fn adopted(&self, line: &str) -> Option<Adopted> {
        adopted_by(&ADOPTED_GA, &ADOPTED_SC, &MONTHS, line)
    }

    fn quotation_marks(&self) -> &'static [(&'static str, &'static str)] {
        &[("«", "»"), ("\u{201e}", "\u{201c}")]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas() {
        assert_eq!(
            Russian.formula("Генеральная Ассамблея,"),
            Some(Body::GeneralAssembly)
        );
        assert_eq!(
            Russian.formula("Совет Безопасности,"),
            Some(Body::SecurityCouncil)
        );
        assert_eq!(
            Russian.formula("Экономический и Социальный Совет,"),
            Some(Body::EconomicAndSocialCouncil)
        );
        assert_eq!(Russian.formula("Генеральная Ассамблея постановляет"), None);
    }

    #[test]
    fn committee_lines() {
        let c = Russian
            .committee_line("[по докладу Третьего комитета (A/59/494)]")
            .unwrap();
        assert_eq!(c.committee.as_deref(), Some("Третьего комитета"));
        assert_eq!(c.reports, vec!["A/59/494"]);
        let c = Russian
            .committee_line("[без передачи в главный комитет (A/59/L.50)]")
            .unwrap();
        assert_eq!((c.committee, c.draft.as_deref()), (None, Some("A/59/L.50")));
    }

    #[test]
    fn dates_meetings_adoption() {
        assert_eq!(
            Russian.date("20 декабря 2004 года").as_deref(),
            Some("2004-12-20")
        );
        assert_eq!(
            Russian.date("3 августа 2015 г.").as_deref(),
            Some("2015-08-03")
        );
        assert_eq!(Russian.date("32 декабря 2004 года"), None);
        assert_eq!(Russian.date("в декабре 2004 года"), None);
        assert_eq!(Russian.meeting("74-е пленарное заседание"), Some(74));
        // Latin "e" and a trailing comma, as in the aligned corpus.
        assert_eq!(Russian.meeting("51-e пленарное заседание,"), Some(51));
        assert_eq!(Russian.meeting("пленарное заседание"), None);
        assert_eq!(
            Russian
                .adopted("Резолюция, принятая Генеральной Ассамблеей 19 декабря 2023 года")
                .and_then(|a| a.date)
                .as_deref(),
            Some("2023-12-19")
        );
        let a = Russian
            .adopted("принятая Советом Безопасности на его 7366м заседании 22 января 2015 года")
            .unwrap();
        assert_eq!(
            (a.body, a.meeting, a.date.as_deref()),
            (Body::SecurityCouncil, Some(7366), Some("2015-01-22"))
        );
    }

    #[test]
    fn lower_case_operative_verbs_are_numbered_as_elsewhere() {
        assert_eq!(
            Russian.operative_num("1. принимает к сведению доклады"),
            Some(("1.".into(), 3))
        );
    }
}
