"""Location quotient, average LQ, DLQ and the SLQ x DLQ classification."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from potensi.indicators.location_quotient import (
    SLQ_DLQ_LABELS,
    average_location_quotient,
    classify_slq_dlq,
    dynamic_location_quotient,
    location_quotient,
    slq_dlq,
)


@pytest.fixture(scope="module")
def kaltim():
    """Embedded PDRB ADHK2010 of East Kalimantan (kab/kota, province, Indonesia), 2013-2020."""
    from potensi.data.store import province_pdrb

    data = province_pdrb("64")
    return data[data.year.between(2013, 2020)].reset_index(drop=True)


def tidy(values: dict, basis="ADHK2010") -> pd.DataFrame:
    """{(region, year): {sector: value}} -> tidy table."""
    rows = [(r, y, s, v) for (r, y), secs in values.items() for s, v in secs.items()]
    df = pd.DataFrame(rows, columns=["region_code", "year", "sector_code", "value"])
    return df.assign(price_basis=basis)


TWO = tidy({("A", 2020): {"x": 30.0, "y": 10.0}, ("B", 2020): {"x": 10.0, "y": 50.0}})


def test_lq_hand_worked_sum_reference():
    out = location_quotient(TWO, reference_code="P", regions=["A", "B"], reference="sum")
    lq = out.set_index(["region_code", "sector_code"])["lq"]
    # reference = A + B: x 40, y 60, total 100
    assert lq["A", "x"] == pytest.approx((30 / 40) / (40 / 100))  # 1.875
    assert lq["A", "y"] == pytest.approx((10 / 40) / (60 / 100))  # 0.41667
    assert lq["B", "y"] == pytest.approx((50 / 60) / (60 / 100))  # 1.3889
    assert set(out["reference_code"]) == {"P-SUM"}
    assert (out["reason"] == "").all()


def test_lq_published_reference_differs_from_sum():
    data = pd.concat([TWO, tidy({("P", 2020): {"x": 50.0, "y": 50.0}})])
    lq = location_quotient(data, reference_code="P").set_index(["region_code", "sector_code"])["lq"]
    assert lq["A", "x"] == pytest.approx((30 / 40) / (50 / 100))  # 1.5


def test_lq_identity_on_embedded_data(kaltim):
    kab = [c for c in kaltim.region_code.unique() if c not in ("0000", "6400")]
    out = location_quotient(kaltim, reference_code="6400", regions=kab)
    ref = kaltim[kaltim.region_code == "6400"]
    w = ref.assign(w=ref.value / ref.groupby("year").value.transform("sum"))[["year", "sector_code", "w"]]
    total = out.merge(w, on=["year", "sector_code"]).assign(p=lambda d: d.lq * d.w)
    sums = total.groupby(["region_code", "year"]).p.sum()
    assert np.allclose(sums, 1.0)


def test_lq_province_against_indonesia_uses_sector_sum(kaltim):
    out = location_quotient(kaltim, reference_code="0000", regions=["6400"])
    assert out["lq"].notna().all()
    assert out.loc[out.sector_code == "B", "lq"].iloc[0] > 5  # Kaltim is a mining province


def test_lq_zero_in_region_is_zero_and_zero_in_reference_is_nan():
    data = tidy({("A", 2020): {"x": 0.0, "y": 10.0, "z": 5.0}, ("R", 2020): {"x": 10.0, "y": 20.0, "z": 0.0}})
    out = location_quotient(data, reference_code="R").set_index("sector_code")
    assert out.loc["x", "lq"] == 0.0  # (0/15)/(10/30): a real zero (mining in a city)
    assert np.isnan(out.loc["z", "lq"])
    assert "zero reference value" in out.loc["z", "reason"]


def test_lq_zero_total_and_missing_value():
    data = tidy({("A", 2020): {"x": 0.0, "y": 0.0}, ("B", 2020): {"x": np.nan, "y": 1.0},
                 ("R", 2020): {"x": 10.0, "y": 20.0}})
    out = location_quotient(data, reference_code="R").set_index(["region_code", "sector_code"])
    assert out["lq"].isna().all()
    assert out.loc[("A", "x"), "reason"] == "zero region total"
    assert out.loc[("B", "x"), "reason"] == "missing value"
    assert out.loc[("B", "y"), "reason"].startswith("region total incomplete")


def test_lq_errors_name_function_argument_region_sector():
    bad = TWO.assign(value=TWO["value"].astype(object))
    bad.loc[1, "value"] = "x"
    with pytest.raises(ValueError, match=r"location_quotient: column 'value' \(argument value=\): 'x' for region A, sector y"):
        location_quotient(bad, reference_code="B")
    neg = TWO.assign(value=[30.0, -1.0, 10.0, 50.0])
    with pytest.raises(ValueError, match="region A, sector y, year 2020 is negative"):
        location_quotient(neg, reference_code="B")
    with pytest.raises(ValueError, match=r"column 'sektor' \(argument sector=\) not found"):
        location_quotient(TWO, reference_code="B", sector="sektor")
    mixed = TWO.assign(price_basis=["ADHB", "ADHB", "ADHK2010", "ADHK2010"])
    with pytest.raises(ValueError, match="mixes price bases"):
        location_quotient(mixed, reference_code="B")
    with pytest.raises(ValueError, match=r"argument reference_code=: region code\(s\) \['Q'\] not in the data"):
        location_quotient(TWO, reference_code="Q")
    with pytest.raises(ValueError, match="duplicate rows for region A, year 2020, sector x"):
        location_quotient(pd.concat([TWO, TWO.iloc[:1]]), reference_code="B")
    with pytest.raises(TypeError, match="must be a pandas DataFrame"):
        location_quotient(TWO.to_dict(), reference_code="B")
    no_code = TWO.assign(region_code=["A", None, "B", "B"])
    with pytest.raises(ValueError, match=r"column 'region_code' \(argument region=\) has a missing code"):
        location_quotient(no_code, reference_code="B")
    int_codes = TWO.assign(region_code=[1, 1, 2, 2])  # codes are compared as strings
    assert location_quotient(int_codes, reference_code="2")["region_code"].tolist() == ["1", "1"]


def test_lq_interface_row_order_extra_columns_total_rows_input_unchanged():
    before = TWO.copy()
    base = location_quotient(TWO, reference_code="B")
    shuffled = TWO.sample(frac=1, random_state=1).assign(extra="z")
    with_total = pd.concat([shuffled, pd.DataFrame({"region_code": ["A"], "year": [2020], "sector_code": ["TOTAL"],
                                                    "value": [40.0], "price_basis": ["ADHK2010"]})])
    pd.testing.assert_frame_equal(location_quotient(with_total, reference_code="B"), base)
    pd.testing.assert_frame_equal(TWO, before)


def test_excluded_sectors_change_totals():
    data = tidy({("A", 2020): {"x": 30.0, "y": 10.0, "m": 60.0}, ("R", 2020): {"x": 40.0, "y": 60.0, "m": 0.0}})
    out = location_quotient(data, reference_code="R", exclude=["m"]).set_index("sector_code")
    assert list(out.index) == ["x", "y"]
    assert out.loc["x", "lq"] == pytest.approx(1.875)  # (30/40)/(40/100), mining left out
    with pytest.raises(ValueError, match=r"argument exclude=: sector code\(s\) \['MIGAS'\] not in the data"):
        location_quotient(data, reference_code="R", exclude=["MIGAS"])


PERIOD = tidy({("A", 2010): {"x": 10.0, "y": 30.0}, ("R", 2010): {"x": 50.0, "y": 50.0},
               ("A", 2011): {"x": 20.0, "y": 30.0}, ("R", 2011): {"x": 70.0, "y": 50.0},
               ("A", 2012): {"x": 40.0, "y": 30.0}, ("R", 2012): {"x": 100.0, "y": 50.0}})


def test_average_lq_hand_worked():
    out = average_location_quotient(PERIOD, reference_code="R", start=2010, end=2012).set_index("sector_code")
    # x: (10/40)/(50/100)=0.5, (20/50)/(70/120)=0.685714, (40/70)/(100/150)=0.857143
    assert out.loc["x", "lq"] == pytest.approx((0.5 + 0.4 / (70 / 120) + (40 / 70) / (100 / 150)) / 3)
    assert out.loc["x", "n_years"] == 3


def test_dlq_cagr_hand_worked_and_identity():
    out = dynamic_location_quotient(PERIOD, reference_code="R", start=2010, end=2012).set_index("sector_code")
    # g_x = (40/10)^(1/2) = 2, g_j = (70/40)^(1/2), G_x = 2^(1/2), G = 1.5^(1/2), t = 2
    expected = ((2 / (70 / 40) ** 0.5) / (2**0.5 / 1.5**0.5)) ** 2  # = 4/1.75/(2/1.5) = 1.714286
    assert out.loc["x", "dlq"] == pytest.approx(expected)
    assert out.loc["x", "dlq"] == pytest.approx(((40 / 70) / (100 / 150)) / ((10 / 40) / (50 / 100)))


def test_dlq_identity_on_embedded_data(kaltim):
    kab = [c for c in kaltim.region_code.unique() if c not in ("0000", "6400")]
    dlq = dynamic_location_quotient(kaltim, reference_code="6400", regions=kab, start=2013, end=2020)
    lq = location_quotient(kaltim, reference_code="6400", regions=kab).set_index(["region_code", "sector_code", "year"])
    ratio = (lq.xs(2020, level="year")["lq"] / lq.xs(2013, level="year")["lq"])
    merged = dlq.set_index(["region_code", "sector_code"])["dlq"]
    assert np.allclose(merged, ratio.loc[merged.index], equal_nan=True)


def test_dlq_variants_hand_worked():
    mean = dynamic_location_quotient(PERIOD, reference_code="R", start=2010, end=2012, method="mean")
    # x: annual rates 1.0, 1.0 -> 1 + 1.0 = 2; region total 40->50->70: 0.25, 0.4 -> 1.325
    # ref x 50->70->100: 0.4, 0.428571 -> 1.414286; ref total 100->120->150: 0.2, 0.25 -> 1.225
    expected = ((2 / 1.325) / ((1 + (0.4 + 30 / 70) / 2) / 1.225)) ** 2
    assert mean.loc[0, "dlq"] == pytest.approx(expected)
    one = dynamic_location_quotient(PERIOD, reference_code="R", start=2010, end=2012, method="one_period")
    assert one.loc[0, "dlq"] == pytest.approx((2 / 1.75**0.5) / (2**0.5 / 1.5**0.5))  # no exponent t
    assert set(one["method"]) == {"one_period"}


def test_dlq_zero_base_short_series_and_current_prices():
    data = pd.concat([PERIOD, tidy({("N", 2012): {"x": 5.0, "y": 5.0}})])
    data.loc[(data.region_code == "A") & (data.sector_code == "x") & (data.year == 2010), "value"] = 0.0
    out = dynamic_location_quotient(data, reference_code="R", start=2010, end=2012).set_index(
        ["region_code", "sector_code"])
    assert np.isnan(out.loc[("A", "x"), "dlq"]) and "zero base" in out.loc[("A", "x"), "reason"]
    assert np.isnan(out.loc[("N", "x"), "dlq"]) and "2010: no data for the region" in out.loc[("N", "x"), "reason"]
    with pytest.raises(ValueError, match="dynamic_location_quotient: price basis 'ADHB' is not a constant-price"):
        dynamic_location_quotient(PERIOD.assign(price_basis="ADHB"), reference_code="R", start=2010, end=2012)
    with pytest.raises(ValueError, match="argument method='x' is not valid"):
        dynamic_location_quotient(PERIOD, reference_code="R", start=2010, end=2012, method="x")


@pytest.mark.parametrize(("labels", "expected"), [
    # Kuncoro (as cited, e.g. Esa Unggul lecture "Analisis gabungan LQ dan DLQ"): SLQ<1 & DLQ>1
    # is the sector that "dapat diandalkan pada masa yang akan datang" -> andalan.
    ("kuncoro", ["unggulan", "prospektif", "andalan", "tertinggal"]),
    ("swapped", ["unggulan", "andalan", "prospektif", "tertinggal"]),
])
def test_classify_slq_dlq_label_sets(labels, expected):
    cat, rules = classify_slq_dlq([2.0, 2.0, 0.5, 1.0, np.nan], [1.5, 1.0, 1.2, 0.3, 1.0], labels=labels)
    assert list(cat[:4]) == expected
    assert pd.isna(cat[4]) and rules[4] == ""
    assert list(rules[:4]) == ["SLQ>1, DLQ>1", "SLQ>1, DLQ<=1", "SLQ<=1, DLQ>1", "SLQ<=1, DLQ<=1"]
    assert cat.dtype == SLQ_DLQ_LABELS[labels] and cat.ordered


def test_slq_dlq_table():
    table = slq_dlq(PERIOD, reference_code="R", start=2010, end=2012, slq="end")
    out = table.set_index("sector_code")
    # y: LQ(2012) = (30/70)/(50/150) = 1.2857 > 1; DLQ = 1.2857/1.5 = 0.857 -> basis, share falling
    assert out.loc["y", "slq"] == pytest.approx((30 / 70) / (50 / 150))
    assert out.loc["y", "slq_dlq_class"] == "basis, pangsa turun"
    assert out.loc["x", "slq_dlq_class"] == "non-basis, pangsa naik"
    lit = slq_dlq(PERIOD, reference_code="R", start=2010, end=2012, slq="end", labels="kuncoro").set_index("sector_code")
    assert (lit.loc["y", "slq_dlq_class"], lit.loc["x", "slq_dlq_class"]) == ("prospektif", "andalan")
    assert list(table.columns[:6]) == ["region_code", "sector_code", "start_year", "end_year", "dlq",
                                                   "slq_dlq_class"]


positive = st.floats(min_value=0.5, max_value=1000, allow_nan=False)


@settings(max_examples=40, deadline=None)
@given(st.lists(positive, min_size=18, max_size=18))
def test_property_lq_and_dlq_identities(vals):
    # 2 study regions + reference, 3 sectors, 2 years
    keys = [(r, y) for y in (2000, 2005) for r in ("A", "B", "R")]
    data = tidy({k: dict(zip("xyz", vals[3 * i:3 * i + 3])) for i, k in enumerate(keys)})
    lq = location_quotient(data, reference_code="R")
    ref = data[data.region_code == "R"]
    w = ref.value / ref.groupby("year").value.transform("sum")
    weights = dict(zip(zip(ref.year, ref.sector_code), w))
    sums = lq.assign(p=[v * weights[(y, s)] for v, y, s in zip(lq.lq, lq.year, lq.sector_code)]).groupby(
        ["region_code", "year"]).p.sum()
    assert np.allclose(sums, 1)
    dlq = dynamic_location_quotient(data, reference_code="R", start=2000, end=2005)
    wide = lq.pivot_table(index=["region_code", "sector_code"], columns="year", values="lq")
    assert np.allclose(dlq.set_index(["region_code", "sector_code"])["dlq"], wide[2005] / wide[2000])


def test_default_label_set_is_descriptive_and_never_reuses_the_class_words():
    # potensi's own words (sources disagree; the Kuncoro 2004 attribution could not be quoted), and
    # "unggulan"/"andalan" keep one meaning in a report: the sector-potential classes
    cat, _ = classify_slq_dlq([2.0], [1.5])
    assert cat.dtype == SLQ_DLQ_LABELS["potensi"] and list(cat) == ["basis, pangsa naik"]
    words = " ".join(SLQ_DLQ_LABELS["potensi"].categories)
    assert "unggulan" not in words and "andalan" not in words
    assert list(SLQ_DLQ_LABELS["kuncoro"].categories) == ["unggulan", "prospektif", "andalan", "tertinggal"]


def test_dlq_note_share_rise_without_faster_growth():
    # A: x 10 -> 10.5 (+5 %), y 30 -> 24 (-20 %): A's total 40 -> 34.5 shrinks (-13.75 %).
    # R: x 50 -> 60 (+20 %), y 50 -> 50 (0 %), total +10 %.
    # DLQ(x) = (10.5/34.5)/(10/40) / ((60/110)/(50/100)) = 1.2174 / 1.0909 = 1.1159 > 1 although
    # A's x grew 5 % < 20 % in R: the share rose because A's total shrank.
    data = tidy({("A", 2010): {"x": 10.0, "y": 30.0}, ("R", 2010): {"x": 50.0, "y": 50.0},
                 ("A", 2011): {"x": 10.5, "y": 24.0}, ("R", 2011): {"x": 60.0, "y": 50.0}})
    out = slq_dlq(data, reference_code="R", start=2010, end=2011).set_index("sector_code")
    assert out.loc["x", "dlq"] == pytest.approx(((10.5 / 34.5) / (10 / 40)) / ((60 / 110) / (50 / 100)))
    assert out.loc["x", "growth_pct"] == pytest.approx(5.0)
    assert out.loc["x", "reference_growth_pct"] == pytest.approx(20.0)
    assert out.loc["x", "region_growth_pct"] == pytest.approx(-13.75)
    assert out.loc["x", "dlq_note"].endswith("region total shrank")
    assert "sector growth not above" in out.loc["x", "dlq_note"]
    # even y, down 20 % against 0 % in R, has DLQ (24/34.5)/(30/40) / ((50/110)/(50/100)) = 1.0203 > 1
    assert out.loc["y", "dlq"] == pytest.approx(((24 / 34.5) / (30 / 40)) / ((50 / 110) / (50 / 100)))
    assert out.loc["y", "dlq_note"] == out.loc["x", "dlq_note"]


def test_dlq_note_kutai_kartanegara(kaltim):
    """Kutai Kartanegara 2013-2020: PDRB shrank (mining); 16 of its 17 sectors have DLQ > 1, all noted."""
    kab = [c for c in kaltim.region_code.unique() if c not in ("0000", "6400")]
    out = slq_dlq(kaltim, reference_code="6400", regions=kab, start=2013, end=2020)
    k = out[out.region_code == "6403"]
    up = k[k.dlq > 1]
    assert len(up) == 16 and (up["dlq_note"] != "").all()
    assert (k["region_growth_pct"] < 0).all()
