//! Language profiles: everything a reader must know about how one UN language
//! prints a resolution (formula, committee line, dates, meetings, numbering,
//! labels, lead phrases). Each language is one value of [`Profile`], plain
//! data in its own file; `matcher` holds the one generic matcher that reads
//! the data, so the reader's core asks the profile and never names a
//! language, and a seventh language is one data file and one arm in
//! [`profile`].

mod ar;
mod en;
mod es;
mod first_bytes;
mod fr;
pub(crate) use first_bytes::FirstBytes;
mod matcher;
pub use matcher::Asked;
mod ru;
mod zh;

use std::borrow::Cow;

use crate::ir::{Body, Date, Lang};

/// One language's knowledge, as data. Every field is required (there are no
/// defaults), so a profile that forgets a convention does not compile; an
/// empty list is written out, and the test over [`Lang::ALL`] checks that
/// the conventions every language has are not empty.
pub struct Profile {
    /// The language described.
    pub lang: Lang,
    /// The enacting formula of each organ, as printed.
    pub formulas: Formulas,
    /// Month names, January first; each entry lists accepted spellings in
    /// lower case (folded, see [`fold`]). Digits are always accepted.
    pub months: [&'static [&'static str]; 12],
    /// Whether month names are printed with a capital ("May"), so that the
    /// word in lower case ("12 may participate") is no month.
    pub months_capitalised: bool,
    /// Whether figures and Latin words inside ideographic text stand
    /// between spaces ("第 69/283 号决议"), so that a wrapped line ending
    /// or starting with one was cut at a space.
    pub spaced_figures: bool,
    /// Words after a suspended hyphen ("low- and middle-income"): a line
    /// ending "low-" before one of them keeps its space.
    pub suspending_words: &'static [&'static str],
    /// A date as printed, with groups `d`, `m`, `y`; other patterns embed it
    /// as `{DATE}`.
    pub date: Pattern,
    /// A meeting ordinal suffix ("st|nd|rd|th"), embedded as `{ORD}`.
    pub ordinal: &'static str,
    /// The closing meeting line, whole (group `n`, the number).
    pub meeting: Pattern,
    /// "[on the report of COMMITTEE (REPORTS)]": groups `c` and `r`.
    pub committee: Pattern,
    /// "[without reference to a Main Committee (DRAFT)]": group `r`.
    pub no_committee: Pattern,
    /// "Adopted" lines (masthead or Security Council) and the organ each
    /// names; optional groups `n` (meeting) and `d`, `m`, `y` (date). Without
    /// date groups, the first date anywhere on the line is taken.
    pub adopted: &'static [(Body, Pattern)],
    /// The masthead's agenda-item line: group `items`, the numbers.
    pub agenda_item: Pattern,
    /// What joins two numbers or symbols ("Agenda items 12 and 118",
    /// "A/73/L.6 and A/73/L.6/Add.1"), spaces included.
    pub and_words: &'static [&'static str],
    /// What the masthead prints before the distribution date ("Distr.").
    pub distribution: &'static str,
    /// Other languages the distribution date may be printed in: Russian,
    /// Arabic and Chinese mastheads print "Distr.: General" and the date
    /// in English ("28 December 2023").
    pub distribution_date_langs: &'static [Lang],
    /// Operative paragraph numbers: group `num`; each match ends on the
    /// paragraph's first character.
    pub operative_num: &'static [Pattern],
    /// The resolution number before the title ("59/159."): groups `s`, `n`.
    pub title_num: Pattern,
    /// A Security Council title ("Resolution 1454 (2002)"): groups `n`, `y`.
    pub sc_title: Pattern,
    /// An annex heading standing alone ("Annex", "Annex II").
    pub annex_label: Pattern,
    /// A heading label standing alone ("Section 21", "Part V"), whose title
    /// follows on the next line.
    pub heading_label: Pattern,
    /// The number of a part or section standing alone on its line ("I",
    /// "II", "A"; "一"; "أولا", "ألف"), whose title follows: a heading.
    pub part_label: Pattern,
    /// How sub-paragraphs are numbered ("(a)", "a)").
    pub sub_styles: &'static [SubStyle],
    /// What opens a preambular paragraph ("Recalling", "Deeply concerned").
    pub preamble_leads: Leads,
    /// What opens an operative paragraph ("Decides", "Also requests").
    pub operative_leads: Leads,
    /// Bookmark labels for the PDF outline.
    pub outline: OutlineLabels,
    /// Frequent short words, to tell Latin-script languages apart.
    pub detection_words: &'static [&'static str],
    /// Whether a line starting in lower case continues the sentence before
    /// it: true where paragraphs open with a capital (English, French,
    /// Spanish); false where the script has no case (Chinese, Arabic) or
    /// where paragraphs open in lower case (Russian).
    pub lowercase_continues: bool,
    /// Words that make a table row a total ("Subtotal", "Expenditure
    /// sections total"), in lower case: the first cell opens or ends with
    /// one. The UN sets such rows in bold between rules. English is checked
    /// against the staffing tables of the corpus; the others are the words
    /// of the UN's budget tables in each language.
    pub total_words: &'static [&'static str],
    /// The phrases paragraphs open with, as the UN sets them in italics
    /// ("Recalling also", "Calls upon"): a line opening with one after a
    /// clause end starts a paragraph, and in extracted text the phrase
    /// becomes emphasis where the language sets it in italics.
    pub lead_phrases: LeadPhrases,
    /// Words a line cannot end a heading on ("and", "or"): the text runs on.
    pub run_on_words: &'static [&'static str],
    /// Quotation marks as (opening, closing), outer level first; French
    /// guillemets come with the no-break spaces printed inside them.
    pub quotation_marks: &'static [(&'static str, &'static str)],
    /// Words after which a number is text ("paragraph 2"), never a citation.
    pub number_words: Words,
    /// Number words whose references are symbols ("resolution 70/1"): a
    /// bare figure after one ("draft resolution 7 submitted", as
    /// pdftotext sets a raised 7) is the citation due, where it is one.
    pub symbol_words: Words,
    /// Words before which a number is a quantity ("3 years"), never a citation.
    pub unit_words: Words,
    /// Page furniture in words ("PAGE 3 of 3"), whole line.
    pub page_furniture: &'static [Pattern],
}

