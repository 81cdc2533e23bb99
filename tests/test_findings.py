"""The conclusions' text (potensi.report.findings) and the report panels, on the real data.

What a Kaltim economist and a Bappeda head would check on the first page: Bontang's gas industry
is named as *andalan menurun* with its evidence, government administration never leads, the
three first proposals are three different pairs, and the Sulawesi Selatan study (one of the three
provinces with a BPS IO table) gets a key-sector chart. The rendered HTML is asserted on in
``test_report.py`` (one render per session).
"""

from __future__ import annotations

import re
import warnings

import pytest
from matplotlib.figure import Figure

from potensi.conclusions.sector_potential import TOP_KELAS
from potensi.core.numbers import angka
from potensi.core.wording import FINDINGS, REASONS
from potensi.report import findings, narrative, panels
from potensi.study.province import analyse_province

pytestmark = pytest.mark.filterwarnings("ignore::RuntimeWarning", "ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def kaltim():
    return analyse_province("64")


@pytest.fixture(scope="module")
def sulsel():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return analyse_province("73")


@pytest.fixture(scope="module")
def papua_selatan():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return analyse_province("95")


def test_summary_names_bontang_industry_as_declining_with_evidence(kaltim):
    text = findings.ringkasan_eksekutif(kaltim).data
    line = next(x for x in text.splitlines() if "**Kota Bontang**" in x)
    assert "Industri (andalan menurun; LQ 4," in line  # 80 % of Bontang's PDRB, LQ ≈ 4,1
    assert "% PDRB ADHK" in line and "PPW -" in line and "daya saing menurun" in line
    assert "bukan sektor unggulan" not in text


def test_no_government_administration_in_a_top_class(kaltim):
    sp = kaltim.tables["sektor_unggulan"]
    assert not len(sp[(sp["sector_code"] == "O") & sp["kelas"].isin(TOP_KELAS)])
    assert "Administrasi pemerintahan" not in findings.ringkasan_eksekutif(kaltim).data


def test_top_three_proposals_are_three_different_pairs(kaltim):
    text = findings.ringkasan_eksekutif(kaltim).data
    lines = text.splitlines()
    items = lines[lines.index(FINDINGS["coop_intro"]) + 1:][:3]
    pairs = [re.match(r"    \d\. (.+?) – (.+?): ", x).groups() for x in items]
    assert len({frozenset(p) for p in pairs}) == 3, pairs


def test_first_page_proposals_name_the_province_where_the_urusan_is_its_own(kaltim):
    """A regional water system (SPAM) across kab/kota is a provincial urusan (UU 23/2014 annex):
    the first page says the province is a party; a value chain (agriculture to a city market) is
    the two kab/kota's own, and its two urusan read "pertanian dan perdagangan"."""
    coop = kaltim.tables["kerja_sama"].set_index("rank")
    text = findings.ringkasan_eksekutif(kaltim).data
    lines = text.splitlines()
    items = dict(zip(coop.index[:3], lines[lines.index(FINDINGS["coop_intro"]) + 1:][:3]))
    for rank, line in items.items():
        row = coop.loc[rank]
        assert line.startswith(f"    {rank}. "), line
        provincial = row["objek"] == "sistem penyediaan air minum (SPAM) regional"
        assert ("Pemerintah Provinsi Kalimantan Timur menjadi pihak" in line) == provincial, line
        assert "; " not in row["urusan"] or "(" in row["urusan"], row["urusan"]  # no bare "a; b" urusan list
    assert any("Pemerintah Provinsi Kalimantan Timur menjadi pihak" in x for x in items.values())


def test_summary_compares_with_official_pdb(kaltim):
    text = findings.ringkasan_eksekutif(kaltim).data
    assert "PDB Indonesia (angka resmi BPS)" in text  # 2013–2022: the Σ of 17 sectors ends in 2020


def test_every_kabkota_in_the_class_blocks(kaltim):
    blocks = findings.kelas_per_kabkota(kaltim).data
    names = [kaltim.region_names[c] for c in kaltim.kabkota_codes]
    assert len(names) == 10
    for name in names:
        assert f"<b>{name}</b>" in blocks, name
    assert blocks.count("<details>") == 10


def test_without_mining_panel(kaltim):
    text = findings.tanpa_pertambangan(kaltim).data
    # the headline: province PDRB without B over the window, 205 871,9 -> 270 183,7 miliar rupiah,
    # (270183.7 / 205871.9) ** (1 / 9) - 1 = 3.07 % a year against 1.61 % with mining
    assert text.startswith("PDRB Kalimantan Timur tanpa pertambangan (Σ 16 lapangan usaha, ADHK 2010) tumbuh "
                           "rata-rata 3,07 % per tahun pada 2013–2022")
    assert "dibanding 1,61 % dengan pertambangan" in text
    assert "Pertambangan (B) memegang ≥ 10 % PDRB (ADHK) di 7 dari 10 kab/kota" in text
    assert "tanpa migas" in text and "bukan *tanpa migas*" in text  # said as what it is not
    # Williamson without mining per population segment, never joined across the 2017/2018 break
    assert "2013–2017 (penduduk BPS)" in text and "2018–2022 (penduduk Dukcapil)" in text


def test_kaltim_has_no_io_table_and_says_so_plainly(kaltim):
    text = findings.keterkaitan(kaltim).data
    assert "tidak ada dalam data potensi" in text
    assert panels.linkage_quadrant(kaltim) is None


def test_sulsel_linkages_section_with_key_sector_figure(sulsel):
    text = findings.keterkaitan(sulsel).data
    assert "Sektor kunci" in text and "Industri" in text
    fig = panels.linkage_quadrant(sulsel)
    assert isinstance(fig, Figure)
    labels = {t.get_text(): t for t in fig.axes[0].texts}
    key = sulsel.tables["io_sektor"].query("key_sector")["sector_label"]
    assert len(key) and all(labels[k].get_fontweight() == "bold" for k in key)
    # no two labels overlap once drawn (the legend was moved out of the axes after the labels
    # were placed, narrowing the axes under them: "Administrasi pemerintahan" ran into "Konstruksi")
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    boxes = [t.get_window_extent(canvas.get_renderer()) for t in fig.axes[0].texts if t.get_text() in labels]
    assert not [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes)) if boxes[i].overlaps(boxes[j])]
    html = panels.io_kabkota(sulsel).data
    assert html.startswith("<details>") and "perkiraan" in html
    assert "Σ" not in panels.io_table(sulsel).columns  # LQ beside the export orientation
    assert "lq" in panels.io_table(sulsel).columns


