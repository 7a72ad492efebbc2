//! Russian, as the aligned UN sentences (`../shared/corpus/ru/fragments_UNv1.0-devset`,
//! `../shared/corpus/parallel`) and `samples/A_RES_69_170_ru.txt` print it:
//! "Генеральная Ассамблея,", "[по докладу Третьего комитета
//! (A/69/488/Add.2)]", "18 декабря 2014 года", "74-е пленарное заседание";
//! preambular gerunds and operative verbs in lower case ("признавая",
//! "ссылаясь"; "просит", "постановляет", after "вновь", "особо",
//! "настоятельно"). Not in the corpus, from UN Russian editorial practice:
//! the masthead's "Пункт 69 повестки дня", "Приложение" / "Приложение II"
//! (the corpus cites "приложением IV" in running text), headings "Часть",
//! "Раздел", "Глава", "Статья", sub-paragraphs "(a)" and "(i)" (Latin
//! letters, as the reader accepts today).

use super::{
    Formulas, LeadPhrases, Leads, OutlineLabels, Pattern, Profile, Words, CLOSING_PARENTHESIS,
    PARENTHESES,
};
use crate::ir::{Body, Lang};

/// The Russian profile.
pub static RUSSIAN: Profile = Profile {
    lang: Lang::Ru,
    formulas: Formulas {
        general_assembly: &["Генеральная Ассамблея"],
        security_council: &["Совет Безопасности"],
        economic_and_social_council: &["Экономический и Социальный Совет"],
    },
    // The genitive (as dates print them), then the nominative.
    months: [
        &["января", "январь"],
        &["февраля", "февраль"],
        &["марта", "март"],
        &["апреля", "апрель"],
        &["мая", "май"],
        &["июня", "июнь"],
        &["июля", "июль"],
        &["августа", "август"],
        &["сентября", "сентябрь"],
        &["октября", "октябрь"],
        &["ноября", "ноябрь"],
        &["декабря", "декабрь"],
    ],
    months_capitalised: false,
    spaced_figures: false,
    suspending_words: &["и", "или"],
    // "20 декабря 2004 года", "… 2004 г.".
    date: Pattern::new(r"(?i)(?P<d>\d{1,2})\s+(?P<m>\p{L}+)\s+(?P<y>\d{4})(?:\s+года|\s+г\.)?"),
    // "74-е", "7366-м", "7366м" (Cyrillic or Latin letters, as extractors
    // give them).
    ordinal: r"\s*-?\s*(?:[еeмmго]|ое|ом|го)",
    meeting: Pattern::new(r"(?i)^(?P<n>\d+){ORD}\s+(?:пленарное\s+)?заседание\s*[.,]?$"),
    committee: Pattern::new(
        r"(?i)^\[\s*по\s+доклад(?:у|ам)\s+(?P<c>.+?)\s*\((?P<r>[^()]+)\)\s*\]$",
    ),
    no_committee: Pattern::new(
        r"(?i)^\[\s*без\s+передачи\s+в\s+главн\p{L}*\s+комитет\p{L}*\s*\((?P<r>[^()]+)\)\s*\]$",
    ),
    adopted: &[
        (
            Body::GeneralAssembly,
            Pattern::new(
                r"(?i)^резолюция\s*,\s*принятая\s+генеральной\s+ассамблеей(?:\s+{DATE})?$",
            ),
        ),
        (
            Body::SecurityCouncil,
            Pattern::new(
                r"(?i)^(?:резолюция\s*\d*\s*(?:\(\d{4}\))?\s*,\s*)?принята?я?\s+советом\s+безопасности\s+на\s+его\s+(?P<n>\d+){ORD}\s+заседании\s*,?(?:\s+{DATE})?\s*\.?$",
            ),
        ),
    ],
    agenda_item: Pattern::new(r"^Пункты? (?P<items>.+?) повестки дня$"),
    and_words: &[" и "],
    distribution: "Distr.",
    // The masthead prints "Distr.: General" and the date in English (UN
    // practice; the corpus has no masthead).
    distribution_date_langs: &[Lang::En],
    operative_num: &[Pattern::new(r"^(?P<num>\d{1,3}\.)\s+\S")],
    title_num: Pattern::new(r"^(?P<s>\d{1,4})\s*/\s*(?P<n>\d{1,4})\s*\.\s*"),
    // "Резолюция 2795 (2025)," with the adoption line after the comma.
    sc_title: Pattern::new(r"^Резолюция\s+(?P<n>\d{1,4})\s*\((?P<y>\d{4})\)[.,]?(?:\s|$)"),
    annex_label: Pattern::new(r"^(?:Приложение|ПРИЛОЖЕНИЕ|Добавление)(?: [IVXLC0-9]{1,5})?$"),
    heading_label: Pattern::new(
        r"^(?:Часть|Раздел|Глава|Статья|Правило|ЧАСТЬ|РАЗДЕЛ|ГЛАВА) [0-9A-ZА-Я]{1,6}\.*$",
    ),
    // "I" / "II", "A" / "B" (Latin: "глава V, раздел A" in the fragments)
    // alone above a part's title (UN practice).
    part_label: Pattern::new(r"^(?:[IVX]{1,5}|[A-D])$"),
    // UN Russian numbers sub-paragraphs with Latin letters, "a)" and "i)"
    // after the paragraph they belong to, as French does, so that "пункт
    // 2 a)" and "paragraph 2 (a)" cite the same thing; "(a)" is read too.
    // Cyrillic "а)", "б)" is Russian national practice, not the UN's: not
    // taken (UN practice, not in the corpus, whose fragments hold no
    // sub-paragraphs).
    sub_styles: &[PARENTHESES, CLOSING_PARENTHESIS],
    preamble_leads: Leads {
        words: &[
            "признавая",
            "подчеркивая",
            "ссылаясь",
            "принимая",
            "приветствуя",
            "отмечая",
            "напоминая",
            "выражая",
            "учитывая",
            "определяя",
            "рассмотрев",
            "подтверждая",
            "руководствуясь",
            "сознавая",
            "будучи",
            "глубоко",
        ],
        endings: &[],
        not_endings: &[],
        exceptions: &[],
        skip: &["вновь", "особо", "также"],
        min_chars: 0,
        capital: false,
    },
    operative_leads: Leads {
        words: &[
            "просит",
            "призывает",
            "постановляет",
            "предлагает",
            "выражает",
            "принимает",
            "подчеркивает",
            "осуждает",
            "утверждает",
            "рекомендует",
            "признает",
            "приветствует",
            "подтверждает",
            "поддерживает",
            "рекомендует",
            "требует",
        ],
        endings: &[],
        not_endings: &[],
        exceptions: &[],
        skip: &["вновь", "особо", "настоятельно", "также"],
        min_chars: 0,
        capital: false,
    },
    outline: OutlineLabels {
        preamble: "Преамбула",
        operative: "Постановляющая часть",
    },
    detection_words: &["и", "в", "на", "с", "по", "для", "о", "что"],
    // Paragraphs open in lower case ("ссылаясь", "просит"): no continuation.
    lowercase_continues: false,
    // Labels of total rows in tables ("Итого", "Всего").
    total_words: &["итого", "всего"],
    lead_phrases: LeadPhrases {
        preamble: PREAMBLE_PHRASES,
        operative: OPERATIVE_PHRASES,
        // Set in italics as in English (the UN's Russian resolutions: «*ссылаясь*»).
        italic: true,
    },
    run_on_words: &["и", "или"],
    quotation_marks: &[("«", "»"), ("\u{201e}", "\u{201c}")],
    number_words: Words {
        whole: &[],
        // "резолюции 23/13", "пункта 5", "приложением IV", "разделе A",
        // "главе V", "статьи 12", "заседании" (the fragments), "№ 53"
        // ("Дополнение № 53", the sample's note 2): each word in its cases.
        prefixes: &[
            "резолюц",
            "решени",
            "пункт",
            "подпункт",
            "стать",
            "приложени",
            "раздел",
            "глав",
            "том",
            "заседани",
            "сесси",
            "№",
            "цел",
            "задач",
            "част",
            "стр",
        ],
        suffixes: &[],
    },
    symbol_words: crate::lang::NO_WORDS,
    // "5 лет", "3 дней", "30 процентов", "5 млн. долл." (UN practice).
    unit_words: Words {
        whole: &["г", "гг", "млн", "млрд", "долл", "лет"],
        prefixes: &[
            "год",
            "лет",
            "дн",
            "месяц",
            "недел",
            "час",
            "процент",
            "миллион",
            "миллиард",
            "доллар",
            "государств",
            "стран",
            "человек",
        ],
        suffixes: &[],
    },
    page_furniture: &[],
};

