//! English: "The General Assembly,", "[on the report of the Third Committee
//! (A/78/482, para. 29)]", "Resolution adopted by the General Assembly on
//! 19 December 2023", "71st plenary meeting", "19 December 2023".

use std::sync::LazyLock;

use regex::Regex;

use super::{iso_date, Adopted, CommitteeLine, Profile};
use crate::ir::{Body, Lang};

/// The English profile.
pub struct English;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

static DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(\d{1,2})\s+([a-z]+)\s+(\d{4})\b").expect("date"));
static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(\d+)\s*(?:st|nd|rd|th)\s+(?:\(resumed\)\s+)?plenary\s+meeting$")
        .expect("meeting")
});
static SC_MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bat\s+(?:its\s+|the\s+)?(\d+)\s*(?:st|nd|rd|th)\s+meeting\b")
        .expect("sc meeting")
});
static COMMITTEE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\[\s*on\s+the\s+reports?\s+of\s+the\s+(.+?)\s*\((.+)\)\s*\]$")
        .expect("committee")
});
static NO_COMMITTEE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\[\s*without\s+reference\s+to\s+a\s+Main\s+Committee\s*\((.+)\)\s*\]$")
        .expect("no committee")
});
static ADOPTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^Resolution\s+adopted\s+by\s+the\s+(General\s+Assembly|Security\s+Council)\b")
        .expect("adopted")
});
static SC_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:Resolution\s+)?(\d{1,4})\s*\((\d{4})\)\.?(?:\s|$)").expect("sc title")
});

impl English {
    /// The first date written "19 December 2023" in `text`, as ISO.
    fn find_date(text: &str) -> Option<String> {
        DATE.captures_iter(text).find_map(|c| {
            let month = MONTHS.iter().position(|m| c[2].eq_ignore_ascii_case(m))? as u32 + 1;
            iso_date(c[3].parse().ok()?, month, c[1].parse().ok()?)
        })
    }
}

impl Profile for English {
    fn lang(&self) -> Lang {
        Lang::En
    }

    fn formula(&self, para: &str) -> Option<Body> {
        let t = para.trim().trim_end_matches([',', ':', ';']).trim();
        let t = t.strip_prefix("The ")?;
        match t {
            "General Assembly" => Some(Body::GeneralAssembly),
            "Security Council" => Some(Body::SecurityCouncil),
            _ => None,
        }
    }

    fn committee_line(&self, line: &str) -> Option<CommitteeLine> {
        let line = collapse(line);
        if let Some(c) = COMMITTEE.captures(&line) {
            let (reports, para) = split_refs(&c[2]);
            return Some(CommitteeLine {
                committee: Some(c[1].to_string()),
                reports,
                report_paragraph: para,
                draft: None,
            });
        }
        let c = NO_COMMITTEE.captures(&line)?;
        let (docs, para) = split_refs(&c[1]);
        let mut docs = docs.into_iter();
        let first = docs.next();
        // "(A/73/L.6 and A/73/L.6/Add.1)": the draft and its addendum;
        // "(A/79/995, para. 45)": a report cited without a committee.
        let is_draft = first.as_deref().is_some_and(|d| d.contains("/L."));
        Some(CommitteeLine {
            committee: None,
            reports: if is_draft {
                docs.collect()
            } else {
                first.clone().into_iter().chain(docs).collect()
            },
            report_paragraph: para,
            draft: if is_draft { first } else { None },
        })
    }

    fn date(&self, text: &str) -> Option<String> {
        let t = collapse(text);
        let c = DATE.captures(&t)?;
        (c.get(0)?.as_str().len() == t.len()).then_some(())?;
        English::find_date(&t)
    }

    fn meeting(&self, text: &str) -> Option<u32> {
        MEETING.captures(&collapse(text))?[1].parse().ok()
    }

