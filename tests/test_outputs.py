"""What a run hands to its readers: the XLSX workbook, the kab/kota profile pages, the index, the
table of contents, the print stylesheet and the PDF.

The report tests share one render of Kalimantan Timur (``_report_session.kaltim_report``); the
workbook tests use small literal tables. The PDF and print-width tests need Chromium and the
playwright package: skipped with the reason when missing, except under ``CI=true``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from _report_session import kaltim_report

from potensi.report import batch, render
from potensi.study import export

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
CHROMIUM = Path("/usr/bin/chromium")
KALTIM = ["6401", "6402", "6403", "6404", "6405", "6409", "6411", "6471", "6472", "6474"]
SNAKE = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)+$")
PROVENANCE = {"package": "potensi", "version": "0.0", "git_commit": "abc", "run_date": "2024-05-01T10:00:00+07:00",
              "parameters": {"province_code": "64"}, "inputs_sha256": {"a.csv": "ff"}}


@pytest.fixture
def frame():
    return pd.DataFrame({
        "region_code": ["6401", "=HYPERLINK(\"http://x\")", "@SUM(A1)", "+1-2", "-cmd|' /C calc'!A0"],
        "region_name": ["Paser", "Kutai <Barat> & co", " spasi ", None, "Bontang"],
        "year": [2013, 2014, 2015, 2016, 2017],
        "value": [1234.56789, np.nan, 1e-5, 3.0, -2.5],
        "growth_pct": [1.23456, -2.0, np.inf, 0.1, 0.0],
        "lq": [1.01234, 0.9, 1.0, 2.0, 0.5],
        "provisional": [True, False, True, False, True],
        "kelas": pd.Categorical(["unggulan", None, "lainnya", "unggulan", "lainnya"]),
    })


def _write(path, tables, **kw):
    return export.write_workbook(path, tables, provenance=PROVENANCE, **kw)


def _cells(path, sheet):
    ws = openpyxl.load_workbook(path)[sheet]
    return ws, [[(c.value, c.number_format, c.data_type) for c in row] for row in ws.iter_rows()]


# --------------------------------------------------------------------------------------------
# workbook
# --------------------------------------------------------------------------------------------
def test_workbook_headers_formats_panes_filter(frame, tmp_path):
    path = _write(tmp_path / "t.xlsx", {"lq": frame, "lq_nasional": frame})
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["LQ", "LQ (Indonesia)", "Sumber"]
    ws, rows = _cells(path, "LQ")
    assert [v for v, _, _ in rows[0]] == ["Kode wilayah", "Wilayah", "Tahun", "PDRB (miliar rupiah)",
                                          "Pertumbuhan (%)", "LQ", "Angka sementara", "Kelas potensi"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:H6"
    first = rows[1]
    assert first[2] == (2013, "0", "n")  # years never grouped
    assert first[3] == (1234.56789, "#,##0.0", "n")  # full precision, shown with one decimal
    assert first[4] == (1.23456, "#,##0.00", "n")
    assert first[5] == (1.01234, "0.000", "n")
    assert first[6][0] == "ya" and rows[2][6][0] == "tidak"
    assert rows[2][3][0] is None and rows[3][4][0] is None  # NaN and inf: empty cells
    assert rows[2][1][0] == "Kutai <Barat> & co" and rows[3][1][0] == " spasi "
    for row in rows[1:]:  # every number cell has a number format
        assert all(fmt != "General" for v, fmt, kind in row if kind == "n" and v is not None), row
    widths = [ws.column_dimensions[c].width for c in "ABCDEFGH"]
    assert all(8 <= w <= 62 for w in widths), widths


def test_workbook_formula_like_texts_stay_text(frame, tmp_path):
    _, rows = _cells(_write(tmp_path / "t.xlsx", {"lq": frame}), "LQ")
    codes = [r[0] for r in rows[1:]]
    assert [v for v, _, _ in codes] == list(frame["region_code"])
    assert all(kind == "s" for _, _, kind in codes)  # strings, never formulas ("f")


def test_workbook_bytes_reproducible(frame, tmp_path):
    a = _write(tmp_path / "a.xlsx", {"lq": frame, "dlq": frame})
    b = _write(tmp_path / "b.xlsx", {"lq": frame, "dlq": frame})
    assert hashlib.sha256(a.read_bytes()).digest() == hashlib.sha256(b.read_bytes()).digest()
    c = export.write_workbook(tmp_path / "c.xlsx", {"lq": frame}, provenance={**PROVENANCE, "run_date": "2025-01-01"})
    assert openpyxl.load_workbook(c).properties.created.year == 2025


def test_workbook_bulk_path_equals_public_path(frame, tmp_path, monkeypatch):
    fast = _write(tmp_path / "fast.xlsx", {"lq": frame})
    monkeypatch.setattr(export, "USE_BULK", False)
    slow = _write(tmp_path / "slow.xlsx", {"lq": frame})
    for sheet in ("LQ", "Sumber"):
        (ws_a, a), (ws_b, b) = _cells(fast, sheet), _cells(slow, sheet)
        assert a == b
        assert (ws_a.freeze_panes, ws_a.auto_filter.ref, ws_a.dimensions) == (ws_b.freeze_panes, ws_b.auto_filter.ref,
                                                                              ws_b.dimensions)


def test_workbook_sources_sheet(frame, tmp_path):
    _, rows = _cells(_write(tmp_path / "t.xlsx", {"lq": frame}), "Sumber")
    items = {r[0][0]: r[1][0] for r in rows}
    assert items["Paket"] == "potensi 0.0" and items["Tanggal dijalankan"] == PROVENANCE["run_date"]
    assert items["Parameter: province_code"] == '"64"' and items["SHA-256 a.csv"] == "ff"
    assert "BPS" in items["Sumber data"] and items["Lembar LQ"] == "5 baris"


def test_workbook_too_large_refused_before_writing(tmp_path):
    big = pd.DataFrame({"x": np.zeros(export.EXCEL_MAX_ROWS, dtype=np.int8)})  # + header: one row too many
    with pytest.raises(ValueError, match=r"write_workbook: table 'lq' has 1,048,576 rows; an Excel sheet holds "
                                         r"1,048,575 rows below its header"):
        export.write_workbook(tmp_path / "t.xlsx", {"lq": big})
    assert not list(tmp_path.iterdir())
    wide = pd.DataFrame(np.zeros((1, export.EXCEL_MAX_COLS + 1)))
    with pytest.raises(ValueError, match=r"write_tables: table 'w' has 16,385 columns"):
        from potensi.study.sector_tables import write_tables

        write_tables({"w": wide}, tmp_path / "out")
    assert not (tmp_path / "out").exists()  # nothing written, not even the CSV


def test_sheet_names_valid_and_unique():
    names = export.sheet_names(["a" * 40, "a" * 40 + "b", "x[1]:y*?", "sumber", "lq", "growth_nasional"])
    assert all(len(n) <= 31 for n in names.values())
    assert len({n.lower() for n in names.values()} | {"sumber"}) == len(names) + 1  # "Sumber" stays free
    assert not any(set(n) & set("[]:*?/\\") for n in names.values())
    assert names["growth_nasional"] == "Pertumbuhan sektor (Indonesia)"


def test_csv_formula_safe(tmp_path, frame):
    path = export.write_csv(tmp_path / "t.csv", frame.assign(sign=["--+", "-", "+", "-+-", "++"]))
    back = pd.read_csv(path, dtype=str)
    assert back["region_code"].tolist() == ["6401", "'=HYPERLINK(\"http://x\")", "'@SUM(A1)", "+1-2",
                                            "'-cmd|' /C calc'!A0"]
    assert back["sign"].tolist() == ["--+", "-", "+", "-+-", "++"]  # MRP signs are data, kept as they are
    assert frame["region_code"].iloc[1].startswith("=")  # input unchanged


# --------------------------------------------------------------------------------------------
# the rendered Kaltim report: workbook, profiles, links, table of contents, print stylesheet
# --------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def kaltim():
    result, out = kaltim_report()
    assert result.ok, f"{result.error}\n{result.detail}"
    return result, out


@pytest.fixture(scope="module")
def page(kaltim):
    return Path(kaltim[0].files["html"]).read_text(encoding="utf-8")


def test_report_workbook_indonesian_and_formatted(kaltim):
    wb = openpyxl.load_workbook(kaltim[0].files["xlsx"])
    assert "Sumber" in wb.sheetnames
    for ws in wb.worksheets:
        header = [c.value for c in ws[1]]
        assert not [h for h in header if h and SNAKE.match(str(h))], (ws.title, header)
        if ws.title != "Sumber":
            assert ws.freeze_panes == "A2", ws.title
        for row in ws.iter_rows(min_row=2, max_row=6):
            general = [c.coordinate for c in row if c.data_type == "n" and c.value is not None
                       and c.number_format == "General"]
            assert not general, (ws.title, general)


def test_profiles_written_self_contained(kaltim):
    result, out = kaltim
    folder = out / "64" / "kabkota"
    assert sorted(p.stem for p in folder.glob("*.html")) == KALTIM
    from potensi.data.regions import region_catalog

    names = dict(zip(region_catalog()["region_code"], region_catalog()["region_name"]))
    with_proposals = 0
    for code in KALTIM:
        text = (folder / f"{code}.html").read_text(encoding="utf-8")
        assert render.external_urls(text) == [], code
        assert not re.search(r"""(?:src|href)\s*=\s*["']?https?:""", text), code
        assert f"<h1>Profil potensi ekonomi {names[code]}</h1>" in text
        # the locator map, inline SVG: the region dark green with its name, the title above
        svg = re.search(r'<svg class="locator" role="img" aria-label="([^"]*)".*?</svg>', text, re.S)
        assert svg and svg.group(1) == f"Peta letak {names[code]} di Kalimantan Timur"
        assert 'fill="#1b7837" stroke="black"' in svg.group(0) and "<path d=\"M" in svg.group(0)
        assert "Potensi lapangan usaha" in text and re.search(r'class="kelas[^"]*">(unggulan|andalan menurun)<', text)
        assert "Usulan kerja sama daerah" in text
        with_proposals += '<div class="card">' in text
        assert "shared_border" not in text and "berbatasan darat" in text
        assert not re.search(r">\d\.\d{3}</td>", text), "a year shown grouped (2.013)"
        assert '<a href="../laporan.html">' in text
    assert with_proposals >= 5  # the ten proposals involve most of the ten kab/kota
    manifest = (out / "64" / "manifest.json").read_text(encoding="utf-8")
    assert '"kabkota/6401.html"' in manifest


