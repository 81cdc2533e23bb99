"""Generated text and HTML of the conclusions: executive summary, sector potential, *tanpa
pertambangan*, inter-sector linkages (input–output) and cooperation proposals.

Every function takes a province study (:class:`potensi.study.province.ProvinceAnalysis`) and
returns a displayable object (Markdown or HTML) for one notebook cell; the text is built from
escaped values only (region and sector names come from data).
"""

from __future__ import annotations

import html

import numpy as np
import pandas as pd

from potensi.conclusions.cooperation.candidates import MIN_MARKET_SHARE_PCT
from potensi.conclusions.sector_potential import SECTOR_THRESHOLDS, TOP_KELAS
from potensi.core.codes import NATIONAL_CODE, TOTAL_CODE
from potensi.core.numbers import angka, daftar, persen, rupiah
from potensi.core.wording import (
    CITATIONS,
    FINDINGS,
    KELAS_DESCRIPTIONS,
    NARRATIVE,
    PROVINCIAL_SERVICES,
    RESOURCE_SECTORS,
    SCENARIO_NAMES,
    SERVICES,
)
from potensi.data.sectors import sector_label

__all__ = ["ringkasan_eksekutif", "potensi_sektor", "tanpa_pertambangan", "keterkaitan", "kerja_sama",
           "kelas_per_kabkota", "class_rule_text", "top_sectors"]


def _md(text: str):
    from IPython.display import Markdown

    return Markdown(text)


def _html(text: str):
    from IPython.display import HTML

    return HTML(text)


def _h(x: object) -> str:
    """Escaped text for HTML (names from data never become markup)."""
    return html.escape(str(x), quote=True)


def _e(x: object) -> str:
    """Escaped text for Markdown: HTML-escaped and Markdown emphasis/table characters neutralised."""
    return _h(x).replace("*", "&#42;").replace("_", "&#95;").replace("|", "&#124;").replace("`", "&#96;")


def _skipped():
    return _md(FINDINGS["section_skipped"].format(why=FINDINGS["skip_kabkota"]))


def class_rule_text(th=SECTOR_THRESHOLDS) -> str:
    """The classification rule with its thresholds, said as potensi's own."""
    return FINDINGS["rule"].format(
        lq=angka(th.basis_lq, 0), share=angka(th.region_share_pct, 0), prov=angka(th.province_share_pct, 0),
        floor=angka(th.min_region_share_pct, 0), edge=angka(100 * th.knife_edge, 0),
        permendagri=CITATIONS["permendagri_9_2014"])


def top_sectors(a, code: str, n: int = 3) -> pd.DataFrame:
    """The top-class sectors of kab/kota ``code``, the largest share of its PDRB first."""
    sp = a.tables.get("sektor_unggulan")
    if sp is None or not len(sp):
        return pd.DataFrame()
    mine = sp[(sp["region_code"] == code) & sp["kelas"].isin(TOP_KELAS)]
    by, ascending = _TOP_ORDER
    return mine.sort_values(by, ascending=ascending).head(n)


#: A sector holding at least this share of a kab/kota's PDRB ADHK (end year) is named on the first
#: page even when it is in no top class (potensi's own: a tenth of the economy carries the region,
#: whatever its class; Penajam Paser Utara's mining and construction, 24 % and 23 % in 2022).
LARGE_SHARE_PCT = 10.0

#: Order of the top-class sectors of a kab/kota: the largest first (share of the region's PDRB),
#: whatever the top class, so that the sectors that carry the region are named before small ones.
_TOP_ORDER = (["share_region_pct", "sector_code"], [False, True])


def _top_by_region(a, n: int = 3) -> dict[str, list]:
    """:func:`top_sectors` of every kab/kota at once: rows (namedtuples) per ``region_code``.

    One sort of the whole table instead of a filter and a sort per kab/kota (38 of each for Jawa
    Timur, in three findings); the order inside a kab/kota is the same.
    """
    sp = a.tables.get("sektor_unggulan")
    if sp is None or not len(sp):
        return {}
    by_region = _rows_by_region(sp[sp["kelas"].isin(TOP_KELAS)], *_TOP_ORDER)
    return {code: rows[:n] for code, rows in by_region.items()}


