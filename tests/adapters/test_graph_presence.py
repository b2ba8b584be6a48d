"""Expert presence from Microsoft Graph, against a loopback server speaking its wire format."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from graph_helpers import GraphState, graph_server

from agent_desktop.adapters.graph import (
    MAX_IDS_PER_CALL,
    DirectoryEntry,
    GraphPresence,
    presence_from_graph,
)
from agent_desktop.domain.consult import Expert, Presence
from agent_desktop.ports.telephony import GatewayError


@pytest.fixture
def graph() -> Iterator[tuple[GraphState, str]]:
    state = GraphState()
    with graph_server(state) as url:
        yield state, url


async def token() -> str:
    return "test-token"


def directory(n: int) -> list[DirectoryEntry]:
    return [DirectoryEntry(f"id-{i:05d}", f"Expert {i}", "Back office") for i in range(n)]


def test_availability_and_activity_map_to_the_desktop_vocabulary() -> None:
    assert presence_from_graph("Available", "Available") == Presence.AVAILABLE
    assert presence_from_graph("AvailableIdle") == Presence.AVAILABLE
    assert presence_from_graph("Busy", "InACall") == Presence.IN_A_CALL
    assert presence_from_graph("Busy", "InAConferenceCall") == Presence.IN_A_CALL
    assert presence_from_graph("Busy", "InAMeeting") == Presence.BUSY
    assert presence_from_graph("BeRightBack") == Presence.AWAY
    assert presence_from_graph("DoNotDisturb", "Presenting") == Presence.DO_NOT_DISTURB
    assert presence_from_graph("PresenceUnknown") == Presence.OFFLINE
    assert presence_from_graph("SomethingNew") == Presence.OFFLINE


@pytest.mark.asyncio
async def test_large_directory_is_polled_in_batches_of_650(
    graph: tuple[GraphState, str],
) -> None:
    state, url = graph
    state.presences = {"id-00000": ("Available", "Available"), "id-01299": ("Busy", "InACall")}
    source = GraphPresence(token, directory(1300), base_url=url)
    try:
        experts = {e.id: e for e in await source.experts()}
    finally:
        await source.aclose()
    assert state.batches == [MAX_IDS_PER_CALL, MAX_IDS_PER_CALL]
    assert experts["id-00000"].presence == Presence.AVAILABLE
    assert experts["id-01299"].presence == Presence.IN_A_CALL
    assert experts["id-00500"].presence == Presence.OFFLINE
    assert experts["id-00500"].department == "Back office"


@pytest.mark.asyncio
async def test_throttling_is_retried_after_retry_after(graph: tuple[GraphState, str]) -> None:
    state, url = graph
    state.throttle_next = 2
    source = GraphPresence(token, directory(3), base_url=url)
    try:
        await source.experts()
    finally:
        await source.aclose()
    assert source.calls == 3  # two 429s, then the answer
    state.throttle_next = 10
    stubborn = GraphPresence(token, directory(3), base_url=url, max_retries=2)
    try:
        with pytest.raises(GatewayError) as refused:
            await stubborn.experts()
        assert refused.value.code == "throttled"
    finally:
        await stubborn.aclose()


@pytest.mark.asyncio
async def test_polling_announces_changes_only(graph: tuple[GraphState, str]) -> None:
    state, url = graph
    state.presences = {"id-00001": ("Available", "Available")}
    source = GraphPresence(token, directory(2), base_url=url, interval=0.05)
    changes: asyncio.Queue[Expert] = asyncio.Queue()
    try:
        await source.experts()
        dispose = source.watch(changes.put_nowait)
        state.presences["id-00001"] = ("DoNotDisturb", "DoNotDisturb")
        changed = await asyncio.wait_for(changes.get(), 5)
        assert (changed.id, changed.presence) == ("id-00001", Presence.DO_NOT_DISTURB)
        assert changes.empty()  # id-00000 did not change: nothing said
        dispose()
    finally:
        await source.aclose()


@pytest.mark.asyncio
async def test_a_refused_token_is_a_clear_error(graph: tuple[GraphState, str]) -> None:
    _state, url = graph

    async def no_token() -> str:
        return "expired"

    source = GraphPresence(no_token, directory(1), base_url=url)
    try:
        with pytest.raises(GatewayError) as refused:
            await source.experts()
        assert refused.value.code == "unauthorized"
    finally:
        await source.aclose()
