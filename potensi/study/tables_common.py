"""Tables shared by the province and national studies: annual totals, structure, mean growth, names."""


from collections.abc import Iterable

import pandas as pd

from potensi.core.codes import DEFAULT_PRICE_BASIS, TOTAL_CODE
from potensi.core.wording import TOTAL_LABEL
from potensi.data.regions import provinces, region_catalog
from potensi.data.sectors import SECTOR_CODES, SECTORS
from potensi.data.store import load_table


def provinces_with_data(*, price_basis: str = DEFAULT_PRICE_BASIS) -> list[str]:
    """Province codes (``"6400"``) with at least one published 17-sector figure."""
    pdrb = load_table("pdrb")
    have = set(pdrb.loc[pdrb["price_basis"] == price_basis, "region_code"])
    return [c for c in provinces()["region_code"] if c in have]



def _check_years(func: str, start_year: int, end_year: int) -> tuple[int, int]:
    try:
        start, end = int(start_year), int(end_year)
    except (TypeError, ValueError):
        raise TypeError(f"{func}: start_year={start_year!r}, end_year={end_year!r}: years must be integers") from None
    if start >= end:
        raise ValueError(f"{func}: start_year {start} must be before end_year {end}")
    return start, end


def _check_sectors(func: str, excluded: Iterable[str]) -> tuple[str, ...]:
    if isinstance(excluded, str):
        excluded = [excluded] if excluded else []
    out = tuple(str(s) for s in excluded)
    bad = sorted(set(out) - set(SECTOR_CODES))
    if bad:
        raise ValueError(f"{func}: excluded_sectors {bad} unknown; valid sector codes: {list(SECTOR_CODES)}")
    return out



def _annual_totals(pdrb: pd.DataFrame) -> pd.DataFrame:
    """Σ 17 sectors per region and year (miliar rupiah, ADHK 2010) with year-on-year growth."""
    key = ["region_code", "region_name", "level", "year"]
    tot = (pdrb.groupby(key, observed=True, as_index=False)
           .agg(value=("value", lambda s: s.sum(min_count=len(SECTOR_CODES))),
                provisional=("provisional", "any")))
    tot = tot.sort_values(["region_code", "year"]).reset_index(drop=True)
    prev = tot.groupby("region_code")["value"].shift()
    prev_year = tot.groupby("region_code")["year"].shift()
    growth = 100 * (tot["value"] / prev - 1)
    tot["growth_pct"] = growth.where(prev_year == tot["year"] - 1)
    return tot


def _structure(pdrb: pd.DataFrame, regions: list[str], years: list[int]) -> pd.DataFrame:
    """Share (%) of each sector in the region's Σ 17 sectors, for the given years."""
    d = pdrb[pdrb["region_code"].isin(regions) & pdrb["year"].isin(years)]
    d = d.assign(share_pct=100 * d["value"] / d.groupby(["region_code", "year"])["value"].transform("sum"))
    d = d.merge(SECTORS[["sector_code", "sector_label", "sector_order"]], on="sector_code")
    d = d.sort_values(["region_code", "year", "sector_order"])
    return d[["region_code", "region_name", "year", "sector_code", "sector_label", "value", "share_pct"]].reset_index(drop=True)


def _structure_wide(struct: pd.DataFrame) -> pd.DataFrame:
    """:func:`_structure` as one row per sector and one share column per region and year."""
    d = struct.assign(col=struct["region_name"] + " " + struct["year"].astype(str) + " (%)")
    wide = d.pivot_table(index=["sector_code", "sector_label"], columns="col", values="share_pct", sort=False)
    order = {c: i for i, c in enumerate(SECTOR_CODES)}
    wide = wide.reset_index().sort_values("sector_code", key=lambda s: s.map(order)).reset_index(drop=True)
    wide.columns.name = None
    return wide


def _mean_growth(totals: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    """Compound mean annual growth (%/tahun) of Σ 17 sectors between ``start`` and ``end``."""
    a = totals[totals["year"] == start].set_index("region_code")["value"]
    b = totals[totals["year"] == end].set_index("region_code")
    out = b[["region_name", "level"]].copy()
    out["value_start"] = a
    out["value_end"] = b["value"]
    out["mean_growth_pct"] = 100 * ((out["value_end"] / out["value_start"]) ** (1 / (end - start)) - 1)
    return out.dropna(subset=["value_start"]).reset_index()



def _named(frame: pd.DataFrame) -> pd.DataFrame:
    """Add region and sector names next to their codes (for display and the workbook)."""
    if not isinstance(frame, pd.DataFrame):
        return frame
    out = frame
    cat = region_catalog()[["region_code", "region_name"]]
    pair_cols = {"region_a": "region_name_a", "region_b": "region_name_b", "supplier": "supplier_name",
                 "partner": "partner_name"}
    for col in [c for c in out.columns if c.startswith("region_code") or c in pair_cols]:
        target = pair_cols.get(col, col.replace("region_code", "region_name"))
        if target not in out.columns:
            names = dict(zip(cat["region_code"], cat["region_name"]))
            out = out.assign(**{target: out[col].map(names)})
            cols = list(out.columns)
            cols.insert(cols.index(col) + 1, cols.pop(cols.index(target)))
            out = out[cols]
    if "sector_code" in out.columns and "sector_label" not in out.columns:
        labels = dict(zip(SECTORS["sector_code"], SECTORS["sector_label"])) | {TOTAL_CODE: TOTAL_LABEL}
        out = out.assign(sector_label=out["sector_code"].map(labels))
        cols = list(out.columns)
        cols.insert(cols.index("sector_code") + 1, cols.pop(cols.index("sector_label")))
        out = out[cols]
    return out


