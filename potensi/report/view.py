"""Showing a study's tables in a notebook (Indonesian format) and writing the shown tables to XLSX.

A study (province or national) holds tables; the report shows some of them, and every shown
table also goes to the report's workbook. These two calls are the only ones a notebook uses for
that: ``view.table(a, "dlq", caption=...)`` and ``view.workbook(a, path)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from potensi.core.numbers import angka
from potensi.report.formatting import report_view, tabel
from potensi.study.provenance import provenance

__all__ = ["table", "workbook"]


def table(a, name: str, *, caption: str | None = None, decimals: int | Mapping[str, int] = 2,
          max_rows: int | None = 60, frame: pd.DataFrame | None = None, sheet: str | None = None):
    """Show table ``name`` of study ``a`` (Indonesian format) and keep it for the XLSX workbook.

    The HTML shows the columns of :data:`potensi.report.formatting.REPORT_COLUMNS` with Indonesian
    headings (:func:`potensi.report.formatting.report_view`); the workbook keeps every column.
    A missing table shows the reason instead (from the study's gaps).
    """
    from IPython.display import Markdown

    data = frame if frame is not None else a.tables.get(name, a.quality.get(name))
    if data is None or len(data) == 0:
        what = caption or f"Tabel {name}"
        if data is not None and name in a.quality:  # an empty quality table is good news
            return Markdown(f"*{what}: tidak ada.*")
        return Markdown(f"*{what}: tidak tersedia; {a.gap_for(name)}*")
    a.shown.add(sheet or name, data)
    shown, labels, extra = report_view(name, data, start_year=a.start_year, end_year=a.end_year)
    if caption:
        caption += extra
    return tabel(shown, caption=caption, decimals=decimals, max_rows=max_rows, labels=labels)


def workbook(a, path: str | Path, *, run_date: str | None = None):
    """Write every table of study ``a`` shown so far to ``path`` (XLSX); an empty path writes nothing.

    ``run_date``: the run's date (the template's parameter), so the workbook carries the same date
    as the report and its manifest; empty: now."""
    from IPython.display import Markdown

    params = {k: getattr(a, k) for k in ("province_code", "start_year", "end_year", "reference",
                                         "excluded_sectors", "population_source") if hasattr(a, k)}
    written = a.shown.write_workbook(path, provenance=provenance(params, run_date=run_date or None) if str(path) else None)
    if written is None:
        return Markdown("*Buku kerja XLSX tidak ditulis (parameter `workbook` kosong).*")
    return Markdown(f"Semua tabel laporan ini ({angka(len(a.shown.tables), 0)} tabel) juga tersedia "
                    f"dalam buku kerja XLSX `{Path(path).name}` di samping laporan.")


def keep(a, *names: str) -> None:
    """Keep tables of study ``a`` for the XLSX workbook without showing them again (tables the
    report shows in another form: the proposals as cards, the *tanpa pertambangan* classes in text)."""
    for name in names:
        frame = a.tables.get(name)
        if frame is not None and len(frame):
            a.shown.add(name, frame)
