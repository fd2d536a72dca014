"""02.03 demo: one row of S = Q Aᵀ as bars, raw and cosine, with one answer stretched."""

import math
import re

import numpy as np
import pytest
from readouts import check_headless

from helpers.demos.batch import score_row_demo
from helpers.plotting import new_figure
from helpers.views.batch import score_heatmap

TITLE = "One row of S: raw scores and cosines"
# The demo's data, typed again here so the check does not reuse the demo's own arrays.
Q = [[-1, 1, 3], [1, 2, 0], [2, -1, 1], [0, 2, 1]]
A = [[0, 1, -1], [1, 0, 3], [1, 0, 0], [3, 1, 1], [0, 2, 1]]
STRETCHED = 3


def _numbers(readout: str, label: str) -> list[float]:
    """The signed numbers that follow ``label`` on its line of the readout."""
    m = re.search(re.escape(label) + r"\s+((?:[−+-]?\d+\.\d+\s*)+)", readout)
    assert m, f"no {label!r} in readout: {readout!r}"
    return [float(x.replace("−", "-")) for x in m.group(1).split()]


def _expected(i: int, scale: float) -> tuple[list[float], list[float]]:
    answers = [[scale * x for x in a] if j == STRETCHED else a for j, a in enumerate(A)]
    q = Q[i]
    raw = [math.fsum(x * y for x, y in zip(q, a, strict=True)) for a in answers]
    cos = [r / (math.hypot(*q) * math.hypot(*a)) for r, a in zip(raw, answers, strict=True)]
    return raw, cos


def check_readout(sliders: dict[str, str], readout: str) -> None:
    i = int(sliders["question i (a row of S)"])
    scale = float(sliders[f"length of a{STRETCHED} ×"])
    raw, cos = _expected(i, scale)
    assert f"q{i} = [{', '.join(str(x).replace('-', '−') for x in Q[i])}]" in readout
    assert _numbers(readout, "raw q·a0 … q·a4") == pytest.approx(raw, abs=6e-3)
    assert _numbers(readout, "cosines") == pytest.approx(cos, abs=6e-4)
    best_raw = max(range(len(A)), key=lambda j: (raw[j], -j))  # a tie: the lower index
    best_cos = max(range(len(A)), key=lambda j: (cos[j], -j))
    assert re.search(rf"best by raw score\s+a{best_raw}\s", readout), readout
    assert re.search(rf"best by cosine\s+a{best_cos}\s", readout), readout
    length = scale * math.hypot(*A[STRETCHED])
    assert f"× {scale:.2f}, length {length:.3f}" in readout


READOUT_CHECKS = {TITLE: check_readout}


def test_readout_check_passes_on_the_demo_itself():
    demo = score_row_demo()
    assert demo.title == TITLE
    settings = [{"question": i, "scale": s} for i in range(4) for s in (0.25, 1.0, 1.75, 3.0)]
    check_headless(demo, check_readout, settings)


def test_stretching_the_answer_grows_its_raw_bar_and_leaves_the_cosines():
    demo = score_row_demo(question=3, scale=1.0)
    raw_bars = demo.view.panels[0][1]
    cos_bars = demo.view.panels[1][1]
    before_raw = [b.get_height() for b in raw_bars]
    before_cos = [b.get_height() for b in cos_bars]
    before_scene = demo.scene()
    demo.set(scale=2.0)
    after_raw = [b.get_height() for b in raw_bars]
    assert after_raw[STRETCHED] == pytest.approx(2 * before_raw[STRETCHED])
    assert [h for j, h in enumerate(after_raw) if j != STRETCHED] == [
        h for j, h in enumerate(before_raw) if j != STRETCHED
    ]
    assert [b.get_height() for b in cos_bars] == pytest.approx(before_cos, abs=1e-15)
    assert demo.scene() != before_scene
    # q3 = [0, 2, 1]: raw 3 for a3 < 5 for a4 at length x1, but 6 > 5 at x2; a4 = q3 wins
    # every cosine (1.0).
    assert (demo.result.best_raw, demo.result.best_cosine) == (3, 4)
    best_bar = raw_bars[3]
    assert best_bar.get_edgecolor()[:3] == (0.0, 0.0, 0.0) and best_bar.get_linewidth() > 2
    assert raw_bars[4].get_linewidth() < 2
    assert demo.view.panels[0][3].get_position()[0] == 3  # the "best" label moved to a3


def test_changing_the_question_moves_every_bar():
    demo = score_row_demo(question=0)
    heights = [b.get_height() for _, bars, *_ in demo.view.panels for b in bars]
    demo.set(question=2)
    moved = [b.get_height() for _, bars, *_ in demo.view.panels for b in bars]
    raw, cos = _expected(2, 1.0)
    assert moved == pytest.approx(raw + cos)
    assert moved != heights


def test_every_raw_bar_stays_inside_the_fixed_axes():
    demo = score_row_demo()
    lo, hi = demo.view.raw_ax.get_ylim()
    for s in demo.sliders[1].grid():
        for i in range(4):
            raw, _ = _expected(i, s)
            assert lo < min(raw) and max(raw) < hi
    assert np.allclose(demo.view.cos_ax.get_ylim(), (-1.15, 1.3))


def test_demo_is_listed_for_the_gallery():
    from helpers.demos import course_demos

    assert score_row_demo in course_demos()
    assert score_row_demo().notebook == "02.03"


def test_the_raw_panel_title_says_when_the_answer_is_stretched():
    demo = score_row_demo(question=3, scale=1.0)
    title = demo.view.raw_title
    assert title in demo.view.artists
    assert title.get_text() == "raw score q·aⱼ"
    demo.set(scale=2.0)
    assert title.get_text().endswith("(a₃ stretched × 2.00)")
    demo.set(scale=1.0)
    assert "stretched" not in title.get_text()


def test_heatmap_draws_one_colour_bar_per_table_when_asked():
    S = np.array([[-2.0, 8.0], [1.0, 3.0]])
    fig = new_figure(ncols=2)
    score_heatmap(S, fig.axes[0])
    assert len(fig.axes) == 2  # no colour bar unless asked
    score_heatmap(S, fig.axes[1], colorbar="raw score")
    assert len(fig.axes) == 3
    bar = fig.axes[2]
    assert bar.get_xlabel() == "raw score"
    assert bar.get_xlim() == pytest.approx((-8.0, 8.0))  # centred on 0, ±max|S|
