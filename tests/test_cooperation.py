"""Tests for potensi.conclusions.cooperation (kerja sama daerah candidates, filter, proposals).

The synthetic province "64" has four kab/kota and one partner across the border (6302):

    6401 kab  pop 300k  A unggulan (LQ 2.4), B unggulan (mining)
    6409 kab  pop 180k  A unggulan (LQ 2.0); E LQ 0.7, Q LQ 0.7 (under-served)
    6471 kota pop 700k  C andalan menurun (LQ 2.5); E 1.4, Q 1.5 (hub), G 1.2, I 1.3
    6472 kota pop 850k  G 1.3, E 1.1, Q 1.6; O unggulan-like but not tradable
    6302 kab  pop 320k  A unggulan (LQ 1.8), other province

Borders: 6401-6409, 6409-6471, 6471-6472, 6401-6302 (cross-province).
"""

import numpy as np
import pandas as pd
import pytest

from potensi.conclusions.cooperation import (
    DKI_PROVINCE,
    KNOWLEDGE_WEIGHT,
    filter_candidates,
    gravity,
    knowledge_candidates,
    propose,
    resource_candidates,
    service_candidates,
    similar_regions,
    value_chain_candidates,
)
from potensi.core.wording import BENTUK, INSTRUMEN, REJECTION_REASONS
from potensi.indicators.interaction import EARTH_RADIUS_KM

DEG_KM = EARTH_RADIUS_KM * np.pi / 180  # one degree of latitude, 111.195 km

KELAS = pd.CategoricalDtype(["unggulan", "andalan menurun", "potensial berkembang", "layanan lokal", "lainnya"],
                            ordered=True)


@pytest.fixture
def regions():
    return pd.DataFrame({
        "region_code": ["6401", "6409", "6471", "6472", "6302"],
        "region_name": ["Paser", "Penajam Paser Utara", "Kota Balikpapan", "Kota Samarinda", "Kotabaru"],
        "level": ["kabupaten", "kabupaten", "kota", "kota", "kabupaten"],
        "population": [300_000.0, 180_000.0, 700_000.0, 850_000.0, 320_000.0],
        "pdrb": [40.0, 20.0, 100.0, 90.0, 30.0],
    })


@pytest.fixture
def locations():
    # on one meridian: 6401 at 0, 6409 at 0.3, 6471 at 0.5, 6472 at 1.0, 6302 at -0.6 degrees
    return pd.DataFrame({"region_code": ["6401", "6409", "6471", "6472", "6302"],
                         "lat": [0.0, 0.3, 0.5, 1.0, -0.6], "lon": [116.0] * 5})


def _classes_rows():
    local = {"E", "Q", "O"}
    spec = {
        "6401": {"A": ("unggulan", 2.4, 25.0), "B": ("unggulan", 3.0, 40.0), "E": ("layanan lokal", 0.6, 0.1),
                 "Q": ("layanan lokal", 0.8, 1.0)},
        "6409": {"A": ("unggulan", 2.0, 20.0), "E": ("layanan lokal", 0.7, 0.1), "Q": ("layanan lokal", 0.7, 0.8)},
        "6471": {"C": ("andalan menurun", 2.5, 40.0), "E": ("layanan lokal", 1.4, 0.3),
                 "Q": ("layanan lokal", 1.5, 1.5), "G": ("lainnya", 1.2, 12.0), "I": ("lainnya", 1.3, 3.0),
                 "A": ("lainnya", 0.2, 1.0)},
        "6472": {"G": ("lainnya", 1.3, 15.0), "E": ("layanan lokal", 1.1, 0.2), "Q": ("layanan lokal", 1.6, 1.6),
                 "O": ("unggulan", 1.8, 9.0), "A": ("lainnya", 0.3, 2.0)},
        "6302": {"A": ("unggulan", 1.8, 22.0), "E": ("layanan lokal", 0.9, 0.1)},
    }
    rows = [(r, s, k, lq, sh, s not in local) for r, d in spec.items() for s, (k, lq, sh) in d.items()]
    return pd.DataFrame(rows, columns=["region_code", "sector_code", "kelas", "lq", "share_region_pct", "tradable"])


@pytest.fixture
def classes():
    c = _classes_rows()
    c["kelas"] = c["kelas"].astype(KELAS)
    c["competitive_effect"] = 1.0
    return c


