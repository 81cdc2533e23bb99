"""Kab/kota and province boundaries, and which kab/kota are neighbours (*wilayah berbatasan*).

* :func:`read_kabkota_boundaries`, :func:`read_province_boundaries`: the shipped polygons
  (``data/raw/geo/``, MIT licence of Cahya DSN, 2025 Kemendagri lines re-keyed to the BPS
  34-province / 514 kab/kota codes), validated, as GeoDataFrames in EPSG:4326.
* :func:`contiguity`: one row per pair of neighbouring kab/kota, with the rule that found the
  pair (``method``), the length of the common border and a cross-province flag.
* :func:`contiguity_table`: read + :func:`contiguity` for all 514 kab/kota (about 1 s), the
  function to cache as a processed table (measured: 0.2 s read + 0.75 s contiguity).
* :func:`neighbour_counts`: number of neighbours per region (0 for a region with none).

The adjacency rule (see :func:`contiguity`, Notes) is derived with libpysal weights, not by hand.
Seat-to-seat distances are an indicator input and live in
:func:`potensi.indicators.accessibility.seat_distances` (imports point down the layers).
"""

from __future__ import annotations

import functools
import re
import warnings
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import Geod

from potensi.core.errors import DataError
from potensi.core.paths import DATA_RAW

__all__ = [
    "ADJACENCY_METHODS",
    "KABKOTA_BOUNDARIES",
    "METRIC_CRS",
    "PROVINCE_BOUNDARIES",
    "contiguity",
    "contiguity_table",
    "neighbour_counts",
    "read_kabkota_boundaries",
    "read_province_boundaries",
]

#: The shipped kab/kota polygons (514 features, properties ``kode, nama, kode_prov``).
KABKOTA_BOUNDARIES = DATA_RAW / "geo" / "kabkota_514_bps_simplified.geojson"
#: The shipped province polygons (34 features, ``kode`` = ``xx00``, old Papua frame).
PROVINCE_BOUNDARIES = DATA_RAW / "geo" / "provinsi_34_bps_dissolved.geojson"
#: Projected CRS for distances between polygons: World Mercator. Its scale factor is
#: 1/cos(latitude), at most 1.019 between 6° N and 11° S, so a gap of 5 km is measured as at most
#: 5.1 km; reported lengths are geodesic (WGS 84) and carry no such error.
METRIC_CRS = "EPSG:3395"
#: Rules that make two kab/kota neighbours, strongest first (ordered Categorical in the output).
ADJACENCY_METHODS = ("shared_border", "point_contact", "within_gap")

_N_KABKOTA = 514
_N_PROVINCES = 34
_GEOD = Geod(ellps="WGS84")
_CODE = re.compile(r"^\d{4}$")


# --------------------------------------------------------------------------- readers
def read_kabkota_boundaries(path: str | Path | None = None) -> gpd.GeoDataFrame:
    """Read and validate the polygons of the 514 kab/kota.

    Parameters
    ----------
    path
        A GeoJSON (or any file pyogrio reads) with properties ``kode`` (BPS 4-digit code),
        ``nama`` and ``kode_prov`` (``xx00``); default :data:`KABKOTA_BOUNDARIES`.

    Returns
    -------
    geopandas.GeoDataFrame
        ``region_code, region_name, province_code, geometry`` (strings, EPSG:4326), sorted by
        ``region_code``, one row per kab/kota.

    Raises
    ------
    DataError
        The message names the file: missing or unreadable file, a missing property, a code that
        is not 4 digits or whose province is not its first two digits, a duplicate code, not
        exactly 514 codes, a missing, empty, non-polygon or invalid geometry, a CRS other than
        WGS 84 longitude/latitude, or coordinates outside Indonesia.

    Notes
    -----
    The geometry is the 2025 Kemendagri lines (Kepmendagri 300.2.2-2430/2025), simplified
    (Douglas–Peucker 0.003°, topology kept, coordinates rounded to 0.0001°) and re-keyed to the
    BPS 2020 codes (*kode wilayah BPS*); see ``data/raw/geo/SOURCES.md``. Differences from the
    BPS 2020 lines are small except in Papua (Kab. Sorong overlaps Tambrauw and Maybrat).

    Examples
    --------
    >>> kab = read_kabkota_boundaries()
    >>> len(kab), kab.crs.to_epsg(), kab.loc[kab.region_code == "6472", "region_name"].item()
    (514, 4326, 'Kota Samarinda')
    """
    return _read_boundaries(path, KABKOTA_BOUNDARIES, func="read_kabkota_boundaries", expected=_N_KABKOTA,
                            province_property="kode_prov")


