"""Tests for potensi.convergence (beta and sigma)."""

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

import potensi
from potensi.data.population import per_capita, population_series
from potensi.indicators.convergence import beta_convergence, sigma_convergence


def panel(y0, y1, start=2010, end=2020, source=None):
    d = pd.DataFrame({"region_code": [f"r{i}" for i in range(len(y0))] * 2,
                      "year": [start] * len(y0) + [end] * len(y1),
                      "per_capita": list(y0) + list(y1)})
    if source is not None:
        d["population_source"] = source
    return d


def test_exact_beta_speed_half_life():
    # growth g = a + b ln y0 exactly with b = -0.02: y1 = y0 * exp(T (0.1 - 0.02 ln y0))
    y0 = np.array([5.0, 10, 20, 40, 80])
    y1 = y0 * np.exp(10 * (0.1 - 0.02 * np.log(y0)))
    out = beta_convergence(panel(y0, y1), start=2010, end=2020).iloc[0]
    assert out["beta"] == pytest.approx(-0.02)
    assert out["alpha"] == pytest.approx(0.1)
    lam = -np.log(1 - 0.2) / 10  # 0.022314 per year
    assert out["speed"] == pytest.approx(lam)
    assert out["half_life"] == pytest.approx(np.log(2) / lam)  # 31.06 years


@pytest.mark.parametrize("cov_type", ["HC3", "HC1"])
def test_matches_statsmodels(cov_type):
    rng = np.random.default_rng(0)
    y0 = rng.uniform(5, 100, 30)
    y1 = y0 * np.exp(rng.normal(0.3, 0.1, 30))
    kw = {} if cov_type == "HC3" else {"cov_type": cov_type}  # HC3 is the default (issue #10)
    out = beta_convergence(panel(y0, y1), start=2010, end=2020, **kw).iloc[0]
    fit = sm.OLS((np.log(y1) - np.log(y0)) / 10, sm.add_constant(np.log(y0))).fit(cov_type=cov_type)
    assert out["cov_type"] == cov_type and out["n_regions"] == 30
    assert out["std_error"] == pytest.approx(fit.bse[1])
    assert out["speed_std_error"] == pytest.approx(fit.bse[1] / abs(1 + 10 * fit.params[1]))


@pytest.mark.parametrize("end", [2011, 2013])
def test_short_window_refused(end):
    # 2010-2013 is 4 years (start and end included): fewer than the 5 required
    with pytest.raises(ValueError, match=rf"beta_convergence: arguments start=2010, end={end}: a window of "
                                         rf"{end - 2010 + 1} years is too short for β-convergence; expected at "
                                         r"least 5 years"):
        beta_convergence(panel([1.0, 2, 3], [2.0, 3, 4], end=end), start=2010, end=end)
    assert beta_convergence(panel([1.0, 2, 3], [2.0, 3, 4], end=2014), start=2010, end=2014)["n_regions"].iloc[0] == 3


def test_pattern_says_who_moved():
    # 8 regions, k = ceil(8/4) = 2 richest (80, 40) and poorest (5, 10). Both cases have beta < 0.
    y0 = np.array([5.0, 10, 12, 15, 20, 30, 40, 80])
    # (a) the poor grow 3 %/yr, the rich 0 %: poorer regions grew faster
    grow = np.exp(10 * np.array([0.03, 0.03, 0.02, 0.02, 0.01, 0.01, 0.0, 0.0]))
    a = beta_convergence(panel(y0, y0 * grow), start=2010, end=2020).iloc[0]
    assert a["beta"] < 0 and a["pattern"] == "poorer regions grew faster"
    assert a["poor_regions"] == "r0,r1" and a["rich_regions"] == "r7,r6"
    assert a["poor_growth_pct"] == pytest.approx(3.0) and a["rich_growth_pct"] == pytest.approx(0.0, abs=1e-12)
    # (b) the rich shrink 4 %/yr, the poor grow 0.1 %/yr (< 0.5): convergence by the rich shrinking
    shrink = np.exp(10 * np.array([0.001, 0.001, 0.0, 0.0, -0.01, -0.02, -0.04, -0.04]))
    b = beta_convergence(panel(y0, y0 * shrink), start=2010, end=2020).iloc[0]
    assert b["beta"] < 0 and b["pattern"] == "richest shrank, poorest stagnated"
    assert b["rich_growth_pct"] == pytest.approx(-4.0)
    # (c) divergence
    c = beta_convergence(panel(y0, y0 * grow[::-1]), start=2010, end=2020).iloc[0]
    assert c["beta"] > 0 and c["pattern"] == "no convergence"


