//! PDF → IR. The content streams are interpreted into positioned runs
//! (`content`, with `fonts` decoding codes to Unicode); runs become printed
//! lines, and the lines text in the shape PDF extractors print, which the
//! text reader's segmentation reads. The runs keep their layout facts
//! (size, face, left edge, raised) for the segmentation to use next.

pub mod content;
pub mod fonts;
mod lexer;
mod tables;

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use lopdf::{DecompressError, Document, LoadOptions, Object, Stream};

use crate::error::ReadError;
use crate::ir::{Resolution, Warning};
use crate::read::{layout, ReadOptions};

pub use content::Run;

/// Most bytes one stream may inflate to (a resolution's page content is a
/// few tens of kilobytes).
const MAX_STREAM_BYTES: usize = 32 << 20;
/// Most bytes all streams of one document may inflate to.
const MAX_DOCUMENT_BYTES: usize = 128 << 20;
/// Most content-stream operators interpreted per document (a resolution
/// page has a few thousand).
const MAX_OPERATORS: u64 = 20_000_000;
/// Most pages read.
const MAX_PAGES: usize = 5_000;
/// Most drawn rules kept per document for finding tables (a resolution
/// draws a few dozen; the interpreter keeps 4,096 per page).
const MAX_RULES: usize = 1 << 16;

/// What one document may cost; the defaults are the constants above, and
/// tests lower them to provoke each limit cheaply.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Most bytes one stream may inflate to.
    pub stream_bytes: usize,
    /// Most bytes all streams together may inflate to.
    pub document_bytes: usize,
    /// Most content-stream operators read.
    pub operators: u64,
    /// Most pages read.
    pub pages: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            stream_bytes: MAX_STREAM_BYTES,
            document_bytes: MAX_DOCUMENT_BYTES,
            operators: MAX_OPERATORS,
            pages: MAX_PAGES,
        }
    }
}

/// The work and memory one document may cost: bytes inflated and
/// operators interpreted. Exceeding it fails the document, never the run.
#[derive(Debug)]
pub struct Budget {
    stream_bytes: usize,
    bytes_left: usize,
    operators_left: u64,
    /// Why reading stopped early, if it did.
    pub exceeded: Option<String>,
}

impl Default for Budget {
    fn default() -> Self {
        Budget::new(&Limits::default())
    }
}

impl Budget {
    /// A budget holding `limits`.
    pub fn new(limits: &Limits) -> Self {
        Budget {
            stream_bytes: limits.stream_bytes,
            bytes_left: limits.document_bytes,
            operators_left: limits.operators,
            exceeded: None,
        }
    }

    /// A stream's decoded bytes, within the per-stream and per-document
    /// limits; `None` when it cannot be decoded or is over the limit.
    pub fn decompress(&mut self, stream: &Stream) -> Option<Vec<u8>> {
        let limit = self.stream_bytes.min(self.bytes_left);
        match stream.decompressed_content_with_limit(limit) {
            Ok(data) => {
                self.bytes_left -= data.len().min(self.bytes_left);
                Some(data)
            }
            Err(lopdf::Error::Decompress(DecompressError::MemoryLimitExceeded { .. })) => {
                self.exceeded.get_or_insert_with(|| {
                    format!(
                        "a stream inflates past {} MB (decompression bomb?)",
                        limit >> 20
                    )
                });
                None
            }
            Err(_) => None,
        }
    }

    /// Counts one operator; false once the budget is spent.
    pub fn operator(&mut self) -> bool {
        if self.operators_left == 0 {
            self.exceeded
                .get_or_insert_with(|| "too many content-stream operators".into());
            return false;
        }
        self.operators_left -= 1;
        true
    }
}

/// What the interpreter made of a whole document.
#[derive(Debug, Default)]
pub struct Extracted {
    /// Runs of text, page by page.
    pub runs: Vec<Run>,
    /// Rules that may separate notes, as runs of underscores.
    pub rules: Vec<Run>,
    /// Every horizontal rule drawn, by page (tables are ruled), pieces
    /// drawn end to end joined, up to `MAX_RULES`.
    pub drawn: Vec<(usize, (f64, f64, f64))>,
    /// Pages read.
    pub pages: usize,
    /// Images drawn (a scan has images and no text).
    pub images: usize,
    /// Codes no map decodes, per font.
    pub undecoded: HashMap<String, usize>,
}

/// Reads a PDF's bytes into the IR.
pub fn read(bytes: &[u8], opts: &ReadOptions) -> Result<(Resolution, Vec<Warning>), ReadError> {
    let extracted = extract(bytes)?;
    let lines = lines_of(&extracted);
    let mut undecoded: Vec<_> = extracted.undecoded.iter().collect();
    undecoded.sort();
    let total: usize = undecoded.iter().map(|(_, n)| **n).sum();
    if lines.iter().all(|l| l.text.trim().is_empty()) {
        return Err(ReadError::Pdf(if total > 0 {
            format!("no decodable text: {total} codes in fonts without a Unicode map")
        } else if extracted.images > 0 {
            "no text layer: a scanned image, OCR it first".into()
        } else {
            "no text layer: the PDF shows no text".into()
        }));
    }
    let (res, mut warnings) = crate::read::text::read_layout(&lines, opts)?;
    for (font, codes) in undecoded {
        warnings.push(Warning::PdfUndecoded {
            font: font.clone(),
            codes: *codes,
        });
    }
    Ok((res, warnings))
}

