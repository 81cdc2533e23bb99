"""Generated paragraphs (Bahasa Indonesia) for the reports; every number is computed from the tables.

Wording rules kept here:

* LQ speaks of *share* (peran, pangsa), never of growth: "LQ > 1: peran sektor di daerah lebih
  besar daripada perannya di wilayah acuan" — growth claims come from DLQ, shift-share or MRP.
* DLQ speaks of *share* too: DLQ > 1 means the sector's share of the region's PDRB rose
  relative to its share in the reference, which also happens when the region's total shrinks.
* MRP "menonjol" comes from the signs (differences of growth rates), never from ratio > 1.
* A share is always said to be ADHK (constant 2010 prices); ADHB is shown beside it where BPS
  publishes it (province level).
* "meningkat"/"menurun" only beyond a tolerance (:data:`TREND_TOLERANCE`), else "relatif tetap".
* A classification is always given with its rule and its source (e.g. Klassen: Sjafrizal 2008);
  where the sources disagree or could not be quoted (the SLQ×DLQ words) the text says the
  label set is potensi's.
* Numbers are Indonesian (``1.234,5``; ``12,3 %``; miliar rupiah); years are plain.
* A section whose data is missing says so and why, rather than disappearing.

Each function returns an ``IPython.display.Markdown`` object (rendered as a paragraph in the
notebook and in the HTML).
"""

from __future__ import annotations

import pandas as pd

from potensi.core.codes import NATIONAL_CODE, TOTAL_CODE
from potensi.core.wording import FINDINGS
from potensi.data.sectors import SECTORS
from potensi.indicators.location_quotient import SLQ_DLQ_LABELS, SLQ_DLQ_RULES
from potensi.report.formatting import angka, daftar, md_escape, persen, poin_persen, rupiah
from potensi.report.narrative_regional import TREND_TOLERANCE, _beta_text, _direction, _williamson_trend  # noqa: F401

__all__ = [
    "judul",
    "catatan_data",
    "struktur",
    "pertumbuhan",
    "sektor_basis",
    "shift_share",
    "klassen",
    "mrp",
    "ketimpangan",
    "konvergensi",
    "terhadap_indonesia",
    "kualitas_data",
    "nasional",
    "CITATIONS",
    "TREND_TOLERANCE",
]


_LABEL = dict(zip(SECTORS["sector_code"], SECTORS["sector_label"]))

#: The rule and the source of each label used in the reports.
CITATIONS = {
    "lq": "LQ = (X_ij/X_i)/(X_j/X); LQ > 1: sektor basis (Richardson 1977; Tarigan 2005)",
    "dlq": "DLQ = LQ akhir ÷ LQ awal; DLQ > 1: pangsa sektor dalam PDRB daerah naik relatif terhadap pangsa "
           "sektor yang sama di wilayah acuan — bukan berarti sektor itu tumbuh lebih cepat: pangsa juga naik bila "
           "PDRB daerah seluruhnya menyusut (Suyatno 2000)",
    "slq_dlq": "SLQ×DLQ: " + ", ".join(
        f"{label} ({rule.replace('<=', '≤')})"
        for label, rule in zip(SLQ_DLQ_LABELS["potensi"].categories, SLQ_DLQ_RULES, strict=True)
    ) + " (kata label pilihan potensi yang deskriptif; literatur Indonesia memakai unggulan, prospektif, andalan "
        "dan tertinggal tetapi tidak seragam soal andalan dan prospektif, dan kata unggulan dalam laporan ini "
        "dipakai hanya untuk kelas potensi lapangan usaha; DLQ: Suyatno 2000)",
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
                  "baca — bukan ambang dari Williamson maupun Sjafrizal; rasio Gini antarwilayah tidak diberi kelas "
                  "karena kelas Gini dibuat untuk distribusi rumah tangga",
    "theil": "Indeks Theil T, terurai atas ketimpangan antar- dan dalam-kelompok (Theil 1967)",
    "convergence": "Konvergensi beta: regresi laju pertumbuhan rata-rata atas log PDRB per kapita awal, galat "
                   "baku HC3, jendela minimal 5 tahun; koefisien negatif: jarak antardaerah menyempit — lewat "
                   "daerah miskin yang tumbuh lebih cepat atau daerah kaya yang menyusut (Barro & Sala-i-Martin "
                   "1992; MacKinnon & White 1985)",
    "gravity": "Model gravitasi: interaksi sebanding dengan perkalian massa ekonomi dibagi kuadrat jarak "
               "(Isard 1960); komplementaritas: sektor basis yang saling mengisi",
}


