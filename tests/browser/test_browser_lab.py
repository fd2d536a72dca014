"""Every notebook with a live demo, in JupyterLab in Chromium: Run All over its code up to
its last demo (``code_without_outputs``) renders every demo with no error and a correct
readout, and a keyboard step repaints each (skipped, with one line saying how to enable
it, without Chromium). The gallery test moves every slider.

The first notebook is opened through the File menu and starts a kernel; the others join
that kernel, as "use kernel from other session" does, which saves a kernel start and the
imports per notebook. Each notebook is also run in a fresh kernel of its own by nbval.
"""

import labharness as h
import pytest
from exercise import WITH_DEMOS, check_notebook, serve_notebooks

h.require_chromium()


class Lab:
    """One JupyterLab page and the kernel the notebooks share."""

    def __init__(self, page):
        self.page = page
        self.kernel_id: str | None = None


@pytest.fixture(scope="module")
def lab(browser, tmp_path_factory):
    """One JupyterLab page for the module: the app loads once, notebooks open in it."""
    with serve_notebooks(tmp_path_factory.mktemp("lab")) as base:
        page = h.open_lab(browser, base)
        yield Lab(page)
        page.close()


def test_some_notebooks_have_live_demos():
    assert WITH_DEMOS


@pytest.mark.parametrize("path", WITH_DEMOS, ids=lambda p: p.name)
def test_run_all_renders_every_demo_in_jupyterlab(lab, path):
    lab.kernel_id = check_notebook(lab.page, path, lab.kernel_id)
