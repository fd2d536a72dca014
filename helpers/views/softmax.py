"""03.01: one row of cosine scores and its softmax at a temperature; the loss as the
scores are scaled; the floor of the loss for N unit vectors.

* :class:`TemperatureView`: the row's cosines (top) and softmax(cosine / τ) (bottom), the
  right answer first, then the negatives from the highest cosine down;
* :func:`scale_curves`: the loss of k·S against k, one line per score matrix;
* :func:`floor_curve`: the floor against τ, with the losses of random batches above it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt
from matplotlib.axes import Axes
from matplotlib.patches import Polygon, Rectangle

from ..contrastive import chance_loss, loss_floor
from ..plotting import GREY, PALETTE, _get_ax, signed
from ..temperature import TemperatureRow

RIGHT = PALETTE["blue"]  # the right answer: dark blue with a black edge, and labelled
NEGATIVE = PALETTE["orange"]  # the negatives
BAR = 0.7  # bar width as a share of its slot


def number(x: float) -> str:
    """A probability or loss for display: 4 decimals, or 2 significant digits when tiny."""
    return f"{x:.4f}" if x >= 0.001 or x == 0 else f"{x:.1e}"


def _bars(heights: np.ndarray, slot: float) -> np.ndarray:
    """Outline of bars side by side on the baseline y = 0, the first at x = slot."""
    x0 = slot * (np.arange(heights.size) + 1) + (1 - BAR) / 2 * slot
    x1 = x0 + BAR * slot
    zero = np.zeros_like(heights)
    corners = np.stack([x0, zero, x0, heights, x1, heights, x1, zero], axis=1)
    return corners.reshape(-1, 2)


class TemperatureView:
    """Top: the row's cosine scores. Bottom: softmax(cosine / τ), the probabilities.

    The right answer's bar comes first, dark blue with a black edge and labelled; then the
    N − 1 negatives, orange, from the highest cosine to the lowest. Each bar gets a slot of
    width 1/N, so the row always spans the same width. A dashed line marks 1/N, the
    probability of every answer when all scores are equal.
    """

    def __init__(self, ax: Axes, *, readout: bool = True) -> None:
        self.readout = readout
        ax.set_axis_off()
        self.cos_ax = ax.inset_axes((0.0, 0.62, 1.0, 0.29))
        self.prob_ax = ax.inset_axes((0.0, 0.07, 1.0, 0.38))
        for sub_ax, lim in ((self.cos_ax, (-1.05, 1.35)), (self.prob_ax, (0.0, 1.18))):
            sub_ax.set_xlim(-0.01, 1.01)
            sub_ax.set_ylim(*lim)
            sub_ax.set_xticks([])
            sub_ax.grid(axis="x", visible=False)
            sub_ax.axhline(0, color=GREY, lw=1)
        self.cos_ax.set_yticks([-1, 0, 1])
        self.prob_ax.set_yticks([0, 0.5, 1])
        # Panel headings as plain text: cheaper to lay out than the inset axes' own titles.
        for sub_ax, heading in (
            (self.cos_ax, "cosine scores (τ does not change them)"),
            (self.prob_ax, "softmax(cosine / τ): probabilities"),
        ):
            sub_ax.text(0, 1.04, heading, transform=sub_ax.transAxes, fontsize=13, va="bottom")
        self.prob_ax.text(
            0.5, -0.04, "right answer, then negatives (highest cosine first)",
            transform=self.prob_ax.transAxes, fontsize=11, ha="center", va="top",
        )  # fmt: skip
        self.panels = []
        for sub_ax in (self.cos_ax, self.prob_ax):
            right = Rectangle((0, 0), 0, 0, fc=RIGHT, ec=PALETTE["black"], lw=1.5, zorder=3)
            sub_ax.add_patch(right)
            negatives = Polygon(np.zeros((2, 2)), closed=True, fc=NEGATIVE, ec="none", zorder=2)
            sub_ax.add_patch(negatives)
            label = sub_ax.text(0, 0, "", ha="left", va="bottom", fontsize=12, zorder=4)
            self.panels.append((right, negatives, label))
        (self.chance,) = self.prob_ax.plot([], [], color=PALETTE["black"], lw=1.5, ls="--")
        self.chance_label = self.prob_ax.text(
            1.0, 0, "", ha="right", va="bottom", fontsize=12, zorder=4
        )
        # y given: matplotlib then skips placing the title above the inset axes, about a quarter of
        # the time to draw a snapshot (they never reach above the parent axes anyway).
        self.title = ax.set_title("", fontsize=12, loc="left", y=1.0)
        self.artists = [
            *(a for panel in self.panels for a in panel),
            self.chance,
            self.chance_label,
            self.title,
        ]

    def update(self, row: TemperatureRow) -> None:
        n = row.n
        slot = 1.0 / n
        negatives = np.delete(np.arange(n), row.right)
        negatives = negatives[np.argsort(-row.cosines[negatives], kind="stable")]
        for (right, others, label), values, text in zip(
            self.panels,
            (row.cosines, row.probs),
            (
                f"right answer {signed(float(row.cosines[row.right]), 2)}",
                f"p(right) = {number(row.p_right)}",
            ),
            strict=True,
        ):
            v = float(values[row.right])
            right.set_bounds((1 - BAR) / 2 * slot, 0.0, BAR * slot, v)
            others.set_xy(_bars(values[negatives], slot))
            label.set_text(text)
            label.set_position((0.0, max(v, 0.0) + 0.04))
        self.chance.set_data([0.0, 1.0], [1.0 / n, 1.0 / n])
        self.chance_label.set_text(f"1/N = {number(1.0 / n)}")
        self.chance_label.set_position((1.0, 1.0 / n + 0.02))
        if self.readout:
            text = (
                f"τ = {row.tau:.2f}, N = {n}: p(right) = {number(row.p_right)}\n"
                f"row loss {number(row.loss)} (ln N {row.chance:.3f}, "
                f"batch floor {number(row.floor)})"
            )
            if row.floor_reachable is False:  # as the live readout says it
                text += f"\nfloor unreachable in {row.dim}-D: needs N − 1 = {n - 1} dims"
            self.title.set_text(text)


def scale_curves(
    ks: npt.ArrayLike,
    curves: Mapping[str, npt.ArrayLike],
    *,
    n: int,
    marked: Sequence[float] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """The loss of k·S against k, one line per score matrix (``curves``: label → losses at
    each k of ``ks``, a fine grid), each with its own line style and markers only at the k of
    ``marked`` (e.g. a table's k; default: every k), and ln N dotted. A curve whose lowest
    point lies inside the grid gets that point labelled: its best scale."""
    ax = _get_ax(ax)
    x = np.asarray(ks, dtype=float)
    if marked is None:
        every = list(range(x.size))
    else:
        every = [int(np.argmin(np.abs(x - k))) for k in marked]
        off = [k for k, i in zip(marked, every, strict=True) if not np.isclose(x[i], k)]
        if off:
            raise ValueError(f"marked has k = {off}, not on the grid ks; pass k values from ks.")
    styles = (("o", "-", PALETTE["blue"]), ("s", "--", PALETTE["vermillion"]))
    for (label, losses), (marker, ls, colour) in zip(curves.items(), styles, strict=False):
        y = np.asarray(losses, dtype=float)
        ax.plot(x, y, marker=marker, markevery=every, ls=ls, color=colour, label=label)
        best = int(np.argmin(y))
        if 0 < best < x.size - 1:  # a finite best scale
            ax.plot([x[best]], [y[best]], "v", ms=10, color=colour, mec=PALETTE["black"])
            ax.annotate(
                f"lowest, k ≈ {x[best]:.2f}", (x[best], y[best]), xytext=(10, -8),
                textcoords="offset points", ha="left", va="top", fontsize=12, color=colour,
            )  # fmt: skip
    ax.axhline(chance_loss(n), color=GREY, lw=1.5, ls=":", label=f"ln N = ln {n} (k = 0)")
    ax.set_xlabel("k, the factor multiplying every score")
    ax.set_ylabel("loss")
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper left", fontsize=12)
    return ax


def floor_curve(
    n: int,
    taus: Sequence[float],
    random_losses: Mapping[float, npt.ArrayLike],
    *,
    marks: Mapping[str, float] | None = None,
    random_label: str = "random batches",
    ax: Axes | None = None,
) -> Axes:
    """The floor ln(1 + (N−1)·exp(−N/((N−1)τ))) against τ (log axis), ln N dashed, the
    losses of random unit-vector batches as dots at each τ of ``random_losses`` (in the
    legend as ``random_label``: say what the batches are), and ``marks`` (label → τ) as
    labelled vertical lines."""
    ax = _get_ax(ax)
    t = np.asarray(taus, dtype=float)
    ax.plot(t, [loss_floor(n, float(x)) for x in t], color=PALETTE["black"], lw=2.5,
            label=f"floor, N = {n} (simplex)")  # fmt: skip
    ax.axhline(chance_loss(n), color=GREY, lw=1.5, ls="--", label=f"chance ln {n}")
    first = True
    for tau, losses in random_losses.items():
        values = np.asarray(losses, dtype=float)
        ax.plot(
            np.full(values.size, tau), values, "o", ms=4, color=PALETTE["sky"],
            mec=PALETTE["blue"], mew=0.5, label=random_label if first else None,
        )  # fmt: skip
        first = False
    for label, tau in (marks or {}).items():
        ax.axvline(tau, color=PALETTE["vermillion"], lw=1.2, ls=":")
        ax.text(tau * 1.06, 0.55 * chance_loss(n), label, color=PALETTE["vermillion"],
                fontsize=12, rotation=90, va="center")  # fmt: skip
    ax.set_xscale("log")
    ticks = [x for x in (0.01, 0.03, 0.1, 0.3, 1.0, 3.0) if t.min() <= x <= t.max()]
    ax.set_xticks(ticks, [f"{x:g}" for x in ticks])
    ax.minorticks_off()  # (also the cheaper figure: log minor ticks cost a third of its time)
    ax.set_xlabel("temperature τ (log scale)")
    ax.set_ylabel("loss")
    ax.set_ylim(0, 1.5 * chance_loss(n))  # room for the legend above ln N
    ax.legend(loc="upper left", fontsize=11, handlelength=1.5)  # one column: room for long labels
    return ax
