"""Kerja sama daerah (KSD): typed, lawful, neighbour-aware candidates and ranked proposals.

Replaces :func:`potensi.conclusions.synthesis.cooperation_opportunities` (LQ gap × gravity), whose
pairs were often not a local government's to sign. Every function is pure (no I/O) and takes the
outputs of the other layers as DataFrames with these columns:

=================  ===========================================================================
``regions``        region_code, level (``kabupaten``/``kota``/``provinsi``), population;
                   optional region_name (used in the evidence sentences)
``classes``        :mod:`potensi.conclusions.sector_potential`: region_code, sector_code, kelas,
                   lq, share_region_pct, tradable (for the province *and* its outside partners)
``contiguity``     :mod:`potensi.data.boundaries`: region_a, region_b, method,
                   shared_border_km, province_a, province_b, cross_province
``interaction``    :func:`gravity`: region_a, region_b, distance_km, interaction
``io``             technical coefficients A (:mod:`potensi.indicators.input_output`): square,
                   index = supplying sector *i*, columns = buying sector *j*, or long
                   (row_code, col_code, coefficient)
``existing``       the intake sheet *Kerja sama berjalan*: region_a, region_b, objek, tahun, status
=================  ===========================================================================

The pipeline: :func:`gravity` → the four generators (:func:`service_candidates`,
:func:`value_chain_candidates`, :func:`resource_candidates`, :func:`knowledge_candidates` from
:func:`similar_regions`) → :func:`filter_candidates` → :func:`propose`.

Candidate table
---------------
One row per (pair, object): ``province_code`` (the study province), ``region_a, region_b``,
``bentuk, jenis, urusan, objek, topic, sector_code, sector_code_b, adjacent, cross_province,
distance_km, evidence, instrumen, opd_pelaksana, score``. One kab/kota of the study province is
always a side: ``region_a`` for services, resources and knowledge exchange (both in the province:
the smaller code first); for a value chain ``region_a`` is the upstream (supplying) region and
``region_b`` the downstream one, so either may be the partner outside the province.
``sector_code`` is empty for a service; for a value chain it is the upstream sector and
``sector_code_b`` the downstream one. ``topic`` is an identifier of the object (``air_minum``,
``A>C``, ...) used for the diversity rule and for matching existing agreements.

Score (potensi's own, in [0, 1])
--------------------------------
``score = strength × w_ab`` for the three geographic types, where :math:`w_{ab}` is the percentile
rank (0–1] of the pair's gravity interaction :math:`I_{ab} = M_a M_b / d_{ab}^b` among all pairs of
kab/kota that involve the study province (a rank, not :math:`I/\\max I`, because gravity spans
orders of magnitude and one dominant pair would flatten every other score to zero), and the
strength of the object is:

* *layanan bersama*: air minum and rujukan kesehatan ``min(1, LQ_hub − LQ_partner)`` where the
  hub has LQ ≥ 1 in the service sector (E, Q) and the neighbour LQ < 1 (a hub's capacity next to
  an under-served neighbour); persampahan ``min(1, (P_a + P_b) / 1 000 000)`` when one side is a
  kota (urban waste, little land for a landfill); transportasi ``1 − d / commute_km`` within
  ``commute_km``; penanggulangan bencana / DAS ``min(1, shared border km / 100)``;
* *rantai nilai*: ``min(1, LQ_up / 2)`` of the upstream sector;
* *sumber daya bersama*: ``min(1, min(LQ_a, LQ_b) / 2)`` of the shared resource sector;
* *pertukaran pengetahuan* (no gravity: any distance): ``0.5 × similarity``
  (:data:`KNOWLEDGE_WEIGHT`), 0 when the peers share no leading sector a kab/kota can act on.

A candidate whose score is missing or 0 has no evidence and is rejected by
:func:`filter_candidates`.

Law
---
PP 28/2018 (Kerja Sama Daerah) art. 4–6 and Permendagri 22/2020: *kerja sama wajib* is between
bordering regions for affairs with cross-border externalities or services cheaper together;
*kerja sama sukarela* between any regions. Here ``jenis`` is ``"wajib"`` when the pair borders and
the object is a shared service or a shared resource, otherwise ``"sukarela"`` (value chains and
knowledge exchange are always voluntary). ``urusan`` names the concurrent affair of the
UU 23/2014 annex. The instrument is a *Kesepakatan Bersama* followed by a *Perjanjian Kerja Sama*.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from potensi.core.validate import check_choice, check_frame
from potensi.data.sectors import SECTOR_CODES, sector_label
from potensi.indicators.interaction import gravity_interaction

__all__ = [
    "BENTUK",
    "DKI_PROVINCE",
    "KNOWLEDGE_WEIGHT",
    "REJECTION_REASONS",
    "SERVICES",
    "STATE_OUTPUT",
    "TOP_CLASSES",
    "URUSAN_BY_SECTOR",
    "VALUE_CHAIN_PAIRS",
    "filter_candidates",
    "gravity",
    "knowledge_candidates",
    "propose",
    "resource_candidates",
    "service_candidates",
    "similar_regions",
    "value_chain_candidates",
]

# =========================================================================== wording (Indonesian)
#: Type of cooperation (``bentuk``), by identifier.
BENTUK = {
    "service": "layanan bersama",
    "value_chain": "rantai nilai",
    "resource": "sumber daya bersama",
    "knowledge": "pertukaran pengetahuan",
}
#: ``jenis`` per PP 28/2018.
JENIS = {"wajib": "wajib", "sukarela": "sukarela"}
#: Suggested instrument (Permendagri 22/2020: KB first, then PKS).
INSTRUMEN = "Kesepakatan Bersama → Perjanjian Kerja Sama"

#: Shared services between neighbours: identifier -> urusan (UU 23/2014 annex), lead OPD, the
#: sector whose LQ is the evidence ("" when none), the object, and the evidence clause.
SERVICES = {
    "air_minum": {
        "urusan": "pekerjaan umum (air minum)", "opd": "Dinas PUPR", "sector": "E",
        "objek": "sistem penyediaan air minum (SPAM) regional",
        "detail": "LQ air & limbah {hub} {lq_hub} (≥ 1) dan {partner} {lq_partner}",
    },
    "persampahan": {
        "urusan": "lingkungan hidup (persampahan)", "opd": "Dinas Lingkungan Hidup", "sector": "E",
        "objek": "tempat pemrosesan akhir (TPA) sampah regional",
        "detail": "{kota} berstatus kota, gabungan penduduk {pop_sum} jiwa",
    },
    "transportasi": {
        "urusan": "perhubungan", "opd": "Dinas Perhubungan", "sector": "H",
        "objek": "angkutan umum dan simpul transportasi antarwilayah",
        "detail": "jarak {d} km dalam jangkauan komuter {commute} km",
    },
    "rujukan_kesehatan": {
        "urusan": "kesehatan", "opd": "Dinas Kesehatan", "sector": "Q",
        "objek": "layanan rujukan kesehatan lintas batas",
        "detail": "LQ kesehatan {hub} {lq_hub} (≥ 1) dan {partner} {lq_partner}",
    },
    "kebencanaan": {
        "urusan": "penanggulangan bencana", "opd": "BPBD", "sector": "",
        "objek": "penanggulangan bencana dan pengelolaan daerah aliran sungai (DAS) lintas batas",
        "detail": "batas wilayah bersama {border} km",
    },
}
#: The urusan (UU 23/2014 annex) a sector's cooperation falls under, and its lead OPD. Sectors
#: absent here (K, L, MN, RSTU) have no single urusan and make no value-chain candidate.
#: A covers fisheries too; 17 sectors cannot separate them (see :data:`RESOURCE_SECTORS`).
URUSAN_BY_SECTOR = {
    "A": ("pertanian", "Dinas Pertanian"),
    "B": ("energi dan sumber daya mineral", "Dinas ESDM Provinsi"),
    "C": ("perindustrian", "Dinas Perindustrian dan Perdagangan"),
    "D": ("energi dan sumber daya mineral", "Dinas ESDM Provinsi"),
    "E": ("pekerjaan umum (air minum)", "Dinas PUPR"),
    "F": ("pekerjaan umum dan penataan ruang", "Dinas PUPR"),
    "G": ("perdagangan", "Dinas Perindustrian dan Perdagangan"),
    "H": ("perhubungan", "Dinas Perhubungan"),
    "I": ("pariwisata", "Dinas Pariwisata"),
    "J": ("komunikasi dan informatika", "Dinas Komunikasi dan Informatika"),
    "O": ("administrasi pemerintahan", "Sekretariat Daerah"),
    "P": ("pendidikan", "Dinas Pendidikan"),
    "Q": ("kesehatan", "Dinas Kesehatan"),
}
#: Value chains without an IO table (potensi's list): (upstream, downstream) -> object. The
#: upstream sells inputs or products to the downstream sector (processor, trader, hotels, ...).
VALUE_CHAIN_PAIRS = {
    ("A", "C"): "hilirisasi hasil pertanian dan perikanan (agroindustri)",
    ("A", "I"): "pasokan pangan untuk hotel dan restoran",
    ("A", "G"): "pemasaran hasil pertanian dan perikanan ke pasar kota",
    ("C", "G"): "distribusi dan pemasaran hasil industri",
    ("C", "F"): "pasokan bahan bangunan untuk konstruksi",
    ("C", "I"): "pasokan produk olahan untuk hotel dan restoran",
    ("I", "H"): "paket wisata dengan simpul transportasi gerbang",
}
#: Object of an IO-derived value chain (sector labels and the coefficient filled in).
VALUE_CHAIN_IO_OBJEK = "pasokan {up} untuk {down} (koefisien input {a})"
#: Downstream sectors that are served by a consumer market (a kota or a larger population)
#: even without being a basis there.
MARKET_SECTORS = ("G", "I")
#: Shared-resource sectors: sector -> urusan, OPD, object.
RESOURCE_SECTORS = {
    "A": {
        "urusan": "pertanian; kelautan dan perikanan",
        "opd": "Dinas Pertanian; Dinas Kelautan dan Perikanan",
        "objek": "pengelolaan bersama sumber daya pertanian dan perikanan (DAS atau teluk bersama)",
    },
}
#: Knowledge exchange: object and fallback urusan/OPD when the shared sector has none.
KNOWLEDGE = {
    "objek": "pertukaran pengetahuan pengelolaan {sector} dengan daerah berstruktur serupa",
    "urusan": "perencanaan pembangunan", "opd": "Bappeda",
}
#: Evidence sentences (one Indonesian sentence per candidate).
EVIDENCE = {
    "service": "{a} dan {b} berbatasan, jarak antarpusat pemerintahan {d} km, penduduk {pa} dan {pb} "
               "jiwa; {detail}.",
    "value_chain": "{sector_up} di {a} berkelas {kelas} (LQ {lq}, {share} % PDRB); {b} {market}; "
                   "jarak {d} km{io}.",
    "value_chain_market_basis": "basis {sector_down} (LQ {lq_down})",
    "value_chain_market_kota": "kota dengan penduduk {pop} jiwa",
    "value_chain_market_larger": "pasar lebih besar dengan penduduk {pop} jiwa",
    "value_chain_io": ", koefisien input {up}→{down} a = {a}",
    "resource": "{a} dan {b} berbatasan ({border} km batas bersama, jarak {d} km) dan keduanya berkelas "
                "{kelas_a}/{kelas_b} di {sector} (LQ {lq_a} dan {lq_b}).",
    "knowledge": "Struktur ekonomi {a} dan {b} serupa (kemiripan {sim}, peringkat {rank}); sektor unggulan "
                 "bersama: {shared}.",
}
#: Rejection reasons: identifier -> Indonesian ``alasan``.
REJECTION_REASONS = {
    "mining_not_kabkota": "pertambangan bukan urusan kabupaten/kota: perizinan ada di Pemerintah Pusat "
                          "dan provinsi (UU 3/2020, lampiran UU 23/2014)",
    "government_not_traded": "administrasi pemerintahan bukan barang atau jasa yang diperdagangkan",
    "state_oil_gas": "industri migas BUMN (kilang, LNG) bukan milik pemerintah daerah untuk diperdagangkan",
    "dki_administrative": "kota/kabupaten administrasi DKI Jakarta bukan daerah otonom dan tidak dapat "
                          "menandatangani KSD satu sama lain",
    "dki_merged": "digabung: Pemprov DKI Jakarta sudah menjadi pihak untuk mitra dan objek yang sama",
    "no_evidence": "tidak ada bukti angka yang cukup",
    "already_agreed": "sudah ada kerja sama: {objek} ({tahun}, {status})",
}
#: Words of an existing agreement's ``objek`` that match a candidate's topic (lower case).
TOPIC_KEYWORDS = {
    "air_minum": ("air minum", "air bersih", "spam", "pdam"),
    "persampahan": ("sampah", "tpa", "persampahan"),
    "transportasi": ("angkutan", "transportasi", "perhubungan", "trans"),
    "rujukan_kesehatan": ("rujukan", "kesehatan", "rumah sakit"),
    "kebencanaan": ("bencana", "das", "sungai", "banjir"),
    "knowledge": ("pertukaran", "studi banding", "pengetahuan", "kapasitas"),
}
#: Words per sector for matching value-chain, resource and knowledge topics.
SECTOR_KEYWORDS = {
    "A": ("pertanian", "pangan", "perikanan", "perkebunan", "agro"),
    "C": ("industri", "pengolahan", "hilirisasi", "agro"),
    "F": ("konstruksi", "bahan bangunan"),
    "G": ("perdagangan", "pasar", "pemasaran"),
    "H": ("transportasi", "angkutan", "logistik"),
    "I": ("pariwisata", "wisata", "hotel", "restoran"),
}

# =========================================================================== rules and thresholds
#: Classes of :mod:`potensi.conclusions.sector_potential` that count as "top" (leading).
TOP_CLASSES = ("unggulan", "andalan menurun")
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
#: Shared border length (km) at which disaster/river-basin cooperation has full strength.
BORDER_SCALE_KM = 100.0
SIMILARITY_METHODS = ("krugman", "cosine")

_CANDIDATE_COLUMNS = [
    "province_code", "region_a", "region_b", "bentuk", "jenis", "urusan", "objek", "topic", "sector_code",
    "sector_code_b", "adjacent", "cross_province", "distance_km", "evidence", "instrumen", "opd_pelaksana",
    "score",
]
_PROPOSAL_COLUMNS = [
    "rank", "region_a", "region_b", "jenis", "urusan", "bentuk", "sector_code", "adjacent", "distance_km",
    "evidence", "instrumen", "opd_pelaksana",
]
_BENTUK_ORDER = {v: i for i, v in enumerate(BENTUK.values())}


# =========================================================================== helpers
def _need(data: object, func: str, argument: str, columns: Iterable[str]) -> pd.DataFrame:
    """``TypeError`` unless a DataFrame; ``ValueError`` naming every missing column."""
    check_frame(data, func, argument)
    missing = [c for c in columns if c not in data.columns]
    if missing:
        raise ValueError(f"{func}: argument {argument}= lacks column(s) {missing}; available: {list(data.columns)}")
    return data


def _province(code: object, func: str) -> str:
    text = str(code).strip()
    if len(text) == 2 and text.isdigit():
        text += "00"
    if not (len(text) == 4 and text.isdigit() and text.endswith("00") and text != "0000"):
        raise ValueError(f"{func}: argument province={code!r} is not a province code; expected e.g. '64' or '6400'")
    return text


def _in_province(code: str, province: str) -> bool:
    """A kab/kota of ``province`` (BPS frame: same two-digit prefix, not the province row)."""
    return code[:2] == province[:2] and not code.endswith("00")


def _is_kabkota(code: str) -> bool:
    return not code.endswith("00")


def _is_dki_admin(code: str) -> bool:
    return code[:2] == DKI_PROVINCE[:2] and code != DKI_PROVINCE


def _num(x: float, digits: int = 0) -> str:
    """Indonesian number: thousands with '.', decimals with ','."""
    if x is None or not np.isfinite(x):
        return "–"
    text = f"{x:,.{digits}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def _label(code: str) -> str:
    return sector_label(code).lower()


class _Regions:
    """Lookup of the ``regions`` argument: name, level, population by code."""

    def __init__(self, regions: pd.DataFrame, func: str) -> None:
        _need(regions, func, "regions", ["region_code", "level", "population"])
        r = regions.assign(region_code=regions["region_code"].astype(str))
        if r["region_code"].duplicated().any():
            dup = r.loc[r["region_code"].duplicated(), "region_code"].iloc[0]
            raise ValueError(f"{func}: argument regions= has region {dup!r} more than once; "
                             "expected one row per region")
        names = r["region_name"].astype(str) if "region_name" in r else r["region_code"]
        self.name = dict(zip(r["region_code"], names))
        self.level = dict(zip(r["region_code"], r["level"].astype(str)))
        self.pop = dict(zip(r["region_code"], pd.to_numeric(r["population"], errors="coerce").astype(float)))

    def nm(self, code: str) -> str:
        return self.name.get(code, code)

    def kota(self, code: str) -> bool:
        return self.level.get(code) == "kota"

    def p(self, code: str) -> float:
        return self.pop.get(code, np.nan)


class _Classes:
    """Lookup of the ``classes`` argument by (region, sector)."""

    def __init__(self, classes: pd.DataFrame, func: str) -> None:
        _need(classes, func, "classes", ["region_code", "sector_code", "kelas", "lq", "share_region_pct", "tradable"])
        c = classes.assign(region_code=classes["region_code"].astype(str),
                           sector_code=classes["sector_code"].astype(str))
        self.rows = {(r, s): (str(k), float(q), float(sh), bool(t)) for r, s, k, q, sh, t in zip(
            c["region_code"], c["sector_code"], c["kelas"], pd.to_numeric(c["lq"], errors="coerce"),
            pd.to_numeric(c["share_region_pct"], errors="coerce"), c["tradable"].fillna(False))}

    def lq(self, region: str, sector: str) -> float:
        row = self.rows.get((region, sector))
        return np.nan if row is None else row[1]

    def top(self, region: str, sector: str) -> bool:
        row = self.rows.get((region, sector))
        return row is not None and row[0] in TOP_CLASSES and row[3]

    def get(self, region: str, sector: str):
        return self.rows.get((region, sector))


def _pairs(contiguity: pd.DataFrame, interaction: pd.DataFrame, province: str, func: str) -> pd.DataFrame:
    """Pairs of kab/kota with one side in the province: adjacency, distance, gravity weight.

    ``a`` is the province side (both inside: the smaller code). ``weight`` is the percentile rank
    of the interaction among the province's pairs (NaN if the pair has no interaction row)."""
    _need(contiguity, func, "contiguity", ["region_a", "region_b", "method", "shared_border_km", "province_a",
                                           "province_b", "cross_province"])
    _need(interaction, func, "interaction", ["region_a", "region_b", "distance_km", "interaction"])

    def orient(frame: pd.DataFrame) -> pd.DataFrame:
        a, b = frame["region_a"].astype(str).to_numpy(), frame["region_b"].astype(str).to_numpy()
        ina = np.array([_in_province(x, province) for x in a], dtype=bool)
        inb = np.array([_in_province(x, province) for x in b], dtype=bool)
        keep = (ina | inb) & np.array([_is_kabkota(x) and _is_kabkota(y) for x, y in zip(a, b)], dtype=bool)
        swap = (~ina & inb) | (ina & inb & (b < a))
        out = frame.loc[keep].copy()
        out["a"] = np.where(swap, b, a)[keep]
        out["b"] = np.where(swap, a, b)[keep]
        return out.drop(columns=["region_a", "region_b"])

    inter = orient(interaction[["region_a", "region_b", "distance_km", "interaction"]])
    inter = inter.drop_duplicates(["a", "b"])
    inter["weight"] = inter["interaction"].rank(pct=True)
    cont = orient(contiguity[["region_a", "region_b", "shared_border_km", "cross_province"]])
    cont = cont.drop_duplicates(["a", "b"]).assign(adjacent=True)
    out = inter.merge(cont, on=["a", "b"], how="outer")
    out["adjacent"] = out["adjacent"].astype("boolean").fillna(False).astype(bool)
    prov_a = out["a"].str[:2]
    out["cross_province"] = (prov_a != out["b"].str[:2]).to_numpy()
    return out.sort_values(["a", "b"]).reset_index(drop=True)


