"""Shared figure style and vector-drawing helpers (matplotlib only, no widgets).

Nothing here changes matplotlib's global state on import: call
:func:`use_course_style` (notebooks do, in their setup cell) or wrap drawing in
``with course_style():``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager

import matplotlib as mpl
import numpy as np
from cycler import cycler
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch
from numpy.typing import ArrayLike

from .vectors import as_vector

# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common
# colour-vision deficiency. Arrows are also labelled, so colour is never the only cue.
PALETTE: dict[str, str] = {
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "green": "#009E73",
    "purple": "#CC79A7",
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "yellow": "#F0E442",
    "black": "#000000",
}
CYCLE: tuple[str, ...] = tuple(PALETTE[k] for k in ("blue", "vermillion", "green", "purple"))
GREY = "#7F7F7F"

# Sized for a projector: readable from the back of a classroom.
STYLE: dict[str, object] = {
    "font.size": 14,
    "axes.titlesize": 16,
    "axes.labelsize": 15,
    "xtick.labelsize": 12,
    "ytick.labelsize": 12,
    "legend.fontsize": 13,
    "figure.titlesize": 17,
    "axes.prop_cycle": cycler(color=list(CYCLE)),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.8,
    "lines.linewidth": 2.5,
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "figure.facecolor": "white",
    "mathtext.fontset": "dejavusans",
}


def signed(x: float, decimals: int = 3) -> str:
    """Format ``x`` with an explicit sign and a true minus sign (−), as in print."""
    text = f"{x:+.{decimals}f}"
    if float(text) == 0:  # no "−0.000"
        text = f"{0:+.{decimals}f}"
    return text.replace("-", "\u2212")


@contextmanager
def course_style() -> Iterator[None]:
    """Temporarily apply the course style (restores the previous rcParams on exit)."""
    with mpl.rc_context(STYLE):
        yield


def use_course_style() -> None:
    """Apply the course style for the rest of the session (call it explicitly)."""
    mpl.rcParams.update(STYLE)


def new_figure(
    width: float = 6.0, height: float = 6.0, *, ncols: int = 1, nrows: int = 1
) -> Figure:
    """A pyplot-free figure (so nothing is shown twice) in the course style."""
    with course_style():
        fig = Figure(figsize=(width, height), layout="constrained")
        fig.subplots(nrows, ncols, squeeze=False)
    return fig


def _get_ax(ax: Axes | None) -> Axes:
    return ax if ax is not None else new_figure().axes[0]


def colour_bar(ax: Axes, image: Artist, label: str, *, shrink: float = 0.8) -> Axes:
    """A horizontal colour bar for ``image`` under ``ax``, labelled at classroom size;
    returns the bar's Axes."""
    bar = ax.figure.colorbar(
        image, ax=ax, orientation="horizontal", location="bottom", shrink=shrink, pad=0.03
    )
    bar.set_label(label, fontsize=12)
    bar.ax.tick_params(labelsize=11)
    return bar.ax


def vector_axes(ax: Axes | None = None, *, lim: float = 1.3, ticks: Sequence[float] = ()) -> Axes:
    """Square, equal-aspect axes centred on the origin, with both axes drawn through it."""
    ax = _get_ax(ax)
    ax.set_xlim(-lim, lim)
    ax.set_ylim(-lim, lim)
    ax.set_aspect("equal", adjustable="box")
    ax.axhline(0, color=GREY, lw=1, zorder=0)
    ax.axvline(0, color=GREY, lw=1, zorder=0)
    if ticks:
        ax.set_xticks(ticks)
        ax.set_yticks(ticks)
    ax.set_xlabel("x")
    ax.set_ylabel("y", rotation=0, labelpad=10)
    return ax


def draw_unit_circle(ax: Axes | None = None) -> Axes:
    """The circle of radius 1 (where every unit vector's tip lies), dashed grey."""
    ax = _get_ax(ax)
    t = np.linspace(0, 2 * np.pi, 361)
    ax.plot(np.cos(t), np.sin(t), color=GREY, lw=1.2, ls="--", zorder=1)
    return ax


def arc_points(start: float, stop: float, radius: float, n: int = 60) -> np.ndarray:
    """Points (2, n) on a circular arc from angle ``start`` to ``stop`` (radians)."""
    t = np.linspace(start, stop, n)
    return radius * np.vstack([np.cos(t), np.sin(t)])


class Arrow:
    """A labelled arrow from ``origin`` to ``origin + v`` that can be moved in place."""

    def __init__(
        self,
        ax: Axes,
        v: ArrayLike,
        *,
        label: str,
        color: str,
        origin: ArrayLike = (0.0, 0.0),
        label_offset: float = 0.14,
        linestyle: str = "-",
        width: float = 2.5,
    ) -> None:
        self.label_offset = label_offset
        self.patch = FancyArrowPatch(
            (0, 0),
            (1, 0),
            arrowstyle="-|>",
            mutation_scale=22,
            lw=width,
            linestyle=linestyle,
            color=color,
            shrinkA=0,
            shrinkB=0,
            zorder=4,
        )
        ax.add_patch(self.patch)
        self.text = ax.text(
            0, 0, label, color=color, ha="center", va="center", fontsize=15, fontweight="bold"
        )
        self.set(v, origin)

    @property
    def artists(self) -> list[Artist]:
        """The artists that :meth:`set` moves."""
        return [self.patch, self.text]

    def set(self, v: ArrayLike, origin: ArrayLike = (0.0, 0.0)) -> None:
        """Move the arrow to run from ``origin`` to ``origin + v``; the label follows the tip."""
        o = as_vector(origin, "origin", dim=2)
        tip = o + as_vector(v, "v", dim=2)
        self.patch.set_positions(tuple(o), tuple(tip))
        direction = tip - o
        length = float(np.hypot(*direction))
        unit = direction / length if length > 0 else np.array([1.0, 0.0])
        self.text.set_position(tuple(tip + self.label_offset * unit))


def draw_vectors(
    vectors: Mapping[str, ArrayLike],
    ax: Axes | None = None,
    *,
    colors: Sequence[str] = CYCLE,
    lim: float | None = None,
) -> Axes:
    """Draw labelled 2-D vectors from the origin on equal-aspect axes."""
    ax = _get_ax(ax)
    arrays = {k: as_vector(v, f"vector {k!r}", dim=2) for k, v in vectors.items()}
    if lim is None:
        reach = max((float(np.abs(v).max()) for v in arrays.values()), default=1.0)
        lim = 1.25 * max(reach, 1e-12)
    vector_axes(ax, lim=lim)
    for (label, v), color in zip(arrays.items(), colors, strict=False):
        Arrow(ax, v, label=label, color=color, label_offset=0.1 * lim)
    return ax


class AngleArc:
    """An arc from one direction to another around the origin, labelled beside its middle."""

    def __init__(self, ax: Axes, *, radius: float, color: str = "black") -> None:
        self.radius = radius
        (self.line,) = ax.plot([], [], color=color, lw=2, zorder=3)
        self.label = ax.text(0, 0, "", ha="center", va="center", fontsize=13)

    @property
    def artists(self) -> list[Artist]:
        """The artists that :meth:`set` moves."""
        return [self.line, self.label]

    def set(self, start: float, stop: float, text: str) -> None:
        """Span the arc from angle ``start`` to ``stop`` (radians) and label it ``text``."""
        self.line.set_data(*arc_points(start, stop, self.radius))
        mid = (start + stop) / 2
        self.label.set_position((1.7 * self.radius * np.cos(mid), 1.7 * self.radius * np.sin(mid)))
        self.label.set_text(text)
