//! Chinese: "大会，", "安全理事会，", "经济及社会理事会，",
//! "[根据第三委员会的报告(A/59/494)通过]", "2004 年 12 月 20 日",
//! "第 74 次全体会议"; digits and punctuation half- or full-width.

use std::sync::LazyLock;

use regex::Regex;

use super::{fold, fold_width, is_wide, iso_date, split_report, Adopted, CommitteeLine, Profile};
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
/// "大会2023年12月19日通过的决议", "安全理事会2015年1月22日第7366次会议通过".
static ADOPTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(大会|安全理事会|经济及社会理事会)\s*(?:于\s*)?(?:(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)?\s*(?:(?:在\s*)?第\s*(\d+)\s*次(?:全体)?会议(?:上)?)?\s*通过(?:的决议)?$",
    )
    .expect("valid")
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
        let folded = fold_width(para);
        let words: String = folded.split_whitespace().collect();
        match words.trim_end_matches([',', '、']) {
            "大会" => Some(Body::GeneralAssembly),
            "安全理事会" | "安理会" => Some(Body::SecurityCouncil),
            "经济及社会理事会" | "经济及社会理事会会议" => {
                Some(Body::EconomicAndSocialCouncil)
            }
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

    fn number_word(&self, word: &str) -> bool {
        // "第 5 次", "第 58/140 号": an ordinal's number is text.
        word.ends_with('第')
    }

    fn unit_word(&self, word: &str) -> bool {
        // "2004 年 12 月", "10 号", "第 5 次": counters and date words.
        word.starts_with([
            '年', '月', '日', '号', '次', '届', '个', '名', '项', '段', '条', '款', '章', '节',
            '页', '%', '％', '岁', '人', '国', '亿', '万', '千', '百', '美', '元',
        ])
    }

    /// "1. 赞赏", "１．赞赏", "1.赞赏": after a full-width stop, or before a
    /// Chinese character, no space is needed.
    fn operative_num(&self, text: &str) -> Option<(String, usize)> {
        let mut digits = 0;
        let mut chars = text.char_indices().peekable();
        while let Some(&(_, c)) = chars.peek() {
            if !fold(&c.to_string()).starts_with(|d: char| d.is_ascii_digit()) {
                break;
            }
            digits += 1;
            chars.next();
        }
        let (i, stop) = chars.next()?;
        if digits == 0 || digits > 3 || !matches!(stop, '.' | '\u{ff0e}') {
            return None;
        }
        let num_end = i + stop.len_utf8();
        let rest = &text[num_end..];
        let body = rest.trim_start();
        let gap = rest.len() - body.len();
        let next = body.chars().next()?;
        let wide_start =
            is_wide(next) && !fold(&next.to_string()).starts_with(|d: char| d.is_ascii_digit());
        if gap == 0 && !(stop == '\u{ff0e}' || wide_start) {
            return None;
        }
        Some((text[..num_end].to_string(), num_end + gap))
    }

    fn adopted(&self, line: &str) -> Option<Adopted> {
        let folded = fold_width(line.trim());
        let c = ADOPTED.captures(&folded)?;
        let body = match &c[1] {
            "大会" => Body::GeneralAssembly,
            "安全理事会" => Body::SecurityCouncil,
            _ => Body::EconomicAndSocialCouncil,
        };
        let num = |k: usize| c.get(k).and_then(|m| m.as_str().parse::<u32>().ok());
        let date = match (num(2), num(3), num(4)) {
            (Some(y), Some(m), Some(d)) => iso_date(y, m, d),
            _ => None,
        };
        Some(Adopted {
            body,
            date,
            meeting: num(5),
        })
    }

    fn quotation_marks(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("\u{201c}", "\u{201d}"),
            ("\u{2018}", "\u{2019}"),
            ("《", "》"),
        ]
    }
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
    fn full_and_half_width_forms() {
        let c = Chinese
            .committee_line("［根据第三委员会的报告（Ａ/59/494）通过］")
            .unwrap();
        assert_eq!(c.committee.as_deref(), Some("第三委员会"));
        assert_eq!(Chinese.formula("大会,"), Some(Body::GeneralAssembly));
        assert_eq!(
            Chinese.formula("经济及社会理事会，"),
            Some(Body::EconomicAndSocialCouncil)
        );
        assert_eq!(Chinese.operative_num("1. 赞赏"), Some(("1.".into(), 3)));
        assert_eq!(
            Chinese.operative_num("１２．赞赏"),
            Some(("１２．".into(), "１２．".len()))
        );
        assert_eq!(Chinese.operative_num("3.赞赏"), Some(("3.".into(), 2)));
        assert_eq!(Chinese.operative_num("1.5 亿美元"), None);
        assert_eq!(Chinese.operative_num("2004 年"), None);
        assert_eq!(
            Chinese.date("２００４年１２月２０日").as_deref(),
            Some("2004-12-20")
        );
    }

    #[test]
    fn adoption_lines() {
        let a = Chinese.adopted("大会2023年12月19日通过的决议").unwrap();
        assert_eq!(
            (a.body, a.date.as_deref(), a.meeting),
            (Body::GeneralAssembly, Some("2023-12-19"), None)
        );
        let a = Chinese
            .adopted("安全理事会2015年1月22日第7366次会议通过")
            .unwrap();
        assert_eq!(
            (a.body, a.date.as_deref(), a.meeting),
            (Body::SecurityCouncil, Some("2015-01-22"), Some(7366))
        );
        assert!(Chinese.adopted("大会，").is_none());
    }

    #[test]
    fn numbers_that_are_text() {
        assert!(Chinese.number_word("第") && !Chinese.number_word("宣言》"));
        assert!(
            Chinese.unit_word("年") && Chinese.unit_word("月20日") && !Chinese.unit_word("《关于")
        );
    }

    #[test]
    fn formulas() {
        assert_eq!(Chinese.formula("大会，"), Some(Body::GeneralAssembly));
        assert_eq!(Chinese.formula("安全理事会，"), Some(Body::SecurityCouncil));
        assert_eq!(Chinese.formula("大会决定，"), None);
    }
}
