"""All sector indicators of one study in tidy tables, and writing them to CSV and XLSX.

Table names and their leading columns are fixed (other modules and users rely on them):

================  =================================================================================
``lq``            region_code, sector_code, year, lq
``dlq``           region_code, sector_code, start_year, end_year, dlq, slq_dlq_class
``shift_share``   region_code, sector_code, start_year, end_year, change, national_share,
                  industry_mix, competitive_effect, then the extensions and the profile
``mrp``           region_code, sector_code, start_year, end_year, rpr, rps, overlay
``klassen_sector`` region_code, sector_code, start_year, end_year, klassen, klassen_rule, ...
``growth``        region_code, sector_code, year, value, distribution_pct, lpe_pct, contribution_pp
================  =================================================================================

Every table also carries ``price_basis`` and ``reason`` (``""`` or why a value is NaN).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

from potensi.core.codes import TOTAL_CODE
from potensi.core.panel import Cube, Panel, Prepared, Reasons, _build, yearly_frame
from potensi.core.validate import check_columns, check_frame, check_period
from potensi.indicators.growth import _contribution, _distribution, _lpe, _with_total
from potensi.indicators.growth_ratio import _overlay_frame
from potensi.indicators.location_quotient import _lq_frame, _slq_dlq_frame
from potensi.indicators.shift_share import _shift_share_frame, shift_share_profile
from potensi.indicators.typology import _klassen_frame

__all__ = ["TABLE_NAMES", "WORKBOOK_NAME", "sector_tables", "write_tables"]

TABLE_NAMES = ("lq", "dlq", "shift_share", "mrp", "klassen_sector", "growth")
WORKBOOK_NAME = "potensi_indikator.xlsx"


def sector_tables(
    pdrb: pd.DataFrame,
    *,
    reference_code: str | Mapping[str, str],
    regions: Iterable[str] | None = None,
    start: int,
    end: int,
    excluded_sectors: Iterable[str] = (),
    reference: str = "published",
    price_basis: str = "ADHK2010",
) -> dict[str, pd.DataFrame]:
    """Every sector indicator for the study regions against their reference, start -> end.

    Parameters
    ----------
    pdrb
        Tidy PDRB (``region_code, year, sector_code, price_basis, value``); rows of other
        price bases are dropped, ``"TOTAL"`` rows ignored.
    reference_code
        Reference region code, or a mapping ``region -> reference``.
    regions
        Study regions (default: every region but the reference).
    start, end
        Period (growth-based indicators use constant prices).
    excluded_sectors
        Sectors left out everywhere (*tanpa migas* / *tanpa pertambangan*).
    reference
        ``"published"`` or ``"sum"`` (see :func:`potensi.location_quotient`).
    price_basis
        The price basis to use (default ``"ADHK2010"``).

    Returns
    -------
    dict of str to pandas.DataFrame
        Keys :data:`TABLE_NAMES`; columns in the module docstring. ``dlq`` uses the CAGR form
        and the mean LQ as SLQ with the Kuncoro labels; ``mrp`` the mean LQ; ``klassen_sector``
        the growth x share variant in ``klassen`` and the LQ x growth one in ``klassen_lq``
        (both ordered Categoricals);
        ``growth`` covers the study regions and their published references, sector
        ``"TOTAL"`` included (the LPE of ``start`` needs ``start - 1`` in the data).

    Notes
    -----
    The rows are validated and arranged into arrays once and every indicator is computed from
    them exactly as its public function computes it (the tables equal the public functions'
    results); errors therefore name ``sector_tables``. All 514 kab/kota of the embedded data
    take well under 0.1 s (``benchmarks/indicators.py``).
    """
    func = "sector_tables"
    check_frame(pdrb, func, "pdrb")
    check_columns(pdrb, func, price_basis="price_basis")
    start, end = check_period(start, end, func)
    data = pdrb[pdrb["price_basis"].astype(str) == price_basis]
    if data.empty:
        have = sorted(pdrb["price_basis"].astype(str).unique())
        raise ValueError(f"sector_tables: argument price_basis={price_basis!r}: no rows; available: {have}")
    # validate and arrange the rows once (start - 1 too: the LPE of start); every indicator below
    # is computed from these arrays exactly as its public function computes it
    panel, cube = _build(data, func, reference_code=reference_code, regions=regions, reference=reference,
                         exclude=tuple(excluded_sectors), region="region_code", sector="sector_code", year="year",
                         value="value", price_basis="price_basis", constant=True,
                         years=range(start - 1, end + 1), check_years=(start, end))
    prep = Prepared(panel).years_between(start, end)
    tables: dict[str, pd.DataFrame] = {}
    tables["lq"] = _lq_frame(prep)
    tables["dlq"] = _slq_dlq_frame(prep, start, end, method="cagr", slq="mean", labels="potensi", func=func)
    tables["shift_share"] = shift_share_profile(_shift_share_frame(prep, start, end, func))
    tables["mrp"] = _overlay_frame(prep, start, end, lq="mean", func=func)
    tables["klassen_sector"] = _klassen_frame(prep, start, end, variant="share", also="lq", func=func)
    tables["growth"] = _growth_table(panel, cube, reference=reference, start=start)
    return tables


_NO_PREVIOUS = "no previous year in the data"


def _growth_table(panel: Panel, cube: Cube, *, reference: str, start: int) -> pd.DataFrame:
    """The ``growth`` table: study regions and their published references, the years of
    ``start .. end`` they have data for (the LPE of a year needs the previous year with data),
    sectors and ``"TOTAL"`` sorted as text."""
    study = list(panel.regions)
    refs = [] if reference == "sum" else list(dict.fromkeys(panel.references))
    codes = sorted(study + [r for r in refs if r not in study])
    pos = pd.Index(cube.codes).get_indexer(codes)
    has = cube.has[pos]
    year_idx = np.flatnonzero(has.any(axis=0))
    sector_idx = np.flatnonzero(cube.cell[pos].any(axis=0))
    x = cube.x[pos][:, year_idx][:, :, sector_idx]
    sectors = [panel.sectors[i] for i in sector_idx]
    years = panel.years[year_idx]
    prep = _with_total(Panel(codes, None, years, sectors, x, None, has[:, year_idx], None, panel.basis,
                             panel.reference_mode))
    reasons = prep.reasons
    dist, dist_reason = _distribution(prep)
    nr, ny, ns = prep.panel.x.shape
    lpe, sp = np.full((nr, ny, ns), np.nan), np.full((nr, ny, ns), np.nan)
    lpe_reason = np.full((nr, ny, ns), reasons.code(_NO_PREVIOUS), dtype=np.int32)
    sp_reason = lpe_reason.copy()
    if ny >= 2:
        lpe[:, 1:], lpe_reason[:, 1:] = _lpe(prep)
        sp[:, 1:], sp_reason[:, 1:] = _contribution(prep)
    with np.errstate(invalid="ignore"):
        value_total = np.where(np.isnan(x).all(axis=2), np.nan, np.nansum(x, axis=2))
    value = np.concatenate([x, value_total[:, :, None]], axis=2)
    reason = _joined(reasons, {"distribution": dist_reason, "lpe": lpe_reason, "contribution": sp_reason})
    keep = years >= start
    order = np.argsort(np.asarray([*sectors, TOTAL_CODE], dtype=object), kind="stable")
    out = replace(prep.panel, years=years[keep], sectors=[[*sectors, TOTAL_CODE][i] for i in order])
    columns = {name: arr[:, keep][:, :, order] for name, arr in
               (("value", value), ("distribution_pct", dist), ("lpe_pct", lpe), ("contribution_pp", sp))}
    return yearly_frame(out, columns, reason=reason[:, keep][:, :, order], reasons=reasons)


def _joined(reasons: Reasons, parts: dict[str, np.ndarray]) -> np.ndarray:
    """Codes of ``"<name>: <reason>; ..."`` over the non-empty reasons of each part."""
    n = len(reasons.texts)
    key = np.zeros(next(iter(parts.values())).shape, dtype=np.int64)
    for codes in parts.values():
        key = key * n + codes
    uniq, inverse = np.unique(key, return_inverse=True)
    lut = np.zeros(len(uniq), dtype=np.int32)
    for i, k in enumerate(uniq.tolist()):
        texts = []
        for name in reversed(parts):
            k, c = divmod(k, n)
            if c:
                texts.append(f"{name}: {reasons.texts[c]}")
        lut[i] = reasons.code("; ".join(reversed(texts)))
    return lut[inverse].reshape(key.shape)


def write_tables(tables: Mapping[str, pd.DataFrame], out_dir: str | Path, *,
                 provenance: Mapping[str, object] | None = None) -> list[Path]:
    """Write ``<name>.csv`` per table and one workbook (:data:`WORKBOOK_NAME`, a sheet per
    table, :func:`potensi.study.export.write_workbook`) into ``out_dir``, each file atomically.
    A table too large for a sheet is refused before any file is written. Returns the paths written."""
    from potensi.study.export import check_excel_size, write_csv, write_workbook

    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise ValueError(f"write_tables: argument out_dir={str(out_dir)!r} is a file; expected a folder")
    check_excel_size(tables, func="write_tables")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = [write_csv(out_dir / f"{name}.csv", frame) for name, frame in tables.items()]
    written.append(write_workbook(out_dir / WORKBOOK_NAME, tables, provenance=provenance))
    return written
