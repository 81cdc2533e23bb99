"""Input–output tables of a province study: the BPS table where one exists, FLQ estimates for its kab/kota.

BPS has published (in the data) domestic-transaction IO tables, 17 lapangan usaha, 2016, for
three provinces: Kepulauan Riau (2100), Papua Barat (9100) and Sulawesi Selatan (7300). For any
other province this study returns no table and a structured gap record; the report says plainly
that BPS has not published one in the data.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import pandas as pd

from potensi.core.codes import TOTAL_CODE
from potensi.data.io_table import IO_FILE, read_io_table
from potensi.indicators.input_output import io_sector_indicators
from potensi.indicators.io_regionalisation import FLQ_DELTA, flq_regionalise

__all__ = ["LinkageTables", "province_linkages", "IO_PROVINCES"]


@dataclass
class LinkageTables:
    """``io_sektor`` (BPS table) and ``io_kabkota`` (FLQ estimates), or a gap."""

    available: bool
    io_year: int | None = None
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    gap: str = ""
    flq_delta: float = FLQ_DELTA


def _io_tables() -> dict:
    return read_io_table(IO_FILE)


IO_PROVINCES = ("2100", "7300", "9100")


def province_linkages(province_code: str, pdrb: pd.DataFrame, kabkota: list[str], *,
                      delta: float = FLQ_DELTA) -> LinkageTables:
    """Sector indicators of the province IO table and FLQ estimates for its kab/kota.

    Parameters
    ----------
    province_code
        ``"7300"``.
    pdrb
        Tidy PDRB ADHK (province and kab/kota) holding the IO year (2016) for the FLQ weights.
    kabkota
        Codes of the province's kab/kota.
    """
    if province_code not in IO_PROVINCES:
        return LinkageTables(available=False, gap="no_io_table")
    table = _io_tables()[province_code]
    io_sektor = io_sector_indicators(table)
    out = {"io_sektor": io_sektor}
    year = int(table.year)
    cols = ["region_code", "sector_code", "value"]
    in_year = pdrb[(pdrb["year"] == year) & (pdrb["sector_code"] != TOTAL_CODE)]
    reg = in_year[in_year["region_code"].isin(kabkota)][cols]
    prov = in_year[in_year["region_code"] == province_code][cols]
    if len(reg) and len(prov):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # zero-PDRB sectors get NaN with a reason
            est = flq_regionalise(table, reg, prov, delta=delta)
        out["io_kabkota"] = est.indicators
    return LinkageTables(available=True, io_year=year, tables=out, flq_delta=delta)
