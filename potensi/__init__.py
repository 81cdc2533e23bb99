"""potensi — Identifikasi Potensi Ekonomi Daerah.

Leading sectors (*sektor unggulan*) of Indonesian regions and the cooperation between regions
(*kerja sama daerah*) they open, from published BPS PDRB figures.
"""

from potensi.conclusions.cooperation import (
    filter_candidates,
    gravity,
    knowledge_candidates,
    propose,
    resource_candidates,
    service_candidates,
    similar_regions,
    value_chain_candidates,
)
from potensi.conclusions.sector_potential import (
    KELAS,
    SectorThresholds,
    classify_sectors,
    scenario_agreement,
    sector_dimensions,
    without_sector,
)
from potensi.core.errors import DataError
from potensi.data.cells import parse_number, parse_year
from potensi.data.loaders import PDRB_COLUMNS, UNIT, load_centroids, load_pdrb, load_population
from potensi.data.population import (
    BREAK_YEAR,
    POPULATION_SOURCES,
    SEMESTER_RULE,
    per_capita,
    population_series,
    source_segments,
)
from potensi.data.regions import members, province_code, provinces, region_catalog, region_name
from potensi.data.sectors import SECTOR_CODES, SECTORS, sector_catalog, sector_code_from_label, sector_label
from potensi.data.store import discrepancy, hierarchy, load_table, province_pdrb
from potensi.indicators.convergence import (
    beta_convergence,
    sigma_convergence,
)
from potensi.indicators.growth import (
    annual_growth,
    compound_growth,
    distribution,
    growth_contribution,
)
from potensi.indicators.growth_ratio import (
    growth_ratio,
    growth_ratio_overlay,
)
from potensi.indicators.inequality import (
    GINI_THRESHOLDS,
    INEQUALITY_LABELS,
    WILLIAMSON_THRESHOLDS,
    classify_inequality,
    gini,
    inequality_table,
    theil,
    theil_decomposition,
    williamson,
)
from potensi.indicators.interaction import (
    EARTH_RADIUS_KM,
    complementarity,
    gravity_interaction,
    great_circle_distance,
)
from potensi.indicators.location_quotient import (
    SLQ_DLQ_LABELS,
    SLQ_DLQ_RULES,
    average_location_quotient,
    classify_slq_dlq,
    dynamic_location_quotient,
    location_quotient,
    slq_dlq,
)
from potensi.indicators.shift_share import (
    NET_SHIFT_LABELS,
    PROFILE_LABELS,
    PROFILE_RULES,
    dynamic_shift_share,
    shift_share,
    shift_share_profile,
)
from potensi.indicators.specialisation import (
    specialisation,
)
from potensi.indicators.typology import (
    KLASSEN_SECTOR_LABELS,
    KLASSEN_SECTOR_RULES,
    klassen_sector,
)
from potensi.indicators.typology_region import (
    KLASSEN_REGION_LABELS,
    klassen_region,
    klassen_region_from_pdrb,
    regional_growth,
)
from potensi.study.regional_tables import (
    BREAK_NOTE,
    REGIONAL_TABLES,
    national_tables,
    regional_tables,
)
from potensi.study.sector_tables import (
    TABLE_NAMES,
    WORKBOOK_NAME,
    sector_tables,
    write_tables,
)

__version__ = "0.1.0"

__all__ = [
    "KELAS",
    "SectorThresholds",
    "classify_sectors",
    "filter_candidates",
    "gravity",
    "knowledge_candidates",
    "propose",
    "resource_candidates",
    "scenario_agreement",
    "sector_dimensions",
    "service_candidates",
    "similar_regions",
    "value_chain_candidates",
    "without_sector",
    "BREAK_NOTE",
    "BREAK_YEAR",
    "EARTH_RADIUS_KM",
    "GINI_THRESHOLDS",
    "INEQUALITY_LABELS",
    "KLASSEN_REGION_LABELS",
    "KLASSEN_SECTOR_LABELS",
    "KLASSEN_SECTOR_RULES",
    "NET_SHIFT_LABELS",
    "POPULATION_SOURCES",
    "PROFILE_LABELS",
    "PROFILE_RULES",
    "REGIONAL_TABLES",
    "SEMESTER_RULE",
    "SLQ_DLQ_LABELS",
    "SLQ_DLQ_RULES",
    "TABLE_NAMES",
    "WILLIAMSON_THRESHOLDS",
    "WORKBOOK_NAME",
    "annual_growth",
    "average_location_quotient",
    "beta_convergence",
    "classify_inequality",
    "classify_slq_dlq",
    "complementarity",
    "compound_growth",
    "distribution",
    "dynamic_location_quotient",
    "dynamic_shift_share",
    "gini",
    "gravity_interaction",
    "great_circle_distance",
    "growth_contribution",
    "growth_ratio",
    "growth_ratio_overlay",
    "inequality_table",
    "klassen_region",
    "klassen_region_from_pdrb",
    "klassen_sector",
    "location_quotient",
    "national_tables",
    "per_capita",
    "population_series",
    "regional_growth",
    "regional_tables",
    "sector_tables",
    "shift_share",
    "shift_share_profile",
    "sigma_convergence",
    "slq_dlq",
    "source_segments",
    "specialisation",
    "theil",
    "theil_decomposition",
    "williamson",
    "write_tables",
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
