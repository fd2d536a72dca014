"""01.03: the projection of a onto b, and a·b as the projection's length times |b|."""

from __future__ import annotations

import math

import numpy as np
from matplotlib.axes import Axes

from ..geometry import ProjectionParts
from ..plotting import GREY, PALETTE, AngleArc, Arrow, signed, vector_axes
from ..vectors import norm


class ProjectionView:
    """a, b, the projection of a onto b and the perpendicular dropped from a's tip (01.03)."""

    LIM = 3.6

    def __init__(self, ax: Axes, *, readout: bool = True) -> None:
        self.readout = readout
        vector_axes(ax, lim=self.LIM, ticks=(-3, -2, -1, 0, 1, 2, 3))
        (self.line,) = ax.plot([], [], color=GREY, lw=1.2, ls="--")  # the line through b
        (self.drop,) = ax.plot([], [], color=PALETTE["black"], lw=1.5, ls=":")
        self.proj = Arrow(
            ax, (1, 0), label="proj", color=PALETTE["green"], label_offset=0.35, width=5
        )
        self.b = Arrow(ax, (1, 0), label="b", color=PALETTE["vermillion"], label_offset=0.3)
        self.a = Arrow(ax, (0, 1), label="a", color=PALETTE["blue"], label_offset=0.3)
        self.arc = AngleArc(ax, radius=0.55)
        self.title = ax.set_title("", fontsize=14, loc="left")
        self.artists = [
            self.line, self.drop, *self.proj.artists, *self.b.artists, *self.a.artists,
            *self.arc.artists, self.title,
        ]  # fmt: skip

    def update(self, parts: ProjectionParts) -> None:
        unit_b = parts.b / float(norm(parts.b))
        reach = self.LIM / max(abs(unit_b[0]), abs(unit_b[1]))  # to the edge of the axes
        self.line.set_data(*np.outer(unit_b, [-reach, reach]))
        self.drop.set_data([parts.a[0], parts.vector[0]], [parts.a[1], parts.vector[1]])
        self.proj.set(parts.vector)
        # Label the projection at its middle, just below the line, clear of b's label.
        below = np.array([unit_b[1], -unit_b[0]])
        self.proj.text.set_position(tuple(parts.vector / 2 + 0.35 * below))
        self.proj.text.set_visible(abs(parts.scalar) > 0.3)  # no label on a vanishing arrow
        self.b.set(parts.b)
        self.a.set(parts.a)
        start = math.atan2(parts.b[1], parts.b[0])
        turn = math.atan2(parts.a[1], parts.a[0]) - start
        end = start + math.remainder(turn, math.tau)
        self.arc.set(start, end, f"{math.degrees(parts.theta):.0f}°")
        if self.readout:
            self.title.set_text(
                f"θ = {math.degrees(parts.theta):.0f}° ({parts.kind})\n"
                f"projection = {signed(parts.scalar, 2)}, |b| = {float(norm(parts.b)):.1f}\n"
                f"a·b = {signed(parts.dot, 2)}"
            )
