//! Layout: where every glyph of a resolution goes, page by page.
//!
//! Pure: shaping comes in through [`Shaper`], nothing is written here, so
//! the tests run with a fixed-width stand-in. The stages, one module each:
//! `flows` turns the IR into boxes and glue,
//! `inline` sets one paragraph into line boxes,
//! `pager` fills pages and sets footnotes at their foot,
//! `furniture` adds masthead, running heads, folios
//! and the job number. What comes out, [`Laid`], is all the PDF writer
//! sees: it never reads the IR.

use super::shape::{Glyph, Shaper};
use super::template::{Paper, Template};
use super::{flows, furniture, pager};
use crate::error::EmitError;
use crate::ir::{Lang, Resolution};

/// A run of glyphs of one face and size, placed on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// Pen position of the first glyph, from the page's left edge (pt).
    pub x: f32,
    /// Baseline, from the page's top edge (pt).
    pub y: f32,
    /// Font size (pt).
    pub size: f32,
    /// Index of the face in the document's faces.
    pub face: u8,
    /// Glyphs in visual order; advances in ems of `size`, justification
    /// included.
    pub glyphs: Vec<Glyph>,
    /// The text the glyphs' source ranges point into ([`Laid::texts`]).
    pub text: u32,
    /// The structure element the run belongs to ([`Laid::elements`]);
    /// none for page furniture (running heads, folios, the note
    /// separator), which the tagged PDF marks as artifacts.
    pub element: Option<u32>,
    /// Drawn, but no text of the document (the hyphen of a word cut at a
    /// line end): an artifact inside the element's text, never part of it.
    pub artifact: bool,
}

impl Run {
    /// Width in points.
    pub fn width(&self) -> f32 {
        self.glyphs.iter().map(|g| g.adv).sum::<f32>() * self.size
    }
}

/// The standard structure types of ISO 32000-1 §14.8.4 that a
/// resolution's page holds: what assistive technology and reflow read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// An annex.
    Sect,
    /// A paragraph with its sub-paragraphs.
    Div,
    /// The resolution's number and title.
    H1,
    /// A heading, an annex's label or title.
    H2,
    /// A paragraph, a masthead or preface line, a closing line.
    P,
    /// A table.
    Table,
    /// A table row.
    TR,
    /// A cell of column headings.
    TH,
    /// A body cell.
    TD,
    /// A footnote.
    Note,
}

impl Role {
    /// The structure type's name in the file.
    pub fn name(self) -> &'static str {
        match self {
            Role::Sect => "Sect",
            Role::Div => "Div",
            Role::H1 => "H1",
            Role::H2 => "H2",
            Role::P => "P",
            Role::Table => "Table",
            Role::TR => "TR",
            Role::TH => "TH",
            Role::TD => "TD",
            Role::Note => "Note",
        }
    }
}

/// A node of the document's logical structure. Elements are numbered in
/// reading order, a parent before its children.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Element {
    /// What the element is.
    pub role: Role,
    /// The enclosing element; none for a child of the document.
    pub parent: Option<u32>,
}

/// Marks every run of `boxes` not yet in an element as part of `element`
/// (an element's children are marked first, so they keep theirs).
pub(super) fn mark_runs(boxes: &mut [Bx], element: u32) {
    for run in boxes.iter_mut().flat_map(|b| b.runs.iter_mut()) {
        if !run.artifact {
            run.element.get_or_insert(element);
        }
    }
}

/// A straight line (rules above notes, table borders), page coordinates
/// from the top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// Start, from the left edge (pt).
    pub x1: f32,
    /// Start, from the top edge (pt).
    pub y1: f32,
    /// End, from the left edge (pt).
    pub x2: f32,
    /// End, from the top edge (pt).
    pub y2: f32,
    /// Line width (pt).
    pub width: f32,
}

/// One page's content.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// Text runs, in drawing order.
    pub runs: Vec<Run>,
    /// Rules, in drawing order.
    pub rules: Vec<Rule>,
    /// Notes set at the bottom of this page: which lines of which note.
    pub notes: Vec<NoteSlice>,
}

/// Lines of one note set at a page foot: the whole note, or the part that
/// fits there, the rest continuing at the foot of the next page (the UN's
/// convention for a note longer than the room left).
#[derive(Debug, Clone, PartialEq)]
pub struct NoteSlice {
    /// Index of the note.
    pub note: usize,
    /// Which of its set lines.
    pub lines: std::ops::Range<usize>,
}

/// A bookmark: title, page index, y from the top.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// The bookmark's label.
    pub title: String,
    /// Index of the page it points to.
    pub page: usize,
    /// Where on the page, from the top edge (pt).
    pub y: f32,
}

/// The laid-out document: pages, and the few facts about the document
/// the writer needs for the file itself, so that it never reads the IR.
#[derive(Debug, Clone, PartialEq)]
pub struct Laid {
    /// Page width in points.
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// The pages, in order.
    pub pages: Vec<Page>,
    /// Source texts of the runs.
    pub texts: Vec<String>,
    /// The logical structure the runs belong to, in reading order.
    pub elements: Vec<Element>,
    /// Bookmarks in document order, labelled in the document's language.
    pub outline: Vec<Mark>,
    /// The document information title: symbol and title.
    pub title: String,
    /// The symbol (document information subject).
    pub symbol: String,
    /// The language tag of the catalog (ISO 639-1).
    pub lang: &'static str,
    /// Read right to left (the viewer's reading direction).
    pub rtl: bool,
}

