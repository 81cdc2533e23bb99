"""Growth and structure: annual growth (LPE), compound growth (CAGR), contribution to growth
(*sumber pertumbuhan*) and the sector distribution (*distribusi*).

Every table has a ``"TOTAL"`` sector row per region: the sum of the sectors left after
``exclude`` (for Indonesia this is the 17-sector sum, not PDB with net product taxes).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

import numpy as np
import pandas as pd

from potensi.core.codes import TOTAL_CODE
from potensi.core.panel import Prepared, build_panel, period_frame, ratio, yearly_frame
from potensi.core.validate import check_period

__all__ = ["annual_growth", "compound_growth", "distribution", "growth_contribution"]


def _panel(data, func, *, regions, exclude, columns, constant, years=None) -> Prepared:
    panel = build_panel(data, func, reference_code=None, regions=regions, exclude=exclude, constant=constant,
                        years=years, **columns)
    return _with_total(panel)


def _with_total(panel) -> Prepared:
    """The panel with a last sector ``"TOTAL"``, the sum of the others (no reference)."""
    with np.errstate(invalid="ignore"):
        total = panel.x.sum(axis=2, keepdims=True)
    return Prepared(replace(panel, x=np.concatenate([panel.x, total], axis=2), sectors=[*panel.sectors, TOTAL_CODE],
                            references=None, ref=None, has_ref=None))


def _missing(prep: Prepared) -> np.ndarray:
    """Reason codes for missing data, region x year x sector (TOTAL last)."""
    def compute():
        reasons = prep.reasons
        _, codes = prep.level(reference=False, zeros=False)
        codes = codes.copy()
        # the TOTAL column: "missing value" there means a sector is missing
        last = codes[..., -1]
        codes[..., -1] = np.where(last == reasons.code("missing value"),
                                  reasons.code("region total incomplete (a sector's value is missing)"), last)
        return codes
    return prep.cached("missing", compute)


def _step_reason(prep: Prepared) -> np.ndarray:
    """Reason codes for a step t-1 -> t (region x step x sector) from the missing-data reasons."""
    missing, reasons = _missing(prep), prep.reasons
    prev = reasons.format(missing[:, :-1], "{year} (previous year): {text}", years=prep.panel.years[:-1])
    return reasons.merge(missing[:, 1:], prev)


def _lpe(prep: Prepared) -> tuple[np.ndarray, np.ndarray]:
    """(LPE in percent, reason codes) for every step t-1 -> t."""
    x, reasons = prep.panel.x, prep.reasons
    reason = _step_reason(prep)
    zero = reasons.select([x[:, :-1] == 0], ["zero base (previous year 0, growth undefined)"], reason.shape)
    reason = reasons.merge(reason, zero)
    return np.where(reason != 0, np.nan, 100 * (ratio(x[:, 1:], x[:, :-1]) - 1)), reason


def _contribution(prep: Prepared) -> tuple[np.ndarray, np.ndarray]:
    """(contribution to growth in percentage points, reason codes) for every step t-1 -> t."""
    x, reasons = prep.panel.x, prep.reasons
    total_prev = x[:, :-1, -1:]
    reason = _step_reason(prep)
    reason = reasons.merge(reason, reasons.select([total_prev == 0], ["zero region total in the previous year"],
                                                  reason.shape))
    return np.where(reason != 0, np.nan, 100 * ratio(x[:, 1:] - x[:, :-1], total_prev)), reason


def _distribution(prep: Prepared) -> tuple[np.ndarray, np.ndarray]:
    """(share of the region total in percent, reason codes) per region x year x sector."""
    x, reasons = prep.panel.x, prep.reasons
    total = x[..., -1:]
    reason = reasons.merge(_missing(prep), reasons.select([total == 0], ["zero region total"], x.shape))
    return np.where(reason != 0, np.nan, 100 * ratio(x, total)), reason


def _columns(region, sector, year, value, price_basis):
    return dict(region=region, sector=sector, year=year, value=value, price_basis=price_basis)


def annual_growth(
    data: pd.DataFrame,
    *,
    regions: Iterable[str] | None = None,
    exclude: Iterable[str] = (),
    region: str = "region_code",
    sector: str = "sector_code",
    year: str = "year",
    value: str = "value",
    price_basis: str = "price_basis",
) -> pd.DataFrame:
    r"""Annual growth rate (*laju pertumbuhan ekonomi*, LPE) of each sector and of the total.

    Parameters
    ----------
    data
        Tidy PDRB at constant prices (``ADHK...``), one row per region, year and sector.
    regions
        Regions to report (default: all).
    exclude
        Sectors left out before the total is formed (*tanpa migas*).
    region, sector, year, value, price_basis
        Column names.

    Returns
    -------
    pandas.DataFrame
        ``region_code, sector_code, year, lpe_pct, price_basis, reason`` for every year but
        the first of the data; sector ``"TOTAL"`` is the region's growth.

    Notes
    -----
    .. math:: LPE_{ij,t} = 100 \left(\frac{x_{ij,t}}{x_{ij,t-1}} - 1\right)

    NaN with ``reason`` (never 0) for a zero base (``x_{t-1} = 0``) or missing data in
    either year (a region formed during the series). Current prices raise ``ValueError``.

    References
    ----------
    BPS (2015). *Produk Domestik Regional Bruto Kabupaten/Kota di Indonesia Menurut Lapangan
    Usaha 2010-2014*, Jakarta: Badan Pusat Statistik (concepts: laju pertumbuhan).

    Examples
    --------
    Sector x 10 -> 12 grows 20 %; y 30 -> 30 stays; the total 40 -> 42 grows 5 %.

    >>> df = pd.DataFrame({"region_code": "A", "sector_code": ["x", "y"] * 2, "year": [2010, 2010, 2011, 2011],
    ...                    "value": [10.0, 30, 12, 30], "price_basis": "ADHK2010"})
    >>> annual_growth(df)["lpe_pct"].round(9).tolist()
    [20.0, 0.0, 5.0]
    """
    func = "annual_growth"
    prep = _panel(data, func, regions=regions, exclude=exclude, constant=True,
                  columns=_columns(region, sector, year, value, price_basis))
    panel = prep.panel
    if len(panel.years) < 2:
        raise ValueError(f"{func}: argument data= holds one year ({panel.years.tolist()}); expected at least two")
    lpe, reason = _lpe(prep)
    return yearly_frame(panel, {"lpe_pct": lpe}, reason=reason, years=panel.years[1:], reasons=prep.reasons)


def compound_growth(
    data: pd.DataFrame,
    *,
    start: int,
    end: int,
    regions: Iterable[str] | None = None,
    exclude: Iterable[str] = (),
    region: str = "region_code",
    sector: str = "sector_code",
    year: str = "year",
    value: str = "value",
    price_basis: str = "price_basis",
) -> pd.DataFrame:
    r"""Compound annual growth rate (CAGR, *rata-rata laju pertumbuhan*) over start -> end.

    Returns
    -------
    pandas.DataFrame
        ``region_code, sector_code, start_year, end_year, cagr_pct, price_basis, reason``.

    Notes
    -----
    .. math:: CAGR_{ij} = 100 \left[\left(\frac{x_{ij,end}}{x_{ij,start}}\right)^{1/(end - start)} - 1\right]

    Only the two end years enter. NaN with ``reason`` for a zero base or missing data in
    either year; a value falling to 0 gives -100 %.

    References
    ----------
    BPS (2015). *PDRB Kabupaten/Kota di Indonesia Menurut Lapangan Usaha 2010-2014*.

    Examples
    --------
    x 10 -> 14.4 over two years: (1.44)^(1/2) - 1 = 20 %.

    >>> df = pd.DataFrame({"region_code": "A", "sector_code": "x", "year": [2010, 2012],
    ...                    "value": [10.0, 14.4], "price_basis": "ADHK2010"})
    >>> compound_growth(df, start=2010, end=2012)["cagr_pct"].round(9).tolist()
    [20.0, 20.0]
    """
    func = "compound_growth"
    start, end = check_period(start, end, func)
    prep = _panel(data, func, regions=regions, exclude=exclude, constant=True, years=[start, end],
                  columns=_columns(region, sector, year, value, price_basis))
    return _compound_growth_frame(prep, start, end, func)


def _compound_growth_frame(prep: Prepared, start: int, end: int, func: str) -> pd.DataFrame:
    panel, reasons = prep.panel, prep.reasons
    i0, i1 = panel.year_index(start, func, "start"), panel.year_index(end, func, "end")
    x = panel.x
    reason = reasons.first(_missing(prep)[:, [i0, i1]], panel.years[[i0, i1]])
    zero = reasons.select([x[:, i0] == 0], [f"{start}: zero base (growth undefined)"], reason.shape)
    reason = reasons.merge(reason, zero)
    with np.errstate(invalid="ignore"):
        cagr = 100 * (ratio(x[:, i1], x[:, i0]) ** (1 / (end - start)) - 1)
    cagr = np.where(reason != 0, np.nan, cagr)
    return period_frame(panel, start, end, {"cagr_pct": cagr}, reason=reason, reasons=reasons)


def growth_contribution(
    data: pd.DataFrame,
    *,
    regions: Iterable[str] | None = None,
    exclude: Iterable[str] = (),
    region: str = "region_code",
    sector: str = "sector_code",
    year: str = "year",
    value: str = "value",
    price_basis: str = "price_basis",
) -> pd.DataFrame:
    r"""Contribution of each sector to the region's growth (*sumber pertumbuhan*), in
    percentage points.

    Returns
    -------
    pandas.DataFrame
        ``region_code, sector_code, year, contribution_pp, price_basis, reason``; the
        ``"TOTAL"`` row equals the LPE of the total (the contributions sum to it).

    Notes
    -----
    .. math:: SP_{ij,t} = 100\,\frac{x_{ij,t} - x_{ij,t-1}}{x_{j,t-1}}, \qquad
              \sum_i SP_{ij,t} = LPE_{j,t}

    Defined for a sector with a zero base (its whole value is new growth). NaN with
    ``reason`` for a zero region total in the previous year or missing data.

    References
    ----------
    BPS. *Pertumbuhan Ekonomi Indonesia* (Berita Resmi Statistik): "sumber pertumbuhan".

    Examples
    --------
    x 10 -> 12 adds 2/40 = 5 points; y 30 -> 30 adds 0; total 5 points (= LPE 5 %).

    >>> df = pd.DataFrame({"region_code": "A", "sector_code": ["x", "y"] * 2, "year": [2010, 2010, 2011, 2011],
    ...                    "value": [10.0, 30, 12, 30], "price_basis": "ADHK2010"})
    >>> growth_contribution(df)["contribution_pp"].round(9).tolist()
    [5.0, 0.0, 5.0]
    """
    func = "growth_contribution"
    prep = _panel(data, func, regions=regions, exclude=exclude, constant=True,
                  columns=_columns(region, sector, year, value, price_basis))
    panel = prep.panel
    if len(panel.years) < 2:
        raise ValueError(f"{func}: argument data= holds one year ({panel.years.tolist()}); expected at least two")
    sp, reason = _contribution(prep)
    return yearly_frame(panel, {"contribution_pp": sp}, reason=reason, years=panel.years[1:], reasons=prep.reasons)


def distribution(
    data: pd.DataFrame,
    *,
    regions: Iterable[str] | None = None,
    exclude: Iterable[str] = (),
    region: str = "region_code",
    sector: str = "sector_code",
    year: str = "year",
    value: str = "value",
    price_basis: str = "price_basis",
) -> pd.DataFrame:
    r"""Sector distribution (*distribusi*, share of the region's PDRB), in percent.

    Any single price basis (BPS publishes the distribution at current prices, ADHB).

    Returns
    -------
    pandas.DataFrame
        ``region_code, sector_code, year, distribution_pct, price_basis, reason``; the
        ``"TOTAL"`` row is 100.

    Notes
    -----
    .. math:: D_{ij,t} = 100\, x_{ij,t} / x_{j,t}

    NaN with ``reason`` for a zero total or a missing value.

    References
    ----------
    BPS (2015). *PDRB Kabupaten/Kota di Indonesia Menurut Lapangan Usaha 2010-2014*.

    Examples
    --------
    >>> df = pd.DataFrame({"region_code": "A", "sector_code": ["x", "y"], "year": 2010,
    ...                    "value": [10.0, 30], "price_basis": "ADHB"})
    >>> distribution(df)["distribution_pct"].tolist()
    [25.0, 75.0, 100.0]
    """
    func = "distribution"
    prep = _panel(data, func, regions=regions, exclude=exclude, constant=False,
                  columns=_columns(region, sector, year, value, price_basis))
    dist, reason = _distribution(prep)
    return yearly_frame(prep.panel, {"distribution_pct": dist}, reason=reason, reasons=prep.reasons)
