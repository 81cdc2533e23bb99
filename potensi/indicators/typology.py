"""Sectoral Klassen typology (*tipologi Klassen sektoral*): growth x share (Sjafrizal) and the
LQ x growth variant. Results are keyed by label (an ordered Categorical), not by quadrant number.

Both variants compare the sector's growth in the region with the growth of the *same sector in
the reference* (:math:`g_{ij}` against :math:`g_i`), as the literature does. Until issue #10 the
``"lq"`` variant compared with the region's own total growth :math:`g_j`; that benchmark is gone
(``region_growth_pct`` is still reported).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from potensi.core.panel import Coded, Prepared, build_panel, period_frame, ratio
from potensi.core.validate import check_choice, check_period
from potensi.indicators.location_quotient import _constant, _growth_factor, _growth_problems, _mean_lq

__all__ = ["KLASSEN_SECTOR_LABELS", "KLASSEN_SECTOR_RULES", "klassen_sector"]

#: Quadrant labels, best first (Sjafrizal 2008).
KLASSEN_SECTOR_LABELS = pd.CategoricalDtype(
    ["maju dan tumbuh pesat", "maju tapi tertekan", "potensial (masih dapat berkembang)", "relatif tertinggal"],
    ordered=True,
)
#: The rule of each label, per variant (a tie counts as "not above").
KLASSEN_SECTOR_RULES = {
    "share": ("g_ij>g_i, s_ij>s_i", "g_ij<=g_i, s_ij>s_i", "g_ij>g_i, s_ij<=s_i", "g_ij<=g_i, s_ij<=s_i"),
    "lq": ("g_ij>g_i, LQ>1", "g_ij<=g_i, LQ>1", "g_ij>g_i, LQ<=1", "g_ij<=g_i, LQ<=1"),
}


def klassen_sector(
    data: pd.DataFrame,
    *,
    reference_code: str | Mapping[str, str],
    start: int,
    end: int,
    variant: str = "share",
    regions: Iterable[str] | None = None,
    reference: str = "published",
    exclude: Iterable[str] = (),
    region: str = "region_code",
    sector: str = "sector_code",
    year: str = "year",
    value: str = "value",
    price_basis: str = "price_basis",
) -> pd.DataFrame:
    r"""Sectoral Klassen typology over start -> end (constant prices).

    Parameters
    ----------
    variant
        ``"share"`` (default, Sjafrizal): the sector's growth in the region against its
        growth in the reference, and its share in the region against its share in the
        reference. ``"lq"``: the same growth comparison (sector in the region against the
        same sector in the reference), and the mean LQ against 1.
    Other parameters as in :func:`potensi.location_quotient`.

    Returns
    -------
    pandas.DataFrame
        ``region_code, sector_code, start_year, end_year, klassen, klassen_rule, variant,
        growth_pct, reference_growth_pct, region_growth_pct, share_pct, reference_share_pct,
        lq, price_basis, reference_code, reason``. ``klassen`` is an ordered Categorical of
        :data:`KLASSEN_SECTOR_LABELS`.

    Notes
    -----
    Growth is the compound annual rate (CAGR) over the period; shares and the LQ are the
    means of the annual values over start .. end.

    ==========================  ==============================  ==============================
    \                           :math:`s_{ij} > s_i`            :math:`s_{ij} \le s_i`
    ==========================  ==============================  ==============================
    :math:`g_{ij} > g_i`        maju dan tumbuh pesat           potensial (masih dapat
                                                                berkembang)
    :math:`g_{ij} \le g_i`      maju tapi tertekan              relatif tertinggal
    ==========================  ==============================  ==============================

    with :math:`g_{ij}` the sector's growth in the region, :math:`g_i` in the reference,
    :math:`s_{ij} = x_{ij}/x_j` and :math:`s_i = X_i/X` the shares. In the ``"lq"`` variant
    the rows are the same (:math:`g_{ij}` against the reference growth :math:`g_i`) and the
    columns compare :math:`\overline{LQ}_{ij}` with 1. Within one year :math:`s_{ij} > s_i` is
    the same as LQ > 1, so the variants differ only in averaging (mean of the annual shares
    against mean of the annual LQs) and rarely disagree. ``region_growth_pct`` (:math:`g_j`) is
    reported for reading, not used in either rule.

    The numeric columns are NaN only where they are undefined themselves; the class is
    missing with ``reason`` where a growth rate is undefined (zero base, missing year) or a
    share/LQ is undefined in a year of the period.

    References
    ----------
    Sjafrizal (2008). *Ekonomi Regional: Teori dan Aplikasi*. Padang: Baduose Media
    (tipologi Klassen sektoral).

    Examples
    --------
    A: x 10 -> 40, y 30 -> 30; R: x 50 -> 100, y 50 -> 50 over 2010 -> 2012 (three years, the
    middle one 20/30 and 70/50). g(A, x) = (40/10)^(1/2) - 1 = 100 % > g(R, x) = 41.4 %;
    mean share of x in A (10/40 + 20/50 + 40/70)/3 = 40.7 % < in R (50/100 + 70/120 + 100/150)/3
    = 58.3 %: *potensial*. y: 0 % < 0 % is false, share 59.3 % > 41.7 %: *maju tapi tertekan*.

    >>> df = pd.DataFrame({"region_code": ["A", "A", "R", "R"] * 3, "sector_code": ["x", "y"] * 6,
    ...                    "year": [2010] * 4 + [2011] * 4 + [2012] * 4, "price_basis": "ADHK2010",
    ...                    "value": [10.0, 30, 50, 50, 20, 30, 70, 50, 40, 30, 100, 50]})
    >>> klassen_sector(df, reference_code="R", start=2010, end=2012)["klassen"].tolist()
    ['potensial (masih dapat berkembang)', 'maju tapi tertekan']
    """
    func = "klassen_sector"
    start, end = check_period(start, end, func)
    check_choice(variant, KLASSEN_SECTOR_RULES, func, "variant")
    panel = build_panel(data, func, reference_code=reference_code, regions=regions, reference=reference,
                        exclude=exclude, region=region, sector=sector, year=year, value=value,
                        price_basis=price_basis, constant=True, years=range(start, end + 1))
    return _klassen_frame(Prepared(panel), start, end, variant=variant, func=func)


def _klassen_parts(prep: Prepared, start: int, end: int, func: str) -> dict:
    """Growth rates, mean shares, mean LQ and reason codes, shared by both variants."""
    def compute():
        panel = prep.panel
        i0, i1 = panel.year_index(start, func, "start"), panel.year_index(end, func, "end")
        x, r = panel.x, panel.ref
        g_ij = 100 * (_growth_factor(x, i0, i1, "cagr") - 1)
        g_i = 100 * (_growth_factor(r, i0, i1, "cagr") - 1)
        g_j = np.broadcast_to(100 * (_growth_factor(prep.total, i0, i1, "cagr") - 1), g_ij.shape)
        s_ij = 100 * ratio(x, prep.total).mean(axis=1)
        s_i = 100 * ratio(r, prep.ref_total).mean(axis=1)
        lq, lq_reason = _mean_lq(prep)
        reason = prep.reasons.merge(_growth_problems(prep, i0, i1, "cagr"), lq_reason)
        return {"g_ij": g_ij, "g_i": g_i, "g_j": g_j, "s_ij": s_ij, "s_i": s_i, "lq": lq, "reason": reason}
    return prep.cached(("klassen", start, end), compute)


def _klassen_classes(parts: dict, variant: str) -> tuple[pd.Categorical, Coded]:
    """The class (ordered Categorical, missing where ``reason``) and the rule text column."""
    if variant == "share":
        fast, high = parts["g_ij"] > parts["g_i"], parts["s_ij"] > parts["s_i"]
    else:
        fast, high = parts["g_ij"] > parts["g_i"], parts["lq"] > 1  # reference growth, as in the literature
    quadrant = np.where(high, np.where(fast, 0, 1), np.where(fast, 2, 3))
    bad = parts["reason"] != 0
    cat = pd.Categorical.from_codes(np.where(bad, -1, quadrant).reshape(-1), dtype=KLASSEN_SECTOR_LABELS)
    rules = KLASSEN_SECTOR_RULES[variant]
    return cat, Coded(np.where(bad, len(rules), quadrant), (*rules, ""))


def _klassen_frame(prep: Prepared, start: int, end: int, *, variant: str, func: str,
                   also: str | None = None) -> pd.DataFrame:
    """The table of one variant; with ``also`` the class and rule of that variant follow the
    rule column as ``klassen_<also>`` and ``klassen_<also>_rule``."""
    parts = _klassen_parts(prep, start, end, func)
    cat, rules = _klassen_classes(parts, variant)
    columns = {"klassen": cat, "klassen_rule": rules}
    if also is not None:
        columns[f"klassen_{also}"], columns[f"klassen_{also}_rule"] = _klassen_classes(parts, also)
    g_ij = parts["g_ij"]
    columns |= {
        "variant": _constant(variant, g_ij.shape),
        "growth_pct": g_ij, "reference_growth_pct": parts["g_i"], "region_growth_pct": parts["g_j"],
        "share_pct": parts["s_ij"], "reference_share_pct": parts["s_i"], "lq": parts["lq"],
    }
    return period_frame(prep.panel, start, end, columns, reason=parts["reason"], reasons=prep.reasons)
