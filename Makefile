# unres — one command each for the demo, the tests and the benchmark.
# Each installs what it needs (Debian packages) when missing.

SHELL := /bin/bash
CARGO ?= cargo
BIN := target/release/unres
SHARED := ../shared
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all build demo test test-venv deps check bench bench-pdf fidelity man fuzz clean

all: build

# Debian packages the tests and the PDF output rely on (chromium: the
# browser test of the HTML pages).
deps:
	@need=""; \
	command -v xmllint >/dev/null || need="$$need libxml2-utils"; \
	command -v pdftotext >/dev/null || need="$$need poppler-utils"; \
	command -v python3 >/dev/null || need="$$need python3"; \
	python3 -c 'import venv, ensurepip' 2>/dev/null || need="$$need python3-venv"; \
	[ -x /usr/bin/time ] || need="$$need time"; \
	command -v bc >/dev/null || need="$$need bc"; \
	command -v parallel >/dev/null || need="$$need parallel"; \
	command -v chromium >/dev/null || need="$$need chromium"; \
	command -v pandoc >/dev/null || need="$$need pandoc"; \
	fc-list 2>/dev/null | grep -q "Noto Serif CJK" || need="$$need fonts-noto-cjk"; \
	fc-list 2>/dev/null | grep -q "NotoSerif-Regular" || need="$$need fonts-noto-core"; \
	fc-list 2>/dev/null | grep -q "LiberationSerif-Regular" || need="$$need fonts-liberation"; \
	if [ -n "$$need" ]; then \
	  echo "installing:$$need"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$need >/dev/null; \
	fi
	@command -v cargo >/dev/null || { echo "cargo not found: install Rust from https://rustup.rs"; exit 1; }

build:
	$(CARGO) build --release --locked

# The main job on samples/: every sample to Markdown, Akoma Ntoso and PDF in out/.
demo: deps build
	$(BIN) convert samples --to md,akn,pdf,html -o out
	@echo "demo: outputs in out/"; ls out

# Test-only Python tools, in a virtual environment of their own: pikepdf
# (qpdf), the independent reader of the tagged-PDF check.
TEST_VENV := $(or $(CARGO_TARGET_DIR),target)/test-venv
TEST_PY := "pikepdf==10.18.0"
test-venv: deps
	@[ -e $(TEST_VENV)/.installed ] || { \
	  python3 -m venv $(TEST_VENV) \
	  && $(TEST_VENV)/bin/pip install -q $(TEST_PY) \
	  && touch $(TEST_VENV)/.installed; }

# Every test: format, lints, unit and integration tests (the corpus checks
# run when ../shared exists and say so when they are skipped).
test: deps test-venv
	$(CARGO) fmt --check
	$(CARGO) clippy --release --locked --all-targets -- -D warnings
	UNRES_TEST_PYTHON=$(abspath $(TEST_VENV))/bin/python $(CARGO) test --release --locked

# What a run costs beside its peers, in one run (tests/bench.sh): text ->
# md+akn at -j1/-j2 (documents/s, MB/s, peak memory; 1,000 and 10,000
# documents), bluebell on the same documents, read::pdf beside pdftotext,
# PDF out; then the text path in process, per document (benches/text_path.rs,
# divan). A benchmark, not a timed test.
bench: deps build
	$(CARGO) build --release --locked --example pdf_batch
	bash tests/bench.sh
	$(CARGO) bench --locked --bench text_path

# PDF throughput: fonts loaded once, the reference rendered 100 times.
bench-pdf: deps
	$(CARGO) run --release --locked --example pdf_batch -- samples/A_RES_59_159.txt 100

# Fidelity of the PDF reader: the IR of each corpus PDF (en, en-dev)
# against the IR of each text extraction of it, and against the counts
# checked on the printed pages (tests/expected/pdf_counts.tsv). The
# extractions the corpus lacks (pdfminer.six, PyMuPDF, pypdf, pdftotext
# -layout) are made once into $(FIDELITY)/extract with a virtual
# environment of its own; without PyPI it compares what there is and says so.
FIDELITY := $(or $(CARGO_TARGET_DIR),target)/fidelity
FIDELITY_PY := "pdfminer.six==20260107" "pymupdf>=1.28,<1.29" "pypdf==7.1.1"
fidelity: deps
	@test -d $(SHARED)/corpus/en-dev || { echo "fidelity: $(SHARED)/corpus not found"; exit 1; }
	@if [ ! -e $(FIDELITY)/venv/.installed ]; then \
	  mkdir -p $(FIDELITY) && python3 -m venv $(FIDELITY)/venv \
	  && $(FIDELITY)/venv/bin/pip install -q $(FIDELITY_PY) \
	  && touch $(FIDELITY)/venv/.installed \
	  || echo "fidelity: could not install pdfminer.six, pymupdf, pypdf (PyPI unreachable?): using the extractions that exist"; \
	fi
	@py=$(FIDELITY)/venv/bin/python; [ -x $$py ] || py=python3; \
	$$py examples/fidelity_extract.py $(FIDELITY)/extract $(SHARED)/corpus/en $(SHARED)/corpus/en-dev
	$(CARGO) run --release --locked --example fidelity -- --cache $(FIDELITY)/extract \
	  --expected tests/expected/pdf_counts.tsv $(SHARED)/corpus/en $(SHARED)/corpus/en-dev
	@# unres-check preserved of each PDF reading against its pdftotext twin,
	@# every missing token accounted for (examples/preserved_misses.py says how).
	@rm -rf $(FIDELITY)/akn && $(CARGO) run --release --locked -q -- convert -q --to akn \
	  -o $(FIDELITY)/akn $(SHARED)/corpus/en/*.pdf $(SHARED)/corpus/en-dev/*.pdf
	python3 examples/preserved_misses.py $(SHARED)/tools/unres-check $(FIDELITY)/akn \
	  $(SHARED)/corpus/en/*.pdf $(SHARED)/corpus/en-dev/*.pdf

# The manual pages: target/man/unres.1 and one per command
# (unres-convert.1, …); read one with `man -l target/man/unres-convert.1`.
man: build
	$(BIN) man target/man
	@echo "man: target/man/"; ls target/man

# Coverage-guided fuzzing (cargo-fuzz, installed when missing): each target
# in fuzz/ for FUZZ_SECONDS (default 1800), at nice 19; prints the
# executions per target and fails when one crashed (fuzz/run.sh).
FUZZ_SECONDS ?= 1800
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) CARGO=$(CARGO) bash fuzz/run.sh

clean:
	$(CARGO) clean
	rm -rf out