/// Loads the document and interprets every page, within the default
/// budget.
pub fn extract(bytes: &[u8]) -> Result<Extracted, ReadError> {
    extract_with(bytes, &Limits::default())
}

/// Loads the document and interprets every page, within `limits`.
pub fn extract_with(bytes: &[u8], limits: &Limits) -> Result<Extracted, ReadError> {
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(ReadError::Pdf("not a PDF (no %PDF- header)".into()));
    }
    let doc = load(bytes, limits)?;
    let pages = doc.get_pages();
    if pages.len() > limits.pages {
        return Err(ReadError::Pdf(format!(
            "{} pages (limit {})",
            pages.len(),
            limits.pages
        )));
    }
    let mut budget = Budget::new(limits);
    let mut fonts = HashMap::new();
    let mut out = Extracted {
        pages: pages.len(),
        ..Extracted::default()
    };
    for (&number, &id) in &pages {
        let page = read_page(&doc, id, number as usize, &mut budget, &mut fonts);
        let rules = tables::joined(&page.rules);
        out.rules
            .extend(note_rules(&rules, &page.runs, number as usize));
        let room = MAX_RULES.saturating_sub(out.drawn.len());
        out.drawn
            .extend(rules.iter().take(room).map(|&r| (number as usize, r)));
        out.runs.extend(page.runs);
        out.images += page.images;
        for (font, n) in page.undecoded {
            *out.undecoded.entry(font).or_default() += n;
        }
        if let Some(why) = &budget.exceeded {
            return Err(ReadError::Pdf(format!("too costly to read: {why}")));
        }
    }
    Ok(out)
}

/// Whether the first line below `y` (within 30 pt) starts at `x` with a
/// note number ("1 Voir résolution 55/2."; in a right-to-left note the
/// number stands at the right end): what makes a rule a note separator.
fn note_below(runs: &[Run], (x, width): (f64, f64), y: f64, rtl_page: bool) -> bool {
    static NOTE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let note = NOTE.get_or_init(|| {
        regex::Regex::new(r"^\d{1,3}\s*[^\d\s\-/.]|\s\d{1,3}$").expect("valid regex")
    });
    let below = runs
        .iter()
        .filter(|r| r.y < y - 2.0 && r.y > y - 30.0 && !r.text.trim().is_empty());
    let Some(top) = below.clone().map(|r| r.y).max_by(f64::total_cmp) else {
        return false;
    };
    // The note number may be raised above the note's baseline: the line
    // is measured in the note's own type, not the figure's.
    let size = below.clone().map(|r| r.size).fold(5.0, f64::max);
    let mut line: Vec<&Run> = below.filter(|r| (r.y - top).abs() < 0.6 * size).collect();
    line.sort_by(|a, b| a.x.total_cmp(&b.x));
    // Runs joined as the line prints them: a space only at a gap (a PDF
    // may set each glyph as a run of its own).
    let mut text = String::new();
    for (k, r) in line.iter().enumerate() {
        if k > 0 && r.x - (line[k - 1].x + line[k - 1].width) > 0.2 * size {
            text.push(' ');
        }
        text.push_str(&r.text);
    }
    // A right-to-left note starts at the right, under a rule set there.
    let end = line.iter().map(|r| r.x + r.width).fold(f64::MIN, f64::max);
    let rtl = is_rtl(&text) || rtl_page;
    let starts = (line[0].x - x).abs() < 20.0 || (rtl && (end - (x + width)).abs() < 20.0);
    starts && note.is_match(text.trim())
}

/// Drawn rules as extractors would print a typed separator: a run of
/// underscores where a short rule stands alone, not under or through text
/// (an underline, a strike) and not as wide as the text (a table border),
/// with a note starting below it (the official PDFs' mastheads, running
/// heads and closing lines have rules too).
fn note_rules(rules: &[(f64, f64, f64)], runs: &[Run], page: usize) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    // On a page set right to left, a note of symbols only ("3 A/69/397.")
    // starts at the right too.
    let rtl_page = runs_rtl(runs);
    for &(x, y, width) in rules {
        if !(30.0..=250.0).contains(&width) {
            continue;
        }
        // Under a line (an underline) or through it (a strike), not above
        // its letters: a note set close below its separator stays a note.
        let near_text = runs.iter().any(|r| {
            r.x < x + width && r.x + r.width > x && y > r.y - 4.0 && y < r.y + 0.7 * r.size
        });
        let repeated = out.iter().any(|o| (o.y - y).abs() < 2.0);
        if near_text || repeated || !note_below(runs, (x, width), y, rtl_page) {
            continue;
        }
        out.push(Run {
            text: "__________".into(),
            x,
            y,
            width,
            size: 1.0,
            font: "".into(),
            bold: false,
            italic: false,
            page,
            mcid: None,
            upright: true,
        });
    }
    out
}

