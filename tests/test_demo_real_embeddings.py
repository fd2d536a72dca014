"""04.03 demo: the first k components of a MiniLM unit vector, against √(k/d) and random
directions; and the notebook's two static figures."""

import functools
import math
import re

import numpy as np
import pytest
import scipy.stats
from readouts import as_text, check_headless, shown_sliders

from helpers.datasets import load_glove, load_minilm_qa
from helpers.demos.real_embeddings import slice_length_demo
from helpers.real_embeddings import band_quartiles, best_answers, length_summary
from helpers.views.real_embeddings import length_vs_rank, qa_heatmap

TITLE = "The first k components of a unit vector"
NUMBER = r"(\d+\.\d+)"


@functools.cache
def _sentences() -> tuple[tuple[str, ...], tuple[tuple[float, ...], ...], int]:
    """Texts and vectors (as Python floats) of the 40 questions, then the 40 answers."""
    data = load_minilm_qa()
    texts = tuple(str(t) for t in (*data.questions, *data.answers))
    rows = tuple(tuple(float(x) for x in v) for v in (*data.q_emb, *data.a_emb))
    return texts, rows, len(data.questions)


def _first_k(v: tuple[float, ...], k: int) -> float:
    return math.sqrt(math.fsum(x * x for x in v[:k]))


def _beta_quantile_length(p: float, k: int, d: int) -> float:
    """The p-quantile of |u[:k]| for a random unit u in d dimensions: |u[:k]|² is a sum of
    k squared Gaussians over the sum of all d, which is Beta(k/2, (d − k)/2)."""
    if k == d:
        return 1.0
    return math.sqrt(scipy.stats.beta.ppf(p, k / 2, (d - k) / 2))


def _value(readout: str, label: str) -> str:
    m = re.search(re.escape(label) + r"\s+(.+?)(?=\s{2,}|$)", readout)
    assert m, f"no {label!r} in readout: {readout!r}"
    return m.group(1)


def check_readout(sliders: dict[str, str], readout: str) -> None:
    texts, rows, n_q = _sentences()
    k = int(sliders["k, first components kept"])
    (sentence_label,) = [label for label in sliders if label.startswith("sentence")]
    i = int(sliders[sentence_label])
    v, d = rows[i], len(rows[i])
    name = f"question {i}" if i < n_q else f"answer {i - n_q}"
    assert f"{name}: “{texts[i]}”" in readout, f"sentence {i} not named in {readout!r}"
    assert re.search(rf"\bk\s+{k} of {d} components", readout)
    length, full = _first_k(v, k), _first_k(v, d)
    m = re.search(r"length of the first k\s+" + NUMBER, readout)
    assert m and abs(float(m.group(1)) - length) < 6e-4, (m and m.group(1), length)
    m = re.search(r"typical: √\(k/d\)\s+" + NUMBER, readout)
    assert m and abs(float(m.group(1)) - math.sqrt(k / d)) < 6e-4
    m = re.search(r"random directions, middle 90%\s+" + NUMBER + r" to " + NUMBER, readout)
    assert m, f"no band in readout: {readout!r}"
    low, high = float(m.group(1)), float(m.group(2))
    for shown, p in ((low, 0.05), (high, 0.95)):
        exact = _beta_quantile_length(p, k, d)  # 1000 samples: a few % off at most
        assert abs(shown - exact) < 0.06 * exact + 0.003, (k, p, shown, exact)
    m = re.search(r"share of \|v\|² in the first k\s+(\d+\.\d)%", readout)
    assert m and abs(float(m.group(1)) - 100 * length**2 / full**2) < 0.06
    m = re.search(r"length of the whole vector\s+" + NUMBER, readout)
    assert m and abs(float(m.group(1)) - full) < 6e-4
    reach = next((j for j in range(1, d + 1) if _first_k(v, j) >= 0.8 * full), None)
    m = re.search(r"first k reaching 0\.8\s+(never|k = (\d+))", readout)
    assert m, f"no 0.8 crossing in readout: {readout!r}"
    assert (m.group(1) == "never") if reach is None else int(m.group(2)) == reach


READOUT_CHECKS = {TITLE: check_readout}


def test_readout_check_passes_on_the_demo_itself():
    demo = slice_length_demo()
    assert demo.title == TITLE
    settings = [
        {"k": k, "sentence": s} for k in (1, 5, 16, 100, 250, 383, 384) for s in (0, 23, 79)
    ]
    check_headless(demo, check_readout, settings)


def test_a_wrong_readout_fails_the_check():
    demo = slice_length_demo(k=5, sentence=0)
    text = as_text(demo.readout)
    sliders = shown_sliders(demo)
    assert "0.114" in text
    with pytest.raises(AssertionError):
        check_readout(sliders, text.replace("0.114", "0.013"))  # k/d, not √(k/d)
    with pytest.raises(AssertionError):
        check_readout(sliders, text.replace("question 0", "answer 0"))
    with pytest.raises(AssertionError):
        check_readout({**sliders, "k, first components kept": "6"}, text)


