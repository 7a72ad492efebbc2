//! Block YAML written directly, byte for byte as yaml_serde (libyaml's
//! emitter) writes it, for the values front matter holds: strings that need
//! no double quotes, integers, booleans, lists of these and of flat
//! mappings, mappings of these. Driving libyaml through serde costs an
//! English document more than its AKN emitter's whole text pass; the
//! front matter rarely holds anything else. What this module does not
//! write, it refuses (`None`), and the caller has yaml_serde write the
//! whole block: every output stays what yaml_serde gives.

use serde_json::Value;
use std::borrow::Cow;

/// The block mapping of `entries` ("key: value" lines, nested blocks
/// indented as libyaml indents them), or `None` when a value is one this
/// module leaves to yaml_serde.
pub(crate) fn block<'v>(entries: impl IntoIterator<Item = (&'v str, &'v Value)>) -> Option<String> {
    let mut out = String::with_capacity(512);
    for (key, value) in entries {
        entry(key, value, 0, &mut out)?;
    }
    // An empty mapping is "{}" to libyaml.
    (!out.is_empty()).then_some(out)
}

/// One "key: value" of a mapping at `indent`, nested blocks below it.
fn entry(key: &str, value: &Value, indent: usize, out: &mut String) -> Option<()> {
    out.extend(std::iter::repeat_n(' ', indent));
    key_then_value(key, value, indent, out)
}

/// "key: value" from where the cursor is (an indent, or "- " opening a
/// list item), nested blocks below it at `indent`.
fn key_then_value(key: &str, value: &Value, indent: usize, out: &mut String) -> Option<()> {
    // Keys are the codec's field names; any other key is left to libyaml
    // (a long or odd key is written as "? key").
    let plain_key = key.len() <= 128 && matches!(scalar(key)?, Cow::Borrowed(k) if k == key);
    if !plain_key {
        return None;
    }
    out.push_str(key);
    out.push(':');
    match value {
        // A list in a mapping is not indented: "report:\n- A/59/494".
        Value::Array(items) if !items.is_empty() => {
            out.push('\n');
            items
                .iter()
                .try_for_each(|item| list_item(item, indent, out))
        }
        Value::Object(map) if !map.is_empty() => {
            out.push('\n');
            map.iter()
                .try_for_each(|(k, v)| entry(k, v, indent + 2, out))
        }
        _ => {
            out.push(' ');
            out.push_str(&leaf(value)?);
            out.push('\n');
            Some(())
        }
    }
}

/// "- item" at `indent`: a scalar, or a mapping whose first entry shares
/// the dash's line and whose others are indented past it.
fn list_item(item: &Value, indent: usize, out: &mut String) -> Option<()> {
    out.extend(std::iter::repeat_n(' ', indent));
    out.push_str("- ");
    match item {
        Value::Object(map) if !map.is_empty() => {
            let mut entries = map.iter();
            let (k, v) = entries.next()?;
            key_then_value(k, v, indent + 2, out)?;
            entries.try_for_each(|(k, v)| entry(k, v, indent + 2, out))
        }
        Value::Array(_) | Value::Object(_) => None,
        _ => {
            out.push_str(&leaf(item)?);
            out.push('\n');
            Some(())
        }
    }
}

/// A scalar value as written: integers and booleans as serde writes them,
/// strings by [`scalar`]. Floats and nulls are left to yaml_serde.
fn leaf(value: &Value) -> Option<Cow<'_, str>> {
    match value {
        Value::String(s) => scalar(s),
        Value::Bool(b) => Some(Cow::Borrowed(if *b { "true" } else { "false" })),
        Value::Number(n) if n.is_u64() || n.is_i64() => Some(Cow::Owned(n.to_string())),
        _ => None,
    }
}

/// A string as libyaml writes it in block context: plain where it reads
/// back as this string, else in single quotes (a quote doubled); `None`
/// for what libyaml double-quotes or writes as a block (line breaks,
/// characters it does not print, tabs). yaml_serde quotes what YAML reads
/// as null, a boolean or a number; those strings are made only of
/// letters, digits, dots and signs, so a string with another character,
/// or opening with a letter, is one unless it is a null or boolean word.
/// Only the rest ("2004-12-20", "140", ".5") is asked of yaml_serde, one
/// scalar at a time. The YAML 1.1 booleans (`yes`, `off`, …) are quoted
/// as the Markdown emitter quotes them.
fn scalar(s: &str) -> Option<Cow<'_, str>> {
    if !s.chars().all(printable_inline) {
        return None;
    }
    let numeric = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'+' | b'-');
    let letter_first = s.bytes().next().is_some_and(|b| b.is_ascii_alphabetic());
    let plain_word = !s.is_empty() && !s.bytes().all(numeric) || letter_first;
    if !plain_word || NULLS_AND_BOOLEANS.contains(&s) {
        return by_yaml_serde(s);
    }
    if YAML11_BOOLEANS.iter().any(|w| w.eq_ignore_ascii_case(s)) || !plain_allowed(s) {
        return Some(Cow::Owned(format!("'{}'", s.replace('\'', "''"))));
    }
    Some(Cow::Borrowed(s))
}

/// What YAML reads as null or a boolean among strings opening with a
/// letter or holding a character no number holds (yaml_serde's words).
const NULLS_AND_BOOLEANS: [&str; 10] = [
    "null", "Null", "NULL", "~", "true", "True", "TRUE", "false", "False", "FALSE",
];

/// Plain words YAML 1.1 readers take for booleans, which unres quotes
/// (here, and in what yaml_serde writes: the Markdown emitter's
/// `quote_yaml11_words`).
pub(crate) const YAML11_BOOLEANS: [&str; 6] = ["y", "n", "yes", "no", "on", "off"];

/// A character libyaml writes as it is, inside a line: printable
/// (`IS_PRINTABLE`), not a line break, not a tab.
fn printable_inline(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
        && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// Whether libyaml's analysis lets `s` (printable, no breaks) stand plain
/// in block context (`yaml_emitter_analyze_scalar`): no leading or
/// trailing space, no document marker at its start, no indicator opening
/// it, no ": " or " #" and no ':' at its end.
fn plain_allowed(s: &str) -> bool {
    let b = s.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return false;
    };
    if first == b' ' || last == b' ' || b.starts_with(b"---") || b.starts_with(b"...") {
        return false;
    }
    // Followed by whitespace: a space, or the string's end.
    let spaced = |at: usize| b.get(at).is_none_or(|&c| c == b' ');
    let opens = matches!(
        first,
        b'#' | b','
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'&'
            | b'*'
            | b'!'
            | b'|'
            | b'>'
            | b'\''
            | b'"'
            | b'%'
            | b'@'
            | b'`'
    ) || (matches!(first, b'?' | b':' | b'-') && spaced(1));
    if opens {
        return false;
    }
    !(1..b.len()).any(|at| match b[at] {
        b':' => spaced(at + 1),
        b'#' => b[at - 1] == b' ',
        _ => false,
    })
}

/// `s` as yaml_serde writes it alone (one line, the scalar), when that is
/// a plain or single-quoted scalar.
fn by_yaml_serde(s: &str) -> Option<Cow<'_, str>> {
    let written = yaml_serde::to_string(s).ok()?;
    let line = written.strip_suffix('\n')?;
    let quoted = line.len() == s.len() + 2 && line.starts_with('\'');
    (line == s || quoted).then(|| Cow::Owned(line.to_string()))
}
