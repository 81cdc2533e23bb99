"""Region catalog: string codes, province codes, members, Papua split."""

from __future__ import annotations

import re

import pytest

from potensi.data.regions import members, province_code, provinces, region_catalog, region_name


def test_codes_are_four_character_strings():
    cat = region_catalog()
    assert cat["region_code"].map(lambda c: isinstance(c, str) and len(c) == 4 and c.isdigit()).all()
    assert not cat["region_code"].duplicated().any()
    assert cat.loc[cat.region_code == "0000", "level"].item() == "nasional"


@pytest.mark.parametrize("code", ["64", 64, "6400", " 64 "])
def test_province_code_forms(code):
    assert province_code(code) == "6400"


def test_unknown_province_lists_valid_codes():
    with pytest.raises(ValueError, match=r"unknown province code '99'; valid codes: 11 Aceh, 12 Sumatera Utara"):
        province_code("99")
    assert province_code("6472", strict=False) == "6472"


def test_names():
    assert region_name("6472") == "Kota Samarinda"
    assert region_name("64") == "Kalimantan Timur"
    with pytest.raises(ValueError, match=re.escape("region_name: unknown region code '6499'")):
        region_name("6499")


def test_kaltim_members():
    # SOURCES_kaltim.md: 10 kab/kota, 6401 ... 6474
    kab = members("64")
    assert kab["region_code"].tolist() == ["6401", "6402", "6403", "6404", "6405", "6409", "6411", "6471", "6472",
                                           "6474"]
    assert set(kab["parent_code"]) == {"6400"}


def test_province_count_and_papua_split():
    prov = provinces().set_index("region_code")
    assert len(prov) == 38  # 34 provinces + 4 new Papua provinces (2022/2023 split)
    new = ["9200", "9500", "9600", "9700"]  # SOURCES_indonesia.md: the new Papua provinces
    assert set(new) <= set(prov.index)
    for code in ("9100", "9400"):
        assert "seri terputus 2023/2024" in prov.loc[code, "boundary_note"]
    assert all(prov.loc[c, "valid_from"] >= 2023 for c in new)


def test_catalog_is_a_copy():
    cat = region_catalog()
    cat.loc[0, "region_name"] = "changed"
    assert region_catalog().loc[0, "region_name"] != "changed"
