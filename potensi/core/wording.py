"""Every Indonesian word the reports print that is not a number: labels, glossary, citations,
class descriptions, sentence templates and the translation of the indicators' reason codes.

The layers below speak English identifiers (column names, ``reason`` codes, class codes where the
literature has no single wording); this module is the one place that turns them into Bahasa
Indonesia. Translation is by lookup in :data:`REASONS` (exact texts, ``"; "``-separated parts and
an optional ``"<year>: "`` prefix), never by substring replacement, so that adding a reason cannot
change the wording of another.
"""

from __future__ import annotations

import re

__all__ = [
    "SHIFT_SHARE_TERMS",
    "KELAS_DESCRIPTIONS",
    "KELAS_SHORT",
    "REASONS",
    "translate_reason",
    "GLOSSARY",
    "CITATIONS",
    "PROFILE",
    "MAPS",
    "COOPERATION",
    "QUALITY",
]

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
    "layanan lokal": "terutama melayani permintaan setempat (pemerintahan, utilitas, real estat, pendidikan, "
                     "kesehatan, jasa lainnya); kandidat layanan bersama antardaerah",
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
}
_PREFIX = re.compile(r"^(?P<head>(?:\d{4}(?: \([^)]*\))?|lpe|contribution|kontribusi)): (?P<rest>.*)$")
_HEADS = {"lpe": "LPE", "contribution": "kontribusi"}


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
    out = []
    for part in str(text).split("; "):
        out.append(_translate_part(part))
    return "; ".join(out)


def _translate_part(part: str) -> str:
    if part in REASONS:
        return REASONS[part]
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
    "unstable": "label tidak stabil: sama pada {agree} dari {total} skenario",
    "cross_border": "lintas provinsi",
}

#: Map titles and legends.
MAPS = {
    "growth": ("Rata-rata pertumbuhan PDRB {start}–{end}", "% per tahun (ADHK)"),
    "per_capita": ("PDRB per kapita {year}", "juta rupiah per jiwa"),
    "klassen": ("Tipologi Klassen wilayah {start}–{end}", "kelas"),
    "cooperation": ("Usulan kerja sama daerah, {province}", ""),
    "locator": ("Letak {name} di {province}", ""),
    "national": ("Pertumbuhan PDRB provinsi {start}–{end}", "% per tahun (ADHK)"),
}

#: Cooperation words (kinds, legal basis).
COOPERATION = {
    "wajib": "wajib (berbatasan, eksternalitas lintas daerah atau lebih efisien bersama; PP 28/2018)",
    "sukarela": "sukarela (antar-daerah mana pun; PP 28/2018)",
    "instrument": "Kesepakatan Bersama → Perjanjian Kerja Sama",
}