def _row(province: str, a: str, b: str, bentuk: str, *, jenis: str, urusan: str, objek: str, topic: str,
         sector: str, sector_b: str, pair, evidence: str, opd: str, score: float) -> dict:
    return {
        "province_code": province, "region_a": a, "region_b": b, "bentuk": BENTUK[bentuk], "jenis": JENIS[jenis],
        "urusan": urusan, "objek": objek, "topic": topic, "sector_code": sector, "sector_code_b": sector_b,
        "adjacent": bool(pair["adjacent"]), "cross_province": bool(pair["cross_province"]),
        "distance_km": float(pair["distance_km"]), "evidence": evidence, "instrumen": INSTRUMEN,
        "opd_pelaksana": opd, "score": float(score),
    }


def _frame(rows: list[dict]) -> pd.DataFrame:
    out = pd.DataFrame(rows, columns=_CANDIDATE_COLUMNS)
    out["adjacent"] = out["adjacent"].astype(bool)
    out["cross_province"] = out["cross_province"].astype(bool)
    out["distance_km"] = out["distance_km"].astype(float)
    out["score"] = out["score"].astype(float)
    return out.reset_index(drop=True)


# =========================================================================== gravity
def gravity(
    masses: pd.DataFrame,
    locations: pd.DataFrame,
    *,
    mass: str = "population",
    exponent: float = 2.0,
    region: str = "region_code",
    lat: str = "lat",
    lon: str = "lon",
) -> pd.DataFrame:
    """Gravity interaction between every pair of regions, population as the default mass.

    A thin wrapper of :func:`potensi.indicators.interaction.gravity_interaction` (the formula
    lives there) that chooses the mass column and accepts any location columns.

    Parameters
    ----------
    masses
        One row per region with the mass column: ``population`` (default, persons) or ``pdrb``
        (total PDRB), or any column named by ``mass``.
    locations
        One row per region with ``lat``/``lon``: the seats of government (town points, the
        default of the cooperation section) or the area centroids.
    mass
        Column of ``masses`` used as mass; written to ``mass_kind``.
    exponent
        Distance friction :math:`b` (default 2); shown in the report.

    Returns
    -------
    pandas.DataFrame
        As :func:`gravity_interaction`: ``region_a, region_b, mass_kind, mass_a, mass_b,
        distance_km, interaction, interaction_index, rank, reason``.

    Notes
    -----
    .. math:: I_{ab} = \\frac{M_a M_b}{d_{ab}^{\\,b}}

    With PDRB as mass two coal regencies become the strongest pair; with population the
    ranking follows where people live and travel (the Balikpapan–Samarinda–Penajam corridor).

    Examples
    --------
    Populations 100 and 200 one degree of latitude apart (111.195 km), b = 1:
    :math:`20000 / 111.195 = 179.87`.

    >>> m = pd.DataFrame({"region_code": ["a", "b"], "population": [100.0, 200.0]})
    >>> p = pd.DataFrame({"region_code": ["a", "b"], "lat": [0.0, 1.0], "lon": [110.0, 110.0]})
    >>> round(float(gravity(m, p, exponent=1)["interaction"].iloc[0]), 2)
    179.86
    """
    func = "gravity"
    _need(masses, func, "masses", [region, mass])
    _need(locations, func, "locations", [region, lat, lon])
    loc = locations[[region, lat, lon]].rename(columns={lat: "lat", lon: "lon"})
    loc = loc.assign(**{region: loc[region].astype(str)})
    m = masses[[region, mass]].assign(**{region: masses[region].astype(str)})
    return gravity_interaction(m, loc, mass=mass, region=region, exponent=exponent, mass_kind=mass)


