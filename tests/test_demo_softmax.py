"""03.01 demo: one row of cosines through softmax(cosine / τ), for a batch of N.

The readout check rebuilds the row from the seeded draws with plain Python loops and
computes every number in 120-digit decimal arithmetic: nothing is shared with the demo's code.
"""

import math
import re
from decimal import Decimal, localcontext

import numpy as np
import pytest
from readouts import as_text, check_headless, shown_sliders

from helpers.demos.softmax import temperature_demo
from helpers.plotting import new_figure
from helpers.views.softmax import floor_curve, number, scale_curves

TITLE = "Temperature: softmax of one row of cosines"
SEED, DIM, POOL, RIGHT = 301, 16, 63, 0.8  # the demo's row, as its text describes it
NUMBER = r"([−+-]?\d+\.\d+(?:e[−+-]\d+)?)"


def _row_by_loops() -> list[float]:
    """The demo's cosines: the right answer's (0.8 by construction), then the 63 negatives',
    each the cosine of q with a Gaussian direction drawn after q and û, by loops."""
    rng = np.random.default_rng(SEED)
    q = [float(v) for v in rng.standard_normal(DIM)]
    rng.standard_normal(DIM)  # û, which only builds the right answer
    negatives = rng.standard_normal((POOL, DIM)).tolist()
    lq = math.sqrt(math.fsum(v * v for v in q))
    cosines = [RIGHT]
    for a in negatives:
        la = math.sqrt(math.fsum(v * v for v in a))
        cosines.append(math.fsum(x * y for x, y in zip(q, a, strict=True)) / (lq * la))
    return cosines


ROW = _row_by_loops()


def _expected(tau: float, n: int) -> dict[str, float]:
    """p(right), the row's loss, ln N and the floor, in 120-digit decimals."""
    with localcontext(prec=120):  # losses down to e^-100 keep 15+ digits
        t = Decimal(repr(tau))
        exps = [(Decimal(repr(c)) / t).exp() for c in ROW[:n]]
        total = sum(exps, Decimal(0))
        p = exps[0] / total
        # The simplex row: the right answer at cosine 1, N − 1 negatives at −1/(N − 1).
        simplex_total = (1 / t).exp() + (n - 1) * (Decimal(-1) / ((n - 1) * t)).exp()
        floor = -((1 / t).exp() / simplex_total).ln()
        return {
            "p(right)": float(p),
            "row loss −ln p(right)": float(-p.ln()),
            "chance ln N": math.log(n),
            "batch floor (average over rows)": float(floor),
            "top negative cosine": max(ROW[1:n]),
        }


def _shown(readout: str, label: str) -> str:
    m = re.search(re.escape(label) + r"\s+" + NUMBER, readout)
    assert m, f"no {label!r} in readout: {readout!r}"
    return m.group(1).replace("−", "-")


def _agrees(shown: str, value: float) -> bool:
    """Four decimals from 0.001 up, two significant digits (x.xe-yy) below."""
    if "e" in shown:
        return value < 0.001 and math.isclose(float(shown), value, rel_tol=0.06)
    return (value >= 0.001 or value == 0) and abs(float(shown) - value) < 6e-5


def check_readout(sliders: dict[str, str], readout: str) -> None:
    tau = float(sliders["τ, temperature"])
    n = int(sliders["N, batch size"])
    expected = _expected(tau, n)
    for label in ("p(right)", "row loss −ln p(right)", "batch floor (average over rows)"):
        shown = _shown(readout, label)
        assert _agrees(shown, expected[label]), (label, shown, expected[label])
    # The simplex needs N − 1 dimensions; the demo's vectors have 16.
    unreachable = f"(unreachable in 16-D: needs N − 1 = {n - 1} dims)"
    assert (unreachable in readout) == (n > 17), readout
    assert abs(float(_shown(readout, "chance ln N")) - expected["chance ln N"]) < 6e-5
    top = float(_shown(readout, "top negative cosine"))
    assert abs(top - expected["top negative cosine"]) < 6e-4
    assert re.search(rf"× 1/τ = {1 / tau:.2f}\b", readout), readout
    assert re.search(rf"\b{n}\s+\(1 right answer, {n - 1} negatives\)", readout), readout
    m = re.search(r"cosine \+0\.800\s+logit " + NUMBER, readout)
    assert m and abs(float(m.group(1)) - RIGHT / tau) < 6e-3, readout


READOUT_CHECKS = {TITLE: check_readout}