/// Parses the file, bounding what loading inflates; an encrypted file is
/// read when the empty user password opens it.
fn load(bytes: &[u8], limits: &Limits) -> Result<Document, ReadError> {
    let options = LoadOptions {
        max_decompressed_size: Some(limits.stream_bytes),
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| match e {
        lopdf::Error::Decompress(DecompressError::MemoryLimitExceeded { .. }) => {
            ReadError::Pdf("an object stream inflates past its limit (decompression bomb?)".into())
        }
        lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => {
            ReadError::Pdf("encrypted PDF: the empty user password does not open it".into())
        }
        e => ReadError::Pdf(format!("unreadable PDF structure: {e}")),
    })?;
    if doc.is_encrypted() {
        return Err(ReadError::Pdf(
            "encrypted PDF: the empty user password does not open it".into(),
        ));
    }
    Ok(doc)
}

fn read_page(
    doc: &Document,
    id: lopdf::ObjectId,
    number: usize,
    budget: &mut Budget,
    fonts: &mut HashMap<lopdf::ObjectId, Rc<fonts::Font>>,
) -> content::PageText {
    let mut data = Vec::new();
    for cid in doc.get_page_contents(id) {
        if let Ok(stream) = doc.get_object(cid).and_then(Object::as_stream) {
            if let Some(d) = budget.decompress(stream) {
                data.extend_from_slice(&d);
                data.push(b'\n');
            }
        }
    }
    let resources = match doc.get_page_resources(id) {
        Ok((Some(own), _)) => Some(own),
        Ok((None, inherited)) => inherited.first().and_then(|r| doc.get_dictionary(*r).ok()),
        Err(_) => None,
    };
    let mut interp = content::Interp::new(doc, budget, fonts, number);
    interp.run(&data, resources);
    interp.finish()
}

/// One printed line: runs on one baseline of one page, left to right.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// 1-based page number.
    pub page: usize,
    /// The baseline of the line's main (largest) type.
    pub y: f64,
    /// The largest type size on the line.
    pub size: f64,
    /// The runs, left to right.
    pub runs: Vec<&'a Run>,
}

impl Line<'_> {
    /// The left edge of the first visible text (a space or tab run before
    /// it is no part of what the page shows).
    pub fn x(&self) -> f64 {
        self.visible()
            .next()
            .or(self.runs.first())
            .map_or(0.0, |r| r.x)
    }

    /// The right edge of the visible text.
    pub fn end(&self) -> f64 {
        let end = self
            .visible()
            .map(|r| r.x + r.width)
            .fold(f64::NEG_INFINITY, f64::max);
        if end.is_finite() {
            end
        } else {
            self.runs.iter().map(|r| r.x + r.width).fold(0.0, f64::max)
        }
    }

    fn visible(&self) -> impl Iterator<Item = &&Run> {
        self.runs.iter().filter(|r| !r.text.trim().is_empty())
    }

    /// The line as an extractor prints it: runs joined, a space where the
    /// gap between two is wider than a fifth of the type size. A raised
    /// smaller figure (a note citation) is glued to the text before it and
    /// set off from the text after ("Development,1 including"), the shape
    /// the text reader takes for a citation: on the 220 corpus PDFs this
    /// left 50 notes without a citation, against 313 with the figure set
    /// off on both sides as pdftotext prints it, and 111 with plain gaps.
    pub fn text(&self) -> String {
        self.printed().text
    }

    /// The line's text (as `text`) and the byte ranges of it set in an
    /// italic face (none in right-to-left lines, whose order is turned)
    /// and as raised figures.
    pub fn printed(&self) -> Printed {
        self.printed_on(false)
    }

    /// As [`Line::printed`], on a page set right to left (`rtl_page`),
    /// where a line of Latin and figures only (a note "3 A/69/397.") is
    /// read right to left too.
    pub fn printed_on(&self, rtl_page: bool) -> Printed {
        if runs_rtl(&self.runs) {
            return self.printed_as(true);
        }
        let ltr = self.printed_as(false);
        if !rtl_page || self.runs.iter().any(|r| r.text.chars().any(rtl_char)) {
            return ltr;
        }
        // Latin and figures alone on a right-to-left page: set left to
        // right ("28 December 2023") or as a right-to-left paragraph (a
        // note ".A/78/267" printed with its full stop on the left). The
        // reading that closes the brackets it opens and does not open with
        // a stop is the one meant; left to right where both do.
        let rtl = self.printed_as(true);
        let plausible = |t: &str| (balanced(t), !t.starts_with(['.', ',', ';', ':', '،', '؛']));
        if plausible(&ltr.text) >= plausible(&rtl.text) {
            ltr
        } else {
            rtl
        }
    }

    /// As [`Line::printed`], read right to left (`rtl`) or left to right.
    fn printed_as(&self, rtl: bool) -> Printed {
        let mut out = String::new();
        let mut italic: Vec<Range<usize>> = Vec::new();
        let mut figures: Vec<Range<usize>> = Vec::new();
        let mut end: Option<f64> = None;
        // Where the last gap wider than an em fell in `out`.
        let mut last_tab: Option<usize> = None;
        // A raised figure belongs to the word it follows in reading order:
        // on its left in a left-to-right line, on its right in a
        // right-to-left one, where it is glued to that side (so it never
        // opens the line: at its right end in right to left).
        let n = self.runs.len();
        let raised: Vec<bool> = (0..n)
            .map(|i| if rtl { i + 1 < n } else { i > 0 } && self.is_raised(self.runs[i]))
            .collect();
        for (i, run) in self.runs.iter().enumerate() {
            let starts = raised[i] && !(i > 0 && raised[i - 1]);
            let ends = raised[i] && !raised.get(i + 1).copied().unwrap_or(false);
            let after_figure = i > 0 && raised[i - 1] && !raised[i];
            let glued = if rtl { after_figure } else { starts };
            let gap = end.map_or(0.0, |e| run.x - e);
            let wants_space = end.is_some() && !glued && gap > 0.2 * run.size.max(self.size * 0.5);
            if wants_space && !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            if end.is_some() && gap > run.size.max(self.size * 0.5) {
                last_tab = Some(out.len());
            }
            let from = out.len();
            push_text(&mut out, &run.text);
            if run.italic && out.len() > from {
                match italic.last_mut() {
                    Some(r) if out[r.end..from].trim().is_empty() => r.end = out.len(),
                    _ => italic.push(from..out.len()),
                }
            }
            if raised[i] && out.len() > from {
                match figures.last_mut() {
                    Some(r) if r.end == from => r.end = out.len(),
                    _ => figures.push(from..out.len()),
                }
            }
            if ends && !rtl && !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            end = Some(end.map_or(run.x + run.width, |e: f64| e.max(run.x + run.width)));
        }
        out.truncate(out.trim_end().len());
        // A gap the line's trailing spaces followed has no number after it
        // (and lies past the end the spaces were cut from).
        let last_tab = last_tab.filter(|&at| at < out.len());
        if rtl {
            return right_to_left(&out, &figures, last_tab);
        }
        Printed {
            italic: trimmed_ranges(&out, italic),
            raised: trimmed_ranges(&out, figures),
            text: out,
        }
    }

    /// A figure set smaller and above the baseline: a note citation.
    pub fn is_raised(&self, run: &Run) -> bool {
        run.size < self.size * 0.85
            && run.y > self.y + self.size * 0.15
            && run.text.trim().chars().all(|c| c.is_ascii_digit())
            && !run.text.trim().is_empty()
    }
}

