"""Generic live-demo machinery, independent of any topic of the course.

* :mod:`.demo`: :class:`Slider` and :class:`SliderDemo` (a model, a view, sliders);
* :mod:`.readout`: the HTML readout table;
* :mod:`.scene`: moving matplotlib artists as SVG primitives;
* :mod:`.canvas` and ``figure_canvas.js``: the anywidget that draws them in the browser.

ipywidgets and anywidget are imported only when a demo's widget is built.
"""

from .demo import Slider, SliderDemo, View
from .readout import readout_table

__all__ = ["Slider", "SliderDemo", "View", "readout_table"]
