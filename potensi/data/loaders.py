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
import math
import warnings
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from potensi.core.errors import DataError
from potensi.data.cells import CellError, marker_meaning, parse_number, parse_year
from potensi.data.regions import region_catalog
from potensi.data.sectors import SECTOR_CODES, sector_code_from_label

__all__ = [
    "PDRB_COLUMNS",
    "POPULATION_COLUMNS",
    "UNIT",
    "UNIT_FACTORS",
    "load_pdrb",
    "load_population",
    "load_centroids",
    "read_text_rows",
    "finish_pdrb",
]

UNIT = "miliar rupiah"
#: Factor that turns a value in the given unit into miliar rupiah.
UNIT_FACTORS = {
    "ribu rupiah": 1e-6,
    "juta rupiah": 1e-3,
    "miliar rupiah": 1.0,
    "milyar rupiah": 1.0,
    "triliun rupiah": 1e3,
}
PRICE_BASES = {"ADHK2010": "ADHK2010", "ADHK": "ADHK2010", "ADHB": "ADHB"}
PDRB_COLUMNS = [
    "region_code", "year", "sector_code", "price_basis", "value",
    "marker", "status", "provisional", "source_id",
]
POPULATION_COLUMNS = ["region_code", "year", "population", "source_id", "concept", "period"]
_TIDY_REQUIRED = ["region_code", "year", "sector_code", "price_basis", "value", "unit"]
#: Relative tolerance for "sectors sum to the printed total" (0.5 %, see data/raw/README.md).
TOTAL_TOLERANCE = 0.005
#: Regions whose printed TOTAL is not the sum of the 17 sectors by definition: Indonesia's
#: TOTAL is PDB, which adds net taxes on products (pajak dikurangi subsidi atas produk).
TOTAL_CHECK_EXEMPT = ("0000",)


