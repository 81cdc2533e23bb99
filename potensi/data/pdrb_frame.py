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

import numpy as np
import pandas as pd

from potensi.core.codes import NATIONAL_CODE, TOTAL_CODE
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
TOTAL_CHECK_EXEMPT = (NATIONAL_CODE,)
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


def _sorted_codes(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """``(codes, labels)`` with ``labels`` sorted, so that comparing codes compares labels."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        labels = np.asarray(column.cat.categories, dtype=object)
        order = np.argsort(labels, kind="stable")
        rank = np.empty(len(order), dtype="int32")
        rank[order] = np.arange(len(order))
        return rank[column.cat.codes.to_numpy()], labels[order]
    codes, labels = pd.factorize(column, sort=True)
    return codes.astype("int32"), np.asarray(labels, dtype=object)


def _take(labels: np.ndarray, codes: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """The string column ``labels[codes]`` built by one Arrow take (no Python string per row)."""
    return pd.array(labels, dtype="str").take(codes)


def finish_pdrb(frame: pd.DataFrame, *, path: Path, sectors: Iterable[str], allow_gaps: bool,
                tolerance: float, func: str = "load_pdrb", column_of=None,
                key_columns: dict[str, str] | None = None) -> pd.DataFrame:
    """Shared checks on a parsed PDRB table (duplicates, completeness, years, totals).

    ``frame`` holds :data:`PDRB_COLUMNS` but ``provisional`` plus ``_line`` (the file row of
    each record); ``column_of`` maps a record index to its column label for messages
    (default ``'value'``); ``key_columns`` names the file columns that hold the sector and
    the year (default ``{"sector_code": "sector_code", "year": "year"}``). Label columns may be
    strings or categoricals; every check runs on integer codes.
    """
    sectors = tuple(sectors)
    col_of = column_of or (lambda i: "value")
    names = {"sector_code": "sector_code", "year": "year", **(key_columns or {})}
    frame = frame.reset_index(drop=True)
    lines = frame["_line"].to_numpy()
    value = frame["value"].to_numpy(dtype="float64")
    rc, regions = _sorted_codes(frame["region_code"])
    sc, sector_labels = _sorted_codes(frame["sector_code"])
    bc, bases = _sorted_codes(frame["price_basis"])
    yc, years = pd.factorize(frame["year"].to_numpy(dtype="int64"), sort=True)
    yc = yc.astype("int32")
    ny, ns, nb = len(years), len(sector_labels), len(bases)
    region_year = rc.astype("int64") * ny + yc
    key = (region_year * ns + sc) * nb + bc  # the output order: region, year, sector, price basis
    order = np.argsort(key, kind="stable")
    ordered = key[order]
    same = ordered[1:] == ordered[:-1]
    if same.any():
        dup = np.zeros(len(key), dtype=bool)
        dup[1:] |= same
        dup[:-1] |= same
        rows = order[dup]
        a = int(rows[np.argmin(lines[rows])])
        twins = np.flatnonzero(key == key[a])
        twin = int(twins[np.argsort(lines[twins], kind="stable")][1])
        raise DataError(
            f"duplicate (region, year, sector, price basis) = ({regions[rc[a]]}, {years[yc[a]]}, "
            f"{sector_labels[sc[a]]}, {bases[bc[a]]}); also at row {lines[a]}",
            func=func, path=path, row=int(lines[twin]), column=names["sector_code"],
        )
    del ordered, same
    total_code = int(np.searchsorted(sector_labels, TOTAL_CODE))
    is_total = (sc == total_code) if total_code < ns and sector_labels[total_code] == TOTAL_CODE else np.zeros(
        len(sc), dtype=bool)
    body = np.flatnonzero(~is_total)
    group = region_year * nb + bc  # (region, year, price basis), numbered in sorted order
    body_group = group[body]
    del key
    if len(body):
        gid, gids = pd.factorize(body_group, sort=True)
        have_in = np.bincount(gid, weights=np.isin(sector_labels, sectors)[sc[body]], minlength=len(gids))
        short = np.flatnonzero(have_in < len(sectors))
        if len(short):
            g = int(gids[short[0]])
            rows = body[body_group == g]
            b, ry = g % nb, g // nb
            have = set(sector_labels[sc[rows]])
            missing = [s for s in sectors if s not in have]
            raise DataError(
                f"region {regions[ry // ny]} year {years[ry % ny]} {bases[b]} lacks sector(s) {missing}; every "
                f"region-year needs all {len(sectors)} sectors", func=func, path=path, row=int(lines[rows].min()),
                column=names["sector_code"],
            )
        del gid, have_in
    # years of each (region, price basis): from the distinct (region, basis, year) triples, sorted
    triples = np.sort(pd.unique((rc[body].astype("int64") * nb + bc[body]) * ny + yc[body]))
    pair, year_of = triples // ny, years[triples % ny]
    starts = np.flatnonzero(np.r_[True, pair[1:] != pair[:-1]]) if len(pair) else np.zeros(0, dtype="int64")
    ends = np.r_[starts[1:], len(pair)] - 1 if len(pair) else starts
    holes = np.flatnonzero(year_of[ends] - year_of[starts] + 1 > ends - starts + 1)
    gaps = []
    for h in holes:
        r, b = divmod(int(pair[starts[h]]), nb)
        region, basis = regions[r], bases[b]
        have = set(year_of[starts[h]:ends[h] + 1].tolist())
        hole = [y for y in range(int(year_of[starts[h]]), int(year_of[ends[h]]) + 1) if y not in have]
        if not allow_gaps:
            line = int(lines[body[rc[body] == r]].min())
            raise DataError(
                f"missing year(s) {hole} for region {region} ({basis}); years must be consecutive "
                "(pass allow_gaps=True to accept a documented gap)",
                func=func, path=path, row=line, column=names["year"],
            )
        gaps.append({"region_code": region, "price_basis": basis, "missing_years": hole})
    sums = pd.Series(value[body]).groupby(body_group, sort=True).agg(["sum", "count", "size"])
    if is_total.any():
        totals = np.flatnonzero(is_total)
        zero_total = totals[value[totals] == 0]
        if len(zero_total):
            record = int(zero_total[0])
            raise DataError(f"zero total for region {regions[rc[record]]} year {years[yc[record]]} (region not yet "
                            "formed?)", func=func, path=path, row=int(lines[record]), column=col_of(record))
        found = sums.reindex(group[totals])
        total = value[totals]
        complete = (found["count"] == found["size"]).to_numpy()  # a missing sector cannot be checked against the total
        checked = ~np.isin(regions, TOTAL_CHECK_EXEMPT)[rc[totals]] & complete & ~np.isnan(total)
        total_sum = found["sum"].to_numpy()
        off = np.flatnonzero(checked & (np.abs(total_sum - total) > tolerance * total))
        if len(off):
            k = int(off[0])
            record, t_sum, t_value = int(totals[k]), float(total_sum[k]), float(total[k])
            raise DataError(
                f"the {int(found['size'].iloc[k])} sectors of region {regions[rc[record]]} year {years[yc[record]]} "
                f"sum to {t_sum:,.2f} but the printed total is {t_value:,.2f} miliar rupiah "
                f"({(t_sum - t_value) / t_value:+.2%}, tolerance {tolerance:.2%})", func=func, path=path,
                row=int(lines[record]), column=col_of(record),
            )
    zero = sums[(sums["sum"] == 0) & (sums["count"] == sums["size"])]
    if len(zero):
        g = int(zero.index[0])
        ry = g // nb
        line = int(lines[body[region_year[body] == ry]].min())
        raise DataError(f"zero total: all sectors of region {regions[ry // ny]} year {years[ry % ny]} "
                        f"({bases[g % nb]}) are 0", func=func, path=path, row=line)
    del body, body_group, group, region_year, sums
    marker = frame["marker"]
    markers = marker[(marker != "").to_numpy(dtype=bool)].astype(object).value_counts()
    if len(markers):
        text = ", ".join(f"{n} × '{m}' ({marker_meaning(m)} → {'0' if m == '-' else 'missing'})"
                         for m, n in markers.items())
        warnings.warn(f"{func}: {path}: BPS markers converted: {text}", UserWarning, stacklevel=3)
    status = frame["status"]
    if not isinstance(status.dtype, pd.CategoricalDtype):
        status = status.astype(object).where(status.notna(), "")
    status_codes, status_labels = _sorted_codes(status)
    marker_codes, marker_labels = _sorted_codes(marker)
    source_codes, source_labels = _sorted_codes(frame["source_id"])
    status = _take(status_labels, status_codes[order])
    out = pd.DataFrame({
        "region_code": _take(regions, rc[order]),
        "year": years[yc[order]].astype("int64"),
        "sector_code": _take(sector_labels, sc[order]),
        "price_basis": _take(bases, bc[order]),
        "value": value[order],
        "marker": _take(marker_labels, marker_codes[order]),
        "status": status,
        "provisional": np.asarray(status_labels != "", dtype=bool)[status_codes[order]],
        "source_id": _take(source_labels, source_codes[order]),
    })
    out.attrs["gaps"] = gaps
    out.attrs["markers"] = {m: int(n) for m, n in markers.items()}
    return out
