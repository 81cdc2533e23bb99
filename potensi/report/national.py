"""What the national summary notebook shows, one call per cell (provinces against Indonesia)."""

from __future__ import annotations

import pandas as pd

from potensi.report import figures, maps, view

__all__ = ["klassen_provinces", "lq_provinces", "theil_islands", "sigma", "growth_map", "provenance_rows",
           "POPULATION_NOTE"]

#: The population behind the national per-capita tables (said once, in the provenance and the text).
POPULATION_NOTE = "penduduk tersirat dari PDRB per kapita BPS (PDRB ÷ PDRB per kapita, WebAPI BPS)"


def klassen_provinces(n):
    """Quadrant chart of the provinces' Klassen typology against Indonesia."""
    if not n.has("klassen_region"):
        return None
    k = n.tables["klassen_region"]
    return figures.quadrant(k, x="growth", y="per_capita", label="region_name", x0=k["reference_growth"].iloc[0],
                            y0=k["reference_per_capita"].iloc[0], xlabel="Rata-rata pertumbuhan PDRB (%/tahun)",
                            ylabel="PDRB per kapita (juta rupiah)", title="Tipologi Klassen provinsi",
                            quadrant_names=("cepat maju dan cepat tumbuh", "maju tapi tertekan",
                                            "berkembang cepat", "relatif tertinggal"))


def lq_provinces(n):
    """LQ of every province against Indonesia in the end year (heatmap)."""
    if not n.has("lq"):
        return None
    return figures.lq_heatmap(n.tables["lq"], year=n.end_year, title=f"LQ provinsi terhadap Indonesia, {n.end_year}")


def theil_islands(n):
    """Theil T between and within island groups over time."""
    if not n.has("inequality"):
        return None
    return figures.index_over_time(n.tables["inequality"], hue="index",
                                   indices=["theil_t", "theil_t_between", "theil_t_within"],
                                   title="Theil T antarprovinsi: antar- dan dalam-pulau")


def sigma(n):
    """σ-convergence of the provinces over time."""
    if not n.has("convergence"):
        return None
    return figures.index_over_time(n.tables["convergence"], hue="statistic", indices=["sigma", "cv"],
                                   title="Konvergensi sigma antarprovinsi")


def growth_map(n):
    """Map of the provinces (34, old frame) shaded by mean PDRB growth over the window."""
    from potensi.data.boundaries import read_province_boundaries

    growth = n.tables.get("pertumbuhan_rata", pd.DataFrame())
    if not len(growth):
        return None
    values = growth[["region_code", "mean_growth_pct"]]
    return maps.province_map(read_province_boundaries(), values, column="mean_growth_pct",
                             title=f"Rata-rata pertumbuhan PDRB provinsi {n.start_year}–{n.end_year} (ADHK 2010)",
                             legend="% per tahun", decimals=2)


def provenance_rows(n, *, start_year, end_year, excluded_sectors) -> pd.DataFrame:
    """Show the provenance table of the summary, with the population it really uses."""
    from potensi.study.provenance import provenance, provenance_table

    params = {"start_year": start_year, "end_year": end_year, "excluded_sectors": excluded_sectors,
              "population": POPULATION_NOTE}
    table = provenance_table(provenance(params, template="notebooks/ringkasan_nasional.ipynb"))
    return view.table(n, "asal_usul", frame=table, caption="Yang menghasilkan ringkasan ini", max_rows=None)
