//! What a reader noticed but could repair or only report. Every reader
//! returns these beside the IR; each kind has a stable code that reports and
//! scripts can count on, and a message for people.

use std::fmt;

use serde::{Serialize, Serializer};

/// One thing a reader noticed. The text is never lost because of it: the
/// warning says where the reader had to guess.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// A note's text was found but no citation of it: the note is cited at
    /// the end of the text printed before it on its page, so its text is
    /// kept where it was printed.
    NoteWithoutCitation {
        /// The note's marker ("4").
        marker: String,
    },
    /// A note no text cites (a Markdown footnote defined but never cited):
    /// kept among the notes, where it was given.
    NoteNeverCited {
        /// The note's marker ("4").
        marker: String,
    },
    /// A citation whose note has no text (or, in Markdown, no definition).
    CitationWithoutNote {
        /// The marker cited.
        marker: String,
    },
    /// A note whose citation was not found before the next note's.
    CitationNotFound {
        /// The note whose citation is missing.
        marker: String,
        /// The next note, whose citation was found.
        before: String,
    },
    /// Top-level operative numbers that do not follow each other ("5."
    /// after "3.", or "3." twice).
    NumberingGap {
        /// The number before, as printed.
        after: String,
        /// The number found, as printed.
        found: String,
    },
    /// Operative numbering starting again at one, as resolutions in parts
    /// print it.
    NumberingRestart {
        /// The last number before the restart, as printed.
        after: String,
        /// The number found, as printed ("1.").
        found: String,
    },
    /// Text between the closing lines and any annex, kept with the closing
    /// lines as printed.
    TextAfterClosing {
        /// How many paragraphs of text.
        lines: usize,
    },
    /// No enacting formula is printed ("The General Assembly," missing
    /// from the page): the preamble was found by its first lead phrase.
    FormulaMissing,
    /// A metadata value the reader could not take, left out of the IR.
    MetadataIgnored {
        /// The field's front matter key.
        field: String,
        /// The value as found (JSON).
        value: String,
    },
    /// XML whose root is not in the Akoma Ntoso 3.0 namespace, read as if
    /// it were.
    ForeignNamespace {
        /// The namespace the root declares ("" for none).
        namespace: String,
    },
    /// Codes shown in a PDF font that no map of the font decodes (no
    /// ToUnicode, no known encoding): left out, never guessed.
    PdfUndecoded {
        /// The font's name.
        font: String,
        /// How many codes.
        codes: usize,
    },
}

impl Warning {
    /// The stable code of this kind of warning (kebab case).
    pub fn code(&self) -> &'static str {
        match self {
            Warning::NoteWithoutCitation { .. } => "note-without-citation",
            Warning::NoteNeverCited { .. } => "note-never-cited",
            Warning::CitationWithoutNote { .. } => "citation-without-note",
            Warning::CitationNotFound { .. } => "citation-not-found",
            Warning::NumberingGap { .. } => "numbering-gap",
            Warning::NumberingRestart { .. } => "numbering-restart",
            Warning::TextAfterClosing { .. } => "text-after-closing",
            Warning::FormulaMissing => "formula-missing",
            Warning::MetadataIgnored { .. } => "metadata-ignored",
            Warning::ForeignNamespace { .. } => "foreign-namespace",
            Warning::PdfUndecoded { .. } => "pdf-undecoded",
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::NoteWithoutCitation { marker } => write!(
                f,
                "note {marker} has no citation; cited at the end of the text before it on its page"
            ),
            Warning::NoteNeverCited { marker } => {
                write!(f, "note {marker} is never cited; kept among the notes")
            }
            Warning::CitationWithoutNote { marker } => {
                write!(f, "note {marker} cited but no text found")
            }
            Warning::CitationNotFound { marker, before } => {
                write!(f, "note {marker} has no citation before note {before}")
            }
            Warning::NumberingGap { after, found } => {
                write!(f, "operative paragraph {found} follows {after}")
            }
            Warning::NumberingRestart { after, found } => {
                write!(f, "operative numbering restarts at {found} after {after}")
            }
            Warning::TextAfterClosing { lines } => write!(
                f,
                "{lines} line(s) of text after the closing lines, kept with them"
            ),
            Warning::FormulaMissing => write!(
                f,
                "no enacting formula printed: the preamble starts at its first lead phrase"
            ),
            Warning::MetadataIgnored { field, value } => {
                write!(
                    f,
                    "metadata {field}: value {value:?} not understood, left out"
                )
            }
            Warning::ForeignNamespace { namespace } => write!(
                f,
                "root element in namespace {namespace:?}, not Akoma Ntoso 3.0; read as AKN"
            ),
            Warning::PdfUndecoded { font, codes } => write!(
                f,
                "{codes} code(s) in font {font:?} have no Unicode mapping; left out"
            ),
        }
    }
}

/// Serialised as `{"code": …, "message": …}`: what a report lists.
impl Serialize for Warning {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut st = s.serialize_struct("Warning", 2)?;
        st.serialize_field("code", self.code())?;
        st.serialize_field("message", &self.to_string())?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_code_and_message() {
        let w = Warning::CitationWithoutNote { marker: "4".into() };
        let json = serde_json::to_string(&w).unwrap();
        assert_eq!(
            json,
            r#"{"code":"citation-without-note","message":"note 4 cited but no text found"}"#
        );
    }
}
