"""Build ``data/processed/`` from the published files in ``data/raw/`` (``potensi data``).

Each raw file is loaded and validated by :func:`potensi.data.loaders.load_pdrb` (or the population
and centroid loaders); overlapping figures are resolved by a fixed source precedence (the
most precise publication first, see ``RAW_PDRB``), and provisional years are flagged per
source. Nothing is interpolated: a figure absent from every source stays absent.
"""

from __future__ import annotations

import hashlib
import json
import warnings
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from potensi.core.atomic import write_atomic, write_text_atomic
from potensi.core.errors import DataError
from potensi.core.paths import DATA_PROCESSED, DATA_RAW
from potensi.data.cells import CellError, parse_number
from potensi.data.loaders import PDRB_COLUMNS, UNIT_FACTORS, load_centroids, load_pdrb, load_population
from potensi.data.regions import region_catalog

__all__ = ["RAW_PDRB", "STATUS_BY_SOURCE", "build_processed", "quality_summary", "file_sha256"]


@dataclass(frozen=True)
class RawFile:
    name: str
    priority: int  # lower wins when two sources print the same figure
    allow_gaps: bool = False


#: PDRB raw files in order of precedence (see data/raw/README.md, "Precedence").
RAW_PDRB = [
    RawFile("pdrb_kaltim.csv", 1),  # BPS Kaltim unrounded province sectors, juta
    RawFile("pdrb_lapus_provinsi_adhk2010.csv", 2),  # national pivot + BPS dynamic table
    RawFile("pdrb_lapus_provinsi_adhb.csv", 2),
    RawFile("pdrb_lapus_kabkota_adhk2010_2013_2020.csv", 3, allow_gaps=True),  # 9 excluded region-years
    RawFile("pdrb_total_provinsi_kabkota_2010_2023_bpsapi.csv", 4),  # totals only, juta
]
#: Provisional years per source (BPS: * angka sementara, ** angka sangat sementara).
STATUS_BY_SOURCE = {
    "BPSKALTIM_FORECAST64_TPL": {2022: "sementara", 2023: "sangat sementara"},
    "BPSAPI_VAR2193": {2022: "sementara", 2023: "sangat sementara"},
    "BPSAPI_VAR2194": {2022: "sementara", 2023: "sangat sementara"},
    "BPS_WEBAPI_VAR533_PROV_ADHK": {2022: "sementara", 2023: "sangat sementara"},
    "BPS_WEBAPI_VAR534_PROV_ADHB": {2022: "sementara", 2023: "sangat sementara"},
    "BPS_WEBAPI_VAR2193_KAB_ADHB": {2022: "sementara", 2023: "sangat sementara"},
    "BPS_WEBAPI_VAR2194_KAB_ADHK": {2022: "sementara", 2023: "sangat sementara"},
    "BPS_DYNTABLE_PDRB_TW_PROV_ADHK_V2026": {2024: "sementara", 2025: "sangat sementara"},
}
SUM_OF_PROVINCES = "9999"  # BPS "34 provinsi" sum: not the national PDB, kept out of the tables
POPULATION_FILES = ["population_kabkota.csv"]
CENTROIDS_FILE = "centroids_kabkota.csv"
PER_CAPITA_FILE = "pdrb_perkapita_provinsi_2010_2025_bpsapi.csv"
PRESS_FILE = "pdrb_kabkota_totals_press.csv"


def file_sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _apply_status(frame: pd.DataFrame) -> pd.DataFrame:
    status = [STATUS_BY_SOURCE.get(s, {}).get(y, st) for s, y, st in
              zip(frame["source_id"], frame["year"], frame["status"])]
    return frame.assign(status=status, provisional=[s != "" for s in status])


