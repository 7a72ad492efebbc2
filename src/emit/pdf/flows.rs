//! The IR as flows: boxes of set lines and the glue between them, with
//! bookmarks on the boxes that open a part. The only part of layout that
//! walks the IR's blocks; the pager sees boxes only.

use super::fonts::Style;
use super::inline::{paragraph, Align, ParaSpec};
use super::layout::{mark_runs, Bx, Ctx, Flow, Role, Rule};
use super::masthead;
use crate::error::EmitError;
use crate::ir::{Annex, Block, Heading, Inline, Note, Paragraph, Resolution, Table};
use crate::lang::{is_total_label, outline_labels};

/// Everything but notes and page furniture, as flows.
pub(super) fn document(cx: &mut Ctx, res: &Resolution) -> Result<Vec<Flow>, EmitError> {
    let t = cx.tpl;
    let mut flows = Vec::new();
    masthead::masthead(cx, &mut flows, &res.masthead, &res.meta.symbol)?;
    // As the UN sets them at the text margin, a space apart: the adoption
    // line large and bold in a short measure (two lines), the bracketed
    // basis line ("[on the report of the Third Committee …]") in italics.
    for (i, line) in res.preface.iter().enumerate() {
        if i > 0 {
            flows.push(Flow::Glue(t.preface.space_after));
        }
        let content = vec![Inline::Text(line.clone())];
        let spec = if line.trim_start().starts_with(['[', '\u{ff3b}']) {
            ParaSpec::simple(cx, &content, Style::Italic, t.preface.size, Align::Start)
        } else {
            let m = &t.masthead;
            ParaSpec {
                area_width: m.adoption_measure.min(cx.width),
                leading: m.adoption_leading,
                ..ParaSpec::simple(cx, &content, Style::Bold, m.adoption_size, Align::Start)
            }
        };
        let boxes = element(cx, Role::P, None, |cx| paragraph(cx, &spec))?;
        push_boxes(&mut flows, boxes, None);
    }
    if !res.preface.is_empty() {
        flows.push(Flow::Glue(t.preface.space_after));
    }
    title(cx, &mut flows, res)?;
    parts(cx, &mut flows, res)?;
    conclusions(cx, &mut flows, &res.conclusions)?;
    for annex in &res.annexes {
        annex_flows(cx, &mut flows, annex)?;
    }
    Ok(flows)
}

/// Boxes made by `make`, their runs part of a new element of `role`
/// (where `make` opened none of its own).
pub(super) fn element(
    cx: &mut Ctx,
    role: Role,
    parent: Option<u32>,
    make: impl FnOnce(&mut Ctx) -> Result<Vec<Bx>, EmitError>,
) -> Result<Vec<Bx>, EmitError> {
    let id = cx.element(role, parent);
    let mut boxes = make(cx)?;
    mark_runs(&mut boxes, id);
    Ok(boxes)
}

/// Each note's own lines, set once, the marker hanging in the margin.
pub(super) fn notes(cx: &mut Ctx, notes: &[Note]) -> Result<Vec<Vec<Bx>>, EmitError> {
    let ns = &cx.tpl.notes;
    let mut out = Vec::with_capacity(notes.len());
    for note in notes {
        let spec = ParaSpec {
            content: &note.content,
            prefix: None,
            style: Style::Regular,
            size: ns.size,
            leading: ns.leading,
            first: 0.0,
            rest: 0.0,
            number: Some((&note.marker, -ns.marker_width)),
            number_sup: true,
            align: Align::Justify,
            area_start: 0.0,
            area_width: cx.width,
            latin_ltr: false,
        };
        out.push(element(cx, Role::Note, None, |cx| paragraph(cx, &spec))?);
    }
    Ok(out)
}

