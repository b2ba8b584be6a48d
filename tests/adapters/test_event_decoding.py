"""Decoding SSE events is the first thing untrusted input meets: anything goes in,
only a valid StreamEvent or a BadEvent comes out."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent_desktop.adapters.gateway.events import MAX_EVENT_BYTES, BadEvent, decode
from agent_desktop.domain.interaction import Action, Interaction, InteractionState
from agent_desktop.protocol.schemas import EVENT_TYPES

OFFER = {
    "id": "int-1",
    "state": "offered",
    "attached_data": {"caller_number": "06 12 34 56 78", "intent": "card_lost", "vip": True},
    "allowed_actions": ["answer", "reject"],
    "created_at": "2026-11-22T09:00:00+00:00",
    "state_since": "2026-11-22T09:00:00+00:00",
}


def envelope(event_id: int, event_type: str, data: object) -> str:
    return json.dumps(
        {"id": event_id, "type": event_type, "at": "2026-11-22T09:00:00+00:00", "data": data}
    )


def test_an_offer_decodes_to_an_interaction() -> None:
    event = decode("interaction.offered", envelope(12, "interaction.offered", OFFER), "12")
    assert event.id == 12
    assert isinstance(event.payload, Interaction)
    assert event.payload.state == InteractionState.OFFERED
    assert event.payload.allowed_actions == (Action.ANSWER, Action.REJECT)
    assert event.payload.attached.vip


def test_stream_reset_has_no_payload() -> None:
    data = envelope(3, "stream.reset", {"reason": "replay_unavailable"})
    assert decode("stream.reset", data, "3").payload is None


@pytest.mark.parametrize(
    ("event_type", "data"),
    [
        ("interaction.exploded", envelope(1, "interaction.exploded", {})),
        ("interaction.offered", "{not json"),
        ("interaction.offered", envelope(1, "interaction.offered", {"id": 5})),
        ("interaction.offered", envelope(1, "agent.state_changed", OFFER)),
        ("interaction.offered", "[" * 100_000 + "]" * 100_000),
        ("interaction.offered", json.dumps({"id": "x", "type": "interaction.offered"})),
        ("interaction.offered", "\udcff\x00"),
    ],
    ids=["unknown-type", "bad-json", "wrong-shape", "type-mismatch", "deep", "bad-id", "bytes"],
)
def test_malformed_events_are_refused_cleanly(event_type: str, data: str) -> None:
    with pytest.raises(BadEvent):
        decode(event_type, data, None)


def test_ten_megabytes_is_refused_without_parsing() -> None:
    huge = envelope(1, "interaction.offered", {**OFFER, "id": "x" * (10 * 1024 * 1024)})
    assert len(huge) > MAX_EVENT_BYTES
    with pytest.raises(BadEvent, match="too large"):
        decode("interaction.offered", huge, "1")


def test_the_error_message_never_carries_the_payload() -> None:
    secret = {**OFFER, "attached_data": {"caller_number": "+33699999999"}, "state": "bogus"}
    with pytest.raises(BadEvent) as info:
        decode("interaction.offered", envelope(1, "interaction.offered", secret), "1")
    assert "+33699999999" not in str(info.value)


@given(
    st.sampled_from([*EVENT_TYPES, "other"]),
    st.one_of(
        st.text(max_size=300),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
            lambda inner: (
                st.lists(inner, max_size=4)
                | st.dictionaries(st.text(max_size=8), inner, max_size=4)
            ),
            max_leaves=20,
        ).map(lambda d: envelope(1, "interaction.offered", d)),
    ),
)
def test_any_input_gives_an_event_or_bad_event(event_type: str, data: str) -> None:
    with contextlib.suppress(BadEvent):
        decode(event_type, data, None)
