"""04.01 demo: one query's weights over 8 keys, with and without √d, as d grows.

The readout check rebuilds the query and keys from the seeded draws the demo's text
describes (the query's 512 entries first, then 8 keys of 512), takes the first d entries,
and computes every number with Python loops, math.exp and math.log: nothing is shared
with the demo's code.
"""

import math
import re

import numpy as np
import pytest
from readouts import as_text, check_headless, shown_sliders

from helpers.attention import entropy_curve
from helpers.demos.attention import saturation_demo
from helpers.plotting import new_figure
from helpers.views.attention import SaturationView, entropy_curves

TITLE = "Attention weights with and without √d"
SEED, N, LONGEST = 406, 8, 512  # the demo's vectors, as its text describes them
NUMBER = r"([−+-]?\d+\.\d+)"


def _vectors_by_loops() -> tuple[list[float], list[list[float]]]:
    rng = np.random.default_rng(SEED)
    q = [float(x) for x in rng.standard_normal(LONGEST)]
    keys = rng.standard_normal((N, LONGEST)).tolist()
    return q, keys


QUERY, KEYS = _vectors_by_loops()


def _softmax(row: list[float]) -> list[float]:
    top = max(row)
    e = [math.exp(x - top) for x in row]
    total = math.fsum(e)
    return [x / total for x in e]


def _entropy(w: list[float]) -> float:
    return 0.0 - math.fsum(p * math.log(p) for p in w if p > 0)


def _expected(d: int) -> dict[str, float]:
    scores = [math.fsum(a * b for a, b in zip(QUERY[:d], k[:d], strict=True)) for k in KEYS]
    root = math.sqrt(d)
    scaled, raw = _softmax([s / root for s in scores]), _softmax(scores)
    return {
        "root": root,
        "lo": min(scores),
        "hi": max(scores),
        "scaled_max": max(scaled),
        "scaled_h": _entropy(scaled),
        "raw_max": max(raw),
        "raw_h": _entropy(raw),
    }


def _num(text: str) -> float:
    return float(text.replace("−", "-"))


def check_readout(sliders: dict[str, str], readout: str) -> None:
    d = 2 ** int(sliders["log₂ d"])
    e = _expected(d)
    m = re.search(r"d, dimension of q and k\s+(\d+)\s+\(√d = (\d+\.\d+)\)", readout)
    assert m, f"no d in readout: {readout!r}"
    assert int(m.group(1)) == d and abs(float(m.group(2)) - e["root"]) < 6e-3
    for label, scale in (("scores q·k", 1.0), ("scores ÷ √d", e["root"])):
        m = re.search(re.escape(label) + rf"\s+from\s+{NUMBER}\s+to\s+{NUMBER}", readout)
        assert m, f"no {label!r} in readout: {readout!r}"
        assert abs(_num(m.group(1)) - e["lo"] / scale) < 6e-3
        assert abs(_num(m.group(2)) - e["hi"] / scale) < 6e-3
    for label, key in (("with √d", "scaled"), ("without √d", "raw")):
        m = re.search(
            rf"(?<!out ){re.escape(label)}\s+max weight\s+{NUMBER}\s+entropy\s+{NUMBER}", readout
        )
        assert m, f"no {label!r} in readout: {readout!r}"
        assert abs(float(m.group(1)) - e[f"{key}_max"]) < 6e-4
        assert abs(float(m.group(2)) - e[f"{key}_h"]) < 6e-4
    m = re.search(r"ln n, equal weights \(n = 8\)\s+(\d+\.\d+)", readout)
    assert m and abs(float(m.group(1)) - math.log(8)) < 6e-4


READOUT_CHECKS = {TITLE: check_readout}


def test_readout_check_passes_on_the_demo_itself():
    demo = saturation_demo()
    assert demo.title == TITLE
    check_headless(demo, check_readout, [{"log2_d": k} for k in range(10)])


def test_a_wrong_readout_fails_the_check():
    demo = saturation_demo()
    demo.set(log2_d=9)
    text = re.sub(r"\s+", " ", as_text(demo.readout))
    assert "max weight 1.000" in text and "entropy 1.891" in text
    check_readout(shown_sliders(demo), text)
    with pytest.raises(AssertionError):
        check_readout(shown_sliders(demo), text.replace("entropy 1.891", "entropy 1.791"))
    with pytest.raises(AssertionError):  # the panels swapped
        swapped = text.replace("without √d", "WITHOUT").replace("with √d", "without √d")
        check_readout(shown_sliders(demo), swapped.replace("WITHOUT", "with √d"))
    with pytest.raises(AssertionError):  # d = 256 shown while the slider says 512
        check_readout(shown_sliders(demo), text.replace("512", "256", 1))


