"""One call that computes everything a report shows: :func:`analyse_province`, :func:`analyse_national`.

The report templates (``notebooks/*.ipynb``) hold no logic: they call these functions once, then
show the tables, figures (:mod:`potensi.report.figures`) and paragraphs (:mod:`potensi.report.narrative`)
of the returned object. The indicators themselves come from :mod:`potensi.study.sector_tables` (sector
indicators) and :mod:`potensi.study.regional_tables` (regional indicators); this module only selects
the data, states what is missing, and keeps the provenance of the run.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from potensi.core.codes import DEFAULT_PRICE_BASIS, NATIONAL_CODE, TOTAL_CODE
from potensi.core.wording import GAPS, QUALITY, TOTAL_LABEL
from potensi.data.population import covering_source
from potensi.data.regions import members, province_code, provinces, region_catalog
from potensi.data.sectors import SECTORS
from potensi.data.store import latest_year, load_table, province_pdrb
from potensi.study.conclusions import cooperation_tables, sector_potential_tables
from potensi.study.gaps import Gap
from potensi.study.linkages import province_linkages
from potensi.study.quality import _quality
from potensi.study.regional_tables import regional_tables
from potensi.study.sector_tables import sector_tables
from potensi.study.spec import Study, make_study
from potensi.study.tables_common import (
    _annual_totals,
    _mean_growth,
    _named,
    _structure,
    _structure_wide,
    provinces_with_data,
)

__all__ = [
    "ProvinceAnalysis",
    "analyse_province",
    "analysis_window",
    "province_indicator_tables",
    "provinces_with_data",
    "REFERENCES",
]

REFERENCES = ("published", "sum")
POPULATION_SOURCES = ("dukcapil", "bps")
#: First year of the default window: the first year of the kab/kota series on today's boundaries
#: (2010–2012 are printed on older boundaries for several parents; ask for them explicitly).
#: The default last year is computed from the data (:func:`potensi.data.store.latest_year`).
DEFAULT_START = 2013


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
        What could not be computed and why (:class:`potensi.study.gaps.Gap` records; ``gap.text``
        is the sentence).
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
    gaps: list[Gap]
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
        return dict(zip(SECTORS["sector_code"], SECTORS["sector_label"])) | {TOTAL_CODE: TOTAL_LABEL}

    @property
    def province_names(self) -> dict[str, str]:
        prov = provinces()
        return dict(zip(prov["region_code"], prov["region_name"]))

    def region_gaps(self, code: str) -> list[str]:
        """Gaps (Bahasa Indonesia) that concern kab/kota ``code``: its missing years and cells, the
        province-wide data notes, and the knife-edge or unstable classes of its sectors."""
        out = [g.text for g in self.gaps]
        miss = self.quality.get("kekosongan")
        if miss is not None and len(miss):
            mine = miss[miss["kode"].astype(str).str.contains(code, regex=False)]
            out += [f"{int(r.year)}: {r.kode}" for r in mine.itertuples(index=False)]
        return out

    def has(self, name: str) -> bool:
        """Whether table ``name`` was computed and has rows."""
        frame = self.tables.get(name)
        return frame is not None and len(frame) > 0

    def gap_for(self, name: str) -> str:
        """Why table ``name`` is missing (the first matching gap), in Bahasa Indonesia."""
        tags = [name, *_GAP_TAGS.get(name.removesuffix("_nasional") if name.endswith("_nasional") else name, ())]
        if name.endswith("_nasional"):
            tags = ["nasional", "sektor"]
        hits = [g for t in tags for g in self.gaps if g.tag == t]
        return hits[0].text if hits else GAPS["none"]



def analysis_window(pdrb: pd.DataFrame, province: str, start_year: int, end_year: int) -> tuple[int, int, list[Gap]]:
    """The years a province report covers: the requested window narrowed to the years with data.

    Returns ``(start, end, gaps)``; ``gaps`` records any narrowing (:class:`~potensi.study.gaps.Gap`). When the
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
        return start, end, [Gap("jendela", "window_narrowed", {"start": start, "end": end,
                                                               "start_requested": start_year,
                                                               "end_requested": end_year})]
    if len(prov_years) >= 2:
        start, end = int(prov_years[0]), int(prov_years[-1])
        return start, end, [Gap("jendela", "window_moved", {"name": name, "start": start, "end": end,
                                                            "start_requested": start_year,
                                                            "end_requested": end_year})]
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
                       excluded_sectors=excluded_sectors, reference=reference, price_basis=DEFAULT_PRICE_BASIS)
    rt = regional_tables(pdrb, st, province_code=code, start=start, end=end,
                         population=load_table("population"), centroids=area_centroids(load_table("centroids")),
                         population_source=population_source)
    return {**st, **rt, **conclusion_tables(pdrb, province=code, kabkota=sorted(kab), start=start, end=end,
                                            excluded=tuple(excluded_sectors), existing=existing)}


