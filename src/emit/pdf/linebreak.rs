//! Where a line may break: UAX #14 (unicode-linebreak) plus the Chinese
//! rules on what may not begin or end a line (kinsoku).

/// Characters no line may begin with (closing punctuation and the like).
const NO_LINE_START: &str = "，。、；：？！）》」』】〕〉”’…—·,.;:?!)]}%‰゜ー～";
/// Characters no line may end with (opening brackets and quotes).
const NO_LINE_END: &str = "（《「『【〔〈“‘([{";

/// Whether `c` may not begin a line.
pub fn no_line_start(c: char) -> bool {
    NO_LINE_START.contains(c)
}

/// Whether `c` may not end a line.
pub fn no_line_end(c: char) -> bool {
    NO_LINE_END.contains(c)
}

/// Byte offsets at which a line may break inside `text`, ascending; the
/// end of the text is not included. `glued` says, for an offset, that the
/// text there must stay with what precedes it (a note marker).
pub fn opportunities(text: &str, glued: impl Fn(usize) -> bool) -> Vec<usize> {
    let mut out = Vec::new();
    for (at, _kind) in unicode_linebreak::linebreaks(text) {
        if at == 0 || at >= text.len() || glued(at) {
            continue;
        }
        let next = text[at..].chars().next();
        let prev = text[..at].chars().next_back();
        // Not after a hyphen-minus either: text extractors (pdftotext)
        // take a line-final "-" for a soft hyphen and drop it, so
        // "Secretary-\nGeneral" would be copied as "SecretaryGeneral".
        if next.is_some_and(no_line_start)
            || prev.is_some_and(|c| no_line_end(c) || c == '-')
            || inside_guillemets(text, at)
        {
            continue;
        }
        out.push(at);
    }
    out
}

/// Whether a break at `at` would part a guillemet from the word it is
/// spaced from ("« L'eau, source de vie »", as French sets them): before
/// "»", or after the space that follows "«".
fn inside_guillemets(text: &str, at: usize) -> bool {
    text[at..].starts_with('»') || text[..at].trim_end_matches(GUILLEMET_SPACES).ends_with('«')
}

/// The spaces French sets inside guillemets: a space, or a no-break one.
const GUILLEMET_SPACES: [char; 3] = [' ', '\u{a0}', '\u{202f}'];

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(text: &str) -> Vec<&str> {
        let mut parts = Vec::new();
        let mut last = 0;
        for at in opportunities(text, |_| false) {
            parts.push(&text[last..at]);
            last = at;
        }
        parts.push(&text[last..]);
        parts
    }

    /// French guillemets stay with the words they enclose, spaced or
    /// not; the words inside break as ever.
    #[test]
    fn guillemets_keep_to_their_words() {
        assert_eq!(
            lines_of("thème « L'eau, source de vie » (2005-2015)"),
            ["thème ", "« L'eau, ", "source ", "de ", "vie » (2005-2015)"]
        );
        assert_eq!(
            lines_of("le «\u{a0}vie\u{a0}» et"),
            ["le ", "«\u{a0}vie\u{a0}» ", "et"]
        );
        assert_eq!(lines_of("«слово» и"), ["«слово» ", "и"]);
    }

    #[test]
    fn latin_breaks_after_spaces() {
        assert_eq!(
            lines_of("The General Assembly,"),
            ["The ", "General ", "Assembly,"]
        );
    }

    #[test]
    fn chinese_punctuation_never_starts_a_line() {
        for part in lines_of("大会，回顾其（第46/152号）决议。“宣言”") {
            let first = part.chars().next().unwrap();
            let last = part.chars().last().unwrap();
            assert!(!no_line_start(first), "{part:?} starts with {first}");
            assert!(!no_line_end(last), "{part:?} ends with {last}");
        }
    }

    #[test]
    fn chinese_breaks_between_ideographs() {
        assert_eq!(lines_of("回顾其"), ["回", "顾", "其"]);
    }

    #[test]
    fn no_break_after_a_hyphen() {
        assert_eq!(
            lines_of("the Secretary-General to"),
            ["the ", "Secretary-General ", "to"]
        );
    }

    #[test]
    fn glued_offsets_are_not_breaks() {
        let t = "宣言1和";
        let at_marker = "宣言".len();
        assert!(!opportunities(t, |i| i == at_marker).contains(&at_marker));
    }
}
