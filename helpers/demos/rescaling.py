"""04.04 demo: rescale the embeddings' coordinates; the scores stay, the cosines move."""

from __future__ import annotations

from functools import partial

from ..live import Slider, SliderDemo, readout_table
from ..plotting import signed
from ..rescaling import Rescaled, factorize, ratings_matrix, rescaled_neighbours
from ..views.rescaling import RescalingView, diagonal, tiny

# The toy ratings (12 users × 8 items, whole stars 0–5, seeded), its rank-3 factorization
# with S split evenly (A = U S^½, B = V S^½), and the item whose neighbours we follow.
SEED, RANK, QUERY = 27, 3, 4
X = ratings_matrix(12, 8, rank=RANK, seed=SEED)
FACTORS = factorize(X, RANK, split=0.5)
EXPONENTS = (-3.0, 3.0, 0.25)  # log₂ d₂ and log₂ d₃: d from 1/8 to 8, 25 steps each


def rescaled(e2: float, e3: float) -> Rescaled:
    """The demo's model: D = diag(1, 2^e2, 2^e3); the query item's neighbours, with τ."""
    return rescaled_neighbours(FACTORS.A, FACTORS.B, [1.0, 2.0**e2, 2.0**e3], QUERY)


def _ranking(order: tuple[int, ...]) -> str:
    return " &gt; ".join(str(i) for i in order)


def _nearest(r: Rescaled, order: tuple[int, ...], cosines, n: int = 3) -> str:
    where = {item: j for j, item in enumerate(r.items)}
    return ", ".join(f"{i} ({signed(float(cosines[where[i]]), 3)})" for i in order[:n])


def rescaled_readout(r: Rescaled) -> str:
    """HTML readout: D, the unchanged scores, both rankings with their top cosines, and τ."""
    c = r.counts
    return readout_table(
        [
            ("D", diagonal(r.d)),
            ("every score of A Bᵀ", f"max change <b>{tiny(r.max_change)}</b> (unchanged)"),
            (
                f"user 0 · item {r.query}",
                f"{r.user_score:.4f} &nbsp; (at D = I: {r.base_user_score:.4f})",
            ),
            (f"nearest to item {r.query}, now", _nearest(r, r.order, r.cosines)),
            ("nearest at D = I", _nearest(r, r.base_order, r.base_cosines)),
            ("ranking now", f"<b>{_ranking(r.order)}</b>"),
            ("ranking at D = I", _ranking(r.base_order)),
            (
                "Kendall τ against D = I",
                f"<b>{signed(r.tau, 3)}</b> &nbsp; ({c.concordant} pairs same order, "
                f"{c.discordant} swapped, of {c.pairs})",
            ),
        ]
    )


def rescaling_demo(e2: float = 0.0, e3: float = 0.0) -> SliderDemo:
    """04.04: two sliders over D = diag(1, d₂, d₃); scores unchanged, item cosines not."""
    lo, hi, step = EXPONENTS
    return SliderDemo(
        title="Rescale D: same scores, different neighbours",
        sliders=(
            Slider("e2", "log₂ d₂", lo, hi, step, e2, decimals=2),
            Slider("e3", "log₂ d₃", lo, hi, step, e3, decimals=2),
        ),
        compute=rescaled,
        view=partial(RescalingView, n_others=len(X[0]) - 1),
        readout=rescaled_readout,
        figsize=(10.0, 4.8),
        notebook="04.04",
        caption=(
            "Stretch the embedding coordinates by D: every user–item score stays the same to"
            " 1e-15, yet item 4's nearest neighbours by cosine reshuffle (Kendall τ below 0)."
        ),
    )


DEMOS = (rescaling_demo,)
