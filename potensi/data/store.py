"""Access to the processed tables (``data/processed/*.parquet``), built on first use.

``load_table("pdrb")`` gives the 17-sector table of every region; ``province_pdrb("64")``
the rows of a province, its kab/kota and Indonesia.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from potensi.core.codes import NATIONAL_CODE
from potensi.core.paths import DATA_PROCESSED, DATA_RAW
from potensi.data.build import BOUNDARY_OLD  # "lama": a region-year printed on older boundaries
from potensi.data.regions import members, province_code, region_catalog

__all__ = ["TABLES", "BOUNDARY_OLD", "load_table", "province_pdrb", "current_boundaries", "latest_year",
           "hierarchy", "discrepancy", "ensure_processed"]

TABLES = (
    "pdrb", "pdrb_total", "per_capita", "per_capita_kabkota", "population", "centroids",
    "press_totals", "overlaps", "excluded", "boundaries", "discrepancy", "quality",
)



def ensure_processed(processed: Path = DATA_PROCESSED, raw: Path = DATA_RAW) -> Path:
    """Build ``data/processed/`` if a table is missing or older than a raw file."""
    newest_raw = max((p.stat().st_mtime for p in Path(raw).glob("*.csv")), default=0.0)
    stale = [n for n in TABLES if not (processed / f"{n}.parquet").exists()
             or (processed / f"{n}.parquet").stat().st_mtime < newest_raw]
    if stale:
        from potensi.data.build import build_processed

        build_processed(raw, processed)
        _cached.cache_clear()
    return processed


@lru_cache(maxsize=16)
def _cached(name: str, processed: str) -> pd.DataFrame:
    return pd.read_parquet(Path(processed) / f"{name}.parquet")


def load_table(name: str, *, processed: Path = DATA_PROCESSED) -> pd.DataFrame:
    """One processed table by name (a copy; see :data:`TABLES`)."""
    if name not in TABLES:
        raise ValueError(f"load_table: unknown table {name!r}; available: {list(TABLES)}")
    ensure_processed(processed)
    return _cached(name, str(processed)).copy()


def current_boundaries(data: pd.DataFrame, *, include_old_boundaries: bool = False) -> pd.DataFrame:
    """Drop the rows whose ``boundary`` is "lama" (region-years on older boundaries) unless asked."""
    if include_old_boundaries or "boundary" not in data.columns:
        return data
    return data[data["boundary"] != BOUNDARY_OLD]


def province_pdrb(province: str | int, *, price_basis: str = "ADHK2010", include_totals: bool = False,
                  include_old_boundaries: bool = False, processed: Path = DATA_PROCESSED) -> pd.DataFrame:
    """PDRB by sector of a province, its kab/kota and Indonesia (tidy, miliar rupiah).

    The result carries a ``level`` column (nasional/provinsi/kabupaten/kota). Region-years printed on
    older boundaries (``boundary`` = "lama": a parent that still includes a region created later,
    e.g. Kutai Barat 2010–2012 with Mahakam Ulu; table ``boundaries``) are left out unless
    ``include_old_boundaries=True``.
    """
    code = province_code(province)
    wanted = {NATIONAL_CODE, code} | set(members(code)["region_code"])
    frames = [load_table("pdrb", processed=processed)]
    if include_totals:
        frames.append(load_table("pdrb_total", processed=processed))
    data = pd.concat(frames, ignore_index=True)
    data = data[data["region_code"].isin(wanted) & (data["price_basis"] == price_basis)]
    data = current_boundaries(data, include_old_boundaries=include_old_boundaries)
    cat = region_catalog()[["region_code", "region_name", "level"]]
    return data.merge(cat, on="region_code").reset_index(drop=True)


def latest_year(pdrb: pd.DataFrame, province: str | int) -> int:
    """Default last year of a province study: the latest year with kab/kota PDRB by sector, else the
    latest year of the province row (the 2024 Papua provinces have no kab/kota figures).

    ``pdrb`` is :func:`province_pdrb`'s output (old-boundary rows already left out).
    """
    code = province_code(province)
    kab = set(members(code)["region_code"])
    years = pdrb.loc[pdrb["region_code"].isin(kab), "year"]
    if years.empty:
        years = pdrb.loc[pdrb["region_code"] == code, "year"]
    if years.empty:
        raise ValueError(f"latest_year: province {code} has no PDRB by sector")
    return int(years.max())


def hierarchy(pdrb: pd.DataFrame, province: str | int, *, reference: str = "published") -> pd.DataFrame:
    """The province's kab/kota with their reference row, by sector and year.

    Parameters
    ----------
    pdrb
        Tidy PDRB (canonical columns) holding the province and its kab/kota.
    province
        Province code (``"64"`` or ``"6400"``).
    reference
        ``"published"`` (default): the province row as BPS publishes it;
        ``"sum"``: the sum of the kab/kota present, under the code ``"<xx>00-SUM"``.

    Returns
    -------
    pandas.DataFrame
        Member rows plus the reference rows, with a ``role`` column (``anggota``/``acuan``).
        The published and summed references differ by the BPS discrepancy reported in
        :func:`discrepancy`.
    """
    code = province_code(province)
    kab = set(members(code)["region_code"])
    member_rows = pdrb[pdrb["region_code"].isin(kab)].assign(role="anggota")
    if reference == "published":
        ref = pdrb[pdrb["region_code"] == code]
    elif reference == "sum":
        key = ["year", "sector_code", "price_basis"]
        ref = member_rows.groupby(key, as_index=False)["value"].sum(min_count=1)
        ref["region_code"] = f"{code}-SUM"
    else:
        raise ValueError(f"hierarchy: reference={reference!r}; expected 'published' or 'sum'")
    return pd.concat([member_rows, ref.assign(role="acuan")], ignore_index=True)


def discrepancy(pdrb: pd.DataFrame, province: str | int) -> pd.DataFrame:
    """Σ kab/kota − published province, per year, sector and price basis (miliar, %)."""
    code = province_code(province)
    kab = set(members(code)["region_code"])
    key = ["year", "sector_code", "price_basis"]
    summed = pdrb[pdrb["region_code"].isin(kab)].groupby(key)["value"].agg(["sum", "count"])
    prov = pdrb[pdrb["region_code"] == code].set_index(key)["value"].rename("province")
    out = summed.join(prov, how="inner").reset_index()
    out = out.rename(columns={"sum": "sum_members", "count": "n_members"})
    out["difference"] = out["sum_members"] - out["province"]
    out["difference_pct"] = 100 * out["difference"] / out["province"]
    return out