/// One line of plain text (masthead, preface, conclusions, furniture) as
/// line boxes.
pub(super) fn plain(
    cx: &mut Ctx,
    line: &str,
    style: Style,
    size: f32,
    align: Align,
) -> Result<Vec<Bx>, EmitError> {
    let content = vec![Inline::Text(line.to_string())];
    let spec = ParaSpec::simple(cx, &content, style, size, align);
    paragraph(cx, &spec)
}

/// Appends boxes, the bookmark on the first that has none of its own.
pub(super) fn push_boxes(flows: &mut Vec<Flow>, boxes: Vec<Bx>, mark: Option<String>) {
    let mut mark = mark;
    for mut b in boxes {
        if b.mark.is_none() {
            b.mark = mark.take();
        }
        flows.push(Flow::Box(b));
    }
}

/// Keeps every box with the next one (titles, headings).
fn keep_all(mut boxes: Vec<Bx>) -> Vec<Bx> {
    for b in &mut boxes {
        b.keep = true;
    }
    boxes
}

/// Number and title in bold, the title hanging after its number.
fn title(cx: &mut Ctx, flows: &mut Vec<Flow>, res: &Resolution) -> Result<(), EmitError> {
    let t = cx.tpl;
    let meta = &res.meta;
    let title = vec![Inline::Text(meta.title.clone())];
    let mut spec = ParaSpec::simple(cx, &title, Style::Bold, t.title.size, Align::Start);
    if !meta.title_num.is_empty() {
        // The number hangs out at the furniture's edge, the title at the
        // text's (where the furniture reaches no further, after the
        // number's width).
        let (out, _) = cx.furniture();
        if out < 0.0 {
            spec.number = Some((&meta.title_num, out));
        } else {
            spec.number = Some((&meta.title_num, 0.0));
            spec.first = t.text.number_width;
            spec.rest = t.text.number_width;
        }
    }
    let mark = format!("{} {}", meta.title_num, meta.title);
    let boxes = keep_all(element(cx, Role::H1, None, |cx| paragraph(cx, &spec))?);
    push_boxes(flows, boxes, Some(mark.trim().to_string()));
    flows.push(Flow::Glue(t.title.space_after));
    Ok(())
}

/// The formula (in italics, kept with what follows), the preambular and
/// the operative paragraphs, bookmarked in the document's language.
fn parts(cx: &mut Ctx, flows: &mut Vec<Flow>, res: &Resolution) -> Result<(), EmitError> {
    let t = cx.tpl;
    let labels = outline_labels(res.meta.lang);
    let mut preamble = Some(labels.preamble.to_string());
    if !res.formula.is_empty() {
        let content = vec![Inline::Text(res.formula.clone())];
        let mut spec = ParaSpec::simple(cx, &content, Style::Italic, t.text.size, Align::Start);
        spec.first = t.text.first_line_indent;
        let mut boxes = element(cx, Role::P, None, |cx| paragraph(cx, &spec))?;
        if let Some(last) = boxes.last_mut() {
            last.keep = true;
        }
        push_boxes(flows, boxes, preamble.take());
        flows.push(Flow::Glue(t.text.paragraph_space));
    }
    blocks(cx, flows, &res.preamble, preamble, None)?;
    blocks(
        cx,
        flows,
        &res.body,
        Some(labels.operative.to_string()),
        None,
    )
}

/// The closing lines (meeting, date), centred and kept together.
fn conclusions(cx: &mut Ctx, flows: &mut Vec<Flow>, lines: &[String]) -> Result<(), EmitError> {
    if lines.is_empty() {
        return Ok(());
    }
    let t = cx.tpl;
    flows.push(Flow::Glue(t.text.paragraph_space * 2.0));
    for (i, line) in lines.iter().enumerate() {
        let boxes = element(cx, Role::P, None, |cx| {
            plain(cx, line, Style::Regular, t.text.size, Align::Center)
        })?;
        let boxes = if i + 1 < lines.len() {
            keep_all(boxes)
        } else {
            boxes
        };
        push_boxes(flows, boxes, None);
    }
    Ok(())
}

