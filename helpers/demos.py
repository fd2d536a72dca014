"""Slider demos: a model function, a view and ipywidgets sliders wired together.

A :class:`SliderDemo` builds its figure once. Each slider step calls
:meth:`SliderDemo.step`, which recomputes the model and moves the view's
artists. In the browser the static part of the figure is a PNG sent once, and
each step sends only the moving artists as SVG primitives plus the readout (a
few kilobytes, drawn without decoding an image); nothing is appended to the
cell's output. ``step``, ``scene`` and ``png`` work without a browser or a
kernel, which is how the tests and the benchmark drive a demo.
"""

from __future__ import annotations

import html
import io
import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
import PIL.Image
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .angles import IdentitySides, identity_sides
from .geometry import DotParts, ProjectionParts, dot_parts_2d, projection_parts
from .plotting import course_style, new_figure, signed
from .scene import scene
from .vectors import from_angle, norm
from .views import LengthAngleView, ProjectionView, UnitCircleView


@dataclass(frozen=True)
class Slider:
    """One slider: the keyword it sets, its on-screen label, its range and its readout.

    ``unit`` is spelled out in the label ("degrees"); ``suffix`` follows the number in
    the readout ("°").
    """

    name: str
    label: str
    min: float
    max: float
    step: float
    value: float
    unit: str = ""
    suffix: str = ""
    decimals: int = 0

    def __post_init__(self) -> None:
        if not self.min < self.max or not self.step > 0:
            raise ValueError(
                f"slider {self.name!r} needs min < max and step > 0, got min={self.min}, "
                f"max={self.max}, step={self.step}."
            )
        if not self.min <= self.value <= self.max:
            raise ValueError(
                f"slider {self.name!r} starts at {self.value}, outside its range "
                f"[{self.min}, {self.max}]; pick a starting value inside it."
            )

    def grid(self) -> tuple[float, ...]:
        """Every value the slider can take, from ``min`` to ``max`` in ``step``."""
        n = round((self.max - self.min) / self.step)
        return tuple(round(self.min + i * self.step, self.decimals) for i in range(n + 1))

    def snap(self, value: float) -> float:
        """The grid value nearest to ``value`` (clamped to the range)."""
        i = round((min(max(value, self.min), self.max) - self.min) / self.step)
        return round(self.min + i * self.step, self.decimals)

    def format(self, value: float) -> str:
        return f"{value:.{self.decimals}f}{self.suffix}"


class View(Protocol):
    """What a demo needs of a view (see :mod:`helpers.views`)."""

    artists: list[Artist]

    def update(self, result: Any) -> None: ...


ViewFactory = Callable[..., View]  # called as factory(ax, readout=bool)


