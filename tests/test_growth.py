"""LPE, CAGR, sumber pertumbuhan, distribusi."""

import numpy as np
import pytest
from _helpers import tidy

from potensi.indicators.growth import annual_growth, compound_growth, distribution, growth_contribution

DATA = tidy({("A", 2010): {"x": 10.0, "y": 30.0}, ("A", 2011): {"x": 12.0, "y": 27.0},
             ("A", 2012): {"x": 15.0, "y": 30.0}, ("B", 2011): {"x": 0.0, "y": 5.0},
             ("B", 2012): {"x": 2.0, "y": 5.0}})


def test_annual_growth_hand_worked_and_reasons():
    out = annual_growth(DATA).set_index(["region_code", "sector_code", "year"])
    assert out.loc[("A", "x", 2011), "lpe_pct"] == pytest.approx(20)          # 12/10 - 1
    assert out.loc[("A", "y", 2011), "lpe_pct"] == pytest.approx(-10)         # 27/30 - 1
    assert out.loc[("A", "TOTAL", 2011), "lpe_pct"] == pytest.approx(-2.5)    # 39/40 - 1
    assert np.isnan(out.loc[("B", "x", 2012), "lpe_pct"])
    assert "zero base" in out.loc[("B", "x", 2012), "reason"]
    assert "2010 (previous year): no data" in out.loc[("B", "y", 2011), "reason"]  # a new region


def test_cagr_hand_worked():
    out = compound_growth(DATA, start=2010, end=2012).set_index(["region_code", "sector_code"])
    assert out.loc[("A", "x"), "cagr_pct"] == pytest.approx(100 * (1.5**0.5 - 1))  # 10 -> 15 in 2 years
    assert out.loc[("A", "TOTAL"), "cagr_pct"] == pytest.approx(100 * ((45 / 40) ** 0.5 - 1))
    assert np.isnan(out.loc[("B", "x"), "cagr_pct"]) and out.loc[("B", "x"), "reason"].startswith("2010")


def test_contribution_sums_to_lpe():
    sp = growth_contribution(DATA, regions=["A"])
    lpe = annual_growth(DATA, regions=["A"])
    # 2011: x +2/40 = 5 points, y -3/40 = -7.5 points, total -2.5 = LPE
    s = sp.set_index(["sector_code", "year"])["contribution_pp"]
    assert s["x", 2011] == pytest.approx(5) and s["y", 2011] == pytest.approx(-7.5)
    body = sp[sp.sector_code != "TOTAL"].groupby("year").contribution_pp.sum()
    total = lpe[lpe.sector_code == "TOTAL"].set_index("year").lpe_pct
    assert np.allclose(body, total)
    # zero base in a sector is fine for the contribution: B x 0 -> 2 adds 2/5 = 40 points
    b = growth_contribution(DATA, regions=["B"]).set_index(["sector_code", "year"])["contribution_pp"]
    assert b["x", 2012] == pytest.approx(40)


def test_distribution_sums_to_100_any_basis():
    out = distribution(DATA.assign(price_basis="ADHB"))
    body = out[out.sector_code != "TOTAL"].groupby(["region_code", "year"]).distribution_pct.sum(min_count=1)
    assert np.allclose(body.drop(("B", 2010)), 100)
    b2010 = out[(out.region_code == "B") & (out.year == 2010)]  # B has no 2010 rows: NaN, with a reason
    assert b2010.distribution_pct.isna().all() and (b2010.reason == "no data for the region in this year").all()
    assert out.loc[(out.region_code == "A") & (out.year == 2010) & (out.sector_code == "x"),
                   "distribution_pct"].item() == pytest.approx(25)  # 10/40
    assert set(out.price_basis) == {"ADHB"}


def test_growth_needs_constant_prices_and_excludes():
    with pytest.raises(ValueError, match="annual_growth: price basis 'ADHB'"):
        annual_growth(DATA.assign(price_basis="ADHB"))
    out = annual_growth(DATA, exclude=["y"], regions=["A"])
    assert set(out.sector_code) == {"x", "TOTAL"}
    assert out.loc[(out.sector_code == "TOTAL") & (out.year == 2011), "lpe_pct"].item() == pytest.approx(20)
