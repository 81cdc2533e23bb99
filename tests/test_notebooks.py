"""The report templates hold no logic, one parameters cell of literals, and are committed clean."""

from __future__ import annotations

import ast
from pathlib import Path

import jupytext
import nbformat
import pytest

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
TEMPLATES = ["laporan_provinsi", "ringkasan_nasional"]
FORBIDDEN_CALLS = {"open", "read_csv", "read_excel", "read_parquet", "read_table", "exec", "eval", "load_table"}


def _code_cells(name: str) -> list:
    nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    return [c for c in nb.cells if c.cell_type == "code"]


@pytest.mark.parametrize("name", TEMPLATES)
def test_one_parameters_cell_of_literals(name):
    cells = [c for c in _code_cells(name) if "parameters" in c.metadata.get("tags", [])]
    assert len(cells) == 1
    tree = ast.parse(cells[0].source)
    for node in tree.body:
        assert isinstance(node, ast.Assign), ast.dump(node)
        ast.literal_eval(node.value)  # raises if not a literal


def test_province_code_parameter_is_a_string():
    cell = next(c for c in _code_cells("laporan_provinsi") if "parameters" in c.metadata.get("tags", []))
    values = {n.targets[0].id: ast.literal_eval(n.value) for n in ast.parse(cell.source).body}
    assert values["province_code"] == "64"
    assert {"start_year", "end_year", "reference", "excluded_sectors", "workbook"} <= set(values)


@pytest.mark.parametrize("name", TEMPLATES)
def test_no_logic_in_templates(name):
    for cell in _code_cells(name):
        tree = ast.parse(cell.source)
        for node in ast.walk(tree):
            assert not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda), cell.source
            assert not isinstance(node, ast.For | ast.AsyncFor | ast.While | ast.comprehension), cell.source
            assert not isinstance(node, ast.With | ast.AsyncWith | ast.Try), cell.source
            if isinstance(node, ast.Call):
                func = node.func
                called = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
                assert called not in FORBIDDEN_CALLS, cell.source
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert "../" not in node.value and "data/" not in node.value, cell.source
        if "parameters" not in cell.metadata.get("tags", []):  # literals only, checked above
            assert len(cell.source.splitlines()) <= 8, f"cell too long (logic belongs in potensi):\n{cell.source}"


@pytest.mark.parametrize("name", TEMPLATES)
def test_committed_without_outputs(name):
    nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
    assert nb.metadata["kernelspec"]["name"] == "python3"
    assert nb.metadata["jupytext"]["formats"] == "ipynb,py:percent"


@pytest.mark.parametrize("name", TEMPLATES)
def test_ipynb_and_py_pair_in_sync(name):
    nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    py = jupytext.read(NOTEBOOKS / f"{name}.py")
    cells_nb = [(c.cell_type, c.source.strip(), c.metadata.get("tags", [])) for c in nb.cells]
    cells_py = [(c.cell_type, c.source.strip(), c.metadata.get("tags", [])) for c in py.cells]
    assert cells_nb == cells_py, "run `jupytext --sync notebooks/*.py`"


def test_template_sections_present():
    nb = nbformat.read(NOTEBOOKS / "laporan_provinsi.ipynb", as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown").lower()
    for heading in ["ringkasan eksekutif", "struktur dan pertumbuhan", "sektor basis", "shift-share", "klassen",
                    "mrp", "spesialisasi dan ketimpangan", "konvergensi", "kerja sama", "terhadap indonesia",
                    "kualitas data dan sumber", "lampiran", "asal-usul"]:
        assert heading in text, heading
