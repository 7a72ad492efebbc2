//! The one generic matcher: each question the reader asks a [`Profile`]
//! answered from the profile's data. Patterns match a folded copy of the
//! text ([`fold`]), one character for one, so what they capture maps back
//! to the text as printed.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;
use std::sync::OnceLock;

use regex::{Captures, Regex, RegexSet};

use super::first_bytes::FirstBytes;
use super::{
    fold, fold_char, fold_width, is_bidi_control, is_wide, lower, offset_in_original, Adopted,
    CommitteeLine, Leads, Pattern, Profile, TitleNum, Words,
};
use crate::ir::{Body, Date, Lang};

/// What each profile's data is made into once, in the order of
/// [`Lang::ALL`]: every question reads it, none remakes it.
static DERIVED: [OnceLock<Derived>; 6] = [const { OnceLock::new() }; 6];

/// A profile's data in the forms the questions use.
struct Derived {
    /// The patterns compiled, each beside its identity ([`key`]): a
    /// profile has a score of them, so a scan by identity beats hashing.
    patterns: Compiled,
    /// The questions a line standing alone is asked, in one set asked
    /// once per text ([`Standalone`]): the date pattern anchored at both
    /// ends (a line it does not match holds no date that spans it), the
    /// meeting, annex, heading and part patterns.
    standalone: RegexSet,
    /// The bytes the folded text of a line can open with for each
    /// anchored question to be worth a search ([`FirstBytes`]).
    gates: Gates,
    /// The formulas as compared.
    formulas: FormulaKeys,
    /// The preambular and the operative lead phrases by first word.
    leads: [LeadIndex; 2],
    /// The preambular and the operative lead words, in sets.
    lead_words: [LeadWords; 2],
}

/// A [`Leads`]' words in a set, for lookup rather than a scan per
/// question (a Han paragraph asks for each of its first few prefixes).
struct LeadWords {
    words: foldhash::HashSet<&'static str>,
    /// The characters the words open with, sorted: a word opening with
    /// another is none, nor is any of its prefixes (most lines).
    firsts: Vec<char>,
    /// The most characters a word has.
    longest: usize,
}

impl LeadWords {
    fn of(leads: &Leads) -> LeadWords {
        let words: foldhash::HashSet<&'static str> = leads.words.iter().copied().collect();
        let longest = words.iter().map(|w| w.chars().count()).max().unwrap_or(0);
        let firsts = first_chars(words.iter().map(|w| w.chars().next()))
            .into_iter()
            .flatten()
            .collect();
        LeadWords {
            words,
            firsts,
            longest,
        }
    }

    /// Whether `word` (lower case) is one of the words, or, for a word
    /// ending in a wide character (a script without spaces), starts with
    /// it.
    fn has(&self, word: &str) -> bool {
        let opens = word.chars().next();
        if opens.is_some_and(|c| self.firsts.binary_search(&c).is_err()) {
            return false;
        }
        if self.words.contains(word) {
            return true;
        }
        word.char_indices()
            .skip(1)
            .take(self.longest)
            .any(|(end, _)| {
                let prefix = &word[..end];
                prefix.chars().next_back().is_some_and(is_wide) && self.words.contains(prefix)
            })
    }
}

/// For the questions every line is asked, the bytes an answer of yes can
/// open with.
struct Gates {
    /// The whole-line set ([`Derived::standalone`]).
    standalone: FirstBytes,
    operative_num: FirstBytes,
    page_furniture: FirstBytes,
}

/// A profile's patterns compiled, each beside its identity ([`key`]).
type Compiled = Vec<((usize, usize), Regex)>;

/// Lead phrases by their first word: looked up by a hash of the word, not
/// searched (every line and paragraph asks).
struct LeadIndex {
    /// The phrases by first word, the longest of each word first.
    phrases: Vec<&'static str>,
    /// Where each first word's phrases lie in `phrases`.
    by_word: foldhash::HashMap<&'static str, Range<usize>>,
    /// The characters the first words open with, sorted (`None` if a
    /// phrase's first word is empty): a text opening with another opens
    /// no phrase, and its first word is neither read nor looked up.
    firsts: Option<Vec<char>>,
}

/// Where a pattern's source lies: its identity among a profile's patterns.
fn key(p: &Pattern) -> (usize, usize) {
    (p.0.as_ptr() as usize, p.0.len())
}

impl Profile {
    /// The profile's place in [`Lang::ALL`]: where its compiled data is kept.
    fn slot(&self) -> usize {
        Lang::ALL.iter().position(|&l| l == self.lang).unwrap_or(0)
    }

