//! Akoma Ntoso 3.0 emitter, following the UN's AKN4UN profile for General
//! Assembly and Security Council resolutions: `<statement name="resolution">`
//! with FRBR identification, preface, preamble, mainBody, conclusions and
//! attachments. A footnote is an `<authorialNote>` at its first citation and
//! a `<noteRef>` to it at each later one.

use std::collections::HashMap;

use quick_xml::escape::escape;

use super::EmitOptions;
use crate::error::EmitError;
use serde_json::Value;

use crate::ir::meta::{self, Shape};
use crate::ir::{Annex, Block, Body, Heading, Inline, Paragraph, Resolution, Table};

/// The Akoma Ntoso 3.0 namespace.
pub const NAMESPACE: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// Writes `res` as AKN4UN XML.
pub fn write(res: &Resolution, _opts: &EmitOptions) -> Result<Vec<u8>, EmitError> {
    // Markup can double the text or more (short paragraphs, each with its
    // element and eId); the metadata is a few kilobytes. Capacity never
    // written to costs no memory, a buffer outgrown costs a copy.
    let mut x = Xml::with_capacity(3 * res.text_bytes() + 64 * 1024);
    x.decl()?;
    x.open("akomaNtoso", &[("xmlns", NAMESPACE)])?;
    x.open(
        "statement",
        &[("name", "resolution"), ("contains", "originalVersion")],
    )?;
    let mut doc = Doc::new(res);
    meta(&mut x, &doc)?;
    preface(&mut x, &mut doc)?;
    preamble(&mut x, &mut doc)?;
    main_body(&mut x, &mut doc)?;
    conclusions(&mut x, &mut doc)?;
    attachments(&mut x, &mut doc)?;
    x.close("statement")?;
    x.close("akomaNtoso")?;
    let mut bytes = x.finish();
    bytes.push(b'\n');
    Ok(bytes)
}

/// What the writer tracks while walking one resolution.
struct Doc<'a> {
    res: &'a Resolution,
    /// eId of each note's `authorialNote`, once written.
    note_ids: HashMap<&'a str, String>,
    /// eIds used so far, to keep them unique (only asked whether one is
    /// in: no order of the set reaches the output).
    used: foldhash::HashSet<String>,
    /// Prefix for eIds inside an attachment ("att_1__").
    prefix: String,
}

impl<'a> Doc<'a> {
    fn new(res: &'a Resolution) -> Self {
        Doc {
            res,
            note_ids: HashMap::new(),
            used: Default::default(),
            prefix: String::new(),
        }
    }

    /// A unique eId from `base` (AKN naming: "para_1", "para_1__list_1").
    fn eid(&mut self, base: &str) -> String {
        let mut id = String::with_capacity(self.prefix.len() + base.len() + 3);
        id.push_str(&self.prefix);
        id.push_str(base);
        if self.used.contains(&id) {
            let base = std::mem::take(&mut id);
            let mut n = 2;
            loop {
                id = format!("{base}-{n}");
                if !self.used.contains(&id) {
                    break;
                }
                n += 1;
            }
        }
        self.used.insert(id.clone());
        id
    }
}

/// FRBR Work IRI: /akn/un/statement/deliberation/unga/2004-12-20/59-159.
fn work_iri(res: &Resolution) -> String {
    format!(
        "/akn/un/statement/deliberation/{}/{}/{}",
        res.meta.body.akn_actor(),
        date_of(res),
        number_value(res)
    )
}

/// "59-159" for GA, "1454" for SC; derived from the symbol when unnumbered.
fn number_value(res: &Resolution) -> String {
    let m = &res.meta;
    match (m.body, m.session, m.number) {
        (Body::GeneralAssembly | Body::EconomicAndSocialCouncil, Some(s), Some(n)) => {
            format!("{s}-{n}")
        }
        (_, _, Some(n)) => n.to_string(),
        _ => {
            let s: String = m
                .symbol
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect();
            if s.is_empty() {
                "unnumbered".into()
            } else {
                s
            }
        }
    }
}