/// Vertical material for the pager.
#[derive(Debug, Clone)]
pub(super) enum Flow {
    Box(Bx),
    Glue(f32),
    PageBreak,
}

/// A box of fixed height: runs and rules with y relative to its top.
#[derive(Debug, Clone, Default)]
pub(super) struct Bx {
    pub height: f32,
    pub runs: Vec<Run>,
    pub rules: Vec<Rule>,
    /// Notes first cited in this box.
    pub notes: Vec<usize>,
    /// Must stay on the same page as the next box.
    pub keep: bool,
    pub mark: Option<String>,
}

/// What every stage of layout shares: the shaper, the page style, the
/// text area, the texts set so far and which notes are cited already.
pub(super) struct Ctx<'s, 't> {
    pub shaper: &'s mut dyn Shaper,
    pub tpl: &'t Template,
    pub rtl: bool,
    /// The document's language (its words for table totals).
    pub lang: Lang,
    /// Text area: left edge and width on the page.
    pub left: f32,
    pub width: f32,
    pub texts: Vec<String>,
    /// Note markers, in note order.
    pub notes: Vec<String>,
    pub cited: Vec<bool>,
    /// The structure elements opened so far.
    pub elements: Vec<Element>,
}

impl Ctx<'_, '_> {
    /// Opens a structure element: the next in reading order.
    pub fn element(&mut self, role: Role, parent: Option<u32>) -> u32 {
        self.elements.push(Element { role, parent });
        (self.elements.len() - 1) as u32
    }

    /// The furniture's area (heads, folios, masthead), as an area of a
    /// [`super::inline::ParaSpec`]: its start edge from the text area's
    /// (negative where the furniture reaches further out), and its width.
    pub fn furniture(&self) -> (f32, f32) {
        let p = &self.tpl.page;
        let out_start = p.margin_start - p.furniture_start;
        let out_end = p.margin_end - p.furniture_end;
        (-out_start, self.width + out_start + out_end)
    }

    /// The furniture's left edge on the page, and its width.
    pub fn furniture_x(&self) -> (f32, f32) {
        let p = &self.tpl.page;
        let (_, width) = self.furniture();
        let out_left = if self.rtl {
            p.margin_end - p.furniture_end
        } else {
            p.margin_start - p.furniture_start
        };
        (self.left - out_left, width)
    }
}

/// Lays out a resolution on pages of `paper`.
pub fn layout(
    res: &Resolution,
    tpl: &Template,
    paper: Paper,
    shaper: &mut dyn Shaper,
) -> Result<Laid, EmitError> {
    let (pw, ph) = paper.size_pt();
    let rtl = res.meta.lang.is_rtl();
    let p = &tpl.page;
    let mut cx = Ctx {
        shaper,
        tpl,
        rtl,
        lang: res.meta.lang,
        left: if rtl { p.margin_end } else { p.margin_start },
        width: pw - p.margin_start - p.margin_end,
        texts: Vec::new(),
        notes: res.notes.iter().map(|n| n.marker.clone()).collect(),
        cited: vec![false; res.notes.len()],
        elements: Vec::new(),
    };
    let mut flows = flows::document(&mut cx, res)?;
    pager::attach_uncited(&mut flows, &cx.cited);
    let note_boxes = flows::notes(&mut cx, &res.notes)?;
    // The masthead starts above the text's top margin, where the UN's does.
    let lift = if res.masthead.is_empty() {
        0.0
    } else {
        (p.margin_top - tpl.masthead.top).max(0.0)
    };
    let (mut pages, outline) = pager::paginate(tpl, ph, (flows, lift), &note_boxes);
    let count = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        pager::set_notes(&mut cx, page, &note_boxes, ph)?;
        furniture::page(&mut cx, page, (i, count), &res.meta, ph)?;
    }
    let title = format!("{} {}", res.meta.symbol, res.meta.title);
    Ok(Laid {
        width: pw,
        height: ph,
        pages,
        texts: cx.texts,
        elements: cx.elements,
        outline,
        title: title.trim().to_string(),
        symbol: res.meta.symbol.clone(),
        lang: res.meta.lang.iso639_1(),
        rtl,
    })
}

#[cfg(test)]
mod tests {
    use super::super::fonts::Style;
    use super::super::linebreak;
    use super::super::shape::fixed::FixedShaper;
    use super::*;
    use crate::ir::{Annex, Block, Heading, Inline, Lang, Meta, Note, Paragraph, Table};
    use crate::lang::outline_labels;

    fn text(s: &str) -> Vec<Inline> {
        vec![Inline::Text(s.into())]
    }

    fn para(num: Option<&str>, s: &str) -> Block {
        Block::Paragraph(Paragraph {
            num: num.map(Into::into),
            content: text(s),
            ..Paragraph::default()
        })
    }

