"""Browser-side slider latency: keydown to repainted figure, in JupyterLab in Chromium.

For every slider of every notebook with a live demo: open the notebook in
headless Chromium, run all cells, then time keyboard steps (half to the right,
half back) from the keydown event to the first animation frame after the
demo's figure was redrawn. Needs Debian's chromium (/usr/bin/chromium).
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import labharness as h

STEPS = 30
WIDGET = "application/vnd.jupyter.widget-view+json"


def _has_demo(path: Path) -> bool:
    cells = json.loads(path.read_text())["cells"]
    return any(WIDGET in o.get("data", {}) for c in cells for o in c.get("outputs", []))


def _summary(ms: list[float]) -> str:
    p95 = statistics.quantiles(ms, n=20)[-1]
    return f"median {statistics.median(ms):5.1f} ms   p95 {p95:5.1f} ms   (n={len(ms)})"


def main() -> None:
    why = h.chromium_missing()
    if why:
        print(why)
        return
    notebooks = [p for p in sorted((h.ROOT / "notebooks").glob("*.ipynb")) if _has_demo(p)]
    root = Path(tempfile.mkdtemp(prefix="bench-lab-"))
    for nb in notebooks:
        shutil.copy(nb, root)
    everything: list[float] = []
    print("Slider step, browser side (keydown to repainted figure, JupyterLab, Chromium):")
    with h.jupyterlab(root, root / "jupyterlab.log") as base, h.chromium() as browser:
        for nb in notebooks:
            page = h.open_notebook(browser, base, nb.name)
            h.run_all(page)
            for d, demo in enumerate(h.demos(page)):
                demo.scroll_into_view_if_needed()
                for slider in h.sliders(demo):
                    label, _ = h.slider_state(slider)
                    there, back = ("ArrowRight", "ArrowLeft")
                    room_right, room_left = h.room(slider)
                    if room_left > room_right:  # go towards the far end, so it can move
                        there, back = back, there
                    # A short slider (five settings) cannot take 15 steps one way: it goes
                    # as far as it can and comes back, as often as it takes to make STEPS.
                    reach = max(1, min(STEPS // 2, max(room_right, room_left)))
                    keys = ([there] * reach + [back] * reach) * (STEPS // (2 * reach))
                    ms = [h.step_latency_ms(page, d, slider, key) for key in keys]
                    everything += ms
                    print(f"  {nb.name[:5]} demo {d + 1} {label:28s} {_summary(ms)}")
            page.close()
    print(f"  all sliders of all notebooks:             {_summary(everything)}")
    shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
