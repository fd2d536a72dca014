"""02.01: when a vector's length, not its direction, decides a dot-product ranking.

* :func:`forum_pair`: the forum's a and b as they are (with b's shadow on a) and
  normalized on the unit circle;
* :class:`StretchView`: a query q along the x-axis and three candidates, one of which
  the demo stretches; each candidate's shadow on q is its dot product with q;
* :func:`top_hit_bars`: how many queries each answer wins.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from matplotlib.axes import Axes
from matplotlib.patches import Circle, Polygon

from ..magnitude import Stretch
from ..plotting import (
    GREY,
    PALETTE,
    AngleArc,
    Arrow,
    draw_unit_circle,
    new_figure,
    signed,
    vector_axes,
)
from ..vectors import angle_between, as_vector, cosine_similarity, norm, normalize

NAMES = ("A", "B", "C")  # the demo's candidates, in row order
COLORS = (PALETTE["blue"], PALETTE["green"], PALETTE["vermillion"])


def _order(names: Sequence[str], order: Sequence[int]) -> str:
    return " > ".join(names[i] for i in order)


def forum_pair(
    a: npt.ArrayLike, b: npt.ArrayLike, axes: Sequence[Axes] | None = None
) -> list[Axes]:
    """Two panels: a, b with b's shadow on a (why a·b > a·a), and â, b̂ on the unit circle."""
    x, y = as_vector(a, "a", dim=2), as_vector(b, "b", dim=2)
    if axes is None:
        axes = new_figure(11.0, 5.4, ncols=2).axes
    raw, unit = axes
    ua, ub = np.asarray(normalize(x)), np.asarray(normalize(y))
    la = float(norm(x))
    shadow = float(np.dot(x, y)) / la  # signed length of b's shadow on a
    foot = shadow * ua

    # Left: a and b as they are, zoomed on the vectors.
    points = np.array([[0.0, 0.0], x, y, foot])
    low, high = points.min(axis=0) - 0.45, points.max(axis=0) + [0.45, 0.6]
    vector_axes(raw, lim=1.0, ticks=tuple(range(math.floor(low.min()), math.ceil(high.max()) + 1)))
    raw.set_xlim(low[0], high[0])
    raw.set_ylim(low[1], high[1])
    # Every v whose shadow on a is longer than a itself has v·a > a·a: the half-plane beyond
    # the line through a's tip at right angles to a.
    across, far = np.array([-ua[1], ua[0]]), 10.0
    edge = la * ua
    corners = [edge - far * across, edge + far * across]
    corners += [corners[1] + far * ua, corners[0] + far * ua]
    raw.add_patch(
        Polygon(corners, closed=True, facecolor=PALETTE["orange"], alpha=0.15, edgecolor="none")
    )
    # The boundary, where v·a = a·a exactly: black dashed, unlike any vector.
    raw.plot(*np.transpose(corners[:2]), color=PALETTE["black"], lw=1.5, ls="--", zorder=2)
    raw.plot(*np.outer(ua, [-far, far]), color=GREY, lw=1.0, zorder=1)  # the line through a
    raw.plot([y[0], foot[0]], [y[1], foot[1]], color=PALETTE["black"], lw=1.5, ls=":")
    raw.add_patch(Circle(tuple(foot), 0.03, color=PALETTE["vermillion"], zorder=5))
    Arrow(raw, y, label="b", color=PALETTE["vermillion"], label_offset=0.1)
    arrow_a = Arrow(raw, x, label="a", color=PALETTE["blue"])
    arrow_a.text.set_position(tuple(x + 0.1 * across))  # left of a's tip, clear of the foot
    arrow_a.text.set_ha("right")
    raw.text(
        foot[0] + 0.06, foot[1] + 0.05, "b's shadow on a", color=PALETTE["vermillion"],
        fontsize=12, ha="left", va="bottom",
    )  # fmt: skip
    raw.text(
        foot[0] + 0.25, high[1] - 0.05, "every v here has\nv·a > a·a", color="#8A5A00",
        fontsize=12, ha="left", va="top",
    )  # fmt: skip
    # Name the boundary where it runs clear of the vectors: right of b's tip, below the line.
    at = edge + (high[0] - 0.05 - edge[0]) / across[0] * across
    raw.text(
        at[0], at[1] - 0.06, "v·a = a·a", color=PALETTE["black"], fontsize=12,
        ha="right", va="top",
        rotation=math.degrees(math.atan2(across[1], across[0])) + 180, rotation_mode="anchor",
    )  # fmt: skip
    raw.set_title(
        f"as they are\na·a = |a| × |a| = {la:.2f} × {la:.2f} = {float(np.dot(x, x)):.4f}\n"
        f"a·b = |a| × shadow = {la:.2f} × {shadow:.4f} = {float(np.dot(x, y)):.4f}",
        fontsize=13, loc="left",
    )  # fmt: skip

    # Right: both normalized, tips on the unit circle.
    vector_axes(unit, lim=1.3, ticks=(-1, 0, 1))
    draw_unit_circle(unit)
    Arrow(unit, ub, label="b̂", color=PALETTE["vermillion"], label_offset=0.13)
    Arrow(unit, ua, label="â", color=PALETTE["blue"], label_offset=0.13)
    start = math.atan2(ub[1], ub[0])
    theta = float(angle_between(x, y))
    AngleArc(unit, radius=0.5).set(start, start + theta, f"{math.degrees(theta):.2f}°")
    cos = float(cosine_similarity(x, y))
    unit.set_title(
        f"normalized: â = a/|a|, b̂ = b/|b|\nâ·â = 1\nâ·b̂ = cos θ = {cos:.4f}",
        fontsize=13, loc="left",
    )  # fmt: skip
    return list(axes)


