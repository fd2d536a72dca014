"""Move every slider of every demo on a page, by keyboard and by mouse, and check it."""

import json
import shutil
from pathlib import Path

import labharness as h
from demo_checks import CHECKS
from playwright.sync_api import Locator, Page

NOTEBOOKS = sorted((h.ROOT / "notebooks").glob("*.ipynb"))
WIDGET = "application/vnd.jupyter.widget-view+json"


def live_demos(path: Path) -> int:
    """How many live demos a notebook shows (from its stored outputs)."""
    cells = json.loads(path.read_text())["cells"]
    return sum(
        any(WIDGET in o.get("data", {}) for o in c.get("outputs", []))
        for c in cells
        if c["cell_type"] == "code"
    )


WITH_DEMOS = [p for p in NOTEBOOKS if live_demos(p)]


def serve_notebooks(root: Path):
    """JupyterLab over a scratch copy of notebooks/ (the originals are never touched)."""
    for nb in NOTEBOOKS:
        shutil.copy(nb, root)
    return h.jupyterlab(root, root / "jupyterlab.log")


def check_notebook(page: Page, path: Path) -> None:
    """Open a notebook in a loaded JupyterLab, run it top to bottom, move every slider."""
    h.open_path(page, path.name)
    try:
        h.run_all(page)
        assert h.page_errors(page) == []
        assert exercise_every_slider(page, live_demos(path)) >= 2
    finally:
        h.close_notebook(page)


def _state(demo: Locator) -> dict[str, str]:
    return dict(h.slider_state(s) for s in h.sliders(demo))


def _title(demo: Locator) -> str:
    return demo.locator(".course-demo-title").inner_text().strip()


def exercise_every_slider(page: Page, expected_demos: int) -> int:
    """Returns how many sliders were moved; asserts figure, readout and no errors."""
    demos = h.demos(page)
    assert len(demos) == expected_demos, f"{len(demos)} demos rendered, {expected_demos} expected"
    moved = 0
    for demo in demos:
        title = _title(demo)
        assert title in CHECKS, f"no readout check for demo {title!r} in demo_checks.py"
        demo.scroll_into_view_if_needed()
        h.settle(demo)
        CHECKS[title](_state(demo), h.readout_text(demo))
        for slider in h.sliders(demo):
            label, before = h.slider_state(slider)
            for how in ("keyboard", "mouse"):
                frame = h.figure_frame(demo)
                at = h.position(slider)  # move away from the nearer end, so it can move
                if how == "keyboard":
                    h.press(page, slider, "ArrowRight" if at < 1 else "ArrowLeft")
                else:
                    h.drag(page, slider, 0.2 if at < 0.5 else -0.2)
                h.wait_for_new_figure(demo, frame)
                h.settle(demo)
                _, after = h.slider_state(slider)
                assert after != before, f"{label}: {how} did not move the slider"
                CHECKS[title](_state(demo), h.readout_text(demo))
                before = after
            moved += 1
    assert h.page_errors(page) == []
    return moved
