//! Fidelity of the PDF reader: the IR read from each PDF against the IR
//! read from each text extraction of the same PDF (`make fidelity`).
//!
//! `cargo run --release --example fidelity -- [--cache DIR] [--expected TSV]
//! [--worst N] CORPUS_DIR...`; `--show FILE.pdf` prints, for one PDF, the
//! paragraphs that each pair of readings does not align; `--diffs
//! EXTRACTOR` prints, over all PDFs, each paragraph that extractor's reading
//! misses, beside its twin from where they differ, marked `in-order` when
//! the extraction carries its text in order (a text reader could get it
//! right) or `scrambled` (the extractor moved words).
//!
//! For every `CORPUS_DIR/X.pdf` the extractions are `X.EXTRACTOR.txt`
//! beside it or, failing that, `DIR/<basename of CORPUS_DIR>/X.EXTRACTOR.txt`
//! in the cache (`examples/fidelity_extract.py` makes them). Prints the
//! agreement per extractor, the worst documents with their counts side by
//! side, the warnings each reading gave, and, with `--expected`, the PDF
//! reading's counts against counts checked on the printed pages
//! (`tests/expected/pdf_counts.tsv`). The output is sorted and the same run
//! to run.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use unres::convert::read_kind;
use unres::ir::{Block, Inline, Paragraph, Resolution, Warning};
use unres::read::{Kind, ReadOptions};

/// The extractions compared, in the order they are shown.
const EXTRACTORS: &[&str] = &[
    "pdftotext",
    "pdftotext-layout",
    "pdfminer",
    "pymupdf",
    "pypdf",
];

/// The warning codes counted per reading, in the order they are shown.
const WARNINGS: &[(&str, &str)] = &[
    ("note-without-citation", "uncited"),
    ("citation-not-found", "cit. not found"),
    ("citation-without-note", "cit. w/o note"),
    ("numbering-gap", "num. gap"),
    ("numbering-restart", "num. restart"),
];

const HEADER: &str = "\
fidelity: the IR read from each PDF (read::pdf) against the IR read from each text
extraction of the same PDF (read::text), one document at a time.

counts  pre: preambular paragraphs; op: numbered top-level paragraphs of the body;
        sub: sub-paragraphs at every level under preambular and operative paragraphs;
        notes; annex: annexes. \"counts agree\": all five equal.
text    the document as a sequence of paragraphs: every paragraph of the preamble,
        the body and the annexes (its number and its own text; each sub-paragraph
        and each wrap-up is a paragraph of its own), every heading, annex title,
        table (all cells) and note, in document order; compared with all
        whitespace removed and emphasis dropped, citations kept as [^N].
        \"aligned\": share of the PDF reading's paragraphs that a longest common
        subsequence of the two sequences pairs with an identical paragraph (in
        order; a paragraph split, merged or lost costs only itself, not all that
        follow). \"hyphens aside\": the same with every hyphen removed from both
        readings: extractors drop the hyphen of a word they join across a line
        end (\"capacity-\" / \"building\" -> \"capacitybuilding\"), which no reader
        of the text can restore. \"in place\": share equal to the paragraph at
        the same index.";

/// What one reading of a document holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Counts {
    pre: usize,
    op: usize,
    sub: usize,
    notes: usize,
    annexes: usize,
    tables: usize,
}

impl Counts {
    /// The five compared, in the order shown.
    fn five(&self) -> [usize; 5] {
        [self.pre, self.op, self.sub, self.notes, self.annexes]
    }
}

/// One reading: its counts, its paragraph texts and its warning codes.
struct Reading {
    counts: Counts,
    units: Vec<String>,
    places: Vec<Place>,
    warnings: BTreeMap<&'static str, usize>,
    /// Paragraphs that are page furniture kept as text (see `is_furniture`).
    furniture: usize,
}

/// One extraction compared with the PDF reading.
struct Comparison {
    extractor: &'static str,
    reading: Result<Reading, String>,
    aligned: usize,
    /// Aligned once hyphens are removed from both readings.
    aligned_unhyphened: usize,
    in_place: usize,
    /// The PDF reading's paragraphs whose text the extraction carries in
    /// order (see `in_order`), and how many of those are aligned once
    /// hyphens are aside.
    in_order: usize,
    aligned_in_order: usize,
}

/// One PDF and all its readings.
struct Document {
    corpus: String,
    name: String,
    pdf: Result<Reading, String>,
    others: Vec<Comparison>,
}

impl Document {
    /// The shares of the PDF reading's paragraphs aligned with each
    /// extraction read.
    fn shares(&self) -> Vec<f64> {
        let Ok(pdf) = &self.pdf else {
            return Vec::new();
        };
        self.others
            .iter()
            .filter(|c| c.reading.is_ok())
            .map(|c| share(c.aligned, pdf.units.len()))
            .collect()
    }

    /// The best share over the extractions: low only when no extraction
    /// reads the document as the PDF reading does.
    fn best_aligned(&self) -> Option<f64> {
        self.shares().into_iter().reduce(f64::max)
    }

