"""Render the reports: papermill runs a template, nbconvert makes self-contained HTML.

:func:`render_province` renders one province into ``reports/<kode>/`` (``laporan.html``,
``laporan.ipynb``, ``tabel.xlsx``, ``manifest.json``); :func:`render_batch` renders many in
parallel worker processes plus the national summary (``reports/nasional/``) and writes
``reports/index.html``.

Rules kept here (STYLE.md, "Notebooks and the batch runner"):

* papermill's Python API with the province code as a *string*, an explicit kernel name,
  working directory and per-cell timeout; parameter names are checked against the template's
  ``parameters`` cell before a kernel is started;
* a kernel that fails to start (parallel starts can race for ports) is retried;
* every argument is checked before a kernel starts (:func:`potensi.study.spec.make_study`,
  :func:`potensi.report.publish.resolve_out`): a refusal raises and leaves the last good report
  untouched; ``out_root`` is resolved to an absolute path first (the kernel runs in
  ``notebooks/``) and never lies under ``data/raw/``;
* everything is produced in a staging folder and published by renaming the folder
  (:mod:`potensi.report.publish`: one atomic swap under a lock per output root, leftovers of
  killed runs cleaned at the next publish); only a folder potensi wrote (its ``manifest.json``)
  is ever replaced or removed, anything else under the report's name is refused; a failed run
  removes the previous report of that province (no stale report) and never leaves a
  half-written one;
* one run date per run, taken once (parameter ``run_date`` of the template, the manifest, the
  workbook, the profiles), and the executed notebook normalised (fixed cell ids, no timings, no
  object addresses): two renders with the same run date give the same bytes;
* the HTML hides code and embeds every figure; no script, style sheet or font is loaded from
  the network (checked by :func:`external_urls` before publishing).
"""

from __future__ import annotations

import json
import re
import threading
import time
import traceback
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from potensi.core.atomic import file_mode, write_text_atomic
from potensi.core.codes import NATIONAL_CODE
from potensi.core.paths import NOTEBOOKS, REPORTS, ROOT
from potensi.core.wording import FIGURE_ALT, REPORT_TITLES
from potensi.report import publish as _pub
from potensi.report.printing import add_toc, find_chromium, print_pdf, toc_html

__all__ = [
    "KERNEL",
    "PROVINCE_TEMPLATE",
    "NATIONAL_TEMPLATE",
    "RenderResult",
    "ReportError",
    "check_parameters",
    "export_html",
    "find_chromium",
    "print_pdf",
    "add_toc",
    "toc_html",
    "external_urls",
    "render_notebook",
    "render_province",
    "render_national",
]

KERNEL = "python3"
PROVINCE_TEMPLATE = NOTEBOOKS / "laporan_provinsi.ipynb"
NATIONAL_TEMPLATE = NOTEBOOKS / "ringkasan_nasional.ipynb"
DEFAULT_CONFIG = ROOT / "config" / "batch.toml"
TEMPLATES = Path(__file__).resolve().parent / "templates"
CELL_TIMEOUT = 600
KERNEL_START_ATTEMPTS = 3
NATIONAL_DIR = "nasional"
#: Papermill parameter of the province template naming the folder its profile pages go to.
PROFILES_PARAM = "profiles_dir"
#: Papermill parameter of the province template carrying the run date (one per run).
RUN_DATE_PARAM = "run_date"
PROFILE_DIR = "kabkota"
OUTPUT_FILES = {"pdf": "laporan.pdf", "html": "laporan.html", "ipynb": "laporan.ipynb", "xlsx": "tabel.xlsx", "manifest": "manifest.json"}

#: An attribute ``src``/``href``/``url(...)`` that points off the file: what a self-contained page never has.
_EXTERNAL = re.compile(r"""(?:\b(?:src|href)\s*=\s*["']?\s*|url\(\s*["']?|@import\s+["'])(?:https?:)?//""",
                       re.IGNORECASE)


class ReportError(RuntimeError):
    """A report could not be rendered; the message says which and why."""


@dataclass
class RenderResult:
    """Outcome of one report: ``ok`` with its files, or the cause of the failure."""

    key: str
    title: str
    ok: bool
    seconds: float
    directory: str = ""
    files: dict[str, str] = field(default_factory=dict)
    error: str = ""
    detail: str = ""


# --------------------------------------------------------------------------------------------
# parameters
# --------------------------------------------------------------------------------------------
def template_parameters(template: str | Path) -> dict[str, dict]:
    """The names (and inferred types/defaults) of the template's ``parameters`` cell."""
    import papermill

    params = papermill.inspect_notebook(str(template))
    if not params:
        raise ReportError(f"{template}: no cell tagged 'parameters'")
    return params