/// An annex on a new page: label and title in bold at the text margin, as
/// the UN sets them, then its blocks.
fn annex_flows(cx: &mut Ctx, flows: &mut Vec<Flow>, annex: &Annex) -> Result<(), EmitError> {
    let t = cx.tpl;
    flows.push(Flow::PageBreak);
    let sect = Some(cx.element(Role::Sect, None));
    let boxes = keep_all(element(cx, Role::H2, sect, |cx| {
        plain(cx, &annex.label, Style::Bold, t.title.size, Align::Start)
    })?);
    let mut mark = annex.label.clone();
    if !annex.title.is_empty() {
        mark.push(' ');
        mark.push_str(&Inline::plain_text(&annex.title));
    }
    push_boxes(flows, boxes, Some(mark));
    if !annex.title.is_empty() {
        flows.push(Flow::Glue(t.text.paragraph_space));
        let spec = ParaSpec::simple(cx, &annex.title, Style::Bold, t.title.size, Align::Start);
        let boxes = keep_all(element(cx, Role::H2, sect, |cx| paragraph(cx, &spec))?);
        push_boxes(flows, boxes, None);
    }
    flows.push(Flow::Glue(t.title.space_after));
    blocks(cx, flows, &annex.content, None, sect)
}

/// Blocks in order, `mark` on the first, their elements in `parent`;
/// headings get space above.
fn blocks(
    cx: &mut Ctx,
    flows: &mut Vec<Flow>,
    blocks: &[Block],
    mark: Option<String>,
    parent: Option<u32>,
) -> Result<(), EmitError> {
    let mut mark = mark;
    let t = cx.tpl;
    for block in blocks {
        let boxes = match block {
            Block::Paragraph(p) => paragraph_tree(cx, p, 0, parent)?,
            Block::Heading(h) => {
                flows.push(Flow::Glue(t.text.heading_space));
                element(cx, Role::H2, parent, |cx| heading(cx, h))?
            }
            Block::Table(table) => table_boxes(cx, table, parent)?,
        };
        push_boxes(flows, boxes, mark.take());
        flows.push(Flow::Glue(t.text.paragraph_space));
    }
    Ok(())
}

/// A heading in bold in the text's size at the text margin, as the UN
/// sets them ("Part VI", "Section 26"), its number on a line of its own
/// above it ("I", then "Strategic heritage plan …"), kept with what
/// follows.
fn heading(cx: &mut Ctx, h: &Heading) -> Result<Vec<Bx>, EmitError> {
    let size = cx.tpl.text.size;
    let mut out = Vec::new();
    if let Some(num) = &h.num {
        out.extend(plain(cx, num, Style::Bold, size, Align::Start)?);
    }
    if !h.text.is_empty() {
        let spec = ParaSpec::simple(cx, &h.text, Style::Bold, size, Align::Start);
        out.extend(paragraph(cx, &spec)?);
    }
    Ok(keep_all(out))
}

/// The text edge of a paragraph at `depth`, from the start edge.
fn text_edge(cx: &Ctx, depth: usize) -> f32 {
    let t = &cx.tpl.text;
    if depth == 0 {
        t.number_width
    } else {
        t.number_width + depth as f32 * t.item_indent
    }
}

/// Indents of a paragraph at `depth`: its number hangs before the text
/// edge; unnumbered top-level paragraphs indent their first line only.
/// Where numbers do not hang (the UN's way), a number stands at the
/// first-line indent (one item indent further each level), its text a
/// number width on, and later lines return to the margin.
fn indent<'a>(cx: &Ctx, spec: &mut ParaSpec<'a>, p: &'a Paragraph, depth: usize) {
    let t = &cx.tpl.text;
    if !t.hanging_numbers {
        let at = t.first_line_indent + depth as f32 * t.item_indent;
        match &p.num {
            Some(num) => {
                spec.number = Some((num, at));
                spec.first = at + t.number_width;
            }
            None => spec.first = at,
        }
        spec.rest = 0.0;
        return;
    }
    let text_at = text_edge(cx, depth);
    match &p.num {
        Some(num) => {
            let hang = if depth == 0 {
                t.number_width
            } else {
                t.item_indent
            };
            spec.number = Some((num, text_at - hang));
            spec.first = text_at;
            spec.rest = text_at;
        }
        None if depth == 0 => spec.first = t.first_line_indent,
        None => {
            spec.first = text_at;
            spec.rest = text_at;
        }
    }
}