    /// The mean share over the extractions.
    fn mean_aligned(&self) -> Option<f64> {
        let shares = self.shares();
        (!shares.is_empty()).then(|| shares.iter().sum::<f64>() / shares.len() as f64)
    }

    /// How many extractions disagree with the PDF reading on the counts.
    fn count_disagreements(&self) -> usize {
        let Ok(pdf) = &self.pdf else { return 0 };
        self.others
            .iter()
            .filter(|c| matches!(&c.reading, Ok(r) if r.counts.five() != pdf.counts.five()))
            .count()
    }
}

fn share(n: usize, of: usize) -> f64 {
    if of == 0 {
        1.0
    } else {
        n as f64 / of as f64
    }
}

fn pct(n: usize, of: usize) -> String {
    format!("{n}/{of} ({:.1}%)", 100.0 * share(n, of))
}

fn sub_count(p: &Paragraph) -> usize {
    p.items.len() + p.items.iter().map(sub_count).sum::<usize>()
}

fn paragraphs(blocks: &[Block]) -> Vec<&Paragraph> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p),
            _ => None,
        })
        .collect()
}

fn counts(res: &Resolution) -> Counts {
    let pre = paragraphs(&res.preamble);
    let body = paragraphs(&res.body);
    let all_blocks = res
        .preamble
        .iter()
        .chain(&res.body)
        .chain(res.annexes.iter().flat_map(|a| &a.content));
    Counts {
        pre: pre.len(),
        op: body.iter().filter(|p| p.num.is_some()).count(),
        sub: pre.iter().chain(&body).map(|p| sub_count(p)).sum(),
        notes: res.notes.len(),
        annexes: res.annexes.len(),
        tables: all_blocks.filter(|b| matches!(b, Block::Table(_))).count(),
    }
}

/// The text of inlines without whitespace or emphasis, citations as `[^N]`.
fn squeeze(inlines: &[Inline], out: &mut String) {
    for i in inlines {
        match i {
            Inline::Text(t) => out.extend(t.chars().filter(|c| !c.is_whitespace())),
            Inline::NoteRef(m) => {
                let _ = write!(out, "[^{m}]");
            }
            Inline::Emphasis(inner) => squeeze(inner, out),
        }
    }
}

/// Where a paragraph stands, for `--show`.
type Place = &'static str;

/// Paragraphs of the document in order, each with where it stands.
#[derive(Default)]
struct Units {
    texts: Vec<String>,
    places: Vec<Place>,
}

impl Units {
    fn push(&mut self, place: Place, text: String) {
        self.texts.push(text);
        self.places.push(place);
    }
}

fn num_text(num: &Option<String>) -> String {
    num.iter()
        .flat_map(|n| n.chars())
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn paragraph_units(p: &Paragraph, place: Place, out: &mut Units) {
    let mut s = num_text(&p.num);
    squeeze(&p.content, &mut s);
    out.push(place, s);
    for i in &p.items {
        paragraph_units(i, "sub", out);
    }
    if !p.wrap_up.is_empty() {
        let mut s = String::new();
        squeeze(&p.wrap_up, &mut s);
        out.push("wrap", s);
    }
}

fn block_units(b: &Block, place: Place, out: &mut Units) {
    match b {
        Block::Paragraph(p) => paragraph_units(p, place, out),
        Block::Heading(h) => {
            let mut s = num_text(&h.num);
            squeeze(&h.text, &mut s);
            out.push("heading", s);
        }
        Block::Table(t) => {
            let mut s = String::from("table:");
            for cell in t.rows.iter().flatten() {
                squeeze(cell, &mut s);
                s.push('|');
            }
            out.push("table", s);
        }
    }
}

/// The document as its sequence of paragraphs (see `HEADER`).
fn units(res: &Resolution) -> Units {
    let mut out = Units::default();
    for b in &res.preamble {
        block_units(b, "pre", &mut out);
    }
    for b in &res.body {
        block_units(b, "body", &mut out);
    }
    for a in &res.annexes {
        let mut s: String = a.label.chars().filter(|c| !c.is_whitespace()).collect();
        squeeze(&a.title, &mut s);
        out.push("annex", s);
        for b in &a.content {
            block_units(b, "in annex", &mut out);
        }
    }
    for n in &res.notes {
        let mut s = format!("{}:", n.marker);
        squeeze(&n.content, &mut s);
        out.push("note", s);
    }
    out
}

fn read(kind: Kind, path: &Path) -> Result<Reading, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (res, warnings): (Resolution, Vec<Warning>) =
        read_kind(kind, &bytes, &ReadOptions::default())
            .map_err(|e| format!("{}: {e}", path.display()))?;
    let mut codes = BTreeMap::new();
    for w in &warnings {
        *codes.entry(w.code()).or_default() += 1;
    }
    let Units { texts, places } = units(&res);
    let furniture = texts.iter().filter(|t| is_furniture(t, &res)).count();
    Ok(Reading {
        counts: counts(&res),
        units: texts,
        places,
        warnings: codes,
        furniture,
    })
}

