//! Which bytes a match of patterns anchored at the text's start can open
//! with: read once from the patterns' automaton, then a line that opens
//! with any other byte is answered no without a search (most lines, for
//! most questions: a date, a paragraph number, a page line).

use regex_automata::hybrid::dfa::DFA;
use regex_automata::nfa::thompson::NFA;
use regex_automata::util::start;
use regex_automata::Anchored;

/// For each byte, whether a match may open with it, and for a byte that
/// leads a longer character, which second bytes may follow (an ideograph's
/// first byte is shared by thousands; its first two by 64). Exact where it
/// says no; where the automaton cannot tell (a pattern not anchored at the
/// start, a construct the lazy DFA gives up on), every byte may.
pub(crate) struct FirstBytes {
    first: [bool; 256],
    /// By first byte: the second bytes that may follow it, where known.
    second: Vec<Option<Box<[bool; 256]>>>,
}

impl FirstBytes {
    /// The first bytes of every match of any of `patterns` (regex syntax,
    /// as the `regex` crate reads it).
    pub(crate) fn of(patterns: &[&str]) -> FirstBytes {
        openers(patterns).unwrap_or(FirstBytes {
            first: [true; 256],
            second: vec![None; 256],
        })
    }

    /// Whether a match may open `text`. An empty text may always match.
    pub(crate) fn may_open(&self, text: &str) -> bool {
        self.may_open_bytes(text.as_bytes())
    }

    /// Whether a match may open with the character `c` (its first two
    /// bytes, for one of more than one byte; its byte, for one of ASCII).
    pub(crate) fn may_open_with(&self, c: char) -> bool {
        let mut buf = [0u8; 4];
        self.may_open_bytes(c.encode_utf8(&mut buf).as_bytes())
    }

    fn may_open_bytes(&self, b: &[u8]) -> bool {
        let Some(&b1) = b.first() else {
            return true;
        };
        self.first[usize::from(b1)]
            && match (&self.second[usize::from(b1)], b.get(1)) {
                (Some(row), Some(&b2)) => row[usize::from(b2)],
                _ => true,
            }
    }
}

/// The bytes after which the anchored start state is not dead, and the
/// second bytes after each lead byte, when every pattern is anchored at the
/// start (only then is a search from the start the same as the anchored
/// one).
fn openers(patterns: &[&str]) -> Option<FirstBytes> {
    let nfa = NFA::new_many(patterns).ok()?;
    if !nfa.is_always_start_anchored() {
        return None;
    }
    let dfa = DFA::builder()
        .configure(DFA::config().unicode_word_boundary(true))
        .build_from_nfa(nfa)
        .ok()?;
    let mut cache = dfa.create_cache();
    let from = dfa
        .start_state(&mut cache, &start::Config::new().anchored(Anchored::Yes))
        .ok()?;
    let mut out = FirstBytes {
        first: [false; 256],
        second: vec![None; 256],
    };
    for b1 in 0..=255u8 {
        let s1 = dfa.next_state(&mut cache, from, b1).ok()?;
        let k = usize::from(b1);
        // A quit byte (beyond ASCII, for a Unicode word boundary) decides
        // nothing: it may open a match, whatever follows it.
        out.first[k] = !s1.is_dead() || s1.is_quit();
        if !out.first[k] || s1.is_quit() || b1 < 0xc0 {
            continue;
        }
        let mut row = Box::new([false; 256]);
        for (b2, may) in (0..=255u8).zip(row.iter_mut()) {
            let s2 = dfa.next_state(&mut cache, s1, b2).ok()?;
            *may = !s2.is_dead() || s2.is_quit();
        }
        out.second[k] = Some(row);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The gate says no only where the regex finds no match, on every
    /// short string of characters that open or spoil the patterns.
    #[test]
    fn no_means_no_match() {
        let sets: [&[&str]; 4] = [
            &[r"^\d{1,3}\.\s+\S", r"^(?i)page\s+\d+$"],
            &[
                r"^(?:Annex|ANNEX)(?: [IVX]{1,5})?$",
                r"(?i)^\b(?P<d>\d{1,2})\s+[a-z]+\b$",
            ],
            &[r"^第\s*\d+\s*次会议$", r"^[一二三]$"],
            &[r"\d+\.", r"^x"],
        ];
        let alphabet = [
            '1', '.', ' ', 'a', 'A', 'P', 'p', 'x', '第', '一', '次', '٣', 'é',
        ];
        for pats in sets {
            let gate = FirstBytes::of(pats);
            let re = regex::RegexSet::new(pats).expect("test patterns");
            for s in &crate::lang::tests::every_string(&alphabet, 4) {
                if re.is_match(s) {
                    assert!(gate.may_open(s), "{pats:?} {s:?}");
                }
            }
        }
    }

    /// It says no to most openings of anchored patterns, and nothing when
    /// a pattern is not anchored.
    #[test]
    fn anchored_patterns_rule_out_bytes() {
        let gate = FirstBytes::of(&[r"^\d{1,3}\.\s+\S"]);
        assert!(gate.may_open("12. x") && !gate.may_open("Recalling") && !gate.may_open(" 1."));
        let zh = FirstBytes::of(&[r"^第\s*\d+\s*次会议$"]);
        assert!(zh.may_open_with('第') && !zh.may_open_with('大') && !zh.may_open_with('决'));
        let case = FirstBytes::of(&[r"(?i)^page\s+\d+\s+of\s+\d+$"]);
        assert!(
            case.may_open("Page 2 of 3") && case.may_open("PAGE") && !case.may_open("Recalling")
        );
        let loose = FirstBytes::of(&[r"\d+\."]);
        assert!(loose.may_open("Recalling 12."));
    }
}