def check_parameters(template: str | Path, parameters: Mapping[str, object]) -> None:
    """Refuse parameters the template does not declare (papermill itself only warns)."""
    known = template_parameters(template)
    unknown = sorted(set(parameters) - set(known))
    if unknown:
        raise ReportError(f"{Path(template).name}: unknown parameter(s) {unknown}; the template declares {sorted(known)}")


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------
def external_urls(text: str) -> list[str]:
    """Every ``src``/``href``/CSS ``url()``/``@import`` in ``text`` that would reach the network."""
    return [text[m.start(): m.end() + 60].split(">")[0] for m in _EXTERNAL.finditer(text)]


_EXPORTERS = threading.local()


def _exporter():
    """This thread's HTML exporter (its templates are compiled once, then reused report after report)."""
    exporter = getattr(_EXPORTERS, "exporter", None)
    if exporter is None:
        from potensi.report.exporter import ReportHTMLExporter  # nbconvert's, minus its slow bs4 pass

        exporter = ReportHTMLExporter(template_name="lab", extra_template_paths=[str(TEMPLATES)],
                                      exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                                      embed_images=True)
        exporter.template_file = "report.html.j2"
        _EXPORTERS.exporter = exporter
    return exporter


def export_html(notebook, *, title: str) -> str:
    """Self-contained HTML of an executed notebook: code hidden, figures embedded, no CDN."""
    exporter = _exporter()
    notebook.metadata["title"] = title
    from potensi.report.profiles import PRINT_CSS

    body, _resources = exporter.from_notebook_node(notebook, resources={"potensi_print_css": PRINT_CSS})
    body = body.replace('<html lang="en">', '<html lang="id">')
    # nbconvert's default alt text is English; every report image is a chart or a map whose title is
    # drawn on it
    body = body.replace('alt="No description has been provided for this image"', f'alt="{FIGURE_ALT}"')
    body = add_toc(body)
    found = external_urls(body)
    if found:
        raise ReportError(f"HTML would load from the network: {found[:3]}")
    return body


def _errors_in(notebook) -> list[str]:
    out = []
    for cell in notebook.cells:
        for o in cell.get("outputs", []):
            if o.get("output_type") == "error":
                out.append(f"{o.get('ename')}: {o.get('evalue')}")
    return out


# --------------------------------------------------------------------------------------------
# one notebook
# --------------------------------------------------------------------------------------------
def _is_kernel_start_failure(exc: BaseException) -> bool:
    from papermill.exceptions import PapermillExecutionError

    if isinstance(exc, PapermillExecutionError):
        return False
    text = f"{type(exc).__name__}: {exc}".lower()
    return any(s in text for s in ("kernel died", "kernel_info", "address already in use", "zmqerror",
                                   "kernel didn't respond", "timeout waiting", "failed to start", "no such kernel"))


