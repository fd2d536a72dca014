"""Benchmarks that print numbers (run with `make bench`; never part of the tests).

1. Slider step latency of the 01.01 demo, kernel side, three ways:
   - this demo: one slider change through the widget's own observer (recompute,
     move the artists, describe them as SVG primitives, set the canvas traits);
   - one PNG per step: the same, but blitting and encoding the figure as a PNG
     (what the demo sent before the SVG overlay);
   - naive `interact`: rebuild the figure and render it as matplotlib's inline
     backend does (a new figure, a tight bounding box, a full PNG).
2. similarity_matrix against bare numpy at 4096 x 4096 x 384, float32.

scripts/bench_browser.py measures the browser side (keydown to repaint).
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable

import matplotlib

matplotlib.use("Agg")  # no display here; the inline backend renders through Agg too

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from IPython.core.pylabtools import print_figure  # noqa: E402

from helpers.angles import identity_sides  # noqa: E402
from helpers.demos.angles import angle_identity_demo  # noqa: E402
from helpers.plotting import course_style  # noqa: E402
from helpers.vectors import similarity_matrix  # noqa: E402
from helpers.views.angles import UnitCircleView  # noqa: E402

STEPS = 181  # one sweep of a slider, 2° at a time


def _times_ms(step: Callable[[int], object], n: int, warmup: int = 5) -> list[float]:
    for i in range(warmup):
        step(i)
    out = []
    for i in range(n):
        t = time.perf_counter()
        step(i)
        out.append((time.perf_counter() - t) * 1e3)
    return out


def _summary(ms: list[float]) -> str:
    p95 = statistics.quantiles(ms, n=20)[-1]
    return f"median {statistics.median(ms):6.1f} ms   p95 {p95:6.1f} ms   (n={len(ms)})"


def bench_slider() -> None:
    demo = angle_identity_demo()
    slider = demo.widget().children[1]  # θ₁

    def widget_step(i: int) -> None:
        slider.value = (2 * i) % 360

    def naive_step(i: int) -> None:
        with course_style():
            fig, ax = plt.subplots(figsize=(5.0, 5.0))
            UnitCircleView(ax, readout=False).update(
                identity_sides(math.radians(2 * i % 360), math.radians(75))
            )
            print_figure(fig, "png", bbox_inches="tight")
            plt.close(fig)

    def png_step(i: int) -> None:
        demo.step(theta1=(2 * i) % 360)
        demo.png()

    print("Slider step, kernel side (01.01 demo, θ₁ swept in 2° steps):")
    print(
        f"  this demo (artists -> SVG scene + readout): {_summary(_times_ms(widget_step, STEPS))}"
    )
    print(f"  one PNG per step (blit + encode):           {_summary(_times_ms(png_step, STEPS))}")
    print(f"  naive interact (rebuild + inline render):   {_summary(_times_ms(naive_step, STEPS))}")
    scene_kib = len(demo.widget().children[-1].scene.encode()) / 1024
    print(
        f"  sent per step: SVG scene {scene_kib:.1f} KiB, vs PNG {len(demo.png()) / 1024:.0f} KiB"
    )


def _interleaved(f: Callable[[], object], g: Callable[[], object], repeat: int = 15):
    """Median seconds of f and of g, run alternately so drifting machine load hits both."""
    f(), g()
    tf, tg = [], []
    for _ in range(repeat):
        for fn, times in ((f, tf), (g, tg)):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
    return statistics.median(tf), statistics.median(tg)


def bench_similarity() -> None:
    rng = np.random.default_rng(0)
    Q = rng.standard_normal((4096, 384), dtype=np.float32)
    A = rng.standard_normal((4096, 384), dtype=np.float32)

    def bare_cosine() -> np.ndarray:
        qn = Q / np.linalg.norm(Q, axis=1, keepdims=True)
        an = A / np.linalg.norm(A, axis=1, keepdims=True)
        return qn @ an.T

    np.testing.assert_allclose(similarity_matrix(Q, A, normalize=True), bare_cosine(), atol=1e-5)
    print("similarity_matrix, 4096 x 4096 x 384 float32 (medians of 15, interleaved):")
    for label, ours, bare in (
        ("normalize=True ", lambda: similarity_matrix(Q, A, normalize=True), bare_cosine),
        ("normalize=False", lambda: similarity_matrix(Q, A), lambda: Q @ A.T),
    ):
        t_ours, t_bare = _interleaved(ours, bare)
        print(
            f"  {label}: helpers {t_ours * 1e3:6.1f} ms   bare numpy {t_bare * 1e3:6.1f} ms"
            f"   ratio {t_ours / t_bare:.3f}"
        )


if __name__ == "__main__":
    bench_slider()
    bench_similarity()
