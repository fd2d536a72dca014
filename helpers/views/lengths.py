"""01.02: vectors of any length at an angle θ, with a·b beside |a| |b| cos θ."""

from __future__ import annotations

import math

from matplotlib.axes import Axes

from ..geometry import DotParts
from ..plotting import PALETTE, AngleArc, Arrow, draw_unit_circle, signed, vector_axes
from ..vectors import norm


class LengthAngleView:
    """Vectors a and b of any length at angle θ, with a·b and |a| |b| cos θ (01.02)."""

    LIM = 3.6

    def __init__(self, ax: Axes, *, readout: bool = True) -> None:
        self.readout = readout
        vector_axes(ax, lim=self.LIM, ticks=(-3, -2, -1, 0, 1, 2, 3))
        draw_unit_circle(ax)
        self.a = Arrow(ax, (1, 0), label="a", color=PALETTE["blue"], label_offset=0.3)
        self.b = Arrow(ax, (0, 1), label="b", color=PALETTE["vermillion"], label_offset=0.3)
        self.arc = AngleArc(ax, radius=0.6)
        self.title = ax.set_title("", fontsize=14, loc="left")
        self.artists = [*self.a.artists, *self.b.artists, *self.arc.artists, self.title]

    def update(self, parts: DotParts) -> None:
        self.a.set(parts.a)
        self.b.set(parts.b)
        start = math.atan2(parts.a[1], parts.a[0])
        self.arc.set(start, start + parts.theta, f"{math.degrees(parts.theta):.0f}°")
        if self.readout:
            self.title.set_text(
                f"|a| = {float(norm(parts.a)):.1f}, |b| = {float(norm(parts.b)):.1f}, "
                f"θ = {math.degrees(parts.theta):.0f}°\n"
                f"a·b = {signed(parts.dot, 3)}\n|a| |b| cos θ = {signed(parts.rhs, 3)}"
            )