# =========================================================================== generators
def service_candidates(
    regions: pd.DataFrame,
    classes: pd.DataFrame,
    contiguity: pd.DataFrame,
    interaction: pd.DataFrame,
    *,
    province: str,
    commute_km: float = 75.0,
) -> pd.DataFrame:
    """Shared services and infrastructure (*layanan bersama*) between bordering kab/kota.

    For every bordering pair with one side in ``province`` (partners in other provinces
    included) and every service of :data:`SERVICES`, one candidate whose strength follows the
    rules in the module docstring; a rule that does not hold gives score 0 (rejected later as
    ``no_evidence``, so the reviewer sees it). ``jenis`` is ``"wajib"``: the pair borders and
    the service has cross-border externalities or is cheaper together (PP 28/2018).

    ``commute_km`` is the seat-to-seat distance within which daily travel makes shared
    transport worthwhile (potensi's default 75 km).

    Returns
    -------
    pandas.DataFrame
        The candidate table (module docstring), ``bentuk == "layanan bersama"``, ``sector_code``
        empty.
    """
    func = "service_candidates"
    province = _province(province, func)
    reg, cls = _Regions(regions, func), _Classes(classes, func)
    pairs = _pairs(contiguity, interaction, province, func)
    rows = []
    for pair in pairs[pairs["adjacent"]].to_dict("records"):
        a, b, d, w = pair["a"], pair["b"], pair["distance_km"], pair["weight"]
        base = {"a": reg.nm(a), "b": reg.nm(b), "d": _num(d), "pa": _num(reg.p(a)), "pb": _num(reg.p(b))}
        for key, svc in SERVICES.items():
            strength, fields = 0.0, {}
            if svc["sector"] in ("E", "Q") and key != "persampahan":
                la, lb = cls.lq(a, svc["sector"]), cls.lq(b, svc["sector"])
                hub, partner, lh, lp = (a, b, la, lb) if not (lb > la) else (b, a, lb, la)
                if lh >= 1 > lp:
                    strength = min(1.0, lh - lp)
                fields = {"hub": reg.nm(hub), "partner": reg.nm(partner), "lq_hub": _num(lh, 2),
                          "lq_partner": _num(lp, 2)}
            elif key == "persampahan":
                kota = [reg.nm(x) for x in (a, b) if reg.kota(x)]
                total = reg.p(a) + reg.p(b)
                if kota:
                    strength = min(1.0, total / LANDFILL_POPULATION)
                fields = {"kota": " dan ".join(kota) if kota else "tidak ada yang", "pop_sum": _num(total)}
            elif key == "transportasi":
                if d <= commute_km:
                    strength = 1.0 - d / commute_km
                fields = {"d": _num(d), "commute": _num(commute_km)}
            else:  # kebencanaan
                border = float(pair["shared_border_km"]) if pd.notna(pair["shared_border_km"]) else np.nan
                if border > 0:
                    strength = min(1.0, border / BORDER_SCALE_KM)
                fields = {"border": _num(border)}
            evidence = EVIDENCE["service"].format(**base, detail=svc["detail"].format(**fields))
            rows.append(_row(province, a, b, "service", jenis="wajib", urusan=svc["urusan"], objek=svc["objek"],
                             topic=key, sector="", sector_b="", pair=pair, evidence=evidence, opd=svc["opd"],
                             score=strength * w))
    return _frame(rows)


