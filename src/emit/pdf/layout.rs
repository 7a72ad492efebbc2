//! Layout: where every glyph of a resolution goes, page by page.
//!
//! Pure: shaping comes in through [`Shaper`], nothing is written here, so
//! the tests run with a fixed-width stand-in. Paragraphs become lines
//! (break opportunities, greedy fill, justification, bidi reordering);
//! lines become pages (keep-with-next, footnotes on the page of their first
//! citation, running header, page numbers).

use unicode_bidi::{BidiInfo, Level};

use super::fonts::{Family, Style};
use super::linebreak;
use super::shape::{Glyph, Shaper};
use super::template::{Paper, Template};
use crate::error::EmitError;
use crate::ir::{Annex, Block, Heading, Inline, Paragraph, Resolution, Table};

/// A run of glyphs of one face and size, placed on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// Pen position of the first glyph, from the page's left edge (pt).
    pub x: f32,
    /// Baseline, from the page's top edge (pt).
    pub y: f32,
    pub size: f32,
    pub face: u8,
    /// Glyphs in visual order; advances in ems of `size`, justification
    /// included.
    pub glyphs: Vec<Glyph>,
    /// The text the glyphs' source ranges point into ([`Laid::texts`]).
    pub text: u32,
}

impl Run {
    /// Width in points.
    pub fn width(&self) -> f32 {
        self.glyphs.iter().map(|g| g.adv).sum::<f32>() * self.size
    }
}

/// A straight line (rules above notes, table borders), page coordinates
/// from the top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub x1: f32,
    pub y1: f32,
    pub x2: f32,
    pub y2: f32,
    pub width: f32,
}

/// One page's content.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub runs: Vec<Run>,
    pub rules: Vec<Rule>,
    /// Notes set at the bottom of this page (indices into the notes).
    pub notes: Vec<usize>,
}

/// A bookmark: title, page index, y from the top.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub title: String,
    pub page: usize,
    pub y: f32,
}

/// The laid-out document.
#[derive(Debug, Clone, PartialEq)]
pub struct Laid {
    pub width: f32,
    pub height: f32,
    pub pages: Vec<Page>,
    /// Source texts of the runs.
    pub texts: Vec<String>,
    pub outline: Vec<Mark>,
}

/// Horizontal alignment of a paragraph's lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Align {
    /// Justified, the last line ragged.
    Justify,
    /// Ragged on the end side.
    Start,
    Center,
}

/// How to set one paragraph.
#[derive(Debug, Clone)]
struct ParaSpec<'a> {
    content: &'a [Inline],
    /// Text set before the content in the same style (heading numbers).
    prefix: Option<String>,
    style: Style,
    size: f32,
    leading: f32,
    /// Indents from the start edge of the area: first line, the rest.
    first: f32,
    rest: f32,
    /// A hanging number and where it starts (from the start edge).
    number: Option<(&'a str, f32)>,
    number_sup: bool,
    align: Align,
    /// The area: start edge offset from the text area's start, and width.
    area_start: f32,
    area_width: f32,
}

/// Vertical material for the pager.
#[derive(Debug, Clone)]
enum Flow {
    Box(Bx),
    Glue(f32),
    PageBreak,
}

/// A box of fixed height: runs and rules with y relative to its top.
#[derive(Debug, Clone, Default)]
struct Bx {
    height: f32,
    runs: Vec<Run>,
    rules: Vec<Rule>,
    /// Notes first cited in this box.
    notes: Vec<usize>,
    /// Must stay on the same page as the next box.
    keep: bool,
    mark: Option<String>,
}

/// A span of a paragraph's text with one look.
#[derive(Debug, Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
    style: Style,
    sup: bool,
    /// The note this marker cites for the first time.
    first_note: Option<usize>,
}

/// Text between two break opportunities, shaped.
#[derive(Debug, Clone)]
struct Seg {
    start: usize,
    end: usize,
    width: f32,
    /// Width of trailing spaces (dropped when a line ends here).
    space: f32,
    pieces: Vec<Piece>,
}

/// A piece of a line: one span, one bidi level, one break segment.
#[derive(Debug, Clone)]
struct Piece {
    /// Source offset (kept for tests and debugging).
    #[allow(dead_code)]
    start: usize,
    sup: bool,
    level: u8,
    glyphs: Vec<Glyph>,
}

struct Ctx<'s, 't> {
    shaper: &'s mut dyn Shaper,
    tpl: &'t Template,
    rtl: bool,
    /// Text area: left edge and width on the page.
    left: f32,
    width: f32,
    texts: Vec<String>,
    notes: Vec<String>,
    cited: Vec<bool>,
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
    let left = if rtl { p.margin_end } else { p.margin_start };
    let width = pw - p.margin_start - p.margin_end;
    let mut cx = Ctx {
        shaper,
        tpl,
        rtl,
        left,
        width,
        texts: Vec::new(),
        notes: res.notes.iter().map(|n| n.marker.clone()).collect(),
        cited: vec![false; res.notes.len()],
    };
    let mut flows = document_flows(&mut cx, res)?;

    // Notes nobody cites still print: with the last box of the text.
    let uncited: Vec<usize> = (0..res.notes.len()).filter(|&i| !cx.cited[i]).collect();
    if !uncited.is_empty() {
        if let Some(Flow::Box(b)) = flows.iter_mut().rev().find(|f| matches!(f, Flow::Box(_))) {
            b.notes.extend(uncited);
        }
    }

