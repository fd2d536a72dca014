"""helpers.temperature against independent computations, and 03.01's exercises tried wrong.

The reference for a row is 120-digit decimal arithmetic (Decimal.exp, Decimal.ln) over the
row's entries; the reference cosines are plain Python loops over the seeded draws.
"""

import math
from decimal import Decimal, localcontext

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.checks import evaluate
from helpers.exercises import EXERCISES
from helpers.temperature import TemperatureRow, cosine_row, row_softmax

# ---------------------------------------------------------------- the reference


def _decimal_row(cosines, tau, right=0):
    """Probabilities, the loss −ln p(right), ln N and the simplex floor, in 120 digits."""
    with localcontext(prec=120):  # losses down to e^-100 keep 15+ digits
        t = Decimal(repr(float(tau)))
        exps = [(Decimal(repr(float(c))) / t).exp() for c in cosines]
        total = sum(exps, Decimal(0))
        probs = [e / total for e in exps]
        n = len(cosines)
        top = (1 / t).exp()
        floor = -(top / (top + (n - 1) * (Decimal(-1) / ((n - 1) * t)).exp())).ln()
        return [float(p) for p in probs], float(-probs[right].ln()), math.log(n), float(floor)


cosine = st.floats(-1.0, 1.0, allow_nan=False)


@given(st.lists(cosine, min_size=2, max_size=12), st.floats(0.02, 5.0), st.data())
def test_row_softmax_matches_decimal_arithmetic(cosines, tau, data):
    right = data.draw(st.integers(0, len(cosines) - 1))
    row = row_softmax(cosines, tau, right=right)
    probs, loss, chance, floor = _decimal_row(cosines, tau, right)
    np.testing.assert_allclose(row.probs, probs, rtol=1e-12, atol=1e-300)
    assert row.loss == pytest.approx(loss, rel=1e-12, abs=1e-300)
    assert row.chance == pytest.approx(chance, rel=1e-15)
    assert row.floor == pytest.approx(floor, rel=1e-12, abs=1e-300)
    assert row.p_right == pytest.approx(probs[right], rel=1e-12, abs=1e-300)
    assert row.probs.sum() == pytest.approx(1.0, abs=1e-12) and np.all(row.probs >= 0)
    assert row.logits == pytest.approx([c / tau for c in cosines])
    others = [c for j, c in enumerate(cosines) if j != right]
    assert row.top_negative == max(others)
    assert row.ranked_first == (cosines[right] > max(others))
    assert row.n == len(cosines) and isinstance(row, TemperatureRow)


def test_a_tiny_loss_keeps_its_digits():
    # Right answer 0.8 against one negative at −0.1, τ = 0.02: the loss is ln(1 + e^−45),
    # about 2.9e-20; 1 − p(right) rounds to 0 in float64, the loss must not.
    row = row_softmax([0.8, -0.1], 0.02)
    assert row.loss == pytest.approx(math.exp(-45), rel=1e-12)
    assert row.p_right == 1.0


def test_a_row_ranked_wrong_has_a_loss_above_the_gap():
    # The negative beats the right answer by 0.5 / 0.05 = 10: loss = 10 + ln(1 + e^−10).
    row = row_softmax([0.2, 0.7], 0.05)
    assert row.loss == pytest.approx(10 + math.log1p(math.exp(-10)), rel=1e-14)
    assert not row.ranked_first


@pytest.mark.parametrize(
    ("n", "dim", "reachable"), [(3, 2, True), (17, 16, True), (18, 16, False), (5, None, None)]
)
def test_the_floor_is_reachable_only_with_n_minus_1_dimensions(n, dim, reachable):
    # The regular simplex of N vectors, the only batch at the floor, spans N − 1 dimensions.
    row = row_softmax([0.5] + [0.0] * (n - 1), 1.0, dim=dim)
    assert row.dim == dim and row.floor_reachable is reachable


def test_equal_scores_give_the_chance_level():
    row = row_softmax([0.3] * 32, 1.0)
    assert row.loss == pytest.approx(math.log(32), rel=1e-14) == row.chance
    np.testing.assert_allclose(row.probs, 1 / 32, rtol=1e-14)