/// The lead phrases of preambular paragraphs, in lower case as printed,
/// as the aligned UN sentences (`../shared/corpus/parallel`,
/// `../shared/corpus/ru/fragments_UNv1.0-devset`) and the samples open
/// them: the Russian of every sentence whose English opens with one of
/// English's phrases, and the other paragraph starts of the fragments.
/// Beside them, the same participles with "также" or "далее" and "будучи
/// убеждена" beside "будучи убежден", as UN drafting writes them and the
/// sources show for others. Lower case, they also match a participle
/// that continues a sentence after a comma ("…, приветствуя"): the
/// sources show that in Security Council paragraphs.
const PREAMBLE_PHRASES: &[&str] = &[
    "будучи серьезно обеспокоен",
    "будучи серьезно обеспокоена",
    "будучи убежден",
    "будучи убеждена",
    "вновь выражая озабоченность",
    "вновь подтверждая",
    "вновь подтверждая также",
    "вновь призывая",
    "выражая обеспокоенность",
    "выражая серьезную тревогу и обеспокоенность",
    "выражая сожаление",
    "высоко оценивая",
    "напоминая",
    "напоминая также",
    "определяя",
    "особо отмечая",
    "осуждая",
    "отмечая",
    "отмечая далее",
    "отмечая также",
    "подтверждая",
    "подчеркивая",
    "подчеркивая далее",
    "подчеркивая также",
    "приветствуя",
    "приветствуя также",
    "признавая",
    "признавая далее",
    "признавая также",
    "принимая во внимание",
    "принимая во внимание также",
    "принимая к сведению",
    "принимая к сведению также",
    "рассмотрев",
    "руководствуясь",
    "с обеспокоенностью отмечая",
    "сознавая",
    "ссылаясь",
    "ссылаясь далее",
    "ссылаясь также",
    "учитывая",
    "учитывая также",
];

