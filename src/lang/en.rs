//! English: the reference language, from the English corpus
//! (`../shared/corpus/en/*.txt`, the reference Markdown in `tests/golden`):
//! "The General Assembly,", "[on the report of the Third Committee
//! (A/78/482, para. 29)]", "Resolution adopted by the General Assembly on
//! 19 December 2023", "71st plenary meeting", "Agenda items 13 and 75 (a)"
//! (masthead), "Annex" / "Annex II", "Section 21" / "Part V" heading labels,
//! sub-paragraphs "(a)" and "(i)", "Resolution 1454 (2002)" and "PAGE 3 of 3"
//! (Security Council, `../shared/corpus/sc/en`). Preambular paragraphs open
//! with a participle or an adjective ("Recalling", "Deeply concerned"),
//! operative ones with a verb in -s ("Decides", "Also requests").

use super::{Formulas, Leads, OutlineLabels, Pattern, Profile, Words, PARENTHESES};
use crate::ir::{Body, Lang};

/// The English profile.
pub static ENGLISH: Profile = Profile {
    lang: Lang::En,
    formulas: Formulas {
        general_assembly: &["The General Assembly"],
        security_council: &["The Security Council"],
        economic_and_social_council: &["The Economic and Social Council"],
    },
    months: [
        &["january"],
        &["february"],
        &["march"],
        &["april"],
        &["may"],
        &["june"],
        &["july"],
        &["august"],
        &["september"],
        &["october"],
        &["november"],
        &["december"],
    ],
    date: Pattern::new(r"(?i)\b(?P<d>\d{1,2})\s+(?P<m>[a-z]+)\s+(?P<y>\d{4})\b"),
    ordinal: r"(?:st|nd|rd|th)",
    meeting: Pattern::new(r"(?i)^(?P<n>\d+)\s*{ORD}\s+(?:\(resumed\)\s+)?plenary\s+meeting$"),
    committee: Pattern::new(
        r"(?i)^\[\s*on\s+the\s+reports?\s+of\s+the\s+(?P<c>.+?)\s*\((?P<r>.+)\)\s*\]$",
    ),
    no_committee: Pattern::new(
        r"(?i)^\[\s*without\s+reference\s+to\s+a\s+Main\s+Committee\s*\((?P<r>.+)\)\s*\]$",
    ),
    adopted: &[
        (
            Body::GeneralAssembly,
            Pattern::new(r"(?i)^Resolution\s+adopted\s+by\s+the\s+General\s+Assembly\b"),
        ),
        (
            Body::SecurityCouncil,
            Pattern::new(r"(?i)^Resolution\s+adopted\s+by\s+the\s+Security\s+Council\b"),
        ),
        // "Adopted by the Security Council at its 4683rd meeting, on …",
        // "Adopted unanimously at the 1382nd meeting."
        (
            Body::SecurityCouncil,
            Pattern::new(
                r"^Adopted(?i:.*?\bat\s+(?:its\s+|the\s+)?(?P<n>\d+)\s*{ORD}\s+meeting\b)?",
            ),
        ),
    ],
    agenda_item: Pattern::new(r"^Agenda items?(?P<items>.*)$"),
    and_words: &[" and "],
    distribution: "Distr.",
    distribution_date_langs: &[],
    operative_num: &[Pattern::new(r"^(?P<num>\d{1,3}\.)\s+\S")],
    title_num: Pattern::new(r"^(?P<s>\d{1,4})\s*/\s*(?P<n>\d{1,4})\s*\.\s*"),
    sc_title: Pattern::new(r"^(?i:Resolution\s+)?(?P<n>\d{1,4})\s*\((?P<y>\d{4})\)\.?(?:\s|$)"),
    annex_label: Pattern::new(r"^(?:Annex|ANNEX|Appendix|Attachment)(?: [IVXLC0-9]{1,5})?$"),
    heading_label: Pattern::new(
        r"^(?:Part|Section|Chapter|Article|Title|PART|SECTION|CHAPTER) [0-9A-Z]{1,6}\.*$",
    ),
    // "I" / "II" alone above a section's title (the sections of
    // `../shared/corpus/en-dev/A_RES_79_144`, `A_RES_79_226`). Letters
    // alone are left out: "A" alone is also a table cell there
    // (`A_RES_79_250`).
    part_label: Pattern::new(r"^[IVX]{1,5}$"),
    sub_styles: &[PARENTHESES],
    preamble_leads: Leads {
        words: PREAMBLE_WORDS,
        endings: &["ing"],
        not_endings: &[],
        exceptions: &["during", "bring", "nothing"],
        skip: &[],
        min_chars: 4,
        capital: true,
    },
    operative_leads: Leads {
        words: &[],
        endings: &["s"],
        not_endings: &["ss"],
        exceptions: &[],
        skip: &["Also", "Further", "Again", "Hereby", "Once", "Strongly"],
        min_chars: 4,
        capital: false,
    },
    outline: OutlineLabels {
        preamble: "Preamble",
        operative: "Operative part",
    },
    detection_words: &["the", "of", "and", "to", "its", "on", "with", "is"],
    lowercase_continues: true,
    run_on_words: &["and", "or"],
    quotation_marks: &[("\u{201c}", "\u{201d}"), ("\u{2018}", "\u{2019}")],
    number_words: Words {
        whole: NUMBER_WORDS,
        prefixes: &[],
        suffixes: &[],
    },
    unit_words: Words {
        whole: UNIT_WORDS,
        prefixes: &[],
        suffixes: &[],
    },
    page_furniture: &[Pattern::new(r"(?i)^page\s+\d+\s+of\s+\d+$")],
};

