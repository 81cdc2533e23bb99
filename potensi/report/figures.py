"""Report figures (seaborn on matplotlib): each function returns a closed ``matplotlib.figure.Figure``.

Figures are deterministic (fixed ordering, no random jitter, default DejaVu fonts shipped with
matplotlib, no network) and label their axes in Bahasa Indonesia with Indonesian numbers
(``1.234,5``). A returned figure is closed in pyplot so that a notebook shows it exactly once.
"""

from __future__ import annotations

from collections.abc import Iterable

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.ticker import Formatter
from matplotlib.transforms import TransformedPatchPath

from potensi.core.wording import FIGURES
from potensi.data.sectors import SECTORS
from potensi.report.formatting import COLUMN_LABELS, VALUE_LABELS, angka

__all__ = [
    "pdrb_trend",
    "growth_comparison",
    "structure",
    "member_contribution",
    "lq_heatmap",
    "quadrant",
    "mrp",
    "class_heatmap",
    "index_over_time",
    "convergence",
    "cooperation_pairs",
    "kelas_heatmap",
    "linkage_quadrant",
    "STYLE",
    "inline_as_laid_out",
    "lay_out",
]

#: rcParams for every report figure (fixed size, dpi and fonts: same pixels on every run).
STYLE = {
    "figure.dpi": 96,
    "savefig.dpi": 96,
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "svg.hashsalt": "potensi",
    "path.simplify": True,
}
_LABELS = dict(zip(SECTORS["sector_code"], SECTORS["sector_label"]))
_ORDER = list(SECTORS["sector_code"])


class _TickFormatter(Formatter):
    """Indonesian tick labels whose decimals follow the tick step (0,5 / 1,0 / 1,5; 0,02 / 0,04;
    10 / 20), so that no label carries decimals that never change and no two labels read alike."""

    def __init__(self, max_decimals: int = 3):
        self.max_decimals = max_decimals
        self.decimals = 0

    def set_locs(self, locs):
        super().set_locs(locs)
        steps = np.diff(np.sort(np.asarray(locs, dtype=float)))
        steps = steps[steps > 0]
        if not len(steps):
            self.decimals = 0
            return
        step = float(steps.min())
        d = max(0, -int(np.floor(np.log10(step) + 1e-9)))
        while d < self.max_decimals and any(abs(round(v, d) - v) > 1e-9 * max(1.0, abs(v)) for v in locs):
            d += 1
        self.decimals = d

    def __call__(self, x, pos=None):
        return angka(x, self.decimals)


def _fmt(decimals: int | None = None) -> Formatter:
    """Tick formatter: decimals chosen from the tick step (``decimals`` is kept for callers and ignored)."""
    return _TickFormatter()


def _new(width: float = 8.0, height: float = 4.5, **kw) -> tuple[Figure, plt.Axes]:
    with plt.rc_context(STYLE):
        sns.set_theme(style="whitegrid", rc=STYLE)
        fig, ax = plt.subplots(figsize=(width, height), **kw)
    return fig, ax


def inline_as_laid_out() -> None:
    """Show figures in this notebook as their own ``tight_layout`` lays them out.

    Every report figure is laid out by :func:`fig.tight_layout` when it is made. The notebook's
    inline backend would then save it with ``bbox_inches="tight"``: a second full layout pass
    that only trims the margin again (a quarter of a figure's saving time). The report notebook
    calls this once in its first cell; outside IPython it does nothing.
    """
    from IPython import get_ipython

    if get_ipython() is None:
        return
    from matplotlib_inline.backend_inline import set_matplotlib_formats

    set_matplotlib_formats("png", bbox_inches=None)


def lay_out(fig: Figure) -> Figure:
    """``fig.tight_layout()``, and no layout engine left on the figure.

    ``tight_layout`` leaves a placeholder layout engine on the figure, and matplotlib lays a
    figure with an engine out once more (a draw without rendering) every time it is saved. The
    layout is final here, so that pass only costs time: a fifth of the saving time of the
    report's figures (the images are byte-identical without it: checked on every figure of the
    Jawa Timur report).
    """
    fig.tight_layout()
    fig.set_layout_engine(None)
    return fig


def _done(fig: Figure) -> Figure:
    lay_out(fig)
    plt.close(fig)
    return fig