# ---------------------------------------------------------------- the seeded row


def _loop_cosines(k, right, d, seed):
    rng = np.random.default_rng(seed)
    q = rng.standard_normal(d).tolist()
    u = rng.standard_normal(d).tolist()
    negatives = rng.standard_normal((k, d)).tolist()

    def dot(a, b):
        return math.fsum(x * y for x, y in zip(a, b, strict=True))

    lq = math.sqrt(dot(q, q))
    qh = [v / lq for v in q]
    along = dot(u, qh)
    perp = [a - along * b for a, b in zip(u, qh, strict=True)]
    lp = math.sqrt(dot(perp, perp))
    answer = [
        right * a + math.sqrt(1 - right * right) * b / lp for a, b in zip(qh, perp, strict=True)
    ]
    out = [dot(answer, q) / (math.sqrt(dot(answer, answer)) * lq)]
    out += [dot(a, q) / (math.sqrt(dot(a, a)) * lq) for a in negatives]
    return out


@pytest.mark.parametrize(
    ("k", "right", "d", "seed"), [(63, 0.8, 16, 301), (5, -0.3, 3, 7), (1, 1.0, 2, 0)]
)
def test_cosine_row_matches_loops(k, right, d, seed):
    row = cosine_row(k, right=right, d=d, seed=seed)
    np.testing.assert_allclose(row, _loop_cosines(k, right, d, seed), atol=1e-12)
    assert row[0] == pytest.approx(right, abs=1e-12)
    assert row.shape == (k + 1,) and np.all(np.abs(row) <= 1 + 1e-12)


def test_fewer_negatives_are_a_prefix_of_more():
    np.testing.assert_array_equal(cosine_row(63)[:9], cosine_row(8))


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"cosines": [0.5], "tau": 1.0}, ValueError, "at least one negative"),
        ({"cosines": [0.5, 1.5], "tau": 1.0}, ValueError, "outside [-1, 1]"),
        ({"cosines": [0.5, float("nan")], "tau": 1.0}, ValueError, "NaN"),
        ({"cosines": [[0.5, 0.1]], "tau": 1.0}, ValueError, "1-D"),
        ({"cosines": "0.5, 0.1", "tau": 1.0}, TypeError, "text"),
        ({"cosines": [0.5, 0.1], "tau": 0.0}, ValueError, "temperature"),
        ({"cosines": [0.5, 0.1], "tau": -1.0}, ValueError, "temperature"),
        ({"cosines": [0.5, 0.1], "tau": "hot"}, TypeError, "temperature"),
        ({"cosines": [0.5, 0.1], "tau": 1.0, "right": 2}, ValueError, "columns 0 to 1"),
        ({"cosines": [0.5, 0.1], "tau": 1.0, "right": 0.0}, TypeError, "column index"),
        ({"cosines": [0.5, 0.1], "tau": 1.0, "right": True}, TypeError, "column index"),
        ({"cosines": [0.5, 0.1], "tau": 1.0, "dim": 0}, ValueError, "dim must"),
        ({"cosines": [0.5, 0.1], "tau": 1.0, "dim": 2.5}, ValueError, "dim must"),
        ({"cosines": [0.5, 0.1], "tau": 1.0, "dim": "16"}, TypeError, "dim must"),
    ],
)
def test_row_softmax_rejects_bad_input(kwargs, error, words):
    with pytest.raises(error) as info:
        row_softmax(**kwargs)
    assert words in str(info.value)


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "words"),
    [
        ((0,), {}, ValueError, "negatives"),
        ((2.5,), {}, ValueError, "negatives"),
        ((True,), {}, TypeError, "negatives"),
        ((3,), {"d": 1}, ValueError, "d must"),
        ((3,), {"right": 1.2}, ValueError, "[-1, 1]"),
        ((3,), {"right": float("nan")}, ValueError, "right"),
        ((3,), {"seed": -1}, ValueError, "seed"),
    ],
)
def test_cosine_row_rejects_bad_input(args, kwargs, error, words):
    with pytest.raises(error) as info:
        cosine_row(*args, **kwargs)
    assert words in str(info.value)


# ---------------------------------------------------------------- 03.01's exercises, tried wrong


