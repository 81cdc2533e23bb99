"""Who interacts with whom: the gravity interaction and the province's pairs with their weights."""

from __future__ import annotations

import numpy as np
import pandas as pd

from potensi.conclusions.cooperation.inputs import _in_province, _is_kabkota, _need
from potensi.indicators.interaction import gravity_interaction

__all__ = ["gravity"]


def gravity(
    masses: pd.DataFrame,
    locations: pd.DataFrame,
    *,
    mass: str = "population",
    exponent: float = 2.0,
    region: str = "region_code",
    lat: str = "lat",
    lon: str = "lon",
) -> pd.DataFrame:
    """Gravity interaction between every pair of regions, population as the default mass.

    A thin wrapper of :func:`potensi.indicators.interaction.gravity_interaction` (the formula
    lives there) that chooses the mass column and accepts any location columns.

    Parameters
    ----------
    masses
        One row per region with the mass column: ``population`` (default, persons) or ``pdrb``
        (total PDRB), or any column named by ``mass``.
    locations
        One row per region with ``lat``/``lon``: the seats of government (town points, the
        default of the cooperation section) or the area centroids.
    mass
        Column of ``masses`` used as mass; written to ``mass_kind``.
    exponent
        Distance friction :math:`b` (default 2); shown in the report.

    Returns
    -------
    pandas.DataFrame
        As :func:`gravity_interaction`: ``region_a, region_b, mass_kind, mass_a, mass_b,
        distance_km, interaction, interaction_index, rank, reason``.

    Notes
    -----
    .. math:: I_{ab} = \\frac{M_a M_b}{d_{ab}^{\\,b}}

    With PDRB as mass two coal regencies become the strongest pair; with population the
    ranking follows where people live and travel (the Balikpapan–Samarinda–Penajam corridor).

    Examples
    --------
    Populations 100 and 200 one degree of latitude apart (111.195 km), b = 1:
    :math:`20000 / 111.195 = 179.87`.

    >>> m = pd.DataFrame({"region_code": ["a", "b"], "population": [100.0, 200.0]})
    >>> p = pd.DataFrame({"region_code": ["a", "b"], "lat": [0.0, 1.0], "lon": [110.0, 110.0]})
    >>> round(float(gravity(m, p, exponent=1)["interaction"].iloc[0]), 2)
    179.86
    """
    func = "gravity"
    _need(masses, func, "masses", [region, mass])
    _need(locations, func, "locations", [region, lat, lon])
    loc = locations[[region, lat, lon]].rename(columns={lat: "lat", lon: "lon"})
    loc = loc.assign(**{region: loc[region].astype(str)})
    m = masses[[region, mass]].assign(**{region: masses[region].astype(str)})
    return gravity_interaction(m, loc, mass=mass, region=region, exponent=exponent, mass_kind=mass)



def _pairs(contiguity: pd.DataFrame, interaction: pd.DataFrame, province: str, func: str) -> pd.DataFrame:
    """Pairs of kab/kota with one side in the province: adjacency, distance, gravity weight.

    ``a`` is the province side (both inside: the smaller code). ``weight`` is the percentile rank
    of the interaction among the province's pairs (NaN if the pair has no interaction row)."""
    _need(contiguity, func, "contiguity", ["region_a", "region_b", "method", "shared_border_km", "province_a",
                                           "province_b", "cross_province"])
    _need(interaction, func, "interaction", ["region_a", "region_b", "distance_km", "interaction"])

    def orient(frame: pd.DataFrame) -> pd.DataFrame:
        a, b = frame["region_a"].astype(str).to_numpy(), frame["region_b"].astype(str).to_numpy()
        ina = np.array([_in_province(x, province) for x in a], dtype=bool)
        inb = np.array([_in_province(x, province) for x in b], dtype=bool)
        keep = (ina | inb) & np.array([_is_kabkota(x) and _is_kabkota(y) for x, y in zip(a, b)], dtype=bool)
        swap = (~ina & inb) | (ina & inb & (b < a))
        out = frame.loc[keep].copy()
        out["a"] = np.where(swap, b, a)[keep]
        out["b"] = np.where(swap, a, b)[keep]
        return out.drop(columns=["region_a", "region_b"])

    inter = orient(interaction[["region_a", "region_b", "distance_km", "interaction"]])
    inter = inter.drop_duplicates(["a", "b"])
    inter["weight"] = inter["interaction"].rank(pct=True)
    cont = orient(contiguity[["region_a", "region_b", "shared_border_km", "cross_province"]])
    cont = cont.drop_duplicates(["a", "b"]).assign(adjacent=True)
    out = inter.merge(cont, on=["a", "b"], how="outer")
    out["adjacent"] = out["adjacent"].astype("boolean").fillna(False).astype(bool)
    prov_a = out["a"].str[:2]
    out["cross_province"] = (prov_a != out["b"].str[:2]).to_numpy()
    return out.sort_values(["a", "b"]).reset_index(drop=True)
