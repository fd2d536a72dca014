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


# Keyed by the demo's title; every demo on a page must have one.
CHECKS: dict[str, Callable[[dict[str, str], str], None]] = {
    "cos(θ₂ − θ₁) = x₁x₂ + y₁y₂": check_identity,
}