def _md(text: str):
    from IPython.display import Markdown

    return Markdown(text)


def _col(frame: pd.DataFrame, *names: str) -> str | None:
    return next((n for n in names if n in frame.columns), None)


def _name(a, code: str) -> str:
    """The region's name, escaped for Markdown (names come from data)."""
    hit = a.pdrb.loc[a.pdrb["region_code"] == code, "region_name"]
    return md_escape(str(hit.iloc[0]) if len(hit) else code)


def _gap(a, name: str) -> str:
    """Why a section is missing: a pointer to the coverage note when that note already says it
    (no kab/kota data, no national comparison), else the study's own reason."""
    if not a.has_members or (name == "nasional" and not a.has_national):
        return "lihat catatan cakupan data di awal laporan."
    return a.gap_for(name)


def judul(a):
    """Title and one-line scope of the report."""
    kind = "Provinsi"
    return _md(f"# Potensi Ekonomi Daerah {kind} {md_escape(a.province_name)}\n\n"
               f"**Sektor unggulan dan peluang kerja sama antardaerah, {a.start_year}–{a.end_year}** · "
               f"PDRB atas dasar harga konstan 2010 (ADHK), miliar rupiah · wilayah acuan: "
               f"{'provinsi sebagaimana diterbitkan BPS' if a.reference == 'published' else 'jumlah kab/kota (Σ kab/kota)'}"
               + (f" · sektor dikecualikan: {daftar(_LABEL[s] for s in a.excluded_sectors)}" if a.excluded_sectors else ""))


def catatan_data(a):
    """The gaps of this report, stated before the analysis (empty when nothing is missing)."""
    if not a.gaps:
        return _md("")
    gaps = list(a.gaps)
    lead = []
    if not a.has_members and a.start_year >= 2023:  # a province of the 2022 Papua pemekaran: say it once
        t = a.tables["pdrb_tahunan"]
        t = t[t["region_code"] == a.province_code]
        status = "angka sementara" if len(t) and t["provisional"].all() else "angka BPS"
        lead = [FINDINGS["new_province"].format(name=md_escape(a.province_name), start=a.start_year, end=a.end_year,
                                                status=status)]
        gaps = [g for g in gaps if not g.startswith(("[jendela]", "[kabkota]", "[nasional]"))]
    items = "\n".join([f"- {x}" for x in lead] + [f"- {g.split('] ', 1)[-1]}" for g in gaps])
    return _md(f"**Catatan cakupan data.**\n\n{items}")


def _totals(a, code: str) -> pd.DataFrame:
    t = a.tables["pdrb_tahunan"]
    return t[t["region_code"] == code].sort_values("year")