def test_the_row_is_what_the_notebook_says():
    demo = temperature_demo(n=64)
    np.testing.assert_allclose(demo.result.cosines, ROW, atol=1e-12)
    assert demo.result.cosines[0] == pytest.approx(RIGHT, abs=1e-12)
    assert max(ROW[1:]) < RIGHT  # every negative below the right answer: ranked first
    assert abs(float(np.mean(ROW[1:]))) < 0.05


def test_readout_check_passes_on_the_demo_itself():
    demo = temperature_demo()
    assert demo.title == TITLE
    settings = [
        {"tau": t, "n": n} for t in (0.02, 0.07, 0.1, 0.33, 1.0, 2.0) for n in (2, 3, 17, 32, 64)
    ]
    check_headless(demo, check_readout, settings)


def test_a_wrong_readout_fails_the_check():
    demo = temperature_demo()
    text = as_text(demo.readout)
    sliders = shown_sliders(demo)
    check_readout(sliders, text)
    for right, wrong in (("0.0652", "0.0700"), ("2.7302", "2.7000"), ("2.4884", "2.4000")):
        assert right in text
        with pytest.raises(AssertionError):
            check_readout(sliders, text.replace(right, wrong))


def test_the_notebook_numbers_at_n_32():
    demo = temperature_demo()
    shown = {}
    for tau in (1.0, 0.3, 0.1, 0.07):
        r = demo.set(tau=tau, n=32)
        shown[tau] = (round(r.p_right, 4), round(r.loss, 4))
    assert shown == {
        1.0: (0.0652, 2.7302),
        0.3: (0.2622, 1.3388),
        0.1: (0.9311, 0.0714),
        0.07: (0.9886, 0.0114),
    }
    assert demo.set(tau=1.0, n=32).floor == pytest.approx(2.488, abs=5e-4)


