"""Messages that say what an input file really is (issue 14, "misleading messages").

* a formula whose value was never computed (a workbook written by a program, never opened and saved
  by Excel/LibreOffice) is named as such, with file, sheet, row and column, and the fix; it used to
  pass for an "empty cell", or, in an intake workbook, for a cell left empty;
* a formula whose computed value is an empty text is not such a formula;
* a text file with a spreadsheet name (UTF-16 "Unicode Text", HTML, CSV) is called text, not a
  corrupt XLSX;
* a normal workbook is read in one openpyxl pass (the formula view is read only for a file that has
  an uncomputed formula).

The other messages of the list are asserted in ``tests/test_safety.py`` (UTF-16 CSV, ``sep=,``,
encrypted workbook, the marker warning in one line, a corrupt manifest elsewhere under ``--out``)
and ``tests/test_batch.py`` (no ``np.float64(...)`` in the batch summary).
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from potensi import DataError, load_pdrb
from potensi.data import files

WIDE = Path(__file__).resolve().parent / "fixtures" / "wide"
PUB = WIDE / "publikasi_kaltim_2tabel.xlsx"  # sheet 'Prod', ADHB table at the top, H7 = 2021 total of A
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


def _with_formula(tmp_path: Path, cell: str, formula: str, name: str = "pdrb.xlsx") -> Path:
    """PUB with ``cell`` of its first sheet set to ``formula`` by openpyxl: no computed value in the file."""
    book = openpyxl.load_workbook(PUB)
    book.worksheets[0][cell] = formula
    path = tmp_path / name
    book.save(path)
    return path


def _rewrite_cell(path: Path, cell: str, xml: str) -> None:
    """Replace the XML element of ``cell`` in the first worksheet of ``path`` by ``xml``."""
    member = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(path) as src:
        items = [(info, src.read(info)) for info in src.infolist()]
    out = path.with_suffix(".tmp")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in items:
            if info.filename == member:
                data, n = re.subn(rf'<c r="{cell}"[^>]*>.*?</c>'.encode(), xml.encode(), data)
                assert n == 1
            dst.writestr(info, data)
    out.replace(path)


def test_uncomputed_formula_is_named_not_an_empty_cell(tmp_path):
    path = _with_formula(tmp_path, "H7", "=1+2")
    with pytest.raises(DataError) as info:
        load_pdrb(path, price_basis="ADHB")
    text = str(info.value)
    assert "empty cell" not in text
    assert text.startswith(f"load_pdrb: {path} row 7, column 'Prod!H': cell H7 holds the formula '=1+2' without a "
                           "computed value")
    assert "open it in Excel or LibreOffice and save it" in text and "Paste Special > Values" in text
    assert (info.value.row, info.value.column) == (7, "Prod!H")


def test_uncomputed_formulas_counted(tmp_path):
    book = openpyxl.load_workbook(PUB)
    for cell in ("H7", "M7", "R7"):
        book.worksheets[0][cell] = "=SUM(D7:G7)"
    path = tmp_path / "pdrb.xlsx"
    book.save(path)
    with pytest.raises(DataError, match=r"cell H7 holds the formula '=SUM\(D7:G7\)' without a computed value "
                                        r"\(and 2 more formula cells like it\)"):
        load_pdrb(path, price_basis="ADHB")


def test_computed_formulas_are_read_as_their_values(tmp_path):
    """Formulas with a cached value (as Excel saves them), also an empty-text result, are no error."""
    expected = load_pdrb(PUB, price_basis="ADHB")
    book = openpyxl.load_workbook(PUB)
    book.worksheets[0]["H7"] = "=SUM(D7:G7)"
    book.worksheets[0]["T1"] = '=IF(1,"","")'  # a note cell far from the table
    path = tmp_path / "pdrb.xlsx"
    book.save(path)
    _rewrite_cell(path, "H7", '<c r="H7" t="n"><f>SUM(D7:G7)</f><v>1530000.76</v></c>')
    _rewrite_cell(path, "T1", '<c r="T1" t="str"><f>IF(1,"","")</f><v></v></c>')  # Excel's empty-text result
    got = load_pdrb(path, price_basis="ADHB")
    assert got["value"].tolist() == expected["value"].tolist()


def test_uncomputed_formula_in_a_hidden_column_is_ignored(tmp_path):
    book = openpyxl.load_workbook(PUB)
    ws = book.worksheets[0]
    ws["T7"] = "=H7*2"
    ws.column_dimensions["T"].hidden = True
    path = tmp_path / "pdrb.xlsx"
    book.save(path)
    load_pdrb(path, price_basis="ADHB")  # no error: hidden columns are not read


def test_uncomputed_formula_in_an_intake_workbook_is_not_taken_for_an_empty_cell(tmp_path):
    from potensi.data.intake import write_template

    template = write_template("64", [2022, 2023], tmp_path / "isian.xlsx")
    book = openpyxl.load_workbook(template)
    ws = book["PDRB"]
    ws["G2"] = 100
    ws["H2"] = "=G2*1.05"
    path = tmp_path / "isian_formula.xlsx"
    book.save(path)
    with pytest.raises(DataError, match=r"row 2, column 'PDRB!H': cell H2 holds the formula '=G2\*1.05' without "
                                        r"a computed value"):
        load_pdrb(path)


def test_a_normal_workbook_is_read_in_one_pass(tmp_path, monkeypatch):
    """The formula view (a second openpyxl pass) is read only when the bytes show an uncomputed formula."""
    def second_pass(*args, **kwargs):
        raise AssertionError("second pass over a workbook without uncomputed formulas")

    monkeypatch.setattr(files, "_refuse_uncomputed_formulas", second_pass)
    path = tmp_path / "pdrb.xlsx"
    shutil.copy(PUB, path)
    _rewrite_cell(path, "H7", '<c r="H7" t="n"><f>SUM(D7:G7)</f><v>1530000.76</v></c>')
    for fixture in (PUB, path, *sorted(WIDE.glob("*.xlsx"))):
        files.read_workbook(fixture)
    uncomputed = _with_formula(tmp_path, "H7", "=1+2", name="uncomputed.xlsx")
    with pytest.raises(AssertionError, match="second pass"):
        files.read_workbook(uncomputed)


@pytest.mark.parametrize(("name", "content", "message"), [
    ("pdrb.xlsx", "region_code,year\n1200,2005\n".encode("utf-16"),
     "UTF-16 text (Excel's 'Unicode Text'), not an XLSX workbook (despite its .xlsx extension)"),
    ("pdrb.xlsx", "region_code\tyear\n1200\t2005\n".encode("utf-16-le"),
     "UTF-16 text (Excel's 'Unicode Text'), not an XLSX workbook"),
    ("pdrb.xls", b"<html><body><table><tr><td>PDRB</td></tr></table></body></html>",
     "an HTML page (a web export saved with a spreadsheet name), not an XLSX workbook (despite its .xls extension)"),
    ("pdrb.xlsx", b"Lapangan Usaha;2022\nA;1,5\n",
     "text (a CSV table?), not an XLSX workbook (despite its .xlsx extension); open it in a spreadsheet program "
     "and save it as .xlsx, or give it a .csv name if it is a CSV table"),
], ids=["utf16-bom", "utf16-le", "html-as-xls", "csv-as-xlsx"])
def test_text_with_a_spreadsheet_name_is_called_text(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DataError) as info:
        load_pdrb(path)
    assert str(info.value) == f"load_pdrb: {path}: {message}" or message in str(info.value)
    assert "corrupt" not in str(info.value) and "binary" not in str(info.value)


def test_a_truncated_workbook_is_still_called_corrupt(tmp_path):
    path = tmp_path / "pdrb.xlsx"
    path.write_bytes(PUB.read_bytes()[:2000])
    with pytest.raises(DataError, match=r"not a readable XLSX file \(truncated or corrupt"):
        load_pdrb(path)