/// The enacting formula of each organ, as printed ("The General Assembly,").
/// Compared without spaces and trailing punctuation, the first letter as
/// printed and the rest in any case.
pub struct Formulas {
    /// The General Assembly's formulas.
    pub general_assembly: &'static [&'static str],
    /// The Security Council's.
    pub security_council: &'static [&'static str],
    /// The Economic and Social Council's.
    pub economic_and_social_council: &'static [&'static str],
}

/// One way of numbering sub-paragraphs: the characters around a label,
/// and what the label may be (a Latin letter or roman numeral, a number,
/// or one of a list: "أ", "ب" …, "㈠", "㈡" …).
pub struct SubStyle {
    /// Opening characters accepted ("(" and "（"); empty for "a)".
    pub open: &'static [char],
    /// Closing characters accepted; empty where the label is one sign
    /// ("㈠") from `list`.
    pub close: &'static [char],
    /// Whether a Latin letter or a roman numeral is a label ("a", "iv").
    pub latin: bool,
    /// Whether a number of up to two digits is a label too ("(1)").
    pub digits: bool,
    /// Other labels, in their order ("أ", "ب", "ج" …).
    pub list: &'static [&'static str],
    /// The level the style numbers: 1 for sub-paragraphs, 2 for the items
    /// under them; 0 when the label tells ("(i)" is roman, "(a)" a letter).
    pub depth: u8,
}

/// "(a)", "(iv)", "(1)", half- or full-width parentheses: how every UN
/// language numbers sub-paragraphs.
pub const PARENTHESES: SubStyle = SubStyle {
    open: &['(', '（'],
    close: &[')', '）'],
    latin: true,
    digits: true,
    list: &[],
    depth: 0,
};

/// "a)", "iv)": the French and Spanish style, letters and numerals only.
pub const CLOSING_PARENTHESIS: SubStyle = SubStyle {
    open: &[],
    close: &[')'],
    latin: true,
    digits: false,
    list: &[],
    depth: 0,
};

/// The lead phrases of each kind of paragraph, as printed.
#[derive(Debug)]
pub struct LeadPhrases {
    /// Phrases opening preambular paragraphs.
    pub preamble: &'static [&'static str],
    /// Phrases opening operative paragraphs (after the number).
    pub operative: &'static [&'static str],
    /// Whether the UN's pages set them in italics in this language, so
    /// that extracted text, which lost the italics, gets them back as
    /// emphasis. Where no official PDF has shown it, false: emphasis the
    /// page may not print is not invented.
    pub italic: bool,
}

/// The words that open a kind of paragraph, and a heuristic for the rest.
pub struct Leads {
    /// First words, lower case ("recalling"); in scripts written without
    /// spaces, phrases the paragraph starts with ("回顾").
    pub words: &'static [&'static str],
    /// Endings that make a first word a lead ("-ing" participles).
    pub endings: &'static [&'static str],
    /// Endings that undo `endings` ("-ss" is no verb in "-s").
    pub not_endings: &'static [&'static str],
    /// Words with such an ending that are no lead ("during").
    pub exceptions: &'static [&'static str],
    /// Words, as printed, that may come first ("Also", "Further").
    pub skip: &'static [&'static str],
    /// Fewest letters of a lead word matched by its ending.
    pub min_chars: usize,
    /// Whether the lead starts with a capital.
    pub capital: bool,
}

/// A list of words, matched whole (lower case) or by how they start or end.
pub struct Words {
    /// Whole words, lower case.
    pub whole: &'static [&'static str],
    /// Beginnings ("年" in "年12月").
    pub prefixes: &'static [&'static str],
    /// Endings ("第").
    pub suffixes: &'static [&'static str],
}

/// Nothing: for a list a language does not need.
pub const NO_WORDS: Words = Words {
    whole: &[],
    prefixes: &[],
    suffixes: &[],
};

/// Bookmark labels for the two unnumbered parts of a resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutlineLabels {
    /// The preambular part: Preamble, Préambule, 序言 ….
    pub preamble: &'static str,
    /// The operative part: Operative part, Dispositif, 执行部分 ….
    pub operative: &'static str,
}

/// A regular expression kept as its source text, so that profiles stay
/// plain `static` data; `matcher` compiles each profile's patterns once,
/// on first use. `{DATE}` and `{ORD}` stand for the profile's date pattern
/// and ordinal suffix.
#[derive(Debug, Clone, Copy)]
pub struct Pattern(&'static str);

impl Pattern {
    /// A pattern from its source text.
    pub const fn new(src: &'static str) -> Self {
        Pattern(src)
    }

    /// The source text, before `{DATE}` and `{ORD}` are filled in.
    pub fn source(self) -> &'static str {
        self.0
    }
}

