"""The province report rendered with papermill for Kalimantan Timur, and the runner's failure handling.

The report is rendered once per session (``_report_session.kaltim_report``) and many things are
asserted on it: sections, numbers that match the library, no code, no traceback, no external URL,
the workbook and the manifest.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import openpyxl
import pytest
from _report_session import kaltim_report

from potensi.report import batch
from potensi.report import render as report
from potensi.report.formatting import angka, persen, rupiah
from potensi.study.export import column_header
from potensi.study.province import analyse_province

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def kaltim():
    result, out = kaltim_report()
    assert result.ok, f"{result.error}\n{result.detail}"
    return result, out


@pytest.fixture(scope="module")
def page(kaltim):
    return Path(kaltim[0].files["html"]).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def text(page):
    """Visible text of the page (tags stripped, entities for < > & decoded)."""
    body = re.sub(r"<style.*?</style>|<script.*?</script>", " ", page, flags=re.S)
    body = re.sub(r"<[^>]+>", " ", body)
    return re.sub(r"\s+", " ", body.replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&"))


@pytest.fixture(scope="module")
def analysis():
    return analyse_province("64")  # the default window, as the rendered report


def test_outputs_written(kaltim):
    result, out = kaltim
    folder = out / "64"
    assert sorted(p.name for p in folder.iterdir()) == ["kabkota", "laporan.html", "laporan.ipynb", "manifest.json",
                                                        "tabel.xlsx"]
    assert not [p for p in out.iterdir() if p.name.startswith(".")], "staging folder left behind"


@pytest.mark.parametrize("heading", [
    "1. Ringkasan eksekutif", "2. Potensi lapangan usaha per kab/kota", "Tanpa pertambangan",
    "3. Keterkaitan antarsektor", "4. Kerja sama daerah", "5. Struktur dan pertumbuhan PDRB", "Sektor basis",
    "shift-share", "Tipologi Klassen", "Model Rasio Pertumbuhan", "Spesialisasi dan ketimpangan", "Konvergensi",
    "Provinsi terhadap Indonesia", "Kualitas data dan sumber", "Lampiran", "Asal-usul laporan",
])
def test_sections(text, heading):
    assert heading in text


def test_title_and_language(page, text):
    assert "<title>Potensi Ekonomi Kalimantan Timur 2013–2022</title>" in page
    assert '<html lang="id">' in page
    assert "Potensi Ekonomi Daerah Provinsi Kalimantan Timur" in text


def test_no_code_no_traceback_no_error(page, text):
    assert 'class="jp-CodeMirrorEditor' not in page and "hl-ipython3" not in page  # no code cell inputs
    for marker in ["Traceback", "Error", "analyse_province(", "import ", "view.table(", "figures."]:
        assert marker not in text, marker
    assert "jp-OutputArea-output" in page


def test_no_external_url(page):
    assert report.external_urls(page) == []
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    for cdn in ["require.js", "mathjax", "MathJax", "cdnjs", "unpkg", "jsdelivr", "fonts.googleapis"]:
        assert cdn not in page, cdn


def test_figures_embedded(page):
    images = re.findall(r'<img[^>]+src="([^"]{0,40})', page)
    assert len(images) >= 8
    assert all(src.startswith("data:image/png;base64,") for src in images)
    # alt texts in Indonesian, never nbconvert's English default
    alts = re.findall(r'<img[^>]+alt="([^"]*)"', page)
    assert alts and not any("description" in a.lower() for a in alts)
    assert all("gambar" in a.lower() or "peta" in a.lower() for a in alts)


def test_numbers_match_library(text, analysis):
    tot = analysis.tables["pdrb_tahunan"]
    kaltim = tot[tot["region_code"] == "6400"].set_index("year")["value"]
    assert rupiah(kaltim[2013]) in text  # 438.532,9 miliar rupiah
    assert rupiah(kaltim[2022]) in text
    growth = analysis.tables["pertumbuhan_rata"].set_index("region_code").loc["6400", "mean_growth_pct"]
    assert persen(growth, 2) in text
    struct = analysis.tables["struktur"]
    mining = struct[(struct["region_code"] == "6400") & (struct["year"] == 2022) & (struct["sector_code"] == "B")]
    assert f"Pertambangan ({persen(mining['share_pct'].iloc[0])}" in text
    lq = analysis.tables["lq_nasional"]
    b = lq[(lq["year"] == lq["year"].max()) & (lq["sector_code"] == "B")]["lq"].iloc[0]  # Σ 17 LU to 2020
    assert f"Pertambangan (LQ {angka(b, 2)})" in text


def test_careful_wording(text):
    assert "LQ tidak mengukur pertumbuhan" in text
    assert "Kuncoro 2004" not in text and "Sjafrizal 2008" in text
    assert "kata label pilihan potensi" in text  # the SLQ×DLQ words are potensi's: the sources disagree
    assert "Indonesia (Σ 17 lapangan usaha)" in text and "PDB Indonesia yang diterbitkan BPS" in text
    assert not re.search(r"\d,\d{3}\.\d", text), "English number format in the report"


TECHNICAL_HEADERS = ["slq_dlq_rule", "reference_code", "price_basis", "homothetic_base", "em_net_competitive",
                     "arcelus_regional_mix", "net_shift", "value_start", "herfindahl_normalised", "supplier_name",
                     "n_regions", "statistic", "method", "region_code", "sector_label", "mean_growth_pct"]


def test_table_headers_are_indonesian(page):
    """Headings of the HTML tables are words for the reader, not column names of the library."""
    headers = [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<th\b[^>]*>(.*?)</th>", page, flags=re.S)]
    assert len(headers) > 50
    assert not [h for h in headers if h in TECHNICAL_HEADERS]
    assert not [h for h in headers if re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)+", h)], "snake_case header"
    for heading in ["Aturan", "SLQ (rata-rata)", "Kelas SLQ×DLQ", "Pergeseran bersih (PB = PP + PPW)",
                    "PDRB 2013 (miliar rupiah)", "Indeks Krugman", "Jarak (km)", "Kelas potensi", "Cara ditemukan",
                    "Jarak antarpusat pemerintahan (km)", "Alasan", "Indeks aksesibilitas"]:
        assert f">{heading}</th>" in page, heading


def test_workbook_keeps_every_column(kaltim, analysis):
    result, _ = kaltim
    wb = openpyxl.load_workbook(result.files["xlsx"], read_only=True)
    header = [c.value for c in next(wb["Shift-share"].iter_rows(max_row=1))]
    assert header == [column_header(c) for c in analysis.tables["shift_share"].columns]  # Indonesian headings
    assert {"Basis homotetik (E-M)", "Efek kompetitif bersih (E-M)", "Dasar harga"} <= set(header)


def test_workbook_has_every_shown_table(kaltim):
    result, _ = kaltim
    wb = openpyxl.load_workbook(result.files["xlsx"], read_only=True)
    for sheet in ["Struktur PDRB ringkas", "Rata-rata pertumbuhan", "DLQ dan SLQ×DLQ", "Shift-share",
                  "Selisih kab-kota", "Asal-usul laporan", "Sumber"]:
        assert sheet in wb.sheetnames, sheet
    nb = nbformat.read(result.files["ipynb"], as_version=4)
    assert "/.staging-" not in json.dumps(nb.cells)


def test_manifest(kaltim):
    result, _ = kaltim
    m = json.loads(Path(result.files["manifest"]).read_text(encoding="utf-8"))
    assert m["version"] and m["git_commit"] and m["run_date"]
    assert m["parameters"]["province_code"] == "64"
    assert m["parameters"]["start_year"] == 2013
    assert "pdrb_lapus_kabkota_adhk2010_2013_2020.csv" in m["inputs_sha256"]
    assert set(m["outputs_sha256"]) == {"laporan.html", "tabel.xlsx"}


def test_parameters_are_checked_before_running():
    with pytest.raises(report.ReportError, match=r"unknown parameter\(s\) \['provinsi'\]"):
        report.check_parameters(report.PROVINCE_TEMPLATE, {"provinsi": "64"})


def test_unknown_province_refused_before_a_kernel_starts(tmp_path):
    with pytest.raises(ValueError, match="unknown province code '99'; valid codes: 11 Aceh"):
        report.render_province("99", out_root=tmp_path)


def test_papermill_cli_unknown_code_lists_valid_codes(tmp_path):
    """``papermill … -r province_code 9999``: fails in the first cell with the list of codes."""
    out = tmp_path / "out.ipynb"
    proc = subprocess.run([sys.executable, "-m", "papermill", str(report.PROVINCE_TEMPLATE), str(out),
                           "-r", "province_code", "9999", "-k", "python3", "--cwd", str(ROOT / "notebooks")],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode != 0
    assert "unknown province code '9999'; valid codes: 11 Aceh" in proc.stderr + proc.stdout
    assert "64 Kalimantan Timur" in proc.stderr + proc.stdout


def _broken_template(tmp_path: Path) -> Path:
    """The real template plus a cell that fails for province 65 only (stands in for bad data)."""
    nb = nbformat.read(report.PROVINCE_TEMPLATE, as_version=4)
    nb.cells.insert(4, nbformat.v4.new_code_cell(
        'assert province_code != "65", "data PDRB Kalimantan Utara rusak (uji)"'))
    path = tmp_path / "broken.ipynb"
    nbformat.write(nb, path)
    return path


def test_failing_province_reported_others_rendered_no_stale_report(tmp_path):
    out = tmp_path / "reports"
    stale = out / "65"
    stale.mkdir(parents=True)
    (stale / "laporan.html").write_text("<html>laporan lama</html>")
    (stale / "manifest.json").write_text('{"package": "potensi"}')  # an earlier report of potensi's
    config = batch.BatchConfig(provinces=["65", "96"], national=False, jobs=2, timeout=300)
    results = batch.render_batch(config, out_root=out, progress=False, template=_broken_template(tmp_path))
    by_key = {r.key: r for r in results}
    assert not by_key["65"].ok
    assert "data PDRB Kalimantan Utara rusak (uji)" in by_key["65"].error
    assert not stale.exists(), "stale report left for the failed province"
    assert by_key["96"].ok and (out / "96" / "laporan.html").exists()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "GAGAL" in index and "data PDRB Kalimantan Utara rusak" in index and 'href="96/laporan.html"' in index
    assert not [p for p in out.iterdir() if p.name.startswith(".")]
    assert "1 dari 2 laporan berhasil; 1 gagal." in batch.summary(results)


def test_batch_command_exit_code(monkeypatch, tmp_path, capsys):
    import argparse

    from potensi.commands import batch as batch_command

    failed = report.RenderResult("65", "Kalimantan Utara", False, 1.0, error="ValueError: rusak")
    monkeypatch.setattr(batch, "render_batch", lambda *a, **k: [failed])
    parser = argparse.ArgumentParser()
    batch_command.add_parser(parser.add_subparsers())
    args = parser.parse_args(["batch", "--province", "65", "--out", str(tmp_path), "--no-progress"])
    assert args.run(args) == 1
    assert "65 (Kalimantan Utara): ValueError: rusak" in capsys.readouterr().err


def test_batch_config_default_and_unknown_key(tmp_path):
    config = batch.load_config(ROOT / "config" / "batch.toml")
    assert config.provinces == "all" and config.start_year == 2013
    assert len(config.province_codes()) == 38
    bad = tmp_path / "b.toml"
    bad.write_text('provinsi = ["64"]\n')
    with pytest.raises(ValueError, match=r"unknown key\(s\) \['provinsi'\]"):
        batch.load_config(bad)


def test_external_urls_detects_cdn():
    assert report.external_urls('<script src="https://cdn.x/require.js"></script>')
    assert report.external_urls("<link href='//fonts.example/x.css'>")
    assert report.external_urls("@import 'https://x/y.css';")
    assert not report.external_urls('<img src="data:image/png;base64,AAA"> /* see https://example.org */')


def _section(text: str, start: str, end: str) -> str:
    """Visible text of the section between two numbered headings (the last occurrence: after the TOC)."""
    i = text.rfind(start)
    return text[i:text.rfind(end)]


def test_first_page_speaks_in_the_new_classes(text):
    summary = _section(text, "1. Ringkasan eksekutif", "2. Potensi lapangan usaha per kab/kota")
    assert "Kota Bontang : Industri (andalan menurun; LQ 4," in summary
    assert "PPW -" in summary and "daya saing menurun" in summary
    assert "bukan sektor unggulan" not in text
    assert "Administrasi pemerintahan (unggulan" not in summary and "Administrasi pemerintahan (andalan" not in summary
    assert "Usulan kerja sama daerah teratas" in summary


def test_every_kabkota_in_the_sector_sections(text, analysis):
    sector = _section(text, "2. Potensi lapangan usaha per kab/kota", "3. Keterkaitan antarsektor")
    names = [analysis.region_names[c] for c in analysis.kabkota_codes]
    assert len(names) == 10
    assert not [n for n in names if n not in sector]
    assert "Tanpa pertambangan" in sector and "bukan tanpa migas" in sector


def test_maps_and_long_tables_collapsed(page, text):
    maps = re.findall(r"<img[^>]+>", page)
    assert len(maps) >= 14  # the four maps among them
    assert "tabel lengkap, 170 baris; klik untuk membuka" in text  # nothing cut, shown whole on demand
    assert "menampilkan 30 dari" not in text
    assert "<details" in page and "Kandidat kerja sama yang ditolak dan alasannya" in text
    assert "Daerah serupa di Indonesia" in text and "(Kalimantan Selatan)" in text  # neighbours across the border


def test_no_english_reason_text(text):
    from potensi.core.wording import REASONS

    english = [k for k, v in REASONS.items() if k and k != v and len(k) > 12 and k in text]
    assert not english
    for word in ["zero base", "growth undefined", "no previous year", "robust SE", "Warning"]:
        assert word not in text, word
