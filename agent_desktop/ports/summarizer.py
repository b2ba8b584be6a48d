"""Who writes the customer summary: the local rules (default) or an AI provider."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Prompt:
    """What a remote provider is sent, already redacted (no personal data).

    Attributes:
        system: the instructions; user: the redacted history and live transcript.
        language: the language the summary must be written in (``fr``/``en``).
    """

    system: str
    user: str
    language: str


class SummarizerError(Exception):
    """The provider failed (unreachable, timeout, refused, malformed answer)."""


class Summarizer(Protocol):
    """A provider that streams a summary, chunk by chunk.

    Attributes:
        name: shown to the advisor ("which provider wrote it").
    """

    name: str

    def stream(self, prompt: Prompt) -> AsyncGenerator[str, None]:
        """Yield text chunks; raise :class:`SummarizerError` on failure."""
        ...
