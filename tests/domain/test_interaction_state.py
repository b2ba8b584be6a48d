"""The interaction state machine and the allowed actions derived from it."""

from __future__ import annotations

import itertools

import pytest

from agent_desktop.domain.interaction import (
    ACTION_TARGET,
    FINAL_STATES,
    TRANSITIONS,
    Action,
    InteractionState,
    allowed_actions,
    can_move,
)

S = InteractionState


def test_the_customer_leg_lifecycle() -> None:
    path = [S.OFFERED, S.CONNECTED, S.HELD, S.CONNECTED, S.ENDED, S.CLOSED]
    for current, target in itertools.pairwise(path):
        assert can_move(current, target), (current, target)


@pytest.mark.parametrize("target", [S.REJECTED, S.MISSED, S.CONNECTED])
def test_an_offer_ends_rejected_missed_or_connected(target: InteractionState) -> None:
    assert can_move(S.OFFERED, target)


def test_an_offer_cannot_be_held_or_closed() -> None:
    assert not can_move(S.OFFERED, S.HELD)
    assert not can_move(S.OFFERED, S.CLOSED)


def test_final_states_lead_nowhere() -> None:
    for state in FINAL_STATES:
        assert TRANSITIONS[state] == frozenset()
        assert allowed_actions(state) == ()


def test_allowed_actions_per_state() -> None:
    assert set(allowed_actions(S.OFFERED)) == {Action.ANSWER, Action.REJECT}
    assert Action.HOLD in allowed_actions(S.CONNECTED)
    assert Action.RETRIEVE not in allowed_actions(S.CONNECTED)
    assert Action.RETRIEVE in allowed_actions(S.HELD)
    assert Action.HOLD not in allowed_actions(S.HELD)
    assert allowed_actions(S.ENDED) == (Action.WRAPUP,)


def test_mute_and_unmute_alternate() -> None:
    assert Action.MUTE in allowed_actions(S.CONNECTED, muted=False)
    assert Action.UNMUTE not in allowed_actions(S.CONNECTED, muted=False)
    assert Action.UNMUTE in allowed_actions(S.CONNECTED, muted=True)
    assert Action.MUTE not in allowed_actions(S.CONNECTED, muted=True)


@pytest.mark.parametrize("state", list(S))
def test_every_allowed_action_leads_to_a_legal_state(state: InteractionState) -> None:
    for muted in (False, True):
        for action in allowed_actions(state, muted):
            target = ACTION_TARGET.get(action)
            if target is not None:
                assert can_move(state, target), (state, action, target)