@pytest.fixture
def contiguity():
    pairs = [("6401", "6409", 60.0), ("6409", "6471", 20.0), ("6471", "6472", 5.0), ("6401", "6302", 150.0)]
    return pd.DataFrame({
        "region_a": [a for a, _, _ in pairs], "region_b": [b for _, b, _ in pairs], "method": "polygon",
        "shared_border_km": [k for _, _, k in pairs], "province_a": [a[:2] + "00" for a, _, _ in pairs],
        "province_b": [b[:2] + "00" for _, b, _ in pairs],
        "cross_province": [a[:2] != b[:2] for a, b, _ in pairs],
    })


@pytest.fixture
def interaction(regions, locations):
    return gravity(regions, locations)


def cand(**kw):
    """A hand-made candidate row with harmless defaults."""
    row = {"province_code": "6400", "region_a": "6409", "region_b": "6471", "bentuk": BENTUK["service"],
           "jenis": "wajib", "urusan": "perhubungan", "objek": "angkutan", "topic": "transportasi",
           "sector_code": "", "sector_code_b": "", "adjacent": True, "cross_province": False,
           "distance_km": 22.0, "evidence": "bukti.", "instrumen": INSTRUMEN, "opd_pelaksana": "Dinas Perhubungan",
           "score": 0.5}
    row.update(kw)
    return row


# --------------------------------------------------------------------------- gravity
@pytest.mark.parametrize("exponent", [1.0, 2.0])
def test_gravity_population_by_hand(exponent):
    m = pd.DataFrame({"region_code": ["a", "b"], "population": [100.0, 200.0], "pdrb": [5.0, 7.0]})
    p = pd.DataFrame({"region_code": ["a", "b"], "y": [0.0, 1.0], "x": [110.0, 110.0]})
    out = gravity(m, p, exponent=exponent, lat="y", lon="x")
    # 100 * 200 / 111.195^b: b = 1 -> 179.864, b = 2 -> 1.61756
    assert out["interaction"].iloc[0] == pytest.approx(100 * 200 / DEG_KM**exponent)
    assert out["mass_kind"].iloc[0] == "population"
    # PDRB as mass: 5 * 7 / 111.195^2 = 0.0028307
    assert gravity(m, p, mass="pdrb", lat="y", lon="x")["interaction"].iloc[0] == pytest.approx(35 / DEG_KM**2)


def test_gravity_errors():
    m = pd.DataFrame({"region_code": ["a"], "value": [1.0]})
    p = pd.DataFrame({"region_code": ["a"], "lat": [0.0], "lon": [0.0]})
    with pytest.raises(ValueError, match=r"gravity: argument masses= lacks column\(s\) \['population'\]"):
        gravity(m, p)
    with pytest.raises(TypeError, match=r"gravity: argument locations= must be a pandas DataFrame"):
        gravity(m, [1, 2], mass="value")


# --------------------------------------------------------------------------- one proposal per type
def test_service_water_and_health_hub_rule(regions, classes, contiguity, interaction):
    out = service_candidates(regions, classes, contiguity, interaction, province="64")
    assert set(out["bentuk"]) == {"layanan bersama"} and (out["sector_code"] == "").all()
    assert (out["jenis"] == "wajib").all() and out["adjacent"].all()
    row = out[(out["region_a"] == "6409") & (out["region_b"] == "6471") & (out["topic"] == "air_minum")].iloc[0]
    w = interaction.set_index(["region_a", "region_b"])["interaction"]
    # hub 6471 LQ_E 1.4 >= 1 > 0.7: strength min(1, 1.4 - 0.7) = 0.7, times the percentile weight
    weight = w.rank(pct=True)[("6409", "6471")]
    assert row["score"] == pytest.approx(0.7 * weight)
    assert row["urusan"].startswith("pekerjaan umum (air minum; SPAM lintas kab/kota adalah kewenangan provinsi")
    assert row["opd_pelaksana"] == "Dinas PUPR"
    assert "Kota Balikpapan 1,40" in row["evidence"] and row["evidence"].endswith(".")
    # 6401-6409: both LQ_E < 1, no hub: score 0 (rejected later as no evidence)
    none = out[(out["region_a"] == "6401") & (out["region_b"] == "6409") & (out["topic"] == "air_minum")]
    assert none["score"].iloc[0] == 0
    # cross-province neighbour appears, province side first
    assert ((out["region_a"] == "6401") & (out["region_b"] == "6302") & out["cross_province"]).any()


