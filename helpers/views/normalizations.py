"""02.02: a point cloud moved by four normalizations; one direction at many scales;
squared distance against cosine with and without unit lengths."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Circle
from numpy.typing import ArrayLike

from ..normalizations import CloudStep
from ..plotting import GREY, PALETTE, Arrow, course_style, draw_unit_circle, new_figure, vector_axes
from ..vectors import as_vector, norm


class NormalizationView:
    """The original cloud (hollow), the moved cloud (filled), their trails and the mean."""

    XLIM = (-2.2, 3.8)
    YLIM = (-3.4, 2.2)  # room below the cloud for the legend
    RADIUS = 0.09

    def __init__(self, ax: Axes, *, readout: bool = True) -> None:
        self.ax = ax
        self.readout = readout
        vector_axes(ax)
        ax.set_xlim(*self.XLIM)
        ax.set_ylim(*self.YLIM)
        ax.set_xticks(range(-2, 4))
        ax.set_yticks(range(-2, 3))
        draw_unit_circle(ax)
        # The unit square [0, 1] × [0, 1]: where min–max per column puts every point. Drawn
        # above the dots, because min–max puts some of them exactly on its sides.
        ax.plot([0, 1, 1, 0, 0], [0, 0, 1, 1, 0], color="black", lw=1.6, ls=":", zorder=5.5)
        ax.legend(
            handles=[
                Line2D([], [], ls="none", marker="o", mfc="none", mec=GREY, ms=10, mew=1.5,
                       label="before"),
                Line2D([], [], ls="none", marker="o", mfc=PALETTE["blue"], mec="black", ms=10,
                       label="after"),
                Line2D([], [], ls="none", marker="+", mec=PALETTE["vermillion"], ms=16, mew=3,
                       label="mean"),
                Line2D([], [], color=GREY, lw=1.2, ls="--", label="unit circle"),
                Line2D([], [], color="black", lw=1.6, ls=":", label="unit square"),
            ],
            loc="lower center", ncols=3, fontsize=13, framealpha=0.9, handletextpad=0.3,
            borderpad=0.3, columnspacing=0.8, handlelength=1.5,
        )  # fmt: skip
        self.ghosts: list[Circle] = []
        self.trails: list[Line2D] = []
        self.dots: list[Circle] = []
        half = 0.22  # half the width of the "+" that marks the mean
        # Under the dots (zorder 5), so the "+" never hides a point; its arms stick out.
        (self.mean_h,) = ax.plot([], [], color=PALETTE["vermillion"], lw=3, zorder=4)
        (self.mean_v,) = ax.plot([], [], color=PALETTE["vermillion"], lw=3, zorder=4)
        self._half = half
        self.title = ax.set_title("", fontsize=15, loc="left")
        self.artists: list = []

    def _ensure(self, n: int) -> None:
        """Create one ghost, trail and dot per point on first use (the count never changes)."""
        if len(self.dots) == n:
            return
        if self.dots:
            raise ValueError(f"this view was built for {len(self.dots)} points, got {n}.")
        for _ in range(n):
            ghost = Circle((0, 0), self.RADIUS, fill=False, ec=GREY, lw=1.5, zorder=2)
            dot = Circle((0, 0), self.RADIUS, fc=PALETTE["blue"], ec="black", lw=1.0, zorder=5)
            self.ax.add_patch(ghost)
            self.ax.add_patch(dot)
            (trail,) = self.ax.plot([], [], color=GREY, lw=1.0, zorder=3)
            self.ghosts.append(ghost)
            self.dots.append(dot)
            self.trails.append(trail)
        self.artists[:] = [
            *self.ghosts, *self.trails, *self.dots, self.mean_h, self.mean_v, self.title,
        ]  # fmt: skip

    def update(self, step: CloudStep) -> None:
        self._ensure(len(step.points))
        for ghost, trail, dot, (x0, y0), (x1, y1) in zip(
            self.ghosts, self.trails, self.dots, step.before, step.points, strict=True
        ):
            ghost.center = (float(x0), float(y0))
            trail.set_data([x0, x1], [y0, y1])
            dot.center = (float(x1), float(y1))
        mx, my = step.means
        h = self._half
        self.mean_h.set_data([mx - h, mx + h], [my, my])
        self.mean_v.set_data([mx, mx], [my - h, my + h])
        if self.readout:
            moved = "" if step.t == 1 else f", t = {step.t:.1f}"
            self.title.set_text(
                f"{step.kind.name}{moved}\nremoves: {step.kind.short}\npins: {step.kind.pins}"
            )


def draw_same_direction(
    originals: Sequence[ArrayLike], labels: Sequence[str], *, width: float = 2.9
) -> Figure:
    """One panel per vector, each zoomed to the vector's own length, then its normalized form.

    The original panels (blue arrows) show the same picture; only the numbers on the axes
    differ. That is what normalizing forgets. The last panel (vermillion arrow, dashed unit
    arc) is the unit vector they all normalize to.
    """
    vectors = [as_vector(v, f"originals[{i}]", dim=2) for i, v in enumerate(originals)]
    if len(labels) != len(vectors):
        raise ValueError(f"labels has {len(labels)} entries but originals has {len(vectors)}.")
    if not vectors:
        raise ValueError("originals is empty; pass at least one 2-D vector.")
    unit = vectors[0] / float(norm(vectors[0]))
    panels = [*zip(vectors, labels, strict=True), (unit, "normalized")]
    fig = new_figure(width * len(panels), width * 1.25, ncols=len(panels))
    with course_style():
        for ax, (v, label) in zip(fig.axes, panels, strict=True):
            length = float(norm(v))
            vector_axes(ax, lim=1.3 * length, ticks=(0, length))
            # Zoom to the first quadrant, where the arrow is: a bigger picture.
            ax.set_xlim(-0.25 * length, 1.2 * length)
            ax.set_ylim(-0.25 * length, 1.2 * length)
            ax.set_xticklabels(["0", f"{length:g}"])
            ax.set_yticklabels(["0", f"{length:g}"])
            if label == "normalized":
                draw_unit_circle(ax)
                colour = PALETTE["vermillion"]
            else:
                colour = PALETTE["blue"]
            Arrow(ax, v, label="", color=colour)
            ax.set_title(f"{label}\n[{v[0]:g}, {v[1]:g}]\n|v| = {length:g}", fontsize=14)
    return fig


def _mark_nearest(ax: Axes, cos: np.ndarray, d2: np.ndarray) -> None:
    """Ring the point with the largest cosine and the one with the smallest distance."""
    by_cos, by_dist = int(np.argmax(cos)), int(np.argmin(d2))
    if by_dist == by_cos:
        rings = [(by_cos, "s", "nearest by cosine\nand by distance", (-70, 0))]
    else:
        rings = [
            (by_cos, "s", "nearest by cosine", (-20, 80)),
            (by_dist, "D", "nearest by distance", (-60, 40)),
        ]
    for i, marker, text, offset in rings:
        ax.plot(cos[i], d2[i], ls="none", marker=marker, ms=14, mfc="none", mec="black", mew=2)
        ax.annotate(
            text, (cos[i], d2[i]), xytext=offset, textcoords="offset points", ha="right",
            va="bottom" if offset[1] > 0 else "center", fontsize=13,
            arrowprops={"arrowstyle": "->", "color": "black", "lw": 1.2},
            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.85},
        )  # fmt: skip


def draw_distance_vs_cosine(
    cos_unit: ArrayLike,
    d2_unit: ArrayLike,
    cos_raw: ArrayLike,
    d2_raw: ArrayLike,
    *,
    width: float = 5.2,
) -> Figure:
    """For one query against every point: squared distance against cosine.

    Left, the query and the points are unit vectors; right, the same directions with other
    lengths. Each panel rings the point with the largest cosine and the one with the
    smallest distance (the two nearest neighbours), and draws 2 − 2 cos θ for reference.
    The panels have their own y-axes.
    """
    data = [
        (as_vector(cos_unit, "cos_unit"), as_vector(d2_unit, "d2_unit"), "unit vectors",
         PALETTE["blue"]),
        (as_vector(cos_raw, "cos_raw"), as_vector(d2_raw, "d2_raw"), "any lengths",
         PALETTE["vermillion"]),
    ]  # fmt: skip
    for cos, d2, title, _ in data:
        if cos.shape != d2.shape:
            raise ValueError(
                f"{title}: {cos.size} cosines but {d2.size} squared distances; pass one of each "
                "per point."
            )
    fig = new_figure(2 * width, width * 0.95, ncols=2)
    c = np.linspace(-1, 1, 101)
    with course_style():
        for ax, (cos, d2, title, colour) in zip(fig.axes, data, strict=True):
            ax.plot(c, 2 - 2 * c, color=GREY, lw=2, ls="--", label="2 − 2 cos θ")
            ax.plot(cos, d2, ls="none", marker="o", ms=4, color=colour, alpha=0.6, label="a point")
            _mark_nearest(ax, cos, d2)
            ax.set_xlim(-1.05, 1.05)
            top = max(4.2, 1.08 * float(np.max(d2)))
            ax.set_ylim(-0.03 * top, top)
            ax.set_xlabel("cos θ between the query and a point")
            ax.set_ylabel("|query − point|²")
            ax.set_title(title)
            ax.legend(loc="upper right", fontsize=12)
    return fig