def read_province_boundaries(path: str | Path | None = None) -> gpd.GeoDataFrame:
    """Read and validate the polygons of the 34 provinces (old frame: 9100 and 9400 before 2022).

    Parameters
    ----------
    path
        GeoJSON with properties ``kode`` (``xx00``) and ``nama``; default
        :data:`PROVINCE_BOUNDARIES` (the union of each province's kab/kota, simplified 0.006°).

    Returns
    -------
    geopandas.GeoDataFrame
        ``region_code, region_name, province_code, geometry`` in EPSG:4326; for a province
        ``province_code`` equals ``region_code``.

    Raises
    ------
    DataError
        As :func:`read_kabkota_boundaries`, with 34 codes ending in ``00`` expected.

    Examples
    --------
    >>> prov = read_province_boundaries()
    >>> len(prov), prov.loc[prov.region_code == "6400", "region_name"].item()
    (34, 'Kalimantan Timur')
    """
    return _read_boundaries(path, PROVINCE_BOUNDARIES, func="read_province_boundaries", expected=_N_PROVINCES,
                            province_property=None)


def _read_boundaries(path: str | Path | None, default: Path, *, func: str, expected: int,
                     province_property: str | None) -> gpd.GeoDataFrame:
    """Read and validate once per file version (path, size, modification time) in a process; a copy each call."""
    path = Path(default if path is None else path)
    if not path.is_file():
        raise DataError("file not found", func=func, path=path)
    st = path.stat()
    return _read_validated(path.resolve(), st.st_size, st.st_mtime_ns, func=func, expected=expected,
                           province_property=province_property).copy()


