//! Spanish, as the aligned UN sentences (`../shared/corpus/es/fragments_UNv1.0-devset`,
//! `../shared/corpus/parallel`) and `samples/A_RES_69_196_es.txt` print it:
//! "La Asamblea General,", "[sobre la base del informe de la Tercera
//! Comisión (A/69/490)]", "18 de diciembre de 2014", "73ª sesión plenaria",
//! preambular gerunds in -ando / -iendo ("Reconociendo", "Recordando") and
//! operative verbs ("Decide", "Solicita", "Insta"). Not in the corpus, from
//! UN Spanish editorial practice: the masthead's "Tema 69 del programa",
//! "Anexo" / "Anexo II" (the corpus cites "anexo IV" in running text),
//! headings "Parte", "Sección", "Capítulo", "Artículo", and sub-paragraphs
//! "a)" and "i)" without the opening parenthesis beside "(a)".

use super::{
    Formulas, LeadPhrases, Leads, OutlineLabels, Pattern, Profile, Words, CLOSING_PARENTHESIS,
    PARENTHESES,
};
use crate::ir::{Body, Lang};

/// The Spanish profile.
pub static SPANISH: Profile = Profile {
    lang: Lang::Es,
    formulas: Formulas {
        general_assembly: &["La Asamblea General"],
        security_council: &["El Consejo de Seguridad"],
        economic_and_social_council: &["El Consejo Económico y Social"],
    },
    months: [
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
    ],
    months_capitalised: false,
    spaced_figures: false,
    suspending_words: &["y", "e", "o", "u"],
    // "20 de diciembre de 2004", "1º de enero de 2015".
    date: Pattern::new(r"(?i)(?P<d>\d{1,2})\s*[ºo°]?\s+de\s+(?P<m>\p{L}+)\s+de\s+(?P<y>\d{4})"),
    // "74ª", "74a", "7366ª", "51º".
    ordinal: r"\s*[ªºao°.]?",
    meeting: Pattern::new(r"(?i)^(?P<n>\d+){ORD}\s+sesión(?:\s+plenaria)?\s*[.,]?$"),
    committee: Pattern::new(
        r"(?i)^\[\s*sobre\s+la\s+base\s+(?:del\s+informe|de\s+los\s+informes)\s+(?:de\s+la\s+|del\s+)(?P<c>.+?)\s*\((?P<r>[^()]+)\)\s*\]$",
    ),
    no_committee: Pattern::new(
        r"(?i)^\[\s*sin\s+remisión\s+previa\s+a\s+una\s+comisión\s+principal\s*\((?P<r>[^()]+)\)\s*\]$",
    ),
    adopted: &[
        (
            Body::GeneralAssembly,
            Pattern::new(
                r"(?i)^resolución\s+aprobada\s+por\s+la\s+asamblea\s+general(?:\s+el\s+{DATE})?$",
            ),
        ),
        (
            Body::SecurityCouncil,
            Pattern::new(
                r"(?i)^aprobada\s+por\s+el\s+consejo\s+de\s+seguridad\s+en\s+su\s+(?P<n>\d+){ORD}\s+sesión\s*,?(?:\s+celebrada\s+el\s+{DATE})?\s*\.?$",
            ),
        ),
    ],
    agenda_item: Pattern::new(r"^Temas? (?P<items>.+?) del programa$"),
    and_words: &[" y ", " e "],
    distribution: "Distr.",
    distribution_date_langs: &[],
    operative_num: &[Pattern::new(r"^(?P<num>\d{1,3}\.)\s+\S")],
    title_num: Pattern::new(r"^(?P<s>\d{1,4})\s*/\s*(?P<n>\d{1,4})\s*\.\s*"),
    sc_title: Pattern::new(r"^Resolución\s+(?P<n>\d{1,4})\s*\((?P<y>\d{4})\)\.?(?:\s|$)"),
    annex_label: Pattern::new(r"^(?:Anexo|ANEXO|Apéndice|Adjunto)(?: [IVXLC0-9]{1,5})?$"),
    heading_label: Pattern::new(
        r"^(?:Parte|Sección|Capítulo|Artículo|Título|PARTE|SECCIÓN|CAPÍTULO) [0-9A-Z]{1,6}\.*$",
    ),
    // "I" / "II", "A" / "B" alone above a part's title, as in English
    // (UN practice; not in the corpus, whose fragments hold no headings).
    part_label: Pattern::new(r"^(?:[IVX]{1,5}|[A-D])$"),
    sub_styles: &[PARENTHESES, CLOSING_PARENTHESIS],
    preamble_leads: Leads {
        words: &[
            "consciente",
            "convencida",
            "profundamente",
            "gravemente",
            "seriamente",
            "preocupada",
            "alarmada",
            "decidida",
            "deseosa",
            "guiada",
            "alentada",
        ],
        endings: &["ando", "iendo"],
        not_endings: &[],
        exceptions: &["cuando"],
        skip: &[],
        min_chars: 5,
        capital: true,
    },
    operative_leads: Leads {
        words: &[
            "decide",
            "solicita",
            "pide",
            "invita",
            "insta",
            "expresa",
            "exhorta",
            "reafirma",
            "toma",
            "destaca",
            "alienta",
            "reconoce",
            "pone",
            "observa",
            "condena",
            "acoge",
            "subraya",
            "recomienda",
            "aprueba",
            "proclama",
            "exige",
        ],
        endings: &[],
        not_endings: &[],
        exceptions: &[],
        skip: &[],
        min_chars: 0,
        capital: true,
    },
    outline: OutlineLabels {
        preamble: "Preámbulo",
        operative: "Parte dispositiva",
    },
    detection_words: &["los", "las", "del", "y", "el", "una", "sobre", "es"],
    lowercase_continues: true,
    // Labels of total rows in tables ("Subtotal", "Total").
    total_words: &["subtotal", "total"],
    lead_phrases: LeadPhrases {
        preamble: PREAMBLE_PHRASES,
        operative: OPERATIVE_PHRASES,
        // Set in italics as in English (the UN's Spanish resolutions: «*Recordando*»).
        italic: true,
    },
    run_on_words: &["y", "e", "o", "u"],
    quotation_marks: &[("\u{201c}", "\u{201d}"), ("«", "»")],
    number_words: Words {
        whole: NUMBER_WORDS,
        prefixes: &[],
        suffixes: &[],
    },
    symbol_words: crate::lang::NO_WORDS,
    unit_words: Words {
        whole: UNIT_WORDS,
        prefixes: &[],
        suffixes: &[],
    },
    page_furniture: &[],
};

