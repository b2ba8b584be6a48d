"""Wrap-up assistance: the code suggested from the intent, notes drafted from the summary,
and the advisor's own draft never overwritten."""

from __future__ import annotations

from agent_desktop.ports.telephony import Code
from agent_desktop.services.wrap_up_assist import assisted_draft, draft_notes, suggest_code

CODES = [
    Code("resolved", "Demande traitée", "Request resolved"),
    Code("card_blocked", "Carte mise en opposition", "Card blocked"),
    Code("claim_opened", "Réclamation ouverte", "Claim opened"),
]


def test_code_from_intent_only_among_the_platform_codes() -> None:
    assert suggest_code("lost_or_stolen_card", CODES) == "card_blocked"
    assert suggest_code("Carte perdue ou volée", CODES) == "card_blocked"
    assert suggest_code("request_refund", CODES) == "claim_opened"
    assert suggest_code("card_arrival", CODES) == "resolved"
    assert suggest_code("callback_wanted", CODES) == "resolved"  # callback_planned unknown
    assert suggest_code(None, CODES) is None


def test_notes_keep_reason_open_issues_and_next_step() -> None:
    summary = "Motif : carte perdue\nPromesses : aucune\nHumeur : stable\nProchaine étape : opposer"
    assert draft_notes(summary) == "Motif : carte perdue\nProchaine étape : opposer"
    assert draft_notes("A short AI text.") == "A short AI text."


def test_the_advisors_draft_is_kept() -> None:
    assert assisted_draft({"notes": "mine"}, "Motif : x", "lost_card", CODES) is None
    ours = assisted_draft({"notes": "old", "assisted": True}, "Motif : x", "lost_card", CODES)
    assert ours == {"notes": "Motif : x", "code": "card_blocked", "fcr": False, "assisted": True}