    /// The profile's derived data, made on first use.
    fn derived(&self) -> &'static Derived {
        DERIVED[self.slot()].get_or_init(|| Derived {
            patterns: self.compile_all(),
            standalone: RegexSet::new(self.standalone_sources())
                .unwrap_or_else(|e| panic!("{:?} patterns: {e}", self.lang)),
            gates: self.gates(),
            formulas: self.formula_keys(),
            leads: [self.lead_index(false), self.lead_index(true)],
            lead_words: [
                LeadWords::of(&self.preamble_leads),
                LeadWords::of(&self.operative_leads),
            ],
        })
    }

    /// The compiled form of one of this profile's patterns.
    fn re(&self, p: &Pattern) -> &'static Regex {
        let k = key(p);
        self.derived()
            .patterns
            .iter()
            .find(|(at, _)| *at == k)
            .map(|(_, re)| re)
            .expect("every pattern of a profile is compiled")
    }

    /// Every pattern of the profile, compiled, by where its source lies.
    pub(super) fn compile_all(&self) -> Compiled {
        let mut all = vec![
            &self.date,
            &self.meeting,
            &self.committee,
            &self.no_committee,
            &self.agenda_item,
            &self.title_num,
            &self.sc_title,
            &self.annex_label,
            &self.heading_label,
            &self.part_label,
        ];
        all.extend(self.adopted.iter().map(|(_, p)| p));
        all.extend(self.operative_num);
        all.extend(self.page_furniture);
        all.into_iter().map(|p| (key(p), self.compile(p))).collect()
    }

    /// One pattern with `{DATE}` and `{ORD}` filled in.
    fn compile(&self, p: &Pattern) -> Regex {
        self.compile_source(p.0)
    }

    /// [`Profile::compile`] of a pattern's source.
    fn compile_source(&self, source: &str) -> Regex {
        Regex::new(&self.expand(source))
            .unwrap_or_else(|e| panic!("{:?} pattern {source}: {e}", self.lang))
    }

    /// A pattern's source with the profile's parts put in.
    fn expand(&self, source: &str) -> String {
        source
            .replace("{DATE}", self.date.0)
            .replace("{ORD}", self.ordinal)
    }

    /// The gates of [`Gates`], from the same sources as the patterns.
    fn gates(&self) -> Gates {
        let expanded =
            |ps: &[Pattern]| -> Vec<String> { ps.iter().map(|p| self.expand(p.0)).collect() };
        let of = |sources: &[String]| {
            FirstBytes::of(&sources.iter().map(String::as_str).collect::<Vec<_>>())
        };
        Gates {
            standalone: of(&self.standalone_sources()),
            operative_num: of(&expanded(self.operative_num)),
            page_furniture: of(&expanded(self.page_furniture)),
        }
    }

    /// The whole-line questions' patterns, in the order of [`Standalone`].
    fn standalone_sources(&self) -> [String; 5] {
        let whole_date = format!("^(?:{})$", self.date.0);
        let sources = [
            whole_date.as_str(),
            self.meeting.0,
            self.annex_label.0,
            self.heading_label.0,
            self.part_label.0,
        ]
        .map(|s| self.expand(s));
        sources
    }

    /// If `para` is an enacting formula ("大会，"), the organ it names.
    pub fn formula(&self, para: &str) -> Option<Body> {
        let known = &self.derived().formulas;
        // A paragraph whose first character, as compared, opens no formula
        // is none (most lines: the cheapest test first).
        let first = para.chars().map(fold_char).find(|c| !c.is_whitespace());
        if !known.keys.iter().any(|(_, k)| k.first == first) {
            return None;
        }
        // Nor is one longer than every formula (spaces aside, and the
        // closing punctuation): their keys are not made.
        let visible = para
            .chars()
            .filter(|c| !c.is_whitespace())
            .take(known.longest + 4);
        if visible.count() > known.longest + 3 {
            return None;
        }
        let key = FormulaKey::of(&formula_key(para));
        known
            .keys
            .iter()
            .find(|(_, form)| *form == key)
            .map(|(body, _)| *body)
    }

    /// Every formula of the profile as compared ([`FormulaKey`]), in the
    /// order of the organs, and the longest.
    fn formula_keys(&self) -> FormulaKeys {
        let f = &self.formulas;
        let organs = [
            (Body::GeneralAssembly, f.general_assembly),
            (Body::SecurityCouncil, f.security_council),
            (
                Body::EconomicAndSocialCouncil,
                f.economic_and_social_council,
            ),
        ];
        let forms = || {
            organs
                .iter()
                .flat_map(|(b, forms)| forms.iter().map(move |f| (*b, f)))
        };
        FormulaKeys {
            longest: forms()
                .map(|(_, form)| form.chars().filter(|c| !c.is_whitespace()).count())
                .max()
                .unwrap_or(0),
            keys: forms()
                .map(|(body, form)| (body, FormulaKey::of(&formula_key(form))))
                .collect(),
        }
    }

    /// If `line` is a committee / adoption-basis line of the preface, its parts.
    pub fn committee_line(&self, line: &str) -> Option<CommitteeLine> {
        let line = collapse(line);
        let f = fold(&line);
        if let Some(c) = matched(self.re(&self.committee), &f) {
            let (reports, report_paragraph) = self.split_refs(group(&line, &f, &c, "r")?);
            return Some(CommitteeLine {
                committee: Some(group(&line, &f, &c, "c")?.to_string()),
                reports,
                report_paragraph,
                draft: None,
            });
        }
        let c = matched(self.re(&self.no_committee), &f)?;
        let (mut symbols, report_paragraph) = self.split_refs(group(&line, &f, &c, "r")?);
        // "(A/73/L.6 and A/73/L.6/Add.1)": the draft and its addendum;
        // "(A/79/995, para. 45)": a report cited without a committee.
        let draft = if symbols.first().is_some_and(|d| d.contains("/L.")) {
            Some(symbols.remove(0))
        } else {
            None
        };
        Some(CommitteeLine {
            committee: None,
            reports: symbols,
            report_paragraph,
            draft,
        })
    }

    /// "A/78/482, para. 29" → (["A/78/482"], Some("para. 29")): pieces
    /// holding a slash are document symbols, the rest the report paragraph.
    fn split_refs(&self, s: &str) -> (Vec<String>, Option<String>) {
        let mut symbols = Vec::new();
        let mut para = None;
        for part in s.split([',', '\u{ff0c}', ';', '\u{ff1b}', '\u{060c}', '\u{061b}']) {
            let p = part.trim_matches(|c: char| c.is_whitespace() || is_bidi_control(c));
            if p.contains('/') {
                symbols.extend(self.split_symbols(p));
            } else if !p.is_empty() {
                para = Some(p.to_string());
            }
        }
        (symbols, para)
    }

    /// "A/73/L.6 and A/73/L.6/Add.1" → both symbols, in ASCII; "A/59/L.50
    /// et Add.1" stays one (its second part is no symbol).
    fn split_symbols(&self, p: &str) -> Vec<String> {
        let mut pieces = vec![p];
        for and in self.and_words {
            pieces = pieces.into_iter().flat_map(|x| x.split(and)).collect();
        }
        if !pieces.iter().all(|x| x.contains('/')) {
            pieces = vec![p];
        }
        pieces
            .iter()
            .map(|x| fold_width(x.trim()))
            .map(|x| super::fold_digits(&x))
            .collect()
    }

    /// If `text` is exactly a date as printed, that date.
    pub fn date(&self, text: &str) -> Option<Date> {
        self.ask(text).date()
    }

    /// The first date written anywhere in `text`.
    pub fn date_in(&self, text: &str) -> Option<Date> {
        let f = fold_collapsed(text);
        self.re(&self.date)
            .captures_iter(&f)
            .find_map(|c| self.date_of(&c))
    }

    /// The date captured by groups `d`, `m`, `y`, checked.
    fn date_of(&self, c: &Captures<'_>) -> Option<Date> {
        let (d, m, y) = (c.name("d")?, c.name("m")?, c.name("y")?);
        let month = self.month(m.as_str())?;
        Date::new(y.as_str().parse().ok()?, month, d.as_str().parse().ok()?)
    }

    /// A month by number or name; "كانون الأول/ديسمبر" prints two names,
    /// which must agree.
    fn month(&self, printed: &str) -> Option<u32> {
        let bare: String = printed
            .chars()
            .filter(|c| !matches!(c, '\u{064b}'..='\u{0652}' | '\u{0640}'))
            .collect::<String>()
            .to_lowercase();
        let mut found = None;
        for name in bare.split('/') {
            let name = collapse(name);
            let m = match name.parse::<u32>() {
                Ok(n) => n,
                Err(_) => {
                    self.months
                        .iter()
                        .position(|ns| ns.contains(&name.as_ref()))? as u32
                        + 1
                }
            };
            if found.is_some_and(|f| f != m) {
                return None;
            }
            found = Some(m);
        }
        found
    }

    /// If `text` is exactly a meeting line as printed, the meeting number.
    pub fn meeting(&self, text: &str) -> Option<u32> {
        self.ask(text).meeting()
    }

    /// If `line` is an "adopted" line (masthead or Security Council), what
    /// it says.
    pub fn adopted(&self, line: &str) -> Option<Adopted> {
        self.adopted_in(&fold_collapsed(line))
    }

    /// [`Profile::adopted`] of a line folded and collapsed already.
    fn adopted_in(&self, f: &str) -> Option<Adopted> {
        self.adopted.iter().find_map(|(body, p)| {
            let c = matched(self.re(p), f)?;
            let date = match c.name("d") {
                Some(_) => self.date_of(&c),
                None if c.name("y").is_none() => self.date_in(f),
                None => None,
            };
            Some(Adopted {
                body: *body,
                date,
                meeting: c.name("n").and_then(|n| n.as_str().parse().ok()),
            })
        })
    }

    /// If `text` is the masthead's agenda-item line ("Agenda items 12 and
    /// 118"), the item numbers.
    pub fn agenda_items(&self, text: &str) -> Option<Vec<String>> {
        let f = fold(text);
        let c = matched(self.re(&self.agenda_item), &f)?;
        let mut items = vec![group(text, &f, &c, "items")?.to_string()];
        for and in self.and_words {
            items = items
                .iter()
                .flat_map(|x| x.split(and))
                .map(str::to_string)
                .collect();
        }
        Some(
            items
                .iter()
                .flat_map(|p| p.split([',', '\u{ff0c}', '\u{060c}']))
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect(),
        )
    }

    /// Whether a masthead line carries the distribution ("Distr.: General").
    pub fn distribution_line(&self, text: &str) -> bool {
        text.contains(self.distribution)
    }

    /// The first date written in a masthead line near the distribution,
    /// in this language or in one the masthead may print it in.
    pub fn distribution_date(&self, text: &str) -> Option<Date> {
        self.date_in(text).or_else(|| {
            self.distribution_date_langs
                .iter()
                .find_map(|&l| super::profile(l).date_in(text))
        })
    }

    /// If `text` starts with an operative paragraph number, the number as
    /// printed ("1.") and the byte offset where the paragraph text starts.
    pub fn operative_num(&self, text: &str) -> Option<(String, usize)> {
        self.ask(text).operative_num()
    }

    /// If `text` opens with the resolution's number ("59/159. Title"), the
    /// number and where the title starts.
    pub fn title_num(&self, text: &str) -> Option<TitleNum> {
        let f = fold(text);
        let c = matched(self.re(&self.title_num), &f)?;
        Some(TitleNum {
            session: c["s"].parse().ok()?,
            number: c["n"].parse().ok()?,
            title_at: offset_in_original(text, &f, c.get(0)?.end()),
        })
    }

    /// If `text` starts with a Security Council resolution number
    /// ("Resolution 1454 (2002)"), the number, the year and where the rest
    /// of the line starts.
    pub fn sc_title(&self, text: &str) -> Option<(u32, u32, usize)> {
        let f = fold(text);
        let c = matched(self.re(&self.sc_title), &f)?;
        let at = offset_in_original(text, &f, c.get(0)?.end());
        Some((c["n"].parse().ok()?, c["y"].parse().ok()?, at))
    }

    /// Whether `text` is an annex heading ("Annex", "Annex II", "附件").
    pub fn annex_label(&self, text: &str) -> bool {
        self.ask(text).annex_label()
    }

    /// Whether `text` is a heading label standing alone ("Section 21",
    /// "Part V", "Article 3"), whose title follows on the next line.
    pub fn heading_label(&self, text: &str) -> bool {
        self.ask(text).heading_label()
    }

    /// Whether `text` is a part or section number standing alone ("II",
    /// "B", "ثانيا"), whose title follows on the next line.
    pub fn part_label(&self, text: &str) -> bool {
        self.ask(text).part_label()
    }

    /// Whether a page line in words ("PAGE 3 of 3") is furniture.
    pub fn page_furniture(&self, text: &str) -> bool {
        self.ask(text).page_furniture()
    }

    /// "(a)" / "(iv)" / "a) text" → the label and where the text starts, in
    /// any of the language's sub-paragraph styles.
    pub fn sub_label(&self, text: &str) -> Option<(String, usize)> {
        self.sub_styles.iter().find_map(|s| s.label(text))
    }

    /// The level a sub-paragraph label stands at, when its style says
    /// (1 for "(أ)", 2 for "’1‘" and "㈠"); 0 when the label itself tells
    /// ("(i)" roman, "(a)" a letter).
    pub fn sub_depth(&self, label: &str) -> u8 {
        self.sub_styles
            .iter()
            .find(|s| s.label(label).is_some_and(|(l, _)| l == label))
            .map_or(0, |s| s.depth)
    }

    /// Whether `text` opens a preambular paragraph ("Recalling …",
    /// "Deeply concerned …"): used to split paragraphs an extractor ran
    /// together.
    pub fn preamble_opener(&self, text: &str) -> bool {
        self.ask(text).preamble_opener()
    }

    /// The length in bytes of the longest lead phrase `text` opens with
    /// (of operative paragraphs when `operative`, else preambular), the
    /// phrase ending where a word does.
    pub fn lead_phrase(&self, text: &str, operative: bool) -> Option<usize> {
        // Only phrases whose first word is the text's first word can open
        // it: the phrases are looked up by that word, not all compared.
        let index = &self.derived().leads[usize::from(operative)];
        if let (Some(firsts), Some(c)) = (&index.firsts, text.chars().next()) {
            if firsts.binary_search(&c).is_err() {
                return None;
            }
        }
        let of_word = index.by_word.get(first_word(text))?;
        index.phrases[of_word.clone()]
            .iter()
            .find(|p| opens_with_phrase(text, p))
            .map(|p| p.len())
    }

    /// The lead phrases of one kind sorted by their first word.
    fn lead_index(&self, operative: bool) -> LeadIndex {
        let phrases = if operative {
            self.lead_phrases.operative
        } else {
            self.lead_phrases.preamble
        };
        let mut sorted: Vec<_> = phrases.iter().map(|p| (first_word(p), *p)).collect();
        // By first word, then longest first: the first phrase that opens
        // a text is the longest that does.
        sorted.sort_unstable_by(|a, b| {
            a.0.cmp(b.0)
                .then(b.1.len().cmp(&a.1.len()))
                .then(a.1.cmp(b.1))
        });
        let mut by_word: foldhash::HashMap<&'static str, Range<usize>> = Default::default();
        for (k, (word, _)) in sorted.iter().enumerate() {
            by_word.entry(word).or_insert(k..k).end = k + 1;
        }
        // A phrase whose first word is empty could open any text: then no
        // character refuses one.
        let firsts = first_chars(sorted.iter().map(|(w, _)| w.chars().next()))
            .into_iter()
            .collect::<Option<Vec<char>>>();
        LeadIndex {
            phrases: sorted.into_iter().map(|(_, p)| p).collect(),
            by_word,
            firsts,
        }
    }

    /// Whether the leads of paragraphs open with a capital ("Recalling",
    /// "Rappelant"), so that one at a line start is a sign of a new
    /// paragraph even where lower case does not mark a line running on.
    pub fn leads_capitalised(&self) -> bool {
        self.preamble_leads.capital && self.operative_leads.capital
    }

    /// Whether `text` opens an operative paragraph ("Adopts …",
    /// "Decides …"): ends the preamble where paragraphs are unnumbered.
    pub fn operative_opener(&self, text: &str) -> bool {
        self.ask(text).operative_opener()
    }

    /// Whether a number after `word` is part of the text ("paragraph 2"),
    /// so never a footnote citation.
    pub fn number_word(&self, word: &str) -> bool {
        self.is_word(&self.number_words, word.trim_end_matches(['.', ',']))
    }

    /// Whether `word` takes a symbol, not a bare number ([`Profile::symbol_words`]).
    pub fn symbol_word(&self, word: &str) -> bool {
        self.is_word(&self.symbol_words, word.trim_end_matches(['.', ',']))
    }

    /// Whether a number before `word` is a quantity or date ("3 years",
    /// "2 December"), so never a footnote citation.
    pub fn unit_word(&self, word: &str) -> bool {
        self.is_word(
            &self.unit_words,
            word.trim_end_matches(['.', ',', ';', ':', ')']),
        )
    }

    /// A word of `list` or a month name.
    fn is_word(&self, list: &Words, word: &str) -> bool {
        let w = fold(word).to_lowercase();
        let month_case = !self.months_capitalised || word.starts_with(char::is_uppercase);
        list.whole.contains(&w.as_str())
            || (month_case && self.months.iter().any(|m| m.contains(&w.as_str())))
            || list.prefixes.iter().any(|p| w.starts_with(p))
            || list.suffixes.iter().any(|s| w.ends_with(s))
    }

    /// Whether the script has letter case, so that a line starting in
    /// lower case continues the sentence before it.
    pub fn lowercase_continues(&self) -> bool {
        self.lowercase_continues
    }

    /// Whether `text` ends on a word that runs on ("… and"): no heading.
    pub fn runs_on(&self, text: &str) -> bool {
        let last = text.rsplit(' ').next().unwrap_or("");
        text.len() > last.len() && self.run_on_words.contains(&last)
    }

    /// Quotation marks as (opening, closing), outer level first.
    pub fn quotation_marks(&self) -> &'static [(&'static str, &'static str)] {
        self.quotation_marks
    }
}

