"""Browser tests: JupyterLab and Voilà driven by Playwright in Debian's Chromium.

Without Chromium these tests skip with one line saying how to enable them.
"""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import labharness  # noqa: E402

_why = labharness.chromium_missing()
if _why:
    pytest.skip(_why, allow_module_level=True)


@pytest.fixture(scope="session")
def browser():
    with labharness.chromium() as b:
        yield b
