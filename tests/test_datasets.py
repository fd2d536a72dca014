"""helpers.datasets: the shipped real embeddings load offline, match their manifest, and a
missing or damaged file gives an error naming the file and the script that rebuilds it."""

from __future__ import annotations

import json
import math
import shutil

import numpy as np
import pytest

import helpers.datasets as ds


def test_glove_subset_loads_in_frequency_order():
    g = ds.load_glove()
    assert g.vectors.shape == (20_000, 50) and g.vectors.dtype == np.float32
    assert list(g.words[:4]) == ["the", ",", ".", "of"]
    np.testing.assert_array_equal(g.rank, np.arange(20_000))
    assert g.words[g.index("king")] == "king"
    with pytest.raises(KeyError, match="most frequent"):
        g.index("zzzzqx")


def test_minilm_pairs_load_and_have_length_one():
    qa = ds.load_minilm_qa()
    assert len(qa.questions) == len(qa.answers) == 40
    assert qa.q_emb.shape == qa.a_emb.shape == (40, 384)
    pairs = json.loads((ds.DATA_DIR / "qa-pairs.json").read_text())["pairs"]
    assert [list(p) for p in zip(qa.questions, qa.answers, strict=True)] == pairs
    for row in np.vstack([qa.q_emb, qa.a_emb]):  # a plain loop, not np.linalg.norm
        assert math.sqrt(math.fsum(float(x) ** 2 for x in row)) == pytest.approx(1.0, abs=1e-6)


def test_shipped_data_stays_small():
    total = sum(p.stat().st_size for p in ds.DATA_DIR.iterdir())
    assert total < 8_000_000


@pytest.fixture
def copy_of_data(tmp_path, monkeypatch):
    for p in ds.DATA_DIR.iterdir():
        shutil.copy(p, tmp_path / p.name)
    monkeypatch.setattr(ds, "DATA_DIR", tmp_path)
    return tmp_path


def test_missing_file_names_it_and_the_rebuild_script(copy_of_data):
    (copy_of_data / ds.GLOVE_FILE).unlink()
    with pytest.raises(
        FileNotFoundError, match=r"glove-6b-50d-top20k\.npz is missing.*make_glove_data\.py"
    ):
        ds.load_glove()


def test_damaged_file_names_it_and_the_rebuild_script(copy_of_data):
    path = copy_of_data / ds.MINILM_FILE
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    path.write_bytes(bytes(raw))
    with pytest.raises(ValueError, match=r"minilm-qa\.npz is damaged.*make_minilm_data\.py"):
        ds.load_minilm_qa()


def test_a_file_that_is_not_an_archive_is_refused_clearly(copy_of_data):
    path = copy_of_data / ds.GLOVE_FILE
    path.write_bytes(b"not a zip")
    manifest = json.loads((copy_of_data / "MANIFEST.json").read_text())
    import hashlib

    manifest[ds.GLOVE_FILE]["sha256"] = hashlib.sha256(b"not a zip").hexdigest()
    (copy_of_data / "MANIFEST.json").write_text(json.dumps(manifest))
    with pytest.raises(ValueError, match="cannot be read"):
        ds.load_glove()
