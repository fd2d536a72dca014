"""Benchmark the 03.02 training runs (prints numbers; never part of the tests).

    python scripts/bench_training.py            # 5 timed runs per variant
    python scripts/bench_training.py --repeat 9

For each variant of notebook 03.02 (dot product; cosine at τ = 0.1; cosine with a learned
τ from 0.07; the same data, seed, Adam and 300 steps) it prints the median seconds of a few
runs, the final training loss (the mean of the last 10 steps, as in the notebook), held-out
recall@1, the mean question and answer lengths, and the final τ; then the demo's build time
(both 2-D runs and the figure), and whether two runs of every variant give identical numbers
(they must: every random draw is seeded).

Budget: each variant ≤ 5 s on 2 cores; the notebook's whole compute (three variants, the
stuck/done pair and the demo) should stay near 1.5 s, since it runs twice in the test suite.
Timings move with whatever else the machine is running; the load average is printed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable

import numpy as np

from helpers.demos.training import moving_embeddings_demo
from helpers.training import CLIP_TEMPERATURE, Run, make_pairs, train

VARIANTS: dict[str, dict[str, object]] = {
    "dot product, τ = 1": {"similarity": "dot"},
    "cosine, τ = 0.1": {"similarity": "cosine", "temperature": 0.1},
    "cosine, learned τ": {
        "similarity": "cosine",
        "temperature": CLIP_TEMPERATURE,
        "learn_temperature": True,
    },
}
STEPS, LR = 300, 0.005  # as in the notebook


def timed(fn: Callable[[], object], repeat: int) -> tuple[list[float], object]:
    """Seconds of ``repeat`` runs of ``fn`` and the last result."""
    times, out = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return times, out


def same(a: Run, b: Run) -> bool:
    """Every recorded number and the final weights identical, bit for bit."""
    arrays = ("loss", "temperature", "slope", "recall", "q_norm", "a_norm")
    return (
        all(np.array_equal(getattr(a, f), getattr(b, f)) for f in arrays)
        and a.final_loss == b.final_loss
        and all(
            np.array_equal(x.W_q, y.W_q) and np.array_equal(x.W_a, y.W_a)
            for x, y in zip(a.snapshots, b.snapshots, strict=True)
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per variant")
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    pairs = make_pairs()  # 512 training pairs, 128 held out, as in the notebook
    print(
        f"03.02 training, {STEPS} steps of N = 32, Adam lr {LR}; "
        f"median of {args.repeat} runs per variant"
    )
    header = "seconds  final loss  recall@1  mean |q|  mean |a|  final τ  deterministic"
    print(f"{'':20s} {header}")
    total = 0.0
    for name, kwargs in VARIANTS.items():

        def run(kwargs: dict[str, object] = kwargs) -> Run:
            return train(pairs, steps=STEPS, lr=LR, **kwargs)

        times, result = timed(run, args.repeat)
        again = run()
        seconds = statistics.median(times)
        total += seconds
        print(
            f"{name:20s} {seconds:7.3f}  {result.final_loss:10.3f}  {result.final_recall:8.3f}"
            f"  {result.q_norm[-1]:8.2f}  {result.a_norm[-1]:8.2f}  {result.final_temperature:7.4f}"
            f"  {'yes' if same(result, again) else 'NO'}"
        )
    times, _ = timed(moving_embeddings_demo, args.repeat)
    demo_seconds = statistics.median(times)
    print(f"demo build (two 2-D runs of {STEPS} steps and the figure): {demo_seconds:.3f} s")
    print(f"three variants + demo: {total + demo_seconds:.3f} s (notebook budget about 1.5 s)")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
