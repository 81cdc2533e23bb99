"""Indonesian number format: 1.234,5; miliar rupiah; 12,3 %; years never grouped."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from potensi.formatting import angka, daftar, persen, poin_persen, rupiah, tabel, table_for_display


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


def test_tabel_html_is_stable_and_truncates_with_note():
    frame = pd.DataFrame({"year": range(2000, 2010), "value": [float(i) for i in range(10)]})
    html1 = tabel(frame, caption="Uji", max_rows=3).to_html()
    html2 = tabel(frame, caption="Uji", max_rows=3).to_html()
    assert html1 == html2  # no random ids: reruns reproduce the same HTML
    assert "menampilkan 3 dari 10 baris" in html1
    assert "2.000" not in html1 and "2000" in html1


def test_nullable_boolean_and_integer_columns():
    frame = pd.DataFrame({"flag": pd.array([True, None, False], dtype="boolean"),
                          "n": pd.array([1, None, 3000], dtype="Int64")})
    shown = table_for_display(frame)
    assert shown["flag"].tolist() == ["ya", "–", "tidak"]
    assert shown["n"].tolist() == ["1", "–", "3.000"]
