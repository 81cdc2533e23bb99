"""Screening of implausible sector values (*pemeriksaan angka janggal*) among many regions.

A published figure can be wrong (a typing error, a sector booked elsewhere) and still pass
every consistency check: Penajam Paser Utara's health sector (Q) is 2,15 miliar rupiah in
2020, the second lowest of 514 kab/kota although the regency has 180 000 inhabitants. Such a
value drives the LQ, the DLQ and every growth-based indicator of that cell. This module flags
values that are extreme outliers among all kab/kota of the same sector and year, so the study
can show them in its data-quality section. It flags; it never changes or drops a value.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from potensi.core.codes import TOTAL_CODE
from potensi.core.validate import require_columns

__all__ = ["SCREEN_THRESHOLD", "screen_sector_values"]

#: Modified z-score beyond which a value is flagged (Iglewicz & Hoaglin 1993 recommend 3.5).
SCREEN_THRESHOLD = 3.5
_K = 0.6745  # Φ⁻¹(0.75): makes MAD/0.6745 a consistent estimate of σ for normal data


def _modified_z(x: pd.Series, groups: list[pd.Series]) -> pd.Series:
    """0.6745 (x - median) / MAD within each group (NaN where MAD is 0 or x is NaN)."""
    g = x.groupby(groups)
    med = g.transform("median")
    mad = (x - med).abs().groupby(groups).transform("median")
    with np.errstate(divide="ignore", invalid="ignore"):
        z = _K * (x - med) / mad
    return z.where(mad > 0)


def screen_sector_values(
    data: pd.DataFrame,
    *,
    population: pd.DataFrame | None = None,
    threshold: float = SCREEN_THRESHOLD,
    all_rows: bool = False,
    region: str = "region_code",
    sector: str = "sector_code",
    year: str = "year",
    value: str = "value",
) -> pd.DataFrame:
    """Flag sector values that are extreme outliers among regions, sector by sector and year by year.

    Parameters
    ----------
    data
        Tidy PDRB by sector (one price basis) of many regions of one level, e.g. all 514
        kab/kota: ``region, sector, year, value``. ``TOTAL`` rows are ignored; the region's
        total is the sum of its sectors.
    population
        Optional ``region_code, year, population``: adds the per-capita test.
    threshold
        Modified z-score beyond which a value is flagged (default :data:`SCREEN_THRESHOLD`).
    all_rows
        Return every region-sector-year (True) or only the flagged ones (False, default).

    Returns
    -------
    pandas.DataFrame
        ``region_code, sector_code, year, value, share_pct, z_share, rank_low, n_regions,
        per_capita, z_per_capita, flag, rule`` sorted by year, sector, region. ``share_pct`` is
        the sector's share of the region's PDRB, ``rank_low`` its rank among the ``n_regions``
        with the sector that year (1 = smallest share), ``per_capita`` the value per inhabitant
        (juta rupiah, NaN without population). ``rule`` says which test flagged the row.

    Notes
    -----
    Rule: for every sector and year, take :math:`x_i = \\ln s_{ij}` with :math:`s_{ij}` the
    sector's share of region *j*'s PDRB (and, with population, :math:`\\ln(v_{ij}/P_j)`), and
    the modified z-score of Iglewicz & Hoaglin,

    .. math:: M_i = 0.6745\\, (x_i - \\tilde x) / \\operatorname{MAD}(x)

    with :math:`\\tilde x` the median and MAD the median absolute deviation across regions. A
    value is flagged when :math:`|M_i| >` ``threshold`` on either test, or when it is 0 while
    the sector is positive in at least three quarters of the regions. Logs make the test
    about ratios (a share ten times below the median is as far as one ten times above), and
    the median/MAD are not pulled by the outliers themselves. A flag is a question to the
    data, not a verdict: a genuinely tiny sector (no mining in a city) is also flagged.

    References
    ----------
    Iglewicz, B. & Hoaglin, D. C. (1993). *How to Detect and Handle Outliers*. ASQC Quality
    Press (the modified z-score and the 3.5 cut-off).

    Examples
    --------
    Ten regions whose sector x is 8–12 % of PDRB and one where it is 0.1 %: the ln share of
    the last, −6.908, is far below the median −2.303 (MAD 0.095 in logs, z = −32.6). Its other
    sector, y, is then 99.9 % of PDRB against about 90 % elsewhere: flagged too, as the largest
    share (rank 11 of 11 from the bottom). A MAD of 0 (all shares equal) gives no z and no flag.

    >>> shares = [0.08, 0.09, 0.1, 0.11, 0.12, 0.1, 0.09, 0.11, 0.1, 0.1, 0.001]
    >>> d = pd.DataFrame({"region_code": [f"r{i}" for i in range(11)] * 2,
    ...                   "sector_code": ["x"] * 11 + ["y"] * 11, "year": 2020,
    ...                   "value": shares + [1 - s for s in shares]})
    >>> screen_sector_values(d)[["region_code", "sector_code", "rank_low"]].values.tolist()
    [['r10', 'x', 1], ['r10', 'y', 11]]
    """
    func = "screen_sector_values"
    require_columns(data, func, {region: "region", sector: "sector", year: "year", value: "value"})
    if not threshold > 0:
        raise ValueError(f"{func}: argument threshold={threshold!r}: expected a positive number")
    d = data.loc[data[sector].astype(str) != TOTAL_CODE, [region, sector, year, value]].copy()
    d.columns = ["region_code", "sector_code", "year", "value"]
    d["region_code"] = d["region_code"].astype(str)
    d["sector_code"] = d["sector_code"].astype(str)
    d = d.dropna(subset=["value"])
    total = d.groupby(["region_code", "year"])["value"].transform("sum")
    with np.errstate(divide="ignore", invalid="ignore"):
        d["share_pct"] = 100 * d["value"] / total
    keys = [d["sector_code"], d["year"]]
    log_share = np.log(d["share_pct"].where(d["share_pct"] > 0))
    d["z_share"] = _modified_z(log_share, keys)
    d["rank_low"] = d.groupby(["sector_code", "year"])["share_pct"].rank(method="min").astype("Int64")
    d["n_regions"] = d.groupby(["sector_code", "year"])["share_pct"].transform("size")
    if population is not None:
        require_columns(population, func, {"region_code": "population", "year": "population",
                                           "population": "population"}, argument="population")
        pop = population[["region_code", "year", "population"]].copy()
        pop["region_code"] = pop["region_code"].astype(str)
        d = d.merge(pop, on=["region_code", "year"], how="left")
        with np.errstate(divide="ignore", invalid="ignore"):
            d["per_capita"] = 1000 * d["value"] / d["population"]  # miliar / jiwa -> juta per jiwa
        log_pc = np.log(d["per_capita"].where(d["per_capita"] > 0))
        d["z_per_capita"] = _modified_z(log_pc, [d["sector_code"], d["year"]])
        d = d.drop(columns="population")
    else:
        d["per_capita"] = np.nan
        d["z_per_capita"] = np.nan
    positive = d.groupby(["sector_code", "year"])["value"].transform(lambda s: (s > 0).mean())
    zero = (d["value"] == 0) & (positive >= 0.75)
    by_share = d["z_share"].abs() > threshold
    by_pc = d["z_per_capita"].abs() > threshold
    d["flag"] = (by_share | by_pc | zero).fillna(False).astype(bool)
    rule = np.where(zero, "zero while the sector is positive in most regions", "")
    rule = np.where(by_share, np.where(rule != "", rule + "; ", "") + f"|z| of ln share > {threshold}", rule)
    rule = np.where(by_pc, np.where(rule != "", rule + "; ", "") + f"|z| of ln value per capita > {threshold}", rule)
    d["rule"] = rule
    out = d if all_rows else d[d["flag"]]
    cols = ["region_code", "sector_code", "year", "value", "share_pct", "z_share", "rank_low", "n_regions",
            "per_capita", "z_per_capita", "flag", "rule"]
    return out.sort_values(["year", "sector_code", "region_code"])[cols].reset_index(drop=True)
