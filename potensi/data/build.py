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
from potensi.core.codes import TOTAL_CODE
from potensi.core.errors import DataError
from potensi.core.paths import DATA_PROCESSED, DATA_RAW
from potensi.core.wording import BUILD_NOTES, POPULATION_CONCEPTS
from potensi.data.cells import CellError, parse_number
from potensi.data.loaders import PDRB_COLUMNS, UNIT_FACTORS, load_centroids, load_pdrb, load_population
from potensi.data.population import POPULATION_SOURCES
from potensi.data.regions import region_catalog
from potensi.data.sectors import SECTOR_CODES

__all__ = ["RAW_PDRB", "STATUS_BY_SOURCE", "STATUSES", "DERIVED", "BOUNDARY_OLD", "LATER_REGIONS",
           "build_processed", "quality_summary", "file_sha256"]

#: Vocabulary of the ``status`` column of ``pdrb``/``pdrb_total``: ``""`` angka tetap, the two BPS
#: provisional grades, and :data:`DERIVED` for a figure computed from published ones (never printed).
#: ``provisional`` is a separate flag: a derived figure of a provisional year is both.
DERIVED = "turunan"
STATUSES = ("", "sementara", "sangat sementara", DERIVED)
PROVISIONAL = ("sementara", "sangat sementara")
#: Value of the ``boundary`` column for a region-year printed on boundaries older than today's
#: (:mod:`potensi.data.store` leaves such rows out of analysis windows by default).
BOUNDARY_OLD = "lama"


@dataclass(frozen=True)
class RawFile:
    name: str
    priority: int  # lower wins when two sources print the same figure
    allow_gaps: bool = False
    sectors: tuple[str, ...] = SECTOR_CODES  # sectors every region-year of the file has
    status: str = ""  # "turunan" for a file of derived figures (read by :func:`load_derived`)
    tolerance: float = 0.005  # Σ sectors against the printed TOTAL (load_pdrb)


#: PDRB raw files in order of precedence (see data/raw/README.md, "Precedence").
RAW_PDRB = [
    RawFile("pdrb_kaltim.csv", 1),  # BPS Kaltim unrounded province sectors, juta
    RawFile("pdrb_lapus_provinsi_adhk2010.csv", 2),  # national pivot + BPS dynamic table
    RawFile("pdrb_lapus_provinsi_adhb.csv", 2),
    RawFile("pdrb_lapus_kabkota_adhk2010_2013_2020.csv", 3, allow_gaps=True),  # 9 excluded region-years
    # the same SIMREG export for 2021–2022: 16 sectors, E only as a derived residual (status "turunan")
    # (Σ16 is checked against TOTAL with 2 %: the missing E is at most 1.3 % of a kab/kota's TOTAL)
    RawFile("pdrb_lapus_kabkota_adhk2010_2021_2022_simreg.csv", 3,
            sectors=tuple(c for c in SECTOR_CODES if c != "E"), tolerance=0.02),
    RawFile("pdrb_lapus_kabkota_adhk2010_2021_2022_E_residual_DERIVED.csv", 3, sectors=("E",), status=DERIVED),
    # 2010–2012 on the boundaries of the time: parents carry later regions (``boundary`` = "lama")
    RawFile("pdrb_lapus_kabkota_adhk2010_2010_2012_simreg.csv", 3),
    RawFile("pdrb_total_provinsi_kabkota_2010_2023_bpsapi.csv", 4),  # totals only, juta
]
#: Files of region-years a compiler removed (sectors do not sum to the total): never loaded as
#: figures; their region-years count as "printed" when deciding boundaries (:func:`flag_boundaries`).
FLAGGED_FILES = ("pdrb_lapus_FLAGGED_excluded.csv", "pdrb_lapus_kabkota_2010_2012_FLAGGED_excluded.csv")
#: Regions created after 2010 -> the region they were part of (BPS codes). Until a region has a figure
#: of its own in a source, that source's figure for the parent includes it, so the parent's
#: region-year is on old boundaries. Kalimantan Utara (6500) from Kalimantan Timur (UU 20/2012);
#: the kab/kota after UU of 2012–2014 (SOURCES_indonesia.md, "2010–2012").
LATER_REGIONS = {
    "6500": "6400",  # Kalimantan Utara <- Kalimantan Timur
    "1612": "1603",  # Penukal Abab Lematang Ilir <- Muara Enim
    "1613": "1605",  # Musi Rawas Utara <- Musi Rawas
    "1813": "1804",  # Pesisir Barat <- Lampung Barat
    "3218": "3207",  # Pangandaran <- Ciamis
    "5321": "5306",  # Malaka <- Belu
    "6411": "6402",  # Mahakam Ulu <- Kutai Barat
    "7211": "7201",  # Banggai Laut <- Banggai Kepulauan
    "7212": "7203",  # Morowali Utara <- Morowali
    "7411": "7404",  # Kolaka Timur <- Kolaka
    "7412": "7402",  # Konawe Kepulauan <- Konawe
    "7413": "7403",  # Muna Barat <- Muna
    "7414": "7401",  # Buton Tengah <- Buton
    "7415": "7401",  # Buton Selatan <- Buton
    "7606": "7604",  # Mamuju Tengah <- Mamuju
    "8208": "8203",  # Pulau Taliabu <- Kepulauan Sula
    "9111": "9105",  # Manokwari Selatan <- Manokwari
    "9112": "9105",  # Pegunungan Arfak <- Manokwari
}
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
    # downloaded 2024-07, when BPS's kab/kota 2022 was angka sementara (SOURCES_indonesia.md)
    "BAPPENAS_SIMREG_PIVOT_ADHK_2021_2022": {2022: "sementara"},
    "DERIVED_E_RESIDUAL_TOTAL_MINUS_16_SIMREG_2021_2022": {2022: "sementara"},
}
SUM_OF_PROVINCES = "9999"  # BPS "34 provinsi" sum: not the national PDB, kept out of the tables
POPULATION_FILES = ["population_kabkota.csv", "population_kabkota_bps_2024.csv",
                    "population_provinsi_bps_2018_2020_2025.csv"]
