//! Markdown reader: the Markdown that `emit::markdown` writes (and
//! hand-edited Markdown of the same shape) back into the IR.
//!
//! The document is read with pulldown-cmark (footnotes, tables, YAML front
//! matter) as one pass over its events: the front matter gives the metadata;
//! paragraphs before the `#` title are preface lines; the paragraph after it
//! is the enacting formula; the markers, link reference definitions no link
//! uses (`[unres:preamble]: #`, `[unres:operative]: #`,
//! `[unres:conclusions]: #`, `[unres:annex 1]: #`, `[unres:annex-title 1]: #`,
//! `[unres:header-rows 2 table 1]: #`), say where each part begins (the HTML
//! comments earlier versions wrote, `<!-- preamble -->`, are read too).
//! Without them (Markdown written by hand), paragraphs after the formula
//! are the preamble and the first list starts the operative part. Strong
//! emphasis opening a paragraph of those parts, a heading or a `-` item is
//! its printed number (`**٥ -** …`). In lists, a `-` item starts with its
//! number ("(a)"), a `+` or `*` item has none, an ordered item's number is
//! read from the source as printed ("3." stays "3."). A shape that fits
//! nowhere is a `ReadError::Syntax` with the line and column where it
//! starts.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde_json::Value;

use super::ReadOptions;
use crate::error::ReadError;
use crate::ir::{
    meta, normalize_inlines, Annex, Block, Heading, Inline, Note, Paragraph, Resolution, Table,
    Warning,
};

/// Deepest list nesting accepted: resolutions nest sub-paragraphs three or
/// four deep.
pub const MAX_LIST_DEPTH: usize = 32;

/// Deepest emphasis nesting kept; markers deeper than this are read as
/// the emphasis they are already in.
const MAX_EMPHASIS_DEPTH: usize = 16;

/// Reads Markdown into the IR, with what the reader noticed.
pub fn read(text: &str, opts: &ReadOptions) -> Result<(Resolution, Vec<Warning>), ReadError> {
    let options = Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TABLES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let parser = Parser::new_ext(text, options).into_offset_iter();
    // The markers `emit::markdown` writes as unused link reference
    // definitions, in the order they stand.
    let mut markers: Vec<(usize, Marker)> = parser
        .reference_definitions()
        .iter()
        .filter_map(|(label, def)| Some((def.span.start, reference_marker(label)?)))
        .collect();
    markers.sort_by_key(|(at, _)| *at);
    let events: Vec<(Event<'_>, Range<usize>)> = parser.collect();
    let marked = markers.iter().any(|(_, m)| *m == Marker::Preamble)
        || events.iter().any(
            |(e, _)| matches!(e, Event::Html(h) if section_marker(h) == Some(Marker::Preamble)),
        );
    markers.reverse();
    let mut r = Reader {
        src: text,
        events,
        markers,
        annex_title_next: false,
        pos: 0,
        res: Resolution::default(),
        section: Section::Preface,
        marked,
        header_rows: None,
        defined: Vec::new(),
        warnings: Vec::new(),
    };
    if let Some(lang) = opts.lang {
        r.res.meta.lang = lang;
    }
    r.document()?;
    let mut res = r.res;
    res.normalize();
    // A note nothing cites is kept, with a warning: the Markdown of an IR
    // whose note is never cited must read back (fuzzing found it refused).
    let cited = res.cited_markers();
    let mut warnings = r.warnings;
    for (marker, _) in &r.defined {
        if !cited.contains(marker) {
            warnings.push(Warning::NoteNeverCited {
                marker: marker.clone(),
            });
        }
    }
    Ok((res, warnings))
}

/// The marker of a footnote citation `[^x]` that has no definition, which
/// pulldown-cmark passes on as plain text: the text event starts where the
/// source has an unescaped `[^`.
fn stray_citation(src: &str, at: usize, ev: &Event<'_>) -> Option<String> {
    if !matches!(ev, Event::Text(_)) {
        return None;
    }
    let rest = src.get(at..)?.strip_prefix("[^")?;
    let end = rest.char_indices().take(64).find(|&(_, c)| c == ']')?.0;
    let marker = &rest[..end];
    (!marker.is_empty() && !marker.contains(char::is_whitespace)).then(|| marker.to_string())
}

/// A block as a person names it, for messages.
fn block_name(tag: &Tag<'_>) -> &'static str {
    match tag {
        Tag::BlockQuote(_) => "block quote",
        Tag::CodeBlock(_) => "code block",
        Tag::Heading { .. } => "heading",
        Tag::List(_) | Tag::Item => "list",
        Tag::Table(_) | Tag::TableHead | Tag::TableRow | Tag::TableCell => "table",
        Tag::FootnoteDefinition(_) => "footnote definition",
        Tag::HtmlBlock => "HTML block",
        Tag::MetadataBlock(_) => "metadata block",
        Tag::DefinitionList | Tag::DefinitionListTitle | Tag::DefinitionListDefinition => {
            "definition list"
        }
        _ => "block",
    }
}

/// Where a top-level key of the front matter starts (a line beginning
/// with it and a colon, quoted or not); 0 when it is not found so (a flow
/// mapping).
fn key_offset(text: &str, key: &str) -> usize {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let bare = line.strip_prefix(['"', '\'']).unwrap_or(line);
        if let Some(rest) = bare.strip_prefix(key) {
            if rest
                .trim_start_matches(['"', '\''])
                .trim_start()
                .starts_with(':')
            {
                return at;
            }
        }
        at += line.len();
    }
    0
}

/// A string or number as text.
fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Preface,
    Formula,
    Preamble,
    Operative,
    Conclusions,
    /// An annex, waiting for its label heading.
    AnnexLabel,
    /// An annex after its label; `true` while its title may still follow.
    Annex(bool),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    Preamble,
    Operative,
    Conclusions,
    Annex,
    /// The heading that follows is the annex's title.
    AnnexTitle,
    HeaderRows(usize),
}

