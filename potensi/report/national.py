"""What the national summary notebook shows, one call per cell (provinces against Indonesia)."""

from __future__ import annotations

import pandas as pd

from potensi.core.wording import FIGURES
from potensi.report import figures, maps, view

__all__ = ["klassen_provinces", "lq_provinces", "theil_islands", "sigma", "growth_map", "provenance_rows",
           "POPULATION_NOTE"]

#: The population behind the national per-capita tables (said once, in the provenance and the text).
POPULATION_NOTE = FIGURES["population_national"]


def klassen_provinces(n):
    """Quadrant chart of the provinces' Klassen typology against Indonesia."""
    if not n.has("klassen_region"):
        return None
    k = n.tables["klassen_region"]
    return figures.quadrant(k, x="growth", y="per_capita", label="region_name", x0=k["reference_growth"].iloc[0],
                            y0=k["reference_per_capita"].iloc[0], xlabel=FIGURES["growth_axis"],
                            ylabel=FIGURES["per_capita_axis"], title=FIGURES["klassen_provinces"],
                            quadrant_names=FIGURES["klassen_quadrants"])


def lq_provinces(n):
    """LQ of every province against Indonesia in the end year (heatmap)."""
    if not n.has("lq"):
        return None
    return figures.lq_heatmap(n.tables["lq"], year=n.end_year, title=FIGURES["lq_provinces"].format(year=n.end_year))


def theil_islands(n):
    """Theil T between and within island groups over time."""
    if not n.has("inequality"):
        return None
    return figures.index_over_time(n.tables["inequality"], hue="index",
                                   indices=["theil_t", "theil_t_between", "theil_t_within"],
                                   title=FIGURES["theil_islands"])


def sigma(n):
    """σ-convergence of the provinces over time."""
    if not n.has("convergence"):
        return None
    return figures.index_over_time(n.tables["convergence"], hue="statistic", indices=["sigma", "cv"],
                                   title=FIGURES["sigma_provinces"])


def growth_map(n):
    """Map of the provinces (34, old frame) shaded by mean PDRB growth over the window."""
    from potensi.data.boundaries import read_province_boundaries

    growth = n.tables.get("pertumbuhan_rata", pd.DataFrame())
    if not len(growth):
        return None
    values = growth[["region_code", "mean_growth_pct"]]
    return maps.province_map(read_province_boundaries(), values, column="mean_growth_pct",
                             title=FIGURES["growth_provinces"].format(start=n.start_year, end=n.end_year),
                             legend=FIGURES["percent_per_year"], decimals=2)


def provenance_rows(n, *, start_year, end_year, excluded_sectors, run_date: str = "") -> pd.DataFrame:
    """Show the provenance table of the summary, with the population it really uses; ``run_date``:
    the run's date (the template's parameter), empty: now."""
    from potensi.study.provenance import provenance, provenance_table

    params = {"start_year": start_year, "end_year": end_year, "excluded_sectors": excluded_sectors,
              "population": POPULATION_NOTE}
    table = provenance_table(provenance(params, template="notebooks/ringkasan_nasional.ipynb",
                                        run_date=run_date or None))
    return view.table(n, "asal_usul", frame=table, max_rows=None)
