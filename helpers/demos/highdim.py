"""04.02 demo: the cosines of random pairs narrow like 1/√d as the dimension d grows."""

from __future__ import annotations

import math

from ..highdim import BINS, D_MAX, KIND_NAMES, N_PAIRS, CosineSpreads, cosine_spreads
from ..live import Slider, SliderDemo, readout_table
from ..plotting import signed
from ..views.highdim import CosineSpreadView

SEED = 402  # the seed of the random pairs (the same pairs at every d: d only adds entries)
LIMIT_TEXT = {"gaussian": "0", "abs_gaussian": "2/π = 0.637", "uniform": "3/4 = 0.750"}
MAX_LOG2_D = round(math.log2(D_MAX))  # the slider runs over log₂ d = 1 … 10: d = 2 … 1024


def spreads_at(log2_d: float) -> CosineSpreads:
    """The demo's model: 1,000 random pairs of each kind, their first d = 2**log2_d entries."""
    return cosine_spreads(2 ** round(log2_d), n_pairs=N_PAIRS, seed=SEED, bins=BINS)


def spreads_readout(result: CosineSpreads) -> str:
    """HTML readout: d and 1/√d, then per kind the measured mean and spread beside the formula."""
    gauss = result["gaussian"]
    rows = [
        ("d, dimensions", f"<b>{result.d}</b>"),
        ("formula 1/√d", f"<b>{result.formula_std:.3f}</b>"),
        (
            f"{KIND_NAMES['gaussian']}",
            f"mean {signed(gauss.mean, 3)} (formula 0) &nbsp; std <b>{gauss.std:.3f}</b> "
            f"(formula {result.formula_std:.3f})",
        ),
    ]
    rows += [
        (
            KIND_NAMES[kind],
            f"mean <b>{result[kind].mean:.3f}</b> (limit {LIMIT_TEXT[kind]}) &nbsp; "
            f"std {result[kind].std:.3f}",
        )
        for kind in ("abs_gaussian", "uniform")
    ]
    rows.append(("angle, Gaussian pairs", f"90° ± {result.angle_spread:.1f}°"))
    return readout_table(rows)


def cosine_spread_demo(log2_d: int = 1) -> SliderDemo:
    """04.02: histograms of the cosines of random pairs narrow like 1/√d as d grows.

    The slider sets log₂ d (as in 04.01), so each step doubles d: small d gets as much room
    on the slider as large d."""
    if isinstance(log2_d, bool) or not isinstance(log2_d, int) or not 1 <= log2_d <= MAX_LOG2_D:
        raise ValueError(
            f"log2_d must be a whole number from 1 to {MAX_LOG2_D} (d = 2 to {D_MAX}), "
            f"got {log2_d!r}."
        )
    return SliderDemo(
        title="Random pairs: cosines narrow like 1/√d",
        sliders=(Slider("log2_d", "log₂ d", 1, MAX_LOG2_D, 1, log2_d),),
        compute=spreads_at,
        view=CosineSpreadView,
        readout=spreads_readout,
        figsize=(6.4, 6.6),
        notebook="04.02",
        caption=(
            "Raise log₂ d (each step doubles d): cosines of random Gaussian pairs crowd around 0"
            " with spread 1/√d, while vectors with non-negative entries crowd around 2/π and"
            " 3/4 instead."
        ),
    )


DEMOS = (cosine_spread_demo,)
