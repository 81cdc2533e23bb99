"""Atomic writes: usual permissions, never a half file, never under data/raw/."""

from __future__ import annotations

import os
import stat

import pytest

from potensi.core.atomic import check_not_raw, write_atomic, write_text_atomic
from potensi.core.paths import DATA_RAW


def test_published_file_has_umask_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        path = write_text_atomic(tmp_path / "a.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644  # 0o666 & ~0o022, not mkstemp's 0o600


def test_failure_leaves_nothing_and_keeps_the_old_file(tmp_path):
    target = tmp_path / "b.txt"
    target.write_text("good")

    def broken(p):
        p.write_text("half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, broken)
    assert target.read_text() == "good"
    assert [p.name for p in tmp_path.iterdir()] == ["b.txt"]


def test_nothing_is_written_under_data_raw(tmp_path):
    with pytest.raises(PermissionError, match="data/raw"):
        write_text_atomic(DATA_RAW / "new.csv", "x")
    with pytest.raises(PermissionError, match="data/raw"):
        check_not_raw(DATA_RAW / "sub" / ".." / "x.csv")
    link = tmp_path / "raw_link"
    link.symlink_to(DATA_RAW)
    with pytest.raises(PermissionError, match="data/raw"):
        write_text_atomic(link / "x.csv", "x")
    assert not (DATA_RAW / "new.csv").exists()
