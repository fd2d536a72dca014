"""04.02 demo: the cosines of random pairs narrow like 1/√d as the dimension d grows."""

from __future__ import annotations

from ..highdim import BINS, D_MAX, KIND_NAMES, N_PAIRS, CosineSpreads, cosine_spreads
from ..live import Slider, SliderDemo, readout_table
from ..plotting import signed
from ..views.highdim import CosineSpreadView

SEED = 402  # the seed of the random pairs (the same pairs at every d: d only adds entries)
LIMIT_TEXT = {"gaussian": "0", "abs_gaussian": "2/π = 0.637", "uniform": "3/4 = 0.750"}


def spreads_at(d: float) -> CosineSpreads:
    """The demo's model: 1,000 random pairs of each kind, their first ``d`` entries."""
    return cosine_spreads(round(d), n_pairs=N_PAIRS, seed=SEED, bins=BINS)


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


def cosine_spread_demo(d: int = 2) -> SliderDemo:
    """04.02: histograms of the cosines of random pairs narrow like 1/√d as d grows."""
    if not 2 <= d <= D_MAX:
        raise ValueError(f"d must be between 2 and {D_MAX}, got {d}.")
    return SliderDemo(
        title="Random pairs: cosines narrow like 1/√d",
        sliders=(Slider("d", "d, dimensions", 2, D_MAX, 2, d),),
        compute=spreads_at,
        view=CosineSpreadView,
        readout=spreads_readout,
        figsize=(6.4, 6.6),
        notebook="04.02",
        caption=(
            "Raise d: cosines of random Gaussian pairs crowd around 0 with spread 1/√d, while"
            " vectors with non-negative entries crowd around 2/π and 3/4 instead."
        ),
    )


DEMOS = (cosine_spread_demo,)
