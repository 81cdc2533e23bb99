"""A page per kab/kota, written in the same run as its province report from the same study.

Each page (``<report>/kabkota/<code>.html``) is self-contained like the report: inline CSS, the
locator map as an embedded PNG, no script, nothing from the network; every text from the data goes
through Jinja autoescape. One screen of summary first (where the region lies, its figures, its
leading sectors with the evidence, its cooperation proposals), details below.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from potensi import __version__
from potensi.core.wording import ADJACENCY_METHODS, KELAS_DESCRIPTIONS, MAPS, PROFILE
from potensi.report.formatting import angka, persen
from potensi.report.locator_svg import SvgLocator

__all__ = ["figure_uri", "profile_html", "province_locator", "write_profiles", "write_profiles_for", "link_table", "profile_href",
           "PROFILE_CSS", "PRINT_CSS"]

#: Folder of the profile pages inside a report folder (``<report>/kabkota/<code>.html``).
PROFILE_DIR = "kabkota"
#: Columns holding years: never grouped (``2013``, not ``2.013``).
_YEARS = ("year", "start_year", "end_year", "tahun")

_TEMPLATES = Path(__file__).resolve().parent / "templates"
_ENV = Environment(loader=FileSystemLoader(str(_TEMPLATES)), autoescape=select_autoescape(["html", "j2"]),
                   trim_blocks=False, lstrip_blocks=False)

#: Print stylesheet shared by the report and the profiles: A4, a page break before each main
#: section, tables that wrap instead of being cut, figures within the page.
PRINT_CSS = """
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { font-size: 10pt; }
  h2 { break-before: page; }
  .summary h2, section:first-of-type h2 { break-before: auto; }
  table { width: 100% !important; table-layout: auto; font-size: 8pt; }
  th, td { white-space: normal !important; word-break: break-word; overflow-wrap: anywhere; }
  img { max-width: 100% !important; height: auto !important; break-inside: avoid; }
  details > summary { font-weight: bold; list-style: none; }
  details::details-content { content-visibility: visible !important; display: block !important; }
  details:not([open]) > *:not(summary) { display: block; }
  .nav, .search { display: none; }
  .wide { overflow: visible !important; }
  .card { break-inside: avoid; }
}
"""

PROFILE_CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1f1f1f; margin: 0; background: #fff; }
main { max-width: 1100px; margin: 0 auto; padding: 12px 20px; }
h1 { font-size: 1.6em; margin: .2em 0; } h2 { border-bottom: 2px solid #1b7837; padding-bottom: 2px; }
.sub { color: #555; margin-top: 0; }
.summary { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
.summary .map img { width: 420px; max-width: 100%; border: 1px solid #ddd; }
.summary .map { max-width: 100%; } .summary .map svg.locator { max-width: 100%; height: auto; }
.wide { max-width: 100%; overflow-x: auto; }
.summary .facts { flex: 1 1 380px; }
.kelas { display: inline-block; padding: 0 6px; border-radius: 3px; color: #fff; font-size: .85em; }
.kelas.unggulan { background: #1b7837; } .kelas.andalan { background: #e08214; }
.warn { color: #b35806; }
table { border-collapse: collapse; font-size: 12px; margin: 6px 0 12px; }
th, td { border: 1px solid #ccc; padding: 3px 6px; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; }
.card { border: 1px solid #bbb; border-left: 5px solid #d95f02; padding: 4px 12px; margin: 8px 0; }
.card h3 { margin: 4px 0; } .card p { margin: 3px 0; }
.note { color: #444; font-size: .9em; }
footer { color: #666; font-size: .85em; margin-top: 24px; border-top: 1px solid #ddd; }
""" + PRINT_CSS