    fn adopted(&self, line: &str) -> Option<Adopted> {
        let t = collapse(line);
        if let Some(c) = ADOPTED.captures(&t) {
            return Some(Adopted {
                body: organ(&c[1]),
                date: English::find_date(&t),
                meeting: None,
            });
        }
        // "Adopted by the Security Council at its 4683rd meeting, on …",
        // "Adopted unanimously at the 1382nd meeting."
        if !t.starts_with("Adopted") {
            return None;
        }
        Some(Adopted {
            body: Body::SecurityCouncil,
            date: English::find_date(&t),
            meeting: SC_MEETING.captures(&t).and_then(|c| c[1].parse().ok()),
        })
    }

    fn sc_title(&self, text: &str) -> Option<(u32, u32, usize)> {
        let c = SC_TITLE.captures(text)?;
        Some((c[1].parse().ok()?, c[2].parse().ok()?, c.get(0)?.end()))
    }

    fn date_in(&self, text: &str) -> Option<String> {
        English::find_date(&collapse(text))
    }

    fn preamble_opener(&self, text: &str) -> bool {
        let first = text.split_whitespace().next().unwrap_or("");
        let word = first.trim_end_matches([',', ';']);
        if !word.starts_with(|c: char| c.is_uppercase()) || word.len() < 4 {
            return false;
        }
        let lower = word.to_lowercase();
        (lower.ends_with("ing") && !matches!(lower.as_str(), "during" | "bring" | "nothing"))
            || PREAMBLE_WORDS.contains(&lower.as_str())
    }

    fn number_word(&self, word: &str) -> bool {
        let w = word.trim_end_matches(['.', ',']).to_lowercase();
        NUMBER_WORDS.contains(&w.as_str()) || MONTHS.contains(&w.as_str())
    }

    fn unit_word(&self, word: &str) -> bool {
        let w = word.trim_end_matches(['.', ',', ';']).to_lowercase();
        MONTHS.contains(&w.as_str()) || UNIT_WORDS.contains(&w.as_str())
    }

    fn operative_opener(&self, text: &str) -> bool {
        let mut words = text.split_whitespace();
        let mut first = words.next().unwrap_or("");
        if matches!(
            first,
            "Also" | "Further" | "Again" | "Hereby" | "Once" | "Strongly"
        ) {
            first = words.next().unwrap_or("");
        }
        let lower = first.to_lowercase();
        first.starts_with(|c: char| c.is_alphabetic())
            && lower.len() > 3
            && lower.ends_with('s')
            && !lower.ends_with("ss")
            && !self.preamble_opener(text)
    }

    fn heading_label(&self, text: &str) -> bool {
        let t = collapse(text);
        let mut words = t.split(' ');
        matches!(
            words.next(),
            Some(
                "Part"
                    | "Section"
                    | "Chapter"
                    | "Article"
                    | "Title"
                    | "PART"
                    | "SECTION"
                    | "CHAPTER"
            )
        ) && words.next().is_some_and(|w| {
            let w = w.trim_end_matches('.');
            !w.is_empty()
                && w.len() <= 6
                && w.chars()
                    .all(|c| c.is_ascii_digit() || "IVXLC".contains(c) || c.is_ascii_uppercase())
        }) && words.next().is_none()
    }

    fn annex_label(&self, text: &str) -> bool {
        let t = collapse(text);
        let mut words = t.split(' ');
        matches!(
            words.next(),
            Some("Annex" | "ANNEX" | "Appendix" | "Attachment")
        ) && words.next().is_none_or(|w| {
            w.len() <= 5 && w.chars().all(|c| "IVXLC".contains(c) || c.is_ascii_digit())
        }) && words.next().is_none()
    }

    fn lowercase_continues(&self) -> bool {
        true
    }
}

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

/// The organ an adoption line names.
fn organ(name: &str) -> Body {
    if name.to_lowercase().contains("security") {
        Body::SecurityCouncil
    } else {
        Body::GeneralAssembly
    }
}

