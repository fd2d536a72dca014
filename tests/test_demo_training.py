"""03.02 demo: slide through training; 2-D embeddings under dot product and under cosine."""

from __future__ import annotations

import math
import re
from functools import cache

import numpy as np
import pytest
from readouts import as_text, check_headless, shown_sliders

from helpers.demos.training import EVERY, STEPS, moving_embeddings_demo
from helpers.plotting import new_figure
from helpers.training import make_pairs, moving_embeddings, train
from helpers.views.training import MovingEmbeddingsView, stuck_or_done, training_curves

TITLE = "Watch the embeddings move: dot product vs cosine"
NUMBER = r"([−+-]?\d+\.\d+)"


@cache
def _runs():
    """The demo's two runs, stored once; the readout is recomputed from their weights."""
    return moving_embeddings(steps=STEPS, every=EVERY)


def _loop_loss(Q, A, tau, normalize):
    q = [list(map(float, r)) for r in Q]
    a = [list(map(float, r)) for r in A]
    if normalize:
        q = [[v / math.hypot(*r) for v in r] for r in q]
        a = [[v / math.hypot(*r) for v in r] for r in a]
    rows = []
    for i, qi in enumerate(q):
        z = [(qi[0] * aj[0] + qi[1] * aj[1]) / tau for aj in a]
        top = max(z)
        rows.append(top + math.log(math.fsum(math.exp(v - top) for v in z)) - z[i])
    return math.fsum(rows) / len(rows)


def _unit(r):
    length = math.hypot(*r)
    return (r[0] / length, r[1] / length)


def _loop_uniformity(points):
    u = [_unit(p) for p in points]
    terms = [
        math.exp(-2 * ((u[i][0] - u[j][0]) ** 2 + (u[i][1] - u[j][1]) ** 2))
        for i in range(len(u))
        for j in range(i + 1, len(u))
    ]
    return math.log(math.fsum(terms) / len(terms))


def _expected(step: int) -> dict[str, dict[str, float]]:
    """Every number of the readout at ``step``, by loops over the stored weights."""
    moving = _runs()
    k = moving.steps.index(step)
    q, a = moving.pairs.q_test[: moving.shown], moving.pairs.a_test[: moving.shown]
    out = {}
    for name, run, tau, cos in (
        ("dot product", moving.dot, 1.0, False),
        (f"cosine τ = {moving.temperature:g}", moving.cosine, moving.temperature, True),
    ):
        snap = run.snapshots[k]
        eq, ea = q @ snap.W_q, a @ snap.W_a
        pairs = list(zip(eq, ea, strict=True))
        out[name] = {
            "loss": _loop_loss(eq, ea, tau, cos),
            "q": math.fsum(math.hypot(*r) for r in eq) / len(eq),
            "a": math.fsum(math.hypot(*r) for r in ea) / len(ea),
            "alignment": math.fsum(
                (_unit(x)[0] - _unit(y)[0]) ** 2 + (_unit(x)[1] - _unit(y)[1]) ** 2
                for x, y in pairs
            )
            / len(pairs),
            "uniformity": (_loop_uniformity(eq) + _loop_uniformity(ea)) / 2,
        }
    return out


def _num(text: str) -> float:
    return float(text.replace("−", "-"))


def check_readout(sliders: dict[str, str], readout: str) -> None:
    step = int(sliders["training step"])
    m = re.search(r"training step\s+(\d+)", readout)
    assert m and int(m.group(1)) == step, f"step not shown as {step}: {readout!r}"
    for name, want in _expected(step).items():
        label = re.escape(name)
        m = re.search(rf"{label}: loss\s+{NUMBER}", readout)
        assert m, f"no loss for {name}: {readout!r}"
        assert abs(_num(m.group(1)) - want["loss"]) < 6e-4
        raw = "raw " if name.startswith("cosine") else ""  # the cosine run's lengths: before q/|q|
        m = re.search(rf"{label}: mean {raw}length\s+\|q\|\s+{NUMBER}\s+\|a\|\s+{NUMBER}", readout)
        assert m, f"no lengths for {name}: {readout!r}"
        assert abs(_num(m.group(1)) - want["q"]) < 6e-4
        assert abs(_num(m.group(2)) - want["a"]) < 6e-4
        m = re.search(rf"{label}: alignment, uniformity\s+{NUMBER}\s+{NUMBER}", readout)
        assert m, f"no alignment for {name}: {readout!r}"
        assert abs(_num(m.group(1)) - want["alignment"]) < 6e-4
        assert abs(_num(m.group(2)) - want["uniformity"]) < 6e-4


