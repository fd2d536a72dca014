"""04.02 demo: histograms of the cosines of random pairs narrow like 1/√d as d grows."""

import json
import math
import re
from functools import lru_cache

import numpy as np
import pytest
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Polygon
from matplotlib.text import Text
from readouts import as_text, check_headless, shown_sliders

from helpers.demos.highdim import SEED, cosine_spread_demo
from helpers.highdim import Concentration, distance_concentration, offset_cloud
from helpers.views.highdim import distance_strips, offset_picture

TITLE = "Random pairs: cosines narrow like 1/√d"
NUMBER = r"([−+-]?\d+\.\d+)"
N_PAIRS, LENGTH = 1000, 1024  # the demo's pairs: 1,000 of each kind, entries drawn 1,024 long


@lru_cache(maxsize=1)
def _draws() -> tuple[np.ndarray, np.ndarray]:
    """The demo's random entries, drawn again here in the documented way."""
    gauss = np.random.default_rng([SEED, 0]).standard_normal((2, N_PAIRS, LENGTH))
    uniform = np.random.default_rng([SEED, 1]).random((2, N_PAIRS, LENGTH))
    return gauss, uniform


def _loop_stats(x: np.ndarray, y: np.ndarray) -> tuple[float, float, list[float]]:
    """Mean and standard deviation of the pair cosines, one np.dot per pair and math.fsum."""
    cos = [
        float(np.dot(u, v)) / math.sqrt(float(np.dot(u, u)) * float(np.dot(v, v)))
        for u, v in zip(x, y, strict=True)
    ]
    mean = math.fsum(cos) / len(cos)
    return mean, math.sqrt(math.fsum((c - mean) ** 2 for c in cos) / len(cos)), cos


def _value(readout: str, pattern: str) -> float:
    m = re.search(pattern, readout)
    assert m, f"no {pattern!r} in readout: {readout!r}"
    return float(m.group(1).replace("−", "-"))


def check_readout(sliders: dict[str, str], readout: str) -> None:
    d = 2 ** int(sliders["log₂ d"])  # the slider sets log₂ d: d = 2, 4, …, 1024
    assert _value(readout, r"d, dimensions\s+(\d+)") == d
    formula = 1 / math.sqrt(d)
    assert abs(_value(readout, r"formula 1/√d\s+" + NUMBER) - formula) < 6e-4
    gauss, uniform = _draws()
    kinds = {
        r"(?<!\|)Gaussian": gauss,  # "Gaussian" not preceded by "|"
        r"\|Gaussian\|": np.abs(gauss),
        r"uniform \[0, 1\]": uniform,
    }
    limits = {r"(?<!\|)Gaussian": 0.0, r"\|Gaussian\|": 2 / math.pi, r"uniform \[0, 1\]": 0.75}
    cosines = {}
    for label, draws in kinds.items():
        mean, std, cosines[label] = _loop_stats(draws[0, :, :d], draws[1, :, :d])
        shown_mean = _value(readout, label + r"\s+mean\s+" + NUMBER)
        shown_std = _value(readout, label + r"\s+mean\s+\S+\s+\([^)]*\)\s+std\s+" + NUMBER)
        assert abs(shown_mean - mean) < 6e-4 and abs(shown_std - std) < 6e-4
        if d >= 100:  # and the measured values are where the formulas say (statistically)
            assert abs(mean - limits[label]) < 0.01
    assert re.search(r"Gaussian\s+mean\s+\S+\s+\(formula 0\)", readout)
    assert abs(_value(readout, r"std\s+\S+\s+\(formula\s+" + NUMBER) - formula) < 6e-4
    assert "(limit 2/π = 0.637)" in readout and "(limit 3/4 = 0.750)" in readout
    # The angle between Gaussian pairs: 90° ± its standard deviation in degrees.
    gaussian = cosines[r"(?<!\|)Gaussian"]
    angles = [math.degrees(math.acos(max(-1.0, min(1.0, c)))) for c in gaussian]
    mean_angle = math.fsum(angles) / len(angles)
    spread = math.sqrt(math.fsum((a - mean_angle) ** 2 for a in angles) / len(angles))
    assert abs(_value(readout, r"90° ±\s+" + NUMBER) - spread) < 0.06