/// A line as printed: its text and the byte ranges of it that the page
/// sets apart.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Printed {
    /// The text as an extractor prints it.
    pub text: String,
    /// Set in an italic face.
    pub italic: Vec<Range<usize>>,
    /// Figures set smaller and above the baseline (note citations).
    pub raised: Vec<Range<usize>>,
}

/// A right-to-left line printed as `out` (visual order, left to right),
/// in reading order. A note's or paragraph's number at the right end, a
/// tab (`last_tab`) from its text, comes first with a space after it; the
/// raised figures (`figures`, byte ranges of `out`) follow their
/// characters. Italics are not kept.
fn right_to_left(out: &str, figures: &[Range<usize>], last_tab: Option<usize>) -> Printed {
    let number = last_tab
        .map(|at| (at, out[at..].trim()))
        .filter(|(_, n)| (1..=3).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()));
    if let Some((at, n)) = number {
        return Printed {
            text: format!("{n} {}", visual_to_logical(out[..at].trim_end())),
            ..Printed::default()
        };
    }
    let chars: Vec<(usize, char)> = out.char_indices().collect();
    let order = logical_order(&chars.iter().map(|&(_, c)| c).collect::<Vec<_>>());
    let is_raised = |at: usize| figures.iter().any(|r| r.contains(&at));
    let mut text = String::with_capacity(out.len());
    let mut raised: Vec<Range<usize>> = Vec::new();
    for &k in &order {
        let (at, c) = chars[k];
        let from = text.len();
        text.push(c);
        if is_raised(at) {
            match raised.last_mut() {
                Some(r) if r.end == from => r.end = text.len(),
                _ => raised.push(from..text.len()),
            }
        }
    }
    Printed {
        raised: trimmed_ranges(&text, raised),
        text,
        italic: Vec::new(),
    }
}

/// Spaces that bind the words around them, kept as printed.
fn no_break(c: char) -> bool {
    matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2007}')
}

/// Whether every closing bracket of `text` closes one opened before it.
fn balanced(text: &str) -> bool {
    let mut open = Vec::new();
    for c in text.chars() {
        match c {
            '(' | '[' | '{' => open.push(c),
            ')' | ']' | '}' if open.pop().map(closer) != Some(c) => return false,
            _ => {}
        }
    }
    true
}

