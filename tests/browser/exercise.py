"""Move every slider of every demo on a page, by keyboard and by mouse, and check it."""

import labharness as h
from demo_checks import CHECKS
from playwright.sync_api import Locator, Page


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
                frame = h.figure_src(demo)
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