def test_break_refused_unless_allowed():
    d = panel([1.0, 2, 3], [2.0, 3, 4], start=2015, end=2020)
    d["population_source"] = np.where(d["year"] < 2018, "bps", "dukcapil")
    with pytest.raises(ValueError, match=r"beta_convergence: arguments start=2015, end=2020: per capita uses "
                                         r"population source \['bps'\] in 2015 and \['dukcapil'\] in 2020"):
        beta_convergence(d, start=2015, end=2020)
    assert beta_convergence(d, start=2015, end=2020, allow_break=True)["population_source"].iloc[0] == \
        "bps → dukcapil"


def test_too_few_regions():
    out = beta_convergence(panel([1.0, 2], [2.0, 3]), start=2010, end=2020).iloc[0]
    assert np.isnan(out["beta"]) and "need at least 3" in out["reason"]


def test_sigma_hand_worked():
    # logs 0 and 1 -> sd 0.5; logs 0, 0 -> 0
    d = pd.DataFrame({"region_code": ["a", "b", "a", "b"], "year": [2019, 2019, 2020, 2020],
                      "per_capita": [1.0, np.e, 2.0, 2.0]})
    out = sigma_convergence(d).set_index("year")
    assert out.loc[2019, "sigma"] == pytest.approx(0.5)
    assert out.loc[2020, "sigma"] == pytest.approx(0.0)
    assert out.loc[2019, "cv"] == pytest.approx((np.e - 1) / 2 / ((np.e + 1) / 2))


def test_kaltim_beta_with_standard_errors():
    """East Kalimantan kab/kota, 2013-2017, one population source (BPS-derived)."""
    pdrb = potensi.load_table("pdrb")
    kab = list(potensi.members("64")["region_code"])
    t = (pdrb[pdrb.region_code.isin(kab) & (pdrb.price_basis == "ADHK2010") & pdrb.year.between(2013, 2017)]
         .groupby(["region_code", "year"], as_index=False)["value"].sum())
    pop = population_series(potensi.load_table("population"), source="bps", regions=kab, years=range(2013, 2018))
    out = beta_convergence(per_capita(t, pop), start=2013, end=2017).iloc[0]
    assert out["n_regions"] == 10 and out["cov_type"] == "HC3"
    assert out["beta"] == pytest.approx(-0.02336, abs=5e-5)
    # HC3 (default since issue #10): 0.00984; the HC1 value was 0.00803
    assert out["std_error"] == pytest.approx(0.00984, abs=5e-5)
    assert out["p_value"] == pytest.approx(0.0176, abs=5e-4)
    assert beta_convergence(per_capita(t, pop), start=2013, end=2017, cov_type="HC1")["std_error"].iloc[0] == \
        pytest.approx(0.00803, abs=5e-5)
    assert out["population_source"] == "bps"
    # the "convergence" is the richest quarter (Kutai Timur, Kutai Kartanegara, Kutai Barat) shrinking
    assert out["rich_regions"] == "6474,6404,6403" and out["rich_growth_pct"] == pytest.approx(-3.09, abs=0.01)
    assert out["pattern"] == "richest regions shrank"
    # without mining (sector B) the slope is not significant under HC3: p = 0.46
    tb = (pdrb[pdrb.region_code.isin(kab) & (pdrb.price_basis == "ADHK2010") & pdrb.year.between(2013, 2017)
               & (pdrb.sector_code != "B")].groupby(["region_code", "year"], as_index=False)["value"].sum())
    nb = beta_convergence(per_capita(tb, pop), start=2013, end=2017).iloc[0]
    assert nb["p_value"] == pytest.approx(0.46, abs=0.005) and not nb["converging"]
