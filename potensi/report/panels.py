"""One call per report cell: the maps, charts and long tables of the province report.

Each function takes a province study (:class:`potensi.study.province.ProvinceAnalysis`) and
returns a ``matplotlib`` Figure, a displayable table or ``None`` when the study has nothing to
show (a province without kab/kota data, without an IO table, ...), so that a notebook cell
stays one readable call. Maps are drawn by :mod:`potensi.report.maps` on the boundaries of
:func:`potensi.data.boundaries.read_kabkota_boundaries`; the seats of government are the town
points of the centroid table (``QUARCS_ZENODO_XY``).
"""

from __future__ import annotations

import html
from functools import lru_cache

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from potensi.core.codes import NATIONAL_CODE
from potensi.core.wording import FIGURES, FINDINGS, MAPS
from potensi.indicators.typology import KLASSEN_SECTOR_LABELS
from potensi.indicators.typology_region import KLASSEN_REGION_LABELS
from potensi.report import figures, maps, view

__all__ = ["growth_map", "per_capita_map", "klassen_map", "klassen_quadrant", "cooperation_map", "kelas_heatmap", "linkage_quadrant",
           "growth_chart", "growth_table", "official_growth", "benchmark_note", "neighbours", "rejected",
           "peers", "accessibility", "accessibility_note", "io_table", "io_kabkota", "skipped", "SEAT_SOURCE",
           "io_sector_table", "neighbour_table", "accessibility_table", "growth_rate_table", "slq_dlq_heatmap",
           "klassen_heatmap", "mrp_chart", "inequality_chart", "sigma_chart"]

#: Town points (seats of government) in the centroid table.
SEAT_SOURCE = "QUARCS_ZENODO_XY"
#: Order of the regional Klassen classes (strongest first), as the study words them.
KLASSEN_REGION = tuple(KLASSEN_REGION_LABELS.categories)


@lru_cache(maxsize=1)
def _boundaries():
    from potensi.data.boundaries import read_kabkota_boundaries

    return read_kabkota_boundaries()


def _province_shapes(a):
    """``(kab/kota of the province, kab/kota of the neighbouring provinces)`` or ``(None, None)``."""
    if not (a.has_members and a.kabkota_codes):
        return None, None
    kab = _boundaries()
    mine = kab[kab["region_code"].isin(a.kabkota_codes)]
    if mine.empty:
        return None, None
    nb = a.tables.get("ketetanggaan")
    others = set()
    if nb is not None and len(nb):
        codes = set(nb["region_a"]) | set(nb["region_b"])
        others = {c[:2] for c in codes} - {a.province_code[:2]}
    context = kab[kab["region_code"].str[:2].isin(others)]
    return mine, context


def growth_map(a) -> Figure | None:
    """Choropleth of the kab/kota by mean PDRB growth over the window (% per year, ADHK)."""
    mine, context = _province_shapes(a)
    mg = a.tables.get("pertumbuhan_rata")
    if mine is None or mg is None:
        return None
    values = mg[mg["region_code"].isin(a.kabkota_codes)]
    title, legend = MAPS["growth"]
    return maps.choropleth(mine, values, column="mean_growth_pct", title=title.format(start=a.start_year,
                           end=a.end_year), legend=legend, names=a.region_names, decimals=_decimals(values["mean_growth_pct"]),
                           context=context, cmap="RdYlGn")


def per_capita_map(a) -> Figure | None:
    """Choropleth of the kab/kota by PDRB per capita (``klassen_region``'s ``per_capita``)."""
    mine, context = _province_shapes(a)
    k = a.tables.get("klassen_region")
    if mine is None or k is None or not len(k):
        return None
    title, legend = MAPS["per_capita"]
    year = int(k["per_capita_year"].iloc[0]) if "per_capita_year" in k else a.end_year
    return maps.choropleth(mine, k, column="per_capita", title=title.format(year=year), legend=legend,
                           names=a.region_names, decimals=_decimals(k["per_capita"]), context=context, cmap="YlGn")


