//! Akoma Ntoso reader: the AKN4UN XML that `emit::akn` writes (and AKN4UN
//! from elsewhere of the same shape) back into the IR.
//!
//! Two steps: quick-xml's streaming reader builds a small element tree,
//! refusing what a hostile file could use against us; then the tree is
//! walked part by part (meta, preface, preamble, mainBody, conclusions,
//! attachments).
//!
//! Safety: a DOCTYPE is refused outright, so no DTD is processed and no
//! entity is ever defined; only the five predefined entities and character
//! references are expanded; nothing outside the input is fetched. Input size
//! is bounded by `read::MAX_INPUT_BYTES`, element nesting by [`MAX_DEPTH`],
//! element count by [`MAX_ELEMENTS`]. Malformed XML is a
//! `ReadError::Syntax` with line and column.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::markdown::line_col;
use super::ReadOptions;
use crate::error::ReadError;
use serde_json::Value;

use crate::ir::meta::{self as codec, Shape};
use crate::ir::{
    Annex, Block, Body, Heading, Inline, Lang, Meeting, Note, Paragraph, Resolution, Table, Warning,
};

/// Deepest element nesting accepted; the emitter's deepest is about 20 plus
/// the sub-paragraph depth.
pub const MAX_DEPTH: usize = 256;

/// Most elements accepted in one document.
pub const MAX_ELEMENTS: usize = 1_000_000;

/// The Akoma Ntoso 3.0 namespace.
const AKN_NAMESPACE: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// Reads AKN XML into the IR, with what the reader noticed.
pub fn read(text: &str, opts: &ReadOptions) -> Result<(Resolution, Vec<Warning>), ReadError> {
    let root = parse(text)?;
    if root.name != "akomaNtoso" {
        return err(
            text,
            root.pos,
            format!("root element is <{}>, not <akomaNtoso>", root.name),
        );
    }
    let Some(doc) = root.elements().next() else {
        return err(text, root.pos, "<akomaNtoso> holds no document");
    };
    let mut w = Walker {
        res: Resolution::default(),
        warnings: namespace_warning(&root),
    };
    if let Some(lang) = opts.lang {
        w.res.meta.lang = lang;
    }
    if let Some(meta) = doc.child("meta") {
        w.meta(meta);
    }
    if let Some(p) = doc.child("preface") {
        w.preface(p);
    }
    if let Some(p) = doc.child("preamble") {
        w.preamble(p);
    }
    let body = doc.child("mainBody").or_else(|| doc.child("body"));
    if let Some(b) = body {
        let blocks = w.blocks(b, 1);
        w.res.body = blocks;
    }
    if let Some(c) = doc.child("conclusions") {
        let mut lines = Vec::new();
        lines_of(c, &mut lines);
        w.res.conclusions = lines;
    }
    if let Some(a) = doc.child("attachments") {
        for att in a.elements() {
            w.attachment(att);
        }
    }
    if let Some(meta) = doc.child("meta") {
        w.proprietary(meta);
    }
    let mut res = w.res;
    res.normalize();
    Ok((res, w.warnings))
}

/// A warning when the root does not declare the AKN 3.0 namespace.
fn namespace_warning(root: &Elem) -> Vec<Warning> {
    let declared = root
        .attrs
        .iter()
        .filter(|(k, _)| k == "xmlns" || k.starts_with("xmlns:"))
        .map(|(_, v)| v.as_str());
    if declared.clone().any(|v| v == AKN_NAMESPACE) {
        return Vec::new();
    }
    let found = root.attr("xmlns").or_else(|| declared.clone().next());
    vec![Warning::ForeignNamespace {
        namespace: found.unwrap_or_default().to_string(),
    }]
}

fn err<T>(text: &str, at: usize, message: impl Into<String>) -> Result<T, ReadError> {
    let (line, column) = line_col(text, at);
    Err(ReadError::Syntax {
        line,
        column,
        message: message.into(),
    })
}

// ------------------------------------------------------------------ tree

/// An element: local name, attributes, children, byte offset.
#[derive(Debug, Default)]
struct Elem {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
    pos: usize,
}

#[derive(Debug)]
enum Node {
    Elem(Elem),
    Text(String),
}

