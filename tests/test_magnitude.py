"""helpers.magnitude against explicit loops, closed forms and brute-force scans."""

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from helpers.magnitude import (
    best_first,
    rankings,
    stretch,
    top_hits,
    winning_scale_threshold,
    winning_threshold,
)

PROPS = settings(derandomize=True, max_examples=150, database=None, deadline=None)
coords = st.floats(min_value=-5.0, max_value=5.0, allow_nan=False)


def _fdot(u, v):
    return math.fsum(float(x) * float(y) for x, y in zip(u, v, strict=True))


def _order(scores):
    """Best first by a plain loop: repeatedly take the largest, the lowest index on ties."""
    left, out = list(range(len(scores))), []
    while left:
        best = left[0]
        for i in left[1:]:
            if scores[i] > scores[best]:
                best = i
        out.append(best)
        left.remove(best)
    return tuple(out)


def _gaps_ok(scores, tol=1e-9):
    s = sorted(scores)
    return all(b - a > tol for a, b in zip(s, s[1:], strict=False))


@st.composite
def query_and_candidates(draw):
    d = draw(st.integers(2, 5))
    m = draw(st.integers(1, 6))
    q = draw(st.lists(coords, min_size=d, max_size=d))
    cands = draw(st.lists(st.lists(coords, min_size=d, max_size=d), min_size=m, max_size=m))
    assume(math.sqrt(_fdot(q, q)) > 1e-2)
    assume(all(math.sqrt(_fdot(c, c)) > 1e-2 for c in cands))
    return q, cands


@PROPS
@given(query_and_candidates())
def test_rankings_match_loops(data):
    q, cands = data
    r = rankings(q, cands)
    dots = [_fdot(q, c) for c in cands]
    lengths = [math.sqrt(_fdot(c, c)) for c in cands]
    cosines = [d / (math.sqrt(_fdot(q, q)) * n) for d, n in zip(dots, lengths, strict=True)]
    np.testing.assert_allclose(r.dots, dots, atol=1e-12)
    np.testing.assert_allclose(r.lengths, lengths, rtol=1e-12)
    np.testing.assert_allclose(r.cosines, cosines, atol=1e-12)
    if _gaps_ok(dots):
        assert r.by_dot == _order(dots)
    if _gaps_ok(cosines):
        assert r.by_cosine == _order(cosines)
    assert r.agree == (r.by_dot == r.by_cosine)


def test_ties_go_to_the_lower_index():
    # [1, 0] and [2, 0] have cosine exactly 1 with q = [1, 0]; two copies tie exactly.
    r = rankings([1.0, 0.0], [[0.0, 1.0], [2.0, 0.0], [1.0, 0.0], [2.0, 0.0]])
    assert r.by_cosine == (1, 2, 3, 0)
    assert r.by_dot == (1, 3, 2, 0)
    assert best_first([3, 1, 3, 2, 1]) == (0, 2, 3, 1, 4)


def test_forum_example():
    a, b = [0.2, 0.99], [0.9, 0.99]
    r = rankings(a, [a, b])
    assert r.dots.tolist() == pytest.approx([1.0201, 1.1601])
    assert r.by_dot == (1, 0)  # b beats a itself under the dot product
    assert r.by_cosine == (0, 1)  # but a is closest to itself in direction
    assert r.cosines[1] == pytest.approx(1.1601 / math.sqrt(1.0201 * 1.7901))
    assert not r.agree


def _brute_threshold(q, r, x, grid):
    """The first grid scale from which every larger grid scale wins (inf if the last loses)."""
    qr, qx = _fdot(q, r), _fdot(q, x)
    wins = [s * qx > qr for s in grid]
    if not (wins[-1] and 1e12 * qx > qr):  # the largest scales must win too
        return math.inf
    k = len(grid) - 1
    while k > 0 and wins[k - 1]:
        k -= 1
    return grid[k]


GRID = [round(0.01 * k, 2) for k in range(1, 2001)]  # 0.01 … 20


@PROPS
@given(
    st.lists(coords, min_size=3, max_size=3),
    st.lists(coords, min_size=3, max_size=3),
    st.lists(coords, min_size=3, max_size=3),
)
def test_winning_scale_threshold_against_a_scan(q, r, x):
    assume(math.sqrt(_fdot(q, q)) > 1e-2)
    qr, qx = _fdot(q, r), _fdot(q, x)
    assume(abs(qx) > 1e-6)
    t = winning_scale_threshold(q, r, x)
    # Keep clear of grid points where rounding could decide a tie.
    assume(all(abs(s * qx - qr) > 1e-9 for s in GRID))
    brute = _brute_threshold(q, r, x, GRID)
    if math.isinf(t):
        assert math.isinf(brute)
    elif t > GRID[-1]:
        assert math.isinf(brute)
    else:
        assert t - 1e-9 <= brute <= t + 0.01 + 1e-9
        if t > GRID[0]:
            below = max(s for s in GRID if s < t)
            assert below * qx <= qr  # just below the threshold x has not won yet