READOUT_CHECKS = {TITLE: check_readout}


def test_readout_check_passes_on_the_demo_itself():
    demo = cosine_spread_demo()
    assert demo.title == TITLE and demo.notebook == "04.02"
    check_headless(demo, check_readout, [{"log2_d": k} for k in range(1, 11)])


def test_a_wrong_readout_fails_the_check():
    demo = cosine_spread_demo()
    demo.set(log2_d=9)
    text = as_text(demo.readout)
    with pytest.raises(AssertionError):
        check_readout(shown_sliders(demo), text.replace("0.044", "0.045", 1))
    with pytest.raises(AssertionError):
        check_readout({"log₂ d": "8"}, text)
    mean = re.search(r"\|Gaussian\|\s+mean\s+(\d+\.\d+)", text).group(1)
    with pytest.raises(AssertionError):
        check_readout(shown_sliders(demo), text.replace(mean, "0.700"))


def _bars(demo, kind):
    """(left, right, height) of each bar in a panel's Polygon, read from its corners."""
    xy = demo.view.bars[kind].get_xy()
    corners = xy[: len(xy) // 4 * 4].reshape(-1, 4, 2)  # matplotlib closes the path: drop that
    for c in corners:  # up from the baseline, across the top, back down
        assert c[0, 1] == c[3, 1] == 0 and c[1, 1] == c[2, 1] > 0
        assert c[0, 0] == c[1, 0] < c[2, 0] == c[3, 0]
    return [(float(c[0, 0]), float(c[2, 0]), float(c[1, 1])) for c in corners]


def test_raising_d_narrows_every_histogram_and_moves_the_marks():
    demo = cosine_spread_demo()
    widths = {}
    for d in (2, 16, 512, 1024):
        result = demo.step(log2_d=round(math.log2(d)))
        for sample in result.samples:
            bars = _bars(demo, sample.kind)
            # One bar per non-empty bin, on that bin, its height the count over the largest.
            filled = np.flatnonzero(sample.counts)
            assert len(bars) == filled.size
            np.testing.assert_allclose([b[0] for b in bars], sample.edges[filled])
            np.testing.assert_allclose([b[1] for b in bars], sample.edges[filled + 1])
            np.testing.assert_allclose(
                [b[2] for b in bars], sample.counts[filled] / sample.counts.max()
            )
            assert max(b[2] for b in bars) == 1.0
            widths[sample.kind, d] = bars[-1][1] - bars[0][0]
            # The measured segment spans mean ± std, with a dot at the mean.
            xs, _ = demo.view.measured[sample.kind].get_data()
            np.testing.assert_allclose(xs, [sample.mean - sample.std, sample.mean + sample.std])
            assert demo.view.means[sample.kind].get_data()[0][0] == pytest.approx(sample.mean)
        xs, _ = demo.view.formula.get_data()
        np.testing.assert_allclose(xs, [-1 / math.sqrt(d), 1 / math.sqrt(d)])
        assert demo.view.title.get_text() == f"d = {d}"  # numbers are left to the readout
    for kind in ("gaussian", "abs_gaussian", "uniform"):
        assert widths[kind, 2] > widths[kind, 16] > widths[kind, 512] >= widths[kind, 1024]
    assert all(t.get_text() == "" for t in demo.view.numbers.values())


def test_the_live_scene_is_lines_patches_and_text_only():
    demo = cosine_spread_demo()
    assert all(isinstance(a, Line2D | Patch | Text) for a in demo.view.artists)
    assert sum(isinstance(a, Polygon) for a in demo.view.artists) == 3  # one per panel
    for log2_d in (1, 10):
        d = 2**log2_d
        demo.step(log2_d=log2_d)
        scene = demo.scene()
        # Three histograms, three measured segments, three mean dots, the formula segment
        # (each line with its end markers): a handful of paths, whatever d.
        assert sum(p["kind"] == "path" for p in scene) <= 14
        assert len(json.dumps(scene)) < 20_000
        assert any(p["kind"] == "text" and p["lines"] == [f"d = {d}"] for p in scene)


def test_snapshot_panels_show_the_numbers():
    fig = cosine_spread_demo().snapshots([{"log2_d": 9}])
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    for sub in fig.axes[0].child_axes:
        texts += [t.get_text() for t in sub.texts]
    assert "d = 512: 1/√d = 0.044" in texts
    assert any(re.fullmatch(r"mean [−+]0\.00\d, std 0\.04\d", t) for t in texts)
    assert any(re.fullmatch(r"mean 0\.63\d, std 0\.01\d", t) for t in texts)
    assert any(re.fullmatch(r"mean 0\.75\d, std 0\.01\d", t) for t in texts)


def test_the_slider_doubles_d_from_2_to_1024():
    demo = cosine_spread_demo()
    (slider,) = demo.sliders
    assert slider.label == "log₂ d" and slider.value == 1
    assert [demo.step(log2_d=k).d for k in slider.grid()] == [2**k for k in range(1, 11)]


def test_the_gaussian_labels_never_overlap_or_leave_the_panel():
    demo = cosine_spread_demo()
    for log2_d in range(1, 11):
        demo.step(log2_d=log2_d)
        demo.figure.canvas.draw()
        boxes = [t.get_window_extent() for t in (demo.view.formula_label, demo.view.measured_label)]
        assert not boxes[0].overlaps(boxes[1]), log2_d
        panel = demo.view.panels["gaussian"].get_window_extent()
        assert all(panel.x0 <= b.x0 and b.x1 <= panel.x1 for b in boxes), log2_d


@pytest.mark.parametrize("bad", [0, 11, 2.5, True, "3"])
def test_the_demo_refuses_a_log2_d_outside_its_slider(bad):
    with pytest.raises(ValueError, match="log2_d must be a whole number from 1 to 10"):
        cosine_spread_demo(log2_d=bad)


def test_distance_strips_mark_nearest_and_farthest():
    conc = distance_concentration((2, 32, 1024), n_points=200, n_queries=3, seed=1)
    assert isinstance(conc, Concentration)
    ax = distance_strips(conc, (2, 1024))
    rel = conc.first[2] / conc.first[2].mean()
    labels = [t.get_text() for t in ax.texts]
    assert f"nearest\n{rel.min():.2f}" in labels and f"farthest\n{rel.max():.2f}" in labels
    assert [t.get_text() for t in ax.get_yticklabels()] == ["d = 2", "d = 1024"]
    strips = [line for line in ax.lines if line.get_marker() == "|"]
    assert len(strips) == 2
    ticks = strips[-1].get_xydata()  # the last row: every distance over their average
    np.testing.assert_allclose(ticks[:, 0], rel)
    assert np.all(ticks[:, 1] == 1)
    assert ax.get_ylim()[0] > ax.get_ylim()[1]  # d = 2 on top


def test_offset_picture_centres_the_cloud():
    pts = offset_cloud(50, 2, 1.0, seed=2)
    before, after = offset_picture(pts)
    moved = after.lines[-1].get_xydata()
    np.testing.assert_allclose(moved.mean(axis=0), [0, 0], atol=1e-12)
    np.testing.assert_allclose(before.lines[-1].get_xydata(), pts)
    # Each point is drawn as a vector: a ray from the origin to it.
    rays = before.lines[-2].get_xydata()
    np.testing.assert_allclose(rays[0::3], 0.0)
    np.testing.assert_allclose(rays[1::3], pts)
    assert before.get_aspect() == after.get_aspect() == 1.0
    with pytest.raises(ValueError, match=r"\(n, 2\)"):
        offset_picture(np.zeros((4, 3)))
