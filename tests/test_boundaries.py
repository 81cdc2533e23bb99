"""Tests for potensi.data.boundaries: readers, contiguity of the 514 kab/kota."""

import json
import shutil

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from potensi.core.errors import DataError
from potensi.data.boundaries import (
    ADJACENCY_METHODS,
    KABKOTA_BOUNDARIES,
    PROVINCE_BOUNDARIES,
    contiguity,
    contiguity_table,
    neighbour_counts,
    read_kabkota_boundaries,
    read_province_boundaries,
)


@pytest.fixture(scope="module")
def kab():
    return read_kabkota_boundaries()


@pytest.fixture(scope="module")
def adj():
    return contiguity_table()


def pair(adj, a, b):
    lo, hi = sorted([a, b])
    return adj[(adj.region_a == lo) & (adj.region_b == hi)]


def neighbours(adj, code):
    return set(adj.loc[adj.region_a == code, "region_b"]) | set(adj.loc[adj.region_b == code, "region_a"])


# --------------------------------------------------------------------------- readers
def test_read_kabkota(kab):
    assert len(kab) == 514 and kab.region_code.is_unique
    assert list(kab.columns) == ["region_code", "region_name", "province_code", "geometry"]
    assert kab.crs.to_epsg() == 4326
    assert kab.is_valid.all()
    assert (kab.region_code.str[:2] + "00" == kab.province_code).all()
    assert kab.set_index("region_code").loc["6403", "region_name"] == "Kutai Kartanegara"


def test_read_province():
    prov = read_province_boundaries()
    assert len(prov) == 34 and (prov.region_code == prov.province_code).all()
    assert {"9100", "9400", "6400", "6500"} <= set(prov.region_code)   # old Papua frame


def _feature(code, x0, prov=None):
    props = {"kode": code, "nama": f"R{code}", "kode_prov": prov or code[:2] + "00"}
    return {"type": "Feature", "properties": props,
            "geometry": {"type": "Polygon", "coordinates": [[[x0, 0], [x0 + 1, 0], [x0 + 1, 1], [x0, 1], [x0, 0]]]}}


def _write(path, features):
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return path


@pytest.mark.parametrize("features, message", [
    ([_feature("6401", 100), _feature("6402", 102)], "2 distinct codes; expected 514"),
    ([_feature("6401", 100), _feature("6401", 102)], "kode '6401' appears more than once"),
    ([_feature("641", 100)], "kode '641' is not a 4-digit BPS code"),
    ([_feature("6401", 100, prov="6300")], "kode '6401' has kode_prov '6300'; expected '6400'"),
])
def test_bad_file_named(tmp_path, features, message):
    path = _write(tmp_path / "bad.geojson", features)
    with pytest.raises(DataError, match=message) as info:
        read_kabkota_boundaries(path)
    assert str(path) in str(info.value) and str(info.value).startswith("read_kabkota_boundaries: ")


def test_bad_geometry_named(tmp_path):
    # a bow-tie polygon is invalid (self-intersection); 514 features so the count check passes
    data = json.loads(KABKOTA_BOUNDARIES.read_text())
    data["features"][0]["geometry"] = {"type": "Polygon",
                                       "coordinates": [[[100, 0], [101, 1], [101, 0], [100, 1], [100, 0]]]}
    path = tmp_path / "bowtie.geojson"
    path.write_text(json.dumps(data))
    with pytest.raises(DataError, match=r"1 invalid geometries, e\.g\. 1101 \(Self-intersection"):
        read_kabkota_boundaries(path)


def test_missing_property_and_file(tmp_path):
    f = _feature("6401", 100)
    del f["properties"]["kode_prov"]
    path = _write(tmp_path / "noprov.geojson", [f])
    with pytest.raises(DataError, match="property 'kode_prov' not found"):
        read_kabkota_boundaries(path)
    with pytest.raises(DataError, match="nothere.geojson: file not found"):
        read_province_boundaries(tmp_path / "nothere.geojson")
    (tmp_path / "junk.geojson").write_text("not json")
    with pytest.raises(DataError, match="junk.geojson: cannot be read"):
        read_kabkota_boundaries(tmp_path / "junk.geojson")


