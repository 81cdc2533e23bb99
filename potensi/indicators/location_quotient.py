"""Location quotients: static LQ (*sektor basis*), dynamic LQ and the SLQ x DLQ classification.

All functions take the tidy PDRB table (one row per region, year, sector) and work on any
sector codes. The reference of a region is the published higher level by default (the
province row for its kab/kota; Indonesia's sector sum for a province: the total is always the
sum of the sector rows, so Indonesia's PDB net product taxes never enter) or, with
``reference="sum"``, the sum of the study regions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from potensi.core.panel import Coded, Prepared, build_panel, period_frame, ratio, yearly_frame
from potensi.core.validate import check_choice, check_period

__all__ = [
    "DLQ_NOTES",
    "SLQ_DLQ_LABELS",
    "SLQ_DLQ_RULES",
    "average_location_quotient",
    "classify_slq_dlq",
    "dynamic_location_quotient",
    "location_quotient",
    "slq_dlq",
]

#: The four SLQ x DLQ quadrants, in the order of every label set. A value equal to 1 counts
#: as "not above 1".
SLQ_DLQ_RULES = ("SLQ>1, DLQ>1", "SLQ>1, DLQ<=1", "SLQ<=1, DLQ>1", "SLQ<=1, DLQ<=1")

#: Label sets for the SLQ x DLQ quadrants (ordered Categoricals, quadrant order of
#: :data:`SLQ_DLQ_RULES`). Indonesian sources disagree on which of *andalan* / *prospektif*
#: names the basis-but-declining quadrant, and no source we could quote fixes the words, so the
#: default set is **potensi's own**, descriptive, choice:
#:
#: ``"potensi"`` (default): "basis, pangsa naik" (SLQ>1, DLQ>1), "basis, pangsa turun" (SLQ>1,
#: DLQ<=1), "non-basis, pangsa naik" (SLQ<=1, DLQ>1), "non-basis, pangsa turun". These words
#: say what the two numbers measure (DLQ > 1: the sector's share rises relative to the
#: reference) and do not reuse *unggulan* / *andalan*, which name the sector-potential classes
#: of :mod:`potensi.conclusions.sector_potential` (one meaning per word in a report);
#: ``"kuncoro"``: the words of the Indonesian planning literature, unggulan, prospektif, andalan,
#: tertinggal, often attributed to Kuncoro (2004), *Otonomi dan Pembangunan Daerah*; we could not
#: verify that attribution from the book, so potensi does not cite it;
#: ``"swapped"``: the same words with andalan and prospektif exchanged, as printed in part
#: of the thesis literature;
#: ``"reposisi"``: descriptive Indonesian (tetap / bergeser); ``"english"``: descriptive English.
_POTENSI_SLQ_DLQ = pd.CategoricalDtype(
    ["basis, pangsa naik", "basis, pangsa turun", "non-basis, pangsa naik", "non-basis, pangsa turun"], ordered=True)
SLQ_DLQ_LABELS: dict[str, pd.CategoricalDtype] = {
    "potensi": _POTENSI_SLQ_DLQ,
    "kuncoro": pd.CategoricalDtype(["unggulan", "prospektif", "andalan", "tertinggal"], ordered=True),
    "swapped": pd.CategoricalDtype(["unggulan", "andalan", "prospektif", "tertinggal"], ordered=True),
    "reposisi": pd.CategoricalDtype(
        ["basis, tetap basis", "basis, bergeser ke non-basis", "non-basis, bergeser ke basis",
         "non-basis, tetap non-basis"], ordered=True),
    "english": pd.CategoricalDtype(
        ["leading", "declining basic", "emerging", "lagging"], ordered=True),
}

DLQ_METHODS = ("cagr", "mean", "one_period")
SLQ_CHOICES = ("mean", "end", "start")

_COLUMNS = dict(region="region_code", sector="sector_code", year="year", value="value", price_basis="price_basis")


def location_quotient(
    data: pd.DataFrame,
    *,
    reference_code: str | Mapping[str, str],
    regions: Iterable[str] | None = None,
    reference: str = "published",
    exclude: Iterable[str] = (),
    years: Iterable[int] | None = None,
    region: str = "region_code",
    sector: str = "sector_code",
    year: str = "year",
    value: str = "value",
    price_basis: str = "price_basis",
) -> pd.DataFrame:
    r"""Static location quotient (LQ) of each sector in each region and year.

    Parameters
    ----------
    data
        Tidy PDRB: one row per region, year and sector (rows with sector ``"TOTAL"`` are
        ignored; totals are the sum of the sectors left after ``exclude``). One price basis.
    reference_code
        Code of the reference region (the province for its kab/kota, ``"0000"`` for a
        province), or a mapping ``region -> reference`` for regions of several provinces.
    regions
        Study regions (default: every region in ``data`` but the reference).
    reference
        ``"published"`` (default): the reference rows as published; ``"sum"``: the sum of the
        study regions sharing a reference code (reported as ``"<code>-SUM"``).
    exclude
        Sector codes left out before totals are formed (*tanpa migas*, *tanpa pertambangan*).
    years
        Years to report (default: every year in ``data``).
    region, sector, year, value, price_basis
        Column names.

    Returns
    -------
    pandas.DataFrame
        ``region_code, sector_code, year, lq, price_basis, reference_code, reason``; ``reason``
        is ``""`` where ``lq`` is defined and says why it is NaN otherwise.

    Raises
    ------
    ValueError
        Missing column, mixed price bases, unknown region/sector code, a negative or
        non-numeric value (naming region, sector and year), duplicate rows.

    Notes
    -----
    The LQ (*Location Quotient*, *sektor basis* when LQ > 1) compares the sector's share in
    the region with its share in the reference:

    .. math:: LQ_{ij} = \frac{x_{ij} / x_j}{X_i / X}

    with :math:`x_{ij}` sector *i* in region *j*, :math:`x_j = \sum_i x_{ij}`, and
    :math:`X_i`, :math:`X` the same in the reference. With the reference weights the LQs of
    a region satisfy :math:`\sum_i LQ_{ij} X_i / X = 1`.

    Undefined cases give NaN with a ``reason`` (never 0): a missing value, a region total
    with a missing sector, a zero region or reference total, a sector that is 0 in the
    reference. A sector that is 0 in the region (mining in a city) has LQ = 0, a real value.

    References
    ----------
    Isard, W. (1960). *Methods of Regional Analysis*. MIT Press, ch. 7.
    Tarigan, R. (2005). *Ekonomi Regional: Teori dan Aplikasi*. Jakarta: Bumi Aksara.

    Examples
    --------
    Region A (x 30, y 10) against the reference R (x 40, y 60): LQ(A, x) = (30/40)/(40/100)
    = 1.875 and LQ(A, y) = (10/40)/(60/100) = 0.41667.

    >>> df = pd.DataFrame({"region_code": ["A", "A", "R", "R"], "sector_code": ["x", "y", "x", "y"],
    ...                    "year": 2020, "value": [30.0, 10.0, 40.0, 60.0], "price_basis": "ADHB"})
    >>> location_quotient(df, reference_code="R")["lq"].round(5).tolist()
    [1.875, 0.41667]
    """
    func = "location_quotient"
    panel = build_panel(data, func, reference_code=reference_code, regions=regions, reference=reference,
                        exclude=exclude, region=region, sector=sector, year=year, value=value,
                        price_basis=price_basis, years=years)
    return _lq_frame(Prepared(panel))


def _lq_frame(prep: Prepared) -> pd.DataFrame:
    lq, _, level = _lq(prep)
    return yearly_frame(prep.panel, {"lq": lq}, reason=level, reasons=prep.reasons)


def _lq(prep: Prepared) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(LQ, invalid mask, reason codes) per region x year x sector, computed once per panel."""
    def compute():
        x, r = prep.panel.x, prep.panel.ref
        share = ratio(x, prep.total)
        ref_share = ratio(r, prep.ref_total)
        bad, reason = prep.level()
        return np.where(bad, np.nan, ratio(share, ref_share)), bad, reason
    return prep.cached("lq", compute)


