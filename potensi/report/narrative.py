"""Generated paragraphs (Bahasa Indonesia) for the reports; every number is computed from the tables.

Wording rules kept here:

* LQ speaks of *share* (peran, pangsa), never of growth: "LQ > 1: peran sektor di daerah lebih
  besar daripada perannya di wilayah acuan" — growth claims come from DLQ, shift-share or MRP.
* DLQ speaks of *share* too: DLQ > 1 means the sector's share of the region's PDRB rose
  relative to its share in the reference, which also happens when the region's total shrinks.
* MRP "menonjol" comes from the signs (differences of growth rates), never from ratio > 1.
* A share is always said to be ADHK (constant 2010 prices); ADHB is shown beside it where BPS
  publishes it (province level).
* "meningkat"/"menurun" only beyond a tolerance (:data:`TREND_TOLERANCE`), else "relatif tetap".
* A classification is always given with its rule and its source (e.g. Klassen: Sjafrizal 2008);
  where the sources disagree or could not be quoted (the SLQ×DLQ words) the text says the
  label set is potensi's.
* Numbers are Indonesian (``1.234,5``; ``12,3 %``; miliar rupiah); years are plain.
* A section whose data is missing says so and why, rather than disappearing.

Each function returns an ``IPython.display.Markdown`` object (rendered as a paragraph in the
notebook and in the HTML).
"""

from __future__ import annotations

import pandas as pd

from potensi.core.codes import NATIONAL_CODE, TOTAL_CODE
from potensi.core.wording import FINDINGS, METHOD_CITATIONS, NARRATIVE
from potensi.data.sectors import SECTORS
from potensi.indicators.location_quotient import SLQ_DLQ_LABELS, SLQ_DLQ_RULES
from potensi.report.formatting import angka, daftar, md_escape, persen, poin_persen, rupiah
from potensi.report.narrative_regional import TREND_TOLERANCE, _beta_text, _direction, _williamson_trend  # noqa: F401
from potensi.study.regional_tables import WITHOUT_MINING

__all__ = [
    "judul",
    "catatan_data",
    "struktur",
    "pertumbuhan",
    "sektor_basis",
    "shift_share",
    "klassen",
    "mrp",
    "ketimpangan",
    "konvergensi",
    "terhadap_indonesia",
    "kualitas_data",
    "nasional",
    "CITATIONS",
    "TREND_TOLERANCE",
]


_LABEL = dict(zip(SECTORS["sector_code"], SECTORS["sector_label"]))
_T = NARRATIVE

#: The rule and the source of each label used in the reports (the words: :data:`potensi.core.wording.METHOD_CITATIONS`).
CITATIONS = {
    **METHOD_CITATIONS,
    "slq_dlq": METHOD_CITATIONS["slq_dlq"].format(classes=", ".join(
        f"{label} ({rule.replace('<=', '≤')})"
        for label, rule in zip(SLQ_DLQ_LABELS["potensi"].categories, SLQ_DLQ_RULES, strict=True)
    )),
}


def _md(text: str):
    from IPython.display import Markdown

    return Markdown(text)


def _col(frame: pd.DataFrame, *names: str) -> str | None:
    return next((n for n in names if n in frame.columns), None)


def _name(a, code: str) -> str:
    """The region's name, escaped for Markdown (names come from data)."""
    hit = a.pdrb.loc[a.pdrb["region_code"] == code, "region_name"]
    return md_escape(str(hit.iloc[0]) if len(hit) else code)


def _gap(a, name: str) -> str:
    """Why a section is missing: a pointer to the coverage note when that note already says it
    (no kab/kota data, no national comparison), else the study's own reason."""
    if not a.has_members or (name == "nasional" and not a.has_national):
        return _T["see_coverage"]
    return a.gap_for(name)


def _skipped(a, subject: str, name: str):
    """The one line of a section whose table is missing."""
    return _md(_T["not_computed"].format(what=_T[f"subject_{subject}"], why=_gap(a, name)))


def judul(a):
    """Title and one-line scope of the report."""
    return _md(_T["title"].format(
        kind=_T["title_kind"], name=md_escape(a.province_name), start=a.start_year, end=a.end_year,
        reference=_T["reference_published"] if a.reference == "published" else _T["reference_sum"],
        excluded=_T["excluded"].format(sectors=daftar(_LABEL[s] for s in a.excluded_sectors))
        if a.excluded_sectors else ""))