/// Adjectives and phrases that open preambular paragraphs besides
/// participles ("Recalling", "Deeply concerned", "Mindful").
const PREAMBLE_WORDS: &[&str] = &[
    "aware",
    "mindful",
    "convinced",
    "concerned",
    "deeply",
    "gravely",
    "seriously",
    "alarmed",
    "conscious",
    "cognizant",
    "determined",
    "desirous",
    "guided",
    "encouraged",
    "disturbed",
    "appreciative",
    "fully",
    "further",
    "also",
    "having",
    "bearing",
    "noting",
    "emphasizing",
    "acknowledging",
    "expressing",
    "taking",
    "stressing",
    "reiterating",
    "welcoming",
    "underlining",
    "underscoring",
];

/// Words after which a number is part of the text, never a footnote
/// citation ("paragraph 2", "resolution 60/1", "vol. 3").
const NUMBER_WORDS: &[&str] = &[
    "paragraph",
    "paragraphs",
    "para",
    "paras",
    "resolution",
    "resolutions",
    "decision",
    "decisions",
    "article",
    "articles",
    "item",
    "items",
    "section",
    "sections",
    "sect",
    "chapter",
    "chapters",
    "chap",
    "annex",
    "annexes",
    "vol",
    "vols",
    "volume",
    "no",
    "nos",
    "rule",
    "rules",
    "principle",
    "principles",
    "goal",
    "target",
    "targets",
    "page",
    "pages",
    "part",
    "parts",
    "level",
    "phase",
    "table",
    "figure",
    "appendix",
    "schedule",
    "step",
    "option",
    "tier",
    "grade",
    "category",
    "stage",
    "cycle",
    "sdg",
    "and",
    "to",
    "or",
    "of",
    "than",
    "over",
    "under",
    "nearly",
    "about",
    "least",
    "first",
    "last",
    "some",
    "all",
    "by",
    "per",
    "every",
    "within",
    "after",
    "before",
    "since",
    "until",
    "from",
    "between",
];

