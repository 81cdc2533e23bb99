"""load_pdrb on tidy CSV and BPS wide tables (CSV/XLSX): values, BPS markers and every bad-input message.

Tidy fixtures are written here: one region (6472) with sectors valued 10, 20, ..., 170 (in the order
A … RSTU) so the 17 sectors sum to 10 × (1 + … + 17) = 10 × 153 = 1,530 = the printed TOTAL.
Line numbers: header = line 1; year y's sector k (0-based) is on line 2 + 18 × (y − first year) + k,
its TOTAL on line 19 + 18 × (y − first year); two years make 1 + 2 × 18 = 37 lines.

Wide fixtures are in tests/fixtures/wide/ (made by make_fixtures.py; invented round numbers).
"""

from __future__ import annotations

import csv
import io
import math
import re
import shutil
import warnings
from pathlib import Path

import openpyxl
import pytest

from potensi import DataError, load_pdrb
from potensi.core.paths import DATA_RAW
from potensi.data.sectors import SECTOR_CODES, SECTORS

WIDE = Path(__file__).resolve().parent / "fixtures" / "wide"
DYN = WIDE / "dyntable_samarinda_adhk.csv"
PUB = WIDE / "publikasi_kaltim_2tabel.xlsx"
RAW_FOUND = Path(__file__).resolve().parents[2] / "shared" / "data" / "raw_found"  # beside the clone, never committed
HEADER = "region_code,region_name,year,sector_code,sector_name,price_basis,value,unit,source_id"


def tidy_lines(region="6472", years=(2019, 2020), unit="miliar rupiah", total="1530"):
    lines = [HEADER]
    for year in years:
        for k, code in enumerate(SECTOR_CODES):
            lines.append(f"{region},Kota Samarinda,{year},{code},nama,ADHK2010,{10 * (k + 1)},{unit},TEST")
        lines.append(f"{region},Kota Samarinda,{year},TOTAL,PDRB,ADHK2010,{total},{unit},TEST")
    return lines


