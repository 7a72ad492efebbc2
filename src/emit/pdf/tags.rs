//! The tagged PDF's logical structure (ISO 32000-1 §14.7–14.8): the
//! structure tree of the laid-out elements, each pointing at the marked
//! content the writer put around its runs, and the parent tree that leads
//! back from marked content to its element. Screen readers, reflow and
//! text extractors that follow tags read the document in this order;
//! what is in no element (running heads, folios, rules) is an artifact.

use lopdf::{Dictionary, Object, ObjectId};

use super::layout::Element;
use crate::error::EmitError;

/// Adds the structure tree to `lo`, whose pages were written with
/// `marked[p][mcid]` the element of each marked-content identifier of
/// page `p`, and marks the document as tagged.
pub fn structure(
    lo: &mut lopdf::Document,
    elements: &[Element],
    marked: &[Vec<u32>],
) -> Result<(), EmitError> {
    let page_ids: Vec<ObjectId> = lo.get_pages().values().copied().collect();
    let content = Content::of(elements, marked);
    let root = lo.new_object_id();
    let document = lo.new_object_id();
    let ids: Vec<Option<ObjectId>> = content
        .alive
        .iter()
        .map(|&a| a.then(|| lo.new_object_id()))
        .collect();
    let mut top = Vec::new();
    for (i, el) in elements.iter().enumerate() {
        let Some(id) = ids[i] else { continue };
        let parent = content.parent(i).and_then(|p| ids[p]).unwrap_or(document);
        if parent == document {
            top.push(Object::Reference(id));
        }
        let kids = content.kids(i, &ids, &page_ids);
        let mut d = Dictionary::new();
        d.set("Type", Object::Name(b"StructElem".to_vec()));
        d.set("S", Object::Name(el.role.name().as_bytes().to_vec()));
        d.set("P", Object::Reference(parent));
        if let Some(&(page, _)) = content.mcrs[i].first() {
            if let Some(&pg) = page_ids.get(page) {
                d.set("Pg", Object::Reference(pg));
            }
        }
        d.set("K", Object::Array(kids));
        lo.objects.insert(id, Object::Dictionary(d));
    }
    let mut d = Dictionary::new();
    d.set("Type", Object::Name(b"StructElem".to_vec()));
    d.set("S", Object::Name(b"Document".to_vec()));
    d.set("P", Object::Reference(root));
    d.set("K", Object::Array(top));
    lo.objects.insert(document, Object::Dictionary(d));
    let parent_tree = parent_tree(lo, marked, &ids, &page_ids);
    let mut d = Dictionary::new();
    d.set("Type", Object::Name(b"StructTreeRoot".to_vec()));
    d.set("K", Object::Reference(document));
    d.set("ParentTree", Object::Dictionary(parent_tree));
    d.set("ParentTreeNextKey", Object::Integer(page_ids.len() as i64));
    lo.objects.insert(root, Object::Dictionary(d));
    let catalog = lo
        .catalog_mut()
        .map_err(|e| EmitError::Other(format!("PDF catalog: {e}")))?;
    catalog.set("StructTreeRoot", Object::Reference(root));
    let mut mark_info = Dictionary::new();
    mark_info.set("Marked", Object::Boolean(true));
    catalog.set("MarkInfo", Object::Dictionary(mark_info));
    Ok(())
}

/// Which elements hold content, and where.
struct Content<'e> {
    elements: &'e [Element],
    /// Per element, its marked content: (page, identifier), in order.
    mcrs: Vec<Vec<(usize, usize)>>,
    /// Per element: holds marked content itself or through a child.
    alive: Vec<bool>,
    /// Per element, its child elements in reading order.
    children: Vec<Vec<usize>>,
}