@pytest.mark.parametrize(
    ("q", "r", "x", "expected"),
    [
        ([1, 0], [2, 1], [1, 5], 2.0),  # q·r = 2, q·x = 1
        ([1, 1], [2, 1], [-1, 3], 1.5),  # exercise 2's numbers
        ([1, 0], [2, 1], [0, 5], math.inf),  # x at a right angle to q: q·x = 0
        ([1, 0], [2, 1], [-1, 5], math.inf),  # q·x < 0: growing x only lowers q·x
        ([1, 0], [-2, 1], [1, 5], 0.0),  # q·r < 0 < q·x: x wins at every scale
        ([1, 0], [-2, 1], [0, 5], 0.0),  # q·x = 0 > q·r: a tie at 0 still beats q·r
        ([1, 0], [-2, 1], [-1, 5], math.inf),  # both negative: small x wins, large x loses
    ],
)
def test_winning_scale_threshold_cases(q, r, x, expected):
    assert winning_scale_threshold(q, r, x) == expected


def test_at_the_threshold_the_scores_tie_and_the_off_topic_answer_has_not_won_yet():
    q, r, x = [1.0, 0.0], [2.0, 1.0], [1.0, 5.0]  # q·r = 2, q·x = 1: s* = 2 by hand
    t = winning_scale_threshold(q, r, x)
    at = stretch(q, [r, x], index=1, scale=t).rankings
    assert at.dots[0] == at.dots[1] == 2.0  # a tie: s* is where winning starts, not a win
    assert at.by_dot == (0, 1)  # ties go to the lower index, so r stays first
    assert stretch(q, [r, x], index=1, scale=2.01).rankings.by_dot == (1, 0)


def test_winning_scale_threshold_in_384_dimensions_by_the_length_angle_formula():
    rng = np.random.default_rng(2011)
    q, r, x = (rng.standard_normal(384) for _ in range(3))
    x = x if _fdot(q, x) > 0 else -x
    r = r if _fdot(q, r) > 0 else -r
    cos_r = _fdot(q, r) / math.sqrt(_fdot(q, q) * _fdot(r, r))
    cos_x = _fdot(q, x) / math.sqrt(_fdot(q, q) * _fdot(x, x))
    expected = math.sqrt(_fdot(r, r)) * cos_r / (math.sqrt(_fdot(x, x)) * cos_x)
    t = winning_scale_threshold(q, r, x)
    assert t == pytest.approx(expected, rel=1e-10)
    above, below = stretch(q, [r, x], 1, t * 1.001), stretch(q, [r, x], 1, t * 0.999)
    assert above.rankings.by_dot == (1, 0) and below.rankings.by_dot == (0, 1)
    assert above.rankings.by_cosine == below.rankings.by_cosine


@settings(derandomize=True, max_examples=60, database=None, deadline=None)
@given(query_and_candidates(), st.floats(0.01, 100.0), st.integers(0, 5))
def test_stretching_never_changes_the_cosines(data, scale, index):
    q, cands = data
    index %= len(cands)
    before, after = rankings(q, cands), stretch(q, cands, index, scale)
    np.testing.assert_allclose(after.rankings.cosines, before.cosines, atol=1e-12)
    expected = [list(c) for c in cands]
    expected[index] = [scale * v for v in cands[index]]
    np.testing.assert_allclose(after.rankings.candidates, expected, rtol=1e-15)
    assert after.rankings.dots[index] == pytest.approx(scale * before.dots[index], abs=1e-9)
    for j, t in enumerate(after.overtakes):
        if j == index:
            assert math.isnan(t)
        else:
            assert t == pytest.approx(winning_scale_threshold(q, cands[j], cands[index]))


def test_stretch_flips_the_dot_ranking_just_above_the_threshold():
    q, a, c = [1.0, 0.0], [1.5, 0.25], [0.5, 0.6]
    t = winning_scale_threshold(q, a, c)
    assert t == pytest.approx(1.5 / 0.5)
    just_below, just_above = stretch(q, [a, c], 1, t - 1e-6), stretch(q, [a, c], 1, t + 1e-6)
    assert just_below.rankings.by_dot == (0, 1) and just_above.rankings.by_dot == (1, 0)
    assert just_below.rankings.by_cosine == just_above.rankings.by_cosine == (0, 1)
    assert stretch(q, [a, c], -1, 2.0).index == 1  # negative index counts from the end


