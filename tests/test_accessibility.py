"""Tests for potensi.indicators.accessibility: seat distances and Hansen accessibility."""

import numpy as np
import pandas as pd
import pytest

from potensi.core.paths import DATA_RAW
from potensi.data.loaders import load_centroids
from potensi.indicators.accessibility import hansen_accessibility, seat_distances
from potensi.indicators.interaction import EARTH_RADIUS_KM


@pytest.fixture(scope="module")
def centroids():
    return pd.read_csv(DATA_RAW / "centroids_kabkota.csv", dtype={"region_code": str})


def masses(**kv):
    return pd.DataFrame({"region_code": list(kv), "value": list(kv.values())})


def dists(rows):
    return pd.DataFrame(rows, columns=["region_a", "region_b", "distance_km"])


ABC = dists([("a", "b", 10.0), ("a", "c", 20.0), ("b", "c", 10.0)])


# --------------------------------------------------------------------------- seat distances
def test_seat_distance_samarinda_kukar(centroids):
    town = seat_distances(centroids)
    area = seat_distances(centroids, source="QUARCS_INDONESIA514_POINTS")
    pick = lambda d: d.loc[(d.region_a == "6403") & (d.region_b == "6472"), "distance_km"].item()  # noqa: E731
    # town points (-0.2809, 116.9757) and (-0.5902, 117.1867): 41.6 km; area centroids: 98.8 km
    assert pick(town) == pytest.approx(41.6, abs=0.1)
    assert pick(area) == pytest.approx(98.8, abs=0.1)
    assert pick(town) < pick(area)
    assert len(town) == 514 * 513 // 2 and set(town.point_source) == {"QUARCS_ZENODO_XY"}


def test_seat_distances_from_loader():
    c = load_centroids(DATA_RAW / "centroids_kabkota.csv", source_id="QUARCS_ZENODO_XY")
    d = seat_distances(c)
    assert list(d.columns) == ["region_a", "region_b", "distance_km", "point_source"]
    assert (d.region_a < d.region_b).all()


def test_seat_distances_errors(centroids):
    with pytest.raises(ValueError, match=r"seat_distances: argument source='X' is not valid; expected one of"):
        seat_distances(centroids, source="X")
    only_area = load_centroids(DATA_RAW / "centroids_kabkota.csv")
    with pytest.raises(ValueError, match="no row with source_id 'QUARCS_ZENODO_XY'; found"):
        seat_distances(only_area)
    with pytest.raises(ValueError, match=r"column 'source_id' \(argument source_column=\) not found"):
        seat_distances(centroids.drop(columns="source_id"))
    with pytest.raises(ValueError, match="region '1101' twice"):
        seat_distances(pd.concat([centroids, centroids.head(1).assign(source_id="QUARCS_ZENODO_XY")]))


# --------------------------------------------------------------------------- Hansen
def test_hansen_by_hand():
    # A_a = 20/10^2 + 30/20^2 = 0.2 + 0.075 = 0.275; A_b = 10/100 + 30/100 = 0.4; A_c = 10/400 + 20/100 = 0.225
    out = hansen_accessibility(masses(a=10.0, b=20.0, c=30.0), ABC)
    assert list(out.columns) == ["region_code", "accessibility"]
    assert out["accessibility"].tolist() == pytest.approx([0.275, 0.4, 0.225])


def test_hansen_beta_one_and_zero():
    # beta = 1: A_a = 20/10 + 30/20 = 3.5; beta = 0: total mass of the others, 50, 40, 30
    m = masses(a=10.0, b=20.0, c=30.0)
    assert hansen_accessibility(m, ABC, beta=1)["accessibility"].tolist() == pytest.approx([3.5, 4.0, 2.5])
    assert hansen_accessibility(m, ABC, beta=0)["accessibility"].tolist() == pytest.approx([50, 40, 30])


def test_hansen_identity_with_gravity():
    # sum_i M_i A_i = 2 * sum_{i<j} M_i M_j / d_ij^beta (each gravity pair counted from both ends)
    rng = np.random.default_rng(1)
    codes = [f"r{k}" for k in range(6)]
    m = pd.DataFrame({"region_code": codes, "value": rng.uniform(1, 100, 6)})
    rows = [(a, b, rng.uniform(5, 500)) for i, a in enumerate(codes) for b in codes[i + 1:]]
    d = dists(rows)
    acc = hansen_accessibility(m, d, beta=1.5)
    mm = m.set_index("region_code")["value"]
    gravity = sum(mm[a] * mm[b] / x ** 1.5 for a, b, x in rows)
    assert (acc.set_index("region_code")["accessibility"] * mm).sum() == pytest.approx(2 * gravity)


