"""The 17 *lapangan usaha* categories of the BPS 2010 series (KBLI 2009 / 2015 aggregation).

BPS publishes PDRB by 17 categories; M+N and R+S+T+U are printed as single lines
(``MN`` *Jasa Perusahaan* and ``RSTU`` *Jasa Lainnya*). Codes are strings.

References
----------
BPS (2015). *Produk Domestik Regional Bruto Kabupaten/Kota di Indonesia Menurut Lapangan
Usaha 2010-2014*, Lampiran: Klasifikasi Lapangan Usaha.
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from potensi.core.codes import TOTAL_CODE

__all__ = [
    "SECTORS",
    "SECTOR_CODES",
    "SECTOR_GROUPS",
    "sector_catalog",
    "sector_code_from_label",
    "sector_label",
]

# code, nama lengkap (BPS), label singkat, English name, group (primer/sekunder/tersier)
_ROWS = [
    ("A", "Pertanian, Kehutanan, dan Perikanan", "Pertanian", "Agriculture, forestry and fishing", "primer"),
    ("B", "Pertambangan dan Penggalian", "Pertambangan", "Mining and quarrying", "primer"),
    ("C", "Industri Pengolahan", "Industri", "Manufacturing", "sekunder"),
    ("D", "Pengadaan Listrik dan Gas", "Listrik & gas", "Electricity and gas supply", "sekunder"),
    (
        "E",
        "Pengadaan Air, Pengelolaan Sampah, Limbah dan Daur Ulang",
        "Air & limbah",
        "Water supply, sewerage, waste management and remediation",
        "sekunder",
    ),
    ("F", "Konstruksi", "Konstruksi", "Construction", "sekunder"),
    (
        "G",
        "Perdagangan Besar dan Eceran; Reparasi Mobil dan Sepeda Motor",
        "Perdagangan",
        "Wholesale and retail trade; repair of motor vehicles and motorcycles",
        "tersier",
    ),
    ("H", "Transportasi dan Pergudangan", "Transportasi", "Transportation and storage", "tersier"),
    (
        "I",
        "Penyediaan Akomodasi dan Makan Minum",
        "Akomodasi & makan minum",
        "Accommodation and food service activities",
        "tersier",
    ),
    ("J", "Informasi dan Komunikasi", "Infokom", "Information and communication", "tersier"),
    ("K", "Jasa Keuangan dan Asuransi", "Keuangan", "Financial and insurance activities", "tersier"),
    ("L", "Real Estat", "Real estat", "Real estate activities", "tersier"),
    ("MN", "Jasa Perusahaan", "Jasa perusahaan", "Business activities", "tersier"),
    (
        "O",
        "Administrasi Pemerintahan, Pertahanan dan Jaminan Sosial Wajib",
        "Administrasi pemerintahan",
        "Public administration and defence; compulsory social security",
        "tersier",
    ),
    ("P", "Jasa Pendidikan", "Pendidikan", "Education", "tersier"),
    ("Q", "Jasa Kesehatan dan Kegiatan Sosial", "Kesehatan", "Human health and social work activities", "tersier"),
    ("RSTU", "Jasa Lainnya", "Jasa lainnya", "Other services", "tersier"),
]

SECTOR_CODES: tuple[str, ...] = tuple(r[0] for r in _ROWS)
SECTOR_GROUPS = pd.CategoricalDtype(["primer", "sekunder", "tersier"], ordered=True)

SECTORS: pd.DataFrame = pd.DataFrame(
    {
        "sector_code": [r[0] for r in _ROWS],
        "sector_name": [r[1] for r in _ROWS],
        "sector_label": [r[2] for r in _ROWS],
        "sector_name_en": [r[3] for r in _ROWS],
        "sector_order": range(1, len(_ROWS) + 1),
        "sector_group": pd.Categorical([r[4] for r in _ROWS], dtype=SECTOR_GROUPS),
    }
)

# Spelling variants met in BPS tables and publications (normalised form -> code).
_EXTRA_ALIASES = {
    "pertanian kehutanan perikanan": "A",
    "pertambangan penggalian": "B",
    "industri": "C",
    "listrik gas": "D",
    "pengadaan listrik gas": "D",
    "pengadaan air": "E",
    "pengadaan air pengelolaan sampah limbah daur ulang": "E",
    "perdagangan besar eceran reparasi mobil sepeda motor": "G",
    "perdagangan besar eceran reparasi perawatan mobil sepeda motor": "G",
    "transportasi pergudangan": "H",
    "penyediaan akomodasi makan minum": "I",
    "akomodasi makan minum": "I",
    "informasi komunikasi": "J",
    "jasa keuangan asuransi": "K",
    "jasa keuangan": "K",
    "real estate": "L",
    "realestat": "L",
    "jasa perusahaan": "MN",
    "administrasi pemerintahan pertahanan jaminan sosial wajib": "O",
    "jasa pendidikan": "P",
    "jasa kesehatan kegiatan sosial": "Q",
    "jasa lainnya": "RSTU",
    "jasa jasa lainnya": "RSTU",
    "produk domestik regional bruto": TOTAL_CODE,
    "pdrb": TOTAL_CODE,
    "produk domestik bruto": TOTAL_CODE,
    "jumlah": TOTAL_CODE,
    "total": TOTAL_CODE,
}
_CODE_ALIASES = {
    "M,N": "MN", "M+N": "MN", "M-N": "MN", "M N": "MN",
    "R,S,T,U": "RSTU", "R+S+T+U": "RSTU", "R-U": "RSTU", "R S T U": "RSTU",
}


def _normalise(label: str) -> str:
    text = unicodedata.normalize("NFKC", str(label)).lower()
    text = re.sub(r"\(.*?\)|\*+", " ", text)  # "(angka sementara)", footnote stars
    text = re.sub(r"^\s*(\[?[a-u]{1,4}\]?[.)]|[a-u](,[a-u])*\.)\s+", "", text)  # leading "A." / "M,N."
    text = re.sub(r"[^a-z ]", " ", text)
    words = [w for w in text.split() if w not in {"dan", "and", "the", "serta"}]
    return " ".join(words)


_LABEL_INDEX = {_normalise(r[1]): r[0] for r in _ROWS} | _EXTRA_ALIASES


def sector_code_from_label(label: str) -> str | None:
    """Return the sector code for a code or an Indonesian name as printed by BPS.

    Accepts the code itself (``"A"``, ``"MN"``, ``"M,N"``), the BPS name with or without
    its leading code (``"A. Pertanian, Kehutanan, dan Perikanan"``) and common spelling
    variants (``"Real Estate"``, ``"Jasa lainnya"``). Returns ``"TOTAL"`` for the PDRB /
    PDB total line and ``None`` for anything else (the caller reports the error).

    Examples
    --------
    >>> sector_code_from_label("Real Estate")
    'L'
    >>> sector_code_from_label("M,N")
    'MN'
    >>> sector_code_from_label("C. Industri Pengolahan")
    'C'
    >>> sector_code_from_label("Perikanan laut") is None
    True
    """
    raw = str(label).strip()
    upper = raw.upper().rstrip(".")
    if upper in SECTOR_CODES or upper == TOTAL_CODE:
        return upper
    if upper in _CODE_ALIASES:
        return _CODE_ALIASES[upper]
    return _LABEL_INDEX.get(_normalise(raw))


def sector_label(code: str, *, short: bool = True) -> str:
    """Indonesian label of a sector code (short chart label by default)."""
    return (_SHORT_LABELS if short else _NAMES).get(code, code)


_SHORT_LABELS = dict(zip(SECTORS["sector_code"], SECTORS["sector_label"].astype(str), strict=True))
_NAMES = dict(zip(SECTORS["sector_code"], SECTORS["sector_name"].astype(str), strict=True))


def sector_catalog() -> pd.DataFrame:
    """A copy of the 17-category catalog (code, names, short label, order, group)."""
    return SECTORS.copy()
