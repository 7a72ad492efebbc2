//! CID-keyed CFF tables (the CJK faces): read once per run, cut per
//! document.
//!
//! A glyph cut out of a CFF needs the subroutines its charstring calls,
//! found only by walking it. allsorts walked every kept glyph again for
//! each document (15 % of a Chinese PDF's time, 700 glyphs a page); here
//! each glyph is walked once per run and its calls remembered, and the
//! table is written straight from the face's bytes. Subroutines no kept
//! glyph calls stay in their INDEX as empty entries, so that no call
//! needs renumbering (allsorts does the same). A table this reader does
//! not follow (arithmetic in charstrings, `seac`, reserved operators) is
//! left to allsorts ([`super::subset`]).
//!
//! Format: Adobe Technical Notes #5176 (CFF) and #5177 (Type 2 charstrings).

use std::ops::Range;
use std::sync::OnceLock;

/// A CID-keyed CFF table: where its parts lie, and each glyph's CID, font
/// dict and (once walked) subroutine calls. Positions are in the table.
pub struct CidCff {
    /// The table's length (a cut is of the table read).
    len: usize,
    /// The header's major and minor version.
    version: [u8; 2],
    /// The Name INDEX, whole.
    names: Range<usize>,
    /// The Top DICT's entries less the offsets a cut writes anew.
    top: Vec<u8>,
    /// The String INDEX, whole.
    strings: Range<usize>,
    global: Index,
    char_strings: Index,
    /// Each glyph's CID.
    cids: Vec<u16>,
    /// Each glyph's font dict.
    dict_of: Vec<u8>,
    dicts: Vec<FontDict>,
    /// Each glyph's subroutine calls ([`Call`]), walked on first use;
    /// `None`: a charstring this walker does not follow.
    calls: Vec<OnceLock<Option<Box<[u32]>>>>,
}

/// One font dict of the FDArray.
struct FontDict {
    /// Its entries less `Private`.
    entries: Vec<u8>,
    /// Its Private DICT's entries less `Subrs`.
    private: Vec<u8>,
    /// Its local subroutines.
    local: Option<Index>,
}

/// A call as remembered: the subroutine's number, with this bit set for a
/// local one.
const LOCAL: u32 = 1 << 31;

/// Operators (two-byte ones as 1200 + the second byte).
mod op {
    pub const CHARSET: u16 = 15;
    pub const ENCODING: u16 = 16;
    pub const CHAR_STRINGS: u16 = 17;
    pub const PRIVATE: u16 = 18;
    pub const SUBRS: u16 = 19;
    pub const CHARSTRING_TYPE: u16 = 1206;
    pub const ROS: u16 = 1230;
    pub const FD_ARRAY: u16 = 1236;
    pub const FD_SELECT: u16 = 1237;
}

/// An INDEX: `count` objects, their offsets at `offsets` (`off_size`
/// bytes each, from 1), their data from `data + 1`.
#[derive(Clone, Copy)]
struct Index {
    count: usize,
    off_size: usize,
    offsets: usize,
    data: usize,
}

impl Index {
    /// The INDEX at `at`, and where it ends.
    fn read(t: &[u8], at: usize) -> Option<(Index, usize)> {
        let count = usize::from(u16_at(t, at)?);
        if count == 0 {
            let empty = Index {
                count,
                off_size: 1,
                offsets: at + 2,
                data: at + 2,
            };
            return Some((empty, at + 2));
        }
        let off_size = usize::from(*t.get(at + 2)?);
        if !(1..=4).contains(&off_size) {
            return None;
        }
        let offsets = at + 3;
        let data = offsets + (count + 1) * off_size - 1;
        let index = Index {
            count,
            off_size,
            offsets,
            data,
        };
        let end = data.checked_add(index.offset(t, count)?)?;
        (end <= t.len()).then_some((index, end))
    }

    fn offset(&self, t: &[u8], i: usize) -> Option<usize> {
        let at = self.offsets + i * self.off_size;
        let bytes = t.get(at..at + self.off_size)?;
        Some(bytes.iter().fold(0, |n, &b| n << 8 | usize::from(b)))
    }

