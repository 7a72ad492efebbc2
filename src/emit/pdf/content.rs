//! Page content streams, written as bytes: the rules, then the runs as
//! text objects, each in the marked content of its structure element (or
//! as an artifact), glyphs addressed by their codes in the document's font
//! subsets.
//!
//! printpdf built these from one operation object per glyph and lopdf then
//! formatted one hexadecimal string per glyph: together nearly half of an
//! English document's time. Here a line's glyphs go into one `TJ` array,
//! consecutive glyphs into one string, numbers formatted by hand. What the
//! stream says is what printpdf wrote, glyph for glyph: pen positions on a
//! baseline are carried across runs by kerning numbers, as printpdf's run
//! merger did, so that viewers which ignore per-run matrices (PDFium) still
//! select the text where it is drawn.

use super::embed::Fonts;
use super::layout::{Laid, Page, Run};
use super::shape::{DocFace, Glyph};

/// One page's content stream and the structure element of each of its
/// marked-content identifiers (the page's entry of the parent tree).
pub struct PageContent {
    /// The stream, uncompressed.
    pub bytes: Vec<u8>,
    /// The element of MCID 0, 1, …
    pub marked: Vec<u32>,
}

/// The content of `page`; notes in `fonts` the text each glyph drawn
/// stands for (their ToUnicode maps).
pub fn page<'a>(
    page: &Page,
    laid: &'a Laid,
    faces: &[DocFace],
    fonts: &mut Fonts<'a>,
) -> PageContent {
    let glyphs: usize = page.runs.iter().map(|r| r.glyphs.len()).sum();
    let mut s = Stream {
        out: Vec::with_capacity(glyphs * 5 + page.runs.len() * 40 + 64),
        height: laid.height,
        tj: None,
        font: None,
        outlined: false,
        open: None,
        marked: Vec::new(),
    };
    s.rules(page);
    s.out.extend_from_slice(b"BT\n");
    for run in &page.runs {
        // A run without glyphs draws nothing, and its face may have no
        // font in the document to set.
        let Some(face) = faces
            .get(run.face as usize)
            .filter(|_| !run.glyphs.is_empty())
        else {
            continue;
        };
        s.enter((run.element, run.artifact), laid);
        s.set_font(fonts, run, face);
        s.glyphs(run, face, laid, fonts);
    }
    s.close_tj();
    s.leave();
    s.out.extend_from_slice(b"ET\n");
    PageContent {
        bytes: s.out,
        marked: s.marked,
    }
}

/// The stream being written and the graphics and text state it has set.
struct Stream {
    out: Vec<u8>,
    /// Page height: layout measures from the top, PDF from the bottom.
    height: f32,
    /// The `TJ` array open, if any.
    tj: Option<Tj>,
    /// Font (index in the document's fonts) and size set.
    font: Option<(usize, f32)>,
    /// Glyphs drawn filled and stroked (synthetic bold).
    outlined: bool,
    /// The marked-content sequence open: its element, or `None` for an
    /// artifact; and whether it is a hyphen's.
    open: Option<(Option<u32>, bool)>,
    /// The element of each MCID used so far.
    marked: Vec<u32>,
}

/// An open `TJ` array: where its text matrix put the pen, and where the
/// viewer's pen is now, in thousandths of an em from there.
struct Tj {
    x0: f32,
    y: f32,
    size: f32,
    pen: i64,
    /// Inside a `<…>` string.
    in_string: bool,
}

impl Stream {
    /// The page's rules, as an artifact, the line width set only when it
    /// changes.
    fn rules(&mut self, page: &Page) {
        if page.rules.is_empty() {
            return;
        }
        self.out.extend_from_slice(b"/Artifact BMC\n");
        let mut width = -1.0;
        for rule in &page.rules {
            if rule.width != width {
                width = rule.width;
                self.num(width);
                self.out.extend_from_slice(b" w\n");
            }
            self.point(rule.x1, rule.y1);
            self.out.extend_from_slice(b" m ");
            self.point(rule.x2, rule.y2);
            self.out.extend_from_slice(b" l S\n");
        }
        self.out.extend_from_slice(b"EMC\n");
    }

