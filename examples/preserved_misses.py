#!/usr/bin/env python3
"""Accounts for every token `unres-check preserved` finds missing when the
PDF reading of an official PDF (OUT/X.xml) is checked against its
pdftotext twin (X.pdftotext.txt).

usage: preserved_misses.py UNRES_CHECK OUTDIR PDF...

The checker counts the twin's tokens the output lacks. A token can lack
for three reasons no reader of the PDF should copy, and one that is a
loss; each missing occurrence is put in the first class that explains it:

- split: pdftotext cut a printed word at a wide glyph gap ("framew ork");
  the token joined with its neighbours in the twin (up to three tokens,
  nothing but spaces between) is a word of the output (a token, a
  hyphenated compound without its hyphens, or a word with markup inside);
- dehyphenated: the checker joins every "word-" / "word" line break into
  one token, where the page printed a compound ("capacity-building"); the
  output holds the token with a hyphen inside it;
- glued: pdftotext ran a note's raised figure into the figure before it
  ("2030" and citation "2" as "20302"); both parts are output tokens;
- folio: pdftotext ran a page's folio ("2/6") into the line before it
  ("Non-Self2/6"), where the checker cannot drop it as furniture;
- markup: the output prints the word whole with inline markup inside it
  ("Saf<i>er</i>Guard", as the page sets it), which the checker reads as
  three tokens;
- unexplained: anything else, printed with its document: a real loss.

Prints, per class, how many occurrences; the documents under the
checker's 99.9 %; and every unexplained token. Exit 1 if any is
unexplained.
"""

import collections
import importlib.machinery
import importlib.util
import os
import re
import sys


def load_checker(path):
    loader = importlib.machinery.SourceFileLoader("unres_check", path)
    spec = importlib.util.spec_from_loader("unres_check", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def source_tokens(uc, body):
    """The twin's tokens as the checker counts them, in order: each with
    its span and whether only spaces part it from the next."""
    toks = [(m.group(), m.start(), m.end()) for m in uc.TOKEN.finditer(body)]
    out = []
    for i, (t, s, e) in enumerate(toks):
        nxt = toks[i + 1][1] if i + 1 < len(toks) else e
        out.append((t, s, e, nxt > e and body[e:nxt].isspace()))
    return out


def glued_folios(body):
    """Spans of folios ("2/6") run into the end of a text line: "k/N" after
    a letter, N the total the lone folios of the document print."""
    totals = collections.Counter(m.group(1) for m in re.finditer(r"(?m)^\s*\d+/(\d+)\s*$", body))
    if not totals:
        return []
    total = totals.most_common(1)[0][0]
    return [m.span(1) for m in re.finditer(r"(?m)(?<=[^\W\d_])(\d+/" + total + r")\s*$", body)]


def classify(token, seq, got, compounds, folios, bare):
    """The class explaining one missing `token`: the first that explains
    any of its occurrences."""
    def whole(j):
        return j in got or j in compounds or j in bare
    for i, (t, s, e, _) in enumerate(seq):
        if t != token:
            continue
        for lo in range(max(0, i - 2), i + 1):
            for hi in range(i, min(len(seq), lo + 3)):
                if hi == lo or not all(seq[k][3] for k in range(lo, hi)):
                    continue
                joined = "".join(x[0] for x in seq[lo:hi + 1])
                if whole(joined):
                    return "split"
        if any(a <= s and e <= b for a, b in folios):
            return "folio"
    if token in compounds:
        return "dehyphenated"
    if token.isdigit() and any(token[:k] in got and token[k:] in got for k in range(1, len(token))):
        return "glued"
    if token in bare:
        return "markup"
    return "unexplained"


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    uc = load_checker(argv[0])
    out_dir = argv[1]
    classes = collections.Counter()
    below, unexplained, total_docs = [], [], 0
    for pdf in argv[2:]:
        stem = os.path.splitext(os.path.basename(pdf))[0]
        twin = os.path.splitext(pdf)[0] + ".pdftotext.txt"
        out = os.path.join(out_dir, stem + ".xml")
        if not os.path.exists(twin) or not os.path.exists(out):
            continue
        total_docs += 1
        text = open(twin, encoding="utf-8", errors="replace").read()
        want = collections.Counter(uc.input_tokens(text))
        output = uc.output_text(out)
        got = collections.Counter(uc.TOKEN.findall(output))
        missing = want - got
        total = sum(want.values()) or 1
        recall = 100.0 * (total - sum(missing.values())) / total
        if recall < 99.9:
            below.append((recall, stem))
        if not missing:
            continue
        body = re.sub(r"(?<=[a-z])-\n\s*(?=[a-z])", "", text)
        seq = source_tokens(uc, body)
        # Hyphenated compounds of the output, hyphens out, and any run of
        # their parts ("capacitybuilding"; "SelfGoverning" of
        # "Non-Self-Governing", which the checker joins at a line end).
        compounds = set()
        for c in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)+", output):
            parts = c.split("-")
            compounds.update("".join(parts[a:b]) for a in range(len(parts))
                             for b in range(a + 2, len(parts) + 1))
        xml = open(out, encoding="utf-8", errors="replace").read()
        bare = set(uc.TOKEN.findall(re.sub(r"<[^>]*>", "", xml)))
        folios = glued_folios(body)
        for token, n in missing.items():
            kind = classify(token, seq, got, compounds, folios, bare)
            classes[kind] += n
            if kind == "unexplained":
                unexplained.append((stem, token, n))
    print(f"preserved misses over {total_docs} PDF readings against their pdftotext twins:")
    for kind in ("split", "dehyphenated", "glued", "folio", "markup", "unexplained"):
        print(f"  {kind:13} {classes[kind]}")
    print(f"  documents under 99.9 %: {len(below)}"
          + (f" (lowest {min(below)[0]:.2f} %, {min(below)[1]})" if below else ""))
    for stem, token, n in unexplained:
        print(f"  unexplained: {stem}: {token!r} x{n}")
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
