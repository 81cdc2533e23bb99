"""Generated paragraphs: every number computed from the tables, careful wording, gaps stated."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from potensi.report import narrative
from potensi.report.formatting import persen, rupiah
from potensi.study.province import analyse_province


@pytest.fixture(scope="module")
def kaltim():
    return analyse_province("64", start_year=2013, end_year=2020)


@pytest.fixture(scope="module")
def papua_tengah():
    return analyse_province("96", start_year=2013, end_year=2020)


def test_growth_paragraph_numbers_come_from_tables(kaltim):
    text = narrative.pertumbuhan(kaltim).data
    tot = kaltim.tables["pdrb_tahunan"]
    k = tot[tot["region_code"] == "6400"].set_index("year")["value"]
    assert rupiah(k[2013]) in text and rupiah(k[2020]) in text
    # compound mean growth: (472.393,3 / 438.532,9)^(1/7) - 1 = 1,07 %
    assert "1,07 % per tahun" in text
    assert "3,81 % per tahun" in text  # Indonesia, same formula


def test_structure_paragraph(kaltim):
    text = narrative.struktur(kaltim).data
    s = kaltim.tables["struktur"]
    b = s[(s["region_code"] == "6400") & (s["year"] == 2020) & (s["sector_code"] == "B")]["share_pct"].iloc[0]
    assert f"Pertambangan ({persen(b)})" in text


def test_lq_is_about_share_not_growth(kaltim):
    text = narrative.sektor_basis(kaltim).data
    assert "peran (pangsa)" in text and "LQ tidak mengukur pertumbuhan" in text
    assert "Kuncoro 2004" in text  # SLQ×DLQ rule carries its citation
    assert not re.search(r"LQ[^.]*tumbuh (lebih )?cepat", text.split("Pertumbuhan relatif")[0])


def test_every_label_has_rule_and_citation():
    for key, rule in narrative.CITATIONS.items():
        assert re.search(r"\(\w[^)]*\d{4}\)", rule), key


def test_no_english_number_format(kaltim):
    for func in [narrative.ringkasan_eksekutif, narrative.pertumbuhan, narrative.struktur, narrative.sektor_basis,
                 narrative.shift_share, narrative.ketimpangan, narrative.konvergensi, narrative.kerja_sama,
                 narrative.terhadap_indonesia, narrative.kualitas_data]:
        text = func(kaltim).data
        assert not re.search(r"\d\.\d{1,2}\b(?!\.)", re.sub(r"\d{1,3}(\.\d{3})+(,\d+)?", "N", text)), func.__name__


def test_population_break_stated(kaltim):
    text = narrative.ketimpangan(kaltim).data
    assert "Dukcapil" in text and "sebanding" in text


def test_province_without_kabkota_gets_gap_stated(papua_tengah):
    a = papua_tengah
    assert not a.has_members and (a.start_year, a.end_year) == (2024, 2025)
    gaps = narrative.catatan_data(a).data
    assert "tidak ada angka PDRB kab/kota" in gaps and "2024–2025" in gaps
    assert "tidak dihitung" in narrative.sektor_basis(a).data
    assert "tidak dihitung" in narrative.terhadap_indonesia(a).data
    assert "sementara" in narrative.pertumbuhan(a).data


def test_reproducible(kaltim):
    again = analyse_province("64", start_year=2013, end_year=2020)
    for name, frame in kaltim.tables.items():
        pd.testing.assert_frame_equal(frame, again.tables[name], obj=name)
    assert narrative.ringkasan_eksekutif(kaltim).data == narrative.ringkasan_eksekutif(again).data


def test_figures_deterministic(kaltim):
    import io

    from potensi.report import figures

    def png():
        buf = io.BytesIO()
        figures.lq_heatmap(kaltim.tables["lq"], year=2020).savefig(buf, format="png")
        return buf.getvalue()

    assert png() == png()
