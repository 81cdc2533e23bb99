"""Input-output tables: loader (potensi.data.io_table), indicators (potensi.indicators.input_output,
potensi.indicators.io_regionalisation)."""

from __future__ import annotations

import csv
import math
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from potensi.core.errors import DataError
from potensi.core.paths import DATA_RAW
from potensi.data.io_table import BALANCE_TOLERANCE, FINAL_DEMAND, IO_FILE, IOTable, read_io_table
from potensi.data.sectors import SECTOR_CODES
from potensi.indicators.input_output import (
    IO_INDICATOR_COLUMNS,
    allocation_coefficients,
    ghosh_inverse,
    io_multipliers,
    io_sector_indicators,
    leontief_inverse,
    technical_coefficients,
)
from potensi.indicators.io_regionalisation import FLQ_BASIS, flq_regionalise

PROVINCES = ("2100", "7300", "9100")


def _table(z, x, value_added, imports_abroad, exports_abroad, exports_other, region="9900") -> IOTable:
    """A small IOTable built by hand (imports from other provinces 0, final demand = households + exports)."""
    sectors = tuple(str(i + 1) for i in range(len(x)))
    idx = pd.Index(list(sectors), name="sector_code", dtype=object)
    s = lambda v, name: pd.Series(np.asarray(v, dtype=float), index=idx, name=name)  # noqa: E731
    z = pd.DataFrame(np.asarray(z, dtype=float), index=idx, columns=idx.copy())
    x = np.asarray(x, dtype=float)
    fd = pd.DataFrame(0.0, index=idx, columns=list(FINAL_DEMAND))
    fd["3071"], fd["3072"] = exports_abroad, exports_other
    fd["3011"] = x - z.sum(axis=1).to_numpy() - fd["3071"] - fd["3072"]
    return IOTable(region_code=region, region_name="contoh", year=2016, sectors=sectors, Z=z,
                   imports_abroad=s(imports_abroad, "imports_abroad"),
                   imports_other_provinces=s(np.zeros(len(x)), "imports_other_provinces"),
                   value_added=s(value_added, "value_added"), total_input=s(x, "total_input"),
                   final_demand=fd, exports_abroad=s(exports_abroad, "exports_abroad"),
                   exports_other_provinces=s(exports_other, "exports_other_provinces"),
                   total_output=s(x, "total_output"))


# Hand-worked 3-sector table, x = (100, 100, 100):
#   Z = [[10,  0, 20],      A = Z / x (by column) = [[0.1, 0.0, 0.2],
#        [10, 20, 20],                               [0.1, 0.2, 0.2],
#        [10, 30, 20]]                               [0.1, 0.3, 0.2]]
#   column sums of Z 30, 50, 60; imports abroad m = (10, 10, 0); value added = 100 - 30 - 10 = 60,
#   100 - 50 - 10 = 40, 100 - 60 - 0 = 40, so v = (0.6, 0.4, 0.4).
#   10 (I - A) = M = [[9, 0, -2], [-1, 8, -2], [-1, -3, 8]], det M = 9*(64 - 6) - 0 + (-2)*(3 + 8) = 500;
#   adj M = [[58, 6, 16], [10, 70, 20], [11, 27, 72]], so L = 10 adj M / 500 = adj M / 50:
#   L = [[1.16, 0.12, 0.32],
#        [0.20, 1.40, 0.40],
#        [0.22, 0.54, 1.44]]
#   output multipliers (column sums) 1.58, 2.06, 2.16 (mean 5.8/3);
#   backward linkage 1.58*3/5.8 = 0.817241, 2.06*3/5.8 = 1.065517, 2.16*3/5.8 = 1.117241;
#   row sums 1.60, 2.00, 2.20: forward linkage 1.6*3/5.8 = 0.827586, 2*3/5.8 = 1.034483, 2.2*3/5.8 = 1.137931;
#   key sectors (both > 1): 2 and 3.
#   value-added multiplier v'L: 0.6*1.16 + 0.4*0.20 + 0.4*0.22 = 0.864; 0.6*0.12 + 0.4*1.4 + 0.4*0.54 = 0.848;
#   0.6*0.32 + 0.4*0.4 + 0.4*1.44 = 0.928. Import multiplier m'L = 0.136, 0.152, 0.072: v'L + m'L = 1.
#   exports abroad (10, 0, 5), to other provinces (20, 10, 0): export share 0.30, 0.10, 0.05;
#   import share m / x = 0.10, 0.10, 0.00.
HAND = dict(z=[[10, 0, 20], [10, 20, 20], [10, 30, 20]], x=[100, 100, 100], value_added=[60, 40, 40],
            imports_abroad=[10, 10, 0], exports_abroad=[10, 0, 5], exports_other=[20, 10, 0])