    /// Opens the marked-content sequence of `element`, unless open
    /// already. The hyphen of a word cut at a line end is an artifact
    /// whose text is a soft hyphen (`/ActualText`, U+00AD), as Tagged PDF
    /// asks of an incidental word division; its glyph still reads "-"
    /// (ToUnicode): pdftotext, which reads `/ActualText` only on a
    /// `/Span`, then joins the lines as it does any line ending in "-".
    /// Mapped to U+00AD, pdftotext kept the soft hyphen and split the
    /// word (unres-check preserved fell to 98.6 % on 69/170). The
    /// standard place for the `/ActualText` would be a `Span` structure
    /// element of its own, which our PDF reader does not read yet.
    fn enter(&mut self, (element, hyphen): (Option<u32>, bool), laid: &Laid) {
        if self.open == Some((element, hyphen)) {
            return;
        }
        self.leave();
        if hyphen {
            self.out
                .extend_from_slice(b"/Artifact <</ActualText <FEFF00AD>>> BDC\n");
            self.open = Some((element, hyphen));
            return;
        }
        match element.and_then(|e| laid.elements.get(e as usize).map(|el| (e, el))) {
            Some((e, el)) => {
                self.out.push(b'/');
                self.out.extend_from_slice(el.role.name().as_bytes());
                self.out.extend_from_slice(b" <</MCID ");
                self.int(self.marked.len() as i64);
                self.out.extend_from_slice(b">> BDC\n");
                self.marked.push(e);
            }
            None => self.out.extend_from_slice(b"/Artifact BMC\n"),
        }
        self.open = Some((element, hyphen));
    }

    /// Closes the marked-content sequence open, if any.
    fn leave(&mut self) {
        self.close_tj();
        if self.open.take().is_some() {
            self.out.extend_from_slice(b"EMC\n");
        }
    }

    /// Font and size when they change; the outline width and rendering
    /// mode of synthetic bold.
    fn set_font(&mut self, fonts: &Fonts, run: &Run, face: &DocFace) {
        let font = fonts.font_of(run.face);
        if self.font != Some((font, run.size)) {
            self.close_tj();
            self.out.push(b'/');
            self.out.extend_from_slice(fonts.name(font).as_bytes());
            self.out.push(b' ');
            self.num(run.size);
            self.out.extend_from_slice(b" Tf\n");
            self.font = Some((font, run.size));
        }
        match face.embolden {
            Some(w) => {
                self.close_tj();
                self.num(w * run.size);
                self.out.extend_from_slice(b" w 2 Tr\n");
                self.outlined = true;
            }
            None if self.outlined => {
                self.close_tj();
                self.out.extend_from_slice(b"0 Tr\n");
                self.outlined = false;
            }
            None => {}
        }
    }