/// Half a paragraph space between a lead-in, its items and its wrap-up.
fn half_space(cx: &Ctx) -> Bx {
    Bx {
        height: cx.tpl.text.paragraph_space * 0.5,
        ..Bx::default()
    }
}

/// A paragraph and its sub-paragraphs; `depth` 0 is a top-level paragraph.
/// One element: a paragraph, or with sub-paragraphs or a wrap-up, a
/// division holding the lead-in, the items and the wrap-up in order.
fn paragraph_tree(
    cx: &mut Ctx,
    p: &Paragraph,
    depth: usize,
    parent: Option<u32>,
) -> Result<Vec<Bx>, EmitError> {
    let t = &cx.tpl.text;
    let mut spec = ParaSpec::simple(cx, &p.content, Style::Regular, t.size, Align::Justify);
    indent(cx, &mut spec, p, depth);
    let parent = if p.items.is_empty() && p.wrap_up.is_empty() {
        parent
    } else {
        Some(cx.element(Role::Div, parent))
    };
    let mut out = Vec::new();
    if !p.content.is_empty() || p.num.is_some() {
        out.extend(element(cx, Role::P, parent, |cx| paragraph(cx, &spec))?);
    }
    for item in &p.items {
        let boxes = paragraph_tree(cx, item, depth + 1, parent)?;
        if let Some(last) = out.last_mut() {
            // A lead-in stays with its first item.
            last.keep = true;
            out.push(half_space(cx));
        }
        out.extend(boxes);
    }
    if !p.wrap_up.is_empty() {
        let mut spec = ParaSpec::simple(cx, &p.wrap_up, Style::Regular, t.size, Align::Justify);
        if t.hanging_numbers {
            spec.first = text_edge(cx, depth);
            spec.rest = spec.first;
        } else {
            spec.first = t.first_line_indent;
        }
        if !out.is_empty() {
            out.push(half_space(cx));
        }
        out.extend(element(cx, Role::P, parent, |cx| paragraph(cx, &spec))?);
    }
    Ok(out)
}

/// A table as the UN sets one: one box per row, columns as wide as their
/// content asks (the rest of the measure to the widest), figures aligned
/// on the end side, horizontal rules only (above the table, under the
/// column headings, around a total row, under the last row).
fn table_boxes(cx: &mut Ctx, table: &Table, parent: Option<u32>) -> Result<Vec<Bx>, EmitError> {
    let cols = table.rows.iter().map(Vec::len).max().unwrap_or(0);
    if cols == 0 {
        return Ok(Vec::new());
    }
    let parent = Some(cx.element(Role::Table, parent));
    let kinds: Vec<RowKind> = (0..table.rows.len())
        .map(|r| row_kind(cx, table, r))
        .collect();
    let widths = column_widths(cx, table, (cols, &kinds))?;
    let figures: Vec<bool> = (0..cols).map(|c| figures_column(table, c)).collect();
    let mut out = Vec::new();
    let last = table.rows.len() - 1;
    for (r, row) in table.rows.iter().enumerate() {
        let kind = kinds[r];
        let tr = cx.element(Role::TR, parent);
        let mut bx = row_box(cx, row, (&widths, &figures), kind, tr)?;
        let total = kind == RowKind::Total;
        let rules = (
            r == 0 || total,
            r + 1 == table.header_rows || r == last || total,
        );
        row_rules(cx, &mut bx, rules);
        out.push(bx);
    }
    Ok(out)
}

