"""The regional-indicator tables of one province (and of Indonesia's provinces).

:func:`regional_tables` assembles, for the kab/kota of one province, the tables written by
``potensi indicators``: ``klassen_region``, ``specialisation``, ``inequality``,
``convergence`` and ``interaction`` (sector potential and cooperation: :mod:`potensi.study.conclusions`).
:func:`national_tables` does the same for the provinces of Indonesia (inequality with the
between/within-island decomposition, convergence, Klassen against Indonesia).

Population is never spliced across the 2017/2018 break: every year takes the source that
covers it (BPS-derived before 2018, Dukcapil from 2018), each row says which
(``population_source``), cross-sectional indices are computed year by year, and growth-type
measures (β-convergence) are computed within one segment only.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from potensi.core.codes import NATIONAL_CODE, TOTAL_CODE
from potensi.core.wording import SCOPES
from potensi.data.population import BREAK_YEAR, POPULATION_SOURCES, per_capita, population_series, source_segments
from potensi.data.regions import members as _members
from potensi.data.regions import province_code as _province_code
from potensi.data.regions import region_catalog
from potensi.indicators.convergence import BETA_MIN_YEARS, beta_convergence, sigma_convergence
from potensi.indicators.inequality import GINI_NO_CLASS, WILLIAMSON_THRESHOLDS, inequality_table, theil_decomposition
from potensi.indicators.interaction import gravity_interaction
from potensi.indicators.specialisation import specialisation
from potensi.indicators.typology_region import klassen_region, klassen_region_from_pdrb, regional_growth

__all__ = ["REGIONAL_TABLES", "BREAK_NOTE", "regional_tables", "national_tables"]

REGIONAL_TABLES = ("klassen_region", "specialisation", "inequality", "convergence", "interaction")
BREAK_NOTE = (f"population series break {BREAK_YEAR - 1}/{BREAK_YEAR}: BPS-derived before, Dukcapil register from "
              f"{BREAK_YEAR}; values are comparable only within a segment")
#: Population label of province figures derived from BPS per capita: PDRB ADHK / per kapita ADHK.
BPS_IMPLIED = "bps_implied"
#: Scope suffix of the rows recomputed without sector B. 17 sectors cannot separate oil and gas
#: from coal, so this is "tanpa pertambangan", never "tanpa migas".
WITHOUT_MINING = SCOPES["without_mining"]
MINING_NOTE = "sector B (mining and quarrying) removed from PDRB per capita"


def _totals(pdrb: pd.DataFrame, regions, years) -> pd.DataFrame:
    """Total PDRB per region-year: the 17 sectors summed (all must be present)."""
    body = pdrb[pdrb["region_code"].isin(regions) & pdrb["year"].isin(years) & (pdrb["sector_code"] != TOTAL_CODE)]
    n = body["sector_code"].nunique()
    out = body.groupby(["region_code", "year"], as_index=False)["value"].sum(min_count=n)
    counts = body.groupby(["region_code", "year"])["value"].count().to_numpy()
    out.loc[counts < n, "value"] = np.nan
    return out


def _population(population: pd.DataFrame, regions, years, semester: str) -> pd.DataFrame:
    """Per-year population, each year from the source covering it (labelled, not spliced)."""
    frames = []
    for src, ys in source_segments(years).items():
        first, last = POPULATION_SOURCES[src][2:]
        ys = [y for y in ys if first <= y <= last]
        if ys:
            frames.append(population_series(population, source=src, regions=regions, years=ys, semester=semester))
    return pd.concat(frames, ignore_index=True)


def _with_reference_population(pop: pd.DataFrame, code: str) -> pd.DataFrame:
    """Append the province row: Σ of its members' population (NaN unless all are present)."""
    g = pop.groupby("year")
    ref = pd.DataFrame({"population": g["population"].sum(min_count=1),
                        "complete": g["population"].count() == g["population"].size(),
                        "population_source": g["population_source"].first()}).reset_index()
    ref.loc[~ref["complete"], "population"] = np.nan
    ref["region_code"] = code
    ref["reason"] = np.where(ref["complete"], "", "province population: a member lacks population")
    return pd.concat([pop, ref.drop(columns="complete")], ignore_index=True)