CENTROIDS_FILE = "centroids_kabkota.csv"
PER_CAPITA_FILE = "pdrb_perkapita_provinsi_2010_2025_bpsapi.csv"
PER_CAPITA_KABKOTA_FILE = "pdrb_total_perkapita_kabkota_adhb_2024.csv"
PRESS_FILE = "pdrb_kabkota_totals_press.csv"


def file_sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _apply_status(frame: pd.DataFrame) -> pd.DataFrame:
    """``provisional`` from the source's provisional years; ``status`` keeps "turunan" when set."""
    grade = [STATUS_BY_SOURCE.get(s, {}).get(y, st) for s, y, st in
             zip(frame["source_id"], frame["year"], frame["status"])]
    status = [st if st == DERIVED else g for st, g in zip(frame["status"], grade)]
    return frame.assign(status=status, provisional=[g in PROVISIONAL for g in grade])


def load_derived(path: Path, *, known_regions: set[str], sectors: tuple[str, ...]) -> pd.DataFrame:
    """Read a tidy file of derived figures (one sector, e.g. E = TOTAL − Σ16) with ``status`` "turunan".

    :func:`~potensi.data.loaders.load_pdrb` is for published region-years (all sectors, a non-zero
    total); a derived sector alone may be 0 (E of a region without water utilities). Same checks
    otherwise: known region and sector, a number, a unit, no duplicate.
    """
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    records = []
    for i, row in enumerate(frame.itertuples(index=False), start=2):
        if row.region_code not in known_regions:
            raise DataError(f"unknown region code {row.region_code!r}", func="load_derived", path=path, row=i,
                            column="region_code")
        if row.sector_code not in sectors:
            raise DataError(f"sector {row.sector_code!r}; expected one of {list(sectors)}", func="load_derived",
                            path=path, row=i, column="sector_code")
        factor = UNIT_FACTORS.get(row.unit.strip().lower())
        if factor is None:
            raise DataError(f"unknown unit {row.unit!r}", func="load_derived", path=path, row=i, column="unit")
        try:
            value, marker = parse_number(row.value, decimal=".")
        except CellError as exc:
            raise DataError(str(exc), func="load_derived", path=path, row=i, column="value") from None
        if value < 0:
            raise DataError(f"negative value {value:g}", func="load_derived", path=path, row=i, column="value")
        records.append((row.region_code, int(row.year), row.sector_code, row.price_basis, value * factor, marker,
                        DERIVED, False, row.source_id))
    out = pd.DataFrame.from_records(records, columns=PDRB_COLUMNS)
    dup = out.duplicated(["region_code", "year", "sector_code", "price_basis"])
    if dup.any():
        raise DataError("duplicate (region, year, sector, price basis)", func="load_derived", path=path,
                        row=int(dup.to_numpy().nonzero()[0][0]) + 2)
    return out