def test_report_links_every_profile(page):
    for code in KALTIM:
        assert f'<a href="kabkota/{code}.html">' in page, code
    assert "Profil 10 kab/kota" in page


def test_report_figures_shown_as_laid_out(page):
    """The report's figures are the whole canvas their tight_layout laid out (figsize × 96 dpi:
    every size a multiple of 48 px for the half-inch figure sizes), not cropped by a second
    bbox_inches="tight" pass (which gives sizes such as 1044 × 662)."""
    import base64
    import io

    from PIL import Image

    sizes = [Image.open(io.BytesIO(base64.b64decode(m))).size
             for m in re.findall(r'src="data:image/png;base64,([^"]+)"', page)]
    assert len(sizes) >= 12
    assert all(w % 48 == 0 for w, _ in sizes), sizes
    assert sizes[0] == (1056, 672)  # the first figure, the kelas potensi heatmap of the ten kab/kota: 11 × 7 in


def test_report_toc_and_print_stylesheet(page):
    nav = re.search(r'<nav class="toc".*?</nav>', page, re.S)
    assert nav, "no table of contents"
    ids = set(re.findall(r'<h[23] id="([^"]+)"', page))
    targets = re.findall(r'href="#([^"]+)"', nav.group(0))
    assert len(targets) >= 12 and set(targets) <= ids
    assert page.index('<nav class="toc"') < page.index("<h2 ")
    assert "<script" not in nav.group(0)
    for rule in ("@page { size: A4", "break-before: page", "word-break: break-word", "max-width: 100% !important",
                 "details::details-content"):
        assert rule in page, rule


