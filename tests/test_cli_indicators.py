"""``potensi indicators`` (built into a parser here; the lead wires it into potensi.cli)."""

from pathlib import Path

import pandas as pd
import pytest

from potensi.cli import main as cli_main

EXAMPLE = Path(__file__).parent / "fixtures" / "examples" / "tebingtinggi_ss_2005_2009" / "input.csv"


def run(argv: list[str]) -> int:
    return cli_main(argv)


@pytest.fixture
def user_file(tmp_path) -> Path:
    raw = pd.read_csv(EXAMPLE, dtype=str)
    tidy = pd.DataFrame({"region_code": raw.region_role.map({"study": "1276", "reference": "1200"}),
                         "year": raw.year, "sector_code": raw.sector_code, "price_basis": "ADHK",
                         "value": raw.value, "unit": "miliar rupiah"})
    path = tmp_path / "tebing.csv"
    tidy.to_csv(path, index=False)
    return path


def test_user_file_any_sector_codes(user_file, tmp_path, capsys):
    out = tmp_path / "out"
    rc = run(["indicators", "--data", str(user_file), "--reference", "1200", "--start", "2005", "--end", "2009",
              "--out", str(out)])
    assert rc == 0
    ss = pd.read_csv(out / "shift_share.csv", dtype={"sector_code": str, "region_code": str})
    assert list(ss.columns[:8]) == ["region_code", "sector_code", "start_year", "end_year", "change",
                                    "national_share", "industry_mix", "competitive_effect"]
    assert ss.competitive_effect.sum() == pytest.approx(-67.021, abs=5e-4)  # the thesis' sum of DS
    assert set(ss.region_code) == {"1276"}
    for name in ("lq", "dlq", "mrp", "klassen_sector", "growth"):
        assert (out / f"{name}.csv").exists()
    assert (out / "potensi_indikator.xlsx").exists()


def test_province_embedded(tmp_path):
    out = tmp_path / "kaltim"
    assert run(["indicators", "--province", "64", "--start", "2013", "--end", "2020", "--out", str(out)]) == 0
    lq = pd.read_csv(out / "lq.csv", dtype={"region_code": str})
    assert lq.region_code.nunique() == 10 and set(lq.year) == set(range(2013, 2021))
    assert set(lq.reference_code.astype(str)) == {"6400"}