    fn res(lang: Lang) -> Resolution {
        Resolution {
            meta: Meta {
                symbol: "A/RES/1/1".into(),
                title_num: "1/1.".into(),
                title: "A title".into(),
                lang,
                ..Meta::default()
            },
            formula: "The General Assembly,".into(),
            ..Resolution::default()
        }
    }

    fn page_text(laid: &Laid, page: &Page) -> String {
        let mut runs: Vec<&Run> = page.runs.iter().collect();
        runs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
        let mut s = String::new();
        for r in runs {
            let t = &laid.texts[r.text as usize];
            for g in &r.glyphs {
                s.push_str(&t[g.start as usize..g.end as usize]);
            }
        }
        s
    }

    fn lay(r: &Resolution) -> Laid {
        layout(r, &Template::default_un(), Paper::A4, &mut FixedShaper).unwrap()
    }

    /// Line ends (baseline, right edge) of body-size runs on page 1.
    fn line_ends(laid: &Laid, size: f32) -> Vec<(f32, f32)> {
        let mut ends: Vec<(f32, f32)> = Vec::new();
        for run in laid.pages[0].runs.iter().filter(|r| r.size == size) {
            let end = run.x + run.width();
            match ends.iter_mut().find(|(y, _)| *y == run.y) {
                Some(e) => e.1 = e.1.max(end),
                None => ends.push((run.y, end)),
            }
        }
        ends.sort_by(|a, b| a.0.total_cmp(&b.0));
        ends
    }

    #[test]
    fn every_character_is_placed() {
        let mut r = res(Lang::En);
        let words = "word ".repeat(1500);
        r.body = vec![
            para(Some("1."), &words),
            para(Some("2."), "Decides to remain seized of the matter."),
        ];
        let laid = lay(&r);
        let all: String = laid.pages.iter().map(|p| page_text(&laid, p)).collect();
        let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert_eq!(strip(&all).matches("word").count(), 1500);
        assert!(strip(&all).contains("Decidestoremainseizedofthematter."));
        assert!(laid.pages.len() >= 2, "1500 words need two pages");
    }

    #[test]
    fn justified_lines_fill_the_measure() {
        let mut r = res(Lang::En);
        r.body = vec![para(Some("1."), &"justify these words ".repeat(40))];
        let laid = lay(&r);
        let t = Template::default_un();
        let (pw, _) = Paper::A4.size_pt();
        let right = pw - t.page.margin_end;
        let ends = line_ends(&laid, t.text.size);
        let body: Vec<_> = ends.iter().skip(2).collect(); // title and formula
        assert!(body.len() > 3);
        for (_, end) in &body[..body.len() - 1] {
            assert!(
                (end - right).abs() < 0.5,
                "line ends at {end}, measure at {right}"
            );
        }
    }

    /// Sixty numbered paragraphs, each citing its own note, and a second
    /// citation of note 1 at the end.
    fn cited_notes() -> Resolution {
        let mut r = res(Lang::En);
        for i in 1..=60 {
            r.body.push(Block::Paragraph(Paragraph {
                num: Some(format!("{i}.")),
                content: vec![
                    Inline::Text(format!("Paragraph{i} ")),
                    Inline::Text("with some words to fill the line and wrap ".repeat(3)),
                    Inline::NoteRef(i.to_string()),
                    Inline::Text(" and more.".into()),
                ],
                ..Paragraph::default()
            }));
            r.notes.push(Note {
                marker: i.to_string(),
                content: text(&format!("Notetext{i} of some length to take a line.")),
            });
        }
        r.body.push(Block::Paragraph(Paragraph {
            num: Some("61.".into()),
            content: vec![Inline::Text("Again".into()), Inline::NoteRef("1".into())],
            ..Paragraph::default()
        }));
        r
    }

    #[test]
    fn footnotes_land_on_the_page_of_their_first_citation() {
        let laid = lay(&cited_notes());
        assert!(laid.pages.len() >= 3);
        let texts: Vec<String> = laid.pages.iter().map(|p| page_text(&laid, p)).collect();
        for i in 1..=60 {
            let cite = texts
                .iter()
                .position(|t| t.contains(&format!("Paragraph{i} ")))
                .unwrap();
            let notes: Vec<usize> = (0..texts.len())
                .filter(|&p| texts[p].contains(&format!("Notetext{i} ")))
                .collect();
            assert_eq!(notes, [cite], "note {i}");
        }
    }

    #[test]
    fn chinese_lines_respect_kinsoku() {
        let mut r = res(Lang::Zh);
        r.body = vec![para(Some("1."), &"请秘书长，在第六十届会议上。".repeat(30))];
        let laid = lay(&r);
        let t = Template::default_un();
        let mut lines: Vec<(f32, String)> = Vec::new();
        for run in laid.pages[0].runs.iter().filter(|r| r.size == t.text.size) {
            let s: String = run
                .glyphs
                .iter()
                .map(|g| &laid.texts[run.text as usize][g.start as usize..g.end as usize])
                .collect();
            match lines.iter_mut().find(|(y, _)| *y == run.y) {
                Some(l) => l.1.push_str(&s),
                None => lines.push((run.y, s)),
            }
        }
        assert!(lines.len() > 5);
        for (_, l) in &lines {
            let first = l.chars().next().unwrap();
            assert!(
                !linebreak::no_line_start(first),
                "line starts with {first}: {l}"
            );
        }
    }

