"""Generated paragraphs (Bahasa Indonesia) for the reports; every number is computed from the tables.

Wording rules kept here:

* LQ speaks of *share* (peran, pangsa), never of growth: "LQ > 1: peran sektor di daerah lebih
  besar daripada perannya di wilayah acuan" — growth claims come from DLQ, shift-share or MRP.
* A classification is always given with its rule and its source (e.g. Klassen: Sjafrizal 2008).
* Numbers are Indonesian (``1.234,5``; ``12,3 %``; miliar rupiah); years are plain.
* A section whose data is missing says so and why, rather than disappearing.

Each function returns an ``IPython.display.Markdown`` object (rendered as a paragraph in the
notebook and in the HTML).
"""

from __future__ import annotations

import pandas as pd

from potensi.data.sectors import SECTORS
from potensi.indicators.location_quotient import SLQ_DLQ_LABELS, SLQ_DLQ_RULES
from potensi.report.formatting import angka, daftar, persen, poin_persen, rupiah

__all__ = [
    "judul",
    "catatan_data",
    "ringkasan_eksekutif",
    "struktur",
    "pertumbuhan",
    "sektor_basis",
    "shift_share",
    "klassen",
    "mrp",
    "ketimpangan",
    "konvergensi",
    "kerja_sama",
    "terhadap_indonesia",
    "kualitas_data",
    "nasional",
    "CITATIONS",
]

_LABEL = dict(zip(SECTORS["sector_code"], SECTORS["sector_label"]))

#: The rule and the source of each label used in the reports.
CITATIONS = {
    "lq": "LQ = (X_ij/X_i)/(X_j/X); LQ > 1: sektor basis (Richardson 1977; Tarigan 2005)",
    "dlq": "DLQ membandingkan laju pertumbuhan sektor di daerah dengan di wilayah acuan; DLQ > 1: sektor tumbuh "
           "relatif lebih cepat (Suyatno 2000; Kuncoro 2004)",
    "slq_dlq": "SLQ×DLQ: " + ", ".join(
        f"{label} ({rule.replace('<=', '≤')})"
        for label, rule in zip(SLQ_DLQ_LABELS["kuncoro"].categories, SLQ_DLQ_RULES, strict=True)
    ) + " (Kuncoro 2004)",
    "shift_share": "Shift-share: perubahan = pertumbuhan acuan (NS) + bauran industri (IM) + keunggulan "
                   "kompetitif (CE) (Dunn 1960; Esteban-Marquillas 1972)",
    "klassen": "Tipologi Klassen: laju pertumbuhan dan peran/PDRB per kapita dibandingkan dengan wilayah acuan; "
               "maju dan tumbuh cepat, maju tapi tertekan, berkembang cepat, relatif tertinggal (Sjafrizal 2008)",
    "mrp": "MRP: RPr (pertumbuhan sektor di wilayah acuan) dan RPs (di daerah); nilai > 1: menonjol "
           "(Yusuf 1999); overlay MRP dan LQ",
    "williamson": "Indeks Williamson tertimbang penduduk: < 0,35 rendah, 0,35–0,5 sedang, > 0,5 tinggi "
                  "(Williamson 1965; Sjafrizal 2008)",
    "theil": "Indeks Theil T, terurai atas ketimpangan antar- dan dalam-kelompok (Theil 1967)",
    "convergence": "Konvergensi beta: regresi laju pertumbuhan rata-rata atas log PDRB per kapita awal; "
                   "koefisien negatif: daerah tertinggal tumbuh lebih cepat (Barro & Sala-i-Martin 1992)",
    "gravity": "Model gravitasi: interaksi sebanding dengan perkalian massa ekonomi dibagi kuadrat jarak "
               "(Isard 1960); komplementaritas: sektor basis yang saling mengisi",
}


def _md(text: str):
    from IPython.display import Markdown

    return Markdown(text)


def _col(frame: pd.DataFrame, *names: str) -> str | None:
    return next((n for n in names if n in frame.columns), None)


def _name(a, code: str) -> str:
    hit = a.pdrb.loc[a.pdrb["region_code"] == code, "region_name"]
    return str(hit.iloc[0]) if len(hit) else code


