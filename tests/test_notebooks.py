"""Every notebook follows the skeleton in CONTRIBUTING.md and stores clean outputs.

nbval (run by the same pytest command) re-executes the notebooks and compares
outputs; these checks cover what nbval cannot see.
"""

import json
import re
from pathlib import Path

import pytest

NOTEBOOK_DIR = Path(__file__).parent.parent / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
NAME = re.compile(r"^(\d\d\.\d\d)-([A-Z][a-z0-9]*)(-[A-Z][a-z0-9]*)*\.ipynb$")
WIDGET = "application/vnd.jupyter.widget-view+json"


def _load(path: Path) -> dict:
    return json.loads(path.read_text())


def _src(cell: dict) -> str:
    return "".join(cell["source"])


def _headings(nb: dict) -> list[str]:
    return [
        line
        for c in nb["cells"]
        if c["cell_type"] == "markdown"
        for line in _src(c).splitlines()
        if line.startswith("## ")
    ]


def test_there_are_notebooks():
    assert len(NOTEBOOKS) >= 2


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_skeleton(path):
    assert NAME.match(path.name), f"{path.name} is not NN.MM-Title-Case.ipynb"
    nb = _load(path)
    cells = nb["cells"]
    assert cells[0]["cell_type"] == "markdown"
    assert _src(cells[0]).startswith(f"# {path.name[:5]} "), "first cell: H1 title with number"
    headings = _headings(nb)
    assert headings[0] == "## Learning goals"
    assert headings[-1] == "## Summary"
    numbered = [h for h in headings if re.match(r"## \d+\. ", h)]
    assert [int(h.split()[1][:-1]) for h in numbered] == list(range(1, len(numbered) + 1))
    code = [c for c in cells if c["cell_type"] == "code"]
    setup = _src(code[0])
    assert "%matplotlib inline" in setup and "use_course_style()" in setup
    assert not any(re.search(r"^\s*(import|from) \S+", _src(c), re.M) for c in code[1:]), (
        "imports belong in the one setup cell"
    )
    if path.name[:5] != "01.00":
        assert "## Exercises" in headings
        assert sum(_src(c).count("check(") for c in code) >= 2


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stored_outputs_are_complete_and_clean(path):
    nb = _load(path)
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1)), "run in order"
    for cell in code:
        for out in cell["outputs"]:
            assert out["output_type"] != "error", _src(cell)
            assert out.get("name") != "stderr", f"warning stored in: {_src(cell)[:60]}"
        assert "execution" not in cell["metadata"], "timing metadata makes diffs noisy"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_live_demo_has_a_static_figure_after_it(path):
    code = [c for c in _load(path)["cells"] if c["cell_type"] == "code"]
    for i, cell in enumerate(code):
        if any(WIDGET in o.get("data", {}) for o in cell["outputs"]):
            following = code[i + 1]["outputs"] if i + 1 < len(code) else []
            assert any("image/png" in o.get("data", {}) for o in following), _src(cell)


def test_start_here_map_lists_every_notebook_as_ready():
    text = "\n".join(_src(c) for c in _load(NOTEBOOK_DIR / "01.00-Start-Here.ipynb")["cells"])
    ready = set(re.findall(r"\]\(([^)]+\.ipynb)\) \| ready \|", text))
    assert ready == {p.name for p in NOTEBOOKS}
    rows = re.findall(r"^\| (?:\[)?(\d\d\.\d\d)", text, re.M)
    assert len(rows) == len(set(rows)) == 13, "the map lists all 13 notebooks of COURSE.md"