def _heatmap(ax: plt.Axes, wide: pd.DataFrame, *, cmap, vmin: float, vmax: float, linewidths: float = 0.4,
             annot: np.ndarray | None = None, annot_colours: np.ndarray | None = None, fontsize: float = 7) -> None:
    """Draw ``wide`` (rows × columns of numbers, NaN left blank) as cells, as ``seaborn.heatmap``
    draws it: no spines, a tick label at the middle of each row and column, white lines between
    cells, rows top-down; ``annot`` (strings, same shape) written in the cells, dark on light
    colours and white on dark ones (relative luminance > 0.408, seaborn's rule), or in
    ``annot_colours`` (same shape) where given.

    ``seaborn.heatmap`` renders the whole figure once only to see whether tick labels overlap
    (a third of a heatmap's drawing time); here the labels are set as the report wants them
    (rows horizontal, columns turned by the caller). The cell texts lie inside the axes, so the
    layout does not measure them (``in_layout=False``; tight_layout measured every one, a third
    of the drawing time of a 38-row heatmap), and they share one clip path instead of building
    one each (the images are byte-identical).
    """
    values = np.ma.masked_invalid(wide.to_numpy(dtype=float))
    blank = np.ma.getmaskarray(values)
    mesh = ax.pcolormesh(values, cmap=cmap, vmin=vmin, vmax=vmax, linewidths=linewidths, edgecolor="white")
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.grid(False)
    rows, cols = values.shape
    ax.set(xlim=(0, cols), ylim=(rows, 0))
    ax.set_xticks(np.arange(cols) + 0.5, [str(c) for c in wide.columns])
    ax.set_yticks(np.arange(rows) + 0.5, [str(r) for r in wide.index], rotation=0, va="center")
    if annot is None:
        return
    if annot_colours is None:
        rgb = mesh.to_rgba(values)[..., :3]
        rgb = np.where(rgb <= 0.03928, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)  # linear sRGB
        annot_colours = np.where(rgb @ np.array([0.2126, 0.7152, 0.0722]) > 0.408, ".15", "w")
    clip = TransformedPatchPath(ax.patch)
    for (i, j), text in np.ndenumerate(np.asarray(annot, dtype=object)):
        if not blank[i, j]:
            ax.text(j + 0.5, i + 0.5, str(text), ha="center", va="center", fontsize=fontsize,
                    color=annot_colours[i, j], clip_path=clip, in_layout=False)


def _short(name: str) -> str:
    return name.replace("Kabupaten ", "").replace("Kota ", "Kota ")


def _label_offsets() -> list[tuple[float, float, str, str]]:
    """Candidate label positions (points from the dot, alignment): near ones first, then further out."""
    out = []
    for r in (4, 12, 22, 34, 50, 70, 95):
        for dx, dy in ((1, 0.7), (1, -0.7), (-1, 0.7), (-1, -0.7), (0, 1.4), (0, -1.4), (1, 0), (-1, 0)):
            out.append((dx * r, dy * r, "left" if dx > 0 else "right" if dx < 0 else "center",
                        "bottom" if dy > 0 else "top"))
    return out


def _place_labels(fig: Figure, ax: plt.Axes, xs, ys, texts, *, fontsize: float = 7, avoid=(),
                  bold: Iterable[str] = ()) -> None:
    """Write ``texts`` next to their points, each where it covers no point, no label written
    before and no artist in ``avoid``; a label moved away from its point gets a thin leader line.

    Deterministic (points in the given order, candidate offsets in a fixed order); a label
    that fits nowhere goes to the nearest position.
    """
    ax.set_xlim(ax.get_xlim())  # settle the (lazy) autoscaling: the pixel positions below are final
    ax.set_ylim(ax.get_ylim())
    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    points = [tuple(ax.transData.transform((x, y))) for x, y in zip(xs, ys)]
    boxes = [artist.get_window_extent(renderer) for artist in avoid]
    offsets = _label_offsets()

    bold = set(bold)

    def put(x, y, text, dx, dy, ha, va):
        far = abs(dx) > 5 or abs(dy) > 6
        return ax.annotate(text, (x, y), xytext=(dx, dy), textcoords="offset points", fontsize=fontsize,
                           fontweight="bold" if text in bold else "normal", ha=ha, va=va, arrowprops={"arrowstyle": "-", "color": "#999999", "lw": 0.5,
                                                     "shrinkA": 0, "shrinkB": 3} if far else None)

    def extent(ann):  # the text alone, without its leader line
        ann.update_positions(renderer)
        return Text.get_window_extent(ann, renderer)

    for (x, y), text, me in zip(zip(xs, ys), texts, points):
        others = [pt for pt in points if pt != me]
        for dx, dy, ha, va in offsets:
            ann = put(x, y, text, dx, dy, ha, va)
            box = extent(ann)
            fits = (frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
                    and not any(box.overlaps(b) for b in boxes)
                    and not any(box.expanded(1.05, 1.2).contains(*pt) for pt in others))
            if fits:
                break
            ann.remove()
        else:
            ann = put(x, y, text, *offsets[0])
            box = extent(ann)
        boxes.append(box)


