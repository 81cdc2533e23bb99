"""Private helpers shared by the indicator modules: argument checks and the region panel.

Every message follows the house format ``function: argument ...: what is wrong; expected ...``.
The checks are generic (any column names, any sector codes); :func:`build_panel` turns a tidy
PDRB table into dense ``region x year x sector`` arrays plus the matching reference arrays, so
that the indicators are plain numpy broadcasting with no Python loop over regions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__: list[str] = []  # private module

#: Sector code of a printed total row; such rows are ignored (totals are summed from sectors).
TOTAL_CODE = "TOTAL"
REFERENCE_MODES = ("published", "sum")


# --------------------------------------------------------------------------- small checks
def check_frame(data: object, func: str, argument: str = "data") -> pd.DataFrame:
    """``TypeError`` unless ``data`` is a DataFrame."""
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"{func}: argument {argument}= must be a pandas DataFrame; got {type(data).__name__}")
    return data


def check_columns(data: pd.DataFrame, func: str, **columns: str) -> None:
    """Each keyword is an argument name, its value the column it names; all must exist."""
    for argument, column in columns.items():
        if column not in data.columns:
            raise ValueError(
                f"{func}: column {column!r} (argument {argument}=) not found; available: {list(data.columns)}"
            )


def check_choice(value: object, options: Iterable[object], func: str, argument: str) -> None:
    """``ValueError`` unless ``value`` is one of ``options``."""
    options = list(options)
    if value not in options:
        raise ValueError(f"{func}: argument {argument}={value!r} is not valid; expected one of {options}")


def check_year(value: object, func: str, argument: str) -> int:
    """An integer year (bools and floats with a fraction are refused)."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise TypeError(f"{func}: argument {argument}= must be an integer year; got {value!r}")
    return int(value)


def check_period(start: object, end: object, func: str) -> tuple[int, int]:
    """``start < end``, both integer years."""
    start, end = check_year(start, func, "start"), check_year(end, func, "end")
    if not start < end:
        raise ValueError(f"{func}: argument start={start} is not before end={end}; expected start < end")
    return start, end


def single_price_basis(data: pd.DataFrame, func: str, column: str, *, constant: bool = False) -> str:
    """The one price basis of ``data``; mixed bases raise, and so does a current-price basis
    when ``constant`` (growth needs constant prices, *atas dasar harga konstan*)."""
    values = sorted({str(v) for v in data[column].dropna().unique()})
    if not values:
        raise ValueError(f"{func}: column {column!r} (argument price_basis=) is empty; expected one price basis")
    if len(values) > 1:
        raise ValueError(
            f"{func}: column {column!r} (argument price_basis=) mixes price bases {values}; expected one "
            f"(filter first, e.g. data[data[{column!r}] == {values[-1]!r}])"
        )
    basis = values[0]
    if constant and not basis.upper().startswith("ADHK"):
        raise ValueError(
            f"{func}: price basis {basis!r} is not a constant-price basis; growth-based indicators need "
            "constant prices (ADHK, atas dasar harga konstan)"
        )
    return basis


def check_codes_present(codes: Iterable[str], available: Iterable[str], func: str, argument: str,
                        what: str = "region") -> None:
    """Every code in ``codes`` must be among ``available``."""
    available = set(available)
    missing = [c for c in codes if c not in available]
    if missing:
        raise ValueError(
            f"{func}: argument {argument}=: {what} code(s) {missing} not in the data; available: {sorted(available)}"
        )


def numeric_values(data: pd.DataFrame, func: str, *, value: str, region: str, sector: str, year: str) -> np.ndarray:
    """``data[value]`` as float64; a non-numeric, infinite or negative value raises ``ValueError``
    naming the region, sector and year. Missing values (NaN/None) stay NaN."""
    raw = data[value]
    numbers = pd.to_numeric(raw, errors="coerce")
    bad = numbers.isna() & raw.notna()
    if bad.any():
        row = data.loc[bad].iloc[0]
        raise ValueError(
            f"{func}: column {value!r} (argument value=): {row[value]!r} for region {row[region]}, sector "
            f"{row[sector]}, year {row[year]} is not a number; expected a number in miliar rupiah"
        )
    out = numbers.to_numpy(dtype="float64", na_value=np.nan)
    wrong = np.isinf(out) | (out < 0)
    if wrong.any():
        row = data.loc[wrong].iloc[0]
        raise ValueError(
            f"{func}: column {value!r} (argument value=): {row[value]!r} for region {row[region]}, sector "
            f"{row[sector]}, year {row[year]} is negative or infinite; expected a value >= 0"
        )
    return out


