"""A similarity matrix row by row, and the best k answers per question (numpy only).

Model functions for notebook 02.03:

* :func:`score_row` is one row of the score matrix, raw (``q·a_j``) and normalized
  (``q̂·â_j``), with one answer stretched, for the live demo;
* :func:`top_k` finds the ``k`` best answers for every question without ever holding the
  whole ``(n, m)`` score matrix: it walks the answers in chunks of rows and keeps a running
  top-k per question, as sentence-transformers' ``util.semantic_search`` does, and returns
  ``(scores, indices)`` best first, as FAISS's ``index.search`` does.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .vectors import _as_array, _check_flag, _non_finite_message, _unit, norm

__all__ = [
    "CHUNK_BYTES",
    "ScoreRow",
    "chunk_rows_for",
    "score_row",
    "top_k",
]

# Memory budget of top_k for what it allocates while it walks A: the block of scores and
# its boolean "may enter the top k" mask, two copies of one chunk of A (cast to the common
# dtype, normalized) and, in the last eighth, np.partition's and the merge's temporaries.
# The merge's grow with the size of the result, n × k (at most about 180 bytes per entry,
# so within the eighth while n·k is under about 45,000), never with the number of answers.
CHUNK_BYTES = 64 * 2**20
MIN_CHUNK_ROWS = 1024  # below this many answers per chunk, queries are split into blocks too
FIRST_CHUNK_ROWS = 256  # the first chunk's width (at least 4 k); the next ones double


# ---------------------------------------------------------------- one row, for the demo


@dataclass(frozen=True)
class ScoreRow:
    """Row ``question`` of the score matrix, raw and normalized, with one answer stretched."""

    question: int  # i, the row of Q
    scaled: int  # the answer whose length is multiplied by ``scale``
    scale: float
    q: np.ndarray  # Q[i]
    answers: np.ndarray  # A with row ``scaled`` multiplied by ``scale``
    lengths: np.ndarray  # |a_j| of those answers
    raw: np.ndarray  # q·a_j for every j
    cosine: np.ndarray  # q̂·â_j for every j (does not depend on ``scale``)
    best_raw: int  # argmax of raw (a tie goes to the lower index)
    best_cosine: int  # argmax of cosine


def _index(value: object, name: str, size: int, what: str) -> int:
    if isinstance(value, bool | np.bool_) or not isinstance(value, int | np.integer | float):
        raise TypeError(f"{name} must be a whole number, got {value!r}; pass e.g. {name}=0.")
    if value != int(value) or not 0 <= int(value) < size:
        raise ValueError(
            f"{name} is {value!r}, but {what} are numbered 0 to {size - 1}; pick one of those."
        )
    return int(value)


def score_row(
    Q: npt.ArrayLike, A: npt.ArrayLike, question: int, *, scale: float = 1.0, scaled: int = 0
) -> ScoreRow:
    """Scores of question ``Q[question]`` against every answer, after ``A[scaled] *= scale``."""
    q_all = _as_array(Q, "Q", ndim=(2,))
    a = _as_array(A, "A", ndim=(2,))
    if q_all.shape[1] != a.shape[1]:
        raise ValueError(
            f"Q has d={q_all.shape[1]} columns but A has d={a.shape[1]}; both batches need "
            "the same embedding dimension."
        )
    i = _index(question, "question", q_all.shape[0], f"the {q_all.shape[0]} questions")
    s = _index(scaled, "scaled", a.shape[0], f"the {a.shape[0]} answers")
    factor = float(_as_array(scale, "scale", ndim=(0,)))
    if factor <= 0:
        raise ValueError(
            f"scale is {factor}, but a length factor must be > 0 (0 would leave a zero "
            "answer with no direction); pass e.g. scale=0.5 or scale=2."
        )
    answers = a.astype(np.result_type(a, q_all), copy=True)
    answers[s] *= factor
    q = q_all[i].astype(answers.dtype)
    raw = answers @ q
    cosine = _unit(answers, "A", "its cosine similarity") @ _unit(q, "Q[question]", "its cosine")
    return ScoreRow(
        question=i,
        scaled=s,
        scale=factor,
        q=q,
        answers=answers,
        lengths=np.asarray(norm(answers)),
        raw=raw,
        cosine=cosine,
        best_raw=int(np.argmax(raw)),
        best_cosine=int(np.argmax(cosine)),
    )


# ---------------------------------------------------------------- top k over a corpus


def chunk_rows_for(n: int, d: int, dtype: npt.DTypeLike = np.float32) -> int:
    """How many answers top_k scores at once for ``n`` questions of dimension ``d``.

    The widest chunk for which an ``(n, chunk)`` block of scores, its boolean mask and two
    ``(chunk, d)`` copies of the answers fit in 7/8 of :data:`CHUNK_BYTES`. When ``n`` is
    so large that fewer than ``MIN_CHUNK_ROWS`` answers would fit, top_k also splits the
    questions into blocks; the value returned is then for one block.
    """
    itemsize = np.dtype(dtype).itemsize
    return _chunk_width(_query_block(n, d, itemsize), d, itemsize)


_ROOM = CHUNK_BYTES - CHUNK_BYTES // 8  # the rest is for partition and merge temporaries


def _chunk_width(block: int, d: int, itemsize: int) -> int:
    return max(1, _ROOM // (block * (itemsize + 1) + 2 * d * itemsize))


def _query_block(n: int, d: int, itemsize: int) -> int:
    room = _ROOM - 2 * MIN_CHUNK_ROWS * d * itemsize
    return int(min(n, max(1, room // (MIN_CHUNK_ROWS * (itemsize + 1)))))


def _positive_int(value: object, name: str, example: str) -> int:
    if isinstance(value, bool | np.bool_) or not isinstance(value, int | np.integer):
        raise TypeError(
            f"{name} must be a whole number, got {value!r} ({type(value).__name__}); "
            f"pass e.g. {example}."
        )
    return int(value)


def _check_answers(a: np.ndarray, normalize: bool, step: int) -> None:
    """Finite entries (and nonzero rows, to normalize) in A, checked a block of rows at a time.

    The same checks as ``helpers.vectors``, without a temporary as large as A; on failure the
    full-array check from ``helpers.vectors`` runs to word the error.
    """
    for start in range(0, a.shape[0], step):
        block = a[start : start + step]
        if not np.isfinite(block).all():
            raise ValueError(_non_finite_message(a, np.isfinite(a), "A"))
        if normalize and not block.any(axis=1).all():
            _unit(a, "A", "its cosine similarity")  # raises, naming the first zero row


def top_k(
    Q: npt.ArrayLike,
    A: npt.ArrayLike,
    k: int,
    *,
    normalize: bool = False,
    chunk_rows: int | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` best answers (rows of A) for every question (row of Q), best first.

    Returns ``(scores, indices)``, each of shape ``(n, k)``: ``indices[i]`` is exactly
    ``np.argsort(-S[i], kind="stable")[:k]`` for the score matrix ``S = Q @ A.T`` (rows
    normalized first with ``normalize=True``), so equal scores go to the lower index, and
    ``scores[i]`` are those entries of S. Like FAISS's ``index.search(Q, k)``.

    S is never built. A is walked in chunks of at most ``chunk_rows`` answers (by default
    as many as fit in :data:`CHUNK_BYTES` = 64 MiB together with their mask, see
    :func:`chunk_rows_for`; the first chunks are narrower, then double), and each question
    keeps its best k so far: an answer of a later chunk can only enter if it scores
    strictly more than the current k-th best (a tie goes to the earlier, lower index).
    So the memory used does not grow with the number of answers m.
    """
    _check_flag(normalize, "normalize")
    q = _as_array(Q, "Q", ndim=(2,))
    if isinstance(A, np.ndarray) and A.ndim == 2 and A.size and A.dtype.kind == "f":
        a = A if A.dtype != np.float16 else A.astype(np.float32)
        lazy = True  # finiteness checked block by block below, without a copy of A
    else:
        a = _as_array(A, "A", ndim=(2,))
        lazy = False
    n, d = q.shape
    m = a.shape[0]
    if a.shape[1] != d:
        raise ValueError(
            f"Q has d={d} columns but A has d={a.shape[1]}; both batches need the same "
            f"embedding dimension (Q has shape {q.shape}, A has shape {a.shape})."
        )
    k = _positive_int(k, "k", "k=10")
    if not 1 <= k <= m:
        raise ValueError(
            f"k is {k}, but it must be between 1 and the number of answers m = {m}; "
            f"pass k={min(max(k, 1), m)} or fewer."
        )
    dtype = np.result_type(q, a)
    itemsize = dtype.itemsize
    if chunk_rows is None:
        block = _query_block(n, d, itemsize)
        width = _chunk_width(block, d, itemsize)
    else:
        width = _positive_int(chunk_rows, "chunk_rows", "chunk_rows=4096")
        if width < 1:
            raise ValueError(f"chunk_rows is {width}; pass a positive number of rows.")
        block = n
    width = min(width, m)
    if lazy or normalize:
        # Rows per check: a boolean temporary of at most 1/16 of the budget.
        _check_answers(a, normalize, max(1, (CHUNK_BYTES // 16) // d))
    q = q.astype(dtype, copy=False)
    if normalize:
        q = _unit(q, "Q", "its cosine similarity")
        overflow = False
    else:
        overflow = _overflow_bound(q, a, d) > float(np.finfo(dtype).max)

    scores = np.empty((n, k), dtype=dtype)
    indices = np.empty((n, k), dtype=np.intp)
    for start in range(0, n, block):
        stop = min(start + block, n)
        scores[start:stop], indices[start:stop] = _walk(
            q[start:stop], a, k, width, normalize, dtype, overflow
        )
    return scores, indices


def _overflow_bound(q: np.ndarray, a: np.ndarray, d: int) -> float:
    """max|q| · max|a| · d without a temporary the size of A."""
    qmax = max(abs(float(q.max())), abs(float(q.min())))
    amax = max(abs(float(a.max())), abs(float(a.min())))
    return qmax * amax * d


def _walk(
    q: np.ndarray,
    a: np.ndarray,
    k: int,
    width: int,
    normalize: bool,
    dtype: np.dtype,
    overflow: bool,
) -> tuple[np.ndarray, np.ndarray]:
    """Running top-k of one block of questions over every chunk of A."""
    n, m = q.shape[0], a.shape[0]
    best_s = np.full((n, k), -np.inf, dtype=dtype)  # sorted best first; -inf = empty slot
    best_i = np.full((n, k), -1, dtype=np.intp)
    buffer = np.empty(n * width, dtype=dtype)  # the scores of one chunk, reused
    flags = np.empty(n * width, dtype=bool)  # which of them may enter the top k, reused
    # The first chunks are narrow and then double: each question's k-th best so far is
    # soon a high bar, so a chunk rarely has more than about k newcomers per question
    # and only the small first one needs cutting down by np.partition.
    start, w = 0, min(width, max(FIRST_CHUNK_ROWS, 4 * k))
    while start < m:
        chunk = a[start : start + w]
        w = chunk.shape[0]
        if normalize:
            chunk = _unit(chunk.astype(dtype, copy=False), "A", "its cosine similarity")
        else:
            chunk = chunk.astype(dtype, copy=False)
        s = buffer[: n * w].reshape(n, w)
        if overflow:
            with np.errstate(over="ignore", invalid="ignore"):
                np.matmul(q, chunk.T, out=s)
            if not np.isfinite(s).all():
                raise ValueError(
                    f"the dot products Q @ A.T overflow {dtype} (some exceed "
                    f"{np.finfo(dtype).max:.3g}); use normalize=True for cosine "
                    "similarities, or scale Q and A down first."
                )
        else:
            np.matmul(q, chunk.T, out=s)
        _merge(s, start, k, best_s, best_i, flags[: n * w].reshape(n, w))
        start, w = start + w, min(width, 2 * w)
    return best_s, best_i


def _merge(
    s: np.ndarray,
    offset: int,
    k: int,
    best_s: np.ndarray,
    best_i: np.ndarray,
    mask: np.ndarray,
) -> None:
    """Fold the block of scores ``s`` (answers ``offset`` onwards) into the running top k.

    Every index in ``s`` is higher than every index already kept, so an answer of ``s``
    enters only with a score strictly above the current k-th best. When many do (the
    first chunk, or scores rising along A), each row is first cut to its own best k by
    np.partition, keeping all of a tie at the cut. ``mask`` is scratch space of s's shape.
    """
    n, w = s.shape
    np.greater(s, best_s[:, -1:], out=mask)
    count = np.count_nonzero(mask)
    if count == 0:
        return
    if w > k and count > 2 * n * k:
        # Partition a few rows at a time, so the temporaries stay within the budget.
        rows = max(1, (CHUNK_BYTES // 16) // (w * (s.itemsize + 1)))
        for top in range(0, n, rows):
            part = s[top : top + rows]
            cut = np.partition(part, w - k, axis=1)[:, w - k : w - k + 1].copy()
            mask[top : top + rows] &= part >= cut
    flat = np.flatnonzero(mask)  # much faster than a 2-D np.nonzero
    r, c = np.divmod(flat, w)
    touched = np.unique(r)
    new_s, new_i = s[r, c], c.astype(np.intp) + offset
    per_row = np.bincount(r, minlength=n)[touched]  # newcomers of each touched row
    t, most = touched.size, int(per_row.max())
    if t * (k + most) <= 4 * (t * k + r.size):
        # Usual case, a few newcomers per row: lay each touched row out as its k kept
        # entries then its newcomers (padded with empty slots) and sort the rows.
        row = np.searchsorted(touched, r)
        col = k + np.arange(r.size) - (np.cumsum(per_row) - per_row)[row]
        pool_s = np.full((t, k + most), -np.inf, dtype=s.dtype)
        pool_i = np.full((t, k + most), -1, dtype=np.intp)
        pool_s[:, :k], pool_i[:, :k] = best_s[touched], best_i[touched]
        pool_s[row, col], pool_i[row, col] = new_s, new_i
        # Stable: equal scores keep their order in the pool, where the kept entries (lower
        # indices, already in order) come first, then the newcomers by index. Empty slots
        # (-inf) sort last, since every real score is finite.
        order = np.argsort(-pool_s, axis=1, kind="stable")[:, :k]
        best_s[touched] = np.take_along_axis(pool_s, order, axis=1)
        best_i[touched] = np.take_along_axis(pool_i, order, axis=1)
        return
    # Many newcomers in some rows (exact ties at the cut): one flat sort by row, then
    # score, high first. Stable, so ties keep the order: kept entries, then new by index.
    cand_r = np.concatenate([np.repeat(touched, k), r])
    cand_s = np.concatenate([best_s[touched].ravel(), new_s])
    cand_i = np.concatenate([best_i[touched].ravel(), new_i])
    order = np.lexsort((-cand_s, cand_r))
    starts = np.concatenate([[0], np.cumsum(per_row + k)[:-1]])
    take = order[(starts[:, None] + np.arange(k)).ravel()]
    best_s[touched] = cand_s[take].reshape(-1, k)
    best_i[touched] = cand_i[take].reshape(-1, k)