/// "59/159" as printed in the symbol.
fn number_shown(res: &Resolution) -> String {
    let m = &res.meta;
    match (m.body, m.session, m.number, m.year) {
        (Body::GeneralAssembly | Body::EconomicAndSocialCouncil, Some(s), Some(n), _) => {
            format!("{s}/{n}")
        }
        (_, _, Some(n), Some(y)) => format!("{n} ({y})"),
        (_, _, Some(n), None) => n.to_string(),
        _ => m.symbol.clone(),
    }
}

/// The adoption date, or the distribution date, for FRBR dates; FRBR
/// requires one, and a text with neither printed names no day at all.
fn date_of(res: &Resolution) -> String {
    res.meta
        .adopted
        .or(res.meta.distributed)
        .map_or_else(|| "0001-01-01".to_string(), |d| d.to_string())
}

fn meta(x: &mut Xml, doc: &Doc<'_>) -> Result<(), EmitError> {
    let res = doc.res;
    let work = work_iri(res);
    let lang = res.meta.lang.iso639_2();
    let expr = format!("{work}/{lang}@");
    let date = &date_of(res);
    let date_name = if res.meta.adopted.is_some() {
        "adoption"
    } else {
        "unknown"
    };
    let author = format!("#{}", res.meta.body.akn_actor());
    x.open("meta", &[])?;
    x.open("identification", &[("source", "#unres")])?;

    x.open("FRBRWork", &[])?;
    x.empty("FRBRthis", &[("value", &format!("{work}/!main"))])?;
    x.empty("FRBRuri", &[("value", &work)])?;
    if let Some(short) = res.meta.running_heads.first() {
        // The running head printed on later pages: the work's short title.
        x.empty("FRBRalias", &[("value", short), ("name", "shortTitle")])?;
    }
    x.empty("FRBRdate", &[("date", date), ("name", date_name)])?;
    x.empty("FRBRauthor", &[("href", &author)])?;
    x.empty("FRBRcountry", &[("value", "un")])?;
    x.empty(
        "FRBRnumber",
        &[
            ("value", &number_value(res)),
            ("showAs", &number_shown(res)),
        ],
    )?;
    if !res.meta.symbol.is_empty() {
        x.empty("FRBRname", &[("value", &res.meta.symbol)])?;
    }
    x.close("FRBRWork")?;

    x.open("FRBRExpression", &[])?;
    x.empty("FRBRthis", &[("value", &format!("{expr}/!main"))])?;
    x.empty("FRBRuri", &[("value", &expr)])?;
    x.empty("FRBRdate", &[("date", date), ("name", date_name)])?;
    x.empty("FRBRauthor", &[("href", &author)])?;
    x.empty("FRBRlanguage", &[("language", lang)])?;
    x.close("FRBRExpression")?;

    x.open("FRBRManifestation", &[])?;
    x.empty("FRBRthis", &[("value", &format!("{expr}/!main.xml"))])?;
    x.empty("FRBRuri", &[("value", &format!("{expr}.akn"))])?;
    // Deterministic output: the manifestation is dated by the expression.
    x.empty("FRBRdate", &[("date", date), ("name", "transformation")])?;
    x.empty("FRBRauthor", &[("href", "#unres")])?;
    x.empty("FRBRformat", &[("value", "application/akn+xml")])?;
    x.close("FRBRManifestation")?;
    x.close("identification")?;

    x.open("references", &[("source", "#unres")])?;
    let (organ, organ_name) = (res.meta.body.akn_actor(), res.meta.body.akn_name());
    x.empty(
        "TLCOrganization",
        &[
            ("eId", organ),
            ("href", &format!("/akn/ontology/organizations/un/{organ}")),
            ("showAs", organ_name),
        ],
    )?;
    x.empty(
        "TLCOrganization",
        &[
            ("eId", "unres"),
            ("href", "/akn/ontology/organizations/unres"),
            ("showAs", "unres converter"),
        ],
    )?;
    if let Some(c) = &res.meta.committee {
        x.empty(
            "TLCOrganization",
            &[
                ("eId", "committee"),
                ("href", "/akn/ontology/organizations/un/committee"),
                ("showAs", c),
            ],
        )?;
    }
    if res.meta.adopted.is_some() {
        x.empty(
            "TLCEvent",
            &[
                ("eId", "adoptionDate"),
                ("href", "/akn/ontology/events/un/adoptionDate"),
                ("showAs", "Adoption date"),
            ],
        )?;
    }
    if let Some(m) = &res.meta.meeting {
        x.empty(
            "TLCEvent",
            &[
                ("eId", "meeting"),
                (
                    "href",
                    &format!("/akn/ontology/events/un/{organ}/meeting/{}", m.number),
                ),
                ("showAs", &m.printed),
            ],
        )?;
    }
    for (i, a) in res.meta.agenda_items.iter().enumerate() {
        x.empty(
            "TLCConcept",
            &[
                ("eId", &format!("agendaItem_{}", i + 1)),
                (
                    "href",
                    &format!(
                        "/akn/ontology/concepts/un/agendaItem/{}",
                        id_token(&a.number)
                    ),
                ),
                ("showAs", a.title.as_deref().unwrap_or(&a.number)),
            ],
        )?;
    }
    x.close("references")?;
    proprietary(x, res)?;
    x.close("meta")
}

