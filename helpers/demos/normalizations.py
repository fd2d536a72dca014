"""02.02 demo: pick a normalization and watch a 2-D point cloud move from before to after."""

from __future__ import annotations

from ..live import Slider, SliderDemo, readout_table
from ..normalizations import NORMALIZATIONS, CloudStep, normalize_cloud, point_cloud
from ..plotting import signed
from ..views.normalizations import NormalizationView

CLOUD = point_cloud()  # 12 seeded points near (1.6, 0.9), wider in x than in y


def _normalize_demo_cloud(kind: float, t: float) -> CloudStep:
    return normalize_cloud(CLOUD, int(kind), t)


def cloud_readout(step: CloudStep) -> str:
    """HTML readout: which normalization, what it removes and pins down, column means and
    standard deviations, the shortest and longest point."""
    index = NORMALIZATIONS.index(step.kind)
    return readout_table(
        [
            ("normalization", f"<b>{index} = {step.kind.name}</b>"),
            ("removes", step.kind.removes),
            ("pins down at t = 1", step.kind.pins),
            ("works along", step.kind.along),
            ("mean of x", signed(step.means[0], 3)),
            ("mean of y", signed(step.means[1], 3)),
            ("std of x", f"{step.stds[0]:.3f}"),
            ("std of y", f"{step.stds[1]:.3f}"),
            ("shortest |point|", f"{step.shortest:.3f}"),
            ("longest |point|", f"{step.longest:.3f}"),
        ]
    )


def normalization_demo(kind: float = 1, t: float = 1.0) -> SliderDemo:
    """02.02: pick a normalization and watch a 2-D point cloud move from before to after."""
    return SliderDemo(
        title="Four normalizations move a point cloud",
        sliders=(
            Slider("kind", "normalization, 0 to 4", 0, 4, 1, kind),
            Slider("t", "t, before (0) to after (1)", 0.0, 1.0, 0.1, t, decimals=1),
        ),
        compute=_normalize_demo_cloud,
        view=NormalizationView,
        notebook="02.02",
        caption=(
            "L2 per row slides each point along its own ray onto the unit circle; mean-centering"
            " shifts the cloud; min–max and z-score also stretch x and y by different factors."
        ),
        readout=cloud_readout,
    )


DEMOS = (normalization_demo,)
