"""The result of identifying a caller: one customer, none, or several to choose from."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from agent_desktop.domain.customer import Customer


class Identification(StrEnum):
    IDENTIFIED = "identified"  # exactly one customer (by IVR id or by number)
    UNKNOWN = "unknown"  # nobody matches: the card says so and offers a search
    AMBIGUOUS = "ambiguous"  # several customers share the number: a chooser


@dataclass(frozen=True, slots=True)
class ScreenPop:
    """What the customer card shows for one interaction.

    Attributes:
        interaction_id: the interaction this card belongs to.
        identification: how the caller was identified.
        customer: the customer when identified.
        candidates: the customers sharing the number when ambiguous.
        phone_e164: the caller's number normalised to E.164, when it parsed.
        by: ``ivr`` (customer id from the IVR) or ``phone`` (number lookup).
    """

    interaction_id: str
    identification: Identification
    customer: Customer | None = None
    candidates: tuple[Customer, ...] = ()
    phone_e164: str | None = None
    by: str | None = None
