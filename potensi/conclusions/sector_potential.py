"""Sector potential (*potensi sektor*): the dimensions side by side, a class, and its robustness.

A sector's potential is shown as separate dimensions, never as a count of votes:

==================  ===============================================================================
position            ``lq``: the **period mean of the yearly LQ** over ``start .. end`` (the one LQ
                    definition used for the class; the same as ``slq`` in the ``dlq`` table and
                    ``lq`` in the ``mrp`` table); ``lq_end``, the end-year LQ, is kept beside it
competitiveness     ``competitive_effect`` (PPW, *pertumbuhan pangsa wilayah*, miliar rupiah),
                    ``competitive_effect_pct`` (PPW as % of the sector's start-year value) and
                    ``dlq``
size                ``share_region_pct`` (the sector's share of the region's PDRB ADHK, end year),
(*materialitas*)    ``share_province_sector_pct`` (the region's share of the province's sector, end
                    year), ``share_adhb_pct`` (the ADHB share where ADHB data exist, else NaN)
tradability         ``tradable``: ``False`` for :data:`LOCAL_SERVICE_SECTORS` (*layanan lokal*)
linkage             ``backward_linkage``, ``forward_linkage``, ``key_sector`` from an input-output
                    table when one is passed, else NaN / ``<NA>``
==================  ===============================================================================

:func:`classify_sectors` turns the dimensions into an ordered class ``kelas`` (:data:`KELAS`)
with :class:`SectorThresholds`; :func:`scenario_agreement` counts how many scenarios (window,
*tanpa pertambangan*, ADHB) give the same class; :func:`without_sector` prepares the PDRB of the
*tanpa pertambangan* scenario.

The rule and its thresholds are potensi's own. They follow the criteria that Permendagri 9/2014
(*Pedoman Pengembangan Produk Unggulan Daerah*) asks a regional leading product to be judged on,
as summarised for this project: contribution to the regional economy (size), *sektor basis*
(position), growth and competitiveness, linkages and labour absorption. The Pedoman gives neither
these indicators nor numeric thresholds. Linkages are reported beside the class, not in it (the
input-output tables are provincial, 17 sectors, 2016, and exist for a few provinces only: they
describe the province, not a kab/kota) and labour is not covered (no kab/kota employment by the
17 sectors in the data).

The evidence sentence is worded by :data:`potensi.core.wording.SECTOR_EVIDENCE` and its numbers
formatted by :func:`potensi.core.numbers.angka` (``1.234,5``, ``-9.158,3``), as in the report.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, fields

import numpy as np
import pandas as pd

from potensi.conclusions.scenarios import scenario_agreement, without_sector
from potensi.conclusions.sector_dimensions import (
    _KEY,
    LOCAL_SERVICE_SECTORS,
    NEVER_LEADING_SECTORS,
    _need,
    sector_dimensions,
)
from potensi.core.numbers import angka
from potensi.core.wording import SECTOR_EVIDENCE

__all__ = [
    "KELAS",
    "KELAS_RULES",
    "LOCAL_SERVICE_SECTORS",
    "NEVER_LEADING_SECTORS",
    "SECTOR_THRESHOLDS",
    "TOP_KELAS",
    "SectorThresholds",
    "classify_sectors",
    "scenario_agreement",
    "sector_dimensions",
    "without_sector",
]

#: Classes, strongest first (an ordered Categorical dtype).
KELAS = pd.CategoricalDtype(
    ["unggulan", "andalan menurun", "potensial berkembang", "layanan lokal", "lainnya"], ordered=True
)
#: The two top classes: sectors that carry the region today.
TOP_KELAS = ("unggulan", "andalan menurun")
#: Each class's rule in the names of :func:`classify_sectors`'s boolean columns.
KELAS_RULES = {
    "unggulan": "tradable & basis & material & competitive",
    "andalan menurun": "tradable & basis & material & not competitive",
    "potensial berkembang": "tradable & competitive & not (basis & material)",
    "layanan lokal": "not tradable",
    "lainnya": "tradable & not competitive & not (basis & material)",
}


@dataclass(frozen=True)
class SectorThresholds:
    """Thresholds of :func:`classify_sectors` (potensi's own; defaults argued on Kaltim 2013-2020).

    Attributes
    ----------
    basis_lq
        *Sektor basis* when the period-mean LQ is above this (default 1: the sector's share in the
        region is above its share in the reference). Permendagri 9/2014 criterion: basis.
    region_share_pct
        Material when the sector is at least this share of the region's PDRB ADHK in the end
        year (default 5 %: close to the 1/17 = 5.9 % a sector weighs in an evenly spread economy
        of 17 sectors). Criterion: contribution to the economy.
    province_share_pct, min_region_share_pct
        Also material when the region holds at least ``province_share_pct`` of the province's
        sector (default 25 %: two and a half times the even share of a province of ten kab/kota,
        as Kaltim) **and** the sector is at least ``min_region_share_pct`` of the region's own
        PDRB (default 1 %: a sector under 1 % of a region's economy does not carry it, however
        large its share of the province). In Kaltim this admits Samarinda's accommodation (3.9 %
        of its PDRB, 42 % of the province's) and keeps out Samarinda's business services (0.8 %,
        38 %).
    competitive_effect_pct
        Competitive when the competitive effect (PPW) is above this percentage of the sector's
        start-year value (default 0: the sector grew faster than the same sector in the
        reference). Criterion: growth and competitiveness. DLQ does not enter the rule (see
        :func:`classify_sectors`).
    knife_edge
        Relative margin of a knife-edge class (default 0.05, i.e. ±5 % of the threshold); for a
        threshold of 0 (PPW) the margin is taken on the start-year value: ``|PPW| <= 5 %`` of it.
    """

    basis_lq: float = 1.0
    region_share_pct: float = 5.0
    province_share_pct: float = 25.0
    min_region_share_pct: float = 1.0
    competitive_effect_pct: float = 0.0
    knife_edge: float = 0.05

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, int | float) or not np.isfinite(value):
                raise TypeError(f"SectorThresholds: field {f.name}={value!r} must be a finite number")
        negative = [f.name for f in fields(self) if f.name != "competitive_effect_pct" and getattr(self, f.name) < 0]
        if negative:
            raise ValueError(f"SectorThresholds: field(s) {negative} are negative; expected >= 0")


#: The default thresholds.
SECTOR_THRESHOLDS = SectorThresholds()


# --------------------------------------------------------------------------------------------
# classification


def _evidence(row: Mapping[str, object]) -> str:
    t = SECTOR_EVIDENCE
    parts = []
    if not row["tradable"]:
        parts.append(t["local"])
    parts.append(t["lq"].format(lq=angka(row["lq"], 2)))
    share = angka(row["share_region_pct"], 1)
    adhb = row.get("share_adhb_pct")
    if adhb is not None and not pd.isna(adhb):
        parts.append(t["share_region_adhb"].format(share_region_pct=share, share_adhb_pct=angka(adhb, 1)))
    else:
        parts.append(t["share_region"].format(share_region_pct=share))
    parts.append(t["share_province"].format(share_province_sector_pct=angka(row["share_province_sector_pct"], 1)))
    ppw = row["competitive_effect"]
    if not pd.isna(ppw):
        direction = t["ppw_zero"] if ppw == 0 else t["ppw_positive"] if row["_ppw_up"] else t["ppw_negative"]
        parts.append(t["ppw"].format(competitive_effect=angka(ppw, _ppw_decimals(ppw)), direction=direction))
    if row.get("key_sector") is True:
        parts.append(t["key_sector"])
    if row["knife_edge_on"]:
        names = ", ".join(t[f"edge_{n}"] for n in row["knife_edge_on"].split("; "))
        parts.append(t["knife_edge"].format(names=names))
    return "; ".join(parts)


def _ppw_decimals(ppw: float) -> int:
    """Decimals that show a PPW (miliar rupiah) with its sign: none from 10, one from 0,1, below
    that two significant digits (``-0,039``, not a ``0,0`` read as "declining")."""
    size = abs(float(ppw))
    if size >= 10:
        return 0
    if size >= 0.1 or size == 0:
        return 1
    return 1 - math.floor(math.log10(size))


def _kelas_codes(tradable, basis, material, competitive, known, growing_ok=True) -> np.ndarray:
    """Category codes of :data:`KELAS` (-1 = missing) from boolean arrays; ``growing_ok`` says
    whether a competitive sector that is not (yet) a basis or material may be *potensial
    berkembang* (at least the size floor, and not mining)."""
    top = basis & material
    code = np.where(~tradable, 3,
                    np.where(top & competitive, 0,
                             np.where(top, 1,
                                      np.where(competitive & growing_ok, 2, 4))))
    return np.where(tradable & ~known, -1, code)


def classify_sectors(dimensions: pd.DataFrame, *,
                     thresholds: SectorThresholds = SECTOR_THRESHOLDS) -> pd.DataFrame:
    """Class of each sector's potential (``kelas``) from its dimensions, with the evidence.

    Parameters
    ----------
    dimensions
        :func:`sector_dimensions` output (at least ``region_code, sector_code, lq,
        competitive_effect, value_start, share_region_pct, share_province_sector_pct,
        tradable``).
    thresholds
        :class:`SectorThresholds` (default :data:`SECTOR_THRESHOLDS`).

    Returns
    -------
    pandas.DataFrame
        ``dimensions`` plus the conditions ``basis, material, competitive`` (nullable booleans),
        ``kelas`` (ordered Categorical :data:`KELAS`), ``knife_edge`` (bool), ``knife_edge_on``
        (the :class:`SectorThresholds` field(s) near which the class would change, ``"; "``
        joined, or ``""``) and ``evidence`` (one Indonesian sentence).

    Raises
    ------
    TypeError
        ``thresholds`` is not a :class:`SectorThresholds`.
    ValueError
        A required column is missing, or (region_code, sector_code) repeats.

    Notes
    -----
    With the default thresholds (rules in :data:`KELAS_RULES`):

    * basis: :math:`LQ_{ij} > 1` (period-mean LQ);
    * material: :math:`s_{ij} \\ge 5\\%` of the region's PDRB ADHK, or the region holds
      :math:`\\ge 25\\%` of the province's sector while :math:`s_{ij} \\ge 1\\%`;
    * competitive: :math:`PPW_{ij} > 0` (the sector grew faster than the same sector in the
      reference);
    * **unggulan**: tradable, basis, material, competitive; **andalan menurun**: tradable, basis,
      material, not competitive (it carries the region but loses ground: diversification or
      downstreaming); **potensial berkembang**: tradable and competitive but not both basis and
      material (growing, still small); **layanan lokal**: not tradable
      (:data:`LOCAL_SERVICE_SECTORS`); **lainnya**: the rest.

    Competitiveness is PPW alone. DLQ is shown, not voted: it equals the ratio of the sector's
    growth to the reference sector's growth (what PPW measures) divided by the same ratio for the
    region's total, so a region whose dominant sector shrinks has DLQ > 1 in nearly every other
    sector (Kutai Kartanegara 2013-2020). Counting both would count one condition twice.

    A tradable row with a missing LQ, share or PPW has a missing ``kelas`` (its ``reason`` in
    :func:`sector_dimensions` says why). A class is a knife edge when a deciding value lies within
    ``thresholds.knife_edge`` (relative) of its threshold **and** moving it across that threshold
    changes the class.

    Examples
    --------
    >>> dims = pd.DataFrame({"region_code": "a", "sector_code": ["B", "C", "O"],
    ...                      "lq": [4.0, 0.5, 2.0], "competitive_effect": [-50.0, 8.0, 1.0],
    ...                      "value_start": [800.0, 20.0, 30.0], "share_region_pct": [80.0, 3.0, 6.0],
    ...                      "share_province_sector_pct": [40.0, 2.0, 9.0], "tradable": [True, True, False]})
    >>> classify_sectors(dims)["kelas"].tolist()
    ['andalan menurun', 'potensial berkembang', 'layanan lokal']
    """
    func = "classify_sectors"
    if not isinstance(thresholds, SectorThresholds):
        raise TypeError(f"{func}: argument thresholds= must be a SectorThresholds; got {type(thresholds).__name__}")
    need = [*_KEY, "lq", "competitive_effect", "value_start", "share_region_pct", "share_province_sector_pct",
            "tradable"]
    _need(dimensions, func, "dimensions", need)
    if dimensions.duplicated(_KEY).any():
        dup = dimensions[dimensions.duplicated(_KEY, keep=False)]
        pairs = sorted(set(zip(dup["region_code"].astype(str), dup["sector_code"].astype(str))))[:5]
        raise ValueError(f"{func}: argument dimensions has several rows for (region_code, sector_code) {pairs}")
    th = thresholds
    out = dimensions.copy()
    lq = out["lq"].to_numpy(dtype=float)
    ppw = out["competitive_effect"].to_numpy(dtype=float)
    v0 = out["value_start"].to_numpy(dtype=float)
    s_reg = out["share_region_pct"].to_numpy(dtype=float)
    s_prov = out["share_province_sector_pct"].to_numpy(dtype=float)
    tradable = out["tradable"].astype(bool).to_numpy()
    ppw_threshold = th.competitive_effect_pct / 100 * v0

    basis = lq > th.basis_lq
    reg_ok = s_reg >= th.region_share_pct
    prov_ok = s_prov >= th.province_share_pct
    floor_ok = s_reg >= th.min_region_share_pct
    competitive = ppw > ppw_threshold
    known = ~(np.isnan(lq) | np.isnan(ppw) | np.isnan(s_reg) | np.isnan(s_prov) | np.isnan(ppw_threshold))

    def material_of(reg, prov, floor):
        return reg | (prov & floor)

    material = material_of(reg_ok, prov_ok, floor_ok)
    # potensial berkembang needs the size floor (a sector under 1 % of the region's PDRB is not a
    # development lever) and is never mining (B: licensing is not a kab/kota affair)
    growing_ok = floor_ok & (out["sector_code"].astype(str).to_numpy() != "B")
    code = _kelas_codes(tradable, basis, material, competitive, known, growing_ok)

    # knife edge: a deciding value near its threshold whose crossing changes the class
    def near(value, threshold):
        with np.errstate(invalid="ignore"):
            return np.abs(value - threshold) <= th.knife_edge * abs(threshold)

    ppw_margin = th.knife_edge * (abs(th.competitive_effect_pct) if th.competitive_effect_pct else 100) / 100 * v0
    with np.errstate(invalid="ignore"):
        ppw_near = np.abs(ppw - ppw_threshold) <= ppw_margin
    checks = {
        "basis_lq": (near(lq, th.basis_lq), dict(basis=~basis)),
        "region_share_pct": (near(s_reg, th.region_share_pct),
                             dict(material=material_of(~reg_ok, prov_ok, floor_ok))),
        "province_share_pct": (near(s_prov, th.province_share_pct),
                               dict(material=material_of(reg_ok, ~prov_ok, floor_ok))),
        "min_region_share_pct": (near(s_reg, th.min_region_share_pct),
                                 dict(material=material_of(reg_ok, prov_ok, ~floor_ok))),
        "competitive_effect_pct": (ppw_near, dict(competitive=~competitive)),
    }
    base = dict(tradable=tradable, basis=basis, material=material, competitive=competitive, known=known,
                growing_ok=growing_ok)
    edge_names = [[] for _ in range(len(out))]
    for name, (is_near, flipped) in checks.items():
        alt = _kelas_codes(**(base | flipped))
        hit = is_near & known & (alt != code)
        for i in np.flatnonzero(hit):
            edge_names[i].append(name)

    def nullable(arr):
        res = pd.array(arr, dtype="boolean")
        res[~known] = pd.NA
        return res

    out["basis"] = nullable(basis)
    out["material"] = nullable(material)
    out["competitive"] = nullable(competitive)
    out["kelas"] = pd.Categorical.from_codes(code, dtype=KELAS)
    out["knife_edge_on"] = ["; ".join(n) for n in edge_names]
    out["knife_edge"] = out["knife_edge_on"] != ""
    rows = out.to_dict("records")
    ppw_up = np.where(np.isnan(ppw_threshold), ppw > 0, competitive)
    for r, up in zip(rows, ppw_up):
        r["_ppw_up"] = bool(up)
        key = r.get("key_sector")
        r["key_sector"] = None if key is None or pd.isna(key) else bool(key)
    out["evidence"] = [_evidence(r) for r in rows]
    return out

