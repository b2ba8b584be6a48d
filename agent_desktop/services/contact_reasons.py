"""Readable names for the platform's contact-reason codes.

History items carry a ``reason`` and calls an IVR ``intent`` as codes (``card_arrival``);
the advisor must read "Carte non reçue" in French and "Card not arrived" in English, in the
timeline and in the summary alike. The platform sends the labels with its code lists
(``contact_reasons``); a code it did not label reads as words ("card arrival").
"""

from __future__ import annotations

from collections.abc import Iterable

from agent_desktop.ports.telephony import Code


def code_as_words(code: str) -> str:
    """``card_arrival`` → ``card arrival``: the fallback for a code without a label."""
    return code.replace("_", " ").strip()


class ContactReasons:
    """The labels of contact reasons, per language, from the platform's catalogue."""

    def __init__(self, codes: Iterable[Code] = ()) -> None:
        self._codes: dict[str, Code] = {}
        self.update(codes)

    def update(self, codes: Iterable[Code]) -> None:
        self._codes = {c.code: c for c in codes}

    def label(self, code: str | None, language: str) -> str:
        """The label of ``code`` in ``language`` ("" for no code)."""
        if not code:
            return ""
        known = self._codes.get(code)
        return known.label(language) if known is not None else code_as_words(code)

    def knows(self, code: str) -> bool:
        return code in self._codes

    def __len__(self) -> int:
        return len(self._codes)
