//! Page furniture: the masthead of the first page, the running head from
//! page 2, the folio of every page and the job number at the foot of the
//! first page, as printed in the originals.

use super::flows::{plain, push_boxes};
use super::fonts::Style;
use super::inline::{Align, Metrics};
use super::layout::{Ctx, Flow, Page};
use crate::error::EmitError;
use crate::ir::Meta;

/// The masthead of the first page, small, on the start side, as flows
/// ahead of the text.
pub(super) fn masthead(
    cx: &mut Ctx,
    flows: &mut Vec<Flow>,
    lines: &[String],
) -> Result<(), EmitError> {
    let t = cx.tpl;
    for line in lines {
        let boxes = plain(cx, line, Style::Regular, t.header.size, Align::Start)?;
        push_boxes(flows, boxes, None);
    }
    if !lines.is_empty() {
        flows.push(Flow::Glue(t.preface.space_after));
    }
    Ok(())
}

/// Running head, job number and folio of page `index` (from 0) of a page
/// `ph` points high.
pub(super) fn page(
    cx: &mut Ctx,
    page: &mut Page,
    index: usize,
    meta: &Meta,
    ph: f32,
) -> Result<(), EmitError> {
    let p = &cx.tpl.page;
    let footer = ph - p.footer_baseline;
    if let Some(head) = running_head(meta, index) {
        set(cx, page, &head, Align::Start, p.header_baseline)?;
    }
    if index == 0 {
        if let Some(job) = &meta.job_number {
            set(cx, page, job, Align::Start, footer)?;
        }
    }
    set(cx, page, &(index + 1).to_string(), Align::Center, footer)
}

/// The running head of page `index`: from page 2, the symbol and the
/// running head as printed on that page of the original, if known.
fn running_head(meta: &Meta, index: usize) -> Option<String> {
    if index == 0 || meta.symbol.is_empty() {
        return None;
    }
    let mut head = meta.symbol.clone();
    let heads = &meta.running_heads;
    if let Some(h) = heads.get(index - 1).or(heads.last()) {
        head.push_str("    ");
        head.push_str(h);
    }
    Some(head)
}

/// One piece of furniture with its first baseline at `baseline`: at most
/// two lines (a long running head wraps once, as in the printed
/// resolutions; what would not fit is left to the text, where it is
/// printed in full).
fn set(
    cx: &mut Ctx,
    page: &mut Page,
    line: &str,
    align: Align,
    baseline: f32,
) -> Result<(), EmitError> {
    let t = cx.tpl;
    let size = t.header.size;
    let boxes = plain(cx, line, Style::Regular, size, align)?;
    let m = Metrics::new(t, size, t.text.leading);
    for (k, b) in boxes.into_iter().take(2).enumerate() {
        for mut r in b.runs {
            r.y += baseline - m.baseline + k as f32 * m.line_h;
            page.runs.push(r);
        }
    }
    Ok(())
}
