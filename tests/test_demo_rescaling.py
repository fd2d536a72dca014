"""04.04 demo: D = diag(1, d₂, d₃) rescales the embeddings; scores stay, item 4's cosines move.

The readout check recomputes everything from the ratings matrix alone: scipy's SVD for
the factors, plain loops for cosines and pair counts, scipy.stats.kendalltau for τ.
"""

import itertools
import math
import re

import numpy as np
import pytest
import scipy.linalg
import scipy.stats
from readouts import as_text, check_headless, shown_sliders

from helpers.demos.rescaling import QUERY, X, rescaling_demo
from helpers.plotting import new_figure
from helpers.views.rescaling import RescalingView, tau_map

TITLE = "Rescale D: same scores, different neighbours"
NUMBER = r"([−+-]?\d+\.\d+)"


def _factors() -> tuple[np.ndarray, np.ndarray]:
    """A = U S^½, B = V S^½ from scipy's SVD (signs may differ: no cosine or score cares)."""
    u, s, vt = scipy.linalg.svd(np.asarray(X), full_matrices=False)
    return u[:, :3] * np.sqrt(s[:3]), vt[:3].T * np.sqrt(s[:3])


A_REF, B_REF = _factors()


def _cos(u, v) -> float:
    dot = math.fsum(x * y for x, y in zip(u, v, strict=True))
    return dot / math.sqrt(math.fsum(x * x for x in u) * math.fsum(y * y for y in v))


def expected(e2: float, e3: float) -> dict:
    """Everything the readout must say, for D = diag(1, 2^e2, 2^e3)."""
    d = (1.0, 2.0**e2, 2.0**e3)
    scaled = [[row[j] / d[j] for j in range(3)] for row in B_REF]
    others = [i for i in range(len(B_REF)) if i != QUERY]
    now = {i: _cos(scaled[QUERY], scaled[i]) for i in others}
    base = {i: _cos(B_REF[QUERY], B_REF[i]) for i in others}
    same = swapped = 0
    for i, j in itertools.combinations(others, 2):
        product = (base[i] - base[j]) * (now[i] - now[j])
        same += product > 0
        swapped += product < 0
    tau = scipy.stats.kendalltau([base[i] for i in others], [now[i] for i in others])
    score = math.fsum(A_REF[0, j] * B_REF[QUERY, j] for j in range(3))
    return {
        "d": d, "now": now, "base": base, "same": same, "swapped": swapped,
        "tau": float(tau.statistic), "score": score,
    }  # fmt: skip


def _consistent(order: list[int], scores: dict[int, float]) -> bool:
    """A nearest-first order of all the other items, each score at least the next one's."""
    if sorted(order) != sorted(scores):
        return False
    return all(scores[a] >= scores[b] - 1e-9 for a, b in zip(order, order[1:], strict=False))


def _after(readout: str, label: str, pattern: str) -> re.Match:
    m = re.search(re.escape(label) + r"\s+" + pattern, readout)
    assert m, f"no {label!r} in readout: {readout!r}"
    return m


def _nearest(readout: str, label: str, scores: dict[int, float]) -> None:
    m = _after(readout, label, r"((?:\d+ \([−+-]\d\.\d+\),?\s*){3})")
    shown = re.findall(r"(\d+) \(([−+-]\d\.\d+)\)", m.group(1))
    top3 = sorted(scores.values(), reverse=True)[:3]
    for (item, cos), best in zip(shown, top3, strict=True):
        value = float(cos.replace("−", "-"))
        assert abs(value - scores[int(item)]) < 6e-4, (item, value, scores[int(item)])
        assert abs(value - best) < 6e-4 + 1e-9  # the k-th nearest has the k-th largest cosine


