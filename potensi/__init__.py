"""potensi — Identifikasi Potensi Ekonomi Daerah.

Leading sectors (*sektor unggulan*) of Indonesian regions and the cooperation between regions
(*kerja sama daerah*) they open, from published BPS PDRB figures.
"""

from .cells import parse_number, parse_year
from .data import discrepancy, hierarchy, load_table, province_pdrb
from .errors import DataError
from .loaders import PDRB_COLUMNS, UNIT, load_centroids, load_pdrb, load_population
from .regions import members, province_code, provinces, region_catalog, region_name
from .sectors import SECTOR_CODES, SECTORS, sector_catalog, sector_code_from_label, sector_label

__version__ = "0.1.0"

__all__ = [
    "DataError",
    "PDRB_COLUMNS",
    "SECTORS",
    "SECTOR_CODES",
    "UNIT",
    "__version__",
    "discrepancy",
    "hierarchy",
    "load_centroids",
    "load_pdrb",
    "load_population",
    "load_table",
    "members",
    "parse_number",
    "parse_year",
    "province_code",
    "province_pdrb",
    "provinces",
    "region_catalog",
    "region_name",
    "sector_catalog",
    "sector_code_from_label",
    "sector_label",
]
