//! Arabic: "إن الجمعية العامة،", "[بناء على تقرير اللجنة الثالثة (A/59/494)]",
//! "20 كانون الأول/ديسمبر 2004", "الجلسة العامة 74", operative paragraphs
//! numbered "1 - …", titles "59/159 - …".
//!
//! Text is right to left with left-to-right symbols (A/59/494) inside, and
//! digits are Western or Arabic-Indic: patterns match a folded copy (digits
//! to ASCII, hamzated alefs to bare alef, bidi controls to spaces), one
//! character for one, so what they capture maps back to the text as printed.

use std::sync::LazyLock;

use regex::Regex;

use super::{
    ascii_digit_of, date_from_parts, offset_in_original, split_report, title_num_by, Adopted,
    CommitteeLine, Profile, TitleNum,
};
use crate::ir::{Body, Lang};

/// The Arabic profile.
pub struct Arabic;

/// Month names in folded form, January first: the Syriac (Levantine) names
/// and the Western ones that UN documents print together
/// ("كانون الأول/ديسمبر"); either alone is understood too.
const MONTHS: [&[&str]; 12] = [
    &["كانون الثاني", "يناير"],
    &["شباط", "فبراير"],
    &["اذار", "مارس"],
    &["نيسان", "ابريل"],
    &["ايار", "مايو"],
    &["حزيران", "يونيه", "يونيو"],
    &["تموز", "يوليه", "يوليو"],
    &["اب", "اغسطس"],
    &["ايلول", "سبتمبر"],
    &["تشرين الاول", "اكتوبر"],
    &["تشرين الثاني", "نوفمبر"],
    &["كانون الاول", "ديسمبر"],
];

/// A date inside a longer pattern, on folded text: day, month (one or two
/// names joined by a slash), year.
const DATE: &str = r"(\d{1,2})\s+([\p{L}\p{M} ]+?(?:\s*/\s*[\p{L}\p{M}]+)?)\s+(\d{4})";

static DATE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^\s*{DATE}\s*$")).expect("valid"));
static COMMITTEE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[\[\]]\s*بناء\p{M}*\s+على\s+تقا?رير\s+(.+?)\s*[()]([^()]+)[()]\s*[\[\]]\s*$")
        .expect("valid")
});
static NO_COMMITTEE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*[\[\]]\s*(?:دون|بدون|من\s+دون)\s+(?:ال)?احالة\s+الى\s+(?:ال)?لجنة\s+(?:ال)?رئيسية\s*[()]([^()]+)[()]\s*[\[\]]\s*$",
    )
    .expect("valid")
});
static MEETING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*الجلسة\s+(?:العامة\s+)?(\d+)\s*[.,،]?\s*$").expect("valid"));
static OPERATIVE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3})\s*[-\u{2010}-\u{2014}]\s+\S").expect("valid"));
static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,4})\s*/\s*(\d{1,4})\s*[-\u{2010}-\u{2014}.]\s*").expect("valid")
});
static ADOPTED_GA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*قرار\s+اتخذته\s+الجمعية\s+العامة(?:\s+في\s+{DATE})?\s*$"
    ))
    .expect("valid")
});
static ADOPTED_SC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?:الذي\s+)?اتخذه\s+مجلس\s+الامن\s+في\s+جلسته\s+(\d+)\s*،?(?:\s+المعقودة\s+في\s+{DATE})?\s*\.?\s*$"
    ))
    .expect("valid")
});

/// One character for one: ASCII digits, bare alef, spaces for bidi marks.
fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' => '\u{0627}',
            '\u{200e}'
            | '\u{200f}'
            | '\u{061c}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}' => ' ',
            _ => ascii_digit_of(c),
        })
        .collect()
}

/// The text of `original` under the span `start..end` of its folded copy.
fn printed<'a>(original: &'a str, folded: &str, start: usize, end: usize) -> &'a str {
    let a = offset_in_original(original, folded, start);
    let b = offset_in_original(original, folded, end);
    original[a..b].trim()
}

