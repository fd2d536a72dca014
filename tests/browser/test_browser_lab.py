"""Every notebook with a live demo, run in JupyterLab in Chromium, every slider moved
by keyboard and by mouse (skipped, with one line saying how to enable it, without Chromium).
"""

import labharness as h
import pytest
from exercise import WITH_DEMOS, check_notebook, serve_notebooks

h.require_chromium()


@pytest.fixture(scope="module")
def lab(browser, tmp_path_factory):
    """One JupyterLab page for the module: the app loads once, notebooks open in it."""
    with serve_notebooks(tmp_path_factory.mktemp("lab")) as base:
        page = h.open_lab(browser, base)
        yield page
        page.close()


def test_some_notebooks_have_live_demos():
    assert WITH_DEMOS


@pytest.mark.parametrize("path", WITH_DEMOS, ids=lambda p: p.name)
def test_every_slider_responds_in_jupyterlab(lab, path):
    check_notebook(lab, path)
