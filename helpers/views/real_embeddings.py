"""04.03: lengths of real embeddings, a question→answer score matrix, and slices of a vector.

* :func:`length_vs_rank`: GloVe's word-vector lengths against frequency rank on a log axis,
  with MiniLM's length 1 beside them;
* :func:`qa_heatmap`: a square score matrix with each row's best answer boxed and the
  misses flagged;
* :class:`SliceLengthView`: the length of the first k components of one vector, against
  √(k/d) and a band of random directions (the live demo).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt
from matplotlib.axes import Axes
from matplotlib.colors import Normalize
from matplotlib.patches import Rectangle
from matplotlib.ticker import FixedLocator, NullLocator

from ..plotting import GREY, PALETTE, _get_ax
from ..real_embeddings import LengthSummary, Recall, SliceView
from ..vectors import _as_array

SCREENSHOT = 0.8  # the length of the five values in the course's opening screenshot


def _plain(word: str) -> str:
    """A token as literal text: a $ would otherwise start matplotlib's math mode."""
    return word.replace("$", r"\$")


def length_vs_rank(
    summary: LengthSummary,
    rank: npt.ArrayLike,
    words: Sequence[str],
    bands: tuple[npt.ArrayLike, npt.ArrayLike],
    *,
    other: float,
    other_label: str,
    rho: float,
    ax: Axes | None = None,
) -> Axes:
    """Each vector's length against its frequency rank (log axis), the median length of each
    band of ranks as a black bar, the shortest and the longest word named, and the length
    ``other`` of another model's vectors as a horizontal line.

    ``bands`` is (edges, medians): band b spans ranks edges[b] <= rank < edges[b+1].
    """
    r = _as_array(rank, "rank").astype(np.float64)
    lengths = summary.lengths
    if r.shape != lengths.shape or len(words) != lengths.size:
        raise ValueError(
            f"rank has {r.size} entries and words {len(words)}, but there are {lengths.size} "
            "lengths; pass one rank and one word per vector."
        )
    edges, medians = (np.asarray(b, dtype=float) for b in bands)
    if edges.size != medians.size + 1:
        raise ValueError("bands must be (edges, medians) with one more edge than medians.")
    ax = _get_ax(ax)
    x = r + 1  # ranks counted from 1 on the axis: the log axis has no 0
    ax.plot(x, lengths, ".", ms=2.5, alpha=0.25, color=PALETTE["sky"], rasterized=True,
            label="one GloVe word")  # fmt: skip
    for b, m in enumerate(medians):
        lo, hi = edges[b] + 1, edges[b + 1]
        label = "GloVe: median of the band" if b == 0 else None
        ax.plot([lo, hi], [m, m], color=PALETTE["black"], lw=3, label=label)
        ax.plot([np.sqrt(lo * hi)], [m], "o", color=PALETTE["black"], ms=6)
    ax.axhline(other, color=PALETTE["vermillion"], lw=3, label=other_label)
    for i, dy, va in ((summary.order[0], -0.6, "top"), (summary.order[-1], 0.0, "center")):
        ax.annotate(
            f"{_plain(str(words[i]))} ({lengths[i]:.2f})", (x[i], lengths[i]),
            (x[i] / 4, lengths[i] + dy), ha="right", va=va, fontsize=12,
            arrowprops={"arrowstyle": "-", "color": GREY},
        )  # fmt: skip
    top = float(np.ceil(summary.maximum))
    ax.set_xscale("log")
    ax.set_xlim(0.8, x.max() * 1.3)
    ax.set_ylim(0, top + 0.5)
    ticks = [t for t in (1, 10, 100, 1000, 10_000, 100_000) if t <= x.max() * 1.3]
    ax.xaxis.set_major_locator(FixedLocator(ticks))
    ax.xaxis.set_minor_locator(NullLocator())
    ax.set_xticklabels([f"{t:,}" for t in ticks])
    ax.set_xlabel("frequency rank (1 = most frequent, log scale)")
    ax.set_ylabel("length |v|")
    ax.set_title(
        f"Length against frequency rank: Spearman ρ = {rho:.2f}".replace("-", "\u2212"),
        fontsize=14, loc="left",
    )  # fmt: skip
    ax.legend(loc="upper left", fontsize=12, markerscale=4)
    return ax