/// Namespace of unres's own metadata inside `<proprietary>`.
pub const PROPRIETARY_NS: &str = "urn:unres:proprietary:1";

/// Every IR metadata field, so that `read::akn` gets all of them back:
/// AKN's own elements hold some only derived (the session in the FRBR
/// number) or not at all (the distribution date, the print's job number
/// and the running heads of its pages).
fn proprietary(x: &mut Xml, res: &Resolution) -> Result<(), EmitError> {
    x.open("proprietary", &[("source", "#unres")])?;
    x.open("unres:meta", &[("xmlns:unres", PROPRIETARY_NS)])?;
    for (field, value) in meta::encode(&res.meta) {
        if let Some(element) = field.element {
            proprietary_field(x, &format!("unres:{element}"), field.shape, &value)?;
        }
    }
    x.close("unres:meta")?;
    x.close("proprietary")
}

/// One codec value as elements: a list as one element per item, a keyed
/// object as an element with its key as an attribute and its text inside.
fn proprietary_field(x: &mut Xml, name: &str, shape: Shape, v: &Value) -> Result<(), EmitError> {
    match (shape, v) {
        (Shape::List, Value::Array(items)) => {
            for item in items {
                proprietary_field(x, name, Shape::Scalar, item)?;
            }
            Ok(())
        }
        (Shape::KeyedList { key, text }, Value::Array(items)) => {
            for item in items {
                proprietary_field(x, name, Shape::Keyed { key, text }, item)?;
            }
            Ok(())
        }
        (Shape::Keyed { key, text }, Value::Object(o)) => {
            let id = o.get(key).map(scalar_text).unwrap_or_default();
            match o.get(text) {
                Some(t) => {
                    x.open_inline(name, &[(key, &id)])?;
                    x.text(&scalar_text(t))?;
                    x.close_inline(name)
                }
                None => x.empty(name, &[(key, &id)]),
            }
        }
        (_, v) => {
            x.open_inline(name, &[])?;
            x.text(&scalar_text(v))?;
            x.close_inline(name)
        }
    }
}

/// A string as itself, anything else as its JSON text.
fn scalar_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn preface(x: &mut Xml, doc: &mut Doc<'_>) -> Result<(), EmitError> {
    let res = doc.res;
    x.open("preface", &[])?;
    if !res.masthead.is_empty() {
        x.open("container", &[("name", "masthead")])?;
        for line in &res.masthead {
            x.open_inline("p", &[])?;
            x.text(line)?;
            x.close_inline("p")?;
        }
        x.close("container")?;
    }
    for line in &res.preface {
        x.open("container", &[("name", "procedure")])?;
        x.open_inline("p", &[])?;
        preface_line(x, doc, line)?;
        x.close_inline("p")?;
        x.close("container")?;
    }
    x.open("container", &[("name", "title")])?;
    x.open_inline("p", &[])?;
    if !res.meta.title_num.is_empty() {
        x.open_inline("docNumber", &[])?;
        x.text(&res.meta.title_num)?;
        x.close_inline("docNumber")?;
        x.text(" ")?;
    }
    x.open_inline("docTitle", &[])?;
    x.text(&res.meta.title)?;
    x.close_inline("docTitle")?;
    x.close_inline("p")?;
    x.close("container")?;
    x.close("preface")
}