def render_notebook(template: Path, parameters: Mapping[str, object], *,
                    timeout: int = CELL_TIMEOUT, kernel: str = KERNEL, cwd: Path = NOTEBOOKS):
    """Execute ``template`` with papermill and return the executed notebook; retry a kernel that
    fails to start.

    The notebook is kept in memory (papermill's ``output_path=None``): papermill would otherwise
    write the whole notebook, outputs and figures included, before and after every cell (two
    hundred writes of up to several MB for a province report); the caller writes it once,
    normalised, beside the report."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from potensi.report.kernel_start import PrivateKernelManager

    check_parameters(template, parameters)
    for attempt in range(1, KERNEL_START_ATTEMPTS + 1):
        try:
            return papermill.execute_notebook(
                str(template), None, parameters=dict(parameters), kernel_name=kernel,
                cwd=str(cwd), execution_timeout=timeout, progress_bar=False, log_output=False,
                request_save_on_cell_execute=False, kernel_manager_class=PrivateKernelManager,
            )
        except PapermillExecutionError as exc:
            raise ReportError(f"cell {exc.exec_count}: {exc.ename}: {_first_line(exc.evalue)}") from exc
        except Exception as exc:
            if attempt < KERNEL_START_ATTEMPTS and _is_kernel_start_failure(exc):
                time.sleep(0.5 * attempt)
                continue
            raise
    raise AssertionError("unreachable")


def _first_line(text: str) -> str:
    text = re.sub(r"\x1b\[[0-9;]*m", "", str(text)).strip()
    return text.splitlines()[0] if text else ""


def _publish(staging: Path, final: Path) -> None:
    """Swap ``staging`` in as ``final`` (:func:`potensi.report.publish.publish`: locked, atomic,
    refusing a folder potensi did not write)."""
    _pub.publish(staging, final)


def _remove_stale(final: Path) -> None:
    """A failed run leaves no report from an earlier run under the province's name (only a folder
    potensi wrote is removed; anything else stays where it is)."""
    try:
        _pub.remove_output(final)
    except (OSError, _pub.PublishError):
        pass


_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
_TIMING_KEYS = ("start_time", "end_time", "duration")


def normalise_notebook(nb) -> None:
    """Make an executed notebook reproducible, in place: fixed cell ids (papermill's injected cell
    gets ``injected-parameters``), no timings (papermill's and nbclient's), no object addresses in
    ``text/plain`` outputs (``<… Styler at 0x7f…>``)."""
    for cell in nb.cells:
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            cell["id"] = "injected-parameters"
        meta = cell.get("metadata", {})
        meta.pop("execution", None)
        for key in _TIMING_KEYS:
            meta.get("papermill", {}).pop(key, None)
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if isinstance(data.get("text/plain"), str):
                data["text/plain"] = _ADDRESS.sub("", data["text/plain"])
    for key in _TIMING_KEYS:
        nb.metadata.get("papermill", {}).pop(key, None)


def _render(key: str, title: str, template: Path, parameters: dict[str, object], out_root: Path,
            timeout: int, workbook_param: str = "workbook", pdf: bool = False,
            run_date: str | None = None) -> RenderResult:
    import hashlib

    import nbformat

    from potensi.study.provenance import provenance, run_date_now

    t0 = time.perf_counter()
    out_root = _pub.resolve_out(out_root)
    final = out_root / key
    run_date = run_date or run_date_now()
    try:
        _pub.check_replaceable(final)  # before a kernel starts: never render for a place we may not fill
    except _pub.PublishError as exc:
        return RenderResult(key, title, False, time.perf_counter() - t0, error=str(exc))
    try:
        with _pub.Staging(out_root, key) as staging:
            declared = template_parameters(template)
            params = {**parameters, workbook_param: str(staging / OUTPUT_FILES["xlsx"])}
            if PROFILES_PARAM in declared:  # kab/kota pages from the same study
                params[PROFILES_PARAM] = str(staging)
            if RUN_DATE_PARAM in declared:
                params[RUN_DATE_PARAM] = run_date
            nb = render_notebook(template, params, timeout=timeout)
            errors = _errors_in(nb)
            if errors:
                raise ReportError(f"error output in notebook: {errors[0]}")
            normalise_notebook(nb)
            # the executed notebook must not point at the staging path of its workbook
            nb_text = nbformat.writes(nb).replace(str(staging) + "/", "").replace(str(staging), ".")
            nb = nbformat.reads(nb_text, as_version=4)
            page = export_html(nb, title=title)
            write_text_atomic(staging / OUTPUT_FILES["html"], page)
            if pdf:
                print_pdf(staging / OUTPUT_FILES["html"], staging / OUTPUT_FILES["pdf"])
            write_text_atomic(staging / OUTPUT_FILES["ipynb"], nb_text)
            shown = {k: v for k, v in parameters.items()}
            manifest = provenance(shown, template=str(template.relative_to(ROOT)) if template.is_relative_to(ROOT)
                                  else str(template), run_date=run_date)
            manifest["outputs_sha256"] = {
                name: hashlib.sha256((staging / name).read_bytes()).hexdigest()
                for name in (OUTPUT_FILES["html"], OUTPUT_FILES["xlsx"]) if (staging / name).exists()
            }
            if parameters.get("extra_data"):
                manifest["extra_data_sha256"] = {p: hashlib.sha256(Path(p).read_bytes()).hexdigest()
                                                 for p in parameters["extra_data"]}
            manifest["title"] = title
            pages = sorted(p.relative_to(staging).as_posix() for p in (staging / PROFILE_DIR).glob("*.html"))
            if pages:
                manifest["profiles"] = pages
            manifest["note"] = "outputs_sha256 of laporan.html changes with run_date only"
            write_text_atomic(staging / OUTPUT_FILES["manifest"],
                              json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
            for f in staging.rglob("*"):  # mkstemp/mkdtemp create private files; reports are for reading
                f.chmod(_pub.dir_mode() if f.is_dir() else file_mode())
            staging.chmod(_pub.dir_mode())
            _publish(staging, final)
            files = {k: str(final / v) for k, v in OUTPUT_FILES.items() if (final / v).exists()}
            return RenderResult(key, title, True, time.perf_counter() - t0, str(final), files)
    except Exception as exc:  # one report failing must not stop the batch
        if not isinstance(exc, _pub.PublishError):
            _remove_stale(final)
        detail = traceback.format_exc(limit=3)
        error = _pub.describe_error(exc) if isinstance(exc, OSError) else _first_line(str(exc))
        return RenderResult(key, title, False, time.perf_counter() - t0,
                            error=error or type(exc).__name__, detail=detail)


def _province_key(code: str) -> str:
    return code[:2]


def render_province(province: str | int, *, start_year: int = 2013, end_year: int | None = None,
                    reference: str = "published", excluded_sectors: Iterable[str] = (),
                    population_source: str | None = None, out_root: Path = REPORTS,
                    timeout: int = CELL_TIMEOUT, template: Path = PROVINCE_TEMPLATE,
                    extra_data: Iterable[str | Path] = (), pdf: bool = False,
                    run_date: str | None = None) -> RenderResult:
    """Render the report of one province into ``out_root/<kode>/``; never raises for a bad run.

    ``pdf``: also print ``laporan.pdf`` with headless Chromium (:func:`print_pdf`; check
    :func:`find_chromium` first: without Chromium the render fails with that reason).

    ``extra_data``: files of the region's own figures (``--add``), passed to the template as the
    papermill parameter ``extra_data``; the manifest holds their sha256 (``extra_data_sha256``).

    ``run_date``: the run's date (ISO 8601), default now; two renders with the same run date write
    the same bytes.

    Every argument is checked before any kernel starts, and a bad one raises (the last good report
    stays): ``ValueError`` from :func:`potensi.study.spec.make_study` (unknown province, sector,
    reference, population source, a window without data, a missing ``extra_data`` file),
    ``PermissionError`` for ``out_root`` under ``data/raw/``, and
    :class:`potensi.report.publish.PublishError` for an ``out_root`` that is a file (or under one)
    or a ``<kode>`` folder there that potensi did not write.
    """
    from potensi.data.regions import province_code, region_name

    code = province_code(province)
    from potensi.data.population import POPULATION_SOURCES
    from potensi.study.province import province_study

    out_root = _pub.resolve_out(out_root)
    _pub.check_replaceable(out_root / _province_key(code))
    if population_source is not None and population_source not in POPULATION_SOURCES:
        raise ValueError(f"render_province: argument population_source={population_source!r} unknown; "
                         f"expected one of {sorted(POPULATION_SOURCES)}")
    # the same Study the notebook builds: added files count for the window, population default chosen
    study = province_study(code, start_year=start_year, end_year=end_year, reference=reference,
                           excluded_sectors=excluded_sectors, population_source=population_source,
                           extra_data=extra_data)
    start_year, end_year = study.requested_years
    params = {
        "province_code": _province_key(code),
        "start_year": int(start_year),
        "end_year": int(end_year),
        "reference": str(reference),
        "excluded_sectors": list(study.excluded_sectors),
        "population_source": str(study.population_source),
        "extra_data": [str(p) for p in study.extra_data],
    }
    start, end = study.start_year, study.end_year  # the title names the years the report covers
    title = REPORT_TITLES["province"].format(name=region_name(code), start=start, end=end)
    return _render(_province_key(code), title, Path(template), params, out_root, timeout, pdf=pdf,
                   run_date=run_date)


def render_national(*, start_year: int = 2013, end_year: int | None = None, excluded_sectors: Iterable[str] = (),
                    out_root: Path = REPORTS, timeout: int = CELL_TIMEOUT,
                    template: Path = NATIONAL_TEMPLATE, run_date: str | None = None) -> RenderResult:
    """Render the national summary (all provinces against Indonesia) into ``out_root/nasional/``.

    Arguments are checked before a kernel starts, as in :func:`render_province`.
    """
    from potensi.study.spec import check_sectors, check_years

    out_root = _pub.resolve_out(out_root)
    _pub.check_replaceable(out_root / NATIONAL_DIR)
    excluded = check_sectors(excluded_sectors, func="render_national")
    if end_year is None:  # the latest year of Indonesia's 17 sectors
        from potensi.data.store import current_boundaries, load_table

        pdrb = current_boundaries(load_table("pdrb"))
        end_year = int(pdrb.loc[pdrb["region_code"] == NATIONAL_CODE, "year"].max())
    start_year, end_year = check_years(start_year, end_year, func="render_national")
    params = {"start_year": int(start_year), "end_year": int(end_year), "excluded_sectors": list(excluded)}
    title = REPORT_TITLES["national"].format(start=start_year, end=end_year)
    return _render(NATIONAL_DIR, title, Path(template), params, out_root, timeout, run_date=run_date)