def judul(a):
    """Title and one-line scope of the report."""
    kind = "Provinsi"
    return _md(f"# Potensi Ekonomi Daerah {kind} {a.province_name}\n\n"
               f"**Sektor unggulan dan peluang kerja sama antardaerah, {a.start_year}–{a.end_year}** · "
               f"PDRB atas dasar harga konstan 2010 (ADHK), miliar rupiah · wilayah acuan: "
               f"{'provinsi sebagaimana diterbitkan BPS' if a.reference == 'published' else 'jumlah kab/kota (Σ kab/kota)'}"
               + (f" · sektor dikecualikan: {daftar(_LABEL[s] for s in a.excluded_sectors)}" if a.excluded_sectors else ""))


def catatan_data(a):
    """The gaps of this report, stated before the analysis (empty when nothing is missing)."""
    if not a.gaps:
        return _md("")
    items = "\n".join(f"- {g.split('] ', 1)[-1]}" for g in a.gaps)
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
    worst = t.dropna(subset=["growth_pct"]).sort_values(["growth_pct", "year"]).iloc[0]
    best = t.dropna(subset=["growth_pct"]).sort_values(["growth_pct", "year"], ascending=[False, True]).iloc[0]
    text = (f"PDRB {a.province_name} (jumlah 17 lapangan usaha, ADHK 2010) adalah {rupiah(first['value'])} pada "
            f"{first['year']} dan {rupiah(last['value'])} pada {last['year']}: rata-rata pertumbuhan "
            f"{persen(g, 2)} per tahun (majemuk). Pertumbuhan tertinggi {persen(best['growth_pct'])} ({best['year']}), "
            f"terendah {persen(worst['growth_pct'])} ({worst['year']}).")
    if "0000" in mg.index:
        gn = mg.loc["0000", "mean_growth_pct"]
        rel = "lebih cepat" if g > gn else "lebih lambat"
        text += (f" Pada periode yang sama PDB Indonesia (jumlah 17 lapangan usaha) tumbuh {persen(gn, 2)} per tahun; "
                 f"ekonomi {a.province_name} tumbuh {rel} ({poin_persen(g - gn, 2)}).")
    if t["provisional"].any():
        years = daftar(str(y) for y in t.loc[t["provisional"], "year"])
        text += f" Angka {years} masih sementara dan dapat direvisi BPS."
    return _md(text)


def struktur(a):
    """The largest sectors of the province and how the structure moved between the window's ends."""
    s = a.tables["struktur"]
    p = s[s["region_code"] == a.province_code]
    end = p[p["year"] == a.end_year].sort_values(["share_pct", "sector_code"], ascending=[False, True])
    start = p[p["year"] == a.start_year].set_index("sector_code")["share_pct"]
    top = end.head(3)
    parts = [f"{r.sector_label} ({persen(r.share_pct)})" for r in top.itertuples()]
    text = (f"Tiga lapangan usaha dengan peran terbesar dalam PDRB {a.province_name} tahun {a.end_year}: "
            f"{daftar(parts)}; bersama-sama {persen(top['share_pct'].sum())} dari PDRB.")
    delta = (end.set_index("sector_code")["share_pct"] - start).dropna()
    if len(delta):
        up, down = delta.idxmax(), delta.idxmin()
        text += (f" Antara {a.start_year} dan {a.end_year} peran {_LABEL[up]} naik paling banyak "
                 f"({poin_persen(delta[up])}), peran {_LABEL[down]} turun paling banyak ({poin_persen(delta[down])}).")
    return _md(text)


def _leading_by_region(a, n: int = 3) -> dict[str, list[str]]:
    """Up to ``n`` best-ranked sectors per kab/kota that the synthesis labels unggulan or potensial."""
    su = a.tables.get("sektor_unggulan")
    if su is None or not len(su) or "label" not in su.columns:
        return {}
    d = su[su["label"].astype(str) != "bukan sektor unggulan"].sort_values(["region_code", "rank"])
    return {r: [f"{_LABEL.get(x.sector_code, x.sector_code)} ({x.label})" for x in g.head(n).itertuples()]
            for r, g in d.groupby("region_code", sort=True)}


