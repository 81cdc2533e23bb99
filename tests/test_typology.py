"""Sectoral Klassen typology."""

import numpy as np
import pytest
from _helpers import tidy

from potensi.indicators.typology import KLASSEN_SECTOR_LABELS, klassen_sector

DATA = tidy({("A", 2010): {"x": 10.0, "y": 30.0}, ("R", 2010): {"x": 50.0, "y": 50.0},
             ("A", 2011): {"x": 20.0, "y": 30.0}, ("R", 2011): {"x": 70.0, "y": 50.0},
             ("A", 2012): {"x": 40.0, "y": 30.0}, ("R", 2012): {"x": 100.0, "y": 50.0}})


def test_share_variant_hand_worked():
    out = klassen_sector(DATA, reference_code="R", start=2010, end=2012).set_index("sector_code")
    # x: g = (40/10)^(1/2) - 1 = 100 % > (100/50)^(1/2) - 1 = 41.4 %;
    #    share (10/40 + 20/50 + 40/70)/3 = 40.7 % < (50/100 + 70/120 + 100/150)/3 = 58.3 %
    assert out.loc["x", "growth_pct"] == pytest.approx(100)
    assert out.loc["x", "reference_growth_pct"] == pytest.approx(100 * (2**0.5 - 1))
    assert out.loc["x", "share_pct"] == pytest.approx(100 * (10 / 40 + 20 / 50 + 40 / 70) / 3)
    assert out.loc["x", "klassen"] == "potensial (masih dapat berkembang)"
    assert out.loc["x", "klassen_rule"] == "g_ij>g_i, s_ij<=s_i"
    # y: 0 % vs 0 % (a tie is "not above"), share 59.3 % > 41.7 %
    assert out.loc["y", "klassen"] == "maju tapi tertekan"
    assert out["klassen"].dtype == KLASSEN_SECTOR_LABELS


def test_lq_variant_compares_with_reference_growth():
    out = klassen_sector(DATA, reference_code="R", start=2010, end=2012, variant="lq").set_index("sector_code")
    # region total 40 -> 70: g_j = (70/40)^(1/2) - 1 = 32.3 % is reported but not the benchmark (issue #10);
    # x grows 100 % > R's x 41.4 %, mean LQ < 1
    assert out.loc["x", "region_growth_pct"] == pytest.approx(100 * (1.75**0.5 - 1))
    assert out.loc["x", "klassen"] == "potensial (masih dapat berkembang)"
    assert out.loc["x", "klassen_rule"] == "g_ij>g_i, LQ<=1"
    assert out.loc["y", "klassen"] == "maju tapi tertekan"   # 0 % vs R's y 0 %: a tie is "not above"; LQ > 1
    assert set(out["variant"]) == {"lq"}


def test_lq_variant_benchmark_is_reference_not_region():
    # A: x 10 -> 11.5 (+15 %), y 30 -> 24 (-20 %): total 40 -> 35.5 shrinks (g_j = -11.25 %).
    # R: x 50 -> 60 (+20 %), y 50 -> 50. A's x grows faster than A's total (15 % > -11.25 %) but
    # slower than R's x (15 % < 20 %): the literature's rule says "not fast".
    data = tidy({("A", 2010): {"x": 10.0, "y": 30.0}, ("R", 2010): {"x": 50.0, "y": 50.0},
                 ("A", 2011): {"x": 11.5, "y": 24.0}, ("R", 2011): {"x": 60.0, "y": 50.0}})
    out = klassen_sector(data, reference_code="R", start=2010, end=2011, variant="lq").set_index("sector_code")
    assert out.loc["x", "klassen_rule"].startswith("g_ij<=g_i")
    assert out.loc["x", "klassen"] == "relatif tertinggal"  # mean LQ (0.5 + (11.5/35.5)/(60/110))/2 = 0.547 < 1


def test_zero_base_missing_class_with_reason():
    data = DATA.copy()
    data.loc[(data.region_code == "A") & (data.sector_code == "x") & (data.year == 2010), "value"] = 0.0
    out = klassen_sector(data, reference_code="R", start=2010, end=2012).set_index("sector_code")
    assert out["klassen"].isna()["x"] and "zero base" in out.loc["x", "reason"]
    assert np.isnan(out.loc["x", "growth_pct"])
    with pytest.raises(ValueError, match="klassen_sector: argument variant='quadrant' is not valid"):
        klassen_sector(DATA, reference_code="R", start=2010, end=2012, variant="quadrant")
