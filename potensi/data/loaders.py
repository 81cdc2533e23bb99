"""Loading PDRB and population files into potensi's canonical tidy tables.

Canonical PDRB table (:data:`PDRB_COLUMNS`), one row per region, year, sector and price basis:

=============  ==========================================================================
region_code    BPS code, string (``"6472"``)
year           int
sector_code    one of the 17 lapangan usaha codes, or ``"TOTAL"`` for the printed total
price_basis    ``"ADHK2010"`` (harga konstan 2010) or ``"ADHB"`` (harga berlaku)
value          float, **miliar rupiah** (juta and triliun are converted explicitly)
marker         ``""``, or the BPS marker the cell held (``-`` → 0; ``…``/``x`` → NaN)
status         ``""`` (angka tetap), ``"sementara"`` or ``"sangat sementara"``
provisional    bool, ``status != ""``
source_id      where the figure was printed (see ``data/raw/README.md``)
=============  ==========================================================================

Every problem is a :class:`~potensi.core.errors.DataError` naming the file, row and column.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from potensi.core.errors import DataError
from potensi.core.wording import POPULATION_CONCEPTS_BY_SOURCE
from potensi.data.bps_wide import read_wide
from potensi.data.cells import CellError, parse_number, parse_year
from potensi.data.files import (
    MAX_CELL_CHARS,
    cell_too_long,
    csv_error,
    read_bytes,
    read_text,
    read_text_rows,
    sniff_delimiter,
)
from potensi.data.pdrb_frame import (
    PDRB_COLUMNS,
    PRICE_BASES,
    STATUS_VALUES,
    TOTAL_CHECK_EXEMPT,
    TOTAL_TOLERANCE,
    UNIT,
    UNIT_FACTORS,
    finish_pdrb,
)
from potensi.data.regions import region_catalog
from potensi.data.sectors import SECTOR_CODES
from potensi.data.tidy import tidy_to_pdrb

__all__ = [
    "PDRB_COLUMNS",
    "POPULATION_COLUMNS",
    "PRICE_BASES",
    "STATUS_VALUES",
    "TOTAL_CHECK_EXEMPT",
    "TOTAL_TOLERANCE",
    "UNIT",
    "UNIT_FACTORS",
    "finish_pdrb",
    "load_centroids",
    "load_pdrb",
    "load_population",
    "read_text_rows",
    "read_wide",
]

POPULATION_COLUMNS = ["region_code", "year", "population", "source_id", "concept", "period"]
_TIDY_REQUIRED = ["region_code", "year", "sector_code", "price_basis", "value", "unit"]
_TIDY_OPTIONAL = ["region_name", "sector_name", "source_id", "status"]
_XLSX = {".xlsx", ".xlsm", ".xls"}


def _find_columns(header: list[str], required: Iterable[str], path: Path, func: str,
                  optional: Iterable[str] = ()) -> dict[str, int]:
    names = [h.strip().lower() for h in header]
    missing = [c for c in required if c not in names]
    if missing:
        raise DataError(
            f"missing column(s) {missing}; expected {list(required)}; found {header}",
            func=func, path=path, row=1,
        )
    for name in (*required, *optional):
        where = [i for i, n in enumerate(names) if n == name]
        if len(where) > 1:
            from openpyxl.utils import get_column_letter

            places = ", ".join(f"{get_column_letter(i + 1)} (field {i + 1})" for i in where)
            raise DataError(f"column {name!r} appears {len(where)} times (at {places}); which one holds the "
                            "figures is ambiguous: remove or rename the extra column", func=func, path=path, row=1,
                            column=name)
    return {n: i for i, n in enumerate(names)}


def load_pdrb(
    path: str | Path,
    *,
    sectors: Iterable[str] | None = SECTOR_CODES,
    known_regions: Iterable[str] | None = None,
    check_regions: bool = True,
    allow_gaps: bool = False,
    tolerance: float = TOTAL_TOLERANCE,
    decimal: str | None = None,
    **wide_options: object,
) -> pd.DataFrame:
    """Load a PDRB file (tidy CSV, a BPS-style wide CSV/XLSX, or a filled intake workbook).

    The tidy format has the columns ``region_code, year, sector_code, price_basis, value,
    unit`` (``region_name, sector_name, source_id, status`` optional); the wide format is
    handled by :func:`potensi.data.bps_wide.read_wide` (years as columns, sectors as rows); the
    intake workbook of ``potensi template`` by :func:`potensi.data.intake.read_intake` (empty
    cells are not figures, so a partly filled workbook loads the cells that were filled).

    Parameters
    ----------
    path
        CSV or XLSX file.
    sectors
        The sector codes a complete region-year must have (default: the 17 lapangan usaha).
        ``None`` (tidy files only) accepts any sector codes, as in studies on another
        classification; every region-year must then have the same set of codes. Labels of the
        total (``PDRB``, ``Jumlah``, ``total`` ...) are read as ``TOTAL`` in both cases.
    known_regions
        Valid region codes (default: the catalog, ``potensi.region_catalog()``).
    check_regions
        ``False`` accepts any region code (tidy files only), e.g. for a user's own regions.
    allow_gaps
        Accept a region whose years are not consecutive (reported in
        ``DataFrame.attrs["gaps"]``); by default a missing year is an error.
    tolerance
        Relative tolerance for the 17 sectors against a printed ``TOTAL`` row.
    decimal
        ``","`` or ``"."``: the decimal separator of text numbers. Default: inferred by one rule
        for every format (:func:`potensi.data.cells.infer_decimal`); ``5.186`` alone, with no
        cell that settles the separator, is refused rather than guessed.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`PDRB_COLUMNS`, values in miliar rupiah.

    Raises
    ------
    DataError
        Naming file, row and column: missing, unknown or doubled column, empty/binary/non-UTF-8
        /CR-only file, a FIFO or device, a file or cell over the size limits
        (:mod:`potensi.data.files`), ragged row, unknown region/sector/price basis/unit/status, a
        label naming part of a sector (*tanpa migas*), non-numeric, ambiguous, infinite or
        negative value, duplicate (region, year, sector, price basis), mixed units, incomplete
        sectors, missing years, zero total, sectors not summing to the printed total.

    Warns
    -----
    UserWarning
        When BPS markers were converted (``-`` → 0, ``…``/``x`` → missing), with counts.
    """
    path = Path(path)
    if decimal not in (None, ",", "."):
        raise ValueError(f"load_pdrb: decimal={decimal!r}; expected ',' or '.'")
    if path.suffix.lower() in _XLSX:
        from potensi.data.intake_read import is_intake_workbook, pdrb_from_intake

        if is_intake_workbook(path):
            return pdrb_from_intake(path, sectors=sectors, known_regions=known_regions, tolerance=tolerance,
                                    decimal=decimal)
        is_wide, data = True, b""
    else:
        data = read_bytes(path)
        first = next(iter(read_text_rows_from(data[:65536].decode("utf-8", errors="replace"), path)), [])
        header = [h.strip().lower() for h in first]
        is_wide = "sector_code" not in header and "value" not in header
    if is_wide:
        if sectors is None or not check_regions:
            raise ValueError("load_pdrb: sectors=None and check_regions=False are for tidy files only; "
                             f"{path} is a BPS-style wide table")
        return read_wide(path, sectors=sectors, known_regions=known_regions, allow_gaps=allow_gaps,
                         tolerance=tolerance, decimal=decimal, **wide_options)
    if wide_options:
        raise TypeError(f"load_pdrb: option(s) {sorted(wide_options)} are for BPS-style wide tables; {path} is tidy")
    frame = _tidy_frame_arrow(path, data)
    if frame is None:  # quoted fields, blank lines, an unreadable line ...: the exact reader finds the row
        frame = _tidy_frame(path, read_text(path, data=data))
    del data
    return tidy_to_pdrb(frame, path=path, sectors=None if sectors is None else tuple(sectors),
                        known_regions=known_regions, check_regions=check_regions, allow_gaps=allow_gaps,
                        tolerance=tolerance, decimal=decimal)


def read_text_rows_from(text: str, path: Path) -> list[list[str]]:
    """The rows of a piece of CSV text (used for the header line)."""
    lines = text.splitlines()[:1]
    return list(csv.reader(lines, delimiter=sniff_delimiter(text)))


def _tidy_frame_arrow(path: Path, data: bytes, func: str = "load_pdrb") -> pd.DataFrame | None:
    """The body of a plain tidy CSV read by pyarrow in one pass, or ``None`` when the file needs :func:`_tidy_frame`.

    Plain means: no quote character, no blank line, no lone CR, no line longer than the cell limit,
    and every line as wide as the header; then record *i* is on file line *i* + 2. The label columns
    come back as categoricals (one copy of each distinct label), ``value`` as Arrow strings. Anything
    else (a ragged row, bytes that are not UTF-8, a line of delimiters only) returns ``None`` so that
    the exact reader raises its message with the file row.
    """
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pcsv

    if b'"' in data or b"\n\n" in data or b"\n\r\n" in data:
        return None
    if b"\r" in data and data.count(b"\r") != data.count(b"\r\n"):
        return None
    head = data[:65536].decode("utf-8", errors="replace")
    delimiter = sniff_delimiter(head)
    header = next(csv.reader(head.splitlines()[:1], delimiter=delimiter))
    col = _find_columns(header, _TIDY_REQUIRED, path, func, _TIDY_OPTIONAL)
    wanted = [name for name in (*_TIDY_REQUIRED, *_TIDY_OPTIONAL) if name in col]
    fields = [f"f{i}" for i in range(len(header))]
    label = pa.dictionary(pa.int32(), pa.string())
    try:
        table = pcsv.read_csv(
            pa.py_buffer(data),
            read_options=pcsv.ReadOptions(skip_rows=1, column_names=fields),
            parse_options=pcsv.ParseOptions(delimiter=delimiter, quote_char=False, newlines_in_values=False,
                                            ignore_empty_lines=False),
            convert_options=pcsv.ConvertOptions(
                include_columns=[fields[col[n]] for n in wanted], strings_can_be_null=False,
                column_types={fields[col[n]]: pa.string() if n == "value" else label for n in wanted}),
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    longest = 0
    if len(header) > len(wanted) and len(data) > MAX_CELL_CHARS:  # columns not read: the longest line bounds them
        ends = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 10)
        longest = max(int(ends[0]), int(np.diff(ends).max(initial=0)), len(data) - int(ends[-1])) if len(ends) else 0
        del ends
    for n in wanted:
        column = table.column(fields[col[n]])  # labels: their distinct values are enough
        strings = column if n == "value" else pa.chunked_array([c.dictionary for c in column.chunks], pa.string())
        if len(strings):
            longest = max(longest, pc.max(pc.utf8_length(strings)).as_py() or 0)
    if longest > MAX_CELL_CHARS:
        return None
    frame = pd.DataFrame({n: table.column(fields[col[n]]).to_pandas() for n in wanted})
    del table
    pa.default_memory_pool().release_unused()
    if len(frame) and frame["value"].eq("").any():
        empty = np.ones(len(frame), dtype=bool)
        for n in wanted:
            empty &= frame[n].eq("").to_numpy(dtype=bool)
        if empty.any():  # a line of delimiters only
            return None
    frame["_line"] = np.arange(2, len(frame) + 2)
    return frame


def _tidy_frame(path: Path, text: str, func: str = "load_pdrb") -> pd.DataFrame:
    """The body of a tidy CSV as strings, one column per header name, plus ``_line``."""
    delimiter = sniff_delimiter(text)
    header = next(csv.reader(text.splitlines()[:1], delimiter=delimiter))
    width = len(header)
    col = _find_columns(header, _TIDY_REQUIRED, path, func, _TIDY_OPTIONAL)
    if '"' not in text:  # no quoting: count delimiters per line, vectorised
        lines = pd.Series(text.splitlines()[1:], dtype="str")
        numbers = np.arange(2, len(lines) + 2)
        blank = lines.str.strip().eq("").to_numpy()
        fields = lines.str.count(delimiter).to_numpy() + 1
        ragged = ~blank & (fields != width)
        if ragged.any():
            i = int(np.argmax(ragged))
            raise DataError(f"ragged row: {fields[i]} fields, header has {width} (truncated file or stray delimiter?)",
                            func=func, path=path, row=int(numbers[i]))
        long = np.flatnonzero(lines.str.len().to_numpy() > MAX_CELL_CHARS)
        for i in long:
            fields = lines.iloc[i].split(delimiter)
            if max(len(f) for f in fields) > MAX_CELL_CHARS:
                j = max(range(len(fields)), key=lambda k: len(fields[k]))
                raise cell_too_long(path, int(numbers[i]), func, header[j])
        line_numbers = numbers[~blank]
    else:
        line_numbers = []
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        next(reader)
        try:
            for row in reader:
                if not row or all(not c.strip() for c in row):
                    continue
                if len(row) != width:
                    raise DataError(f"ragged row: {len(row)} fields, header has {width} (truncated file or stray "
                                    "delimiter?)", func=func, path=path, row=reader.line_num)
                line_numbers.append(reader.line_num)
        except csv.Error as exc:
            raise csv_error(exc, path, reader.line_num, func) from None
        line_numbers = np.asarray(line_numbers, dtype="int64")
    frame = pd.read_csv(io.StringIO(text), sep=delimiter, header=None, skiprows=1, names=list(range(width)),
                        dtype="str", keep_default_na=False, na_filter=False, skip_blank_lines=True, engine="c")
    frame = frame[[col[name] for name in (*_TIDY_REQUIRED, *_TIDY_OPTIONAL) if name in col]]
    frame.columns = [name for name in (*_TIDY_REQUIRED, *_TIDY_OPTIONAL) if name in col]
    blank = (frame == "").all(axis=1).to_numpy()
    frame = frame[~blank].reset_index(drop=True)
    if len(frame) != len(line_numbers):  # a blank-looking line of delimiters only: fall back to positions
        line_numbers = np.arange(2, len(frame) + 2)
    frame["_line"] = line_numbers
    return frame


# --------------------------------------------------------------------------- population
_POPULATION_CONCEPTS = POPULATION_CONCEPTS_BY_SOURCE


def population_concept(source_id: str) -> str:
    """Human label of what a population source measures."""
    if source_id.startswith("DUKCAPIL"):
        return _POPULATION_CONCEPTS["DUKCAPIL"]
    if source_id.endswith("SP2020"):
        return _POPULATION_CONCEPTS["SP2020"]
    return _POPULATION_CONCEPTS.get(source_id, source_id)


def load_population(path: str | Path, *, known_regions: Iterable[str] | None = None) -> pd.DataFrame:
    """Load a tidy population file (``region_code, year, population, source_id``).

    Returns :data:`POPULATION_COLUMNS`: ``concept`` says what the source measures (BPS
    projection, SP2020 census or Dukcapil register) and ``period`` the semester of a Dukcapil
    count (``"S1"``/``"S2"``) or ``""``; ``_SUMKAB`` source rows are sums of kab/kota computed
    by the data compiler and keep that suffix. Sources are never spliced here: see
    :mod:`potensi.data.population` for choosing one series.

    Raises
    ------
    DataError
        Missing column, unknown region, non-integer/negative/zero population, duplicate
        (region, year, source).
    """
    path = Path(path)
    rows = read_text_rows(path, func="load_population")
    col = _find_columns(rows[0], ["region_code", "year", "population", "source_id"], path, "load_population")
    regions = set(known_regions) if known_regions is not None else set(region_catalog()["region_code"])
    records = []
    seen: dict[tuple, int] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not row:
            continue
        if len(row) != len(rows[0]):
            raise DataError(f"ragged row: {len(row)} fields, header has {len(rows[0])}",
                            func="load_population", path=path, row=number)
        region, source = row[col["region_code"]].strip(), row[col["source_id"]].strip()
        if region not in regions:
            raise DataError(f"unknown region code {region!r}", func="load_population", path=path, row=number,
                            column="region_code")
        try:
            year, _ = parse_year(row[col["year"]])
            value, marker = parse_number(row[col["population"]], decimal=".")
        except CellError as exc:
            column = "year" if "year" in str(exc) else "population"
            raise DataError(str(exc), func="load_population", path=path, row=number, column=column) from None
        if marker or not value > 0:
            raise DataError(f"population must be a positive number, got {row[col['population']]!r}",
                            func="load_population", path=path, row=number, column="population")
        key = (region, year, source)
        if key in seen:
            raise DataError(f"duplicate (region, year, source) {key}; also at row {seen[key]}",
                            func="load_population", path=path, row=number)
        seen[key] = number
        period = ""
        for part in source.split("_"):
            if len(part) == 6 and part[:4].isdigit() and part[4] == "S":
                period = part[4:]
        records.append((region, year, value, source, population_concept(source), period))
    out = pd.DataFrame.from_records(records, columns=POPULATION_COLUMNS)
    return out.sort_values(["source_id", "region_code", "year"]).reset_index(drop=True)


def load_centroids(path: str | Path, *, source_id: str = "QUARCS_INDONESIA514_POINTS") -> pd.DataFrame:
    """Load kab/kota centroids (``region_code, lat, lon``) for one source (two are shipped).

    Raises ``DataError`` for a missing column, a latitude/longitude outside Indonesia's
    bounding box, or a duplicate code.
    """
    path = Path(path)
    rows = read_text_rows(path, func="load_centroids")
    col = _find_columns(rows[0], ["region_code", "lat", "lon", "source_id"], path, "load_centroids")
    records = []
    for number, row in enumerate(rows[1:], start=2):
        if not row or row[col["source_id"]].strip() != source_id:
            continue
        try:
            lat, _ = parse_number(row[col["lat"]], decimal=".")
            lon, _ = parse_number(row[col["lon"]], decimal=".")
        except CellError as exc:
            raise DataError(str(exc), func="load_centroids", path=path, row=number) from None
        if not (-12 <= lat <= 7 and 94 <= lon <= 142):
            raise DataError(f"({lat}, {lon}) is outside Indonesia", func="load_centroids", path=path, row=number,
                            column="lat")
        records.append((row[col["region_code"]].strip(), lat, lon, number))
    out = pd.DataFrame.from_records(records, columns=["region_code", "lat", "lon", "_line"])
    if out.empty:
        raise DataError(f"no rows with source_id {source_id!r}", func="load_centroids", path=path)
    dup = out[out.duplicated("region_code", keep="first")]
    if len(dup):
        raise DataError(f"duplicate region code {dup.iloc[0].region_code!r}", func="load_centroids", path=path,
                        row=int(dup.iloc[0]._line), column="region_code")
    return out.drop(columns="_line").assign(source_id=source_id).reset_index(drop=True)


