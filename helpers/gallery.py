"""The presenter gallery: every slider demo of the course, one line each, no code.

``make demos`` serves ``gallery/Presenter-Gallery.ipynb`` with Voilà; that
notebook only calls :func:`gallery`. The list of demos is not kept here: it is
:func:`helpers.demos.course_demos`, in notebook order, each with its own caption.
"""

from __future__ import annotations

from typing import Any

from .demos import course_demos
from .live import SliderDemo

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


def gallery_demos() -> list[SliderDemo]:
    """Every course demo, built at its default settings, in notebook order."""
    return sorted((make() for make in course_demos()), key=lambda demo: demo.notebook)


def gallery() -> Any:
    """All demos, each under a heading and a one-line explanation, as one widget."""
    import html

    import ipywidgets as w

    parts = [w.HTML(STYLE + "<h1>Why a matrix product measures similarity: live demos</h1>")]
    for demo in gallery_demos():
        parts.append(
            w.HTML(
                f"<div class='course-entry'><h2>{html.escape(demo.title)}</h2>"
                f"<p>{html.escape(demo.caption, quote=False)} "
                f"<i>(notebook {html.escape(demo.notebook)})</i></p></div>"
            )
        )
        parts.append(demo.widget())
    box = w.VBox(parts)
    box.add_class("course-gallery")
    return box