def test_sulsel_lq_beside_the_io_table_is_of_its_year_and_the_correlation_is_read_with_its_p(sulsel):
    """The LQ beside the 2016 IO table is the 2016 LQ (it was the last year's, 2020, unlabelled),
    and the rank correlation with the export orientation (Spearman, 17 sectors, ρ ≈ −0,18,
    p ≈ 0,49) is reported as not significant instead of "LQ is not a good measure"."""
    from scipy.stats import spearmanr

    from potensi.report.formatting import report_view

    t = panels.io_table(sulsel)
    lq = sulsel.tables["lq_nasional"]
    lq16 = lq[lq["year"] == 2016].set_index("sector_code")["lq"]
    assert set(t["lq_year"]) == {2016}
    assert t.set_index("sector_code")["lq"].to_dict() == lq16.reindex(t["sector_code"]).to_dict()
    assert report_view("io_sektor", t)[1]["lq"] == "LQ terhadap Indonesia (2016)"
    rho, p = spearmanr(t["lq"], t["export_share"])
    text = findings.keterkaitan(sulsel).data
    assert f"17 lapangan usaha: {angka(rho, 2)} (p = {angka(p, 2)})" in text
    assert p >= 0.05 and FINDINGS["io_lq_none"] in text and "bukan ukuran yang baik" not in text


