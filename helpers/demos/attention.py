"""04.01 demo: grow d and watch softmax(q·k) saturate while softmax(q·k/√d) does not."""

from __future__ import annotations

import math

from ..attention import Saturation, saturation, seeded_query_keys
from ..live import Slider, SliderDemo, readout_table
from ..plotting import signed
from ..views.attention import SaturationView

# One query and N_KEYS keys, each with 2**MAX_LOG2_D i.i.d. standard normal entries, seeded.
# At dimension d the demo uses the first d entries of each, so moving the slider adds
# entries to the same vectors rather than drawing new ones.
N_KEYS = 8
SEED = 406
MAX_LOG2_D = 9
QUERY, KEYS = seeded_query_keys(N_KEYS, 2**MAX_LOG2_D, seed=SEED)


def weights_at(log2_d: float) -> Saturation:
    """The demo's model: the first d = 2**log2_d entries of the query and of every key."""
    d = 2 ** round(log2_d)
    return saturation(QUERY[:d], KEYS[:, :d])


def saturation_readout(r: Saturation) -> str:
    """HTML readout: d and √d, the range of the scores both ways, and for each panel the
    largest weight and the entropy, beside ln n."""
    root = math.sqrt(r.d)

    def span(scores) -> str:
        return f"from {signed(float(scores.min()), 2)} to {signed(float(scores.max()), 2)}"

    def panel(top: float, h: float) -> str:
        return f"max weight <b>{top:.3f}</b> &nbsp; entropy <b>{h:.3f}</b>"

    return readout_table(
        [
            ("d, dimension of q and k", f"<b>{r.d}</b> &nbsp; (√d = {root:.2f})"),
            ("scores q·k", span(r.scores)),
            ("scores ÷ √d", span(r.scores / root)),
            ("with √d", panel(r.scaled_max, r.scaled_entropy)),
            ("without √d", panel(r.raw_max, r.raw_entropy)),
            (f"ln n, equal weights (n = {r.n})", f"{r.uniform_entropy:.3f}"),
        ]
    )


def saturation_demo(log2_d: int = 0) -> SliderDemo:
    """04.01: one query's attention weights over 8 keys, with and without √d, as d grows."""
    return SliderDemo(
        title="Attention weights with and without √d",
        sliders=(Slider("log2_d", "log₂ d", 0, MAX_LOG2_D, 1, log2_d),),
        compute=weights_at,
        view=SaturationView,
        readout=saturation_readout,
        figsize=(9.6, 4.8),
        notebook="04.01",
        caption=(
            "Grow the dimension d (number of entries) of a random query and its keys: without"
            " the √d one key soon takes almost all the weight; divided by √d the weights stay"
            " spread out."
        ),
    )


DEMOS = (saturation_demo,)
