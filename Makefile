# Two commands do everything: `make serve` to read the guide, `make test` to check it.
# Both create .venv from the pinned requirements on first use.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SITE_DIR ?= site
# Paper size of the PDF: a4 or letter (e.g. `make build PAPER=letter`).
PAPER ?= a4
STAMP := $(VENV)/.installed-from-requirements
# The browser readers use, for Lighthouse and the revision timings (the tests use the headless shell).
FULL_CHROMIUM := $(or $(CHROME_PATH),/usr/bin/chromium)

# Material 9.7+ prints an end-of-life banner about MkDocs 2 on every build; the README explains the pin.
export NO_MKDOCS_2_WARNING := 1
export PDF_PAPER := $(PAPER)

.PHONY: serve build pdf test lint venv lock clean bench audit links python-check system-check

# The preview skips the PDF (about ten seconds a build), the decks and the offline worker, so that pages
# reload at once and no stale worker hides live changes; `make build` makes them all.
serve: $(STAMP)
	GUIDE_PDF=off GUIDE_DOWNLOADS=off GUIDE_OFFLINE=off $(BIN)/mkdocs serve --strict --livereload --dev-addr 127.0.0.1:8000

# Built into a scratch folder and swapped in only when complete (scripts/build_site.py): a failed build
# leaves the last good site, and a second build in the same checkout waits for the first.
build: $(STAMP)
	$(BIN)/python scripts/build_site.py $(SITE_DIR) $(BIN)/mkdocs

# The PDF alone: the site is built into a scratch folder and only the PDF is copied into $(SITE_DIR).
pdf: $(STAMP)
	$(BIN)/python scripts/build_site.py --pdf-only $(SITE_DIR) $(BIN)/mkdocs

# The system packages are checked first, so that a missing one stops the run before any test starts.
test: system-check $(STAMP)
	$(BIN)/ruff check scripts tests
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check scripts tests

venv: $(STAMP)

# The oldest Python the pins are locked for is Debian 12's 3.11.2 (see requirements.in).
python-check:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "Python 3.11 or newer is needed as '$(PYTHON)'. On Debian or Ubuntu: sudo apt-get install python3 python3-venv"; \
	  exit 1; }
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || { \
	  echo "Python's venv module is missing. On Debian or Ubuntu: sudo apt-get install python3-venv"; exit 1; }

# Chromium, Pango and fonts for the tests and the PDF. Missing ones are installed by the project's
# script: directly as root, through sudo where it works without a password, and otherwise (or with
# GUIDE_AUTO_INSTALL=no) the run stops with the one command to type.
system-check:
	@bash .ci/install-system-packages --check >/dev/null 2>&1 || { \
	  if [ "$${GUIDE_AUTO_INSTALL:-yes}" != no ] && [ "$$(id -u)" = 0 ]; then bash .ci/install-system-packages; \
	  elif [ "$${GUIDE_AUTO_INSTALL:-yes}" != no ] && sudo -n true 2>/dev/null; then sudo bash .ci/install-system-packages; \
	  fi; \
	  bash .ci/install-system-packages --check || { \
	    echo "Install them with: sudo bash .ci/install-system-packages"; exit 1; }; }

# The stamp is rebuilt whenever the pins change, so an old environment is never used silently.
$(STAMP): requirements.txt | python-check
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

# Re-resolve requirements.in into exact pins for the oldest supported Python (run by a maintainer, then
# commit requirements.txt).
lock: $(STAMP)
	$(BIN)/python scripts/lock_requirements.py

clean:
	rm -rf $(SITE_DIR) .pytest_cache

# Performance figures (medians of several runs); see the README's Performance section. The second script
# times the flashcard drill and the quiz in Chromium slowed to a mid-range phone (budget 50 ms an action).
bench: $(STAMP)
	$(BIN)/python scripts/bench.py
	CHROME_PATH=$(FULL_CHROMIUM) $(BIN)/python scripts/bench_revision.py

# The sweeps that `make test` runs on one page of each kind (axe in both schemes, the phone's 44 px
# targets and sideways scrolling), run on every page; then Lighthouse scores for the home page, a
# chapter, the glossary and the timeline (npm's lighthouse, pinned in package.json, with Debian's
# chromium): accessibility, best practices and SEO 100, performance at least 95.
audit: system-check build
	$(BIN)/python -m pytest -m sweep --every-page
	npm ci --no-audit --no-fund
	CHROME_PATH=$(FULL_CHROMIUM) $(BIN)/python scripts/audit.py

# Crawl the built site under a sub-path: list outside links, report broken internal links and anchors.
links: build
	$(BIN)/python tests/linkcheck.py $(SITE_DIR)

# Refresh the vendored ts-fsrs (FSRS scheduler for the flashcard drill) from the exact version pinned in
# package.json/package-lock.json: `npm pack` checked against the lock's sha512, copied byte for byte.
.PHONY: vendor
vendor:
	$(PYTHON) scripts/vendor_fsrs.py

# Check a teacher's or student's notes with the same rules as the "Check your notes" page (needs Node).
check-notes: $(STAMP)
	@test -n "$(FILE)" || { echo "Usage: make check-notes FILE=notes.txt"; exit 2; }
	$(BIN)/python scripts/check_notes.py "$(FILE)"
