"""potensi.data on the processed tables: load_table, province_pdrb, hierarchy, discrepancy."""

from __future__ import annotations

import pytest

from potensi.data.store import TABLES, discrepancy, hierarchy, load_table, province_pdrb


def test_load_table_reads_the_built_tables(processed_dir, processed_tables):
    for name in TABLES:
        assert len(load_table(name, processed=processed_dir)) == len(processed_tables[name])


def test_load_table_unknown_name(processed_dir):
    with pytest.raises(ValueError, match=r"load_table: unknown table 'pdbr'; available: \['pdrb', 'pdrb_total'"):
        load_table("pdbr", processed=processed_dir)


def test_province_pdrb_kaltim(processed_dir):
    data = province_pdrb("64", processed=processed_dir)
    assert set(data["region_code"]) == {"0000", "6400", "6401", "6402", "6403", "6404", "6405", "6409", "6411",
                                        "6471", "6472", "6474"}
    assert set(data["price_basis"]) == {"ADHK2010"}
    assert set(data["level"].astype(str)) == {"nasional", "provinsi", "kabupaten", "kota"}
    assert "TOTAL" not in set(data["sector_code"])
    with_totals = province_pdrb(64, include_totals=True, processed=processed_dir)
    t = with_totals[(with_totals.sector_code == "TOTAL") & (with_totals.region_code == "6400")
                    & (with_totals.year == 2023)]
    assert t["value"].item() == pytest.approx(537_630.00681, rel=1e-12)  # SOURCES_kaltim.md


def test_hierarchy_sum_reference_and_discrepancy(processed_dir):
    data = province_pdrb("64", processed=processed_dir)
    both = data[data.year == 2020]
    summed = hierarchy(both, "64", reference="sum")
    ref = summed[summed.role == "acuan"].set_index("sector_code")["value"]
    members = summed[summed.role == "anggota"]
    # the "sum" reference is by construction the sum of the 10 kab/kota, sector by sector
    assert ref["B"] == pytest.approx(members[members.sector_code == "B"]["value"].sum())
    assert set(summed.loc[summed.role == "acuan", "region_code"]) == {"6400-SUM"}
    published = hierarchy(both, "64")
    assert set(published.loc[published.role == "acuan", "region_code"]) == {"6400"}
    gap = discrepancy(both, "64").set_index("sector_code")
    assert len(gap) == 17
    assert gap.loc["B", "difference"] == pytest.approx(ref["B"] - both[(both.region_code == "6400")
                                                                       & (both.sector_code == "B")]["value"].item())
    with pytest.raises(ValueError, match="hierarchy: reference='mean'; expected 'published' or 'sum'"):
        hierarchy(both, "64", reference="mean")


def test_default_window_is_2013_to_latest_kabkota_year(processed_dir):
    from potensi.data.store import latest_year

    data = province_pdrb("64", processed=processed_dir)
    assert latest_year(data, "64") == 2022  # SIMREG 2021–2022, computed from the data
    # no 2010–2012 Kutai Barat rows (old boundaries, with Mahakam Ulu) unless asked for
    assert data[(data.region_code == "6402") & (data.year < 2013)].empty
    old = province_pdrb("64", include_old_boundaries=True, processed=processed_dir)
    assert set(old.loc[(old.region_code == "6402") & (old.year < 2013), "boundary"]) == {"lama"}
    # a province without kab/kota figures by sector: its own latest year
    assert latest_year(province_pdrb("96", processed=processed_dir), "96") == 2025


def test_study_default_window_and_quality_records():
    from potensi.study.province import analyse_province

    a = analyse_province("64")
    assert (a.start_year, a.end_year) == (2013, 2022)
    assert a.population_source == "dukcapil"
    assert a.pdrb["year"].min() == 2013 and (a.pdrb.get("boundary", "") != "lama").all()
    q = a.quality
    derived = q["angka_turunan"]
    # E of the 10 kab/kota in 2021 and 2022: one derived cell per region-year
    assert len(derived) == 20 and set(derived["year"]) == {2021, 2022} and set(derived["sector_code"]) == {"E"}
    assert (derived["angka"] == 1).all()
    assert derived.loc[(derived.region_code == "6401") & (derived.year == 2021), "nilai"].item() == pytest.approx(7.67)
    brk = q["jeda_vintage"]
    assert set(zip(brk["year_before"], brk["year_after"])) == {(2020, 2021)}
    assert set(brk["source_after"]) == {"BAPPENAS_SIMREG_PIVOT_ADHK_2021_2022"}
    assert brk["regions"].sum() == 10
    bnd = q["batas_wilayah"]
    lama = bnd[bnd.kind == "batas lama"]
    assert set(zip(lama.region_code, lama.year)) == {("6402", 2010), ("6402", 2011), ("6402", 2012)}
    assert not lama["in_window"].any() and not lama["used"].any()
    # derived cells are not counted as angka sementara (their own table)
    assert set(q["angka_sementara"]["status"]) == {"sementara"}
    assert set(q["angka_sementara"]["year"]) == {2022}
