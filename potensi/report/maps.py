"""Report maps (geopandas on matplotlib): each function returns a closed ``matplotlib.figure.Figure``.

The boundaries are the 2025 Kemendagri lines keyed by BPS code (``data/raw/geo``, MIT licence,
see :mod:`potensi.data.boundaries`); maps are drawn in longitude/latitude with an equal-aspect
correction for the latitude, labelled in Bahasa Indonesia, with no basemap tile and no network
request. Like :mod:`potensi.report.figures`, a returned figure is closed in pyplot so that a
notebook shows it exactly once, and every draw is deterministic (fixed order, fixed colours).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import geopandas as gpd
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import shapely
from matplotlib.collections import PathCollection
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.path import Path
from matplotlib.text import Text

from potensi.core.wording import MAPS
from potensi.report.figures import STYLE, lay_out
from potensi.report.formatting import angka

__all__ = ["choropleth", "class_map", "cooperation_map", "polygons", "province_map", "short_name"]

#: Colours of ordered classes, strongest first (ColorBrewer "Set2"-like, print-safe).
CLASS_COLOURS = ("#1b7837", "#e08214", "#7fbf7b", "#9e9ac8", "#d9d9d9", "#f4a582")
_EDGE = "#555555"
_OTHER = "#eeeeee"


def short_name(name: str) -> str:
    """``"Kabupaten Kutai Barat"`` → ``"Kutai Barat"``; a kota keeps ``"Kota"``."""
    return str(name).replace("Kabupaten ", "")


def _new(width: float, height: float) -> tuple[Figure, plt.Axes]:
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(width, height))
    ax.set_axis_off()
    return fig, ax


def polygons(ax: plt.Axes, geometry, *, facecolor, edgecolor, linewidth: float, hatch: str | None = None) -> PathCollection:
    """Draw (multi)polygons on ``ax`` exactly as ``GeoSeries.plot`` draws them, at a fraction of its cost.

    Same paths (the geometry normalised, one compound path per geometry: each ring a MOVETO,
    LINETOs and a CLOSEPOLY, holes after their polygon), same collection and styles, so
    the pixels are the same. What is left out: geopandas builds each ring from Python, makes a
    patch per geometry, and redraws the whole figure after every ``plot`` call
    (``canvas.draw_idle()``, a full draw without a screen: five draws of a Klassen map before it
    is shown). ``facecolor``: one colour, or one per geometry; empty or missing geometries are skipped.
    """
    geoms = shapely.normalize(np.asarray(geometry, dtype=object))
    keep = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    if not isinstance(facecolor, str) and len(facecolor) == len(geoms) and not np.all(keep):
        facecolor = [c for c, k in zip(facecolor, keep) if k]
    paths = []
    if keep.any():
        _, coords, offsets = shapely.to_ragged_array(geoms[keep])
        rings = offsets[0]  # vertex index where each ring starts (and the end)
        first_ring = offsets[1][offsets[2]] if len(offsets) == 3 else offsets[1]  # per geometry (multi or not)
        codes = np.full(len(coords), Path.LINETO, dtype=Path.code_type)
        codes[rings[:-1]] = Path.MOVETO
        codes[rings[1:] - 1] = Path.CLOSEPOLY
        bounds = rings[first_ring]
        paths = [Path(coords[i:j], codes[i:j]) for i, j in zip(bounds[:-1], bounds[1:])]
    collection = PathCollection(paths, facecolor=facecolor, edgecolor=edgecolor, linewidth=linewidth, hatch=hatch)
    ax.add_collection(collection, autolim=True)
    ax.autoscale_view()
    return collection


def _done(fig: Figure, ax: plt.Axes, frame: gpd.GeoDataFrame, *, pad: float = 0.08, right: float = 0.0) -> Figure:
    """Frame the map on ``frame`` (``pad`` around it, ``right`` more on the east for names set aside)."""
    _frame(fig, ax, frame, pad=pad, right=right)
    plt.close(fig)
    return fig


def _frame(fig: Figure, ax: plt.Axes, frame: gpd.GeoDataFrame, *, pad: float, right: float = 0.0) -> None:
    """Limits, aspect and layout of :func:`_done`, the figure left open (its pixels are final)."""
    minx, miny, maxx, maxy = frame.total_bounds
    dx, dy = (maxx - minx) or 1.0, (maxy - miny) or 1.0
    ax.set_xlim(minx - pad * dx, maxx + (pad + right) * dx)
    ax.set_ylim(miny - pad * dy, maxy + pad * dy)
    ax.set_aspect(1 / math.cos(math.radians((miny + maxy) / 2)))
    lay_out(fig)


#: Where a rank badge may sit along its line (fraction of the way from one partner to the other):
#: the middle first, then further out, so that on a short line it leaves the towns' names free.
BADGE_POSITIONS = (0.5, 0.38, 0.62, 0.26, 0.74)
#: Then beside the middle of its line (points), with a thin leader line to it.
BADGE_OFFSETS = ((0, 14), (0, -14), (18, 0), (-18, 0), (16, 14), (-16, 14), (16, -14), (-16, -14),
                 (0, 26), (0, -26), (30, 0), (-30, 0))


#: Where a town's name may sit (points from its seat, alignment): above right first.
TOWN_OFFSETS = ((4, 4, "left", "bottom"), (4, -4, "left", "top"), (-4, 4, "right", "bottom"),
                (-4, -4, "right", "top"), (6, 0, "left", "center"), (-6, 0, "right", "center"))


def _text_box(ann, renderer):
    """Where ``ann``'s text and its box are drawn (not its leader line)."""
    ann.update_positions(renderer)
    return Text.get_window_extent(ann, renderer)


