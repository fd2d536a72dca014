"""02.01 demo: stretch C; the dot-product ranking follows its length, the cosine's does not."""

import math
import re

import numpy as np
import pytest
from readouts import check_headless, degrees

from helpers.demos.magnitude import stretch_demo
from helpers.plotting import new_figure
from helpers.views.magnitude import forum_pair, top_hit_bars

TITLE = "Stretch C: ranked by q·c or by cosine"
NUMBER = r"([−+-]?\d+\.\d+)"


def _expected(scale: float, theta_deg: float) -> dict[str, tuple[float, float]]:
    """q = (1, 0) has length 1, so q·c = |c| cos(angle from q) and cos(q, c) = cos(angle)."""
    angles = {"A": 10.0, "B": -40.0, "C": theta_deg}
    lengths = {"A": 1.5, "B": 1.35, "C": 0.8 * scale}
    out = {}
    for name, angle in angles.items():
        cos = math.cos(math.radians(angle))
        cos = 0.0 if abs(cos) < 1e-12 else cos  # a right angle
        out[name] = (lengths[name] * cos, cos)
    return out


def _shown_order(readout: str, label: str) -> list[str]:
    m = re.search(re.escape(label) + r"\s+([ABC](?:\s*>\s*[ABC])*)", readout)
    assert m, f"no {label!r} in readout: {readout!r}"
    return re.split(r"\s*>\s*", m.group(1))


def _consistent(order: list[str], score: dict[str, float]) -> bool:
    """A best-first order of all three names, each score at least the next (ties either way)."""
    if sorted(order) != ["A", "B", "C"]:
        return False
    return all(score[a] >= score[b] - 1e-9 for a, b in zip(order, order[1:], strict=False))


def check_readout(sliders: dict[str, str], readout: str) -> None:
    scale = float(sliders["s, stretch of C"].rstrip("×"))
    theta = degrees(sliders["θ, angle from q to C (degrees)"])
    expected = _expected(scale, theta)
    for name, (dot, cos) in expected.items():
        m = re.search(rf"q·{name}\s+{NUMBER}\s+cos\s+{NUMBER}", readout)
        assert m, f"no q·{name} in readout: {readout!r}"
        shown_dot, shown_cos = (float(g.replace("−", "-")) for g in m.groups())
        assert abs(shown_dot - dot) < 6e-4 and abs(shown_cos - cos) < 6e-4
    m = re.search(r"\|C\|\s+(\d+\.\d+)", readout)
    assert m and abs(float(m.group(1)) - 0.8 * scale) < 6e-4
    dots = {k: v[0] for k, v in expected.items()}
    cosines = {k: v[1] for k, v in expected.items()}
    assert _consistent(_shown_order(readout, "ranked by q·c"), dots)
    assert _consistent(_shown_order(readout, "ranked by cosine"), cosines)
    c_dot_per_scale = expected["C"][0] / scale  # q·C before stretching
    for other in ("A", "B"):
        m = re.search(rf"C beats {other} by q·c when\s+(never|s > (\d+\.\d+))", readout)
        assert m, f"no threshold for {other} in readout: {readout!r}"
        if c_dot_per_scale <= 0:
            assert m.group(1) == "never"
        else:
            assert abs(float(m.group(2)) - expected[other][0] / c_dot_per_scale) < 6e-4


READOUT_CHECKS = {TITLE: check_readout}


def test_readout_check_passes_on_the_demo_itself():
    demo = stretch_demo()
    assert demo.title == TITLE
    settings = [
        {"scale": s, "theta": t}
        for s in (0.25, 1.0, 2.0, 2.05, 2.85, 2.9, 4.0)
        for t in (0, 10, 50, 89, 90, 91, 120)
    ]
    check_headless(demo, check_readout, settings)


def test_a_wrong_readout_fails_the_check():
    demo = stretch_demo()
    from readouts import as_text, shown_sliders

    text = as_text(demo.readout)
    with pytest.raises(AssertionError):
        check_readout(shown_sliders(demo), text.replace("A > B > C", "B > A > C", 1))
    with pytest.raises(AssertionError):
        check_readout(shown_sliders(demo), text.replace("s > 2.873", "s > 2.000"))