def _bar_heights(polygon) -> np.ndarray:
    """The heights of the bars in a negatives polygon (4 corners per bar)."""
    xy = np.asarray(polygon.get_xy())[: -1 if polygon.get_closed() else None]
    return xy[1::4, 1][: len(xy) // 4]


def test_lowering_tau_moves_the_probabilities_but_not_the_cosines():
    demo = temperature_demo(tau=1.0, n=32)
    (cos_right, cos_neg, _), (p_right, p_neg, p_label) = demo.view.panels
    cos_before = (cos_right.get_height(), _bar_heights(cos_neg).copy())
    p_before = p_right.get_height()
    scene_before = demo.scene()
    demo.set(tau=0.1)
    assert cos_right.get_height() == cos_before[0] == pytest.approx(RIGHT)
    np.testing.assert_array_equal(_bar_heights(cos_neg), cos_before[1])
    assert p_right.get_height() == pytest.approx(demo.result.p_right) and p_before < 0.1
    assert p_right.get_height() > 0.9
    negatives = _bar_heights(p_neg)
    assert negatives.size == 31 and negatives.sum() == pytest.approx(1 - demo.result.p_right)
    assert list(negatives) == sorted(negatives, reverse=True)  # highest cosine first
    assert p_label.get_text() == f"p(right) = {number(demo.result.p_right)}"
    assert demo.scene() != scene_before


def test_the_batch_size_changes_the_bars_and_the_chance_line():
    demo = temperature_demo(tau=0.5, n=4)
    right = demo.view.panels[1][0]
    assert right.get_width() == pytest.approx(0.7 / 4)
    assert _bar_heights(demo.view.panels[0][1]).size == 3
    xs, ys = demo.view.chance.get_data()
    assert list(ys) == [0.25, 0.25] and list(xs) == [0.0, 1.0]
    assert demo.view.chance_label.get_text() == "1/N = 0.2500"
    demo.set(n=64)
    assert right.get_width() == pytest.approx(0.7 / 64)
    assert _bar_heights(demo.view.panels[0][1]).size == 63
    assert list(demo.view.chance.get_data()[1]) == [1 / 64, 1 / 64]
    cos_heights = _bar_heights(demo.view.panels[0][1])
    np.testing.assert_allclose(cos_heights, sorted(ROW[1:], reverse=True), atol=1e-12)


def test_every_bar_stays_inside_the_fixed_axes():
    demo = temperature_demo()
    lo, hi = demo.view.cos_ax.get_ylim()
    assert lo < min(ROW) and max(ROW) + 0.2 < hi  # room for the label above the right bar
    assert demo.view.prob_ax.get_ylim()[1] > 1.1


def test_demo_is_listed_for_the_gallery():
    from helpers.demos import course_demos

    assert temperature_demo in course_demos()
    assert temperature_demo().notebook == "03.01"
    assert demo_caption_is_one_line(temperature_demo().caption)


def demo_caption_is_one_line(caption: str) -> bool:
    return "\n" not in caption and len(caption) < 200


def test_snapshot_titles_carry_the_readout():
    demo = temperature_demo()
    fig = demo.snapshots([{"tau": 1.0}, {"tau": 0.07}])
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    assert titles[0] == (
        "τ = 1.00, N = 32: p(right) = 0.0652\nrow loss 2.7302 (ln N 3.466, batch floor 2.4884)\n"
        "floor unreachable in 16-D: needs N − 1 = 31 dims"
    )
    assert titles[1].endswith(
        "batch floor 1.2e-05)\nfloor unreachable in 16-D: needs N − 1 = 31 dims"
    )
    assert demo.view.title.get_text() == ""  # the live figure leaves numbers to the readout


@pytest.mark.parametrize("n", [2, 16, 17, 18, 64])
def test_snapshot_titles_say_when_the_floor_is_unreachable_as_the_readout_does(n):
    demo = temperature_demo(n=n)
    title = demo.snapshots([{"n": n}]).axes[0].get_title(loc="left")
    note = f"floor unreachable in 16-D: needs N − 1 = {n - 1} dims"
    assert (note in title) == (n - 1 > DIM) == ("unreachable" in as_text(demo.readout))
    assert title.count("\n") == (2 if n - 1 > DIM else 1)


def test_scale_curves_draws_one_line_per_matrix_and_the_chance_level():
    fig = new_figure(6, 4)
    ax = scale_curves([0, 1, 2], {"a": [1.0, 0.5, 0.2], "b": [1.0, 1.3, 1.6]}, n=3, ax=fig.axes[0])
    lines = ax.get_lines()
    assert [list(line.get_ydata()) for line in lines[:2]] == [[1.0, 0.5, 0.2], [1.0, 1.3, 1.6]]
    assert lines[0].get_marker() != lines[1].get_marker()  # not colour alone
    assert lines[0].get_linestyle() != lines[1].get_linestyle()
    assert lines[2].get_ydata()[0] == pytest.approx(math.log(3))
    assert not ax.texts  # no curve has its lowest point inside the grid


def test_scale_curves_marks_the_table_k_and_a_finite_best_scale():
    fig = new_figure(6, 4)
    ks = np.arange(0, 8.001, 0.05)
    bad = [(k - 1.2) ** 2 + 0.7 for k in ks]  # lowest at k = 1.20
    ax = scale_curves(
        ks, {"good": np.exp(-ks), "bad": bad}, n=3, marked=[0, 1, 2, 8], ax=fig.axes[0]
    )
    good_line, bad_line, best_dot = ax.get_lines()[:3]  # exp(−k) has no interior lowest point
    assert [ks[i] for i in good_line.get_markevery()] == pytest.approx([0, 1, 2, 8])
    assert bad_line.get_markevery() == good_line.get_markevery()
    assert best_dot.get_xdata()[0] == pytest.approx(1.2) and best_dot.get_marker() == "v"
    assert best_dot.get_ydata()[0] == pytest.approx(0.7)
    assert [t.get_text() for t in ax.texts] == ["lowest, k ≈ 1.20"]
    with pytest.raises(ValueError, match="marked"):
        scale_curves(ks, {"good": np.exp(-ks)}, n=3, marked=[0.123])


def test_floor_curve_puts_the_random_batches_above_the_floor():
    fig = new_figure(6, 4)
    ax = floor_curve(
        8, [0.1, 1.0], {1.0: [1.5, 1.6]}, marks={"m": 0.5}, random_label="8 random", ax=fig.axes[0]
    )
    curve = ax.get_lines()[0]
    floor_at_1 = math.log(1 + 7 * math.exp(-8 / 7))
    assert curve.get_ydata()[1] == pytest.approx(floor_at_1)
    dots = [line for line in ax.get_lines() if line.get_marker() == "o"]
    assert list(dots[0].get_ydata()) == [1.5, 1.6] and min(dots[0].get_ydata()) > floor_at_1
    assert ax.get_xscale() == "log"
    assert any(t.get_text() == "m" for t in ax.texts)
    assert "8 random" in [t.get_text() for t in ax.get_legend().get_texts()]