@pytest.mark.parametrize("func", ["growth_map", "per_capita_map", "klassen_map", "cooperation_map", "kelas_heatmap",
                                  "growth_chart", "klassen_quadrant"])
def test_panels_draw_for_kaltim(kaltim, func):
    assert isinstance(getattr(panels, func)(kaltim), Figure)


def test_neighbours_across_the_border_named_with_province(kaltim):
    nb = panels.neighbours(kaltim)
    cross = nb[nb["cross_province"]]
    assert len(cross) and cross["cross_province"].iloc[0]  # across the border first
    assert any("Paser" in a and "(Kalimantan Selatan)" in b for a, b in zip(nb["region_name_a"], nb["region_name_b"])) \
        or any("(Kalimantan Selatan)" in a and "Paser" in b for a, b in zip(nb["region_name_a"], nb["region_name_b"]))


def test_rejected_and_peers_are_collapsed_and_whole(kaltim):
    rej = panels.rejected(kaltim).data
    assert rej.startswith("<details>") and rej.count("<tr") > len(kaltim.tables["kerja_sama_ditolak"])
    peers = panels.peers(kaltim).data
    assert peers.count("<details>") == 10


def test_new_papua_province_says_it_once(papua_selatan):
    a = papua_selatan
    note = narrative.catatan_data(a).data
    assert "pemekaran Papua 2022" in note and note.count("tidak") <= 2
    assert "2024" not in note.split("pemekaran")[0]
    growth = narrative.pertumbuhan(a).data
    assert "tertinggi" not in growth and "terendah" not in growth  # one growth year: no max/min
    assert findings.kelas_per_kabkota(a) is None and findings.tanpa_pertambangan(a) is None
    short = FINDINGS["section_skipped"].split(":")[0]
    assert findings.potensi_sektor(a).data.startswith(short)
    assert narrative.sektor_basis(a).data.count("catatan cakupan") == 1
    assert panels.growth_map(a) is None and panels.cooperation_map(a) is None


def test_english_reasons_are_translated_in_the_display():
    import pandas as pd

    from potensi.report.formatting import report_view

    english = next(k for k, v in REASONS.items() if k and k != v and "zero base" in k)
    frame = pd.DataFrame({"region_name": ["Paser"], "sector_label": ["Pertanian"], "year": [2014], "lq": [1.2],
                          "reason": [f"2014: {english}"]})
    view, _, _ = report_view("lq", frame)
    assert view["reason"].iloc[0] == f"2014: {REASONS[english]}"


def test_sulawesi_selatan_report_renders_the_linkage_section(tmp_path):
    # the one rendered report of a province with a BPS IO table (issue 11): section, key sectors,
    # multiplier table, FLQ estimates labelled as estimates
    from potensi.report.render import render_province

    result = render_province("73", out_root=tmp_path, timeout=300)
    assert result.ok, result.error
    html = (tmp_path / "73" / "laporan.html").read_text(encoding="utf-8")
    section = html.split("Keterkaitan antarsektor", 2)[-1].split("Kerja sama daerah", 1)[0]
    assert "Sektor kunci" in section and "perkiraan" in section
    assert "Angka pengganda output" in section or "angka pengganda" in section.lower()
    assert section.count("data:image/png;base64,") >= 1  # the linkage quadrant


def test_link_table_with_a_missing_klassen_class():
    # Sulawesi Tenggara: Buton and Muna have no per-capita class over 2013–2022 (old boundaries in
    # 2013); the kab/kota table shows "–" for them instead of failing the whole report (a batch
    # of every province found it)
    from potensi.report import profiles

    a = analyse_province("74")
    kl = a.tables["klassen_region"]
    assert kl["klassen"].isna().any() or set(a.kabkota_codes) - set(kl["region_code"])
    html = profiles.link_table(a).data
    assert all(a.region_names[c] in html for c in a.kabkota_codes)