    // Each note's own lines, set once.
    let ns = &tpl.notes;
    let mut note_boxes = Vec::with_capacity(res.notes.len());
    for note in &res.notes {
        let spec = ParaSpec {
            content: &note.content,
            prefix: None,
            style: Style::Regular,
            size: ns.size,
            leading: ns.leading,
            first: ns.marker_width,
            rest: ns.marker_width,
            number: Some((&note.marker, 0.0)),
            number_sup: true,
            align: Align::Justify,
            area_start: 0.0,
            area_width: width,
        };
        note_boxes.push(paragraph(&mut cx, &spec)?);
    }

    let mut pager = Pager {
        top: p.margin_top,
        avail: ph - p.margin_top - p.margin_bottom,
        pages: vec![Page::default()],
        y: 0.0,
        note_boxes,
        note_space: ns.space_above,
        outline: Vec::new(),
    };
    pager.run(flows);
    let mut laid = Laid {
        width: pw,
        height: ph,
        pages: Vec::new(),
        texts: Vec::new(),
        outline: pager.outline,
    };
    let pages = std::mem::take(&mut pager.pages);
    let page_count = pages.len();
    for (i, mut page) in pages.into_iter().enumerate() {
        finish_page(
            &mut cx,
            &mut page,
            &pager.note_boxes,
            i,
            page_count,
            res,
            ph,
        )?;
        laid.pages.push(page);
    }
    laid.texts = cx.texts;
    Ok(laid)
}

/// Everything but notes and page furniture, as flows.
fn document_flows(cx: &mut Ctx, res: &Resolution) -> Result<Vec<Flow>, EmitError> {
    let t = cx.tpl;
    let mut flows = Vec::new();
    let plain = |s: &str| vec![Inline::Text(s.to_string())];

    // The masthead of the first page, small, on the start side.
    for line in &res.masthead {
        let content = plain(line);
        let spec = simple(cx, &content, Style::Regular, t.header.size, Align::Start);
        push_boxes(&mut flows, paragraph(cx, &spec)?, None);
    }
    if !res.masthead.is_empty() {
        flows.push(Flow::Glue(t.preface.space_after));
    }

    for line in &res.preface {
        let content = plain(line);
        let spec = simple(cx, &content, Style::Regular, t.preface.size, Align::Center);
        push_boxes(&mut flows, paragraph(cx, &spec)?, None);
    }
    if !res.preface.is_empty() {
        flows.push(Flow::Glue(t.preface.space_after));
    }

    // Number and title in bold, the title hanging after its number.
    let title = plain(&res.meta.title);
    let mut spec = simple(cx, &title, Style::Bold, t.title.size, Align::Start);
    if !res.meta.title_num.is_empty() {
        spec.number = Some((&res.meta.title_num, 0.0));
        spec.first = t.text.number_width;
        spec.rest = t.text.number_width;
    }
    let mark = format!("{} {}", res.meta.title_num, res.meta.title)
        .trim()
        .to_string();
    let mut boxes = paragraph(cx, &spec)?;
    for b in &mut boxes {
        b.keep = true;
    }
    push_boxes(&mut flows, boxes, Some(mark));
    flows.push(Flow::Glue(t.title.space_after));

    if !res.formula.is_empty() {
        let content = plain(&res.formula);
        let mut spec = simple(cx, &content, Style::Italic, t.text.size, Align::Start);
        spec.first = t.text.first_line_indent;
        let mut boxes = paragraph(cx, &spec)?;
        if let Some(last) = boxes.last_mut() {
            last.keep = true;
        }
        push_boxes(&mut flows, boxes, Some("Preamble".into()));
        flows.push(Flow::Glue(t.text.paragraph_space));
    }
    let preamble_mark = if res.formula.is_empty() {
        Some("Preamble".to_string())
    } else {
        None
    };
    blocks(cx, &mut flows, &res.preamble, preamble_mark)?;
    blocks(cx, &mut flows, &res.body, Some("Operative part".into()))?;

    if !res.conclusions.is_empty() {
        flows.push(Flow::Glue(t.text.paragraph_space * 2.0));
        let n = res.conclusions.len();
        for (i, line) in res.conclusions.iter().enumerate() {
            let content = plain(line);
            let spec = simple(cx, &content, Style::Regular, t.text.size, Align::Center);
            let mut boxes = paragraph(cx, &spec)?;
            if i + 1 < n {
                for b in &mut boxes {
                    b.keep = true;
                }
            }
            push_boxes(&mut flows, boxes, None);
        }
    }

    for annex in &res.annexes {
        annex_flows(cx, &mut flows, annex)?;
    }
    Ok(flows)
}