def _period_indices(panel, start: int, end: int, func: str) -> tuple[int, int]:
    return panel.year_index(start, func, "start"), panel.year_index(end, func, "end")


def average_location_quotient(
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
    r"""Mean of the annual LQs over ``start`` .. ``end`` (inclusive).

    Parameters are those of :func:`location_quotient` plus the period.

    Returns
    -------
    pandas.DataFrame
        ``region_code, sector_code, start_year, end_year, lq, n_years, price_basis,
        reference_code, reason``.

    Notes
    -----
    .. math:: \overline{LQ}_{ij} = \frac{1}{T} \sum_{t=\text{start}}^{\text{end}} LQ_{ij,t}

    (*rata-rata LQ*). If the LQ is undefined in any year of the period (or a year has no data,
    as for a region formed during the period) the mean is NaN and ``reason`` names the first
    such year and why; no year is silently dropped.

    References
    ----------
    Tarigan, R. (2005). *Ekonomi Regional*. Jakarta: Bumi Aksara.

    Examples
    --------
    LQ(A, x) is (30/40)/(40/100) = 1.875 in 2019 and (20/40)/(50/100) = 1.0 in 2020: mean
    1.4375; LQ(A, y) is (10/40)/(60/100) = 0.416667 and (20/40)/(50/100) = 1.0: mean 0.708333.

    >>> df = pd.DataFrame({"region_code": ["A", "A", "R", "R"] * 2, "sector_code": ["x", "y"] * 4,
    ...                    "year": [2019] * 4 + [2020] * 4, "price_basis": "ADHB",
    ...                    "value": [30.0, 10, 40, 60, 20, 20, 50, 50]})
    >>> average_location_quotient(df, reference_code="R", start=2019, end=2020)["lq"].round(6).tolist()
    [1.4375, 0.708333]
    """
    func = "average_location_quotient"
    start, end = check_period(start, end, func)
    panel = build_panel(data, func, reference_code=reference_code, regions=regions, reference=reference,
                        exclude=exclude, region=region, sector=sector, year=year, value=value,
                        price_basis=price_basis, years=range(start, end + 1))
    prep = Prepared(panel)
    mean, reason = _mean_lq(prep)
    return period_frame(panel, start, end, {"lq": mean, "n_years": np.full(mean.shape, len(panel.years))},
                        reason=reason, reasons=prep.reasons)


def _mean_lq(prep: Prepared) -> tuple[np.ndarray, np.ndarray]:
    """(mean LQ over the panel's years, reason codes) per region x sector."""
    def compute():
        lq, bad, reason = _lq(prep)
        mean = np.where(bad.any(axis=1), np.nan, lq.mean(axis=1))
        return mean, prep.reasons.first(reason, prep.panel.years)
    return prep.cached("mean_lq", compute)


def _growth_factor(x: np.ndarray, i0: int, i1: int, method: str) -> np.ndarray:
    """Per-year growth factor 1 + g over years i0..i1 (axis 1), NaN where undefined."""
    t = i1 - i0
    if method == "mean":
        steps = ratio(x[:, i0 + 1:i1 + 1], x[:, i0:i1])
        return 1 + (steps - 1).mean(axis=1)
    with np.errstate(invalid="ignore"):
        return ratio(x[:, i1], x[:, i0]) ** (1 / t)


def _growth_problems(prep: Prepared, i0: int, i1: int, method: str) -> np.ndarray:
    """Reason codes (region x sector) why a growth-based indicator over i0..i1 is undefined."""
    def compute():
        panel, reasons = prep.panel, prep.reasons
        _, level = prep.level()
        yrs = panel.years
        span = slice(i0, i1 + 1) if method == "mean" else [i0, i1]
        out = reasons.first(level[:, span], yrs[span])
        x, r = panel.x, panel.ref
        base = [i0] if method != "mean" else list(range(i0, i1))
        for i in base:
            zero = reasons.select(
                [x[:, i] == 0, (prep.total[:, i] == 0), r[:, i] == 0 if r is not None else False],
                [f"{yrs[i]}: zero base (sector value 0, growth undefined)",
                 f"{yrs[i]}: zero region total (growth undefined)",
                 f"{yrs[i]}: zero base in the reference (growth undefined)"],
                x[:, i].shape,
            )
            out = reasons.merge(out, zero)
        return out
    return prep.cached(("growth_problems", i0, i1, method), compute)


def dynamic_location_quotient(
    data: pd.DataFrame,
    *,
    reference_code: str | Mapping[str, str],
    start: int,
    end: int,
    method: str = "cagr",
    regions: Iterable[str] | None = None,
    reference: str = "published",
    exclude: Iterable[str] = (),
    region: str = "region_code",
    sector: str = "sector_code",
    year: str = "year",
    value: str = "value",
    price_basis: str = "price_basis",
) -> pd.DataFrame:
    r"""Dynamic location quotient (DLQ) over ``start`` -> ``end`` (constant prices).

    Parameters
    ----------
    method
        ``"cagr"`` (default): the compound IPPS form with average annual compound growth;
        ``"mean"``: the same with the arithmetic mean of the annual rates;
        ``"one_period"``: the simplified ratio without the exponent *t* (CAGR rates).
    Other parameters as in :func:`location_quotient`; ``data`` must be at constant prices
    (``price_basis`` starting with ``ADHK``).

    Returns
    -------
    pandas.DataFrame
        ``region_code, sector_code, start_year, end_year, dlq, method, price_basis,
        reference_code, reason``.

    Raises
    ------
    ValueError
        As :func:`location_quotient`, plus a current-price basis, ``start``/``end`` not in
        the data, an unknown ``method``.

    Notes
    -----
    With *t* = end - start annual steps,

    .. math::

        DLQ_{ij} = \frac{\left[(1+g_{ij})/(1+g_j)\right]^t}{\left[(1+G_i)/(1+G)\right]^t}

    where :math:`g_{ij}` is the growth of sector *i* in region *j*, :math:`g_j` the growth of
    the region's total PDRB, :math:`G_i` the growth of sector *i* in the reference and
    :math:`G` of the reference total. With the compound rate
    :math:`1+g = (x_{end}/x_{start})^{1/t}` (default) the identity
    :math:`DLQ_{ij} = LQ_{ij,end} / LQ_{ij,start}` holds exactly; the ``"mean"`` and
    ``"one_period"`` variants do not satisfy it (use them only to reproduce a source).
    DLQ > 1 means the sector's **share** of the region's PDRB rose relative to the same
    sector's share of the reference (*Dynamic Location Quotient*, Indonesian *DLQ*, IPPS:
    *Indeks Potensi Pengembangan Sektor*). It is not "the sector grows faster than in the
    reference": dividing by the region's own total growth :math:`g_j` makes DLQ > 1 also when
    the sector grows slower than the reference sector (or shrinks) but the region's whole
    economy grows slower still (Kutai Kartanegara 2013–2020: 16 of 17 sectors have DLQ > 1
    because mining, most of its PDRB, shrank). :func:`slq_dlq` reports the growth rates and a
    ``dlq_note`` for those cases.

    NaN with ``reason`` (never 0) when a growth rate is undefined: a zero base (sector 0 in
    the start year), a missing year (a region formed during the period), a zero total.
    A sector falling to 0 at the end gives DLQ = 0, a real value.

    References
    ----------
    Suyatno (2000). Analisa *economic base* terhadap pertumbuhan ekonomi daerah tingkat II
    Wonogiri. *Jurnal Ekonomi Pembangunan*, 1(2) (the DLQ/IPPS form, as cited in the
    Indonesian literature).

    Examples
    --------
    A: x 10 -> 40, y 30 -> 30; R: x 50 -> 100, y 50 -> 50 over 2010 -> 2012 (t = 2). LQ(A, x)
    is (10/40)/(50/100) = 0.5 then (40/70)/(100/150) = 0.857143; DLQ = 0.857143/0.5 = 1.714286.

    >>> df = pd.DataFrame({"region_code": ["A", "A", "R", "R"] * 2, "sector_code": ["x", "y"] * 4,
    ...                    "year": [2010] * 4 + [2012] * 4, "price_basis": "ADHK2010",
    ...                    "value": [10.0, 30, 50, 50, 40, 30, 100, 50]})
    >>> dynamic_location_quotient(df, reference_code="R", start=2010, end=2012)["dlq"].round(6).tolist()
    [1.714286, 0.857143]
    """
    func = "dynamic_location_quotient"
    start, end = check_period(start, end, func)
    check_choice(method, DLQ_METHODS, func, "method")
    panel = build_panel(data, func, reference_code=reference_code, regions=regions, reference=reference,
                        exclude=exclude, region=region, sector=sector, year=year, value=value,
                        price_basis=price_basis, constant=True, years=range(start, end + 1))
    prep = Prepared(panel)
    dlq, reason = _dlq(prep, start, end, method, func)
    return period_frame(panel, start, end, {"dlq": dlq, "method": _constant(method, dlq.shape)},
                        reason=reason, reasons=prep.reasons)


def _constant(text: str, shape: tuple[int, ...]) -> Coded:
    """A text column holding ``text`` in every row."""
    return Coded(np.zeros(shape, dtype=np.int8), [text])


def _dlq(prep: Prepared, start: int, end: int, method: str, func: str) -> tuple[np.ndarray, np.ndarray]:
    """(DLQ, reason codes) per region x sector."""
    i0, i1 = _period_indices(prep.panel, start, end, func)
    t = 1 if method == "one_period" else i1 - i0
    rate = "cagr" if method == "one_period" else method
    x, r = prep.panel.x, prep.panel.ref
    g_ij = _growth_factor(x, i0, i1, rate)
    g_j = _growth_factor(prep.total, i0, i1, rate)
    big_g_i = _growth_factor(r, i0, i1, rate)
    big_g = _growth_factor(prep.ref_total, i0, i1, rate)
    dlq = ratio(ratio(g_ij, g_j) ** t, ratio(big_g_i, big_g) ** t)
    reason = _growth_problems(prep, i0, i1, rate)
    dlq = np.where(reason != 0, np.nan, dlq)
    return dlq, reason


def _quadrants(slq: object, dlq: object) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(category code, -1 where missing; quadrant 0-3; missing mask) of SLQ and DLQ values."""
    s = np.asarray(slq, dtype=float)
    d = np.asarray(dlq, dtype=float)
    quadrant = np.where(s > 1, np.where(d > 1, 0, 1), np.where(d > 1, 2, 3))
    missing = np.isnan(s) | np.isnan(d)
    return np.where(missing, -1, quadrant), quadrant, missing


def classify_slq_dlq(slq: object, dlq: object, *, labels: str = "potensi") -> tuple[pd.Categorical, np.ndarray]:
    """Quadrant label and rule text for SLQ and DLQ values (NaN in either gives a missing label).

    Returns ``(labels, rules)``: an ordered Categorical of the chosen label set
    (:data:`SLQ_DLQ_LABELS`) and the matching rule of :data:`SLQ_DLQ_RULES` (``""`` if missing).

    >>> lab, rule = classify_slq_dlq([1.2, 0.8], [0.9, 1.0])
    >>> list(lab), list(rule)
    (['basis, pangsa turun', 'non-basis, pangsa turun'], ['SLQ>1, DLQ<=1', 'SLQ<=1, DLQ<=1'])
    """
    check_choice(labels, SLQ_DLQ_LABELS, "classify_slq_dlq", "labels")
    codes, quadrant, missing = _quadrants(slq, dlq)
    cat = pd.Categorical.from_codes(codes.reshape(-1), dtype=SLQ_DLQ_LABELS[labels])
    rules = np.where(missing.reshape(-1), "", np.asarray(SLQ_DLQ_RULES, dtype=object)[quadrant.reshape(-1)])
    return cat, rules


def slq_dlq(
    data: pd.DataFrame,
    *,
    reference_code: str | Mapping[str, str],
    start: int,
    end: int,
    method: str = "cagr",
    slq: str = "mean",
    labels: str = "potensi",
    regions: Iterable[str] | None = None,
    reference: str = "published",
    exclude: Iterable[str] = (),
    region: str = "region_code",
    sector: str = "sector_code",
    year: str = "year",
    value: str = "value",
    price_basis: str = "price_basis",
) -> pd.DataFrame:
    r"""DLQ with the SLQ x DLQ classification (basis or not × share rising or not; the literature's
    *sektor unggulan / andalan / prospektif /
    tertinggal*).

    Parameters
    ----------
    method
        DLQ variant, see :func:`dynamic_location_quotient`.
    slq
        Static LQ used: ``"mean"`` (default, mean of the annual LQs over the period),
        ``"end"`` or ``"start"`` (the LQ of that year).
    labels
        Label set, a key of :data:`SLQ_DLQ_LABELS` (default ``"potensi"``: potensi's own
        words; sources disagree).

    Returns
    -------
    pandas.DataFrame
        ``region_code, sector_code, start_year, end_year, dlq, slq_dlq_class, slq,
        slq_dlq_rule, method, growth_pct, reference_growth_pct, region_growth_pct,
        reference_total_growth_pct, dlq_note, price_basis, reference_code, reason``.
        ``slq_dlq_class`` is an ordered Categorical; ``slq_dlq_rule`` states the quadrant (e.g.
        ``"SLQ>1, DLQ<=1"``). The growth columns are CAGR (% per year) of the sector in the
        region (:math:`g_{ij}`), in the reference (:math:`G_i`), of the region's total
        (:math:`g_j`) and of the reference total (:math:`G`); ``dlq_note`` (:data:`DLQ_NOTES`)
        is non-empty where DLQ > 1 although :math:`g_{ij} \le G_i` (the share rose only because
        the region's total grew slower than the reference's) or where the region's total
        shrank (:math:`g_j < 0`: every share rises when the dominant sector shrinks).

    Notes
    -----
    ============  ===============  ===============
    \             DLQ > 1          DLQ <= 1
    ============  ===============  ===============
    SLQ > 1       basis, naik      basis, turun
    SLQ <= 1      non-basis, naik  non-basis, turun
    ============  ===============  ===============

    (label set ``"potensi"``: potensi's descriptive words, "basis, pangsa naik" etc.; with
    ``labels="kuncoro"`` the literature's unggulan / prospektif / andalan / tertinggal, on which
    Indonesian sources disagree). A class is missing (NaN) where SLQ or DLQ is NaN; ``reason`` says why.

    References
    ----------
    Suyatno (2000), see :func:`dynamic_location_quotient` (DLQ). The SLQ x DLQ matrix is common
    in Indonesian regional-planning theses, often credited to Kuncoro (2004); the label words
    here are potensi's (see :data:`SLQ_DLQ_LABELS`).

    Examples
    --------
    The DLQ example of :func:`dynamic_location_quotient` with the end-year LQ: sector x has
    SLQ 0.857 and DLQ 1.714 (*non-basis, pangsa naik*); y has LQ(2012) = (30/70)/(50/150) = 1.2857 and
    DLQ 0.857 (*basis, pangsa turun*).

    >>> df = pd.DataFrame({"region_code": ["A", "A", "R", "R"] * 2, "sector_code": ["x", "y"] * 4,
    ...                    "year": [2010] * 4 + [2012] * 4, "price_basis": "ADHK2010",
    ...                    "value": [10.0, 30, 50, 50, 40, 30, 100, 50]})
    >>> out = slq_dlq(df, reference_code="R", start=2010, end=2012, slq="end")
    >>> out["slq_dlq_class"].tolist()
    ['non-basis, pangsa naik', 'basis, pangsa turun']
    """
    func = "slq_dlq"
    start, end = check_period(start, end, func)
    check_choice(method, DLQ_METHODS, func, "method")
    check_choice(slq, SLQ_CHOICES, func, "slq")
    check_choice(labels, SLQ_DLQ_LABELS, func, "labels")
    panel = build_panel(data, func, reference_code=reference_code, regions=regions, reference=reference,
                        exclude=exclude, region=region, sector=sector, year=year, value=value,
                        price_basis=price_basis, constant=True, years=range(start, end + 1))
    return _slq_dlq_frame(Prepared(panel), start, end, method=method, slq=slq, labels=labels, func=func)


def _slq_dlq_frame(prep: Prepared, start: int, end: int, *, method: str, slq: str, labels: str,
                   func: str) -> pd.DataFrame:
    panel, reasons = prep.panel, prep.reasons
    dlq, dlq_reason = _dlq(prep, start, end, method, func)
    if slq == "mean":
        s, s_reason = _mean_lq(prep)
    else:
        lq, _, level = _lq(prep)
        i = panel.year_index(start if slq == "start" else end, func, slq)
        s = lq[:, i]
        s_reason = reasons.first(level[:, [i]], panel.years[[i]])
    codes, quadrant, missing = _quadrants(s, dlq)
    cat = pd.Categorical.from_codes(codes.reshape(-1), dtype=SLQ_DLQ_LABELS[labels])
    rules = Coded(np.where(missing, len(SLQ_DLQ_RULES), quadrant), (*SLQ_DLQ_RULES, ""))
    reason = reasons.merge(dlq_reason, reasons.format(s_reason, "SLQ {text}"))
    i0, i1 = _period_indices(panel, start, end, func)
    g_ij = 100 * (_growth_factor(panel.x, i0, i1, "cagr") - 1)
    g_i = 100 * (_growth_factor(panel.ref, i0, i1, "cagr") - 1)
    g_j = np.broadcast_to(100 * (_growth_factor(prep.total, i0, i1, "cagr") - 1), g_ij.shape)
    g = np.broadcast_to(100 * (_growth_factor(prep.ref_total, i0, i1, "cagr") - 1), g_ij.shape)
    up = (dlq > 1) & ~np.isnan(g_ij)
    note = np.where(up & (g_j < 0), np.where(g_ij > g_i, 2, 3), np.where(up & ~(g_ij > g_i), 1, 0))
    return period_frame(
        panel, start, end,
        {"dlq": dlq, "slq_dlq_class": cat, "slq": s, "slq_dlq_rule": rules,
         "method": _constant(method, dlq.shape),
         "growth_pct": np.where(reason != 0, np.nan, g_ij), "reference_growth_pct": g_i,
         "region_growth_pct": g_j, "reference_total_growth_pct": g,
         "dlq_note": Coded(note, DLQ_NOTES)},
        reason=reason, reasons=reasons,
    )


#: ``dlq_note`` texts (index 0: no note) for DLQ > 1: 1 the sector did not outgrow the reference
#: sector (its share rose because the region's total grew slower than the reference's); 2 the
#: region's total shrank (the share rose partly for that reason); 3 both.
DLQ_NOTES = (
    "",
    "DLQ > 1 from share only: sector growth not above the reference's",
    "DLQ > 1 in a shrinking region: share up partly because the region's total shrank",
    "DLQ > 1 from share only: sector growth not above the reference's; region total shrank",
)

