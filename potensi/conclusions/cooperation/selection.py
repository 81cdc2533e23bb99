"""Which candidates a kab/kota can take to the table (filter) and the ranked proposals."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from potensi.conclusions.cooperation.inputs import _in_province, _is_dki_admin, _need
from potensi.conclusions.cooperation.rules import (
    BENTUK_ORDER,
    CANDIDATE_COLUMNS,
    DKI_PROVINCE,
    PROPOSAL_COLUMNS,
    STATE_OUTPUT,
)
from potensi.core.wording import BENTUK, COOPERATION, REJECTION_REASONS, SECTOR_KEYWORDS, TOPIC_KEYWORDS
from potensi.data.regions import region_name

__all__ = ["filter_candidates", "propose"]


def _topic_words(row: dict) -> tuple[str, ...]:
    topic = row["topic"]
    if topic in TOPIC_KEYWORDS:
        words = TOPIC_KEYWORDS[topic]
        return words + tuple(SECTOR_KEYWORDS.get(row["sector_code"], ())) if topic == "knowledge" else words
    return tuple(w for s in (row["sector_code"], row["sector_code_b"]) for w in SECTOR_KEYWORDS.get(s, ()))


def _check(r: dict, state: set, agreements: dict) -> tuple[str, str, str, list[str], list[str]]:
    """One candidate's (region_a, region_b, lokasi_dki, reason codes, alasan texts)."""
    a, b, s, sb = r["region_a"], r["region_b"], r["sector_code"], r["sector_code_b"]
    codes: list[str] = []
    texts: list[str] = []

    def hit(code: str, text: str | None = None) -> None:
        codes.append(code)
        texts.append(REJECTION_REASONS[code] if text is None else text)

    if "B" in (s, sb):
        hit("mining_not_kabkota")
    if "O" in (s, sb):
        hit("government_not_traded")
    side_b = sb if r["bentuk"] == BENTUK["value_chain"] else s  # the sector on region_b's side
    if r["bentuk"] != BENTUK["knowledge"] and ((a, s) in state or (b, side_b) in state):
        hit("state_oil_gas")  # knowledge exchange is not trade: learning from a peer stays possible
    loc = ""
    if _is_dki_admin(a) and _is_dki_admin(b):
        hit("dki_administrative")
    elif _is_dki_admin(a) and b[:2] != DKI_PROVINCE[:2]:
        loc, a = a, DKI_PROVINCE
    elif _is_dki_admin(b) and a[:2] != DKI_PROVINCE[:2]:
        loc, b = b, DKI_PROVINCE
    score = r["score"]
    no_distance = r["bentuk"] != BENTUK["knowledge"] and not np.isfinite(r["distance_km"])
    if not (np.isfinite(score) and score > 0) or not str(r["evidence"]).strip() or no_distance:
        hit("no_evidence")
    words = _topic_words(r)
    for key in {frozenset((r["region_a"], r["region_b"])), frozenset((a, b))}:
        match = next((ag for ag in agreements.get(key, [])
                      if not str(ag["objek"] if pd.notna(ag["objek"]) else "").strip()
                      or any(w in str(ag["objek"]).lower() for w in words)), None)
        if match is not None:
            hit("already_agreed", REJECTION_REASONS["already_agreed"].format(
                objek=match["objek"], tahun=match["tahun"], status=match["status"]))
            break
    return a, b, loc, codes, texts


