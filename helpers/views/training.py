"""03.02: training curves of a tiny dual encoder, and its 2-D embeddings moving as it trains.

* :func:`training_curves`: loss (against chance and the cosine floor), held-out recall@1
  and mean embedding lengths of several runs, one colour and line style per run;
* :func:`stuck_or_done`: two flat losses, one stuck at chance, one at its floor;
* :class:`MovingEmbeddingsView`: the dot-product and cosine runs' 2-D embeddings at one
  step, questions as circles, answers as triangles, each pair joined by a thin line.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.ticker import NullLocator

from ..contrastive import chance_loss, loss_floor
from ..plotting import GREY, PALETTE, draw_unit_circle, new_figure, signed, vector_axes
from ..training import CURVE_WINDOW, EmbeddingFrame, FrameSide, Run

# One look per kind of run: colour AND line style, so colour is never the only cue.
STYLES: dict[str, dict[str, object]] = {
    "dot": {"color": PALETTE["vermillion"], "ls": "-"},
    "cosine": {"color": PALETTE["blue"], "ls": "--"},
    "learned": {"color": PALETTE["green"], "ls": ":"},
}
Q_MARK = {"marker": "o", "color": PALETTE["blue"], "ms": 8}  # questions: circles
A_MARK = {"marker": "^", "color": PALETTE["vermillion"], "ms": 9}  # answers: triangles


def _style(run: Run) -> dict[str, object]:
    key = "learned" if run.learn_temperature else run.similarity
    return STYLES[key]


def window_means(values: Sequence[float], width: int) -> np.ndarray:
    """Means of consecutive windows of ``width`` values (a last partial window is dropped)."""
    x = np.asarray(values, dtype=float)
    if isinstance(width, bool) or not isinstance(width, int) or width < 1:
        raise ValueError(f"width must be a whole number of steps ≥ 1, got {width!r}.")
    k = x.size // width
    if k == 0:
        raise ValueError(f"width={width} is longer than the {x.size} values; use a smaller width.")
    return x[: k * width].reshape(k, width).mean(axis=1)


def training_curves(
    runs: dict[str, Run], *, floor_temperature: float, axes: Sequence[Axes] | None = None
) -> list[Axes]:
    """Three panels for runs labelled by ``runs``' keys: training loss (log scale, mean of every
    CURVE_WINDOW steps) with chance ln N and the cosine floor at ``floor_temperature``;
    held-out recall@1 with chance 1/n; mean lengths of the held-out questions (circles) and
    answers (triangles). One legend of the runs above all three panels.

    In the length panel the cosine runs' lines lie on top of each other, so only the first
    cosine run carries markers, and a note gives every cosine run's final lengths; the
    step-0 lengths are drawn once more, in black, above all the lines."""
    if not runs:
        raise ValueError("runs is empty; pass at least one run, e.g. {'dot product': run}.")
    if axes is None:
        axes = new_figure(15.0, 5.0, ncols=3).axes
    loss_ax, recall_ax, length_ax = axes
    first = next(iter(runs.values()))
    n, width = first.batch_size, CURVE_WINDOW
    every = max(3, len(first.eval_steps) // 6)  # a marker every few measurements
    cosine_runs = [label for label, run in runs.items() if run.similarity == "cosine"]
    for label, run in runs.items():
        style = _style(run)
        steps = np.arange(run.steps // width) * width + width / 2
        loss_ax.plot(steps, window_means(run.loss, width), label=label, **style)
        recall_ax.plot(run.eval_steps, run.recall, label=label, **style)
        marked = run.similarity == "dot" or label == cosine_runs[0]
        # Questions' and answers' markers at different steps: their lines may touch.
        for values, mark, start in ((run.q_norm, Q_MARK, every), (run.a_norm, A_MARK, every // 2)):
            length_ax.plot(
                run.eval_steps, values, marker=mark["marker"] if marked else "", ms=7,
                mfc="white", markevery=(start, every), **style,
            )  # fmt: skip
    for run in runs.values():  # where every run starts, above the lines (half out at x = 0)
        for values, mark in ((run.q_norm, Q_MARK), (run.a_norm, A_MARK)):
            length_ax.plot(
                [0], values[:1], ls="none", marker=mark["marker"], ms=7, mfc="white",
                mec="black", zorder=5, clip_on=False,
            )  # fmt: skip
    chance = chance_loss(n)
    floor = loss_floor(n, floor_temperature)
    loss_ax.set_yscale("log")
    loss_ax.yaxis.set_minor_locator(NullLocator())  # one grid line per factor of 10
    loss_ax.axhline(chance, color="black", lw=1.2)
    loss_ax.axhline(floor, color=GREY, lw=1.2, ls="-.")
    right = first.steps
    loss_ax.text(right, chance * 1.12, f"chance ln {n} = {chance:.3f}", ha="right", va="bottom",
                 fontsize=12)  # fmt: skip
    loss_ax.text(right, floor * 1.15, f"cosine floor, τ = {floor_temperature:g}: {floor:.4f}",
                 ha="right", va="bottom", fontsize=12, color="#444444")  # fmt: skip
    loss_ax.set_ylim(floor / 2.5, 12)
    loss_ax.set_title(f"training loss, mean of {width} steps", fontsize=14, loc="left")
    loss_ax.set_ylabel("loss (log scale)")

    recall_ax.axhline(first.chance_recall, color="black", lw=1.2)
    n_test = round(1 / first.chance_recall)
    recall_ax.text(right, first.chance_recall + 0.02, f"chance 1/{n_test}", ha="right",
                   va="bottom", fontsize=12)  # fmt: skip
    recall_ax.set_ylim(0, 1.02)
    recall_ax.set_title(f"held-out recall@1, {n_test} candidates", fontsize=14, loc="left")
    recall_ax.set_ylabel("recall@1")
    handles, labels = recall_ax.get_legend_handles_labels()
    recall_ax.figure.legend(
        handles, labels, loc="outside upper center", ncols=len(runs), fontsize=13, frameon=False
    )

    top = max(max(float(r.q_norm.max()), float(r.a_norm.max())) for r in runs.values())
    length_ax.set_ylim(0, 1.1 * top)
    length_ax.axhline(1.0, color=GREY, lw=1.0, ls="-.")
    length_ax.text(right, 0.93, "length 1", ha="right", va="top", fontsize=12, color="#444444")
    length_ax.set_title("mean length, held-out embeddings", fontsize=14, loc="left")
    length_ax.set_ylabel("mean length")
    marks = ((Q_MARK, "questions |q|"), (A_MARK, "answers |a|"))
    handles = [
        Line2D([], [], color="black", marker=m["marker"], mfc="white", label=label)
        for m, label in marks
    ]
    length_ax.legend(handles=handles, loc="upper left", fontsize=12)
    if len(cosine_runs) > 1:  # their lines overlap: give their final lengths in words
        high = max(float(np.max(np.r_[runs[c].q_norm, runs[c].a_norm])) for c in cosine_runs)
        note = [f"step {right}, |q| and |a|:"] + [
            f"{c}: {runs[c].q_norm[-1]:.2f}, {runs[c].a_norm[-1]:.2f}" for c in cosine_runs
        ]
        length_ax.text(right, min(high + 0.07 * top, 0.8 * top), "\n".join(note), ha="right",
                       va="bottom", fontsize=12, color="#444444")  # fmt: skip
    for ax in axes:
        ax.set_xlim(0, right)
        ax.set_xlabel("training step")
    return list(axes)


def stuck_or_done(
    stuck: Run,
    done: Run,
    *,
    done_temperature: float,
    ideal: float | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Two flat training losses (mean of every CURVE_WINDOW steps): ``stuck`` on chance ln N,
    ``done`` just above its cosine floor at ``done_temperature``, and, if given, the
    ``ideal`` loss of a reference encoder (a dotted line). The chance line is drawn over the
    stuck run's wide, pale line, so both stay visible."""
    if ax is None:
        ax = new_figure(9.0, 4.6).axes[0]
    n, width = stuck.batch_size, CURVE_WINDOW
    chance, floor = chance_loss(n), loss_floor(n, done_temperature)
    looks = (
        (stuck, "zero-initialized encoders (dot product)", PALETTE["purple"], "-", 7.0, 0.45),
        (done, f"cosine, τ = {done_temperature:g}", PALETTE["blue"], "--", 2.5, 1.0),
    )
    for run, label, color, ls, lw, alpha in looks:
        steps = np.arange(run.steps // width) * width + width / 2
        ax.plot(steps, window_means(run.loss, width), label=label, color=color, ls=ls, lw=lw,
                alpha=alpha)  # fmt: skip
    ax.axhline(chance, color="black", lw=1.3, zorder=4)  # drawn over the stuck run's line
    ax.axhline(floor, color=GREY, lw=1.2, ls="-.")
    right = stuck.steps
    ax.text(right, chance + 0.03, f"chance ln {n} = {chance:.3f}", ha="right", va="bottom",
            fontsize=12)  # fmt: skip
    ax.text(right, floor - 0.03, f"floor at τ = {done_temperature:g}: {floor:.3f}", ha="right",
            va="top", fontsize=12, color="#444444")  # fmt: skip
    if ideal is not None:
        ax.axhline(ideal, color=PALETTE["green"], lw=1.5, ls=":")
        ax.text(0.01 * right, ideal - 0.012, f"ideal encoder (z itself): {ideal:.3f}",
                ha="left", va="top", fontsize=12, color=PALETTE["green"])  # fmt: skip
    ax.set_ylim(floor - 0.35, chance + 0.35)
    ax.set_xlim(0, right)
    ax.set_title(f"training loss, mean of {width} steps", fontsize=14, loc="left")
    ax.set_xlabel("training step")
    ax.set_ylabel("loss")
    ax.legend(loc="center right", fontsize=12)
    return ax


class MovingEmbeddingsView:
    """The shown held-out pairs at one training step: dot product (raw embeddings, the axes
    sized to their largest reach over the whole run) and cosine (unit vectors, on the circle).

    Questions are circles, answers triangles, and a thin grey line joins each pair, so
    nothing depends on colour. In a wide axes the panels sit side by side, in a tall one
    (the snapshots) one above the other.
    """

    def __init__(self, ax: Axes, *, readout: bool = True, reach: float = 3.0) -> None:
        if not (isinstance(reach, int | float) and math.isfinite(reach) and reach > 0):
            raise ValueError(
                f"reach must be a positive number (the largest coordinate), got {reach!r}."
            )
        self.readout = readout
        ax.set_axis_off()
        fig_w, fig_h = ax.figure.get_size_inches()
        box = ax.get_position()
        self.wide = box.width * fig_w >= box.height * fig_h
        if self.wide:  # the live figure: side by side, under a legend
            frames = ((0.03, 0.0, 0.44, 0.82), (0.56, 0.0, 0.44, 0.82))
        else:  # a snapshot: one above the other, each with its numbers on its right
            frames = ((0.07, 0.5, 0.5, 0.36), (0.07, 0.02, 0.5, 0.36))
        self.dot_ax = ax.inset_axes(frames[0])
        self.cos_ax = ax.inset_axes(frames[1])
        lim = 1.1 * reach
        step = next(s for s in (1, 2, 3, 5, 10, 20, 50, 100) if lim // s <= 2)  # ≤ 5 ticks
        top = int(lim // step) * step
        vector_axes(self.dot_ax, lim=lim, ticks=tuple(range(-top, top + 1, step)))
        vector_axes(self.cos_ax, lim=1.3, ticks=(-1, 0, 1))
        self.names = ("dot product: q and a as they are", "cosine: q/|q| and a/|a|")
        self.panels = []
        for sub in (self.dot_ax, self.cos_ax):
            draw_unit_circle(sub)
            sub.set_xlabel("")
            sub.set_ylabel("")
            sub.tick_params(labelsize=11)
            (links,) = sub.plot([], [], color=GREY, lw=0.9, zorder=2)
            (qs,) = sub.plot([], [], ls="none", mec="black", mew=0.6, zorder=4, **Q_MARK)
            (ans,) = sub.plot([], [], ls="none", mec="black", mew=0.6, zorder=3, **A_MARK)
            head = sub.text(0.0, 1.03, "", transform=sub.transAxes, fontsize=13, va="bottom")
            numbers = sub.text(1.06, 0.98, "", transform=sub.transAxes, fontsize=12, va="top",
                               linespacing=1.5)  # fmt: skip
            self.panels.append((links, qs, ans, head, numbers))
        handles = [
            Line2D([], [], ls="none", mec="black", mew=0.6, label="question", **Q_MARK),
            Line2D([], [], ls="none", mec="black", mew=0.6, label="answer", **A_MARK),
            Line2D([], [], color=GREY, lw=0.9, label="pair"),
            Line2D([], [], color=GREY, lw=1.2, ls="--", label="unit circle"),
        ]
        ax.legend(
            handles=handles, loc="upper center", ncols=4, frameon=False,
            fontsize=12, bbox_to_anchor=(0.5, 1.0 if self.wide else 0.955),
            handletextpad=0.3, columnspacing=0.9, borderaxespad=0.0,
        )  # fmt: skip
        self.title = ax.text(0.0, 1.0, "", transform=ax.transAxes, fontsize=15, va="bottom",
                             fontweight="bold")  # fmt: skip
        self.artists = [a for panel in self.panels for a in panel] + [self.title]

    @staticmethod
    def _links(side: FrameSide) -> tuple[np.ndarray, np.ndarray]:
        """x and y of one polyline joining q_i to a_i for every i, broken by NaN between pairs."""
        n = side.Q.shape[0]
        xy = np.full((3 * n, 2), np.nan)
        xy[0::3], xy[1::3] = side.Q, side.A
        return xy[:, 0], xy[:, 1]

    def update(self, frame: EmbeddingFrame) -> None:
        sides = (frame.dot, frame.cosine)
        for panel, side, name in zip(self.panels, sides, self.names, strict=True):
            links, qs, ans, head, numbers = panel
            links.set_data(*self._links(side))
            qs.set_data(side.Q[:, 0], side.Q[:, 1])
            ans.set_data(side.A[:, 0], side.A[:, 1])
            head.set_text(name)
            if self.readout:
                raw = "raw " if side.similarity == "cosine" else ""  # lengths before q/|q|
                numbers.set_text(
                    f"loss {side.loss:.3f}\nmean {raw}|q| {side.q_norm:.2f}"
                    f"\nmean {raw}|a| {side.a_norm:.2f}\nalignment {side.alignment:.3f}"
                    f"\nuniformity {signed(side.uniformity, 3)}"
                )
        if self.readout:
            self.title.set_text(f"step {frame.step}")