def pertumbuhan(a):
    """Level and growth of the province's PDRB, against Indonesia when available."""
    t = _totals(a, a.province_code)
    first, last = t.iloc[0], t.iloc[-1]
    mg = a.tables["pertumbuhan_rata"].set_index("region_code")
    g = mg.loc[a.province_code, "mean_growth_pct"]
    grown = t.dropna(subset=["growth_pct"])
    text = (f"PDRB {md_escape(a.province_name)} (jumlah 17 lapangan usaha, ADHK 2010) adalah {rupiah(first['value'])} pada "
            f"{first['year']} dan {rupiah(last['value'])} pada {last['year']}: ")
    if len(grown) >= 2:
        worst = grown.sort_values(["growth_pct", "year"]).iloc[0]
        best = grown.sort_values(["growth_pct", "year"], ascending=[False, True]).iloc[0]
        text += (f"rata-rata pertumbuhan {persen(g, 2)} per tahun (majemuk). Pertumbuhan tertinggi "
                 f"{persen(best['growth_pct'])} ({best['year']}), terendah {persen(worst['growth_pct'])} ({worst['year']}).")
    else:
        text += f"pertumbuhan {persen(g, 2)}."
    if NATIONAL_CODE in mg.index:
        gn = mg.loc[NATIONAL_CODE, "mean_growth_pct"]
        rel = "lebih cepat" if g > gn else "lebih lambat"
        text += (f" Pada periode yang sama Indonesia (Σ 17 lapangan usaha) tumbuh {persen(gn, 2)} per tahun; "
                 f"ekonomi {md_escape(a.province_name)} tumbuh {rel} ({poin_persen(g - gn, 2)}).")
    else:
        official = _official_mean_growth(a)
        if official is not None:
            rel = "lebih cepat" if g > official else "lebih lambat"
            text += (f" Pada periode yang sama PDB Indonesia (angka resmi BPS, termasuk pajak atas produk) tumbuh "
                     f"{persen(official, 2)} per tahun; ekonomi {md_escape(a.province_name)} tumbuh {rel} "
                     f"({poin_persen(g - official, 2)}).")
    if t["provisional"].any():
        years = daftar(str(y) for y in t.loc[t["provisional"], "year"])
        text += f" Angka {years} masih sementara dan dapat direvisi BPS."
    return _md(text)


def _official_mean_growth(a) -> float | None:
    """Mean yearly growth (%) of Indonesia's published PDB over the whole window, or None."""
    from potensi.report.panels import official_growth

    off = official_growth(a)
    if len(off) < 2 or off["year"].min() != a.start_year or off["year"].max() != a.end_year:
        return None
    n = a.end_year - a.start_year
    return float(100 * ((off["value"].iloc[-1] / off["value"].iloc[0]) ** (1 / n) - 1))


def _adhb_shares(a, year: int) -> pd.Series:
    """Sector shares (%) of the province's PDRB at current prices (ADHB) in ``year``, by sector code.

    From ``a.tables["struktur_adhb"]`` when the study provides it, else from the published ADHB
    figures (BPS publishes them for provinces, not for kab/kota); empty when there are none.
    """
    t = a.tables.get("struktur_adhb")
    if t is not None and len(t):
        d = t[(t["region_code"] == a.province_code) & (t["year"] == year)]
        return d.set_index("sector_code")["share_pct"]
    try:
        from potensi.data.store import province_pdrb

        d = province_pdrb(a.province_code, price_basis="ADHB")
    except (OSError, ValueError, KeyError):
        return pd.Series(dtype=float)
    d = d[(d["region_code"] == a.province_code) & (d["year"] == year) & (d["sector_code"] != TOTAL_CODE)]
    if d.empty or d["value"].isna().any():
        return pd.Series(dtype=float)
    return (100 * d.set_index("sector_code")["value"] / d["value"].sum()).astype(float)


def _share(value: float, adhb: pd.Series, sector: str) -> str:
    """``"47,2 % ADHK; 41,3 % ADHB"`` (ADHB only where published)."""
    text = f"{persen(value)} ADHK"
    if sector in adhb.index and pd.notna(adhb[sector]):
        text += f"; {persen(adhb[sector])} ADHB"
    return text


def struktur(a):
    """The largest sectors of the province and how the structure moved between the window's ends.

    Shares are of PDRB at constant 2010 prices (ADHK), the basis of every indicator; BPS's
    *distribusi* is at current prices (ADHB), shown beside where published (Kaltim mining 2020:
    47,2 % ADHK, 41,3 % ADHB).
    """
    s = a.tables["struktur"]
    p = s[s["region_code"] == a.province_code]
    end = p[p["year"] == a.end_year].sort_values(["share_pct", "sector_code"], ascending=[False, True])
    start = p[p["year"] == a.start_year].set_index("sector_code")["share_pct"]
    top = end.head(3)
    adhb = _adhb_shares(a, a.end_year)
    parts = [f"{r.sector_label} ({_share(r.share_pct, adhb, r.sector_code)})" for r in top.itertuples()]
    text = (f"Tiga lapangan usaha dengan peran terbesar dalam PDRB {md_escape(a.province_name)} tahun {a.end_year}: "
            f"{daftar(parts)}; bersama-sama {persen(top['share_pct'].sum())} dari PDRB (ADHK).")
    if len(adhb):
        text += (" Peran dihitung atas harga konstan 2010 (ADHK), dasar semua indikator laporan ini; distribusi "
                 "yang diterbitkan BPS memakai harga berlaku (ADHB), sehingga angkanya berbeda.")
    delta = (end.set_index("sector_code")["share_pct"] - start).dropna()
    if len(delta):
        up, down = delta.idxmax(), delta.idxmin()
        text += (f" Antara {a.start_year} dan {a.end_year} peran {_LABEL[up]} (ADHK) naik paling banyak "
                 f"({poin_persen(delta[up])}), peran {_LABEL[down]} turun paling banyak ({poin_persen(delta[down])}).")
    return _md(text)