/// The committee line with the committee and the report symbols marked up
/// where they appear in it; other preface lines as plain text.
fn preface_line(x: &mut Xml, doc: &Doc<'_>, line: &str) -> Result<(), EmitError> {
    let m = &doc.res.meta;
    let mut marks: Vec<(usize, usize, Mark)> = Vec::new();
    if let Some(c) = m.committee.as_deref().filter(|c| !c.is_empty()) {
        if let Some(at) = line.find(c) {
            marks.push((at, at + c.len(), Mark::Committee));
        }
    }
    for r in m.reports.iter().chain(m.draft.iter()) {
        if let Some(at) = line.find(r.as_str()) {
            marks.push((at, at + r.len(), Mark::Doc));
        }
    }
    marks.sort_by_key(|m| m.0);
    let mut pos = 0;
    for (from, to, mark) in marks {
        if from < pos {
            continue;
        }
        x.text(&line[pos..from])?;
        let inner = &line[from..to];
        match mark {
            Mark::Committee => {
                x.open_inline("docProponent", &[("refersTo", "#committee")])?;
                x.text(inner)?;
                x.close_inline("docProponent")?;
            }
            Mark::Doc => {
                x.open_inline("ref", &[("href", &format!("https://undocs.org/{inner}"))])?;
                x.text(inner)?;
                x.close_inline("ref")?;
            }
        }
        pos = to;
    }
    x.text(&line[pos..])
}

enum Mark {
    Committee,
    Doc,
}

fn preamble(x: &mut Xml, doc: &mut Doc<'_>) -> Result<(), EmitError> {
    let res = doc.res;
    if res.formula.is_empty() && res.preamble.is_empty() {
        return Ok(());
    }
    x.open("preamble", &[])?;
    if !res.formula.is_empty() {
        x.open("formula", &[("name", "enactingFormula")])?;
        x.open_inline("p", &[])?;
        x.text(&res.formula)?;
        x.close_inline("p")?;
        x.close("formula")?;
    }
    let mut n = 0;
    for b in &res.preamble {
        n += 1;
        match b {
            Block::Paragraph(p) => {
                let id = doc.eid(&format!("container_{n}"));
                x.open(
                    "container",
                    &[("name", "preambularParagraph"), ("eId", &id)],
                )?;
                if p.items.is_empty() {
                    x.open_inline("p", &[])?;
                    inline_num(x, p.num.as_deref(), !p.content.is_empty())?;
                    inlines(x, doc, &p.content)?;
                    x.close_inline("p")?;
                } else {
                    block_list(x, doc, p, &id)?;
                }
                x.close("container")?;
            }
            Block::Heading(h) => {
                let id = doc.eid(&format!("container_{n}"));
                let class = format!("level-{}", h.level);
                x.open(
                    "container",
                    &[("name", "crossHeading"), ("eId", &id), ("class", &class)],
                )?;
                x.open_inline("p", &[])?;
                heading_text(x, doc, h)?;
                x.close_inline("p")?;
                x.close("container")?;
            }
            Block::Table(t) => {
                let id = doc.eid(&format!("container_{n}"));
                x.open("container", &[("name", "table"), ("eId", &id)])?;
                table(x, doc, t, &id)?;
                x.close("container")?;
            }
        }
    }
    x.close("preamble")
}

/// A number inside inline content (a preambular paragraph's, a heading's),
/// where AKN has no `num`: `<inline name="num">`.
fn inline_num(x: &mut Xml, num: Option<&str>, more: bool) -> Result<(), EmitError> {
    if let Some(n) = num {
        x.open_inline("inline", &[("name", "num")])?;
        x.text(n)?;
        x.close_inline("inline")?;
        if more {
            x.text(" ")?;
        }
    }
    Ok(())
}