/// What a committee or adoption line of the preface says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CommitteeLine {
    /// The committee as printed ("第三委员会"); `None` when adopted without
    /// reference to a Main Committee.
    pub committee: Option<String>,
    /// Report symbols cited.
    pub reports: Vec<String>,
    /// Report paragraph, when printed.
    pub report_paragraph: Option<String>,
    /// Draft resolution symbol, when printed instead of a report.
    pub draft: Option<String>,
}

/// What an "adopted" line says: the masthead's "Résolution adoptée par
/// l'Assemblée générale le 19 décembre 2023", or the Security Council's
/// "Adoptée par le Conseil de sécurité à sa 7366e séance, le 22 janvier 2015".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adopted {
    /// The organ named.
    pub body: Body,
    /// Date of adoption, when printed on the line.
    pub date: Option<Date>,
    /// Meeting number, when printed on the line.
    pub meeting: Option<u32>,
}

/// The resolution number printed before the title ("59/159.").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TitleNum {
    /// Session (GA) or year (ECOSOC): the part before the slash.
    pub session: u32,
    /// The part after the slash.
    pub number: u32,
    /// Byte offset in the text where the title itself starts.
    pub title_at: usize,
}

/// The profile for a language.
pub fn profile(lang: Lang) -> &'static Profile {
    match lang {
        Lang::Zh => &zh::CHINESE,
        Lang::En => &en::ENGLISH,
        Lang::Fr => &fr::FRENCH,
        Lang::Es => &es::SPANISH,
        Lang::Ru => &ru::RUSSIAN,
        Lang::Ar => &ar::ARABIC,
    }
}

/// The outline labels of `lang`: the PDF emitter names the parts of a
/// resolution in its bookmarks in the document's language.
pub fn outline_labels(lang: Lang) -> OutlineLabels {
    profile(lang).outline
}

/// Whether a table row whose first cell reads `label` is a total: the
/// label opens or ends with one of the language's total words, as a whole
/// word (ideographs need no space around them).
pub fn is_total_label(lang: Lang, label: &str) -> bool {
    let label = label.trim().to_lowercase();
    let apart = |neighbour: Option<char>, edge: Option<char>| {
        neighbour.is_none_or(|n| !n.is_alphanumeric()) || edge.is_some_and(is_ideograph)
    };
    profile(lang).total_words.iter().any(|w| {
        let opens = label
            .strip_prefix(w)
            .is_some_and(|rest| apart(rest.chars().next(), w.chars().last()));
        let ends = label
            .strip_suffix(w)
            .is_some_and(|rest| apart(rest.chars().last(), w.chars().next()));
        opens || ends
    })
}

/// Whether a label like "(i)" or "i)" reads as a roman numeral.
pub fn is_roman_label(label: &str) -> bool {
    let inner = label.trim_matches(|c| matches!(c, '(' | ')' | '（' | '）'));
    match inner.len() {
        0 => false,
        1 => matches!(inner, "i" | "v" | "x"),
        _ => inner.chars().all(|c| "ivxl".contains(c)),
    }
}

/// Guesses the language of a text from its script; among Latin-script
/// languages, from the enacting formula, then from frequent short words.
pub fn detect(text: &str) -> Lang {
    let Scripts {
        han,
        arabic,
        cyrillic,
        latin,
    } = Scripts::of(head(text));
    let most = han.max(arabic).max(cyrillic).max(latin);
    if most == 0 || most == han {
        Lang::Zh
    } else if most == arabic {
        Lang::Ar
    } else if most == cyrillic {
        Lang::Ru
    } else {
        detect_latin(text)
    }
}

/// How many characters detection reads.
const DETECT_CHARS: usize = 20_000;

/// Letters of each script among a text's first [`DETECT_CHARS`] characters.
#[derive(Debug, Default, PartialEq, Eq)]
struct Scripts {
    /// [`is_ideograph`].
    han: usize,
    /// U+0600–06FF, U+0750–077F and the presentation forms.
    arabic: usize,
    /// U+0400–04FF.
    cyrillic: usize,
    /// ASCII letters and U+00C0–024F.
    latin: usize,
}

impl Scripts {
    /// Counted from the bytes: a character's first byte says which range
    /// it is in, but for five first bytes, whose second byte says (a
    /// Chinese text is mostly three-byte ideographs, which decoding spent
    /// most of detection on). Continuation bytes are never first bytes,
    /// so a count of every byte's value counts characters.
    fn of(text: &str) -> Scripts {
        let head = text.as_bytes();
        let mut count = [0usize; 256];
        for &b in head {
            count[usize::from(b)] += 1;
        }
        let all = |r: std::ops::RangeInclusive<u8>| r.map(|b| count[usize::from(b)]).sum::<usize>();
        // Characters opening with `lead` whose second byte `ok` takes.
        let some = |lead: u8, ok: fn(u8) -> bool| match count[usize::from(lead)] {
            0 => 0,
            _ => memchr::memchr_iter(lead, head)
                .filter(|&at| head.get(at + 1).is_some_and(|&b| ok(b)))
                .count(),
        };
        // The compatibility ideographs and the Arabic presentation forms
        // (U+EFxx): decoded.
        let (mut han_ef, mut arabic_ef) = (0, 0);
        if count[0xef] > 0 {
            for at in memchr::memchr_iter(0xef, head) {
                match text[at..].chars().next() {
                    Some(c) if is_ideograph(c) => han_ef += 1,
                    Some('\u{fb50}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}') => arabic_ef += 1,
                    _ => {}
                }
            }
        }
        Scripts {
            // U+3400–3FFF, U+4000–4FFF but U+4DC0–4DFF, U+5000–9FFF.
            han: some(0xe3, |b| b >= 0x90) + some(0xe4, |b| b != 0xb7) + all(0xe5..=0xe9) + han_ef,
            // U+0600–06FF, U+0750–077F.
            arabic: all(0xd8..=0xdb) + some(0xdd, |b| b >= 0x90) + arabic_ef,
            // U+0400–04FF.
            cyrillic: all(0xd0..=0xd3),
            // ASCII, U+00C0–023F, U+0240–024F.
            latin: all(b'a'..=b'z')
                + all(b'A'..=b'Z')
                + all(0xc3..=0xc8)
                + some(0xc9, |b| b <= 0x8f),
        }
    }
}

