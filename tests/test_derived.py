"""Derived tables kept between runs (potensi.study.derived): read back only for the same inputs and code."""

from __future__ import annotations

import os
import stat

import pandas as pd
import pytest

from potensi.core.codes import DEFAULT_PRICE_BASIS
from potensi.data.boundaries import contiguity, read_kabkota_boundaries
from potensi.data.store import load_table
from potensi.study import derived
from potensi.study.conclusions import national_classes


def _counting(frame: pd.DataFrame):
    calls = []

    def compute():
        calls.append(1)
        return frame.copy()

    return compute, calls


@pytest.fixture
def inputs(tmp_path):
    f = tmp_path / "input.csv"
    f.write_text("a,b\n1,2\n")
    return f


def test_second_call_reads_the_stored_table(tmp_path, inputs):
    frame = pd.DataFrame({"x": [1.5, float("nan")], "s": ["a", "b"]})
    compute, calls = _counting(frame)
    first = derived.cached_table("t", compute, inputs=[inputs], params={"y": 1}, folder=tmp_path / "d")
    second = derived.cached_table("t", compute, inputs=[inputs], params={"y": 1}, folder=tmp_path / "d")
    assert len(calls) == 1
    pd.testing.assert_frame_equal(first, second)
    assert len(list((tmp_path / "d").glob("t-*.parquet"))) == 1


def test_changed_input_params_or_code_recompute_and_replace(tmp_path, inputs, monkeypatch):
    frame = pd.DataFrame({"x": [1.0]})
    compute, calls = _counting(frame)
    folder = tmp_path / "d"
    derived.cached_table("t", compute, inputs=[inputs], params={"y": 1}, folder=folder)
    inputs.write_text("a,b\n1,3\n")  # one byte changed
    derived.cached_table("t", compute, inputs=[inputs], params={"y": 1}, folder=folder)
    derived.cached_table("t", compute, inputs=[inputs], params={"y": 2}, folder=folder)
    monkeypatch.setattr(derived, "code_digest", lambda: "another version of the code")
    derived.cached_table("t", compute, inputs=[inputs], params={"y": 2}, folder=folder)
    assert len(calls) == 4
    assert len(list(folder.glob("t-*.parquet"))) == 1  # older versions of the same table removed


def test_unreadable_store_recomputes_and_read_only_folder_still_returns(tmp_path, inputs):
    frame = pd.DataFrame({"x": [1.0, 2.0]})
    compute, calls = _counting(frame)
    folder = tmp_path / "d"
    derived.cached_table("t", compute, inputs=[inputs], params={}, folder=folder)
    stored = next(folder.glob("t-*.parquet"))
    stored.write_bytes(b"PAR1 truncated")
    got = derived.cached_table("t", compute, inputs=[inputs], params={}, folder=folder)
    assert len(calls) == 2
    pd.testing.assert_frame_equal(got, frame)
    if os.geteuid() != 0:  # root writes anywhere
        ro = tmp_path / "ro"
        ro.mkdir()
        ro.chmod(stat.S_IRUSR | stat.S_IXUSR)
        got = derived.cached_table("t", compute, inputs=[inputs], params={}, folder=ro)
        pd.testing.assert_frame_equal(got, frame)


def test_switch_off(tmp_path, inputs, monkeypatch):
    compute, calls = _counting(pd.DataFrame({"x": [1.0]}))
    monkeypatch.setenv("POTENSI_NO_DERIVED", "1")
    for _ in range(2):
        derived.cached_table("t", compute, inputs=[inputs], params={}, folder=tmp_path / "d")
    assert len(calls) == 2 and not (tmp_path / "d").exists()


def test_bad_name_refused(tmp_path, inputs):
    with pytest.raises(ValueError, match="letters, digits"):
        derived.cached_table("../x", lambda: pd.DataFrame(), inputs=[inputs], params={}, folder=tmp_path)


def test_stored_national_classes_and_contiguity_equal_the_computed_ones(tmp_path):
    """The real tables survive the round trip exactly (dtypes too: ordered categorical kelas, nullable booleans)."""
    pdrb = load_table("pdrb")
    pdrb = pdrb[pdrb["price_basis"] == DEFAULT_PRICE_BASIS]
    computed = national_classes(start=2013, end=2022, pdrb=pdrb)
    assert len(computed) > 8000 and computed["kelas"].cat.ordered
    for _ in range(2):  # the second call reads the file
        stored = derived.cached_table("national_classes", lambda: computed, inputs=[], params={},
                                      folder=tmp_path)
    pd.testing.assert_frame_equal(stored, computed, check_exact=True)
    adj = contiguity(read_kabkota_boundaries())
    for _ in range(2):
        stored = derived.cached_table("contiguity", lambda: adj, inputs=[], params={}, folder=tmp_path)
    pd.testing.assert_frame_equal(stored, adj, check_exact=True)
