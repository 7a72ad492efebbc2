//! Whether a document prints a word: what decides if a hyphen at a line's
//! end cut a word ("self-" / "determination" keeps it, "develop-" / "ment"
//! does not).
//!
//! A document asks this once or twice, for a handful of words, so the
//! answer is searched for in the text rather than read from a set of all
//! its words: making that set was a sixth of the time of a long English
//! resolution. A document that asks many times (a hostile one with a
//! hyphen on every line) gets the set after [`SEARCHES`] questions, so no
//! document costs more than a few passes over its text.

use std::borrow::Cow;
use std::cell::{Cell, OnceCell};

use crate::lang::lower;

/// Questions answered by searching the text before the set is made.
const SEARCHES: u32 = 8;

/// The words of one document, in lower case, as its hyphens ask for them.
#[derive(Debug, Default)]
pub(crate) struct Words<'a> {
    text: &'a str,
    /// The text with its ASCII letters in lower case, every other byte as
    /// it was (so offsets are the text's); made at the first question.
    /// `None` where the text prints a Kelvin sign (the one character
    /// beyond ASCII whose lower case is ASCII alone, 'k'): a search in
    /// ASCII could miss a word there.
    lowered: OnceCell<Option<Vec<u8>>>,
    /// Questions asked so far.
    asked: Cell<u32>,
    /// Every word of more than three bytes, in lower case, once asked for
    /// more than [`SEARCHES`] times.
    set: OnceCell<foldhash::HashSet<Cow<'a, str>>>,
}

impl<'a> Words<'a> {
    pub(crate) fn of(text: &'a str) -> Words<'a> {
        Words {
            text,
            ..Words::default()
        }
    }

    /// Whether the text prints a word of more than three bytes (letters
    /// and hyphens between non-letters) that is `word` in lower case.
    pub(crate) fn has(&self, word: &str) -> bool {
        let asked = self.asked.get();
        self.asked.set(asked.saturating_add(1));
        if asked >= SEARCHES {
            return self.set().contains(word);
        }
        // A word of ASCII letters is one the text prints in ASCII letters
        // (but for the Kelvin sign, see `lowered`).
        match self.lowered() {
            Some(lowered) if word.is_ascii() => self.search_ascii(lowered, word),
            _ => word_runs(self.text).any(|w| w.len() > 3 && lower(w) == word),
        }
    }

    /// The text lowered for ASCII searches, made once.
    fn lowered(&self) -> Option<&[u8]> {
        self.lowered
            .get_or_init(|| {
                (!self.text.contains('\u{212a}')).then(|| self.text.as_bytes().to_ascii_lowercase())
            })
            .as_deref()
    }

    /// [`Words::has`] for an ASCII `word`: each place the lowered text
    /// holds it, whether it is a whole word there.
    fn search_ascii(&self, lowered: &[u8], word: &str) -> bool {
        // A word is more than three bytes, of letters and hyphens only.
        if word.len() <= 3 || !word.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-') {
            return false;
        }
        memchr::memmem::find_iter(lowered, word.as_bytes()).any(|at| {
            let before = self.text[..at].chars().next_back();
            let after = self.text[at + word.len()..].chars().next();
            !before.is_some_and(in_word) && !after.is_some_and(in_word)
        })
    }

    /// The set of every word, made once.
    fn set(&self) -> &foldhash::HashSet<Cow<'a, str>> {
        self.set.get_or_init(|| {
            word_runs(self.text)
                .filter(|w| w.len() > 3)
                .map(lower)
                .collect()
        })
    }
}

/// Whether `c` belongs to a word: a letter or a hyphen.
fn in_word(c: char) -> bool {
    c.is_alphabetic() || c == '-'
}

/// The runs of letters and hyphens in `text`, in order.
fn word_runs(text: &str) -> impl Iterator<Item = &str> {
    crate::scan::runs(text, in_word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_kelvin_sign_lowers_to_ascii_alone() {
        // What the ASCII search relies on: a word that is ASCII in lower
        // case is printed in ASCII, but for this one sign.
        let ascii_alone: Vec<char> = (0x80..=0x10_ffffu32)
            .filter_map(char::from_u32)
            .filter(|c| c.to_lowercase().all(|l| l.is_ascii()))
            .collect();
        assert_eq!(ascii_alone, ['\u{212a}']);
    }

    #[test]
    fn a_search_answers_as_the_set_of_every_word_does() {
        // Texts of up to four pieces (words with and without capitals,
        // hyphens, spaces, an accent, a Kelvin sign); asked of each, every
        // piece of it in lower case of four bytes or more, whole words or
        // not, and a few words it lacks.
        let pieces = ["ab", "Ab", "b", "-", " ", "é", "\u{212a}"];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(longer);
        }
        for t in &texts {
            let lower = t.to_lowercase();
            let cuts: Vec<usize> = lower
                .char_indices()
                .map(|(i, _)| i)
                .chain([lower.len()])
                .collect();
            let mut asked: Vec<&str> = vec!["abab", "abba", "k-ab", "bébé"];
            for (i, &a) in cuts.iter().enumerate() {
                asked.extend(
                    cuts[i + 1..]
                        .iter()
                        .map(|&b| &lower[a..b])
                        .filter(|q| q.len() >= 4),
                );
            }
            let words = Words::of(t);
            for q in asked {
                let searched = words.has(q);
                words.asked.set(0);
                assert_eq!(searched, words.set().contains(q), "{q:?} in {t:?}");
            }
        }
    }

    #[test]
    fn many_questions_go_to_the_set() {
        let words = Words::of("Self-determination and determination");
        for _ in 0..SEARCHES {
            assert!(words.has("determination"));
        }
        assert!(words.set.get().is_none());
        assert!(words.has("self-determination"));
        assert!(!words.has("self"));
        assert!(words.set.get().is_some());
    }
}