def _tip(arrow):
    (x0, y0), (x1, y1) = arrow.patch._posA_posB
    return np.array([x1 - x0, y1 - y0])


def test_stretching_moves_c_and_its_shadow_and_flips_only_the_dot_ranking():
    demo = stretch_demo(scale=1.0, theta=50)
    t = math.radians(50)
    for scale in (1.0, 2.5, 4.0):
        result = demo.step(scale=scale)
        np.testing.assert_allclose(
            _tip(demo.view.arrows[2]), 0.8 * scale * np.array([math.cos(t), math.sin(t)]),
            atol=1e-12,
        )  # fmt: skip
        # The disc marking C's shadow sits just below the axis, at x = q·C = |C| cos θ.
        foot = demo.view.feet[2].center
        assert foot == pytest.approx((0.8 * scale * math.cos(t), demo.view.FOOT_Y), abs=1e-12)
        assert demo.view.FOOT_Y < 0
        (x0, x1), (y0, y1) = demo.view.drops[2].get_data()
        assert x0 == x1 == pytest.approx(foot[0]) and y1 == demo.view.FOOT_Y < 0 < y0
        assert result.rankings.by_cosine == (0, 1, 2)
    orders = [demo.step(scale=s).rankings.by_dot for s in (1.0, 2.5, 4.0)]
    assert orders == [(0, 1, 2), (0, 2, 1), (2, 0, 1)]
    np.testing.assert_allclose(_tip(demo.view.arrows[0]), 1.5 * np.array(
        [math.cos(math.radians(10)), math.sin(math.radians(10))]), atol=1e-12)  # fmt: skip
    assert demo.view.title.get_text() == ""  # the live figure leaves numbers to the readout


@pytest.mark.parametrize("theta", [90, 91, 120])
def test_at_a_right_angle_or_beyond_no_stretch_wins(theta):
    demo = stretch_demo(theta=theta)
    for scale in demo.sliders[0].grid():
        result = demo.step(scale=scale)
        assert result.rankings.by_dot[0] == 0 and result.rankings.by_dot[-1] == 2
    assert "never" in demo.readout


def test_snapshot_panels_name_both_orders():
    demo = stretch_demo()
    fig = demo.snapshots([{"scale": 1.0}, {"scale": 4.0}])
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    assert "by q·c:    A > B > C" in titles[0] and "by q·c:    C > A > B" in titles[1]
    assert all("by cosine: A > B > C" in t for t in titles)
    assert "s = 4.00, θ = 50°: |C| = 3.20" in titles[1]
    # q·A = 1.5 cos 10°, q·B = 1.35 cos 40°, q·C = 3.2 cos 50°, by hand: 1.48, 1.03, 2.06.
    assert "q·A = 1.48   q·B = 1.03   q·C = 2.06" in titles[1]
    negative = stretch_demo().snapshots([{"scale": 1.0, "theta": 100}]).axes[0]
    assert "q·C = −0.14" in negative.get_title(loc="left")  # 0.8 cos 100° = −0.139


def test_forum_pair_draws_the_shadow_and_the_unit_vectors():
    fig = new_figure(11, 5.4, ncols=2)
    raw, unit = forum_pair([0.2, 0.99], [0.9, 0.99], fig.axes)
    # 1.01 × 1.1486 = 1.160086: the printed factors multiply to the printed product.
    assert "1.01 × 1.1486 = 1.1601" in raw.get_title(loc="left")
    assert any(t.get_text() == "v·a = a·a" for t in raw.texts)  # the boundary is named
    assert "1.01 × 1.01 = 1.0201" in raw.get_title(loc="left")
    assert "cos θ = 0.8585" in unit.get_title(loc="left")
    assert any(t.get_text() == "30.85°" for t in unit.texts)
    assert raw.get_aspect() == unit.get_aspect() == 1.0


def test_top_hit_bars_marks_the_long_answers():
    ax = top_hit_bars([3, 0, 5, 1], [2], title="t", long_label="long")
    heights = sorted((p.get_x(), p.get_height(), p.get_hatch()) for p in ax.patches)
    assert [h for _, h, _ in heights] == [3, 0, 5, 1]
    assert [hatch for *_, hatch in heights] == [None, None, "///", None]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["normal length", "long"]
