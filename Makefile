# monitor: every developer and CI task. `make help` lists them.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
CONFIG ?= config/monitor.yaml
PYTEST_ARGS ?=

.PHONY: help install run demo test test-slow eval bench lint check-config clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/.installed  ## create .venv and install the package with the dev extra

run: install  ## run the daemon with config/monitor.yaml (CONFIG=... to change)
	$(BIN)/monitor run --config $(CONFIG)

demo: install  ## run the daemon over the sample feeds in config/demo-feeds (no network)
	$(BIN)/monitor run --config config/demo.yaml

check-config: install  ## validate $(CONFIG) and its watchlists
	$(BIN)/monitor check-config --config $(CONFIG)

test: install  ## the whole suite but the slow fault-injection tests
	$(BIN)/python -m pytest -m "not slow" $(PYTEST_ARGS)

test-slow: install  ## the slow tests (kill -9 fault injection)
	$(BIN)/python -m pytest -m slow $(PYTEST_ARGS)

eval: install  ## matcher precision/recall per entity and topic: labelled.jsonl, then holdout.jsonl (no longer blind)
	$(BIN)/python tests/eval_match.py

bench: install  ## benchmarks against peers on the generated and the real-shaped corpus (nginx on 127.0.0.1)
	$(BIN)/python bench/run.py

lint: install  ## ruff
	$(BIN)/ruff check monitor tests

clean:  ## remove the venv and caches (not data/)
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info