/// The first [`DETECT_CHARS`] characters of `text`: the characters are
/// the bytes that continue none (not `0b10xx_xxxx`), counted a block at a
/// time up to the block where the last one ends, not decoded.
fn head(text: &str) -> &str {
    const BLOCK: usize = 64;
    let b = text.as_bytes();
    if b.len() <= DETECT_CHARS {
        return text;
    }
    let starts = |c: u8| (c as i8) >= -0x40;
    let (mut chars, mut at) = (0, 0);
    for block in b.chunks(BLOCK) {
        let n = block.iter().filter(|&&c| starts(c)).count();
        if chars + n > DETECT_CHARS {
            break;
        }
        (chars, at) = (chars + n, at + block.len());
    }
    // The character after the last one read starts in this block.
    let end = b[at..]
        .iter()
        .enumerate()
        .filter(|&(_, &c)| starts(c))
        .nth(DETECT_CHARS - chars)
        .map_or(b.len(), |(i, _)| at + i);
    &text[..end]
}

/// French, Spanish or English: a line that is a French or Spanish enacting
/// formula decides; otherwise the profile whose detection words are
/// commonest (English on a tie).
fn detect_latin(text: &str) -> Lang {
    let others = [Lang::Fr, Lang::Es];
    for line in text.lines().take(400) {
        if let Some(l) = others
            .into_iter()
            .find(|&l| profile(l).formula(line).is_some())
        {
            return l;
        }
    }
    let head = head(text);
    let (words, longest) = detection_words();
    // One pass over the words; only a word short enough to be a detection
    // word is put in lower case.
    let mut counts = [0usize; 3];
    let mut buf = String::with_capacity(64);
    for w in crate::scan::runs(head, |c| c.is_alphabetic() || c == '\'') {
        if w.len() > 4 * longest {
            continue;
        }
        // An ASCII word keeps its length in lower case: one longer than
        // every detection word is none, and the rest are lowered in place.
        let key = if w.is_ascii() {
            if w.len() > *longest {
                continue;
            }
            buf.clear();
            buf.push_str(w);
            buf.make_ascii_lowercase();
            Cow::Borrowed(buf.as_str())
        } else {
            lower(w)
        };
        if let Some(hits) = words.get(&*key) {
            for (n, &hit) in counts.iter_mut().zip(hits) {
                *n += usize::from(hit);
            }
        }
    }
    let [fr, es, en] = counts;
    if fr > es && fr > en {
        Lang::Fr
    } else if es > fr && es > en {
        Lang::Es
    } else {
        Lang::En
    }
}

/// The French, Spanish and English detection words, each with the
/// languages that list it (in that order), and the longest in bytes: made
/// once, looked up by every word of every Latin-script text.
fn detection_words() -> &'static (foldhash::HashMap<&'static str, [bool; 3]>, usize) {
    static WORDS: std::sync::OnceLock<(foldhash::HashMap<&'static str, [bool; 3]>, usize)> =
        std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: foldhash::HashMap<&'static str, [bool; 3]> = Default::default();
        for (k, l) in [Lang::Fr, Lang::Es, Lang::En].into_iter().enumerate() {
            for &w in profile(l).detection_words {
                words.entry(w).or_default()[k] = true;
            }
        }
        let longest = words.keys().map(|w| w.len()).max().unwrap_or(0);
        (words, longest)
    })
}

/// Maps a byte offset in the folded text back to the original: folding maps
/// each character to one character, so count characters.
pub fn offset_in_original(original: &str, folded: &str, folded_at: usize) -> usize {
    let chars = folded[..folded_at].chars().count();
    original
        .char_indices()
        .nth(chars)
        .map_or(original.len(), |(i, _)| i)
}

/// `s` in lower case (`str::to_lowercase`), borrowed when it is already:
/// most words the reader looks up are, and then nothing is copied.
pub fn lower(s: &str) -> Cow<'_, str> {
    let unchanged = if s.is_ascii() {
        !s.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        // Ideographs have no case: only the other characters are looked up.
        s.chars()
            .all(|c| is_ideograph(c) || c.is_ascii_lowercase() || c.to_lowercase().eq([c]))
    };
    if unchanged {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

/// What patterns match against, character for character: full-width forms
/// half-width ([`fold_width`]), Arabic-Indic digits ASCII ([`fold_digits`]),
/// hamzated alefs bare, bidi controls spaces, typographic apostrophes ASCII.
/// Used only to match; what is kept is read from the original.
pub fn fold(text: &str) -> Cow<'_, str> {
    // Most text (all of English) has nothing to fold: no copy then.
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    // Only characters whose first byte is in `may_fold` can change: the
    // bytes between them are copied as runs, never decoded. No folded
    // character is longer than its original, so one allocation holds all.
    // A lead byte says how long its character is: the scan steps from
    // character to character, and decodes only those that may fold.
    let b = text.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut at = 0;
    while at < b.len() {
        let lead = b[at];
        let step = FOLD_STEP[usize::from(lead)];
        if step != 0 {
            // A whole character stepped over (an ideograph is three bytes).
            at += usize::from(step);
            continue;
        }
        let len = utf8_len(lead);
        let Some(c) = text.get(at..at + len).and_then(|s| s.chars().next()) else {
            at += 1;
            continue;
        };
        let f = fold_char(c);
        if f != c {
            let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
            o.push_str(&text[copied..at]);
            o.push(f);
            copied = at + len;
        }
        at += len;
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut o) => {
            o.push_str(&text[copied..]);
            Cow::Owned(o)
        }
    }
}

