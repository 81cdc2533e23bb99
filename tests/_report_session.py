"""Render the Kalimantan Timur report once per test process (shared by test_report and test_browser)."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def kaltim_report():
    """``(RenderResult, out_root)`` of ``render_province("64")`` into a temporary reports folder."""
    from potensi.report.render import render_province

    out = Path(tempfile.mkdtemp(prefix="potensi-reports-"))
    atexit.register(shutil.rmtree, out, ignore_errors=True)
    result = render_province("64", out_root=out, timeout=300)  # the default window: 2013–2022
    return result, out
