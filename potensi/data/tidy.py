"""Checking and converting a tidy PDRB frame of strings, column by column (vectorised).

Shared by :func:`potensi.data.loaders.load_pdrb` (tidy CSV) and the intake workbook reader
(:mod:`potensi.data.intake_read`): every column is parsed with pandas string operations, labels
(years, sectors, price bases, units, status) once per distinct label; the first offending row
raises a :class:`~potensi.core.errors.DataError` with its file line and column.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

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


def _by_label(column: pd.Series, func) -> np.ndarray:
    """``func`` applied once per distinct label of ``column`` (years, sectors, units: few labels)."""
    codes, labels = pd.factorize(column, sort=False)
    return np.asarray([func(label) for label in labels], dtype=object)[codes]


def tidy_to_pdrb(frame: pd.DataFrame, *, path: Path, sectors: tuple[str, ...] | None,
                 known_regions: Iterable[str] | None = None, check_regions: bool = True, allow_gaps: bool = False,
                 tolerance: float = TOTAL_TOLERANCE, decimal: str | None = None, func: str = "load_pdrb",
                 column_names: dict[str, str] | None = None) -> pd.DataFrame:
    """Check and convert a tidy frame of strings (columns as in a tidy CSV, plus ``_line``).

    Vectorised: every column is parsed with pandas string operations; the first offending
    row raises :class:`DataError` with its file line and column.
    """
    names = {c: c for c in frame.columns} | (column_names or {})
    if frame.empty:
        raise DataError("no data rows below the header", func=func, path=path)
    lines = frame["_line"].to_numpy()

    def fail(mask, message, column: str):
        mask = np.asarray(mask, dtype=bool)
        if mask.any():
            i = int(np.argmax(mask))
            text = message(frame[column].iloc[i]) if callable(message) else message
            raise DataError(text, func=func, path=path, row=int(lines[i]), column=where(column, i))

    def where(column: str, i: int) -> str:
        return str(frame["_where"].iloc[i]) if column == "value" and "_where" in frame else names[column]

    cells = {c: frame[c].astype("str").str.strip() for c in frame.columns if not c.startswith("_")}
    region = cells["region_code"]
    fail(region.eq(""), "empty region code", "region_code")
    if check_regions:
        regions = set(known_regions) if known_regions is not None else set(region_catalog()["region_code"])
        fail(~region.isin(regions), lambda r: f"unknown region code {r.strip()!r}" + (
            " (leading zeros lost? codes are 4-digit strings such as '0000', '6472')"
            if r.strip().isdigit() and len(r.strip()) < 4 else ""), "region_code")
    # year and provisional stars, from the unique labels
    year_of, bad_year = {}, {}
    for label in pd.unique(cells["year"]):
        try:
            year_of[label] = parse_year(label)
        except CellError as exc:
            bad_year[label] = str(exc)
    fail(cells["year"].isin(bad_year), lambda y: bad_year[y.strip()], "year")
    year = _by_label(cells["year"], lambda y: year_of[y][0]).astype("int64")
    status = pd.Series(_by_label(cells["year"], lambda y: year_of[y][1]), index=frame.index)
    if "status" in cells:
        written = cells["status"].str.lower()
        allowed = pd.Series(_by_label(written, lambda w: STATUS_VALUES.get(w)), index=frame.index)
        fail(allowed.isna(), lambda s: f"status {s.strip()!r} is not allowed; expected one of "
             f"{sorted(k for k in STATUS_VALUES if k)} or empty (angka tetap)", "status")
        status = status.where(written.eq(""), allowed)
    # sectors: labels of the total are TOTAL in every mode; a label naming part of a sector is refused
    allowed_sectors = None if sectors is None else set(sectors) | {"TOTAL"}
    code_of, problem = {}, {}
    for label in pd.unique(cells["sector_code"]):
        code, part = sector_of_label(label)
        if part:
            problem[label] = (f"{label!r} names only part of sector {code} (oil and gas in or out), not the whole "
                              f"lapangan usaha; give the figure of the whole sector {code}")
        elif allowed_sectors is None:
            code_of[label] = "TOTAL" if code == "TOTAL" else label
            if not label:
                problem[label] = "empty sector code"
        elif code not in allowed_sectors:
            problem[label] = f"unknown sector code {label!r}; expected one of {sorted(allowed_sectors)}"
        else:
            code_of[label] = code
    fail(cells["sector_code"].isin(problem), lambda s: problem[s.strip()], "sector_code")
    sector = _by_label(cells["sector_code"], code_of.get)
    basis_upper = cells["price_basis"].str.upper()
    fail(~basis_upper.isin(PRICE_BASES), lambda b: f"unknown price basis {b.strip()!r}; expected ADHK2010 or ADHB",
         "price_basis")
    basis = _by_label(basis_upper, PRICE_BASES.get)
    unit = cells["unit"].str.lower()
    fail(~unit.isin([u for u in UNIT_FACTORS if u != "ribu rupiah"]),
         lambda u: f"unknown unit {u.strip()!r}; expected juta rupiah, miliar rupiah or triliun rupiah", "unit")
    units = pd.unique(unit)
    if len(units) > 1:
        first = int(lines[int(np.argmax(unit.eq(units[0]).to_numpy()))])
        fail(unit.ne(units[0]), lambda u: f"mixed units in one file: {units[0]!r} (first at row {first}) and "
             f"{u.strip()!r}; convert to one unit", "unit")
    try:
        if decimal is None:
            decimal = infer_decimal(cells["value"])
        value, marker = parse_numbers(cells["value"], decimal=decimal or ".")
    except NumberError as exc:
        raise DataError(str(exc), func=func, path=path, row=int(lines[exc.position]),
                        column=where("value", exc.position)) from None
    fail(value < 0, lambda v: f"negative output value {v.strip()}; PDRB by sector cannot be negative", "value")
    source = cells["source_id"] if "source_id" in cells else path.name
    out = pd.DataFrame({
        "region_code": region, "year": year, "sector_code": sector, "price_basis": basis,
        "value": value * _by_label(unit, UNIT_FACTORS.get).astype("float64"), "marker": marker,
        "status": status, "source_id": source, "_line": lines,
    })
    if sectors is None:
        sectors = tuple(pd.unique(out.loc[out["sector_code"] != "TOTAL", "sector_code"]))
    return finish_pdrb(out, path=path, sectors=sectors, allow_gaps=allow_gaps, tolerance=tolerance, func=func,
                       key_columns={k: names[k] for k in ("sector_code", "year")})
