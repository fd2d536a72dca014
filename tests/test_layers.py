"""The package's layering and import hygiene, checked in fresh interpreters.

Importing a group of modules together loads a package only if one of them does,
so one interpreter per layer is enough.
"""

import subprocess
import sys

MATH = ["helpers", "helpers.vectors", "helpers.angles", "helpers.checks", "helpers.exercises"]
PLOTTING = ["helpers.plotting", "helpers.views"]
EVERYTHING = [*MATH, *PLOTTING, "helpers.demos", "helpers.solutions"]


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return out.stdout


def _loaded_after_importing(modules: list[str]) -> set[str]:
    return set(_run(f"import sys, {', '.join(modules)}; print('\\n'.join(sys.modules))").split())


def test_math_layer_imports_no_matplotlib_or_widgets():
    loaded = _loaded_after_importing(MATH)
    assert "matplotlib" not in loaded and "ipywidgets" not in loaded


def test_plotting_and_demos_import_widgets_only_when_a_widget_is_built():
    assert "ipywidgets" not in _loaded_after_importing([*PLOTTING, "helpers.demos"])


def test_importing_helpers_changes_no_matplotlib_settings():
    code = (
        "import matplotlib as mpl; before = dict(mpl.rcParams); "
        f"import {', '.join(EVERYTHING)}; print(dict(mpl.rcParams) == before)"
    )
    assert _run(code).strip() == "True"
