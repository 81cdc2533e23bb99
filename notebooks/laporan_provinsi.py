# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (potensi)
#     language: python
#     name: python3
# ---

# %% [markdown]
# <!-- Templat laporan provinsi. Ubah parameter di sel berikut, lalu "Run All".
#      Semua perhitungan ada di paket potensi; sel-sel di bawah hanya memanggilnya. -->

# %% tags=["parameters"]
province_code = "64"
start_year = 2013
end_year = None  # None: the latest year with kab/kota data (2022), else the province's
reference = "published"
excluded_sectors = []
population_source = None  # None: the source covering end_year ("dukcapil" 2018–2023, "bps" 2013–2017)
extra_data = []  # files of the region's own figures (potensi template, --add); the file's figure wins
max_table_rows = 30
workbook = ""
profiles_dir = ""  # report folder: profile pages go to its kabkota/ subfolder; empty: none
run_date = ""  # ISO date-time of the run (one per run: report, workbook, profiles, manifest); empty: now

# %%
from potensi.report import figures, findings, narrative, panels, profiles, view
from potensi.study.provenance import provenance, provenance_table
from potensi.study.province import analyse, province_study

study = province_study(province_code, start_year=start_year, end_year=end_year, reference=reference,
                       excluded_sectors=excluded_sectors, population_source=population_source,
                       extra_data=extra_data)
a = analyse(study)

# %%
narrative.judul(a)

# %%
narrative.catatan_data(a)

# %% [markdown]
# ## 1. Ringkasan eksekutif

# %%
findings.ringkasan_eksekutif(a)

# %%
profiles.link_table(a)

# %% [markdown]
# ## 2. Potensi lapangan usaha per kab/kota

# %%
findings.potensi_sektor(a)

# %%
panels.kelas_heatmap(a)

# %%
findings.kelas_per_kabkota(a)

# %% [markdown]
# ### Tanpa pertambangan

# %%
findings.tanpa_pertambangan(a)

# %%
view.table(a, "sektor_unggulan", caption="Kelas potensi dan dimensinya per kab/kota dan lapangan usaha", max_rows=max_table_rows) if a.has("sektor_unggulan") else None

# %% [markdown]
# ## 3. Keterkaitan antarsektor

# %%
findings.keterkaitan(a)

# %%
panels.linkage_quadrant(a)

# %%
view.table(a, "io_sektor", frame=panels.io_table(a), caption="Angka pengganda, keterkaitan dan orientasi ekspor per lapangan usaha (tabel IO BPS 2016)", decimals=3) if a.has("io_sektor") else None

# %%
panels.io_kabkota(a)

# %% [markdown]
# ## 4. Kerja sama daerah

# %%
findings.kerja_sama(a)

# %%
view.table(a, "kerja_sama_berjalan", caption="Kerja sama berjalan menurut berkas isian (tidak diusulkan lagi)") if a.has("kerja_sama_berjalan") else None

# %%
panels.cooperation_map(a)

# %%
view.table(a, "ketetanggaan", frame=panels.neighbours(a), caption="Pasangan bertetangga (berbatasan), termasuk dengan kab/kota provinsi lain", decimals={"shared_border_km": 1, "distance_km": 0}, max_rows=max_table_rows) if a.has("ketetanggaan") else None

# %%
panels.rejected(a)

# %%
panels.peers(a)

# %%
panels.accessibility_note(a) if a.has("aksesibilitas") else None

# %%
view.table(a, "aksesibilitas", frame=panels.accessibility(a), caption="Aksesibilitas Hansen per kab/kota (massa: penduduk)", decimals=0) if a.has("aksesibilitas") else None

# %%
view.table(a, "interaksi_penduduk", caption="Interaksi gravitasi antar kab/kota", max_rows=max_table_rows) if a.has("interaksi_penduduk") else None

# %% [markdown]
# ## 5. Struktur dan pertumbuhan PDRB

# %%
narrative.pertumbuhan(a)

# %%
figures.pdrb_trend(a.tables["pdrb_tahunan"], a.province_code)

# %%
panels.growth_chart(a)

# %%
panels.benchmark_note(a)

# %%
narrative.struktur(a)

# %%
figures.structure(a.tables["struktur"])

# %%
view.table(a, "struktur_ringkas", caption="Peran lapangan usaha dalam PDRB (%)", decimals=2)

# %%
figures.member_contribution(a.tables["kontribusi_kabkota"]) if a.has("kontribusi_kabkota") else None

# %%
view.table(a, "pertumbuhan_rata", frame=panels.growth_table(a), caption="Rata-rata pertumbuhan PDRB per tahun (majemuk), provinsi, kab/kota dan Indonesia")

# %%
panels.growth_map(a)

# %% [markdown]
# ## 6. Sektor basis: LQ, DLQ dan SLQ×DLQ

# %%
narrative.sektor_basis(a)

# %%
figures.lq_heatmap(a.tables["lq"], year=a.end_year) if a.has("lq") else None

# %%
view.table(a, "dlq", caption="DLQ dan kelas SLQ×DLQ per kab/kota dan lapangan usaha", max_rows=max_table_rows) if a.has("dlq") else None

# %%
figures.class_heatmap(a.tables["dlq"], value="slq_dlq_class", title="Kelas SLQ×DLQ (kata label pilihan potensi; bukan kelas potensi bagian 2)") if a.has("dlq") else None

# %% [markdown]
# ## 7. Analisis shift-share

# %%
narrative.shift_share(a)

# %%
view.table(a, "shift_share", caption="Shift-share per kab/kota dan lapangan usaha (miliar rupiah)", max_rows=max_table_rows) if a.has("shift_share") else None