def _robust_limits(values: pd.Series, ref: float) -> tuple[float, float] | None:
    """Axis limits that leave out far outliers (beyond 10 IQR of the quartiles), or None if none."""
    v = values.astype(float)
    q1, q3 = v.quantile(0.25), v.quantile(0.75)
    spread = max(q3 - q1, 1e-9)
    lo, hi = min(q1 - 10 * spread, ref), max(q3 + 10 * spread, ref)
    if v.min() >= lo and v.max() <= hi:
        return None
    inside = v[(v >= lo) & (v <= hi)]
    lo, hi = min(inside.min(), ref), max(inside.max(), ref)
    pad = 0.06 * (hi - lo or 1.0)
    return lo - pad, hi + pad


def _legend_labels(ax: plt.Axes, columns: dict[str, str]) -> None:
    """Indonesian legend entries: values through VALUE_LABELS, column titles through COLUMN_LABELS."""
    handles, labels = ax.get_legend_handles_labels()
    mapping = {k: v for col in columns for k, v in VALUE_LABELS.get(col, {}).items()}
    titles = {col: COLUMN_LABELS.get(col, col) for col in columns}
    ax.legend(handles, [titles.get(t, mapping.get(t, t)) for t in labels], title=None, fontsize=8,
              loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)


def pdrb_trend(totals: pd.DataFrame, region_code: str, *, title: str | None = None) -> Figure:
    """PDRB (Σ 17 lapangan usaha, ADHK 2010) of one region by year, in miliar rupiah."""
    d = totals[totals["region_code"] == region_code].sort_values("year")
    fig, ax = _new(8, 3.8)
    sns.lineplot(data=d, x="year", y="value", marker="o", ax=ax, color="#1f4e79")
    prov = d[d["provisional"]]
    if len(prov):
        ax.scatter(prov["year"], prov["value"], s=60, facecolors="white", edgecolors="#c00000", zorder=3,
                   label=FIGURES["provisional"])
        ax.legend(loc="best")
    ax.set(xlabel=FIGURES["year_axis"], ylabel=FIGURES["pdrb_axis"],
           title=title or FIGURES["pdrb_title"].format(name=d["region_name"].iloc[0]))
    ax.yaxis.set_major_formatter(_fmt(0))
    ax.set_xticks(d["year"].tolist())
    return _done(fig)


def growth_comparison(totals: pd.DataFrame, region_codes: list[str], *, title: str = FIGURES["growth_title"]) -> Figure:
    """Year-on-year growth (%) of Σ 17 sectors, one line per region."""
    d = totals[totals["region_code"].isin(region_codes)].dropna(subset=["growth_pct"])
    order = [d.loc[d["region_code"] == c, "region_name"].iloc[0] for c in region_codes if (d["region_code"] == c).any()]
    fig, ax = _new(8, 3.8)
    sns.lineplot(data=d, x="year", y="growth_pct", hue="region_name", hue_order=order, marker="o", ax=ax)
    ax.axhline(0, color="grey", lw=0.8)
    ax.set(xlabel=FIGURES["year_axis"], ylabel=FIGURES["growth_pct_axis"], title=title)
    ax.yaxis.set_major_formatter(_fmt(1))
    ax.set_xticks(sorted(d["year"].unique()))
    ax.legend(title=None)
    return _done(fig)


def structure(struct: pd.DataFrame, *, title: str = FIGURES["structure_title"]) -> Figure:
    """Sector shares (%) as horizontal bars, one colour per region-year."""
    d = struct.assign(label=struct["sector_label"], group=struct["region_name"] + " " + struct["year"].astype(str))
    order = [_LABELS[c] for c in _ORDER if c in set(d["sector_code"])]
    fig, ax = _new(8, 5.5)
    sns.barplot(data=d, y="label", x="share_pct", hue="group", order=order, ax=ax, errorbar=None)
    ax.set(xlabel=FIGURES["structure_axis"], ylabel="", title=title)
    ax.xaxis.set_major_formatter(_fmt(0))
    ax.legend(title=None, loc="lower right")
    return _done(fig)


