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
    YLIM = (-2.2, 2.2)
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
        # The unit square [0, 1] × [0, 1]: where min–max per column puts every point.
        ax.plot([0, 1, 1, 0, 0], [0, 0, 1, 1, 0], color=GREY, lw=1.2, ls=":", zorder=1)
        ax.legend(
            handles=[
                Line2D([], [], ls="none", marker="o", mfc="none", mec=GREY, ms=9, label="before"),
                Line2D(
                    [], [], ls="none", marker="o", mfc=PALETTE["blue"], mec="black", ms=9,
                    label="after",
                ),
                Line2D([], [], ls="none", marker="+", mec=PALETTE["vermillion"], ms=14, mew=3,
                       label="mean"),
            ],
            loc="lower right", fontsize=11, framealpha=0.9, handletextpad=0.2, borderpad=0.3,
        )  # fmt: skip
        self.ghosts: list[Circle] = []
        self.trails: list[Line2D] = []
        self.dots: list[Circle] = []
        half = 0.22  # half the width of the "+" that marks the mean
        (self.mean_h,) = ax.plot([], [], color=PALETTE["vermillion"], lw=3, zorder=6)
        (self.mean_v,) = ax.plot([], [], color=PALETTE["vermillion"], lw=3, zorder=6)
        self._half = half
        self.title = ax.set_title("", fontsize=13, loc="left")
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
            self.title.set_text(
                f"{step.kind.name}\nremoves: {step.kind.short}"
                + ("" if step.t == 1 else f", t = {step.t:.1f}")
            )


def draw_same_direction(
    originals: Sequence[ArrayLike], labels: Sequence[str], *, width: float = 3.1
) -> Figure:
    """One panel per vector, each zoomed to the vector's own length, then its normalized form.

    Every panel shows the same picture; only the numbers on the axes differ. That is what
    normalizing forgets.
    """
    vectors = [as_vector(v, f"originals[{i}]", dim=2) for i, v in enumerate(originals)]
    if len(labels) != len(vectors):
        raise ValueError(f"labels has {len(labels)} entries but originals has {len(vectors)}.")
    if not vectors:
        raise ValueError("originals is empty; pass at least one 2-D vector.")
    unit = vectors[0] / float(norm(vectors[0]))
    panels = [*zip(vectors, labels, strict=True), (unit, "normalized")]
    fig = new_figure(width * len(panels), width * 1.2, ncols=len(panels))
    with course_style():
        for ax, (v, label) in zip(fig.axes, panels, strict=True):
            length = float(norm(v))
            lim = 1.3 * length
            vector_axes(ax, lim=lim, ticks=(0, length))
            ax.set_xticklabels(["0", f"{length:g}"])
            ax.set_yticklabels(["0", f"{length:g}"])
            ax.set_xlabel("")
            ax.set_ylabel("")
            t = np.linspace(0, 2 * np.pi, 181)
            ax.plot(length * np.cos(t), length * np.sin(t), color=GREY, lw=1, ls="--")
            colour = PALETTE["green"] if label == "normalized" else PALETTE["blue"]
            Arrow(ax, v, label="", color=colour)
            ax.set_title(f"{label}\n[{v[0]:g}, {v[1]:g}], |v| = {length:g}", fontsize=13)
    return fig


def draw_distance_vs_cosine(
    cos_unit: ArrayLike,
    d2_unit: ArrayLike,
    cos_raw: ArrayLike,
    d2_raw: ArrayLike,
    *,
    width: float = 5.2,
) -> Figure:
    """Squared distance against cosine for pairs of unit vectors (left) and of raw ones (right)."""
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
                "per pair."
            )
    fig = new_figure(2 * width, width * 0.9, ncols=2)
    c = np.linspace(-1, 1, 101)
    top = max(4.5, float(max(np.max(d) for _, d, _, _ in data)) * 1.05)
    with course_style():
        for ax, (cos, d2, title, colour) in zip(fig.axes, data, strict=True):
            ax.plot(c, 2 - 2 * c, color=GREY, lw=2, ls="--", label="2 − 2 cos θ")
            ax.plot(
                cos, d2, ls="none", marker="o", ms=4, color=colour, alpha=0.6, label="a pair a, b"
            )
            ax.set_xlim(-1.05, 1.05)
            ax.set_ylim(0, top)
            ax.set_xlabel("cos θ")
            ax.set_ylabel("|a − b|²")
            ax.set_title(title)
            ax.legend(loc="upper right", fontsize=12)
    return fig
