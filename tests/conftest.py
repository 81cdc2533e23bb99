"""Shared fixtures: the processed tables built once per session from the real ``data/raw/``."""

from __future__ import annotations

import hashlib
import os
import warnings
from pathlib import Path

import pytest
from hypothesis import settings

from potensi.core.paths import DATA_RAW
from potensi.data.build import build_processed

# Property tests draw the same examples on every run (no flaky CI): derandomised, seeded by the
# test's own source. Set HYPOTHESIS_PROFILE=explore locally to search new examples.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def raw_hashes(folder: Path = DATA_RAW) -> dict[str, str]:
    """SHA-256 of every file in ``folder`` (to prove a build never writes there)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="session")
def processed_build(tmp_path_factory):
    """``(out_dir, tables, raw_hashes_before, raw_hashes_after)`` of one build of ``data/raw/``."""
    out = tmp_path_factory.mktemp("processed")
    before = raw_hashes()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tables = build_processed(DATA_RAW, out)
    return out, tables, before, raw_hashes()


@pytest.fixture(scope="session")
def processed_tables(processed_build) -> dict:
    """The processed tables by name (``pdrb``, ``pdrb_total``, ``discrepancy``, ...), built into a tmp dir."""
    return processed_build[1]


@pytest.fixture(scope="session")
def processed_dir(processed_build) -> Path:
    """The tmp folder holding the parquet tables of :func:`processed_tables`."""
    return processed_build[0]
