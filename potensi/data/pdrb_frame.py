"""The canonical PDRB table shared by every reader: constants, vocabulary and the final checks.

:func:`finish_pdrb` runs the checks common to the tidy and the wide readers (duplicates,
complete region-years, consecutive years, sectors against the printed total, markers).
:func:`sector_of_label` maps a printed sector label to a code, refusing labels that name a part of
a sector (``Industri Pengolahan (Tanpa Migas)`` is manufacturing without oil and gas refining,
not the whole of C). :data:`STATUS_VALUES` is the allowed ``status`` vocabulary.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from potensi.core.errors import DataError
from potensi.data.cells import marker_meaning
from potensi.data.sectors import sector_code_from_label

__all__ = [
    "PDRB_COLUMNS", "PRICE_BASES", "STATUS_VALUES", "TOTAL_CHECK_EXEMPT", "TOTAL_TOLERANCE", "UNIT",
    "UNIT_FACTORS", "finish_pdrb", "sector_of_label",
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
#: Relative tolerance for "sectors sum to the printed total" (0.5 %, see data/raw/README.md).
TOTAL_TOLERANCE = 0.005
#: Regions whose printed TOTAL is not the sum of the 17 sectors by definition: Indonesia's
#: TOTAL is PDB, which adds net taxes on products (pajak dikurangi subsidi atas produk).
TOTAL_CHECK_EXEMPT = ("0000",)
#: Allowed ``status`` values as written in a file -> canonical status. ``""`` is *angka tetap*;
#: ``turunan`` marks a figure derived by potensi's data compiler (e.g. E = TOTAL − Σ16).
STATUS_VALUES = {
    "": "", "tetap": "", "angka tetap": "",
    "*": "sementara", "sementara": "sementara", "angka sementara": "sementara",
    "**": "sangat sementara", "***": "sangat sementara", "sangat sementara": "sangat sementara",
    "angka sangat sementara": "sangat sementara",
    "turunan": "turunan",
}
#: A qualifier that makes a label name part of a sector or of the total (oil and gas in or out).
PART_OF_SECTOR = re.compile(r"\b(tanpa|non|bukan|dengan|termasuk|kecuali)\s*-?\s*migas\b|\bmigas\b|\bnon\s*-?\s*oil",
                            re.I)


def sector_of_label(label: str) -> tuple[str | None, bool]:
    """``(code, part)``: the sector code of a printed label, and whether the label names only a
    part of it (oil and gas in or out, e.g. ``Industri Pengolahan (Tanpa Migas)``).

    >>> sector_of_label("C. Industri Pengolahan")
    ('C', False)
    >>> sector_of_label("Industri Pengolahan (Tanpa Migas)")
    ('C', True)
    """
    code = sector_code_from_label(label)
    return code, code is not None and bool(PART_OF_SECTOR.search(str(label)))


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
    keys = ["region_code", "year", "price_basis"]
    if len(body):
        counts = body.assign(_in=body["sector_code"].isin(sectors)).groupby(keys, sort=True).agg(
            _in=("_in", "sum"), _line=("_line", "min"))
        short = counts[counts["_in"] < len(sectors)]
        if len(short):
            (region, year, basis), line = short.index[0], int(short["_line"].iloc[0])
            have = set(body.loc[(body.region_code == region) & (body.year == year) & (body.price_basis == basis),
                                "sector_code"])
            missing = [s for s in sectors if s not in have]
            raise DataError(
                f"region {region} year {year} {basis} lacks sector(s) {missing}; every region-year needs all "
                f"{len(sectors)} sectors", func=func, path=path, row=line, column=names["sector_code"],
            )
    gaps = []
    spans = body.groupby(["region_code", "price_basis"], sort=True)["year"].agg(["min", "max", "nunique"])
    for (region, basis), span in spans[spans["nunique"] < spans["max"] - spans["min"] + 1].iterrows():
        have = set(body.loc[(body.region_code == region) & (body.price_basis == basis), "year"])
        hole = [y for y in range(int(span["min"]), int(span["max"]) + 1) if y not in have]
        if not allow_gaps:
            line = int(body.loc[body["region_code"] == region, "_line"].min())
            raise DataError(
                f"missing year(s) {hole} for region {region} ({basis}); years must be consecutive "
                "(pass allow_gaps=True to accept a documented gap)",
                func=func, path=path, row=line, column=names["year"],
            )
        gaps.append({"region_code": region, "price_basis": basis, "missing_years": hole})
    sums = body.groupby(keys)["value"].agg(["sum", "count", "size"])
    totals = frame[frame["sector_code"] == "TOTAL"]
    if len(totals):
        zero_total = totals[totals["value"] == 0]
        if len(zero_total):
            record, row = zero_total.index[0], zero_total.iloc[0]
            raise DataError(f"zero total for region {row.region_code} year {row.year} (region not yet formed?)",
                            func=func, path=path, row=int(row._line), column=col_of(record))
        joined = totals.join(sums, on=keys, how="inner")
        joined = joined[~joined["region_code"].isin(TOTAL_CHECK_EXEMPT) & (joined["count"] == joined["size"])
                        & joined["value"].notna()]  # a missing sector cannot be checked against the total
        off = joined[(joined["sum"] - joined["value"]).abs() > tolerance * joined["value"]]
        if len(off):
            record, t = off.index[0], off.iloc[0]
            gap = t["sum"] - t["value"]
            raise DataError(
                f"the {int(t['size'])} sectors of region {t.region_code} year {t.year} sum to {t['sum']:,.2f} but the "
                f"printed total is {t['value']:,.2f} miliar rupiah ({gap / t['value']:+.2%}, tolerance "
                f"{tolerance:.2%})", func=func, path=path, row=int(t["_line"]), column=col_of(record),
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