def write(tmp_path: Path, lines: list[str], name="pdrb.csv", encoding="utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


def set_field(lines: list[str], line: int, field: int, value: str) -> list[str]:
    """Copy of ``lines`` with field ``field`` of file line ``line`` (1-based) replaced."""
    out = list(lines)
    cells = out[line - 1].split(",")
    cells[field] = value
    out[line - 1] = ",".join(cells)
    return out


def expect(path: Path, message: str, **options) -> None:
    """load_pdrb(path) raises DataError whose text is 'load_pdrb: <path> <message>'."""
    with pytest.raises(DataError) as info, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        load_pdrb(path, **options)
    assert str(info.value).startswith(f"load_pdrb: {path}"), str(info.value)
    assert message in str(info.value), str(info.value)


# --------------------------------------------------------------------------- tidy CSV
def test_tidy_reads_values_codes_as_strings(tmp_path):
    data = load_pdrb(write(tmp_path, tidy_lines(region="0000")))
    assert list(data.columns) == ["region_code", "year", "sector_code", "price_basis", "value", "marker", "status",
                                  "provisional", "source_id"]
    assert set(data["region_code"]) == {"0000"}  # leading zeros kept
    a = data[(data.year == 2019) & (data.sector_code == "A")]
    assert a["value"].item() == 10.0  # first sector: 10 × 1
    assert data[data.sector_code == "TOTAL"]["value"].tolist() == [1530.0, 1530.0]


def test_tidy_converts_juta_to_miliar(tmp_path):
    lines = tidy_lines(unit="juta rupiah", total="1530000")
    lines = [HEADER] + [set_field([ln], 1, 6, str(int(ln.split(",")[6]) * 1000))[0] for ln in lines[1:]
                        if ",TOTAL," not in ln] + [ln for ln in lines[1:] if ",TOTAL," in ln]
    data = load_pdrb(write(tmp_path, lines))
    # 10,000 juta = 10 miliar (× 1e-3); TOTAL 1,530,000 juta = 1,530 miliar
    assert data[(data.year == 2019) & (data.sector_code == "A")]["value"].item() == pytest.approx(10.0)
    assert data[(data.year == 2019) & (data.sector_code == "TOTAL")]["value"].item() == pytest.approx(1530.0)


def test_tidy_provisional_year_marks(tmp_path):
    lines = [ln.replace(",2020,", ",2020*,") for ln in tidy_lines()]
    data = load_pdrb(write(tmp_path, lines))
    assert set(data[data.year == 2020]["status"]) == {"sementara"}
    assert data[data.year == 2020]["provisional"].all()
    assert not data[data.year == 2019]["provisional"].any()


def test_tidy_markers_are_applied_and_reported(tmp_path):
    lines = tidy_lines()
    lines = set_field(lines, 3, 6, "-")  # 2019 B: nihil -> 0
    lines = set_field(lines, 4, 6, "…")  # 2019 C: not available -> NaN
    lines = set_field(lines, 23, 6, "...")  # 2020 D (line 2 + 18 + 3): same marker typed with dots
    lines = set_field(lines, 24, 6, "x")  # 2020 E: confidential -> NaN
    with pytest.warns(UserWarning, match="BPS markers converted") as record:
        data = load_pdrb(write(tmp_path, lines))
    text = str(record[0].message)
    assert "1 × '-' (nihil (zero) → 0)" in text
    assert "2 × '…' (not available → missing)" in text
    assert "1 × 'x' (confidential → missing)" in text
    cell = data.set_index(["year", "sector_code"])
    assert cell.loc[(2019, "B"), "value"] == 0.0 and cell.loc[(2019, "B"), "marker"] == "-"
    assert math.isnan(cell.loc[(2019, "C"), "value"]) and cell.loc[(2019, "C"), "marker"] == "…"
    assert math.isnan(cell.loc[(2020, "D"), "value"]) and cell.loc[(2020, "D"), "marker"] == "…"
    assert math.isnan(cell.loc[(2020, "E"), "value"]) and cell.loc[(2020, "E"), "marker"] == "x"
    assert data.attrs["markers"] == {"…": 2, "-": 1, "x": 1}


@pytest.mark.parametrize("layout", ["quoted", "blank-line", "crlf"])
def test_tidy_fast_and_exact_readers_agree(tmp_path, layout):
    """A plain file goes through the one-pass Arrow reader; quotes or blank lines through the exact
    csv reader (which can name the row of any fault); CRLF line endings stay on the fast one. All give
    the same table."""
    lines = [f"{HEADER},status"]
    for year, status in ((2019, ""), (2020, "sementara")):
        for k, code in enumerate(SECTOR_CODES):  # 10 000 × (k + 1) juta rupiah = 10 × (k + 1) miliar
            value = "-" if (year, code) == (2019, "B") else f"{10_000 * (k + 1)}.00"  # 2019 B: nihil
            lines.append(f"6472,Kota Samarinda,{year}, {code} , nama , ADHK2010,{value},juta rupiah,TEST,{status}")
        total = 1_530_000 - (20_000 if year == 2019 else 0)  # Σ 10 000 × (k + 1) = 1 530 000, less B in 2019
        lines.append(f"6472,Kota Samarinda,{year},TOTAL,PDRB,ADHK2010,{total}.00,juta rupiah,TEST,{status}")
    plain = write(tmp_path, lines, "plain.csv")
    if layout == "quoted":
        other = write(tmp_path, [lines[0], *[line.replace(",TEST", ',"TEST"') for line in lines[1:]]], "other.csv")
    elif layout == "blank-line":
        other = write(tmp_path, [*lines[:10], "", *lines[10:]], "other.csv")
    else:
        other = tmp_path / "other.csv"
        other.write_bytes(("\r\n".join(lines) + "\r\n").encode())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a, b = load_pdrb(plain), load_pdrb(other)
    assert a.equals(b) and a.attrs == b.attrs
    cell = a.set_index(["year", "sector_code"])
    assert cell.loc[(2019, "C"), "value"] == 30.0 and cell.loc[(2019, "B"), "marker"] == "-"
    assert set(cell.loc[2020, "status"]) == {"sementara"} and set(cell.loc[2019, "status"]) == {""}
    ragged = write(tmp_path, [*lines[:5], lines[5] + ",x", *lines[6:]], "ragged.csv")
    expect(ragged, "row 6: ragged row: 11 fields, header has 10")  # the fast reader hands over to the exact one


def test_tidy_result_independent_of_row_order(tmp_path):
    lines = tidy_lines()
    a = load_pdrb(write(tmp_path, lines, "a.csv"))
    b = load_pdrb(write(tmp_path, [lines[0], *reversed(lines[1:])], "b.csv"))
    assert a.drop(columns="source_id").equals(b.drop(columns="source_id"))


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda ls: set_field(ls, 2, 3, "Z"), "row 2, column 'sector_code': unknown sector code 'Z'; expected one of"),
        (lambda ls: set_field(ls, 2, 0, "6499"), "row 2, column 'region_code': unknown region code '6499'"),
        (lambda ls: set_field(ls, 2, 0, "64"),
         "row 2, column 'region_code': unknown region code '64' (leading zeros lost? codes are 4-digit strings"),
        (lambda ls: [*ls, ls[2]],  # line 3 (2019 B) again after the 1 + 2 × 18 = 37 lines: line 38
         "row 38, column 'sector_code': duplicate (region, year, sector, price basis) = (6472, 2019, B, ADHK2010); "
         "also at row 3"),
        (lambda ls: set_field(ls, 4, 6, "12a"), "row 4, column 'value': '12a' is not a number"),
        (lambda ls: set_field(ls, 5, 6, ""), "row 5, column 'value': empty cell (expected a number or a BPS marker"),
        (lambda ls: set_field(ls, 5, 6, "-5"),
         "row 5, column 'value': negative output value -5; PDRB by sector cannot be negative"),
        # 17 sectors sum to 1,530 against a printed 1,600: (1530 − 1600) / 1600 = −4.375 %
        (lambda ls: set_field(ls, 19, 6, "1600"),
         "row 19, column 'value': the 17 sectors of region 6472 year 2019 sum to 1,530.00 but the printed total is "
         "1,600.00 miliar rupiah (-4.38%, tolerance 0.50%)"),
        (lambda ls: ls[:19] + [ln.replace("miliar rupiah", "juta rupiah") for ln in ls[19:]],
         "row 20, column 'unit': mixed units in one file: 'miliar rupiah' (first at row 2) and 'juta rupiah'; "
         "convert to one unit"),
        (lambda ls: set_field(ls, 2, 7, "ribu rupiah"), "row 2, column 'unit': unknown unit 'ribu rupiah'"),
        (lambda ls: set_field(ls, 2, 5, "ADHX"),
         "row 2, column 'price_basis': unknown price basis 'ADHX'; expected ADHK2010 or ADHB"),
        (lambda ls: [ln for i, ln in enumerate(ls, start=1) if i != 18],  # drop 2019 RSTU
         "row 2, column 'sector_code': region 6472 year 2019 ADHK2010 lacks sector(s) ['RSTU']"),
        (lambda ls: ls[:6] + [",".join(ls[6].split(",")[:-1])] + ls[7:],
         "row 7: ragged row: 8 fields, header has 9 (truncated file or stray delimiter?)"),
        (lambda ls: [ls[0]], "no data rows below the header"),
        (lambda ls: [ls[0].replace("value", "nilai")], "row 1: missing column(s) ['value']"),
    ],
    ids=["sector", "region", "region-zeros", "duplicate", "non-numeric", "empty-cell", "negative", "sum-vs-total",
         "mixed-units", "ribu", "price-basis", "incomplete", "ragged", "header-only", "missing-column"],
)
def test_tidy_bad_input_messages(tmp_path, edit, message):
    expect(write(tmp_path, edit(tidy_lines())), message)


