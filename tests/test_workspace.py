"""make workspace: new notebooks are added, a student's copies are never overwritten, and a
course update is announced by name with the new version put beside the student's copy."""

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).parent.parent / "scripts" / "sync_workspace.py"
sys.path.insert(0, str(SCRIPT.parent))

from sync_workspace import update_name  # noqa: E402


def _sync(src: Path, dst: Path) -> str:
    cmd = [sys.executable, str(SCRIPT), str(src), str(dst)]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def _notebooks(folder: Path) -> set[str]:
    return {p.name for p in folder.glob("*.ipynb")}


def test_adds_new_notebooks_and_keeps_edited_ones(tmp_path):
    src, dst = tmp_path / "notebooks", tmp_path / "workspace"
    src.mkdir()
    (src / "01.00-A.ipynb").write_text("pristine A")
    first = _sync(src, dst)
    assert "added" in first and (dst / "01.00-A.ipynb").read_text() == "pristine A"
    assert "UPDATED" not in _sync(src, dst)  # nothing changed: nothing to say

    (dst / "01.00-A.ipynb").write_text("my edits")  # the student works
    (src / "01.01-B.ipynb").write_text("new B")  # git pull adds a notebook
    second = _sync(src, dst)
    assert (dst / "01.00-A.ipynb").read_text() == "my edits"
    assert (dst / "01.01-B.ipynb").read_text() == "new B"
    assert "01.01-B.ipynb" in second and "kept your copies of 1" in second
    assert "UPDATED" not in second  # the student's own edits are not a course update


def test_course_update_is_announced_by_name_and_put_beside_the_copy(tmp_path):
    src, dst = tmp_path / "notebooks", tmp_path / "workspace"
    src.mkdir()
    (src / "01.00-A.ipynb").write_text("version 1")
    (src / "01.01-B.ipynb").write_text("B")
    _sync(src, dst)
    (dst / "01.00-A.ipynb").write_text("my edits")
    (src / "01.00-A.ipynb").write_text("version 2")  # git pull changes the original

    out = _sync(src, dst)
    beside = update_name("01.00-A.ipynb", _sha("version 2"))
    assert beside.startswith("01.00-A.course-update-") and beside.endswith(".ipynb")
    assert "UPDATED" in out and "01.00-A.ipynb" in out and beside in out
    assert "01.01-B" not in out.split("UPDATED")[1]  # only the changed one is named
    assert (dst / "01.00-A.ipynb").read_text() == "my edits"  # never overwritten
    assert (dst / beside).read_text() == "version 2"

    (dst / beside).write_text("notes in the new version too")
    again = _sync(src, dst)  # said again until the update is taken; nothing overwritten
    assert beside in again and (dst / beside).read_text() == "notes in the new version too"
    assert _notebooks(dst) == {"01.00-A.ipynb", "01.01-B.ipynb", beside}

    (src / "01.00-A.ipynb").write_text("version 3")  # a second update: a second file beside
    third = update_name("01.00-A.ipynb", _sha("version 3"))
    assert third in _sync(src, dst) and (dst / third).read_text() == "version 3"

    (dst / "01.00-A.ipynb").unlink()  # the student takes the update
    taken = _sync(src, dst)
    assert "UPDATED" not in taken and (dst / "01.00-A.ipynb").read_text() == "version 3"


def test_copies_made_before_versions_were_recorded(tmp_path):
    src, dst = tmp_path / "notebooks", tmp_path / "workspace"
    src.mkdir()
    dst.mkdir()
    (src / "01.00-A.ipynb").write_text("A now")
    (src / "01.01-B.ipynb").write_text("B now")
    (dst / "01.00-A.ipynb").write_text("A now")  # identical: up to date
    (dst / "01.01-B.ipynb").write_text("B, older or edited")  # cannot tell: say so
    out = _sync(src, dst)
    assert "01.01-B.ipynb" in out and "01.00-A.ipynb" not in out.split("kept")[1]
    versions = json.loads((dst / ".course-versions.json").read_text())
    assert versions["01.00-A.ipynb"] == _sha("A now")


def _sha(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode()).hexdigest()


def test_missing_source_folder_is_a_clear_error(tmp_path):
    cmd = [sys.executable, str(SCRIPT), str(tmp_path / "nope"), str(tmp_path / "ws")]
    result = subprocess.run(cmd, capture_output=True, text=True)
    assert result.returncode != 0 and "no notebook folder" in result.stderr


def test_workspace_is_git_ignored():
    ignored = (Path(__file__).parent.parent / ".gitignore").read_text().split()
    assert "workspace/" in ignored
