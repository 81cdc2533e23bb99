"""The national study: all provinces against Indonesia."""


from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from potensi.core.codes import DEFAULT_PRICE_BASIS, NATIONAL_CODE
from potensi.core.numbers import daftar
from potensi.data.regions import region_catalog
from potensi.data.store import current_boundaries, load_table
from potensi.study.gaps import Gap
from potensi.study.province import DEFAULT_START, ProvinceAnalysis, _Shown
from potensi.study.regional_tables import national_tables
from potensi.study.sector_tables import sector_tables
from potensi.study.tables_common import _annual_totals, _check_sectors, _check_years, _mean_growth, _named


# --------------------------------------------------------------------------------------------
# national summary
# --------------------------------------------------------------------------------------------
@dataclass
class NationalAnalysis:
    """Everything the national summary shows: all provinces against Indonesia."""

    start_year: int
    end_year: int
    excluded_sectors: tuple[str, ...]
    pdrb: pd.DataFrame
    tables: dict[str, pd.DataFrame]
    gaps: list[Gap]
    shown: _Shown = field(default_factory=_Shown)
    #: The members of the national study are the provinces, compared with Indonesia itself.
    has_members: bool = True
    has_national: bool = True

    has = ProvinceAnalysis.has
    gap_for = ProvinceAnalysis.gap_for

    @property
    def quality(self) -> dict[str, pd.DataFrame]:
        return {}



def analyse_national(*, start_year: int = DEFAULT_START, end_year: int | None = None,
                     excluded_sectors: Iterable[str] = (),
                     include_old_boundaries: bool = False) -> NationalAnalysis:
    """Provinces against Indonesia: LQ, Klassen of provinces, Theil between/within islands, convergence.

    Uses the provinces with 17-sector data in both ``start_year`` and ``end_year`` (the 34
    provinces of the old boundaries for 2013–2020). ``end_year=None`` (default): the latest year of
    Indonesia's 17 sectors (2020; the SIMREG 2021–2022 national row lacks sector E). Region-years on
    older boundaries are left out unless ``include_old_boundaries=True``.
    """
    func = "analyse_national"
    pdrb = current_boundaries(load_table("pdrb"), include_old_boundaries=include_old_boundaries)
    pdrb = pdrb[pdrb["price_basis"] == DEFAULT_PRICE_BASIS]
    if end_year is None:
        end_year = int(pdrb.loc[pdrb["region_code"] == NATIONAL_CODE, "year"].max())
    start, end = _check_years(func, start_year, end_year)
    excluded = _check_sectors(func, excluded_sectors)
    cat = region_catalog()
    pdrb = pdrb[pdrb["year"].between(start, end)]
    provs = set(cat.loc[cat["level"] == "provinsi", "region_code"])
    have = pdrb[pdrb["region_code"].isin(provs)].groupby("region_code")["year"].agg(["min", "max"])
    chosen = sorted(have.index[(have["min"] == start) & (have["max"] == end)])
    gaps: list[Gap] = []
    left_out = sorted(provs - set(chosen))
    if left_out:
        names = cat.set_index("region_code").loc[left_out, "region_name"]
        gaps.append(Gap("provinsi", "provinces_left_out", {
            "start": start, "end": end, "provinces": daftar(f"{c[:2]} {n}" for c, n in names.items())}))
    pdrb = pdrb[pdrb["region_code"].isin(set(chosen) | {NATIONAL_CODE})]
    pdrb = pdrb.merge(cat[["region_code", "region_name", "level", "island"]], on="region_code")
    totals = _annual_totals(pdrb.drop(columns=["island"]))
    totals = totals.merge(cat[["region_code", "island"]], on="region_code")
    tables: dict[str, pd.DataFrame] = {
        "pdrb_tahunan": totals,
        "pertumbuhan_rata": _mean_growth(totals, start, end).merge(cat[["region_code", "island"]], on="region_code"),
    }
    indicator_pdrb = pdrb.drop(columns=["region_name", "level", "island"])
    st = sector_tables(indicator_pdrb, reference_code=NATIONAL_CODE, regions=chosen, start=start, end=end,
                       excluded_sectors=excluded, reference="published", price_basis=DEFAULT_PRICE_BASIS)
    tables.update({k: _named(v) for k, v in st.items()})
    nt = national_tables(load_table("per_capita"), load_table("pdrb_total"), start=start, end=end,
                         pdrb=indicator_pdrb, population=load_table("population"))
    tables.update({k: _named(v) for k, v in nt.items()})
    return NationalAnalysis(start_year=start, end_year=end, excluded_sectors=excluded, pdrb=pdrb,
                            tables=tables, gaps=gaps)