/// Arabic and Hebrew letters: right-to-left.
fn rtl_char(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

fn ltr_char(c: char) -> bool {
    c.is_alphanumeric() && !rtl_char(c)
}

/// A line is right to left when most of its letters are.
fn is_rtl(text: &str) -> bool {
    let rtl = text.chars().filter(|&c| rtl_char(c)).count();
    rtl > 0 && rtl >= text.chars().filter(|&c| ltr_letter(c)).count()
}

/// A right-to-left line read left to right (the order glyphs stand on the
/// page) back into reading order ([`logical_order`]). ToUnicode maps give
/// the logical bracket, so nothing is mirrored.
fn visual_to_logical(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    logical_order(&chars)
        .into_iter()
        .map(|k| chars[k])
        .collect()
}

/// The reading order of a right-to-left line's characters, given in
/// visual order: the indices of `chars`, read right to left, with the
/// stretches the bidi algorithm (UAX #9) sets left to right kept in
/// their own order. Those are, in a right-to-left paragraph:
/// - Latin text: from a letter to its last letter or figure before a
///   right-to-left letter, with what stands between them, and a closing
///   bracket whose opening one it holds (rule N0);
/// - a number: figures joined by single separators (rule W4), by "+"
///   and "-" too where no Arabic letter makes them Arabic numbers.
fn logical_order(chars: &[char]) -> Vec<usize> {
    let arabic = chars.iter().any(|&c| arabic_letter(c));
    let mut units: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let end = if ltr_char(chars[i]) && !chars[i].is_numeric() {
            latin_end(chars, i)
        } else if chars[i].is_numeric() {
            number_end(chars, i, arabic)
        } else {
            i + 1
        };
        units.push(i..end);
        i = end;
    }
    units.into_iter().rev().flatten().collect()
}

/// Where the Latin stretch starting at `from` ends (see [`logical_order`]).
fn latin_end(chars: &[char], from: usize) -> usize {
    let mut last = from;
    let mut j = from;
    while j < chars.len() && !rtl_letter(chars[j]) {
        if ltr_char(chars[j]) {
            last = j;
        }
        j += 1;
    }
    // Brackets opened and not closed in the stretch, with where they stand.
    let mut open: Vec<(usize, char)> = Vec::new();
    for (k, &c) in chars.iter().enumerate().take(last + 1).skip(from) {
        match (c, open.last()) {
            ('(' | '[' | '{', _) => open.push((k, c)),
            (_, Some(&(_, o))) if c == closer(o) => {
                open.pop();
            }
            _ => {}
        }
    }
    // "(A)" set right to left shows as ")A(" around its letters: the
    // opening bracket after them is not theirs.
    if let Some(&(at, _)) = open
        .first()
        .filter(|&&(_, o)| from > 0 && chars[from - 1] == closer(o))
    {
        last = (from..at)
            .rev()
            .find(|&k| ltr_char(chars[k]))
            .unwrap_or(from);
        open.clear();
    }
    let mut end = last + 1;
    for (k, &c) in chars.iter().enumerate().take(j).skip(end) {
        match (c, open.last()) {
            (_, Some(&(_, o))) if c == closer(o) => {
                open.pop();
                end = k + 1;
            }
            _ if c.is_whitespace() || !matches!(c, ')' | ']' | '}') => {}
            _ => break,
        }
    }
    end
}

/// Where the number starting at `from` ends (see [`logical_order`]).
fn number_end(chars: &[char], from: usize, arabic: bool) -> usize {
    let mut j = from;
    while j < chars.len() {
        if chars[j].is_numeric() {
            j += 1;
            continue;
        }
        let joins = matches!(chars[j], ',' | '.' | '/' | ':' | '\u{066B}' | '\u{066C}')
            || (!arabic && matches!(chars[j], '+' | '-'));
        if joins && chars.get(j + 1).is_some_and(|c| c.is_numeric()) {
            j += 1;
        } else {
            break;
        }
    }
    j
}

/// The bracket closing `open`.
fn closer(open: char) -> char {
    match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

/// Letters written right to left (not their punctuation or figures).
fn rtl_letter(c: char) -> bool {
    rtl_char(c) && c.is_alphabetic()
}

/// Letters written left to right: what decides a line's direction with
/// the right-to-left ones (figures are weak, UAX #9).
fn ltr_letter(c: char) -> bool {
    c.is_alphabetic() && !rtl_char(c)
}

/// Arabic letters, which make figures after them Arabic numbers (W2).
fn arabic_letter(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF) && c.is_alphabetic()
}

/// Whether most letters of the runs are right to left.
fn runs_rtl<R: std::borrow::Borrow<Run>>(runs: &[R]) -> bool {
    let (rtl, ltr) = runs
        .iter()
        .flat_map(|r| r.borrow().text.chars())
        .fold((0, 0), |(r, l), c| {
            (r + usize::from(rtl_char(c)), l + usize::from(ltr_letter(c)))
        });
    rtl > 0 && rtl >= ltr
}

