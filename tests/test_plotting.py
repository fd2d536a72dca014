"""Plot helpers: ax=None handling, equal aspect, labels, the explicit style."""

import matplotlib as mpl
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from helpers.plotting import (
    CYCLE,
    STYLE,
    arc_points,
    course_style,
    draw_unit_circle,
    draw_vectors,
    new_figure,
    use_course_style,
    vector_axes,
)


def test_draw_vectors_without_ax_makes_equal_aspect_labelled_axes():
    ax = draw_vectors({"a": [0.2, 0.99], "b": [0.9, 0.99]})
    assert isinstance(ax, Axes)
    assert ax.get_aspect() == 1.0
    assert ax.get_xlim() == ax.get_ylim()
    assert [t.get_text() for t in ax.texts] == ["a", "b"]
    assert ax.get_xlim()[1] >= 0.99  # every tip is inside the view


def test_draw_vectors_draws_on_the_given_ax_in_palette_order():
    fig = new_figure()
    ax = fig.axes[0]
    assert draw_vectors({"u": [1, 0], "v": [0, -2]}, ax=ax) is ax
    colours = [mpl.colors.to_hex(t.get_color()) for t in ax.texts]
    assert colours == [c.lower() for c in CYCLE[:2]]


def test_unit_circle_has_radius_one():
    ax = draw_unit_circle(vector_axes())
    xy = ax.lines[-1].get_xydata()
    np.testing.assert_allclose(np.hypot(xy[:, 0], xy[:, 1]), 1.0)


def test_arc_points_against_closed_form():
    pts = arc_points(0.5, 2.0, 0.3, n=5)
    t = np.linspace(0.5, 2.0, 5)
    np.testing.assert_allclose(pts, [0.3 * np.cos(t), 0.3 * np.sin(t)])


def test_new_figure_is_not_registered_with_pyplot():
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    fig = new_figure(ncols=3)
    assert isinstance(fig, Figure) and len(fig.axes) == 3
    assert plt.get_fignums() == before


def test_style_is_applied_only_when_asked():
    default_size = mpl.rcParams["font.size"]
    with course_style():
        assert mpl.rcParams["font.size"] == STYLE["font.size"]
    assert mpl.rcParams["font.size"] == default_size
    with mpl.rc_context():
        use_course_style()
        assert mpl.rcParams["font.size"] == STYLE["font.size"]


def test_bad_vectors_get_clear_errors():
    import pytest

    with pytest.raises(ValueError, match="vector 'a' has 3 entries but a 2-D vector is needed"):
        draw_vectors({"a": [1, 2, 3]})
    with pytest.raises(ValueError, match="vector 'b' contains 1 NaN"):
        draw_vectors({"b": [float("nan"), 1]})
    with pytest.raises(TypeError, match="vector 'c' holds text"):
        draw_vectors({"c": ["1", "2"]})