/// Whether a paragraph (whitespace removed) is page furniture kept as text:
/// the symbol, a piece of a running head or of the title, or the symbol
/// with such a piece ("A/RES/78/249Tribunals").
fn is_furniture(unit: &str, res: &Resolution) -> bool {
    let squeezed = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let symbol = squeezed(&res.meta.symbol);
    let mut rest = unit;
    if !symbol.is_empty() {
        rest = rest.strip_prefix(symbol.as_str()).unwrap_or(rest);
        rest = rest.strip_suffix(symbol.as_str()).unwrap_or(rest);
    }
    if rest.is_empty() {
        return !symbol.is_empty();
    }
    std::iter::once(&res.meta.title)
        .chain(&res.meta.running_heads)
        .any(|h| squeezed(h).contains(rest))
}

/// The length of a longest common subsequence of `a` and `b`.
fn lcs(a: &[String], b: &[String]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The indices of `a` that a longest common subsequence with `b` pairs.
fn lcs_matched(a: &[String], b: &[String]) -> Vec<bool> {
    let w = b.len() + 1;
    let mut t = vec![0u32; (a.len() + 1) * w];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            t[i * w + j] = if a[i] == b[j] {
                t[(i + 1) * w + j + 1] + 1
            } else {
                t[(i + 1) * w + j].max(t[i * w + j + 1])
            };
        }
    }
    let (mut i, mut j, mut matched) = (0, 0, vec![false; a.len()]);
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            matched[i] = true;
            (i, j) = (i + 1, j + 1);
        } else if t[(i + 1) * w + j] >= t[i * w + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    matched
}

/// `--show NAME`: the PDF reading's paragraphs that an extraction has no
/// aligned twin for, and that extraction's own unaligned paragraphs.
fn show(pdf: &Path, cache: Option<&Path>) -> String {
    let mut out = String::new();
    let from_pdf = match read(Kind::Pdf, pdf) {
        Ok(r) => r,
        Err(e) => return format!("pdf: {e}\n"),
    };
    let clip = |s: &str| s.chars().take(110).collect::<String>();
    let _ = writeln!(out, "### pdf reading: where each paragraph stands (runs)");
    let mut k = 0;
    while k < from_pdf.places.len() {
        let place = from_pdf.places[k];
        let run = from_pdf.places[k..]
            .iter()
            .take_while(|&&p| p == place)
            .count();
        let first: String = from_pdf.units[k].chars().take(60).collect();
        let _ = writeln!(out, "  #{k} {place} x{run}: {first}");
        k += run;
    }
    for &extractor in EXTRACTORS {
        let Some(path) = extraction(pdf, extractor, cache) else {
            continue;
        };
        let r = match read(Kind::Text, &path) {
            Ok(r) => r,
            Err(e) => {
                let _ = writeln!(out, "{extractor}: {e}");
                continue;
            }
        };
        let _ = writeln!(
            out,
            "\n### {extractor}: pdf paragraphs without an aligned twin"
        );
        for (k, m) in lcs_matched(&from_pdf.units, &r.units).iter().enumerate() {
            if !m {
                let place = from_pdf.places[k];
                let _ = writeln!(out, "  pdf#{k} {place}: {}", clip(&from_pdf.units[k]));
            }
        }
        let _ = writeln!(
            out,
            "### {extractor}: its own paragraphs without an aligned twin"
        );
        for (k, m) in lcs_matched(&r.units, &from_pdf.units).iter().enumerate() {
            if !m {
                let place = r.places[k];
                let _ = writeln!(out, "  {extractor}#{k} {place}: {}", clip(&r.units[k]));
            }
        }
    }
    out
}

/// `--diffs EXTRACTOR`: over every document, each PDF paragraph without an
/// aligned twin in that extraction's reading, paired with the reading's
/// unaligned paragraph in the same gap between aligned ones (if any), shown
/// from where the two first differ; the material for finding failure classes.
fn diffs(pdfs: &[PathBuf], extractor: &str, cache: Option<&Path>) -> String {
    let lines: Vec<String> = pdfs
        .par_iter()
        .map(|pdf| {
            let mut out = String::new();
            let (Ok(p), Some(path)) = (read(Kind::Pdf, pdf), extraction(pdf, extractor, cache))
            else {
                return out;
            };
            let Ok(r) = read(Kind::Text, &path) else {
                return out;
            };
            let (pu, ru) = (unhyphened(&p.units), unhyphened(&r.units));
            let (mp, mr) = (lcs_matched(&pu, &ru), lcs_matched(&ru, &pu));
            let raw = raw_text(&path);
            let name = pdf
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            let (mut i, mut j) = (0, 0);
            while i < p.units.len() {
                if mp[i] {
                    while j < r.units.len() && !mr[j] {
                        j += 1;
                    }
                    (i, j) = (i + 1, j + 1);
                    continue;
                }
                let twin = (j < r.units.len() && !mr[j]).then(|| &r.units[j]);
                let a = &p.units[i];
                let b = twin.map(String::as_str).unwrap_or("");
                let at = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
                let from = at.saturating_sub(30);
                let clip = |s: &str| s.chars().skip(from).take(90).collect::<String>();
                let carried = if in_order(&plain_unit(&pu[i]), &raw) {
                    "in-order"
                } else {
                    "scrambled"
                };
                let _ = writeln!(
                    out,
                    "{name} {carried} {} {}@{at}/{}\n  pdf : {}\n  text: {}",
                    p.places[i],
                    if twin.is_some() { "pair" } else { "alone" },
                    a.chars().count(),
                    clip(a),
                    if twin.is_some() {
                        clip(b)
                    } else {
                        String::from("-")
                    }
                );
                i += 1;
                if twin.is_some() {
                    j += 1;
                }
            }
            out
        })
        .collect();
    lines.concat()
}

