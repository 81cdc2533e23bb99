"""Shared pieces of the BPS wide-table readers: the sheet and option records, cell tests,
the decimal rule, title facts (price basis, unit), and region names.

Used by :mod:`potensi.data.bps_sector_rows` and :mod:`potensi.data.bps_region_rows`; the entry
point is :func:`potensi.data.bps_wide.read_wide`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from potensi.core.codes import NATIONAL_CODE
from potensi.core.errors import DataError
from potensi.data.cells import AMBIGUOUS, COMMA_EVIDENCE, POINT_EVIDENCE, CellError, parse_number, parse_year
from potensi.data.pdrb_frame import PRICE_BASES
from potensi.data.regions import province_code, region_catalog

__all__: list[str] = []  # private module

_FUNC = "load_pdrb"
_HEADER_SCAN = 60  # rows searched for the header of a regions-as-rows table
_QUARTERS = {
    "i": 1, "ii": 2, "iii": 3, "iv": 4, "q1": 1, "q2": 2, "q3": 3, "q4": 4,
    "tw i": 1, "tw ii": 2, "tw iii": 3, "tw iv": 4, "triwulan i": 1, "triwulan ii": 2,
    "triwulan iii": 3, "triwulan iv": 4, "tw 1": 1, "tw 2": 2, "tw 3": 3, "tw 4": 4,
    "triwulan 1": 1, "triwulan 2": 2, "triwulan 3": 3, "triwulan 4": 4,
}
_ANNUAL = {"total", "tahunan", "jumlah", "setahun", "tahun", "annual", "jumlah setahun"}
_REGION_HEADER = re.compile(r"kode|wilayah|kabupaten|kab\s*/\s*kota|provinsi|region|daerah", re.I)
_SUBITEM = re.compile(r"^\s*(\d{1,2}|[a-z]|[A-U]\.\d{1,2})[.)]?(\s|$)")
_AGGREGATE = re.compile(r"tanpa\s+migas|non\s*-?\s*migas|bukan\s+migas|pajak|subsidi", re.I)
_NUMBERING = re.compile(r"^\(?-?\d{1,3}\)?$")
_BASIS_PATTERNS = {
    "ADHK2010": re.compile(r"harga\s+konstan|\badhk\b|\bkonstan\b|constant\s+price", re.I),
    "ADHB": re.compile(r"harga\s+berlaku|\badhb\b|\bberlaku\b|current\s+price", re.I),
}
_UNIT_PATTERNS = {
    "ribu rupiah": re.compile(r"ribu\s+rupiah|\(ribu\)|ribuan", re.I),
    "juta rupiah": re.compile(r"juta\s+rupiah|\(juta\)|jutaan|\bjuta\b", re.I),
    "miliar rupiah": re.compile(r"mil[iy]a?r\w*", re.I),
    "triliun rupiah": re.compile(r"triliun", re.I),
}
_PERCENT = re.compile(r"persen|percent|%|laju\s+pertumbuhan|distribusi", re.I)
_BASIS_WORDS = {"ADHK2010": "Harga Konstan", "ADHB": "Harga Berlaku"}


@dataclass
class _Sheet:
    """One table source: a CSV file or one worksheet, rows as read (row 1 first)."""

    name: str | None
    rows: list[list[object]]
    xlsx: bool
    several: bool  # the workbook has several sheets: name the sheet in messages
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # 0-based (r0, c0, r1, c1)

    def merged_span(self, i: int, j: int) -> tuple[int, int] | None:
        """Columns ``(c0, c1)`` of the merged range whose top-left cell is ``(i, j)``, if any."""
        return next(((c0, c1) for r0, c0, r1, c1 in self.merged if r0 == i and c0 == j and c1 > c0), None)

    def column_label(self, j: int, header: str) -> str:
        if not self.xlsx:
            return header or f"column {j + 1}"
        from openpyxl.utils import get_column_letter

        prefix = f"{self.name}!" if self.several else ""
        letter = get_column_letter(j + 1)
        return f"{prefix}{letter} ({header})" if header else f"{prefix}{letter}"


@dataclass
class _Options:
    path: Path
    sectors: tuple[str, ...]
    regions: set[str]
    allow_gaps: bool
    region_code: str | Mapping[str, str] | None
    price_basis: str | None
    unit: str | None
    year: int | None
    years: set[int] | None
    decimal: str | None
    region_map: Mapping[str, str]
    source_id: str
    records: list[tuple] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    ignored: list[tuple[int, str]] = field(default_factory=list)
    ignored_blocks: list[str] = field(default_factory=list)
    tables: dict[str, tuple[str, str]] = field(default_factory=dict)  # basis or unit -> (kind, where)
    key_columns: dict[str, str] = field(default_factory=dict)

    def error(self, message: str, row: int | None = None, column: str | None = None) -> DataError:
        return DataError(message, func=_FUNC, path=self.path, row=row, column=column)



# --------------------------------------------------------------------------- options
def _option_basis(value: str | None) -> str | None:
    if value is None:
        return None
    key = str(value).strip().upper()
    basis = PRICE_BASES.get(key) or {"KONSTAN": "ADHK2010", "BERLAKU": "ADHB"}.get(key)
    if basis is None:
        raise ValueError(f"read_wide: price_basis={value!r} not understood; expected 'ADHK2010' or 'ADHB'")
    return basis


def _option_unit(value: str | None) -> str | None:
    if value is None:
        return None
    text = str(value).strip().lower()
    for unit, pattern in _UNIT_PATTERNS.items():
        if unit != "ribu rupiah" and (text == unit.split()[0] or pattern.search(text)):
            return unit
    raise ValueError(f"read_wide: unit={value!r} not understood; expected 'juta rupiah', 'miliar rupiah' "
                     "or 'triliun rupiah'")


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or (
        isinstance(value, float) and value != value)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _year_of(value: object) -> tuple[int, str] | None:
    if _blank(value) or isinstance(value, bool):
        return None
    if isinstance(value, float) and not value.is_integer():
        return None
    try:
        found = parse_year(value)
    except CellError:
        return None
    return found if 1990 <= found[0] <= 2100 else None


def _is_number(value: object) -> bool:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return True
    try:
        parse_number(value)
    except CellError:
        return False
    return _text(value) not in {"-", "–", "—", "…", "...", "x", "X"}


def _quarter(value: object) -> int | None:
    """1–4 for a quarter label, 0 for an annual label, None otherwise."""
    text = re.sub(r"[\s.\-]+", " ", _text(value).lower()).strip()
    if text in _ANNUAL:
        return 0
    return _QUARTERS.get(text)



_COMMA_EVIDENCE, _POINT_EVIDENCE, _AMBIGUOUS = COMMA_EVIDENCE, POINT_EVIDENCE, AMBIGUOUS  # one rule (cells.py)


def _infer_decimal(sheet: _Sheet, cells: list[tuple[int, int, str]], opts: _Options) -> str | None:
    """The decimal separator of the text cells at the (row, column, label) positions ``cells``.

    ``1.234.567,89`` or ``12,5`` mean a decimal comma, ``1,234,567.89`` or ``12.5`` a decimal
    point; ``1.234`` alone could be either and needs one unambiguous cell or ``decimal=``.
    """
    if opts.decimal:
        return opts.decimal
    seen: dict[str, tuple[int, str, str]] = {}
    ambiguous = None
    for i, j, label in cells:
        value = sheet.rows[i][j] if j < len(sheet.rows[i]) else None
        if not isinstance(value, str):
            continue
        raw = value.strip().replace("\u00a0", "").replace(" ", "").lstrip("+-")
        if _COMMA_EVIDENCE.fullmatch(raw):
            seen.setdefault(",", (i, label, raw))
        elif _POINT_EVIDENCE.fullmatch(raw):
            seen.setdefault(".", (i, label, raw))
        elif _AMBIGUOUS.fullmatch(raw) and ambiguous is None:
            ambiguous = (i, label, raw)
    if len(seen) == 2:
        (ic, _, tc), (ip, lp, tp) = seen[","], seen["."]
        raise opts.error(f"mixed decimal separators: {tc!r} (row {ic + 1}) has a decimal comma, {tp!r} a decimal "
                         "point; pass decimal=',' or decimal='.'", row=ip + 1, column=lp)
    if not seen and ambiguous is not None:
        i, label, raw = ambiguous
        raise opts.error(f"{raw!r} could have a decimal or a thousands separator and no cell settles which; pass "
                         "decimal=',' or decimal='.'", row=i + 1, column=label)
    return next(iter(seen), None)


def _value(sheet: _Sheet, i: int, j: int, decimal: str | None, label: str, opts: _Options) -> tuple[float, str]:
    row = sheet.rows[i]
    cell = row[j] if j < len(row) else None
    try:
        value, marker = parse_number(cell, decimal=decimal)
    except CellError as exc:
        raise opts.error(f"{exc}", row=i + 1, column=label) from None
    if value < 0:
        raise opts.error(f"negative output value {value:g}; PDRB by sector cannot be negative", row=i + 1,
                         column=label)
    return value, marker


def _check_ragged(sheet: _Sheet, i: int, header: int, opts: _Options) -> None:
    if sheet.xlsx:
        return
    row, width = sheet.rows[i], len(sheet.rows[header])
    if len(row) < width or any(not _blank(c) for c in row[width:]):
        raise opts.error(f"ragged row: {len(row)} fields, the header (row {header + 1}) has {width} "
                         "(truncated file, or a decimal comma / stray delimiter splitting a cell?)", row=i + 1)


def _title_facts(sheet: _Sheet, lo: int, hi: int, opts: _Options, extra: Iterable[object] = ()) -> dict:
    """Price basis, unit and text of the title rows ``lo..hi-1`` (and ``extra`` header cells)."""
    texts: list[tuple[int, str]] = []
    for i in range(lo, hi):
        for cell in sheet.rows[i]:
            if isinstance(cell, str) and cell.strip():
                texts.append((i + 1, cell.strip()))
    texts += [(hi + 1, c.strip()) for c in extra if isinstance(c, str) and c.strip()]
    bases = {}
    units = {}
    for row, text in texts:
        for basis, pattern in _BASIS_PATTERNS.items():
            if pattern.search(text):
                bases.setdefault(basis, row)
        for unit, pattern in _UNIT_PATTERNS.items():
            if pattern.search(text):
                units.setdefault(unit, row)
    if len(bases) > 1:
        raise opts.error(
            f"mixed price bases in one table: 'Harga Konstan' (row {bases['ADHK2010']}) and 'Harga Berlaku' "
            f"(row {bases['ADHB']}); one table must hold one price basis", row=max(bases.values()))
    if len(units) > 1:
        (u1, r1), (u2, r2) = sorted(units.items(), key=lambda kv: kv[1])[:2]
        raise opts.error(f"mixed units in one table: {u1!r} (row {r1}) and {u2!r} (row {r2}); "
                         "one table must hold one unit", row=r2)
    percent = next((row for row, text in texts if _PERCENT.search(text)), None)
    return {"basis": next(iter(bases.items()), None), "unit": next(iter(units.items()), None),
            "percent": percent, "text": " | ".join(t for _, t in texts[:12])}


def _resolve(facts: dict, opts: _Options, header_row: int, sheet: _Sheet) -> tuple[str | None, str]:
    """Price basis (None: the table is not the one asked for) and unit of one table.

    Tables of one file must share their price basis (unless ``price_basis=`` picks one) and unit.
    """
    found = facts["basis"]
    if opts.price_basis is None and found is None:
        raise opts.error("price basis not found in the title rows (looked for 'Harga Konstan'/'Harga Berlaku', "
                         "'ADHK'/'ADHB'); pass price_basis='ADHK2010' or price_basis='ADHB'", row=header_row)
    basis = found[0] if found else opts.price_basis
    if opts.price_basis is not None and found is not None and found[0] != opts.price_basis:
        opts.ignored_blocks.append(f"table at row {header_row}: {found[0]} (price_basis={opts.price_basis!r})")
        return None, ""
    unit_found = facts["unit"]
    if unit_found is None and opts.unit is None:
        if facts["percent"] is not None:
            raise opts.error("the table is in percent (growth rates or shares), not in rupiah; potensi reads "
                             "PDRB values", row=facts["percent"])
        raise opts.error("unit not found in the title rows (looked for 'Juta Rupiah', 'Miliar/Milyar Rupiah', "
                         "'Triliun'); pass unit='juta rupiah' or unit='miliar rupiah'", row=header_row)
    if unit_found is not None and opts.unit is not None and unit_found[0] != opts.unit:
        raise opts.error(f"unit={opts.unit!r} was passed but the title at row {unit_found[1]} says "
                         f"{unit_found[0]!r}", row=unit_found[1])
    unit = unit_found[0] if unit_found else opts.unit
    if unit == "ribu rupiah":
        raise opts.error("unit 'ribu rupiah' (a per-capita table?); PDRB by lapangan usaha is read in juta, "
                         "miliar or triliun rupiah", row=unit_found[1])
    where = f"sheet {sheet.name!r} " if sheet.several else ""
    for kind, value, row in (("price bases", basis, found[1] if found else header_row),
                             ("units", unit, unit_found[1] if unit_found else header_row)):
        other = next(((v, w) for v, w in opts.tables.items() if v != value and w[0] == kind), None)
        if other is not None:
            words = _BASIS_WORDS if kind == "price bases" else {}
            hint = "; pass price_basis= to read one of them" if kind == "price bases" else ""
            raise opts.error(f"mixed {kind} in one file: {words.get(other[0], other[0])!r} (table at "
                             f"{other[1][1]}) and {words.get(value, value)!r}{hint}", row=row)
        opts.tables.setdefault(value, (kind, f"{where}row {row}"))
    return basis, unit


# --------------------------------------------------------------------------- regions
def _norm_name(text: str) -> str:
    text = unicodedata.normalize("NFKC", str(text)).lower()
    text = re.sub(r"\b(\w) (?=\w\b)", r"\1", text)  # "P A P U A" -> "PAPUA"
    text = re.sub(r"[^a-z0-9 ]", " ", text.replace("kep.", "kepulauan "))
    return " ".join(text.split())


def _names_index() -> dict[str, list[tuple[str, str]]]:
    cat = region_catalog()
    index: dict[str, list[tuple[str, str]]] = {}
    for code, name, level in zip(cat["region_code"], cat["region_name"], cat["level"].astype(str)):
        index.setdefault(_norm_name(name), []).append((code, level))
    return index


def _region_from_name(text: str) -> list[str]:
    """Catalog codes whose name matches ``text`` (``"Kabupaten Berau"``, ``"Kota Samarinda"``, ``"Aceh"``)."""
    name = _norm_name(text)
    level = None
    for prefix, lev in (("provinsi ", "provinsi"), ("prov ", "provinsi"), ("kabupaten ", "kabupaten"),
                        ("kab ", "kabupaten")):
        if name.startswith(prefix):
            name, level = name[len(prefix):], lev
    if name in {"nasional", "indonesia"}:
        return [NATIONAL_CODE]
    hits = _names_index().get(name, [])
    return [c for c, lev in hits if level is None or lev == level]


def _check_region(code: str, opts: _Options, row: int | None, column: str | None, *, given: bool = False) -> str:
    raw = str(code).strip()
    if isinstance(code, float) and code.is_integer():
        raw = str(int(code))
    raw = opts.region_map.get(raw, raw)
    if re.fullmatch(r"\d{2}", raw):
        raw = province_code(raw, strict=False)
    if raw not in opts.regions:
        hint = " (leading zeros lost? codes are 4-digit strings such as '0000', '6472')" if raw.isdigit() and len(
            raw) < 4 else ""
        if given:
            raise opts.error(f"unknown region_code={raw!r}{hint}: not in the region catalog (known_regions)")
        raise opts.error(f"unknown region code {raw!r}{hint}; pass region_map={{{raw!r}: '<code>'}} to rename it",
                         row=row, column=column)
    return raw


def _region_cell(value: object, opts: _Options, row: int, column: str | None,
                 prefer: set[str] | None = None) -> str:
    text = _text(value)
    mapped = opts.region_map.get(text, text)
    if re.fullmatch(r"\d{2}|\d{4}", mapped):
        return _check_region(mapped, opts, row, column)
    codes = _region_from_name(mapped)
    if len(codes) > 1 and prefer:
        cat = region_catalog().set_index("region_code")["level"].astype(str)
        preferred = [c for c in codes if cat.get(c) in prefer]
        codes = preferred if len(preferred) == 1 else codes
    if len(codes) == 1:
        return _check_region(codes[0], opts, row, column)
    if len(codes) > 1:
        raise opts.error(f"region name {text!r} is ambiguous (codes {codes}); write 'Kabupaten …'/'Provinsi …' or "
                         f"pass region_map={{{text!r}: '<code>'}}", row=row, column=column)
    raise opts.error(f"unknown region {text!r}: not a BPS code nor a name in the region catalog; pass "
                     f"region_map={{{text!r}: '<code>'}}", row=row, column=column)


def _regions_in_text(text: str) -> list[str]:
    """Catalog regions named in a title (longest names first, overlaps removed)."""
    norm = f" {_norm_name(text)} "
    found: list[tuple[int, int, list[tuple[str, str]]]] = []
    for name, hits in _names_index().items():
        if len(name) < 4:
            continue
        for m in re.finditer(rf"(?<= ){re.escape(name)}(?= )", norm):
            found.append((m.start(), m.end(), hits))
    found.sort(key=lambda f: f[0] - f[1])
    taken: list[tuple[int, int]] = []
    codes: list[str] = []
    for start, end, hits in found:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        before = norm[:start].split()[-1:] or [""]
        level = {"provinsi": "provinsi", "kabupaten": "kabupaten", "kab": "kabupaten"}.get(before[0])
        chosen = [c for c, lev in hits if level is None or lev == level]
        codes.extend(c for c in (chosen if len(chosen) == 1 else [c for c, _ in hits]) if c not in codes)
    return codes


def _sheet_region(sheet: _Sheet, facts: dict, opts: _Options, header_row: int) -> str:
    given = opts.region_code
    if isinstance(given, Mapping):
        if sheet.name in given:
            return _check_region(given[sheet.name], opts, None, None, given=True)
        raise opts.error(f"region_code= has no entry for sheet {sheet.name!r}; it has {sorted(given)}")
    if given is not None:
        return given
    codes = [c for c in _regions_in_text(facts["text"]) if c in opts.regions]
    parents = dict(zip(region_catalog()["region_code"], region_catalog()["parent_code"]))
    codes = [c for c in codes if not any(parents.get(other) == c for other in codes)]  # "Kota X, Provinsi Y" -> X
    where = f"sheet {sheet.name!r}: " if sheet.name else ""
    if sheet.name is not None:
        named = None
        token = re.search(r"\b\d{4}\b", sheet.name)
        if token and token.group() in opts.regions:
            named = token.group()
        else:
            found = _region_from_name(sheet.name)
            named = found[0] if len(found) == 1 and found[0] in opts.regions else None
        if named is not None:
            if codes and named not in codes and not any(parents.get(c) == named or parents.get(named) == c
                                                        for c in codes):
                raise opts.error(f"{where}the sheet name means region {named} but the title names {codes}; which "
                                 f"region the figures belong to is unclear: rename the sheet or pass region_code=",
                                 row=header_row)
            return named
    if len(codes) == 1:
        return codes[0]
    if len(codes) > 1:
        raise opts.error(f"{where}the title names several regions {codes}; pass region_code= (e.g. "
                         f"region_code={codes[0]!r})", row=header_row)
    raise opts.error(f"{where}region not found: the table has no region column and neither the sheet name nor "
                     "the title names a region; pass region_code= (e.g. region_code='6472')", row=header_row)


