"""The batch runner: every province with data, the national summary and the index page.

Reports are rendered in parallel worker processes; a failing province is reported and the
others still render; the index links every report and kab/kota profile.
"""

from __future__ import annotations

import concurrent.futures as cf
import json
import multiprocessing
import sys
import tomllib
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path

from potensi.core.atomic import write_text_atomic
from potensi.core.paths import REPORTS
from potensi.report.render import (
    CELL_TIMEOUT,
    DEFAULT_CONFIG,
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

__all__ = ["BatchConfig", "load_config", "render_batch", "summary", "write_index", "results_json"]


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