def _cell_texts(fig):
    """{(row, column): (text, colour)} of the letters/numbers written in a heatmap's cells."""
    from matplotlib.colors import to_hex

    return {(int(t.get_position()[1]), int(t.get_position()[0])): (t.get_text(), to_hex(t.get_color()))
            for t in fig.axes[0].texts}


def test_kelas_heatmap_letters_sit_on_their_cells_after_a_blank_row():
    """Two kab/kota × three sectors; the first kab/kota has no class for sector A (a blank cell).
    Every letter is in its own cell and white only on the dark *unggulan* cells (seaborn's
    annotation loop skipped blank cells, so colours set afterwards slid one cell along)."""
    import pandas as pd

    from potensi.report import figures

    frame = pd.DataFrame({
        "region_code": ["6401", "6401", "6402", "6402", "6402"],
        "region_name": ["Paser", "Paser", "Kutai Barat", "Kutai Barat", "Kutai Barat"],
        "sector_code": ["B", "C", "A", "B", "C"],
        "kelas": ["unggulan", "layanan lokal", "potensial berkembang", "unggulan", "lainnya"],
        "scenarios_agree": [3, 3, 2, 3, 3], "scenarios_total": [3, 3, 3, 3, 3]})
    cells = _cell_texts(figures.kelas_heatmap(frame))
    # rows top-down in code order (6401 Paser, 6402 Kutai Barat); columns in sector order A, B, C
    assert cells == {(0, 1): ("U", "#ffffff"), (0, 2): ("LL", "#222222"),
                     (1, 0): ("PB*", "#222222"), (1, 1): ("U", "#ffffff"), (1, 2): ("–", "#222222")}


def test_lq_heatmap_numbers_dark_on_light_cells_white_on_dark():
    """LQ 1 is the white middle of the colour scale (dark digits); LQ 10 and 0.1 are the darkest
    red and blue of a scale symmetric around log 1 = 0 (white digits); a missing LQ stays blank."""
    import pandas as pd

    from potensi.report import figures

    lq = pd.DataFrame({"region_code": ["6401"] * 4, "region_name": ["Paser"] * 4, "year": [2022] * 4,
                       "sector_code": ["A", "B", "C", "D"], "lq": [1.0, 10.0, 0.1, float("nan")]})
    cells = _cell_texts(figures.lq_heatmap(lq, year=2022))
    assert cells == {(0, 0): ("1,00", "#262626"), (0, 1): ("10,00", "#ffffff"), (0, 2): ("0,10", "#ffffff")}


def test_a_report_figure_is_laid_out_once_when_saved(kaltim, monkeypatch):
    """tight_layout leaves no layout engine behind, so saving draws the figure once (not a
    layout-only draw first): counted on Figure.draw."""
    from matplotlib.figure import Figure as MplFigure

    fig = panels.kelas_heatmap(kaltim)
    assert fig.get_layout_engine() is None
    draws = []
    original = MplFigure.draw
    monkeypatch.setattr(MplFigure, "draw", lambda self, renderer: draws.append(1) or original(self, renderer))
    import io

    fig.savefig(io.BytesIO(), format="png")
    assert len(draws) == 1


def test_heatmap_cell_texts_are_not_measured_by_the_layout(monkeypatch):
    """The numbers written in the cells lie inside the axes, so tight_layout must not measure
    them (it measured every one: 646 for Jawa Timur's LQ heatmap, a third of its drawing time);
    the tick labels, which set the margins, are still measured."""
    import pandas as pd
    from matplotlib.text import Text

    from potensi.report import figures

    measured = []
    original = Text.get_window_extent
    monkeypatch.setattr(Text, "get_window_extent",
                        lambda self, *a, **k: measured.append(self.get_text()) or original(self, *a, **k))
    lq = pd.DataFrame({"region_code": ["6401", "6401", "6402", "6402"],
                       "region_name": ["Paser", "Paser", "Kutai Barat", "Kutai Barat"], "year": [2022] * 4, "sector_code": ["A", "B", "A", "B"], "lq": [1.25, 3.5, 0.75, 0.5]})
    fig = figures.lq_heatmap(lq, year=2022)
    cells = {t.get_text() for t in fig.axes[0].texts}
    assert cells == {"1,25", "3,50", "0,75", "0,50"}
    assert measured and not cells & set(measured)
    assert "Paser" in measured  # a tick label: the layout still makes room for the names