def klassen_map(a) -> Figure | None:
    """The regional Klassen class of each kab/kota on the map."""
    mine, context = _province_shapes(a)
    k = a.tables.get("klassen_region")
    if mine is None or k is None or not len(k):
        return None
    title, legend = MAPS["klassen"]
    values = k.assign(klassen=k["klassen"].astype(str))
    extra = [c for c in dict.fromkeys(values["klassen"]) if c not in KLASSEN_REGION]
    return maps.class_map(mine, values, column="klassen", categories=[*KLASSEN_REGION, *extra],
                          title=title.format(start=a.start_year, end=a.end_year), legend=legend,
                          names=a.region_names, context=context)


def klassen_quadrant(a) -> Figure | None:
    """The regional Klassen plane: mean growth × PDRB per capita of each kab/kota, lines at the province."""
    k = a.tables.get("klassen_region")
    if k is None or not len(k):
        return None
    d = k.assign(region_name=k["region_name"].map(maps.short_name))
    return figures.quadrant(d, x="growth", y="per_capita", label="region_name", x0=float(k["reference_growth"].iloc[0]),
                            y0=float(k["reference_per_capita"].iloc[0]), xlabel=FIGURES["growth_axis"],
                            ylabel=FIGURES["per_capita_axis_year"].format(year=int(k["per_capita_year"].iloc[0])),
                            title=FIGURES["klassen_region"].format(start=a.start_year, end=a.end_year,
                                                                   name=a.province_name),
                            quadrant_names=FIGURES["klassen_quadrants"])


def cooperation_map(a) -> Figure | None:
    """The proposals of the cooperation section as numbered lines between seats of government."""
    mine, context = _province_shapes(a)
    coop = a.tables.get("kerja_sama")
    if mine is None or coop is None or not len(coop):
        return None
    from potensi.data.store import load_table

    seats = load_table("centroids")
    seats = seats[seats["source_id"] == SEAT_SOURCE]
    title, _ = MAPS["cooperation"]
    return maps.cooperation_map(mine, coop, seats, title=title.format(province=a.province_name),
                                names=a.region_names, context=context)


def kelas_heatmap(a) -> Figure | None:
    """Kab/kota × lapangan usaha coloured by the sector-potential class (unstable labels starred)."""
    sp = a.tables.get("sektor_unggulan")
    if sp is None or not len(sp):
        return None
    return figures.kelas_heatmap(sp, title=FINDINGS["heatmap_title"].format(start=a.start_year, end=a.end_year))


def linkage_quadrant(a) -> Figure | None:
    """Backward × forward linkage of the province's IO table, key sectors labelled; None without one."""
    io = a.tables.get("io_sektor")
    if io is None or not len(io):
        return None
    return figures.linkage_quadrant(io, title=FINDINGS["io_chart_title"].format(name=a.province_name, year=2016))


def _decimals(values: pd.Series) -> int:
    """Decimals for the legend of a map: enough to tell the class edges apart."""
    v = values.astype(float).to_numpy()
    v = v[np.isfinite(v)]
    if len(v) < 2:
        return 1
    span = float(v.max() - v.min())
    return 0 if span >= 50 else 1 if span >= 2 else 2


def official_growth(a) -> pd.DataFrame:
    """Growth of Indonesia's published PDB (with taxes on products, ``pdrb_total`` of 0000) by year,
    next to the Σ of 17 lapangan usaha that the indicators use; empty when the data has none."""
    from potensi.data.store import load_table

    t = load_table("pdrb_total")
    t = t[(t["region_code"] == NATIONAL_CODE) & (t["price_basis"] == "ADHK2010")].sort_values("year")
    if t.empty:
        return pd.DataFrame(columns=["year", "value", "growth_pct"])
    t = t.assign(growth_pct=100 * t["value"].pct_change())
    return t[(t["year"] >= a.start_year) & (t["year"] <= a.end_year)][["year", "value", "growth_pct"]]


