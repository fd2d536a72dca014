"""Re-run notebooks in place and store their outputs, deterministically.

Usage: python scripts/execute_notebooks.py notebooks/*.ipynb

Runs each notebook top to bottom in a fresh kernel from this environment, in
its own folder. No timing metadata is recorded, and widget model ids (random
UUIDs) are renamed to stable ones, so re-running an unchanged notebook leaves
the file byte-for-byte the same. Printed text that reached the notebook in several
pieces (it depends on timing) is stored as one piece per stream, as nbval compares it.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

MODEL_ID = re.compile(r"[0-9a-f]{32}")


def stable_widget_ids(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Replace each random widget model id with a counter, in order of appearance."""
    text = json.dumps(nb, sort_keys=True)
    mapping: dict[str, str] = {}
    state = nb.get("metadata", {}).get("widgets", {})
    models = state.get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            view = out.get("data", {}).get("application/vnd.jupyter.widget-view+json")
            if view:
                mapping.setdefault(view["model_id"], f"{len(mapping) + 1:032x}")
    for model_id in models:
        mapping.setdefault(model_id, f"{len(mapping) + 1:032x}")
    text = MODEL_ID.sub(lambda m: mapping.get(m.group(0), m.group(0)), text)
    return nbformat.from_dict(json.loads(text))


def merged_streams(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Join consecutive stdout (or stderr) outputs of a cell into one output."""
    for cell in nb.cells:
        merged: list = []
        for out in cell.get("outputs", []):
            prev = merged[-1] if merged else None
            if (
                out.get("output_type") == "stream"
                and prev is not None
                and prev.get("output_type") == "stream"
                and prev.get("name") == out.get("name")
            ):
                prev["text"] += out["text"]
            else:
                merged.append(out)
        if "outputs" in cell:
            cell["outputs"] = merged
    return nb


def execute(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=600,
        record_timing=False,
        store_widget_state=True,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    nb = stable_widget_ids(merged_streams(nb))
    nbformat.write(nb, path)
    print(f"executed {path}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    for arg in sys.argv[1:]:
        execute(Path(arg))
