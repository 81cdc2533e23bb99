"""Generated paragraphs: every number computed from the tables, careful wording, gaps stated."""

from __future__ import annotations

import re

import numpy as np
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
    # the default window: the province's own years (formed in the 2022 pemekaran); an explicit
    # window without any of its data is an argument error (test below)
    return analyse_province("96")


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
    # shares are ADHK and say so; ADHB (published for provinces) beside it: 47,2 % vs 41,3 % (issue #10)
    assert f"Pertambangan ({persen(b)} ADHK; 41,3 % ADHB)" in text and persen(b) == "47,2 %"


def test_lq_is_about_share_not_growth(kaltim):
    text = narrative.sektor_basis(kaltim).data
    assert "peran (pangsa)" in text and "LQ tidak mengukur pertumbuhan" in text
    # SLQ×DLQ words are potensi's: no unquoted attribution (issue #10)
    assert "Kuncoro" not in text and "kata label pilihan potensi" in text and "tidak seragam" in text
    assert not re.search(r"LQ[^.]*tumbuh (lebih )?cepat", text.split("Perubahan pangsa")[0])
    # DLQ is about share: never "tumbuh relatif lebih cepat"; the shrinking Kutai Kartanegara is named
    assert "tumbuh relatif lebih cepat" not in text
    assert "pangsa sektor dalam PDRB kab/kota naik relatif terhadap pangsa sektor yang sama" in text
    assert "Kutai Kartanegara (16 dari 17 sektor DLQ > 1" in text


def test_every_label_has_rule_and_citation():
    for key, rule in narrative.CITATIONS.items():
        assert re.search(r"\(\w[^)]*\d{4}\)", rule), key


