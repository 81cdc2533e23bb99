"""BPS tables with sectors as rows and years as columns (dynamic and publication tables).

See :mod:`potensi.data.bps_wide` for the layouts; this module reads one sheet of this
orientation, block by block (several tables may sit under each other).
"""

from __future__ import annotations

import re

from potensi.core.codes import TOTAL_CODE
from potensi.data.bps_common import (
    _AGGREGATE,
    _NUMBERING,
    _PERCENT,
    _REGION_HEADER,
    _SUBITEM,
    _blank,
    _check_ragged,
    _infer_decimal,
    _is_number,
    _Options,
    _quarter,
    _region_cell,
    _resolve,
    _Sheet,
    _sheet_region,
    _text,
    _title_facts,
    _value,
    _year_of,
)
from potensi.data.cells import parse_number
from potensi.data.pdrb_frame import UNIT_FACTORS, sector_of_label

__all__: list[str] = []  # private module


# --------------------------------------------------------------------------- sectors as rows
def _is_year_header(row: list[object]) -> dict[int, tuple[int, str]] | None:
    years: dict[int, tuple[int, str]] = {}
    for j, cell in enumerate(row):
        if _blank(cell):
            continue
        found = _year_of(cell)
        if found is not None and j > 0:
            years[j] = found
        elif _is_number(cell) or years:  # numbers, or labels right of the years: not a header
            return None
    return years or None


def _is_numbering(row: list[object]) -> bool:
    cells = [_text(c) for c in row if not _blank(c)]
    return len(cells) >= 2 and all(_NUMBERING.match(c) for c in cells)


def _read_sectors_as_rows(sheet: _Sheet, opts: _Options) -> None:
    rows = sheet.rows
    headers = [i for i, row in enumerate(rows) if _is_year_header(row)]
    if not headers:
        return
    previous_end = 0
    for n, h in enumerate(headers):
        if h < previous_end:
            continue
        stop = headers[n + 1] if n + 1 < len(headers) else len(rows)
        previous_end = _read_block(sheet, h, previous_end, stop, opts)


_VALUE_WORDS = re.compile(r"nilai|rupiah|miliar|milyar|juta|triliun|adh[kb]|harga|pdrb|value", re.I)


def _kind_row(rows, k: int, first_year: int, stop: int) -> dict[int, str] | None:
    """A row under the year header naming what each column holds ('Nilai', 'Distribusi (%)')."""
    if k >= stop:
        return None
    row = rows[k]
    cells = {j: _text(c) for j, c in enumerate(row) if j >= first_year and not _blank(c)}
    if not cells or any(_is_number(c) or _year_of(c) for c in row if not _blank(c)):
        return None
    if all(_VALUE_WORDS.search(t) or _PERCENT.search(t) for t in cells.values()):
        return cells
    return None


def _year_span(sheet: _Sheet, h: int, j: int, year_cells: dict, kinds: dict[int, str] | None) -> list[int] | None:
    """The columns a year header covers when it covers more than its own: a merged cell, or the
    columns up to the next year when a row under the years names them."""
    merged = sheet.merged_span(h, j)
    if merged is not None:
        return list(range(merged[0], merged[1] + 1))
    if kinds is None:
        return None
    following = [c for c in year_cells if c > j]
    last = (min(following) - 1) if following else max(kinds)
    span = list(range(j, last + 1))
    return span if len(span) > 1 or (kinds and _PERCENT.search(kinds.get(j, ""))) else None


