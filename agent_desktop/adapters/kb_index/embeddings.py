"""The optional local sentence-embedding model for KB ranking (``pip install
agent-desktop[embeddings]``).

WordLlama (MIT licence) ships its default model inside its PyPI wheel: 256-dimension
static token embeddings distilled from a large language model (32 000 × 256 float16,
16 MB) and their tokenizer (Llama 2's). A sentence's vector is the mean of its tokens'
rows, normalised: about 0.1 ms on one core, no GPU, nothing downloaded.

The ``wordllama`` package itself is never imported: it would bring ``requests``, its
Cython helpers, a float32 copy of the weights (32 MB) and a second tokenizer into the
desktop process, and it configures the root logger at import. :class:`StaticEmbedder`
does what ``WordLlama.embed(texts, norm=True)`` does for the bundled ``l2_supercat``
256 model, from the wheel's two files only: the weights from the safetensors file as
stored (float16), each token's row read when a text first uses it (:class:`RowTable`);
the tokenizer with ``tokenizers``. ``tests/context/test_embeddings.py`` checks that the
vectors equal WordLlama's own. Without the extra installed, :func:`default_embedder`
returns None and the ranker uses its other signals only.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import struct
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

WEIGHTS = "weights/l2_supercat_256.safetensors"
TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"
TENSOR = "embedding.weight"
_DTYPES = {"F16": "<f2", "F32": "<f4"}
BATCH = 64  # texts tokenized and summed together


@dataclass(frozen=True)
class StoredTensor:
    """Where a tensor's rows are in a safetensors file (row-major, little-endian)."""

    path: Path
    offset: int  # of its first byte in the file
    shape: tuple[int, ...]
    dtype: str  # numpy's name, such as "<f2"


def safetensors_tensor(path: Path, name: str) -> StoredTensor:
    """Where tensor ``name`` is in the safetensors file ``path``.

    The format: an 8-byte little-endian header length, a JSON header giving each
    tensor's dtype, shape and byte offsets after the header, then the raw data.
    """
    import numpy as np

    with path.open("rb") as file:
        (length,) = struct.unpack("<Q", file.read(8))
        header = json.loads(file.read(length))
        size = file.seek(0, 2)
    entry = header[name]
    dtype = _DTYPES.get(entry["dtype"])
    if dtype is None:
        raise ValueError(f"{path.name}: unsupported dtype {entry['dtype']}")
    start, end = entry["data_offsets"]
    shape = tuple(entry["shape"])
    if end - start != int(np.prod(shape)) * np.dtype(dtype).itemsize or len(shape) != 2:
        raise ValueError(f"{path.name}: {name}'s size does not match its shape")
    if 8 + length + end > size:
        raise ValueError(f"{path.name} is truncated")
    return StoredTensor(path, 8 + length + start, shape, dtype)


class RowTable:
    """The rows of a stored 2-D tensor, each read from the file the first time it is
    asked for and kept (as stored: float16). A text uses a few of the model's 32 000
    token rows, and a knowledge base a few thousand: the table holds those only (about
    1 MB for the sandbox's KB, against 16 MB for every row; memory-mapping the file
    is no better, as the kernel maps the neighbouring pages too). Thread-safe."""

    def __init__(self, tensor: StoredTensor) -> None:
        import numpy as np

        self.tensor = tensor
        self._row_bytes = tensor.shape[1] * np.dtype(tensor.dtype).itemsize
        self._slot = np.full(tensor.shape[0], -1, dtype=np.int32)  # row → place in _rows
        self._rows = np.empty((64, tensor.shape[1]), dtype=tensor.dtype)
        self._count = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return self._count

    def rows(self, ids: Any) -> Any:
        """The rows ``ids`` (valid row numbers), in that order."""
        import numpy as np

        with self._lock:
            slots = self._slot[ids]
            if (slots < 0).any():  # rows not read yet (np.unique only then: it is slow)
                self._read(np.unique(ids[slots < 0]))
                slots = self._slot[ids]
            return self._rows[slots]

    def _read(self, missing: Any) -> None:
        import numpy as np

        needed = self._count + missing.size
        if needed > len(self._rows):
            grown = np.empty(
                (max(needed, 2 * len(self._rows)), self._rows.shape[1]), self._rows.dtype
            )
            grown[: self._count] = self._rows[: self._count]
            self._rows = grown
        with self.tensor.path.open("rb", buffering=0) as file:
            for row in missing.tolist():
                file.seek(self.tensor.offset + row * self._row_bytes)
                data = file.read(self._row_bytes)
                if len(data) != self._row_bytes:
                    raise OSError(f"{self.tensor.path.name}: row {row} cut short")
                self._rows[self._count] = np.frombuffer(data, dtype=self.tensor.dtype)
                self._slot[row] = self._count
                self._count += 1


