"""Tests for potensi.synthesis, with the sector tables built by hand."""

import pandas as pd
import pytest

from potensi.conclusions.synthesis import (
    KLASSEN_QUADRANT_I,
    METHODS,
    UnggulanRule,
    cooperation_opportunities,
    sektor_unggulan,
)

P = {"start_year": 2013, "end_year": 2020}


@pytest.fixture
def tables():
    key = {"region_code": ["a", "a", "a", "b"], "sector_code": ["x", "y", "z", "x"]}
    lq = pd.DataFrame({**key, "year": 2020, "lq": [1.6, 0.7, 1.2, 0.4]})
    lq_old = lq.assign(year=2013, lq=[9.0, 9.0, 9.0, 9.0])  # another year: must not be used
    dlq = pd.DataFrame({**key, **P, "dlq": [1.2, 1.1, 0.9, 0.8], "slq_dlq_class": "?"})
    ss = pd.DataFrame({**key, **P, "change": 1.0, "national_share": 0.0, "industry_mix": 0.0,
                       "competitive_effect": [5.0, 2.0, 1.0, -1.0]})
    mrp = pd.DataFrame({**key, **P, "rpr": 1.0, "rps": 1.0, "overlay": ["+++", "++-", "+++", "---"]})
    kl = pd.DataFrame({**key, **P, "klassen": [KLASSEN_QUADRANT_I, "sektor potensial", KLASSEN_QUADRANT_I,
                                               "sektor terbelakang"]})
    return {"lq": pd.concat([lq_old, lq]), "dlq": dlq, "shift_share": ss, "mrp": mrp, "klassen_sector": kl}


def test_votes_and_labels(tables):
    out = sektor_unggulan(**tables).set_index(["region_code", "sector_code"])
    # a/x: LQ 1.6, DLQ 1.2, CE 5, Klassen I, +++ -> 5 votes, basis -> unggulan
    assert out.loc[("a", "x"), "score"] == 5 and out.loc[("a", "x"), "label"] == "sektor unggulan"
    # a/y: DLQ 1.1 and CE 2 -> 2 votes -> potensial
    assert out.loc[("a", "y"), "score"] == 2 and out.loc[("a", "y"), "label"] == "sektor potensial"
    # a/z: LQ 1.2, CE 1, Klassen I, +++ -> 4 votes with LQ > 1 -> unggulan
    assert out.loc[("a", "z"), "score"] == 4 and out.loc[("a", "z"), "label"] == "sektor unggulan"
    assert out.loc[("b", "x"), "score"] == 0 and out.loc[("b", "x"), "label"] == "bukan sektor unggulan"
    assert out.loc[("a", "x"), "lq_year"] == 2020 and out.loc[("a", "x"), "lq"] == 1.6
    assert "DLQ > 1" in out.loc[("a", "y"), "methods"] and METHODS["flag_lq"] not in out.loc[("a", "y"), "methods"]
    assert METHODS["flag_dlq"] in out.loc[("a", "x"), "methods"] and METHODS["flag_lq"] in out.loc[("a", "x"), "methods"]
    assert (out["n_methods"] == 5).all()
    assert out.loc[("a", "x"), "rank"] == 1


def test_basis_required_by_rule(tables):
    tables["lq"].loc[tables["lq"]["year"] == 2020, "lq"] = [0.9, 0.7, 1.2, 0.4]
    out = sektor_unggulan(**tables).set_index(["region_code", "sector_code"])
    assert out.loc[("a", "x"), "score"] == 4 and out.loc[("a", "x"), "label"] == "sektor potensial"
    loose = sektor_unggulan(**tables, rule=UnggulanRule(require_basis=False)).set_index(["region_code", "sector_code"])
    assert loose.loc[("a", "x"), "label"] == "sektor unggulan"


def test_quadrant_label_constant_can_change(tables):
    tables["klassen_sector"]["klassen"] = "Kuadran I"
    out = sektor_unggulan(**tables, klassen_label="Kuadran I").set_index(["region_code", "sector_code"])
    assert bool(out.loc[("b", "x"), "flag_klassen"])


def test_absent_tables_reduce_n_methods(tables):
    out = sektor_unggulan(tables["lq"], tables["dlq"]).set_index(["region_code", "sector_code"])
    assert (out["n_methods"] == 2).all()
    assert out.loc[("a", "x"), "reason"] == "no vote from: competitive, klassen, overlay"


def test_several_periods_need_start_end(tables):
    other = tables["dlq"].assign(start_year=2010)
    tables["dlq"] = pd.concat([tables["dlq"], other])
    with pytest.raises(ValueError, match=r"sektor_unggulan: argument dlq has several periods"):
        sektor_unggulan(**tables)
    assert len(sektor_unggulan(**tables, start=2013, end=2020)) == 4


def test_cooperation_ranking_and_evidence():
    comp = pd.DataFrame({"sector_code": ["x", "x", "y"], "supplier": ["a", "a", "c"], "partner": ["b", "c", "a"],
                         "lq_supplier": [1.5, 1.5, 2.0], "lq_partner": [0.5, 0.9, 0.5],
                         "complementarity": [1.0, 0.6, 1.5]})
    inter = pd.DataFrame({"region_a": ["a", "a", "b"], "region_b": ["b", "c", "c"],
                          "distance_km": [10.0, 50.0, 60.0], "interaction": [4.0, 1.0, 2.0],
                          "interaction_index": [1.0, 0.25, 0.5]})
    u = pd.DataFrame({"region_code": ["a", "c"], "sector_code": ["x", "y"], "score": [5, 1],
                      "label": ["sektor unggulan", "bukan sektor unggulan"]})
    out = cooperation_opportunities(comp, inter, unggulan=u)
    # scores: (x,a,b) 1.0*1.0 = 1.0; (x,a,c) 0.6*0.25 = 0.15; (y,c,a) 1.5*0.25 = 0.375
    assert out[["sector_code", "supplier", "partner"]].values.tolist() == [["x", "a", "b"], ["y", "c", "a"],
                                                                          ["x", "a", "c"]]
    assert out["score"].tolist() == pytest.approx([1.0, 0.375, 0.15])
    assert out["rank_in_sector"].tolist() == [1, 1, 2]
    assert "supplier: sektor unggulan" in out["evidence"].iloc[0] and "10.0 km" in out["evidence"].iloc[0]
    only = cooperation_opportunities(comp, inter, unggulan=u, only_unggulan=True)
    assert set(only["supplier"]) == {"a"}
    assert len(cooperation_opportunities(comp, inter, top=1)) == 1
