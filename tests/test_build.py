"""The processed tables built from the real data/raw/: published figures read back, checks, CLI."""

from __future__ import annotations

import csv
import shutil

import pytest

from potensi import cli
from potensi.core.paths import DATA_RAW
from potensi.data.build import TOTALS_ONLY_SOURCES
from potensi.data.loaders import UNIT_FACTORS, load_pdrb
from potensi.data.regions import region_catalog

KABKOTA = DATA_RAW / "pdrb_lapus_kabkota_adhk2010_2013_2020.csv"
WEBAPI = DATA_RAW / "pdrb_total_provinsi_kabkota_2010_2023_bpsapi.csv"


def printed(path, region, year, sector="TOTAL", basis="ADHK2010") -> tuple[str, str]:
    """The value text and unit of one figure as printed in a raw file."""
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if (row["region_code"], row["year"], row["sector_code"], row["price_basis"]) == (region, str(year), sector,
                                                                                             basis):
                return row["value"], row["unit"]
    raise AssertionError(f"{region} {year} {sector} not in {path.name}")


def one(frame, **key) -> float:
    hit = frame
    for column, value in key.items():
        hit = hit[hit[column] == value]
    assert len(hit) == 1, key
    return float(hit["value"].iloc[0])


def test_samarinda_2020_total_read_back_exactly():
    text, unit = printed(KABKOTA, "6472", 2020)  # Bappenas pivot, miliar rupiah
    data = load_pdrb(KABKOTA, allow_gaps=True)
    value = one(data, region_code="6472", year=2020, sector_code="TOTAL", price_basis="ADHK2010")
    assert value == float(text) * UNIT_FACTORS[unit]


def test_samarinda_2020_pivot_vs_webapi_vintage(processed_tables):
    pivot_text, pivot_unit = printed(KABKOTA, "6472", 2020)
    api_text, api_unit = printed(WEBAPI, "6472", 2020)  # juta rupiah, later (2024) vintage
    pivot = float(pivot_text) * UNIT_FACTORS[pivot_unit]
    api = float(api_text) * UNIT_FACTORS[api_unit]
    # SOURCES_kaltim.md check 7: 2020 pivot vs API differ by -0.328 % ... +0.076 % (earlier vintage)
    assert -0.00328 <= pivot / api - 1 <= 0.00076
    # the processed total comes from the higher-precedence juta figure (same WebAPI series)
    kept = one(processed_tables["pdrb_total"], region_code="6472", year=2020, price_basis="ADHK2010")
    assert kept == pytest.approx(api, rel=1e-12)


def test_kaltim_2023_published_total(processed_tables):
    # SOURCES_kaltim.md: ADHK 2023 = 537,630,006.81 juta = 537,630.00681 miliar
    value = one(processed_tables["pdrb_total"], region_code="6400", year=2023, price_basis="ADHK2010")
    assert value == pytest.approx(537_630.00681, rel=1e-12)
    sectors = processed_tables["pdrb"]
    k = sectors[(sectors.region_code == "6400") & (sectors.year == 2023) & (sectors.price_basis == "ADHK2010")]
    assert len(k) == 17
    # the 17 rounded sectors sum to the printed total within 17 × 0.005 juta
    assert abs(k["value"].sum() - 537_630.00681) <= 17 * 0.005e-3


def test_kabkota_sum_vs_province_within_documented_discrepancy(processed_tables):
    disc = processed_tables["discrepancy"]
    compared = disc.dropna(subset=["difference_pct"])
    assert len(compared) > 400
    # SOURCES_indonesia.md: Σ kab/kota vs province TOTAL is within ±2.4 % for every province-year
    assert compared["difference_pct"].abs().max() <= 2.4
    # SOURCES_kaltim.md check 5: Kaltim ADHK 2015 kab sum − province = +3,003,560.75 juta = +0.682 %
    k = compared.set_index(["region_code", "price_basis", "year"]).loc[("6400", "ADHK2010", 2015)]
    assert k["difference"] == pytest.approx(3_003.56075, abs=1e-6)