    /// Characters of "国" on each body line of a one-paragraph Chinese
    /// resolution of `len` of them, top to bottom (unnumbered: a numbered
    /// paragraph's last line also reaches past its number).
    fn chinese_lines(len: usize, t: &Template) -> Vec<usize> {
        let mut r = res(Lang::Zh);
        r.body = vec![para(None, &format!("{}。", "国".repeat(len)))];
        let laid = layout(&r, t, Paper::A4, &mut FixedShaper).unwrap();
        let mut lines: Vec<(f32, usize)> = Vec::new();
        for run in laid.pages[0].runs.iter().filter(|r| r.size == t.text.size) {
            let text = &laid.texts[run.text as usize];
            let n = run
                .glyphs
                .iter()
                .filter(|g| &text[g.start as usize..g.end as usize] == "国")
                .count();
            match lines.iter_mut().find(|(y, _)| *y == run.y) {
                Some(l) => l.1 += n,
                None => lines.push((run.y, n)),
            }
        }
        lines.retain(|l| l.1 > 0);
        lines.sort_by(|a, b| a.0.total_cmp(&b.0));
        lines.into_iter().map(|l| l.1).collect()
    }

    /// Whatever a Chinese paragraph's length, its last line holds two
    /// characters at least (never "国。" alone), and every character is
    /// set; without the template's rule some lengths leave one alone.
    #[test]
    fn a_chinese_last_line_never_holds_one_character() {
        let t = Template::default_un();
        let mut off = Template::default_un();
        off.text.cjk_last_line_chars = 0;
        let mut alone_without = 0;
        for len in 20..=120 {
            let lines = chinese_lines(len, &t);
            assert_eq!(lines.iter().sum::<usize>(), len);
            assert!(
                lines.len() == 1 || lines[lines.len() - 1] >= 2,
                "{len}: {lines:?}"
            );
            alone_without += usize::from(chinese_lines(len, &off).last() == Some(&1));
        }
        assert!(alone_without > 0, "some lengths leave one character alone");
        assert!(chinese_lines(120, &t).len() >= 3, "the longest take lines");
    }

    /// The left edge and the right end (pt) of each body line of a
    /// one-paragraph English resolution numbered "31.", top to bottom, and
    /// the words set.
    fn numbered_lines(words: &str, t: &Template) -> (Vec<(f32, f32)>, usize) {
        let mut r = res(Lang::En);
        r.body = vec![para(Some("31."), words)];
        let laid = layout(&r, t, Paper::A4, &mut FixedShaper).unwrap();
        let mut lines: Vec<(f32, f32, f32)> = Vec::new();
        let mut set = String::new();
        let ours = |r: &&Run| {
            let text = &laid.texts[r.text as usize];
            text.contains("months:") || text == "31."
        };
        let body = laid.pages[0].runs.iter().filter(|r| r.size == t.text.size);
        for run in body.filter(ours) {
            let text = &laid.texts[run.text as usize];
            set.extend(
                run.glyphs
                    .iter()
                    .map(|g| &text[g.start as usize..g.end as usize]),
            );
            set.push(' ');
            let (x0, x1) = (run.x, run.x + run.width());
            match lines.iter_mut().find(|l| l.0 == run.y) {
                Some(l) => (l.1, l.2) = (l.1.min(x0), l.2.max(x1)),
                None => lines.push((run.y, x0, x1)),
            }
        }
        lines.sort_by(|a, b| a.0.total_cmp(&b.0));
        let words = set.split_whitespace().filter(|w| *w != "31.").count();
        (lines.into_iter().map(|l| (l.1, l.2)).collect(), words)
    }

    /// A numbered paragraph's last line reaches past the number above it,
    /// to where the first line's text starts: one short word alone under
    /// "31." reads as a column of its own to pdftotext. Every word is set,
    /// whatever the length (without the rule, 6 of these 51 lengths leave
    /// "months:" alone).
    #[test]
    fn a_numbered_paragraph_s_last_line_reaches_past_its_number() {
        let t = Template::default_un();
        let text_start = t.text.first_line_indent + t.text.number_width;
        for n in 10..=60 {
            let words = format!("{} months:", "abcd ef ".repeat(n));
            let (lines, set) = numbered_lines(&words, &t);
            assert_eq!(set, 2 * n + 1, "{n}: {lines:?}");
            let (margin, _) = lines[1];
            let (_, end) = lines[lines.len() - 1];
            assert!(end - margin >= text_start - 0.01, "{n}: {lines:?}");
        }
    }