    /// The glyphs of one run: offsets from the font's own advances to the
    /// shaped (and justified) ones; glyphs displaced by shaping (marks) are
    /// placed on their own.
    fn glyphs<'a>(&mut self, run: &Run, face: &DocFace, laid: &'a Laid, fonts: &mut Fonts<'a>) {
        let text = laid
            .texts
            .get(run.text as usize)
            .map(String::as_str)
            .unwrap_or("");
        let mut shown = Shown::at(run.x);
        let mut pen = run.x;
        for g in &run.glyphs {
            let source = text.get(g.start as usize..g.end as usize).unwrap_or("");
            let space = !source.is_empty() && source.chars().all(char::is_whitespace);
            let own = own_advance(face, g.gid);
            let code = fonts.draw(
                run.face,
                g.gid,
                if source.is_empty() { " " } else { source },
                own,
            );
            if g.dx != 0.0 || g.dy != 0.0 {
                self.show(&mut shown, run.y, run.size);
                let mut mark = Shown::at(pen + g.dx * run.size);
                mark.items.push((code, own, 0));
                self.show(&mut mark, run.y - g.dy * run.size, run.size);
                pen += g.adv * run.size;
                shown = Shown::at(pen);
            } else {
                shown.push(g, code, own, space);
                pen += g.adv * run.size;
            }
        }
        self.show(&mut shown, run.y, run.size);
    }

    /// Shows `shown`'s glyphs on baseline `y` (from the top): in the open
    /// `TJ` array when it is on that baseline at that size, after a kerning
    /// number that moves the pen to the glyphs' place; else in a new one.
    fn show(&mut self, shown: &mut Shown, y: f32, size: f32) {
        if shown.items.is_empty() {
            return;
        }
        let y = self.height - y;
        let continues = self.tj.as_ref().is_some_and(|t| t.y == y && t.size == size);
        if continues {
            if let Some(t) = self.tj.as_ref() {
                let at = ((shown.x - t.x0) as f64 * 1000.0 / size as f64).round() as i64;
                let kern = t.pen - at;
                if kern != 0 {
                    self.offset(kern);
                }
            }
        } else {
            self.close_tj();
            self.out.extend_from_slice(b"1 0 0 1 ");
            self.num(shown.x);
            self.out.push(b' ');
            self.num(y);
            self.out.extend_from_slice(b" Tm\n[");
            self.tj = Some(Tj {
                x0: shown.x,
                y,
                size,
                pen: 0,
                in_string: false,
            });
        }
        for &(code, own, offset) in &shown.items {
            self.glyph(code, own);
            if offset != 0 {
                self.offset(offset);
            }
        }
        shown.items.clear();
    }

    /// One glyph in the open `TJ` array.
    fn glyph(&mut self, code: u16, own: i64) {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        let Some(t) = self.tj.as_mut() else {
            return;
        };
        if !t.in_string {
            self.out.push(b'<');
            t.in_string = true;
        }
        t.pen += own;
        for shift in [12, 8, 4, 0] {
            self.out.push(HEX[(code >> shift) as usize & 15]);
        }
    }

    /// A number in the open `TJ` array: moves the pen back by `n`
    /// thousandths of an em.
    fn offset(&mut self, n: i64) {
        let Some(t) = self.tj.as_mut() else {
            return;
        };
        if t.in_string {
            self.out.push(b'>');
            t.in_string = false;
        } else {
            self.out.push(b' ');
        }
        t.pen -= n;
        self.int(n);
    }

    /// Ends the open `TJ` array, if any.
    fn close_tj(&mut self) {
        if let Some(t) = self.tj.take() {
            if t.in_string {
                self.out.push(b'>');
            }
            self.out.extend_from_slice(b"] TJ\n");
        }
    }

    /// A point given from the top-left corner, in PDF's coordinates.
    fn point(&mut self, x: f32, y: f32) {
        self.num(x);
        self.out.push(b' ');
        self.num(self.height - y);
    }

    /// A real to three decimals, without trailing zeros.
    fn num(&mut self, v: f32) {
        let milli = (v as f64 * 1000.0).round() as i64;
        if milli < 0 {
            self.out.push(b'-');
        }
        let m = milli.unsigned_abs();
        self.uint(m / 1000);
        let mut frac = m % 1000;
        if frac != 0 {
            self.out.push(b'.');
            let mut digits = 3;
            while frac.is_multiple_of(10) {
                frac /= 10;
                digits -= 1;
            }
            let at = self.out.len();
            for _ in 0..digits {
                self.out.push(b'0' + (frac % 10) as u8);
                frac /= 10;
            }
            self.out[at..].reverse();
        }
    }

    fn int(&mut self, n: i64) {
        if n < 0 {
            self.out.push(b'-');
        }
        self.uint(n.unsigned_abs());
    }

    fn uint(&mut self, mut n: u64) {
        let at = self.out.len();
        loop {
            self.out.push(b'0' + (n % 10) as u8);
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.out[at..].reverse();
    }
}

/// The font's own advance of glyph `gid` in whole thousandths of an em,
/// truncated, as the font's /W gives it.
fn own_advance(face: &DocFace, gid: u16) -> i64 {
    let own = face
        .rb
        .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(gid))
        .unwrap_or(0);
    (own as f32 * 1000.0 / face.upem) as i64
}

/// How far (thousandths of an em) the viewer's pen may drift from the
/// shaped position within a word: the font's widths in /W are whole
/// thousandths, truncated, so the pen falls behind by a fraction at each
/// glyph. Set right at every space (where justification writes an offset
/// anyway) or once the drift reaches this (0.08 pt at 10 pt: a third of a
/// pixel at 300 dpi), a word's glyphs need no offsets of their own;
/// setting each right took a number after most glyphs, a third of the
/// content stream.
const DRIFT_MAX: i64 = 8;

/// Glyphs shown from `x`: code, own advance and the offset after each,
/// in thousandths of an em. Pen positions are kept in whole thousandths,
/// rounded cumulatively so that the error never builds up along a line.
struct Shown {
    x: f32,
    items: Vec<(u16, i64, i64)>,
    ideal: f64,
    emitted: i64,
}

impl Shown {
    fn at(x: f32) -> Shown {
        Shown {
            x,
            items: Vec::new(),
            ideal: 0.0,
            emitted: 0,
        }
    }

