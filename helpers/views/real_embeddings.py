"""04.03: lengths of real embeddings, a question→answer score matrix, and slices of a vector.

* :func:`length_vs_rank`: GloVe's word-vector lengths against frequency rank (log or linear
  axis), with each band's quartiles as a box and a reference level such as length 1;
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

from ..plotting import GREY, PALETTE, _get_ax, colour_bar
from ..real_embeddings import BandQuartiles, BestAnswers, LengthSummary, SliceView
from ..vectors import _as_array

SCREENSHOT = 0.8  # the length of the five values in the student's screenshot (04.03's intro)


def _plain(word: str) -> str:
    """A token as literal text: a $ would otherwise start matplotlib's math mode."""
    return word.replace("$", r"\$")


def length_vs_rank(
    summary: LengthSummary,
    rank: npt.ArrayLike,
    words: Sequence[str],
    bands: BandQuartiles,
    *,
    log: bool = True,
    title: str = "",
    rho: float | None = None,
    name_extremes: bool = True,
    reference: float | None = 1.0,
    reference_label: str = "",
    legend: str | None = "upper left",
    ax: Axes | None = None,
) -> Axes:
    """Each vector's length against its frequency rank (ranks counted from 1; a log axis if
    ``log``), and for each band of ranks a box from its first to its third quartile with a
    thick bar at its median. With ``name_extremes`` the shortest and the longest word are
    named with their length and rank; ``reference`` draws a dashed grey level (e.g. 1, the
    length of a unit vector), labelled ``reference_label``. The title is ``title``, followed
    by Spearman's ``rho`` if given.

    ``bands`` (from :func:`helpers.real_embeddings.band_quartiles`) holds 0-based rank edges:
    band b spans edges[b] <= rank < edges[b+1].
    """
    r = _as_array(rank, "rank").astype(np.float64)
    lengths = summary.lengths
    if r.shape != lengths.shape or len(words) != lengths.size:
        raise ValueError(
            f"rank has {r.size} entries and words {len(words)}, but there are {lengths.size} "
            "lengths; pass one rank and one word per vector."
        )
    ax = _get_ax(ax)
    x = r + 1  # ranks counted from 1 on the axis: the log axis has no 0
    ax.plot(x, lengths, ".", ms=2.5, alpha=0.25, color=PALETTE["sky"], rasterized=True,
            label="one GloVe word")  # fmt: skip
    for b, (q1, m, q3) in enumerate(zip(bands.q1, bands.median, bands.q3, strict=True)):
        lo, hi = bands.edges[b] + 1, bands.edges[b + 1]
        if not log:  # a small gap between neighbouring boxes
            pad = 0.04 * (hi - lo)
            lo, hi = lo + pad, hi - pad
        first = b == 0  # label the first band only, for the legend
        label = "middle half of a band (quartiles)" if first else None
        box = Rectangle((lo, q1), hi - lo, q3 - q1, fc=(1, 1, 1, 0.55), ec=PALETTE["black"], lw=1.5,
                        zorder=3, label=label)  # fmt: skip
        ax.add_patch(box)
        ax.plot([lo, hi], [m, m], color=PALETTE["black"], lw=3, zorder=4,
                label="median of a band" if first else None)  # fmt: skip
    if reference is not None:
        ax.axhline(reference, color=GREY, lw=1.5, ls="--")
        ax.text(0.98, reference, reference_label, transform=ax.get_yaxis_transform(),
                ha="right", va="bottom", fontsize=11, color="#555555")  # fmt: skip
    if name_extremes:
        for i, dy in ((summary.order[0], -0.3), (summary.order[-1], 0.0)):
            text_x = x[i] / 4 if log else x[i] - 0.08 * x.max()
            ax.annotate(
                f"{_plain(str(words[i]))} ({lengths[i]:.2f}, rank {int(x[i]):,})",
                (x[i], lengths[i]), (text_x, lengths[i] + dy), ha="right", va="center",
                fontsize=11, arrowprops={"arrowstyle": "-", "color": GREY},
            )  # fmt: skip
    top = float(np.ceil(summary.maximum))
    ax.set_ylim(0, top + 0.5)
    if log:
        ax.set_xscale("log")
        ax.set_xlim(0.8, x.max() * 1.3)
        ticks = [t for t in (1, 10, 100, 1000, 10_000, 100_000) if t <= x.max() * 1.3]
        ax.xaxis.set_minor_locator(NullLocator())
        ax.set_xlabel("frequency rank (1 = most frequent, log scale)")
    else:
        ax.set_xlim(0, x.max() * 1.02)
        ticks = [t for t in range(0, int(x.max()) + 1, 5000)]
        ax.set_xlabel("frequency rank (1 = most frequent, linear scale)")
    ax.xaxis.set_major_locator(FixedLocator(ticks))
    ax.set_xticklabels([f"{t:,}" for t in ticks])
    ax.set_ylabel("length |v|")
    if rho is not None:  # a true minus sign, as on the tick labels
        title += f"Spearman ρ = {rho:.2f}".replace("-", "\u2212")
    ax.set_title(title, fontsize=13, loc="left")
    if legend:  # where the legend goes, or None for none
        ax.legend(loc=legend, fontsize=11, markerscale=4)
    return ax


def qa_heatmap(
    S: npt.ArrayLike, recall: BestAnswers, ax: Axes | None = None, *, colorbar: str = ""
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
        ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, ec="black", lw=0.9))
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
        colour_bar(ax, image, colorbar, shrink=0.7)
    return ax


class SliceLengthView:
    """The length of the first k components of one vector, for every k (a curve on a log k
    axis), with the chosen k marked; beside it √(k/d), the typical length of such a slice,
    and the band where the slices of most random directions fall. Lines of 1 (the whole
    unit vector) and 0.8 (the screenshot) for reference. The markers: a blue disc at the
    vector's length for the chosen k, a hollow black square around √(k/d)."""

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
                        label="random, middle 90% per k")  # fmt: skip
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
        (self.point,) = ax.plot([1], [0], "o", ms=10, color=PALETTE["blue"], mec="white")
        # A hollow square drawn over the disc: where the two meet, the disc shows through.
        (self.typical,) = ax.plot([1], [0], "s", ms=15, mfc="none", mec=PALETTE["black"], mew=2)
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
