"""Every path potensi uses, in one place (notebooks never build ``"../data"`` literals)."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["ROOT", "DATA_RAW", "DATA_PROCESSED", "REPORTS", "NOTEBOOKS", "CATALOG"]

PACKAGE = Path(__file__).resolve().parent.parent
#: Catalogue folder (``regions.csv``); override with ``POTENSI_CATALOG`` (a folder holding the same
#: files, e.g. for a test with altered region names; the report's kernel inherits it).
CATALOG = Path(os.environ.get("POTENSI_CATALOG", PACKAGE / "data" / "catalog")).resolve()
#: Project root: the checkout holding ``data/``; override with ``POTENSI_ROOT``.
ROOT = Path(os.environ.get("POTENSI_ROOT", PACKAGE.parent)).resolve()
DATA_RAW = ROOT / "data" / "raw"
DATA_PROCESSED = ROOT / "data" / "processed"
REPORTS = ROOT / "reports"
NOTEBOOKS = ROOT / "notebooks"
