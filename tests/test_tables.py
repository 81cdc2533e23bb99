"""sector_tables and write_tables."""

import numpy as np
import pandas as pd
import pytest
from _helpers import tidy

from potensi.tables import TABLE_NAMES, WORKBOOK_NAME, sector_tables, write_tables

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
    paths = write_tables(tables, tmp_path / "out")
    assert sorted(p.name for p in paths) == sorted([f"{n}.csv" for n in TABLE_NAMES] + [WORKBOOK_NAME])
    back = pd.read_csv(tmp_path / "out" / "dlq.csv", dtype={"region_code": str, "sector_code": str})
    assert list(back.columns[:6]) == FIXED["dlq"]
    assert back["dlq"].to_numpy() == pytest.approx(tables["dlq"]["dlq"].to_numpy())
    sheets = pd.read_excel(tmp_path / "out" / WORKBOOK_NAME, sheet_name=None)
    assert list(sheets) == list(TABLE_NAMES)
    assert not list((tmp_path / "out").glob(".*.tmp"))
    with pytest.raises(ValueError, match="is a file; expected a folder"):
        write_tables(tables, tmp_path / "out" / "lq.csv")
