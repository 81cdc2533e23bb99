"""Parsing one cell of a BPS table: numbers, decimal commas and BPS markers.

BPS markers mean the same in every format potensi reads (tidy CSV, wide CSV, XLSX):

========  =====================================  ===============================
marker    meaning (BPS *tanda*)                   treatment in potensi
========  =====================================  ===============================
``-``     nihil / tidak ada (zero)               value 0, ``marker`` = ``"-"``
``…``     data tidak tersedia (not available)   missing (NaN), ``marker`` = ``"…"``
``...``   same, typed with three dots            missing (NaN), ``marker`` = ``"…"``
``x``     dirahasiakan (confidential)            missing (NaN), ``marker`` = ``"x"``
========  =====================================  ===============================

Missing is never turned into 0 and 0 is never turned into missing. Any other text that is not
a number is an error for the caller to report with its file, row and column.
"""

from __future__ import annotations

import math
import re

__all__ = ["MARKERS", "parse_number", "parse_year"]

MARKERS = {"-": 0.0, "–": 0.0, "—": 0.0, "…": math.nan, "...": math.nan, "x": math.nan, "X": math.nan}
_MARKER_CANON = {"-": "-", "–": "-", "—": "-", "…": "…", "...": "…", "x": "x", "X": "x"}
_MARKER_MEANING = {"-": "nihil (zero)", "…": "not available", "x": "confidential"}
_PLAIN = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_DOT_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")  # 1.234.567,89
_COMMA_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")  # 1,234,567.89
_COMMA_DECIMAL = re.compile(r"^[+-]?\d+,\d+$")  # 1234,5


class CellError(ValueError):
    """A cell that is not a number; the message says what it is."""


def marker_meaning(marker: str) -> str:
    return _MARKER_MEANING.get(marker, "")


def parse_number(text: object, *, decimal: str | None = None) -> tuple[float, str]:
    """Parse a BPS cell into ``(value, marker)``.

    Parameters
    ----------
    text
        The cell as read (str, int, float or None).
    decimal
        ``"."`` or ``","`` when the table's decimal separator is known; ``None`` infers it
        per cell: ``1.234.567,89`` and ``1234,5`` are decimal-comma numbers, ``1,234,567.89``
        uses thousands commas. A lone ``1.234`` or ``1,234`` is ambiguous and read with the
        known ``decimal`` (default ``"."``).

    Returns
    -------
    (float, str)
        The value and the canonical marker (``""`` for an ordinary number).

    Raises
    ------
    CellError
        For empty cells and any text that is neither a number nor a BPS marker.

    Examples
    --------
    >>> parse_number("1.234.567,89")
    (1234567.89, '')
    >>> parse_number("-")
    (0.0, '-')
    >>> parse_number("…")
    (nan, '…')
    >>> parse_number("1,5", decimal=",")
    (1.5, '')
    """
    if text is None or (isinstance(text, float) and math.isnan(text)):
        raise CellError("empty cell (expected a number or a BPS marker -, …, x)")
    if isinstance(text, bool):
        raise CellError(f"{text!r} is not a number")
    if isinstance(text, (int, float)):
        return float(text), ""
    raw = str(text).strip().replace("\u00a0", "").replace(" ", "")
    if raw == "":
        raise CellError("empty cell (expected a number or a BPS marker -, …, x)")
    if raw in MARKERS:
        return MARKERS[raw], _MARKER_CANON[raw]
    if _PLAIN.match(raw) and not (decimal == "," and "." in raw and _DOT_THOUSANDS.match(raw)):
        if decimal == "," and re.match(r"^[+-]?\d{1,3}\.\d{3}$", raw):
            return float(raw.replace(".", "")), ""
        return float(raw), ""
    if _DOT_THOUSANDS.match(raw) and decimal != ".":
        return float(raw.replace(".", "").replace(",", ".")), ""
    if _COMMA_THOUSANDS.match(raw) and decimal != ",":
        return float(raw.replace(",", "")), ""
    if _COMMA_DECIMAL.match(raw):
        if decimal == ".":
            raise CellError(f"{str(text)!r} has a decimal comma, but this table uses decimal points")
        return float(raw.replace(",", ".")), ""
    raise CellError(f"{str(text)!r} is not a number")


def parse_year(text: object) -> tuple[int, str]:
    """Parse a year header such as ``2023``, ``"2023*"`` or ``"2024**"``.

    Returns ``(year, status)`` with status ``""`` (angka tetap), ``"sementara"`` (``*``) or
    ``"sangat sementara"`` (``**``); raises ``CellError`` otherwise.

    >>> parse_year("2024**")
    (2024, 'sangat sementara')
    """
    raw = str(text).strip()
    if isinstance(text, float) and text.is_integer():
        raw = str(int(text))
    match = re.fullmatch(r"(\d{4})(?:\.0)?\s*(\*{0,3})\)?", raw)
    if not match or not 1900 <= int(match.group(1)) <= 2100:
        raise CellError(f"{raw!r} is not a year (expected e.g. 2020, 2023* or 2024**)")
    stars = len(match.group(2))
    status = {0: "", 1: "sementara"}.get(stars, "sangat sementara")
    return int(match.group(1)), status
