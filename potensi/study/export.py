"""The one writer of tables to files: XLSX workbooks (xlsxwriter) and formula-safe CSV.

Every workbook potensi writes (the report's ``tabel.xlsx``, ``potensi indicators``'
``potensi_indikator.xlsx``) comes from :func:`write_workbook`:

* one sheet per table with a readable Indonesian name (:data:`potensi.core.wording.SHEET_NAMES`,
  at most 31 characters), Indonesian column headings from the same mapping as the report
  (:data:`potensi.core.wording.COLUMN_LABELS`), a frozen header row, an autofilter and column
  widths from the contents;
* numbers stay numbers at full precision, shown through Excel number formats (Excel puts the
  Indonesian separators itself): money ``#,##0.0``, percentages ``#,##0.00`` under a heading
  with "(%)", indices ``0.000``, counts ``#,##0``, years ``0`` (never grouped);
* every text is written as a text cell: a cell starting with ``=``, ``+``, ``-`` or ``@`` stays
  text, never a formula (:func:`write_csv` gives CSV texts a spreadsheet would evaluate a
  leading apostrophe, :func:`formula_safe`);
* a ``Sumber`` sheet with the provenance (package, commit, run date, parameters, input hashes);
* byte-reproducible: xlsxwriter stores its zip entries with a fixed 1980 timestamp, and the
  document's creation date is the run date, so two runs with the same run date give the same
  bytes;
* a table larger than a sheet (1 048 576 rows, 16 384 columns) is refused before anything is
  written (``ValueError`` naming the table and the limit).

The workbook is written atomically (:func:`potensi.core.atomic.write_atomic`).
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd
from xlsxwriter.worksheet import Worksheet

from potensi.core.atomic import write_atomic
from potensi.core.wording import COLUMN_LABELS, SHEET_NAMES, WORKBOOK

__all__ = [
    "EXCEL_MAX_ROWS",
    "EXCEL_MAX_COLS",
    "check_excel_size",
    "column_format",
    "column_header",
    "sheet_names",
    "write_workbook",
    "write_csv",
    "formula_safe",
]

EXCEL_MAX_ROWS = 1_048_576  # the header row included
EXCEL_MAX_COLS = 16_384
_MAX_SHEET = 31
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_FORMULA_START = ("=", "+", "-", "@")

#: Excel number formats, by kind of column (display only: the cell keeps every digit).
FORMATS = {
    "year": "0",
    "count": "#,##0",
    "money": "#,##0.0",
    "percent": "#,##0.00",
    "index": "0.000",
    "decimal": "#,##0.00",
}
_YEARS = {"year", "start_year", "end_year", "tahun", "tahun_awal", "tahun_akhir", "from_year", "to_year",
          "lq_year", "per_capita_year", "year_before", "year_after"}
#: Columns in miliar rupiah (or another large amount) shown with one decimal.
_MONEY = {"value", "value_start", "value_end", "change", "national_share", "industry_mix", "competitive_effect",
          "net_shift", "homothetic_base", "em_net_competitive", "em_allocation", "arcelus_regional_growth",
          "arcelus_regional_mix", "province_total", "sum_members", "difference", "nilai", "total_value",
          "mass_a", "mass_b", "distance_km", "shared_border_km", "gap_km", "per_capita",
          "reference_per_capita"}
_INDEX_HINTS = {"lq", "dlq", "slq", "rpr", "rps", "lq_end", "lq_supplier", "lq_partner", "krugman", "hoover",
                "herfindahl", "herfindahl_normalised", "entropy", "entropy_normalised", "similarity",
                "complementarity", "score", "accessibility", "interaction_index", "between_share",
                "max_rel_diff", "em_base_ratio", "backward_linkage", "forward_linkage", "std_error"}


def column_header(column: object) -> str:
    """The Indonesian heading of a column: :data:`COLUMN_LABELS`, else the name if it is already
    a heading (has a space or a capital), else the code made readable (``"foo_bar"`` → ``"Foo bar"``).

    >>> column_header("region_name"), column_header("Butir"), column_header("some_code")
    ('Wilayah', 'Butir', 'Some code')
    """
    name = str(column)
    if name in COLUMN_LABELS:
        return COLUMN_LABELS[name]
    if " " in name or name != name.lower():
        return name
    return name.replace("_", " ").strip().capitalize() or name


def column_format(column: str, series: pd.Series) -> str | None:
    """The kind of number format (a key of :data:`FORMATS`) of a column, or None for text.

    >>> column_format("year", pd.Series([2020])), column_format("value", pd.Series([1.5]))
    ('year', 'money')
    >>> column_format("growth_pct", pd.Series([1.5])), column_format("lq", pd.Series([1.5]))
    ('percent', 'index')
    """
    if pd.api.types.is_bool_dtype(series) or not pd.api.types.is_numeric_dtype(series):
        return None
    name = str(column)
    if name in _YEARS:
        return "year"
    if pd.api.types.is_integer_dtype(series):
        return "count"
    if name.endswith(("_pct", "_pp")) or "(%)" in name:
        return "percent"
    if name in _MONEY:
        return "money"
    if name in _INDEX_HINTS:
        return "index"
    return "decimal"


def check_excel_size(tables: Mapping[str, pd.DataFrame], *, func: str = "write_workbook") -> None:
    """Refuse, before writing anything, a table that does not fit on one sheet."""
    for name, frame in tables.items():
        rows, cols = frame.shape
        if rows + 1 > EXCEL_MAX_ROWS:
            raise ValueError(f"{func}: table {name!r} has {rows:,} rows; an Excel sheet holds "
                             f"{EXCEL_MAX_ROWS - 1:,} rows below its header (write CSV instead)")
        if cols > EXCEL_MAX_COLS:
            raise ValueError(f"{func}: table {name!r} has {cols:,} columns; an Excel sheet holds {EXCEL_MAX_COLS:,}")


def sheet_names(names: list[str]) -> dict[str, str]:
    """A valid, unique (case-insensitively) sheet name for each table name.

    >>> sheet_names(["lq", "lq_nasional", "a/b:c", "lq"])
    {'lq': 'LQ', 'lq_nasional': 'LQ (Indonesia)', 'a/b:c': 'A-b-c'}
    """
    out: dict[str, str] = {}
    used = {WORKBOOK["sheet"].lower()}
    for name in names:
        if name in out:
            continue
        base = name.removesuffix("_nasional")
        if base in SHEET_NAMES:
            label = WORKBOOK["national_sheet"].format(sheet=SHEET_NAMES[base]) if base != name else SHEET_NAMES[base]
        else:
            label = name.replace("_", " ").capitalize()
        label = _BAD_SHEET_CHARS.sub("-", label).strip("'") or WORKBOOK["fallback_sheet"]
        label = label[:_MAX_SHEET]
        candidate, i = label, 2
        while candidate.lower() in used:
            suffix = f" ({i})"
            candidate = label[: _MAX_SHEET - len(suffix)] + suffix
            i += 1
        used.add(candidate.lower())
        out[name] = candidate
    return out


#: A CSV text a spreadsheet would evaluate: starting with ``=``, ``@``, a tab or a carriage
#: return, or with ``+``/``-`` followed by anything but a number or signs (``"-"``, ``"--+"``,
#: the MRP sign columns, stay as they are; ``"+HYPERLINK(...)"``, ``"-2+cmd|..."`` do not).
_CSV_FORMULA = re.compile(r"^(?:[=@\t\r]|[+-].*[^0-9+\-.,%eE ])", re.DOTALL)


def formula_safe(value: str) -> str:
    """A CSV text that a spreadsheet will not evaluate: a leading apostrophe where it would.

    >>> formula_safe("=1+1"), formula_safe("+HYPERLINK(1)"), formula_safe("--+"), formula_safe("Paser")
    ("'=1+1", "'+HYPERLINK(1)", '--+', 'Paser')
    """
    return "'" + value if _CSV_FORMULA.match(value) else value


def write_csv(path: str | Path, frame: pd.DataFrame) -> Path:
    """Write ``frame`` as UTF-8 CSV atomically, texts made formula-safe (:func:`formula_safe`)."""
    def _write(tmp: Path) -> None:
        safe = frame
        for col in frame.columns:
            s = frame[col]
            if pd.api.types.is_numeric_dtype(s) or pd.api.types.is_bool_dtype(s):
                continue
            s = s.astype(object)
            risky = s.map(lambda v: isinstance(v, str) and _CSV_FORMULA.match(v) is not None).astype(bool)
            if risky.any():
                if safe is frame:
                    safe = frame.copy()
                safe[col] = s.where(~risky, "'" + s[risky].astype(str))
        safe.to_csv(tmp, index=False, encoding="utf-8")

    return write_atomic(path, _write)


def _run_datetime(run_date: str | _dt.datetime | None) -> _dt.datetime:
    if isinstance(run_date, _dt.datetime):
        value = run_date
    elif run_date:
        value = _dt.datetime.fromisoformat(str(run_date))
    else:
        value = _dt.datetime.now(_dt.UTC)
    if value.tzinfo is not None:  # xlsxwriter wants a naive UTC time
        value = value.astimezone(_dt.UTC).replace(tzinfo=None)
    return value.replace(microsecond=0)


def _provenance_rows(provenance: Mapping[str, object] | None, names: Mapping[str, str],
                     tables: Mapping[str, pd.DataFrame]) -> list[tuple[str, str]]:
    prov = dict(provenance or {})
    rows: list[tuple[str, str]] = []
    if prov.get("package") or prov.get("version"):
        rows.append((WORKBOOK["package"], f"{prov.get('package', 'potensi')} {prov.get('version', '')}".strip()))
    if prov.get("git_commit"):
        rows.append((WORKBOOK["commit"], str(prov["git_commit"])))
    if prov.get("run_date"):
        rows.append((WORKBOOK["run_date"], str(prov["run_date"])))
    rows.append((WORKBOOK["source"], str(prov.get("sources") or WORKBOOK["sources"])))
    for key, value in dict(prov.get("parameters") or {}).items():
        rows.append((WORKBOOK["parameter"].format(name=key), json.dumps(value, ensure_ascii=False)))
    for key, value in dict(prov.get("inputs_sha256") or {}).items():
        rows.append((WORKBOOK["input"].format(name=key), str(value)))
    for key, sheet in names.items():
        n_rows = f"{len(tables[key]):,}".replace(",", ".")
        rows.append((WORKBOOK["sheets"].format(sheet=sheet), WORKBOOK["rows"].format(n=n_rows)))
    rows.append(("", WORKBOOK["note"]))
    return rows


def _width(header: str, values: list[str]) -> float:
    longest = max([len(header) * 0.9, *(len(v) for v in values[:200])], default=8)
    return float(min(max(longest + 2, 8), 60))


def write_workbook(path: str | Path, tables: Mapping[str, pd.DataFrame], *,
                   provenance: Mapping[str, object] | None = None,
                   run_date: str | _dt.datetime | None = None) -> Path:
    """Write ``tables`` (name → DataFrame) to the XLSX workbook ``path``, one sheet each, plus ``Sumber``.

    Parameters
    ----------
    path
        The workbook to write (atomically: a temporary file beside it, then a rename).
    tables
        Tables in sheet order; every column is kept. Names are mapped to sheet names by
        :func:`sheet_names`.
    provenance
        What produced the tables (:func:`potensi.study.province.provenance`): written to the
        ``Sumber`` sheet. Its ``run_date`` is the workbook's creation date unless ``run_date``
        is given.
    run_date
        The run date (ISO text or datetime) stored as the document's creation date; the same
        run date gives the same bytes. Default: the provenance's run date, else now.

    Raises
    ------
    ValueError
        A table larger than an Excel sheet (checked before anything is written).
    """
    import xlsxwriter

    tables = {str(k): v for k, v in tables.items()}
    check_excel_size(tables)
    created = _run_datetime(run_date or (provenance or {}).get("run_date"))
    names = sheet_names(list(tables))

    def _write(tmp: Path) -> None:
        wb = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False, "strings_to_urls": False,
                                            "strings_to_numbers": False, "nan_inf_to_errors": False})
        wb.set_properties({"title": WORKBOOK["file_title"], "author": "potensi", "created": created,
                           "comments": WORKBOOK["comments"]})
        head = wb.add_format({"bold": True, "text_wrap": True, "valign": "top", "bottom": 1, "bg_color": "#E8F0E8"})
        fmts = {k: wb.add_format({"num_format": v}) for k, v in FORMATS.items()}
        text = wb.add_format({})
        for key, frame in tables.items():
            _sheet(wb.add_worksheet(names[key], worksheet_class=_BulkSheet if USE_BULK else None), frame, head, fmts, text)
        prov = pd.DataFrame(_provenance_rows(provenance, names, tables), columns=[WORKBOOK["item"], WORKBOOK["value"]])
        _sheet(wb.add_worksheet(WORKBOOK["sheet"]), prov, head, fmts, text, filter_=False)
        wb.close()

    return write_atomic(path, _write)


def _sheet(ws, frame: pd.DataFrame, head, fmts, text, *, filter_: bool = True) -> None:
    headers = _unique([column_header(c) for c in frame.columns], list(frame.columns))
    n = len(frame)
    kinds = [column_format(str(c), frame[c]) for c in frame.columns]
    columns = []  # (kind, numbers or texts) per column
    for j, (col, title, kind) in enumerate(zip(frame.columns, headers, kinds)):
        ws.write_string(0, j, title, head)
        if kind is not None:
            values = pd.to_numeric(frame[col], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
            finite = values[np.isfinite(values)][:200]
            ws.set_column(j, j, _width(title, [f"{v:,.1f}" for v in finite]), fmts[kind])
            columns.append((kind, values))
        else:
            codes, uniques = _texts(frame[col])
            ws.set_column(j, j, _width(title, [uniques[c] for c in codes[:200]]))
            columns.append((None, (codes, uniques)))
    if isinstance(ws, _BulkSheet) and USE_BULK and n:
        ws.bulk_rows = _rows_xml(columns, {k: f._get_xf_index() for k, f in fmts.items()})
        ws._check_dimensions(n, len(columns) - 1)
    else:  # the public, cell-by-cell path (kept for any xlsxwriter without the bulk hook)
        for j, (kind, data) in enumerate(columns):
            if kind is not None:
                for i in np.flatnonzero(np.isfinite(data)):
                    ws.write_number(int(i) + 1, j, float(data[i]), fmts[kind])
            else:
                codes, uniques = data
                for i, c in enumerate(codes.tolist()):
                    if uniques[c]:
                        ws.write_string(i + 1, j, uniques[c], text)
    ws.set_row(0, None, head)
    ws.freeze_panes(1, 0)
    if filter_ and len(frame.columns):
        ws.autofilter(0, 0, max(n, 1), len(frame.columns) - 1)


# --------------------------------------------------------------------------------------------
# bulk sheet data: xlsxwriter writes cell by cell (~20 µs a cell, 55 s for the 1.6 million cells
# of all kab/kota); the data rows below the header are built here column-wise with numpy as
# the same XML xlsxwriter writes in constant_memory mode (numbers with a style, inline strings)
# and handed to xlsxwriter, which writes everything else (header, styles, widths, panes, filter,
# properties, zip). xlsxwriter is pinned (pyproject.toml); tests compare both paths.
# --------------------------------------------------------------------------------------------
_MAX_TEXT = 32_767  # Excel's longest cell text
_XML_SPECIAL = re.compile("[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")
_ESCAPED_ESCAPE = re.compile("(_x[0-9a-fA-F]{4}_)")
_CONTROL = re.compile("([\x00-\x08\x0b-\x1f])")


class _BulkSheet(Worksheet):
    """A worksheet whose data rows below the header arrive as ready XML (:func:`_rows_xml`)."""

    bulk_rows = ""

    def _write_rows(self) -> None:
        super()._write_rows()  # the header row (and any row written through the public API)
        self.fh.write(self.bulk_rows)


#: Whether the bulk path is used (xlsxwriter has the two hooks it needs; tests switch it off to
#: compare with the public cell-by-cell path).
USE_BULK = all(hasattr(Worksheet, m) for m in ("_write_rows", "_check_dimensions"))


def _xml_text(s: str) -> str:
    """A cell text as the inline-string XML of xlsxwriter (escapes, ``_xHHHH_`` control characters)."""
    if _XML_SPECIAL.search(s):
        s = _ESCAPED_ESCAPE.sub(r"_x005F\1", s)
        s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        s = _CONTROL.sub(lambda m: f"_x{ord(m.group(1)):04X}_", s)
        s = s.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")
    preserve = ' xml:space="preserve"' if s[:1].isspace() or s[-1:].isspace() else ""
    return f'" t="inlineStr"><is><t{preserve}>{s}</t></is></c>'


def _rows_xml(columns: list[tuple[str | None, object]], xf: Mapping[str, int]) -> str:
    """``<row>`` elements of the data rows (Excel rows 2..n+1), built column by column."""
    from xlsxwriter.utility import xl_col_to_name

    first = columns[0][1]
    n = len(first[0]) if columns[0][0] is None else len(first)
    numbers = np.arange(2, n + 2).astype(str).astype(object)
    cells = np.full(n, "", dtype=object)
    for j, (kind, data) in enumerate(columns):
        ref = f'<c r="{xl_col_to_name(j)}' + numbers
        if kind is not None:
            values = np.asarray(data, dtype=float)
            ok = np.isfinite(values)
            # repr: the shortest text that reads back as the same float; "2013.0" written "2013"
            shown = np.array([r[:-2] if r.endswith(".0") else r for r in map(repr, values.tolist())], dtype=object)
            part = ref + f'" s="{xf[kind]}"><v>' + shown + "</v></c>"
            part[~ok] = ""
        else:
            codes, uniques = data
            xml = np.array([_xml_text(v) if v else "" for v in uniques], dtype=object)
            empty = np.array([not v for v in uniques], dtype=bool)
            part = ref + xml[codes]
            part[empty[codes]] = ""
        cells = cells + part
    return "".join(('<row r="' + numbers + '">' + cells + "</row>").tolist())


def _texts(s: pd.Series) -> tuple[np.ndarray, list[str]]:
    """A non-numeric column as ``(codes, texts)``: each row's index into its distinct cell texts
    (missing → "", booleans → "ya"/"tidak", at most Excel's 32 767 characters)."""
    codes, uniques = pd.factorize(s.astype(object), use_na_sentinel=True)
    texts = [WORKBOOK["yes" if v else "no"] if isinstance(v, (bool, np.bool_)) else str(v)[:_MAX_TEXT]
             for v in uniques.tolist()]
    texts.append("")  # code -1 (missing) indexes this last entry
    return codes, texts


def _unique(headers: list[str], columns: list[object]) -> list[str]:
    """Headings made unique within a sheet: a repeated one gets its column code in brackets."""
    seen: dict[str, int] = {}
    for h in headers:
        seen[h] = seen.get(h, 0) + 1
    return [f"{h} [{c}]" if seen[h] > 1 else h for h, c in zip(headers, columns)]