@pytest.mark.parametrize(("argv", "message"), [
    (["--data", "{file}", "--start", "2005", "--end", "2009"], "--data needs --reference"),
    (["--data", "{file}", "--reference", "9999", "--start", "2005", "--end", "2009"], "not in the data"),
    (["--data", "{file}", "--reference", "1200", "--start", "2009", "--end", "2005"], "is not before end"),
    (["--data", "{file}", "--reference", "1200", "--start", "2005", "--end", "2010"], "end=2010"),
    (["--data", "{missing}", "--reference", "1200", "--start", "2005", "--end", "2009"], "file not found"),
    (["--province", "99", "--start", "2013", "--end", "2020"], "unknown province code"),
])
def test_errors_one_line_exit_2(argv, message, user_file, tmp_path, capsys):
    argv = [a.format(file=user_file, missing=tmp_path / "nope.csv") for a in argv]
    rc = run(["indicators", *argv, "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert rc == 2
    assert err.startswith("potensi: error: ") and err.count("\n") == 1
    assert message in err


def test_non_numeric_value_names_file_row(user_file, tmp_path, capsys):
    text = user_file.read_text().splitlines()
    text[3] = text[3].replace("134.3643", "abc")
    user_file.write_text("\n".join(text) + "\n")
    rc = run(["indicators", "--data", str(user_file), "--reference", "1200", "--start", "2005", "--end", "2009",
              "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert rc == 2 and "row 4, column 'value'" in err


def test_province_writes_regional_tables_and_matches_report(tmp_path):
    # --province writes the regional tables too; they come from the same function as the report
    from potensi.data.store import province_pdrb
    from potensi.study.province import province_indicator_tables

    assert run(["indicators", "--province", "64", "--start", "2013", "--end", "2020", "--out", str(tmp_path)]) == 0
    for name in ("klassen_region", "specialisation", "inequality", "convergence", "interaction",
                 "sektor_unggulan", "kerja_sama", "kerja_sama_ditolak", "ketetanggaan", "daerah_serupa"):
        assert (tmp_path / f"{name}.csv").exists(), name
    inequality = pd.read_csv(tmp_path / "inequality.csv", dtype={"population_source": str})
    assert {"year", "index", "value", "population_source"} <= set(inequality.columns)
    pdrb = province_pdrb("64").drop(columns=["region_name", "level"])
    direct = province_indicator_tables(pdrb, province_code="6400", start=2013, end=2020)
    su = pd.read_csv(tmp_path / "sektor_unggulan.csv", dtype={"region_code": str})
    assert su["kelas"].tolist() == direct["sektor_unggulan"]["kelas"].astype(str).tolist()
    assert {"kelas", "lq", "share_region_pct", "competitive_effect", "evidence", "scenarios_agree",
            "scenarios_total"} <= set(su.columns)
    # the workbook holds one sheet per table
    import openpyxl

    sheets = openpyxl.load_workbook(tmp_path / "potensi_indikator.xlsx", read_only=True).sheetnames
    assert "LQ" in sheets and sheets[-1] == "Sumber" and len(sheets) == len(list(tmp_path.glob("*.csv"))) + 1


def test_province_without_kabkota_data_one_line(tmp_path, capsys):
    assert run(["indicators", "--province", "96", "--start", "2013", "--end", "2020", "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "province 9600 has no kab/kota PDRB by sector" in err[0]


def test_population_source_default_covers_the_window(tmp_path, capsys):
    # 2013–2017 used to fail: the default Dukcapil register starts in 2018
    assert run(["indicators", "--province", "64", "--start", "2013", "--end", "2017", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "population source 'bps' (2013–2017, chosen as it covers the end year" in out
    k = pd.read_csv(tmp_path / "klassen_region.csv", dtype={"region_code": str})
    assert set(k["population_source"]) == {"bps"}


def test_population_source_option(tmp_path, capsys):
    assert run(["indicators", "--province", "64", "--start", "2013", "--end", "2020", "--population-source", "bps",
                "--out", str(tmp_path)]) == 0
    assert "population source 'bps' (2013–2017)" in capsys.readouterr().out
    k = pd.read_csv(tmp_path / "klassen_region.csv", dtype={"region_code": str})
    assert set(k["population_source"]) == {"bps"}
    with pytest.raises(SystemExit):
        run(["indicators", "--province", "64", "--start", "2013", "--end", "2017", "--population-source", "nope",
             "--out", str(tmp_path)])


def test_province_with_io_table_writes_io_csvs_and_others_say_why(tmp_path, capsys):
    # Sulawesi Selatan has a BPS 2016 IO table: io_sektor.csv (17 sectors, the columns) and
    # the FLQ estimates of its kab/kota; Kalimantan Timur has none and the summary line says so
    out73 = tmp_path / "73"
    assert run(["indicators", "--province", "73", "--start", "2013", "--end", "2022", "--out", str(out73)]) == 0
    io = pd.read_csv(out73 / "io_sektor.csv")
    assert list(io.columns[:8]) == ["sector_code", "output_multiplier", "value_added_multiplier", "backward_linkage",
                                    "forward_linkage", "key_sector", "export_share", "import_share"]
    assert len(io) == 17 and (io["output_multiplier"] >= 1).all()
    assert io["backward_linkage"].sum() == pytest.approx(17)  # Σ Rasmussen backward linkage = n
    est = pd.read_csv(out73 / "io_kabkota.csv", dtype={"region_code": str})
    assert est["region_code"].str.startswith("73").all() and (est["basis"] == "perkiraan FLQ").all()
    capsys.readouterr()
    out64 = tmp_path / "64"
    assert run(["indicators", "--province", "64", "--start", "2013", "--end", "2022", "--out", str(out64)]) == 0
    assert not (out64 / "io_sektor.csv").exists()
    assert "no input-output table for this province" in capsys.readouterr().out
