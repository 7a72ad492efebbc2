//! The line model the page readers hand to the shared segmentation: a
//! printed line's text, and what the page says about it that extracted
//! text has lost (where the line starts and ends against its column, the
//! italic runs). `read::text` reads the same segmentation from extracted
//! text, where every fact is absent and the words alone decide.

use std::ops::Range;

/// Where a line stands against its column, in points: what tells a
/// paragraph's first line (indented) and its last (short) on a justified
/// page.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Geometry {
    /// Left edge, right of the left edge of the page's text column.
    pub indent: f32,
    /// The line ends well before the column's right edge: the last line of
    /// a justified paragraph. `None` where the page is not justified, so
    /// a short line says nothing.
    pub short: Option<bool>,
    /// The line is centred in the column (a heading, a title line).
    pub centred: bool,
    /// The main type size.
    pub size: f32,
    /// Every letter of the line is set in a bold face: a heading's line
    /// (a heading set over two lines is one heading).
    pub bold: bool,
    /// Every letter of the line is set in an italic face (with `bold`: a
    /// subtitle under a bold upright title is a heading of its own).
    pub italic: bool,
}

/// What the page says about one printed line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    /// Position against the column.
    pub geometry: Geometry,
    /// Byte ranges of the line's text set in an italic face, in order,
    /// without the spaces at their ends.
    pub italic: Vec<Range<usize>>,
    /// Byte ranges of the line's text that are figures set smaller and
    /// above the baseline: note citations as the page prints them, which
    /// the words alone cannot tell from a symbol's digits ("INTERPOL1").
    pub raised: Vec<Range<usize>>,
    /// A running head or footer: another page prints the same words at
    /// the same height near its edge, or the line stands in smaller type
    /// above the text at the top of a later page.
    pub furniture: bool,
    /// The line is (part of) a table cell: the page printed it in aligned
    /// columns, so it is a cell's text, not a paragraph's.
    pub cell: Option<Cell>,
}

/// Where a line stands in a table the page prints: the lines of one cell
/// share all four, and come in reading order (rows top to bottom, cells
/// left to right, a cell's lines top to bottom).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cell {
    /// Which table, counted over the document from 0 (a table continued
    /// on the next page has a new number there).
    pub table: u32,
    /// The row, from 0 at the table's top.
    pub row: u32,
    /// The column, from 0 at the left.
    pub column: u16,
    /// The row is a heading row (above the rule under the headings, or
    /// set in bold at the table's top).
    pub header: bool,
}

/// One printed line, in reading order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Line {
    /// The text as an extractor prints it: words set off by single spaces,
    /// note citations glued to the word before them.
    pub text: String,
    /// The first line of a page.
    pub page_start: bool,
    /// A vertical gap wider than the line spacing stands above the line.
    pub gap_before: bool,
    /// What the page says about the line.
    pub facts: Facts,
}
