//! Tables. Where the page reader says which lines are cells (it saw the
//! columns), the table is as it says. Otherwise, where the extractor kept
//! the columns apart (pdftotext's layout mode), rows are lines whose cells
//! stand apart by wide gaps and end in figures ("Estimated appropriation
//! for 2024    63 930 800    58 552 400"). Extractors that run the cells
//! into one stream (pdfminer) give no rows; their table text stays
//! paragraphs, nothing lost.

use std::borrow::Cow;

use super::notes::{append, LogicalLine};
use super::Joiner;
use crate::ir::Inline;

/// Most columns a table keeps apart; cells further right join the last
/// (a hostile page could number its columns up to 65,535).
const MAX_COLUMNS: usize = 64;

/// A table found among logical lines `start..end`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub header_rows: usize,
    pub rows: Vec<Vec<Vec<Inline>>>,
}

/// Cells of a line: text runs separated by three or more spaces.
fn cells(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    let mut spaces = 0;
    let mut last_end = 0;
    for (i, c) in text.char_indices() {
        if c == ' ' {
            spaces += 1;
            continue;
        }
        if spaces >= 3 {
            if let Some(s) = start {
                out.push(text[s..last_end].trim());
            }
            start = Some(i);
        } else if start.is_none() {
            start = Some(i);
        }
        spaces = 0;
        last_end = i + c.len_utf8();
    }
    if let Some(s) = start {
        out.push(text[s..last_end].trim());
    }
    out.retain(|c| !c.is_empty());
    out
}

/// A figure: "63 930 800", "(2 061 900)", "12.5", "–".
fn numeric(cell: &str) -> bool {
    // Most cells are words: the first letter answers.
    let mut digits = false;
    for c in cell.chars() {
        if c.is_ascii_digit() {
            digits = true;
        } else if !matches!(
            c,
            ' ' | ',' | '.' | '(' | ')' | '%' | '-' | '–' | '—' | '$' | '\u{a0}'
        ) {
            return false;
        }
    }
    digits || matches!(cell, "-" | "–" | "—")
}

/// The line's text if it has no citations (a row keeps none).
fn plain(l: &LogicalLine) -> Option<Cow<'_, str>> {
    match l.parts.as_slice() {
        // Most lines are one run of text: borrowed, not copied.
        [Inline::Text(t)] => Some(Cow::Borrowed(t)),
        parts => parts
            .iter()
            .all(|p| matches!(p, Inline::Text(_)))
            .then(|| Cow::Owned(Inline::plain_text(parts))),
    }
}

fn is_row(text: &str) -> bool {
    // Cells are parted by three spaces or more: most lines have no such
    // run, and are one cell without being cut.
    if !crate::scan::three_spaces(text.as_bytes()) {
        return false;
    }
    let c = cells(text);
    c.len() >= 2 && c[1..].iter().all(|c| numeric(c))
}

fn cell(text: &str) -> Vec<Inline> {
    vec![Inline::Text(
        text.split_whitespace().collect::<Vec<_>>().join(" "),
    )]
}

/// Finds the tables among `lines`: those the page reader marked, and in
/// lines without such marks those the extractor's spacing shows.
pub(crate) fn find(lines: &[LogicalLine], joiner: &Joiner) -> Vec<Found> {
    let marked = from_cells(lines, joiner);
    let taken = |t: &Found| marked.iter().any(|m| overlap(t, m));
    // Each line's text, made once for both readings.
    let texts: Vec<Option<Cow<'_, str>>> = lines.iter().map(plain).collect();
    let mut found: Vec<Found> = from_spacing(lines, &texts)
        .into_iter()
        .filter(|t| !taken(t))
        .collect();
    found.extend(marked);
    let streamed: Vec<Found> = from_stream(lines, &texts)
        .into_iter()
        .filter(|t| !found.iter().any(|m| overlap(t, m)))
        .collect();
    found.extend(streamed);
    found.sort_by_key(|t| t.start);
    found
}

/// Whether two tables share a line.
fn overlap(a: &Found, b: &Found) -> bool {
    a.start < b.end && b.start < a.end
}

/// The longest cell a table set one cell to a line is read with: longer
/// lines are text.
const STREAM_CELL_MAX: usize = 60;

