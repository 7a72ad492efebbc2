//! The content-stream interpreter: graphics and text state, text showing,
//! form XObjects and marked content, turned into positioned text runs.

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::fonts::{as_dict, deref, number, Font};
use super::lexer::Lexer;
use super::Budget;

/// An affine matrix `[a b c d e f]` as PDF writes it.
pub type Matrix = [f64; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m × n`: first `m`, then `n`.
pub fn mul(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn apply(m: &Matrix, x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

/// How deep form XObjects may nest inside each other.
const MAX_FORM_DEPTH: usize = 12;

/// One piece of text as shown, in user space (points, y up).
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// The text shown, decoded.
    pub text: String,
    /// Start of the baseline.
    pub x: f64,
    /// Baseline height, from the page's bottom edge.
    pub y: f64,
    /// Advance along the baseline.
    pub width: f64,
    /// The font size as printed (text size scaled by the matrices).
    pub size: f64,
    /// The font's name without its subset prefix.
    pub font: Rc<str>,
    /// Whether the font is bold.
    pub bold: bool,
    /// Whether the font is italic.
    pub italic: bool,
    /// 1-based.
    pub page: usize,
    /// The marked-content identifier around the text, if any.
    pub mcid: Option<i64>,
    /// Whether the baseline runs left to right (not rotated text).
    pub upright: bool,
}

/// What reading one page gave.
#[derive(Debug, Default)]
pub struct PageText {
    /// The runs, in content-stream order.
    pub runs: Vec<Run>,
    /// Codes no map of their font decodes, per font name.
    pub undecoded: HashMap<String, usize>,
    /// Images drawn (to tell a scan from an empty page).
    pub images: usize,
    /// Horizontal rules drawn (x, y, width): the separator above the notes
    /// is one where the PDF draws it rather than typing underscores.
    pub rules: Vec<(f64, f64, f64)>,
}

#[derive(Clone)]
struct GState {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f64,
    char_space: f64,
    word_space: f64,
    scale: f64,
    leading: f64,
    rise: f64,
}

/// A marked-content sequence: its MCID and the `/ActualText` that replaces
/// what it shows.
struct Marked {
    mcid: Option<i64>,
    actual: Option<String>,
    /// The run collecting the geometry of the replaced text.
    pending: Option<Run>,
}

/// The interpreter of one page (and the forms it draws).
pub struct Interp<'a> {
    doc: &'a Document,
    budget: &'a mut Budget,
    fonts: &'a mut HashMap<ObjectId, Rc<Font>>,
    page: usize,
    gs: GState,
    stack: Vec<GState>,
    tm: Matrix,
    tlm: Matrix,
    marked: Vec<Marked>,
    forms: Vec<ObjectId>,
    /// Horizontal segments of the path being built, in user space
    /// (x0, x1, y), and where the pen is.
    path: Vec<(f64, f64, f64)>,
    pen: (f64, f64),
    out: PageText,
}

impl<'a> Interp<'a> {
    /// An interpreter for one page, drawing on the document's budget.
    pub fn new(
        doc: &'a Document,
        budget: &'a mut Budget,
        fonts: &'a mut HashMap<ObjectId, Rc<Font>>,
        page: usize,
    ) -> Self {
        Interp {
            doc,
            budget,
            fonts,
            page,
            gs: GState {
                ctm: IDENTITY,
                font: None,
                size: 0.0,
                char_space: 0.0,
                word_space: 0.0,
                scale: 1.0,
                leading: 0.0,
                rise: 0.0,
            },
            stack: Vec::new(),
            tm: IDENTITY,
            tlm: IDENTITY,
            marked: Vec::new(),
            forms: Vec::new(),
            path: Vec::new(),
            pen: (0.0, 0.0),
            out: PageText::default(),
        }
    }

    /// Interprets a content stream with its resources; returns false when
    /// the work budget ran out.
    pub fn run(&mut self, data: &[u8], resources: Option<&Dictionary>) -> bool {
        let mut lexer = Lexer::new(data);
        while let Some((op, operands)) = lexer.next_op() {
            if !self.budget.operator() {
                return false;
            }
            self.op(&op, &operands, resources);
        }
        true
    }

    /// What the page gave.
    pub fn finish(self) -> PageText {
        self.out
    }

    fn op(&mut self, op: &str, a: &[Object], res: Option<&Dictionary>) {
        let n = |i: usize| a.get(i).and_then(number).unwrap_or(0.0);
        match op {
            "q" if self.stack.len() < 256 => self.stack.push(self.gs.clone()),
            "Q" => {
                if let Some(g) = self.stack.pop() {
                    self.gs = g;
                }
            }
            "cm" => self.gs.ctm = mul(&[n(0), n(1), n(2), n(3), n(4), n(5)], &self.gs.ctm),
            "BT" => (self.tm, self.tlm) = (IDENTITY, IDENTITY),
            "Tf" => {
                self.gs.font = a
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .and_then(|name| self.font(res, name));
                self.gs.size = n(1);
            }
            "Tc" => self.gs.char_space = n(0),
            "Tw" => self.gs.word_space = n(0),
            "Tz" => self.gs.scale = n(0) / 100.0,
            "TL" => self.gs.leading = n(0),
            "Ts" => self.gs.rise = n(0),
            "Tm" => {
                self.tlm = [n(0), n(1), n(2), n(3), n(4), n(5)];
                self.tm = self.tlm;
            }
            "Td" => self.next_line(n(0), n(1)),
            "TD" => {
                self.gs.leading = -n(1);
                self.next_line(n(0), n(1));
            }
            "T*" => self.next_line(0.0, -self.gs.leading),
            "Tj" => self.show_object(a.first()),
            "'" => {
                self.next_line(0.0, -self.gs.leading);
                self.show_object(a.first());
            }
            "\"" => {
                self.gs.word_space = n(0);
                self.gs.char_space = n(1);
                self.next_line(0.0, -self.gs.leading);
                self.show_object(a.get(2));
            }
            "TJ" => self.show_array(a.first()),
            "Do" => {
                if let Some(name) = a.first().and_then(|o| o.as_name().ok()) {
                    self.draw(res, name);
                }
            }
            "BI" => self.out.images += 1,
            "m" => self.pen = apply(&self.gs.ctm, n(0), n(1)),
            "l" => {
                let to = apply(&self.gs.ctm, n(0), n(1));
                if (to.1 - self.pen.1).abs() < 0.5 && self.path.len() < 4096 {
                    self.path
                        .push((self.pen.0.min(to.0), self.pen.0.max(to.0), to.1));
                }
                self.pen = to;
            }
            "re" => self.rect(n(0), n(1), n(2), n(3)),
            "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => {
                let rules = self.path.drain(..).filter(|r| r.1 - r.0 > 1.0);
                self.out
                    .rules
                    .extend(rules.map(|(x0, x1, y)| (x0, y, x1 - x0)));
                self.out.rules.truncate(4096);
            }
            "n" => self.path.clear(),
            "BMC" | "BDC" => self.begin_marked(a.get(1), res),
            "EMC" => self.end_marked(),
            _ => {}
        }
    }

    /// A rectangle: a rule when it is at most 1.5 pt high.
    fn rect(&mut self, x: f64, y: f64, w: f64, h: f64) {
        let a = apply(&self.gs.ctm, x, y);
        let b = apply(&self.gs.ctm, x + w, y + h);
        if (b.1 - a.1).abs() <= 1.5 && self.path.len() < 4096 {
            self.path
                .push((a.0.min(b.0), a.0.max(b.0), (a.1 + b.1) / 2.0));
        }
    }

    fn next_line(&mut self, tx: f64, ty: f64) {
        self.tlm = mul(&[1.0, 0.0, 0.0, 1.0, tx, ty], &self.tlm);
        self.tm = self.tlm;
    }

    /// The font a resource name stands for, read once per document.
    fn font(&mut self, res: Option<&Dictionary>, name: &[u8]) -> Option<Rc<Font>> {
        let fonts = deref(self.doc, res?.get(b"Font").ok()).and_then(as_dict)?;
        let obj = fonts.get(name).ok()?;
        let id = match obj {
            Object::Reference(id) => *id,
            _ => (0, 0),
        };
        if let Some(f) = self.fonts.get(&id).filter(|_| id != (0, 0)) {
            return Some(f.clone());
        }
        let dict = deref(self.doc, Some(obj)).and_then(as_dict)?;
        let font = Rc::new(Font::from_dict(self.doc, dict, self.budget));
        if id != (0, 0) {
            self.fonts.insert(id, font.clone());
        }
        Some(font)
    }

    fn show_object(&mut self, o: Option<&Object>) {
        if let Some(Object::String(bytes, _)) = o {
            self.show(bytes);
        }
    }

    /// `TJ`: strings, and adjustments in thousandths of the text size that
    /// move the next glyph back (positive) or on (negative).
    fn show_array(&mut self, o: Option<&Object>) {
        let Some(Object::Array(items)) = o else {
            return;
        };
        for item in items {
            match item {
                Object::String(bytes, _) => self.show(bytes),
                other => {
                    let adj = number(other).unwrap_or(0.0);
                    let tx = -adj / 1000.0 * self.gs.size * self.gs.scale;
                    self.tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &self.tm);
                }
            }
        }
    }

    /// Shows one string: decodes it, advances the text matrix glyph by
    /// glyph, and records the run it makes in user space.
    fn show(&mut self, bytes: &[u8]) {
        let Some(font) = self.gs.font.clone() else {
            return;
        };
        let trm = mul(&self.tm, &self.gs.ctm);
        let (x0, y0) = apply(&trm, 0.0, self.gs.rise);
        let mut text = String::new();
        let mut tx = 0.0;
        for code in font.decode(bytes, &mut text) {
            if !code.decoded {
                *self.out.undecoded.entry(font.name.to_string()).or_default() += 1;
            }
            let space = if code.is_space {
                self.gs.word_space
            } else {
                0.0
            };
            tx += (code.width / 1000.0 * self.gs.size + self.gs.char_space + space) * self.gs.scale;
        }
        self.tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &self.tm);
        let end = mul(&self.tm, &self.gs.ctm);
        let (x1, y1) = apply(&end, 0.0, self.gs.rise);
        let vertical = (trm[2].powi(2) + trm[3].powi(2)).sqrt();
        let run = Run {
            text,
            x: x0,
            y: y0,
            width: ((x1 - x0).powi(2) + (y1 - y0).powi(2)).sqrt(),
            size: (self.gs.size * vertical).abs(),
            font: font.name.clone(),
            bold: font.bold,
            italic: font.italic,
            page: self.page,
            mcid: self.marked.iter().rev().find_map(|m| m.mcid),
            upright: trm[0] > 0.0 && trm[1].abs() < trm[0].abs() * 0.1,
        };
        self.emit(run);
    }

    /// Keeps a run, or folds it into the marked-content sequence whose
    /// `/ActualText` replaces it (a hyphen that cut a word at a line end
    /// reads as the soft hyphen its `/ActualText` gives, which joins the
    /// word).
    fn emit(&mut self, run: Run) {
        if let Some(m) = self.marked.iter_mut().rev().find(|m| m.actual.is_some()) {
            match &mut m.pending {
                Some(p) => p.width = (run.x + run.width - p.x).max(p.width),
                None => {
                    m.pending = Some(Run {
                        text: String::new(),
                        ..run
                    })
                }
            }
            return;
        }
        if !run.text.is_empty() {
            self.out.runs.push(run);
        }
    }

    fn begin_marked(&mut self, props: Option<&Object>, res: Option<&Dictionary>) {
        let dict = match props {
            Some(Object::Dictionary(d)) => Some(d),
            Some(Object::Name(n)) => res
                .and_then(|r| deref(self.doc, r.get(b"Properties").ok()))
                .and_then(as_dict)
                .and_then(|p| deref(self.doc, p.get(n).ok()))
                .and_then(as_dict),
            _ => None,
        };
        let mcid = dict
            .and_then(|d| d.get(b"MCID").ok())
            .and_then(|o| o.as_i64().ok());
        let actual = dict
            .and_then(|d| deref(self.doc, d.get(b"ActualText").ok()))
            .and_then(|o| lopdf::decode_text_string(o).ok());
        if self.marked.len() < 256 {
            self.marked.push(Marked {
                mcid,
                actual,
                pending: None,
            });
        }
    }

    fn end_marked(&mut self) {
        let Some(m) = self.marked.pop() else { return };
        if let (Some(text), Some(run)) = (m.actual, m.pending) {
            self.emit(Run { text, ..run });
        }
    }

    /// `Do`: a form XObject is interpreted in place (bounded in depth, never
    /// inside itself); an image is counted.
    fn draw(&mut self, res: Option<&Dictionary>, name: &[u8]) {
        let Some(xobjects) = res
            .and_then(|r| deref(self.doc, r.get(b"XObject").ok()))
            .and_then(as_dict)
        else {
            return;
        };
        let Ok(Object::Reference(id)) = xobjects.get(name) else {
            return;
        };
        let Ok(stream) = self.doc.get_object(*id).and_then(|o| o.as_stream()) else {
            return;
        };
        match stream.dict.get(b"Subtype").and_then(|o| o.as_name()) {
            Ok(b"Image") => self.out.images += 1,
            Ok(b"Form") if self.forms.len() < MAX_FORM_DEPTH && !self.forms.contains(id) => {
                let Some(data) = self.budget.decompress(stream) else {
                    return;
                };
                let saved = (self.gs.clone(), self.stack.len(), self.tm, self.tlm);
                if let Some(Object::Array(m)) = deref(self.doc, stream.dict.get(b"Matrix").ok()) {
                    let v: Vec<f64> = m.iter().filter_map(number).collect();
                    if let [a, b, c, d, e, f] = v[..] {
                        self.gs.ctm = mul(&[a, b, c, d, e, f], &self.gs.ctm);
                    }
                }
                let own = deref(self.doc, stream.dict.get(b"Resources").ok()).and_then(as_dict);
                self.forms.push(*id);
                self.run(&data, own.or(res));
                self.forms.pop();
                (self.gs, self.tm, self.tlm) = (saved.0, saved.2, saved.3);
                self.stack.truncate(saved.1);
            }
            _ => {}
        }
    }
}
