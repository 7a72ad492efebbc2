//! Pagination: boxes and glue onto pages, keeping together what must stay
//! together, each footnote at the foot of the page of its first citation.

use std::iter::Peekable;

use super::layout::{Bx, Ctx, Flow, Mark, Page, Rule};
use super::template::Template;

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
/// for the notes cited on it; returns the pages and the bookmarks.
pub(super) fn paginate(
    tpl: &Template,
    ph: f32,
    flows: Vec<Flow>,
    note_boxes: &[Vec<Bx>],
) -> (Vec<Page>, Vec<Mark>) {
    let p = &tpl.page;
    let mut pager = Pager {
        top: p.margin_top,
        avail: ph - p.margin_top - p.margin_bottom,
        pages: vec![Page::default()],
        y: 0.0,
        note_boxes,
        note_space: tpl.notes.space_above,
        outline: Vec::new(),
    };
    pager.run(flows);
    (pager.pages, pager.outline)
}

/// Sets the notes of `page` at the foot of its text area, under a short
/// rule on the start side.
pub(super) fn set_notes(cx: &Ctx, page: &mut Page, note_boxes: &[Vec<Bx>], ph: f32) {
    if page.notes.is_empty() {
        return;
    }
    let tpl = cx.tpl;
    let bottom = ph - tpl.page.margin_bottom;
    let h: f32 = page
        .notes
        .iter()
        .map(|&n| note_boxes[n].iter().map(|b| b.height).sum::<f32>())
        .sum();
    let mut y = bottom - h;
    let rule_y = y - tpl.notes.space_above * 0.5;
    let rule_len = cx.width * tpl.notes.rule_fraction;
    let (x1, x2) = if cx.rtl {
        (cx.left + cx.width - rule_len, cx.left + cx.width)
    } else {
        (cx.left, cx.left + rule_len)
    };
    page.rules.push(Rule {
        x1,
        y1: rule_y,
        x2,
        y2: rule_y,
        width: tpl.notes.rule_width,
    });
    for &n in &page.notes {
        for b in &note_boxes[n] {
            for r in &b.runs {
                let mut r = r.clone();
                r.y += y;
                page.runs.push(r);
            }
            y += b.height;
        }
    }
}

/// Fills pages with flows.
struct Pager<'n> {
    top: f32,
    avail: f32,
    pages: Vec<Page>,
    /// Height used on the current page, from the top of the text area.
    y: f32,
    note_boxes: &'n [Vec<Bx>],
    note_space: f32,
    outline: Vec<Mark>,
}

impl Pager<'_> {
    /// Height of the notes `notes` and `more` at a page foot, with the
    /// space above them.
    fn notes_height(&self, notes: &[usize], more: &[usize]) -> f32 {
        let h: f32 = notes
            .iter()
            .chain(more)
            .map(|&n| self.note_boxes[n].iter().map(|b| b.height).sum::<f32>())
            .sum();
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
        self.y == 0.0
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = 0.0;
    }

    /// Whether `h` more points fit, with `notes` added to the page's notes.
    fn fits(&self, h: f32, notes: &[usize]) -> bool {
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
        page.notes.extend(b.notes);
        self.y += b.height;
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
                Flow::Box(b) => {
                    let group = group(b, &mut flows);
                    self.place_group(group);
                }
            }
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
        let whole = if self.fits(h, &notes) {
            true
        } else {
            self.new_page();
            self.fits(h, &notes)
        };
        for f in group {
            match f {
                Flow::Box(b) => {
                    if !whole && !self.empty() && !self.fits(b.height, &b.notes) {
                        self.new_page();
                    }
                    self.place(b);
                }
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