/// The length of the UTF-8 sequence `lead` opens.
const fn utf8_len(lead: u8) -> usize {
    match lead {
        0..=0x7f => 1,
        0x80..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

/// For each byte opening a character, how far [`fold`] steps over it
/// (its length), or 0 where the character may fold and is decoded.
const FOLD_STEP: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = if may_fold(b as u8) {
            0
        } else {
            utf8_len(b as u8) as u8
        };
        b += 1;
    }
    t
};

/// Whether a character starting with this UTF-8 byte may fold: the lead
/// bytes of U+02BC, U+0600–U+06FF, U+2000–U+2FFF, U+3000–U+3FFF and
/// U+F000–U+FFFF. Continuation bytes (0x80–0xBF) are never lead bytes.
const fn may_fold(b: u8) -> bool {
    matches!(b, 0xca | 0xd8 | 0xd9 | 0xdb | 0xe2 | 0xe3 | 0xef)
}

/// One character of [`fold`].
fn fold_char(c: char) -> char {
    match c {
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' => '\u{0627}',
        '\u{2019}' | '\u{2bc}' => '\'',
        c if is_bidi_control(c) => ' ',
        c => ascii_digit_of(fold_width_char(c)),
    }
}

/// Replaces Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits by
/// ASCII digits, one character for one. Used only to match.
pub fn fold_digits(text: &str) -> String {
    text.chars().map(ascii_digit_of).collect()
}

/// The ASCII digit a digit character stands for; other characters unchanged.
pub fn ascii_digit_of(c: char) -> char {
    match c {
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06f0}'..='\u{06f9}' => char::from(b'0' + (c as u32 - 0x06f0) as u8),
        '\u{ff10}'..='\u{ff19}' => char::from(b'0' + (c as u32 - 0xff10) as u8),
        _ => c,
    }
}

/// Invisible marks that set the direction of right-to-left text runs.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Replaces full-width digits and ASCII-range punctuation (０-９, （ ） …)
/// by their half-width forms, so patterns see one form. Used only to match,
/// never to change the text kept.
pub fn fold_width(text: &str) -> String {
    text.chars().map(fold_width_char).collect()
}