fn annex_flows(cx: &mut Ctx, flows: &mut Vec<Flow>, annex: &Annex) -> Result<(), EmitError> {
    let t = cx.tpl;
    flows.push(Flow::PageBreak);
    let label = vec![Inline::Text(annex.label.clone())];
    let spec = simple(cx, &label, Style::Bold, t.title.size, Align::Center);
    let mut boxes = paragraph(cx, &spec)?;
    for b in &mut boxes {
        b.keep = true;
    }
    let mut mark = annex.label.clone();
    if !annex.title.is_empty() {
        mark.push(' ');
        mark.push_str(&Inline::plain_text(&annex.title));
    }
    push_boxes(flows, boxes, Some(mark));
    if !annex.title.is_empty() {
        flows.push(Flow::Glue(t.text.paragraph_space));
        let spec = simple(cx, &annex.title, Style::Bold, t.title.size, Align::Center);
        let mut boxes = paragraph(cx, &spec)?;
        for b in &mut boxes {
            b.keep = true;
        }
        push_boxes(flows, boxes, None);
    }
    flows.push(Flow::Glue(t.title.space_after));
    blocks(cx, flows, &annex.content, None)
}

fn push_boxes(flows: &mut Vec<Flow>, boxes: Vec<Bx>, mark: Option<String>) {
    let mut mark = mark;
    for mut b in boxes {
        if b.mark.is_none() {
            b.mark = mark.take();
        }
        flows.push(Flow::Box(b));
    }
}

fn simple<'a>(
    cx: &Ctx,
    content: &'a [Inline],
    style: Style,
    size: f32,
    align: Align,
) -> ParaSpec<'a> {
    ParaSpec {
        content,
        prefix: None,
        style,
        size,
        leading: cx.tpl.text.leading,
        first: 0.0,
        rest: 0.0,
        number: None,
        number_sup: false,
        align,
        area_start: 0.0,
        area_width: cx.width,
    }
}

fn blocks(
    cx: &mut Ctx,
    flows: &mut Vec<Flow>,
    blocks: &[Block],
    mark: Option<String>,
) -> Result<(), EmitError> {
    let mut mark = mark;
    let t = cx.tpl;
    for block in blocks {
        match block {
            Block::Paragraph(p) => {
                let boxes = paragraph_tree(cx, p, 0)?;
                push_boxes(flows, boxes, mark.take());
                flows.push(Flow::Glue(t.text.paragraph_space));
            }
            Block::Heading(h) => {
                flows.push(Flow::Glue(t.text.heading_space));
                let boxes = heading(cx, h)?;
                push_boxes(flows, boxes, mark.take());
                flows.push(Flow::Glue(t.text.paragraph_space));
            }
            Block::Table(table) => {
                let boxes = table_boxes(cx, table)?;
                push_boxes(flows, boxes, mark.take());
                flows.push(Flow::Glue(t.text.paragraph_space));
            }
        }
    }
    Ok(())
}

fn heading(cx: &mut Ctx, h: &Heading) -> Result<Vec<Bx>, EmitError> {
    let size = if h.level <= 1 {
        cx.tpl.title.size
    } else {
        cx.tpl.text.size
    };
    let mut spec = simple(cx, &h.text, Style::Bold, size, Align::Center);
    spec.prefix = h.num.as_ref().map(|n| format!("{n} "));
    let mut boxes = paragraph(cx, &spec)?;
    for b in &mut boxes {
        b.keep = true;
    }
    Ok(boxes)
}

/// A paragraph and its sub-paragraphs; `depth` 0 is a top-level paragraph.
fn paragraph_tree(cx: &mut Ctx, p: &Paragraph, depth: usize) -> Result<Vec<Bx>, EmitError> {
    let t = &cx.tpl.text;
    let mut spec = simple(cx, &p.content, Style::Regular, t.size, Align::Justify);
    // The text edge of this paragraph, and where its number hangs.
    let text_at = if depth == 0 {
        t.number_width
    } else {
        t.number_width + depth as f32 * t.item_indent
    };
    match &p.num {
        Some(num) => {
            spec.number = Some((
                num,
                text_at
                    - if depth == 0 {
                        t.number_width
                    } else {
                        t.item_indent
                    },
            ));
            spec.first = text_at;
            spec.rest = text_at;
        }
        None if depth == 0 => {
            spec.first = t.first_line_indent;
        }
        None => {
            spec.first = text_at;
            spec.rest = text_at;
        }
    }
    let mut out = Vec::new();
    if !p.content.is_empty() || p.num.is_some() {
        out.extend(paragraph(cx, &spec)?);
    }
    for item in &p.items {
        let boxes = paragraph_tree(cx, item, depth + 1)?;
        if let Some(last) = out.last_mut() {
            // A lead-in stays with its first item.
            last.keep = true;
            out.push(Bx {
                height: cx.tpl.text.paragraph_space * 0.5,
                ..Bx::default()
            });
        }
        out.extend(boxes);
    }
    if !p.wrap_up.is_empty() {
        let mut spec = simple(cx, &p.wrap_up, Style::Regular, t.size, Align::Justify);
        spec.first = text_at;
        spec.rest = text_at;
        if !out.is_empty() {
            out.push(Bx {
                height: cx.tpl.text.paragraph_space * 0.5,
                ..Bx::default()
            });
        }
        out.extend(paragraph(cx, &spec)?);
    }
    Ok(out)
}

