"""The local summary: deterministic, in the UI language, with promises, open issues,
repeat contacts (FCR warning), mood trend and the next step."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from agent_desktop.ports.history import HistoryItem
from agent_desktop.ports.telephony import Code
from agent_desktop.services.contact_reasons import ContactReasons
from agent_desktop.services.summary.local import SummaryInput, local_summary

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def item(days: float, reason: str, outcome: str, summary: str = "", **kw: str) -> HistoryItem:
    return HistoryItem(
        id=f"H{days}",
        customer_id="C1",
        channel=kw.get("channel", "voice"),
        direction=kw.get("direction", "inbound"),
        at=NOW - timedelta(days=days),
        reason=reason,
        outcome=outcome,
        summary=summary,
    )


ITEMS = [  # newest first
    item(2, "card_arrival", "Réclamation ouverte", "Client mécontent, toujours pas de carte"),
    item(9, "card_arrival", "Rappel programmé", "Client inquiet"),
    item(60, "change_pin", "Demande traitée", "Client satisfait, merci beaucoup"),
]


def test_french_summary_says_promise_open_issue_fcr_mood_and_next_step() -> None:
    data = SummaryInput("C1", ITEMS, NOW, "fr", live_intent="Carte non reçue")
    text = local_summary(data)
    assert text == local_summary(data)  # deterministic
    lines = dict(line.split(" : ", 1) for line in text.splitlines())
    assert lines["Motif"] == "Carte non reçue"
    assert "Rappel programmé" in lines["Promesses"] and "tenue" in lines["Promesses"]
    assert "card arrival — Réclamation ouverte" in lines["Sujets ouverts"]
    assert lines["Contacts sur 30 jours"].startswith("2") and "⚠" in lines["Contacts sur 30 jours"]
    assert lines["Humeur"] == "en dégradation"
    assert "Prochaine étape" in lines


def test_a_promise_not_followed_up_comes_first_in_english() -> None:
    items = [item(3, "card_arrival", "Callback planned", channel="email")]
    data = SummaryInput("C1", items, NOW, "en")
    text = local_summary(data)
    assert "Reason: card arrival" in text
    assert "not kept yet" in text
    assert "Next step: apologise and keep the pending promise" in text
    assert "Contacts in 30 days: 1" in text and "⚠" not in text


def test_no_history_no_live_call() -> None:
    text = local_summary(SummaryInput("C1", [], NOW, "en"))
    assert "Reason: not known yet" in text
    assert "Next step: listen for the customer's reason" in text


def test_reasons_are_named_in_the_summary_language() -> None:
    reasons = ContactReasons([Code("card_arrival", "Carte non reçue", "Card not arrived")])
    french = local_summary(
        SummaryInput("C1", ITEMS, NOW, "fr", reason_label=lambda code: reasons.label(code, "fr"))
    )
    assert "Motif : Carte non reçue" in french
    assert "Carte non reçue — Réclamation ouverte" in french
    assert "card arrival" not in french and "card_arrival" not in french
    english = local_summary(
        SummaryInput("C1", ITEMS, NOW, "en", reason_label=lambda code: reasons.label(code, "en"))
    )
    assert "Reason: Card not arrived" in english
    # A code the platform did not label still reads as words.
    assert reasons.label("change_pin", "fr") == "change pin"