#: Data-quality sentences.
QUALITY = {
    "derived_e": ("Lapangan usaha E (pengadaan air, pengelolaan sampah, limbah dan daur ulang) kab/kota "
                  "{years} adalah angka turunan potensi (E = PDRB − Σ 16 lapangan usaha lain), bukan angka "
                  "terbitan BPS: {n} sel dipakai."),
    "vintage_break": ("Seri kab/kota {first}–{break_end} dan {break_start}–{last} berasal dari dua unduhan SIMREG "
                      "(vintase BPS berbeda); perubahan di antara {break_end} dan {break_start} memuat juga revisi. "
                      "Angka {last} kemungkinan angka sementara."),
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
    "rule": ("Kelas potensi adalah **aturan potensi sendiri**, disusun mengikuti kriteria {permendagri} "
             "(kontribusi terhadap perekonomian, sektor basis, pertumbuhan dan daya saing, keterkaitan): "
             "*unggulan* = dapat diperdagangkan ke luar daerah, sektor basis (LQ rata-rata periode > {lq}), "
             "material (≥ {share} % PDRB daerah, atau ≥ {prov} % dari sektor yang sama di provinsi dan ≥ {floor} % "
             "PDRB daerah) dan berdaya saing (pergeseran pangsa wilayah PPW > 0); *andalan menurun* = sama tetapi "
             "PPW ≤ 0; *potensial berkembang* = dapat diperdagangkan dan PPW > 0 tetapi belum basis atau belum "
             "material; *layanan lokal* = pemerintahan, utilitas, real estat, pendidikan, kesehatan, jasa lainnya. "
             "Nilai dalam ±{edge} % dari ambang ditandai *di tepi ambang*. Pangsa dihitung atas PDRB ADHK."),
    "classes_intro": "- **Potensi lapangan usaha per kab/kota** (kelas atas: unggulan dan andalan menurun; paling "
                     "banyak tiga per kab/kota, bukti di sampingnya):",
    "no_top": "tidak ada lapangan usaha di kelas atas menurut aturan potensi.",
    "no_top_short": "tidak ada kelas atas",
    "unstable": "*(label tidak stabil: sama pada {agree} dari {total} skenario)*",
    "knife_edge": "*(di tepi ambang)*",
    "declining": "- **Andalan yang menurun.** {items}: sektor yang menopang daerahnya tetapi kehilangan daya "
                 "saing; pesannya diversifikasi atau hilirisasi, bukan sekadar mempertahankan.",
    "no_classes": "Kelas potensi lapangan usaha tidak dihitung: tidak ada PDRB kab/kota menurut lapangan usaha "
                  "dalam jendela ini.",
    "coop_intro": "- **Usulan kerja sama daerah teratas:**",
    "proposal": "{a} – {b}: {what} ({jenis}; urusan {urusan})",
    "gaps": "- **Keterbatasan data:** {n} catatan (lihat bagian *Kualitas data dan sumber*).",
    "classes_meaning": "Potensi setiap lapangan usaha di setiap kab/kota ditunjukkan sebagai dimensi yang "
                       "berdampingan (posisi: LQ; daya saing: PPW dan DLQ; ukuran: pangsa PDRB; dapat tidaknya "
                       "diperdagangkan; keterkaitan bila ada tabel IO) dan diringkas menjadi satu kelas:",
    "robustness": "Ketahanan label: kelas dihitung ulang pada skenario {names}; {n} dari {total} sel tidak "
                  "sama di semua skenario, {top} di antaranya di kelas atas (ditandai *label tidak stabil*).",
    "knife_edges": "Kelas atas di tepi ambang (selisih ≤ 5 % dari ambang; baca dengan hati-hati): {items}.",
    "no_mining_panel": "Panel tanpa pertambangan tidak dihitung (tidak ada data kab/kota menurut lapangan usaha "
                       "atau pertambangan sudah dikeluarkan).",
    "mining_intro": "Pertambangan (B) adalah {n} dari {total} kab/kota dengan pangsa ≥ 10 % PDRB. Dengan B "
                    "dikeluarkan sebelum semua indikator dihitung (PDRB dijumlah ulang tanpa B), kelas atas "
                    "berubah sebagai berikut:",
    "mining_same": "- Kelas atas sektor lain tidak berubah.",
    "mining_williamson": "- Indeks Williamson tanpa pertambangan: {v0} ({start}) → {v1} ({end}).",
    "not_migas": "Catatan: 17 lapangan usaha tidak memisahkan migas dari batu bara, maupun industri migas dari "
                 "industri lainnya; panel ini *tanpa pertambangan*, bukan *tanpa migas*.",
    "no_io": "BPS belum menerbitkan tabel input–output untuk {name} dalam data potensi (tabel IO 17 lapangan "
             "usaha 2016 yang tersedia: Kepulauan Riau, Sulawesi Selatan, Papua Barat); bagian ini tidak dihitung.",
    "io_intro": "Tabel input–output transaksi domestik {name} {year} (BPS, 17 lapangan usaha, harga produsen); "
                "angka pengganda, daya penyebaran dan derajat kepekaan menurut {ref}.",
    "io_key": "- **Sektor kunci** (daya penyebaran dan derajat kepekaan > 1): {items}.",
    "io_multiplier": "- Angka pengganda output terbesar: {sector} ({m}).",
    "io_lq": "- Korelasi peringkat LQ provinsi dan orientasi ekspor (ekspor luar negeri + antarprovinsi ÷ output): "
             "{rho}; LQ bukan ukuran yang baik untuk apa yang dijual ke luar daerah.",
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
                    "Dari {n} kandidat, {rejected} ditolak (daftar lengkap di bawah)."),
    "coop_existing": "{n} kerja sama berjalan diberikan dalam berkas isian; {m} kandidat yang sama tidak diusulkan "
                     "lagi.",
}