class StretchView:
    """A query q = (1, 0) and candidates A, B, C. A dotted line drops from each tip
    straight across the x-axis to a disc just below it: the disc's x-coordinate is the
    candidate's signed shadow on q, which for a unit q along x is its dot product with q.
    (The discs sit below the axis so that q's arrow never hides them.)"""

    XLIM = (-1.9, 3.7)
    YLIM = (-1.2, 3.8)
    FOOT_Y = -0.2  # the row of shadow discs, just below the x-axis

    def __init__(self, ax: Axes, *, readout: bool = True) -> None:
        self.readout = readout
        vector_axes(ax, lim=3.8, ticks=(-1, 0, 1, 2, 3))
        ax.set_xlim(*self.XLIM)
        ax.set_ylim(*self.YLIM)
        draw_unit_circle(ax)
        self.drops = [ax.plot([], [], color=c, lw=1.6, ls=":")[0] for c in COLORS]
        self.feet = []
        for c in COLORS:
            foot = Circle((0, 0), 0.09, facecolor=c, edgecolor="white", lw=1, zorder=6)
            ax.add_patch(foot)
            self.feet.append(foot)
        self.q = Arrow(ax, (1, 0), label="q", color=PALETTE["black"], width=3.5)
        self.arrows = [
            Arrow(ax, (1, 0), label=name, color=c, label_offset=0.25)
            for name, c in zip(NAMES, COLORS, strict=True)
        ]
        self.title = ax.set_title("", fontsize=14, loc="left")
        self.artists = [
            *self.drops,
            *self.feet,
            *self.q.artists,
            *(a for arrow in self.arrows for a in arrow.artists),
            self.title,
        ]

    def update(self, result: Stretch) -> None:
        ranked = result.rankings
        q = ranked.query / float(norm(ranked.query))
        self.q.set(q)
        self.q.text.set_position((0.72, -0.44))  # below, between the discs and B
        for arrow, drop, foot, c in zip(
            self.arrows, self.drops, self.feet, ranked.candidates, strict=True
        ):
            shadow = float(np.dot(c, q))  # signed length of c's shadow on q = q·c (|q| = 1)
            arrow.set(c)
            drop.set_data([c[0], shadow], [c[1], self.FOOT_Y])
            foot.set_center((shadow, self.FOOT_Y))
        if self.readout:
            theta = math.degrees(math.acos(float(ranked.cosines[result.index])))
            length = float(ranked.lengths[result.index])
            dots = "   ".join(
                f"q·{name} = {signed(float(d), 2).lstrip('+')}"
                for name, d in zip(NAMES, ranked.dots, strict=True)
            )
            self.title.set_text(
                f"s = {result.scale:.2f}, θ = {theta:.0f}°: |C| = {length:.2f}\n"
                f"{dots}\n"
                f"by q·c:    {_order(NAMES, ranked.by_dot)}\n"
                f"by cosine: {_order(NAMES, ranked.by_cosine)}"
            )


def top_hit_bars(
    wins: npt.ArrayLike,
    long: npt.ArrayLike,
    *,
    title: str,
    long_label: str = "long answer",
    ax: Axes | None = None,
) -> Axes:
    """Bars: how many queries each answer wins; the long answers vermillion and hatched
    (black stripes, a second cue beside the colour), with a legend in the panel."""
    counts = np.asarray(wins)
    is_long = np.zeros(counts.size, dtype=bool)
    is_long[np.asarray(long)] = True
    ax = ax if ax is not None else new_figure(6.0, 4.0).axes[0]
    idx = np.arange(counts.size)
    ax.bar(idx[~is_long], counts[~is_long], color=PALETTE["sky"], width=0.8, label="normal length")
    ax.bar(
        idx[is_long], counts[is_long], facecolor=PALETTE["vermillion"], width=0.8, hatch="///",
        edgecolor=PALETTE["black"], linewidth=0.8, label=long_label,
    )  # fmt: skip
    ax.set_xlabel("answer number")
    ax.set_ylabel("queries it wins")
    ax.set_title(title, fontsize=14, loc="left")
    ax.set_xlim(-1, counts.size)
    ax.grid(axis="x", visible=False)
    ax.set_axisbelow(True)  # grid lines behind the bars
    ax.legend(loc="upper right")
    return ax