@functools.lru_cache(maxsize=4)
def _read_validated(path: Path, size: int, mtime_ns: int, *, func: str, expected: int,
                    province_property: str | None) -> gpd.GeoDataFrame:
    try:
        raw = gpd.read_file(path)
    except Exception as exc:  # pyogrio raises several error types for unreadable files
        raise DataError(f"cannot be read as a vector file ({type(exc).__name__}: {exc})", func=func,
                        path=path) from None
    needed = ["kode", "nama"] + ([province_property] if province_property else [])
    missing = [c for c in needed if c not in raw.columns]
    if missing:
        found = [c for c in raw.columns if c != raw.geometry.name] if isinstance(raw, gpd.GeoDataFrame) else []
        raise DataError(f"property {missing[0]!r} not found; expected {needed}, found {found}", func=func,
                        path=path, column=missing[0])
    if not isinstance(raw, gpd.GeoDataFrame) or raw.geometry.name not in raw.columns:
        raise DataError("no geometry column", func=func, path=path)
    codes = raw["kode"].astype("string").str.strip()
    bad = [str(c) for c in codes if pd.isna(c) or not _CODE.match(str(c))]
    if bad:
        raise DataError(f"kode {bad[0]!r} is not a 4-digit BPS code (read codes as text: '6472', not 6472.0)",
                        func=func, path=path, column="kode")
    if province_property is None:
        not_province = [c for c in codes if not c.endswith("00")]
        if not_province:
            raise DataError(f"kode {not_province[0]!r} is not a province code (xx00)", func=func, path=path,
                            column="kode")
        province = codes
    else:
        province = raw[province_property].astype("string").str.strip()
        wrong = codes[province.fillna("") != codes.str[:2] + "00"]
        if len(wrong):
            c = wrong.iloc[0]
            raise DataError(f"kode {c!r} has {province_property} {province[wrong.index[0]]!r}; expected "
                            f"{c[:2] + '00'!r}", func=func, path=path, column=province_property)
    dup = codes[codes.duplicated()]
    if len(dup):
        raise DataError(f"kode {dup.iloc[0]!r} appears more than once", func=func, path=path, column="kode")
    if len(codes) != expected:
        raise DataError(f"{len(codes)} distinct codes; expected {expected}", func=func, path=path, column="kode")
    if raw.crs is None or raw.crs.to_epsg() != 4326:
        raise DataError(f"CRS is {raw.crs!r}; expected WGS 84 longitude/latitude (EPSG:4326 / CRS84)", func=func,
                        path=path)
    geom = raw.geometry
    empty = geom.isna() | geom.is_empty
    if empty.any():
        raise DataError(f"kode {codes[empty].iloc[0]!r} has no geometry", func=func, path=path)
    kind = ~geom.geom_type.isin(["Polygon", "MultiPolygon"])
    if kind.any():
        raise DataError(f"kode {codes[kind].iloc[0]!r} has a {geom[kind].iloc[0].geom_type}; expected a "
                        "Polygon or MultiPolygon", func=func, path=path)
    invalid = ~geom.is_valid
    if invalid.any():
        reasons = [f"{c} ({shapely.is_valid_reason(g)})" for c, g in zip(codes[invalid][:3], geom[invalid][:3])]
        raise DataError(f"{int(invalid.sum())} invalid geometries, e.g. {', '.join(reasons)}", func=func,
                        path=path)
    minx, miny, maxx, maxy = geom.total_bounds
    if not (94 <= minx and maxx <= 142 and -12 <= miny and maxy <= 7):
        raise DataError(f"bounds ({minx:.2f}, {miny:.2f}, {maxx:.2f}, {maxy:.2f}) are outside Indonesia; "
                        "coordinates must be (longitude, latitude)", func=func, path=path)
    out = gpd.GeoDataFrame(
        {"region_code": codes.astype(str).to_numpy(), "region_name": raw["nama"].astype(str).to_numpy(),
         "province_code": province.astype(str).to_numpy()},
        geometry=geom.to_numpy(), crs="EPSG:4326",
    )
    return out.sort_values("region_code").reset_index(drop=True)


