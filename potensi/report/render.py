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
* everything is produced in a staging folder and published by renaming the folder: a failed
  run removes the previous report of that province (no stale report) and never leaves a
  half-written one;
* the HTML hides code and embeds every figure; no script, style sheet or font is loaded from
  the network (checked by :func:`external_urls` before publishing).
"""

from __future__ import annotations

import concurrent.futures as cf
import json
import multiprocessing
import re
import shutil
import sys
import tempfile
import time
import tomllib
import traceback
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path

from potensi.core.atomic import write_text_atomic
from potensi.core.paths import NOTEBOOKS, REPORTS, ROOT
from potensi.report.printing import add_toc, find_chromium, print_pdf, toc_html

__all__ = [
    "KERNEL",
    "PROVINCE_TEMPLATE",
    "NATIONAL_TEMPLATE",
    "RenderResult",
    "BatchConfig",
    "ReportError",
    "check_parameters",
    "export_html",
    "find_chromium",
    "print_pdf",
    "add_toc",
    "toc_html",
    "external_urls",
    "load_config",
    "render_notebook",
    "render_province",
    "render_national",
    "render_batch",
    "write_index",
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


def export_html(notebook, *, title: str) -> str:
    """Self-contained HTML of an executed notebook: code hidden, figures embedded, no CDN."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", extra_template_paths=[str(TEMPLATES)],
                            exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                            embed_images=True)
    exporter.template_file = "report.html.j2"
    notebook.metadata["title"] = title
    from potensi.report.profiles import PRINT_CSS

    body, _resources = exporter.from_notebook_node(notebook, resources={"potensi_print_css": PRINT_CSS})
    body = body.replace('<html lang="en">', '<html lang="id">')
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


def render_notebook(template: Path, output: Path, parameters: Mapping[str, object], *,
                    timeout: int = CELL_TIMEOUT, kernel: str = KERNEL, cwd: Path = NOTEBOOKS):
    """Execute ``template`` into ``output`` with papermill; retry a kernel that fails to start."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    check_parameters(template, parameters)
    for attempt in range(1, KERNEL_START_ATTEMPTS + 1):
        try:
            return papermill.execute_notebook(
                str(template), str(output), parameters=dict(parameters), kernel_name=kernel,
                cwd=str(cwd), execution_timeout=timeout, progress_bar=False, log_output=False,
                request_save_on_cell_execute=False,
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
    """Swap ``staging`` in as ``final`` (two renames in the same folder)."""
    old = None
    if final.exists():
        old = final.with_name(f".old-{final.name}-{staging.name}")
        final.rename(old)
    staging.rename(final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _remove_stale(final: Path) -> None:
    """A failed run leaves no report from an earlier run under the province's name."""
    if final.exists():
        shutil.rmtree(final, ignore_errors=True)


