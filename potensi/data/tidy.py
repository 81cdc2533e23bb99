"""Checking and converting a tidy PDRB frame of strings, column by column (vectorised).

Shared by :func:`potensi.data.loaders.load_pdrb` (tidy CSV) and the intake workbook reader
(:mod:`potensi.data.intake_read`). Labels (regions, years, sectors, price bases, units, status,
sources) are checked once per distinct label and carried as integer codes (categoricals), values
are parsed by Arrow compute functions (:func:`potensi.data.cells.parse_numbers`); no step loops
over rows in Python. The first offending row raises a :class:`~potensi.core.errors.DataError`
with its file line and column: the bad rows are found as a mask, the message is built for the
first one only.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from potensi.core.codes import TOTAL_CODE
from potensi.core.errors import DataError
from potensi.data.cells import CellError, NumberError, infer_decimal, parse_numbers, parse_year
from potensi.data.pdrb_frame import (
    PRICE_BASES,
    STATUS_VALUES,
    TOTAL_TOLERANCE,
    UNIT_FACTORS,
    finish_pdrb,
    sector_of_label,
)
from potensi.data.regions import region_catalog

__all__ = ["tidy_to_pdrb"]


def _labels(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """``(codes, labels)``: the distinct labels of a column of strings, stripped, and each row's code.

    A categorical column (the tidy CSV reader's) is not hashed again; labels that differ only by
    surrounding spaces share one code.
    """
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes, labels = column.cat.codes.to_numpy(), np.asarray(column.cat.categories, dtype=object)
    else:
        codes, labels = pd.factorize(column.astype("str"), sort=False, use_na_sentinel=False)
        labels = np.asarray(labels, dtype=object)
    stripped = np.asarray([str(label).strip() for label in labels], dtype=object)
    again, unique = pd.factorize(stripped, sort=False)
    if len(unique) < len(labels):
        codes = again[codes]
    return codes, np.asarray(unique, dtype=object)


def _categorical(codes: np.ndarray, labels: np.ndarray) -> pd.Categorical:
    """Rows of ``labels`` by ``codes``, as a categorical with unique categories."""
    again, unique = pd.factorize(np.asarray(labels, dtype=object), sort=False)
    if len(unique) < len(labels):
        codes = again[codes]
    return pd.Categorical.from_codes(codes, categories=pd.Index(unique, dtype="str"))


def _marker_categorical(marker: np.ndarray) -> pd.Categorical:
    """The BPS markers of the rows (mostly ``""``) as a categorical, without hashing every row."""
    codes = np.zeros(len(marker), dtype="int8")
    some = np.flatnonzero(marker != "")
    labels = [""]
    if len(some):
        found, kinds = pd.factorize(marker[some].astype(object), sort=True)
        codes[some] = found + 1
        labels += list(kinds)
    return pd.Categorical.from_codes(codes, categories=pd.Index(labels, dtype="str"))


def tidy_to_pdrb(frame: pd.DataFrame, *, path: Path, sectors: tuple[str, ...] | None,
                 known_regions: Iterable[str] | None = None, check_regions: bool = True, allow_gaps: bool = False,
                 tolerance: float = TOTAL_TOLERANCE, decimal: str | None = None, func: str = "load_pdrb",
                 column_names: dict[str, str] | None = None) -> pd.DataFrame:
    """Check and convert a tidy frame of strings (columns as in a tidy CSV, plus ``_line``).

    Vectorised: labels (regions, years, sectors, price bases, units, status, sources) are checked
    once per distinct label and carried as integer codes; values are parsed by
    :func:`potensi.data.cells.parse_numbers`. The first offending row raises :class:`DataError`
    with its file line and column.
    """
    names = {c: c for c in frame.columns} | (column_names or {})
    if frame.empty:
        raise DataError("no data rows below the header", func=func, path=path)
    lines = frame["_line"].to_numpy()

    def fail(mask, message, column: str):
        mask = np.asarray(mask, dtype=bool)
        if mask.any():
            i = int(np.argmax(mask))
            text = message(str(frame[column].iloc[i])) if callable(message) else message
            raise DataError(text, func=func, path=path, row=int(lines[i]), column=where(column, i))

    def where(column: str, i: int) -> str:
        return str(frame["_where"].iloc[i]) if column == "value" and "_where" in frame else names[column]

    def by_label(column: str, *checks) -> tuple[np.ndarray, np.ndarray]:
        """Codes and stripped labels of a column; each ``check(label)`` (in turn, over every row) returns
        a message for a bad label, or None."""
        codes, labels = _labels(frame[column])
        for check in checks:
            problems = [check(label) for label in labels]
            bad = np.asarray([p is not None for p in problems], dtype=bool)
            if bad.any():
                rows = bad[codes]
                fail(rows, problems[codes[int(np.argmax(rows))]], column)
        return codes, labels

    known = None
    if check_regions:
        known = set(known_regions) if known_regions is not None else set(region_catalog()["region_code"])
    region_codes, region_labels = by_label(
        "region_code", lambda r: "empty region code" if r == "" else None,
        lambda r: None if known is None or r in known else f"unknown region code {r!r}" + (
            " (leading zeros lost? codes are 4-digit strings such as '0000', '6472')"
            if r.isdigit() and len(r) < 4 else ""))
    # year and provisional stars, from the unique labels
    year_of: dict[str, tuple[int, str]] = {}

    def year_problem(y: str) -> str | None:
        try:
            year_of[y] = parse_year(y)
        except CellError as exc:
            return str(exc)
        return None

    year_codes, year_labels = by_label("year", year_problem)
    year = np.asarray([year_of[y][0] for y in year_labels], dtype="int64")[year_codes]
    status_labels = ["", "sementara", "sangat sementara", "turunan"]
    status_codes = np.asarray([status_labels.index(year_of[y][1]) for y in year_labels], dtype="int8")[year_codes]
    if "status" in frame:  # a written status wins over the stars of the year
        written_codes, written = by_label("status", lambda w: None if STATUS_VALUES.get(w.lower()) is not None else (
            f"status {w!r} is not allowed; expected one of {sorted(k for k in STATUS_VALUES if k)} or empty "
            "(angka tetap)"))
        of_written = np.asarray([-1 if w == "" else status_labels.index(STATUS_VALUES[w.lower()]) for w in written],
                                dtype="int8")[written_codes]
        status_codes = np.where(of_written < 0, status_codes, of_written)
    # sectors: labels of the total are TOTAL in every mode; a label naming part of a sector is refused
    allowed_sectors = None if sectors is None else set(sectors) | {TOTAL_CODE}
    code_of: dict[str, str] = {}

    def sector_problem(label: str) -> str | None:
        code, part = sector_of_label(label)
        if part:
            return (f"{label!r} names only part of sector {code} (oil and gas in or out), not the whole "
                    f"lapangan usaha; give the figure of the whole sector {code}")
        if allowed_sectors is None:
            if not label:
                return "empty sector code"
            code_of[label] = TOTAL_CODE if code == TOTAL_CODE else label
        elif code not in allowed_sectors:
            return f"unknown sector code {label!r}; expected one of {sorted(allowed_sectors)}"
        else:
            code_of[label] = code
        return None

    sector_codes, sector_labels = by_label("sector_code", sector_problem)
    sector_labels = np.asarray([code_of[s] for s in sector_labels], dtype=object)
    basis_codes, basis_labels = by_label("price_basis", lambda b: None if b.upper() in PRICE_BASES else
                                         f"unknown price basis {b!r}; expected ADHK2010 or ADHB")
    basis_labels = np.asarray([PRICE_BASES[b.upper()] for b in basis_labels], dtype=object)
    allowed_units = [u for u in UNIT_FACTORS if u != "ribu rupiah"]
    unit_codes, unit_labels = by_label("unit", lambda u: None if u.lower() in allowed_units else
                                       f"unknown unit {u!r}; expected juta rupiah, miliar rupiah or triliun rupiah")
    lower, unit_index = pd.factorize(np.asarray([u.lower() for u in unit_labels], dtype=object), sort=False)
    unit_rows = lower[unit_codes]
    if len(unit_index) > 1:
        other = unit_rows != unit_rows[0]
        if other.any():
            i = int(np.argmax(other))
            raise DataError(f"mixed units in one file: {unit_index[unit_rows[0]]!r} (first at row {int(lines[0])}) "
                            f"and {unit_labels[unit_codes[i]]!r}; convert to one unit", func=func, path=path,
                            row=int(lines[i]), column=names["unit"])
    try:
        value_text = frame["value"].astype("str").str.strip()
        if decimal is None:
            decimal = infer_decimal(value_text)
        value, marker = parse_numbers(value_text, decimal=decimal or ".")
        del value_text
    except NumberError as exc:
        raise DataError(str(exc), func=func, path=path, row=int(lines[exc.position]),
                        column=where("value", exc.position)) from None
    negative = value < 0
    if negative.any():
        fail(negative, lambda v: f"negative output value {v.strip()}; PDRB by sector cannot be negative", "value")
    if len(unit_index) > 1 or UNIT_FACTORS[unit_index[0]] != 1.0:  # to miliar rupiah
        value = value * np.asarray([UNIT_FACTORS[u] for u in unit_index], dtype="float64")[unit_rows]
    if "source_id" in frame:
        source = _categorical(*_labels(frame["source_id"]))
    else:
        source = pd.Categorical.from_codes(np.zeros(len(frame), dtype="int8"),
                                           categories=pd.Index([path.name], dtype="str"))
    marker = _marker_categorical(marker)
    pa.default_memory_pool().release_unused()  # the parser's scratch memory, before the checks allocate theirs
    out = pd.DataFrame({
        "region_code": _categorical(region_codes, region_labels), "year": year,
        "sector_code": _categorical(sector_codes, sector_labels),
        "price_basis": _categorical(basis_codes, basis_labels), "value": value, "marker": marker,
        "status": _categorical(status_codes, np.asarray(status_labels, dtype=object)), "source_id": source,
        "_line": lines,
    }, copy=False)
    del year, value, marker
    if sectors is None:  # the sectors of the file, in the order they first appear
        first_rows = np.sort(np.unique(sector_codes, return_index=True)[1])
        sectors = tuple(c for c in pd.unique(sector_labels[sector_codes[first_rows]]) if c != TOTAL_CODE)
    return finish_pdrb(out, path=path, sectors=sectors, allow_gaps=allow_gaps, tolerance=tolerance, func=func,
                       key_columns={k: names[k] for k in ("sector_code", "year")})
