"""Sector codes from BPS codes, names and the spelling variants met in tables and publications."""

from __future__ import annotations

import pytest

from potensi.data.sectors import SECTOR_CODES, SECTORS, sector_catalog, sector_code_from_label, sector_label


def test_catalog_has_17_categories_in_bps_order():
    assert SECTOR_CODES == ("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "MN", "O", "P", "Q", "RSTU")
    assert SECTORS["sector_order"].tolist() == list(range(1, 18))
    assert all(isinstance(c, str) for c in SECTORS["sector_code"])
    assert sector_catalog() is not SECTORS  # a copy


@pytest.mark.parametrize("code", SECTOR_CODES)
def test_official_names_with_and_without_code(code):
    name = SECTORS.set_index("sector_code").loc[code, "sector_name"]
    printed = {"MN": "M,N", "RSTU": "R,S,T,U"}.get(code, code)
    assert sector_code_from_label(name) == code
    assert sector_code_from_label(f"{printed}. {name}") == code  # BPS dynamic table: "A. Pertanian, ..."
    assert sector_code_from_label(f"  {name.upper()}  ") == code


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("Pertanian, Kehutanan & Perikanan", "A"),
        ("Pertambangan & Penggalian ", "B"),
        ("Pengadaan Listrik & Gas", "D"),
        ("Listrik dan Gas", "D"),
        ("Pengadaan Air", "E"),
        ("Perdagangan Besar & Eceran, Reparasi Mobil & Sepeda Motor", "G"),
        ("Perdagangan Besar dan Eceran; Reparasi dan Perawatan Mobil dan Sepeda Motor", "G"),
        ("Transportasi & Pergudangan", "H"),
        ("Akomodasi dan Makan Minum", "I"),
        ("Real Estate", "L"),
        ("Realestat", "L"),
        ("M,N", "MN"),
        ("M+N", "MN"),
        ("Administrasi Pemerintahan, Pertahanan, dan Jaminan Sosial Wajib", "O"),  # extra comma (Bappenas export)
        ("Jasa lainnya", "RSTU"),
        ("Jasa-jasa Lainnya", "RSTU"),
        ("R,S,T,U", "RSTU"),
        ("R-U", "RSTU"),
        (" PRODUK DOMESTIK REGIONAL BRUTO", "TOTAL"),
        ("Produk Domestik Regional Bruto (PDRB)", "TOTAL"),
        ("PDRB", "TOTAL"),
        ("Jumlah", "TOTAL"),
        ("Produk Domestik Bruto", "TOTAL"),
        ("Industri Pengolahan *)", "C"),  # footnote mark
    ],
)
def test_spelling_variants(label, code):
    assert sector_code_from_label(label) == code


@pytest.mark.parametrize(
    "label",
    ["Perikanan laut", "a. Tanaman Pangan", "PRODUK DOMESTIK REGIONAL BRUTO TANPA MIGAS", "Pariwisata", "", "Z"],
)
def test_unknown_labels_are_none(label):
    assert sector_code_from_label(label) is None


def test_labels():
    assert sector_label("L") == "Real estat"
    assert sector_label("L", short=False) == "Real Estat"
    assert sector_label("TOTAL") == "TOTAL"  # unknown codes come back unchanged