/// The extraction of `pdf` by `extractor`: beside it, else in the cache.
fn extraction(pdf: &Path, extractor: &str, cache: Option<&Path>) -> Option<PathBuf> {
    let stem = pdf.file_stem()?.to_str()?;
    let file = format!("{stem}.{extractor}.txt");
    let beside = pdf.with_file_name(&file);
    if beside.is_file() {
        return Some(beside);
    }
    let corpus = pdf.parent()?.file_name()?;
    let cached = cache?.join(corpus).join(&file);
    cached.is_file().then_some(cached)
}

fn document(pdf: &Path, cache: Option<&Path>) -> Document {
    let corpus = pdf
        .parent()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = pdf
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let from_pdf = read(Kind::Pdf, pdf);
    let others = EXTRACTORS
        .iter()
        .filter_map(|&extractor| {
            let path = extraction(pdf, extractor, cache)?;
            let reading = read(Kind::Text, &path);
            let mut c = Comparison {
                extractor,
                aligned: 0,
                aligned_unhyphened: 0,
                in_place: 0,
                in_order: 0,
                aligned_in_order: 0,
                reading: Err(String::new()),
            };
            if let (Ok(p), Ok(r)) = (&from_pdf, &reading) {
                c.aligned = lcs(&p.units, &r.units);
                let (pu, ru) = (unhyphened(&p.units), unhyphened(&r.units));
                let matched = lcs_matched(&pu, &ru);
                c.aligned_unhyphened = matched.iter().filter(|&&m| m).count();
                c.in_place = p.units.iter().zip(&r.units).filter(|(x, y)| x == y).count();
                let raw = raw_text(&path);
                for (k, unit) in pu.iter().enumerate() {
                    if in_order(&plain_unit(unit), &raw) {
                        c.in_order += 1;
                        c.aligned_in_order += usize::from(matched[k]);
                    } else if std::env::var_os("FIDELITY_DEBUG").is_some() {
                        eprintln!("{extractor} {}: {}", pdf.display(), plain_unit(unit));
                    }
                }
            }
            c.reading = reading;
            Some(c)
        })
        .collect();
    Document {
        corpus,
        name,
        pdf: from_pdf,
        others,
    }
}

/// An extraction's text as a reader of it meets it: whitespace and hyphens
/// removed.
fn raw_text(path: &Path) -> String {
    let text = std::fs::read(path).unwrap_or_default();
    String::from_utf8_lossy(&text)
        .chars()
        .filter(|&c| !c.is_whitespace() && !is_hyphen(c))
        .collect()
}

/// A paragraph unit (hyphens already removed) as its text stands in an
/// extraction: citations as their bare marker, a note without its marker
/// (extractors may set the markers of a page's notes apart from them).
fn plain_unit(unit: &str) -> String {
    let mut out = String::with_capacity(unit.len());
    let mut rest = unit;
    while let Some(at) = rest.find("[^") {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 2..];
        match tail.find(']') {
            Some(end) => {
                out.push_str(&tail[..end]);
                rest = &tail[end + 1..];
            }
            None => {
                rest = &rest[at..];
                break;
            }
        }
    }
    out.push_str(rest);
    match out.split_once(':') {
        Some((marker, text))
            if !marker.is_empty() && marker.chars().all(|c| c.is_ascii_digit()) =>
        {
            text.to_string()
        }
        _ => out,
    }
}

/// Whether an extraction carries a paragraph's text in order: the text is
/// found as at most four pieces, each after the one before within a page's
/// worth of characters (page furniture and notes between them), every piece
/// but the first (a number label may stand apart from its text) and a last
/// short one at least 10 characters long. A paragraph an extractor set out
/// of order (words of a justified line moved elsewhere) is not, and no
/// reader of that text can give it back.
fn in_order(unit: &str, raw: &str) -> bool {
    let first = longest_prefix_in(unit, raw);
    if first == 0 {
        return false;
    }
    let (piece, rest) = unit.split_at(first);
    raw.match_indices(piece)
        .take(200)
        .any(|(at, _)| in_order_after(rest, raw, at + piece.len(), 3))
}