def catatan_data(a):
    """The gaps of this report, stated before the analysis (empty when nothing is missing)."""
    if not a.gaps:
        return _md("")
    gaps = list(a.gaps)
    lead = []
    if not a.has_members and a.start_year >= 2023:  # a province of the 2022 Papua pemekaran: say it once
        t = a.tables["pdrb_tahunan"]
        t = t[t["region_code"] == a.province_code]
        status = _T["status_provisional"] if len(t) and t["provisional"].all() else _T["status_bps"]
        lead = [FINDINGS["new_province"].format(name=md_escape(a.province_name), start=a.start_year, end=a.end_year,
                                                status=status)]
        gaps = [g for g in gaps if g.tag not in ("jendela", "kabkota", "nasional")]
    items = "\n".join([f"- {x}" for x in lead] + [f"- {g.text}" for g in gaps])
    return _md(_T["coverage"].format(items=items))


def _totals(a, code: str) -> pd.DataFrame:
    t = a.tables["pdrb_tahunan"]
    return t[t["region_code"] == code].sort_values("year")


def pertumbuhan(a):
    """Level and growth of the province's PDRB, against Indonesia when available."""
    t = _totals(a, a.province_code)
    first, last = t.iloc[0], t.iloc[-1]
    mg = a.tables["pertumbuhan_rata"].set_index("region_code")
    g = mg.loc[a.province_code, "mean_growth_pct"]
    grown = t.dropna(subset=["growth_pct"])
    name = md_escape(a.province_name)
    text = _T["growth_level"].format(name=name, v0=rupiah(first["value"]), y0=first["year"],
                                     v1=rupiah(last["value"]), y1=last["year"])
    if len(grown) >= 2:
        worst = grown.sort_values(["growth_pct", "year"]).iloc[0]
        best = grown.sort_values(["growth_pct", "year"], ascending=[False, True]).iloc[0]
        text += _T["growth_range"].format(g=persen(g, 2), best=persen(best["growth_pct"]), best_year=best["year"],
                                          worst=persen(worst["growth_pct"]), worst_year=worst["year"])
    else:
        text += _T["growth_only"].format(g=persen(g, 2))
    if NATIONAL_CODE in mg.index:
        gn = mg.loc[NATIONAL_CODE, "mean_growth_pct"]
        rel = _T["faster"] if g > gn else _T["slower"]
        text += _T["growth_vs_sum"].format(gn=persen(gn, 2), name=name, rel=rel, diff=poin_persen(g - gn, 2))
    else:
        official = _official_mean_growth(a)
        if official is not None:
            rel = _T["faster"] if g > official else _T["slower"]
            text += _T["growth_vs_official"].format(gn=persen(official, 2), name=name, rel=rel,
                                                    diff=poin_persen(g - official, 2))
    if t["provisional"].any():
        text += _T["provisional_years"].format(years=daftar(str(y) for y in t.loc[t["provisional"], "year"]))
    return _md(text)


def _official_mean_growth(a) -> float | None:
    """Mean yearly growth (%) of Indonesia's published PDB over the whole window, or None."""
    from potensi.report.panels import official_growth

    off = official_growth(a)
    if len(off) < 2 or off["year"].min() != a.start_year or off["year"].max() != a.end_year:
        return None
    n = a.end_year - a.start_year
    return float(100 * ((off["value"].iloc[-1] / off["value"].iloc[0]) ** (1 / n) - 1))


def _adhb_shares(a, year: int) -> pd.Series:
    """Sector shares (%) of the province's PDRB at current prices (ADHB) in ``year``, by sector code.

    From ``a.tables["struktur_adhb"]`` when the study provides it, else from the published ADHB
    figures (BPS publishes them for provinces, not for kab/kota); empty when there are none.
    """
    t = a.tables.get("struktur_adhb")
    if t is not None and len(t):
        d = t[(t["region_code"] == a.province_code) & (t["year"] == year)]
        return d.set_index("sector_code")["share_pct"]
    try:
        from potensi.data.store import province_pdrb

        d = province_pdrb(a.province_code, price_basis="ADHB")
    except (OSError, ValueError, KeyError):
        return pd.Series(dtype=float)
    d = d[(d["region_code"] == a.province_code) & (d["year"] == year) & (d["sector_code"] != TOTAL_CODE)]
    if d.empty or d["value"].isna().any():
        return pd.Series(dtype=float)
    return (100 * d.set_index("sector_code")["value"] / d["value"].sum()).astype(float)