def test_toc_nests_h3_under_h2():
    body = ('<h2 id="a">A<a class="anchor-link" href="#a">¶</a></h2><h3 id="b">B &amp; C</h3>'
            '<h3 id="c">&lt;C&gt;</h3><h2 id="d">D</h2>')
    assert render.toc_html(body) == (
        '<nav class="toc" aria-label="Daftar isi"><p class="toc-title"><b>Daftar isi</b></p><ol>'
        '<li><a href="#a">A</a><ul><li><a href="#b">B &amp; C</a></li><li><a href="#c">&lt;C&gt;</a></li>'
        '</ul></li><li><a href="#d">D</a></li></ol></nav>')
    assert render.toc_html("<p>no headings</p>") == ""


def test_toc_goes_after_the_title_cell_whatever_the_attribute_order():
    # nbconvert writes a cell's id before its class once cells have ids
    body = ('<main><div id="cell-id=t" class="jp-Cell jp-MarkdownCell"><h1 id="t">Judul</h1></div>'
            '<div id="cell-id=s" class="jp-Cell jp-MarkdownCell"><h2 id="s">1. Ringkasan</h2></div></main>')
    out = render.add_toc(body)
    assert out.index("<h1") < out.index("<nav") < out.index('<div id="cell-id=s"')


def test_index_lists_every_report_and_profile(kaltim, tmp_path):
    _, out = kaltim
    index = batch.write_index([], out_root=out).read_text(encoding="utf-8")
    for code in KALTIM:
        assert f'href="64/kabkota/{code}.html"' in index, code
    assert 'href="64/laporan.html"' in index and "Kota Samarinda" in index
    assert render.external_urls(index) == []
    assert 'src="data:image/png;base64,' in index  # the province map
    assert '<input type="search" id="cari"' in index