/// Tables whose cells the extractor set one to a line, in reading order
/// (pdftotext without `-layout`): a label, then its figures, each after a
/// blank line ("D-1" / "313" / "53" / "366"). A row is a label and the
/// same number (two or more) of figures as the table's first row; a label
/// alone between rows is a row of its own (a group, or the column heads a
/// new page repeats). Three full rows at least; what stands before the
/// first and after the last stays text.
fn from_stream(lines: &[LogicalLine], texts: &[Option<Cow<'_, str>>]) -> Vec<Found> {
    // What each line can be, judged once: (a label, a figure).
    let kinds: Vec<(bool, bool)> = texts
        .iter()
        .zip(lines)
        .map(|(t, l)| {
            let short = t.as_deref().filter(|t| {
                t.len() <= 4 * STREAM_CELL_MAX
                    && t.chars().count() <= STREAM_CELL_MAX
                    && !crate::scan::three_spaces(t.as_bytes())
            });
            let Some(t) = short else {
                return (false, false);
            };
            if numeric(t) {
                // A figure on a line of its own; "12." alone is a
                // paragraph's number.
                (
                    false,
                    !t.ends_with('.') && (l.blank_before || l.after_break),
                )
            } else {
                (!t.ends_with(['.', ';', ',', ':']), false)
            }
        })
        .collect();
    let figure = |k: usize| kinds[k].1;
    let label = |k: usize| kinds[k].0;
    // How many figures follow each line in a row, counted once from the end.
    let mut run = vec![0usize; lines.len() + 1];
    for k in (0..lines.len()).rev() {
        run[k] = if figure(k) { run[k + 1] + 1 } else { 0 };
    }
    let figures_after = |k: usize| run[k + 1];
    let mut found = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let width = if label(k) { figures_after(k) } else { 0 };
        if width < 2 {
            k += 1;
            continue;
        }
        let (start, mut end, mut full) = (k, k, 0);
        let mut j = k;
        // Labels alone since the last row, and whether a page began among them.
        let (mut alone, mut repeated_heads) = (0, false);
        while j < lines.len() && label(j) {
            let m = figures_after(j);
            if m == 0 {
                alone += 1;
                repeated_heads |= lines[j].after_break;
                if alone > if repeated_heads { 8 } else { 4 } {
                    break;
                }
                j += 1;
                continue;
            }
            // More figures than a row holds: rows whose labels the
            // extractor set elsewhere, when they make whole rows.
            if m > width && m % width != 0 {
                break;
            }
            (alone, repeated_heads) = (0, false);
            full += usize::from(m == width);
            j += 1 + m;
            end = j;
        }
        if full < 3 {
            k += 1;
            continue;
        }
        let rows = stream_rows(&texts[start..end], start, width, &figure);
        found.push(Found {
            start,
            end,
            header_rows: 0,
            rows,
        });
        k = end;
    }
    found
}

/// The rows of a table set one cell to a line: each label with the
/// figures after it, `width` to a row.
fn stream_rows(
    texts: &[Option<Cow<'_, str>>],
    start: usize,
    width: usize,
    figure: &dyn Fn(usize) -> bool,
) -> Vec<Vec<Vec<Inline>>> {
    let mut rows: Vec<Vec<Vec<Inline>>> = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        let t = t.as_deref().unwrap_or_default();
        match rows.last_mut() {
            Some(r) if figure(start + i) => {
                // A full row's figures go on in a row with no label.
                if r.len() > width {
                    rows.push(vec![Vec::new()]);
                }
                if let Some(r) = rows.last_mut() {
                    r.push(cell(t));
                }
            }
            _ => rows.push(vec![cell(t)]),
        }
    }
    rows
}