HAND_L = np.array([[1.16, 0.12, 0.32], [0.20, 1.40, 0.40], [0.22, 0.54, 1.44]])


@pytest.fixture
def hand() -> IOTable:
    return _table(**HAND)


@pytest.fixture(scope="module")
def real() -> dict[str, IOTable]:
    return read_io_table()


# --------------------------------------------------------------------------- hand-worked
def test_hand_coefficients_and_inverse(hand):
    a = technical_coefficients(hand.Z, hand.total_input)
    np.testing.assert_allclose(a.to_numpy(), [[0.1, 0.0, 0.2], [0.1, 0.2, 0.2], [0.1, 0.3, 0.2]])
    np.testing.assert_allclose(leontief_inverse(a).to_numpy(), HAND_L, atol=1e-12)


def test_hand_indicators(hand):
    out = io_sector_indicators(hand)
    assert list(out.columns) == IO_INDICATOR_COLUMNS
    assert list(out["sector_code"]) == ["1", "2", "3"]
    np.testing.assert_allclose(out["output_multiplier"], [1.58, 2.06, 2.16])
    np.testing.assert_allclose(out["value_added_multiplier"], [0.864, 0.848, 0.928])
    np.testing.assert_allclose(out["backward_linkage"], [1.58 * 3 / 5.8, 2.06 * 3 / 5.8, 2.16 * 3 / 5.8])
    np.testing.assert_allclose(out["forward_linkage"], [1.6 * 3 / 5.8, 2.0 * 3 / 5.8, 2.2 * 3 / 5.8])
    assert list(out["key_sector"]) == [False, True, True]
    np.testing.assert_allclose(out["export_share"], [0.30, 0.10, 0.05])
    np.testing.assert_allclose(out["import_share"], [0.10, 0.10, 0.00])


def test_multipliers_match_sector_indicators(hand):
    a = technical_coefficients(hand.Z, hand.total_input)
    m = io_multipliers(a, hand.value_added / hand.total_input)
    full = io_sector_indicators(hand)
    pd.testing.assert_frame_equal(m, full[["sector_code", "output_multiplier", "value_added_multiplier"]])


def test_ghosh_equals_leontief_when_outputs_equal(hand):
    # x = (100, 100, 100): B = x^-1 A x = A, so G = L and both forward linkages agree.
    b = allocation_coefficients(hand.Z, hand.total_output)
    np.testing.assert_allclose(ghosh_inverse(b).to_numpy(), HAND_L, atol=1e-12)
    pd.testing.assert_frame_equal(io_sector_indicators(hand, forward="ghosh"), io_sector_indicators(hand))


def test_power_series_identity(hand):
    # L = I + A + A^2 + ...: rho(A) <= max column sum 0.6, so 0.6^80 < 1e-17 and 80 terms reach 1e-10.
    a = technical_coefficients(hand.Z, hand.total_input).to_numpy()
    total, term = np.eye(3), np.eye(3)
    for _ in range(80):
        term = term @ a
        total += term
    np.testing.assert_allclose(leontief_inverse(technical_coefficients(hand.Z, hand.total_input)).to_numpy(),
                               total, atol=1e-10, rtol=0)


def test_input_left_unchanged(hand):
    z = hand.Z.copy()
    io_sector_indicators(hand, forward="ghosh")
    pd.testing.assert_frame_equal(hand.Z, z)


# --------------------------------------------------------------------------- refusals
def test_refuses_non_productive():
    # column sums 1.0 and 1.2: rho(A) >= 1, no non-negative inverse
    a = pd.DataFrame([[0.5, 0.6], [0.5, 0.6]], index=["a", "b"], columns=["a", "b"])
    with pytest.raises(ValueError, match=r"leontief_inverse: argument coefficients= is not productive: "
                                         r"spectral radius 1\.1 >= 1"):
        leontief_inverse(a)


