//! The masthead of the first page as the UN prints it: "United Nations"
//! and the symbol on the first row, the organ large and bold with the
//! distribution and its date in a column on the end side, a thick rule,
//! then the session and agenda block at the furniture's edge. Built from
//! the masthead lines as the IR keeps them (as printed, however an
//! extractor joined them); where they do not have that shape, or the
//! template asks for it (`masthead_columns = false`), the lines are set
//! one under the other.

use super::flows::{element, push_boxes};
use super::fonts::Style;
use super::inline::{paragraph, Align, ParaSpec};
use super::layout::{Bx, Ctx, Flow, Role, Rule};
use crate::error::EmitError;
use crate::ir::Inline;

/// The masthead's lines sorted into the UN's places. Every character of
/// the lines is in exactly one place.
#[derive(Debug, Default, PartialEq)]
struct Places {
    /// "United Nations", then the organ (last).
    left: Vec<String>,
    /// The symbol, where a line holds it.
    symbol: Option<String>,
    /// "Distr.: General" and the date under it.
    right: Vec<String>,
    /// Session, agenda item, agenda title.
    block: Vec<String>,
}

impl Places {
    /// The places of `lines`: the line holding "Distr." (the same word in
    /// every language's masthead) splits the organ from the distribution;
    /// the line after it is the date; what follows is the session block.
    fn of(lines: &[String], symbol: &str) -> Option<Places> {
        let distr = lines.iter().position(|l| l.contains("Distr"))?;
        let mut p = Places::default();
        for (i, line) in lines[..=distr].iter().enumerate() {
            let mut rest = line.as_str();
            if i == distr {
                let at = rest.find("Distr")?;
                p.right.push(rest[at..].trim().to_string());
                rest = &rest[..at];
            }
            let rest = match rest.find(symbol).filter(|_| !symbol.is_empty()) {
                Some(at) if p.symbol.is_none() => {
                    p.symbol = Some(symbol.to_string());
                    format!("{} {}", &rest[..at], &rest[at + symbol.len()..])
                }
                _ => rest.to_string(),
            };
            let rest = rest.split_whitespace().collect::<Vec<_>>().join(" ");
            if !rest.is_empty() {
                p.left.push(rest);
            }
        }
        p.right.extend(lines.get(distr + 1).cloned());
        p.block = lines.iter().skip(distr + 2).cloned().collect();
        Some(p)
    }
}

/// The masthead of the first page, as flows ahead of the text.
pub(super) fn masthead(
    cx: &mut Ctx,
    flows: &mut Vec<Flow>,
    lines: &[String],
    symbol: &str,
) -> Result<(), EmitError> {
    if lines.is_empty() {
        return Ok(());
    }
    let space = cx.tpl.preface.space_after;
    let places = Places::of(lines, symbol).filter(|_| cx.tpl.page.masthead_columns);
    let Some(p) = places else {
        for line in lines {
            let boxes = set(
                cx,
                line,
                (Style::Regular, small(cx)),
                Align::Start,
                cx.furniture(),
            )?;
            push_boxes(flows, boxes, None);
        }
        flows.push(Flow::Glue(space));
        return Ok(());
    };
    let (fs, fw) = cx.furniture();
    let tpl = cx.tpl;
    let m = &tpl.masthead;
    let distr_col = (fs + fw * m.distribution_at, fw * (1.0 - m.distribution_at));
    let text = (0.0, cx.width);
    let size = cx.tpl.text.size;
    // Row 1: "United Nations" and the symbol, a thin rule under them.
    let mut row = Vec::new();
    if p.left.len() > 1 {
        let name = (Style::Regular, m.name_size);
        row.push(set(cx, &p.left[0], name, Align::Start, text)?);
    }
    if let Some(s) = &p.symbol {
        let symbol = (Style::Bold, m.symbol_size);
        row.push(set(cx, s, symbol, Align::End, (fs, fw))?);
    }
    let mut first = side_by_side(row);
    first
        .rules
        .push(furniture_rule(cx, first.height + 2.0, 0.5));
    first.height += 4.0;
    // Row 2: the organ, large, and the distribution column.
    let mut row = Vec::new();
    if let Some(organ) = p.left.get(usize::from(p.left.len() > 1)) {
        row.push(set(
            cx,
            organ,
            (Style::Bold, m.organ_size),
            Align::Start,
            text,
        )?);
    }
    for (k, r) in p.right.iter().enumerate() {
        let mut boxes = set(cx, r, (Style::Regular, size), Align::Start, distr_col)?;
        if k == 0 {
            row.push(boxes);
        } else if let Some(first) = row.last_mut() {
            first.append(&mut boxes);
        }
    }
    let organ = side_by_side(row);
    // The thick rule at its place on the page, or just under the organ
    // where the rows reach below it.
    let above = first.height + organ.height;
    let gap = (m.rule_at - m.top - above).max(3.0);
    flows.push(Flow::Box(first));
    flows.push(Flow::Box(organ));
    let mut rule = Bx {
        height: gap + 4.0,
        keep: true,
        ..Bx::default()
    };
    rule.rules.push(furniture_rule(cx, gap, 1.5));
    flows.push(Flow::Box(rule));
    // The session block at the furniture's edge: the session and the
    // agenda title in bold, however many lines the title takes (78/311:
    // four), the agenda item line between them regular.
    for (k, line) in p.block.iter().enumerate() {
        let bold = k != 1;
        let style = if bold { Style::Bold } else { Style::Regular };
        let boxes = set(cx, line, (style, size), Align::Start, (fs, fw))?;
        push_boxes(flows, boxes, None);
    }
    flows.push(Flow::Glue(m.space_after));
    Ok(())
}