/// The tables whose lines the page reader marked as cells, in reading
/// order. A table that goes on over a page break (its next part starts
/// the next page) is one table; the headings the next page repeats are
/// kept as rows where they stand, so that no text is lost.
fn from_cells(lines: &[LogicalLine], joiner: &Joiner) -> Vec<Found> {
    let mut found = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let Some(first) = lines[k].cell else {
            k += 1;
            continue;
        };
        let start = k;
        let (mut table, mut row) = (first.table, None);
        let mut rows: Vec<Vec<Vec<Inline>>> = Vec::new();
        let mut header_rows = 0;
        while let Some(c) = lines.get(k).and_then(|l| l.cell) {
            let continues = c.table == table || (c.table == table + 1 && lines[k].after_break);
            if !continues {
                break;
            }
            table = c.table;
            if row != Some((c.table, c.row)) {
                row = Some((c.table, c.row));
                rows.push(Vec::new());
                if c.header && c.table == first.table && rows.len() == header_rows + 1 {
                    header_rows += 1;
                }
            }
            let cells = rows.last_mut().expect("pushed");
            let column = usize::from(c.column).min(MAX_COLUMNS - 1);
            if cells.len() <= column {
                cells.resize(column + 1, Vec::new());
            }
            let l = &lines[k];
            append(&mut cells[column], l.parts.clone(), joiner);
            cells[column].extend(l.uncited.iter().map(|n| Inline::NoteRef(n.to_string())));
            k += 1;
        }
        found.push(Found {
            start,
            end: k,
            header_rows,
            rows,
        });
    }
    found
}