impl<'e> Content<'e> {
    fn of(elements: &'e [Element], marked: &[Vec<u32>]) -> Content<'e> {
        let mut mcrs = vec![Vec::new(); elements.len()];
        for (page, list) in marked.iter().enumerate() {
            for (mcid, &e) in list.iter().enumerate() {
                if let Some(m) = mcrs.get_mut(e as usize) {
                    m.push((page, mcid));
                }
            }
        }
        let mut content = Content {
            elements,
            alive: mcrs.iter().map(|m| !m.is_empty()).collect(),
            mcrs,
            children: vec![Vec::new(); elements.len()],
        };
        // Parents come before their children: one pass from the end.
        for i in (0..elements.len()).rev() {
            if let (true, Some(p)) = (content.alive[i], content.parent(i)) {
                content.alive[p] = true;
            }
        }
        for i in 0..elements.len() {
            if let Some(p) = content.parent(i) {
                content.children[p].push(i);
            }
        }
        content
    }

    /// The parent of element `i`, if it is an earlier element (anything
    /// else would not be a tree).
    fn parent(&self, i: usize) -> Option<usize> {
        self.elements[i]
            .parent
            .map(|p| p as usize)
            .filter(|&p| p < i)
    }

    /// The kids of element `i`: its marked content, then its child
    /// elements, in reading order. Content on the element's first page is
    /// named by identifier alone, elsewhere by a marked-content reference.
    fn kids(&self, i: usize, ids: &[Option<ObjectId>], page_ids: &[ObjectId]) -> Vec<Object> {
        let first = self.mcrs[i].first().map(|&(p, _)| p);
        let mut kids = Vec::new();
        for &(page, mcid) in &self.mcrs[i] {
            if Some(page) == first {
                kids.push(Object::Integer(mcid as i64));
            } else if let Some(&pg) = page_ids.get(page) {
                let mut r = Dictionary::new();
                r.set("Type", Object::Name(b"MCR".to_vec()));
                r.set("Pg", Object::Reference(pg));
                r.set("MCID", Object::Integer(mcid as i64));
                kids.push(Object::Dictionary(r));
            }
        }
        for &j in &self.children[i] {
            if let Some(id) = ids[j] {
                kids.push(Object::Reference(id));
            }
        }
        kids
    }
}

/// The parent tree: per page (its `StructParents` key), the element of
/// each marked-content identifier on it.
fn parent_tree(
    lo: &mut lopdf::Document,
    marked: &[Vec<u32>],
    ids: &[Option<ObjectId>],
    page_ids: &[ObjectId],
) -> Dictionary {
    let mut nums = Vec::new();
    for (page, (list, &pg)) in marked.iter().zip(page_ids).enumerate() {
        if let Ok(Object::Dictionary(d)) = lo.get_object_mut(pg) {
            d.set("StructParents", Object::Integer(page as i64));
        }
        let refs = list
            .iter()
            .map(|&e| match ids.get(e as usize).copied().flatten() {
                Some(id) => Object::Reference(id),
                None => Object::Null,
            })
            .collect();
        nums.push(Object::Integer(page as i64));
        nums.push(Object::Array(refs));
    }
    let mut d = Dictionary::new();
    d.set("Nums", Object::Array(nums));
    d
}

#[cfg(test)]
mod tests {
    use super::super::layout::Role;
    use super::*;

    fn el(role: Role, parent: Option<u32>) -> Element {
        Element { role, parent }
    }

    #[test]
    fn elements_without_content_are_left_out_and_kids_keep_reading_order() {
        // A division holding two paragraphs, the second empty; a paragraph
        // running from page 1 onto page 2; a stray parent pointing ahead.
        let elements = [
            el(Role::Div, None),
            el(Role::P, Some(0)),
            el(Role::P, Some(0)),
            el(Role::P, None),
            el(Role::P, Some(9)),
        ];
        let marked = vec![vec![1, 3], vec![3, 1, 4]];
        let c = Content::of(&elements, &marked);
        assert_eq!(c.alive, [true, true, false, true, true]);
        assert_eq!(c.parent(4), None, "a parent after its child is none");
        assert_eq!(c.children[0], [1, 2]);
        let ids: Vec<Option<ObjectId>> = (0..5)
            .map(|i| c.alive[i].then_some((10 + i as u32, 0)))
            .collect();
        let pages = [(1, 0), (2, 0)];
        let kids = c.kids(1, &ids, &pages);
        assert_eq!(kids[0], Object::Integer(0));
        let Object::Dictionary(mcr) = &kids[1] else {
            panic!("{kids:?}")
        };
        assert_eq!(mcr.get(b"Pg").unwrap(), &Object::Reference((2, 0)));
        assert_eq!(mcr.get(b"MCID").unwrap(), &Object::Integer(1));
        assert_eq!(c.kids(0, &ids, &pages), [Object::Reference((11, 0))]);
    }
}