/// The lead phrases of preambular paragraphs, as the aligned UN sentences
/// (`../shared/corpus/parallel`, `../shared/corpus/es/fragments_UNv1.0-devset`)
/// and the samples open them: the Spanish of every sentence whose English
/// opens with one of English's phrases, and the other paragraph starts of
/// the fragments. Beside them, the same gerunds with "además" or
/// "también" and adjectives in the other gender ("Convencido" /
/// "Convencida"), as UN drafting writes them and the sources show for
/// others.
const PREAMBLE_PHRASES: &[&str] = &[
    "Acogiendo con beneplácito",
    "Acogiendo con beneplácito también",
    "Condenando",
    "Consciente",
    "Consciente también",
    "Convencida",
    "Convencido",
    "Deplorando",
    "Destacando",
    "Destacando también",
    "Encomiando",
    "Expresando grave alarma y preocupación",
    "Expresando preocupación",
    "Gravemente preocupada",
    "Gravemente preocupado",
    "Habiendo determinado",
    "Habiendo examinado",
    "Haciendo notar",
    "Haciendo referencia",
    "Haciendo referencia también",
    "Observando",
    "Observando además",
    "Observando con preocupación",
    "Observando también",
    "Poniendo de relieve",
    "Poniendo de relieve también",
    "Reafirmando",
    "Reafirmando además",
    "Reafirmando también",
    "Recalcando",
    "Recalcando con preocupación",
    "Reconociendo",
    "Reconociendo además",
    "Reconociendo también",
    "Recordando",
    "Recordando además",
    "Recordando también",
    "Reiterando",
    "Subrayando",
    "Subrayando además",
    "Subrayando también",
    "Teniendo presente",
    "Teniendo presente también",
    "Teniendo presentes",
    "Tomando nota",
    "Tomando nota además",
    "Tomando nota también",
];

/// The lead phrases of operative paragraphs, found as `PREAMBLE_PHRASES`
/// ("Solicita", "Solicita además", "Acoge con beneplácito", "Insta").
const OPERATIVE_PHRASES: &[&str] = &[
    "Acoge con beneplácito",
    "Acoge con beneplácito además",
    "Acoge con beneplácito también",
    "Alienta",
    "Alienta además",
    "Alienta también",
    "Aprueba",
    "Condena",
    "Condena en los términos más enérgicos",
    "Condena enérgicamente",
    "Decide",
    "Decide además",
    "Decide también",
    "Destaca",
    "Destaca además",
    "Destaca también",
    "Exhorta",
    "Exhorta además",
    "Exhorta también",
    "Expresa preocupación",
    "Expresa profunda preocupación",
    "Expresa su apoyo",
    "Expresa su profunda preocupación",
    "Expresa su satisfacción",
    "Hace suyas",
    "Hace suyo",
    "Insiste",
    "Insta",
    "Insta además",
    "Insta encarecidamente",
    "Insta también",
    "Invita",
    "Invita además",
    "Invita también",
    "Observa",
    "Observa además",
    "Observa con aprecio",
    "Observa también",
    "Pone de relieve",
    "Reafirma",
    "Reafirma además",
    "Reafirma también",
    "Recalca",
    "Reconoce",
    "Reconoce además",
    "Reconoce también",
    "Recuerda",
    "Recuerda además",
    "Recuerda también",
    "Solicita",
    "Solicita además",
    "Solicita también",
    "Toma nota",
    "Toma nota además",
    "Toma nota también",
];

