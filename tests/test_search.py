"""helpers.search against brute force: Python loops and Python's own sort.

The reference for top_k is computed without numpy: every score as a sum of products in a
Python loop, then each row's answers sorted by (score high first, index low first) with
``sorted``. On integer-valued data every score is exact in float32 and float64, so
top_k must agree exactly, ties included.
"""

import math
import tracemalloc

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import search
from helpers.search import CHUNK_BYTES, chunk_rows_for, score_row, top_k

PROPS = settings(derandomize=True, database=None, max_examples=100, deadline=None)


def loop_scores(Q, A, *, normalize=False):
    """S[i][j] = sum of Q[i][t] * A[j][t], by Python loops (rows scaled to length 1 first)."""
    Q, A = np.asarray(Q, dtype=float).tolist(), np.asarray(A, dtype=float).tolist()
    if normalize:
        Q = [[x / math.sqrt(math.fsum(y * y for y in row)) for x in row] for row in Q]
        A = [[x / math.sqrt(math.fsum(y * y for y in row)) for x in row] for row in A]
    return [[math.fsum(x * y for x, y in zip(q, a, strict=True)) for a in A] for q in Q]


def brute_top_k(S, k):
    """Per row: the k answers with the highest score, a tie going to the lower index."""
    idx = [sorted(range(len(row)), key=lambda j, row=row: (-row[j], j))[:k] for row in S]
    return [[row[j] for j in ids] for row, ids in zip(S, idx, strict=True)], idx


def assert_exact(Q, A, k, **kwargs):
    s, i = top_k(Q, A, k, **kwargs)
    ref_s, ref_i = brute_top_k(loop_scores(Q, A), k)
    assert i.tolist() == ref_i
    assert s.tolist() == ref_s
    return s, i


# ---------------------------------------------------------------- exact agreement


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("chunk_rows", [None, 1, 2, 3, 4, 5, 6, 7, 11, 12, 13, 40])
def test_many_exact_ties_go_to_the_lower_index(dtype, chunk_rows):
    rng = np.random.default_rng(7)
    Q = rng.integers(-1, 2, (9, 2)).astype(dtype)  # entries -1, 0, 1: scores in {-2..2}
    A = rng.integers(-1, 2, (12, 2)).astype(dtype)
    for k in (1, 2, 4, 5, 11, 12):
        s, _ = assert_exact(Q, A, k, chunk_rows=chunk_rows)
        assert s.dtype == dtype


def test_all_scores_equal_returns_the_first_k_indices():
    Q = np.ones((3, 4), dtype=np.float32)
    A = np.ones((50, 4), dtype=np.float32)
    for chunk in (None, 1, 7, 50):
        s, i = top_k(Q, A, 6, chunk_rows=chunk)
        assert i.tolist() == [list(range(6))] * 3
        assert s.tolist() == [[4.0] * 6] * 3


def test_scores_rising_along_the_answers_refill_the_top_k_every_chunk():
    # Every chunk beats the last: the adversarial case for a running threshold.
    Q = np.ones((4, 1))
    A = np.arange(1.0, 301.0)[:, None]
    for chunk in (1, 9, 10, 11, 64):
        s, i = top_k(Q, A, 10, chunk_rows=chunk)
        assert i.tolist() == [list(range(299, 289, -1))] * 4


def test_one_row_of_ties_among_distinct_rows_takes_the_flat_sort(monkeypatch):
    # A zero question ties every answer at 0; the other questions have distinct scores.
    # Its hundreds of tied newcomers beside a few per other row go through the flat
    # (lexsort) merge instead of the padded one: check that path is exact too.
    calls = []
    lexsort = np.lexsort
    monkeypatch.setattr(np, "lexsort", lambda keys: calls.append(1) or lexsort(keys))
    rng = np.random.default_rng(2)
    Q = rng.integers(-9, 10, (50, 3)).astype(float)
    Q[7] = 0
    A = rng.integers(-9, 10, (300, 3)).astype(float)
    for k, chunk in [(2, 100), (3, 300), (1, 77)]:
        assert_exact(Q, A, k, chunk_rows=chunk)
    assert calls


@pytest.mark.parametrize("chunk_rows", [None, 1, 3, 64])
def test_k_equal_to_m_is_a_full_stable_sort(chunk_rows):
    rng = np.random.default_rng(3)
    Q, A = rng.integers(-3, 4, (5, 3)), rng.integers(-3, 4, (64, 3))
    assert_exact(Q, A, 64, chunk_rows=chunk_rows)