/// The longest text, in bytes, that a whole-line question (a date, a
/// meeting, an annex, heading or part label, an adoption line) is asked
/// of: several times the longest such line printed in any language.
const LINE_MAX: usize = 512;

/// One text asked several questions ([`Profile::ask`]): its folded forms
/// are made once, however many patterns look at it (a line of the reader
/// is asked a dozen).
pub struct Asked<'p, 'a> {
    profile: &'p Profile,
    text: &'a str,
    folded: OnceCell<Cow<'a, str>>,
    /// `None` when collapsing changes nothing: then it is `folded`.
    collapsed: OnceCell<Option<Cow<'a, str>>>,
    preamble_opener: OnceCell<bool>,
    /// Which whole-line questions the text answers yes to, by
    /// [`Standalone`].
    standalone: OnceCell<[bool; 5]>,
}

/// The whole-line questions, in the order of [`Derived::standalone`].
#[derive(Clone, Copy)]
enum Standalone {
    Date,
    Meeting,
    Annex,
    Heading,
    Part,
}

impl Profile {
    /// `text`, ready to be asked what it is.
    pub fn ask<'a>(&self, text: &'a str) -> Asked<'_, 'a> {
        Asked {
            profile: self,
            text,
            folded: OnceCell::new(),
            collapsed: OnceCell::new(),
            preamble_opener: OnceCell::new(),
            standalone: OnceCell::new(),
        }
    }
}

