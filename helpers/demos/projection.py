"""01.03 demo: drag a around b; the projection's length times |b| is a·b."""

from __future__ import annotations

import math

from ..geometry import ProjectionParts, projection_parts
from ..live import Slider, SliderDemo, readout_table
from ..plotting import signed
from ..vectors import from_angle, norm
from ..views.projection import ProjectionView

PROJECTION_ONTO = (2.5, 20.0)  # b: length and direction (degrees), fixed in the demo


def _projection_in_degrees(theta: float, len_a: float) -> ProjectionParts:
    length, direction = PROJECTION_ONTO
    b = from_angle(math.radians(direction), length)
    return projection_parts(from_angle(math.radians(direction + theta), len_a), b)


def projection_readout(parts: ProjectionParts) -> str:
    """HTML readout: the projection, |b|, their product and a·b, and the angle's kind."""
    length_b = float(norm(parts.b))
    return readout_table(
        [
            ("θ", f"{math.degrees(parts.theta):.0f}° ({parts.kind})"),
            ("projection of a on b", f"<b>{signed(parts.scalar, 3)}</b>"),
            ("|b|", f"{length_b:.3f}"),
            ("projection × |b|", f"<b>{signed(parts.scalar * length_b, 3)}</b>"),
            ("a·b", f"<b>{signed(parts.dot, 3)}</b>"),
        ]
    )


def projection_demo(theta: float = 50.0, len_a: float = 2.5) -> SliderDemo:
    """01.03: drag a around b; the projection's length times |b| is a·b."""
    return SliderDemo(
        title="a·b = (projection of a on b) × |b|",
        sliders=(
            Slider(
                "theta", "θ, angle from b to a", -180, 180, 1, theta, unit="degrees", suffix="°"
            ),
            Slider("len_a", "|a|, length of a", 0.5, 3.0, 0.1, len_a, decimals=1),
        ),
        compute=_projection_in_degrees,
        view=ProjectionView,
        notebook="01.03",
        caption=(
            "Turn a around b: a·b is the length of a's shadow on b times the length of b, and"
            " changes sign past 90°."
        ),
        readout=projection_readout,
    )


DEMOS = (projection_demo,)