/// Words after which a number is text, never a citation: "resolución
/// 58/217", "anexo IV", "párr. 12", "tema 69", "sesión" (seen in the
/// fragments: "su resolución", "anexo IV"), "núm.", "artículo",
/// "capítulo", "sección" (UN practice).
const NUMBER_WORDS: &[&str] = &[
    "párrafo",
    "párrafos",
    "párr",
    "apartado",
    "apartados",
    "resolución",
    "resoluciones",
    "decisión",
    "decisiones",
    "artículo",
    "artículos",
    "tema",
    "temas",
    "sección",
    "secciones",
    "capítulo",
    "capítulos",
    "cap",
    "anexo",
    "anexos",
    "vol",
    "volumen",
    "núm",
    "no",
    "sesión",
    "período",
    "objetivo",
    "meta",
    "parte",
    "página",
    "pág",
];

/// Words before which a number is a quantity or a date, never a citation
/// ("15 años", "3 días", "30 por ciento", "5 millones de dólares").
const UNIT_WORDS: &[&str] = &[
    "años", "año", "días", "día", "meses", "semanas", "horas", "millones", "millón", "dólares",
    "países", "personas", "miembros", "estados",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas() {
        assert_eq!(
            SPANISH.formula("La Asamblea General,"),
            Some(Body::GeneralAssembly)
        );
        assert_eq!(
            SPANISH.formula("El Consejo de Seguridad,"),
            Some(Body::SecurityCouncil)
        );
        assert_eq!(
            SPANISH.formula("El Consejo Económico y Social,"),
            Some(Body::EconomicAndSocialCouncil)
        );
        assert_eq!(SPANISH.formula("La Asamblea General decide"), None);
    }

    #[test]
    fn committee_lines() {
        let c = SPANISH
            .committee_line("[sobre la base del informe de la Tercera Comisión (A/59/494)]")
            .unwrap();
        assert_eq!(c.committee.as_deref(), Some("Tercera Comisión"));
        assert_eq!(c.reports, vec!["A/59/494"]);
        let c = SPANISH
            .committee_line(
                "[sobre la base del informe de la Quinta Comisión (A/78/650, párr. 12)]",
            )
            .unwrap();
        assert_eq!(c.report_paragraph.as_deref(), Some("párr. 12"));
        let c = SPANISH
            .committee_line("[sin remisión previa a una Comisión Principal (A/59/L.50)]")
            .unwrap();
        assert_eq!((c.committee, c.draft.as_deref()), (None, Some("A/59/L.50")));
    }

    #[test]
    fn dates_meetings_adoption() {
        assert_eq!(
            SPANISH
                .date("20 de diciembre de 2004")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2004-12-20")
        );
        assert_eq!(
            SPANISH
                .date("1 de febrero de 2015")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2015-02-01")
        );
        assert_eq!(SPANISH.date("31 de junio de 2015"), None);
        assert_eq!(SPANISH.date("el 20 de diciembre de 2004"), None);
        assert_eq!(SPANISH.meeting("74ª sesión plenaria"), Some(74));
        assert_eq!(SPANISH.meeting("51a sesión plenaria"), Some(51));
        assert_eq!(SPANISH.meeting("sesión plenaria"), None);
        assert_eq!(
            SPANISH
                .adopted("Resolución aprobada por la Asamblea General el 19 de diciembre de 2023")
                .and_then(|a| a.date)
                .map(|d| d.to_string())
                .as_deref(),
            Some("2023-12-19")
        );
        let a = SPANISH
            .adopted("Aprobada por el Consejo de Seguridad en su 7366a sesión, celebrada el 22 de enero de 2015")
            .unwrap();
        assert_eq!(
            (a.body, a.meeting, a.date.map(|d| d.to_string()).as_deref()),
            (Body::SecurityCouncil, Some(7366), Some("2015-01-22"))
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(
            SPANISH.operative_num("12. Toma nota"),
            Some(("12.".into(), 4))
        );
    }
}