def regional_tables(
    pdrb: pd.DataFrame,
    sector_tables: dict[str, pd.DataFrame],
    *,
    province_code: str,
    start: int,
    end: int,
    population: pd.DataFrame | None,
    centroids: pd.DataFrame | None,
    population_source: str = "dukcapil",
    semester: str = "S1",
    per_capita_year: int | None = None,
    gravity_mass: str = "pdrb",
    exponent: float = 2.0,
    interaction_year: int | None = None,
    williamson_thresholds=WILLIAMSON_THRESHOLDS,
    gini_thresholds=None,
    national: dict[str, pd.DataFrame] | None = None,
) -> dict[str, pd.DataFrame]:
    """Regional indicators of the kab/kota of one province, as the tables of ``potensi indicators``.

    Parameters
    ----------
    pdrb
        Tidy PDRB by sector at constant prices (ADHK2010) holding the province and its kab/kota.
    sector_tables
        The sector-indicator tables of :func:`potensi.study.sector_tables.sector_tables` (kept for
        the callers' convenience; the regional tables use the PDRB itself).
    province_code
        ``"64"`` or ``"6400"``.
    start, end
        Period (kab/kota sectors in the data: 2013–2022 on today's boundaries).
    population
        ``load_table("population")``; None skips everything that needs it.
    centroids
        One row per kab/kota (``load_table("centroids")``); None skips interaction and
        cooperation.
    population_source
        Source of the per-capita axis of the Klassen typology (``"dukcapil"`` or ``"bps"``);
        ``per_capita_year`` defaults to the last year of the period the source covers.
    gravity_mass, exponent, interaction_year
        Gravity masses (``"pdrb"`` total ADHK or ``"population"``), distance exponent and year
        (default ``end``).
    national
        Optional output of :func:`national_tables`: its inequality rows are appended (scope
        ``provinsi``).

    Returns
    -------
    dict of pandas.DataFrame
        Keys :data:`REGIONAL_TABLES`. Columns:

        * ``klassen_region``: see :func:`potensi.indicators.typology_region.klassen_region_from_pdrb`
          (reference = the province: its published PDRB over Σ member population).
        * ``specialisation``: see :func:`potensi.indicators.specialisation.specialisation` (reference =
          the province), plus ``reference_code``.
        * ``inequality``: ``scope, year, population_source, index, value, n_regions, class,
          note, reason``.
          Scope ``kabupaten/kota <code>, tanpa pertambangan`` repeats the Williamson rows with
          sector B removed from PDRB per capita (when the kab/kota have sector B). Gini rows carry
          no class (:data:`potensi.indicators.inequality.GINI_NO_CLASS` in ``note``).
        * ``convergence``: ``scope, method, year, start_year, end_year, statistic, value,
          std_error, n_regions, population_source, cov_type, note``; β only over windows of at
          least :data:`potensi.indicators.convergence.BETA_MIN_YEARS` years (a shorter segment
          gets one ``beta`` row with NaN and the reason in ``note``), with the mean growth of
          the richest and poorest quarter (``rich_growth_pct``, ``poor_growth_pct``) and the
          ``pattern`` in ``note``; scope ``…, tanpa pertambangan`` repeats β without sector B.
        * ``interaction``: see :func:`potensi.indicators.interaction.gravity_interaction`, plus ``year``.
    """
    func = "regional_tables"
    code = _province_code(province_code)
    start, end = int(start), int(end)
    if not end > start:
        raise ValueError(f"{func}: arguments start={start}, end={end}: end must be after start")
    if population_source not in POPULATION_SOURCES:
        raise ValueError(f"{func}: argument population_source={population_source!r} is unknown; "
                         f"expected one of {list(POPULATION_SOURCES)}")
    kab = list(_members(code)["region_code"])
    years = list(range(start, end + 1))
    adhk = pdrb[pdrb["price_basis"] == "ADHK2010"] if "price_basis" in pdrb.columns else pdrb
    kab_sectors = adhk[adhk["region_code"].isin(kab) & adhk["year"].isin(years) & (adhk["sector_code"] != TOTAL_CODE)]
    if kab_sectors.empty:
        raise ValueError(f"{func}: argument pdrb has no kab/kota sectors of province {code} in {start}–{end}; "
                         "expected ADHK2010 rows for its kab/kota")
    have_years = sorted(set(kab_sectors["year"]))
    kab = sorted(set(kab_sectors["region_code"]))
    totals = _totals(adhk, kab + [code], have_years)
    out: dict[str, pd.DataFrame] = {}

    # specialisation against the published province
    ref = adhk[(adhk["region_code"] == code) & adhk["year"].isin(have_years)]
    spec = specialisation(kab_sectors, reference=ref if len(ref) else None)
    spec.insert(2, "reference_code", code if len(ref) else "sum of kab/kota")
    out["specialisation"] = spec

    scope = SCOPES["kabkota"].format(code=code)
    if population is not None:
        pop = _population(population, kab, have_years, semester)
        pop_ref = _with_reference_population(pop, code)
        # Klassen: growth on PDRB, per capita in one year of the chosen source
        first, last = POPULATION_SOURCES[population_source][2:]
        covered = [y for y in have_years if first <= y <= last]
        complete = [y for y in covered if pop.loc[pop["year"] == y, "population"].notna().all()]
        pcy = per_capita_year if per_capita_year is not None else (max(complete or covered) if covered else None)
        if pcy is None:
            raise ValueError(f"{func}: argument population_source={population_source!r} covers {first}–{last}, "
                             f"outside the period {start}–{end}; expected a source covering a year of the period")
        t_end = max(have_years)
        out["klassen_region"] = klassen_region_from_pdrb(totals, pop_ref[pop_ref["year"] == pcy], start=min(have_years),
                                                         end=t_end, reference=code, per_capita_year=pcy)
        # inequality per year, with the province's own per capita as the Williamson mean
        kab_tot = totals[totals["region_code"].isin(kab)]
        data = kab_tot.merge(pop[["region_code", "year", "population", "population_source"]],
                             on=["region_code", "year"], how="left")
        prov_pc = per_capita(totals[totals["region_code"] == code], pop_ref[pop_ref["region_code"] == code])
        mean = prov_pc.set_index(["population_source", "year"])["per_capita"] / 1000  # miliar per jiwa
        ineq = inequality_table(data, by=["population_source", "year"], mean=mean,
                                williamson_thresholds=williamson_thresholds, gini_thresholds=gini_thresholds)
        ineq.insert(0, "scope", scope)
        ineq["note"] = BREAK_NOTE if data["population_source"].nunique() > 1 else ""
        frames = [_gini_note(ineq)]
        # Williamson without mining (sector B out of PDRB per capita), a separate scope
        has_b = "B" in set(kab_sectors["sector_code"])
        if has_b:
            nb_totals = _totals(adhk[adhk["sector_code"] != "B"], kab + [code], have_years)
            nb_data = nb_totals[nb_totals["region_code"].isin(kab)].merge(
                pop[["region_code", "year", "population", "population_source"]], on=["region_code", "year"], how="left")
            nb_pc = per_capita(nb_totals[nb_totals["region_code"] == code], pop_ref[pop_ref["region_code"] == code])
            nb_mean = nb_pc.set_index(["population_source", "year"])["per_capita"] / 1000
            nb = inequality_table(nb_data, by=["population_source", "year"], mean=nb_mean,
                                  williamson_thresholds=williamson_thresholds)
            nb = nb[nb["index"].astype(str).str.startswith("williamson")]
            nb.insert(0, "scope", f"{scope}, {WITHOUT_MINING}")
            nb["note"] = (MINING_NOTE + ("; " + BREAK_NOTE if nb_data["population_source"].nunique() > 1 else ""))
            frames.append(nb)
        if national is not None and "inequality" in national:
            frames.append(national["inequality"])
        out["inequality"] = pd.concat(frames, ignore_index=True)[
            ["scope", "year", "population_source", "index", "value", "n_regions", "class", "note", "reason"]]
        # convergence: sigma per year, beta within each population segment
        pc = per_capita(kab_tot, pop)
        conv = _convergence_long(pc, scope)
        if has_b:
            nb_pc_kab = per_capita(nb_totals[nb_totals["region_code"].isin(kab)], pop)
            nb_conv = _convergence_long(nb_pc_kab, f"{scope}, {WITHOUT_MINING}")
            if len(nb_conv):
                conv = pd.concat([conv, nb_conv[nb_conv["method"] == "beta"]], ignore_index=True)
        out["convergence"] = conv
    else:
        for name in ("klassen_region", "inequality", "convergence"):
            out[name] = pd.DataFrame()
        pop = None

    # gravity interaction (the sector potential and the cooperation proposals are conclusions:
    # potensi.study.conclusions)
    iyear = int(interaction_year if interaction_year is not None else max(have_years))
    if centroids is not None:
        if gravity_mass == "pdrb":
            masses = totals[(totals["year"] == iyear) & totals["region_code"].isin(kab)][["region_code", "value"]]
        elif gravity_mass == "population":
            if pop is None:
                raise ValueError(f"{func}: argument gravity_mass='population' needs population; got population=None")
            masses = pop[pop["year"] == iyear][["region_code", "population"]].rename(columns={"population": "value"})
        else:
            raise ValueError(f"{func}: argument gravity_mass={gravity_mass!r} is unknown; "
                             "expected 'pdrb' or 'population'")
        inter = gravity_interaction(masses, centroids[centroids["region_code"].isin(kab)], exponent=exponent,
                                    mass_kind=gravity_mass)
        inter.insert(0, "year", iyear)
        out["interaction"] = inter
    else:
        out["interaction"] = pd.DataFrame()
    return {k: out[k] for k in REGIONAL_TABLES}