def figure_uri(fig) -> str:
    """A matplotlib figure as a ``data:image/png;base64,...`` URI (no tight bbox, no timestamp)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def _table(frame: pd.DataFrame | Sequence[Mapping] | None, columns: Mapping[str, str],
           numeric: Mapping[str, int] = (), *, empty: str = PROFILE["empty"]) -> Markup:
    """A small HTML table with Indonesian headings; every cell escaped, numbers formatted.

    ``frame``: a DataFrame or a list of rows (mappings; a missing key is an empty cell).
    """
    numeric = dict(numeric)
    if frame is None or len(frame) == 0:
        return Markup(f"<p><i>{html.escape(empty)}</i></p>")
    head = "".join(f'<th class="num">{html.escape(t)}</th>' if c in numeric else f"<th>{html.escape(t)}</th>"
                   for c, t in columns.items())
    if isinstance(frame, pd.DataFrame):
        records = zip(*(frame[c].tolist() for c in columns))
    else:
        records = ([r.get(c) for c in columns] for r in frame)
    rows = []
    for rec in records:
        cells = []
        for c, v in zip(columns, rec):
            if c in _YEARS and not (v is None or (isinstance(v, float) and v != v)):
                cells.append(f'<td class="num">{int(v)}</td>')
            elif c in numeric:
                cells.append(f'<td class="num">{html.escape(angka(v, numeric[c]))}</td>')
            else:
                text = "" if v is None or (isinstance(v, float) and v != v) else str(v)
                cells.append(f"<td>{html.escape(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return Markup(f'<div class="wide"><table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
                  "</div>")


class _Shared:
    """What every profile page of one province reads, split by kab/kota once: each page then
    reads plain rows (a page filtering the study's tables with pandas took ~30 ms; Jawa Timur
    has 38 pages, Indonesia 514)."""

    def __init__(self, a, neighbours: pd.DataFrame | None = None):
        self.names = names = a.region_names
        self.province_names = a.province_names
        sp = a.tables.get("sektor_unggulan", pd.DataFrame())
        if len(sp):
            sp = sp.assign(robustness=[f"{int(x)}/{int(y)}" if pd.notna(x) else "" for x, y in
                                       zip(sp.get("scenarios_agree", pd.Series(float("nan"), index=sp.index)),
                                           sp.get("scenarios_total", pd.Series(float("nan"), index=sp.index)))])
        self.classes = dict(tuple(sp.groupby("region_code", sort=False))) if len(sp) else {}
        self.empty_classes = sp.iloc[:0]
        # the leading sectors of each page: unggulan first, then andalan menurun, larger share first
        self.top: dict[str, list[dict]] = {}
        if len(sp):
            lead = sp[sp["kelas"].isin(["unggulan", "andalan menurun"])].sort_values(
                ["region_code", "kelas", "share_region_pct"], ascending=[True, True, False])
            for r in lead.to_dict("records"):
                self.top.setdefault(r["region_code"], []).append(r)
        peers = a.tables.get("daerah_serupa", pd.DataFrame())
        if len(peers) and "peer_name" not in peers:
            peers = peers.assign(peer_name=[names.get(c, c) for c in peers["peer_code"]])
        if len(peers):
            peers = peers.assign(peer_province=peers.get("peer_province", ""),
                                 shared_sector_labels=peers.get("shared_sector_labels", peers.get("shared_sectors")))
        self.peers = dict(tuple(peers.groupby("region_code", sort=False))) if len(peers) else {}
        self.empty_peers = peers.iloc[:0]
        pdrb = a.tables.get("pdrb_tahunan", pd.DataFrame())
        self.pdrb = (pdrb.pivot_table(index="year", columns="region_code",
                                      values=["value", "growth_pct"] if "growth_pct" in pdrb else ["value"])
                     if len(pdrb) else None)
        growth = a.tables.get("pertumbuhan_rata", pd.DataFrame())
        self.growth = {r["region_code"]: r for r in growth.to_dict("records")} if len(growth) else {}
        share = a.tables.get("kontribusi_kabkota", pd.DataFrame())
        self.share = dict(zip(share["region_code"], share["share_pct"])) if len(share) else {}
        kl = a.tables.get("klassen_region", pd.DataFrame())
        self.klassen = dict(zip(kl["region_code"], kl["klassen"])) if len(kl) else {}
        # the proposals of each page, in rank order (a proposal is on the pages of both its regions)
        coop = a.tables.get("kerja_sama", pd.DataFrame())
        self.proposals: dict[str, list[dict]] = {}
        if len(coop):
            for r in coop.sort_values("rank").to_dict("records"):
                for side in dict.fromkeys((r["region_a"], r["region_b"])):
                    self.proposals.setdefault(side, []).append(r)
        # the neighbours of each page (either side of a pair), in the table's order
        self.neighbours: dict[str, list[tuple[str, str]]] = {}
        if neighbours is not None and len(neighbours):
            methods = neighbours["method"].astype(str) if "method" in neighbours else [""] * len(neighbours)
            for a_, b, m in zip(neighbours["region_a"], neighbours["region_b"], methods):
                self.neighbours.setdefault(a_, []).append((b, m))
                if b != a_:
                    self.neighbours.setdefault(b, []).append((a_, m))


def profile_html(a, code: str, *, boundaries=None, context=None, neighbours: pd.DataFrame | None = None,
                 back_href: str = "../laporan.html", run_date: str = "", locator_maps=None,
                 shared: _Shared | None = None) -> str:
    """The profile page of kab/kota ``code`` from the province study ``a`` (a ProvinceAnalysis).

    ``locator_maps``: the :class:`potensi.report.locator_svg.SvgLocator` of the province (from
    :func:`province_locator`), shared by the pages of one province so that its paths are built once;
    ``shared``: the study's tables split by kab/kota (built here from ``a`` and ``neighbours`` when
    not given; when given, it brings the neighbours too, as :func:`write_profiles` builds it).
    """
    shared = _Shared(a, neighbours) if shared is None else shared
    names = shared.names
    name = names.get(code, code)
    start, end = a.start_year, a.end_year
    facts = _facts(a, code, shared)
    mine = shared.classes.get(code, shared.empty_classes)
    top = []
    for r in shared.top.get(code, []):
        unstable = ""
        if r.get("scenarios_total", 0) and r["scenarios_agree"] < r["scenarios_total"]:
            unstable = PROFILE["unstable"].format(agree=int(r["scenarios_agree"]), total=int(r["scenarios_total"]))
        top.append({"kelas": str(r["kelas"]), "sector": r["sector_label"], "evidence": r["evidence"],
                    "unstable": unstable, "css": "unggulan" if r["kelas"] == "unggulan" else "andalan"})
    proposals = _proposals(code, names, shared)
    near = shared.neighbours.get(code, [])
    near_codes = [c for c, _ in near]
    locator = ""
    if boundaries is not None:
        base = locator_maps if locator_maps is not None else province_locator(a, boundaries, context)
        locator = base.svg(code, title=MAPS["locator"][0].format(name=name, province=a.province_name),
                           neighbours=near_codes, names=names, legend=MAPS["locator_legend"],
                           label=PROFILE["locator_label"].format(name=name, province=a.province_name))
    nb_rows = [{"kode": c, "nama": names.get(c, c), "provinsi": shared.province_names.get(c[:2] + "00", c[:2]),
                "metode": ADJACENCY_METHODS.get(m, m)} for c, m in near]
    peers = shared.peers.get(code, shared.empty_peers)
    class_cols = PROFILE["class_columns"]
    # by class, then the largest first within a class (as the summary above it and page 1)
    cls = mine.sort_values(["kelas", "share_region_pct", "sector_code"], ascending=[True, False, True],
                           kind="stable") if len(mine) else mine
    pdrb = pd.DataFrame()
    if shared.pdrb is not None:
        wide = shared.pdrb.loc[:, shared.pdrb.columns.get_level_values(1).isin([code, a.province_code])]
        pdrb = wide.dropna(how="all").reset_index()
        pdrb.columns = ["_".join(str(c) for c in col if c) for col in pdrb.columns]
    pdrb_cols = {"year": PROFILE["year"]}
    num = {}
    for region in (code, a.province_code):  # the region first, then its province
        for c in (f"value_{region}", f"growth_pct_{region}"):
            if len(pdrb) and c in pdrb.columns:
                what = PROFILE["pdrb_value"] if c.startswith("value_") else PROFILE["pdrb_growth"]
                pdrb_cols[c] = what.format(name=names.get(region, region))
                num[c] = 1 if c.startswith("value_") else 2
    gaps = [g for g in a.region_gaps(code)] or [PROFILE["no_gaps"]]
    context_map = {
        "version": __version__, "title": PROFILE["title"].format(name=name),
        "subtitle": PROFILE["subtitle"].format(province=a.province_name, start=start, end=end),
        "css": Markup(PROFILE_CSS), "words": PROFILE, "back_href": back_href, "facts": facts, "top": top,
        "proposals": proposals, "locator": locator,
        "pdrb_table": _table(pdrb, pdrb_cols, num | {"year": 0}) if len(pdrb) else _table(None, {}),
        "class_note": PROFILE["class_note"].format(
            classes="; ".join(f"{k}: {v}" for k, v in KELAS_DESCRIPTIONS.items())),
        "class_table": _table(cls, class_cols, {"lq": 2, "share_region_pct": 1, "competitive_effect": 1, "dlq": 2}),
        "neighbour_table": _table(nb_rows, PROFILE["neighbour_columns"]),
        "peer_table": _table(peers, PROFILE["peer_columns"], {"similarity": 2}),
        "gaps": gaps,
        "footer": PROFILE["footer"].format(version=__version__, run_date=run_date),
    }
    return _ENV.get_template("profile.html.j2").render(**context_map)


def province_locator(a, boundaries, context=None) -> SvgLocator:
    """The locator maps of ``a``'s kab/kota (its province, ``context`` around), as inline SVG."""
    return SvgLocator(boundaries[boundaries["region_code"].str[:2] == a.province_code[:2]], context=context)