def load_raw_pdrb(raw: Path = DATA_RAW) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Load and combine the raw PDRB files.

    Returns ``(sectors, totals, overlaps, excluded)``: the 17-sector table and the printed
    totals, one row per key after precedence; a table counting, per pair of sources, the
    figures that a higher-precedence source replaced (with the largest relative difference);
    and the figures rejected by :func:`exclude_miskeyed_members`.
    """
    known = set(region_catalog()["region_code"]) | {SUM_OF_PROVINCES}
    frames = []
    for spec in RAW_PDRB:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # marker counts are reported by quality_summary
            frame = load_pdrb(raw / spec.name, known_regions=known, allow_gaps=spec.allow_gaps)
        frames.append(frame.assign(priority=spec.priority, file=spec.name))
    data = pd.concat(frames, ignore_index=True)
    data = data[data["region_code"] != SUM_OF_PROVINCES]
    data = _apply_status(data)
    key = ["region_code", "year", "sector_code", "price_basis"]
    data = data.sort_values(key + ["priority"], kind="stable")
    kept = data.drop_duplicates(key, keep="first")
    lost = data[data.duplicated(key, keep="first")]
    overlaps = lost.merge(kept[key + ["value", "source_id"]], on=key, suffixes=("_replaced", "_kept"))
    overlaps["rel_diff"] = (overlaps["value_replaced"] / overlaps["value_kept"] - 1).abs()
    overlaps = (
        overlaps.groupby(["source_id_kept", "source_id_replaced"])
        .agg(figures=("rel_diff", "size"), max_rel_diff=("rel_diff", "max"))
        .reset_index()
    )
    kept = kept.drop(columns=["priority"])
    kept, excluded = exclude_miskeyed_members(kept)
    sectors = kept[kept["sector_code"] != "TOTAL"][PDRB_COLUMNS + ["file"]].reset_index(drop=True)
    totals = kept[kept["sector_code"] == "TOTAL"][PDRB_COLUMNS + ["file"]].reset_index(drop=True)
    return sectors, totals, overlaps, excluded


#: Above this |Σ kab/kota − province| / province a totals-only kab/kota series is rejected
#: (the published discrepancy is within ±2.4 % in every good province-year, 2010–2020).
MISKEY_THRESHOLD = 0.03
TOTALS_ONLY_SOURCES = ("BPS_WEBAPI_VAR2193_KAB_ADHB", "BPS_WEBAPI_VAR2194_KAB_ADHK")


def exclude_miskeyed_members(data: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Reject kab/kota totals of a province-year that cannot belong to their regions.

    In ``pdrb_total_provinsi_kabkota_2010_2023_bpsapi.csv`` the kab/kota totals of provinces
    62, 63, 64, 71 and 72 for 2021–2023 are mis-keyed (Σ kab/kota differs from the province by
    20–270 %; see SOURCES_kaltim.md). Rule: when the sum of the kab/kota totals of a province-year differs from the published province total
    by more than :data:`MISKEY_THRESHOLD`, those that come from a totals-only WebAPI source are moved to the returned ``excluded``
    table (with the reason) and the figures stay missing.
    """
    cat = region_catalog()[["region_code", "level", "parent_code"]]
    t = data[data["sector_code"] == "TOTAL"].merge(cat, on="region_code")
    members = t[t["level"].isin(["kabupaten", "kota"])]
    kab = members[members["source_id"].isin(TOTALS_ONLY_SOURCES)]
    sums = members.groupby(["parent_code", "year", "price_basis"])["value"].sum().rename("sum_members")
    prov = t[t["level"] == "provinsi"].set_index(["region_code", "year", "price_basis"])["value"]
    prov.index.names = sums.index.names
    both = pd.concat([sums, prov.rename("province")], axis=1, join="inner")
    both["ratio"] = both["sum_members"] / both["province"] - 1
    bad = both[both["ratio"].abs() > MISKEY_THRESHOLD]
    keys = kab.set_index(["parent_code", "year", "price_basis"]).index.isin(bad.index)
    rejected = kab[keys]
    reason = [f"Σ kab/kota {bad.loc[(p, y, b), 'ratio']:+.1%} dari total provinsi: angka salah kunci (tertukar antarwilayah)"
              for p, y, b in zip(rejected["parent_code"], rejected["year"], rejected["price_basis"])]
    excluded = rejected.drop(columns=["level", "parent_code"]).assign(reason=reason)
    drop = data.set_index(["region_code", "year", "sector_code", "price_basis"]).index.isin(
        excluded.set_index(["region_code", "year", "sector_code", "price_basis"]).index)
    return data[~drop], excluded.reset_index(drop=True)


def load_per_capita(path: Path) -> pd.DataFrame:
    """Province PDRB per capita as published (ribu rupiah per jiwa), both price bases."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    values = []
    for i, text in enumerate(frame["value"], start=2):
        try:
            values.append(parse_number(text, decimal=".")[0])
        except CellError as exc:
            raise DataError(str(exc), func="load_per_capita", path=path, row=i, column="value") from None
    frame = frame.assign(value=values, year=frame["year"].astype(int))
    frame = frame.rename(columns={"value": "per_capita_ribu"})
    return frame[["region_code", "year", "price_basis", "per_capita_ribu", "source_id"]]


def load_press_totals(path: Path) -> pd.DataFrame:
    """Low-precision press totals (triliun rupiah, truncated) converted to miliar rupiah."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    factor = frame["unit"].map(UNIT_FACTORS)
    if factor.isna().any():
        bad = int(factor.isna().to_numpy().nonzero()[0][0])
        raise DataError(f"unknown unit {frame['unit'].iloc[bad]!r}", func="load_press_totals", path=path,
                        row=bad + 2, column="unit")
    value = frame["value"].astype(float) * factor
    return frame.assign(value=value, year=frame["year"].astype(int))[
        ["region_code", "year", "sector_code", "price_basis", "value", "source_id"]
    ]


