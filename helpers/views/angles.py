"""01.01: two unit vectors on the circle and both sides of cos(θ₂ − θ₁) = x₁x₂ + y₁y₂."""

from __future__ import annotations

import math

from matplotlib.axes import Axes

from ..angles import IdentitySides
from ..plotting import PALETTE, AngleArc, Arrow, draw_unit_circle, signed, vector_axes


class UnitCircleView:
    """Two unit vectors, the angle between them and both sides of the identity."""

    def __init__(self, ax: Axes, *, readout: bool = True) -> None:
        self.ax = ax
        self.readout = readout
        vector_axes(ax, lim=1.35, ticks=(-1, 0, 1))
        draw_unit_circle(ax)
        blue, red = PALETTE["blue"], PALETTE["vermillion"]
        # Dotted guides from each tip to the x-axis show its coordinates (cos θ, sin θ).
        (self.drop1,) = ax.plot([], [], ls=":", lw=1.5, color=blue)
        (self.drop2,) = ax.plot([], [], ls=":", lw=1.5, color=red)
        self.u1 = Arrow(ax, (1, 0), label="u₁", color=blue)
        self.u2 = Arrow(ax, (0, 1), label="u₂", color=red)
        self.arc = AngleArc(ax, radius=0.32)
        self.title = ax.set_title("", fontsize=14, loc="left")
        self.artists = [
            self.drop1,
            self.drop2,
            *self.u1.artists,
            *self.u2.artists,
            *self.arc.artists,
            self.title,
        ]

    def update(self, sides: IdentitySides) -> None:
        """Show the vectors at ``sides.theta1``, ``sides.theta2`` and both sides' values."""
        (x1, y1), (x2, y2) = sides.u1, sides.u2
        self.u1.set(sides.u1)
        self.u2.set(sides.u2)
        self.drop1.set_data([x1, x1], [0, y1])
        self.drop2.set_data([x2, x2], [0, y2])
        diff = sides.difference
        self.arc.set(sides.theta1, sides.theta1 + diff, f"{signed(math.degrees(diff), 0)}°")
        if self.readout:
            self.title.set_text(
                f"θ₁ = {math.degrees(sides.theta1):.0f}°, θ₂ = {math.degrees(sides.theta2):.0f}°\n"
                f"cos(θ₂ − θ₁) = {signed(sides.lhs, 4)}\n"
                f"x₁x₂ + y₁y₂ = {signed(sides.rhs, 4)}"
            )