/// The marker a link reference definition's label names:
/// `unres:preamble`, `unres:annex 2`, `unres:header-rows 2 table 1`, …
fn reference_marker(label: &str) -> Option<Marker> {
    let rest = label.trim().to_ascii_lowercase();
    let rest = rest.strip_prefix("unres:")?;
    let mut words = rest.split_whitespace();
    Some(match words.next()? {
        "preamble" => Marker::Preamble,
        "operative" => Marker::Operative,
        "conclusions" => Marker::Conclusions,
        "annex" => Marker::Annex,
        "annex-title" => Marker::AnnexTitle,
        "header-rows" => Marker::HeaderRows(words.next()?.parse().ok()?),
        _ => return None,
    })
}

/// A section comment, as earlier versions of unres wrote the markers
/// (`<!-- preamble -->`): still read.
fn section_marker(html: &str) -> Option<Marker> {
    let inner = html
        .trim()
        .strip_prefix("<!--")?
        .strip_suffix("-->")?
        .trim();
    Some(match inner {
        "preamble" => Marker::Preamble,
        "operative" => Marker::Operative,
        "conclusions" => Marker::Conclusions,
        "annex" => Marker::Annex,
        _ => Marker::HeaderRows(inner.strip_prefix("header-rows:")?.trim().parse().ok()?),
    })
}

struct Reader<'a> {
    src: &'a str,
    events: Vec<(Event<'a>, Range<usize>)>,
    /// Markers from link reference definitions not yet reached, the next
    /// one last.
    markers: Vec<(usize, Marker)>,
    /// Whether an `annex-title` marker announced the next heading.
    annex_title_next: bool,
    pos: usize,
    res: Resolution,
    section: Section,
    /// Whether the section comments are present.
    marked: bool,
    /// Header-row count announced for the next table.
    header_rows: Option<usize>,
    /// Footnote definitions read: marker and where.
    defined: Vec<(String, usize)>,
    /// What the reader noticed.
    warnings: Vec<Warning>,
}

