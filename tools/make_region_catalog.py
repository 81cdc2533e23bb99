"""Regenerate ``potensi/data/catalog/regions.csv`` from the published files in ``data/raw/``.

The catalog is metadata derived from the raw files (codes, names as BPS prints them, level,
parent province, island group and the first/last year any raw file has a figure for the
code). Run ``python tools/make_region_catalog.py`` after adding raw files.
"""

from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
FILES = [
    "pdrb_lapus_provinsi_adhk2010.csv",
    "pdrb_lapus_kabkota_adhk2010_2013_2020.csv",
    "pdrb_total_provinsi_kabkota_2010_2023_bpsapi.csv",
    "pdrb_perkapita_provinsi_2010_2025_bpsapi.csv",
]
ISLANDS = {
    "Sumatera": ["11", "12", "13", "14", "15", "16", "17", "18", "19", "21"],
    "Jawa": ["31", "32", "33", "34", "35", "36"],
    "Bali-Nusa Tenggara": ["51", "52", "53"],
    "Kalimantan": ["61", "62", "63", "64", "65"],
    "Sulawesi": ["71", "72", "73", "74", "75", "76"],
    "Maluku-Papua": ["81", "82", "91", "92", "94", "95", "96", "97"],
}
PREFIX_ISLAND = {p: island for island, prefixes in ISLANDS.items() for p in prefixes}
BOUNDARY_NOTES = {
    "9100": ("pemekaran 2022 (UU 29/2022: Papua Barat Daya); dalam data angka Papua Barat menurut batas lama sampai "
             "2023 dan batas baru sejak 2024 (seri terputus 2023/2024)"),
    "9400": ("pemekaran 2022 (UU 14, 15 dan 16/2022: Papua Selatan, Papua Tengah, Papua Pegunungan); dalam data angka "
             "Papua menurut batas lama sampai 2023 dan batas baru sejak 2024 (seri terputus 2023/2024)"),
}


def main() -> None:
    frames = [pd.read_csv(RAW / f, dtype=str, usecols=["region_code", "region_name", "year"]) for f in FILES]
    data = pd.concat(frames)
    data = data[data["region_code"] != "9999"]
    data["year"] = data["year"].astype(int)
    names = data.assign(base=data["region_name"].str.replace(r" \(batas baru.*\)$", "", regex=True))
    cat = names.groupby("region_code").agg(
        region_name=("base", lambda s: s.mode().iloc[0]),
        valid_from=("year", "min"),
        valid_to=("year", "max"),
    ).reset_index()
    code = cat["region_code"]
    cat["level"] = "kabupaten"
    cat.loc[code.str[2] == "7", "level"] = "kota"
    cat.loc[code.str[2:] == "00", "level"] = "provinsi"
    cat.loc[code == "0000", "level"] = "nasional"
    cat["parent_code"] = code.str[:2] + "00"
    cat.loc[cat["level"] == "provinsi", "parent_code"] = "0000"
    cat.loc[cat["level"] == "nasional", "parent_code"] = ""
    cat["island"] = code.str[:2].map(PREFIX_ISLAND).fillna("")
    cat["boundary_note"] = code.map(BOUNDARY_NOTES).fillna("")
    cat = cat[["region_code", "region_name", "level", "parent_code", "island", "valid_from", "valid_to", "boundary_note"]]
    out = ROOT / "potensi" / "catalog" / "regions.csv"
    cat.sort_values("region_code").to_csv(out, index=False)
    print(f"{len(cat)} regions -> {out}")


if __name__ == "__main__":
    main()
