"""Reading BPS-style wide tables (CSV or XLSX) as users download them.

Two orientations are recognised on each sheet (a CSV file is one sheet):

**Sectors as rows, years as columns** (BPS dynamic tables, publication tables)::

    [Seri 2010] PDRB Atas Dasar Harga Konstan 2010 Menurut Lapangan Usaha (Juta Rupiah)
    Lapangan Usaha,2019,2020,2021*,2022**
    "A. Pertanian, Kehutanan, dan Perikanan","1.234.567,89",...
    ...
    PRODUK DOMESTIK REGIONAL BRUTO,...

* Title rows above the header give the price basis (*Harga Konstan* / *Harga Berlaku*,
  ``ADHK``/``ADHB``), the unit (*Juta Rupiah*, *Miliar*/*Milyar Rupiah*, *Triliun*) and, when no
  ``region_code=`` is passed and the body has no region column, the region (a BPS code or a
  region name from the catalog; the sheet name is tried first).
* The header row holds the years; ``2023*`` is *angka sementara*, ``2024**`` *angka sangat
  sementara* (``status``/``provisional`` of the result).
* Sector labels are codes (``A``, ``M,N``) or Indonesian names with the usual spelling variants
  (see :func:`potensi.data.sectors.sector_code_from_label`), in one or several label columns left
  of the years. A label column headed *Kode Wilayah*, *Wilayah*, *Kabupaten/Kota* or
  *Provinsi* is a region column (codes or names; a blank cell repeats the region above).
* **Quarterly tables**: when a row of quarter labels (``I``…``IV``, ``TW I``…, ``Triwulan I``…)
  sits under the years, only the annual column of each year (``Total``, ``Tahunan``,
  ``Jumlah``) is read; the quarters are used for one check only: a year whose quarter column
  is empty or 0 in every row has a partial annual figure, which is an error (pass ``years=``
  to leave that year out).
* Sub-category rows (``1``/``a.`` numbered lines under a category, e.g. *Tanaman Pangan*) are
  skipped and counted in ``attrs["skipped_rows"]``; lines after the total (*PDRB tanpa migas*,
  notes, sources) end the table and are listed in ``attrs["ignored_rows"]``. A sheet may hold
  several tables one under the other (e.g. ADHB then ADHK); with different price bases you
  choose one with ``price_basis=``.

**Regions as rows, sectors as columns** (pivot exports such as the Bappenas/Flexmonster files)::

    ,,Indikator,Tahun
    KodeWilayah,Nama Wilayah,PDRB ADHK ... - Industri Pengolahan,PDRB ADHK ... - Konstruksi,...
    ,,2020,2020,...
    6472,Kota Samarinda,12345.6,...

* A row with three or more sector names is the header; a common prefix such as ``"PDRB ADHK
  Tahun Dasar 2010 Berdasarkan Lapangan Usaha - "`` is removed, and the header that is the
  prefix alone is the total.
* The year comes from a row of years under (or above) the sector names, else from the title
  (one year), else ``year=``. Quarter columns are handled as above.
* Regions come from a code column (4-digit BPS codes; the fullest such column, e.g.
  *KodeWilayah*) or, failing that, a name column matched against the catalog;
  ``region_map={"9999": "0000"}`` renames codes or names as printed.

BPS markers are read as in every format (:mod:`potensi.data.cells`): ``-`` → 0, ``…``/``...``/``x``
→ missing, with a warning. Numbers may use decimal commas with dot thousands
(``1.234.567,89``) or the reverse; the separator is inferred once per sheet (``decimal=`` to
force it) and a sheet that mixes both is an error.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from potensi.core.errors import DataError
from potensi.data.cells import CellError, parse_number, parse_year
from potensi.data.loaders import PRICE_BASES, TOTAL_TOLERANCE, UNIT_FACTORS, finish_pdrb, read_text_rows
from potensi.data.regions import province_code, region_catalog
from potensi.data.sectors import SECTOR_CODES, sector_code_from_label

__all__ = ["read_wide"]

_FUNC = "load_pdrb"
_HEADER_SCAN = 60  # rows searched for the header of a regions-as-rows table
_QUARTERS = {
    "i": 1, "ii": 2, "iii": 3, "iv": 4, "q1": 1, "q2": 2, "q3": 3, "q4": 4,
    "tw i": 1, "tw ii": 2, "tw iii": 3, "tw iv": 4, "triwulan i": 1, "triwulan ii": 2,
    "triwulan iii": 3, "triwulan iv": 4, "tw 1": 1, "tw 2": 2, "tw 3": 3, "tw 4": 4,
    "triwulan 1": 1, "triwulan 2": 2, "triwulan 3": 3, "triwulan 4": 4,
}
_ANNUAL = {"total", "tahunan", "jumlah", "setahun", "tahun", "annual", "jumlah setahun"}
_REGION_HEADER = re.compile(r"kode|wilayah|kabupaten|kab\s*/\s*kota|provinsi|region|daerah", re.I)
_SUBITEM = re.compile(r"^\s*(\d{1,2}|[a-z]|[A-U]\.\d{1,2})[.)]?(\s|$)")
_AGGREGATE = re.compile(r"tanpa\s+migas|non\s*-?\s*migas|bukan\s+migas|pajak|subsidi", re.I)
_NUMBERING = re.compile(r"^\(?-?\d{1,3}\)?$")
_BASIS_PATTERNS = {
    "ADHK2010": re.compile(r"harga\s+konstan|\badhk\b|\bkonstan\b|constant\s+price", re.I),
    "ADHB": re.compile(r"harga\s+berlaku|\badhb\b|\bberlaku\b|current\s+price", re.I),
}
_UNIT_PATTERNS = {
    "ribu rupiah": re.compile(r"ribu\s+rupiah|\(ribu\)|ribuan", re.I),
    "juta rupiah": re.compile(r"juta\s+rupiah|\(juta\)|jutaan|\bjuta\b", re.I),
    "miliar rupiah": re.compile(r"mil[iy]a?r\w*", re.I),
    "triliun rupiah": re.compile(r"triliun", re.I),
}
_PERCENT = re.compile(r"persen|percent|%|laju\s+pertumbuhan|distribusi", re.I)
_BASIS_WORDS = {"ADHK2010": "Harga Konstan", "ADHB": "Harga Berlaku"}


@dataclass
class _Sheet:
    """One table source: a CSV file or one worksheet, rows as read (row 1 first)."""

    name: str | None
    rows: list[list[object]]
    xlsx: bool
    several: bool  # the workbook has several sheets: name the sheet in messages

    def column_label(self, j: int, header: str) -> str:
        if not self.xlsx:
            return header or f"column {j + 1}"
        from openpyxl.utils import get_column_letter

        prefix = f"{self.name}!" if self.several else ""
        letter = get_column_letter(j + 1)
        return f"{prefix}{letter} ({header})" if header else f"{prefix}{letter}"


@dataclass
class _Options:
    path: Path
    sectors: tuple[str, ...]
    regions: set[str]
    allow_gaps: bool
    region_code: str | Mapping[str, str] | None
    price_basis: str | None
    unit: str | None
    year: int | None
    years: set[int] | None
    decimal: str | None
    region_map: Mapping[str, str]
    source_id: str
    records: list[tuple] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    ignored: list[tuple[int, str]] = field(default_factory=list)
    ignored_blocks: list[str] = field(default_factory=list)
    tables: dict[str, tuple[str, str]] = field(default_factory=dict)  # basis or unit -> (kind, where)
    key_columns: dict[str, str] = field(default_factory=dict)

    def error(self, message: str, row: int | None = None, column: str | None = None) -> DataError:
        return DataError(message, func=_FUNC, path=self.path, row=row, column=column)


# --------------------------------------------------------------------------- public entry point
def read_wide(
    path: str | Path,
    *,
    sectors: Iterable[str] = SECTOR_CODES,
    known_regions: Iterable[str] | None = None,
    allow_gaps: bool = False,
    tolerance: float = TOTAL_TOLERANCE,
    region_code: str | Mapping[str, str] | None = None,
    price_basis: str | None = None,
    unit: str | None = None,
    year: int | None = None,
    years: Iterable[int] | None = None,
    sheet: int | str | Iterable[str] = 0,
    decimal: str | None = None,
    region_map: Mapping[str, str] | None = None,
    source_id: str | None = None,
) -> pd.DataFrame:
    """Read a BPS-style wide PDRB table (CSV or XLSX) into the canonical tidy table.

    The layouts are described in the module docstring: sectors as rows and years as columns
    (optionally quarterly, optionally with a region column, one table per sheet or several
    tables under each other), or regions as rows and sectors as columns.

    Parameters
    ----------
    path
        ``.csv`` (UTF-8, delimiter ``,`` ``;`` or tab) or ``.xlsx``.
    sectors, known_regions, allow_gaps, tolerance
        As in :func:`potensi.data.loaders.load_pdrb`.
    region_code
        The region of a table whose body has no region column: a BPS code (``"6472"``; a
        2-digit province code such as ``"64"`` means ``"6400"``), or a mapping from sheet name
        to code. Default: found in the sheet name or the title rows.
    price_basis
        ``"ADHK2010"`` or ``"ADHB"`` (``"ADHK"``, ``"konstan"``, ``"berlaku"`` accepted).
        Default: found in the title rows; an error when neither is given. When a sheet holds
        tables in both price bases, selects the tables to read.
    unit
        ``"juta rupiah"``, ``"miliar rupiah"`` (``"milyar"``) or ``"triliun rupiah"``;
        default: found in the title rows. Values are converted to miliar rupiah.
    year
        The year of a regions-as-rows table whose header and title carry no single year.
    years
        Read only these years; other year columns are left out and listed in
        ``attrs["ignored_columns"]`` (e.g. zero placeholder years or a partial last year).
    sheet
        XLSX only: sheet index or name, a list of names, or ``"*"`` for every sheet
        (e.g. one sheet per region).
    decimal
        ``","`` or ``"."`` to fix the decimal separator of text cells (default: inferred).
    region_map
        Renames region codes or names as printed into catalog codes
        (e.g. ``{"9999": "0000"}`` for a "Nasional" row coded 9999).
    source_id
        Stored in ``source_id`` (default: the file name).

    Returns
    -------
    pandas.DataFrame
        :data:`potensi.data.loaders.PDRB_COLUMNS`, values in miliar rupiah; ``attrs`` holds
        ``gaps``, ``markers``, ``skipped_rows`` (sub-categories), ``ignored_rows`` (after the
        total) and ``ignored_columns``.

    Raises
    ------
    DataError
        Naming file, row and column: not a readable XLSX (truncated/corrupt), empty, binary or
        non-UTF-8 CSV, no header row, ragged row, unknown sector or region, price basis or unit
        not found or mixed, non-numeric or negative value, mixed decimal separators, partial
        year (empty quarter), duplicate sector or region, missing years, sectors not summing
        to the printed total; plus every check of :func:`potensi.data.loaders.finish_pdrb`.

    Warns
    -----
    UserWarning
        BPS markers converted, and sub-category rows skipped.
    """
    path = Path(path)
    opts = _Options(
        path=path,
        sectors=tuple(sectors),
        regions=set(known_regions) if known_regions is not None else set(region_catalog()["region_code"]),
        allow_gaps=allow_gaps,
        region_code=region_code,
        price_basis=_option_basis(price_basis),
        unit=_option_unit(unit),
        year=None if year is None else int(year),
        years=None if years is None else {int(y) for y in years},
        decimal=decimal,
        region_map={str(k).strip(): str(v).strip() for k, v in (region_map or {}).items()},
        source_id=source_id or path.name,
    )
    if decimal not in (None, ",", "."):
        raise ValueError(f"read_wide: decimal={decimal!r}; expected ',' or '.'")
    if isinstance(region_code, str):
        opts.region_code = _check_region(region_code, opts, None, None, given=True)
    for source in _sheets(path, sheet):
        _read_sheet(source, opts)
    if not opts.records:
        raise opts.error("no table found: no row of years (e.g. 'Lapangan Usaha, 2019, 2020') and no row of "
                         "sector names; is this a PDRB table by lapangan usaha?")
    frame = pd.DataFrame.from_records(
        opts.records,
        columns=["region_code", "year", "sector_code", "price_basis", "value", "marker", "status", "source_id",
                 "_line"],
    )
    labels = opts.labels
    out = finish_pdrb(frame, path=path, sectors=opts.sectors, allow_gaps=allow_gaps, tolerance=tolerance,
                      column_of=lambda i: labels[i], key_columns=opts.key_columns)
    if opts.skipped:
        first_row, first_label = opts.skipped[0]
        warnings.warn(
            f"{_FUNC}: {path}: {len(opts.skipped)} sub-category row(s) skipped (only the 17 categories are read), "
            f"first at row {first_row}: {first_label!r}", UserWarning, stacklevel=3)
    out.attrs["skipped_rows"] = opts.skipped
    out.attrs["ignored_rows"] = opts.ignored
    out.attrs["ignored_columns"] = opts.ignored_blocks
    return out


# --------------------------------------------------------------------------- options
def _option_basis(value: str | None) -> str | None:
    if value is None:
        return None
    key = str(value).strip().upper()
    basis = PRICE_BASES.get(key) or {"KONSTAN": "ADHK2010", "BERLAKU": "ADHB"}.get(key)
    if basis is None:
        raise ValueError(f"read_wide: price_basis={value!r} not understood; expected 'ADHK2010' or 'ADHB'")
    return basis


def _option_unit(value: str | None) -> str | None:
    if value is None:
        return None
    text = str(value).strip().lower()
    for unit, pattern in _UNIT_PATTERNS.items():
        if unit != "ribu rupiah" and (text == unit.split()[0] or pattern.search(text)):
            return unit
    raise ValueError(f"read_wide: unit={value!r} not understood; expected 'juta rupiah', 'miliar rupiah' "
                     "or 'triliun rupiah'")


# --------------------------------------------------------------------------- reading files
def _sheets(path: Path, sheet) -> list[_Sheet]:
    if path.suffix.lower() not in {".xlsx", ".xlsm", ".xls"}:
        return [_Sheet(None, [list(r) for r in read_text_rows(path)], xlsx=False, several=False)]
    if not path.exists():
        raise DataError("file not found", func=_FUNC, path=path)
    head = path.read_bytes()[:8]
    if not head:
        raise DataError("empty file (no header, no rows)", func=_FUNC, path=path)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise DataError("old binary .xls workbook; open it in a spreadsheet program and save it as .xlsx",
                        func=_FUNC, path=path)
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl: unparsable headers/footers, styles
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
            names = book.sheetnames
            if sheet == "*":
                wanted = names
            elif isinstance(sheet, int):
                if not 0 <= sheet < len(names):
                    raise DataError(f"sheet index {sheet} out of range; the workbook has {len(names)} sheet(s): "
                                    f"{names}", func=_FUNC, path=path)
                wanted = [names[sheet]]
            else:
                wanted = [sheet] if isinstance(sheet, str) else list(sheet)
                missing = [s for s in wanted if s not in names]
                if missing:
                    raise DataError(f"sheet(s) {missing} not found; available: {names}", func=_FUNC, path=path)
            out = [_Sheet(name, [list(r) for r in book[name].iter_rows(values_only=True)], xlsx=True,
                          several=len(names) > 1) for name in wanted]
            book.close()
    except DataError:
        raise
    except Exception as exc:  # zipfile.BadZipFile, KeyError, zlib.error, EOFError, XML errors ...
        kind = "not a zip archive" if isinstance(exc, zipfile.BadZipFile) else type(exc).__name__
        raise DataError(f"not a readable XLSX file (truncated or corrupt: {kind})", func=_FUNC, path=path) from None
    return out


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or (
        isinstance(value, float) and value != value)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _year_of(value: object) -> tuple[int, str] | None:
    if _blank(value) or isinstance(value, bool):
        return None
    if isinstance(value, float) and not value.is_integer():
        return None
    try:
        found = parse_year(value)
    except CellError:
        return None
    return found if 1990 <= found[0] <= 2100 else None


def _is_number(value: object) -> bool:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return True
    try:
        parse_number(value)
    except CellError:
        return False
    return _text(value) not in {"-", "–", "—", "…", "...", "x", "X"}


def _quarter(value: object) -> int | None:
    """1–4 for a quarter label, 0 for an annual label, None otherwise."""
    text = re.sub(r"[\s.\-]+", " ", _text(value).lower()).strip()
    if text in _ANNUAL:
        return 0
    return _QUARTERS.get(text)


# --------------------------------------------------------------------------- one sheet
def _read_sheet(sheet: _Sheet, opts: _Options) -> None:
    rows = sheet.rows
    header = _find_sector_header(rows)
    if header is not None:
        _read_regions_as_rows(sheet, header, opts)
    else:
        _read_sectors_as_rows(sheet, opts)


_COMMA_EVIDENCE = re.compile(r"\d{1,3}(\.\d{3}){2,}(,\d+)?|\d{1,3}(\.\d{3})+,\d+|\d+,\d{1,2}|\d+,\d{4,}|\d{4,},\d+")
_POINT_EVIDENCE = re.compile(r"\d{1,3}(,\d{3}){2,}(\.\d+)?|\d{1,3}(,\d{3})+\.\d+|\d+\.\d{1,2}|\d+\.\d{4,}|\d{4,}\.\d+")
_AMBIGUOUS = re.compile(r"\d{1,3}[.,]\d{3}")


def _infer_decimal(sheet: _Sheet, cells: list[tuple[int, int, str]], opts: _Options) -> str | None:
    """The decimal separator of the text cells at the (row, column, label) positions ``cells``.

    ``1.234.567,89`` or ``12,5`` mean a decimal comma, ``1,234,567.89`` or ``12.5`` a decimal
    point; ``1.234`` alone could be either and needs one unambiguous cell or ``decimal=``.
    """
    if opts.decimal:
        return opts.decimal
    seen: dict[str, tuple[int, str, str]] = {}
    ambiguous = None
    for i, j, label in cells:
        value = sheet.rows[i][j] if j < len(sheet.rows[i]) else None
        if not isinstance(value, str):
            continue
        raw = value.strip().replace("\u00a0", "").replace(" ", "").lstrip("+-")
        if _COMMA_EVIDENCE.fullmatch(raw):
            seen.setdefault(",", (i, label, raw))
        elif _POINT_EVIDENCE.fullmatch(raw):
            seen.setdefault(".", (i, label, raw))
        elif _AMBIGUOUS.fullmatch(raw) and ambiguous is None:
            ambiguous = (i, label, raw)
    if len(seen) == 2:
        (ic, _, tc), (ip, lp, tp) = seen[","], seen["."]
        raise opts.error(f"mixed decimal separators: {tc!r} (row {ic + 1}) has a decimal comma, {tp!r} a decimal "
                         "point; pass decimal=',' or decimal='.'", row=ip + 1, column=lp)
    if not seen and ambiguous is not None:
        i, label, raw = ambiguous
        raise opts.error(f"{raw!r} could have a decimal or a thousands separator and no cell settles which; pass "
                         "decimal=',' or decimal='.'", row=i + 1, column=label)
    return next(iter(seen), None)


def _value(sheet: _Sheet, i: int, j: int, decimal: str | None, label: str, opts: _Options) -> tuple[float, str]:
    row = sheet.rows[i]
    cell = row[j] if j < len(row) else None
    try:
        value, marker = parse_number(cell, decimal=decimal)
    except CellError as exc:
        raise opts.error(f"{exc}", row=i + 1, column=label) from None
    if value < 0:
        raise opts.error(f"negative output value {value:g}; PDRB by sector cannot be negative", row=i + 1,
                         column=label)
    return value, marker


def _check_ragged(sheet: _Sheet, i: int, header: int, opts: _Options) -> None:
    if sheet.xlsx:
        return
    row, width = sheet.rows[i], len(sheet.rows[header])
    if len(row) < width or any(not _blank(c) for c in row[width:]):
        raise opts.error(f"ragged row: {len(row)} fields, the header (row {header + 1}) has {width} "
                         "(truncated file, or a decimal comma / stray delimiter splitting a cell?)", row=i + 1)


def _title_facts(sheet: _Sheet, lo: int, hi: int, opts: _Options, extra: Iterable[object] = ()) -> dict:
    """Price basis, unit and text of the title rows ``lo..hi-1`` (and ``extra`` header cells)."""
    texts: list[tuple[int, str]] = []
    for i in range(lo, hi):
        for cell in sheet.rows[i]:
            if isinstance(cell, str) and cell.strip():
                texts.append((i + 1, cell.strip()))
    texts += [(hi + 1, c.strip()) for c in extra if isinstance(c, str) and c.strip()]
    bases = {}
    units = {}
    for row, text in texts:
        for basis, pattern in _BASIS_PATTERNS.items():
            if pattern.search(text):
                bases.setdefault(basis, row)
        for unit, pattern in _UNIT_PATTERNS.items():
            if pattern.search(text):
                units.setdefault(unit, row)
    if len(bases) > 1:
        raise opts.error(
            f"mixed price bases in one table: 'Harga Konstan' (row {bases['ADHK2010']}) and 'Harga Berlaku' "
            f"(row {bases['ADHB']}); one table must hold one price basis", row=max(bases.values()))
    if len(units) > 1:
        (u1, r1), (u2, r2) = sorted(units.items(), key=lambda kv: kv[1])[:2]
        raise opts.error(f"mixed units in one table: {u1!r} (row {r1}) and {u2!r} (row {r2}); "
                         "one table must hold one unit", row=r2)
    percent = next((row for row, text in texts if _PERCENT.search(text)), None)
    return {"basis": next(iter(bases.items()), None), "unit": next(iter(units.items()), None),
            "percent": percent, "text": " | ".join(t for _, t in texts[:12])}


def _resolve(facts: dict, opts: _Options, header_row: int, sheet: _Sheet) -> tuple[str | None, str]:
    """Price basis (None: the table is not the one asked for) and unit of one table.

    Tables of one file must share their price basis (unless ``price_basis=`` picks one) and unit.
    """
    found = facts["basis"]
    if opts.price_basis is None and found is None:
        raise opts.error("price basis not found in the title rows (looked for 'Harga Konstan'/'Harga Berlaku', "
                         "'ADHK'/'ADHB'); pass price_basis='ADHK2010' or price_basis='ADHB'", row=header_row)
    basis = found[0] if found else opts.price_basis
    if opts.price_basis is not None and found is not None and found[0] != opts.price_basis:
        opts.ignored_blocks.append(f"table at row {header_row}: {found[0]} (price_basis={opts.price_basis!r})")
        return None, ""
    unit_found = facts["unit"]
    if unit_found is None and opts.unit is None:
        if facts["percent"] is not None:
            raise opts.error("the table is in percent (growth rates or shares), not in rupiah; potensi reads "
                             "PDRB values", row=facts["percent"])
        raise opts.error("unit not found in the title rows (looked for 'Juta Rupiah', 'Miliar/Milyar Rupiah', "
                         "'Triliun'); pass unit='juta rupiah' or unit='miliar rupiah'", row=header_row)
    if unit_found is not None and opts.unit is not None and unit_found[0] != opts.unit:
        raise opts.error(f"unit={opts.unit!r} was passed but the title at row {unit_found[1]} says "
                         f"{unit_found[0]!r}", row=unit_found[1])
    unit = unit_found[0] if unit_found else opts.unit
    if unit == "ribu rupiah":
        raise opts.error("unit 'ribu rupiah' (a per-capita table?); PDRB by lapangan usaha is read in juta, "
                         "miliar or triliun rupiah", row=unit_found[1])
    where = f"sheet {sheet.name!r} " if sheet.several else ""
    for kind, value, row in (("price bases", basis, found[1] if found else header_row),
                             ("units", unit, unit_found[1] if unit_found else header_row)):
        other = next(((v, w) for v, w in opts.tables.items() if v != value and w[0] == kind), None)
        if other is not None:
            words = _BASIS_WORDS if kind == "price bases" else {}
            hint = "; pass price_basis= to read one of them" if kind == "price bases" else ""
            raise opts.error(f"mixed {kind} in one file: {words.get(other[0], other[0])!r} (table at "
                             f"{other[1][1]}) and {words.get(value, value)!r}{hint}", row=row)
        opts.tables.setdefault(value, (kind, f"{where}row {row}"))
    return basis, unit


# --------------------------------------------------------------------------- regions
def _norm_name(text: str) -> str:
    text = unicodedata.normalize("NFKC", str(text)).lower()
    text = re.sub(r"\b(\w) (?=\w\b)", r"\1", text)  # "P A P U A" -> "PAPUA"
    text = re.sub(r"[^a-z0-9 ]", " ", text.replace("kep.", "kepulauan "))
    return " ".join(text.split())


def _names_index() -> dict[str, list[tuple[str, str]]]:
    cat = region_catalog()
    index: dict[str, list[tuple[str, str]]] = {}
    for code, name, level in zip(cat["region_code"], cat["region_name"], cat["level"].astype(str)):
        index.setdefault(_norm_name(name), []).append((code, level))
    return index


def _region_from_name(text: str) -> list[str]:
    """Catalog codes whose name matches ``text`` (``"Kabupaten Berau"``, ``"Kota Samarinda"``, ``"Aceh"``)."""
    name = _norm_name(text)
    level = None
    for prefix, lev in (("provinsi ", "provinsi"), ("prov ", "provinsi"), ("kabupaten ", "kabupaten"),
                        ("kab ", "kabupaten")):
        if name.startswith(prefix):
            name, level = name[len(prefix):], lev
    if name in {"nasional", "indonesia"}:
        return ["0000"]
    hits = _names_index().get(name, [])
    return [c for c, lev in hits if level is None or lev == level]


def _check_region(code: str, opts: _Options, row: int | None, column: str | None, *, given: bool = False) -> str:
    raw = str(code).strip()
    if isinstance(code, float) and code.is_integer():
        raw = str(int(code))
    raw = opts.region_map.get(raw, raw)
    if re.fullmatch(r"\d{2}", raw):
        raw = province_code(raw, strict=False)
    if raw not in opts.regions:
        hint = " (leading zeros lost? codes are 4-digit strings such as '0000', '6472')" if raw.isdigit() and len(
            raw) < 4 else ""
        if given:
            raise opts.error(f"unknown region_code={raw!r}{hint}: not in the region catalog (known_regions)")
        raise opts.error(f"unknown region code {raw!r}{hint}; pass region_map={{{raw!r}: '<code>'}} to rename it",
                         row=row, column=column)
    return raw


def _region_cell(value: object, opts: _Options, row: int, column: str | None,
                 prefer: set[str] | None = None) -> str:
    text = _text(value)
    mapped = opts.region_map.get(text, text)
    if re.fullmatch(r"\d{2}|\d{4}", mapped):
        return _check_region(mapped, opts, row, column)
    codes = _region_from_name(mapped)
    if len(codes) > 1 and prefer:
        cat = region_catalog().set_index("region_code")["level"].astype(str)
        preferred = [c for c in codes if cat.get(c) in prefer]
        codes = preferred if len(preferred) == 1 else codes
    if len(codes) == 1:
        return _check_region(codes[0], opts, row, column)
    if len(codes) > 1:
        raise opts.error(f"region name {text!r} is ambiguous (codes {codes}); write 'Kabupaten …'/'Provinsi …' or "
                         f"pass region_map={{{text!r}: '<code>'}}", row=row, column=column)
    raise opts.error(f"unknown region {text!r}: not a BPS code nor a name in the region catalog; pass "
                     f"region_map={{{text!r}: '<code>'}}", row=row, column=column)


def _regions_in_text(text: str) -> list[str]:
    """Catalog regions named in a title (longest names first, overlaps removed)."""
    norm = f" {_norm_name(text)} "
    found: list[tuple[int, int, list[tuple[str, str]]]] = []
    for name, hits in _names_index().items():
        if len(name) < 4:
            continue
        for m in re.finditer(rf"(?<= ){re.escape(name)}(?= )", norm):
            found.append((m.start(), m.end(), hits))
    found.sort(key=lambda f: f[0] - f[1])
    taken: list[tuple[int, int]] = []
    codes: list[str] = []
    for start, end, hits in found:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        before = norm[:start].split()[-1:] or [""]
        level = {"provinsi": "provinsi", "kabupaten": "kabupaten", "kab": "kabupaten"}.get(before[0])
        chosen = [c for c, lev in hits if level is None or lev == level]
        codes.extend(c for c in (chosen if len(chosen) == 1 else [c for c, _ in hits]) if c not in codes)
    return codes


def _sheet_region(sheet: _Sheet, facts: dict, opts: _Options, header_row: int) -> str:
    given = opts.region_code
    if isinstance(given, Mapping):
        if sheet.name in given:
            return _check_region(given[sheet.name], opts, None, None, given=True)
        raise opts.error(f"region_code= has no entry for sheet {sheet.name!r}; it has {sorted(given)}")
    if given is not None:
        return given
    if sheet.name is not None:
        token = re.search(r"\b\d{4}\b", sheet.name)
        if token and token.group() in opts.regions:
            return token.group()
        codes = _region_from_name(sheet.name)
        if len(codes) == 1 and codes[0] in opts.regions:
            return codes[0]
    codes = [c for c in _regions_in_text(facts["text"]) if c in opts.regions]
    parents = dict(zip(region_catalog()["region_code"], region_catalog()["parent_code"]))
    codes = [c for c in codes if not any(parents.get(other) == c for other in codes)]  # "Kota X, Provinsi Y" -> X
    where = f"sheet {sheet.name!r}: " if sheet.name else ""
    if len(codes) == 1:
        return codes[0]
    if len(codes) > 1:
        raise opts.error(f"{where}the title names several regions {codes}; pass region_code= (e.g. "
                         f"region_code={codes[0]!r})", row=header_row)
    raise opts.error(f"{where}region not found: the table has no region column and neither the sheet name nor "
                     "the title names a region; pass region_code= (e.g. region_code='6472')", row=header_row)


# --------------------------------------------------------------------------- sectors as rows
def _is_year_header(row: list[object]) -> dict[int, tuple[int, str]] | None:
    years: dict[int, tuple[int, str]] = {}
    for j, cell in enumerate(row):
        if _blank(cell):
            continue
        found = _year_of(cell)
        if found is not None and j > 0:
            years[j] = found
        elif _is_number(cell) or years:  # numbers, or labels right of the years: not a header
            return None
    return years or None


def _is_numbering(row: list[object]) -> bool:
    cells = [_text(c) for c in row if not _blank(c)]
    return len(cells) >= 2 and all(_NUMBERING.match(c) for c in cells)


def _read_sectors_as_rows(sheet: _Sheet, opts: _Options) -> None:
    rows = sheet.rows
    headers = [i for i, row in enumerate(rows) if _is_year_header(row)]
    if not headers:
        return
    previous_end = 0
    for n, h in enumerate(headers):
        if h < previous_end:
            continue
        stop = headers[n + 1] if n + 1 < len(headers) else len(rows)
        previous_end = _read_block(sheet, h, previous_end, stop, opts)


def _read_block(sheet: _Sheet, h: int, title_from: int, stop: int, opts: _Options) -> int:
    """Read the table whose year header is row index ``h``; returns the index where it ends."""
    rows = sheet.rows
    head = rows[h]
    year_cells = _is_year_header(head)
    first_year = min(year_cells)
    header_text = {j: _text(c) for j, c in enumerate(head)}
    # a row of quarter labels under the years?
    body_from, quarter_row = h + 1, None
    for k in range(h + 1, min(h + 3, stop)):
        cells = {j: c for j, c in enumerate(rows[k]) if j >= first_year and not _blank(c)}
        if cells and all(_quarter(c) is not None for c in cells.values()):
            quarter_row, body_from = k, k + 1
            break
        if any(not _blank(c) for c in rows[k]):
            break
    columns: list[tuple[int, int, str, str]] = []  # (column, year, status, label) of the annual figures
    dropped: list[str] = []
    quarters: dict[int, list[tuple[int, str]]] = {}  # annual column -> its quarter columns and labels
    if quarter_row is None:
        for j, (year, status) in sorted(year_cells.items()):
            columns.append((j, year, status, sheet.column_label(j, header_text[j])))
    else:
        qrow = rows[quarter_row]
        groups: dict[int, dict[int, int]] = {}  # year column -> {quarter (0 = annual): column}
        owner = None
        for j in range(first_year, max(len(head), len(qrow))):
            owner = j if j in year_cells else owner
            q = _quarter(qrow[j]) if j < len(qrow) else None
            if owner is not None and q is not None:
                groups.setdefault(owner, {})[q] = j
        for j0, cols in groups.items():
            year, status = year_cells[j0]
            if 0 not in cols:
                raise opts.error(f"year {header_text[j0]} has quarterly columns but no annual column "
                                 "(Total/Tahunan); potensi reads annual figures only", row=quarter_row + 1,
                                 column=sheet.column_label(j0, header_text[j0]))
            j = cols[0]
            columns.append((j, year, status, sheet.column_label(j, f"{header_text[j0]} {_text(qrow[j])}")))
            quarters[j] = [(cols[q], sheet.column_label(cols[q], f"{header_text[j0]} {_text(qrow[cols[q]])}"))
                           for q in (1, 2, 3, 4) if q in cols]
    if opts.years is not None:
        absent = sorted(opts.years - {c[1] for c in columns})
        if absent:
            raise opts.error(f"years= asks for {absent}, not in the year header (years "
                             f"{sorted({c[1] for c in columns})})", row=h + 1)
        dropped = [f"{c[3]} (not in years=)" for c in columns if c[1] not in opts.years]
        columns = [c for c in columns if c[1] in opts.years]
    label_cols = list(range(first_year))
    region_col = next((j for j in label_cols if _REGION_HEADER.search(header_text.get(j, ""))), None)
    sector_cols = [j for j in label_cols if j != region_col]
    sector_header = " / ".join(header_text[j] for j in sector_cols if header_text.get(j)) or "sector label"
    sector_label = sheet.column_label(sector_cols[0] if sector_cols else 0, sector_header)
    region_label = None if region_col is None else sheet.column_label(region_col, header_text[region_col])
    opts.key_columns.update({"sector_code": sector_label, "year": f"year headers (row {h + 1})"})
    have = sorted({c[1] for c in columns})
    hole = [y for y in range(have[0], have[-1] + 1) if y not in have] if have else []
    if hole and not opts.allow_gaps:
        after = next(c for c in columns if c[1] > hole[0])
        raise opts.error(f"missing year(s) {hole} between the year columns; years must be consecutive "
                         "(pass allow_gaps=True to accept a documented gap)", row=h + 1, column=after[3])
    # the body: sector rows, until the first row after the total that is not a sector
    body: list[tuple[int, str, str | None]] = []  # (row index, sector code, region from the region column)
    end, seen_total, region = stop, False, None
    skipped: list[tuple[int, str]] = []
    ignored: list[tuple[int, str]] = []
    for i in range(body_from, stop):
        row = rows[i]
        if all(_blank(c) for c in row) or _is_numbering(row):
            continue  # blank, or the "(1) (2) (3)" column-number line
        labels = [(j, row[j]) for j in sector_cols if j < len(row) and not _blank(row[j])]
        has_values = any(j < len(row) and not _blank(row[j]) for j, *_ in columns)
        if region_col is not None and region_col < len(row) and not _blank(row[region_col]):
            region = _region_cell(row[region_col], opts, i + 1, region_label)
            seen_total = False
        if not labels:
            if not has_values:
                continue  # a region line without figures
            raise opts.error("values but no sector label in this row", row=i + 1, column=sector_label)
        known = {sector_code_from_label(_text(c)) for _, c in labels} - {None}
        text = " ".join(_text(c) for _, c in labels)
        if len(known) > 1:
            raise opts.error(f"label cells disagree: {text!r} reads as sectors {sorted(known)}", row=i + 1,
                             column=sector_label)
        code = next(iter(known), None)
        if code is None and (seen_total or _AGGREGATE.search(text)):
            ignored.append((i + 1, text))  # "PDRB tanpa migas", notes and sources after the table
            if seen_total:
                end = i
                break
            continue
        _check_ragged(sheet, i, h, opts)
        if code is None or code not in (*opts.sectors, "TOTAL"):
            subitem = (any(isinstance(c, int) for _, c in labels) or any(_SUBITEM.match(_text(c)) for _, c in labels)
                       or labels[0][0] != sector_cols[0])
            if code is None and subitem:
                skipped.append((i + 1, text))
                continue
            if code is None and not has_values:
                ignored.append((i + 1, text))  # a note line inside the table
                continue
            if code is not None:
                continue  # a valid code outside ``sectors=``
            raise opts.error(
                f"unknown sector {text!r}; expected a lapangan usaha code or BPS name (A … RSTU, e.g. "
                "'A. Pertanian, Kehutanan, dan Perikanan') or the PDRB total", row=i + 1, column=sector_label)
        body.append((i, code, region))
        seen_total = seen_total or code == "TOTAL"
    if not body:
        return end
    facts = _title_facts(sheet, title_from, h, opts, extra=head[:first_year])
    basis, unit = _resolve(facts, opts, h + 1, sheet)
    if basis is None:
        return end
    opts.skipped.extend(skipped)
    opts.ignored.extend(ignored)
    opts.ignored_blocks.extend(dropped)
    sheet_region = _sheet_region(sheet, facts, opts, h + 1) if region_col is None else None
    decimal = _infer_decimal(sheet, [(i, j, label) for i, *_ in body for j, _, _, label in columns], opts)
    _check_quarters(sheet, body, columns, quarters, opts)
    seen: dict[tuple, int] = {}
    factor = UNIT_FACTORS[unit]
    for i, code, row_region in body:
        region = sheet_region if region_col is None else row_region
        if region is None:
            raise opts.error("no region in the region column on or above this row", row=i + 1, column=region_label)
        if (region, code) in seen:
            raise opts.error(f"duplicate sector {code} for region {region} (also at row {seen[region, code]})",
                             row=i + 1, column=sector_label)
        seen[region, code] = i + 1
        for j, year, status, label in columns:
            value, marker = _value(sheet, i, j, decimal, label, opts)
            opts.records.append((region, year, code, basis, value * factor, marker, status, opts.source_id, i + 1))
            opts.labels.append(label)
    return end


def _zero(cell: object) -> bool:
    return _blank(cell) or (_is_number(cell) and parse_number(cell)[0] == 0)


def _check_quarters(sheet: _Sheet, body, columns, quarters, opts: _Options) -> None:
    """A year whose quarter column is empty or 0 in every row has a partial annual figure."""
    cell = lambda i, j: sheet.rows[i][j] if j < len(sheet.rows[i]) else None  # noqa: E731
    for j, year, _status, _label in columns:
        if all(_zero(cell(i, j)) for i, *_ in body):
            continue  # an all-zero year is reported by the zero-total check
        for jq, qlabel in quarters.get(j, []):
            if all(_zero(cell(i, jq)) for i, *_ in body):
                raise opts.error(
                    f"year {year}: this quarter is empty or 0 in every row, so the annual column covers only part "
                    f"of the year; pass years= without {year}", row=body[0][0] + 1, column=qlabel)


# --------------------------------------------------------------------------- regions as rows
def _split_indicator(text: str) -> tuple[str, str]:
    parts = re.split(r"\s+-\s*|\s*-\s+", text)
    return (" - ".join(parts[:-1]).strip(), parts[-1].strip()) if len(parts) > 1 else ("", text.strip())


def _header_sector(cell: object) -> str | None:
    if not isinstance(cell, str) or not cell.strip():
        return None
    code = sector_code_from_label(cell)
    if code is None:
        code = sector_code_from_label(_split_indicator(cell)[1])
    return code


def _find_sector_header(rows: list[list[object]]) -> int | None:
    for i, row in enumerate(rows[:_HEADER_SCAN]):
        codes = {_header_sector(c) for c in row} - {None, "TOTAL"}
        if len(codes) >= 3:
            return i
    return None


def _read_regions_as_rows(sheet: _Sheet, h: int, opts: _Options) -> None:
    rows = sheet.rows
    head = rows[h]
    prefixes = {_split_indicator(c)[0] for c in head if isinstance(c, str) and _split_indicator(c)[0]}
    sector_of: dict[int, str] = {}
    for j, cell in enumerate(head):
        code = _header_sector(cell)
        if code is None and isinstance(cell, str) and cell.strip() in prefixes:
            code = "TOTAL"  # "PDRB ADHK ... Lapangan Usaha" next to "PDRB ADHK ... Lapangan Usaha - Konstruksi"
        if code is not None:
            sector_of[j] = code
    first = min(sector_of)
    # header band: a row of years above or below the sector names, a row of quarters below
    year_of: dict[int, tuple[int, str]] = {}
    quarter_of: dict[int, int] = {}
    body_from = h + 1
    for k in (h - 1, h + 1, h + 2):
        if not 0 <= k < len(rows):
            continue
        cells = {j: c for j, c in enumerate(rows[k]) if j >= first and not _blank(c)}
        if cells and all(_year_of(c) for c in cells.values()):
            year_of = {j: _year_of(c) for j, c in cells.items()}
        elif cells and all(_quarter(c) is not None for c in cells.values()):
            quarter_of = {j: _quarter(c) for j, c in cells.items()}
        elif k > h:
            break
        else:
            continue
        body_from = max(body_from, k + 1)
    last = max(len(rows[k]) for k in range(h, body_from))
    columns: list[tuple[int, str, int]] = []  # (column, sector, quarter; 0 = annual)
    current = None
    for j in range(first, last):
        current = sector_of.get(j, current if quarter_of else None)
        if current is not None:
            columns.append((j, current, quarter_of.get(j, 0)))
    facts = _title_facts(sheet, 0, h, opts, extra=head)
    if year_of:
        owner = None
        for j in range(first, last):  # a year printed over merged cells covers its quarters
            owner = year_of.get(j, owner if quarter_of else None)
            if owner is not None:
                year_of[j] = owner
    else:
        year = opts.year
        if year is None:
            text = re.sub(r"(seri|dasar|konstan)\s*\(?\s*2010\s*(=\s*100)?\)?|2010\s*=\s*100", " ", facts["text"],
                          flags=re.I)
            found = sorted({int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", text)})
            if len(found) != 1:
                raise opts.error(f"year not found: no row of years over or under the sector names, and the title "
                                 f"names {found or 'no year'}; pass year=", row=h + 1)
            year = found[0]
        year_of = {j: (year, "") for j, *_ in columns}
    several_years = len({y for y, _ in year_of.values()}) > 1
    annual: dict[tuple[int, str], bool] = {}
    wanted: list[tuple[int, str, int, str, str]] = []  # (column, sector, year, status, label)
    for j, code, q in columns:
        if j not in year_of:
            raise opts.error("sector column without a year", row=h + 1, column=sheet.column_label(j, _text(head[j])))
        year, status = year_of[j]
        annual[year, code] = annual.get((year, code), False) or q == 0
        if q != 0 or code not in (*opts.sectors, "TOTAL"):
            continue
        name = _text(head[j]) if j < len(head) else ""
        name = _split_indicator(name)[1] if _split_indicator(name)[0] else name
        if several_years:
            name = f"{name} {_text(rows[h + 1][j]) if h + 1 < body_from else year}"
        if quarter_of:
            name = f"{name} {_text(rows[body_from - 1][j])}"
        label = sheet.column_label(j, name)
        if opts.years is not None and year not in opts.years:
            opts.ignored_blocks.append(f"{label} (not in years=)")
            continue
        wanted.append((j, code, year, status, label))
    missing_annual = [key for key, ok in annual.items() if not ok]
    if missing_annual:
        year, code = missing_annual[0]
        raise opts.error(f"year {year} sector {code} has quarterly columns but no annual column (Tahunan/Total); "
                         "potensi reads annual figures only", row=h + 1)
    basis, unit = _resolve(facts, opts, h + 1, sheet)
    if basis is None:
        return
    # the data rows hold at least one number or marker in the sector columns
    data_rows = [i for i in range(body_from, len(rows))
                 if any(j < len(rows[i]) and (_is_number(rows[i][j]) or _text(rows[i][j]) in
                                              {"-", "–", "—", "…", "...", "x", "X"}) for j, *_ in wanted)]
    # the region column: the fullest column of codes, else the last column of names
    code_col, best = None, 0
    for j in range(first):
        cells = [_text(rows[i][j]) for i in data_rows if j < len(rows[i]) and not _blank(rows[i][j])]
        cells = [opts.region_map.get(c, c) for c in cells]
        if cells and all(re.fullmatch(r"\d{2}|\d{4}", c) for c in cells) and len(cells) > best:
            code_col, best = j, len(cells)
    if code_col is None:
        names = [j for j in range(first)
                 if any(j < len(rows[i]) and isinstance(rows[i][j], str) and rows[i][j].strip() for i in data_rows)]
        if not names:
            raise opts.error("no region column (BPS codes or region names) left of the sector columns", row=h + 1)
        code_col = names[-1]
    region_label = sheet.column_label(code_col, next((_text(rows[k][code_col]) for k in range(body_from - 1, -1, -1)
                                                      if code_col < len(rows[k]) and _text(rows[k][code_col])), ""))
    opts.key_columns.update({"sector_code": f"sector headers (row {h + 1})", "year": region_label})
    decimal = _infer_decimal(sheet, [(i, w[0], w[4]) for i in data_rows for w in wanted], opts)
    levels = _levels_of_codes(rows, data_rows, code_col, opts)
    factor = UNIT_FACTORS[unit]
    seen: dict[str, int] = {}
    data = set(data_rows)
    for i in range(body_from, len(rows)):
        row = rows[i]
        if all(_blank(c) for c in row):
            continue
        if i not in data:
            opts.ignored.append((i + 1, " ".join(_text(c) for c in row if not _blank(c))[:80]))
            continue
        if code_col >= len(row) or _blank(row[code_col]):
            raise opts.error("values but no region in this row", row=i + 1, column=region_label)
        _check_ragged(sheet, i, h, opts)
        region = _region_cell(row[code_col], opts, i + 1, region_label, prefer=levels)
        if region in seen:
            raise opts.error(f"duplicate region {region} (also at row {seen[region]})", row=i + 1,
                             column=region_label)
        seen[region] = i + 1
        for j, code, year, status, label in wanted:
            value, marker = _value(sheet, i, j, decimal, label, opts)
            opts.records.append((region, year, code, basis, value * factor, marker, status, opts.source_id, i + 1))
            opts.labels.append(label)


def _levels_of_codes(rows, data_rows, col, opts: _Options) -> set[str]:
    """Levels (provinsi, kabupaten, ...) of the unambiguous region names of a column."""
    levels: set[str] = set()
    cat = region_catalog().set_index("region_code")["level"].astype(str)
    for i in data_rows:
        text = _text(rows[i][col]) if col < len(rows[i]) else ""
        text = opts.region_map.get(text, text)
        codes = [text] if re.fullmatch(r"\d{4}", text) else _region_from_name(text)
        if len(codes) == 1 and codes[0] in cat.index:
            levels.add(cat[codes[0]])
    return levels