def benchmark_note(a):
    """One sentence: what "Indonesia" means in the figures and tables, with the official PDB growth."""
    from IPython.display import Markdown

    from potensi.core.numbers import persen

    off = official_growth(a)
    tot = a.tables["pdrb_tahunan"]
    nat = tot[tot["region_code"] == NATIONAL_CODE].dropna(subset=["growth_pct"])
    if off.empty and nat.empty:
        return None
    parts = []
    if len(off) >= 2:
        first, last = off.iloc[0], off.iloc[-1]
        n = int(last["year"] - first["year"])
        g = 100 * ((last["value"] / first["value"]) ** (1 / n) - 1) if n > 0 else float("nan")
        parts.append(FINDINGS["official_pdb"].format(start=int(first["year"]), end=int(last["year"]), g=persen(g, 2)))
    if len(nat):
        both = nat.merge(off, on="year", suffixes=("", "_resmi"))
        if len(both):
            r = both.iloc[min(1, len(both) - 1)]
            parts.append(FINDINGS["sum_vs_official"].format(year=int(r["year"]), s=persen(r["growth_pct"], 2),
                                                            o=persen(r["growth_pct_resmi"], 2)))
        parts.append(FINDINGS["sum_years"].format(start=int(nat["year"].min()) - 1, end=int(nat["year"].max())))
    return Markdown(" ".join(parts))


def _html(text: str):
    from IPython.display import HTML

    return HTML(text)


def _md(text: str):
    from IPython.display import Markdown

    return Markdown(text)


def skipped(a, level: str = "kabkota"):
    """The one line an empty section shows (the reason is stated once, in the coverage note)."""
    if level == "kabkota" and a.has_members:
        return None
    if level == "nasional" and a.has_national:
        return None
    why = FINDINGS["skip_kabkota"] if level == "kabkota" else FINDINGS["skip_national"]
    return _md(FINDINGS["section_skipped"].format(why=why))


def _with_official(a) -> pd.DataFrame:
    """``pdrb_tahunan`` of the province and Indonesia, Indonesia named as the Σ of 17 lapangan usaha,
    plus Indonesia's published PDB (``region_code`` ``0000-resmi``) where the data has it."""
    tot = a.tables["pdrb_tahunan"]
    d = tot[tot["region_code"].isin([a.province_code, NATIONAL_CODE])].copy()
    d.loc[d["region_code"] == NATIONAL_CODE, "region_name"] = FINDINGS["sum_label"]
    off = official_growth(a)
    if len(off):
        d = pd.concat([d, off.assign(region_code="0000-resmi", region_name=FINDINGS["official_label"],
                                     level="nasional", provisional=False)], ignore_index=True)
    return d


def growth_chart(a) -> Figure | None:
    """Year-on-year growth of the province, Indonesia's Σ 17 lapangan usaha and its published PDB
    (None when the province has fewer than two growth years: one point is no chart)."""
    tot = a.tables["pdrb_tahunan"]
    if tot.loc[tot["region_code"] == a.province_code, "growth_pct"].notna().sum() < 2:
        return None
    return figures.growth_comparison(_with_official(a), [a.province_code, NATIONAL_CODE, "0000-resmi"])


def growth_table(a) -> pd.DataFrame:
    """``pertumbuhan_rata`` with Indonesia named as the Σ of 17 lapangan usaha and the published PDB
    over the same window added as its own row (display frame for :func:`potensi.report.view.table`)."""
    mg = a.tables["pertumbuhan_rata"].copy()
    mg.loc[mg["region_code"] == NATIONAL_CODE, "region_name"] = FINDINGS["sum_label"]
    off = official_growth(a)
    if len(off) >= 2 and off["year"].min() == a.start_year and off["year"].max() == a.end_year:
        v0, v1 = off["value"].iloc[0], off["value"].iloc[-1]
        n = a.end_year - a.start_year
        row = {"region_code": "0000-resmi", "region_name": FINDINGS["official_label"], "level": "nasional",
               "value_start": v0, "value_end": v1, "mean_growth_pct": 100 * ((v1 / v0) ** (1 / n) - 1)}
        mg = pd.concat([mg, pd.DataFrame([row])], ignore_index=True)
    return mg


