"""Regions alike elsewhere in Indonesia (*daerah serupa*) and the knowledge-exchange candidates."""

from __future__ import annotations

import numpy as np
import pandas as pd

from potensi.conclusions.cooperation.inputs import (
    _frame,
    _in_province,
    _is_dki_admin,
    _label,
    _need,
    _province,
    _Regions,
    _row,
)
from potensi.conclusions.cooperation.rules import KNOWLEDGE_WEIGHT, SIMILARITY_METHODS, TOP_CLASSES
from potensi.core.numbers import angka
from potensi.core.validate import check_choice
from potensi.core.wording import COOPERATION_EVIDENCE, KNOWLEDGE, URUSAN_BY_SECTOR

__all__ = ["knowledge_candidates", "similar_regions"]


def similar_regions(
    shares_all: pd.DataFrame,
    classes_all: pd.DataFrame,
    *,
    province: str | None = None,
    top: int = 5,
    method: str = "krugman",
    share: str = "share_region_pct",
) -> pd.DataFrame:
    """The kab/kota elsewhere in Indonesia whose economic structure is most like each one's
    (*daerah serupa*), for knowledge exchange.

    Parameters
    ----------
    shares_all
        ``region_code, sector_code`` and the share column (``share_region_pct`` by default, % of
        the region's PDRB), for every kab/kota of Indonesia. Shares are renormalised to sum to 1
        over the sectors present, per region.
    classes_all
        ``region_code, sector_code, kelas`` (top classes give the shared leading sectors).
    province
        Only the kab/kota of this province get peers (default: every kab/kota); peers are kab/kota
        outside the region's own province.
    top
        Peers per region (default 5). Peers are kab/kota of other provinces, never DKI Jakarta's
        kota/kabupaten administrasi (they cannot sign an agreement); those that share at least one
        top-class sector (*unggulan* or *andalan menurun*) with the region come first, then by
        similarity (potensi's rule: a peer is meant to manage the same *potensi unggulan*).
    method
        ``"krugman"`` (default): :math:`S = 1 - \\tfrac12 \\sum_k |s_{ik} - s_{jk}| = \\sum_k
        \\min(s_{ik}, s_{jk})`, one minus half the Krugman dissimilarity index, the share of the
        two economies that has the same structure; ``"cosine"``: :math:`s_i \\cdot s_j /
        (\\lVert s_i \\rVert \\lVert s_j \\rVert)` (dominated by the largest sectors).

    Returns
    -------
    pandas.DataFrame
        ``region_code, rank, peer_code, similarity, shared_sectors`` (the sectors in a top class
        in both, comma-joined, ordered by their share in ``region_code``; empty if none). Ties in
        similarity are broken by peer code.

    References
    ----------
    Krugman, P. (1991). *Geography and Trade*. MIT Press, app. D (index of dissimilarity).

    Examples
    --------
    Shares a (0.5, 0.5), b (0.6, 0.4), c (0.9, 0.1): S(a,b) = 1 − (0.1 + 0.1)/2 = 0.9,
    S(a,c) = 1 − (0.4 + 0.4)/2 = 0.6.

    >>> s = pd.DataFrame({"region_code": ["1101"] * 2 + ["6401"] * 2 + ["7301"] * 2,
    ...                   "sector_code": ["A", "C"] * 3, "share_region_pct": [50, 50, 60, 40, 90, 10]})
    >>> k = s.assign(kelas="lainnya")
    >>> similar_regions(s, k, province="11", top=2)["similarity"].round(6).tolist()
    [0.9, 0.6]
    """
    func = "similar_regions"
    _need(shares_all, func, "shares_all", ["region_code", "sector_code", share])
    _need(classes_all, func, "classes_all", ["region_code", "sector_code", "kelas"])
    check_choice(method, SIMILARITY_METHODS, func, "method")
    if isinstance(top, bool) or not isinstance(top, int | np.integer) or top < 1:
        raise ValueError(f"{func}: argument top={top!r}: expected an integer >= 1")
    prov = None if province is None else _province(province, func)
    s = shares_all.assign(region_code=shares_all["region_code"].astype(str),
                          sector_code=shares_all["sector_code"].astype(str))
    s = s.loc[~s["region_code"].str.endswith("00")]
    if s.duplicated(["region_code", "sector_code"]).any():
        raise ValueError(f"{func}: argument shares_all= has more than one row per region and sector; "
                         "expected one year")
    wide = s.pivot(index="region_code", columns="sector_code", values=share).astype(float).fillna(0.0)
    total = wide.sum(axis=1)
    if (total <= 0).any():
        raise ValueError(f"{func}: argument shares_all=: region(s) {total.index[total <= 0].tolist()} have no "
                         "positive share; expected shares of PDRB")
    x = wide.to_numpy() / total.to_numpy()[:, None]
    codes = wide.index.to_numpy(dtype=str)
    if method == "krugman":
        sim = np.minimum(x[:, None, :], x[None, :, :]).sum(axis=2)
    else:
        norm = np.linalg.norm(x, axis=1)
        sim = (x @ x.T) / np.outer(norm, norm)
    c = classes_all.assign(region_code=classes_all["region_code"].astype(str),
                           sector_code=classes_all["sector_code"].astype(str))
    top_sets = c[c["kelas"].astype(str).isin(TOP_CLASSES)].groupby("region_code")["sector_code"].agg(set).to_dict()
    sectors = wide.columns.to_numpy(dtype=str)
    rows = []
    for i, code in enumerate(codes):
        if prov is not None and not _in_province(code, prov):
            continue
        # peers: autonomous kab/kota elsewhere (DKI's kota/kabupaten administrasi cannot sign an
        # agreement); those sharing at least one top-class sector with this region come first
        others = np.array([k for k in range(len(codes)) if codes[k][:2] != code[:2] and not _is_dki_admin(codes[k])],
                          dtype=int)
        if not len(others):
            continue
        mine = top_sets.get(code, set())
        order = sorted(others, key=lambda k: (not (mine & top_sets.get(codes[k], set())), -sim[i, k], codes[k]))[:top]
        by_share = [sectors[k] for k in np.argsort(-x[i], kind="stable")]
        for rank, k in enumerate(order, start=1):
            shared = [sc for sc in by_share if sc in mine and sc in top_sets.get(codes[k], set())]
            rows.append({"region_code": code, "rank": rank, "peer_code": codes[k], "similarity": float(sim[i, k]),
                         "shared_sectors": ",".join(shared)})
    out = pd.DataFrame(rows, columns=["region_code", "rank", "peer_code", "similarity", "shared_sectors"])
    return out.astype({"rank": "int64", "similarity": "float64"}).reset_index(drop=True)


