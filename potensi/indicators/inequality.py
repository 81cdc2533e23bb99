"""Regional inequality (*ketimpangan wilayah*) of PDRB per capita.

Williamson index (weighted, Sjafrizal form, and unweighted), Theil T and Theil L with the
between/within decomposition, and the Gini coefficient, all computed per year (or per any
``by`` keys) on a tidy table with one row per region: total PDRB (miliar rupiah) and population
(jiwa). Weighted forms weight regions by population; unweighted forms weight every region
equally (the textbook forms of PySAL's ``inequality`` package).

Per capita of an aggregate (a province, an island, the mean) is always
:math:`\\sum Y / \\sum P`, never the mean of per-capita values.

Undefined cases return NaN with a ``reason`` (fewer than two regions, missing or zero
population, zero PDRB for Theil L); wrong arguments raise ValueError.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from potensi.core.validate import require_columns

__all__ = [
    "GINI_NO_CLASS",
    "GINI_THRESHOLDS",
    "INEQUALITY_LABELS",
    "WILLIAMSON_THRESHOLDS",
    "classify_inequality",
    "gini",
    "inequality_table",
    "theil",
    "theil_decomposition",
    "williamson",
]

#: Labels of the inequality classes, low to high.
INEQUALITY_LABELS = pd.CategoricalDtype(["rendah", "sedang", "tinggi"], ordered=True)
#: Williamson index: < 0.35 rendah, 0.35–0.5 sedang, > 0.5 tinggi. These cut-offs are
#: Oshima's inequality bands as BPS presents them; Indonesian regional studies borrow them for
#: the Williamson index. Williamson (1965) gives no thresholds and they are not Sjafrizal's
#: either: the classes are a reading convention, not a property of the index. Configurable:
#: pass ``thresholds=``.
WILLIAMSON_THRESHOLDS = (0.35, 0.5)
#: Household Gini ratio: < 0.3 rendah, 0.3–0.5 sedang, > 0.5 tinggi (BPS's reading of the Gini
#: ratio of household expenditure, after Oshima). Meant for a distribution over households;
#: :func:`inequality_table` does **not** apply it to a Gini across a handful of regions (10 kab/kota
#: of a province, 34 provinces), where the index is bounded by the few units and the classes
#: have no meaning. Pass ``gini_thresholds=GINI_THRESHOLDS`` explicitly to label anyway.
GINI_THRESHOLDS = (0.3, 0.5)
#: ``note`` of the Gini rows of :func:`inequality_table` when no class is given.
GINI_NO_CLASS = ("no class: the Gini bands (Oshima via BPS) are for household distributions, not for a Gini "
                 "across a few regions")


def classify_inequality(values, *, thresholds: Sequence[float] = WILLIAMSON_THRESHOLDS) -> pd.Categorical:
    """Label index values rendah / sedang / tinggi.

    ``v < low`` is rendah, ``low <= v <= high`` sedang and ``v > high`` tinggi; NaN stays NaN.

    >>> list(classify_inequality([0.2, 0.35, 0.5, 0.7]))
    ['rendah', 'sedang', 'sedang', 'tinggi']
    """
    low, high = thresholds
    if not low < high:
        raise ValueError(f"classify_inequality: argument thresholds={tuple(thresholds)}: not increasing; "
                         "expected (low, high) with low < high")
    v = np.asarray(values, dtype=float)
    codes = np.where(np.isnan(v), -1, np.where(v < low, 0, np.where(v <= high, 1, 2)))
    return pd.Categorical.from_codes(codes, dtype=INEQUALITY_LABELS)


# --------------------------------------------------------------------------- preparation
def _prepare(data: pd.DataFrame, func: str, *, value: str, population: str | None, region: str,
             by: Sequence[str], weighted: bool, extra: Sequence[str] = ()) -> pd.DataFrame:
    """Columns ``by + [region, _w, _inc, _y, _bad]``: weight, income (weight x per capita)."""
    needed = {value: "value", region: "region", **{b: "by" for b in by}, **{e: "group" for e in extra}}
    if population is not None:
        needed[population] = "population"
    require_columns(data, func, needed)
    if population is None and weighted:
        raise ValueError(f"{func}: argument population=None: a population-weighted index needs population; "
                         "expected a population column, or weighted=False with per-capita values in value=")
    frame = data[list(by) + [region] + list(extra)].copy()
    if population is None:
        y = data[value].to_numpy(dtype=float)
        pop = np.ones(len(frame))
        bad = np.where(np.isnan(y), "per capita missing", "")
    else:
        pop = data[population].to_numpy(dtype=float)
        val = data[value].to_numpy(dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            y = np.where(pop > 0, val / pop, np.nan)
        bad = np.where(np.isnan(pop), "population missing",
                       np.where(pop <= 0, "population zero", np.where(np.isnan(val), "PDRB missing", "")))
    if np.any(y < 0):
        raise ValueError(f"{func}: column {value!r} (argument value=) has negative values; expected PDRB >= 0")
    w = pop if weighted else np.ones(len(frame))
    frame["_w"] = np.where(bad == "", w, np.nan)
    frame["_y"] = np.where(bad == "", y, np.nan)
    frame["_inc"] = frame["_w"] * frame["_y"]
    frame["_bad"] = np.where(bad != "", frame[region].astype(str) + " (" + bad + ")", "")
    return frame


def _group_reason(frame: pd.DataFrame, by: list[str], min_n: int = 2) -> pd.DataFrame:
    """Per group: n valid regions and the reason when the index is undefined."""
    keys = by if by else None
    if keys:
        n = frame.groupby(keys, sort=True, dropna=False)["_y"].count()
        flagged = frame[frame["_bad"] != ""]  # usually none: join the reasons of those rows only
        bad = (flagged.groupby(keys, sort=True, dropna=False)["_bad"].agg("; ".join)
               .reindex(n.index, fill_value=""))
    else:
        n = pd.Series([frame["_y"].count()])
        bad = pd.Series(["; ".join(x for x in frame["_bad"] if x)])
    reason = np.where(bad != "", "undefined: " + bad,
                      np.where(n < min_n, f"undefined: fewer than {min_n} regions", ""))
    out = pd.DataFrame({"n_regions": n.to_numpy(), "reason": reason}, index=n.index)
    return out


def _finish(values: pd.Series, reasons: pd.DataFrame, by: list[str], name: str) -> pd.DataFrame:
    out = reasons.copy()
    out[name] = values.reindex(out.index).to_numpy(dtype=float)
    out.loc[out["reason"] != "", name] = np.nan
    out = out.reset_index() if by else out.reset_index(drop=True)
    return out[by + [name, "n_regions", "reason"]]


def _sum(frame: pd.DataFrame, col: str, by: list[str]) -> pd.Series:
    if by:
        return frame.groupby(by, sort=True, dropna=False)[col].sum()
    return pd.Series([frame[col].sum()])


def _tsum(frame: pd.DataFrame, col: str, by: list[str]) -> np.ndarray:
    if by:
        return frame.groupby(by, sort=True, dropna=False)[col].transform("sum").to_numpy()
    return np.full(len(frame), frame[col].sum())


# --------------------------------------------------------------------------- Williamson
def williamson(
    data: pd.DataFrame,
    *,
    value: str = "value",
    population: str | None = "population",
    region: str = "region_code",
    by: Sequence[str] = ("year",),
    weighted: bool = True,
    mean: pd.Series | None = None,
    name: str = "williamson",
) -> pd.DataFrame:
    """Williamson index (*indeks Williamson*, coefficient of variation) of PDRB per capita among regions.

    Parameters
    ----------
    data
        One row per region and ``by`` group: total PDRB (``value``, miliar rupiah) and
        ``population`` (jiwa). With ``population=None`` and ``weighted=False`` ``value`` is
        read as per capita.
    weighted
        True (default): the population-weighted index :math:`V_w`; False: the unweighted
        coefficient of variation :math:`V_{uw}`.
    mean
        Weighted form only: the reference per capita :math:`\\bar y` by group (a Series indexed
        by the ``by`` key, in the same unit as ``value / population``), e.g. the province's
        own published per capita. Default: :math:`\\sum Y_i / \\sum P_i` of the regions.

    Returns
    -------
    pandas.DataFrame
        ``by`` + ``[name, n_regions, reason]``.

    Notes
    -----
    Sjafrizal's form of Williamson's weighted index:

    .. math:: V_w = \\frac{1}{\\bar y} \\sqrt{\\sum_i (y_i - \\bar y)^2 \\frac{f_i}{n}},
              \\qquad \\bar y = \\frac{\\sum_i Y_i}{\\sum_i f_i}

    with :math:`y_i` the per capita PDRB of region *i*, :math:`f_i` its population and
    :math:`n = \\sum f_i`. Unweighted: :math:`V_{uw} = \\sqrt{\\tfrac1N \\sum (y_i - \\bar y_u)^2}
    / \\bar y_u` with :math:`\\bar y_u` the plain mean of the :math:`y_i` (the coefficient of
    variation). Both are 0 when all per-capita values are equal and are unchanged when PDRB is
    scaled. Classes: :data:`WILLIAMSON_THRESHOLDS` (Oshima's bands via BPS, a convention
    borrowed by Indonesian studies; not from Williamson 1965 nor Sjafrizal 2008).

    References
    ----------
    Williamson, J. G. (1965). Regional inequality and the process of national development.
    *Economic Development and Cultural Change* 13(4), 1–84. Sjafrizal (2008). *Ekonomi
    Regional: Teori dan Aplikasi*. Padang: Baduose Media.

    Examples
    --------
    Regions with PDRB 10 and 30 and populations 1 and 1: per capita 10 and 30, mean 20,
    :math:`V_w = \\sqrt{(100 \\cdot 0.5 + 100 \\cdot 0.5)} / 20 = 0.5`.

    >>> d = pd.DataFrame({"year": [2020, 2020], "region_code": ["a", "b"],
    ...                   "value": [10.0, 30.0], "population": [1.0, 1.0]})
    >>> float(williamson(d)["williamson"].iloc[0])
    0.5
    """
    by = list(by)
    frame = _prepare(data, "williamson", value=value, population=population, region=region, by=by,
                     weighted=weighted)
    reasons = _group_reason(frame, by)
    if weighted:
        ybar = _tsum(frame, "_inc", by) / _tsum(frame, "_w", by)
        if mean is not None:
            if by:
                idx = pd.MultiIndex.from_frame(frame[by]) if len(by) > 1 else pd.Index(frame[by[0]])
                ybar = pd.Series(mean).reindex(idx).to_numpy(dtype=float)
            else:
                ybar = np.full(len(frame), float(np.asarray(mean).ravel()[0]))
        frame["_ybar"] = ybar
        frame["_dev"] = frame["_w"] * (frame["_y"] - frame["_ybar"]) ** 2
        var = _sum(frame, "_dev", by) / _sum(frame, "_w", by)
        ybar_g = (frame.groupby(by, sort=True, dropna=False)["_ybar"].first() if by
                  else pd.Series([frame["_ybar"].iloc[0]]))
        values = np.sqrt(var) / ybar_g
        if mean is not None:
            missing = ybar_g.isna()
            reasons.loc[missing.to_numpy() & (reasons["reason"] == "").to_numpy(), "reason"] = \
                "undefined: reference mean (argument mean=) missing"
    else:
        if by:
            g = frame.groupby(by, sort=True, dropna=False)["_y"]
            values = g.std(ddof=0) / g.mean()
        else:
            values = pd.Series([frame["_y"].std(ddof=0) / frame["_y"].mean()])
    return _finish(values, reasons, by, name)


# --------------------------------------------------------------------------- Theil
def _theil_terms(frame: pd.DataFrame, by: list[str], kind: str) -> pd.Series:
    s = frame["_inc"] / _tsum(frame, "_inc", by)
    p = frame["_w"] / _tsum(frame, "_w", by)
    with np.errstate(divide="ignore", invalid="ignore"):
        if kind == "T":
            term = np.where(s > 0, s * np.log(s / p), 0.0)
        else:
            term = np.where(s > 0, p * np.log(p / s), np.inf)
    return pd.Series(term, index=frame.index)


def _check_kind(func: str, kind: str) -> None:
    if kind not in ("T", "L"):
        raise ValueError(f"{func}: argument kind={kind!r} is unknown; expected 'T' (Theil T) or 'L' (Theil L, MLD)")


def theil(
    data: pd.DataFrame,
    *,
    value: str = "value",
    population: str | None = "population",
    region: str = "region_code",
    by: Sequence[str] = ("year",),
    kind: str = "T",
    weighted: bool = True,
    name: str | None = None,
) -> pd.DataFrame:
    """Theil index (*indeks Theil*) T or L of PDRB per capita among regions.

    Returns ``by`` + ``[name, n_regions, reason]`` (``name`` defaults to ``theil_t`` or
    ``theil_l``). Theil L is undefined (NaN with a reason) when a region has zero PDRB.

    Notes
    -----
    With income shares :math:`s_i = Y_i / \\sum Y` and population shares
    :math:`p_i = P_i / \\sum P` (equal shares :math:`1/N` and :math:`s_i = y_i / \\sum y`
    when ``weighted=False``):

    .. math:: T = \\sum_i s_i \\ln \\frac{s_i}{p_i}, \\qquad L = \\sum_i p_i \\ln \\frac{p_i}{s_i}

    Unweighted T is PySAL's ``inequality.theil.Theil``. Both are 0 for equal per capita.

    References
    ----------
    Theil, H. (1967). *Economics and Information Theory*. Amsterdam: North-Holland.
    Akita, T. (2003). Decomposing regional income inequality in China and Indonesia using
    two-stage nested Theil decomposition method. *Annals of Regional Science* 37, 55–77.

    Examples
    --------
    Two regions, PDRB 10 and 30, one person each: :math:`s = (0.25, 0.75)`, :math:`p = (0.5,
    0.5)`, :math:`T = 0.25 \\ln 0.5 + 0.75 \\ln 1.5 = 0.130812`.

    >>> d = pd.DataFrame({"year": [2020, 2020], "region_code": ["a", "b"],
    ...                   "value": [10.0, 30.0], "population": [1.0, 1.0]})
    >>> round(float(theil(d)["theil_t"].iloc[0]), 6)
    0.130812
    """
    _check_kind("theil", kind)
    by = list(by)
    name = name or f"theil_{kind.lower()}"
    frame = _prepare(data, "theil", value=value, population=population, region=region, by=by, weighted=weighted)
    reasons = _group_reason(frame, by)
    frame["_term"] = _theil_terms(frame, by, kind)
    values = _sum(frame, "_term", by)
    if kind == "L":
        zero = frame.loc[np.isinf(frame["_term"])]
        if len(zero):
            _mark_zero(reasons, zero, by, region)
    return _finish(values, reasons, by, name)


def _mark_zero(reasons: pd.DataFrame, zero: pd.DataFrame, by: list[str], region: str) -> None:
    if by:
        names = zero.groupby(by, sort=True)[region].agg(lambda s: ", ".join(map(str, s)))
        for key, regs in names.items():
            if reasons.loc[key, "reason"] == "":
                reasons.loc[key, "reason"] = f"undefined: zero PDRB in {regs} (Theil L needs y > 0)"
    elif reasons["reason"].iloc[0] == "":
        reasons.iloc[0, reasons.columns.get_loc("reason")] = (
            f"undefined: zero PDRB in {', '.join(map(str, zero[region]))} (Theil L needs y > 0)")


def theil_decomposition(
    data: pd.DataFrame,
    *,
    group: str,
    value: str = "value",
    population: str | None = "population",
    region: str = "region_code",
    by: Sequence[str] = ("year",),
    kind: str = "T",
    weighted: bool = True,
) -> pd.DataFrame:
    """Theil T (or L) split into inequality between and within groups.

    Parameters
    ----------
    group
        Column naming each region's group: the province of a kab/kota (kab/kota within
        provinces) or the island of a province (``island`` in the region catalog).

    Returns
    -------
    pandas.DataFrame
        ``by`` + ``[index, total, between, within, between_share, n_groups, n_regions,
        reason]``; ``between + within == total`` exactly.

    Notes
    -----
    With group income and population shares :math:`s_g, p_g` and each group's own index
    :math:`T_g, L_g` (computed from shares within the group):

    .. math:: T = \\underbrace{\\sum_g s_g \\ln \\frac{s_g}{p_g}}_{\\text{between}}
              + \\underbrace{\\sum_g s_g T_g}_{\\text{within}}, \\qquad
              L = \\sum_g p_g \\ln \\frac{p_g}{s_g} + \\sum_g p_g L_g

    (*ketimpangan antarwilayah dan dalam wilayah*). Akita (2003) applies it to Indonesian
    districts within provinces within islands.

    References
    ----------
    Shorrocks, A. F. (1980). The class of additively decomposable inequality measures.
    *Econometrica* 48(3), 613–625. Akita, T. (2003), see :func:`theil`.

    Examples
    --------
    Groups g = {a, b} and h = {c}; PDRB 10, 30, 60; one person each. Total
    :math:`T = 0.1 \\ln 0.3 + 0.3 \\ln 0.9 + 0.6 \\ln 1.8 = 0.200667`; between
    :math:`0.4 \\ln(0.4/(2/3)) + 0.6 \\ln(0.6/(1/3)) = 0.148342`.

    >>> d = pd.DataFrame({"year": [1, 1, 1], "region_code": ["a", "b", "c"], "g": ["g", "g", "h"],
    ...                   "value": [10.0, 30.0, 60.0], "population": [1.0, 1.0, 1.0]})
    >>> out = theil_decomposition(d, group="g")
    >>> round(float(out["total"].iloc[0]), 6), round(float(out["between"].iloc[0]), 6)
    (0.200667, 0.148342)
    """
    _check_kind("theil_decomposition", kind)
    by = list(by)
    frame = _prepare(data, "theil_decomposition", value=value, population=population, region=region, by=by,
                     weighted=weighted, extra=[group])
    if frame[group].isna().any():
        regs = frame.loc[frame[group].isna(), region].astype(str).tolist()
        raise ValueError(f"theil_decomposition: column {group!r} (argument group=) is missing for region(s) {regs}; "
                         "expected every region in a group")
    reasons = _group_reason(frame, by)
    frame["_term"] = _theil_terms(frame, by, kind)
    total = _sum(frame, "_term", by)
    gb = by + [group]
    gsum = frame.groupby(gb, sort=True, dropna=False)[["_inc", "_w"]].sum()
    if by:
        tot = gsum.groupby(level=list(range(len(by))), sort=True).transform("sum")
    else:
        tot = gsum.sum()
    s_g, p_g = gsum["_inc"] / tot["_inc"], gsum["_w"] / tot["_w"]
    with np.errstate(divide="ignore", invalid="ignore"):
        if kind == "T":
            bterm = np.where(s_g > 0, s_g * np.log(s_g / p_g), 0.0)
        else:
            bterm = np.where(s_g > 0, p_g * np.log(p_g / s_g), np.inf)
    bterm = pd.Series(bterm, index=gsum.index)
    between = bterm.groupby(level=list(range(len(by))), sort=True).sum() if by else pd.Series([bterm.sum()])
    n_groups = (gsum.groupby(level=list(range(len(by))), sort=True).size() if by
                else pd.Series([len(gsum)]))
    if kind == "L":
        zero = frame.loc[np.isinf(frame["_term"])]
        if len(zero):
            _mark_zero(reasons, zero, by, region)
    out = _finish(total, reasons, by, "total")
    out["between"] = between.reindex(reasons.index).to_numpy(dtype=float) if by else between.to_numpy()
    out["within"] = out["total"] - out["between"]
    out.loc[out["reason"] != "", ["between", "within"]] = np.nan
    with np.errstate(divide="ignore", invalid="ignore"):
        out["between_share"] = out["between"] / out["total"]
    out["n_groups"] = n_groups.reindex(reasons.index).to_numpy() if by else n_groups.to_numpy()
    out.insert(len(by), "index", f"theil_{kind.lower()}")
    return out[by + ["index", "total", "between", "within", "between_share", "n_groups", "n_regions", "reason"]]


# --------------------------------------------------------------------------- Gini
def gini(
    data: pd.DataFrame,
    *,
    value: str = "value",
    population: str | None = "population",
    region: str = "region_code",
    by: Sequence[str] = ("year",),
    weighted: bool = True,
    name: str = "gini",
) -> pd.DataFrame:
    """Gini coefficient (*rasio Gini*, *indeks Gini wilayah*) of PDRB per capita among regions.

    Notes
    -----
    Population-weighted, from the Lorenz curve of regions sorted by per capita :math:`y_i`,
    with population shares :math:`p_i` and cumulative income shares :math:`S_i`:

    .. math:: G = 1 - \\sum_i p_i (S_{i-1} + S_i)
              = \\frac{1}{2 \\bar y} \\sum_i \\sum_j p_i p_j |y_i - y_j|

    With ``weighted=False`` every region has :math:`p_i = 1/N` (PySAL's
    ``inequality.gini.Gini``). :data:`GINI_THRESHOLDS` are household-distribution classes and
    are not applied to a Gini across regions by default.

    References
    ----------
    Gini, C. (1912). *Variabilità e mutabilità*. Bologna. Cowell, F. A. (2011).
    *Measuring Inequality*, 3rd ed., Oxford University Press, ch. 2.

    Examples
    --------
    Per capita 10 and 30, one person each: :math:`G = (0.25 \\cdot 20 \\cdot 2) / (2 \\cdot 20)
    = 0.25`.

    >>> d = pd.DataFrame({"year": [2020, 2020], "region_code": ["a", "b"],
    ...                   "value": [10.0, 30.0], "population": [1.0, 1.0]})
    >>> float(gini(d)["gini"].iloc[0])
    0.25
    """
    by = list(by)
    frame = _prepare(data, "gini", value=value, population=population, region=region, by=by, weighted=weighted)
    reasons = _group_reason(frame, by)
    frame = frame.sort_values(by + ["_y"], kind="stable")
    p = frame["_w"] / _tsum(frame, "_w", by)
    s = frame["_inc"] / _tsum(frame, "_inc", by)
    frame["_p"], frame["_s"] = p, s
    cum = frame.groupby(by, sort=False)["_s"].cumsum() if by else frame["_s"].cumsum()
    frame["_term"] = frame["_p"] * (2 * cum - frame["_s"])
    values = 1 - _sum(frame, "_term", by)
    return _finish(values, reasons, by, name)


# --------------------------------------------------------------------------- all indices
def inequality_table(
    data: pd.DataFrame,
    *,
    value: str = "value",
    population: str = "population",
    region: str = "region_code",
    by: Sequence[str] = ("year",),
    group: str | None = None,
    mean: pd.Series | None = None,
    williamson_thresholds: Sequence[float] = WILLIAMSON_THRESHOLDS,
    gini_thresholds: Sequence[float] | None = None,
) -> pd.DataFrame:
    """All indices in one long table: ``by + [index, value, n_regions, class, reason]``.

    Indices: ``williamson_weighted``, ``williamson_unweighted``, ``theil_t`` (weighted),
    ``theil_t_unweighted``, ``theil_l``, ``gini`` (weighted), ``gini_unweighted`` and, when
    ``group`` is given, ``theil_t_between`` and ``theil_t_within`` (population-weighted).
    ``class`` labels the Williamson rows with ``williamson_thresholds`` (see
    :func:`classify_inequality`; Oshima's bands via BPS). The Gini rows get no class unless
    ``gini_thresholds`` is given: the household-Gini bands do not apply to a Gini across a few
    regions (:data:`GINI_NO_CLASS`; until issue #10 they were applied). ``mean`` goes to the
    weighted Williamson index.

    >>> d = pd.DataFrame({"year": [2020, 2020], "region_code": ["a", "b"],
    ...                   "value": [10.0, 30.0], "population": [1.0, 1.0]})
    >>> row = inequality_table(d).set_index("index").loc["williamson_weighted"]
    >>> float(row["value"]), row["class"]
    (0.5, 'sedang')
    """
    by = list(by)
    kw = dict(value=value, population=population, region=region, by=by)
    parts = [
        ("williamson_weighted", williamson(data, weighted=True, mean=mean, name="v", **kw)),
        ("williamson_unweighted", williamson(data, weighted=False, name="v", **kw)),
        ("theil_t", theil(data, kind="T", name="v", **kw)),
        ("theil_t_unweighted", theil(data, kind="T", weighted=False, name="v", **kw)),
        ("theil_l", theil(data, kind="L", name="v", **kw)),
        ("gini", gini(data, name="v", **kw)),
        ("gini_unweighted", gini(data, weighted=False, name="v", **kw)),
    ]
    if group is not None:
        dec = theil_decomposition(data, group=group, kind="T", **kw)
        for part in ("between", "within"):
            parts.append((f"theil_t_{part}", dec[by + [part, "n_regions", "reason"]].rename(columns={part: "v"})))
    frames = []
    for index, frame in parts:
        frame = frame.rename(columns={"v": "value"})
        frame.insert(len(by), "index", index)
        if index.startswith("williamson"):
            frame["class"] = classify_inequality(frame["value"], thresholds=williamson_thresholds).astype(object)
        elif index.startswith("gini") and gini_thresholds is not None:
            frame["class"] = classify_inequality(frame["value"], thresholds=gini_thresholds).astype(object)
        else:
            frame["class"] = ""
        frames.append(frame)
    out = pd.concat(frames, ignore_index=True)
    out["class"] = out["class"].fillna("").astype(str)
    return out[by + ["index", "value", "n_regions", "class", "reason"]]
