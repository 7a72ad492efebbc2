//! French, as the aligned UN sentences (`../shared/corpus/fr/fragments_UNv1.0-devset`,
//! `../shared/corpus/parallel`) and `samples/A_RES_69_215_fr.txt` print it:
//! "L'Assemblée générale,", "[sur la base du rapport de la Deuxième
//! Commission (A/69/468/Add.1)]", "19 décembre 2014", "75e séance plénière",
//! « guillemets » with no-break spaces, preambular participles in -ant
//! ("Notant", "Rappelant") and operative verbs ("1. Prend acte", "Décide").
//! Not in the corpus, from UN French editorial practice: the masthead's
//! "Point 69 de l'ordre du jour", "Annexe" / "Annexe II" (the corpus cites
//! "annexe IV" in running text), headings "Partie", "Section", "Chapitre",
//! "Article", and sub-paragraphs "a)" and "i)" without the opening
//! parenthesis beside "(a)".

use super::{
    Formulas, LeadPhrases, Leads, OutlineLabels, Pattern, Profile, Words, CLOSING_PARENTHESIS,
    PARENTHESES,
};
use crate::ir::{Body, Lang};

/// The French profile.
pub static FRENCH: Profile = Profile {
    lang: Lang::Fr,
    formulas: Formulas {
        general_assembly: &["L'Assemblée générale"],
        security_council: &["Le Conseil de sécurité"],
        economic_and_social_council: &["Le Conseil économique et social"],
    },
    // Unaccented spellings are accepted too.
    months: [
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
    ],
    months_capitalised: false,
    spaced_figures: false,
    suspending_words: &["et", "ou"],
    // Day ("1er", "20"), month, year.
    date: Pattern::new(r"(?i)(?P<d>\d{1,2})\s*(?:er)?\s+(?P<m>\p{L}+)\s+(?P<y>\d{4})"),
    ordinal: r"(?:e|è|ème|eme|re|er)",
    // "74e séance plénière", "1re séance plénière", "74ème séance plénière".
    meeting: Pattern::new(r"(?i)^(?P<n>\d+)\s*{ORD}\s+séance(?:\s+plénière)?\s*[.,]?$"),
    committee: Pattern::new(
        r"(?i)^\[\s*sur\s+la\s+base\s+(?:du\s+rapport|des\s+rapports)\s+(?:de\s+la\s+|du\s+|de\s+l'\s*)(?P<c>.+?)\s*\((?P<r>[^()]+)\)\s*\]$",
    ),
    no_committee: Pattern::new(
        r"(?i)^\[\s*sans\s+renvoi\s+(?:préalable\s+)?à\s+une\s+grande\s+commission\s*\((?P<r>[^()]+)\)\s*\]$",
    ),
    adopted: &[
        (
            Body::GeneralAssembly,
            Pattern::new(
                r"(?i)^résolution\s+adoptée\s+par\s+l'assemblée\s+générale(?:\s+le\s+{DATE})?$",
            ),
        ),
        (
            Body::SecurityCouncil,
            Pattern::new(
                r"(?i)^adoptée\s+par\s+le\s+conseil\s+de\s+sécurité\s+à\s+sa\s+(?P<n>\d+)\s*(?:e|è|ème|eme|re)\s+séance\s*,?(?:\s+le\s+{DATE})?\s*\.?$",
            ),
        ),
    ],
    agenda_item: Pattern::new(r"^Points? (?P<items>.+?) de l'ordre du jour$"),
    and_words: &[" et "],
    distribution: "Distr.",
    distribution_date_langs: &[],
    operative_num: &[Pattern::new(r"^(?P<num>\d{1,3}\.)\s+\S")],
    title_num: Pattern::new(r"^(?P<s>\d{1,4})\s*/\s*(?P<n>\d{1,4})\s*\.\s*"),
    sc_title: Pattern::new(r"^Résolution\s+(?P<n>\d{1,4})\s*\((?P<y>\d{4})\)\.?(?:\s|$)"),
    annex_label: Pattern::new(r"^(?:Annexe|ANNEXE|Appendice|Pièce jointe)(?: [IVXLC0-9]{1,5})?$"),
    heading_label: Pattern::new(
        r"^(?:Partie|Section|Chapitre|Article|Titre|PARTIE|SECTION|CHAPITRE) [0-9A-Z]{1,6}\.*$",
    ),
    // "I" / "II", "A" / "B" alone above a part's title, as in English
    // (UN practice; not in the corpus, whose fragments hold no headings).
    part_label: Pattern::new(r"^(?:[IVX]{1,5}|[A-D])$"),
    sub_styles: &[PARENTHESES, CLOSING_PARENTHESIS],
    // Seen first in the corpus's paragraphs: "Soulignant", "Rappelant",
    // "Consciente", "Ayant", "Étant"; "Prie", "Se félicite", "Décide".
    preamble_leads: Leads {
        words: &[
            "consciente",
            "convaincue",
            "préoccupée",
            "profondément",
            "gravement",
            "vivement",
            "résolue",
            "déterminée",
            "désireuse",
            "guidée",
            "encouragée",
            "alarmée",
            "ayant",
            "étant",
        ],
        endings: &["ant"],
        not_endings: &[],
        exceptions: &[
            "avant",
            "pendant",
            "durant",
            "cependant",
            "maintenant",
            "important",
        ],
        skip: &[],
        min_chars: 5,
        capital: true,
    },
    operative_leads: Leads {
        words: &[
            "prie",
            "se",
            "décide",
            "invite",
            "souligne",
            "demande",
            "réaffirme",
            "prend",
            "rappelle",
            "exprime",
            "engage",
            "encourage",
            "condamne",
            "approuve",
            "reconnaît",
            "note",
            "accueille",
            "adopte",
            "recommande",
            "proclame",
            "exhorte",
        ],
        endings: &[],
        not_endings: &[],
        exceptions: &[],
        skip: &[],
        min_chars: 0,
        capital: true,
    },
    outline: OutlineLabels {
        preamble: "Préambule",
        operative: "Dispositif",
    },
    detection_words: &["les", "des", "du", "et", "aux", "une", "sur", "est"],
    // French paragraphs open with a capital, but with this set the reader's
    // break at a clause end before a blank line splits the sample's
    // paragraph 4 after a closing quote ("“L'eau, source de vie”" /
    // "(2005-2015) et efforts ultérieurs"); kept as it was until that
    // heuristic knows a quotation from a clause end.
    lowercase_continues: false,
    // Labels of total rows in tables ("Total partiel", "Sous-total", "Total").
    total_words: &["sous-total", "total"],
    lead_phrases: LeadPhrases {
        preamble: PREAMBLE_PHRASES,
        operative: OPERATIVE_PHRASES,
        // Set in italics as in English (the UN's French resolutions: « *Rappelant* »).
        italic: true,
    },
    run_on_words: &["et", "ou"],
    quotation_marks: &[("«\u{a0}", "\u{a0}»"), ("\u{201c}", "\u{201d}")],
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
/// (`../shared/corpus/parallel`, `../shared/corpus/fr/fragments_UNv1.0-devset`)
/// and the samples open them: the French of every sentence whose English
/// opens with one of English's phrases, and the other paragraph starts of
/// the fragments. Beside them, the same participles with "également" or
/// "en outre" and in the other gender ("Consciente" / "Conscient"), as UN
/// drafting writes them and the sources show for others. The apostrophe is
/// the straight one the sources print ("Ayant à l'esprit").
const PREAMBLE_PHRASES: &[&str] = &[
    "Affirmant",
    "Affirmant également",
    "Appréciant également",
    "Ayant examiné",
    "Ayant à l'esprit",
    "Condamnant",
    "Conscient",
    "Consciente",
    "Consciente également",
    "Considérant",
    "Constatant",
    "Convaincu",
    "Convaincue",
    "Demandant de nouveau",
    "Déplorant",
    "Estimant",
    "Estimant également",
    "Gravement préoccupé",
    "Gravement préoccupée",
    "Insistant",
    "Notant",
    "Notant avec inquiétude",
    "Notant en outre",
    "Notant également",
    "Prenant note",
    "Prenant note avec inquiétude",
    "Prenant note en outre",
    "Prenant note également",
    "Rappelant",
    "Rappelant en outre",
    "Rappelant également",
    "Reconnaissant",
    "Reconnaissant en outre",
    "Reconnaissant également",
    "Réaffirmant",
    "Réaffirmant également",
    "Saluant",
    "Saluant également",
    "Se disant profondément alarmé et préoccupé",
    "Se déclarant préoccupé",
    "Se déclarant préoccupée",
    "Se déclarant à nouveau préoccupé",
    "Se déclarant à nouveau préoccupée",
    "Se félicitant",
    "Se félicitant également",
    "Se référant",
    "Se référant également",
    "Soulignant",
    "Soulignant avec préoccupation",
    "Soulignant en outre",
    "Soulignant également",
];

/// The lead phrases of operative paragraphs, found as `PREAMBLE_PHRASES`
/// ("Prie", "Prie en outre", "Demande instamment", "Se félicite").
const OPERATIVE_PHRASES: &[&str] = &[
    "Accueille avec satisfaction",
    "Appelle l'attention",
    "Approuve",
    "Condamne",
    "Condamne avec la plus grande fermeté",
    "Condamne fermement",
    "Constate",
    "Demande",
    "Demande en outre",
    "Demande instamment",
    "Demande également",
    "Décide",
    "Décide en outre",
    "Décide également",
    "Encourage",
    "Encourage en outre",
    "Encourage également",
    "Engage",
    "Engage en outre",
    "Engage également",
    "Est conscient",
    "Est consciente",
    "Exhorte",
    "Exhorte également",
    "Exprime sa satisfaction",
    "Exprime son soutien",
    "Fait siennes",
    "Invite",
    "Invite en outre",
    "Invite instamment",
    "Invite également",
    "Note avec satisfaction",
    "Note également",
    "Prend acte",
    "Prend note",
    "Prend note également",
    "Prie",
    "Prie en outre",
    "Prie instamment",
    "Prie également",
    "Rappelle",
    "Rappelle également",
    "Reconnaît",
    "Reconnaît également",
    "Réaffirme",
    "Réaffirme également",
    "Se déclare gravement préoccupé",
    "Se déclare gravement préoccupée",
    "Se déclare préoccupé",
    "Se déclare préoccupée",
    "Se félicite",
    "Se félicite également",
    "Souligne",
    "Souligne en outre",
    "Souligne également",
];

/// Words after which a number is text, never a citation: "résolution
/// 58/217", "annexe IV", "par. 12", "point 19", "séance", "vol. I" (seen
/// in the fragments: "sa résolution 64/198", "annexe IV", "par."), "no",
/// "article", "chapitre", "section" (UN practice).
const NUMBER_WORDS: &[&str] = &[
    "paragraphe",
    "paragraphes",
    "par",
    "alinéa",
    "alinéas",
    "résolution",
    "résolutions",
    "décision",
    "décisions",
    "article",
    "articles",
    "point",
    "points",
    "section",
    "sections",
    "chapitre",
    "chapitres",
    "chap",
    "annexe",
    "annexes",
    "vol",
    "volume",
    "no",
    "nos",
    "n°",
    "séance",
    "session",
    "objectif",
    "cible",
    "partie",
    "page",
    "p",
];

/// Words before which a number is a quantity or a date, never a citation
/// ("15 ans", "3 jours", "30 %", "5 millions de dollars").
const UNIT_WORDS: &[&str] = &[
    "ans",
    "an",
    "années",
    "jours",
    "jour",
    "mois",
    "semaines",
    "heures",
    "millions",
    "million",
    "milliards",
    "milliard",
    "dollars",
    "pays",
    "personnes",
    "membres",
    "états",
    "e",
    "er",
    "re",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Adopted;

    #[test]
    fn formulas() {
        assert_eq!(
            FRENCH.formula("L'Assemblée générale,"),
            Some(Body::GeneralAssembly)
        );
        assert_eq!(
            FRENCH.formula("L’Assemblée générale,"),
            Some(Body::GeneralAssembly)
        );
        assert_eq!(
            FRENCH.formula("Le Conseil de sécurité,"),
            Some(Body::SecurityCouncil)
        );
        assert_eq!(
            FRENCH.formula("Le Conseil économique et social,"),
            Some(Body::EconomicAndSocialCouncil)
        );
        assert_eq!(FRENCH.formula("L'Assemblée générale décide,"), None);
    }

    #[test]
    fn committee_lines() {
        let c = FRENCH
            .committee_line("[sur la base du rapport de la Troisième Commission (A/59/494)]")
            .unwrap();
        assert_eq!(c.committee.as_deref(), Some("Troisième Commission"));
        assert_eq!(c.reports, vec!["A/59/494"]);
        let c = FRENCH
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
        let c = FRENCH
            .committee_line("[sans renvoi à une grande commission (A/59/L.50 et Add.1)]")
            .unwrap();
        assert_eq!(c.committee, None);
        assert_eq!(c.draft.as_deref(), Some("A/59/L.50 et Add.1"));
        assert!(FRENCH
            .committee_line("Rappelant sa résolution (A/59/494)")
            .is_none());
    }

    #[test]
    fn dates_meetings_adoption() {
        assert_eq!(
            FRENCH
                .date("20 décembre 2004")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2004-12-20")
        );
        assert_eq!(
            FRENCH
                .date("1er février 2015")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2015-02-01")
        );
        assert_eq!(
            FRENCH.date("3 août 2015").map(|d| d.to_string()).as_deref(),
            Some("2015-08-03")
        );
        assert_eq!(FRENCH.date("30 février 2015"), None);
        assert_eq!(FRENCH.date("le 20 décembre 2004"), None);
        assert_eq!(FRENCH.meeting("74e séance plénière"), Some(74));
        assert_eq!(FRENCH.meeting("1re séance plénière"), Some(1));
        assert_eq!(FRENCH.meeting("74e séance plénière de la Commission"), None);
        assert_eq!(
            FRENCH.adopted("Résolution adoptée par l'Assemblée générale le 19 décembre 2023"),
            Some(Adopted {
                body: Body::GeneralAssembly,
                date: "2023-12-19".parse().ok(),
                meeting: None
            })
        );
        assert_eq!(
            FRENCH.adopted(
                "Adoptée par le Conseil de sécurité à sa 7366e séance, le 22 janvier 2015"
            ),
            Some(Adopted {
                body: Body::SecurityCouncil,
                date: "2015-01-22".parse().ok(),
                meeting: Some(7366)
            })
        );
    }

    #[test]
    fn numbers_and_quotes() {
        assert_eq!(
            FRENCH.operative_num("1. Prend note ;"),
            Some(("1.".into(), 3))
        );
        assert_eq!(FRENCH.quotation_marks()[0].0, "«\u{a0}");
    }
}
