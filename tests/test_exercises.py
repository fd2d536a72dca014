"""Every exercise: its reference solution passes, stubs say "not done", mistakes get hints."""

import json
import math
import re
from pathlib import Path

import numpy as np
import pytest

from helpers.checks import Case, Exercise, evaluate
from helpers.exercises import EXERCISES, SOLUTIONS, check

NOTEBOOKS = sorted(Path(__file__).parent.parent.joinpath("notebooks").glob("*.ipynb"))


def test_every_exercise_has_a_solution_and_vice_versa():
    assert set(EXERCISES) == set(SOLUTIONS)


@pytest.mark.parametrize("key", sorted(EXERCISES))
def test_reference_solution_passes(key):
    result = evaluate(EXERCISES[key], SOLUTIONS[key])
    assert result.passed, result.message
    assert result.message.startswith("✓")


def _stub(*args):
    raise NotImplementedError


@pytest.mark.parametrize("key", sorted(EXERCISES))
def test_unfinished_exercise_is_not_done_yet(key):
    placeholder = _stub if EXERCISES[key].is_function else ...
    result = evaluate(EXERCISES[key], placeholder)
    assert result.status == "todo"
    assert "not done yet" in result.message


def test_every_exercise_in_the_notebooks_exists_and_every_exercise_is_used():
    used = set()
    for nb in NOTEBOOKS:
        for cell in json.loads(nb.read_text())["cells"]:
            used.update(re.findall(r'check\("([^"]+)"', "".join(cell["source"])))
    assert used == set(EXERCISES)


def test_unit_vector_wrong_answers_get_specific_hints():
    ex = EXERCISES["01.01-unit-vector"]
    in_radians = evaluate(ex, lambda d: np.array([math.cos(d), math.sin(d)]))
    assert in_radians.status == "fail"
    assert "np.radians" in in_radians.message
    assert "input:" in in_radians.message and "expected:" in in_radians.message
    swapped = evaluate(
        ex, lambda d: np.array([math.sin(math.radians(d)), math.cos(math.radians(d))])
    )
    assert "(cos θ, sin θ)" in swapped.message


def test_dot2_elementwise_mistake_is_named():
    result = evaluate(EXERCISES["01.01-dot2"], lambda u, v: np.asarray(u) * np.asarray(v))
    assert result.status == "fail"
    assert "u * v is elementwise" in result.message


def test_dot2_cross_pairing_mistake_is_named():
    result = evaluate(EXERCISES["01.01-dot2"], lambda u, v: u[0] * v[1] + u[1] * v[0])
    assert "Pair x with x" in result.message


def test_dot2_accepts_plain_numbers_and_numpy_scalars():
    assert evaluate(EXERCISES["01.01-dot2"], lambda u, v: float(np.dot(u, v))).passed
    assert evaluate(EXERCISES["01.01-dot2"], lambda u, v: np.dot(u, v)).passed


def test_value_exercise_wrong_numbers_get_hints():
    ex = EXERCISES["01.01-sixty-degrees"]
    assert "sign" in evaluate(ex, -0.5).message
    assert "cos 30°" in evaluate(ex, math.sqrt(3) / 2).message
    generic = evaluate(ex, 0.1)
    assert generic.status == "fail" and "θ2 − θ1" in generic.message


def test_warm_up_elementwise_answer_gets_hint():
    result = evaluate(EXERCISES["01.00-warm-up"], [3, 8])
    assert result.status == "fail" and "adds them up" in result.message


def test_student_code_that_crashes_is_reported_not_raised():
    result = evaluate(EXERCISES["01.01-dot2"], lambda u, v: 1 / 0)
    assert result.status == "fail"
    assert "ZeroDivisionError" in result.message and "on input" in result.message


def test_non_function_for_function_exercise():
    result = evaluate(EXERCISES["01.01-dot2"], 3.0)
    assert result.status == "fail" and "expected a function" in result.message


def test_wrong_shape_is_a_failure_even_when_values_broadcast():
    ex = Exercise("t", "t", (Case((), [1.0, 1.0]),), is_function=False)
    assert not evaluate(ex, 1.0).passed
    assert not evaluate(ex, [[1.0, 1.0]]).passed
    assert evaluate(ex, (1.0, 1.0)).passed


def test_non_numeric_answer_fails_cleanly():
    ex = Exercise("t", "t", (Case((), 0.5),), is_function=False)
    result = evaluate(ex, "a half")
    assert result.status == "fail" and "'a half'" in result.message


def test_a_failing_mistake_matcher_is_ignored():
    from helpers.checks import Mistake

    boom = Mistake(lambda args, actual: 1 / 0, "never shown")
    ex = Exercise("t", "t", (Case((), 0.5),), mistakes=(boom,), is_function=False)
    assert "never shown" not in evaluate(ex, 0.7).message


def test_check_prints_and_never_raises(capsys):
    check("01.01-dot2", _stub)
    check("no-such-exercise", 1)
    out = capsys.readouterr().out
    assert "not done yet" in out
    assert "no exercise called 'no-such-exercise'" in out


def test_dot_from_lengths_mistakes():
    ex = EXERCISES["01.02-dot-from-lengths"]
    assert "radians" in evaluate(ex, lambda la, lb, t: la * lb * math.cos(t)).message
    assert "cos θ alone" in evaluate(ex, lambda la, lb, t: math.cos(math.radians(t))).message


def test_cosine_is_not_the_dot_product_question():
    ex = EXERCISES["01.02-cosine-not-dot"]
    assert "24 is a·b" in evaluate(ex, 24).message
    assert evaluate(ex, 0.96).passed


def test_projection_length_mistakes():
    ex = EXERCISES["01.03-scalar-projection"]
    assert "Divide by |b|" in evaluate(ex, lambda a, b: float(np.dot(a, b))).message
    by_b2 = evaluate(ex, lambda a, b: float(np.dot(a, b)) / float(np.dot(b, b)))
    assert "|b|²" in by_b2.message
    assert "6 is a·b" in evaluate(EXERCISES["01.03-is-dot-a-length"], 6).message


def test_pass_messages_are_grammatical():
    value = evaluate(EXERCISES["01.00-warm-up"], 11)
    assert value.message == "✓ 01.00-warm-up: correct (your answer checks out)."
    function = evaluate(EXERCISES["01.01-dot2"], SOLUTIONS["01.01-dot2"])
    total = len(EXERCISES["01.01-dot2"].cases)
    assert function.message == f"✓ 01.01-dot2: correct (all {total} hidden cases check out)."


def test_a_failing_case_shows_each_vector_in_brackets():
    # The first hidden case of dot2 is u = (1, 0), v = (0, 1); the answer 5 is wrong for it.
    result = evaluate(EXERCISES["01.01-dot2"], lambda u, v: 5)
    assert "  input:    [1, 0], [0, 1]\n" in result.message
    crashed = evaluate(EXERCISES["01.01-dot2"], lambda u, v: 1 / 0)
    assert "on input: [1, 0], [0, 1]" in crashed.message


def test_inputs_and_values_are_shown_as_a_student_writes_them():
    ex = Exercise(
        "t",
        "t",
        (Case(([0.5, np.float64(2.0)], (np.int64(3), True), np.array([1.0, 0.0])), 0.0),),
    )
    message = evaluate(ex, lambda *args: 1.0).message
    assert "input:    [0.5, 2], [3, True], [1., 0.]\n" in message
    assert "expected: 0\n" in message and "got:      1" in message
    scalar = evaluate(EXERCISES["01.01-unit-vector"], lambda d: 7.0).message
    assert "input:    0\n" in scalar and "expected: [1, 0]\n" in scalar
