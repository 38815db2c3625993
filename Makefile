# Two commands do everything: `make serve` to read the guide, `make test` to check it.
# Both create .venv from the pinned requirements on first use.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SITE_DIR ?= site
# Paper size of the PDF: a4 or letter (e.g. `make build PAPER=letter`).
PAPER ?= a4
STAMP := $(VENV)/.installed-from-requirements

# Material 9.7+ prints an end-of-life banner about MkDocs 2 on every build; the README explains the pin.
export NO_MKDOCS_2_WARNING := 1
export PDF_PAPER := $(PAPER)

.PHONY: serve build pdf test venv lock clean bench audit links

# The preview skips the PDF (about ten seconds a build) so that pages reload at once; `make build` makes it.
serve: $(STAMP)
	GUIDE_PDF=off $(BIN)/mkdocs serve --strict --livereload --dev-addr 127.0.0.1:8000

# Built into a scratch folder and swapped in only on success: a failed build leaves the last good site.
build: $(STAMP)
	rm -rf $(SITE_DIR).new
	$(BIN)/mkdocs build --strict --site-dir $(SITE_DIR).new
	rm -rf $(SITE_DIR)
	mv $(SITE_DIR).new $(SITE_DIR)

# The PDF alone: the site is built into a scratch folder and only the PDF is copied into $(SITE_DIR).
pdf: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir .cache/pdf-build
	mkdir -p $(SITE_DIR)
	cp .cache/pdf-build/stalins-rise-to-power.pdf $(SITE_DIR)/

test: $(STAMP)
	$(BIN)/python -m pytest

venv: $(STAMP)

# The stamp is rebuilt whenever the pins change, so an old environment is never used silently.
$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

# Re-resolve requirements.in into exact pins (run by a maintainer, then commit requirements.txt).
lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet -r requirements.in
	( echo '# Exact pins of every package, generated from requirements.in by `make lock`.'; \
	  .lock-venv/bin/python -m pip freeze ) > requirements.txt
	rm -rf .lock-venv

clean:
	rm -rf $(SITE_DIR) .pytest_cache

# Performance figures (medians of several runs); see the README's Performance section.
bench: $(STAMP)
	$(BIN)/python scripts/bench.py

# Lighthouse scores for the home page, a chapter, the glossary and the timeline (npm's lighthouse,
# pinned in package.json, with Debian's chromium): accessibility, best practices and SEO 100,
# performance at least 95.
audit: build
	npm ci --no-audit --no-fund
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(BIN)/python scripts/audit.py

# Crawl the built site under a sub-path: list outside links, report broken internal links and anchors.
links: build
	$(BIN)/python tests/linkcheck.py $(SITE_DIR)

# Refresh the vendored ts-fsrs (FSRS scheduler for the flashcard drill) from the exact version pinned in
# package.json/package-lock.json: `npm pack` checked against the lock's sha512, copied byte for byte.
.PHONY: vendor
vendor:
	$(PYTHON) scripts/vendor_fsrs.py
