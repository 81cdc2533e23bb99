"""Every Indonesian word the reports print that is not a number: labels, glossary, citations,
class descriptions, sentence templates and the translation of the indicators' reason codes.

The layers below speak English identifiers (column names, ``reason`` codes, class codes where the
literature has no single wording); this module is the one place that turns them into Bahasa
Indonesia. Translation is by lookup in :data:`REASONS` (exact texts, ``"; "``-separated parts and
an optional ``"<year>: "`` prefix), never by substring replacement, so that adding a reason cannot
change the wording of another.

It sits in ``core`` (not in ``report``) because the conclusions' CSV outputs carry Indonesian by
specification: the ``evidence`` sentences of :mod:`potensi.conclusions.sector_potential` and
:mod:`potensi.conclusions.cooperation`, the cooperation's ``bentuk``, ``urusan``, ``objek``,
``instrumen`` and the ``alasan`` of a rejected candidate. Those layers import their wording from
here and hold no Indonesian phrase of their own (a test checks it); numbers inside the sentences
are formatted by :mod:`potensi.core.numbers`, the same functions the report uses.
"""

from __future__ import annotations

import re

__all__ = [
    "COLUMN_LABELS",
    "SHEET_NAMES",
    "WORKBOOK",
    "ADJACENCY_METHODS",
    "SHIFT_SHARE_TERMS",
    "KELAS_DESCRIPTIONS",
    "KELAS_SHORT",
    "REASONS",
    "translate_reason",
    "GLOSSARY",
    "CITATIONS",
    "PROFILE",
    "INTAKE",
    "POPULATION_CONCEPTS",
    "POPULATION_CONCEPTS_BY_SOURCE",
    "BUILD_NOTES",
    "SCOPES",
    "UNITS",
    "CLI",
    "REPORT_TITLES",
    "INDEX",
    "PROVENANCE",
    "REPORT_LABELS",
    "VALUE_LABELS",
    "TEXT_REPLACEMENTS",
    "TABLE_VIEW",
    "MAPS",
    "COOPERATION",
    "QUALITY",
    "SCENARIO_NAMES",
    "FINDINGS",
    "SECTOR_EVIDENCE",
    "BENTUK",
    "JENIS",
    "INSTRUMEN",
    "SERVICES",
    "URUSAN_BY_SECTOR",
    "VALUE_CHAIN_PAIRS",
    "VALUE_CHAIN_IO_OBJEK",
    "RESOURCE_SECTORS",
    "KNOWLEDGE",
    "COOPERATION_EVIDENCE",
    "REJECTION_REASONS",
    "TOPIC_KEYWORDS",
    "SECTOR_KEYWORDS",
    "NARRATIVE",
    "TOTAL_LABEL",
    "POPULATION_SOURCE_NAMES",
    "CONVERGENCE_PATTERNS",
    "METHOD_CITATIONS",
    "GAPS",
    "CAPTIONS",
    "CAPTIONS_NATIONAL",
    "FIGURES",
    "VIEW",
]

#: Indonesian column headings of the report tables and the XLSX workbooks (one mapping for both;
#: :mod:`potensi.report.formatting` re-exports it). Every column named in
#: :data:`potensi.report.formatting.REPORT_COLUMNS` has one, and every column of a table the
#: workbook writes (tests check both).
COLUMN_LABELS: dict[str, str] = {
    "publikasi": "Publikasi (dan penghimpun)",
    # regions, sectors, years
    "region_code": "Kode wilayah",
    "region_name": "Wilayah",
    "region_code_a": "Kode wilayah A",
    "region_name_a": "Wilayah A",
    "region_code_b": "Kode wilayah B",
    "region_name_b": "Wilayah B",
    "region_a": "Kode wilayah A",
    "region_b": "Kode wilayah B",
    "level": "Tingkat",
    "island": "Pulau",
    "scope": "Cakupan",
    "sector_code": "Kode LU",
    "sector_label": "Lapangan usaha",
    "sector_name": "Lapangan usaha",
    "year": "Tahun",
    "start_year": "Tahun awal",
    "end_year": "Tahun akhir",
    "lq_year": "Tahun LQ",
    "per_capita_year": "Tahun PDRB per kapita",
    "reference_code": "Kode wilayah acuan",
    "price_basis": "Dasar harga",
    # PDRB, structure, growth
    "value": "PDRB (miliar rupiah)",
    "value_start": "PDRB tahun awal (miliar rupiah)",
    "value_end": "PDRB tahun akhir (miliar rupiah)",
    "share_pct": "Peran (%)",
    "reference_share_pct": "Peran di wilayah acuan (%)",
    "growth_pct": "Pertumbuhan (%)",
    "reference_growth_pct": "Pertumbuhan di wilayah acuan (%)",
    "reference_total_growth_pct": "Pertumbuhan total wilayah acuan (%)",
    "region_growth_pct": "Pertumbuhan total daerah (%)",
    "mean_growth_pct": "Rata-rata pertumbuhan (%/tahun)",
    "distribution_pct": "Distribusi (%)",
    "lpe_pct": "Laju pertumbuhan (%)",
    "contribution_pp": "Sumber pertumbuhan (poin persen)",
    "provisional": "Angka sementara",
    "status": "Status angka",
    # LQ, DLQ
    "lq": "LQ",
    "dlq": "DLQ",
    "slq": "SLQ (rata-rata)",
    "slq_dlq_class": "Kelas SLQ×DLQ",
    "slq_dlq_rule": "Aturan",
    "method": "Metode",
    # shift-share
    "change": "Perubahan (miliar rupiah)",
    "national_share": "Pertumbuhan nasional/acuan (PN)",
    "industry_mix": "Pergeseran proporsional (PP)",
    "competitive_effect": "Pergeseran pangsa wilayah (PPW)",
    "net_shift": "Pergeseran bersih (PB = PP + PPW)",
    "profile": "Profil (menurut tanda PP dan PPW)",
    "profile_rule": "Aturan profil",
    "net_shift_class": "Kelas (PB > 0: progresif)",
    "homothetic_base": "Basis homotetik (E-M)",
    "em_net_competitive": "Efek kompetitif bersih (E-M)",
    "em_allocation": "Efek alokasi (E-M)",
    "arcelus_regional_growth": "Efek pertumbuhan wilayah (Arcelus, bentuk dua suku)",
    "arcelus_regional_mix": "Efek bauran wilayah (Arcelus, bentuk dua suku)",
    "em_base_ratio": "Basis aktual ÷ basis homotetik (E-M)",
    "em_flag": "Angka E-M tidak andal (basis kecil)",
    "em_type": "Tipe Esteban-Marquillas",
    "knife_edge": "Di tepi ambang (±5 %)",
    "per_capita_margin_pct": "Selisih per kapita dari acuan (%)",
    "growth_margin_pp": "Selisih pertumbuhan dari acuan (poin)",
    "cov_type": "Jenis galat baku",
    "dlq_note": "Catatan DLQ",
    # MRP
    "rpr": "RPr (acuan)",
    "rps": "RPs (daerah)",
    "rpr_sign": "Tanda RPr",
    "rps_sign": "Tanda RPs",
    "overlay": "Overlay (RPr, RPs, LQ)",
    # Klassen
    "klassen": "Tipologi Klassen",
    "klassen_rule": "Aturan",
    "klassen_lq": "Tipologi Klassen (varian LQ)",
    "klassen_lq_rule": "Aturan (varian LQ)",
    "klassen_sector": "Tipologi Klassen",
    "variant": "Varian",
    "per_capita": "PDRB per kapita (juta rupiah)",
    "growth": "Pertumbuhan (%/tahun)",
    "reference_per_capita": "PDRB per kapita acuan (juta rupiah)",
    "reference_growth": "Pertumbuhan acuan (%/tahun)",
    "quadrant": "Kuadran",
    # specialisation, inequality, convergence
    "krugman": "Indeks Krugman",
    "hoover": "Koefisien Hoover",
    "herfindahl": "Indeks Herfindahl",
    "herfindahl_normalised": "Herfindahl (ternormalisasi)",
    "entropy": "Entropi",
    "entropy_normalised": "Entropi (ternormalisasi)",
    "n_sectors": "Jumlah lapangan usaha",
    "index": "Indeks",
    "class": "Kelas",
    "n_regions": "Jumlah wilayah",
    "statistic": "Statistik",
    "std_error": "Galat baku",
    "total": "Total",
    "between": "Antarkelompok",
    "within": "Dalam kelompok",
    "between_share": "Porsi antarkelompok",
    "n_groups": "Jumlah kelompok",
    "population_source": "Sumber penduduk",
    # interaction, synthesis, cooperation
    "mass_kind": "Jenis massa",
    "mass_a": "Massa A",
    "mass_b": "Massa B",
    "distance_km": "Jarak (km)",
    "interaction": "Interaksi",
    "interaction_index": "Indeks interaksi",
    "rank": "Peringkat",
    "score": "Skor",
    "n_methods": "Jumlah metode",
    "methods": "Metode yang menandai",
    "label": "Kesimpulan",
    "supplier": "Kode pemasok",
    "supplier_name": "Pemasok",
    "partner": "Kode mitra",
    "partner_name": "Mitra",
    "lq_supplier": "LQ pemasok",
    "lq_partner": "LQ mitra",
    "complementarity": "Komplementaritas",
    "rank_in_sector": "Peringkat dalam lapangan usaha",
    "supplier_label": "Status sektor di pemasok",
    "supplier_score": "Skor pemasok",
    "evidence": "Dasar",
    # data quality
    "source_id": "Sumber",
    "province_total": "PDRB provinsi (miliar rupiah)",
    "sum_members": "Σ kab/kota (miliar rupiah)",
    "n_members": "Jumlah kab/kota",
    "n_missing": "Kab/kota tanpa angka",
    "difference": "Selisih (miliar rupiah)",
    "difference_pct": "Selisih (%)",
    "angka": "Jumlah angka",
    "tahun_awal": "Tahun awal",
    "tahun_akhir": "Tahun akhir",
    "wilayah": "Jumlah wilayah",
    "wilayah_tanpa_data": "Kab/kota tanpa data",
    "kode": "Kode / keterangan",
    "source_id_kept": "Sumber yang dipakai",
    "source_id_replaced": "Sumber yang digantikan",
    "figures": "Jumlah angka",
    "max_rel_diff": "Selisih relatif terbesar",
    "regions": "Jumlah wilayah",
    "years": "Tahun",
    "missing_values": "Angka kosong",
    "zero_markers": "Tanda nol BPS (“-”)",
    "provisional_figures": "Jumlah angka sementara",
    "sources": "Sumber",
    "reason": "Alasan",
    "note": "Catatan",
    # columns the workbook keeps beyond the report's tables (sector potential, cooperation, quality)
    "accessibility": "Indeks aksesibilitas",
    "adjacent": "Berbatasan",
    "alasan": "Alasan",
    "backward_linkage": "Daya penyebaran (keterkaitan ke belakang)",
    "forward_linkage": "Derajat kepekaan (keterkaitan ke depan)",
    "output_multiplier": "Angka pengganda output",
    "value_added_multiplier": "Angka pengganda nilai tambah",
    "export_share": "Orientasi ekspor (0–1)",
    "import_share": "Ketergantungan impor (0–1)",
    "basis": "Sektor basis",
    "bentuk": "Bentuk kerja sama",
    "child_codes": "Kode wilayah pecahan",
    "competitive": "Daya saing naik",
    "competitive_effect_pct": "Keunggulan kompetitif (% dari nilai tahun awal)",
    "cross_province": "Lintas provinsi",
    "derived_figures": "Jumlah angka turunan",
    "old_boundary_figures": "Jumlah angka batas lama",
    "disagree_with": "Berbeda pada skenario",
    "gap_km": "Celah (km)",
    "shared_border_km": "Panjang batas bersama (km)",
    "in_window": "Dalam jendela analisis",
    "used": "Dipakai",
    "kind": "Jenis",
    "instrumen": "Instrumen",
    "jenis": "Jenis kerja sama",
    "objek": "Objek kerja sama",
    "urusan": "Urusan pemerintahan",
    "opd_pelaksana": "OPD pelaksana",
    "topic": "Topik",
    "lokasi_dki": "Kota lokasi (DKI Jakarta)",
    "kelas": "Kelas potensi",
    "key_sector": "Sektor kunci (input–output)",
    "knife_edge_on": "Di tepi ambang pada",
    "lq_end": "LQ tahun akhir",
    "material": "Bernilai material",
    "tradable": "Dapat diperdagangkan",
    "stable": "Stabil di semua skenario",
    "scenario": "Skenario",
    "scenarios_agree": "Jumlah skenario yang sama",
    "scenarios_total": "Jumlah skenario",
    "nilai": "Nilai (miliar rupiah)",
    "peer_code": "Kode daerah serupa",
    "peer_name": "Daerah serupa",
    "similarity": "Kemiripan (0–1)",
    "shared_sectors": "Lapangan usaha unggulan bersama",
    "province_code": "Kode provinsi",
    "province_a": "Kode provinsi A",
    "province_b": "Kode provinsi B",
    "sector_code_b": "Kode LU B",
    "share_adhb_pct": "Peran ADHB (%)",
    "share_province_sector_pct": "Pangsa dalam lapangan usaha provinsi (%)",
    "share_region_pct": "Peran dalam PDRB daerah (%)",
    "source_before": "Sumber sebelum",
    "source_after": "Sumber sesudah",
    "year_before": "Tahun sebelum",
    "year_after": "Tahun sesudah",
    "provisional_after": "Angka sementara sesudahnya",
    "file": "Berkas",
    "sha256": "Sidik SHA-256",
}

