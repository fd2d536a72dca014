"""Every notebook with a live demo, in JupyterLab in Chromium: Run All renders every demo
with no error and a correct readout, and a keyboard step repaints each (skipped, with
one line saying how to enable it, without Chromium). The gallery test moves every slider.
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
def test_run_all_renders_every_demo_in_jupyterlab(lab, path):
    check_notebook(lab, path)