/// Appends text, spelling out ligatures, dropping control characters and
/// setting any run of white space as one space (none at the start); a
/// no-break space stays one, as the text printed it (French « and »).
fn push_text(out: &mut String, text: &str) {
    let mut push = |c: char| {
        if c.is_control() && c != '\t' {
            // Line ends and other controls inside a run are no text.
        } else if c.is_whitespace() && !no_break(c) {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    };
    for c in text.chars() {
        match fonts::decompose(c) {
            Some(s) => s.chars().for_each(&mut push),
            None => push(c),
        }
    }
}

/// Ranges of `text` without the white space at their ends, empty ones
/// dropped, clamped to the text.
fn trimmed_ranges(text: &str, ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges
        .into_iter()
        .filter_map(|r| {
            let end = r.end.min(text.len());
            let piece = text.get(r.start..end)?;
            let start = r.start + (piece.len() - piece.trim_start().len());
            let end = r.start + piece.trim_end().len();
            (start < end).then_some(start..end)
        })
        .collect()
}

/// Groups the runs of one page into lines, cut at wide gaps (see
/// `baselines` and `split_at_gaps`).
pub fn lines<'a>(runs: &[&'a Run]) -> Vec<Line<'a>> {
    baselines(runs)
        .into_iter()
        .flat_map(split_at_gaps)
        .collect()
}

/// Groups the runs of one page by baseline: top to bottom, a run joining
/// the line whose baseline lies within half the larger type size. Spaces
/// in type too small to read (Word's spacer paragraphs, 1 pt) are left out:
/// they would fall between the letters of the line above or below.
fn baselines<'a>(runs: &[&'a Run]) -> Vec<Line<'a>> {
    let mut sorted: Vec<&Run> = runs
        .iter()
        .copied()
        .filter(|r| r.upright && r.size > 0.5)
        .filter(|r| r.size >= 3.0 || !r.text.trim().is_empty())
        .collect();
    sorted.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Line> = Vec::new();
    for run in sorted {
        let joins = lines.last().is_some_and(|l| {
            l.page == run.page && (l.y - run.y).abs() < 0.45 * l.size.max(run.size)
        });
        if !joins {
            lines.push(Line {
                page: run.page,
                y: run.y,
                size: run.size,
                runs: Vec::new(),
            });
        }
        let line = lines.last_mut().expect("just pushed");
        if run.size > line.size + 0.01 || (line.runs.is_empty()) {
            line.size = run.size;
            line.y = run.y;
        }
        line.runs.push(run);
    }
    lines
}

/// One page's lines in reading order, each with the table cell it is, if
/// it is one: the tables the page prints in aligned columns read row by
/// row, the other lines cut at wide gaps and in block order.
fn page_lines<'a>(
    runs: &[&'a Run],
    rules: &[tables::Rule],
    table_id: &mut u32,
) -> Vec<(Line<'a>, Option<layout::Cell>)> {
    let base = baselines(runs);
    let found = tables::find(&base, rules, table_id);
    let mut out = Vec::with_capacity(base.len());
    let mut rest: Vec<Line<'a>> = Vec::new();
    let mut found = found.into_iter().peekable();
    let mut lines = base.into_iter().enumerate();
    while let Some((k, line)) = lines.next() {
        let Some(table) = found.next_if(|t| t.lines.start == k) else {
            rest.extend(split_at_gaps(line));
            continue;
        };
        out.extend(
            block_order(std::mem::take(&mut rest))
                .into_iter()
                .map(|l| (l, None)),
        );
        out.extend(table.cells.into_iter().map(|(c, l)| (l, Some(c))));
        // The table's other lines are in its cells.
        for _ in k + 1..table.lines.end {
            lines.next();
        }
    }
    out.extend(block_order(rest).into_iter().map(|l| (l, None)));
    out
}