def test_refuses_singular():
    # I - A = [[0.5, -0.5], [-0.5, 0.5]] is singular (rho(A) = 1 exactly)
    a = pd.DataFrame([[0.5, 0.5], [0.5, 0.5]], index=["a", "b"], columns=["a", "b"])
    with pytest.raises(ValueError, match=r"not productive: spectral radius 1 >= 1"):
        leontief_inverse(a)


def test_refuses_negative_and_mislabelled():
    a = pd.DataFrame([[0.1, -0.1], [0.2, 0.1]], index=["a", "b"], columns=["a", "b"])
    with pytest.raises(ValueError, match=r"cell \(a, b\) is -0\.1; technical coefficients must be >= 0"):
        leontief_inverse(a)
    with pytest.raises(ValueError, match=r"same sector codes"):
        leontief_inverse(a.abs().rename(columns={"a": "x"}))
    with pytest.raises(TypeError, match=r"leontief_inverse: argument coefficients= must be a square pandas"):
        leontief_inverse(np.eye(2))


def test_refuses_zero_output_and_bad_option(hand):
    with pytest.raises(ValueError, match=r"technical_coefficients: argument total_input= sector b is 0"):
        technical_coefficients(pd.DataFrame(np.eye(2), index=["a", "b"], columns=["a", "b"]),
                               pd.Series({"a": 1.0, "b": 0.0}))
    with pytest.raises(ValueError, match=r"argument forward='rasmussen' is not valid; expected one of"):
        io_sector_indicators(hand, forward="rasmussen")


# --------------------------------------------------------------------------- FLQ
# Hand-worked 2 sectors, 2 kab/kota of province 9900. Province A^n = [[0.2, 0.1], [0.3, 0.2]] (x = 100, 100).
# Province PDRB (60, 40), total 100. Kab 9901: (30, 10), total 40; kab 9902: (10, 30), total 40.
# 9901: shares (0.75, 0.25) vs (0.6, 0.4): SLQ = (1.25, 0.625); CILQ_12 = 1.25/0.625 = 2, CILQ_21 = 0.5.
#   delta = 0 (lambda = 1, FLQ = CILQ, diagonal SLQ_i): a11 = 0.2*min(1.25, 1) = 0.2, a12 = 0.1*1 = 0.1,
#   a21 = 0.3*0.5 = 0.15, a22 = 0.2*0.625 = 0.125.
#   delta = 0.3: lambda = log2(1 + 40/100)^0.3 = 0.485427^0.3 = 0.805076;
#   FLQ11 = 1.25*0.805 = 1.006 -> capped 1 -> a11 = 0.2; FLQ12 = 2*0.805 -> 1 -> a12 = 0.1;
#   FLQ21 = 0.5*0.805076 = 0.402538 -> a21 = 0.120761; FLQ22 = 0.625*0.805076 = 0.503173 -> a22 = 0.100635.
# 9902: SLQ = (0.25/0.6, 0.75/0.4) = (0.416667, 1.875); delta = 0: a11 = 0.2*0.416667 = 0.083333,
#   a12 = 0.1*(0.416667/1.875 = 0.222222) = 0.022222, a21 = 0.3*min(4.5, 1) = 0.3, a22 = 0.2*1 = 0.2.
def _flq_case():
    table = _table(z=[[20, 10], [30, 20]], x=[100, 100], value_added=[50, 70], imports_abroad=[0, 0],
                   exports_abroad=[0, 0], exports_other=[0, 0])
    regional = pd.DataFrame({"region_code": ["9901", "9901", "9902", "9902"], "sector_code": ["1", "2"] * 2,
                             "value": [30.0, 10.0, 10.0, 30.0]})
    provincial = pd.DataFrame({"region_code": ["9900", "9900"], "sector_code": ["1", "2"], "value": [60.0, 40.0]})
    return table, regional, provincial


def _coef(result, region):
    c = result.coefficients
    return c[c.region_code == region].pivot(index="row_sector", columns="col_sector", values="coefficient").to_numpy()


