#!/usr/bin/env python3
"""The PDF peer of `make bench`: typst (PyPI `typst`, the compiler in
process through its Python binding) setting the same resolutions as PDF.

The typst source is written here from the IR unres printed as JSON
(`--to json`), outside the timed part, in the UN's page as unres sets it:
A4, Liberation Serif / Noto Serif CJK SC / Noto Naskh Arabic at 10 pt on
12, justified, the title in bold, the formula in italics, numbered
paragraphs with their sub-paragraphs, italic lead phrases, notes as
footnotes where first cited, tables, each annex on a new page. What is
timed is typst's compile to a tagged PDF, once per distinct document per
round after one warm-up compile (fonts are found once, when the compiler
is made). typst memoizes layout (comemo) across compiles in a process: a
document compiled again costs next to nothing, which no batch of distinct
documents enjoys. So each round sets the text a thousandth of a point
larger than the round before: every round is new work, as a new
document is.

    peer_typst.py [--repeat N] IR.json...

prints one line: "docs N seconds S failed F" (best of N rounds over the
whole set).
"""
import argparse
import json
import sys
import time

import typst


def lit(text):
    """A typst string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def inline(parts, notes):
    out = []
    for p in parts:
        t = p.get("type")
        if t == "text":
            out.append("#" + lit(p["value"]))
        elif t == "emphasis":
            out.append("#emph[" + inline(p["value"], notes) + "]")
        elif t == "note_ref":
            body = notes.pop(p["value"], None)
            if body is None:
                out.append("#super(" + lit(p["value"]) + ")")
            else:
                out.append("#footnote[" + inline(body, notes) + "]")
    return "".join(out)


def paragraph(p, depth, out, notes):
    num = p.get("num")
    head = ("#" + lit(num + " ") if num else "")
    indent = f"{2.5 * depth:.1f}em"
    out.append(f"#pad(left: {indent})[{head}{inline(p.get('content', []), notes)}]")
    for item in p.get("items", []):
        paragraph(item, depth + 1, out, notes)
    if p.get("wrap_up"):
        out.append(f"#pad(left: {indent})[{inline(p['wrap_up'], notes)}]")


def block(b, out, notes):
    kind = b.get("type")
    if kind == "paragraph":
        paragraph(b, 0, out, notes)
    elif kind == "heading":
        num = b.get("num")
        head = ("#" + lit(num) + " #linebreak() " if num else "")
        out.append(f"#strong[{head}{inline(b.get('text', []), notes)}]")
    elif kind == "table":
        rows = b.get("rows", [])
        cols = max((len(r) for r in rows), default=0)
        if cols:
            cells = ", ".join(
                "[" + inline(c, notes) + "]" for r in rows for c in r + [[]] * (cols - len(r)))
            out.append(f"#table(columns: {cols}, stroke: none, {cells})")


FONTS = '("Liberation Serif", "Noto Serif CJK SC", "Noto Naskh Arabic")'


def source(ir, size=10.0):
    meta = ir.get("meta", {})
    notes = {n["marker"]: n["content"] for n in ir.get("notes", [])}
    lang = meta.get("lang", "en")
    out = [
        '#set page(paper: "a4", margin: (x: 115pt, top: 72pt, bottom: 90pt),'
        ' header: align(right, text(size: 8pt, ' + lit(meta.get("symbol", "")) + ')),'
        ' footer: context align(center, text(size: 8pt, counter(page).display("1/1", both: true))))',
        f'#set text(font: {FONTS}, size: {size:.3f}pt, lang: {lit(lang)})',
        "#set par(justify: true, leading: 0.45em, spacing: 0.9em)",
        "#set footnote.entry(separator: line(length: 30%, stroke: 0.5pt))",
    ]
    for line in ir.get("masthead", []):
        out.append("#text(size: 8pt)[#" + lit(line) + "]")
    for line in ir.get("preface", []):
        out.append("#strong[#" + lit(line) + "]")
    title = (meta.get("title_num", "") + " " + meta.get("title", "")).strip()
    out.append("#strong[#" + lit(title) + "]")
    if ir.get("formula"):
        out.append("#emph[#" + lit(ir["formula"]) + "]")
    for b in ir.get("preamble", []) + ir.get("body", []):
        block(b, out, notes)
    for line in ir.get("conclusions", []):
        out.append("#align(center)[#" + lit(line) + "]")
    for a in ir.get("annexes", []):
        out.append("#pagebreak()")
        out.append("#strong[#" + lit(a.get("label", "")) + "]")
        if a.get("title"):
            out.append("#strong[" + inline(a["title"], notes) + "]")
        for b in a.get("content", []):
            block(b, out, notes)
    for marker, body in list(notes.items()):  # notes never cited
        out.append("#footnote[" + inline(body, notes) + "]")
    return "\n\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    irs = []
    for f in args.files:
        with open(f, encoding="utf-8") as fh:
            irs.append(json.load(fh))
    compiler = typst.Compiler()
    compiler.compile(input=f"#set text(font: {FONTS})\nwarm-up 热身 تسخين".encode(), format="pdf")
    best = None
    failed = 0
    for r in range(args.repeat):
        docs = [source(ir, 10.0 + 0.001 * r).encode() for ir in irs]
        failed = 0
        t0 = time.perf_counter()
        for src in docs:
            try:
                compiler.compile(input=src, format="pdf")
            except Exception as e:
                failed += 1
                if failed == 1:
                    print(f"typst: {str(e)[:300]}", file=sys.stderr)
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    print(f"docs {len(irs)} seconds {best:.6f} failed {failed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
