"""Sentences on inequality trends and β-convergence for :mod:`potensi.report.narrative`.

Kept apart so that the wording rules of these two sections (a tolerance before "meningkat" or
"menurun"; the convergence verdict worded from who moved) sit in one short module.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from potensi.core.wording import CONVERGENCE_PATTERNS, NARRATIVE, POPULATION_SOURCE_NAMES
from potensi.report.formatting import angka, daftar, persen

__all__ = ["TREND_TOLERANCE"]

#: A change of an inequality index smaller than this (in absolute value) is "relatif tetap",
#: not "meningkat"/"menurun" (0.005: half a unit of the third decimal shown in the report, below
#: what a revision of PDRB or population moves the index by).
TREND_TOLERANCE = 0.005


_T = NARRATIVE
#: Population sources as the reader knows them.
_SOURCE = POPULATION_SOURCE_NAMES


def _direction(first: float, last: float, tolerance: float = TREND_TOLERANCE) -> str:
    """"meningkat"/"menurun" only when the change exceeds ``tolerance``, else "relatif tetap"."""
    delta = last - first
    if abs(delta) < tolerance:
        return _T["steady"]
    return _T["up"] if delta > 0 else _T["down"]


def _main_scope(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows of the first scope (the kab/kota of the province), when the table has several."""
    if "scope" not in frame.columns or frame.empty:
        return frame
    return frame[frame["scope"] == frame["scope"].iloc[0]]


def _williamson_trend(ineq: pd.DataFrame, *, tolerance: float = TREND_TOLERANCE, scope: str | None = None,
                      bare: bool = False, class_note: bool = False) -> str:
    """Weighted Williamson per population segment (series are not spliced across sources).

    Each segment: first and last value with the direction (within ``tolerance`` "relatif tetap"),
    and the years of its lowest and highest value, so that a movement inside the segment (the
    2013–2017 fall in Kalimantan Timur) is not hidden behind its end points. ``bare``: the
    segments only (no lead words, no note on the change of population source). ``class_note``:
    say where the classes come from (where the method's rule is not printed beside it).
    """
    d = ineq if scope is None else ineq[ineq["scope"] == scope]
    d = _main_scope(d) if scope is None else d
    d = d[d["index"].astype(str) == "williamson_weighted"].dropna(subset=["value"]).sort_values("year")
    if d.empty:
        return ""
    parts, classed = [], False
    for src in dict.fromkeys(d["population_source"]):
        seg = d[d["population_source"] == src]
        a0, a1 = seg.iloc[0], seg.iloc[-1]
        text = _T["williamson_segment"].format(y0=a0["year"], y1=a1["year"], source=_SOURCE.get(str(src), src),
                                               direction=_direction(a0["value"], a1["value"], tolerance),
                                               v0=angka(a0["value"], 3), v1=angka(a1["value"], 3))
        if len(seg) > 2:
            lo, hi = seg.loc[seg["value"].idxmin()], seg.loc[seg["value"].idxmax()]
            text += _T["williamson_range"].format(lo=angka(lo["value"], 3), lo_year=lo["year"],
                                                  hi=angka(hi["value"], 3), hi_year=hi["year"])
        if "class" in seg.columns and isinstance(a1["class"], str) and a1["class"]:
            text += _T["williamson_class"].format(cls=a1["class"])
            classed = True
        parts.append(text + _one_step(seg, tolerance))
    if bare:
        return "; ".join(parts) + "."
    out = _T["williamson"].format(segments="; ".join(parts))
    if d["population_source"].nunique() > 1:
        out += _T["williamson_break"]
    if classed and class_note:
        out += _T["williamson_class_note"]
    return out


#: Share of a segment's change made in one year from which the text says so (potensi's own).
ONE_STEP_SHARE = 0.8


def _one_step(seg: pd.DataFrame, tolerance: float = TREND_TOLERANCE) -> str:
    """" (almost all of it from 2018 to 2019, 0,550 → 0,613: one jump, not a gradual trend ...)"
    when a segment's change (beyond ``tolerance``) is one year-to-year step: the other steps add
    up to less than ``1 - ONE_STEP_SHARE`` of the change and none is a quarter of that step
    (potensi's own reading). Sulawesi Selatan 2018–2022 (Dukcapil population): 0,550 → 0,613 in
    one year, then within 0,007. A segment that rises and falls back (Jawa Timur 2013–2017) is
    not one step."""
    v = seg["value"].to_numpy(dtype=float)
    total = v[-1] - v[0]
    if len(v) < 3 or abs(total) < tolerance:
        return ""
    steps = np.diff(v)
    k = int(np.argmax(np.abs(steps)))
    others = np.abs(np.delete(steps, k))
    if abs(total - steps[k]) > (1 - ONE_STEP_SHARE) * abs(total) or others.max() > abs(steps[k]) / 4:
        return ""
    years = seg["year"].to_numpy()
    return _T["williamson_step"].format(y0=years[k], y1=years[k + 1], v0=angka(v[k], 3), v1=angka(v[k + 1], 3))


_PATTERN_TEXT = CONVERGENCE_PATTERNS


def _beta_text(a, c: pd.DataFrame, scope, name) -> list[str]:
    """β rows of one scope in words; ``name(a, code)`` gives a region's name."""
    parts = []
    d = c[(c["method"] == "beta") & (c["scope"] == scope)] if "scope" in c.columns else c[c["method"] == "beta"]
    for (s0, s1, src), g in d.groupby(["start_year", "end_year", "population_source"], sort=True):
        stat = g.set_index("statistic")
        beta = stat.loc["beta"]
        if pd.isna(beta["value"]):
            parts.append(_T["beta_not_estimated"].format(s0=s0, s1=s1, source=_SOURCE.get(str(src), src)))
            continue
        p = stat["value"].get("p_value")
        n = int(beta["n_regions"]) if pd.notna(beta["n_regions"]) else 0
        cov = beta.get("cov_type", "") or "HC3"
        note = str(beta.get("note", ""))
        pattern = note.split("pattern: ", 1)[1].split(";")[0] if "pattern: " in note else ""
        significant = p is not None and pd.notna(p) and p < 0.05
        if beta["value"] < 0 and significant:
            verdict = _T["beta_converging"].format(pattern=_PATTERN_TEXT.get(pattern, _T["beta_pattern_default"]))
        elif beta["value"] < 0:
            verdict = _T["beta_not_significant"]
        else:
            verdict = _T["beta_none"]
        text = _T["beta"].format(s0=s0, s1=s1, source=_SOURCE.get(str(src), src), n=n, cov=cov,
                                 beta=angka(beta["value"], 4),
                                 p=_T["beta_p"].format(p=angka(p, 3)) if p is not None and pd.notna(p) else "",
                                 verdict=verdict)
        rich, poor = stat["value"].get("rich_growth_pct"), stat["value"].get("poor_growth_pct")
        if rich is not None and poor is not None and pd.notna(rich) and pd.notna(poor):
            names = {}
            for key in ("rich_growth_pct", "poor_growth_pct"):
                regs = str(stat.loc[key, "note"]).rsplit("regions ", 1)[-1].split(",")
                names[key] = daftar(name(a, r.strip()) for r in regs if r.strip())
            text += _T["beta_rich_poor"].format(rich_names=names["rich_growth_pct"], rich=persen(rich, 2),
                                                poor_names=names["poor_growth_pct"], poor=persen(poor, 2))
        parts.append(text)
    return parts