    /// A justified Chinese line widens the gaps between its characters,
    /// but never the one before a note marker: the character the marker
    /// follows keeps its own width, wherever in the line it falls.
    #[test]
    fn a_note_marker_stays_against_what_it_cites() {
        let t = Template::default_un();
        for k in [2, 7, 13, 21] {
            let mut r = res(Lang::Zh);
            r.body = vec![Block::Paragraph(Paragraph {
                num: Some("1.".into()),
                content: vec![
                    Inline::Text("约国".repeat(k)),
                    Inline::NoteRef("1".into()),
                    Inline::Text("、国".repeat(100)),
                ],
                ..Paragraph::default()
            })];
            r.notes = vec![Note {
                marker: "1".into(),
                content: text("注。"),
            }];
            let laid = lay(&r);
            let runs = &laid.pages[0].runs;
            let is = |run: &Run, g: &Glyph, s: &str| {
                &laid.texts[run.text as usize][g.start as usize..g.end as usize] == s
            };
            let mark = runs
                .iter()
                .find(|r| (r.size - t.text.size * t.superscript.scale).abs() < 0.01)
                .expect("the marker");
            let cited = runs
                .iter()
                .filter(|r| r.size == t.text.size && (r.y - mark.y).abs() < 5.0 && r.x < mark.x)
                .max_by(|a, b| a.x.total_cmp(&b.x))
                .and_then(|r| r.glyphs.last().filter(|g| is(r, g, "国")))
                .expect("国 before the marker");
            let last_line = runs
                .iter()
                .filter(|r| r.size == t.text.size)
                .max_by(|a, b| a.y.total_cmp(&b.y))
                .unwrap();
            let natural = last_line.glyphs.iter().find(|g| is(last_line, g, "国"));
            assert_eq!(Some(cited.adv), natural.map(|g| g.adv), "{k}");
        }
    }

    /// A Russian paragraph of long words, laid out with `tpl`: the text
    /// of its runs that are not artifacts (spaces aside), and the number
    /// of artifact runs, each a hyphen at a line's end outside every
    /// element.
    fn hyphenated(tpl: &Template, lang: Lang) -> (String, usize) {
        let words = "представителями международного распространения информации ";
        let mut r = res(lang);
        r.body = vec![para(Some("1."), &words.repeat(12))];
        let laid = layout(&r, tpl, Paper::A4, &mut FixedShaper).unwrap();
        let (mut text, mut hyphens) = (String::new(), 0);
        let mut runs: Vec<&Run> = laid.pages.iter().flat_map(|p| &p.runs).collect();
        runs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
        for run in runs.iter().filter(|r| r.size == tpl.text.size) {
            let t: String = run
                .glyphs
                .iter()
                .map(|g| &laid.texts[run.text as usize][g.start as usize..g.end as usize])
                .collect();
            if run.artifact {
                assert_eq!((t.as_str(), run.element), ("-", None));
                let line_end = runs
                    .iter()
                    .filter(|o| o.y == run.y && !o.artifact)
                    .all(|o| o.x < run.x);
                assert!(line_end, "a hyphen ends its line");
                hyphens += 1;
            } else if t.contains('и') {
                text.push_str(&t);
            }
        }
        text.retain(|c| !c.is_whitespace());
        (text, hyphens)
    }

    /// Loose justified lines of a language the template hyphenates end in
    /// part of the next word and a hyphen drawn as an artifact; every
    /// letter is set once, in order. English and an empty list: none.
    #[test]
    fn loose_russian_lines_cut_a_word_and_nothing_is_lost() {
        let t = Template::default_un();
        let words = "представителями международного распространения информации ";
        let want: String = words
            .repeat(12)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let (text, hyphens) = hyphenated(&t, Lang::Ru);
        assert_eq!(text, want);
        assert!(hyphens > 0, "some line cuts a word");
        assert_eq!(hyphenated(&t, Lang::En), (want.clone(), 0));
        let mut none = Template::default_un();
        none.text.hyphenate.clear();
        assert_eq!(hyphenated(&none, Lang::Ru), (want, 0));
    }

    /// A word cut at a line end never ends a page: its halves stay on one
    /// page (pdftotext joins a line-end hyphen to whatever follows it, the
    /// folio at a page's foot), over a paragraph of many pages.
    #[test]
    fn no_page_ends_in_a_cut_word() {
        let t = Template::default_un();
        let words = "представителями международного распространения информации ";
        let mut r = res(Lang::Ru);
        r.body = vec![para(Some("1."), &words.repeat(400))];
        let laid = lay(&r);
        assert!(laid.pages.len() >= 3);
        let mut cuts = 0;
        for page in &laid.pages {
            let body = page.runs.iter().filter(|r| r.size == t.text.size);
            cuts += body.clone().filter(|r| r.artifact).count();
            let last_y = body.clone().map(|r| r.y).fold(f32::MIN, f32::max);
            assert!(
                !body.clone().any(|r| r.artifact && r.y == last_y),
                "a page ends in a cut word"
            );
        }
        assert!(cuts > 10, "the paragraph cuts words ({cuts})");
    }

    /// A short body and an annex with a heading, a paragraph and a table.
    fn with_annex(lang: Lang) -> Resolution {
        let mut r = res(lang);
        r.body = vec![para(Some("1."), "Short.")];
        r.annexes = vec![Annex {
            label: "Annex".into(),
            title: text("Declaration"),
            content: vec![
                Block::Heading(Heading {
                    num: Some("I".into()),
                    text: text("Principles"),
                    level: 1,
                }),
                para(Some("1."), "First."),
                Block::Table(Table {
                    header_rows: 1,
                    rows: vec![
                        vec![text("Head A"), text("Head B")],
                        vec![text("a"), text("b")],
                    ],
                }),
            ],
        }];
        r
    }

