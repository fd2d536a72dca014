"""The course's exercises, one module per topic, and ``check`` for the notebooks.

Each module defines ``EXERCISES`` (a tuple of :class:`helpers.checks.Exercise`, with
expected values from closed forms, never from the reference answers) and
``SOLUTIONS`` (key → reference answer, which a test proves pass). In a notebook::

    from helpers.exercises import check
    check("01.01-unit-vector", unit_vector_deg)
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

from ..checks import Exercise, evaluate


def _collect(name: str) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        items = getattr(module, name)
        pairs = items.items() if isinstance(items, dict) else ((e.key, e) for e in items)
        for key, value in pairs:
            if key in found:
                raise RuntimeError(f"exercise key {key!r} is defined twice ({info.name})")
            found[key] = value
    return dict(sorted(found.items()))


EXERCISES: dict[str, Exercise] = _collect("EXERCISES")
SOLUTIONS: dict[str, Any] = _collect("SOLUTIONS")


def check(key: str, answer: Any) -> None:
    """Print feedback on ``answer`` to exercise ``key``; never raises."""
    exercise = EXERCISES.get(key)
    if exercise is None:
        print(f"✗ no exercise called {key!r}; known: {', '.join(sorted(EXERCISES))}")
        return
    print(evaluate(exercise, answer).message)
