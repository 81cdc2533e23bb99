"""The dimensions of sector potential (*potensi sektor*), side by side.

Position (the period-mean LQ), competitiveness (PPW, DLQ), size (*materialitas*: shares of the
region's PDRB and of the province's sector, ADHK and ADHB), tradability (:data:`LOCAL_SERVICE_SECTORS`)
and, where an input-output table exists, linkages. :mod:`potensi.conclusions.sector_potential`
classifies them.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable

import numpy as np
import pandas as pd

from potensi.core.validate import TOTAL_CODE, check_frame

__all__ = ["LOCAL_SERVICE_SECTORS", "NEVER_LEADING_SECTORS", "sector_dimensions"]


#: Sectors that never lead: government administration (O) is always *layanan lokal*, whatever
#: list is passed as ``local_services``.
NEVER_LEADING_SECTORS: tuple[str, ...] = ("O",)

#: Sectors that mostly serve local demand (*layanan lokal*, non-basic activities): electricity and
#: gas (D), water and waste (E), construction (F), real estate (L), government administration (O),
#: education (P), health (Q) and other services (RSTU, BPS's single line for R+S+T+U).
#:
#: The list is **potensi's own choice**. It follows the economic-base (basic / non-basic) view
#: that a region grows on what it sells outside (North 1955; Tiebout 1956) and that utilities,
#: housing, public administration and personal, health and education services mainly serve the
#: resident population (the non-basic side); the same split of tradable and non-tradable
#: activities is used by Moretti (2010), and Jensen & Kletzer (2005) find these services the least
#: geographically concentrated (least traded). An LQ above 1 in these sectors usually marks a
#: central place (a capital, a hospital town), which the cooperation analysis treats as a
#: candidate for shared services, not a sector that leads the economy. Trade (G), transport (H),
#: accommodation (I), information (J), finance (K) and business services (MN) are kept tradable:
#: they can serve demand from outside (hubs, tourism). Construction (F) builds where it stands and
#: is non-tradable in Moretti (2010); a construction boom (e.g. the new capital IKN in Penajam
#: Paser Utara, 2022) is investment demand, not an export, so F is *layanan lokal* here.
#:
#: References: North, D. C. (1955). Location theory and regional economic growth. *Journal of
#: Political Economy* 63(3), 243-258. Tiebout, C. M. (1956). Exports and regional economic growth.
#: *Journal of Political Economy* 64(2), 160-164. Jensen, J. B. & Kletzer, L. G. (2005). Tradable
#: services: understanding the scope and impact of services offshoring. *Brookings Trade Forum*
#: 2005, 75-133. Moretti, E. (2010). Local multipliers. *American Economic Review* 100(2), 373-377.
LOCAL_SERVICE_SECTORS: tuple[str, ...] = ("D", "E", "F", "L", "O", "P", "Q", "RSTU")

_KEY = ["region_code", "sector_code"]
_DIMENSION_COLUMNS = [
    "region_code", "sector_code", "start_year", "end_year",
    "lq", "lq_end", "competitive_effect", "competitive_effect_pct", "dlq",
    "value_start", "value_end", "share_region_pct", "share_province_sector_pct", "share_adhb_pct",
    "tradable", "backward_linkage", "forward_linkage", "key_sector", "reason",
]



# --------------------------------------------------------------------------------------------
# validation helpers


def _need(table: object, func: str, argument: str, columns: Iterable[str]) -> pd.DataFrame:
    check_frame(table, func, argument)
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(f"{func}: argument {argument} lacks column(s) {missing}; available: {list(table.columns)}")
    return table


def _codes(series: pd.Series) -> pd.Series:
    return series.astype(str)


def _one_period(table: pd.DataFrame, func: str, argument: str, start: int | None, end: int | None) -> pd.DataFrame:
    t = table
    if start is not None:
        t = t[t["start_year"] == start]
    if end is not None:
        t = t[t["end_year"] == end]
    periods = sorted({(int(a), int(b)) for a, b in zip(t["start_year"], t["end_year"])})
    if not periods:
        have = sorted({(int(a), int(b)) for a, b in zip(table["start_year"], table["end_year"])})
        raise ValueError(f"{func}: argument {argument} has no rows for start={start}, end={end}; "
                         f"periods available: {have}")
    if len(periods) > 1:
        raise ValueError(f"{func}: argument {argument} holds several periods {periods}; expected one "
                         "(pass start= and end=)")
    t = t.assign(region_code=_codes(t["region_code"]), sector_code=_codes(t["sector_code"]))
    dup = t[t.duplicated(_KEY, keep=False)]
    if not dup.empty:
        pairs = sorted(set(zip(dup["region_code"], dup["sector_code"])))[:5]
        raise ValueError(f"{func}: argument {argument} has several rows for (region_code, sector_code) {pairs}")
    return t


def _reasons(*columns: pd.Series) -> pd.Series:
    """Join the non-empty reasons of several aligned columns with '; '."""
    parts = [c.fillna("").astype(str).to_numpy(dtype=object) for c in columns]
    joined = ["; ".join(dict.fromkeys(p for p in row if p)) for row in zip(*parts)]
    return pd.Series(joined, index=columns[0].index, dtype=object)


def _ratio_pct(num: pd.Series, den: pd.Series, out: pd.DataFrame, func: str, what: str,
               reason: list[str]) -> pd.Series:
    """100 num / den; NaN with a warning naming region and sector where den is 0."""
    num, den = num.astype(float), den.astype(float)
    zero = (den == 0).to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        res = 100 * num / den.where(~zero)
    if zero.any():
        cells = [f"{r}/{s}" for r, s in zip(out.loc[zero, "region_code"], out.loc[zero, "sector_code"])]
        warnings.warn(f"{func}: {what} has a zero denominator for region/sector {cells[:10]}"
                      f"{' ...' if len(cells) > 10 else ''}; set to NaN", RuntimeWarning, stacklevel=3)
        for i in np.flatnonzero(zero):
            reason[i] = "; ".join(filter(None, [reason[i], f"{what}: zero denominator"]))
    return res


# --------------------------------------------------------------------------------------------
# dimensions


def sector_dimensions(
    growth: pd.DataFrame,
    lq: pd.DataFrame,
    dlq: pd.DataFrame,
    shift_share: pd.DataFrame,
    *,
    start: int | None = None,
    end: int | None = None,
    province_code: str | None = None,
    adhb: pd.DataFrame | None = None,
    linkages: pd.DataFrame | None = None,
    local_services: Iterable[str] = LOCAL_SERVICE_SECTORS,
) -> pd.DataFrame:
    """The dimensions of sector potential, side by side, one row per region and sector.

    Parameters
    ----------
    growth, lq, dlq, shift_share
        The tables of the same names from :func:`potensi.sector_tables` (one study, one price
        basis): ``growth`` needs ``region_code, sector_code, year, value`` (``"TOTAL"`` rows are
        ignored: totals are recomputed as the sum of the sectors present, so a *tanpa
        pertambangan* run gives shares of the PDRB without mining); ``lq`` needs ``region_code,
        sector_code, year, lq``; ``dlq`` and ``shift_share`` need ``region_code, sector_code,
        start_year, end_year`` and ``dlq`` / ``competitive_effect``. A ``reason`` column, where
        present, is carried into ``reason``.
    start, end
        The period; default the single period of ``shift_share``.
    province_code
        The province whose sector totals give ``share_province_sector_pct`` (its published rows in
        ``growth``; without them, the sum of the study regions). Default: the single
        ``reference_code`` of ``shift_share``.
    adhb
        Optional tidy PDRB at current prices (``region_code, sector_code, year, value``; a
        ``price_basis`` column, if present, must say ``"ADHB"``) for ``share_adhb_pct``; regions
        without ADHB rows for ``end`` get NaN.
    linkages
        Optional input-output linkages (``sector_code, backward_linkage, forward_linkage,
        key_sector``; with ``region_code`` too when they differ by region). Absent: NaN / ``<NA>``.
    local_services
        Sector codes that mostly serve local demand (default :data:`LOCAL_SERVICE_SECTORS`);
        :data:`NEVER_LEADING_SECTORS` are always added.

    Returns
    -------
    pandas.DataFrame
        ``region_code, sector_code, start_year, end_year, lq, lq_end, competitive_effect,
        competitive_effect_pct, dlq, value_start, value_end, share_region_pct,
        share_province_sector_pct, share_adhb_pct, tradable, backward_linkage, forward_linkage,
        key_sector, reason``, one row per region and sector of ``shift_share``, sorted by region
        and sector. Values in miliar rupiah; ``_pct`` in percent.

    Raises
    ------
    ValueError
        A missing column, several periods without ``start``/``end``, an LQ table that lacks a
        year of the period, an unknown province.

    Warns
    -----
    RuntimeWarning
        A zero start-year value (``competitive_effect_pct``), a zero regional total
        (``share_region_pct``) or a zero provincial sector (``share_province_sector_pct``): the
        value is NaN and ``reason`` says why.

    Notes
    -----
    .. math::

        LQ_{ij} = \\frac{1}{T}\\sum_{t=t_0}^{t_1} LQ_{ijt}, \\qquad
        PPW\\% = 100\\,\\frac{PPW_{ij}}{E_{ij,t_0}}, \\qquad
        \\text{share}_{ij} = 100\\,\\frac{E_{ij,t_1}}{\\sum_k E_{ik,t_1}}, \\qquad
        \\text{share}^{prov}_{ij} = 100\\,\\frac{E_{ij,t_1}}{E_{P j,t_1}}

    The mean LQ (*SLQ*) is a period average of yearly LQ; ``lq_end`` is the end-year LQ. A year
    with a missing LQ makes the mean NaN (never a mean over fewer years). ``dlq`` above 1 means
    the sector's **share** of the region's economy rose relative to the same share in the
    reference (it divides by the region's own total growth); it is not "growing faster".

    Examples
    --------
    Region ``a`` has sectors x (30 -> 36) and y (10 -> 12) in 2019 -> 2020, the province ``P``
    x (40 -> 44) and y (60 -> 66). PPW(a, x) = 36 - 30 * 44/40 = 3 (10 % of 30); share of a's
    PDRB 36/48 = 75 %; share of the province's x 36/44 = 81.8 %; LQ(a, x) = 0.75/0.4 = 1.875 in
    both years.

    >>> g = pd.DataFrame({"region_code": ["a"] * 4 + ["P"] * 4, "sector_code": ["x", "y"] * 4,
    ...                   "year": [2019, 2019, 2020, 2020] * 2,
    ...                   "value": [30, 10, 36, 12, 40, 60, 44, 66]})
    >>> q = pd.DataFrame({"region_code": "a", "sector_code": ["x", "y", "x", "y"],
    ...                   "year": [2019, 2019, 2020, 2020], "lq": [1.875, 0.4167, 1.875, 0.4167]})
    >>> period = {"region_code": "a", "sector_code": ["x", "y"], "start_year": 2019, "end_year": 2020}
    >>> d = pd.DataFrame(period | {"dlq": [1.0, 1.0]})
    >>> s = pd.DataFrame(period | {"competitive_effect": [3.0, 1.0], "reference_code": "P"})
    >>> out = sector_dimensions(g, q, d, s)
    >>> out[["sector_code", "competitive_effect_pct", "share_region_pct"]].round(1).values.tolist()
    [['x', 10.0, 75.0], ['y', 10.0, 25.0]]
    >>> round(float(out.loc[0, "share_province_sector_pct"]), 1), bool(out.loc[0, "tradable"])
    (81.8, True)
    """
    func = "sector_dimensions"
    _need(growth, func, "growth", ["region_code", "sector_code", "year", "value"])
    _need(lq, func, "lq", ["region_code", "sector_code", "year", "lq"])
    _need(dlq, func, "dlq", [*_KEY, "start_year", "end_year", "dlq"])
    _need(shift_share, func, "shift_share", [*_KEY, "start_year", "end_year", "competitive_effect"])
    if isinstance(local_services, str):
        raise TypeError(f"{func}: argument local_services= must be a collection of sector codes; "
                        f"got the string {local_services!r}")
    local = set(map(str, local_services)) | set(NEVER_LEADING_SECTORS)

    ss = _one_period(shift_share, func, "shift_share", start, end)
    start, end = int(ss["start_year"].iloc[0]), int(ss["end_year"].iloc[0])
    d = _one_period(dlq, func, "dlq", start, end)

    if province_code is None:
        refs = sorted(set(ss["reference_code"].astype(str))) if "reference_code" in ss.columns else []
        if len(refs) != 1:
            raise ValueError(f"{func}: argument province_code= is needed: shift_share has reference codes "
                             f"{refs or 'none (no reference_code column)'}; expected exactly one")
        province_code = refs[0]
    province_code = str(province_code)

    out = ss[[*_KEY, "start_year", "end_year", "competitive_effect"]].copy()
    out["start_year"], out["end_year"] = start, end
    reason_cols = [ss["reason"].reset_index(drop=True)] if "reason" in ss.columns else []

    # position: period-mean LQ and end-year LQ
    q = lq.assign(region_code=_codes(lq["region_code"]), sector_code=_codes(lq["sector_code"]))
    q = q[(q["year"] >= start) & (q["year"] <= end)]
    lacking = sorted(set(range(start, end + 1)) - set(q["year"].astype(int)))
    if lacking:
        raise ValueError(f"{func}: argument lq has no rows for year(s) {lacking} of the period {start}-{end}; "
                         "the mean LQ needs every year")
    mean = q.groupby(_KEY, sort=False)["lq"].agg(lambda v: v.mean(skipna=False) if len(v) == end - start + 1
                                                 else np.nan).rename("lq")
    last = q[q["year"] == end].set_index(_KEY)["lq"].rename("lq_end")
    out = out.reset_index(drop=True)
    out = out.join(mean, on=_KEY).join(last, on=_KEY)
    d_cols = d[[*_KEY, "dlq"] + (["reason"] if "reason" in d.columns else [])].rename(columns={"reason": "_r_dlq"})
    out = out.merge(d_cols, on=_KEY, how="left")
    if "_r_dlq" in out.columns:
        reason_cols.append(out.pop("_r_dlq"))

    # size: values in the start and end years, shares
    g = growth.assign(region_code=_codes(growth["region_code"]), sector_code=_codes(growth["sector_code"]))
    g = g[(g["sector_code"] != TOTAL_CODE) & g["year"].isin([start, end])]
    values = g.pivot_table(index=_KEY, columns="year", values="value", aggfunc="sum", dropna=False)
    for year in (start, end):
        if year not in values.columns:
            raise ValueError(f"{func}: argument growth has no rows for year {year}; "
                             f"years available: {sorted(set(growth['year']))}")
    out = out.join(values[start].rename("value_start"), on=_KEY).join(values[end].rename("value_end"), on=_KEY)
    reason = list(_reasons(*reason_cols)) if reason_cols else [""] * len(out)
    region_total = g[g["year"] == end].groupby("region_code")["value"].sum(min_count=1)
    prov = g[(g["year"] == end) & (g["region_code"] == province_code)].set_index("sector_code")["value"]
    if prov.empty:
        study = set(out["region_code"])
        if province_code in study:
            raise ValueError(f"{func}: argument province_code={province_code!r} is a study region; "
                             "expected the province")
        prov = g[(g["year"] == end) & g["region_code"].isin(study)].groupby("sector_code")["value"].sum(min_count=1)
    out["competitive_effect_pct"] = _ratio_pct(out["competitive_effect"], out["value_start"], out, func,
                                               "competitive_effect_pct (start-year value)", reason)
    out["share_region_pct"] = _ratio_pct(out["value_end"], out["region_code"].map(region_total), out, func,
                                         "share_region_pct (regional total)", reason)
    out["share_province_sector_pct"] = _ratio_pct(out["value_end"], out["sector_code"].map(prov), out, func,
                                                  "share_province_sector_pct (provincial sector)", reason)

    # ADHB share, where ADHB data exist
    out["share_adhb_pct"] = np.nan
    if adhb is not None:
        _need(adhb, func, "adhb", ["region_code", "sector_code", "year", "value"])
        a = adhb
        if "price_basis" in a.columns:
            other = sorted(set(a["price_basis"].astype(str)) - {"ADHB"})
            if other:
                raise ValueError(f"{func}: argument adhb has price_basis {other}; expected only 'ADHB'")
        a = a.assign(region_code=_codes(a["region_code"]), sector_code=_codes(a["sector_code"]))
        a = a[(a["year"] == end) & (a["sector_code"] != TOTAL_CODE)]
        a_val = a.groupby(_KEY)["value"].sum(min_count=1)
        a_tot = a.groupby("region_code")["value"].sum(min_count=1)
        num = out.join(a_val.rename("_a"), on=_KEY)["_a"]
        den = out["region_code"].map(a_tot)
        with np.errstate(divide="ignore", invalid="ignore"):
            out["share_adhb_pct"] = (100 * num / den.where(den != 0)).astype(float)

    # tradability
    out["tradable"] = ~out["sector_code"].isin(local)

    # linkages (pluggable: the input-output module supplies them)
    out["backward_linkage"] = np.nan
    out["forward_linkage"] = np.nan
    out["key_sector"] = pd.array([pd.NA] * len(out), dtype="boolean")
    if linkages is not None:
        cols = ["sector_code", "backward_linkage", "forward_linkage", "key_sector"]
        _need(linkages, func, "linkages", cols)
        on = ["region_code", "sector_code"] if "region_code" in linkages.columns else ["sector_code"]
        link = linkages[list(dict.fromkeys(on + cols))].copy()
        for c in on:
            link[c] = _codes(link[c])
        if link.duplicated(on).any():
            raise ValueError(f"{func}: argument linkages has several rows for the same {on}")
        merged = out[on].merge(link, on=on, how="left")
        out["backward_linkage"] = merged["backward_linkage"].astype(float).to_numpy()
        out["forward_linkage"] = merged["forward_linkage"].astype(float).to_numpy()
        out["key_sector"] = pd.array(merged["key_sector"].to_numpy(dtype=object), dtype="boolean")

    out["reason"] = reason
    out = out.sort_values(_KEY, kind="stable").reset_index(drop=True)
    return out[_DIMENSION_COLUMNS]

