"""01.01 demo: two unit vectors on the circle, both sides of the identity read out live."""

from __future__ import annotations

import math

from ..angles import IdentitySides, identity_sides
from ..live import Slider, SliderDemo, readout_table
from ..plotting import signed
from ..views.angles import UnitCircleView


def _identity_in_degrees(theta1: float, theta2: float) -> IdentitySides:
    return identity_sides(math.radians(theta1), math.radians(theta2))


def identity_readout(sides: IdentitySides) -> str:
    """HTML readout of both sides of cos(θ2 − θ1) = x1·x2 + y1·y2."""
    (x1, y1), (x2, y2) = sides.u1, sides.u2
    rows = [
        ("θ₂ − θ₁", _difference_text(sides)),
        ("u₁ = (x₁, y₁)", f"({signed(x1)}, {signed(y1)})"),
        ("u₂ = (x₂, y₂)", f"({signed(x2)}, {signed(y2)})"),
        ("x₁x₂ + y₁y₂", f"{signed(x1 * x2, 4)} + {signed(y1 * y2, 4)}"),
        ("left: cos(θ₂ − θ₁)", f"<b>{signed(sides.lhs, 4)}</b>"),
        ("right: x₁x₂ + y₁y₂", f"<b>{signed(sides.rhs, 4)}</b>"),
    ]
    return readout_table(rows)


def _difference_text(sides: IdentitySides) -> str:
    raw = round(math.degrees(sides.theta2 - sides.theta1))
    wrapped = round(math.degrees(sides.difference))
    text = f"{signed(raw, 0)}°"
    return text if raw == wrapped else f"{text} (same direction as {signed(wrapped, 0)}°)"


def angle_identity_demo(theta1: float = 30.0, theta2: float = 75.0) -> SliderDemo:
    """01.01: two unit vectors on the circle, both sides of the identity read out live."""
    return SliderDemo(
        title="cos(θ₂ − θ₁) = x₁x₂ + y₁y₂",
        sliders=(
            Slider("theta1", "θ₁, angle of u₁", 0, 360, 1, theta1, unit="degrees", suffix="°"),
            Slider("theta2", "θ₂, angle of u₂", 0, 360, 1, theta2, unit="degrees", suffix="°"),
        ),
        compute=_identity_in_degrees,
        view=UnitCircleView,
        notebook="01.01",
        caption=(
            "Two unit vectors: multiply matching coordinates and add, and you get the cosine "
            "of the angle between them."
        ),
        readout=identity_readout,
    )


DEMOS = (angle_identity_demo,)
