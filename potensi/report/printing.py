"""Print and navigation for the HTML reports: the table of contents built from the headings, and
the PDF printed by headless Chromium (``potensi report --pdf``).

The print stylesheet itself (A4, page breaks, wrapping tables) is
:data:`potensi.report.profiles.PRINT_CSS`, shared by the report and the profile pages.
"""

from __future__ import annotations

import html
import re
import shutil
import tempfile
from pathlib import Path

from potensi.core.wording import VIEW

__all__ = ["PrintError", "toc_html", "add_toc", "find_chromium", "print_pdf", "CHROMIUM_NAMES"]


class PrintError(RuntimeError):
    """Chromium is missing or could not print the page; the message says which."""


def _last_line(text: str) -> str:
    lines = [line for line in str(text).strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""


_HEADING = re.compile(r'<h([23]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def toc_html(body: str) -> str:
    """A table of contents (``<nav class="toc">``, nested lists of anchor links, no script) of the
    ``h2``/``h3`` headings with an ``id`` in ``body``; "" when there are none."""
    items: list[tuple[int, str, str]] = []
    for level, ident, inner in _HEADING.findall(body):
        inner = re.sub(r'<a class="anchor-link"[^>]*>.*?</a>', "", inner, flags=re.DOTALL)
        text = html.unescape(_TAG.sub("", inner)).strip()
        if text:
            items.append((int(level), ident, text))
    if not items:
        return ""
    out, open_sub = [f'<nav class="toc" aria-label="{VIEW["toc"]}"><p class="toc-title"><b>{VIEW["toc"]}</b></p><ol>'], False
    for i, (level, ident, text) in enumerate(items):
        link = f'<a href="#{html.escape(ident, quote=True)}">{html.escape(text)}</a>'
        if level == 3 and i and not open_sub:
            out[-1] = out[-1].removesuffix("</li>")
            out.append("<ul>")
            open_sub = True
        elif level == 2 and open_sub:
            out.append("</ul></li>")
            open_sub = False
        out.append(f"<li>{link}</li>")
    out.append("</ul></li>" if open_sub else "")
    out.append("</ol></nav>")
    return "".join(out)


_CELL_START = re.compile(r'<div (?:id="[^"]*" )?class="jp-Cell ')


def add_toc(body: str) -> str:
    """Insert :func:`toc_html` before the notebook cell holding the first ``h2`` (after the title)."""
    nav = toc_html(body)
    if not nav:
        return body
    first = body.find("<h2 ")
    # the opening tag of that cell (nbconvert writes its id before or after the class)
    starts = [m.start() for m in _CELL_START.finditer(body, 0, first)] if first >= 0 else []
    cell = starts[-1] if starts else -1
    if cell < 0:
        cell = body.find("<main>")
        cell = cell + len("<main>") if cell >= 0 else 0
    return body[:cell] + nav + "\n" + body[cell:]


#: Where :func:`find_chromium` looks, in order (the environment variable ``POTENSI_CHROMIUM`` first).
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
PDF_TIMEOUT = 180


def find_chromium() -> str | None:
    """Path of a Chromium (or Chrome) executable, or None."""
    import os

    wanted = os.environ.get("POTENSI_CHROMIUM")
    if wanted:
        return wanted if Path(wanted).is_file() else None
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def print_pdf(html_path: Path, pdf_path: Path, *, chromium: str | None = None, timeout: int = PDF_TIMEOUT) -> Path:
    """Print ``html_path`` to ``pdf_path`` (A4 from the page's print stylesheet, no header or footer)
    with headless Chromium, atomically; ``PrintError`` if Chromium is missing or fails."""
    import subprocess

    from potensi.core.atomic import atomic_path

    exe = chromium or find_chromium()
    if exe is None:
        raise PrintError("PDF needs Chromium: none found (install chromium, or set POTENSI_CHROMIUM)")
    with atomic_path(pdf_path) as tmp, tempfile.TemporaryDirectory(prefix="potensi-chromium-") as profile:
        cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
               "--no-pdf-header-footer", f"--print-to-pdf={tmp}", Path(html_path).resolve().as_uri()]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise PrintError(f"Chromium did not print {Path(html_path).name} within {timeout} s") from None
        if done.returncode != 0 or not tmp.exists() or tmp.stat().st_size == 0:
            raise PrintError(f"Chromium could not print {Path(html_path).name}: "
                              f"{_last_line(done.stderr) or f'exit {done.returncode}'}")
    return Path(pdf_path)
