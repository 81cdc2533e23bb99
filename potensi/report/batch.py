"""The batch runner: every province with data, the national summary and the index page.

Reports are rendered by ``jobs`` warm Jupyter kernels (at most one per core,
:mod:`potensi.report.kernel`), each driven by a thread of the batch process that runs report
after report in it through papermill, so the executed notebook of each report still records its
injected parameters. A failing report is reported, its kernel is replaced, and the others still
render; the index links every report and kab/kota profile. The data are read once by the batch
(to check every argument) and once by each kernel; no worker process holds a third copy.

The kernels are launched once every argument is checked and before the batch imports papermill
(:mod:`potensi.report.kernel_start`), so that they boot while it does. Kernels die with the
batch: a kernel exits within a second of its parent (ipykernel's parent poller,
``JPY_PARENT_PID``), so a killed batch leaves no process behind.

``jobs``: at least 1 (0 or less is refused: exit 2 from the command line, ``ValueError`` from
:func:`render_batch`), at most the cores this process may use and the number of reports; more
is clamped with a note (``--jobs 1000`` starts 2 kernels on 2 cores).
"""

from __future__ import annotations

import concurrent.futures as cf
import json
import os
import re
import sys
import tomllib
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from potensi.core.codes import NATIONAL_CODE
from potensi.core.paths import REPORTS, ROOT
from potensi.core.wording import INDEX
from potensi.report.render import (
    CELL_TIMEOUT,
    DEFAULT_CONFIG,
    KERNEL,
    NATIONAL_DIR,
    OUTPUT_FILES,
    PROFILE_DIR,
    PROVINCE_TEMPLATE,
    TEMPLATES,
    RenderResult,
    ReportError,
    _first_line,
    external_urls,
    render_national,
    render_province,
)

__all__ = ["BatchConfig", "ConfigError", "load_config", "worker_count", "render_batch", "summary", "write_index",
           "results_json"]

# --------------------------------------------------------------------------------------------
# config
# --------------------------------------------------------------------------------------------
class ConfigError(ValueError):
    """A batch config that cannot be used; the message names the file and the key."""


def _show(value: object) -> str:
    """A value as a user wrote it: text quoted, numbers plain (``-5.0``, never ``np.float64(-5.0)``)."""
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    return str(value)


_YEARS = range(1900, 2101)


@dataclass
class BatchConfig:
    """What ``potensi batch`` renders (``config/batch.toml``); :meth:`check` validates it."""

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

    def check(self, source: str = "batch config") -> BatchConfig:
        """Refuse a value of the wrong kind or outside its options (:class:`ConfigError` naming
        ``source`` and the key); province codes are checked one by one when the batch runs, so
        that one bad code does not stop the others. Returns ``self``."""
        from potensi.core.codes import REFERENCE_MODES
        from potensi.data.population import POPULATION_SOURCES
        from potensi.data.sectors import SECTOR_CODES

        def bad(key: str, expected: str, value: object) -> ConfigError:
            return ConfigError(f"{source}: key {key!r}: expected {expected}, got {_show(value)}")

        def integer(value: object) -> bool:
            return isinstance(value, int) and not isinstance(value, bool)

        p = self.provinces
        if isinstance(p, str) and p != "all" or not isinstance(p, (str, list, tuple)) or (
                not isinstance(p, str) and not all(isinstance(c, str) or integer(c) for c in p)):
            raise bad("provinces", '"all" or a list of province codes (e.g. ["64", "61"])', p)
        for key in ("start_year", "end_year"):
            value = getattr(self, key)
            if key == "end_year" and value is None:
                continue
            if not integer(value) or value not in _YEARS:
                raise bad(key, "an integer year", value)
        if self.end_year is not None and self.end_year <= self.start_year:
            raise ConfigError(f"{source}: key 'end_year': {self.end_year} is not after start_year {self.start_year}")
        if self.reference not in REFERENCE_MODES:
            raise bad("reference", f"one of {list(REFERENCE_MODES)}", self.reference)
        sectors = self.excluded_sectors
        if not isinstance(sectors, (list, tuple)) or not all(isinstance(c, str) for c in sectors):
            raise bad("excluded_sectors", "a list of sector codes (e.g. [\"B\"])", sectors)
        unknown = [c for c in sectors if c not in SECTOR_CODES]
        if unknown:
            raise ConfigError(f"{source}: key 'excluded_sectors': unknown sector code(s) {unknown}; "
                              f"expected codes among {list(SECTOR_CODES)}")
        if self.population_source is not None and self.population_source not in POPULATION_SOURCES:
            raise bad("population_source", f"one of {sorted(POPULATION_SOURCES)}", self.population_source)
        if not isinstance(self.national, bool):
            raise bad("national", "true or false", self.national)
        if not isinstance(self.add, (list, tuple)) or not all(isinstance(f, str) for f in self.add):
            raise bad("add", "a list of file paths", self.add)
        for item in self.add:
            if not Path(item).expanduser().is_file():
                raise ConfigError(f"{source}: key 'add': {item!r} is not a readable file")
        if not integer(self.jobs) or self.jobs < 1:
            raise bad("jobs", "a number of worker processes >= 1", self.jobs)
        if not integer(self.timeout) or self.timeout < 1:
            raise bad("timeout", "a number of seconds >= 1", self.timeout)
        return self

    def province_codes(self) -> list[str]:
        """The configured province codes (``"6400"``); raises for the first unknown code."""
        codes, errors = self.resolve_provinces()
        if errors:
            raise ValueError(errors[0][1])
        return codes

    def resolve_provinces(self, source: str = "batch config") -> tuple[list[str], list[tuple[str, str]]]:
        """``(codes, errors)``: the known province codes in the configured order (duplicates
        dropped) and, for each unknown one, ``(as written, message naming source and key)``."""
        from potensi.data.regions import province_code, provinces
        from potensi.study.province import provinces_with_data

        if self.provinces == "all":
            return provinces_with_data(), []
        valid = " ".join(c[:2] for c in provinces()["region_code"])
        codes, errors = [], []
        for item in self.provinces:
            try:
                code = province_code(str(item))
            except ValueError:
                errors.append((str(item), f"{source}: key 'provinces': unknown province code {_show(item)}; "
                                          f"valid codes: {valid}"))
                continue
            if code not in codes:
                codes.append(code)
        return codes, errors


