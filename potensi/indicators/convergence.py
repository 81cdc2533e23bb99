"""Convergence of PDRB per capita among regions (*konvergensi*): β and σ.

β-convergence (*konvergensi beta*) asks whether poorer regions grow faster; σ-convergence
(*konvergensi sigma*) whether the dispersion of log per capita shrinks over time.

Per capita must come from one population source: a start and end year on different sides
of the 2017/2018 population break (see :mod:`potensi.data.population`) are refused unless
``allow_break=True``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from potensi.core.validate import require_columns

__all__ = ["BETA_MIN_YEARS", "BETA_PATTERNS", "beta_convergence", "sigma_convergence"]

#: Shortest window (years, start and end included) for which β-convergence is estimated: over
#: fewer years the growth rates are dominated by the business cycle and by single shocks.
BETA_MIN_YEARS = 5
#: ``pattern`` texts of :func:`beta_convergence` (see its Notes).
BETA_PATTERNS = ("", "poorer regions grew faster", "richest regions shrank", "richest shrank, poorest stagnated",
                 "no convergence")


def beta_convergence(
    data: pd.DataFrame,
    *,
    start: int,
    end: int,
    per_capita: str = "per_capita",
    region: str = "region_code",
    year: str = "year",
    cov_type: str = "HC3",
    alpha: float = 0.05,
    allow_break: bool = False,
    min_years: int = BETA_MIN_YEARS,
    stagnation: float = 0.5,
) -> pd.DataFrame:
    """Absolute β-convergence of per capita PDRB between two years (OLS, robust SE).

    Parameters
    ----------
    data
        Per capita PDRB at constant prices by region and year (e.g. from
        :func:`potensi.data.population.per_capita`); a ``population_source`` column, if present,
        is checked for the break.
    cov_type
        statsmodels covariance type for the standard errors (default ``"HC3"``,
        heteroskedasticity-robust and the better choice for the small samples of a province's
        10–20 kab/kota (MacKinnon & White 1985; Long & Ervin 2000); ``"HC1"`` was the default
        before issue #10; ``"nonrobust"`` for classical OLS).
    allow_break
        Accept start and end per capita computed with different population sources.
    min_years
        Shortest window accepted, in years with start and end included (default
        :data:`BETA_MIN_YEARS` = 5, e.g. 2013–2017); a shorter one raises ``ValueError``.
    stagnation
        Mean annual growth (% per year) below which the poorest regions count as stagnating
        in ``pattern`` (default 0.5).

    Returns
    -------
    pandas.DataFrame
        One row: ``start_year, end_year, n_regions, alpha, beta, std_error, t_value, p_value,
        ci_low, ci_high, r_squared, cov_type, speed, speed_std_error, half_life, converging,
        population_source, reason, rich_regions, rich_growth_pct, poor_regions,
        poor_growth_pct, pattern``. ``speed`` is per year; ``half_life`` in years (NaN when
        :math:`\\beta \\ge 0`); ``converging`` is True when β < 0 and p < ``alpha``. Fewer than 3
        regions with both years: NaN with a reason. ``rich_regions``/``poor_regions`` are the
        :math:`k = \\lceil n/4 \\rceil` regions with the highest/lowest initial per capita
        (codes joined by ``","``) and ``*_growth_pct`` their mean annual log growth × 100;
        ``pattern`` words the result (see Notes).

    Raises
    ------
    ValueError
        ``end <= start``; a window shorter than ``min_years``; population sources that differ
        between start and end (unless ``allow_break``).

    Notes
    -----
    .. math:: \\frac{1}{T} \\ln \\frac{y_{i,t+T}}{y_{i,t}} = a + \\beta \\ln y_{i,t} + \\varepsilon_i,
              \\qquad \\lambda = -\\frac{\\ln(1 + \\beta T)}{T}, \\qquad
              \\text{half-life} = \\frac{\\ln 2}{\\lambda}

    The standard error of :math:`\\lambda` is by the delta method,
    :math:`se_\\lambda = se_\\beta / |1 + \\beta T|`.

    A negative β says only that the gap narrowed, not how. ``pattern`` words it from the data:
    when β < 0, *richest regions shrank* if the richest quarter's mean growth is negative
    (*richest shrank, poorest stagnated* if the poorest quarter also grew less than
    ``stagnation`` % per year), else *poorer regions grew faster*; β ≥ 0 is *no convergence*.
    (Kalimantan Timur 2013–2017: the "convergence" is mining regions shrinking, Kutai
    Kartanegara −4.6 % per capita per year, while the poorest barely grew.)

    References
    ----------
    Barro, R. J. & Sala-i-Martin, X. (1992). Convergence. *Journal of Political Economy* 100(2),
    223–251. Sala-i-Martin, X. (1996). The classical approach to convergence analysis. *Economic
    Journal* 106, 1019–1036. MacKinnon, J. G. & White, H. (1985). Some heteroskedasticity-
    consistent covariance matrix estimators with improved finite sample properties. *Journal
    of Econometrics* 29, 305–325. Long, J. S. & Ervin, L. H. (2000). Using heteroscedasticity
    consistent standard errors in the linear regression model. *The American Statistician*
    54(3), 217–224.

    Examples
    --------
    >>> d = pd.DataFrame({"region_code": list("abcd") * 2, "year": [2010] * 4 + [2020] * 4,
    ...                   "per_capita": [10.0, 20.0, 40.0, 80.0, 20.0, 36.0, 64.0, 112.0]})
    >>> out = beta_convergence(d, start=2010, end=2020)
    >>> bool(out["beta"].iloc[0] < 0)
    True
    """
    # the two names, not statsmodels.api (which imports all of statsmodels: 0.4 s more at a kernel's start)
    from statsmodels.regression.linear_model import OLS
    from statsmodels.tools.tools import add_constant

    func = "beta_convergence"
    require_columns(data, func, {per_capita: "per_capita", region: "region", year: "year"})
    start, end = int(start), int(end)
    if not end > start:
        raise ValueError(f"{func}: arguments start={start}, end={end}: end must be after start")
    if end - start + 1 < min_years:
        raise ValueError(f"{func}: arguments start={start}, end={end}: a window of {end - start + 1} years is too "
                         f"short for β-convergence; expected at least {min_years} years (argument min_years=)")
    sub = data[data[year].isin([start, end])]
    wide = sub.pivot_table(index=region, columns=year, values=per_capita, aggfunc="first")
    wide = wide.reindex(columns=[start, end])
    sources = ""
    if "population_source" in data.columns:
        src = sub.groupby(year)["population_source"].agg(lambda s: sorted(set(s.dropna().astype(str)) - {""}))
        s0, s1 = src.get(start, []), src.get(end, [])
        if s0 and s1 and s0 != s1 and not allow_break:
            raise ValueError(f"{func}: arguments start={start}, end={end}: per capita uses population source {s0} "
                             f"in {start} and {s1} in {end}, which measure different things; expected one source "
                             "(years on one side of the 2017/2018 break), or allow_break=True")
        sources = " → ".join(dict.fromkeys(["+".join(s0), "+".join(s1)]))
    ok = wide.notna().all(axis=1) & (wide > 0).all(axis=1)
    wide = wide[ok]
    horizon = end - start
    row = {"start_year": start, "end_year": end, "n_regions": len(wide), "cov_type": cov_type,
           "population_source": sources}
    keys = ["alpha", "beta", "std_error", "t_value", "p_value", "ci_low", "ci_high", "r_squared", "speed",
            "speed_std_error", "half_life"]
    if len(wide) < 3:
        row.update({k: np.nan for k in keys})
        row.update(converging=False, reason=f"undefined: {len(wide)} regions with per capita in {start} and {end}; "
                   "need at least 3", rich_regions="", rich_growth_pct=np.nan, poor_regions="",
                   poor_growth_pct=np.nan, pattern="")
        return pd.DataFrame([row])[_BETA_COLUMNS]
    x0 = np.log(wide[start].to_numpy(dtype=float))
    g = (np.log(wide[end].to_numpy(dtype=float)) - x0) / horizon
    k = int(np.ceil(len(wide) / 4))
    order = np.lexsort((wide.index.astype(str).to_numpy(), -x0))  # richest first, ties by code
    rich, poor = order[:k], np.lexsort((wide.index.astype(str).to_numpy(), x0))[:k]
    row.update(rich_regions=",".join(map(str, wide.index[rich])), rich_growth_pct=100 * float(g[rich].mean()),
               poor_regions=",".join(map(str, wide.index[poor])), poor_growth_pct=100 * float(g[poor].mean()))
    fit = OLS(g, add_constant(x0)).fit(cov_type=cov_type)
    beta, se = float(fit.params[1]), float(fit.bse[1])
    ci = fit.conf_int(alpha=alpha)[1]
    inside = 1 + beta * horizon
    speed = -np.log(inside) / horizon if inside > 0 else np.nan
    row.update(alpha=float(fit.params[0]), beta=beta, std_error=se, t_value=float(fit.tvalues[1]),
               p_value=float(fit.pvalues[1]), ci_low=float(ci[0]), ci_high=float(ci[1]),
               r_squared=float(fit.rsquared), speed=speed,
               speed_std_error=se / abs(inside) if inside > 0 else np.nan,
               half_life=np.log(2) / speed if speed > 0 else np.nan,
               converging=bool(beta < 0 and fit.pvalues[1] < alpha),
               reason="" if inside > 0 else "speed undefined: 1 + beta*T <= 0")
    rich_g, poor_g = row["rich_growth_pct"], row["poor_growth_pct"]
    row["pattern"] = BETA_PATTERNS[4 if not beta < 0 else 1 if rich_g >= 0 else 3 if poor_g < stagnation else 2]
    return pd.DataFrame([row])[_BETA_COLUMNS]


_BETA_COLUMNS = ["start_year", "end_year", "n_regions", "alpha", "beta", "std_error", "t_value", "p_value", "ci_low",
                 "ci_high", "r_squared", "cov_type", "speed", "speed_std_error", "half_life", "converging",
                 "population_source", "reason", "rich_regions", "rich_growth_pct", "poor_regions", "poor_growth_pct",
                 "pattern"]


def sigma_convergence(
    data: pd.DataFrame,
    *,
    per_capita: str = "per_capita",
    region: str = "region_code",
    year: str = "year",
) -> pd.DataFrame:
    """σ: the dispersion of log per capita PDRB across regions, year by year.

    Returns
    -------
    pandas.DataFrame
        ``year, sigma, cv, n_regions, population_source, reason``: ``sigma`` is the standard
        deviation (ddof = 0) of :math:`\\ln y_i`; ``cv`` the coefficient of variation of
        :math:`y_i`. A falling ``sigma`` within one population segment is σ-convergence.

    Notes
    -----
    .. math:: \\sigma_t = \\sqrt{\\frac1N \\sum_i (\\ln y_{it} - \\overline{\\ln y_t})^2}

    References
    ----------
    Barro & Sala-i-Martin (1992), see :func:`beta_convergence`.

    Examples
    --------
    Per capita 1 and e: logs 0 and 1, :math:`\\sigma = 0.5`.

    >>> d = pd.DataFrame({"region_code": ["a", "b"], "year": [2020, 2020], "per_capita": [1.0, np.e]})
    >>> float(sigma_convergence(d)["sigma"].iloc[0])
    0.5
    """
    func = "sigma_convergence"
    require_columns(data, func, {per_capita: "per_capita", region: "region", year: "year"})
    y = data[per_capita].to_numpy(dtype=float)
    frame = pd.DataFrame({"year": data[year].to_numpy(),
                          "ln": np.log(np.where(y > 0, y, np.nan)), "y": np.where(y > 0, y, np.nan)})
    g = frame.groupby("year", sort=True)
    out = pd.DataFrame({"sigma": g["ln"].std(ddof=0), "cv": g["y"].std(ddof=0) / g["y"].mean(),
                        "n_regions": g["ln"].count()})
    dropped = g["y"].size() - out["n_regions"]
    out["reason"] = np.where(out["n_regions"] < 2, "undefined: fewer than 2 regions with per capita",
                             np.where(dropped > 0, dropped.astype(str) + " region(s) without per capita left out", ""))
    out.loc[out["n_regions"] < 2, ["sigma", "cv"]] = np.nan
    if "population_source" in data.columns:
        src = data.groupby(year)["population_source"].agg(lambda s: "+".join(sorted(set(s.dropna().astype(str)) - {""})))
        out["population_source"] = src.reindex(out.index).fillna("")
    else:
        out["population_source"] = ""
    out = out.reset_index()
    return out[["year", "sigma", "cv", "n_regions", "population_source", "reason"]]