def test_stepping_moves_the_markers_along_the_curve():
    demo = slice_length_demo()
    _, rows, _ = _sentences()
    view = demo.view
    for k, s in ((1, 0), (5, 0), (100, 41), (384, 79)):
        demo.step(k=k, sentence=s)
        (x,), (y,) = view.point.get_data()
        assert x == k and y == pytest.approx(_first_k(rows[s], k), abs=1e-9)
        (_, ty) = view.typical.get_data()
        assert ty[0] == pytest.approx(math.sqrt(k / 384))
        assert list(view.at_k.get_xdata()) == [k, k]
        curve = view.curve.get_ydata()
        assert curve[-1] == pytest.approx(1.0, abs=1e-6) and len(curve) == 384
        assert curve[9] == pytest.approx(_first_k(rows[s], 10), abs=1e-9)
    assert view.title.get_text() == ""  # the live figure leaves the numbers to the readout
    scene = demo.scene()
    assert {p["kind"] for p in scene} == {"path"}


def test_snapshot_titles_name_the_sentence_and_both_lengths():
    demo = slice_length_demo()
    fig = demo.snapshots([{"k": 5}, {"k": 384, "sentence": 45}])
    first, last = (ax.get_title(loc="left") for ax in fig.axes)
    assert first.startswith("question 0, k = 5\n") and "√(5/384) = 0.114" in first
    assert last.startswith("answer 5, k = 384\n") and "first k: 1.000" in last
    assert "100.0%" in last
    assert fig.axes[0].get_xscale() == "log"


def test_length_vs_rank_marks_the_extremes_the_bands_and_the_reference():
    g = load_glove()
    v = g.vectors[:2000].astype(np.float64)
    s = length_summary(v)
    bands = band_quartiles(g.rank[:2000], s.lengths, [0, 100, 2000])
    ax = length_vs_rank(
        s, g.rank[:2000], g.words[:2000], bands, title="(a) ", rho=-0.2,
        reference=1.0, reference_label="length 1",
    )  # fmt: skip
    labels = [t.get_text() for t in ax.texts]
    shortest, longest = s.order[0], s.order[-1]
    for i in (shortest, longest):
        assert f"{g.words[i]} ({s.lengths[i]:.2f}, rank {g.rank[i] + 1:,})" in labels
    assert "length 1" in labels
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["one GloVe word", "middle half of a band (quartiles)", "median of a band"]
    # One box per band from its first to its third quartile, one bar at its median,
    # spanning the band's ranks (counted from 1 on the axis).
    boxes = [(p.get_x(), p.get_x() + p.get_width(), p.get_y(), p.get_y() + p.get_height())
             for p in ax.patches]  # fmt: skip
    expected = [(1, 100), (101, 2000)]
    for b, (lo, hi) in enumerate(expected):
        inside = s.lengths[(g.rank[:2000] >= lo - 1) & (g.rank[:2000] < hi)]
        q1, q3 = np.percentile(inside, [25, 75])
        assert boxes[b] == pytest.approx((lo, hi, q1, q3))
    bars = [ln for ln in ax.lines if ln.get_color() == "#000000" and ln.get_linewidth() == 3]
    assert [list(b.get_xdata()) for b in bars] == [[1, 100], [101, 2000]]
    assert [b.get_ydata()[0] for b in bars] == pytest.approx(list(bands.median))
    assert ax.get_title(loc="left") == "(a) Spearman ρ = −0.20" and ax.get_xscale() == "log"
    # The linear version: no names, no legend, a linear axis.
    linear = length_vs_rank(s, g.rank[:2000], g.words[:2000], bands, log=False,
                            name_extremes=False, reference=None, legend=None)  # fmt: skip
    assert linear.get_xscale() == "linear" and not linear.texts and linear.get_legend() is None
    assert len(linear.patches) == 2
    with pytest.raises(ValueError, match="one rank and one word"):
        length_vs_rank(s, g.rank[:10], g.words[:2000], bands)


def test_qa_heatmap_boxes_every_best_answer_and_flags_the_misses():
    s = np.array([[0.9, 0.1, 0.3], [0.8, 0.2, 0.1], [0.0, 0.1, 0.5]])
    r = best_answers(s)
    ax = qa_heatmap(s, r, colorbar="cosine")
    boxes = [(p.get_x(), p.get_y()) for p in ax.patches]
    assert boxes == [(-0.5, -0.5), (-0.5, 0.5), (1.5, 1.5)]  # best of rows 0, 1, 2: 0, 0, 2
    assert [t.get_text() for t in ax.texts] == ["◀ q1: missed"]
    (ring,) = ax.lines
    assert list(ring.get_xdata()) == [1] and list(ring.get_ydata()) == [1]
    with pytest.raises(ValueError, match="square"):
        qa_heatmap(np.ones((2, 3)), r)