def sektor_basis(a):
    """LQ (share), DLQ and the SLQ×DLQ classes, worded as share vs growth."""
    lq = a.tables.get("lq")
    if lq is None or not len(lq):
        return _md(f"*LQ tidak dihitung: {_gap(a, 'lq')}*")
    d = lq[lq["year"] == lq["year"].max()]
    n_basis = d[d["lq"] > 1].groupby("region_code").size()
    top = d.sort_values(["lq", "region_code", "sector_code"], ascending=[False, True, True]).iloc[0]
    text = (f"*Location quotient* (LQ) membandingkan **peran (pangsa)** sebuah lapangan usaha dalam PDRB kab/kota "
            f"dengan perannya dalam PDRB {md_escape(a.province_name)}; LQ > 1 berarti sektor itu sektor basis — perannya lebih "
            f"besar daripada di wilayah acuan. LQ tidak mengukur pertumbuhan. Tahun {int(d['year'].max())} setiap "
            f"kab/kota memiliki {angka(n_basis.min(), 0)} sampai {angka(n_basis.max(), 0)} sektor basis; LQ tertinggi "
            f"adalah {_LABEL.get(top['sector_code'], top['sector_code'])} di {_name(a, top['region_code'])} "
            f"(LQ {angka(top['lq'], 2)}). Aturan: {CITATIONS['lq']}.")
    dlq = a.tables.get("dlq")
    if dlq is not None and "slq_dlq_class" in dlq.columns:
        counts = dlq["slq_dlq_class"].astype(str).value_counts()
        parts = [f"{k} {angka(counts.get(k, 0), 0)}" for k in dlq["slq_dlq_class"].cat.categories]
        text += (f"\n\nPerubahan pangsa dinilai dengan DLQ ({a.start_year}–{a.end_year}): DLQ > 1 berarti pangsa "
                 f"sektor dalam PDRB kab/kota naik relatif terhadap pangsa sektor yang sama di {md_escape(a.province_name)}. "
                 f"Itu bukan ukuran laju pertumbuhan. {_dlq_caveat(a, dlq)}Gabungan SLQ×DLQ menghasilkan pasangan "
                 f"kab/kota–sektor: {daftar(parts)}. Aturan: {CITATIONS['dlq']}; {CITATIONS['slq_dlq']}.")
    return _md(text)


def _dlq_caveat(a, dlq: pd.DataFrame) -> str:
    """How many DLQ > 1 are share rises without faster growth, and where the region's total shrank."""
    if "dlq_note" not in dlq.columns:
        return ""
    up = dlq[dlq["dlq"] > 1]
    if up.empty:
        return ""
    note = up["dlq_note"].astype(str)
    slower = note.str.contains("sector growth not above", regex=False)
    text = (f"Dari {angka(len(up), 0)} pasangan dengan DLQ > 1, {angka(int(slower.sum()), 0)} sektornya sendiri "
            f"tidak tumbuh lebih cepat daripada sektor yang sama di {md_escape(a.province_name)}; pangsanya naik karena PDRB "
            "kab/kota itu secara keseluruhan tumbuh lebih lambat. ")
    shrink = up[note.str.contains("shrank", regex=False)]
    if len(shrink):
        n_sectors = dlq.groupby("region_code")["sector_code"].size()
        parts = []
        for r, g in shrink.groupby("region_code", sort=True):
            gj = g["region_growth_pct"].iloc[0] if "region_growth_pct" in g.columns else float("nan")
            parts.append(f"{_name(a, r)} ({angka(len(g), 0)} dari {angka(n_sectors[r], 0)} sektor DLQ > 1; PDRB "
                         f"{persen(gj, 2)} per tahun)")
        text += (f"PDRB total menyusut di {daftar(parts)}: di sana pangsa hampir semua sektor naik karena sektor "
                 "dominan menyusut, bukan karena sektor-sektor itu unggul. ")
    return text


