//! unres: United Nations resolutions from PDF-extracted text into one
//! intermediate representation ([`ir`]), and from there into Markdown,
//! Akoma Ntoso XML and PDF.
//!
//! Readers ([`read`]) and emitters ([`emit`]) share nothing but the IR;
//! what a language prints (formulas, dates, meeting lines) lives in one
//! profile per language ([`lang`]).

pub mod batch;
pub mod convert;
pub mod emit;
pub mod error;
pub mod ir;
pub mod lang;
pub mod read;

pub use error::{EmitError, ReadError};
pub use ir::Resolution;
