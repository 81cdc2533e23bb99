"""Tests for potensi.regional_tables on real data (East Kalimantan) and hand-built sector tables."""

import numpy as np
import pandas as pd
import pytest

import potensi
from potensi.indicators.inequality import williamson
from potensi.study.regional_tables import BREAK_NOTE, REGIONAL_TABLES, national_tables, regional_tables


@pytest.fixture(scope="module")
def data():
    out = {n: potensi.load_table(n) for n in ("pdrb", "population", "centroids", "per_capita", "pdrb_total")}
    out["centroids"] = out["centroids"].query("source_id == 'QUARCS_INDONESIA514_POINTS'")  # area centroids
    return out


def hand_sector_tables(kab):
    sectors = ["A", "B", "C"]
    key = pd.MultiIndex.from_product([kab, sectors], names=["region_code", "sector_code"]).to_frame(index=False)
    n = len(key)
    lq = key.assign(year=2020, lq=np.tile([1.5, 0.5, 1.0], len(kab)) * np.repeat(np.linspace(0.5, 1.5, len(kab)), 3))
    per = {"start_year": 2013, "end_year": 2020}
    return {"lq": lq,
            "dlq": key.assign(**per, dlq=1.1, slq_dlq_class=""),
            "shift_share": key.assign(**per, competitive_effect=np.linspace(-1, 1, n)),
            "mrp": key.assign(**per, overlay="+++"),
            "klassen_sector": key.assign(**per, klassen="sektor maju dan tumbuh pesat")}


@pytest.fixture(scope="module")
def kaltim(data):
    kab = list(potensi.members("64")["region_code"])
    return regional_tables(data["pdrb"], hand_sector_tables(kab), province_code="64", start=2013, end=2020,
                           population=data["population"], centroids=data["centroids"])


def test_all_tables_present(kaltim):
    assert tuple(kaltim) == REGIONAL_TABLES
    assert all(len(kaltim[k]) for k in REGIONAL_TABLES)


def test_inequality_two_labelled_segments(kaltim):
    everything = kaltim["inequality"]
    ineq = everything[everything["scope"] == "kabupaten/kota 6400"]  # issue #10 adds "…, tanpa pertambangan"
    src = ineq.drop_duplicates("year").set_index("year")["population_source"]
    assert (src.loc[2013:2017] == "bps").all() and (src.loc[2018:2020] == "dukcapil").all()
    assert ineq["note"].str.startswith(BREAK_NOTE).all()  # Gini rows add why they have no class
    assert set(everything["scope"]) == {"kabupaten/kota 6400", "kabupaten/kota 6400, tanpa pertambangan"}
    w = ineq[ineq["index"] == "williamson_weighted"].set_index("year")["value"]
    # measured on the real data (province's published PDRB / Σ kab/kota population as the mean)
    assert w[2013] == pytest.approx(0.5650, abs=1e-3)
    assert w[2020] == pytest.approx(0.4490, abs=1e-3)
    t = ineq[ineq["index"] == "theil_t"].set_index("year")["value"]
    assert t[2020] == pytest.approx(0.1068, abs=1e-3)


def test_williamson_mean_is_the_province(data, kaltim):
    # recompute 2020 by hand from the tables: mean = province ADHK / Σ members' Dukcapil 2020S2 population
    pdrb, pop = data["pdrb"], data["population"]
    kab = list(potensi.members("64")["region_code"])
    adhk = pdrb[(pdrb.price_basis == "ADHK2010") & (pdrb.year == 2020)]
    y = adhk[adhk.region_code.isin(kab)].groupby("region_code")["value"].sum()
    p = pop[pop.source_id == "DUKCAPIL_VIA_PDRBMAP_2020S2"].set_index("region_code")["population"].reindex(y.index)
    mean = adhk[adhk.region_code == "6400"]["value"].sum() / p.sum()
    d = pd.DataFrame({"year": 2020, "region_code": y.index, "value": y.to_numpy(), "population": p.to_numpy()})
    expected = williamson(d, mean=pd.Series({2020: mean}))["williamson"].iloc[0]
    got = kaltim["inequality"].query("index == 'williamson_weighted' and year == 2020")["value"].iloc[0]
    assert got == pytest.approx(expected)


def test_klassen_region_against_province(kaltim):
    k = kaltim["klassen_region"]
    assert len(k) == 10 and (k["reference_code"] == "6400").all() and (k["population_source"] == "dukcapil").all()
    assert k.set_index("region_code").loc["6404", "klassen"] == "daerah cepat maju dan cepat tumbuh"


def test_convergence_per_segment(kaltim):
    conv = kaltim["convergence"]
    beta = conv[conv["scope"] == "kabupaten/kota 6400"].query("method == 'beta' and statistic == 'beta'") \
        .set_index("population_source")
    assert beta.loc["bps", "value"] == pytest.approx(-0.02336, abs=5e-5)
    # HC3 since issue #10 (HC1 gave 0.00803); the 2018-2020 segment is too short (3 < 5 years): NaN row
    assert beta.loc["bps", "std_error"] == pytest.approx(0.00984, abs=5e-5) and beta.loc["bps", "cov_type"] == "HC3"
    assert np.isnan(beta.loc["dukcapil", "value"]) and "not estimated" in beta.loc["dukcapil", "note"]
    assert (beta.loc["bps", "start_year"], beta.loc["bps", "end_year"]) == (2013, 2017)
    assert (beta.loc["dukcapil", "start_year"], beta.loc["dukcapil", "end_year"]) == (2018, 2020)


def test_interaction_pairs(kaltim):
    assert len(kaltim["interaction"]) == 45  # 10 kab/kota -> 10 * 9 / 2 = 45 pairs
    assert "sektor_unggulan" not in kaltim and "cooperation" not in kaltim  # conclusions live elsewhere


def test_population_source_without_coverage_refused(data):
    with pytest.raises(ValueError, match=r"regional_tables: argument population_source='dukcapil' covers "
                                         r"2018–2023, outside the period 2013–2016"):
        regional_tables(data["pdrb"], {}, province_code="64", start=2013, end=2016,
                        population=data["population"], centroids=None)


def test_national_tables(data):
    out = national_tables(data["per_capita"], data["pdrb_total"], start=2010, end=2023)
    ineq = out["inequality"]
    assert set(ineq["population_source"]) == {"bps_implied"}
    dec = out["theil_islands"]
    assert np.allclose(dec["between"] + dec["within"], dec["total"])
    assert (ineq.drop_duplicates("year")["n_regions"] >= 33).all()
    k = out["klassen_region"]
    assert (k["reference_code"] == "0000").all() and k["klassen"].notna().all()
    beta = out["convergence"].query("method == 'beta' and statistic == 'beta'")
    assert len(beta) == 1 and np.isfinite(beta["std_error"].iloc[0])


def test_integration_with_sector_tables(data):
    from potensi.study import sector_tables as tables
    kab = list(potensi.members("64")["region_code"])
    st = tables.sector_tables(data["pdrb"], reference_code="6400", regions=kab, start=2013, end=2020)
    out = regional_tables(data["pdrb"], st, province_code="64", start=2013, end=2020,
                          population=data["population"], centroids=data["centroids"])
    assert set(out) == {"klassen_region", "specialisation", "inequality", "convergence", "interaction"}
    assert set(out["klassen_region"]["region_code"]) == set(kab) - {"6400"}
