"""Argument checks shared by every layer: one validator per kind of argument, one message format.

Every message follows the house format ``function: argument ...: what is wrong; expected ...``
(after scikit-learn's ``utils/validation`` and statsmodels' ``tools/validation``). The checks are
generic (any column names, any sector codes). The region panel engine lives in
:mod:`potensi.core.panel`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

__all__: list[str] = []  # private module

from potensi.core.codes import REFERENCE_MODES, TOTAL_CODE  # noqa: F401  (re-exported for the panel)


# --------------------------------------------------------------------------- small checks
def check_frame(data: object, func: str, argument: str = "data") -> pd.DataFrame:
    """``TypeError`` unless ``data`` is a DataFrame."""
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"{func}: argument {argument}= must be a pandas DataFrame; got {type(data).__name__}")
    return data


def check_columns(data: pd.DataFrame, func: str, **columns: str) -> None:
    """Each keyword is an argument name, its value the column it names; all must exist."""
    for argument, column in columns.items():
        if column not in data.columns:
            raise ValueError(
                f"{func}: column {column!r} (argument {argument}=) not found; available: {list(data.columns)}"
            )


def require_columns(data: object, func: str, columns: Mapping[str, str], *, argument: str = "data") -> pd.DataFrame:
    """``check_frame`` plus: each key of ``columns`` (a column, mapped to the argument that
    names it) must be a column of ``data``; the message names the frame argument too."""
    check_frame(data, func, argument)
    for column, name in columns.items():
        if column not in data.columns:
            raise ValueError(f"{func}: column {column!r} (argument {name}=) not found in {argument}; "
                             f"available: {list(data.columns)}")
    return data


def check_choice(value: object, options: Iterable[object], func: str, argument: str) -> None:
    """``ValueError`` unless ``value`` is one of ``options``."""
    options = list(options)
    if value not in options:
        raise ValueError(f"{func}: argument {argument}={value!r} is not valid; expected one of {options}")


def check_year(value: object, func: str, argument: str) -> int:
    """An integer year (bools and floats with a fraction are refused)."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise TypeError(f"{func}: argument {argument}= must be an integer year; got {value!r}")
    return int(value)


def check_period(start: object, end: object, func: str) -> tuple[int, int]:
    """``start < end``, both integer years."""
    start, end = check_year(start, func, "start"), check_year(end, func, "end")
    if not start < end:
        raise ValueError(f"{func}: argument start={start} is not before end={end}; expected start < end")
    return start, end


def single_price_basis(data: pd.DataFrame, func: str, column: str, *, constant: bool = False) -> str:
    """The one price basis of ``data``; mixed bases raise, and so does a current-price basis
    when ``constant`` (growth needs constant prices, *atas dasar harga konstan*)."""
    values = sorted({str(v) for v in data[column].dropna().unique()})
    if not values:
        raise ValueError(f"{func}: column {column!r} (argument price_basis=) is empty; expected one price basis")
    if len(values) > 1:
        raise ValueError(
            f"{func}: column {column!r} (argument price_basis=) mixes price bases {values}; expected one "
            f"(filter first, e.g. data[data[{column!r}] == {values[-1]!r}])"
        )
    basis = values[0]
    if constant and not basis.upper().startswith("ADHK"):
        raise ValueError(
            f"{func}: price basis {basis!r} is not a constant-price basis; growth-based indicators need "
            "constant prices (ADHK, atas dasar harga konstan)"
        )
    return basis


def check_codes_present(codes: Iterable[str], available: Iterable[str], func: str, argument: str,
                        what: str = "region") -> None:
    """Every code in ``codes`` must be among ``available``."""
    available = set(available)
    missing = [c for c in codes if c not in available]
    if missing:
        raise ValueError(
            f"{func}: argument {argument}=: {what} code(s) {missing} not in the data; available: {sorted(available)}"
        )


def numeric_values(data: pd.DataFrame, func: str, *, value: str, region: str, sector: str, year: str) -> np.ndarray:
    """``data[value]`` as float64; a non-numeric, infinite or negative value raises ``ValueError``
    naming the region, sector and year. Missing values (NaN/None) stay NaN."""
    raw = data[value]
    numbers = pd.to_numeric(raw, errors="coerce")
    bad = numbers.isna() & raw.notna()
    if bad.any():
        row = data.loc[bad].iloc[0]
        raise ValueError(
            f"{func}: column {value!r} (argument value=): {row[value]!r} for region {row[region]}, sector "
            f"{row[sector]}, year {row[year]} is not a number; expected a number in miliar rupiah"
        )
    out = numbers.to_numpy(dtype="float64", na_value=np.nan)
    wrong = np.isinf(out) | (out < 0)
    if wrong.any():
        row = data.loc[wrong].iloc[0]
        raise ValueError(
            f"{func}: column {value!r} (argument value=): {row[value]!r} for region {row[region]}, sector "
            f"{row[sector]}, year {row[year]} is negative or infinite; expected a value >= 0"
        )
    return out


def code_order(code: str) -> tuple:
    """Sort key for codes: numeric codes by number ("2" before "10"), then the others."""
    return (0, int(code), "") if code.isdigit() else (1, 0, code)
