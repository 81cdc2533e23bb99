"""Sentences on inequality trends and β-convergence for :mod:`potensi.report.narrative`.

Kept apart so that the wording rules of these two sections (a tolerance before "meningkat" or
"menurun"; the convergence verdict worded from who moved) sit in one short module.
"""

from __future__ import annotations

import pandas as pd

from potensi.report.formatting import angka, daftar, persen

__all__ = ["TREND_TOLERANCE"]

#: A change of an inequality index smaller than this (in absolute value) is "relatif tetap",
#: not "meningkat"/"menurun" (0.005: half a unit of the third decimal shown in the report, below
#: what a revision of PDRB or population moves the index by).
TREND_TOLERANCE = 0.005


#: Population sources as the reader knows them.
_SOURCE = {"bps": "BPS", "dukcapil": "Dukcapil", "bps_implied": "BPS (dari PDRB per kapita)"}


def _direction(first: float, last: float, tolerance: float = TREND_TOLERANCE) -> str:
    """"meningkat"/"menurun" only when the change exceeds ``tolerance``, else "relatif tetap"."""
    delta = last - first
    if abs(delta) < tolerance:
        return "relatif tetap"
    return "meningkat" if delta > 0 else "menurun"


def _main_scope(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows of the first scope (the kab/kota of the province), when the table has several."""
    if "scope" not in frame.columns or frame.empty:
        return frame
    return frame[frame["scope"] == frame["scope"].iloc[0]]


def _williamson_trend(ineq: pd.DataFrame, *, tolerance: float = TREND_TOLERANCE, scope: str | None = None) -> str:
    """Weighted Williamson per population segment (series are not spliced across sources).

    Each segment: first and last value with the direction (within ``tolerance`` "relatif tetap"),
    and the years of its lowest and highest value, so that a movement inside the segment (the
    2013–2017 fall in Kalimantan Timur) is not hidden behind its end points.
    """
    d = ineq if scope is None else ineq[ineq["scope"] == scope]
    d = _main_scope(d) if scope is None else d
    d = d[d["index"].astype(str) == "williamson_weighted"].dropna(subset=["value"]).sort_values("year")
    if d.empty:
        return ""
    parts = []
    for src in dict.fromkeys(d["population_source"]):
        seg = d[d["population_source"] == src]
        a0, a1 = seg.iloc[0], seg.iloc[-1]
        text = (f"{a0['year']}–{a1['year']} (penduduk {_SOURCE.get(str(src), src)}): {_direction(a0['value'], a1['value'], tolerance)} dari "
                f"{angka(a0['value'], 3)} menjadi {angka(a1['value'], 3)}")
        if len(seg) > 2:
            lo, hi = seg.loc[seg["value"].idxmin()], seg.loc[seg["value"].idxmax()]
            text += f" (terendah {angka(lo['value'], 3)} pada {lo['year']}, tertinggi {angka(hi['value'], 3)} pada {hi['year']})"
        if "class" in seg.columns and isinstance(a1["class"], str) and a1["class"]:
            text += f", kelas {a1['class']}"
        parts.append(text)
    out = "Indeks Williamson tertimbang " + "; ".join(parts) + "."
    if d["population_source"].nunique() > 1:
        out += (" Deret penduduk berganti sumber (BPS sampai 2017, Dukcapil sejak 2018); angka hanya sebanding "
                "di dalam satu sumber.")
    return out


_PATTERN_TEXT = {
    "poorer regions grew faster": "daerah dengan PDRB per kapita awal terendah tumbuh lebih cepat",
    "richest regions shrank": "jarak menyempit terutama karena daerah terkaya menyusut, bukan karena daerah "
                              "termiskin mengejar",
    "richest shrank, poorest stagnated": "jarak menyempit karena daerah terkaya menyusut, sementara daerah "
                                         "termiskin hampir tidak tumbuh",
    "no convergence": "tidak ada konvergensi",
}


def _beta_text(a, c: pd.DataFrame, scope, name) -> list[str]:
    """β rows of one scope in words; ``name(a, code)`` gives a region's name."""
    parts = []
    d = c[(c["method"] == "beta") & (c["scope"] == scope)] if "scope" in c.columns else c[c["method"] == "beta"]
    for (s0, s1, src), g in d.groupby(["start_year", "end_year", "population_source"], sort=True):
        stat = g.set_index("statistic")
        beta = stat.loc["beta"]
        if pd.isna(beta["value"]):
            parts.append(f"{s0}–{s1} (penduduk {_SOURCE.get(str(src), src)}): tidak diestimasi — kurang dari 5 tahun dalam satu sumber penduduk")
            continue
        p = stat["value"].get("p_value")
        n = int(beta["n_regions"]) if pd.notna(beta["n_regions"]) else 0
        cov = beta.get("cov_type", "") or "HC3"
        note = str(beta.get("note", ""))
        pattern = note.split("pattern: ", 1)[1].split(";")[0] if "pattern: " in note else ""
        significant = p is not None and pd.notna(p) and p < 0.05
        if beta["value"] < 0 and significant:
            verdict = f"konvergen: {_PATTERN_TEXT.get(pattern, 'jarak antardaerah menyempit')}"
        elif beta["value"] < 0:
            verdict = "arah konvergen, tetapi tidak signifikan pada 5 %"
        else:
            verdict = "tidak ada konvergensi"
        text = (f"{s0}–{s1} (penduduk {_SOURCE.get(str(src), src)}, n = {n}, galat baku {cov}): β = {angka(beta['value'], 4)}"
                + (f", p = {angka(p, 3)}" if p is not None and pd.notna(p) else "") + f" — {verdict}")
        rich, poor = stat["value"].get("rich_growth_pct"), stat["value"].get("poor_growth_pct")
        if rich is not None and poor is not None and pd.notna(rich) and pd.notna(poor):
            names = {}
            for key in ("rich_growth_pct", "poor_growth_pct"):
                regs = str(stat.loc[key, "note"]).rsplit("regions ", 1)[-1].split(",")
                names[key] = daftar(name(a, r.strip()) for r in regs if r.strip())
            text += (f"; PDRB per kapita seperempat terkaya ({names['rich_growth_pct']}) tumbuh "
                     f"{persen(rich, 2)} per tahun, seperempat termiskin ({names['poor_growth_pct']}) "
                     f"{persen(poor, 2)} per tahun")
        parts.append(text)
    return parts