def _io_pairs(io: pd.DataFrame, func: str, min_coefficient: float) -> dict[tuple[str, str], float]:
    """(supplier i, buyer j) -> a_ij for a_ij >= min_coefficient, i != j, both with an urusan."""
    check_frame(io, func, "io")
    if {"row_code", "col_code", "coefficient"} <= set(io.columns):
        a = io.pivot_table(index="row_code", columns="col_code", values="coefficient", aggfunc="first")
    else:
        a = io
    a = a.rename(index=str, columns=str)
    unknown = sorted((set(a.index) | set(a.columns)) - set(SECTOR_CODES))
    if unknown:
        raise ValueError(f"{func}: argument io= has sector code(s) {unknown} outside the 17 sectors; expected a "
                         "square A (index = supplying sector, columns = buying sector) or long "
                         "(row_code, col_code, coefficient)")
    out = {}
    for i in a.index:
        for j in a.columns:
            v = float(a.loc[i, j])
            if i != j and np.isfinite(v) and v >= min_coefficient and i in URUSAN_BY_SECTOR and j in URUSAN_BY_SECTOR:
                out[(i, j)] = v
    return out


def value_chain_candidates(
    regions: pd.DataFrame,
    classes: pd.DataFrame,
    contiguity: pd.DataFrame,
    interaction: pd.DataFrame,
    *,
    province: str,
    io: pd.DataFrame | None = None,
    min_coefficient: float = 0.05,
    max_distance_km: float = 150.0,
) -> pd.DataFrame:
    """Value chains (*rantai nilai*): an upstream region strong in a tradable sector next to a
    downstream market or processor.

    For every pair with one side in ``province`` that borders or lies within
    ``max_distance_km`` (seat to seat), in both directions, and every sector pair
    (upstream *i*, downstream *j*): the upstream region has *i* tradable and in a top class
    (:data:`TOP_CLASSES`), and the downstream region is a processor or market for *j*: LQ_j ≥ 1
    there, or, for *j* in :data:`MARKET_SECTORS`, it is a kota or has more people than the
    upstream region.

    Sector pairs come from ``io`` when given (every *i* ≠ *j* whose technical coefficient
    :math:`a_{ij}` is at least ``min_coefficient``: *j* buys from *i*), otherwise from
    :data:`VALUE_CHAIN_PAIRS`. ``jenis`` is always ``"sukarela"``; ``urusan`` joins the urusan
    of both sectors (:data:`URUSAN_BY_SECTOR`) and the lead OPD is the upstream sector's.
    ``region_a`` is the upstream region, ``sector_code`` the upstream sector and
    ``sector_code_b`` the downstream one.
    """
    func = "value_chain_candidates"
    province = _province(province, func)
    reg, cls = _Regions(regions, func), _Classes(classes, func)
    pairs = _pairs(contiguity, interaction, province, func)
    chains = {k: (v, np.nan) for k, v in VALUE_CHAIN_PAIRS.items()}
    if io is not None:
        chains = {(i, j): (VALUE_CHAIN_IO_OBJEK.format(up=_label(i), down=_label(j), a=_num(a, 3)), a)
                  for (i, j), a in _io_pairs(io, func, min_coefficient).items()}
    near = pairs[pairs["adjacent"] | (pairs["distance_km"] <= max_distance_km)]
    rows = []
    for pair in near.to_dict("records"):
        for up, down in ((pair["a"], pair["b"]), (pair["b"], pair["a"])):
            for (i, j), (objek, coef) in chains.items():
                if not cls.top(up, i):
                    continue
                kelas, lq_up, share, _ = cls.get(up, i)
                lq_down = cls.lq(down, j)
                if lq_down >= 1:
                    market = EVIDENCE["value_chain_market_basis"].format(sector_down=_label(j),
                                                                         lq_down=_num(lq_down, 2))
                elif j in MARKET_SECTORS and reg.kota(down):
                    market = EVIDENCE["value_chain_market_kota"].format(pop=_num(reg.p(down)))
                elif j in MARKET_SECTORS and reg.p(down) > reg.p(up):
                    market = EVIDENCE["value_chain_market_larger"].format(pop=_num(reg.p(down)))
                else:
                    continue
                io_text = "" if np.isnan(coef) else EVIDENCE["value_chain_io"].format(up=i, down=j, a=_num(coef, 3))
                evidence = EVIDENCE["value_chain"].format(
                    sector_up=sector_label(i), a=reg.nm(up), kelas=kelas, lq=_num(lq_up, 2), share=_num(share, 1),
                    b=reg.nm(down), market=market, d=_num(pair["distance_km"]), io=io_text)
                u_up, u_down = URUSAN_BY_SECTOR[i][0], URUSAN_BY_SECTOR.get(j, ("",))[0]
                urusan = u_up if u_down in ("", u_up) else f"{u_up}; {u_down}"
                rows.append(_row(province, up, down, "value_chain", jenis="sukarela", urusan=urusan, objek=objek,
                                 topic=f"{i}>{j}", sector=i, sector_b=j, pair=pair, evidence=evidence,
                                 opd=URUSAN_BY_SECTOR[i][1], score=min(1.0, lq_up / 2) * pair["weight"]))
    return _frame(rows)