def test_value_chain_from_list_and_from_io(regions, classes, contiguity, interaction):
    out = value_chain_candidates(regions, classes, contiguity, interaction, province="64")
    ac = out[(out["topic"] == "A>C") & (out["region_a"] == "6409") & (out["region_b"] == "6471")]
    assert len(ac) == 1
    r = ac.iloc[0]
    assert r["jenis"] == "sukarela" and r["sector_code"] == "A" and r["sector_code_b"] == "C"
    assert r["urusan"] == "pertanian dan perindustrian" and r["opd_pelaksana"] == "Dinas Pertanian"
    assert "LQ 2,00" in r["evidence"] and "basis industri (LQ 2,50)" in r["evidence"]
    # A -> G: Samarinda is a kota market (G LQ 1.3 also basis); 6401 -> 6472 is 111 km, within 150
    assert ((out["topic"] == "A>G") & (out["region_b"] == "6472")).any()
    # C -> G from Balikpapan's andalan menurun manufacturing to Samarinda
    assert ((out["topic"] == "C>G") & (out["region_a"] == "6471")).any()
    # with an IO table only pairs with a_ij >= 0.05 (j buys from i): A -> C 0.2; C -> A 0.01 is too small
    io = pd.DataFrame(0.0, index=["A", "C", "G"], columns=["A", "C", "G"])
    io.loc["A", "C"], io.loc["C", "A"] = 0.2, 0.01
    out_io = value_chain_candidates(regions, classes, contiguity, interaction, province="64", io=io)
    assert set(out_io["topic"]) == {"A>C"}
    assert "a = 0,200" in out_io["evidence"].iloc[0]
    long = io.stack().rename("coefficient").rename_axis(["row_code", "col_code"]).reset_index()
    pd.testing.assert_frame_equal(
        value_chain_candidates(regions, classes, contiguity, interaction, province="64", io=long), out_io)


def test_value_chain_needs_a_market_of_at_least_one_percent(regions, classes, contiguity, interaction):
    """A -> E from the IO table: Balikpapan's water and waste is basis (LQ 1,4) but 0,3 % of its
    PDRB: not a market for Penajam Paser Utara's agriculture. Raised to 1,5 % it is one; with the
    floor set to 0 the 0,3 % market is accepted again (the floor is the only reason)."""
    io = pd.DataFrame(0.0, index=["A", "E"], columns=["A", "E"])
    io.loc["A", "E"] = 0.2
    out = value_chain_candidates(regions, classes, contiguity, interaction, province="64", io=io)
    assert not ((out["region_b"] == "6471") & (out["topic"] == "A>E")).any()
    bigger = classes.copy()
    bigger.loc[(bigger["region_code"] == "6471") & (bigger["sector_code"] == "E"), "share_region_pct"] = 1.5
    out = value_chain_candidates(regions, bigger, contiguity, interaction, province="64", io=io)
    assert ((out["region_a"] == "6409") & (out["region_b"] == "6471") & (out["topic"] == "A>E")).any()
    out = value_chain_candidates(regions, classes, contiguity, interaction, province="64", io=io,
                                 min_market_share_pct=0)
    assert ((out["region_a"] == "6409") & (out["region_b"] == "6471") & (out["topic"] == "A>E")).any()


def test_value_chain_into_another_province_says_whose_lq(regions, classes, contiguity, interaction):
    """6302 (another province) is a market for 6401's agriculture only by its own LQ, which is
    measured against its own province: the evidence says so."""
    cls = pd.concat([classes, classes.iloc[:0]])
    cls.loc[len(cls)] = {**cls.iloc[0].to_dict(), "region_code": "6302", "sector_code": "C", "kelas": "lainnya",
                         "lq": 1.7, "share_region_pct": 8.0, "tradable": True}
    io = pd.DataFrame(0.0, index=["A", "C"], columns=["A", "C"])
    io.loc["A", "C"] = 0.2
    out = value_chain_candidates(regions, cls, contiguity, interaction, province="64", io=io)
    row = out[(out["region_a"] == "6401") & (out["region_b"] == "6302")].iloc[0]
    assert row["cross_province"] and "basis industri (LQ 1,70 terhadap provinsinya sendiri)" in row["evidence"]
    inside = out[(out["region_a"] == "6409") & (out["region_b"] == "6471")].iloc[0]
    assert "basis industri (LQ 2,50)" in inside["evidence"] and "provinsinya" not in inside["evidence"]


