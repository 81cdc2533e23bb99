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
# <!-- Templat ringkasan nasional: semua provinsi terhadap Indonesia. Ubah parameter, lalu "Run All". -->

# %% tags=["parameters"]
start_year = 2013
end_year = None  # None: the latest year of Indonesia's 17 sectors
excluded_sectors = []
population_source = "dukcapil"
max_table_rows = 30
workbook = ""

# %%
from potensi.report import figures, narrative
from potensi.study.province import analyse_national, provenance, provenance_table

n = analyse_national(start_year=start_year, end_year=end_year, excluded_sectors=excluded_sectors,
                     population_source=population_source)

# %% [markdown]
# # Ringkasan Nasional: Provinsi terhadap Indonesia

# %%
narrative.nasional(n)

# %%
narrative.catatan_data(n)

# %% [markdown]
# ## 1. Pertumbuhan provinsi

# %%
figures.quadrant(n.tables["klassen_region"], x="growth", y="per_capita", label="region_name", x0=n.tables["klassen_region"]["reference_growth"].iloc[0], y0=n.tables["klassen_region"]["reference_per_capita"].iloc[0], xlabel="Rata-rata pertumbuhan PDRB (%/tahun)", ylabel="PDRB per kapita (juta rupiah)", title="Tipologi Klassen provinsi (Sjafrizal 2008)", quadrant_names=("cepat maju dan cepat tumbuh", "maju tapi tertekan", "berkembang cepat", "relatif tertinggal")) if n.has("klassen_region") else None

# %%
n.table("klassen_region", caption="Tipologi Klassen provinsi terhadap Indonesia", max_rows=None)

# %%
n.table("pertumbuhan_rata", caption="Rata-rata pertumbuhan PDRB per tahun (majemuk)", max_rows=None)

# %% [markdown]
# ## 2. Sektor basis provinsi (LQ terhadap Indonesia)

# %%
figures.lq_heatmap(n.tables["lq"], year=n.end_year, title=f"LQ provinsi terhadap Indonesia, {n.end_year}") if n.has("lq") else None

# %%
n.table("lq", caption="LQ provinsi terhadap Indonesia", max_rows=max_table_rows)

# %% [markdown]
# ## 3. Ketimpangan antar- dan dalam-pulau (Theil)

# %%
figures.index_over_time(n.tables["inequality"], hue="index", indices=["theil_t", "theil_t_between", "theil_t_within"], title="Theil T antarprovinsi: antar- dan dalam-pulau") if n.has("inequality") else None

# %%
n.table("theil_islands", caption="Dekomposisi Theil: antarpulau dan dalam pulau", max_rows=max_table_rows)

# %%
n.table("inequality", caption="Indeks ketimpangan antarprovinsi", max_rows=max_table_rows)

# %% [markdown]
# ## 4. Konvergensi provinsi

# %%
figures.index_over_time(n.tables["convergence"], hue="statistic", indices=["sigma", "cv"], title="Konvergensi sigma antarprovinsi") if n.has("convergence") else None

# %%
n.table("convergence", caption="Konvergensi beta antarprovinsi", max_rows=max_table_rows)

# %% [markdown]
# ## 5. Asal-usul

# %%
n.table("asal_usul", frame=provenance_table(provenance({"start_year": start_year, "end_year": end_year, "excluded_sectors": excluded_sectors, "population_source": population_source}, template="notebooks/ringkasan_nasional.ipynb")), caption="Yang menghasilkan ringkasan ini", max_rows=None)

# %%
n.write_workbook(workbook)