def neighbours(a) -> pd.DataFrame:
    """``ketetanggaan`` with names (and the province of a partner across the border), the method in
    Indonesian, pairs across the province border first."""
    nb = a.tables.get("ketetanggaan")
    if nb is None or not len(nb):
        return pd.DataFrame()
    names = a.region_names

    def named(codes, provs):
        return [names.get(c, c) if p == a.province_code else f"{names.get(c, c)} ({names.get(p, p)})"
                for c, p in zip(codes, provs)]

    swap = nb["province_a"] != a.province_code  # the province's own kab/kota in the first column
    nb = nb.assign(**{x: nb[y].where(swap, nb[x]) for x, y in (("region_a", "region_b"), ("region_b", "region_a"),
                                                             ("province_a", "province_b"), ("province_b", "province_a"))})
    out = nb.assign(region_name_a=named(nb["region_a"], nb["province_a"]),
                    region_name_b=named(nb["region_b"], nb["province_b"]))
    return out.sort_values(["cross_province", "region_name_a", "region_name_b"],
                           ascending=[False, True, True]).reset_index(drop=True)


def _details(summary: str, body: str) -> str:
    return f"<details><summary>{summary}</summary>{body}</details>"


def rejected(a):
    """The rejected cooperation candidates with their reason, collapsed (nothing cut)."""
    rej = a.tables.get("kerja_sama_ditolak")
    if rej is None or not len(rej):
        return None
    from potensi.report.formatting import report_view, tabel

    a.shown.add("kerja_sama_ditolak", rej)
    view, labels, _ = report_view("kerja_sama_ditolak", rej.sort_values(["alasan", "region_name_a", "region_name_b"]))
    body = tabel(view, labels=labels, decimals={"distance_km": 0}).to_html()
    return _html(_details(html.escape(FINDINGS["rejected_summary"].format(n=len(rej))), body))


def peers(a):
    """*Daerah serupa* of each kab/kota (top five elsewhere in Indonesia), one collapsible block each."""
    ds = a.tables.get("daerah_serupa")
    if ds is None or not len(ds):
        return None
    from potensi.report.formatting import report_view, tabel

    a.shown.add("daerah_serupa", ds)
    names, labels_ = a.region_names, a.sector_labels
    prov = a.province_names
    frame = ds.assign(
        peer_name=[f"{names.get(c, c)} ({prov.get(c[:2] + '00', '')})" for c in ds["peer_code"]],
        shared_sectors=[", ".join(labels_.get(x, x) for x in str(v).split(",") if x) or "–"
                        for v in ds["shared_sectors"].fillna("")])
    blocks = []
    for code in a.kabkota_codes:
        mine = frame[frame["region_code"] == code].sort_values("rank")
        if mine.empty:
            continue
        view, labels, _ = report_view("daerah_serupa", mine.drop(columns=["region_name"]))
        blocks.append(_details(f"<b>{html.escape(names.get(code, code))}</b>: "
                               + html.escape(", ".join(mine["peer_name"].head(3))) + " …",
                               tabel(view, labels=labels, decimals={"similarity": 3}).to_html()))
    return _html(f"<p><b>{html.escape(FINDINGS['peers_summary'])}</b></p>" + "".join(blocks))


def accessibility(a) -> pd.DataFrame:
    """Hansen accessibility per kab/kota, highest first."""
    acc = a.tables.get("aksesibilitas")
    if acc is None or not len(acc):
        return pd.DataFrame()
    return acc.sort_values("accessibility", ascending=False).reset_index(drop=True)


def accessibility_note(a):
    """How the accessibility index is computed (None without one)."""
    if not a.has("aksesibilitas"):
        return None
    from potensi.core.numbers import angka
    from potensi.core.wording import CITATIONS

    coop = a.tables.get("kerja_sama")
    exponent = coop.attrs.get("facts", {}).get("distance_exponent", 2.0) if coop is not None else 2.0
    return _md(FINDINGS["accessibility_note"].format(exponent=angka(exponent, 0), ref=CITATIONS["hansen"]))


def io_year(a) -> int | None:
    """Year of the province's IO table (the study's facts), None without one."""
    sp = a.tables.get("sektor_unggulan")
    return None if sp is None else sp.attrs.get("facts", {}).get("io_year")