def test_tidy_missing_year(tmp_path):
    path = write(tmp_path, tidy_lines(years=(2019, 2021)))
    expect(path, "row 2, column 'year': missing year(s) [2020] for region 6472 (ADHK2010); years must be "
                 "consecutive (pass allow_gaps=True to accept a documented gap)")
    data = load_pdrb(path, allow_gaps=True)
    assert data.attrs["gaps"] == [{"region_code": "6472", "price_basis": "ADHK2010", "missing_years": [2020]}]


def test_tidy_zero_total(tmp_path):
    lines = [HEADER] + [",".join(c if i != 6 else "0" for i, c in enumerate(ln.split(","))) for ln in tidy_lines(
        years=(2019,))[1:]]
    expect(write(tmp_path, lines), "row 19, column 'value': zero total for region 6472 year 2019")


@pytest.mark.parametrize("content", [b"", b"  \n\n"], ids=["zero-bytes", "blank-lines"])
def test_empty_file(tmp_path, content):
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    expect(path, ": empty file (no header, no rows)")


@pytest.mark.parametrize("content", [b"region_code\x00\x01\x02", b"PK\x03\x04rest-of-a-zip"], ids=["nul", "xlsx"])
def test_binary_file(tmp_path, content):
    path = tmp_path / "binary.csv"
    path.write_bytes(content)
    expect(path, ": binary content, not a CSV text file (an XLSX/XLS saved with a .csv name, or a corrupt file)")


def test_truncated_csv_cut_mid_row(tmp_path):
    text = "\n".join(tidy_lines()) + "\n"
    cut = text.index("ADHK2010", text.index("2020,H,"))  # inside the 2020 H row, before its value
    path = tmp_path / "cut.csv"
    path.write_text(text[:cut], encoding="utf-8")
    row = text[:cut].count("\n") + 1  # the last, partial line: "6472,Kota Samarinda,2020,H,nama," = 6 fields
    expect(path, f"row {row}: ragged row: 6 fields, header has 9")


@pytest.mark.parametrize(("encoding", "char", "byte"), [("cp1252", "–", "0x96"), ("latin-1", "é", "0xe9")])
def test_wrong_encoding(tmp_path, encoding, char, byte):
    lines = tidy_lines()
    lines[3] = lines[3].replace("Kota Samarinda", f"Kota Samarinda {char} Kaltim")  # file line 4
    path = write(tmp_path, lines, encoding=encoding)
    expect(path, f"row 4: byte {byte} is not UTF-8 (wrong encoding); re-save the file as 'CSV UTF-8'")


def test_file_not_found(tmp_path):
    expect(tmp_path / "nope.csv", ": file not found")


# --------------------------------------------------------------------------- wide CSV (BPS dynamic table)
def dyn_text() -> str:
    return DYN.read_text(encoding="utf-8")


def dyn_variant(tmp_path: Path, old: str, new: str, count: int = 1, name="dyn.csv") -> Path:
    text = dyn_text()
    assert old in text, old
    path = tmp_path / name
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


def test_dyntable_csv_values_status_and_markers():
    with pytest.warns(UserWarning, match=re.escape("BPS markers converted: 4 × '-' (nihil (zero) → 0)")):
        data = load_pdrb(DYN)
    assert set(data["region_code"]) == {"6472"}  # from the title "... di Kota Samarinda ..."
    assert set(data["price_basis"]) == {"ADHK2010"}  # "Harga Konstan 2010"
    cell = data.set_index(["year", "sector_code"])
    # "1.000.000,50" juta rupiah = 1,000,000.50 × 1e-3 = 1,000.0005 miliar
    assert cell.loc[(2019, "A"), "value"] == pytest.approx(1_000.0005, rel=1e-12)
    # printed PDRB 2019 "16.415.000,75" juta = 16,415.00075 miliar
    assert cell.loc[(2019, "TOTAL"), "value"] == pytest.approx(16_415.00075, rel=1e-12)
    assert cell.loc[(2019, "B"), "value"] == 0.0 and cell.loc[(2019, "B"), "marker"] == "-"
    # header "2019, 2020, 2021*, 2022**"
    assert cell.loc[(2020, "A"), "status"] == "" and not cell.loc[(2020, "A"), "provisional"]
    assert cell.loc[(2021, "A"), "status"] == "sementara" and cell.loc[(2021, "A"), "provisional"]
    assert cell.loc[(2022, "A"), "status"] == "sangat sementara"
    assert data.attrs["ignored_rows"] == [(23, "Catatan: * Angka sementara, ** Angka sangat sementara")]


def test_dyntable_same_values_with_decimal_point_and_semicolons(tmp_path):
    rows = list(csv.reader(io.StringIO(dyn_text())))
    swap = str.maketrans(".,", ",.")
    for row in rows[3:21]:  # data lines 4..21: "1.000.000,50" -> "1,000,000.50"
        row[1:] = [c.translate(swap) for c in row[1:]]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(rows)
    path = tmp_path / "dots.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a, b = load_pdrb(DYN), load_pdrb(path)
    assert a.drop(columns="source_id").equals(b.drop(columns="source_id"))