impl Asked<'_, '_> {
    /// Whether the folded text may open with what `gate` lets through: its
    /// first character folded, without folding the rest.
    fn may_open(&self, gate: &FirstBytes) -> bool {
        self.text
            .chars()
            .next()
            .is_none_or(|c| gate.may_open_with(fold_char(c)))
    }

    /// [`fold`] of the text, made once.
    fn folded(&self) -> &str {
        self.folded.get_or_init(|| fold(self.text))
    }

    /// [`fold_collapsed`] of the text, made once: what whole-line
    /// patterns match.
    fn collapsed(&self) -> &str {
        // Nothing to collapse (most lines): the fold is the same one.
        let own = self
            .collapsed
            .get_or_init(|| (!is_collapsed(self.text)).then(|| fold_collapsed(self.text)));
        match own {
            Some(c) => c,
            None => self.folded(),
        }
    }

    /// Whether the text is short enough to be a line that stands alone (a
    /// date, a meeting, a label): every such pattern is anchored at both
    /// ends and matches a few dozen characters, so a paragraph longer than
    /// [`LINE_MAX`] is none, and is neither folded nor searched for one.
    pub fn may_stand_alone(&self) -> bool {
        self.text.len() <= LINE_MAX
    }

    /// Whether the text, short enough to stand alone, answers `q`: the
    /// whole-line patterns are matched once, as one set, however many of
    /// them are asked.
    fn stands(&self, q: Standalone) -> bool {
        if !self.may_stand_alone() {
            return false;
        }
        let yes = self.standalone.get_or_init(|| {
            let derived = self.profile.derived();
            // The collapsed, folded text opens with the first character
            // that is no whitespace, folded: most lines are answered here,
            // and never folded.
            let first = self.text.chars().find(|c| !c.is_whitespace());
            if first.is_some_and(|c| !derived.gates.standalone.may_open_with(fold_char(c))) {
                return [false; 5];
            }
            let set = &derived.standalone;
            let text = self.collapsed();
            // Most lines answer no to all: asked first without the list
            // of answers (which is allocated).
            if !set.is_match(text) {
                return [false; 5];
            }
            let m = set.matches(text);
            [0, 1, 2, 3, 4].map(|k| m.matched(k))
        });
        yes[q as usize]
    }

