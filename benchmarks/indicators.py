"""Time the sector indicators for all kab/kota x 17 sectors x 8 years of the embedded data.

Every kab/kota is measured against its own province (a ``region -> province`` mapping, one
vectorised call per indicator, no loop over regions). Prints the figures; no assertions.
Run: ``.venv/bin/python benchmarks/indicators.py``.
"""

from __future__ import annotations

import time

import potensi
from potensi.growth import annual_growth, compound_growth, distribution, growth_contribution
from potensi.growth_ratio import growth_ratio_overlay
from potensi.location_quotient import location_quotient, slq_dlq
from potensi.shift_share import dynamic_shift_share, shift_share, shift_share_profile
from potensi.tables import sector_tables
from potensi.typology import klassen_sector

START, END = 2013, 2020


def main() -> None:
    pdrb = potensi.load_table("pdrb")
    pdrb = pdrb[(pdrb.price_basis == "ADHK2010") & pdrb.year.between(START, END)]
    cat = potensi.region_catalog()
    kab = cat[cat.level.isin(["kabupaten", "kota"])]
    kab = kab[kab.region_code.isin(set(pdrb.region_code))]
    ref = dict(zip(kab.region_code, kab.parent_code))
    data = pdrb[pdrb.region_code.isin(set(ref) | set(ref.values()))]
    print(f"{len(ref)} kab/kota x {data.sector_code.nunique()} sectors x {data.year.nunique()} years "
          f"({len(data):,} rows)")
    kw = dict(reference_code=ref)
    period = dict(start=START, end=END)
    steps = {
        "location_quotient": lambda: location_quotient(data, **kw),
        "slq_dlq (DLQ + mean LQ + class)": lambda: slq_dlq(data, **kw, **period),
        "shift_share + profile": lambda: shift_share_profile(shift_share(data, **kw, **period)),
        "dynamic_shift_share": lambda: dynamic_shift_share(data, **kw, **period),
        "growth_ratio_overlay (MRP)": lambda: growth_ratio_overlay(data, **kw, **period),
        "klassen_sector (share)": lambda: klassen_sector(data, **kw, **period),
        "klassen_sector (lq)": lambda: klassen_sector(data, **kw, **period, variant="lq"),
        "annual_growth": lambda: annual_growth(data, regions=list(ref)),
        "compound_growth": lambda: compound_growth(data, regions=list(ref), **period),
        "growth_contribution": lambda: growth_contribution(data, regions=list(ref)),
        "distribution": lambda: distribution(data, regions=list(ref)),
    }
    for fn in steps.values():  # warm-up (imports, caches)
        fn()
    total = 0.0
    for name, fn in steps.items():
        best = min(_time(fn) for _ in range(3))
        total += best
        print(f"  {name:<34} {best * 1000:8.1f} ms")
    print(f"all indicators, one core: {total:.3f} s (target < 0.5 s)")
    t = min(_time(lambda: sector_tables(data, **kw, **period)) for _ in range(3))
    print(f"sector_tables (the six output tables): {t:.3f} s")


def _time(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


if __name__ == "__main__":
    main()