def _naive(x):
    x = np.asarray(x, dtype=float)
    e = np.exp(x)
    return e / e.sum(axis=-1, keepdims=True)


def _whole_array(x):
    x = np.asarray(x, dtype=float)
    e = np.exp(x - x.max())
    return e / e.sum()


def _no_keepdims(x):
    x = np.asarray(x, dtype=float)
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1)


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (_naive, "overflows"),
        (_whole_array, "over the whole array"),
        (_no_keepdims, "keepdims"),
        (
            lambda x: np.asarray(x, float) / np.asarray(x, float).sum(axis=-1, keepdims=True),
            "without exponentiating",
        ),  # fmt: skip
        (lambda x: np.exp(np.asarray(x, float) - np.max(x, axis=-1, keepdims=True)), "sum to 1"),
    ],
)
def test_stable_softmax_mistakes_get_their_hints(answer, words):
    with np.errstate(all="ignore"):
        result = evaluate(EXERCISES["03.01-stable-softmax"], answer)
    assert result.status == "fail" and words in result.message, result.message


def test_a_softmax_written_for_arrays_only_passes():
    # The notebook says x is a numpy array: array methods (x.max, without np.asarray) and
    # float arithmetic must work on every hidden input.
    def array_only(x):
        e = np.exp(x - x.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)

    assert all(isinstance(c.args[0], np.ndarray) for c in EXERCISES["03.01-stable-softmax"].cases)
    assert evaluate(EXERCISES["03.01-stable-softmax"], array_only).passed


def test_log_softmax_is_named():
    def log_probs(x):
        x = np.asarray(x, dtype=float)
        m = x.max(axis=-1, keepdims=True)
        return x - m - np.log(np.exp(x - m).sum(axis=-1, keepdims=True))

    assert "log-softmax" in evaluate(EXERCISES["03.01-stable-softmax"], log_probs).message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (0.41, None),
        (0.4100, None),
        (-0.41, "sign"),
        (0.1781, "base 10"),
        (0.5916, "base 2"),
        (0.6904, "average probability"),
        (0.3096, "1 −"),
        (0.3705, "−ln of the average"),
        (0.8201, "sum over the rows"),
        (0.3133, "columns"),
        (-1.5, "without softmax"),
        (1.0, "e²/(e² + e⁰)"),
    ],
)
def test_predict_loss_right_and_wrong(answer, words):
    result = evaluate(EXERCISES["03.01-predict-loss"], answer)
    if words is None:
        assert result.passed, result.message
    else:
        assert result.status == "fail" and words in result.message, result.message


def test_predict_loss_value_by_hand():
    # Row 0: p = e²/(e² + 1); row 1: p = 1/2.
    want = (math.log1p(math.exp(-2)) + math.log(2)) / 2
    assert EXERCISES["03.01-predict-loss"].cases[0].expected == pytest.approx(want, rel=1e-14)


def test_what_softmax_ignores_expects_the_offset_only():
    # (c) q twice as long doubles every score q·a_j: by hand, softmax([4, 2, 0])[0] is
    # e⁴/(e⁴ + e² + 1) ≈ 0.867, not softmax([2, 1, 0])[0] = e²/(e² + e + 1) ≈ 0.665.
    doubled = math.exp(4) / (math.exp(4) + math.exp(2) + 1)
    once = math.exp(2) / (math.exp(2) + math.exp(1) + 1)
    assert abs(doubled - once) > 0.1
    assert EXERCISES["03.01-what-softmax-ignores"].cases[0].expected == (True, False, False)


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ((True, False, False), None),
        ([1, 0, 0], None),
        ((True, True, True), "only the offset"),
        ((True, True, False), "(b)"),
        ((False, True, False), "(b)"),
        ((True, False, True), "(c)"),
        ((False, False, False), "(a)"),
        ("a", "three booleans"),
        ((True, False), "three booleans"),
    ],
)
def test_what_softmax_ignores_right_and_wrong(answer, words):
    result = evaluate(EXERCISES["03.01-what-softmax-ignores"], answer)
    if words is None:
        assert result.passed, result.message
    else:
        assert result.status == "fail" and words in result.message, result.message