def read_text_rows(path: Path, func: str = "load_pdrb") -> list[list[str]]:
    """Read a CSV file into rows of strings, refusing binary, non-UTF-8 and empty files."""
    path = Path(path)
    if not path.exists():
        raise DataError("file not found", func=func, path=path)
    data = path.read_bytes()
    if not data.strip():
        raise DataError("empty file (no header, no rows)", func=func, path=path)
    if b"\x00" in data[:8192] or data[:4] in (b"PK\x03\x04", b"\xd0\xcf\x11\xe0"):
        raise DataError(
            "binary content, not a CSV text file (an XLSX/XLS saved with a .csv name, or a corrupt file)",
            func=func, path=path,
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(
            f"byte 0x{data[exc.start]:02x} is not UTF-8 (wrong encoding); re-save the file as 'CSV UTF-8'",
            func=func, path=path, row=line,
        ) from None
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _find_columns(header: list[str], required: Iterable[str], path: Path, func: str) -> dict[str, int]:
    names = [h.strip().lower() for h in header]
    missing = [c for c in required if c not in names]
    if missing:
        raise DataError(
            f"missing column(s) {missing}; expected {list(required)}; found {header}",
            func=func, path=path, row=1,
        )
    return {n: i for i, n in enumerate(names)}


def load_pdrb(
    path: str | Path,
    *,
    sectors: Iterable[str] | None = SECTOR_CODES,
    known_regions: Iterable[str] | None = None,
    check_regions: bool = True,
    allow_gaps: bool = False,
    tolerance: float = TOTAL_TOLERANCE,
    **wide_options: object,
) -> pd.DataFrame:
    """Load a PDRB file (tidy CSV, or a BPS-style wide CSV/XLSX) into the canonical table.

    The tidy format has the columns ``region_code, year, sector_code, price_basis, value,
    unit`` (``region_name, sector_name, source_id, status`` optional); the wide format is
    handled by :func:`potensi.data.bps_tables.read_wide` (years as columns, sectors as rows).

    Parameters
    ----------
    path
        CSV or XLSX file.
    sectors
        The sector codes a complete region-year must have (default: the 17 lapangan usaha).
        ``None`` (tidy files only) accepts any sector codes, as in studies on another
        classification; every region-year must then have the same set of codes.
    known_regions
        Valid region codes (default: the catalog, ``potensi.region_catalog()``).
    check_regions
        ``False`` accepts any region code (tidy files only), e.g. for a user's own regions.
    allow_gaps
        Accept a region whose years are not consecutive (reported in
        ``DataFrame.attrs["gaps"]``); by default a missing year is an error.
    tolerance
        Relative tolerance for the 17 sectors against a printed ``TOTAL`` row.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`PDRB_COLUMNS`, values in miliar rupiah.

    Raises
    ------
    DataError
        Naming file, row and column: missing or unknown column, empty/binary/non-UTF-8 file,
        ragged row, unknown region/sector/price basis/unit, non-numeric or negative value,
        duplicate (region, year, sector, price basis), mixed units, incomplete sectors,
        missing years, zero total, sectors not summing to the printed total.

    Warns
    -----
    UserWarning
        When BPS markers were converted (``-`` → 0, ``…``/``x`` → missing), with counts.
    """
    path = Path(path)
    is_wide = path.suffix.lower() in {".xlsx", ".xlsm", ".xls"}
    rows: list[list[str]] = []
    if not is_wide:
        rows = read_text_rows(path)
        header = [h.strip().lower() for h in rows[0]]
        is_wide = "sector_code" not in header and "value" not in header
    if is_wide:
        if sectors is None or not check_regions:
            raise ValueError("load_pdrb: sectors=None and check_regions=False are for tidy files only; "
                             f"{path} is a BPS-style wide table")
        from potensi.data.bps_tables import read_wide

        return read_wide(path, sectors=sectors, known_regions=known_regions, allow_gaps=allow_gaps,
                         tolerance=tolerance, **wide_options)
    return _load_tidy(path, rows, sectors=None if sectors is None else tuple(sectors),
                      known_regions=known_regions, check_regions=check_regions,
                      allow_gaps=allow_gaps, tolerance=tolerance)


def _load_tidy(path, rows, *, sectors, known_regions, check_regions, allow_gaps, tolerance) -> pd.DataFrame:
    col = _find_columns(rows[0], _TIDY_REQUIRED, path, "load_pdrb")
    width = len(rows[0])
    regions = set(known_regions) if known_regions is not None else set(region_catalog()["region_code"])
    allowed_sectors = None if sectors is None else set(sectors) | {"TOTAL"}
    records, line_of, units = [], [], {}
    for number, row in enumerate(rows[1:], start=2):
        if not row or all(not c.strip() for c in row):
            continue
        if len(row) != width:
            raise DataError(
                f"ragged row: {len(row)} fields, header has {width} (truncated file or stray delimiter?)",
                path=path, row=number,
            )

        def cell(name: str, row: list[str] = row) -> str:
            return row[col[name]].strip()

        region = cell("region_code")
        if not region:
            raise DataError("empty region code", path=path, row=number, column="region_code")
        if check_regions and region not in regions:
            hint = " (leading zeros lost? codes are 4-digit strings such as '0000', '6472')" if region.isdigit() and len(region) < 4 else ""
            raise DataError(f"unknown region code {region!r}{hint}", path=path, row=number, column="region_code")
        try:
            year, status = parse_year(cell("year"))
        except CellError as exc:
            raise DataError(str(exc), path=path, row=number, column="year") from None
        if "status" in col and cell("status"):
            status = cell("status")
        if allowed_sectors is None:
            sector = cell("sector_code")
            if not sector:
                raise DataError("empty sector code", path=path, row=number, column="sector_code")
        else:
            sector = sector_code_from_label(cell("sector_code"))
        if allowed_sectors is not None and sector not in allowed_sectors:
            raise DataError(
                f"unknown sector code {cell('sector_code')!r}; expected one of {sorted(allowed_sectors)}",
                path=path, row=number, column="sector_code",
            )
        basis = PRICE_BASES.get(cell("price_basis").upper())
        if basis is None:
            raise DataError(
                f"unknown price basis {cell('price_basis')!r}; expected ADHK2010 or ADHB",
                path=path, row=number, column="price_basis",
            )
        unit = cell("unit").lower()
        if unit not in UNIT_FACTORS or unit == "ribu rupiah":
            raise DataError(
                f"unknown unit {cell('unit')!r}; expected juta rupiah, miliar rupiah or triliun rupiah",
                path=path, row=number, column="unit",
            )
        units.setdefault(unit, number)
        try:
            value, marker = parse_number(cell("value"), decimal=".")
        except CellError as exc:
            raise DataError(str(exc), path=path, row=number, column="value") from None
        if value < 0:
            raise DataError(f"negative output value {value:g}; PDRB by sector cannot be negative",
                            path=path, row=number, column="value")
        source = cell("source_id") if "source_id" in col else path.name
        records.append((region, year, sector, basis, value * UNIT_FACTORS[unit], marker, status, source))
        line_of.append(number)
    if len(units) > 1:
        (u1, r1), (u2, r2) = list(units.items())[:2]
        raise DataError(f"mixed units in one file: {u1!r} (first at row {r1}) and {u2!r}; convert to one unit",
                        path=path, row=r2, column="unit")
    if not records:
        raise DataError("no data rows below the header", path=path)
    frame = pd.DataFrame.from_records(
        records, columns=["region_code", "year", "sector_code", "price_basis", "value", "marker", "status", "source_id"]
    )
    frame["_line"] = line_of
    if sectors is None:
        present = frame.loc[frame["sector_code"] != "TOTAL", "sector_code"]
        sectors = tuple(pd.unique(present))
    return finish_pdrb(frame, path=path, sectors=sectors, allow_gaps=allow_gaps, tolerance=tolerance)


def finish_pdrb(frame: pd.DataFrame, *, path: Path, sectors: Iterable[str], allow_gaps: bool,
                tolerance: float, func: str = "load_pdrb", column_of=None,
                key_columns: dict[str, str] | None = None) -> pd.DataFrame:
    """Shared checks on a parsed PDRB table (duplicates, completeness, years, totals).

    ``frame`` holds :data:`PDRB_COLUMNS` but ``provisional`` plus ``_line`` (the file row of
    each record); ``column_of`` maps a record index to its column label for messages
    (default ``'value'``); ``key_columns`` names the file columns that hold the sector and
    the year (default ``{"sector_code": "sector_code", "year": "year"}``).
    """
    sectors = tuple(sectors)
    key = ["region_code", "year", "sector_code", "price_basis"]
    col_of = column_of or (lambda i: "value")
    names = {"sector_code": "sector_code", "year": "year", **(key_columns or {})}
    dup = frame.duplicated(key, keep=False)
    if dup.any():
        first = frame[dup].sort_values("_line")
        a = first.iloc[0]
        twin = first[(first[key] == a[key]).all(axis=1)].iloc[1]
        raise DataError(
            f"duplicate (region, year, sector, price basis) = ({a.region_code}, {a.year}, {a.sector_code}, "
            f"{a.price_basis}); also at row {a._line}",
            func=func, path=path, row=int(twin._line), column=names["sector_code"],
        )
    body = frame[frame["sector_code"] != "TOTAL"]
    groups = body.groupby(["region_code", "year", "price_basis"], sort=True)
    present = groups["sector_code"].agg(frozenset)
    for (region, year, basis), have in present.items():
        missing = [s for s in sectors if s not in have]
        if missing:
            line = int(groups["_line"].min().loc[(region, year, basis)])
            raise DataError(
                f"region {region} year {year} {basis} lacks sector(s) {missing}; every region-year needs all "
                f"{len(sectors)} sectors", func=func, path=path, row=line, column=names["sector_code"],
            )
    gaps = []
    for (region, basis), years in body.groupby(["region_code", "price_basis"])["year"]:
        have = set(years)
        hole = [y for y in range(min(have), max(have) + 1) if y not in have]
        if hole:
            if not allow_gaps:
                line = int(body.loc[body["region_code"] == region, "_line"].min())
                raise DataError(
                    f"missing year(s) {hole} for region {region} ({basis}); years must be consecutive "
                    "(pass allow_gaps=True to accept a documented gap)",
                    func=func, path=path, row=line, column=names["year"],
                )
            gaps.append({"region_code": region, "price_basis": basis, "missing_years": hole})
    sums = body.groupby(["region_code", "year", "price_basis"])["value"].agg(["sum", "count", "size"])
    totals = frame[frame["sector_code"] == "TOTAL"]
    for record, total_row in totals.iterrows():  # ``record`` is the frame index, as column_of expects
        idx = (total_row["region_code"], total_row["year"], total_row["price_basis"])
        line = int(total_row["_line"])
        if total_row["value"] == 0:
            raise DataError(f"zero total for region {idx[0]} year {idx[1]} (region not yet formed?)",
                            func=func, path=path, row=line, column=col_of(record))
        if idx not in sums.index or idx[0] in TOTAL_CHECK_EXEMPT:
            continue
        s = sums.loc[idx]
        if s["count"] < s["size"] or math.isnan(total_row["value"]):
            continue  # a missing sector cannot be checked against the total
        gap = s["sum"] - total_row["value"]
        if abs(gap) > tolerance * total_row["value"]:
            raise DataError(
                f"the {int(s['size'])} sectors of region {idx[0]} year {idx[1]} sum to {s['sum']:,.2f} but the printed "
                f"total is {total_row['value']:,.2f} miliar rupiah ({gap / total_row['value']:+.2%}, tolerance "
                f"{tolerance:.2%})", func=func, path=path, row=line, column=col_of(record),
            )
    zero = sums[(sums["sum"] == 0) & (sums["count"] == sums["size"])]
    if len(zero):
        region, year, basis = zero.index[0]
        line = int(body.loc[(body.region_code == region) & (body.year == year), "_line"].min())
        raise DataError(f"zero total: all sectors of region {region} year {year} ({basis}) are 0",
                        func=func, path=path, row=line)
    markers = frame.loc[frame["marker"] != "", "marker"].value_counts()
    if len(markers):
        text = ", ".join(f"{n} × '{m}' ({marker_meaning(m)} → {'0' if m == '-' else 'missing'})"
                         for m, n in markers.items())
        warnings.warn(f"{func}: {path}: BPS markers converted: {text}", UserWarning, stacklevel=3)
    frame["status"] = frame["status"].fillna("")
    frame["provisional"] = frame["status"] != ""
    out = frame[PDRB_COLUMNS].sort_values(key).reset_index(drop=True)
    out["year"] = out["year"].astype("int64")
    out["value"] = out["value"].astype("float64")
    out.attrs["gaps"] = gaps
    out.attrs["markers"] = {m: int(n) for m, n in markers.items()}
    return out


# --------------------------------------------------------------------------- population
_POPULATION_CONCEPTS = {
    "QUARCS_ZENODO_POP_DERIVED": "proyeksi BPS (diturunkan dari PDRB/PDRB per kapita)",
    "DUKCAPIL": "registrasi Dukcapil (administratif, bukan BPS)",
    "SP2020": "Sensus Penduduk 2020 (BPS)",
}


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


