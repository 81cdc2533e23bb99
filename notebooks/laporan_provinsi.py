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

# %%
from potensi.report import figures, narrative, profiles, view
from potensi.study.provenance import provenance, provenance_table
from potensi.study.province import analyse_province

a = analyse_province(province_code, start_year=start_year, end_year=end_year, reference=reference,
                     excluded_sectors=excluded_sectors, population_source=population_source,
                     extra_data=extra_data)

# %%
narrative.judul(a)

# %%
narrative.catatan_data(a)

# %% [markdown]
# ## 1. Ringkasan eksekutif

# %%
narrative.ringkasan_eksekutif(a)

# %%
profiles.link_table(a)

# %% [markdown]
# ## 2. Struktur dan pertumbuhan PDRB

# %%
narrative.pertumbuhan(a)

# %%
figures.pdrb_trend(a.tables["pdrb_tahunan"], a.province_code)

# %%
figures.growth_comparison(a.tables["pdrb_tahunan"], [a.province_code, "0000"])

# %%
narrative.struktur(a)

# %%
figures.structure(a.tables["struktur"])

# %%
view.table(a, "struktur_ringkas", caption="Peran lapangan usaha dalam PDRB (%)", decimals=2)

# %%
figures.member_contribution(a.tables["kontribusi_kabkota"]) if a.has("kontribusi_kabkota") else None

# %%
view.table(a, "pertumbuhan_rata", caption="Rata-rata pertumbuhan PDRB per tahun (majemuk), provinsi, kab/kota dan Indonesia")

# %% [markdown]
# ## 3. Sektor basis: LQ, DLQ dan SLQ×DLQ

# %%
narrative.sektor_basis(a)

# %%
figures.lq_heatmap(a.tables["lq"], year=a.end_year) if a.has("lq") else None

# %%
view.table(a, "dlq", caption="DLQ dan kelas SLQ×DLQ per kab/kota dan lapangan usaha", max_rows=max_table_rows)

# %%
figures.class_heatmap(a.tables["dlq"], value="slq_dlq_class", title="Kelas SLQ×DLQ (Kuncoro 2004)") if a.has("dlq") else None

# %% [markdown]
# ## 4. Analisis shift-share

# %%
narrative.shift_share(a)

# %%
view.table(a, "shift_share", caption="Shift-share per kab/kota dan lapangan usaha (miliar rupiah)", max_rows=max_table_rows)

# %% [markdown]
# ## 5. Tipologi Klassen

# %%
narrative.klassen(a, "klassen_sector")

# %%
figures.class_heatmap(a.tables["klassen_sector"], value="klassen", categories=["maju dan tumbuh pesat", "potensial (masih dapat berkembang)", "maju tapi tertekan", "relatif tertinggal"], title="Tipologi Klassen sektoral (Sjafrizal 2008)") if a.has("klassen_sector") else None

# %%
view.table(a, "klassen_sector", caption="Tipologi Klassen sektoral", max_rows=max_table_rows)

# %%
narrative.klassen(a, "klassen_region")

# %%
figures.quadrant(a.tables["klassen_region"], x="growth", y="per_capita", label="region_name", x0=a.tables["klassen_region"]["reference_growth"].iloc[0], y0=a.tables["klassen_region"]["reference_per_capita"].iloc[0], xlabel="Rata-rata pertumbuhan PDRB (%/tahun)", ylabel="PDRB per kapita (juta rupiah)", title="Tipologi Klassen wilayah", quadrant_names=("cepat maju dan cepat tumbuh", "maju tapi tertekan", "berkembang cepat", "relatif tertinggal")) if a.has("klassen_region") else None

# %%
view.table(a, "klassen_region", caption="Tipologi Klassen wilayah (kab/kota)", max_rows=max_table_rows)

# %% [markdown]
# ## 6. Model Rasio Pertumbuhan (MRP) dan overlay

# %%
narrative.mrp(a)

# %%
figures.quadrant(a.tables["mrp_nasional"], x="rps", y="rpr", label="sector_label", x0=1, y0=1, xlabel="RPs (pertumbuhan sektor di provinsi)", ylabel="RPr (pertumbuhan sektor di Indonesia)", title="MRP provinsi terhadap Indonesia") if a.has("mrp_nasional") else None

# %%
view.table(a, "mrp", caption="MRP (RPr, RPs) dan overlay dengan LQ", max_rows=max_table_rows)

# %% [markdown]
# ## 7. Spesialisasi dan ketimpangan

# %%
narrative.ketimpangan(a)

# %%
figures.index_over_time(a.tables["inequality"], hue="index", style="population_source", indices=["williamson_weighted", "theil_t"], title="Ketimpangan antar kab/kota") if a.has("inequality") else None

# %%
view.table(a, "inequality", caption="Indeks ketimpangan per tahun", max_rows=max_table_rows)

# %%
view.table(a, "specialisation", caption="Indeks spesialisasi kab/kota", max_rows=max_table_rows)

# %% [markdown]
# ## 8. Konvergensi

# %%
narrative.konvergensi(a)

# %%
figures.index_over_time(a.tables["convergence"], hue="statistic", style="population_source", indices=["sigma", "cv"], title="Konvergensi sigma antar kab/kota") if a.has("convergence") else None

# %%
view.table(a, "convergence", caption="Konvergensi antar kab/kota", max_rows=max_table_rows)

# %% [markdown]
# ## 9. Peluang kerja sama antardaerah

# %%
narrative.kerja_sama(a)

# %%
figures.cooperation_pairs(a.tables["cooperation"], score="score", a="supplier_name", b="partner_name", label="sector_label", title="Peluang kerja sama teratas (pemasok → mitra, lapangan usaha)") if a.has("cooperation") else None

# %%
view.table(a, "cooperation", caption="Pasangan kab/kota menurut peluang kerja sama (komplementaritas dan gravitasi)", max_rows=max_table_rows)

# %%
view.table(a, "sektor_unggulan", caption="Sektor unggulan per kab/kota (sintesis)", max_rows=max_table_rows)

# %%
view.table(a, "interaction", caption="Interaksi gravitasi antar kab/kota", max_rows=max_table_rows)

# %% [markdown]
# ## 10. Provinsi terhadap Indonesia

# %%
narrative.terhadap_indonesia(a)

# %%
view.table(a, "lq_nasional", caption="LQ provinsi terhadap Indonesia", max_rows=max_table_rows)

# %%
view.table(a, "shift_share_nasional", caption="Shift-share provinsi terhadap Indonesia (miliar rupiah)", max_rows=max_table_rows)

# %% [markdown]
# ## 11. Kualitas data dan sumber

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
# ## 12. Lampiran

# %%
view.table(a, "struktur", caption="Struktur PDRB menurut lapangan usaha (miliar rupiah; peran dalam %)", max_rows=max_table_rows)

# %%
view.table(a, "pdrb_tahunan", caption="PDRB per tahun (jumlah 17 lapangan usaha, ADHK 2010, miliar rupiah)", max_rows=max_table_rows)

# %%
view.table(a, "lq", caption="LQ per kab/kota, lapangan usaha dan tahun", max_rows=max_table_rows)

# %% [markdown]
# ## 13. Asal-usul laporan

# %%
view.table(a, "asal_usul", frame=provenance_table(provenance({"province_code": province_code, "start_year": start_year, "end_year": end_year, "reference": reference, "excluded_sectors": excluded_sectors, "population_source": population_source}, template="notebooks/laporan_provinsi.ipynb")), caption="Yang menghasilkan laporan ini", max_rows=None)

# %%
view.workbook(a, workbook)

# %%
profiles.write_profiles_for(a, profiles_dir)
