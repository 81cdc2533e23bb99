"""The region panel engine shared by the indicator modules.

:func:`build_panel` turns a tidy PDRB table into dense ``region x year x sector`` arrays plus the
matching reference arrays, so that the indicators are plain numpy broadcasting with no Python
loop over regions. A :class:`Prepared` panel is validated once and shared by several indicators
(as :func:`potensi.study.sector_tables.sector_tables` does); the reasons why a value is NaN travel
as integer codes (:class:`Reasons`) and become text only for the output column.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from potensi.core.codes import REFERENCE_MODES, TOTAL_CODE
from potensi.core.validate import (
    check_choice,
    check_codes_present,
    check_columns,
    check_frame,
    code_order,
    numeric_values,
    single_price_basis,
)

__all__: list[str] = []  # private module

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


@dataclass(frozen=True)
class Cube:
    """Every region :func:`build_panel` arranged (the study regions, then their published
    references), before any reference sum: ``x[k, y, s]``, ``has[k, y]`` (any row in the
    region-year) and ``cell[k, s]`` (any row for the region and sector in the year axis)."""

    codes: list[str]
    x: np.ndarray
    has: np.ndarray
    cell: np.ndarray


def _codes(column: pd.Series) -> tuple[np.ndarray, list[str]]:
    """Integer codes and the code strings of a column of region or sector codes."""
    if not isinstance(column.dtype, pd.StringDtype):
        column = column.astype(str)
    codes, uniques = pd.factorize(column)
    return codes, [str(u) for u in uniques]


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
    check_years: tuple[int, int] | None = None,
) -> Panel:
    """Validate a tidy table and return its :class:`Panel`.

    ``reference_code`` is one code for all study regions, a mapping ``region -> reference``, or
    ``None`` (no reference: ``regions`` default to every region). With ``reference="sum"`` the
    reference of a region is the sum of the study regions that share its reference code.
    Rows whose sector is ``"TOTAL"`` are ignored; ``exclude`` drops sectors before any total
    is formed (*tanpa migas* and similar variants). With ``years`` the year axis is exactly
    those years, and some study region must have data in the first and last of them (or in
    the two years of ``check_years``, reported as ``start`` and ``end``).
    """
    return _build(data, func, reference_code=reference_code, regions=regions, reference=reference,
                  exclude=exclude, region=region, sector=sector, year=year, value=value,
                  price_basis=price_basis, constant=constant, years=years, check_years=check_years)[0]


def _build(
    data: pd.DataFrame,
    func: str,
    *,
    reference_code: str | Mapping[str, str] | None,
    regions: Iterable[str] | None,
    reference: str,
    exclude: Iterable[str],
    region: str,
    sector: str,
    year: str,
    value: str,
    price_basis: str,
    constant: bool,
    years: Iterable[int] | None,
    check_years: tuple[int, int] | None,
) -> tuple[Panel, Cube]:
    """:func:`build_panel` returning the :class:`Cube` of every region arranged as well.

    No row-level DataFrame is built: codes are factorised once and every check works on
    integer codes (a 74,000-row table takes about 10 ms)."""
    check_frame(data, func)
    check_columns(data, func, region=region, sector=sector, year=year, value=value, price_basis=price_basis)
    check_choice(reference, REFERENCE_MODES, func, "reference")
    if isinstance(exclude, str):
        exclude = [exclude]
    exclude = [str(s) for s in exclude]
    s_codes, s_names = _codes(data[sector])
    total_code = s_names.index(TOTAL_CODE) if TOTAL_CODE in s_names else -2
    sector_rows = s_codes != total_code
    if not sector_rows.any():
        raise ValueError(f"{func}: argument data= has no sector rows; expected a tidy PDRB table")
    present_s = np.zeros(len(s_names) + 1, dtype=bool)  # the extra slot takes code -1 (missing)
    present_s[s_codes[sector_rows]] = True
    check_codes_present(exclude, [s for s, p in zip(s_names, present_s) if p], func, "exclude", what="sector")
    dropped = np.zeros(len(s_names) + 1, dtype=bool)
    dropped[[s_names.index(s) for s in exclude]] = True
    keep = sector_rows & ~dropped[s_codes]
    if not keep.any():
        raise ValueError(f"{func}: argument exclude={exclude} removes every sector; expected at least one left")
    r_codes, r_names = _codes(data[region])
    r_codes, s_codes = r_codes[keep], s_codes[keep]
    for codes, column, argument in ((r_codes, region, "region"), (s_codes, sector, "sector")):
        if (codes < 0).any():
            raise ValueError(f"{func}: column {column!r} (argument {argument}=) has a missing code; "
                             "expected a code in every row")
    basis = _price_basis(data, keep, func, price_basis, constant)
    values = _values(data, keep, func, value=value, region=region, sector=sector, year=year)
    year_values = _years(data, keep, func, year)

    used_r = np.zeros(len(r_names), dtype=bool)
    used_r[r_codes] = True
    present = sorted((c for c, u in zip(r_names, used_r) if u), key=code_order)
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
        study_set = set(study)
        is_study = np.array([c in study_set for c in r_names], dtype=bool)
        have = set(np.unique(year_values[is_study[r_codes]]).tolist())
        wanted_years = (years[0], years[-1]) if check_years is None else tuple(int(y) for y in check_years)
        for argument, wanted in zip(("start", "end"), wanted_years):
            if wanted not in have:
                raise ValueError(f"{func}: argument {argument}={wanted}: no study region has data for this year; "
                                 f"available: {sorted(have)}")
    year_axis = np.unique(year_values) if years is None else np.asarray(years, dtype="int64")
    present_s = np.zeros(len(s_names), dtype=bool)
    present_s[s_codes] = True
    sector_axis = sorted((s for s, p in zip(s_names, present_s) if p), key=code_order)
    needed = list(dict.fromkeys(study + (references or [])))
    r_idx = pd.Index(needed).get_indexer(r_names)[r_codes]
    s_idx = pd.Index(sector_axis).get_indexer(s_names)[s_codes]
    y_idx = pd.Index(year_axis).get_indexer(year_values)
    use = (r_idx >= 0) & (y_idx >= 0)
    r_idx, y_idx, s_idx, values = r_idx[use], y_idx[use], s_idx[use], values[use]
    ny, ns = len(year_axis), len(sector_axis)
    flat = (r_idx * ny + y_idx) * ns + s_idx
    counts = np.bincount(flat, minlength=len(needed) * ny * ns)
    if (counts > 1).any():
        k = int(np.flatnonzero(counts > 1)[0])
        r, rest = divmod(k, ny * ns)
        y, s = divmod(rest, ns)
        raise ValueError(
            f"{func}: argument data=: duplicate rows for region {needed[r]}, year {year_axis[y]}, sector "
            f"{sector_axis[s]}; expected one row per (region, year, sector, price basis)"
        )
    cube = np.full(len(needed) * ny * ns, np.nan)
    cube[flat] = values
    cube = cube.reshape(len(needed), ny, ns)
    has = np.zeros((len(needed), ny), dtype=bool)
    has[r_idx, y_idx] = True
    cell = np.zeros((len(needed), ns), dtype=bool)
    cell[r_idx, s_idx] = True
    n = len(study)
    x, has_x = cube[:n], has[:n]
    ref = has_ref = None
    if references is not None:
        if reference == "published":
            pos = pd.Index(needed).get_indexer(references)
            ref, has_ref = cube[pos], has[pos]
        else:
            groups, inverse = np.unique(np.asarray(references), return_inverse=True)
            summed = np.zeros((len(groups), ny, ns))
            np.add.at(summed, inverse, x)  # NaN in any member propagates
            any_member = np.zeros((len(groups), ny), dtype=bool)
            np.logical_or.at(any_member, inverse, has_x)
            all_members = np.ones((len(groups), ny), dtype=bool)
            np.logical_and.at(all_members, inverse, has_x)
            summed[~all_members] = np.nan  # a member without data: the sum is not the reference
            ref, has_ref = summed[inverse], any_member[inverse]
            references = [f"{c}-SUM" for c in np.asarray(references)]
    panel = Panel(study, references, year_axis, sector_axis, x, ref, has_x, has_ref, basis, reference)
    return panel, Cube(needed, cube, has, cell)


def _price_basis(data: pd.DataFrame, keep: np.ndarray, func: str, column: str, constant: bool) -> str:
    codes, uniques = pd.factorize(data[column])
    used = np.zeros(len(uniques) + 1, dtype=bool)
    used[codes[keep]] = True
    return single_price_basis(pd.DataFrame({column: uniques[used[:-1]]}), func, column, constant=constant)


def _values(data: pd.DataFrame, keep: np.ndarray, func: str, *, value: str, region: str, sector: str,
            year: str) -> np.ndarray:
    """:func:`numeric_values` of the kept rows, without copying the rows when all is well."""
    column = data[value]
    if pd.api.types.is_numeric_dtype(column.dtype) and not pd.api.types.is_bool_dtype(column.dtype):
        out = column.to_numpy(dtype="float64", na_value=np.nan)[keep]
        if not (np.isinf(out) | (out < 0)).any():
            return out
    return numeric_values(data.loc[keep, [region, sector, year, value]], func, value=value, region=region,
                          sector=sector, year=year)


def _years(data: pd.DataFrame, keep: np.ndarray, func: str, year: str) -> np.ndarray:
    column = data[year]
    if pd.api.types.is_integer_dtype(column.dtype) and not column.hasnans:
        return column.to_numpy(dtype="int64")[keep]
    year_values = pd.to_numeric(column[keep], errors="coerce")
    bad = year_values.isna() | (year_values % 1 != 0)
    if bad.any():
        raise ValueError(f"{func}: column {year!r} (argument year=): {column[keep][bad].iloc[0]!r} "
                         "is not an integer year")
    return year_values.to_numpy(dtype="int64")


# --------------------------------------------------------------------------- reasons
class Reasons:
    """Reason texts interned as integer codes: arrays of ``int32`` codes, ``0`` for none.

    The indicators combine reasons as code arrays (cheap element-wise ``np.where``) and the
    few distinct texts are formatted once; :meth:`column` turns codes into the output column.
    """

    def __init__(self) -> None:
        self.texts: list[str] = [""]
        self._index: dict[str, int] = {"": 0}

    def code(self, text: str) -> int:
        """The code of ``text`` (added if new)."""
        c = self._index.get(text)
        if c is None:
            c = self._index[text] = len(self.texts)
            self.texts.append(text)
        return c

    def select(self, conds: list, labels: list[str], shape: tuple[int, ...]) -> np.ndarray:
        """Like ``np.select(conds, labels, default="")``: the label of the first true condition."""
        out = np.zeros(shape, dtype=np.int32)
        for cond, label in zip(reversed(conds), reversed(labels)):
            np.copyto(out, self.code(label), where=cond)
        return out

    @staticmethod
    def merge(*codes: np.ndarray) -> np.ndarray:
        """Element-wise first non-empty reason (as :func:`merge_reasons`)."""
        out = np.asarray(codes[0], dtype=np.int32)
        for more in codes[1:]:
            out = np.where(out != 0, out, more).astype(np.int32, copy=False)
        return out

    def format(self, codes: np.ndarray, template: str, years: np.ndarray | None = None,
               axis: int = 1) -> np.ndarray:
        """Rewrite every non-empty reason with ``template`` (``{text}`` and, with ``years``, the
        ``{year}`` of its position along ``axis``)."""
        codes = np.asarray(codes)
        n = len(self.texts)
        if years is None:
            key = codes.astype(np.int64)
        else:
            shape = [1] * codes.ndim
            shape[axis] = -1
            key = np.arange(len(years)).reshape(shape) * n + codes
        def text(k: int) -> str:
            fields = {"text": self.texts[k % n]}
            if years is not None:
                fields["year"] = years[k // n]
            return template.format(**fields)

        return self._recode(np.where(codes != 0, key, -1), text)

    def first(self, codes: np.ndarray, years: np.ndarray, axis: int = 1) -> np.ndarray:
        """``"<year>: <reason>"`` of the first non-empty reason along the year axis (as
        :func:`first_reason`)."""
        nonempty = codes != 0
        first = nonempty.argmax(axis=axis)
        picked = np.take_along_axis(codes, np.expand_dims(first, axis), axis=axis).squeeze(axis)
        n = len(self.texts)
        return self._recode(np.where(picked != 0, first * n + picked, -1),
                            lambda k: f"{years[k // n]}: {self.texts[k % n]}")

    def _recode(self, key: np.ndarray, text) -> np.ndarray:
        """Codes of ``text(k)`` for every key ``k >= 0`` (0 where ``k`` is -1); each distinct
        key is formatted once. Keys are small (a year position times the number of texts)."""
        if key.size == 0:
            return np.zeros(key.shape, dtype=np.int32)
        top = int(key.max())
        if top < 0:
            return np.zeros(key.shape, dtype=np.int32)
        used = np.zeros(top + 2, dtype=bool)
        used[key] = True  # key -1 marks the last slot, never used otherwise
        lut = np.zeros(top + 2, dtype=np.int32)
        for k in np.flatnonzero(used[:-1]).tolist():
            lut[k] = self.code(text(k))
        return lut[key]

    def strings(self, codes: np.ndarray) -> np.ndarray:
        """The texts as an object array."""
        return np.asarray(self.texts, dtype=object)[codes]


@dataclass(frozen=True)
class Coded:
    """A text column given as integer ``codes`` into ``labels`` (shaped like the numeric arrays)."""

    codes: np.ndarray
    labels: list[str] | tuple[str, ...]

    def column(self, order: np.ndarray | None = None) -> pd.api.extensions.ExtensionArray:
        """The texts as a ``str`` column, flattened (and taken in ``order`` if given)."""
        codes = np.asarray(self.codes).reshape(-1)
        return pd.array(list(self.labels), dtype="str").take(codes if order is None else codes[order])


class Prepared:
    """A validated :class:`Panel` with what several indicators share, computed once: region and
    reference totals, the level problems (as :class:`Reasons` codes) and intermediate results."""

    def __init__(self, panel: Panel, reasons: Reasons | None = None) -> None:
        self.panel = panel
        self.reasons = Reasons() if reasons is None else reasons
        self._cache: dict = {}

    def cached(self, key, compute):
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    @property
    def total(self) -> np.ndarray:
        """Region totals, ``x.sum(axis=2, keepdims=True)`` (NaN if a sector is missing)."""
        return self.cached("total", lambda: self.panel.x.sum(axis=2, keepdims=True))

    @property
    def ref_total(self) -> np.ndarray:
        return self.cached("ref_total", lambda: self.panel.ref.sum(axis=2, keepdims=True))

    def level(self, *, reference: bool = True, zeros: bool = True) -> tuple[np.ndarray, np.ndarray]:
        """(invalid mask, reason codes) of :func:`level_problems`."""
        def compute():
            codes = level_codes(self.panel, self.reasons, reference=reference, zeros=zeros,
                                total=self.total, ref_total=self.ref_total if self.panel.ref is not None else None)
            return codes != 0, codes
        return self.cached(("level", reference, zeros), compute)

    def years_between(self, start: int, end: int) -> Prepared:
        """The same panel restricted to ``start .. end`` (views, no copy; reasons shared)."""
        p = self.panel
        span = slice(int(np.searchsorted(p.years, start)), int(np.searchsorted(p.years, end, side="right")))
        panel = replace(p, years=p.years[span], x=p.x[:, span], has_x=p.has_x[:, span],
                        ref=None if p.ref is None else p.ref[:, span],
                        has_ref=None if p.has_ref is None else p.has_ref[:, span])
        return Prepared(panel, self.reasons)


# --------------------------------------------------------------------------- reasons and output
_LEVEL_LABELS = (
    "no data for the region in this year",
    "missing value",
    "region total incomplete (another sector's value is missing)",
    "zero region total",
)
_REF_LEVEL_LABELS = (
    "no reference data in this year",
    "missing reference value",
    "reference total incomplete (a sector's value is missing)",
    "zero reference total",
    "zero reference value (sector absent in the reference)",
)


def level_codes(panel: Panel, reasons: Reasons, *, reference: bool = True, zeros: bool = True,
                total: np.ndarray | None = None, ref_total: np.ndarray | None = None) -> np.ndarray:
    """:func:`level_problems` as :class:`Reasons` codes (``0`` where the level is defined)."""
    x = panel.x
    tx = x.sum(axis=2, keepdims=True) if total is None else total
    conds = [~panel.has_x[:, :, None], np.isnan(x), np.isnan(tx), tx == 0]
    labels = list(_LEVEL_LABELS)
    if reference and panel.ref is not None:
        r = panel.ref
        tr = r.sum(axis=2, keepdims=True) if ref_total is None else ref_total
        conds += [~panel.has_ref[:, :, None], np.isnan(r), np.isnan(tr), tr == 0, r == 0]
        labels += list(_REF_LEVEL_LABELS)
    if not zeros:
        keep = [i for i, label in enumerate(labels) if "zero" not in label]
        conds, labels = [conds[i] for i in keep], [labels[i] for i in keep]
    return reasons.select(conds, labels, x.shape)


def _reason_column(reason: np.ndarray, reasons: Reasons | None, order: np.ndarray | None = None):
    """The ``reason`` column: codes (with ``reasons``) or texts, flattened in ``order``."""
    if reasons is not None:
        return Coded(reason, reasons.texts).column(order)
    flat = np.asarray(reason, dtype=object).reshape(-1)
    return flat if order is None else flat[order]


def _column(arr, order: np.ndarray | None):
    """A column from a region x (year x) sector array, a :class:`Coded` or a Categorical."""
    if isinstance(arr, pd.Categorical):
        return arr
    if isinstance(arr, Coded):
        return arr.column(order)
    flat = np.asarray(arr).reshape(-1)
    return flat if order is None else flat[order]


def yearly_frame(panel: Panel, columns: Mapping[str, np.ndarray], *, reason: np.ndarray,
                 year_col: str = "year", years: np.ndarray | None = None,
                 reasons: Reasons | None = None) -> pd.DataFrame:
    """Long table from region x year x sector arrays, rows ordered region, sector, year.

    ``reason`` is an array of texts, or of codes with ``reasons``; a column may be a
    :class:`Coded` text column."""
    years = panel.years if years is None else years
    nr, ny, ns = len(panel.regions), len(years), len(panel.sectors)
    # position of row (region, sector, year) in a C-ordered region x year x sector array
    order = (np.arange(nr)[:, None, None] * ny * ns + np.arange(ns)[None, :, None]
             + np.arange(ny)[None, None, :] * ns).reshape(-1)
    data = {
        "region_code": Coded(np.repeat(np.arange(nr), ns * ny), panel.regions).column(),
        "sector_code": Coded(np.tile(np.repeat(np.arange(ns), ny), nr), panel.sectors).column(),
        year_col: np.tile(np.asarray(years), nr * ns),
    }
    for name, arr in columns.items():
        data[name] = _column(arr, order)
    frame = pd.DataFrame(data)
    frame["price_basis"] = panel.basis
    if panel.references is not None:
        frame["reference_code"] = Coded(np.repeat(np.arange(nr), ns * ny), panel.references).column()
    frame["reason"] = _reason_column(reason, reasons, order)
    return _string_columns(frame)


def period_frame(panel: Panel, start: int, end: int, columns: Mapping[str, np.ndarray], *,
                 reason: np.ndarray, reasons: Reasons | None = None) -> pd.DataFrame:
    """Long table from region x sector arrays for one period (``start_year``, ``end_year``).

    ``reason`` is an array of texts, or of codes with ``reasons``; a column may be a
    :class:`Coded` text column or a flat Categorical."""
    nr, ns = len(panel.regions), len(panel.sectors)
    data = {
        "region_code": Coded(np.repeat(np.arange(nr), ns), panel.regions).column(),
        "sector_code": Coded(np.tile(np.arange(ns), nr), panel.sectors).column(),
        "start_year": np.full(nr * ns, start, dtype="int64"),
        "end_year": np.full(nr * ns, end, dtype="int64"),
    }
    for name, arr in columns.items():
        data[name] = _column(arr, None)
    frame = pd.DataFrame(data)
    frame["price_basis"] = panel.basis
    if panel.references is not None:
        frame["reference_code"] = Coded(np.repeat(np.arange(nr), ns), panel.references).column()
    frame["reason"] = _reason_column(reason, reasons)
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
