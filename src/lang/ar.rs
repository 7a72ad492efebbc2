//! Arabic, as the aligned UN sentences (`../shared/corpus/ar/fragments_UNv1.0-devset`,
//! `../shared/corpus/parallel`) and `samples/A_RES_69_166_ar.txt` print it:
//! "إن الجمعية العامة،", "[بناء على تقرير اللجنة الثالثة (A/69/488/Add.2)]",
//! "20 كانون الأول/ديسمبر 2004", "الجلسة العامة 74", operative paragraphs
//! numbered "1 - …", titles "69/166 - …", "المرفق الرابع" (annex IV, in the
//! corpus); preambular paragraphs open with "إذ" / "وإذ" (59 of the
//! corpus's paragraphs), operative ones with a verb ("تطلب", "تقرر",
//! "يطلب", "يهيب"). Not in the corpus, from UN Arabic editorial practice:
//! the masthead's "البند 69 من جدول الأعمال", "المرفق" standing alone,
//! headings "الجزء الأول", "الفرع ألف", "المادة 1", sub-paragraphs "(a)"
//! as the reader accepts today, "القرار 1454 (2002)".
//!
//! Text is right to left with left-to-right symbols (A/59/494) inside, and
//! digits are Western or Arabic-Indic: patterns match the folded copy
//! ([`super::fold`]: digits to ASCII, hamzated alefs to bare alef, bidi
//! controls to spaces), so the words in patterns and lists below are
//! written folded ("الاول" for "الأول", "اذ" for "إذ").

use super::{
    Formulas, LeadPhrases, Leads, OutlineLabels, Pattern, Profile, SubStyle, Words, PARENTHESES,
};
use crate::ir::{Body, Lang};