    /// Object `i`.
    fn get<'t>(&self, t: &'t [u8], i: usize) -> Option<&'t [u8]> {
        if i >= self.count {
            return None;
        }
        let (start, end) = (self.offset(t, i)?, self.offset(t, i + 1)?);
        (start >= 1 && start <= end).then_some(())?;
        t.get(self.data + start..self.data + end)
    }

    /// The bias added to a charstring's subroutine operand (#5177, 4.7).
    fn bias(&self) -> i64 {
        match self.count {
            0..1240 => 107,
            1240..33900 => 1131,
            _ => 32768,
        }
    }
}

fn u16_at(t: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*t.get(at)?, *t.get(at + 1)?]))
}

/// One DICT entry: its operator, and its operands as encoded.
struct Entry<'t> {
    op: u16,
    operands: &'t [u8],
}

impl Entry<'_> {
    /// The integer operands (`None` if one is a real).
    fn ints(&self) -> Option<Vec<i64>> {
        let mut out = Vec::new();
        let mut at = 0;
        while at < self.operands.len() {
            let (n, len) = dict_operand(&self.operands[at..])?;
            out.push(n?);
            at += len;
        }
        Some(out)
    }

    /// The one integer operand an offset entry has.
    fn offset(&self) -> Option<usize> {
        match self.ints()?.as_slice() {
            [n] => usize::try_from(*n).ok(),
            _ => None,
        }
    }

    /// The entry as encoded.
    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.operands);
        if self.op >= 1200 {
            out.extend_from_slice(&[12, (self.op - 1200) as u8]);
        } else {
            out.push(self.op as u8);
        }
    }
}

/// A DICT operand at the start of `b`: its value (`None` for a real) and
/// its length.
fn dict_operand(b: &[u8]) -> Option<(Option<i64>, usize)> {
    let b0 = *b.first()?;
    let at = |i: usize| b.get(i).map(|&x| i64::from(x));
    Some(match b0 {
        32..=246 => (Some(i64::from(b0) - 139), 1),
        247..=250 => (Some((i64::from(b0) - 247) * 256 + at(1)? + 108), 2),
        251..=254 => (Some(-(i64::from(b0) - 251) * 256 - at(1)? - 108), 2),
        28 => (
            Some(i64::from(i16::from_be_bytes([*b.get(1)?, *b.get(2)?]))),
            3,
        ),
        29 => {
            let n = i32::from_be_bytes([*b.get(1)?, *b.get(2)?, *b.get(3)?, *b.get(4)?]);
            (Some(i64::from(n)), 5)
        }
        30 => {
            // A real: nibbles up to the one that ends it.
            let len = b[1..]
                .iter()
                .position(|&x| x & 0x0f == 0x0f || x >> 4 == 0x0f)?;
            (None, len + 2)
        }
        _ => return None,
    })
}

/// The entries of the DICT `d`.
fn entries(d: &[u8]) -> Option<Vec<Entry<'_>>> {
    let mut out = Vec::new();
    let (mut start, mut at) = (0, 0);
    while at < d.len() {
        match d[at] {
            12 => {
                let op = 1200 + u16::from(*d.get(at + 1)?);
                out.push(Entry {
                    op,
                    operands: &d[start..at],
                });
                at += 2;
                start = at;
            }
            op @ 0..=21 => {
                out.push(Entry {
                    op: u16::from(op),
                    operands: &d[start..at],
                });
                at += 1;
                start = at;
            }
            _ => at += dict_operand(&d[at..])?.1,
        }
    }
    (start == d.len()).then_some(out)
}

/// The entries of `dict` but those whose operator is in `drop`, encoded.
fn kept_entries(dict: &[Entry<'_>], drop: &[u16]) -> Vec<u8> {
    let mut out = Vec::new();
    for e in dict.iter().filter(|e| !drop.contains(&e.op)) {
        e.write(&mut out);
    }
    out
}

fn find<'d, 't>(dict: &'d [Entry<'t>], op: u16) -> Option<&'d Entry<'t>> {
    dict.iter().find(|e| e.op == op)
}