/// A date from folded captures: the month may be "كانون الأول/ديسمبر".
fn date_of(day: &str, month: &str, year: &str) -> Option<String> {
    let month: String = month
        .chars()
        .filter(|c| !matches!(c, '\u{064b}'..='\u{0652}' | '\u{0640}'))
        .collect();
    let names: Vec<String> = month
        .split('/')
        .map(|m| m.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let mut found = None;
    for name in &names {
        let d = date_from_parts(day, name, year, &MONTHS)?;
        // Both names, when printed, must name the same month.
        if found.as_ref().is_some_and(|f| f != &d) {
            return None;
        }
        found = Some(d);
    }
    found
}

impl Profile for Arabic {
    fn lang(&self) -> Lang {
        Lang::Ar
    }

    fn formula(&self, para: &str) -> Option<Body> {
        let f = fold(para);
        let words: Vec<&str> = f
            .trim()
            .trim_end_matches(['،', ',', ' '])
            .split_whitespace()
            .collect();
        let words = match words.split_first() {
            Some((&"ان", rest)) => rest,
            _ => &words[..],
        };
        match words.join(" ").as_str() {
            "الجمعية العامة" => Some(Body::GeneralAssembly),
            "مجلس الامن" => Some(Body::SecurityCouncil),
            "المجلس الاقتصادي والاجتماعي" => {
                Some(Body::EconomicAndSocialCouncil)
            }
            _ => None,
        }
    }

    fn committee_line(&self, line: &str) -> Option<CommitteeLine> {
        let f = fold(line);
        if let Some(c) = COMMITTEE.captures(&f) {
            let (n, r) = (c.get(1)?, c.get(2)?);
            let (reports, report_paragraph) = split_report(printed(line, &f, r.start(), r.end()));
            return Some(CommitteeLine {
                committee: Some(printed(line, &f, n.start(), n.end()).to_string()),
                reports,
                report_paragraph,
                draft: None,
            });
        }
        let c = NO_COMMITTEE.captures(&f)?;
        let d = c.get(1)?;
        Some(CommitteeLine {
            draft: Some(printed(line, &f, d.start(), d.end()).to_string()),
            ..CommitteeLine::default()
        })
    }

    fn date(&self, text: &str) -> Option<String> {
        let f = fold(text);
        let c = DATE_LINE.captures(&f)?;
        date_of(&c[1], &c[2], &c[3])
    }

    fn meeting(&self, text: &str) -> Option<u32> {
        MEETING.captures(&fold(text))?[1].parse().ok()
    }

    fn operative_num(&self, text: &str) -> Option<(String, usize)> {
        let f = fold(text);
        let m = OPERATIVE.captures(&f)?.get(0)?;
        // The match ends on the paragraph's first character: step back off it.
        let last = f[..m.end()].chars().next_back()?.len_utf8();
        let start = offset_in_original(text, &f, m.end() - last);
        Some((text[..start].trim_end().to_string(), start))
    }

    fn title_num(&self, text: &str) -> Option<TitleNum> {
        title_num_by(&TITLE, &fold(text)).map(|t| TitleNum {
            title_at: offset_in_original(text, &fold(text), t.title_at),
            ..t
        })
    }

    fn adopted(&self, line: &str) -> Option<Adopted> {
        let f = fold(line);
        if let Some(c) = ADOPTED_GA.captures(&f) {
            return Some(Adopted {
                body: Body::GeneralAssembly,
                date: c.get(1).and_then(|_| date_of(&c[1], &c[2], &c[3])),
                meeting: None,
            });
        }
        let c = ADOPTED_SC.captures(&f)?;
        Some(Adopted {
            body: Body::SecurityCouncil,
            date: c.get(2).and_then(|_| date_of(&c[2], &c[3], &c[4])),
            meeting: c[1].parse().ok(),
        })
    }

    fn quotation_marks(&self) -> &'static [(&'static str, &'static str)] {
        &[("\"", "\""), ("«", "»")]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas() {
        assert_eq!(
            Arabic.formula("إن الجمعية العامة،"),
            Some(Body::GeneralAssembly)
        );
        assert_eq!(
            Arabic.formula("إن الجمعية العامة"),
            Some(Body::GeneralAssembly)
        );
        assert_eq!(Arabic.formula("إن مجلس الأمن،"), Some(Body::SecurityCouncil));
        assert_eq!(
            Arabic.formula("إن المجلس الاقتصادي والاجتماعي،"),
            Some(Body::EconomicAndSocialCouncil)
        );
        assert_eq!(Arabic.formula("وإذ تشير إلى قرار الجمعية العامة،"), None);
    }

    #[test]
    fn committee_lines_keep_symbols_as_printed() {
        let line = "[بناء على تقرير اللجنة الثالثة (A/59/494)]";
        let c = Arabic.committee_line(line).unwrap();
        assert_eq!(c.committee.as_deref(), Some("اللجنة الثالثة"));
        assert_eq!(c.reports, vec!["A/59/494"]);
        assert!(line.contains(c.committee.as_deref().unwrap()));
        // Tanween, a bidi mark and Arabic-Indic digits in the paragraph.
        let c = Arabic
            .committee_line("[بناءً على تقرير اللجنة الخامسة (\u{200e}A/78/650، الفقرة ١٢)]")
            .unwrap();
        assert_eq!(c.committee.as_deref(), Some("اللجنة الخامسة"));
        assert_eq!(c.reports, vec!["A/78/650"]);
        assert_eq!(c.report_paragraph.as_deref(), Some("الفقرة ١٢"));
        let c = Arabic
            .committee_line("[دون إحالة إلى لجنة رئيسية (A/59/L.50)]")
            .unwrap();
        assert_eq!((c.committee, c.draft.as_deref()), (None, Some("A/59/L.50")));
    }

    #[test]
    fn dates_in_both_digit_forms() {
        assert_eq!(
            Arabic.date("20 كانون الأول/ديسمبر 2004").as_deref(),
            Some("2004-12-20")
        );
        assert_eq!(
            Arabic.date("٣١ كانون الثاني/يناير ٢٠١٥").as_deref(),
            Some("2015-01-31")
        );
        assert_eq!(
            Arabic.date("9 أيار/مايو 2014").as_deref(),
            Some("2014-05-09")
        );
        assert_eq!(
            Arabic.date("15 حزيران/يونيه 2016").as_deref(),
            Some("2016-06-15")
        );
        assert_eq!(
            Arabic.date("3 آب/أغسطس 2015").as_deref(),
            Some("2015-08-03")
        );
        assert_eq!(Arabic.date("20 ديسمبر 2004").as_deref(), Some("2004-12-20"));
        // Two names that disagree, or no month at all.
        assert_eq!(Arabic.date("20 كانون الأول/يناير 2004"), None);
        assert_eq!(Arabic.date("20 الجلسة 2004"), None);
    }

    #[test]
    fn meetings_and_adoption() {
        assert_eq!(Arabic.meeting("الجلسة العامة 74"), Some(74));
        assert_eq!(Arabic.meeting("الجلسة العامة ٧٤"), Some(74));
        assert_eq!(Arabic.meeting("الجلسة العامة"), None);
        let a = Arabic
            .adopted("قرار اتخذته الجمعية العامة في 19 كانون الأول/ديسمبر 2023")
            .unwrap();
        assert_eq!(a.date.as_deref(), Some("2023-12-19"));
        let a = Arabic
            .adopted("الذي اتخذه مجلس الأمن في جلسته 7366 المعقودة في 22 كانون الثاني/يناير 2015")
            .unwrap();
        assert_eq!(
            (a.body, a.meeting, a.date.as_deref()),
            (Body::SecurityCouncil, Some(7366), Some("2015-01-22"))
        );
    }

    #[test]
    fn operative_numbers_with_a_dash_in_both_digit_forms() {
        let t = "1 - تحيط علما بتقريري الأمين العام؛";
        let (num, at) = Arabic.operative_num(t).unwrap();
        assert_eq!(num, "1 -");
        assert_eq!(&t[at..], "تحيط علما بتقريري الأمين العام؛");
        let t = "١٢ - تقرر تغيير اسم اللجنة";
        let (num, at) = Arabic.operative_num(t).unwrap();
        assert_eq!(num, "١٢ -");
        assert_eq!(&t[at..], "تقرر تغيير اسم اللجنة");
        assert_eq!(Arabic.operative_num("وإذ تشير إلى القرار 59/159"), None);
        assert_eq!(Arabic.operative_num("2004-2005 فترة السنتين"), None);
    }

    #[test]
    fn title_numbers() {
        let t = "59/159 - تعزيز برنامج الأمم المتحدة";
        let n = Arabic.title_num(t).unwrap();
        assert_eq!((n.session, n.number), (59, 159));
        assert_eq!(&t[n.title_at..], "تعزيز برنامج الأمم المتحدة");
        let t = "٥٩/١٥٩ - تعزيز";
        assert_eq!(&t[Arabic.title_num(t).unwrap().title_at..], "تعزيز");
    }
}