def _first_free(put, places: list, boxes: list, clear=lambda box: True):
    """``put(*place)`` (an annotation and its box) at the first of ``places`` whose box overlaps
    none of ``boxes`` and is ``clear``; at the first place when none is free. The box is added to
    ``boxes``."""
    for place in places:
        ann, box = put(*place)
        if clear(box) and not any(box.overlaps(b) for b in boxes):
            break
        ann.remove()
    else:
        ann, box = put(*places[0])
    boxes.append(box)
    return ann


def _place_towns(fig: Figure, ax: plt.Axes, towns: list[tuple[str, tuple]]) -> list:
    """Name each seat of government (``text``, its point) at the first of :data:`TOWN_OFFSETS`
    where the name covers no name written before and no other seat; above right when none is
    free. Returns the names (annotations). Call once the axes' pixels are final."""
    renderer = fig.canvas.get_renderer()
    seats = [tuple(ax.transData.transform(xy)) for _, xy in towns]
    boxes: list = []
    out = []
    for (text, xy), me in zip(towns, seats):
        others = [pt for pt in seats if pt != me]

        def put(dx, dy, ha, va, text=text, xy=xy):
            ann = ax.annotate(text, xy, xytext=(dx, dy), textcoords="offset points", ha=ha, va=va, fontsize=7.5,
                              zorder=6, bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.8})
            return ann, _text_box(ann, renderer)

        out.append(_first_free(put, list(TOWN_OFFSETS), boxes,
                               clear=lambda box, others=others: not any(box.contains(*pt) for pt in others)))
    return out


