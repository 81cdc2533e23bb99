"""sector_tables and write_tables."""

import numpy as np
import pandas as pd
import pytest
from _helpers import tidy

from potensi.study.sector_tables import TABLE_NAMES, WORKBOOK_NAME, sector_tables, write_tables

FIXED = {
    "lq": ["region_code", "sector_code", "year", "lq"],
    "dlq": ["region_code", "sector_code", "start_year", "end_year", "dlq", "slq_dlq_class"],
    "shift_share": ["region_code", "sector_code", "start_year", "end_year", "change", "national_share",
                    "industry_mix", "competitive_effect"],
    "mrp": ["region_code", "sector_code", "start_year", "end_year", "rpr", "rps", "overlay"],
    "klassen_sector": ["region_code", "sector_code", "start_year", "end_year", "klassen", "klassen_rule"],
    "growth": ["region_code", "sector_code", "year", "value", "distribution_pct", "lpe_pct", "contribution_pp"],
}

DATA = pd.concat([
    tidy({("A", 2010): {"x": 10.0, "y": 30.0}, ("B", 2010): {"x": 5.0, "y": 5.0}, ("R", 2010): {"x": 50.0, "y": 50.0},
          ("A", 2011): {"x": 20.0, "y": 30.0}, ("B", 2011): {"x": 6.0, "y": 5.0}, ("R", 2011): {"x": 70.0, "y": 50.0},
          ("A", 2012): {"x": 40.0, "y": 30.0}, ("B", 2012): {"x": 7.0, "y": 6.0}, ("R", 2012): {"x": 100.0, "y": 50.0}}),
    tidy({("A", 2010): {"x": 1.0, "y": 1.0}}, basis="ADHB"),
])


@pytest.fixture(scope="module")
def tables():
    return sector_tables(DATA, reference_code="R", start=2010, end=2012)


def test_names_and_fixed_columns(tables):
    assert tuple(tables) == TABLE_NAMES
    for name, cols in FIXED.items():
        assert list(tables[name].columns[:len(cols)]) == cols, name
        assert {"price_basis", "reason"} <= set(tables[name].columns), name
        assert set(tables[name]["price_basis"]) == {"ADHK2010"}, name


def test_contents_agree_with_hand_values(tables):
    lq = tables["lq"].set_index(["region_code", "sector_code", "year"])["lq"]
    assert lq["A", "x", 2010] == pytest.approx((10 / 40) / (50 / 100))
    assert set(tables["lq"]["region_code"]) == {"A", "B"}
    g = tables["growth"].set_index(["region_code", "sector_code", "year"])
    assert set(tables["growth"]["region_code"]) == {"A", "B", "R"}  # the reference too
    assert g.loc[("A", "TOTAL", 2011), "lpe_pct"] == pytest.approx(25)   # 40 -> 50
    assert np.isnan(g.loc[("A", "x", 2010), "lpe_pct"])
    assert g.loc[("A", "x", 2010), "reason"] == "lpe: no previous year in the data; contribution: no previous year in the data"
    dlq = tables["dlq"].set_index(["region_code", "sector_code"])
    assert dlq.loc[("A", "x"), "dlq"] == pytest.approx(((40 / 70) / (100 / 150)) / ((10 / 40) / (50 / 100)))


def test_excluded_sectors_everywhere():
    t = sector_tables(DATA, reference_code="R", start=2010, end=2012, excluded_sectors=["y"])
    for name, frame in t.items():
        assert "y" not in set(frame["sector_code"]), name
    lq = t["lq"]
    assert np.allclose(lq["lq"], 1.0)  # one sector left: every LQ is 1


def test_sum_reference_and_bad_basis():
    t = sector_tables(DATA, reference_code="R", start=2010, end=2012, reference="sum")
    assert set(t["lq"]["reference_code"]) == {"R-SUM"}
    with pytest.raises(ValueError, match=r"sector_tables: argument price_basis='ADHK2000': no rows; available"):
        sector_tables(DATA, reference_code="R", start=2010, end=2012, price_basis="ADHK2000")