    /// [`Profile::date`].
    pub fn date(&self) -> Option<Date> {
        // Most lines are no date: the anchored form rejects them at their
        // first characters, where the date pattern would search them whole.
        if !self.stands(Standalone::Date) {
            return None;
        }
        let p = self.profile;
        let f = self.collapsed();
        let c = matched(p.re(&p.date), f)?;
        let whole = c.get(0)?;
        (whole.start() == 0 && whole.end() == f.len()).then_some(())?;
        p.date_of(&c)
    }

    /// [`Profile::meeting`].
    pub fn meeting(&self) -> Option<u32> {
        if !self.stands(Standalone::Meeting) {
            return None;
        }
        let p = self.profile;
        matched(p.re(&p.meeting), self.collapsed())?["n"]
            .parse()
            .ok()
    }

    /// [`Profile::operative_num`].
    pub fn operative_num(&self) -> Option<(String, usize)> {
        if !self.may_open(&self.profile.derived().gates.operative_num) {
            return None;
        }
        let (p, text, f) = (self.profile, self.text, self.folded());
        p.operative_num.iter().find_map(|pat| {
            let c = matched(p.re(pat), f)?;
            let num = group(text, f, &c, "num")?;
            // The match ends on the paragraph's first character: step back off it.
            let end = c.get(0)?.end();
            let last = f[..end].chars().next_back()?.len_utf8();
            Some((num.to_string(), offset_in_original(text, f, end - last)))
        })
    }

