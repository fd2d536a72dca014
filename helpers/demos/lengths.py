"""01.02 demo: lengths scale a·b while cos θ stays put."""

from __future__ import annotations

import math

from ..geometry import DotParts, dot_parts_2d
from ..live import Slider, SliderDemo, readout_table
from ..plotting import signed
from ..views.lengths import LengthAngleView


def _dot_parts_in_degrees(len_a: float, len_b: float, theta: float) -> DotParts:
    return dot_parts_2d(len_a, len_b, math.radians(theta), start=math.radians(15))


def dot_readout(parts: DotParts) -> str:
    """HTML readout: a·b from the coordinates beside |a| |b| cos θ, and cos θ alone."""
    return readout_table(
        [
            ("θ", f"{math.degrees(parts.theta):.0f}°"),
            ("|a| |b|", f"{parts.lengths:.3f}"),
            ("cos θ", f"<b>{signed(parts.cos, 4)}</b>"),
            ("a·b = a₁b₁ + a₂b₂", f"<b>{signed(parts.dot, 4)}</b>"),
            ("|a| |b| cos θ", f"<b>{signed(parts.rhs, 4)}</b>"),
        ]
    )


def length_angle_demo(len_a: float = 2.0, len_b: float = 1.5, theta: float = 60.0) -> SliderDemo:
    """01.02: lengths scale a·b while cos θ stays put."""
    return SliderDemo(
        title="a·b = |a| |b| cos θ",
        sliders=(
            Slider("len_a", "|a|, length of a", 0.5, 3.0, 0.1, len_a, decimals=1),
            Slider("len_b", "|b|, length of b", 0.5, 3.0, 0.1, len_b, decimals=1),
            Slider("theta", "θ, angle from a to b", 0, 180, 1, theta, unit="degrees", suffix="°"),
        ),
        compute=_dot_parts_in_degrees,
        view=LengthAngleView,
        notebook="01.02",
        caption=(
            "Stretch either vector and a·b grows with it; turn one and only the angle, "
            "through cos θ, changes it."
        ),
        readout=dot_readout,
    )


DEMOS = (length_angle_demo,)
