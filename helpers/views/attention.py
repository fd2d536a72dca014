"""04.01: attention weights with and without the √d, and how spread out they are.

* :class:`SaturationView`: one query's weights over n keys, softmax(q·k/√d) beside
  softmax(q·k), each with a gauge of its entropy from 0 to ln n;
* :func:`entropy_curves`: the mean entropy of the weights against d, with and without √d.
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.axes import Axes
from matplotlib.patches import Rectangle

from ..attention import EntropyCurve, Saturation
from ..plotting import GREY, PALETTE, _get_ax, signed

SCALED = PALETTE["blue"]  # softmax(q·k/√d): blue, circles, solid lines
RAW = PALETTE["vermillion"]  # softmax(q·k): vermillion, squares, dashed lines
HEADINGS = ("with √d: softmax(q·k / √d)", "without √d: softmax(q·k)")


class SaturationView:
    """Two panels of bars, one bar per key: the weights softmax(q·k/√d) and softmax(q·k).

    Under each panel a gauge fills from 0 (one key takes all) to ln n (equal weights) with
    the entropy of its weights. A dashed line marks 1/n, every key's weight when all are
    equal. Each panel is named in its heading, so colour is never the only cue. In a wide
    axes (the live demo) the panels sit side by side; in a tall one (the snapshots) the
    panel with √d sits above the one without. Everything is drawn in one axes, in data
    coordinates: bar j of a panel stands at x = j, weights from y = 0 to 1. With
    ``readout=True`` (the snapshots) each panel also states, in two lines over its bars, the
    range of the scores it feeds to softmax, its largest weight and its entropy, the numbers
    the live demo's readout gives.
    """

    GAUGE = (-0.30, -0.22)  # the gauge's bottom and top, below the key labels

    def __init__(self, ax: Axes, *, readout: bool = True, n: int = 8) -> None:
        self.readout = readout
        self.n = n
        ax.set_axis_off()
        fig_w, fig_h = ax.figure.get_size_inches()
        box = ax.get_position()
        self.wide = box.width * fig_w >= box.height * fig_h
        left, right = -0.5, n - 0.5  # a panel's extent in x, before its offset
        numbers_y = 1.14  # bottom of the two lines of numbers, over the bars
        heading_y = 1.52 if readout else 1.12
        if self.wide:
            offsets = ((0.0, 0.0), (n + 2.8, 0.0))
            ax.set_xlim(left - 1.3, 2 * n + 2.8 + 0.4)
            ax.set_ylim(-0.45, heading_y + 0.2)
        else:
            offsets = ((0.0, 0.0), (0.0, -2.3 if readout else -2.0))
            ax.set_xlim(left - 1.1, right + 1.5)
            ax.set_ylim(offsets[1][1] - 0.45, heading_y + 0.2)
        bottom, top = self.GAUGE
        self.offsets = offsets
        self.panels = []
        for (ox, oy), heading, colour in zip(offsets, HEADINGS, (SCALED, RAW), strict=True):
            ax.plot([ox + left, ox + right], [oy, oy], color=GREY, lw=1.2)
            ax.plot([ox + left, ox + right], [oy + 1, oy + 1], color=GREY, lw=0.8, ls=":")
            ax.plot([ox + left, ox + right], [oy + 1 / n] * 2, color=GREY, lw=1.2, ls="--")
            for y, text in ((0, "0"), (1, "1")):
                ax.text(ox + left - 0.15, oy + y, text, ha="right", va="center", fontsize=11)
            ax.text(ox + left - 0.75, oy + 0.5, "weight", ha="center", va="center",
                    rotation=90, fontsize=11)  # fmt: skip
            ax.text(ox + right + 0.1, oy + 1 / n, f"1/{n}", ha="left", va="center", fontsize=11)
            for j in range(n):
                ax.text(ox + j, oy - 0.03, f"k{j + 1}", ha="center", va="top", fontsize=12)
            ax.text(ox + left, oy + heading_y, heading, ha="left", va="bottom", fontsize=13,
                    color=colour, fontweight="bold")  # fmt: skip
            ax.add_patch(Rectangle((ox + left, oy + bottom), n, top - bottom, fc="white",
                                   ec=GREY, lw=1.2))  # fmt: skip
            for x, text, ha in ((left, "entropy 0", "left"), (right, f"ln {n}", "right")):
                ax.text(ox + x, oy + bottom - 0.03, text, ha=ha, va="top", fontsize=11)
            bars = [
                ax.add_patch(Rectangle((ox + j - 0.35, oy), 0.7, 0, fc=colour, ec=colour))
                for j in range(n)
            ]
            labels = [ax.text(ox + j, oy, "", ha="center", va="bottom", fontsize=10)
                      for j in range(n)]  # fmt: skip
            fill = ax.add_patch(Rectangle((ox + left, oy + bottom), 0, top - bottom, fc=colour,
                                          ec="none", alpha=0.6))  # fmt: skip
            numbers = ax.text(ox + left, oy + numbers_y, "", ha="left", va="bottom", fontsize=12,
                              linespacing=1.3)  # fmt: skip
            self.panels.append((bars, labels, fill, numbers))
        self.title = ax.text(0.0, 1.0, "", transform=ax.transAxes, fontsize=14,
                             va="bottom", fontweight="bold")  # fmt: skip
        self.artists = [
            *(a for bars, labels, fill, numbers in self.panels
              for a in (*bars, *labels, fill, numbers)),
            self.title,
        ]  # fmt: skip

    def update(self, result: Saturation) -> None:
        if result.n != self.n:
            raise ValueError(
                f"this view was built for n={self.n} keys but the result has {result.n}; "
                f"build the view with n={result.n}."
            )
        root = math.sqrt(result.d)
        sides = (
            (result.scaled_weights, result.scaled_max, result.scaled_entropy,
             "scores ÷ √d", result.scores / root),
            (result.raw_weights, result.raw_max, result.raw_entropy, "scores q·k", result.scores),
        )  # fmt: skip
        for panel, (ox, oy), side in zip(self.panels, self.offsets, sides, strict=True):
            bars, labels, fill, numbers = panel
            weights, top, h, name, scores = side
            for j, (bar, label, w) in enumerate(zip(bars, labels, weights, strict=True)):
                bar.set_height(float(w))
                label.set_text(f"{w:.2f}")
                label.set_position((ox + j, oy + float(w) + 0.015))
            fill.set_width(self.n * h / math.log(self.n))
            if self.readout:
                lo, hi = (signed(float(x), 2) for x in (scores.min(), scores.max()))
                numbers.set_text(f"{name} from {lo} to {hi}\nmax weight {top:.3f}, entropy {h:.3f}")
        if self.readout:
            self.title.set_text(f"d = {result.d}, √d = {root:.2f}")


def entropy_curves(curve: EntropyCurve, *, ax: Axes | None = None) -> Axes:
    """Mean entropy of the weights against d (log scale), with and without √d, and ln n."""
    ax = _get_ax(ax)
    d = np.asarray(curve.dims, dtype=float)
    ax.plot(d, curve.scaled_entropy, "o-", color=SCALED, label="with √d: softmax(q·k / √d)")
    ax.plot(d, curve.raw_entropy, "s--", color=RAW, label="without √d: softmax(q·k)")
    lnn = curve.uniform_entropy
    ax.axhline(lnn, color=GREY, lw=1.5, ls=":")
    ax.text(d[-1], lnn + 0.04, f"ln {curve.n} = {lnn:.3f}: equal weights", ha="right",
            va="bottom", fontsize=12, color=PALETTE["black"])  # fmt: skip
    ax.set_xscale("log", base=2)
    ax.set_xticks(d[::2], [f"{int(x)}" for x in d[::2]])
    ax.minorticks_off()
    ax.set_ylim(0, lnn + 0.35)
    ax.set_xlabel("d, the dimension of q and k (log scale)")
    ax.set_ylabel("mean entropy of the weights")
    ax.set_title(
        f"{curve.queries} random queries, each against {curve.n} random keys", fontsize=13,
        loc="left",
    )  # fmt: skip
    ax.legend(loc="lower left", fontsize=12)
    return ax
