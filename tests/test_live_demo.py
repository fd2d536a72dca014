"""The generic live-demo machinery (helpers.live), driven headlessly with the 01.01 demo."""

import io
import json
import math
import re

import numpy as np
import pytest
from readouts import collect_checks

from helpers.demos import course_demos
from helpers.demos.angles import angle_identity_demo
from helpers.live import Slider, SliderDemo
from helpers.plotting import signed


@pytest.fixture
def demo():
    return angle_identity_demo(theta1=30, theta2=75)


def test_every_course_demo_has_a_notebook_a_caption_and_a_readout_check():
    demos = [make() for make in course_demos()]
    assert demos
    for d in demos:
        assert re.fullmatch(r"\d\d\.\d\d", d.notebook) and len(d.caption) > 20, d.title
    assert {d.title for d in demos} == set(collect_checks())


def test_step_changes_the_rendered_pixels_and_back(demo):
    before = demo.render().copy()
    demo.step(theta2=160)
    after = demo.render().copy()
    assert (before != after).any(axis=-1).sum() > 500  # an arrow's worth of pixels moved
    demo.step(theta2=75)
    np.testing.assert_array_equal(demo.render(), before)  # blitting leaves no trails


def test_png_is_a_png_of_the_figure_size(demo):
    data = demo.png()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (500, 500)


def test_unknown_slider_name_is_a_clear_error(demo):
    with pytest.raises(TypeError, match=r"unknown slider\(s\) \['theta3'\].*theta1"):
        demo.step(theta3=1)


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


def test_snapshots_in_rows_hide_the_unused_panels(demo):
    fig = demo.snapshots([{"theta2": t} for t in (0, 45, 90)], ncols=2)
    assert len(fig.axes) == 4
    assert [ax.get_visible() for ax in fig.axes] == [True, True, True, False]
    rows = [ax.get_subplotspec().rowspan.start for ax in fig.axes]
    assert rows == [0, 0, 1, 1]  # two rows of two panels
    assert "θ₂ = 90°" in fig.axes[2].get_title(loc="left")  # left to right, top down
