"""Locator maps of a province's kab/kota as inline SVG (the profile pages).

One :class:`SvgLocator` per province turns the polygons into SVG paths once (projected to the
page, simplified to a fraction of a pixel, clipped to the frame); each :meth:`SvgLocator.svg`
then only colours the region and its neighbours — about a millisecond a page, against a tenth of
a second for a matplotlib PNG. The drawing is the same as the report's maps: longitude/latitude
with an equal-aspect correction for the latitude (:math:`x \\propto \\lambda\\cos\\bar\\varphi`),
the region dark green, its neighbours (in any province) light green, the other kab/kota of the
province light grey, the bordering provinces grey; a region too small to see at the province's
scale gets a ring. Vector, so it prints sharp; no network request; every name escaped.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence

import geopandas as gpd
import shapely
from markupsafe import Markup

from potensi.core.wording import MAPS
from potensi.report.maps import short_name

__all__ = ["SvgLocator"]

_REGION, _NEAR, _OWN, _OTHER = "#1b7837", "#c7e9c0", "#f7f7f7", "#eeeeee"


class SvgLocator:
    """Inline-SVG locator maps of the kab/kota of one province.

    Parameters
    ----------
    boundaries
        The province's kab/kota (``region_code``, ``geometry``, EPSG:4326).
    context
        Kab/kota around the province (neighbours across the border are coloured from it).
    width
        Width of the drawing in px; the height follows from the frame.
    pad
        Margin around the province, as a fraction of its extent (5 %, as the report's maps).
    """

    def __init__(self, boundaries: gpd.GeoDataFrame, *, context: gpd.GeoDataFrame | None = None,
                 width: int = 460, pad: float = 0.05):
        minx, miny, maxx, maxy = boundaries.total_bounds
        dx, dy = (maxx - minx) or 1.0, (maxy - miny) or 1.0
        self.x0, self.x1 = minx - pad * dx, maxx + pad * dx
        self.y0, self.y1 = miny - pad * dy, maxy + pad * dy
        aspect = math.cos(math.radians((miny + maxy) / 2))
        self.width = width
        self.scale = width / ((self.x1 - self.x0) * aspect)  # px per degree of latitude
        self.sx = self.scale * aspect  # px per degree of longitude
        self.height = max(1, round((self.y1 - self.y0) * self.scale))
        self.frame = shapely.box(self.x0, self.y0, self.x1, self.y1)
        self.tolerance = 0.4 / self.scale  # degrees: under half a pixel
        self.area_total = max(float(boundaries.to_crs("EPSG:6933").area.sum()), 1.0)
        self.own = {c: self._path(g) for c, g in zip(boundaries["region_code"], boundaries.geometry)}
        self.own_area = dict(zip(boundaries["region_code"], boundaries.to_crs("EPSG:6933").area))
        self.anchor = {c: self._xy(p.x, p.y) for c, p in
                       zip(boundaries["region_code"], boundaries.geometry.representative_point())}
        self.extent = {c: (g.bounds[2] - g.bounds[0], g.bounds[3] - g.bounds[1])
                       for c, g in zip(boundaries["region_code"], boundaries.geometry)}
        self.dx, self.dy = dx, dy
        self.context: dict[str, str] = {}
        if context is not None and len(context):
            near = context[context.intersects(self.frame)]
            self.context = {c: p for c, g in zip(near["region_code"], near.geometry) if (p := self._path(g))}

    def _xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.x0) * self.sx, (self.y1 - lat) * self.scale

    def _path(self, geom) -> str:
        """SVG path data of a (multi)polygon, clipped to the frame and simplified under half a pixel."""
        geom = shapely.clip_by_rect(geom, self.x0, self.y0, self.x1, self.y1)
        geom = shapely.simplify(geom, self.tolerance, preserve_topology=True)
        parts = []
        for poly in getattr(geom, "geoms", [geom]):
            if poly.is_empty or poly.geom_type != "Polygon":
                continue
            for ring in (poly.exterior, *poly.interiors):
                xy = shapely.get_coordinates(ring)
                pts = [self._xy(x, y) for x, y in xy[:-1]]
                if len(pts) >= 3:
                    parts.append("M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in pts) + "Z")
        return "".join(parts)

    def svg(self, region_code: str, *, title: str, neighbours: Sequence[str] = (),
            names: Mapping[str, str] | None = None, legend: Sequence[str] = MAPS["locator_legend"],
            label: str = "") -> Markup:
        """The locator of ``region_code`` (title above, legend below), as an inline ``<svg>``."""
        near = set(neighbours)
        out = [f'<svg class="locator" role="img" '
               f'aria-label="{html.escape(label or title)}" viewBox="0 0 {self.width} {self.height + 44}" '
               f'width="{self.width}" height="{self.height + 44}" font-family="DejaVu Sans, sans-serif">',
               f'<title>{html.escape(label or title)}</title>',
               f'<text x="{self.width / 2:.0f}" y="16" text-anchor="middle" font-size="13" '
               f'font-weight="bold">{html.escape(title)}</text>',
               '<g transform="translate(0 24)" stroke-linejoin="round">']
        for code, d in sorted(self.context.items()):
            if code not in self.own:
                fill = _NEAR if code in near else _OTHER
                out.append(f'<path d="{d}" fill="{fill}" stroke="#bbbbbb" stroke-width="0.4"/>')
        for code, d in sorted(self.own.items()):
            if code != region_code:
                fill = _NEAR if code in near else _OWN
                out.append(f'<path d="{d}" fill="{fill}" stroke="#999999" stroke-width="0.5"/>')
        if region_code in self.own:
            out.append(f'<path d="{self.own[region_code]}" fill="{_REGION}" stroke="black" stroke-width="0.9"/>')
            x, y = self.anchor[region_code]
            w, h = self.extent[region_code]
            name = html.escape(short_name((names or {}).get(region_code, region_code)))
            if max(w / self.dx, h / self.dy) < 0.12:  # too small to see: a ring around it, the name beside
                out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="14" fill="none" stroke="#d7301f" stroke-width="2.2"/>')
                right = x < self.width * 0.6  # the name on the side with more room
                tx, anchor = (x + 18, "start") if right else (x - 18, "end")
            else:
                tx, anchor = x, "middle"
            out.append(f'<text x="{tx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}" font-size="11" font-weight="bold" '
                       f'stroke="white" stroke-width="3" paint-order="stroke">{name}</text>')
        out.append("</g>")
        y = self.height + 38
        out.append(f'<rect x="6" y="{y - 10}" width="12" height="10" fill="{_REGION}"/>'
                   f'<text x="22" y="{y - 1}" font-size="11">{html.escape(legend[0])}</text>')
        if near:
            out.append(f'<rect x="120" y="{y - 10}" width="12" height="10" fill="{_NEAR}" stroke="#999999" '
                       f'stroke-width="0.5"/><text x="136" y="{y - 1}" font-size="11">{html.escape(legend[1])}</text>')
        out.append("</svg>")
        return Markup("".join(out))