def test_dyntable_markers_missing_not_zero(tmp_path):
    text = dyn_text().replace('"1.010.000,50"', "…").replace('"2.040.000,26"', "x")  # A 2020, C 2021
    path = tmp_path / "markers.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.warns(UserWarning) as record:
        data = load_pdrb(path)
    message = str(record[0].message)
    assert "1 × '…' (not available → missing)" in message and "1 × 'x' (confidential → missing)" in message
    cell = data.set_index(["year", "sector_code"])
    assert math.isnan(cell.loc[(2020, "A"), "value"]) and cell.loc[(2020, "A"), "marker"] == "…"
    assert math.isnan(cell.loc[(2021, "C"), "value"]) and cell.loc[(2021, "C"), "marker"] == "x"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("K. Jasa Keuangan dan Asuransi", "K. Jasa Keuangan Syariah",
         "row 14, column 'Lapangan Usaha': unknown sector 'K. Jasa Keuangan Syariah'; expected a lapangan usaha code "
         "or BPS name"),
        ('"5.050,00"', '"5.O50,00"', "row 8, column '2020': '5.O50,00' is not a number"),
        ('"10.000,00"', '"-10.000,00"', "row 7, column '2019': negative output value -10000; PDRB by sector cannot "
                                        "be negative"),
        # sectors 16,415.00075 miliar vs printed 17,415.00075: −1,000 / 17,415.00075 = −5.742 %
        ('"16.415.000,75"', '"17.415.000,75"',
         "row 21, column '2019': the 17 sectors of region 6472 year 2019 sum to 16,415.00 but the printed total is "
         "17,415.00 miliar rupiah (-5.74%, tolerance 0.50%)"),
        ("K. Jasa Keuangan dan Asuransi", "L. Real Estat",
         "row 15, column 'Lapangan Usaha': duplicate sector L for region 6472 (also at row 14)"),
        ('"10.000,00"', "10.000,00",  # an unquoted decimal comma splits the cell in two
         "row 7: ragged row: 6 fields, the header (row 3) has 5 (truncated file, or a decimal comma / stray "
         "delimiter splitting a cell?)"),
        ('"10.000,00"', '"10,000.00"',
         "row 7, column '2019': mixed decimal separators: '1.000.000,50' (row 4) has a decimal comma, '10,000.00' a "
         "decimal point; pass decimal=',' or decimal='.'"),
        ("Harga Konstan 2010 ", "",
         "row 3: price basis not found in the title rows (looked for 'Harga Konstan'/'Harga Berlaku', 'ADHK'/'ADHB'); "
         "pass price_basis='ADHK2010' or price_basis='ADHB'"),
        (" (Juta Rupiah)", "",
         "row 3: unit not found in the title rows (looked for 'Juta Rupiah', 'Miliar/Milyar Rupiah', 'Triliun'); "
         "pass unit='juta rupiah' or unit='miliar rupiah'"),
        ('2019-2022"\n\n', '2019-2022"\nSatuan: Miliar Rupiah\n',
         "row 2: mixed units in one table: 'juta rupiah' (row 1) and 'miliar rupiah' (row 2); one table must hold "
         "one unit"),
        ('2019-2022"\n\n', '2019-2022"\nAtas Dasar Harga Berlaku\n',
         "row 2: mixed price bases in one table: 'Harga Konstan' (row 1) and 'Harga Berlaku' (row 2)"),
        (" di Kota Samarinda", "",
         "row 3: region not found: the table has no region column and neither the sheet name nor the title names a "
         "region; pass region_code= (e.g. region_code='6472')"),
    ],
    ids=["sector", "non-numeric", "negative", "sum-vs-total", "duplicate", "ragged", "mixed-decimal", "no-basis",
         "no-unit", "mixed-units", "mixed-bases", "no-region"],
)
def test_dyntable_bad_input_messages(tmp_path, old, new, message):
    expect(dyn_variant(tmp_path, old, new), message)


def test_dyntable_percent_table_is_refused(tmp_path):
    path = dyn_variant(tmp_path, "[Seri 2010] PDRB Atas Dasar Harga Konstan 2010", "Laju Pertumbuhan PDRB Atas "
                       "Dasar Harga Konstan 2010")
    path.write_text(path.read_text(encoding="utf-8").replace(" (Juta Rupiah)", " (persen)"), encoding="utf-8")
    expect(path, "row 1: the table is in percent (growth rates or shares), not in rupiah")


def test_dyntable_options_replace_the_title(tmp_path):
    path = dyn_variant(tmp_path, "PDRB Atas Dasar Harga Konstan 2010 Menurut Lapangan Usaha di Kota Samarinda "
                                 "(Juta Rupiah)", "PDRB Menurut Lapangan Usaha")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = load_pdrb(path, region_code="6472", price_basis="ADHK", unit="juta")
        reference = load_pdrb(DYN)
    assert data.drop(columns="source_id").equals(reference.drop(columns="source_id"))


def test_dyntable_region_from_title(tmp_path):
    path = dyn_variant(tmp_path, "di Kota Samarinda", "di Kota Samarinda, Provinsi Kalimantan Timur")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert set(load_pdrb(path)["region_code"]) == {"6472"}  # the province that contains it is not a rival
    expect(dyn_variant(tmp_path, "di Kota Samarinda", "di Kota Samarinda dan Kota Bontang", name="two.csv"),
           "row 3: the title names several regions ['6472', '6474']; pass region_code= (e.g. region_code='6472')")


def test_dyntable_option_contradicting_title(tmp_path):
    expect(DYN, "row 1: unit='miliar rupiah' was passed but the title at row 1 says 'juta rupiah'", unit="miliar")
    expect(DYN, ": unknown region_code='9999': not in the region catalog (known_regions)", region_code="9999")


