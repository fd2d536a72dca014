"""Write shipped data files byte-for-byte reproducibly, and record each one's size and SHA-256
in helpers/data/MANIFEST.json (the loader checks them)."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import numpy as np

MANIFEST = Path(__file__).resolve().parent.parent / "helpers" / "data" / "MANIFEST.json"


def record(path: Path, *, script: str, source: str) -> None:
    """Store ``path``'s digest, size, the script that made it and the package it came from."""
    entries = json.loads(MANIFEST.read_text()) if MANIFEST.exists() else {}
    entries[path.name] = {
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "bytes": path.stat().st_size,
        "script": f"scripts/{script}",
        "source": source,
    }
    MANIFEST.write_text(json.dumps(dict(sorted(entries.items())), indent=2) + "\n")


def save_npz(path: Path, **arrays: np.ndarray) -> None:
    """Like ``np.savez_compressed``, but with fixed zip timestamps, so the same arrays give the
    same bytes (and the same SHA-256) on every rebuild."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w") as member:
                np.lib.format.write_array(member, np.asarray(array), allow_pickle=False)