def _printed_region_years(raw: Path, data: pd.DataFrame) -> dict[str, set[tuple[str, int]]]:
    """(region, year) with a figure, per source, counting the compilers' FLAGGED rows as printed."""
    have: dict[str, set[tuple[str, int]]] = {}
    for sid, g in data.groupby("source_id"):
        have[sid] = set(zip(g["region_code"], g["year"].astype(int)))
    for name in FLAGGED_FILES:
        if (raw / name).exists():
            f = pd.read_csv(raw / name, dtype=str, keep_default_na=False)
            for sid, g in f.groupby("source_id"):
                have.setdefault(sid, set()).update(zip(g["region_code"], g["year"].astype(int)))
    return have


def flag_boundaries(data: pd.DataFrame, printed: dict[str, set[tuple[str, int]]]) -> pd.Series:
    """``"lama"`` for a figure of a region-year whose boundaries differ from today's, else ``""``.

    Rule: a figure of a parent in :data:`LATER_REGIONS` is on old boundaries when the same source,
    in that year, prints other regions of the child's level and parent (it covers the area) but not
    the child (the child was still part of the parent: SIMREG 2010–2012, the 2013 Bappenas pivot for
    Muna and Buton). A source that prints the child separately (the BPS WebAPI back-casts Mahakam Ulu
    to 2010) is on today's boundaries; a source of one region only (the BPS Kaltim template) says
    nothing about its neighbours and is not flagged.
    """
    cat = region_catalog().set_index("region_code")["parent_code"]
    siblings = {c: set(cat.index[cat == cat.get(c)]) - {c, p} for c, p in LATER_REGIONS.items()}
    children: dict[str, list[str]] = {}
    for child, parent in LATER_REGIONS.items():
        children.setdefault(parent, []).append(child)
    out = []
    for region, year, sid in zip(data["region_code"], data["year"], data["source_id"]):
        seen = printed.get(sid, set())
        y = int(year)
        old = any((k, y) not in seen and any((s, y) in seen for s in siblings[k])
                  for k in children.get(region, ()))
        out.append(BOUNDARY_OLD if old else "")
    return pd.Series(out, index=data.index, dtype=object)