def member_contribution(share: pd.DataFrame, *, title: str = FIGURES["contribution_title"]) -> Figure:
    """Share (%) of each kab/kota in the province's PDRB (end year)."""
    d = share.sort_values("share_pct", ascending=False).assign(name=lambda x: x["region_name"].map(_short))
    fig, ax = _new(8, 0.35 * len(d) + 1.2)
    sns.barplot(data=d, y="name", x="share_pct", ax=ax, color="#1f4e79", errorbar=None)
    for i, v in enumerate(d["share_pct"]):
        ax.text(v, i, " " + angka(v, 1) + " %", va="center", fontsize=8)
    ax.set(xlabel=FIGURES["contribution_axis"], ylabel="", title=title)
    ax.xaxis.set_major_formatter(_fmt(0))
    return _done(fig)


def lq_heatmap(lq: pd.DataFrame, *, year: int, value: str = "lq",
               title: str | None = None) -> Figure:
    """Heatmap of LQ, regions × sectors, annotated (LQ > 1: sektor basis; colour centred on 1)."""
    d = lq[lq["year"] == year]
    names = dict(zip(d["region_code"], d.get("region_name", d["region_code"])))
    wide = d.pivot_table(index="region_code", columns="sector_code", values=value, aggfunc="first")
    wide = wide[[c for c in _ORDER if c in wide.columns]].sort_index()
    wide.index = [_short(str(names.get(c, c))) for c in wide.index]
    wide.columns = [_LABELS.get(c, c) for c in wide.columns]
    fig, ax = _new(11, 0.38 * len(wide) + 2.6)
    vmax = float(np.nanmax(np.abs(np.log(wide.to_numpy(dtype=float).clip(1e-3)))) if wide.size else 1.0)
    annot = wide.map(lambda v: angka(v, 2))
    _heatmap(ax, np.log(wide.astype(float).clip(lower=1e-3)), cmap="RdBu_r", vmin=-vmax, vmax=vmax,
             annot=annot.to_numpy())
    ax.set(xlabel="", ylabel="", title=title or FIGURES["lq_heatmap"].format(year=year))
    ax.tick_params(axis="x", rotation=60)
    for lab in ax.get_xticklabels():
        lab.set_ha("right")
    return _done(fig)