def io_table(a) -> pd.DataFrame:
    """``io_sektor`` with the province's LQ against Indonesia beside the export orientation: the
    LQ of the IO table's year (2016) when the comparison covers it, else of its last year; the
    year in ``lq_year`` (and so in the heading). Empty when the province has no IO table."""
    io = a.tables.get("io_sektor")
    if io is None or not len(io):
        return pd.DataFrame()
    lq = a.tables.get("lq_nasional")
    if lq is not None and len(lq):
        years = set(lq["year"].astype(int))
        year = io_year(a)
        year = year if year in years else max(years)
        same = lq[lq["year"] == year][["sector_code", "lq"]].assign(lq_year=year)
        io = io.merge(same, on="sector_code", how="left")
    return io


def io_kabkota(a):
    """The FLQ estimates for the kab/kota, labelled *perkiraan*, collapsed (nothing cut)."""
    est = a.tables.get("io_kabkota")
    if est is None or not len(est):
        return None
    from potensi.report.formatting import report_view, tabel

    a.shown.add("io_kabkota", est)
    view, labels, _ = report_view("io_kabkota", est)
    body = tabel(view, labels=labels, decimals=3).to_html()
    summary = FINDINGS["flq_summary"].replace("**perkiraan**", "<b>perkiraan</b>").format(n=len(est))
    return _html(_details(summary, body))


# --------------------------------------------------------------------------------------------
# tables shown with a display frame, and the charts of one table (one call per cell)
# --------------------------------------------------------------------------------------------
def io_sector_table(a):
    """Multipliers, linkages and export orientation per sector (None without an IO table)."""
    return view.table(a, "io_sektor", frame=io_table(a), decimals=3)


def neighbour_table(a, *, max_rows: int | None = 60):
    """The neighbouring pairs, across the province border first (None without boundaries)."""
    return view.table(a, "ketetanggaan", frame=neighbours(a), decimals={"shared_border_km": 1, "distance_km": 0},
                      max_rows=max_rows)


def accessibility_table(a):
    """Hansen accessibility per kab/kota, highest first (None without one)."""
    return view.table(a, "aksesibilitas", frame=accessibility(a), decimals=0)


def growth_rate_table(a):
    """Mean yearly growth of the province, its kab/kota and Indonesia (:func:`growth_table`)."""
    return view.table(a, "pertumbuhan_rata", frame=growth_table(a))


def slq_dlq_heatmap(a) -> Figure | None:
    """Kab/kota × lapangan usaha coloured by the SLQ×DLQ class."""
    if not a.has("dlq"):
        return None
    return figures.class_heatmap(a.tables["dlq"], value="slq_dlq_class", title=FIGURES["slq_dlq"])


def klassen_heatmap(a) -> Figure | None:
    """Kab/kota × lapangan usaha coloured by the sectoral Klassen quadrant (growing quadrants first)."""
    if not a.has("klassen_sector"):
        return None
    labels = list(KLASSEN_SECTOR_LABELS.categories)
    return figures.class_heatmap(a.tables["klassen_sector"], value="klassen",
                                 categories=[labels[i] for i in (0, 2, 1, 3)], title=FIGURES["klassen_sector"])


def mrp_chart(a) -> Figure | None:
    """The province's MRP signs against Indonesia."""
    if not a.has("mrp_nasional"):
        return None
    return figures.mrp(a.tables["mrp_nasional"], title=FIGURES["mrp_national"].format(name=a.province_name))


def inequality_chart(a) -> Figure | None:
    """Weighted Williamson and Theil T over time, one line style per population source."""
    if not a.has("inequality"):
        return None
    return figures.index_over_time(a.tables["inequality"], hue="index", style="population_source",
                                   indices=["williamson_weighted", "theil_t"], title=FIGURES["inequality"])


def sigma_chart(a) -> Figure | None:
    """σ-convergence (and the coefficient of variation) of the kab/kota over time."""
    if not a.has("convergence"):
        return None
    return figures.index_over_time(a.tables["convergence"], hue="statistic", style="population_source",
                                   indices=["sigma", "cv"], title=FIGURES["sigma"])