def _rows_by_region(frame: pd.DataFrame, by: list[str], ascending: list[bool]) -> dict[str, list]:
    """The rows (namedtuples) of ``frame`` per ``region_code``, each kab/kota's sorted by ``by``.

    The sort is stable (as ``sort_values`` on several columns is): rows equal on ``by`` keep the
    table's order, as when each kab/kota was filtered and sorted on its own.
    """
    out: dict[str, list] = {}
    for r in frame.sort_values(["region_code", *by], ascending=[True, *ascending], kind="stable").itertuples():
        out.setdefault(r.region_code, []).append(r)
    return out


def _sector_phrase(r) -> str:
    text = f"{_e(r.sector_label)} ({_e(r.kelas)}; {_e(r.evidence)})"
    if getattr(r, "scenarios_total", 0) and r.scenarios_agree < r.scenarios_total:
        text += " " + FINDINGS["unstable"].format(agree=int(r.scenarios_agree), total=int(r.scenarios_total))
    return text


#: ``urusan`` texts of the services that are a provincial urusan across kab/kota, and of shared
#: resources (a river basin, or a bay: the sea up to 12 miles is the province's).
_PROVINCIAL_URUSAN = frozenset([*(SERVICES[k]["urusan"] for k in PROVINCIAL_SERVICES),
                                *(r["urusan"] for r in RESOURCE_SECTORS.values())])


def _proposal_phrase(a, r) -> str:
    """One proposal as an item of the first page's numbered list: pair, object, kind and urusan,
    and who else is a party when the urusan is the province's (within the province: the
    province; across a province border: both provinces, with the Minister of Home Affairs)."""
    names = a.region_names
    what = r.objek if isinstance(getattr(r, "objek", None), str) and r.objek else r.bentuk
    party = ""
    if r.urusan in _PROVINCIAL_URUSAN:
        cross = str(r.region_a)[:2] != str(r.region_b)[:2]
        party = FINDINGS["party_cross"] if cross else FINDINGS["party_province"].format(province=_e(a.province_name))
    return FINDINGS["proposal"].format(
        rank=int(r.rank), a=_e(names.get(r.region_a, r.region_a)), b=_e(names.get(r.region_b, r.region_b)),
        what=_e(what), jenis=_e(r.jenis), urusan=_e(r.urusan), party=party)


def ringkasan_eksekutif(a):
    """The first page: growth, structure, each kab/kota's top-class sectors with the evidence, the
    three first cooperation proposals, inequality; every statement from the study's tables."""
    lines = []
    mg = a.tables["pertumbuhan_rata"].set_index("region_code")
    if a.province_code in mg.index:
        r = mg.loc[a.province_code]
        lines.append(FINDINGS["growth"].format(
            name=_e(a.province_name), g=persen(r["mean_growth_pct"], 2), start=a.start_year, end=a.end_year,
            v0=rupiah(r["value_start"]), v1=rupiah(r["value_end"])))
        from potensi.report.narrative import _official_mean_growth

        official = _official_mean_growth(a)
        if official is not None:
            lines[-1] += FINDINGS["growth_benchmark"].format(what=FINDINGS["benchmark_official"], g=persen(official, 2))
        if NATIONAL_CODE in mg.index:
            lines[-1] += FINDINGS["growth_benchmark"].format(what=FINDINGS["benchmark_sum"],
                                                             g=persen(mg.loc[NATIONAL_CODE, "mean_growth_pct"], 2))
    sp = a.tables.get("sektor_unggulan")
    if sp is not None and len(sp):
        lines.append(FINDINGS["classes_intro"].format(rule=class_rule_text()))
        tops = _top_by_region(a)
        by_share = _rows_by_region(sp, *_TOP_ORDER)
        for code in a.kabkota_codes:
            top = tops.get(code, [])
            name = _e(a.region_names.get(code, code))
            if top:
                line = f"  - **{name}**: " + "; ".join(_sector_phrase(r) for r in top) + "."
            else:
                line = f"  - **{name}**: {FINDINGS['no_top']}"
            listed = {r.sector_code for r in top}
            others = [r for r in by_share.get(code, []) if r.sector_code not in listed
                      and r.share_region_pct >= LARGE_SHARE_PCT]  # all of them, the largest first
            if others:
                line += FINDINGS["big_others"].format(share=angka(LARGE_SHARE_PCT, 0), year=a.end_year, items=daftar(
                    FINDINGS["big_other_item"].format(sector=_e(r.sector_label), kelas=_e(r.kelas),
                                                      share=angka(r.share_region_pct, 1)) for r in others))
            lines.append(line)
        declining = sp[sp["kelas"] == "andalan menurun"]
        if len(declining):
            big = declining.sort_values("share_region_pct", ascending=False).head(3)
            lines.append(FINDINGS["declining"].format(items=daftar(
                FINDINGS["declining_item"].format(sector=_e(r.sector_label),
                                                  region=_e(a.region_names.get(r.region_code, r.region_code)),
                                                  share=persen(r.share_region_pct, 1))
                + (" " + FINDINGS["knife_edge"] if r.knife_edge else "") for r in big.itertuples())))
    elif a.has_members:
        lines.append(FINDINGS["no_classes"])
    coop = a.tables.get("kerja_sama")
    if coop is not None and len(coop):
        first = coop.sort_values("rank").head(3)
        lines.append(FINDINGS["coop_intro"])
        lines.extend(_proposal_phrase(a, r) for r in first.itertuples())
    ineq = a.tables.get("inequality")
    if ineq is not None and len(ineq):
        from potensi.report.narrative import _williamson_trend

        txt = _williamson_trend(ineq, class_note=True)
        if txt:
            lines.append(FINDINGS["inequality_kabkota"].format(text=txt))
    if a.gaps:
        lines.append(FINDINGS["gaps"].format(n=len(a.gaps)))
    return _md("\n".join(lines))