READOUT_CHECKS = {TITLE: check_readout}


@pytest.fixture(scope="module")
def demo():
    return moving_embeddings_demo()


def test_readout_check_passes_on_the_demo_itself(demo):
    assert demo.title == TITLE
    check_headless(demo, check_readout, [{"step": s} for s in (0, 10, 50, 150, 290, 300)])


def test_a_wrong_readout_fails_the_check(demo):
    demo.set(step=100)
    text = as_text(demo.readout)
    shown = shown_sliders(demo)
    with pytest.raises(AssertionError):
        check_readout({**shown, "training step": "110"}, text)
    loss = re.search(r"dot product: loss\s+(\d+\.\d+)", text).group(1)
    with pytest.raises(AssertionError):
        check_readout(shown, text.replace(loss, f"{float(loss) + 0.01:.3f}", 1))


def _radii(line) -> np.ndarray:
    x, y = line.get_data()
    return np.hypot(np.asarray(x, dtype=float), np.asarray(y, dtype=float))


def test_dot_product_points_drift_outward_and_cosine_points_stay_on_the_circle(demo):
    view = demo.view
    radii = []
    for step in (0, 50, 150, 300):
        demo.set(step=step)
        _, dot_q, dot_a, *_ = view.panels[0]
        _, cos_q, cos_a, *_ = view.panels[1]
        radii.append(np.mean(np.concatenate([_radii(dot_q), _radii(dot_a)])))
        np.testing.assert_allclose(_radii(cos_q), 1.0, atol=1e-12)
        np.testing.assert_allclose(_radii(cos_a), 1.0, atol=1e-12)
    assert all(b > a for a, b in zip(radii, radii[1:], strict=False)), radii
    assert radii[-1] > 5 * radii[0]
    assert max(view.dot_ax.get_xlim()) >= _runs().reach  # every point stays inside the panel


def test_each_pair_is_joined_by_one_line(demo):
    demo.set(step=200)
    links, qs, ans, *_ = demo.view.panels[0]
    x, y = links.get_data()
    shown = _runs().shown
    assert len(x) == 3 * shown
    np.testing.assert_array_equal(x[0::3], qs.get_data()[0])
    np.testing.assert_array_equal(y[1::3], ans.get_data()[1])
    assert np.all(np.isnan(x[2::3]))  # a break between pairs
    # Markers differ in shape, so colour is not the only cue.
    assert qs.get_marker() != ans.get_marker()


def test_cosine_pairs_meet_as_training_goes_on(demo):
    first, last = demo.set(step=0), demo.set(step=STEPS)
    assert last.cosine.alignment < first.cosine.alignment / 10
    assert last.dot.q_norm > 5 * first.dot.q_norm


def test_the_live_figure_leaves_numbers_to_the_readout(demo):
    demo.set(step=100)
    assert demo.view.title.get_text() == ""
    assert all(panel[4].get_text() == "" for panel in demo.view.panels)
    scene = demo.scene()
    assert any(p["kind"] == "path" for p in scene)
    assert all("nan" not in p.get("d", "") for p in scene)  # NaN breaks become moves


def test_snapshots_stack_the_panels_and_print_the_numbers(demo):
    fig = demo.snapshots([{"step": 0}, {"step": 300}], width=5.5, ncols=2)
    every_ax = [a for ax in fig.axes for a in (ax, *ax.child_axes)]
    texts = [t.get_text() for ax in every_ax for t in ax.texts]
    assert "step 0" in texts and "step 300" in texts
    assert any(t.startswith("loss ") and "uniformity" in t for t in texts)
    assert any("mean raw |q|" in t for t in texts)  # the cosine panel's lengths are raw
    assert any(t.startswith("loss ") and "mean |q|" in t for t in texts)  # the dot panel's
    views = [ax for ax in fig.axes if ax.child_axes]
    for ax in views:
        dot_ax, cos_ax = ax.child_axes
        assert dot_ax.get_position().y0 > cos_ax.get_position().y1 - 1e-9  # one above the other
        assert dot_ax.get_aspect() == cos_ax.get_aspect() == 1.0