def test_chunk_boundaries_around_k():
    rng = np.random.default_rng(11)
    Q, A = rng.integers(-2, 3, (6, 3)), rng.integers(-2, 3, (37, 3))
    for k in (1, 5, 36, 37):
        for chunk in {1, k - 1, k, k + 1, 36, 37, 38} - {0}:
            assert_exact(Q, A, k, chunk_rows=chunk)


@PROPS
@given(
    st.integers(1, 6),
    st.integers(1, 30),
    st.integers(1, 4),
    st.data(),
    st.sampled_from([np.float32, np.float64]),
)
def test_property_top_k_equals_a_full_stable_sort(n, m, d, data, dtype):
    entries = st.integers(-3, 3)
    Q = np.array(data.draw(st.lists(st.lists(entries, min_size=d, max_size=d), min_size=n,
                                    max_size=n)), dtype=dtype)  # fmt: skip
    A = np.array(data.draw(st.lists(st.lists(entries, min_size=d, max_size=d), min_size=m,
                                    max_size=m)), dtype=dtype)  # fmt: skip
    k = data.draw(st.integers(1, m))
    chunk = data.draw(st.one_of(st.none(), st.integers(1, m + 3)))
    assert_exact(Q, A, k, chunk_rows=chunk)
    # And the documented contract, against numpy's stable argsort of the whole matrix.
    S = Q @ A.T
    _, i = top_k(Q, A, k, chunk_rows=chunk)
    np.testing.assert_array_equal(i, np.argsort(-S, axis=1, kind="stable")[:, :k])


@PROPS
@given(st.integers(1, 5), st.integers(2, 25), st.data())
def test_property_normalized_duplicates_tie_exactly(n, m, data):
    # Rows that differ by a power-of-two factor normalize to exactly the same vector, so
    # their cosines tie exactly and the lower index must come first.
    d = 3
    entries = st.integers(-3, 3).filter(lambda x: x != 0)
    base = np.array(data.draw(st.lists(st.lists(entries, min_size=d, max_size=d), min_size=m,
                                       max_size=m)), dtype=float)  # fmt: skip
    twos = 2.0 ** np.array(data.draw(st.lists(st.integers(-3, 3), min_size=m, max_size=m)))
    A = np.concatenate([base, base * twos[:, None]])  # answer j and j + m point the same way
    Q = np.array(data.draw(st.lists(st.lists(entries, min_size=d, max_size=d), min_size=n,
                                    max_size=n)), dtype=float)  # fmt: skip
    k = data.draw(st.integers(1, 2 * m))
    chunk = data.draw(st.one_of(st.none(), st.integers(1, 2 * m)))
    s, i = top_k(Q, A, k, normalize=True, chunk_rows=chunk)
    ref_s, _ = brute_top_k(loop_scores(Q, A, normalize=True), k)
    np.testing.assert_allclose(s, ref_s, atol=1e-12)
    C = (Q / np.linalg.norm(Q, axis=1, keepdims=True)) @ (
        A / np.linalg.norm(A, axis=1, keepdims=True)
    ).T
    for row, ids in zip(C, i, strict=True):
        for a, b in zip(ids[:-1], ids[1:], strict=True):
            assert row[a] > row[b] or (row[a] == row[b] and a < b)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_random_floats_agree_with_the_full_matrix(dtype):
    rng = np.random.default_rng(5)
    Q = rng.standard_normal((12, 16)).astype(dtype)
    A = rng.standard_normal((1500, 16)).astype(dtype)
    S = np.asarray(loop_scores(Q, A))
    for normalize in (False, True):
        ref = np.asarray(loop_scores(Q, A, normalize=True)) if normalize else S
        for chunk in (None, 1, 97, 1499):
            s, i = top_k(Q, A, 7, normalize=normalize, chunk_rows=chunk)
            tol = 1e-5 if dtype == np.float32 else 1e-12
            np.testing.assert_allclose(s, -np.sort(-ref, axis=1)[:, :7], atol=tol)
            np.testing.assert_allclose(np.take_along_axis(ref, i, axis=1), s, atol=tol)
            assert (np.diff(s, axis=1) <= 0).all()


def test_questions_are_split_into_blocks_when_there_are_very_many():
    n, d = 13_000, 2
    assert search._query_block(n, d, 4) < n  # the blocked path is the one exercised
    rng = np.random.default_rng(9)
    Q = rng.integers(-2, 3, (n, d)).astype(np.float32)
    A = rng.integers(-2, 3, (40, d)).astype(np.float32)
    s, i = top_k(Q, A, 3)
    S = Q.astype(np.int64) @ A.T.astype(np.int64)  # exact integers, independent of floats
    np.testing.assert_array_equal(i, np.argsort(-S, axis=1, kind="stable")[:, :3])
    np.testing.assert_array_equal(s, np.take_along_axis(S, i, axis=1))


