"""Region catalog: Indonesia, 34 provinces (38 from 2024) and 514 kabupaten/kota.

Codes are 4-character strings in the BPS frame: ``"0000"`` Indonesia, ``"xx00"`` a province,
``"xxyy"`` a kabupaten (``yy`` < 70) or kota (``yy`` >= 71). Single-digit province codes such as
``"64"`` are accepted wherever a province is asked for and mean ``"6400"``.

The catalog (``potensi/catalog/regions.csv``) is generated from ``data/raw/`` by
``tools/make_region_catalog.py``; ``valid_from``/``valid_to`` are the first and last year for
which any raw file holds a published figure for the code.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from potensi.core.paths import CATALOG

__all__ = [
    "ISLAND_ORDER",
    "region_catalog",
    "region_name",
    "province_code",
    "members",
    "provinces",
]

ISLAND_ORDER = pd.CategoricalDtype(
    ["Sumatera", "Jawa", "Bali-Nusa Tenggara", "Kalimantan", "Sulawesi", "Maluku-Papua"], ordered=True
)
LEVELS = pd.CategoricalDtype(["nasional", "provinsi", "kabupaten", "kota"], ordered=True)


@lru_cache(maxsize=1)
def _catalog() -> pd.DataFrame:
    cat = pd.read_csv(CATALOG / "regions.csv", dtype=str, keep_default_na=False)
    cat["valid_from"] = cat["valid_from"].astype(int)
    cat["valid_to"] = cat["valid_to"].astype(int)
    cat["level"] = cat["level"].astype(LEVELS)
    return cat


def region_catalog() -> pd.DataFrame:
    """A copy of the catalog: code, name, level, parent, island, valid years, boundary note."""
    return _catalog().copy()


def region_name(code: str) -> str:
    """BPS name of a region code (``"6472"`` -> ``"Kota Samarinda"``)."""
    cat = _catalog()
    hit = cat.loc[cat["region_code"] == province_code(code, strict=False), "region_name"]
    if hit.empty:
        raise ValueError(f"region_name: unknown region code {code!r}")
    return str(hit.iloc[0])


def province_code(code: str | int, *, strict: bool = True) -> str:
    """Normalise a province code: ``"64"``, ``64`` or ``"6400"`` -> ``"6400"``.

    With ``strict`` (default) the code must be a province in the catalog, else ``ValueError``
    listing the valid codes.
    """
    text = str(code).strip()
    if len(text) == 2 and text.isdigit():
        text += "00"
    if not strict:
        return text
    valid = provinces()
    if text not in set(valid["region_code"]):
        listing = ", ".join(f"{c[:2]} {n}" for c, n in zip(valid["region_code"], valid["region_name"]))
        raise ValueError(f"unknown province code {code!r}; valid codes: {listing}")
    return text


def provinces() -> pd.DataFrame:
    """The province rows of the catalog (38 codes, including the 2024 Papua provinces)."""
    cat = _catalog()
    return cat[cat["level"] == "provinsi"].reset_index(drop=True)


def members(province: str | int) -> pd.DataFrame:
    """Kabupaten/kota of a province (catalog rows), ordered by code."""
    code = province_code(province)
    cat = _catalog()
    out = cat[(cat["parent_code"] == code) & cat["level"].isin(["kabupaten", "kota"])]
    return out.reset_index(drop=True)
