"""Showing a study's tables in a notebook (Indonesian format) and writing the shown tables to XLSX.

A study (province or national) holds tables; the report shows some of them, and every shown
table also goes to the report's workbook. These two calls are the only ones a notebook uses for
that: ``view.table(a, "dlq")`` (caption from :data:`potensi.core.wording.CAPTIONS`) and
``view.workbook(a, path)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from potensi.core.numbers import angka
from potensi.core.wording import CAPTIONS, CAPTIONS_NATIONAL, VIEW
from potensi.report.formatting import report_view, tabel
from potensi.study.provenance import provenance

__all__ = ["table", "workbook", "keep", "caption_for"]


def caption_for(a, name: str) -> str | None:
    """The caption of table ``name`` in the report of study ``a`` (:data:`potensi.core.wording.CAPTIONS`;
    the national summary's own where it words a table differently)."""
    from potensi.study.national import NationalAnalysis

    if isinstance(a, NationalAnalysis) and name in CAPTIONS_NATIONAL:
        return CAPTIONS_NATIONAL[name]
    return CAPTIONS.get(name)


def table(a, name: str, *, caption: str | None = None, decimals: int | Mapping[str, int] = 2,
          max_rows: int | None = 60, frame: pd.DataFrame | None = None, sheet: str | None = None):
    """Show table ``name`` of study ``a`` (Indonesian format) and keep it for the XLSX workbook.

    The HTML shows the columns of :data:`potensi.report.formatting.REPORT_COLUMNS` with Indonesian
    headings (:func:`potensi.report.formatting.report_view`); the workbook keeps every column.
    ``caption``: default the table's caption in :data:`potensi.core.wording.CAPTIONS`. A table the
    study did not compute shows nothing (None: the section's paragraph says why); an empty
    data-quality table says so ("tidak ada").
    """
    from IPython.display import Markdown

    caption = caption if caption is not None else caption_for(a, name)
    data = frame if frame is not None else a.tables.get(name, a.quality.get(name))
    if data is None or len(data) == 0:
        if data is not None and name in a.quality:  # an empty quality table is good news
            return Markdown(VIEW["empty"].format(what=caption or VIEW["table"].format(name=name)))
        return None
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
        return Markdown(VIEW["no_workbook"])
    return Markdown(VIEW["workbook"].format(n=angka(len(a.shown.tables), 0), file=Path(path).name))


def keep(a, *names: str) -> None:
    """Keep tables of study ``a`` for the XLSX workbook without showing them again (tables the
    report shows in another form: the proposals as cards, the *tanpa pertambangan* classes in text)."""
    for name in names:
        frame = a.tables.get(name)
        if frame is not None and len(frame):
            a.shown.add(name, frame)
