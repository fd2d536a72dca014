"""Describe matplotlib artists as simple SVG primitives in figure pixels (no widgets).

A live demo draws its static background once (axes, ticks, circle) as a PNG and
sends only its moving artists as a few lines, paths and texts, which the browser
draws as SVG on top: no image to encode in the kernel or decode in the browser.
Coordinates are CSS pixels with the origin at the figure's top-left corner.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.artist import Artist
from matplotlib.colors import to_hex, to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.path import Path
from matplotlib.text import Text

Primitive = dict[str, Any]

_SVG_CODES = {Path.MOVETO: "M", Path.LINETO: "L", Path.CURVE3: "Q", Path.CURVE4: "C"}


def _colour(c: Any) -> str:
    return "none" if c is None or (len(c) == 4 and c[3] == 0) else to_hex(c)


def _dash(artist: Line2D | Patch, px_per_pt: float) -> list[float]:
    _, seq = artist._dash_pattern  # (offset, on-off lengths in points), scaled by linewidth
    return [round(x * px_per_pt, 2) for x in seq] if seq else []


def path_data(vertices: np.ndarray, codes: Any, height: float) -> str:
    """SVG path ``d`` for display-space vertices (y up) in a figure ``height`` px tall."""
    parts: list[str] = []
    path = Path(vertices, codes)
    for verts, code in path.iter_segments(simplify=False, curves=True):
        if code == Path.CLOSEPOLY:
            parts.append("Z")
            continue
        xy = verts.reshape(-1, 2)
        coords = " ".join(f"{x:.2f},{height - y:.2f}" for x, y in xy)
        parts.append(f"{_SVG_CODES[code]}{coords}")
    return " ".join(parts)


def _line(line: Line2D, height: float, px_per_pt: float) -> Primitive | None:
    xy = line.get_transform().transform(line.get_xydata())
    if len(xy) == 0 or line.get_linestyle() in ("None", "", " "):
        return None
    return {
        "kind": "path",
        "d": path_data(xy, None, height),
        "stroke": to_hex(line.get_color()),
        "fill": "none",
        "width": round(line.get_linewidth() * px_per_pt, 2),
        "dash": _dash(line, px_per_pt),
    }


def _markers(line: Line2D, height: float, px_per_pt: float) -> Primitive | None:
    """A line's markers (e.g. ``plot(x, y, "o")``) as one path: the marker's outline at
    every data point, ``markersize`` points across."""
    style = line._marker  # a MarkerStyle; its path is about one unit across
    if style.get_marker() in (None, "None", "none", "", " "):
        return None
    xy = line.get_transform().transform(line.get_xydata())
    if len(xy) == 0:
        return None
    outline = style.get_path().transformed(style.get_transform())
    shape = outline.vertices * line.get_markersize() * px_per_pt
    return {
        "kind": "path",
        "d": " ".join(path_data(shape + point, outline.codes, height) for point in xy),
        "stroke": _colour(to_rgba(line.get_markeredgecolor())),
        "fill": _colour(to_rgba(line.get_markerfacecolor())) if style.is_filled() else "none",
        "width": round(line.get_markeredgewidth() * px_per_pt, 2),
        "dash": [],
    }


def _patch(patch: Patch, height: float, px_per_pt: float) -> Primitive:
    path = patch.get_transform().transform_path(patch.get_path())
    return {
        "kind": "path",
        "d": path_data(path.vertices, path.codes, height),
        "stroke": _colour(patch.get_edgecolor()),
        "fill": _colour(patch.get_facecolor()) if patch.get_fill() else "none",
        "width": round(patch.get_linewidth() * px_per_pt, 2),
        "dash": _dash(patch, px_per_pt),
    }


def _text(text: Text, height: float, px_per_pt: float) -> Primitive | None:
    if not text.get_text():
        return None
    x, y = text.get_transform().transform(text.get_position())
    return {
        "kind": "text",
        "x": round(float(x), 2),
        "y": round(float(height - y), 2),
        "lines": text.get_text().split("\n"),
        "fill": to_hex(text.get_color()),
        "size": round(text.get_fontsize() * px_per_pt, 2),
        "weight": str(text.get_fontweight()),
        "ha": text.get_horizontalalignment(),
        "va": text.get_verticalalignment(),
    }


def scene(figure: Figure, artists: list[Artist]) -> list[Primitive]:
    """The visible ``artists`` as SVG primitives, in figure pixels (y down)."""
    height = figure.bbox.height
    px_per_pt = figure.dpi / 72
    out: list[Primitive] = []
    for artist in artists:
        if not artist.get_visible():
            continue
        if isinstance(artist, Line2D):
            prims = [_line(artist, height, px_per_pt), _markers(artist, height, px_per_pt)]
        elif isinstance(artist, Patch):
            prims = [_patch(artist, height, px_per_pt)]
        elif isinstance(artist, Text):
            prims = [_text(artist, height, px_per_pt)]
        else:
            raise TypeError(
                f"no SVG form for a {type(artist).__name__}; use lines, patches or text"
            )
        out.extend(p for p in prims if p is not None)
    return out