/// Collapses runs of whitespace to one space and trims.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "A/78/482, para. 29" → (["A/78/482"], Some("para. 29"));
/// "A/73/L.6 and A/73/L.6/Add.1" → both symbols.
fn split_refs(s: &str) -> (Vec<String>, Option<String>) {
    let mut docs = Vec::new();
    let mut para = None;
    for part in s.split([',', ';']) {
        let p = part.trim();
        if p.starts_with("para") {
            para = Some(p.to_string());
            continue;
        }
        for d in p.split(" and ") {
            let d = d.trim();
            if d.contains('/') {
                docs.push(d.to_string());
            }
        }
    }
    (docs, para)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committee_lines() {
        let c = English
            .committee_line("[on the report of the Third Committee (A/78/482, para. 29)]")
            .unwrap();
        assert_eq!(c.committee.as_deref(), Some("Third Committee"));
        assert_eq!(c.reports, vec!["A/78/482"]);
        assert_eq!(c.report_paragraph.as_deref(), Some("para. 29"));
        let c = English
            .committee_line("[without reference to a Main Committee (A/73/L.6 and A/73/L.6/Add.1)]")
            .unwrap();
        assert_eq!(c.committee, None);
        assert_eq!(c.draft.as_deref(), Some("A/73/L.6"));
        assert_eq!(c.reports, vec!["A/73/L.6/Add.1"]);
        let c = English
            .committee_line("[without reference to a Main Committee (A/79/995, para. 45)]")
            .unwrap();
        assert_eq!(c.draft, None);
        assert_eq!(c.reports, vec!["A/79/995"]);
    }

    #[test]
    fn dates_meetings_formulas() {
        assert_eq!(
            English.date("19 December 2023").as_deref(),
            Some("2023-12-19")
        );
        assert_eq!(English.date("on 19 December 2023"), None);
        assert_eq!(English.date("31 February 2023"), None);
        assert_eq!(English.meeting("71st plenary meeting"), Some(71));
        assert_eq!(English.meeting("50th (resumed) plenary meeting"), Some(50));
        assert_eq!(English.meeting("the 71st plenary meeting was"), None);
        assert_eq!(
            English.formula("The General Assembly,"),
            Some(Body::GeneralAssembly)
        );
        assert_eq!(
            English.formula("The General Assembly"),
            Some(Body::GeneralAssembly)
        );
        assert_eq!(
            English.formula("The Security Council,"),
            Some(Body::SecurityCouncil)
        );
        assert_eq!(English.formula("The General Assembly decides"), None);
    }

    #[test]
    fn adoption_lines() {
        let a = English
            .adopted("Resolution adopted by the General Assembly on 19 December 2023")
            .unwrap();
        assert_eq!(
            (a.body, a.date.as_deref(), a.meeting),
            (Body::GeneralAssembly, Some("2023-12-19"), None)
        );
        let a = English
            .adopted("Adopted by the Security Council at its 4683rd meeting, on 30 December 2002")
            .unwrap();
        assert_eq!(
            (a.date.as_deref(), a.meeting),
            (Some("2002-12-30"), Some(4683))
        );
        let a = English
            .adopted("Adopted at the 476th meeting by 7 votes to none")
            .unwrap();
        assert_eq!((a.date, a.meeting), (None, Some(476)));
        assert!(English.adopted("Adopts the following").is_none());
        assert_eq!(
            English.sc_title("Resolution 1454 (2002)"),
            Some((1454, 2002, 22))
        );
        assert_eq!(
            English
                .sc_title("84 (1950). Resolution of 7 July 1950")
                .map(|t| t.0),
            Some(84)
        );
    }

    #[test]
    fn openers_and_labels() {
        assert!(English.preamble_opener("Reaffirming its resolutions"));
        assert!(English.preamble_opener("Deeply concerned about"));
        assert!(!English.preamble_opener("Decides to"));
        assert!(English.annex_label("Annex"));
        assert!(English.annex_label("Annex II"));
        assert!(!English.annex_label("Annex to the resolution"));
        assert!(English.number_word("paragraph"));
        assert!(!English.number_word("Convention"));
    }
}