def potensi_sektor(a):
    """What the classes mean, the rule, and how stable the labels are across scenarios."""
    sp = a.tables.get("sektor_unggulan")
    if not a.has_members:
        return _skipped()
    if sp is None or not len(sp):
        return _md(FINDINGS["no_classes"])
    counts = sp["kelas"].value_counts()
    parts = [FINDINGS["classes_meaning"]]
    parts += [f"- **{k}**: {v} ({int(counts.get(k, 0))} sel)" for k, v in KELAS_DESCRIPTIONS.items()]
    parts.append("")
    parts.append(class_rule_text())
    parts.append("")
    scen = a.tables.get("sektor_unggulan_skenario")
    if scen is not None and len(scen):
        names = daftar(SCENARIO_NAMES.get(s, s) for s in scen["scenario"].unique())
        unstable = sp[sp["scenarios_agree"] < sp["scenarios_total"]]
        top_unstable = unstable[unstable["kelas"].isin(TOP_KELAS)]
        parts.append(FINDINGS["robustness"].format(names=names, n=len(unstable), total=len(sp),
                                                   top=len(top_unstable)))
        parts.append("")
    edge = sp[sp.get("knife_edge", pd.Series(False, index=sp.index)).astype(bool) & sp["kelas"].isin(TOP_KELAS)]
    if len(edge):
        parts.append(FINDINGS["knife_edges"].format(items=daftar(
            FINDINGS["sector_in_region"].format(sector=_e(r.sector_label),
                                                region=_e(a.region_names.get(r.region_code, r.region_code)))
            for r in edge.itertuples())))
    return _md("\n".join(parts))


def kelas_per_kabkota(a):
    """One collapsible block per kab/kota with every sector's class and evidence (nothing cut)."""
    sp = a.tables.get("sektor_unggulan")
    if not a.has_members:
        return None
    if sp is None or not len(sp):
        return _md(FINDINGS["no_classes"])
    blocks = []
    by_region = _rows_by_region(sp, ["kelas", "share_region_pct"], [True, False])
    # LQ, share, PPW and scenarios are numbers (right-aligned by the report's stylesheet); the rest is text
    head = "".join(f"<th class='num'>{h}</th>" if 2 <= i <= 5 else f"<th>{h}</th>"
                   for i, h in enumerate(FINDINGS["classes_columns"]))
    tops = _top_by_region(a)
    for code in a.kabkota_codes:
        rows = "".join(
            f"<tr><td>{_e(r.sector_label)}</td><td>{_e(r.kelas)}</td><td class='num'>{angka(r.lq, 2)}</td>"
            f"<td class='num'>{angka(r.share_region_pct, 1)}</td><td class='num'>{angka(r.competitive_effect, 1)}</td>"
            f"<td class='num'>{int(r.scenarios_agree)}/{int(r.scenarios_total)}</td><td>{_e(r.evidence)}</td></tr>"
            for r in by_region.get(code, []))
        name = _e(a.region_names.get(code, code))
        top = tops.get(code, [])
        summary = daftar(_e(r.sector_label) for r in top) if top else FINDINGS["no_top_short"]
        blocks.append(
            f"<details><summary><b>{name}</b> — {summary} "
            f"(<a href='kabkota/{_e(code)}.html'>{FINDINGS['profile_link']}</a>)</summary>"
            "<table class='kelas-kabkota'><thead><tr>" + head + "</tr>"
            f"</thead><tbody>{rows}</tbody></table></details>")
    return _html("\n".join(blocks))