/// The rest of `in_order`: `unit` found from `from` on in at most
/// `pieces` pieces.
fn in_order_after(unit: &str, raw: &str, from: usize, pieces: usize) -> bool {
    const WINDOW: usize = 8000;
    if unit.is_empty() {
        return true;
    }
    if pieces == 0 {
        return false;
    }
    let mut end = (from + WINDOW).min(raw.len());
    while !raw.is_char_boundary(end) {
        end += 1;
    }
    let hay = &raw[from..end];
    let n = longest_prefix_in(unit, hay);
    let chars = unit[..n].chars().count();
    if n == 0 || (chars < 10 && n < unit.len()) {
        return false;
    }
    let at = hay.find(&unit[..n]).unwrap_or(0);
    in_order_after(&unit[n..], raw, from + at + n, pieces - 1)
}

/// The length in bytes of the longest prefix of `unit` found in `hay`.
fn longest_prefix_in(unit: &str, hay: &str) -> usize {
    let ends: Vec<usize> = unit.char_indices().map(|(i, c)| i + c.len_utf8()).collect();
    let (mut lo, mut hi) = (0, ends.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if hay.contains(&unit[..ends[mid - 1]]) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    if lo == 0 {
        0
    } else {
        ends[lo - 1]
    }
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{ad}' | '\u{2010}' | '\u{2011}')
}

/// The paragraphs with every hyphen removed (see `HEADER`).
fn unhyphened(units: &[String]) -> Vec<String> {
    units.iter().map(|u| u.replace(is_hyphen, "")).collect()
}

/// Per extractor and corpus: documents, count agreement, paragraphs.
#[derive(Default)]
struct Tally {
    docs: usize,
    agree: usize,
    /// Documents only the PDF reading, only the extraction's, or both
    /// failed on.
    pdf_failed: usize,
    text_failed: usize,
    both_failed: usize,
    paragraphs: usize,
    aligned: usize,
    aligned_unhyphened: usize,
    in_place: usize,
    in_order: usize,
    aligned_in_order: usize,
    /// Documents whose count differs, per count (pre, op, sub, notes, annex).
    differ: [usize; 5],
}

fn agreement(docs: &[Document], corpora: &[String]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\n## 1. Agreement of the PDF reading with each extraction\n"
    );
    let _ = writeln!(
        out,
        "{:<17} {:<7} {:>5}  {:<18} {:<20} {:<20} {:<20}  docs differing on pre/op/sub/notes/annex",
        "extractor",
        "corpus",
        "docs",
        "counts agree",
        "paragraphs aligned",
        "hyphens aside",
        "paragraphs in place"
    );
    let mut scopes: Vec<Option<&str>> = corpora.iter().map(|c| Some(c.as_str())).collect();
    if corpora.len() > 1 {
        scopes.push(None);
    }
    let mut in_order_rows = String::new();
    for &extractor in EXTRACTORS {
        for scope in &scopes {
            let mut t = Tally::default();
            for d in docs.iter().filter(|d| scope.is_none_or(|c| c == d.corpus)) {
                let Some(c) = d.others.iter().find(|c| c.extractor == extractor) else {
                    continue;
                };
                t.docs += 1;
                let (Ok(p), Ok(r)) = (&d.pdf, &c.reading) else {
                    match (d.pdf.is_err(), c.reading.is_err()) {
                        (true, true) => t.both_failed += 1,
                        (true, false) => t.pdf_failed += 1,
                        _ => t.text_failed += 1,
                    }
                    continue;
                };
                let (a, b) = (p.counts.five(), r.counts.five());
                t.agree += usize::from(a == b);
                for k in 0..5 {
                    t.differ[k] += usize::from(a[k] != b[k]);
                }
                t.paragraphs += p.units.len();
                t.aligned += c.aligned;
                t.aligned_unhyphened += c.aligned_unhyphened;
                t.in_place += c.in_place;
                t.in_order += c.in_order;
                t.aligned_in_order += c.aligned_in_order;
            }
            if t.docs == 0 {
                continue;
            }
            let failed = match (t.pdf_failed, t.text_failed, t.both_failed) {
                (0, 0, 0) => String::new(),
                (p, x, b) => format!(" (not read by: pdf {p}, text {x}, both {b})"),
            };
            let _ = writeln!(
                out,
                "{:<17} {:<7} {:>5}  {:<18} {:<20} {:<20} {:<20}  {}{failed}",
                extractor,
                scope.unwrap_or("all"),
                t.docs,
                pct(t.agree, t.docs),
                pct(t.aligned, t.paragraphs),
                pct(t.aligned_unhyphened, t.paragraphs),
                pct(t.in_place, t.paragraphs),
                t.differ.map(|n| n.to_string()).join("/"),
            );
            let _ = writeln!(
                in_order_rows,
                "{:<17} {:<7} {:<22} {:<22}",
                extractor,
                scope.unwrap_or("all"),
                pct(t.in_order, t.paragraphs),
                pct(t.aligned_in_order, t.in_order),
            );
        }
    }
    let _ = writeln!(
        out,
        "\nThe PDF reading's paragraphs that the extraction carries in order (found in\n\
         its text as at most four pieces, in order, a page apart at most: an\n\
         extractor that moved words of a line elsewhere does not), and how many of\n\
         those the reading of that text aligns (hyphens aside): what a text reader\n\
         can get right, and what it does.\n\n{:<17} {:<7} {:<22} {:<22}\n{in_order_rows}",
        "extractor", "corpus", "carried in order", "aligned of those"
    );
    // Tables are not among the five counts (only pdftotext -layout keeps
    // columns apart in text), but how many each reading finds tells where
    // the PDF reader stands.
    let mut tables = vec![format!(
        "pdf {}/{}",
        docs.iter()
            .filter(|d| d.pdf.as_ref().is_ok_and(|r| r.counts.tables > 0))
            .count(),
        docs.iter()
            .filter_map(|d| d.pdf.as_ref().ok())
            .map(|r| r.counts.tables)
            .sum::<usize>()
    )];
    for &e in EXTRACTORS {
        let read: Vec<&Reading> = docs
            .iter()
            .filter_map(|d| d.others.iter().find(|c| c.extractor == e))
            .filter_map(|c| c.reading.as_ref().ok())
            .collect();
        tables.push(format!(
            "{e} {}/{}",
            read.iter().filter(|r| r.counts.tables > 0).count(),
            read.iter().map(|r| r.counts.tables).sum::<usize>()
        ));
    }
    let _ = writeln!(
        out,
        "\ntables read (documents with one / tables in all): {}",
        tables.join(", ")
    );
    let missing: Vec<String> = EXTRACTORS
        .iter()
        .filter_map(|&e| {
            let n = docs
                .iter()
                .filter(|d| !d.others.iter().any(|c| c.extractor == e))
                .count();
            (n > 0).then(|| format!("{e} for {n}"))
        })
        .collect();
    if !missing.is_empty() {
        let _ = writeln!(
            out,
            "\nno extraction (neither beside the PDF nor in the cache): {}",
            missing.join(", ")
        );
    }
    out
}

