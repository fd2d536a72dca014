"""Exercise checkers: run a student's answer against hidden cases, print feedback.

A check never raises, so an unfinished exercise cannot break "Run All":

* a stub that raises ``NotImplementedError`` (or an answer left as ``...``)
  prints a friendly "not done yet";
* a wrong answer prints the failing input, the expected and the actual value,
  and a hint when the mistake is a known one;
* a right answer prints ✓.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np


@dataclass(frozen=True)
class Case:
    """One hidden test: call the answer with ``args`` and expect ``expected``."""

    args: tuple[Any, ...]
    expected: Any


@dataclass(frozen=True)
class Mistake:
    """A known wrong answer: ``matches(args, actual)`` spots it and ``hint`` explains it."""

    matches: Callable[[tuple[Any, ...], Any], bool]
    hint: str


@dataclass(frozen=True)
class Exercise:
    """An exercise: a function to write (``cases`` with args) or a value to enter."""

    key: str
    prompt: str
    cases: tuple[Case, ...]
    mistakes: tuple[Mistake, ...] = ()
    hint: str = ""
    rtol: float = 1e-6
    atol: float = 1e-9
    is_function: bool = True


@dataclass(frozen=True)
class Result:
    """The outcome of a check: ``status`` is "pass", "fail" or "todo"."""

    status: str
    message: str
    passed_cases: int = 0
    total_cases: int = 0
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return self.status == "pass"


def _show(x: Any) -> str:
    """One value as a student would write it: a list or tuple of numbers as [1, 0]."""
    if isinstance(x, np.ndarray):
        return np.array2string(x, precision=4, suppress_small=True, separator=", ")
    if isinstance(x, bool | np.bool_):
        return repr(bool(x))
    if isinstance(x, float | np.floating):
        return f"{float(x):.6g}"
    if isinstance(x, np.integer):
        return str(int(x))
    if isinstance(x, list | tuple):
        return "[" + ", ".join(_show(a) for a in x) + "]"
    return repr(x)


def _show_args(args: tuple[Any, ...]) -> str:
    """The arguments of one call, separated by commas: two vectors read [1, 0], [0, 1]."""
    return ", ".join(_show(a) for a in args)


def _close(actual: Any, expected: Any, rtol: float, atol: float) -> bool:
    """True when ``actual`` matches ``expected`` in type family, shape and value."""
    if isinstance(expected, bool | str):
        return type(actual) is type(expected) and actual == expected
    try:
        a = np.asarray(actual, dtype=float)
    except (TypeError, ValueError):
        return False
    e = np.asarray(expected, dtype=float)
    return a.shape == e.shape and bool(np.allclose(a, e, rtol=rtol, atol=atol))


def evaluate(exercise: Exercise, answer: Any) -> Result:
    """Check ``answer`` (a function or a value) against the exercise's hidden cases."""
    if answer is ... or answer is None:
        return Result("todo", f"⏳ {exercise.key}: not done yet. Replace the ... with your answer.")
    if exercise.is_function and not callable(answer):
        return Result(
            "fail",
            f"✗ {exercise.key}: expected a function (def ...), got {type(answer).__name__}.",
        )
    total = len(exercise.cases)
    for passed, case in enumerate(exercise.cases):
        try:
            actual = answer(*case.args) if exercise.is_function else answer
        except NotImplementedError:
            return Result(
                "todo",
                f"⏳ {exercise.key}: not done yet. Replace `raise NotImplementedError` "
                "with your code, then run this cell again.",
                0,
                total,
            )
        except Exception as err:  # the student's code failed: report it, never re-raise
            return Result(
                "fail",
                f"✗ {exercise.key}: your function raised {type(err).__name__}: {err}\n"
                f"  on input: {_show_args(case.args)}",
                passed,
                total,
            )
        if _close(actual, case.expected, exercise.rtol, exercise.atol):
            continue
        hint = next((m.hint for m in exercise.mistakes if _safe(m, case.args, actual)), "")
        hint = hint or exercise.hint
        where = f"  input:    {_show_args(case.args)}\n" if exercise.is_function else ""
        message = (
            f"✗ {exercise.key}: not yet ({passed} of {total} cases right).\n"
            f"{where}  expected: {_show(case.expected)}\n  got:      {_show(actual)}"
        )
        if hint:
            message += f"\n  hint: {hint}"
        return Result("fail", message, passed, total, {"args": case.args, "actual": actual})
    what = (
        f"all {total} hidden cases check out" if exercise.is_function else "your answer checks out"
    )
    return Result("pass", f"✓ {exercise.key}: correct ({what}).", total, total)


def _safe(mistake: Mistake, args: tuple[Any, ...], actual: Any) -> bool:
    try:
        return bool(mistake.matches(args, actual))
    except Exception:  # a diagnosis that does not apply is simply not a match
        return False


def check(exercise: Exercise, answer: Any) -> None:
    """Print feedback on ``answer``; never raises, so Run All always completes."""
    print(evaluate(exercise, answer).message)


def close_to(value: float, rtol: float = 1e-6) -> Callable[[tuple[Any, ...], Any], bool]:
    """A mistake matcher: the answer equals ``value`` (a common wrong number)."""

    def matches(args: tuple[Any, ...], actual: Any) -> bool:
        return math.isclose(float(actual), value, rel_tol=rtol, abs_tol=1e-12)

    return matches


def same_numbers(value: Any) -> Callable[[tuple[Any, ...], Any], bool]:
    """A mistake matcher: the answer, as numbers, is ``value`` (same shape, to rounding)."""

    def matches(args: tuple[Any, ...], actual: Any) -> bool:
        try:
            got = np.asarray(actual, dtype=float)
        except (TypeError, ValueError):
            return False
        want = np.asarray(value, dtype=float)
        return got.shape == want.shape and bool(np.allclose(got, want, rtol=1e-6, atol=1e-9))

    return matches