fn table_boxes(cx: &mut Ctx, table: &Table) -> Result<Vec<Bx>, EmitError> {
    let ts = &cx.tpl.table;
    let (size, pad, rule) = (ts.size, ts.cell_padding, ts.rule_width);
    let cols = table.rows.iter().map(Vec::len).max().unwrap_or(0);
    if cols == 0 {
        return Ok(Vec::new());
    }
    let col_w = cx.width / cols as f32;
    let mut out = Vec::new();
    for (r, row) in table.rows.iter().enumerate() {
        let header = r < table.header_rows;
        let mut cells: Vec<Vec<Bx>> = Vec::new();
        for (c, cell) in row.iter().enumerate() {
            // Columns run from the start edge: mirrored on RTL pages.
            let spec = ParaSpec {
                area_start: c as f32 * col_w + pad,
                area_width: (col_w - 2.0 * pad).max(size),
                ..simple(
                    cx,
                    cell,
                    if header { Style::Bold } else { Style::Regular },
                    size,
                    Align::Start,
                )
            };
            cells.push(paragraph(cx, &spec)?);
        }
        let inner: f32 = cells
            .iter()
            .map(|b| b.iter().map(|x| x.height).sum::<f32>())
            .fold(0.0, f32::max);
        let mut bx = Bx {
            height: inner + 2.0 * pad,
            keep: header,
            ..Bx::default()
        };
        for boxes in cells {
            let mut y = pad;
            for b in boxes {
                for mut run in b.runs {
                    run.y += y;
                    bx.runs.push(run);
                }
                bx.notes.extend(b.notes);
                y += b.height;
            }
        }
        let (l, rr) = (cx.left, cx.left + cx.width);
        if r == 0 {
            bx.rules.push(Rule {
                x1: l,
                y1: 0.0,
                x2: rr,
                y2: 0.0,
                width: rule,
            });
        }
        bx.rules.push(Rule {
            x1: l,
            y1: bx.height,
            x2: rr,
            y2: bx.height,
            width: rule,
        });
        for c in 0..=cols {
            let x = l + c as f32 * col_w;
            bx.rules.push(Rule {
                x1: x,
                y1: 0.0,
                x2: x,
                y2: bx.height,
                width: rule,
            });
        }
        out.push(bx);
    }
    Ok(out)
}

/// Flattens inline content into text and spans; note markers become
/// superscript spans.
fn flatten(cx: &mut Ctx, spec: &ParaSpec, text: &mut String, spans: &mut Vec<Span>) {
    fn walk(cx: &mut Ctx, inl: &[Inline], style: Style, text: &mut String, spans: &mut Vec<Span>) {
        for i in inl {
            match i {
                Inline::Text(s) => {
                    let start = text.len();
                    text.push_str(s);
                    spans.push(Span {
                        start,
                        end: text.len(),
                        style,
                        sup: false,
                        first_note: None,
                    });
                }
                Inline::Emphasis(inner) => {
                    let st = if style == Style::Bold {
                        Style::Bold
                    } else {
                        Style::Italic
                    };
                    walk(cx, inner, st, text, spans);
                }
                Inline::NoteRef(marker) => {
                    let idx = cx.notes.iter().position(|m| m == marker);
                    let first = idx.filter(|&n| !std::mem::replace(&mut cx.cited[n], true));
                    // A marker right after a figure ("Action 21²") would
                    // read back as one number ("212"): a hair space, too
                    // narrow to see, keeps them apart for text extraction.
                    if text.ends_with(|c: char| c.is_ascii_digit())
                        && marker.starts_with(|c: char| c.is_ascii_digit())
                    {
                        let start = text.len();
                        text.push('\u{200a}');
                        spans.push(Span {
                            start,
                            end: text.len(),
                            style,
                            sup: false,
                            first_note: None,
                        });
                    }
                    let start = text.len();
                    text.push_str(marker);
                    spans.push(Span {
                        start,
                        end: text.len(),
                        style: Style::Regular,
                        sup: true,
                        first_note: first,
                    });
                }
            }
        }
    }
    if let Some(p) = &spec.prefix {
        text.push_str(p);
        spans.push(Span {
            start: 0,
            end: text.len(),
            style: spec.style,
            sup: false,
            first_note: None,
        });
    }
    walk(cx, spec.content, spec.style, text, spans);
}