def _convergence_long(pc: pd.DataFrame, scope: str) -> pd.DataFrame:
    """σ per year and β within each population segment, in one long table."""
    rows = []
    sig = sigma_convergence(pc)
    for r in sig.itertuples(index=False):
        for stat in ("sigma", "cv"):
            rows.append({"method": "sigma", "year": r.year, "start_year": np.nan, "end_year": np.nan,
                         "statistic": stat, "value": getattr(r, stat), "std_error": np.nan,
                         "n_regions": r.n_regions, "population_source": r.population_source, "cov_type": "",
                         "note": r.reason})
    for src, ys in source_segments(pc.loc[pc["per_capita"].notna(), "year"]).items():
        if len(ys) < 2:
            continue
        if max(ys) - min(ys) + 1 < BETA_MIN_YEARS:
            rows.append({"method": "beta", "year": np.nan, "start_year": min(ys), "end_year": max(ys),
                         "statistic": "beta", "value": np.nan, "std_error": np.nan, "n_regions": np.nan,
                         "population_source": src, "cov_type": "",
                         "note": f"not estimated: {max(ys) - min(ys) + 1} years with one population source, "
                                 f"fewer than {BETA_MIN_YEARS}"})
            continue
        seg = pc[pc["population_source"] == src]
        rows += _beta_rows(beta_convergence(seg, start=min(ys), end=max(ys)).iloc[0], src)
    out = pd.DataFrame(rows)
    if out.empty:
        return out
    out.insert(0, "scope", scope)
    for col in ("year", "start_year", "end_year"):
        out[col] = out[col].astype("Int64")
    return out


