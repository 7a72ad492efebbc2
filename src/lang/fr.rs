//! French: "L'Assemblée générale,", "[sur la base du rapport de la
//! Troisième Commission (A/59/494)]", "20 décembre 2004",
//! "74e séance plénière", « guillemets » with no-break spaces.

use std::sync::LazyLock;

use regex::Regex;

use super::{
    adopted_by, committee_by, date_from_parts, normalise, Adopted, CommitteeLine, Profile,
};
use crate::ir::{Body, Lang};

/// The French profile.
pub struct French;

/// Month names, January first; unaccented spellings are accepted too.
const MONTHS: [&[&str]; 12] = [
    &["janvier"],
    &["février", "fevrier"],
    &["mars"],
    &["avril"],
    &["mai"],
    &["juin"],
    &["juillet"],
    &["août", "aout"],
    &["septembre"],
    &["octobre"],
    &["novembre"],
    &["décembre", "decembre"],
];

/// A date inside a longer pattern: day ("1er", "20"), month, year.
const DATE: &str = r"(\d{1,2})\s*(?:er)?\s+(\p{L}+)\s+(\d{4})";

static DATE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^{DATE}$")).expect("valid"));
static COMMITTEE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\[\s*sur\s+la\s+base\s+(?:du\s+rapport|des\s+rapports)\s+(?:de\s+la\s+|du\s+|de\s+l'\s*)(.+?)\s*\(([^()]+)\)\s*\]$",
    )
    .expect("valid")
});
static NO_COMMITTEE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\[\s*sans\s+renvoi\s+(?:préalable\s+)?à\s+une\s+grande\s+commission\s*\(([^()]+)\)\s*\]$")
        .expect("valid")
});
/// "74e séance plénière", "1re séance plénière", "74ème séance plénière".
static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(\d+)\s*(?:e|è|ème|eme|re|er)\s+séance(?:\s+plénière)?\s*[.,]?$")
        .expect("valid")
});
static ADOPTED_GA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^résolution\s+adoptée\s+par\s+l'assemblée\s+générale(?:\s+le\s+{DATE})?$"
    ))
    .expect("valid")
});
static ADOPTED_SC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^adoptée\s+par\s+le\s+conseil\s+de\s+sécurité\s+à\s+sa\s+(\d+)\s*(?:e|è|ème|eme|re)\s+séance\s*,?(?:\s+le\s+{DATE})?\s*\.?$"
    ))
    .expect("valid")
});

impl Profile for French {
    fn lang(&self) -> Lang {
        Lang::Fr
    }

    fn formula(&self, para: &str) -> Option<Body> {
        let n = normalise(para);
        match n.trim_end_matches([',', ' ']).to_lowercase().as_str() {
            "l'assemblée générale" => Some(Body::GeneralAssembly),
            "le conseil de sécurité" => Some(Body::SecurityCouncil),
            "le conseil économique et social" => Some(Body::EconomicAndSocialCouncil),
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
        &[("«\u{a0}", "\u{a0}»"), ("\u{201c}", "\u{201d}")]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas() {
        assert_eq!(
            French.formula("L'Assemblée générale,"),
            Some(Body::GeneralAssembly)
        );
        assert_eq!(
            French.formula("L’Assemblée générale,"),
            Some(Body::GeneralAssembly)
        );
        assert_eq!(
            French.formula("Le Conseil de sécurité,"),
            Some(Body::SecurityCouncil)
        );
        assert_eq!(
            French.formula("Le Conseil économique et social,"),
            Some(Body::EconomicAndSocialCouncil)
        );
        assert_eq!(French.formula("L'Assemblée générale décide,"), None);
    }

    #[test]
    fn committee_lines() {
        let c = French
            .committee_line("[sur la base du rapport de la Troisième Commission (A/59/494)]")
            .unwrap();
        assert_eq!(c.committee.as_deref(), Some("Troisième Commission"));
        assert_eq!(c.reports, vec!["A/59/494"]);
        let c = French
            .committee_line(
                "[sur la base du rapport de la Commission des questions politiques spéciales et de la décolonisation (Quatrième Commission) (A/59/472, par. 12)]",
            )
            .unwrap();
        assert_eq!(
            c.committee.as_deref(),
            Some("Commission des questions politiques spéciales et de la décolonisation (Quatrième Commission)")
        );
        assert_eq!(c.reports, vec!["A/59/472"]);
        assert_eq!(c.report_paragraph.as_deref(), Some("par. 12"));
        let c = French
            .committee_line("[sans renvoi à une grande commission (A/59/L.50 et Add.1)]")
            .unwrap();
        assert_eq!(c.committee, None);
        assert_eq!(c.draft.as_deref(), Some("A/59/L.50 et Add.1"));
        assert!(French
            .committee_line("Rappelant sa résolution (A/59/494)")
            .is_none());
    }

    #[test]
    fn dates_meetings_adoption() {
        assert_eq!(
            French.date("20 décembre 2004").as_deref(),
            Some("2004-12-20")
        );
        assert_eq!(
            French.date("1er février 2015").as_deref(),
            Some("2015-02-01")
        );
        assert_eq!(French.date("3 août 2015").as_deref(), Some("2015-08-03"));
        assert_eq!(French.date("30 février 2015"), None);
        assert_eq!(French.date("le 20 décembre 2004"), None);
        assert_eq!(French.meeting("74e séance plénière"), Some(74));
        assert_eq!(French.meeting("1re séance plénière"), Some(1));
        assert_eq!(French.meeting("74e séance plénière de la Commission"), None);
        assert_eq!(
            French.adopted("Résolution adoptée par l'Assemblée générale le 19 décembre 2023"),
            Some(Adopted {
                body: Body::GeneralAssembly,
                date: Some("2023-12-19".into()),
                meeting: None
            })
        );
        assert_eq!(
            French.adopted(
                "Adoptée par le Conseil de sécurité à sa 7366e séance, le 22 janvier 2015"
            ),
            Some(Adopted {
                body: Body::SecurityCouncil,
                date: Some("2015-01-22".into()),
                meeting: Some(7366)
            })
        );
    }

    #[test]
    fn numbers_and_quotes() {
        assert_eq!(
            French.operative_num("1. Prend note ;"),
            Some(("1.".into(), 3))
        );
        assert_eq!(French.quotation_marks()[0].0, "«\u{a0}");
    }
}