def test_no_english_number_format(kaltim):
    from potensi.report import findings

    for func in [findings.ringkasan_eksekutif, narrative.pertumbuhan, narrative.struktur, narrative.sektor_basis,
                 narrative.shift_share, narrative.ketimpangan, narrative.konvergensi, findings.kerja_sama,
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
    assert "pemekaran Papua 2022" in gaps and "2024–2025" in gaps and "belum dapat dihitung" in gaps
    # said once: the sections point to the coverage note instead of repeating it
    assert "tidak dihitung: lihat catatan cakupan" in narrative.sektor_basis(a).data
    assert "tidak dihitung: lihat catatan cakupan" in narrative.terhadap_indonesia(a).data
    assert "sementara" in narrative.pertumbuhan(a).data


def test_window_without_data_is_an_argument_error():
    with pytest.raises(ValueError, match=r"Papua Tengah has provinsi PDRB by sector only for 2024–2025"):
        analyse_province("96", start_year=2013, end_year=2020)


def test_reproducible(kaltim):
    again = analyse_province("64", start_year=2013, end_year=2020)
    for name, frame in kaltim.tables.items():
        pd.testing.assert_frame_equal(frame, again.tables[name], obj=name)
    from potensi.report import findings

    assert findings.ringkasan_eksekutif(kaltim).data == findings.ringkasan_eksekutif(again).data


def test_figures_deterministic(kaltim):
    import io

    from potensi.report import figures

    def png():
        buf = io.BytesIO()
        figures.lq_heatmap(kaltim.tables["lq"], year=2020).savefig(buf, format="png")
        return buf.getvalue()

    assert png() == png()


# --------------------------------------------------------------------------- issue #10: statistics and wording
def _fake(**tables):
    from types import SimpleNamespace

    return SimpleNamespace(tables=tables, province_code="6400", province_name="P", start_year=2019, end_year=2020,
                           pdrb=pd.DataFrame({"region_code": ["6401"], "region_name": ["Paser"]}),
                           gap_for=lambda name: "")


def test_mrp_counts_signs_not_ratios():
    # row 0: both growths negative, RPr 2 and RPs 3 as ratios but signs "-": not menonjol;
    # row 1: signs "+", "+"; row 2: RPr 0.5 < 1 with a negative reference total, sign "+"
    m = pd.DataFrame({"rpr": [2.0, 1.5, 0.5], "rps": [3.0, 1.2, 1.1], "rpr_sign": ["-", "+", "+"],
                      "rps_sign": ["-", "+", "+"]})
    text = narrative.mrp(_fake(mrp=m)).data
    assert text.startswith("2 pasangan kab/kota–sektor menonjol")
    assert "1 pasangan lain memiliki rasio RPr dan RPs di atas 1" in text and "rasio dua penurunan" in text


def test_mrp_kaltim_equals_sign_count(kaltim):
    m = kaltim.tables["mrp"]
    n = int(((m["rpr_sign"] == "+") & (m["rps_sign"] == "+")).sum())
    assert narrative.mrp(kaltim).data.startswith(f"{n} pasangan")


@pytest.mark.parametrize(("first", "last", "word"), [(0.447, 0.449, "relatif tetap"), (0.447, 0.4521, "meningkat"),
                                                     (0.565, 0.513, "menurun"), (0.5, 0.4951, "relatif tetap")])
def test_trend_tolerance(first, last, word):
    assert narrative._direction(first, last) == word  # |Δ| < 0.005 -> relatif tetap


def test_williamson_text_segments_and_without_mining(kaltim):
    text = narrative.ketimpangan(kaltim).data
    # 2013-2017 (BPS population) falls 0,565 -> 0,513; 2018-2020 0,447 -> 0,449 is not "meningkat"
    assert "2013–2017 (penduduk BPS): menurun dari 0,565 menjadi 0,513" in text
    assert "2018–2020 (penduduk Dukcapil): relatif tetap dari 0,447 menjadi 0,449" in text
    assert "terendah 0,438 pada 2019" in text
    assert "Tanpa pertambangan" in text and "migas" in text and "Oshima" in text
    assert "Sjafrizal 2008)" not in narrative.CITATIONS["williamson"]


def test_convergence_worded_from_data(kaltim):
    text = narrative.konvergensi(kaltim).data
    assert "n = 10, galat baku HC3" in text
    assert "daerah terkaya menyusut, bukan karena daerah termiskin mengejar" in text
    assert "2018–2020 (penduduk Dukcapil): tidak diestimasi" in text
    # without mining the HC3 slope is not significant (p = 0,460)
    assert "Tanpa pertambangan: 2013–2017 (penduduk BPS, n = 10, galat baku HC3): β = -0,0142, p = 0,460" in text


def test_knife_edge_marked(kaltim):
    text = narrative.klassen(kaltim, "klassen_region").data
    assert "Di tepi ambang" in text and "Paser — daerah relatif tertinggal (PDRB per kapita -0,09 % dari acuan)" in text


def test_em_flag_stated(kaltim):
    text = narrative.shift_share(kaltim).data
    assert "Pertambangan di Kota Bontang, efek kompetitif bersih -15.345,1 miliar rupiah" in text
    assert "Tipe Esteban-Marquillas" in text


def test_mrp_figure_plots_signs_not_ratios(kaltim):
    from potensi.report import figures

    m = kaltim.tables["mrp_nasional"].set_index("sector_code")
    assert m.loc["B", "rps"] > 50 and m.loc["B", "rps_sign"] == "-"  # RPs 57,2: a ratio of two declines
    fig = figures.mrp(kaltim.tables["mrp_nasional"])
    ax = fig.axes[0]
    xs = np.concatenate([c.get_offsets()[:, 0] for c in ax.collections if len(c.get_offsets())])
    # mining sits left of the RPs line (x < 0), nowhere near the "menonjol" corner
    b = m.loc["B"]
    assert b["growth_pct"] - b["reference_growth_pct"] < 0
    assert (xs < 0).sum() == int((m["rps_sign"] == "-").sum())


def test_williamson_jump_in_one_year_is_not_called_a_trend():
    """Sulawesi Selatan's weighted Williamson 2018–2022 (Dukcapil population): 0,5499 → 0,6126 in
    one year (+0,0627 of the segment's +0,0642), the other steps within 0,0071 (a quarter of the
    jump is 0,0157): the text names the jump. Jawa Timur 2013–2017 rises 0,058 in one year and
    falls back 0,038 (more than a quarter of the jump): no such sentence; nor for a flat series."""
    import pandas as pd

    from potensi.report.narrative_regional import _one_step

    def seg(values, start=2018):
        return pd.DataFrame({"year": range(start, start + len(values)), "value": values})

    text = _one_step(seg([0.549905, 0.612598, 0.605504, 0.608640, 0.614083]))
    assert "dari 2018 ke 2019, 0,550 → 0,613: satu lompatan" in text
    assert _one_step(seg([0.951, 1.009, 0.971, 0.975, 0.971], 2013)) == ""
    assert _one_step(seg([0.447, 0.438, 0.449, 0.445, 0.442])) == ""  # Kaltim: within the tolerance
    assert _one_step(seg([0.50, 0.52, 0.54, 0.56, 0.58])) == ""  # a steady trend
