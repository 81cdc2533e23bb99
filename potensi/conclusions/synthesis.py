"""Synthesis: the *sektor unggulan* of each region and ranked cooperation opportunities.

The sector-indicator tables (LQ, DLQ, shift-share, MRP overlay, sector Klassen typology) are
taken as arguments, so this module depends only on their column names:

=================  ================================================================================
``lq``             region_code, sector_code, year, lq
``dlq``            region_code, sector_code, start_year, end_year, dlq
``shift_share``    region_code, sector_code, start_year, end_year, competitive_effect
``mrp``            region_code, sector_code, start_year, end_year, overlay (signs RPr, RPs, LQ)
``klassen_sector`` region_code, sector_code, start_year, end_year, klassen
=================  ================================================================================

Five methods vote; a sector's ``score`` counts the votes and :class:`UnggulanRule` turns the
score into a label. Every output row keeps the numbers that produced it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from potensi.indicators.typology import KLASSEN_SECTOR_LABELS

__all__ = [
    "KLASSEN_QUADRANT_I",
    "KLASSEN_QUADRANT_I_LABELS",
    "OVERLAY_ALL_POSITIVE",
    "UNGGULAN_LABELS",
    "UNGGULAN_RULE",
    "METHODS",
    "UnggulanRule",
    "cooperation_opportunities",
    "sektor_unggulan",
]

#: Label of quadrant I in the sector Klassen table (first category of
#: :data:`potensi.indicators.typology.KLASSEN_SECTOR_LABELS`).
KLASSEN_QUADRANT_I = str(KLASSEN_SECTOR_LABELS.categories[0])
#: Labels counted as quadrant I by default.
KLASSEN_QUADRANT_I_LABELS = (KLASSEN_QUADRANT_I,)
#: MRP overlay with all three signs positive (RPr, RPs, LQ).
OVERLAY_ALL_POSITIVE = "+++"
#: Final labels, strongest first.
UNGGULAN_LABELS = pd.CategoricalDtype(["sektor unggulan", "sektor potensial", "bukan sektor unggulan"], ordered=True)
#: The five methods in the order they are reported: (flag column, description).
METHODS = {
    "flag_lq": "LQ > 1 (sektor basis)",
    "flag_dlq": "DLQ > 1 (makin terspesialisasi)",
    "flag_competitive": "keunggulan kompetitif shift-share (CE) > 0",
    "flag_klassen": f"Klassen sektoral kuadran I ({KLASSEN_QUADRANT_I})",
    "flag_overlay": f"overlay MRP {OVERLAY_ALL_POSITIVE}",
}


_KEY = ["region_code", "sector_code"]


@dataclass(frozen=True)
class UnggulanRule:
    """Rule from votes to label.

    * ``sektor unggulan``: ``score >= min_score_unggulan`` and, if ``require_basis``, LQ > 1
      (a leading sector must already be a basis today);
    * ``sektor potensial``: otherwise ``score >= min_score_potensial``;
    * ``bukan sektor unggulan``: the rest.

    The default (4 of 5 with LQ > 1; 2 of 5) follows the common Indonesian practice of naming
    a sector *unggulan* only when the static (LQ), dynamic (DLQ, shift-share) and growth-
    structure (Klassen, MRP) views agree (e.g. Tarigan 2005; Kuncoro 2004).
    """

    min_score_unggulan: int = 4
    min_score_potensial: int = 2
    require_basis: bool = True


UNGGULAN_RULE = UnggulanRule()


def _pick_period(table: pd.DataFrame | None, name: str, cols: list[str], start, end,
                 key: list[str] = _KEY) -> pd.DataFrame | None:
    func = "sektor_unggulan"
    if table is None:
        return None
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"{func}: argument {name} is a {type(table).__name__}; expected a pandas DataFrame")
    missing = [c for c in _KEY + cols if c not in table.columns]
    if missing:
        raise ValueError(f"{func}: argument {name} lacks column(s) {missing}; available: {list(table.columns)}")
    t = table
    if "start_year" in t.columns and start is not None:
        t = t[t["start_year"] == start]
    if "end_year" in t.columns and end is not None:
        t = t[t["end_year"] == end]
    if t.duplicated(key).any():
        periods = sorted(set(zip(t["start_year"], t["end_year"]))) if "start_year" in t.columns else "?"
        raise ValueError(f"{func}: argument {name} has several periods {periods}; expected one "
                         "(pass start= and end=)")
    out = t[_KEY + cols]
    if "start_year" in t.columns and "end_year" in t.columns:
        out.attrs["periods"] = set(zip(t["start_year"].astype(int), t["end_year"].astype(int)))
    return out


def sektor_unggulan(
    lq: pd.DataFrame,
    dlq: pd.DataFrame | None = None,
    shift_share: pd.DataFrame | None = None,
    mrp: pd.DataFrame | None = None,
    klassen_sector: pd.DataFrame | None = None,
    *,
    start: int | None = None,
    end: int | None = None,
    lq_year: int | None = None,
    rule: UnggulanRule = UNGGULAN_RULE,
    klassen_label: str | tuple[str, ...] = KLASSEN_QUADRANT_I_LABELS,
    overlay_label: str = OVERLAY_ALL_POSITIVE,
) -> pd.DataFrame:
    """Sektor unggulan per region: which methods flag each sector, and the final label.

    Parameters
    ----------
    lq, dlq, shift_share, mrp, klassen_sector
        The sector-indicator tables (columns in the module docstring). A table passed as
        ``None`` is a method not available: its flag is missing (``<NA>``), ``n_methods``
        counts the methods that could vote and ``reason`` names the missing ones.
    start, end
        The period of the dynamic tables (required when a table holds several periods).
    lq_year
        Year of the LQ (default ``end``, else the latest year in ``lq``).
    rule
        :class:`UnggulanRule` (default :data:`UNGGULAN_RULE`).
    klassen_label, overlay_label
        The quadrant-I label(s) (default :data:`KLASSEN_QUADRANT_I_LABELS`) and the
        all-positive overlay that count as a vote.

    Returns
    -------
    pandas.DataFrame
        ``region_code, sector_code, start_year, end_year, lq_year, lq, dlq, competitive_effect,
        klassen_sector, overlay, flag_lq, flag_dlq, flag_competitive, flag_klassen,
        flag_overlay, score, n_methods, methods, label, rank, reason``. ``methods`` lists the
        votes in words; ``rank`` orders a region's sectors by label, score, then LQ.

    Notes
    -----
    .. math:: \\text{score}_{ij} = [LQ_{ij} > 1] + [DLQ_{ij} > 1] + [CE_{ij} > 0]
              + [\\text{Klassen}_{ij} = \\text{I}] + [\\text{overlay}_{ij} = +{+}+]

    The label follows :class:`UnggulanRule`.

    References
    ----------
    Tarigan, R. (2005). *Ekonomi Regional: Teori dan Aplikasi*. Bumi Aksara. Kuncoro, M. (2004).
    *Otonomi dan Pembangunan Daerah*. Erlangga.

    Examples
    --------
    >>> q = pd.DataFrame({"region_code": ["a", "a"], "sector_code": ["x", "y"], "year": 2020,
    ...                   "lq": [1.6, 0.7]})
    >>> d = pd.DataFrame({"region_code": ["a", "a"], "sector_code": ["x", "y"], "start_year": 2013,
    ...                   "end_year": 2020, "dlq": [1.2, 1.1]})
    >>> s = pd.DataFrame({"region_code": ["a", "a"], "sector_code": ["x", "y"], "start_year": 2013,
    ...                   "end_year": 2020, "competitive_effect": [5.0, -1.0]})
    >>> m = pd.DataFrame({"region_code": ["a", "a"], "sector_code": ["x", "y"], "start_year": 2013,
    ...                   "end_year": 2020, "overlay": ["+++", "-+-"]})
    >>> k = pd.DataFrame({"region_code": ["a", "a"], "sector_code": ["x", "y"], "start_year": 2013,
    ...                   "end_year": 2020, "klassen": [KLASSEN_QUADRANT_I, "sektor terbelakang"]})
    >>> sektor_unggulan(q, d, s, m, k)[["sector_code", "score", "label"]].values.tolist()
    [['x', 5, 'sektor unggulan'], ['y', 1, 'bukan sektor unggulan']]
    """
    func = "sektor_unggulan"
    if lq is None:
        raise ValueError(f"{func}: argument lq is None; expected the LQ table (region_code, sector_code, year, lq)")
    lq_t = _pick_period(lq, "lq", ["year", "lq"], None, None, key=_KEY + ["year"])
    if lq_year is None:
        lq_year = int(end) if end is not None and (lq_t["year"] == end).any() else int(lq_t["year"].max())
    lq_t = lq_t[lq_t["year"] == lq_year].drop(columns="year")
    if lq_t.empty:
        raise ValueError(f"{func}: argument lq_year={lq_year}: no LQ rows for that year; "
                         f"expected one of {sorted(set(lq['year']))}")
    tables = {
        "dlq": _pick_period(dlq, "dlq", ["dlq"], start, end),
        "shift_share": _pick_period(shift_share, "shift_share", ["competitive_effect"], start, end),
        "mrp": _pick_period(mrp, "mrp", ["overlay"], start, end),
        "klassen_sector": _pick_period(klassen_sector, "klassen_sector", ["klassen"], start, end),
    }
    periods = set()
    for t in tables.values():
        if t is not None:
            periods |= t.attrs.get("periods", set())
    if len(periods) > 1:
        raise ValueError(f"{func}: the dynamic tables cover different periods {sorted(periods)}; "
                         "expected one (pass start= and end=)")
    p_start, p_end = next(iter(periods)) if periods else (start, end)
    out = lq_t
    for t in tables.values():
        if t is not None:
            out = out.merge(t, on=_KEY, how="outer")
    for col in ("dlq", "competitive_effect", "overlay", "klassen"):
        if col not in out:
            out[col] = np.nan
    out = out.rename(columns={"klassen": "klassen_sector"})

    def flag(values: pd.Series, test) -> pd.Series:
        res = pd.array(test(values), dtype="boolean")
        res[values.isna().to_numpy()] = pd.NA
        return res

    out["flag_lq"] = flag(out["lq"], lambda v: v.astype(float) > 1)
    out["flag_dlq"] = flag(out["dlq"], lambda v: v.astype(float) > 1)
    out["flag_competitive"] = flag(out["competitive_effect"], lambda v: v.astype(float) > 0)
    quadrant_i = {klassen_label} if isinstance(klassen_label, str) else set(klassen_label)
    out["flag_klassen"] = flag(out["klassen_sector"], lambda v: v.astype(object).isin(quadrant_i))
    out["flag_overlay"] = flag(out["overlay"], lambda v: v.astype(object) == overlay_label)
    flags = out[list(METHODS)]
    out["score"] = flags.fillna(False).astype(int).sum(axis=1).astype("int64")
    out["n_methods"] = flags.notna().sum(axis=1).astype("int64")
    words = np.array(list(METHODS.values()), dtype=object)
    hit = flags.fillna(False).to_numpy(dtype=bool)
    out["methods"] = ["; ".join(words[row]) for row in hit]
    basis_ok = out["flag_lq"].fillna(False).to_numpy(dtype=bool) | (not rule.require_basis)
    score = out["score"].to_numpy()
    code = np.where((score >= rule.min_score_unggulan) & basis_ok, 0,
                    np.where(score >= rule.min_score_potensial, 1, 2))
    out["label"] = pd.Categorical.from_codes(code, dtype=UNGGULAN_LABELS)
    absent = [n for n, t in tables.items() if t is None]
    lacking = flags.isna().to_numpy()
    reason = []
    for row in lacking:
        names = [m.removeprefix("flag_") for m, miss in zip(METHODS, row) if miss]
        reason.append(f"no vote from: {', '.join(names)}" if names else "")
    out["reason"] = reason
    if absent:
        out.attrs["absent_tables"] = absent
    out["start_year"], out["end_year"], out["lq_year"] = p_start, p_end, lq_year
    out = out.sort_values(["region_code", "label", "score", "lq"], ascending=[True, True, False, False])
    out["rank"] = out.groupby("region_code").cumcount() + 1
    cols = ["region_code", "sector_code", "start_year", "end_year", "lq_year", "lq", "dlq", "competitive_effect",
            "klassen_sector", "overlay", *METHODS, "score", "n_methods", "methods", "label", "rank", "reason"]
    return out[cols].reset_index(drop=True)


def cooperation_opportunities(
    complementarity: pd.DataFrame,
    interaction: pd.DataFrame,
    *,
    unggulan: pd.DataFrame | None = None,
    only_unggulan: bool = False,
    top: int | None = None,
) -> pd.DataFrame:
    """Rank cooperation opportunities between region pairs by sector.

    Parameters
    ----------
    complementarity
        :func:`potensi.indicators.interaction.complementarity` output (``sector_code, supplier, partner,
        lq_supplier, lq_partner, complementarity``).
    interaction
        :func:`potensi.indicators.interaction.gravity_interaction` output (``region_a, region_b,
        distance_km, interaction, interaction_index``).
    unggulan
        Optional :func:`sektor_unggulan` output: adds the supplier's label and score for the
        sector, as evidence.
    only_unggulan
        Keep only pairs whose supplier has the sector labelled ``sektor unggulan``.
    top
        Keep the ``top`` best rows overall.

    Returns
    -------
    pandas.DataFrame
        ``rank, sector_code, supplier, partner, lq_supplier, lq_partner, complementarity,
        distance_km, interaction, interaction_index, score, rank_in_sector, supplier_label,
        supplier_score, evidence``.

    Notes
    -----
    .. math:: \\text{score}_{abj} = C_{abj} \\cdot \\frac{I_{ab}}{\\max I}

    complementarity (:func:`potensi.indicators.interaction.complementarity`) weighted by the gravity
    interaction index of the pair: a large gap in specialisation between two regions that
    interact strongly (large, close) ranks first.

    Examples
    --------
    >>> c = pd.DataFrame({"sector_code": ["x", "y"], "supplier": ["a", "b"], "partner": ["b", "a"],
    ...                   "lq_supplier": [1.5, 1.2], "lq_partner": [0.5, 0.9], "complementarity": [1.0, 0.3]})
    >>> i = pd.DataFrame({"region_a": ["a"], "region_b": ["b"], "distance_km": [100.0],
    ...                   "interaction": [2.0], "interaction_index": [1.0]})
    >>> cooperation_opportunities(c, i)[["rank", "sector_code", "score"]].values.tolist()
    [[1, 'x', 1.0], [2, 'y', 0.3]]
    """
    func = "cooperation_opportunities"
    need_c = ["sector_code", "supplier", "partner", "lq_supplier", "lq_partner", "complementarity"]
    need_i = ["region_a", "region_b", "distance_km", "interaction", "interaction_index"]
    for table, need, arg in ((complementarity, need_c, "complementarity"), (interaction, need_i, "interaction")):
        missing = [c for c in need if c not in table.columns]
        if missing:
            raise ValueError(f"{func}: argument {arg} lacks column(s) {missing}; available: {list(table.columns)}")
    c = complementarity[need_c].copy()
    sup = c["supplier"].astype(str).to_numpy(dtype=object)
    par = c["partner"].astype(str).to_numpy(dtype=object)
    first = sup < par
    c["region_a"], c["region_b"] = np.where(first, sup, par), np.where(first, par, sup)
    i = interaction[need_i].copy()
    i["region_a"], i["region_b"] = i["region_a"].astype(str), i["region_b"].astype(str)
    out = c.merge(i, on=["region_a", "region_b"], how="left").drop(columns=["region_a", "region_b"])
    out["score"] = out["complementarity"] * out["interaction_index"]
    if unggulan is not None:
        u = unggulan[["region_code", "sector_code", "label", "score"]].rename(
            columns={"region_code": "supplier", "label": "supplier_label", "score": "supplier_score"})
        out = out.merge(u, on=["supplier", "sector_code"], how="left")
        if only_unggulan:
            out = out[out["supplier_label"] == UNGGULAN_LABELS.categories[0]]
    else:
        out["supplier_label"], out["supplier_score"] = pd.NA, pd.NA
    out = out.sort_values(["score", "complementarity"], ascending=False, na_position="last").reset_index(drop=True)
    out["rank"] = np.arange(1, len(out) + 1)
    out["rank_in_sector"] = out.groupby("sector_code").cumcount() + 1
    label = out["supplier_label"].astype(object).where(out["supplier_label"].notna(), "")
    out["evidence"] = (
        "LQ " + out["supplier"].astype(str) + " " + out["lq_supplier"].round(2).astype(str) + " > 1 ≥ LQ "
        + out["partner"].astype(str) + " " + out["lq_partner"].round(2).astype(str)
        + "; interaction index " + out["interaction_index"].round(3).astype(str)
        + " (" + out["distance_km"].round(0).astype(str) + " km)"
        + np.where(label != "", "; supplier: " + label.astype(str), "")
    )
    if top is not None:
        out = out.head(int(top))
    cols = ["rank", "sector_code", "supplier", "partner", "lq_supplier", "lq_partner", "complementarity",
            "distance_km", "interaction", "interaction_index", "score", "rank_in_sector", "supplier_label",
            "supplier_score", "evidence"]
    return out[cols]