def tanpa_pertambangan(a):
    """The key conclusions recomputed without mining (B): top classes and Williamson."""
    no_b = a.tables.get("sektor_unggulan_tanpa_pertambangan")
    sp = a.tables.get("sektor_unggulan")
    if not a.has_members:
        return None
    if no_b is None or sp is None or not len(no_b):
        return _md(FINDINGS["no_mining_panel"])
    share_b = sp[sp["sector_code"] == "B"]
    lines = []
    pdrb = a.pdrb[(a.pdrb["region_code"] == a.province_code) & (a.pdrb["sector_code"] != TOTAL_CODE)]
    ends = pdrb[pdrb["year"].isin([a.start_year, a.end_year])]
    with_b = ends.groupby("year")["value"].sum()
    no_mining = ends[ends["sector_code"] != "B"].groupby("year")["value"].sum()
    if len(with_b) == 2 and len(no_mining) == 2:
        t = a.end_year - a.start_year

        def cagr(x):
            return 100 * ((x[a.end_year] / x[a.start_year]) ** (1 / t) - 1)

        lines.append(FINDINGS["mining_growth"].format(
            name=_e(a.province_name), start=a.start_year, end=a.end_year, g_all=persen(cagr(with_b), 2),
            g_no=persen(cagr(no_mining), 2), v0=rupiah(no_mining[a.start_year]), v1=rupiah(no_mining[a.end_year])))
    big_b = share_b[share_b["share_region_pct"] >= 10].sort_values("share_region_pct", ascending=False)
    # named, with two decimals: a share just under 10 % (Pangkep 9,98 %) would print as "10,0"
    names = FINDINGS["mining_names"].format(items=daftar(
        f"{_e(a.region_names.get(r.region_code, r.region_code))} {persen(r.share_region_pct, 2)}"
        for r in big_b.itertuples())) if len(big_b) else ""
    lines.append(FINDINGS["mining_intro"].format(n=len(big_b), total=len(share_b), names=names))
    mining = sector_label("B")  # the sector left out here: not a change of class
    tops = _top_by_region(a, n=20)
    label = "sector_label" if "sector_label" in no_b else "sector_code"
    after_all = no_b[no_b["kelas"].isin(TOP_KELAS)].groupby("region_code", sort=False)[label].agg(set).to_dict()
    for code in a.kabkota_codes:
        before = {r.sector_label for r in tops.get(code, [])}
        after = after_all.get(code, set())
        name = _e(a.region_names.get(code, code))
        if before - {mining} != after:
            gained, lost = sorted(after - before), sorted((before - after) - {mining})
            bits = []
            if gained:
                bits.append(FINDINGS["mining_gained"].format(sectors=daftar(_e(x) for x in gained)))
            if lost:
                bits.append(FINDINGS["mining_lost"].format(sectors=daftar(_e(x) for x in lost)))
            lines.append(f"- {name}: " + "; ".join(bits) + ".")
    if not lines[-1].startswith("- "):
        lines.append(FINDINGS["mining_same"])
    ineq = a.tables.get("inequality")
    if ineq is not None and "scope" in ineq:
        from potensi.report.narrative_regional import _williamson_trend

        for scope in [sc for sc in dict.fromkeys(ineq["scope"].astype(str)) if "tanpa" in sc]:
            text = _williamson_trend(ineq, scope=scope)  # per population segment: never joined across sources
            if text:
                lines.append(FINDINGS["mining_williamson"].format(
                    text=text.removeprefix(NARRATIVE["williamson"].partition("{segments}")[0])))
    lines.append(FINDINGS["not_migas"])
    return _md("\n".join(lines))


