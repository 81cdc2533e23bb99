"""The one wording module: every reason code translates, and no Indonesian is left in the conclusions."""

from __future__ import annotations

import ast
import warnings
from pathlib import Path

import pandas as pd
import pytest

from potensi.core.wording import REASONS, REJECTION_REASONS, translate_reason

CONCLUSIONS = Path(__file__).resolve().parents[1] / "potensi" / "conclusions"
#: Superseded by sector_potential and cooperation; to be deleted once potensi.study.regional_tables
#: stops calling it. Remove the name from here when the file goes.
SUPERSEDED: set[str] = set()
#: Words that only an Indonesian phrase would contain (the class labels of
#: potensi.conclusions.sector_potential.KELAS, e.g. "andalan menurun", are category values, not
#: phrases, and so are the CSV column names such as "urusan"; neither is listed).
MARKERS = ("berbatasan", "miliar", "kerja sama", "dinas", "jiwa", "tidak ada", "pangsa", "daya saing",
           "sektor", "penduduk", "kabupaten", "pengetahuan", "bukan")


def _is_reason_column(col: str) -> bool:
    return col in ("reason", "note") or col.endswith(("_reason", "_note"))


@pytest.fixture(scope="module")
def kaltim_reasons() -> set[tuple[str, str, str]]:
    from potensi.data.store import province_pdrb
    from potensi.study.province import province_indicator_tables

    pdrb = province_pdrb("64").drop(columns=["region_name", "level"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tables = province_indicator_tables(pdrb, province_code="6400", start=2013, end=2022)
    found = set()
    for name, frame in tables.items():
        if not isinstance(frame, pd.DataFrame):
            continue
        for col in filter(_is_reason_column, frame.columns):
            found |= {(name, col, str(v)) for v in frame[col].dropna().unique()}
    return found


def test_every_kaltim_reason_translates(kaltim_reasons):
    # Kaltim 2013–2022 ADHK: every distinct reason/note of the indicator and conclusion tables
    assert any(text for _, _, text in kaltim_reasons)  # the fixture found real reasons
    untranslated = sorted((name, col, text, translate_reason(text)) for name, col, text in kaltim_reasons
                          if "[" in translate_reason(text))
    assert not untranslated


@pytest.mark.parametrize(("text", "expected"), [
    # a reason that itself holds "; " is looked up whole, not cut at the separator
    ("population series break 2017/2018: BPS-derived before, Dukcapil register from 2018; values are "
     "comparable only within a segment", REASONS["population series break 2017/2018: BPS-derived before, "
                                                 "Dukcapil register from 2018; values are comparable only "
                                                 "within a segment"]),
    ("OLS, HC3 robust SE; converging=True; n = 10; pattern: richest regions shrank; regions 6474,6404",
     "OLS, galat baku robust HC3; konvergen: ya; n = 10; pola: daerah terkaya menyusut; wilayah 6474,6404"),
    ("mining_not_kabkota;no_evidence",
     f"{REJECTION_REASONS['mining_not_kabkota']}; {REJECTION_REASONS['no_evidence']}"),
    ("lpe: 2012 (previous year): no data for the region in this year",
     "LPE: 2012 (tahun sebelumnya): tidak ada data wilayah pada tahun ini"),
])
def test_translate_reason(text, expected):
    assert translate_reason(text) == expected


def test_unknown_reason_is_marked_not_guessed():
    # an unknown part keeps its English inside [...]; a known part next to it is still translated
    assert translate_reason("converging=True; brand new reason") == "konvergen: ya; [brand new reason]"
    # exact lookup: a known text inside a longer unknown one is not replaced
    assert translate_reason("no convergence at all") == "[no convergence at all]"


def _literals(path: Path) -> list[tuple[int, str]]:
    """String constants of a module, its docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docs.add(id(first.value))
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs]


def test_no_indonesian_phrase_left_in_conclusions():
    modules = sorted(p for p in CONCLUSIONS.rglob("*.py") if p.name not in SUPERSEDED)
    assert len(modules) >= 8  # sector_potential, sector_dimensions, scenarios and the cooperation package
    found = [f"{p.relative_to(CONCLUSIONS)}:{line}: {text!r}" for p in modules for line, text in _literals(p)
             if any(m in text.lower() for m in MARKERS)]
    assert not found


def test_scanner_sees_a_phrase(tmp_path):
    # the scan itself can fail: an Indonesian constant is found, a docstring is not
    bad = tmp_path / "bad.py"
    bad.write_text('"""Kerja sama daerah."""\nTEXT = "{a} dan {b} berbatasan"\n', encoding="utf-8")
    texts = [t for _, t in _literals(bad)]
    assert texts == ["{a} dan {b} berbatasan"]
