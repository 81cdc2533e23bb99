"""Published worked examples (tests/fixtures/examples, copied from ../shared/examples): reproduce
what their case notes call reproducible and check that the authors' known typos stay different."""

from pathlib import Path

import pandas as pd
import pytest

from potensi.indicators.growth import annual_growth, distribution
from potensi.indicators.location_quotient import location_quotient
from potensi.indicators.shift_share import shift_share

EXAMPLES = Path(__file__).parent / "fixtures" / "examples"


def load(name: str, basis: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    raw = pd.read_csv(EXAMPLES / name / "input.csv", dtype={"sector_code": str, "year": str})
    tidy = pd.DataFrame({
        "region_code": raw["region_role"].map({"study": "STUDY", "reference": "REF"}),
        "sector_code": raw["sector_code"],
        "year": pd.to_numeric(raw["year"], errors="coerce").fillna(0).astype("int64"),  # no year: 0
        "value": raw["value"].astype(float),
        "price_basis": basis,
    })
    expected = pd.read_csv(EXAMPLES / name / "expected.csv", dtype={"sector_code": str})
    return tidy, expected


def printed(expected: pd.DataFrame, indicator: str, sector: str) -> float:
    hit = expected[(expected.indicator == indicator) & (expected.sector_code == sector)]
    assert len(hit) == 1, (indicator, sector)
    return float(hit.value.iloc[0])


# ---------------------------------------------------------------- Jambi vs Indonesia, toy LQ (scribd spreadsheet)
@pytest.fixture(scope="module")
def jambi():
    return load("jambi_lq_toy", "unknown")


@pytest.mark.parametrize("sector", ["KARET", "SAWIT", "KAYUMANIS"])
def test_jambi_lq_reproduced(jambi, sector):
    data, expected = jambi
    lq = location_quotient(data, reference_code="REF").set_index("sector_code")["lq"]
    assert lq[sector] == pytest.approx(printed(expected, "LQ", sector), abs=5e-9)  # printed with 9 decimals


def test_jambi_shares_and_totals(jambi):
    data, expected = jambi
    dist = distribution(data).set_index(["region_code", "sector_code"])["distribution_pct"]
    for role, indicator in (("STUDY", "SHARE_STUDY"), ("REF", "SHARE_REF")):
        for sector in ("KARET", "SAWIT", "KAYUMANIS"):
            assert dist[role, sector] / 100 == pytest.approx(printed(expected, indicator, sector), abs=5e-8)
        # the printed input total, recovered from potensi's share of one sector: 850 / 0.3269 = 2600
        karet = float(data.query("region_code == @role and sector_code == 'KARET'")["value"].iloc[0])
        total = karet / (dist[role, "KARET"] / 100)
        assert total == pytest.approx(printed(expected, f"INPUT_SUM_{role}", "TOTAL"))


def test_jambi_teh_typo_stays_different(jambi):
    data, expected = jambi
    lq = location_quotient(data, reference_code="REF").set_index("sector_code")["lq"]
    # the spreadsheet divided by Jambi's 700 instead of Indonesia's 4000: printed 4.2
    assert lq["TEH"] == pytest.approx((700 / 2600) / (4000 / 10920))   # 0.735
    assert abs(lq["TEH"] - printed(expected, "LQ", "TEH")) > 3
    assert abs(4000 / 10920 - printed(expected, "SHARE_REF", "TEH")) > 0.3


# ---------------------------------------------------------------- Tebing Tinggi vs Sumatera Utara, shift-share 2005-2009
@pytest.fixture(scope="module")
def tebing():
    data, expected = load("tebingtinggi_ss_2005_2009", "ADHK2000")
    ss = shift_share(data, reference_code="REF", start=2005, end=2009).set_index("sector_code")
    return data, expected, ss


def test_tebing_ratios(tebing):
    data, expected, ss = tebing
    e0 = data[(data.region_code == "STUDY") & (data.year == 2005)].set_index("sector_code")["value"]
    ra = ss["national_share"]["6"] / e0["6"] + 1                  # NS = E0 (Ra - 1)
    ri = ra + ss["industry_mix"]["6"] / e0["6"]                   # PS = E0 (Ri - Ra)
    assert ra == pytest.approx(printed(expected, "SS_RA_REF_TOTAL_RATIO", "TOTAL"), abs=5e-5)
    assert ri == pytest.approx(printed(expected, "SS_RI_REF_SECTOR_RATIO", "6"), abs=5e-5)
    assert ri - ra == pytest.approx(printed(expected, "SS_RI_MINUS_RA", "6"), abs=5e-5)


def test_tebing_shifts_reproduced(tebing):
    _, expected, ss = tebing
    assert ss["industry_mix"]["6"] == pytest.approx(printed(expected, "SS_PROPORTIONAL_SHIFT", "6"), abs=5e-5)
    assert ss["competitive_effect"]["6"] == pytest.approx(printed(expected, "SS_DIFFERENTIAL_SHIFT", "6"), abs=5e-4)
    assert ss["competitive_effect"].sum() == pytest.approx(
        printed(expected, "SS_DIFFERENTIAL_SHIFT", "TOTAL"), abs=5e-4)   # all nine sectors


def test_tebing_typos_stay_different(tebing):
    data, expected, ss = tebing
    # PS(Jasa-jasa) printed 17.4389, recomputed 17.4398 (digit transposition)
    assert ss["industry_mix"]["9"] == pytest.approx(17.4398, abs=5e-5)
    assert abs(ss["industry_mix"]["9"] - printed(expected, "SS_PROPORTIONAL_SHIFT", "9")) > 5e-4
    # E0 x Ri for trade printed 275.3459; recomputed 275.3490 = E1 - DS
    base_times_ri = 279.85953 - ss["competitive_effect"]["6"]
    assert base_times_ri == pytest.approx(275.3490, abs=5e-5)
    assert abs(base_times_ri - printed(expected, "SS_BASE_TIMES_RI", "6")) > 2e-3
    # NS of electricity printed 1.076; recomputed 4.07459 x 0.269182 = 1.0968
    assert ss["national_share"]["4"] == pytest.approx(1.0968, abs=5e-5)
    assert abs(ss["national_share"]["4"] - printed(expected, "SS_NATIONAL_SHARE", "4")) > 0.01


def test_tebing_input_sums(tebing):
    data, expected, _ = tebing
    # potensi's total growth 2005 -> 2009 (annual_growth of the TOTAL row over the two printed years)
    # equals the ratio of the printed input sums minus one, for the study region and the reference.
    lpe = annual_growth(data).query("sector_code == 'TOTAL'").set_index("region_code")["lpe_pct"]
    study = expected.query("indicator == 'INPUT_SUM_STUDY'").value.to_numpy()
    ref = expected.query("indicator == 'INPUT_SUM_REF'").value.to_numpy()
    assert lpe["STUDY"] == pytest.approx(100 * (study[1] / study[0] - 1), abs=1e-4)  # 876.4675 printed truncated
    assert lpe["REF"] == pytest.approx(100 * (ref[1] / ref[0] - 1), abs=1e-6)


def test_fixtures_match_shared_copy_when_present():
    shared = Path(__file__).resolve().parents[2] / "shared" / "examples"
    if not shared.exists():
        pytest.skip("../shared/examples not present beside the clone")
    for name in ("jambi_lq_toy", "tebingtinggi_ss_2005_2009"):
        for f in ("input.csv", "expected.csv"):
            assert (EXAMPLES / name / f).read_bytes() == (shared / name / f).read_bytes(), (name, f)