    /// [`Profile::adopted`], from the fold this text has already.
    pub fn adopted(&self) -> Option<Adopted> {
        self.profile.adopted_in(self.collapsed())
    }

    /// [`Profile::annex_label`].
    pub fn annex_label(&self) -> bool {
        self.stands(Standalone::Annex)
    }

    /// [`Profile::heading_label`].
    pub fn heading_label(&self) -> bool {
        self.stands(Standalone::Heading)
    }

    /// [`Profile::part_label`].
    pub fn part_label(&self) -> bool {
        self.stands(Standalone::Part)
    }

    /// [`Profile::page_furniture`].
    pub fn page_furniture(&self) -> bool {
        // A profile without such lines (most) folds nothing to say so.
        let p = self.profile;
        !p.page_furniture.is_empty() && self.may_open(&p.derived().gates.page_furniture) && {
            let f = self.folded();
            p.page_furniture.iter().any(|pat| p.re(pat).is_match(f))
        }
    }

    /// [`Profile::preamble_opener`].
    pub fn preamble_opener(&self) -> bool {
        *self.preamble_opener.get_or_init(|| {
            let index = &self.profile.derived().lead_words[0];
            (self.profile.preamble_leads).opens(index, self.folded(), [',', ';'])
        })
    }

    /// [`Profile::operative_opener`].
    pub fn operative_opener(&self) -> bool {
        let index = &self.profile.derived().lead_words[1];
        self.profile.operative_leads.opens(index, self.folded(), []) && !self.preamble_opener()
    }
}

impl super::SubStyle {
    /// The label `text` starts with in this style, and where its text starts.
    fn label(&self, text: &str) -> Option<(String, usize)> {
        let rest = match text.strip_prefix(self.open) {
            Some(r) => r,
            None if self.open.is_empty() => text,
            None => return None,
        };
        let label_end = if self.close.is_empty() {
            // A label that is one sign ("㈠"), from the list.
            let sign = self.list.iter().find(|l| rest.starts_with(**l))?;
            text.len() - rest.len() + sign.len()
        } else {
            let close = rest.find(self.close)?;
            if !self.inner_ok(&rest[..close]) {
                return None;
            }
            text.len() - rest.len() + close + rest[close..].chars().next()?.len_utf8()
        };
        let after = &text[label_end..];
        let gap = after.len() - after.trim_start().len();
        let wide = text[..label_end].chars().next_back().is_some_and(is_wide);
        if gap == 0 && !after.is_empty() && !wide {
            return None;
        }
        Some((text[..label_end].to_string(), label_end + gap))
    }

    /// A letter or a roman numeral, a number of two digits, or a label of
    /// the list, as the style allows.
    fn inner_ok(&self, inner: &str) -> bool {
        let latin = self.latin
            && !inner.is_empty()
            && inner.len() <= 6
            && inner.chars().all(|c| c.is_ascii_lowercase())
            && (inner.len() == 1 || inner.chars().all(|c| "ivxlc".contains(c)));
        let digits = self.digits
            && !inner.is_empty()
            && inner.len() <= 2
            && inner.chars().all(|c| c.is_ascii_digit());
        latin || digits || self.list.contains(&inner)
    }
}

impl Leads {
    /// Whether `text` opens with one of these leads, once `trim` is taken
    /// off the first word ("Noting," is a lead; "Decides," is not, a verb
    /// is followed by its object).
    fn opens<const N: usize>(&self, index: &LeadWords, text: &str, trim: [char; N]) -> bool {
        // Where no ending decides and the first word is longer than every
        // lead word (a whole paragraph, in a script without spaces), its
        // first characters are all that count: it is read no further.
        if self.endings.is_empty() {
            if let Some(head) = long_word_head(text, index.longest + 2, trim, self.skip) {
                let initial = head.chars().next().unwrap_or(' ');
                return initial.is_alphabetic()
                    && (!self.capital || initial.is_uppercase())
                    && index.has(&lower(head));
            }
        }
        self.opens_by_words(index, text, trim)
    }

    /// [`Leads::opens`] reading the first word whole.
    fn opens_by_words<const N: usize>(
        &self,
        index: &LeadWords,
        text: &str,
        trim: [char; N],
    ) -> bool {
        let mut words = text.split_whitespace();
        let mut first = words.next().unwrap_or("");
        if self.skip.contains(&first) {
            first = words.next().unwrap_or("");
        }
        let word = first.trim_end_matches(trim);
        let initial = word.chars().next().unwrap_or(' ');
        if !initial.is_alphabetic() || (self.capital && !initial.is_uppercase()) {
            return false;
        }
        // A first word longer than every lead word (a whole paragraph, in a
        // script without spaces) can only start with one: where no ending
        // decides, its first characters are enough to put in lower case
        // (lower case never has fewer characters than the word).
        if self.endings.is_empty() {
            if let Some((cut, _)) = word.char_indices().nth(index.longest + 2) {
                return index.has(&lower(&word[..cut]));
            }
        }
        let lower = lower(word);
        let by_ending = lower.chars().count() >= self.min_chars
            && self.endings.iter().any(|e| lower.ends_with(e))
            && !self.not_endings.iter().any(|e| lower.ends_with(e))
            && !self.exceptions.contains(&&*lower);
        by_ending || index.has(&lower)
    }
}