def _place_badges(fig: Figure, ax: plt.Axes, badges: list[tuple[str, tuple, tuple]], avoid: list) -> None:
    """Write each rank badge (``text``, one end, the other end of its line) at the first place
    where it covers no artist of ``avoid`` (the towns' names) and no badge written before: along
    its line (:data:`BADGE_POSITIONS`), else beside the middle of its line with a leader
    (:data:`BADGE_OFFSETS`); the middle when none is free. Deterministic: badges in rank order,
    places in a fixed order. Call once the axes' pixels are final."""
    renderer = fig.canvas.get_renderer()
    boxes = [_text_box(artist, renderer) for artist in avoid]
    leader = {"arrowstyle": "-", "color": "#d95f02", "lw": 0.8, "shrinkA": 0, "shrinkB": 0}
    for text, (x0, y0), (x1, y1) in badges:

        def put(xy, offset, text=text):
            ann = ax.annotate(text, xy, xytext=offset, textcoords="offset points", ha="center", va="center",
                              fontsize=7, color="white", fontweight="bold", zorder=7,
                              arrowprops=leader if offset != (0, 0) else None,
                              bbox={"boxstyle": "round,pad=0.25", "fc": "#d95f02", "ec": "white", "lw": 0.6})
            return ann, _text_box(ann, renderer)

        middle = ((x0 + x1) / 2, (y0 + y1) / 2)
        places = [((x0 + t * (x1 - x0), y0 + t * (y1 - y0)), (0, 0)) for t in BADGE_POSITIONS]
        _first_free(put, places + [(middle, offset) for offset in BADGE_OFFSETS], boxes)


def _labels(ax: plt.Axes, frame: gpd.GeoDataFrame, names: Mapping[str, str] | None, size: float = 7,
            small: float = 0.02) -> bool:
    """Name each region: inside it when it is large enough, else (a kota, a small kabupaten) in a
    column beside the province, east of it, with a thin leader line to the region, the column
    ordered by latitude and spaced so that no two names overlap. Returns whether any name was set aside."""
    pts = frame.geometry.representative_point()
    area = frame.geometry.to_crs("EPSG:6933").area  # equal-area: a fair "small" test at any latitude
    total = float(area.sum()) or 1.0
    minx, miny, maxx, maxy = frame.total_bounds
    aside = []
    for code, p, a in zip(frame["region_code"], pts, area):
        text = short_name((names or {}).get(code, code))
        if len(frame) > 3 and a / total < small:
            aside.append((p.y, p.x, text))
            continue
        ax.annotate(text, (p.x, p.y), ha="center", va="center", fontsize=size,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75})
    if not aside:
        return False
    gap = 0.045 * (maxy - miny)
    x_text = maxx + 0.04 * (maxx - minx)
    ys: list[float] = []
    for y, _x, _t in sorted(aside, reverse=True):  # north first
        ys.append(min(y, ys[-1] - gap) if ys else y)
    for (y, x, text), yt in zip(sorted(aside, reverse=True), ys):
        ax.annotate(text, (x, y), xytext=(x_text, yt), textcoords="data", ha="left", va="center", fontsize=size,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "#999999", "lw": 0.4, "alpha": 0.9},
                    arrowprops={"arrowstyle": "-", "color": "#555555", "lw": 0.6, "shrinkA": 0, "shrinkB": 1})
    return True


def _context(ax: plt.Axes, context: gpd.GeoDataFrame | None) -> None:
    if context is not None and len(context):
        polygons(ax, context.geometry, facecolor=_OTHER, edgecolor="#bbbbbb", linewidth=0.3)


