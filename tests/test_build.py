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


def test_copied_kabkota_totals_are_excluded(processed_tables):
    excluded = processed_tables["excluded"]
    copied = excluded[excluded["source_id"].isin(TOTALS_ONLY_SOURCES)]
    parents = region_catalog().set_index("region_code").loc[copied["region_code"], "parent_code"]
    # SOURCES_indonesia.md, last section: provinces 62, 63, 64, 71 and 72, years 2021–2023, WebAPI kab totals
    assert set(parents) == {"6200", "6300", "6400", "7100", "7200"}
    assert set(copied["year"]) == {2021, 2022, 2023}
    assert len(copied) == 65 * 3 * 2  # all 65 kab/kota, three years, ADHK and ADHB
    # the stated reason: copies of Sumatera Selatan, not "mis-keyed"
    assert copied["reason"].str.contains("salinan angka 16").all()
    assert copied["reason"].str.contains("Sumatera Selatan").all()
    assert not excluded["reason"].str.contains("salah kunci").any()
    paser = copied[(copied.region_code == "6401") & (copied.year == 2021) & (copied.price_basis == "ADHK2010")]
    # 6401 Paser 2021 ADHK = 1601 Ogan Komering Ulu, 10,116,557.59 juta
    assert paser["value"].iloc[0] == pytest.approx(10_116.55759, rel=1e-12)
    assert "1601 Ogan Komering Ulu" in paser["reason"].iloc[0]
    # the copies never reach the tables: the kept 2021–2022 totals are SIMREG's, 2023 stays missing
    totals = processed_tables["pdrb_total"]
    key = ["region_code", "year", "price_basis"]
    kept = copied[key].merge(totals[totals.source_id.isin(TOTALS_ONLY_SOURCES)][key], on=key)
    assert kept.empty
    assert one(totals, region_code="6401", year=2021, price_basis="ADHK2010") == pytest.approx(36_581.32)
    assert totals[(totals.region_code == "6401") & (totals.year == 2023)].empty


def test_national_2021_2022_without_E_is_excluded(processed_tables):
    excluded = processed_tables["excluded"]
    nat = excluded[excluded.region_code == "0000"]
    assert set(nat["year"]) == {2021, 2022} and len(nat) == 2 * 16
    assert nat["reason"].str.contains("lapangan usaha E").all()
    pdrb = processed_tables["pdrb"]
    assert pdrb[(pdrb.region_code == "0000") & (pdrb.year >= 2021)].empty
    assert int(pdrb.loc[pdrb.region_code == "0000", "year"].max()) == 2020


SIMREG_2122 = DATA_RAW / "pdrb_lapus_kabkota_adhk2010_2021_2022_simreg.csv"
DERIVED_E = DATA_RAW / "pdrb_lapus_kabkota_adhk2010_2021_2022_E_residual_DERIVED.csv"


def test_kabkota_2021_2022_have_17_sectors_with_derived_E(processed_tables):
    pdrb = processed_tables["pdrb"]
    kab = pdrb[(pdrb.year >= 2021) & (pdrb.year <= 2022) & (pdrb.region_code.str[2:] != "00")]
    assert kab.groupby(["region_code", "year"]).size().eq(17).all()
    assert kab["region_code"].nunique() == 514
    e = kab[kab.sector_code == "E"]
    assert len(e) == 1028 and (e["status"] == "turunan").all()
    assert set(e["source_id"]) == {"DERIVED_E_RESIDUAL_TOTAL_MINUS_16_SIMREG_2021_2022"}
    assert (kab.loc[kab.sector_code != "E", "status"] != "turunan").all()
    # 2022 is angka sementara in the 2024-07 download, derived E 2022 too (provisional, status turunan)
    assert e.loc[e.year == 2022, "provisional"].all() and not e.loc[e.year == 2021, "provisional"].any()
    assert (kab.loc[(kab.year == 2022) & (kab.sector_code == "A"), "status"] == "sementara").all()


def test_derived_E_equals_total_minus_16_sectors(processed_tables):
    pdrb, totals = processed_tables["pdrb"], processed_tables["pdrb_total"]
    key = ["region_code", "year"]
    kab = pdrb[(pdrb.year >= 2021) & (pdrb.year <= 2022) & (pdrb.region_code.str[2:] != "00")]
    sum16 = kab[kab.sector_code != "E"].groupby(key)["value"].sum()
    e = kab[kab.sector_code == "E"].set_index(key)["value"]
    tot = totals[totals.source_id == "BAPPENAS_SIMREG_PIVOT_ADHK_2021_2022"].set_index(key)["value"]
    residual = (tot - sum16).reindex(e.index)
    # E = TOTAL − Σ16 to the cent; residuals of −0.01/−0.02 were set to 0 (SOURCES_indonesia.md):
    # 16 cells here (1225, 9112 and Papua kab/kota whose E was 0 in 2020)
    gap = (e - residual).abs()
    assert (gap <= 0.0201).all()
    assert ((gap > 0.0051) <= ((e == 0) & (residual < 0))).all()
    assert int((gap > 0.0051).sum()) == 16
    # Paser 2021 worked from the printed file: TOTAL 36,581.32 − Σ16 = 7.67
    text, _ = printed(DERIVED_E, "6401", 2021, "E")
    assert float(text) == pytest.approx(7.67) and e.loc[("6401", 2021)] == pytest.approx(7.67)