/// The size of the masthead's small lines: the running heads'.
fn small(cx: &Ctx) -> f32 {
    cx.tpl.header.size
}

/// `line` set in `style` and size, `align`ed in the area (start offset
/// from the text area's start edge, width).
fn set(
    cx: &mut Ctx,
    line: &str,
    (style, size): (Style, f32),
    align: Align,
    (area_start, area_width): (f32, f32),
) -> Result<Vec<Bx>, EmitError> {
    let content = vec![Inline::Text(line.to_string())];
    let spec = ParaSpec {
        area_start,
        area_width,
        latin_ltr: true,
        ..ParaSpec::simple(cx, &content, style, size, align)
    };
    element(cx, Role::P, None, |cx| paragraph(cx, &spec))
}

/// Pieces set side by side on one row: each piece's lines one under the
/// other, the row as tall as its tallest piece, the first lines on one
/// baseline (the lowest of theirs), as the UN's masthead sets "General
/// Assembly" and "Distr.: General": a reader takes them for one line.
fn side_by_side(pieces: Vec<Vec<Bx>>) -> Bx {
    let baseline = |p: &[Bx]| p.first().and_then(|b| b.runs.first()).map_or(0.0, |r| r.y);
    let lowest = pieces.iter().map(|p| baseline(p)).fold(0.0, f32::max);
    let mut row = Bx {
        keep: true,
        ..Bx::default()
    };
    for piece in pieces {
        let mut y = lowest - baseline(&piece);
        for b in piece {
            for mut r in b.runs {
                r.y += y;
                row.runs.push(r);
            }
            y += b.height;
        }
        row.height = row.height.max(y);
    }
    row
}

/// A rule `width` thick across the furniture, `y` down its box.
fn furniture_rule(cx: &Ctx, y: f32, width: f32) -> Rule {
    let (x, across) = cx.furniture_x();
    Rule {
        x1: x,
        y1: y,
        x2: x + across,
        y2: y,
        width,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    /// Every non-space character of the lines, in order of the places.
    fn chars(p: &Places) -> usize {
        let all = [&p.left, &p.right, &p.block];
        all.iter()
            .flat_map(|v| v.iter())
            .chain(p.symbol.iter())
            .map(|s| s.chars().filter(|c| !c.is_whitespace()).count())
            .sum()
    }

    #[test]
    fn lines_joined_by_an_extractor_are_split_into_their_places() {
        let l = lines(&[
            "Nations Unies A/RES/78/218",
            "Assemblée générale Distr. générale",
            "28 décembre 2023",
            "Soixante-dix-huitième session",
            "Point 18 c) de l'ordre du jour",
        ]);
        let p = Places::of(&l, "A/RES/78/218").unwrap();
        assert_eq!(p.left, ["Nations Unies", "Assemblée générale"]);
        assert_eq!(p.symbol.as_deref(), Some("A/RES/78/218"));
        assert_eq!(p.right, ["Distr. générale", "28 décembre 2023"]);
        assert_eq!(p.block.len(), 2);
        let total: usize = l
            .iter()
            .map(|s| s.chars().filter(|c| !c.is_whitespace()).count())
            .sum();
        assert_eq!(chars(&p), total, "nothing lost, nothing doubled");
    }

    #[test]
    fn lines_one_by_one_find_their_places_too() {
        let l = lines(&[
            "A/RES/78/229",
            "United Nations",
            "General Assembly",
            "Distr.: General",
            "22 December 2023",
            "Seventy-eighth session",
            "Agenda item 107",
            "Crime prevention and criminal justice",
        ]);
        let p = Places::of(&l, "A/RES/78/229").unwrap();
        assert_eq!(p.left, ["United Nations", "General Assembly"]);
        assert_eq!(p.right, ["Distr.: General", "22 December 2023"]);
        assert_eq!(p.block.len(), 3);
        assert!(Places::of(&lines(&["United Nations", "General Assembly"]), "").is_none());
    }
}