def test_resource_needs_both_neighbours_top_in_a(regions, classes, contiguity, interaction):
    out = resource_candidates(regions, classes, contiguity, interaction, province="64")
    pairs = set(zip(out["region_a"], out["region_b"]))
    # 6401-6409 (both A unggulan) and 6401-6302 across the border; 6409-6471 not (6471 A is "lainnya")
    assert pairs == {("6401", "6409"), ("6401", "6302")}
    assert (out["jenis"] == "wajib").all() and (out["sector_code"] == "A").all()
    row = out[out["region_b"] == "6302"].iloc[0]
    assert row["cross_province"] and "150 km batas bersama" in row["evidence"]


def test_similar_regions_by_hand():
    # shares (A, C, G): 6401 (.5, .3, .2), 1101 (.5, .2, .3), 7301 (.1, .1, .8), 6402 same province
    s = pd.DataFrame({
        "region_code": ["6401"] * 3 + ["1101"] * 3 + ["7301"] * 3 + ["6402"] * 3,
        "sector_code": ["A", "C", "G"] * 4,
        "share_region_pct": [50, 30, 20, 50, 20, 30, 10, 10, 80, 50, 30, 20],
    })
    province_row = pd.DataFrame({"region_code": "7300", "sector_code": ["A", "C", "G"],
                                 "share_region_pct": [50, 20, 30]})  # a province row is never a peer
    s = pd.concat([s, province_row], ignore_index=True)
    k = s.assign(kelas="lainnya")
    k.loc[(k.region_code.isin(["6401", "1101"])) & (k.sector_code == "A"), "kelas"] = "unggulan"
    out = similar_regions(s, k, province="64", top=5)
    # 6401 vs 1101: 1 - (0 + .1 + .1)/2 = 0.9; vs 7301: 1 - (.4 + .2 + .6)/2 = 0.4; 6402 is the same province
    r = out[out["region_code"] == "6401"]
    assert r["peer_code"].tolist() == ["1101", "7301"] and r["rank"].tolist() == [1, 2]
    assert r["similarity"].tolist() == pytest.approx([0.9, 0.4])
    assert r["shared_sectors"].tolist() == ["A", ""]
    # cosine: (.25 + .06 + .06) / (sqrt(.38) * sqrt(.38)) = .37 / .38
    cos = similar_regions(s, k, province="64", method="cosine")
    assert cos.loc[cos["peer_code"] == "1101", "similarity"].iloc[0] == pytest.approx(0.37 / 0.38)
    # identity: 1 - Krugman/2 = 1 - sum|s_i - s_j| / 2 for every pair
    wide = s.pivot(index="region_code", columns="sector_code", values="share_region_pct") / 100
    for peer, value in zip(r["peer_code"], r["similarity"]):
        assert value == pytest.approx(1 - (wide.loc["6401"] - wide.loc[peer]).abs().sum() / 2)
    with pytest.raises(ValueError, match=r"similar_regions: argument method='x' is not valid"):
        similar_regions(s, k, method="x")


def test_knowledge_candidates_from_peers(regions):
    sim = pd.DataFrame({"region_code": ["6401", "6401", "6409"], "rank": [1, 2, 1],
                        "peer_code": ["1101", "7301", "1101"], "similarity": [0.9, 0.4, 0.8],
                        "shared_sectors": ["B,A", "", "O"]})
    out = knowledge_candidates(sim, province="64", regions=regions)
    first = out.iloc[0]
    assert first["bentuk"] == "pertukaran pengetahuan" and first["jenis"] == "sukarela"
    # mining skipped for the sector code: A is the first shared kab/kota affair
    assert first["sector_code"] == "A" and first["urusan"] == "pertanian"
    assert first["score"] == pytest.approx(KNOWLEDGE_WEIGHT * 0.9)
    assert out.iloc[1]["score"] == 0  # nothing shared
    assert out.iloc[2]["sector_code"] == "O"  # only O shared: the filter will say why
    kept, rejected = filter_candidates(out)
    assert kept["region_b"].tolist() == ["1101"]
    assert set(rejected["reason"]) == {"no_evidence", "government_not_traded"}