def test_index_escapes_names(tmp_path):
    folder = tmp_path / "64"
    (folder / "kabkota").mkdir(parents=True)
    (folder / "laporan.html").write_text("x", encoding="utf-8")
    (folder / "manifest.json").write_text('{"title": "<script>alert(1)</script> & Co"}', encoding="utf-8")
    (folder / "kabkota" / "6401.html").write_text("x", encoding="utf-8")
    index = batch.write_index([], out_root=tmp_path).read_text(encoding="utf-8")
    assert "<script>alert(1)" not in index and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in index


def test_report_pdf_needs_chromium(monkeypatch, capsys):
    from potensi.commands import report as command

    monkeypatch.setattr(render, "find_chromium", lambda: None)
    args = argparse.Namespace(province="64", pdf=True)
    assert command.run(args) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and err.startswith("potensi: error: --pdf needs Chromium")


# --------------------------------------------------------------------------------------------
# with Chromium: the PDF prints, and under print media no table is wider than an A4 page
# --------------------------------------------------------------------------------------------
def _need_chromium() -> None:
    missing = [] if CHROMIUM.exists() else [f"{CHROMIUM} not found (apt-get install chromium)"]
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("python package playwright not installed")
    if missing:
        reason = "; ".join(missing)
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser test must run under CI=true: {reason}")
        pytest.skip(f"browser test skipped: {reason}")


#: A4 (210 mm) at 96 px per inch less the 12 mm side margins of the print stylesheet.
A4_CONTENT_PX = round((210 - 2 * 12) / 25.4 * 96)


def _too_wide(path: Path) -> tuple[int, list]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        context = browser.new_context(offline=True, viewport={"width": A4_CONTENT_PX, "height": 1000})
        page = context.new_page()
        page.emulate_media(media="print")
        page.goto(path.as_uri(), wait_until="load")
        width, wide = page.evaluate("""() => { const w = document.documentElement.clientWidth;
            return [w, Array.from(document.querySelectorAll('table, img'))
              .map(t => [t.tagName, Math.round(t.getBoundingClientRect().right), t.scrollWidth,
                         ((t.querySelector('caption') || {}).textContent || t.alt || '').slice(0, 60)])
              .filter(x => x[1] > w + 1 || x[2] > w + 1)]; }""")
        browser.close()
    return width, wide


def test_pdf_prints_and_tables_fit_the_page(kaltim, tmp_path):
    _need_chromium()
    result, out = kaltim
    pdf = render.print_pdf(Path(result.files["html"]), tmp_path / "laporan.pdf", chromium=str(CHROMIUM))
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 50_000
    boxes = set(re.findall(rb"/MediaBox ?\[0 0 ([\d.]+) ([\d.]+)\]", data))
    assert boxes and all(abs(float(w) - 595) < 1 and abs(float(h) - 842) < 1 for w, h in boxes)  # A4 in pt
    for path in (Path(result.files["html"]), out / "64" / "kabkota" / "6403.html"):
        width, wide = _too_wide(path)
        assert width == A4_CONTENT_PX
        assert wide == [], f"{path.name}: wider than the A4 page under print media: {wide[:4]}"