impl Elem {
    fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
    fn elements(&self) -> impl Iterator<Item = &Elem> {
        self.children.iter().filter_map(|n| match n {
            Node::Elem(e) => Some(e),
            Node::Text(_) => None,
        })
    }
    fn child(&self, name: &str) -> Option<&Elem> {
        self.elements().find(|e| e.name == name)
    }
    /// All text inside, in order.
    fn text(&self) -> String {
        let mut s = String::new();
        self.text_into(&mut s);
        s
    }
    fn text_into(&self, s: &mut String) {
        for c in &self.children {
            match c {
                Node::Text(t) => s.push_str(t),
                Node::Elem(e) => e.text_into(s),
            }
        }
    }
}

fn local(qname: &[u8]) -> String {
    let name = String::from_utf8_lossy(qname);
    match name.rsplit_once(':') {
        Some((_, l)) => l.to_string(),
        None => name.into_owned(),
    }
}

fn parse(text: &str) -> Result<Elem, ReadError> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let mut stack: Vec<Elem> = Vec::new();
    let mut root: Option<Elem> = None;
    let mut count = 0usize;
    let open = |e: &BytesStart<'_>, pos: usize| -> Result<Elem, (usize, String)> {
        let mut attrs = Vec::new();
        for a in e.attributes() {
            let a = a.map_err(|e| (pos, e.to_string()))?;
            let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
            let value = a.unescape_value().map_err(|e| (pos, e.to_string()))?;
            attrs.push((key, value.into_owned()));
        }
        Ok(Elem {
            name: local(e.name().as_ref()),
            attrs,
            children: Vec::new(),
            pos,
        })
    };
    loop {
        let pos = reader.buffer_position() as usize;
        let ev = match reader.read_event() {
            Ok(ev) => ev,
            Err(e) => {
                let at = reader.buffer_position() as usize;
                return err(text, at, format!("malformed XML: {e}"));
            }
        };
        let add_text = |stack: &mut Vec<Elem>, t: &str| {
            if let Some(top) = stack.last_mut() {
                match top.children.last_mut() {
                    Some(Node::Text(s)) => s.push_str(t),
                    _ => top.children.push(Node::Text(t.to_string())),
                }
            }
        };
        match ev {
            Event::DocType(_) => {
                return err(
                    text,
                    pos,
                    "DOCTYPE refused: DTDs and entity declarations are not processed",
                );
            }
            Event::Start(e) | Event::Empty(e) if root.is_some() => {
                let _ = e;
                return err(text, pos, "content after the root element");
            }
            Event::Start(e) => {
                if stack.len() >= MAX_DEPTH {
                    return err(
                        text,
                        pos,
                        format!("elements nested deeper than {MAX_DEPTH}"),
                    );
                }
                count += 1;
                if count > MAX_ELEMENTS {
                    return err(text, pos, format!("more than {MAX_ELEMENTS} elements"));
                }
                let el = open(&e, pos).or_else(|(p, m)| err(text, p, m))?;
                stack.push(el);
            }
            Event::Empty(e) => {
                count += 1;
                if count > MAX_ELEMENTS {
                    return err(text, pos, format!("more than {MAX_ELEMENTS} elements"));
                }
                let el = open(&e, pos).or_else(|(p, m)| err(text, p, m))?;
                match stack.last_mut() {
                    Some(top) => top.children.push(Node::Elem(el)),
                    None => root = Some(el),
                }
            }
            Event::End(_) => {
                let Some(el) = stack.pop() else {
                    return err(text, pos, "closing tag without an opening one");
                };
                match stack.last_mut() {
                    Some(top) => top.children.push(Node::Elem(el)),
                    None => root = Some(el),
                }
            }
            Event::Text(t) => {
                let s = t
                    .xml10_content()
                    .map_err(|e| ReadError::Binary(e.to_string()))?;
                if stack.is_empty() {
                    if !s.trim().is_empty() {
                        return err(text, pos, "text outside the root element");
                    }
                } else {
                    add_text(&mut stack, &s);
                }
            }
            Event::CData(t) => {
                let s = String::from_utf8_lossy(&t).into_owned();
                add_text(&mut stack, &s);
            }
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => {
                        let name = String::from_utf8_lossy(&r).into_owned();
                        match name.as_str() {
                            "amp" => "&".into(),
                            "lt" => "<".into(),
                            "gt" => ">".into(),
                            "quot" => "\"".into(),
                            "apos" => "'".into(),
                            _ => {
                                return err(
                                    text,
                                    pos,
                                    format!("undefined entity &{name}; (only the five XML entities and character references are read)"),
                                )
                            }
                        }
                    }
                    Err(e) => return err(text, pos, format!("bad character reference: {e}")),
                };
                if stack.is_empty() {
                    return err(text, pos, "reference outside the root element");
                }
                add_text(&mut stack, &c);
            }
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
    }
    if let Some(open) = stack.last() {
        return err(
            text,
            text.len(),
            format!(
                "truncated: <{}> (line {}) is never closed",
                open.name,
                line_col(text, open.pos).0
            ),
        );
    }
    match root {
        Some(r) => Ok(r),
        None => err(text, 0, "no XML element found"),
    }
}

