"""Figures that can be redrawn in place for new numbers (matplotlib only, no widgets).

One module per topic. Each view is built once on an Axes, as ``View(ax, readout=...)``,
and has ``update(result)``, which moves its artists to show a model result (from
the math modules), and ``artists``, everything ``update`` changes (a live demo
redraws only those over a cached background). Slider demos call ``update`` on
every step; static small multiples build one view per panel.
"""
