"""Accessibility of a region to the economic mass of the others (*aksesibilitas*).

* :func:`seat_distances`: great-circle distance between the points of one centroid source
  (default the points near each kab/kota's main town), for distance-decay indicators.
* :func:`hansen_accessibility`: Hansen's potential accessibility
  :math:`A_i = \\sum_j M_j / d_{ij}^{\\beta}`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from potensi.core.validate import require_columns
from potensi.indicators.interaction import great_circle_distance

__all__ = ["POINT_SOURCES", "hansen_accessibility", "seat_distances"]

#: The two point sources of ``data/raw/centroids_kabkota.csv`` (see ``SOURCES_extra.md``).
POINT_SOURCES = {
    "QUARCS_ZENODO_XY": "point near the main town (approximate seat of government)",
    "QUARCS_INDONESIA514_POINTS": "area centroid of the kab/kota polygon",
}


def seat_distances(
    centroids: pd.DataFrame,
    *,
    source: str = "QUARCS_ZENODO_XY",
    region: str = "region_code",
    lat: str = "lat",
    lon: str = "lon",
    source_column: str = "source_id",
) -> pd.DataFrame:
    """Great-circle distance (km) between the seats of every pair of regions (*jarak antar-ibu kota*).

    Parameters
    ----------
    centroids
        Points with ``region_code, lat, lon, source_id``: the rows of
        ``data/raw/centroids_kabkota.csv`` (both sources, or the output of
        :func:`potensi.data.loaders.load_centroids`).
    source
        Which point to use, one of :data:`POINT_SOURCES`: ``"QUARCS_ZENODO_XY"`` (default, a
        point at or near the main town) or ``"QUARCS_INDONESIA514_POINTS"`` (area centroid).

    Returns
    -------
    pandas.DataFrame
        ``region_a, region_b, distance_km, point_source``, one row per unordered pair
        (``region_a < region_b``), as :func:`potensi.indicators.interaction.great_circle_distance`.

    Raises
    ------
    ValueError
        A missing column, an unknown ``source``, no row of that source, or a region twice.

    Notes
    -----
    Haversine distance (*jarak lingkaran besar*, see
    :func:`~potensi.indicators.interaction.great_circle_distance`, which this reuses). Between
    neighbouring regions the choice of point matters more than the formula: the area centroid of
    a large regency lies far from where its people and trade are. Samarinda (6472)–Kutai
    Kartanegara (6403) is 41.6 km between the QUARCS_ZENODO_XY points and 98.8 km between area
    centroids (Kukar's centroid, 0.09° N 116.51° E, lies about 75 km north-west of its seat
    Tenggarong, about 0.42° S 116.98° E, in the interior). The QUARCS_ZENODO_XY points are *near*
    the main town, not at the town hall: Samarinda's is about 10 km south of the centre and
    Kukar's about 15 km north of Tenggarong, so the straight line between the two towns (about
    20 km) is shorter still. The points' method is undocumented by
    the dataset authors (``data/raw/SOURCES_extra.md``).

    References
    ----------
    Santos-Marquez, F., Gunawan, A. B., & Mendez, C. (2021). Regional income disparities,
    distributional convergence, and spatial effects: evidence from Indonesian regions 2010–2017.
    *GeoJournal*. doi:10.1007/s10708-021-10377-7 (data: Zenodo 10.5281/zenodo.4428102).

    Examples
    --------
    Two towns one degree of latitude apart: :math:`R\\pi/180 = 111.195` km.

    >>> c = pd.DataFrame({"region_code": ["a", "b", "a"], "lat": [0.0, 1.0, 5.0], "lon": [100.0, 100.0, 100.0],
    ...                   "source_id": ["QUARCS_ZENODO_XY", "QUARCS_ZENODO_XY", "QUARCS_INDONESIA514_POINTS"]})
    >>> out = seat_distances(c)
    >>> out["distance_km"].round(3).tolist(), out["point_source"].tolist()
    ([111.195], ['QUARCS_ZENODO_XY'])
    """
    func = "seat_distances"
    require_columns(centroids, func, {region: "region", lat: "lat", lon: "lon", source_column: "source_column"},
                    argument="centroids")
    if source not in POINT_SOURCES:
        raise ValueError(f"{func}: argument source={source!r} is not valid; expected one of {list(POINT_SOURCES)}")
    points = centroids[centroids[source_column] == source]
    if points.empty:
        found = sorted(centroids[source_column].dropna().astype(str).unique())
        raise ValueError(f"{func}: argument centroids has no row with {source_column} {source!r}; found {found}")
    dup = points[region][points[region].duplicated()]
    if len(dup):
        raise ValueError(f"{func}: argument centroids has region {dup.iloc[0]!r} twice for source {source!r}; "
                         "expected one point per region and source")
    points = points.assign(**{region: points[region].astype(str)})
    out = great_circle_distance(points, region=region, lat=lat, lon=lon)
    return out.assign(point_source=source)


def hansen_accessibility(
    masses: pd.DataFrame,
    distances: pd.DataFrame,
    *,
    beta: float = 2.0,
    include_self: bool = False,
    region: str = "region_code",
    mass: str = "value",
    distance: str = "distance_km",
    name: str = "accessibility",
) -> pd.DataFrame:
    """Hansen potential accessibility (*aksesibilitas Hansen*, *potensi aksesibilitas*) of each region.

    Parameters
    ----------
    masses
        One row per region: ``region_code`` and the mass :math:`M_j` (population, or PDRB in
        miliar rupiah) in ``value``. The regions of this table are the system: origins and
        destinations both.
    distances
        ``region_a, region_b, distance_km``, one row per unordered pair (either order), e.g.
        :func:`seat_distances`; rows for regions outside ``masses`` are ignored. With
        ``include_self`` also one row ``region_a == region_b`` per region giving its internal
        distance :math:`d_{ii}`.
    beta
        Distance-decay exponent :math:`\\beta \\ge 0` (default 2, as in gravity models; 0 gives
        the total mass of the other regions).
    include_self
        Add the region's own mass, :math:`M_i / d_{ii}^\\beta` (self-potential). Off by default,
        because :math:`d_{ii}` is a modelling choice (a common one is
        :math:`\\tfrac12\\sqrt{\\text{area}/\\pi}`) that must be supplied in ``distances``.
    region, mass, distance
        Column names.
    name
        Name of the output column.

    Returns
    -------
    pandas.DataFrame
        ``region_code, accessibility`` (``name``), one row per region of ``masses``, sorted by
        code. Units: mass unit per km^beta.

    Raises
    ------
    TypeError
        ``masses`` or ``distances`` is not a DataFrame, or ``beta`` is not a number.
    ValueError
        A missing column; a region twice in ``masses``; a missing or negative mass; ``beta``
        negative or not finite; a pair of regions with no distance, two different distances, or
        a distance <= 0 (which would divide by zero: never silently 0 or infinite); with
        ``include_self``, a region without :math:`d_{ii}`.

    Notes
    -----
    .. math:: A_i = \\sum_{j \\ne i} \\frac{M_j}{d_{ij}^{\\beta}}
              \\quad\\left(+ \\frac{M_i}{d_{ii}^{\\beta}} \\text{ with include\\_self}\\right)

    The potential of region *i* to reach opportunities (markets, labour, suppliers) in the other
    regions, each discounted by distance. It is the row sum of the gravity model with unit mass
    at the origin (:func:`potensi.indicators.interaction.gravity_interaction`), so it depends on
    which regions form the system: compare values within one system only.

    References
    ----------
    Hansen, W. G. (1959). How accessibility shapes land use. *Journal of the American Institute
    of Planners* 25(2), 73–76. doi:10.1080/01944365908978307. Geurs, K. T., & van Wee, B. (2004).
    Accessibility evaluation of land-use and transport strategies: review and research directions.
    *Journal of Transport Geography* 12(2), 127–140.

    Examples
    --------
    Masses a = 10, b = 20, c = 30; d(a,b) = 10, d(a,c) = 20, d(b,c) = 10 km; beta = 2:
    A_a = 20/100 + 30/400 = 0.275, A_b = 10/100 + 30/100 = 0.4, A_c = 10/400 + 20/100 = 0.225.

    >>> m = pd.DataFrame({"region_code": ["a", "b", "c"], "value": [10.0, 20.0, 30.0]})
    >>> d = pd.DataFrame({"region_a": ["a", "a", "b"], "region_b": ["b", "c", "c"],
    ...                   "distance_km": [10.0, 20.0, 10.0]})
    >>> hansen_accessibility(m, d)["accessibility"].round(6).tolist()
    [0.275, 0.4, 0.225]
    """
    func = "hansen_accessibility"
    require_columns(masses, func, {region: "region", mass: "mass"}, argument="masses")
    require_columns(distances, func, {"region_a": "region_a", "region_b": "region_b", distance: "distance"},
                    argument="distances")
    if isinstance(beta, bool) or not isinstance(beta, int | float | np.integer | np.floating):
        raise TypeError(f"{func}: argument beta= must be a number; got {type(beta).__name__}")
    if not np.isfinite(beta) or beta < 0:
        raise ValueError(f"{func}: argument beta={beta!r}: expected a finite number >= 0")
    codes = masses[region].astype(str)
    if codes.duplicated().any():
        raise ValueError(f"{func}: argument masses has region {codes[codes.duplicated()].iloc[0]!r} more than once; "
                         "expected one mass per region")
    m = pd.to_numeric(masses[mass], errors="coerce").to_numpy(dtype=float)
    bad = ~np.isfinite(m) | (m < 0)
    if bad.any():
        raise ValueError(f"{func}: column {mass!r} of masses is missing or negative for region(s) "
                         f"{codes[bad].tolist()[:5]}; expected a mass >= 0 for every region")
    order = np.argsort(codes.to_numpy(), kind="stable")
    codes_sorted = codes.to_numpy()[order]
    m = m[order]
    n = len(codes_sorted)
    position = pd.Series(np.arange(n), index=codes_sorted)

    d = distances[["region_a", "region_b", distance]]
    a = d["region_a"].astype(str)
    b = d["region_b"].astype(str)
    inside = a.isin(position.index) & b.isin(position.index)
    a, b = a[inside], b[inside]
    dist = pd.to_numeric(d.loc[inside, distance], errors="coerce").to_numpy(dtype=float)
    i = position.reindex(a).to_numpy()
    j = position.reindex(b).to_numpy()
    lo, hi = np.minimum(i, j), np.maximum(i, j)
    spread = pd.DataFrame({"lo": lo, "hi": hi, "d": dist}).groupby(["lo", "hi"])["d"].agg(["min", "max", "size"])
    clash = spread[(spread["size"] > 1) & ~np.isclose(spread["min"], spread["max"])]
    if len(clash):
        p, q = clash.index[0]
        raise ValueError(f"{func}: argument distances gives two distances for {codes_sorted[p]!r}-"
                         f"{codes_sorted[q]!r} ({clash['min'].iloc[0]} and {clash['max'].iloc[0]}); "
                         "expected one per pair")
    matrix = np.full((n, n), np.nan)
    matrix[lo, hi] = dist
    matrix[hi, lo] = dist
    off = ~np.eye(n, dtype=bool)
    nonpositive = off & ~(matrix > 0) & ~np.isnan(matrix)
    if nonpositive.any():
        p, q = np.argwhere(nonpositive)[0]
        raise ValueError(f"{func}: argument distances has {matrix[p, q]} km between {codes_sorted[p]!r} and "
                         f"{codes_sorted[q]!r}; expected a distance > 0 (M/d^beta is undefined at 0)")
    absent = off & np.isnan(matrix)
    if absent.any():
        pairs = [f"{codes_sorted[p]}-{codes_sorted[q]}" for p, q in np.argwhere(absent) if p < q]
        raise ValueError(f"{func}: argument distances lacks {len(pairs)} pair(s) of regions in masses, e.g. "
                         f"{pairs[:5]}; expected every pair")
    weight = np.zeros((n, n))
    weight[off] = matrix[off] ** -float(beta)
    if include_self:
        self_d = np.diag(matrix)
        missing = ~(self_d > 0)
        if missing.any():
            raise ValueError(f"{func}: include_self=True but argument distances has no internal distance "
                             f"d_ii > 0 (a row region_a == region_b) for {codes_sorted[missing].tolist()[:5]}")
        weight[np.diag_indices(n)] = self_d ** -float(beta)
    return pd.DataFrame({region: codes_sorted, name: weight @ m})