def pivot_wide(data: pd.DataFrame, func: str, *, index: str | list[str], columns: str, values: str) -> pd.DataFrame:
    """``data.pivot`` that names the duplicated key instead of pandas' generic message."""
    keys = ([index] if isinstance(index, str) else list(index)) + [columns]
    dup = data.duplicated(keys, keep=False)
    if dup.any():
        first = data.loc[dup, keys].iloc[0].to_dict()
        raise ValueError(f"{func}: argument data=: duplicate rows for {first}; expected one row per {tuple(keys)}")
    return data.pivot(index=index, columns=columns, values=values)


def bps_parent(codes: Iterable[str]) -> dict[str, str]:
    """BPS parent code of each code: kab/kota ``xxyy`` -> province ``xx00``; province -> ``0000``."""
    out = {}
    for code in codes:
        code = str(code)
        out[code] = "0000" if code.endswith("00") else code[:2] + "00"
    return out


def code_order(code: str) -> tuple:
    """Sort key for codes: numeric codes by number ("2" before "10"), then the others."""
    return (0, int(code), "") if code.isdigit() else (1, 0, code)


# --------------------------------------------------------------------------- the panel
@dataclass(frozen=True)
class Panel:
    """Dense arrays of a tidy PDRB table (private).

    ``x[r, y, s]`` is the value of study region ``regions[r]`` in ``years[y]`` and sector
    ``sectors[s]`` (NaN where no row); ``ref`` the same for the reference of each study region
    (``references[r]``) or ``None``; ``has_x``/``has_ref`` flag region-years with any row.
    """

    regions: list[str]
    references: list[str] | None
    years: np.ndarray
    sectors: list[str]
    x: np.ndarray
    ref: np.ndarray | None
    has_x: np.ndarray
    has_ref: np.ndarray | None
    basis: str
    reference_mode: str

    def year_index(self, year: int, func: str, argument: str) -> int:
        hit = np.flatnonzero(self.years == year)
        if not len(hit):
            raise ValueError(
                f"{func}: argument {argument}={year}: year not in the data; available: {self.years.tolist()}"
            )
        return int(hit[0])