impl CidCff {
    /// Reads the `CFF ` table `t`; `None` if it is not one CID-keyed font
    /// of Type 2 charstrings this reader follows.
    pub fn read(t: &[u8]) -> Option<CidCff> {
        let version = [*t.first()?, *t.get(1)?];
        let header = usize::from(*t.get(2)?);
        let (name_index, names_end) = Index::read(t, header)?;
        let (top_index, top_end) = Index::read(t, names_end)?;
        let (_, strings_end) = Index::read(t, top_end)?;
        let (global, _) = Index::read(t, strings_end)?;
        if version[0] != 1 || name_index.count != 1 || top_index.count != 1 {
            return None;
        }
        let top = entries(top_index.get(t, 0)?)?;
        if top.first()?.op != op::ROS
            || find(&top, op::CHARSTRING_TYPE).is_some_and(|e| e.ints() != Some(vec![2]))
        {
            return None;
        }
        let (char_strings, _) = Index::read(t, find(&top, op::CHAR_STRINGS)?.offset()?)?;
        let glyphs = char_strings.count;
        let cids = charset(t, find(&top, op::CHARSET)?.offset()?, glyphs)?;
        let dict_of = fd_select(t, find(&top, op::FD_SELECT)?.offset()?, glyphs)?;
        let (fd_array, _) = Index::read(t, find(&top, op::FD_ARRAY)?.offset()?)?;
        let dicts = (0..fd_array.count)
            .map(|i| font_dict(t, fd_array.get(t, i)?))
            .collect::<Option<Vec<_>>>()?;
        if dict_of.iter().any(|&d| usize::from(d) >= dicts.len()) {
            return None;
        }
        let drop = [
            op::CHARSET,
            op::ENCODING,
            op::CHAR_STRINGS,
            op::PRIVATE,
            op::FD_ARRAY,
            op::FD_SELECT,
        ];
        Some(CidCff {
            len: t.len(),
            version,
            names: header..names_end,
            top: kept_entries(&top, &drop),
            strings: top_end..strings_end,
            global,
            char_strings,
            cids,
            dict_of,
            dicts,
            calls: (0..glyphs).map(|_| OnceLock::new()).collect(),
        })
    }

    /// The table `t` (the one read) cut to the glyphs `kept` (ascending,
    /// `.notdef` first), which keep their order: the table, and each new
    /// glyph's CID. `None` if a kept glyph's charstring is not followed.
    pub fn cut(&self, t: &[u8], kept: &[u16]) -> Option<(Vec<u8>, Vec<u16>)> {
        if t.len() != self.len || kept.first() != Some(&0) {
            return None;
        }
        let mut global = vec![false; self.global.count];
        let mut local: Vec<Vec<bool>> = vec![Vec::new(); self.dicts.len()];
        for &g in kept {
            let dict = usize::from(*self.dict_of.get(usize::from(g))?);
            for &call in self.calls(t, g)?.iter() {
                let (used, count) = if call & LOCAL == 0 {
                    (&mut global, self.global.count)
                } else {
                    let count = self.dicts[dict].local.map_or(0, |l| l.count);
                    (&mut local[dict], count)
                };
                used.resize(count, false);
                *used.get_mut((call & !LOCAL) as usize)? = true;
            }
        }
        let cids = kept
            .iter()
            .map(|&g| self.cids.get(usize::from(g)).copied())
            .collect::<Option<Vec<u16>>>()?;
        let table = self.write(t, kept, &global, &local, &cids)?;
        Some((table, cids))
    }

    /// Glyph `g`'s subroutine calls, walked on first use.
    fn calls(&self, t: &[u8], g: u16) -> Option<&[u32]> {
        let slot = self.calls.get(usize::from(g))?;
        slot.get_or_init(|| self.walk(t, g)).as_deref()
    }

    fn walk(&self, t: &[u8], g: u16) -> Option<Box<[u32]>> {
        let dict = self
            .dicts
            .get(usize::from(*self.dict_of.get(usize::from(g))?))?;
        let mut walk = Walk {
            t,
            global: self.global,
            local: dict.local,
            stack: Vec::new(),
            stems: 0,
            budget: WALK_BUDGET,
            calls: Vec::new(),
        };
        let cs = self.char_strings.get(t, usize::from(g))?;
        walk.run(cs, 0)?;
        walk.calls.sort_unstable();
        walk.calls.dedup();
        Some(walk.calls.into_boxed_slice())
    }

