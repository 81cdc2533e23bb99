"""The geographic candidates: shared services, value chains and shared resources."""

from __future__ import annotations

import numpy as np
import pandas as pd

from potensi.conclusions.cooperation.inputs import _Classes, _frame, _label, _province, _Regions, _row
from potensi.conclusions.cooperation.pairs import _pairs
from potensi.conclusions.cooperation.rules import (
    BORDER_SCALE_KM,
    LANDFILL_MAX_KM,
    LANDFILL_POPULATION,
    MARKET_SECTORS,
    SERVICE_SECTORS,
)
from potensi.core.numbers import angka, daftar
from potensi.core.validate import check_frame
from potensi.core.wording import (
    COOPERATION_EVIDENCE,
    RESOURCE_SECTORS,
    SERVICES,
    URUSAN_BY_SECTOR,
    VALUE_CHAIN_IO_OBJEK,
    VALUE_CHAIN_PAIRS,
)
from potensi.data.sectors import SECTOR_CODES, sector_label

__all__ = ["resource_candidates", "service_candidates", "value_chain_candidates"]


def service_candidates(
    regions: pd.DataFrame,
    classes: pd.DataFrame,
    contiguity: pd.DataFrame,
    interaction: pd.DataFrame,
    *,
    province: str,
    commute_km: float = 75.0,
) -> pd.DataFrame:
    """Shared services and infrastructure (*layanan bersama*) between bordering kab/kota.

    For every bordering pair with one side in ``province`` (partners in other provinces
    included) and every service of :data:`~.rules.SERVICE_SECTORS`, one candidate whose strength follows the
    rules in the module docstring; a rule that does not hold gives score 0 (rejected later as
    ``no_evidence``, so the reviewer sees it). ``jenis`` is ``"wajib"``: the pair borders and
    the service has cross-border externalities or is cheaper together (PP 28/2018).

    ``commute_km`` is the seat-to-seat distance within which daily travel makes shared
    transport worthwhile (potensi's default 75 km).

    Returns
    -------
    pandas.DataFrame
        The candidate table (module docstring), ``bentuk == "layanan bersama"``, ``sector_code``
        empty.
    """
    func = "service_candidates"
    province = _province(province, func)
    reg, cls = _Regions(regions, func), _Classes(classes, func)
    pairs = _pairs(contiguity, interaction, province, func)
    rows = []
    for pair in pairs[pairs["adjacent"]].to_dict("records"):
        a, b, d, w = pair["a"], pair["b"], pair["distance_km"], pair["weight"]
        base = {"a": reg.nm(a), "b": reg.nm(b), "d": angka(d, 0), "pa": angka(reg.p(a), 0), "pb": angka(reg.p(b), 0)}
        for key, svc_sector in SERVICE_SECTORS.items():
            svc = SERVICES[key]
            strength, fields = 0.0, {}
            if svc_sector in ("E", "Q") and key != "persampahan":
                la, lb = cls.lq(a, svc_sector), cls.lq(b, svc_sector)
                hub, partner, lh, lp = (a, b, la, lb) if not (lb > la) else (b, a, lb, la)
                if lh >= 1 > lp:
                    strength = min(1.0, lh - lp)
                fields = {"hub": reg.nm(hub), "partner": reg.nm(partner), "lq_hub": angka(lh, 2),
                          "lq_partner": angka(lp, 2)}
            elif key == "persampahan":
                kota = [reg.nm(x) for x in (a, b) if reg.kota(x)]
                total = reg.p(a) + reg.p(b)
                if kota and d <= LANDFILL_MAX_KM:
                    strength = min(1.0, total / LANDFILL_POPULATION)
                fields = {"kota": daftar(kota) if kota else svc["no_kota"], "pop_sum": angka(total, 0)}
            elif key == "transportasi":
                if d <= commute_km:
                    strength = 1.0 - d / commute_km
                fields = {"d": angka(d, 0), "commute": angka(commute_km, 0)}
            else:  # kebencanaan
                border = float(pair["shared_border_km"]) if pd.notna(pair["shared_border_km"]) else np.nan
                if border > 0:
                    strength = min(1.0, border / BORDER_SCALE_KM)
                fields = {"border": angka(border, 0)}
            evidence = COOPERATION_EVIDENCE["service"].format(**base, detail=svc["detail"].format(**fields))
            rows.append(_row(province, a, b, "service", jenis="wajib", urusan=svc["urusan"], objek=svc["objek"],
                             topic=key, sector="", sector_b="", pair=pair, evidence=evidence, opd=svc["opd"],
                             score=strength * w))
    return _frame(rows)