/// A preambular paragraph with sub-paragraphs: a `blockList` whose
/// introduction is the paragraph's text, items nested the same way.
fn block_list(x: &mut Xml, doc: &mut Doc<'_>, p: &Paragraph, owner: &str) -> Result<(), EmitError> {
    let list_id = doc.eid(&format!("{}__list_1", strip(owner, &doc.prefix)));
    x.open("blockList", &[("eId", &list_id)])?;
    if p.num.is_some() || !p.content.is_empty() {
        x.open_inline("listIntroduction", &[])?;
        inline_num(x, p.num.as_deref(), !p.content.is_empty())?;
        inlines(x, doc, &p.content)?;
        x.close_inline("listIntroduction")?;
    }
    for (k, item) in p.items.iter().enumerate() {
        let token = item_token(item, k);
        let item_id = doc.eid(&format!("{}__item_{token}", strip(&list_id, &doc.prefix)));
        x.open("item", &[("eId", &item_id)])?;
        if let Some(num) = &item.num {
            x.open_inline("num", &[])?;
            x.text(num)?;
            x.close_inline("num")?;
        }
        if item.items.is_empty() {
            x.open_inline("p", &[])?;
            inlines(x, doc, &item.content)?;
            x.close_inline("p")?;
        } else {
            let unnumbered = Paragraph {
                num: None,
                ..item.clone()
            };
            block_list(x, doc, &unnumbered, &item_id)?;
        }
        x.close("item")?;
    }
    if !p.wrap_up.is_empty() {
        x.open_inline("listWrapUp", &[])?;
        inlines(x, doc, &p.wrap_up)?;
        x.close_inline("listWrapUp")?;
    }
    x.close("blockList")
}

fn main_body(x: &mut Xml, doc: &mut Doc<'_>) -> Result<(), EmitError> {
    let res = doc.res;
    x.open("mainBody", &[])?;
    body_blocks(x, doc, &res.body, "")?;
    x.close("mainBody")
}

/// Paragraphs, headings and tables of the body or an annex. A heading
/// opens a `section` (level 1) or `subsection` holding what follows it up
/// to the next heading of its level, as AKN4UN models titled parts.
fn body_blocks(
    x: &mut Xml,
    doc: &mut Doc<'_>,
    blocks: &[Block],
    scope: &str,
) -> Result<(), EmitError> {
    let mut unnumbered = 0;
    let mut sections = 0;
    let mut tables = 0;
    let mut i = 0;
    while i < blocks.len() {
        match &blocks[i] {
            Block::Paragraph(p) => {
                let base = match p.num.as_deref().map(id_token).filter(|t| !t.is_empty()) {
                    Some(t) => format!("{scope}para_{t}"),
                    None => {
                        unnumbered += 1;
                        format!("{scope}para_u{unnumbered}")
                    }
                };
                let id = doc.eid(&base);
                paragraph(x, doc, p, "paragraph", &id)?;
                i += 1;
            }
            Block::Heading(h) => {
                let end = blocks[i + 1..]
                    .iter()
                    .position(|b| matches!(b, Block::Heading(g) if g.level <= h.level))
                    .map_or(blocks.len(), |k| i + 1 + k);
                sections += 1;
                let (element, abbr) = if h.level <= 1 {
                    ("section", "sec")
                } else {
                    ("subsection", "subsec")
                };
                let id = doc.eid(&format!("{scope}{abbr}_{sections}"));
                // The level, which nesting alone does not say (a level-3
                // heading may follow a level-1 one), for readers.
                let class = format!("level-{}", h.level);
                x.open(element, &[("eId", &id), ("class", &class)])?;
                if let Some(n) = &h.num {
                    x.open_inline("num", &[])?;
                    x.text(n)?;
                    x.close_inline("num")?;
                }
                if !h.text.is_empty() {
                    x.open_inline("heading", &[])?;
                    inlines(x, doc, &h.text)?;
                    x.close_inline("heading")?;
                }
                let children = &blocks[i + 1..end];
                if children.is_empty() {
                    // The schema wants content after a heading; an empty
                    // paragraph adds no text.
                    x.open("content", &[])?;
                    x.open_inline("p", &[])?;
                    x.close_inline("p")?;
                    x.close("content")?;
                } else {
                    let inner = format!("{}__", strip(&id, &doc.prefix));
                    body_blocks(x, doc, children, &inner)?;
                }
                x.close(element)?;
                i = end;
            }
            Block::Table(t) => {
                tables += 1;
                let id = doc.eid(&format!("{scope}para_table{tables}"));
                x.open("paragraph", &[("eId", &id)])?;
                x.open("content", &[])?;
                table(x, doc, t, &id)?;
                x.close("content")?;
                x.close("paragraph")?;
                i += 1;
            }
        }
    }
    Ok(())
}