def _beta_rows(b: pd.Series, src: str) -> list[dict]:
    """Long rows of one :func:`beta_convergence` result (with who moved: richest and poorest quarter)."""
    note = (f"OLS, {b['cov_type']} robust SE; converging={b['converging']}; n = {b['n_regions']}; "
            f"pattern: {b['pattern']}" + (f"; {b['reason']}" if b["reason"] else ""))
    rows = []
    for stat, se in (("beta", "std_error"), ("alpha", None), ("speed", "speed_std_error"), ("half_life", None),
                     ("p_value", None), ("r_squared", None), ("rich_growth_pct", None), ("poor_growth_pct", None)):
        extra = {"rich_growth_pct": f"; regions {b['rich_regions']}",
                 "poor_growth_pct": f"; regions {b['poor_regions']}"}.get(stat, "")
        rows.append({"method": "beta", "year": np.nan, "start_year": int(b["start_year"]),
                     "end_year": int(b["end_year"]), "statistic": stat, "value": b[stat],
                     "std_error": b[se] if se else np.nan, "n_regions": b["n_regions"], "population_source": src,
                     "cov_type": b["cov_type"], "note": note + extra})
    return rows


def _gini_note(frame: pd.DataFrame) -> pd.DataFrame:
    """Say on the Gini rows without a class why they have none."""
    gini = frame["index"].astype(str).str.startswith("gini") & (frame["class"] == "")
    note = frame["note"].astype(str)
    frame["note"] = np.where(gini, np.where(note != "", note + "; " + GINI_NO_CLASS, GINI_NO_CLASS), note)
    return frame