    #[test]
    fn headings_keep_with_next_and_annexes_start_pages() {
        let laid = lay(&with_annex(Lang::En));
        assert_eq!(laid.pages.len(), 2);
        let p2 = page_text(&laid, &laid.pages[1]);
        assert!(p2.contains("Annex") && p2.contains("IPrinciples") && p2.contains("Head A"));
        assert!(!laid.pages[1].rules.is_empty(), "table rules drawn");
        let titles: Vec<&str> = laid.outline.iter().map(|m| m.title.as_str()).collect();
        let en = outline_labels(Lang::En);
        assert_eq!(
            titles,
            [
                "1/1. A title",
                en.preamble,
                en.operative,
                "Annex Declaration"
            ]
        );
        assert_eq!(laid.outline[3].page, 1);
    }

    #[test]
    fn bookmarks_speak_the_document_language() {
        let laid = lay(&with_annex(Lang::Fr));
        let fr = outline_labels(Lang::Fr);
        let titles: Vec<&str> = laid.outline.iter().map(|m| m.title.as_str()).collect();
        assert_eq!(titles[1..3], [fr.preamble, fr.operative]);
        assert_ne!(fr.preamble, outline_labels(Lang::En).preamble);
    }

    #[test]
    fn the_writer_gets_what_it_needs_from_layout() {
        let laid = lay(&res(Lang::Ar));
        assert_eq!(laid.title, "A/RES/1/1 A title");
        assert_eq!(laid.symbol, "A/RES/1/1");
        assert_eq!((laid.lang, laid.rtl), ("ar", true));
        assert!(!lay(&res(Lang::En)).rtl);
    }

    #[test]
    fn sub_paragraphs_are_indented_below_their_parent() {
        let mut r = res(Lang::En);
        r.body = vec![Block::Paragraph(Paragraph {
            num: Some("1.".into()),
            content: text("Requests:"),
            items: vec![Paragraph {
                num: Some("(a)".into()),
                content: text("item text"),
                ..Paragraph::default()
            }],
            wrap_up: text("and closes."),
        })];
        let laid = lay(&r);
        let x_of = |needle: &str| {
            laid.pages[0]
                .runs
                .iter()
                .find(|r| {
                    r.glyphs.first().is_some_and(|g| {
                        laid.texts[r.text as usize][g.start as usize..].starts_with(needle)
                    })
                })
                .map(|r| r.x)
                .unwrap()
        };
        assert!(x_of("(a)") > x_of("1."));
        assert!(x_of("item") > x_of("Requests"));
        // The wrap-up opens at the first-line indent, where "1." stands.
        assert_eq!(x_of("and"), x_of("1."));
    }

    #[test]
    fn arabic_pages_are_mirrored() {
        let mut r = res(Lang::Ar);
        r.formula = "إن الجمعية العامة،".into();
        r.body = vec![para(Some("1."), "تقرر أن تبقي المسألة قيد نظرها.")];
        let laid = lay(&r);
        let t = Template::default_un();
        let (pw, _) = Paper::A4.size_pt();
        let right = laid.pages[0]
            .runs
            .iter()
            .filter(|r| laid.texts[r.text as usize] == "1.")
            .map(|r| r.x + r.width())
            .fold(0.0, f32::max);
        // The number stands on the right, at the first-line indent from
        // the start edge.
        let at = pw - t.page.margin_start - t.text.first_line_indent;
        assert!((right - at).abs() < 1.0, "number ends at {right}, not {at}");
    }

    /// Every run on its page, none over an edge; `area` runs (those whose
    /// text `area` accepts) with their baseline in the text area.
    fn assert_on_pages(laid: &Laid, area: impl Fn(&str) -> bool) {
        let t = Template::default_un();
        let (top, bottom) = (t.page.margin_top, laid.height - t.page.margin_bottom);
        for (i, page) in laid.pages.iter().enumerate() {
            for run in &page.runs {
                let s: String = run
                    .glyphs
                    .iter()
                    .map(|g| &laid.texts[run.text as usize][g.start as usize..g.end as usize])
                    .collect();
                let (x0, x1) = (run.x, run.x + run.width());
                assert!(
                    x0 >= -0.01
                        && x1 <= laid.width + 0.01
                        && run.y - run.size >= 0.0
                        && run.y <= laid.height,
                    "page {i}: run {s:?} at ({x0}..{x1}, {}) off the page",
                    run.y
                );
                if area(&s) {
                    assert!(
                        run.y >= top && run.y <= bottom + 0.01,
                        "page {i}: run {s:?} at y {} outside the text area {top}..{bottom}",
                        run.y
                    );
                }
            }
        }
    }

