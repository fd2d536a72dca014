"""Slider demos driven headlessly: the update function must change the figure as it should."""

import io
import json
import math

import numpy as np
import pytest
from matplotlib.figure import Figure

from helpers.demos import (
    Slider,
    SliderDemo,
    angle_identity_demo,
    identity_readout,
    length_angle_demo,
    projection_demo,
)
from helpers.plotting import PALETTE, signed


@pytest.fixture
def demo():
    return angle_identity_demo(theta1=30, theta2=75)


def _tip(arrow):
    (x0, y0), (x1, y1) = arrow.patch._posA_posB
    return np.array([x1 - x0, y1 - y0])


def test_step_moves_both_arrows_to_cos_sin(demo):
    demo.step(theta1=200, theta2=10)
    for arrow, deg in ((demo.view.u1, 200), (demo.view.u2, 10)):
        t = math.radians(deg)
        np.testing.assert_allclose(_tip(arrow), [math.cos(t), math.sin(t)], atol=1e-12)


def test_step_changes_the_rendered_pixels_and_back(demo):
    before = demo.render().copy()
    demo.step(theta2=160)
    after = demo.render().copy()
    assert (before != after).any(axis=-1).sum() > 500  # an arrow's worth of pixels moved
    demo.step(theta2=75)
    np.testing.assert_array_equal(demo.render(), before)  # blitting leaves no trails


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


def test_png_is_a_png_of_the_figure_size(demo):
    data = demo.png()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (500, 500)


def test_unknown_slider_name_is_a_clear_error(demo):
    with pytest.raises(TypeError, match=r"unknown slider\(s\) \['theta3'\].*theta1"):
        demo.step(theta3=1)


def test_snapshots_draw_one_panel_per_setting_with_the_readout(demo):
    fig = demo.snapshots([{"theta1": 0, "theta2": 45}, {"theta2": 135}])
    assert isinstance(fig, Figure) and len(fig.axes) == 2
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    assert "cos(θ₂ − θ₁) = +0.7071" in titles[0]
    assert "θ₁ = 30°, θ₂ = 135°" in titles[1]  # unspecified sliders keep their defaults


def test_figures_use_equal_aspect_and_the_shared_palette(demo):
    ax = demo.figure.axes[0]
    assert ax.get_aspect() == 1.0
    assert ax.get_xlim() == ax.get_ylim()
    colours = {demo.view.u1.patch.get_edgecolor()[:3], demo.view.u2.patch.get_edgecolor()[:3]}
    from matplotlib.colors import to_rgb

    assert colours == {to_rgb(PALETTE["blue"]), to_rgb(PALETTE["vermillion"])}
    assert {demo.view.u1.text.get_text(), demo.view.u2.text.get_text()} == {"u₁", "u₂"}


def test_widget_sliders_drive_the_scene_and_readout(demo):
    ui = demo.widget()
    sliders = [c for c in ui.children if c.__class__.__name__ == "SelectionSlider"]
    assert [s.description for s in sliders] == [
        "θ₁, angle of u₁ (degrees)",
        "θ₂, angle of u₂ (degrees)",
    ]
    assert sliders[0].label == "30°" and len(sliders[0].options) == 361
    scene_before = demo._canvas.scene
    sliders[1].value = 120
    assert demo.values["theta2"] == 120
    assert demo._canvas.scene != scene_before
    assert json.loads(demo._canvas.scene) == demo.scene()
    assert "+0.0000" in demo._canvas.readout  # 90° apart


