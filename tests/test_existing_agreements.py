"""Existing agreements in the intake workbook are listed and never proposed again (issue 12)."""

from __future__ import annotations

import openpyxl
import pytest
from test_intake import fill, paser_2021

from potensi.cli import main
from potensi.study.province import analyse_province, existing_agreements


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    path = tmp_path_factory.mktemp("isian") / "isian_64.xlsx"
    assert main(["template", "--province", "64", "--years", "2021", "--out", str(path)]) == 0
    # the PDRB sheet carries real figures (Paser 2021 ADHK, BPS via SIMREG; E derived), unchanged
    fill(path, {("6401", s, "ADHK2010"): v for s, v in paser_2021().items()}, 2021)
    book = openpyxl.load_workbook(path)
    sheet = book["Kerja sama berjalan"]
    # Kukar and Samarinda already run a regional water supply (SPAM); by name and by code
    for col, value in enumerate(["Kutai Kartanegara", "6472", "SPAM regional air minum", "2021", "berjalan"], 1):
        sheet.cell(row=2, column=col, value=value)
    book.save(path)
    return path


def test_parties_by_name_or_code(filled):
    out = existing_agreements([filled])
    assert out[["region_a", "region_b", "status"]].values.tolist() == [["6403", "6472", "berjalan"]]


def test_agreed_water_supply_is_not_proposed_again_and_is_listed(filled):
    a = analyse_province("64", extra_data=[filled])
    proposals = a.tables["kerja_sama"]
    pairs = {frozenset(p) for p in zip(proposals["region_a"], proposals["region_b"], strict=True)}
    water = proposals[proposals["objek"].str.contains("air minum")]
    # without the workbook the first proposal is Kukar–Samarinda SPAM; with it, that pair's water
    # supply is gone and is in the rejected list as already agreed
    assert not any(frozenset(p) == frozenset({"6403", "6472"}) for p in zip(water["region_a"], water["region_b"]))
    rejected = a.tables["kerja_sama_ditolak"]
    agreed = rejected[rejected["reason"].astype(str).str.contains("already_agreed")]
    assert {frozenset(p) for p in zip(agreed["region_a"], agreed["region_b"])} == {frozenset({"6403", "6472"})}
    assert a.tables["kerja_sama_berjalan"]["objek"].tolist() == ["SPAM regional air minum"]
    assert proposals.attrs["facts"]["existing"] == 1 and proposals.attrs["facts"]["already_agreed"] >= 1
    assert len(pairs) >= 3


def test_unknown_party_is_refused_with_file_and_row(filled, tmp_path):
    book = openpyxl.load_workbook(filled)
    book["Kerja sama berjalan"].cell(row=3, column=1, value="Atlantis")
    book["Kerja sama berjalan"].cell(row=3, column=2, value="6472")
    bad = tmp_path / "bad.xlsx"
    book.save(bad)
    with pytest.raises(ValueError, match=r"bad.xlsx: sheet 'Kerja sama berjalan' row 3, column 'pihak_a': 'Atlantis'"):
        existing_agreements([bad])
