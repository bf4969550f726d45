# The two commands a new user needs: `make run` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin

.PHONY: run test lint bench clean

$(PY):
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install -q -e '.[test]'
	touch $@ $(VENV)/.installed

# Ingest corpus/ into claimcheck.db, then open the review queue on a terminal; elsewhere
# (a pipe, CI) print the summary and the claims to chase first.
run: $(VENV)/.installed
	$(BIN)/claimcheck ingest corpus
	@if [ -t 0 ] && [ -t 1 ]; then \
		$(BIN)/claimcheck review; \
	else \
		echo; \
		echo "Unattributed claims, most check-worthy first:"; \
		$(BIN)/claimcheck claims --unattributed --sort checkworthiness --limit 10; \
	fi

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests bench migrations
	$(BIN)/ruff format --check src tests bench migrations
	$(BIN)/mypy
	$(BIN)/lint-imports

# Byte-code is cached even where the environment turns it off: the suite starts the CLI in
# many subprocesses, and each would compile the package again.
test: lint
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/pytest -q

bench: $(VENV)/.installed-test
	$(PY) bench/segmentation.py
	$(PY) bench/ingest.py
	$(PY) bench/report.py

clean:
	rm -rf $(VENV) claimcheck.db claimcheck.db-wal claimcheck.db-shm