def check_readout(sliders: dict[str, str], readout: str) -> None:
    e2, e3 = (float(sliders[k].replace("−", "-")) for k in ("log₂ d₂", "log₂ d₃"))
    want = expected(e2, e3)
    m = _after(readout, "D", r"diag\(([^)]*)\)")
    shown_d = [float(x) for x in m.group(1).split(",")]
    assert len(shown_d) == 3
    for s, d in zip(shown_d, want["d"], strict=True):
        assert abs(s - d) <= 0.0051 * d, (shown_d, want["d"])  # 3 significant digits
    m = _after(readout, "every score of A Bᵀ", r"max change\s+(\S+)\s+\(unchanged\)")
    assert float(m.group(1)) < 1e-12
    m = _after(readout, f"user 0 · item {QUERY}", NUMBER + r"\s+\(at D = I:\s+" + NUMBER + r"\)")
    assert all(abs(float(g) - want["score"]) < 6e-5 for g in m.groups())
    _nearest(readout, f"nearest to item {QUERY}, now", want["now"])
    _nearest(readout, "nearest at D = I", want["base"])
    for label, scores in (("ranking now", want["now"]), ("ranking at D = I", want["base"])):
        order = [int(i) for i in _after(readout, label, r"(\d(?:\s*>\s*\d)*)").group(1).split(">")]
        assert _consistent(order, scores), (label, order)
    m = _after(readout, "Kendall τ against D = I", NUMBER)
    assert abs(float(m.group(1).replace("−", "-")) - want["tau"]) < 6e-4
    m = re.search(r"(\d+) pairs same order, (\d+) swapped, of (\d+)", readout)
    assert m, f"no pair counts in readout: {readout!r}"
    assert (int(m.group(1)), int(m.group(2))) == (want["same"], want["swapped"])
    assert int(m.group(3)) == 21


READOUT_CHECKS = {TITLE: check_readout}


def test_readout_check_passes_on_the_demo_itself():
    demo = rescaling_demo()
    assert demo.title == TITLE
    settings = [
        {"e2": a, "e3": b}
        for a in (-3.0, -1.25, 0.0, 0.5, 1.0, 3.0)
        for b in (-3.0, -0.25, 0.0, 1.0, 2.0, 2.75, 3.0)
    ]
    check_headless(demo, check_readout, settings)


def test_a_wrong_readout_fails_the_check():
    demo = rescaling_demo()
    demo.set(e2=0.0, e3=2.0)
    text = as_text(demo.readout)
    assert "−0.429" in text and "1 > 7 > 6 > 5 > 3 > 2 > 0" in text
    for wrong in (
        text.replace("−0.429", "+0.429"),
        text.replace("1 > 7 > 6 > 5 > 3 > 2 > 0", "7 > 1 > 6 > 5 > 3 > 2 > 0", 1),
        text.replace("6 pairs same order, 15 swapped", "7 pairs same order, 14 swapped"),
        text.replace("diag(1, 1, 4)", "diag(1, 1, 2)"),
    ):
        with pytest.raises(AssertionError):
            check_readout(shown_sliders(demo), wrong)


def test_the_sliders_are_a_log_grid_from_an_eighth_to_eight():
    demo = rescaling_demo()
    for slider in demo.sliders:
        grid = slider.grid()
        assert grid[0] == -3.0 and grid[-1] == 3.0 and len(grid) == 25
        assert 2.0 ** grid[0] == 0.125 and 2.0 ** grid[-1] == 8.0


def test_stepping_moves_the_cosines_and_the_rank_lines():
    demo = rescaling_demo()
    view = demo.view
    base = demo.step(e2=0.0, e3=0.0)
    x_base, _ = view.base.get_data()
    x_now, rows = view.now.get_data()
    np.testing.assert_allclose(x_now, x_base)  # D = I: filled on top of hollow
    assert list(rows) == list(range(7))
    flat = [tuple(line.get_ydata()) for line in view.lines]
    assert all(y0 == y1 for y0, y1 in flat)  # no line moves at D = I
    result = demo.step(e2=0.0, e3=2.0)  # D = diag(1, 1, 4)
    x_now, _ = view.now.get_data()
    where = {item: j for j, item in enumerate(result.items)}
    want = [expected(0.0, 2.0)["now"][i] for i in base.base_order]
    np.testing.assert_allclose(x_now, want, atol=1e-12)
    np.testing.assert_allclose(view.base.get_data()[0], x_base)  # D = I stays where it was
    # Item 1 was last at D = I and is nearest now: its line runs from row 6 to row 0.
    line = view.lines[where[1]]
    assert tuple(line.get_ydata()) == (6, 0)
    assert view.right[where[1]].get_text() == "1" and view.right[where[1]].get_position()[1] == 0
    crossings = sum(
        (a.get_ydata()[0] - b.get_ydata()[0]) * (a.get_ydata()[1] - b.get_ydata()[1]) < 0
        for a, b in itertools.combinations(view.lines, 2)
    )
    assert crossings == result.counts.discordant == 15  # every crossing is a swapped pair
    assert view.title.get_text() == ""  # the live figure leaves numbers to the readout