/// Sorts a line's runs left to right and cuts it where the gap between two
/// is wider than three times the type size: a folio beside a job number, a
/// symbol beside a running head, are separate blocks as extractors print
/// them. Each part gets its own main size and baseline.
fn split_at_gaps(mut line: Line<'_>) -> Vec<Line<'_>> {
    line.runs.sort_by(|a, b| a.x.total_cmp(&b.x));
    // Text printed twice on itself (fake bold) counts once.
    line.runs
        .dedup_by(|b, a| a.text == b.text && (a.x - b.x).abs() < 0.5 && (a.y - b.y).abs() < 0.5);
    let mut parts: Vec<Vec<&Run>> = Vec::new();
    let mut end = f64::NEG_INFINITY;
    for run in line.runs {
        let blank = run.text.trim().is_empty();
        if parts.is_empty() || (!blank && run.x - end > 3.0 * line.size) {
            parts.push(Vec::new());
        }
        if !blank || run.x + run.width > end {
            end = end.max(run.x + if blank { 0.0 } else { run.width });
        }
        parts.last_mut().expect("pushed").push(run);
    }
    parts
        .into_iter()
        .map(|runs| {
            let main = runs
                .iter()
                .filter(|r| !r.text.trim().is_empty())
                .max_by(|a, b| a.size.total_cmp(&b.size))
                .unwrap_or(&runs[0]);
            let (y, size) = (main.y, main.size);
            Line {
                page: line.page,
                y,
                size,
                runs,
            }
        })
        .collect()
}

/// Lines in block order: where a line was cut in two and its right part
/// continues the block of the lines above (a running head of several lines
/// with the symbol beside its last line), the left part waits until that
/// block ends, as extractors that read blocks print it.
fn block_order(lines: Vec<Line<'_>>) -> Vec<Line<'_>> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    // The waiting left part, and the x range and type size of the block
    // it waits for.
    let mut waiting: Option<(Line, (f64, f64, f64))> = None;
    let mut iter = lines.into_iter().peekable();
    while let Some(line) = iter.next() {
        if let Some((_, (x0, x1, size))) = &waiting {
            // The block ends at a line beside it or set in another size
            // (the text below a running head).
            if line.x() >= *x1 || line.end() <= *x0 || (line.size - size).abs() >= 0.5 {
                out.push(waiting.take().expect("checked").0);
            }
        }
        let beside = iter
            .peek()
            .filter(|r| (r.y - line.y).abs() < 0.5 && r.x() > line.end())
            .map(|r| (r.x(), r.end(), r.size));
        // The right part lies under the line above, set in its size (a
        // title beside its number starts a block of its own); the left
        // part does not.
        let continues = |(x0, x1, size): (f64, f64, f64)| {
            out.last().is_some_and(|a| {
                a.x() < x1 && x0 < a.end() && line.end() < a.x() && (a.size - size).abs() < 0.5
            })
        };
        match beside {
            Some(block) if waiting.is_none() && continues(block) => {
                waiting = Some((line, block));
            }
            _ => out.push(line),
        }
    }
    out.extend(waiting.map(|w| w.0));
    out
}

/// The document as pdfminer-like text: one line per printed line, a blank
/// line where the gap to the next is wider than the line spacing, a form
/// feed after each page.
pub fn text_of(x: &Extracted) -> String {
    let mut out = String::new();
    for line in lines_of(x) {
        if line.page_start {
            out.push('\u{c}');
        } else if line.gap_before {
            out.push('\n');
        }
        out.push_str(&line.text);
        if !line.text.is_empty() {
            out.push('\n');
        }
    }
    out
}

/// The document's printed lines in reading order, with what the page says
/// about each; an empty line closes the last page.
pub fn lines_of(x: &Extracted) -> Vec<layout::Line> {
    let mut by_page: Vec<Vec<&Run>> = vec![Vec::new(); x.pages.max(1)];
    for r in x.runs.iter().chain(&x.rules) {
        if let Some(p) = by_page.get_mut(r.page.saturating_sub(1)) {
            p.push(r);
        }
    }
    let mut drawn: Vec<Vec<tables::Rule>> = vec![Vec::new(); by_page.len()];
    for &(page, rule) in &x.drawn {
        if let Some(p) = drawn.get_mut(page.saturating_sub(1)) {
            p.push(rule);
        }
    }
    let body_size = body_size(&x.runs);
    let mut table_id = 0;
    let mut out = Vec::new();
    // Each page's lines near its top and bottom edge: (index, baseline).
    let mut edges: Vec<Vec<(usize, f64)>> = Vec::new();
    let mut page_start = false;
    for (page, rules) in by_page.iter().zip(&drawn) {
        let lines = page_lines(page, rules, &mut table_id);
        let rtl_page = runs_rtl(page);
        let column = Column::of(lines.iter().filter(|l| l.1.is_none()).map(|l| &l.0));
        let mut prev: Option<(f64, f64)> = None;
        let first = out.len();
        let mut ys = Vec::new();
        for (line, cell) in &lines {
            let Printed {
                text,
                italic,
                raised,
            } = line.printed_on(rtl_page);
            if text.is_empty() {
                continue;
            }
            let gap_before = prev.is_some_and(|(y, size)| y - line.y > 1.5 * size.max(line.size));
            out.push(layout::Line {
                text,
                page_start: std::mem::take(&mut page_start),
                gap_before,
                facts: layout::Facts {
                    geometry: column.place(line),
                    italic,
                    raised,
                    furniture: false,
                    cell: *cell,
                },
            });
            ys.push(line.y);
            prev = Some((line.y, line.size));
        }
        if !edges.is_empty() {
            mark_head_block(&mut out[first..], body_size);
        }
        let n = ys.len();
        edges.push(
            (0..n)
                .filter(|&k| k < EDGE_LINES || k + EDGE_LINES >= n)
                .map(|k| (first + k, ys[k]))
                .collect(),
        );
        // The next page's first line (or the closing empty line) starts a
        // page, as a form feed after this page would.
        page_start = true;
    }
    mark_repeated(&mut out, &edges);
    out.push(layout::Line {
        page_start: true,
        ..layout::Line::default()
    });
    out
}

/// The type size most of the text is set in.
fn body_size(runs: &[Run]) -> f32 {
    let mut chars: HashMap<i64, usize> = HashMap::new();
    for r in runs {
        *chars.entry((r.size * 10.0).round() as i64).or_default() += r.text.len();
    }
    chars
        .into_iter()
        .max_by_key(|&(size, n)| (n, size))
        .map_or(0.0, |(size, _)| size as f32 / 10.0)
}

/// Most lines a running head takes.
const HEAD_LINES: usize = 6;

/// Marks the running head at the top of a later page: the lines set
/// smaller than the text before the first line that is not, when a gap
/// parts them from it.
fn mark_head_block(page: &mut [layout::Line], body_size: f32) {
    let k = page
        .iter()
        .take_while(|l| l.facts.geometry.size < 0.95 * body_size && l.facts.cell.is_none())
        .count();
    if (1..=HEAD_LINES).contains(&k) && page.get(k).is_some_and(|l| l.gap_before) {
        for l in &mut page[..k] {
            l.facts.furniture = true;
        }
    }
}

/// How many lines at a page's top and bottom edge may be furniture.
const EDGE_LINES: usize = 3;

/// Marks the lines near a page edge that another page prints in the same
/// words at the same height: running heads and footers, however short
/// ("Commodities"), which no rule about their words would find.
fn mark_repeated(out: &mut [layout::Line], edges: &[Vec<(usize, f64)>]) {
    let mut seen: HashMap<&str, Vec<(usize, f64)>> = HashMap::new();
    for (p, page) in edges.iter().enumerate() {
        for &(i, y) in page {
            seen.entry(out[i].text.as_str()).or_default().push((p, y));
        }
    }
    let mut repeated = Vec::new();
    for (p, page) in edges.iter().enumerate() {
        for &(i, y) in page {
            let again = seen[out[i].text.as_str()]
                .iter()
                .any(|&(q, z)| q != p && (y - z).abs() < 2.0);
            // A note separator stands at one height on many pages too.
            let rule = out[i].text.bytes().all(|b| b == b'_');
            if again && out[i].facts.cell.is_none() && !rule {
                repeated.push(i);
            }
        }
    }
    for i in repeated {
        out[i].facts.furniture = true;
    }
}

/// The value most of `values` lie within a point and a half of (ties: the
/// largest when `largest`, else the smallest); `None` when there are none.
fn most_common(values: impl Iterator<Item = f64>, largest: bool) -> Option<f64> {
    let mut values: Vec<f64> = values.collect();
    values.sort_by(f64::total_cmp);
    let near = |v: f64| values.iter().filter(|w| (*w - v).abs() < 1.5).count();
    let mut best: Option<(usize, f64)> = None;
    for &v in &values {
        let n = near(v);
        if best.is_none_or(|(m, _)| n > m || (n == m && largest)) {
            best = Some((n, v));
        }
    }
    best.map(|(_, v)| v)
}

/// A page's text column: the edges its long lines share.
#[derive(Debug, Clone, Copy)]
struct Column {
    left: f64,
    right: f64,
    /// Several long lines end at the right edge: the text is justified.
    justified: bool,
}

impl Column {
    /// Lines at least three fifths as wide as the widest count as long;
    /// the edges are where most of them start and end (a running head or
    /// a masthead line reaching further is no edge of the text).
    fn of<'l, 'a: 'l>(lines: impl Iterator<Item = &'l Line<'a>> + Clone) -> Column {
        let widest = lines.clone().map(|l| l.end() - l.x()).fold(0.0, f64::max);
        let long: Vec<&Line> = lines.filter(|l| l.end() - l.x() >= 0.6 * widest).collect();
        let left = most_common(long.iter().map(|l| l.x()), false);
        let right = most_common(long.iter().map(|l| l.end()), true);
        let at_right = right.map_or(0, |r| {
            long.iter().filter(|l| (l.end() - r).abs() < 1.5).count()
        });
        let left = left.unwrap_or(0.0);
        Column {
            left,
            right: right.unwrap_or(left + widest),
            justified: at_right >= 3,
        }
    }

    /// Where `line` stands in the column.
    fn place(&self, line: &Line<'_>) -> layout::Geometry {
        let (x, end, size) = (line.x(), line.end(), line.size.max(1.0));
        // A right-to-left line starts at the right edge: its indent is
        // measured from there, and a short one stops short of the left.
        let rtl = runs_rtl(&line.runs);
        let (indent, short) = if rtl {
            (self.right - end, x > self.left + 1.2 * size)
        } else {
            (x - self.left, end < self.right - 1.2 * size)
        };
        let middle = (self.left + self.right) / 2.0;
        // Set apart from both edges by more than an em, the gaps even: a
        // long centred heading comes closer to the edges than two ems.
        let centred = x - self.left > size
            && end < self.right - size
            && ((x + end) / 2.0 - middle).abs() < size.max(3.0);
        let letters = || {
            line.runs
                .iter()
                .filter(|r| r.text.chars().any(char::is_alphabetic))
        };
        let any = letters().next().is_some();
        let (bold, italic) = (
            any && letters().all(|r| r.bold),
            any && letters().all(|r| r.italic),
        );
        layout::Geometry {
            indent: indent.max(0.0) as f32,
            short: self.justified.then_some(short),
            centred,
            size: size as f32,
            bold,
            italic,
        }
    }
}

#[cfg(test)]
mod tests;
