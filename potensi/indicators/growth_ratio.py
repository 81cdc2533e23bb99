"""Growth-ratio model (*Model Rasio Pertumbuhan*, MRP: RPr and RPs) and its overlay with the LQ.

Ratios of growth rates change meaning when the denominator growth is negative (2020, a
declining mining sector): a ratio above 1 then means the numerator fell *faster*. The signs
used for classification and the overlay therefore come from differences of growth rates
(``g_num > g_den``), which keep their meaning for any sign; the ratios are reported as
computed, with a ``note`` wherever the denominator growth is negative. Nothing is inverted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from potensi.core.panel import Coded, Prepared, build_panel, period_frame, ratio
from potensi.core.validate import check_choice, check_period
from potensi.indicators.location_quotient import SLQ_CHOICES, _lq, _mean_lq
from potensi.indicators.shift_share import _problems

#: ``note`` texts (index 0: no note).
_NOTES = (
    "",
    "reference total and sector growth negative: RPr > 1 and RPs > 1 mean slower growth; signs from differences",
    "reference total growth negative: RPr > 1 means slower growth; signs from differences",
    "reference sector growth negative: RPs > 1 means slower growth; signs from differences",
)
#: Sign codes: 0 undefined, 1 "+", 2 "-".
_SIGNS = ("", "+", "-")
#: Overlay texts: "" then the eight sign triples (RPr, RPs, LQ), code 1 + 4 a + 2 b + c (0 for "+", 1 for "-").
_OVERLAYS = ("", *(a + b + c for a in "+-" for b in "+-" for c in "+-"))

__all__ = ["growth_ratio", "growth_ratio_overlay"]


def _mrp(prep: Prepared, i0: int, i1: int):
    """The MRP columns (signs as codes of :data:`_SIGNS`) and the reason codes."""
    panel, reasons = prep.panel, prep.reasons
    x, r = panel.x, panel.ref
    g_ij = ratio(x[:, i1] - x[:, i0], x[:, i0])                 # sector growth in the region
    g_i = ratio(r[:, i1] - r[:, i0], r[:, i0])                  # sector growth in the reference
    rt0, rt1 = prep.ref_total[:, i0], prep.ref_total[:, i1]
    g = np.broadcast_to(ratio(rt1 - rt0, rt0), g_i.shape)       # reference total growth
    rpr, rps = ratio(g_i, g), ratio(g_ij, g_i)
    classic_reason, ext_reason = _problems(prep, [i0, i1])
    bad = classic_reason != 0
    undefined = reasons.select([np.isnan(g_ij)], ["growth undefined"], g_ij.shape)
    zero_den = reasons.select([g == 0, g_i == 0], ["reference total growth 0: RPr undefined (sign from difference)",
                                                   "reference sector growth 0: RPs undefined (sign from difference)"],
                              g_ij.shape)
    rps_reason = reasons.merge(ext_reason, undefined, np.where(bad, 0, zero_den))
    notes = np.select([(g < 0) & (g_i < 0), g < 0, g_i < 0], [1, 2, 3], default=0)
    return {
        "rpr": np.where(bad, np.nan, rpr),
        "rps": np.where(bad, np.nan, rps),
        "rpr_sign": np.where(bad, 0, np.where(g_i > g, 1, 2)),
        "rps_sign": np.where(np.isnan(g_ij) | bad, 0, np.where(g_ij > g_i, 1, 2)),
        "growth_pct": 100 * np.where(bad, np.nan, g_ij),
        "reference_growth_pct": 100 * np.where(bad, np.nan, g_i),
        "reference_total_growth_pct": 100 * np.where(bad, np.nan, g),
        "note": np.where(bad, 0, notes),
    }, rps_reason


def growth_ratio(
    data: pd.DataFrame,
    *,
    reference_code: str | Mapping[str, str],
    start: int,
    end: int,
    regions: Iterable[str] | None = None,
    reference: str = "published",
    exclude: Iterable[str] = (),
    region: str = "region_code",
    sector: str = "sector_code",
    year: str = "year",
    value: str = "value",
    price_basis: str = "price_basis",
) -> pd.DataFrame:
    r"""Growth-ratio model (MRP): RPr (reference) and RPs (study region), start -> end.

    Parameters as in :func:`potensi.shift_share` (constant prices).

    Returns
    -------
    pandas.DataFrame
        ``region_code, sector_code, start_year, end_year, rpr, rps, rpr_sign, rps_sign,
        growth_pct, reference_growth_pct, reference_total_growth_pct, note, price_basis,
        reference_code, reason``. ``rpr_sign``/``rps_sign`` are ``"+"``/``"-"`` (``""`` if
        undefined).

    Notes
    -----
    With growth over the whole period :math:`g = \Delta x / x_{start}`:

    .. math::

        RPr_i = \frac{\Delta X_i / X_{i,start}}{\Delta X / X_{start}}, \qquad
        RPs_{ij} = \frac{\Delta x_{ij} / x_{ij,start}}{\Delta X_i / X_{i,start}}

    (*rasio pertumbuhan wilayah referensi* and *wilayah studi*). The sign is ``"+"`` when
    the numerator growth exceeds the denominator growth (:math:`G_i > G`, resp.
    :math:`g_{ij} > G_i`), which equals "ratio > 1" only when the denominator growth is
    positive. When it is negative or zero, ``note`` says so and the sign still follows the
    difference. NaN with ``reason`` (never 0): a zero base in the region (RPs) or in the
    reference (both), missing data.

    References
    ----------
    Yusuf, M. (1999). Model rasio pertumbuhan (MRP) sebagai salah satu alat analisis
    alternatif dalam perencanaan wilayah dan kota. *Ekonomi dan Keuangan Indonesia*, 47(2),
    219-233.

    Examples
    --------
    R: x 50 -> 60 (+20 %), y 50 -> 50, total +10 %: RPr(x) = 0.2/0.1 = 2. A: x 10 -> 15 (+50 %):
    RPs(x) = 0.5/0.2 = 2.5.

    >>> df = pd.DataFrame({"region_code": ["A", "A", "R", "R"] * 2, "sector_code": ["x", "y"] * 4,
    ...                    "year": [2010] * 4 + [2011] * 4, "price_basis": "ADHK2010",
    ...                    "value": [10.0, 30, 50, 50, 15, 33, 60, 50]})
    >>> growth_ratio(df, reference_code="R", start=2010, end=2011).loc[0, ["rpr", "rps"]].round(9).tolist()
    [2.0, 2.5]
    """
    func = "growth_ratio"
    start, end = check_period(start, end, func)
    panel = build_panel(data, func, reference_code=reference_code, regions=regions, reference=reference,
                        exclude=exclude, region=region, sector=sector, year=year, value=value,
                        price_basis=price_basis, constant=True, years=[start, end])
    prep = Prepared(panel)
    i0, i1 = panel.year_index(start, func, "start"), panel.year_index(end, func, "end")
    cols, reason = _mrp(prep, i0, i1)
    return period_frame(panel, start, end, _texts(cols), reason=reason, reasons=prep.reasons)


def _texts(cols: dict) -> dict:
    """The MRP columns with the sign and note codes as text columns."""
    out = dict(cols)
    out["rpr_sign"] = Coded(cols["rpr_sign"], _SIGNS)
    out["rps_sign"] = Coded(cols["rps_sign"], _SIGNS)
    out["note"] = Coded(cols["note"], _NOTES)
    return out


def growth_ratio_overlay(
    data: pd.DataFrame,
    *,
    reference_code: str | Mapping[str, str],
    start: int,
    end: int,
    lq: str = "mean",
    regions: Iterable[str] | None = None,
    reference: str = "published",
    exclude: Iterable[str] = (),
    region: str = "region_code",
    sector: str = "sector_code",
    year: str = "year",
    value: str = "value",
    price_basis: str = "price_basis",
) -> pd.DataFrame:
    r"""MRP with the overlay (*analisis overlay*) of RPr, RPs and the LQ.

    Parameters
    ----------
    lq
        LQ used: ``"mean"`` (default, mean of the annual LQs over the period), ``"end"`` or
        ``"start"``.
    Other parameters as in :func:`growth_ratio`.

    Returns
    -------
    pandas.DataFrame
        ``region_code, sector_code, start_year, end_year, rpr, rps, overlay, lq, rpr_sign,
        rps_sign, growth_pct, reference_growth_pct, reference_total_growth_pct, note,
        price_basis, reference_code, reason``.

    Notes
    -----
    ``overlay`` is three signs in the order of the literature, **RPr, RPs, LQ** (Yusuf 1999
    writes the MRP pair as RPr then RPs): ``"+"`` when RPr is positive (the sector grows
    faster in the reference than the reference economy as a whole), RPs positive (it grows
    faster in the region than in the reference), LQ > 1 (*sektor basis*). The signs are
    :func:`growth_ratio`'s ``rpr_sign`` and ``rps_sign`` (differences of growth rates, never
    "ratio > 1"). ``"+++"`` marks a sector dominant in both growth and contribution; ``"---"``
    one that is neither. The overlay is missing (``""``) when any of the three is undefined;
    ``reason`` says why. (Until issue #10 the string was written RPs, RPr, LQ.)

    References
    ----------
    Yusuf, M. (1999), see :func:`growth_ratio`.

    Examples
    --------
    The :func:`growth_ratio` example: x has RPr 2 (+), RPs 2.5 (+) and mean LQ
    ((10/40)/(50/100) + (15/48)/(60/110)) / 2 = (0.5 + 0.572917) / 2 = 0.536 (-): ``"++-"``.
    R's y grows less than R's total (RPr -), y grows 10 % in A but 0 % in R (RPs +, its ratio
    undefined: NaN with a reason) and its mean LQ is (1.5 + (33/48)/(50/110)) / 2 = 1.506 (+):
    ``"-++"``.

    >>> df = pd.DataFrame({"region_code": ["A", "A", "R", "R"] * 2, "sector_code": ["x", "y"] * 4,
    ...                    "year": [2010] * 4 + [2011] * 4, "price_basis": "ADHK2010",
    ...                    "value": [10.0, 30, 50, 50, 15, 33, 60, 50]})
    >>> growth_ratio_overlay(df, reference_code="R", start=2010, end=2011)["overlay"].tolist()
    ['++-', '-++']
    """
    func = "growth_ratio_overlay"
    start, end = check_period(start, end, func)
    check_choice(lq, SLQ_CHOICES, func, "lq")
    years = range(start, end + 1) if lq == "mean" else [start, end]
    panel = build_panel(data, func, reference_code=reference_code, regions=regions, reference=reference,
                        exclude=exclude, region=region, sector=sector, year=year, value=value,
                        price_basis=price_basis, constant=True, years=years)
    return _overlay_frame(Prepared(panel), start, end, lq=lq, func=func)


def _overlay_frame(prep: Prepared, start: int, end: int, *, lq: str, func: str) -> pd.DataFrame:
    panel, reasons = prep.panel, prep.reasons
    i0, i1 = panel.year_index(start, func, "start"), panel.year_index(end, func, "end")
    cols, reason = _mrp(prep, i0, i1)
    if lq == "mean":
        lq_value, lq_reason = _mean_lq(prep)
    else:
        values, _, level = _lq(prep)
        i = i0 if lq == "start" else i1
        lq_value = values[:, i]
        lq_reason = reasons.first(level[:, [i]], panel.years[[i]])
    lq_sign = np.where(np.isnan(lq_value), 0, np.where(lq_value > 1, 1, 2))
    rps, rpr = cols["rps_sign"], cols["rpr_sign"]
    defined = (rps != 0) & (rpr != 0) & (lq_sign != 0)
    overlay = np.where(defined, 1 + 4 * (rpr - 1) + 2 * (rps - 1) + (lq_sign - 1), 0)  # RPr, RPs, LQ
    reason = reasons.merge(reason, reasons.format(lq_reason, "LQ {text}"))
    out = _texts(cols)
    ordered = {"rpr": out.pop("rpr"), "rps": out.pop("rps"), "overlay": Coded(overlay, _OVERLAYS), "lq": lq_value}
    ordered.update(out)
    return period_frame(panel, start, end, ordered, reason=reason, reasons=reasons)
