# monitor: every developer and CI task. `make help` lists them.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
CONFIG ?= config/monitor.yaml
PYTEST_ARGS ?=

.PHONY: help install lock run demo test test-slow eval bench soak lint check-config clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

# Dependencies come from the lock files, hash-checked (requirements.lock: what the package needs,
# as the Docker image installs it; requirements-dev.lock: that plus the dev extra); the package
# itself is installed without dependencies. `make lock` regenerates both from pyproject.toml.
LOCK     := requirements.lock
DEV_LOCK := requirements-dev.lock
UV_COMPILE = $(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11 \
	--generate-hashes --custom-compile-command 'make lock' --quiet $(if $(UPGRADE),--upgrade)

$(BIN)/.installed: pyproject.toml $(LOCK) $(DEV_LOCK)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python tools/lockcheck.py $(DEV_LOCK) --extra dev
	$(BIN)/python tools/lockcheck.py $(LOCK)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r $(DEV_LOCK)  # complete: uv resolved it
	$(BIN)/pip install --quiet --no-deps -e .
	$(BIN)/pip check
	touch $@

install: $(BIN)/.installed  ## create .venv and install the locked dependencies, the dev extra and the package

lock:  ## regenerate the lock files from pyproject.toml (UPGRADE=1: newest versions of everything)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	test -x $(BIN)/uv || $(BIN)/pip install --quiet uv
	$(UV_COMPILE) --extra dev -o $(DEV_LOCK)
	$(UV_COMPILE) -c $(DEV_LOCK) -o $(LOCK)

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

eval: install  ## matcher precision/recall per entity, topic and language on every labelled set in tests/data (labelled, holdout, blind3 to blind375; other-seed-1 to -119 with their own watchlists)
	$(BIN)/python tests/eval_match.py

bench: install  ## benchmarks against peers on the generated and the real-shaped corpus (nginx on 127.0.0.1)
	$(BIN)/python bench/run.py

soak: install  ## the daemon for SOAK_SECONDS [600] over 300 loopback feeds: memory, fds, db size (not in CI)
	$(BIN)/python bench/soak.py

lint: install  ## ruff, and mypy over the package (the store's protocols are checked at every caller)
	$(BIN)/ruff check monitor tests
	$(BIN)/mypy

clean:  ## remove the venv and caches (not data/)
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info
