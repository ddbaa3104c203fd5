# Mina steg. Quick start: `make run` (demo on http://127.0.0.1:5000) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app app
PORT ?= 5000

.PHONY: run test lint translations translations-update chromium redis bench clean

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
run: $(VENV)/.installed translations
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

## Debian's Redis for the rate-limit tests (shared counts), installed when missing, then running.
redis:
	@if ! command -v redis-server >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; \
	  else echo "Redis is missing: install Debian's redis-server package."; exit 1; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq redis-server >/dev/null; \
	fi
	@redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 || redis-server --bind 127.0.0.1 --port 6379 --daemonize yes --save "" --appendonly no >/dev/null

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: $(VENV)/.installed-test translations chromium redis lint
	$(BIN)/pytest

$(VENV)/.installed-bench: pyproject.toml $(VENV)/.installed-test
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $@

bench/node_modules/.installed: bench/package.json bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund --loglevel=error
	touch $@

## Benchmarks (bench/): page weight, load on SQLite and PostgreSQL, Lighthouse; one table each.
bench: $(VENV)/.installed-bench translations chromium bench/node_modules/.installed
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) instance .pytest_cache .ruff_cache