/// What a row of a table is, as far as its setting goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RowKind {
    /// Column headings: bold, kept with the next row.
    Heading,
    /// A total ("Subtotal", "Expenditure sections total"): bold, between
    /// rules.
    Total,
    /// Any other row.
    Body,
}

impl RowKind {
    fn style(self) -> Style {
        match self {
            RowKind::Heading | RowKind::Total => Style::Bold,
            RowKind::Body => Style::Regular,
        }
    }
}

/// The kind of row `r`: a total by its first cell's label, in the
/// language's words.
fn row_kind(cx: &Ctx, table: &Table, r: usize) -> RowKind {
    if is_heading_row(table, r) {
        return RowKind::Heading;
    }
    let label = table.rows[r].first().map(|c| Inline::plain_text(c));
    match label {
        Some(label) if is_total_label(cx.lang, &label) => RowKind::Total,
        _ => RowKind::Body,
    }
}

/// Whether row `r` is a row of column headings: one of the first
/// `header_rows`, or a repeat of one (a table continued from a page).
fn is_heading_row(table: &Table, r: usize) -> bool {
    let heads = &table.rows[..table.header_rows.min(table.rows.len())];
    r < table.header_rows || heads.iter().any(|h| *h == table.rows[r])
}

/// Whether column `c` holds figures: most of its body cells are numbers
/// ("1 234", "(12.5)", "–").
fn figures_column(table: &Table, c: usize) -> bool {
    let cells: Vec<String> = (0..table.rows.len())
        .filter(|&r| !is_heading_row(table, r))
        .filter_map(|r| table.rows[r].get(c))
        .map(|cell| Inline::plain_text(cell))
        .filter(|t| !t.trim().is_empty())
        .collect();
    let figure = |t: &str| {
        t.chars()
            .any(|ch| ch.is_ascii_digit() || matches!(ch, '–' | '—' | '-'))
            && t.chars()
                .all(|ch| ch.is_ascii_digit() || ch.is_whitespace() || ",.()%–—-−+".contains(ch))
    };
    !cells.is_empty() && cells.iter().filter(|t| figure(t)).count() * 2 > cells.len()
}

/// Widths of the columns: each its content's natural width (its longest
/// body cell on one line, its heading on one line where all fit so, else a
/// third of it: headings wrap) and padding; the measure left over goes to the widest column;
/// when the natural widths do not fit, each column keeps at least its
/// longest word and the rest is shared in proportion.
fn column_widths(
    cx: &mut Ctx,
    table: &Table,
    (cols, kinds): (usize, &[RowKind]),
) -> Result<Vec<f32>, EmitError> {
    let ts = &cx.tpl.table;
    let (size, pad) = (ts.size, ts.cell_padding);
    let mut natural = vec![0.0f32; cols];
    let mut word = vec![0.0f32; cols];
    // Headings on one line, where the measure has room for that.
    let mut heading_line = vec![0.0f32; cols];
    for (r, row) in table.rows.iter().enumerate() {
        let kind = kinds[r];
        let (heading, style) = (kind == RowKind::Heading, kind.style());
        for (c, cell) in row.iter().enumerate() {
            let text = Inline::plain_text(cell);
            for w in text.split_whitespace() {
                word[c] = word[c].max(text_width(cx, w, style, size)? + 2.0 * pad);
            }
            // A heading may wrap over three lines.
            let share = if heading { 3.0 } else { 1.0 };
            let one_line = text_width(cx, text.trim(), style, size)?;
            natural[c] = natural[c].max(one_line / share + 2.0 * pad);
            if heading {
                heading_line[c] = heading_line[c].max(one_line + 2.0 * pad);
            }
        }
    }
    for (n, w) in natural.iter_mut().zip(&word) {
        *n = n.max(*w);
    }
    let measure = cx.width;
    let unwrapped: f32 = natural
        .iter()
        .zip(&heading_line)
        .map(|(n, h)| n.max(*h))
        .sum();
    if unwrapped <= measure {
        for (n, h) in natural.iter_mut().zip(&heading_line) {
            *n = n.max(*h);
        }
    }
    let total: f32 = natural.iter().sum();
    if total <= measure {
        let widest = (0..cols)
            .max_by(|&a, &b| natural[a].total_cmp(&natural[b]))
            .unwrap_or(0);
        natural[widest] += measure - total;
        return Ok(natural);
    }
    let floor: f32 = word.iter().sum();
    if floor >= measure {
        return Ok(word.iter().map(|w| w * measure / floor).collect());
    }
    // Above each column's floor, the rest in proportion to what it lacks.
    let want: f32 = natural.iter().zip(&word).map(|(n, w)| n - w).sum();
    let share = (measure - floor) / want.max(f32::EPSILON);
    Ok(natural
        .iter()
        .zip(&word)
        .map(|(n, w)| w + (n - w) * share)
        .collect())
}

