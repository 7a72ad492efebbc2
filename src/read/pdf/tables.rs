//! Tables from the page's geometry: printed lines that each break into
//! pieces at wide gaps, where the pieces of several lines fall into the
//! same columns (white channels run down through all of them). Justified
//! text has no such gaps (on the 220 corpus PDFs no body line has a gap
//! wider than two ems but the masthead's), and a numbered paragraph's
//! label and text are no columns. Geometry rather than the structure tree
//! because it reads untagged PDFs and the PDFs unres writes alike, and a
//! corpus table (A/RES/80/242's staffing table) is printed without tags.

use std::ops::Range;

use super::{Line, Run};
use crate::read::layout::Cell;

/// A horizontal rule drawn on a page: left edge, height, width.
pub type Rule = (f64, f64, f64);

/// Rules as the eye sees them: the pieces drawn end to end at one height
/// (Word draws a table's border cell by cell) joined into one, sorted top
/// to bottom.
pub fn joined(rules: &[Rule]) -> Vec<Rule> {
    let mut sorted = rules.to_vec();
    sorted.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.total_cmp(&b.0)));
    let mut out: Vec<Rule> = Vec::with_capacity(sorted.len());
    for r in sorted {
        match out.last_mut() {
            Some(o) if (o.1 - r.1).abs() < 0.5 && r.0 <= o.0 + o.2 + 2.0 => {
                o.2 = o.2.max(r.0 + r.2 - o.0);
            }
            _ => out.push(r),
        }
    }
    out
}

/// A gap at least this many ems wide parts two cells of a line (justified
/// body text stretches word spaces to about 1.6 em at most, and a tab
/// after a paragraph number to 2).
const CELL_GAP: f64 = 1.25;
/// A white channel between columns is at least this many ems wide.
const GUTTER: f64 = 0.5;
/// Most points across a table (no page is wider).
const MAX_WIDTH: f64 = 10_000.0;
/// Fewest lines of several cells a table has.
const MIN_ROWS: usize = 3;
/// Most lines of one cell between two lines of several cells (a label
/// that wraps, a group heading over its rows).
const MAX_GLUE: usize = 3;
/// Most baseline steps, in ems, between two lines of one table.
const MAX_STEP: f64 = 3.2;
/// Two lines of one table whose baselines stand further apart than this
/// many ems are in different rows (a cell's lines are set closer).
const ROW_STEP: f64 = 1.3;
/// Most lines above the first row that the heading rows may take.
const MAX_HEAD_LINES: usize = 8;

/// A table found on a page: the page's lines it takes, and its cells as
/// lines in reading order.
#[derive(Debug)]
pub struct Found<'a> {
    /// The page's lines (as `find` was given them) the table takes.
    pub lines: Range<usize>,
    /// Each cell's lines, in reading order, with where they stand.
    pub cells: Vec<(Cell, Line<'a>)>,
}

/// The tables among one page's lines (top to bottom, not yet cut at wide
/// gaps), numbered on from `next_id`. Linear in the lines, but for the
/// sorting of each table's pieces.
pub fn find<'a>(lines: &[Line<'a>], rules: &[Rule], next_id: &mut u32) -> Vec<Found<'a>> {
    let (lines, origin) = with_raised_joined(lines);
    let pieces: Vec<Vec<Line<'a>>> = lines.iter().map(pieces).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some((end, columns)) = body(&lines, &pieces, i) else {
            i += 1;
            continue;
        };
        let start = head_start(&lines, &pieces, rules, i, &columns);
        let grid = Grid {
            lines: &lines[start..end],
            pieces: &pieces[start..end],
            rules,
            columns: &columns,
        };
        out.push(Found {
            lines: origin[start]..origin[end],
            cells: grid.cells(*next_id),
        });
        *next_id = next_id.saturating_add(1);
        i = end;
    }
    out
}

