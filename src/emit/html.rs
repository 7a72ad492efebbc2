//! HTML emitter: one self-contained, semantic HTML5 page per resolution.
//!
//! The page has no script and loads nothing: one inline `<style>` lays it
//! out for a phone (no horizontal scroll at 360 px: long symbols break,
//! tables scroll inside their own box) and for a desktop (a measure of
//! 42 rem). `lang` and `dir` come from the IR's language, so Arabic reads
//! right to left and Chinese gets Simplified glyphs (`zh-Hans`).
//!
//! Printed numbers ("1.", "(a)", "١ -") are text in a `<span class="num">`,
//! never CSS counters: the number as printed is part of the resolution, so
//! copying, searching and reading aloud all meet it. The style hangs it in
//! the margin. Notes are endnotes (`<li id="fn-N">`); the k-th citation of
//! a note is `<a href="#fn-N" id="ref-N-k">`, and each note links back to
//! every one of its citations. Every string of the IR reaches the page,
//! escaped ([`escape_into`]).

use std::collections::HashMap;

use super::EmitOptions;
use crate::error::EmitError;
use crate::ir::{Annex, Block, Heading, Inline, Lang, Paragraph, Resolution, Table};

/// The page's style: readable from a 360 px phone to a desktop.
const STYLE: &str = include_str!("html.css");

/// Writes `res` as one HTML page.
pub fn write(res: &Resolution, _opts: &EmitOptions) -> Result<Vec<u8>, EmitError> {
    let mut page = Page::new(res);
    page.head();
    page.header();
    page.text();
    page.notes();
    page.out.push_str("</article>\n</body>\n</html>\n");
    Ok(page.out.into_bytes())
}

/// The BCP 47 tag of the page: Chinese UN texts are in Simplified
/// characters, which `zh-Hans` tells fonts and browsers.
pub fn lang_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh-Hans",
        other => other.iso639_1(),
    }
}

/// Appends `s` to `out` with `&`, `<`, `>`, `"` and `'` escaped: safe in
/// text and in quoted attribute values alike, so there is one escaper.
pub fn escape_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// The id token of each note (`fn-TOKEN`), by marker: the marker itself
/// when it is ASCII letters and digits ("12" gives `#fn-12`, the number a
/// reader sees), else `n` and its position among the notes; an id
/// already taken gets `_` appended, so ids stay unique.
fn note_ids(res: &Resolution) -> HashMap<&str, String> {
    let mut ids: HashMap<&str, String> = HashMap::new();
    for (i, n) in res.notes.iter().enumerate() {
        let plain = !n.marker.is_empty() && n.marker.bytes().all(|b| b.is_ascii_alphanumeric());
        let mut token = if plain {
            n.marker.clone()
        } else {
            format!("n{}", i + 1)
        };
        while ids.values().any(|t| *t == token) {
            token.push('_');
        }
        ids.entry(n.marker.as_str()).or_insert(token);
    }
    ids
}

/// Whether a cell holds a figure ("63 930 800", "(2 061 900)", "12.5 %"):
/// digits, with only spaces and the signs of numbers between them. Figures
/// are never broken across lines and align at the end, as printed.
fn is_figure(cell: &[Inline]) -> bool {
    let text = Inline::plain_text(cell);
    let signs = |c: char| c.is_whitespace() || "()[],.%+-–−".contains(c);
    text.chars().any(|c| c.is_numeric()) && text.chars().all(|c| c.is_numeric() || signs(c))
}

/// The page being written, and what the notes need to know of the text.
struct Page<'a> {
    res: &'a Resolution,
    out: String,
    /// `fn-TOKEN` of each stored note, by marker.
    note_ids: HashMap<&'a str, String>,
    /// How many citations of each marker have been written so far: the k
    /// of `ref-N-k`, and in the end the back-links each note gets.
    cited: HashMap<String, usize>,
}

impl<'a> Page<'a> {
    fn new(res: &'a Resolution) -> Self {
        Page {
            res,
            out: String::with_capacity(32 * 1024),
            note_ids: note_ids(res),
            cited: HashMap::new(),
        }
    }

    fn text_escaped(&mut self, s: &str) {
        escape_into(s, &mut self.out);
    }