def filter_candidates(
    candidates: pd.DataFrame,
    *,
    existing: pd.DataFrame | None = None,
    exclude_state_output: bool = True,
    state_output: Iterable[tuple[str, str]] = STATE_OUTPUT,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split candidates into those a kab/kota can lawfully take to the table and the rest.

    Rules (reason identifier, Indonesian ``alasan`` in :data:`~potensi.core.wording.REJECTION_REASONS`):

    * ``mining_not_kabkota``: B on either side (licensing is central/provincial: UU 3/2020,
      UU 23/2014 annex CC);
    * ``government_not_traded``: O on either side;
    * ``state_oil_gas``: with ``exclude_state_output``, a (region, sector) of ``state_output`` on
      its own side (default :data:`~.rules.STATE_OUTPUT`: Bontang C, Balikpapan C, where the LNG plant
      and the refinery dominate and 17 sectors cannot separate them from the rest of C);
    * ``dki_administrative``: both sides are DKI Jakarta's kota/kabupaten administrasi;
    * ``no_evidence``: score missing or ≤ 0, or no evidence sentence, or (except knowledge
      exchange) no distance;
    * ``already_agreed``: ``existing`` (region_a, region_b, objek, tahun, status) has the same
      pair (either order) with an ``objek`` that is empty or mentions a word of the candidate's
      topic (:data:`~potensi.core.wording.TOPIC_KEYWORDS`, :data:`~potensi.core.wording.SECTOR_KEYWORDS`), whatever the status (an ended
      agreement is renewed, not proposed anew); the ``alasan`` quotes it.

    DKI decision: a DKI kota/kabupaten administrasi paired with a region outside DKI is kept, but
    its side becomes the province **3100** (Pemprov DKI Jakarta signs, as a province may with
    kab/kota of other provinces under PP 28/2018); the kota's code stays in ``lokasi_dki``. If
    several DKI kota thus give the same pair and topic, the best-scored is kept and the others
    are rejected as ``dki_merged``.

    Returns
    -------
    (kept, rejected)
        ``kept``: the candidate columns plus ``lokasi_dki``. ``rejected``: the same plus
        ``reason`` (identifiers joined by ``;``, every rule that applies) and ``alasan``.
    """
    func = "filter_candidates"
    _need(candidates, func, "candidates", CANDIDATE_COLUMNS)
    state = {(str(r), str(s)) for r, s in state_output} if exclude_state_output else set()
    agreements: dict[frozenset, list[dict]] = {}
    if existing is not None:
        _need(existing, func, "existing", ["region_a", "region_b", "objek", "tahun", "status"])
        for r in existing.to_dict("records"):
            agreements.setdefault(frozenset((str(r["region_a"]), str(r["region_b"]))), []).append(r)
    c = candidates.copy()
    for col in ("region_a", "region_b", "sector_code", "sector_code_b"):
        c[col] = c[col].fillna("").astype(str)
    checked = [_check(r, state, agreements) for r in c.to_dict("records")]
    c["region_a"] = [x[0] for x in checked]
    c["region_b"] = [x[1] for x in checked]
    c["lokasi_dki"] = [x[2] for x in checked]
    c["reason"] = [";".join(x[3]) for x in checked]
    c["alasan"] = ["; ".join(x[4]) for x in checked]
    # DKI rewrite can make duplicates of (pair, topic): keep the best score
    ok = c["reason"] == ""
    ranked = c[ok].sort_values("score", ascending=False, kind="stable")
    dup = ranked.duplicated(["province_code", "region_a", "region_b", "topic"]) & (ranked["lokasi_dki"] != "")
    merged = dup[dup].index
    c.loc[merged, "reason"] = "dki_merged"
    c.loc[merged, "alasan"] = REJECTION_REASONS["dki_merged"]
    ok = c["reason"] == ""
    kept = c[ok].drop(columns=["reason", "alasan"]).reset_index(drop=True)
    rejected = c[~ok].reset_index(drop=True)
    return kept, rejected



def _facilitator(a: str, b: str) -> str:
    """Who facilitates the agreement (PP 28/2018): the governor for kab/kota of one province, the
    Minister of Home Affairs across a province border."""
    if a[:2] == b[:2]:
        return COOPERATION["facilitator_province"].format(province=region_name(f"{a[:2]}00"))
    return COOPERATION["facilitator_national"]


def _pick(rows: list[dict], max_proposals: int, max_per_pair: int, max_per_bentuk: int) -> list[int]:
    """Positions of the chosen rows (sorted best first), in rank order."""
    chosen: list[int] = []
    pair_n: dict = {}
    bentuk_n: dict = {}
    for top3 in (True, False):  # pass 1: the top three, three different pairs; pass 2: the rest
        for k, r in enumerate(rows):
            if len(chosen) >= (min(3, max_proposals) if top3 else max_proposals):
                break
            if k in chosen or bentuk_n.get(r["bentuk"], 0) >= max_per_bentuk:
                continue
            if pair_n.get(r["_pair"], 0) >= (1 if top3 else max_per_pair):
                continue
            chosen.append(k)
            pair_n[r["_pair"]] = pair_n.get(r["_pair"], 0) + 1
            bentuk_n[r["bentuk"]] = bentuk_n.get(r["bentuk"], 0) + 1
    # across the province border: the best kept candidate with a bordering partner in another
    # province is always in the list (it takes the last place when the list is full)
    border = [k for k, r in enumerate(rows) if bool(r.get("cross_province")) and bool(r.get("adjacent"))]
    if border and not any(k in border for k in chosen):
        if len(chosen) >= max_proposals and len(chosen) > 3:
            chosen.pop()
        if len(chosen) < max_proposals:
            chosen.append(border[0])
    return chosen


def propose(
    candidates: pd.DataFrame,
    *,
    max_proposals: int = 10,
    max_per_pair: int = 2,
    max_per_bentuk: int = 4,
) -> pd.DataFrame:
    """Ranked proposals, at most ``max_proposals`` per study province, from kept candidates.

    Candidates are taken by score (ties: type order of :data:`~potensi.core.wording.BENTUK`, then codes). Diversity
    rules: the first three proposals are three different pairs (so the executive summary never
    names one pair three times); no pair appears more than ``max_per_pair`` times and no type
    more than ``max_per_bentuk`` times in the list; and when a kept candidate has a bordering
    partner in another province, the best such candidate is in the list (potensi's rule: the
    mission asks for cooperation within and across province borders), taking the last place. If the caps leave fewer candidates, fewer
    proposals are returned. One side of every candidate must be a kab/kota of its
    ``province_code`` (or the province itself, for DKI's rewritten side); partners in other
    provinces are allowed.

    Returns
    -------
    pandas.DataFrame
        ``rank, region_a, region_b, jenis, urusan, bentuk, sector_code, adjacent, distance_km,
        evidence, instrumen, opd_pelaksana`` (the ``kerja_sama.csv`` columns), then
        ``province_code, objek, sector_code_b, score``.
    """
    func = "propose"
    _need(candidates, func, "candidates", CANDIDATE_COLUMNS)
    for name, value in (("max_proposals", max_proposals), ("max_per_pair", max_per_pair),
                        ("max_per_bentuk", max_per_bentuk)):
        if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 1:
            raise ValueError(f"{func}: argument {name}={value!r}: expected an integer >= 1")
    c = candidates.copy()
    for col in ("province_code", "region_a", "region_b"):
        c[col] = c[col].astype(str)
    outside = [(p, a, b) for p, a, b in zip(c["province_code"], c["region_a"], c["region_b"])
               if not any(_in_province(x, p) or x == p for x in (a, b))]
    if outside:
        raise ValueError(f"{func}: argument candidates= has pairs with no side in their province_code, e.g. "
                         f"{outside[:3]}; expected one kab/kota of the study province in every pair")
    c["_order"] = c["bentuk"].map(BENTUK_ORDER).fillna(len(BENTUK_ORDER))
    c["_pair"] = [frozenset((a, b)) for a, b in zip(c["region_a"], c["region_b"])]
    c = c.sort_values(["province_code", "score", "_order", "region_a", "region_b", "topic"],
                      ascending=[True, False, True, True, True, True], kind="stable")
    parts = []
    for _, group in c.groupby("province_code", sort=True):
        rows = group.to_dict("records")
        chosen = _pick(rows, max_proposals, max_per_pair, max_per_bentuk)
        sel = pd.DataFrame([rows[k] for k in chosen], columns=group.columns)
        sel.insert(0, "rank", np.arange(1, len(sel) + 1, dtype="int64"))
        sel["instrumen"] = [f"{i}; {_facilitator(a, b)}" for i, a, b in
                            zip(sel["instrumen"], sel["region_a"], sel["region_b"])]
        parts.append(sel)
    cols = [*PROPOSAL_COLUMNS, "province_code", "objek", "sector_code_b", "score"]
    if not parts:
        return pd.DataFrame(columns=cols)
    return pd.concat(parts, ignore_index=True)[cols]
