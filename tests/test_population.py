"""Tests for potensi.population: one source at a time, the 2017/2018 break refused, no interpolation."""

import numpy as np
import pandas as pd
import pytest

import potensi
from potensi.data.population import BREAK_YEAR, per_capita, population_series, source_segments


@pytest.fixture
def pop():
    rows = [
        ("a", 2016, 100.0, "QUARCS_ZENODO_POP_DERIVED"),
        ("a", 2017, 110.0, "QUARCS_ZENODO_POP_DERIVED"),
        ("b", 2017, 210.0, "QUARCS_ZENODO_POP_DERIVED"),
        ("a", 2018, 120.0, "DUKCAPIL_VIA_PDRBMAP_2018S2"),
        ("b", 2018, 220.0, "DUKCAPIL_VIA_PDRBMAP_2018S2"),
        ("a", 2021, 130.0, "DUKCAPIL_VIA_PDRBMAP_2021S1"),
        ("a", 2021, 131.0, "DUKCAPIL_VIA_PDRBMAP_2021S2"),
        ("b", 2021, 230.0, "DUKCAPIL_VIA_PDRBMAP_2021S1"),
        ("b", 2021, 231.0, "DUKCAPIL_VIA_PDRBMAP_2021S2"),
        ("P", 2018, 340.0, "DUKCAPIL_VIA_PDRBMAP_2018S2_SUMKAB"),
    ]
    return pd.DataFrame(rows, columns=["region_code", "year", "population", "source_id"])


def test_one_source_labelled(pop):
    out = population_series(pop, source="dukcapil", regions=["a", "b"], years=[2018, 2021])
    assert set(out["population_source"]) == {"dukcapil"}
    assert out["source_id"].str.startswith("DUKCAPIL").all()
    assert not out.attrs["crosses_break"]


@pytest.mark.parametrize("semester, a2021, period", [("S1", 130.0, "S1"), ("S2", 131.0, "S2")])
def test_2021_double_rows_follow_semester_rule(pop, semester, a2021, period):
    out = population_series(pop, source="dukcapil", regions=["a"], years=[2021], semester=semester)
    assert len(out) == 1
    assert out["population"].iloc[0] == a2021
    assert out["period"].iloc[0] == period


def test_single_semester_year_uses_what_exists(pop):
    # 2018 has S2 only: rule S1 falls back to S2 and says so in `period`
    out = population_series(pop, source="dukcapil", regions=["a"], years=[2018], semester="S1")
    assert out["population"].iloc[0] == 120.0 and out["period"].iloc[0] == "S2"


def test_crossing_the_break_is_refused(pop):
    with pytest.raises(ValueError, match=r"population_series: argument years: \[2018\] lie outside source 'bps'.*"
                                         r"allow_break=True"):
        population_series(pop, source="bps", regions=["a"], years=[2017, 2018])
    with pytest.raises(ValueError, match=r"lie outside source 'dukcapil'"):
        population_series(pop, source="dukcapil", regions=["a"], years=[2017, 2018])


def test_allow_break_labels_every_row(pop):
    out = population_series(pop, source="bps", regions=["a"], years=[2017, 2018], allow_break=True)
    assert out["population_source"].tolist() == ["bps", "dukcapil"]
    assert out["segment"].tolist() == [f"<{BREAK_YEAR}", f">={BREAK_YEAR}"]
    assert out.attrs["crosses_break"]


def test_missing_is_nan_with_reason_never_interpolated(pop):
    # b has no 2016 row: NaN, not an interpolation between anything
    out = population_series(pop, source="bps", regions=["a", "b"], years=[2016, 2017])
    b16 = out[(out.region_code == "b") & (out.year == 2016)].iloc[0]
    assert np.isnan(b16["population"]) and "not in source 'bps'" in b16["reason"]
    assert out.loc[out.region_code == "a", "population"].tolist() == [100.0, 110.0]


def test_province_sum_rows_available(pop):
    out = population_series(pop, source="dukcapil", regions=["P"], years=[2018])
    assert out["population"].iloc[0] == 340.0


