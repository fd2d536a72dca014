"""Live demos in a real browser: every notebook with a demo in JupyterLab, and the
presenter gallery in Voilà, driven in Chromium; every slider moved by keyboard and mouse.

Without Chromium the whole module is skipped, with one line saying how to enable it.
"""

import json
import shutil
from pathlib import Path

import labharness as h
import pytest
from exercise import exercise_every_slider

from helpers.gallery import ENTRIES

if why := h.chromium_missing():
    pytest.skip(why, allow_module_level=True)

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
def test_every_slider_responds_in_jupyterlab(browser, lab, path):
    page = h.open_notebook(browser, lab, path.name)
    try:
        h.run_all(page)
        assert h.page_errors(page) == []
        assert exercise_every_slider(page, _live_demos(path)) >= 2
    finally:
        page.close()


def test_gallery_shows_every_demo_without_code(browser, tmp_path):
    notebook = h.ROOT / "gallery" / "Presenter-Gallery.ipynb"
    with h.voila(notebook, tmp_path / "voila.log") as url:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url)
        page.locator(".course-demo").nth(len(ENTRIES) - 1).wait_for(timeout=90_000)
        body = page.locator("body").inner_text()
        assert "import" not in body and "gallery()" not in body
        for entry in ENTRIES:
            assert entry.explanation in body
        exercise_every_slider(page, len(ENTRIES))