    /// Adds glyph `g`, `code` in its font, whose font advance is `own`;
    /// `space`: a word space, where the pen is set right.
    fn push(&mut self, g: &Glyph, code: u16, own: i64, space: bool) {
        self.ideal += g.adv as f64 * 1000.0;
        let target = self.ideal.round() as i64;
        // How far the viewer's pen, advancing by `own`, falls short.
        let drift = target - (self.emitted + own);
        let offset = if space || drift.abs() >= DRIFT_MAX {
            -drift
        } else {
            0
        };
        self.emitted += own - offset;
        self.items.push((code, own, offset));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stream() -> Stream {
        Stream {
            out: Vec::new(),
            height: 100.0,
            tj: None,
            font: None,
            outlined: false,
            open: None,
            marked: Vec::new(),
        }
    }

    #[test]
    fn numbers_are_written_short_and_exact_to_three_decimals() {
        let mut s = stream();
        for v in [0.0, -0.0001, 12.0, 419.98975, -3.5, 0.05, 1e-4, 100.1] {
            s.num(v);
            s.out.push(b' ');
        }
        s.int(-275);
        assert_eq!(
            String::from_utf8(s.out).unwrap(),
            "0 0 12 419.99 -3.5 0.05 0 100.1 -275"
        );
    }

    /// Glyphs on one baseline share a `TJ` array and a string between
    /// offsets; a later chunk on that baseline is reached by a kerning
    /// number, one on another baseline gets its own matrix.
    #[test]
    fn a_baseline_is_one_tj_array_its_glyphs_one_string_between_offsets() {
        let mut s = stream();
        let mut first = Shown::at(10.0);
        first
            .items
            .extend([(1, 500, 0), (2, 250, -40), (3, 500, 0)]);
        s.show(&mut first, 20.0, 10.0);
        // The pen stands 1.29 em (12.9 pt) on; the next chunk starts 13 pt on.
        let mut second = Shown::at(23.0);
        second.items.push((0x1AB, 300, 0));
        s.show(&mut second, 20.0, 10.0);
        let mut lower = Shown::at(10.0);
        lower.items.push((4, 500, 0));
        s.show(&mut lower, 32.0, 10.0);
        s.close_tj();
        assert_eq!(
            String::from_utf8(s.out).unwrap(),
            "1 0 0 1 10 80 Tm\n[<00010002>-40<0003>-10<01AB>] TJ\n\
             1 0 0 1 10 68 Tm\n[<0004>] TJ\n"
        );
    }

    /// A run without glyphs (its face drawing nothing else in the
    /// document, so without a font) sets no font.
    #[test]
    fn a_run_without_glyphs_sets_no_font() {
        use crate::emit::pdf::fonts::{Family, Style};
        use crate::emit::pdf::shape::{FontShaper, Shaper};
        use crate::emit::pdf::{PdfConfig, PdfSetup};
        let setup = PdfSetup::new(&PdfConfig::default()).expect("the template's fonts");
        let mut shaper = FontShaper::new(&setup.fonts, Family::Latin).expect("shaper");
        let (mut latin, mut cjk) = (Vec::new(), Vec::new());
        shaper
            .shape("Text", 0, Style::Regular, false, &mut latin)
            .expect("shapes");
        shaper
            .shape("文", 0, Style::Regular, false, &mut cjk)
            .expect("shapes");
        let (face, other) = (latin[0].face, cjk[0].face);
        assert_ne!(face, other);
        let run = |face, glyphs| Run {
            x: 10.0,
            y: 20.0,
            size: 10.0,
            face,
            glyphs,
            text: 0,
            element: None,
            artifact: false,
        };
        let laid = Laid {
            width: 100.0,
            height: 100.0,
            pages: vec![Page {
                runs: vec![run(face, latin), run(other, Vec::new())],
                ..Page::default()
            }],
            texts: vec!["Text".into()],
            elements: Vec::new(),
            outline: Vec::new(),
            title: String::new(),
            symbol: String::new(),
            lang: "en",
            rtl: false,
        };
        let mut fonts = Fonts::cut(&laid, &shaper.faces).expect("subsets");
        let content = page(&laid.pages[0], &laid, &shaper.faces, &mut fonts);
        let s = String::from_utf8(content.bytes).expect("ASCII");
        assert_eq!(s.matches(" Tf").count(), 1, "{s}");
        assert!(s.contains("/UNRFAA 10 Tf\n"), "{s}");
    }
}