def _read_block(sheet: _Sheet, h: int, title_from: int, stop: int, opts: _Options) -> int:
    """Read the table whose year header is row index ``h``; returns the index where it ends."""
    rows = sheet.rows
    head = rows[h]
    year_cells = _is_year_header(head)
    first_year = min(year_cells)
    header_text = {j: _text(c) for j, c in enumerate(head)}
    # a row of quarter labels under the years?
    body_from, quarter_row = h + 1, None
    for k in range(h + 1, min(h + 3, stop)):
        cells = {j: c for j, c in enumerate(rows[k]) if j >= first_year and not _blank(c)}
        if cells and all(_quarter(c) is not None for c in cells.values()):
            quarter_row, body_from = k, k + 1
            break
        if any(not _blank(c) for c in rows[k]):
            break
    columns: list[tuple[int, int, str, str]] = []  # (column, year, status, label) of the annual figures
    dropped: list[str] = []
    quarters: dict[int, list[tuple[int, str]]] = {}  # annual column -> its quarter columns and labels
    kinds = None if quarter_row is not None else _kind_row(rows, h + 1, first_year, stop)
    if kinds is not None:
        body_from = h + 2
    if quarter_row is None:
        for j, (year, status) in sorted(year_cells.items()):
            span = _year_span(sheet, h, j, year_cells, kinds)
            if span is None:
                columns.append((j, year, status, sheet.column_label(j, header_text[j])))
                continue
            values = [c for c in span if kinds and _VALUE_WORDS.search(kinds.get(c, ""))
                      and not _PERCENT.search(kinds.get(c, ""))]
            from openpyxl.utils import get_column_letter

            where = f"{get_column_letter(span[0] + 1)}:{get_column_letter(span[-1] + 1)}"
            under = ", ".join(repr(kinds.get(c, "")) for c in span) if kinds else "no column names under it"
            if len(values) != 1:
                raise opts.error(f"year header {header_text[j]!r} spans columns {where} ({under}); potensi cannot tell "
                                 "which column holds the rupiah values (never reads shares or growth rates as "
                                 "rupiah): put one year per column, or name each column under the year ('Nilai', "
                                 "'Distribusi (%)')", row=h + 1, column=sheet.column_label(j, header_text[j]))
            v = values[0]
            columns.append((v, year, status, sheet.column_label(v, f"{header_text[j]} {kinds[v]}")))
    else:
        qrow = rows[quarter_row]
        groups: dict[int, dict[int, int]] = {}  # year column -> {quarter (0 = annual): column}
        owner = None
        for j in range(first_year, max(len(head), len(qrow))):
            owner = j if j in year_cells else owner
            q = _quarter(qrow[j]) if j < len(qrow) else None
            if owner is not None and q is not None:
                groups.setdefault(owner, {})[q] = j
        for j0, cols in groups.items():
            year, status = year_cells[j0]
            if 0 not in cols:
                raise opts.error(f"year {header_text[j0]} has quarterly columns but no annual column "
                                 "(Total/Tahunan); potensi reads annual figures only", row=quarter_row + 1,
                                 column=sheet.column_label(j0, header_text[j0]))
            j = cols[0]
            columns.append((j, year, status, sheet.column_label(j, f"{header_text[j0]} {_text(qrow[j])}")))
            quarters[j] = [(cols[q], sheet.column_label(cols[q], f"{header_text[j0]} {_text(qrow[cols[q]])}"))
                           for q in (1, 2, 3, 4) if q in cols]
    if opts.years is not None:
        absent = sorted(opts.years - {c[1] for c in columns})
        if absent:
            raise opts.error(f"years= asks for {absent}, not in the year header (years "
                             f"{sorted({c[1] for c in columns})})", row=h + 1)
        dropped = [f"{c[3]} (not in years=)" for c in columns if c[1] not in opts.years]
        columns = [c for c in columns if c[1] in opts.years]
    label_cols = list(range(first_year))
    region_col = next((j for j in label_cols if _REGION_HEADER.search(header_text.get(j, ""))), None)
    sector_cols = [j for j in label_cols if j != region_col]
    sector_header = " / ".join(header_text[j] for j in sector_cols if header_text.get(j)) or "sector label"
    sector_label = sheet.column_label(sector_cols[0] if sector_cols else 0, sector_header)
    region_label = None if region_col is None else sheet.column_label(region_col, header_text[region_col])
    opts.key_columns.update({"sector_code": sector_label, "year": f"year headers (row {h + 1})"})
    have = sorted({c[1] for c in columns})
    hole = [y for y in range(have[0], have[-1] + 1) if y not in have] if have else []
    if hole and not opts.allow_gaps:
        after = next(c for c in columns if c[1] > hole[0])
        raise opts.error(f"missing year(s) {hole} between the year columns; years must be consecutive "
                         "(pass allow_gaps=True to accept a documented gap)", row=h + 1, column=after[3])
    # the body: sector rows, until the first row after the total that is not a sector
    body: list[tuple[int, str, str | None]] = []  # (row index, sector code, region from the region column)
    end, seen_total, region = stop, False, None
    skipped: list[tuple[int, str]] = []
    ignored: list[tuple[int, str]] = []
    for i in range(body_from, stop):
        row = rows[i]
        if all(_blank(c) for c in row) or _is_numbering(row):
            continue  # blank, or the "(1) (2) (3)" column-number line
        labels = [(j, row[j]) for j in sector_cols if j < len(row) and not _blank(row[j])]
        has_values = any(j < len(row) and not _blank(row[j]) for j, *_ in columns)
        if region_col is not None and region_col < len(row) and not _blank(row[region_col]):
            region = _region_cell(row[region_col], opts, i + 1, region_label)
            seen_total = False
        if not labels:
            if not has_values:
                continue  # a region line without figures
            raise opts.error("values but no sector label in this row", row=i + 1, column=sector_label)
        found = [sector_of_label(_text(c)) for _, c in labels]
        known = {code for code, part in found if not part} - {None}
        text = " ".join(_text(c) for _, c in labels)
        part_of = next((code for code, part in found if part), None)
        if part_of == TOTAL_CODE and not known:
            ignored.append((i + 1, text))  # "PDRB Tanpa Migas" and similar aggregates
            if seen_total:
                end = i
                break
            continue
        if part_of is not None and not known:
            if any(isinstance(c, int) for _, c in labels) or any(_SUBITEM.match(_text(c)) for _, c in labels):
                skipped.append((i + 1, text))  # "a. Industri Migas" under C
                continue
            raise opts.error(f"{text!r} names only part of sector {part_of} (oil and gas in or out), not the whole "
                             f"lapangan usaha; potensi needs the whole sector {part_of} (a table 'dengan migas')",
                             row=i + 1, column=sector_label)
        if len(known) > 1:
            raise opts.error(f"label cells disagree: {text!r} reads as sectors {sorted(known)}", row=i + 1,
                             column=sector_label)
        code = next(iter(known), None)
        if code is None and (seen_total or _AGGREGATE.search(text)):
            ignored.append((i + 1, text))  # "PDRB tanpa migas", notes and sources after the table
            if seen_total:
                end = i
                break
            continue
        _check_ragged(sheet, i, h, opts)
        if code is None or code not in (*opts.sectors, TOTAL_CODE):
            subitem = (any(isinstance(c, int) for _, c in labels) or any(_SUBITEM.match(_text(c)) for _, c in labels)
                       or labels[0][0] != sector_cols[0])
            if code is None and subitem:
                skipped.append((i + 1, text))
                continue
            if code is None and not has_values:
                ignored.append((i + 1, text))  # a note line inside the table
                continue
            if code is not None:
                continue  # a valid code outside ``sectors=``
            raise opts.error(
                f"unknown sector {text!r}; expected a lapangan usaha code or BPS name (A … RSTU, e.g. "
                "'A. Pertanian, Kehutanan, dan Perikanan') or the PDRB total", row=i + 1, column=sector_label)
        body.append((i, code, region))
        seen_total = seen_total or code == TOTAL_CODE
    if not body:
        return end
    facts = _title_facts(sheet, title_from, h, opts, extra=head[:first_year])
    basis, unit = _resolve(facts, opts, h + 1, sheet)
    if basis is None:
        return end
    opts.skipped.extend(skipped)
    opts.ignored.extend(ignored)
    opts.ignored_blocks.extend(dropped)
    sheet_region = _sheet_region(sheet, facts, opts, h + 1) if region_col is None else None
    decimal = _infer_decimal(sheet, [(i, j, label) for i, *_ in body for j, _, _, label in columns], opts)
    _check_quarters(sheet, body, columns, quarters, opts)
    seen: dict[tuple, int] = {}
    factor = UNIT_FACTORS[unit]
    for i, code, row_region in body:
        region = sheet_region if region_col is None else row_region
        if region is None:
            raise opts.error("no region in the region column on or above this row", row=i + 1, column=region_label)
        if (region, code) in seen:
            raise opts.error(f"duplicate sector {code} for region {region} (also at row {seen[region, code]})",
                             row=i + 1, column=sector_label)
        seen[region, code] = i + 1
        for j, year, status, label in columns:
            value, marker = _value(sheet, i, j, decimal, label, opts)
            opts.records.append((region, year, code, basis, value * factor, marker, status, opts.source_id, i + 1))
            opts.labels.append(label)
    return end


def _zero(cell: object) -> bool:
    return _blank(cell) or (_is_number(cell) and parse_number(cell)[0] == 0)


def _check_quarters(sheet: _Sheet, body, columns, quarters, opts: _Options) -> None:
    """A year whose quarter column is empty or 0 in every row has a partial annual figure."""
    cell = lambda i, j: sheet.rows[i][j] if j < len(sheet.rows[i]) else None  # noqa: E731
    for j, year, _status, _label in columns:
        if all(_zero(cell(i, j)) for i, *_ in body):
            continue  # an all-zero year is reported by the zero-total check
        for jq, qlabel in quarters.get(j, []):
            if all(_zero(cell(i, jq)) for i, *_ in body):
                raise opts.error(
                    f"year {year}: this quarter is empty or 0 in every row, so the annual column covers only part "
                    f"of the year; pass years= without {year}", row=body[0][0] + 1, column=qlabel)