def test_a_proposal_per_type(regions, classes, contiguity, interaction):
    sim = pd.DataFrame({"region_code": ["6472"], "rank": [1], "peer_code": ["3578"], "similarity": [0.95],
                        "shared_sectors": ["G"]})
    cands = pd.concat([
        service_candidates(regions, classes, contiguity, interaction, province="64"),
        value_chain_candidates(regions, classes, contiguity, interaction, province="64"),
        resource_candidates(regions, classes, contiguity, interaction, province="64"),
        knowledge_candidates(sim, province="64", regions=regions),
    ], ignore_index=True)
    kept, rejected = filter_candidates(cands)
    out = propose(kept, max_proposals=10)
    assert out.columns[:12].tolist() == ["rank", "region_a", "region_b", "jenis", "urusan", "bentuk", "sector_code",
                                         "adjacent", "distance_km", "evidence", "instrumen", "opd_pelaksana"]
    assert set(out["bentuk"]) == set(BENTUK.values())
    assert len(out) == 10 and out["rank"].tolist() == list(range(1, 11))
    assert out["instrumen"].str.startswith("Kesepakatan Bersama → Perjanjian Kerja Sama; difasilitasi ").all()
    # PP 28/2018: the governor facilitates kab/kota of one province, the minister across provinces
    same = out[out["region_a"].str[:2] == out["region_b"].str[:2]]
    assert same["instrumen"].str.contains("Gubernur Kalimantan Timur").all()
    across = out[out["region_a"].str[:2] != out["region_b"].str[:2]]
    assert across["instrumen"].str.contains("Menteri Dalam Negeri").all()
    # wajib only between neighbours
    assert out.loc[out["jenis"] == "wajib", "adjacent"].all()
    # one side is always the province's own kab/kota
    assert all(a[:2] == "64" or b[:2] == "64" for a, b in zip(out["region_a"], out["region_b"]))
    # B of 6401 never proposed (no generator makes it here, but no B row at all)
    assert "B" not in set(out["sector_code"])


# --------------------------------------------------------------------------- filter rules
def test_filter_each_reason():
    table = pd.DataFrame([
        cand(topic="A>B", bentuk=BENTUK["value_chain"], sector_code="A", sector_code_b="B"),  # mining downstream
        cand(bentuk=BENTUK["knowledge"], topic="knowledge", sector_code="O", distance_km=np.nan),  # government
        cand(region_a="6474", region_b="6472", bentuk=BENTUK["value_chain"], topic="C>G", sector_code="C",
             sector_code_b="G"),  # Bontang's C: LNG
        cand(province_code="3100", region_a="3171", region_b="3172"),  # DKI with DKI
        cand(score=0.0),  # no evidence
        cand(distance_km=np.nan),  # no distance for a geographic type
        cand(topic="air_minum", objek="SPAM regional"),  # already agreed below
        cand(region_a="6401", region_b="6409"),  # kept
    ])
    existing = pd.DataFrame({"region_a": ["6471"], "region_b": ["6409"], "objek": ["Pengelolaan SPAM Regional"],
                             "tahun": [2021], "status": ["berjalan"]})
    kept, rejected = filter_candidates(table, existing=existing)
    assert rejected["reason"].tolist() == ["mining_not_kabkota", "government_not_traded", "state_oil_gas",
                                           "dki_administrative", "no_evidence", "no_evidence", "already_agreed"]
    assert rejected["alasan"].iloc[0] == REJECTION_REASONS["mining_not_kabkota"]
    assert rejected["alasan"].iloc[-1] == "sudah ada kerja sama: Pengelolaan SPAM Regional (2021, berjalan)"
    assert kept[["region_a", "region_b"]].values.tolist() == [["6401", "6409"]]
    assert len(kept) + len(rejected) == len(table)
    # the state-output flag off: Bontang C is kept
    kept2, _ = filter_candidates(table.iloc[[2]], exclude_state_output=False)
    assert len(kept2) == 1


def test_filter_records_every_reason_and_leaves_input():
    table = pd.DataFrame([cand(sector_code="B", score=0.0)])
    before = table.copy()
    _, rejected = filter_candidates(table)
    assert rejected["reason"].iloc[0] == "mining_not_kabkota;no_evidence"
    pd.testing.assert_frame_equal(table, before)


