//! One document, end to end: bytes in, one output per requested format.
//! The batch runner and the CLI call this and nothing below it.

use crate::emit::{self, EmitOptions, Format};
use crate::error::{EmitError, ReadError};
use crate::ir::{Resolution, Warning};
use crate::read::{self, Kind, ReadOptions};
use thiserror::Error;

/// Why a document could not be converted.
#[derive(Debug, Error)]
pub enum ConvertError {
    #[error(transparent)]
    /// The input could not be read into the IR.
    Read(#[from] ReadError),
    #[error("{format}: {source}")]
    /// An emitter could not write the document.
    Emit {
        /// The format being written.
        format: Format,
        #[source]
        /// Why.
        source: EmitError,
    },
}

/// A converted document: what each emitter wrote, and what the reader noticed.
#[derive(Debug)]
pub struct Converted {
    /// One entry per requested format, in the order requested.
    pub outputs: Vec<(Format, Vec<u8>)>,
    /// What the reader noticed (a note without citation, a numbering gap).
    pub warnings: Vec<Warning>,
}

/// Reads input bytes (PDF-extracted text) into the IR.
pub fn read_bytes(
    bytes: &[u8],
    opts: &ReadOptions,
) -> Result<(Resolution, Vec<Warning>), ReadError> {
    read_kind(Kind::Text, bytes, opts)
}

/// Reads input bytes of the given kind into the IR. Every reader's result
/// is in the IR's canonical form (`Resolution::normalize`). PDFs are read
/// as bytes; every other kind is decoded to text first.
pub fn read_kind(
    kind: Kind,
    bytes: &[u8],
    opts: &ReadOptions,
) -> Result<(Resolution, Vec<Warning>), ReadError> {
    read::read_bytes(kind, bytes, opts)
}

/// [`read_kind`] of bytes the caller gives up, so that a large text input
/// is not held twice (the batch reads each file this way).
pub fn read_owned(
    kind: Kind,
    bytes: Vec<u8>,
    opts: &ReadOptions,
) -> Result<(Resolution, Vec<Warning>), ReadError> {
    read::read_owned(kind, bytes, opts)
}

/// Writes the IR in one format.
pub fn emit(res: &Resolution, format: Format, opts: &EmitOptions) -> Result<Vec<u8>, EmitError> {
    match format {
        Format::Markdown => emit::markdown::write(res, opts),
        Format::Akn => emit::akn::write(res, opts),
        Format::Pdf => emit::pdf::write(res, opts),
        Format::Html => emit::html::write(res, opts),
        Format::Json => emit::json::write(res, opts),
    }
}

/// Converts one document's bytes (PDF-extracted text) into every requested
/// format.
pub fn convert(
    bytes: &[u8],
    formats: &[Format],
    read_opts: &ReadOptions,
    emit_opts: &EmitOptions,
) -> Result<Converted, ConvertError> {
    convert_kind(Kind::Text, bytes, formats, read_opts, emit_opts)
}

/// Converts one document's bytes of the given kind into every requested
/// format.
pub fn convert_kind(
    kind: Kind,
    bytes: &[u8],
    formats: &[Format],
    read_opts: &ReadOptions,
    emit_opts: &EmitOptions,
) -> Result<Converted, ConvertError> {
    let (res, warnings) = read_kind(kind, bytes, read_opts)?;
    let mut outputs = Vec::with_capacity(formats.len());
    for &format in formats {
        let out = emit(&res, format, emit_opts)
            .map_err(|source| ConvertError::Emit { format, source })?;
        outputs.push((format, out));
    }
    Ok(Converted { outputs, warnings })
}