/// If the first word of `text` (as `split_whitespace` gives it), less the
/// `trim` characters at its end, has more than `keep` characters, and no
/// word of `skip` is as long, its first `keep` characters: found without
/// reading the word to its end.
fn long_word_head<'t, const N: usize>(
    text: &'t str,
    keep: usize,
    trim: [char; N],
    skip: &[&str],
) -> Option<&'t str> {
    if skip.iter().any(|w| w.chars().count() > keep) {
        return None;
    }
    let t = text.trim_start();
    let mut cut = None;
    for (n, (i, c)) in t.char_indices().enumerate() {
        if c.is_whitespace() {
            return None;
        }
        if n == keep {
            cut = Some(i);
        }
        if n >= keep && !trim.contains(&c) {
            return cut.map(|at| &t[..at]);
        }
    }
    None
}

/// The letters and digits `text` opens with: a phrase that opens `text`
/// and ends where a word does has the same first word. In a script
/// written without spaces (Han) words do not show: the first character is
/// the key, and a phrase may end anywhere ("又回顾" in "又回顾其决议").
fn first_word(text: &str) -> &str {
    // ASCII letters and digits, up to an ASCII byte that is neither (or
    // the end): the word, whatever a wide character would decide.
    let b = text.as_bytes();
    let ascii = b
        .iter()
        .position(|c| !c.is_ascii_alphanumeric())
        .unwrap_or(b.len());
    if b.get(ascii).is_none_or(u8::is_ascii) {
        return &text[..ascii];
    }
    if let Some(c) = text.chars().next().filter(|&c| is_wide(c)) {
        return &text[..c.len_utf8()];
    }
    let end = text
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(text.len(), |(i, _)| i);
    &text[..end]
}

/// The first characters of words, sorted, each once (`None` for an empty
/// word): what a text must open with to open one of them.
fn first_chars(firsts: impl Iterator<Item = Option<char>>) -> Vec<Option<char>> {
    let mut firsts: Vec<Option<char>> = firsts.collect();
    firsts.sort_unstable();
    firsts.dedup();
    firsts
}

/// Whether `text` opens with `phrase`, ending where a word does (or on a
/// wide character: scripts without spaces run on).
fn opens_with_phrase(text: &str, phrase: &str) -> bool {
    text.starts_with(phrase)
        && (phrase.chars().next_back().is_some_and(is_wide)
            || text[phrase.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric()))
}

/// A formula compared without spaces and trailing punctuation.
fn formula_key(text: &str) -> String {
    let f = fold(text);
    let key: String = f.chars().filter(|c| !c.is_whitespace()).collect();
    key.trim_end_matches([',', ':', ';', '،', '、']).to_string()
}

/// A formula as compared: the first letter as printed, the rest in any case.
#[derive(PartialEq)]
struct FormulaKey {
    first: Option<char>,
    rest: String,
}

impl FormulaKey {
    fn of(key: &str) -> FormulaKey {
        let mut chars = key.chars();
        FormulaKey {
            first: chars.next(),
            rest: chars.as_str().to_lowercase(),
        }
    }
}

/// A profile's formulas, compared as [`FormulaKey`]s.
struct FormulaKeys {
    /// The most characters a formula prints, spaces aside.
    longest: usize,
    /// Each organ's formulas, in the order of the organs.
    keys: Vec<(Body, FormulaKey)>,
}

/// `re`'s captures in `hay`, asked only once `re` matches: most texts
/// asked match none of a profile's patterns, and a match test needs no
/// room for captures (`captures` makes it first, whether or not it finds).
fn matched<'h>(re: &Regex, hay: &'h str) -> Option<Captures<'h>> {
    re.is_match(hay).then(|| re.captures(hay)).flatten()
}

/// The text under a named group, mapped back from the folded copy `f` to
/// `original`, trimmed.
fn group<'a>(original: &'a str, f: &str, c: &Captures<'_>, name: &str) -> Option<&'a str> {
    let m = c.name(name)?;
    let a = offset_in_original(original, f, m.start());
    let b = offset_in_original(original, f, m.end());
    Some(original[a..b].trim())
}

/// Whether `s` has no whitespace but single spaces between words, read on
/// the bytes: a space after a space or at either end, or any other
/// whitespace, says no. Only the bytes that can open a whitespace
/// character beyond ASCII (0xC2: U+0085, U+00A0; 0xE1: U+1680; 0xE2:
/// U+2000–U+205F; 0xE3: U+3000) are decoded.
fn is_collapsed(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') || crate::scan::two_spaces(b) {
        return false;
    }
    // ASCII whitespace other than a space, and the lead bytes of the other
    // whitespace characters (0xC2, 0xE1–0xE3).
    let rare = |c: u8| (c.wrapping_sub(b'\t') <= 4) | (c == 0xc2) | (c.wrapping_sub(0xe1) <= 2);
    let blank_at = |i: usize| {
        s.get(i..)
            .and_then(|t| t.chars().next())
            .is_some_and(char::is_whitespace)
    };
    !crate::scan::marked(b, rare).any(blank_at)
}

/// [`collapse`] then [`fold`]: the form whole-line patterns match against.
fn fold_collapsed(s: &str) -> Cow<'_, str> {
    match collapse(s) {
        Cow::Borrowed(b) => fold(b),
        Cow::Owned(o) => Cow::Owned(fold(&o).into_owned()),
    }
}