def test_filter_column_error():
    with pytest.raises(ValueError, match=r"filter_candidates: argument existing= lacks column\(s\) \['status'\]"):
        filter_candidates(pd.DataFrame([cand()]), existing=pd.DataFrame(
            {"region_a": ["1"], "region_b": ["2"], "objek": ["x"], "tahun": [2020]}))


# --------------------------------------------------------------------------- DKI
def test_dki_every_proposal_has_a_partner_outside_dki():
    regions = pd.DataFrame({"region_code": ["3171", "3172", "3175", "3275"],
                            "level": ["kota", "kota", "kota", "kota"],
                            "population": [2.2e6, 3.0e6, 1.8e6, 2.5e6]})
    classes = pd.DataFrame({"region_code": ["3171", "3172", "3175", "3275"], "sector_code": "E",
                            "kelas": "layanan lokal", "lq": [1.5, 1.2, 1.3, 0.5], "share_region_pct": 0.2,
                            "tradable": False})
    contiguity = pd.DataFrame({
        "region_a": ["3171", "3172", "3172", "3175"], "region_b": ["3172", "3275", "3175", "3275"],
        "method": "polygon", "shared_border_km": [10.0, 20.0, 8.0, 6.0],
        "province_a": "3100", "province_b": ["3100", "3200", "3100", "3200"],
        "cross_province": [False, True, False, True]})
    loc = pd.DataFrame({"region_code": ["3171", "3172", "3175", "3275"], "lat": [-6.26, -6.23, -6.12, -6.24],
                        "lon": [106.81, 106.90, 106.88, 107.00]})
    cands = service_candidates(regions, classes, contiguity, gravity(regions, loc), province="31")
    kept, rejected = filter_candidates(cands)
    out = propose(kept)
    assert len(out)
    for a, b in zip(out["region_a"], out["region_b"]):
        assert a[:2] != "31" or b[:2] != "31"  # a partner outside DKI
        assert a in (DKI_PROVINCE, "3275") and b in (DKI_PROVINCE, "3275")  # DKI signs as the province
    assert (rejected["reason"].str.contains("dki_administrative")).any()
    # 3172-3275 and 3175-3275 become the same pair 3100-3275: the weaker is merged, kept in lokasi_dki
    assert (rejected["reason"] == "dki_merged").any()
    assert set(kept["lokasi_dki"]) <= {"3172", "3175"}


# --------------------------------------------------------------------------- diversity, caps, agreements
def test_top_three_are_three_different_pairs():
    rows = [cand(region_a="6401", region_b="6409", topic=t, score=s)
            for t, s in [("air_minum", 0.9), ("persampahan", 0.89), ("transportasi", 0.88), ("kebencanaan", 0.87)]]
    rows += [cand(region_a="6471", region_b="6472", topic="air_minum", score=0.5),
             cand(region_a="6409", region_b="6471", topic="air_minum", score=0.4)]
    out = propose(pd.DataFrame(rows))
    top3 = [frozenset(p) for p in zip(out["region_a"][:3], out["region_b"][:3])]
    assert len(set(top3)) == 3
    assert out["score"].iloc[0] == pytest.approx(0.9)
    # never one pair more than twice (max_per_pair=2)
    pairs = pd.Series([frozenset(p) for p in zip(out["region_a"], out["region_b"])])
    assert pairs.value_counts().max() == 2 and len(out) == 4


def test_at_most_ten_per_province_and_row_order_invariant():
    rows = [cand(region_a=f"64{i:02d}", region_b="6471", topic=t, score=(i + k) / 100)
            for i in range(1, 12) for k, t in enumerate(["air_minum", "persampahan"])]
    rows += [cand(province_code="6300", region_a="6301", region_b="6302", score=0.3)]
    table = pd.DataFrame(rows)
    out = propose(table, max_per_bentuk=20)
    assert out.groupby("province_code").size().to_dict() == {"6300": 1, "6400": 10}
    shuffled = propose(table.sample(frac=1, random_state=0), max_per_bentuk=20)
    pd.testing.assert_frame_equal(out, shuffled)


