"""Exceptions that locate themselves: file, row, column and what was expected."""

from __future__ import annotations

from pathlib import Path

__all__ = ["DataError", "locate"]


def locate(path: str | Path | None, row: int | None = None, column: str | None = None) -> str:
    """Format ``'<file> row <n>, column '<c>''`` (parts that are known only)."""
    parts = []
    if path is not None:
        parts.append(str(path))
    if row is not None:
        parts.append(f"row {row}")
    where = " ".join(parts)
    if column is not None:
        where = f"{where}, column '{column}'" if where else f"column '{column}'"
    return where


class DataError(ValueError):
    """Bad input data. The message names the function, file, row and column.

    Attributes ``path``, ``row`` and ``column`` hold the location for programs; ``row`` is the
    1-based line number in a CSV file (the header is line 1) or the spreadsheet row number.
    """

    def __init__(
        self,
        message: str,
        *,
        func: str = "load_pdrb",
        path: str | Path | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.path, self.row, self.column, self.func = path, row, column, func
        where = locate(path, row, column)
        super().__init__(f"{func}: {where}: {message}" if where else f"{func}: {message}")