/// Words after which a number is a quantity ("3 years", "5 per cent").
const UNIT_WORDS: &[&str] = &[
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "per",
    "percent",
    "million",
    "millions",
    "billion",
    "billions",
    "thousand",
    "hundred",
    "times",
    "votes",
    "members",
    "states",
    "countries",
    "persons",
    "people",
    "-",
    "–",
    "x",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committee_lines() {
        let c = ENGLISH
            .committee_line("[on the report of the Third Committee (A/78/482, para. 29)]")
            .unwrap();
        assert_eq!(c.committee.as_deref(), Some("Third Committee"));
        assert_eq!(c.reports, vec!["A/78/482"]);
        assert_eq!(c.report_paragraph.as_deref(), Some("para. 29"));
        let c = ENGLISH
            .committee_line("[without reference to a Main Committee (A/73/L.6 and A/73/L.6/Add.1)]")
            .unwrap();
        assert_eq!(c.committee, None);
        assert_eq!(c.draft.as_deref(), Some("A/73/L.6"));
        assert_eq!(c.reports, vec!["A/73/L.6/Add.1"]);
        let c = ENGLISH
            .committee_line("[without reference to a Main Committee (A/79/995, para. 45)]")
            .unwrap();
        assert_eq!(c.draft, None);
        assert_eq!(c.reports, vec!["A/79/995"]);
    }

    #[test]
    fn dates_meetings_formulas() {
        assert_eq!(
            ENGLISH
                .date("19 December 2023")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2023-12-19")
        );
        assert_eq!(ENGLISH.date("on 19 December 2023"), None);
        assert_eq!(ENGLISH.date("31 February 2023"), None);
        assert_eq!(ENGLISH.meeting("71st plenary meeting"), Some(71));
        assert_eq!(ENGLISH.meeting("50th (resumed) plenary meeting"), Some(50));
        assert_eq!(ENGLISH.meeting("the 71st plenary meeting was"), None);
        assert_eq!(
            ENGLISH.formula("The General Assembly,"),
            Some(Body::GeneralAssembly)
        );
        assert_eq!(
            ENGLISH.formula("The General Assembly"),
            Some(Body::GeneralAssembly)
        );
        assert_eq!(
            ENGLISH.formula("The Security Council,"),
            Some(Body::SecurityCouncil)
        );
        assert_eq!(ENGLISH.formula("The General Assembly decides"), None);
    }

    #[test]
    fn adoption_lines() {
        let a = ENGLISH
            .adopted("Resolution adopted by the General Assembly on 19 December 2023")
            .unwrap();
        assert_eq!(
            (a.body, a.date.map(|d| d.to_string()).as_deref(), a.meeting),
            (Body::GeneralAssembly, Some("2023-12-19"), None)
        );
        let a = ENGLISH
            .adopted("Adopted by the Security Council at its 4683rd meeting, on 30 December 2002")
            .unwrap();
        assert_eq!(
            (a.date.map(|d| d.to_string()).as_deref(), a.meeting),
            (Some("2002-12-30"), Some(4683))
        );
        let a = ENGLISH
            .adopted("Adopted at the 476th meeting by 7 votes to none")
            .unwrap();
        assert_eq!((a.date, a.meeting), (None, Some(476)));
        assert!(ENGLISH.adopted("Adopts the following").is_none());
        assert_eq!(
            ENGLISH.sc_title("Resolution 1454 (2002)"),
            Some((1454, 2002, 22))
        );
        assert_eq!(
            ENGLISH
                .sc_title("84 (1950). Resolution of 7 July 1950")
                .map(|t| t.0),
            Some(84)
        );
    }

    #[test]
    fn openers_and_labels() {
        assert!(ENGLISH.preamble_opener("Reaffirming its resolutions"));
        assert!(ENGLISH.preamble_opener("Deeply concerned about"));
        assert!(!ENGLISH.preamble_opener("Decides to"));
        assert!(ENGLISH.annex_label("Annex"));
        assert!(ENGLISH.annex_label("Annex II"));
        assert!(!ENGLISH.annex_label("Annex to the resolution"));
        assert!(ENGLISH.number_word("paragraph"));
        assert!(!ENGLISH.number_word("Convention"));
    }
}