def test_shipped_files_unchanged_beside_licence():
    folder = KABKOTA_BOUNDARIES.parent
    assert (folder / "LICENSE_wilayah_boundaries.txt").read_text().startswith("MIT License")
    assert PROVINCE_BOUNDARIES.parent == folder and (folder / "SOURCES.md").exists()


# --------------------------------------------------------------------------- contiguity: known pairs
@pytest.mark.parametrize("a, b, method, cross", [
    ("6472", "6403", "shared_border", False),   # Samarinda - Kutai Kartanegara, ~107 km of border
    ("6471", "6409", "shared_border", False),   # Balikpapan - PPU: borders cross at the head of the bay
    ("6401", "6302", "shared_border", True),    # Paser (Kaltim) - Kotabaru (Kalsel)
    ("6405", "6502", "shared_border", True),    # Berau - Bulungan (Kaltara)
    ("3526", "3578", "within_gap", False),      # Bangkalan - Surabaya across the Madura strait, 2.4 km
    ("3510", "5101", "within_gap", True),       # Banyuwangi - Jembrana across the Bali strait, 4.1 km
    ("3308", "3310", "point_contact", False),   # Magelang - Klaten meet at one vertex (Merapi)
])
def test_known_pairs(adj, a, b, method, cross):
    row = pair(adj, a, b)
    assert len(row) == 1
    assert row["method"].item() == method
    assert row["cross_province"].item() is cross


def test_balikpapan_ppu_border_is_the_overlap(adj):
    # plain touches/Rook miss it: the two boundaries cross (0.76 km2 overlap) instead of coinciding;
    # the boundary of each inside the other is 8.4 and 8.7 km long -> mean 8.5 km
    row = pair(adj, "6471", "6409")
    assert row["shared_border_km"].item() == pytest.approx(8.5, abs=0.2)
    assert row["gap_km"].item() == 0


def test_samarinda_kukar_border_length(adj):
    assert pair(adj, "6472", "6403")["shared_border_km"].item() == pytest.approx(107.0, abs=0.5)


@pytest.mark.parametrize("a, b", [
    ("6472", "6405"),   # Samarinda - Berau: 187 km apart
    ("6471", "6472"),   # Balikpapan - Samarinda: Kukar between
    ("6471", "6402"),   # Balikpapan - Kutai Barat: 32 km, Kukar between
    ("3573", "3579"),   # Kota Malang - Kota Batu: 2 km apart on land, Kab. Malang between (gap rule rejects)
])
def test_known_non_pairs(adj, a, b):
    assert pair(adj, a, b).empty


def test_mahakam_ulu_neighbours(adj):
    # Kapuas Hulu (Kalbar), Barito Utara and Murung Raya (Kalteng), Malinau (Kaltara), Kubar, Kukar
    assert neighbours(adj, "6411") == {"6108", "6205", "6213", "6501", "6402", "6403"}


def test_berau_borders_kaltara(adj):
    n = neighbours(adj, "6405")
    assert n == {"6404", "6501", "6502"}
    assert {c for c in n if c.startswith("65")} == {"6501", "6502"}


def test_kaltim_has_27_pairs_all_shared_border(adj):
    k = adj[adj.region_a.str.startswith("64") | adj.region_b.str.startswith("64")]
    assert len(k) == 27 and (k["method"] == "shared_border").all()
    assert k["cross_province"].sum() == 13   # Kalbar 1, Kalteng 4, Kalsel 3, Kaltara 5


# --------------------------------------------------------------------------- contiguity: whole table
def test_shape_and_symmetry(adj):
    assert list(adj.columns) == ["region_a", "region_b", "method", "shared_border_km", "gap_km", "province_a",
                                 "province_b", "cross_province"]
    assert (adj.region_a < adj.region_b).all()
    assert not adj.duplicated(["region_a", "region_b"]).any()
    assert list(adj["method"].cat.categories) == list(ADJACENCY_METHODS) and adj["method"].cat.ordered
    # one row per unordered pair: the reversed pairs never appear
    fwd = set(zip(adj.region_a, adj.region_b))
    assert not fwd & {(b, a) for a, b in fwd}
    assert (adj.cross_province == (adj.province_a != adj.province_b)).all()
    assert (adj.province_a == adj.region_a.str[:2] + "00").all()


