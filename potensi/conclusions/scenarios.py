"""Robustness of the sector classes across scenarios, and the *tanpa pertambangan* PDRB."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from potensi.conclusions.sector_dimensions import _KEY, _codes, _need
from potensi.core.validate import TOTAL_CODE

__all__ = ["scenario_agreement", "without_sector"]


def scenario_agreement(classified: Mapping[str, pd.DataFrame], *, baseline: str) -> pd.DataFrame:
    """How many scenarios give a sector the same class as the baseline.

    Parameters
    ----------
    classified
        Scenario name -> :func:`classify_sectors` output (``region_code, sector_code, kelas``),
        e.g. ``{"2013-2020": ..., "2013-2019": ..., "tanpa pertambangan": ..., "ADHB": ...}``.
    baseline
        The key of the baseline scenario.

    Returns
    -------
    pandas.DataFrame
        The baseline frame plus ``scenarios_agree`` and ``scenarios_total`` (int64),
        ``stable`` (bool) and ``disagree_with`` (the names of the scenarios that give another
        class, ``"; "`` joined).

    Raises
    ------
    TypeError
        ``classified`` is not a mapping of DataFrames.
    ValueError
        ``baseline`` is not a key; a frame lacks a column or repeats (region_code, sector_code).

    Notes
    -----
    ``scenarios_total`` counts the scenarios that have the row (the baseline included): a
    *tanpa pertambangan* scenario has no mining rows, so mining is compared across the other
    scenarios only. A missing class equals a missing class. ``stable`` is
    ``scenarios_agree == scenarios_total``.

    Examples
    --------
    Mining (B) is *unggulan* in the baseline, *andalan menurun* in the earlier window and absent
    without mining: 1 of 2. Manufacturing (C) is *lainnya* in all three: 3 of 3.

    >>> def k(codes, classes):
    ...     return pd.DataFrame({"region_code": "a", "sector_code": codes, "kelas": classes})
    >>> s = {"base": k(["B", "C"], ["unggulan", "lainnya"]),
    ...      "earlier": k(["B", "C"], ["andalan menurun", "lainnya"]),
    ...      "no_B": k(["C"], ["lainnya"])}
    >>> out = scenario_agreement(s, baseline="base")
    >>> out[["sector_code", "scenarios_agree", "scenarios_total", "disagree_with"]].values.tolist()
    [['B', 1, 2, 'earlier'], ['C', 3, 3, '']]
    """
    func = "scenario_agreement"
    if not isinstance(classified, Mapping):
        raise TypeError(f"{func}: argument classified= must be a mapping of scenario name -> DataFrame; "
                        f"got {type(classified).__name__}")
    if baseline not in classified:
        raise ValueError(f"{func}: argument baseline={baseline!r} is not a scenario; available: {list(classified)}")
    frames = {}
    for name, frame in classified.items():
        _need(frame, func, f"classified[{name!r}]", [*_KEY, "kelas"])
        if frame.duplicated(_KEY).any():
            raise ValueError(f"{func}: argument classified[{name!r}] has several rows for the same "
                             "(region_code, sector_code)")
        k = frame[[*_KEY, "kelas"]].assign(region_code=_codes(frame["region_code"]),
                                           sector_code=_codes(frame["sector_code"]))
        frames[name] = k.set_index(_KEY)["kelas"].astype(object)
    out = classified[baseline].copy()
    key = pd.MultiIndex.from_arrays([_codes(out["region_code"]), _codes(out["sector_code"])])
    base = frames[baseline].reindex(key).to_numpy(dtype=object)
    agree = np.zeros(len(out), dtype=np.int64)
    total = np.zeros(len(out), dtype=np.int64)
    disagree = [[] for _ in range(len(out))]
    for name, kelas in frames.items():
        present = key.isin(kelas.index)
        other = kelas.reindex(key).to_numpy(dtype=object)
        same = np.array([(pd.isna(a) and pd.isna(b)) or (not pd.isna(a) and not pd.isna(b) and a == b)
                         for a, b in zip(base, other)], dtype=bool)
        total += present
        agree += present & same
        for i in np.flatnonzero(present & ~same):
            disagree[i].append(str(name))
    out["scenarios_agree"] = agree
    out["scenarios_total"] = total
    out["stable"] = agree == total
    out["disagree_with"] = ["; ".join(n) for n in disagree]
    return out


def without_sector(pdrb: pd.DataFrame, sector: str | Iterable[str] = "B", *,
                   total_code: str = TOTAL_CODE) -> pd.DataFrame:
    """PDRB without a sector (*tanpa pertambangan* for ``"B"``), totals recomputed.

    Parameters
    ----------
    pdrb
        Tidy PDRB (``region_code, sector_code, year, value``; ``price_basis`` if present).
    sector
        Sector code(s) to drop (default ``"B"``, *Pertambangan dan Penggalian*).
    total_code
        Code of total rows (default ``"TOTAL"``).

    Returns
    -------
    pandas.DataFrame
        ``pdrb`` without the sector's rows. Total rows, if any, get ``value`` = the sum of the
        remaining sectors of their region, year (and price basis); their other columns are kept
        as they were. A total whose region-year has no sector rows becomes NaN.

    Raises
    ------
    ValueError
        A missing column, or a sector code not in the data.

    Notes
    -----
    The 17-category PDRB cannot separate oil and gas from coal within B, nor the oil-and-gas
    industry from the rest of C: this is *tanpa pertambangan*, never *tanpa migas*. The study
    recomputes every indicator from the result (or passes ``excluded_sectors=["B"]`` to
    :func:`potensi.sector_tables`, which does the same for the indicators).

    Examples
    --------
    >>> p = pd.DataFrame({"region_code": "a", "year": 2020, "sector_code": ["A", "B", "TOTAL"],
    ...                   "value": [10.0, 90.0, 100.0]})
    >>> without_sector(p)[["sector_code", "value"]].values.tolist()
    [['A', 10.0], ['TOTAL', 10.0]]
    """
    func = "without_sector"
    _need(pdrb, func, "pdrb", ["region_code", "sector_code", "year", "value"])
    drop = {sector} if isinstance(sector, str) else set(map(str, sector))
    codes = _codes(pdrb["sector_code"])
    unknown = sorted(drop - set(codes))
    if unknown or total_code in drop:
        raise ValueError(f"{func}: argument sector={sector!r}: {unknown or [total_code]} not a sector of pdrb; "
                         f"available: {sorted(set(codes) - {total_code})}")
    out = pdrb[~codes.isin(drop)].copy()
    is_total = _codes(out["sector_code"]) == total_code
    if is_total.any():
        group = [c for c in ("region_code", "year", "price_basis") if c in out.columns]
        keys = out[group].assign(region_code=_codes(out["region_code"]))
        sums = (out.loc[~is_total, "value"].astype(float)
                .groupby([keys.loc[~is_total, c] for c in group]).sum(min_count=1))
        idx = pd.MultiIndex.from_frame(keys.loc[is_total, group]) if len(group) > 1 else keys.loc[is_total, group[0]]
        out.loc[is_total, "value"] = sums.reindex(idx).to_numpy()
    return out.reset_index(drop=True)
