"""Tests for potensi.interaction."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import potensi
from potensi.indicators.interaction import EARTH_RADIUS_KM, complementarity, gravity_interaction, great_circle_distance


def cents(codes, lats, lons):
    return pd.DataFrame({"region_code": codes, "lat": lats, "lon": lons})


def test_distance_hand_worked():
    # one degree of latitude = R * pi / 180 = 111.195 km
    d = great_circle_distance(cents(["a", "b"], [0.0, 1.0], [110.0, 110.0]))
    assert d["distance_km"].iloc[0] == pytest.approx(EARTH_RADIUS_KM * np.pi / 180)


def test_distance_real_balikpapan_samarinda():
    c = potensi.load_table("centroids").query("source_id == 'QUARCS_INDONESIA514_POINTS'")
    d = great_circle_distance(c[c.region_code.isin(["6471", "6472"])])
    # centroids (-1.1594, 116.8656) and (-0.5007, 117.1787): about 81 km
    assert d["distance_km"].iloc[0] == pytest.approx(81.09, abs=0.05)


@given(st.floats(-11, 6), st.floats(95, 141), st.floats(-11, 6), st.floats(95, 141), st.floats(-11, 6),
       st.floats(95, 141))
@settings(max_examples=50, deadline=None)
def test_triangle_inequality_and_symmetry(la1, lo1, la2, lo2, la3, lo3):
    d = great_circle_distance(cents(["a", "b", "c"], [la1, la2, la3], [lo1, lo2, lo3]))
    dd = {(r.region_a, r.region_b): r.distance_km for r in d.itertuples()}
    assert dd[("a", "c")] <= dd[("a", "b")] + dd[("b", "c")] + 1e-6
    rev = great_circle_distance(cents(["c", "b", "a"], [la3, la2, la1], [lo3, lo2, lo1]))
    pd.testing.assert_frame_equal(rev, d)


@pytest.mark.parametrize("exponent", [1.0, 2.0, 1.5])
def test_gravity_hand_worked(exponent):
    m = pd.DataFrame({"region_code": ["a", "b", "c"], "value": [10.0, 20.0, 5.0]})
    c = cents(["a", "b", "c"], [0.0, 1.0, 0.0], [110.0, 110.0, 112.0])
    out = gravity_interaction(m, c, exponent=exponent).set_index(["region_a", "region_b"])
    d = EARTH_RADIUS_KM * np.pi / 180
    assert out.loc[("a", "b"), "interaction"] == pytest.approx(10 * 20 / d**exponent)
    assert out["interaction_index"].max() == pytest.approx(1.0)
    assert out.loc[("a", "b"), "rank"] == 1


def test_gravity_undefined_and_errors():
    m = pd.DataFrame({"region_code": ["a", "b"], "value": [10.0, np.nan]})
    out = gravity_interaction(m, cents(["a", "b"], [0.0, 1.0], [110.0, 110.0]))
    assert np.isnan(out["interaction"].iloc[0]) and out["reason"].iloc[0] == "undefined: mass missing"
    same = gravity_interaction(m.fillna(1.0), cents(["a", "b"], [0.0, 0.0], [110.0, 110.0]))
    assert "distance 0" in same["reason"].iloc[0]
    with pytest.raises(ValueError, match=r"gravity_interaction: argument exponent=-1"):
        gravity_interaction(m, cents(["a", "b"], [0.0, 1.0], [110.0, 110.0]), exponent=-1)
    with pytest.raises(ValueError, match=r"great_circle_distance: argument centroids has duplicate region codes"):
        great_circle_distance(cents(["a", "a"], [0.0, 1.0], [110.0, 110.0]))


def test_complementarity_one_basis_other_not():
    q = pd.DataFrame({"region_code": ["a", "b", "c"] * 2, "sector_code": ["x"] * 3 + ["y"] * 3,
                      "lq": [1.5, 0.5, 1.0, 2.0, 3.0, 0.2]})
    out = complementarity(q)
    # x: a basis (1.5), b and c not (LQ = 1 is not basis) -> (a,b) 1.0, (a,c) 0.5
    # y: a and b basis, c not -> (a,c) 1.8, (b,c) 2.8; never two basis regions together
    got = {(r.sector_code, r.supplier, r.partner): r.complementarity for r in out.itertuples()}
    assert got == pytest.approx({("x", "a", "b"): 1.0, ("x", "a", "c"): 0.5, ("y", "a", "c"): 1.8,
                                 ("y", "b", "c"): 2.8})
    assert (out["lq_supplier"] > 1).all() and (out["lq_partner"] <= 1).all()


def test_complementarity_needs_one_year():
    q = pd.DataFrame({"region_code": ["a", "a"], "sector_code": ["x", "x"], "lq": [1.0, 2.0]})
    with pytest.raises(ValueError, match="complementarity: argument lq has more than one row"):
        complementarity(q)