def test_flq_hand_worked():
    table, regional, provincial = _flq_case()
    cilq = flq_regionalise(table, regional, provincial, delta=0)
    np.testing.assert_allclose(_coef(cilq, "9901"), [[0.2, 0.1], [0.15, 0.125]])
    np.testing.assert_allclose(_coef(cilq, "9902"), [[0.2 / 0.6 * 0.25, 0.1 * (0.25 / 0.6) / 1.875], [0.3, 0.2]])
    flq = flq_regionalise(table, regional, provincial)
    lam = math.log2(1.4) ** 0.3
    assert lam == pytest.approx(0.805076, abs=1e-6)
    np.testing.assert_allclose(_coef(flq, "9901"), [[0.2, 0.1], [0.3 * 0.5 * lam, 0.2 * 0.625 * lam]])
    np.testing.assert_allclose(_coef(flq, "9901")[1], [0.120761, 0.100635], atol=1e-6)
    np.testing.assert_allclose(flq.regions["flq_lambda"], [lam, lam])
    ind = flq.indicators
    assert list(ind.columns) == ["region_code", *IO_INDICATOR_COLUMNS, "estimate", "basis"]
    assert ind["estimate"].all() and (ind["basis"] == FLQ_BASIS).all()
    assert ind["export_share"].isna().all()
    # kab 9901, sector 1: import share = 1 - v_1 - (a11 + a21) = 1 - 0.5 - (0.2 + 0.120761) = 0.179239
    assert ind.loc[(ind.region_code == "9901") & (ind.sector_code == "1"), "import_share"].item() == pytest.approx(
        1 - 0.5 - 0.2 - 0.3 * 0.5 * lam)


def test_flq_never_raises_coefficients_and_sums_to_n():
    table, regional, provincial = _flq_case()
    flq = flq_regionalise(table, regional, provincial, delta=0.3)
    a_n = technical_coefficients(table.Z, table.total_input).to_numpy()
    for r in ("9901", "9902"):
        assert (_coef(flq, r) <= a_n + 1e-15).all()
        sub = flq.indicators[flq.indicators.region_code == r]
        assert sub["backward_linkage"].sum() == pytest.approx(2)
        assert sub["forward_linkage"].sum() == pytest.approx(2)


def test_flq_refusals():
    table, regional, provincial = _flq_case()
    with pytest.raises(ValueError, match=r"argument provincial_pdrb= is region 9800, but io_table is province 9900"):
        flq_regionalise(table, regional, provincial.assign(region_code="9800"))
    with pytest.raises(ValueError, match=r"region\(s\) \['7301'\] are not kab/kota of province 9900"):
        flq_regionalise(table, regional.replace({"region_code": {"9902": "7301"}}), provincial)
    with pytest.raises(ValueError, match=r"argument delta=1.5 is not valid"):
        flq_regionalise(table, regional, provincial, delta=1.5)
    with pytest.raises(ValueError, match=r"region 9902 has no value for sector\(s\) \['2'\]"):
        flq_regionalise(table, regional.iloc[:3], provincial)
    with pytest.raises(ValueError, match=r"holds several years"):
        flq_regionalise(table, regional.assign(year=[2016, 2016, 2017, 2017]), provincial)


def test_flq_absent_sector_warns_and_is_nan():
    table, regional, provincial = _flq_case()
    regional.loc[3, "value"] = 0.0  # 9902 has no sector 2
    with pytest.warns(RuntimeWarning, match=r"region 9902: sector\(s\) \['2'\] have PDRB 0"):
        flq = flq_regionalise(table, regional, provincial)
    row = flq.indicators[(flq.indicators.region_code == "9902") & (flq.indicators.sector_code == "2")]
    assert row["output_multiplier"].isna().all() and not row["key_sector"].item()
    assert _coef(flq, "9902")[1].tolist() == [0.0, 0.0]  # nothing bought locally from an absent sector


# --------------------------------------------------------------------------- real tables
@pytest.mark.parametrize("code", PROVINCES)
def test_real_tables(real, code):
    table = real[code]
    assert table.Z.shape == (17, 17) and table.sectors == SECTOR_CODES and table.unit == "juta rupiah"
    np.testing.assert_allclose(table.total_input, table.total_output, rtol=BALANCE_TOLERANCE)
    for forward in ("leontief", "ghosh"):
        out = io_sector_indicators(table, forward=forward)
        values = out.drop(columns=["sector_code", "key_sector"]).to_numpy(dtype=float)
        assert np.isfinite(values).all()
        assert (out["output_multiplier"] >= 1).all()
        assert out["backward_linkage"].sum() == pytest.approx(17)
        assert out["forward_linkage"].sum() == pytest.approx(17)
        assert out["key_sector"].any()
        assert out["export_share"].between(0, 1).all() and out["import_share"].between(0, 1).all()
    # value added and import leakage per unit of final demand add up to 1 (v'L + m'L = 1')
    a = technical_coefficients(table.Z, table.total_input)
    m = (table.imports_abroad + table.imports_other_provinces) / table.total_input
    leakage = m.to_numpy() @ leontief_inverse(a).to_numpy()
    np.testing.assert_allclose(out["value_added_multiplier"] + leakage, 1, atol=1e-9)
    # G = x^-1 L x
    x = table.total_output.to_numpy()
    g = ghosh_inverse(allocation_coefficients(table.Z, table.total_output)).to_numpy()
    np.testing.assert_allclose(g, leontief_inverse(a).to_numpy() * x[None, :] / x[:, None], rtol=1e-6, atol=1e-12)


