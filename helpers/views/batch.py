"""02.03: the score matrix as a heatmap, and one row of it as bars, raw and normalized."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from matplotlib.axes import Axes
from matplotlib.colors import Normalize
from matplotlib.patches import Rectangle

from ..plotting import GREY, PALETTE, _get_ax, colour_bar, signed
from ..search import ScoreRow
from ..vectors import _as_array

SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def sub(i: int) -> str:
    """``i`` in subscript digits: sub(12) == '₁₂'."""
    return str(i).translate(SUB)


def _minus(text: str) -> str:
    return text.replace("-", "\u2212")


def score_heatmap(
    S: npt.ArrayLike,
    ax: Axes | None = None,
    *,
    title: str = "",
    changed: Sequence[int] = (),
    decimals: int = 2,
    cmap: str = "PuOr",
    colorbar: str = "",
) -> Axes:
    """Draw the score matrix S (questions × answers) with every value written in its cell.

    Colours run through a colour-blind-safe diverging map centred on 0 (``PuOr``: orange
    below 0, purple above); each row's best answer (the highest score, a tie going to the
    lower index) is boxed in black, and the rows listed in ``changed`` are flagged on the
    right, e.g. those whose best answer is different in another version of S.
    Each call has its own colour scale, from −max|S| to +max|S|; with ``colorbar`` (its
    label) a horizontal colour bar below the table shows that scale. Returns the Axes.
    """
    s = _as_array(S, "S", ndim=(2,))
    n, m = s.shape
    rows = [int(i) for i in changed]
    if any(not 0 <= i < n for i in rows):
        raise ValueError(f"changed lists rows {rows}, but S has rows 0 to {n - 1}.")
    ax = _get_ax(ax)
    top = float(np.max(np.abs(s))) or 1.0
    norm = Normalize(-top, top)
    image = ax.imshow(s, cmap=cmap, norm=norm, aspect="equal")
    colours = ax.images[-1].cmap(norm(s))
    for i in range(n):
        best = int(np.argmax(s[i]))
        for j in range(m):
            r, g, b, _ = colours[i, j]
            dark = 0.299 * r + 0.587 * g + 0.114 * b < 0.5  # perceived brightness
            ax.text(
                j, i, _minus(f"{s[i, j]:.{decimals}f}"), ha="center", va="center",
                fontsize=12, color="white" if dark else "black",
                fontweight="bold" if j == best else "normal",
            )  # fmt: skip
        # A black box with a white line inside it shows on light and dark cells alike.
        ax.add_patch(
            Rectangle((best - 0.45, i - 0.45), 0.9, 0.9, fill=False, ec="black", lw=4, zorder=3)
        )
        ax.add_patch(
            Rectangle((best - 0.4, i - 0.4), 0.8, 0.8, fill=False, ec="white", lw=1.5, zorder=3)
        )
    for i in rows:
        ax.text(m - 0.35, i, "◀ best\n   changed", ha="left", va="center", fontsize=12)
    ax.set_xticks(range(m), [f"a{sub(j)}" for j in range(m)])
    ax.set_yticks(range(n), [f"q{sub(i)}" for i in range(n)])
    ax.tick_params(top=True, labeltop=True, bottom=False, labelbottom=False, length=0, labelsize=15)
    ax.set_xlabel("answer j", fontsize=13)
    ax.xaxis.set_label_position("top")
    ax.set_ylabel("question i", fontsize=13)
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if title:
        ax.set_title(title, fontsize=14, pad=12)
    if colorbar:
        colour_bar(ax, image, colorbar, shrink=0.8)
    return ax


class ScoreRowView:
    """Row i of the score matrix as bars: raw q·a_j above, cosines q̂·â_j below (02.03).

    The best answer of each panel is drawn dark with a black edge and labelled "best"; the
    stretched answer's tick label is bold, and the raw panel's title says when it is
    stretched. The raw panel's y-range is fixed (``raw_lim``) so that the static background can be
    drawn once; the cosine panel always spans [−1, 1].
    """

    def __init__(
        self,
        ax: Axes,
        *,
        readout: bool = True,
        n_answers: int = 5,
        scaled: int = 3,
        raw_lim: tuple[float, float] = (-10.0, 10.0),
    ) -> None:
        self.readout = readout
        self.scaled = scaled
        ax.set_axis_off()
        self.raw_ax = ax.inset_axes((0.0, 0.56, 1.0, 0.36))
        self.cos_ax = ax.inset_axes((0.0, 0.06, 1.0, 0.36))
        x = np.arange(n_answers)
        self.panels = []
        for sub_ax, lim, name, light, dark in (
            (self.raw_ax, raw_lim, "raw score q·aⱼ", PALETTE["sky"], PALETTE["blue"]),
            (self.cos_ax, (-1.15, 1.3), "cosine q̂·âⱼ", PALETTE["orange"], PALETTE["vermillion"]),
        ):
            sub_ax.set_xlim(-0.6, n_answers - 0.4)
            sub_ax.set_ylim(*lim)
            sub_ax.axhline(0, color=GREY, lw=1)
            sub_ax.set_xticks(x, [f"a{sub(j)}" for j in x])
            sub_ax.get_xticklabels()[scaled].set_fontweight("bold")  # the stretched answer
            sub_ax.tick_params(axis="x", labelsize=14)
            sub_ax.grid(axis="x", visible=False)
            if sub_ax is self.cos_ax:
                sub_ax.set_title(name, fontsize=13, loc="left")
            else:  # the raw panel's title changes with the stretch: a Text of its own
                self.raw_title = sub_ax.text(
                    0.0, 1.03, name, transform=sub_ax.transAxes, fontsize=13, va="bottom"
                )
            bars = [
                sub_ax.add_patch(Rectangle((j - 0.35, 0.0), 0.7, 0.0, fc=light, ec=light, lw=1))
                for j in x
            ]
            values = [sub_ax.text(j, 0, "", ha="center", fontsize=11) for j in x]
            best = sub_ax.text(0, 0, "best", ha="center", va="bottom", fontsize=12,
                               fontweight="bold")  # fmt: skip
            self.panels.append((sub_ax, bars, values, best, light, dark))
        self.title = ax.set_title("", fontsize=14, loc="left")
        self.artists = [
            *(a for _, bars, values, best, *_ in self.panels for a in (*bars, *values, best)),
            self.raw_title,
            self.title,
        ]

    def update(self, row: ScoreRow) -> None:
        for (sub_ax, bars, values, best_text, light, dark), scores, best, decimals in zip(
            self.panels,
            (row.raw, row.cosine),
            (row.best_raw, row.best_cosine),
            (1, 2),
            strict=True,
        ):
            lo, hi = sub_ax.get_ylim()
            pad = 0.03 * (hi - lo)
            for j, (bar, text, v) in enumerate(zip(bars, values, scores, strict=True)):
                v = float(v)
                bar.set_height(v)
                winner = j == best
                bar.set_facecolor(dark if winner else light)
                bar.set_edgecolor("black" if winner else light)
                bar.set_linewidth(2.5 if winner else 1)
                text.set_text(signed(v, decimals))
                text.set_position((j, v + pad if v >= 0 else v - pad))
                text.set_verticalalignment("bottom" if v >= 0 else "top")
            v = float(scores[best])
            best_text.set_position((best, max(v, 0) + 5.5 * pad))
        stretched = "" if row.scale == 1 else f"   (a{sub(row.scaled)} stretched × {row.scale:.2f})"
        self.raw_title.set_text(f"raw score q·aⱼ{stretched}")
        if self.readout:
            self.title.set_text(
                f"question q{sub(row.question)},  a{sub(row.scaled)} × {row.scale:.2f}\n"
                f"best: a{sub(row.best_raw)} by raw score, a{sub(row.best_cosine)} by cosine"
            )