/// Runs of whitespace as one space, trimmed; no copy when there are none.
pub(super) fn collapse(s: &str) -> Cow<'_, str> {
    if is_collapsed(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        // Byte by byte: ASCII whitespace is all the whitespace there is.
        let mut space = false;
        for &b in s.as_bytes() {
            if b.is_ascii_whitespace() {
                space = !out.is_empty();
            } else {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(char::from(b));
            }
        }
        return Cow::Owned(out);
    }
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A long first word read only as far as it counts gives what reading
    /// it whole gives, with and without characters trimmed and skipped.
    #[test]
    fn a_long_first_word_is_read_only_as_far_as_it_counts() {
        for skip in [&[][..], &["又"][..]] {
            let leads = super::super::Leads {
                words: &["回", "又回", "顾", "a"],
                endings: &[],
                not_endings: &[],
                exceptions: &[],
                skip,
                min_chars: 0,
                capital: false,
            };
            let index = LeadWords::of(&leads);
            let alphabet = ['回', '又', '顾', ',', ' ', 'a'];
            for s in &super::super::tests::every_string(&alphabet, 7) {
                assert_eq!(
                    leads.opens(&index, s, [',']),
                    leads.opens_by_words(&index, s, [',']),
                    "{s:?}"
                );
                assert_eq!(
                    leads.opens(&index, s, []),
                    leads.opens_by_words(&index, s, []),
                    "{s:?}"
                );
            }
        }
    }

    /// Refusing a word by its first character gives what the set alone
    /// gives: for every profile's lead words, the words themselves, each
    /// with a character more and one less, and every short string of
    /// their first characters and others.
    #[test]
    fn lead_words_refused_by_their_first_character_are_none() {
        let by_set = |lw: &LeadWords, word: &str| {
            lw.words.contains(word)
                || word
                    .char_indices()
                    .skip(1)
                    .take(lw.longest)
                    .any(|(end, _)| {
                        word[..end].chars().next_back().is_some_and(is_wide)
                            && lw.words.contains(&word[..end])
                    })
        };
        for lang in crate::ir::Lang::ALL {
            let p = crate::lang::profile(lang);
            for leads in [&p.preamble_leads, &p.operative_leads] {
                let lw = LeadWords::of(leads);
                let mut alphabet: Vec<char> = lw.firsts.iter().copied().take(4).collect();
                alphabet.extend(['x', '中', ' ']);
                let mut words = super::super::tests::every_string(&alphabet, 3);
                for w in leads.words {
                    let mut shorter = w.to_string();
                    shorter.pop();
                    words.extend([w.to_string(), format!("{w}x"), format!("{w}中"), shorter]);
                }
                for w in &words {
                    assert_eq!(lw.has(w), by_set(&lw, w), "{lang:?} {w:?}");
                }
                assert!(leads.words.iter().all(|w| lw.has(w)));
            }
        }
    }

    /// The indexed lead phrase is the longest phrase of the list the text
    /// opens with, ending where a word does: every profile's phrases,
    /// each alone, cut short, run on into a word and followed by a space,
    /// and other texts.
    #[test]
    fn lead_phrase_is_the_longest_listed_phrase_opening_the_text() {
        for lang in crate::ir::Lang::ALL {
            let p = crate::lang::profile(lang);
            for (operative, list) in [
                (false, p.lead_phrases.preamble),
                (true, p.lead_phrases.operative),
            ] {
                let listed = |text: &str| {
                    list.iter()
                        .filter(|ph| opens_with_phrase(text, ph))
                        .map(|ph| ph.len())
                        .max()
                };
                let mut texts = vec![String::new(), "x".into(), " a".into(), "中文".into()];
                for ph in list {
                    let mut cut = ph.to_string();
                    cut.pop();
                    texts.extend([
                        ph.to_string(),
                        cut,
                        format!("{ph}x"),
                        format!("{ph} the"),
                        ph.to_lowercase(),
                    ]);
                }
                for t in &texts {
                    assert_eq!(p.lead_phrase(t, operative), listed(t), "{lang:?} {t:?}");
                }
            }
        }
    }

    /// The ASCII shortcut of [`first_word`] gives what the character rule
    /// gives.
    #[test]
    fn first_word_is_the_character_rule() {
        let by_chars = |text: &str| -> String {
            if let Some(c) = text.chars().next().filter(|&c| is_wide(c)) {
                return c.to_string();
            }
            text.chars().take_while(|c| c.is_alphanumeric()).collect()
        };
        let alphabet = ['a', 'Z', '1', ' ', '.', 'é', '大', '\u{3000}', '\u{660}'];
        for s in &super::super::tests::every_string(&alphabet, 4) {
            assert_eq!(first_word(s), by_chars(s), "{s:?}");
        }
    }

    #[test]
    fn is_collapsed_is_what_split_whitespace_leaves() {
        // Every string of up to five of these characters.
        let alphabet = [
            'a', ' ', '\t', '\x0b', '\n', '\u{a0}', '\u{3000}', '\u{2028}', '大', '\u{85}',
            '\u{1680}', '\u{1c}', '\u{205f}',
        ];
        let long = |s: &str| format!("{}{s}x", "a ".repeat(50));
        for s in &super::super::tests::every_string(&alphabet, 5) {
            for s in [s.clone(), long(s)] {
                let want = s.split_whitespace().collect::<Vec<_>>().join(" ") == s;
                assert_eq!(is_collapsed(&s), want, "{s:?}");
            }
        }
    }

    #[test]
    fn collapses_like_split_whitespace() {
        for s in [
            "",
            " ",
            "a",
            " a  b\t\nc ",
            "a b",
            "ab  ",
            "\u{a0}x  y\u{3000}z",
            "x\x0cy",
        ] {
            let want = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(collapse(s), want, "{s:?}");
        }
    }
}
