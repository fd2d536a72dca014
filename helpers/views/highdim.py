"""04.02: cosines and distances of random vectors in many dimensions; a shared offset.

* :class:`CosineSpreadView`: three stacked histograms (Gaussian, |Gaussian| and uniform
  [0, 1] entries) of the cosines of random pairs at one d, each with its measured mean ±
  standard deviation, the value it settles at, and 0 ± 1/√d on the Gaussian panel;
* :func:`distance_strips`: the distances from one query to many random points, each
  divided by their average, at several d;
* :func:`offset_picture`: a 2-D cloud sharing one offset, before and after centering.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from matplotlib.axes import Axes
from matplotlib.patches import Polygon

from ..highdim import KINDS, Concentration, CosineSpreads, cosine_limit
from ..plotting import GREY, PALETTE, Arrow, _get_ax, new_figure, signed, vector_axes

COLORS = {"gaussian": PALETTE["blue"], "abs_gaussian": PALETTE["vermillion"],
          "uniform": PALETTE["green"]}  # fmt: skip
LIMIT_TEXT = {"abs_gaussian": "limit 2/π ≈ 0.637", "uniform": "limit 3/4"}
HEADINGS = {"gaussian": "Gaussian", "abs_gaussian": "|Gaussian| (≥ 0)", "uniform": "uniform [0, 1]"}
TOP = 1.95  # y-range of a panel: the tallest bar reaches 1, the marks sit above it
MEASURED_Y, FORMULA_Y = 1.15, 1.55  # each mark's label sits just above it
LABEL_GAP = 0.05  # between a segment's right end and its label
LABEL_WIDTH = 0.36  # about the width of "mean ± std" in data units, for a panel 6.4 in wide
GUIDES = (-1.0, -0.5, 0.0, 0.5, 1.0)


def bar_outline(edges: np.ndarray, heights: np.ndarray) -> np.ndarray:
    """Corners of one rectangle per non-empty bin, each from the baseline up and back down,
    in order along x: (4 × bins, 2) points for a single Polygon."""
    keep = heights > 0
    x0, x1, h = edges[:-1][keep], edges[1:][keep], heights[keep]
    zero = np.zeros_like(h)
    return np.stack([x0, zero, x0, h, x1, h, x1, zero], axis=1).reshape(-1, 2)


class CosineSpreadView:
    """Histograms of the cosines of random pairs, one panel per kind of entries.

    The bars of a panel are one Polygon patch (a rectangle per bin, side by side along the
    baseline: one path to draw and send instead of eighty), scaled so that each panel's
    tallest bar has height 1. Above the bars: the measured mean ± standard deviation (solid,
    a dot at the mean); on the Gaussian panel also the formula 0 ± 1/√d (dashed); a dashed
    vertical line marks the value each kind settles at as d grows.
    """

    def __init__(self, ax: Axes, *, readout: bool = True) -> None:
        self.readout = readout
        ax.set_axis_off()
        self.panels: dict[str, Axes] = {}
        self.bars: dict[str, Polygon] = {}
        self.measured, self.means, self.numbers = {}, {}, {}
        for row, kind in enumerate(KINDS):
            sub = ax.inset_axes((0.0, 0.71 - 0.3 * row, 1.0, 0.2))
            self.panels[kind] = sub
            sub.set_in_layout(False)  # the panels stay inside ax: lay out ax alone (cheaper)
            sub.set_xlim(-1.08, 1.08)
            sub.set_ylim(0, TOP)
            sub.set_yticks([])
            sub.spines["left"].set_visible(False)
            sub.grid(visible=False)
            # Light guide lines at the ticks of the bottom panel: one line, drawn by hand
            # (cheaper than three sets of ticks and grids).
            guides = np.array([[x, x, np.nan] for x in GUIDES]).ravel()
            sub.plot(guides, np.tile([0.0, TOP, np.nan], len(GUIDES)), color="#DDDDDD",
                     lw=0.8, zorder=0)  # fmt: skip
            if row < len(KINDS) - 1:
                sub.set_xticks([])
            else:
                sub.set_xticks(GUIDES)
            limit = cosine_limit(kind)
            # The Gaussian panel's line stops below the marks, clear of their labels.
            reach = 1.05 if kind == "gaussian" else TOP
            sub.plot([limit, limit], [0, reach], color=PALETTE["black"], lw=1.3, ls="--", zorder=1)
            if kind in LIMIT_TEXT:  # left of the line, at the top, clear of the marks
                sub.text(limit - 0.03, TOP, LIMIT_TEXT[kind], fontsize=11, ha="right", va="top")
            sub.text(-1.08, TOP * 1.03, HEADINGS[kind], fontsize=12, ha="left", va="bottom",
                     color=COLORS[kind], fontweight="bold")  # fmt: skip
            bars = Polygon(np.zeros((2, 2)), closed=True, facecolor=COLORS[kind],
                           edgecolor="none", zorder=2)  # fmt: skip
            sub.add_artist(bars)  # not add_patch: the limits are fixed, skip its bookkeeping
            self.bars[kind] = bars
            (self.measured[kind],) = sub.plot([], [], color=PALETTE["black"], lw=2, marker="|",
                                              ms=11, mew=2, zorder=4)  # fmt: skip
            (self.means[kind],) = sub.plot([], [], "o", color=PALETTE["black"], ms=6, zorder=5)
            self.numbers[kind] = sub.text(1.08, TOP * 1.03, "", fontsize=11.5, ha="right",
                                          va="bottom")  # fmt: skip
        self.panels[KINDS[-1]].set_xlabel("cosine of a random pair", fontsize=13)
        gauss = self.panels["gaussian"]
        (self.formula,) = gauss.plot([], [], color=PALETTE["black"], lw=1.6, ls="--", marker="|",
                                     ms=11, mew=1.6, zorder=4)  # fmt: skip
        # Each label sits just right of its segment's end, on its own level: no overlap at any d.
        self.formula_label = gauss.text(0, 0, "0 ± 1/√d", fontsize=11, ha="left", va="center")
        self.measured_label = gauss.text(0, 0, "mean ± std", fontsize=11, ha="left",
                                         va="center")  # fmt: skip
        # The heading as plain text, not a title: a title's position is fitted around every
        # panel's tick labels on each draw, which costs more than all the bars.
        self.title = ax.text(0.0, 1.0, "", transform=ax.transAxes, fontsize=15, ha="left",
                             va="bottom")  # fmt: skip
        self.artists = [
            *self.bars.values(),
            *self.measured.values(),
            *self.means.values(),
            *self.numbers.values(),
            self.formula,
            self.formula_label,
            self.measured_label,
            self.title,
        ]

    def update(self, result: CosineSpreads) -> None:
        for sample in result.samples:
            kind = sample.kind
            self.bars[kind].set_xy(bar_outline(sample.edges, sample.counts / sample.counts.max()))
            low, high = sample.mean - sample.std, sample.mean + sample.std
            self.measured[kind].set_data([low, high], [MEASURED_Y, MEASURED_Y])
            self.means[kind].set_data([sample.mean], [MEASURED_Y])
            if self.readout:
                mean = signed(sample.mean, 3) if kind == "gaussian" else f"{sample.mean:.3f}"
                self.numbers[kind].set_text(f"mean {mean}, std {sample.std:.3f}")
        s = result.formula_std
        self.formula.set_data([-s, s], [FORMULA_Y, FORMULA_Y])
        gauss = result["gaussian"]
        for label, centre, half, y in (
            (self.formula_label, 0.0, s, FORMULA_Y),
            (self.measured_label, gauss.mean, gauss.std, MEASURED_Y),
        ):
            if centre + half + LABEL_GAP + LABEL_WIDTH <= 1.08:  # room on the right: beside it
                label.set_position((centre + half + LABEL_GAP, y))
                label.set_horizontalalignment("left")
                label.set_verticalalignment("center")
            else:  # a wide segment (small d): centred above it, where it has room
                label.set_position((centre, y + 0.05))
                label.set_horizontalalignment("center")
                label.set_verticalalignment("bottom")
        self.title.set_text(
            f"d = {result.d}: 1/√d = {s:.3f}" if self.readout else f"d = {result.d}"
        )


def distance_strips(conc: Concentration, show: Sequence[int], ax: Axes | None = None) -> Axes:
    """Every distance from the first query at each d in ``show``, divided by their average:
    one row of ticks per d, top to bottom, with the nearest and the farthest marked."""
    ax = _get_ax(ax)
    rows = [conc.dims.index(d) for d in show]
    for y, j in enumerate(rows):
        rel = conc.first[j] / conc.first[j].mean()
        ax.plot(rel, np.full(rel.size, y), "|", ms=16, color=PALETTE["blue"], alpha=0.25, mew=1)
        for value, name, ha in ((rel.min(), "nearest", "right"), (rel.max(), "farthest", "left")):
            ax.plot([value], [y], "o", ms=7, color=PALETTE["vermillion"], zorder=3)
            shift = -0.04 if ha == "right" else 0.04
            ax.text(value + shift, y + 0.3, f"{name}\n{value:.2f}", fontsize=11, ha=ha,
                    va="center", color=PALETTE["vermillion"])  # fmt: skip
    ax.set_yticks(range(len(rows)), [f"d = {d}" for d in show])
    ax.set_ylim(len(rows) - 0.25, -0.6)  # the first d on top
    ax.axvline(1.0, color=GREY, lw=1, ls="--", zorder=0)
    ax.set_xlim(-0.4, 2.8)
    ax.set_xticks([0, 1, 2])
    ax.set_xlabel("distance ÷ average distance")
    ax.grid(axis="y", visible=False)
    ax.set_title(
        f"distances from one random point to {conc.n_points:,} others (uniform in a cube)",
        fontsize=14, loc="left",
    )  # fmt: skip
    return ax


def offset_picture(
    points: npt.ArrayLike, axes: Sequence[Axes] | None = None, *, lim: float = 6.0
) -> list[Axes]:
    """Two equal-aspect panels: 2-D points that share an offset, each drawn as a vector from
    the origin (a thin ray to a dot), with their mean as an arrow; then the same points after
    subtracting that mean vector (centering)."""
    pts = as_vector_batch(points)
    if axes is None:
        axes = new_figure(9.0, 4.6, ncols=2).axes
    mean = pts.mean(axis=0)
    for ax, cloud, title, colour in (
        (axes[0], pts, "as they are (arrow: their mean)", PALETTE["blue"]),
        (axes[1], pts - mean, "centered: every direction", PALETTE["vermillion"]),
    ):
        vector_axes(ax, lim=lim, ticks=(-4, 0, 4))
        rays = np.full((3 * len(cloud), 2), np.nan)  # origin → point, then a break
        rays[0::3] = 0.0
        rays[1::3] = cloud
        ax.plot(rays[:, 0], rays[:, 1], color=colour, lw=0.7, alpha=0.45, zorder=1)
        ax.plot(cloud[:, 0], cloud[:, 1], "o", ms=4.5, color=colour, zorder=2)
        ax.set_title(title, fontsize=14, loc="left")
    axes[1].set_ylabel("")
    Arrow(axes[0], mean, label="", color=PALETTE["black"], width=3.0)
    return list(axes)


def as_vector_batch(points: npt.ArrayLike) -> np.ndarray:
    """``points`` as an (n, 2) float array; a clear error otherwise."""
    pts = np.asarray(points, dtype=float)
    if pts.ndim != 2 or pts.shape[1] != 2 or pts.shape[0] < 1:
        raise ValueError(f"points must be an (n, 2) array of 2-D points, got shape {pts.shape}.")
    return pts
