"""04.04: one item's neighbours by cosine after A → A D, B → B D⁻¹, and Kendall τ.

* :class:`RescalingView`: the query item's cosine with every other item at D = I (hollow
  circles) and now (filled), and beside it the two rankings, one line per item from its
  place at D = I to its place now: every crossing of two lines is a pair of items that
  the two rankings put in opposite orders;
* :func:`tau_map`: Kendall τ over a grid of (d₂, d₃), as a heatmap with a colour bar and
  chosen points marked.

In a snapshot (a panel taller than wide) the cosine axis is zoomed to the data shown; the
live figure keeps −1 to 1, since its axes are drawn once and the sliders can push cosines
below 0.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from matplotlib.axes import Axes
from matplotlib.colors import TwoSlopeNorm

from ..plotting import GREY, PALETTE, new_figure, signed
from ..rescaling import Rescaled

# One colour and one marker shape per other item, and its name at both ends of its line:
# colour is never the only cue. (Okabe–Ito without the yellow, which is faint on white.)
# Blue and sky blue are the closest pair, so they also differ in marker and line style.
ITEM_COLORS = tuple(
    PALETTE[k] for k in ("blue", "vermillion", "green", "purple", "orange", "sky", "black")
)
ITEM_MARKERS = ("o", "s", "^", "D", "v", "P", "X")
ITEM_STYLES = ("-", "-", "-", "-", "-", "--", "-")
NOW = PALETTE["blue"]  # the filled dots: cosines with B D⁻¹


def diagonal(d: Sequence[float]) -> str:
    """D for display, each entry to 3 significant digits: diag(1, 0.5, 6.73)."""
    return "diag(" + ", ".join(f"{float(x):.3g}" for x in d) + ")"


def tiny(x: float) -> str:
    """A rounding-sized number for display: 0 when exactly 0, else one digit (4e-16)."""
    return "0" if x == 0 else f"{x:.0e}"


class RescalingView:
    """Cosines of the query item with the others (left or top) and the rankings (right or
    bottom). Rows follow the ranking at D = I, nearest at the top, in both panels."""

    def __init__(self, ax: Axes, *, readout: bool = True, n_others: int = 7) -> None:
        if isinstance(n_others, bool) or not isinstance(n_others, int) or n_others < 2:
            raise ValueError(f"n_others must be a whole number ≥ 2, got {n_others!r}.")
        if n_others > len(ITEM_COLORS):
            raise ValueError(
                f"n_others={n_others}, but there are only {len(ITEM_COLORS)} item colours; "
                "show at most that many items."
            )
        self.readout = readout
        self.n = n_others
        ax.set_axis_off()
        fig_w, fig_h = ax.figure.get_size_inches()
        box = ax.get_position()
        self.wide = box.width * fig_w >= box.height * fig_h
        if self.wide:  # the live figure: side by side
            frames = ((0.12, 0.08, 0.45, 0.8), (0.72, 0.08, 0.18, 0.8))
        else:  # a snapshot: one above the other, under the numbers
            frames = ((0.2, 0.49, 0.76, 0.27), (0.3, 0.06, 0.5, 0.3))
        self.cos_ax = ax.inset_axes(frames[0])
        self.rank_ax = ax.inset_axes(frames[1])
        rows = (self.n - 0.5, -0.5)  # row 0 at the top
        self.cos_ax.set_xlim(-1.05, 1.05)
        self.cos_ax.set_xticks([-1, -0.5, 0, 0.5, 1])
        self.cos_ax.tick_params(labelsize=11)
        self.cos_ax.set_yticks([])
        self.cos_ax.axvline(0, color=GREY, lw=1, zorder=0)
        self.rank_ax.set_xlim(-0.05, 1.05)
        self.rank_ax.set_axis_off()
        for sub in (self.cos_ax, self.rank_ax):
            sub.set_ylim(*rows)
        for x, text in ((0.0, "D = I"), (1.0, "now")):
            self.rank_ax.text(x, self.n - 0.3, text, ha="center", va="top", fontsize=12)
        # Moving artists: everything that depends on the result.
        self.heads = [
            sub.text(0.0, 1.04, "", transform=sub.transAxes, fontsize=13, va="bottom")
            for sub in (self.cos_ax, self.rank_ax)
        ]
        self.heads[1].set_x(-0.25)
        (self.links,) = self.cos_ax.plot([], [], color=GREY, lw=1.5, zorder=2)
        # A large ring (D = I) and a small dot (now): where they coincide the dot sits
        # inside the ring, so both stay visible.
        (self.base,) = self.cos_ax.plot(
            [], [], ls="none", marker="o", ms=14, mfc="none", mec=GREY, mew=2, zorder=3
        )
        (self.now,) = self.cos_ax.plot(
            [], [], ls="none", marker="o", ms=7, color=NOW, mec="black", mew=0.8, zorder=4
        )
        names = self.cos_ax.get_yaxis_transform()  # x in axes units, y in rows
        self.row_names = [
            self.cos_ax.text(-0.02, i, "", transform=names, ha="right", va="center", fontsize=12)
            for i in range(self.n)
        ]
        self.lines = [
            self.rank_ax.plot([], [], color=c, lw=2.2, ls=ls, marker=m, ms=7)[0]
            for c, m, ls in zip(ITEM_COLORS, ITEM_MARKERS, ITEM_STYLES, strict=True)
        ][: self.n]
        self.left = [
            self.rank_ax.text(-0.08, i, "", ha="right", va="center", fontsize=12, color=c)
            for i, c in zip(range(self.n), ITEM_COLORS, strict=False)
        ]
        self.right = [
            self.rank_ax.text(1.08, i, "", ha="left", va="center", fontsize=12, color=c)
            for i, c in zip(range(self.n), ITEM_COLORS, strict=False)
        ]
        self.title = ax.text(
            0.0, 1.0, "", transform=ax.transAxes, fontsize=13, va="top", linespacing=1.4
        )
        self.artists = [
            *self.heads,
            self.links,
            self.base,
            self.now,
            *self.row_names,
            *self.lines,
            *self.left,
            *self.right,
            self.title,
        ]

    def _zoom(self, low: float) -> None:
        """Cosine axis from just below ``low`` (rounded down to a tenth) to 1."""
        start = math.floor(low * 10 - 1e-9) / 10
        span = 1.0 - start
        step = 0.1 if span <= 0.6 else 0.25 if span <= 1.2 else 0.5
        ticks = np.arange(1.0, start - 1e-9, -step)[::-1]
        self.cos_ax.set_xlim(start - 0.02 * span, 1.0 + 0.04 * span)
        self.cos_ax.set_xticks(ticks, [f"{t:g}" for t in np.round(ticks, 2)])

    def update(self, result: Rescaled) -> None:
        if len(result.items) != self.n:
            raise ValueError(
                f"this view shows {self.n} other items, the result has {len(result.items)}; "
                f"build it with n_others={len(result.items)}."
            )
        where = {item: j for j, item in enumerate(result.items)}  # item → its position
        row_of = {item: r for r, item in enumerate(result.base_order)}
        rank_now = {item: r for r, item in enumerate(result.order)}
        rows = np.arange(self.n, dtype=float)
        base = np.array([result.base_cosines[where[i]] for i in result.base_order])
        now = np.array([result.cosines[where[i]] for i in result.base_order])
        self.base.set_data(base, rows)
        self.now.set_data(now, rows)
        if not self.wide:  # a snapshot: zoom the cosine axis to the cosines shown
            self._zoom(min(base.min(), now.min()))
        gaps = np.full(self.n, np.nan)
        self.links.set_data(
            np.column_stack([base, now, gaps]).ravel(), np.column_stack([rows, rows, gaps]).ravel()
        )
        for text, item in zip(self.row_names, result.base_order, strict=True):
            text.set_text(f"item {item}")
        self.heads[0].set_text(f"cosine with item {result.query}   ○ D = I   ● now")
        self.heads[1].set_text("ranking, nearest first")
        # Item k of result.items keeps colour k whatever its rank, so a line is easy to follow.
        for k, item in enumerate(result.items):
            self.lines[k].set_data([0.0, 1.0], [row_of[item], rank_now[item]])
            self.left[k].set_position((-0.08, row_of[item]))
            self.left[k].set_text(str(item))
            self.right[k].set_position((1.08, rank_now[item]))
            self.right[k].set_text(str(item))
        if self.readout:
            c = result.counts
            self.title.set_text(
                f"D = {diagonal(result.d)}\n"
                f"Kendall τ = {signed(result.tau, 2)}: {c.discordant} of {c.pairs} pairs swapped\n"
                f"scores A Bᵀ: max change {tiny(result.max_change)}"
            )


def tau_map(
    taus: npt.ArrayLike,
    exponents: npt.ArrayLike,
    *,
    marks: Sequence[tuple[float, float, str, float]] = (),
    query: int = 0,
    ax: Axes | None = None,
) -> Axes:
    """Heatmap of Kendall τ[i, j] at d₂ = 2^exponents[i] (rows, upwards), d₃ =
    2^exponents[j] (columns): blue for τ > 0, white at 0, red for τ < 0, darker further from
    0, with a colour bar. ``marks`` (e₂, e₃, label, τ) circle a few D's and name their τ; a
    mark's label goes left of it in the right half of the map, right of it in the left
    half."""
    t = np.asarray(taus, dtype=float)
    e = np.asarray(exponents, dtype=float)
    if t.shape != (e.size, e.size):
        raise ValueError(
            f"taus has shape {t.shape} but exponents has {e.size} values; taus needs one row "
            f"and one column per exponent, shape ({e.size}, {e.size})."
        )
    ax = ax if ax is not None else new_figure(6.4, 5.6).axes[0]
    half = (e[1] - e[0]) / 2 if e.size > 1 else 0.5
    extent = (e[0] - half, e[-1] + half, e[0] - half, e[-1] + half)
    image = ax.imshow(
        t, origin="lower", extent=extent, cmap="RdBu", norm=TwoSlopeNorm(0.0, -1.0, 1.0),
        interpolation="nearest",
    )  # fmt: skip
    bar = ax.figure.colorbar(image, ax=ax, shrink=0.75, pad=0.03, ticks=[-1, -0.5, 0, 0.5, 1])
    bar.set_label("Kendall τ against D = I", fontsize=12)
    bar.ax.tick_params(labelsize=11)
    ticks = [x for x in range(math.ceil(e[0]), math.floor(e[-1]) + 1)]
    labels = [f"{2.0**x:g}" if x >= 0 else f"1/{2**-x}" for x in ticks]
    ax.set_xticks(ticks, labels)
    ax.set_yticks(ticks, labels)
    ax.set_xlabel("d₃ (log scale)")
    ax.set_ylabel("d₂ (log scale)")
    ax.grid(False)
    middle = (e[0] + e[-1]) / 2
    for e2, e3, label, tau in marks:
        ax.plot(e3, e2, "o", ms=11, mfc="none", mec="black", mew=2)
        left = e3 > middle
        ax.annotate(
            f"{label}: {signed(float(tau), 2)}", (e3, e2), xytext=(-9 if left else 9, 9),
            textcoords="offset points", fontsize=12, ha="right" if left else "left",
            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.85},
        )  # fmt: skip
    ax.set_title(
        f"Kendall τ of item {query}'s ranking against D = I\n"
        "blue: above 0, more pairs kept; red: below 0, more swapped",
        fontsize=13, loc="left",
    )  # fmt: skip
    ax.set_aspect("equal")
    return ax