def quadrant(frame: pd.DataFrame, *, x: str, y: str, label: str, hue: str | None = None, x0: float = 0.0,
             y0: float = 0.0, xlabel: str = "", ylabel: str = "", title: str = "",
             quadrant_names: tuple[str, str, str, str] | None = None, size: str | None = None,
             bold: Iterable[str] = ()) -> Figure:
    """Scatter with reference lines at ``x0``/``y0`` (Klassen, MRP, SLQ×DLQ).

    ``quadrant_names`` are written in the corners: (kanan atas, kiri atas, kanan bawah, kiri bawah),
    i.e. (x > x0 and y > y0, x ≤ x0 and y > y0, x > x0 and y ≤ y0, x ≤ x0 and y ≤ y0).
    Labels are placed so that they do not overlap (those in ``bold`` measured bold); a far outlier
    is drawn at the edge of the plot (an open diamond) with its values in its label, so that it
    does not squeeze the others.
    """
    d = frame.dropna(subset=[x, y]).sort_values(label)
    fig, ax = _new(9, 6.5)
    limits = {ax_name: _robust_limits(d[col], ref) for ax_name, col, ref in (("x", x, x0), ("y", y, y0))}
    px, py = d[x].astype(float), d[y].astype(float)
    outside = pd.Series(False, index=d.index)
    for key, values in (("x", px), ("y", py)):
        if limits[key]:
            lo, hi = limits[key]
            inner = (lo + 0.025 * (hi - lo), hi - 0.025 * (hi - lo))  # the whole marker stays visible
            outside |= (values < lo) | (values > hi)
            if key == "x":
                px = values.clip(*inner)
            else:
                py = values.clip(*inner)
    d = d.assign(_x=px, _y=py)
    sns.scatterplot(data=d[~outside], x="_x", y="_y", hue=hue, size=size, ax=ax, s=50 if size is None else None,
                    palette="deep" if hue else None, legend="brief" if hue else False)
    if outside.any():
        ax.scatter(d.loc[outside, "_x"], d.loc[outside, "_y"], marker="D", s=45, facecolors="white",
                   edgecolors="#1f4e79", zorder=3)
    ax.axvline(x0, color="grey", lw=0.9, ls="--")
    ax.axhline(y0, color="grey", lw=0.9, ls="--")
    if limits["x"]:
        ax.set_xlim(*limits["x"])
    if limits["y"]:
        ax.set_ylim(*limits["y"])
    corners = []
    if quadrant_names:  # room at the top and bottom for the corner names, clear of the points
        lo, hi = ax.get_ylim()
        ax.set_ylim(lo - 0.08 * (hi - lo), hi + 0.08 * (hi - lo))
        pos = [(0.98, 0.98, "right", "top"), (0.02, 0.98, "left", "top"),
               (0.98, 0.02, "right", "bottom"), (0.02, 0.02, "left", "bottom")]
        corners = [ax.text(qx, qy, text, transform=ax.transAxes, ha=ha, va=va, fontsize=8, color="#555555",
                           fontstyle="italic", bbox={"facecolor": "white", "alpha": 0.8, "edgecolor": "none"})
                   for text, (qx, qy, ha, va) in zip(quadrant_names, pos)]
    texts = [str(t) if not out else f"{t} ({angka(rx, 1)}; {angka(ry, 1)})"
             for t, out, rx, ry in zip(d[label], outside, d[x], d[y])]
    ax.set(xlabel=xlabel or COLUMN_LABELS.get(x, x), ylabel=ylabel or COLUMN_LABELS.get(y, y), title=title)
    ax.xaxis.set_major_formatter(_fmt(1))
    ax.yaxis.set_major_formatter(_fmt(1))
    if hue:  # before the layout: a legend moved out of the axes afterwards narrows them under the labels
        sns.move_legend(ax, "upper left", bbox_to_anchor=(1.01, 1), title=None, frameon=False)
    fig.tight_layout()  # final axes size before measuring the labels
    _place_labels(fig, ax, d["_x"].tolist(), d["_y"].tolist(), texts, avoid=corners, bold=bold)
    return _done(fig)


def mrp(frame: pd.DataFrame, *, label: str = "sector_label",
        title: str = FIGURES["mrp"]) -> Figure:
    """The MRP plane drawn with the quantities that decide the signs, not with the ratios.

    x = growth of the sector in the region minus in the reference (:math:`g_{ij} - G_i`, the
    RPs sign), y = growth of the sector in the reference minus the reference economy
    (:math:`G_i - G`, the RPr sign), both in percentage points of growth over the period, with
    the quadrant lines at 0. The ratios RPr and RPs are not plotted: a ratio of two declines is
    above 1 (Kaltim mining against Indonesia 2013–2020: RPs 57,2 with both growth rates
    negative) and would sit in the "menonjol" corner; here such a sector falls where its sign
    puts it (Kaltim mining: x < 0). Needs ``growth_pct, reference_growth_pct,
    reference_total_growth_pct`` (the MRP table of :func:`potensi.growth_ratio_overlay`).
    """
    d = frame.assign(_rps=frame["growth_pct"] - frame["reference_growth_pct"],
                     _rpr=frame["reference_growth_pct"] - frame["reference_total_growth_pct"])
    return quadrant(d, x="_rps", y="_rpr", label=label, x0=0.0, y0=0.0,
                    xlabel=FIGURES["mrp_x"], ylabel=FIGURES["mrp_y"], title=title,
                    quadrant_names=FIGURES["mrp_quadrants"])


