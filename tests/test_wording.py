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
#: The one module allowed to hold Indonesian wording.
WORDING = "core/wording.py"
#: Every other module of the package: its words come from core.wording.
MODULES = sorted(str(p.relative_to(POTENSI)) for p in POTENSI.rglob("*.py") if str(p.relative_to(POTENSI)) != WORDING)
#: Small Indonesian words no identifier and no English phrase contains (with MARKERS: what a phrase is).
_WORDS = re.compile(r"\b(dan|tidak|yang|tahun|di|dari|untuk|dengan|ada|bukan|lihat|tersedia|pertumbuhan|rata-rata"
                    r"|menurut|terhadap|daftar|peran|usulan|halaman|keterangan)\b", re.IGNORECASE)
#: Calls whose string argument is a pattern that recognises data, not wording (``re.compile(...)``).
_PATTERN_CALLS = {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer"}
#: Literals that hold Indonesian words but are not wording, as ``(module, X)``: X is the literal itself
#: or the name of the module-level table (assignment) holding it. Raised error messages and ``re``
#: patterns are not scanned at all: errors are English by design (the Indonesian in them quotes a
#: source's words), and a pattern recognises data.
NOT_WORDING = {
    # Data readers recognise what BPS and the intake workbook write, as they write it; these tables
    # are the readers' vocabulary (wording them elsewhere would let a translation break the reading).
    ("data/bps_common.py", "_UNIT_PATTERNS"),  # unit names in BPS table titles ("miliar rupiah")
    ("data/bps_common.py", "kabupaten "),  # region names as BPS writes them
    ("data/pdrb_frame.py", "UNIT"),  # the unit a PDRB file states, and the units it may state
    ("data/pdrb_frame.py", "UNIT_FACTORS"),
    ("data/tidy.py", "; expected juta rupiah, miliar rupiah or triliun rupiah"),  # English message, unit names
    ("data/sectors.py", "_ROWS"),  # BPS's official names of the 17 lapangan usaha (catalogue, matched in files)
    ("data/population.py", "BPS_PENDUDUK_2024_"),  # a source-id prefix
    # the intake workbook's format: sheet names and field labels written by data.intake, read back by
    # data.intake_read (the instructions and cell messages are wording: core.wording.INTAKE)
    ("data/intake.py", "Penduduk"),
    ("data/intake.py", "Kerja sama berjalan"),
    ("data/intake_read.py", "SOURCE_FIELDS"),
    ("data/intake_read.py", "Penduduk"),
    ("data/intake_read.py", "Kerja sama berjalan"),
    ("data/intake_read.py", "PDRB!1 (tahun)"),  # a cell address in an (English) error message
    # Class labels of the indicators: category values of a table's class column (like the kelas of
    # conclusions.sector_potential), compared and counted by value.
    ("indicators/location_quotient.py", "_POTENSI_SLQ_DLQ"),
    ("indicators/shift_share.py", "PROFILE_LABELS"),
    ("indicators/shift_share.py", "EM_TYPE_LABELS"),
    ("indicators/typology.py", "KLASSEN_SECTOR_LABELS"),
    ("indicators/typology_region.py", "KLASSEN_REGION_LABELS"),
    # Region names shortened or matched as the catalogue writes them.
    ("report/figures.py", "Kabupaten "),
    ("report/maps.py", "Kabupaten "),
    ("study/province.py", "Kabupaten "),
    # The command line's help and messages are English by design; these name Indonesian terms or files.
    ("commands/indicators.py", "HELP"),
    ("commands/indicators.py", "), so io_sektor.csv and io_kabkota.csv are not written"),
    ("commands/template.py", "HELP"),
}


def _scanned_literals(rel: str) -> list[tuple[int, str, str]]:
    """``(line, owner, text)`` of the string constants of a module that could be wording: no
    docstring, nothing inside a ``raise`` or a ``re`` pattern; ``owner``: the module-level
    assignment holding the constant ("" elsewhere)."""
    tree = ast.parse((POTENSI / rel).read_text(encoding="utf-8"))
    skip = {id(node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body
            for node in node.body[:1] if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise):
            skip |= {id(n) for n in ast.walk(node)}
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _PATTERN_CALLS
              and isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and node.args):
            skip |= {id(n) for n in ast.walk(node.args[0])}
    owner = {}
    for stmt in tree.body:
        targets = (stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target] if isinstance(stmt, ast.AnnAssign)
                   else [])
        name = next((t.id for t in targets if isinstance(t, ast.Name)), "")
        owner |= {id(n): name for n in ast.walk(stmt)}
    return [(node.lineno, owner.get(id(node), ""), node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip]


def _phrases(rel: str, *, allowed=None) -> list[str]:
    allowed = NOT_WORDING if allowed is None else allowed
    out = []
    for line, owner, text in _scanned_literals(rel):
        if re.fullmatch(r"[a-z0-9_]*", text) or (rel, text) in allowed or (owner and (rel, owner) in allowed):
            continue  # identifiers: table keys, column names
        if _WORDS.search(text) or any(m in text.lower() for m in MARKERS):
            out.append(f"{rel}:{line}: {text!r}")
    return out


def test_the_scan_covers_the_package():
    assert len(MODULES) > 80 and WORDING not in MODULES
    assert {"report/profiles.py", "data/intake.py", "cli.py", "study/provenance.py"} <= set(MODULES)


@pytest.mark.parametrize("rel", MODULES)
def test_no_indonesian_phrase_outside_the_wording_module(rel):
    assert not _phrases(rel)


def test_every_exemption_is_still_needed():
    # an entry whose literal or table is gone (or no longer looks Indonesian) is taken out of NOT_WORDING
    stale = [(rel, x) for rel, x in sorted(NOT_WORDING)
             if len(_phrases(rel, allowed=NOT_WORDING - {(rel, x)})) == len(_phrases(rel))]
    assert not stale


def test_phrase_scan_sees_an_inline_sentence(tmp_path, monkeypatch):
    # the scan can fail: an f-string sentence is found, a docstring, a table key, an error message
    # and a pattern are not
    import test_wording as me

    (tmp_path / "report").mkdir()
    (tmp_path / "report" / "bad.py").write_text(
        '"""Kalimantan Timur dan Indonesia."""\nimport re\nKEY = "sektor_unggulan"\n'
        'PATTERN = re.compile(r"tanpa\\s+migas|bukan\\s+migas")\n'
        'def f(a):\n    if not a:\n        raise ValueError(f"{a} tidak ada")\n'
        '    return f"Data tersedia hanya untuk {a} tahun"\n', encoding="utf-8")
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
