"""Consult legs, conference parties and back-office experts with their presence.

A consult is a second leg the advisor places to an expert while the customer waits on
hold: ``dialing`` → ``ringing`` → ``connected`` → ``transferred`` | ``conferenced`` |
``cancelled`` | ``failed`` (``no_answer``, ``busy``, ``declined``, ``expert_hangup``).
One consult per call. Merged into a conference, the call has parties (customer, agent,
expert), each with a role and a state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class ConsultState(StrEnum):
    DIALING = "dialing"
    RINGING = "ringing"
    CONNECTED = "connected"
    TRANSFERRED = "transferred"
    CONFERENCED = "conferenced"
    CANCELLED = "cancelled"
    FAILED = "failed"


CONSULT_FINAL = frozenset(
    {
        ConsultState.TRANSFERRED,
        ConsultState.CONFERENCED,
        ConsultState.CANCELLED,
        ConsultState.FAILED,
    }
)


class ConsultAction(StrEnum):
    """What the advisor may do with the consult leg (the server lists the allowed ones)."""

    TRANSFER = "transfer"
    CONFERENCE = "conference"
    SWAP = "swap"
    CANCEL = "cancel"


@dataclass(frozen=True, slots=True)
class HandoverContext:
    """What the expert receives with a consult or transfer."""

    customer_id: str | None = None
    intent: str | None = None
    summary: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class Consult:
    """The consult leg of an interaction.

    Attributes:
        expert_id / expert_name: who is consulted.
        state: see :class:`ConsultState`.
        failure: why it failed (``no_answer``, ``busy``, ``declined``, ``expert_hangup``).
        talking_to: ``expert`` or ``customer`` — who the advisor hears (swap alternates).
        allowed: the :class:`ConsultAction` values allowed now.
    """

    id: str
    expert_id: str
    expert_name: str
    state: ConsultState
    since: datetime
    failure: str | None = None
    talking_to: str = "expert"
    allowed: tuple[ConsultAction, ...] = ()
    context: HandoverContext = field(default_factory=HandoverContext)

    @property
    def is_up(self) -> bool:
        return self.state not in CONSULT_FINAL


@dataclass(frozen=True, slots=True)
class Party:
    """One party of a conference: ``role`` is customer, agent or expert; ``state`` is
    connected, held, muted or left."""

    id: str
    role: str
    name: str
    state: str


class Presence(StrEnum):
    AVAILABLE = "available"
    BUSY = "busy"
    IN_A_CALL = "in_a_call"
    AWAY = "away"
    DO_NOT_DISTURB = "do_not_disturb"
    OFFLINE = "offline"


@dataclass(frozen=True, slots=True)
class Expert:
    id: str
    name: str
    department: str
    skills: tuple[str, ...]
    presence: Presence
    presence_since: datetime
    phone: str | None = None

    @property
    def reachable(self) -> bool:
        return self.presence == Presence.AVAILABLE