/// Sets one paragraph into line boxes.
fn paragraph(cx: &mut Ctx, spec: &ParaSpec) -> Result<Vec<Bx>, EmitError> {
    let mut text = String::new();
    let mut spans = Vec::new();
    flatten(cx, spec, &mut text, &mut spans);
    let sup_size = spec.size * cx.tpl.superscript.scale;
    let rise = spec.size * cx.tpl.superscript.rise;
    let line_h = spec.size * spec.leading;
    let baseline = 0.5 * (line_h - spec.size) + 0.8 * spec.size;

    // Bidi levels, per byte.
    let base_rtl = cx.rtl;
    let needs_bidi = base_rtl || text.chars().any(is_rtl_char);
    let levels: Vec<u8> = if needs_bidi && !text.is_empty() {
        let info = BidiInfo::new(
            &text,
            Some(if base_rtl { Level::rtl() } else { Level::ltr() }),
        );
        info.levels.iter().map(|l| l.number()).collect()
    } else {
        Vec::new()
    };
    let level_at = |i: usize| {
        levels
            .get(i)
            .copied()
            .unwrap_or(if base_rtl { 1 } else { 0 })
    };

    // Break opportunities; a marker stays with what precedes it.
    let sup_starts: Vec<usize> = spans.iter().filter(|s| s.sup).map(|s| s.start).collect();
    let mut breaks = linebreak::opportunities(&text, |at| sup_starts.contains(&at));

    // The hanging number.
    let mut number_run = None;
    let mut first = spec.first;
    if let Some((num, at)) = spec.number {
        let (nsize, nstyle) = if spec.number_sup {
            (sup_size, Style::Regular)
        } else {
            (spec.size, spec.style)
        };
        let mut glyphs = Vec::new();
        let tid = cx.texts.len() as u32;
        // Numbers read as printed ("80/1.", "(a)"), left to right unless
        // written in a right-to-left script.
        // On a right-to-left page a number with a separator ("80/1 -")
        // reads number first, then separator, leftwards: order its runs as
        // the bidi algorithm does, keeping the digits left to right.
        let plain_number = num
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '/' | ' ' | '-' | '–'));
        let visual = if cx.rtl && plain_number && num.contains(' ') && !num.chars().any(is_rtl_char)
        {
            let bidi = BidiInfo::new(num, Some(Level::rtl()));
            match bidi.paragraphs.first() {
                Some(para) => bidi.reorder_line(para, para.range.clone()).into_owned(),
                None => num.to_string(),
            }
        } else {
            num.to_string()
        };
        cx.shaper.shape(
            &visual,
            0,
            nstyle,
            num.chars().any(is_rtl_char),
            &mut glyphs,
        )?;
        // Each glyph maps back to its own character.
        cx.texts.push(visual);
        let w: f32 = glyphs.iter().map(|g| g.adv).sum::<f32>() * nsize;
        let gap = 0.4 * spec.size;
        if at + w + gap > first {
            first = at + w + gap;
        }
        number_run = Some((glyphs, nsize, w, at, tid));
    }
    let avail_first = (spec.area_width - first).max(spec.size);
    let avail_rest = (spec.area_width - spec.rest).max(spec.size);
    let min_avail = avail_first.min(avail_rest);

    // Pieces per segment, splitting over-long segments into characters.
    let mut segs: Vec<Seg>;
    loop {
        segs = Vec::new();
        let mut bounds = vec![0];
        bounds.extend(breaks.iter().copied());
        bounds.push(text.len());
        let mut too_long = Vec::new();
        for w in bounds.windows(2) {
            let (s, e) = (w[0], w[1]);
            if s >= e {
                continue;
            }
            let pieces = shape_segment(cx, &text, s, e, &spans, &level_at)?;
            let width: f32 = pieces
                .iter()
                .map(|p| piece_width(p, spec.size, sup_size))
                .sum();
            // Width of the spaces that vanish when a line ends here.
            let trimmed = s + text[s..e].trim_end().len();
            let space: f32 = pieces
                .iter()
                .map(|p| {
                    let size = if p.sup { sup_size } else { spec.size };
                    p.glyphs
                        .iter()
                        .filter(|g| g.start as usize >= trimmed)
                        .map(|g| g.adv * size)
                        .sum::<f32>()
                })
                .sum();
            if width - space > min_avail && text[s..trimmed].chars().count() > 1 {
                too_long.push((s, e));
            }
            segs.push(Seg {
                start: s,
                end: e,
                width,
                space,
                pieces,
            });
        }
        if too_long.is_empty() {
            break;
        }
        for (s, e) in too_long {
            breaks.extend(text[s..e].char_indices().skip(1).map(|(i, _)| s + i));
        }
        breaks.sort_unstable();
        breaks.dedup();
    }

    // Greedy fill.
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < segs.len() {
        let avail = if lines.is_empty() {
            avail_first
        } else {
            avail_rest
        };
        let mut w = 0.0;
        let mut j = i;
        while j < segs.len() {
            let natural = w + segs[j].width - segs[j].space;
            if natural > avail + 0.01 && j > i {
                break;
            }
            w += segs[j].width;
            j += 1;
        }
        lines.push((i, j));
        i = j;
    }
    if lines.is_empty() && number_run.is_some() {
        lines.push((0, 0));
    }

    let tid = cx.texts.len() as u32;
    let n = lines.len();
    let mut out = Vec::with_capacity(n);
    for (li, &(a, b)) in lines.iter().enumerate() {
        let last_line = li + 1 == n;
        let indent = if li == 0 { first } else { spec.rest };
        let avail = if li == 0 { avail_first } else { avail_rest };
        // Pieces of the line, trailing spaces dropped.
        let mut pieces: Vec<Piece> = segs[a..b]
            .iter()
            .flat_map(|s| s.pieces.iter().cloned())
            .collect();
        let line_start = segs.get(a).map_or(0, |s| s.start);
        let line_end = if b > a { segs[b - 1].end } else { line_start };
        let trimmed = line_start + text[line_start..line_end].trim_end().len();
        for p in &mut pieces {
            p.glyphs.retain(|g| (g.start as usize) < trimmed);
        }
        pieces.retain(|p| !p.glyphs.is_empty());
        let natural: f32 = pieces
            .iter()
            .map(|p| piece_width(p, spec.size, sup_size))
            .sum();

        // Justification: stretch spaces, and gaps next to CJK characters.
        let mut extra_per_gap = 0.0;
        let mut gaps = Vec::new();
        if spec.align == Align::Justify && !last_line {
            let total: usize = pieces.iter().map(|p| p.glyphs.len()).sum();
            let mut k = 0;
            let mut cjk = false;
            for p in &pieces {
                for g in &p.glyphs {
                    k += 1;
                    let ch = text[g.start as usize..]
                        .chars()
                        .next()
                        .filter(|_| g.end > g.start);
                    let is_space = ch.is_some_and(|c| c == ' ' || c == '\u{3000}');
                    let is_cjk = ch.is_some_and(|c| Family::for_char(c) == Some(Family::Cjk));
                    cjk |= is_cjk;
                    gaps.push(k < total && (is_space || is_cjk));
                }
            }
            let n_gaps = gaps.iter().filter(|&&g| g).count();
            let extra = avail - natural;
            if n_gaps > 0 && extra > 0.0 {
                let per = extra / n_gaps as f32;
                let limit = if cjk {
                    cx.tpl.text.max_cjk_stretch_em
                } else {
                    cx.tpl.text.max_space_stretch_em
                } * spec.size;
                if per <= limit {
                    extra_per_gap = per;
                }
            }
        }
        if extra_per_gap > 0.0 {
            let mut k = 0;
            for p in &mut pieces {
                let size = if p.sup { sup_size } else { spec.size };
                for g in &mut p.glyphs {
                    if gaps[k] {
                        g.adv += extra_per_gap / size;
                    }
                    k += 1;
                }
            }
        }
        let line_w: f32 = pieces
            .iter()
            .map(|p| piece_width(p, spec.size, sup_size))
            .sum();

        // Visual order (UAX #9, L2) over pieces.
        if needs_bidi {
            reorder(&mut pieces);
        }

        // Start offset of the line within the area, from the start edge.
        let offset = match spec.align {
            Align::Center => (spec.area_width - line_w) / 2.0,
            _ => indent,
        };
        // Left x of the line on the page.
        let x0 = if cx.rtl {
            cx.left + cx.width - spec.area_start - offset - line_w
        } else {
            cx.left + spec.area_start + offset
        };
        let mut bx = Bx {
            height: line_h,
            ..Bx::default()
        };
        let mut x = x0;
        for p in pieces {
            let (size, dy) = if p.sup {
                (sup_size, -rise)
            } else {
                (spec.size, 0.0)
            };
            for g in p.glyphs {
                let adv = g.adv * size;
                let fits = bx.runs.last().is_some_and(|r: &Run| {
                    r.face == g.face
                        && r.size == size
                        && r.y == baseline + dy
                        && (r.x + r.width() - x).abs() < 0.01
                });
                if fits {
                    if let Some(r) = bx.runs.last_mut() {
                        r.glyphs.push(g);
                    }
                } else {
                    bx.runs.push(Run {
                        x,
                        y: baseline + dy,
                        size,
                        face: g.face,
                        glyphs: vec![g],
                        text: tid,
                    });
                }
                x += adv;
            }
        }
        if li == 0 {
            if let Some((glyphs, nsize, w, at, ntid)) = number_run.take() {
                let nx = if cx.rtl {
                    cx.left + cx.width - spec.area_start - at - w
                } else {
                    cx.left + spec.area_start + at
                };
                let dy = if spec.number_sup { -rise } else { 0.0 };
                let mut nx_pen = nx;
                let first_run = bx.runs.len();
                for g in glyphs {
                    let adv = g.adv * nsize;
                    match bx.runs[first_run..].last_mut() {
                        Some(r) if r.face == g.face => r.glyphs.push(g),
                        _ => bx.runs.push(Run {
                            x: nx_pen,
                            y: baseline + dy,
                            size: nsize,
                            face: g.face,
                            glyphs: vec![g],
                            text: ntid,
                        }),
                    }
                    nx_pen += adv;
                }
            }
        }
        let (ls, le) = (line_start, line_end);
        for s in &spans {
            if let Some(n) = s.first_note {
                if s.start >= ls && (s.start < le || (last_line && s.start <= le)) {
                    bx.notes.push(n);
                }
            }
        }
        // No first line alone at a page bottom, no last line alone at a top.
        bx.keep = n > 1 && (li == 0 || li + 2 == n);
        out.push(bx);
    }
    cx.texts.push(text);
    Ok(out)
}