def _share(value: float, adhb: pd.Series, sector: str) -> str:
    """``"47,2 % ADHK; 41,3 % ADHB"`` (ADHB only where published)."""
    text = _T["share_adhk"].format(share=persen(value))
    if sector in adhb.index and pd.notna(adhb[sector]):
        text += _T["share_adhb"].format(share=persen(adhb[sector]))
    return text


def struktur(a):
    """The largest sectors of the province and how the structure moved between the window's ends.

    Shares are of PDRB at constant 2010 prices (ADHK), the basis of every indicator; BPS's
    *distribusi* is at current prices (ADHB), shown beside where published (Kaltim mining 2020:
    47,2 % ADHK, 41,3 % ADHB).
    """
    s = a.tables["struktur"]
    p = s[s["region_code"] == a.province_code]
    end = p[p["year"] == a.end_year].sort_values(["share_pct", "sector_code"], ascending=[False, True])
    start = p[p["year"] == a.start_year].set_index("sector_code")["share_pct"]
    top = end.head(3)
    adhb = _adhb_shares(a, a.end_year)
    parts = [f"{r.sector_label} ({_share(r.share_pct, adhb, r.sector_code)})" for r in top.itertuples()]
    text = _T["structure_top"].format(name=md_escape(a.province_name), year=a.end_year, parts=daftar(parts),
                                      total=persen(top["share_pct"].sum()))
    if len(adhb):
        text += _T["structure_adhb"]
    delta = (end.set_index("sector_code")["share_pct"] - start).dropna()
    if len(delta):
        up, down = delta.idxmax(), delta.idxmin()
        text += _T["structure_change"].format(start=a.start_year, end=a.end_year, up=_LABEL[up],
                                              d_up=poin_persen(delta[up]), down=_LABEL[down],
                                              d_down=poin_persen(delta[down]))
    return _md(text)


def sektor_basis(a):
    """LQ (share), DLQ and the SLQ×DLQ classes, worded as share vs growth."""
    lq = a.tables.get("lq")
    if lq is None or not len(lq):
        return _skipped(a, "lq", "lq")
    d = lq[lq["year"] == lq["year"].max()]
    n_basis = d[d["lq"] > 1].groupby("region_code").size()
    top = d.sort_values(["lq", "region_code", "sector_code"], ascending=[False, True, True]).iloc[0]
    text = _T["lq"].format(name=md_escape(a.province_name), year=int(d["year"].max()), n_min=angka(n_basis.min(), 0),
                           n_max=angka(n_basis.max(), 0), sector=_LABEL.get(top["sector_code"], top["sector_code"]),
                           region=_name(a, top["region_code"]), lq=angka(top["lq"], 2), rule=CITATIONS["lq"])
    dlq = a.tables.get("dlq")
    if dlq is not None and "slq_dlq_class" in dlq.columns:
        counts = dlq["slq_dlq_class"].astype(str).value_counts()
        parts = [f"{k} {angka(counts.get(k, 0), 0)}" for k in dlq["slq_dlq_class"].cat.categories]
        text += _T["dlq"].format(start=a.start_year, end=a.end_year, name=md_escape(a.province_name),
                                 caveat=_dlq_caveat(a, dlq), parts=daftar(parts), rule_dlq=CITATIONS["dlq"],
                                 rule_slq_dlq=CITATIONS["slq_dlq"])
    return _md(text)


def _dlq_caveat(a, dlq: pd.DataFrame) -> str:
    """How many DLQ > 1 are share rises without faster growth, and where the region's total shrank."""
    if "dlq_note" not in dlq.columns:
        return ""
    up = dlq[dlq["dlq"] > 1]
    if up.empty:
        return ""
    note = up["dlq_note"].astype(str)
    slower = note.str.contains("sector growth not above", regex=False)
    text = _T["dlq_slower"].format(n_up=angka(len(up), 0), n_slower=angka(int(slower.sum()), 0),
                                   name=md_escape(a.province_name))
    shrink = up[note.str.contains("shrank", regex=False)]
    if len(shrink):
        n_sectors = dlq.groupby("region_code")["sector_code"].size()
        parts = []
        for r, g in shrink.groupby("region_code", sort=True):
            gj = g["region_growth_pct"].iloc[0] if "region_growth_pct" in g.columns else float("nan")
            parts.append(_T["dlq_shrink_item"].format(region=_name(a, r), n=angka(len(g), 0),
                                                      n_sectors=angka(n_sectors[r], 0), g=persen(gj, 2)))
        text += _T["dlq_shrink"].format(items=daftar(parts))
    return text


