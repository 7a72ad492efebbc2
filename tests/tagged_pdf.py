#!/usr/bin/env python3
"""Tagged-PDF check: the machine-checkable rules of ISO 14289-1 (PDF/UA-1)
and ISO 32000-1 §14.7-14.8 that a tagged resolution must meet, read with
pikepdf (qpdf), a parser independent of the one that wrote the file.

Usage: tagged_pdf.py FILE.pdf...  Prints one line per fault, "ok FILE" per
good file; exits 1 when any file has a fault.

Checked (Matterhorn protocol checkpoints in brackets):
- the catalog marks the file as tagged, has a structure tree and a language,
  the viewer shows the document title, which is set (06, 07, 11);
- every page's content is either marked content of a structure element
  (BDC with an MCID) or an artifact, never both, never neither: text,
  paths and images alike (01-001..01-005, 14);
- the parent tree and the structure tree agree both ways: every MCID of a
  page leads to the element that names it, every element's marked content
  exists on its page, once (01, 14);
- every structure type is a standard one or mapped to one (02);
- every font is embedded and maps its glyphs to Unicode (31).
"""

import sys

import pikepdf
from pikepdf import Name

STANDARD = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC",
    "TOCI", "Index", "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4",
    "H5", "H6", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "THead",
    "TBody", "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry", "Code",
    "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure",
    "Formula", "Form",
}
PAINTS = {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*",
          "Do", "sh", "BI"}


def faults(path):
    out = []
    pdf = pikepdf.open(path)
    root = pdf.Root
    if not (root.get("/MarkInfo") and root.MarkInfo.get("/Marked") is True):
        out.append("catalog: /MarkInfo /Marked is not true")
    if not str(root.get("/Lang", "")).strip():
        out.append("catalog: no /Lang")
    prefs = root.get("/ViewerPreferences")
    if not (prefs and prefs.get("/DisplayDocTitle") is True):
        out.append("catalog: /DisplayDocTitle is not true")
    title = str(pdf.docinfo.get("/Title", "")) if pdf.trailer.get("/Info") else ""
    if not title.strip():
        out.append("info: no /Title")
    tree = root.get("/StructTreeRoot")
    if tree is None:
        return out + ["catalog: no /StructTreeRoot"]
    roles = tree.get("/RoleMap") or {}
    pages = {p.obj.objgen: i for i, p in enumerate(pdf.pages)}
    named = structure(tree, roles, pages, out)
    content = page_content(pdf, out)
    parents = parent_tree(tree)
    for (page, mcid), elem in named.items():
        if mcid not in content.get(page, set()):
            out.append(f"page {page + 1}: element names MCID {mcid}, which the page lacks")
    for page, mcids in content.items():
        key = pdf.pages[page].obj.get("/StructParents")
        if key is None:
            out.append(f"page {page + 1}: marked content but no /StructParents")
            continue
        table = parents.get(int(key))
        for mcid in mcids:
            if (page, mcid) not in named:
                out.append(f"page {page + 1}: MCID {mcid} in no structure element")
            elif table is None or mcid >= len(table) or \
                    table[mcid].objgen != named[(page, mcid)].objgen:
                out.append(f"page {page + 1}: parent tree does not lead MCID {mcid} to its element")
    fonts(pdf, out)
    return out


