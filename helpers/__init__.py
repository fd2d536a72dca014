"""Helpers for the notebooks on why a matrix product measures similarity.

Layers, from the bottom up (each imports only the ones before it):

* ``vectors``, ``angles``: the math, numpy only.
* ``checks``, ``exercises``: exercise checkers (no plotting).
* ``plotting``, ``views``: matplotlib figures, no widgets.
* ``demos``: slider demos that wire views to ipywidgets.

Importing ``helpers`` imports none of them and changes no global state.
"""

__all__ = ["angles", "checks", "demos", "exercises", "plotting", "vectors", "views"]
