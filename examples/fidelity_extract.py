#!/usr/bin/env python3
"""The extractions `make fidelity` compares the PDF reader against.

    fidelity_extract.py CACHE DIR...

For every DIR/X.pdf and every extractor below, the text is taken from
DIR/X.EXTRACTOR.txt when the corpus has it; otherwise it is made once into
CACHE/<basename of DIR>/X.EXTRACTOR.txt (again when the PDF is newer), as
the corpus's own extractions were made:

- pdfminer: pdfminer.six `extract_text()`, default LAParams (pages end
  with a form feed);
- pymupdf: PyMuPDF `page.get_text()` of each page, concatenated;
- pypdf: pypdf `page.extract_text()` of each page, joined by a line feed;
- pdftotext-layout: poppler's `pdftotext -layout`.

An extractor whose module (or program) is missing is skipped with one line
saying so; a PDF an extractor fails on is skipped with one line. Files are
written to a temporary name and renamed, so an interrupted run leaves whole
extractions or none.
"""

import concurrent.futures
import importlib.util
import os
import shutil
import subprocess
import sys


def pdfminer(path):
    from pdfminer.high_level import extract_text

    return extract_text(path)


def pymupdf(path):
    import pymupdf

    with pymupdf.open(path) as doc:
        return "".join(page.get_text() for page in doc)


def pypdf(path):
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def pdftotext_layout(path):
    return subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", path, "-"],
        check=True,
        capture_output=True,
    ).stdout.decode("utf-8")


# name, function, what it needs (a module or a program)
EXTRACTORS = [
    ("pdftotext-layout", pdftotext_layout, ("program", "pdftotext")),
    ("pdfminer", pdfminer, ("module", "pdfminer")),
    ("pymupdf", pymupdf, ("module", "pymupdf")),
    ("pypdf", pypdf, ("module", "pypdf")),
]


def available(need):
    kind, name = need
    if kind == "program":
        return shutil.which(name) is not None
    return importlib.util.find_spec(name) is not None


def make(job):
    name, pdf, out = job
    func = dict((n, f) for n, f, _ in EXTRACTORS)[name]
    try:
        text = func(pdf)
    except Exception as e:  # one bad PDF must not stop the others
        return f"fidelity: {name} failed on {pdf}: {type(e).__name__}: {e}"
    tmp = f"{out}.tmp-{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, out)
    return None


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    cache, dirs = argv[1], argv[2:]
    usable = []
    for name, _, need in EXTRACTORS:
        if available(need):
            usable.append(name)
        else:
            print(f"fidelity: {need[1]} not available: no {name} extractions made")
    jobs = []
    for d in dirs:
        pdfs = sorted(f for f in os.listdir(d) if f.endswith(".pdf"))
        out_dir = os.path.join(cache, os.path.basename(os.path.normpath(d)))
        for f in pdfs:
            pdf = os.path.join(d, f)
            stem = f[: -len(".pdf")]
            for name in usable:
                if os.path.exists(os.path.join(d, f"{stem}.{name}.txt")):
                    continue
                out = os.path.join(out_dir, f"{stem}.{name}.txt")
                if os.path.exists(out) and os.path.getmtime(out) >= os.path.getmtime(pdf):
                    continue
                os.makedirs(out_dir, exist_ok=True)
                jobs.append((name, pdf, out))
    if jobs:
        print(f"fidelity: making {len(jobs)} extractions in {cache}", flush=True)
    workers = min(2, os.cpu_count() or 1)
    failed = 0
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers) as pool:
        for msg in pool.map(make, jobs, chunksize=4):
            if msg:
                failed += 1
                print(msg)
    if failed:
        print(f"fidelity: {failed} extraction(s) failed; those readings are left out")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