def test_miskeyed_kabkota_totals_are_excluded(processed_tables):
    excluded = processed_tables["excluded"]
    parents = region_catalog().set_index("region_code").loc[excluded["region_code"], "parent_code"]
    # SOURCES_kaltim.md / build docstring: provinces 62, 63, 64, 71 and 72, years 2021–2023, WebAPI kab totals
    assert set(parents) == {"6200", "6300", "6400", "7100", "7200"}
    assert set(excluded["year"]) == {2021, 2022, 2023}
    assert set(excluded["source_id"]) <= set(TOTALS_ONLY_SOURCES)
    assert excluded["reason"].str.contains("angka salah kunci").all()
    totals = processed_tables["pdrb_total"]
    key = ["region_code", "year", "price_basis"]
    kept = excluded[key].merge(totals[totals.sector_code == "TOTAL"][key], on=key)
    assert kept.empty  # the figures stay missing, nothing replaces them
    # e.g. Paser 2021 (SOURCES_kaltim.md: 10,116,557 juta vs 36.58 triliun reported by BPS)
    assert ((excluded.region_code == "6401") & (excluded.year == 2021)).any()


def test_papua_split_regions(processed_tables):
    pdrb = processed_tables["pdrb"]
    years = pdrb[pdrb.price_basis == "ADHK2010"].groupby("region_code")["year"].agg(["min", "max"])
    for code in ("9200", "9500", "9600", "9700"):  # new provinces: 2024–2025 only
        assert (years.loc[code, "min"], years.loc[code, "max"]) == (2024, 2025)
    for code in ("9100", "9400"):  # old boundaries to 2023, new boundaries from 2024, one code
        assert (years.loc[code, "min"], years.loc[code, "max"]) == (2013, 2025)


def test_provisional_flags_per_source(processed_tables):
    pdrb = processed_tables["pdrb"].set_index(["region_code", "year", "sector_code", "price_basis"])
    # BPS dynamic table (2026 vintage): 2024 angka sementara, 2025 angka sangat sementara
    assert pdrb.loc[("1100", 2024, "A", "ADHK2010"), "status"] == "sementara"
    assert pdrb.loc[("1100", 2025, "A", "ADHK2010"), "status"] == "sangat sementara"
    assert pdrb.loc[("6400", 2024, "B", "ADHK2010"), "provisional"]
    # ... while 2022 from that vintage is final, but 2022 from the late-2024 Kaltim template is provisional
    assert pdrb.loc[("1100", 2022, "A", "ADHK2010"), "status"] == ""
    assert pdrb.loc[("6400", 2022, "A", "ADHK2010"), "status"] == "sementara"
    assert pdrb.loc[("6400", 2023, "A", "ADHK2010"), "status"] == "sangat sementara"
    assert not pdrb.loc[("6400", 2020, "A", "ADHK2010"), "provisional"]


def test_build_never_writes_into_raw(processed_build):
    out, tables, before, after = processed_build
    assert before == after
    assert out != DATA_RAW and not str(out).startswith(str(DATA_RAW))
    assert {p.name for p in out.glob("*.parquet")} == {f"{name}.parquet" for name in tables}
    assert (out / "manifest.json").exists()


def test_cli_data_command(tmp_path, capsys):
    assert cli.main(["data", "--out", str(tmp_path / "out")]) == 0
    assert "data/processed rebuilt in" in capsys.readouterr().out


def test_cli_bad_raw_file_is_one_line(tmp_path, capsys):
    raw = tmp_path / "raw"
    shutil.copytree(DATA_RAW, raw)
    bad = raw / "pdrb_kaltim.csv"
    lines = bad.read_text(encoding="utf-8").splitlines()
    lines[4] = lines[4].replace(",ADHK2010,", ",ADHK2010,-", 1)  # line 5: a negative value
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert cli.main(["data", "--raw", str(raw), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"potensi: error: load_pdrb: {bad} row 5, column 'value': negative output value -")
    assert err.rstrip().endswith("PDRB by sector cannot be negative")
