"""The conclusions of a province study: sector potential with its robustness, and cooperation proposals.

Tables added to a province study (names as in the report, the workbook and ``potensi indicators``):

=========================  ==========================================================================
``sektor_potensi``         one row per kab/kota × sector: the dimensions side by side, ``kelas``, the
                           evidence, ``scenarios_agree`` / ``scenarios_total``
``sektor_potensi_skenario`` the class of every row under each scenario (long)
``tanpa_pertambangan``     the same classification recomputed without sector B
``kerja_sama``             at most 10 ranked proposals (``kerja_sama.csv``)
``kerja_sama_ditolak``     every rejected candidate with its reason
``ketetanggaan``           contiguity pairs of the province's kab/kota (incl. across the border)
``daerah_serupa``          top 5 peers elsewhere in Indonesia per kab/kota
``aksesibilitas``          Hansen accessibility per kab/kota (population, seats of government)
=========================  ==========================================================================
"""

from __future__ import annotations

import functools
import warnings
from dataclasses import dataclass, field

import pandas as pd

from potensi.conclusions import cooperation as coop
from potensi.conclusions.sector_potential import (
    TOP_KELAS,
    classify_sectors,
    scenario_agreement,
    sector_dimensions,
    without_sector,
)
from potensi.core.codes import DEFAULT_PRICE_BASIS, TOTAL_CODE
from potensi.core.paths import CATALOG
from potensi.data.boundaries import KABKOTA_BOUNDARIES, contiguity, read_kabkota_boundaries
from potensi.data.regions import region_catalog
from potensi.data.sectors import SECTORS
from potensi.indicators.accessibility import hansen_accessibility, seat_distances
from potensi.study.derived import cached_table
from potensi.study.sector_tables import sector_tables

__all__ = ["ConclusionSettings", "sector_potential_tables", "national_classes", "cooperation_tables",
           "seat_points", "SCENARIOS"]

#: Scenario names (English identifiers; the report words them).
SCENARIOS = ("default", "end_minus_1", "without_mining", "adhb")


@dataclass(frozen=True)
class ConclusionSettings:
    """Parameters of the conclusions, shown in the report."""

    distance_exponent: float = 2.0
    mass: str = "population"
    max_proposals: int = 10
    seat_source: str = "QUARCS_ZENODO_XY"
    io_coefficients: dict = field(default_factory=dict, compare=False, hash=False)


def _classes(pdrb: pd.DataFrame, reference: str, regions: list[str], start: int, end: int,
             excluded=(), linkages: pd.DataFrame | None = None) -> pd.DataFrame:
    t = sector_tables(pdrb, reference_code=reference, regions=regions, start=start, end=end,
                      excluded_sectors=list(excluded))
    dims = sector_dimensions(t["growth"], t["lq"], t["dlq"], t["shift_share"], start=start, end=end,
                             province_code=reference, linkages=linkages)
    return classify_sectors(dims)