def _facts(a, code: str, shared: _Shared) -> list[str]:
    out = []
    r = shared.growth.get(code)
    if r is not None:
        out.append(PROFILE["fact_pdrb"].format(year=a.end_year, value=angka(r["value_end"], 1)))
        line = PROFILE["fact_growth"].format(start=a.start_year, end=a.end_year,
                                             growth=persen(r["mean_growth_pct"], 2))
        if a.province_code in shared.growth:
            line += PROFILE["fact_growth_province"].format(
                growth=persen(shared.growth[a.province_code]["mean_growth_pct"], 2))
        out.append(line + ".")
    if code in shared.share:
        out.append(PROFILE["fact_share"].format(province=a.province_name, year=a.end_year,
                                                share=persen(shared.share[code], 1)))
    if code in shared.klassen:
        out.append(PROFILE["fact_klassen"].format(klassen=shared.klassen[code]))
    return out


def _proposals(code: str, names: Mapping[str, str], shared: _Shared) -> list[dict]:
    out = []
    for r in shared.proposals.get(code, []):
        partner = r["region_b"] if r["region_a"] == code else r["region_a"]
        what = str(r.get("objek", "") or r["bentuk"])
        out.append({
            "rank": int(r["rank"]), "partner": names.get(partner, partner), "cross": partner[:2] != code[:2],
            "what": what, "jenis": str(r["jenis"]), "urusan": str(r["urusan"]), "evidence": str(r["evidence"]),
            "instrumen": str(r["instrumen"]), "opd": str(r["opd_pelaksana"]), "title": f"{r['bentuk']}: {what}",
            "who": f"{names.get(r['region_a'], r['region_a'])} – {names.get(r['region_b'], r['region_b'])}",
            **PROFILE["card_labels"],
        })
    return out