def _render(key: str, title: str, template: Path, parameters: dict[str, object], out_root: Path,
            timeout: int, workbook_param: str = "workbook", pdf: bool = False) -> RenderResult:
    from potensi.study.provenance import provenance

    t0 = time.perf_counter()
    out_root.mkdir(parents=True, exist_ok=True)
    final = out_root / key
    staging = Path(tempfile.mkdtemp(prefix=f".staging-{key}-", dir=out_root))
    try:
        params = {**parameters, workbook_param: str(staging / OUTPUT_FILES["xlsx"])}
        if PROFILES_PARAM in template_parameters(template):  # kab/kota pages from the same study
            params[PROFILES_PARAM] = str(staging)
        nb = render_notebook(template, staging / OUTPUT_FILES["ipynb"], params, timeout=timeout)
        errors = _errors_in(nb)
        if errors:
            raise ReportError(f"error output in notebook: {errors[0]}")
        page = export_html(nb, title=title)
        write_text_atomic(staging / OUTPUT_FILES["html"], page)
        if pdf:
            print_pdf(staging / OUTPUT_FILES["html"], staging / OUTPUT_FILES["pdf"])
        # the executed notebook must not point at the staging path of its workbook
        nb_text = (staging / OUTPUT_FILES["ipynb"]).read_text(encoding="utf-8")
        write_text_atomic(staging / OUTPUT_FILES["ipynb"],
                          nb_text.replace(str(staging) + "/", "").replace(str(staging), "."))
        import hashlib

        shown = {k: v for k, v in parameters.items()}
        manifest = provenance(shown, template=str(template.relative_to(ROOT)) if template.is_relative_to(ROOT)
                              else str(template))
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
        write_text_atomic(staging / OUTPUT_FILES["manifest"], json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
        for f in staging.rglob("*"):  # mkstemp/mkdtemp create private files; reports are for reading
            f.chmod(0o755 if f.is_dir() else 0o644)
        staging.chmod(0o755)
        _publish(staging, final)
        files = {k: str(final / v) for k, v in OUTPUT_FILES.items() if (final / v).exists()}
        return RenderResult(key, title, True, time.perf_counter() - t0, str(final), files)
    except Exception as exc:  # one report failing must not stop the batch
        _remove_stale(final)
        detail = traceback.format_exc(limit=3)
        return RenderResult(key, title, False, time.perf_counter() - t0, error=_first_line(str(exc)) or type(exc).__name__,
                            detail=detail)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _province_key(code: str) -> str:
    return code[:2]


def render_province(province: str | int, *, start_year: int = 2013, end_year: int | None = None,
                    reference: str = "published", excluded_sectors: Iterable[str] = (),
                    population_source: str | None = None, out_root: Path = REPORTS,
                    timeout: int = CELL_TIMEOUT, template: Path = PROVINCE_TEMPLATE,
                    extra_data: Iterable[str | Path] = (), pdf: bool = False) -> RenderResult:
    """Render the report of one province into ``out_root/<kode>/``; never raises for a bad run.

    ``pdf``: also print ``laporan.pdf`` with headless Chromium (:func:`print_pdf`; check
    :func:`find_chromium` first: without Chromium the render fails with that reason).

    ``extra_data``: files of the region's own figures (``--add``), passed to the template as the
    papermill parameter ``extra_data``; the manifest holds their sha256 (``extra_data_sha256``).

    An unknown province code is refused before any kernel starts (``ValueError`` listing the
    valid codes).
    """
    from potensi.data.regions import province_code, region_name

    code = province_code(province)
    from potensi.core.codes import DEFAULT_PRICE_BASIS as PRICE_BASIS
    from potensi.data.population import covering_source
    from potensi.data.store import latest_year, province_pdrb
    from potensi.study.province import analysis_window

    embedded = province_pdrb(code, price_basis=PRICE_BASIS)
    if extra_data:  # the years of the added files count for the default window and the title
        from potensi.data.intake import apply_additions

        embedded = apply_additions(embedded, list(extra_data), price_basis=PRICE_BASIS)[0]
    if end_year is None:  # the latest year with kab/kota data, else the province's (from the data)
        end_year = latest_year(embedded, code)
    if population_source is None:
        population_source = covering_source(int(start_year), int(end_year))
    params = {
        "province_code": _province_key(code),
        "start_year": int(start_year),
        "end_year": int(end_year),
        "reference": str(reference),
        "excluded_sectors": list(excluded_sectors),
        "population_source": str(population_source),
        "extra_data": [str(Path(p).resolve()) for p in extra_data],
    }
    try:  # the title names the years the report actually covers
        start, end, _ = analysis_window(embedded, code,
                                        int(start_year), int(end_year))
    except ValueError:  # no usable data: the render below fails and reports why, removing any old report
        start, end = start_year, end_year
    title = f"Potensi Ekonomi {region_name(code)} {start}–{end}"
    return _render(_province_key(code), title, Path(template), params, Path(out_root), timeout, pdf=pdf)


def render_national(*, start_year: int = 2013, end_year: int | None = None, excluded_sectors: Iterable[str] = (),
                    out_root: Path = REPORTS, timeout: int = CELL_TIMEOUT,
                    template: Path = NATIONAL_TEMPLATE) -> RenderResult:
    """Render the national summary (all provinces against Indonesia) into ``out_root/nasional/``."""
    if end_year is None:  # the latest year of Indonesia's 17 sectors
        from potensi.data.store import current_boundaries, load_table

        pdrb = current_boundaries(load_table("pdrb"))
        end_year = int(pdrb.loc[pdrb["region_code"] == "0000", "year"].max())
    params = {"start_year": int(start_year), "end_year": int(end_year), "excluded_sectors": list(excluded_sectors)}
    title = f"Ringkasan Nasional: Provinsi terhadap Indonesia {start_year}–{end_year}"
    return _render(NATIONAL_DIR, title, Path(template), params, Path(out_root), timeout)


# --------------------------------------------------------------------------------------------
# batch
# --------------------------------------------------------------------------------------------
@dataclass
class BatchConfig:
    """What ``potensi batch`` renders (``config/batch.toml``)."""

    provinces: list[str] | str = "all"
    start_year: int = 2013
    end_year: int | None = None  # None: each province's latest year with data
    reference: str = "published"
    excluded_sectors: list[str] = field(default_factory=list)
    population_source: str | None = None  # None: the source covering the end year
    national: bool = True
    add: list[str] = field(default_factory=list)  # files of the regions' own figures (--add), for every province
    jobs: int = 2
    timeout: int = CELL_TIMEOUT

    def province_codes(self) -> list[str]:
        from potensi.data.regions import province_code
        from potensi.study.province import provinces_with_data

        if self.provinces == "all":
            return provinces_with_data()
        if isinstance(self.provinces, str):
            raise ValueError(f"batch config: provinces = {self.provinces!r}; expected \"all\" or a list of codes")
        return [province_code(str(p)) for p in self.provinces]


def load_config(path: str | Path | None = None) -> BatchConfig:
    """Read a batch config (TOML); unknown keys are refused with the list of known ones."""
    path = Path(path) if path else DEFAULT_CONFIG
    if not path.exists():
        if path == DEFAULT_CONFIG:
            return BatchConfig()
        raise FileNotFoundError(f"batch config {path} not found")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    known = set(BatchConfig.__dataclass_fields__)
    unknown = sorted(set(data) - known)
    if unknown:
        raise ValueError(f"batch config {path}: unknown key(s) {unknown}; known: {sorted(known)}")
    return BatchConfig(**data)


def _job(kind: str, kwargs: dict) -> RenderResult:
    """Worker entry point (top level so that it pickles)."""
    try:
        if kind == "national":
            return render_national(**kwargs)
        return render_province(**kwargs)
    except Exception as exc:  # e.g. a bad code in the config: reported, not raised
        key = str(kwargs.get("province", NATIONAL_DIR))
        return RenderResult(key, key, False, 0.0, error=_first_line(str(exc)) or type(exc).__name__,
                            detail=traceback.format_exc(limit=3))


def render_batch(config: BatchConfig, *, out_root: Path = REPORTS, jobs: int | None = None,
                 progress: bool = True, template: Path = PROVINCE_TEMPLATE) -> list[RenderResult]:
    """Render the configured provinces (and the national summary) with ``jobs`` worker processes.

    Failures are collected, not raised; ``reports/index.html`` lists every report and failure.
    """
    from tqdm import tqdm

    jobs = max(1, int(jobs or config.jobs))
    tasks: list[tuple[str, dict]] = []
    if config.national:
        tasks.append(("national", {"start_year": config.start_year, "end_year": config.end_year,
                                   "excluded_sectors": list(config.excluded_sectors), "out_root": out_root,
                                   "timeout": config.timeout}))
    for code in config.province_codes():
        tasks.append(("province", {"province": code, "start_year": config.start_year, "end_year": config.end_year,
                                   "reference": config.reference, "excluded_sectors": list(config.excluded_sectors),
                                   "population_source": config.population_source, "out_root": out_root,
                                   "timeout": config.timeout, "template": template,
                                   "extra_data": list(config.add)}))
    results: list[RenderResult] = []
    bar = tqdm(total=len(tasks), desc="laporan", unit="laporan", disable=not progress, file=sys.stderr)
    ctx = multiprocessing.get_context("spawn")
    with cf.ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
        futures = {pool.submit(_job, kind, kw): (kind, kw) for kind, kw in tasks}
        for fut in cf.as_completed(futures):
            kind, kw = futures[fut]
            try:
                res = fut.result()
            except Exception as exc:  # a worker that died (killed, out of memory)
                key = NATIONAL_DIR if kind == "national" else str(kw["province"])[:2]
                res = RenderResult(key, key, False, 0.0, error=f"worker failed: {_first_line(str(exc)) or type(exc).__name__}")
            results.append(res)
            bar.set_postfix_str(f"{res.key} {'ok' if res.ok else 'GAGAL'}")
            bar.update()
    bar.close()
    order = {(NATIONAL_DIR if k == "national" else str(kw["province"])[:2]): i for i, (k, kw) in enumerate(tasks)}
    results.sort(key=lambda r: order.get(r.key, len(order)))
    write_index(results, out_root=out_root)
    return results


def summary(results: list[RenderResult]) -> str:
    """A plain-text table of the results (for the end of ``potensi batch``)."""
    ok = [r for r in results if r.ok]
    lines = [f"{'laporan':<10} {'status':<7} {'detik':>7}  keterangan"]
    for r in results:
        lines.append(f"{r.key:<10} {'ok' if r.ok else 'GAGAL':<7} {r.seconds:7.1f}  "
                     f"{(r.files.get('html', '') if r.ok else r.error)[:150]}")
    lines.append(f"{len(ok)} dari {len(results)} laporan berhasil; {len(results) - len(ok)} gagal.")
    return "\n".join(lines)


def write_index(results: list[RenderResult], *, out_root: Path = REPORTS) -> Path:
    """``reports/index.html``: the national summary first, then every province (or its failure)."""
    from potensi.study.provenance import provenance

    prov = provenance({})
    results = list(results)
    # reports rendered by earlier runs (e.g. `potensi report --province 64`) stay listed
    done = {r.key for r in results}
    for folder in sorted(p for p in Path(out_root).iterdir() if p.is_dir() and not p.name.startswith(".")):
        manifest = folder / OUTPUT_FILES["manifest"]
        if folder.name not in done and manifest.exists() and (folder / OUTPUT_FILES["html"]).exists():
            title = json.loads(manifest.read_text(encoding="utf-8")).get("title", folder.name)
            results.append(RenderResult(folder.name, title, True, 0.0, str(folder)))
    results.sort(key=lambda r: (r.key != NATIONAL_DIR, r.key))
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    from potensi.data.regions import region_catalog

    cat = region_catalog()
    names = dict(zip(cat["region_code"], cat["region_name"]))
    rows, n_profiles = [], 0
    for r in results:
        row = {"key": r.key, "title": r.title, "ok": r.ok, "error": r.error,
               "search": f"{r.key} {r.title}".lower(), "kabkota": []}
        if r.ok:
            row |= {"href": f"{r.key}/{OUTPUT_FILES['html']}", "xlsx": f"{r.key}/{OUTPUT_FILES['xlsx']}",
                    "ipynb": f"{r.key}/{OUTPUT_FILES['ipynb']}", "manifest": f"{r.key}/{OUTPUT_FILES['manifest']}"}
            for page in sorted((Path(out_root) / r.key / PROFILE_DIR).glob("*.html")):
                name = names.get(page.stem, page.stem)
                row["kabkota"].append({"href": f"{r.key}/{PROFILE_DIR}/{page.name}", "name": name,
                                       "search": f"{page.stem} {name}".lower()})
            n_profiles += len(row["kabkota"])
        rows.append(row)
    map_uri, map_note, map_alt = _index_map()
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html", "j2"]))
    n_reports = sum(1 for r in results if r.ok and r.key != NATIONAL_DIR)
    page = env.get_template("index.html.j2").render(
        version=prov["version"], commit=str(prov["git_commit"])[:12], run_date=prov["run_date"], rows=rows,
        map_uri=map_uri, map_note=map_note, map_alt=map_alt,
        counts=f"{n_reports} laporan provinsi, {n_profiles} profil kab/kota.")
    found = external_urls(page)
    if found:
        raise ReportError(f"index.html would load from the network: {found[:3]}")
    return write_text_atomic(Path(out_root) / "index.html", page)


def _index_map() -> tuple[str, str, str]:
    """The province map of the index: mean growth of each province's PDRB (Σ 17 lapangan usaha,
    ADHK 2010) from 2013 to Indonesia's latest year, as a PNG data URI; ``(uri, note, alt)``."""
    from potensi.core.wording import MAPS

    try:
        from potensi.data.boundaries import read_province_boundaries
        from potensi.data.regions import region_catalog
        from potensi.data.store import current_boundaries, load_table
        from potensi.report import maps
        from potensi.report.profiles import figure_uri

        pdrb = current_boundaries(load_table("pdrb"))
        pdrb = pdrb[pdrb["price_basis"] == "ADHK2010"]
        start, end = 2013, int(pdrb.loc[pdrb["region_code"] == "0000", "year"].max())
        cat = region_catalog()
        provs = set(cat.loc[cat["level"] == "provinsi", "region_code"])
        d = pdrb[pdrb["region_code"].isin(provs) & pdrb["year"].isin([start, end])]
        tot = d.groupby(["region_code", "year"])["value"].sum(min_count=17).unstack()
        growth = 100 * ((tot[end] / tot[start]) ** (1 / (end - start)) - 1)
        values = growth.rename("growth").reset_index()
        title, legend = MAPS["national"]
        title = title.format(start=start, end=end)
        fig = maps.province_map(read_province_boundaries(), values, column="growth", title=title, legend=legend)
        return figure_uri(fig), "", f"Peta provinsi: {title} ({legend})"
    except (OSError, ValueError, KeyError) as exc:  # the list of reports matters more than the map
        return "", f"Peta provinsi tidak tersedia: {_first_line(str(exc))}", ""


def results_json(results: list[RenderResult]) -> str:
    return json.dumps([asdict(r) for r in results], indent=2, ensure_ascii=False)