/// A paragraph or point: num, then content, or intro + list + wrapUp.
fn paragraph(
    x: &mut Xml,
    doc: &mut Doc<'_>,
    p: &Paragraph,
    element: &str,
    id: &str,
) -> Result<(), EmitError> {
    x.open(element, &[("eId", id)])?;
    if let Some(num) = &p.num {
        x.open_inline("num", &[])?;
        x.text(num)?;
        x.close_inline("num")?;
    }
    if p.items.is_empty() {
        x.open("content", &[])?;
        x.open_inline("p", &[])?;
        inlines(x, doc, &p.content)?;
        x.close_inline("p")?;
        x.close("content")?;
    } else {
        let list_id = doc.eid(&format!("{}__list_1", strip(id, &doc.prefix)));
        x.open("list", &[("eId", &list_id)])?;
        if !p.content.is_empty() {
            x.open("intro", &[])?;
            x.open_inline("p", &[])?;
            inlines(x, doc, &p.content)?;
            x.close_inline("p")?;
            x.close("intro")?;
        }
        for (k, item) in p.items.iter().enumerate() {
            let token = item_token(item, k);
            let item_id = doc.eid(&format!("{}__point_{token}", strip(&list_id, &doc.prefix)));
            paragraph(x, doc, item, "point", &item_id)?;
        }
        if !p.wrap_up.is_empty() {
            x.open("wrapUp", &[])?;
            x.open_inline("p", &[])?;
            inlines(x, doc, &p.wrap_up)?;
            x.close_inline("p")?;
            x.close("wrapUp")?;
        }
        x.close("list")?;
    }
    x.close(element)
}

fn strip<'s>(id: &'s str, prefix: &str) -> &'s str {
    id.strip_prefix(prefix).unwrap_or(id)
}

/// The eId token of the `k`-th sub-paragraph: its number ("(a)" → "a"),
/// or its position when unnumbered.
fn item_token(item: &Paragraph, k: usize) -> String {
    item.num
        .as_deref()
        .map(id_token)
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| (k + 1).to_string())
}

/// "12." → "12", "(a)" → "a", "(iv)" → "iv", "Article 3" → "Article3".
fn id_token(num: &str) -> String {
    num.chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
}

fn heading_text(x: &mut Xml, doc: &mut Doc<'_>, h: &Heading) -> Result<(), EmitError> {
    inline_num(x, h.num.as_deref(), !h.text.is_empty())?;
    inlines(x, doc, &h.text)
}

fn table(x: &mut Xml, doc: &mut Doc<'_>, t: &Table, owner: &str) -> Result<(), EmitError> {
    let id = doc.eid(&format!("{}__table_1", strip(owner, &doc.prefix)));
    x.open("table", &[("eId", &id)])?;
    for (r, row) in t.rows.iter().enumerate() {
        x.open("tr", &[])?;
        let cell = if r < t.header_rows { "th" } else { "td" };
        for c in row {
            x.open_inline(cell, &[])?;
            x.open_inline("p", &[])?;
            inlines(x, doc, c)?;
            x.close_inline("p")?;
            x.close_inline(cell)?;
        }
        x.close("tr")?;
    }
    x.close("table")
}

/// Inline content; the first citation of a note writes the note, later
/// ones point to it.
fn inlines(x: &mut Xml, doc: &mut Doc<'_>, parts: &[Inline]) -> Result<(), EmitError> {
    for p in parts {
        match p {
            Inline::Text(t) => x.text(t)?,
            Inline::Emphasis(inner) => {
                x.open_inline("i", &[])?;
                inlines(x, doc, inner)?;
                x.close_inline("i")?;
            }
            Inline::NoteRef(m) => {
                if let Some(id) = doc.note_ids.get(m.as_str()) {
                    let href = format!("#{id}");
                    x.empty_inline("noteRef", &[("href", &href), ("marker", m)])?;
                    continue;
                }
                let res = doc.res;
                let Some(note) = res.note(m) else {
                    // A citation without a stored note: keep the marker.
                    x.open_inline("sup", &[("class", "noteRef")])?;
                    x.text(m)?;
                    x.close_inline("sup")?;
                    continue;
                };
                let id = doc.eid(&format!("authorialNote_{}", id_token(m)));
                doc.note_ids.insert(note.marker.as_str(), id.clone());
                x.open_inline(
                    "authorialNote",
                    &[("marker", m), ("placement", "bottom"), ("eId", &id)],
                )?;
                x.open_inline("p", &[])?;
                inlines(x, doc, &note.content)?;
                x.close_inline("p")?;
                x.close_inline("authorialNote")?;
            }
        }
    }
    Ok(())
}