def index_over_time(frame: pd.DataFrame, *, x: str = "year", y: str = "value", hue: str = "index",
                    style: str | None = None, indices: list[str] | None = None, title: str = "",
                    ylabel: str = FIGURES["index_axis"], scope: str | None = None) -> Figure:
    """Indices (Williamson, Theil, sigma …) by year, one line each; ``style`` separates series
    (e.g. population sources) that must not be joined. ``indices`` selects values of ``hue``.

    A table with a ``scope`` column (the kab/kota, the same without mining, the provinces) is
    drawn for one scope only, ``scope`` or by default the first one in the table, so that rows
    of one index from different scopes are never averaged or joined into one line."""
    d = frame
    if "scope" in d.columns and len(d):
        d = d[d["scope"] == (scope if scope is not None else d["scope"].iloc[0])]
    d = d.dropna(subset=[y])
    if indices is not None:
        d = d[d[hue].astype(str).isin(indices)]
    d = d.assign(**{hue: d[hue].astype(str)}).sort_values([hue, x])
    if style is not None:
        d = d.assign(_series=d[hue] + " · " + d[style].astype(str))
    fig, ax = _new(8, 3.8)
    order = [i for i in (indices or sorted(d[hue].unique())) if i in set(d[hue])]
    sns.lineplot(data=d, x=x, y=y, hue=hue, hue_order=order, style=style, units="_series" if style else None,
                 estimator=None if style else "mean", marker="o", ax=ax)
    ax.set(xlabel=FIGURES["year_axis"], ylabel=ylabel, title=title)
    ax.yaxis.set_major_formatter(_fmt(2))
    ax.set_xticks(sorted(d[x].unique()))
    _legend_labels(ax, {hue: "", **({style: ""} if style else {})})
    return _done(fig)


def convergence(frame: pd.DataFrame, *, x: str, y: str, label: str, title: str = FIGURES["convergence_title"],
                xlabel: str = "", ylabel: str = "") -> Figure:
    """Initial level (log) against mean growth, with the least-squares line."""
    d = frame.dropna(subset=[x, y]).sort_values(label)
    fig, ax = _new(8, 5)
    sns.regplot(data=d, x=x, y=y, ax=ax, ci=None, scatter_kws={"s": 40}, line_kws={"color": "#c00000"})
    _place_labels(fig, ax, d[x].tolist(), d[y].tolist(), [_short(str(t)) for t in d[label]])
    ax.set(xlabel=xlabel or COLUMN_LABELS.get(x, x), ylabel=ylabel or COLUMN_LABELS.get(y, y), title=title)
    ax.xaxis.set_major_formatter(_fmt(2))
    ax.yaxis.set_major_formatter(_fmt(1))
    return _done(fig)


def cooperation_pairs(frame: pd.DataFrame, *, score: str, a: str = "region_name_a", b: str = "region_name_b",
                      label: str | None = None, top: int = 15, title: str = FIGURES["pairs_title"],
                      xlabel: str = FIGURES["pairs_axis"]) -> Figure:
    """Horizontal bars of the ``top`` pairs by ``score`` (ties broken by names: stable order)."""
    d = frame.dropna(subset=[score]).sort_values([score, a, b], ascending=[False, True, True]).head(top)
    pair = [f"{_short(str(p))} → {_short(str(q))}" for p, q in zip(d[a], d[b])]
    if label:
        pair = [f"{t} ({lab})" for t, lab in zip(pair, d[label])]
    d = d.assign(pair=pair)
    fig, ax = _new(8, 0.35 * len(d) + 1.4)
    sns.barplot(data=d, y="pair", x=score, ax=ax, color="#2e75b6", errorbar=None)
    ax.set(xlabel=xlabel, ylabel="", title=title)
    ax.xaxis.set_major_formatter(_fmt(2))
    return _done(fig)


def class_heatmap(frame: pd.DataFrame, *, value: str, categories: list[str] | None = None, title: str = "",
                  palette: str = "RdYlGn_r") -> Figure:
    """Regions × sectors coloured by a class label (SLQ×DLQ, Klassen), with a legend of the classes.

    ``categories`` defaults to the order of the column's ordered Categorical (the label set
    the indicator used), so the legend always matches the rule that produced the labels.
    """
    if categories is None:
        categories = [str(c) for c in frame[value].cat.categories]
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    names = dict(zip(frame["region_code"], frame.get("region_name", frame["region_code"])))
    codes = frame.assign(_c=pd.Categorical(frame[value].astype(str), categories=categories).codes.astype(float))
    codes.loc[codes["_c"] < 0, "_c"] = np.nan
    wide = codes.pivot_table(index="region_code", columns="sector_code", values="_c", aggfunc="first", dropna=False)
    wide = wide[[c for c in _ORDER if c in wide.columns]].sort_index()
    wide.index = [_short(str(names.get(c, c))) for c in wide.index]
    wide.columns = [_LABELS.get(c, c) for c in wide.columns]
    colours = sns.color_palette(palette, len(categories))
    fig, ax = _new(11, 0.38 * len(wide) + 3.0)
    _heatmap(ax, wide, cmap=ListedColormap(colours), vmin=-0.5, vmax=len(categories) - 0.5)
    ax.legend(handles=[Patch(color=c, label=k) for c, k in zip(colours, categories)], loc="upper left",
              bbox_to_anchor=(1.01, 1), ncol=1, frameon=False, fontsize=8)
    ax.set(xlabel="", ylabel="", title=title)
    ax.tick_params(axis="x", rotation=60)
    for lab in ax.get_xticklabels():
        lab.set_ha("right")
    return _done(fig)


