"""A slider demo: a model function, a view and ipywidgets sliders wired together.

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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
import PIL.Image
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..plotting import course_style, new_figure
from .scene import scene


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
    """What a demo needs of a view: ``artists`` it moves and ``update(result)``."""

    artists: list[Artist]

    def update(self, result: Any) -> None: ...


ViewFactory = Callable[..., View]  # called as factory(ax, readout=bool)


class SliderDemo:
    """A figure driven by sliders: built once, its moving artists redrawn on each step."""

    def __init__(
        self,
        *,
        title: str,
        sliders: Sequence[Slider],
        compute: Callable[..., Any],
        view: ViewFactory,
        readout: Callable[[Any], str],
        figsize: tuple[float, float] = (5.0, 5.0),
        notebook: str = "",
        caption: str = "",
    ) -> None:
        self.title = title
        self.notebook = notebook  # where the demo is taught, e.g. "01.01"
        self.caption = caption  # one line for the presenter gallery
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

    def snapshots(
        self, settings: Sequence[Mapping[str, float]], *, width: float = 4.6, ncols: int = 0
    ) -> Figure:
        """Small multiples: the same view at several slider settings (a static figure),
        ``ncols`` panels to a row (default: all in one row), read left to right, top down."""
        cols = ncols or len(settings)
        rows = -(-len(settings) // cols)
        fig = new_figure(width * cols, width * 1.15 * rows, ncols=cols, nrows=rows)
        for ax in fig.axes[len(settings) :]:  # a last row that is not full
            ax.set_visible(False)
        with course_style():
            for ax, setting in zip(fig.axes, settings, strict=False):
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