/// The width of `text` set on one line in `style` at `size` (pt).
fn text_width(cx: &mut Ctx, text: &str, style: Style, size: f32) -> Result<f32, EmitError> {
    let mut glyphs = Vec::new();
    cx.shaper.shape(text, 0, style, false, &mut glyphs)?;
    Ok(glyphs.iter().map(|g| g.adv).sum::<f32>() * size)
}

/// One row's cells set side by side in their columns, in the style of
/// its kind; figures on the end side.
fn row_box(
    cx: &mut Ctx,
    row: &[Vec<Inline>],
    (widths, figures): (&[f32], &[bool]),
    kind: RowKind,
    tr: u32,
) -> Result<Bx, EmitError> {
    let ts = &cx.tpl.table;
    let (size, pad) = (ts.size, ts.cell_padding);
    let (header, style) = (kind == RowKind::Heading, kind.style());
    let mut cells: Vec<Vec<Bx>> = Vec::new();
    let mut start = 0.0;
    for (c, cell) in row.iter().enumerate() {
        let width = widths.get(c).copied().unwrap_or(size);
        let align = if figures.get(c).copied().unwrap_or(false) {
            Align::End
        } else {
            Align::Start
        };
        // Columns run from the start edge: mirrored on RTL pages.
        let spec = ParaSpec {
            area_start: start + pad,
            area_width: (width - 2.0 * pad).max(size),
            ..ParaSpec::simple(cx, cell, style, size, align)
        };
        let role = if header { Role::TH } else { Role::TD };
        cells.push(element(cx, role, Some(tr), |cx| paragraph(cx, &spec))?);
        start += width;
    }
    let inner: f32 = cells
        .iter()
        .map(|b| b.iter().map(|x| x.height).sum::<f32>())
        .fold(0.0, f32::max);
    // Half the padding above and below: rows stay as close as the UN's.
    let mut bx = Bx {
        height: inner + pad,
        keep: header,
        ..Bx::default()
    };
    for boxes in cells {
        let mut y = pad / 2.0;
        for b in boxes {
            for mut run in b.runs {
                run.y += y;
                bx.runs.push(run);
            }
            bx.notes.extend(b.notes);
            y += b.height;
        }
    }
    Ok(bx)
}

/// A row's rules, horizontal only: above it when it opens the table or
/// is a total, below it when it ends the headings or the table or is a
/// total.
fn row_rules(cx: &Ctx, bx: &mut Bx, (above, below): (bool, bool)) {
    let width = cx.tpl.table.rule_width;
    let (l, r) = (cx.left, cx.left + cx.width);
    let h = bx.height;
    let line = |y| Rule {
        x1: l,
        y1: y,
        x2: r,
        y2: y,
        width,
    };
    if above {
        bx.rules.push(line(0.0));
    }
    if below {
        bx.rules.push(line(h));
    }
}