def resource_candidates(
    regions: pd.DataFrame,
    classes: pd.DataFrame,
    contiguity: pd.DataFrame,
    interaction: pd.DataFrame,
    *,
    province: str,
) -> pd.DataFrame:
    """Shared resources (*sumber daya bersama*): bordering kab/kota that both have a resource
    sector (:data:`RESOURCE_SECTORS`: A, agriculture, forestry and fisheries) tradable and in a
    top class.

    potensi's rule: two bordering regions that both lead in A most likely draw on one river
    basin, coast or bay (the boundaries do not say which; the evidence names the shared border
    so that the Bappeda can confirm it). ``jenis`` is ``"wajib"``: the pair borders and a shared
    resource has cross-border externalities.
    """
    func = "resource_candidates"
    province = _province(province, func)
    reg, cls = _Regions(regions, func), _Classes(classes, func)
    pairs = _pairs(contiguity, interaction, province, func)
    rows = []
    for pair in pairs[pairs["adjacent"]].to_dict("records"):
        a, b = pair["a"], pair["b"]
        for sector, res in RESOURCE_SECTORS.items():
            if not (cls.top(a, sector) and cls.top(b, sector)):
                continue
            ka, la = cls.get(a, sector)[:2]
            kb, lb = cls.get(b, sector)[:2]
            evidence = EVIDENCE["resource"].format(
                a=reg.nm(a), b=reg.nm(b), border=_num(pair["shared_border_km"]), d=_num(pair["distance_km"]),
                kelas_a=ka, kelas_b=kb, sector=_label(sector), lq_a=_num(la, 2), lq_b=_num(lb, 2))
            rows.append(_row(province, a, b, "resource", jenis="wajib", urusan=res["urusan"], objek=res["objek"],
                             topic=f"resource:{sector}", sector=sector, sector_b="", pair=pair, evidence=evidence,
                             opd=res["opd"], score=min(1.0, min(la, lb) / 2) * pair["weight"]))
    return _frame(rows)


