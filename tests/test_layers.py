"""The package's layering and import hygiene, checked in fresh interpreters.

Every module of ``helpers`` belongs to a layer by where it lives, so a new topic
module is checked without editing this file:

1. math: top-level modules other than those named below, and ``exercises/`` (numpy only);
2. plotting: ``plotting`` and ``views/`` (matplotlib, no widgets);
3. live: ``live/``, the generic demo machinery (knows no topic of the course);
4. demos: ``demos/`` and ``gallery``, which compose views and the machinery.

Importing a group of modules together loads a package only if one of them does,
so one interpreter per layer is enough. Widgets load only when a widget is built.
"""

import pkgutil
import subprocess
import sys

import helpers

PLOTTING_TOP = {"plotting"}
DEMOS_TOP = {"gallery"}
LAYER_OF_PACKAGE = {"exercises": "math", "views": "plotting", "live": "live", "demos": "demos"}
WIDGET_MODULES = {"helpers.live.canvas"}  # the widget itself: imported only to build a UI


def _layers() -> dict[str, list[str]]:
    layers: dict[str, list[str]] = {"math": ["helpers"], "plotting": [], "live": [], "demos": []}
    for info in pkgutil.walk_packages(helpers.__path__, "helpers."):
        if info.name in WIDGET_MODULES:
            continue
        top = info.name.split(".")[1]
        if top in LAYER_OF_PACKAGE:
            layer = LAYER_OF_PACKAGE[top]
        elif top in PLOTTING_TOP:
            layer = "plotting"
        elif top in DEMOS_TOP:
            layer = "demos"
        else:
            layer = "math"
        layers[layer].append(info.name)
    return layers


LAYERS = _layers()


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return out.stdout


def _loaded_after_importing(modules: list[str]) -> set[str]:
    return set(_run(f"import sys, {', '.join(modules)}; print('\\n'.join(sys.modules))").split())


def _forbidden(loaded: set[str], prefixes: tuple[str, ...]) -> set[str]:
    return {m for m in loaded if m.startswith(prefixes)}


def test_every_layer_has_modules():
    assert all(LAYERS.values()), LAYERS


def test_math_layer_imports_no_matplotlib_widgets_or_higher_layers():
    loaded = _loaded_after_importing(LAYERS["math"])
    bad = ("matplotlib", "ipywidgets", "anywidget", "helpers.plotting", "helpers.views")
    assert not _forbidden(loaded, (*bad, "helpers.live", "helpers.demos", "helpers.gallery"))


def test_plotting_layer_knows_no_widgets_or_demos():
    loaded = _loaded_after_importing(LAYERS["plotting"])
    bad = ("ipywidgets", "anywidget", "helpers.live", "helpers.demos", "helpers.gallery")
    assert not _forbidden(loaded, bad)


def test_live_machinery_knows_no_topic_and_loads_widgets_lazily():
    loaded = _loaded_after_importing(LAYERS["live"])
    bad = ("ipywidgets", "anywidget", "helpers.views", "helpers.demos", "helpers.exercises")
    assert not _forbidden(loaded, (*bad, "helpers.angles", "helpers.geometry"))


def test_demos_import_widgets_only_when_a_widget_is_built():
    loaded = _loaded_after_importing(LAYERS["demos"])
    assert not _forbidden(loaded, ("ipywidgets", "anywidget"))


def test_importing_helpers_changes_no_matplotlib_settings():
    everything = [m for modules in LAYERS.values() for m in modules] + sorted(WIDGET_MODULES)
    code = (
        "import matplotlib as mpl; before = dict(mpl.rcParams); "
        f"import {', '.join(everything)}; print(dict(mpl.rcParams) == before)"
    )
    assert _run(code).strip() == "True"
