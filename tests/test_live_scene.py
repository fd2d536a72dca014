"""helpers.live.scene: artists become SVG primitives at the pixels matplotlib would draw them."""

import re

import numpy as np
import pytest
from matplotlib.patches import Circle

from helpers.demos.angles import angle_identity_demo
from helpers.live.scene import path_data, scene
from helpers.plotting import PALETTE


def _numbers(d: str) -> np.ndarray:
    return np.array([float(x) for x in re.findall(r"-?\d+\.\d+", d)]).reshape(-1, 2)


@pytest.fixture
def demo():
    return angle_identity_demo(theta1=30, theta2=75)


def test_arrow_tip_lands_where_matplotlib_puts_it(demo):
    demo.step(theta1=0, theta2=90)
    arrow = demo.scene()[2]  # drop1, drop2, then u1's arrow
    assert arrow["kind"] == "path" and arrow["stroke"] == PALETTE["blue"].lower()
    # Independent: map the data point (1, 0) through the axes transform, flip y.
    ax = demo.figure.axes[0]
    tip_x, tip_y = ax.transData.transform((1.0, 0.0))
    expected = (tip_x, demo.figure.bbox.height - tip_y)
    points = _numbers(arrow["d"])
    # The head's outline stops about one line width (3.5 px) short of the point, as in
    # matplotlib's own rendering; the stroke covers the rest.
    assert np.min(np.hypot(*(points - expected).T)) < 5


def test_dotted_guides_and_labels(demo):
    prims = demo.scene()
    drop = prims[0]
    assert drop["dash"] and drop["fill"] == "none"
    texts = [p for p in prims if p["kind"] == "text"]
    assert [t["lines"] for t in texts] == [["u₁"], ["u₂"], ["+45°"]]
    assert all(t["size"] > 14 for t in texts)  # readable: at least 15 pt at 100 dpi


def test_empty_titles_are_skipped_and_text_lines_split(demo):
    assert not any(p.get("lines") == [""] for p in demo.scene())
    demo.view.title.set_text("one\ntwo")
    titles = [p for p in scene(demo.figure, [demo.view.title])]
    assert titles[0]["lines"] == ["one", "two"]


def test_path_data_flips_y_and_closes():
    d = path_data(np.array([[0.0, 0.0], [10.0, 0.0], [10.0, 5.0], [0.0, 0.0]]), [1, 2, 2, 79], 100)
    assert d == "M0.00,100.00 L10.00,100.00 L10.00,95.00 Z"


def test_scene_changes_when_the_demo_steps(demo):
    before = demo.scene()
    demo.step(theta2=200)
    assert demo.scene() != before


def test_unsupported_artist_is_a_clear_error(demo):
    image = demo.figure.axes[0].imshow(np.zeros((2, 2)))
    with pytest.raises(TypeError, match="no SVG form for a AxesImage"):
        scene(demo.figure, [image])


def test_patches_keep_their_fill(demo):
    circle = Circle((0, 0), 0.5, facecolor=PALETTE["green"], edgecolor="black")
    demo.figure.axes[0].add_patch(circle)
    (prim,) = scene(demo.figure, [circle])
    assert prim["fill"] == PALETTE["green"].lower() and prim["stroke"] == "#000000"
    assert prim["d"].startswith("M") and prim["d"].endswith("Z")


def test_markers_are_drawn_where_matplotlib_puts_them():
    from matplotlib.figure import Figure

    fig = Figure(figsize=(4, 4), dpi=100)
    ax = fig.add_axes((0.1, 0.1, 0.8, 0.8), xlim=(0, 4), ylim=(0, 4))
    (dots,) = ax.plot([1, 3], [1, 2], "o", markersize=10, color=PALETTE["orange"])
    (both,) = ax.plot([0, 4], [4, 0], "-s", markersize=6)
    prims = scene(fig, [dots, both])
    # Markers only: no line through the dots; a line plus its markers: two paths.
    assert len(prims) == 3
    marker = prims[0]
    assert marker["fill"] == marker["stroke"] == PALETTE["orange"].lower()
    starts = _numbers(" ".join(re.findall(r"M-?\d+\.\d+,-?\d+\.\d+", marker["d"])))
    assert len(starts) == 2  # one closed outline per dot
    for start, (x, y) in zip(starts, [(1, 1), (3, 2)], strict=True):
        px, py = ax.transData.transform((x, y))
        centre = np.array([px, fig.bbox.height - py])
        # A 10 pt circle at 100 dpi is 13.9 px across: its outline sits 6.9 px from the centre.
        assert np.hypot(*(start - centre)) == pytest.approx(10 * 100 / 72 / 2, abs=0.02)
    assert prims[1]["fill"] == "none" and prims[2]["fill"] != "none"
