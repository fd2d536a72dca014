"""02.02 demo: a point cloud moved by four normalizations, and the notebook's static figures."""

import math
import statistics

import matplotlib.colors as mcolors
import numpy as np
import pytest
from readouts import check_headless, number

from helpers.demos.normalizations import CLOUD, normalization_demo
from helpers.plotting import PALETTE
from helpers.views.normalizations import draw_distance_vs_cosine, draw_same_direction

TITLE = "Four normalizations move a point cloud"
NAMES = ("none", "L2 per row", "mean-centering per column", "min–max per column",
         "z-score per column")  # fmt: skip


def _expected_points(kind: int, t: float) -> list[tuple[float, float]]:
    """The cloud (1 − t)·before + t·after, with every normalization written out by hand."""
    before = [(float(x), float(y)) for x, y in CLOUD]
    cols = list(zip(*before, strict=True))
    if kind == 0:
        after = before
    elif kind == 1:
        after = [(x / math.hypot(x, y), y / math.hypot(x, y)) for x, y in before]
    else:
        new_cols = []
        for col in cols:
            mean, lo, hi = statistics.fmean(col), min(col), max(col)
            if kind == 2:
                new_cols.append([v - mean for v in col])
            elif kind == 3:
                new_cols.append([(v - lo) / (hi - lo) for v in col])
            else:
                new_cols.append([(v - mean) / statistics.pstdev(col) for v in col])
        after = list(zip(*new_cols, strict=True))
    return [
        ((1 - t) * b[0] + t * a[0], (1 - t) * b[1] + t * a[1])
        for b, a in zip(before, after, strict=True)
    ]


def check_readout(sliders: dict[str, str], readout: str) -> None:
    kind = int(sliders["normalization, 0 to 4"])
    t = float(sliders["t, before (0) to after (1)"])
    points = _expected_points(kind, t)
    xs, ys = zip(*points, strict=True)
    assert f"{kind} = {NAMES[kind]}" in readout
    assert abs(number(readout, "mean of x") - statistics.fmean(xs)) < 6e-4
    assert abs(number(readout, "mean of y") - statistics.fmean(ys)) < 6e-4
    assert abs(number(readout, "std of x") - statistics.pstdev(xs)) < 6e-4
    assert abs(number(readout, "std of y") - statistics.pstdev(ys)) < 6e-4
    lengths = [math.hypot(x, y) for x, y in points]
    assert abs(number(readout, "shortest |point|") - min(lengths)) < 6e-4
    assert abs(number(readout, "longest |point|") - max(lengths)) < 6e-4
    removes = ("nothing", "scale (its length)", "offset", "offset and scale", "offset and scale")
    assert removes[kind] in readout.split("removes", 1)[1].split("pins down", 1)[0]
    pins = ("nothing", "length 1", "mean 0", "min 0, max 1", "mean 0, spread 1")
    assert pins[kind] in readout.split("pins down at t = 1", 1)[1].split("works along", 1)[0]


READOUT_CHECKS = {TITLE: check_readout}


def test_readout_check_passes_on_the_demo_itself():
    demo = normalization_demo()
    assert demo.title == TITLE
    settings = [{"kind": k, "t": t} for k in range(5) for t in (0.0, 0.3, 1.0)]
    check_headless(demo, check_readout, settings)


def _centres(patches):
    return np.array([p.center for p in patches])


def test_the_dots_start_on_the_ghosts_and_end_where_the_normalization_puts_them():
    d = normalization_demo(kind=1, t=0.0)
    np.testing.assert_allclose(_centres(d.view.dots), CLOUD)
    np.testing.assert_allclose(_centres(d.view.ghosts), CLOUD)
    for kind in range(5):
        d.step(kind=kind, t=1.0)
        np.testing.assert_allclose(_centres(d.view.dots), _expected_points(kind, 1.0), atol=1e-12)
        np.testing.assert_allclose(_centres(d.view.ghosts), CLOUD)  # the original never moves
    d.step(kind=1, t=1.0)
    radii = np.hypot(*_centres(d.view.dots).T)
    np.testing.assert_allclose(radii, 1.0)  # L2 per row: every point on the unit circle
    d.step(kind=3)
    c = _centres(d.view.dots)
    assert c.min() == pytest.approx(0) and c.max() == pytest.approx(1)  # min–max: in [0, 1]²


def test_trails_join_each_ghost_to_its_dot_and_the_mean_marker_follows():
    d = normalization_demo(kind=2, t=0.5)
    for trail, ghost, dot in zip(d.view.trails, d.view.ghosts, d.view.dots, strict=True):
        xs, ys = trail.get_data()
        np.testing.assert_allclose([xs[0], ys[0]], ghost.center)
        np.testing.assert_allclose([xs[1], ys[1]], dot.center)
    d.step(kind=4, t=1.0)
    xs, _ = d.view.mean_h.get_data()
    _, ys = d.view.mean_v.get_data()
    assert np.mean(xs) == pytest.approx(0, abs=1e-12) and np.mean(ys) == pytest.approx(0, abs=1e-12)


