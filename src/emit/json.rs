//! JSON emitter: the IR itself, as `unres inspect` prints it (pretty
//! `serde_json` of [`Resolution`], one final newline).
//!
//! The shape is described by `schema/unres-ir.schema.json` (JSON Schema
//! 2020-12), which the tests check every sample and the English corpus
//! against: a change to the IR's serde shape that the schema does not follow
//! fails there, so the schema stays the contract for people who consume the
//! JSON without Rust.

use super::EmitOptions;
use crate::error::EmitError;
use crate::ir::Resolution;

/// Writes `res` as pretty-printed JSON.
pub fn write(res: &Resolution, _opts: &EmitOptions) -> Result<Vec<u8>, EmitError> {
    let mut out = serde_json::to_vec_pretty(res).map_err(|e| EmitError::Other(e.to_string()))?;
    out.push(b'\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_into_the_same_ir() {
        let mut res = Resolution::default();
        res.meta.symbol = "A/RES/59/159".into();
        res.meta.adopted = crate::ir::Date::new(2004, 12, 20);
        let out = write(&res, &EmitOptions::default()).unwrap();
        assert!(out.ends_with(b"}\n"));
        let back: Resolution = serde_json::from_slice(&out).unwrap();
        assert_eq!(back, res);
        assert!(String::from_utf8(out).unwrap().contains("\"2004-12-20\""));
    }
}
