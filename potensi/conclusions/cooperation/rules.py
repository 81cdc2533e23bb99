"""Rules and thresholds of the cooperation candidates (no wording: see :mod:`potensi.core.wording`)."""

from __future__ import annotations

from potensi.conclusions.sector_potential import TOP_KELAS
from potensi.core.wording import BENTUK

__all__ = [
    "BORDER_SCALE_KM",
    "CANDIDATE_COLUMNS",
    "DKI_PROVINCE",
    "KNOWLEDGE_WEIGHT",
    "LANDFILL_POPULATION",
    "MARKET_SECTORS",
    "PROPOSAL_COLUMNS",
    "SERVICE_SECTORS",
    "SIMILARITY_METHODS",
    "STATE_OUTPUT",
    "TOP_CLASSES",
]

#: Classes of :mod:`potensi.conclusions.sector_potential` that count as "top" (leading).
TOP_CLASSES = TOP_KELAS
#: Province code of DKI Jakarta. Its kota/kabupaten administrasi (every kab/kota code 31xx in
#: the BPS frame: 3101 Kepulauan Seribu, 3171–3175) are not autonomous regions (UU 29/2007;
#: UU 2/2024 keeps them *administratif*) and cannot sign a KSD.
DKI_PROVINCE = "3100"
#: (region, sector) whose output is mostly a state company's (LNG plant, refinery): Bontang's C
#: (Badak LNG, with Pupuk Kaltim) and Balikpapan's C (Pertamina RU V). The 17-sector data cannot
#: separate oil-and-gas manufacturing from the rest of C, so the whole C of these regions is
#: excluded from trade-type candidates when ``exclude_state_output`` is on.
STATE_OUTPUT = (("6474", "C"), ("6471", "C"))
#: Weight of a knowledge exchange (no distance, no binding object) relative to a geographic one.
KNOWLEDGE_WEIGHT = 0.5
#: Population at which a regional landfill has full strength (potensi's scale).
LANDFILL_POPULATION = 1_000_000
#: A regional landfill serves towns within this seat-to-seat distance (km; potensi's own rule:
#: beyond it haulage costs outweigh the shared site).
LANDFILL_MAX_KM = 50.0
#: Shared border length (km) at which disaster/river-basin cooperation has full strength.
BORDER_SCALE_KM = 100.0
#: ``method`` options of :func:`~potensi.conclusions.cooperation.similar_regions`.
SIMILARITY_METHODS = ("krugman", "cosine")
#: Shared services between neighbours, in candidate order: identifier -> the sector whose LQ is
#: the evidence ("" when none). Their urusan, OPD, object and evidence clause are
#: :data:`potensi.core.wording.SERVICES`.
SERVICE_SECTORS = {"air_minum": "E", "persampahan": "E", "transportasi": "H", "rujukan_kesehatan": "Q",
                   "kebencanaan": ""}
#: Downstream sectors that are served by a consumer market (a kota or a larger population)
#: even without being a basis there.
MARKET_SECTORS = ("G", "I")

#: Columns of the candidate table (see the package docstring).
CANDIDATE_COLUMNS = [
    "province_code", "region_a", "region_b", "bentuk", "jenis", "urusan", "objek", "topic", "sector_code",
    "sector_code_b", "adjacent", "cross_province", "distance_km", "evidence", "instrumen", "opd_pelaksana",
    "score",
]
#: Columns of a proposal (the ``kerja_sama.csv`` columns).
PROPOSAL_COLUMNS = [
    "rank", "region_a", "region_b", "jenis", "urusan", "bentuk", "sector_code", "adjacent", "distance_km",
    "evidence", "instrumen", "opd_pelaksana",
]
#: Tie-break order of the types (``bentuk``) among equal scores.
BENTUK_ORDER = {v: i for i, v in enumerate(BENTUK.values())}
