"""Argument checks and lookups shared by the cooperation generators, and the candidate row."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from potensi.conclusions.cooperation.rules import CANDIDATE_COLUMNS, DKI_PROVINCE, TOP_CLASSES
from potensi.core.codes import NATIONAL_CODE
from potensi.core.validate import check_frame
from potensi.core.wording import BENTUK, INSTRUMEN, JENIS
from potensi.data.sectors import sector_label

__all__: list[str] = []  # private helpers of the cooperation package


def _need(data: object, func: str, argument: str, columns: Iterable[str]) -> pd.DataFrame:
    """``TypeError`` unless a DataFrame; ``ValueError`` naming every missing column."""
    check_frame(data, func, argument)
    missing = [c for c in columns if c not in data.columns]
    if missing:
        raise ValueError(f"{func}: argument {argument}= lacks column(s) {missing}; available: {list(data.columns)}")
    return data


def _province(code: object, func: str) -> str:
    text = str(code).strip()
    if len(text) == 2 and text.isdigit():
        text += "00"
    if not (len(text) == 4 and text.isdigit() and text.endswith("00") and text != NATIONAL_CODE):
        raise ValueError(f"{func}: argument province={code!r} is not a province code; expected e.g. '64' or '6400'")
    return text


def _in_province(code: str, province: str) -> bool:
    """A kab/kota of ``province`` (BPS frame: same two-digit prefix, not the province row)."""
    return code[:2] == province[:2] and not code.endswith("00")


def _is_kabkota(code: str) -> bool:
    return not code.endswith("00")


def _is_dki_admin(code: str) -> bool:
    return code[:2] == DKI_PROVINCE[:2] and code != DKI_PROVINCE


def _label(code: str) -> str:
    return sector_label(code).lower()


class _Regions:
    """Lookup of the ``regions`` argument: name, level, population by code."""

    def __init__(self, regions: pd.DataFrame, func: str) -> None:
        _need(regions, func, "regions", ["region_code", "level", "population"])
        r = regions.assign(region_code=regions["region_code"].astype(str))
        if r["region_code"].duplicated().any():
            dup = r.loc[r["region_code"].duplicated(), "region_code"].iloc[0]
            raise ValueError(f"{func}: argument regions= has region {dup!r} more than once; "
                             "expected one row per region")
        names = r["region_name"].astype(str) if "region_name" in r else r["region_code"]
        self.name = dict(zip(r["region_code"], names))
        self.level = dict(zip(r["region_code"], r["level"].astype(str)))
        self.pop = dict(zip(r["region_code"], pd.to_numeric(r["population"], errors="coerce").astype(float)))

    def nm(self, code: str) -> str:
        return self.name.get(code, code)

    def kota(self, code: str) -> bool:
        return self.level.get(code) == "kota"

    def p(self, code: str) -> float:
        return self.pop.get(code, np.nan)


class _Classes:
    """Lookup of the ``classes`` argument by (region, sector)."""

    def __init__(self, classes: pd.DataFrame, func: str) -> None:
        _need(classes, func, "classes", ["region_code", "sector_code", "kelas", "lq", "share_region_pct", "tradable"])
        c = classes.assign(region_code=classes["region_code"].astype(str),
                           sector_code=classes["sector_code"].astype(str))
        # plain lists: iterating pandas' Arrow-backed text columns value by value is slow
        self.rows = {(r, s): (str(k), float(q), float(sh), bool(t)) for r, s, k, q, sh, t in zip(
            c["region_code"].tolist(), c["sector_code"].tolist(), c["kelas"].tolist(),
            pd.to_numeric(c["lq"], errors="coerce").tolist(),
            pd.to_numeric(c["share_region_pct"], errors="coerce").tolist(), c["tradable"].fillna(False).tolist())}

    def lq(self, region: str, sector: str) -> float:
        row = self.rows.get((region, sector))
        return np.nan if row is None else row[1]

    def share(self, region: str, sector: str) -> float:
        """The sector's share of the region's PDRB (%), NaN when the region has no such row."""
        row = self.rows.get((region, sector))
        return np.nan if row is None else row[2]

    def top(self, region: str, sector: str) -> bool:
        row = self.rows.get((region, sector))
        return row is not None and row[0] in TOP_CLASSES and row[3]

    def get(self, region: str, sector: str):
        return self.rows.get((region, sector))


def _row(province: str, a: str, b: str, bentuk: str, *, jenis: str, urusan: str, objek: str, topic: str,
         sector: str, sector_b: str, pair, evidence: str, opd: str, score: float) -> dict:
    return {
        "province_code": province, "region_a": a, "region_b": b, "bentuk": BENTUK[bentuk], "jenis": JENIS[jenis],
        "urusan": urusan, "objek": objek, "topic": topic, "sector_code": sector, "sector_code_b": sector_b,
        "adjacent": bool(pair["adjacent"]), "cross_province": bool(pair["cross_province"]),
        "distance_km": float(pair["distance_km"]), "evidence": evidence, "instrumen": INSTRUMEN,
        "opd_pelaksana": opd, "score": float(score),
    }


def _frame(rows: list[dict]) -> pd.DataFrame:
    out = pd.DataFrame(rows, columns=CANDIDATE_COLUMNS)
    out["adjacent"] = out["adjacent"].astype(bool)
    out["cross_province"] = out["cross_province"].astype(bool)
    out["distance_km"] = out["distance_km"].astype(float)
    out["score"] = out["score"].astype(float)
    return out.reset_index(drop=True)
