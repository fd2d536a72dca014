"""What a demo's live readout must say for the slider values the browser shows.

Each checker recomputes the expected numbers independently (math module, closed
forms) from the slider readouts, so a wrong readout fails however it was produced.
"""

import math
import re
from collections.abc import Callable


def _number(text: str, label: str) -> float:
    m = re.search(re.escape(label) + r"\s+([−+-]?\d+\.\d+)", text)
    assert m, f"no {label!r} in readout: {text!r}"
    return float(m.group(1).replace("−", "-"))


def _degrees(readout: str) -> float:
    return float(readout.rstrip("°"))


def check_identity(sliders: dict[str, str], readout: str) -> None:
    t1 = _degrees(sliders["θ₁, angle of u₁ (degrees)"])
    t2 = _degrees(sliders["θ₂, angle of u₂ (degrees)"])
    expected = math.cos(math.radians(t2 - t1))
    assert abs(_number(readout, "left: cos(θ₂ − θ₁)") - expected) < 6e-5
    assert abs(_number(readout, "right: x₁x₂ + y₁y₂") - expected) < 6e-5


def check_lengths(sliders: dict[str, str], readout: str) -> None:
    la = float(sliders["|a|, length of a"])
    lb = float(sliders["|b|, length of b"])
    theta = math.radians(_degrees(sliders["θ, angle from a to b (degrees)"]))
    assert abs(_number(readout, "cos θ") - math.cos(theta)) < 6e-5
    assert abs(_number(readout, "a·b = a₁b₁ + a₂b₂") - la * lb * math.cos(theta)) < 6e-5
    assert abs(_number(readout, "|a| |b| cos θ") - la * lb * math.cos(theta)) < 6e-5


def check_projection(sliders: dict[str, str], readout: str) -> None:
    theta = math.radians(_degrees(sliders["θ, angle from b to a (degrees)"]))
    la = float(sliders["|a|, length of a"])
    length_b = 2.5  # the demo's fixed b
    assert abs(_number(readout, "projection of a on b") - la * math.cos(theta)) < 6e-4
    assert abs(_number(readout, "a·b") - la * length_b * math.cos(theta)) < 6e-4
    kind = "right" if abs(math.cos(theta)) < 1e-9 else "acute" if math.cos(theta) > 0 else "obtuse"
    assert f"({kind})" in readout


# Keyed by the demo's title; every demo on a page must have one.
CHECKS: dict[str, Callable[[dict[str, str], str], None]] = {
    "cos(θ₂ − θ₁) = x₁x₂ + y₁y₂": check_identity,
    "a·b = |a| |b| cos θ": check_lengths,
    "a·b = (projection of a on b) × |b|": check_projection,
}