def shift_share(a):
    ss = a.tables.get("shift_share")
    if ss is None or not len(ss):
        return _md(f"*Shift-share tidak dihitung: {_gap(a, 'shift_share')}*")
    tot = ss.groupby("region_code")[["change", "national_share", "industry_mix", "competitive_effect"]].sum()
    pos = tot[tot["competitive_effect"] > 0].index
    text = (f"Perubahan PDRB setiap kab/kota {a.start_year}–{a.end_year} diuraikan menjadi tiga komponen. "
            f"Komponen pergeseran pangsa wilayah (PPW) positif pada {angka(len(pos), 0)} dari {angka(len(tot), 0)} kab/kota"
            + (f" ({daftar(_name(a, r) for r in sorted(pos))})" if 0 < len(pos) <= 6 else "")
            + f": sektor-sektornya tumbuh lebih cepat daripada sektor yang sama di {md_escape(a.province_name)}. "
            f"Aturan: {CITATIONS['shift_share']}.")
    if "em_flag" in ss.columns:
        flagged = ss[ss["em_flag"].fillna(False).astype(bool)]
        if len(flagged):
            worst = flagged.loc[flagged["em_net_competitive"].abs().idxmax()]
            text += (f"\n\nPada {angka(len(flagged), 0)} pasangan kab/kota–sektor basis awalnya kurang dari "
                     f"sepersepuluh basis homotetik Esteban-Marquillas; angka efek kompetitif bersih dan efek alokasinya "
                     f"berlipat dari perubahan yang sebenarnya dan tidak dibaca sebagai jumlah (ditandai di tabel). "
                     f"Contoh: {_LABEL.get(worst['sector_code'], worst['sector_code'])} di "
                     f"{_name(a, worst['region_code'])}, efek kompetitif bersih {rupiah(worst['em_net_competitive'])} "
                     f"untuk perubahan sebenarnya {rupiah(worst['change'])}.")
        if "em_type" in ss.columns:
            counts = ss["em_type"].astype(str).value_counts()
            parts = [f"{k} {angka(counts.get(k, 0), 0)}" for k in ss["em_type"].cat.categories]
            text += f" Tipe Esteban-Marquillas (pasangan kab/kota–sektor): {daftar(parts)}."
    return _md(text)


def klassen(a, table: str = "klassen_sector"):
    k = a.tables.get(table)
    if k is None or not len(k):
        return _md(f"*Tipologi Klassen tidak dihitung: {_gap(a, table)}*")
    col = _col(k, "klassen", "klassen_class", "class", "typology", "kuadran", "quadrant")
    if col is None:
        return _md(f"Aturan: {CITATIONS['klassen']}.")
    counts = k[col].astype(str).value_counts().sort_index()
    parts = [f"{lab}: {angka(n, 0)}" for lab, n in counts.items() if lab not in ("nan", "<NA>")]
    unit = "pasangan kab/kota–sektor" if table == "klassen_sector" else "kab/kota"
    text = f"Jumlah {unit} per kuadran — {'; '.join(parts)}."
    if "knife_edge" in k.columns and k["knife_edge"].fillna(False).astype(bool).any():
        edge = k[k["knife_edge"].fillna(False).astype(bool)].sort_values("region_code")
        items = []
        for r in edge.itertuples():
            near = []
            if abs(r.per_capita_margin_pct) < 5:
                near.append(f"PDRB per kapita {persen(r.per_capita_margin_pct, 2)} dari acuan")
            if abs(r.growth_margin_pp) < 0.05 * abs(r.reference_growth):
                near.append(f"pertumbuhan {poin_persen(r.growth_margin_pp, 2)} dari acuan")
            items.append(f"{_name(a, r.region_code)} — {r.klassen} ({'; '.join(near)})")
        text += (" Di tepi ambang (kurang dari 5 % dari batas kuadran; revisi kecil data dapat memindahkan "
                 f"kuadrannya): {daftar(items)}.")
    return _md(f"{text} Aturan: {CITATIONS['klassen']}.")


