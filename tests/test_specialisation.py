"""Tests for potensi.specialisation."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from potensi.indicators.specialisation import specialisation


def tidy(values: dict[str, list[float]], year=2020, sectors=None):
    rows = []
    for region, vals in values.items():
        for j, v in enumerate(vals):
            rows.append((region, year, sectors[j] if sectors else f"s{j}", v))
    return pd.DataFrame(rows, columns=["region_code", "year", "sector_code", "value"])


def test_hand_worked_two_by_two():
    # A (30, 10), B (10, 50): shares A (.75, .25), B (1/6, 5/6), reference (.4, .6)
    out = specialisation(tidy({"A": [30, 10], "B": [10, 50]})).set_index("region_code")
    assert out.loc["A", "krugman"] == pytest.approx(0.7)  # |.75-.4| + |.25-.6|
    assert out.loc["A", "hoover"] == pytest.approx(0.35)
    assert out.loc["A", "herfindahl"] == pytest.approx(0.625)  # .5625 + .0625
    assert out.loc["A", "herfindahl_normalised"] == pytest.approx((0.625 - 0.5) / 0.5)
    e = -(0.75 * np.log(0.75) + 0.25 * np.log(0.25))  # 0.562335
    assert out.loc["A", "entropy"] == pytest.approx(e)
    assert out.loc["A", "entropy_normalised"] == pytest.approx(e / np.log(2))
    assert out.loc["B", "krugman"] == pytest.approx(abs(1 / 6 - 0.4) + abs(5 / 6 - 0.6))


def test_reference_table_is_used():
    ref = tidy({"P": [50, 50]})
    out = specialisation(tidy({"A": [30, 10]}), reference=ref)
    assert out["krugman"].iloc[0] == pytest.approx(0.5)  # |.75-.5| + |.25-.5|


@given(st.integers(2, 17), st.floats(0.1, 1e6))
@settings(max_examples=30, deadline=None)
def test_equal_shares_maximise_entropy(n, v):
    out = specialisation(tidy({"A": [v] * n, "B": [v] * n})).iloc[0]
    assert out["entropy_normalised"] == pytest.approx(1.0)
    assert out["herfindahl"] == pytest.approx(1 / n)
    assert out["herfindahl_normalised"] == pytest.approx(0.0, abs=1e-12)
    assert out["krugman"] == pytest.approx(0.0, abs=1e-12)


@given(st.lists(st.floats(0, 1e5), min_size=3, max_size=17).filter(lambda v: sum(v) > 0))
@settings(max_examples=50, deadline=None)
def test_bounds(values):
    n = len(values)
    out = specialisation(tidy({"A": values, "B": [1.0] * n})).iloc[0]
    assert 0 <= out["entropy_normalised"] <= 1 + 1e-12
    assert 1 / n - 1e-12 <= out["herfindahl"] <= 1 + 1e-12
    assert 0 <= out["krugman"] <= 2 + 1e-12
    # entropy of any distribution is at most that of equal shares
    assert out["entropy"] <= np.log(n) + 1e-12


def test_undefined_rows_have_reason():
    d = tidy({"A": [0, 0], "B": [1, 2]})
    out = specialisation(d).set_index("region_code")
    assert np.isnan(out.loc["A", "herfindahl"]) and out.loc["A", "reason"] == "undefined: all sectors are 0"
    d.loc[2, "value"] = np.nan
    out = specialisation(d).set_index("region_code")
    assert np.isnan(out.loc["B", "entropy"]) and "missing" in out.loc["B", "reason"]


def test_errors():
    with pytest.raises(ValueError, match=r"specialisation: column 'sektor' \(argument sector=\) not found"):
        specialisation(tidy({"A": [1, 2]}), sector="sektor")
    with pytest.raises(ValueError, match="negative value"):
        specialisation(tidy({"A": [-1, 2]}))
    with pytest.raises(ValueError, match=r"argument reference lacks sector\(s\) \['s1'\]"):
        specialisation(tidy({"A": [1, 2]}), reference=tidy({"P": [1]}))


def test_row_order_and_total_rows_ignored():
    d = tidy({"A": [30, 10], "B": [10, 50]})
    extra = pd.concat([d, pd.DataFrame({"region_code": ["A"], "year": [2020], "sector_code": ["TOTAL"],
                                        "value": [40.0]})]).iloc[::-1]
    pd.testing.assert_frame_equal(specialisation(extra), specialisation(d))