def test_dyntable_missing_year_column(tmp_path):
    rows = list(csv.reader(io.StringIO(dyn_text())))
    rows = [r[:2] + r[3:] if len(r) > 2 else r for r in rows]  # drop the 2020 column
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    path = tmp_path / "gap.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    expect(path, "row 3, column '2021*': missing year(s) [2020] between the year columns; years must be "
                 "consecutive (pass allow_gaps=True to accept a documented gap)")


def test_dyntable_truncated_mid_row(tmp_path):
    text = dyn_text()
    cut = text.index('"3.030.000,00"') + 4  # in the middle of the F row (line 9)
    path = tmp_path / "cut.csv"
    path.write_text(text[:cut], encoding="utf-8")
    expect(path, "row 9: ragged row: 3 fields, the header (row 3) has 5")


@pytest.mark.parametrize(("encoding", "char", "byte"), [("cp1252", "–", "0x96"), ("latin-1", "é", "0xe9")])
def test_dyntable_wrong_encoding(tmp_path, encoding, char, byte):
    path = tmp_path / "enc.csv"
    path.write_bytes(dyn_text().replace("2019-2022", f"2019{char}2022").encode(encoding))
    expect(path, f"row 1: byte {byte} is not UTF-8 (wrong encoding)")


def test_dyntable_no_table(tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text("Judul tabel\nCatatan saja\n", encoding="utf-8")
    expect(path, ": no table found: no row of years (e.g. 'Lapangan Usaha, 2019, 2020') and no row of sector names")


# --------------------------------------------------------------------------- wide XLSX
def read_pub(**options):
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        data = load_pdrb(PUB, **options)
    return data, [str(w.message) for w in record]


def test_publication_two_tables_need_a_price_basis():
    expect(PUB, "row 29: mixed price bases in one file: 'Harga Berlaku' (table at row 1) and 'Harga Konstan'; "
                "pass price_basis= to read one of them")


def test_publication_quarterly_reads_annual_column():
    data, messages = read_pub(price_basis="ADHK")
    assert set(data["price_basis"]) == {"ADHK2010"} and set(data["region_code"]) == {"6400"}
    assert sorted(data["year"].unique()) == [2021, 2022, 2023]
    total = data.set_index(["year", "sector_code"]).loc[(2023, "TOTAL")]
    # 2023 = 2019 values × 1.04: 1,040,000.52 + 0 + 2,080,000.26 + 13,951,600 (the 14 round sectors)
    # = 17,071,600.78 juta = 17,071.60078 miliar; header "2023*" = angka sementara
    assert total["value"] == pytest.approx(17_071.60078, rel=1e-12)
    assert total["status"] == "sementara"
    assert data.attrs["ignored_columns"] == ["table at row 4: ADHB (price_basis='ADHK2010')"]
    assert (54, "PRODUK DOMESTIK REGIONAL BRUTO TANPA MIGAS") in data.attrs["ignored_rows"]
    assert data.attrs["skipped_rows"] == [(36, "1 Pertanian, Peternakan, Perburuan dan Jasa Pertanian")]
    assert any("1 sub-category row(s) skipped (only the 17 categories are read), first at row 36" in m
               for m in messages)


def test_publication_adhb_table_scaled():
    data, _ = read_pub(price_basis="ADHB")
    # ADHB table = 1.5 × the ADHK figures: 2021 A = 1,020,000.51 × 1.5 = 1,530,000.765 → 1,530,000.76 (cent) juta
    a = data.set_index(["year", "sector_code"]).loc[(2021, "A"), "value"]
    assert a == pytest.approx(1_530.00076, rel=1e-12)


def test_publication_partial_year_is_refused(tmp_path):
    book = openpyxl.load_workbook(PUB)
    sheet = book.active
    for row in range(34, 55):  # ADHK table body: quarter IV of 2023 is column Q (4 + 5 × 2 + 3 = 17)
        sheet.cell(row, 17).value = None
    path = tmp_path / "partial.xlsx"
    book.save(path)
    # ADHK table: title row 29, years row 32, quarters row 33, "(1) (2) …" row 34, first sector (A) row 35
    expect(path, "row 35, column 'Q (2023* IV)': year 2023: this quarter is empty or 0 in every row, so the annual "
                 "column covers only part of the year; pass years= without 2023", price_basis="ADHK")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = load_pdrb(path, price_basis="ADHK", years=[2021, 2022])
    assert sorted(data["year"].unique()) == [2021, 2022]
    # 2023 occupies columns N..R (14..18): quarters N, O, P, Q and Total in R
    assert data.attrs["ignored_columns"][-1] == "R (2023* Total) (not in years=)"


def test_publication_years_option_checked():
    expect(PUB, "row 4: years= asks for [2020], not in the year header (years [2021, 2022, 2023])",
           price_basis="ADHB", years=[2020, 2021])


def test_sheet_per_region():
    data = load_pdrb(WIDE / "per_region_sheets.xlsx", sheet="*")
    totals = data[data.sector_code == "TOTAL"].set_index(["region_code", "year"])["value"]
    # sheet "6472 Samarinda" (code in the name): PDRB 2019 = 16,415.00075 miliar (title: Miliar Rupiah)
    assert totals[("6472", 2019)] == pytest.approx(16_415.00075, rel=1e-12)
    # sheet "Kota Balikpapan" (catalog name → 6471), figures doubled: 2 × 16,415.00075 = 32,830.0015
    assert totals[("6471", 2019)] == pytest.approx(32_830.0015, rel=1e-12)
    first = load_pdrb(WIDE / "per_region_sheets.xlsx")  # default: first sheet only
    assert set(first["region_code"]) == {"6472"}
    named = load_pdrb(WIDE / "per_region_sheets.xlsx", sheet=["Kota Balikpapan"], region_code={"Kota Balikpapan": "6471"})
    assert set(named["region_code"]) == {"6471"}


def test_sheet_not_found():
    expect(WIDE / "per_region_sheets.xlsx", ": sheet(s) ['Samarinda'] not found; available: ['6472 Samarinda', "
                                            "'Kota Balikpapan']", sheet="Samarinda")


def test_region_column():
    data = load_pdrb(WIDE / "region_column.xlsx")
    assert set(data["price_basis"]) == {"ADHB"}  # "PDRB ADHB ..."
    totals = data[data.sector_code == "TOTAL"].set_index(["region_code", "year"])["value"]
    # "Jumlah" rows: 6472 2020 = 16,579,150.75 juta (= 2019 + 1 %, each sector rounded to the cent)
    assert totals[("6472", 2020)] == pytest.approx(16_579.15075, rel=1e-12)
    # 6471 = 2 × (2019 + 1 %) rounded after doubling: A 2 × 1,010,000.505 = 2,020,001.01 (not 2 × 1,010,000.50),
    # so 2 × 16,579,150.75 + 0.01 = 33,158,301.51 juta
    assert totals[("6471", 2020)] == pytest.approx(33_158.30151, rel=1e-12)


def test_pivot_regions_by_sectors():
    path = WIDE / "pivot_kabkota_2020.xlsx"
    expect(path, "row 2: unit not found in the title rows")
    expect(path, "row 7, column 'C (KodeWilayah)': unknown region code '9999'; pass region_map={'9999': '<code>'} "
                 "to rename it", unit="miliar")
    data = load_pdrb(path, unit="miliar", region_map={"9999": "0000"})
    assert set(data["year"]) == {2020} and set(data["price_basis"]) == {"ADHK2010"}  # year row, "PDRB ADHK"
    cell = data.set_index(["region_code", "sector_code"])["value"]
    # Samarinda 2020 A = 1,010,000.50 juta written as 1,010.0005 miliar
    assert cell[("6472", "A")] == pytest.approx(1_010.0005, rel=1e-12)
    # province = Balikpapan 33,158.30151 (see test_region_column) + Samarinda 16,579.15075 = 49,737.45226
    assert cell[("6400", "TOTAL")] == pytest.approx(49_737.45226, rel=1e-12)
    assert set(data["region_code"]) == {"0000", "6400", "6471", "6472"}


def test_xlsx_truncated(tmp_path):
    path = tmp_path / "cut.xlsx"
    path.write_bytes(PUB.read_bytes()[: PUB.stat().st_size // 2])
    expect(path, ": not a readable XLSX file (truncated or corrupt")


def test_xlsx_that_is_text(tmp_path):
    path = tmp_path / "text.xlsx"
    shutil.copy(DYN, path)
    expect(path, ": text (a CSV table?), not an XLSX workbook (despite its .xlsx extension)")


def test_xls_binary_and_empty_xlsx(tmp_path):
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    expect(old, ": old binary .xls workbook; open it in a spreadsheet program and save it as .xlsx")
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    expect(empty, ": empty file (no header, no rows)")


# --------------------------------------------------------------------------- real downloads (when present)
@pytest.mark.skipif(not (RAW_FOUND / "ForecastPDRB64").exists(), reason="shared raw_found copies not available")
def test_real_bps_kaltim_publication_sheet():
    """BPS Kaltim sheet 'Prod' (two tables, quarters, sub-categories) against pdrb_kaltim.csv (2 dp juta)."""
    path = RAW_FOUND / "ForecastPDRB64" / "64_Kaltim_Data_Forecast_COMPILE.xlsx"
    expect(path, "column 'Prod!CI (2024 IV)': year 2024: this quarter is empty or 0 in every row", region_code="64",
           price_basis="ADHK2010")  # SOURCES_kaltim.md: "Q4-2024 is empty (0)"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wide = load_pdrb(path, region_code="64", price_basis="ADHK2010", years=range(2010, 2024))
        tidy = load_pdrb(DATA_RAW / "pdrb_kaltim.csv")
    both = wide.merge(tidy, on=["region_code", "year", "sector_code", "price_basis"])
    assert len(both) == len(wide) == 14 * 18  # 2010–2023 × (17 sectors + TOTAL)
    assert (both["value_x"] - both["value_y"]).abs().max() <= 0.005e-3 + 1e-9  # rounded to 0.01 juta


@pytest.mark.skipif(not (RAW_FOUND / "regional-analysis").exists(), reason="shared raw_found copies not available")
def test_real_flexmonster_pivot_export():
    path = RAW_FOUND / "regional-analysis" / "PDRB_Lapangan_Usaha_KabKota_Milyar_Seluruh_Indonesia_ADHK_2020.xlsx"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wide = load_pdrb(path, unit="milyar", region_map={"9999": "0000"})
        tidy = load_pdrb(DATA_RAW / "pdrb_lapus_kabkota_adhk2010_2013_2020.csv", allow_gaps=True)
    both = wide.merge(tidy[tidy.year == 2020], on=["region_code", "year", "sector_code", "price_basis"])
    differs = set(both.loc[both["value_x"] != both["value_y"], "region_code"])
    assert differs == {"1608", "1609"}  # the OKU Selatan/Timur label swap fixed in data/raw (SOURCES_indonesia.md)


def test_any_codes_for_a_study_on_another_classification(tmp_path):
    # Old 9-sector classification, user's own region codes: accepted with sectors=None and
    # check_regions=False; 1,5 juta + 2,5 juta -> 0.0015 + 0.0025 miliar.
    lines = ["region_code,year,sector_code,price_basis,value,unit"]
    for year in (2005, 2006):
        lines += [f"TT,{year},1,ADHK,1.5,juta rupiah", f"TT,{year},2,ADHK,2.5,juta rupiah"]
    out = load_pdrb(write(tmp_path, lines), sectors=None, check_regions=False)
    assert sorted(out["sector_code"].unique()) == ["1", "2"]
    assert out["value"].tolist() == pytest.approx([0.0015, 0.0025, 0.0015, 0.0025])
    # a region-year lacking one of the codes used elsewhere is still incomplete
    bad = write(tmp_path, lines[:-1], name="bad.csv")
    with pytest.raises(DataError, match=r"region TT year 2006 ADHK2010 lacks sector\(s\) \['2'\]"):
        load_pdrb(bad, sectors=None, check_regions=False)
    # the default still insists on the BPS catalog
    with pytest.raises(DataError, match="unknown region code 'TT'"):
        load_pdrb(write(tmp_path, lines, name="c.csv"))


# --------------------------------------------------------------------------- never read a number wrong (issue 9)
# Each case is a crafted file as users produce them; each must give the right values or one DataError
# naming file, row/cell and column.
TITLE = "PDRB Atas Dasar Harga Konstan 2010 Menurut Lapangan Usaha (Miliar Rupiah) Kota Samarinda"
NAMES = list(SECTORS["sector_name"])


def wide_sheet(ws, *, title=TITLE, years=(2019, 2020), scale=1, labels=NAMES):
    """Sectors as rows: title in row 1, header in row 3, sector k = 10 (k + 1) × scale, total 1,530 × scale."""
    ws.append([title])
    ws.append([])
    ws.append(["Lapangan Usaha", *years])
    for k, name in enumerate(labels):
        ws.append([name, *[10 * (k + 1) * scale] * len(years)])
    ws.append(["PDRB", *[1530 * scale] * len(years)])


def test_tidy_indonesian_thousands_ambiguous_is_refused(tmp_path):
    lines = set_field(tidy_lines(), 2, 6, "5.186")  # 5.186 or 5 186? no other cell has a separator
    expect(write(tmp_path, lines), "row 2, column 'value': '5.186' could have a decimal or a thousands separator")


def test_tidy_indonesian_thousands_settled_by_another_cell(tmp_path):
    # every value × 1,000 with dot thousands; the total '1.530.000' can only be Indonesian (dot thousands)
    lines = [HEADER] + [",".join(c if i != 6 else f"{int(c) // 1000 if False else int(c)}.000".replace(
        "1530.000", "1.530.000") for i, c in enumerate(ln.split(","))) for ln in tidy_lines()[1:]]
    data = load_pdrb(write(tmp_path, lines))
    assert data[(data.year == 2019) & (data.sector_code == "A")]["value"].item() == 10_000.0  # '10.000' = 10 000
    assert data[(data.year == 2019) & (data.sector_code == "TOTAL")]["value"].item() == 1_530_000.0


@pytest.mark.parametrize("column", ["value", "unit"])
def test_tidy_doubled_column_is_refused(tmp_path, column):
    lines = [f"{ln},{ln.split(',')[HEADER.split(',').index(column)] if i else column}"
             for i, ln in enumerate(tidy_lines())]
    expect(write(tmp_path, lines), f"row 1, column '{column}': column '{column}' appears 2 times")


@pytest.mark.parametrize("label", ["PDRB", "Jumlah", "total", "Produk Domestik Regional Bruto"])
def test_total_labels_are_total_without_a_sector_list(tmp_path, label):
    lines = [ln.replace(",TOTAL,", f",{label},") for ln in tidy_lines()]
    data = load_pdrb(write(tmp_path, lines), sectors=None, check_regions=False, allow_gaps=True)
    assert set(data["sector_code"]) == {*SECTOR_CODES, "TOTAL"}  # 17 sectors + TOTAL, not an 18th sector


def test_cli_data_does_not_count_the_total_as_a_sector(tmp_path):
    from potensi.cli import main

    lines = []
    for region, scale in (("6472", 1), ("6400", 3)):
        lines += [ln.replace("6472,", f"{region},").replace(",TOTAL,", ",Jumlah,") for ln in tidy_lines()[1:]]
        if scale != 1:  # the reference: 3 × every value (its sectors still sum to its total)
            lines[-18:] = [",".join(str(int(c) * 3) if i == 6 else c for i, c in enumerate(ln.split(",")))
                           for ln in lines[-18:]]
    path = write(tmp_path, [HEADER, *lines])
    assert main(["indicators", "--data", str(path), "--reference", "6400", "--start", "2019", "--end", "2020",
                 "--out", str(tmp_path / "out")]) == 0
    import pandas as pd

    lq = pd.read_csv(tmp_path / "out" / "lq.csv", dtype={"region_code": str})
    assert "Jumlah" not in set(lq["sector_code"]) and lq["sector_code"].nunique() == 17
    assert lq["lq"].round(9).eq(1.0).all()  # same structure as the reference: LQ = (10/1530)/(30/4590) = 1


@pytest.mark.parametrize("text", ["1115.25 37", "51 86"])
def test_spaces_only_in_groups_of_three(tmp_path, text):
    expect(write(tmp_path, set_field(tidy_lines(), 2, 6, f'"{text}"')),
           f"row 2, column 'value': '{text}' is not a number: spaces inside a number may only separate thousands")


def test_overflow_is_not_infinity(tmp_path):
    expect(write(tmp_path, set_field(tidy_lines(), 2, 6, "1e400")),
           "row 2, column 'value': '1e400' is out of range (not a finite number)")


def test_free_text_status_is_refused(tmp_path):
    lines = [f"{ln},{'status' if i == 0 else ''}" for i, ln in enumerate(tidy_lines())]
    lines = set_field(lines, 3, 9, "angka revisi kedua")
    expect(write(tmp_path, lines), "row 3, column 'status': status 'angka revisi kedua' is not allowed; expected one of")
    lines = set_field(lines, 3, 9, "sementara")
    data = load_pdrb(write(tmp_path, lines))
    assert data[(data.year == 2019) & (data.sector_code == "B")]["status"].item() == "sementara"


def test_cr_only_line_endings(tmp_path):
    path = tmp_path / "pdrb.csv"
    path.write_bytes("\r".join(tidy_lines()).encode())
    expect(path, "row 1: line endings are CR only (old Mac format)")


def test_csv_cell_over_128_kib(tmp_path):
    lines = set_field(tidy_lines(), 5, 8, '"' + "x" * (130 * 1024) + '"')  # quoted
    expect(write(tmp_path, lines), "row 5: a cell longer than 128 KiB")
    lines = set_field(tidy_lines(), 5, 8, "x" * (130 * 1024))  # unquoted
    expect(write(tmp_path, lines), "row 5, column 'source_id': a cell longer than 128 KiB")


def test_fifo_and_device_are_refused(tmp_path):
    import os

    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    expect(fifo, "a named pipe (FIFO), not a regular file")  # returns at once: never opened
    with pytest.raises(DataError, match="load_pdrb: /dev/zero: a device, not a regular file"):
        load_pdrb("/dev/zero")


def test_file_size_is_capped(tmp_path, monkeypatch):
    import potensi.data.files as files

    monkeypatch.setattr(files, "MAX_FILE_BYTES", 100)
    expect(write(tmp_path, tidy_lines()), "exceeds the limit of 0 MiB (potensi.data.files.MAX_FILE_BYTES)")


def test_hidden_first_sheet_is_not_read(tmp_path):
    book = openpyxl.Workbook()
    old = book.active
    old.title = "Lama"
    wide_sheet(old, scale=2)
    old.sheet_state = "hidden"
    wide_sheet(book.create_sheet("Samarinda"))
    book.save(path := tmp_path / "hidden.xlsx")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = load_pdrb(path)
    assert data[(data.year == 2019) & (data.sector_code == "A")]["value"].item() == 10.0  # visible sheet, not 20
    expect(path, "sheet(s) ['Lama'] are hidden", sheet="Lama")


def test_hidden_columns_are_ignored(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    wide_sheet(ws, years=(2019, 2020, 2021))
    for row in ws.iter_rows(min_row=4, min_col=4, max_col=4):
        row[0].value = "rahasia"  # a hidden working column under 2021
    ws.column_dimensions["D"].hidden = True
    book.save(path := tmp_path / "hidden_col.xlsx")
    data = load_pdrb(path)
    assert sorted(data["year"].unique()) == [2019, 2020]


def _merged_year_book(path: Path, *, kinds: bool) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append([TITLE])
    ws.append(["Lapangan Usaha", 2019, None, 2020, None])
    ws.merge_cells("B2:C2")
    ws.merge_cells("D2:E2")
    if kinds:
        ws.append([None, "Distribusi (%)", "Nilai", "Distribusi (%)", "Nilai"])
    for k, name in enumerate(NAMES):
        ws.append([name, round(100 * (k + 1) / 153, 2), 10 * (k + 1), round(100 * (k + 1) / 153, 2), 10 * (k + 1)])
    ws.append(["PDRB", 100, 1530, 100, 1530])
    book.save(path)
    return path


def test_merged_year_over_share_and_value_reads_the_value(tmp_path):
    data = load_pdrb(_merged_year_book(tmp_path / "m.xlsx", kinds=True))
    assert data[(data.year == 2019) & (data.sector_code == "B")]["value"].item() == 20.0  # 'Nilai', not 1.31 %


def test_merged_year_without_column_names_is_refused(tmp_path):
    expect(_merged_year_book(tmp_path / "m.xlsx", kinds=False),
           "row 2, column 'B (2019)': year header '2019' spans columns B:C")


def test_sector_without_oil_and_gas_is_not_the_whole_sector(tmp_path):
    book = openpyxl.Workbook()
    labels = list(NAMES)
    labels[2] = "Industri Pengolahan (Tanpa Migas)"
    wide_sheet(book.active, labels=labels)
    book.save(path := tmp_path / "migas.xlsx")
    expect(path, "row 6, column 'A (Lapangan Usaha)': 'Industri Pengolahan (Tanpa Migas)' names only part of sector C")
    lines = [ln.replace(",C,", ",Industri Pengolahan (Tanpa Migas),") for ln in tidy_lines()]
    expect(write(tmp_path, lines), "row 4, column 'sector_code': 'Industri Pengolahan (Tanpa Migas)' names only part")


def test_sheet_name_contradicting_the_title(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "6471 Balikpapan"
    wide_sheet(book.active)  # the title says Kota Samarinda
    book.save(path := tmp_path / "contra.xlsx")
    expect(path, "sheet '6471 Balikpapan': the sheet name means region 6471 but the title names ['6472']")


def test_far_cell_is_refused_quickly(tmp_path):
    book = openpyxl.Workbook()
    wide_sheet(book.active)
    book.active["XFD1048576"] = 1
    book.save(path := tmp_path / "far.xlsx")
    assert path.stat().st_size < 20_000
    expect(path, "sheet 'Sheet' spans A1:XFD1048576 (17,179,869,184 cells; a cell at XFD1048576), more than the limit")


def test_zip_bomb_is_refused_before_parsing(tmp_path):
    import zipfile

    book = openpyxl.Workbook()
    wide_sheet(book.active)
    book.save(path := tmp_path / "bomb.xlsx")
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/padding.xml", b" " * (8 << 20))  # 8 MiB of spaces, ~8 KB packed
    expect(path, "member 'xl/worksheets/padding.xml' inflates")