def write_profiles(a, out_dir: Path, *, boundaries=None, context=None, neighbours=None, run_date: str = "") -> list[Path]:
    """Write one page per kab/kota of the study into ``out_dir/kabkota/`` (atomic per file)."""
    from potensi.core.atomic import write_text_atomic

    folder = Path(out_dir) / "kabkota"
    written = []
    base = province_locator(a, boundaries, context) if boundaries is not None else None
    shared = _Shared(a, neighbours)
    for code in a.kabkota_codes:
        page = profile_html(a, code, boundaries=boundaries, context=context, neighbours=neighbours,
                            run_date=run_date, locator_maps=base, shared=shared)
        written.append(write_text_atomic(folder / f"{code}.html", page))
    return written


def profile_href(code: str) -> str:
    """Link from a province report to the profile page of kab/kota ``code``."""
    return f"{PROFILE_DIR}/{code}.html"


def link_table(a):
    """The province's kab/kota, each linked to its profile page, with its key figures (for a
    notebook cell: an ``IPython.display.HTML``; every name escaped)."""
    from IPython.display import HTML, Markdown

    codes = a.kabkota_codes if a.has_members else []
    if not codes:
        return Markdown(f"*{PROFILE['no_profiles']}*")
    names = a.region_names
    growth = a.tables.get("pertumbuhan_rata", pd.DataFrame())
    growth = growth.set_index("region_code") if len(growth) else growth
    kl = a.tables.get("klassen_region", pd.DataFrame())
    edge = dict(zip(kl["region_code"], kl["knife_edge"].fillna(False).astype(bool))) if "knife_edge" in kl else {}
    kl = {c: ("–" if pd.isna(k) else str(k)) + (PROFILE["knife_edge"] if edge.get(c) and pd.notna(k) else "")
          for c, k in zip(kl["region_code"], kl["klassen"])} if len(kl) else {}
    sp = a.tables.get("sektor_unggulan", pd.DataFrame())
    top: dict[str, list[str]] = {}
    if len(sp):
        ranked = sp[sp["kelas"].astype(str).isin(["unggulan", "andalan menurun"])].sort_values(
            ["region_code", "share_region_pct"], ascending=[True, False])
        for r in ranked.itertuples(index=False):
            top.setdefault(r.region_code, []).append(f"{r.sector_label} ({r.kelas})")
    rows = []
    for code in codes:
        value = growth.loc[code, "value_end"] if code in growth.index else None
        mean = growth.loc[code, "mean_growth_pct"] if code in growth.index else None
        rows.append(
            f'<tr><td>{html.escape(code)}</td><td><a href="{html.escape(profile_href(code))}">'
            f"{html.escape(names.get(code, code))}</a></td>"
            f'<td class="num">{html.escape(angka(value, 1))}</td><td class="num">{html.escape(angka(mean, 2))}</td>'
            f"<td>{html.escape(kl.get(code, '–'))}</td><td>{html.escape(', '.join(top.get(code, [])) or '–')}</td></tr>")
    head = "".join(f'<th class="{css}">{html.escape(h.format(start=a.start_year, end=a.end_year))}</th>'
                   for h, css in PROFILE["link_columns"])
    caption = html.escape(PROFILE["link_caption"].format(n=len(codes)))
    return HTML(f'<table class="profil-kabkota"><caption style="caption-side: top; text-align: left; '
                f'font-weight: bold;">{caption}</caption><thead><tr>{head}</tr></thead>'
                f"<tbody>{''.join(rows)}</tbody></table>")


