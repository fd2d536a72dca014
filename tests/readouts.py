"""Reading a demo's readout as a person sees it, and the per-topic readout checks.

Each ``tests/test_demo_<topic>.py`` defines ``READOUT_CHECKS``: demo title →
``check(sliders, readout)``, which recomputes independently (closed forms, ``math``)
what the readout must say for the slider values shown, and asserts it. The same
checks run headless here (against ``SliderDemo.readout``) and in Chromium
(tests/browser), so a wrong readout fails however it was produced.
"""

from __future__ import annotations

import html
import importlib.util
import re
from collections.abc import Callable
from pathlib import Path

from helpers.live import SliderDemo

ReadoutCheck = Callable[[dict[str, str], str], None]
TESTS = Path(__file__).parent


def number(text: str, label: str) -> float:
    """The signed decimal number that follows ``label`` in a readout's text."""
    m = re.search(re.escape(label) + r"\s+([−+-]?\d+\.\d+)", text)
    assert m, f"no {label!r} in readout: {text!r}"
    return float(m.group(1).replace("−", "-"))


def degrees(shown: str) -> float:
    """A slider's shown value in degrees ("75°") as a number."""
    return float(shown.rstrip("°"))


def as_text(readout_html: str) -> str:
    """The readout HTML as the text a browser shows (cells separated by whitespace)."""
    return html.unescape(re.sub(r"<[^>]+>", " ", readout_html))


def shown_sliders(demo: SliderDemo) -> dict[str, str]:
    """Slider label → shown value, exactly as the widget labels them."""
    return {
        (f"{s.label} ({s.unit})" if s.unit else s.label): s.format(demo.values[s.name])
        for s in demo.sliders
    }


def collect_checks() -> dict[str, ReadoutCheck]:
    """Every topic's READOUT_CHECKS, from tests/test_demo_*.py."""
    checks: dict[str, ReadoutCheck] = {}
    for path in sorted(TESTS.glob("test_demo_*.py")):
        spec = importlib.util.spec_from_file_location(f"readout_checks_{path.stem}", path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        checks.update(module.READOUT_CHECKS)
    return checks


def check_headless(demo: SliderDemo, check: ReadoutCheck, settings: list[dict[str, float]]) -> None:
    """Run a readout check against the demo's own readout at several slider settings."""
    for setting in settings:
        demo.set(**setting)
        check(shown_sliders(demo), as_text(demo.readout))
