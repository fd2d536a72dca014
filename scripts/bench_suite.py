"""How long the whole test suite takes, and what each added notebook costs (prints numbers).

Runs `pytest` (the command `make test` runs after lint) in a scratch copy of the
project, first as it is, then with K extra notebooks: copies of the course's demo
notebooks under new numbers (99.01, 99.02, …). Each copy is executed by nbval and
run in JupyterLab in Chromium like any notebook. The copies reuse existing demos, so
they add nothing to the gallery; the gallery's cost per slider is printed from the
same runs (`--durations`). The copies fail the 01.00-map test, which is expected
here and costs nothing measurable.

Usage: python scripts/bench_suite.py [K] [R]   (K = 4 extra notebooks, R = 2 interleaved runs)
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DURATION = re.compile(r"^\s*([\d.]+)s (call|setup|teardown)\s+(\S+)", re.M)


def _run(project: Path) -> tuple[float, str]:
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rf", "--durations=0"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    return time.perf_counter() - start, out.stdout


def _gallery_seconds(report: str) -> float:
    return sum(float(s) for s, _, test in DURATION.findall(report) if "browser_gallery" in test)


def _summary(report: str) -> str:
    return report.strip().splitlines()[-1]


def main() -> None:
    k = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    with tempfile.TemporaryDirectory(prefix="bench-suite-") as tmp:
        base_dir, more_dir = Path(tmp) / "course", Path(tmp) / "course-more"
        for project in (base_dir, more_dir):
            subprocess.run(["git", "clone", "-q", str(ROOT), str(project)], check=True)
            # The working tree as it is now (uncommitted notebooks and tests included).
            for folder in ("notebooks", "tests", "helpers", "scripts", "gallery"):
                shutil.rmtree(project / folder)
                shutil.copytree(ROOT / folder, project / folder)
        sources = sorted((more_dir / "notebooks").glob("*.ipynb"))[1:]  # not 01.00
        for i in range(k):
            src = sources[i % len(sources)]
            shutil.copy(src, more_dir / "notebooks" / f"99.{i + 1:02d}-{src.name[6:]}")
        # Interleaved, so a change in the machine's load hits both sides alike.
        bases, mores, report, report_more = [], [], "", ""
        for _ in range(repeats):
            seconds, report = _run(base_dir)
            bases.append(seconds)
            seconds, report_more = _run(more_dir)
            mores.append(seconds)
        base, more = statistics.mean(bases), statistics.mean(mores)
        print(f"suite as it is:            {_list(bases)}  mean {base:6.1f} s")
        print(f"with {k} extra notebooks:   {_list(mores)}  mean {more:6.1f} s")
        print(f"marginal cost per notebook: {(more - base) / k:5.2f} s   ({_summary(report_more)})")
        failed = [line for line in report_more.splitlines() if line.startswith("FAILED")]
        print("expected failures with the copies (names and the 01.00 map):")
        print("\n".join(f"  {line[:110]}" for line in failed))
        print(f"gallery test (every slider of every demo): {_gallery_seconds(report):.1f} s")


def _list(seconds: list[float]) -> str:
    return " ".join(f"{s:6.1f}" for s in seconds) + " s"


if __name__ == "__main__":
    main()
