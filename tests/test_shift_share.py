"""Shift-share: classic, Esteban-Marquillas, Arcelus, dynamic, profile."""

import numpy as np
import pandas as pd
import pytest
from _helpers import tidy
from hypothesis import given, settings
from hypothesis import strategies as st

from potensi.indicators.shift_share import PROFILE_LABELS, dynamic_shift_share, shift_share, shift_share_profile

# A: x 10 -> 15, y 30 -> 33; R: x 50 -> 60, y 50 -> 70 (R total 100 -> 130, r = 0.3)
SMALL = tidy({("A", 2010): {"x": 10.0, "y": 30.0}, ("R", 2010): {"x": 50.0, "y": 50.0},
              ("A", 2011): {"x": 15.0, "y": 33.0}, ("R", 2011): {"x": 60.0, "y": 70.0}})


def test_classic_hand_worked():
    out = shift_share(SMALL, reference_code="R", start=2010, end=2011).set_index("sector_code")
    x = out.loc["x"]
    assert x["change"] == pytest.approx(5)
    assert x["national_share"] == pytest.approx(10 * 0.3)               # PN = 3
    assert x["industry_mix"] == pytest.approx(10 * (0.2 - 0.3))         # PP = -1
    assert x["competitive_effect"] == pytest.approx(15 - 10 * 1.2)      # PPW = 3
    assert x["net_shift"] == pytest.approx(2)                           # PB = PP + PPW
    # EM: E* = 40 * 50/100 = 20; r_ij - r_i = 0.5 - 0.2 = 0.3 -> 6 and (10 - 20) * 0.3 = -3
    assert x["homothetic_base"] == pytest.approx(20)
    assert x["em_net_competitive"] == pytest.approx(6)
    assert x["em_allocation"] == pytest.approx(-3)
    # Arcelus: r_j = 48/40 - 1 = 0.2 -> 10 * (0.2 - 0.3) = -1; mix 10 * ((0.5 - 0.2) - (0.2 - 0.3)) = 4
    assert x["arcelus_regional_growth"] == pytest.approx(-1)
    assert x["arcelus_regional_mix"] == pytest.approx(4)


def test_fixed_columns_first():
    out = shift_share(SMALL, reference_code="R", start=2010, end=2011)
    assert list(out.columns[:8]) == ["region_code", "sector_code", "start_year", "end_year", "change",
                                     "national_share", "industry_mix", "competitive_effect"]


def test_identities_on_embedded_data(kaltim):
    kab = [c for c in kaltim.region_code.unique() if c not in ("0000", "6400")]
    out = shift_share(kaltim, reference_code="6400", regions=kab, start=2013, end=2020)
    # The components can be ~1e7 while their sum is near 0: compare with a tolerance relative
    # to the largest term (float64 cancellation), never an absolute 1e-8.
    def close(parts, total):
        scale = max(1.0, *(float(np.abs(p).max()) for p in parts), float(np.abs(total).max()))
        return np.allclose(sum(parts), total, rtol=0, atol=1e-9 * scale)

    assert close([out.national_share, out.industry_mix, out.competitive_effect], out.change)
    assert close([out.em_net_competitive, out.em_allocation], out.competitive_effect)
    assert close([out.arcelus_regional_growth, out.arcelus_regional_mix], out.competitive_effect)
    dyn = dynamic_shift_share(kaltim, reference_code="6400", regions=kab, start=2013, end=2020)
    assert np.allclose(dyn.national_share + dyn.industry_mix + dyn.competitive_effect, dyn.change)
    assert np.allclose(dyn.change, out.change)


def test_dynamic_hand_worked():
    data = tidy({("A", 2010): {"x": 10.0, "y": 30.0}, ("R", 2010): {"x": 50.0, "y": 50.0},
                 ("A", 2011): {"x": 12.0, "y": 30.0}, ("R", 2011): {"x": 60.0, "y": 50.0},
                 ("A", 2012): {"x": 18.0, "y": 30.0}, ("R", 2012): {"x": 60.0, "y": 60.0}})
    out = dynamic_shift_share(data, reference_code="R", start=2010, end=2012).set_index("sector_code")
    # step 1: r = 0.1, r_x = 0.2: PN 1, PP 1, PPW 12 - 12 = 0; step 2: r = 10/110, r_x = 0:
    # PN 12*10/110, PP 12*(0 - 10/110), PPW 18 - 12 = 6
    assert out.loc["x", "national_share"] == pytest.approx(1 + 12 * 10 / 110)
    assert out.loc["x", "industry_mix"] == pytest.approx(1 - 12 * 10 / 110)
    assert out.loc["x", "competitive_effect"] == pytest.approx(6)
    static = shift_share(data, reference_code="R", start=2010, end=2012).set_index("sector_code")
    assert static.loc["x", "national_share"] == pytest.approx(10 * 0.2)  # differs from the dynamic 2.09


def test_zero_base_region_and_reference():
    data = tidy({("A", 2010): {"x": 0.0, "y": 30.0, "z": 5.0}, ("R", 2010): {"x": 50.0, "y": 50.0, "z": 0.0},
                 ("A", 2011): {"x": 4.0, "y": 33.0, "z": 5.0}, ("R", 2011): {"x": 60.0, "y": 70.0, "z": 1.0}})
    out = shift_share(data, reference_code="R", start=2010, end=2011).set_index("sector_code")
    x = out.loc["x"]  # new sector: PN = PP = 0, PPW = the whole change; EM undefined
    assert (x["national_share"], x["industry_mix"], x["competitive_effect"]) == (0, 0, 4)
    assert np.isnan(x["em_net_competitive"]) and "zero base (r_ij undefined" in x["reason"]
    z = out.loc["z"]  # zero base in the reference: r_i undefined, everything NaN
    assert z[["national_share", "industry_mix", "competitive_effect"]].isna().all()
    assert "zero base in the reference" in z["reason"]


