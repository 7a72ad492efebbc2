//! Akoma Ntoso reader (placeholder while being written).
use super::ReadOptions;
use crate::error::ReadError;
use crate::ir::Resolution;

/// Reads AKN XML into the IR.
pub fn read(_text: &str, _opts: &ReadOptions) -> Result<Resolution, ReadError> {
    Err(ReadError::NotResolution("AKN reader not built".into()))
}