/// The Arabic profile.
pub static ARABIC: Profile = Profile {
    lang: Lang::Ar,
    formulas: Formulas {
        general_assembly: &["إن الجمعية العامة", "الجمعية العامة"],
        security_council: &["إن مجلس الأمن", "مجلس الأمن"],
        economic_and_social_council: &["إن المجلس الاقتصادي والاجتماعي", "المجلس الاقتصادي والاجتماعي"],
    },
    // The Syriac (Levantine) names and the Western ones that UN documents
    // print together ("كانون الأول/ديسمبر"); either alone is understood too.
    months: [
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
    ],
    months_capitalised: false,
    spaced_figures: false,
    suspending_words: &[],
    // Day, month (one or two names joined by a slash), year.
    date: Pattern::new(
        r"(?P<d>\d{1,2})\s+(?P<m>[\p{L}\p{M} ]+?(?:\s*/\s*[\p{L}\p{M}]+)?)\s+(?P<y>\d{4})",
    ),
    ordinal: "",
    meeting: Pattern::new(r"^\s*الجلسة\s+(?:العامة\s+)?(?P<n>\d+)\s*[.,،]?\s*$"),
    committee: Pattern::new(
        r"^\s*[\[\]]\s*بناء\p{M}*\s+على\s+تقا?رير\s+(?P<c>.+?)\s*[()](?P<r>[^()]+)[()]\s*[\[\]]\s*$",
    ),
    no_committee: Pattern::new(
        r"^\s*[\[\]]\s*(?:دون|بدون|من\s+دون)\s+(?:ال)?احالة\s+الى\s+(?:ال)?لجنة\s+(?:ال)?رئيسية\s*[()](?P<r>[^()]+)[()]\s*[\[\]]\s*$",
    ),
    adopted: &[
        (
            Body::GeneralAssembly,
            Pattern::new(r"^\s*قرار\s+اتخذته\s+الجمعية\s+العامة(?:\s+في\s+{DATE})?\s*$"),
        ),
        (
            Body::SecurityCouncil,
            Pattern::new(
                r"^\s*(?:الذي\s+)?اتخذه\s+مجلس\s+الامن\s+في\s+جلسته\s+(?P<n>\d+)\s*،?(?:\s+المعقودة\s+في\s+{DATE})?\s*\.?\s*$",
            ),
        ),
    ],
    agenda_item: Pattern::new(r"^البند(?:ان)? (?P<items>.+?) من جدول الاعمال$"),
    and_words: &[" و ", " و"],
    distribution: "Distr.",
    // The masthead prints "Distr.: General" and the date in English (UN
    // practice; the corpus has no masthead).
    distribution_date_langs: &[Lang::En],
    operative_num: &[Pattern::new(
        r"^(?P<num>\d{1,3}\s*[-\u{2010}-\u{2014}])\s+\S",
    )],
    title_num: Pattern::new(r"^(?P<s>\d{1,4})\s*/\s*(?P<n>\d{1,4})\s*[-\u{2010}-\u{2014}.]\s*"),
    sc_title: Pattern::new(r"^القرار\s+(?P<n>\d{1,4})\s*\((?P<y>\d{4})\)\.?(?:\s|$)"),
    annex_label: Pattern::new(
        r"^(?:المرفق|مرفق|التذييل)(?: (?:الاول|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع|العاشر|[IVXLC0-9]{1,5}))?$",
    ),
    heading_label: Pattern::new(
        r"^(?:الجزء|الفرع|الفصل|المادة|الباب) (?:\d{1,3}|الاول|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع|العاشر|الف|باء|جيم|دال|هاء|واو|زاي|حاء|طاء|ياء)$",
    ),
    // Parts and sections: "أولا" / "ثانيا" for I / II, "ألف" / "باء" for
    // A / B (the letters as the fragments spell them: "القرار 217 ألف
    // (د-3)"), alone above the title (UN practice), folded.
    part_label: Pattern::new(
        r"^(?:اولا|ثانيا|ثالثا|رابعا|خامسا|سادسا|سابعا|ثامنا|تاسعا|عاشرا|الف|باء|جيم|دال)$",
    ),
    // "(أ)", "(ب)" … in the abjad order for (a), (b) …, and "’1‘", "’2‘"
    // for (i), (ii) (UN practice, not in the corpus, whose fragments hold
    // no sub-paragraphs); "(a)" as other languages print it is read too.
    sub_styles: &[ARABIC_LETTERS, ARABIC_NUMERALS, PARENTHESES],
    preamble_leads: Leads {
        // "وقد نظرت في …" (having considered), seen in the fragments.
        words: &["اذ", "واذ", "وادراكا", "ولما", "وقد"],
        endings: &[],
        not_endings: &[],
        exceptions: &[],
        skip: &[],
        min_chars: 0,
        capital: false,
    },
    operative_leads: Leads {
        words: &[
            "تطلب",
            "يطلب",
            "تقرر",
            "يقرر",
            "تهيب",
            "يهيب",
            "تحث",
            "يحث",
            "تشجع",
            "يشجع",
            "تعرب",
            "يعرب",
            "تدعو",
            "يدعو",
            "ترحب",
            "يرحب",
            "تعيد",
            "يعيد",
            "تشير",
            "يشير",
            "تشدد",
            "يشدد",
            "تحيط",
            "يحيط",
            "تؤكد",
            "يؤكد",
            "تدين",
            "يدين",
            "تعتمد",
            "تسلم",
            "يسلم",
        ],
        endings: &[],
        not_endings: &[],
        exceptions: &[],
        skip: &[],
        min_chars: 0,
        capital: false,
    },
    outline: OutlineLabels {
        preamble: "الديباجة",
        operative: "المنطوق",
    },
    detection_words: &["في", "من", "على", "الى", "التي", "الذي"],
    lowercase_continues: false,
    // Labels of total rows in tables ("المجموع الفرعي", "المجموع").
    total_words: &["المجموع الفرعي", "المجموع", "مجموع"],
    lead_phrases: LeadPhrases {
        preamble: PREAMBLE_PHRASES,
        operative: OPERATIVE_PHRASES,
        // Whether the Arabic pages set them apart is not known here (no official Arabic PDF at
        // hand): no emphasis is made of them.
        italic: false,
    },
    run_on_words: &[],
    quotation_marks: &[("\"", "\""), ("«", "»")],
    // Compared folded (hamzated alefs bare). "القرار 217", "الفقرة 12",
    // "المادة 12", "المرفق", "الجلسة 73" (the fragments and the sample),
    // with the prefixed "و" and "ب" forms.
    number_words: Words {
        whole: &[],
        prefixes: &[],
        suffixes: &[
            "القرار",
            "القرارات",
            "المقرر",
            "الفقرة",
            "الفقرات",
            "الفقرتين",
            "المادة",
            "المواد",
            "المرفق",
            "الفرع",
            "الفصل",
            "البند",
            "البندين",
            "المجلد",
            "الجلسة",
            "الدورة",
            "رقم",
            "الهدف",
            "الغاية",
            "الجزء",
            "الصفحة",
        ],
    },
    symbol_words: crate::lang::NO_WORDS,
    // "15 سنة", "3 ايام", "30 في المائة", "5 ملايين دولار" (UN practice).
    unit_words: Words {
        whole: &[
            "سنة",
            "سنوات",
            "عاما",
            "اعوام",
            "يوما",
            "ايام",
            "شهرا",
            "اشهر",
            "اسابيع",
            "ساعة",
            "في",
            "مليون",
            "ملايين",
            "مليار",
            "دولار",
            "دولارا",
            "دولة",
            "بلدا",
        ],
        prefixes: &[],
        suffixes: &[],
    },
    page_furniture: &[],
};