    /// Whether the numbered words `P0 P1 …` (prefix P) all print, once
    /// each and in order, runs read in page order (top to bottom, then
    /// left to right); on failure, where the order breaks.
    fn assert_numbered_words(laid: &Laid, prefix: &str, count: usize) {
        let mut seen = Vec::new();
        for page in &laid.pages {
            let mut runs: Vec<&Run> = page.runs.iter().collect();
            runs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
            for r in runs {
                let t = &laid.texts[r.text as usize];
                let s: String = r
                    .glyphs
                    .iter()
                    .map(|g| &t[g.start as usize..g.end as usize])
                    .collect();
                seen.extend(
                    s.split(|c: char| !c.is_alphanumeric())
                        .filter_map(|w| w.strip_prefix(prefix)?.parse::<usize>().ok()),
                );
            }
        }
        let first_wrong = (0..count).find(|&i| seen.get(i) != Some(&i));
        assert!(
            first_wrong.is_none() && seen.len() == count,
            "{prefix}: {} of {count} words; order breaks at {first_wrong:?}: {:?}",
            seen.len(),
            first_wrong.map(|i| &seen[i.saturating_sub(2)..(i + 3).min(seen.len())])
        );
    }

    #[test]
    fn a_note_longer_than_a_page_continues_on_the_next() {
        let mut r = res(Lang::En);
        let words: String = (0..3000).map(|i| format!("nw{i} ")).collect();
        r.body = vec![
            para(Some("1."), "Opening words."),
            Block::Paragraph(Paragraph {
                num: Some("2.".into()),
                content: vec![Inline::Text("Cites".into()), Inline::NoteRef("1".into())],
                ..Paragraph::default()
            }),
            para(Some("3."), "Closing words."),
        ];
        r.notes = vec![Note {
            marker: "1".into(),
            content: text(&words),
        }];
        let laid = lay(&r);
        assert_numbered_words(&laid, "nw", 3000);
        assert!(laid.pages.len() >= 3, "{} pages", laid.pages.len());
        assert_on_pages(&laid, |s| s.starts_with("nw"));
        let first = laid
            .pages
            .iter()
            .position(|p| page_text(&laid, p).contains("nw0"))
            .unwrap();
        assert!(
            page_text(&laid, &laid.pages[first]).contains("Cites"),
            "note starts where cited"
        );
    }

    #[test]
    fn a_word_longer_than_the_measure_is_broken_not_lost() {
        let mut r = res(Lang::En);
        r.body = vec![para(
            Some("1."),
            &format!("Before {} after.", "x".repeat(5000)),
        )];
        let laid = lay(&r);
        let all: String = laid.pages.iter().map(|p| page_text(&laid, p)).collect();
        assert_eq!(all.matches('x').count(), 5000);
        assert!(all.contains("Before") && all.contains("after."));
        assert_on_pages(&laid, |s| s.starts_with('x'));
    }

    #[test]
    fn a_table_cell_taller_than_a_page_is_split_across_pages() {
        let mut r = res(Lang::En);
        let words: String = (0..4000).map(|i| format!("cw{i} ")).collect();
        r.body = vec![Block::Table(Table {
            header_rows: 1,
            rows: vec![
                vec![text("Head"), text("Other")],
                vec![text(&words), text("b")],
            ],
        })];
        let laid = lay(&r);
        assert_numbered_words(&laid, "cw", 4000);
        assert_on_pages(&laid, |s| s.starts_with("cw"));
    }

    #[test]
    fn three_hundred_pages_keep_every_paragraph_and_note() {
        let mut r = res(Lang::En);
        for i in 0..4000 {
            r.body.push(Block::Paragraph(Paragraph {
                num: Some(format!("{}.", i + 1)),
                content: vec![
                    Inline::Text(format!(
                        "pw{i} {}",
                        "words to fill a line or two ".repeat(8)
                    )),
                    Inline::NoteRef((i + 1).to_string()),
                ],
                ..Paragraph::default()
            }));
            r.notes.push(Note {
                marker: (i + 1).to_string(),
                content: text(&format!("nt{i} a note of a line.")),
            });
        }
        let laid = lay(&r);
        assert!(laid.pages.len() >= 300, "{} pages", laid.pages.len());
        assert_numbered_words(&laid, "pw", 4000);
        assert_numbered_words(&laid, "nt", 4000);
        assert_on_pages(&laid, |s| s.starts_with("pw") || s.starts_with("nt"));
    }