#: Sheet names of the XLSX workbooks (at most 31 characters, none of ``[]:*?/\``, unique without
#: regard to case); ``<table>_nasional`` gets the name of ``<table>`` plus " (Indonesia)".
SHEET_NAMES: dict[str, str] = {
    "pdrb_tahunan": "PDRB per tahun",
    "struktur": "Struktur PDRB",
    "struktur_ringkas": "Struktur PDRB ringkas",
    "pertumbuhan_rata": "Rata-rata pertumbuhan",
    "kontribusi_kabkota": "Kontribusi kab-kota",
    "lq": "LQ",
    "dlq": "DLQ dan SLQ×DLQ",
    "shift_share": "Shift-share",
    "mrp": "MRP",
    "klassen_sector": "Klassen sektoral",
    "growth": "Pertumbuhan sektor",
    "klassen_region": "Klassen wilayah",
    "specialisation": "Spesialisasi",
    "inequality": "Ketimpangan",
    "convergence": "Konvergensi",
    "interaction": "Interaksi gravitasi",
    "theil_islands": "Theil antarpulau",
    "cooperation": "Peluang kerja sama",
    "sektor_unggulan": "Sektor unggulan",
    "sektor_unggulan_skenario": "Sektor unggulan per skenario",
    "sektor_unggulan_tanpa_pertambangan": "Unggulan tanpa pertambangan",
    "kerja_sama": "Usulan kerja sama",
    "kerja_sama_berjalan": "Kerja sama berjalan",
    "kerja_sama_ditolak": "Kerja sama ditolak",
    "ketetanggaan": "Ketetanggaan",
    "daerah_serupa": "Daerah serupa",
    "aksesibilitas": "Aksesibilitas",
    "interaksi_penduduk": "Interaksi (penduduk)",
    "kualitas_umum": "Kualitas data nasional",
    "selisih_kabkota": "Selisih kab-kota",
    "angka_ditolak": "Angka ditolak",
    "angka_sementara": "Angka sementara",
    "angka_turunan": "Angka turunan",
    "sumber": "Sumber angka",
    "kekosongan": "Kekosongan data",
    "tumpang_tindih": "Tumpang tindih sumber",
    "jeda_vintage": "Jeda vintase",
    "batas_wilayah": "Batas wilayah",
    "data_tambahan": "Data tambahan",
    "berkas_tambahan": "Berkas tambahan",
    "asal_usul": "Asal-usul laporan",
}

#: The provenance sheet of every workbook.
WORKBOOK = {
    "sheet": "Sumber",
    "title": "Asal-usul buku kerja",
    "item": "Butir",
    "value": "Nilai",
    "package": "Paket",
    "commit": "Commit git",
    "run_date": "Tanggal dijalankan",
    "parameter": "Parameter: {name}",
    "input": "SHA-256 {name}",
    "source": "Sumber data",
    "sources": ("BPS: PDRB menurut lapangan usaha (17 kategori), ADHK 2010, provinsi dan kab/kota "
                "(daftar berkas dan unduhannya: data/raw/README.md)"),
    "sheets": "Lembar {sheet}",
    "note": ("Angka tersimpan dengan presisi penuh; format tampilan saja yang dibulatkan. "
             "Sel teks yang diawali =, +, - atau @ disimpan sebagai teks, bukan rumus."),
    "rows": "{n} baris",
    "comments": "Dibuat oleh potensi",
    "file_title": "potensi: tabel",
    "fallback_sheet": "Tabel",
    "national_sheet": "{sheet} (Indonesia)",
    "yes": "ya",
    "no": "tidak",
}

#: How two kab/kota were found to be neighbours (codes of
#: :data:`potensi.data.boundaries.ADJACENCY_METHODS`).
ADJACENCY_METHODS = {
    "shared_border": "berbatasan darat",
    "point_contact": "bersentuhan di satu titik",
    "within_gap": "dipisah selat/teluk ≤ 5 km",
}

#: One vocabulary for the classic shift-share in code and report: Indonesian abbreviation,
#: Indonesian name, English name (glossary), output column.
SHIFT_SHARE_TERMS = {
    "PN": ("pertumbuhan nasional (acuan)", "national share (NS)", "national_share"),
    "PP": ("pergeseran proporsional (bauran industri)", "industry mix (IM)", "industry_mix"),
    "PPW": ("pergeseran pangsa wilayah (daya saing)", "competitive effect (CE)", "competitive_effect"),
    "PB": ("pergeseran bersih, PP + PPW", "net shift", "net_shift"),
}

#: What each sector-potential class means (potensi's own classification; see
#: :mod:`potensi.conclusions.sector_potential`), strongest first.
KELAS_DESCRIPTIONS = {
    "unggulan": "dapat diperdagangkan ke luar daerah, sektor basis, bernilai material dan daya saingnya naik",
    "andalan menurun": "dapat diperdagangkan, sektor basis dan material, tetapi kehilangan daya saing "
                       "(pesan: diversifikasi atau hilirisasi)",
    "potensial berkembang": "dapat diperdagangkan dan daya saingnya naik, tetapi belum basis atau masih kecil",
    "layanan lokal": "terutama melayani permintaan setempat (pemerintahan, utilitas, konstruksi, real estat, "
                     "pendidikan, kesehatan, jasa lainnya); sebagian kandidat layanan bersama antardaerah",
    "lainnya": "tidak memenuhi syarat kelas di atas",
}
KELAS_SHORT = {"unggulan": "U", "andalan menurun": "AM", "potensial berkembang": "PB", "layanan lokal": "LL",
               "lainnya": "–"}

#: Reason codes and texts of the indicator layer → Bahasa Indonesia (exact lookup).
REASONS = {
    "": "",
    "zero base (sector value 0, growth undefined)": "basis nol (nilai sektor 0, pertumbuhan tidak terdefinisi)",
    "no data for the region in this year": "tidak ada data wilayah pada tahun ini",
    "2012 (previous year)": "2012 (tahun sebelumnya)",
    "reference sector growth negative: RPs > 1 means slower growth; signs from differences":
        "pertumbuhan sektor di wilayah acuan negatif: RPs > 1 berarti tumbuh lebih lambat; tanda dari selisih "
        "laju pertumbuhan",
    "population series break 2017/2018: BPS-derived before, Dukcapil register from 2018; values are "
    "comparable only within a segment":
        "seri penduduk terputus 2017/2018 (sebelumnya turunan BPS, sejak 2018 registrasi Dukcapil); nilai hanya "
        "sebanding di dalam satu segmen",
    "between/within: islands": "antar- dan dalam kelompok: pulau",
    "OLS, HC1 robust SE": "OLS, galat baku robust HC1",
    "OLS, HC3 robust SE": "OLS, galat baku robust HC3",
    "converging=True": "konvergen: ya",
    "converging=False": "konvergen: tidak",
    # convergence notes (potensi.study.regional_tables; patterns: BETA_PATTERNS)
    "poorer regions grew faster": "daerah lebih miskin tumbuh lebih cepat",
    "richest regions shrank": "daerah terkaya menyusut",
    "richest shrank, poorest stagnated": "daerah terkaya menyusut, termiskin stagnan",
    "no convergence": "tidak konvergen",
    # DLQ notes (potensi.indicators.location_quotient)
    "DLQ > 1 from share only: sector growth not above the reference's":
        "DLQ > 1 hanya karena pangsa: pertumbuhan sektor tidak di atas wilayah acuan",
    "DLQ > 1 in a shrinking region: share up partly because the region's total shrank":
        "DLQ > 1 di daerah yang menyusut: pangsa naik sebagian karena total daerah menyusut",
    "region total shrank": "total daerah menyusut",
    # inequality notes (potensi.indicators.inequality, potensi.study.regional_tables)
    "no class: the Gini bands (Oshima via BPS) are for household distributions, not for a Gini across a few "
    "regions":
        "tanpa kelas: batas kelas Gini (Oshima, melalui BPS) untuk distribusi rumah tangga, bukan untuk Gini "
        "antar beberapa wilayah",
    # sector dimensions (potensi.conclusions.sector_dimensions), before ": zero denominator"
    "zero denominator": "penyebut nol",
    "competitive_effect_pct (start-year value)": "PPW (% nilai tahun awal)",
    "share_region_pct (regional total)": "pangsa PDRB daerah",
    "share_province_sector_pct (provincial sector)": "pangsa sektor provinsi",
    # growth and shift-share reasons (potensi.indicators.growth, potensi.indicators.shift_share)
    "no previous year in the data": "tidak ada tahun sebelumnya dalam data",
    "zero base (previous year 0, growth undefined)": "basis nol (tahun sebelumnya 0, pertumbuhan tidak terdefinisi)",
    "zero base (r_ij undefined: Esteban-Marquillas parts NaN)":
        "basis nol (laju sektor tidak terdefinisi, bagian Esteban-Marquillas kosong)",
    # boundary screening (potensi.data.build)
    "sum of 17 sectors differs from printed TOTAL by >0.5%":
        "jumlah 17 lapangan usaha berbeda lebih dari 0,5 % dari total tercetak",
}
#: Reason parts with a number or code in them: full-match pattern -> Indonesian template.
_PATTERNS = (
    (re.compile(r"n = (?P<n>\d+)"), "n = {n}"),
    (re.compile(r"regions (?P<codes>\d{4}(?:,\d{4})*)"), "wilayah {codes}"),
    (re.compile(r"sector (?P<code>[A-Z]+) \([^)]*\) removed from PDRB per capita"),
     "lapangan usaha {code} dikeluarkan dari PDRB per kapita"),
    (re.compile(r"sum of 17 sectors \((?P<a>[\d.]+)\) differs from printed total \((?P<b>[\d.]+)\) by "
                r"(?P<p>[\d.]+)%"),
     lambda m: (f"jumlah 17 lapangan usaha ({_dec(m['a'])}) berbeda {_dec(m['p'])} % dari total tercetak "
                f"({_dec(m['b'])})")),
    # already Indonesian (the quality screening of potensi.data writes these in Bahasa Indonesia)
    (re.compile(r"Σ kab/kota (?P<p>-?[\d.]+)% dari total provinsi"), lambda m: f"Σ kab/kota {_dec(m['p'])} % dari "
                                                                          "total provinsi"),
    (re.compile(r"angka ini salinan angka .*"), lambda m: m.group(0)),
)