/// The five counts of a reading, each marked `*` where it differs from
/// `reference`'s.
fn counts_cell(r: &Result<Reading, String>, reference: Option<&Counts>) -> String {
    let Ok(r) = r else {
        return format!("{:<29}", "  unread");
    };
    let own = r.counts.five();
    let widths = [4, 4, 4, 5, 5];
    (0..5)
        .map(|k| {
            let differs = reference.is_some_and(|c| c.five()[k] != own[k]);
            format!(
                "{:>w$}{}",
                own[k],
                if differs { "*" } else { " " },
                w = widths[k]
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn worst(docs: &[Document], n: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\n## 2. The {n} worst documents\n\n\
         Ranked by the best share of the PDF reading's paragraphs aligned with any one\n\
         extraction (lowest first: no extraction reads the document as the PDF reader\n\
         does, so the PDF reading is the likelier to be wrong; a document where only some\n\
         extractions disagree is their failure more often than the PDF reader's), then by\n\
         the mean share, then by how many extractions disagree on the counts;\n\
         a PDF the reader fails on while an extraction reads comes first (documents no\n\
         reading reads are listed in section 3). * marks a count that differs from the PDF's.\n"
    );
    let mut ranked: Vec<&Document> = docs
        .iter()
        .filter(|d| d.pdf.is_ok() || d.others.iter().any(|c| c.reading.is_ok()))
        .filter(|d| !d.others.is_empty())
        .collect();
    ranked.sort_by(|a, b| {
        let best = |d: &Document| d.best_aligned().unwrap_or(-1.0);
        let mean = |d: &Document| d.mean_aligned().unwrap_or(-1.0);
        best(a)
            .total_cmp(&best(b))
            .then(mean(a).total_cmp(&mean(b)))
            .then(b.count_disagreements().cmp(&a.count_disagreements()))
            .then_with(|| (&a.corpus, &a.name).cmp(&(&b.corpus, &b.name)))
    });
    for d in ranked.into_iter().take(n) {
        let pct_of = |x: Option<f64>| x.map_or("-".to_string(), |m| format!("{:.1}%", 100.0 * m));
        let (best, mean) = (pct_of(d.best_aligned()), pct_of(d.mean_aligned()));
        let _ = writeln!(
            out,
            "{}/{}  aligned best {best}, mean {mean}, counts differ in {} of {}",
            d.corpus,
            d.name,
            d.count_disagreements(),
            d.others.len()
        );
        let _ = writeln!(
            out,
            "  {:<17} {:>4}  {:>4}  {:>4}  {:>5}  {:>5}  {:>10}  {:>9}",
            "reading", "pre", "op", "sub", "notes", "annex", "paragraphs", "aligned"
        );
        let units = d.pdf.as_ref().map_or(0, |p| p.units.len());
        let _ = writeln!(
            out,
            "  {:<17} {} {:>10}",
            "pdf",
            counts_cell(&d.pdf, None),
            units
        );
        let reference = d.pdf.as_ref().ok().map(|p| &p.counts);
        for c in &d.others {
            let cell = counts_cell(&c.reading, reference);
            let paras = c.reading.as_ref().map_or(0, |r| r.units.len());
            let aligned = if d.pdf.is_ok() && c.reading.is_ok() {
                format!("{:.1}%", 100.0 * share(c.aligned, units))
            } else {
                "-".to_string()
            };
            let _ = writeln!(
                out,
                "  {:<17} {cell} {:>10}  {aligned:>9}",
                c.extractor, paras,
            );
        }
        if let Err(e) = &d.pdf {
            let _ = writeln!(out, "  pdf: {e}");
        }
    }
    out
}

fn warnings(docs: &[Document]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\n## 3. Warnings per reading (documents with one / warnings in all)\n\n\
         uncited: note-without-citation (a note whose citation was not found, cited at\n\
         the end of the text before it on its page); cit. not found: citation-not-found;\n\
         cit. w/o note: citation-without-note; num. gap / num. restart: numbering-gap /\n\
         numbering-restart (restarts are expected in resolutions in parts); furniture kept:\n\
         paragraphs that are only the symbol, a piece of a running head or of the title, or\n\
         the symbol with such a piece (page furniture read as text; not a warning).\n"
    );
    let _ = write!(out, "{:<17} {:>5}", "reading", "docs");
    for (_, short) in WARNINGS {
        let _ = write!(out, "  {short:>15}");
    }
    let _ = write!(out, "  {:>15}", "furniture kept");
    let _ = writeln!(out);
    let readings = std::iter::once("pdf").chain(EXTRACTORS.iter().copied());
    for name in readings {
        let read: Vec<&Reading> = docs
            .iter()
            .filter_map(|d| {
                if name == "pdf" {
                    d.pdf.as_ref().ok()
                } else {
                    d.others
                        .iter()
                        .find(|c| c.extractor == name)
                        .and_then(|c| c.reading.as_ref().ok())
                }
            })
            .collect();
        if read.is_empty() {
            continue;
        }
        let _ = write!(out, "{name:<17} {:>5}", read.len());
        for (code, _) in WARNINGS {
            let with = read
                .iter()
                .filter(|r| r.warnings.contains_key(code))
                .count();
            let all: usize = read.iter().filter_map(|r| r.warnings.get(code)).sum();
            let _ = write!(out, "  {:>15}", format!("{with} / {all}"));
        }
        let with = read.iter().filter(|r| r.furniture > 0).count();
        let all: usize = read.iter().map(|r| r.furniture).sum();
        let _ = write!(out, "  {:>15}", format!("{with} / {all}"));
        let _ = writeln!(out);
    }
    let mut failures = Vec::new();
    for d in docs {
        let failed: Vec<(&str, &String)> = std::iter::once(("pdf", &d.pdf))
            .chain(d.others.iter().map(|c| (c.extractor, &c.reading)))
            .filter_map(|(name, r)| r.as_ref().err().map(|e| (name, e)))
            .collect();
        if failed.is_empty() {
            continue;
        }
        if failed.len() == d.others.len() + 1 {
            let reason = failed[0].1.rsplit(": ").next().unwrap_or_default();
            failures.push(format!(
                "{}/{}: every reading fails ({reason})",
                d.corpus, d.name
            ));
        } else {
            failures.extend(failed.iter().map(|(name, e)| format!("{name}: {e}")));
        }
    }
    if !failures.is_empty() {
        let _ = writeln!(out, "\nreadings that failed:");
        for f in failures {
            let _ = writeln!(out, "  {f}");
        }
    }
    out
}

/// One row of the page-checked table.
struct Expected {
    file: String,
    counts: Counts,
}

fn parse_expected(text: &str) -> Result<Vec<Expected>, String> {
    let mut rows = Vec::new();
    let mut header_seen = false;
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if !header_seen {
            header_seen = true;
            if cols.first() == Some(&"file") {
                continue;
            }
        }
        let num = |k: usize| -> Result<usize, String> {
            cols.get(k)
                .ok_or_else(|| format!("line {}: column {} missing", i + 1, k + 1))?
                .trim()
                .parse()
                .map_err(|e| format!("line {}: column {}: {e}", i + 1, k + 1))
        };
        rows.push(Expected {
            file: cols[0].trim().to_string(),
            counts: Counts {
                pre: num(1)?,
                op: num(2)?,
                sub: num(3)?,
                notes: num(4)?,
                tables: num(5)?,
                annexes: num(6)?,
            },
        });
    }
    Ok(rows)
}

