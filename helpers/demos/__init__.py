"""The course's slider demos, one module per topic (each composes a model and a view).

Every module here lists its demo factories in a tuple ``DEMOS``; :func:`course_demos`
collects them, which is how the presenter gallery finds every demo without a list
of its own. Each demo carries the notebook it belongs to and a one-line caption.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable

from ..live import SliderDemo

DemoFactory = Callable[[], SliderDemo]


def course_demos() -> tuple[DemoFactory, ...]:
    """Every demo factory of the course, in the order of the topic modules' names."""
    found: list[DemoFactory] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        found.extend(getattr(module, "DEMOS", ()))
    return tuple(found)