def shift_share(a):
    ss = a.tables.get("shift_share")
    if ss is None or not len(ss):
        return _skipped(a, "shift_share", "shift_share")
    tot = ss.groupby("region_code")[["change", "national_share", "industry_mix", "competitive_effect"]].sum()
    pos = tot[tot["competitive_effect"] > 0].index
    names = (_T["shift_share_names"].format(names=daftar(_name(a, r) for r in sorted(pos)))
             if 0 < len(pos) <= 6 else "")
    text = _T["shift_share"].format(start=a.start_year, end=a.end_year, n_pos=angka(len(pos), 0),
                                    n=angka(len(tot), 0), names=names, name=md_escape(a.province_name),
                                    rule=CITATIONS["shift_share"])
    if "em_flag" in ss.columns:
        flagged = ss[ss["em_flag"].fillna(False).astype(bool)]
        if len(flagged):
            worst = flagged.loc[flagged["em_net_competitive"].abs().idxmax()]
            text += _T["em_flag"].format(n=angka(len(flagged), 0),
                                         sector=_LABEL.get(worst["sector_code"], worst["sector_code"]),
                                         region=_name(a, worst["region_code"]),
                                         net=rupiah(worst["em_net_competitive"]), change=rupiah(worst["change"]))
        if "em_type" in ss.columns:
            counts = ss["em_type"].astype(str).value_counts()
            parts = [f"{k} {angka(counts.get(k, 0), 0)}" for k in ss["em_type"].cat.categories]
            text += _T["em_types"].format(parts=daftar(parts))
    return _md(text)


def klassen(a, table: str = "klassen_sector"):
    k = a.tables.get(table)
    if k is None or not len(k):
        return _skipped(a, "klassen", table)
    col = _col(k, "klassen", "klassen_class", "class", "typology", "kuadran", "quadrant")
    if col is None:
        return _md(_T["rule"].format(rule=CITATIONS["klassen"]))
    counts = k[col].astype(str).value_counts().sort_index()
    parts = [f"{lab}: {angka(n, 0)}" for lab, n in counts.items() if lab not in ("nan", "<NA>")]
    unit = _T["unit_sector"] if table == "klassen_sector" else _T["unit_region"]
    text = _T["klassen_counts"].format(unit=unit, parts="; ".join(parts))
    if "knife_edge" in k.columns and k["knife_edge"].fillna(False).astype(bool).any():
        edge = k[k["knife_edge"].fillna(False).astype(bool)].sort_values("region_code")
        items = []
        for r in edge.itertuples():
            near = []
            if abs(r.per_capita_margin_pct) < 5:
                near.append(_T["near_per_capita"].format(margin=persen(r.per_capita_margin_pct, 2)))
            if abs(r.growth_margin_pp) < 0.05 * abs(r.reference_growth):
                near.append(_T["near_growth"].format(margin=poin_persen(r.growth_margin_pp, 2)))
            items.append(_T["edge_item"].format(region=_name(a, r.region_code), klassen=r.klassen,
                                                near="; ".join(near)))
        text += _T["knife_edge"].format(items=daftar(items))
    return _md(_T["with_rule"].format(text=text, rule=CITATIONS["klassen"]))


def mrp(a):
    m = a.tables.get("mrp")
    if m is None or not len(m):
        return _skipped(a, "mrp", "mrp")
    both = m[(m["rpr_sign"].astype(str) == "+") & (m["rps_sign"].astype(str) == "+")]
    ratio_only = m[(m["rpr"] > 1) & (m["rps"] > 1)].index.difference(both.index)
    text = _T["mrp"].format(n=angka(len(both), 0))
    if len(ratio_only):
        text += _T["mrp_ratio_only"].format(n=angka(len(ratio_only), 0))
    return _md(_T["with_rule"].format(text=text, rule=CITATIONS["mrp"]))


def ketimpangan(a):
    ineq = a.tables.get("inequality")
    if ineq is None or not len(ineq):
        return _skipped(a, "inequality", "inequality")
    txt = _williamson_trend(ineq) or _T["inequality_fallback"]
    scopes = [sc for sc in dict.fromkeys(ineq["scope"]) if str(sc).endswith(WITHOUT_MINING)] \
        if "scope" in ineq.columns else []
    for sc in scopes:
        nb = _williamson_trend(ineq, scope=sc, bare=True)
        if nb:
            txt += _T["inequality_no_mining"].format(text=nb)
    return _md(_T["inequality"].format(text=txt, tolerance=angka(TREND_TOLERANCE, 3),
                                       rule_williamson=CITATIONS["williamson"], rule_theil=CITATIONS["theil"]))


