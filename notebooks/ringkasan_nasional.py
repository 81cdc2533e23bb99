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
max_table_rows = 30
workbook = ""
run_date = ""  # ISO date-time of the run (one per run: summary, workbook, manifest); empty: now

# %%
from potensi.report import narrative, national, view
from potensi.study.national import analyse_national

n = analyse_national(start_year=start_year, end_year=end_year, excluded_sectors=excluded_sectors)

# %% [markdown]
# # Ringkasan Nasional: Provinsi terhadap Indonesia

# %%
narrative.nasional(n)

# %%
narrative.catatan_data(n)

# %% [markdown]
# ## 1. Pertumbuhan provinsi

# %%
national.growth_map(n)

# %%
national.klassen_provinces(n)

# %%
view.table(n, "klassen_region", max_rows=None)

# %%
view.table(n, "pertumbuhan_rata", max_rows=None)

# %% [markdown]
# ## 2. Sektor basis provinsi (LQ terhadap Indonesia)

# %%
national.lq_provinces(n)

# %%
view.table(n, "lq", max_rows=max_table_rows)

# %% [markdown]
# ## 3. Ketimpangan antar- dan dalam-pulau (Theil)

# %%
national.theil_islands(n)

# %%
view.table(n, "theil_islands", max_rows=max_table_rows)

# %%
view.table(n, "inequality", max_rows=max_table_rows)

# %% [markdown]
# ## 4. Konvergensi provinsi

# %%
national.sigma(n)

# %%
view.table(n, "convergence", max_rows=max_table_rows)

# %% [markdown]
# ## 5. Asal-usul

# %%
national.provenance_rows(n, start_year=start_year, end_year=end_year, excluded_sectors=excluded_sectors, run_date=run_date)

# %%
view.workbook(n, workbook, run_date=run_date)
