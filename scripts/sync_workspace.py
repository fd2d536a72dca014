"""Copy notebooks into the student workspace, adding new ones, never overwriting.

Usage: python scripts/sync_workspace.py SOURCE_DIR WORKSPACE_DIR

A student's edited copy is never touched: files already in the workspace are
kept as they are. To get a fresh copy of a notebook, delete or rename yours and
run `make workspace` again.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path


def sync(source: Path, workspace: Path) -> tuple[list[str], list[str]]:
    """Copy each ``*.ipynb`` in ``source`` missing from ``workspace``; return (added, kept)."""
    if not source.is_dir():
        raise SystemExit(f"no notebook folder at {source}")
    workspace.mkdir(parents=True, exist_ok=True)
    added, kept = [], []
    for nb in sorted(source.glob("*.ipynb")):
        target = workspace / nb.name
        if target.exists():
            kept.append(nb.name)
            continue
        # Exclusive create: even a file appearing between the check and the copy is safe.
        with nb.open("rb") as src, target.open("xb") as dst:
            shutil.copyfileobj(src, dst)
        added.append(nb.name)
    return added, kept


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        raise SystemExit(__doc__)
    added, kept = sync(Path(argv[0]), Path(argv[1]))
    for name in added:
        print(f"added  {argv[1]}/{name}")
    if kept:
        print(f"kept your copies of {len(kept)} notebook(s) in {argv[1]}/ (never overwritten)")


if __name__ == "__main__":
    main(sys.argv[1:])