def ringkasan_eksekutif(a):
    """The findings: leading sectors per kab/kota, cooperation pairs, inequality trend, growth."""
    lines = []
    t = _totals(a, a.province_code)
    mg = a.tables["pertumbuhan_rata"].set_index("region_code")
    lines.append(f"- **Pertumbuhan.** PDRB {a.province_name} tumbuh rata-rata "
                 f"{persen(mg.loc[a.province_code, 'mean_growth_pct'], 2)} per tahun pada {a.start_year}–{a.end_year} "
                 f"(dari {rupiah(t.iloc[0]['value'])} menjadi {rupiah(t.iloc[-1]['value'])}, ADHK 2010)"
                 + (f"; Indonesia {persen(mg.loc['0000', 'mean_growth_pct'], 2)} per tahun." if "0000" in mg.index else "."))
    s = a.tables["struktur"]
    p = s[(s["region_code"] == a.province_code) & (s["year"] == a.end_year)].sort_values(
        ["share_pct", "sector_code"], ascending=[False, True])
    lines.append(f"- **Struktur.** Lapangan usaha terbesar tahun {a.end_year}: {p.iloc[0]['sector_label']} "
                 f"({persen(p.iloc[0]['share_pct'])} dari PDRB).")
    lead = _leading_by_region(a)
    if lead:
        items = [f"{_name(a, r)}: {daftar(v[:3])}" for r, v in lead.items() if v]
        lines.append("- **Sektor unggulan per kab/kota** (sintesis LQ, DLQ, shift-share, Klassen dan MRP; "
                     "paling banyak tiga per kab/kota): " + "; ".join(items) + ".")
    elif a.has_members:
        lines.append(f"- **Sektor unggulan per kab/kota:** belum dihitung ({a.gap_for('dlq')})")
    coop = a.tables.get("cooperation")
    if coop is not None and len(coop):
        pairs = _top_pairs(coop, 3)
        if pairs:
            lines.append("- **Peluang kerja sama utama:** " + "; ".join(pairs) + ".")
    ineq = a.tables.get("inequality")
    if ineq is not None and len(ineq):
        txt = _williamson_trend(ineq)
        if txt:
            lines.append(f"- **Ketimpangan antar kab/kota.** {txt}")
    if a.gaps:
        lines.append(f"- **Keterbatasan data:** {len(a.gaps)} catatan (lihat bagian *Kualitas data dan sumber*).")
    return _md("\n".join(lines))


def _top_pairs(coop: pd.DataFrame, n: int) -> list[str]:
    """The ``n`` best cooperation opportunities: supplier → partner (sector, LQs, distance)."""
    need = {"score", "supplier_name", "partner_name", "sector_code", "lq_supplier", "lq_partner", "distance_km"}
    if not need <= set(coop.columns):
        return []
    d = coop.dropna(subset=["score"]).sort_values(["score", "supplier", "partner", "sector_code"],
                                                  ascending=[False, True, True, True]).head(n)
    return [f"{r.supplier_name} → {r.partner_name} ({_LABEL.get(r.sector_code, r.sector_code)}, LQ "
            f"{angka(r.lq_supplier, 2)} terhadap {angka(r.lq_partner, 2)}, jarak {angka(r.distance_km, 0)} km)"
            for r in d.itertuples()]


def _williamson_trend(ineq: pd.DataFrame) -> str:
    """Weighted Williamson within the latest population segment (series are not spliced across sources)."""
    d = ineq[ineq["index"].astype(str) == "williamson_weighted"].dropna(subset=["value"])
    if d.empty:
        return ""
    last_src = d.sort_values("year")["population_source"].iloc[-1]
    seg = d[d["population_source"] == last_src].sort_values("year")
    a0, a1 = seg.iloc[0], seg.iloc[-1]
    direction = "menurun" if a1["value"] < a0["value"] else "meningkat" if a1["value"] > a0["value"] else "tetap"
    cls = f", kelas {a1['class']}" if "class" in seg.columns and isinstance(a1["class"], str) else ""
    text = (f"Indeks Williamson tertimbang {direction} dari {angka(a0['value'], 3)} ({a0['year']}) menjadi "
            f"{angka(a1['value'], 3)} ({a1['year']}{cls}; penduduk: {last_src}).")
    if d["population_source"].nunique() > 1:
        text += (" Deret penduduk berganti sumber (BPS sampai 2017, Dukcapil sejak 2018); angka hanya sebanding "
                 "di dalam satu sumber.")
    return text


