//! Spanish: "La Asamblea General,", "[sobre la base del informe de la
//! Tercera Comisión (A/59/494)]", "20 de diciembre de 2004",
//! "74ª sesión plenaria".

use std::sync::LazyLock;

use regex::Regex;

use super::{
    adopted_by, committee_by, date_from_parts, normalise, Adopted, CommitteeLine, Profile,
};
use crate::ir::{Body, Lang};

/// The Spanish profile.
pub struct Spanish;

/// Month names, January first.
const MONTHS: [&[&str]; 12] = [
    &["enero"],
    &["febrero"],
    &["marzo"],
    &["abril"],
    &["mayo"],
    &["junio"],
    &["julio"],
    &["agosto"],
    &["septiembre", "setiembre"],
    &["octubre"],
    &["noviembre"],
    &["diciembre"],
];

/// A date inside a longer pattern: "20 de diciembre de 2004", "1º de enero".
const DATE: &str = r"(\d{1,2})\s*[ºo°]?\s+de\s+(\p{L}+)\s+de\s+(\d{4})";
/// An ordinal suffix: "74ª", "74a", "7366ª", "51º".
const ORD: &str = r"\s*[ªºao°.]?";

static DATE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^{DATE}$")).expect("valid"));
static COMMITTEE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\[\s*sobre\s+la\s+base\s+(?:del\s+informe|de\s+los\s+informes)\s+(?:de\s+la\s+|del\s+)(.+?)\s*\(([^()]+)\)\s*\]$",
    )
    .expect("valid")
});
static NO_COMMITTEE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\[\s*sin\s+remisión\s+previa\s+a\s+una\s+comisión\s+principal\s*\(([^()]+)\)\s*\]$",
    )
    .expect("valid")
});
static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(\d+){ORD}\s+sesión(?:\s+plenaria)?\s*[.,]?$"
    ))
    .expect("valid")
});
static ADOPTED_GA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^resolución\s+aprobada\s+por\s+la\s+asamblea\s+general(?:\s+el\s+{DATE})?$"
    ))
    .expect("valid")
});
static ADOPTED_SC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^aprobada\s+por\s+el\s+consejo\s+de\s+seguridad\s+en\s+su\s+(\d+){ORD}\s+sesión\s*,?(?:\s+celebrada\s+el\s+{DATE})?\s*\.?$"
    ))
    .expect("valid")
});

impl Profile for Spanish {
    fn lang(&self) -> Lang {
        Lang::Es
    }

    fn formula(&self, para: &str) -> Option<Body> {
        let n = normalise(para);
        match n.trim_end_matches([',', ' ']).to_lowercase().as_str() {
            "la asamblea general" => Some(Body::GeneralAssembly),
            "el consejo de seguridad" => Some(Body::SecurityCouncil),
            "el consejo económico y social" => Some(Body::EconomicAndSocialCouncil),
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
        &[("\u{201c}", "\u{201d}"), ("«", "»")]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas() {
        assert_eq!(
            Spanish.formula("La Asamblea General,"),
            Some(Body::GeneralAssembly)
        );
        assert_eq!(
            Spanish.formula("El Consejo de Seguridad,"),
            Some(Body::SecurityCouncil)
        );
        assert_eq!(
            Spanish.formula("El Consejo Económico y Social,"),
            Some(Body::EconomicAndSocialCouncil)
        );
        assert_eq!(Spanish.formula("La Asamblea General decide"), None);
    }

    #[test]
    fn committee_lines() {
        let c = Spanish
            .committee_line("[sobre la base del informe de la Tercera Comisión (A/59/494)]")
            .unwrap();
        assert_eq!(c.committee.as_deref(), Some("Tercera Comisión"));
        assert_eq!(c.reports, vec!["A/59/494"]);
        let c = Spanish
            .committee_line(
                "[sobre la base del informe de la Quinta Comisión (A/78/650, párr. 12)]",
            )
            .unwrap();
        assert_eq!(c.report_paragraph.as_deref(), Some("párr. 12"));
        let c = Spanish
            .committee_line("[sin remisión previa a una Comisión Principal (A/59/L.50)]")
            .unwrap();
        assert_eq!((c.committee, c.draft.as_deref()), (None, Some("A/59/L.50")));
    }

    #[test]
    fn dates_meetings_adoption() {
        assert_eq!(
            Spanish.date("20 de diciembre de 2004").as_deref(),
            Some("2004-12-20")
        );
        assert_eq!(
            Spanish.date("1 de febrero de 2015").as_deref(),
            Some("2015-02-01")
        );
        assert_eq!(Spanish.date("31 de junio de 2015"), None);
        assert_eq!(Spanish.date("el 20 de diciembre de 2004"), None);
        assert_eq!(Spanish.meeting("74ª sesión plenaria"), Some(74));
        assert_eq!(Spanish.meeting("51a sesión plenaria"), Some(51));
        assert_eq!(Spanish.meeting("sesión plenaria"), None);
        assert_eq!(
            Spanish
                .adopted("Resolución aprobada por la Asamblea General el 19 de diciembre de 2023")
                .and_then(|a| a.date)
                .as_deref(),
            Some("2023-12-19")
        );
        let a = Spanish
            .adopted("Aprobada por el Consejo de Seguridad en su 7366a sesión, celebrada el 22 de enero de 2015")
            .unwrap();
        assert_eq!(
            (a.body, a.meeting, a.date.as_deref()),
            (Body::SecurityCouncil, Some(7366), Some("2015-01-22"))
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(
            Spanish.operative_num("12. Toma nota"),
            Some(("12.".into(), 4))
        );
    }
}