def test_write_tables(tables, tmp_path):
    from potensi.study.export import sheet_names

    paths = write_tables(tables, tmp_path / "out")
    assert sorted(p.name for p in paths) == sorted([f"{n}.csv" for n in TABLE_NAMES] + [WORKBOOK_NAME])
    back = pd.read_csv(tmp_path / "out" / "dlq.csv", dtype={"region_code": str, "sector_code": str})
    assert list(back.columns[:6]) == FIXED["dlq"]
    assert back["dlq"].to_numpy() == pytest.approx(tables["dlq"]["dlq"].to_numpy())
    sheets = pd.read_excel(tmp_path / "out" / WORKBOOK_NAME, sheet_name=None)
    assert list(sheets) == [sheet_names(list(TABLE_NAMES))[n] for n in TABLE_NAMES] + ["Sumber"]
    assert not list((tmp_path / "out").glob(".*.tmp"))
    with pytest.raises(ValueError, match="is a file; expected a folder"):
        write_tables(tables, tmp_path / "out" / "lq.csv")


@pytest.fixture(scope="module")
def kaltim():
    from potensi.data.store import province_pdrb

    return province_pdrb("64")


def test_sector_tables_equal_the_public_functions_on_kaltim(kaltim):
    # sector_tables validates once and shares the arrays; every table must be what the public
    # functions give on their own (start 2014: the LPE of 2014 uses 2013)
    from potensi.indicators.growth import annual_growth, distribution, growth_contribution
    from potensi.indicators.growth_ratio import growth_ratio_overlay
    from potensi.indicators.location_quotient import location_quotient, slq_dlq
    from potensi.indicators.shift_share import shift_share, shift_share_profile
    from potensi.indicators.typology import KLASSEN_SECTOR_LABELS, klassen_sector

    kab = sorted(c for c in kaltim.region_code.unique() if c not in ("0000", "6400"))
    # with a zero base (6401, sector B, 2014) and a missing row (6411, sector C, 2016), so that
    # the reasons are compared too
    rough = kaltim.copy()
    rough.loc[(rough.region_code == "6401") & (rough.sector_code == "B") & (rough.year == 2014), "value"] = 0.0
    rough = rough[~((rough.region_code == "6411") & (rough.sector_code == "C") & (rough.year == 2016))]
    t = sector_tables(rough, reference_code="6400", regions=kab, start=2014, end=2020)
    assert all((t[name]["reason"] != "").any() for name in t)
    data = rough[rough.price_basis == "ADHK2010"]
    kw, period = dict(reference_code="6400", regions=kab), dict(start=2014, end=2020)
    pd.testing.assert_frame_equal(t["lq"], location_quotient(data, years=range(2014, 2021), **kw))
    pd.testing.assert_frame_equal(t["dlq"], slq_dlq(data, **kw, **period))
    pd.testing.assert_frame_equal(t["shift_share"], shift_share_profile(shift_share(data, **kw, **period)))
    pd.testing.assert_frame_equal(t["mrp"], growth_ratio_overlay(data, **kw, **period))
    klassen = t["klassen_sector"]
    pd.testing.assert_frame_equal(klassen.drop(columns=["klassen_lq", "klassen_lq_rule"]),
                                  klassen_sector(data, **kw, **period))
    by_lq = klassen_sector(data, **kw, **period, variant="lq")
    assert klassen["klassen_lq"].dtype == KLASSEN_SECTOR_LABELS
    pd.testing.assert_series_equal(klassen["klassen_lq"], by_lq["klassen"], check_names=False)
    pd.testing.assert_series_equal(klassen["klassen_lq_rule"], by_lq["klassen_rule"], check_names=False)

    growth = t["growth"]
    key = ["region_code", "sector_code", "year"]
    assert list(growth[key].itertuples(index=False)) == sorted(growth[key].itertuples(index=False))
    assert set(growth["region_code"]) == {*kab, "6400"} and set(growth["year"]) == set(range(2014, 2021))
    span = data[data.year.between(2013, 2020)]
    regions = [*kab, "6400"]
    g = growth.set_index(key)
    for column, table in (("distribution_pct", distribution(span, regions=regions)),
                          ("lpe_pct", annual_growth(span, regions=regions)),
                          ("contribution_pp", growth_contribution(span, regions=regions))):
        expected = table[table.year >= 2014].set_index(key)
        pd.testing.assert_series_equal(g[column], expected[column].reindex(g.index), rtol=1e-12)
        name = {"distribution_pct": "distribution", "lpe_pct": "lpe", "contribution_pp": "contribution"}[column]
        for idx, why in expected.loc[expected["reason"] != "", "reason"].items():
            assert f"{name}: {why}" in g.loc[idx, "reason"], (column, idx)
    values = span.set_index(key)["value"]
    pd.testing.assert_series_equal(g.loc[g.index.get_level_values("sector_code") != "TOTAL", "value"],
                                   values.reindex(g.index[g.index.get_level_values("sector_code") != "TOTAL"]),
                                   check_names=False)