def test_real_facts(real):
    # Electricity and gas (D) is a key sector in all three provinces, manufacturing (C) too.
    for code in PROVINCES:
        out = io_sector_indicators(real[code]).set_index("sector_code")
        assert out.loc["D", "key_sector"] and out.loc["C", "key_sector"]
    # Papua Barat government administration sells almost nothing outside the province:
    # 3071 = 70.9, 3072 = 0 of output 11,684,300 juta rupiah -> export share 6.1e-6.
    pb = io_sector_indicators(real["9100"]).set_index("sector_code")
    assert pb.loc["O", "export_share"] == pytest.approx(70.8975588982443 / 11684299.682899702)
    assert pb.loc["O", "export_share"] < 1e-5
    # Kepulauan Riau (Batam) manufacturing exports 82.7 % of its output.
    assert io_sector_indicators(real["2100"]).set_index("sector_code").loc["C", "export_share"] == pytest.approx(
        0.827, abs=5e-4)


def test_real_flq_sulawesi_selatan(real):
    kab = pd.read_csv(DATA_RAW / "pdrb_lapus_kabkota_adhk2010_2013_2020.csv", dtype={"region_code": str})
    prov = pd.read_csv(DATA_RAW / "pdrb_lapus_provinsi_adhk2010.csv", dtype={"region_code": str})
    kab = kab[(kab.year == 2016) & kab.region_code.str.startswith("73")]
    prov = prov[(prov.year == 2016) & (prov.region_code == "7300")]
    flq = flq_regionalise(real["7300"], kab, prov)
    assert flq.indicators.region_code.nunique() == 24
    assert (flq.indicators["output_multiplier"] >= 1).all()
    a_n = technical_coefficients(real["7300"].Z, real["7300"].total_input).to_numpy().ravel()
    for _, c in flq.coefficients.groupby("region_code"):
        assert (c["coefficient"].to_numpy() <= a_n + 1e-15).all()
    # a small kab/kota keeps less of its demand at home than the province: lower multipliers
    province = io_sector_indicators(real["7300"])["output_multiplier"].to_numpy()
    for _, sub in flq.indicators.groupby("region_code"):
        assert (sub["output_multiplier"].to_numpy() <= province + 1e-12).all()