/// The lead phrases of preambular paragraphs, as the aligned UN sentences
/// (`../shared/corpus/parallel`, `../shared/corpus/ar/fragments_UNv1.0-devset`)
/// and the samples print them (with hamza, unfolded: the text is compared
/// as printed): the Arabic of every sentence whose English opens with one
/// of English's phrases, and the other paragraph starts of the fragments.
/// Each verb in both genders, as UN drafting agrees it with the organ
/// (feminine for the General Assembly, "وإذ تشير"; masculine for the
/// Security Council and the Economic and Social Council, "وإذ يشير"; the
/// sources show both), and with "إذ" (the first paragraph) beside "وإذ"
/// (the others).
const PREAMBLE_PHRASES: &[&str] = &[
    "إذ تؤكد",
    "إذ تؤكد من جديد",
    "إذ تحيط علما",
    "إذ تدرك",
    "إذ تدين",
    "إذ ترحب",
    "إذ تسلم",
    "إذ تشدد",
    "إذ تشيد",
    "إذ تشير",
    "إذ تضع في اعتبارها",
    "إذ تعرب عن استيائها",
    "إذ تعرب عن القلق",
    "إذ تعرب عن بالغ الانزعاج والقلق",
    "إذ تعيد تأكيد",
    "إذ تقرر",
    "إذ تكرر",
    "إذ تلاحظ",
    "إذ تلاحظ مع القلق",
    "إذ تنوه",
    "إذ يؤكد",
    "إذ يؤكد من جديد",
    "إذ يحيط علما",
    "إذ يدرك",
    "إذ يدين",
    "إذ يرحب",
    "إذ يساوره بالغ القلق",
    "إذ يساورها بالغ القلق",
    "إذ يسلم",
    "إذ يشدد",
    "إذ يشيد",
    "إذ يشير",
    "إذ يضع في اعتباره",
    "إذ يعرب عن استيائه",
    "إذ يعرب عن القلق",
    "إذ يعرب عن بالغ الانزعاج والقلق",
    "إذ يعيد تأكيد",
    "إذ يقرر",
    "إذ يكرر",
    "إذ يلاحظ",
    "إذ يلاحظ مع القلق",
    "إذ ينوه",
    "وإدراكا منه",
    "وإدراكا منه أيضا",
    "وإدراكا منها",
    "وإدراكا منها أيضا",
    "وإذ تؤكد",
    "وإذ تؤكد أيضا",
    "وإذ تؤكد من جديد",
    "وإذ تؤكد من جديد أيضا",
    "وإذ تحيط علما",
    "وإذ تحيط علما أيضا",
    "وإذ تدرك",
    "وإذ تدين",
    "وإذ ترحب",
    "وإذ تسلم",
    "وإذ تسلم أيضا",
    "وإذ تشدد",
    "وإذ تشيد",
    "وإذ تشير",
    "وإذ تشير أيضا",
    "وإذ تضع في اعتبارها",
    "وإذ تعرب عن استيائها",
    "وإذ تعرب عن القلق",
    "وإذ تعرب عن بالغ الانزعاج والقلق",
    "وإذ تعيد تأكيد",
    "وإذ تقرر",
    "وإذ تكرر",
    "وإذ تلاحظ",
    "وإذ تلاحظ مع القلق",
    "وإذ تنوه",
    "وإذ تنوه أيضا",
    "وإذ يؤكد",
    "وإذ يؤكد أيضا",
    "وإذ يؤكد من جديد",
    "وإذ يؤكد من جديد أيضا",
    "وإذ يحيط علما",
    "وإذ يحيط علما أيضا",
    "وإذ يدرك",
    "وإذ يدين",
    "وإذ يرحب",
    "وإذ يساوره بالغ القلق",
    "وإذ يساورها بالغ القلق",
    "وإذ يسلم",
    "وإذ يسلم أيضا",
    "وإذ يشدد",
    "وإذ يشيد",
    "وإذ يشير",
    "وإذ يشير أيضا",
    "وإذ يضع في اعتباره",
    "وإذ يعرب عن استيائه",
    "وإذ يعرب عن القلق",
    "وإذ يعرب عن بالغ الانزعاج والقلق",
    "وإذ يعيد تأكيد",
    "وإذ يقرر",
    "وإذ يكرر",
    "وإذ يلاحظ",
    "وإذ يلاحظ مع القلق",
    "وإذ ينوه",
    "وإذ ينوه أيضا",
    "واقتناعا منه",
    "واقتناعا منها",
    "وقد نظر",
    "وقد نظرت",
];