def mrp(a):
    m = a.tables.get("mrp")
    if m is None or not len(m):
        return _md(f"*MRP tidak dihitung: {_gap(a, 'mrp')}*")
    both = m[(m["rpr_sign"].astype(str) == "+") & (m["rps_sign"].astype(str) == "+")]
    ratio_only = m[(m["rpr"] > 1) & (m["rps"] > 1)].index.difference(both.index)
    text = (f"{angka(len(both), 0)} pasangan kab/kota–sektor menonjol di tingkat provinsi maupun kab/kota (tanda "
            "RPr + dan RPs +: sektor itu tumbuh lebih cepat daripada ekonomi provinsi, dan di kab/kota lebih cepat "
            "daripada sektor yang sama di provinsi).")
    if len(ratio_only):
        text += (f" {angka(len(ratio_only), 0)} pasangan lain memiliki rasio RPr dan RPs di atas 1 hanya karena "
                 "pembilang dan penyebutnya sama-sama negatif (rasio dua penurunan); pasangan itu tidak menonjol.")
    return _md(f"{text} Aturan: {CITATIONS['mrp']}.")


def ketimpangan(a):
    ineq = a.tables.get("inequality")
    if ineq is None or not len(ineq):
        return _md(f"*Indeks ketimpangan tidak dihitung: {_gap(a, 'inequality')}*")
    txt = _williamson_trend(ineq) or "Lihat tabel indeks ketimpangan."
    scopes = [sc for sc in dict.fromkeys(ineq["scope"]) if str(sc).endswith("tanpa pertambangan")] \
        if "scope" in ineq.columns else []
    for sc in scopes:
        nb = _williamson_trend(ineq, scope=sc)
        if nb:
            txt += (" Tanpa pertambangan (lapangan usaha B dikeluarkan dari PDRB per kapita; 17 lapangan usaha tidak "
                    "memisahkan migas dari batu bara): " + nb.removeprefix("Indeks Williamson tertimbang ")
                    .split(" Deret penduduk")[0])
    return _md(f"{txt} Perubahan kurang dari {angka(TREND_TOLERANCE, 3)} disebut relatif tetap. Aturan: "
               f"{CITATIONS['williamson']}; {CITATIONS['theil']}. Ketimpangan dihitung atas PDRB per kapita kab/kota "
               "(ADHK); sumber penduduk disebut pada setiap baris, dan deret tidak disambung antar-sumber.")


def konvergensi(a):
    c = a.tables.get("convergence")
    if c is None or not len(c):
        return _md(f"*Konvergensi tidak dihitung: {_gap(a, 'convergence')}*")
    scopes = list(dict.fromkeys(c["scope"])) if "scope" in c.columns else [None]
    main = _beta_text(a, c, scopes[0], _name)
    text = "Konvergensi beta antar kab/kota: " + "; ".join(main) + "." if main else ""
    for sc in scopes[1:]:
        if str(sc).endswith("tanpa pertambangan"):
            nb = _beta_text(a, c, sc, _name)
            if nb:
                text += " Tanpa pertambangan: " + "; ".join(nb) + "."
    return _md(f"{text} Aturan: {CITATIONS['convergence']}.")


