"""Opening input files with bounded cost: regular files only, a size cap, bounded workbooks.

Every reader of potensi goes through these functions, so a FIFO, ``/dev/zero``, a CSV line of
megabytes, a workbook with one far cell or a zip bomb ends in a :class:`DataError` that says
which limit was reached, instead of a hang, a memory blow-up or a raw library error.

=====================  ==========================================================================
limit                  value (module constant)
=====================  ==========================================================================
file size              ``MAX_FILE_BYTES`` (1 GiB); larger tables are split by province
CSV cell               ``MAX_CELL_CHARS`` (128 KiB), the csv module's own field limit
XLSX uncompressed      ``MAX_XLSX_UNCOMPRESSED`` (256 MiB over all members of the archive)
XLSX compression       ``MAX_XLSX_RATIO`` (a member that inflates more than 200× is a zip bomb)
XLSX sheet range       ``MAX_SHEET_CELLS`` (5 million cells from A1 to the last used cell)
XLSX read time         ``MAX_SECONDS`` (120 s, checked while the sheets are turned into rows)
=====================  ==========================================================================
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat
import time
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from potensi.core.errors import DataError

__all__ = ["MAX_FILE_BYTES", "MAX_CELL_CHARS", "MAX_SHEET_CELLS", "Workbook", "check_file", "read_bytes", "read_text",
           "read_text_rows", "read_workbook"]

MAX_FILE_BYTES = 1 << 30
MAX_CELL_CHARS = 128 * 1024
MAX_XLSX_UNCOMPRESSED = 256 << 20
MAX_XLSX_RATIO = 200
MAX_SHEET_CELLS = 5_000_000
MAX_SECONDS = 120.0


def check_file(path: str | Path, func: str = "load_pdrb") -> int:
    """The size of ``path`` after checking that it is an existing regular file under the cap."""
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise DataError("file not found", func=func, path=path) from None
    if stat.S_ISDIR(info.st_mode):
        raise DataError("is a folder, not a file", func=func, path=path)
    if not stat.S_ISREG(info.st_mode):
        kind = "a named pipe (FIFO)" if stat.S_ISFIFO(info.st_mode) else (
            "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else "not a regular file")
        raise DataError(f"{kind}, not a regular file; potensi reads only regular files (a pipe or device "
                        "could block or never end)", func=func, path=path)
    if info.st_size > MAX_FILE_BYTES:
        raise DataError(f"file of {info.st_size / 2**20:,.0f} MiB exceeds the limit of {MAX_FILE_BYTES / 2**20:,.0f} "
                        "MiB (potensi.data.files.MAX_FILE_BYTES); split it, e.g. one file per province",
                        func=func, path=path)
    return info.st_size


ENCRYPTED = ("password-protected (encrypted) workbook; open it in Excel, remove the password "
             "(File > Info > Protect Workbook) and save it as .xlsx")


def _encrypted_ooxml(data: bytes) -> bool:
    """An encrypted XLSX is an OLE2 file holding an ``EncryptedPackage`` stream (names in UTF-16)."""
    return "EncryptedPackage".encode("utf-16-le") in data


def read_bytes(path: str | Path, func: str = "load_pdrb") -> bytes:
    """The bytes of a CSV file (a UTF-8 BOM dropped): regular, under the size cap, not empty, not binary,
    not CR-only. UTF-8 is checked by :func:`read_text`, or by the caller's parser."""
    path = Path(path)
    check_file(path, func)
    with open(path, "rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    if not data or data.isspace():  # isspace stops at the first other byte: no copy of the file
        raise DataError("empty file (no header, no rows)", func=func, path=path)
    odd, even = data[1:16:2], data[0:16:2]
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(data) >= 4 and (
            (set(odd) == {0} and 0 not in even) or (set(even) == {0} and 0 not in odd))):  # UTF-16 without BOM
        raise DataError("UTF-16 text (Excel's 'Unicode Text'), not UTF-8; re-save the file as 'CSV UTF-8'",
                        func=func, path=path)
    if data[:4] == b"\xd0\xcf\x11\xe0" and _encrypted_ooxml(data):
        raise DataError(ENCRYPTED, func=func, path=path)
    if b"\x00" in data[:8192] or data[:4] in (b"PK\x03\x04", b"\xd0\xcf\x11\xe0"):
        raise DataError(
            "binary content, not a CSV text file (an XLSX/XLS saved with a .csv name, or a corrupt file)",
            func=func, path=path,
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    first = data.split(b"\n", 1)[0].strip()
    if first.lower().startswith(b"sep=") and len(first) <= 6:
        raise DataError(f"first line {first.decode('utf-8', 'replace')!r} is Excel's delimiter hint, not part of the "
                        "table; delete that line (potensi finds the delimiter itself)", func=func, path=path, row=1)
    head = data[:65536]
    if b"\r" in head and b"\n" not in head:
        raise DataError("line endings are CR only (old Mac format); re-save the file with Windows (CRLF) or "
                        "Unix (LF) line endings", func=func, path=path, row=1)
    return data


def read_text(path: str | Path, func: str = "load_pdrb", data: bytes | None = None) -> str:
    """The text of a CSV file: the checks of :func:`read_bytes`, then UTF-8 (``data``: its bytes, if read)."""
    path = Path(path)
    if data is None:
        data = read_bytes(path, func)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(
            f"byte 0x{data[exc.start]:02x} is not UTF-8 (wrong encoding); re-save the file as 'CSV UTF-8'",
            func=func, path=path, row=line,
        ) from None


def sniff_delimiter(text: str) -> str:
    """``,``, ``;`` or tab, from the first 4 KiB (``,`` when the sniffer cannot tell)."""
    try:
        return csv.Sniffer().sniff(text[:4096], delimiters=",;\t").delimiter
    except csv.Error:
        return ","


def read_text_rows(path: Path, func: str = "load_pdrb") -> list[list[str]]:
    """Read a CSV file into rows of strings, refusing binary, non-UTF-8, empty, CR-only and huge-cell files."""
    path = Path(path)
    text = read_text(path, func)
    reader = csv.reader(io.StringIO(text), delimiter=sniff_delimiter(text))
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append(row)
    except csv.Error as exc:
        raise csv_error(exc, path, reader.line_num, func) from None
    return rows


def csv_error(exc: csv.Error, path: Path, line: int, func: str) -> DataError:
    """The DataError for a csv module error at ``line``."""
    if "field larger than field limit" in str(exc):
        return cell_too_long(path, line, func)
    return DataError(f"not a readable CSV line ({exc}); an unclosed quote or stray line break?", func=func,
                     path=path, row=line)


def cell_too_long(path: Path, line: int, func: str, column: str | None = None) -> DataError:
    return DataError(f"a cell longer than {MAX_CELL_CHARS // 1024} KiB (limit potensi.data.files.MAX_CELL_CHARS): "
                     "an unclosed quote, or not a table", func=func, path=path, row=line, column=column)


csv.field_size_limit(MAX_CELL_CHARS)


# --------------------------------------------------------------------------- workbooks
@dataclass
class Sheet:
    """One visible worksheet as rows of values (hidden columns blanked) plus its merged ranges."""

    name: str
    rows: list[list[object]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # 0-based (r0, c0, r1, c1)
    hidden_columns: list[str] = field(default_factory=list)


@dataclass
class Workbook:
    sheets: list[Sheet]  # visible sheets, in workbook order
    hidden: list[str]  # names of hidden sheets


def _check_archive(path: Path, func: str) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile:
        raise DataError("not a readable XLSX file (truncated or corrupt: not a zip archive)", func=func,
                        path=path) from None
    total = sum(m.file_size for m in members)
    if total > MAX_XLSX_UNCOMPRESSED:
        raise DataError(f"the workbook unpacks to {total / 2**20:,.0f} MiB, more than the limit of "
                        f"{MAX_XLSX_UNCOMPRESSED / 2**20:,.0f} MiB (potensi.data.files.MAX_XLSX_UNCOMPRESSED); "
                        "a zip bomb, or a table too big for XLSX: save it as CSV", func=func, path=path)
    for m in members:
        if m.file_size > (1 << 20) and m.file_size > MAX_XLSX_RATIO * max(m.compress_size, 1):
            raise DataError(f"member {m.filename!r} inflates {m.file_size / max(m.compress_size, 1):,.0f}× "
                            f"({m.compress_size:,} → {m.file_size:,} bytes), more than the limit of "
                            f"{MAX_XLSX_RATIO}× for a real table (potensi.data.files.MAX_XLSX_RATIO): a zip bomb?",
                            func=func, path=path)


def read_workbook(path: str | Path, func: str = "load_pdrb") -> Workbook:
    """Read the visible sheets of an XLSX workbook (values, not formulas) with bounded cost."""
    path = Path(path)
    size = check_file(path, func)
    with open(path, "rb") as handle:
        head = handle.read(8)
    if size == 0 or not head:
        raise DataError("empty file (no header, no rows)", func=func, path=path)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        with open(path, "rb") as handle:
            if _encrypted_ooxml(handle.read(size)):
                raise DataError(ENCRYPTED, func=func, path=path)
        raise DataError("old binary .xls workbook; open it in a spreadsheet program and save it as .xlsx",
                        func=func, path=path)
    if not head.startswith(b"PK"):
        with open(path, "rb") as handle:
            text = _text_kind(handle.read(4096))
        if text:
            raise DataError(f"{text}, not an XLSX workbook (despite its {path.suffix or 'missing'} extension); "
                            "open it in a spreadsheet program and save it as .xlsx, or give it a .csv name if it "
                            "is a CSV table", func=func, path=path)
    _check_archive(path, func)
    import openpyxl
    from openpyxl.utils import get_column_letter

    started = time.perf_counter()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl: unparsable headers/footers, styles
            book = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # zipfile.BadZipFile, KeyError, zlib.error, EOFError, XML errors ...
        kind = "not a zip archive" if isinstance(exc, zipfile.BadZipFile) else type(exc).__name__
        raise DataError(f"not a readable XLSX file (truncated or corrupt: {kind})", func=func, path=path) from None
    sheets, hidden = [], []
    for ws in book.worksheets:
        if ws.sheet_state != "visible":
            hidden.append(ws.title)
            continue
        cells = ws._cells  # {(row, column): Cell}, only the cells present in the file
        n_rows = max((r for r, _ in cells), default=0)
        n_cols = max((c for _, c in cells), default=0)
        if n_rows * n_cols > MAX_SHEET_CELLS:
            far = max(cells, key=lambda rc: rc[0] * rc[1])
            raise DataError(f"sheet {ws.title!r} spans A1:{get_column_letter(n_cols)}{n_rows} "
                            f"({n_rows * n_cols:,} cells; a cell at {get_column_letter(far[1])}{far[0]}), more than "
                            f"the limit of {MAX_SHEET_CELLS:,} cells (potensi.data.files.MAX_SHEET_CELLS); delete "
                            "stray cells far from the table", func=func, path=path)
        hidden_cols = set()
        for dim in ws.column_dimensions.values():
            if dim.hidden and dim.min and dim.max:
                hidden_cols.update(range(dim.min, min(dim.max, n_cols) + 1))
        rows: list[list[object]] = [[None] * n_cols for _ in range(n_rows)]
        for (r, c), cell in cells.items():
            if c not in hidden_cols and cell.value is not None:
                rows[r - 1][c - 1] = cell.value
        if time.perf_counter() - started > MAX_SECONDS:
            raise DataError(f"reading the workbook took more than {MAX_SECONDS:.0f} s (potensi.data.files."
                            "MAX_SECONDS); save the table as CSV", func=func, path=path)
        merged = [(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1) for m in ws.merged_cells.ranges]
        sheets.append(Sheet(ws.title, rows, merged, [get_column_letter(c) for c in sorted(hidden_cols)]))
    try:
        if _may_have_uncomputed_formulas(path):
            _refuse_uncomputed_formulas(path, book, sheets, func)
    finally:
        book.close()
    return Workbook(sheets, hidden)


def _text_kind(head: bytes) -> str:
    """What a file that is not a zip archive holds, when it is text: ``"UTF-16 text ..."``, ``"HTML"``,
    ``"text (a CSV table?)"``; ``""`` for binary content."""
    odd, even = head[1:16:2], head[0:16:2]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(head) >= 4 and (
            (set(odd) == {0} and 0 not in even) or (set(even) == {0} and 0 not in odd))):
        return "UTF-16 text (Excel's 'Unicode Text')"
    if b"\x00" in head:
        return ""
    try:
        text = head.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the end of the 4 KiB read
            return ""
        text = head[: exc.start].decode("utf-8")
    low = text.lstrip().lower()
    if low.startswith(("<!doctype html", "<html", "<table")):
        return "an HTML page (a web export saved with a spreadsheet name)"
    return "text (a CSV table?)" if text.strip() else ""


# A formula element followed by no value, or an empty one, then the end of the cell: a formula whose
# value was never computed (a file written by a program, never opened and saved by a spreadsheet program).
_UNCOMPUTED = re.compile(rb"(?:</(?:\w+:)?f>|<(?:\w+:)?f\b[^>]*/>)\s*(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?"
                         rb"\s*</(?:\w+:)?c>")


def _may_have_uncomputed_formulas(path: Path) -> bool:
    """Whether a worksheet of the archive holds a formula without a cached value (a byte scan of the
    sheet XML, a small fraction of what openpyxl spends parsing it)."""
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                xml = archive.read(info)
                if any(tag in xml for tag in (b"<f>", b"<f ", b":f>", b":f ")) and _UNCOMPUTED.search(xml):
                    return True
    return False


def _refuse_uncomputed_formulas(path: Path, values, sheets: list[Sheet], func: str) -> None:
    """Raise a DataError naming the first formula of a visible sheet (outside hidden columns) whose value
    was never computed; openpyxl reads such a cell as empty, so it would pass for an empty cell.

    ``values`` is the workbook as read with ``data_only=True``: a formula whose computed value is an
    empty text (``=IF(A1="","",A1)``) is kept there with the type ``str`` and is not refused.
    """
    import openpyxl
    from openpyxl.utils import column_index_from_string, get_column_letter

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(path, read_only=True)  # the formulas this time
    try:
        for sheet in sheets:
            hidden = {column_index_from_string(c) for c in sheet.hidden_columns}
            computed = values[sheet.name]._cells
            found = []
            for row in book[sheet.name].iter_rows():
                for cell in row:
                    if cell.data_type != "f" or cell.column in hidden:
                        continue
                    value = computed.get((cell.row, cell.column))
                    if value is None or (value.value is None and value.data_type == "n"):
                        found.append(cell)
            if found:
                first, more = found[0], len(found) - 1
                letter = get_column_letter(first.column)
                also = f" (and {more} more formula cell{'s' if more > 1 else ''} like it)" if more else ""
                raise DataError(f"cell {letter}{first.row} holds the formula {str(first.value)[:80]!r} without a "
                                f"computed value{also}: the file was written by a program and never calculated; "
                                "open it in Excel or LibreOffice and save it (the values are computed on saving), "
                                "or replace the formulas by their values (Paste Special > Values)",
                                func=func, path=path, row=first.row, column=f"{sheet.name}!{letter}")
    finally:
        book.close()