fn piece_width(p: &Piece, size: f32, sup_size: f32) -> f32 {
    let s = if p.sup { sup_size } else { size };
    p.glyphs.iter().map(|g| g.adv).sum::<f32>() * s
}

fn is_rtl_char(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

/// Shapes `text[s..e]`, split where the span or bidi level changes.
fn shape_segment(
    cx: &mut Ctx,
    text: &str,
    s: usize,
    e: usize,
    spans: &[Span],
    level_at: &dyn Fn(usize) -> u8,
) -> Result<Vec<Piece>, EmitError> {
    let mut pieces = Vec::new();
    let mut at = s;
    while at < e {
        let span = spans.iter().find(|sp| sp.start <= at && at < sp.end);
        let (style, sup, span_end) =
            span.map(|sp| (sp.style, sp.sup, sp.end))
                .unwrap_or((Style::Regular, false, e));
        let level = level_at(at);
        let mut end = at;
        for (i, c) in text[at..span_end.min(e)].char_indices() {
            if level_at(at + i) != level {
                break;
            }
            end = at + i + c.len_utf8();
        }
        if end == at {
            end = at + text[at..].chars().next().map_or(1, char::len_utf8);
        }
        let mut glyphs = Vec::new();
        cx.shaper
            .shape(&text[at..end], at, style, level % 2 == 1, &mut glyphs)?;
        pieces.push(Piece {
            start: at,
            sup,
            level,
            glyphs,
        });
        at = end;
    }
    Ok(pieces)
}

/// Reverses runs of pieces from the highest level down to the lowest odd
/// level (UAX #9, rule L2).
fn reorder(pieces: &mut [Piece]) {
    let max = pieces.iter().map(|p| p.level).max().unwrap_or(0);
    let min_odd = pieces.iter().map(|p| p.level).filter(|l| l % 2 == 1).min();
    let Some(min_odd) = min_odd else { return };
    let mut lvl = max;
    while lvl >= min_odd {
        let mut i = 0;
        while i < pieces.len() {
            if pieces[i].level >= lvl {
                let mut j = i;
                while j < pieces.len() && pieces[j].level >= lvl {
                    j += 1;
                }
                pieces[i..j].reverse();
                i = j;
            } else {
                i += 1;
            }
        }
        if lvl == 0 {
            break;
        }
        lvl -= 1;
    }
}

/// Fills pages with flows.
struct Pager {
    top: f32,
    avail: f32,
    pages: Vec<Page>,
    /// Height used on the current page, from the top of the text area.
    y: f32,
    note_boxes: Vec<Vec<Bx>>,
    note_space: f32,
    outline: Vec<Mark>,
}

impl Pager {
    fn notes_height(&self, notes: &[usize], more: &[usize]) -> f32 {
        let h: f32 = notes
            .iter()
            .chain(more)
            .map(|&n| self.note_boxes[n].iter().map(|b| b.height).sum::<f32>())
            .sum();
        if h > 0.0 {
            h + self.note_space
        } else {
            0.0
        }
    }

    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("a page")
    }

    fn empty(&self) -> bool {
        self.y == 0.0
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = 0.0;
    }

    fn fits(&self, h: f32, notes: &[usize]) -> bool {
        let page_notes = &self.pages.last().expect("a page").notes;
        self.y + h + self.notes_height(page_notes, notes) <= self.avail + 0.01
    }

    fn place(&mut self, b: Bx) {
        let y0 = self.top + self.y;
        let page_index = self.pages.len() - 1;
        if let Some(title) = b.mark {
            self.outline.push(Mark {
                title,
                page: page_index,
                y: y0,
            });
        }
        let page = self.page();
        for mut r in b.runs {
            r.y += y0;
            page.runs.push(r);
        }
        for mut r in b.rules {
            r.y1 += y0;
            r.y2 += y0;
            page.rules.push(r);
        }
        page.notes.extend(b.notes);
        self.y += b.height;
    }

    fn run(&mut self, flows: Vec<Flow>) {
        let mut flows = flows.into_iter().peekable();
        while let Some(f) = flows.next() {
            match f {
                Flow::PageBreak => {
                    if !self.empty() || !self.page().notes.is_empty() {
                        self.new_page();
                    }
                }
                Flow::Glue(h) => {
                    if !self.empty() {
                        if self.fits(h, &[]) {
                            self.y += h;
                        } else {
                            self.new_page();
                        }
                    }
                }
                Flow::Box(b) => {
                    // The group: this box and those it must stay with.
                    let mut group = vec![Flow::Box(b)];
                    while matches!(group.last(), Some(Flow::Box(x)) if x.keep) {
                        let mut glue = Vec::new();
                        while let Some(Flow::Glue(_)) = flows.peek() {
                            glue.extend(flows.next());
                        }
                        let next_is_box = matches!(flows.peek(), Some(Flow::Box(_)));
                        group.extend(glue);
                        if next_is_box {
                            group.extend(flows.next());
                        } else {
                            break;
                        }
                    }
                    self.place_group(group);
                }
            }
        }
    }

    fn place_group(&mut self, group: Vec<Flow>) {
        let h: f32 = group
            .iter()
            .map(|f| match f {
                Flow::Box(b) => b.height,
                Flow::Glue(g) => *g,
                Flow::PageBreak => 0.0,
            })
            .sum();
        let notes: Vec<usize> = group
            .iter()
            .flat_map(|f| match f {
                Flow::Box(b) => b.notes.clone(),
                _ => Vec::new(),
            })
            .collect();
        let whole = if self.fits(h, &notes) {
            true
        } else {
            self.new_page();
            self.fits(h, &notes)
        };
        for f in group {
            match f {
                Flow::Box(b) => {
                    if !whole && !self.empty() && !self.fits(b.height, &b.notes) {
                        self.new_page();
                    }
                    self.place(b);
                }
                Flow::Glue(g) => {
                    if !self.empty() {
                        self.y += g;
                    }
                }
                Flow::PageBreak => {}
            }
        }
    }
}

