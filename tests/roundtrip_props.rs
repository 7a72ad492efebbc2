//! Property tests: for generated resolutions with arbitrary Unicode text
//! (Markdown and XML syntax characters, list-like line starts, spaces at the
//! ends, right-to-left and CJK text, control characters), writing Markdown
//! or Akoma Ntoso and reading it back gives the same IR (and the Markdown
//! holds no raw HTML).
//!
//! The IR is brought into canonical form first (`Resolution::normalize`,
//! which every reader applies: see the invariants in `src/ir.rs`); the
//! properties are that the emitters and readers then lose nothing.

use proptest::prelude::*;
use unres::emit::{self, EmitOptions};
use unres::ir::*;
use unres::read::{self, ReadOptions};

/// Characters chosen to trip Markdown and XML, plus any Unicode scalar.
fn any_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(
            "abcXYZ019 *_#<>&[]^|\\~!`.-+=:()\"'{}$%@/\n\t\r"
                .chars()
                .collect::<Vec<_>>()
        ),
        1 => prop::char::range('\u{0600}', '\u{06FF}'), // Arabic
        1 => prop::char::range('\u{05D0}', '\u{05EA}'), // Hebrew
        1 => prop::char::range('\u{4E00}', '\u{9FFF}'), // CJK
        1 => prop::sample::select(vec!['\u{00A0}', '\u{3000}', '\u{200F}', '\u{FEFF}', '，', '《', '\u{0}', '\u{7}', '\u{85}', '\u{2028}']),
        1 => any::<char>(),
    ]
}

fn text() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec![
            "",
            "",
            "",
            "1. ",
            "- ",
            "  ",
            "# ",
            "> ",
            "* ",
            "12) ",
            "[^1]",
            "<!-- x -->",
            "&amp;",
            "    code",
        ]),
        prop::collection::vec(any_char(), 0..12),
        prop::sample::select(vec!["", "", " ", "  ", "\\", "*", " #"]),
    )
        .prop_map(|(a, b, c)| format!("{a}{}{c}", b.into_iter().collect::<String>()))
}

const MARKERS: [&str; 4] = ["1", "2", "3", "a"];

fn inline() -> impl Strategy<Value = Inline> {
    let leaf = prop_oneof![
        4 => text().prop_map(Inline::Text),
        1 => prop::sample::select(MARKERS.to_vec()).prop_map(|m| Inline::NoteRef(m.into())),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop::collection::vec(inner, 0..3).prop_map(Inline::Emphasis)
    })
}

fn inlines() -> impl Strategy<Value = Vec<Inline>> {
    prop::collection::vec(inline(), 0..4)
}

fn num() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        1 => Just(None),
        1 => (1u32..30).prop_map(|n| Some(format!("{n}."))),
        1 => prop::sample::select(vec!["(a)", "(iv)", "a)", "1)", "-", "*", "#", "A.", "[x]", "(ب)", "(一)", "1.2"])
            .prop_map(|s| Some(s.to_string())),
        1 => text().prop_map(Some),
    ]
}

fn paragraph() -> impl Strategy<Value = Paragraph> {
    let leaf = (num(), inlines()).prop_map(|(num, content)| Paragraph {
        num,
        content,
        ..Paragraph::default()
    });
    leaf.prop_recursive(2, 12, 3, |inner| {
        (
            num(),
            inlines(),
            prop::collection::vec(inner, 0..3),
            inlines(),
        )
            .prop_map(|(num, content, items, wrap_up)| Paragraph {
                num,
                content,
                items,
                wrap_up,
            })
    })
}

fn block() -> impl Strategy<Value = Block> {
    prop_oneof![
        6 => paragraph().prop_map(Block::Paragraph),
        1 => (prop::option::of(text()), inlines(), 0u8..8)
            .prop_map(|(num, text, level)| Block::Heading(Heading { num, text, level })),
        1 => (0usize..3, prop::collection::vec(prop::collection::vec(inlines(), 0..3), 0..3))
            .prop_map(|(header_rows, rows)| Block::Table(Table { header_rows, rows })),
    ]
}

fn blocks() -> impl Strategy<Value = Vec<Block>> {
    prop::collection::vec(block(), 0..5)
}

/// Any real date: every month, days up to 28 (always valid), any year.
fn date() -> impl Strategy<Value = Date> {
    (1u32..=9999, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| Date::new(y, m, d).expect("valid"))
}

