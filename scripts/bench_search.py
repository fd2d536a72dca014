"""Benchmark helpers.search.top_k (prints numbers; never part of the tests).

    python scripts/bench_search.py           # 4096 questions x 100,000 answers x 384, float32
    python scripts/bench_search.py --quick   # 512 x 20,000 x 384 (a few seconds)

Prints, for k = 10 (each time the best of a few interleaved runs):

1. top_k(Q, A, k) against the full-matrix approach it replaces, similarity_matrix(Q, A)
   then np.argpartition and a sort of the k kept (target: top_k <= 1.2x);
2. top_k against FAISS IndexFlatIP.search, exact inner-product search (target <= 1.5x);
3. top_k's peak extra memory (tracemalloc, outputs excluded) against its chunk budget
   helpers.search.CHUNK_BYTES, beside the full approach's;
4. similarity_matrix(Q, A) against bare numpy Q @ A.T, both building the whole matrix
   (target <= 1.05x);
5. that the three searches return the same answers.

Timings move with whatever else the machine is running: read the ratios, not the seconds.
The load average is printed before and after; on a busy machine, single-threaded numbers
are steadier: OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 python scripts/bench_search.py
"""

from __future__ import annotations

import argparse
import gc
import os
import time
import tracemalloc
from collections.abc import Callable

import numpy as np

from helpers.search import CHUNK_BYTES, chunk_rows_for, top_k
from helpers.vectors import similarity_matrix

K = 10


def full_matrix_top_k(Q: np.ndarray, A: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The whole (n, m) score matrix, then argpartition and a sort of the k kept per row."""
    S = similarity_matrix(Q, A)
    part = np.argpartition(S, S.shape[1] - k, axis=1)[:, -k:]
    part_s = np.take_along_axis(S, part, axis=1)
    order = np.argsort(-part_s, axis=1, kind="stable")
    return np.take_along_axis(part_s, order, axis=1), np.take_along_axis(part, order, axis=1)


def best_of(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    """The shortest of ``repeat`` runs of ``fn`` (seconds) and its last result."""
    best, out = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def peak_bytes(fn: Callable[[], object]) -> int:
    """Peak memory traced while ``fn`` runs, beyond what was allocated before it."""
    gc.collect()
    tracemalloc.start()
    tracemalloc.reset_peak()
    base, _ = tracemalloc.get_traced_memory()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak - base


def mib(x: float) -> str:
    return f"{x / 2**20:8.1f} MiB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="512 x 20,000 x 384 instead")
    args = parser.parse_args()
    n, m, d = (512, 20_000, 384) if args.quick else (4096, 100_000, 384)
    repeat = 3 if args.quick else 2

    rng = np.random.default_rng(203)
    Q = rng.standard_normal((n, d), dtype=np.float32)
    A = rng.standard_normal((m, d), dtype=np.float32)
    print(f"Q: {n} x {d}, A: {m} x {d}, float32, k = {K}; best of {repeat} runs each")
    print(f"load average before: {os.getloadavg()[0]:.2f} (on {os.cpu_count()} cores)\n")

    try:
        import faiss
    except ImportError:  # pragma: no cover - faiss-cpu is pinned in requirements.in
        faiss = None
        print("faiss is not installed: FAISS rows skipped (pip install faiss-cpu)\n")

    t_top, (s_top, i_top) = float("inf"), (None, None)
    t_full = t_faiss = float("inf")
    index = None
    if faiss is not None:
        t_add = time.perf_counter()
        index = faiss.IndexFlatIP(d)
        index.add(A)
        t_add = time.perf_counter() - t_add
    for _ in range(repeat):  # interleaved, so a busy moment hurts each about equally
        t, (s_top, i_top) = best_of(lambda: top_k(Q, A, K), 1)
        t_top = min(t_top, t)
        t, (s_full, i_full) = best_of(lambda: full_matrix_top_k(Q, A, K), 1)
        t_full = min(t_full, t)
        if index is not None:
            t, (s_faiss, i_faiss) = best_of(lambda: index.search(Q, K), 1)
            t_faiss = min(t_faiss, t)

    print("1-2. Time for the k best answers of every question")
    label = f"top_k (chunks of up to {chunk_rows_for(n, d):,}):"
    print(f"  {label:<38s} {t_top:7.2f} s")
    print(
        f"  similarity_matrix + argpartition:       {t_full:7.2f} s"
        f"   top_k / this = {t_top / t_full:.2f}  (target <= 1.2)"
    )
    if index is not None:
        print(
            f"  FAISS IndexFlatIP.search:               {t_faiss:7.2f} s"
            f"   top_k / this = {t_top / t_faiss:.2f}  (target <= 1.5)"
            f"   [index.add took {t_add:.2f} s, once]"
        )

    out_bytes = s_top.nbytes + i_top.nbytes
    top_peak = peak_bytes(lambda: top_k(Q, A, K)) - out_bytes
    full_peak = peak_bytes(lambda: full_matrix_top_k(Q, A, K)) - out_bytes
    print("\n3. Peak extra memory (tracemalloc; the returned arrays not counted)")
    print(f"  top_k:                                 {mib(top_peak)}   budget {mib(CHUNK_BYTES)}")
    print(f"  similarity_matrix + argpartition:      {mib(full_peak)}")
    print(f"  (the score matrix alone would be       {mib(n * m * 4)})")

    t_sim = t_np = float("inf")
    for _ in range(repeat + 3):  # allocating the big result makes these noisier
        t, _ = best_of(lambda: similarity_matrix(Q, A), 1)
        t_sim = min(t_sim, t)
        t, _ = best_of(lambda: Q @ A.T, 1)
        t_np = min(t_np, t)
    print("\n4. The whole score matrix")
    print(f"  Q @ A.T:                               {t_np:7.2f} s")
    print(
        f"  similarity_matrix(Q, A):               {t_sim:7.2f} s"
        f"   ratio = {t_sim / t_np:.3f}  (target <= 1.05)"
    )

    print("\n5. Same answers?")
    print(f"  top_k vs full matrix, indices equal:   {np.mean(i_top == i_full):.6f}")
    print(f"  top_k vs full matrix, max |score diff|: {np.abs(s_top - s_full).max():.2e}")
    if index is not None:
        print(f"  top_k vs FAISS, indices equal:         {np.mean(i_top == i_faiss):.6f}")
        print(f"  top_k vs FAISS, max |score diff|:      {np.abs(s_top - s_faiss).max():.2e}")
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