    /// The cut table: header, names, Top DICT, strings, global subroutines,
    /// charset, FDSelect, charstrings, FDArray, then each font dict's
    /// Private DICT and local subroutines. Offsets are written as five-byte
    /// integers, so that every part's size is known before its place.
    fn write(
        &self,
        t: &[u8],
        kept: &[u16],
        global: &[bool],
        local: &[Vec<bool>],
        cids: &[u16],
    ) -> Option<Vec<u8>> {
        let glyphs: Vec<&[u8]> = kept
            .iter()
            .map(|&g| self.char_strings.get(t, usize::from(g)))
            .collect::<Option<_>>()?;
        let globals = used_objects(t, &self.global, global)?;
        let mut locals = Vec::with_capacity(self.dicts.len());
        for (d, used) in self.dicts.iter().zip(local) {
            locals.push(match d.local {
                Some(l) if used.contains(&true) => Some(used_objects(t, &l, used)?),
                _ => None,
            });
        }
        let charset = charset_format0(&cids[1..]);
        let fd_select = fd_select_format3(kept.iter().map(|&g| self.dict_of[usize::from(g)]));
        // Each Private DICT: its entries, and Subrs pointing right past it.
        let privates: Vec<Vec<u8>> = self
            .dicts
            .iter()
            .zip(&locals)
            .map(|(d, l)| {
                let mut p = d.private.clone();
                if l.is_some() {
                    let size = p.len() + 6;
                    put_offset(&mut p, size, op::SUBRS);
                }
                p
            })
            .collect();

        let mut out = Vec::with_capacity(t.len().min(1 << 20));
        out.extend_from_slice(&[self.version[0], self.version[1], 4, 4]);
        out.extend_from_slice(t.get(self.names.clone())?);
        let top_len = self.top.len() + 4 * 5 + 6;
        let strings = t.get(self.strings.clone())?;
        let mut at = out.len() + index_len(1, top_len) + strings.len();
        at += index_len(globals.len(), globals.iter().map(|o| o.len()).sum());
        let charset_at = at;
        let fd_select_at = charset_at + charset.len();
        let char_strings_at = fd_select_at + fd_select.len();
        let fd_array_at =
            char_strings_at + index_len(glyphs.len(), glyphs.iter().map(|g| g.len()).sum());
        let dict_lens: Vec<usize> = self.dicts.iter().map(|d| d.entries.len() + 11).collect();
        let mut private_at = fd_array_at + index_len(dict_lens.len(), dict_lens.iter().sum());

        let mut top = self.top.clone();
        put_offset(&mut top, charset_at, op::CHARSET);
        put_offset(&mut top, char_strings_at, op::CHAR_STRINGS);
        put_offset(&mut top, fd_array_at, op::FD_ARRAY);
        put_offset(&mut top, fd_select_at, op::FD_SELECT);
        write_index(&mut out, &[&top]);
        out.extend_from_slice(strings);
        write_index(&mut out, &globals);
        out.extend_from_slice(&charset);
        out.extend_from_slice(&fd_select);
        write_index(&mut out, &glyphs);
        let mut font_dicts = Vec::with_capacity(self.dicts.len());
        for ((d, p), l) in self.dicts.iter().zip(&privates).zip(&locals) {
            let mut e = d.entries.clone();
            e.push(29);
            e.extend_from_slice(&(p.len() as i32).to_be_bytes());
            put_offset(&mut e, private_at, op::PRIVATE);
            font_dicts.push(e);
            private_at += p.len() + l.as_ref().map_or(0, |l| index_len(l.len(), total(l)));
        }
        let refs: Vec<&[u8]> = font_dicts.iter().map(Vec::as_slice).collect();
        write_index(&mut out, &refs);
        for (p, l) in privates.iter().zip(&locals) {
            out.extend_from_slice(p);
            if let Some(l) = l {
                write_index(&mut out, l);
            }
        }
        // Offsets past 2 GB cannot be written as the integers used here.
        (out.len() < i32::MAX as usize).then_some(out)
    }
}

/// The objects of `index`, those not `used` (or past its end) empty.
fn used_objects<'t>(t: &'t [u8], index: &Index, used: &[bool]) -> Option<Vec<&'t [u8]>> {
    (0..index.count)
        .map(|i| match used.get(i) {
            Some(true) => index.get(t, i),
            _ => Some(&[][..]),
        })
        .collect()
}

fn total(objects: &[&[u8]]) -> usize {
    objects.iter().map(|o| o.len()).sum()
}

