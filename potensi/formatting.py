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
import math
from collections.abc import Iterable, Mapping

import pandas as pd

__all__ = [
    "MISSING",
    "COLUMN_LABELS",
    "YEAR_COLUMNS",
    "angka",
    "rupiah",
    "persen",
    "poin_persen",
    "daftar",
    "tabel",
    "table_for_display",
]

#: Shown for a missing number (an en dash, as in BPS tables).
MISSING = "–"
#: Columns holding years: shown as plain integers.
YEAR_COLUMNS = ("year", "start_year", "end_year", "tahun", "tahun_awal", "tahun_akhir", "from_year", "to_year")
#: Indonesian column headings of the report tables (columns not listed keep their name).
COLUMN_LABELS: dict[str, str] = {
    "region_code": "Kode wilayah",
    "region_name": "Wilayah",
    "region_code_a": "Kode wilayah A",
    "region_name_a": "Wilayah A",
    "region_code_b": "Kode wilayah B",
    "region_name_b": "Wilayah B",
    "level": "Tingkat",
    "sector_code": "Kode LU",
    "sector_label": "Lapangan usaha",
    "sector_name": "Lapangan usaha",
    "year": "Tahun",
    "start_year": "Tahun awal",
    "end_year": "Tahun akhir",
    "value": "PDRB (miliar rupiah)",
    "share_pct": "Peran (%)",
    "growth_pct": "Pertumbuhan (%)",
    "mean_growth_pct": "Rata-rata pertumbuhan (%/tahun)",
    "lq": "LQ",
    "dlq": "DLQ",
    "slq_dlq_class": "Kelas SLQ×DLQ",
    "change": "Perubahan (miliar rupiah)",
    "national_share": "Pertumbuhan acuan (NS)",
    "industry_mix": "Bauran industri (IM)",
    "competitive_effect": "Keunggulan kompetitif (CE)",
    "rpr": "RPr",
    "rps": "RPs",
    "overlay": "Overlay",
    "klassen": "Tipologi Klassen",
    "index": "Indeks",
    "population_source": "Sumber penduduk",
    "source_id": "Sumber",
    "status": "Status angka",
    "provisional": "Angka sementara",
    "price_basis": "Dasar harga",
    "reason": "Alasan",
    "note": "Catatan",
}


def _is_missing(x: object) -> bool:
    if x is None or x is pd.NA:
        return True
    try:
        return bool(math.isnan(float(x)))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def angka(x: float | int | None, decimals: int = 1) -> str:
    """``1234.5`` -> ``'1.234,5'`` (dot for thousands, comma for decimals); missing -> ``'–'``."""
    if _is_missing(x):
        return MISSING
    value = round(float(x), decimals) + 0.0  # drop the sign of -0.0
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def rupiah(x_miliar: float | None, decimals: int = 1) -> str:
    """A value in miliar rupiah: ``'1.234,5 miliar rupiah'``."""
    if _is_missing(x_miliar):
        return MISSING
    return f"{angka(x_miliar, decimals)} miliar rupiah"


def persen(x: float | None, decimals: int = 1) -> str:
    """A percentage already multiplied by 100: ``12.345`` -> ``'12,3 %'``."""
    if _is_missing(x):
        return MISSING
    return f"{angka(x, decimals)} %"


def poin_persen(x: float | None, decimals: int = 1) -> str:
    """A difference of two percentages: ``'2,1 poin persen'``."""
    if _is_missing(x):
        return MISSING
    return f"{angka(x, decimals)} poin persen"


def daftar(items: Iterable[str], conj: str = "dan") -> str:
    """``['a', 'b', 'c']`` -> ``'a, b dan c'`` (Indonesian lists have no serial comma).

    >>> daftar(["Samarinda", "Balikpapan", "Bontang"])
    'Samarinda, Balikpapan dan Bontang'
    """
    items = [str(i) for i in items]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conj} {items[-1]}"


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
            out[col] = [MISSING if _is_missing(v) else str(int(v)) for v in s]
        elif pd.api.types.is_bool_dtype(s):
            out[col] = [MISSING if _is_missing(v) else "ya" if v else "tidak" for v in s]  # nullable boolean
        elif pd.api.types.is_integer_dtype(s):
            out[col] = [angka(v, 0) for v in s]
        elif pd.api.types.is_float_dtype(s):
            d = decimals.get(col, 2) if isinstance(decimals, Mapping) else decimals
            out[col] = [angka(v, d) for v in s]
        else:
            out[col] = [MISSING if _is_missing(v) else str(v) for v in s]
    shown = pd.DataFrame(out, index=range(len(frame)), columns=list(frame.columns))
    return shown.rename(columns=lambda c: labels.get(c, c))


def tabel(frame: pd.DataFrame, *, caption: str | None = None, decimals: int | Mapping[str, int] = 2,
          labels: Mapping[str, str] | None = None, max_rows: int | None = None):
    """An HTML table (pandas ``Styler``) for the report: Indonesian numbers, no index, a caption.

    Rows beyond ``max_rows`` are left out of the display with a note (the workbook keeps all).
    """
    shown = table_for_display(frame, decimals=decimals, labels=labels)
    note = ""
    if max_rows is not None and len(shown) > max_rows:
        note = f" (menampilkan {angka(max_rows, 0)} dari {angka(len(shown), 0)} baris; selengkapnya di berkas XLSX)"
        shown = shown.head(max_rows)
    digest = hashlib.sha1(pd.util.hash_pandas_object(shown, index=False).to_numpy().tobytes()
                          + (caption or "").encode()).hexdigest()[:10]
    styler = shown.style.hide(axis="index").set_uuid(f"t{digest}")  # stable HTML ids: reruns diff clean
    if caption or note:
        styler = styler.set_caption((caption or "") + note)
    styler = styler.set_table_styles([
        {"selector": "caption", "props": "caption-side: top; text-align: left; font-weight: bold; padding: 4px 0;"},
        {"selector": "td", "props": "text-align: right; padding: 2px 8px;"},
        {"selector": "th", "props": "text-align: left; padding: 2px 8px;"},
    ])
    return styler
