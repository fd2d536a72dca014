"""The presenter gallery in Voilà, in Chromium: every demo of the course shown, no code,
every slider of every demo moved by keyboard and by mouse, every readout checked.

All demos share one kernel here, which is why this is where every slider is moved.
"""

import labharness as h
from exercise import exercise_every_slider

from helpers.gallery import gallery_demos

h.require_chromium()


def test_gallery_shows_every_demo_and_every_slider_responds(browser, tmp_path):
    demos = gallery_demos()
    notebook = h.ROOT / "gallery" / "Presenter-Gallery.ipynb"
    with h.voila(notebook, tmp_path / "voila.log") as url:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url)
        page.locator(".course-demo").nth(len(demos) - 1).wait_for(timeout=90_000)
        body = page.locator("body").inner_text()
        assert "import" not in body and "gallery()" not in body
        for demo in demos:
            assert demo.caption in body
        moved = exercise_every_slider(page, page, len(demos))
        assert moved == sum(len(d.sliders) for d in demos)
