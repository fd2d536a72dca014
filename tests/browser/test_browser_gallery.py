"""The presenter gallery in Voilà, in Chromium: every demo shown, no code, every slider works."""

import labharness as h
from exercise import exercise_every_slider

from helpers.gallery import ENTRIES

h.require_chromium()


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
