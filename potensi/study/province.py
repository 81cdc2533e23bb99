"""One call that computes everything a report shows: :func:`analyse_province`, :func:`analyse_national`.

The report templates (``notebooks/*.ipynb``) hold no logic: they call these functions once, then
show the tables, figures (:mod:`potensi.report.figures`) and paragraphs (:mod:`potensi.report.narrative`)
of the returned object. The indicators themselves come from :mod:`potensi.study.sector_tables` (sector
indicators) and :mod:`potensi.study.regional_tables` (regional indicators); this module only selects
the data, states what is missing, and keeps the provenance of the run.
"""

from __future__ import annotations

import datetime as _dt
import json
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from potensi import __version__
from potensi.core.paths import DATA_PROCESSED, DATA_RAW, ROOT
from potensi.data.population import covering_source
from potensi.data.regions import members, province_code, provinces, region_catalog
from potensi.data.sectors import SECTOR_CODES, SECTORS
from potensi.data.store import current_boundaries, latest_year, load_table, province_pdrb
from potensi.report.formatting import angka, daftar, report_view, tabel
from potensi.study.conclusions import cooperation_tables, sector_potential_tables
from potensi.study.linkages import province_linkages
from potensi.study.regional_tables import national_tables, regional_tables
from potensi.study.sector_tables import sector_tables

__all__ = [
    "ProvinceAnalysis",
    "NationalAnalysis",
    "analyse_province",
    "analyse_national",
    "analysis_window",
    "province_indicator_tables",
    "provenance",
    "provinces_with_data",
    "REFERENCES",
]

NATIONAL = "0000"
PRICE_BASIS = "ADHK2010"
REFERENCES = ("published", "sum")
POPULATION_SOURCES = ("dukcapil", "bps")
#: First year of the default window: the first year of the kab/kota series on today's boundaries
#: (2010–2012 are printed on older boundaries for several parents; ask for them explicitly).
#: The default last year is computed from the data (:func:`potensi.data.store.latest_year`).
DEFAULT_START = 2013


# --------------------------------------------------------------------------------------------
# provenance
# --------------------------------------------------------------------------------------------
def _git_commit(root: Path = ROOT) -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True,
                              timeout=10, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                               capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "tidak diketahui (bukan checkout git)"
    return f"{head}{' (ada perubahan belum di-commit)' if dirty else ''}"


def input_hashes(processed: Path = DATA_PROCESSED, raw: Path = DATA_RAW) -> dict[str, str]:
    """SHA-256 of each raw input file, as recorded when ``data/processed/`` was built."""
    manifest = Path(processed) / "manifest.json"
    if manifest.exists():
        return dict(json.loads(manifest.read_text(encoding="utf-8")).get("inputs", {}))
    from potensi.data.build import file_sha256

    return {p.name: file_sha256(p) for p in sorted(Path(raw).glob("*.csv"))}


def provenance(parameters: Mapping[str, object], *, template: str = "") -> dict[str, object]:
    """What produced a report: package version, git commit, parameters, input hashes, run date."""
    return {
        "package": "potensi",
        "version": __version__,
        "git_commit": _git_commit(),
        "template": template,
        "parameters": dict(parameters),
        "inputs_sha256": input_hashes(),
        "run_date": _dt.datetime.now(_dt.UTC).astimezone().isoformat(timespec="seconds"),
    }


def provenance_table(prov: Mapping[str, object]) -> pd.DataFrame:
    """:func:`provenance` as a two-column table (keys in Indonesian) for the report."""
    rows = [("Paket", f"{prov['package']} {prov['version']}"), ("Commit git", prov["git_commit"]),
            ("Templat", prov.get("template", "")), ("Tanggal dijalankan", prov["run_date"])]
    rows += [(f"Parameter: {k}", json.dumps(v, ensure_ascii=False)) for k, v in dict(prov["parameters"]).items()]
    rows += [(f"SHA-256 {name}", digest) for name, digest in dict(prov["inputs_sha256"]).items()]
    return pd.DataFrame(rows, columns=["Butir", "Nilai"])


def provinces_with_data(*, price_basis: str = PRICE_BASIS) -> list[str]:
    """Province codes (``"6400"``) with at least one published 17-sector figure."""
    pdrb = load_table("pdrb")
    have = set(pdrb.loc[pdrb["price_basis"] == price_basis, "region_code"])
    return [c for c in provinces()["region_code"] if c in have]


def _check_years(func: str, start_year: int, end_year: int) -> tuple[int, int]:
    try:
        start, end = int(start_year), int(end_year)
    except (TypeError, ValueError):
        raise TypeError(f"{func}: start_year={start_year!r}, end_year={end_year!r}: years must be integers") from None
    if start >= end:
        raise ValueError(f"{func}: start_year {start} must be before end_year {end}")
    return start, end