def _data_notes(quality: dict[str, pd.DataFrame], code: str, kab: set[str], start: int, end: int) -> list[Gap]:
    """Gaps for what the kab/kota figures in the window rest on: derived cells (sector E
    2021–2022), the change of source (vintage) inside the window, provisional years (of the
    province and of its kab/kota)."""
    notes = []
    derived = quality.get("angka_turunan")
    if derived is not None and len(derived):
        d = derived[derived["region_code"].isin(kab)]
        if len(d):
            years = sorted(int(y) for y in d["year"].unique())
            notes.append(Gap("turunan", "derived_e", {
                "years": f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0]), "n": int(d["angka"].sum())}))
    breaks = quality.get("jeda_vintage")
    if breaks is not None and len(breaks):
        b = breaks.iloc[0]
        notes.append(Gap("vintase", "vintage_break", {"first": start, "break_end": int(b["year_before"]),
                                                      "break_start": int(b["year_after"]), "last": end}))
    prov = quality.get("angka_sementara")
    if prov is not None and len(prov):
        p = prov[prov["region_code"].isin(kab | {code})]
        if len(p):
            n_kab = int(p.loc[p["region_code"].isin(kab), "region_code"].nunique())
            of_province = bool((p["region_code"] == code).any())
            who = (QUALITY["provisional_both"] if of_province and n_kab else
                   QUALITY["provisional_province"] if of_province else QUALITY["provisional_kabkota"])
            notes.append(Gap("sementara", "provisional", {
                "years": ", ".join(str(int(y)) for y in sorted(p["year"].unique())),
                "who": who.format(n=n_kab)}))
    return notes


def existing_agreements(files: Iterable[str | Path]) -> pd.DataFrame | None:
    """The existing cooperation agreements (sheet *Kerja sama berjalan*) of the intake workbooks
    among ``files``: ``region_a, region_b, objek, tahun, status``, each party given by BPS code or
    by its catalogue name (``"Kota Balikpapan"``, ``"Balikpapan"``, ``"Kabupaten Paser"``); None
    when no workbook has any. A party that names no region is refused with the file and row."""
    from potensi.data.intake_read import read_intake

    cat = region_catalog()
    by_name = {}
    for code, name in zip(cat["region_code"], cat["region_name"]):
        for key in (name, name.removeprefix("Kabupaten "), f"Kabupaten {name}"):
            by_name.setdefault(key.casefold().strip(), code)
    codes = set(cat["region_code"])
    rows = []
    for path in files:
        if not str(path).lower().endswith((".xlsx", ".xlsm")):
            continue
        agreements = read_intake(path)["agreements"]
        for i, r in enumerate(agreements.itertuples(index=False), start=2):
            parties = []
            for col, value in (("pihak_a", r.pihak_a), ("pihak_b", r.pihak_b)):
                text = str(value).strip()
                code = text if text in codes else by_name.get(text.casefold())
                if code is None:
                    raise ValueError(f"{path}: sheet 'Kerja sama berjalan' row {i}, column '{col}': {text!r} is not a "
                                     "region code or name of the catalogue")
                parties.append(code)
            rows.append({"region_a": parties[0], "region_b": parties[1], "objek": str(r.objek),
                         "tahun": str(r.tahun), "status": str(r.status)})
    return pd.DataFrame(rows, columns=["region_a", "region_b", "objek", "tahun", "status"]) if rows else None


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
    return analyse(province_study(province_code_, start_year=start_year, end_year=end_year, reference=reference,
                                  excluded_sectors=excluded_sectors, population_source=population_source,
                                  include_old_boundaries=include_old_boundaries, extra_data=extra_data))


def province_study(province: str | int, *, start_year: int | None = DEFAULT_START, end_year: int | None = None,
                   reference: str = "published", excluded_sectors: Iterable[str] = (),
                   population_source: str | None = None, include_old_boundaries: bool = False,
                   extra_data: Iterable[str | Path] = ()) -> Study:
    """The :class:`~potensi.study.spec.Study` of a province report, validated once.

    The region's added files count for the window (a Bappeda's 2023–2024 figures extend it); the
    population source defaults to the one covering the window. Everything below
    (:func:`analyse`) takes the value as it is.
    """
    code = province_code(province)
    pdrb = province_pdrb(code, price_basis=DEFAULT_PRICE_BASIS, include_old_boundaries=include_old_boundaries)
    files = [str(p) for p in ([extra_data] if isinstance(extra_data, str | Path) else list(extra_data or ()))]
    if files:
        from potensi.data.intake import apply_additions

        for item in files:
            if not Path(item).expanduser().is_file():
                raise ValueError(f"province_study: argument extra_data: {item!s} is not a readable file")
        pdrb = apply_additions(pdrb, files, price_basis=DEFAULT_PRICE_BASIS,
                               regions=set(pdrb["region_code"]) | {code} | set(members(code)["region_code"]))[0]
    if end_year is None:
        end_year = latest_year(pdrb, code)
    study = make_study(code, start_year=start_year, end_year=end_year, reference=reference,
                       excluded_sectors=excluded_sectors, population_source=population_source, extra_data=files,
                       pdrb=pdrb, include_old_boundaries=include_old_boundaries)
    if study.population_source is None:
        study = replace(study, population_source=covering_source(*study.requested_years))
    return study


