"""The live figure widget of a slider demo (imports anywidget; loaded only for a UI).

The kernel sends the static background once as a PNG; each slider step sends
only the moving artists (see :mod:`helpers.live.scene`) and the readout, together.
The browser code is ``figure_canvas.js`` beside this file: no network needed.
"""

from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets


class FigureCanvas(anywidget.AnyWidget):
    """A PNG background, an SVG overlay of moving artists and an HTML readout."""

    _esm = Path(__file__).with_name("figure_canvas.js")
    background = traitlets.Bytes(b"").tag(sync=True)
    scene = traitlets.Unicode("[]").tag(sync=True)
    readout = traitlets.Unicode("").tag(sync=True)
    size = traitlets.List(traitlets.Int(), [500, 500]).tag(sync=True)
    alt = traitlets.Unicode("").tag(sync=True)