# --------------------------------------------------------------------------- contiguity
def contiguity(
    boundaries: gpd.GeoDataFrame,
    *,
    max_gap_km: float = 5.0,
    min_border_km: float = 0.1,
    region: str = "region_code",
    province: str = "province_code",
) -> pd.DataFrame:
    """Pairs of neighbouring regions (*wilayah berbatasan / bertetangga*), across provinces too.

    Parameters
    ----------
    boundaries
        One polygon per region with a CRS (:func:`read_kabkota_boundaries`).
    max_gap_km
        Largest gap between two polygons that do not touch for them to count as neighbours, if no
        third region lies in the gap (a strait, a bay, or a digitising sliver). 0 switches the
        ``within_gap`` rule off. Default 5 km.
    min_border_km
        Shortest common border for ``shared_border``; a touching pair with less is a
        ``point_contact``. Default 0.1 km.
    region, province
        Columns holding the region code and its province code (strings).

    Returns
    -------
    pandas.DataFrame
        ``region_a, region_b, method, shared_border_km, gap_km, province_a, province_b,
        cross_province``: one row per unordered pair (``region_a < region_b``), sorted.
        ``method`` is an ordered Categorical of :data:`ADJACENCY_METHODS`. ``attrs`` holds
        ``islands`` (regions with no neighbour under the rule) and the parameters.

    Raises
    ------
    TypeError
        ``boundaries`` is not a GeoDataFrame.
    ValueError
        A missing column, no CRS, a duplicate or missing region code, or a negative parameter.

    Notes
    -----
    Two regions *i*, *j* are neighbours when either rule holds:

    1. **contact** (*berbatasan langsung*): the polygons intersect — libpysal
       ``fuzzy_contiguity`` with ``predicate="intersects"`` and no buffer. This is Queen
       contiguity (a shared vertex) plus borders digitised twice that cross each other instead of
       coinciding (45 of 981 pairs in the shipped file, e.g. Kutai Kartanegara–Bontang). The
       common border is

       .. math:: L_{ij} = \\tfrac12\\left[\\ell(\\partial P_i \\cap P_j) + \\ell(\\partial P_j \\cap P_i)\\right]

       (geodesic length of each boundary lying on or inside the other polygon; for an exactly
       shared edge both terms equal the edge). :math:`L_{ij} \\ge` ``min_border_km`` gives
       ``shared_border``, otherwise ``point_contact`` (a corner, or a sliver of overlap).
    2. **gap** (*seberang teluk/selat*): the polygons do not intersect, their distance
       :math:`g_{ij} \\le` ``max_gap_km`` (geopandas spatial index, ``dwithin``, in
       :data:`METRIC_CRS`), and the shortest line between them crosses no third region for more
       than 25 m (so water or an unassigned sliver lies between, not another kab/kota's land).
       Method ``within_gap``; ``gap_km`` is the geodesic length of that line.

    Without the "no third region" condition a 5 km buffer links 87 pairs more on land, such
    as Kota Malang–Kota Batu (Kab. Malang between); with it those are rejected.

    References
    ----------
    Rey, S. J., & Anselin, L. (2007). PySAL: A Python library of spatial analytical methods.
    *Review of Regional Studies* 37(1), 5–27 (libpysal contiguity weights). Anselin, L. (1988).
    *Spatial Econometrics: Methods and Models*. Dordrecht: Kluwer, ch. 3 (contiguity).

    Examples
    --------
    Three unit squares: a and b share an edge, b and c a corner, d lies 0.5° (55.6 km) east of c.

    >>> from shapely.geometry import box
    >>> g = gpd.GeoDataFrame({"region_code": ["a", "b", "c", "d"], "province_code": ["p", "p", "q", "q"]},
    ...                      geometry=[box(100, 0, 101, 1), box(101, 0, 102, 1), box(102, 1, 103, 2),
    ...                                box(103.5, 1, 104, 2)], crs="EPSG:4326")
    >>> out = contiguity(g)
    >>> out[["region_a", "region_b", "method", "cross_province"]].values.tolist()
    [['a', 'b', 'shared_border', False], ['b', 'c', 'point_contact', True]]
    >>> round(float(out["shared_border_km"].iloc[0]), 1), out.attrs["islands"]  # 1° of meridian
    (110.6, ['d'])
    """
    func = "contiguity"
    gdf = _check_boundaries(boundaries, func, region=region, province=province)
    for name, value in {"max_gap_km": max_gap_km, "min_border_km": min_border_km}.items():
        if not np.isfinite(value) or value < 0:
            raise ValueError(f"{func}: argument {name}={value!r}: expected a finite number >= 0")
    codes = gdf[region].to_numpy()
    metric = gpd.GeoDataFrame(geometry=gdf.geometry.to_crs(METRIC_CRS).to_numpy(), index=pd.Index(codes),
                              crs=METRIC_CRS)

    # Rule 1, contact: libpysal fuzzy contiguity, predicate "intersects", no buffer. Imported here:
    # libpysal takes 2 s to import, and a report reads the stored contiguity (study.derived).
    import libpysal

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # libpysal warns about islands; we report them ourselves
        w = libpysal.weights.fuzzy_contiguity(metric.copy(), buffering=False, predicate="intersects",
                                              silence_warnings=True)
    touch = sorted({(a, b) for a, ns in w.neighbors.items() for b in ns if a < b})
    position = {c: k for k, c in enumerate(codes)}
    ia = np.array([position[a] for a, _ in touch], dtype=int)
    ib = np.array([position[b] for _, b in touch], dtype=int)
    geo = gdf.geometry.to_numpy()
    border_km = _shared_border_km(geo, ia, ib)

    # Rule 2, gap: within max_gap_km and no third region on the shortest line.
    ga, gb, gap_km = _gap_pairs(metric, max_gap_km * 1000.0, set(touch))

    a = np.concatenate([ia, ga]).astype(int)
    b = np.concatenate([ib, gb]).astype(int)
    method = np.concatenate([
        np.where(border_km >= min_border_km, "shared_border", "point_contact"),
        np.full(len(ga), "within_gap"),
    ])
    prov = gdf[province].to_numpy()
    out = pd.DataFrame({
        "region_a": codes[a] if len(a) else np.array([], dtype=object),
        "region_b": codes[b] if len(b) else np.array([], dtype=object),
        "method": pd.Categorical(method, categories=list(ADJACENCY_METHODS), ordered=True),
        "shared_border_km": np.concatenate([border_km, np.zeros(len(ga))]),
        "gap_km": np.concatenate([np.zeros(len(ia)), gap_km]),
        "province_a": prov[a] if len(a) else np.array([], dtype=object),
        "province_b": prov[b] if len(b) else np.array([], dtype=object),
    })
    out["cross_province"] = out["province_a"] != out["province_b"]
    out = out.sort_values(["region_a", "region_b"]).reset_index(drop=True)
    linked = set(out["region_a"]) | set(out["region_b"])
    out.attrs = {
        "islands": sorted(c for c in codes if c not in linked),
        "max_gap_km": float(max_gap_km),
        "min_border_km": float(min_border_km),
        "metric_crs": METRIC_CRS,
    }
    return out


