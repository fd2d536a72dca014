"""Figures that can be redrawn in place for new numbers (matplotlib only, no widgets).

Each view is built once on an Axes and has ``update(result)``, which moves its
artists to show a model result (from the math modules), and ``artists``, the
list of everything ``update`` changes (a demo redraws only those on top of a
cached background). Slider demos call ``update`` on every step; static small
multiples build one view per panel.
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.axes import Axes

from .angles import IdentitySides
from .geometry import DotParts, ProjectionParts
from .plotting import (
    GREY,
    PALETTE,
    AngleArc,
    Arrow,
    draw_unit_circle,
    signed,
    vector_axes,
)
from .vectors import norm


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
