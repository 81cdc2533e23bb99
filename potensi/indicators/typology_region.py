"""Klassen typology of regions (*tipologi Klassen daerah*): per-capita PDRB × growth.

Each region is compared with its reference (a kab/kota with its province, a province with
Indonesia) on two axes: PDRB per capita :math:`y_i` against :math:`y`, and the average annual
growth of PDRB at constant prices :math:`r_i` against :math:`r`:

========  ====================  ====================  =============================================
quadrant  per capita            growth                label (:data:`KLASSEN_REGION_LABELS`)
========  ====================  ====================  =============================================
I         :math:`y_i \\ge y`    :math:`r_i \\ge r`    daerah cepat maju dan cepat tumbuh
II        :math:`y_i \\ge y`    :math:`r_i < r`       daerah maju tapi tertekan
III       :math:`y_i < y`       :math:`r_i \\ge r`    daerah berkembang cepat
IV        :math:`y_i < y`       :math:`r_i < r`       daerah relatif tertinggal
========  ====================  ====================  =============================================

Ties go to the upper side (documented choice: equality is "not below").

A region within ±5 % of a threshold (:data:`KNIFE_EDGE_MARGIN`: per capita within 5 % of the
reference per capita, or growth within 5 % of the reference growth, relative to :math:`|r|`)
is flagged ``knife_edge``: a small revision of PDRB or population could move it to the next
quadrant (Paser, Kalimantan Timur 2013–2020, is *relatif tertinggal* on a margin of 0.09 %).

References
----------
Klassen, L. H. (1965). *Area Economic and Social Redevelopment*. Paris: OECD. Sjafrizal (1997).
Pertumbuhan ekonomi dan ketimpangan regional wilayah Indonesia bagian barat. *Prisma* 3,
27–38.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from potensi.core.validate import require_columns
from potensi.data.population import per_capita as _per_capita

__all__ = [
    "KNIFE_EDGE_MARGIN",
    "KLASSEN_REGION_LABELS",
    "klassen_region",
    "klassen_region_from_pdrb",
    "regional_growth",
]

KLASSEN_REGION_LABELS = pd.CategoricalDtype(
    [
        "daerah cepat maju dan cepat tumbuh",
        "daerah maju tapi tertekan",
        "daerah berkembang cepat",
        "daerah relatif tertinggal",
    ],
    ordered=True,
)
AGGREGATE = "aggregate"
#: Relative distance to a threshold under which a classification is flagged ``knife_edge``.
KNIFE_EDGE_MARGIN = 0.05



def regional_growth(
    totals: pd.DataFrame,
    *,
    start: int,
    end: int,
    method: str = "compound",
    region: str = "region_code",
    year: str = "year",
    value: str = "value",
) -> pd.DataFrame:
    """Average annual growth of PDRB at constant prices (*laju pertumbuhan ekonomi*), % per year.

    Parameters
    ----------
    totals
        One row per region-year with total PDRB ADHK (miliar rupiah).
    method
        ``"compound"`` (default): :math:`r = 100 [(Y_{end}/Y_{start})^{1/(end-start)} - 1]`;
        ``"mean"``: the mean of the annual rates :math:`100 (Y_t / Y_{t-1} - 1)`, which needs
        every year in between.

    Returns
    -------
    pandas.DataFrame
        ``region_code, start_year, end_year, growth, reason`` (NaN with a reason when a year is
        missing or the start value is 0).

    Examples
    --------
    100 → 121 over two years: :math:`(121/100)^{1/2} - 1 = 10\\%`.

    >>> t = pd.DataFrame({"region_code": ["a"] * 3, "year": [2010, 2011, 2012], "value": [100.0, 105.0, 121.0]})
    >>> round(float(regional_growth(t, start=2010, end=2012)["growth"].iloc[0]), 6)
    10.0
    """
    func = "regional_growth"
    require_columns(totals, func, {region: "region", year: "year", value: "value"}, argument="totals")
    if not int(end) > int(start):
        raise ValueError(f"{func}: arguments start={start}, end={end}: end must be after start")
    if method not in ("compound", "mean"):
        raise ValueError(f"{func}: argument method={method!r} is unknown; expected 'compound' or 'mean'")
    wide = totals.pivot_table(index=region, columns=year, values=value, aggfunc="sum", sort=True)
    wide = wide.reindex(columns=range(int(start), int(end) + 1))
    y0, y1 = wide[int(start)].to_numpy(dtype=float), wide[int(end)].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        if method == "compound":
            g = 100 * ((y1 / y0) ** (1 / (int(end) - int(start))) - 1)
            gap = np.isnan(y0) | np.isnan(y1)
        else:
            arr = wide.to_numpy(dtype=float)
            g = 100 * np.mean(arr[:, 1:] / arr[:, :-1] - 1, axis=1)
            gap = np.isnan(arr).any(axis=1)
    reason = np.where(gap, f"undefined: PDRB missing in a year of {start}–{end}",
                      np.where(y0 <= 0, f"undefined: PDRB {start} is 0", ""))
    g = np.where(reason == "", g, np.nan)
    return pd.DataFrame({"region_code": wide.index.to_numpy(), "start_year": int(start), "end_year": int(end),
                         "growth": g, "reason": reason})


def klassen_region(
    indicators: pd.DataFrame,
    *,
    reference: str,
    per_capita: str = "per_capita",
    growth: str = "growth",
    region: str = "region_code",
    margin: float = KNIFE_EDGE_MARGIN,
) -> pd.DataFrame:
    """Klassen quadrant of each region against the ``reference`` row of the same table.

    Parameters
    ----------
    indicators
        One row per region (reference included) with per-capita PDRB and growth.
    reference
        Region code of the reference row (the province, or ``"0000"`` Indonesia).
    margin
        Relative distance to a threshold under which ``knife_edge`` is True (default
        :data:`KNIFE_EDGE_MARGIN` = 0.05, i.e. ±5 %).

    Returns
    -------
    pandas.DataFrame
        The rows other than the reference, with ``reference_code, reference_per_capita,
        reference_growth, quadrant`` (1–4, Int64), ``klassen`` (ordered categorical
        :data:`KLASSEN_REGION_LABELS`), ``per_capita_margin_pct`` (:math:`100 (y_i/y - 1)`),
        ``growth_margin_pp`` (:math:`r_i - r`, percentage points) and ``knife_edge`` added;
        NaN input gives a missing label and a ``reason``.

    Notes
    -----
    .. math:: \\text{quadrant} = 1 + 2 \\cdot [y_i < y] + [r_i < r]

    ``knife_edge`` = :math:`|y_i / y - 1| < m` or :math:`|r_i - r| < m |r|` with
    :math:`m` = ``margin``: the class would change with a move of less than 5 % of the
    threshold on either axis. False where the class is missing.

    Examples
    --------
    >>> d = pd.DataFrame({"region_code": ["P", "a", "b"], "per_capita": [50.0, 80.0, 20.0],
    ...                   "growth": [5.0, 4.0, 6.0]})
    >>> klassen_region(d, reference="P")["klassen"].tolist()
    ['daerah maju tapi tertekan', 'daerah berkembang cepat']
    """
    func = "klassen_region"
    require_columns(indicators, func, {region: "region", per_capita: "per_capita", growth: "growth"}, argument="indicators")
    ref = indicators[indicators[region] == reference]
    if len(ref) != 1:
        raise ValueError(f"{func}: argument reference={reference!r}: {len(ref)} rows with that code in indicators; "
                         "expected exactly one")
    y, r = float(ref[per_capita].iloc[0]), float(ref[growth].iloc[0])
    out = indicators[indicators[region] != reference].copy()
    yi, ri = out[per_capita].to_numpy(dtype=float), out[growth].to_numpy(dtype=float)
    valid = ~(np.isnan(yi) | np.isnan(ri) | np.isnan(y) | np.isnan(r))
    quadrant = 1 + 2 * (yi < y) + (ri < r)
    out["reference_code"] = reference
    out["reference_per_capita"] = y
    out["reference_growth"] = r
    out["quadrant"] = pd.array(np.where(valid, quadrant, 0), dtype="Int64")
    out.loc[~valid, "quadrant"] = pd.NA
    out["klassen"] = pd.Categorical.from_codes(np.where(valid, quadrant - 1, -1), dtype=KLASSEN_REGION_LABELS)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["per_capita_margin_pct"] = 100 * (yi / y - 1)
    out["growth_margin_pp"] = ri - r
    out["knife_edge"] = valid & ((np.abs(yi / y - 1) < margin) | (np.abs(ri - r) < margin * abs(r)))
    note = np.where(np.isnan(y) | np.isnan(r), f"unclassified: reference {reference} lacks per capita or growth",
                    "unclassified: per capita or growth missing")
    prior = out["reason"].fillna("").astype(str).to_numpy() if "reason" in out else np.full(len(out), "")
    out["reason"] = np.where(valid, prior, np.where(prior != "", prior, note))
    return out.reset_index(drop=True)


def klassen_region_from_pdrb(
    totals: pd.DataFrame,
    population: pd.DataFrame,
    *,
    start: int,
    end: int,
    reference: str = AGGREGATE,
    per_capita_year: int | None = None,
    method: str = "compound",
    region: str = "region_code",
    year: str = "year",
    value: str = "value",
    margin: float = KNIFE_EDGE_MARGIN,
) -> pd.DataFrame:
    """Regional Klassen typology from total PDRB ADHK and a population series.

    Parameters
    ----------
    totals
        Total PDRB at constant prices, one row per region-year (members, and the reference
        region when ``reference`` is a code).
    population
        :func:`potensi.data.population.population_series` output (one source: its
        ``population_source`` is carried to the output).
    reference
        ``"aggregate"`` (default): the members together, per capita
        :math:`\\sum Y_i / \\sum P_i` and growth of :math:`\\sum Y_i`; or a region code present
        in ``totals`` and ``population``.
    per_capita_year
        Year of the per-capita axis (default ``end``).

    Returns
    -------
    pandas.DataFrame
        ``region_code, start_year, end_year, per_capita_year, per_capita`` (juta rupiah per
        jiwa), ``growth`` (% per year), ``population_source, reference_code,
        reference_per_capita, reference_growth, quadrant, klassen, reason,
        per_capita_margin_pct, growth_margin_pp, knife_edge`` (see :func:`klassen_region`;
        ``margin`` as there).

    Notes
    -----
    Growth is computed on PDRB (not per capita), so the population break between 2017 and
    2018 never enters it; per capita uses one year and one population source.

    Examples
    --------
    >>> t = pd.DataFrame({"region_code": ["a", "a", "b", "b"], "year": [2018, 2020] * 2,
    ...                   "value": [10.0, 12.1, 30.0, 31.0]})
    >>> p = pd.DataFrame({"region_code": ["a", "b"], "year": [2020, 2020], "population": [100.0, 100.0],
    ...                   "population_source": "dukcapil"})
    >>> out = klassen_region_from_pdrb(t, p, start=2018, end=2020)
    >>> out[["region_code", "klassen"]].values.tolist()
    [['b', 'daerah maju tapi tertekan'], ['a', 'daerah berkembang cepat']]
    """
    func = "klassen_region_from_pdrb"
    require_columns(totals, func, {region: "region", year: "year", value: "value"}, argument="totals")
    pcy = int(end if per_capita_year is None else per_capita_year)
    t = totals[[region, year, value]].rename(columns={region: "region_code", year: "year", value: "value"})
    pop = population[population["year"] == pcy]
    if pop.empty:
        raise ValueError(f"{func}: argument population has no rows for per_capita_year={pcy}; "
                         f"expected population of that year")
    if reference == AGGREGATE:
        members = sorted(set(t["region_code"]))
        pc_rows = _per_capita(t[t["year"] == pcy], pop)
        ok = pc_rows["per_capita"].notna()
        ref_pc = 1000 * pc_rows.loc[ok, "pdrb"].sum() / pc_rows.loc[ok, "population"].sum() if ok.any() else np.nan
        agg = t.groupby("year", as_index=False)["value"].sum(min_count=len(members))
        agg["region_code"] = AGGREGATE
        ref_growth = regional_growth(agg, start=start, end=end, method=method)
        ref_row = pd.DataFrame({"region_code": [AGGREGATE], "per_capita": [ref_pc],
                                "growth": ref_growth["growth"].to_numpy()})
        ref_note = "" if ok.all() else f"reference per capita over {int(ok.sum())} of {len(ok)} regions with population"
    else:
        if reference not in set(t["region_code"]):
            raise ValueError(f"{func}: argument reference={reference!r}: not found in totals; "
                             f"expected a region code of totals or {AGGREGATE!r}")
        ref_row, ref_note = None, ""
    pc = _per_capita(t[t["year"] == pcy], pop)
    gr = regional_growth(t, start=start, end=end, method=method)
    ind = gr.merge(pc[["region_code", "per_capita", "population_source", "reason"]], on="region_code", how="left",
                   suffixes=("", "_pc"))
    ind["reason"] = np.where(ind["reason"] != "", ind["reason"], ind["reason_pc"].fillna("per capita missing"))
    ind = ind.drop(columns="reason_pc")
    if ref_row is not None:
        ind = pd.concat([ind, ref_row], ignore_index=True)
    out = klassen_region(ind, reference=reference, margin=margin)
    out["per_capita_year"] = pcy
    out["start_year"], out["end_year"] = int(start), int(end)
    if ref_note:
        out["reason"] = np.where(out["reason"] != "", out["reason"] + "; " + ref_note, ref_note)
    out["population_source"] = out["population_source"].fillna("").astype(str)
    cols = ["region_code", "start_year", "end_year", "per_capita_year", "per_capita", "growth", "population_source",
            "reference_code", "reference_per_capita", "reference_growth", "quadrant", "klassen", "reason",
            "per_capita_margin_pct", "growth_margin_pp", "knife_edge"]
    return out[cols].sort_values(["klassen", "region_code"]).reset_index(drop=True)
