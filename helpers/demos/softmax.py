"""03.01 demo: one row of cosine scores through softmax; lower τ and it sharpens."""

from __future__ import annotations

from ..live import Slider, SliderDemo, readout_table
from ..plotting import signed
from ..temperature import TemperatureRow, cosine_row, row_softmax
from ..views.softmax import TemperatureView, number

# The row: question q's right answer at cosine exactly RIGHT_COSINE, and up to MAX_N − 1
# negatives, random directions in DIM dimensions (seeded). The N slider takes the first
# N − 1 of them, so moving it adds or removes negatives without reshuffling the others.
RIGHT_COSINE = 0.8
DIM = 16
SEED = 301
MAX_N = 64
TAUS = (0.02, 2.0, 0.01)  # the τ slider: min, max, step
ROW = cosine_row(MAX_N - 1, right=RIGHT_COSINE, d=DIM, seed=SEED)


def temperature_row(tau: float, n: float) -> TemperatureRow:
    """The demo's model: the first ``n`` entries of the row (the right answer first) at τ."""
    return row_softmax(ROW[: round(n)], tau, dim=DIM)


def temperature_readout(row: TemperatureRow) -> str:
    """HTML readout: τ and N, the right answer's cosine and probability, the row's loss, ln N
    and the batch floor, which bounds the average over a batch's rows (not this one row), and
    which no batch in DIM dimensions reaches once N − 1 > DIM (the simplex needs N − 1)."""
    floor = number(row.floor)
    if row.floor_reachable is False:
        floor += f" &nbsp; (unreachable in {row.dim}-D: needs N − 1 = {row.n - 1} dims)"
    return readout_table(
        [
            ("τ, temperature", f"{row.tau:.2f} &nbsp; (every score × 1/τ = {1 / row.tau:.2f})"),
            ("N, batch size", f"{row.n} &nbsp; (1 right answer, {row.n - 1} negatives)"),
            (
                "right answer",
                f"cosine {signed(float(row.cosines[row.right]), 3)} &nbsp; "
                f"logit {signed(float(row.logits[row.right]), 2)}",
            ),
            ("top negative cosine", signed(row.top_negative, 3)),
            ("p(right)", f"<b>{number(row.p_right)}</b>"),
            ("row loss −ln p(right)", f"<b>{number(row.loss)}</b>"),
            ("chance ln N", f"{row.chance:.4f}"),
            ("batch floor (average over rows)", floor),
        ]
    )


def temperature_demo(tau: float = 1.0, n: int = 32) -> SliderDemo:
    """03.01: softmax of one row of cosines divided by τ, for a batch of N."""
    lo, hi, step = TAUS
    return SliderDemo(
        title="Temperature: softmax of one row of cosines",
        sliders=(
            Slider("tau", "τ, temperature", lo, hi, step, tau, decimals=2),
            Slider("n", "N, batch size", 2, MAX_N, 1, n),
        ),
        compute=temperature_row,
        view=TemperatureView,
        readout=temperature_readout,
        figsize=(6.4, 6.2),
        notebook="03.01",
        caption=(
            "The same cosine scores, divided by τ before softmax: lower τ and the right"
            " answer's probability climbs towards 1; raise it and every answer drifts to 1/N."
        ),
    )


DEMOS = (temperature_demo,)
