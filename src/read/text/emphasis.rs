//! Italic runs the page marks, as emphasis in a line's inline content:
//! the lead phrases ("*Recalling*", "*Decides*") and the titles of works.

use crate::ir::{Block, Inline, Resolution};
use crate::lang::Profile;
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

/// Extracted text has lost the italics: the lead phrase each preambular
/// and numbered operative paragraph opens with, as the language profile
/// knows them, becomes emphasis, as the page sets it (in the languages
/// whose pages do).
pub(crate) fn lead_phrases(res: &mut Resolution, profile: &Profile) {
    if !profile.lead_phrases.italic {
        return;
    }
    for b in &mut res.preamble {
        if let Block::Paragraph(p) = b {
            lead(&mut p.content, profile, false);
        }
    }
    for b in &mut res.body {
        if let Block::Paragraph(p) = b {
            if p.num.is_some() {
                lead(&mut p.content, profile, true);
            }
        }
    }
}

fn lead(content: &mut Vec<Inline>, profile: &Profile, operative: bool) {
    let Some(Inline::Text(t)) = content.first_mut() else {
        return;
    };
    let Some(n) = profile.lead_phrase(t, operative) else {
        return;
    };
    // The phrase is copied out; the rest stays in the text's own buffer.
    let phrase = Inline::Emphasis(vec![Inline::Text(t[..n].to_string())]);
    t.drain(..n);
    if t.is_empty() {
        content[0] = phrase;
    } else {
        content.reserve_exact(1);
        content.insert(0, phrase);
    }
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
    fn extracted_text_gets_the_lead_phrase_in_italics() {
        let text = "United Nations A/RES/78/1\nGeneral Assembly\n\
                    78/1. A title\n\nThe General Assembly,\n\n\
                    Recalling also its resolution 77/1,\n\n\
                    Recallingly not a lead,\n\n\
                    1. Calls upon all States to act;\n\n\
                    2. Decides to remain seized of the matter.\n";
        let (res, _) = crate::read::text::read(text, &Default::default()).expect("reads");
        let firsts: Vec<&Inline> = res
            .preamble
            .iter()
            .chain(&res.body)
            .filter_map(|b| match b {
                Block::Paragraph(p) => p.content.first(),
                _ => None,
            })
            .collect();
        let em = |t: &str| Inline::Emphasis(vec![Inline::Text(t.into())]);
        assert_eq!(firsts[0], &em("Recalling also"));
        assert!(matches!(firsts[1], Inline::Text(t) if t.starts_with("Recallingly")));
        assert_eq!(firsts[2], &em("Calls upon"));
        assert_eq!(firsts[3], &em("Decides"));
    }

    #[test]
    fn no_facts_no_change() {
        let parts = vec![Inline::Text("Decides".into())];
        assert_eq!(apply(parts.clone(), "Decides", None), parts);
        assert_eq!(apply(parts.clone(), "Decides", Some(&facts(&[]))), parts);
    }

    /// Lead phrases become emphasis where the language's pages set them in
    /// italics (French), not where that is unknown (Chinese): the phrases
    /// are known in both.
    #[test]
    fn lead_emphasis_follows_the_profile() {
        use crate::ir::{Lang, Paragraph};
        let para = |s: &str| {
            Block::Paragraph(Paragraph {
                content: vec![Inline::Text(s.into())],
                ..Paragraph::default()
            })
        };
        let emphasised = |lang: Lang, s: &str| {
            let mut res = Resolution {
                preamble: vec![para(s)],
                ..Resolution::default()
            };
            lead_phrases(&mut res, crate::lang::profile(lang));
            matches!(&res.preamble[0], Block::Paragraph(p) if matches!(p.content[0], Inline::Emphasis(_)))
        };
        assert!(emphasised(Lang::Fr, "Rappelant sa résolution 58/217,"));
        assert!(!emphasised(Lang::Zh, "回顾其决议，"));
        assert!(crate::lang::profile(Lang::Zh)
            .lead_phrase("回顾其决议，", false)
            .is_some());
    }
}