def _io_pairs(io: pd.DataFrame, func: str, min_coefficient: float) -> dict[tuple[str, str], float]:
    """(supplier i, buyer j) -> a_ij for a_ij >= min_coefficient, i != j, both with an urusan."""
    check_frame(io, func, "io")
    if {"row_code", "col_code", "coefficient"} <= set(io.columns):
        a = io.pivot_table(index="row_code", columns="col_code", values="coefficient", aggfunc="first")
    else:
        a = io
    a = a.rename(index=str, columns=str)
    unknown = sorted((set(a.index) | set(a.columns)) - set(SECTOR_CODES))
    if unknown:
        raise ValueError(f"{func}: argument io= has sector code(s) {unknown} outside the 17 sectors; expected a "
                         "square A (index = supplying sector, columns = buying sector) or long "
                         "(row_code, col_code, coefficient)")
    out = {}
    for i in a.index:
        for j in a.columns:
            v = float(a.loc[i, j])
            if i != j and np.isfinite(v) and v >= min_coefficient and i in URUSAN_BY_SECTOR and j in URUSAN_BY_SECTOR:
                out[(i, j)] = v
    return out


#: Smallest share of its region's PDRB (%) a downstream sector needs to be a value chain's market
#: (potensi's own; the size floor of the sector classes).
MIN_MARKET_SHARE_PCT = 1.0


def value_chain_candidates(
    regions: pd.DataFrame,
    classes: pd.DataFrame,
    contiguity: pd.DataFrame,
    interaction: pd.DataFrame,
    *,
    province: str,
    io: pd.DataFrame | None = None,
    min_coefficient: float = 0.05,
    max_distance_km: float = 150.0,
    min_market_share_pct: float = MIN_MARKET_SHARE_PCT,
) -> pd.DataFrame:
    """Value chains (*rantai nilai*): an upstream region strong in a tradable sector next to a
    downstream market or processor.

    For every pair with one side in ``province`` that borders or lies within
    ``max_distance_km`` (seat to seat), in both directions, and every sector pair
    (upstream *i*, downstream *j*): the upstream region has *i* tradable and in a top class
    (:data:`~.rules.TOP_CLASSES`), and the downstream region is a processor or market for *j*: LQ_j ≥ 1
    there, or, for *j* in :data:`~.rules.MARKET_SECTORS`, it is a kota or has more people than the
    upstream region; and *j* holds at least ``min_market_share_pct`` of the downstream region's
    PDRB (potensi's own floor, default 1 %, the size floor of the sector classes: a market of a
    few billion rupiah, such as a city's water and waste sector at 0.2 % of its PDRB, is not a
    market for a neighbour's industry). A downstream region in another province has its LQ
    against its own province, and the evidence says so.

    Sector pairs come from ``io`` when given (every *i* ≠ *j* whose technical coefficient
    :math:`a_{ij}` is at least ``min_coefficient``: *j* buys from *i*), otherwise from
    :data:`~potensi.core.wording.VALUE_CHAIN_PAIRS`. ``jenis`` is always ``"sukarela"``; ``urusan`` joins the urusan
    of both sectors (:data:`~potensi.core.wording.URUSAN_BY_SECTOR`) and the lead OPD is the upstream sector's.
    ``region_a`` is the upstream region, ``sector_code`` the upstream sector and
    ``sector_code_b`` the downstream one.
    """
    func = "value_chain_candidates"
    province = _province(province, func)
    reg, cls = _Regions(regions, func), _Classes(classes, func)
    pairs = _pairs(contiguity, interaction, province, func)
    chains = {k: (v, np.nan) for k, v in VALUE_CHAIN_PAIRS.items()}
    if io is not None:
        chains = {(i, j): (VALUE_CHAIN_IO_OBJEK.format(up=_label(i), down=_label(j), a=angka(a, 3)), a)
                  for (i, j), a in _io_pairs(io, func, min_coefficient).items()}
    near = pairs[pairs["adjacent"] | (pairs["distance_km"] <= max_distance_km)]
    rows = []
    for pair in near.to_dict("records"):
        for up, down in ((pair["a"], pair["b"]), (pair["b"], pair["a"])):
            for (i, j), (objek, coef) in chains.items():
                if not cls.top(up, i):
                    continue
                kelas, lq_up, share, _ = cls.get(up, i)
                lq_down = cls.lq(down, j)
                if cls.share(down, j) < min_market_share_pct:  # NaN (no row) passes: judged below
                    continue
                if lq_down >= 1:
                    basis = "value_chain_market_basis_other" if pair["cross_province"] else "value_chain_market_basis"
                    market = COOPERATION_EVIDENCE[basis].format(sector_down=_label(j), lq_down=angka(lq_down, 2))
                elif j in MARKET_SECTORS and reg.kota(down):
                    market = COOPERATION_EVIDENCE["value_chain_market_kota"].format(pop=angka(reg.p(down), 0))
                elif j in MARKET_SECTORS and reg.p(down) > reg.p(up):
                    market = COOPERATION_EVIDENCE["value_chain_market_larger"].format(pop=angka(reg.p(down), 0))
                else:
                    continue
                io_text = "" if np.isnan(coef) else COOPERATION_EVIDENCE["value_chain_io"].format(up=i, down=j, a=angka(coef, 3))
                evidence = COOPERATION_EVIDENCE["value_chain"].format(
                    sector_up=sector_label(i), a=reg.nm(up), kelas=kelas, lq=angka(lq_up, 2), share=angka(share, 1),
                    b=reg.nm(down), market=market, d=angka(pair["distance_km"], 0), io=io_text)
                u_up, u_down = URUSAN_BY_SECTOR[i][0], URUSAN_BY_SECTOR.get(j, ("",))[0]
                urusan = u_up if u_down in ("", u_up) else daftar((u_up, u_down))
                rows.append(_row(province, up, down, "value_chain", jenis="sukarela", urusan=urusan, objek=objek,
                                 topic=f"{i}>{j}", sector=i, sector_b=j, pair=pair, evidence=evidence,
                                 opd=URUSAN_BY_SECTOR[i][1], score=min(1.0, lq_up / 2) * pair["weight"]))
    return _frame(rows)


