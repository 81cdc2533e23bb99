"""Data-quality records of a province study (structured; the report words them)."""



import pandas as pd

from potensi.core.codes import DEFAULT_PRICE_BASIS
from potensi.core.wording import QUALITY, source_name
from potensi.data.regions import members
from potensi.data.store import load_table
from potensi.study.tables_common import _named


def _derived_cells(pdrb: pd.DataFrame) -> pd.DataFrame:
    """Derived figures (``status`` "turunan", e.g. E = TOTAL − Σ16 for 2021–2022) used, per region and year."""
    d = pdrb[pdrb["status"] == "turunan"]
    return (d.groupby(["region_code", "region_name", "year", "sector_code", "source_id"], observed=True,
                      as_index=False)
            .agg(angka=("value", "size"), nilai=("value", "sum"), provisional=("provisional", "any")))


def _vintage_breaks(pdrb: pd.DataFrame) -> pd.DataFrame:
    """Where the source (download/vintage) of a level's published sectors changes between two years.

    One row per level and pair of consecutive years: ``source_before``/``source_after``, the number
    of regions, and whether the later year is provisional (SIMREG 2021–2022 after the 2013–2020
    pivot: another download, 2022 angka sementara). Derived figures are left out (own table).
    """
    d = pdrb[pdrb["status"] != "turunan"]
    main = (d.groupby(["level", "region_code", "year"], observed=True)
            .agg(source_id=("source_id", lambda s: s.mode().iloc[0]), provisional=("provisional", "any"))
            .reset_index().sort_values(["region_code", "year"]))
    main["source_before"] = main.groupby("region_code")["source_id"].shift()
    main["year_before"] = main.groupby("region_code")["year"].shift()
    brk = main[main["source_before"].notna() & (main["source_before"] != main["source_id"])]
    out = (brk.groupby(["level", "year_before", "year", "source_before", "source_id"], observed=True, as_index=False)
           .agg(regions=("region_code", "nunique"), provisional_after=("provisional", "any")))
    out = out.rename(columns={"year": "year_after", "source_id": "source_after"})
    out["level"] = out["level"].astype(str)
    out["year_before"] = out["year_before"].astype("int64")
    return out[["level", "year_before", "year_after", "source_before", "source_after", "regions",
                "provisional_after"]].reset_index(drop=True)


def _boundary_years(regions: set[str], start: int, end: int, include_old_boundaries: bool) -> pd.DataFrame:
    """Region-years of the province on older boundaries or removed by the compiler (table ``boundaries``)."""
    b = load_table("boundaries")
    b = b[b["region_code"].isin(regions)].copy()
    b["in_window"] = b["year"].between(start, end)
    b["used"] = include_old_boundaries & (b["kind"] == "batas lama") & b["in_window"]
    return _named(b.reset_index(drop=True))


def _quality(code: str, name: str, pdrb: pd.DataFrame, kab: set[str], start: int, end: int, *,
             include_old_boundaries: bool = False) -> dict[str, pd.DataFrame]:
    regions = {code} | kab
    disc = load_table("discrepancy")
    disc = disc[(disc["region_code"] == code) & (disc["price_basis"] == DEFAULT_PRICE_BASIS)]
    excl = load_table("excluded")
    excl = excl[excl["region_code"].isin(regions)]
    excl = excl[["region_code", "year", "sector_code", "price_basis", "value", "source_id", "reason"]]
    prov = pdrb[pdrb["provisional"] & (pdrb["status"] != "turunan")]  # derived ones: angka_turunan
    provisional = (prov.groupby(["region_code", "region_name", "year", "status"], observed=True, as_index=False)
                   .size().rename(columns={"size": "angka"}))
    sources = (pdrb.groupby(["level", "source_id"], observed=True, as_index=False)
               .agg(tahun_awal=("year", "min"), tahun_akhir=("year", "max"), wilayah=("region_code", "nunique"),
                    angka=("value", "size")))
    sources["level"] = sources["level"].astype(str)
    sources.insert(2, "publikasi", sources["source_id"].map(source_name))
    cat = members(code)
    rows = []
    for y in range(start, end + 1):
        valid = cat[(cat["valid_from"] <= y) & (cat["valid_to"] >= y)]["region_code"]
        have = set(pdrb.loc[pdrb["year"] == y, "region_code"])
        missing = sorted(set(valid) - have)
        if missing:
            rows.append({"year": y, "wilayah_tanpa_data": len(missing), "kode": ", ".join(missing)})
    for r, s, y in (pdrb[pdrb["value"].isna()][["region_code", "sector_code", "year"]].itertuples(index=False)):
        rows.append({"year": y, "wilayah_tanpa_data": 0, "kode": QUALITY["missing_cell"].format(region=r, sector=s)})
    missing = pd.DataFrame(rows, columns=["year", "wilayah_tanpa_data", "kode"])
    return {
        "kualitas_umum": load_table("quality"),
        "selisih_kabkota": _named(disc[["region_code", "year", "province_total", "sum_members", "n_members",
                                        "n_missing", "difference", "difference_pct", "note"]].reset_index(drop=True)),
        "angka_ditolak": _named(excl.reset_index(drop=True)),
        "angka_sementara": provisional,
        "sumber": sources,
        "kekosongan": missing,
        "tumpang_tindih": load_table("overlaps"),
        "angka_turunan": _derived_cells(pdrb),
        "jeda_vintage": _vintage_breaks(pdrb),
        "batas_wilayah": _boundary_years(regions, start, end, include_old_boundaries),
    }


