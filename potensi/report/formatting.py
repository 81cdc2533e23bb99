"""Numbers, percentages and tables in Indonesian format for the reports.

Indonesian usage (PUEBI; BPS publications): a dot groups thousands and a comma marks decimals,
``1.234,5``; money in the report is in *miliar rupiah*; percentages are written ``12,3 %``.
Years are never grouped (``2020``, not ``2.020``).

>>> angka(1234.5)
'1.234,5'
>>> angka(-0.04, 2)
'-0,04'
>>> rupiah(1234567.891)
'1.234.567,9 miliar rupiah'
>>> persen(12.345)
'12,3 %'
>>> persen(float("nan"))
'–'
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from potensi.core.numbers import angka, daftar, is_missing, persen, poin_persen, rupiah
from potensi.core.wording import (  # the one wording module
    COLUMN_LABELS,
    REPORT_LABELS,
    TABLE_VIEW,
    TEXT_REPLACEMENTS,
    VALUE_LABELS,
    translate_reason,
)

__all__ = [
    "MISSING",
    "COLUMN_LABELS",
    "YEAR_COLUMNS",
    "REPORT_COLUMNS",
    "REPORT_LABELS",
    "VALUE_LABELS",
    "TEXT_REPLACEMENTS",
    "TRANSLATED_COLUMNS",
    "report_view",
    "angka",
    "rupiah",
    "persen",
    "poin_persen",
    "daftar",
    "tabel",
    "Collapsible",
    "table_for_display",
]

#: Shown for a missing number (an en dash, as in BPS tables).
MISSING = "–"
#: Columns holding years: shown as plain integers.
YEAR_COLUMNS = ("year", "start_year", "end_year", "tahun", "tahun_awal", "tahun_akhir", "from_year", "to_year")

# the profile's rule is the signs of IM and CE, two columns to its left (the workbook has profile_rule)
_SHIFT_SHARE = ["region_name", "sector_label", "change", "national_share", "industry_mix", "competitive_effect",
                "net_shift", "profile", "net_shift_class", "reason"]
_SECTOR_COLUMNS: dict[str, list[str]] = {
    "lq": ["region_name", "sector_label", "year", "lq", "reason"],
    "dlq": ["region_name", "sector_label", "slq", "dlq", "slq_dlq_class", "slq_dlq_rule", "reason"],
    "shift_share": _SHIFT_SHARE,
    "mrp": ["region_name", "sector_label", "growth_pct", "reference_growth_pct", "rpr", "rps", "rpr_sign", "rps_sign",
            "lq", "overlay", "note", "reason"],
    "klassen_sector": ["region_name", "sector_label", "growth_pct", "reference_growth_pct", "share_pct",
                       "reference_share_pct", "klassen", "klassen_rule", "reason"],
    "growth": ["region_name", "sector_label", "year", "value", "distribution_pct", "lpe_pct", "contribution_pp"],
}
#: The columns shown in the HTML report, in order, per table name (display only: the XLSX
#: workbook keeps every column). Names rather than codes, the key numbers, a label and its rule;
#: ``reason`` and ``note`` are dropped when empty and a ``note`` that is the same on every row
#: moves into the caption. A table not listed here is shown whole.
REPORT_COLUMNS: dict[str, list[str]] = {
    **_SECTOR_COLUMNS,
    # the province against Indonesia: one region, so no region column
    **{f"{k}_nasional": [c for c in v if c != "region_name"] for k, v in _SECTOR_COLUMNS.items()},
    "klassen_region": ["region_name", "growth", "per_capita", "klassen", "reason"],
    "specialisation": ["region_name", "year", "krugman", "hoover", "herfindahl_normalised", "entropy_normalised",
                       "reason"],
    "inequality": ["scope", "year", "index", "population_source", "value", "class", "note", "reason"],
    "convergence": ["scope", "statistic", "population_source", "year", "start_year", "end_year", "value", "std_error",
                    "n_regions", "cov_type", "note"],
    "interaction": ["rank", "region_name_a", "region_name_b", "mass_a", "mass_b", "distance_km",
                    "interaction_index", "reason"],
    "interaksi_penduduk": ["rank", "region_name_a", "region_name_b", "mass_a", "mass_b", "distance_km",
                           "interaction_index", "reason"],
    "sektor_unggulan": ["region_name", "sector_label", "kelas", "lq", "share_region_pct", "competitive_effect",
                        "dlq", "scenarios_agree", "scenarios_total", "knife_edge", "evidence"],
    "kerja_sama_ditolak": ["region_name_a", "region_name_b", "bentuk", "objek", "sector_label", "distance_km",
                           "alasan"],
    "ketetanggaan": ["region_name_a", "region_name_b", "method", "shared_border_km", "distance_km",
                     "cross_province"],
    "daerah_serupa": ["region_name", "rank", "peer_name", "similarity", "shared_sectors"],
    "aksesibilitas": ["region_name", "accessibility"],
    "io_sektor": ["sector_label", "output_multiplier", "value_added_multiplier", "backward_linkage",
                  "forward_linkage", "key_sector", "export_share", "import_share", "lq"],
    "io_kabkota": ["region_name", "sector_label", "output_multiplier", "value_added_multiplier",
                   "backward_linkage", "forward_linkage", "key_sector", "import_share"],
    "pdrb_tahunan": ["region_name", "level", "island", "year", "value", "growth_pct", "provisional"],
    "pertumbuhan_rata": ["region_name", "level", "island", "value_start", "value_end", "mean_growth_pct"],
    "struktur": ["region_name", "year", "sector_label", "value", "share_pct"],
    "kontribusi_kabkota": ["region_name", "level", "value", "share_pct"],
    # national summary
    "theil_islands": ["year", "index", "total", "between", "within", "between_share", "reason"],
    # data quality
    "selisih_kabkota": ["year", "province_total", "sum_members", "difference", "difference_pct", "n_members",
                        "n_missing", "note"],
    "angka_ditolak": ["region_name", "year", "sector_code", "sector_label", "price_basis", "value", "source_id",
                      "reason"],
    "angka_sementara": ["region_name", "year", "status", "angka"],
    "sumber": ["level", "source_id", "tahun_awal", "tahun_akhir", "wilayah", "angka"],
    "kekosongan": ["year", "wilayah_tanpa_data", "kode"],
    "tumpang_tindih": ["source_id_kept", "source_id_replaced", "figures", "max_rel_diff"],
    "kualitas_umum": ["level", "price_basis", "regions", "years", "figures", "missing_values", "zero_markers",
                      "provisional_figures", "sources"],
}
#: Text columns shown through :func:`potensi.core.wording.translate_reason`.
TRANSLATED_COLUMNS = ("reason", "note", "dlq_note")
#: Columns dropped from the display when equal on every row, and said once in the caption instead.
_CAPTION_FACTS = ("population_source", "reference_growth", "reference_per_capita", "mass_kind", "scope", "cov_type")


def _constant(frame: pd.DataFrame, col: str) -> object | None:
    """The single value of ``col`` (None if the column is absent, empty or not constant)."""
    if col not in frame.columns or len(frame) == 0 or frame[col].nunique(dropna=False) != 1:
        return None
    value = frame[col].iloc[0]
    return None if is_missing(value) else value


_DECIMAL_PERCENT = re.compile(r"(?<![\d.])(-?\d+)\.(\d+)\s?%")


def _indonesian_values(col: str, s: pd.Series) -> pd.Series:
    mapping = VALUE_LABELS.get(col)
    replacements = TEXT_REPLACEMENTS.get(col)
    if not (pd.api.types.is_object_dtype(s) or pd.api.types.is_string_dtype(s)
            or isinstance(s.dtype, pd.CategoricalDtype)):
        return s

    def one(v: object) -> object:
        if is_missing(v):
            return v
        text = (mapping or {}).get(str(v), str(v))
        if col in TRANSLATED_COLUMNS:
            text = translate_reason(text)
        for old, new in replacements or ():
            text = text.replace(old, new)
        return _DECIMAL_PERCENT.sub(r"\1,\2 %", text).replace("  ", " ")

    values = s.astype(object)
    texts = isinstance(s.dtype, pd.CategoricalDtype) or (
        pd.api.types.is_string_dtype(s.dtype) and not pd.api.types.is_object_dtype(s.dtype))
    if texts:
        # texts repeat (names, classes, reasons): each distinct text worded once; missing cells kept
        codes, uniques = pd.factorize(values, use_na_sentinel=True)
        worded = np.array([one(u) for u in uniques], dtype=object)
        out = values.to_numpy(copy=True)
        present = codes >= 0
        out[present] = worded[codes[present]]
        return pd.Series(out, index=s.index, name=s.name)  # dtype inferred, as Series.map infers it
    return values.map(one)


#: Long tables (a row per kab/kota, lapangan usaha and year) the report shows with a column per year,
#: as a series is read; the workbook keeps them long. Table name -> the value column.
YEARS_AS_COLUMNS = {"lq": "lq"}


def _years_as_columns(view: pd.DataFrame, value: str) -> pd.DataFrame:
    """``region_name, sector_label, year, value[, reason]`` → a row per kab/kota and lapangan usaha
    (in the order of the table), a column per year (a missing value stays missing), and the row's
    reasons in one ``reason`` column (``2013: …; 2014: …``). Unchanged if a key repeats.

    >>> v = pd.DataFrame({"region_name": ["Batu", "Batu", "Malang"], "sector_label": ["Pertanian"] * 3,
    ...                   "year": [2013, 2014, 2013], "lq": [float("nan"), 1.5, 0.5],
    ...                   "reason": ["tidak ada data", None, None]})
    >>> _years_as_columns(v, "lq").to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
    [{'region_name': 'Batu', 'sector_label': 'Pertanian', 2013: nan, 2014: 1.5, 'reason': '2013: tidak ada data'},
     {'region_name': 'Malang', 'sector_label': 'Pertanian', 2013: 0.5, 2014: nan, 'reason': ''}]
    """
    keys = ["region_name", "sector_label"]
    if view.duplicated([*keys, "year"]).any():
        return view
    rows = pd.MultiIndex.from_frame(view[keys].drop_duplicates())
    wide = view.set_index([*keys, "year"])[value].unstack("year").reindex(rows)
    wide.columns = [int(y) for y in wide.columns]
    if "reason" in view.columns:
        said = view.dropna(subset=["reason"])
        said = said[said["reason"].astype(str).str.strip() != ""]
        notes = (said.assign(_n=[f"{int(y)}: {r}" for y, r in zip(said["year"], said["reason"])])
                 .groupby(keys, sort=False)["_n"].agg("; ".join))
        wide["reason"] = notes.reindex(rows).fillna("").to_numpy()
    return wide.reset_index()


def report_view(name: str, frame: pd.DataFrame, *, start_year: int | None = None,
                end_year: int | None = None) -> tuple[pd.DataFrame, dict[str, str], str]:
    """What the HTML report shows of table ``name``: ``(columns, headings, caption addition)``.

    Keeps the columns of :data:`REPORT_COLUMNS` that the frame has (a table not listed is kept
    whole), words technical values in Indonesian (:data:`VALUE_LABELS`, :data:`TEXT_REPLACEMENTS`),
    drops empty ``reason``/``note`` columns and says once in the caption what is the same on
    every row (the period, the population source, a note); a table of :data:`YEARS_AS_COLUMNS`
    gets a column per year. The input is not changed.

    >>> f = pd.DataFrame({"region_code": ["6401"], "region_name": ["Paser"], "sector_label": ["Pertanian"],
    ...                   "start_year": [2013], "end_year": [2020], "slq": [1.6], "dlq": [0.98],
    ...                   "slq_dlq_class": ["prospektif"], "slq_dlq_rule": ["SLQ>1, DLQ<=1"], "reason": [""]})
    >>> view, labels, extra = report_view("dlq", f)
    >>> list(view.columns), view["slq_dlq_rule"].iloc[0], extra
    (['region_name', 'sector_label', 'slq', 'dlq', 'slq_dlq_class', 'slq_dlq_rule'], 'SLQ > 1, DLQ ≤ 1', ', 2013–2020')
    """
    columns = REPORT_COLUMNS.get(name)
    if columns is None:
        return frame, {}, ""
    fields: dict[str, object] = {"start_year": start_year, "end_year": end_year}
    for col in ("start_year", "end_year", "year", "lq_year", "per_capita_year", "n_methods"):
        value = _constant(frame, col)
        if value is not None:
            fields[col] = int(value)  # type: ignore[call-overload]
    shown = [c for c in columns if c in frame.columns]
    view = pd.DataFrame({c: _indonesian_values(c, frame[c]) for c in shown}, index=frame.index)

    facts: list[str] = []
    if "start_year" not in shown and "start_year" in frame.columns and fields.get("start_year") and fields.get("end_year"):
        facts.append(f"{fields['start_year']}–{fields['end_year']}")
    if "year" not in shown and fields.get("year") is not None:
        facts.append(TABLE_VIEW["year"].format(year=fields["year"]))
    for col in _CAPTION_FACTS:
        value = _constant(frame, col)
        if value is None:
            continue
        if col in view.columns:
            view = view.drop(columns=col)
        text = VALUE_LABELS.get(col, {}).get(str(value), str(value))
        if col == "population_source":
            facts.append(TABLE_VIEW["population"].format(source=text))
        elif col == "reference_growth":
            facts.append(TABLE_VIEW["reference_growth"].format(value=angka(value, 2)))  # type: ignore[arg-type]
        elif col == "reference_per_capita":
            facts.append(TABLE_VIEW["reference_per_capita"].format(value=angka(value, 2)))  # type: ignore[arg-type]
        else:
            facts.append(TABLE_VIEW["mass"].format(kind=text))
    note = ""
    for col in ("note", "reason"):
        if col not in view.columns:
            continue
        values = view[col].astype(object).map(lambda v: "" if is_missing(v) else str(v).strip())
        if (values == "").all():
            view = view.drop(columns=col)
        elif col == "note" and values.nunique() == 1 and len(view) > 1:
            note = TABLE_VIEW["note"].format(note=values.iloc[0])
            view = view.drop(columns=col)

    if (name in YEARS_AS_COLUMNS and {"region_name", "sector_label", "year"} <= set(view.columns)
            and view["year"].nunique() > 1):
        view = _years_as_columns(view, YEARS_AS_COLUMNS[name])
    labels: dict[str, str] = {}
    for col, template in REPORT_LABELS.get(name, REPORT_LABELS.get(name.removesuffix("_nasional"), {})).items():
        try:
            labels[col] = template.format(**{k: v for k, v in fields.items() if v is not None})
        except KeyError:
            continue
    extra = (", " + "; ".join(facts) if facts else "") + note
    return view.reset_index(drop=True), labels, extra


def md_escape(x: object) -> str:
    """Text from data made safe for Markdown that becomes HTML: HTML-escaped, and the Markdown
    characters of emphasis, tables, code and links (``* _ | ` [ ]``) written as entities, so a
    region name shows literally and never turns into markup, a link or a script."""
    text = html.escape(str(x), quote=True)
    for ch, ent in (("*", "&#42;"), ("_", "&#95;"), ("|", "&#124;"), ("`", "&#96;"), ("[", "&#91;"), ("]", "&#93;")):
        text = text.replace(ch, ent)
    return text


def table_for_display(frame: pd.DataFrame, *, decimals: int | Mapping[str, int] = 2,
                      labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """A copy of ``frame`` with every number as Indonesian text and headings in Indonesian.

    ``decimals`` is one number of decimals for every float column, or a mapping column -> decimals
    (unlisted float columns get 2). Integer columns are grouped (``1.234``) except year columns.
    """
    labels = {**COLUMN_LABELS, **(labels or {})}
    out = {}
    for col in frame.columns:
        s = frame[col]
        if col in YEAR_COLUMNS:
            out[col] = [MISSING if is_missing(v) else str(int(v)) for v in s]
        elif pd.api.types.is_bool_dtype(s):
            out[col] = [MISSING if is_missing(v) else "ya" if v else "tidak" for v in s]  # nullable boolean
        elif pd.api.types.is_integer_dtype(s):
            out[col] = [angka(v, 0) for v in s]
        elif pd.api.types.is_float_dtype(s):
            d = decimals.get(col, 2) if isinstance(decimals, Mapping) else decimals
            out[col] = [angka(v, d) for v in s]
        else:
            out[col] = [MISSING if is_missing(v) else str(v) for v in s]
    shown = pd.DataFrame(out, index=range(len(frame)), columns=list(frame.columns))
    return shown.rename(columns=lambda c: labels.get(c, c))


class ReportTable:
    """A report table as HTML: a scoped ``<style>`` block and a plain ``<table>``, every cell escaped.

    The same page as a pandas ``Styler`` with a fixed uuid, hidden index and these styles would
    give, without its per-cell ``id`` and ``row``/``data``/``col`` classes: columns are styled by
    position (``td:nth-child(i)``), so a cell is a bare ``<td>``. A sixth of the bytes, written
    ten times faster (the LQ table of Jawa Timur, 6 460 rows: 2.6 MB and 1.6 s with ``Styler``);
    the rows follow each other without line breaks, so that the notebook keeps a table as one
    string instead of a list of thousands of lines (papermill and nbconvert handle it faster).
    """

    def __init__(self, shown: pd.DataFrame, *, uid: str, caption: str | None, styles: list[tuple[str, str]]):
        self.shown, self.uid, self.caption, self.styles = shown, uid, caption, styles

    def to_html(self) -> str:
        tid = f"T_{self.uid}"
        css = "".join(f"#{tid} {sel} {{ {props} }}\n" for sel, props in self.styles)
        head = "".join(f"<th>{html.escape(str(c))}</th>" for c in self.shown.columns)
        columns = [[html.escape(str(v)) for v in self.shown.iloc[:, i].tolist()] for i in range(self.shown.shape[1])]
        body = "".join("<tr><td>" + "</td><td>".join(row) + "</td></tr>" for row in zip(*columns))
        caption = f"<caption>{html.escape(self.caption, quote=False)}</caption>" if self.caption else ""
        return (f'<style type="text/css">\n{css}</style>\n<table id="{tid}">{caption}'
                f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>\n")

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:  # the text/plain twin of the HTML output: stable, no memory address
        return f"ReportTable({len(self.shown)} rows × {self.shown.shape[1]} columns)"


class Collapsible:
    """A long table shown whole inside ``<details>`` (no script): the caption is the summary line,
    with the number of rows and *klik untuk membuka*; nothing is cut."""

    def __init__(self, table: ReportTable, caption: str, rows: int):
        self.table, self.caption, self.rows = table, caption, rows

    def to_html(self) -> str:
        summary = html.escape(self.caption) + " " if self.caption else ""
        more = html.escape(TABLE_VIEW["collapsed"].format(rows=angka(self.rows, 0)))
        return (f"<details class='tabel-panjang'><summary><b>{summary}</b>{more}</summary>"
                f"{self.table.to_html()}</details>")

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        return f"Collapsible({self.table!r})"


def tabel(frame: pd.DataFrame, *, caption: str | None = None, decimals: int | Mapping[str, int] = 2,
          labels: Mapping[str, str] | None = None, max_rows: int | None = None):
    """An HTML table (:class:`ReportTable`) for the report: Indonesian numbers, no index, a caption.

    A table longer than ``max_rows`` is never cut: it is shown whole inside a collapsible
    ``<details>`` block (:class:`Collapsible`) whose summary line is the caption and says so
    (*tabel lengkap; klik untuk membuka*). The workbook keeps every row and column as well.
    """
    shown = table_for_display(frame, decimals=decimals, labels=labels)
    collapse = max_rows is not None and len(shown) > max_rows
    digest = hashlib.sha1(pd.util.hash_pandas_object(shown, index=False).to_numpy().tobytes()
                          + (caption or "").encode()).hexdigest()[:10]  # stable HTML ids: reruns diff clean
    text_cols = [i for i, col in enumerate(frame.columns)
                 if not (pd.api.types.is_numeric_dtype(frame[col]) or pd.api.types.is_bool_dtype(frame[col]))
                 or col in YEAR_COLUMNS]
    styles = [
        ("caption", "caption-side: top; text-align: left; font-weight: bold; padding: 4px 0;"),
        ("td", "text-align: right; padding: 2px 6px;"),
        ("th", "text-align: left; vertical-align: bottom; padding: 2px 6px;"),
        ("", "font-size: 0.92em;"),
        # names, labels and years read from the left; numbers stay right-aligned
        *((f"td:nth-child({i + 1})", "text-align: left;") for i in text_cols),
        # short texts (names, years, codes) and numbers stay on one line; long texts wrap, not too narrow
        *((f"td:nth-child({i + 1})", "white-space: nowrap;" if short else "min-width: 10em;")
          for i, short in ((i, i not in text_cols or shown.iloc[:, i].str.len().max() <= 26)
                           for i in range(shown.shape[1]))),
    ]
    # every text from data is escaped where it enters HTML: cells, column labels and the caption
    table = ReportTable(shown, uid=f"t{digest}", caption=None if collapse else caption, styles=styles)
    return Collapsible(table, caption or "", len(shown)) if collapse else table
