"""04.03 demo: how long are the first k components of a real unit vector?

The vectors are the all-MiniLM-L6-v2 embeddings shipped with the course (40 questions,
then their 40 answers; d = 384, length 1). A slider picks k, another the sentence.
"""

from __future__ import annotations

import html
from functools import partial

import numpy as np

from ..datasets import load_minilm_qa
from ..live import Slider, SliderDemo, readout_table
from ..real_embeddings import SliceView, random_slice_band, slice_view
from ..views.real_embeddings import SCREENSHOT, SliceLengthView

BAND_SEED = 403  # the random directions of the band
BAND_SIZE = 1000


def sentence_name(index: int, n_questions: int) -> str:
    """How the readout names row ``index`` of the stacked questions and answers: "question 3"
    or "answer 3"."""
    if index < n_questions:
        return f"question {index}"
    return f"answer {index - n_questions}"


def slice_readout(result: SliceView, texts: tuple[str, ...], n_questions: int) -> str:
    """HTML readout: the sentence, k, the slice's length beside √(k/d) and the random band."""
    low, _, high = result.band
    reaches = "never" if result.reaches is None else f"k = {result.reaches}"
    return readout_table(
        [
            (
                "sentence",
                f"{sentence_name(result.index, n_questions)}: “{html.escape(texts[result.index])}”",
            ),
            ("k", f"{result.k} of {result.d} components"),
            ("length of the first k", f"<b>{result.length:.3f}</b>"),
            ("typical: √(k/d)", f"{result.typical:.3f}"),
            ("random directions, middle 90%", f"{low:.3f} to {high:.3f}"),
            ("share of |v|² in the first k", f"{100 * result.share:.1f}%"),
            ("length of the whole vector", f"{result.full:.3f}"),
            (f"first k reaching {SCREENSHOT}", reaches),
        ]
    )


def slice_length_demo(k: int = 5, sentence: int = 0) -> SliderDemo:
    """04.03: keep the first k components of a MiniLM unit vector; how long is what is left?"""
    data = load_minilm_qa()
    vectors = np.vstack([data.q_emb, data.a_emb]).astype(np.float64)
    texts = tuple(str(t) for t in (*data.questions, *data.answers))
    n_q = len(data.questions)
    n, d = vectors.shape
    band = random_slice_band(d, n=BAND_SIZE, seed=BAND_SEED)
    return SliderDemo(
        title="The first k components of a unit vector",
        sliders=(
            Slider("k", "k, first components kept", 1, d, 1, k),
            Slider(
                "sentence",
                f"sentence (questions 0–{n_q - 1}, answers {n_q}–{n - 1})",
                0,
                n - 1,
                1,
                sentence,
            ),
        ),
        compute=lambda k, sentence: slice_view(vectors, round(sentence), round(k), band),
        view=partial(SliceLengthView, band=band, name=partial(sentence_name, n_questions=n_q)),
        readout=partial(slice_readout, texts=texts, n_questions=n_q),
        figsize=(6.4, 5.0),
        notebook="04.03",
        caption=(
            "Five components of a 384-d unit vector have length about √(5/384) ≈ 0.11, not 0.8;"
            " add components and the length climbs to 1 only when all 384 are kept."
        ),
    )


DEMOS = (slice_length_demo,)
