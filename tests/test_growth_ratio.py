"""MRP (RPr, RPs) and the overlay."""

import numpy as np
import pytest
from _helpers import tidy

from potensi.indicators.growth_ratio import growth_ratio, growth_ratio_overlay

# R: x 50 -> 60 (+20 %), y 50 -> 50 (0 %), total +10 %; A: x 10 -> 15 (+50 %), y 30 -> 33 (+10 %)
DATA = tidy({("A", 2010): {"x": 10.0, "y": 30.0}, ("R", 2010): {"x": 50.0, "y": 50.0},
             ("A", 2011): {"x": 15.0, "y": 33.0}, ("R", 2011): {"x": 60.0, "y": 50.0}})


def test_mrp_hand_worked():
    out = growth_ratio(DATA, reference_code="R", start=2010, end=2011).set_index("sector_code")
    assert out.loc["x", "rpr"] == pytest.approx(0.2 / 0.1)   # 2
    assert out.loc["x", "rps"] == pytest.approx(0.5 / 0.2)   # 2.5
    assert out.loc["x", ["rpr_sign", "rps_sign"]].tolist() == ["+", "+"]
    assert out.loc["y", "rpr"] == pytest.approx(0.0)         # 0 / 0.1
    assert np.isnan(out.loc["y", "rps"])                     # 0.1 / 0: undefined, never inf
    assert "reference sector growth 0" in out.loc["y", "reason"]
    assert out.loc["y", "rps_sign"] == "+"                   # 10 % > 0 %: the difference decides


def test_negative_reference_growth_uses_differences_not_ratios():
    # R total 100 -> 80 (-20 %), R x 50 -> 45 (-10 %): RPr = -0.1/-0.2 = 0.5 < 1, yet x fell *less*
    # than the reference economy: sign "+". A x 10 -> 8 (-20 %): RPs = -0.2/-0.1 = 2 > 1, yet A's x
    # fell *faster*: sign "-".
    data = tidy({("A", 2019): {"x": 10.0, "y": 10.0}, ("R", 2019): {"x": 50.0, "y": 50.0},
                 ("A", 2020): {"x": 8.0, "y": 10.0}, ("R", 2020): {"x": 45.0, "y": 35.0}})
    out = growth_ratio(data, reference_code="R", start=2019, end=2020).set_index("sector_code")
    assert out.loc["x", "rpr"] == pytest.approx(0.5)
    assert out.loc["x", "rps"] == pytest.approx(2.0)
    assert out.loc["x", "rpr_sign"] == "+"
    assert out.loc["x", "rps_sign"] == "-"
    assert "negative" in out.loc["x", "note"]


def test_overlay_order_rpr_rps_lq():
    """The literature's order (Yusuf 1999): RPr, RPs, LQ (issue #10; was RPs, RPr, LQ)."""
    out = growth_ratio_overlay(DATA, reference_code="R", start=2010, end=2011).set_index("sector_code")
    # x: RPr +, RPs +, mean LQ (0.5 + (15/48)/(60/110)) / 2 = 0.536 -> "++-"
    assert out.loc["x", "lq"] == pytest.approx((0.5 + (15 / 48) / (60 / 110)) / 2)
    assert out.loc["x", "overlay"] == "++-"
    # y: RPr - (R's y 0 % < R's total 10 %), RPs + (10 % > 0 %), mean LQ (1.5 + (33/48)/(50/110)) / 2 > 1
    # -> "-++" (the old order gave "+-+")
    assert out.loc["y", "overlay"] == "-++"
    assert out.loc["y", "overlay"][0] == out.loc["y", "rpr_sign"] and out.loc["y", "overlay"][1] == out.loc["y", "rps_sign"]
    end = growth_ratio_overlay(DATA, reference_code="R", start=2010, end=2011, lq="end").set_index("sector_code")
    assert end.loc["x", "lq"] == pytest.approx((15 / 48) / (60 / 110))


def test_zero_base_gives_nan_and_reason():
    data = DATA.copy()
    data.loc[(data.region_code == "A") & (data.sector_code == "x") & (data.year == 2010), "value"] = 0.0
    out = growth_ratio_overlay(data, reference_code="R", start=2010, end=2011).set_index("sector_code")
    assert np.isnan(out.loc["x", "rps"]) and out.loc["x", "overlay"] == ""
    assert "zero base" in out.loc["x", "reason"]