/// Notes at the bottom, running header, page number.
fn finish_page(
    cx: &mut Ctx,
    page: &mut Page,
    note_boxes: &[Vec<Bx>],
    index: usize,
    _count: usize,
    res: &Resolution,
    ph: f32,
) -> Result<(), EmitError> {
    let tpl = cx.tpl;
    let bottom = ph - tpl.page.margin_bottom;
    if !page.notes.is_empty() {
        let h: f32 = page
            .notes
            .iter()
            .map(|&n| note_boxes[n].iter().map(|b| b.height).sum::<f32>())
            .sum();
        let mut y = bottom - h;
        let rule_y = y - tpl.notes.space_above * 0.5;
        let rule_len = cx.width * tpl.notes.rule_fraction;
        let (x1, x2) = if cx.rtl {
            (cx.left + cx.width - rule_len, cx.left + cx.width)
        } else {
            (cx.left, cx.left + rule_len)
        };
        page.rules.push(Rule {
            x1,
            y1: rule_y,
            x2,
            y2: rule_y,
            width: tpl.notes.rule_width,
        });
        for &n in &page.notes {
            for b in &note_boxes[n] {
                for r in &b.runs {
                    let mut r = r.clone();
                    r.y += y;
                    page.runs.push(r);
                }
                y += b.height;
            }
        }
    }
    // Running header from page 2, on the start side: the symbol and the
    // running head as printed on that page of the original, if known.
    if index > 0 && !res.meta.symbol.is_empty() {
        let mut head = res.meta.symbol.clone();
        let heads = &res.meta.running_heads;
        if let Some(h) = heads.get(index - 1).or(heads.last()) {
            head.push_str("    ");
            head.push_str(h);
        }
        let content = vec![Inline::Text(head)];
        let spec = simple(cx, &content, Style::Regular, tpl.header.size, Align::Start);
        furniture(cx, page, &spec, tpl.page.header_baseline)?;
    }
    // The job number at the foot of the first page, as printed.
    if index == 0 {
        if let Some(job) = &res.meta.job_number {
            let content = vec![Inline::Text(job.clone())];
            let spec = simple(cx, &content, Style::Regular, tpl.header.size, Align::Start);
            furniture(cx, page, &spec, ph - tpl.page.footer_baseline)?;
        }
    }
    let content = vec![Inline::Text((index + 1).to_string())];
    let spec = simple(cx, &content, Style::Regular, tpl.header.size, Align::Center);
    furniture(cx, page, &spec, ph - tpl.page.footer_baseline)?;
    Ok(())
}