def test_profile_pages_show_their_own_proposals_neighbours_and_facts(kaltim):
    """Each kab/kota page (built from the study's tables split once per province) carries the
    proposals of that kab/kota in rank order, on either side of the pair, its neighbours from
    the adjacency table (either side) and its own growth and share."""
    import html as _html

    from potensi.report import profiles
    from potensi.report.formatting import persen

    a = kaltim
    coop, nb = a.tables["kerja_sama"], a.tables["ketetanggaan"]
    share = dict(zip(a.tables["kontribusi_kabkota"]["region_code"], a.tables["kontribusi_kabkota"]["share_pct"]))
    seen = set()
    for code in a.kabkota_codes:
        page = profiles.profile_html(a, code, neighbours=nb)
        mine = coop[(coop["region_a"] == code) | (coop["region_b"] == code)].sort_values("rank")
        ranks = [int(r) for r in re.findall(r'<div class="card">\s*<h3>(\d+)\. ', page)]
        assert ranks == [int(r) for r in mine["rank"]], code
        seen |= set(ranks)
        near = nb[(nb["region_a"] == code) | (nb["region_b"] == code)]
        others = [b if a_ == code else a_ for a_, b in zip(near["region_a"], near["region_b"])]
        table = page.split("Kab/kota</th>", 1)[1].split("</table>", 1)[0]
        assert re.findall(r"<tr><td>(\d{4})</td>", table) == others, code
        assert _html.escape(persen(share[code], 1)) in page, code
    assert seen == set(coop["rank"])  # every proposal is on the page of its kab/kota


def test_map_polygons_draw_the_pixels_geopandas_draws():
    """maps.polygons replaces GeoSeries.plot (without its per-ring Python and its redraw after
    every call): the same image for a square with a hole drawn counter-clockwise, a two-part
    multipolygon, an empty geometry, per-geometry colours and a hatch."""
    import io

    import geopandas as gpd
    import matplotlib.pyplot as plt
    from shapely.geometry import MultiPolygon, Polygon, box

    from potensi.report import maps

    holed = Polygon([(0, 0), (4, 0), (4, 4), (0, 4)], [[(1, 1), (1, 3), (3, 3), (3, 1)]])
    geo = gpd.GeoSeries([holed, MultiPolygon([box(5, 0, 6, 1), box(5, 2, 7, 4)]), Polygon(), box(0, 5, 7, 6)])
    colours = ["#1b7837", "#e08214", "#7fbf7b", "#9e9ac8"]

    def image(draw) -> bytes:
        fig, ax = plt.subplots(figsize=(3, 3), dpi=50)
        ax.set_axis_off()  # as every map
        draw(ax)
        ax.set(xlim=(-1, 8), ylim=(-1, 7), aspect=1.0)  # as maps._done frames every map
        buf = io.BytesIO()
        fig.savefig(buf, format="png", metadata={"Software": None})
        plt.close(fig)
        return buf.getvalue()

    for style in ({"edgecolor": "#555555", "linewidth": 0.5}, {"edgecolor": "black", "linewidth": 1.0, "hatch": "///"}):
        ours = image(lambda ax, style=style: maps.polygons(ax, geo, facecolor=colours, **style))
        theirs = image(lambda ax, style=style: geo.plot(ax=ax, color=colours, **style))
        assert ours == theirs, style
    plain = image(lambda ax: maps.polygons(ax, geo, facecolor="white", edgecolor="#555555", linewidth=0.5))
    assert plain != image(lambda ax: maps.polygons(ax, geo, facecolor=colours, edgecolor="#555555", linewidth=0.5))