def test_top_hits_match_a_loop():
    rng = np.random.default_rng(5)
    queries, answers = rng.standard_normal((30, 6)), rng.standard_normal((12, 6))
    answers[:3] *= 3
    by_dot, by_cos = top_hits(queries, answers)
    for k, q in enumerate(queries):
        dots = [_fdot(q, a) for a in answers]
        cosines = [
            d / math.sqrt(_fdot(q, q) * _fdot(a, a)) for d, a in zip(dots, answers, strict=True)
        ]
        assert by_dot[k] == max(range(len(dots)), key=lambda i: dots[i])
        assert by_cos[k] == max(range(len(cosines)), key=lambda i: cosines[i])


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: rankings([0, 0], [[1, 0]]), ValueError, "q is the zero vector"),
        (lambda: rankings([1, 0], [[1, 0], [0, 0]]), ValueError, "candidates row 1 is the zero"),
        (lambda: rankings([1, 0], [1, 0]), ValueError, "candidates must be a 2-D batch"),
        (lambda: rankings([1, 0, 0], [[1, 0]]), ValueError, "candidates has 2 entries per"),
        (lambda: rankings([1, np.nan], [[1, 0]]), ValueError, "q contains 1 NaN"),
        (lambda: rankings("ab", [[1, 0]]), TypeError, "q is text"),
        (lambda: winning_scale_threshold([0, 0], [1, 0], [0, 1]), ValueError, "q is the zero"),
        (
            lambda: winning_scale_threshold([1, 0], [1, 0, 0], [0, 1]),
            ValueError,
            "relevant has 3",
        ),
        (lambda: winning_scale_threshold([1, 0], [1, 0], [np.inf, 1]), ValueError, "off_topic"),
        (lambda: stretch([1, 0], [[1, 0]], 0, 0.0), ValueError, "scale must be > 0"),
        (lambda: stretch([1, 0], [[1, 0]], 0, -2), ValueError, "scale must be > 0"),
        (lambda: stretch([1, 0], [[1, 0]], 1, 2.0), ValueError, "index is 1, but there are only"),
        (lambda: stretch([1, 0], [[1, 0]], True, 2.0), TypeError, "index must be a row number"),
        (lambda: stretch([1, 0], [[1, 0]], 0.5, 2.0), TypeError, "index must be a row number"),
        (lambda: stretch([1, 0], [[1, 0]], 0, [2.0]), ValueError, "scale must be a single"),
        (lambda: winning_threshold(1.0, math.nan), ValueError, "scores must be finite"),
        (lambda: best_first([]), ValueError, "scores is empty"),
        (lambda: top_hits([1, 0], [[1, 0]]), ValueError, "queries must be a 2-D batch"),
    ],
)
def test_bad_input_names_the_argument(call, error, message):
    with pytest.raises(error, match=message):
        call()


# ---------------------------------------------------------------- 02.01's exercises


def test_cosine_not_self_mistakes_get_hints():
    from helpers.checks import evaluate
    from helpers.exercises import EXERCISES

    ex = EXERCISES["02.01-cosine-not-self"]
    assert evaluate(ex, 9 / math.sqrt(5) / math.sqrt(18)).passed
    assert evaluate(ex, 0.949).passed and evaluate(ex, 0.9487).passed  # typed by hand
    assert not evaluate(ex, 0.95).passed
    assert "9 is a·b" in evaluate(ex, 9).message
    assert "a·b / a·a" in evaluate(ex, 1.8).message
    assert "shadow on a" in evaluate(ex, 9 / math.sqrt(5)).message
    assert "|b|²" in evaluate(ex, 0.5).message
    assert "squared lengths" in evaluate(ex, 0.1).message
    assert "never above 1" in evaluate(ex, 1.3).message


def test_winning_scale_mistakes_get_hints():
    from helpers.checks import evaluate
    from helpers.exercises import EXERCISES

    ex = EXERCISES["02.01-winning-scale"]
    # q·r = 1·2 + 1·1 = 3 and q·x = 1·(−1) + 1·3 = 2, by hand.
    assert evaluate(ex, 3 / 2).passed
    assert "Upside down" in evaluate(ex, 2 / 3).message
    cos_r, cos_x = 3 / math.sqrt(2 * 5), 2 / math.sqrt(2 * 10)
    assert "ratio of the cosines" in evaluate(ex, cos_r / cos_x).message
    assert "ratio of the lengths" in evaluate(ex, math.sqrt(5 / 10)).message
    assert "q·x = 2 is positive" in evaluate(ex, math.inf).message


def test_rank_by_cosine_mistakes_get_hints():
    from helpers.checks import evaluate
    from helpers.exercises import EXERCISES

    ex = EXERCISES["02.01-rank-by-cosine"]

    def by_dot(q, cands):
        return np.argsort(-(np.asarray(cands) @ np.asarray(q)), kind="stable")

    def cosines(q, cands):
        c, q = np.asarray(cands, dtype=float), np.asarray(q, dtype=float)
        return c @ q / (np.linalg.norm(c, axis=1) * np.linalg.norm(q))

    assert "raw dot product" in evaluate(ex, by_dot).message
    assert "Worst first" in evaluate(ex, lambda q, c: np.argsort(cosines(q, c))).message
    assert "cosines themselves" in evaluate(ex, cosines).message
    assert evaluate(ex, lambda q, c: list(np.argsort(-cosines(q, c)))).passed
    # Every hidden case tells the two rankings apart, so ranking by q·c never passes by luck.
    for case in ex.cases:
        assert list(by_dot(*case.args)) != list(case.expected)