def choropleth(boundaries: gpd.GeoDataFrame, values: pd.DataFrame, *, column: str, title: str, legend: str,
               names: Mapping[str, str] | None = None, decimals: int = 1, context: gpd.GeoDataFrame | None = None,
               cmap: str = "YlGn", bins: int = 5) -> Figure:
    """Kab/kota shaded by a numeric ``column`` of ``values`` (``region_code`` + column), in classes.

    Classes are quantiles of the shown values (at most ``bins``), labelled with Indonesian numbers;
    a region without a value is hatched and said so in the legend (*tidak ada data*).
    """
    frame = boundaries.merge(values[["region_code", column]], on="region_code", how="left")
    fig, ax = _new(7.5, 6.0)
    _context(ax, context)
    v = frame[column].astype(float)
    finite = v[np.isfinite(v)]
    handles = []
    if len(finite):
        edges = np.unique(np.quantile(finite, np.linspace(0, 1, min(bins, len(finite)) + 1)))
        if len(edges) < 2:
            edges = np.array([finite.min() - 0.5, finite.max() + 0.5])
        colours = plt.get_cmap(cmap)(np.linspace(0.2, 0.9, len(edges) - 1))
        norm = BoundaryNorm(edges, len(edges) - 1, clip=True)
        has = frame[np.isfinite(v)]
        polygons(ax, has.geometry, facecolor=[colours[min(int(norm(x)), len(colours) - 1)] for x in has[column]],
                 edgecolor=_EDGE, linewidth=0.5)
        for i in range(len(edges) - 1):
            handles.append(Patch(color=colours[i], label=f"{angka(edges[i], decimals)} – {angka(edges[i + 1], decimals)}"))
    missing = frame[~np.isfinite(v)]
    if len(missing):
        polygons(ax, missing.geometry, facecolor="white", edgecolor=_EDGE, linewidth=0.5, hatch="///")
        handles.append(Patch(facecolor="white", edgecolor=_EDGE, hatch="///", label=MAPS["no_data"]))
    aside = _labels(ax, frame, names)
    ax.legend(handles=handles, title=legend, loc="lower left", fontsize=7, title_fontsize=8, frameon=True)
    ax.set_title(title)
    return _done(fig, ax, frame, right=0.22 if aside else 0.0)


def class_map(boundaries: gpd.GeoDataFrame, values: pd.DataFrame, *, column: str, categories: Sequence[str],
              title: str, legend: str, names: Mapping[str, str] | None = None,
              context: gpd.GeoDataFrame | None = None) -> Figure:
    """Kab/kota coloured by an ordered class (e.g. the regional Klassen typology)."""
    frame = boundaries.merge(values[["region_code", column]], on="region_code", how="left")
    fig, ax = _new(7.5, 6.0)
    _context(ax, context)
    colours = dict(zip(categories, CLASS_COLOURS))
    handles = []
    for cat in categories:
        part = frame[frame[column].astype(object) == cat]
        if len(part):
            polygons(ax, part.geometry, facecolor=colours[cat], edgecolor=_EDGE, linewidth=0.5)
            handles.append(Patch(color=colours[cat], label=str(cat)))
    missing = frame[frame[column].isna()]
    if len(missing):
        polygons(ax, missing.geometry, facecolor="white", edgecolor=_EDGE, linewidth=0.5, hatch="///")
        handles.append(Patch(facecolor="white", edgecolor=_EDGE, hatch="///", label=MAPS["no_data"]))
    aside = _labels(ax, frame, names)
    ax.legend(handles=handles, title=legend, loc="lower left", fontsize=7, title_fontsize=8, frameon=True)
    ax.set_title(title)
    return _done(fig, ax, frame, right=0.22 if aside else 0.0)