def test_lists_and_ints_are_accepted_and_give_float64():
    s, i = top_k([[1, 0], [0, 1]], [[2, 0], [0, 3], [1, 1]], 2)
    assert s.dtype == np.float64 and i.dtype == np.intp
    assert i.tolist() == [[0, 2], [1, 2]]
    assert s.tolist() == [[2.0, 1.0], [3.0, 1.0]]


def test_mixed_dtypes_use_the_common_one():
    s, _ = top_k(np.ones((2, 3), dtype=np.float32), np.ones((4, 3)), 1)
    assert s.dtype == np.float64
    s, _ = top_k(np.ones((2, 3), dtype=np.float16), np.ones((4, 3), dtype=np.float16), 1)
    assert s.dtype == np.float32


# ---------------------------------------------------------------- memory


def test_chunk_budget_formula():
    for n, d, dtype in [(4096, 384, np.float32), (4096, 384, np.float64), (1, 1, np.float32),
                        (100_000, 64, np.float32), (32, 100_000, np.float32)]:  # fmt: skip
        itemsize = np.dtype(dtype).itemsize
        block = search._query_block(n, d, itemsize)
        w = chunk_rows_for(n, d, dtype)
        assert w >= 1 and 1 <= block <= n
        if w > 1:
            assert block * w * (itemsize + 1) + 2 * w * d * itemsize <= CHUNK_BYTES
    assert chunk_rows_for(4096, 384) == (56 * 2**20) // (4096 * 5 + 2 * 384 * 4)


def test_memory_stays_within_the_budget_whatever_m():
    rng = np.random.default_rng(1)
    Q = rng.standard_normal((512, 8), dtype=np.float32)
    A = rng.standard_normal((60_000, 8), dtype=np.float32)
    full = Q.shape[0] * A.shape[0] * 4  # what the whole score matrix would take
    for normalize in (False, True):
        tracemalloc.start()
        base, _ = tracemalloc.get_traced_memory()
        top_k(Q, A, 10, normalize=normalize)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert peak - base <= CHUNK_BYTES < full


# ---------------------------------------------------------------- errors


def test_bad_k():
    Q, A = np.ones((2, 3)), np.ones((5, 3))
    with pytest.raises(ValueError, match=r"k is 0.*between 1 and .* m = 5"):
        top_k(Q, A, 0)
    with pytest.raises(ValueError, match=r"k is 6.*k=5 or fewer"):
        top_k(Q, A, 6)
    for bad in (2.0, True, "3", None):
        with pytest.raises(TypeError, match="k must be a whole number"):
            top_k(Q, A, bad)


def test_bad_shapes():
    with pytest.raises(ValueError, match=r"Q has d=3 columns but A has d=4"):
        top_k(np.ones((2, 3)), np.ones((5, 4)), 1)
    with pytest.raises(ValueError, match=r"Q must be a 2-D batch.*Q\[None, :\]"):
        top_k(np.ones(3), np.ones((5, 3)), 1)
    with pytest.raises(ValueError, match="A must be a 2-D batch"):
        top_k(np.ones((2, 3)), np.ones((2, 5, 3)), 1)
    with pytest.raises(ValueError, match="A is empty"):
        top_k(np.ones((2, 3)), np.ones((0, 3)), 1)


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_entries_are_named_with_their_place(bad):
    A = np.ones((5000, 3), dtype=np.float32)
    A[4321, 2] = bad
    with pytest.raises(ValueError, match=r"A contains .* the first at index \(4321, 2\)"):
        top_k(np.ones((2, 3)), A, 1, chunk_rows=1000)
    Q = np.ones((2, 3))
    Q[1, 0] = bad
    with pytest.raises(ValueError, match=r"Q contains .* the first at index \(1, 0\)"):
        top_k(Q, np.ones((4, 3)), 1)
    with pytest.raises(ValueError, match="A contains"):
        top_k(np.ones((2, 3)), [[1, 2, 3], [4, bad, 6]], 1)