def similar_regions(
    shares_all: pd.DataFrame,
    classes_all: pd.DataFrame,
    *,
    province: str | None = None,
    top: int = 5,
    method: str = "krugman",
    share: str = "share_region_pct",
) -> pd.DataFrame:
    """The kab/kota elsewhere in Indonesia whose economic structure is most like each one's
    (*daerah serupa*), for knowledge exchange.

    Parameters
    ----------
    shares_all
        ``region_code, sector_code`` and the share column (``share_region_pct`` by default, % of
        the region's PDRB), for every kab/kota of Indonesia. Shares are renormalised to sum to 1
        over the sectors present, per region.
    classes_all
        ``region_code, sector_code, kelas`` (top classes give the shared leading sectors).
    province
        Only the kab/kota of this province get peers (default: every kab/kota); peers are kab/kota
        outside the region's own province.
    top
        Peers per region (default 5).
    method
        ``"krugman"`` (default): :math:`S = 1 - \\tfrac12 \\sum_k |s_{ik} - s_{jk}| = \\sum_k
        \\min(s_{ik}, s_{jk})`, one minus half the Krugman dissimilarity index, the share of the
        two economies that has the same structure; ``"cosine"``: :math:`s_i \\cdot s_j /
        (\\lVert s_i \\rVert \\lVert s_j \\rVert)` (dominated by the largest sectors).

    Returns
    -------
    pandas.DataFrame
        ``region_code, rank, peer_code, similarity, shared_sectors`` (the sectors in a top class
        in both, comma-joined, ordered by their share in ``region_code``; empty if none). Ties in
        similarity are broken by peer code.

    References
    ----------
    Krugman, P. (1991). *Geography and Trade*. MIT Press, app. D (index of dissimilarity).

    Examples
    --------
    Shares a (0.5, 0.5), b (0.6, 0.4), c (0.9, 0.1): S(a,b) = 1 − (0.1 + 0.1)/2 = 0.9,
    S(a,c) = 1 − (0.4 + 0.4)/2 = 0.6.

    >>> s = pd.DataFrame({"region_code": ["1101"] * 2 + ["6401"] * 2 + ["7301"] * 2,
    ...                   "sector_code": ["A", "C"] * 3, "share_region_pct": [50, 50, 60, 40, 90, 10]})
    >>> k = s.assign(kelas="lainnya")
    >>> similar_regions(s, k, province="11", top=2)["similarity"].round(6).tolist()
    [0.9, 0.6]
    """
    func = "similar_regions"
    _need(shares_all, func, "shares_all", ["region_code", "sector_code", share])
    _need(classes_all, func, "classes_all", ["region_code", "sector_code", "kelas"])
    check_choice(method, SIMILARITY_METHODS, func, "method")
    if isinstance(top, bool) or not isinstance(top, int | np.integer) or top < 1:
        raise ValueError(f"{func}: argument top={top!r}: expected an integer >= 1")
    prov = None if province is None else _province(province, func)
    s = shares_all.assign(region_code=shares_all["region_code"].astype(str),
                          sector_code=shares_all["sector_code"].astype(str))
    s = s.loc[~s["region_code"].str.endswith("00")]
    if s.duplicated(["region_code", "sector_code"]).any():
        raise ValueError(f"{func}: argument shares_all= has more than one row per region and sector; "
                         "expected one year")
    wide = s.pivot(index="region_code", columns="sector_code", values=share).astype(float).fillna(0.0)
    total = wide.sum(axis=1)
    if (total <= 0).any():
        raise ValueError(f"{func}: argument shares_all=: region(s) {total.index[total <= 0].tolist()} have no "
                         "positive share; expected shares of PDRB")
    x = wide.to_numpy() / total.to_numpy()[:, None]
    codes = wide.index.to_numpy(dtype=str)
    if method == "krugman":
        sim = np.minimum(x[:, None, :], x[None, :, :]).sum(axis=2)
    else:
        norm = np.linalg.norm(x, axis=1)
        sim = (x @ x.T) / np.outer(norm, norm)
    c = classes_all.assign(region_code=classes_all["region_code"].astype(str),
                           sector_code=classes_all["sector_code"].astype(str))
    top_sets = c[c["kelas"].astype(str).isin(TOP_CLASSES)].groupby("region_code")["sector_code"].agg(set).to_dict()
    sectors = wide.columns.to_numpy(dtype=str)
    rows = []
    for i, code in enumerate(codes):
        if prov is not None and not _in_province(code, prov):
            continue
        others = np.array([k for k in range(len(codes)) if codes[k][:2] != code[:2]], dtype=int)
        if not len(others):
            continue
        order = sorted(others, key=lambda k: (-sim[i, k], codes[k]))[:top]
        mine = top_sets.get(code, set())
        by_share = [sectors[k] for k in np.argsort(-x[i], kind="stable")]
        for rank, k in enumerate(order, start=1):
            shared = [sc for sc in by_share if sc in mine and sc in top_sets.get(codes[k], set())]
            rows.append({"region_code": code, "rank": rank, "peer_code": codes[k], "similarity": float(sim[i, k]),
                         "shared_sectors": ",".join(shared)})
    out = pd.DataFrame(rows, columns=["region_code", "rank", "peer_code", "similarity", "shared_sectors"])
    return out.astype({"rank": "int64", "similarity": "float64"}).reset_index(drop=True)