def build_panel(
    data: pd.DataFrame,
    func: str,
    *,
    reference_code: str | Mapping[str, str] | None,
    regions: Iterable[str] | None = None,
    reference: str = "published",
    exclude: Iterable[str] = (),
    region: str = "region_code",
    sector: str = "sector_code",
    year: str = "year",
    value: str = "value",
    price_basis: str = "price_basis",
    constant: bool = False,
    years: Iterable[int] | None = None,
) -> Panel:
    """Validate a tidy table and return its :class:`Panel`.

    ``reference_code`` is one code for all study regions, a mapping ``region -> reference``, or
    ``None`` (no reference: ``regions`` default to every region). With ``reference="sum"`` the
    reference of a region is the sum of the study regions that share its reference code.
    Rows whose sector is ``"TOTAL"`` are ignored; ``exclude`` drops sectors before any total
    is formed (*tanpa migas* and similar variants).
    """
    check_frame(data, func)
    check_columns(data, func, region=region, sector=sector, year=year, value=value, price_basis=price_basis)
    check_choice(reference, REFERENCE_MODES, func, "reference")
    if isinstance(exclude, str):
        exclude = [exclude]
    exclude = [str(s) for s in exclude]
    frame = data[[region, sector, year, value, price_basis]]
    frame = frame[frame[sector].astype(str) != TOTAL_CODE]
    if frame.empty:
        raise ValueError(f"{func}: argument data= has no sector rows; expected a tidy PDRB table")
    codes = frame[region].astype(str).to_numpy()
    sectors_all = frame[sector].astype(str).to_numpy()
    check_codes_present(exclude, set(sectors_all), func, "exclude", what="sector")
    keep = ~pd.Index(sectors_all).isin(exclude)
    if not keep.any():
        raise ValueError(f"{func}: argument exclude={exclude} removes every sector; expected at least one left")
    frame, codes, sectors_all = frame[keep], codes[keep], sectors_all[keep]
    basis = single_price_basis(frame, func, price_basis, constant=constant)
    values = numeric_values(frame, func, value=value, region=region, sector=sector, year=year)
    year_values = pd.to_numeric(frame[year], errors="coerce")
    if year_values.isna().any() or (year_values % 1 != 0).any():
        bad = frame.loc[year_values.isna() | (year_values % 1 != 0), year].iloc[0]
        raise ValueError(f"{func}: column {year!r} (argument year=): {bad!r} is not an integer year")
    year_values = year_values.to_numpy(dtype="int64")

    present = sorted(set(codes), key=code_order)
    if reference_code is None:
        study = list(present) if regions is None else [str(r) for r in regions]
        ref_of = None
    elif isinstance(reference_code, Mapping):
        ref_of = {str(k): str(v) for k, v in reference_code.items()}
        study = list(ref_of) if regions is None else [str(r) for r in regions]
        missing = [r for r in study if r not in ref_of]
        if missing:
            raise ValueError(f"{func}: argument reference_code=: no reference given for region(s) {missing}")
    else:
        ref_code = str(reference_code)
        if regions is None:
            study = [c for c in present if c != ref_code]
        else:
            study = [str(r) for r in regions]
        ref_of = dict.fromkeys(study, ref_code)
    if isinstance(regions, str):
        raise TypeError(f"{func}: argument regions= must be a list of codes; got the string {regions!r}")
    if not study:
        raise ValueError(f"{func}: argument regions=: no study region; expected at least one region besides the reference")
    check_codes_present(study, present, func, "regions")
    references = None if ref_of is None else [ref_of[r] for r in study]
    if references is not None and reference == "published":
        check_codes_present(sorted(set(references)), present, func, "reference_code")

    if years is not None:
        years = sorted({int(y) for y in years})
        have = set(np.unique(year_values[pd.Index(codes).isin(study)]).tolist())
        for argument, wanted in (("start", years[0]), ("end", years[-1])):
            if wanted not in have:
                raise ValueError(f"{func}: argument {argument}={wanted}: no study region has data for this year; "
                                 f"available: {sorted(have)}")
    year_axis = np.unique(year_values) if years is None else np.asarray(years, dtype="int64")
    sector_axis = sorted(set(sectors_all), key=code_order)
    needed = list(dict.fromkeys(study + (references or [])))
    r_idx = pd.Index(needed).get_indexer(codes)
    y_idx = pd.Index(year_axis).get_indexer(year_values)
    s_idx = pd.Index(sector_axis).get_indexer(sectors_all)
    use = (r_idx >= 0) & (y_idx >= 0)
    r_idx, y_idx, s_idx, values = r_idx[use], y_idx[use], s_idx[use], values[use]
    flat = (r_idx * len(year_axis) + y_idx) * len(sector_axis) + s_idx
    counts = np.bincount(flat, minlength=len(needed) * len(year_axis) * len(sector_axis))
    if (counts > 1).any():
        k = int(np.flatnonzero(counts > 1)[0])
        r, rest = divmod(k, len(year_axis) * len(sector_axis))
        y, s = divmod(rest, len(sector_axis))
        raise ValueError(
            f"{func}: argument data=: duplicate rows for region {needed[r]}, year {year_axis[y]}, sector "
            f"{sector_axis[s]}; expected one row per (region, year, sector, price basis)"
        )
    cube = np.full((len(needed), len(year_axis), len(sector_axis)), np.nan)
    cube[r_idx, y_idx, s_idx] = values
    has = np.zeros((len(needed), len(year_axis)), dtype=bool)
    has[r_idx, y_idx] = True
    n = len(study)
    x, has_x = cube[:n], has[:n]
    ref = has_ref = None
    if references is not None:
        if reference == "published":
            pos = pd.Index(needed).get_indexer(references)
            ref, has_ref = cube[pos], has[pos]
        else:
            groups, inverse = np.unique(np.asarray(references), return_inverse=True)
            summed = np.zeros((len(groups), len(year_axis), len(sector_axis)))
            np.add.at(summed, inverse, x)  # NaN in any member propagates
            any_member = np.zeros((len(groups), len(year_axis)), dtype=bool)
            np.logical_or.at(any_member, inverse, has_x)
            all_members = np.ones((len(groups), len(year_axis)), dtype=bool)
            np.logical_and.at(all_members, inverse, has_x)
            summed[~all_members] = np.nan  # a member without data: the sum is not the reference
            ref, has_ref = summed[inverse], any_member[inverse]
            references = [f"{c}-SUM" for c in np.asarray(references)]
    return Panel(study, references, year_axis, sector_axis, x, ref, has_x, has_ref, basis, reference)