def test_moving_a_slider_moves_pixels_and_the_scene_is_svg_ready():
    d = normalization_demo(kind=0, t=1.0)
    before = d.render().copy()
    d.step(kind=1)
    assert (before != d.render()).any(axis=-1).sum() > 500
    kinds = {prim["kind"] for prim in d.scene()}
    assert kinds <= {"path", "text"} and len(d.scene()) >= 3 * len(CLOUD)


def test_snapshot_titles_name_the_normalization_and_what_it_removes():
    d = normalization_demo()
    fig = d.snapshots([{"kind": k, "t": 1.0} for k in range(1, 5)] + [{"kind": 2, "t": 0.5}])
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    assert titles[0] == "L2 per row\nremoves: scale (length)\npins: length 1"
    assert titles[2] == "min–max per column\nremoves: offset and scale\npins: min 0, max 1"
    assert titles[3] == "z-score per column\nremoves: offset and scale\npins: mean 0, spread 1"
    assert titles[4] == "mean-centering per column, t = 0.5\nremoves: offset\npins: mean 0"


def test_the_unit_square_is_drawn_above_the_dots_and_the_mean_below_them():
    view = normalization_demo(kind=3).view
    square = [line for line in view.ax.lines if list(line.get_xdata()) == [0, 1, 1, 0, 0]]
    assert len(square) == 1 and list(square[0].get_ydata()) == [0, 0, 1, 1, 0]
    dot_z = {dot.get_zorder() for dot in view.dots}
    assert square[0].get_zorder() > max(dot_z)
    assert view.mean_h.get_zorder() < min(dot_z) and view.mean_v.get_zorder() < min(dot_z)


def test_same_direction_figure_draws_one_panel_per_vector_plus_the_normalized_one():
    fig = draw_same_direction([[3, 4], [30, 40]], ["a", "b"])
    assert len(fig.axes) == 3
    assert fig.axes[1].get_title() == "b\n[30, 40]\n|v| = 50"
    assert fig.axes[2].get_title() == "normalized\n[0.6, 0.8]\n|v| = 1"
    assert fig.axes[1].get_xlim() == pytest.approx((-12.5, 60))  # zoomed to its own length
    assert [(ax.get_xlabel(), ax.get_ylabel()) for ax in fig.axes] == [("x", "y")] * 3
    arrows = [[p for p in ax.patches if hasattr(p, "get_facecolor")] for ax in fig.axes]
    colours = [{mcolors.to_hex(p.get_facecolor()) for p in a} for a in arrows]
    assert colours[0] == colours[1] == {PALETTE["blue"].lower()}
    assert colours[2] == {PALETTE["vermillion"].lower()}
    # Only the normalized panel has a circle: the unit circle, radius 1.
    circles = [[ln for ln in ax.lines if len(ln.get_xdata()) > 100] for ax in fig.axes]
    assert [len(c) for c in circles] == [0, 0, 1]
    np.testing.assert_allclose(np.hypot(*circles[2][0].get_data()), 1.0)
    with pytest.raises(ValueError, match="labels has 1 entries but originals has 2"):
        draw_same_direction([[3, 4], [30, 40]], ["a"])


def _ringed(ax):
    """The (cos, d2) of each ringed point and its label, from the figure's artists."""
    rings = [ln for ln in ax.lines if ln.get_marker() in ("s", "D")]
    labels = [t.get_text() for t in ax.texts]
    return [(float(r.get_xdata()[0]), float(r.get_ydata()[0])) for r in rings], labels


def test_distance_figure_rings_both_nearest_points_and_keeps_its_own_y_axes():
    cos_u, d2_u = [0.1, 0.9, -0.5], [1.8, 0.2, 3.0]
    cos_r, d2_r = [0.1, 0.9, -0.5, 0.6], [0.3, 6.0, 20.0, 1.0]
    fig = draw_distance_vs_cosine(cos_u, d2_u, cos_r, d2_r)
    assert [ax.get_title() for ax in fig.axes] == ["unit vectors", "any lengths"]
    rings, labels = _ringed(fig.axes[0])
    assert rings == [(0.9, 0.2)] and labels == ["nearest by cosine\nand by distance"]
    rings, labels = _ringed(fig.axes[1])
    assert rings == [(0.9, 6.0), (0.1, 0.3)]
    assert labels == ["nearest by cosine", "nearest by distance"]
    assert fig.axes[0].get_ylim()[1] == pytest.approx(4.2)  # room for 2 − 2 cos θ up to 4
    assert fig.axes[1].get_ylim()[1] == pytest.approx(1.08 * 20.0)


def test_distance_figure_checks_its_pairs():
    with pytest.raises(ValueError, match="any lengths: 2 cosines but 1 squared distances"):
        draw_distance_vs_cosine([0.5], [1.0], [0.1, 0.2], [3.0])