@pytest.mark.parametrize("kw, msg", [
    ({"source": "census"}, r"population_series: argument source='census' is unknown"),
    ({"semester": "S3"}, r"argument semester='S3' is unknown"),
    ({"years": [2005]}, r"argument years: \[2005\] are covered by no population source"),
])
def test_bad_arguments(pop, kw, msg):
    with pytest.raises(ValueError, match=msg):
        population_series(pop, **kw)


def test_input_unchanged(pop):
    before = pop.copy()
    population_series(pop, source="dukcapil")
    pd.testing.assert_frame_equal(pop, before)


def test_source_segments():
    assert source_segments([2013, 2020, 2017, 2018]) == {"bps": [2013, 2017], "dukcapil": [2018, 2020]}


def test_per_capita_hand_worked_and_reasons():
    t = pd.DataFrame({"region_code": ["a", "b", "c"], "year": 2020, "value": [20.0, 5.0, 1.0]})
    p = pd.DataFrame({"region_code": ["a", "b"], "year": 2020, "population": [400.0, 0.0],
                      "population_source": "dukcapil"})
    out = per_capita(t, p).set_index("region_code")
    assert out.loc["a", "per_capita"] == pytest.approx(50.0)  # 1000 * 20 / 400 juta per jiwa
    assert np.isnan(out.loc["b", "per_capita"]) and out.loc["b", "reason"] == "population zero"
    assert np.isnan(out.loc["c", "per_capita"]) and out.loc["c", "reason"] == "population missing"


def test_real_data_samarinda_2015():
    pop = potensi.load_table("population")
    out = population_series(pop, source="bps", regions=["6472"], years=[2015])
    assert out["population"].iloc[0] == 812597  # SOURCES.md check
    dk = population_series(pop, source="dukcapil", regions=["6213"], years=[2020])
    assert np.isnan(dk["population"].iloc[0])  # excluded duplicated labels in 2020S2


@pytest.mark.parametrize("start, end, expected", [
    (2013, 2017, "bps"),        # BPS-derived covers the whole window
    (2013, 2020, "dukcapil"),   # the source covering the end year (per capita read in the latest year)
    (2013, 2022, "dukcapil"),
    (2024, 2024, "bps_2024"),
    (2010, 2012, "bps"),        # covered by none: the one covering most years (tie -> registry order)
])
def test_covering_source(start, end, expected):
    from potensi.data.population import covering_source

    assert covering_source(start, end) == expected


def test_stand_alone_sources_are_never_joined():
    rows = [("a", 2023, 100.0, "DUKCAPIL_VIA_PDRBMAP_2023S1"),
            ("a", 2024, 101.0, "BPS_PENDUDUK_2024_VIA_NABHANATHAA_UASVISDAT")]
    pop = pd.DataFrame(rows, columns=["region_code", "year", "population", "source_id"])
    out = population_series(pop, source="bps_2024")
    assert out[["year", "population", "population_source"]].values.tolist() == [[2024, 101.0, "bps_2024"]]
    # asking bps_2024 for 2023 is refused even with allow_break: no silent splice with Dukcapil
    with pytest.raises(ValueError, match=r"outside source 'bps_2024' \(2024–2024\), which is never joined"):
        population_series(pop, source="bps_2024", years=[2023, 2024], allow_break=True)
    # and the Dukcapil series does not pick up the 2024 BPS row
    with pytest.raises(ValueError, match="covered by no population source"):
        population_series(pop, source="dukcapil", years=[2024])


def test_real_population_concepts_distinct(processed_tables):
    pop = processed_tables["population"]
    by_source = pop.groupby(pop["source_id"].str.extract(r"^(BPS_PENDUDUK_2024|BPS_PROYEKSI_SP2010|BPS_SUPAS2025|"
                                                          r"DUKCAPIL|QUARCS)")[0])["concept"].agg(set)
    labels = [next(iter(s)) for s in by_source if len(s) == 1]
    assert len(set(labels)) == len(labels) == 5  # five concepts, none shared
