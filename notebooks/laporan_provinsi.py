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
figures.inline_as_laid_out()  # figures shown as laid out, without a second cropping pass
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
view.table(a, "sektor_unggulan", max_rows=max_table_rows)

# %% [markdown]
# ## 3. Keterkaitan antarsektor

# %%
findings.keterkaitan(a)

# %%
panels.linkage_quadrant(a)

# %%
panels.io_sector_table(a)

# %%
panels.io_kabkota(a)

# %% [markdown]
# ## 4. Kerja sama daerah

# %%
findings.kerja_sama(a)

# %%
view.table(a, "kerja_sama_berjalan")

# %%
panels.cooperation_map(a)

# %%
panels.neighbour_table(a, max_rows=max_table_rows)

# %%
panels.rejected(a)

# %%
panels.peers(a)

# %%
panels.accessibility_note(a)

# %%
panels.accessibility_table(a)

# %%
view.table(a, "interaksi_penduduk", max_rows=max_table_rows)

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
view.table(a, "struktur_ringkas")

# %%
figures.member_contribution(a.tables["kontribusi_kabkota"]) if a.has("kontribusi_kabkota") else None

# %%
panels.growth_rate_table(a)

# %%
panels.growth_map(a)

# %% [markdown]
# ## 6. Sektor basis: LQ, DLQ dan SLQ×DLQ

# %%
narrative.sektor_basis(a)

# %%
figures.lq_heatmap(a.tables["lq"], year=a.end_year) if a.has("lq") else None

# %%
view.table(a, "dlq", max_rows=max_table_rows)

# %%
panels.slq_dlq_heatmap(a)

# %% [markdown]
# ## 7. Analisis shift-share

# %%
narrative.shift_share(a)

# %%
view.table(a, "shift_share", max_rows=max_table_rows)

# %% [markdown]
# ## 8. Tipologi Klassen

# %%
narrative.klassen(a, "klassen_sector")

# %%
panels.klassen_heatmap(a)

# %%
view.table(a, "klassen_sector", max_rows=max_table_rows)

# %%
narrative.klassen(a, "klassen_region") if a.has_members else None

# %%
panels.klassen_quadrant(a)

# %%
panels.klassen_map(a)

# %%
panels.per_capita_map(a)

# %%
view.table(a, "klassen_region", max_rows=max_table_rows)

# %% [markdown]
# ## 9. Model Rasio Pertumbuhan (MRP) dan overlay

# %%
narrative.mrp(a)

# %%
panels.mrp_chart(a)

# %%
view.table(a, "mrp", max_rows=max_table_rows)

# %% [markdown]
# ## 10. Spesialisasi dan ketimpangan

# %%
narrative.ketimpangan(a)

# %%
panels.inequality_chart(a)

# %%
view.table(a, "inequality", max_rows=max_table_rows)

# %%
view.table(a, "specialisation", max_rows=max_table_rows)

# %% [markdown]
# ## 11. Konvergensi

# %%
narrative.konvergensi(a)

# %%
panels.sigma_chart(a)

# %%
view.table(a, "convergence", max_rows=max_table_rows)

# %% [markdown]
# ## 12. Provinsi terhadap Indonesia

# %%
narrative.terhadap_indonesia(a)

# %%
view.table(a, "lq_nasional", max_rows=max_table_rows)

# %%
view.table(a, "shift_share_nasional", max_rows=max_table_rows)

# %% [markdown]
# ## 13. Kualitas data dan sumber

# %%
narrative.kualitas_data(a)

# %%
view.table(a, "sumber")

# %%
view.table(a, "selisih_kabkota")

# %%
view.table(a, "angka_sementara")

# %%
view.table(a, "angka_ditolak", max_rows=max_table_rows)

# %%
view.table(a, "data_tambahan", max_rows=max_table_rows)

# %%
view.table(a, "berkas_tambahan")

# %%
view.table(a, "kekosongan")

# %%
view.table(a, "kualitas_umum")

# %% [markdown]
# ## 14. Lampiran

# %%
view.table(a, "struktur", max_rows=max_table_rows)

# %%
view.table(a, "pdrb_tahunan", max_rows=max_table_rows)

# %%
view.table(a, "lq", max_rows=max_table_rows)

# %% [markdown]
# ## 15. Asal-usul laporan

# %%
view.table(a, "asal_usul", frame=provenance_table(provenance({"province_code": province_code, "start_year": start_year, "end_year": end_year, "reference": reference, "excluded_sectors": excluded_sectors, "population_source": population_source}, template="notebooks/laporan_provinsi.ipynb", run_date=run_date)), max_rows=None)

# %%
view.keep(a, "kerja_sama", "sektor_unggulan_tanpa_pertambangan", "sektor_unggulan_skenario", "daerah_serupa", "ketetanggaan")

# %%
view.workbook(a, workbook, run_date=run_date)

# %%
profiles.write_profiles_for(a, profiles_dir, run_date=run_date)