def resource_candidates(
    regions: pd.DataFrame,
    classes: pd.DataFrame,
    contiguity: pd.DataFrame,
    interaction: pd.DataFrame,
    *,
    province: str,
) -> pd.DataFrame:
    """Shared resources (*sumber daya bersama*): bordering kab/kota that both have a resource
    sector (:data:`~potensi.core.wording.RESOURCE_SECTORS`: A, agriculture, forestry and fisheries) tradable and in a
    top class.

    potensi's rule: two bordering regions that both lead in A most likely draw on one river
    basin, coast or bay (the boundaries do not say which; the evidence names the shared border
    so that the Bappeda can confirm it). ``jenis`` is ``"wajib"``: the pair borders and a shared
    resource has cross-border externalities.
    """
    func = "resource_candidates"
    province = _province(province, func)
    reg, cls = _Regions(regions, func), _Classes(classes, func)
    pairs = _pairs(contiguity, interaction, province, func)
    rows = []
    for pair in pairs[pairs["adjacent"]].to_dict("records"):
        a, b = pair["a"], pair["b"]
        for sector, res in RESOURCE_SECTORS.items():
            if not (cls.top(a, sector) and cls.top(b, sector)):
                continue
            ka, la = cls.get(a, sector)[:2]
            kb, lb = cls.get(b, sector)[:2]
            evidence = COOPERATION_EVIDENCE["resource"].format(
                a=reg.nm(a), b=reg.nm(b), border=angka(pair["shared_border_km"], 0), d=angka(pair["distance_km"], 0),
                kelas_a=ka, kelas_b=kb, sector=_label(sector), lq_a=angka(la, 2), lq_b=angka(lb, 2))
            rows.append(_row(province, a, b, "resource", jenis="wajib", urusan=res["urusan"], objek=res["objek"],
                             topic=f"resource:{sector}", sector=sector, sector_b="", pair=pair, evidence=evidence,
                             opd=res["opd"], score=min(1.0, min(la, lb) / 2) * pair["weight"]))
    return _frame(rows)
