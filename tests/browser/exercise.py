"""Drive the course's live demos in a browser page and check every readout independently.

The readout checks are the topics' own (``READOUT_CHECKS`` in tests/test_demo_*.py,
collected by tests/readouts.py). Waits are on events, never fixed sleeps: after a
move, the figure must redraw and the readout must match the slider value on show.
"""

import json
import sys
from pathlib import Path

import labharness as h
from playwright.sync_api import Locator, Page

sys.path.insert(0, str(h.ROOT / "tests"))
from readouts import collect_checks  # noqa: E402

CHECKS = collect_checks()
NOTEBOOKS = sorted((h.ROOT / "notebooks").glob("*.ipynb"))
WIDGET = "application/vnd.jupyter.widget-view+json"


def _has_widget(cell: dict) -> bool:
    return any(WIDGET in o.get("data", {}) for o in cell.get("outputs", []))


def live_demos(path: Path) -> int:
    """How many live demos a notebook shows (from its stored outputs)."""
    cells = json.loads(path.read_text())["cells"]
    return sum(_has_widget(c) for c in cells if c["cell_type"] == "code")


WITH_DEMOS = [p for p in NOTEBOOKS if live_demos(p)]


def code_without_outputs(path: Path) -> dict:
    """The notebook's code up to and including its last live demo, with stored outputs,
    execution counts and widget state removed: whatever the page shows after Run All was
    made by that run, not loaded from the file.

    Left out, to keep the suite inside its two minutes: markdown (typesetting it cost
    about 0.7 s per notebook) and the code cells after the last demo (static figures,
    printed checks, exercises: about half of each notebook's cells). What the lab adds over
    nbval, which runs every cell in a fresh kernel and compares its outputs, is that each
    demo renders and responds in JupyterLab after everything it depends on has run."""
    nb = json.loads(path.read_text())
    nb.get("metadata", {}).pop("widgets", None)
    code = [cell for cell in nb["cells"] if cell["cell_type"] == "code"]
    last_demo = max(i for i, cell in enumerate(code) if _has_widget(cell))
    nb["cells"] = code[: last_demo + 1]
    for cell in nb["cells"]:
        cell["outputs"], cell["execution_count"] = [], None
    return nb


def serve_notebooks(root: Path):
    """JupyterLab over output-free, code-only copies of notebooks/ (originals untouched)."""
    for nb in NOTEBOOKS:
        (root / nb.name).write_text(json.dumps(code_without_outputs(nb)))
    return h.jupyterlab(root, root / "jupyterlab.log")


def _title(demo: Locator) -> str:
    return demo.locator(".course-demo-title").inner_text().strip()


def _check_readout(demo: Locator, title: str, old_frame: str | None = None) -> None:
    """One attempt: the figure has redrawn since ``old_frame`` (if given), and the readout
    says what the slider values on show imply."""
    sliders, readout, frame = h.demo_state(demo)
    assert frame != old_frame, "the figure has not redrawn yet"
    CHECKS[title](sliders, readout)


def _check_when_ready(demo: Locator) -> str:
    title = _title(demo)
    assert title in CHECKS, f"no readout check for demo {title!r} (READOUT_CHECKS in tests/)"
    demo.scroll_into_view_if_needed()
    h.wait_until_true(lambda: _check_readout(demo, title))
    return title


def move(page: Page, demo: Locator, slider: Locator, how: str) -> None:
    """Move one slider by keyboard or mouse, away from its nearer end; check the redraw."""
    title = _title(demo)
    label, before = h.slider_state(slider)
    frame = h.figure_frame(demo)
    at = h.position(slider)
    if how == "keyboard":
        h.press(page, slider, "ArrowRight" if at < 1 else "ArrowLeft")
    else:
        h.drag(page, slider, 0.2 if at < 0.5 else -0.2)
    h.wait_until_true(lambda: _check_readout(demo, title, frame))
    _, after = h.slider_state(slider)
    assert after != before, f"{label}: {how} did not move the slider"


def exercise_every_slider(page: Page, scope: Page | Locator, expected_demos: int) -> int:
    """Move every slider of every demo in ``scope`` by keyboard and by mouse; return the count."""
    demos = h.demos(scope)
    assert len(demos) == expected_demos, f"{len(demos)} demos rendered, {expected_demos} expected"
    moved = 0
    for demo in demos:
        _check_when_ready(demo)
        for slider in h.sliders(demo):
            for how in ("keyboard", "mouse"):
                move(page, demo, slider, how)
            moved += 1
    assert h.page_errors(page) == []
    return moved


def check_notebook(page: Page, path: Path, kernel_id: str | None = None) -> str:
    """Open a notebook in a loaded JupyterLab and Run All: every demo renders with the right
    readout, with no error anywhere, and one keyboard step of each demo repaints it.

    With ``kernel_id`` the notebook joins that running kernel instead of starting its own
    (nbval already runs every notebook in a fresh kernel; here the point is what the
    browser shows). The notebook stays open in a background tab. Returns its kernel's id.
    """
    if kernel_id is None:
        h.open_path(page, path.name)  # through the File menu, as a person would
    else:
        h.open_with_kernel(page, path.name, kernel_id)
    h.run_all(page)
    assert h.page_errors(page) == []
    expected = live_demos(path)

    def all_rendered() -> None:  # the last cell's widget may draw just after its prompt
        found = len(h.demos(h.current_notebook(page)))
        assert found == expected, f"{found} of {expected} demos rendered in {path.name}"

    h.wait_until_true(all_rendered)
    demos = h.demos(h.current_notebook(page))
    for demo in demos:
        _check_when_ready(demo)
        move(page, demo, h.sliders(demo)[0], "keyboard")
    assert h.page_errors(page) == []
    return h.current_kernel_id(page)
