"""BPS tables with regions as rows and sectors as columns (pivot exports, e.g. Bappenas SIMREG).

See :mod:`potensi.data.bps_wide` for the layout.
"""

from __future__ import annotations

import re

from potensi.core.codes import TOTAL_CODE
from potensi.data.bps_common import (
    _HEADER_SCAN,
    _blank,
    _check_ragged,
    _infer_decimal,
    _is_number,
    _Options,
    _quarter,
    _region_cell,
    _region_from_name,
    _resolve,
    _Sheet,
    _text,
    _title_facts,
    _value,
    _year_of,
)
from potensi.data.pdrb_frame import UNIT_FACTORS, sector_of_label
from potensi.data.regions import region_catalog
from potensi.data.sectors import sector_code_from_label

__all__: list[str] = []  # private module


# --------------------------------------------------------------------------- regions as rows
def _split_indicator(text: str) -> tuple[str, str]:
    parts = re.split(r"\s+-\s*|\s*-\s+", text)
    return (" - ".join(parts[:-1]).strip(), parts[-1].strip()) if len(parts) > 1 else ("", text.strip())


def _header_sector(cell: object) -> str | None:
    if not isinstance(cell, str) or not cell.strip():
        return None
    if sector_of_label(cell)[1] or sector_of_label(_split_indicator(cell)[1])[1]:
        return None  # "Industri Pengolahan (Tanpa Migas)": part of a sector, refused by the reader
    code = sector_code_from_label(cell)
    if code is None:
        code = sector_code_from_label(_split_indicator(cell)[1])
    return code


def _find_sector_header(rows: list[list[object]]) -> int | None:
    for i, row in enumerate(rows[:_HEADER_SCAN]):
        codes = {_header_sector(c) for c in row} - {None, TOTAL_CODE}
        if len(codes) >= 3:
            return i
    return None


