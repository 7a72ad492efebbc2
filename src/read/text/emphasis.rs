//! Italic runs the page marks, as emphasis in a line's inline content:
//! the lead phrases ("*Recalling*", "*Decides*") and the titles of works.

use crate::ir::Inline;
use crate::read::layout::Facts;

/// `parts` (the line's text, with citations split out) with the italic
/// ranges of `text` that `facts` names made `Inline::Emphasis`. Each text
/// part is found in `text` after the one before it, so the ranges apply
/// wherever the citations were cut out.
pub(crate) fn apply(parts: Vec<Inline>, text: &str, facts: Option<&Facts>) -> Vec<Inline> {
    let italic = match facts {
        Some(f) if !f.italic.is_empty() => &f.italic,
        _ => return parts,
    };
    let mut out = Vec::with_capacity(parts.len() + 2);
    let mut at = 0;
    for part in parts {
        match part {
            Inline::Text(t) => {
                let Some(start) = text.get(at..).and_then(|rest| rest.find(t.as_str())) else {
                    out.push(Inline::Text(t));
                    continue;
                };
                let (start, end) = (at + start, at + start + t.len());
                let mut cur = start;
                for r in italic.iter().filter(|r| r.start < end && r.end > start) {
                    let (s, e) = (r.start.max(start), r.end.min(end));
                    if s > cur {
                        out.push(Inline::Text(text[cur..s].to_string()));
                    }
                    out.push(Inline::Emphasis(vec![Inline::Text(text[s..e].to_string())]));
                    cur = e;
                }
                if cur < end {
                    out.push(Inline::Text(text[cur..end].to_string()));
                }
                at = end;
            }
            Inline::NoteRef(m) => {
                if let Some(k) = text.get(at..).and_then(|rest| rest.find(m.as_str())) {
                    at += k + m.len();
                }
                out.push(Inline::NoteRef(m));
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::layout::Facts;

    fn facts(ranges: &[(usize, usize)]) -> Facts {
        Facts {
            italic: ranges.iter().map(|&(a, b)| a..b).collect(),
            ..Facts::default()
        }
    }

    #[test]
    fn italic_ranges_become_emphasis_around_citations() {
        let text = "Recalling its resolution 77/1,2 and noting the Charter";
        let parts = vec![
            Inline::Text("Recalling its resolution 77/1,".into()),
            Inline::NoteRef("2".into()),
            Inline::Text("and noting the Charter".into()),
        ];
        let got = apply(parts, text, Some(&facts(&[(0, 9), (47, 54)])));
        assert_eq!(
            got,
            vec![
                Inline::Emphasis(vec![Inline::Text("Recalling".into())]),
                Inline::Text(" its resolution 77/1,".into()),
                Inline::NoteRef("2".into()),
                Inline::Text("and noting the ".into()),
                Inline::Emphasis(vec![Inline::Text("Charter".into())]),
            ]
        );
    }

    #[test]
    fn no_facts_no_change() {
        let parts = vec![Inline::Text("Decides".into())];
        assert_eq!(apply(parts.clone(), "Decides", None), parts);
        assert_eq!(apply(parts.clone(), "Decides", Some(&facts(&[]))), parts);
    }
}
