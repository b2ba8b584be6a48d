"""The desktop's own embedder gives WordLlama's vectors without importing WordLlama.

The reference vectors come from ``WordLlama.embed(texts, norm=True)`` run in a child
process (importing wordllama configures the root logger: it stays out of this one).
Skipped when the ``embeddings`` extra is not installed.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pytest
from child_python import python_output

from agent_desktop.adapters.kb_index.embeddings import (
    RowTable,
    default_embedder,
    safetensors_tensor,
    wordllama_files,
)

needs_the_extra = pytest.mark.skipif(
    wordllama_files() is None, reason="the embeddings extra (wordllama) is not installed"
)

TEXTS = [
    "I lost my card yesterday and I think someone is using it",
    "Ma carte a été refusée au distributeur, pourquoi ?",
    "Je n'arrive pas à virer de l'argent à l'étranger : le virement est bloqué.",
    "",
    " ",
    "a",
    "PIN",
    "x" * 5000,  # one very long word
    "transfer money abroad " * 2000,  # a very long text (~8 000 tokens)
    "🙂 ½ ∑ \u200b\u0000 tab\tnew\nline \r\n «guillemets» — ça coûte 12,50 € ?",
    "Ärger über die Überweisung; 日本語のテキスト; Ελληνικά; العربية",
    "!!!???...",
]

REFERENCE = """
import json, pathlib, sys
import numpy as np
import wordllama
from wordllama import WordLlama

texts = json.load(sys.stdin)
model = WordLlama.load(cache_dir=pathlib.Path(wordllama.__file__).parent, disable_download=True)
with np.errstate(invalid="ignore"):  # an empty text: 0 / 0
    vectors = model.embed(texts, norm=True)
np.save(sys.argv[1], vectors)
"""


def wordllama_vectors(texts: list[str], tmp_path: Path) -> np.ndarray:
    out = tmp_path / "reference.npy"
    python_output(REFERENCE, str(out), stdin=json.dumps(texts))
    return np.load(out)


@needs_the_extra
def test_our_vectors_are_wordllamas_own(tmp_path: Path) -> None:
    embedder = default_embedder()
    assert embedder is not None
    ours = embedder.embed(TEXTS)
    theirs = wordllama_vectors(TEXTS, tmp_path)
    assert ours.shape == theirs.shape == (len(TEXTS), 256) and ours.dtype == np.float32
    empty = np.isnan(theirs).any(axis=1)  # WordLlama divides 0 by 0 for a text without tokens
    assert list(np.flatnonzero(empty)) == [TEXTS.index("")]
    assert not ours[empty].any()  # ours: zeros, which rank nothing
    cosine = np.sum(ours[~empty] * theirs[~empty], axis=1)
    assert cosine.min() >= 0.9999
    assert np.abs(ours[~empty] - theirs[~empty]).max() < 1e-5
    # one at a time (a query: summed in another order) as in a batch (the training texts)
    for n, text in enumerate(TEXTS):
        assert np.allclose(embedder.embed([text])[0], ours[n], atol=1e-5)
        assert float(embedder.embed([text])[0] @ ours[n]) >= 0.9999 or not text
    assert embedder.embed([]).shape == (0, 256)


@needs_the_extra
def test_the_desktop_process_never_imports_wordllama() -> None:
    code = (
        "import sys\n"
        "from agent_desktop.adapters.kb_index.embeddings import default_embedder\n"
        "embedder = default_embedder()\n"
        "assert embedder is not None and embedder.embed(['hello']).shape == (1, 256)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('wordllama', 'requests', 'safetensors')))\n"
    )
    assert python_output(code).strip() == "[]"


def write_safetensors(path: Path, header: Mapping[str, object], data: bytes) -> None:
    raw = json.dumps(header).encode()
    path.write_bytes(struct.pack("<Q", len(raw)) + raw + data)


def test_rows_are_read_as_stored_when_first_asked_for(tmp_path: Path) -> None:
    weights = np.arange(24, dtype="<f2").reshape(6, 4)
    path = tmp_path / "w.safetensors"
    header = {"__metadata__": {}, "t": {"dtype": "F16", "shape": [6, 4], "data_offsets": [0, 48]}}
    write_safetensors(path, header, weights.tobytes())
    table = RowTable(safetensors_tensor(path, "t"))
    assert len(table) == 0
    ids = np.array([5, 0, 5, 2])
    assert np.array_equal(table.rows(ids), weights[ids]) and len(table) == 3
    assert np.array_equal(table.rows(np.array([1, 3, 4, 0])), weights[[1, 3, 4, 0]])
    assert len(table) == 6 and table.rows(ids).dtype == np.float16


def test_a_broken_weights_file_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "w.safetensors"
    wrong_size = {"t": {"dtype": "F16", "shape": [4, 2], "data_offsets": [0, 10]}}
    write_safetensors(path, wrong_size, bytes(10))
    with pytest.raises(ValueError, match="does not match its shape"):
        safetensors_tensor(path, "t")
    odd_dtype = {"t": {"dtype": "BF16", "shape": [4, 2], "data_offsets": [0, 16]}}
    write_safetensors(path, odd_dtype, bytes(16))
    with pytest.raises(ValueError, match="unsupported dtype BF16"):
        safetensors_tensor(path, "t")
    cut = {"t": {"dtype": "F16", "shape": [4, 2], "data_offsets": [0, 16]}}
    write_safetensors(path, cut, bytes(12))
    with pytest.raises(ValueError, match="truncated"):
        safetensors_tensor(path, "t")
