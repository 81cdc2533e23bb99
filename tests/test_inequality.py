"""Tests for potensi.inequality: hand-worked values, identities, properties, PySAL cross-check."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import potensi
from potensi.indicators.inequality import (
    GINI_THRESHOLDS,
    classify_inequality,
    gini,
    inequality_table,
    theil,
    theil_decomposition,
    williamson,
)


def frame(values, pops, groups=None, year=2020):
    d = pd.DataFrame({"year": year, "region_code": [f"r{i}" for i in range(len(values))],
                      "value": np.asarray(values, float), "population": np.asarray(pops, float)})
    if groups is not None:
        d["g"] = groups
    return d


def test_williamson_hand_worked():
    # PDRB 10, 40; population 1, 2 -> y = 10, 20; ybar = 50/3; p = 1/3, 2/3
    # Vw = sqrt(1/3*(10-50/3)^2 + 2/3*(20-50/3)^2) / (50/3) = sqrt(200/9) / (50/3) = 0.282843
    d = frame([10, 40], [1, 2])
    assert williamson(d)["williamson"].iloc[0] == pytest.approx(np.sqrt(200 / 9) / (50 / 3))
    # unweighted: y = 10, 20, mean 15, sd 5 -> CV = 1/3
    assert williamson(d, weighted=False)["williamson"].iloc[0] == pytest.approx(1 / 3)


def test_williamson_with_province_mean():
    # mean 20 instead of 50/3: sqrt(1/3*100 + 2/3*0) / 20 = sqrt(100/3)/20
    d = frame([10, 40], [1, 2])
    out = williamson(d, mean=pd.Series({2020: 20.0}))
    assert out["williamson"].iloc[0] == pytest.approx(np.sqrt(100 / 3) / 20)


def test_theil_l_and_gini_hand_worked():
    # PDRB 10, 30, one person each: L = 0.5 ln(0.5/0.25) + 0.5 ln(0.5/0.75) = 0.143841
    d = frame([10, 30], [1, 1])
    assert theil(d, kind="L")["theil_l"].iloc[0] == pytest.approx(0.5 * np.log(2) + 0.5 * np.log(2 / 3))
    # Gini: |10-30| * 2 pairs * 1/4 / (2 * 20) = 0.25
    assert gini(d)["gini"].iloc[0] == pytest.approx(0.25)
    # weighted Gini, populations 1, 3 (y = 10, 10) -> 0
    assert gini(frame([10, 30], [1, 3]))["gini"].iloc[0] == pytest.approx(0.0)


def test_weighted_gini_matches_pairwise_formula():
    rng = np.random.default_rng(1)
    v, p = rng.uniform(1, 100, 12), rng.uniform(1, 10, 12)
    y, w = v / p, p / p.sum()
    expected = (w[:, None] * w[None, :] * np.abs(y[:, None] - y[None, :])).sum() / (2 * (v.sum() / p.sum()))
    assert gini(frame(v, p))["gini"].iloc[0] == pytest.approx(expected)


@given(st.lists(st.tuples(st.floats(0.5, 1e4), st.floats(1, 1e6)), min_size=2, max_size=30),
       st.floats(1e-3, 1e3))
@settings(max_examples=60, deadline=None)
def test_properties(rows, scale):
    v = np.array([r[0] for r in rows])
    p = np.array([r[1] for r in rows])
    d = frame(v, p)
    w = williamson(d)["williamson"].iloc[0]
    t = theil(d)["theil_t"].iloc[0]
    g = gini(d)["gini"].iloc[0]
    assert w >= -1e-12 and t >= -1e-12 and -1e-12 <= g < 1
    # invariant to scaling PDRB (unit) and to scaling population
    d2 = d.assign(value=d["value"] * scale, population=d["population"] * 3)
    assert williamson(d2)["williamson"].iloc[0] == pytest.approx(w, rel=1e-9, abs=1e-12)
    assert theil(d2)["theil_t"].iloc[0] == pytest.approx(t, rel=1e-9, abs=1e-12)
    assert gini(d2)["gini"].iloc[0] == pytest.approx(g, rel=1e-9, abs=1e-12)
    # row order does not matter
    d3 = d.iloc[::-1]
    assert gini(d3)["gini"].iloc[0] == pytest.approx(g, abs=1e-12)


@given(st.lists(st.floats(1, 1e6), min_size=2, max_size=20), st.floats(1, 1e4))
@settings(max_examples=40, deadline=None)
def test_equal_per_capita_gives_zero(pops, income):
    pops = np.array(pops)
    d = frame(pops * income, pops)
    for f, col in ((williamson, "williamson"), (theil, "theil_t"), (gini, "gini")):
        assert f(d)[col].iloc[0] == pytest.approx(0.0, abs=1e-9)
    assert theil(d, kind="L")["theil_l"].iloc[0] == pytest.approx(0.0, abs=1e-9)


@given(st.lists(st.tuples(st.floats(0.1, 1e4), st.floats(1, 1e5), st.sampled_from("abc")), min_size=2,
                max_size=25), st.sampled_from(["T", "L"]))
@settings(max_examples=60, deadline=None)
def test_decomposition_identity(rows, kind):
    d = frame([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows])
    out = theil_decomposition(d, group="g", kind=kind).iloc[0]
    assert out["between"] + out["within"] == pytest.approx(out["total"], abs=1e-12)
    assert out["total"] == pytest.approx(theil(d, kind=kind).iloc[0, 1], abs=1e-12)
    assert out["between"] >= -1e-12 and out["within"] >= -1e-12
    # within = sum_g s_g T_g (T) computed group by group
    if kind == "T":
        s_g = d.groupby("g")["value"].sum() / d["value"].sum()
        t_g = theil(d, by=["g"]).set_index("g")["theil_t"].fillna(0.0)  # one-region group: 0
        assert out["within"] == pytest.approx(float((s_g * t_g).sum()), abs=1e-10)


def test_decomposition_hand_worked():
    # a, b in g; c in h; PDRB 10, 30, 60; one person each.
    # between = 0.4 ln(0.4/(2/3)) + 0.6 ln(0.6/(1/3)) = 0.148342
    d = frame([10, 30, 60], [1, 1, 1], ["g", "g", "h"])
    out = theil_decomposition(d, group="g").iloc[0]
    assert out["between"] == pytest.approx(0.4 * np.log(0.6) + 0.6 * np.log(1.8))
    assert out["n_groups"] == 2


def test_undefined_cases_are_nan_with_reason():
    one = williamson(frame([10], [1])).iloc[0]
    assert np.isnan(one["williamson"]) and "fewer than 2 regions" in one["reason"]
    zero_pop = theil(frame([10, 20], [1, 0])).iloc[0]
    assert np.isnan(zero_pop["theil_t"]) and "r1 (population zero)" in zero_pop["reason"]
    missing = gini(frame([10, 20], [1, np.nan])).iloc[0]
    assert np.isnan(missing["gini"]) and "r1 (population missing)" in missing["reason"]
    zero_y = theil(frame([0, 20], [1, 1]), kind="L").iloc[0]
    assert np.isnan(zero_y["theil_l"]) and "zero PDRB in r0" in zero_y["reason"]
    # Theil T with a zero-income region is defined (0 ln 0 = 0): s = (0, 1), p = .5 -> ln 2
    assert theil(frame([0, 20], [1, 1]))["theil_t"].iloc[0] == pytest.approx(np.log(2))


def test_errors_name_function_and_argument():
    d = frame([10, 20], [1, 1])
    with pytest.raises(ValueError, match=r"williamson: column 'pop' \(argument population=\) not found"):
        williamson(d, population="pop")
    with pytest.raises(ValueError, match=r"theil: argument kind='X' is unknown"):
        theil(d, kind="X")
    with pytest.raises(ValueError, match=r"gini: argument population=None: a population-weighted index"):
        gini(d, population=None)
    with pytest.raises(ValueError, match=r"theil_decomposition: column 'g' \(argument group=\) is missing for "
                                         r"region\(s\) \['r1'\]"):
        theil_decomposition(d.assign(g=["x", None]), group="g")


def test_classes_configurable():
    assert list(classify_inequality([0.34, 0.35, 0.51])) == ["rendah", "sedang", "tinggi"]
    assert list(classify_inequality([0.34], thresholds=(0.2, 0.3))) == ["tinggi"]
    with pytest.raises(ValueError, match="classify_inequality: argument thresholds"):
        classify_inequality([0.1], thresholds=(0.5, 0.3))


def test_by_years_and_input_unchanged():
    d = pd.concat([frame([10, 30], [1, 1], year=2019), frame([10, 10], [1, 1], year=2020)])
    before = d.copy()
    out = inequality_table(d)
    pd.testing.assert_frame_equal(d, before)
    w = out[out["index"] == "williamson_weighted"].set_index("year")["value"]
    assert w[2019] == pytest.approx(0.5) and w[2020] == pytest.approx(0.0)


# --------------------------------------------------------------------------- PySAL cross-check
@pytest.fixture(scope="module")
def real_per_capita():
    """Per capita of the 34 provinces 2010-2023 (BPS, ADHK, ribu rupiah), one column per year."""
    pc = potensi.load_table("per_capita")
    cat = potensi.region_catalog()
    provs = set(cat.loc[(cat["level"] == "provinsi") & (cat["island"] != ""), "region_code"])
    pc = pc[(pc["price_basis"] == "ADHK2010") & pc["region_code"].isin(provs) & pc["year"].between(2010, 2023)]
    return pc.pivot(index="region_code", columns="year", values="per_capita_ribu").dropna()


def test_cross_check_pysal_theil_and_gini(real_per_capita):
    from inequality.gini import Gini
    from inequality.theil import Theil, TheilD

    wide = real_per_capita
    assert wide.shape[0] >= 33
    long = wide.stack().rename("value").reset_index()
    mine_t = theil(long, population=None, weighted=False).set_index("year")["theil_t"]
    mine_g = gini(long, population=None, weighted=False).set_index("year")["gini"]
    np.testing.assert_allclose(mine_t.to_numpy(), Theil(wide.to_numpy()).T, rtol=1e-10)
    np.testing.assert_allclose(mine_g.to_numpy(), [Gini(wide[y].to_numpy()).g for y in wide.columns], rtol=1e-10)
    # between-island part of the unweighted decomposition (TheilD.bg)
    island = potensi.region_catalog().set_index("region_code")["island"]
    long["island"] = long["region_code"].map(island)
    dec = theil_decomposition(long, group="island", population=None, weighted=False).set_index("year")
    pysal = TheilD(wide.to_numpy(), island.reindex(wide.index).to_numpy())
    np.testing.assert_allclose(dec["between"].to_numpy(), pysal.bg, rtol=1e-8)
    np.testing.assert_allclose(dec["within"].to_numpy(), pysal.wg, rtol=1e-8)


def test_regional_gini_gets_no_household_class():
    """The household-Gini bands (Oshima via BPS) are not applied to a Gini across a few regions."""
    d = frame([10, 30], [1, 1])
    out = inequality_table(d).set_index("index")
    assert out.loc["gini", "value"] == pytest.approx(0.25) and out.loc["gini", "class"] == ""
    assert out.loc["gini_unweighted", "class"] == ""
    assert out.loc["williamson_weighted", "class"] == "sedang"  # 0.5: Williamson rows keep their class
    labelled = inequality_table(d, gini_thresholds=GINI_THRESHOLDS).set_index("index")
    assert labelled.loc["gini", "class"] == "rendah"  # explicit opt-in: 0.25 < 0.3


def test_kaltim_williamson_without_mining_and_gini_note():
    from potensi.study.province import analyse_province

    ineq = analyse_province("64", start_year=2013, end_year=2020).tables["inequality"]
    nb = ineq[ineq["scope"].astype(str).str.endswith("tanpa pertambangan")]
    w = nb[nb["index"] == "williamson_weighted"].set_index("year")["value"]
    assert list(w.index) == list(range(2013, 2021))
    assert w[2013] == pytest.approx(0.861, abs=5e-4)  # Bontang's LNG industry keeps the gap wide without B
    main = ineq[ineq["scope"] == "kabupaten/kota 6400"]
    g = main[main["index"] == "gini"]
    assert (g["class"] == "").all() and g["note"].str.contains("household").all()