def keterkaitan(a):
    """Inter-sector linkages: the BPS IO table of the province, or a plain statement that there is none."""
    io = a.tables.get("io_sektor")
    if io is None or not len(io):
        return _md(FINDINGS["no_io"].format(name=_e(a.province_name)))
    labels = a.sector_labels
    key = io[io["key_sector"].astype(bool)]
    from potensi.report.panels import io_table
    from potensi.report.panels import io_year as _io_year

    io_year = _io_year(a)
    lines = [FINDINGS["io_intro"].format(name=_e(a.province_name), year=io_year, ref=CITATIONS["miller_blair"])]
    lines.append(FINDINGS["io_key"].format(items=daftar(_e(labels.get(c, c)) for c in key["sector_code"])
                                           or FINDINGS["none"]))
    best = io.sort_values("output_multiplier", ascending=False).iloc[0]
    lines.append(FINDINGS["io_multiplier"].format(sector=_e(labels.get(best["sector_code"], best["sector_code"])),
                                                  m=angka(best["output_multiplier"], 2)))
    with_lq = io_table(a)
    both = with_lq.dropna(subset=["lq", "export_share"]) if "lq" in with_lq else pd.DataFrame()
    if len(both) > 3:
        from scipy.stats import spearmanr

        rho, p = spearmanr(both["lq"], both["export_share"])
        verdict = ("io_lq_none" if not p < 0.05 else "io_lq_same" if rho > 0 else "io_lq_opposite")
        lines.append(FINDINGS["io_lq"].format(lq_year=int(both["lq_year"].iloc[0]), io_year=io_year,
                                              n=len(both), rho=angka(rho, 2), p=angka(p, 2))
                     + " " + FINDINGS[verdict])
    if "io_kabkota" in a.tables:
        lines.append(FINDINGS["io_flq"].format(ref=CITATIONS["flegg"]))
    return _md("\n".join(lines))


def kerja_sama(a):
    """Method and legal basis, then the proposals as cards (who, what, why, evidence, instrument)."""
    coop = a.tables.get("kerja_sama")
    if not a.has_members:
        return _skipped()
    if coop is None:
        return _md(FINDINGS["no_coop"])
    facts = coop.attrs.get("facts", {})
    head = FINDINGS["coop_method"].format(
        exponent=angka(facts.get("distance_exponent", 2.0), 1), pop=_h(facts.get("population_source", "")),
        pp=CITATIONS["pp_28_2018"], uu=CITATIONS["uu_23_2014"], n=facts.get("candidates", 0),
        rejected=facts.get("rejected", 0), market=angka(MIN_MARKET_SHARE_PCT, 0))
    if facts.get("existing"):
        head += " " + FINDINGS["coop_existing"].format(n=facts["existing"], m=facts.get("already_agreed", 0))
    cards = []
    names = a.region_names
    card = FINDINGS["card"]
    for r in coop.sort_values("rank").itertuples():
        what = r.objek if isinstance(getattr(r, "objek", None), str) and r.objek else r.bentuk
        cross = r.region_a[:2] != r.region_b[:2]
        cards.append(
            "<div class='ksd-card' style='border:1px solid #bbb;border-left:5px solid #d95f02;padding:4px 12px;"
            "margin:8px 0'>"
            f"<h4 style='margin:4px 0'>{int(r.rank)}. {_h(r.bentuk)}: {_h(what)}</h4>"
            f"<p style='margin:2px 0'><b>{card['who']}</b> {_h(names.get(r.region_a, r.region_a))} – "
            f"{_h(names.get(r.region_b, r.region_b))}"
            f"{card['cross'] if cross else ''}; {card['adjacent'] if r.adjacent else card['not_adjacent']}"
            f"{'' if pd.isna(r.distance_km) else card['distance'].format(d=angka(r.distance_km, 0))}</p>"
            f"<p style='margin:2px 0'><b>{card['kind']}</b> {_h(r.jenis)}; {_h(r.urusan)}</p>"
            f"<p style='margin:2px 0'><b>{card['why']}</b> {_h(r.evidence)}</p>"
            f"<p style='margin:2px 0 6px'><b>{card['instrument']}</b> {_h(r.instrumen)}; {_h(r.opd_pelaksana)}</p></div>")
    if not cards:
        cards.append(f"<p><i>{_h(FINDINGS['no_coop'])}</i></p>")
    return _html(f"<p>{_h(head)}</p>" + "".join(cards))


def _nan(x) -> bool:
    return x is None or (isinstance(x, float) and np.isnan(x))