def _check_sectors(func: str, excluded: Iterable[str]) -> tuple[str, ...]:
    if isinstance(excluded, str):
        excluded = [excluded] if excluded else []
    out = tuple(str(s) for s in excluded)
    bad = sorted(set(out) - set(SECTOR_CODES))
    if bad:
        raise ValueError(f"{func}: excluded_sectors {bad} unknown; valid sector codes: {list(SECTOR_CODES)}")
    return out


def _annual_totals(pdrb: pd.DataFrame) -> pd.DataFrame:
    """Σ 17 sectors per region and year (miliar rupiah, ADHK 2010) with year-on-year growth."""
    key = ["region_code", "region_name", "level", "year"]
    tot = (pdrb.groupby(key, observed=True, as_index=False)
           .agg(value=("value", lambda s: s.sum(min_count=len(SECTOR_CODES))),
                provisional=("provisional", "any")))
    tot = tot.sort_values(["region_code", "year"]).reset_index(drop=True)
    prev = tot.groupby("region_code")["value"].shift()
    prev_year = tot.groupby("region_code")["year"].shift()
    growth = 100 * (tot["value"] / prev - 1)
    tot["growth_pct"] = growth.where(prev_year == tot["year"] - 1)
    return tot


def _structure(pdrb: pd.DataFrame, regions: list[str], years: list[int]) -> pd.DataFrame:
    """Share (%) of each sector in the region's Σ 17 sectors, for the given years."""
    d = pdrb[pdrb["region_code"].isin(regions) & pdrb["year"].isin(years)]
    d = d.assign(share_pct=100 * d["value"] / d.groupby(["region_code", "year"])["value"].transform("sum"))
    d = d.merge(SECTORS[["sector_code", "sector_label", "sector_order"]], on="sector_code")
    d = d.sort_values(["region_code", "year", "sector_order"])
    return d[["region_code", "region_name", "year", "sector_code", "sector_label", "value", "share_pct"]].reset_index(drop=True)


def _structure_wide(struct: pd.DataFrame) -> pd.DataFrame:
    """:func:`_structure` as one row per sector and one share column per region and year."""
    d = struct.assign(col=struct["region_name"] + " " + struct["year"].astype(str) + " (%)")
    wide = d.pivot_table(index=["sector_code", "sector_label"], columns="col", values="share_pct", sort=False)
    order = {c: i for i, c in enumerate(SECTOR_CODES)}
    wide = wide.reset_index().sort_values("sector_code", key=lambda s: s.map(order)).reset_index(drop=True)
    wide.columns.name = None
    return wide