def load_raw_pdrb(raw: Path = DATA_RAW) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Load and combine the raw PDRB files.

    Returns ``(sectors, totals, overlaps, excluded)``: the 17-sector table and the printed
    totals, one row per key after precedence; a table counting, per pair of sources, the
    figures that a higher-precedence source replaced (with the largest relative difference);
    and the figures rejected by :func:`exclude_copied_members` and :func:`exclude_incomplete`.

    Every row carries ``boundary`` (:func:`flag_boundaries`). A figure on today's boundaries wins
    over an old-boundary one whatever the source's precedence (the WebAPI total of Kutai Barat 2010,
    without Mahakam Ulu, beats the SIMREG total that includes it).
    """
    known = set(region_catalog()["region_code"]) | {SUM_OF_PROVINCES}
    frames = []
    for spec in RAW_PDRB:
        if spec.status == DERIVED:
            frame = load_derived(raw / spec.name, known_regions=known, sectors=spec.sectors)
        else:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # marker counts are reported by quality_summary
                frame = load_pdrb(raw / spec.name, known_regions=known, allow_gaps=spec.allow_gaps,
                                  sectors=spec.sectors, tolerance=spec.tolerance)
        frames.append(frame.assign(priority=spec.priority, file=spec.name))
    data = pd.concat(frames, ignore_index=True)
    data = data[data["region_code"] != SUM_OF_PROVINCES]
    data = _apply_status(data)
    data["boundary"] = flag_boundaries(data, _printed_region_years(raw, data))
    data, excluded = exclude_copied_members(data)
    key = ["region_code", "year", "sector_code", "price_basis"]
    data = data.assign(_old=data["boundary"] == BOUNDARY_OLD)
    data = data.sort_values(key + ["_old", "priority"], kind="stable").drop(columns="_old")
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
    kept, incomplete = exclude_incomplete(kept)
    excluded = pd.concat([excluded, incomplete], ignore_index=True)
    columns = PDRB_COLUMNS + ["boundary", "file"]
    sectors = kept[kept["sector_code"] != TOTAL_CODE][columns].reset_index(drop=True)
    totals = kept[kept["sector_code"] == TOTAL_CODE][columns].reset_index(drop=True)
    return sectors, totals, overlaps, excluded


def exclude_incomplete(data: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Move the sectors of a region-year that lacks some of the 17 sectors to ``excluded``.

    After precedence only Indonesia 2021–2022 is affected: the SIMREG export has no sector E, and
    E cannot be derived as TOTAL − Σ16 there because Indonesia's TOTAL is PDB (it includes net
    taxes on products). The printed TOTAL is kept in ``pdrb_total``.
    """
    body = data[data["sector_code"] != TOTAL_CODE]
    n = body.groupby(["region_code", "year", "price_basis"])["sector_code"].transform("size")
    bad = body[n < len(SECTOR_CODES)]
    if bad.empty:
        return data, pd.DataFrame(columns=["region_code", "year", "sector_code", "price_basis", "value",
                                           "source_id", "reason"])
    missing = {k: sorted(set(SECTOR_CODES) - set(g)) for k, g in
               bad.groupby(["region_code", "year", "price_basis"])["sector_code"]}
    reason = [BUILD_NOTES["incomplete"].format(sectors=", ".join(missing[(r, y, b)])) for r, y, b in
              zip(bad["region_code"], bad["year"], bad["price_basis"])]
    out = bad.assign(reason=reason)[["region_code", "year", "sector_code", "price_basis", "value", "source_id",
                                     "reason"]]
    return data.drop(index=bad.index), out.reset_index(drop=True)


#: Above this |Σ kab/kota − province| / province a totals-only kab/kota series is rejected
#: (the published discrepancy is within ±2.4 % in every good province-year, 2010–2020).
MISKEY_THRESHOLD = 0.03
TOTALS_ONLY_SOURCES = ("BPS_WEBAPI_VAR2193_KAB_ADHB", "BPS_WEBAPI_VAR2194_KAB_ADHK")