/// The lead phrases of operative paragraphs, found as `PREAMBLE_PHRASES`,
/// each verb in both genders ("تطلب" / "يطلب", "تقرر" / "يقرر").
const OPERATIVE_PHRASES: &[&str] = &[
    "تؤكد",
    "تؤكد من جديد",
    "تؤيد",
    "تحث",
    "تحث بشدة",
    "تحث كذلك",
    "تحيط علما",
    "تدعو",
    "تدين",
    "تدين بأشد العبارات",
    "تدين بشدة",
    "ترحب",
    "تسلم",
    "تسلّم",
    "تشجع",
    "تشدد",
    "تشير",
    "تصر",
    "تطلب",
    "تطلب كذلك",
    "تعرب عن ارتياحها",
    "تعرب عن القلق",
    "تعرب عن بالغ قلقها",
    "تعرب عن تأييدها",
    "تعرب عن قلقها البالغ",
    "تعيد التأكيد",
    "تعيد تأكيد",
    "تقرر",
    "تقرر أيضا",
    "تقرر كذلك",
    "تنوه مع التقدير",
    "تهيب",
    "توافق",
    "يؤكد",
    "يؤكد من جديد",
    "يؤيد",
    "يحث",
    "يحث بشدة",
    "يحث كذلك",
    "يحيط علما",
    "يدعو",
    "يدين",
    "يدين بأشد العبارات",
    "يدين بشدة",
    "يرحب",
    "يسلم",
    "يسلّم",
    "يشجع",
    "يشدد",
    "يشير",
    "يصر",
    "يطلب",
    "يطلب كذلك",
    "يعرب عن ارتياحه",
    "يعرب عن القلق",
    "يعرب عن بالغ قلقه",
    "يعرب عن تأييده",
    "يعرب عن قلقه البالغ",
    "يعيد التأكيد",
    "يعيد تأكيد",
    "يقرر",
    "يقرر أيضا",
    "يقرر كذلك",
    "ينوه مع التقدير",
    "يهيب",
    "يوافق",
];

/// "(أ)", "(ب)" …: the letters of the abjad order UN Arabic numbers
/// sub-paragraphs with, "هـ" with and without its tatweel.
const ARABIC_LETTERS: SubStyle = SubStyle {
    open: &['('],
    close: &[')'],
    latin: false,
    digits: false,
    list: &[
        "أ", "ب", "ج", "د", "هـ", "ه", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف",
        "ص", "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ",
    ],
    depth: 1,
};

