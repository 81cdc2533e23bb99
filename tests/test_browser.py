"""Open the Kalimantan Timur report in headless Chromium with the network cut off.

The page must render (title, headings, figures decoded) with no failed request and no console
error; every request that is not ``file://`` or ``data:`` is blocked and counted as a failure.
Skipped, with the reason, when Chromium is missing — except under ``CI=true``, where it fails.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from _report_session import kaltim_report

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def _need_chromium() -> None:
    missing = [] if CHROMIUM.exists() else [f"{CHROMIUM} not found (apt-get install chromium)"]
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("python package playwright not installed")
    if missing:
        reason = "; ".join(missing)
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser test must run under CI=true: {reason}")
        pytest.skip(f"browser test skipped: {reason}")


def test_report_renders_offline_in_chromium(tmp_path):
    _need_chromium()
    from playwright.sync_api import sync_playwright

    result, _ = kaltim_report()
    assert result.ok, result.error
    page_path = tmp_path / "laporan.html"  # a copy: nothing beside it to load by accident
    shutil.copy(result.files["html"], page_path)
    blocked, failed, errors = [], [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        context = browser.new_context(offline=True)

        def route(r):
            if r.request.url.startswith(("file://", "data:")):
                r.continue_()
            else:
                blocked.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("requestfailed", lambda req: failed.append(req.url))
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(page_path.as_uri(), wait_until="load")
        title = page.title()
        headings = page.locator("h2").all_inner_texts()
        widths = page.eval_on_selector_all("img", "imgs => imgs.map(i => i.complete ? i.naturalWidth : 0)")
        body = page.inner_text("body")
        browser.close()
    assert blocked == [], f"network requests: {blocked[:5]}"
    assert failed == [], f"failed requests: {failed[:5]}"
    assert errors == [], f"console errors: {errors[:5]}"
    assert title == result.title and title.startswith("Potensi Ekonomi Kalimantan Timur 2013–")
    assert any("Ringkasan eksekutif" in h for h in headings)
    assert len(widths) >= 8 and all(w > 0 for w in widths), widths
    assert "Kalimantan Timur" in body and "miliar rupiah" in body


def _offline_page(p, blocked):
    browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
    context = browser.new_context(offline=True)

    def route(r):
        if r.request.url.startswith(("file://", "data:")):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    return browser, context.new_page()


def test_profile_and_index_offline_search_works():
    _need_chromium()
    from playwright.sync_api import sync_playwright

    from potensi.report.batch import write_index

    result, out = kaltim_report()
    assert result.ok, result.error
    index = write_index([result], out_root=out)
    blocked, errors = [], []
    with sync_playwright() as p:
        browser, page = _offline_page(p, blocked)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto((out / "64" / "kabkota" / "6474.html").as_uri(), wait_until="load")
        assert page.locator("h1").inner_text() == "Profil potensi ekonomi Kota Bontang"
        # the inline-SVG locator map is drawn: Bontang (small: ringed) has a visible box and a path
        box = page.eval_on_selector("svg.locator", "s => { const b = s.getBoundingClientRect(); "
                                    "return [b.width, b.height, s.querySelectorAll('path').length, "
                                    "s.querySelectorAll('circle').length]; }")
        assert box[0] > 300 and box[1] > 200 and box[2] >= 10 and box[3] == 1, box
        # on a phone (390 px) the page does not scroll sideways: the map shrinks, wide tables
        # scroll inside their own box (the page was 1 033 px wide)
        page.set_viewport_size({"width": 390, "height": 844})
        phone = page.evaluate("[document.scrollingElement.scrollWidth, "
                              "document.querySelector('svg.locator').getBoundingClientRect().width]")
        page.set_viewport_size({"width": 1280, "height": 720})
        page.goto(index.as_uri(), wait_until="load")
        page.fill("#cari", "bontang")
        shown = page.eval_on_selector_all("ul.kabkota li", "ls => ls.filter(l => l.offsetParent).map(l => l.innerText)")
        page.fill("#cari", "tidak ada daerah seperti ini")
        rows = page.eval_on_selector_all("tr.prov", "rs => rs.filter(r => r.offsetParent).length")
        page.fill("#cari", "")
        page.click("text=Kota Samarinda")
        landed = page.locator("h1").inner_text()
        browser.close()
    assert blocked == [] and errors == []
    assert phone[0] <= 390 and phone[1] <= 390 - 2 * 20, phone  # 20 px of padding each side
    assert shown == ["Kota Bontang"]
    assert rows == 0
    assert landed == "Profil potensi ekonomi Kota Samarinda"