def knowledge_candidates(
    similar: pd.DataFrame,
    *,
    province: str,
    regions: pd.DataFrame | None = None,
    contiguity: pd.DataFrame | None = None,
    interaction: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Knowledge exchange (*pertukaran pengetahuan*, ``jenis`` ``"sukarela"``, any distance)
    from the :func:`similar_regions` table.

    One candidate per region and peer. ``sector_code`` is the first shared leading sector that
    is a kab/kota affair (not B or O), else the first shared one (so that the filter can say why
    a mining-only pair is rejected); ``urusan`` and the OPD are that sector's
    (:data:`~potensi.core.wording.URUSAN_BY_SECTOR`), else :data:`~potensi.core.wording.KNOWLEDGE`'s fallback. Score
    ``KNOWLEDGE_WEIGHT × similarity``, 0 when no leading sector is shared. ``regions`` adds names
    to the evidence; ``contiguity``/``interaction`` fill ``adjacent``/``distance_km`` where the peer
    happens to be a neighbour (otherwise False / NaN).
    """
    func = "knowledge_candidates"
    province = _province(province, func)
    _need(similar, func, "similar", ["region_code", "rank", "peer_code", "similarity", "shared_sectors"])
    names = {} if regions is None else _Regions(regions, func).name
    adj, dist = set(), {}
    if contiguity is not None:
        _need(contiguity, func, "contiguity", ["region_a", "region_b"])
        adj = {frozenset((str(a), str(b))) for a, b in zip(contiguity["region_a"], contiguity["region_b"])}
    if interaction is not None:
        _need(interaction, func, "interaction", ["region_a", "region_b", "distance_km"])
        dist = {frozenset((str(a), str(b))): float(d) for a, b, d in
                zip(interaction["region_a"], interaction["region_b"], interaction["distance_km"])}
    rows = []
    for r in similar.to_dict("records"):
        a, b = str(r["region_code"]), str(r["peer_code"])
        if not _in_province(a, province):
            continue
        shared = [x for x in str(r["shared_sectors"] if pd.notna(r["shared_sectors"]) else "").split(",") if x]
        usable = [x for x in shared if x not in ("B", "O")]
        sector = (usable or shared or [""])[0]
        urusan, opd = URUSAN_BY_SECTOR.get(sector, (KNOWLEDGE["urusan"], KNOWLEDGE["opd"]))
        key = frozenset((a, b))
        pair = {"adjacent": key in adj, "cross_province": a[:2] != b[:2], "distance_km": dist.get(key, np.nan)}
        evidence = COOPERATION_EVIDENCE["knowledge"].format(
            a=names.get(a, a), b=names.get(b, b), sim=angka(float(r["similarity"]), 3), rank=int(r["rank"]),
            shared=", ".join(_label(x) for x in shared) if shared else KNOWLEDGE["none_shared"])
        objek = KNOWLEDGE["objek"].format(sector=_label(sector) if sector else KNOWLEDGE["no_sector"])
        score = KNOWLEDGE_WEIGHT * float(r["similarity"]) if shared else 0.0
        rows.append(_row(province, a, b, "knowledge", jenis="sukarela", urusan=urusan, objek=objek, topic="knowledge",
                         sector=sector, sector_b="", pair=pair, evidence=evidence, opd=opd, score=score))
    return _frame(rows)