def test_counts_and_islands(adj, kab):
    assert len(adj) == 1022
    assert adj["method"].value_counts().to_dict() == {"shared_border": 969, "within_gap": 41, "point_contact": 12}
    assert adj.cross_province.sum() == 170
    assert adj.attrs["islands"] == ["1101", "1172", "1301", "2103", "2104", "2105", "5307", "5314", "5320",
                                    "7103", "7104", "7108", "7301", "7407", "7412", "8101", "8105", "8108",
                                    "8207"]
    n = neighbour_counts(adj, kab.region_code)
    assert len(n) == 514 and (n.neighbours == 0).sum() == 19
    assert n.neighbours.max() == 11          # Bogor and Muara Enim; no absurd hub
    assert (adj.loc[adj["method"] == "within_gap", "gap_km"] <= 5.0).all()
    assert (adj.loc[adj["method"] != "within_gap", "gap_km"] == 0).all()


def test_row_order_and_input_unchanged(kab):
    sub = kab[kab.region_code.str.startswith(("63", "64", "65"))]
    before = sub.copy()
    one = contiguity(sub)
    two = contiguity(sub.iloc[::-1].assign(extra=1))
    pd.testing.assert_frame_equal(one, two)
    pd.testing.assert_frame_equal(sub, before)


def test_rules_on_squares():
    # a|b share an edge; c touches b at a corner; d is 0.02 deg (2.2 km) east of c over water;
    # e is 0.02 deg east of d but f (a thin strip) lies between them -> not a gap pair
    g = gpd.GeoDataFrame(
        {"region_code": ["a", "b", "c", "d", "f", "e"], "province_code": ["p", "p", "q", "q", "q", "q"]},
        geometry=[box(100, 0, 101, 1), box(101, 0, 102, 1), box(102, 1, 103, 2), box(103.02, 1, 104, 2),
                  box(104.005, 1, 104.015, 2), box(104.02, 1, 105, 2)], crs="EPSG:4326")
    out = contiguity(g)
    got = {(r.region_a, r.region_b): r.method for r in out.itertuples()}
    assert got == {("a", "b"): "shared_border", ("b", "c"): "point_contact", ("c", "d"): "within_gap",
                   ("e", "f"): "within_gap", ("d", "f"): "within_gap"}
    # 0.02 deg of longitude at 1-2 deg N ~ 2.23 km (geodesic)
    assert pair(out, "c", "d")["gap_km"].item() == pytest.approx(2.226, abs=0.01)
    assert contiguity(g, max_gap_km=0).method.tolist() == ["shared_border", "point_contact"]
    assert contiguity(g, min_border_km=200)["method"].tolist()[0] == "point_contact"


@pytest.mark.parametrize("kwargs, err, message", [
    ({"max_gap_km": -1}, ValueError, r"contiguity: argument max_gap_km=-1: expected a finite number >= 0"),
    ({"region": "kode"}, ValueError, r"contiguity: column 'kode' \(argument region=\) not found in boundaries"),
])
def test_contiguity_errors(kab, kwargs, err, message):
    with pytest.raises(err, match=message):
        contiguity(kab.head(3), **kwargs)


def test_contiguity_wrong_type_and_duplicates(kab):
    with pytest.raises(TypeError, match="contiguity: argument boundaries= must be a geopandas GeoDataFrame"):
        contiguity(pd.DataFrame(kab.drop(columns="geometry")))
    with pytest.raises(ValueError, match="region '1101' more than once"):
        contiguity(pd.concat([kab.head(2), kab.head(1)]))


def test_contiguity_table_accepts_a_copy(tmp_path):
    folder = tmp_path / "geo"
    folder.mkdir()
    shutil.copy(KABKOTA_BOUNDARIES, folder / "k.geojson")
    out = contiguity_table(folder / "k.geojson", max_gap_km=0)
    assert "within_gap" not in set(out["method"]) and out.attrs["source"].endswith("k.geojson")
