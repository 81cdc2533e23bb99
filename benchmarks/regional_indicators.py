"""Timings of the regional indicators on all 514 kab/kota (prints; no assertions).

Run: ``.venv/bin/python benchmarks/regional_indicators.py``
"""

from __future__ import annotations

import time
import tracemalloc

import pandas as pd

import potensi
from potensi.data.population import per_capita, population_series
from potensi.indicators.convergence import beta_convergence, sigma_convergence
from potensi.indicators.inequality import inequality_table, theil_decomposition
from potensi.indicators.interaction import complementarity, gravity_interaction
from potensi.indicators.specialisation import specialisation
from potensi.study.conclusions import national_classes
from potensi.study.regional_tables import national_tables, regional_tables


def timed(label: str, func, *args, repeat: int = 3, **kwargs):
    """Best wall time of ``repeat`` runs, then one more run under tracemalloc for the peak memory."""
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = func(*args, **kwargs)
        best = min(best, time.perf_counter() - t0)
    tracemalloc.start()
    func(*args, **kwargs)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    rows = len(result) if hasattr(result, "__len__") else ""
    print(f"{label:<58} {best * 1000:9.1f} ms  peak {peak:7.1f} MiB  rows {rows}")
    return result


def main() -> None:
    pdrb = potensi.load_table("pdrb")
    pop = potensi.load_table("population")
    cen = potensi.load_table("centroids").query("source_id == 'QUARCS_INDONESIA514_POINTS'")
    cat = potensi.region_catalog()
    kab = cat[cat["level"].isin(["kabupaten", "kota"])][["region_code", "parent_code"]]
    adhk = pdrb[(pdrb["price_basis"] == "ADHK2010") & pdrb["region_code"].isin(kab["region_code"])]
    print(f"kab/kota: {adhk['region_code'].nunique()}, years {adhk['year'].min()}–{adhk['year'].max()}, "
          f"sector rows {len(adhk):,}")
    totals = adhk.groupby(["region_code", "year"], as_index=False)["value"].sum()
    ps = timed("population_series (dukcapil, 2018-2020)", population_series, pop, source="dukcapil",
               regions=kab["region_code"], years=range(2018, 2021))
    pc = timed("per_capita", per_capita, totals[totals["year"] >= 2018], ps)
    data = totals.merge(ps[["region_code", "year", "population", "population_source"]], on=["region_code", "year"])
    data = data.merge(kab, on="region_code").dropna(subset=["population"])
    timed("specialisation (514 x 8 years x 17 sectors)", specialisation, adhk)
    timed("inequality_table (7 indices, 3 years)", inequality_table, data, group="parent_code")
    timed("theil_decomposition (within/between provinces)", theil_decomposition, data, group="parent_code")
    timed("sigma_convergence", sigma_convergence, pc)
    timed("beta_convergence (2018-2020, HC3, min_years=3)", beta_convergence, pc, start=2018, end=2020, min_years=3)
    masses = totals[totals["year"] == 2020][["region_code", "value"]]
    timed("gravity_interaction (514 -> 131,841 pairs)", gravity_interaction, masses, cen)
    share = adhk[adhk["year"] == 2020].copy()
    share["lq"] = (share["value"] / share.groupby("region_code")["value"].transform("sum")
                   / (share.groupby("sector_code")["value"].transform("sum") / share["value"].sum()))
    lq = share[["region_code", "sector_code", "year", "lq"]]
    timed("complementarity (17 sectors, all pairs)", complementarity, lq[["region_code", "sector_code", "lq"]])
    timed("national_classes (sector potential of every kab/kota against its province)", national_classes,
          start=2013, end=2020, pdrb=pdrb[pdrb["price_basis"] == "ADHK2010"], repeat=1)
    t0 = time.perf_counter()
    n = 0
    for prov in sorted(set(kab["parent_code"])):
        try:
            regional_tables(pdrb, {}, province_code=prov, start=2013, end=2020, population=pop, centroids=cen)
            n += 1
        except ValueError as exc:
            print(f"  {prov}: {exc}")
    print(f"{'regional_tables, every province (' + str(n) + ')':<58} {(time.perf_counter() - t0) * 1000:9.1f} ms")
    timed("national_tables (provinces + kab/kota within provinces)", national_tables,
          potensi.load_table("per_capita"), potensi.load_table("pdrb_total"), pdrb=pdrb, population=pop, repeat=1)


if __name__ == "__main__":
    pd.set_option("display.width", 200)
    main()