def sector_potential_tables(pdrb: pd.DataFrame, *, province: str, kabkota: list[str], start: int, end: int,
                            excluded=(), linkages: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """Sector classes of the kab/kota against their province, with robustness over scenarios.

    Scenarios: the default window; the window ending one year earlier (when it keeps at least
    three years); *tanpa pertambangan* (sector B removed before every indicator, totals
    recomputed); ADHB, which needs kab/kota PDRB at current prices by sector: not in the data,
    so it is recorded as not run. ``scenarios_total`` counts the scenarios that classify the row.
    """
    kab = sorted(set(kabkota) & set(pdrb["region_code"]))
    base = _classes(pdrb, province, kab, start, end, excluded, linkages)
    scen = {"default": base}
    if end - 1 - start >= 2:
        scen["end_minus_1"] = _classes(pdrb, province, kab, start, end - 1, excluded, linkages)
    no_b = None
    if "B" not in excluded and (pdrb["sector_code"] == "B").any():
        no_b = _classes(without_sector(pdrb, "B", total_code=TOTAL_CODE), province, kab, start, end, excluded,
                        linkages)
        scen["without_mining"] = no_b
    agreed = scenario_agreement(scen, baseline="default")
    long = pd.concat([f[["region_code", "sector_code", "kelas"]].assign(scenario=k) for k, f in scen.items()],
                     ignore_index=True)
    out = {"sektor_potensi": agreed, "sektor_potensi_skenario": long}
    if no_b is not None:
        out["tanpa_pertambangan"] = no_b
    return out


_NATIONAL_CACHE: dict[tuple, pd.DataFrame] = {}


def national_classes(*, start: int, end: int, pdrb: pd.DataFrame | None = None) -> pd.DataFrame:
    """Sector classes of every kab/kota of Indonesia against its own province (for peers and for
    partners across a province border), from the processed store (ADHK), cached per window
    within a process. The study province's own classes come from its study (they may include the
    region's added figures); these are only used for the other provinces."""
    key = (start, end)
    if pdrb is None and key in _NATIONAL_CACHE:
        return _NATIONAL_CACHE[key]
    if pdrb is None:
        from potensi.data.store import ensure_processed, load_table

        def compute() -> pd.DataFrame:
            pdrb = load_table("pdrb")
            return national_classes(start=start, end=end, pdrb=pdrb[pdrb["price_basis"] == DEFAULT_PRICE_BASIS])

        inputs = [ensure_processed() / "pdrb.parquet", CATALOG / "regions.csv"]
        _NATIONAL_CACHE[key] = cached_table("national_classes", compute, inputs=inputs,
                                            params={"start": int(start), "end": int(end)})
        return _NATIONAL_CACHE[key]
    cat = region_catalog()
    kab = cat[cat["level"].isin(["kabupaten", "kota"])][["region_code", "parent_code"]]
    have = pdrb[pdrb["year"].isin([start, end])].groupby("region_code")["year"].nunique()
    kab = kab[kab["region_code"].isin(have.index[have == 2])]
    parts = []
    for parent, group in kab.groupby("parent_code"):
        if not (pdrb["region_code"] == parent).any():
            continue
        sub = pdrb[pdrb["region_code"].isin([parent, *group["region_code"]])]
        try:
            with warnings.catch_warnings():  # zero denominators of other provinces: NaN with a reason
                warnings.simplefilter("ignore", RuntimeWarning)
                parts.append(_classes(sub, parent, sorted(group["region_code"]), start, end))
        except ValueError:
            continue  # a province without both years: no classes, its regions get no peers
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


@functools.lru_cache(maxsize=1)
def _contiguity_all() -> pd.DataFrame:
    return cached_table("contiguity", lambda: contiguity(read_kabkota_boundaries()),
                        inputs=[KABKOTA_BOUNDARIES], params={})


def seat_points(centroids: pd.DataFrame, source: str = "QUARCS_ZENODO_XY") -> pd.DataFrame:
    """Seats of government (town points) or, for ``source="QUARCS_INDONESIA514_POINTS"``, area centroids."""
    pts = centroids[centroids["source_id"] == source]
    if pts.empty:
        raise ValueError(f"seat_points: no points with source_id {source!r} in the centroids table")
    return pts[["region_code", "lat", "lon"]].reset_index(drop=True)


def _population(population: pd.DataFrame, end: int) -> tuple[pd.DataFrame, str]:
    """One population figure per kab/kota: the latest year ≤ ``end`` of the source covering most
    kab/kota (ties: the later year). Returns the frame and the source id."""
    pop = population[~population["source_id"].astype(str).str.endswith("_SUMKAB")]
    pop = pop[~pop["region_code"].astype(str).str.endswith("00")]
    pop = pop[pop["year"] <= end]
    if pop.empty:
        pop = population[~population["region_code"].astype(str).str.endswith("00")]
    cover = pop.groupby(["source_id", "year"])["region_code"].nunique().reset_index()
    best = cover.sort_values(["region_code", "year"], ascending=[False, False]).iloc[0]
    rows = pop[(pop["source_id"] == best["source_id"]) & (pop["year"] == best["year"])]
    rows = rows.drop_duplicates("region_code")
    concept = str(rows["concept"].iloc[0]) if "concept" in rows and len(rows) else str(best["source_id"])
    return rows[["region_code", "population"]].reset_index(drop=True), f"{concept}, {int(best['year'])}"


def cooperation_tables(pdrb: pd.DataFrame, classes: pd.DataFrame, *, province: str, kabkota: list[str],
                       start: int, end: int, population: pd.DataFrame, centroids: pd.DataFrame,
                       io: pd.DataFrame | None = None, existing: pd.DataFrame | None = None,
                       settings: ConclusionSettings = ConclusionSettings()) -> tuple[dict[str, pd.DataFrame], dict]:
    """Cooperation candidates of every type, filtered, and at most ten ranked proposals.

    Returns the tables and a dict of facts for the report (population source, distance exponent,
    number of candidates, of rejected ones and of existing agreements matched).
    """
    adj_all = _contiguity_all()
    kab = set(kabkota)
    adj = adj_all[adj_all["region_a"].isin(kab) | adj_all["region_b"].isin(kab)].reset_index(drop=True)
    involved = sorted(kab | set(adj["region_a"]) | set(adj["region_b"]))
    nat = national_classes(start=start, end=end)
    cls = pd.concat([classes, nat[~nat["region_code"].isin(kab)]], ignore_index=True)
    pop, pop_source = _population(population, end)
    cat = region_catalog()
    regions = cat[cat["region_code"].isin(involved)][["region_code", "region_name", "level"]].merge(
        pop, on="region_code", how="left")
    seats = seat_points(centroids, settings.seat_source)
    seats_in = seats[seats["region_code"].isin(involved)]
    masses = regions[["region_code", "population"]].dropna()
    inter = coop.gravity(masses, seats_in[seats_in["region_code"].isin(masses["region_code"])],
                         exponent=settings.distance_exponent)
    cand = [
        coop.service_candidates(regions, cls, adj, inter, province=province),
        coop.value_chain_candidates(regions, cls, adj, inter, province=province, io=io),
        coop.resource_candidates(regions, cls, adj, inter, province=province),
    ]
    shares = nat[["region_code", "sector_code", "share_region_pct"]] if len(nat) else nat
    similar = coop.similar_regions(shares, nat, province=province) if len(nat) else pd.DataFrame(
        columns=["region_code", "rank", "peer_code", "similarity", "shared_sectors"])
    cand.append(coop.knowledge_candidates(similar, province=province, regions=regions, contiguity=adj,
                                          interaction=inter))
    candidates = pd.concat([c for c in cand if len(c)], ignore_index=True) if any(len(c) for c in cand) else cand[0]
    kept, rejected = coop.filter_candidates(candidates, existing=existing)
    proposals = coop.propose(kept, max_proposals=settings.max_proposals)
    points = centroids[centroids["source_id"] == settings.seat_source]
    dist = seat_distances(points[points["region_code"].isin(involved)], source=settings.seat_source)
    adj_out = adj.merge(dist[["region_a", "region_b", "distance_km"]], on=["region_a", "region_b"], how="left")
    acc = hansen_accessibility(masses.rename(columns={"population": "value"}),
                               seat_distances(points[points["region_code"].isin(masses["region_code"])],
                                              source=settings.seat_source),
                               beta=settings.distance_exponent)
    acc = acc[acc["region_code"].isin(kab)].reset_index(drop=True)
    names = dict(zip(cat["region_code"], cat["region_name"]))
    labels = dict(zip(SECTORS["sector_code"], SECTORS["sector_label"]))
    peers = similar[similar["region_code"].isin(kab)].reset_index(drop=True)
    peers = peers.assign(
        peer_name=peers["peer_code"].map(names),
        peer_province=peers["peer_code"].map(lambda c: names.get(f"{c[:2]}00", "")),
        shared_sector_labels=peers["shared_sectors"].map(
            lambda t: ", ".join(labels.get(x, x) for x in str(t).split(",") if x)))
    # the gravity table of the study: pairs with at least one kab/kota of the province
    inter = inter[inter["region_a"].isin(kab) | inter["region_b"].isin(kab)].reset_index(drop=True)
    tables = {"kerja_sama": proposals, "kerja_sama_ditolak": rejected, "ketetanggaan": adj_out,
              "daerah_serupa": peers, "aksesibilitas": acc, "interaksi_penduduk": inter}
    facts = {"population_source": pop_source, "distance_exponent": settings.distance_exponent,
             "mass": settings.mass, "candidates": len(candidates), "rejected": len(rejected),
             "seat_source": settings.seat_source,
             "existing": 0 if existing is None else len(existing),
             "already_agreed": int(rejected["reason"].astype(str).str.contains("already_agreed").sum())
             if len(rejected) else 0,
             "top_kelas": TOP_KELAS}
    return tables, facts