def knowledge_candidates(
    similar: pd.DataFrame,
    *,
    province: str,
    regions: pd.DataFrame | None = None,
    contiguity: pd.DataFrame | None = None,
    interaction: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Knowledge exchange (*pertukaran pengetahuan*, ``jenis`` ``"sukarela"``, any distance)
    from the :func:`similar_regions` table.

    One candidate per region and peer. ``sector_code`` is the first shared leading sector that
    is a kab/kota affair (not B or O), else the first shared one (so that the filter can say why
    a mining-only pair is rejected); ``urusan`` and the OPD are that sector's
    (:data:`URUSAN_BY_SECTOR`), else :data:`KNOWLEDGE`'s fallback. Score
    ``KNOWLEDGE_WEIGHT × similarity``, 0 when no leading sector is shared. ``regions`` adds names
    to the evidence; ``contiguity``/``interaction`` fill ``adjacent``/``distance_km`` where the peer
    happens to be a neighbour (otherwise False / NaN).
    """
    func = "knowledge_candidates"
    province = _province(province, func)
    _need(similar, func, "similar", ["region_code", "rank", "peer_code", "similarity", "shared_sectors"])
    names = {} if regions is None else _Regions(regions, func).name
    adj, dist = set(), {}
    if contiguity is not None:
        _need(contiguity, func, "contiguity", ["region_a", "region_b"])
        adj = {frozenset((str(a), str(b))) for a, b in zip(contiguity["region_a"], contiguity["region_b"])}
    if interaction is not None:
        _need(interaction, func, "interaction", ["region_a", "region_b", "distance_km"])
        dist = {frozenset((str(a), str(b))): float(d) for a, b, d in
                zip(interaction["region_a"], interaction["region_b"], interaction["distance_km"])}
    rows = []
    for r in similar.to_dict("records"):
        a, b = str(r["region_code"]), str(r["peer_code"])
        if not _in_province(a, province):
            continue
        shared = [x for x in str(r["shared_sectors"] if pd.notna(r["shared_sectors"]) else "").split(",") if x]
        usable = [x for x in shared if x not in ("B", "O")]
        sector = (usable or shared or [""])[0]
        urusan, opd = URUSAN_BY_SECTOR.get(sector, (KNOWLEDGE["urusan"], KNOWLEDGE["opd"]))
        key = frozenset((a, b))
        pair = {"adjacent": key in adj, "cross_province": a[:2] != b[:2], "distance_km": dist.get(key, np.nan)}
        evidence = EVIDENCE["knowledge"].format(
            a=names.get(a, a), b=names.get(b, b), sim=_num(float(r["similarity"]), 3), rank=int(r["rank"]),
            shared=", ".join(_label(x) for x in shared) if shared else "tidak ada")
        objek = KNOWLEDGE["objek"].format(sector=_label(sector) if sector else "perekonomian")
        score = KNOWLEDGE_WEIGHT * float(r["similarity"]) if shared else 0.0
        rows.append(_row(province, a, b, "knowledge", jenis="sukarela", urusan=urusan, objek=objek, topic="knowledge",
                         sector=sector, sector_b="", pair=pair, evidence=evidence, opd=opd, score=score))
    return _frame(rows)


# =========================================================================== filter
def _topic_words(row: dict) -> tuple[str, ...]:
    topic = row["topic"]
    if topic in TOPIC_KEYWORDS:
        words = TOPIC_KEYWORDS[topic]
        return words + tuple(SECTOR_KEYWORDS.get(row["sector_code"], ())) if topic == "knowledge" else words
    return tuple(w for s in (row["sector_code"], row["sector_code_b"]) for w in SECTOR_KEYWORDS.get(s, ()))


def _check(r: dict, state: set, agreements: dict) -> tuple[str, str, str, list[str], list[str]]:
    """One candidate's (region_a, region_b, lokasi_dki, reason codes, alasan texts)."""
    a, b, s, sb = r["region_a"], r["region_b"], r["sector_code"], r["sector_code_b"]
    codes: list[str] = []
    texts: list[str] = []

    def hit(code: str, text: str | None = None) -> None:
        codes.append(code)
        texts.append(REJECTION_REASONS[code] if text is None else text)

    if "B" in (s, sb):
        hit("mining_not_kabkota")
    if "O" in (s, sb):
        hit("government_not_traded")
    side_b = sb if r["bentuk"] == BENTUK["value_chain"] else s  # the sector on region_b's side
    if (a, s) in state or (b, side_b) in state:
        hit("state_oil_gas")
    loc = ""
    if _is_dki_admin(a) and _is_dki_admin(b):
        hit("dki_administrative")
    elif _is_dki_admin(a) and b[:2] != DKI_PROVINCE[:2]:
        loc, a = a, DKI_PROVINCE
    elif _is_dki_admin(b) and a[:2] != DKI_PROVINCE[:2]:
        loc, b = b, DKI_PROVINCE
    score = r["score"]
    no_distance = r["bentuk"] != BENTUK["knowledge"] and not np.isfinite(r["distance_km"])
    if not (np.isfinite(score) and score > 0) or not str(r["evidence"]).strip() or no_distance:
        hit("no_evidence")
    words = _topic_words(r)
    for key in {frozenset((r["region_a"], r["region_b"])), frozenset((a, b))}:
        match = next((ag for ag in agreements.get(key, [])
                      if not str(ag["objek"] if pd.notna(ag["objek"]) else "").strip()
                      or any(w in str(ag["objek"]).lower() for w in words)), None)
        if match is not None:
            hit("already_agreed", REJECTION_REASONS["already_agreed"].format(
                objek=match["objek"], tahun=match["tahun"], status=match["status"]))
            break
    return a, b, loc, codes, texts


def filter_candidates(
    candidates: pd.DataFrame,
    *,
    existing: pd.DataFrame | None = None,
    exclude_state_output: bool = True,
    state_output: Iterable[tuple[str, str]] = STATE_OUTPUT,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split candidates into those a kab/kota can lawfully take to the table and the rest.

    Rules (reason identifier, Indonesian ``alasan`` in :data:`REJECTION_REASONS`):

    * ``mining_not_kabkota``: B on either side (licensing is central/provincial: UU 3/2020,
      UU 23/2014 annex CC);
    * ``government_not_traded``: O on either side;
    * ``state_oil_gas``: with ``exclude_state_output``, a (region, sector) of ``state_output`` on
      its own side (default :data:`STATE_OUTPUT`: Bontang C, Balikpapan C, where the LNG plant
      and the refinery dominate and 17 sectors cannot separate them from the rest of C);
    * ``dki_administrative``: both sides are DKI Jakarta's kota/kabupaten administrasi;
    * ``no_evidence``: score missing or ≤ 0, or no evidence sentence, or (except knowledge
      exchange) no distance;
    * ``already_agreed``: ``existing`` (region_a, region_b, objek, tahun, status) has the same
      pair (either order) with an ``objek`` that is empty or mentions a word of the candidate's
      topic (:data:`TOPIC_KEYWORDS`, :data:`SECTOR_KEYWORDS`), whatever the status (an ended
      agreement is renewed, not proposed anew); the ``alasan`` quotes it.

    DKI decision: a DKI kota/kabupaten administrasi paired with a region outside DKI is kept, but
    its side becomes the province **3100** (Pemprov DKI Jakarta signs, as a province may with
    kab/kota of other provinces under PP 28/2018); the kota's code stays in ``lokasi_dki``. If
    several DKI kota thus give the same pair and topic, the best-scored is kept and the others
    are rejected as ``dki_merged``.

    Returns
    -------
    (kept, rejected)
        ``kept``: the candidate columns plus ``lokasi_dki``. ``rejected``: the same plus
        ``reason`` (identifiers joined by ``;``, every rule that applies) and ``alasan``.
    """
    func = "filter_candidates"
    _need(candidates, func, "candidates", _CANDIDATE_COLUMNS)
    state = {(str(r), str(s)) for r, s in state_output} if exclude_state_output else set()
    agreements: dict[frozenset, list[dict]] = {}
    if existing is not None:
        _need(existing, func, "existing", ["region_a", "region_b", "objek", "tahun", "status"])
        for r in existing.to_dict("records"):
            agreements.setdefault(frozenset((str(r["region_a"]), str(r["region_b"]))), []).append(r)
    c = candidates.copy()
    for col in ("region_a", "region_b", "sector_code", "sector_code_b"):
        c[col] = c[col].fillna("").astype(str)
    checked = [_check(r, state, agreements) for r in c.to_dict("records")]
    c["region_a"] = [x[0] for x in checked]
    c["region_b"] = [x[1] for x in checked]
    c["lokasi_dki"] = [x[2] for x in checked]
    c["reason"] = [";".join(x[3]) for x in checked]
    c["alasan"] = ["; ".join(x[4]) for x in checked]
    # DKI rewrite can make duplicates of (pair, topic): keep the best score
    ok = c["reason"] == ""
    ranked = c[ok].sort_values("score", ascending=False, kind="stable")
    dup = ranked.duplicated(["province_code", "region_a", "region_b", "topic"]) & (ranked["lokasi_dki"] != "")
    merged = dup[dup].index
    c.loc[merged, "reason"] = "dki_merged"
    c.loc[merged, "alasan"] = REJECTION_REASONS["dki_merged"]
    ok = c["reason"] == ""
    kept = c[ok].drop(columns=["reason", "alasan"]).reset_index(drop=True)
    rejected = c[~ok].reset_index(drop=True)
    return kept, rejected


# =========================================================================== proposals
def _pick(rows: list[dict], max_proposals: int, max_per_pair: int, max_per_bentuk: int) -> list[int]:
    """Positions of the chosen rows (sorted best first), in rank order."""
    chosen: list[int] = []
    pair_n: dict = {}
    bentuk_n: dict = {}
    for top3 in (True, False):  # pass 1: the top three, three different pairs; pass 2: the rest
        for k, r in enumerate(rows):
            if len(chosen) >= (min(3, max_proposals) if top3 else max_proposals):
                break
            if k in chosen or bentuk_n.get(r["bentuk"], 0) >= max_per_bentuk:
                continue
            if pair_n.get(r["_pair"], 0) >= (1 if top3 else max_per_pair):
                continue
            chosen.append(k)
            pair_n[r["_pair"]] = pair_n.get(r["_pair"], 0) + 1
            bentuk_n[r["bentuk"]] = bentuk_n.get(r["bentuk"], 0) + 1
    return chosen


def propose(
    candidates: pd.DataFrame,
    *,
    max_proposals: int = 10,
    max_per_pair: int = 2,
    max_per_bentuk: int = 4,
) -> pd.DataFrame:
    """Ranked proposals, at most ``max_proposals`` per study province, from kept candidates.

    Candidates are taken by score (ties: type order of :data:`BENTUK`, then codes). Diversity
    rules: the first three proposals are three different pairs (so the executive summary never
    names one pair three times); no pair appears more than ``max_per_pair`` times and no type
    more than ``max_per_bentuk`` times in the list. If the caps leave fewer candidates, fewer
    proposals are returned. One side of every candidate must be a kab/kota of its
    ``province_code`` (or the province itself, for DKI's rewritten side); partners in other
    provinces are allowed.

    Returns
    -------
    pandas.DataFrame
        ``rank, region_a, region_b, jenis, urusan, bentuk, sector_code, adjacent, distance_km,
        evidence, instrumen, opd_pelaksana`` (the ``kerja_sama.csv`` columns), then
        ``province_code, objek, sector_code_b, score``.
    """
    func = "propose"
    _need(candidates, func, "candidates", _CANDIDATE_COLUMNS)
    for name, value in (("max_proposals", max_proposals), ("max_per_pair", max_per_pair),
                        ("max_per_bentuk", max_per_bentuk)):
        if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 1:
            raise ValueError(f"{func}: argument {name}={value!r}: expected an integer >= 1")
    c = candidates.copy()
    for col in ("province_code", "region_a", "region_b"):
        c[col] = c[col].astype(str)
    outside = [(p, a, b) for p, a, b in zip(c["province_code"], c["region_a"], c["region_b"])
               if not any(_in_province(x, p) or x == p for x in (a, b))]
    if outside:
        raise ValueError(f"{func}: argument candidates= has pairs with no side in their province_code, e.g. "
                         f"{outside[:3]}; expected one kab/kota of the study province in every pair")
    c["_order"] = c["bentuk"].map(_BENTUK_ORDER).fillna(len(_BENTUK_ORDER))
    c["_pair"] = [frozenset((a, b)) for a, b in zip(c["region_a"], c["region_b"])]
    c = c.sort_values(["province_code", "score", "_order", "region_a", "region_b", "topic"],
                      ascending=[True, False, True, True, True, True], kind="stable")
    parts = []
    for _, group in c.groupby("province_code", sort=True):
        rows = group.to_dict("records")
        chosen = _pick(rows, max_proposals, max_per_pair, max_per_bentuk)
        sel = pd.DataFrame([rows[k] for k in chosen], columns=group.columns)
        sel.insert(0, "rank", np.arange(1, len(sel) + 1, dtype="int64"))
        parts.append(sel)
    cols = [*_PROPOSAL_COLUMNS, "province_code", "objek", "sector_code_b", "score"]
    if not parts:
        return pd.DataFrame(columns=cols)
    return pd.concat(parts, ignore_index=True)[cols]
