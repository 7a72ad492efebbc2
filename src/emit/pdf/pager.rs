//! Pagination: boxes and glue onto pages, keeping together what must stay
//! together, each footnote at the foot of the page of its first citation.

use std::iter::Peekable;

use super::flows::plain;
use super::fonts::Style;
use super::inline::{Align, Metrics};
use super::layout::{Bx, Ctx, Flow, Mark, NoteSlice, Page, Rule};
use super::template::Template;
use crate::error::EmitError;

/// Notes nobody cites still print: with the last box of the text.
pub(super) fn attach_uncited(flows: &mut [Flow], cited: &[bool]) {
    let uncited: Vec<usize> = (0..cited.len()).filter(|&i| !cited[i]).collect();
    if uncited.is_empty() {
        return;
    }
    if let Some(Flow::Box(b)) = flows.iter_mut().rev().find(|f| matches!(f, Flow::Box(_))) {
        b.notes.extend(uncited);
    }
}

/// Fills pages `ph` points high with `flows`, leaving room at each foot
/// for the notes cited on it; returns the pages and the bookmarks. The
/// first page starts `lift` points above the top margin (the masthead's
/// place).
pub(super) fn paginate(
    tpl: &Template,
    ph: f32,
    (flows, lift): (Vec<Flow>, f32),
    note_boxes: &[Vec<Bx>],
) -> (Vec<Page>, Vec<Mark>) {
    let p = &tpl.page;
    let mut pager = Pager {
        top: p.margin_top,
        avail: ph - p.margin_top - p.margin_bottom,
        pages: vec![Page::default()],
        y: -lift,
        origin: -lift,
        note_boxes,
        note_space: tpl.notes.space_above,
        outline: Vec::new(),
        carry: Vec::new(),
        closed: false,
    };
    pager.run(flows);
    (pager.pages, pager.outline)
}

/// Sets the notes of `page` at the foot of its text area, under a short
/// separator on the start side, typed as the UN types it (a line of
/// underscores, which extractors keep, where a drawn rule is lost).
pub(super) fn set_notes(
    cx: &mut Ctx,
    page: &mut Page,
    note_boxes: &[Vec<Bx>],
    ph: f32,
) -> Result<(), EmitError> {
    if page.notes.is_empty() {
        return Ok(());
    }
    let tpl = cx.tpl;
    let bottom = ph - tpl.page.margin_bottom;
    let h: f32 = page.notes.iter().map(|s| slice_height(note_boxes, s)).sum();
    let mut y = bottom - h;
    separator(cx, page, y - tpl.notes.space_above * 0.5)?;
    for s in &page.notes {
        for b in &note_boxes[s.note][s.lines.clone()] {
            for r in &b.runs {
                let mut r = r.clone();
                r.y += y;
                page.runs.push(r);
            }
            y += b.height;
        }
    }
    Ok(())
}

/// The note separator with its baseline at `baseline`: underscores in the
/// notes' type, as many as fill the template's share of the measure.
fn separator(cx: &mut Ctx, page: &mut Page, baseline: f32) -> Result<(), EmitError> {
    let ns = &cx.tpl.notes;
    let size = ns.size;
    let mut one = Vec::new();
    cx.shaper.shape("_", 0, Style::Regular, false, &mut one)?;
    let adv = one.iter().map(|g| g.adv).sum::<f32>() * size;
    let count = if adv > 0.0 {
        ((cx.width * ns.rule_fraction / adv) as usize).clamp(1, 200)
    } else {
        1
    };
    let boxes = plain(cx, &"_".repeat(count), Style::Regular, size, Align::Start)?;
    let m = Metrics::new(cx.tpl, size, ns.leading);
    for b in boxes.into_iter().take(1) {
        for mut r in b.runs {
            r.y += baseline - m.baseline;
            page.runs.push(r);
        }
    }
    Ok(())
}

/// The height of a note's lines.
fn slice_height(note_boxes: &[Vec<Bx>], s: &NoteSlice) -> f32 {
    note_boxes[s.note][s.lines.clone()]
        .iter()
        .map(|b| b.height)
        .sum()
}

