"""Reading BPS provincial input-output tables (*Tabel Input-Output*) into :class:`IOTable` values.

The file read is the tidy export of the domestic-transactions tables at producer prices, 17
*lapangan usaha* (``data/raw/io_domestik_17lu_2016.csv``, provenance in
``data/raw/SOURCES_io.md``): one row per cell, ``row_code`` x ``col_code``.

============  ====================================================================
row_code      meaning (BPS label)
============  ====================================================================
A … RSTU      the 17 sectors (domestic intermediate and final sales of each)
190d          *Input Antara Domestik* (sum of the 17 sector rows; not read)
2000          *Input Antara Impor Luar Negeri*: intermediate imports from abroad
2001          *Input Antara Impor Antar Provinsi*: from other provinces
1900          *Total Input Antara* (not read)
2090          *Nilai Tambah Bruto*: gross value added
2100          *Total Input*
============  ====================================================================

============  ====================================================================
col_code      meaning (BPS label)
============  ====================================================================
A … RSTU      the 17 purchasing sectors (intermediate demand)
1800          *Total Permintaan Antara* (not read)
3011 … 3041   final demand: household, LNPRT and government consumption, GFCF,
              change in inventories
3071          *Ekspor Luar Negeri*: exports abroad
3072          *Ekspor Antar Provinsi*: sales to other provinces
3080, 3090    total exports, total final demand (not read)
3100          *Total Output*
============  ====================================================================

The IO sector codes are potensi's PDRB codes (:data:`potensi.data.sectors.SECTOR_CODES`): BPS
prints M+N and R+S+T+U as one line in both, so ``MN`` *Jasa Perusahaan* and ``RSTU`` *Jasa
Lainnya* map to themselves; the spellings ``M,N``, ``R,S,T,U``, ``R-U`` are accepted too.
Printed subtotals (``190d``, ``1900``, ``1800``, ``3080``, ``3090``) are not read: the tables
are rebuilt from their parts, and total output is column ``3100`` as printed (Papua Barat's
``3090`` is below the sum of its final-demand columns for B, C and D, see
``data/raw/README.md``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from potensi.core.errors import DataError
from potensi.core.paths import DATA_RAW
from potensi.data.cells import MARKERS, CellError, parse_number, parse_year
from potensi.data.loaders import read_text_rows
from potensi.data.sectors import SECTOR_CODES, sector_code_from_label

__all__ = [
    "BALANCE_TOLERANCE",
    "FINAL_DEMAND",
    "IOTable",
    "IO_FILE",
    "IO_UNIT",
    "read_io_table",
]

_FUNC = "read_io_table"
#: The file read when ``path`` is not given.
IO_FILE = DATA_RAW / "io_domestik_17lu_2016.csv"
IO_UNIT = "juta rupiah"
#: Relative tolerance of the check total input (row 2100) = total output (column 3100), sector
#: by sector: ``|in - out| <= BALANCE_TOLERANCE * max(|in|, |out|)``. The published tables agree
#: within 1.1e-8 (Papua Barat, sector O); 1e-6 leaves room for re-typed copies rounded to
#: about 7 significant digits while refusing any real imbalance.
BALANCE_TOLERANCE = 1e-6
#: Final-demand columns kept in :attr:`IOTable.final_demand` (code -> BPS label).
FINAL_DEMAND = {
    "3011": "Konsumsi Rumah Tangga",
    "3012": "Konsumsi LNPRT",
    "3020": "Konsumsi Pemerintah",
    "3030": "Pembentukan Modal Tetap Bruto",
    "3041": "Perubahan Inventori",
    "3071": "Ekspor Luar Negeri",
    "3072": "Ekspor Antar Provinsi",
}
_ROW_TOTALS = {"2000", "2001", "2090", "2100"}  # quadrant rows read, sector columns only
_ROW_SKIPPED = {"190d", "1900"}
_COL_TOTAL = "3100"
_COL_SKIPPED = {"1800", "3080", "3090"}
_REQUIRED = ["region_code", "year", "row_code", "col_code", "value", "unit"]


@dataclass(frozen=True, eq=False)
class IOTable:
    """One province's domestic-transactions input-output table (juta rupiah).

    Attributes
    ----------
    region_code, region_name, year
        The province (BPS code as a string) and the table year.
    sectors
        Sector codes in table order (potensi's PDRB codes).
    Z
        Domestic intermediate flows, ``sectors x sectors``: row *i* sells to column *j*
        (*transaksi antara domestik*).
    imports_abroad, imports_other_provinces
        Intermediate inputs bought abroad (row 2000) and from other provinces (row 2001), by
        purchasing sector.
    value_added
        Gross value added (row 2090, *nilai tambah bruto*), by sector.
    total_input
        Total input (row 2100), by sector.
    final_demand
        ``sectors x`` :data:`FINAL_DEMAND` codes (domestic final sales, exports included).
    exports_abroad, exports_other_provinces
        Columns 3071 and 3072 (also in ``final_demand``).
    total_output
        Column 3100 (*total output*), by sector.
    unit
        ``"juta rupiah"``.
    source
        The file read.
    """

    region_code: str
    region_name: str
    year: int
    sectors: tuple[str, ...]
    Z: pd.DataFrame
    imports_abroad: pd.Series
    imports_other_provinces: pd.Series
    value_added: pd.Series
    total_input: pd.Series
    final_demand: pd.DataFrame
    exports_abroad: pd.Series
    exports_other_provinces: pd.Series
    total_output: pd.Series
    unit: str = IO_UNIT
    source: str = ""


def _io_code(text: str) -> str | None:
    """Potensi sector code of an IO row/column code, or None when it is not a sector."""
    code = sector_code_from_label(text)
    return code if code in SECTOR_CODES else None


def read_io_table(path: str | Path | None = None, *, region: str | None = None) -> IOTable | dict[str, IOTable]:
    """Read the BPS provincial input-output tables of a tidy file.

    Parameters
    ----------
    path
        The tidy CSV (columns ``region_code, year, row_code, col_code, value, unit``; others such
        as ``region_name``, ``row_label`` are optional). Default :data:`IO_FILE`,
        ``data/raw/io_domestik_17lu_2016.csv``.
    region
        A province code (``"7300"``): return its table only. ``None`` returns every table.

    Returns
    -------
    IOTable or dict of str to IOTable
        One table, or all tables keyed by province code (file order).

    Raises
    ------
    DataError
        Naming the file, line (the header is line 1) and column for: a missing column, an
        unknown row or column code, an empty cell or a value that is not a number (BPS markers
        ``…`` and ``x`` included: an IO table needs every cell; ``-`` reads as 0), a negative
        intermediate flow, a cell given twice, a unit other than juta rupiah, two years for one
        province; naming the region and the cell for a missing cell (each of the 17 sectors
        needs its 17 intermediate cells, the :data:`FINAL_DEMAND` columns and ``3100``; rows
        2000, 2001, 2090 and 2100 need the 17 sector columns); naming the region and the sector
        when total input and total output differ by more than :data:`BALANCE_TOLERANCE`
        (relative); and for ``region`` not in the file.

    Notes
    -----
    A domestic table (*transaksi domestik*) keeps imports out of the intermediate quadrant, so
    for every sector :math:`x_j = \\sum_i z_{ij} + m^{LN}_j + m^{AP}_j + v_j` (rows 190d, 2000,
    2001, 2090) and :math:`x_i = \\sum_j z_{ij} + \\sum_k f_{ik}` (intermediate plus final
    demand, exports included). Only the balance total input = total output is checked here
    (*total input sama dengan total output*); the coefficients and multipliers are in
    :mod:`potensi.indicators.input_output`.

    References
    ----------
    BPS (2021). *Tabel Input-Output Indonesia 2016* and *Kerangka Teori dan Analisis Tabel
    Input-Output*. Jakarta: Badan Pusat Statistik.

    Examples
    --------
    >>> table = read_io_table(region="9100")
    >>> table.Z.shape, table.unit
    ((17, 17), 'juta rupiah')
    """
    path = Path(path) if path is not None else IO_FILE
    rows = read_text_rows(path, func=_FUNC)
    header = [h.strip().lower() for h in rows[0]]
    missing = [c for c in _REQUIRED if c not in header]
    if missing:
        raise DataError(f"missing column(s) {missing}; expected {_REQUIRED}; found {rows[0]}",
                        func=_FUNC, path=path, row=1)
    col = {name: i for i, name in enumerate(header)}
    cells: dict[str, dict[tuple[str, str], float]] = {}
    lines: dict[tuple[str, str, str], int] = {}
    meta: dict[str, tuple[str, int, int]] = {}  # region -> (name, year, first line)
    for number, row in enumerate(rows[1:], start=2):
        if not any(field.strip() for field in row):
            continue
        if len(row) != len(header):
            raise DataError(f"ragged row: {len(row)} fields, header has {len(header)}",
                            func=_FUNC, path=path, row=number)
        reg = row[col["region_code"]].strip()
        if not reg:
            raise DataError("empty region code", func=_FUNC, path=path, row=number, column="region_code")
        try:
            year, _status = parse_year(row[col["year"]])
        except CellError as exc:
            raise DataError(str(exc), func=_FUNC, path=path, row=number, column="year") from None
        name = row[col["region_name"]].strip() if "region_name" in col else ""
        if reg not in meta:
            meta[reg] = (name, year, number)
        elif meta[reg][1] != year:
            raise DataError(f"region {reg} has two years, {meta[reg][1]} (line {meta[reg][2]}) and {year}; "
                            "one file holds one table per province", func=_FUNC, path=path, row=number,
                            column="year")
        unit = row[col["unit"]].strip().lower()
        if unit != IO_UNIT:
            raise DataError(f"unit {row[col['unit']]!r}; expected {IO_UNIT!r}", func=_FUNC, path=path,
                            row=number, column="unit")
        r_raw, c_raw = row[col["row_code"]].strip(), row[col["col_code"]].strip()
        r_code = _io_code(r_raw) or (r_raw if r_raw in _ROW_TOTALS | _ROW_SKIPPED else None)
        if r_code is None:
            raise DataError(f"unknown row code {r_raw!r}; expected a sector code {list(SECTOR_CODES)} or one "
                            f"of {sorted(_ROW_TOTALS | _ROW_SKIPPED)}", func=_FUNC, path=path, row=number,
                            column="row_code")
        c_code = _io_code(c_raw) or (c_raw if c_raw in set(FINAL_DEMAND) | _COL_SKIPPED | {_COL_TOTAL} else None)
        if c_code is None:
            raise DataError(f"unknown column code {c_raw!r}; expected a sector code {list(SECTOR_CODES)} or one "
                            f"of {sorted(set(FINAL_DEMAND) | _COL_SKIPPED | {_COL_TOTAL})}", func=_FUNC,
                            path=path, row=number, column="col_code")
        key = (reg, r_code, c_code)
        if key in lines:
            raise DataError(f"cell (row_code {r_code!r}, col_code {c_code!r}) of region {reg} given twice; "
                            f"first at line {lines[key]}", func=_FUNC, path=path, row=number, column="value")
        lines[key] = number
        cell = row[col["value"]].strip()
        if cell in MARKERS and math.isnan(MARKERS[cell]):
            raise DataError(f"BPS marker {cell!r} (not available or confidential); an input-output table needs "
                            "every cell", func=_FUNC, path=path, row=number, column="value")
        try:
            value, _marker = parse_number(cell, decimal=".")
        except CellError as exc:
            raise DataError(str(exc), func=_FUNC, path=path, row=number, column="value") from None
        if not math.isfinite(value):
            raise DataError(f"{row[col['value']]!r} is not a finite number", func=_FUNC, path=path, row=number,
                            column="value")
        if value < 0 and r_code in SECTOR_CODES and c_code in SECTOR_CODES:
            raise DataError(f"negative intermediate flow {value:g} ({r_code} -> {c_code}, region {reg})",
                            func=_FUNC, path=path, row=number, column="value")
        cells.setdefault(reg, {})[(r_code, c_code)] = value
    if not meta:
        raise DataError("no data rows below the header", func=_FUNC, path=path)
    if region is not None:
        region = str(region)
        if region not in meta:
            raise DataError(f"region {region!r} not in the file; available: {list(meta)}", func=_FUNC, path=path)
        return _build(region, meta[region], cells[region], lines, path)
    return {reg: _build(reg, meta[reg], cells[reg], lines, path) for reg in meta}


def _build(region: str, meta: tuple[str, int, int], cells: dict[tuple[str, str], float],
           lines: dict[tuple[str, str, str], int], path: Path) -> IOTable:
    sectors = tuple(SECTOR_CODES)
    name, year, _first = meta

    def take(row_codes, col_codes) -> np.ndarray:
        out = np.empty((len(row_codes), len(col_codes)))
        for a, r in enumerate(row_codes):
            for b, c in enumerate(col_codes):
                if (r, c) not in cells:
                    raise DataError(f"region {region}: cell (row_code {r!r}, col_code {c!r}) is missing; every "
                                    "sector row needs the 17 sector columns, the final-demand columns "
                                    f"{list(FINAL_DEMAND)} and {_COL_TOTAL}; rows {sorted(_ROW_TOTALS)} need "
                                    "the 17 sector columns", func=_FUNC, path=path)
                out[a, b] = cells[(r, c)]
        return out

    z = take(sectors, sectors)
    fd = take(sectors, list(FINAL_DEMAND))
    out = take(sectors, [_COL_TOTAL])[:, 0]
    quad = take(["2000", "2001", "2090", "2100"], sectors)
    total_in = quad[3]
    bad = np.abs(total_in - out) > BALANCE_TOLERANCE * np.maximum(np.abs(total_in), np.abs(out))
    if bad.any():
        j = int(np.argmax(bad))
        s = sectors[j]
        raise DataError(
            f"region {region}, sector {s}: total input (row 2100, line {lines[(region, '2100', s)]}) "
            f"{total_in[j]:,.6f} differs from total output (column 3100, line {lines[(region, s, _COL_TOTAL)]}) "
            f"{out[j]:,.6f} by {abs(total_in[j] - out[j]) / max(abs(total_in[j]), abs(out[j])):.2e} relative; "
            f"allowed {BALANCE_TOLERANCE:g}",
            func=_FUNC, path=path, row=lines[(region, s, _COL_TOTAL)], column="value",
        )
    index = pd.Index(list(sectors), name="sector_code", dtype=object)

    def series(values: np.ndarray, label: str) -> pd.Series:
        return pd.Series(values, index=index, name=label)

    return IOTable(
        region_code=region,
        region_name=name,
        year=year,
        sectors=sectors,
        Z=pd.DataFrame(z, index=index, columns=index.copy()),
        imports_abroad=series(quad[0], "imports_abroad"),
        imports_other_provinces=series(quad[1], "imports_other_provinces"),
        value_added=series(quad[2], "value_added"),
        total_input=series(total_in, "total_input"),
        final_demand=pd.DataFrame(fd, index=index, columns=pd.Index(list(FINAL_DEMAND), dtype=object)),
        exports_abroad=series(fd[:, list(FINAL_DEMAND).index("3071")], "exports_abroad"),
        exports_other_provinces=series(fd[:, list(FINAL_DEMAND).index("3072")], "exports_other_provinces"),
        total_output=series(out, "total_output"),
        unit=IO_UNIT,
        source=str(path),
    )
