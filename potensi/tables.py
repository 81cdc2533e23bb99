"""All sector indicators of one study in tidy tables, and writing them to CSV and XLSX.

Table names and their leading columns are fixed (other modules and users rely on them):

================  =================================================================================
``lq``            region_code, sector_code, year, lq
``dlq``           region_code, sector_code, start_year, end_year, dlq, slq_dlq_class
``shift_share``   region_code, sector_code, start_year, end_year, change, national_share,
                  industry_mix, competitive_effect, then the extensions and the profile
``mrp``           region_code, sector_code, start_year, end_year, rpr, rps, overlay
``klassen_sector`` region_code, sector_code, start_year, end_year, klassen, klassen_rule, ...
``growth``        region_code, sector_code, year, value, distribution_pct, lpe_pct, contribution_pp
================  =================================================================================

Every table also carries ``price_basis`` and ``reason`` (``""`` or why a value is NaN).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from ._validate import check_columns, check_frame, check_period
from .atomic import write_atomic
from .growth import annual_growth, distribution, growth_contribution
from .growth_ratio import growth_ratio_overlay
from .location_quotient import location_quotient, slq_dlq
from .shift_share import shift_share, shift_share_profile
from .typology import klassen_sector

__all__ = ["TABLE_NAMES", "WORKBOOK_NAME", "sector_tables", "write_tables"]

TABLE_NAMES = ("lq", "dlq", "shift_share", "mrp", "klassen_sector", "growth")
WORKBOOK_NAME = "potensi_indikator.xlsx"


def sector_tables(
    pdrb: pd.DataFrame,
    *,
    reference_code: str | Mapping[str, str],
    regions: Iterable[str] | None = None,
    start: int,
    end: int,
    excluded_sectors: Iterable[str] = (),
    reference: str = "published",
    price_basis: str = "ADHK2010",
) -> dict[str, pd.DataFrame]:
    """Every sector indicator for the study regions against their reference, start -> end.

    Parameters
    ----------
    pdrb
        Tidy PDRB (``region_code, year, sector_code, price_basis, value``); rows of other
        price bases are dropped, ``"TOTAL"`` rows ignored.
    reference_code
        Reference region code, or a mapping ``region -> reference``.
    regions
        Study regions (default: every region but the reference).
    start, end
        Period (growth-based indicators use constant prices).
    excluded_sectors
        Sectors left out everywhere (*tanpa migas* / *tanpa pertambangan*).
    reference
        ``"published"`` or ``"sum"`` (see :func:`potensi.location_quotient`).
    price_basis
        The price basis to use (default ``"ADHK2010"``).

    Returns
    -------
    dict of str to pandas.DataFrame
        Keys :data:`TABLE_NAMES`; columns in the module docstring. ``dlq`` uses the CAGR form
        and the mean LQ as SLQ with the Kuncoro labels; ``mrp`` the mean LQ; ``klassen_sector``
        the growth x share variant in ``klassen`` and the LQ x growth one in ``klassen_lq``;
        ``growth`` covers the study regions and their published references, sector
        ``"TOTAL"`` included (the LPE of ``start`` needs ``start - 1`` in the data).
    """
    func = "sector_tables"
    check_frame(pdrb, func, "pdrb")
    check_columns(pdrb, func, price_basis="price_basis")
    start, end = check_period(start, end, func)
    data = pdrb[pdrb["price_basis"].astype(str) == price_basis]
    if data.empty:
        have = sorted(pdrb["price_basis"].astype(str).unique())
        raise ValueError(f"sector_tables: argument price_basis={price_basis!r}: no rows; available: {have}")
    kw = dict(reference_code=reference_code, regions=regions, reference=reference, exclude=tuple(excluded_sectors))
    period = dict(start=start, end=end)
    tables: dict[str, pd.DataFrame] = {}
    tables["lq"] = location_quotient(data, years=range(start, end + 1), **kw)
    tables["dlq"] = slq_dlq(data, **kw, **period)
    tables["shift_share"] = shift_share_profile(shift_share(data, **kw, **period))
    tables["mrp"] = growth_ratio_overlay(data, **kw, **period)
    share = klassen_sector(data, **kw, **period)
    by_lq = klassen_sector(data, **kw, **period, variant="lq")
    share.insert(share.columns.get_loc("klassen_rule") + 1, "klassen_lq", by_lq["klassen"].to_numpy())
    share.insert(share.columns.get_loc("klassen_lq") + 1, "klassen_lq_rule", by_lq["klassen_rule"].to_numpy())
    tables["klassen_sector"] = share
    study = list(tables["lq"]["region_code"].unique())
    refs = [] if reference == "sum" else list(tables["lq"]["reference_code"].unique())
    tables["growth"] = _growth_table(data, regions=study + [r for r in refs if r not in study],
                                     exclude=tuple(excluded_sectors), start=start, end=end)
    return tables


def _growth_table(data, *, regions, exclude, start, end) -> pd.DataFrame:
    years = pd.to_numeric(data["year"])
    span = data[years.between(start - 1, end) & data["region_code"].astype(str).isin(regions)]
    key = ["region_code", "sector_code", "year"]
    dist = distribution(span, regions=regions, exclude=exclude)
    dist = dist[dist["year"].between(start, end)]
    values = span[span["sector_code"].astype(str) != "TOTAL"].assign(
        region_code=lambda d: d["region_code"].astype(str), sector_code=lambda d: d["sector_code"].astype(str),
        year=lambda d: pd.to_numeric(d["year"]).astype("int64"))
    values = values[~values["sector_code"].isin(exclude)]
    totals = values.groupby(["region_code", "year"], as_index=False)["value"].sum(min_count=1)
    totals = totals.assign(sector_code="TOTAL")
    values = pd.concat([values[[*key, "value"]], totals[[*key, "value"]]], ignore_index=True)
    out = dist.merge(values, on=key, how="left")
    if len(np.unique(span["year"])) >= 2:
        lpe = annual_growth(span, regions=regions, exclude=exclude)
        sp = growth_contribution(span, regions=regions, exclude=exclude)
        out = out.merge(lpe[[*key, "lpe_pct", "reason"]].rename(columns={"reason": "lpe_reason"}), on=key, how="left")
        out = out.merge(sp[[*key, "contribution_pp", "reason"]].rename(columns={"reason": "sp_reason"}),
                        on=key, how="left")
    else:
        out["lpe_pct"], out["contribution_pp"], out["lpe_reason"], out["sp_reason"] = np.nan, np.nan, None, None
    no_prev = out["lpe_pct"].isna() & out["lpe_reason"].isna()
    out["lpe_reason"] = out["lpe_reason"].where(~no_prev, "no previous year in the data")
    out["sp_reason"] = out["sp_reason"].where(~no_prev, "no previous year in the data")
    parts = [("distribution", out["reason"]), ("lpe", out["lpe_reason"]), ("contribution", out["sp_reason"])]
    text = [
        "; ".join(f"{name}: {r}" for name, r in zip(("distribution", "lpe", "contribution"), row) if r)
        for row in zip(*(p.fillna("").astype(str) for _, p in parts))
    ]
    out["reason"] = pd.Series(text, index=out.index, dtype="str")
    cols = [*key, "value", "distribution_pct", "lpe_pct", "contribution_pp", "price_basis", "reason"]
    return out[cols].sort_values(key).reset_index(drop=True)


def write_tables(tables: Mapping[str, pd.DataFrame], out_dir: str | Path) -> list[Path]:
    """Write ``<name>.csv`` per table and one workbook (:data:`WORKBOOK_NAME`, a sheet per
    table) into ``out_dir``, each file atomically. Returns the paths written."""
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise ValueError(f"write_tables: argument out_dir={str(out_dir)!r} is a file; expected a folder")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in tables.items():
        written.append(write_atomic(out_dir / f"{name}.csv",
                                    lambda p, f=frame: f.to_csv(p, index=False, encoding="utf-8")))

    def workbook(path: Path) -> None:
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            for name, frame in tables.items():
                plain = frame.copy()
                for col in plain.columns:
                    if isinstance(plain[col].dtype, pd.CategoricalDtype):
                        plain[col] = plain[col].astype("str").where(plain[col].notna(), "")
                plain.to_excel(writer, sheet_name=name[:31], index=False)

    written.append(write_atomic(out_dir / WORKBOOK_NAME, workbook))
    return written
