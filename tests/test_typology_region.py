"""Tests for potensi.typology_region (regional Klassen typology)."""

import numpy as np
import pandas as pd
import pytest

from potensi.indicators.typology_region import (
    KLASSEN_REGION_LABELS,
    klassen_region,
    klassen_region_from_pdrb,
    regional_growth,
)


def test_four_quadrants_keyed_by_label():
    d = pd.DataFrame({"region_code": ["P", "q1", "q2", "q3", "q4", "tie"],
                      "per_capita": [50.0, 60, 60, 40, 40, 50], "growth": [5.0, 6, 4, 6, 4, 5]})
    out = klassen_region(d, reference="P").set_index("region_code")
    assert out.loc["q1", "klassen"] == "daerah cepat maju dan cepat tumbuh"
    assert out.loc["q2", "klassen"] == "daerah maju tapi tertekan"
    assert out.loc["q3", "klassen"] == "daerah berkembang cepat"
    assert out.loc["q4", "klassen"] == "daerah relatif tertinggal"
    assert out.loc["tie", "quadrant"] == 1  # ties go to the upper side
    assert out["klassen"].dtype == KLASSEN_REGION_LABELS


def test_missing_gives_no_label_and_reason():
    d = pd.DataFrame({"region_code": ["P", "a"], "per_capita": [50.0, np.nan], "growth": [5.0, 6.0]})
    out = klassen_region(d, reference="P").iloc[0]
    assert pd.isna(out["klassen"]) and pd.isna(out["quadrant"]) and "missing" in out["reason"]


def test_reference_must_exist():
    d = pd.DataFrame({"region_code": ["a"], "per_capita": [1.0], "growth": [1.0]})
    with pytest.raises(ValueError, match=r"klassen_region: argument reference='P': 0 rows"):
        klassen_region(d, reference="P")


@pytest.mark.parametrize("method, expected", [
    ("compound", 100 * (np.sqrt(1.21) - 1)),  # (121/100)^(1/2) - 1 = 10 %
    ("mean", 100 * ((105 / 100 - 1) + (121 / 105 - 1)) / 2),  # mean of 5 % and 15.238 %
])
def test_growth(method, expected):
    t = pd.DataFrame({"region_code": ["a"] * 3, "year": [2010, 2011, 2012], "value": [100.0, 105.0, 121.0]})
    assert regional_growth(t, start=2010, end=2012, method=method)["growth"].iloc[0] == pytest.approx(expected)


def test_growth_missing_year():
    t = pd.DataFrame({"region_code": ["a", "a"], "year": [2010, 2011], "value": [100.0, 105.0]})
    out = regional_growth(t, start=2010, end=2012).iloc[0]
    assert np.isnan(out["growth"]) and "missing" in out["reason"]


def test_from_pdrb_hand_worked_aggregate_reference():
    # a: 10 -> 12.1 (10 %/yr), b: 30 -> 31 (1.65 %/yr); aggregate 40 -> 43.1 (3.80 %/yr)
    # per capita 2020: a 1000*12.1/100 = 121, b 310; aggregate 1000*43.1/200 = 215.5
    t = pd.DataFrame({"region_code": ["a", "a", "b", "b"], "year": [2018, 2020] * 2,
                      "value": [10.0, 12.1, 30.0, 31.0]})
    p = pd.DataFrame({"region_code": ["a", "b"], "year": 2020, "population": [100.0, 100.0],
                      "population_source": "dukcapil"})
    out = klassen_region_from_pdrb(t, p, start=2018, end=2020).set_index("region_code")
    assert out.loc["a", "growth"] == pytest.approx(10.0)
    assert out.loc["a", "reference_per_capita"] == pytest.approx(215.5)
    assert out.loc["a", "reference_growth"] == pytest.approx(100 * (np.sqrt(43.1 / 40) - 1))
    assert out.loc["a", "klassen"] == "daerah berkembang cepat"
    assert out.loc["b", "klassen"] == "daerah maju tapi tertekan"
    assert (out["population_source"] == "dukcapil").all()


def test_from_pdrb_with_province_code_reference():
    t = pd.DataFrame({"region_code": ["a", "a", "P", "P"], "year": [2018, 2020] * 2,
                      "value": [10.0, 12.1, 40.0, 40.0]})
    p = pd.DataFrame({"region_code": ["a", "P"], "year": 2020, "population": [100.0, 200.0]})
    out = klassen_region_from_pdrb(t, p, start=2018, end=2020, reference="P")
    assert out["reference_per_capita"].iloc[0] == pytest.approx(200.0)  # 1000 * 40 / 200
    assert out["klassen"].iloc[0] == "daerah berkembang cepat"  # 121 < 200, 10 % > 0 %


def test_knife_edge_within_five_percent():
    # reference: per capita 100, growth 4 %/yr. a: 96 (-4 %, within 5 %) -> knife edge;
    # b: 94 and 4.1 % (growth within 0.05 * 4 = 0.2 pp) -> knife edge; c: 90 and 6 % -> clear.
    d = pd.DataFrame({"region_code": ["P", "a", "b", "c"], "per_capita": [100.0, 96.0, 94.0, 90.0],
                      "growth": [4.0, 3.0, 4.1, 6.0]})
    out = klassen_region(d, reference="P").set_index("region_code")
    assert out.loc["a", "per_capita_margin_pct"] == pytest.approx(-4.0)
    assert out.loc["b", "growth_margin_pp"] == pytest.approx(0.1)
    assert out["knife_edge"].tolist() == [True, True, False]
    assert not klassen_region(d, reference="P", margin=0.01).set_index("region_code").loc["a", "knife_edge"]


def test_knife_edge_paser():
    """Paser (6401) is 'relatif tertinggal' on a per-capita margin of 0.09 % (Kaltim 2013-2020)."""
    from potensi.study.province import analyse_province

    k = analyse_province("64", start_year=2013, end_year=2020).tables["klassen_region"].set_index("region_code")
    assert k.loc["6401", "klassen"] == "daerah relatif tertinggal"
    assert k.loc["6401", "per_capita_margin_pct"] == pytest.approx(-0.09, abs=0.005)
    assert k.loc["6401", "knife_edge"] and not k.loc["6409", "knife_edge"]