def contiguity_table(path: str | Path | None = None, **kwargs: float) -> pd.DataFrame:
    """:func:`contiguity` of the 514 shipped kab/kota: the table to cache in ``data/processed/``.

    Parameters
    ----------
    path
        Boundary file for :func:`read_kabkota_boundaries` (default the shipped one).
    **kwargs
        ``max_gap_km``, ``min_border_km`` for :func:`contiguity`.

    Returns
    -------
    pandas.DataFrame
        As :func:`contiguity` (``attrs`` also name the source file). Takes about 1 s.
    """
    boundaries = read_kabkota_boundaries(path)
    out = contiguity(boundaries, **kwargs)
    out.attrs["source"] = str(KABKOTA_BOUNDARIES if path is None else path)
    return out


def neighbour_counts(adjacency: pd.DataFrame, regions: pd.Series | list[str] | None = None) -> pd.DataFrame:
    """Number of neighbours of each region (0 for a region without any, e.g. an island).

    Parameters
    ----------
    adjacency
        Output of :func:`contiguity`.
    regions
        Codes to report (default: every code in ``adjacency`` plus its ``attrs["islands"]``).

    Returns
    -------
    pandas.DataFrame
        ``region_code, neighbours, cross_province_neighbours``, sorted by code.

    Examples
    --------
    >>> adj = pd.DataFrame({"region_a": ["a", "a"], "region_b": ["b", "c"], "cross_province": [False, True]})
    >>> neighbour_counts(adj, ["a", "b", "c", "d"])["neighbours"].tolist()
    [2, 1, 1, 0]
    """
    func = "neighbour_counts"
    for column in ("region_a", "region_b", "cross_province"):
        if column not in adjacency.columns:
            raise ValueError(f"{func}: column {column!r} not found in adjacency; expected the output of "
                             f"contiguity(); available: {list(adjacency.columns)}")
    both = pd.concat([
        adjacency[["region_a", "cross_province"]].rename(columns={"region_a": "region_code"}),
        adjacency[["region_b", "cross_province"]].rename(columns={"region_b": "region_code"}),
    ])
    counts = both.groupby("region_code").agg(neighbours=("cross_province", "size"),
                                            cross_province_neighbours=("cross_province", "sum"))
    if regions is None:
        regions = sorted(set(counts.index) | set(adjacency.attrs.get("islands", [])))
    index = pd.Index(sorted(str(r) for r in regions), name="region_code")
    out = counts.reindex(index).fillna(0).astype(int)
    return out.reset_index()


