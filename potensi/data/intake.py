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
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from potensi.core.codes import TOTAL_CODE
from potensi.core.errors import DataError
from potensi.core.wording import INTAKE
from potensi.data.intake_read import (
    AGREEMENT_HEADER,
    AGREEMENT_STATUS,
    PDRB_HEADER,
    POPULATION_HEADER,
    SOURCE_FIELDS,
    read_intake,
)
from potensi.data.loaders import load_pdrb
from potensi.data.pdrb_frame import PDRB_COLUMNS, UNIT
from potensi.data.regions import members, province_code, region_name
from potensi.data.sectors import SECTOR_CODES, SECTORS

__all__ = ["INTAKE_SHEETS", "PDRB_HEADER", "apply_additions", "read_intake", "write_template"]

INTAKE_SHEETS = ("Petunjuk", "PDRB", "Penduduk", "Sumber", "Kerja sama berjalan")
PRICE_BASES = ("ADHK2010", "ADHB")
REPLACED_COLUMNS = ["region_code", "sector_code", "year", "price_basis", "old", "new", "file"]


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
    sectors = [*zip(SECTORS["sector_code"], SECTORS["sector_name"], strict=True), (TOTAL_CODE, INTAKE["total"])]
    path = Path(path)
    book = xlsxwriter.Workbook(str(path))
    locked = book.add_format({"locked": True, "bg_color": "#E7E6E6"})
    head = book.add_format({"bold": True, "locked": True, "bg_color": "#BDD7EE", "border": 1})
    open_cell = book.add_format({"locked": False, "num_format": "#,##0.00"})
    open_text = book.add_format({"locked": False})
    bold = book.add_format({"bold": True})

    sheet = book.add_worksheet("Petunjuk")
    sheet.set_column(0, 0, 120)
    for i, line in enumerate(INTAKE["instructions"]):
        sheet.write(i, 0, line, bold if i == 0 or line in INTAKE["headings"] else None)

    def values_validation(ws, first_row, last_row, first_col, last_col):
        cell = f"{xlsxwriter.utility.xl_col_to_name(first_col)}{first_row + 1}"
        ws.data_validation(first_row, first_col, last_row, last_col, {
            "validate": "custom",
            "value": f'=OR(ISNUMBER({cell}),{cell}="-",{cell}="…",{cell}="...",{cell}="x",RIGHT({cell},1)="*")',
            "input_title": INTAKE["value_input"][0], "input_message": INTAKE["value_input"][1],
            "error_title": INTAKE["value_error"][0], "error_message": INTAKE["value_error"][1],
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
        "validate": "integer", "criteria": ">", "value": 0, "input_title": INTAKE["population_input"][0],
        "input_message": INTAKE["population_input"][1]})
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
    from potensi.data.regions import region_catalog

    key = ["region_code", "year", "sector_code", "price_basis"]
    merged = pdrb.copy()
    replaced, hashes = [], {}
    for path in [Path(p) for p in paths]:
        added = load_pdrb(path, allow_gaps=True)
        hashes[str(path)] = _sha256(path)
        body = added[added["sector_code"] != TOTAL_CODE]
        have = body.groupby(["region_code", "year", "price_basis"])["sector_code"].agg(frozenset)
        touched = added.groupby(["region_code", "year", "price_basis"]).size()
        for region, year, basis in touched.index:
            got = have.get((region, year, basis), frozenset())
            lacking = [s for s in SECTOR_CODES if s not in got]
            if lacking:
                raise DataError(f"region {region} year {year} {basis} has figures for {len(got)} of the 17 sectors; "
                                f"missing cells: {', '.join(f'{region}/{year}/{s}' for s in lacking)}. Fill the whole "
                                "region-year or leave it empty", func="apply_additions", path=path)
        if TOTAL_CODE not in set(merged["sector_code"]):
            added = added[added["sector_code"] != TOTAL_CODE]
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
