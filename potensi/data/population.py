"""Choosing one population series, and PDRB per capita computed from it.

``population_kabkota.csv`` holds two population concepts that must not be spliced silently:

=============  ==========  ====================================================================
source         years       what it measures
=============  ==========  ====================================================================
``"bps"``      2013–2017   BPS projection, derived as PDRB ADHB / PDRB per kapita ADHB by the
                           QUARCS data set (``QUARCS_ZENODO_POP_DERIVED``)
``"dukcapil"`` 2018–2023   Dukcapil administrative register by semester
                           (``DUKCAPIL_VIA_PDRBMAP_<year>S<1|2>``; province rows ``_SUMKAB``)
=============  ==========  ====================================================================

Three more BPS series stand alone (never joined to another): ``"bps_2024"`` (kab/kota 2024, the
population BPS divides by for its own 2024 per-capita figures), ``"bps_provinsi_sp2010"``
(provinces 2018–2020, SP2010 projection) and ``"bps_provinsi_supas2025"`` (provinces 2025).

The break lies between 2017 and 2018 (:data:`BREAK_YEAR`). :func:`population_series` returns
one source; a request whose years need the other source is refused unless
``allow_break=True``, in which case each row still says which source it came from
(``population_source``) and which side of the break it lies on (``segment``). Nothing is ever
interpolated: a region-year absent from the chosen source is returned as NaN with a ``reason``.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from potensi.core.wording import POPULATION_CONCEPTS

__all__ = [
    "BREAK_PAIR",
    "BREAK_YEAR",
    "POPULATION_SOURCES",
    "SEMESTER_RULE",
    "covering_source",
    "population_series",
    "per_capita",
    "source_segments",
]

#: First year of the Dukcapil register; years before it come from the BPS-derived series.
BREAK_YEAR = 2018
#: Short source name -> (source_id prefix, concept label, first year, last year).
POPULATION_SOURCES = {
    "bps": ("QUARCS_ZENODO_POP_DERIVED", POPULATION_CONCEPTS["bps"],
            2013, 2017),
    "dukcapil": ("DUKCAPIL_VIA_PDRBMAP_", POPULATION_CONCEPTS["dukcapil"], 2018, 2023),
    "bps_2024": ("BPS_PENDUDUK_2024_", POPULATION_CONCEPTS["bps_2024"], 2024, 2024),
    "bps_provinsi_sp2010": ("BPS_PROYEKSI_SP2010_", POPULATION_CONCEPTS["bps_provinsi_sp2010"], 2018, 2020),
    "bps_provinsi_supas2025": ("BPS_SUPAS2025_", POPULATION_CONCEPTS["bps_provinsi_supas2025"], 2025, 2025),
}
#: The two sources joined at :data:`BREAK_YEAR` when ``allow_break=True``; the others stand alone.
BREAK_PAIR = ("bps", "dukcapil")
#: The 2021 double rows (S1 = 30 June, S2 = 31 December). S1 is preferred because BPS divides
#: PDRB by the mid-year population (penduduk pertengahan tahun); a year with one semester only
#: uses it, and ``period`` reports which was taken.
SEMESTER_RULE = "S1"


def _other(source: str) -> str | None:
    if source not in BREAK_PAIR:
        return None
    return "dukcapil" if source == "bps" else "bps"


def covering_source(start: int, end: int, *, regions: str = "kabkota") -> str:
    """The population source to use by default for the window ``start``–``end``.

    The source that covers ``end`` (per-capita figures are read in the latest covered year), else
    the one covering most years of the window; ties go to the order of :data:`POPULATION_SOURCES`.
    ``regions="kabkota"`` considers the kab/kota sources only (``bps``, ``dukcapil``, ``bps_2024``).

    >>> covering_source(2013, 2017), covering_source(2013, 2022), covering_source(2013, 2024)
    ('bps', 'dukcapil', 'bps_2024')
    """
    names = [n for n in POPULATION_SOURCES if regions != "kabkota" or not n.startswith("bps_provinsi")]
    years = range(int(start), int(end) + 1)

    def covered(name: str) -> int:
        first, last = POPULATION_SOURCES[name][2:]
        return sum(first <= y <= last for y in years)

    at_end = [n for n in names if POPULATION_SOURCES[n][2] <= int(end) <= POPULATION_SOURCES[n][3]]
    if at_end:
        return at_end[0]
    return max(names, key=lambda n: (covered(n), -names.index(n)))


def _source_of_year(year: int) -> str:
    return "bps" if year < BREAK_YEAR else "dukcapil"


def source_segments(years: Iterable[int]) -> dict[str, list[int]]:
    """Split years at the break: ``{"bps": [...<2018], "dukcapil": [...>=2018]}`` (empty lists dropped).

    >>> source_segments(range(2016, 2020))
    {'bps': [2016, 2017], 'dukcapil': [2018, 2019]}
    """
    out: dict[str, list[int]] = {}
    for y in sorted(set(int(y) for y in years)):
        out.setdefault(_source_of_year(y), []).append(y)
    return out


def _rows_of_source(pop: pd.DataFrame, source: str) -> pd.DataFrame:
    prefix = POPULATION_SOURCES[source][0]
    sid = pop["source_id"].astype(str)
    rows = pop[sid.str.startswith(prefix)].copy()
    if "period" not in rows:
        rows["period"] = sid[rows.index].str.extract(r"_\d{4}(S\d)", expand=False).fillna("")
    return rows


def population_series(
    pop: pd.DataFrame,
    *,
    source: str = "dukcapil",
    regions: Iterable[str] | None = None,
    years: Iterable[int] | None = None,
    allow_break: bool = False,
    semester: str = SEMESTER_RULE,
) -> pd.DataFrame:
    """One population series (jiwa) for a set of regions and years, from one named source.

    Parameters
    ----------
    pop
        The population table (``load_table("population")``): ``region_code, year,
        population, source_id`` (``period`` optional).
    source
        ``"dukcapil"`` (register, 2018–2023), ``"bps"`` (BPS-derived, 2013–2017), or one of the
        stand-alone BPS series (``"bps_2024"``, ``"bps_provinsi_sp2010"``, ``"bps_provinsi_supas2025"``).
    regions
        Region codes (kab/kota; provinces use the Dukcapil ``_SUMKAB`` rows). Default: every
        region the source holds.
    years
        Years wanted. Default: the years the source covers.
    allow_break
        If ``years`` reach across the 2017/2018 break, take each year from the source that
        covers it. The output is then labelled per row (``population_source``, ``segment``)
        and ``attrs["crosses_break"]`` is True. Without it such a request is a ValueError.
    semester
        ``"S1"`` (default, 30 June, closest to BPS's mid-year population) or ``"S2"``
        (31 December): which Dukcapil row to take for a year that has both (2021). A year with
        one semester only uses that one; the ``period`` column says which was taken.

    Returns
    -------
    pandas.DataFrame
        ``region_code, year, population, population_source, source_id, period, segment,
        reason``: one row per requested region and year. A region-year the source does not
        hold has ``population`` NaN and ``reason`` "not in source ...": never interpolated.

    Raises
    ------
    ValueError
        Unknown source or semester; years outside the source's coverage (the other side of
        the break) without ``allow_break=True``; years covered by neither source.

    Notes
    -----
    The two sources measure different things (BPS projection vs. registered residents;
    Dukcapil/QUARCS 2018/2017 ratio median 1.05, 0.71–2.8 at the extremes, see
    ``data/extra/SOURCES.md``), so a growth rate or trend computed across the break mixes
    concepts. Cross-sectional indices computed year by year are comparable only within a
    segment.

    Examples
    --------
    >>> pop = pd.DataFrame({"region_code": ["6471", "6471", "6471"], "year": [2017, 2021, 2021],
    ...     "population": [600.0, 700.0, 710.0],
    ...     "source_id": ["QUARCS_ZENODO_POP_DERIVED", "DUKCAPIL_VIA_PDRBMAP_2021S1",
    ...                   "DUKCAPIL_VIA_PDRBMAP_2021S2"]})
    >>> population_series(pop, source="dukcapil", years=[2021])[["year", "population", "period"]]
       year  population period
    0  2021       700.0     S1
    """
    func = "population_series"
    if source not in POPULATION_SOURCES:
        raise ValueError(f"{func}: argument source={source!r} is unknown; expected one of {list(POPULATION_SOURCES)}")
    if semester not in ("S1", "S2"):
        raise ValueError(f"{func}: argument semester={semester!r} is unknown; expected 'S1' or 'S2'")
    missing_cols = [c for c in ("region_code", "year", "population", "source_id") if c not in pop.columns]
    if missing_cols:
        raise ValueError(f"{func}: argument pop lacks column(s) {missing_cols}; available: {list(pop.columns)}")
    first, last = POPULATION_SOURCES[source][2:]
    years = list(range(first, last + 1)) if years is None else sorted({int(y) for y in years})
    outside = [y for y in years if not first <= y <= last]
    if outside:
        other = _other(source)
        if other is None:
            raise ValueError(f"{func}: argument years: {outside} lie outside source {source!r} ({first}–{last}), "
                             f"which is never joined to another source; expected years within {first}–{last}")
        o_first, o_last = POPULATION_SOURCES[other][2:]
        uncovered = [y for y in outside if not o_first <= y <= o_last]
        if uncovered:
            raise ValueError(f"{func}: argument years: {uncovered} are covered by no population source; "
                             f"expected years within {POPULATION_SOURCES['bps'][2]}–{POPULATION_SOURCES['dukcapil'][3]}")
        if not allow_break:
            raise ValueError(
                f"{func}: argument years: {outside} lie outside source {source!r} ({first}–{last}) and would cross "
                f"the {BREAK_YEAR - 1}/{BREAK_YEAR} break into {other!r} ({POPULATION_SOURCES[other][1]}), which "
                f"measures a different concept; expected years within {first}–{last}, or allow_break=True "
                "for a per-row labelled series"
            )
    by_source = {s: [y for y in years if POPULATION_SOURCES[s][2] <= y <= POPULATION_SOURCES[s][3]]
                 for s in (BREAK_PAIR if source in BREAK_PAIR else (source,))}
    by_source[source] = [y for y in years if first <= y <= last]
    frames = []
    for src, ys in by_source.items():
        if not ys or (src != source and not allow_break):
            continue
        rows = _rows_of_source(pop, src)
        rows = rows[rows["year"].isin(ys)]
        # semester rule: the preferred semester first, then the other one
        rank = np.where(rows["period"].astype(str) == semester, 0, 1)
        rows = (rows.assign(_rank=rank).sort_values(["region_code", "year", "_rank"], kind="stable")
                .drop_duplicates(["region_code", "year"]))
        wanted_regions = sorted(set(rows["region_code"])) if regions is None else [str(r) for r in regions]
        grid = pd.MultiIndex.from_product([wanted_regions, ys], names=["region_code", "year"]).to_frame(index=False)
        grid["region_code"] = grid["region_code"].astype(pop["region_code"].dtype)
        got = grid.merge(rows[["region_code", "year", "population", "source_id", "period"]],
                         on=["region_code", "year"], how="left")
        got["population_source"] = src
        got["reason"] = np.where(got["population"].isna(),
                                 f"not in source {src!r} ({POPULATION_SOURCES[src][0]}...)", "")
        frames.append(got)
    out = pd.concat(frames, ignore_index=True)
    out["source_id"] = out["source_id"].fillna("").astype(str)
    out["period"] = out["period"].fillna("").astype(str)
    out["segment"] = np.where(out["year"] < BREAK_YEAR, f"<{BREAK_YEAR}", f">={BREAK_YEAR}")
    out = out[["region_code", "year", "population", "population_source", "source_id", "period", "segment", "reason"]]
    out = out.sort_values(["region_code", "year"]).reset_index(drop=True)
    out["year"] = out["year"].astype("int64")
    out.attrs["crosses_break"] = out["population_source"].nunique() > 1
    return out


def per_capita(
    totals: pd.DataFrame,
    population: pd.DataFrame,
    *,
    region: str = "region_code",
    year: str = "year",
    value: str = "value",
    pop: str = "population",
) -> pd.DataFrame:
    """PDRB per capita (juta rupiah per jiwa) of each region-year.

    Parameters
    ----------
    totals
        Total PDRB per region and year, miliar rupiah (one row per region-year: a ``TOTAL``
        row or the sum of the 17 sectors).
    population
        Output of :func:`population_series` (its ``population_source`` is carried over).

    Returns
    -------
    pandas.DataFrame
        ``region_code, year, pdrb, population, per_capita, population_source, reason``;
        per capita is NaN with a reason when the population is missing or zero.

    Notes
    -----
    .. math:: y_i = 1000 \\, Y_i / P_i

    with :math:`Y_i` in miliar rupiah and :math:`P_i` in jiwa (PDRB per kapita). The per capita
    of an aggregate is :math:`\\sum Y / \\sum P`, never a mean of per-capita values.

    Examples
    --------
    >>> t = pd.DataFrame({"region_code": ["a"], "year": [2020], "value": [20.0]})
    >>> p = pd.DataFrame({"region_code": ["a"], "year": [2020], "population": [400.0]})
    >>> float(per_capita(t, p)["per_capita"].iloc[0])   # 1000 * 20 / 400
    50.0
    """
    for col, arg in ((region, "region"), (year, "year"), (value, "value")):
        if col not in totals.columns:
            raise ValueError(f"per_capita: column {col!r} (argument {arg}=) not found in totals; "
                             f"available: {list(totals.columns)}")
    if pop not in population.columns:
        raise ValueError(f"per_capita: column {pop!r} (argument pop=) not found in population; "
                         f"available: {list(population.columns)}")
    keep = [c for c in (region, year, pop, "population_source", "reason") if c in population.columns]
    p = population[keep].rename(columns={region: "region_code", year: "year", pop: "population",
                                         "reason": "_pop_reason"})
    t = totals[[region, year, value]].rename(columns={region: "region_code", year: "year", value: "pdrb"})
    out = t.merge(p, on=["region_code", "year"], how="left")
    if "population_source" not in out:
        out["population_source"] = ""
    popn = out["population"].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        pc = np.where(popn > 0, 1000.0 * out["pdrb"].to_numpy(dtype=float) / popn, np.nan)
    out["per_capita"] = pc
    reason = np.where(np.isnan(popn), "population missing",
                      np.where(popn <= 0, "population zero", np.where(np.isnan(pc), "PDRB missing", "")))
    if "_pop_reason" in out:
        prior = out["_pop_reason"].fillna("").astype(str).to_numpy()
        reason = np.where((prior != "") & np.isnan(pc), prior, reason)
        out = out.drop(columns="_pop_reason")
    out["reason"] = reason
    out["population_source"] = out["population_source"].fillna("").astype(str)
    return out[["region_code", "year", "pdrb", "population", "per_capita", "population_source", "reason"]]