def _shown_path(path: Path) -> str:
    """``config/batch.toml`` (relative to the working directory, else the repository, else absolute)."""
    path = Path(path).absolute()
    for base in (Path.cwd(), ROOT):
        if path.is_relative_to(base):
            return str(path.relative_to(base))
    return str(path)


def load_config(path: str | Path | None = None) -> BatchConfig:
    """Read and check a batch config (TOML); every error names the file and the key
    (``config/batch.toml: key 'end_year': expected an integer year, got 'abc'``)."""
    path = Path(path) if path else DEFAULT_CONFIG
    shown = _shown_path(path)
    if not path.exists():
        if path == DEFAULT_CONFIG:
            return BatchConfig()
        raise ConfigError(f"{shown}: batch config not found")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{shown}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{shown}: not valid TOML: {exc}") from None
    except IsADirectoryError:
        raise ConfigError(f"{shown}: is a folder, not a batch config") from None
    known = set(BatchConfig.__dataclass_fields__)
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(f"{shown}: unknown key(s) {unknown}; known: {sorted(known)}")
    return BatchConfig(**data).check(shown)


# --------------------------------------------------------------------------------------------
# workers
# --------------------------------------------------------------------------------------------
def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def worker_count(requested: object, tasks: int) -> tuple[int, str]:
    """``(workers, note)``: ``requested`` clamped to the cores and to the number of ``tasks``;
    the note (empty if none) says when fewer workers than requested run because of the cores.

    ``ValueError`` for fewer than 1 (``--jobs 0`` is refused, not taken to mean a default).
    """
    if not isinstance(requested, int) or isinstance(requested, bool) or requested < 1:
        raise ValueError(f"render_batch: argument jobs={_show(requested)}: expected a number of worker processes >= 1")
    cores = _cores()
    note = (f"--jobs {requested}: this machine has {cores} core(s) available; running {cores} worker(s)"
            if requested > cores else "")
    return max(1, min(requested, cores, tasks)), note


def _job(kind: str, kwargs: dict) -> RenderResult:
    """One report (run by a thread of :func:`render_batch`); a failure is returned, not raised."""
    try:
        if kind == "national":
            return render_national(**kwargs)
        return render_province(**kwargs)
    except Exception as exc:  # noqa: BLE001 - e.g. no usable data for the window: reported, not raised
        key = NATIONAL_DIR if kind == "national" else str(kwargs.get("province", ""))[:2]
        return RenderResult(key, key, False, 0.0, error=_plain(_first_line(str(exc))) or type(exc).__name__,
                            detail=traceback.format_exc(limit=3))


_NUMPY_SCALAR = re.compile(r"\bnp\.(?:float|int|uint|bool|complex|str)\w*\((.*?)\)")


def _plain(text: str) -> str:
    """``np.float64(-5.0)`` → ``-5.0`` in a failure line (numpy 2 reprs of numbers)."""
    return _NUMPY_SCALAR.sub(r"\1", text)


def _weight(code: str) -> int:
    """Rough cost of a province's report (its kab/kota count): the largest are started first."""
    from potensi.data.regions import members

    try:
        return len(members(code))
    except (ValueError, KeyError):
        return 0


