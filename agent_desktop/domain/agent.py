"""The agent (advisor) and the agent state machine.

States follow ARCHITECTURE.md: ``logged_out`` → ``not_ready(reason)`` ⇄ ``ready`` →
``reserved`` (a call is offered) → ``busy`` → ``after_call_work`` → ``ready`` or
``not_ready``. A change asked for while the agent is reserved, busy or in after-call
work is not applied at once: it is queued as the *next state* (Amazon Connect calls it
``enqueueNextState``) and applied when the wrap-up is done.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum


class AgentState(StrEnum):
    LOGGED_OUT = "logged_out"
    NOT_READY = "not_ready"
    READY = "ready"
    RESERVED = "reserved"
    BUSY = "busy"
    AFTER_CALL_WORK = "after_call_work"


# States the agent may ask for themselves; the others are reached through calls.
SELECTABLE_STATES = frozenset({AgentState.READY, AgentState.NOT_READY})

# States in which a requested change waits for the current work to finish.
WORKING_STATES = frozenset({AgentState.RESERVED, AgentState.BUSY, AgentState.AFTER_CALL_WORK})

# Every move the state machine allows, whoever triggers it (agent, routing, call end).
TRANSITIONS: dict[AgentState, frozenset[AgentState]] = {
    AgentState.LOGGED_OUT: frozenset({AgentState.NOT_READY}),
    AgentState.NOT_READY: frozenset(
        {AgentState.READY, AgentState.NOT_READY, AgentState.LOGGED_OUT, AgentState.BUSY}
    ),
    AgentState.READY: frozenset(
        {AgentState.NOT_READY, AgentState.RESERVED, AgentState.BUSY, AgentState.LOGGED_OUT}
    ),
    AgentState.RESERVED: frozenset({AgentState.BUSY, AgentState.READY, AgentState.NOT_READY}),
    AgentState.BUSY: frozenset({AgentState.BUSY, AgentState.AFTER_CALL_WORK}),
    AgentState.AFTER_CALL_WORK: frozenset(
        {AgentState.READY, AgentState.NOT_READY, AgentState.BUSY, AgentState.AFTER_CALL_WORK}
    ),
}


class InvalidTransition(ValueError):
    """A state change the state machine does not allow."""


@dataclass(frozen=True, slots=True)
class NextState:
    """A state queued while the agent is working, applied after wrap-up."""

    state: AgentState
    reason_code: str | None = None


@dataclass(frozen=True, slots=True)
class Agent:
    """The logged-in agent as the server last described them.

    Attributes:
        id: the platform's agent id.
        name: display name.
        state: current state.
        reason_code: the not-ready reason code when ``state`` is ``not_ready``.
        since: when the current state began (server clock, timezone-aware).
        next_state: the state queued while working, if any.
        role: ``agent`` or ``supervisor``.
    """

    id: str
    name: str
    state: AgentState
    since: datetime
    reason_code: str | None = None
    next_state: NextState | None = None
    role: str = "agent"


def can_move(current: AgentState, target: AgentState) -> bool:
    """Whether the state machine allows ``current`` → ``target``."""
    return target in TRANSITIONS[current]


def move(agent: Agent, target: AgentState, at: datetime, reason_code: str | None = None) -> Agent:
    """Return ``agent`` in ``target`` state, or raise :class:`InvalidTransition`."""
    if not can_move(agent.state, target):
        raise InvalidTransition(f"agent cannot go from {agent.state} to {target}")
    if target == AgentState.NOT_READY and not reason_code:
        raise InvalidTransition("not_ready needs a reason code")
    return replace(
        agent,
        state=target,
        since=at,
        reason_code=reason_code if target == AgentState.NOT_READY else None,
    )


def request_state(
    agent: Agent, target: AgentState, at: datetime, reason_code: str | None = None
) -> Agent:
    """Apply an agent's own request: at once when idle, queued as next state when working."""
    if target not in SELECTABLE_STATES:
        raise InvalidTransition(f"an agent cannot ask for {target}")
    if target == AgentState.NOT_READY and not reason_code:
        raise InvalidTransition("not_ready needs a reason code")
    if agent.state in WORKING_STATES:
        return replace(agent, next_state=NextState(target, reason_code))
    return move(agent, target, at, reason_code)


def finish_work(agent: Agent, at: datetime) -> Agent:
    """Leave after-call work for the queued next state (``ready`` when none was asked)."""
    nxt = agent.next_state or NextState(AgentState.READY)
    done = move(agent, nxt.state, at, nxt.reason_code)
    return replace(done, next_state=None)