def qa_heatmap(
    S: npt.ArrayLike, recall: Recall, ax: Axes | None = None, *, colorbar: str = ""
) -> Axes:
    """A square score matrix as colours: each row's best answer boxed in black, and in each
    missed row the right answer (on the diagonal) ringed and the row flagged on the right."""
    s = _as_array(S, "S", ndim=(2,))
    n = s.shape[0]
    if s.shape != (n, n) or recall.best.shape != (n,):
        raise ValueError(f"S must be square and match recall (n = {recall.best.size}).")
    ax = _get_ax(ax)
    top = float(np.max(np.abs(s)))
    image = ax.imshow(s, cmap="PuOr", norm=Normalize(-top, top), aspect="equal")
    for i, j in enumerate(recall.best):
        ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, ec="black", lw=1.8))
    missed = np.flatnonzero(~recall.hits)
    ax.plot(missed, missed, "o", ms=9, mfc="none", mec=PALETTE["black"], mew=2)
    for i in missed:
        ax.text(n - 0.2, i, f"◀ q{i}: missed", ha="left", va="center", fontsize=12)
    ticks = list(range(0, n, 5))
    ax.set_xticks(ticks)
    ax.set_yticks(ticks)
    ax.tick_params(top=True, labeltop=True, bottom=False, labelbottom=False)
    ax.set_xlabel("answer j")
    ax.xaxis.set_label_position("top")
    ax.set_ylabel("question i")
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if colorbar:
        bar = ax.figure.colorbar(
            image, ax=ax, orientation="horizontal", location="bottom", shrink=0.7, pad=0.03
        )
        bar.set_label(colorbar, fontsize=12)
        bar.ax.tick_params(labelsize=11)
    return ax


class SliceLengthView:
    """The length of the first k components of one vector, for every k (a curve on a log k
    axis), with the chosen k marked; beside it √(k/d), the typical length of such a slice,
    and the band where the slices of most random directions fall. Lines of 1 (the whole
    unit vector) and 0.8 (the screenshot) for reference. The markers: a blue disc at the
    vector's length for the chosen k, a black square at √(k/d)."""

    def __init__(
        self,
        ax: Axes,
        *,
        band: npt.ArrayLike,
        readout: bool = True,
        name: Callable[[int], str] | None = None,
    ) -> None:
        b = _as_array(band, "band", ndim=(2,))
        if b.shape[0] != 3:
            raise ValueError(f"band has shape {b.shape}; make it with random_slice_band(d).")
        self.readout = readout
        self.name = name  # how the title names vector i, e.g. "question 3"
        d = b.shape[1]
        k = np.arange(1, d + 1)
        ax.fill_between(k, b[0], b[2], color=PALETTE["sky"], alpha=0.35, lw=0,
                        label="random directions (middle 90%)")  # fmt: skip
        ax.plot(k, np.sqrt(k / d), color=PALETTE["black"], lw=2, ls="--", label=f"√(k/{d})")
        ax.axhline(1.0, color=GREY, lw=1.5)
        ax.axhline(SCREENSHOT, color=PALETTE["vermillion"], lw=1.5, ls=":")
        ax.text(1.1, 1.0, "whole vector: 1", va="bottom", fontsize=12, color="#555555")
        ax.text(1.1, SCREENSHOT, "0.8: the screenshot", va="bottom", fontsize=12,
                color=PALETTE["vermillion"])  # fmt: skip
        ax.set_xscale("log")
        ax.set_xlim(0.9, d * 1.12)
        ax.set_ylim(0, 1.12)
        ticks = [t for t in (1, 5, 20, 100) if t < d] + [d]
        ax.xaxis.set_major_locator(FixedLocator(ticks))
        ax.xaxis.set_minor_locator(NullLocator())
        ax.set_xticklabels([str(t) for t in ticks])
        ax.set_xlabel("k, first components kept")
        ax.set_ylabel("length of the first k")
        (self.curve,) = ax.plot(k, b[1], color=PALETTE["blue"], lw=2.5, label="this vector")
        (self.at_k,) = ax.plot([1, 1], [0, 1.12], color=GREY, lw=1.2, ls="-.")
        (self.typical,) = ax.plot([1], [0], "s", ms=9, color=PALETTE["black"])
        (self.point,) = ax.plot([1], [0], "o", ms=10, color=PALETTE["blue"], mec="white")
        # Under the 0.8 line on the left, where every curve is still far below.
        ax.legend(loc="upper left", bbox_to_anchor=(0.0, 0.69), fontsize=11)
        self.title = ax.set_title("", fontsize=13, loc="left")
        self.artists = [self.curve, self.at_k, self.typical, self.point, self.title]

    def update(self, result: SliceView) -> None:
        k = np.arange(1, result.d + 1)
        self.curve.set_data(k, result.prefix)
        self.at_k.set_data([result.k, result.k], [0, 1.12])
        self.typical.set_data([result.k], [result.typical])
        self.point.set_data([result.k], [result.length])
        if self.readout:
            name = self.name(result.index) if self.name else f"vector {result.index}"
            self.title.set_text(
                f"{name}, k = {result.k}\n"
                f"first k: {result.length:.3f}   √({result.k}/{result.d}) = {result.typical:.3f}\n"
                f"share of |v|² in the first k: {100 * result.share:.1f}%"
            )
