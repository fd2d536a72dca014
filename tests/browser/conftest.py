"""Browser tests: JupyterLab and Voilà driven by Playwright in Debian's Chromium."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import labharness  # noqa: E402


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium (test_browser.py skips itself when it is missing)."""
    with labharness.chromium() as b:
        yield b