def _mean_growth(totals: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    """Compound mean annual growth (%/tahun) of Σ 17 sectors between ``start`` and ``end``."""
    a = totals[totals["year"] == start].set_index("region_code")["value"]
    b = totals[totals["year"] == end].set_index("region_code")
    out = b[["region_name", "level"]].copy()
    out["value_start"] = a
    out["value_end"] = b["value"]
    out["mean_growth_pct"] = 100 * ((out["value_end"] / out["value_start"]) ** (1 / (end - start)) - 1)
    return out.dropna(subset=["value_start"]).reset_index()


# --------------------------------------------------------------------------------------------
# the result objects
# --------------------------------------------------------------------------------------------
#: Which stated gap explains a missing table (tags of :attr:`ProvinceAnalysis.gaps`).
_SECTOR_TABLES = ("lq", "dlq", "slq_dlq", "shift_share", "mrp", "klassen_sector", "growth")
_REGION_TABLES = ("klassen_region", "specialisation", "inequality", "convergence", "interaction",
                  "sektor_unggulan", "cooperation")
_GAP_TAGS = {**{t: ("kabkota", "sektor") for t in _SECTOR_TABLES},
             **{t: ("kabkota", "sektor", "wilayah") for t in _REGION_TABLES},
             "kontribusi_kabkota": ("kabkota",), "kekosongan": ("kabkota",)}


@dataclass
class _Shown:
    """Tables shown in a report, in order, for the XLSX workbook."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)

    def add(self, name: str, frame: pd.DataFrame) -> None:
        self.tables[name] = frame

    def write_workbook(self, path: str | Path, *, provenance: Mapping[str, object] | None = None) -> Path | None:
        """Write every shown table to one workbook (:func:`potensi.study.export.write_workbook`:
        Indonesian sheet names and headings, number formats, a ``Sumber`` sheet); "" writes nothing."""
        if not str(path):
            return None
        from potensi.study.export import write_workbook

        return write_workbook(path, self.tables, provenance=provenance)


@dataclass
class ProvinceAnalysis:
    """Everything the province report shows, computed once by :func:`analyse_province`.

    Attributes
    ----------
    province_code, province_name
        ``"6400"``, ``"Kalimantan Timur"``.
    start_year, end_year
        The analysis window actually used (the requested one, narrowed to the years with data).
    pdrb
        Tidy PDRB (ADHK 2010, miliar rupiah) of the province, its kab/kota and Indonesia, with
        ``region_name`` and ``level``.
    tables
        Every computed table by name (see :func:`analyse_province`).
    quality
        Data-quality tables for this province (discrepancy, excluded, provisional, sources, missing).
    gaps
        Sentences (Bahasa Indonesia) stating what could not be computed and why.
    """

    province_code: str
    province_name: str
    start_year: int
    end_year: int
    requested_years: tuple[int, int]
    reference: str
    excluded_sectors: tuple[str, ...]
    population_source: str
    pdrb: pd.DataFrame
    tables: dict[str, pd.DataFrame]
    quality: dict[str, pd.DataFrame]
    gaps: list[str]
    has_members: bool
    has_national: bool
    shown: _Shown = field(default_factory=_Shown)

    @property
    def reference_code(self) -> str:
        return self.province_code if self.reference == "published" else f"{self.province_code}-SUM"

    @property
    def kabkota_codes(self) -> list[str]:
        """Codes of the province's kab/kota with data in the window, in code order."""
        kab = set(members(self.province_code)["region_code"])
        return sorted(kab & set(self.pdrb["region_code"]))

    @property
    def region_names(self) -> dict[str, str]:
        """Name of every region in the catalogue (kab/kota of any province, provinces, Indonesia)."""
        cat = region_catalog()
        return dict(zip(cat["region_code"], cat["region_name"]))

    @property
    def sector_labels(self) -> dict[str, str]:
        """Short Indonesian label of each sector code (and of the total)."""
        return dict(zip(SECTORS["sector_code"], SECTORS["sector_label"])) | {"TOTAL": "PDRB (jumlah)"}

    @property
    def province_names(self) -> dict[str, str]:
        prov = provinces()
        return dict(zip(prov["region_code"], prov["region_name"]))

    def region_gaps(self, code: str) -> list[str]:
        """Gaps (Bahasa Indonesia) that concern kab/kota ``code``: its missing years and cells, the
        province-wide data notes, and the knife-edge or unstable classes of its sectors."""
        out = [g.split("] ", 1)[-1] for g in self.gaps]
        miss = self.quality.get("kekosongan")
        if miss is not None and len(miss):
            mine = miss[miss["kode"].astype(str).str.contains(code, regex=False)]
            out += [f"{int(r.year)}: {r.kode}" for r in mine.itertuples(index=False)]
        return out

    def has(self, name: str) -> bool:
        """Whether table ``name`` was computed and has rows."""
        frame = self.tables.get(name)
        return frame is not None and len(frame) > 0

    def table(self, name: str, *, caption: str | None = None, decimals: int | Mapping[str, int] = 2,
              max_rows: int | None = 60, frame: pd.DataFrame | None = None, sheet: str | None = None):
        """Show table ``name`` (Indonesian format) and keep it for the XLSX workbook.

        The HTML shows the columns of :data:`potensi.report.formatting.REPORT_COLUMNS` with Indonesian
        headings (:func:`potensi.report.formatting.report_view`); the workbook keeps every column.
        A missing table shows the reason instead (from :attr:`gaps`).
        """
        from IPython.display import Markdown

        data = frame if frame is not None else self.tables.get(name, self.quality.get(name))
        if data is None or len(data) == 0:
            what = caption or f"Tabel {name}"
            if data is not None and name in self.quality:  # an empty quality table is good news
                return Markdown(f"*{what}: tidak ada.*")
            return Markdown(f"*{what}: tidak tersedia; {self.gap_for(name)}*")
        self.shown.add(sheet or name, data)
        view, labels, extra = report_view(name, data, start_year=self.start_year, end_year=self.end_year)
        if caption:
            caption += extra
        return tabel(view, caption=caption, decimals=decimals, max_rows=max_rows, labels=labels)

    def gap_for(self, name: str) -> str:
        """Why table ``name`` is missing (the first matching gap), in Bahasa Indonesia."""
        tags = [name, *_GAP_TAGS.get(name.removesuffix("_nasional") if name.endswith("_nasional") else name, ())]
        if name.endswith("_nasional"):
            tags = ["nasional", "sektor"]
        hits = [g for t in tags for g in self.gaps if g.startswith(f"[{t}]")]
        text = hits[0] if hits else "tidak ada data untuk wilayah dan tahun ini."
        return text.split("] ", 1)[-1]

    def write_workbook(self, path: str | Path):
        """Write every table shown so far to ``path`` (XLSX); an empty path writes nothing."""
        from IPython.display import Markdown

        params = {k: getattr(self, k) for k in ("province_code", "start_year", "end_year", "reference",
                                                "excluded_sectors", "population_source") if hasattr(self, k)}
        written = self.shown.write_workbook(path, provenance=provenance(params) if str(path) else None)
        if written is None:
            return Markdown("*Buku kerja XLSX tidak ditulis (parameter `workbook` kosong).*")
        return Markdown(f"Semua tabel laporan ini ({angka(len(self.shown.tables), 0)} tabel) juga tersedia "
                        f"dalam buku kerja XLSX `{Path(path).name}` di samping laporan.")


def analysis_window(pdrb: pd.DataFrame, province: str, start_year: int, end_year: int) -> tuple[int, int, list[str]]:
    """The years a province report covers: the requested window narrowed to the years with data.

    Returns ``(start, end, gaps)``; ``gaps`` states (in Bahasa Indonesia) any narrowing. When the
    province has no PDRB by sector inside the window (the 2024 Papua provinces), the report
    covers the years it has. Fewer than two years raises ``ValueError``.
    """
    code = province_code(province)
    name = region_catalog().set_index("region_code").loc[code, "region_name"]
    prov_years = sorted(pdrb.loc[pdrb["region_code"] == code, "year"].unique())
    in_window = [y for y in prov_years if start_year <= y <= end_year]
    if len(in_window) >= 2:
        start, end = int(in_window[0]), int(in_window[-1])
        if (start, end) == (start_year, end_year):
            return start, end, []
        return start, end, [f"[jendela] Data tersedia hanya untuk {start}–{end} dari jendela "
                            f"{start_year}–{end_year} yang diminta."]
    if len(prov_years) >= 2:
        start, end = int(prov_years[0]), int(prov_years[-1])
        return start, end, [f"[jendela] PDRB provinsi {name} menurut lapangan usaha tidak tersedia untuk "
                            f"{start_year}–{end_year}; laporan memakai tahun yang tersedia, {start}–{end}."]
    raise ValueError(f"analyse_province: province {code} ({name}) has fewer than two years of PDRB by sector")


def province_indicator_tables(pdrb: pd.DataFrame, *, province_code: str, start: int, end: int,
                              excluded_sectors: Iterable[str] = (), reference: str = "published",
                              population_source: str | None = None,
                              existing: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """Every indicator table of the kab/kota of one province (sector and regional).

    ``population_source=None`` takes the source covering the window's end
    (:func:`potensi.data.population.covering_source`); the tables' ``population_source`` columns
    and ``attrs["population_source"]`` of the result's tables say which.

    The sector tables of :func:`potensi.study.sector_tables.sector_tables` (kab/kota against the province)
    and the regional tables of :func:`potensi.study.regional_tables.regional_tables` (with the
    processed population and centroids). ``potensi indicators --province`` and the report
    both call this, so the CSV files and the report show the same numbers.
    """
    code = province_code
    if population_source is None:
        population_source = covering_source(start, end)
    kab = set(members(code)["region_code"]) & set(pdrb["region_code"])
    if not kab:
        raise ValueError(f"province_indicator_tables: province {code} has no kab/kota PDRB by sector in the data "
                         "(BPS kab/kota figures by sector cover 2010–2022 for the 34 provinces of the old "
                         "boundaries); its province-level report is still available")
    st = sector_tables(pdrb, reference_code=code, regions=sorted(kab), start=start, end=end,
                       excluded_sectors=excluded_sectors, reference=reference, price_basis=PRICE_BASIS)
    rt = regional_tables(pdrb, st, province_code=code, start=start, end=end,
                         population=load_table("population"), centroids=area_centroids(load_table("centroids")),
                         population_source=population_source)
    rt = {k: v for k, v in rt.items() if k not in ("sektor_unggulan", "cooperation")}  # superseded below
    return {**st, **rt, **conclusion_tables(pdrb, province=code, kabkota=sorted(kab), start=start, end=end,
                                            excluded=tuple(excluded_sectors), existing=existing)}


def area_centroids(centroids: pd.DataFrame) -> pd.DataFrame:
    """The area centroids (QUARCS polygon centroids) of the centroids table, one row per kab/kota."""
    return centroids[centroids["source_id"] == "QUARCS_INDONESIA514_POINTS"].reset_index(drop=True)


def conclusion_tables(pdrb: pd.DataFrame, *, province: str, kabkota: list[str], start: int, end: int,
                      excluded: tuple[str, ...] = (), existing: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """Input–output linkages, sector potential (``sektor_unggulan``) and cooperation of one province.

    See :mod:`potensi.study.conclusions` and :mod:`potensi.study.linkages`; the facts the report
    states (population source, distance exponent, IO year) travel in ``attrs["facts"]`` of
    ``kerja_sama`` and ``sektor_unggulan``.
    """
    links = province_linkages(province, pdrb, kabkota)
    io_linkages = None
    if links.available:
        io_linkages = links.tables["io_sektor"][["sector_code", "backward_linkage", "forward_linkage", "key_sector"]]
    sp = sector_potential_tables(pdrb, province=province, kabkota=kabkota, start=start, end=end,
                                 excluded=excluded, linkages=io_linkages)
    centroids = load_table("centroids")
    io_a = None
    if links.available:
        from potensi.data.io_table import IO_FILE, read_io_table
        from potensi.indicators.input_output import technical_coefficients

        t = read_io_table(IO_FILE, region=province)
        io_a = technical_coefficients(t.Z, t.total_input)
    coop, facts = cooperation_tables(pdrb, sp["sektor_potensi"], province=province, kabkota=kabkota, start=start,
                                     end=end, population=load_table("population"), centroids=centroids,
                                     io=io_a, existing=existing)
    facts["io_available"] = links.available
    facts["io_year"] = links.io_year
    facts["flq_delta"] = links.flq_delta
    out = {"sektor_unggulan": sp["sektor_potensi"], "sektor_unggulan_skenario": sp["sektor_potensi_skenario"],
           **({"sektor_unggulan_tanpa_pertambangan": sp["tanpa_pertambangan"]} if "tanpa_pertambangan" in sp else {}),
           **links.tables, **coop}
    for name in ("sektor_unggulan", "kerja_sama"):
        out[name].attrs["facts"] = facts
    return out


def analyse_province(province_code_: str | int, *, start_year: int = DEFAULT_START, end_year: int | None = None,
                     reference: str = "published", excluded_sectors: Iterable[str] = (),
                     population_source: str | None = None,
                     include_old_boundaries: bool = False,
                     extra_data: Iterable[str | Path] = ()) -> ProvinceAnalysis:
    """Compute every table of the province report.

    Parameters
    ----------
    province_code_
        ``"64"`` or ``"6400"``; an unknown code raises ``ValueError`` listing the valid codes.
    start_year, end_year
        Analysis window; narrowed to the years with data (the narrowing is stated in ``gaps``).
        ``end_year=None`` (default): the latest year with kab/kota PDRB by sector, else the
        province's latest year (:func:`potensi.data.store.latest_year`).
    reference
        ``"published"`` (the province as BPS publishes it) or ``"sum"`` (Σ kab/kota).
    excluded_sectors
        Sector codes left out of the indicators (e.g. ``["B"]`` for mining).
    population_source
        ``"dukcapil"`` or ``"bps"``, for per-capita indicators; ``None`` (default): the source
        covering the window's end (:func:`potensi.data.population.covering_source`).
    include_old_boundaries
        Keep region-years printed on older boundaries (``boundary`` = "lama", e.g. SIMREG 2010–2012
        parents that include regions created later); left out by default.
    extra_data
        Files with the region's own figures (an intake workbook of ``potensi template``, or any
        file :func:`potensi.load_pdrb` reads), added by :func:`potensi.data.intake.apply_additions`:
        the file's figure wins; the quality tables ``data_tambahan`` (every replaced figure) and
        ``berkas_tambahan`` (file, sha256) record it.

    Returns
    -------
    ProvinceAnalysis
        With tables ``pdrb_tahunan`` (Σ 17 sectors and growth), ``struktur`` (sector shares of
        the province and Indonesia), ``kontribusi_kabkota``, ``pertumbuhan_rata`` and, when the
        indicator modules are installed, the tables of :func:`potensi.study.sector_tables.sector_tables`
        (kab/kota against the province) and :func:`potensi.study.regional_tables.regional_tables`, plus
        ``lq_nasional``/``shift_share_nasional`` etc. (the province against Indonesia).
    """
    func = "analyse_province"
    code = province_code(province_code_)
    pdrb = province_pdrb(code, price_basis=PRICE_BASIS, include_old_boundaries=include_old_boundaries)
    extra_data = [str(p) for p in extra_data]
    if extra_data:
        from potensi.data.intake import apply_additions

        pdrb, replaced, added_files = apply_additions(
            pdrb, extra_data, price_basis=PRICE_BASIS,
            regions=set(pdrb["region_code"]) | {code} | set(members(code)["region_code"]))
    if end_year is None:
        end_year = latest_year(pdrb, code)
    start_req, end_req = _check_years(func, start_year, end_year)
    if population_source is None:
        population_source = covering_source(start_req, end_req)
    if reference not in REFERENCES:
        raise ValueError(f"{func}: reference={reference!r}; expected one of {list(REFERENCES)}")
    excluded = _check_sectors(func, excluded_sectors)
    cat = region_catalog().set_index("region_code")
    name = str(cat.loc[code, "region_name"])
    gaps: list[str] = []

    kab = set(members(code)["region_code"])
    start, end, window_gap = analysis_window(pdrb, code, start_req, end_req)
    gaps += window_gap
    pdrb = pdrb[(pdrb["year"] >= start) & (pdrb["year"] <= end)].reset_index(drop=True)
    boundary = str(cat.loc[code, "boundary_note"])
    if boundary:
        gaps.append(f"[batas] {name}: {boundary}.")

    member_years = sorted(pdrb.loc[pdrb["region_code"].isin(kab), "year"].unique())
    has_members = len(member_years) >= 2 and member_years[0] == start and member_years[-1] == end
    if not has_members:
        what = ("tidak ada angka PDRB kab/kota menurut lapangan usaha"
                if not member_years else f"PDRB kab/kota hanya tersedia untuk {member_years[0]}–{member_years[-1]}")
        gaps.append(f"[kabkota] Untuk {name} {what} pada {start}–{end} (BPS menerbitkan PDRB kab/kota × 17 "
                    "lapangan usaha untuk 2010–2022, untuk 34 provinsi lama); bagian tingkat kab/kota "
                    "(LQ kab/kota, Klassen wilayah, ketimpangan, konvergensi, kerja sama antardaerah) tidak dihitung.")
    nat_years = sorted(int(y) for y in set(pdrb.loc[pdrb["region_code"] == NATIONAL, "year"]))
    nat_in = [y for y in nat_years if start <= y <= end]
    # The comparison with Indonesia uses the years of the window that Indonesia's 17 sectors cover
    # (they stop earlier than the kab/kota data: 2020, the national E not being derivable later).
    nat_start, nat_end = (nat_in[0], nat_in[-1]) if len(nat_in) >= 2 else (start, end)
    has_national = len(nat_in) >= 2
    if not has_national:
        gaps.append(f"[nasional] PDB Indonesia menurut 17 lapangan usaha dalam data tidak mencakup dua tahun di "
                    f"dalam {start}–{end}; perbandingan dengan Indonesia tidak dihitung.")
    elif (nat_start, nat_end) != (start, end):
        gaps.append(f"[nasional] PDB Indonesia menurut 17 lapangan usaha dalam data tersedia sampai {nat_years[-1]}; "
                    f"perbandingan provinsi dengan Indonesia memakai {nat_start}–{nat_end}, bukan {start}–{end}.")

    totals = _annual_totals(pdrb)
    tables: dict[str, pd.DataFrame] = {
        "pdrb_tahunan": totals,
        "struktur": _structure(pdrb, [code] + ([NATIONAL] if has_national and nat_end == end else []), [start, end]),
        "pertumbuhan_rata": _mean_growth(totals, start, end),
    }
    tables["struktur_ringkas"] = _structure_wide(tables["struktur"])
    if has_members:
        end_tot = totals[(totals["year"] == end) & totals["region_code"].isin(kab)]
        share = end_tot.assign(share_pct=100 * end_tot["value"] / end_tot["value"].sum())
        tables["kontribusi_kabkota"] = share.sort_values("value", ascending=False)[
            ["region_code", "region_name", "level", "year", "value", "share_pct"]].reset_index(drop=True)

    indicator_pdrb = pdrb.drop(columns=["region_name", "level"])
    if has_members:
        found = province_indicator_tables(indicator_pdrb, province_code=code, start=start, end=end,
                                          excluded_sectors=excluded, reference=reference,
                                          population_source=population_source)
        tables.update({k: _named(v) for k, v in found.items()})
    if has_national:
        nt = sector_tables(indicator_pdrb, reference_code=NATIONAL, regions=[code], start=nat_start, end=nat_end,
                           excluded_sectors=excluded, reference="published", price_basis=PRICE_BASIS)
        tables.update({f"{k}_nasional": _named(v) for k, v in nt.items()})

    quality = _quality(code, name, pdrb, kab, start, end, include_old_boundaries=include_old_boundaries)
    if extra_data:
        quality["data_tambahan"] = replaced
        quality["berkas_tambahan"] = pd.DataFrame({"file": list(added_files), "sha256": list(added_files.values())})
    return ProvinceAnalysis(
        province_code=code, province_name=name, start_year=start, end_year=end,
        requested_years=(start_req, end_req), reference=reference, excluded_sectors=excluded,
        population_source=population_source, pdrb=pdrb, tables=tables, quality=quality, gaps=gaps,
        has_members=has_members, has_national=has_national,
    )


def _named(frame: pd.DataFrame) -> pd.DataFrame:
    """Add region and sector names next to their codes (for display and the workbook)."""
    if not isinstance(frame, pd.DataFrame):
        return frame
    out = frame
    cat = region_catalog()[["region_code", "region_name"]]
    pair_cols = {"region_a": "region_name_a", "region_b": "region_name_b", "supplier": "supplier_name",
                 "partner": "partner_name"}
    for col in [c for c in out.columns if c.startswith("region_code") or c in pair_cols]:
        target = pair_cols.get(col, col.replace("region_code", "region_name"))
        if target not in out.columns:
            names = dict(zip(cat["region_code"], cat["region_name"]))
            out = out.assign(**{target: out[col].map(names)})
            cols = list(out.columns)
            cols.insert(cols.index(col) + 1, cols.pop(cols.index(target)))
            out = out[cols]
    if "sector_code" in out.columns and "sector_label" not in out.columns:
        labels = dict(zip(SECTORS["sector_code"], SECTORS["sector_label"])) | {"TOTAL": "PDRB (jumlah)"}
        out = out.assign(sector_label=out["sector_code"].map(labels))
        cols = list(out.columns)
        cols.insert(cols.index("sector_code") + 1, cols.pop(cols.index("sector_label")))
        out = out[cols]
    return out


def _derived_cells(pdrb: pd.DataFrame) -> pd.DataFrame:
    """Derived figures (``status`` "turunan", e.g. E = TOTAL − Σ16 for 2021–2022) used, per region and year."""
    d = pdrb[pdrb["status"] == "turunan"]
    return (d.groupby(["region_code", "region_name", "year", "sector_code", "source_id"], observed=True,
                      as_index=False)
            .agg(angka=("value", "size"), nilai=("value", "sum"), provisional=("provisional", "any")))


def _vintage_breaks(pdrb: pd.DataFrame) -> pd.DataFrame:
    """Where the source (download/vintage) of a level's published sectors changes between two years.

    One row per level and pair of consecutive years: ``source_before``/``source_after``, the number
    of regions, and whether the later year is provisional (SIMREG 2021–2022 after the 2013–2020
    pivot: another download, 2022 angka sementara). Derived figures are left out (own table).
    """
    d = pdrb[pdrb["status"] != "turunan"]
    main = (d.groupby(["level", "region_code", "year"], observed=True)
            .agg(source_id=("source_id", lambda s: s.mode().iloc[0]), provisional=("provisional", "any"))
            .reset_index().sort_values(["region_code", "year"]))
    main["source_before"] = main.groupby("region_code")["source_id"].shift()
    main["year_before"] = main.groupby("region_code")["year"].shift()
    brk = main[main["source_before"].notna() & (main["source_before"] != main["source_id"])]
    out = (brk.groupby(["level", "year_before", "year", "source_before", "source_id"], observed=True, as_index=False)
           .agg(regions=("region_code", "nunique"), provisional_after=("provisional", "any")))
    out = out.rename(columns={"year": "year_after", "source_id": "source_after"})
    out["level"] = out["level"].astype(str)
    out["year_before"] = out["year_before"].astype("int64")
    return out[["level", "year_before", "year_after", "source_before", "source_after", "regions",
                "provisional_after"]].reset_index(drop=True)


def _boundary_years(regions: set[str], start: int, end: int, include_old_boundaries: bool) -> pd.DataFrame:
    """Region-years of the province on older boundaries or removed by the compiler (table ``boundaries``)."""
    b = load_table("boundaries")
    b = b[b["region_code"].isin(regions)].copy()
    b["in_window"] = b["year"].between(start, end)
    b["used"] = include_old_boundaries & (b["kind"] == "batas lama") & b["in_window"]
    return _named(b.reset_index(drop=True))


def _quality(code: str, name: str, pdrb: pd.DataFrame, kab: set[str], start: int, end: int, *,
             include_old_boundaries: bool = False) -> dict[str, pd.DataFrame]:
    regions = {code} | kab
    disc = load_table("discrepancy")
    disc = disc[(disc["region_code"] == code) & (disc["price_basis"] == PRICE_BASIS)]
    excl = load_table("excluded")
    excl = excl[excl["region_code"].isin(regions)]
    excl = excl[["region_code", "year", "sector_code", "price_basis", "value", "source_id", "reason"]]
    prov = pdrb[pdrb["provisional"] & (pdrb["status"] != "turunan")]  # derived ones: angka_turunan
    provisional = (prov.groupby(["region_code", "region_name", "year", "status"], observed=True, as_index=False)
                   .size().rename(columns={"size": "angka"}))
    sources = (pdrb.groupby(["level", "source_id"], observed=True, as_index=False)
               .agg(tahun_awal=("year", "min"), tahun_akhir=("year", "max"), wilayah=("region_code", "nunique"),
                    angka=("value", "size")))
    sources["level"] = sources["level"].astype(str)
    cat = members(code)
    rows = []
    for y in range(start, end + 1):
        valid = cat[(cat["valid_from"] <= y) & (cat["valid_to"] >= y)]["region_code"]
        have = set(pdrb.loc[pdrb["year"] == y, "region_code"])
        missing = sorted(set(valid) - have)
        if missing:
            rows.append({"year": y, "wilayah_tanpa_data": len(missing), "kode": ", ".join(missing)})
    for r, s, y in (pdrb[pdrb["value"].isna()][["region_code", "sector_code", "year"]].itertuples(index=False)):
        rows.append({"year": y, "wilayah_tanpa_data": 0, "kode": f"{r} lapangan usaha {s}: angka kosong"})
    missing = pd.DataFrame(rows, columns=["year", "wilayah_tanpa_data", "kode"])
    return {
        "kualitas_umum": load_table("quality"),
        "selisih_kabkota": _named(disc[["region_code", "year", "province_total", "sum_members", "n_members",
                                        "n_missing", "difference", "difference_pct", "note"]].reset_index(drop=True)),
        "angka_ditolak": _named(excl.reset_index(drop=True)),
        "angka_sementara": provisional,
        "sumber": sources,
        "kekosongan": missing,
        "tumpang_tindih": load_table("overlaps"),
        "angka_turunan": _derived_cells(pdrb),
        "jeda_vintage": _vintage_breaks(pdrb),
        "batas_wilayah": _boundary_years(regions, start, end, include_old_boundaries),
    }


# --------------------------------------------------------------------------------------------
# national summary
# --------------------------------------------------------------------------------------------
@dataclass
class NationalAnalysis:
    """Everything the national summary shows: all provinces against Indonesia."""

    start_year: int
    end_year: int
    excluded_sectors: tuple[str, ...]
    pdrb: pd.DataFrame
    tables: dict[str, pd.DataFrame]
    gaps: list[str]
    shown: _Shown = field(default_factory=_Shown)

    has = ProvinceAnalysis.has
    gap_for = ProvinceAnalysis.gap_for
    write_workbook = ProvinceAnalysis.write_workbook

    @property
    def quality(self) -> dict[str, pd.DataFrame]:
        return {}

    table = ProvinceAnalysis.table


def analyse_national(*, start_year: int = DEFAULT_START, end_year: int | None = None,
                     excluded_sectors: Iterable[str] = (),
                     include_old_boundaries: bool = False) -> NationalAnalysis:
    """Provinces against Indonesia: LQ, Klassen of provinces, Theil between/within islands, convergence.

    Uses the provinces with 17-sector data in both ``start_year`` and ``end_year`` (the 34
    provinces of the old boundaries for 2013–2020). ``end_year=None`` (default): the latest year of
    Indonesia's 17 sectors (2020; the SIMREG 2021–2022 national row lacks sector E). Region-years on
    older boundaries are left out unless ``include_old_boundaries=True``.
    """
    func = "analyse_national"
    pdrb = current_boundaries(load_table("pdrb"), include_old_boundaries=include_old_boundaries)
    pdrb = pdrb[pdrb["price_basis"] == PRICE_BASIS]
    if end_year is None:
        end_year = int(pdrb.loc[pdrb["region_code"] == NATIONAL, "year"].max())
    start, end = _check_years(func, start_year, end_year)
    excluded = _check_sectors(func, excluded_sectors)
    cat = region_catalog()
    pdrb = pdrb[pdrb["year"].between(start, end)]
    provs = set(cat.loc[cat["level"] == "provinsi", "region_code"])
    have = pdrb[pdrb["region_code"].isin(provs)].groupby("region_code")["year"].agg(["min", "max"])
    chosen = sorted(have.index[(have["min"] == start) & (have["max"] == end)])
    gaps: list[str] = []
    left_out = sorted(provs - set(chosen))
    if left_out:
        gaps.append(f"[provinsi] Provinsi tanpa data {start} dan {end} tidak disertakan: "
                    + daftar(f"{c[:2]} {n}" for c, n in cat.set_index("region_code").loc[left_out, "region_name"].items()) + ".")
    pdrb = pdrb[pdrb["region_code"].isin(set(chosen) | {NATIONAL})]
    pdrb = pdrb.merge(cat[["region_code", "region_name", "level", "island"]], on="region_code")
    totals = _annual_totals(pdrb.drop(columns=["island"]))
    totals = totals.merge(cat[["region_code", "island"]], on="region_code")
    tables: dict[str, pd.DataFrame] = {
        "pdrb_tahunan": totals,
        "pertumbuhan_rata": _mean_growth(totals, start, end).merge(cat[["region_code", "island"]], on="region_code"),
    }
    indicator_pdrb = pdrb.drop(columns=["region_name", "level", "island"])
    st = sector_tables(indicator_pdrb, reference_code=NATIONAL, regions=chosen, start=start, end=end,
                       excluded_sectors=excluded, reference="published", price_basis=PRICE_BASIS)
    tables.update({k: _named(v) for k, v in st.items()})
    nt = national_tables(load_table("per_capita"), load_table("pdrb_total"), start=start, end=end,
                         pdrb=indicator_pdrb, population=load_table("population"))
    tables.update({k: _named(v) for k, v in nt.items()})
    return NationalAnalysis(start_year=start, end_year=end, excluded_sectors=excluded, pdrb=pdrb,
                            tables=tables, gaps=gaps)