// ------------------------------------------------------------------ walk

struct Walker {
    res: Resolution,
    warnings: Vec<Warning>,
}

/// Section-like hierarchy elements of foreign AKN: a heading and content.
const HIERARCHY: &[&str] = &[
    "section",
    "part",
    "chapter",
    "title",
    "subsection",
    "article",
    "division",
    "book",
    "tome",
    "subpart",
    "subchapter",
    "hcontainer",
];

impl Walker {
    /// What standard AKN says about the document; the unres proprietary
    /// block (read last) overrides it.
    fn meta(&mut self, meta: &Elem) {
        let m = &mut self.res.meta;
        if let Some(id) = meta.child("identification") {
            if let Some(work) = id.child("FRBRWork") {
                if let Some(name) = work.child("FRBRname").and_then(|e| e.attr("value")) {
                    m.symbol = name.to_string();
                }
                if let Some(a) = work.child("FRBRauthor").and_then(|e| e.attr("href")) {
                    if let Some(b) = a.rsplit(['/', '#']).next().and_then(Body::from_akn_actor) {
                        m.body = b;
                    }
                }
                for d in work.elements().filter(|e| e.name == "FRBRdate") {
                    if d.attr("name") == Some("adoption") {
                        m.adopted = d.attr("date").and_then(|d| d.parse().ok());
                    }
                }
                if let Some(v) = work.child("FRBRnumber").and_then(|e| e.attr("value")) {
                    let parts: Vec<Option<u32>> = v.split('-').map(|p| p.parse().ok()).collect();
                    match parts.as_slice() {
                        [Some(s), Some(n)] => {
                            m.session = Some(*s);
                            m.number = Some(*n);
                        }
                        [Some(n)] => m.number = Some(*n),
                        _ => {}
                    }
                }
            }
            if let Some(l) = id
                .child("FRBRExpression")
                .and_then(|e| e.child("FRBRlanguage"))
                .and_then(|e| e.attr("language"))
                .and_then(Lang::from_code)
            {
                m.lang = l;
            }
        }
        for refs in meta.elements().filter(|e| e.name == "references") {
            for r in refs.elements() {
                match (r.name.as_str(), r.attr("eId")) {
                    ("TLCOrganization", Some("committee")) => {
                        m.committee = r.attr("showAs").map(str::to_string);
                    }
                    ("TLCEvent", Some("meeting")) => {
                        let number = r
                            .attr("href")
                            .and_then(|h| h.rsplit('/').next())
                            .and_then(|n| n.parse().ok());
                        if let Some(number) = number {
                            m.meeting = Some(Meeting {
                                number,
                                printed: r.attr("showAs").unwrap_or_default().to_string(),
                            });
                        }
                    }
                    _ => {}
                }
            }
        }
    }