def test_class_tables_read_text_from_the_left_numbers_from_the_right(kaltim):
    """The per-kab/kota class tables: names, classes and evidence left-aligned (a long right-aligned
    evidence text is hard to read), LQ, share, PPW and scenarios right-aligned, by the report's
    stylesheet."""
    from potensi.report.render import TEMPLATES

    block = findings.kelas_per_kabkota(kaltim).data.split("</details>")[0]
    head = re.search(r"<thead><tr>(.*?)</tr>", block).group(1)
    assert re.findall(r"<th class='num'>([^<]*)</th>", head) == ["LQ rata-rata", "Pangsa PDRB (%, ADHK)",
                                                                   "PPW (miliar Rp)", "Skenario sama"]
    assert "<table class='kelas-kabkota'>" in block
    first = re.search(r"<tbody><tr>(.*?)</tr>", block).group(1)
    assert [bool(re.match(r"<td class='num'>", c)) for c in re.findall(r"<td[^>]*>", first)] == \
        [False, False, True, True, True, True, False]
    css = (TEMPLATES / "report.html.j2").read_text(encoding="utf-8")
    assert re.search(r"table\.kelas-kabkota th \{ text-align: left;", css)
    assert re.search(r"table\.kelas-kabkota th\.num \{ text-align: right;", css)


def test_first_page_names_every_sector_holding_a_tenth_of_a_kabkota(kaltim):
    """Each kab/kota's line names its top-class sectors and, beside them, every other sector of
    ≥ 10 % of its PDRB: Penajam Paser Utara's mining (24,2 %) and construction (22,6 %),
    in no top class, are no longer missing from the first page."""
    sp = kaltim.tables["sektor_unggulan"]
    text = findings.ringkasan_eksekutif(kaltim).data
    for code in kaltim.kabkota_codes:
        name = kaltim.region_names[code]
        line = next(x for x in text.splitlines() if x.startswith(f"  - **{name}**"))
        mine = sp[sp["region_code"] == code]
        big = mine[mine["share_region_pct"] >= findings.LARGE_SHARE_PCT].sort_values("share_region_pct", ascending=False)
        top = set(findings.top_sectors(kaltim, code)["sector_code"])
        others = big[~big["sector_code"].isin(top)]
        for r in others.itertuples():
            assert f"{r.sector_label} ({r.kelas}; {angka(r.share_region_pct, 1)} %)" in line, (name, line)
        assert ("Sektor besar lain" in line) == bool(len(others)), line
    ppu = next(x for x in text.splitlines() if x.startswith("  - **Penajam Paser Utara**"))
    assert "Pertambangan (lainnya; 24,2 %), Konstruksi (layanan lokal; 22,6 %) dan Industri (lainnya; 12,8 %)" in ppu


def test_data_note_flags_the_provinces_own_provisional_year_and_the_scope_of_the_national_window(kaltim):
    """Kaltim's 2022 PDRB is *sementara* for the province as for its ten kab/kota (BPS status in
    the data); the note said "kab/kota" only. The 2013–2020 window with Indonesia concerns the
    comparison by sector, not the growth benchmark (official PDB to 2022) of the first page."""
    from potensi.data.store import province_pdrb

    pdrb = province_pdrb("6400")
    own = pdrb[(pdrb["region_code"] == "6400") & pdrb["year"].between(2013, 2022) & pdrb["provisional"]]
    assert sorted(own["year"].unique()) == [2022]
    note = narrative.catatan_data(kaltim).data
    assert "Angka provinsi dan 10 kab/kota tahun 2022 masih angka sementara BPS" in note
    assert "perbandingan provinsi dengan Indonesia menurut lapangan usaha" in note