/// A box taller than `max` cut between its lines into boxes no taller
/// (a table row whose cell runs over a page); its notes and bookmark go
/// with the first piece, rules are cut with it.
fn split_tall(b: Bx, max: f32) -> Vec<Bx> {
    // Cut just below a baseline (a quarter of the size: the descent).
    let mut cuts: Vec<f32> = b.runs.iter().map(|r| r.y + r.size * 0.25).collect();
    cuts.sort_by(f32::total_cmp);
    let mut pieces = Vec::new();
    let mut start = 0.0;
    while b.height - start > max {
        let end = cuts
            .iter()
            .copied()
            .rfind(|&c| c > start + 0.01 && c - start <= max)
            .unwrap_or(start + max);
        pieces.push(start..end);
        start = end;
    }
    pieces.push(start..b.height);
    let last = pieces.len() - 1;
    let mut out: Vec<Bx> = pieces
        .iter()
        .enumerate()
        .map(|(i, r)| Bx {
            height: r.end - r.start,
            keep: i == last && b.keep,
            ..Bx::default()
        })
        .collect();
    let piece_of = |y: f32| pieces.iter().position(|r| y <= r.end).unwrap_or(last);
    for mut run in b.runs {
        let i = piece_of(run.y);
        run.y -= pieces[i].start;
        out[i].runs.push(run);
    }
    for rule in b.rules {
        let (lo, hi) = (rule.y1.min(rule.y2), rule.y1.max(rule.y2));
        for (i, r) in pieces.iter().enumerate() {
            if hi < r.start || lo > r.end || (lo == hi && lo == r.start && i > 0) {
                continue;
            }
            let clip = |y: f32| y.clamp(r.start, r.end) - r.start;
            out[i].rules.push(Rule {
                y1: clip(rule.y1),
                y2: clip(rule.y2),
                ..rule
            });
        }
    }
    out[0].notes = b.notes;
    out[0].mark = b.mark;
    out
}

/// Fills pages with flows.
struct Pager<'n> {
    top: f32,
    avail: f32,
    pages: Vec<Page>,
    /// Height used on the current page, from the top of the text area.
    y: f32,
    /// `y` on the current page before anything is set: below zero on a
    /// first page that starts above the top margin.
    origin: f32,
    note_boxes: &'n [Vec<Bx>],
    note_space: f32,
    outline: Vec<Mark>,
    /// Note lines that did not fit at the foot of their page: they open
    /// the next page's notes.
    carry: Vec<NoteSlice>,
    /// The current page's note area is full, its last note continuing on
    /// the next page: a note cited from here on starts there.
    closed: bool,
}