# --------------------------------------------------------------------------- reasons and output
def level_problems(panel: Panel, *, reference: bool = True, zeros: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Why a share or LQ is undefined, per region x year x sector: (invalid mask, reason).

    With ``zeros=False`` only missing data count (zero totals and values are left to the
    caller, who knows which zeros matter)."""
    x = panel.x
    tx = x.sum(axis=2, keepdims=True)
    shape = x.shape
    conds = [
        np.broadcast_to(~panel.has_x[:, :, None], shape),
        np.isnan(x),
        np.broadcast_to(np.isnan(tx), shape),
        np.broadcast_to(tx == 0, shape),
    ]
    labels = [
        "no data for the region in this year",
        "missing value",
        "region total incomplete (another sector's value is missing)",
        "zero region total",
    ]
    if reference and panel.ref is not None:
        r = panel.ref
        tr = r.sum(axis=2, keepdims=True)
        conds += [
            np.broadcast_to(~panel.has_ref[:, :, None], shape),
            np.isnan(r),
            np.broadcast_to(np.isnan(tr), shape),
            np.broadcast_to(tr == 0, shape),
            r == 0,
        ]
        labels += [
            "no reference data in this year",
            "missing reference value",
            "reference total incomplete (a sector's value is missing)",
            "zero reference total",
            "zero reference value (sector absent in the reference)",
        ]
    if not zeros:
        keep = [i for i, label in enumerate(labels) if "zero" not in label]
        conds, labels = [conds[i] for i in keep], [labels[i] for i in keep]
    reason = np.select(conds, labels, default="")
    return reason != "", reason


def first_reason(reason: np.ndarray, years: np.ndarray, axis: int = 1) -> np.ndarray:
    """Combine reasons over the year axis: ``"<year>: <reason>"`` of the first non-empty one."""
    nonempty = reason != ""
    anyr = nonempty.any(axis=axis)
    first = nonempty.argmax(axis=axis)
    picked = np.take_along_axis(reason, np.expand_dims(first, axis), axis=axis).squeeze(axis)
    yrs = years[first]
    out = np.full(anyr.shape, "", dtype=object)
    idx = np.nonzero(anyr)
    out[idx] = [f"{y}: {r}" for y, r in zip(yrs[idx], picked[idx])]
    return out


def merge_reasons(*reasons: np.ndarray) -> np.ndarray:
    """Element-wise first non-empty reason."""
    out = np.asarray(reasons[0], dtype=object)
    for more in reasons[1:]:
        out = np.where(out != "", out, np.asarray(more, dtype=object))
    return out


def yearly_frame(panel: Panel, columns: Mapping[str, np.ndarray], *, reason: np.ndarray,
                 year_col: str = "year", years: np.ndarray | None = None) -> pd.DataFrame:
    """Long table from region x year x sector arrays, rows ordered region, sector, year."""
    years = panel.years if years is None else years
    nr, ny, ns = len(panel.regions), len(years), len(panel.sectors)
    data = {
        "region_code": np.repeat(np.asarray(panel.regions, dtype=object), ns * ny),
        "sector_code": np.tile(np.repeat(np.asarray(panel.sectors, dtype=object), ny), nr),
        year_col: np.tile(years, nr * ns),
    }
    for name, arr in columns.items():
        data[name] = np.asarray(arr).transpose(0, 2, 1).reshape(-1)
    frame = pd.DataFrame(data)
    frame["price_basis"] = panel.basis
    if panel.references is not None:
        frame["reference_code"] = np.repeat(np.asarray(panel.references, dtype=object), ns * ny)
    frame["reason"] = np.asarray(reason, dtype=object).transpose(0, 2, 1).reshape(-1)
    return _string_columns(frame)


def period_frame(panel: Panel, start: int, end: int, columns: Mapping[str, np.ndarray], *,
                 reason: np.ndarray) -> pd.DataFrame:
    """Long table from region x sector arrays for one period (``start_year``, ``end_year``)."""
    nr, ns = len(panel.regions), len(panel.sectors)
    data = {
        "region_code": np.repeat(np.asarray(panel.regions, dtype=object), ns),
        "sector_code": np.tile(np.asarray(panel.sectors, dtype=object), nr),
        "start_year": np.full(nr * ns, start, dtype="int64"),
        "end_year": np.full(nr * ns, end, dtype="int64"),
    }
    for name, arr in columns.items():
        arr = np.asarray(arr) if not isinstance(arr, pd.Categorical) else arr
        data[name] = arr.reshape(-1) if not isinstance(arr, pd.Categorical) else arr
    frame = pd.DataFrame(data)
    frame["price_basis"] = panel.basis
    if panel.references is not None:
        frame["reference_code"] = np.repeat(np.asarray(panel.references, dtype=object), ns)
    frame["reason"] = np.asarray(reason, dtype=object).reshape(-1)
    return _string_columns(frame)


def _string_columns(frame: pd.DataFrame) -> pd.DataFrame:
    for col in frame.columns:
        if frame[col].dtype == object:
            frame[col] = frame[col].astype("str")
    return frame


def ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """``num / den`` with NaN (not inf, not a warning) where ``den`` is 0 or NaN."""
    with np.errstate(divide="ignore", invalid="ignore"):
        out = num / den
    return np.where(den == 0, np.nan, out)