def analyse(study: Study) -> ProvinceAnalysis:
    """Compute every table of the province report for a validated :class:`~potensi.study.spec.Study`
    (see :func:`analyse_province` for the tables)."""
    code = study.province_code
    include_old_boundaries = study.include_old_boundaries
    pdrb = province_pdrb(code, price_basis=DEFAULT_PRICE_BASIS, include_old_boundaries=include_old_boundaries)
    extra_data = [str(p) for p in study.extra_data]
    if extra_data:
        from potensi.data.intake import apply_additions

        pdrb, replaced, added_files = apply_additions(
            pdrb, extra_data, price_basis=DEFAULT_PRICE_BASIS,
            regions=set(pdrb["region_code"]) | {code} | set(members(code)["region_code"]))
    start_req, end_req = study.requested_years
    population_source = study.population_source
    reference = study.reference
    excluded = study.excluded_sectors
    cat = region_catalog().set_index("region_code")
    name = str(cat.loc[code, "region_name"])
    gaps: list[Gap] = []

    kab = set(members(code)["region_code"])
    start, end, window_gap = analysis_window(pdrb, code, start_req, end_req)
    gaps += window_gap
    pdrb = pdrb[(pdrb["year"] >= start) & (pdrb["year"] <= end)].reset_index(drop=True)
    boundary = str(cat.loc[code, "boundary_note"])
    if boundary:
        gaps.append(Gap("batas", "boundary", {"name": name, "note": boundary}))

    member_years = sorted(pdrb.loc[pdrb["region_code"].isin(kab), "year"].unique())
    has_members = len(member_years) >= 2 and member_years[0] == start and member_years[-1] == end
    if not has_members:
        gaps.append(Gap("kabkota", "no_kabkota", {"name": name, "start": start, "end": end}) if not member_years
                    else Gap("kabkota", "kabkota_years", {"name": name, "first": member_years[0],
                                                          "last": member_years[-1], "start": start, "end": end}))
    nat_years = sorted(int(y) for y in set(pdrb.loc[pdrb["region_code"] == NATIONAL_CODE, "year"]))
    nat_in = [y for y in nat_years if start <= y <= end]
    # The comparison with Indonesia uses the years of the window that Indonesia's 17 sectors cover
    # (they stop earlier than the kab/kota data: 2020, the national E not being derivable later).
    nat_start, nat_end = (nat_in[0], nat_in[-1]) if len(nat_in) >= 2 else (start, end)
    has_national = len(nat_in) >= 2
    if not has_national:
        gaps.append(Gap("nasional", "no_national", {"start": start, "end": end}))
    elif (nat_start, nat_end) != (start, end):
        gaps.append(Gap("nasional", "national_years", {"last": nat_years[-1], "national_start": nat_start,
                                                       "national_end": nat_end, "start": start, "end": end}))

    totals = _annual_totals(pdrb)
    tables: dict[str, pd.DataFrame] = {
        "pdrb_tahunan": totals,
        "struktur": _structure(pdrb, [code] + ([NATIONAL_CODE] if has_national and nat_end == end else []), [start, end]),
        "pertumbuhan_rata": _mean_growth(totals, start, end),
    }
    tables["struktur_ringkas"] = _structure_wide(tables["struktur"])
    if has_members:
        end_tot = totals[(totals["year"] == end) & totals["region_code"].isin(kab)]
        share = end_tot.assign(share_pct=100 * end_tot["value"] / end_tot["value"].sum())
        tables["kontribusi_kabkota"] = share.sort_values("value", ascending=False)[
            ["region_code", "region_name", "level", "year", "value", "share_pct"]].reset_index(drop=True)

    indicator_pdrb = pdrb.drop(columns=["region_name", "level"])
    existing = existing_agreements(extra_data)
    if has_members:
        found = province_indicator_tables(indicator_pdrb, province_code=code, start=start, end=end,
                                          excluded_sectors=excluded, reference=reference,
                                          population_source=population_source, existing=existing)
        tables.update({k: _named(v) for k, v in found.items()})
    if has_national:
        nt = sector_tables(indicator_pdrb, reference_code=NATIONAL_CODE, regions=[code], start=nat_start, end=nat_end,
                           excluded_sectors=excluded, reference="published", price_basis=DEFAULT_PRICE_BASIS)
        tables.update({f"{k}_nasional": _named(v) for k, v in nt.items()})

    quality = _quality(code, name, pdrb, kab, start, end, include_old_boundaries=include_old_boundaries)
    gaps += _data_notes(quality, code, kab, start, end)
    if existing is not None:
        tables["kerja_sama_berjalan"] = _named(existing)
    if extra_data:
        quality["data_tambahan"] = replaced
        quality["berkas_tambahan"] = pd.DataFrame({"file": list(added_files), "sha256": list(added_files.values())})
    return ProvinceAnalysis(
        province_code=code, province_name=name, start_year=start, end_year=end,
        requested_years=(start_req, end_req), reference=reference, excluded_sectors=excluded,
        population_source=population_source, pdrb=pdrb, tables=tables, quality=quality, gaps=gaps,
        has_members=has_members, has_national=has_national,
    )

