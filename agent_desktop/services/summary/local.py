"""The local summary: deterministic rules over the history and the live call, no network.

Written in the UI language. It says why the customer contacts us, what was promised and
whether it was kept, which issues are still open, how often they contacted us in the
last 30 days (two or more is a first-contact-resolution warning), how their mood moves,
and the suggested next step. The same input always gives the same text.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import AsyncGenerator, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from agent_desktop.ports.history import HistoryItem
from agent_desktop.ports.summarizer import Prompt
from agent_desktop.services.contact_reasons import code_as_words

REPEAT_WINDOW = timedelta(days=30)


def _fold(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c)
    )


# Outcomes (French and English, folded) that promise something to the customer.
PROMISES = ("rappel programme", "callback planned", "rendez-vous fixe", "appointment set")
# Outcomes that leave something open until a later contact resolves it.
OPEN = (
    "reclamation ouverte",
    "claim opened",
    "transmis au back-office",
    "passed to back office",
    "en attente de justificatif",
    "waiting for documents",
)
RESOLVED = ("demande traitee", "request resolved", "information donnee", "information given")
NEGATIVE = (
    "agace", "mecontent", "inquiet", "presse", "inadmissible", "scandale", "pas normal",
    "en colere", "annoyed", "unhappy", "worried", "angry", "upset", "unacceptable",
    "frustrated", "toujours pas", "still not", "again", "encore",
)  # fmt: skip
POSITIVE = (
    "satisfait", "calme", "merci beaucoup", "parfait", "super", "satisfied", "calm",
    "thank you", "great", "perfect",
)  # fmt: skip

TEXTS = {
    "fr": {
        "title": "Synthèse",
        "reason": "Motif",
        "reason_none": "pas encore connu",
        "promises": "Promesses",
        "kept": "tenue",
        "not_kept": "pas encore tenue",
        "none": "aucune",
        "open": "Sujets ouverts",
        "repeat": "Contacts sur 30 jours",
        "fcr": "⚠ contact répété : résoudre au premier contact",
        "sentiment": "Humeur",
        "better": "en amélioration",
        "worse": "en dégradation",
        "stable": "stable",
        "unknown": "pas d'indice",
        "next": "Prochaine étape",
        "next_promise": "s'excuser et tenir la promesse en attente : {x}",
        "next_open": "faire le point sur le sujet ouvert : {x}",
        "next_fcr": "traiter « {x} » jusqu'au bout pendant cet appel",
        "next_default": "répondre à la demande : {x}",
        "next_listen": "écouter le motif du client",
        "on": "le",
    },
    "en": {
        "title": "Summary",
        "reason": "Reason",
        "reason_none": "not known yet",
        "promises": "Promises",
        "kept": "kept",
        "not_kept": "not kept yet",
        "none": "none",
        "open": "Open issues",
        "repeat": "Contacts in 30 days",
        "fcr": "⚠ repeat contact: resolve it on this contact",
        "sentiment": "Mood",
        "better": "improving",
        "worse": "worsening",
        "stable": "stable",
        "unknown": "no sign",
        "next": "Next step",
        "next_promise": "apologise and keep the pending promise: {x}",
        "next_open": "give an update on the open issue: {x}",
        "next_fcr": "resolve “{x}” fully on this call",
        "next_default": "answer the request: {x}",
        "next_listen": "listen for the customer's reason",
        "on": "on",
    },
}


@dataclass(frozen=True, slots=True)
class SummaryInput:
    """What a summary is made from.

    Attributes:
        items: the customer's recent history, newest first.
        live_intent: the live interaction's intent label, if any.
        utterances: the live transcript, oldest first (``speaker: text``).
        language: the UI language of the summary.
        now: the reference time (passed in so the summary is deterministic).
        reason_label: the label of a history item's reason code in ``language``.
    """

    customer_id: str
    items: Sequence[HistoryItem]
    now: datetime
    language: str = "fr"
    live_intent: str | None = None
    utterances: Sequence[str] = field(default_factory=tuple)
    reason_label: Callable[[str], str] = code_as_words


def _has(outcome: str | None, keys: Sequence[str]) -> bool:
    folded = _fold(outcome or "")
    return any(k in folded for k in keys)


def _mood(text: str) -> int:
    folded = _fold(text)
    return sum(k in folded for k in POSITIVE) - sum(k in folded for k in NEGATIVE)


def local_summary(data: SummaryInput) -> str:
    t = TEXTS["fr" if data.language == "fr" else "en"]

    def name(code: str | None) -> str:
        return data.reason_label(code) if code else ""

    items = list(data.items)  # newest first
    recent = [i for i in items if data.now - i.at <= REPEAT_WINDOW]
    reasons = Counter(i.reason for i in recent if i.reason)
    reason = data.live_intent or (name(reasons.most_common(1)[0][0]) if reasons else None)

    promises: list[str] = []
    pending_promise: str | None = None
    for index, item in enumerate(items[:20]):
        if not _has(item.outcome, PROMISES):
            continue
        later = items[:index]  # newer items
        kept = any(
            i.direction == "outbound" or i.channel == "callback" or i.reason == item.reason
            for i in later
        )
        when = item.at.strftime("%d/%m")
        promises.append(f"{item.outcome} ({name(item.reason)}, {t['on']} {when}) — "
                        f"{t['kept'] if kept else t['not_kept']}")  # fmt: skip
        if not kept and pending_promise is None:
            pending_promise = f"{item.outcome} ({name(item.reason)})"

    open_issues: list[str] = []
    closed_reasons: set[str] = set()
    for item in items[:50]:
        if _has(item.outcome, RESOLVED) and item.reason:
            closed_reasons.add(item.reason)
        elif _has(item.outcome, OPEN) and item.reason not in closed_reasons:
            label = f"{name(item.reason)} — {item.outcome}"
            if label not in open_issues:
                open_issues.append(label)
            if item.reason:
                closed_reasons.add(item.reason)  # report the newest state only

    moods = [_mood(i.summary) for i in reversed(items[:20])]  # oldest first
    moods += [_mood(u) for u in data.utterances]
    signal = [m for m in moods if m]
    if len(signal) < 2:
        trend = t["unknown"] if not signal else (t["better"] if signal[0] > 0 else t["worse"])
    else:
        half = len(signal) // 2
        before = sum(signal[:half]) / half
        after = sum(signal[half:]) / (len(signal) - half)
        trend = t["better"] if after > before else t["worse"] if after < before else t["stable"]

    repeat = len(recent)
    fcr = repeat >= 2
    if pending_promise:
        step = t["next_promise"].format(x=pending_promise)
    elif open_issues:
        step = t["next_open"].format(x=open_issues[0])
    elif fcr and reason:
        step = t["next_fcr"].format(x=reason)
    elif reason:
        step = t["next_default"].format(x=reason)
    else:
        step = t["next_listen"]

    lines = [
        f"{t['reason']} : {reason or t['reason_none']}"
        if data.language == "fr"
        else f"{t['reason']}: {reason or t['reason_none']}",
    ]
    sep = " : " if data.language == "fr" else ": "
    lines.append(f"{t['promises']}{sep}" + ("; ".join(promises[:3]) or t["none"]))
    lines.append(f"{t['open']}{sep}" + ("; ".join(open_issues[:3]) or t["none"]))
    lines.append(f"{t['repeat']}{sep}{repeat}" + (f" — {t['fcr']}" if fcr else ""))
    lines.append(f"{t['sentiment']}{sep}{trend}")
    lines.append(f"{t['next']}{sep}{step}")
    return "\n".join(lines)


class LocalSummarizer:
    """The default provider: :func:`local_summary`, no network."""

    name = "local"

    def __init__(self, data: SummaryInput) -> None:
        self._data = data

    async def stream(self, prompt: Prompt) -> AsyncGenerator[str, None]:
        yield local_summary(self._data)
