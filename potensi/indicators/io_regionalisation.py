"""Kab/kota input-output estimates from a province table: Flegg's location quotient (FLQ).

A regional table is rarely surveyed below the province; the FLQ scales the province's
coefficients down by how much of each input a kab/kota can supply itself, judged from its PDRB
structure and size. Every figure produced here is an estimate (``basis`` = ``"perkiraan FLQ"``).
The multipliers and linkages are those of :mod:`potensi.indicators.input_output`.

References
----------
Flegg, A. T. & Webber, C. D. (1997). On the appropriate use of location quotients in generating
regional input-output tables: reply. *Regional Studies* 31(8), 795-805.
Flegg, A. T. & Tohmo, T. (2013). Regional input-output tables and the FLQ formula: a case study
of Finland. *Regional Studies* 47(5), 703-721.
Miller, R. E. & Blair, P. D. (2009). *Input-Output Analysis: Foundations and Extensions*, 2nd ed.
Cambridge University Press, ch. 8.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from potensi.core.codes import TOTAL_CODE
from potensi.core.validate import check_choice, require_columns
from potensi.indicators.input_output import (
    FORWARD_OPTIONS,
    _frame,
    _indicator_arrays,
    _vector,
    technical_coefficients,
)

if TYPE_CHECKING:
    from potensi.data.io_table import IOTable

__all__ = ["FLQ_BASIS", "FLQ_DELTA", "RegionalIO", "flq_regionalise"]

#: Default FLQ exponent delta (Flegg & Tohmo 2013; Miller & Blair 2009, sect. 8.3).
FLQ_DELTA = 0.3
#: The ``basis`` label of every figure estimated by :func:`flq_regionalise`.
FLQ_BASIS = "perkiraan FLQ"


@dataclass(frozen=True, eq=False)
class RegionalIO:
    """Kab/kota input-output estimates of :func:`flq_regionalise` (every figure an estimate).

    Attributes
    ----------
    coefficients
        Tidy: ``region_code, row_sector, col_sector, flq, coefficient, basis``; ``coefficient``
        is the estimated regional :math:`a^r_{ij}`, ``flq`` the uncapped :math:`FLQ_{ij}`.
    indicators
        Tidy: ``region_code`` then :data:`~potensi.indicators.input_output.IO_INDICATOR_COLUMNS` then ``estimate`` (True) and
        ``basis`` (:data:`FLQ_BASIS`).
    regions
        ``region_code, size_ratio, flq_lambda, delta``: :math:`x^r/x^n` and :math:`\\lambda`.
    """

    coefficients: pd.DataFrame
    indicators: pd.DataFrame
    regions: pd.DataFrame


def _pdrb_wide(data: object, func: str, argument: str, sectors: pd.Index, *, region: str, sector: str,
               value: str) -> pd.DataFrame:
    frame = require_columns(data, func, {region: "region", sector: "sector", value: "value"}, argument=argument)
    if "year" in frame.columns and frame["year"].nunique() > 1:
        raise ValueError(f"{func}: argument {argument}= holds several years {sorted(frame['year'].unique())}; "
                         "pass one year (the year of the input-output table)")
    frame = frame.loc[frame[sector].astype(str) != TOTAL_CODE, [region, sector, value]].copy()
    frame[region] = frame[region].astype(str)
    frame[sector] = frame[sector].astype(str)
    unknown = sorted(set(frame[sector]) - set(sectors))
    if unknown:
        raise ValueError(f"{func}: argument {argument}= has sector code(s) {unknown} not in the input-output "
                         f"table; expected {list(sectors)}")
    dup = frame.duplicated([region, sector])
    if dup.any():
        r, s = frame.loc[dup, [region, sector]].iloc[0]
        raise ValueError(f"{func}: argument {argument}= region {r} sector {s} appears more than once "
                         "(one year, one price basis expected)")
    values = pd.to_numeric(frame[value], errors="coerce")
    if values.isna().any() or (values < 0).any():
        r, s = frame.loc[values.isna() | (values < 0), [region, sector]].iloc[0]
        raise ValueError(f"{func}: argument {argument}= region {r} sector {s}: value {frame.loc[(frame[region] == r) & (frame[sector] == s), value].iloc[0]!r} "
                         "is missing, not a number or negative; PDRB by sector must be >= 0")
    frame[value] = values
    wide = frame.pivot(index=region, columns=sector, values=value)
    gaps = wide.reindex(columns=sectors).isna()
    if gaps.to_numpy().any():
        r = gaps.index[gaps.any(axis=1)][0]
        raise ValueError(f"{func}: argument {argument}= region {r} has no value for sector(s) "
                         f"{[s for s in sectors if gaps.loc[r, s]]}; all {len(sectors)} sectors are needed")
    return wide.reindex(columns=sectors)


def flq_regionalise(io_table: IOTable, regional_pdrb: pd.DataFrame, provincial_pdrb: pd.DataFrame, *,
                    delta: float = FLQ_DELTA, forward: str = "leontief", region: str = "region_code",
                    sector: str = "sector_code", value: str = "value") -> RegionalIO:
    """Estimate kab/kota input coefficients and indicators from the province's table (FLQ).

    Parameters
    ----------
    io_table
        The province's :class:`~potensi.data.io_table.IOTable` (the "national" table of the
        FLQ literature).
    regional_pdrb
        Tidy PDRB of the province's kab/kota (``region``, ``sector``, ``value``), one year,
        one price basis, every sector of the table (0 allowed); ``TOTAL`` rows are ignored.
    provincial_pdrb
        Tidy PDRB of the province itself, same year and basis, one region (its code must be
        the table's).
    delta
        FLQ exponent :math:`\\delta` in [0, 1); default 0.3.
    forward
        As in :func:`~potensi.indicators.input_output.io_sector_indicators`.
    region, sector, value
        Column names.

    Returns
    -------
    RegionalIO
        ``coefficients`` (estimated :math:`a^r_{ij}`), ``indicators`` (the
        :func:`~potensi.indicators.input_output.io_sector_indicators` table per kab/kota, with ``estimate`` True and ``basis``
        ``"perkiraan FLQ"``) and ``regions`` (:math:`x^r/x^n`, :math:`\\lambda`).

    Raises
    ------
    TypeError, ValueError
        Bad frames (missing columns, several years or regions, duplicates, unknown or missing
        sectors, negative values), a kab/kota outside the province, a province sector with zero
        PDRB, ``delta`` outside [0, 1).

    Warns
    -----
    RuntimeWarning
        Naming the kab/kota and sectors with zero PDRB: their rows of :math:`A^r` are 0 and their
        indicators are NaN (a sector without output has no multiplier); linkages are normalised
        over the sectors present.

    Notes
    -----
    Flegg's location quotient (Flegg & Webber 1997; Miller & Blair 2009, sect. 8.3), with
    :math:`x` the PDRB of kab/kota *r* and of the province *n*:

    .. math::

        SLQ_i &= \\frac{x^r_i / x^r}{x^n_i / x^n}, \\qquad
        CILQ_{ij} = \\frac{SLQ_i}{SLQ_j} \\; (i \\ne j), \\quad CILQ_{ii} = SLQ_i \\\\
        \\lambda &= [\\log_2(1 + x^r / x^n)]^{\\delta}, \\qquad FLQ_{ij} = \\lambda \\, CILQ_{ij} \\\\
        a^r_{ij} &= a^n_{ij} \\min(FLQ_{ij}, 1)

    (the diagonal uses :math:`SLQ_i`, the usual convention, Miller & Blair 2009, sect. 8.3.3).
    The FLQ only scales coefficients down: what a kab/kota buys less from itself is taken as
    bought outside it (other kab/kota, other provinces, abroad). :math:`a^n` are the province's
    *domestic* coefficients, so the estimate removes intra-provincial trade on top of the
    imports already outside the province table. :math:`\\delta = 0.3` is the value Flegg &
    Tohmo (2013) found best for Finnish regions and the usual default (Miller & Blair 2009,
    sect. 8.3.4); values 0.1-0.4 are common in the literature, and :math:`\\delta = 0` gives
    the CILQ. With :math:`SLQ_j = 0` (sector *j* absent), :math:`CILQ_{ij} = \\infty` and
    :math:`a^r_{ij} = a^n_{ij}`; with :math:`SLQ_i = 0`, :math:`a^r_{ij} = 0`.

    The kab/kota is assumed to share the province's value-added ratio :math:`v_j` and its
    sector output is estimated as :math:`x^r_j = x^n_j \\cdot PDRB^r_j / PDRB^n_j` (for the
    Ghosh option). ``import_share`` is :math:`1 - v_j - \\sum_i a^r_{ij}`, the share of inputs
    bought **outside the kab/kota** (other kab/kota included, so it is larger than the
    province's); ``export_share`` is NaN: the FLQ says nothing about sales. Every figure is
    an estimate, never a survey value (``basis`` = ``"perkiraan FLQ"``). When the PDRB is at
    constant prices (ADHK 2010, the only kab/kota-by-sector series), the shares are
    approximations of the current-price shares of the table year.

    References
    ----------
    Flegg, A. T. & Webber, C. D. (1997). *Regional Studies* 31(8), 795-805.
    Flegg, A. T. & Tohmo, T. (2013). *Regional Studies* 47(5), 703-721.
    Miller, R. E. & Blair, P. D. (2009). *Input-Output Analysis*, 2nd ed., ch. 8.

    Examples
    --------
    Worked by hand in ``tests/test_input_output.py`` (2 sectors, 2 kab/kota). With
    :math:`\\delta = 0` the FLQ is the CILQ: shares (0.75, 0.25) against (0.6, 0.4) give
    SLQ = (1.25, 0.625), :math:`a^r_{21} = a^n_{21} \\times 0.625 / 1.25`.
    """
    func = "flq_regionalise"
    check_choice(forward, FORWARD_OPTIONS, func, "forward")
    if isinstance(delta, bool) or not isinstance(delta, int | float) or not 0 <= delta < 1:
        raise ValueError(f"{func}: argument delta={delta!r} is not valid; expected a number in [0, 1) "
                         f"(default {FLQ_DELTA})")
    a_n = technical_coefficients(io_table.Z, io_table.total_input)
    sectors = a_n.columns
    x_in = _vector(io_table.total_input, sectors, func, "io_table.total_input")
    x_out = _vector(io_table.total_output, sectors, func, "io_table.total_output")
    v = _vector(io_table.value_added, sectors, func, "io_table.value_added") / x_in
    reg = _pdrb_wide(regional_pdrb, func, "regional_pdrb", sectors, region=region, sector=sector, value=value)
    prov = _pdrb_wide(provincial_pdrb, func, "provincial_pdrb", sectors, region=region, sector=sector, value=value)
    if len(prov) != 1:
        raise ValueError(f"{func}: argument provincial_pdrb= must hold one region (the province); "
                         f"got {list(prov.index)}")
    code = str(io_table.region_code)
    if prov.index[0] != code:
        raise ValueError(f"{func}: argument provincial_pdrb= is region {prov.index[0]}, but io_table is "
                         f"province {code}")
    outside = [r for r in reg.index if r[:2] != code[:2] or r == code]
    if outside:
        raise ValueError(f"{func}: argument regional_pdrb= region(s) {outside} are not kab/kota of province {code}")
    pn = prov.iloc[0].to_numpy(dtype=float)
    if (pn <= 0).any():
        s = sectors[int(np.argmax(pn <= 0))]
        raise ValueError(f"{func}: argument provincial_pdrb= sector {s} is {pn[sectors.get_loc(s)]:g}; the "
                         "province needs PDRB > 0 in every sector of its table")
    an = a_n.to_numpy()
    coef_parts, ind_parts, reg_rows = [], [], []
    for r in reg.index:
        pr = reg.loc[r].to_numpy(dtype=float)
        ratio = pr.sum() / pn.sum()
        if ratio <= 0:
            raise ValueError(f"{func}: argument regional_pdrb= region {r} has PDRB 0 in every sector")
        lam = math.log2(1 + ratio) ** delta
        slq = (pr / pr.sum()) / (pn / pn.sum())
        with np.errstate(divide="ignore", invalid="ignore"):
            cilq = slq[:, None] / slq[None, :]
        cilq[slq == 0, :] = 0.0  # nothing bought locally from an absent sector
        np.fill_diagonal(cilq, slq)
        flq = lam * cilq
        ar = an * np.minimum(flq, 1.0)
        present = pr > 0
        if not present.all():
            warnings.warn(f"{func}: region {r}: sector(s) {[s for s, p in zip(sectors, present) if not p]} have "
                          "PDRB 0; their indicators are NaN", RuntimeWarning, stacklevel=2)
        arrays = _indicator_arrays(ar, v, x_out * pr / pn, present, forward, sectors, func)
        imports = np.where(present, 1 - v - ar.sum(axis=0), np.nan)
        frame = _frame(sectors, arrays, np.full(len(sectors), np.nan), imports)
        frame.insert(0, "region_code", pd.array([r] * len(sectors), dtype=object))
        ind_parts.append(frame)
        n = len(sectors)
        coef_parts.append(pd.DataFrame({
            "region_code": pd.array([r] * n * n, dtype=object),
            "row_sector": pd.array(np.repeat(np.asarray(sectors, dtype=object), n), dtype=object),
            "col_sector": pd.array(np.tile(np.asarray(sectors, dtype=object), n), dtype=object),
            "flq": flq.ravel(),
            "coefficient": ar.ravel(),
        }))
        reg_rows.append((r, ratio, lam, float(delta)))
    indicators = pd.concat(ind_parts, ignore_index=True)
    indicators["estimate"] = True
    indicators["basis"] = FLQ_BASIS
    coefficients = pd.concat(coef_parts, ignore_index=True)
    coefficients["basis"] = FLQ_BASIS
    regions = pd.DataFrame(reg_rows, columns=["region_code", "size_ratio", "flq_lambda", "delta"])
    regions["region_code"] = regions["region_code"].astype(object)
    return RegionalIO(coefficients=coefficients, indicators=indicators, regions=regions)