def sektor_basis(a):
    """LQ (share), DLQ and the SLQ×DLQ classes, worded as share vs growth."""
    lq = a.tables.get("lq")
    if lq is None or not len(lq):
        return _md(f"*LQ tidak dihitung: {a.gap_for('lq')}*")
    d = lq[lq["year"] == lq["year"].max()]
    n_basis = d[d["lq"] > 1].groupby("region_code").size()
    top = d.sort_values(["lq", "region_code", "sector_code"], ascending=[False, True, True]).iloc[0]
    text = (f"*Location quotient* (LQ) membandingkan **peran (pangsa)** sebuah lapangan usaha dalam PDRB kab/kota "
            f"dengan perannya dalam PDRB {a.province_name}; LQ > 1 berarti sektor itu sektor basis — perannya lebih "
            f"besar daripada di wilayah acuan. LQ tidak mengukur pertumbuhan. Tahun {int(d['year'].max())} setiap "
            f"kab/kota memiliki {angka(n_basis.min(), 0)} sampai {angka(n_basis.max(), 0)} sektor basis; LQ tertinggi "
            f"adalah {_LABEL.get(top['sector_code'], top['sector_code'])} di {_name(a, top['region_code'])} "
            f"(LQ {angka(top['lq'], 2)}). Aturan: {CITATIONS['lq']}.")
    dlq = a.tables.get("dlq")
    if dlq is not None and "slq_dlq_class" in dlq.columns:
        counts = dlq["slq_dlq_class"].astype(str).value_counts()
        parts = [f"{k} {angka(counts.get(k, 0), 0)}" for k in dlq["slq_dlq_class"].cat.categories]
        text += (f"\n\nPertumbuhan relatif dinilai dengan DLQ ({a.start_year}–{a.end_year}). Gabungan SLQ×DLQ "
                 f"menghasilkan pasangan kab/kota–sektor: {daftar(parts)}. Aturan: {CITATIONS['slq_dlq']}.")
    return _md(text)


def shift_share(a):
    ss = a.tables.get("shift_share")
    if ss is None or not len(ss):
        return _md(f"*Shift-share tidak dihitung: {a.gap_for('shift_share')}*")
    tot = ss.groupby("region_code")[["change", "national_share", "industry_mix", "competitive_effect"]].sum()
    pos = tot[tot["competitive_effect"] > 0].index
    text = (f"Perubahan PDRB setiap kab/kota {a.start_year}–{a.end_year} diuraikan menjadi tiga komponen. "
            f"Komponen keunggulan kompetitif (CE) positif pada {angka(len(pos), 0)} dari {angka(len(tot), 0)} kab/kota"
            + (f" ({daftar(_name(a, r) for r in sorted(pos))})" if 0 < len(pos) <= 6 else "")
            + f": sektor-sektornya tumbuh lebih cepat daripada sektor yang sama di {a.province_name}. "
            f"Aturan: {CITATIONS['shift_share']}.")
    return _md(text)


def klassen(a, table: str = "klassen_sector"):
    k = a.tables.get(table)
    if k is None or not len(k):
        return _md(f"*Tipologi Klassen tidak dihitung: {a.gap_for(table)}*")
    col = _col(k, "klassen", "klassen_class", "class", "typology", "kuadran", "quadrant")
    if col is None:
        return _md(f"Aturan: {CITATIONS['klassen']}.")
    counts = k[col].astype(str).value_counts().sort_index()
    parts = [f"{lab}: {angka(n, 0)}" for lab, n in counts.items() if lab not in ("nan", "<NA>")]
    unit = "pasangan kab/kota–sektor" if table == "klassen_sector" else "kab/kota"
    return _md(f"Jumlah {unit} per kuadran — {'; '.join(parts)}. Aturan: {CITATIONS['klassen']}.")


def mrp(a):
    m = a.tables.get("mrp")
    if m is None or not len(m):
        return _md(f"*MRP tidak dihitung: {a.gap_for('mrp')}*")
    both = m[(m["rpr"] > 1) & (m["rps"] > 1)]
    return _md(f"{angka(len(both), 0)} pasangan kab/kota–sektor menonjol di tingkat provinsi maupun kab/kota "
               f"(RPr > 1 dan RPs > 1). Aturan: {CITATIONS['mrp']}.")


def ketimpangan(a):
    ineq = a.tables.get("inequality")
    if ineq is None or not len(ineq):
        return _md(f"*Indeks ketimpangan tidak dihitung: {a.gap_for('inequality')}*")
    txt = _williamson_trend(ineq) or "Lihat tabel indeks ketimpangan."
    return _md(f"{txt} Aturan: {CITATIONS['williamson']}; {CITATIONS['theil']}. Ketimpangan dihitung atas PDRB per kapita kab/kota; "
               "sumber penduduk disebut pada setiap baris, dan deret tidak disambung antar-sumber.")


