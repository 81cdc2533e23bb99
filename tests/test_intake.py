"""The intake workbook (potensi template), reading it back, and --add with real figures.

Real figures: Kabupaten Paser (6401) 2021, ADHK 2010, miliar rupiah, from data/raw (Bappenas SIMREG export
2021–2022; sector E is the derived residual TOTAL − Σ16 of the _DERIVED file). The 17 sectors sum to the
printed TOTAL 36,581.32.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from potensi import DataError, load_pdrb
from potensi.cli import main
from potensi.core.paths import DATA_RAW
from potensi.data.intake import PDRB_HEADER, apply_additions, read_intake
from potensi.data.sectors import SECTOR_CODES


def paser_2021() -> dict[str, float]:
    frames = [pd.read_csv(DATA_RAW / name, dtype={"region_code": str})
              for name in ("pdrb_lapus_kabkota_adhk2010_2021_2022_simreg.csv",
                           "pdrb_lapus_kabkota_adhk2010_2021_2022_E_residual_DERIVED.csv")]
    data = pd.concat(frames)
    data = data[(data.region_code == "6401") & (data.year == 2021)]
    return dict(zip(data.sector_code, data.value, strict=True))


def fill(path: Path, values: dict[tuple[str, str, str], object], year: int, *, sheet="PDRB") -> Path:
    """Write ``values[(region, sector, basis)]`` into the year column of the PDRB sheet."""
    book = openpyxl.load_workbook(path)
    ws = book[sheet]
    header = [c.value for c in ws[1]]
    col = header.index(str(year)) + 1
    for row in ws.iter_rows(min_row=2):
        key = (row[0].value, row[2].value, row[4].value)
        if key in values:
            ws.cell(row=row[0].row, column=col, value=values[key])
    book.save(path)
    return path


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("isian") / "isian_64.xlsx"
    assert main(["template", "--province", "64", "--years", "2021", "2022", "--out", str(path)]) == 0
    return path


def test_template_sheets_header_rows_and_protection(template):
    book = openpyxl.load_workbook(template)
    assert book.sheetnames == ["Petunjuk", "PDRB", "Penduduk", "Sumber", "Kerja sama berjalan"]
    ws = book["PDRB"]
    assert [c.value for c in ws[1]] == [*PDRB_HEADER, "2021", "2022"]
    # province + 10 kab/kota of Kaltim, × 2 price bases × (17 sectors + TOTAL) = 11 × 2 × 18 = 396 rows
    assert ws.max_row - 1 == 11 * 2 * 18
    assert {ws.cell(r, 6).value for r in range(2, ws.max_row + 1)} == {"miliar rupiah"}
    assert {ws.cell(r, 5).value for r in range(2, ws.max_row + 1)} == {"ADHK2010", "ADHB"}
    assert all(ws.cell(r, 7).value is None for r in range(2, ws.max_row + 1))  # values empty
    assert ws.protection.sheet  # locked code columns ...
    assert ws.cell(2, 1).protection.locked and not ws.cell(2, 7).protection.locked  # ... open value cells
    assert ws.data_validations.dataValidation  # markers or numbers only
    text = " ".join(str(c.value) for c in book["Petunjuk"]["A"] if c.value)
    assert all(m in text for m in ("miliar rupiah", "nihil", "…", "dirahasiakan", "sementara"))


def test_empty_template_has_no_figures(template):
    with pytest.raises(DataError, match="the sheet 'PDRB' has no figures"):
        load_pdrb(template)


def test_read_back_partial_fill_and_other_sheets(template, tmp_path):
    real = paser_2021()
    path = fill(_copy(template, tmp_path), {("6401", s, "ADHK2010"): real[s] for s in [*SECTOR_CODES, "TOTAL"]}, 2021)
    book = openpyxl.load_workbook(path)
    book["Penduduk"]["C3"] = 300_000
    book["Sumber"]["B3"] = "Bappeda Kab. Paser"
    book["Kerja sama berjalan"].append(["Kabupaten Paser", "Kota Balikpapan", "air bersih", 2022, "berjalan"])
    book.save(path)
    data = load_pdrb(path)  # filled in part: only Paser 2021 ADHK
    assert set(zip(data.region_code, data.year, data.price_basis)) == {("6401", 2021, "ADHK2010")}
    assert data.loc[data.sector_code == "B", "value"].item() == pytest.approx(27117.06)
    intake = read_intake(path)
    assert intake["population"][["region_code", "year", "population"]].values.tolist() == [["6401", 2021, 300000.0]]
    assert intake["sources"].set_index("field").loc["Instansi", "value"] == "Bappeda Kab. Paser"  # B3
    assert intake["agreements"].iloc[0].tolist() == ["Kabupaten Paser", "Kota Balikpapan", "air bersih", "2022",
                                                     "berjalan"]


def _copy(src: Path, tmp_path: Path) -> Path:
    dst = tmp_path / "isian.xlsx"
    dst.write_bytes(Path(src).read_bytes())
    return dst


def test_markers_provisional_and_text_numbers(template, tmp_path):
    real = paser_2021()
    values = {("6401", s, "ADHK2010"): real[s] for s in SECTOR_CODES}
    values["6401", "A", "ADHK2010"] = "3725,68*"  # typed as text, decimal comma, provisional
    values["6401", "D", "ADHK2010"] = "x"  # confidential
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = load_pdrb(fill(_copy(template, tmp_path), values, 2021))
    a = data[data.sector_code == "A"].iloc[0]
    assert (a.value, a.status) == (pytest.approx(3725.68), "sementara")
    assert pd.isna(data.loc[data.sector_code == "D", "value"].item())


def test_a_region_year_in_part_is_refused_with_the_missing_cells(template, tmp_path):
    real = paser_2021()
    path = fill(_copy(template, tmp_path), {("6401", s, "ADHK2010"): real[s] for s in SECTOR_CODES[:15]}, 2021)
    with pytest.raises(DataError, match=r"region 6401 year 2021 ADHK2010 lacks sector\(s\) \['Q', 'RSTU'\]"):
        load_pdrb(path)


def test_apply_additions_file_wins_and_lists_replacements(tmp_path, template):
    embedded = pd.DataFrame({"region_code": "6401", "year": 2021, "sector_code": list(SECTOR_CODES),
                             "price_basis": "ADHK2010", "value": 1.0, "marker": "", "status": "",
                             "provisional": False, "source_id": "EMBEDDED"})
    real = paser_2021()
    path = fill(_copy(template, tmp_path), {("6401", s, "ADHK2010"): real[s] for s in SECTOR_CODES}, 2021)
    merged, replaced, hashes = apply_additions(embedded, [path])
    assert len(merged) == 17 and merged.set_index("sector_code").loc["B", "value"] == pytest.approx(27117.06)
    assert len(replaced) == 17 and set(replaced["old"]) == {1.0} and set(replaced["file"]) == {str(path)}
    assert len(hashes[str(path)]) == 64


def test_end_to_end_template_fill_indicators_add(template, tmp_path):
    """potensi template → fill Paser 2021 (real BPS figures, sector A revised) → potensi indicators --add."""
    real = paser_2021()
    revised = dict(real)
    revised["A"] = 3800.0  # the Bappeda's newer figure for Pertanian
    revised["TOTAL"] = real["TOTAL"] + (3800.0 - real["A"])
    path = fill(_copy(template, tmp_path), {("6401", s, "ADHK2010"): revised[s] for s in [*SECTOR_CODES, "TOTAL"]},
                2021)
    args = ["indicators", "--province", "64", "--start", "2013", "--end", "2021", "--population-source", "bps"]
    assert main([*args, "--out", str(tmp_path / "plain")]) == 0
    assert main([*args, "--add", str(path), "--out", str(tmp_path / "added")]) == 0
    replaced = pd.read_csv(tmp_path / "added" / "data_tambahan.csv", dtype={"region_code": str})
    assert len(replaced) == 17  # the whole region-year was already embedded: every figure replaced
    changed = replaced[(replaced["new"] - replaced["old"]).abs() > 1e-9]
    assert changed[["region_code", "sector_code", "year", "old", "new"]].values.tolist() == [
        ["6401", "A", 2021, pytest.approx(real["A"]), 3800.0]]
    plain = pd.read_csv(tmp_path / "plain" / "lq.csv", dtype={"region_code": str})
    added = pd.read_csv(tmp_path / "added" / "lq.csv", dtype={"region_code": str})
    pick = lambda t: t[(t.region_code == "6401") & (t.sector_code == "A")].filter(like="lq").iloc[-1]  # noqa: E731
    assert not pick(plain).equals(pick(added))  # the file's figures were used


def test_end_to_end_template_fill_report_add(template, tmp_path, monkeypatch):
    """potensi template → fill Paser 2021 (real figures, sector A revised) → potensi report --add.

    The path of ``potensi report`` runs unchanged (CLI, window from the added data, papermill
    parameters checked against the real template, manifest) except the kernel: the stand-in for
    papermill runs the template's first cell, ``analyse_province(..., extra_data=extra_data)``, and
    returns a one-cell notebook (the full template is executed by the notebook smoke test).
    """
    import hashlib
    import json

    import nbformat

    from potensi.report import render
    from potensi.study.province import analyse_province

    real = paser_2021()
    revised = dict(real)
    revised["A"] = 3800.0  # the Bappeda's newer figure for Pertanian
    revised["TOTAL"] = real["TOTAL"] + (3800.0 - real["A"])
    path = fill(_copy(template, tmp_path), {("6401", s, "ADHK2010"): revised[s] for s in [*SECTOR_CODES, "TOTAL"]},
                2021)
    studies = []

    def first_cell_only(template_path, parameters, **kwargs):
        render.check_parameters(template_path, parameters)  # every parameter is one the template declares
        p = dict(parameters)
        studies.append(analyse_province(p["province_code"], start_year=p["start_year"], end_year=p["end_year"],
                                        reference=p["reference"], excluded_sectors=p["excluded_sectors"],
                                        population_source=p["population_source"], extra_data=p["extra_data"]))
        return nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("analyse_province")])

    monkeypatch.setattr(render, "render_notebook", first_cell_only)
    out = tmp_path / "reports"
    assert main(["report", "--province", "64", "--add", str(path), "--out", str(out)]) == 0
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    manifest = json.loads((out / "64" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["parameters"]["extra_data"] == [str(path.resolve())]
    assert manifest["extra_data_sha256"] == {str(path.resolve()): digest}

    (study,) = studies
    replaced = study.quality["data_tambahan"]
    assert len(replaced) == 17 and set(replaced["file"]) == {str(path.resolve())}  # the region-year, sector by sector
    changed = replaced[(replaced["new"] - replaced["old"]).abs() > 1e-9]
    assert changed[["region_code", "sector_code", "year", "old", "new", "file"]].values.tolist() == [
        ["6401", "A", 2021, pytest.approx(real["A"]), 3800.0, str(path.resolve())]]
    assert study.quality["berkas_tambahan"].values.tolist() == [[str(path.resolve()), digest]]
    used = study.pdrb[(study.pdrb.region_code == "6401") & (study.pdrb.year == 2021) & (study.pdrb.sector_code == "A")]
    assert used["value"].tolist() == [3800.0]  # the file's figure is the one the tables are computed from


def test_batch_config_add_key(tmp_path):
    from potensi.report.batch import BatchConfig, load_config

    config = tmp_path / "batch.toml"
    files = [tmp_path / "isian_64.xlsx", tmp_path / "data" / "isian_64_2024.xlsx"]
    files[1].parent.mkdir()
    for f in files:
        f.write_bytes(b"")  # existence is what the config check needs; the files are read at render time
    config.write_text(f'provinces = ["64"]\nadd = ["{files[0]}", "{files[1]}"]\n', encoding="utf-8")
    assert [str(p) for p in load_config(config).add] == [str(f) for f in files]
    config.write_text('provinces = ["64"]\nadd = ["isian_tidak_ada.xlsx"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"batch.toml: key 'add': 'isian_tidak_ada.xlsx' is not a readable file"):
        load_config(config)
    assert BatchConfig().add == []  # no key: no files
    config.write_text('provinces = ["64"]\nadd_data = ["isian_64.xlsx"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"unknown key\(s\) \['add_data'\]; known: \[.*'add'"):
        load_config(config)