/// Appends an entry `op` whose one operand is `offset`, as five bytes.
fn put_offset(out: &mut Vec<u8>, offset: usize, op: u16) {
    out.push(29);
    out.extend_from_slice(&(offset as i32).to_be_bytes());
    Entry { op, operands: &[] }.write(out);
}

/// The smallest offset size for `data` bytes of objects.
fn off_size(data: usize) -> usize {
    match data + 1 {
        0..=0xff => 1,
        0x100..=0xffff => 2,
        0x1_0000..=0xff_ffff => 3,
        _ => 4,
    }
}

/// The size of an INDEX of `count` objects, `data` bytes together.
fn index_len(count: usize, data: usize) -> usize {
    if count == 0 {
        2
    } else {
        3 + (count + 1) * off_size(data) + data
    }
}

fn write_index(out: &mut Vec<u8>, objects: &[&[u8]]) {
    out.extend_from_slice(&(objects.len() as u16).to_be_bytes());
    if objects.is_empty() {
        return;
    }
    let size = off_size(total(objects));
    out.push(size as u8);
    let mut offset = 1usize;
    for o in std::iter::once(&&[][..]).chain(objects) {
        offset += o.len();
        out.extend_from_slice(&offset.to_be_bytes()[8 - size..]);
    }
    for o in objects {
        out.extend_from_slice(o);
    }
}

/// Charset format 0: the CID of each glyph after `.notdef`.
fn charset_format0(cids: &[u16]) -> Vec<u8> {
    let mut out = Vec::with_capacity(1 + 2 * cids.len());
    out.push(0);
    for c in cids {
        out.extend_from_slice(&c.to_be_bytes());
    }
    out
}

/// FDSelect format 3: the font dict of each glyph in turn, as ranges.
fn fd_select_format3(dicts: impl Iterator<Item = u8>) -> Vec<u8> {
    let mut ranges: Vec<(u16, u8)> = Vec::new();
    let mut glyphs = 0u16;
    for d in dicts {
        if ranges.last().is_none_or(|r| r.1 != d) {
            ranges.push((glyphs, d));
        }
        glyphs += 1;
    }
    let mut out = vec![3];
    out.extend_from_slice(&(ranges.len() as u16).to_be_bytes());
    for (first, d) in ranges {
        out.extend_from_slice(&first.to_be_bytes());
        out.push(d);
    }
    out.extend_from_slice(&glyphs.to_be_bytes());
    out
}

/// Each glyph's CID, from the charset at `at`.
fn charset(t: &[u8], at: usize, glyphs: usize) -> Option<Vec<u16>> {
    let mut cids = Vec::with_capacity(glyphs);
    cids.push(0);
    let format = *t.get(at)?;
    let mut p = at + 1;
    while cids.len() < glyphs {
        let first = u16_at(t, p)?;
        let left = match format {
            0 => {
                cids.push(first);
                p += 2;
                continue;
            }
            1 => usize::from(*t.get(p + 2)?),
            2 => usize::from(u16_at(t, p + 2)?),
            _ => return None,
        };
        p += if format == 1 { 3 } else { 4 };
        for i in 0..=left.min(glyphs - cids.len() - 1) {
            cids.push(first.checked_add(u16::try_from(i).ok()?)?);
        }
    }
    Some(cids)
}

/// Each glyph's font dict, from the FDSelect at `at`.
fn fd_select(t: &[u8], at: usize, glyphs: usize) -> Option<Vec<u8>> {
    match *t.get(at)? {
        0 => t.get(at + 1..at + 1 + glyphs).map(<[u8]>::to_vec),
        3 => {
            let n = usize::from(u16_at(t, at + 1)?);
            let mut out = Vec::with_capacity(glyphs);
            for r in 0..n {
                let p = at + 3 + 3 * r;
                let first = usize::from(u16_at(t, p)?);
                let end = usize::from(u16_at(t, p + 3)?);
                if first != out.len() || end <= first || end > glyphs {
                    return None;
                }
                out.resize(end, *t.get(p + 2)?);
            }
            (out.len() == glyphs).then_some(out)
        }
        _ => None,
    }
}

