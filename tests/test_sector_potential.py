"""Sector potential: dimensions, classes, knife edges, scenario agreement, *tanpa pertambangan*."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import potensi
from potensi.conclusions.sector_potential import (
    KELAS,
    LOCAL_SERVICE_SECTORS,
    TOP_KELAS,
    SectorThresholds,
    classify_sectors,
    scenario_agreement,
    sector_dimensions,
    without_sector,
)
from potensi.core.numbers import angka

# ---------------------------------------------------------------------------------------------
# sector_dimensions on a hand-worked table
#
# 2019 -> 2020, province P = a + b:   x 100 -> 110 (+10 %),  y 100 -> 120 (+20 %)
#   region a: x 60 -> 63, y 20 -> 30 (total 80 -> 93)
#   region b: x 40 -> 47, y 80 -> 90 (total 120 -> 137)


def _growth(with_province: bool = True) -> pd.DataFrame:
    rows = [("a", "x", 60, 63), ("a", "y", 20, 30), ("b", "x", 40, 47), ("b", "y", 80, 90)]
    if with_province:
        rows += [("P", "x", 100, 110), ("P", "y", 100, 120)]
    out = []
    for r, s, v0, v1 in rows:
        out += [(r, s, 2019, float(v0)), (r, s, 2020, float(v1))]
    return pd.DataFrame(out, columns=["region_code", "sector_code", "year", "value"])


def _lq(growth: pd.DataFrame) -> pd.DataFrame:
    g = growth[growth["region_code"] != "P"]
    share = g["value"] / g.groupby(["region_code", "year"])["value"].transform("sum")
    ref = g.groupby(["sector_code", "year"])["value"].transform("sum") / g.groupby("year")["value"].transform("sum")
    return g.assign(lq=share / ref)[["region_code", "sector_code", "year", "lq"]]


def _period(**columns) -> pd.DataFrame:
    base = {"region_code": ["a", "a", "b", "b"], "sector_code": ["x", "y", "x", "y"],
            "start_year": 2019, "end_year": 2020}
    return pd.DataFrame(base | columns)


@pytest.fixture
def tables():
    g = _growth()
    return {
        "growth": g,
        "lq": _lq(g),
        "dlq": _period(dlq=[0.9, 1.2, 1.1, 0.95]),
        # PPW = e1 - e0 (1 + g_i): a,x 63 - 60*1.1 = -3; a,y 30 - 20*1.2 = 6; b,x 47 - 44 = 3; b,y 90 - 96 = -6
        "shift_share": _period(competitive_effect=[-3.0, 6.0, 3.0, -6.0], reference_code="P"),
    }


def _dims(t, **kw):
    return sector_dimensions(t["growth"], t["lq"], t["dlq"], t["shift_share"], **kw)


def test_dimensions_hand_worked(tables):
    out = _dims(tables).set_index(["region_code", "sector_code"])
    # LQ(a,x): 2019 (60/80)/(100/200) = 1.5; 2020 (63/93)/(110/230) = 1.416410...; mean 1.458205...
    lq_2020 = (63 / 93) / (110 / 230)
    assert out.loc[("a", "x"), "lq"] == pytest.approx((1.5 + lq_2020) / 2)
    assert out.loc[("a", "x"), "lq_end"] == pytest.approx(lq_2020)
    # PPW as % of the start-year value: -3/60 = -5 %, 6/20 = 30 %, 3/40 = 7.5 %, -6/80 = -7.5 %
    assert out["competitive_effect_pct"].tolist() == pytest.approx([-5.0, 30.0, 7.5, -7.5])
    # share of the region's PDRB in 2020: 63/93, 30/93, 47/137, 90/137
    assert out["share_region_pct"].tolist() == pytest.approx([6300 / 93, 3000 / 93, 4700 / 137, 9000 / 137])
    # share of the province's sector in 2020: 63/110, 30/120, 47/110, 90/120
    assert out["share_province_sector_pct"].tolist() == pytest.approx([6300 / 110, 25.0, 4700 / 110, 75.0])
    assert out["dlq"].tolist() == [0.9, 1.2, 1.1, 0.95]
    assert out["value_start"].tolist() == [60, 20, 40, 80] and out["value_end"].tolist() == [63, 30, 47, 90]
    assert out["share_adhb_pct"].isna().all()
    assert out["backward_linkage"].isna().all() and out["key_sector"].isna().all()
    assert out["tradable"].all() and (out["reason"] == "").all()
    assert (out["start_year"] == 2019).all() and (out["end_year"] == 2020).all()


def test_dimensions_identity_shares_sum_to_100(tables):
    out = _dims(tables)
    assert out.groupby("region_code")["share_region_pct"].sum().tolist() == pytest.approx([100.0, 100.0])
    # a = P - b here, so the regions' shares of each provincial sector add up to 100 %
    assert out.groupby("sector_code")["share_province_sector_pct"].sum().tolist() == pytest.approx([100.0, 100.0])


def test_dimensions_province_from_sum_when_unpublished(tables):
    expected = _dims(tables)
    t = dict(tables, growth=_growth(with_province=False))
    pd.testing.assert_frame_equal(_dims(t, province_code="P"), expected)


def test_dimensions_order_and_extra_columns_do_not_matter(tables):
    expected = _dims(tables)
    before = {k: v.copy() for k, v in tables.items()}
    shuffled = {k: v.sample(frac=1, random_state=1).assign(extra=1) for k, v in tables.items()}
    pd.testing.assert_frame_equal(_dims(shuffled), expected)
    for k in tables:
        pd.testing.assert_frame_equal(tables[k], before[k])


def test_dimensions_adhb_and_linkages(tables):
    adhb = pd.DataFrame({"region_code": "a", "sector_code": ["x", "y", "TOTAL"], "year": 2020,
                         "value": [70.0, 30.0, 100.0], "price_basis": "ADHB"})
    link = pd.DataFrame({"sector_code": ["x", "y"], "backward_linkage": [1.2, 0.8],
                         "forward_linkage": [1.1, 0.9], "key_sector": [True, False]})
    out = _dims(tables, adhb=adhb, linkages=link)
    # a: 70/(70+30) = 70 %, TOTAL rows ignored; b has no ADHB rows -> NaN
    assert out["share_adhb_pct"].tolist()[:2] == pytest.approx([70.0, 30.0])
    assert out["share_adhb_pct"].iloc[2:].isna().all()
    assert out["backward_linkage"].tolist() == [1.2, 0.8, 1.2, 0.8]
    assert out["key_sector"].tolist() == [True, False, True, False]
    evidence = classify_sectors(out)["evidence"]
    # a's ADHB share is quoted beside the ADHK one; the key sector is named
    assert evidence.iloc[0].startswith("LQ 1,46; 67,7 % PDRB ADHK (70,0 % ADHB)")
    # the linkages are the province's IO table: the evidence says so (not a kab/kota measure)
    assert evidence.str.contains("sektor kunci di tabel input-output provinsi").tolist() == [True, False, True, False]
    with pytest.raises(ValueError, match=r"sector_dimensions: argument adhb has price_basis \['ADHK2010'\]"):
        _dims(tables, adhb=adhb.assign(price_basis="ADHK2010"))


def test_tradability_default_and_government_always_local(tables):
    # construction (F) is non-tradable (Moretti 2010): it builds where it stands
    assert set(LOCAL_SERVICE_SECTORS) == {"D", "E", "F", "L", "O", "P", "Q", "RSTU"}
    relabel = {"x": "O", "y": "C"}
    t = {k: v.assign(sector_code=v["sector_code"].map(relabel)) for k, v in tables.items()}
    out = _dims(t, local_services=())
    assert dict(zip(out["sector_code"], out["tradable"])) == {"C": True, "O": False}
    with pytest.raises(TypeError, match="local_services= must be a collection"):
        _dims(t, local_services="O")


def test_dimensions_zero_start_value_is_nan_with_warning(tables):
    t = dict(tables)
    g = tables["growth"].copy()
    g.loc[(g["region_code"] == "a") & (g["sector_code"] == "y") & (g["year"] == 2019), "value"] = 0.0
    t["growth"] = g
    with pytest.warns(RuntimeWarning, match=r"competitive_effect_pct .* region/sector \['a/y'\]"):
        out = _dims(t)
    row = out[(out["region_code"] == "a") & (out["sector_code"] == "y")].iloc[0]
    assert np.isnan(row["competitive_effect_pct"]) and "zero denominator" in row["reason"]


def test_dimensions_errors(tables):
    with pytest.raises(ValueError, match=r"sector_dimensions: argument lq lacks column\(s\) \['lq'\]; available"):
        _dims(dict(tables, lq=tables["lq"].drop(columns="lq")))
    two = pd.concat([tables["shift_share"], tables["shift_share"].assign(start_year=2018)])
    with pytest.raises(ValueError, match=r"holds several periods \[\(2018, 2020\), \(2019, 2020\)\]"):
        _dims(dict(tables, shift_share=two))
    with pytest.raises(ValueError, match=r"argument lq has no rows for year\(s\) \[2019\]"):
        _dims(dict(tables, lq=tables["lq"][tables["lq"]["year"] == 2020]))
    with pytest.raises(TypeError, match="argument growth= must be a pandas DataFrame"):
        _dims(dict(tables, growth=[1, 2]))


# ---------------------------------------------------------------------------------------------
# classify_sectors: one hand-made row per rule (defaults: LQ > 1; material = share >= 5 %, or
# province share >= 25 % with share >= 1 %; competitive = PPW > 0)

ROWS = [
    # sector, tradable, lq, share_region, share_province, ppw, v0, expected, why
    ("C", True, 2.0, 40.0, 10.0, 30.0, 100.0, "unggulan"),  # basis 2>1, material 40>=5, PPW 30>0
    ("H", True, 1.2, 3.0, 30.0, 10.0, 100.0, "unggulan"),  # material via province: 30>=25 and 3>=1
    ("B", True, 3.0, 60.0, 40.0, -50.0, 500.0, "andalan menurun"),  # basis, material, PPW -50<=0
    ("A", True, 0.5, 2.0, 3.0, 5.0, 20.0, "potensial berkembang"),  # PPW>0 but LQ 0.5, share 2 %
    ("G", True, 1.5, 0.5, 30.0, 2.0, 4.0, "lainnya"),  # PPW>0, basis, but 0.5 % < the 1 % floor: not material,
    #                                                  and too small to be a development lever either
    ("O", False, 3.0, 20.0, 40.0, 100.0, 300.0, "layanan lokal"),  # not tradable, whatever the rest
    ("F", True, 0.8, 8.0, 10.0, -3.0, 50.0, "lainnya"),  # not competitive, not basis
]


def _frame(rows) -> pd.DataFrame:
    cols = ["sector_code", "tradable", "lq", "share_region_pct", "share_province_sector_pct",
            "competitive_effect", "value_start"]
    return pd.DataFrame([r[:7] for r in rows], columns=cols).assign(region_code="a")


def test_growing_class_needs_the_size_floor_and_is_never_mining():
    rows = [("K", True, 1.5, 1.5, 10.0, 2.0, 4.0),   # PPW 2 > 0, 1.5 % >= 1 % floor, not material -> growing
            ("B", True, 0.5, 3.0, 3.0, 5.0, 20.0),   # mining growing but small: licensing is not kab/kota
            ("J", True, 0.5, 0.9, 3.0, 5.0, 20.0)]   # 0.9 % < 1 % floor
    out = classify_sectors(_frame(rows)).set_index("sector_code")["kelas"].astype(str)
    assert out.to_dict() == {"K": "potensial berkembang", "B": "lainnya", "J": "lainnya"}


@pytest.mark.parametrize("row", ROWS, ids=[r[0] for r in ROWS])
def test_class_rules(row):
    out = classify_sectors(_frame([row]))
    assert out["kelas"].iloc[0] == row[7]
    assert not out["knife_edge"].iloc[0]


def test_kelas_is_the_ordered_categorical():
    out = classify_sectors(_frame(ROWS))
    assert out["kelas"].dtype == KELAS and KELAS.ordered
    assert list(KELAS.categories) == ["unggulan", "andalan menurun", "potensial berkembang", "layanan lokal",
                                      "lainnya"]
    assert out["basis"].tolist() == [True, True, True, False, True, True, False]
    assert out["material"].tolist() == [True, True, True, False, False, True, True]
    assert out["competitive"].tolist() == [True, True, False, True, True, True, False]


def test_thresholds_are_parameters():
    # with a 50 % province threshold H (30 % of the province, 3 % of its PDRB) is no longer material
    out = classify_sectors(_frame(ROWS), thresholds=SectorThresholds(province_share_pct=50))
    assert out.set_index("sector_code").loc["H", "kelas"] == "potensial berkembang"
    with pytest.raises(TypeError, match="classify_sectors: argument thresholds= must be a SectorThresholds"):
        classify_sectors(_frame(ROWS), thresholds={"basis_lq": 1})
    with pytest.raises(ValueError, match=r"SectorThresholds: field\(s\) \['knife_edge'\] are negative"):
        SectorThresholds(knife_edge=-0.1)


KNIFE = [
    # LQ 1.03 within 5 % of 1 and decisive: below 1 it would be potensial berkembang
    (("k1", True, 1.03, 10.0, 10.0, 20.0, 100.0), "unggulan", "basis_lq"),
    # LQ 1.03 but neither material nor competitive: lainnya on both sides -> no knife edge
    (("k2", True, 1.03, 2.0, 2.0, -10.0, 100.0), "lainnya", ""),
    # share 5.2 % within 0.25 of 5 %: below it the row is not material -> potensial berkembang
    (("k3", True, 2.0, 5.2, 10.0, 20.0, 100.0), "unggulan", "region_share_pct"),
    # share of province 26 % within 1.25 of 25 % (share 2 % >= 1 %)
    (("k4", True, 2.0, 2.0, 26.0, 20.0, 100.0), "unggulan", "province_share_pct"),
    # share 1.04 % within 0.05 of the 1 % floor (province 30 %)
    (("k5", True, 2.0, 1.04, 30.0, 20.0, 100.0), "unggulan", "min_region_share_pct"),
    # PPW 4 = 4 % of the start value 100 (<= 5 %): competitive by a hair
    (("k6", True, 2.0, 10.0, 10.0, 4.0, 100.0), "unggulan", "competitive_effect_pct"),
    # PPW -6 = 6 % of 100: clearly not competitive
    (("k7", True, 2.0, 10.0, 10.0, -6.0, 100.0), "andalan menurun", ""),
    # LQ 0.97 and PPW -3 % both near: only PPW decides (with LQ > 1 it is still not material)
    (("k8", True, 0.97, 3.0, 3.0, -3.0, 100.0), "lainnya", "competitive_effect_pct"),
    # not tradable: no numeric threshold decides
    (("O", False, 1.01, 5.1, 25.0, 0.1, 100.0), "layanan lokal", ""),
]


@pytest.mark.parametrize(("row", "kelas", "on"), KNIFE, ids=[k[0][0] for k in KNIFE])
def test_knife_edge(row, kelas, on):
    out = classify_sectors(_frame([row])).iloc[0]
    assert out["kelas"] == kelas
    assert out["knife_edge_on"] == on
    assert out["knife_edge"] == bool(on)


def test_missing_value_gives_missing_class_only_when_tradable():
    rows = [("C", True, np.nan, 40.0, 10.0, 30.0, 100.0), ("Q", False, np.nan, 40.0, 10.0, 30.0, 100.0)]
    out = classify_sectors(_frame(rows))
    assert pd.isna(out["kelas"].iloc[0]) and pd.isna(out["basis"].iloc[0])
    assert out["kelas"].iloc[1] == "layanan lokal"


def test_evidence_sentence_in_indonesian_number_format():
    # the report's format (potensi.core.numbers.angka): dot thousands, decimal comma, hyphen-minus
    row = ("C", True, 4.0567, 80.66, 33.76, -7793.29, 12000.0)
    out = classify_sectors(_frame([row])).iloc[0]
    assert out["evidence"] == ("LQ 4,06; 80,7 % PDRB ADHK; 33,8 % sektor ini di provinsi; "
                               "PPW -7.793 miliar rupiah (daya saing menurun)")
    assert angka(-7793.29, 0) in out["evidence"]
    local = classify_sectors(_frame([ROWS[5]])).iloc[0]["evidence"]
    assert local.startswith("layanan lokal; LQ 3,00; 20,0 % PDRB ADHK")
    edge = classify_sectors(_frame([KNIFE[5][0]])).iloc[0]["evidence"]
    assert edge.endswith("PPW 4,0 miliar rupiah (berdaya saing); di tepi ambang PPW")
    # a PPW under 0,1 miliar keeps two significant digits and its sign (it was "0,0 ... menurun");
    # exactly zero reads "tidak berubah"
    tiny = classify_sectors(_frame([("MN", True, 0.5, 0.05, 1.0, -0.039053, 100.0),
                                    ("E", True, 0.5, 0.05, 1.0, 0.002304, 100.0),
                                    ("RSTU", True, 0.5, 0.05, 1.0, 0.0, 100.0)]))["evidence"]
    assert tiny.iloc[0].endswith("PPW -0,039 miliar rupiah (daya saing menurun)")
    assert tiny.iloc[1].endswith("PPW 0,0023 miliar rupiah (berdaya saing)")
    assert tiny.iloc[2].endswith("PPW 0,0 miliar rupiah (tidak berubah)")


def test_classify_leaves_input_unchanged_and_rejects_duplicates():
    frame = _frame(ROWS)
    before = frame.copy()
    classify_sectors(frame)
    pd.testing.assert_frame_equal(frame, before)
    with pytest.raises(ValueError, match=r"classify_sectors: argument dimensions has several rows .*\('a', 'C'\)"):
        classify_sectors(pd.concat([frame, frame.iloc[:1]]))


# ---------------------------------------------------------------------------------------------
# scenario_agreement on hand-made scenario frames


def _kelas(pairs) -> pd.DataFrame:
    return pd.DataFrame({"region_code": "a", "sector_code": [p[0] for p in pairs],
                         "kelas": pd.Categorical([p[1] for p in pairs], dtype=KELAS)})


def test_scenario_agreement_counts():
    scenarios = {
        "2013-2020": _kelas([("B", "unggulan"), ("C", "andalan menurun"), ("G", "lainnya")]),
        "2013-2019": _kelas([("B", "unggulan"), ("C", "unggulan"), ("G", "lainnya")]),
        "tanpa pertambangan": _kelas([("C", "andalan menurun"), ("G", "potensial berkembang")]),
        "ADHB": _kelas([("B", "andalan menurun"), ("C", "andalan menurun"), ("G", "lainnya")]),
    }
    out = scenario_agreement(scenarios, baseline="2013-2020")
    # B: baseline, 2013-2019 agree; no row without mining; ADHB differs -> 2 of 3
    # C: baseline, tanpa pertambangan, ADHB agree; 2013-2019 differs   -> 3 of 4
    # G: baseline, 2013-2019, ADHB agree; tanpa pertambangan differs   -> 3 of 4
    assert out["scenarios_agree"].tolist() == [2, 3, 3]
    assert out["scenarios_total"].tolist() == [3, 4, 4]
    assert out["scenarios_agree"].dtype == np.int64 and out["scenarios_total"].dtype == np.int64
    assert out["stable"].tolist() == [False, False, False]
    assert out["disagree_with"].tolist() == ["ADHB", "2013-2019", "tanpa pertambangan"]
    assert out["kelas"].dtype == KELAS


def test_scenario_agreement_stable_and_missing_equals_missing():
    base = _kelas([("B", "unggulan"), ("C", None)])
    out = scenario_agreement({"x": base, "y": base.copy()}, baseline="x")
    assert out["scenarios_agree"].tolist() == [2, 2] and out["stable"].all()


def test_scenario_agreement_errors():
    with pytest.raises(ValueError, match=r"scenario_agreement: argument baseline='z' is not a scenario; "
                                         r"available: \['x'\]"):
        scenario_agreement({"x": _kelas([("B", "unggulan")])}, baseline="z")
    with pytest.raises(ValueError, match=r"argument classified\['y'\] lacks column\(s\) \['kelas'\]"):
        scenario_agreement({"x": _kelas([("B", "unggulan")]), "y": _kelas([]).drop(columns="kelas")},
                           baseline="x")


# ---------------------------------------------------------------------------------------------
# without_sector


def test_without_sector_recomputes_totals():
    p = pd.DataFrame({
        "region_code": ["a"] * 6, "year": 2020,
        "price_basis": ["ADHK2010"] * 3 + ["ADHB"] * 3,
        "sector_code": ["A", "B", "TOTAL"] * 2,
        "value": [10.0, 90.0, 100.0, 12.0, 120.0, 132.0],
    })
    before = p.copy()
    out = without_sector(p)
    # TOTAL = the sum of the remaining sectors, per price basis: 10 and 12
    assert out[["price_basis", "sector_code", "value"]].values.tolist() == [
        ["ADHK2010", "A", 10.0], ["ADHK2010", "TOTAL", 10.0], ["ADHB", "A", 12.0], ["ADHB", "TOTAL", 12.0]]
    pd.testing.assert_frame_equal(p, before)
    with pytest.raises(ValueError, match=r"without_sector: argument sector='Z': \['Z'\] not a sector of pdrb"):
        without_sector(p, "Z")


# ---------------------------------------------------------------------------------------------
# real data: Kalimantan Timur 2013-2020 (kab/kota against the published province)

KALTIM = "6400"


@pytest.fixture(scope="module")
def kaltim_pdrb():
    pdrb = potensi.load_table("pdrb")
    return pdrb[pdrb["region_code"].str.startswith("64")]


def _kaltim(pdrb, **kw):
    t = potensi.sector_tables(pdrb, reference_code=KALTIM, start=2013, end=2020, **kw)
    return classify_sectors(sector_dimensions(t["growth"], t["lq"], t["dlq"], t["shift_share"]))


@pytest.fixture(scope="module")
def kaltim(kaltim_pdrb):
    return _kaltim(kaltim_pdrb).set_index(["region_code", "sector_code"])


@pytest.mark.parametrize(("region", "sector"), [("6474", "C"), ("6471", "C"), ("6404", "B"), ("6403", "B")],
                         ids=["Bontang C", "Balikpapan C", "Kutai Timur B", "Kutai Kartanegara B"])
def test_kaltim_the_economy_carriers_are_in_a_top_class(kaltim, region, sector):
    assert kaltim.loc[(region, sector), "kelas"] in TOP_KELAS


def test_kaltim_bontang_gas_industry_is_andalan_menurun(kaltim):
    row = kaltim.loc[("6474", "C")]
    assert row["competitive_effect"] < 0  # -7 793 miliar rupiah 2013-2020
    assert row["share_region_pct"] > 80  # 80.7 % of Bontang's PDRB ADHK in 2020
    assert row["kelas"] == "andalan menurun"


def test_kaltim_top_classes_are_material_and_never_government(kaltim):
    top = kaltim[kaltim["kelas"].isin(TOP_KELAS)]
    assert len(top) > 0
    assert "O" not in set(top.index.get_level_values("sector_code"))
    assert top["material"].all() and top["basis"].all() and top["tradable"].all()
    assert (kaltim.loc[kaltim.index.get_level_values("sector_code") == "O", "kelas"] == "layanan lokal").all()
    assert (kaltim["evidence"].str.len() > 0).all()


def test_kaltim_tanpa_pertambangan_equals_excluding_the_sector(kaltim_pdrb):
    dropped = _kaltim(without_sector(kaltim_pdrb))
    pd.testing.assert_frame_equal(dropped, _kaltim(kaltim_pdrb, excluded_sectors=["B"]))
    assert "B" not in set(dropped["sector_code"])