def test_snapshot_titles_give_d_tau_and_the_unchanged_scores():
    fig = rescaling_demo().snapshots([{"e2": 0, "e3": 0}, {"e2": 0, "e3": 2}, {"e2": -1, "e3": 1}])
    titles = [t.get_text() for ax in fig.axes for t in ax.texts if t.get_text().startswith("D =")]
    assert titles[0].startswith("D = diag(1, 1, 1)\nKendall τ = +1.00: 0 of 21 pairs swapped")
    assert "D = diag(1, 1, 4)\nKendall τ = −0.43: 15 of 21 pairs swapped" in titles[1]
    assert "D = diag(1, 0.5, 2)\nKendall τ = −0.33: 14 of 21 pairs swapped" in titles[2]
    assert all("max change 0" in t for t in titles)  # powers of 2: exact in floating point


def test_snapshots_zoom_the_cosine_axis_and_the_live_figure_does_not():
    demo = rescaling_demo()
    fig = demo.snapshots([{"e2": 0, "e3": 2}, {"e2": -3, "e3": -3}])
    zoomed = [panel.child_axes[0] for panel in fig.axes]  # each panel's cosine axes
    lows = []
    settings = ({"e2": 0.0, "e3": 2.0}, {"e2": -3.0, "e3": -3.0})
    for setting, sub in zip(settings, zoomed, strict=True):
        want = expected(**setting)
        lowest = min(*want["now"].values(), *want["base"].values())
        lo, hi = sub.get_xlim()
        assert lo < lowest and hi > 1.0  # every cosine shown stays inside the axis
        lows.append(lo)
    assert lows[0] > 0.4  # diag(1, 1, 4): all cosines above 0.5, so the axis starts near them
    assert lows[1] < -0.8  # diag(1, 1/8, 1/8) has cosines near −0.9
    assert demo.view.cos_ax.get_xlim() == (-1.05, 1.05)  # live: drawn once, the full range


def test_items_differ_by_colour_and_marker():
    view = rescaling_demo().view
    markers = [line.get_marker() for line in view.lines]
    assert len(set(markers)) == len(markers) == 7
    colours = [line.get_color() for line in view.lines]
    assert len(set(colours)) == 7


def test_the_view_refuses_a_result_of_the_wrong_size():
    with pytest.raises(ValueError, match="n_others"):
        RescalingView(new_figure().axes[0], n_others=1)
    with pytest.raises(ValueError, match="colours"):
        RescalingView(new_figure().axes[0], n_others=9)
    view = RescalingView(new_figure(10, 5).axes[0], n_others=5)
    with pytest.raises(ValueError, match="n_others=7"):
        view.update(rescaling_demo().result)


def test_tau_map_draws_the_grid_and_the_marks():
    e = np.arange(-1.0, 1.01, 0.5)
    taus = np.linspace(-1, 1, 25).reshape(5, 5)
    ax = tau_map(taus, e, marks=[(0.5, -1.0, "lowest", -0.25), (0.0, 1.0, "right", 1.0)], query=4)
    (image,) = ax.images
    np.testing.assert_array_equal(image.get_array(), taus)
    assert image.get_extent() == [-1.25, 1.25, -1.25, 1.25]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1/2", "1", "2"]
    labels = {t.get_text(): t for t in ax.texts}
    assert labels["lowest: −0.25"].get_ha() == "left"  # left half: label to the right
    assert labels["right: +1.00"].get_ha() == "right"
    assert "item 4" in ax.get_title(loc="left")
    (bar,) = [a for a in ax.figure.axes if a is not ax]  # the colour bar, labelled
    assert "Kendall τ" in bar.get_ylabel()
    with pytest.raises(ValueError, match="shape"):
        tau_map(np.zeros((4, 5)), e)