def _context_boundaries(a, boundaries):
    """Kab/kota of the provinces bordering ``a``'s (from its ``ketetanggaan`` table): map context."""
    nb = a.tables.get("ketetanggaan", pd.DataFrame())
    own = a.province_code[:2]
    other = set()
    for col in ("region_a", "region_b"):
        if col in nb:
            other |= {c[:2] for c in nb[col].astype(str)}
    other.discard(own)
    return boundaries[boundaries["region_code"].str[:2].isin(other)]


def write_profiles_for(a, out_dir: str | Path, *, run_date: str = ""):
    """Write the profile page of every kab/kota of study ``a`` into ``out_dir/kabkota/`` (the
    report's notebook calls this in its last cell; ``out_dir`` "" writes nothing).

    Boundaries from :func:`potensi.data.boundaries.read_kabkota_boundaries`; the neighbours are
    those of ``a.tables["ketetanggaan"]`` (across the province border too). Returns a one-line
    note for the report, or None when nothing is written.
    """
    import datetime as _dt

    from IPython.display import Markdown

    from potensi.data.boundaries import read_kabkota_boundaries

    if not str(out_dir) or not (a.has_members and a.kabkota_codes):
        return None
    boundaries = read_kabkota_boundaries()
    written = write_profiles(a, Path(out_dir), boundaries=boundaries, context=_context_boundaries(a, boundaries),
                             neighbours=a.tables.get("ketetanggaan"),
                             run_date=str(run_date)[:10] or _dt.date.today().isoformat())
    return Markdown(PROFILE["written"].format(n=len(written), folder=PROFILE_DIR))
