"""01.01 demo: two unit vectors on the circle, both sides of the identity."""

import math

import numpy as np
import pytest
from matplotlib.colors import to_rgb
from readouts import check_headless, degrees, number

from helpers.demos.angles import angle_identity_demo, identity_readout
from helpers.plotting import PALETTE

TITLE = "cos(θ₂ − θ₁) = x₁x₂ + y₁y₂"


def check_readout(sliders: dict[str, str], readout: str) -> None:
    t1 = degrees(sliders["θ₁, angle of u₁ (degrees)"])
    t2 = degrees(sliders["θ₂, angle of u₂ (degrees)"])
    expected = math.cos(math.radians(t2 - t1))
    assert abs(number(readout, "left: cos(θ₂ − θ₁)") - expected) < 6e-5
    assert abs(number(readout, "right: x₁x₂ + y₁y₂") - expected) < 6e-5


READOUT_CHECKS = {TITLE: check_readout}


@pytest.fixture
def demo():
    return angle_identity_demo(theta1=30, theta2=75)


def tip(arrow):
    (x0, y0), (x1, y1) = arrow.patch._posA_posB
    return np.array([x1 - x0, y1 - y0])


def test_readout_check_passes_on_the_demo_itself(demo):
    assert demo.title == TITLE
    settings = [{"theta1": t1, "theta2": t2} for t1 in (0, 95, 359) for t2 in (0, 180, 271)]
    check_headless(demo, check_readout, settings)


def test_readout_check_catches_a_wrong_readout(demo):
    with pytest.raises(AssertionError):
        check_readout({"θ₁, angle of u₁ (degrees)": "0°", "θ₂, angle of u₂ (degrees)": "60°"},
                      "left: cos(θ₂ − θ₁) +0.8660 right: x₁x₂ + y₁y₂ +0.8660")  # fmt: skip


def test_step_moves_both_arrows_to_cos_sin(demo):
    demo.step(theta1=200, theta2=10)
    for arrow, deg in ((demo.view.u1, 200), (demo.view.u2, 10)):
        t = math.radians(deg)
        np.testing.assert_allclose(tip(arrow), [math.cos(t), math.sin(t)], atol=1e-12)


def test_arc_spans_the_angle_between_the_vectors(demo):
    demo.step(theta1=10, theta2=200)  # 190° anticlockwise is −170° the short way
    xs, ys = demo.view.arc.line.get_data()
    start, end = math.atan2(ys[0], xs[0]), math.atan2(ys[-1], xs[-1])
    assert math.degrees(start) == pytest.approx(10)
    assert math.degrees(end) % 360 == pytest.approx(200)
    assert demo.view.arc.label.get_text() == "−170°"


def test_readout_shows_both_sides_equal(demo):
    sides = demo.step(theta1=100, theta2=160)
    assert sides.lhs == pytest.approx(0.5) and sides.rhs == pytest.approx(0.5)
    html = demo.readout
    assert html.count("+0.5000") == 2
    assert "+60°" in html


def test_readout_explains_wrapped_difference():
    html = identity_readout(angle_identity_demo(theta1=10, theta2=200).result)
    assert "+190°" in html and "same direction as −170°" in html


def test_snapshots_draw_one_panel_per_setting_with_the_readout(demo):
    fig = demo.snapshots([{"theta1": 0, "theta2": 45}, {"theta2": 135}])
    assert len(fig.axes) == 2
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    assert "cos(θ₂ − θ₁) = +0.7071" in titles[0]
    assert "θ₁ = 30°, θ₂ = 135°" in titles[1]  # unspecified sliders keep their defaults


def test_figures_use_equal_aspect_and_the_shared_palette(demo):
    ax = demo.figure.axes[0]
    assert ax.get_aspect() == 1.0
    assert ax.get_xlim() == ax.get_ylim()
    colours = {demo.view.u1.patch.get_edgecolor()[:3], demo.view.u2.patch.get_edgecolor()[:3]}
    assert colours == {to_rgb(PALETTE["blue"]), to_rgb(PALETTE["vermillion"])}
    assert {demo.view.u1.text.get_text(), demo.view.u2.text.get_text()} == {"u₁", "u₂"}
