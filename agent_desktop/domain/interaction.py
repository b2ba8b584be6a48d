"""Interactions (a customer contact, here a voice call) and their state machine.

The customer leg goes ``offered`` → ``connected`` ⇄ ``held`` → ``ended`` → (wrap-up)
→ ``closed``; from ``offered`` it may instead end ``rejected`` or ``missed``. The
server tells the desktop which actions are allowed (``allowed_actions``); the table
below is what the sandbox uses to compute them, and what the desktop uses only to
check that an event it receives makes sense.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from agent_desktop.domain.consult import Consult, Party


class InteractionState(StrEnum):
    OFFERED = "offered"
    CONNECTED = "connected"
    HELD = "held"
    ENDED = "ended"
    CLOSED = "closed"
    REJECTED = "rejected"
    MISSED = "missed"


class Action(StrEnum):
    """Call-control actions; the value is the name used on the wire."""

    ANSWER = "answer"
    REJECT = "reject"
    HOLD = "hold"
    RETRIEVE = "retrieve"
    MUTE = "mute"
    UNMUTE = "unmute"
    DTMF = "dtmf"
    HANGUP = "hangup"
    BLIND_TRANSFER = "blind_transfer"
    WRAPUP = "wrapup"


FINAL_STATES = frozenset(
    {InteractionState.CLOSED, InteractionState.REJECTED, InteractionState.MISSED}
)

TRANSITIONS: dict[InteractionState, frozenset[InteractionState]] = {
    InteractionState.OFFERED: frozenset(
        {InteractionState.CONNECTED, InteractionState.REJECTED, InteractionState.MISSED}
    ),
    InteractionState.CONNECTED: frozenset({InteractionState.HELD, InteractionState.ENDED}),
    InteractionState.HELD: frozenset({InteractionState.CONNECTED, InteractionState.ENDED}),
    InteractionState.ENDED: frozenset({InteractionState.CLOSED}),
    InteractionState.CLOSED: frozenset(),
    InteractionState.REJECTED: frozenset(),
    InteractionState.MISSED: frozenset(),
}

# The state each state-changing action leads to.
ACTION_TARGET: dict[Action, InteractionState] = {
    Action.ANSWER: InteractionState.CONNECTED,
    Action.REJECT: InteractionState.REJECTED,
    Action.HOLD: InteractionState.HELD,
    Action.RETRIEVE: InteractionState.CONNECTED,
    Action.HANGUP: InteractionState.ENDED,
    Action.BLIND_TRANSFER: InteractionState.ENDED,
    Action.WRAPUP: InteractionState.CLOSED,
}


class InvalidTransition(ValueError):
    """An interaction state change the state machine does not allow."""


def can_move(current: InteractionState, target: InteractionState) -> bool:
    return target in TRANSITIONS[current]


def allowed_actions(state: InteractionState, muted: bool = False) -> tuple[Action, ...]:
    """The actions the agent may take on an interaction in ``state``."""
    if state == InteractionState.OFFERED:
        return (Action.ANSWER, Action.REJECT)
    if state == InteractionState.CONNECTED:
        mute = Action.UNMUTE if muted else Action.MUTE
        return (Action.HOLD, mute, Action.DTMF, Action.HANGUP, Action.BLIND_TRANSFER)
    if state == InteractionState.HELD:
        return (Action.RETRIEVE, Action.HANGUP, Action.BLIND_TRANSFER)
    if state == InteractionState.ENDED:
        return (Action.WRAPUP,)
    return ()


@dataclass(frozen=True, slots=True)
class AttachedData:
    """What the IVR collected before the call reached the agent.

    Attributes:
        caller_number: the calling number as the network presented it (not normalised).
        customer_id: set when the IVR identified the customer.
        intent: the intent code chosen in the IVR menu, e.g. ``card_lost``.
        intent_label: a human label for that intent, in the customer's language.
        language: the customer's language (``fr`` or ``en``).
        vip: whether the IVR flagged the caller as VIP.
        queue_name: the queue the call waited in.
        waited_seconds: how long the customer waited before the offer.
        extra: any further key/value the platform attached.
    """

    caller_number: str | None = None
    customer_id: str | None = None
    intent: str | None = None
    intent_label: str | None = None
    language: str | None = None
    vip: bool = False
    queue_name: str | None = None
    waited_seconds: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Interaction:
    """One customer contact as the server last described it.

    Attributes:
        id: the platform's interaction id.
        state: the customer leg's state.
        channel: ``voice`` for now.
        direction: ``inbound`` or ``outbound``.
        attached: the IVR's attached data.
        allowed_actions: what the agent may do now, as the server says.
        muted: whether the agent's microphone is muted.
        created_at / state_since: server timestamps.
        end_reason: why it ended (``agent_hangup``, ``customer_hangup``,
            ``caller_abandoned``, ``no_answer``, ``transferred``…).
        consult: the consult leg, if one was placed (see :mod:`domain.consult`).
        parties: the conference parties while the call is a conference.
        wrap_up_code_required / acw_limit_seconds / wrap_up_blocks_routing: the queue's
            wrap-up policy (see docs/protocol.md).
        closed_by: why a closed interaction closed: ``wrap_up`` or ``acw_limit`` (the
            server ended after-call work; a late wrap-up is still accepted).
        revision: the server's count of changes to it (0 where the platform does not
            count): orders two snapshots taken in the same state, such as a mute's
            answer and an older stream event.
    """

    id: str
    state: InteractionState
    attached: AttachedData
    allowed_actions: tuple[Action, ...]
    created_at: datetime
    state_since: datetime
    channel: str = "voice"
    direction: str = "inbound"
    muted: bool = False
    end_reason: str | None = None
    consult: Consult | None = None
    parties: tuple[Party, ...] = ()
    wrap_up_code_required: bool = False
    acw_limit_seconds: int | None = None
    wrap_up_blocks_routing: bool = True
    closed_by: str | None = None  # "wrap_up" or "acw_limit" once closed
    revision: int = 0

    def allows(self, action: Action) -> bool:
        return action in self.allowed_actions

    def is_older_than(self, other: Interaction) -> bool:
        """Whether this snapshot of the interaction was taken before ``other``: an
        earlier state, or the same state and a lower revision (when both count)."""
        if self.state_since != other.state_since:
            return self.state_since < other.state_since
        return 0 < self.revision < other.revision

    @property
    def is_live(self) -> bool:
        """Whether the customer is still on the line (or ringing)."""
        return self.state in (
            InteractionState.OFFERED,
            InteractionState.CONNECTED,
            InteractionState.HELD,
        )


@dataclass(frozen=True, slots=True)
class TranscriptSegment:
    """One utterance of the live transcript."""

    interaction_id: str
    speaker: str  # "customer" or "agent"
    text: str
    at: datetime