def _run_threads(tasks: list[tuple[str, dict]], workers: int, results: list[RenderResult], bar) -> None:
    """Render ``tasks`` on ``workers`` threads of this process, each with its warm kernel.

    The kernels do the work (one process each); a thread only drives its kernel and exports the
    page, so threads need no second copy of the data (worker processes did: ~0.4 GB each).
    papermill changes into the notebooks' folder around every report and back; from several
    threads those changes would interleave, so the process sits in that folder for the whole run
    (every path is absolute by then) and returns to where it was after. Ctrl-C or a failure of
    the batch stops every kernel, which ends the running reports at once.
    """
    from potensi.core.paths import NOTEBOOKS
    from potensi.report.kernel_start import start_kernels

    # every argument is checked by now: the kernels boot while this process imports papermill
    started = start_kernels(workers, kernel_name=KERNEL, cwd=NOTEBOOKS)
    from potensi.report import kernel

    here = os.getcwd()
    os.chdir(NOTEBOOKS)
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="potensi-laporan")
    try:
        with kernel.warm_kernels():
            kernel.adopt(started, kernel_name=KERNEL, cwd=os.getcwd())
            futures = {pool.submit(_job, kind, kw): (kind, kw) for kind, kw in tasks}
            for fut in cf.as_completed(futures):
                kind, kw = futures[fut]
                try:
                    res = fut.result()
                except Exception as exc:  # noqa: BLE001 - e.g. a kernel that died (killed, out of memory)
                    key = NATIONAL_DIR if kind == "national" else str(kw["province"])[:2]
                    res = RenderResult(key, key, False, 0.0,
                                       error=f"worker failed: {_first_line(str(exc)) or type(exc).__name__}")
                res.error = _plain(res.error)
                results.append(res)
                kernel.release_memory()  # the finished report's notebook and page are garbage now
                bar.set_postfix_str(f"{res.key} {'ok' if res.ok else 'GAGAL'}")
                bar.update()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        os.chdir(here)


def render_batch(config: BatchConfig, *, out_root: Path = REPORTS, jobs: int | None = None,
                 progress: bool = True, template: Path = PROVINCE_TEMPLATE,
                 source: str = "batch config") -> list[RenderResult]:
    """Render the configured provinces (and the national summary) with ``jobs`` warm kernels driven
    from as many threads (default ``config.jobs``; clamped as :func:`worker_count` says, the note on
    stderr).

    Failures are collected, not raised: an unknown province code in the config is one failed
    result (``source`` names the config in its message) and the other provinces still render;
    ``reports/index.html`` lists every report and failure.
    """
    from tqdm import tqdm

    from potensi.study.provenance import run_date_now

    config.check(source)
    run_date = run_date_now()  # one date for every report, workbook, profile and manifest of the batch
    # every path absolute before the reports run (they run from the notebooks' folder)
    out_root, template = Path(out_root).expanduser().absolute(), Path(template).expanduser().absolute()
    added = [str(Path(p).expanduser().absolute()) for p in config.add]
    requested = config.jobs if jobs is None else jobs
    codes, bad_codes = config.resolve_provinces(source)
    results = [RenderResult(code, code, False, 0.0, error=msg) for code, msg in bad_codes]
    tasks: list[tuple[str, dict]] = []
    if config.national:
        tasks.append(("national", {"start_year": config.start_year, "end_year": config.end_year,
                                   "excluded_sectors": list(config.excluded_sectors), "out_root": out_root,
                                   "timeout": config.timeout, "run_date": run_date}))
    weight = {code: _weight(code) for code in codes}
    for code in sorted(codes, key=lambda c: -weight[c]):  # longest first: the last report to finish is short
        tasks.append(("province", {"province": code, "start_year": config.start_year, "end_year": config.end_year,
                                   "reference": config.reference, "excluded_sectors": list(config.excluded_sectors),
                                   "population_source": config.population_source, "out_root": out_root,
                                   "timeout": config.timeout, "template": template,
                                   "extra_data": added, "run_date": run_date}))
    workers, note = worker_count(requested, len(tasks))
    if note:
        print(f"potensi: note: {note}", file=sys.stderr)
    bar = tqdm(total=len(tasks), desc="laporan", unit="laporan", disable=not progress, file=sys.stderr)
    if tasks:
        _run_threads(tasks, workers, results, bar)
    bar.close()
    order = {NATIONAL_DIR: -1} | {code[:2]: i for i, code in enumerate(
        str(c) for c in (config.provinces if config.provinces != "all" else codes))}
    results.sort(key=lambda r: (order.get(r.key, len(order)), r.key))
    _write_index_or_warn(results, out_root)
    return results


