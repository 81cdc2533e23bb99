"""Reading the intake workbook of ``potensi template`` back (see :mod:`potensi.data.intake`).

Filled in whole or in part: empty cells are not figures; BPS markers and the provisional ``*``
as in every format.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from potensi.core.errors import DataError
from potensi.data.cells import infer_decimal
from potensi.data.files import read_workbook
from potensi.data.pdrb_frame import TOTAL_TOLERANCE
from potensi.data.sectors import SECTOR_CODES
from potensi.data.tidy import tidy_to_pdrb

__all__ = ["PDRB_HEADER", "is_intake_workbook", "pdrb_from_intake", "read_intake"]

PDRB_HEADER = ["kode_wilayah", "nama_wilayah", "kode_lapangan_usaha", "lapangan_usaha", "harga", "satuan"]
POPULATION_HEADER = ["kode_wilayah", "nama_wilayah"]
AGREEMENT_HEADER = ["pihak_a", "pihak_b", "objek", "tahun", "status"]
AGREEMENT_STATUS = ["berjalan", "selesai", "direncanakan"]
SOURCE_FIELDS = ["Diisi oleh (nama, jabatan)", "Instansi", "Publikasi BPS (judul, tahun terbit)",
                 "Tanggal pengisian"]
_FUNC = "read_intake"


def is_intake_workbook(path: str | Path) -> bool:
    """True for an XLSX with the sheets of :func:`write_template` (a cheap look at the archive)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.read("xl/workbook.xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False
    return 'name="Petunjuk"' in names and 'name="PDRB"' in names


def _header(sheet, expected: list[str], path: Path) -> dict[int, tuple[int, str]]:
    """Year columns ``{column: (year, star status)}`` after the fixed columns ``expected``."""
    if not sheet.rows:
        raise DataError(f"sheet {sheet.name!r} is empty", func=_FUNC, path=path)
    head = ["" if c is None else str(c).strip() for c in sheet.rows[0]]
    if [h.lower() for h in head[:len(expected)]] != expected:
        raise DataError(f"sheet {sheet.name!r}: header {head[:len(expected)]} is not {expected} (columns moved?)",
                        func=_FUNC, path=path, row=1)
    years = {}
    for j, text in enumerate(head[len(expected):], start=len(expected)):
        if not text:
            continue
        match = re.fullmatch(r"(\d{4})(?:\.0)?", text)
        if not match:
            raise DataError(f"sheet {sheet.name!r}: {text!r} is not a year", func=_FUNC, path=path, row=1)
        years[j] = int(match.group(1))
    return years


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value).strip()


def read_intake(path: str | Path) -> dict[str, pd.DataFrame]:
    """Read a filled intake workbook: ``{"pdrb", "population", "sources", "agreements"}``.

    ``pdrb`` holds the filled cells only, as :func:`potensi.load_pdrb` returns them (checked: whole
    region-years, sectors against a filled TOTAL); ``population`` is ``region_code, year,
    population, source_id``; ``sources`` is ``field, value``; ``agreements`` the rows of
    *Kerja sama berjalan* (empty rows dropped).
    """
    path = Path(path)
    book = read_workbook(path, func=_FUNC)
    sheets = {s.name: s for s in book.sheets}
    missing = [s for s in ("PDRB",) if s not in sheets]
    if missing:
        raise DataError(f"no sheet {missing[0]!r}; is this a potensi intake workbook (potensi template)?",
                        func=_FUNC, path=path)
    out = {"pdrb": pdrb_from_intake(path, book=book)}
    population = []
    if "Penduduk" in sheets:
        ws = sheets["Penduduk"]
        years = _header(ws, POPULATION_HEADER, path)
        for i, row in enumerate(ws.rows[1:], start=2):
            for j, year in years.items():
                value = row[j] if j < len(row) else None
                if value is None or (isinstance(value, str) and not value.strip()):
                    continue
                try:
                    number = float(str(value).replace(".", "").replace(" ", "")) if isinstance(value, str) else float(value)
                except ValueError:
                    number = -1
                if not number > 0:
                    raise DataError(f"population must be a positive number of people, got {value!r}", func=_FUNC,
                                    path=path, row=i, column=f"Penduduk!{_letter(j)} ({year})")
                population.append((str(row[0]).strip(), year, number, f"ISIAN:{path.name}"))
    out["population"] = pd.DataFrame(population, columns=["region_code", "year", "population", "source_id"])
    sources = []
    if "Sumber" in sheets:
        for row in sheets["Sumber"].rows[1:]:
            if row and row[0] is not None:
                sources.append((str(row[0]).strip(), _cell_text(row[1] if len(row) > 1 else None)))
    out["sources"] = pd.DataFrame(sources, columns=["field", "value"])
    agreements = []
    if "Kerja sama berjalan" in sheets:
        ws = sheets["Kerja sama berjalan"]
        for i, row in enumerate(ws.rows[1:], start=2):
            cells = [_cell_text(row[j] if j < len(row) else None) for j in range(len(AGREEMENT_HEADER))]
            if not any(cells):
                continue
            status = cells[4].lower()
            if status and status not in AGREEMENT_STATUS:
                raise DataError(f"status {cells[4]!r} is not one of {AGREEMENT_STATUS}", func=_FUNC, path=path,
                                row=i, column="Kerja sama berjalan!E (status)")
            agreements.append([*cells[:3], cells[3].removesuffix(".0"), status])
    out["agreements"] = pd.DataFrame(agreements, columns=AGREEMENT_HEADER)
    return out