def structure(tree, roles, pages, out):
    """Walks the structure tree: (page index, MCID) -> element."""
    named = {}
    stack = [(k, None) for k in as_list(tree.get("/K"))]
    seen = set()
    while stack:
        elem, _ = stack.pop()
        if not isinstance(elem, pikepdf.Dictionary) or elem.objgen in seen:
            continue
        seen.add(elem.objgen)
        s = str(elem.get("/S", ""))[1:]
        mapped = s
        for _ in range(8):
            if mapped in STANDARD or Name("/" + mapped) not in roles:
                break
            mapped = str(roles[Name("/" + mapped)])[1:]
        if mapped not in STANDARD:
            out.append(f"structure: type {s!r} is not standard and not mapped to one")
        pg = elem.get("/Pg")
        kids = as_list(elem.get("/K"))
        for kid in kids:
            if isinstance(kid, int):
                if pg is None:
                    out.append(f"structure: {s} names MCID {kid} without /Pg")
                    continue
                key = (pages.get(pg.objgen, -1), int(kid))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == Name.MCR:
                kpg = kid.get("/Pg", pg)
                key = (pages.get(kpg.objgen, -1), int(kid.MCID))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == Name.OBJR:
                continue  # an annotation's place in the structure
            else:
                stack.append((kid, elem))
                continue
            if key in named:
                out.append(f"structure: MCID {key[1]} of page {key[0] + 1} named twice")
            named[key] = elem
    return named


def as_list(obj):
    if obj is None:
        return []
    if isinstance(obj, pikepdf.Array):
        return list(obj)
    return [obj]


def page_content(pdf, out):
    """Per page index, the MCIDs its content marks; faults for content that
    is neither marked nor artifact."""
    found = {}
    for i, page in enumerate(pdf.pages):
        stack = []
        mcids = set()
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op in ("BDC", "BMC"):
                tag = str(operands[0])[1:]
                mcid = None
                if op == "BDC" and isinstance(operands[1], pikepdf.Dictionary):
                    m = operands[1].get("/MCID")
                    mcid = int(m) if m is not None else None
                stack.append((tag, mcid))
                if mcid is not None:
                    if any(t == "Artifact" for t, _ in stack[:-1]):
                        out.append(f"page {i + 1}: MCID {mcid} inside an artifact")
                    if mcid in mcids:
                        out.append(f"page {i + 1}: MCID {mcid} used twice")
                    mcids.add(mcid)
            elif op == "EMC":
                if not stack:
                    out.append(f"page {i + 1}: EMC without BDC/BMC")
                else:
                    stack.pop()
            elif op in PAINTS:
                tagged = any(m is not None for _, m in stack)
                artifact = any(t == "Artifact" for t, _ in stack)
                if not (tagged or artifact):
                    out.append(f"page {i + 1}: {op} neither tagged nor artifact")
                    break
        if stack:
            out.append(f"page {i + 1}: marked content left open")
        if mcids:
            found[i] = mcids
    return found


def parent_tree(tree):
    """The parent tree's number tree, flattened: key -> array."""
    flat = {}
    nodes = [tree.get("/ParentTree")]
    while nodes:
        node = nodes.pop()
        if node is None:
            continue
        nums = list(node.get("/Nums", []))
        for k in range(0, len(nums) - 1, 2):
            flat[int(nums[k])] = list(nums[k + 1])
        nodes.extend(node.get("/Kids", []))
    return flat


def fonts(pdf, out):
    seen = set()
    for page in pdf.pages:
        res = page.obj.get("/Resources") or {}
        for name, font in (res.get("/Font") or {}).items():
            if font.objgen in seen:
                continue
            seen.add(font.objgen)
            desc_font = font
            if font.get("/Subtype") == Name.Type0:
                desc_font = font.DescendantFonts[0]
            desc = desc_font.get("/FontDescriptor")
            if desc is None or not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                out.append(f"font {font.get('/BaseFont')}: not embedded")
            if "/ToUnicode" not in font:
                out.append(f"font {font.get('/BaseFont')}: no /ToUnicode")


def main(paths, check=None):
    """Prints each file's faults (`check`: this module's, by default), or
    "ok FILE"; 1 when any file has one. pdfa_check.py reports through it."""
    check = check or faults
    bad = 0
    for path in paths:
        try:
            found = check(path)
        except Exception as e:  # a file the checker cannot read is a fault
            found = [f"unreadable: {e}"]
        for f in found:
            print(f"{path}: {f}")
        if found:
            bad += 1
        else:
            print(f"ok {path}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