    /// The run of `page` whose glyphs read exactly `s`.
    fn run_reading<'a>(laid: &Laid, page: &'a Page, s: &str) -> &'a Run {
        page.runs
            .iter()
            .find(|run| {
                let t = &laid.texts[run.text as usize];
                run.glyphs
                    .iter()
                    .map(|g| &t[g.start as usize..g.end as usize])
                    .collect::<String>()
                    == s
            })
            .unwrap_or_else(|| panic!("{s} not set"))
    }

    /// A shaper that records the style each text was shaped in.
    #[derive(Default)]
    struct StyleLog(Vec<(String, Style)>);

    impl Shaper for StyleLog {
        fn shape(
            &mut self,
            text: &str,
            base: usize,
            style: Style,
            rtl: bool,
            out: &mut Vec<Glyph>,
        ) -> Result<(), EmitError> {
            self.0.push((text.to_string(), style));
            FixedShaper.shape(text, base, style, rtl, out)
        }
    }

    /// A total row ("Subtotal", "… total", "Итого", "小计") is set in bold
    /// between rules; the rows around it are not.
    #[test]
    fn total_rows_are_bold_between_rules() {
        let cases = [
            (Lang::En, "Subtotal", "P-2/1"),
            (Lang::En, "Expenditure sections total", "Totalitarian"),
            (Lang::Ru, "Итого", "Прочие"),
            (Lang::Zh, "支出部分共计", "其他"),
        ];
        for (lang, total, plain) in cases {
            let mut r = res(lang);
            r.body = vec![Block::Table(Table {
                header_rows: 1,
                rows: vec![
                    vec![text("Category"), text("Posts")],
                    vec![text(plain), text("565")],
                    vec![text(total), text("5 247")],
                    vec![text("D-1"), text("313")],
                ],
            })];
            let mut log = StyleLog::default();
            let laid = layout(&r, &Template::default_un(), Paper::A4, &mut log).unwrap();
            let styles = |t: &str| -> Vec<Style> {
                log.0
                    .iter()
                    .filter(|(s, _)| s == t)
                    .map(|(_, st)| *st)
                    .collect()
            };
            assert!(!styles(total).is_empty(), "{total} shaped");
            assert!(styles(total).iter().all(|s| *s == Style::Bold), "{total}");
            assert!(styles("5 247").iter().all(|s| *s == Style::Bold));
            assert!(
                styles(plain).iter().all(|s| *s == Style::Regular),
                "{plain}"
            );
            assert!(styles("313").iter().all(|s| *s == Style::Regular));
            // Above the table, under the headings, around the total, under the last row.
            assert_eq!(laid.pages[0].rules.len(), 5, "{lang:?}");
        }
    }

    /// Tables as the UN sets them: figures flush on the end side, the
    /// label column widest, horizontal rules only (above, under the
    /// headings, under the last row).
    #[test]
    fn tables_align_figures_and_rule_horizontally() {
        let mut r = res(Lang::En);
        r.body = vec![Block::Table(Table {
            header_rows: 1,
            rows: vec![
                vec![text("Category"), text("Posts"), text("Total")],
                vec![text("Under-Secretary-General"), text("37"), text("54")],
                vec![text("D-2"), text("118"), text("1 131")],
            ],
        })];
        let laid = lay(&r);
        let page = &laid.pages[0];
        let run_of = |s: &str| run_reading(&laid, page, s);
        let end = |s: &str| run_of(s).x + run_of(s).width();
        assert!(
            (end("54") - end("1 131")).abs() < 0.01,
            "figures end together"
        );
        assert!((end("37") - end("118")).abs() < 0.01);
        assert!(
            run_of("37").x - run_of("Under-Secretary-General").x > 100.0,
            "labels widest"
        );
        assert_eq!(page.rules.len(), 3, "{:?}", page.rules);
        assert!(page.rules.iter().all(|r| r.y1 == r.y2), "horizontal only");
    }

    /// With `masthead_columns`, the masthead stands in the UN's two
    /// columns: the symbol on the first row at the end side, the organ and
    /// "Distr." on one row, every character set once.
    #[test]
    fn a_two_column_masthead_on_request() {
        let mut r = res(Lang::En);
        r.masthead = [
            "United Nations",
            "General Assembly",
            "A/RES/1/1",
            "Distr.: General",
            "22 December 2023",
            "Seventy-eighth session",
        ]
        .map(String::from)
        .to_vec();
        let mut t = Template::default_un();
        t.page.masthead_columns = true;
        let laid = layout(&r, &t, Paper::A4, &mut FixedShaper).unwrap();
        let page = &laid.pages[0];
        let run = |s: &str| run_reading(&laid, page, s);
        assert_eq!(
            run("A/RES/1/1").y,
            run("United Nations").y,
            "symbol on the first row"
        );
        assert!(run("A/RES/1/1").x > run("United Nations").x + 200.0);
        assert_eq!(
            run("Distr.: General").y,
            run("General Assembly").y,
            "one baseline"
        );
        assert!(run("Seventy-eighth session").y > run("22 December 2023").y);
        // Where the template puts them: the first row above the text's top
        // margin, the session block under the thick rule.
        let m = &t.masthead;
        let top = run("United Nations").y - run("United Nations").size;
        assert!((top - m.top).abs() < 6.0, "first row at {top}");
        assert!(top < t.page.margin_top - 20.0);
        let thick = page
            .rules
            .iter()
            .find(|r| r.width > 1.0)
            .expect("thick rule");
        assert!((thick.y1 - m.rule_at).abs() < 0.01, "rule at {}", thick.y1);
        assert!(run("Seventy-eighth session").y > thick.y1);
        // Without a masthead the text starts at the top margin.
        let plain = lay(&res(Lang::En));
        let first = plain.pages[0]
            .runs
            .iter()
            .map(|r| r.y - r.size)
            .fold(f32::MAX, f32::min);
        assert!(first >= t.page.margin_top - 2.0, "{first}");
    }
}