def test_zero_rows_cannot_be_normalized():
    A = np.ones((3000, 2))
    A[2500] = 0
    with pytest.raises(ValueError, match=r"A row 2500 is all zeros"):
        top_k(np.ones((2, 2)), A, 1, normalize=True, chunk_rows=1000)
    Q = np.ones((3, 2))
    Q[1] = 0
    with pytest.raises(ValueError, match=r"Q row 1 is all zeros"):
        top_k(Q, np.ones((4, 2)), 1, normalize=True)
    top_k(Q, np.ones((4, 2)), 1)  # without normalizing, a zero row is just a zero score


def test_overflow_is_an_error_not_inf():
    big = np.full((2, 4), 1e38, dtype=np.float32)
    with pytest.raises(ValueError, match="overflow float32.*normalize=True"):
        top_k(big, big, 1)
    s, _ = top_k(big, big, 1, normalize=True)
    assert np.isfinite(s).all()


def test_bad_options():
    Q, A = np.ones((2, 3)), np.ones((5, 3))
    with pytest.raises(TypeError, match="normalize must be True or False"):
        top_k(Q, A, 1, normalize="yes")
    with pytest.raises(ValueError, match="chunk_rows is 0"):
        top_k(Q, A, 1, chunk_rows=0)
    with pytest.raises(TypeError, match="chunk_rows must be a whole number"):
        top_k(Q, A, 1, chunk_rows=2.5)
    with pytest.raises(TypeError, match="booleans"):
        top_k(Q, np.ones((5, 3), dtype=bool), 1)


# ---------------------------------------------------------------- FAISS, a real index


def test_faiss_flat_inner_product_index_returns_the_same_answers():
    faiss = pytest.importorskip("faiss")
    rng = np.random.default_rng(64)
    Q = rng.standard_normal((50, 64)).astype(np.float32)
    A = rng.standard_normal((1000, 64)).astype(np.float32)
    q, a = Q.copy(), A.copy()
    faiss.normalize_L2(q)
    faiss.normalize_L2(a)
    index = faiss.IndexFlatIP(64)
    index.add(a)
    f_s, f_i = index.search(q, 5)
    s, i = top_k(Q, A, 5, normalize=True)
    np.testing.assert_array_equal(i, f_i)
    np.testing.assert_allclose(s, f_s, atol=1e-6)


# ---------------------------------------------------------------- one row, for the demo

QD = [[-1, 1, 3], [1, 2, 0], [2, -1, 1], [0, 2, 1]]
AD = [[0, 1, -1], [1, 0, 3], [1, 0, 0], [3, 1, 1], [0, 2, 1]]


@pytest.mark.parametrize("question", range(4))
@pytest.mark.parametrize("scale", [0.25, 1.0, 2.5])
def test_score_row_against_loops(question, scale):
    row = score_row(QD, AD, question, scale=scale, scaled=3)
    A = [list(map(float, a)) for a in AD]
    A[3] = [scale * x for x in A[3]]
    q = QD[question]
    raw = [math.fsum(x * y for x, y in zip(q, a, strict=True)) for a in A]
    cos = [r / (math.hypot(*q) * math.hypot(*a)) for r, a in zip(raw, A, strict=True)]
    np.testing.assert_allclose(row.raw, raw, atol=1e-12)
    np.testing.assert_allclose(row.cosine, cos, atol=1e-12)
    np.testing.assert_allclose(row.lengths, [math.hypot(*a) for a in A])
    assert row.best_raw == max(range(5), key=lambda j: (raw[j], -j))
    assert row.best_cosine == max(range(5), key=lambda j: (cos[j], -j))
    assert (row.question, row.scaled, row.scale) == (question, 3, scale)


def test_stretching_an_answer_moves_raw_scores_but_not_cosines():
    short = score_row(QD, AD, 3, scale=1.0, scaled=3)
    long = score_row(QD, AD, 3, scale=2.0, scaled=3)
    np.testing.assert_allclose(long.cosine, short.cosine, atol=1e-15)
    assert long.raw[3] == 2 * short.raw[3]
    assert (short.best_raw, long.best_raw, long.best_cosine) == (4, 3, 4)


def test_score_row_errors():
    with pytest.raises(ValueError, match="question is 4.*numbered 0 to 3"):
        score_row(QD, AD, 4)
    with pytest.raises(TypeError, match="question must be a whole number"):
        score_row(QD, AD, "1")
    with pytest.raises(ValueError, match="scale is 0.0.*> 0"):
        score_row(QD, AD, 0, scale=0)
    with pytest.raises(ValueError, match="scaled is 5"):
        score_row(QD, AD, 0, scaled=5)
    with pytest.raises(ValueError, match="Q has d=3 columns but A has d=2"):
        score_row(QD, [[1, 0], [0, 1]], 0)
