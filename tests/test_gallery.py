"""The presenter gallery lists every demo the notebooks use."""

import json
import re
from pathlib import Path

import helpers.demos
from helpers.gallery import ENTRIES, gallery

ROOT = Path(__file__).parent.parent


def _demo_factories_in_notebooks() -> set[str]:
    names = set()
    for nb in (ROOT / "notebooks").glob("*.ipynb"):
        for cell in json.loads(nb.read_text())["cells"]:
            names.update(re.findall(r"\b(\w+_demo)\(", "".join(cell["source"])))
    return names


def test_every_notebook_demo_is_in_the_gallery():
    used = _demo_factories_in_notebooks()
    assert used, "no demos found in the notebooks"
    assert used <= {e.make.__name__ for e in ENTRIES}
    assert all(hasattr(helpers.demos, name) for name in used)


def test_gallery_has_one_heading_and_explanation_per_demo():
    box = gallery()
    headings = [
        c.value for c in box.children if "<div class='course-entry'>" in getattr(c, "value", "")
    ]
    assert len(headings) == len(ENTRIES)
    for entry, html in zip(ENTRIES, headings, strict=True):
        assert entry.explanation in html and entry.notebook in html
    demos = [c for c in box.children if "course-demo" in c._dom_classes]
    assert len(demos) == len(ENTRIES)


def test_gallery_notebook_only_calls_gallery():
    nb = json.loads((ROOT / "gallery" / "Presenter-Gallery.ipynb").read_text())
    code = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    assert code == ["from helpers.gallery import gallery\n\ngallery()"]