def test_the_slider_spans_d_1_to_512():
    demo = saturation_demo()
    (slider,) = demo.sliders
    assert slider.label == "log₂ d" and slider.grid() == tuple(range(10))
    assert [demo.step(log2_d=k).d for k in slider.grid()] == [2**k for k in range(10)]


def _heights(bars) -> list[float]:
    return [bar.get_height() for bar in bars]


def test_growing_d_saturates_only_the_panel_without_sqrt_d():
    demo = saturation_demo(log2_d=0)
    view = demo.view
    (scaled_bars, _, scaled_fill, _), (raw_bars, raw_labels, raw_fill, _) = view.panels
    # d = 1: √1 = 1, the two panels are the same.
    assert _heights(scaled_bars) == pytest.approx(_heights(raw_bars))
    assert scaled_fill.get_width() == pytest.approx(raw_fill.get_width())
    e = _expected(1)
    assert scaled_fill.get_width() == pytest.approx(N * e["scaled_h"] / math.log(N))
    # d = 512: one bar without √d is (almost) 1 and its gauge (almost) empty.
    result = demo.step(log2_d=9)
    e = _expected(512)
    assert max(_heights(raw_bars)) == pytest.approx(e["raw_max"]) and e["raw_max"] > 0.999
    assert raw_fill.get_width() < 0.01
    assert scaled_fill.get_width() == pytest.approx(N * e["scaled_h"] / math.log(N))
    assert max(_heights(scaled_bars)) == pytest.approx(e["scaled_max"])
    assert e["scaled_max"] < 0.5
    assert sum(_heights(scaled_bars)) == pytest.approx(1.0)
    # The tallest bar is the same key in both panels, and its label sits on top of it.
    assert np.argmax(_heights(raw_bars)) == np.argmax(_heights(scaled_bars)) == result.top
    top_label = raw_labels[result.top]
    assert top_label.get_text() == "1.00"
    assert top_label.get_position()[1] > raw_bars[result.top].get_height()
    assert view.title.get_text() == ""  # the live figure leaves numbers to the readout


def test_snapshots_name_d_and_each_panel_numbers():
    fig = saturation_demo().snapshots([{"log2_d": 0}, {"log2_d": 9}])
    texts = [[t.get_text() for t in ax.texts] for ax in fig.axes]
    assert "d = 1, √d = 1.00" in texts[0] and "d = 512, √d = 22.63" in texts[1]
    e = _expected(512)

    def shown(x: float) -> str:  # two decimals, explicit sign, true minus
        return f"{x:+.2f}".replace("-", "−")

    root = e["root"]
    assert (
        f"scores q·k from {shown(e['lo'])} to {shown(e['hi'])}\n"
        f"max weight {e['raw_max']:.3f}, entropy {e['raw_h']:.3f}"
    ) in texts[1]
    assert (
        f"scores ÷ √d from {shown(e['lo'] / root)} to {shown(e['hi'] / root)}\n"
        f"max weight {e['scaled_max']:.3f}, entropy {e['scaled_h']:.3f}"
    ) in texts[1]
    assert texts[1].count("weight") == 2  # the y-label of each panel
    assert "with √d: softmax(q·k / √d)" in texts[0] and "without √d: softmax(q·k)" in texts[0]
    # One above the other in a tall snapshot: the panel without √d sits lower.
    view = SaturationView(new_figure(4.6, 5.3).axes[0])
    assert not view.wide and view.offsets[1][1] < view.offsets[0][1]


def test_the_view_refuses_a_different_number_of_keys():
    view = SaturationView(new_figure(9.6, 4.8).axes[0], n=8)
    assert view.wide
    from helpers.attention import saturation

    with pytest.raises(ValueError, match="built for n=8 keys but the result has 3"):
        view.update(saturation([1.0, 0.0], [[1, 0], [0, 1], [1, 1]]))


def test_entropy_curves_draws_both_lines_and_ln_n():
    curve = entropy_curve([1, 2, 4, 8], n=8, queries=20, seed=1)
    ax = entropy_curves(curve)
    lines = [line for line in ax.get_lines() if len(line.get_xdata()) == 4]
    np.testing.assert_allclose(lines[0].get_ydata(), curve.scaled_entropy)
    np.testing.assert_allclose(lines[1].get_ydata(), curve.raw_entropy)
    assert any(t.get_text().startswith("ln 8 = 2.079") for t in ax.texts)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["with √d: softmax(q·k / √d)", "without √d: softmax(q·k)"]