/// "’1‘", "’2‘": the items under a sub-paragraph, in either order of the
/// quotation marks (as extractors turn them).
const ARABIC_NUMERALS: SubStyle = SubStyle {
    open: &['’', '‘'],
    close: &['‘', '’'],
    latin: false,
    digits: true,
    list: &[],
    depth: 2,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas() {
        assert_eq!(
            ARABIC.formula("إن الجمعية العامة،"),
            Some(Body::GeneralAssembly)
        );
        assert_eq!(
            ARABIC.formula("إن الجمعية العامة"),
            Some(Body::GeneralAssembly)
        );
        assert_eq!(ARABIC.formula("إن مجلس الأمن،"), Some(Body::SecurityCouncil));
        assert_eq!(
            ARABIC.formula("إن المجلس الاقتصادي والاجتماعي،"),
            Some(Body::EconomicAndSocialCouncil)
        );
        assert_eq!(ARABIC.formula("وإذ تشير إلى قرار الجمعية العامة،"), None);
    }

    #[test]
    fn committee_lines_keep_symbols_as_printed() {
        let line = "[بناء على تقرير اللجنة الثالثة (A/59/494)]";
        let c = ARABIC.committee_line(line).unwrap();
        assert_eq!(c.committee.as_deref(), Some("اللجنة الثالثة"));
        assert_eq!(c.reports, vec!["A/59/494"]);
        assert!(line.contains(c.committee.as_deref().unwrap()));
        // Tanween, a bidi mark and ARABIC-Indic digits in the paragraph.
        let c = ARABIC
            .committee_line("[بناءً على تقرير اللجنة الخامسة (\u{200e}A/78/650، الفقرة ١٢)]")
            .unwrap();
        assert_eq!(c.committee.as_deref(), Some("اللجنة الخامسة"));
        assert_eq!(c.reports, vec!["A/78/650"]);
        assert_eq!(c.report_paragraph.as_deref(), Some("الفقرة ١٢"));
        let c = ARABIC
            .committee_line("[دون إحالة إلى لجنة رئيسية (A/59/L.50)]")
            .unwrap();
        assert_eq!((c.committee, c.draft.as_deref()), (None, Some("A/59/L.50")));
    }

    #[test]
    fn dates_in_both_digit_forms() {
        assert_eq!(
            ARABIC
                .date("20 كانون الأول/ديسمبر 2004")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2004-12-20")
        );
        assert_eq!(
            ARABIC
                .date("٣١ كانون الثاني/يناير ٢٠١٥")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2015-01-31")
        );
        assert_eq!(
            ARABIC
                .date("9 أيار/مايو 2014")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2014-05-09")
        );
        assert_eq!(
            ARABIC
                .date("15 حزيران/يونيه 2016")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2016-06-15")
        );
        assert_eq!(
            ARABIC
                .date("3 آب/أغسطس 2015")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2015-08-03")
        );
        assert_eq!(
            ARABIC
                .date("20 ديسمبر 2004")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2004-12-20")
        );
        // Two names that disagree, or no month at all.
        assert_eq!(ARABIC.date("20 كانون الأول/يناير 2004"), None);
        assert_eq!(ARABIC.date("20 الجلسة 2004"), None);
    }

    #[test]
    fn meetings_and_adoption() {
        assert_eq!(ARABIC.meeting("الجلسة العامة 74"), Some(74));
        assert_eq!(ARABIC.meeting("الجلسة العامة ٧٤"), Some(74));
        assert_eq!(ARABIC.meeting("الجلسة العامة"), None);
        let a = ARABIC
            .adopted("قرار اتخذته الجمعية العامة في 19 كانون الأول/ديسمبر 2023")
            .unwrap();
        assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2023-12-19"));
        let a = ARABIC
            .adopted("الذي اتخذه مجلس الأمن في جلسته 7366 المعقودة في 22 كانون الثاني/يناير 2015")
            .unwrap();
        assert_eq!(
            (a.body, a.meeting, a.date.map(|d| d.to_string()).as_deref()),
            (Body::SecurityCouncil, Some(7366), Some("2015-01-22"))
        );
    }

    #[test]
    fn operative_numbers_with_a_dash_in_both_digit_forms() {
        let t = "1 - تحيط علما بتقريري الأمين العام؛";
        let (num, at) = ARABIC.operative_num(t).unwrap();
        assert_eq!(num, "1 -");
        assert_eq!(&t[at..], "تحيط علما بتقريري الأمين العام؛");
        let t = "١٢ - تقرر تغيير اسم اللجنة";
        let (num, at) = ARABIC.operative_num(t).unwrap();
        assert_eq!(num, "١٢ -");
        assert_eq!(&t[at..], "تقرر تغيير اسم اللجنة");
        assert_eq!(ARABIC.operative_num("وإذ تشير إلى القرار 59/159"), None);
        assert_eq!(ARABIC.operative_num("2004-2005 فترة السنتين"), None);
    }

    #[test]
    fn title_numbers() {
        let t = "59/159 - تعزيز برنامج الأمم المتحدة";
        let n = ARABIC.title_num(t).unwrap();
        assert_eq!((n.session, n.number), (59, 159));
        assert_eq!(&t[n.title_at..], "تعزيز برنامج الأمم المتحدة");
        let t = "٥٩/١٥٩ - تعزيز";
        assert_eq!(&t[ARABIC.title_num(t).unwrap().title_at..], "تعزيز");
    }
}