class SliderDemo:
    """A figure driven by sliders, rendered kernel-side to one PNG per step."""

    def __init__(
        self,
        *,
        title: str,
        sliders: Sequence[Slider],
        compute: Callable[..., Any],
        view: ViewFactory,
        readout: Callable[[Any], str],
        figsize: tuple[float, float] = (5.0, 5.0),
    ) -> None:
        self.title = title
        self.sliders = tuple(sliders)
        self.compute = compute
        self.make_view = view
        self.format_readout = readout
        self.values: dict[str, float] = {s.name: s.value for s in self.sliders}
        self.figure = new_figure(*figsize)
        self.canvas = FigureCanvasAgg(self.figure)
        with course_style():
            # The live readout is HTML beside the image, so the figure need not draw it.
            self.view = view(self.figure.axes[0], readout=False)
            self.result = self.step()
            # Lay the figure out once, then freeze it: every step reuses that layout.
            self.canvas.draw()
        self.figure.set_layout_engine("none")
        for artist in self.view.artists:
            artist.set_animated(True)
        self._background: Any = None
        self._widget: Any = None

    def step(self, **changes: float) -> Any:
        """Apply slider values (by name), recompute, and move the figure's artists."""
        unknown = set(changes) - set(self.values)
        if unknown:
            raise TypeError(
                f"unknown slider(s) {sorted(unknown)}; this demo has {sorted(self.values)}."
            )
        values = {**self.values, **{k: float(v) for k, v in changes.items()}}
        result = self.compute(**values)  # may raise: then the demo keeps its last good state
        self.view.update(result)
        self.values, self.result = values, result
        return result

    def set(self, **values: float) -> Any:
        """Move the sliders (if shown) and the figure to ``values``; returns the model result.

        Values snap to the sliders' grids. Unlike :meth:`step`, this keeps a displayed
        widget in sync with the figure.
        """
        specs = {s.name: s for s in self.sliders}
        snapped = {k: specs[k].snap(v) if k in specs else v for k, v in values.items()}
        self.step(**snapped)  # validates the names before any slider moves
        if self._widget is not None:
            for name, value in snapped.items():
                self._controls[name].value = value  # each change re-renders via its observer
        return self.result

    @property
    def readout(self) -> str:
        """The live readout (HTML) for the current slider values."""
        return self.format_readout(self.result)

    def render(self) -> np.ndarray:
        """Draw the figure; returns its RGBA pixels (height, width, 4).

        The static part (axes, ticks, circle) is drawn once and cached; each call
        restores it and draws only the view's moving artists on top (blitting).
        """
        with course_style():
            if self._background is None:
                self.canvas.draw()
                self._background = self.canvas.copy_from_bbox(self.figure.bbox)
            self.canvas.restore_region(self._background)
            for artist in self.view.artists:
                self.figure.draw_artist(artist)
        return np.asarray(self.canvas.buffer_rgba())

    def scene(self) -> list[dict[str, Any]]:
        """The moving artists as SVG primitives in figure pixels (what a step sends)."""
        return scene(self.figure, self.view.artists)

    def background_png(self, scale: float = 2.0) -> bytes:
        """The static part of the figure (no moving artists) as PNG, ``scale``× sharp."""
        buf = io.BytesIO()
        moving = self.view.artists
        shown = [a.get_visible() for a in moving]
        for artist in moving:  # savefig draws animated artists too: hide them
            artist.set_visible(False)
        try:
            with course_style():
                self.figure.savefig(buf, format="png", dpi=scale * self.figure.dpi)
        finally:
            for artist, visible in zip(moving, shown, strict=True):
                artist.set_visible(visible)
        self._background = None  # savefig used its own renderer: re-cache before blitting
        return buf.getvalue()

    def png(self) -> bytes:
        """The current figure as PNG bytes (light compression: speed over size)."""
        buf = io.BytesIO()
        rgb = self.render()[..., :3]  # the figure is opaque: drop alpha, 25% less to encode
        PIL.Image.fromarray(rgb).save(buf, format="png", compress_level=1)
        return buf.getvalue()

    def snapshots(self, settings: Sequence[Mapping[str, float]], *, width: float = 4.6) -> Figure:
        """Small multiples: the same view at several slider settings (a static figure)."""
        fig = new_figure(width * len(settings), width * 1.15, ncols=len(settings))
        with course_style():
            for ax, setting in zip(fig.axes, settings, strict=True):
                values = {**{s.name: s.value for s in self.sliders}, **setting}
                self.make_view(ax, readout=True).update(self.compute(**values))
        return fig

    # -- widgets (imported lazily, so the model and view work without ipywidgets) --

    def widget(self) -> Any:
        """The ipywidgets UI: labelled sliders, the figure and the readout."""
        if self._widget is None:
            self._widget = self._build_widget()
        return self._widget

    def _build_widget(self) -> Any:
        import ipywidgets as w

        self._controls = {}
        labels = [f"{s.label} ({s.unit})" if s.unit else s.label for s in self.sliders]
        label_width = f"{0.55 * max(map(len, labels)) + 1:.1f}em"  # aligned tracks
        for s, label in zip(self.sliders, labels, strict=True):
            # A SelectionSlider moves an integer index over precomputed values. A
            # FloatSlider would round in the browser and send values like
            # 75.00000000000001 back, overriding values set from code
            # (ipywidgets issue #3951).
            slider = w.SelectionSlider(
                options=[(s.format(v), v) for v in s.grid()],
                value=s.snap(self.values[s.name]),
                description=label,
                continuous_update=True,
                style={"description_width": label_width},
                layout=w.Layout(width="95%"),
            )
            slider.observe(self._on_slider(s.name), names="value")
            self._controls[s.name] = slider
        from .canvas import FigureCanvas

        width, height = (round(x) for x in self.figure.bbox.size)
        self._canvas = FigureCanvas(
            background=self.background_png(),
            scene=json.dumps(self.scene()),
            readout=self.readout,
            size=[width, height],
            alt=self.title,
        )
        header = w.HTML(f"<h3 style='margin:0'>{html.escape(self.title)}</h3>")
        header.add_class("course-demo-title")
        root = w.VBox([header, *self._controls.values(), self._canvas])
        # A stable class name: the browser tests and the gallery's stylesheet find demos by it.
        root.add_class("course-demo")
        return root

    def _on_slider(self, name: str) -> Callable[[dict[str, Any]], None]:
        def handler(change: dict[str, Any]) -> None:
            self.step(**{name: change["new"]})
            self._refresh()

        return handler

    def _refresh(self) -> None:
        with self._canvas.hold_sync():  # one message carries both
            self._canvas.scene = json.dumps(self.scene())
            self._canvas.readout = self.readout

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = self.widget()._repr_mimebundle_(**kwargs)
        names = ", ".join(s.label for s in self.sliders)
        # Shown where widgets cannot render (no kernel, GitHub): say what this is.
        bundle["text/plain"] = f"Slider demo: {self.title} [{names}]. Run the notebook to use it."
        return bundle