# --------------------------------------------------------------------------- loader
def _rows(path: Path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def _write(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    return path


def _line(rows, region, row_code, col_code) -> int:
    """1-based line number (header = 1) of a cell."""
    h = rows[0]
    for i, r in enumerate(rows):
        if r[h.index("region_code")] == region and r[h.index("row_code")] == row_code and \
                r[h.index("col_code")] == col_code:
            return i + 1
    raise KeyError((region, row_code, col_code))


def test_default_path_is_raw_file():
    assert IO_FILE == DATA_RAW / "io_domestik_17lu_2016.csv"


def test_round_trip_tmp_copy(tmp_path, real):
    copy = Path(shutil.copy(IO_FILE, tmp_path / "io.csv"))
    one = read_io_table(copy, region="7300")
    assert isinstance(one, IOTable) and one.region_name == "Sulawesi Selatan" and one.year == 2016
    pd.testing.assert_frame_equal(one.Z, real["7300"].Z)
    assert set(read_io_table(copy)) == set(PROVINCES)
    # rows in another order read the same
    rows = _rows(copy)
    _write(tmp_path / "shuffled.csv", [rows[0], *rows[:0:-1]])
    pd.testing.assert_frame_equal(read_io_table(tmp_path / "shuffled.csv", region="9100").Z, real["9100"].Z)
    # the potensi code spellings of the merged sectors are accepted
    h = rows[0]
    renamed = [r if i == 0 else [("R,S,T,U" if (c == "RSTU" and h[k] in ("row_code", "col_code")) else c)
                                 for k, c in enumerate(r)] for i, r in enumerate(rows)]
    pd.testing.assert_frame_equal(read_io_table(_write(tmp_path / "renamed.csv", renamed), region="2100").Z,
                                  real["2100"].Z)


def test_unknown_region(tmp_path):
    with pytest.raises(DataError, match=r"read_io_table: .*io.csv: region '1100' not in the file; available"):
        read_io_table(shutil.copy(IO_FILE, tmp_path / "io.csv"), region="1100")


def test_bad_balance_names_sector(tmp_path):
    rows = _rows(IO_FILE)
    line = _line(rows, "9100", "C", "3100")
    rows[line - 1][rows[0].index("value")] = str(float(rows[line - 1][rows[0].index("value")]) * 1.001)
    path = _write(tmp_path / "bad.csv", rows)
    with pytest.raises(DataError, match=rf"read_io_table: .*bad.csv row {line}, column 'value': region 9100, "
                                        r"sector C: total input \(row 2100, line \d+\) .* differs from total "
                                        r"output \(column 3100, line \d+\) .* by 9\.99e-04 relative"):
        read_io_table(path)


def test_non_number_names_row_and_column(tmp_path):
    rows = _rows(IO_FILE)
    line = _line(rows, "2100", "G", "H")
    rows[line - 1][rows[0].index("value")] = "12,3a"
    with pytest.raises(DataError, match=rf"bad.csv row {line}, column 'value': '12,3a' is not a number"):
        read_io_table(_write(tmp_path / "bad.csv", rows))


@pytest.mark.parametrize("change, message", [
    (lambda rows, i: rows.__setitem__(i, [*rows[i][:7], "", *rows[i][8:]]), r"column 'value': empty cell"),
    (lambda rows, i: rows.__setitem__(i, [*rows[i][:7], "x", *rows[i][8:]]),
     r"column 'value': BPS marker 'x' \(not available or confidential\)"),
    (lambda rows, i: rows.__setitem__(i, [*rows[i][:3], "ZZ", *rows[i][4:]]),
     r"column 'row_code': unknown row code 'ZZ'"),
    (lambda rows, i: rows.__setitem__(i, [*rows[i][:5], "3999", *rows[i][6:]]),
     r"column 'col_code': unknown column code '3999'"),
    (lambda rows, i: rows.__setitem__(i, [*rows[i][:7], "-5", *rows[i][8:]]),
     r"column 'value': negative intermediate flow -5 \(A -> B, region 2100\)"),
    (lambda rows, i: rows.__setitem__(i, [*rows[i][:8], "miliar rupiah", *rows[i][9:]]),
     r"column 'unit': unit 'miliar rupiah'; expected 'juta rupiah'"),
])
def test_bad_cell(tmp_path, change, message):
    rows = _rows(IO_FILE)
    assert rows[0][:9] == ["region_code", "region_name", "year", "row_code", "row_label", "col_code", "col_label",
                           "value", "unit"]
    line = _line(rows, "2100", "A", "B")
    change(rows, line - 1)
    with pytest.raises(DataError, match=rf"read_io_table: .*bad.csv row {line}, {message}"):
        read_io_table(_write(tmp_path / "bad.csv", rows))


def test_duplicate_and_missing_cells(tmp_path):
    rows = _rows(IO_FILE)
    line = _line(rows, "7300", "Q", "3071")
    dup = [*rows, rows[line - 1]]
    with pytest.raises(DataError, match=rf"row {len(dup)}, column 'value': cell \(row_code 'Q', col_code '3071'\) "
                                        rf"of region 7300 given twice; first at line {line}"):
        read_io_table(_write(tmp_path / "dup.csv", dup))
    gap = rows[: line - 1] + rows[line:]
    with pytest.raises(DataError, match=r"gap.csv: region 7300: cell \(row_code 'Q', col_code '3071'\) is missing"):
        read_io_table(_write(tmp_path / "gap.csv", gap))


def test_missing_column(tmp_path):
    rows = [[c for k, c in enumerate(r) if k != 7] for r in _rows(IO_FILE)]
    with pytest.raises(DataError, match=r"bad.csv row 1: missing column\(s\) \['value'\]"):
        read_io_table(_write(tmp_path / "bad.csv", rows))