def konvergensi(a):
    c = a.tables.get("convergence")
    if c is None or not len(c):
        return _skipped(a, "convergence", "convergence")
    scopes = list(dict.fromkeys(c["scope"])) if "scope" in c.columns else [None]
    main = _beta_text(a, c, scopes[0], _name)
    text = _T["convergence"].format(parts="; ".join(main)) if main else ""
    for sc in scopes[1:]:
        if str(sc).endswith(WITHOUT_MINING):
            nb = _beta_text(a, c, sc, _name)
            if nb:
                text += _T["convergence_no_mining"].format(parts="; ".join(nb))
    return _md(_T["with_rule"].format(text=text, rule=CITATIONS["convergence"]))


def terhadap_indonesia(a):
    """The province against Indonesia (Σ 17 lapangan usaha), in the last year both have."""
    if not a.has_national:
        return _skipped(a, "national", "nasional")
    lq = a.tables.get("lq_nasional")
    tot = a.tables["pdrb_tahunan"]
    year = int(tot.loc[tot["region_code"] == NATIONAL_CODE, "year"].max())
    name = md_escape(a.province_name)
    text = ""
    if lq is not None and len(lq):
        year = int(lq["year"].max())
        d = lq[(lq["year"] == year) & (lq["region_code"] == a.province_code)]
        basis = d[d["lq"] > 1].sort_values(["lq", "sector_code"], ascending=[False, True])
        items = daftar(_T["national_basis_item"].format(sector=_LABEL.get(r.sector_code, r.sector_code),
                                                         lq=angka(r.lq, 2)) for r in basis.itertuples())
        text = _T["national_basis"].format(name=name, n=angka(len(basis), 0), year=year, items=items)
    e = tot[tot["year"] == year].set_index("region_code")["value"]
    text += _T["national_share"].format(name=name, year=year,
                                        share=persen(100 * e[a.province_code] / e[NATIONAL_CODE], 2))
    if year != a.end_year:
        text += _T["national_until"].format(year=year)
    return _md(text.strip())


def kualitas_data(a):
    q = a.quality
    disc = q["selisih_kabkota"]
    d = disc[disc["year"].between(a.start_year, a.end_year)].dropna(subset=["difference_pct"])
    lines = []
    if len(d):
        lines.append(_T["quality_discrepancy"].format(
            lo=persen(d["difference_pct"].min(), 2), hi=persen(d["difference_pct"].max(), 2), y0=d["year"].min(),
            y1=d["year"].max(),
            reference=_T["quality_ref_published"] if a.reference == "published" else _T["quality_ref_sum"]))
    prov = q["angka_sementara"]
    if len(prov):
        lines.append(_T["quality_provisional"].format(items=daftar(
            f"{r.year} ({r.status})" for r in prov.drop_duplicates(["year", "status"]).itertuples())))
    else:
        lines.append(_T["quality_final"].format(start=a.start_year, end=a.end_year))
    excl = q["angka_ditolak"]
    if len(excl):
        lines.append(_T["quality_rejected"].format(n=angka(len(excl), 0),
                                                   years=daftar(str(y) for y in sorted(excl["year"].unique()))))
    miss = q["kekosongan"]
    lines.append(_T["quality_missing"].format(n=angka(len(miss), 0)) if len(miss)
                 else _T["quality_none_missing"] if a.has_members else _T["quality_no_members"])
    if a.gaps:
        lines.append(_T["quality_gaps"].format(n=angka(len(a.gaps), 0)))
    return _md("\n".join(lines))


def nasional(n):
    """Opening paragraph of the national summary."""
    mg = n.tables["pertumbuhan_rata"]
    p = mg[mg["region_code"] != NATIONAL_CODE].sort_values(["mean_growth_pct", "region_code"], ascending=[False, True])
    nat = mg.loc[mg["region_code"] == NATIONAL_CODE, "mean_growth_pct"]
    faster = int((p["mean_growth_pct"] > nat.iloc[0]).sum()) if len(nat) else 0
    text = _T["national_intro"].format(n=angka(len(p), 0), start=n.start_year, end=n.end_year,
                                       top=md_escape(p.iloc[0]["region_name"]),
                                       g_top=persen(p.iloc[0]["mean_growth_pct"], 2),
                                       bottom=md_escape(p.iloc[-1]["region_name"]),
                                       g_bottom=persen(p.iloc[-1]["mean_growth_pct"], 2))
    if len(nat):
        text += _T["national_faster"].format(g=persen(nat.iloc[0], 2), n=angka(faster, 0))
    return _md(text)
