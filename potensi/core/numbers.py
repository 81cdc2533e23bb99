"""Numbers in Indonesian format: one format for the report tables, the report text and the
evidence sentences of the conclusions' CSV files.

Indonesian usage (PUEBI; BPS publications): a dot groups thousands and a comma marks decimals,
``1.234,5``; a negative number takes the hyphen-minus, ``-9.158,3``; money is in *miliar rupiah*;
percentages are written ``12,3 %``; a missing number is an en dash ``–`` (as in BPS tables).
Years are never passed through here (``2020``, not ``2.020``).

>>> angka(1234.5)
'1.234,5'
>>> angka(-9158.3)
'-9.158,3'
>>> angka(-0.04, 2)
'-0,04'
>>> angka(-0.004, 2)
'0,00'
>>> rupiah(1234567.891)
'1.234.567,9 miliar rupiah'
>>> persen(12.345)
'12,3 %'
>>> persen(float("nan"))
'–'
>>> poin_persen(2.06)
'2,1 poin persen'
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

from potensi.core.wording import UNITS

__all__ = ["MISSING", "angka", "rupiah", "persen", "poin_persen", "daftar", "is_missing"]

#: Shown for a missing number (an en dash, as in BPS tables).
MISSING = "–"


def is_missing(x: object) -> bool:
    """Whether a cell value is missing: None, ``pd.NA``, NaN, or the text ``"nan"`` (what ``str``
    makes of a NaN; any case, signed or padded, as ``float`` reads it).

    A text is tested as text (reading every name as a number raised and caught an exception per
    cell of the report tables).

    >>> [is_missing(v) for v in (None, pd.NA, float("nan"), " NaN", "-nan", "Paser", "", 0, 1.5, "2.5")]
    [True, True, True, True, True, False, False, False, False, False]
    """
    if x is None or x is pd.NA:
        return True
    if isinstance(x, str):
        text = x.strip()
        return (text[1:] if text[:1] in ("+", "-") else text).lower() == "nan"
    try:
        return bool(math.isnan(float(x)))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def angka(x: float | int | None, decimals: int = 1) -> str:
    """``1234.5`` -> ``'1.234,5'`` (dot for thousands, comma for decimals); missing -> ``'–'``."""
    if is_missing(x):
        return MISSING
    value = round(float(x), decimals) + 0.0  # drop the sign of -0.0
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def rupiah(x_miliar: float | None, decimals: int = 1) -> str:
    """A value in miliar rupiah: ``'1.234,5 miliar rupiah'``."""
    if is_missing(x_miliar):
        return MISSING
    return UNITS["miliar_rupiah"].format(value=angka(x_miliar, decimals))


def persen(x: float | None, decimals: int = 1) -> str:
    """A percentage already multiplied by 100: ``12.345`` -> ``'12,3 %'``."""
    if is_missing(x):
        return MISSING
    return f"{angka(x, decimals)} %"


def poin_persen(x: float | None, decimals: int = 1) -> str:
    """A difference of two percentages: ``'2,1 poin persen'``."""
    if is_missing(x):
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