def konvergensi(a):
    c = a.tables.get("convergence")
    if c is None or not len(c):
        return _md(f"*Konvergensi tidak dihitung: {a.gap_for('convergence')}*")
    beta = c[(c["method"] == "beta") & (c["statistic"] == "beta")]
    pv = c[(c["method"] == "beta") & (c["statistic"] == "p_value")].set_index("population_source")["value"]
    parts = []
    for r in beta.sort_values("start_year").itertuples():
        p = pv.get(r.population_source)
        significant = p is not None and p < 0.05
        verdict = ("konvergen (daerah dengan PDRB per kapita awal lebih rendah tumbuh lebih cepat)"
                   if r.value < 0 and significant else "arah konvergen, tetapi tidak signifikan" if r.value < 0
                   else "tidak ada konvergensi")
        sig = f", p = {angka(p, 3)}{'' if p < 0.05 else ', tidak signifikan pada 5 %'}" if p is not None else ""
        parts.append(f"{r.start_year}–{r.end_year} (penduduk {r.population_source}): β = {angka(r.value, 4)}{sig}"
                     f" — {verdict}")
    text = "Konvergensi beta antar kab/kota: " + "; ".join(parts) + "." if parts else ""
    return _md(f"{text} Aturan: {CITATIONS['convergence']}.")


def kerja_sama(a):
    coop = a.tables.get("cooperation")
    if coop is None or not len(coop):
        return _md(f"*Peluang kerja sama tidak dihitung: {a.gap_for('cooperation')}*")
    pairs = _top_pairs(coop, 5)
    text = "Pasangan kab/kota dengan peluang kerja sama tertinggi: " + ("; ".join(pairs) if pairs else "lihat tabel") + "."
    return _md(f"{text} Aturan: {CITATIONS['gravity']}.")


def terhadap_indonesia(a):
    if not a.has_national:
        return _md(f"*Perbandingan dengan Indonesia tidak dihitung: {a.gap_for('nasional')}*")
    lq = a.tables.get("lq_nasional")
    s = a.tables["struktur"]
    end = s[s["year"] == a.end_year].pivot_table(index="sector_code", columns="region_code", values="share_pct")
    text = ""
    if lq is not None and len(lq):
        d = lq[(lq["year"] == a.end_year) & (lq["region_code"] == a.province_code)]
        basis = d[d["lq"] > 1].sort_values(["lq", "sector_code"], ascending=[False, True])
        text = (f"Terhadap Indonesia, {a.province_name} memiliki {angka(len(basis), 0)} sektor basis pada "
                f"{a.end_year} (LQ > 1: peran sektor dalam PDRB provinsi lebih besar daripada dalam PDB): "
                + daftar(f"{_LABEL.get(r.sector_code, r.sector_code)} (LQ {angka(r.lq, 2)})" for r in basis.itertuples())
                + ".")
    else:
        diff = (end[a.province_code] - end["0000"]).sort_values(ascending=False)
        top = diff.index[0]
        text = (f"Peran {_LABEL[top]} dalam PDRB {a.province_name} tahun {a.end_year} adalah "
                f"{persen(end.loc[top, a.province_code])}, dibanding {persen(end.loc[top, '0000'])} dalam PDB Indonesia.")
    tot = a.tables["pdrb_tahunan"]
    e = tot[tot["year"] == a.end_year].set_index("region_code")["value"]
    text += (f" PDRB {a.province_name} tahun {a.end_year} setara {persen(100 * e[a.province_code] / e['0000'], 2)} "
             f"dari jumlah 17 lapangan usaha PDB Indonesia.")
    return _md(text)


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
    for g in a.gaps:
        lines.append(f"- {g.split('] ', 1)[-1]}")
    return _md("\n".join(lines))


def nasional(n):
    """Opening paragraph of the national summary."""
    mg = n.tables["pertumbuhan_rata"]
    p = mg[mg["region_code"] != "0000"].sort_values(["mean_growth_pct", "region_code"], ascending=[False, True])
    nat = mg.loc[mg["region_code"] == "0000", "mean_growth_pct"]
    faster = int((p["mean_growth_pct"] > nat.iloc[0]).sum()) if len(nat) else 0
    text = (f"Ringkasan ini membandingkan {angka(len(p), 0)} provinsi dengan Indonesia, {n.start_year}–{n.end_year} "
            f"(PDRB ADHK 2010, jumlah 17 lapangan usaha). Rata-rata pertumbuhan tertinggi: "
            f"{p.iloc[0]['region_name']} ({persen(p.iloc[0]['mean_growth_pct'], 2)} per tahun); terendah: "
            f"{p.iloc[-1]['region_name']} ({persen(p.iloc[-1]['mean_growth_pct'], 2)} per tahun).")
    if len(nat):
        text += (f" Indonesia tumbuh {persen(nat.iloc[0], 2)} per tahun; {angka(faster, 0)} provinsi tumbuh lebih cepat.")
    return _md(text)