/// A paragraph's inline content and the `<span class>`es taken out of it.
struct Inlines {
    parts: Vec<Inline>,
    spans: Vec<(String, Vec<Inline>)>,
}

impl<'a> Reader<'a> {
    fn err<T>(&self, at: usize, message: impl Into<String>) -> Result<T, ReadError> {
        let (line, column) = line_col(self.src, at);
        Err(ReadError::Syntax {
            line,
            column,
            message: message.into(),
        })
    }

    fn next(&mut self) -> Option<(Event<'a>, Range<usize>)> {
        let e = self.events.get(self.pos).cloned();
        self.pos += 1;
        e
    }

    fn peek(&self) -> Option<&Event<'a>> {
        self.events.get(self.pos).map(|(e, _)| e)
    }

    fn document(&mut self) -> Result<(), ReadError> {
        while let Some((ev, range)) = self.next() {
            self.markers_before(range.start)?;
            match ev {
                Event::Start(Tag::MetadataBlock(_)) => self.front_matter(range.start)?,
                Event::Start(Tag::Heading { level, .. }) => self.heading(level, range.start)?,
                Event::Start(Tag::Paragraph) => {
                    let numbered = matches!(
                        self.section,
                        Section::Preamble | Section::Operative | Section::Annex(_)
                    );
                    let inl = self.inlines(range.start, numbered)?;
                    self.paragraph(inl, range.start)?;
                }
                Event::Start(Tag::HtmlBlock) => self.html_block(range.start)?,
                Event::Start(Tag::List(_)) => {
                    if !self.marked && matches!(self.section, Section::Formula | Section::Preamble)
                    {
                        self.section = Section::Operative;
                    }
                    let items = self.list(range.start, 1)?;
                    let blocks = self.blocks_mut(range.start, "a list")?;
                    blocks.extend(items.into_iter().map(Block::Paragraph));
                }
                Event::Start(Tag::Table(_)) => {
                    let t = self.table()?;
                    self.blocks_mut(range.start, "a table")?
                        .push(Block::Table(t));
                }
                Event::Start(Tag::FootnoteDefinition(label)) => {
                    self.footnote(label.to_string(), range.start)?
                }
                Event::Start(other) => {
                    let what = block_name(&other);
                    return self.err(range.start, format!("unexpected {what} here"));
                }
                Event::Rule => return self.err(range.start, "unexpected thematic break"),
                _ => {}
            }
        }
        self.markers_before(usize::MAX)?;
        if matches!(self.section, Section::Preface) {
            return self.err(self.src.len(), "no title: expected a `# ` heading");
        }
        Ok(())
    }

    /// Acts on the markers that stand before `at`.
    fn markers_before(&mut self, at: usize) -> Result<(), ReadError> {
        while self.markers.last().is_some_and(|(m, _)| *m < at) {
            if let Some((m_at, marker)) = self.markers.pop() {
                self.marker(marker, m_at)?;
            }
        }
        Ok(())
    }

    /// The block list the current section collects into.
    fn blocks_mut(&mut self, at: usize, what: &str) -> Result<&mut Vec<Block>, ReadError> {
        match self.section {
            Section::Preamble => Ok(&mut self.res.preamble),
            Section::Formula if !self.marked => {
                self.section = Section::Preamble;
                Ok(&mut self.res.preamble)
            }
            Section::Operative => Ok(&mut self.res.body),
            Section::Annex(_) => {
                self.section = Section::Annex(false);
                if self.res.annexes.is_empty() {
                    return self.err(at, "annex content without an annex");
                }
                Ok(&mut self.res.annexes.last_mut().expect("an annex").content)
            }
            s => self.err(at, format!("unexpected {what} in {}", section_name(s))),
        }
    }

    fn front_matter(&mut self, at: usize) -> Result<(), ReadError> {
        let mut text = String::new();
        let mut start = at;
        while let Some((ev, range)) = self.next() {
            match ev {
                Event::Text(t) => {
                    if text.is_empty() {
                        start = range.start;
                    }
                    text.push_str(&t);
                }
                Event::End(TagEnd::MetadataBlock(_)) => break,
                _ => {}
            }
        }
        self.front_matter_yaml(&text, start)
    }

    /// The front matter as YAML: a mapping of front matter keys
    /// ([`meta::FIELDS`]) and `masthead`; any value YAML allows is read
    /// (block or flow lists, folded or quoted strings, lists of maps) and
    /// set through the codec. Keys other tools add are left out of the IR,
    /// not refused. Errors name the line of the key (or, for YAML that does
    /// not parse, of the fault).
    fn front_matter_yaml(&mut self, text: &str, start: usize) -> Result<(), ReadError> {
        let doc: yaml_serde::Value = match yaml_serde::from_str(text) {
            Ok(v) => v,
            Err(e) => {
                let at = e
                    .location()
                    .map_or(start, |l| start + l.index().min(text.len()));
                let message = e.to_string();
                // The location is said by the error's line and column.
                let message = message.split(" at line ").next().unwrap_or(&message);
                return self.err(at, format!("front matter: {message}"));
            }
        };
        let map = match doc {
            yaml_serde::Value::Mapping(m) => m,
            yaml_serde::Value::Null => return Ok(()),
            _ => return self.err(start, "front matter: expected `key: value` lines"),
        };
        for (key, value) in map {
            let Some(key) = key.as_str().map(str::to_string) else {
                continue;
            };
            let at = start + key_offset(text, &key);
            let value: Value = match serde_json::to_value(&value) {
                Ok(v) => v,
                Err(e) => return self.err(at, format!("front matter `{key}`: {e}")),
            };
            self.meta_value(&key, value, at)?;
        }
        Ok(())
    }

    fn meta_value(&mut self, key: &str, value: Value, at: usize) -> Result<(), ReadError> {
        if key == "masthead" {
            return match value {
                Value::Array(lines) => {
                    let lines: Option<Vec<String>> = lines.iter().map(scalar_text).collect();
                    match lines {
                        Some(l) => {
                            self.res.masthead = l;
                            Ok(())
                        }
                        None => self.err(at, "front matter `masthead`: expected a list of strings"),
                    }
                }
                Value::Null => Ok(()),
                Value::String(s) => {
                    self.res.masthead = vec![s];
                    Ok(())
                }
                _ => self.err(at, "front matter `masthead`: expected a list of strings"),
            };
        }
        // Keys other tools add are kept out of the IR, not refused.
        let Some(field) = meta::by_key(key) else {
            return Ok(());
        };
        if value.is_null() {
            return Ok(());
        }
        match meta::set(&mut self.res.meta, field, value) {
            Ok(()) => Ok(()),
            Err(expects) => self.err(at, format!("front matter `{key}`: expected {expects}")),
        }
    }

    fn html_block(&mut self, at: usize) -> Result<(), ReadError> {
        let mut html = String::new();
        while let Some((ev, _)) = self.next() {
            match ev {
                Event::Html(h) | Event::Text(h) => html.push_str(&h),
                Event::End(TagEnd::HtmlBlock) => break,
                _ => {}
            }
        }
        let Some(marker) = section_marker(&html) else {
            return self.err(at, format!("unexpected HTML block {:?}", html.trim()));
        };
        self.marker(marker, at)
    }

    /// A section marker: where the preamble, the operative part, the
    /// closing lines and each annex begin, an annex title, a table's
    /// header rows.
    fn marker(&mut self, marker: Marker, at: usize) -> Result<(), ReadError> {
        let order = |s: Section| match s {
            Section::Preface | Section::Formula => 0,
            Section::Preamble => 1,
            Section::Operative => 2,
            Section::Conclusions => 3,
            Section::AnnexLabel | Section::Annex(_) => 4,
        };
        let (next, rank) = match marker {
            Marker::HeaderRows(n) => {
                self.header_rows = Some(n);
                return Ok(());
            }
            Marker::AnnexTitle => {
                self.annex_title_next = true;
                return Ok(());
            }
            Marker::Preamble => (Section::Preamble, 1),
            Marker::Operative => (Section::Operative, 2),
            Marker::Conclusions => (Section::Conclusions, 3),
            Marker::Annex => {
                self.res.annexes.push(Annex::default());
                (Section::AnnexLabel, 4)
            }
        };
        if self.section == Section::Preface {
            return self.err(at, "section comment before the `# ` title");
        }
        if order(self.section) > rank || (order(self.section) == rank && rank < 4) {
            return self.err(
                at,
                format!(
                    "{} comes after {}",
                    section_name(next),
                    section_name(self.section)
                ),
            );
        }
        self.section = next;
        Ok(())
    }

    fn heading(&mut self, level: HeadingLevel, at: usize) -> Result<(), ReadError> {
        let numbered = !matches!(self.section, Section::Preface | Section::AnnexLabel);
        let inl = self.inlines(at, numbered)?;
        let title_next = std::mem::take(&mut self.annex_title_next);
        let plain = Inline::plain_text(&inl.parts);
        let n = level as u8;
        match self.section {
            Section::Preface if n == 1 => {
                let num = self.res.meta.title_num.clone();
                let plain = plain.trim_matches(' ');
                let title = match plain.strip_prefix(num.as_str()) {
                    Some(rest) if !num.is_empty() => rest,
                    _ => {
                        self.res.meta.title_num.clear();
                        plain
                    }
                };
                self.res.meta.title = title.trim_matches(' ').to_string();
                self.section = Section::Formula;
                return Ok(());
            }
            Section::Preface => return self.err(at, "expected the `# ` title first"),
            _ if n == 1 => return self.err(at, "a second `# ` title"),
            Section::AnnexLabel if n == 2 => {
                if let Some(a) = self.res.annexes.last_mut() {
                    a.label = plain;
                }
                self.section = Section::Annex(true);
                return Ok(());
            }
            Section::AnnexLabel => return self.err(at, "expected the annex's `## ` label"),
            Section::Annex(true)
                if title_next || inl.spans.iter().any(|(c, _)| c == "annex-title") =>
            {
                if let Some(a) = self.res.annexes.last_mut() {
                    for (_, parts) in inl.spans {
                        a.title.extend(parts);
                    }
                    a.title.extend(inl.parts);
                    normalize_inlines(&mut a.title);
                }
                self.section = Section::Annex(false);
                return Ok(());
            }
            _ => {}
        }
        let num = inl
            .spans
            .iter()
            .find(|(c, _)| c == "num")
            .map(|(_, p)| Inline::plain_text(p));
        let h = Heading {
            num,
            text: inl.parts,
            level: n - 1,
        };
        self.blocks_mut(at, "a heading")?.push(Block::Heading(h));
        Ok(())
    }

    fn paragraph(&mut self, inl: Inlines, at: usize) -> Result<(), ReadError> {
        match self.section {
            Section::Preface => self.res.preface.push(Inline::plain_text(&inl.parts)),
            Section::Formula if self.res.formula.is_empty() => {
                self.res.formula = Inline::plain_text(&inl.parts);
            }
            Section::Formula if self.marked => {
                return self.err(
                    at,
                    "the enacting formula is one paragraph (put `[unres:preamble]: #` before the preamble)",
                );
            }
            Section::Conclusions => self.res.conclusions.push(Inline::plain_text(&inl.parts)),
            _ => {
                let num = inl
                    .spans
                    .iter()
                    .find(|(c, _)| c == "num")
                    .map(|(_, p)| Inline::plain_text(p));
                let p = Paragraph {
                    num,
                    content: inl.parts,
                    ..Paragraph::default()
                };
                self.blocks_mut(at, "a paragraph")?
                    .push(Block::Paragraph(p));
            }
        }
        Ok(())
    }

    /// Inline events up to the end of the enclosing block (or, in a tight
    /// list item, up to the next block). Where `numbered`, strong emphasis
    /// opening the text is its printed number (a `num` span).
    fn inlines(&mut self, at: usize, numbered: bool) -> Result<Inlines, ReadError> {
        enum Frame {
            Root,
            Em,
            Span(String),
        }
        let mut stack: Vec<(Frame, Vec<Inline>)> = vec![(Frame::Root, Vec::new())];
        let mut spans = Vec::new();
        let mut too_deep = 0usize;
        let mut first = true;
        while let Some(ev) = self.peek() {
            if !is_inline(ev) {
                if matches!(
                    ev,
                    Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell)
                ) {
                    self.pos += 1;
                }
                break;
            }
            let Some((ev, range)) = self.next() else {
                break;
            };
            if let Some(marker) = stray_citation(self.src, range.start, &ev) {
                self.warnings.push(Warning::CitationWithoutNote { marker });
            }
            let in_span = matches!(stack.last(), Some((Frame::Span(_), _)));
            let deep = stack.len() > MAX_EMPHASIS_DEPTH;
            let opens_text = std::mem::take(&mut first);
            let top = &mut stack.last_mut().expect("root frame").1;
            match ev {
                Event::Start(Tag::Strong) if numbered && opens_text => {
                    stack.push((Frame::Span("num".into()), Vec::new()))
                }
                Event::End(TagEnd::Strong) if in_span => {
                    if let Some((Frame::Span(class), parts)) = stack.pop() {
                        spans.push((class, parts));
                    }
                }
                Event::Text(t) | Event::Code(t) | Event::InlineMath(t) => {
                    top.push(Inline::Text(t.to_string()))
                }
                Event::SoftBreak | Event::HardBreak => top.push(Inline::Text(" ".into())),
                Event::FootnoteReference(m) => top.push(Inline::NoteRef(m.to_string())),
                Event::Start(Tag::Emphasis | Tag::Strong) if deep => too_deep += 1,
                Event::End(TagEnd::Emphasis | TagEnd::Strong) if too_deep > 0 => too_deep -= 1,
                Event::Start(Tag::Emphasis | Tag::Strong) => stack.push((Frame::Em, Vec::new())),
                Event::End(TagEnd::Emphasis | TagEnd::Strong) => close_em(&mut stack),
                Event::InlineHtml(h) => {
                    let tag = h.trim().to_ascii_lowercase();
                    let opens = tag == "<em>" || tag == "<i>";
                    let closes = tag == "</em>" || tag == "</i>";
                    if opens && deep {
                        too_deep += 1;
                    } else if closes && too_deep > 0 {
                        too_deep -= 1;
                    } else if opens {
                        stack.push((Frame::Em, Vec::new()));
                    } else if closes {
                        close_em(&mut stack);
                    } else if let Some(class) = tag
                        .strip_prefix("<span class=\"")
                        .and_then(|r| r.strip_suffix("\">"))
                    {
                        stack.push((Frame::Span(class.to_string()), Vec::new()));
                    } else if tag == "</span>" && in_span {
                        if let Some((Frame::Span(class), parts)) = stack.pop() {
                            spans.push((class, parts));
                        }
                    } else {
                        top.push(Inline::Text(h.to_string()));
                    }
                }
                // Links and images keep their text.
                _ => {}
            }
        }
        while stack.len() > 1 {
            match stack.pop() {
                Some((Frame::Span(class), parts)) => spans.push((class, parts)),
                Some((_, parts)) => {
                    let top = &mut stack.last_mut().expect("root frame").1;
                    top.push(Inline::Emphasis(parts));
                }
                None => break,
            }
        }
        let _ = at;
        let mut parts = stack.pop().map(|(_, p)| p).unwrap_or_default();
        normalize_inlines(&mut parts);
        Ok(Inlines { parts, spans })
    }

    /// A list (its `Start` already read) as paragraphs.
    /// `depth` counts the lists this one is nested in, plus one: deeper
    /// than [`MAX_LIST_DEPTH`] is refused before the recursion can exhaust
    /// a worker thread's stack.
    fn list(&mut self, at: usize, depth: usize) -> Result<Vec<Paragraph>, ReadError> {
        if depth > MAX_LIST_DEPTH {
            return self.err(at, format!("lists nested deeper than {MAX_LIST_DEPTH}"));
        }
        let mut out = Vec::new();
        while let Some((ev, range)) = self.next() {
            match ev {
                Event::Start(Tag::Item) => out.push(self.item(range.start, depth)?),
                Event::End(TagEnd::List(_)) => return Ok(out),
                _ => return self.err(range.start, "unexpected content in a list"),
            }
        }
        self.err(at, "unterminated list")
    }

    fn item(&mut self, at: usize, depth: usize) -> Result<Paragraph, ReadError> {
        let marker = self.src[at..].trim_start();
        let digits = marker.bytes().take_while(u8::is_ascii_digit).count();
        let ordered = digits > 0;
        let num = ordered.then(|| marker[..digits + 1].to_string());
        let labelled = !ordered && marker.starts_with('-');
        let mut content: Option<Vec<Inline>> = None;
        let mut items = Vec::new();
        let mut wrap_up: Vec<Inline> = Vec::new();
        let mut num_span: Option<String> = None;
        loop {
            let Some(ev) = self.peek().cloned() else {
                return self.err(at, "unterminated list item");
            };
            let start = self.events[self.pos].1.start;
            match ev {
                Event::End(TagEnd::Item) => {
                    self.pos += 1;
                    break;
                }
                Event::Start(Tag::List(_)) => {
                    self.pos += 1;
                    items.extend(self.list(start, depth + 1)?);
                    content.get_or_insert_with(Vec::new);
                }
                ref e if matches!(e, Event::Start(Tag::Paragraph)) || is_inline(e) => {
                    // A loose item's text is in a paragraph, a tight one's not.
                    if matches!(e, Event::Start(Tag::Paragraph)) {
                        self.pos += 1;
                    }
                    self.item_text(
                        start,
                        &mut content,
                        &mut items,
                        &mut wrap_up,
                        &mut num_span,
                        labelled,
                    )?;
                }
                _ => return self.err(start, "unexpected block in a list item"),
            }
        }
        let mut content = content.unwrap_or_default();
        normalize_inlines(&mut content);
        normalize_inlines(&mut wrap_up);
        let num = if labelled && num_span.is_some() {
            num_span
        } else if labelled {
            split_label(&mut content)
        } else {
            num
        };
        Ok(Paragraph {
            num,
            content,
            items,
            wrap_up,
        })
    }

    /// A paragraph of a list item: its content before any sub-list, its
    /// wrap-up after one.
    fn item_text(
        &mut self,
        start: usize,
        content: &mut Option<Vec<Inline>>,
        items: &mut Vec<Paragraph>,
        wrap_up: &mut Vec<Inline>,
        num_span: &mut Option<String>,
        labelled: bool,
    ) -> Result<(), ReadError> {
        let own_num = labelled && content.is_none() && num_span.is_none();
        // After the item's first block, a paragraph opening with strong
        // emphasis is a numbered sub-paragraph ("**(a)** …").
        let sub = content.is_some();
        let inl = self.inlines(start, own_num || sub)?;
        let num = inl
            .spans
            .iter()
            .find(|(c, _)| c == "num")
            .map(|(_, p)| Inline::plain_text(p));
        if sub && num.is_some() {
            let mut parts = inl.parts;
            normalize_inlines(&mut parts);
            items.push(Paragraph {
                num,
                content: parts,
                ..Paragraph::default()
            });
            return Ok(());
        }
        if own_num && num.is_some() {
            *num_span = num;
        }
        let target = if items.is_empty() {
            content.get_or_insert_with(Vec::new)
        } else {
            wrap_up
        };
        if !target.is_empty() {
            target.push(Inline::Text(" ".into()));
        }
        target.extend(inl.parts);
        Ok(())
    }

    fn table(&mut self) -> Result<Table, ReadError> {
        let mut rows: Vec<Vec<Vec<Inline>>> = Vec::new();
        while let Some((ev, range)) = self.next() {
            match ev {
                Event::Start(Tag::TableHead | Tag::TableRow) => rows.push(Vec::new()),
                Event::Start(Tag::TableCell) => {
                    let inl = self.inlines(range.start, false)?;
                    if let Some(r) = rows.last_mut() {
                        r.push(inl.parts);
                    }
                }
                Event::End(TagEnd::Table) => break,
                _ => {}
            }
        }
        let mut header_rows = self.header_rows.take().unwrap_or(1);
        if header_rows == 0 {
            let empty = rows.first().is_some_and(|r| r.iter().all(Vec::is_empty));
            if empty {
                rows.remove(0);
            } else {
                header_rows = 1;
            }
        }
        Ok(Table { header_rows, rows })
    }

    fn footnote(&mut self, marker: String, at: usize) -> Result<(), ReadError> {
        if self.defined.iter().any(|(m, _)| *m == marker) {
            return self.err(at, format!("footnote [^{marker}] is defined twice"));
        }
        let mut content = Vec::new();
        while let Some((ev, range)) = self.next() {
            match ev {
                Event::End(TagEnd::FootnoteDefinition) => break,
                Event::Start(Tag::Paragraph) => {
                    let inl = self.inlines(range.start, false)?;
                    if !content.is_empty() {
                        content.push(Inline::Text(" ".into()));
                    }
                    content.extend(inl.parts);
                }
                _ => return self.err(range.start, "a footnote holds paragraphs of text only"),
            }
        }
        self.defined.push((marker.clone(), at));
        self.res.notes.push(Note { marker, content });
        Ok(())
    }
}