    /// The unres proprietary block, through the metadata codec. The block
    /// is complete: a field it lacks is absent; a value the codec refuses
    /// is left out with a warning.
    fn proprietary(&mut self, meta: &Elem) {
        let Some(p) = meta
            .elements()
            .filter(|e| e.name == "proprietary")
            .find_map(|p| p.child("meta"))
        else {
            return;
        };
        let title_num = std::mem::take(&mut self.res.meta.title_num);
        for f in codec::FIELDS.iter().filter(|f| f.element.is_some()) {
            codec::clear(&mut self.res.meta, f);
        }
        let mut values: Vec<(&'static codec::Field, Value)> = Vec::new();
        for e in p.elements() {
            let Some(field) = codec::by_element(&e.name) else {
                continue;
            };
            let value = proprietary_value(e, field.shape);
            match (values.iter_mut().find(|(f, _)| f.ir == field.ir), value) {
                (Some((_, Value::Array(items))), Value::Array(more)) => items.extend(more),
                (_, value) => values.push((field, value)),
            }
        }
        for (field, value) in values {
            let shown = value.to_string();
            if codec::set(&mut self.res.meta, field, value).is_err() {
                self.warnings.push(Warning::MetadataIgnored {
                    field: field.key.to_string(),
                    value: shown,
                });
            }
        }
        // The document number printed in the preface wins over the copy.
        if !title_num.is_empty() {
            self.res.meta.title_num = title_num;
        }
    }

    fn preface(&mut self, preface: &Elem) {
        for c in preface.elements() {
            let title = c.name == "container" && c.attr("name") == Some("title")
                || find(c, "docTitle").is_some();
            if c.name == "container" && c.attr("name") == Some("masthead") {
                lines_of(c, &mut self.res.masthead);
            } else if title {
                if let Some(n) = find(c, "docNumber") {
                    self.res.meta.title_num = n.text();
                }
                if let Some(t) = find(c, "docTitle") {
                    self.res.meta.title = t.text();
                }
            } else {
                lines_of(c, &mut self.res.preface);
            }
        }
    }

    fn preamble(&mut self, pre: &Elem) {
        let mut out = Vec::new();
        for c in pre.elements() {
            match c.name.as_str() {
                "formula" => {
                    let mut lines = Vec::new();
                    lines_of(c, &mut lines);
                    self.res.formula = lines.join(" ");
                }
                "container" if c.attr("name") == Some("crossHeading") => {
                    let (num, text) = self.numbered(c.child("p").unwrap_or(c));
                    out.push(Block::Heading(Heading {
                        num,
                        text,
                        level: level_of(c, 1),
                    }));
                }
                _ => out.extend(self.preamble_block(c)),
            }
        }
        self.res.preamble = out;
    }

    fn preamble_block(&mut self, c: &Elem) -> Option<Block> {
        if let Some(t) = find(c, "table") {
            return Some(Block::Table(self.table(t)));
        }
        if let Some(list) = c
            .child("blockList")
            .or((c.name == "blockList").then_some(c))
        {
            return Some(Block::Paragraph(self.block_list(list)));
        }
        let mut p = Paragraph::default();
        let ps: Vec<&Elem> = if c.name == "p" {
            vec![c]
        } else {
            c.elements().filter(|e| e.name == "p").collect()
        };
        for (k, e) in ps.into_iter().enumerate() {
            let (num, content) = self.numbered(e);
            if k == 0 {
                p.num = num;
            } else {
                p.content.push(Inline::Text(" ".into()));
            }
            p.content.extend(content);
        }
        Some(Block::Paragraph(p))
    }

    fn block_list(&mut self, list: &Elem) -> Paragraph {
        let mut p = Paragraph::default();
        for c in list.elements() {
            match c.name.as_str() {
                "listIntroduction" => (p.num, p.content) = self.numbered(c),
                "listWrapUp" => p.wrap_up = self.inlines(c),
                "item" => {
                    let mut item = Paragraph {
                        num: c.child("num").map(Elem::text),
                        ..Paragraph::default()
                    };
                    for e in c.elements() {
                        match e.name.as_str() {
                            "blockList" => {
                                let inner = self.block_list(e);
                                item.content.extend(inner.content);
                                item.items.extend(inner.items);
                                item.wrap_up.extend(inner.wrap_up);
                            }
                            "num" => {}
                            _ => item.content.extend(self.inlines(e)),
                        }
                    }
                    p.items.push(item);
                }
                _ => {}
            }
        }
        p
    }

    /// Inline content led by an optional `<inline name="num">`.
    fn numbered(&mut self, e: &Elem) -> (Option<String>, Vec<Inline>) {
        let first = e.children.iter().find(|n| match n {
            Node::Text(t) => !t.trim().is_empty(),
            Node::Elem(_) => true,
        });
        match first {
            Some(Node::Elem(n)) if n.name == "inline" && n.attr("name") == Some("num") => {
                let num = n.text();
                let mut parts = Vec::new();
                let mut seen = false;
                for c in &e.children {
                    if !seen {
                        seen = matches!(c, Node::Elem(x) if std::ptr::eq(x, n));
                        continue;
                    }
                    self.inline_node(c, &mut parts);
                }
                (Some(num), parts)
            }
            _ => (None, self.inlines(e)),
        }
    }

    /// Paragraphs, headings and tables of a body or an annex.
    fn blocks(&mut self, parent: &Elem, level: u8) -> Vec<Block> {
        let mut out = Vec::new();
        for c in parent.elements() {
            match c.name.as_str() {
                "paragraph" | "point" | "subparagraph" | "clause" | "alinea" => {
                    match c.child("content").and_then(|x| x.child("table")) {
                        Some(t) if c.child("num").is_none() => {
                            out.push(Block::Table(self.table(t)))
                        }
                        _ => out.push(Block::Paragraph(self.paragraph(c))),
                    }
                }
                "crossHeading" => {
                    let (num, text) = self.numbered(c);
                    out.push(Block::Heading(Heading {
                        num,
                        text,
                        level: level_of(c, level),
                    }));
                }
                "table" => out.push(Block::Table(self.table(c))),
                "blockList" => out.push(Block::Paragraph(self.block_list(c))),
                "p" => {
                    let content = self.inlines(c);
                    if !content.is_empty() {
                        out.push(Block::Paragraph(Paragraph {
                            content,
                            ..Paragraph::default()
                        }));
                    }
                }
                "intro" | "wrapUp" | "content" => out.extend(self.blocks(c, level)),
                name if HIERARCHY.contains(&name) => {
                    let num = c.child("num").map(Elem::text);
                    let text = c.child("heading").map(|h| self.inlines(h));
                    let level = level_of(c, level);
                    out.push(Block::Heading(Heading {
                        num,
                        text: text.unwrap_or_default(),
                        level,
                    }));
                    out.extend(self.blocks(c, level.saturating_add(1)));
                }
                "num" | "heading" | "subheading" => {}
                _ => out.extend(self.blocks(c, level)),
            }
        }
        out
    }

    fn paragraph(&mut self, e: &Elem) -> Paragraph {
        let mut p = Paragraph {
            num: e.child("num").map(Elem::text),
            ..Paragraph::default()
        };
        for c in e.elements() {
            match c.name.as_str() {
                "content" => {
                    for (k, x) in c.elements().enumerate() {
                        if k > 0 {
                            p.content.push(Inline::Text(" ".into()));
                        }
                        p.content.extend(self.inlines(x));
                    }
                }
                "list" => {
                    for x in c.elements() {
                        match x.name.as_str() {
                            "intro" => p.content.extend(self.inlines_of_blocks(x)),
                            "wrapUp" => p.wrap_up.extend(self.inlines_of_blocks(x)),
                            "num" | "heading" => {}
                            _ => p.items.push(self.paragraph(x)),
                        }
                    }
                }
                "intro" => p.content.extend(self.inlines_of_blocks(c)),
                "wrapUp" => p.wrap_up.extend(self.inlines_of_blocks(c)),
                "num" | "heading" => {}
                _ => p.items.push(self.paragraph(c)),
            }
        }
        p
    }

    /// The inline content of each `p` (or other block) inside, joined.
    fn inlines_of_blocks(&mut self, e: &Elem) -> Vec<Inline> {
        let mut out = Vec::new();
        for (k, x) in e.elements().enumerate() {
            if k > 0 {
                out.push(Inline::Text(" ".into()));
            }
            out.extend(self.inlines(x));
        }
        out
    }

    fn table(&mut self, t: &Elem) -> Table {
        let mut table = Table::default();
        let mut body_seen = false;
        for tr in descendants(t, "tr") {
            let mut row = Vec::new();
            let mut header = true;
            for cell in tr.elements() {
                header &= cell.name == "th";
                row.push(self.inlines_of_blocks(cell));
            }
            if header && !body_seen && !row.is_empty() {
                table.header_rows += 1;
            } else {
                body_seen = true;
            }
            table.rows.push(row);
        }
        table
    }

    fn attachment(&mut self, att: &Elem) {
        let Some(doc) = att.elements().find(|e| e.child("mainBody").is_some()) else {
            return;
        };
        let mut a = Annex::default();
        if let Some(p) = doc.child("preface") {
            if let Some(t) = find(p, "docType") {
                a.label = t.text();
            }
            if let Some(t) = find(p, "docTitle") {
                a.title = self.inlines(t);
            }
        }
        if let Some(b) = doc.child("mainBody") {
            a.content = self.blocks(b, 1);
        }
        self.res.annexes.push(a);
    }

    fn inlines(&mut self, e: &Elem) -> Vec<Inline> {
        let mut out = Vec::new();
        for c in &e.children {
            self.inline_node(c, &mut out);
        }
        out
    }

    fn inline_node(&mut self, n: &Node, out: &mut Vec<Inline>) {
        let e = match n {
            Node::Text(t) => {
                out.push(Inline::Text(t.clone()));
                return;
            }
            Node::Elem(e) => e,
        };
        match e.name.as_str() {
            "i" | "em" => out.push(Inline::Emphasis(self.inlines(e))),
            "authorialNote" => {
                let marker = e.attr("marker").unwrap_or_default().to_string();
                if self.res.note(&marker).is_none() {
                    let content = self.inlines_of_blocks(e);
                    self.res.notes.push(Note {
                        marker: marker.clone(),
                        content,
                    });
                }
                out.push(Inline::NoteRef(marker));
            }
            "noteRef" => {
                out.push(Inline::NoteRef(e.attr("marker").unwrap_or_default().into()));
            }
            "sup" if e.attr("class") == Some("noteRef") => out.push(Inline::NoteRef(e.text())),
            "eol" | "eop" | "br" => out.push(Inline::Text(" ".into())),
            _ => {
                for c in &e.children {
                    self.inline_node(c, out);
                }
            }
        }
    }
}

/// Each `p` inside (depth first) as one line of text; an element with no
/// `p` is one line.
/// A proprietary element as a codec value: the text of a scalar, a
/// one-item list for a list field, a keyed object from the attribute and
/// the text.
fn proprietary_value(e: &Elem, shape: Shape) -> Value {
    let keyed = |key: &str, text: &str| {
        let mut o = serde_json::Map::new();
        o.insert(key.into(), e.attr(key).unwrap_or_default().into());
        o.insert(text.into(), e.text().into());
        Value::Object(o)
    };
    match shape {
        Shape::Scalar => Value::String(e.text()),
        Shape::List => Value::Array(vec![Value::String(e.text())]),
        Shape::Keyed { key, text } => keyed(key, text),
        Shape::KeyedList { key, text } => Value::Array(vec![keyed(key, text)]),
    }
}

fn lines_of(e: &Elem, out: &mut Vec<String>) {
    if e.name == "p"
        || !e
            .elements()
            .any(|c| c.name == "p" || find(c, "p").is_some())
    {
        out.push(e.text());
        return;
    }
    for c in e.elements() {
        lines_of(c, out);
    }
}

fn level_of(e: &Elem, default: u8) -> u8 {
    e.attr("class")
        .and_then(|c| {
            c.split_whitespace()
                .find_map(|w| w.strip_prefix("level-")?.parse().ok())
        })
        .unwrap_or(default)
}

/// The first descendant named `name`, depth first.
fn find<'e>(e: &'e Elem, name: &str) -> Option<&'e Elem> {
    e.elements().find_map(|c| {
        if c.name == name {
            Some(c)
        } else {
            find(c, name)
        }
    })
}

fn descendants<'e>(e: &'e Elem, name: &str) -> Vec<&'e Elem> {
    let mut out = Vec::new();
    fn walk<'e>(e: &'e Elem, name: &str, out: &mut Vec<&'e Elem>) {
        for c in e.elements() {
            if c.name == name {
                out.push(c);
            } else {
                walk(c, name, out);
            }
        }
    }
    walk(e, name, &mut out);
    out
}