def test_errors():
    with pytest.raises(ValueError, match="shift_share: argument start=2011 is not before end=2010"):
        shift_share(SMALL, reference_code="R", start=2011, end=2010)
    with pytest.raises(ValueError, match="shift_share: argument end=2015: no study region has data"):
        shift_share(SMALL, reference_code="R", start=2010, end=2015)
    with pytest.raises(ValueError, match="not a constant-price basis"):
        shift_share(SMALL.assign(price_basis="ADHB"), reference_code="R", start=2010, end=2011)


def test_profile_quadrants_and_net_shift():
    t = pd.DataFrame({"industry_mix": [1.0, 1.0, -1.0, -1.0, 2.0, np.nan],
                      "competitive_effect": [1.0, -2.0, 3.0, -1.0, -1.0, 1.0]})
    out = shift_share_profile(t)
    assert list(out["profile"][:4]) == list(PROFILE_LABELS.categories)
    assert list(out["net_shift_class"][:5]) == ["progresif", "lamban", "progresif", "lamban", "progresif"]
    assert pd.isna(out["profile"][5]) and out["profile_rule"][5] == ""
    assert "profile" not in t.columns


@pytest.fixture(scope="module")
def kaltim():
    from potensi.data.store import province_pdrb

    data = province_pdrb("64")
    return data[data.year.between(2013, 2020)].reset_index(drop=True)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(min_value=0.1, max_value=1e4, allow_nan=False), min_size=12, max_size=12))
def test_property_components_sum(vals):
    keys = [(r, y) for y in (2000, 2003) for r in ("A", "R")]
    data = tidy({k: dict(zip("xyz", vals[3 * i:3 * i + 3])) for i, k in enumerate(keys)})
    out = shift_share(data, reference_code="R", start=2000, end=2003)
    # The components can be ~1e7 while their sum is near 0: compare with a tolerance relative
    # to the largest term (float64 cancellation), never an absolute 1e-8.
    def close(parts, total):
        scale = max(1.0, *(float(np.abs(p).max()) for p in parts), float(np.abs(total).max()))
        return np.allclose(sum(parts), total, rtol=0, atol=1e-9 * scale)

    assert close([out.national_share, out.industry_mix, out.competitive_effect], out.change)
    assert close([out.em_net_competitive, out.em_allocation], out.competitive_effect)
    assert close([out.arcelus_regional_growth, out.arcelus_regional_mix], out.competitive_effect)


# --------------------------------------------------------------------------- Esteban-Marquillas (issue #10)
def test_em_base_ratio_flag_and_type_hand_worked():
    out = shift_share(SMALL, reference_code="R", start=2010, end=2011).set_index("sector_code")
    # x: E/E* = 10/20 = 0.5 (= LQ 2010: (10/40)/(50/100)); r_ij - r_i = 0.3 > 0, E < E*:
    #    competitive advantage, not specialised; 0.5 >= 0.1: not flagged
    assert out.loc["x", "em_base_ratio"] == pytest.approx(0.5)
    assert out.loc["x", "em_type"] == "keunggulan kompetitif, tidak terspesialisasi"
    assert not out.loc["x", "em_flag"]
    # y: E* = 40 * 50/100 = 20, E/E* = 30/20 = 1.5; r_ij - r_i = 0.1 - 0.4 = -0.3 < 0, E > E*
    assert out.loc["y", "em_base_ratio"] == pytest.approx(1.5)
    assert out.loc["y", "em_type"] == "tidak unggul kompetitif, terspesialisasi"
    # net competitive effect = PPW / LQ_0, identity on both rows
    np.testing.assert_allclose(out["em_net_competitive"], out["competitive_effect"] / out["em_base_ratio"])


def test_em_flag_on_small_base():
    # A: x 1 -> 0.5 on a base far below the homothetic one: E* = 101 * 100/200 = 50.5, E/E* = 0.0198 < 0.1.
    # The classic PPW = 0.5 - 1 * 1.0 = -0.5, the E-M net effect 50.5 * (-0.5 - 0) = -25.25: 50 times larger.
    data = tidy({("A", 2010): {"x": 1.0, "y": 100.0}, ("R", 2010): {"x": 100.0, "y": 100.0},
                 ("A", 2011): {"x": 0.5, "y": 100.0}, ("R", 2011): {"x": 100.0, "y": 100.0}})
    out = shift_share(data, reference_code="R", start=2010, end=2011).set_index("sector_code")
    assert out.loc["x", "em_base_ratio"] == pytest.approx(1 / 50.5)
    assert out.loc["x", "em_net_competitive"] == pytest.approx(-25.25)
    assert out.loc["x", "competitive_effect"] == pytest.approx(-0.5)
    assert out.loc["x", "em_flag"] and not out.loc["y", "em_flag"]
    assert out.loc["x", "em_type"] == "tidak unggul kompetitif, tidak terspesialisasi"


def test_em_flag_bontang_mining(kaltim):
    out = shift_share(kaltim, reference_code="6400", regions=sorted(set(kaltim.region_code) - {"6400", "0000"}),
                      start=2013, end=2020).set_index(["region_code", "sector_code"])
    b = out.loc[("6474", "B")]  # Kota Bontang mining: 965 -> 276 miliar, E-M net effect about -15 345 miliar
    assert b["change"] == pytest.approx(-689, abs=1)
    assert b["em_net_competitive"] == pytest.approx(-15345, abs=1)
    assert b["em_flag"] and b["em_base_ratio"] < 0.1
