"""Figures that can be redrawn in place for new numbers (matplotlib only, no widgets).

Each view is built once on an Axes and has ``update(result)``, which moves its
artists to show a model result (from the math modules), and ``artists``, the
list of everything ``update`` changes (a demo redraws only those on top of a
cached background). Slider demos call ``update`` on every step; static small
multiples build one view per panel.
"""

from __future__ import annotations

import math

from matplotlib.axes import Axes

from .angles import IdentitySides
from .plotting import PALETTE, Arrow, angle_arc, arc_points, draw_unit_circle, signed, vector_axes


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
        self.arc = angle_arc(ax, color=PALETTE["black"], radius=0.32)
        self.arc_label = ax.text(0, 0, "", ha="center", va="center", fontsize=13)
        self.title = ax.set_title("", fontsize=14, loc="left")
        self.artists = [
            self.drop1,
            self.drop2,
            *self.u1.artists,
            *self.u2.artists,
            self.arc,
            self.arc_label,
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
        self.arc.set_data(*arc_points(sides.theta1, sides.theta1 + diff, 0.32))
        mid = sides.theta1 + diff / 2
        self.arc_label.set_position((0.55 * math.cos(mid), 0.55 * math.sin(mid)))
        self.arc_label.set_text(f"{signed(math.degrees(diff), 0)}°")
        if self.readout:
            self.title.set_text(
                f"θ₁ = {math.degrees(sides.theta1):.0f}°, θ₂ = {math.degrees(sides.theta2):.0f}°\n"
                f"cos(θ₂ − θ₁) = {signed(sides.lhs, 4)}\n"
                f"x₁x₂ + y₁y₂ = {signed(sides.rhs, 4)}"
            )