def national_tables(
    per_capita_table: pd.DataFrame,
    pdrb_total: pd.DataFrame,
    *,
    start: int = 2010,
    end: int = 2023,
    pdrb: pd.DataFrame | None = None,
    population: pd.DataFrame | None = None,
    semester: str = "S1",
) -> dict[str, pd.DataFrame]:
    """Indicators of the 34 provinces of Indonesia (and of all kab/kota within provinces).

    Parameters
    ----------
    per_capita_table
        ``load_table("per_capita")``: BPS PDRB per capita of provinces (ribu rupiah).
    pdrb_total
        ``load_table("pdrb_total")``: printed totals (ADHK2010 used).
    pdrb, population
        Optional kab/kota sectors and population: adds Theil T of all kab/kota decomposed
        within/between provinces, year by year per population segment.

    Returns
    -------
    dict of pandas.DataFrame
        ``inequality`` (columns as in :func:`regional_tables`; scope ``provinsi`` with
        ``theil_t_between``/``theil_t_within`` over islands, and ``kabupaten/kota Indonesia``
        with provinces as groups), ``convergence`` (provinces, per capita ADHK published by
        BPS, one β over ``start``–``end``), ``klassen_region`` (provinces against Indonesia
        ``"0000"``: per capita ADHK in ``end``, growth of PDRB ADHK), ``theil_islands``
        (:func:`potensi.indicators.inequality.theil_decomposition` output).

    Notes
    -----
    Province population is the BPS figure implied by the published numbers,
    :math:`P = 10^6 \\cdot \\text{PDRB ADHK (miliar)} / \\text{per kapita ADHK (ribu)}`
    (``population_source = "bps_implied"``), so per capita equals the published BPS per capita.
    """
    cat = region_catalog()
    prov = cat[cat["level"] == "provinsi"][["region_code", "island"]]
    years = list(range(int(start), int(end) + 1))
    pc = per_capita_table[(per_capita_table["price_basis"] == "ADHK2010") & per_capita_table["year"].isin(years)]
    tot = pdrb_total[(pdrb_total["price_basis"] == "ADHK2010") & pdrb_total["year"].isin(years)
                     & (pdrb_total["sector_code"] == TOTAL_CODE)]
    m = tot[["region_code", "year", "value"]].merge(pc[["region_code", "year", "per_capita_ribu"]],
                                                     on=["region_code", "year"])
    m["population"] = 1e6 * m["value"] / m["per_capita_ribu"]
    m["per_capita"] = m["per_capita_ribu"] / 1000  # juta rupiah
    m["population_source"] = BPS_IMPLIED
    provs = m.merge(prov, on="region_code")
    provs = provs[provs["island"] != ""]
    frames = []
    ineq = inequality_table(provs, by=["population_source", "year"], group="island")
    ineq.insert(0, "scope", SCOPES["provinces"])
    ineq["note"] = "between/within: islands (Sumatera, Jawa, Bali-Nusa Tenggara, Kalimantan, Sulawesi, Maluku-Papua)"
    frames.append(_gini_note(ineq))
    theil_islands = theil_decomposition(provs, group="island", by=["year"])
    if pdrb is not None and population is not None:
        kab = cat[cat["level"].isin(["kabupaten", "kota"])][["region_code", "parent_code"]]
        adhk = pdrb[pdrb["price_basis"] == "ADHK2010"] if "price_basis" in pdrb.columns else pdrb
        kyears = sorted(set(adhk.loc[adhk["region_code"].isin(kab["region_code"]), "year"]) & set(years))
        if kyears:
            kt = _totals(adhk, set(kab["region_code"]), kyears)
            kp = _population(population, list(kab["region_code"]), kyears, semester)
            kd = kt.merge(kp[["region_code", "year", "population", "population_source"]], on=["region_code", "year"])
            kd = kd.merge(kab, on="region_code")
            kd = kd[kd["population"].notna() & kd["value"].notna()]
            k_ineq = inequality_table(kd, by=["population_source", "year"], group="parent_code")
            k_ineq.insert(0, "scope", SCOPES["kabkota_indonesia"])
            k_ineq["note"] = ("between/within: provinces; kab/kota without population left out; " + BREAK_NOTE)
            frames.append(_gini_note(k_ineq))
    inequality = pd.concat(frames, ignore_index=True)[
        ["scope", "year", "population_source", "index", "value", "n_regions", "class", "note", "reason"]]
    conv = _convergence_long(provs[["region_code", "year", "per_capita", "population_source"]], SCOPES["provinces"])
    if len(conv):
        # one BPS series: a single beta over the whole period, not per population segment
        conv = conv[conv["method"] == "sigma"]
        if int(end) - int(start) + 1 >= BETA_MIN_YEARS:
            b = beta_convergence(provs, start=int(start), end=int(end)).iloc[0]
            rows = pd.DataFrame(_beta_rows(b, BPS_IMPLIED)).assign(scope=SCOPES["provinces"], year=pd.NA)
            conv = pd.concat([conv, rows], ignore_index=True)
    growth = regional_growth(tot, start=int(start), end=int(end))
    ind = growth.merge(m[m["year"] == int(end)][["region_code", "per_capita", "population_source"]], on="region_code")
    ind = ind[ind["region_code"].isin(set(provs["region_code"]))]
    # Indonesia: BPS per capita; growth of PDB when printed for both years, else of Σ provinces (noted)
    nat_pc = pc.loc[(pc["region_code"] == NATIONAL_CODE) & (pc["year"] == int(end)), "per_capita_ribu"]
    nat_g = growth.loc[growth["region_code"] == NATIONAL_CODE, "growth"]
    note = ""
    if nat_g.empty or nat_g.isna().all():
        summed = provs.groupby("year", as_index=False)["value"].sum().assign(region_code=NATIONAL_CODE)
        nat_g = regional_growth(summed, start=int(start), end=int(end))["growth"]
        note = f"reference growth: Σ of provinces' PDRB ADHK (PDB not printed for {start} and {end})"
    ref = pd.DataFrame({"region_code": [NATIONAL_CODE], "per_capita": [nat_pc.iloc[0] / 1000 if len(nat_pc) else np.nan],
                        "growth": [float(nat_g.iloc[0])], "population_source": [BPS_IMPLIED]})
    ind = pd.concat([ind, ref], ignore_index=True)
    klassen = klassen_region(ind, reference=NATIONAL_CODE)
    klassen["per_capita_year"] = int(end)
    if note:
        klassen["reason"] = np.where(klassen["reason"] != "", klassen["reason"] + "; " + note, note)
    return {"inequality": inequality, "convergence": conv, "klassen_region": klassen, "theil_islands": theil_islands}
