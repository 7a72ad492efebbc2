//! Chinese: "大会，", "[根据第三委员会的报告(A/59/494)通过]",
//! "2004 年 12 月 20 日", "第 74 次全体会议".

use std::sync::LazyLock;

use regex::Regex;

use super::{fold_width, CommitteeLine, Profile};
use crate::ir::{Body, Lang};

/// The Chinese profile.
pub struct Chinese;

static COMMITTEE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\[\s*根据\s*(.+?)\s*的报告\s*\(\s*([^)]+?)\s*\)\s*通过\s*\]$").expect("valid")
});
static NO_COMMITTEE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\[\s*未经?发交主要委员会而通过\s*\(\s*([^)]+?)\s*\)\s*\]$").expect("valid")
});
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$").expect("valid")
});
static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^第\s*(\d+)\s*次(?:\s*[(（]\s*续(?:会)?\s*[)）])?\s*(?:全体)?会议$")
        .expect("valid")
});

impl Profile for Chinese {
    fn lang(&self) -> Lang {
        Lang::Zh
    }

    fn formula(&self, para: &str) -> Option<Body> {
        match fold_width(para).trim().trim_end_matches([',', '、']) {
            "大会" => Some(Body::GeneralAssembly),
            "安全理事会" => Some(Body::SecurityCouncil),
            _ => None,
        }
    }

    fn committee_line(&self, line: &str) -> Option<CommitteeLine> {
        let folded = fold_width(line.trim());
        if let Some(c) = COMMITTEE.captures(&folded) {
            let (reports, para) = split_report(&c[2]);
            return Some(CommitteeLine {
                committee: Some(c[1].to_string()),
                reports,
                report_paragraph: para,
                draft: None,
            });
        }
        NO_COMMITTEE.captures(&folded).map(|c| CommitteeLine {
            draft: Some(c[1].trim().to_string()),
            ..CommitteeLine::default()
        })
    }

    fn date(&self, text: &str) -> Option<String> {
        let c = DATE
            .captures(fold_width(text.trim()).as_str())?
            .iter()
            .skip(1)
            .map(|m| m.map(|m| m.as_str().parse::<u32>().ok()))
            .collect::<Option<Option<Vec<u32>>>>()??;
        iso_date(c[0], c[1], c[2])
    }

    fn meeting(&self, text: &str) -> Option<u32> {
        MEETING.captures(fold_width(text.trim()).as_str())?[1]
            .parse()
            .ok()
    }
}

/// "A/59/494, 第 29 段" → (["A/59/494"], Some("第 29 段")).
fn split_report(s: &str) -> (Vec<String>, Option<String>) {
    let mut reports = Vec::new();
    let mut para = None;
    for part in s.split([',', '，', ';', '；']) {
        let p = part.trim();
        if p.is_empty() {
            continue;
        }
        if p.contains('/') {
            reports.push(p.to_string());
        } else {
            para = Some(p.to_string());
        }
    }
    (reports, para)
}

/// A checked ISO date.
pub(crate) fn iso_date(y: u32, m: u32, d: u32) -> Option<String> {
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days)
        .contains(&d)
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committee() {
        let c = Chinese
            .committee_line("[根据第三委员会的报告(A/59/494)通过]")
            .unwrap();
        assert_eq!(c.committee.as_deref(), Some("第三委员会"));
        assert_eq!(c.reports, vec!["A/59/494"]);
        let c = Chinese
            .committee_line("[根据第五委员会的报告（A/78/650，第 12 段）通过]")
            .unwrap();
        assert_eq!(c.reports, vec!["A/78/650"]);
        assert_eq!(c.report_paragraph.as_deref(), Some("第 12 段"));
        assert!(Chinese.committee_line("大会，").is_none());
    }

    #[test]
    fn dates_and_meetings() {
        assert_eq!(
            Chinese.date("2004 年 12 月 20 日").as_deref(),
            Some("2004-12-20")
        );
        assert_eq!(Chinese.date("２００４年２月３０日"), None);
        assert_eq!(Chinese.date("于 2004 年 12 月 20 日"), None);
        assert_eq!(Chinese.meeting("第 74 次全体会议"), Some(74));
        assert_eq!(Chinese.meeting("第７４次全体会议"), Some(74));
        assert_eq!(Chinese.meeting("第 74 次全体会议的报告"), None);
    }

    #[test]
    fn formulas() {
        assert_eq!(Chinese.formula("大会，"), Some(Body::GeneralAssembly));
        assert_eq!(Chinese.formula("安全理事会，"), Some(Body::SecurityCouncil));
        assert_eq!(Chinese.formula("大会决定，"), None);
    }
}
