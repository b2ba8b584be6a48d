"""Wrap-up assistance: notes pre-drafted from the summary, a code suggested from the intent.

Nothing is sent: the suggestion is saved as the interaction's wrap-up *draft* while the
call goes on, so the after-call-work panel opens with it filled in and the advisor edits
and confirms. A draft the advisor has touched is never overwritten (ours carry
``"assisted": True``; the panel saves its own without it).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

from agent_desktop.ports.telephony import Code

# Intent words (folded) → the wrap-up code they usually end with, first match wins.
RULES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("lost", "stolen", "compromised", "perdu", "vol"), "card_blocked"),
    (
        ("dispute", "refund", "complaint", "reclamation", "contest", "charged", "wrong_amount"),
        "claim_opened",
    ),
    (("callback", "rappel"), "callback_planned"),
    (("appointment", "rendez"), "appointment_set"),
    (("transfer", "virement", "identity", "verify", "document", "justificatif"), "info_given"),
)
DEFAULT_CODE = "resolved"
NOTE_LINES = ("motif", "reason", "sujets ouverts", "open issues", "prochaine etape", "next step")


def _fold(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c)
    )


def suggest_code(intent: str | None, codes: Sequence[Code]) -> str | None:
    """A wrap-up code for the intent, only among the platform's codes (None if none fits)."""
    known = {c.code for c in codes}
    folded = _fold(intent or "")
    for words, code in RULES:
        if any(w in folded for w in words) and code in known:
            return code
    return DEFAULT_CODE if DEFAULT_CODE in known and folded else None


def draft_notes(summary_text: str) -> str:
    """The summary's reason, open issues and next step lines (all of a short AI text)."""
    lines = [line.strip() for line in summary_text.splitlines() if line.strip()]
    picked = [line for line in lines if _fold(line).startswith(NOTE_LINES)]
    return "\n".join(picked or lines[:4])


def assisted_draft(
    existing: dict[str, Any] | None, summary_text: str, intent: str | None, codes: Sequence[Code]
) -> dict[str, Any] | None:
    """The draft to save, or None when the advisor's own draft must be kept."""
    if existing and not existing.get("assisted"):
        return None
    return {
        "notes": draft_notes(summary_text),
        "code": suggest_code(intent, codes),
        "fcr": False,
        "assisted": True,
    }