/// The lines with each line of raised small type (a note letter the
/// grouping by baseline set apart) joined to the line below it, and for
/// each line where it starts among the lines given (one more at the end).
fn with_raised_joined<'a>(lines: &[Line<'a>]) -> (Vec<Line<'a>>, Vec<usize>) {
    let mut out: Vec<Line<'a>> = Vec::with_capacity(lines.len());
    let mut origin = Vec::with_capacity(lines.len() + 1);
    let mut k = 0;
    while k < lines.len() {
        let mut line = lines[k].clone();
        origin.push(k);
        let raised = |a: &Line<'_>, b: &Line<'_>| {
            let (small, main) = (type_size(a), type_size(b));
            a.page == b.page && small < 0.8 * main && a.y > b.y && a.y - b.y < 0.7 * main
        };
        if let Some(below) = lines.get(k + 1).filter(|b| raised(&line, b)) {
            let mut runs = below.runs.clone();
            runs.append(&mut line.runs);
            line = Line {
                runs,
                ..below.clone()
            };
            k += 1;
        }
        out.push(line);
        k += 1;
    }
    origin.push(lines.len());
    (out, origin)
}

/// The largest type size of a line's visible runs (a blank run may be
/// set larger than the figure it stands beside).
fn type_size(line: &Line<'_>) -> f64 {
    line.runs
        .iter()
        .filter(|r| !r.text.trim().is_empty())
        .map(|r| r.size)
        .fold(0.0, f64::max)
}

/// A line cut where the gap between two visible runs is at least
/// `CELL_GAP` ems; blank runs stay with the piece before them (a blank
/// at the very place of a letter goes before it: it is no space there).
fn pieces<'a>(line: &Line<'a>) -> Vec<Line<'a>> {
    let mut runs: Vec<&Run> = line.runs.clone();
    let visible = |r: &Run| !r.text.trim().is_empty();
    runs.sort_by(|a, b| a.x.total_cmp(&b.x).then(visible(a).cmp(&visible(b))));
    // Text printed twice on itself (fake bold) counts once.
    runs.dedup_by(|b, a| a.text == b.text && (a.x - b.x).abs() < 0.5 && (a.y - b.y).abs() < 0.5);
    let gap = CELL_GAP * line.size.max(1.0);
    let mut parts: Vec<Vec<&Run>> = Vec::new();
    let mut end: Option<f64> = None;
    for run in runs {
        let blank = run.text.trim().is_empty();
        let cut = !blank && end.is_some_and(|e| run.x - e >= gap);
        if parts.is_empty() || cut {
            parts.push(Vec::new());
        }
        if !blank {
            end = Some(end.map_or(run.x + run.width, |e| e.max(run.x + run.width)));
        }
        parts.last_mut().expect("pushed").push(run);
    }
    parts
        .into_iter()
        .filter(|p| p.iter().any(|r| !r.text.trim().is_empty()))
        .map(|runs| Line {
            page: line.page,
            y: line.y,
            size: line.size,
            runs,
        })
        .collect()
}