def test_best_cross_border_neighbour_is_always_proposed():
    # twelve strong in-province candidates fill the ten places; a weaker one with a bordering
    # partner in Kalimantan Utara (6501) takes the last place
    rows = [cand(region_a=f"64{i:02d}", region_b="6471", topic="air_minum", score=1 - i / 100) for i in range(1, 13)]
    rows += [cand(region_a="6405", region_b="6501", topic="kebencanaan", cross_province=True, score=0.05),
             cand(region_a="6411", region_b="6108", topic="kebencanaan", cross_province=True, adjacent=True,
                  score=0.04)]
    out = propose(pd.DataFrame(rows), max_per_bentuk=20)
    assert len(out) == 10
    assert list(out.iloc[-1][["region_a", "region_b"]]) == ["6405", "6501"]  # the best of the two
    assert out["region_b"].str.startswith("65").sum() == 1 and (out["region_b"] == "6471").sum() == 9
    # a far partner in another province (not bordering) does not trigger the rule
    far = [cand(region_a=f"64{i:02d}", region_b="6471", topic="air_minum", score=1 - i / 100) for i in range(1, 13)]
    far += [cand(region_a="6405", region_b="3171", cross_province=True, adjacent=False, score=0.05)]
    assert not propose(pd.DataFrame(far), max_per_bentuk=20)["region_b"].eq("3171").any()


def test_peers_share_a_top_class_first_and_are_never_dki_administrative():
    # 6401 (A 50, C 50): 3101 Kepulauan Seribu is identical (S = 1) but administrative; 1101 has
    # S = 0.9 and no shared top class; 7301 has S = 0.6 and shares A in a top class -> 7301 first
    s = pd.DataFrame({"region_code": ["6401"] * 2 + ["3101"] * 2 + ["1101"] * 2 + ["7301"] * 2,
                      "sector_code": ["A", "C"] * 4, "share_region_pct": [50, 50, 50, 50, 60, 40, 90, 10]})
    k = s.assign(kelas=["unggulan", "lainnya", "unggulan", "lainnya", "lainnya", "lainnya", "unggulan", "lainnya"])
    out = similar_regions(s, k, province="64", top=3)
    assert out["peer_code"].tolist() == ["7301", "1101"]
    assert out["shared_sectors"].tolist() == ["A", ""]
    assert out["similarity"].round(6).tolist() == [0.6, 0.9]


def test_propose_rejects_pair_outside_province():
    with pytest.raises(ValueError, match=r"propose: argument candidates= has pairs with no side in their "
                                         r"province_code"):
        propose(pd.DataFrame([cand(region_a="6301", region_b="6302")]))


def test_existing_agreement_not_proposed_again(regions, classes, contiguity, interaction):
    cands = service_candidates(regions, classes, contiguity, interaction, province="64")
    existing = pd.DataFrame({"region_a": ["6471"], "region_b": ["6409"], "objek": ["Rujukan rumah sakit"],
                             "tahun": [2022], "status": ["berjalan"]})
    kept, rejected = filter_candidates(cands, existing=existing)
    agreed = rejected[rejected["reason"].str.contains("already_agreed")]
    assert agreed[["region_a", "region_b", "topic"]].values.tolist() == [["6409", "6471", "rujukan_kesehatan"]]
    out = propose(kept)
    assert not ((out["urusan"] == "kesehatan") & (out["region_a"] == "6409") & (out["region_b"] == "6471")).any()
    # the same pair's other services are still candidates
    assert ((kept["region_a"] == "6409") & (kept["region_b"] == "6471") & (kept["topic"] == "air_minum")).any()


def test_generator_column_errors(regions, classes, contiguity, interaction):
    with pytest.raises(ValueError, match=r"service_candidates: argument contiguity= lacks column\(s\) "
                                         r"\['method'\]"):
        service_candidates(regions, classes, contiguity.drop(columns="method"), interaction, province="64")
    with pytest.raises(ValueError, match=r"value_chain_candidates: argument classes= lacks column\(s\) "
                                         r"\['kelas', 'tradable'\]"):
        value_chain_candidates(regions, classes.drop(columns=["kelas", "tradable"]), contiguity, interaction,
                               province="64")
    with pytest.raises(ValueError, match=r"resource_candidates: argument province='6401' is not a province code"):
        resource_candidates(regions, classes, contiguity, interaction, province="6401")