fn conclusions(x: &mut Xml, doc: &mut Doc<'_>) -> Result<(), EmitError> {
    let res = doc.res;
    if res.conclusions.is_empty() {
        return Ok(());
    }
    x.open("conclusions", &[])?;
    x.open("container", &[("name", "conclusion")])?;
    let mut date_done = false;
    let mut meeting_done = false;
    for line in &res.conclusions {
        x.open_inline("p", &[])?;
        let is_meeting = res
            .meta
            .meeting
            .as_ref()
            .is_some_and(|m| &m.printed == line);
        match (&res.meta.adopted, is_meeting) {
            (_, true) if !meeting_done => {
                meeting_done = true;
                x.open_inline("event", &[("refersTo", "#meeting")])?;
                x.text(line)?;
                x.close_inline("event")?;
            }
            (Some(date), false) if !date_done => {
                date_done = true;
                let date = date.to_string();
                x.open_inline("docDate", &[("date", &date), ("refersTo", "#adoptionDate")])?;
                x.text(line)?;
                x.close_inline("docDate")?;
            }
            _ => x.text(line)?,
        }
        x.close_inline("p")?;
    }
    x.close("container")?;
    x.close("conclusions")
}

fn attachments(x: &mut Xml, doc: &mut Doc<'_>) -> Result<(), EmitError> {
    let res = doc.res;
    if res.annexes.is_empty() {
        return Ok(());
    }
    x.open("attachments", &[])?;
    for (i, a) in res.annexes.iter().enumerate() {
        attachment(x, doc, a, i + 1)?;
    }
    x.close("attachments")
}

fn attachment(x: &mut Xml, doc: &mut Doc<'_>, a: &Annex, n: usize) -> Result<(), EmitError> {
    let res = doc.res;
    let id = format!("att_{n}");
    doc.used.insert(id.clone());
    x.open("attachment", &[("eId", &id)])?;
    x.open("doc", &[("name", "annex")])?;
    // The annex is a component of the resolution's work and expression.
    let work = format!("{}/!annex_{n}", work_iri(res));
    let lang = res.meta.lang.iso639_2();
    let expr = format!("{}/{lang}@/!annex_{n}", work_iri(res));
    let date = &date_of(res);
    x.open("meta", &[])?;
    x.open("identification", &[("source", "#unres")])?;
    for (el, this, uri) in [
        ("FRBRWork", work.clone(), work.clone()),
        ("FRBRExpression", expr.clone(), expr.clone()),
        (
            "FRBRManifestation",
            format!("{expr}.xml"),
            format!("{expr}.akn"),
        ),
    ] {
        x.open(el, &[])?;
        x.empty("FRBRthis", &[("value", &this)])?;
        x.empty("FRBRuri", &[("value", &uri)])?;
        x.empty("FRBRdate", &[("date", date), ("name", "adoption")])?;
        x.empty(
            "FRBRauthor",
            &[("href", &format!("#{}", res.meta.body.akn_actor()))],
        )?;
        match el {
            "FRBRWork" => x.empty("FRBRcountry", &[("value", "un")])?,
            "FRBRExpression" => x.empty("FRBRlanguage", &[("language", lang)])?,
            _ => {}
        }
        x.close(el)?;
    }
    x.close("identification")?;
    x.close("meta")?;
    x.open("preface", &[])?;
    x.open_inline("p", &[])?;
    x.open_inline("docType", &[])?;
    x.text(&a.label)?;
    x.close_inline("docType")?;
    x.close_inline("p")?;
    if !a.title.is_empty() {
        x.open_inline("p", &[])?;
        x.open_inline("docTitle", &[])?;
        inlines(x, doc, &a.title)?;
        x.close_inline("docTitle")?;
        x.close_inline("p")?;
    }
    x.close("preface")?;
    x.open("mainBody", &[])?;
    let saved = std::mem::replace(&mut doc.prefix, format!("{id}__"));
    if a.content.is_empty() {
        x.open_inline("p", &[])?;
        x.close_inline("p")?;
    }
    body_blocks(x, doc, &a.content, "")?;
    doc.prefix = saved;
    x.close("mainBody")?;
    x.close("doc")?;
    x.close("attachment")
}

