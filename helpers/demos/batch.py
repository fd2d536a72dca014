"""02.03 demo: one row of the score matrix, raw and normalized, with one answer stretched."""

from __future__ import annotations

from functools import partial

import numpy as np
import numpy.typing as npt

from ..live import Slider, SliderDemo, readout_table
from ..plotting import signed
from ..search import ScoreRow, score_row
from ..views.batch import ScoreRowView

# The notebook's four questions and five answers (d = 3), small whole numbers.
QUESTIONS = ((-1, 1, 3), (1, 2, 0), (2, -1, 1), (0, 2, 1))
ANSWERS = ((0, 1, -1), (1, 0, 3), (1, 0, 0), (3, 1, 1), (0, 2, 1))
STRETCHED = 3  # the answer whose length the slider changes
SCALES = (0.25, 3.0, 0.25)  # the length slider: min, max, step


def _scores(values: np.ndarray, decimals: int) -> str:
    return "  ".join(signed(float(v), decimals) for v in values)


def score_row_readout(row: ScoreRow) -> str:
    """HTML readout: the row's raw scores and cosines, and the best answer by each."""
    q = ", ".join(signed(float(x), 0).lstrip("+") for x in row.q)
    length = float(row.lengths[row.scaled])
    raw_best = signed(float(row.raw[row.best_raw]), 2)
    cos_best = signed(float(row.cosine[row.best_cosine]), 3)
    return readout_table(
        [
            ("question", f"q{row.question} = [{q}]"),
            (f"a{row.scaled} stretched", f"× {row.scale:.2f}, length {length:.3f}"),
            ("raw q·a0 … q·a4", _scores(row.raw, 2)),
            ("best by raw score", f"<b>a{row.best_raw}</b> ({raw_best})"),
            ("cosines", _scores(row.cosine, 3)),
            ("best by cosine", f"<b>a{row.best_cosine}</b> ({cos_best})"),
        ]
    )


def score_row_demo(
    question: int = 2,
    scale: float = 1.0,
    *,
    Q: npt.ArrayLike = QUESTIONS,
    A: npt.ArrayLike = ANSWERS,
) -> SliderDemo:
    """02.03: pick a row of S = Q Aᵀ and stretch one answer; raw winners move, cosines do not."""
    q, a = np.asarray(Q, dtype=float), np.asarray(A, dtype=float)
    lo, hi, step = SCALES
    # Every raw score any slider setting can show, so the axes never need to change.
    reach = np.concatenate([(q @ a.T).ravel(), lo * (q @ a[STRETCHED]), hi * (q @ a[STRETCHED])])
    span = float(reach.max() - min(reach.min(), 0.0))
    raw_lim = (min(float(reach.min()), 0.0) - 0.2 * span, float(reach.max()) + 0.3 * span)
    return SliderDemo(
        title="One row of S: raw scores and cosines",
        sliders=(
            Slider("question", "question i (a row of S)", 0, q.shape[0] - 1, 1, question),
            Slider("scale", f"length of a{STRETCHED} ×", lo, hi, step, scale, decimals=2),
        ),
        compute=lambda question, scale: score_row(
            q, a, round(question), scale=scale, scaled=STRETCHED
        ),
        view=partial(ScoreRowView, n_answers=a.shape[0], scaled=STRETCHED, raw_lim=raw_lim),
        readout=score_row_readout,
        figsize=(6.0, 6.4),
        notebook="02.03",
        caption=(
            f"Each bar is one entry of a row of S. Stretch a{STRETCHED}: its raw scores grow and"
            " it starts winning rows; its cosines, and the cosine winners, do not move."
        ),
    )


DEMOS = (score_row_demo,)