def exclude_copied_members(data: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Reject kab/kota totals of a province-year that belong to other regions.

    In ``pdrb_total_provinsi_kabkota_2010_2023_bpsapi.csv`` the kab/kota totals 2021–2023 of
    provinces 62, 63, 64, 71 and 72 are copies of Sumatera Selatan (16xx) values, position by
    position (6201, 6301, 6401, 7101 and 7201 in 2021 ADHK all equal 1601 Ogan Komering Ulu;
    SOURCES_indonesia.md, last section). Rule, applied before precedence so that no other source
    hides them: when the Σ of a province-year's kab/kota totals from a totals-only WebAPI source
    differs from the province total (the highest-precedence one) by more than
    :data:`MISKEY_THRESHOLD`, those totals move to the returned ``excluded`` table. The reason names
    the region whose identical figure (same year and price basis, another province) was copied.
    """
    cat = region_catalog()[["region_code", "region_name", "level", "parent_code"]]
    totals = data[data["sector_code"] == TOTAL_CODE]
    t = totals.reset_index().merge(cat, on="region_code").set_index("index")  # keep data's index
    kab = t[t["level"].isin(["kabupaten", "kota"]) & t["source_id"].isin(TOTALS_ONLY_SOURCES)]
    sums = kab.groupby(["parent_code", "year", "price_basis"])["value"].sum().rename("sum_members")
    prov = (t[t["level"] == "provinsi"].sort_values("priority", kind="stable")
            .drop_duplicates(["region_code", "year", "price_basis"])
            .set_index(["region_code", "year", "price_basis"])["value"])
    prov.index.names = sums.index.names
    both = pd.concat([sums, prov.rename("province")], axis=1, join="inner")
    both["ratio"] = both["sum_members"] / both["province"] - 1
    bad = both[both["ratio"].abs() > MISKEY_THRESHOLD]
    rejected = kab[kab.set_index(["parent_code", "year", "price_basis"]).index.isin(bad.index)]
    others = kab.drop(index=rejected.index)
    twin = {(y, b, v): (r, n) for r, n, y, b, v in
            others[["region_code", "region_name", "year", "price_basis", "value"]].itertuples(index=False)}
    names = dict(zip(cat["region_code"], cat["region_name"]))
    reasons = []
    for p, y, b, v in rejected[["parent_code", "year", "price_basis", "value"]].itertuples(index=False):
        text = BUILD_NOTES["sum_off"].format(ratio=bad.loc[(p, y, b), "ratio"])
        hit = twin.get((y, b, v))
        if hit:
            text += BUILD_NOTES["copy"].format(code=hit[0], name=hit[1], province=names.get(hit[0][:2] + "00", ""))
        reasons.append(text)
    excluded = rejected[["region_code", "year", "sector_code", "price_basis", "value", "source_id"]].assign(
        reason=reasons)
    return data.drop(index=rejected.index), excluded.reset_index(drop=True)


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


def load_per_capita_kabkota(path: Path) -> pd.DataFrame:
    """Kab/kota PDRB per capita ADHB as BPS printed it (ribu rupiah per jiwa) with the ADHB total.

    The file holds a ``PERKAPITA`` row (ribu rupiah per jiwa) and a ``TOTAL`` row (miliar rupiah,
    rounded to whole miliar) per kab/kota; ``population_implied`` = 10⁶ · TOTAL / PERKAPITA is the
    population BPS divided by (its own 2024 population, ``population`` table, source ``bps_2024``).
    """
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    values = []
    for i, text in enumerate(frame["value"], start=2):
        try:
            values.append(parse_number(text, decimal=".")[0])
        except CellError as exc:
            raise DataError(str(exc), func="load_per_capita_kabkota", path=path, row=i, column="value") from None
    frame = frame.assign(value=values, year=frame["year"].astype(int))
    key = ["region_code", "year", "price_basis"]
    pc = frame[frame["sector_code"] == "PERKAPITA"][key + ["value", "source_id"]].rename(
        columns={"value": "per_capita_ribu"})
    tot = frame[frame["sector_code"] == TOTAL_CODE][key + ["value"]].rename(columns={"value": "pdrb_miliar"})
    out = pc.merge(tot, on=key, how="left")
    out["population_implied"] = 1e6 * out["pdrb_miliar"] / out["per_capita_ribu"]
    out["concept"] = POPULATION_CONCEPTS["per_capita_bps_2024"]
    return out[key + ["per_capita_ribu", "pdrb_miliar", "population_implied", "concept", "source_id"]].reset_index(
        drop=True)


def boundary_flags(sectors: pd.DataFrame, totals: pd.DataFrame, raw: Path = DATA_RAW) -> pd.DataFrame:
    """Region-years on old boundaries (kept with ``boundary`` = "lama") and the FLAGGED region-years.

    One row per region, year and ``kind``: ``"batas lama"`` (the figure includes a region created
    later, :data:`LATER_REGIONS`; left out of analysis windows unless asked for) or ``"dikeluarkan
    penyusun"`` (the compiler removed it because the 17 sectors differ from the printed total by
    > 0.5 %; never loaded). ``child_codes`` lists the regions included in the parent.
    """
    rows = []
    both = pd.concat([sectors, totals], ignore_index=True)
    old = both[both["boundary"] == BOUNDARY_OLD]
    for (r, y, sid), g in old.groupby(["region_code", "year", "source_id"]):
        kids = sorted(c for c, p in LATER_REGIONS.items() if p == r)
        rows.append({"region_code": r, "year": int(y), "kind": "batas lama", "source_id": sid,
                     "figures": len(g), "child_codes": ", ".join(kids), "reason": ""})
    for name in FLAGGED_FILES:
        if not (raw / name).exists():
            continue
        f = pd.read_csv(raw / name, dtype=str, keep_default_na=False)
        for (r, y, sid), g in f.groupby(["region_code", "year", "source_id"]):
            rows.append({"region_code": r, "year": int(y), "kind": "dikeluarkan penyusun", "source_id": sid,
                         "figures": len(g), "child_codes": "", "reason": g["flag_reason"].iloc[0]})
    cols = ["region_code", "year", "kind", "source_id", "figures", "child_codes", "reason"]
    return pd.DataFrame(rows, columns=cols).sort_values(["region_code", "year", "kind"]).reset_index(drop=True)


def _population_concepts(population: pd.DataFrame) -> pd.DataFrame:
    """``concept`` of the sources the loader does not name, from :data:`POPULATION_SOURCES`."""
    concept = population["concept"].astype(str).copy()
    for prefix, label, *_ in POPULATION_SOURCES.values():
        hit = population["source_id"].astype(str).str.startswith(prefix) & (concept == population["source_id"])
        concept[hit] = label
    return population.assign(concept=concept)


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
    out["note"] = ["" if m == 0 else BUILD_NOTES["members_missing"].format(n=m) for m in out["n_missing"]]
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
            "derived_figures": int((g["status"] == DERIVED).sum()),
            "old_boundary_figures": int((g["boundary"] == BOUNDARY_OLD).sum()) if "boundary" in g else 0,
            "sources": ", ".join(sorted(g["source_id"].unique())),
        })
    return pd.DataFrame(rows)


def _write_parquet(frame: pd.DataFrame, path: Path) -> None:
    write_atomic(path, lambda tmp: frame.to_parquet(tmp, index=False))


def build_processed(raw: Path = DATA_RAW, out: Path = DATA_PROCESSED) -> dict[str, pd.DataFrame]:
    """Rebuild every table of ``data/processed/`` from ``raw``; returns them by name.

    Tables: ``pdrb`` (17 sectors), ``pdrb_total`` (printed totals), ``per_capita`` (provinces),
    ``per_capita_kabkota`` (BPS 2024, ADHB), ``population``, ``centroids``, ``press_totals``,
    ``boundaries`` (region-years on old boundaries and FLAGGED ones), ``discrepancy`` (Σ kab/kota vs province),
    ``overlaps`` (figures printed by two sources), ``excluded`` (rejected figures), ``quality`` and ``manifest.json`` (hashes).
    """
    raw, out = Path(raw), Path(out)
    sectors, totals, overlaps, excluded = load_raw_pdrb(raw)
    population = pd.concat([load_population(raw / f) for f in POPULATION_FILES], ignore_index=True)
    population = _population_concepts(population)
    tables = {
        "pdrb": sectors,
        "pdrb_total": totals,
        "per_capita": load_per_capita(raw / PER_CAPITA_FILE),
        "per_capita_kabkota": load_per_capita_kabkota(raw / PER_CAPITA_KABKOTA_FILE),
        "population": population,
        "centroids": pd.concat([load_centroids(raw / CENTROIDS_FILE),  # area centroids (first: the default)
                                load_centroids(raw / CENTROIDS_FILE, source_id="QUARCS_ZENODO_XY")],  # town points
                               ignore_index=True),
        "press_totals": load_press_totals(raw / PRESS_FILE),
        "overlaps": overlaps,
        "excluded": excluded,
    }
    tables["boundaries"] = boundary_flags(sectors, totals, raw)
    current = totals[totals["boundary"] != BOUNDARY_OLD]
    tables["discrepancy"] = hierarchy_discrepancy(current)
    tables["quality"] = quality_summary(sectors)
    out.mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        _write_parquet(frame, out / f"{name}.parquet")
    manifest = {
        "unit": BUILD_NOTES["units"],
        "inputs": {p.name: file_sha256(p) for p in sorted(raw.glob("*.csv"))},
        "rows": {name: len(frame) for name, frame in tables.items()},
    }
    write_text_atomic(out / "manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    return tables
