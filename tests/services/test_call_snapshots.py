"""Which of two snapshots of an interaction the desktop keeps: the server answers a
command and streams the same change, and the two can arrive in either order."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import cast

from agent_desktop.domain.events import InteractionChanged
from agent_desktop.domain.interaction import (
    AttachedData,
    Interaction,
    InteractionState,
    allowed_actions,
)
from agent_desktop.ports.telephony import Telephony
from agent_desktop.services.calls import CallService
from agent_desktop.services.event_bus import EventBus

AT = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def connected(revision: int, muted: bool = False) -> Interaction:
    return Interaction(
        id="int-1",
        state=InteractionState.CONNECTED,
        attached=AttachedData(caller_number="+33612345678", queue_name="Cartes"),
        allowed_actions=allowed_actions(InteractionState.CONNECTED, muted),
        created_at=AT,
        state_since=AT,
        muted=muted,
        revision=revision,
    )


def service() -> tuple[CallService, list[Interaction]]:
    bus = EventBus()
    changes: list[Interaction] = []
    bus.subscribe(InteractionChanged, lambda e: changes.append(e.interaction))
    return CallService(cast(Telephony, None), bus), changes


def test_a_stream_event_older_than_the_answer_is_dropped() -> None:
    calls, changes = service()
    calls.apply(connected(revision=2))
    calls.apply(connected(revision=3, muted=True))  # the mute's answer
    calls.apply(connected(revision=2))  # the stream's event from before the mute
    assert calls.current is not None and calls.current.muted
    assert [c.muted for c in changes] == [True]
    calls.apply(connected(revision=3, muted=True))  # the stream catches up: no change
    calls.apply(connected(revision=4))  # unmuted later
    assert calls.current is not None and not calls.current.muted


def test_without_revisions_the_state_decides_as_before() -> None:
    calls, _changes = service()
    calls.apply(connected(revision=0, muted=True))
    calls.apply(connected(revision=0))  # the platform does not count: taken as newer
    assert calls.current is not None and not calls.current.muted
    earlier = replace(connected(revision=0), state_since=AT - timedelta(seconds=5))
    calls.apply(replace(earlier, state=InteractionState.OFFERED))
    assert calls.current is not None and calls.current.state == InteractionState.CONNECTED


def test_a_resync_after_a_platform_restart_is_taken_though_it_counts_from_one() -> None:
    calls, _changes = service()
    calls.apply(connected(revision=40))
    calls.resync([connected(revision=1, muted=True)])
    assert calls.current is not None and calls.current.muted
    calls.apply(connected(revision=2))
    assert calls.current is not None and not calls.current.muted