/// The lead phrases of operative paragraphs, found as `PREAMBLE_PHRASES`
/// ("просит", "просит далее", "постановляет", "с удовлетворением отмечает").
const OPERATIVE_PHRASES: &[&str] = &[
    "вновь подтверждает",
    "вновь призывает",
    "выражает глубокую озабоченность",
    "выражает обеспокоенность",
    "выражает признательность",
    "заявляет о поддержке",
    "напоминает",
    "настаивает",
    "настоятельно призывает",
    "настоятельно призывает далее",
    "настоятельно призывает также",
    "одобряет",
    "особо отмечает",
    "особо указывает",
    "осуждает",
    "осуждает самым решительным образом",
    "отмечает",
    "отмечает также",
    "поддерживает",
    "подтверждает",
    "подчеркивает",
    "подчеркивает также",
    "постановляет",
    "постановляет далее",
    "постановляет также",
    "предлагает",
    "предлагает далее",
    "предлагает также",
    "приветствует",
    "приветствует также",
    "признает",
    "признает также",
    "призывает",
    "призывает далее",
    "призывает также",
    "принимает к сведению",
    "принимает к сведению также",
    "просит",
    "просит далее",
    "просит также",
    "рекомендует",
    "рекомендует также",
    "решительно осуждает",
    "с удовлетворением отмечает",
    "утверждает",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas() {
        assert_eq!(
            RUSSIAN.formula("Генеральная Ассамблея,"),
            Some(Body::GeneralAssembly)
        );
        assert_eq!(
            RUSSIAN.formula("Совет Безопасности,"),
            Some(Body::SecurityCouncil)
        );
        assert_eq!(
            RUSSIAN.formula("Экономический и Социальный Совет,"),
            Some(Body::EconomicAndSocialCouncil)
        );
        assert_eq!(RUSSIAN.formula("Генеральная Ассамблея постановляет"), None);
    }

    #[test]
    fn committee_lines() {
        let c = RUSSIAN
            .committee_line("[по докладу Третьего комитета (A/59/494)]")
            .unwrap();
        assert_eq!(c.committee.as_deref(), Some("Третьего комитета"));
        assert_eq!(c.reports, vec!["A/59/494"]);
        let c = RUSSIAN
            .committee_line("[без передачи в главный комитет (A/59/L.50)]")
            .unwrap();
        assert_eq!((c.committee, c.draft.as_deref()), (None, Some("A/59/L.50")));
    }

    #[test]
    fn dates_meetings_adoption() {
        assert_eq!(
            RUSSIAN
                .date("20 декабря 2004 года")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2004-12-20")
        );
        assert_eq!(
            RUSSIAN
                .date("3 августа 2015 г.")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2015-08-03")
        );
        assert_eq!(RUSSIAN.date("32 декабря 2004 года"), None);
        assert_eq!(RUSSIAN.date("в декабре 2004 года"), None);
        assert_eq!(RUSSIAN.meeting("74-е пленарное заседание"), Some(74));
        // Latin "e" and a trailing comma, as in the aligned corpus.
        assert_eq!(RUSSIAN.meeting("51-e пленарное заседание,"), Some(51));
        assert_eq!(RUSSIAN.meeting("пленарное заседание"), None);
        assert_eq!(
            RUSSIAN
                .adopted("Резолюция, принятая Генеральной Ассамблеей 19 декабря 2023 года")
                .and_then(|a| a.date)
                .map(|d| d.to_string())
                .as_deref(),
            Some("2023-12-19")
        );
        let a = RUSSIAN
            .adopted("принятая Советом Безопасности на его 7366м заседании 22 января 2015 года")
            .unwrap();
        assert_eq!(
            (a.body, a.meeting, a.date.map(|d| d.to_string()).as_deref()),
            (Body::SecurityCouncil, Some(7366), Some("2015-01-22"))
        );
    }

    #[test]
    fn lower_case_operative_verbs_are_numbered_as_elsewhere() {
        assert_eq!(
            RUSSIAN.operative_num("1. принимает к сведению доклады"),
            Some(("1.".into(), 3))
        );
    }
}
