"""Every notebook with a live demo, run in JupyterLab in Chromium, every slider moved."""

import json
import shutil
from pathlib import Path

import labharness as h
import pytest
from exercise import exercise_every_slider

NOTEBOOKS = sorted((h.ROOT / "notebooks").glob("*.ipynb"))
WIDGET = "application/vnd.jupyter.widget-view+json"


def _live_demos(path: Path) -> int:
    cells = json.loads(path.read_text())["cells"]
    return sum(
        any(WIDGET in o.get("data", {}) for o in c.get("outputs", []))
        for c in cells
        if c["cell_type"] == "code"
    )


WITH_DEMOS = [p for p in NOTEBOOKS if _live_demos(p)]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    root = tmp_path_factory.mktemp("lab")
    for nb in NOTEBOOKS:
        shutil.copy(nb, root)
    with h.jupyterlab(root, root / "jupyterlab.log") as base:
        yield base


def test_some_notebooks_have_live_demos():
    assert WITH_DEMOS


@pytest.mark.parametrize("path", WITH_DEMOS, ids=lambda p: p.name)
def test_every_slider_responds_in_jupyterlab(lab, browser, path):
    page = h.open_notebook(browser, lab, path.name)
    try:
        h.run_all(page)
        assert h.page_errors(page) == []
        assert exercise_every_slider(page, _live_demos(path)) >= 2
    finally:
        page.close()
