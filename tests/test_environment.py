"""The pip pins, the lock file and environment.yml must name the same versions."""

import re
from pathlib import Path

ROOT = Path(__file__).parent.parent
PIN = re.compile(r"^\s*(?:-\s*)?([A-Za-z0-9_.\-]+)\s*(==|=)\s*([0-9][^\s#]*)")


def _pins(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text().splitlines():
        m = PIN.match(line.split("#")[0])
        if m:
            pins[m.group(1).lower().replace("_", "-")] = m.group(3)
    return pins


def test_every_top_level_pin_is_exact():
    lines = [
        ln
        for ln in (ROOT / "requirements.in").read_text().splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    assert lines and all("==" in ln for ln in lines), lines


def test_environment_yml_matches_the_pip_pins():
    pip_pins = _pins(ROOT / "requirements.in")
    conda_pins = _pins(ROOT / "environment.yml")
    conda_pins.pop("python")
    assert conda_pins == pip_pins


def test_lock_file_agrees_with_the_pins():
    lock = _pins(ROOT / "requirements.txt")
    for name, version in _pins(ROOT / "requirements.in").items():
        assert lock.get(name) == version, (
            f"{name}: requirements.in {version}, lock {lock.get(name)}"
        )


def test_pinned_versions_are_the_installed_ones():
    from importlib.metadata import version

    for name, pinned in _pins(ROOT / "requirements.in").items():
        assert version(name) == pinned, f"{name} {version(name)} installed, {pinned} pinned"
