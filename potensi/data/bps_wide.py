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

import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from potensi.core.errors import DataError
from potensi.data.bps_common import _FUNC, _check_region, _option_basis, _option_unit, _Options, _Sheet
from potensi.data.bps_region_rows import _find_sector_header, _read_regions_as_rows
from potensi.data.bps_sector_rows import _read_sectors_as_rows
from potensi.data.files import read_text_rows, read_workbook
from potensi.data.pdrb_frame import TOTAL_TOLERANCE, finish_pdrb
from potensi.data.regions import region_catalog
from potensi.data.sectors import SECTOR_CODES

__all__ = ["read_wide"]


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



# --------------------------------------------------------------------------- reading files
def _sheets(path: Path, sheet) -> list[_Sheet]:
    if path.suffix.lower() not in {".xlsx", ".xlsm", ".xls"}:
        return [_Sheet(None, [list(r) for r in read_text_rows(path)], xlsx=False, several=False)]
    book = read_workbook(path, func=_FUNC)  # visible sheets only, hidden columns blanked, bounded cost
    names = [s.name for s in book.sheets]
    if not names:
        raise DataError(f"no visible sheet (hidden: {book.hidden})", func=_FUNC, path=path)
    if sheet == "*":
        wanted = names
    elif isinstance(sheet, int):
        if not 0 <= sheet < len(names):
            raise DataError(f"sheet index {sheet} out of range; the workbook has {len(names)} visible sheet(s): "
                            f"{names}", func=_FUNC, path=path)
        wanted = [names[sheet]]
    else:
        wanted = [sheet] if isinstance(sheet, str) else list(sheet)
        hidden = [s for s in wanted if s in book.hidden]
        if hidden:
            raise DataError(f"sheet(s) {hidden} are hidden in the workbook; unhide them to read them on purpose "
                            f"(visible: {names})", func=_FUNC, path=path)
        missing = [s for s in wanted if s not in names]
        if missing:
            raise DataError(f"sheet(s) {missing} not found; available: {names}", func=_FUNC, path=path)
    several = len(names) + len(book.hidden) > 1
    by_name = {s.name: s for s in book.sheets}
    return [_Sheet(name, by_name[name].rows, xlsx=True, several=several, merged=by_name[name].merged)
            for name in wanted]


def _read_sheet(sheet: _Sheet, opts: _Options) -> None:
    rows = sheet.rows
    header = _find_sector_header(rows)
    if header is not None:
        _read_regions_as_rows(sheet, header, opts)
    else:
        _read_sectors_as_rows(sheet, opts)