/// A font dict `d` of the FDArray, with its Private DICT and local subroutines.
fn font_dict(t: &[u8], d: &[u8]) -> Option<FontDict> {
    let dict = entries(d)?;
    let (size, at) = match find(&dict, op::PRIVATE)?.ints()?.as_slice() {
        [size, at] => (usize::try_from(*size).ok()?, usize::try_from(*at).ok()?),
        _ => return None,
    };
    let private = entries(t.get(at..at.checked_add(size)?)?)?;
    let local = match find(&private, op::SUBRS) {
        Some(e) => Some(Index::read(t, at.checked_add(e.offset()?)?)?.0),
        None => None,
    };
    Some(FontDict {
        entries: kept_entries(&dict, &[op::PRIVATE]),
        private: kept_entries(&private, &[op::SUBRS]),
        local,
    })
}

/// Charstring bytes one glyph's walk may read, subroutines included: a
/// hostile font whose subroutines call each other ten deep, each many
/// times, would otherwise take exponential time.
const WALK_BUDGET: usize = 1 << 20;

/// The walk of one glyph's charstring: just enough of the Type 2 machine
/// to know each subroutine call's operand and each hint mask's length.
struct Walk<'t> {
    t: &'t [u8],
    global: Index,
    local: Option<Index>,
    stack: Vec<i64>,
    /// Stem hints declared so far (a hint mask has a bit for each).
    stems: usize,
    budget: usize,
    calls: Vec<u32>,
}