    /// Doctype, `<html lang dir>`, the head with its style, `<body>`.
    fn head(&mut self) {
        let m = &self.res.meta;
        let dir = if m.lang.is_rtl() { "rtl" } else { "ltr" };
        self.out.push_str("<!DOCTYPE html>\n<html lang=\"");
        self.out.push_str(lang_tag(m.lang));
        self.out.push_str("\" dir=\"");
        self.out.push_str(dir);
        self.out.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n");
        self.out.push_str(
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
        );
        let title: Vec<&str> = [m.symbol.as_str(), m.title.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        self.text_escaped(&title.join(" — "));
        self.out.push_str("</title>\n<style>\n");
        self.out.push_str(STYLE);
        self.out.push_str("</style>\n</head>\n<body>\n<article>\n");
    }

    /// The masthead (or the bare symbol when the text printed none), the
    /// preface lines and the numbered title.
    fn header(&mut self) {
        let res = self.res;
        self.out.push_str("<header>\n");
        let symbol_only = [res.meta.symbol.clone()];
        let lines: &[String] = match (&res.masthead[..], res.meta.symbol.is_empty()) {
            ([], false) => &symbol_only,
            (lines, _) => lines,
        };
        if !lines.is_empty() {
            self.out.push_str("<div class=\"masthead\">\n");
            for line in lines {
                let class = if *line == res.meta.symbol {
                    " class=\"symbol\""
                } else {
                    ""
                };
                self.out.push_str(&format!("<p{class}>"));
                self.text_escaped(line);
                self.out.push_str("</p>\n");
            }
            self.out.push_str("</div>\n");
        }
        for line in &res.preface {
            self.out.push_str("<p class=\"preface\">");
            self.text_escaped(line);
            self.out.push_str("</p>\n");
        }
        self.title();
        self.out.push_str("</header>\n");
    }

    fn title(&mut self) {
        let m = &self.res.meta;
        self.out.push_str("<h1>");
        if !m.title_num.is_empty() {
            self.out.push_str("<span class=\"num\">");
            self.text_escaped(&m.title_num);
            self.out.push_str("</span>");
            if !m.title.is_empty() {
                self.out.push(' ');
            }
        }
        self.text_escaped(&m.title);
        self.out.push_str("</h1>\n");
    }

    /// The formula, preamble, operative part, closing lines and annexes,
    /// in printed order.
    fn text(&mut self) {
        let res = self.res;
        if !res.formula.is_empty() {
            self.out.push_str("<p class=\"formula\">");
            self.text_escaped(&res.formula);
            self.out.push_str("</p>\n");
        }
        self.section("preamble", &res.preamble);
        self.section("operative", &res.body);
        if !res.conclusions.is_empty() {
            self.out.push_str("<footer class=\"conclusions\">\n");
            for line in &res.conclusions {
                self.out.push_str("<p>");
                self.text_escaped(line);
                self.out.push_str("</p>\n");
            }
            self.out.push_str("</footer>\n");
        }
        for (i, annex) in res.annexes.iter().enumerate() {
            self.annex(annex, i + 1);
        }
    }

    fn section(&mut self, class: &str, blocks: &[Block]) {
        if blocks.is_empty() {
            return;
        }
        self.out.push_str(&format!("<section class=\"{class}\">\n"));
        self.blocks(blocks, 1);
        self.out.push_str("</section>\n");
    }

    /// Blocks whose headings of level 1 are `<h{top}>`.
    fn blocks(&mut self, blocks: &[Block], top: u8) {
        for b in blocks {
            match b {
                Block::Paragraph(p) => self.paragraph(p),
                Block::Heading(h) => self.heading(h, top),
                Block::Table(t) => self.table(t),
            }
        }
    }

    /// An unnumbered paragraph without sub-paragraphs is a plain `<p>`;
    /// any other is a `<div class="para">` holding its number and text, its
    /// sub-paragraphs (nested the same way) and its closing text.
    fn paragraph(&mut self, p: &Paragraph) {
        if p.num.is_none() && p.items.is_empty() && p.wrap_up.is_empty() {
            self.out.push_str("<p>");
            self.inlines(&p.content, true);
            self.out.push_str("</p>\n");
            return;
        }
        self.out.push_str("<div class=\"para\">\n<p>");
        if let Some(num) = &p.num {
            self.num(num, !p.content.is_empty());
        }
        self.inlines(&p.content, true);
        self.out.push_str("</p>\n");
        for item in &p.items {
            self.paragraph_nested(item);
        }
        if !p.wrap_up.is_empty() {
            self.out.push_str("<p class=\"wrap-up\">");
            self.inlines(&p.wrap_up, true);
            self.out.push_str("</p>\n");
        }
        self.out.push_str("</div>\n");
    }

    /// A sub-paragraph is always a `div.para`, so that it is indented
    /// under its parent's text even when it has no number.
    fn paragraph_nested(&mut self, p: &Paragraph) {
        if p.num.is_none() && p.items.is_empty() && p.wrap_up.is_empty() {
            self.out.push_str("<div class=\"para\">\n<p>");
            self.inlines(&p.content, true);
            self.out.push_str("</p>\n</div>\n");
        } else {
            self.paragraph(p);
        }
    }

    /// A printed number in its own element, and the space after it when
    /// text follows (the space is text, so copied text reads "1. The").
    fn num(&mut self, num: &str, space: bool) {
        self.out.push_str("<span class=\"num\">");
        self.text_escaped(num);
        self.out.push_str("</span>");
        if space {
            self.out.push(' ');
        }
    }

    fn heading(&mut self, h: &Heading, top: u8) {
        let n = (h.level.max(1) + top).min(6);
        self.out.push_str(&format!("<h{n}>"));
        if let Some(num) = &h.num {
            self.num(num, !h.text.is_empty());
        }
        self.inlines(&h.text, true);
        self.out.push_str(&format!("</h{n}>\n"));
    }

    /// A table in a box that scrolls on its own when it is wider than the
    /// screen, so the page never does; header rows in `<thead>`.
    fn table(&mut self, t: &Table) {
        self.out.push_str("<div class=\"table\">\n<table>\n");
        let head = t.header_rows.min(t.rows.len());
        let (header, body) = t.rows.split_at(head);
        self.rows("thead", "th", header);
        self.rows("tbody", "td", body);
        self.out.push_str("</table>\n</div>\n");
    }

    fn rows(&mut self, group: &str, cell: &str, rows: &[Vec<Vec<Inline>>]) {
        if rows.is_empty() {
            return;
        }
        self.out.push_str(&format!("<{group}>\n"));
        for row in rows {
            self.out.push_str("<tr>");
            for c in row {
                let class = if is_figure(c) {
                    " class=\"figure\""
                } else {
                    ""
                };
                self.out.push_str(&format!("<{cell}{class}>"));
                self.inlines(c, true);
                // A line break between cells: text content keeps them apart.
                self.out.push_str(&format!("</{cell}>\n"));
            }
            self.out.push_str("</tr>\n");
        }
        self.out.push_str(&format!("</{group}>\n"));
    }

    fn annex(&mut self, a: &Annex, n: usize) {
        self.out.push_str(&format!(
            "<section class=\"annex\" id=\"annex-{n}\">\n<h2><span class=\"annex-label\">"
        ));
        self.text_escaped(&a.label);
        self.out.push_str("</span>");
        if !a.title.is_empty() {
            self.out.push_str(" <span class=\"annex-title\">");
            self.inlines(&a.title, true);
            self.out.push_str("</span>");
        }
        self.out.push_str("</h2>\n");
        self.blocks(&a.content, 2);
        self.out.push_str("</section>\n");
    }

    /// Inline content. A citation of a stored note links to it; with
    /// `anchor` it also gets the id its note links back to (citations
    /// inside notes get none: a note has no back-link to another note).
    fn inlines(&mut self, parts: &[Inline], anchor: bool) {
        for part in parts {
            match part {
                Inline::Text(t) => self.text_escaped(t),
                Inline::Emphasis(inner) => {
                    self.out.push_str("<em>");
                    self.inlines(inner, anchor);
                    self.out.push_str("</em>");
                }
                Inline::NoteRef(m) => self.citation(m, anchor),
            }
        }
    }

    fn citation(&mut self, marker: &str, anchor: bool) {
        self.out.push_str("<sup class=\"fnref\">");
        match self.note_ids.get(marker).cloned() {
            Some(id) if anchor => {
                let k = self.cited.entry(marker.to_string()).or_insert(0);
                *k += 1;
                let k = *k;
                self.out.push_str(&format!(
                    "<a href=\"#fn-{id}\" id=\"ref-{id}-{k}\" role=\"doc-noteref\">"
                ));
                self.text_escaped(marker);
                self.out.push_str("</a>");
            }
            Some(id) => {
                self.out.push_str(&format!("<a href=\"#fn-{id}\">"));
                self.text_escaped(marker);
                self.out.push_str("</a>");
            }
            // A citation whose note the text lacks: shown, linked nowhere.
            None => self.text_escaped(marker),
        }
        self.out.push_str("</sup>");
    }

    /// The notes, each with its printed marker and a back-link to each of
    /// its citations (`↩` alone for one, numbered for several).
    fn notes(&mut self) {
        let res = self.res;
        if res.notes.is_empty() {
            return;
        }
        self.out
            .push_str("<section class=\"notes\" role=\"doc-endnotes\">\n<ol>\n");
        for note in &res.notes {
            let id = self.note_ids[note.marker.as_str()].clone();
            self.out.push_str(&format!("<li id=\"fn-{id}\"><p>"));
            self.num(&note.marker, !note.content.is_empty());
            self.inlines(&note.content, false);
            let count = self.cited.get(&note.marker).copied().unwrap_or(0);
            for k in 1..=count {
                self.out.push_str(&format!(
                    " <a href=\"#ref-{id}-{k}\" class=\"back\" role=\"doc-backlink\">↩\u{fe0e}"
                ));
                if count > 1 {
                    self.out.push_str(&format!("<sup>{k}</sup>"));
                }
                self.out.push_str("</a>");
            }
            self.out.push_str("</p></li>\n");
        }
        self.out.push_str("</ol>\n</section>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Note;

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    fn page(res: &Resolution) -> String {
        String::from_utf8(write(res, &EmitOptions::default()).unwrap()).unwrap()
    }

    fn para(num: Option<&str>, content: Vec<Inline>) -> Paragraph {
        Paragraph {
            num: num.map(String::from),
            content,
            ..Default::default()
        }
    }

    #[test]
    fn escapes_markup_and_quotes() {
        let mut out = String::new();
        escape_into(r#"a < b && c > "d" 'e'"#, &mut out);
        assert_eq!(out, "a &lt; b &amp;&amp; c &gt; &quot;d&quot; &#39;e&#39;");
        let mut res = Resolution::default();
        res.meta.title = "<script>alert('x')</script> & \"q\"".into();
        res.body = vec![Block::Paragraph(para(Some("1."), vec![text("<b>&amp;")]))];
        let html = page(&res);
        assert!(!html.contains("<script>") && !html.contains("<b>"));
        assert!(html.contains("&lt;b&gt;&amp;amp;"));
        assert!(html.contains("<title>&lt;script&gt;alert(&#39;x&#39;)"));
    }

    #[test]
    fn printed_numbers_are_text_in_their_own_element() {
        let mut res = Resolution::default();
        let mut p = para(Some("1."), vec![text("Decides:")]);
        p.items = vec![para(Some("(a)"), vec![text("first;")])];
        p.wrap_up = vec![text("and closes.")];
        res.body = vec![Block::Paragraph(p)];
        let html = page(&res);
        let expected = "<div class=\"para\">\n<p><span class=\"num\">1.</span> Decides:</p>\n\
             <div class=\"para\">\n<p><span class=\"num\">(a)</span> first;</p>\n</div>\n\
             <p class=\"wrap-up\">and closes.</p>\n</div>";
        assert!(html.contains(expected), "{html}");
        assert!(!html.contains("counter"), "numbers are never CSS counters");
    }

    #[test]
    fn arabic_is_right_to_left_with_its_numbers() {
        let mut res = Resolution::default();
        res.meta.lang = Lang::Ar;
        res.body = vec![Block::Paragraph(para(Some("١ -"), vec![text("تقرر")]))];
        let html = page(&res);
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"));
        assert!(html.contains("<span class=\"num\">١ -</span> تقرر"));
        res.meta.lang = Lang::En;
        assert!(page(&res).contains("<html lang=\"en\" dir=\"ltr\">"));
        res.meta.lang = Lang::Zh;
        assert!(page(&res).contains("<html lang=\"zh-Hans\" dir=\"ltr\">"));
    }

    #[test]
    fn notes_link_both_ways_from_every_citation() {
        let mut res = Resolution::default();
        let cite = |m: &str| Inline::NoteRef(m.into());
        res.preamble = vec![Block::Paragraph(para(None, vec![text("a"), cite("1")]))];
        res.body = vec![Block::Paragraph(para(
            Some("1."),
            vec![text("b"), cite("2"), text("c"), cite("1"), cite("9")],
        ))];
        res.notes = ["1", "2"]
            .map(|m| Note {
                marker: m.into(),
                content: vec![text(&format!("Note {m}."))],
            })
            .to_vec();
        let html = page(&res);
        for (id, k) in [("1", 1), ("2", 1), ("1", 2)] {
            let cite = format!("<a href=\"#fn-{id}\" id=\"ref-{id}-{k}\" role=\"doc-noteref\">");
            assert!(html.contains(&cite), "{cite} in {html}");
            let back = format!("<a href=\"#ref-{id}-{k}\" class=\"back\"");
            assert!(html.contains(&back), "{back}");
        }
        assert!(!html.contains("ref-1-3") && !html.contains("ref-2-2"));
        assert!(html.contains("<li id=\"fn-1\"><p><span class=\"num\">1</span> Note 1."));
        // A citation without a note is shown, linked nowhere.
        assert!(html.contains("<sup class=\"fnref\">9</sup>"));
        // Several citations: numbered back-links; one: the arrow alone.
        assert!(html.contains("↩\u{fe0e}<sup>2</sup></a>"));
        assert!(html.contains(
            "Note 2. <a href=\"#ref-2-1\" class=\"back\" role=\"doc-backlink\">↩\u{fe0e}</a></p>"
        ));
    }

    #[test]
    fn note_ids_stay_unique_whatever_the_markers() {
        let res = Resolution {
            notes: ["*", "2", "n1", "a b", "n5", "n4"]
                .map(|m| Note {
                    marker: m.into(),
                    content: vec![],
                })
                .to_vec(),
            ..Default::default()
        };
        let ids = note_ids(&res);
        assert_eq!(ids["*"], "n1");
        assert_eq!(ids["2"], "2");
        assert_eq!(ids["n1"], "n1_", "n1 is note 1's id already");
        assert_eq!(ids["a b"], "n4");
        assert_eq!(ids["n5"], "n5");
        assert_eq!(ids["n4"], "n4_");
    }

    #[test]
    fn tables_put_header_rows_in_thead() {
        let mut res = Resolution::default();
        let row = |a: &str, b: &str| vec![vec![text(a)], vec![text(b)]];
        res.body = vec![Block::Table(Table {
            header_rows: 1,
            rows: vec![row("Year", "Total"), row("2004", "12")],
        })];
        let html = page(&res);
        assert!(html.contains(
            "<thead>\n<tr><th>Year</th>\n<th>Total</th>\n</tr>\n</thead>\n<tbody>\n<tr><td class=\"figure\">2004</td>\n<td class=\"figure\">12</td>\n</tr>"
        ));
    }

    #[test]
    fn headings_and_annexes_are_sections_with_their_numbers() {
        let mut res = Resolution::default();
        let heading = |level| {
            Block::Heading(Heading {
                num: Some("I.".into()),
                text: vec![text("General")],
                level,
            })
        };
        res.body = vec![heading(1), heading(2)];
        res.annexes = vec![Annex {
            label: "Annex".into(),
            title: vec![Inline::Emphasis(vec![text("Plan")])],
            content: vec![heading(1)],
        }];
        let html = page(&res);
        assert!(html.contains("<h2><span class=\"num\">I.</span> General</h2>"));
        assert!(html.contains("<h3><span class=\"num\">I.</span> General</h3>"));
        let annex = "<section class=\"annex\" id=\"annex-1\">\n<h2><span class=\"annex-label\">Annex</span> \
             <span class=\"annex-title\"><em>Plan</em></span></h2>\n<h3>";
        assert!(html.contains(annex), "{html}");
    }

    #[test]
    fn figures_are_marked_so_they_never_break() {
        assert!(is_figure(&[text("(2 061 900)")]));
        assert!(is_figure(&[text("63 930 800")]));
        assert!(!is_figure(&[text("2024 a")]));
        assert!(!is_figure(&[text("")]));
        assert!(!is_figure(&[text("b")]));
    }

    #[test]
    fn no_script_and_no_external_resource() {
        let mut res = Resolution::default();
        res.meta.symbol = "A/RES/1/1".into();
        let html = page(&res);
        for bad in ["<script", "<link", "src=", "url(", "@import", "http"] {
            assert!(!html.contains(bad), "{bad}");
        }
        assert!(
            html.contains("<p class=\"symbol\">A/RES/1/1</p>"),
            "symbol stands in for a missing masthead"
        );
    }
}
