"""The national summary (notebooks/ringkasan_nasional.ipynb) renders and says what its data say."""

from __future__ import annotations

import atexit
import re
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

import pytest

from potensi.data.regions import provinces
from potensi.report.render import external_urls, render_national


@lru_cache(maxsize=1)
def _national():
    out = Path(tempfile.mkdtemp(prefix="potensi-national-"))
    atexit.register(shutil.rmtree, out, ignore_errors=True)
    return render_national(out_root=out, timeout=300), out


@pytest.fixture(scope="module")
def html():
    result, out = _national()
    assert result.ok, result.error
    return (out / "nasional" / "laporan.html").read_text(encoding="utf-8")


def test_national_summary_names_every_province_with_data(html):
    # the 34 provinces of the old boundaries have 17-sector data over the default window
    old = provinces()
    old = old[old["region_code"].str[:2] != "92"]
    named = [n for n in old["region_name"] if n in html]
    assert len(named) >= 34, sorted(set(old["region_name"]) - set(named))


def test_national_summary_sections_and_figures(html):
    for heading in ("Pertumbuhan provinsi", "Sektor basis provinsi", "Ketimpangan antar- dan dalam-pulau",
                    "Konvergensi provinsi", "Asal-usul"):
        assert heading in html
    assert len(re.findall(r'<img[^>]+src="data:image/png;base64,', html)) >= 4  # map + 3 figures at least
    assert not external_urls(html)


def test_national_provenance_names_the_population_it_uses(html):
    # the per-capita tables use BPS's own per-capita PDRB: the provenance must not claim Dukcapil
    assert "tersirat dari PDRB per kapita BPS" in html
    assert "dukcapil" not in html.split("Asal-usul")[-1].lower()