/// Page furniture with its first baseline at `baseline`: at most two lines
/// (a long running head wraps once, as in the printed resolutions; what
/// would not fit is left to the text, where it is printed in full).
fn furniture(
    cx: &mut Ctx,
    page: &mut Page,
    spec: &ParaSpec,
    baseline: f32,
) -> Result<(), EmitError> {
    let boxes = paragraph(cx, spec)?;
    let line_h = spec.size * spec.leading;
    let own = 0.5 * (line_h - spec.size) + 0.8 * spec.size;
    for (k, b) in boxes.into_iter().take(2).enumerate() {
        for mut r in b.runs {
            r.y += baseline - own + k as f32 * line_h;
            page.runs.push(r);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::shape::fixed::FixedShaper;
    use super::*;
    use crate::ir::{Lang, Meta, Note};

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
        // Lines of the paragraph (the size of body text), but not its last.
        let mut ends: Vec<(f32, f32)> = Vec::new();
        for run in laid.pages[0].runs.iter().filter(|r| r.size == t.text.size) {
            let end = run.x + run.width();
            match ends.iter_mut().find(|(y, _)| *y == run.y) {
                Some(e) => e.1 = e.1.max(end),
                None => ends.push((run.y, end)),
            }
        }
        ends.sort_by(|a, b| a.0.total_cmp(&b.0));
        let body: Vec<_> = ends.iter().skip(2).collect(); // title and formula
        assert!(body.len() > 3);
        for (_, end) in &body[..body.len() - 1] {
            assert!(
                (end - right).abs() < 0.5,
                "line ends at {end}, measure at {right}"
            );
        }
    }

    #[test]
    fn footnotes_land_on_the_page_of_their_first_citation() {
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
        // A second citation of note 1, much later, does not move it.
        r.body.push(Block::Paragraph(Paragraph {
            num: Some("61.".into()),
            content: vec![Inline::Text("Again".into()), Inline::NoteRef("1".into())],
            ..Paragraph::default()
        }));
        let laid = lay(&r);
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

    #[test]
    fn headings_keep_with_next_and_annexes_start_pages() {
        let mut r = res(Lang::En);
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
        let laid = lay(&r);
        assert_eq!(laid.pages.len(), 2);
        let p2 = page_text(&laid, &laid.pages[1]);
        assert!(p2.contains("Annex") && p2.contains("I Principles") && p2.contains("Head A"));
        assert!(!laid.pages[1].rules.is_empty(), "table rules drawn");
        let titles: Vec<&str> = laid.outline.iter().map(|m| m.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "1/1. A title",
                "Preamble",
                "Operative part",
                "Annex Declaration"
            ]
        );
        assert_eq!(laid.outline[3].page, 1);
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
        assert_eq!(x_of("and"), x_of("Requests"));
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
        // The number hangs on the right, at the start edge.
        assert!(
            (right - (pw - t.page.margin_start)).abs() < 1.0,
            "number ends at {right}"
        );
    }

    #[test]
    fn bidi_reorders_levels() {
        let mk = |level| Piece {
            start: level as usize,
            sup: false,
            level,
            glyphs: Vec::new(),
        };
        let mut p = vec![mk(1), mk(2), mk(1)];
        p[0].start = 0;
        p[1].start = 1;
        p[2].start = 2;
        reorder(&mut p);
        assert_eq!(p.iter().map(|x| x.start).collect::<Vec<_>>(), [2, 1, 0]);
    }
}
