"""Time the sector indicators for all kab/kota x 17 sectors x 8 years of the embedded data.

Every kab/kota is measured against its own province (a ``region -> province`` mapping, one
vectorised call per indicator, no loop over regions). The issue's figure is the total of all
indicators as :func:`potensi.study.sector_tables.sector_tables` computes them: the rows validated and
arranged once, then each indicator from the shared arrays (target < 0.5 s on one core). The
public functions, each validating its own input, are timed too, and ``sector_tables`` for a
single province. Prints the figures (best of several runs); no assertions.

Run: ``taskset -c 0 .venv/bin/python benchmarks/indicators.py`` (one core).
"""

from __future__ import annotations

import time

import potensi
from potensi.core.panel import Prepared, _build
from potensi.indicators.growth import (
    _compound_growth_frame,
    _with_total,
    annual_growth,
    compound_growth,
    distribution,
    growth_contribution,
)
from potensi.indicators.growth_ratio import _overlay_frame, growth_ratio_overlay
from potensi.indicators.location_quotient import _lq_frame, _slq_dlq_frame, location_quotient, slq_dlq
from potensi.indicators.shift_share import (
    _dynamic_shift_share_frame,
    _shift_share_frame,
    dynamic_shift_share,
    shift_share,
    shift_share_profile,
)
from potensi.indicators.typology import _klassen_frame, klassen_sector
from potensi.study.sector_tables import _growth_table, sector_tables

START, END = 2013, 2020
RUNS = 5
PROVINCE = "64"


def main() -> None:
    pdrb = potensi.load_table("pdrb")
    pdrb = pdrb[(pdrb.price_basis == "ADHK2010") & pdrb.year.between(START, END)]
    cat = potensi.region_catalog()
    kab = cat[cat.level.isin(["kabupaten", "kota"])]
    kab = kab[kab.region_code.isin(set(pdrb.region_code))]
    ref = dict(zip(kab.region_code, kab.parent_code))
    data = pdrb[pdrb.region_code.isin(set(ref) | set(ref.values()))]
    print(f"{len(ref)} kab/kota x {data.sector_code.nunique()} sectors x {data.year.nunique()} years "
          f"({len(data):,} rows), best of {RUNS} runs")
    kw = dict(reference_code=ref)
    period = dict(start=START, end=END)

    def prepare():
        return _build(data, "sector_tables", reference_code=ref, regions=None, reference="published", exclude=(),
                      region="region_code", sector="sector_code", year="year", value="value",
                      price_basis="price_basis", constant=True, years=range(START - 1, END + 1),
                      check_years=(START, END))

    panel, cube = prepare()

    def fresh() -> Prepared:  # no result shared between the timed steps
        return Prepared(panel).years_between(START, END)

    f = "benchmark"
    shared = {
        "validate + arrange the rows (once)": prepare,
        "location_quotient": lambda: _lq_frame(fresh()),
        "slq_dlq (DLQ + mean LQ + class)": lambda: _slq_dlq_frame(fresh(), START, END, method="cagr", slq="mean",
                                                                  labels="kuncoro", func=f),
        "shift_share + profile": lambda: shift_share_profile(_shift_share_frame(fresh(), START, END, f)),
        "dynamic_shift_share": lambda: _dynamic_shift_share_frame(fresh(), START, END, f),
        "growth_ratio_overlay (MRP)": lambda: _overlay_frame(fresh(), START, END, lq="mean", func=f),
        "klassen_sector (share and lq)": lambda: _klassen_frame(fresh(), START, END, variant="share", also="lq",
                                                                func=f),
        "growth (distribution, LPE, contribution)": lambda: _growth_table(panel, cube, reference="published",
                                                                          start=START),
        "compound_growth": lambda: _compound_growth_frame(
            _with_total(fresh().panel), START, END, f),
    }
    total = _report("all indicators on the shared data", shared)
    print(f"all indicators, one core: {total:.3f} s (target < 0.5 s)")
    t = _best(lambda: sector_tables(data, **kw, **period))
    print(f"sector_tables end to end (the six output tables): {t:.3f} s")

    alone = {
        "location_quotient": lambda: location_quotient(data, years=range(START, END + 1), **kw),
        "slq_dlq": lambda: slq_dlq(data, **kw, **period),
        "shift_share + profile": lambda: shift_share_profile(shift_share(data, **kw, **period)),
        "dynamic_shift_share": lambda: dynamic_shift_share(data, **kw, **period),
        "growth_ratio_overlay": lambda: growth_ratio_overlay(data, **kw, **period),
        "klassen_sector (share)": lambda: klassen_sector(data, **kw, **period),
        "klassen_sector (lq)": lambda: klassen_sector(data, **kw, **period, variant="lq"),
        "annual_growth": lambda: annual_growth(data, regions=list(ref)),
        "compound_growth": lambda: compound_growth(data, regions=list(ref), **period),
        "growth_contribution": lambda: growth_contribution(data, regions=list(ref)),
        "distribution": lambda: distribution(data, regions=list(ref)),
    }
    total = _report("each public function on its own (validating its input)", alone)
    print(f"public functions, sum: {total:.3f} s")

    members = {k: v for k, v in ref.items() if v == f"{PROVINCE}00"}
    one = data[data.region_code.isin(set(members) | {f"{PROVINCE}00"})]
    t = _best(lambda: sector_tables(one, reference_code=f"{PROVINCE}00", regions=list(members), **period))
    print(f"province {PROVINCE} ({len(members)} kab/kota), sector_tables: {t * 1000:.1f} ms")


def _report(title: str, steps: dict) -> float:
    for fn in steps.values():  # warm-up (imports, caches)
        fn()
    print(title)
    total = 0.0
    for name, fn in steps.items():
        best = _best(fn)
        total += best
        print(f"  {name:<42} {best * 1000:8.1f} ms")
    return total


def _best(fn) -> float:
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


if __name__ == "__main__":
    main()
