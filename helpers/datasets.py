"""The real embeddings shipped with the course, read with numpy only (no network, no model).

* GloVe 6B 50-d word vectors (public domain, PDDL 1.0): the 20,000 most frequent tokens, in
  frequency order, as float16 (``glove-6b-50d-top20k.npz``).
* all-MiniLM-L6-v2 sentence embeddings (Apache-2.0) of 40 question/answer pairs written for
  the course (``minilm-qa.npz``).

Sources, licences and how each file is rebuilt: helpers/data/README.md. Every load checks the
file against the SHA-256 in helpers/data/MANIFEST.json; a missing or damaged file raises an
error that names it and the script that rebuilds it.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

__all__ = ["DATA_DIR", "GloveVectors", "QAEmbeddings", "load_glove", "load_minilm_qa"]

DATA_DIR = Path(__file__).resolve().parent / "data"
GLOVE_FILE = "glove-6b-50d-top20k.npz"
MINILM_FILE = "minilm-qa.npz"


@dataclass(frozen=True)
class GloveVectors:
    """Word vectors: ``vectors[i]`` (float32, 50 entries) belongs to ``words[i]``, whose rank in
    GloVe's frequency-ordered vocabulary is ``rank[i]`` (0 = the most frequent, "the")."""

    words: npt.NDArray[np.str_]
    vectors: npt.NDArray[np.float32]
    rank: npt.NDArray[np.int32]

    def index(self, word: str) -> int:
        """Row of ``word``; a clear error if it is not among the shipped words."""
        hits = np.flatnonzero(self.words == word)
        if hits.size == 0:
            raise KeyError(
                f"{word!r} is not among the {len(self.words):,} most frequent GloVe tokens "
                "shipped here (all lower case); try a more common word."
            )
        return int(hits[0])


@dataclass(frozen=True)
class QAEmbeddings:
    """Question i (``questions[i]``, embedded as ``q_emb[i]``) is answered by answer i."""

    questions: npt.NDArray[np.str_]
    answers: npt.NDArray[np.str_]
    q_emb: npt.NDArray[np.float32]
    a_emb: npt.NDArray[np.float32]


def _manifest_entry(name: str) -> dict:
    return json.loads((DATA_DIR / "MANIFEST.json").read_text())[name]


def _load(name: str, expected: dict[str, tuple[str, tuple[int | None, ...]]]) -> dict:
    """Read ``name`` after checking it exists and matches its recorded SHA-256; check that each
    array has the expected dtype kind and shape (None: any length)."""
    entry = _manifest_entry(name)
    path = DATA_DIR / name
    rebuild = (
        f"restore it (git checkout -- helpers/data/{name}) or rebuild it with `make data` "
        f"({entry['script']})"
    )
    if not path.is_file():
        raise FileNotFoundError(f"the data file {path} is missing; {rebuild}.")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != entry["sha256"]:
        raise ValueError(
            f"the data file {path} is damaged or not the shipped version (its SHA-256 does not "
            f"match helpers/data/MANIFEST.json); {rebuild}."
        )
    try:
        with np.load(path, allow_pickle=False) as archive:
            arrays = {key: archive[key] for key in expected}
    except (KeyError, ValueError, OSError, zipfile.BadZipFile) as err:
        raise ValueError(f"the data file {path} cannot be read ({err}); {rebuild}.") from None
    for key, (kinds, shape) in expected.items():
        arr = arrays[key]
        ok_shape = len(arr.shape) == len(shape) and all(
            want is None or got == want for got, want in zip(arr.shape, shape, strict=True)
        )
        if arr.dtype.kind not in kinds or not ok_shape:
            raise ValueError(
                f"{key} in {path} has dtype {arr.dtype} and shape {arr.shape}, not what the "
                f"course expects; {rebuild}."
            )
        if arr.dtype.kind == "f" and not np.all(np.isfinite(arr)):
            raise ValueError(f"{key} in {path} contains NaN or infinite values; {rebuild}.")
    return arrays


def load_glove() -> GloveVectors:
    """The shipped GloVe subset: 20,000 tokens × 50 dimensions (vectors widened to float32)."""
    a = _load(
        GLOVE_FILE,
        {"words": ("U", (None,)), "vectors": ("f", (None, 50)), "rank": ("i", (None,))},
    )
    n = len(a["words"])
    if a["vectors"].shape[0] != n or a["rank"].shape[0] != n:
        raise ValueError(f"{GLOVE_FILE}: words, vectors and ranks have different lengths.")
    return GloveVectors(a["words"], a["vectors"].astype(np.float32), a["rank"])


def load_minilm_qa() -> QAEmbeddings:
    """The course's 40 question/answer pairs and their all-MiniLM-L6-v2 embeddings (384-d)."""
    a = _load(
        MINILM_FILE,
        {
            "questions": ("U", (None,)),
            "answers": ("U", (None,)),
            "q_emb": ("f", (None, 384)),
            "a_emb": ("f", (None, 384)),
        },
    )
    n = len(a["questions"])
    if not len(a["answers"]) == a["q_emb"].shape[0] == a["a_emb"].shape[0] == n:
        raise ValueError(f"{MINILM_FILE}: questions, answers and embeddings differ in number.")
    return QAEmbeddings(a["questions"], a["answers"], a["q_emb"], a["a_emb"])
