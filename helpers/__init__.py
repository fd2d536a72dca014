"""Helpers for the notebooks on why a matrix product measures similarity.

Layers, from the bottom up (each imports only the ones before it; tests/test_layers.py):

* math, numpy only: ``vectors``, ``angles``, ``geometry`` (one module per subject),
  ``checks`` (the exercise checker) and ``exercises/`` (one module per notebook topic);
* plotting, no widgets: ``plotting`` (style, arrows, axes) and ``views/`` (one figure
  module per topic, redrawable in place);
* ``live/``: the generic slider-demo machinery (``Slider``, ``SliderDemo``, readout,
  SVG scene, browser canvas), which knows no topic of the course;
* ``demos/``: the course's slider demos, one module per topic, and ``gallery``.

Importing ``helpers`` imports none of them and changes no global state.
"""