fn against_pages(docs: &[Document], expected: &[Expected], source: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\n## 4. The PDF reading against counts checked on the printed pages ({source})\n\n\
         Each cell: the PDF reading's count, and the page's where they differ (read/page).\n"
    );
    let _ = writeln!(
        out,
        "{:<30} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}  all",
        "file", "pre", "op", "sub", "notes", "tables", "annex"
    );
    let mut right = 0;
    for e in expected {
        let doc = docs
            .iter()
            .find(|d| format!("{}/{}", d.corpus, d.name) == e.file);
        let Some(Ok(pdf)) = doc.map(|d| &d.pdf) else {
            let why = if doc.is_some() {
                "unread"
            } else {
                "not in the run"
            };
            let _ = writeln!(out, "{:<30} {why}", e.file);
            continue;
        };
        let (g, w) = (pdf.counts, e.counts);
        let pairs = [
            (g.pre, w.pre),
            (g.op, w.op),
            (g.sub, w.sub),
            (g.notes, w.notes),
            (g.tables, w.tables),
            (g.annexes, w.annexes),
        ];
        let ok = pairs.iter().all(|(a, b)| a == b);
        right += usize::from(ok);
        let _ = write!(out, "{:<30}", e.file);
        for (got, want) in pairs {
            let cell = if got == want {
                got.to_string()
            } else {
                format!("{got}/{want}")
            };
            let _ = write!(out, " {cell:>7}");
        }
        let _ = writeln!(out, "  {}", if ok { "yes" } else { "no" });
    }
    let _ = writeln!(
        out,
        "\nthe PDF reading matches the page on every column for {right} of {}",
        expected.len()
    );
    // The same check for every reading, to tell which reading is right
    // where they disagree.
    let _ = writeln!(
        out,
        "\nEvery reading against the page: documents right on every column, then per column\n\n\
         {:<17} {:>5} {:>5} {:>5} {:>5} {:>5} {:>6} {:>5}",
        "reading", "read", "all", "pre", "op", "sub", "notes", "annex"
    );
    let readings = std::iter::once("pdf").chain(EXTRACTORS.iter().copied());
    for name in readings {
        let mut t = [0usize; 7];
        for e in expected {
            let Some(d) = docs
                .iter()
                .find(|d| format!("{}/{}", d.corpus, d.name) == e.file)
            else {
                continue;
            };
            let r = if name == "pdf" {
                d.pdf.as_ref().ok()
            } else {
                d.others
                    .iter()
                    .find(|c| c.extractor == name)
                    .and_then(|c| c.reading.as_ref().ok())
            };
            let Some(r) = r else { continue };
            let (g, w) = (r.counts.five(), e.counts.five());
            t[0] += 1;
            t[1] += usize::from(g == w && r.counts.tables == e.counts.tables);
            for k in 0..5 {
                t[k + 2] += usize::from(g[k] == w[k]);
            }
        }
        let _ = writeln!(
            out,
            "{name:<17} {:>5} {:>5} {:>5} {:>5} {:>5} {:>6} {:>5}",
            t[0], t[1], t[2], t[3], t[4], t[5], t[6]
        );
    }
    out
}

