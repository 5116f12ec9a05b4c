# Confnotes: `make serve` to preview, `make test` to check everything.
# The virtual environment is made from the pinned requirements and remade when they change.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: build-properdocs serve build test lint unit site-tests browser-tests bench bench-hostile browser checkers fonts clean check note new-site real-notes

$(BIN)/.runtime: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Confnotes needs Python 3.11 or newer (found: $$($(PYTHON) --version))"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# The `confnotes` command, installed editable: it runs the code in hooks/confnotes as it is now.
# (setuptools warns that a folder named like the package could shadow it; none can here.)
$(BIN)/confnotes: $(BIN)/.runtime pyproject.toml
	PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet --disable-pip-version-check \
	  --no-deps -e .
	touch $@

$(BIN)/.dev: $(BIN)/confnotes requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

serve: $(BIN)/.runtime
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload --dirty

build: $(BIN)/.runtime fonts
	$(BIN)/mkdocs build --strict

# The same site built with ProperDocs, the maintained fork of MkDocs 1.6 (same plugin API), in a
# venv of its own: the runtime pins without MkDocs, and ProperDocs. It reads mkdocs.yml as it is.
PROPERDOCS := .venv-properdocs/bin
$(PROPERDOCS)/.runtime: requirements.txt requirements-properdocs.txt
	test -x $(PROPERDOCS)/python || $(PYTHON) -m venv .venv-properdocs
	grep -vE '^(mkdocs|mkdocs-get-deps)==' requirements.txt > .venv-properdocs/runtime.txt
	$(PROPERDOCS)/python -m pip install --quiet --disable-pip-version-check --no-deps \
	  -r .venv-properdocs/runtime.txt -r requirements-properdocs.txt
	touch $@

build-properdocs: $(PROPERDOCS)/.runtime fonts
	$(PROPERDOCS)/properdocs build --strict -f mkdocs.yml --site-dir $(CURDIR)/.cache/properdocs-site

# Every note and registry file, read as the build reads them, in a second or two; fails on any
# warning, as the --strict build does. `make check FILES="docs/notes/x.md"` shows one file.
check: $(BIN)/confnotes
	$(BIN)/confnotes check --strict $(FILES)

# A new note at docs/notes/<year>/<event>/: asks in Korean, or `make note ARGS="--title ... --yes"`.
note: $(BIN)/confnotes
	$(BIN)/confnotes new $(ARGS)

# Start your own site from this one: removes the sample notes and registry entries (asks first).
new-site: $(BIN)/confnotes
	$(BIN)/confnotes new-site $(ARGS)

lint: $(BIN)/.dev
	$(BIN)/ruff check hooks tests bench
	$(BIN)/mypy
	$(BIN)/mypy --strict bench

# Social cards need a font with Hangul (hooks/confnotes/cards.py, card_fonts.py): installed here on Debian as
# root; elsewhere the message says what to install. Without one, cards are left out with a
# warning, which a --strict build counts.
fonts:
	@fc-list 2>/dev/null | grep -qiE 'cjk|nanum|gothic' || ! command -v apt-get >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk; \
	  else echo "Social cards need a font with Hangul: sudo apt-get install fonts-noto-cjk"; exit 1; fi; }

# Browser tests need Debian's Chromium; as root on Debian it is installed here, elsewhere the
# message says what to install.
browser:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-cjk; \
	  else \
	    echo "Browser tests need Chromium at /usr/bin/chromium: sudo apt-get install chromium chromium-driver fonts-noto-cjk"; exit 1; \
	  fi; }

# The browser tests' checkers: axe-core and the Nu HTML Checker (vnu.jar), pinned in
# package.json and installed from npm without running their install scripts (vnu-jar's would
# download a Java runtime); Java and npm come from Debian. As root on Debian they are
# installed here, elsewhere the message says what to install.
checkers: node_modules/.installed

node_modules/.installed: package.json package-lock.json
	@{ command -v npm >/dev/null && command -v java >/dev/null; } || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm default-jre-headless; \
	  else \
	    echo "The HTML and accessibility checks need npm and Java: sudo apt-get install npm default-jre-headless"; exit 1; \
	  fi; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

test: $(BIN)/.dev browser checkers fonts lint
	$(BIN)/mkdocs build --strict --quiet --site-dir $(CURDIR)/.cache/strict-site
	$(BIN)/pytest

# Builds 1,000 and 5,000 synthetic notes of both shapes (long notes; light ~5 KB notes with
# several speakers) with and without the hooks, in alternating pairs (ratio, memory, sizes,
# search latency in Chromium), then the hooks' own share of one build and `make serve`'s time
# from saving a note to the page showing it (ten edits each). Long; not part of `make test`.
bench: $(BIN)/.dev browser real-notes
	$(BIN)/python bench/run.py --repeat 3
	$(BIN)/python bench/hooks_time.py --notes 1000
	for shape in light long; do for n in 1000 5000; do \
	  $(BIN)/python bench/serve_edit.py --notes $$n --shape $$shape || exit 1; done; done

# How well real notes written by other people are understood: speakers, events and dates
# scored against gold annotations, when the development set is next to this checkout
# (../shared/real-notes; it is not part of the project). Says so and passes when absent.
real-notes: $(BIN)/.runtime
	$(BIN)/python bench/real_notes.py

# What small hostile inputs cost (issue 12's table): each case at three doubling sizes, in a
# fresh process on a fresh site; fails when a case grows faster than its input or its largest
# size takes 5 s or 500 MB. A few minutes; not part of `make test`.
bench-hostile: $(BIN)/.dev
	$(BIN)/python bench/hostile.py

clean:
	rm -rf site .cache test-output bench/out node_modules .venv-properdocs