def cooperation_map(boundaries: gpd.GeoDataFrame, proposals: pd.DataFrame, seats: pd.DataFrame, *, title: str,
                    names: Mapping[str, str] | None = None, context: gpd.GeoDataFrame | None = None,
                    rank: str = "rank", a: str = "region_a", b: str = "region_b") -> Figure:
    """The proposals as lines between the seats of government of the partners, numbered by rank.

    ``seats``: ``region_code, lat, lon`` (town points). Partners outside the shown boundaries
    (another province) are drawn too, so the frame widens to include them.
    """
    fig, ax = _new(7.5, 6.0)
    _context(ax, context)
    polygons(ax, boundaries.geometry, facecolor="#f7f7f7", edgecolor=_EDGE, linewidth=0.5)
    pos = {c: (lo, la) for c, la, lo in seats[["region_code", "lat", "lon"]].itertuples(index=False)}
    pairs: dict[tuple[str, str], list[str]] = {}
    for r in proposals.sort_values(rank).itertuples(index=False):
        ra, rb = getattr(r, a), getattr(r, b)
        if ra in pos and rb in pos:
            pairs.setdefault(tuple(sorted((ra, rb))), []).append(str(getattr(r, rank)))
    xs, ys, badges = [], [], []
    for (ra, rb), ranks in pairs.items():  # one line per pair, its ranks together ("1, 4")
        (x0, y0), (x1, y1) = pos[ra], pos[rb]
        ax.plot([x0, x1], [y0, y1], color="#d95f02", linewidth=1.6 + 0.6 * (len(ranks) - 1), zorder=3)
        badges.append((", ".join(ranks), (x0, y0), (x1, y1)))  # written once the map is framed
        xs += [x0, x1]
        ys += [y0, y1]
    involved = sorted({c for pair in pairs for c in pair})
    for c in involved:
        ax.plot(*pos[c], marker="o", color="black", markersize=3.5, zorder=5)
    towns = [(short_name((names or {}).get(c, c)), pos[c]) for c in involved]  # named once framed
    ax.legend(handles=[Line2D([], [], color="#d95f02", linewidth=1.6, label=MAPS["cooperation_legend"][0]),
                       Line2D([], [], marker="o", color="black", linestyle="", markersize=3,
                              label=MAPS["cooperation_legend"][1])], loc="upper right", fontsize=7, frameon=True)
    ax.set_title(title)
    frame = boundaries
    if xs:  # zoomed on the partners (with their surroundings), so that the numbers can be read
        cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
        half = 0.65 * max(max(xs) - min(xs), max(ys) - min(ys), 0.4)  # a square frame, wide enough for names
        frame = gpd.GeoDataFrame(geometry=gpd.points_from_xy([cx - half, cx + half], [cy - half, cy + half]),
                                 crs=boundaries.crs)
    _frame(fig, ax, frame, pad=0.02)
    ax.apply_aspect()  # the axes' final box (the aspect is otherwise applied only when drawn)
    named = _place_towns(fig, ax, towns)  # once the pixels are final: names clear of each other
    _place_badges(fig, ax, badges, named)  # and the badges clear of the names
    plt.close(fig)
    return fig


def province_map(provinces: gpd.GeoDataFrame, values: pd.DataFrame, *, column: str, title: str, legend: str,
                 decimals: int = 1) -> Figure:
    """Provinces of Indonesia shaded by ``column`` (34 provinces of the old frame, as in the data)."""
    frame = provinces.merge(values[["region_code", column]], on="region_code", how="left")
    fig, ax = _new(10.0, 4.6)
    v = frame[column].astype(float)
    finite = v[np.isfinite(v)]
    handles = []
    if len(finite):
        edges = np.unique(np.quantile(finite, np.linspace(0, 1, 6)))
        if len(edges) < 2:
            edges = np.array([finite.min() - 0.5, finite.max() + 0.5])
        colours = plt.get_cmap("YlGn")(np.linspace(0.2, 0.9, len(edges) - 1))
        cmap = ListedColormap(colours)
        norm = BoundaryNorm(edges, cmap.N, clip=True)
        has = frame[np.isfinite(v)]
        polygons(ax, has.geometry, facecolor=[cmap(norm(x)) for x in has[column]], edgecolor=_EDGE, linewidth=0.3)
        handles = [Patch(color=colours[i], label=f"{angka(edges[i], decimals)} – {angka(edges[i + 1], decimals)}")
                   for i in range(len(edges) - 1)]
    missing = frame[~np.isfinite(v)]
    if len(missing):
        polygons(ax, missing.geometry, facecolor="white", edgecolor=_EDGE, linewidth=0.3, hatch="///")
        handles.append(Patch(facecolor="white", edgecolor=_EDGE, hatch="///", label=MAPS["no_data"]))
    ax.legend(handles=handles, title=legend, loc="lower left", fontsize=7, title_fontsize=8, frameon=True)
    ax.set_title(title)
    return _done(fig, ax, frame, pad=0.02)
