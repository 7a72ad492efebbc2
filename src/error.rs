//! Typed errors of the library. The binary adds the file name and context.

use thiserror::Error;

/// Why an input could not be read into the IR.
#[derive(Debug, Error)]
pub enum ReadError {
    /// The input holds no text at all.
    #[error("empty input")]
    Empty,
    /// The input is not text (NUL bytes or undecodable).
    #[error("binary or undecodable input: {0}")]
    Binary(String),
    /// The input is larger than the reader accepts.
    #[error("input too large: {size} bytes (limit {limit})")]
    TooLarge {
        /// The input's size in bytes.
        size: u64,
        /// The largest size accepted.
        limit: u64,
    },
    /// More lines than any resolution has (a resolution's text runs to a
    /// few thousand): refused before the lines cost memory.
    #[error("{lines} lines (limit {limit}): more than any resolution has")]
    TooManyLines {
        /// The input's lines.
        lines: usize,
        /// The most lines read.
        limit: usize,
    },
    /// Text, but not a resolution: no formula or no paragraphs found.
    #[error("not a resolution: {0}")]
    NotResolution(String),
    /// A PDF that cannot be read: not a PDF, encrypted, no text layer, a
    /// broken structure, or over the reading budget.
    #[error("PDF: {0}")]
    Pdf(String),
    /// Structured input (Markdown, XML) of the wrong shape.
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
        /// What is wrong there.
        message: String,
    },
}

/// Why an emitter could not write a document.
#[derive(Debug, Error)]
pub enum EmitError {
    /// XML writing failed.
    #[error("XML: {0}")]
    Xml(String),
    /// A font needed for the text is missing or unreadable.
    #[error("font: {0}")]
    Font(String),
    /// Anything else an emitter reports.
    #[error("{0}")]
    Other(String),
}
