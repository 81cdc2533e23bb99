"""Screening of implausible sector values among many regions."""

import numpy as np
import pandas as pd
import pytest

import potensi
from potensi.indicators.screening import screen_sector_values


def _table(shares_x):
    n = len(shares_x)
    return pd.DataFrame({"region_code": [f"r{i:02d}" for i in range(n)] * 2, "sector_code": ["x"] * n + ["y"] * n,
                         "year": 2020, "value": list(shares_x) + [1 - s for s in shares_x]})


def test_hand_worked_modified_z():
    # ln shares of x: ten around ln 0.1, one at ln 0.001 (100 times below the median)
    shares = [0.08, 0.09, 0.1, 0.11, 0.12, 0.1, 0.09, 0.11, 0.1, 0.1, 0.001]
    out = screen_sector_values(_table(shares), all_rows=True).set_index(["region_code", "sector_code"])
    x = np.log(np.array(shares))
    med = np.median(x)
    mad = np.median(np.abs(x - med))
    assert out.loc[("r10", "x"), "z_share"] == pytest.approx(0.6745 * (x[-1] - med) / mad)
    assert out.loc[("r10", "x"), "flag"] and out.loc[("r10", "x"), "rank_low"] == 1
    assert out.loc[("r10", "x"), "n_regions"] == 11
    assert out.xs("x", level="sector_code")["flag"].sum() == 1  # (r10, y) at 99.9 % is flagged too
    assert "ln share" in out.loc[("r10", "x"), "rule"]


def test_zero_in_a_sector_positive_elsewhere_is_flagged_and_input_unchanged():
    d = _table([0.1] * 7 + [0.12, 0.09, 0.11, 0.0])
    before = d.copy()
    out = screen_sector_values(d)
    pd.testing.assert_frame_equal(d, before)
    assert out[["region_code", "sector_code"]].values.tolist() == [["r10", "x"]]
    assert out["rule"].iloc[0].startswith("zero while")


def test_errors():
    with pytest.raises(ValueError, match="screen_sector_values: column 'sektor'"):
        screen_sector_values(_table([0.1, 0.2]), sector="sektor")
    with pytest.raises(ValueError, match="screen_sector_values: argument threshold=0"):
        screen_sector_values(_table([0.1, 0.2]), threshold=0)


def test_penajam_paser_utara_health_flagged():
    """PPU health (Q) 2020: 2,15 miliar, the second lowest share of 514 kab/kota."""
    p = potensi.load_table("pdrb")
    cat = potensi.region_catalog()
    kab = set(cat.loc[cat.level.isin(["kabupaten", "kota"]), "region_code"])
    d = p[(p.price_basis == "ADHK2010") & p.region_code.isin(kab) & (p.year == 2020)]
    out = screen_sector_values(d).set_index(["region_code", "sector_code"])
    row = out.loc[("6409", "Q")]
    assert row["value"] == pytest.approx(2.15) and row["rank_low"] == 2 and row["n_regions"] == 514
    assert row["z_share"] < -3.5
