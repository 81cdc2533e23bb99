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