def test_view_refuses_a_bad_reach():
    with pytest.raises(ValueError, match="reach"):
        MovingEmbeddingsView(new_figure().axes[0], reach=0.0)


def test_static_figures_draw_chance_floor_and_every_run():
    pairs = make_pairs(64, 16, latent_dim=3, q_dim=6, a_dim=5, seed=1)
    runs = {
        "dot": train(pairs, similarity="dot", steps=40),
        "cos": train(pairs, similarity="cosine", temperature=0.1, steps=40),
    }
    loss_ax, recall_ax, length_ax = training_curves(runs, floor_temperature=0.1)
    assert loss_ax.get_yscale() == "log"
    assert len(loss_ax.get_lines()) == 2 + 2  # two runs, chance and floor
    heights = sorted(line.get_ydata()[0] for line in loss_ax.get_lines()[2:])
    floor = math.log1p(31 * math.exp(-32 / (31 * 0.1)))  # ln(1 + (N−1)e^(−N/((N−1)τ)))
    assert heights == pytest.approx(sorted([math.log(32), floor]), rel=1e-12)
    # Window means of 10 steps: the first point is the mean of steps 0-9.
    first = math.fsum(runs["dot"].loss[:10]) / 10
    assert loss_ax.get_lines()[0].get_ydata()[0] == pytest.approx(first, rel=1e-12)
    # Per run: question lengths (circles), then answer lengths (triangles).
    lines = length_ax.get_lines()
    np.testing.assert_array_equal(lines[0].get_ydata(), runs["dot"].q_norm)
    np.testing.assert_array_equal(lines[3].get_ydata(), runs["cos"].a_norm)
    assert (lines[0].get_marker(), lines[1].get_marker()) == ("o", "^")
    assert lines[0].get_linestyle() != lines[2].get_linestyle()  # runs differ beyond colour
    (legend,) = recall_ax.figure.legends  # one legend of the runs, for all three panels
    assert [t.get_text() for t in legend.get_texts()] == ["dot", "cos"]
    # Questions' and answers' markers sit at different steps, so touching lines stay apart.
    assert lines[0].get_markevery() != lines[1].get_markevery()
    # The step-0 lengths once more, black, above every line and not clipped at x = 0.
    starts = lines[4:8]  # then the line at length 1
    assert [line.get_ydata()[0] for line in starts[:2]] == [
        runs["dot"].q_norm[0],
        runs["dot"].a_norm[0],
    ]
    assert all(
        line.get_zorder() > lines[0].get_zorder() and not line.get_clip_on() for line in starts
    )
    assert all(line.get_markeredgecolor() == "black" for line in starts)
    np.testing.assert_array_equal(recall_ax.get_lines()[1].get_ydata(), runs["cos"].recall)
    # Two cosine runs, whose lengths overlap: markers on the first only, final lengths in a note.
    runs["learned"] = train(pairs, similarity="cosine", temperature=0.07, learn_temperature=True,
                            steps=40)  # fmt: skip
    length_ax = training_curves(runs, floor_temperature=0.1)[2]
    lines = length_ax.get_lines()
    assert lines[2].get_marker() == "o" and lines[4].get_marker() in ("", "None")
    (note,) = [t.get_text() for t in length_ax.texts if "step 40" in t.get_text()]
    last = runs["learned"]
    assert f"learned: {last.q_norm[-1]:.2f}, {last.a_norm[-1]:.2f}" in note
    assert f"cos: {runs['cos'].q_norm[-1]:.2f}" in note
    stuck = train(pairs, similarity="dot", init_scale=0.0, steps=40)
    ax = stuck_or_done(stuck, runs["cos"], done_temperature=0.1, ideal=0.5)
    np.testing.assert_allclose(ax.get_lines()[0].get_ydata(), math.log(32), atol=1e-12)
    chance_line = next(line for line in ax.get_lines()[2:] if line.get_ydata()[0] == math.log(32))
    assert chance_line.get_zorder() > ax.get_lines()[0].get_zorder()  # drawn over the stuck run
    assert any(line.get_ydata()[0] == 0.5 for line in ax.get_lines()[2:])  # the ideal line
