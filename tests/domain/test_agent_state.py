"""The agent state machine: who may go where, and the queued next state."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent_desktop.domain.agent import (
    TRANSITIONS,
    Agent,
    AgentState,
    InvalidTransition,
    NextState,
    finish_work,
    move,
    request_state,
)

T0 = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def agent(state: AgentState, **kw: object) -> Agent:
    return Agent(id="a1", name="Alice Martin", state=state, since=T0, **kw)  # type: ignore[arg-type]


def test_ready_to_not_ready_needs_a_reason() -> None:
    with pytest.raises(InvalidTransition):
        request_state(agent(AgentState.READY), AgentState.NOT_READY, T0)
    moved = request_state(agent(AgentState.READY), AgentState.NOT_READY, T0, "lunch")
    assert moved.state == AgentState.NOT_READY
    assert moved.reason_code == "lunch"


def test_request_while_busy_is_queued_not_applied() -> None:
    busy = agent(AgentState.BUSY)
    queued = request_state(busy, AgentState.NOT_READY, T0, "training")
    assert queued.state == AgentState.BUSY
    assert queued.next_state == NextState(AgentState.NOT_READY, "training")


def test_finish_work_applies_the_queued_state_and_clears_it() -> None:
    acw = agent(AgentState.AFTER_CALL_WORK, next_state=NextState(AgentState.NOT_READY, "break"))
    later = T0 + timedelta(seconds=30)
    done = finish_work(acw, later)
    assert (done.state, done.reason_code, done.next_state, done.since) == (
        AgentState.NOT_READY,
        "break",
        None,
        later,
    )


def test_finish_work_defaults_to_ready() -> None:
    assert finish_work(agent(AgentState.AFTER_CALL_WORK), T0).state == AgentState.READY


def test_routing_states_cannot_be_requested_by_the_agent() -> None:
    for target in (AgentState.BUSY, AgentState.RESERVED, AgentState.AFTER_CALL_WORK):
        with pytest.raises(InvalidTransition):
            request_state(agent(AgentState.READY), target, T0)


def test_logged_out_only_leads_to_not_ready() -> None:
    with pytest.raises(InvalidTransition):
        move(agent(AgentState.LOGGED_OUT), AgentState.READY, T0)
    assert move(agent(AgentState.LOGGED_OUT), AgentState.NOT_READY, T0, "login").state == (
        AgentState.NOT_READY
    )


def test_a_busy_agent_cannot_be_offered_another_call() -> None:
    with pytest.raises(InvalidTransition):
        move(agent(AgentState.BUSY), AgentState.RESERVED, T0)


@given(st.lists(st.tuples(st.sampled_from(list(AgentState)), st.sampled_from([None, "lunch"]))))
def test_any_sequence_of_moves_stays_inside_the_table(
    steps: list[tuple[AgentState, str | None]],
) -> None:
    current = agent(AgentState.NOT_READY, reason_code="login")
    for target, reason in steps:
        try:
            nxt = move(current, target, T0, reason)
        except InvalidTransition:
            assert target not in TRANSITIONS[current.state] or (
                target == AgentState.NOT_READY and reason is None
            )
            continue
        assert target in TRANSITIONS[current.state]
        assert (nxt.reason_code is not None) == (nxt.state == AgentState.NOT_READY)
        current = nxt