# --------------------------------------------------------------------------- helpers
def _check_boundaries(boundaries: object, func: str, *, region: str, province: str) -> gpd.GeoDataFrame:
    if not isinstance(boundaries, gpd.GeoDataFrame):
        raise TypeError(f"{func}: argument boundaries= must be a geopandas GeoDataFrame; "
                        f"got {type(boundaries).__name__}")
    for column, argument in ((region, "region"), (province, "province")):
        if column not in boundaries.columns:
            raise ValueError(f"{func}: column {column!r} (argument {argument}=) not found in boundaries; "
                             f"available: {list(boundaries.columns)}")
    if boundaries.crs is None:
        raise ValueError(f"{func}: argument boundaries has no CRS; expected one (EPSG:4326 for the shipped files)")
    codes = boundaries[region]
    if codes.isna().any():
        raise ValueError(f"{func}: column {region!r} of boundaries has a missing region code")
    if codes.duplicated().any():
        raise ValueError(f"{func}: column {region!r} of boundaries has region {codes[codes.duplicated()].iloc[0]!r} "
                         "more than once; expected one (Multi)Polygon per region")
    out = boundaries[[region, province, boundaries.geometry.name]].copy()
    out[region] = out[region].astype(str)
    out[province] = out[province].astype(str)
    return out.to_crs("EPSG:4326").reset_index(drop=True)


def _geodesic_km(geoms: np.ndarray) -> np.ndarray:
    """Geodesic (WGS 84) length in km of lon/lat geometries (points count 0)."""
    return np.array([_GEOD.geometry_length(g) / 1000.0 if g is not None and not g.is_empty else 0.0 for g in geoms])


def _shared_border_km(geo: np.ndarray, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
    """Mean of len(boundary_i on/inside P_j) and len(boundary_j on/inside P_i), in km."""
    if len(ia) == 0:
        return np.zeros(0)
    boundary = shapely.boundary(geo)
    shapely.prepare(geo)
    la = _geodesic_km(shapely.intersection(boundary[ia], geo[ib]))
    lb = _geodesic_km(shapely.intersection(boundary[ib], geo[ia]))
    return (la + lb) / 2.0


def _gap_pairs(metric: gpd.GeoDataFrame, max_gap_m: float,
               touching: set[tuple[str, str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs within ``max_gap_m`` that do not touch and have no third region between them."""
    empty = (np.zeros(0, int), np.zeros(0, int), np.zeros(0))
    if max_gap_m <= 0:
        return empty
    codes = metric.index.to_numpy()
    geom = metric.geometry.to_numpy()
    i, j = metric.sindex.query(geom, predicate="dwithin", distance=max_gap_m)
    keep = [(p, q) for p, q in zip(i, j) if codes[p] < codes[q] and (codes[p], codes[q]) not in touching]
    if not keep:
        return empty
    pa = np.array([p for p, _ in keep])
    pb = np.array([q for _, q in keep])
    lines = shapely.shortest_line(geom[pa], geom[pb])
    # Scale factor of Mercator at the line: a 25 m tolerance on the ground.
    lat = np.radians(gpd.GeoSeries(shapely.centroid(lines), crs=METRIC_CRS).to_crs("EPSG:4326").y.to_numpy())
    tolerance = 25.0 / np.cos(lat)
    line_idx, poly_idx = metric.sindex.query(lines, predicate="intersects")
    blocked = np.zeros(len(lines), dtype=bool)
    third = (poly_idx != pa[line_idx]) & (poly_idx != pb[line_idx])
    for k, p in zip(line_idx[third], poly_idx[third]):
        if not blocked[k] and shapely.intersection(lines[k], geom[p]).length > tolerance[k]:
            blocked[k] = True
    ok = ~blocked
    lines_ll = gpd.GeoSeries(lines[ok], crs=METRIC_CRS).to_crs("EPSG:4326").to_numpy()
    return pa[ok], pb[ok], _geodesic_km(lines_ll)