def test_kaltim_simreg_totals_agree_with_press(processed_tables):
    totals = processed_tables["pdrb_total"]
    t = totals[(totals.price_basis == "ADHK2010") & totals.year.isin([2021, 2022])
               & totals.region_code.str.startswith("64")]
    kab = t[t.region_code != "6400"].groupby("year")["value"].sum()
    prov = t[t.region_code == "6400"].set_index("year")["value"]
    # SOURCES_indonesia.md: Σ 10 kab/kota − province = +0.007 % (2021), −0.021 % (2022)
    ratio = kab / prov - 1
    assert ratio.abs().max() < 0.0003
    assert ratio.loc[2021] == pytest.approx(0.000064, abs=2e-6)
    assert ratio.loc[2022] == pytest.approx(-0.000213, abs=2e-6)
    # press figures quoting BPS Kaltim (triliun, truncated): Paser 36.58 / 36.98 T
    assert one(t, region_code="6401", year=2021) == pytest.approx(36_581.32)
    assert one(t, region_code="6401", year=2022) == pytest.approx(36_980.15)
    press = processed_tables["press_totals"]
    press = press[(press.sector_code == "TOTAL") & press.year.isin([2021, 2022]) & press.region_code.str.startswith("64")]
    merged = press.merge(t[["region_code", "year", "value"]], on=["region_code", "year"], suffixes=("_press", ""))
    assert len(merged) >= 10
    # truncated to 0.01 triliun (10 miliar; 100 miliar where the press printed one decimal: Kutai
    # Barat 2022 "22.5" for 22,535.73), or within 0.03 % (Kutai Kartanegara 2022, revised by 0.01 %)
    gap = merged["value"] - merged["value_press"]
    step = (merged["value_press"] % 100 == 0).map({True: 100.0, False: 10.0})
    assert (((gap > -1e-6) & (gap < step)) | (gap.abs() / merged["value_press"] < 0.0003)).all()


def test_old_boundary_rows_flagged_and_kept_out_of_windows(processed_tables):
    from potensi.data.store import province_pdrb

    pdrb = processed_tables["pdrb"]
    old = pdrb[pdrb.boundary == "lama"]
    # Kutai Barat 2010–2012 includes Mahakam Ulu (formed 2012, first figures 2013 in SIMREG)
    kb = old[old.region_code == "6402"]
    assert sorted(kb["year"].unique()) == [2010, 2011, 2012] and len(kb) == 3 * 17
    assert pdrb[(pdrb.region_code == "6411") & (pdrb.year < 2013)].empty
    # Buton and Muna 2013 (Buton Tengah/Selatan, Muna Barat formed 2014) are flagged as well
    assert {("7401", 2013), ("7403", 2013)} <= set(zip(old.region_code, old.year))
    # Kaltim's province 2010–2012 comes from BPS Kaltim on today's boundaries (not SIMREG's with Kaltara)
    k = pdrb[(pdrb.region_code == "6400") & (pdrb.year == 2010) & (pdrb.price_basis == "ADHK2010")]
    assert (k["boundary"] == "").all() and set(k["source_id"]) == {"BPSKALTIM_FORECAST64_TPL"}
    # a today's-boundary total beats an old one: Kutai Barat 2010 = WebAPI 12,795,504.06 juta
    totals = processed_tables["pdrb_total"]
    assert one(totals, region_code="6402", year=2010, price_basis="ADHK2010") == pytest.approx(12_795.50406)
    # default: left out; asked for: kept
    default = province_pdrb("64")
    assert default[(default.region_code == "6402") & (default.year < 2013)].empty
    asked = province_pdrb("64", include_old_boundaries=True)
    assert len(asked[(asked.region_code == "6402") & (asked.year < 2013)]) == 3 * 17
    b = processed_tables["boundaries"]
    assert {"batas lama", "dikeluarkan penyusun"} == set(b["kind"])
    flagged = b[b.kind == "dikeluarkan penyusun"]
    assert {("7101", 2012), ("7601", 2010), ("6403", 2018)} <= set(zip(flagged.region_code, flagged.year))


def test_population_sources_stay_apart(processed_tables):
    pop = processed_tables["population"]
    concepts = pop.groupby("source_id")["concept"].nunique()
    assert (concepts == 1).all()
    bps24 = pop[pop.source_id.str.startswith("BPS_PENDUDUK_2024_")]
    assert len(bps24) == 514 and set(bps24["year"]) == {2024}
    assert bps24["concept"].str.contains("BPS 2024").all()
    # no (region, year) holds two values under one concept: sources are never merged into one row
    assert not pop.duplicated(["region_code", "year", "source_id"]).any()
    # SOURCES_extra.md: Σ Kaltim 4,045,858; Samarinda 858,079
    assert bps24[bps24.region_code.str.startswith("64")]["population"].sum() == 4_045_858
    pc = processed_tables["per_capita_kabkota"]
    assert len(pc) == 514 and set(pc["price_basis"]) == {"ADHB"}
    # the implied population is BPS's 2024 population within 0.06 % (SOURCES_extra.md)
    m = pc.merge(bps24[["region_code", "population"]], on="region_code")
    assert ((m["population_implied"] / m["population"] - 1).abs() < 0.0007).all()


def test_papua_split_regions(processed_tables):
    pdrb = processed_tables["pdrb"]
    years = pdrb[pdrb.price_basis == "ADHK2010"].groupby("region_code")["year"].agg(["min", "max"])
    for code in ("9200", "9500", "9600", "9700"):  # new provinces: 2024–2025 only
        assert (years.loc[code, "min"], years.loc[code, "max"]) == (2024, 2025)
    for code in ("9100", "9400"):  # old boundaries to 2023, new boundaries from 2024, one code
        # (SIMREG 2010–2012 adds the province rows 2010–2012)
        assert (years.loc[code, "min"], years.loc[code, "max"]) == (2010, 2025)


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