fn close_em(stack: &mut Vec<(impl Sized, Vec<Inline>)>) {
    if stack.len() > 1 {
        if let Some((_, parts)) = stack.pop() {
            if let Some((_, top)) = stack.last_mut() {
                top.push(Inline::Emphasis(parts));
            }
        }
    }
}

/// Takes the label ("(a)") off the front of a `-` item's content.
fn split_label(content: &mut Vec<Inline>) -> Option<String> {
    let Some(Inline::Text(first)) = content.first_mut() else {
        return None;
    };
    let (label, rest) = match first.split_once(' ') {
        Some((l, r)) => (l.to_string(), r.to_string()),
        None => (first.clone(), String::new()),
    };
    if rest.is_empty() {
        content.remove(0);
        // The space between the label and what follows it belongs to neither.
        if let Some(Inline::Text(t)) = content.first_mut() {
            *t = t.trim_start().to_string();
        }
    } else {
        *first = rest;
    }
    normalize_inlines(content);
    Some(label)
}

fn is_inline(ev: &Event<'_>) -> bool {
    match ev {
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineMath(_)
        | Event::InlineHtml(_)
        | Event::FootnoteReference(_)
        | Event::SoftBreak
        | Event::HardBreak => true,
        Event::Start(t) => matches!(
            t,
            Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } | Tag::Image { .. }
        ),
        Event::End(t) => matches!(
            t,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Image
        ),
        _ => false,
    }
}

fn section_name(s: Section) -> &'static str {
    match s {
        Section::Preface => "the preface",
        Section::Formula => "the enacting formula",
        Section::Preamble => "the preamble",
        Section::Operative => "the operative part",
        Section::Conclusions => "the closing lines",
        Section::AnnexLabel | Section::Annex(_) => "an annex",
    }
}