def _dec(number: str) -> str:
    """``"121509.47"`` → ``"121.509,47"`` (a number inside an English reason, in Indonesian format)."""
    whole, _, frac = number.partition(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    grouped = ".".join(digits[max(i - 3, 0):i] for i in range(len(digits), 0, -3)[::-1]) if digits else "0"
    return sign + grouped + ("," + frac if frac else "")
_PREFIX = re.compile(r"^(?P<head>(?:\d{4}(?: \([^)]*\))?|lpe|contribution|kontribusi|pattern"
                     r"|competitive_effect_pct \(start-year value\)|share_region_pct \(regional total\)"
                     r"|share_province_sector_pct \(provincial sector\))): (?P<rest>.*)$")
_HEADS = {"lpe": "LPE", "contribution": "kontribusi", "pattern": "pola"}


def translate_reason(text: object) -> str:
    """A reason (or note) in Bahasa Indonesia, part by part; an unknown part is kept as it is
    and marked with its code so that a missing translation is visible, never silently wrong.

    >>> translate_reason("OLS, HC3 robust SE; converging=False")
    'OLS, galat baku robust HC3; konvergen: tidak'
    >>> translate_reason("2014: zero base (sector value 0, growth undefined)")
    '2014: basis nol (nilai sektor 0, pertumbuhan tidak terdefinisi)'
    """
    if text is None or (isinstance(text, float) and text != text):
        return ""
    # "; " between reasons, ";" between cooperation codes; a reason may itself hold "; ", so the
    # longest run of parts that is a known reason is taken first
    parts = re.split(r";\s*", str(text))
    out, i = [], 0
    while i < len(parts):
        j = next((j for j in range(len(parts), i + 1, -1) if "; ".join(parts[i:j]) in REASONS), i + 1)
        out.append(_translate_part("; ".join(parts[i:j])))
        i = j
    return "; ".join(out)


def _translate_part(part: str) -> str:
    if part in REASONS:
        return REASONS[part]
    for pattern, template in _PATTERNS:
        found = pattern.fullmatch(part)
        if found:
            return template(found) if callable(template) else template.format(**found.groupdict())
    m = _PREFIX.match(part)
    if m:
        head = m.group("head")
        head = _HEADS.get(head, REASONS.get(head, head))
        return f"{head}: {_translate_part(m.group('rest'))}"
    return f"[{part}]"


#: Short glossary printed at the end of the report (Indonesian term — English — meaning).
GLOSSARY = [
    ("LQ (location quotient)", "sektor basis", "pangsa sektor di daerah dibagi pangsanya di wilayah acuan"),
    ("DLQ", "LQ dinamis", "perubahan pangsa sektor di daerah relatif terhadap perubahan pangsanya di wilayah acuan"),
    *[(abbr, name, english) for abbr, (name, english, _col) in SHIFT_SHARE_TERMS.items()],
    ("MRP", "model rasio pertumbuhan", "RPr (pertumbuhan sektor di acuan) dan RPs (di daerah), dibaca dari tandanya"),
    ("Klassen", "tipologi Klassen", "pertumbuhan × peran dibandingkan dengan wilayah acuan"),
    ("IO", "tabel input–output", "angka pengganda, daya penyebaran dan derajat kepekaan"),
]

#: Citations the report may print (only what can be quoted).
CITATIONS = {
    "permendagri_9_2014": "Permendagri No. 9 Tahun 2014 tentang Pedoman Pengembangan Produk Unggulan Daerah",
    "pp_28_2018": "PP No. 28 Tahun 2018 tentang Kerja Sama Daerah",
    "permendagri_22_2020": "Permendagri No. 22 Tahun 2020 tentang Tata Cara Kerja Sama Daerah dengan Daerah Lain "
                           "dan Kerja Sama Daerah dengan Pihak Ketiga",
    "uu_23_2014": "UU No. 23 Tahun 2014 tentang Pemerintahan Daerah (lampiran pembagian urusan)",
    "miller_blair": "Miller, R. E. & Blair, P. D. (2009). Input–Output Analysis, edisi ke-2",
    "flegg": "Flegg, A. T. & Webber, C. D. (1997); Flegg & Tohmo (2013): koefisien FLQ",
    "hansen": "Hansen, W. G. (1959). How accessibility shapes land use",
    "oshima": "Ambang Williamson 0,35/0,5 menurut Oshima, sebagaimana dipakai BPS",
}

#: Headings of one table that differ from :data:`COLUMN_LABELS` (``{start_year}``, ``{end_year}``,
#: ``{year}``, ``{lq_year}``, ``{n_methods}`` are filled from the table; unfilled: the general heading).
REPORT_LABELS: dict[str, dict[str, str]] = {
    "pdrb_tahunan": {"growth_pct": "Pertumbuhan (% dari tahun sebelumnya)"},
    "pertumbuhan_rata": {"value_start": "PDRB {start_year} (miliar rupiah)",
                         "value_end": "PDRB {end_year} (miliar rupiah)"},
    "kontribusi_kabkota": {"value": "PDRB {year} (miliar rupiah)", "share_pct": "Peran dalam Σ kab/kota (%)"},
    "mrp": {"growth_pct": "Pertumbuhan sektor {start_year}–{end_year} (%)",
            "reference_growth_pct": "Pertumbuhan sektor di wilayah acuan {start_year}–{end_year} (%)"},
    "klassen_sector": {"growth_pct": "Pertumbuhan sektor (%/tahun)",
                       "reference_growth_pct": "Pertumbuhan sektor di wilayah acuan (%/tahun)",
                       "share_pct": "Peran sektor (%)", "reference_share_pct": "Peran sektor di wilayah acuan (%)"},
    "klassen_region": {"per_capita": "PDRB per kapita {per_capita_year} (juta rupiah)"},
    "sektor_unggulan": {"lq": "LQ (rata-rata {start_year}–{end_year})",
                        "competitive_effect": "PPW (miliar rupiah)",
                        "share_region_pct": "Peran dalam PDRB daerah (%, ADHK)"},
    "io_sektor": {"lq": "LQ terhadap Indonesia ({lq_year})", "export_share": "Orientasi ekspor (0–1)",
                  "import_share": "Ketergantungan impor (0–1)", "output_multiplier": "Angka pengganda output",
                  "value_added_multiplier": "Angka pengganda nilai tambah"},
    "io_kabkota": {"import_share": "Ketergantungan impor (0–1)", "output_multiplier": "Angka pengganda output (perkiraan)",
                   "value_added_multiplier": "Angka pengganda nilai tambah (perkiraan)",
                   "backward_linkage": "Daya penyebaran (perkiraan)", "forward_linkage": "Derajat kepekaan (perkiraan)"},
    "ketetanggaan": {"method": "Cara ditemukan", "distance_km": "Jarak antarpusat pemerintahan (km)"},
    "daerah_serupa": {"rank": "Urutan"},
    "inequality": {"value": "Nilai"},
    "convergence": {"value": "Nilai", "year": "Tahun (sigma)", "start_year": "Tahun awal (beta)",
                    "end_year": "Tahun akhir (beta)"},
    "theil_islands": {"total": "Theil T total", "between": "Antarpulau", "within": "Dalam pulau",
                      "between_share": "Porsi antarpulau (0–1)"},
    "angka_ditolak": {"value": "Angka (miliar rupiah)"},
}
#: Technical values shown in Indonesian (display only), by column (:mod:`potensi.report.formatting`).
VALUE_LABELS: dict[str, dict[str, str]] = {
    "index": {
        "williamson_weighted": "Williamson (tertimbang penduduk)",
        "williamson_unweighted": "Williamson (tak tertimbang)",
        "theil_t": "Theil T (tertimbang)",
        "theil_t_unweighted": "Theil T (tak tertimbang)",
        "theil_l": "Theil L",
        "gini": "Gini (tertimbang penduduk)",
        "gini_unweighted": "Gini (tak tertimbang)",
        "theil_t_between": "Theil T antarkelompok",
        "theil_t_within": "Theil T dalam kelompok",
    },
    "statistic": {
        "sigma": "sigma (sebaran log PDRB per kapita)",
        "cv": "koefisien variasi",
        "beta": "beta (koefisien regresi)",
        "alpha": "konstanta (alfa)",
        "speed": "kecepatan konvergensi (per tahun)",
        "half_life": "waktu paruh (tahun)",
        "p_value": "nilai p (beta)",
        "rich_growth_pct": "pertumbuhan per kapita seperempat terkaya (%/tahun)",
        "poor_growth_pct": "pertumbuhan per kapita seperempat termiskin (%/tahun)",
        "r_squared": "R²",
    },
    "population_source": {"bps": "BPS", "dukcapil": "Dukcapil", "bps_implied": "BPS (dari PDRB per kapita)"},
    "mass_kind": {"pdrb": "PDRB (miliar rupiah)", "population": "jumlah penduduk"},
    "method": {"cagr": "laju majemuk (CAGR)", **ADJACENCY_METHODS},
}
#: Symbolic fragments of rule columns and their Indonesian wording (display only). Notes and reasons
#: are not edited by substring: they go through :func:`potensi.core.wording.translate_reason`
#: (exact lookup, :data:`TRANSLATED_COLUMNS`).
TEXT_REPLACEMENTS: dict[str, tuple[tuple[str, str], ...]] = {
    "klassen_rule": (("g_ij<=g_i", "pertumbuhan ≤ acuan"), ("g_ij>g_i", "pertumbuhan > acuan"),
                     ("s_ij<=s_i", "peran ≤ acuan"), ("s_ij>s_i", "peran > acuan")),
    "klassen_lq_rule": (("g_ij<=g_i", "pertumbuhan ≤ acuan"), ("g_ij>g_i", "pertumbuhan > acuan"),
                        ("LQ<=1", "LQ ≤ 1"), ("LQ>1", "LQ > 1")),
    "slq_dlq_rule": (("<=", " ≤ "), (">", " > ")),
    "profile_rule": (("<=", " ≤ "), (">", " > ")),
}
#: Caption additions of a report table (what is the same on every row) and the summary line of a long
#: table shown collapsed (:mod:`potensi.report.formatting`).
TABLE_VIEW = {
    "year": "tahun {year}",
    "population": "penduduk: {source}",
    "reference_growth": "pertumbuhan acuan {value} %/tahun",
    "reference_per_capita": "PDRB per kapita acuan {value} juta rupiah",
    "mass": "massa: {kind}",
    "note": ". Catatan: {note}",
    "collapsed": "(tabel lengkap, {rows} baris; klik untuk membuka)",
}

#: Titles of the rendered reports (:mod:`potensi.report.render`).
REPORT_TITLES = {
    "province": "Potensi Ekonomi {name} {start}–{end}",
    "national": "Ringkasan Nasional: Provinsi terhadap Indonesia {start}–{end}",
}

#: Words of the batch run: the index page of a reports folder and the summary printed at the end
#: (:mod:`potensi.report.batch`).
INDEX = {
    "counts": "{reports} laporan provinsi, {profiles} profil kab/kota.",
    "map_alt": "Peta provinsi: {title} ({legend})",
    "map_missing": "Peta provinsi tidak tersedia: {error}",
    "summary_head": ("laporan", "status", "detik", "keterangan"),
    "failed": "GAGAL",
    "summary_total": "{ok} dari {n} laporan berhasil; {failed} gagal.",
}

#: Row labels of the provenance table (:mod:`potensi.study.provenance`).
PROVENANCE = {
    "columns": ("Butir", "Nilai"),
    "package": "Paket",
    "commit": "Commit git",
    "template": "Templat",
    "run_date": "Tanggal dijalankan",
    "parameter": "Parameter: {name}",
    "sha256": "SHA-256 {name}",
    "sha256_in": "SHA-256 {folder} {name}",
    "catalog": "katalog",
    "boundaries": "batas wilayah",
    "no_git": "tidak diketahui (bukan checkout git)",
    "dirty": " (ada perubahan belum di-commit)",
}

#: Indonesian lines of the command line (its errors and option help are English by design; these
#: are the program's description and the summaries the commands print).
CLI = {
    "description": "Identifikasi Potensi Ekonomi Daerah: sektor unggulan dan kerja sama daerah dari PDRB BPS.",
    "data_quality": "\nRingkasan kualitas data (PDRB 17 lapangan usaha, miliar rupiah):",
    "data_discrepancy": "\nΣ kab/kota vs provinsi (total PDRB): {n} provinsi-tahun, selisih {low:+.2f} % … "
                        "{high:+.2f} %",
    "data_excluded": "Angka ditolak: {n} angka (wilayah {provinces}; {first}–{last}): total kab/kota WebAPI yang "
                     "merupakan salinan angka Sumatera Selatan, dan baris tanpa lapangan usaha E (rincian dan "
                     "alasan di excluded.parquet)",
    "data_population": "\nPenduduk menurut konsep sumber:",
    "template_written": "{path}: lembar isian provinsi {province}, tahun {years}; isi lalu pakai dengan --add {path}",
    "batch_total": "waktu total {seconds:.1f} s; indeks: {index}",
}

#: Scopes of the inequality and convergence rows (category values of the ``scope`` column, shown as
#: written; :mod:`potensi.study.regional_tables`).
SCOPES = {
    "kabkota": "kabupaten/kota {code}",
    "kabkota_indonesia": "kabupaten/kota Indonesia",
    "provinces": "provinsi",
    "without_mining": "tanpa pertambangan",
}

#: Units the numbers are written with (:mod:`potensi.core.numbers`).
UNITS = {"miliar_rupiah": "{value} miliar rupiah"}

#: What a population series measures (the ``concept`` labels of :mod:`potensi.data.population`,
#: by short source name, and of :func:`potensi.data.loaders.population_concept`, by source id).
POPULATION_CONCEPTS = {
    "bps": "proyeksi BPS (diturunkan: PDRB ADHB / PDRB per kapita ADHB)",
    "dukcapil": "registrasi Dukcapil (administratif, bukan BPS)",
    "bps_2024": "penduduk BPS 2024 (dasar PDRB per kapita BPS; berbasis SP2020)",
    "bps_provinsi_sp2010": "proyeksi penduduk BPS dari SP2010 (provinsi)",
    "bps_provinsi_supas2025": "SUPAS 2025 (BPS, provinsi)",
    "per_capita_bps_2024": "PDRB per kapita BPS (penduduk BPS 2024)",
}
POPULATION_CONCEPTS_BY_SOURCE = {
    "QUARCS_ZENODO_POP_DERIVED": "proyeksi BPS (diturunkan dari PDRB/PDRB per kapita)",
    "DUKCAPIL": "registrasi Dukcapil (administratif, bukan BPS)",
    "SP2020": "Sensus Penduduk 2020 (BPS)",
}

#: Notes and reasons that ``potensi data`` writes into ``data/processed`` (:mod:`potensi.data.build`).
BUILD_NOTES = {
    "incomplete": "lapangan usaha {sectors} tidak ada di sumber dan tidak dapat diturunkan; baris wilayah-tahun ini "
                  "tidak lengkap",
    "sum_off": "Σ kab/kota {ratio:+.1%} dari total provinsi",
    "copy": "; angka ini salinan angka {code} {name} ({province}), posisi demi posisi, bukan angka wilayah ini",
    "members_missing": "{n} kab/kota tanpa angka: selisih tidak dihitung",
    "units": "miliar rupiah (pdrb, pdrb_total, press_totals); ribu rupiah per jiwa (per_capita, per_capita_kabkota)",
}

#: Words of the intake workbook (``potensi template``, :mod:`potensi.data.intake`): the instructions
#: sheet (its headings in bold) and the input and error messages of the cells. The sheet names and
#: column headings are the file's format, read back by :mod:`potensi.data.intake_read`: not here.
INTAKE = {
    "instructions": [
        "Lembar isian PDRB menurut lapangan usaha (potensi)",
        "",
        "Apa yang diisi",
        "Lembar PDRB: angka PDRB menurut 17 lapangan usaha dan total PDRB, untuk provinsi dan setiap kabupaten/kota, "
        "atas dasar harga konstan 2010 (ADHK2010) dan harga berlaku (ADHB), satu kolom per tahun.",
        "Satuan: miliar rupiah (bukan juta). Contoh: 1.234,56 miliar rupiah ditulis 1234,56 atau 1234.56.",
        "Isi satu wilayah-tahun secara utuh (17 lapangan usaha); wilayah-tahun yang dibiarkan kosong tidak dipakai. "
        "Sel kosong bukan angka nol.",
        "Lembar Penduduk: jumlah penduduk (jiwa) per wilayah dan tahun, bila tersedia.",
        "Lembar Sumber: siapa yang mengisi, publikasi BPS yang dipakai, tanggal pengisian.",
        "Lembar Kerja sama berjalan: perjanjian kerja sama antardaerah yang sudah ada (pihak, objek, tahun, status).",
        "",
        "Tanda BPS (ditulis di sel angka)",
        "-   nihil (nol)",
        "…   data tidak tersedia (boleh ditulis ...)",
        "x   dirahasiakan",
        "*   angka sementara, ditulis di belakang angka (1234,5*); ** angka sangat sementara",
        "",
        "Kolom kode (abu-abu) dikunci; jangan menambah atau menghapus baris. Lindungan lembar tanpa kata sandi.",
    ],
    "headings": ("Apa yang diisi", "Tanda BPS (ditulis di sel angka)"),
    "total": "PDRB (total)",
    "value_input": ("Angka (miliar rupiah)", "Angka ≥ 0, atau tanda BPS: - … x; * = sementara"),
    "value_error": ("Bukan angka", "Tulis angka, atau tanda BPS -, …, x (angka sementara: 12,5*)"),
    "population_input": ("Penduduk (jiwa)", "Jumlah penduduk, bilangan bulat"),
}

#: Words of the kab/kota profile pages.
PROFILE = {
    "title": "Profil potensi ekonomi {name}",
    "subtitle": "{province} · {start}–{end} · PDRB ADHK 2010",
    "summary": "Ringkasan",
    "pdrb": "PDRB dan pertumbuhan",
    "classes": "Potensi lapangan usaha",
    "cooperation": "Usulan kerja sama daerah",
    "neighbours": "Tetangga (berbatasan)",
    "peers": "Daerah serupa di Indonesia (untuk pertukaran pengetahuan)",
    "gaps": "Kekosongan dan catatan data",
    "back": "← kembali ke laporan provinsi",
    "none_top": "Tidak ada lapangan usaha di kelas unggulan atau andalan menurun menurut aturan potensi.",
    "none_coop": "Tidak ada usulan kerja sama yang melibatkan daerah ini di antara 10 usulan provinsi.",
    "coop_numbers": "Nomor = peringkat usulan di antara usulan provinsi (lihat laporan provinsi, bagian Kerja sama daerah).",
    "unstable": "label tidak stabil: sama pada {agree} dari {total} skenario",
    "cross_border": "lintas provinsi",
    "no_profiles": "Tidak ada halaman profil kab/kota: provinsi ini tidak punya angka PDRB kab/kota menurut "
                   "lapangan usaha dalam jendela analisis.",
    "link_caption": "Profil {n} kab/kota (halaman tersendiri: letak, angka, potensi lapangan usaha, usulan "
                    "kerja sama, kekosongan data); klik nama daerah",
    "written": "Halaman profil {n} kab/kota ada di folder `{folder}/` di samping laporan ini.",
    "empty": "tidak ada",
    "locator_label": "Peta letak {name} di {province}",
    "class_columns": {"sector_label": "Lapangan usaha", "kelas": "Kelas", "lq": "LQ (rata-rata periode)",
                      "share_region_pct": "Pangsa PDRB daerah (%, ADHK)", "competitive_effect": "PPW (miliar Rp)",
                      "dlq": "DLQ", "robustness": "Skenario sama", "evidence": "Bukti"},
    "year": "Tahun",
    "pdrb_value": "PDRB {name} (miliar Rp)",
    "pdrb_growth": "Pertumbuhan {name} (%)",
    "no_gaps": "Tidak ada kekosongan data untuk daerah ini dalam jendela analisis.",
    "class_note": "Kelas potensi adalah aturan potensi sendiri (ambang di laporan provinsi): {classes}.",
    "neighbour_columns": {"kode": "Kode", "nama": "Kab/kota", "provinsi": "Provinsi", "metode": "Cara ditemukan"},
    "peer_columns": {"rank": "Urutan", "peer_name": "Daerah serupa", "peer_province": "Provinsi",
                     "similarity": "Kemiripan struktur (0–1)",
                     "shared_sector_labels": "Lapangan usaha kelas atas bersama"},
    "footer": "potensi {version} · dibuat {run_date} · sumber: BPS, PDRB kab/kota menurut lapangan usaha ADHK "
              "2010 dihimpun Bappenas (SIMREG); lapangan usaha E 2021–2022 turunan potensi; rincian di laporan "
              "provinsi.",
    "fact_pdrb": "PDRB {year}: {value} miliar rupiah (ADHK 2010).",
    "fact_growth": "Rata-rata pertumbuhan {start}–{end}: {growth} per tahun",
    "fact_growth_province": " (provinsi {growth})",
    "fact_share": "Peran dalam Σ PDRB kab/kota {province} {year}: {share} (jumlah kab/kota, bukan angka PDRB "
                  "provinsi yang diterbitkan).",
    "fact_klassen": "Tipologi Klassen wilayah: {klassen}.",
    "card_labels": {"label_who": "Siapa:", "label_what": "Apa:", "label_why": "Mengapa:",
                    "label_how": "Instrumen dan pelaksana:"},
    "knife_edge": " (di tepi ambang)",
    #: Headings of the province report's kab/kota table (``link_table``): (text, CSS class).
    "link_columns": (("Kode", ""), ("Kab/kota (profil)", ""), ("PDRB {end} (miliar rupiah)", "num"),
                     ("Rata-rata pertumbuhan {start}–{end} (%/tahun)", "num"), ("Tipologi Klassen wilayah", ""),
                     ("Kelas atas (unggulan, andalan menurun)", "")),
}

#: Map titles and legends.
MAPS = {
    "growth": ("Rata-rata pertumbuhan PDRB kab/kota {start}–{end}", "% per tahun (ADHK 2010)"),
    "per_capita": ("PDRB per kapita kab/kota {year}", "juta rupiah per jiwa (ADHK 2010)"),
    "klassen": ("Tipologi Klassen wilayah {start}–{end}", "kelas (acuan: provinsi)"),
    "cooperation": ("Usulan kerja sama daerah, {province}", ""),
    "locator": ("Letak {name} di {province}", ""),
    "locator_legend": ("wilayah ini", "tetangga (berbatasan)"),
    "national": ("Pertumbuhan PDRB provinsi {start}–{end}", "% per tahun (ADHK)"),
    "no_data": "tidak ada data",
    "cooperation_legend": ("usulan kerja sama (nomor = peringkat)", "pusat pemerintahan"),
}

#: Cooperation words (kinds, legal basis).
COOPERATION = {
    "wajib": "wajib (berbatasan, eksternalitas lintas daerah atau lebih efisien bersama; PP 28/2018)",
    "sukarela": "sukarela (antar-daerah mana pun; PP 28/2018)",
    "instrument": "Kesepakatan Bersama → Perjanjian Kerja Sama",
    "facilitator_province": "difasilitasi Gubernur {province} (kerja sama antar-kab/kota dalam satu provinsi; "
                            "untuk urusan kewenangan provinsi, Pemerintah Provinsi menjadi pihak)",
    "facilitator_national": "difasilitasi Menteri Dalam Negeri (kerja sama kab/kota lintas provinsi)",
}

#: Data-quality sentences.
QUALITY = {
    "derived_e": ("Lapangan usaha E (pengadaan air, pengelolaan sampah, limbah dan daur ulang) kab/kota "
                  "{years} adalah angka turunan potensi (E = PDRB − Σ 16 lapangan usaha lain), bukan angka "
                  "terbitan BPS: {n} sel dipakai."),
    "vintage_break": ("Seri kab/kota {first}–{break_end} dan {break_start}–{last} berasal dari dua unduhan SIMREG "
                      "(vintase BPS berbeda); perubahan di antara {break_end} dan {break_start} memuat juga revisi, "
                      "dan indikator yang melintasi {break_end}/{break_start} (DLQ, shift-share, PPW) ikut memuatnya."),
    "provisional": ("Angka {who} tahun {years} masih angka sementara BPS dan dapat direvisi; kesimpulan yang "
                    "bertumpu pada tahun itu dibaca dengan hati-hati."),
    "provisional_both": "provinsi dan {n} kab/kota",
    "provisional_province": "provinsi",
    "provisional_kabkota": "{n} kab/kota",
    "missing_cell": "{region} lapangan usaha {sector}: angka kosong",
    "copies": ("Total PDRB kab/kota 2021–2023 WebAPI BPS untuk provinsi 62, 63, 64, 71 dan 72 adalah salinan angka "
               "Sumatera Selatan (16xx) posisi demi posisi; angka itu tidak dipakai."),
}

#: Scenario names of the robustness check (:mod:`potensi.study.conclusions`).
SCENARIO_NAMES = {
    "default": "jendela utama",
    "end_minus_1": "jendela berakhir satu tahun lebih awal",
    "without_mining": "tanpa pertambangan",
    "adhb": "ADHB",
}

#: Sentences of the conclusions' text (:mod:`potensi.report.findings`). Placeholders are filled
#: with escaped, formatted values.
FINDINGS = {
    "growth": "- **Pertumbuhan.** PDRB {name} (ADHK 2010) tumbuh rata-rata {g} per tahun pada {start}–{end}, "
              "dari {v0} menjadi {v1}.",
    "rule": ("Kelas potensi adalah **aturan potensi sendiri**, bukan kriteria {permendagri}: pedoman itu "
             "tidak memberi indikator maupun ambang angka. Yang dinilai hanya yang dapat diukur dari PDRB "
             "(sumbangan terhadap perekonomian, sektor basis, daya saing; keterkaitan bila ada tabel IO); "
             "penyerapan tenaga kerja tidak dinilai (tidak ada data tenaga kerja kab/kota menurut lapangan "
             "usaha). Kelasnya: "
             "*unggulan* = dapat diperdagangkan ke luar daerah, sektor basis (LQ rata-rata periode > {lq}), "
             "material (≥ {share} % PDRB daerah, atau ≥ {prov} % dari sektor yang sama di provinsi dan ≥ {floor} % "
             "PDRB daerah) dan berdaya saing (pergeseran pangsa wilayah PPW > 0); *andalan menurun* = sama tetapi "
             "PPW ≤ 0; *potensial berkembang* = dapat diperdagangkan, PPW > 0 dan ≥ {floor} % PDRB daerah tetapi "
             "belum basis atau belum material (pertambangan tidak pernah masuk kelas ini); *layanan lokal* = "
             "pemerintahan, utilitas, konstruksi, real estat, pendidikan, kesehatan, jasa lainnya (melayani "
             "permintaan setempat; ledakan konstruksi seperti IKN adalah investasi, bukan ekspor). Nilai dalam "
             "±{edge} % dari ambangnya ditandai *di tepi ambang*; untuk PPW (ambang 0) artinya |PPW| ≤ {edge} % "
             "dari nilai sektor pada tahun awal. LQ adalah rata-rata LQ tahunan selama periode; pangsa PDRB "
             "dihitung atas PDRB ADHK tahun akhir."),
    "classes_intro": "- **Potensi lapangan usaha per kab/kota** (kelas atas: unggulan dan andalan menurun; paling "
                     "banyak tiga per kab/kota, bukti di sampingnya):",
    "no_top": "tidak ada lapangan usaha di kelas atas menurut aturan potensi.",
    "big_others": " Sektor besar lain (≥ {share} % PDRB ADHK {year}, bukan kelas atas): {items}.",
    "big_other_item": "{sector} ({kelas}; {share} %)",
    "no_top_short": "tidak ada kelas atas",
    "unstable": "*(label tidak stabil: sama pada {agree} dari {total} skenario)*",
    "knife_edge": "*(di tepi ambang)*",
    "declining": "- **Andalan yang menurun.** {items}: sektor yang menopang daerahnya tetapi kehilangan daya "
                 "saing; pesannya diversifikasi atau hilirisasi, bukan sekadar mempertahankan.",
    "no_classes": "Kelas potensi lapangan usaha tidak dihitung: tidak ada PDRB kab/kota menurut lapangan usaha "
                  "dalam jendela ini.",
    "coop_intro": "- **Usulan kerja sama daerah teratas:**",
    "proposal": "    {rank}. {a} – {b}: {what}. Kerja sama {jenis}; urusan {urusan}.{party}",
    "party_province": " Pemerintah Provinsi {province} menjadi pihak.",
    "party_cross": " Lintas provinsi: kedua pemerintah provinsi dilibatkan, difasilitasi Menteri Dalam Negeri.",
    "gaps": "- **Keterbatasan data:** {n} catatan (lihat *Catatan cakupan data* di awal laporan dan bagian "
            "*Kualitas data dan sumber*).",
    "classes_meaning": "Potensi setiap lapangan usaha di setiap kab/kota ditunjukkan sebagai dimensi yang "
                       "berdampingan (posisi: LQ; daya saing: PPW dan DLQ; ukuran: pangsa PDRB; dapat tidaknya "
                       "diperdagangkan; keterkaitan bila ada tabel IO) dan diringkas menjadi satu kelas:",
    "robustness": "Ketahanan label: kelas dihitung ulang pada skenario {names}; {n} dari {total} sel tidak "
                  "sama di semua skenario, {top} di antaranya di kelas atas (ditandai *label tidak stabil*). "
                  "Skenario ADHB tidak dihitung: PDRB kab/kota atas dasar harga berlaku menurut lapangan usaha "
                  "tidak ada dalam data.",
    "knife_edges": "Kelas atas di tepi ambang (selisih ≤ 5 % dari ambang; baca dengan hati-hati): {items}.",
    "no_mining_panel": "Panel tanpa pertambangan tidak dihitung (tidak ada data kab/kota menurut lapangan usaha "
                       "atau pertambangan sudah dikeluarkan).",
    "mining_intro": "Pertambangan (B) memegang ≥ 10 % PDRB (ADHK) di {n} dari {total} kab/kota{names}. Dengan B "
                    "dikeluarkan sebelum semua indikator dihitung (PDRB dijumlah ulang tanpa B), kelas atas "
                    "berubah sebagai berikut:",
    "mining_growth": "PDRB {name} tanpa pertambangan (Σ 16 lapangan usaha, ADHK 2010) tumbuh rata-rata {g_no} per "
                     "tahun pada {start}–{end} (dari {v0} menjadi {v1}), dibanding {g_all} dengan pertambangan.\n",
    "mining_names": " ({items})",
    "mining_gained": "naik ke kelas atas: {sectors}",
    "mining_lost": "turun dari kelas atas: {sectors}",
    "mining_same": "- Kelas atas sektor lain tidak berubah.",
    "mining_williamson": "- Indeks Williamson tanpa pertambangan: {text}",
    "inequality_kabkota": "- **Ketimpangan antar-kab/kota.** {text}",
    "growth_benchmark": " Pada periode yang sama {what} tumbuh {g} per tahun.",
    "benchmark_official": "PDB Indonesia (angka resmi BPS)",
    "benchmark_sum": "Indonesia (Σ 17 lapangan usaha)",
    "not_migas": "Catatan: 17 lapangan usaha tidak memisahkan migas dari batu bara, maupun industri migas dari "
                 "industri lainnya; panel ini *tanpa pertambangan*, bukan *tanpa migas*.",
    "no_io": "Tabel input–output {name} tidak ada dalam data potensi (tabel IO BPS 17 lapangan usaha 2016 yang "
             "sudah dimuat: Kepulauan Riau, Sulawesi Selatan, Papua Barat); angka pengganda dan keterkaitan "
             "antarsektor tidak dihitung.",
    "io_intro": "Tabel input–output transaksi domestik {name} {year} (BPS, 17 lapangan usaha, harga produsen); "
                "angka pengganda, daya penyebaran dan derajat kepekaan menurut {ref}.",
    "io_key": "- **Sektor kunci** (daya penyebaran dan derajat kepekaan > 1): {items}.",
    "io_multiplier": "- Angka pengganda output terbesar: {sector} ({m}).",
    "io_lq": "- Korelasi peringkat (Spearman) LQ provinsi terhadap Indonesia {lq_year} dan orientasi ekspor tabel "
             "IO {io_year} (ekspor luar negeri + antarprovinsi ÷ output), {n} lapangan usaha: {rho} (p = {p}).",
    "io_lq_none": "Tidak nyata pada taraf 5 %: dari data ini tidak dapat disimpulkan bahwa LQ yang tinggi menandai "
                  "lapangan usaha yang menjual ke luar daerah, maupun sebaliknya.",
    "io_lq_same": "Nyata pada taraf 5 %: lapangan usaha ber-LQ tinggi cenderung lebih berorientasi ekspor.",
    "io_lq_opposite": "Nyata pada taraf 5 % dan berlawanan arah: lapangan usaha ber-LQ tinggi justru kurang "
                      "berorientasi ekspor; LQ tidak menunjukkan apa yang dijual ke luar daerah.",
    "io_flq": "- Untuk kab/kota, koefisien diperkirakan dari tabel provinsi dengan FLQ ({ref}); angka itu "
              "**perkiraan**, bukan angka BPS.",
    "none": "tidak ada",
    "no_coop": "Tidak ada usulan kerja sama: tidak ada kandidat yang lolos saringan.",
    "coop_method": ("Kandidat disusun menurut jenisnya: layanan bersama antar-tetangga, rantai nilai, sumber daya "
                    "bersama, dan pertukaran pengetahuan dengan daerah serupa. Tetangga dari batas wilayah "
                    "(termasuk lintas provinsi); jarak antarpusat pemerintahan; interaksi gravitasi dengan massa "
                    "penduduk ({pop}) dan eksponen jarak {exponent}. Dasar: {pp}; {uu}. Disaring: urusan di luar "
                    "kewenangan kab/kota (pertambangan), yang tidak diperdagangkan (administrasi pemerintahan), "
                    "produksi BUMN migas, kota administrasi DKI satu sama lain, dan kandidat tanpa bukti. "
                    "Rantai nilai hanya ke pasar yang berarti: lapangan usaha hilir ≥ {market} % PDRB daerahnya (aturan "
                    "potensi sendiri). Dari {n} kandidat, {rejected} ditolak (daftar lengkap di bawah)."),
    "coop_existing": "{n} kerja sama berjalan diberikan dalam berkas isian; {m} kandidat yang sama tidak diusulkan "
                     "lagi.",
    "declining_item": "{sector} di {region} ({share} PDRB ADHK)",
    "sector_in_region": "{sector} di {region}",
    "profile_link": "profil",
    "classes_columns": ("Lapangan usaha", "Kelas", "LQ rata-rata", "Pangsa PDRB (%, ADHK)", "PPW (miliar Rp)",
                        "Skenario sama", "Bukti"),
    "card": {"who": "Siapa:", "cross": " (lintas provinsi)", "adjacent": "berbatasan",
             "not_adjacent": "tidak berbatasan", "distance": ", {d} km antarpusat pemerintahan",
             "kind": "Jenis dan urusan:", "why": "Mengapa:", "instrument": "Instrumen dan pelaksana:"},
    # report panels (potensi.report.panels)
    "heatmap_title": "Kelas potensi lapangan usaha per kab/kota, {start}–{end}",
    "io_chart_title": "Keterkaitan antarsektor {name} (tabel input–output BPS {year})",
    "official_pdb": "PDB Indonesia yang diterbitkan BPS (termasuk pajak dikurangi subsidi atas produk) tumbuh "
                    "rata-rata {g} per tahun pada {start}–{end}.",
    "sum_vs_official": "Dalam grafik dan tabel, *Indonesia (Σ 17 lapangan usaha)* adalah jumlah 17 lapangan usaha, "
                       "tanpa pajak atas produk, dasar semua indikator; lajunya berbeda dari angka resmi "
                       "(mis. {year}: {s} dibanding {o}).",
    "sum_years": "Jumlah 17 lapangan usaha Indonesia ada dalam data untuk {start}–{end}.",
    "sum_label": "Indonesia (Σ 17 lapangan usaha)",
    "official_label": "Indonesia (PDB resmi BPS)",
    "section_skipped": "*Bagian ini tidak dihitung: {why} (lihat catatan cakupan data di awal laporan).*",
    "skip_kabkota": "tidak ada PDRB kab/kota menurut lapangan usaha dalam jendela analisis",
    "skip_national": "PDB Indonesia menurut 17 lapangan usaha tidak mencakup jendela analisis",
    "new_province": "{name} dibentuk pada pemekaran Papua 2022; dalam data potensi angka BPS untuk provinsi ini "
                    "baru ada untuk {start}–{end} (PDRB provinsi, {status}). Karena itu laporan ini hanya memuat "
                    "PDRB dan strukturnya; analisis kab/kota, sektor potensi, kerja sama dan perbandingan dengan "
                    "Indonesia belum dapat dihitung.",
    "neighbours_caption": "Pasangan bertetangga (berbatasan), termasuk dengan kab/kota provinsi lain",
    "rejected_summary": "Kandidat kerja sama yang ditolak dan alasannya ({n} kandidat; klik untuk membuka)",
    "peers_summary": "Daerah serupa di Indonesia (lima teratas per kab/kota, untuk pertukaran pengetahuan)",
    "flq_summary": "Perkiraan angka pengganda dan keterkaitan kab/kota (FLQ dari tabel provinsi; **perkiraan**, "
                   "bukan angka BPS; {n} baris; klik untuk membuka)",
    "accessibility_note": "Indeks aksesibilitas Hansen: Σ penduduk kab/kota lain ÷ jarak^{exponent} antarpusat "
                          "pemerintahan ({ref}); makin besar, makin dekat daerah itu dengan penduduk di sekitarnya.",
}


# =========================================================================== conclusions: sector potential
#: Parts of the ``evidence`` sentence of :func:`potensi.conclusions.sector_potential.classify_sectors`
#: (joined with ``"; "``); numbers are filled in by :func:`potensi.core.numbers.angka`, so that the
#: CSV reads as the report (``1.234,5``, ``-9.158,3``).
SECTOR_EVIDENCE: dict[str, str] = {
    "lq": "LQ {lq}",
    "share_region": "{share_region_pct} % PDRB ADHK",
    "share_region_adhb": "{share_region_pct} % PDRB ADHK ({share_adhb_pct} % ADHB)",
    "share_province": "{share_province_sector_pct} % sektor ini di provinsi",
    "ppw": "PPW {competitive_effect} miliar rupiah ({direction})",
    "ppw_positive": "berdaya saing",
    "ppw_negative": "daya saing menurun",
    "ppw_zero": "tidak berubah",
    "key_sector": "sektor kunci di tabel input-output provinsi (bukan ukuran kab/kota)",
    "local": "layanan lokal",
    "knife_edge": "di tepi ambang {names}",
    "edge_basis_lq": "LQ",
    "edge_region_share_pct": "pangsa PDRB",
    "edge_province_share_pct": "pangsa sektor provinsi",
    "edge_min_region_share_pct": "pangsa PDRB minimum",
    "edge_competitive_effect_pct": "PPW",
}

# =========================================================================== conclusions: cooperation
# Wording of :mod:`potensi.conclusions.cooperation`; its rules and thresholds (DKI, state output,
# weights) are in :mod:`potensi.conclusions.cooperation.rules`.

#: Type of cooperation (``bentuk``), by identifier; the order is the tie-break order of proposals.
BENTUK = {
    "service": "layanan bersama",
    "value_chain": "rantai nilai",
    "resource": "sumber daya bersama",
    "knowledge": "pertukaran pengetahuan",
}
#: ``jenis`` per PP 28/2018.
JENIS = {"wajib": "wajib", "sukarela": "sukarela"}
#: Suggested instrument (Permendagri 22/2020: KB first, then PKS).
INSTRUMEN = COOPERATION["instrument"]
#: Shared services between neighbours (identifiers of
#: :data:`potensi.conclusions.cooperation.rules.SERVICE_SECTORS`): urusan (UU 23/2014 annex), lead
#: OPD, the object, and the evidence clause.
SERVICES = {
    "air_minum": {
        "urusan": "pekerjaan umum (air minum; SPAM lintas kab/kota adalah kewenangan provinsi menurut "
                  "pembagian urusan UU 23/2014)", "opd": "Dinas PUPR",
        "objek": "sistem penyediaan air minum (SPAM) regional",
        "detail": "LQ air & limbah {hub} {lq_hub} dan {partner} {lq_partner}",
    },
    "persampahan": {
        "urusan": "lingkungan hidup (persampahan; sampah regional lintas kab/kota adalah kewenangan provinsi "
                  "menurut pembagian urusan UU 23/2014)", "opd": "Dinas Lingkungan Hidup",
        "objek": "tempat pemrosesan akhir (TPA) sampah regional",
        "detail": "{kota} berstatus kota, gabungan penduduk {pop_sum} jiwa",
        "no_kota": "tidak ada yang",
    },
    "transportasi": {
        "urusan": "perhubungan (angkutan lintas kab/kota dalam provinsi adalah kewenangan provinsi menurut "
                  "pembagian urusan UU 23/2014)", "opd": "Dinas Perhubungan",
        "objek": "angkutan umum dan simpul transportasi antarwilayah",
        "detail": "jarak {d} km dalam jangkauan komuter {commute} km",
    },
    "rujukan_kesehatan": {
        "urusan": "kesehatan", "opd": "Dinas Kesehatan",
        "objek": "layanan rujukan kesehatan lintas batas",
        "detail": "LQ kesehatan {hub} {lq_hub} dan {partner} {lq_partner}",
    },
    "kebencanaan": {
        "urusan": "penanggulangan bencana (bencana lintas kab/kota: provinsi; pengelolaan DAS: pusat/provinsi)",
        "opd": "BPBD",
        "objek": "penanggulangan bencana dan pengelolaan daerah aliran sungai (DAS) lintas batas",
        "detail": "batas wilayah bersama {border} km",
    },
}
#: Services whose joint provision across kab/kota is a provincial urusan under the UU 23/2014
#: annex (their ``urusan`` says so): the province is a party to the cooperation.
PROVINCIAL_SERVICES = ("air_minum", "persampahan", "transportasi", "kebencanaan")
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
#: Shared-resource sectors: sector -> urusan, OPD, object.
RESOURCE_SECTORS = {
    "A": {
        "urusan": "pertanian serta kelautan dan perikanan",
        "opd": "Dinas Pertanian; Dinas Kelautan dan Perikanan",
        "objek": "pengelolaan bersama sumber daya pertanian dan perikanan (DAS atau teluk bersama)",
    },
}
#: Knowledge exchange: object, fallback urusan/OPD when the shared sector has none, the sector
#: word when no sector is shared, and the word for "no shared sector".
KNOWLEDGE = {
    "objek": "pertukaran pengetahuan pengelolaan {sector} dengan daerah berstruktur serupa",
    "urusan": "perencanaan pembangunan", "opd": "Bappeda",
    "no_sector": "perekonomian",
    "none_shared": "tidak ada",
}
#: Evidence sentences of the candidates (one Indonesian sentence each).
COOPERATION_EVIDENCE = {
    "service": "{a} dan {b} berbatasan, jarak antarpusat pemerintahan {d} km, penduduk {pa} dan {pb} "
               "jiwa; {detail}.",
    "value_chain": "{sector_up} di {a} berkelas {kelas} (LQ {lq}, {share} % PDRB); {b} {market}; "
                   "jarak {d} km{io}.",
    "value_chain_market_basis": "basis {sector_down} (LQ {lq_down})",
    "value_chain_market_basis_other": "basis {sector_down} (LQ {lq_down} terhadap provinsinya sendiri)",
    "value_chain_market_kota": "kota dengan penduduk {pop} jiwa",
    "value_chain_market_larger": "pasar lebih besar dengan penduduk {pop} jiwa",
    "value_chain_io": ", koefisien input {up}→{down} a = {a}",
    "resource": "{a} dan {b} berbatasan ({border} km batas bersama, jarak {d} km) dan keduanya berkelas "
                "{kelas_a}/{kelas_b} di {sector} (LQ {lq_a} dan {lq_b}).",
    "knowledge": "Struktur ekonomi {a} dan {b} serupa (kemiripan {sim}, peringkat {rank}); sektor unggulan "
                 "bersama: {shared}.",
}
#: Rejection reasons of :func:`potensi.conclusions.cooperation.filter_candidates`: reason code ->
#: Indonesian ``alasan``.
REJECTION_REASONS = {
    "mining_not_kabkota": "pertambangan bukan urusan kabupaten/kota: perizinan ada di Pemerintah Pusat "
                          "dan provinsi (UU 3/2020, lampiran UU 23/2014)",
    "government_not_traded": "administrasi pemerintahan bukan barang atau jasa yang diperdagangkan",
    "state_oil_gas": "industri pengolahan di daerah ini didominasi industri migas/petrokimia BUMN (kilang, LNG, "
                     "pupuk); LQ industrinya bukan bukti kapasitas daerah untuk mengolah atau memperdagangkan, dan "
                     "produksi BUMN bukan milik pemerintah daerah untuk diperdagangkan",
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

#: The cooperation reason codes translate as their ``alasan`` (the agreement itself is quoted only
#: in the ``alasan`` column of the rejected candidates).
REASONS.update({code: text for code, text in REJECTION_REASONS.items() if "{" not in text})
REASONS["already_agreed"] = "sudah ada kerja sama untuk objek yang sama"
#: The ``alasan`` texts are Indonesian already: they translate as themselves.
REASONS.update({text: text for text in REJECTION_REASONS.values() if "{" not in text})

#: Publication (and compiler) of each source id, for readers: what a Bappeda can cite. Where a
#: figure comes through a compiler (Bappenas, a public repository), both are named.
SOURCE_NAMES = {
    "BAPPENAS_PIVOT_ADHK_2013_2020": "BPS, PDRB kab/kota menurut lapangan usaha ADHK 2010, 2013–2020, "
                                     "dihimpun Bappenas (ekspor pivot data regional)",
    "BAPPENAS_SIMREG_PIVOT_ADHK_2010_2012": "BPS, PDRB kab/kota menurut lapangan usaha ADHK 2010, 2010–2012 (batas "
                                            "wilayah saat itu), dihimpun Bappenas SIMREG",
    "BAPPENAS_SIMREG_PIVOT_ADHK_2021_2022": "BPS, PDRB kab/kota menurut lapangan usaha ADHK 2010, 2021–2022 "
                                            "(16 lapangan usaha), dihimpun Bappenas SIMREG (unduhan 2024)",
    "DERIVED_E_RESIDUAL_TOTAL_MINUS_16_SIMREG_2021_2022": "turunan potensi: lapangan usaha E = PDRB − Σ 16 lapangan "
                                                          "usaha lain (SIMREG 2021–2022), bukan angka BPS",
    "BPS_DYNTABLE_PDRB_TW_PROV_ADHK_V2026": "BPS, tabel dinamis [Seri 2010] PDRB Triwulanan ADHK menurut Lapangan "
                                            "Usaha di Provinsi (kolom tahunan)",
    "BPS_DYNTABLE_PDRB_TW_PROV_ADHB_V2026": "BPS, tabel dinamis [Seri 2010] PDRB Triwulanan ADHB menurut Lapangan "
                                            "Usaha di Provinsi (kolom tahunan)",
    "BPSKALTIM_FORECAST64_TPL": "BPS Provinsi Kalimantan Timur, lembar kerja PDRB provinsi (bukan publikasi; total "
                                "tahunan sama dengan WebAPI BPS)",
    "DUKCAPIL_VIA_PDRBMAP": "Dukcapil Kemendagri, data kependudukan (registrasi administratif, bukan BPS)",
    "QUARCS_ZENODO_POP_DERIVED": "proyeksi penduduk BPS, diturunkan dari PDRB ÷ PDRB per kapita (QUARCS, Zenodo)",
    "BPS_PENDUDUK_2024_VIA_NABHANATHAA_UASVISDAT": "BPS, jumlah penduduk kab/kota 2024 (berbasis SP2020)",
    "BPS_PROYEKSI_SP2010_VAR1886_VIA_ASEANDSE2026": "BPS, proyeksi penduduk provinsi berbasis SP2010",
    "BPS_SUPAS2025_VIA_ASEANDSE2026": "BPS, penduduk provinsi 2025 (SUPAS 2025)",
    "KILASBORNEO_SP2020": "BPS, Sensus Penduduk 2020 (dikutip media)",
    "HEADLINEKALTIM_SP2020": "BPS, Sensus Penduduk 2020 (dikutip media)",
    "BPS_IO_2016_17LU_VIA_BAPPENAS_REPO": "BPS, Tabel Input-Output Transaksi Domestik Atas Dasar Harga Produsen, "
                                          "17 Lapangan Usaha, 2016",
    "WILAYAH_BOUNDARIES_CAHYADSN": "batas wilayah Kepmendagri 300.2.2-2430/2025 (cahyadsn/wilayah_boundaries, MIT)",
}


def source_name(source_id: object) -> str:
    """The publication behind a source id (by prefix for ids with a year/semester suffix); the id
    itself, marked, when unknown."""
    text = str(source_id)
    if text in SOURCE_NAMES:
        return SOURCE_NAMES[text]
    base = re.sub(r"_\d{4}S\d(_SUMKAB)?$", "", text)
    return SOURCE_NAMES.get(base, f"[{text}]")

#: Label of the total of the 17 sectors (``TOTAL_CODE``) where sectors are named.
TOTAL_LABEL = "PDRB (jumlah)"

#: Alternative text of the report's images (each chart or map carries its own title).
FIGURE_ALT = "Grafik atau peta laporan; judul dan keterangan tertera pada gambar"


# =========================================================================== report: narrative paragraphs
#: Sentence templates of :mod:`potensi.report.narrative` and :mod:`potensi.report.narrative_regional`
#: (``str.format`` with named fields). The functions there choose the sentence and the numbers and
#: format them (:mod:`potensi.report.formatting`); only the words are here.
NARRATIVE = {
    # title and coverage note
    "title": "# Potensi Ekonomi Daerah {kind} {name}\n\n**Sektor unggulan dan peluang kerja sama antardaerah, "
             "{start}–{end}** · PDRB atas dasar harga konstan 2010 (ADHK), miliar rupiah · wilayah acuan: "
             "{reference}{excluded}",
    "title_kind": "Provinsi",
    "reference_published": "provinsi sebagaimana diterbitkan BPS",
    "reference_sum": "jumlah kab/kota (Σ kab/kota)",
    "excluded": " · sektor dikecualikan: {sectors}",
    "coverage": "**Catatan cakupan data.**\n\n{items}",
    "status_provisional": "angka sementara",
    "status_bps": "angka BPS",
    "see_coverage": "lihat catatan cakupan data di awal laporan.",
    "not_computed": "*{what} tidak dihitung: {why}*",
    "subject_lq": "LQ",
    "subject_shift_share": "Shift-share",
    "subject_klassen": "Tipologi Klassen",
    "subject_mrp": "MRP",
    "subject_inequality": "Indeks ketimpangan",
    "subject_convergence": "Konvergensi",
    "subject_national": "Perbandingan dengan Indonesia",
    "rule": "Aturan: {rule}.",
    "with_rule": "{text} Aturan: {rule}.",
    # growth
    "growth_level": "PDRB {name} (jumlah 17 lapangan usaha, ADHK 2010) adalah {v0} pada {y0} dan {v1} pada {y1}: ",
    "growth_range": "rata-rata pertumbuhan {g} per tahun (majemuk). Pertumbuhan tertinggi {best} ({best_year}), "
                    "terendah {worst} ({worst_year}).",
    "growth_only": "pertumbuhan {g}.",
    "faster": "lebih cepat",
    "slower": "lebih lambat",
    "growth_vs_sum": " Pada periode yang sama Indonesia (Σ 17 lapangan usaha) tumbuh {gn} per tahun; ekonomi {name} "
                     "tumbuh {rel} ({diff}).",
    "growth_vs_official": " Pada periode yang sama PDB Indonesia (angka resmi BPS, termasuk pajak atas produk) tumbuh "
                          "{gn} per tahun; ekonomi {name} tumbuh {rel} ({diff}).",
    "provisional_years": " Angka {years} masih sementara dan dapat direvisi BPS.",
    # structure
    "share_adhk": "{share} ADHK",
    "share_adhb": "; {share} ADHB",
    "structure_top": "Tiga lapangan usaha dengan peran terbesar dalam PDRB {name} tahun {year}: {parts}; bersama-sama "
                     "{total} dari PDRB (ADHK).",
    "structure_adhb": " Peran dihitung atas harga konstan 2010 (ADHK), dasar semua indikator laporan ini; distribusi "
                      "yang diterbitkan BPS memakai harga berlaku (ADHB), sehingga angkanya berbeda.",
    "structure_change": " Antara {start} dan {end} peran {up} (ADHK) naik paling banyak ({d_up}), peran {down} turun "
                        "paling banyak ({d_down}).",
    # LQ, DLQ
    "lq": "*Location quotient* (LQ) membandingkan **peran (pangsa)** sebuah lapangan usaha dalam PDRB kab/kota dengan "
          "perannya dalam PDRB {name}; LQ > 1 berarti sektor itu sektor basis — perannya lebih besar daripada di "
          "wilayah acuan. LQ tidak mengukur pertumbuhan. Tahun {year} setiap kab/kota memiliki {n_min} sampai "
          "{n_max} sektor basis; LQ tertinggi adalah {sector} di {region} (LQ {lq}). Aturan: {rule}.",
    "dlq": "\n\nPerubahan pangsa dinilai dengan DLQ ({start}–{end}): DLQ > 1 berarti pangsa sektor dalam PDRB "
           "kab/kota naik relatif terhadap pangsa sektor yang sama di {name}. Itu bukan ukuran laju pertumbuhan. "
           "{caveat}Gabungan SLQ×DLQ menghasilkan pasangan kab/kota–sektor: {parts}. Aturan: {rule_dlq}; "
           "{rule_slq_dlq}.",
    "dlq_slower": "Dari {n_up} pasangan dengan DLQ > 1, {n_slower} sektornya sendiri tidak tumbuh lebih cepat "
                  "daripada sektor yang sama di {name}; pangsanya naik karena PDRB kab/kota itu secara keseluruhan "
                  "tumbuh lebih lambat. ",
    "dlq_shrink_item": "{region} ({n} dari {n_sectors} sektor DLQ > 1; PDRB {g} per tahun)",
    "dlq_shrink": "PDRB total menyusut di {items}: di sana pangsa hampir semua sektor naik karena sektor dominan "
                  "menyusut, bukan karena sektor-sektor itu unggul. ",
    # shift-share
    "shift_share": "Perubahan PDRB setiap kab/kota {start}–{end} diuraikan menjadi tiga komponen. Komponen pergeseran "
                   "pangsa wilayah (PPW) positif pada {n_pos} dari {n} kab/kota{names}: sektor-sektornya tumbuh "
                   "lebih cepat daripada sektor yang sama di {name}. Aturan: {rule}.",
    "shift_share_names": " ({names})",
    "em_flag": "\n\nPada {n} pasangan kab/kota–sektor basis awalnya kurang dari sepersepuluh basis homotetik "
               "Esteban-Marquillas; angka efek kompetitif bersih dan efek alokasinya berlipat dari perubahan yang "
               "sebenarnya dan tidak dibaca sebagai jumlah (ditandai di tabel). Contoh: {sector} di {region}, efek "
               "kompetitif bersih {net} untuk perubahan sebenarnya {change}.",
    "em_types": " Tipe Esteban-Marquillas (pasangan kab/kota–sektor): {parts}.",
    # Klassen
    "unit_sector": "pasangan kab/kota–sektor",
    "unit_region": "kab/kota",
    "klassen_counts": "Jumlah {unit} per kuadran — {parts}.",
    "near_per_capita": "PDRB per kapita {margin} dari acuan",
    "near_growth": "pertumbuhan {margin} dari acuan",
    "edge_item": "{region} — {klassen} ({near})",
    "knife_edge": " Di tepi ambang (kurang dari 5 % dari batas kuadran; revisi kecil data dapat memindahkan "
                  "kuadrannya): {items}.",
    # MRP
    "mrp": "{n} pasangan kab/kota–sektor menonjol di tingkat provinsi maupun kab/kota (tanda RPr + dan RPs +: sektor "
           "itu tumbuh lebih cepat daripada ekonomi provinsi, dan di kab/kota lebih cepat daripada sektor yang sama "
           "di provinsi).",
    "mrp_ratio_only": " {n} pasangan lain memiliki rasio RPr dan RPs di atas 1 hanya karena pembilang dan "
                      "penyebutnya sama-sama negatif (rasio dua penurunan); pasangan itu tidak menonjol.",
    # inequality (narrative_regional fills the Williamson sentence)
    "inequality_fallback": "Lihat tabel indeks ketimpangan.",
    "inequality_no_mining": " Tanpa pertambangan (lapangan usaha B dikeluarkan dari PDRB per kapita; 17 lapangan "
                            "usaha tidak memisahkan migas dari batu bara): {text}",
    "inequality": "{text} Perubahan kurang dari {tolerance} disebut relatif tetap. Aturan: {rule_williamson}; "
                  "{rule_theil}. Ketimpangan dihitung atas PDRB per kapita kab/kota (ADHK); sumber penduduk disebut "
                  "pada setiap baris, dan deret tidak disambung antar-sumber.",
    "steady": "relatif tetap",
    "up": "meningkat",
    "down": "menurun",
    "williamson": "Indeks Williamson tertimbang {segments}.",
    "williamson_segment": "{y0}–{y1} (penduduk {source}): {direction} dari {v0} menjadi {v1}",
    "williamson_range": " (terendah {lo} pada {lo_year}, tertinggi {hi} pada {hi_year})",
    "williamson_step": " (hampir seluruh perubahan terjadi dari {y0} ke {y1}, {v0} → {v1}: satu lompatan, "
                       "bukan tren bertahap; periksa data kedua tahun itu)",
    "williamson_class": ", kelas {cls}",
    "williamson_class_note": " Kelas memakai batas baca < 0,35 rendah, 0,35–0,5 sedang, > 0,5 tinggi (kriteria "
                             "Oshima sebagaimana dipakai BPS untuk indeks Williamson), sebuah kebiasaan, bukan "
                             "ambang dari Williamson.",
    "williamson_break": " Deret penduduk berganti sumber (BPS sampai 2017, Dukcapil sejak 2018); angka hanya "
                        "sebanding di dalam satu sumber.",
    # convergence
    "convergence": "Konvergensi beta antar-kab/kota: {parts}.",
    "convergence_no_mining": " Tanpa pertambangan: {parts}.",
    "beta_not_estimated": "{s0}–{s1} (penduduk {source}): tidak diestimasi — kurang dari 5 tahun dalam satu sumber "
                          "penduduk",
    "beta": "{s0}–{s1} (penduduk {source}, n = {n}, galat baku {cov}): β = {beta}{p} — {verdict}",
    "beta_p": ", p = {p}",
    "beta_converging": "konvergen: {pattern}",
    "beta_pattern_default": "jarak antardaerah menyempit",
    "beta_not_significant": "arah konvergen, tetapi tidak signifikan pada 5 %",
    "beta_none": "tidak ada konvergensi",
    "beta_rich_poor": "; PDRB per kapita seperempat terkaya ({rich_names}) tumbuh {rich} per tahun, seperempat "
                      "termiskin ({poor_names}) {poor} per tahun",
    # the province against Indonesia
    "national_basis": "Terhadap Indonesia, {name} memiliki {n} sektor basis pada {year} (LQ > 1: peran sektor dalam "
                      "PDRB provinsi lebih besar daripada dalam Σ 17 lapangan usaha Indonesia): {items}.",
    "national_basis_item": "{sector} (LQ {lq})",
    "national_share": " PDRB {name} tahun {year} setara {share} dari jumlah 17 lapangan usaha PDB Indonesia (ADHK).",
    "national_until": " Σ 17 lapangan usaha Indonesia ada dalam data sampai {year}.",
    # data quality
    "quality_discrepancy": "- Jumlah PDRB kab/kota berbeda dari PDRB provinsi yang diterbitkan BPS sebesar {lo} "
                           "sampai {hi} ({y0}–{y1}); wilayah acuan laporan ini: {reference}.",
    "quality_ref_published": "provinsi sebagaimana diterbitkan",
    "quality_ref_sum": "Σ kab/kota",
    "quality_provisional": "- Angka sementara: {items}.",
    "quality_final": "- Semua angka {start}–{end} yang dipakai adalah angka tetap.",
    "quality_rejected": "- {n} angka sumber ditolak karena tidak konsisten (tahun {years}); alasannya ada di tabel "
                        "angka ditolak.",
    "quality_missing": "- Kab/kota-tahun tanpa angka dalam jendela analisis: {n}.",
    "quality_none_missing": "- Tidak ada kab/kota-tahun yang kosong dalam jendela analisis.",
    "quality_no_members": "- PDRB kab/kota tidak tersedia (lihat catatan cakupan).",
    "quality_gaps": "- Catatan cakupan data ({n}) ada di awal laporan.",
    # national summary
    "national_intro": "Ringkasan ini membandingkan {n} provinsi dengan Indonesia, {start}–{end} (PDRB ADHK 2010, "
                      "jumlah 17 lapangan usaha). Rata-rata pertumbuhan tertinggi: {top} ({g_top} per tahun); "
                      "terendah: {bottom} ({g_bottom} per tahun).",
    "national_faster": " Indonesia tumbuh {g} per tahun; {n} provinsi tumbuh lebih cepat.",
}

#: Population sources as the reader knows them (codes of :mod:`potensi.data.population`).
POPULATION_SOURCE_NAMES = {"bps": "BPS", "dukcapil": "Dukcapil", "bps_implied": "BPS (dari PDRB per kapita)"}

#: The β-convergence patterns of :mod:`potensi.study.regional_tables` (English codes) in a sentence.
CONVERGENCE_PATTERNS = {
    "poorer regions grew faster": "daerah dengan PDRB per kapita awal terendah tumbuh lebih cepat",
    "richest regions shrank": "jarak menyempit terutama karena daerah terkaya menyusut, bukan karena daerah "
                              "termiskin mengejar",
    "richest shrank, poorest stagnated": "jarak menyempit karena daerah terkaya menyusut, sementara daerah "
                                         "termiskin hampir tidak tumbuh",
    "no convergence": "tidak ada konvergensi",
}

#: The rule and the source of each method the narrative names (``slq_dlq``: ``{classes}`` is the
#: list of the SLQ×DLQ labels with their rules, filled by :mod:`potensi.report.narrative`).
METHOD_CITATIONS = {
    "lq": "LQ = (X_ij/X_i)/(X_j/X); LQ > 1: sektor basis (Richardson 1977; Tarigan 2005)",
    "dlq": "DLQ = LQ akhir ÷ LQ awal; DLQ > 1: pangsa sektor dalam PDRB daerah naik relatif terhadap pangsa "
           "sektor yang sama di wilayah acuan — bukan berarti sektor itu tumbuh lebih cepat: pangsa juga naik bila "
           "PDRB daerah seluruhnya menyusut (Suyatno 2000)",
    "slq_dlq": "SLQ×DLQ: {classes} (kata label pilihan potensi yang deskriptif; literatur Indonesia memakai unggulan, "
               "prospektif, andalan dan tertinggal tetapi tidak seragam soal andalan dan prospektif, dan kata "
               "unggulan dalam laporan ini dipakai hanya untuk kelas potensi lapangan usaha; DLQ: Suyatno 2000)",
    "shift_share": "Shift-share: perubahan = pertumbuhan nasional/acuan (PN) + pergeseran proporsional (PP) + "
                   "pergeseran pangsa wilayah (PPW) (Dunn 1960; istilah Inggris: national share, industry mix, "
                   "competitive effect); PPW diurai menjadi efek kompetitif bersih dan efek alokasi "
                   "(Esteban-Marquillas 1972), empat tipe menurut tanda keduanya (Herzog & Olsen 1977)",
    "klassen": "Tipologi Klassen: laju pertumbuhan dan peran/PDRB per kapita dibandingkan dengan wilayah acuan; "
               "maju dan tumbuh cepat, maju tapi tertekan, berkembang cepat, relatif tertinggal (Sjafrizal 2008); "
               "pada Klassen sektoral pertumbuhan sektor dibandingkan dengan pertumbuhan sektor yang sama di "
               "wilayah acuan",
    "mrp": "MRP: RPr (laju sektor di wilayah acuan dibanding laju ekonomi acuan) dan RPs (laju sektor di daerah "
           "dibanding laju sektor yang sama di acuan); tanda + (menonjol) bila laju pembilang melebihi laju "
           "penyebut — dihitung dari selisih laju, bukan dari rasio > 1, karena rasio dua penurunan juga > 1 "
           "(Yusuf 1999); overlay bertanda RPr, RPs, LQ",
    "williamson": "Indeks Williamson tertimbang penduduk (Williamson 1965); kelas < 0,35 rendah, 0,35–0,5 sedang, "
                  "> 0,5 tinggi memakai batas Oshima sebagaimana dipakai BPS (Oshima 1976), sebuah kebiasaan "
                  "baca — bukan ambang dari Williamson maupun Sjafrizal; rasio Gini antarwilayah tidak diberi kelas: "
                  "pada rasio Gini batas yang sama adalah kelas ketimpangan rumah tangga (pengeluaran per kapita), "
                  "dan Gini beberapa wilayah yang diberi kelas itu akan terbaca sebagai ketimpangan rumah tangga",
    "theil": "Indeks Theil T, terurai atas ketimpangan antar- dan dalam-kelompok (Theil 1967)",
    "convergence": "Konvergensi beta: regresi laju pertumbuhan rata-rata atas log PDRB per kapita awal, galat "
                   "baku HC3, jendela minimal 5 tahun; koefisien negatif: jarak antardaerah menyempit — lewat "
                   "daerah miskin yang tumbuh lebih cepat atau daerah kaya yang menyusut (Barro & Sala-i-Martin "
                   "1992; MacKinnon & White 1985)",
    "gravity": "Model gravitasi: interaksi sebanding dengan perkalian massa ekonomi dibagi kuadrat jarak "
               "(Isard 1960); komplementaritas: sektor basis yang saling mengisi",
}


# =========================================================================== study: gaps
#: What a study could not compute and why (:class:`potensi.study.gaps.Gap`, by ``kind``); the
#: study keeps the kind and the numbers, the text is filled in here.
_KABKOTA_SCOPE = (" pada {start}–{end} (data potensi memuat PDRB kab/kota × 17 lapangan usaha 2010–2022 untuk 34 "
                  "provinsi lama, 2010–2012 menurut batas wilayah lama); bagian tingkat kab/kota (LQ kab/kota, "
                  "Klassen wilayah, ketimpangan, konvergensi, kerja sama antardaerah) tidak dihitung.")
GAPS = {
    "window_narrowed": "Data tersedia hanya untuk {start}–{end} dari jendela {start_requested}–{end_requested} yang "
                       "diminta.",
    "window_moved": "PDRB provinsi {name} menurut lapangan usaha tidak tersedia untuk {start_requested}–"
                    "{end_requested}; laporan memakai tahun yang tersedia, {start}–{end}.",
    "boundary": "{name}: {note}.",
    "no_kabkota": "Untuk {name} tidak ada angka PDRB kab/kota menurut lapangan usaha" + _KABKOTA_SCOPE,
    "kabkota_years": "Untuk {name} PDRB kab/kota hanya tersedia untuk {first}–{last}" + _KABKOTA_SCOPE,
    "no_national": "PDB Indonesia menurut 17 lapangan usaha dalam data tidak mencakup dua tahun di dalam "
                   "{start}–{end}; perbandingan dengan Indonesia tidak dihitung.",
    "national_years": "PDB Indonesia menurut 17 lapangan usaha dalam data tersedia sampai {last}; perbandingan "
                      "provinsi dengan Indonesia menurut lapangan usaha (bagian “Provinsi terhadap Indonesia”) "
                      "memakai {national_start}–{national_end}, bukan {start}–{end}.",
    "derived_e": QUALITY["derived_e"],
    "vintage_break": QUALITY["vintage_break"],
    "provisional": QUALITY["provisional"],
    "provinces_left_out": "Provinsi tanpa data {start} dan {end} tidak disertakan: {provinces}.",
    "none": "tidak ada data untuk wilayah dan tahun ini.",
}


# =========================================================================== report: captions and titles
#: Table captions of the province report by table key (:func:`potensi.report.view.table` takes
#: the caption from here when the cell gives none).
CAPTIONS = {
    "sektor_unggulan": "Kelas potensi dan dimensinya per kab/kota dan lapangan usaha",
    "io_sektor": "Angka pengganda, keterkaitan dan orientasi ekspor per lapangan usaha (tabel IO BPS 2016)",
    "kerja_sama_berjalan": "Kerja sama berjalan menurut berkas isian (tidak diusulkan lagi)",
    "ketetanggaan": "Pasangan bertetangga (berbatasan), termasuk dengan kab/kota provinsi lain",
    "aksesibilitas": "Aksesibilitas Hansen per kab/kota (massa: penduduk)",
    "interaksi_penduduk": "Interaksi gravitasi antar-kab/kota",
    "struktur_ringkas": "Peran lapangan usaha dalam PDRB (%)",
    "pertumbuhan_rata": "Rata-rata pertumbuhan PDRB per tahun (majemuk), provinsi, kab/kota dan Indonesia",
    "dlq": "DLQ dan kelas SLQ×DLQ per kab/kota dan lapangan usaha",
    "shift_share": "Shift-share per kab/kota dan lapangan usaha (miliar rupiah)",
    "klassen_sector": "Tipologi Klassen sektoral",
    "klassen_region": "Tipologi Klassen wilayah (kab/kota)",
    "mrp": "MRP (RPr, RPs) dan overlay dengan LQ",
    "inequality": "Indeks ketimpangan per tahun",
    "specialisation": "Indeks spesialisasi kab/kota",
    "convergence": "Konvergensi antar-kab/kota",
    "lq_nasional": "LQ provinsi terhadap Indonesia",
    "shift_share_nasional": "Shift-share provinsi terhadap Indonesia (miliar rupiah)",
    "sumber": "Sumber angka yang dipakai",
    "selisih_kabkota": "Σ kab/kota dibanding PDRB provinsi (total, ADHK 2010, miliar rupiah)",
    "angka_sementara": "Angka sementara dalam jendela analisis",
    "angka_ditolak": "Angka sumber yang ditolak dan alasannya",
    "data_tambahan": "Angka dari berkas tambahan (--add) yang menggantikan angka bawaan",
    "berkas_tambahan": "Berkas tambahan dan sidik SHA-256",
    "kekosongan": "Kab/kota-tahun tanpa angka",
    "kualitas_umum": "Ringkasan kualitas data seluruh Indonesia",
    "struktur": "Struktur PDRB menurut lapangan usaha (miliar rupiah; peran dalam %)",
    "pdrb_tahunan": "PDRB per tahun (jumlah 17 lapangan usaha, ADHK 2010, miliar rupiah)",
    "lq": "LQ per kab/kota, lapangan usaha dan tahun",
    "asal_usul": "Yang menghasilkan laporan ini",
}
#: Table captions of the national summary (provinces against Indonesia).
CAPTIONS_NATIONAL = {
    "klassen_region": "Tipologi Klassen provinsi terhadap Indonesia",
    "pertumbuhan_rata": "Rata-rata pertumbuhan PDRB per tahun (majemuk)",
    "lq": "LQ provinsi terhadap Indonesia",
    "theil_islands": "Dekomposisi Theil: antarpulau dan dalam pulau",
    "inequality": "Indeks ketimpangan antarprovinsi",
    "convergence": "Konvergensi beta antarprovinsi",
    "asal_usul": "Yang menghasilkan ringkasan ini",
}

#: Chart titles and axis labels of :mod:`potensi.report.panels` and :mod:`potensi.report.national`.
FIGURES = {
    "slq_dlq": "Kelas SLQ×DLQ (kata label pilihan potensi; bukan kelas potensi bagian 2)",
    "klassen_sector": "Tipologi Klassen sektoral (Sjafrizal 2008)",
    "klassen_region": "Tipologi Klassen wilayah {start}–{end} (garis: {name})",
    "klassen_provinces": "Tipologi Klassen provinsi",
    "klassen_quadrants": ("cepat maju dan cepat tumbuh", "maju tapi tertekan", "berkembang cepat",
                          "relatif tertinggal"),
    "growth_axis": "Rata-rata pertumbuhan PDRB (%/tahun)",
    "per_capita_axis": "PDRB per kapita (juta rupiah)",
    "per_capita_axis_year": "PDRB per kapita {year} (juta rupiah)",
    "mrp_national": "MRP {name} terhadap Indonesia: tanda RPr dan RPs dari selisih laju",
    "inequality": "Ketimpangan antar-kab/kota",
    "sigma": "Konvergensi sigma antar-kab/kota",
    "lq_provinces": "LQ provinsi terhadap Indonesia, {year}",
    "theil_islands": "Theil T antarprovinsi: antar- dan dalam-pulau",
    "sigma_provinces": "Konvergensi sigma antarprovinsi",
    "growth_provinces": "Rata-rata pertumbuhan PDRB provinsi {start}–{end} (ADHK 2010)",
    "percent_per_year": "% per tahun",
    "population_national": "penduduk tersirat dari PDRB per kapita BPS (PDRB ÷ PDRB per kapita, WebAPI BPS)",
    # defaults of the chart functions of potensi.report.figures
    "year_axis": "Tahun",
    "provisional": "angka sementara",
    "pdrb_axis": "PDRB ADHK 2010 (miliar rupiah)",
    "pdrb_title": "PDRB {name}",
    "growth_title": "Pertumbuhan ekonomi",
    "growth_pct_axis": "Pertumbuhan (%)",
    "structure_title": "Struktur PDRB menurut lapangan usaha",
    "structure_axis": "Peran terhadap PDRB (%)",
    "contribution_title": "Kontribusi kab/kota terhadap PDRB provinsi",
    "contribution_axis": "Peran (%)",
    "lq_heatmap": "LQ {year} (merah: LQ > 1, sektor basis; biru: LQ < 1)",
    "mrp": "MRP: tanda RPr dan RPs dari selisih laju pertumbuhan",
    "mrp_x": "Laju sektor di daerah − di acuan (poin persen; tanda RPs)",
    "mrp_y": "Laju sektor di acuan − laju ekonomi acuan (poin persen; tanda RPr)",
    "mrp_quadrants": ("RPr +, RPs +: menonjol", "RPr +, RPs −", "RPr −, RPs +", "RPr −, RPs −"),
    "index_axis": "Nilai indeks",
    "convergence_title": "Konvergensi beta",
    "pairs_title": "Pasangan kerja sama antardaerah teratas",
    "pairs_axis": "Skor",
    "kelas_unstable": "* label tidak sama di semua skenario",
    "key_sector": ("sektor kunci", "bukan sektor kunci"),
    "linkage_x": "Daya penyebaran (keterkaitan ke belakang, rata-rata = 1)",
    "linkage_y": "Derajat kepekaan (keterkaitan ke depan, rata-rata = 1)",
    "linkage_quadrants": ("sektor kunci", "kuat ke depan", "kuat ke belakang", "lemah ke dua arah"),
}

#: Words of :mod:`potensi.report.view` (a table that is empty, the workbook line) and of the
#: workbook's file properties.
VIEW = {
    "empty": "*{what}: tidak ada.*",
    "table": "Tabel {name}",
    "no_workbook": "*Buku kerja XLSX tidak ditulis (parameter `workbook` kosong).*",
    "toc": "Daftar isi",
    "workbook": "Semua tabel laporan ini ({n} tabel) juga tersedia dalam buku kerja XLSX `{file}` di samping "
                "laporan.",
}
