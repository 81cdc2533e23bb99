"""Specialisation and concentration of each region's economy across sectors.

Per region and year, from sector shares :math:`s_{ij} = X_{ij} / \\sum_j X_{ij}` of region *i*
and the reference shares :math:`r_j` (by default the sum of all regions in the table; pass
``reference=`` for a published province or Indonesia):

=========================  ===============================================================
``krugman``                :math:`K_i = \\sum_j |s_{ij} - r_j|` (0 to 2)
``hoover``                 :math:`H_i = \\tfrac12 \\sum_j |s_{ij} - r_j|` (0 to 1)
``herfindahl``             :math:`HHI_i = \\sum_j s_{ij}^2` (1/n to 1)
``herfindahl_normalised``  :math:`(HHI_i - 1/n) / (1 - 1/n)` (0 to 1)
``entropy``                :math:`E_i = -\\sum_j s_{ij} \\ln s_{ij}` (0 to ln n)
``entropy_normalised``     :math:`E_i / \\ln n` (0 to 1; 1 for equal shares)
=========================  ===============================================================

The first two measure how far a region's structure is from the reference
(*indeks spesialisasi*); the last four measure how concentrated it is on few sectors
(*konsentrasi*, *diversifikasi*). n is the number of sectors.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from potensi.core.codes import TOTAL_CODE
from potensi.core.validate import require_columns

__all__ = ["specialisation"]

_COLUMNS = ["krugman", "hoover", "herfindahl", "herfindahl_normalised", "entropy", "entropy_normalised"]



def specialisation(
    data: pd.DataFrame,
    *,
    reference: pd.DataFrame | None = None,
    region: str = "region_code",
    sector: str = "sector_code",
    year: str = "year",
    value: str = "value",
) -> pd.DataFrame:
    """Krugman, Hoover, Herfindahl and entropy indices of each region and year.

    Parameters
    ----------
    data
        Tidy PDRB by sector (one price basis; ``TOTAL`` rows are ignored).
    reference
        Tidy PDRB by sector of one reference region (e.g. the province), same columns; its
        region column is ignored. Default: the sum over all regions of ``data`` per year.

    Returns
    -------
    pandas.DataFrame
        ``region_code, year, krugman, hoover, herfindahl, herfindahl_normalised, entropy,
        entropy_normalised, n_sectors, reason``. A region-year whose sectors sum to 0, has a
        missing sector value, or lacks a reference year is NaN with a ``reason``.

    Raises
    ------
    ValueError
        Missing column; negative values; sectors of a region not in the reference.

    Notes
    -----
    .. math:: K_i = \\sum_j |s_{ij} - r_j|, \\quad H_i = K_i / 2, \\quad
              HHI_i = \\sum_j s_{ij}^2, \\quad E_i = -\\sum_j s_{ij} \\ln s_{ij}

    with :math:`0 \\ln 0 = 0`. Krugman's index is *indeks spesialisasi Krugman*; Hoover's
    coefficient of specialisation is half of it; Herfindahl–Hirschman and Shannon entropy
    measure concentration (*indeks konsentrasi*) and diversity (*diversifikasi*).

    References
    ----------
    Krugman, P. (1991). *Geography and Trade*. MIT Press. Hoover, E. M. (1936). The measurement
    of industrial localization. *Review of Economics and Statistics* 18(4), 162–171.
    Hirschman, A. O. (1964). The paternity of an index. *AER* 54(5), 761. Shannon, C. E.
    (1948). *Bell System Technical Journal* 27, 379–423. Kemeny, T. & Storper, M. (2015). Is
    specialization good for regional economic development? *Regional Studies* 49(6), 1003–1018.

    Examples
    --------
    Regions A (30, 10) and B (10, 50) over sectors x, y: shares A (0.75, 0.25), reference
    (0.4, 0.6); :math:`K_A = 0.35 + 0.35 = 0.7`, :math:`HHI_A = 0.5625 + 0.0625 = 0.625`.

    >>> d = pd.DataFrame({"region_code": ["A", "A", "B", "B"], "year": 2020,
    ...                   "sector_code": ["x", "y", "x", "y"], "value": [30.0, 10.0, 10.0, 50.0]})
    >>> out = specialisation(d)
    >>> out.loc[0, ["krugman", "herfindahl"]].astype(float).round(4).tolist()
    [0.7, 0.625]
    """
    require_columns(data, "specialisation", {region: "region", sector: "sector", year: "year", value: "value"}, argument="data")
    body = data[data[sector] != TOTAL_CODE]
    if (body[value] < 0).any():
        bad = body.loc[body[value] < 0, [region, year, sector]].iloc[0].tolist()
        raise ValueError(f"specialisation: column {value!r} (argument value=) has a negative value at {bad}; "
                         "expected PDRB >= 0")
    wide = body.pivot_table(index=[region, year], columns=sector, values=value, aggfunc="sum", dropna=False,
                            sort=True)
    has_nan = body.assign(_nan=body[value].isna()).groupby([region, year])["_nan"].any().reindex(wide.index)
    if reference is None:
        ref = wide.groupby(level=1).sum(min_count=1)
        ref_note = "sum of regions"
    else:
        require_columns(reference, "specialisation", {sector: "sector", year: "year", value: "value"}, argument="reference")
        rbody = reference[reference[sector] != TOTAL_CODE]
        ref = rbody.pivot_table(index=year, columns=sector, values=value, aggfunc="sum", sort=True)
        missing = sorted(set(wide.columns) - set(ref.columns))
        if missing:
            raise ValueError(f"specialisation: argument reference lacks sector(s) {missing}; "
                             "expected the same sectors as data")
        ref = ref[wide.columns]
        ref_note = "reference"
    x = wide.to_numpy(dtype=float)
    tot = x.sum(axis=1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        s = x / tot
        rx = ref.reindex(wide.index.get_level_values(1)).to_numpy(dtype=float)
        r = rx / rx.sum(axis=1, keepdims=True)
        n = x.shape[1]
        k = np.abs(s - r).sum(axis=1)
        hhi = (s**2).sum(axis=1)
        ent = -np.where(s > 0, s * np.log(np.where(s > 0, s, 1.0)), 0.0).sum(axis=1)
        ent[np.isnan(s).any(axis=1)] = np.nan
    out = pd.DataFrame({
        "region_code": wide.index.get_level_values(0),
        "year": wide.index.get_level_values(1),
        "krugman": k,
        "hoover": k / 2,
        "herfindahl": hhi,
        "herfindahl_normalised": (hhi - 1 / n) / (1 - 1 / n) if n > 1 else np.nan,
        "entropy": ent,
        "entropy_normalised": ent / np.log(n) if n > 1 else np.nan,
        "n_sectors": n,
    })
    data_bad = has_nan.to_numpy(dtype=bool) | (tot.ravel() == 0)
    reason = np.where(has_nan.to_numpy(dtype=bool), "undefined: a sector value is missing",
                      np.where(tot.ravel() == 0, "undefined: all sectors are 0", ""))
    no_ref = np.isnan(r).any(axis=1) & ~data_bad
    reason = np.where(no_ref, f"krugman/hoover undefined: no {ref_note} for this year", reason)
    out["reason"] = reason
    out.loc[data_bad, _COLUMNS] = np.nan
    out.loc[no_ref, ["krugman", "hoover"]] = np.nan
    out["year"] = out["year"].astype("int64")
    return out.sort_values(["region_code", "year"]).reset_index(drop=True)