def summary(results: list[RenderResult]) -> str:
    """A plain-text table of the results (for the end of ``potensi batch``)."""
    ok = [r for r in results if r.ok]
    head = INDEX["summary_head"]
    lines = [f"{head[0]:<10} {head[1]:<7} {head[2]:>7}  {head[3]}"]
    for r in results:
        lines.append(f"{r.key:<10} {'ok' if r.ok else INDEX['failed']:<7} {r.seconds:7.1f}  "
                     f"{(r.files.get('html', '') if r.ok else _plain(r.error))[:150]}")
    lines.append(INDEX["summary_total"].format(ok=len(ok), n=len(results), failed=len(results) - len(ok)))
    return "\n".join(lines)


def write_index(results: list[RenderResult], *, out_root: Path = REPORTS) -> Path:
    """``reports/index.html``: the national summary first, then every province (or its failure).

    Written like every output under ``--out`` (:func:`potensi.report.publish.write_index_page`):
    atomically, under the output root's lock, only over an index potensi wrote; a user's own
    ``index.html`` raises :class:`~potensi.report.publish.PublishError` and is left as it is. The
    report folders are listed under the lock, so concurrent runs never drop each other's reports.
    """
    from potensi.report.publish import check_index_replaceable, write_index_page
    from potensi.study.provenance import provenance

    out_root = Path(out_root)
    check_index_replaceable(out_root / "index.html")  # refused before the map is drawn
    prov = provenance({})
    index_map = _index_map()  # the slow part, outside the lock
    return write_index_page(out_root, lambda: _index_page(results, out_root, prov, index_map))


def _write_index_or_warn(results: list[RenderResult], out_root: Path) -> None:
    """:func:`write_index` for the batch: a refused index (a user's own ``index.html``) is one warning
    line; the reports stand."""
    from potensi.report.publish import PublishError

    try:
        write_index(results, out_root=out_root)
    except PublishError as exc:
        print(f"potensi: warning: index not written: {exc}", file=sys.stderr)


def _index_page(results: list[RenderResult], out_root: Path, prov: dict, index_map: tuple[str, str, str]) -> str:
    """The HTML of the index (called under the root's lock by :func:`write_index`)."""
    results = list(results)
    # reports rendered by earlier runs (e.g. `potensi report --province 64`) stay listed
    done = {r.key for r in results}
    Path(out_root).mkdir(parents=True, exist_ok=True)
    for folder in sorted(p for p in Path(out_root).iterdir() if p.is_dir() and not p.name.startswith(".")):
        if folder.name in done or not (folder / OUTPUT_FILES["html"]).exists():
            continue
        try:  # a folder with an unreadable manifest is not listed; it never fails the index
            manifest = json.loads((folder / OUTPUT_FILES["manifest"]).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        title = manifest.get("title", folder.name) if isinstance(manifest, dict) else folder.name
        results.append(RenderResult(folder.name, str(title), True, 0.0, str(folder)))
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
    map_uri, map_note, map_alt = index_map
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html", "j2"]))
    n_reports = sum(1 for r in results if r.ok and r.key != NATIONAL_DIR)
    page = env.get_template("index.html.j2").render(
        version=prov["version"], commit=str(prov["git_commit"])[:12], run_date=prov["run_date"], rows=rows,
        map_uri=map_uri, map_note=map_note, map_alt=map_alt,
        counts=INDEX["counts"].format(reports=n_reports, profiles=n_profiles))
    found = external_urls(page)
    if found:
        raise ReportError(f"index.html would load from the network: {found[:3]}")
    return page


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
        start, end = 2013, int(pdrb.loc[pdrb["region_code"] == NATIONAL_CODE, "year"].max())
        cat = region_catalog()
        provs = set(cat.loc[cat["level"] == "provinsi", "region_code"])
        d = pdrb[pdrb["region_code"].isin(provs) & pdrb["year"].isin([start, end])]
        tot = d.groupby(["region_code", "year"])["value"].sum(min_count=17).unstack()
        growth = 100 * ((tot[end] / tot[start]) ** (1 / (end - start)) - 1)
        values = growth.rename("growth").reset_index()
        title, legend = MAPS["national"]
        title = title.format(start=start, end=end)
        fig = maps.province_map(read_province_boundaries(), values, column="growth", title=title, legend=legend)
        return figure_uri(fig), "", INDEX["map_alt"].format(title=title, legend=legend)
    except (OSError, ValueError, KeyError) as exc:  # the list of reports matters more than the map
        return "", INDEX["map_missing"].format(error=_first_line(str(exc))), ""


def results_json(results: list[RenderResult]) -> str:
    return json.dumps([asdict(r) for r in results], indent=2, ensure_ascii=False)
