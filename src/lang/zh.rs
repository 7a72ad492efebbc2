//! Chinese, as the aligned UN sentences (`../shared/corpus/zh/fragments_UNv1.0-devset`,
//! `../shared/corpus/parallel`) and `samples/A_RES_59_159.txt`,
//! `samples/A_RES_69_160_zh.txt` print it: "大会，", "安全理事会，",
//! "[根据第三委员会的报告(A/59/494)通过]", "2004 年 12 月 20 日",
//! "第 74 次全体会议", digits and punctuation half- or full-width, "附件"
//! (13 times in the corpus), articles "第15条", chapters "第五章";
//! preambular verbs ("回顾", "认识到", "重申") and operative ones ("请",
//! "鼓励", "邀请", "还决定"). Not in the corpus, from UN Chinese editorial
//! practice: the masthead's "议程项目69", parts "第一部分", and
//! "第1454(2002)号决议" for the Security Council.

use super::{
    Formulas, LeadPhrases, Leads, OutlineLabels, Pattern, Profile, SubStyle, Words, PARENTHESES,
};
use crate::ir::{Body, Lang};

/// The Chinese profile.
pub static CHINESE: Profile = Profile {
    lang: Lang::Zh,
    formulas: Formulas {
        general_assembly: &["大会"],
        security_council: &["安全理事会", "安理会"],
        economic_and_social_council: &["经济及社会理事会", "经济及社会理事会会议"],
    },
    // Months are numbers ("12 月").
    months: [&[], &[], &[], &[], &[], &[], &[], &[], &[], &[], &[], &[]],
    date: Pattern::new(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
    ordinal: "",
    meeting: Pattern::new(
        r"^第\s*(?P<n>\d+)\s*次(?:\s*[(（]\s*续(?:会)?\s*[)）])?\s*(?:全体)?会议$",
    ),
    committee: Pattern::new(
        r"^\[\s*根据\s*(?P<c>.+?)\s*的报告\s*\(\s*(?P<r>[^)]+?)\s*\)\s*通过\s*\]$",
    ),
    no_committee: Pattern::new(r"^\[\s*未经?发交主要委员会而通过\s*\(\s*(?P<r>[^)]+?)\s*\)\s*\]$"),
    // "大会2023年12月19日通过的决议", "安全理事会2015年1月22日第7366次会议通过".
    adopted: &[
        (
            Body::GeneralAssembly,
            Pattern::new(
                r"^大会\s*(?:于\s*)?(?:{DATE})?\s*(?:(?:在\s*)?第\s*(?P<n>\d+)\s*次(?:全体)?会议(?:上)?)?\s*通过(?:的决议)?$",
            ),
        ),
        (
            Body::SecurityCouncil,
            Pattern::new(
                r"^安全理事会\s*(?:于\s*)?(?:{DATE})?\s*(?:(?:在\s*)?第\s*(?P<n>\d+)\s*次(?:全体)?会议(?:上)?)?\s*通过(?:的决议)?$",
            ),
        ),
        // "2015年7月20日安全理事会第7488次会议通过", the Security Council's
        // adoption line under its title, the date first (UN practice).
        (
            Body::SecurityCouncil,
            Pattern::new(
                r"^{DATE}\s*安全理事会\s*(?:在\s*)?第\s*(?P<n>\d+)\s*次会议(?:上)?\s*通过$",
            ),
        ),
        (
            Body::EconomicAndSocialCouncil,
            Pattern::new(
                r"^经济及社会理事会\s*(?:于\s*)?(?:{DATE})?\s*(?:(?:在\s*)?第\s*(?P<n>\d+)\s*次(?:全体)?会议(?:上)?)?\s*通过(?:的决议)?$",
            ),
        ),
    ],
    months_capitalised: false,
    spaced_figures: true,
    suspending_words: &[],
    agenda_item: Pattern::new(r"^议程项目\s*(?P<items>.+)$"),
    and_words: &["和", "及", "、"],
    distribution: "Distr.",
    // The masthead prints "Distr.: General" and the date in English (UN
    // practice; the corpus has no masthead).
    distribution_date_langs: &[Lang::En],
    // "1. 赞赏", "１．赞赏" (folded to "1.赞赏"), "1.赞赏": before a Chinese
    // character, no space is needed.
    operative_num: &[Pattern::new(
        r"^(?P<num>\d{1,3}\.)(?:\s+\S|[\u{1100}-\u{11ff}\u{2e80}-\u{303f}\u{3040}-\u{33ff}\u{3400}-\u{4dbf}\u{4e00}-\u{9fff}\u{a960}-\u{a97f}\u{ac00}-\u{d7ff}\u{f900}-\u{faff}\u{fe30}-\u{fe4f}\u{ff00}-\u{ffef}\u{20000}-\u{3ffff}])",
    )],
    title_num: Pattern::new(r"^(?P<s>\d{1,4})\s*/\s*(?P<n>\d{1,4})\s*\.\s*"),
    sc_title: Pattern::new(r"^第\s*(?P<n>\d{1,4})\s*\(\s*(?P<y>\d{4})\s*\)\s*号决议\s*"),
    annex_label: Pattern::new(
        r"^(?:附件|附录)(?:\s*[一二三四五六七八九十]{1,3}|\s*[IVXLC0-9]{1,5})?$",
    ),
    heading_label: Pattern::new(
        r"^第\s*(?:\d{1,3}|[一二三四五六七八九十百]{1,4})\s*(?:部分|编|章|节|条)$",
    ),
    // Parts and sections: "一" / "二" for I / II, "A" / "B" as printed,
    // alone above the title (UN practice, not in the corpus).
    part_label: Pattern::new(r"^(?:[一二三四五六七八九十]{1,3}|[A-D])$"),
    // "(a)" for sub-paragraphs, as the reference prints them; "㈠", "㈡" …
    // (or "(一)") for the items under them, (i), (ii) in English (UN
    // practice, not in the corpus, whose fragments hold no sub-paragraphs).
    sub_styles: &[PARENTHESES, CIRCLED_NUMERALS, BRACKETED_NUMERALS],
    preamble_leads: Leads {
        words: &[
            "回顾",
            "又回顾",
            "还回顾",
            "铭记",
            "又铭记",
            "认识到",
            "又认识到",
            "重申",
            "又重申",
            "强调",
            "又强调",
            "注意到",
            "又注意到",
            "欢迎",
            "又欢迎",
            "关切",
            "深为关切",
            "深感关切",
            "确认",
            "承认",
            "考虑到",
            "意识到",
            "深信",
            "申明",
            "遵循",
            "鉴于",
            "赞赏地注意到",
            "满意地注意到",
        ],
        endings: &[],
        not_endings: &[],
        exceptions: &[],
        skip: &[],
        min_chars: 0,
        capital: false,
    },
    operative_leads: Leads {
        words: &[
            "请",
            "还请",
            "又请",
            "决定",
            "还决定",
            "又决定",
            "鼓励",
            "邀请",
            "敦促",
            "还敦促",
            "促请",
            "吁请",
            "赞扬",
            "赞同",
            "谴责",
            "要求",
            "宣布",
            "通过",
        ],
        endings: &[],
        not_endings: &[],
        exceptions: &[],
        skip: &[],
        min_chars: 0,
        capital: false,
    },
    outline: OutlineLabels {
        preamble: "序言",
        operative: "执行部分",
    },
    detection_words: &["的", "和", "在", "与", "及"],
    lowercase_continues: false,
    // Labels of total rows in tables ("小计", "共计").
    total_words: &["小计", "共计", "合计", "总计"],
    lead_phrases: LeadPhrases {
        preamble: PREAMBLE_PHRASES,
        operative: OPERATIVE_PHRASES,
        // Whether the Chinese pages set them apart is not known here (no official Chinese PDF at
        // hand): no emphasis is made of them.
        italic: false,
    },
    run_on_words: &[],
    quotation_marks: &[
        ("\u{201c}", "\u{201d}"),
        ("\u{2018}", "\u{2019}"),
        ("《", "》"),
    ],
    // "第 5 次", "第 58/140 号": an ordinal's number is text.
    number_words: Words {
        whole: &[],
        prefixes: &[],
        suffixes: &["第"],
    },
    symbol_words: crate::lang::NO_WORDS,
    // "2004 年 12 月", "10 号", "第 5 次": counters and date words.
    unit_words: Words {
        whole: &[],
        prefixes: &[
            "年", "月", "日", "号", "次", "届", "个", "名", "项", "段", "条", "款", "章", "节",
            "页", "%", "％", "岁", "人", "国", "亿", "万", "千", "百", "美", "元",
        ],
        suffixes: &[],
    },
    page_furniture: &[],
};

/// The lead phrases of preambular paragraphs, as the aligned UN sentences
/// (`../shared/corpus/parallel`, `../shared/corpus/zh/fragments_UNv1.0-devset`)
/// and the samples open them: the Chinese of every sentence whose English
/// opens with one of English's phrases, and the other paragraph starts of
/// the fragments and of the reference resolution (59/159: "欣见", "承认",
/// "感谢", "期待"); beside them "又" / "还" ("also") before the common ones, as UN
/// drafting writes them ("又回顾", "还回顾") and the sources show for
/// others ("又确认", "又认识到"). The text runs on without a space after
/// the phrase ("回顾安理会第2014(2011)号决议"), so these match only where
/// `Profile::lead_phrase` reads a phrase in a script without spaces as
/// ending anywhere.
const PREAMBLE_PHRASES: &[&str] = &[
    "严重关切",
    "关切",
    "关切地注意到",
    "再次关切",
    "再次呼吁",
    "又回顾",
    "又强调",
    "又强调指出",
    "又提及",
    "又欢迎",
    "又欣见",
    "又注意到",
    "又着重指出",
    "又确认",
    "又表示注意到",
    "又认识到",
    "又重申",
    "又铭记",
    "回顾",
    "审议了",
    "强调",
    "强调指出",
    "意识到",
    "感谢",
    "承认",
    "指出",
    "期待",
    "欢迎",
    "欣见",
    "注意到",
    "深信",
    "特别关切",
    "痛惜",
    "着重指出",
    "确认",
    "肯定",
    "表示严重忧虑",
    "表示注意到",
    "认定",
    "认识到",
    "谴责",
    "赞扬",
    "还回顾",
    "遵循",
    "重申",
    "铭记",
];

/// The lead phrases of operative paragraphs, found as `PREAMBLE_PHRASES`,
/// with "又" and "还" ("又决定", "还请"). Left out: "请" alone, one
/// character that also opens other words and clauses; and "促请",
/// "敦促" and "鼓励" alone, which the sources chain after a comma inside a
/// paragraph ("…，促请会员国…") about as often as they open one (with
/// "又" / "还" they open paragraphs only).
const OPERATIVE_PHRASES: &[&str] = &[
    "严重关切",
    "决定",
    "又促请",
    "又决定",
    "又敦促",
    "又欢迎",
    "又请",
    "又邀请",
    "又鼓励",
    "回顾",
    "坚决主张",
    "强烈敦促",
    "强烈谴责",
    "强调",
    "强调指出",
    "最强烈地谴责",
    "核准",
    "核可",
    "欢迎",
    "注意到",
    "特别指出",
    "确认",
    "表示关切",
    "表示支持",
    "表示注意到",
    "表示深为关切",
    "表示满意",
    "认识到",
    "谴责",
    "赞同",
    "赞赏地注意到",
    "还促请",
    "还决定",
    "还敦促",
    "还欢迎",
    "还请",
    "还邀请",
    "还鼓励",
    "邀请",
    "重申",
];

/// "㈠", "㈡" …: the parenthesised ideographs UN Chinese numbers the items
/// under a sub-paragraph with.
const CIRCLED_NUMERALS: SubStyle = SubStyle {
    open: &[],
    close: &[],
    latin: false,
    digits: false,
    list: &["㈠", "㈡", "㈢", "㈣", "㈤", "㈥", "㈦", "㈧", "㈨", "㈩"],
    depth: 2,
};

/// "(一)", "（二）": the same as an extractor or a typist may give them.
const BRACKETED_NUMERALS: SubStyle = SubStyle {
    open: &['(', '（'],
    close: &[')', '）'],
    latin: false,
    digits: false,
    list: &["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"],
    depth: 2,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committee() {
        let c = CHINESE
            .committee_line("[根据第三委员会的报告(A/59/494)通过]")
            .unwrap();
        assert_eq!(c.committee.as_deref(), Some("第三委员会"));
        assert_eq!(c.reports, vec!["A/59/494"]);
        let c = CHINESE
            .committee_line("[根据第五委员会的报告（A/78/650，第 12 段）通过]")
            .unwrap();
        assert_eq!(c.reports, vec!["A/78/650"]);
        assert_eq!(c.report_paragraph.as_deref(), Some("第 12 段"));
        assert!(CHINESE.committee_line("大会，").is_none());
    }

    #[test]
    fn dates_and_meetings() {
        assert_eq!(
            CHINESE
                .date("2004 年 12 月 20 日")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2004-12-20")
        );
        assert_eq!(CHINESE.date("２００４年２月３０日"), None);
        assert_eq!(CHINESE.date("于 2004 年 12 月 20 日"), None);
        assert_eq!(CHINESE.meeting("第 74 次全体会议"), Some(74));
        assert_eq!(CHINESE.meeting("第７４次全体会议"), Some(74));
        assert_eq!(CHINESE.meeting("第 74 次全体会议的报告"), None);
    }

    #[test]
    fn full_and_half_width_forms() {
        let c = CHINESE
            .committee_line("［根据第三委员会的报告（Ａ/59/494）通过］")
            .unwrap();
        assert_eq!(c.committee.as_deref(), Some("第三委员会"));
        assert_eq!(CHINESE.formula("大会,"), Some(Body::GeneralAssembly));
        assert_eq!(
            CHINESE.formula("经济及社会理事会，"),
            Some(Body::EconomicAndSocialCouncil)
        );
        assert_eq!(CHINESE.operative_num("1. 赞赏"), Some(("1.".into(), 3)));
        assert_eq!(
            CHINESE.operative_num("１２．赞赏"),
            Some(("１２．".into(), "１２．".len()))
        );
        assert_eq!(CHINESE.operative_num("3.赞赏"), Some(("3.".into(), 2)));
        assert_eq!(CHINESE.operative_num("1.5 亿美元"), None);
        assert_eq!(CHINESE.operative_num("2004 年"), None);
        assert_eq!(
            CHINESE
                .date("２００４年１２月２０日")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2004-12-20")
        );
    }

    #[test]
    fn adoption_lines() {
        let a = CHINESE.adopted("大会2023年12月19日通过的决议").unwrap();
        assert_eq!(
            (a.body, a.date.map(|d| d.to_string()).as_deref(), a.meeting),
            (Body::GeneralAssembly, Some("2023-12-19"), None)
        );
        let a = CHINESE
            .adopted("安全理事会2015年1月22日第7366次会议通过")
            .unwrap();
        assert_eq!(
            (a.body, a.date.map(|d| d.to_string()).as_deref(), a.meeting),
            (Body::SecurityCouncil, Some("2015-01-22"), Some(7366))
        );
        assert!(CHINESE.adopted("大会，").is_none());
    }

    #[test]
    fn numbers_that_are_text() {
        assert!(CHINESE.number_word("第") && !CHINESE.number_word("宣言》"));
        assert!(
            CHINESE.unit_word("年") && CHINESE.unit_word("月20日") && !CHINESE.unit_word("《关于")
        );
    }

    #[test]
    fn formulas() {
        assert_eq!(CHINESE.formula("大会，"), Some(Body::GeneralAssembly));
        assert_eq!(CHINESE.formula("安全理事会，"), Some(Body::SecurityCouncil));
        assert_eq!(CHINESE.formula("大会决定，"), None);
    }

    /// A phrase in a script without spaces ends anywhere: the text runs on
    /// into its object ("又回顾其…"), and the longest phrase wins.
    #[test]
    fn lead_phrases_match_without_a_word_break() {
        fn len(t: &str, op: bool) -> Option<&str> {
            CHINESE.lead_phrase(t, op).map(|n| &t[..n])
        }
        assert_eq!(len("又回顾其2003年12月22日的决议，", false), Some("又回顾"));
        assert_eq!(
            len("关切地注意到冲突仍在继续，", false),
            Some("关切地注意到")
        );
        assert_eq!(len("大会，", false), None);
    }
}
