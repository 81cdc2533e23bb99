# potensi — `make` lists the targets. Set-up on a fresh machine (Python 3.11 and make):
#   make report   # builds .venv, data/processed/ and the East Kalimantan report
#   make test     # runs the tests
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PROVINCE ?= 64
START ?= 2013
END ?=

.DEFAULT_GOAL := help
.PHONY: help venv data report batch test lint benchmark benchmark-batch lab clean

## Show this help
help:
	@awk '/^## /{doc=substr($$0,4); next} /^[a-zA-Z_-]+:/{if(doc){split($$1,t,":"); printf "  make %-16s %s\n", t[1], doc}; doc=""}' $(MAKEFILE_LIST)

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) on PATH (or make PYTHON=python3)"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,lab,dev]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (potensi)" >/dev/null
	touch $@

## Create .venv and install potensi with its test, lab and dev extras
venv: $(VENV)/.installed

## Build data/processed/ from data/raw/ and print the data-quality summary
data: venv
	$(BIN)/potensi data

## Build the data and render the default report (PROVINCE=64, START=2013, END= latest year with data)
report: data
	$(BIN)/potensi report --province $(PROVINCE) --start $(START) $(if $(END),--end $(END))

## Render every province with data plus the national summary into reports/
batch: data
	$(BIN)/potensi batch

## Run the test suite (creates .venv if needed)
test: venv
	$(BIN)/python -m pytest

## Lint with ruff
lint: venv
	$(BIN)/ruff check .

## Print speed figures of the sector and regional indicators (all 514 kab/kota)
benchmark: data
	$(BIN)/python benchmarks/indicators.py
	$(BIN)/python benchmarks/regional_indicators.py

## Print the batch time against a sequential papermill + nbconvert loop (a few minutes)
benchmark-batch: data
	$(BIN)/python benchmarks/batch.py

## Open JupyterLab on notebooks/
lab: venv
	$(BIN)/jupyter lab notebooks/

## Remove .venv, data/processed/ tables and reports
clean:
	rm -rf $(VENV) data/processed/*.parquet data/processed/manifest.json reports/*/ reports/index.html
