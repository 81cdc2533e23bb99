"""One value that says what a study covers, resolved and validated once at the top.

The command line, the notebooks and the batch runner build a :class:`Study` with
:func:`make_study` before any kernel starts; everything below takes it as it is and never
re-validates the province code, the years or the sectors. Every refusal is a ``ValueError`` (or
``TypeError`` for a non-integer year) in the house format ``make_study: argument ...: ...``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from potensi.core.codes import DEFAULT_PRICE_BASIS, PRICE_BASES, REFERENCE_MODES
from potensi.core.validate import check_choice
from potensi.data.regions import members, province_code, region_catalog
from potensi.data.sectors import SECTOR_CODES

__all__ = ["Study", "make_study", "check_years", "check_sectors", "kabkota_years", "province_years"]

_FUNC = "make_study"


@dataclass(frozen=True)
class Study:
    """What a province study covers (immutable; built by :func:`make_study`).

    Attributes
    ----------
    province_code, province_name
        ``"6400"``, ``"Kalimantan Timur"``.
    start_year, end_year
        The analysis window (kab/kota sections use it; validated against the data).
    price_basis
        ``"ADHK2010"`` (constant prices: every growth indicator needs them).
    reference
        ``"published"`` (the province as BPS publishes it) or ``"sum"`` (Σ kab/kota).
    excluded_sectors
        Sector codes left out of the indicators (e.g. ``("B",)``: *tanpa pertambangan*).
    population_source
        Population series for per-capita indicators, or ``None`` for the default choice.
    extra_data
        The region's own files added to the embedded data (absolute paths).
    """

    province_code: str
    province_name: str
    start_year: int
    end_year: int
    price_basis: str = DEFAULT_PRICE_BASIS
    reference: str = "published"
    excluded_sectors: tuple[str, ...] = ()
    population_source: str | None = None
    extra_data: tuple[Path, ...] = ()
    requested_years: tuple[int, int] | None = None
    include_old_boundaries: bool = False

    @property
    def narrowed(self) -> bool:
        """Whether the window was narrowed to the years with data (the report says so)."""
        return self.requested_years is not None and self.requested_years != (self.start_year, self.end_year)

    @property
    def years(self) -> tuple[int, int]:
        return self.start_year, self.end_year

    @property
    def key(self) -> str:
        """The two-digit province key used for output folders (``"64"``)."""
        return self.province_code[:2]


def check_years(start: object, end: object, *, func: str = _FUNC) -> tuple[int, int]:
    """Two integer years with ``start < end`` (``2013.7``, ``"2013"`` and ``True`` are refused)."""
    out = []
    for arg, value in (("start_year", start), ("end_year", end)):
        if isinstance(value, bool) or not isinstance(value, int | np.integer):
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            else:
                raise TypeError(f"{func}: argument {arg}={value!r} is not an integer year")
        out.append(int(value))
    if out[0] >= out[1]:
        raise ValueError(f"{func}: argument start_year={out[0]} is not before end_year={out[1]}; "
                         "expected start_year < end_year")
    return out[0], out[1]


def check_sectors(excluded: Iterable[str] | str | None, *, func: str = _FUNC) -> tuple[str, ...]:
    """Sector codes to leave out, each one of the 17 *lapangan usaha* codes."""
    if excluded is None:
        return ()
    if isinstance(excluded, str):
        excluded = [excluded] if excluded else []
    out = tuple(dict.fromkeys(str(s) for s in excluded))
    bad = sorted(set(out) - set(SECTOR_CODES))
    if bad:
        raise ValueError(f"{func}: argument excluded_sectors={bad} unknown; expected codes among {list(SECTOR_CODES)}")
    return out


def province_years(pdrb: pd.DataFrame, code: str) -> list[int]:
    """Years with PDRB by sector for the province itself."""
    return sorted(int(y) for y in pdrb.loc[pdrb["region_code"] == code, "year"].unique())


def kabkota_years(pdrb: pd.DataFrame, code: str) -> list[int]:
    """Years with PDRB by sector for at least one kab/kota of the province."""
    kab = set(members(code)["region_code"])
    return sorted(int(y) for y in pdrb.loc[pdrb["region_code"].isin(kab), "year"].unique())


def make_study(province: str | int, *, start_year: int | None = None, end_year: int | None = None,
               price_basis: str = DEFAULT_PRICE_BASIS, reference: str = "published",
               excluded_sectors: Iterable[str] | str | None = (), population_source: str | None = None,
               extra_data: Iterable[str | Path] | str | Path | None = (), pdrb: pd.DataFrame | None = None,
               include_old_boundaries: bool = False) -> Study:
    """Resolve and validate everything a province study needs, once.

    Parameters
    ----------
    province
        ``"64"``, ``64`` or ``"6400"``.
    start_year, end_year
        The window; ``None`` takes the years with kab/kota data (the latest window with
        kab/kota PDRB by sector, e.g. 2013–2022), or the province's own years when it has no
        kab/kota data at all (the 2022 Papua provinces).
    pdrb
        The tidy PDRB to check the window against (default: the processed store).

    Raises
    ------
    ValueError
        Unknown province, sectors, reference or price basis; a window with no kab/kota data for a
        province that has kab/kota data in other years (the report would silently lose every
        kab/kota section); a window with fewer than two years of province data; a missing
        ``extra_data`` file.
    """
    code = province_code(province)
    name = str(region_catalog().set_index("region_code").loc[code, "region_name"])
    check_choice(reference, REFERENCE_MODES, _FUNC, "reference")
    check_choice(price_basis, PRICE_BASES, _FUNC, "price_basis")
    excluded = check_sectors(excluded_sectors)
    if pdrb is None:
        from potensi.data.store import load_table

        pdrb = load_table("pdrb")
    pdrb = pdrb[pdrb["price_basis"] == price_basis] if "price_basis" in pdrb.columns else pdrb
    kab_years, prov_years = kabkota_years(pdrb, code), province_years(pdrb, code)
    available = kab_years or prov_years
    if len(available) < 2:
        raise ValueError(f"{_FUNC}: argument province={province!r}: {name} has fewer than two years of PDRB by "
                         f"sector in the data ({price_basis})")
    start = available[0] if start_year is None else start_year
    end = available[-1] if end_year is None else end_year
    if start_year is None and end_year is not None and start >= end:
        start = min(available)
    start, end = check_years(start, end)
    inside = [y for y in available if start <= y <= end]
    if len(inside) < 2:
        what = "kab/kota" if kab_years else "provinsi"
        raise ValueError(f"{_FUNC}: argument start_year/end_year={start}–{end}: {name} has {what} PDRB by sector "
                         f"only for {available[0]}–{available[-1]}; choose a window inside it")
    files: list[Path] = []
    if extra_data is not None:
        items = [extra_data] if isinstance(extra_data, str | Path) else list(extra_data)
        for item in items:
            path = Path(item).expanduser().resolve()
            if not path.is_file():
                raise ValueError(f"{_FUNC}: argument extra_data: {item!s} is not a readable file")
            files.append(path)
    return Study(province_code=code, province_name=name, start_year=int(inside[0]), end_year=int(inside[-1]),
                 price_basis=price_basis, reference=reference, excluded_sectors=excluded,
                 population_source=population_source, extra_data=tuple(files),
                 requested_years=(start, end), include_old_boundaries=bool(include_old_boundaries))