def terhadap_indonesia(a):
    """The province against Indonesia (Σ 17 lapangan usaha), in the last year both have."""
    if not a.has_national:
        return _md(f"*Perbandingan dengan Indonesia tidak dihitung: {_gap(a, 'nasional')}*")
    lq = a.tables.get("lq_nasional")
    tot = a.tables["pdrb_tahunan"]
    year = int(tot.loc[tot["region_code"] == NATIONAL_CODE, "year"].max())
    text = ""
    if lq is not None and len(lq):
        year = int(lq["year"].max())
        d = lq[(lq["year"] == year) & (lq["region_code"] == a.province_code)]
        basis = d[d["lq"] > 1].sort_values(["lq", "sector_code"], ascending=[False, True])
        text = (f"Terhadap Indonesia, {md_escape(a.province_name)} memiliki {angka(len(basis), 0)} sektor basis pada "
                f"{year} (LQ > 1: peran sektor dalam PDRB provinsi lebih besar daripada dalam Σ 17 lapangan usaha "
                "Indonesia): "
                + daftar(f"{_LABEL.get(r.sector_code, r.sector_code)} (LQ {angka(r.lq, 2)})" for r in basis.itertuples())
                + ".")
    e = tot[tot["year"] == year].set_index("region_code")["value"]
    text += (f" PDRB {md_escape(a.province_name)} tahun {year} setara {persen(100 * e[a.province_code] / e[NATIONAL_CODE], 2)} "
             f"dari jumlah 17 lapangan usaha PDB Indonesia (ADHK).")
    if year != a.end_year:
        text += f" Σ 17 lapangan usaha Indonesia ada dalam data sampai {year}."
    return _md(text.strip())


def kualitas_data(a):
    q = a.quality
    disc = q["selisih_kabkota"]
    d = disc[disc["year"].between(a.start_year, a.end_year)].dropna(subset=["difference_pct"])
    lines = []
    if len(d):
        lines.append(f"- Jumlah PDRB kab/kota berbeda dari PDRB provinsi yang diterbitkan BPS sebesar "
                     f"{persen(d['difference_pct'].min(), 2)} sampai {persen(d['difference_pct'].max(), 2)} "
                     f"({d['year'].min()}–{d['year'].max()}); wilayah acuan laporan ini: "
                     f"{'provinsi sebagaimana diterbitkan' if a.reference == 'published' else 'Σ kab/kota'}.")
    prov = q["angka_sementara"]
    if len(prov):
        lines.append("- Angka sementara: " + daftar(f"{r.year} ({r.status})" for r in
                                                   prov.drop_duplicates(["year", "status"]).itertuples()) + ".")
    else:
        lines.append(f"- Semua angka {a.start_year}–{a.end_year} yang dipakai adalah angka tetap.")
    excl = q["angka_ditolak"]
    if len(excl):
        lines.append(f"- {angka(len(excl), 0)} angka sumber ditolak karena tidak konsisten (tahun "
                     f"{daftar(str(y) for y in sorted(excl['year'].unique()))}); alasannya ada di tabel angka ditolak.")
    miss = q["kekosongan"]
    lines.append(f"- Kab/kota-tahun tanpa angka dalam jendela analisis: {angka(len(miss), 0)}." if len(miss)
                 else "- Tidak ada kab/kota-tahun yang kosong dalam jendela analisis."
                 if a.has_members else "- PDRB kab/kota tidak tersedia (lihat catatan cakupan).")
    if a.gaps:
        lines.append(f"- Catatan cakupan data ({angka(len(a.gaps), 0)}) ada di awal laporan.")
    return _md("\n".join(lines))


def nasional(n):
    """Opening paragraph of the national summary."""
    mg = n.tables["pertumbuhan_rata"]
    p = mg[mg["region_code"] != NATIONAL_CODE].sort_values(["mean_growth_pct", "region_code"], ascending=[False, True])
    nat = mg.loc[mg["region_code"] == NATIONAL_CODE, "mean_growth_pct"]
    faster = int((p["mean_growth_pct"] > nat.iloc[0]).sum()) if len(nat) else 0
    text = (f"Ringkasan ini membandingkan {angka(len(p), 0)} provinsi dengan Indonesia, {n.start_year}–{n.end_year} "
            f"(PDRB ADHK 2010, jumlah 17 lapangan usaha). Rata-rata pertumbuhan tertinggi: "
            f"{md_escape(p.iloc[0]['region_name'])} ({persen(p.iloc[0]['mean_growth_pct'], 2)} per tahun); terendah: "
            f"{md_escape(p.iloc[-1]['region_name'])} ({persen(p.iloc[-1]['mean_growth_pct'], 2)} per tahun).")
    if len(nat):
        text += (f" Indonesia tumbuh {persen(nat.iloc[0], 2)} per tahun; {angka(faster, 0)} provinsi tumbuh lebih cepat.")
    return _md(text)