# %% [markdown]
# ## 8. Tipologi Klassen

# %%
narrative.klassen(a, "klassen_sector")

# %%
figures.class_heatmap(a.tables["klassen_sector"], value="klassen", categories=["maju dan tumbuh pesat", "potensial (masih dapat berkembang)", "maju tapi tertekan", "relatif tertinggal"], title="Tipologi Klassen sektoral (Sjafrizal 2008)") if a.has("klassen_sector") else None

# %%
view.table(a, "klassen_sector", caption="Tipologi Klassen sektoral", max_rows=max_table_rows) if a.has("klassen_sector") else None

# %%
narrative.klassen(a, "klassen_region") if a.has_members else None

# %%
panels.klassen_quadrant(a)

# %%
panels.klassen_map(a)

# %%
panels.per_capita_map(a)

# %%
view.table(a, "klassen_region", caption="Tipologi Klassen wilayah (kab/kota)", max_rows=max_table_rows) if a.has("klassen_region") else None

# %% [markdown]
# ## 9. Model Rasio Pertumbuhan (MRP) dan overlay

# %%
narrative.mrp(a)

# %%
figures.mrp(a.tables["mrp_nasional"], title=f"MRP {a.province_name} terhadap Indonesia: tanda RPr dan RPs dari selisih laju") if a.has("mrp_nasional") else None

# %%
view.table(a, "mrp", caption="MRP (RPr, RPs) dan overlay dengan LQ", max_rows=max_table_rows) if a.has("mrp") else None

# %% [markdown]
# ## 10. Spesialisasi dan ketimpangan

# %%
narrative.ketimpangan(a)

# %%
figures.index_over_time(a.tables["inequality"], hue="index", style="population_source", indices=["williamson_weighted", "theil_t"], title="Ketimpangan antar kab/kota") if a.has("inequality") else None

# %%
view.table(a, "inequality", caption="Indeks ketimpangan per tahun", max_rows=max_table_rows) if a.has("inequality") else None

# %%
view.table(a, "specialisation", caption="Indeks spesialisasi kab/kota", max_rows=max_table_rows) if a.has("specialisation") else None

# %% [markdown]
# ## 11. Konvergensi

# %%
narrative.konvergensi(a)

# %%
figures.index_over_time(a.tables["convergence"], hue="statistic", style="population_source", indices=["sigma", "cv"], title="Konvergensi sigma antar kab/kota") if a.has("convergence") else None

# %%
view.table(a, "convergence", caption="Konvergensi antar kab/kota", max_rows=max_table_rows) if a.has("convergence") else None

# %% [markdown]
# ## 12. Provinsi terhadap Indonesia

# %%
narrative.terhadap_indonesia(a)

# %%
view.table(a, "lq_nasional", caption="LQ provinsi terhadap Indonesia", max_rows=max_table_rows) if a.has("lq_nasional") else None

# %%
view.table(a, "shift_share_nasional", caption="Shift-share provinsi terhadap Indonesia (miliar rupiah)", max_rows=max_table_rows) if a.has("shift_share_nasional") else None

# %% [markdown]
# ## 13. Kualitas data dan sumber

# %%
narrative.kualitas_data(a)

# %%
view.table(a, "sumber", caption="Sumber angka yang dipakai")

# %%
view.table(a, "selisih_kabkota", caption="Σ kab/kota dibanding PDRB provinsi (total, ADHK 2010, miliar rupiah)")

# %%
view.table(a, "angka_sementara", caption="Angka sementara dalam jendela analisis")

# %%
view.table(a, "angka_ditolak", caption="Angka sumber yang ditolak dan alasannya", max_rows=max_table_rows)

# %%
view.table(a, "data_tambahan", caption="Angka dari berkas tambahan (--add) yang menggantikan angka bawaan", max_rows=max_table_rows) if extra_data else None

# %%
view.table(a, "berkas_tambahan", caption="Berkas tambahan dan sidik SHA-256") if extra_data else None

# %%
view.table(a, "kekosongan", caption="Kab/kota-tahun tanpa angka")

# %%
view.table(a, "kualitas_umum", caption="Ringkasan kualitas data seluruh Indonesia")

# %% [markdown]
# ## 14. Lampiran

# %%
view.table(a, "struktur", caption="Struktur PDRB menurut lapangan usaha (miliar rupiah; peran dalam %)", max_rows=max_table_rows)

# %%
view.table(a, "pdrb_tahunan", caption="PDRB per tahun (jumlah 17 lapangan usaha, ADHK 2010, miliar rupiah)", max_rows=max_table_rows)

# %%
view.table(a, "lq", caption="LQ per kab/kota, lapangan usaha dan tahun", max_rows=max_table_rows) if a.has("lq") else None

# %% [markdown]
# ## 15. Asal-usul laporan

# %%
view.table(a, "asal_usul", frame=provenance_table(provenance({"province_code": province_code, "start_year": start_year, "end_year": end_year, "reference": reference, "excluded_sectors": excluded_sectors, "population_source": population_source}, template="notebooks/laporan_provinsi.ipynb", run_date=run_date)), caption="Yang menghasilkan laporan ini", max_rows=None)

# %%
view.keep(a, "kerja_sama", "sektor_unggulan_tanpa_pertambangan", "sektor_unggulan_skenario", "daerah_serupa", "ketetanggaan")

# %%
view.workbook(a, workbook, run_date=run_date)

# %%
profiles.write_profiles_for(a, profiles_dir, run_date=run_date)
