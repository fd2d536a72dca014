"""The presenter gallery: every slider demo of the course, one line each, no code.

``make demos`` serves ``gallery/Presenter-Gallery.ipynb`` with Voilà; that
notebook only calls :func:`gallery`. A notebook that adds a demo adds it here too
(tests/test_gallery.py checks that every demo used in a notebook is listed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .demos import SliderDemo, angle_identity_demo, length_angle_demo, projection_demo


@dataclass(frozen=True)
class Entry:
    """One demo in the gallery: where it comes from and what it shows, in one line."""

    notebook: str
    explanation: str
    make: Callable[[], SliderDemo]


ENTRIES: tuple[Entry, ...] = (
    Entry(
        "01.01",
        "Two unit vectors: multiply matching coordinates and add, and you get the cosine "
        "of the angle between them.",
        angle_identity_demo,
    ),
    Entry(
        "01.02",
        "Stretch either vector and a·b grows with it; turn one and only the angle, through "
        "cos θ, changes it.",
        length_angle_demo,
    ),
    Entry(
        "01.03",
        "Turn a around b: a·b is the length of a's shadow on b times the length of b, and "
        "changes sign past 90°.",
        projection_demo,
    ),
)

# Sized for the back of a classroom: larger slider labels, readouts and headings.
STYLE = """
<style>
  .course-gallery { max-width: 1250px; margin: 0 auto; }
  .course-gallery h1 { font-size: 2.4em; margin: 0.3em 0; }
  .course-gallery .course-entry h2 { font-size: 1.8em; margin: 1.2em 0 0.2em; }
  .course-gallery .course-entry p { font-size: 1.35em; margin: 0 0 0.6em; }
  .course-gallery .course-demo .widget-label,
  .course-gallery .course-demo .widget-readout { font-size: 18px; }
  .course-gallery .course-demo .widget-slider { height: 40px; }
  .course-gallery .course-demo-readout { font-size: 1.3em; }
  .course-gallery .course-demo-title { display: none; }  /* the entry's heading says it */
  .course-gallery .course-demo-canvas > div:first-child { zoom: 1.2; }  /* SVG stays crisp */
</style>
"""


def gallery() -> Any:
    """All demos, each under a heading and a one-line explanation, as one widget."""
    import html

    import ipywidgets as w

    parts = [w.HTML(STYLE + "<h1>Why a matrix product measures similarity: live demos</h1>")]
    for entry in ENTRIES:
        demo = entry.make()
        parts.append(
            w.HTML(
                f"<div class='course-entry'><h2>{html.escape(demo.title)}</h2>"
                f"<p>{html.escape(entry.explanation, quote=False)} "
                f"<i>(notebook {html.escape(entry.notebook)})</i></p></div>"
            )
        )
        parts.append(demo.widget())
    box = w.VBox(parts)
    box.add_class("course-gallery")
    return box