def test_background_is_sent_once_as_a_sharp_png(demo):
    canvas = demo.widget().children[-1]
    assert canvas.background[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(canvas.background[16:20], "big")
    assert canvas.size == [500, 500] and width == 1000  # drawn at 2x for projectors
    before = canvas.background
    demo.set(theta1=100)
    assert canvas.background is before


def test_background_leaves_out_the_moving_artists(demo):
    import PIL.Image

    background = np.asarray(PIL.Image.open(io.BytesIO(demo.background_png(scale=1))))[..., :3]
    full = demo.render()[..., :3]
    # Independent: where a moving arrow is drawn, the full figure differs from the background.
    ax = demo.figure.axes[0]
    x, y = ax.transData.transform(0.5 * demo.result.u1)  # midway along u1
    row, col = round(demo.figure.bbox.height - y), round(x)
    assert (full[row, col] != background[row, col]).any()
    assert (background[row, col] == 255).all()  # white there: no arrow in the background


def test_slider_grid_and_snapping_are_exact():
    s = Slider("x", "x", 0.0, 1.0, 0.1, 0.3, decimals=1)
    assert s.grid() == (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
    assert s.snap(0.34) == 0.3 and s.snap(7) == 1.0 and s.snap(-1) == 0.0
    assert s.format(0.3) == "0.3"


def test_set_snaps_to_the_slider_grid(demo):
    assert demo.set(theta1=20.4).theta1 == pytest.approx(math.radians(20))


def test_set_keeps_widget_and_figure_in_step(demo):
    demo.widget()
    sides = demo.set(theta1=20, theta2=60)
    assert demo._controls["theta1"].value == 20 and demo._controls["theta2"].value == 60
    assert sides.rhs == pytest.approx(math.cos(math.radians(40)))
    assert json.loads(demo._canvas.scene) == demo.scene()


def test_text_fallback_says_what_the_demo_is(demo):
    bundle = demo._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/plain"].startswith("Slider demo: ")


def test_generic_demo_with_a_custom_view():
    class Dot:
        def __init__(self, ax, *, readout):
            (self.point,) = ax.plot([0], [0], "o")
            self.artists = [self.point]

        def update(self, result):
            self.point.set_data([result], [result])

    d = SliderDemo(
        title="t",
        sliders=[Slider("x", "x", 0, 1, 0.1, 0.5)],
        compute=lambda x: x,
        view=Dot,
        readout=lambda r: signed(r),
    )
    assert d.readout == "+0.500"
    d.step(x=0.25)
    assert d.view.point.get_xdata()[0] == 0.25


def test_signed_uses_a_true_minus_and_no_negative_zero():
    assert signed(-0.5, 2) == "−0.50"
    assert signed(-1e-12, 3) == "+0.000"
    assert signed(2.0, 0) == "+2"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"min": 1, "max": 0}, "needs min < max and step > 0"),
        ({"step": 0}, "needs min < max and step > 0"),
        ({"value": 5}, "outside its range"),
    ],
)
def test_bad_slider_specs_are_rejected(kwargs, message):
    spec = {"name": "x", "label": "x", "min": 0, "max": 1, "step": 0.1, "value": 0.5, **kwargs}
    with pytest.raises(ValueError, match=message):
        Slider(**spec)


def test_non_finite_slider_value_is_a_clear_error(demo):
    with pytest.raises(ValueError, match="theta1 is nan"):
        demo.step(theta1=float("nan"))
    assert demo.values == {"theta1": 30, "theta2": 75}  # the last good state is kept


def test_length_angle_demo_scales_the_dot_product_but_not_the_cosine():
    d = length_angle_demo(len_a=1.0, len_b=1.0, theta=60)
    small = d.result
    big = d.step(len_a=3.0, len_b=2.0)
    assert small.cos == pytest.approx(0.5) and big.cos == pytest.approx(0.5)
    assert big.dot == pytest.approx(6 * small.dot)
    assert "+3.0000" in d.readout and "+0.5000" in d.readout
    np.testing.assert_allclose(
        _tip(d.view.b),
        2.0 * np.array([math.cos(math.radians(75)), math.sin(math.radians(75))]),
        atol=1e-12,
    )


@pytest.mark.parametrize(("theta", "kind"), [(40, "acute"), (90, "right"), (-140, "obtuse")])
def test_projection_demo_draws_the_projection_where_the_formula_puts_it(theta, kind):
    d = projection_demo(theta=theta, len_a=2.0)
    b_dir = math.radians(20)
    comp = 2.0 * math.cos(math.radians(theta))  # |a| cos θ
    expected = comp * np.array([math.cos(b_dir), math.sin(b_dir)])
    np.testing.assert_allclose(_tip(d.view.proj), expected, atol=1e-12)
    assert d.result.kind == kind and f"({kind})" in d.readout
    assert d.result.dot == pytest.approx(comp * 2.5)
    xs, ys = d.view.drop.get_data()  # the perpendicular runs from a's tip to the projection
    np.testing.assert_allclose([xs[1], ys[1]], expected, atol=1e-12)
