"""02.01 demo: stretch one candidate and watch the dot-product ranking flip, not the cosine's."""

from __future__ import annotations

import math

import numpy as np

from ..live import Slider, SliderDemo, readout_table
from ..magnitude import Stretch, stretch
from ..plotting import signed
from ..views.magnitude import NAMES, StretchView

STRETCH_QUERY = (1.0, 0.0)  # q: length 1 along the x-axis, so q·c is c's x-coordinate
# A and B: (length, angle from q in degrees), fixed; C: length before stretching.
STRETCH_FIXED = ((1.5, 10.0), (1.35, -40.0))
STRETCH_C_LENGTH = 0.8
STRETCH_INDEX = 2  # C, the candidate the slider stretches


def polar_degrees(length: float, degrees: float) -> np.ndarray:
    """(length cos θ, length sin θ) for θ in degrees, exactly 0 where cos or sin is 0.

    Rounding to 15 decimals leaves every coordinate within 1e-15 of the true value and
    turns cos 90° (6e-17 in floating point) into an exact 0, so a right angle is a right
    angle: q·C = 0, and no stretch makes C win.
    """
    t = math.radians(degrees)
    return length * np.array([round(math.cos(t), 15), round(math.sin(t), 15)])


def stretch_candidates(scale: float, theta: float) -> Stretch:
    """The demo's model: q, A, B fixed; C at ``theta`` degrees from q, stretched by ``scale``."""
    cands = [polar_degrees(length, angle) for length, angle in STRETCH_FIXED]
    cands.append(polar_degrees(STRETCH_C_LENGTH, theta))
    return stretch(np.array(STRETCH_QUERY), np.array(cands), STRETCH_INDEX, scale)


def _threshold(s: float) -> str:
    return "never" if math.isinf(s) else f"s &gt; {s:.3f}"


def stretch_readout(result: Stretch) -> str:
    """HTML readout: each candidate's q·c and cosine, both rankings, and C's thresholds."""
    r = result.rankings
    rows = [
        (
            name,
            f"q·{name} <b>{signed(float(r.dots[i]), 3)}</b> &nbsp; "
            f"cos <b>{signed(float(r.cosines[i]), 3)}</b>",
        )
        for i, name in enumerate(NAMES)
    ]
    rows += [
        ("|C|", f"{float(r.lengths[result.index]):.3f}"),
        ("ranked by q·c", "<b>" + " &gt; ".join(NAMES[i] for i in r.by_dot) + "</b>"),
        ("ranked by cosine", "<b>" + " &gt; ".join(NAMES[i] for i in r.by_cosine) + "</b>"),
    ]
    rows += [
        (f"C beats {NAMES[j]} by q·c when", _threshold(result.overtakes[j]))
        for j in range(len(NAMES))
        if j != result.index
    ]
    return readout_table(rows)


def stretch_demo(scale: float = 1.0, theta: float = 50.0) -> SliderDemo:
    """02.01: stretch C; the dot-product ranking follows its length, the cosine's does not."""
    return SliderDemo(
        title="Stretch C: ranked by q·c or by cosine",
        sliders=(
            Slider("scale", "s, stretch of C", 0.25, 4.0, 0.05, scale, decimals=2, suffix="×"),
            Slider("theta", "θ, angle from q to C", 0, 120, 1, theta, unit="degrees", suffix="°"),
        ),
        compute=stretch_candidates,
        view=StretchView,
        figsize=(5.6, 5.2),
        notebook="02.01",
        caption=(
            "Stretch one answer and it climbs the dot-product ranking while the cosine ranking"
            " stays put; turn it to 90° or beyond and no stretch helps."
        ),
        readout=stretch_readout,
    )


DEMOS = (stretch_demo,)