/// The document written straight into one buffer, text and attribute
/// values escaped by quick-xml ([`escape`]): block elements on their own
/// indented lines, inline elements and text with no added whitespace (which
/// would otherwise become part of the text). Bytes as quick-xml's `Writer`
/// wrote them, without an event built per element.
struct Xml {
    out: Vec<u8>,
    depth: usize,
    /// Inside inline content: no indentation.
    inline: usize,
}

impl Xml {
    fn with_capacity(bytes: usize) -> Self {
        Xml {
            out: Vec::with_capacity(bytes),
            depth: 0,
            inline: 0,
        }
    }

    fn finish(self) -> Vec<u8> {
        self.out
    }

    fn decl(&mut self) -> Result<(), EmitError> {
        self.out
            .extend_from_slice(br#"<?xml version="1.0" encoding="UTF-8"?>"#);
        Ok(())
    }

    fn newline(&mut self) {
        if self.inline == 0 {
            self.out.push(b'\n');
            for _ in 0..self.depth {
                self.out.extend_from_slice(b"  ");
            }
        }
    }

    /// `<name k="v" …` (the tag left open for `>` or `/>`).
    fn tag(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.out.push(b'<');
        self.out.extend_from_slice(name.as_bytes());
        for (k, v) in attrs {
            self.out.push(b' ');
            self.out.extend_from_slice(k.as_bytes());
            self.out.extend_from_slice(b"=\"");
            self.out.extend_from_slice(escaped(v).as_bytes());
            self.out.push(b'"');
        }
    }

    fn end_tag(&mut self, name: &str) {
        self.out.extend_from_slice(b"</");
        self.out.extend_from_slice(name.as_bytes());
        self.out.push(b'>');
    }

    /// A block element: on its own line, children indented.
    fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<(), EmitError> {
        self.newline();
        self.tag(name, attrs);
        self.out.push(b'>');
        self.depth += 1;
        Ok(())
    }

    fn close(&mut self, name: &str) -> Result<(), EmitError> {
        self.depth -= 1;
        self.newline();
        self.end_tag(name);
        Ok(())
    }

    fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<(), EmitError> {
        self.newline();
        self.empty_inline(name, attrs)
    }

    /// An element whose content is text: starts on a new line when at block
    /// level, adds no whitespace inside.
    fn open_inline(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<(), EmitError> {
        self.newline();
        self.tag(name, attrs);
        self.out.push(b'>');
        self.inline += 1;
        Ok(())
    }

    fn close_inline(&mut self, name: &str) -> Result<(), EmitError> {
        self.inline -= 1;
        self.end_tag(name);
        Ok(())
    }

    fn empty_inline(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<(), EmitError> {
        self.tag(name, attrs);
        self.out.extend_from_slice(b"/>");
        Ok(())
    }

    fn text(&mut self, t: &str) -> Result<(), EmitError> {
        self.out.extend_from_slice(escaped(t).as_bytes());
        Ok(())
    }
}

/// Text as quick-xml's [`escape`] writes it, after a branch-free look for
/// a byte it escapes: most text has none, and is then not copied.
fn escaped(t: &str) -> std::borrow::Cow<'_, str> {
    let special = |c: u8| (c == b'<') | (c == b'>') | (c == b'&') | (c == b'\'') | (c == b'"');
    if crate::scan::marked(t.as_bytes(), special).next().is_none() {
        std::borrow::Cow::Borrowed(t)
    } else {
        escape(t)
    }
}