#: Colours of the sector-potential classes (strongest first; print-safe, with a letter in each cell).
KELAS_COLOURS = {"unggulan": "#1b7837", "andalan menurun": "#e08214", "potensial berkembang": "#a6dba0",
                 "layanan lokal": "#c2bfdc", "lainnya": "#f0f0f0"}


def kelas_heatmap(frame: pd.DataFrame, *, value: str = "kelas", title: str = "") -> Figure:
    """Kab/kota × lapangan usaha coloured by the sector-potential class, each cell lettered
    (:data:`potensi.core.wording.KELAS_SHORT`) and starred when the label is not the same in every
    robustness scenario (``scenarios_agree < scenarios_total``)."""
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    from potensi.core.wording import KELAS_SHORT

    cats = [c for c in KELAS_COLOURS]
    names = dict(zip(frame["region_code"], frame.get("region_name", frame["region_code"])))
    kelas = frame[value].astype(str)
    unstable = (frame["scenarios_agree"] < frame["scenarios_total"]) if "scenarios_agree" in frame else False
    d = frame.assign(_c=pd.Categorical(kelas, categories=cats).codes.astype(float),
                     _t=[KELAS_SHORT.get(k, "") + ("*" if u else "") for k, u in
                         zip(kelas, unstable if not isinstance(unstable, bool) else [False] * len(frame))])
    d.loc[d["_c"] < 0, "_c"] = np.nan
    wide = d.pivot_table(index="region_code", columns="sector_code", values="_c", aggfunc="first", dropna=False)
    text = d.pivot_table(index="region_code", columns="sector_code", values="_t", aggfunc="first", dropna=False)
    order = [c for c in _ORDER if c in wide.columns]
    wide, text = wide[order].sort_index(), text.reindex(index=wide.index, columns=order).sort_index().fillna("")
    wide.index = [_short(str(names.get(c, c))) for c in wide.index]
    wide.columns = [_LABELS.get(c, c) for c in wide.columns]
    fig, ax = _new(11, 0.38 * len(wide) + 3.2)
    colours = [KELAS_COLOURS[c] for c in cats]
    _heatmap(ax, wide, cmap=ListedColormap(colours), vmin=-0.5, vmax=len(cats) - 0.5, linewidths=0.6,
             annot=text.to_numpy(), annot_colours=np.where(wide.to_numpy() == 0.0, "white", "#222222"))  # white on the dark class
    handles = [Patch(color=KELAS_COLOURS[c], label=f"{KELAS_SHORT[c]} = {c}") for c in cats]
    handles.append(Patch(color="white", label=FIGURES["kelas_unstable"]))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), ncol=1, frameon=False, fontsize=8)
    ax.set(xlabel="", ylabel="", title=title)
    ax.tick_params(axis="x", rotation=60)
    for lab in ax.get_xticklabels():
        lab.set_ha("right")
    return _done(fig)


def linkage_quadrant(io: pd.DataFrame, *, title: str = "", label: str = "sector_label") -> Figure:
    """Backward (*daya penyebaran*) × forward (*derajat kepekaan*) linkage of each sector, lines at 1;
    key sectors (both > 1) drawn dark and named in bold, the others light."""
    d = io.assign(_jenis=np.where(io["key_sector"].astype(bool), *FIGURES["key_sector"]))
    key = set(d.loc[d["key_sector"].astype(bool), label].astype(str))
    return quadrant(d, x="backward_linkage", y="forward_linkage", label=label, hue="_jenis", x0=1.0, y0=1.0,
                    xlabel=FIGURES["linkage_x"], ylabel=FIGURES["linkage_y"], title=title,
                    quadrant_names=FIGURES["linkage_quadrants"], bold=key)