impl Pager<'_> {
    /// Height of the note lines `slices` and the notes `more` at a page
    /// foot, with the space above them.
    fn notes_height(&self, slices: &[NoteSlice], more: &[usize]) -> f32 {
        let whole = |&n: &usize| self.note_boxes[n].iter().map(|b| b.height).sum::<f32>();
        let h: f32 = slices
            .iter()
            .map(|s| slice_height(self.note_boxes, s))
            .sum::<f32>()
            + more.iter().map(whole).sum::<f32>();
        if h > 0.0 {
            h + self.note_space
        } else {
            0.0
        }
    }

    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("a page")
    }

    fn empty(&self) -> bool {
        self.y == self.origin
    }

    /// A new page, its notes opening with the lines carried over.
    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = 0.0;
        self.origin = 0.0;
        let carried = std::mem::take(&mut self.carry);
        self.page().notes = carried;
        self.fit_notes();
    }

    /// Moves the last note lines of the page that do not fit below its
    /// text to the front of the carry-over; a page without text keeps one
    /// line at least, so that every page takes some.
    fn fit_notes(&mut self) {
        let room = self.avail - self.y;
        let mut over: Vec<NoteSlice> = Vec::new();
        loop {
            let notes = &self.pages.last().expect("a page").notes;
            let lines: usize = notes.iter().map(|s| s.lines.len()).sum();
            let keep = usize::from(self.empty());
            if lines <= keep || self.notes_height(notes, &[]) <= room + 0.01 {
                break;
            }
            let page = self.page();
            let Some(last) = page.notes.last_mut() else {
                break;
            };
            last.lines.end -= 1;
            let (note, line) = (last.note, last.lines.end);
            if last.lines.is_empty() {
                page.notes.pop();
            }
            match over.first_mut() {
                Some(s) if s.note == note => s.lines.start = line,
                _ => over.insert(
                    0,
                    NoteSlice {
                        note,
                        lines: line..line + 1,
                    },
                ),
            }
        }
        over.append(&mut self.carry);
        self.carry = over;
        self.closed = !self.carry.is_empty();
    }

    /// Whether `h` more points fit, with `notes` added to the page's notes.
    fn fits(&self, h: f32, notes: &[usize]) -> bool {
        if self.closed && !notes.is_empty() {
            return false;
        }
        let page_notes = &self.pages.last().expect("a page").notes;
        self.y + h + self.notes_height(page_notes, notes) <= self.avail + 0.01
    }

    /// Puts a box at the current height and records its bookmark.
    fn place(&mut self, b: Bx) {
        let y0 = self.top + self.y;
        let page_index = self.pages.len() - 1;
        if let Some(title) = b.mark {
            self.outline.push(Mark {
                title,
                page: page_index,
                y: y0,
            });
        }
        let page = self.page();
        for mut r in b.runs {
            r.y += y0;
            page.runs.push(r);
        }
        for mut r in b.rules {
            r.y1 += y0;
            r.y2 += y0;
            page.rules.push(r);
        }
        let whole = |&n: &usize| NoteSlice {
            note: n,
            lines: 0..self.note_boxes[n].len(),
        };
        let slices: Vec<NoteSlice> = b.notes.iter().map(whole).collect();
        if self.closed {
            self.carry.extend(slices);
        } else {
            self.page().notes.extend(slices);
        }
        self.y += b.height;
        self.fit_notes();
    }

    fn run(&mut self, flows: Vec<Flow>) {
        let mut flows = flows.into_iter().peekable();
        while let Some(f) = flows.next() {
            match f {
                Flow::PageBreak => {
                    if !self.empty() || !self.page().notes.is_empty() {
                        self.new_page();
                    }
                }
                Flow::Glue(h) => {
                    if !self.empty() {
                        if self.fits(h, &[]) {
                            self.y += h;
                        } else {
                            self.new_page();
                        }
                    }
                }
                Flow::Box(b) if b.height > self.avail => self.place_tall(b),
                Flow::Box(b) => {
                    let group = group(b, &mut flows);
                    self.place_group(group);
                }
            }
        }
        while !self.carry.is_empty() {
            self.new_page();
        }
    }

    /// Places a box here if it fits, else on a new page. A box whose notes
    /// would not fit on any page with it stays here if it and the first
    /// line of each of its notes do: the rest of the notes continue.
    fn place_next(&mut self, b: Bx) {
        let stays = self.fits(b.height, &b.notes)
            || (!self.alone_fits(b.height, &b.notes) && self.starts_fit(&b));
        if !self.empty() && !stays {
            self.new_page();
        }
        self.place(b);
    }

    /// Whether `h` points and the notes `notes` fit on a page of their own.
    fn alone_fits(&self, h: f32, notes: &[usize]) -> bool {
        h + self.notes_height(&[], notes) <= self.avail + 0.01
    }

    /// Whether `b` and the first line of each of its notes fit here.
    fn starts_fit(&self, b: &Bx) -> bool {
        let firsts: Vec<NoteSlice> = b
            .notes
            .iter()
            .map(|&note| NoteSlice { note, lines: 0..1 })
            .collect();
        let mut all = self.pages.last().expect("a page").notes.clone();
        all.extend(firsts);
        !self.closed && self.y + b.height + self.notes_height(&all, &[]) <= self.avail + 0.01
    }

    /// Places a box taller than a page piece by piece ([`split_tall`]).
    fn place_tall(&mut self, b: Bx) {
        for piece in split_tall(b, self.avail) {
            self.place_next(piece);
        }
    }

    /// Places a group whole on this page or the next; a group taller than
    /// a page breaks where it must.
    fn place_group(&mut self, group: Vec<Flow>) {
        let h: f32 = group.iter().map(height).sum();
        let notes: Vec<usize> = group
            .iter()
            .flat_map(|f| match f {
                Flow::Box(b) => b.notes.clone(),
                _ => Vec::new(),
            })
            .collect();
        // A group that fits on no page breaks where it must, from here.
        let whole = if self.fits(h, &notes) {
            true
        } else if self.alone_fits(h, &notes) {
            self.new_page();
            self.fits(h, &notes)
        } else {
            false
        };
        for f in group {
            match f {
                Flow::Box(b) if whole => self.place(b),
                Flow::Box(b) if b.height > self.avail => self.place_tall(b),
                Flow::Box(b) => self.place_next(b),
                Flow::Glue(g) => {
                    if !self.empty() {
                        self.y += g;
                    }
                }
                Flow::PageBreak => {}
            }
        }
    }
}

/// The group of `first`: it and the boxes (with the glue between) it must
/// stay with.
fn group(first: Bx, flows: &mut Peekable<impl Iterator<Item = Flow>>) -> Vec<Flow> {
    let mut group = vec![Flow::Box(first)];
    while matches!(group.last(), Some(Flow::Box(x)) if x.keep) {
        let mut glue = Vec::new();
        while let Some(Flow::Glue(_)) = flows.peek() {
            glue.extend(flows.next());
        }
        let next_is_box = matches!(flows.peek(), Some(Flow::Box(_)));
        group.extend(glue);
        if next_is_box {
            group.extend(flows.next());
        } else {
            break;
        }
    }
    group
}

/// The height a flow takes.
fn height(f: &Flow) -> f32 {
    match f {
        Flow::Box(b) => b.height,
        Flow::Glue(g) => *g,
        Flow::PageBreak => 0.0,
    }
}
