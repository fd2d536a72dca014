"""Copy the course's notebooks into the student workspace; never overwrite a student's copy.

Usage: python scripts/sync_workspace.py SOURCE_DIR WORKSPACE_DIR

* A notebook missing from the workspace is copied in.
* A copy already there is never touched, even if the course's version changed.
* When the course's version has changed since your copy was made, this says so by
  name and puts the new version beside yours, named by one rule:
  ``NAME.course-update-XXXXXXXX.ipynb`` (XXXXXXXX: the first 8 hex digits of the new
  version's SHA-256), so you can compare the two. It says so on every run until you
  take the update: delete or rename your copy and run `make workspace` again.

Which course version each copy started from is recorded in
``WORKSPACE_DIR/.course-versions.json``.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".course-versions.json"
UNKNOWN = "unknown"  # a copy made before versions were recorded, differing from the course


@dataclass
class Report:
    """What one sync did: notebooks added, copies kept, and copies behind the course."""

    added: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    behind: list[tuple[str, str]] = field(default_factory=list)  # (your copy, the new version)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def update_name(name: str, version: str) -> str:
    """Where the course's new version of ``name`` goes, beside the student's copy."""
    stem = name.removesuffix(".ipynb")
    return f"{stem}.course-update-{version[:8]}.ipynb"


def _copy_new(src: Path, dst: Path) -> bool:
    """Copy ``src`` to ``dst`` only if ``dst`` does not exist (exclusive create)."""
    try:
        with src.open("rb") as fin, dst.open("xb") as fout:
            shutil.copyfileobj(fin, fout)
    except FileExistsError:
        return False
    return True


def _load(manifest: Path) -> dict[str, str]:
    try:
        data = json.loads(manifest.read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def sync(source: Path, workspace: Path) -> Report:
    """Add missing notebooks; for copies behind the course, put the new version beside."""
    if not source.is_dir():
        raise SystemExit(f"no notebook folder at {source}")
    workspace.mkdir(parents=True, exist_ok=True)
    versions = _load(workspace / MANIFEST)
    report = Report()
    for nb in sorted(source.glob("*.ipynb")):
        current = digest(nb)
        target = workspace / nb.name
        if _copy_new(nb, target):
            versions[nb.name] = current
            report.added.append(nb.name)
            continue
        report.kept.append(nb.name)
        base = versions.get(nb.name)
        if base is None:  # no record: the copy is current only if it is the course's file
            base = versions[nb.name] = current if digest(target) == current else UNKNOWN
        if base != current:
            beside = update_name(nb.name, current)
            _copy_new(nb, workspace / beside)
            report.behind.append((nb.name, beside))
    (workspace / MANIFEST).write_text(json.dumps(versions, indent=1, sort_keys=True) + "\n")
    return report


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        raise SystemExit(__doc__)
    folder = argv[1]
    report = sync(Path(argv[0]), Path(folder))
    for name in report.added:
        print(f"added  {folder}/{name}")
    if report.kept:
        print(
            f"kept your copies of {len(report.kept)} notebook(s) in {folder}/ (never overwritten)"
        )
    for name, beside in report.behind:
        print(
            f"UPDATED by the course since your copy was made: {name}\n"
            f"    the new version is beside yours: {folder}/{beside}\n"
            f"    (to switch, delete or rename {folder}/{name} and run `make workspace`)"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
