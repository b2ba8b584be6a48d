"""The optional local sentence-embedding model for KB ranking (``pip install
agent-desktop[embeddings]``).

WordLlama (MIT licence) ships its default model inside its PyPI wheel: 256-dimension
static token embeddings distilled from a large language model (16 MB) and their
tokenizer. It embeds a sentence in about 0.1 ms on one core, needs no GPU, and is loaded
from the installed package with downloads disabled, so it never reaches the network.
Without the extra installed, :func:`default_embedder` returns None and the ranker uses
its other signals only.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


class WordLlamaEmbedder:
    """:class:`~agent_desktop.ports.knowledge.TextEmbedder` over WordLlama's bundled model."""

    name = "wordllama l2_supercat 256"

    def __init__(self) -> None:
        import wordllama
        from wordllama import WordLlama

        # The wheel holds the weights and the tokenizer under its own directory, laid out
        # as WordLlama's cache: point the cache there and forbid any download.
        package = Path(wordllama.__file__).parent
        self._model = WordLlama.load(cache_dir=package, disable_download=True)

    def embed(self, texts: Sequence[str]) -> Any:
        return self._model.embed(list(texts), norm=True)


def default_embedder() -> WordLlamaEmbedder | None:
    """The bundled embedding model when the ``embeddings`` extra is installed, else None."""
    try:
        return WordLlamaEmbedder()
    except ImportError:
        return None
    except (OSError, ValueError) as exc:  # a broken install: rank without it
        log.warning("the embedding model could not be loaded: %s", exc)
        return None
