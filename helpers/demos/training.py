"""03.02 demo: slide through training and watch 2-D embeddings move, dot product vs cosine."""

from __future__ import annotations

from functools import partial

from ..live import Slider, SliderDemo, readout_table
from ..plotting import signed
from ..training import EmbeddingFrame, embedding_frame, moving_embeddings
from ..views.training import MovingEmbeddingsView

STEPS, EVERY = 300, 10  # the runs are kept every 10 steps; the slider moves between those


def moving_readout(frame: EmbeddingFrame) -> str:
    """HTML readout: the step, then loss, mean lengths, alignment and uniformity of each run.

    The cosine run's lengths are those of its raw embeddings, before q/|q|: "mean raw length".
    """
    rows = [("training step", f"<b>{frame.step}</b>")]
    for side, name in (
        (frame.dot, "dot product"),
        (frame.cosine, f"cosine τ = {frame.temperature:g}"),
    ):
        rows += [
            (f"{name}: loss", f"<b>{side.loss:.3f}</b>"),
            (
                f"{name}: mean {'raw ' if side.similarity == 'cosine' else ''}length",
                f"|q| {side.q_norm:.3f} &nbsp; |a| {side.a_norm:.3f}",
            ),
            (
                f"{name}: alignment, uniformity",
                f"{side.alignment:.3f} &nbsp; {signed(side.uniformity, 3)}",
            ),
        ]
    return readout_table(rows)


def moving_embeddings_demo(step: float = 0) -> SliderDemo:
    """03.02: one slider over the training step; 2-D embeddings under dot product and cosine."""
    moving = moving_embeddings(steps=STEPS, every=EVERY)
    return SliderDemo(
        title="Watch the embeddings move: dot product vs cosine",
        sliders=(Slider("step", "training step", 0, STEPS, EVERY, step),),
        compute=partial(embedding_frame, moving),
        view=partial(MovingEmbeddingsView, reach=moving.reach),
        figsize=(10.0, 5.6),
        notebook="03.02",
        caption=(
            "Slide through training: under the dot product the 2-D embeddings drift outward,"
            " under cosine they spread around the circle and each question meets its answer."
        ),
        readout=moving_readout,
    )


DEMOS = (moving_embeddings_demo,)
