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

import numpy as np
import pandas as pd

__all__ = ["MARKERS", "infer_decimal", "parse_number", "parse_numbers", "parse_year"]

MARKERS = {"-": 0.0, "–": 0.0, "—": 0.0, "…": math.nan, "...": math.nan, "x": math.nan, "X": math.nan}
_MARKER_CANON = {"-": "-", "–": "-", "—": "-", "…": "…", "...": "…", "x": "x", "X": "x"}
_MARKER_MEANING = {"-": "nihil (zero)", "…": "not available", "x": "confidential"}
_PLAIN = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_DOT_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")  # 1.234.567,89
_COMMA_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")  # 1,234,567.89
_COMMA_DECIMAL = re.compile(r"^[+-]?\d+,\d+$")  # 1234,5
_SPACES = re.compile(r"[\u00a0\u2009\u202f ]")  # space, no-break, thin and narrow no-break spaces
#: Spaces may only separate groups of three digits: "1 234 567,89", never "51 86" or "1115.25 37".
_SPACED = re.compile(r"^[+-]?\d{1,3}( \d{3})+([.,]\d+)?$")
# Evidence for the decimal separator of a table (the same rule for every format potensi reads):
# "1.234.567,89" or "12,5" mean a decimal comma, "1,234,567.89" or "12.5" a decimal point; a lone
# "1.234" could be either and needs one unambiguous cell in the same table, or decimal=.
COMMA_EVIDENCE = re.compile(r"\d{1,3}(\.\d{3}){2,}(,\d+)?|\d{1,3}(\.\d{3})+,\d+|\d+,\d{1,2}|\d+,\d{4,}|\d{4,},\d+")
POINT_EVIDENCE = re.compile(r"\d{1,3}(,\d{3}){2,}(\.\d+)?|\d{1,3}(,\d{3})+\.\d+|\d+\.\d{1,2}|\d+\.\d{4,}|\d{4,}\.\d+")
AMBIGUOUS = re.compile(r"\d{1,3}[.,]\d{3}")


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
        if not math.isfinite(text):
            raise CellError(f"{text!r} is not a finite number")
        return float(text), ""
    raw = _SPACES.sub(" ", str(text).strip())
    if raw == "":
        raise CellError("empty cell (expected a number or a BPS marker -, …, x)")
    if " " in raw:
        if not _SPACED.match(raw):
            raise CellError(f"{str(text).strip()!r} is not a number: spaces inside a number may only separate "
                            "thousands in groups of three (e.g. '1 234 567,89')")
        raw = raw.replace(" ", "")
    value, marker = _parse_plain(raw, text, decimal)
    if not marker and not math.isfinite(value):
        raise CellError(f"{str(text).strip()!r} is out of range (not a finite number)")
    return value, marker


def _parse_plain(raw: str, text: object, decimal: str | None) -> tuple[float, str]:
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


class NumberError(CellError):
    """A cell of a column that is not a number; ``position`` is its 0-based position."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.position = position


def _strings(text: pd.Series):
    """The column as an Arrow string array (no copy for pandas' Arrow-backed ``str`` dtype)."""
    import pyarrow as pa

    if not (isinstance(text.dtype, pd.StringDtype) and text.dtype.storage == "pyarrow"):
        text = text.astype(str).astype(pd.StringDtype("pyarrow", na_value=np.nan))
    return pa.array(text)


def _full(strings, pattern: str) -> np.ndarray:
    """Boolean array: which cells match ``pattern`` in full (RE2, as pandas' Arrow strings do)."""
    import pyarrow.compute as pc

    return pc.match_substring_regex(strings, f"^(?:{pattern})$").to_numpy(zero_copy_only=False)


def infer_decimal(text: pd.Series) -> str | None:
    """The decimal separator of a column of text numbers, by the rule of every potensi reader.

    ``","`` when some cell can only have a decimal comma (``1.234.567,89``, ``12,5``), ``"."``
    when some cell can only have a decimal point (``12.5``, ``1,234,567.89``), ``None`` when no
    cell has a separator. Raises :class:`NumberError` when both occur, or when only ambiguous
    cells (``5.186``: 5.186 or 5 186?) do.

    >>> infer_decimal(pd.Series(["1.234.567,89", "5.186"]))
    ','
    """
    import pyarrow.compute as pc

    strings = _strings(text)
    spaces = "[\u00a0\u2009\u202f ]"  # _SPACES, written with the characters themselves for RE2
    if pc.any(pc.match_substring_regex(strings, spaces)).as_py():
        strings = pc.replace_substring_regex(strings, spaces, "")
    raw = pc.utf8_ltrim(strings, "+-")
    comma = _full(raw, COMMA_EVIDENCE.pattern)
    point = _full(raw, POINT_EVIDENCE.pattern)
    if comma.any() and point.any():
        ic, ip = int(np.argmax(comma)), int(np.argmax(point))
        raise NumberError(f"mixed decimal separators: {text.iloc[ic]!r} has a decimal comma, {text.iloc[ip]!r} "
                          "a decimal point; pass decimal=',' or decimal='.'", max(ic, ip))
    if comma.any():
        return ","
    if point.any():
        return "."
    ambiguous = _full(raw, AMBIGUOUS.pattern)
    if ambiguous.any():
        i = int(np.argmax(ambiguous))
        raise NumberError(f"{text.iloc[i]!r} could have a decimal or a thousands separator (5.186 = 5,186 or "
                          "5 186?) and no cell settles which; pass decimal=',' or decimal='.'", i)
    return None


_FAST_POINT = r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?"
_FAST_COMMA = r"[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?"


def parse_numbers(text: pd.Series, *, decimal: str | None) -> tuple[np.ndarray, np.ndarray]:
    """Vectorised :func:`parse_number` over a column of strings: ``(values, markers)``.

    Plain numbers of the column's decimal style are converted by Arrow compute functions in one
    pass; the few other cells (thousands separators, markers) go through :func:`parse_number`,
    whose message a :class:`NumberError` carries with the cell's position.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    raw = pc.utf8_trim_whitespace(_strings(text))
    values = None
    if decimal != ",":  # the common case: every cell a plain number, parsed by one cast
        try:
            values = pc.cast(raw, pa.float64()).to_numpy(zero_copy_only=False)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            values = None
        if values is not None and not np.isfinite(values).all():  # 'nan', 'inf', 1e400: the exact path says which
            values = None
        if values is not None:
            return values, np.full(len(values), "", dtype=object)
    if decimal == ",":
        fast = _full(raw, _FAST_COMMA)
        numbers = pc.replace_substring(pc.replace_substring(raw, ".", ""), ",", ".")
    else:
        fast = _full(raw, _FAST_POINT)
        numbers = raw
    numbers = pc.if_else(pa.array(fast), numbers, pa.scalar(None, numbers.type))
    values = pc.cast(numbers, pa.float64()).to_numpy(zero_copy_only=False).copy()
    markers = np.full(len(values), "", dtype=object)
    for i in np.flatnonzero(~fast):
        try:
            values[i], markers[i] = parse_number(text.iloc[i], decimal=decimal)
        except CellError as exc:
            raise NumberError(str(exc), int(i)) from None
    infinite = ~np.isfinite(values) & (markers == "")
    if infinite.any():
        i = int(np.argmax(infinite))
        raise NumberError(f"{text.iloc[i]!r} is out of range (not a finite number)", i)
    return values, markers
