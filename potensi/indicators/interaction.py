"""Spatial interaction and sector complementarity between regions (*kerja sama daerah*).

* :func:`great_circle_distance`: haversine distance between region centroids (km).
* :func:`gravity_interaction`: gravity model :math:`I_{ij} = k M_i M_j / d_{ij}^b` with masses
  PDRB or population and the distance exponent exposed.
* :func:`complementarity`: for each sector, the pairs in which one region is a basis
  (LQ > 1) and the other is not: the supplier can serve the partner's demand.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from potensi.core.validate import require_columns

__all__ = ["EARTH_RADIUS_KM", "complementarity", "great_circle_distance", "gravity_interaction"]

#: Mean Earth radius (IUGG), km.
EARTH_RADIUS_KM = 6371.0088



def great_circle_distance(
    centroids: pd.DataFrame,
    *,
    region: str = "region_code",
    lat: str = "lat",
    lon: str = "lon",
    radius: float = EARTH_RADIUS_KM,
) -> pd.DataFrame:
    """Great-circle (haversine) distance in km between every pair of region centroids.

    Returns
    -------
    pandas.DataFrame
        ``region_a, region_b, distance_km``, one row per unordered pair (``region_a <
        region_b``).

    Notes
    -----
    .. math:: d = 2R \\arcsin \\sqrt{\\sin^2 \\frac{\\Delta\\varphi}{2} + \\cos\\varphi_1
              \\cos\\varphi_2 \\sin^2 \\frac{\\Delta\\lambda}{2}}

    (*jarak lingkaran besar*), R = 6371.0088 km. Centroids are the QUARCS polygon centroids
    (``data/extra/SOURCES.md``), so distance is between area centres, not between towns.

    References
    ----------
    Sinnott, R. W. (1984). Virtues of the haversine. *Sky and Telescope* 68(2), 159.

    Examples
    --------
    A quarter of the equator: :math:`2\\pi R / 4 = 10007.6` km.

    >>> c = pd.DataFrame({"region_code": ["a", "b"], "lat": [0.0, 0.0], "lon": [0.0, 90.0]})
    >>> round(float(great_circle_distance(c)["distance_km"].iloc[0]), 1)
    10007.6
    """
    func = "great_circle_distance"
    require_columns(centroids, func, {region: "region", lat: "lat", lon: "lon"}, argument="centroids")
    c = centroids.drop_duplicates(region)
    if len(c) < len(centroids):
        raise ValueError(f"{func}: argument centroids has duplicate region codes; expected one row per region "
                         "(filter on source_id first)")
    c = c.sort_values(region)
    codes = c[region].astype(str).to_numpy()
    phi = np.radians(c[lat].to_numpy(dtype=float))
    lam = np.radians(c[lon].to_numpy(dtype=float))
    i, j = np.triu_indices(len(c), k=1)
    h = np.sin((phi[j] - phi[i]) / 2) ** 2 + np.cos(phi[i]) * np.cos(phi[j]) * np.sin((lam[j] - lam[i]) / 2) ** 2
    d = 2 * radius * np.arcsin(np.sqrt(np.clip(h, 0, 1)))
    return pd.DataFrame({"region_a": codes[i], "region_b": codes[j], "distance_km": d})


def gravity_interaction(
    masses: pd.DataFrame,
    centroids: pd.DataFrame,
    *,
    mass: str = "value",
    region: str = "region_code",
    exponent: float = 2.0,
    constant: float = 1.0,
    mass_kind: str = "pdrb",
) -> pd.DataFrame:
    """Gravity interaction (*model gravitasi*, *indeks interaksi*) between every pair of regions.

    Parameters
    ----------
    masses
        One row per region: the mass (total PDRB ADHK in miliar rupiah, or population).
    centroids
        One row per region with ``lat``/``lon`` (:func:`potensi.load_centroids`).
    exponent
        Distance friction :math:`b` (default 2, Newtonian; 1 is also common).
    constant
        :math:`k`; scales every :math:`I_{ij}` alike.
    mass_kind
        Label written to the output (``"pdrb"`` or ``"population"``).

    Returns
    -------
    pandas.DataFrame
        ``region_a, region_b, mass_kind, mass_a, mass_b, distance_km, interaction,
        interaction_index, rank, reason``. ``interaction_index`` is :math:`I_{ij} / \\max I`
        (0–1) within the table; ``rank`` 1 is the strongest pair. A pair at distance 0 or with a
        missing mass or centroid is NaN with a reason.

    Notes
    -----
    .. math:: I_{ij} = k \\frac{M_i M_j}{d_{ij}^{\\,b}}

    References
    ----------
    Isard, W. (1960). *Methods of Regional Analysis*. MIT Press, ch. 11. Tarigan, R. (2005).
    *Ekonomi Regional: Teori dan Aplikasi*, ed. revisi. Jakarta: Bumi Aksara (model gravitasi).

    Examples
    --------
    Masses 10 and 20 at 1 degree of latitude (111.195 km), b = 2:
    :math:`200 / 111.195^2 = 0.016176`.

    >>> m = pd.DataFrame({"region_code": ["a", "b"], "value": [10.0, 20.0]})
    >>> c = pd.DataFrame({"region_code": ["a", "b"], "lat": [0.0, 1.0], "lon": [100.0, 100.0]})
    >>> round(float(gravity_interaction(m, c)["interaction"].iloc[0]), 6)
    0.016176
    """
    func = "gravity_interaction"
    require_columns(masses, func, {region: "region", mass: "mass"}, argument="masses")
    if not np.isfinite(exponent) or exponent < 0:
        raise ValueError(f"{func}: argument exponent={exponent!r}: expected a finite number >= 0")
    if masses[region].duplicated().any():
        dup = masses.loc[masses[region].duplicated(), region].iloc[0]
        raise ValueError(f"{func}: argument masses has region {dup!r} more than once; expected one mass per region")
    dist = great_circle_distance(centroids[centroids[region].isin(masses[region])], region=region)
    m = masses.set_index(masses[region].astype(str))[mass].astype(float)
    out = dist.assign(mass_kind=mass_kind, mass_a=m.reindex(dist["region_a"]).to_numpy(),
                      mass_b=m.reindex(dist["region_b"]).to_numpy())
    with np.errstate(divide="ignore", invalid="ignore"):
        inter = constant * out["mass_a"] * out["mass_b"] / out["distance_km"] ** exponent
    bad_d = out["distance_km"].to_numpy() <= 0
    bad_m = out[["mass_a", "mass_b"]].isna().any(axis=1).to_numpy()
    out["interaction"] = np.where(bad_d | bad_m, np.nan, inter)
    out["interaction_index"] = out["interaction"] / out["interaction"].max()
    out["rank"] = out["interaction"].rank(ascending=False, method="min").astype("Int64")
    out["reason"] = np.where(bad_d, "undefined: distance 0 (same centroid)",
                             np.where(bad_m, "undefined: mass missing", ""))
    no_centroid = sorted(set(masses[region].astype(str)) - set(centroids[region].astype(str)))
    out.attrs["no_centroid"] = no_centroid
    cols = ["region_a", "region_b", "mass_kind", "mass_a", "mass_b", "distance_km", "interaction",
            "interaction_index", "rank", "reason"]
    return out[cols].sort_values(["rank", "region_a", "region_b"]).reset_index(drop=True)


def complementarity(
    lq: pd.DataFrame,
    *,
    region: str = "region_code",
    sector: str = "sector_code",
    value: str = "lq",
    threshold: float = 1.0,
) -> pd.DataFrame:
    """Sector complementarity (*komplementaritas sektor*) between pairs of regions.

    Parameters
    ----------
    lq
        Location quotients, one row per region and sector (one year: filter first).
    threshold
        A sector is basis when LQ > ``threshold`` (default 1).

    Returns
    -------
    pandas.DataFrame
        ``sector_code, supplier, partner, lq_supplier, lq_partner, complementarity``: one row
        per sector and ordered pair where the supplier is basis and the partner is not.

    Notes
    -----
    For sector *j* and regions *a* (supplier) and *b* (partner):

    .. math:: C_{abj} = (LQ_{aj} - LQ_{bj}) \\cdot [LQ_{aj} > 1 \\ge LQ_{bj}]

    The supplier produces more of *j* than its size warrants (surplus for export) and the
    partner less (demand met by imports), so trade or joint production in *j* is the basis
    of a *kerja sama*. :math:`C` grows with the gap.

    References
    ----------
    Tarigan, R. (2005). *Ekonomi Regional*, see :func:`gravity_interaction` (LQ and basis
    theory). Isard (1960), see :func:`gravity_interaction`.

    Examples
    --------
    >>> q = pd.DataFrame({"region_code": ["a", "b", "a", "b"], "sector_code": ["x", "x", "y", "y"],
    ...                   "lq": [1.5, 0.5, 0.9, 1.2]})
    >>> out = complementarity(q)                  # x: 1.5 - 0.5 = 1.0; y: 1.2 - 0.9 = 0.3
    >>> out[["sector_code", "supplier", "partner"]].values.tolist(), out["complementarity"].round(6).tolist()
    ([['x', 'a', 'b'], ['y', 'b', 'a']], [1.0, 0.3])
    """
    func = "complementarity"
    require_columns(lq, func, {region: "region", sector: "sector", value: "value"}, argument="lq")
    if lq.duplicated([region, sector]).any():
        raise ValueError(f"{func}: argument lq has more than one row per region and sector; "
                         "expected one year (filter on year first)")
    q = lq[[region, sector, value]].rename(columns={region: "r", sector: "sector_code", value: "lq"})
    basis = q[q["lq"] > threshold]
    non = q[q["lq"] <= threshold]
    pairs = basis.merge(non, on="sector_code", suffixes=("_s", "_p"))
    out = pd.DataFrame({
        "sector_code": pairs["sector_code"],
        "supplier": pairs["r_s"],
        "partner": pairs["r_p"],
        "lq_supplier": pairs["lq_s"],
        "lq_partner": pairs["lq_p"],
        "complementarity": pairs["lq_s"] - pairs["lq_p"],
    })
    return out.sort_values(["sector_code", "supplier", "partner"]).reset_index(drop=True)
