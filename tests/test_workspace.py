"""make workspace: new notebooks are added, a student's copies are never overwritten."""

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).parent.parent / "scripts" / "sync_workspace.py"


def _sync(src: Path, dst: Path) -> str:
    cmd = [sys.executable, str(SCRIPT), str(src), str(dst)]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def test_adds_new_notebooks_and_keeps_edited_ones(tmp_path):
    src, dst = tmp_path / "notebooks", tmp_path / "workspace"
    src.mkdir()
    (src / "01.00-A.ipynb").write_text("pristine A")
    first = _sync(src, dst)
    assert "added" in first and (dst / "01.00-A.ipynb").read_text() == "pristine A"

    (dst / "01.00-A.ipynb").write_text("my edits")  # the student works
    (src / "01.00-A.ipynb").write_text("updated upstream A")  # git pull changes the original
    (src / "01.01-B.ipynb").write_text("new B")  # and adds a notebook
    second = _sync(src, dst)

    assert (dst / "01.00-A.ipynb").read_text() == "my edits"
    assert (dst / "01.01-B.ipynb").read_text() == "new B"
    assert "01.01-B.ipynb" in second and "kept your copies of 1" in second


def test_missing_source_folder_is_a_clear_error(tmp_path):
    cmd = [sys.executable, str(SCRIPT), str(tmp_path / "nope"), str(tmp_path / "ws")]
    result = subprocess.run(cmd, capture_output=True, text=True)
    assert result.returncode != 0 and "no notebook folder" in result.stderr


def test_workspace_is_git_ignored():
    ignored = (Path(__file__).parent.parent / ".gitignore").read_text().split()
    assert "workspace/" in ignored