/// A line of several cells: two pieces or more, the first not a
/// paragraph's number or letter ("12.", "(a)", "iv)") set off by a tab;
/// in a right-to-left line, not the last either ("1 -" at the right
/// margin before an Arabic paragraph).
fn is_row(pieces: &[Line<'_>]) -> bool {
    let (Some(first), Some(last)) = (pieces.first(), pieces.last()) else {
        return false;
    };
    let first = first.text();
    pieces.len() >= 2 && !is_label(&first) && !(super::is_rtl(&first) && is_label(&last.text()))
}

/// A paragraph's number or letter: "12.", "(a)", "iv)", and in
/// right-to-left text "1 -" (or "- 1", as its line's order turned it).
fn is_label(text: &str) -> bool {
    let t = text.trim();
    let dashed = t
        .strip_suffix('-')
        .or_else(|| t.strip_prefix('-'))
        .map(str::trim)
        .filter(|d| !d.is_empty() && d.chars().all(|c| c.is_numeric()));
    if let Some(d) = dashed {
        return d.chars().count() <= 3;
    }
    let inner = t.trim_start_matches(['(', '[']);
    let Some(body) = inner.strip_suffix(['.', ')', ']']) else {
        return false;
    };
    (1..=4).contains(&body.chars().count()) && body.chars().all(char::is_alphanumeric)
}

/// Whether `b` follows `a` closely enough to stand in one table with it.
fn near(a: &Line<'_>, b: &Line<'_>) -> bool {
    a.page == b.page && a.y - b.y <= MAX_STEP * a.size.max(b.size).max(1.0)
}

/// The table body starting at line `i`, if one does: the end of its last
/// line of several cells, and its columns. Between two lines of several
/// cells may stand up to `MAX_GLUE` lines of one piece, each within one
/// column.
fn body(lines: &[Line<'_>], pieces: &[Vec<Line<'_>>], i: usize) -> Option<(usize, Columns)> {
    if !is_row(&pieces[i]) {
        return None;
    }
    let mut rows = vec![i];
    let mut j = i + 1;
    while j < lines.len() && near(&lines[j - 1], &lines[j]) {
        if is_row(&pieces[j]) {
            rows.push(j);
        } else if j - rows.last().expect("one row") > MAX_GLUE {
            break;
        }
        j += 1;
    }
    // A body ends at a line of several cells; glue must fit the columns.
    loop {
        if rows.len() < MIN_ROWS {
            return None;
        }
        let row_pieces: Vec<&Line<'_>> = rows.iter().flat_map(|&r| &pieces[r]).collect();
        let columns = Columns::of(&row_pieces, rows.len())?;
        let end = rows.last().expect("rows") + 1;
        let stray = |k: usize| !columns.fit(&pieces[k]) || !columns.hold(&pieces[k]);
        match (i..end).find(|&k| stray(k)) {
            None => return Some((end, columns)),
            // A folio or running head beside the table's first row.
            Some(k) if k == i => return None,
            Some(k) => rows.retain(|&r| r < k),
        }
    }
}

/// The columns of a table: the stretches its pieces cover, between white
/// channels at least `GUTTER` ems wide.
#[derive(Debug, Clone)]
struct Columns(Vec<(f64, f64)>);

impl Columns {
    /// The columns `rows` lines of several cells make: the stretches where
    /// more than one line in five has ink, apart by white channels at
    /// least `GUTTER` ems wide (a heading over two columns, or a cell
    /// that comes close to the next, does not close a channel).
    fn of(pieces: &[&Line<'_>], rows: usize) -> Option<Columns> {
        let left = pieces.iter().map(|p| p.x()).fold(f64::INFINITY, f64::min);
        let right = pieces
            .iter()
            .map(|p| p.end())
            .fold(f64::NEG_INFINITY, f64::max);
        let width = right - left;
        if !width.is_finite() || !(1.0..=MAX_WIDTH).contains(&width) {
            return None;
        }
        // Ink per point across the table, as a difference array.
        let n = width.ceil() as usize + 1;
        let mut ink = vec![0i64; n + 1];
        for p in pieces {
            ink[((p.x() - left).max(0.0) as usize).min(n)] += 1;
            ink[((p.end() - left).ceil().max(0.0) as usize).min(n)] -= 1;
        }
        let mut sizes: Vec<f64> = pieces.iter().map(|p| p.size).collect();
        sizes.sort_by(f64::total_cmp);
        let gutter = GUTTER * sizes[sizes.len() / 2].max(1.0);
        let allowance = i64::try_from(rows / 5).unwrap_or(i64::MAX);
        let mut cols: Vec<(f64, f64)> = Vec::new();
        let mut depth = 0;
        let mut open: Option<usize> = None;
        for (at, step) in ink.iter().enumerate() {
            depth += step;
            let x = left + at as f64;
            match (depth > allowance, open) {
                (true, None) => open = Some(at),
                (false, Some(from)) => {
                    open = None;
                    match cols.last_mut() {
                        Some(c) if left + from as f64 - c.1 < gutter => c.1 = x,
                        _ => cols.push((left + from as f64, x)),
                    }
                }
                _ => {}
            }
        }
        (cols.len() >= 2).then_some(Columns(cols))
    }

    fn left(&self) -> f64 {
        self.0.first().map_or(0.0, |c| c.0)
    }

    fn right(&self) -> f64 {
        self.0.last().map_or(0.0, |c| c.1)
    }

    /// Whether a piece runs across a channel and over half the table: a
    /// line of text, no heading over two columns.
    fn runs_on(&self, p: &Line<'_>) -> bool {
        self.spans(p) && p.end() - p.x() > 0.5 * (self.right() - self.left())
    }

    /// A piece that runs across a channel between columns, cut at a word
    /// space in the channel (a cell that came too close to the next for a
    /// wide gap); a heading over columns has none there and stays whole.
    fn split<'a>(&self, p: &Line<'a>) -> Vec<Line<'a>> {
        let mut out = vec![p.clone()];
        for pair in self.0.windows(2) {
            let (from, to) = (pair[0].1 - 0.5 * p.size, pair[1].0 + 0.5 * p.size);
            let last = out.last().expect("one piece").clone();
            if last.x() >= pair[0].1 || last.end() <= pair[1].0 {
                continue;
            }
            let visible: Vec<usize> = (0..last.runs.len())
                .filter(|&k| !last.runs[k].text.trim().is_empty())
                .collect();
            let cut = visible.windows(2).find_map(|w| {
                let (a, b) = (last.runs[w[0]], last.runs[w[1]]);
                let end = a.x + a.width;
                let space = b.x - end > 0.15 * p.size;
                (space && end >= from && b.x <= to).then_some(w[1])
            });
            if let Some(k) = cut {
                let right = Line {
                    runs: last.runs[k..].to_vec(),
                    ..last.clone()
                };
                *out.last_mut().expect("one piece") = Line {
                    runs: last.runs[..k].to_vec(),
                    ..last
                };
                out.push(right);
            }
        }
        out
    }

    /// Whether every piece stands over some column (a folio or job
    /// number beside the table stands over none).
    fn hold(&self, pieces: &[Line<'_>]) -> bool {
        pieces.iter().all(|p| {
            let tol = p.size;
            self.0
                .iter()
                .any(|c| p.x() < c.1 + tol && p.end() > c.0 - tol)
        })
    }

    /// The white channels between the columns.
    fn gutters(&self) -> impl Iterator<Item = (f64, f64)> + '_ {
        self.0.windows(2).map(|w| (w[0].1, w[1].0))
    }

    /// Whether a piece runs across a channel from one column into the next.
    fn spans(&self, p: &Line<'_>) -> bool {
        let tol = 0.5 * p.size;
        self.gutters()
            .any(|g| p.x() < g.0 - tol && p.end() > g.1 + tol)
    }

    /// Whether every piece stands within one column, once cut at the
    /// channels it runs across.
    fn fit(&self, pieces: &[Line<'_>]) -> bool {
        !pieces
            .iter()
            .flat_map(|p| self.split(p))
            .any(|p| self.spans(&p))
    }

    /// The column a piece belongs to: the one its middle stands in (a
    /// heading over several columns goes to the first it covers).
    fn of_piece(&self, p: &Line<'_>) -> usize {
        let at = if self.spans(p) {
            p.x()
        } else {
            (p.x() + p.end()) / 2.0
        };
        self.gutters().filter(|g| (g.0 + g.1) / 2.0 < at).count()
    }
}

/// A rule is wide against the table when it spans this share of it.
fn wide(rule: &Rule, columns: &Columns, share: f64) -> bool {
    let (l, r) = (columns.left(), columns.right());
    let overlap = (rule.0 + rule.2).min(r) - rule.0.max(l);
    overlap >= share * (r - l)
}

/// Where the table starts: the heading lines above its body stand below
/// a wide rule (the rule over the table), close together, within the
/// table's width, none running across the columns as the text above a
/// table does; without such a rule the body starts the table.
fn head_start(
    lines: &[Line<'_>],
    pieces: &[Vec<Line<'_>>],
    rules: &[Rule],
    i: usize,
    columns: &Columns,
) -> usize {
    let mut k = i;
    while k > 0 && i - k < MAX_HEAD_LINES {
        let l = &lines[k - 1];
        let within = l.x() >= columns.left() - l.size && l.end() <= columns.right() + l.size;
        if !within || !near(l, &lines[k]) || pieces[k - 1].iter().any(|p| columns.runs_on(p)) {
            break;
        }
        k -= 1;
    }
    // The highest wide rule above the body that stands below line k - 1
    // and below any rule reaching well past the table (a running head's).
    let floor = lines[i].y;
    let size = lines[i].size;
    let overhangs =
        |r: &Rule| r.0 < columns.left() - 2.0 * size || r.0 + r.2 > columns.right() + 2.0 * size;
    let fence = rules
        .iter()
        .filter(|r| r.1 > floor && wide(r, columns, 0.5) && overhangs(r))
        .map(|r| r.1)
        .fold(f64::INFINITY, f64::min);
    let ceiling = if k > 0 { lines[k - 1].y } else { f64::INFINITY }.min(fence);
    let top = rules
        .iter()
        .filter(|r| wide(r, columns, 0.5) && !overhangs(r) && r.1 > floor && r.1 < ceiling)
        .map(|r| r.1)
        .fold(f64::NEG_INFINITY, f64::max);
    if top.is_finite() {
        (k..i).find(|&m| lines[m].y < top).unwrap_or(i)
    } else {
        i
    }
}

/// A table's lines, cut into pieces, and what parts its rows.
struct Grid<'g, 'a> {
    lines: &'g [Line<'a>],
    pieces: &'g [Vec<Line<'a>>],
    rules: &'g [Rule],
    columns: &'g Columns,
}

impl<'a> Grid<'_, 'a> {
    /// The cells in reading order, for table number `id`.
    fn cells(&self, id: u32) -> Vec<(Cell, Line<'a>)> {
        let rows = self.rows();
        let header = self.header_rows(&rows);
        let mut out = Vec::new();
        for (r, lines) in rows.iter().enumerate() {
            let mut cells: Vec<(usize, usize, Line<'a>)> = Vec::new();
            for (n, k) in lines.clone().enumerate() {
                // A heading over several columns stays whole.
                let split = |p: &Line<'a>| {
                    if r < header {
                        vec![p.clone()]
                    } else {
                        self.columns.split(p)
                    }
                };
                for p in self.pieces[k].iter().flat_map(split) {
                    cells.push((self.columns.of_piece(&p), n, p));
                }
            }
            // Column by column, each column's lines top to bottom.
            cells.sort_by_key(|c| (c.0, c.1));
            for (column, _, line) in cells {
                let cell = Cell {
                    table: id,
                    row: u32::try_from(r).unwrap_or(u32::MAX),
                    column: u16::try_from(column).unwrap_or(u16::MAX),
                    header: r < header,
                };
                out.push((cell, line));
            }
        }
        out
    }

    /// The lines of each row: a new row where a rule is drawn between two
    /// lines or their baselines stand further apart than a cell's lines.
    fn rows(&self) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = Vec::new();
        for k in 0..self.lines.len() {
            match out.last_mut() {
                Some(r) if !self.parted(k - 1, k) => r.end = k + 1,
                _ => out.push(k..k + 1),
            }
        }
        out
    }

    fn parted(&self, a: usize, b: usize) -> bool {
        let (upper, lower) = (&self.lines[a], &self.lines[b]);
        let step = upper.y - lower.y;
        let ruled = self.rules.iter().any(|r| {
            wide(r, self.columns, 0.2) && r.1 < upper.y - 0.2 * upper.size && r.1 > lower.y
        });
        ruled || step > ROW_STEP * upper.size.max(lower.size).max(1.0)
    }

    /// How many rows at the top are heading rows: those above the first
    /// wide rule under the first row, when it stands within the first
    /// rows; else the rows at the top set wholly in bold.
    fn header_rows(&self, rows: &[Range<usize>]) -> usize {
        let top = self.lines[0].y;
        let bottom = self.lines[self.lines.len() - 1].y;
        let under = self
            .rules
            .iter()
            .filter(|r| wide(r, self.columns, 0.5) && r.1 < top && r.1 > bottom)
            .map(|r| r.1)
            .fold(f64::NEG_INFINITY, f64::max);
        let ruled = rows
            .iter()
            .take_while(|r| self.lines[r.start].y > under)
            .count();
        if under.is_finite() && ruled < rows.len() && ruled <= 3 {
            return ruled;
        }
        let bold = |r: &Range<usize>| {
            self.lines[r.clone()]
                .iter()
                .flat_map(|l| &l.runs)
                .filter(|run| !run.text.trim().is_empty())
                .all(|run| run.bold)
        };
        let n = rows.iter().take_while(|r| bold(r)).count();
        if n < rows.len() {
            n
        } else {
            0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A run of `text` at `x`, baseline `y`, in 10 pt type, each
    /// character half an em wide.
    fn run(text: &str, x: f64, y: f64) -> Run {
        Run {
            text: text.into(),
            x,
            y,
            width: 5.0 * text.chars().count() as f64,
            size: 10.0,
            font: "Times".into(),
            bold: false,
            italic: false,
            page: 1,
            mcid: None,
            upright: true,
        }
    }

    /// A run of figures whose right edge stands at `right`.
    fn figure(text: &str, right: f64, y: f64) -> Run {
        run(text, right - 5.0 * text.chars().count() as f64, y)
    }

    /// A line of words set at `x`, one space (a fifth of an em) apart.
    fn words(text: &str, x: f64, y: f64) -> Vec<Run> {
        let mut out = Vec::new();
        let mut at = x;
        for w in text.split(' ') {
            out.push(run(w, at, y));
            at += 5.0 * w.chars().count() as f64 + 2.5;
        }
        out
    }

    fn tables_of(runs: &[Run], rules: &[Rule]) -> Vec<Found<'static>> {
        let runs: &'static [Run] = Box::leak(runs.to_vec().into_boxed_slice());
        let refs: Vec<&Run> = runs.iter().collect();
        let lines = crate::read::pdf::baselines(&refs);
        find(&lines, rules, &mut 0)
    }

    fn grid(found: &Found<'_>) -> Vec<(u32, u16, bool, String)> {
        found
            .cells
            .iter()
            .map(|(c, l)| (c.row, c.column, c.header, l.text()))
            .collect()
    }

    #[test]
    fn aligned_columns_are_a_table_read_row_by_row() {
        let mut runs = Vec::new();
        // Headings over right-aligned figures, a rule under them.
        runs.push(run("Gross", 400.0, 700.0));
        runs.push(run("Net", 475.0, 700.0));
        let rows = [
            ("Estimated appropriation", "63 930 800", "58 552 400"),
            ("Revised estimates", "3 704 800", "3 597 500"),
            ("Recommendations", "(114 600)", "(120 300)"),
        ];
        for (k, (label, gross, net)) in rows.iter().enumerate() {
            let y = 680.0 - 15.0 * k as f64;
            runs.extend(words(label, 100.0, y));
            runs.push(figure(gross, 450.0, y));
            runs.push(figure(net, 530.0, y));
        }
        let rules = [(100.0, 712.0, 430.0), (100.0, 692.0, 430.0)];
        let found = tables_of(&runs, &rules);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].lines, 0..4);
        let g = grid(&found[0]);
        assert_eq!(g[0], (0, 1, true, "Gross".into()));
        assert_eq!(g[1], (0, 2, true, "Net".into()));
        assert_eq!(g[2], (1, 0, false, "Estimated appropriation".into()));
        assert_eq!(g[3], (1, 1, false, "63 930 800".into()));
        assert_eq!(g[4], (1, 2, false, "58 552 400".into()));
        assert_eq!(g.len(), 11);
        assert_eq!(g[10], (3, 2, false, "(120 300)".into()));
    }

    #[test]
    fn justified_text_is_no_table() {
        let text = "the General Assembly recalls its resolutions on the matter and";
        let mut runs = Vec::new();
        for k in 0..6 {
            // Word spaces stretched to 1.1 em, different on each line.
            let mut at = 100.0 + k as f64;
            for w in text.split(' ') {
                runs.push(run(w, at, 700.0 - 12.0 * k as f64));
                at += 5.0 * w.chars().count() as f64 + 9.0 + k as f64 * 0.4;
            }
        }
        assert!(tables_of(&runs, &[]).is_empty());
    }

    #[test]
    fn numbered_one_line_paragraphs_are_no_table() {
        let mut runs = Vec::new();
        for (k, label) in ["(a)", "(b)", "(c)", "(d)"].iter().enumerate() {
            let y = 700.0 - 14.0 * k as f64;
            runs.push(run(label, 100.0, y));
            runs.extend(words("Decides to keep the item on its agenda;", 136.0, y));
        }
        assert!(tables_of(&runs, &[]).is_empty());
    }

    #[test]
    fn right_to_left_paragraphs_numbered_at_the_right_are_no_table() {
        // Our Arabic PDFs: each operative paragraph's number ("1 -") at
        // the right margin, a tab from its text.
        let mut runs = Vec::new();
        for k in 0..4 {
            let y = 700.0 - 14.0 * k as f64;
            runs.extend(words(
                "تقرر مواصلة النظر في هذه المسألة في دورتها",
                100.0,
                y,
            ));
            runs.push(run(&format!("{} -", k + 1), 400.0, y));
        }
        assert!(tables_of(&runs, &[]).is_empty());
        assert!(is_label("1 -") && is_label("- 12") && !is_label("- 2024"));
    }

    #[test]
    fn right_aligned_figures_of_any_width_are_one_column() {
        let mut runs = Vec::new();
        let rows = [
            ("Deputy", "1"),
            ("Under", "37"),
            ("P-4", "1 661"),
            ("P-3", "380"),
        ];
        for (k, (label, n)) in rows.iter().enumerate() {
            let y = 700.0 - 14.0 * k as f64;
            runs.push(run(label, 100.0, y));
            runs.push(figure(n, 330.0, y));
            runs.push(figure(n, 410.0, y));
        }
        let found = tables_of(&runs, &[]);
        assert_eq!(found.len(), 1);
        let columns: Vec<u16> = found[0].cells.iter().map(|(c, _)| c.column).collect();
        assert_eq!(columns, [0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2]);
        assert!(found[0].cells.iter().all(|(c, _)| !c.header));
    }

    #[test]
    fn a_wrapped_label_is_one_cell_with_its_figures() {
        let mut runs = vec![run("First", 100.0, 715.0), figure("10", 450.0, 715.0)];
        runs.extend(words(
            "Recommendations of the Advisory Committee",
            100.0,
            700.0,
        ));
        runs.extend(words("on Budgetary Questions", 100.0, 689.0));
        runs.push(figure("(2 061 900)", 450.0, 689.0));
        for (k, label) in ["Other", "Last"].iter().enumerate() {
            let y = 672.0 - 15.0 * k as f64;
            runs.push(run(label, 100.0, y));
            runs.push(figure("10", 450.0, y));
        }
        let found = tables_of(&runs, &[]);
        assert_eq!(found.len(), 1);
        let g = grid(&found[0]);
        assert_eq!(
            g[2],
            (
                1,
                0,
                false,
                "Recommendations of the Advisory Committee".into()
            )
        );
        assert_eq!(g[3], (1, 0, false, "on Budgetary Questions".into()));
        assert_eq!(g[4], (1, 1, false, "(2 061 900)".into()));
        assert_eq!(g[5].0, 2);
    }

    #[test]
    fn a_hundred_thousand_runs_on_a_line_cost_little() {
        let runs: Vec<Run> = (0..100_000)
            .map(|k| {
                run(
                    "1",
                    (k % 1000) as f64 * 30.0,
                    700.0 - (k / 1000) as f64 * 12.0,
                )
            })
            .collect();
        let t = std::time::Instant::now();
        let _ = tables_of(&runs, &[(0.0, 650.0, 1e9)]);
        assert!(t.elapsed() < std::time::Duration::from_secs(5));
    }
}