def test_hansen_include_self():
    # d_aa = 5, d_bb = 2: A_a = 10/25 + 20/100 = 0.6; A_b = 20/4 + 10/100 = 5.1
    d = dists([("a", "b", 10.0), ("a", "a", 5.0), ("b", "b", 2.0)])
    out = hansen_accessibility(masses(a=10.0, b=20.0), d, include_self=True)
    assert out["accessibility"].tolist() == pytest.approx([0.6, 5.1])
    with pytest.raises(ValueError, match=r"include_self=True but .* for \['b'\]"):
        hansen_accessibility(masses(a=10.0, b=20.0), d.iloc[:2], include_self=True)


def test_hansen_interface():
    m = masses(a=10.0, b=20.0, c=30.0)
    base = hansen_accessibility(m, ABC)
    # same answer whatever the row and pair order, with extra rows and columns; inputs unchanged
    d2 = pd.concat([ABC.iloc[::-1].rename(columns={"region_a": "region_b", "region_b": "region_a"}),
                    dists([("a", "z", 1.0)])]).assign(extra=1)
    m2 = m.iloc[::-1].assign(extra="x")
    before = (m2.copy(), d2.copy())
    pd.testing.assert_frame_equal(hansen_accessibility(m2, d2), base)
    pd.testing.assert_frame_equal(m2, before[0])
    pd.testing.assert_frame_equal(d2, before[1])
    # both orders of a pair, same value: accepted
    both = pd.concat([ABC, ABC.rename(columns={"region_a": "region_b", "region_b": "region_a"})])
    pd.testing.assert_frame_equal(hansen_accessibility(m, both), base)


def test_hansen_on_real_seats(centroids):
    # Kaltim's 10 kab/kota, unit masses, beta = 1: Samarinda sits closer to the rest than Berau
    kaltim = centroids[centroids.region_code.str.startswith("64")]
    d = seat_distances(kaltim)
    m = pd.DataFrame({"region_code": sorted(kaltim.region_code.unique()), "value": 1.0})
    acc = hansen_accessibility(m, d, beta=1).set_index("region_code")["accessibility"]
    assert len(acc) == 10 and acc["6472"] > acc["6405"]


@pytest.mark.parametrize("m, d, kwargs, message", [
    (masses(a=1.0, b=2.0, c=3.0), ABC.iloc[:2], {}, r"lacks 1 pair\(s\) of regions in masses, e\.g\. \['b-c'\]"),
    (masses(a=1.0, b=2.0), dists([("a", "b", 0.0)]), {}, r"has 0\.0 km between 'a' and 'b'; expected a distance > 0"),
    (masses(a=1.0, b=2.0), dists([("a", "b", 3.0), ("b", "a", 4.0)]), {}, "two distances for 'a'-'b'"),
    (masses(a=1.0, b=np.nan), dists([("a", "b", 3.0)]), {}, r"missing or negative for region\(s\) \['b'\]"),
    (masses(a=1.0, b=-2.0), dists([("a", "b", 3.0)]), {}, r"missing or negative for region\(s\) \['b'\]"),
    (masses(a=1.0, b=2.0), dists([("a", "b", 3.0)]), {"beta": -1.0}, r"argument beta=-1\.0: expected a finite"),
    (pd.DataFrame({"region_code": ["a", "a"], "value": [1.0, 2.0]}), ABC, {}, "region 'a' more than once"),
    (masses(a=1.0), ABC.drop(columns="distance_km"), {},
     r"column 'distance_km' \(argument distance=\) not found in distances"),
])
def test_hansen_errors(m, d, kwargs, message):
    with pytest.raises(ValueError, match=f"^hansen_accessibility: .*{message}"):
        hansen_accessibility(m, d, **kwargs)


def test_hansen_type_errors():
    with pytest.raises(TypeError, match="hansen_accessibility: argument masses= must be a pandas DataFrame"):
        hansen_accessibility([1, 2], ABC)
    with pytest.raises(TypeError, match="argument beta= must be a number; got str"):
        hansen_accessibility(masses(a=1.0, b=2.0), ABC.iloc[:1], beta="2")


def test_earth_radius_reused():
    # one degree of latitude between two seats = R * pi / 180
    c = pd.DataFrame({"region_code": ["a", "b"], "lat": [0.0, 1.0], "lon": [110.0, 110.0],
                      "source_id": "QUARCS_ZENODO_XY"})
    assert seat_distances(c)["distance_km"].item() == pytest.approx(EARTH_RADIUS_KM * np.pi / 180)
