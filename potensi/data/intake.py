"""The region's own figures: the intake workbook (*lembar isian*) and adding files to the embedded data.

:func:`write_template` writes the workbook a Bappeda fills in Excel (``potensi template``);
:func:`read_intake` reads it back (filled in whole or in part: empty cells are not figures);
:func:`apply_additions` adds the figures of such workbooks (or any file :func:`load_pdrb` reads) to
the embedded PDRB, the file's figure winning where both have one, and lists every replaced figure.

Sheets of the workbook:

=====================  =========================================================================
``Petunjuk``           what to enter, the unit, the BPS markers and the provisional mark
``PDRB``               ``kode_wilayah | nama_wilayah | kode_lapangan_usaha | lapangan_usaha | harga
                       | satuan | <year> ...``: one row per region × sector (+ TOTAL) × price basis
``Penduduk``           ``kode_wilayah | nama_wilayah | <year> ...`` (jiwa)
``Sumber``             who filled it in, which BPS publication, the date
``Kerja sama berjalan`` ``pihak_a | pihak_b | objek | tahun | status`` (existing agreements)
=====================  =========================================================================

Code columns are locked (sheet protection without a password); only the value cells are open.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from potensi.core.errors import DataError
from potensi.data.cells import infer_decimal
from potensi.data.files import read_workbook
from potensi.data.pdrb_frame import PDRB_COLUMNS, TOTAL_TOLERANCE, UNIT
from potensi.data.regions import members, province_code, region_name
from potensi.data.sectors import SECTOR_CODES, SECTORS

__all__ = ["INTAKE_SHEETS", "PDRB_HEADER", "apply_additions", "read_intake", "write_template"]

INTAKE_SHEETS = ("Petunjuk", "PDRB", "Penduduk", "Sumber", "Kerja sama berjalan")
PDRB_HEADER = ["kode_wilayah", "nama_wilayah", "kode_lapangan_usaha", "lapangan_usaha", "harga", "satuan"]
POPULATION_HEADER = ["kode_wilayah", "nama_wilayah"]
AGREEMENT_HEADER = ["pihak_a", "pihak_b", "objek", "tahun", "status"]
AGREEMENT_STATUS = ["berjalan", "selesai", "direncanakan"]
SOURCE_FIELDS = ["Diisi oleh (nama, jabatan)", "Instansi", "Publikasi BPS (judul, tahun terbit)",
                 "Tanggal pengisian"]
PRICE_BASES = ("ADHK2010", "ADHB")
REPLACED_COLUMNS = ["region_code", "sector_code", "year", "price_basis", "old", "new", "file"]
_FUNC = "read_intake"
_INSTRUCTIONS = [
    "Lembar isian PDRB menurut lapangan usaha (potensi)",
    "",
    "Apa yang diisi",
    "Lembar PDRB: angka PDRB menurut 17 lapangan usaha dan total PDRB, untuk provinsi dan setiap kabupaten/kota, "
    "atas dasar harga konstan 2010 (ADHK2010) dan harga berlaku (ADHB), satu kolom per tahun.",
    "Satuan: miliar rupiah (bukan juta). Contoh: 1.234,56 miliar rupiah ditulis 1234,56 atau 1234.56.",
    "Isi satu wilayah-tahun secara utuh (17 lapangan usaha); wilayah-tahun yang dibiarkan kosong tidak dipakai. "
    "Sel kosong bukan angka nol.",
    "Lembar Penduduk: jumlah penduduk (jiwa) per wilayah dan tahun, bila tersedia.",
    "Lembar Sumber: siapa yang mengisi, publikasi BPS yang dipakai, tanggal pengisian.",
    "Lembar Kerja sama berjalan: perjanjian kerja sama antardaerah yang sudah ada (pihak, objek, tahun, status).",
    "",
    "Tanda BPS (ditulis di sel angka)",
    "-   nihil (nol)",
    "…   data tidak tersedia (boleh ditulis ...)",
    "x   dirahasiakan",
    "*   angka sementara, ditulis di belakang angka (1234,5*); ** angka sangat sementara",
    "",
    "Kolom kode (abu-abu) dikunci; jangan menambah atau menghapus baris. Lindungan lembar tanpa kata sandi.",
]


# --------------------------------------------------------------------------- writing
def write_template(province: str | int, years: Iterable[int], path: str | Path) -> Path:
    """Write the intake workbook of a province for ``years`` to ``path`` (xlsxwriter).

    Returns the path. Raises ``ValueError`` for an unknown province or an empty/odd year list.
    """
    import xlsxwriter

    code = province_code(province)
    years = sorted({int(y) for y in years})
    if not years or not all(1990 <= y <= 2100 for y in years):
        raise ValueError(f"write_template: years={years!r}; expected years between 1990 and 2100")
    regions = [(code, region_name(code))] + [(r, n) for r, n in members(code)[["region_code", "region_name"]]
                                             .itertuples(index=False)]
    sectors = [*zip(SECTORS["sector_code"], SECTORS["sector_name"], strict=True), ("TOTAL", "PDRB (total)")]
    path = Path(path)
    book = xlsxwriter.Workbook(str(path))
    locked = book.add_format({"locked": True, "bg_color": "#E7E6E6"})
    head = book.add_format({"bold": True, "locked": True, "bg_color": "#BDD7EE", "border": 1})
    open_cell = book.add_format({"locked": False, "num_format": "#,##0.00"})
    open_text = book.add_format({"locked": False})
    bold = book.add_format({"bold": True})

    sheet = book.add_worksheet("Petunjuk")
    sheet.set_column(0, 0, 120)
    for i, line in enumerate(_INSTRUCTIONS):
        sheet.write(i, 0, line, bold if i == 0 or line in {"Apa yang diisi", "Tanda BPS (ditulis di sel angka)"}
                    else None)

    def values_validation(ws, first_row, last_row, first_col, last_col):
        cell = f"{xlsxwriter.utility.xl_col_to_name(first_col)}{first_row + 1}"
        ws.data_validation(first_row, first_col, last_row, last_col, {
            "validate": "custom",
            "value": f'=OR(ISNUMBER({cell}),{cell}="-",{cell}="…",{cell}="...",{cell}="x",RIGHT({cell},1)="*")',
            "input_title": "Angka (miliar rupiah)", "input_message": "Angka ≥ 0, atau tanda BPS: - … x; * = sementara",
            "error_title": "Bukan angka", "error_message": "Tulis angka, atau tanda BPS -, …, x (angka sementara: 12,5*)",
        })

    sheet = book.add_worksheet("PDRB")
    header = [*PDRB_HEADER, *[str(y) for y in years]]
    sheet.write_row(0, 0, header, head)
    row = 1
    for region, name in regions:
        for basis in PRICE_BASES:
            for sector, sector_name in sectors:
                sheet.write_row(row, 0, [region, name, sector, sector_name, basis, UNIT], locked)
                for k in range(len(years)):
                    sheet.write_blank(row, len(PDRB_HEADER) + k, None, open_cell)
                row += 1
    values_validation(sheet, 1, row - 1, len(PDRB_HEADER), len(header) - 1)
    sheet.set_column(0, 0, 13)
    sheet.set_column(1, 1, 28)
    sheet.set_column(2, 2, 8)
    sheet.set_column(3, 3, 45)
    sheet.set_column(4, 5, 14)
    sheet.set_column(len(PDRB_HEADER), len(header) - 1, 14)
    sheet.freeze_panes(1, len(PDRB_HEADER))
    sheet.protect("", {"format_columns": True, "autofilter": True, "sort": False})

    sheet = book.add_worksheet("Penduduk")
    sheet.write_row(0, 0, [*POPULATION_HEADER, *[str(y) for y in years]], head)
    for i, (region, name) in enumerate(regions, start=1):
        sheet.write_row(i, 0, [region, name], locked)
        for k in range(len(years)):
            sheet.write_blank(i, len(POPULATION_HEADER) + k, None, open_text)
    sheet.data_validation(1, 2, len(regions), 1 + len(years), {
        "validate": "integer", "criteria": ">", "value": 0, "input_title": "Penduduk (jiwa)",
        "input_message": "Jumlah penduduk, bilangan bulat"})
    sheet.set_column(0, 0, 13)
    sheet.set_column(1, 1, 28)
    sheet.protect("", {"format_columns": True})

    sheet = book.add_worksheet("Sumber")
    sheet.write_row(0, 0, ["keterangan", "isian"], head)
    for i, label in enumerate(SOURCE_FIELDS, start=1):
        sheet.write(i, 0, label, locked)
        sheet.write_blank(i, 1, None, open_text)
    sheet.set_column(0, 0, 36)
    sheet.set_column(1, 1, 60)
    sheet.protect("", {"format_columns": True})

    sheet = book.add_worksheet("Kerja sama berjalan")
    sheet.write_row(0, 0, AGREEMENT_HEADER, head)
    for i in range(1, 201):
        sheet.write_row(i, 0, [""] * len(AGREEMENT_HEADER), open_text)
    sheet.data_validation(1, 3, 200, 3, {"validate": "integer", "criteria": "between", "minimum": 1945,
                                         "maximum": 2100})
    sheet.data_validation(1, 4, 200, 4, {"validate": "list", "source": AGREEMENT_STATUS})
    sheet.set_column(0, 2, 30)
    sheet.protect("", {"format_columns": True})
    book.close()
    return path


# --------------------------------------------------------------------------- reading
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
    from potensi.data.loaders import tidy_to_pdrb

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


# --------------------------------------------------------------------------- adding
def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def apply_additions(pdrb: pd.DataFrame, paths: Iterable[str | Path], *, price_basis: str | None = None,
                    regions: Iterable[str] | None = None) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str]]:
    """Add the figures of ``paths`` (intake workbooks or any file :func:`load_pdrb` reads) to ``pdrb``.

    Where both have a figure for a cell (region, year, sector, price basis) the file's figure is
    used; a later file wins over an earlier one. ``TOTAL`` rows of a file serve only to check its
    sectors (the embedded table holds the 17 sectors) unless ``pdrb`` has ``TOTAL`` rows.
    ``price_basis`` and ``regions`` keep only the files' figures of that basis and those regions
    (a province study reads ADHK2010 for its own regions; the rest of a file is checked, not used).

    Returns
    -------
    (merged, replaced, hashes)
        ``merged``: ``pdrb`` with the files' figures (extra columns such as ``region_name`` and
        ``level`` filled from the catalog); ``replaced``: every replaced figure,
        :data:`REPLACED_COLUMNS`; ``hashes``: ``{file path: sha256}``.

    Raises
    ------
    DataError
        From the loader, and for a file that does not cover whole region-years (some of the 17
        sectors missing for a region-year it touches), naming the missing cells.
    """
    from potensi.data.loaders import load_pdrb
    from potensi.data.regions import region_catalog

    key = ["region_code", "year", "sector_code", "price_basis"]
    merged = pdrb.copy()
    replaced, hashes = [], {}
    for path in [Path(p) for p in paths]:
        added = load_pdrb(path, allow_gaps=True)
        hashes[str(path)] = _sha256(path)
        body = added[added["sector_code"] != "TOTAL"]
        have = body.groupby(["region_code", "year", "price_basis"])["sector_code"].agg(frozenset)
        touched = added.groupby(["region_code", "year", "price_basis"]).size()
        for region, year, basis in touched.index:
            got = have.get((region, year, basis), frozenset())
            lacking = [s for s in SECTOR_CODES if s not in got]
            if lacking:
                raise DataError(f"region {region} year {year} {basis} has figures for {len(got)} of the 17 sectors; "
                                f"missing cells: {', '.join(f'{region}/{year}/{s}' for s in lacking)}. Fill the whole "
                                "region-year or leave it empty", func="apply_additions", path=path)
        if "TOTAL" not in set(merged["sector_code"]):
            added = added[added["sector_code"] != "TOTAL"]
        if price_basis is not None:
            added = added[added["price_basis"] == price_basis]
        if regions is not None:
            added = added[added["region_code"].isin(set(regions))]
        added = added[PDRB_COLUMNS]
        both = merged[key + ["value"]].merge(added[key + ["value"]], on=key, suffixes=("_old", "_new"))
        both = both[both["value_old"].notna()]
        replaced.append(pd.DataFrame({
            "region_code": both["region_code"], "sector_code": both["sector_code"], "year": both["year"],
            "price_basis": both["price_basis"], "old": both["value_old"], "new": both["value_new"],
            "file": str(path)}))
        keep = merged.merge(added[key], on=key, how="left", indicator=True)["_merge"].eq("left_only").to_numpy()
        extra = [c for c in merged.columns if c not in PDRB_COLUMNS]
        if extra:
            cat = region_catalog().set_index("region_code")
            added = added.assign(**{c: added["region_code"].map(cat[c]) for c in extra if c in cat.columns})
        merged = pd.concat([merged[keep], added[[c for c in merged.columns if c in added.columns]]],
                           ignore_index=True)
    merged = merged.sort_values(key).reset_index(drop=True)
    table = (pd.concat(replaced, ignore_index=True) if replaced else pd.DataFrame(columns=REPLACED_COLUMNS))
    return merged, table[REPLACED_COLUMNS].reset_index(drop=True), hashes