fn usage() -> ! {
    eprintln!(
        "usage: fidelity [--cache DIR] [--expected TSV] [--worst N] [--show FILE.pdf] [--diffs EXTRACTOR] CORPUS_DIR..."
    );
    std::process::exit(2);
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut cache, mut expected, mut n_worst, mut dirs) = (None, None, 15, Vec::new());
    let mut show_one: Option<PathBuf> = None;
    let mut diff_extractor: Option<String> = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--cache" => cache = Some(PathBuf::from(args.next().unwrap_or_else(|| usage()))),
            "--expected" => expected = Some(PathBuf::from(args.next().unwrap_or_else(|| usage()))),
            "--worst" => {
                n_worst = args
                    .next()
                    .and_then(|s| s.parse().ok())
                    .unwrap_or_else(|| usage())
            }
            "--diffs" => diff_extractor = Some(args.next().unwrap_or_else(|| usage())),
            "--show" => show_one = Some(PathBuf::from(args.next().unwrap_or_else(|| usage()))),
            s if s.starts_with('-') => usage(),
            _ => dirs.push(PathBuf::from(a)),
        }
    }
    if let Some(pdf) = show_one {
        print!("{}", show(&pdf, cache.as_deref()));
        return;
    }
    if dirs.is_empty() {
        usage();
    }
    let mut pdfs = Vec::new();
    for dir in &dirs {
        let entries = std::fs::read_dir(dir).unwrap_or_else(|e| {
            eprintln!("fidelity: {}: {e}", dir.display());
            std::process::exit(1);
        });
        let mut here: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("pdf")))
            .collect();
        here.sort();
        pdfs.extend(here);
    }
    if let Some(extractor) = diff_extractor {
        print!("{}", diffs(&pdfs, &extractor, cache.as_deref()));
        return;
    }
    let docs: Vec<Document> = pdfs
        .par_iter()
        .map(|p| document(p, cache.as_deref()))
        .collect();
    let mut corpora: Vec<String> = Vec::new();
    for d in &docs {
        if !corpora.contains(&d.corpus) {
            corpora.push(d.corpus.clone());
        }
    }
    println!("{HEADER}");
    println!(
        "\n{} PDFs in {}",
        docs.len(),
        dirs.iter()
            .map(|d| d.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    print!("{}", agreement(&docs, &corpora));
    print!("{}", worst(&docs, n_worst));
    print!("{}", warnings(&docs));
    if let Some(path) = expected {
        let rows = std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|t| parse_expected(&t))
            .unwrap_or_else(|e| {
                eprintln!("fidelity: {}: {e}", path.display());
                std::process::exit(1);
            });
        print!(
            "{}",
            against_pages(&docs, &rows, &path.display().to_string())
        );
    }
}
