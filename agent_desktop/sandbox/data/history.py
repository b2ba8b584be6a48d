"""Generated history items: one past contact per row, across all eight channels.

Text comes from the customer's language templates (:mod:`content_fr` / :mod:`content_en`);
the intent of each contact is drawn among those that fit the customer's products.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from types import ModuleType

from agent_desktop.sandbox.data import content_en, content_fr
from agent_desktop.sandbox.data.intents import INTENTS, Intent
from agent_desktop.sandbox.data.people import Customer

CONTENT: dict[str, ModuleType] = {"fr": content_fr, "en": content_en}

CHANNELS = ("voice", "email", "chat", "sms", "social", "callback", "letter", "web")
CHANNEL_WEIGHTS = (36, 20, 12, 9, 4, 7, 4, 8)
INBOUND_SHARE = {
    "voice": 0.85,
    "email": 0.8,
    "chat": 1.0,
    "sms": 0.15,
    "social": 1.0,
    "callback": 0.0,
    "letter": 1.0,
    "web": 1.0,
}
AGENT_NAMES = (
    "Alice M.", "Bob L.", "Marc D.", "Inès K.", "Hugo P.", "Chloé R.", "Yanis B.", "Léa T.",
    "Mehdi A.", "Manon G.", "Lucas V.", "Sarah N.", "Romain C.", "Emma F.", "Nicolas H.",
)  # fmt: skip
_BANK_FAMILIES = ("card", "payment", "cash", "transfer", "topup", "account", "identity")


@dataclass(frozen=True, slots=True)
class HistoryRow:
    id: str
    customer_id: str
    channel: str
    direction: str
    at: int  # seconds since the data anchor (negative: in the past)
    queue: str
    agent: str | None
    reason: str
    outcome: str
    summary: str
    body: str


def intents_for(customer: Customer) -> list[Intent]:
    kinds = {p.kind for p in customer.products}
    families = set(_BANK_FAMILIES)
    if kinds & {"contrat_electricite", "contrat_gaz"}:
        families.add("energy")
    if kinds & {"offre_fibre", "forfait_mobile"}:
        families.add("telecom")
    return [i for i in INTENTS if i.family in families]


def _fill(template: str, values: dict[str, str]) -> str:
    return template.format(**values)


def make_item(
    rng: random.Random,
    customer: Customer,
    item_id: str,
    at: int,
    pool: list[Intent],
    anchor: date,
) -> HistoryRow:
    """One history item of ``customer`` at ``at`` (seconds relative to the anchor)."""
    lang = customer.language
    text = CONTENT[lang]
    channel = rng.choices(CHANNELS, CHANNEL_WEIGHTS)[0]
    direction = "inbound" if rng.random() < INBOUND_SHARE[channel] else "outbound"
    intent = rng.choice(pool)
    queue = "professionnels" if customer.segment == "professionnel" else intent.queue_id
    agent = None if channel in ("web", "letter") and rng.random() < 0.5 else rng.choice(AGENT_NAMES)
    outcome = rng.choice(text.OUTCOMES)
    when = datetime(anchor.year, anchor.month, anchor.day) + timedelta(seconds=at)
    products = customer.products
    product = rng.choice(products)
    values = {
        "first_name": customer.first_name,
        "last_name": customer.last_name,
        "label": intent.label(lang),
        "opening": intent.opening(lang),
        "opening_lower": intent.opening(lang)[0].lower() + intent.opening(lang)[1:],
        "agent": agent or ("Service client" if lang == "fr" else "Customer service"),
        "amount": f"{rng.randint(5, 2400)},{rng.randrange(100):02d}"
        if lang == "fr"
        else f"{rng.randint(5, 2400)}.{rng.randrange(100):02d}",
        "date": when.strftime("%d/%m/%Y"),
        "ref": f"D{rng.randrange(10**7):07d}",
        "product": product.name_fr if lang == "fr" else product.name_en,
        "outcome": outcome,
        "outcome_l": outcome[0].lower() + outcome[1:],
        "mood": rng.choice(text.MOODS),
        "slot": rng.choice(text.SLOTS),
        "handle": (customer.first_name[:1] + customer.last_name).lower().replace(" ", ""),
        "street": customer.street,
        "postcode": customer.postcode,
        "city": customer.city,
        "time1": when.strftime("%H:%M"),
        "time2": (when + timedelta(minutes=2)).strftime("%H:%M"),
        "time3": (when + timedelta(minutes=4)).strftime("%H:%M"),
    }
    values["detail"] = _fill(rng.choice(text.DETAILS), values)
    body_template = {
        "voice": text.VOICE_NOTES,
        "email": text.EMAIL_BODY,
        "chat": text.CHAT_BODY,
        "sms": text.SMS_BODY,
        "social": text.SOCIAL_BODY,
        "callback": text.CALLBACK_BODY,
        "letter": text.LETTER_BODY,
        "web": text.WEB_BODY,
    }[channel]
    return HistoryRow(
        id=item_id,
        customer_id=customer.id,
        channel=channel,
        direction=direction,
        at=at,
        queue=queue,
        agent=agent,
        reason=intent.code,
        outcome=outcome,
        summary=_fill(rng.choice(text.SUMMARIES[channel]), values),
        body=_fill(body_template, values),
    )


def history_counts(rng: random.Random, n: int, minimum_total: int) -> list[int]:
    """Items per customer: most have a handful, a few have hundreds (a long tail)."""
    counts = [max(1, min(900, int(rng.lognormvariate(3.3, 1.0)))) for _ in range(n)]
    while sum(counts) < minimum_total:
        counts[rng.randrange(n)] += rng.randint(5, 40)
    return counts


def items_for(
    rng: random.Random,
    customer: Customer,
    count: int,
    anchor: date,
    id_prefix: str,
    start_number: int,
) -> Iterator[HistoryRow]:
    """``count`` items of ``customer``, spread between their start date and the anchor."""
    pool = intents_for(customer)
    oldest = max((anchor - customer.customer_since).days, 30)
    oldest = min(oldest, 365 * 8)
    for n in range(count):
        # skewed towards recent contacts, during opening hours
        days_ago = int(oldest * (rng.random() ** 2.2))
        at = -(days_ago + 1) * 86400 + rng.randrange(7 * 3600, 18 * 3600) // 60 * 60
        yield make_item(rng, customer, f"{id_prefix}{start_number + n:07d}", at, pool, anchor)
