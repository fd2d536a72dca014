"""The presenter gallery shows every course demo, found from the demos themselves."""

import json
import re
from pathlib import Path

from helpers.demos import course_demos
from helpers.gallery import gallery, gallery_demos

ROOT = Path(__file__).parent.parent


def _demo_factories_in_notebooks() -> set[str]:
    names = set()
    for nb in (ROOT / "notebooks").glob("*.ipynb"):
        for cell in json.loads(nb.read_text())["cells"]:
            names.update(re.findall(r"\b(\w+_demo)\(", "".join(cell["source"])))
    return names


def test_every_notebook_demo_is_a_course_demo_and_every_course_demo_is_used():
    used = _demo_factories_in_notebooks()
    assert used, "no demos found in the notebooks"
    assert used == {make.__name__ for make in course_demos()}


def test_gallery_is_in_notebook_order():
    numbers = [d.notebook for d in gallery_demos()]
    assert numbers == sorted(numbers)


def test_gallery_has_one_heading_and_caption_per_demo():
    box = gallery()
    headings = [
        c.value for c in box.children if "<div class='course-entry'>" in getattr(c, "value", "")
    ]
    demos = gallery_demos()
    assert len(headings) == len(demos)
    for demo, html in zip(demos, headings, strict=True):
        assert demo.caption in html and demo.notebook in html and demo.title in html
    widgets = [c for c in box.children if "course-demo" in c._dom_classes]
    assert len(widgets) == len(demos)


def test_gallery_notebook_only_calls_gallery():
    nb = json.loads((ROOT / "gallery" / "Presenter-Gallery.ipynb").read_text())
    code = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    assert code == ["from helpers.gallery import gallery\n\ngallery()"]
