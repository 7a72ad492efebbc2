//! unres: United Nations resolutions from PDF-extracted text into one
//! intermediate representation ([`ir`]), and from there into Markdown,
//! Akoma Ntoso XML and PDF.
//!
//! Readers ([`read`]) and emitters ([`emit`]) share nothing but the IR;
//! what a language prints (formulas, dates, meeting lines) lives in one
//! profile per language ([`lang`]). [`convert`] takes one document end to
//! end; [`batch`] converts whole trees in parallel.
//!
//! ```no_run
//! use unres::convert::convert_kind;
//! use unres::emit::{EmitOptions, Format};
//! use unres::read::{Kind, ReadOptions};
//!
//! let text = std::fs::read("A_RES_59_159.txt")?;
//! let done = convert_kind(Kind::Text, &text, &[Format::Akn], &ReadOptions::default(), &EmitOptions::default())?;
//! std::fs::write("A_RES_59_159.xml", &done.outputs[0].1)?;
//! for w in &done.warnings {
//!     eprintln!("warning[{}]: {w}", w.code());
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![warn(missing_docs)]

pub mod batch;
pub mod convert;
pub mod emit;
pub mod error;
pub mod ir;
pub mod lang;
pub mod read;
mod scan;

pub use error::{EmitError, ReadError};
pub use ir::Resolution;