# ---------------------------------------------------------------- 01.01 demo


def _identity_in_degrees(theta1: float, theta2: float) -> IdentitySides:
    return identity_sides(math.radians(theta1), math.radians(theta2))


def identity_readout(sides: IdentitySides) -> str:
    """HTML readout of both sides of cos(θ2 − θ1) = x1·x2 + y1·y2."""
    (x1, y1), (x2, y2) = sides.u1, sides.u2
    rows = [
        ("θ₂ − θ₁", _difference_text(sides)),
        ("u₁ = (x₁, y₁)", f"({signed(x1)}, {signed(y1)})"),
        ("u₂ = (x₂, y₂)", f"({signed(x2)}, {signed(y2)})"),
        ("x₁x₂ + y₁y₂", f"{signed(x1 * x2, 4)} + {signed(y1 * y2, 4)}"),
        ("left: cos(θ₂ − θ₁)", f"<b>{signed(sides.lhs, 4)}</b>"),
        ("right: x₁x₂ + y₁y₂", f"<b>{signed(sides.rhs, 4)}</b>"),
    ]
    return readout_table(rows)


def _difference_text(sides: IdentitySides) -> str:
    raw = round(math.degrees(sides.theta2 - sides.theta1))
    wrapped = round(math.degrees(sides.difference))
    text = f"{signed(raw, 0)}°"
    return text if raw == wrapped else f"{text} (same direction as {signed(wrapped, 0)}°)"


def readout_table(rows: Sequence[tuple[str, str]]) -> str:
    """A large-type two-column HTML table for live readouts."""
    body = "".join(
        f"<tr><td style='padding:2px 12px 2px 0'>{k}</td>"
        f"<td style='font-family:monospace'>{v}</td></tr>"
        for k, v in rows
    )
    return f"<table style='font-size:1.25em'>{body}</table>"