class StaticEmbedder:
    """:class:`~agent_desktop.ports.knowledge.TextEmbedder`: the normalised mean of the
    texts' token embeddings (what ``WordLlama.embed(texts, norm=True)`` returns)."""

    name = "wordllama l2_supercat 256"

    def __init__(self, weights: Path, tokenizer: Path) -> None:
        from tokenizers import Tokenizer

        self._weights = RowTable(safetensors_tensor(weights, TENSOR))
        self._tokenizer = Tokenizer.from_file(str(tokenizer))
        self._tokenizer.no_truncation()  # WordLlama embeds every token of a text
        self._tokenizer.no_padding()  # one text at a time: nothing to pad

    @property
    def dimension(self) -> int:
        return int(self._weights.tensor.shape[1])

    def embed(self, texts: Sequence[str]) -> Any:
        """One float32 row per text, of unit length (all zeros for a text without
        tokens, where WordLlama's division gives NaN)."""
        import numpy as np

        texts = list(texts)
        if len(texts) == 1:  # a query: the same sums, without the batch's bookkeeping
            return self._embed_one(texts[0])[np.newaxis, :]
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        if not texts:
            return vectors
        last = self._weights.tensor.shape[0] - 1
        for first in range(0, len(texts), BATCH):
            encodings = self._tokenizer.encode_batch(
                texts[first : first + BATCH], add_special_tokens=False
            )
            rows = [n for n, encoding in enumerate(encodings) if encoding.ids]
            if not rows:
                continue
            ids = np.concatenate([np.asarray(encodings[n].ids, dtype=np.int64) for n in rows])
            mask = np.concatenate(
                [np.asarray(encodings[n].attention_mask, dtype=np.float32) for n in rows]
            )
            starts = np.cumsum([0] + [len(encodings[n].ids) for n in rows[:-1]])
            tokens = self._weights.rows(np.clip(ids, 0, last)).astype(np.float32)
            sums = np.add.reduceat(tokens * mask[:, np.newaxis], starts, axis=0)
            counts = np.maximum(np.add.reduceat(mask, starts), 1.0)
            vectors[np.asarray(rows) + first] = sums / counts[:, np.newaxis]
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        np.divide(vectors, norms, out=vectors, where=norms > 0)
        return vectors

    def _embed_one(self, text: str) -> Any:
        """:meth:`embed` for one text (every token counts: nothing is padded)."""
        import numpy as np

        ids = np.asarray(self._tokenizer.encode(text, add_special_tokens=False).ids, np.intp)
        if not ids.size:
            return np.zeros(self.dimension, dtype=np.float32)
        np.minimum(ids, self._weights.tensor.shape[0] - 1, out=ids)
        vector = self._weights.rows(ids).sum(axis=0, dtype=np.float32) / np.float32(ids.size)
        norm = np.float32(np.sqrt(vector @ vector))
        return vector / norm if norm > 0 else vector


def wordllama_files() -> tuple[Path, Path] | None:
    """The bundled model's weights and tokenizer in the installed ``wordllama`` wheel
    (found without importing the package), or None when it is not installed."""
    spec = importlib.util.find_spec("wordllama")
    if spec is None or not spec.submodule_search_locations:
        return None
    package = Path(next(iter(spec.submodule_search_locations)))
    return package / WEIGHTS, package / TOKENIZER


def default_embedder() -> StaticEmbedder | None:
    """The bundled embedding model when the ``embeddings`` extra is installed, else None."""
    files = wordllama_files()
    if files is None:
        return None
    try:
        return StaticEmbedder(*files)
    except Exception as exc:  # noqa: BLE001 - a broken install (tokenizers raises Exception)
        log.warning("the embedding model could not be loaded: %s", exc)
        return None