fn meta() -> impl Strategy<Value = Meta> {
    let a = (
        prop::sample::select(vec![
            Body::GeneralAssembly,
            Body::SecurityCouncil,
            Body::EconomicAndSocialCouncil,
        ]),
        text(),
        prop::option::of(0u32..100),
        prop::option::of(0u32..3000),
        prop::option::of(1945u32..2100),
        prop::sample::select(Lang::ALL.to_vec()),
        text(),
        text(),
    );
    let b = (
        prop::option::of(text()),
        prop::collection::vec(text(), 0..3),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::collection::vec((text(), prop::option::of(text())), 0..3),
        prop::option::of(date()),
        prop::option::of(date()),
        prop::option::of((0u32..500, text())),
        (
            prop::option::of(text()),
            prop::collection::vec(text(), 0..3),
        ),
    );
    (a, b).prop_map(
        |(
            (body, symbol, session, number, year, lang, title, title_num),
            (
                committee,
                reports,
                report_paragraph,
                draft,
                agenda,
                adopted,
                distributed,
                meeting,
                (job_number, running_heads),
            ),
        )| Meta {
            job_number,
            running_heads,
            body,
            symbol,
            session,
            number,
            year,
            lang,
            title,
            title_num,
            committee,
            reports,
            report_paragraph,
            draft,
            agenda_items: agenda
                .into_iter()
                .map(|(number, title)| AgendaItem { number, title })
                .collect(),
            adopted,
            distributed,
            meeting: meeting.map(|(number, printed)| Meeting { number, printed }),
        },
    )
}

fn annex() -> impl Strategy<Value = Annex> {
    (text(), inlines(), blocks()).prop_map(|(label, title, content)| Annex {
        label,
        title,
        content,
    })
}

/// A resolution whose every cited marker has a note (notes are stored for
/// citations; see `dangling_citations_survive` for the other case).
fn resolution() -> impl Strategy<Value = Resolution> {
    (
        meta(),
        prop::collection::vec(text(), 0..3),
        text(),
        blocks(),
        blocks(),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec(annex(), 0..2),
        prop::collection::vec(inlines(), 4),
        prop::collection::vec(text(), 0..3),
    )
        .prop_map(
            |(
                meta,
                preface,
                formula,
                preamble,
                body,
                conclusions,
                annexes,
                note_texts,
                masthead,
            )| {
                let mut res = Resolution {
                    meta,
                    masthead,
                    preface,
                    formula,
                    preamble,
                    body,
                    conclusions,
                    annexes,
                    notes: Vec::new(),
                };
                res.normalize();
                let cited = res.cited_markers();
                for (i, m) in MARKERS.iter().enumerate() {
                    if cited.iter().any(|c| c == m) {
                        let content = strip_refs(&note_texts[i]);
                        res.notes.push(Note {
                            marker: m.to_string(),
                            content,
                        });
                    }
                }
                res.normalize();
                res
            },
        )
}

fn strip_refs(parts: &[Inline]) -> Vec<Inline> {
    parts
        .iter()
        .filter_map(|p| match p {
            Inline::NoteRef(_) => None,
            Inline::Emphasis(i) => Some(Inline::Emphasis(strip_refs(i))),
            t => Some(t.clone()),
        })
        .collect()
}

fn via_markdown(res: &Resolution) -> Result<Resolution, String> {
    let md = emit::markdown::write(res, &EmitOptions::default()).map_err(|e| e.to_string())?;
    let md = String::from_utf8(md).map_err(|e| e.to_string())?;
    // No raw HTML, whatever the text: what plain Markdown cannot say is
    // carried by unused link reference definitions and strong emphasis.
    use pulldown_cmark::{Event, Options, Parser};
    let opts = Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TABLES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let html =
        Parser::new_ext(&md, opts).find(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_)));
    if let Some(h) = html {
        return Err(format!("raw HTML {h:?}\n---\n{md}"));
    }
    read::markdown::read(&md, &ReadOptions::default())
        .map(|(r, _)| r)
        .map_err(|e| format!("{e}\n---\n{md}"))
}

fn via_akn(res: &Resolution) -> Result<Resolution, String> {
    let xml = emit::akn::write(res, &EmitOptions::default()).map_err(|e| e.to_string())?;
    let xml = String::from_utf8(xml).map_err(|e| e.to_string())?;
    read::akn::read(&xml, &ReadOptions::default())
        .map(|(r, _)| r)
        .map_err(|e| format!("{e}\n---\n{xml}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn normalize_is_idempotent(res in resolution()) {
        let mut again = res.clone();
        again.normalize();
        prop_assert_eq!(again, res);
    }

    #[test]
    fn markdown_round_trip_is_identity(res in resolution()) {
        let back = via_markdown(&res);
        prop_assert!(back.is_ok(), "{}", back.unwrap_err());
        prop_assert_eq!(back.unwrap(), res);
    }

    #[test]
    fn akn_round_trip_is_identity(res in resolution()) {
        let back = via_akn(&res);
        prop_assert!(back.is_ok(), "{}", back.unwrap_err());
        prop_assert_eq!(back.unwrap(), res);
    }
}
