"""Indonesian number format: 1.234,5; miliar rupiah; 12,3 %; years never grouped."""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest

from potensi.report.formatting import (
    COLUMN_LABELS,
    REPORT_COLUMNS,
    REPORT_LABELS,
    angka,
    daftar,
    persen,
    poin_persen,
    report_view,
    rupiah,
    tabel,
    table_for_display,
)


@pytest.mark.parametrize(("value", "decimals", "expected"), [
    (1234.5, 1, "1.234,5"),
    (1234567.891, 2, "1.234.567,89"),
    (0.05, 1, "0,1"),  # round half to even in f-strings: 0.05 is 0.0500000000000000027 -> 0,1
    (-1234.56, 1, "-1.234,6"),
    (-0.04, 1, "0,0"),  # no "-0,0"
    (999.95, 1, "1.000,0"),
    (7, 0, "7"),
    (float("nan"), 1, "–"),
    (None, 1, "–"),
    (pd.NA, 1, "–"),
])
def test_angka(value, decimals, expected):
    assert angka(value, decimals) == expected


def test_units():
    assert rupiah(438532.91) == "438.532,9 miliar rupiah"
    assert persen(47.187) == "47,2 %"
    assert persen(3.808, 2) == "3,81 %"
    assert poin_persen(-5.94) == "-5,9 poin persen"
    assert rupiah(math.nan) == "–"


def test_daftar():
    assert daftar([]) == ""
    assert daftar(["a"]) == "a"
    assert daftar(["a", "b"]) == "a dan b"
    assert daftar(["a", "b", "c"], "atau") == "a, b atau c"


def test_table_for_display_keeps_years_plain_and_labels_columns():
    frame = pd.DataFrame({"region_code": ["6400"], "year": [2020], "value": [472393.31], "n": [1234],
                          "provisional": [True]})
    shown = table_for_display(frame, decimals={"value": 1})
    assert list(shown.columns) == ["Kode wilayah", "Tahun", "PDRB (miliar rupiah)", "n", "Angka sementara"]
    assert shown.iloc[0].tolist() == ["6400", "2020", "472.393,3", "1.234", "ya"]
    assert frame["value"].iloc[0] == 472393.31  # input unchanged


def test_tabel_html_is_stable_and_long_tables_collapse_whole():
    frame = pd.DataFrame({"year": range(2000, 2010), "value": [float(i) for i in range(10)]})
    html1 = tabel(frame, caption="Uji", max_rows=3).to_html()
    html2 = tabel(frame, caption="Uji", max_rows=3).to_html()
    assert html1 == html2  # no random ids: reruns reproduce the same HTML
    assert html1.startswith("<details") and "tabel lengkap, 10 baris; klik untuk membuka" in html1
    assert all(str(y) in html1 for y in range(2000, 2010))  # nothing cut
    assert "2.000" not in html1
    short = tabel(frame, caption="Uji", max_rows=30).to_html()
    assert "<details" not in short and "Uji" in short


def test_nullable_boolean_and_integer_columns():
    frame = pd.DataFrame({"flag": pd.array([True, None, False], dtype="boolean"),
                          "n": pd.array([1, None, 3000], dtype="Int64")})
    shown = table_for_display(frame)
    assert shown["flag"].tolist() == ["ya", "–", "tidak"]
    assert shown["n"].tolist() == ["1", "–", "3.000"]


SNAKE_CASE = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)+$")


def test_every_report_column_has_an_indonesian_heading():
    for table, columns in REPORT_COLUMNS.items():
        assert len(columns) == len(set(columns)), table
        headings = [COLUMN_LABELS.get(c) for c in columns]
        missing = [c for c, h in zip(columns, headings) if h is None]
        assert not missing, f"{table}: no heading for {missing}"
        technical = [h for h in headings if SNAKE_CASE.match(h)]
        assert not technical, f"{table}: technical heading {technical}"
        overrides = {**REPORT_LABELS.get(table.removesuffix("_nasional"), {}), **REPORT_LABELS.get(table, {})}
        shown = [overrides.get(c, COLUMN_LABELS[c]) for c in columns]
        assert len(shown) == len(set(shown)), f"{table}: two columns share a heading: {shown}"


def test_report_view_selects_translates_and_moves_constants_to_the_caption():
    frame = pd.DataFrame({"region_code": ["6401", "6402"], "region_name": ["Paser", "Kutai Barat"],
                          "sector_code": ["A", "A"], "sector_label": ["Pertanian", "Pertanian"],
                          "start_year": [2013, 2013], "end_year": [2020, 2020], "dlq": [0.98, 0.97],
                          "slq_dlq_class": ["prospektif", "prospektif"], "slq": [1.6, 1.9],
                          "slq_dlq_rule": ["SLQ>1, DLQ<=1"] * 2, "method": ["cagr"] * 2,
                          "price_basis": ["ADHK2010"] * 2, "reference_code": ["6400"] * 2, "reason": ["", ""]})
    before = frame.copy()
    view, labels, extra = report_view("dlq", frame)
    assert list(view.columns) == ["region_name", "sector_label", "slq", "dlq", "slq_dlq_class", "slq_dlq_rule"]
    assert view["slq_dlq_rule"].tolist() == ["SLQ > 1, DLQ ≤ 1"] * 2
    assert extra == ", 2013–2020"  # the period is said once, in the caption
    pd.testing.assert_frame_equal(frame, before)  # input unchanged; the workbook keeps every column
    html = tabel(view, caption="DLQ" + extra, labels=labels).to_html()
    assert "Aturan" in html and "SLQ (rata-rata)" in html and "slq_dlq_rule" not in html


