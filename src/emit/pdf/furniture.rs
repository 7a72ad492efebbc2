//! Page furniture: the running head from page 2, the folio of every page
//! and the job number at the foot of each, as printed in the originals
//! (the first page's masthead is `masthead`).

use super::fonts::Style;
use super::inline::{paragraph, Align, Metrics, ParaSpec};
use super::layout::{Bx, Ctx, Page, Rule};
use crate::error::EmitError;
use crate::ir::{Inline, Meta};

/// Running head, job number and folio of page `index` (from 0) of `count`
/// pages `ph` points high, as the UN prints them: from page 2 the symbol
/// and the folio ("2/28") in bold on the outer side, mirrored from page to
/// page (the start side on even pages), the running title and the job
/// number on the inner side, a rule under the head. Page 1 has the job
/// number only.
pub(super) fn page(
    cx: &mut Ctx,
    page: &mut Page,
    (index, count): (usize, usize),
    meta: &Meta,
    ph: f32,
) -> Result<(), EmitError> {
    let p = &cx.tpl.page;
    let (header, footer) = (p.header_baseline, ph - p.footer_baseline);
    if index == 0 {
        if let Some(job) = &meta.job_number {
            set(cx, page, job, (Style::Regular, Align::Start), footer)?;
        }
        return Ok(());
    }
    // The outer side: the start side of an even page (index odd).
    let (outer, inner) = if index % 2 == 1 {
        (Align::Start, Align::End)
    } else {
        (Align::End, Align::Start)
    };
    if !meta.symbol.is_empty() {
        set(cx, page, &meta.symbol, (Style::Bold, outer), header)?;
        running_title(cx, page, meta, index, inner)?;
        head_rule(cx, page);
    }
    let folio = format!("{}/{}", index + 1, count);
    set(cx, page, &folio, (Style::Bold, outer), footer)?;
    // Later pages print the job number's first part ("23-25976").
    if let Some(job) = meta
        .job_number
        .as_deref()
        .and_then(|j| j.split_whitespace().next())
    {
        set(cx, page, job, (Style::Regular, inner), footer)?;
    }
    Ok(())
}

/// The running title of page `index` (as printed on that page of the
/// original, if known) on the `side` of the head, in bold, in the
/// template's share of the measure and at most its number of lines, the
/// last on the symbol's baseline (what would not fit is left to the text,
/// where it is printed in full).
fn running_title(
    cx: &mut Ctx,
    page: &mut Page,
    meta: &Meta,
    index: usize,
    side: Align,
) -> Result<(), EmitError> {
    let heads = &meta.running_heads;
    let Some(title) = heads.get(index - 1).or(heads.last()) else {
        return Ok(());
    };
    let t = cx.tpl;
    let size = t.header.size;
    let (start, whole) = cx.furniture();
    let width = whole * t.header.title_measure;
    let content = vec![Inline::Text(title.clone())];
    let spec = ParaSpec {
        area_start: if side == Align::End {
            start + whole - width
        } else {
            start
        },
        area_width: width,
        ..ParaSpec::simple(cx, &content, Style::Bold, size, side)
    };
    let boxes = paragraph(cx, &spec)?;
    let m = Metrics::new(t, size, t.text.leading);
    let n = boxes.len().min(t.header.title_lines);
    for (k, b) in boxes.into_iter().take(n).enumerate() {
        let baseline = t.page.header_baseline - (n - 1 - k) as f32 * m.line_h;
        for mut r in b.runs {
            r.y += baseline - m.baseline;
            page.runs.push(r);
        }
    }
    Ok(())
}

/// The rule under a running head, across the furniture.
fn head_rule(cx: &Ctx, page: &mut Page) {
    let y = cx.tpl.page.header_baseline + 0.4 * cx.tpl.header.size;
    let (x, width) = cx.furniture_x();
    page.rules.push(Rule {
        x1: x,
        y1: y,
        x2: x + width,
        y2: y,
        width: cx.tpl.table.rule_width,
    });
}

/// One line of furniture, in `style` and `align`ed across the measure,
/// its baseline at `baseline` (what would not fit on one line is left to
/// the text).
fn set(
    cx: &mut Ctx,
    page: &mut Page,
    line: &str,
    (style, align): (Style, Align),
    baseline: f32,
) -> Result<(), EmitError> {
    let t = cx.tpl;
    let size = t.header.size;
    let boxes = across(cx, line, (style, align))?;
    let m = Metrics::new(t, size, t.text.leading);
    for b in boxes.into_iter().take(1) {
        for mut r in b.runs {
            r.y += baseline - m.baseline;
            page.runs.push(r);
        }
    }
    Ok(())
}

/// One line of furniture set across the furniture's area, in the heads'
/// size; without right-to-left letters it reads left to right on every
/// page, as the masthead's Latin lines do ("24-00421 (A) 120124", not
/// "120124 (A) 24-00421").
fn across(cx: &mut Ctx, line: &str, (style, align): (Style, Align)) -> Result<Vec<Bx>, EmitError> {
    let (area_start, area_width) = cx.furniture();
    let content = vec![Inline::Text(line.to_string())];
    let spec = ParaSpec {
        area_start,
        area_width,
        latin_ltr: true,
        ..ParaSpec::simple(cx, &content, style, cx.tpl.header.size, align)
    };
    paragraph(cx, &spec)
}
