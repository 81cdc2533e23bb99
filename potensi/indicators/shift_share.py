"""Shift-share analysis (*analisis shift-share*): classic, Esteban-Marquillas (with its four-case
typology and a flag for small bases), the two-term Arcelus split and the dynamic (Barff-Knight)
form, plus the PP x PPW profile quadrants.

Indonesian names of the classic components: PN (*pertumbuhan nasional/provinsi*, national
share), PP (*pertumbuhan proporsional*, industry mix), PPW (*pertumbuhan pangsa wilayah*,
competitive effect) and PB = PP + PPW (*pergeseran bersih*, net shift).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from potensi.core.panel import Coded, Prepared, build_panel, period_frame, ratio
from potensi.core.validate import check_columns, check_frame, check_period

__all__ = [
    "EM_MIN_BASE_RATIO",
    "EM_TYPE_LABELS",
    "EM_TYPE_RULES",
    "NET_SHIFT_LABELS",
    "PROFILE_LABELS",
    "PROFILE_RULES",
    "dynamic_shift_share",
    "shift_share",
    "shift_share_profile",
]

#: Profile quadrants (PP on one axis, PPW on the other), an ordered Categorical.
PROFILE_LABELS = pd.CategoricalDtype(
    ["tumbuh cepat, berdaya saing", "tumbuh cepat, kurang berdaya saing",
     "tumbuh lambat, berdaya saing", "tumbuh lambat, kurang berdaya saing"],
    ordered=True,
)
PROFILE_RULES = ("PP>0, PPW>0", "PP>0, PPW<=0", "PP<=0, PPW>0", "PP<=0, PPW<=0")
#: The PB = PP + PPW = 0 line divides the profile plane: above it *progresif*, else *lamban*.
NET_SHIFT_LABELS = pd.CategoricalDtype(["progresif", "lamban"], ordered=True)

#: The four Esteban-Marquillas cases (Herzog & Olsen 1977, as reported in Indonesian E-M
#: studies), from the sign of the net competitive effect (:math:`r_{ij} - r_i`) and of the
#: specialisation :math:`E_{ij} - E^*_{ij}` (LQ of the start year above 1). The allocation
#: effect is positive in the first and last case.
EM_TYPE_LABELS = pd.CategoricalDtype(
    ["keunggulan kompetitif, terspesialisasi", "keunggulan kompetitif, tidak terspesialisasi",
     "tidak unggul kompetitif, terspesialisasi", "tidak unggul kompetitif, tidak terspesialisasi"],
    ordered=True,
)
EM_TYPE_RULES = ("r_ij>r_i, E>E*", "r_ij>r_i, E<=E*", "r_ij<=r_i, E>E*", "r_ij<=r_i, E<=E*")
#: Esteban-Marquillas amounts are flagged (``em_flag``) when the actual start-year base is less
#: than this fraction of the homothetic base (:math:`E_{ij} / E^*_{ij}`, the start-year LQ):
#: the net competitive effect is then more than 1/0.1 = 10 times the classic competitive effect.
EM_MIN_BASE_RATIO = 0.1

CLASSIC = ["change", "national_share", "industry_mix", "competitive_effect"]


def _components(e0, e1, r0, r1):
    """Classic and extended components for arrays with the year axis removed.

    ``e0``/``e1`` region x sector, ``r0``/``r1`` the references; returns a dict of arrays.
    """
    t0, t1 = e0.sum(axis=1, keepdims=True), e1.sum(axis=1, keepdims=True)
    rt0, rt1 = r0.sum(axis=1, keepdims=True), r1.sum(axis=1, keepdims=True)
    g = ratio(rt1, rt0) - 1             # reference total growth, r
    g_i = ratio(r1, r0) - 1             # reference sector growth, r_i
    g_j = ratio(t1, t0) - 1             # region total growth, r_j
    g_ij = ratio(e1, e0) - 1            # region sector growth, r_ij (NaN for a zero base)
    national = e0 * g
    mix = e0 * (g_i - g)
    competitive = e1 - e0 * (1 + g_i)   # = e0 (r_ij - r_i), also defined for a zero base
    homothetic = t0 * ratio(r0, rt0)    # E*_ij = E_j X_i / X
    em_net = homothetic * (g_ij - g_i)
    em_alloc = (e0 - homothetic) * (g_ij - g_i)
    ar_growth = e0 * (g_j - g)
    ar_mix = competitive - ar_growth    # = e0 [(r_ij - r_j) - (r_i - r)]
    return {
        "change": e1 - e0,
        "national_share": national,
        "industry_mix": mix,
        "competitive_effect": competitive,
        "net_shift": mix + competitive,
        "homothetic_base": homothetic,
        "em_net_competitive": em_net,
        "em_allocation": em_alloc,
        "arcelus_regional_growth": ar_growth,
        "arcelus_regional_mix": ar_mix,
        "em_base_ratio": ratio(e0, homothetic),   # E_ij / E*_ij = LQ of the start year
    }


def _problems(prep: Prepared, idx: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """(classic, extension) reason codes per region x sector over the years ``idx``."""
    def compute():
        panel, reasons = prep.panel, prep.reasons
        _, level = prep.level(zeros=False)
        yrs = panel.years
        classic = reasons.first(level[:, idx], yrs[idx])
        x, r = panel.x, panel.ref
        extension = np.zeros(classic.shape, dtype=np.int32)
        for i in idx[:-1]:
            ref_zero = reasons.select(
                [prep.ref_total[:, i] == 0, r[:, i] == 0],
                [f"{yrs[i]}: zero reference total (growth r undefined)",
                 f"{yrs[i]}: zero base in the reference (growth r_i undefined)"], classic.shape)
            classic = reasons.merge(classic, ref_zero)
            reg_zero = reasons.select(
                [prep.total[:, i] == 0, x[:, i] == 0],
                [f"{yrs[i]}: zero region total (r_j undefined: Esteban-Marquillas and Arcelus parts NaN)",
                 f"{yrs[i]}: zero base (r_ij undefined: Esteban-Marquillas parts NaN)"], classic.shape)
            extension = reasons.merge(extension, reg_zero)
        return classic, reasons.merge(classic, extension)
    return prep.cached(("shift_share_problems", tuple(idx)), compute)


def _finish(comp: dict, classic_reason: np.ndarray) -> dict:
    """Blank every component where the classic ones are undefined. The extension parts are
    NaN by their own arithmetic where r_ij or r_j is undefined (zero regional base/total)."""
    bad = classic_reason != 0
    return {name: np.where(bad, np.nan, arr) for name, arr in comp.items()}


def _shift_share_frame(prep: Prepared, start: int, end: int, func: str) -> pd.DataFrame:
    panel = prep.panel
    i0, i1 = panel.year_index(start, func, "start"), panel.year_index(end, func, "end")
    comp = _components(panel.x[:, i0], panel.x[:, i1], panel.ref[:, i0], panel.ref[:, i1])
    classic_reason, ext_reason = _problems(prep, [i0, i1])
    out = _finish(comp, classic_reason)
    net, base = out["em_net_competitive"], out["em_base_ratio"]
    defined = ~(np.isnan(net) | np.isnan(base))
    case = np.where(net > 0, np.where(base > 1, 0, 1), np.where(base > 1, 2, 3))
    out["em_flag"] = defined & (base < EM_MIN_BASE_RATIO)
    out["em_type"] = pd.Categorical.from_codes(np.where(defined, case, -1).reshape(-1), dtype=EM_TYPE_LABELS)
    return period_frame(panel, start, end, out, reason=ext_reason, reasons=prep.reasons)


def shift_share(
    data: pd.DataFrame,
    *,
    reference_code: str | Mapping[str, str],
    start: int,
    end: int,
    regions: Iterable[str] | None = None,
    reference: str = "published",
    exclude: Iterable[str] = (),
    region: str = "region_code",
    sector: str = "sector_code",
    year: str = "year",
    value: str = "value",
    price_basis: str = "price_basis",
) -> pd.DataFrame:
    r"""Classic shift-share with the Esteban-Marquillas and Arcelus extensions, start -> end.

    Parameters
    ----------
    data
        Tidy PDRB at constant prices (``ADHK...``); see :func:`potensi.location_quotient`.
    reference_code, regions, reference, exclude
        As in :func:`potensi.location_quotient` (the reference plays the "nation").
    start, end
        Base year and end year.

    Returns
    -------
    pandas.DataFrame
        ``region_code, sector_code, start_year, end_year, change, national_share,
        industry_mix, competitive_effect, net_shift, homothetic_base, em_net_competitive,
        em_allocation, arcelus_regional_growth, arcelus_regional_mix, em_base_ratio,
        em_flag, em_type, price_basis, reference_code, reason`` (amounts in miliar rupiah of
        the start year's prices). ``em_base_ratio`` is :math:`E_{ij0}/E^*_{ij}`;
        ``em_flag`` is True where it is below :data:`EM_MIN_BASE_RATIO` (E-M amounts not to be
        read as amounts); ``em_type`` the four-case typology (:data:`EM_TYPE_LABELS`).

    Raises
    ------
    ValueError
        Missing column, mixed or current-price basis, unknown code, negative or non-numeric
        value, ``start``/``end`` not in the data.

    Notes
    -----
    With :math:`E` the region's and :math:`X` the reference's value, 0 the start and 1 the
    end year, :math:`r = X_1/X_0 - 1`, :math:`r_i = X_{i1}/X_{i0} - 1`,
    :math:`r_j = E_{j1}/E_{j0} - 1` and :math:`r_{ij} = E_{ij1}/E_{ij0} - 1`:

    .. math::

        \Delta E_{ij} = \underbrace{E_{ij0}\, r}_{PN} +
        \underbrace{E_{ij0}(r_i - r)}_{PP} + \underbrace{E_{ij0}(r_{ij} - r_i)}_{PPW}

    PPW is computed as :math:`E_{ij1} - E_{ij0}(1 + r_i)`, which is also defined for a zero
    base (a new sector: PN = PP = 0 and PPW = the whole change). PB = PP + PPW.

    Esteban-Marquillas: with the homothetic level :math:`E^*_{ij} = E_{j0} X_{i0}/X_0`,
    PPW = :math:`E^*_{ij}(r_{ij} - r_i)` (net competitive effect) +
    :math:`(E_{ij0} - E^*_{ij})(r_{ij} - r_i)` (allocation effect).
    Since :math:`E_{ij0}/E^*_{ij} = LQ_{ij,0}`, the net competitive effect is
    :math:`PPW / LQ_{ij,0}`: on a base far below the homothetic one it is a multiple of what
    actually happened (Bontang mining 2013–2020: 965 → 276 miliar, a net competitive effect of
    about −15 345 miliar). Rule: ``em_flag`` when :math:`LQ_{ij,0} <` :data:`EM_MIN_BASE_RATIO`
    (0.1: the E-M amount exceeds ten times the classic PPW); the amounts are kept, flagged,
    not suppressed. ``em_type``: the four cases of :data:`EM_TYPE_LABELS` from the sign of
    :math:`r_{ij} - r_i` (competitive advantage; a tie is "not") and of
    :math:`E_{ij0} - E^*_{ij}` (specialisation, i.e. :math:`LQ_{ij,0} > 1`).

    Arcelus, **two-term form**: PPW = :math:`E_{ij0}(r_j - r)` (regional growth effect) +
    :math:`E_{ij0}[(r_{ij} - r_j) - (r_i - r)]` (regional industry-mix effect). This is only
    the split of the competitive effect; Arcelus (1984) also splits the other components
    (eight terms with the homothetic base), which potensi does not compute.
    Both pairs sum to the classic PPW.

    NaN with ``reason``, never 0: missing data in either year, a zero reference total or a
    zero reference base (:math:`r`, :math:`r_i` undefined: every component NaN); a zero
    regional base leaves the classic and Arcelus parts defined and only the
    Esteban-Marquillas parts NaN (``reason`` says so).

    References
    ----------
    Dunn, E. S. (1960). A statistical and analytical technique for regional analysis.
    *Papers of the Regional Science Association*, 6, 97-112.
    Esteban-Marquillas, J. M. (1972). A reinterpretation of shift-share analysis.
    *Regional and Urban Economics*, 2(3), 249-255.
    Herzog, H. W., & Olsen, R. J. (1977). Shift-share analysis revisited: the allocation effect
    and the stability of regional structure. *Journal of Regional Science*, 17(3), 441-454
    (the four cases).
    Arcelus, F. J. (1984). An extension of shift-share analysis. *Growth and Change*, 15(1), 3-8.
    Budiharsono, S. (2001). *Teknik Analisis Pembangunan Wilayah Pesisir dan Lautan*.
    Jakarta: Pradnya Paramita (PN, PP, PPW, PB).

    Examples
    --------
    A: x 10 -> 15, y 30 -> 33; R: x 50 -> 60, y 50 -> 60 (r = 0.2, r_x = 0.2). For A, x:
    PN = 10 x 0.2 = 2, PP = 10 x (0.2 - 0.2) = 0, PPW = 15 - 10 x 1.2 = 3; sum 5 = 15 - 10.

    >>> df = pd.DataFrame({"region_code": ["A", "A", "R", "R"] * 2, "sector_code": ["x", "y"] * 4,
    ...                    "year": [2010] * 4 + [2011] * 4, "price_basis": "ADHK2010",
    ...                    "value": [10.0, 30, 50, 50, 15, 33, 60, 60]})
    >>> ss = shift_share(df, reference_code="R", start=2010, end=2011)
    >>> ss.loc[0, ["national_share", "industry_mix", "competitive_effect"]].round(9).tolist()
    [2.0, 0.0, 3.0]
    """
    func = "shift_share"
    start, end = check_period(start, end, func)
    panel = build_panel(data, func, reference_code=reference_code, regions=regions, reference=reference,
                        exclude=exclude, region=region, sector=sector, year=year, value=value,
                        price_basis=price_basis, constant=True, years=[start, end])
    return _shift_share_frame(Prepared(panel), start, end, func)


def dynamic_shift_share(
    data: pd.DataFrame,
    *,
    reference_code: str | Mapping[str, str],
    start: int,
    end: int,
    regions: Iterable[str] | None = None,
    reference: str = "published",
    exclude: Iterable[str] = (),
    region: str = "region_code",
    sector: str = "sector_code",
    year: str = "year",
    value: str = "value",
    price_basis: str = "price_basis",
) -> pd.DataFrame:
    r"""Dynamic shift-share (Barff-Knight): classic components year by year, summed.

    Parameters and columns as :func:`shift_share` (classic components only:
    ``change, national_share, industry_mix, competitive_effect, net_shift``).

    Notes
    -----
    .. math::

        C_{ij} = \sum_{t=\text{start}}^{\text{end}-1} C_{ij}(t \to t+1), \quad
        C \in \{PN, PP, PPW\}

    with each annual term the classic component on base year *t* (the weights are updated
    every year, which removes the static method's drift over long periods). The parts
    still sum to :math:`E_{ij,\text{end}} - E_{ij,\text{start}}`. Every year of the period is
    needed: a missing year or a zero reference base in any year gives NaN with ``reason``.

    References
    ----------
    Barff, R. A., & Knight, P. L. (1988). Dynamic shift-share analysis. *Growth and Change*,
    19(2), 1-10.

    Examples
    --------
    A: x 10 -> 12 -> 18, y fixed at 30; R: x 50 -> 60 -> 60, y 50 -> 50 -> 60. Year 1: r = 0.1,
    PN = 10 x 0.1 = 1; year 2: r = 10/110, PN = 12 x 10/110 = 1.090909; total 2.090909.

    >>> df = pd.DataFrame({"region_code": ["A", "A", "R", "R"] * 3, "sector_code": ["x", "y"] * 6,
    ...                    "year": [2010] * 4 + [2011] * 4 + [2012] * 4, "price_basis": "ADHK2010",
    ...                    "value": [10.0, 30, 50, 50, 12, 30, 60, 50, 18, 30, 60, 60]})
    >>> float(dynamic_shift_share(df, reference_code="R", start=2010, end=2012).loc[0, "national_share"].round(6))
    2.090909
    """
    func = "dynamic_shift_share"
    start, end = check_period(start, end, func)
    panel = build_panel(data, func, reference_code=reference_code, regions=regions, reference=reference,
                        exclude=exclude, region=region, sector=sector, year=year, value=value,
                        price_basis=price_basis, constant=True, years=range(start, end + 1))
    return _dynamic_shift_share_frame(Prepared(panel), start, end, func)


def _dynamic_shift_share_frame(prep: Prepared, start: int, end: int, func: str) -> pd.DataFrame:
    panel = prep.panel
    i0, i1 = panel.year_index(start, func, "start"), panel.year_index(end, func, "end")
    x, r = panel.x, panel.ref
    # region x step x sector arrays; components of _components need a 2-D layout: fold steps in
    nr, ns, steps = x.shape[0], x.shape[2], i1 - i0

    def fold(a, lo, hi):
        return a[:, lo:hi].reshape(nr * steps, ns)

    comp = _components(fold(x, i0, i1), fold(x, i0 + 1, i1 + 1), fold(r, i0, i1), fold(r, i0 + 1, i1 + 1))
    classic_reason, _ = _problems(prep, list(range(i0, i1 + 1)))
    out = {}
    for name in [*CLASSIC, "net_shift"]:
        total = comp[name].reshape(nr, steps, ns).sum(axis=1)
        out[name] = np.where(classic_reason != 0, np.nan, total)
    return period_frame(panel, start, end, out, reason=classic_reason, reasons=prep.reasons)


def shift_share_profile(
    table: pd.DataFrame,
    *,
    industry_mix: str = "industry_mix",
    competitive_effect: str = "competitive_effect",
) -> pd.DataFrame:
    r"""Profile quadrant of each row of a shift-share table (*profil pertumbuhan*).

    Returns a copy of ``table`` with ``profile`` (ordered Categorical,
    :data:`PROFILE_LABELS`), ``profile_rule`` (e.g. ``"PP>0, PPW<=0"``) and ``net_shift_class``
    (:data:`NET_SHIFT_LABELS`: *progresif* when PB = PP + PPW > 0, else *lamban*; the line
    PB = 0 divides quadrants II and IV). A row with PP or PPW NaN gets missing labels.

    Notes
    -----
    ==========  =====================================  =====================================
    \           PPW > 0                                PPW <= 0
    ==========  =====================================  =====================================
    PP > 0      tumbuh cepat, berdaya saing            tumbuh cepat, kurang berdaya saing
    PP <= 0     tumbuh lambat, berdaya saing           tumbuh lambat, kurang berdaya saing
    ==========  =====================================  =====================================

    References
    ----------
    Budiharsono, S. (2001). *Teknik Analisis Pembangunan Wilayah Pesisir dan Lautan*.
    Jakarta: Pradnya Paramita.

    Examples
    --------
    >>> t = pd.DataFrame({"industry_mix": [1.0, -2.0], "competitive_effect": [-0.5, 1.0]})
    >>> out = shift_share_profile(t)
    >>> out["profile"].tolist(), out["net_shift_class"].tolist()
    (['tumbuh cepat, kurang berdaya saing', 'tumbuh lambat, berdaya saing'], ['progresif', 'lamban'])
    """
    func = "shift_share_profile"
    check_frame(table, func, "table")
    check_columns(table, func, industry_mix=industry_mix, competitive_effect=competitive_effect)
    pp = table[industry_mix].to_numpy(dtype=float)
    ppw = table[competitive_effect].to_numpy(dtype=float)
    quadrant = np.where(pp > 0, np.where(ppw > 0, 0, 1), np.where(ppw > 0, 2, 3))
    missing = np.isnan(pp) | np.isnan(ppw)
    net = pp + ppw
    return table.assign(
        profile=pd.Categorical.from_codes(np.where(missing, -1, quadrant), dtype=PROFILE_LABELS),
        profile_rule=Coded(np.where(missing, len(PROFILE_RULES), quadrant), (*PROFILE_RULES, "")).column(),
        net_shift_class=pd.Categorical.from_codes(np.where(missing, -1, np.where(net > 0, 0, 1)),
                                                  dtype=NET_SHIFT_LABELS),
    )