def _read_regions_as_rows(sheet: _Sheet, h: int, opts: _Options) -> None:
    rows = sheet.rows
    head = rows[h]
    prefixes = {_split_indicator(c)[0] for c in head if isinstance(c, str) and _split_indicator(c)[0]}
    sector_of: dict[int, str] = {}
    for j, cell in enumerate(head):
        if isinstance(cell, str) and (sector_of_label(cell)[1] or sector_of_label(_split_indicator(cell)[1])[1]):
            part = sector_of_label(cell)[0] or sector_of_label(_split_indicator(cell)[1])[0]
            raise opts.error(f"sector header {cell.strip()!r} names only part of sector {part} (oil and gas in or "
                             f"out), not the whole lapangan usaha; potensi needs the whole sector {part}", row=h + 1,
                             column=sheet.column_label(j, cell.strip()))
        code = _header_sector(cell)
        if code is None and isinstance(cell, str) and cell.strip() in prefixes:
            code = TOTAL_CODE  # "PDRB ADHK ... Lapangan Usaha" next to "PDRB ADHK ... Lapangan Usaha - Konstruksi"
        if code is not None:
            sector_of[j] = code
    first = min(sector_of)
    # header band: a row of years above or below the sector names, a row of quarters below
    year_of: dict[int, tuple[int, str]] = {}
    quarter_of: dict[int, int] = {}
    body_from = h + 1
    for k in (h - 1, h + 1, h + 2):
        if not 0 <= k < len(rows):
            continue
        cells = {j: c for j, c in enumerate(rows[k]) if j >= first and not _blank(c)}
        if cells and all(_year_of(c) for c in cells.values()):
            year_of = {j: _year_of(c) for j, c in cells.items()}
        elif cells and all(_quarter(c) is not None for c in cells.values()):
            quarter_of = {j: _quarter(c) for j, c in cells.items()}
        elif k > h:
            break
        else:
            continue
        body_from = max(body_from, k + 1)
    last = max(len(rows[k]) for k in range(h, body_from))
    columns: list[tuple[int, str, int]] = []  # (column, sector, quarter; 0 = annual)
    current = None
    for j in range(first, last):
        current = sector_of.get(j, current if quarter_of else None)
        if current is not None:
            columns.append((j, current, quarter_of.get(j, 0)))
    facts = _title_facts(sheet, 0, h, opts, extra=head)
    if year_of:
        owner = None
        for j in range(first, last):  # a year printed over merged cells covers its quarters
            owner = year_of.get(j, owner if quarter_of else None)
            if owner is not None:
                year_of[j] = owner
    else:
        year = opts.year
        if year is None:
            text = re.sub(r"(seri|dasar|konstan)\s*\(?\s*2010\s*(=\s*100)?\)?|2010\s*=\s*100", " ", facts["text"],
                          flags=re.I)
            found = sorted({int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", text)})
            if len(found) != 1:
                raise opts.error(f"year not found: no row of years over or under the sector names, and the title "
                                 f"names {found or 'no year'}; pass year=", row=h + 1)
            year = found[0]
        year_of = {j: (year, "") for j, *_ in columns}
    several_years = len({y for y, _ in year_of.values()}) > 1
    annual: dict[tuple[int, str], bool] = {}
    wanted: list[tuple[int, str, int, str, str]] = []  # (column, sector, year, status, label)
    for j, code, q in columns:
        if j not in year_of:
            raise opts.error("sector column without a year", row=h + 1, column=sheet.column_label(j, _text(head[j])))
        year, status = year_of[j]
        annual[year, code] = annual.get((year, code), False) or q == 0
        if q != 0 or code not in (*opts.sectors, TOTAL_CODE):
            continue
        name = _text(head[j]) if j < len(head) else ""
        name = _split_indicator(name)[1] if _split_indicator(name)[0] else name
        if several_years:
            name = f"{name} {_text(rows[h + 1][j]) if h + 1 < body_from else year}"
        if quarter_of:
            name = f"{name} {_text(rows[body_from - 1][j])}"
        label = sheet.column_label(j, name)
        if opts.years is not None and year not in opts.years:
            opts.ignored_blocks.append(f"{label} (not in years=)")
            continue
        wanted.append((j, code, year, status, label))
    missing_annual = [key for key, ok in annual.items() if not ok]
    if missing_annual:
        year, code = missing_annual[0]
        raise opts.error(f"year {year} sector {code} has quarterly columns but no annual column (Tahunan/Total); "
                         "potensi reads annual figures only", row=h + 1)
    basis, unit = _resolve(facts, opts, h + 1, sheet)
    if basis is None:
        return
    # the data rows hold at least one number or marker in the sector columns
    data_rows = [i for i in range(body_from, len(rows))
                 if any(j < len(rows[i]) and (_is_number(rows[i][j]) or _text(rows[i][j]) in
                                              {"-", "–", "—", "…", "...", "x", "X"}) for j, *_ in wanted)]
    # the region column: the fullest column of codes, else the last column of names
    code_col, best = None, 0
    for j in range(first):
        cells = [_text(rows[i][j]) for i in data_rows if j < len(rows[i]) and not _blank(rows[i][j])]
        cells = [opts.region_map.get(c, c) for c in cells]
        if cells and all(re.fullmatch(r"\d{2}|\d{4}", c) for c in cells) and len(cells) > best:
            code_col, best = j, len(cells)
    if code_col is None:
        names = [j for j in range(first)
                 if any(j < len(rows[i]) and isinstance(rows[i][j], str) and rows[i][j].strip() for i in data_rows)]
        if not names:
            raise opts.error("no region column (BPS codes or region names) left of the sector columns", row=h + 1)
        code_col = names[-1]
    region_label = sheet.column_label(code_col, next((_text(rows[k][code_col]) for k in range(body_from - 1, -1, -1)
                                                      if code_col < len(rows[k]) and _text(rows[k][code_col])), ""))
    opts.key_columns.update({"sector_code": f"sector headers (row {h + 1})", "year": region_label})
    decimal = _infer_decimal(sheet, [(i, w[0], w[4]) for i in data_rows for w in wanted], opts)
    levels = _levels_of_codes(rows, data_rows, code_col, opts)
    factor = UNIT_FACTORS[unit]
    seen: dict[str, int] = {}
    data = set(data_rows)
    for i in range(body_from, len(rows)):
        row = rows[i]
        if all(_blank(c) for c in row):
            continue
        if i not in data:
            opts.ignored.append((i + 1, " ".join(_text(c) for c in row if not _blank(c))[:80]))
            continue
        if code_col >= len(row) or _blank(row[code_col]):
            raise opts.error("values but no region in this row", row=i + 1, column=region_label)
        _check_ragged(sheet, i, h, opts)
        region = _region_cell(row[code_col], opts, i + 1, region_label, prefer=levels)
        if region in seen:
            raise opts.error(f"duplicate region {region} (also at row {seen[region]})", row=i + 1,
                             column=region_label)
        seen[region] = i + 1
        for j, code, year, status, label in wanted:
            value, marker = _value(sheet, i, j, decimal, label, opts)
            opts.records.append((region, year, code, basis, value * factor, marker, status, opts.source_id, i + 1))
            opts.labels.append(label)


def _levels_of_codes(rows, data_rows, col, opts: _Options) -> set[str]:
    """Levels (provinsi, kabupaten, ...) of the unambiguous region names of a column."""
    levels: set[str] = set()
    cat = region_catalog().set_index("region_code")["level"].astype(str)
    for i in data_rows:
        text = _text(rows[i][col]) if col < len(rows[i]) else ""
        text = opts.region_map.get(text, text)
        codes = [text] if re.fullmatch(r"\d{4}", text) else _region_from_name(text)
        if len(codes) == 1 and codes[0] in cat.index:
            levels.add(cat[codes[0]])
    return levels