impl Walk<'_> {
    /// Runs `cs` at subroutine depth `depth`: `Some(true)` once the glyph
    /// ends (`endchar`), `Some(false)` on `return`; `None` for what is not
    /// followed.
    fn run(&mut self, cs: &[u8], depth: usize) -> Option<bool> {
        self.budget = self.budget.checked_sub(cs.len())?;
        let mut at = 0;
        while let Some(&b0) = cs.get(at) {
            at += 1;
            match b0 {
                28 => {
                    let n = i16::from_be_bytes([*cs.get(at)?, *cs.get(at + 1)?]);
                    self.push(i64::from(n))?;
                    at += 2;
                }
                32..=246 => self.push(i64::from(b0) - 139)?,
                247..=250 => {
                    self.push((i64::from(b0) - 247) * 256 + i64::from(*cs.get(at)?) + 108)?;
                    at += 1;
                }
                251..=254 => {
                    self.push(-(i64::from(b0) - 251) * 256 - i64::from(*cs.get(at)?) - 108)?;
                    at += 1;
                }
                255 => {
                    let n = i32::from_be_bytes(cs.get(at..at + 4)?.try_into().ok()?);
                    self.push(i64::from(n >> 16))?;
                    at += 4;
                }
                // hstem, vstem, hstemhm, vstemhm
                1 | 3 | 18 | 23 => self.stems(),
                // hintmask, cntrmask: stems before it are an implied vstem.
                19 | 20 => {
                    self.stems();
                    at += self.stems.div_ceil(8);
                }
                10 | 29 => {
                    let index = if b0 == 10 { self.local? } else { self.global };
                    let n = usize::try_from(self.stack.pop()? + index.bias()).ok()?;
                    let sub = index.get(self.t, n)?;
                    let tag = if b0 == 10 { LOCAL } else { 0 };
                    self.calls.push(u32::try_from(n).ok()? | tag);
                    if depth >= 10 {
                        return None;
                    }
                    if self.run(sub, depth + 1)? {
                        return Some(true);
                    }
                }
                11 => return Some(false),
                // endchar: four operands would be seac's accent, not followed.
                14 => return (self.stack.len() < 4).then_some(true),
                12 => {
                    // dotsection and the flexes; arithmetic is not followed.
                    let b1 = *cs.get(at)?;
                    at += 1;
                    if !matches!(b1, 0 | 34..=37) {
                        return None;
                    }
                    self.stack.clear();
                }
                4..=8 | 21 | 22 | 24..=27 | 30 | 31 => self.stack.clear(),
                _ => return None,
            }
        }
        // A charstring that runs off its end without endchar or return.
        None
    }

    fn push(&mut self, n: i64) -> Option<()> {
        // The Type 2 stack holds 48 operands.
        (self.stack.len() < 48).then(|| self.stack.push(n))
    }

    fn stems(&mut self) {
        self.stems += self.stack.len() / 2;
        self.stack.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_are_written_as_read() {
        let objects: [&[u8]; 3] = [b"abc", b"", b"de"];
        let mut t = vec![0xAA];
        write_index(&mut t, &objects);
        assert_eq!(t.len(), 1 + index_len(3, 5));
        let (index, end) = Index::read(&t, 1).expect("reads");
        assert_eq!(end, t.len());
        for (i, o) in objects.iter().enumerate() {
            assert_eq!(index.get(&t, i), Some(*o));
        }
        assert_eq!(index.get(&t, 3), None);
        let big = vec![7u8; 300];
        let mut t = Vec::new();
        write_index(&mut t, &[&big, b"x"]);
        assert_eq!(t[2], 2, "offsets past 255 take two bytes");
        let (index, _) = Index::read(&t, 0).expect("reads");
        assert_eq!(index.get(&t, 1), Some(&b"x"[..]));
    }

    #[test]
    fn dict_operands_decode_as_the_format_says() {
        let cases: [(&[u8], Option<i64>, usize); 7] = [
            (&[139], Some(0), 1),
            (&[32], Some(-107), 1),
            (&[247, 0], Some(108), 2),
            (&[254, 255], Some(-1131), 2),
            (&[28, 0x80, 0], Some(-32768), 3),
            (&[29, 0, 1, 0, 0], Some(65536), 5),
            (&[30, 0x1a, 0x2f], None, 3),
        ];
        for (bytes, value, len) in cases {
            assert_eq!(dict_operand(bytes), Some((value, len)), "{bytes:?}");
        }
        let mut d = Vec::new();
        put_offset(&mut d, 70_000, op::FD_ARRAY);
        let e = entries(&d).expect("parses");
        assert_eq!((e[0].op, e[0].offset()), (op::FD_ARRAY, Some(70_000)));
        assert!(entries(&[29, 0]).is_none(), "a cut operand");
    }

    #[test]
    fn font_dict_ranges_are_read_and_written_back() {
        let dicts = [0u8, 0, 2, 2, 2, 1];
        let table = fd_select_format3(dicts.iter().copied());
        assert_eq!(fd_select(&table, 0, 6), Some(dicts.to_vec()));
        assert_eq!(fd_select(&table, 0, 7), None, "ranges short of the glyphs");
        let cids = [0u16, 5, 6, 9];
        let set = charset_format0(&cids[1..]);
        assert_eq!(charset(&set, 0, 4), Some(cids.to_vec()));
        assert_eq!(charset(&[2, 0, 3, 0, 9], 0, 4), Some(vec![0, 3, 4, 5]));
        assert_eq!(charset(&set[..3], 0, 4), None, "a cut charset");
    }

    /// Calls are found through stems and hint masks, in subroutines too;
    /// what is not followed says so.
    #[test]
    fn a_walk_finds_calls_past_hint_masks() {
        // Global subroutine 0 (operand -107): two stems, then returns.
        let mut t = Vec::new();
        write_index(&mut t, &[&[139, 139, 139, 139, 1, 11]]);
        let (global, _) = Index::read(&t, 0).expect("reads");
        let walk = |cs: &[u8]| {
            let mut w = Walk {
                t: &t,
                global,
                local: None,
                stack: Vec::new(),
                stems: 0,
                budget: WALK_BUDGET,
                calls: Vec::new(),
            };
            w.run(cs, 0).map(|_| w.calls)
        };
        // Four stems in all, so the mask is one byte (29, a callgsubr
        // opcode, which must be skipped), then the call, then endchar.
        let glyph = [32, 29, 139, 139, 139, 139, 19, 29, 32, 29, 14];
        assert_eq!(walk(&glyph), Some(vec![0, 0]));
        assert_eq!(walk(&[32, 10, 14]), None, "no local subroutines");
        assert_eq!(walk(&[139, 139, 12, 10, 14]), None, "arithmetic");
        assert_eq!(walk(&[139, 139, 139, 139, 14]), None, "seac");
        assert_eq!(walk(&[139, 5]), None, "no end");
    }

    /// Runs `test` on the CID-keyed CFF table of the default page
    /// style's CJK face, as the PDF writer reads it.
    fn with_cjk_cff(test: impl FnOnce(&CidCff, &[u8])) {
        use crate::emit::pdf::{fonts::Family, shape::FontShaper, PdfConfig, PdfSetup};
        let setup = PdfSetup::new(&PdfConfig::default()).expect("the template's fonts");
        let shaper = FontShaper::new(&setup.fonts, Family::Cjk).expect("shaper");
        let face = shaper.faces[0].face;
        let (cff, t) = face
            .cid_cff()
            .expect("the CJK face is a CID-keyed CFF read here");
        test(cff, t);
    }

    /// Records an outline, segment by segment.
    #[derive(Default, PartialEq, Debug)]
    struct Path(Vec<(u8, [i32; 6])>);

    impl ttf_parser::OutlineBuilder for Path {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0.push((b'M', [x as i32, y as i32, 0, 0, 0, 0]));
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.0.push((b'L', [x as i32, y as i32, 0, 0, 0, 0]));
        }
        fn quad_to(&mut self, a: f32, b: f32, x: f32, y: f32) {
            self.0
                .push((b'Q', [a as i32, b as i32, x as i32, y as i32, 0, 0]));
        }
        fn curve_to(&mut self, a: f32, b: f32, c: f32, d: f32, x: f32, y: f32) {
            let p = [a, b, c, d, x, y].map(|v| v as i32);
            self.0.push((b'C', p));
        }
        fn close(&mut self) {
            self.0.push((b'Z', [0; 6]));
        }
    }

    use rustybuzz::ttf_parser::{self, GlyphId};

    /// Every glyph of the CJK face is walked to its end (none is left to
    /// allsorts), and a cut of a thousand of them draws each as the face
    /// does, under the face's CID, with the subset far smaller.
    #[test]
    fn a_cut_draws_every_kept_glyph_as_the_face_does() {
        with_cjk_cff(cut_draws_as_the_face);
    }

    fn cut_draws_as_the_face(cff: &CidCff, t: &[u8]) {
        let own = ttf_parser::cff::Table::parse(t).expect("parses");
        let glyphs = own.number_of_glyphs();
        for g in 0..glyphs {
            assert!(cff.calls(t, g).is_some(), "glyph {g} not followed");
        }
        let kept: Vec<u16> = (0..glyphs).step_by(61).collect();
        let (table, cids) = cff.cut(t, &kept).expect("cut");
        assert!(table.len() * 10 < t.len(), "not cut: {} bytes", table.len());
        let cut = ttf_parser::cff::Table::parse(&table).expect("the cut parses");
        assert_eq!(cut.number_of_glyphs(), kept.len() as u16);
        for (new, &old) in kept.iter().enumerate() {
            let (mut a, mut b) = (Path::default(), Path::default());
            let new = GlyphId(new as u16);
            let drawn = cut.outline(new, &mut a).ok();
            assert_eq!(drawn, own.outline(GlyphId(old), &mut b).ok(), "glyph {old}");
            assert_eq!(a, b, "glyph {old} drawn otherwise");
            assert_eq!(cut.glyph_cid(new), own.glyph_cid(GlyphId(old)));
            assert_eq!(Some(cids[usize::from(new.0)]), own.glyph_cid(GlyphId(old)));
        }
        assert_eq!(cff.cut(t, &kept[1..]), None, ".notdef first");
        assert_eq!(cff.cut(&t[1..], &kept), None, "another table");
    }

    /// No cut-short or changed table makes the reader or a cut panic or
    /// hang.
    #[test]
    fn damaged_tables_are_read_without_panic() {
        with_cjk_cff(|_, t| damage(t));
    }

    fn damage(t: &[u8]) {
        let kept: Vec<u16> = (0..2000).step_by(7).collect();
        let try_cut = |bytes: &[u8]| {
            if let Some(cff) = CidCff::read(bytes) {
                let _ = cff.cut(bytes, &kept);
            }
        };
        for cut in (0..t.len()).step_by(t.len() / 97) {
            try_cut(&t[..cut]);
        }
        // The header, the indexes and dicts up front, then every part.
        let mut bad = t.to_vec();
        let mut x = 0x9E37_79B9u32;
        for i in (0..600).chain((600..t.len()).step_by(t.len() / 400)) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            let was = bad[i];
            bad[i] ^= (x as u8) | 1;
            try_cut(&bad);
            bad[i] = was;
        }
    }
}