/// Finds the tables among `lines` from their spacing alone.
fn from_spacing(lines: &[LogicalLine], texts: &[Option<Cow<'_, str>>]) -> Vec<Found> {
    let row = |k: usize| texts[k].as_deref().is_some_and(is_row);
    let mut found = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        if !row(k) {
            k += 1;
            continue;
        }
        // Extend over rows and up to two label lines between rows.
        let mut end = k + 1;
        let mut j = k + 1;
        let mut rows = 1;
        while j < lines.len() {
            if row(j) {
                rows += 1;
                end = j + 1;
                j += 1;
                continue;
            }
            let glue = (j..lines.len().min(j + 2))
                .take_while(|&g| texts[g].as_deref().is_some_and(|t| cells(t).len() == 1))
                .count();
            if glue > 0 && j + glue < lines.len() && row(j + glue) {
                j += glue;
                continue;
            }
            break;
        }
        if rows < 3 {
            k = end;
            continue;
        }
        // Header lines: just before, two or more cells of words.
        let mut start = k;
        while start > 0
            && start + 3 > k
            && texts[start - 1]
                .as_deref()
                .is_some_and(|t| cells(t).len() >= 2 && !is_row(t))
        {
            start -= 1;
        }
        let header_rows = k - start;
        let mut out_rows: Vec<Vec<Vec<Inline>>> = Vec::new();
        let mut label: Option<String> = None;
        for t in texts[start..end].iter().flatten() {
            let cs = cells(t);
            if cs.len() == 1 {
                // A long label wraps onto the next row; a short one is a
                // row of its own (a group heading).
                if cs[0].chars().count() >= 50 {
                    label = Some(match label.take() {
                        Some(l) => format!("{l} {}", cs[0]),
                        None => cs[0].to_string(),
                    });
                } else {
                    if let Some(l) = label.take() {
                        out_rows.push(vec![cell(&l)]);
                    }
                    out_rows.push(vec![cell(cs[0])]);
                }
                continue;
            }
            let mut r: Vec<Vec<Inline>> = cs.iter().map(|c| cell(c)).collect();
            if let Some(l) = label.take() {
                if let Some(Inline::Text(first)) = r[0].first_mut() {
                    *first = format!("{l} {first}");
                }
            }
            out_rows.push(r);
        }
        found.push(Found {
            start,
            end,
            header_rows,
            rows: out_rows,
        });
        k = end;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(t: &str) -> LogicalLine {
        LogicalLine {
            parts: vec![Inline::Text(t.to_string())],
            ..LogicalLine::default()
        }
    }

    fn text(c: &[Inline]) -> String {
        Inline::plain_text(c)
    }

    #[test]
    fn layout_table_rows_and_labels() {
        let src = [
            "The Fifth Committee recommends the following:",
            "Gross         Net of staff assessment",
            "Estimated appropriation for 2024 a           63 930 800       58 552 400",
            "Recommendations of the Advisory Committee on Administrative and Budgetary",
            "Questions c                                 (2 061 900)       (1 897 200)",
            "Total assessment for 2024",
            "Requirements for 2024                        65 459 100       60 132 400",
            "Decides to apportion the amount;",
        ];
        let lines: Vec<_> = src.iter().map(|t| line(t)).collect();
        let found = find(&lines, &Joiner::default());
        assert_eq!(found.len(), 1);
        let t = &found[0];
        assert_eq!((t.start, t.end, t.header_rows), (1, 7, 1));
        let rows: Vec<Vec<String>> = t
            .rows
            .iter()
            .map(|r| r.iter().map(|c| text(c)).collect())
            .collect();
        assert_eq!(
            rows,
            vec![
                vec!["Gross", "Net of staff assessment"],
                vec!["Estimated appropriation for 2024 a", "63 930 800", "58 552 400"],
                vec![
                    "Recommendations of the Advisory Committee on Administrative and Budgetary Questions c",
                    "(2 061 900)",
                    "(1 897 200)"
                ],
                vec!["Total assessment for 2024"],
                vec!["Requirements for 2024", "65 459 100", "60 132 400"],
            ]
        );
    }

    #[test]
    fn justified_text_is_no_table() {
        let src = [
            "the  United  Nations  to  bear  the  expenses  of  the  Organization  1961",
            "and  70/182  of  17  December  2015,  71/209  of  19  December  2016,  72",
            "resolution   2005   of   the   Council   2006",
        ];
        let lines: Vec<_> = src.iter().map(|t| line(t)).collect();
        assert!(find(&lines, &Joiner::default()).is_empty());
    }

    /// Lines as pdftotext without -layout sets a table: one cell to a
    /// line, each after a blank line.
    fn stream(src: &[&str]) -> Vec<LogicalLine> {
        src.iter()
            .map(|t| LogicalLine {
                blank_before: true,
                ..line(t)
            })
            .collect()
    }

    fn rows_of(t: &Found) -> Vec<Vec<String>> {
        t.rows
            .iter()
            .map(|r| r.iter().map(|c| text(c)).collect())
            .collect()
    }

    #[test]
    fn a_table_set_one_cell_to_a_line_is_read_by_rows() {
        // pdftotext of 78/252's staffing table.
        let src = [
            "Decides to approve the staffing table set out in the annex;",
            "Deputy Secretary-General",
            "1",
            "–",
            "1",
            "Under-Secretary-General",
            "37",
            "17",
            "54",
            "Professional and higher",
            "D-2",
            "118",
            "9",
            "127",
            // Labels the extractor set elsewhere: figures of whole rows.
            "P-2/1",
            "565",
            "28",
            "593",
            "5 247",
            "1 096",
            "6 343",
            "Subtotal",
            "2 526",
            "2 935",
            "Requests the Secretary-General to report;",
        ];
        let found = find(&stream(&src), &Joiner::default());
        assert_eq!(found.len(), 1, "{found:?}");
        let t = &found[0];
        assert_eq!((t.start, t.end, t.header_rows), (1, src.len() - 1, 0));
        assert_eq!(
            rows_of(t),
            vec![
                vec!["Deputy Secretary-General", "1", "–", "1"],
                vec!["Under-Secretary-General", "37", "17", "54"],
                vec!["Professional and higher"],
                vec!["D-2", "118", "9", "127"],
                vec!["P-2/1", "565", "28", "593"],
                vec!["", "5 247", "1 096", "6 343"],
                vec!["Subtotal", "2 526", "2 935"],
            ]
        );
    }

    #[test]
    fn numbers_alone_that_are_no_table_stay_text() {
        // Paragraph numbers set apart (pdfminer), two rows only, figures
        // run on without a blank line: no table.
        let numbers = [
            "Financing",
            "5.",
            "6.",
            "7.",
            "Budget",
            "8.",
            "9.",
            "10.",
            "Audit",
            "11.",
            "12.",
            "13.",
        ];
        assert!(find(&stream(&numbers), &Joiner::default()).is_empty());
        let two = ["Total", "1 919", "1 638", "Subtotal", "106", "725"];
        assert!(find(&stream(&two), &Joiner::default()).is_empty());
        let unspaced: Vec<LogicalLine> = ["A", "1", "2", "B", "3", "4", "C", "5", "6"]
            .iter()
            .map(|t| line(t))
            .collect();
        assert!(find(&unspaced, &Joiner::default()).is_empty());
        let four = ["A", "1", "2", "B", "3", "4", "C", "5", "6"];
        assert_eq!(find(&stream(&four), &Joiner::default()).len(), 1);
    }
}