/// One character of [`fold_width`].
fn fold_width_char(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Han ideographs (the unified blocks, extension A and the compatibility
/// block): the characters a Chinese text is written in, its punctuation
/// aside.
pub fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// Characters written without spaces between them (Han, kana, Hangul,
/// full-width forms, CJK punctuation): joining wrapped lines next to one
/// adds no space.
pub fn is_wide(c: char) -> bool {
    // Below the first range (all Latin, Cyrillic, Arabic): one compare.
    if (c as u32) < 0x1100 {
        return false;
    }
    matches!(c,
        '\u{1100}'..='\u{11ff}'
        | '\u{2e80}'..='\u{303f}'
        | '\u{3040}'..='\u{33ff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{a960}'..='\u{a97f}'
        | '\u{ac00}'..='\u{d7ff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{fe30}'..='\u{fe4f}'
        | '\u{ff00}'..='\u{ffef}'
        | '\u{20000}'..='\u{3ffff}')
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// [`Scripts::of`] as it was first written: a decoding pass.
    fn scripts_decoded(text: &str) -> Scripts {
        let mut n = Scripts::default();
        for c in text.chars().take(DETECT_CHARS) {
            match c {
                'a'..='z' | 'A'..='Z' | '\u{c0}'..='\u{24f}' => n.latin += 1,
                c if is_ideograph(c) => n.han += 1,
                '\u{0600}'..='\u{06ff}'
                | '\u{0750}'..='\u{077f}'
                | '\u{fb50}'..='\u{fdff}'
                | '\u{fe70}'..='\u{feff}' => n.arabic += 1,
                '\u{0400}'..='\u{04ff}' => n.cyrillic += 1,
                _ => {}
            }
        }
        n
    }

    #[test]
    fn scripts_counted_from_bytes_are_those_decoded() {
        // Every character, alone and after an ASCII letter and an
        // ideograph; then a text past the length read, cut inside.
        for c in (0..=0x10_ffffu32).filter_map(char::from_u32) {
            for t in [format!("{c}"), format!("a{c}"), format!("中{c}b")] {
                assert_eq!(Scripts::of(&t), scripts_decoded(&t), "{:x}", c as u32);
            }
        }
        let long = "Жa中ب".repeat(DETECT_CHARS / 3);
        assert_eq!(Scripts::of(head(&long)), scripts_decoded(&long));
        assert!(Scripts::of(head(&long)).latin < long.chars().filter(char::is_ascii).count());
    }

    /// The head detection reads is the text's first `DETECT_CHARS`
    /// characters, whatever their widths, wherever the limit falls.
    #[test]
    fn the_head_is_the_first_characters() {
        let by_decoding = |t: &str| {
            t.char_indices()
                .nth(DETECT_CHARS)
                .map_or(t.len(), |(at, _)| at)
        };
        for unit in ["a", "é", "中", "𝐀", "a中", "éa𝐀", "Жa中ب "] {
            for extra in [0, 1, 2, 3, 63, 64, 65, 200] {
                let n = DETECT_CHARS + extra;
                let t: String = unit.chars().cycle().take(n).collect();
                let mut shorter = t.clone();
                shorter.pop();
                for t in [t.clone(), format!("x{t}"), shorter] {
                    assert_eq!(head(&t).len(), by_decoding(&t), "{unit:?} + {extra}");
                }
            }
        }
        assert_eq!(head("short"), "short");
    }

    /// Every string of up to `most` characters of `alphabet` (the empty
    /// one first): the inputs of the exhaustive tests of text passes.
    pub(crate) fn every_string(alphabet: &[char], most: usize) -> Vec<String> {
        let mut all = vec![String::new()];
        let mut level = vec![String::new()];
        for _ in 0..most {
            level = level
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            all.extend(level.iter().cloned());
        }
        all
    }

    /// Total labels open or end with a total word, as a whole word where
    /// the script spaces its words.
    #[test]
    fn total_labels_are_whole_words_at_either_end() {
        let yes = [
            (Lang::En, "Subtotal"),
            (Lang::En, " Expenditure sections total "),
            (Lang::En, "Total, all sections"),
            (Lang::Fr, "Total partiel"),
            (Lang::Es, "Subtotal"),
            (Lang::Ru, "Итого по разделам"),
            (Lang::Zh, "小计"),
            (Lang::Zh, "支出部分共计"),
            (Lang::Ar, "المجموع الفرعي"),
        ];
        for (lang, label) in yes {
            assert!(is_total_label(lang, label), "{lang:?} {label}");
        }
        let no = [
            (Lang::En, "Totalitarian regimes"),
            (Lang::En, "The total of posts rose"),
            (Lang::En, "P-2/1"),
            (Lang::En, ""),
            (Lang::Fr, "Totaux"),
            (Lang::Ru, "Прочие"),
            (Lang::Zh, "其他"),
        ];
        for (lang, label) in no {
            assert!(!is_total_label(lang, label), "{lang:?} {label}");
        }
    }

    #[test]
    fn lower_borrows_only_what_to_lowercase_leaves_alone() {
        for w in [
            "recalling",
            "Recalling",
            "ǅemal",
            "ΣΟΦΊΑ",
            "大会",
            "ﬁrst",
            "İstanbul",
            "",
        ] {
            let l = lower(w);
            assert_eq!(l, w.to_lowercase(), "{w}");
            assert_eq!(matches!(l, Cow::Borrowed(_)), w.to_lowercase() == w, "{w}");
        }
    }

    /// One line of each kind, as each language prints it: (annex label,
    /// agenda-item line and its items, heading label, sub-paragraphs, a
    /// preambular and an operative paragraph).
    struct Own {
        annex: &'static str,
        agenda: (&'static str, &'static [&'static str]),
        heading: &'static str,
        subs: &'static [&'static str],
        preamble: &'static str,
        operative: &'static str,
    }

    fn own(lang: Lang) -> Own {
        match lang {
            Lang::En => Own {
                annex: "Annex II",
                agenda: ("Agenda items 13 and 75 (a)", &["13", "75 (a)"]),
                heading: "Section 21",
                subs: &["(a) Scale up", "(iv) text"],
                preamble: "Deeply concerned about",
                operative: "Strongly condemns all acts",
            },
            Lang::Fr => Own {
                annex: "Annexe",
                agenda: ("Points 12 et 118 de l'ordre du jour", &["12", "118"]),
                heading: "Partie V",
                subs: &["(a) Renforcer", "a) Renforcer", "ii) les"],
                preamble: "Rappelant sa résolution",
                operative: "Prie le Secrétaire général",
            },
            Lang::Es => Own {
                annex: "Anexo II",
                agenda: ("Tema 69 del programa", &["69"]),
                heading: "Sección 3",
                subs: &["(a) Fortalecer", "b) Fortalecer", "iii) las"],
                preamble: "Reconociendo la importancia",
                operative: "Solicita al Secretario General",
            },
            Lang::Ru => Own {
                annex: "Приложение",
                agenda: ("Пункты 12 и 118 повестки дня", &["12", "118"]),
                heading: "Раздел IV",
                subs: &["(a) укреплять", "(ii) обеспечивать"],
                preamble: "вновь подтверждая свои резолюции",
                operative: "просит Генерального секретаря",
            },
            Lang::Ar => Own {
                annex: "المرفق الأول",
                agenda: ("البندان 12 و 118 من جدول الأعمال", &["12", "118"]),
                heading: "الفرع ألف",
                subs: &["(a) تعزيز", "(ii) كفالة"],
                preamble: "وإذ تؤكد من جديد",
                operative: "تطلب إلى الأمين العام",
            },
            Lang::Zh => Own {
                annex: "附件",
                agenda: ("议程项目69", &["69"]),
                heading: "第一部分",
                subs: &["(a) 加强", "（b） 加强"],
                preamble: "回顾其 1991 年 12 月 18 日",
                operative: "请秘书长",
            },
        }
    }

    /// The fast [`fold`] (runs copied, only possible lead bytes decoded)
    /// folds every character as [`fold_char`] does, alone and amid text.
    #[test]
    fn fold_agrees_with_fold_char_on_every_character() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let text = format!("a{c}\u{4e2d}{c}");
            let want: String = text.chars().map(fold_char).collect();
            assert_eq!(fold(&text), want, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn every_profile_recognises_its_own_conventions() {
        for lang in Lang::ALL {
            let (p, o) = (profile(lang), own(lang));
            assert_eq!(p.lang, lang);
            assert!(p.annex_label(o.annex), "{lang:?} annex {}", o.annex);
            let items = p.agenda_items(o.agenda.0);
            assert_eq!(
                items.as_deref(),
                Some(&o.agenda.1.iter().map(|s| s.to_string()).collect::<Vec<_>>()[..]),
                "{lang:?} agenda"
            );
            assert!(p.heading_label(o.heading), "{lang:?} heading {}", o.heading);
            for s in o.subs {
                assert!(p.sub_label(s).is_some(), "{lang:?} sub-paragraph {s}");
            }
            assert!(p.preamble_opener(o.preamble), "{lang:?} preamble");
            assert!(!p.operative_opener(o.preamble), "{lang:?} preamble");
            assert!(p.operative_opener(o.operative), "{lang:?} operative");
            assert!(!p.preamble_opener(o.operative), "{lang:?} operative");
            assert!(!p.annex_label(o.preamble) && !p.heading_label(o.operative));
        }
    }

    #[test]
    fn every_profile_has_its_data() {
        for lang in Lang::ALL {
            let p = profile(lang);
            assert!(!p.formulas.general_assembly.is_empty(), "{lang:?}");
            assert!(!p.formulas.security_council.is_empty(), "{lang:?}");
            assert!(
                !p.formulas.economic_and_social_council.is_empty(),
                "{lang:?}"
            );
            assert!(
                !p.adopted.is_empty() && !p.operative_num.is_empty(),
                "{lang:?}"
            );
            assert!(
                !p.and_words.is_empty() && !p.sub_styles.is_empty(),
                "{lang:?}"
            );
            assert!(!p.detection_words.is_empty() && !p.quotation_marks.is_empty());
            assert!(!p.outline.preamble.is_empty() && !p.outline.operative.is_empty());
            // Every pattern compiles.
            assert!(p.compile_all().len() >= 9, "{lang:?}");
        }
    }

    #[test]
    fn french_and_spanish_sub_paragraphs_without_an_opening_parenthesis() {
        let fr = profile(Lang::Fr);
        assert_eq!(fr.sub_label("a) Renforcer"), Some(("a)".into(), 3)));
        assert_eq!(fr.sub_label("iv) les"), Some(("iv)".into(), 4)));
        assert_eq!(fr.sub_label("(b) les"), Some(("(b)".into(), 4)));
        assert_eq!(fr.sub_label("1) les"), None);
        assert_eq!(fr.sub_label("ab) les"), None);
        assert_eq!(
            profile(Lang::Es).sub_label("c) las"),
            Some(("c)".into(), 3))
        );
        assert_eq!(profile(Lang::En).sub_label("a) text"), None);
    }

    #[test]
    fn sub_paragraph_styles_of_arabic_chinese_and_russian() {
        let (ar, zh, ru) = (profile(Lang::Ar), profile(Lang::Zh), profile(Lang::Ru));
        assert_eq!(ar.sub_label("(أ) تعزيز"), Some(("(أ)".into(), 5)));
        assert_eq!(ar.sub_label("’2‘ جمع"), Some(("’2‘".into(), 8)));
        assert_eq!((ar.sub_depth("(ب)"), ar.sub_depth("’1‘")), (1, 2));
        assert_eq!(zh.sub_label("㈠ 人人"), Some(("㈠".into(), 4)));
        assert_eq!(zh.sub_label("㈡按性别").map(|l| l.1), Some(3));
        assert_eq!((zh.sub_depth("(a)"), zh.sub_depth("㈠")), (0, 2));
        assert_eq!(ru.sub_label("b) содействовать"), Some(("b)".into(), 3)));
        assert_eq!(ar.sub_label("(الف) x"), None);
    }

    #[test]
    fn part_labels_stand_alone() {
        for (lang, yes) in [
            (Lang::Fr, "II"),
            (Lang::Es, "B"),
            (Lang::Ru, "I"),
            (Lang::Ar, "ثانيا"),
            (Lang::Zh, "二"),
            (Lang::En, "IV"),
        ] {
            let p = profile(lang);
            assert!(p.part_label(yes), "{lang:?} {yes}");
            assert!(!p.part_label("II Titre") && !p.part_label("1."), "{lang:?}");
        }
        assert!(!profile(Lang::En).part_label("A"));
    }

    #[test]
    fn number_and_unit_words_of_fr_es_ru_ar() {
        assert!(profile(Lang::Fr).number_word("résolution"));
        assert!(profile(Lang::Es).number_word("párr."));
        assert!(profile(Lang::Ru).number_word("резолюции"));
        assert!(profile(Lang::Ar).number_word("القرار"));
        assert!(profile(Lang::Ar).number_word("وبالقرار"));
        assert!(profile(Lang::Fr).unit_word("ans") && profile(Lang::Ru).unit_word("годы"));
        assert!(!profile(Lang::Fr).number_word("Déclaration"));
    }

    #[test]
    fn distribution_dates_printed_in_english() {
        let d = profile(Lang::Ru).distribution_date("28 December 2023");
        assert_eq!(d.map(|d| d.to_string()).as_deref(), Some("2023-12-28"));
        assert!(profile(Lang::Fr)
            .distribution_date("28 December 2023")
            .is_none());
    }

    #[test]
    fn operative_numbers() {
        let (en, zh) = (profile(Lang::En), profile(Lang::Zh));
        assert_eq!(zh.operative_num("1. 赞赏"), Some(("1.".into(), 3)));
        assert_eq!(en.operative_num("23.  Requests"), Some(("23.".into(), 5)));
        assert_eq!(zh.operative_num("59/159. 加强"), None);
        assert_eq!(en.operative_num("1.5 million"), None);
        assert_eq!(en.operative_num("1234. text"), None);
        assert_eq!(zh.operative_num("2004 年"), None);
    }

    #[test]
    fn sub_labels() {
        let en = profile(Lang::En);
        assert_eq!(en.sub_label("(a)  Scale up"), Some(("(a)".into(), 5)));
        assert_eq!(en.sub_label("(iv) text"), Some(("(iv)".into(), 5)));
        assert_eq!(en.sub_label("(b)"), Some(("(b)".into(), 3)));
        assert_eq!(en.sub_label("(12) text"), Some(("(12)".into(), 5)));
        assert_eq!(en.sub_label("(Plurinational State of)"), None);
        assert_eq!(en.sub_label("(ab) x"), None);
        assert_eq!(en.sub_label("(a)b"), None);
        assert!(is_roman_label("(iv)") && !is_roman_label("(b)") && is_roman_label("ii)"));
    }

    #[test]
    fn detects_script() {
        assert_eq!(detect("大会，回顾"), Lang::Zh);
        assert_eq!(detect("The General Assembly,"), Lang::En);
        assert_eq!(detect("Генеральная Ассамблея,"), Lang::Ru);
        assert_eq!(detect("إن الجمعية العامة،"), Lang::Ar);
        assert_eq!(detect("La Asamblea General,"), Lang::Es);
        assert_eq!(detect("L'Assemblée générale,"), Lang::Fr);
    }

    #[test]
    fn detects_latin_languages_from_words_without_a_formula() {
        assert_eq!(
            detect("Prend note des rapports du Secrétaire général et les"),
            Lang::Fr
        );
        assert_eq!(
            detect("Toma nota de los informes del Secretario General y las"),
            Lang::Es
        );
        assert_eq!(
            detect("Takes note of the reports of the Secretary-General"),
            Lang::En
        );
        assert_eq!(detect("x\n  Le Conseil de sécurité, \n"), Lang::Fr);
    }

    #[test]
    fn digit_folding_keeps_one_character_for_one() {
        assert_eq!(fold("٥٩/١٥٩"), "59/159");
        assert_eq!(fold("۷۴"), "74");
        let zh = profile(Lang::Zh);
        let t = zh.title_num("５９/１５９．加强").unwrap();
        assert_eq!((t.session, t.number), (59, 159));
        assert_eq!(&"５９/１５９．加强"[t.title_at..], "加强");
        assert!(zh.title_num("59/159 加强").is_none());
    }

    #[test]
    fn reports_and_paragraphs() {
        let c = profile(Lang::Ar)
            .committee_line("[بناء على تقرير اللجنة الخامسة (A/78/650، الفقرة 12)]")
            .unwrap();
        assert_eq!(c.reports, vec!["A/78/650".to_string()]);
        assert_eq!(c.report_paragraph.as_deref(), Some("الفقرة 12"));
    }

    #[test]
    fn width_folding() {
        assert_eq!(fold_width("１３７３（２００１）"), "1373(2001)");
        assert!(is_wide('，') && is_wide('大') && !is_wide('a') && !is_wide('1'));
    }

    #[test]
    fn security_council_titles_in_each_language() {
        let titles = [
            (Lang::En, "Resolution 1454 (2002)"),
            (Lang::Fr, "Résolution 1454 (2002)"),
            (Lang::Es, "Resolución 1454 (2002)"),
            (Lang::Ru, "Резолюция 1454 (2002)"),
            (Lang::Ar, "القرار 1454 (2002)"),
            (Lang::Zh, "第1454(2002)号决议"),
        ];
        for (lang, t) in titles {
            let (n, y, at) = profile(lang).sc_title(t).unwrap_or_else(|| panic!("{t}"));
            assert_eq!((n, y, at), (1454, 2002, t.len()), "{lang:?}");
        }
    }

    #[test]
    fn masthead_lines_in_each_language() {
        let zh = profile(Lang::Zh);
        assert_eq!(zh.agenda_items("议程项目12和118").unwrap(), ["12", "118"]);
        let en = profile(Lang::En);
        assert_eq!(en.agenda_items("Agenda item 107").unwrap(), ["107"]);
        assert!(en.agenda_items("The agenda item 107").is_none());
        assert!(profile(Lang::Fr).distribution_line("Distr. générale"));
        assert!(
            en.page_furniture("PAGE 3 of 3") && !profile(Lang::Fr).page_furniture("PAGE 3 of 3")
        );
        assert!(en.runs_on("Economic and social development and") && !en.runs_on("and"));
    }

    #[test]
    fn outline_labels_come_from_the_profile() {
        assert_eq!(outline_labels(Lang::Fr).operative, "Dispositif");
        assert_eq!(outline_labels(Lang::Zh).preamble, "序言");
    }
}