def _letter(j: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(j + 1)


def pdrb_from_intake(path: str | Path, *, sectors: Iterable[str] | None = SECTOR_CODES, known_regions=None,
                     tolerance: float = TOTAL_TOLERANCE, decimal: str | None = None, book=None) -> pd.DataFrame:
    """The filled PDRB cells of an intake workbook as :data:`PDRB_COLUMNS` (see :func:`read_intake`)."""
    path = Path(path)
    book = book or read_workbook(path, func="load_pdrb")
    ws = next((s for s in book.sheets if s.name == "PDRB"), None)
    if ws is None:
        raise DataError("no sheet 'PDRB' in the intake workbook", func="load_pdrb", path=path)
    years = _header(ws, PDRB_HEADER, path)
    records = []
    for i, row in enumerate(ws.rows[1:], start=2):
        fixed = [_cell_text(row[j] if j < len(row) else None) for j in range(len(PDRB_HEADER))]
        for j, year in years.items():
            value = row[j] if j < len(row) else None
            text = _cell_text(value)
            if not text:
                continue  # empty cells are not figures
            status = ""
            if isinstance(value, str) and text.endswith("*") and text.rstrip("*"):
                status = "*" * (len(text) - len(text.rstrip("*")))
                text = text.rstrip("*").strip()
            records.append((fixed[0], str(year), fixed[2], fixed[4], text, fixed[5], status,
                            f"ISIAN:{path.name}", i, f"PDRB!{_letter(j)} ({year})", isinstance(value, str)))
    columns = ["region_code", "year", "sector_code", "price_basis", "value", "unit", "status", "source_id", "_line",
               "_where", "_text"]
    frame = pd.DataFrame(records, columns=columns)
    if frame.empty:
        raise DataError("the sheet 'PDRB' has no figures (every value cell is empty)", func="load_pdrb", path=path)
    if decimal is None:  # numbers typed as text decide the separator; Excel numbers are unambiguous
        typed = frame.loc[frame["_text"], "value"]
        try:
            decimal = infer_decimal(typed.reset_index(drop=True)) if len(typed) else None
        except ValueError as exc:
            i = int(typed.index[getattr(exc, "position", 0)])
            raise DataError(str(exc), func="load_pdrb", path=path, row=int(frame["_line"].iloc[i]),
                            column=frame["_where"].iloc[i]) from None
    if decimal == ",":
        numeric = ~frame["_text"]
        frame.loc[numeric, "value"] = frame.loc[numeric, "value"].str.replace(".", ",", regex=False)
    frame = frame.drop(columns="_text")
    return tidy_to_pdrb(frame, path=path, sectors=None if sectors is None else tuple(sectors),
                        known_regions=known_regions, allow_gaps=True, tolerance=tolerance, decimal=decimal or ".",
                        column_names={"sector_code": "PDRB!C (kode_lapangan_usaha)", "year": "PDRB!1 (tahun)",
                                      "region_code": "PDRB!A (kode_wilayah)", "price_basis": "PDRB!E (harga)",
                                      "unit": "PDRB!F (satuan)", "status": "PDRB (tanda *)"})