def test_declining_mainstays_on_a_threshold_say_so(kaltim):
    """The "andalan yang menurun" sentence marks an item whose class sits on a threshold (as the
    per-kab/kota lines do), so that a borderline case is not asserted like a clear one. Kaltim's
    three largest declining mainstays are clear cases; Kukar's mining is set on a threshold here."""
    import dataclasses

    sp = kaltim.tables["sektor_unggulan"].copy()
    sp.loc[(sp["region_code"] == "6403") & (sp["sector_code"] == "B"), "knife_edge"] = True
    kaltim = dataclasses.replace(kaltim, tables={**kaltim.tables, "sektor_unggulan": sp})
    big = sp[sp["kelas"] == "andalan menurun"].sort_values("share_region_pct", ascending=False).head(3)
    text = findings.ringkasan_eksekutif(kaltim).data
    line = next(x for x in text.splitlines() if x.startswith("- **Andalan yang menurun.**"))
    for r in big.itertuples():
        item = f"{r.sector_label} di {kaltim.region_names[r.region_code]} ({angka(r.share_region_pct, 1)} % PDRB ADHK)"
        assert item in line
        assert line.split(item, 1)[1].startswith(" " + FINDINGS["knife_edge"]) == bool(r.knife_edge), (item, line)
    assert big["knife_edge"].sum() == 1


def test_mining_panel_names_the_kabkota_it_counts(sulsel):
    """"≥ 10 % in 3 of 24 kab/kota" now names them with two decimals: Pangkajene dan Kepulauan's
    9,98 % prints as "10,0 %" in section 1 and is not one of them."""
    sp = sulsel.tables["sektor_unggulan"]
    b = sp[sp["sector_code"] == "B"].set_index("region_code")["share_region_pct"]
    text = findings.tanpa_pertambangan(sulsel).data
    line = next(x for x in text.splitlines() if "memegang ≥ 10 %" in x)
    big = b[b >= 10].sort_values(ascending=False)
    assert f"di {len(big)} dari {len(b)} kab/kota (" in line
    for code, share in big.items():
        assert f"{sulsel.region_names[code]} {angka(share, 2)} %" in line
    assert 9.95 <= b["7309"] < 10 and sulsel.region_names["7309"] not in line


@pytest.mark.parametrize("which", ["kaltim", "sulsel"])
def test_cooperation_map_badges_leave_the_towns_names_free(which, request):
    """No text of the map covers another: each town's name sits clear of the other names and
    seats, each rank badge clear of the names and the other badges (on Kaltim's map
    "2, 5" covered "Penajam Paser Utara", on Sulsel's "2, 4" and "3" covered "Kota Makassar" and
    "Gowa": the badges sat at the middle of short lines). Badges are the white texts."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    a = request.getfixturevalue(which)
    fig = panels.cooperation_map(a)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    texts = fig.axes[0].texts
    for t in texts:
        t.update_positions(renderer)
    badges = [Text.get_window_extent(t, renderer) for t in texts if t.get_color() == "white"]
    towns = [Text.get_window_extent(t, renderer) for t in texts if t.get_color() != "white"]
    assert len(badges) >= 5 and len(towns) >= 5
    assert not [b for b in badges for t in towns if b.overlaps(t)]
    assert not [(i, j) for i in range(len(badges)) for j in range(i + 1, len(badges)) if badges[i].overlaps(badges[j])]
    # nor do two towns' names ("Kota Balikpapan" sat on "Penajam Paser Utara")
    assert not [(i, j) for i in range(len(towns)) for j in range(i + 1, len(towns)) if towns[i].overlaps(towns[j])]


def test_cooperation_method_states_the_market_floor_as_potensis_own(kaltim):
    """The value chains' market floor (a downstream sector of ≥ 1 % of its region's PDRB) is a rule
    of potensi's: section 4's method says so, with the threshold the candidates use."""
    from potensi.conclusions.cooperation.candidates import MIN_MARKET_SHARE_PCT

    text = findings.kerja_sama(kaltim).data
    assert f"lapangan usaha hilir ≥ {angka(MIN_MARKET_SHARE_PCT, 0)} % PDRB daerahnya (aturan potensi sendiri)" in text