def hierarchy_discrepancy(totals: pd.DataFrame) -> pd.DataFrame:
    """Σ kab/kota against the published province total, per province, year and price basis.

    Uses the printed totals of both levels; a province-year is compared only when every
    kab/kota of the catalog valid that year has a total (else ``n_missing`` > 0 and the
    difference is NaN with a reason).
    """
    cat = region_catalog()
    kab = cat[cat["level"].isin(["kabupaten", "kota"])]
    t = totals.merge(cat[["region_code", "level", "parent_code"]], on="region_code")
    members = t[t["level"].isin(["kabupaten", "kota"])]
    summed = members.groupby(["parent_code", "year", "price_basis"]).agg(
        sum_members=("value", "sum"), n_members=("value", "count")
    ).reset_index().rename(columns={"parent_code": "region_code"})
    prov = t[t["level"] == "provinsi"][["region_code", "year", "price_basis", "value"]].rename(
        columns={"value": "province_total"})
    out = prov.merge(summed, on=["region_code", "year", "price_basis"], how="inner")
    expected = kab.groupby("parent_code").apply(
        lambda g: g[["valid_from", "valid_to"]].to_numpy(), include_groups=False)
    n_expected = [int(((expected[r][:, 0] <= y) & (expected[r][:, 1] >= y)).sum()) for r, y in
                  zip(out["region_code"], out["year"])]
    out["n_missing"] = [e - n for e, n in zip(n_expected, out["n_members"])]
    out["difference"] = (out["sum_members"] - out["province_total"]).where(out["n_missing"] == 0)
    out["difference_pct"] = 100 * out["difference"] / out["province_total"]
    out["note"] = ["" if m == 0 else f"{m} kab/kota tanpa angka: selisih tidak dihitung" for m in out["n_missing"]]
    return out.sort_values(["region_code", "price_basis", "year"]).reset_index(drop=True)


def quality_summary(sectors: pd.DataFrame) -> pd.DataFrame:
    """One row per region level and price basis: figures, years, provisional and missing counts."""
    cat = region_catalog()[["region_code", "level"]]
    data = sectors.merge(cat, on="region_code")
    rows = []
    for (level, basis), g in data.groupby(["level", "price_basis"], observed=True):
        rows.append({
            "level": str(level), "price_basis": basis, "regions": g["region_code"].nunique(),
            "years": f"{g['year'].min()}–{g['year'].max()}", "figures": len(g),
            "missing_values": int(g["value"].isna().sum()), "zero_markers": int((g["marker"] == "-").sum()),
            "provisional_figures": int(g["provisional"].sum()),
            "sources": ", ".join(sorted(g["source_id"].unique())),
        })
    return pd.DataFrame(rows)


def _write_parquet(frame: pd.DataFrame, path: Path) -> None:
    write_atomic(path, lambda tmp: frame.to_parquet(tmp, index=False))


def build_processed(raw: Path = DATA_RAW, out: Path = DATA_PROCESSED) -> dict[str, pd.DataFrame]:
    """Rebuild every table of ``data/processed/`` from ``raw``; returns them by name.

    Tables: ``pdrb`` (17 sectors), ``pdrb_total`` (printed totals), ``per_capita``,
    ``population``, ``centroids``, ``press_totals``, ``discrepancy`` (Σ kab/kota vs province),
    ``overlaps`` (figures printed by two sources), ``excluded`` (rejected figures), ``quality`` and ``manifest.json`` (hashes).
    """
    raw, out = Path(raw), Path(out)
    sectors, totals, overlaps, excluded = load_raw_pdrb(raw)
    population = pd.concat([load_population(raw / f) for f in POPULATION_FILES], ignore_index=True)
    tables = {
        "pdrb": sectors,
        "pdrb_total": totals,
        "per_capita": load_per_capita(raw / PER_CAPITA_FILE),
        "population": population,
        "centroids": load_centroids(raw / CENTROIDS_FILE),
        "press_totals": load_press_totals(raw / PRESS_FILE),
        "overlaps": overlaps,
        "excluded": excluded,
    }
    tables["discrepancy"] = hierarchy_discrepancy(totals)
    tables["quality"] = quality_summary(sectors)
    out.mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        _write_parquet(frame, out / f"{name}.parquet")
    manifest = {
        "unit": "miliar rupiah (pdrb, pdrb_total, press_totals); ribu rupiah per jiwa (per_capita)",
        "inputs": {p.name: file_sha256(p) for p in sorted(raw.glob("*.csv"))},
        "rows": {name: len(frame) for name, frame in tables.items()},
    }
    write_text_atomic(out / "manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    return tables
