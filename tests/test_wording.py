"""The one wording module: every reason code translates, and no Indonesian is left in the conclusions."""

from __future__ import annotations

import ast
import re
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


# --------------------------------------------------------------------------- issue 8: one place for the wording
POTENSI = CONCLUSIONS.parent
#: Modules that compose report text or hold a study's records: their words come from core.wording.
WORDED = ["report/narrative.py", "report/narrative_regional.py", "report/national.py", "report/view.py",
          "report/panels.py", "report/findings.py", "study/province.py", "study/national.py", "study/gaps.py",
          "study/export.py", "study/quality.py"]
#: Small Indonesian words no identifier and no English phrase contains.
_WORDS = re.compile(r"\b(dan|tidak|yang|tahun|di|dari|untuk|dengan|ada|bukan|lihat|tersedia)\b", re.IGNORECASE)
#: Literals that are data, not wording: catalogue names matched as written, the intake workbook's
#: sheet name inside an (English) error message.
DATA_LITERALS = {("study/province.py", "Kabupaten "), ("study/province.py", ": sheet 'Kerja sama berjalan' row ")}


def _phrases(rel: str) -> list[str]:
    out = []
    for line, text in _literals(POTENSI / rel):
        if re.fullmatch(r"[a-z0-9_]*", text) or (rel, text) in DATA_LITERALS:
            continue  # identifiers: table keys, column names
        if _WORDS.search(text) or any(m in text.lower() for m in MARKERS):
            out.append(f"{rel}:{line}: {text!r}")
    return out


@pytest.mark.parametrize("rel", WORDED)
def test_no_indonesian_phrase_outside_the_wording_module(rel):
    assert not _phrases(rel)


def test_phrase_scan_sees_an_inline_sentence(tmp_path, monkeypatch):
    # the scan can fail: an f-string sentence is found, a docstring and a table key are not
    import test_wording as me

    (tmp_path / "report").mkdir()
    (tmp_path / "report" / "bad.py").write_text(
        '"""Kalimantan Timur dan Indonesia."""\nKEY = "sektor_unggulan"\n'
        'def f(a):\n    return f"Data tersedia hanya untuk {a} tahun"\n', encoding="utf-8")
    monkeypatch.setattr(me, "POTENSI", tmp_path)
    assert [p.split(": ", 1)[1] for p in me._phrases("report/bad.py")] == ["'Data tersedia hanya untuk '",
                                                                         "' tahun'"]


def _notebook_calls(name: str) -> list[ast.Call]:
    import nbformat

    nb = nbformat.read(POTENSI.parent / "notebooks" / f"{name}.ipynb", as_version=4)
    return [node for cell in nb.cells if cell.cell_type == "code" for node in ast.walk(ast.parse(cell.source))
            if isinstance(node, ast.Call)]


@pytest.mark.parametrize("name", ["laporan_provinsi", "ringkasan_nasional"])
def test_every_table_a_notebook_shows_has_a_caption(name):
    from potensi.core.wording import CAPTIONS, CAPTIONS_NATIONAL

    captions = {**CAPTIONS, **CAPTIONS_NATIONAL} if name == "ringkasan_nasional" else CAPTIONS
    keys = [call.args[1].value for call in _notebook_calls(name)
            if isinstance(call.func, ast.Attribute) and call.func.attr == "table" and len(call.args) > 1]
    assert len(keys) >= (25 if name == "laporan_provinsi" else 6)
    assert not [k for k in keys if k not in captions]
    # and no cell words a caption or a title itself
    assert not [kw.arg for call in _notebook_calls(name) for kw in call.keywords if kw.arg in ("caption", "title")]


def test_panel_tables_have_captions():
    from potensi.core.wording import CAPTIONS

    assert {"io_sektor", "ketetanggaan", "aksesibilitas", "pertumbuhan_rata", "asal_usul"} <= set(CAPTIONS)


def test_gap_is_a_record_worded_from_the_template():
    from potensi.core.wording import GAPS
    from potensi.study.gaps import Gap

    g = Gap("nasional", "no_national", {"start": 2013, "end": 2022})
    assert g.text == GAPS["no_national"].format(start=2013, end=2022)
    assert str(g) == f"[nasional] {g.text}" and "2013–2022" in g.text
    with pytest.raises(ValueError, match=r"Gap: kind 'nope' unknown"):
        Gap("nasional", "nope")
    with pytest.raises(ValueError, match=r"Gap: tag 'x' unknown"):
        Gap("x", "none")


def test_study_gaps_are_records_and_gap_for_reads_the_tag():
    from types import SimpleNamespace

    from potensi.study.gaps import Gap
    from potensi.study.province import ProvinceAnalysis

    gaps = [Gap("kabkota", "no_kabkota", {"name": "P", "start": 2024, "end": 2025}),
            Gap("nasional", "no_national", {"start": 2024, "end": 2025})]
    fake = SimpleNamespace(gaps=gaps)
    assert ProvinceAnalysis.gap_for(fake, "lq") == gaps[0].text
    assert ProvinceAnalysis.gap_for(fake, "lq_nasional") == gaps[1].text
    assert ProvinceAnalysis.gap_for(SimpleNamespace(gaps=[]), "lq") == "tidak ada data untuk wilayah dan tahun ini."