def angle_identity_demo(theta1: float = 30.0, theta2: float = 75.0) -> SliderDemo:
    """01.01: two unit vectors on the circle, both sides of the identity read out live."""
    return SliderDemo(
        title="cos(θ₂ − θ₁) = x₁x₂ + y₁y₂",
        sliders=(
            Slider("theta1", "θ₁, angle of u₁", 0, 360, 1, theta1, unit="degrees", suffix="°"),
            Slider("theta2", "θ₂, angle of u₂", 0, 360, 1, theta2, unit="degrees", suffix="°"),
        ),
        compute=_identity_in_degrees,
        view=UnitCircleView,
        readout=identity_readout,
    )


# ---------------------------------------------------------------- 01.02 demo


def _dot_parts_in_degrees(len_a: float, len_b: float, theta: float) -> DotParts:
    return dot_parts_2d(len_a, len_b, math.radians(theta), start=math.radians(15))


def dot_readout(parts: DotParts) -> str:
    """HTML readout: a·b from the coordinates beside |a| |b| cos θ, and cos θ alone."""
    return readout_table(
        [
            ("θ", f"{math.degrees(parts.theta):.0f}°"),
            ("|a| |b|", f"{parts.lengths:.3f}"),
            ("cos θ", f"<b>{signed(parts.cos, 4)}</b>"),
            ("a·b = a₁b₁ + a₂b₂", f"<b>{signed(parts.dot, 4)}</b>"),
            ("|a| |b| cos θ", f"<b>{signed(parts.rhs, 4)}</b>"),
        ]
    )


def length_angle_demo(len_a: float = 2.0, len_b: float = 1.5, theta: float = 60.0) -> SliderDemo:
    """01.02: lengths scale a·b while cos θ stays put."""
    return SliderDemo(
        title="a·b = |a| |b| cos θ",
        sliders=(
            Slider("len_a", "|a|, length of a", 0.5, 3.0, 0.1, len_a, decimals=1),
            Slider("len_b", "|b|, length of b", 0.5, 3.0, 0.1, len_b, decimals=1),
            Slider("theta", "θ, angle from a to b", 0, 180, 1, theta, unit="degrees", suffix="°"),
        ),
        compute=_dot_parts_in_degrees,
        view=LengthAngleView,
        readout=dot_readout,
    )


# ---------------------------------------------------------------- 01.03 demo

PROJECTION_ONTO = (2.5, 20.0)  # b: length and direction (degrees), fixed in the demo


def _projection_in_degrees(theta: float, len_a: float) -> ProjectionParts:
    length, direction = PROJECTION_ONTO
    b = from_angle(math.radians(direction), length)
    return projection_parts(from_angle(math.radians(direction + theta), len_a), b)


def projection_readout(parts: ProjectionParts) -> str:
    """HTML readout: the projection, |b|, their product and a·b, and the angle's kind."""
    length_b = float(norm(parts.b))
    return readout_table(
        [
            ("θ", f"{math.degrees(parts.theta):.0f}° ({parts.kind})"),
            ("projection of a on b", f"<b>{signed(parts.scalar, 3)}</b>"),
            ("|b|", f"{length_b:.3f}"),
            ("projection × |b|", f"<b>{signed(parts.scalar * length_b, 3)}</b>"),
            ("a·b", f"<b>{signed(parts.dot, 3)}</b>"),
        ]
    )


def projection_demo(theta: float = 50.0, len_a: float = 2.5) -> SliderDemo:
    """01.03: drag a around b; the projection's length times |b| is a·b."""
    return SliderDemo(
        title="a·b = (projection of a on b) × |b|",
        sliders=(
            Slider(
                "theta", "θ, angle from b to a", -180, 180, 1, theta, unit="degrees", suffix="°"
            ),
            Slider("len_a", "|a|, length of a", 0.5, 3.0, 0.1, len_a, decimals=1),
        ),
        compute=_projection_in_degrees,
        view=ProjectionView,
        readout=projection_readout,
    )
