//! The labels a PDF outline (bookmarks) gives the parts of a resolution, in
//! the document's own language. Temporary home: folded into the language
//! profiles once those are data.

use crate::ir::Lang;

/// Bookmark labels for the two unnumbered parts of a resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutlineLabels {
    /// The preambular part ("Preamble", "Préambule", "序言").
    pub preamble: &'static str,
    /// The operative part ("Operative part", "Dispositif", "执行部分").
    pub operative: &'static str,
}

/// The outline labels of `lang`.
pub fn outline_labels(lang: Lang) -> OutlineLabels {
    let (preamble, operative) = match lang {
        Lang::En => ("Preamble", "Operative part"),
        Lang::Fr => ("Préambule", "Dispositif"),
        Lang::Es => ("Preámbulo", "Parte dispositiva"),
        Lang::Ru => ("Преамбула", "Постановляющая часть"),
        Lang::Ar => ("الديباجة", "المنطوق"),
        Lang::Zh => ("序言", "执行部分"),
    };
    OutlineLabels {
        preamble,
        operative,
    }
}
