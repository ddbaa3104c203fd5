# Mina steg. Quick start: `make run` (demo on http://127.0.0.1:5000) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app app
PORT ?= 5000

# Test processes (pytest-xdist): one per core. TEST_WORKERS=0 runs the suite in this process.
TEST_WORKERS ?= auto

.PHONY: run test test-deep test-setup lint translations translations-update chromium servers speech documents valgrind bench soak clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

## Languages: see "Adding a language" in README.md (`flask --app app translate ...` does the same).
translations: $(VENV)/.installed
	$(BIN)/python -m app.translate compile

## Extract the Swedish source texts and merge them into every language's catalogue.
translations-update: $(VENV)/.installed
	$(BIN)/python -m app.translate update

run: export FLASK_LOCAL_RUN ?= 1
run: $(VENV)/.installed translations speech documents
	$(FLASK) db upgrade
	$(FLASK) seed-demo
	@echo "Demo logins (open a participant's card address to log in as them):"
	@PORT=$(PORT) $(FLASK) demo-logins
	PORT=$(PORT) $(FLASK) run --host 127.0.0.1 --port $(PORT)

## Debian's Chromium for the browser tests, installed when missing and we are allowed to.
chromium:
	@if [ -x /usr/bin/chromium ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then SUDO=; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; \
	else echo "Chromium is missing: install Debian's chromium package (sudo apt-get install chromium)."; exit 1; fi; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null

## PostgreSQL's and Redis's programs (installed when missing and we may), and Redis running on
## 127.0.0.1:6379 for the tests of rate limits shared between processes. The tests that stop a
## database or Redis start their own (tests/outage/servers.py), never the shared ones.
servers:
	@if ! (ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && command -v redis-server >/dev/null); then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; \
	  else echo "Install Debian's postgresql and redis-server packages (sudo apt-get install postgresql redis-server)."; exit 1; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq postgresql redis-server >/dev/null; \
	fi
	@redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 || redis-server --bind 127.0.0.1 --port 6379 --daemonize yes --save "" --appendonly no >/dev/null

## The server's voice for read-aloud: Debian's espeak-ng, and ffmpeg to make its audio small and
## to check recordings. Installed when missing and we may; without them the app still runs and
## offers recordings (already made) and the phone's own voice.
speech:
	@if command -v espeak-ng >/dev/null && command -v ffmpeg >/dev/null; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then SUDO=; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; \
	else echo "No server voice: install Debian's espeak-ng and ffmpeg (sudo apt-get install espeak-ng ffmpeg)."; exit 0; fi; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq espeak-ng ffmpeg >/dev/null

## Printing: Pango for WeasyPrint (the brief as a PDF), and for the tests poppler's pdfinfo and
## pdftotext (pages and text of a PDF) and zbar's zbarimg (an independent reader of QR codes).
## Installed when missing and we may.
documents:
	@if ldconfig -p | grep -q libpangoft2-1.0 && command -v pdfinfo >/dev/null && command -v zbarimg >/dev/null; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then SUDO=; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; \
	else echo "Install Debian's libpango-1.0-0 libpangoft2-1.0-0 poppler-utils zbar-tools (sudo apt-get install ...)."; exit 1; fi; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 poppler-utils zbar-tools >/dev/null

## valgrind, whose callgrind counts the instructions a request runs (bench/instructions.py).
## Installed when missing and we may.
valgrind:
	@if command -v valgrind >/dev/null; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then SUDO=; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; \
	else echo "Install Debian's valgrind package (sudo apt-get install valgrind)."; exit 1; fi; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq valgrind >/dev/null

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## Everything the tests need: the packages, the compiled catalogues, Chromium, PostgreSQL and Redis,
## the server's voice, the programs for printing.
test-setup: $(VENV)/.installed-test translations chromium servers speech documents

test: test-setup lint
	$(BIN)/pytest -n $(TEST_WORKERS)

## The same, with many more generated inputs for the fuzz tests (slower; run before a release).
test-deep: test-setup lint
	HYPOTHESIS_PROFILE=deep $(BIN)/pytest -n $(TEST_WORKERS)

$(VENV)/.installed-bench: pyproject.toml $(VENV)/.installed-test
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $@

bench/node_modules/.installed: bench/package.json bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund --loglevel=error
	touch $@

## Benchmarks (bench/): page weight, load on SQLite and PostgreSQL, instructions a request,
## Lighthouse; one table each.
bench: $(VENV)/.installed-bench translations chromium speech valgrind bench/node_modules/.installed
	$(BIN)/python -m bench

## The soak (bench/soak.py): SOAK_MINUTES (30) of the paced journey while our own PostgreSQL
## restarts every 5 minutes and a gunicorn worker is killed every 7.
soak: $(VENV)/.installed-bench translations servers
	$(BIN)/python -m bench.soak

clean:
	rm -rf $(VENV) instance .pytest_cache .ruff_cache