def test_report_view_indonesian_values_and_note_in_caption():
    frame = pd.DataFrame({"scope": ["kabupaten/kota 6400"] * 2, "year": [2013, 2013],
                          "population_source": ["bps", "bps"], "index": ["williamson_weighted", "theil_t"],
                          "value": [0.565, 0.16], "n_regions": [10, 10], "class": ["tinggi", ""],
                          "note": ["population series break 2017/2018: BPS-derived before, Dukcapil register "
                                   "from 2018; values are comparable only within a segment"] * 2, "reason": ["", ""]})
    view, labels, extra = report_view("inequality", frame)
    assert list(view.columns) == ["year", "index", "value", "class"]
    assert view["index"].tolist() == ["Williamson (tertimbang penduduk)", "Theil T (tertimbang)"]
    assert labels["value"] == "Nilai"  # not "PDRB (miliar rupiah)"
    assert "penduduk: BPS" in extra and "Catatan: seri penduduk terputus 2017/2018" in extra


def test_report_view_fills_years_into_headings_and_keeps_unlisted_tables_whole():
    frame = pd.DataFrame({"region_name": ["Paser"], "level": ["kabupaten"], "value_start": [1.0],
                          "value_end": [2.0], "mean_growth_pct": [3.0]})
    _, labels, _ = report_view("pertumbuhan_rata", frame, start_year=2013, end_year=2020)
    assert labels == {"value_start": "PDRB 2013 (miliar rupiah)", "value_end": "PDRB 2020 (miliar rupiah)"}
    view, labels, extra = report_view("tabel_lain", frame)
    assert view is frame and labels == {} and extra == ""


def test_percent_in_free_text_gets_a_decimal_comma():
    frame = pd.DataFrame({"region_name": ["Paser"], "reason": ["Σ kab/kota -57.2% dari total provinsi"]})
    view, _, _ = report_view("angka_ditolak", frame)
    assert view["reason"].iloc[0] == "Σ kab/kota -57,2 % dari total provinsi"


def test_report_table_shows_what_a_styler_shows():
    """The plain writer gives the cells, headings, caption and styles a pandas Styler gives (same
    uuid, hidden index, escaped), without per-cell ids: compared cell by cell with the Styler."""
    import re

    from potensi.report.formatting import ReportTable

    shown = pd.DataFrame({"Wilayah": ["Kota <Bontang>", "Paser & co", "'x'"], "LQ": ["4,09", "–", "1,00"],
                          "Tahun": ["2013", "2014", "2015"]})
    styles = [("td", "text-align: right;"), ("td:nth-child(1)", "text-align: left;")]
    mine = ReportTable(shown, uid="tabc", caption="LQ <2022>", styles=styles).to_html()
    theirs = (shown.style.hide(axis="index").set_uuid("tabc").format(escape="html")
              .format_index(escape="html", axis=1).set_caption("LQ &lt;2022&gt;")
              .set_table_styles([{"selector": s, "props": p} for s, p in styles]).to_html())

    def cells(page, tag):
        import html as h

        return [h.unescape(c) for c in re.findall(rf"<{tag}\b[^>]*>(.*?)</{tag}>", page, re.S)]

    assert cells(mine, "td") == cells(theirs, "td") == [
        "Kota <Bontang>", "4,09", "2013", "Paser & co", "–", "2014", "'x'", "1,00", "2015"]
    assert cells(mine, "th") == cells(theirs, "th") == ["Wilayah", "LQ", "Tahun"]
    assert cells(mine, "caption") == cells(theirs, "caption") == ["LQ <2022>"]
    assert "#T_tabc td:nth-child(1) { text-align: left; }" in mine and 'id="T_tabc"' in mine
    assert "<Bontang>" not in mine and " id=\"T_tabc_row" not in mine and "<td>" in mine and "class=" not in mine


def test_repeated_texts_worded_each_time_missing_kept_and_text_dtype():
    """Text columns are worded once per distinct text and put back row by row: every repeat gets
    the same wording, a missing cell stays missing (shown "–" later), a categorical column is
    worded like a text one, and the column keeps pandas' text dtype."""
    rule = pd.Series(["SLQ>1, DLQ<=1", None, "SLQ>1, DLQ<=1", "SLQ<=1, DLQ>1"], dtype="str")
    klass = pd.Categorical(["prospektif", "andalan", "prospektif", None])
    f = pd.DataFrame({"region_name": ["Paser", "Berau", "Paser", "Kota Bontang"], "sector_label": ["A", "B", "C", "D"],
                      "slq": [1.6, 1.2, 1.1, 0.4], "dlq": [0.98, 1.5, 0.5, 2.0], "slq_dlq_class": klass,
                      "slq_dlq_rule": rule})
    view, _, _ = report_view("dlq", f)
    assert view["slq_dlq_rule"].tolist()[0] == view["slq_dlq_rule"].tolist()[2] == "SLQ > 1, DLQ ≤ 1"
    assert view["slq_dlq_rule"].tolist()[3] == "SLQ ≤ 1, DLQ > 1"
    assert pd.isna(view["slq_dlq_rule"].iloc[1]) and pd.isna(view["slq_dlq_class"].iloc[3])
    assert view["slq_dlq_class"].tolist()[:3] == ["prospektif", "andalan", "prospektif"]
    assert view["region_name"].tolist() == ["Paser", "Berau", "Paser", "Kota Bontang"]
    assert pd.api.types.is_string_dtype(view["slq_dlq_rule"]) and not pd.api.types.is_object_dtype(view["slq_dlq_rule"])
    assert table_for_display(view)["Aturan"].tolist()[1] == "–"
