"""Both outbox stores: a write refused for good is superseded when the advisor sends a
corrected one to the same place, so it stops counting as refused (and is kept)."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent_desktop.adapters.outbox import SqliteOutboxStore
from agent_desktop.ports.outbox import ItemState, OutboxStore
from agent_desktop.services.event_bus import EventBus
from agent_desktop.services.outbox import MemoryOutboxStore, Outbox


class NeverCalled:
    async def send_command(self, *args: object) -> dict[str, object]:
        raise AssertionError("not sent in this test")


@pytest.fixture(params=["memory", "sqlite"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> OutboxStore:
    if request.param == "memory":
        return MemoryOutboxStore()
    return SqliteOutboxStore(tmp_path / "outbox.sqlite3")


def test_a_corrected_write_supersedes_the_refused_one(store: OutboxStore) -> None:
    outbox = Outbox(store, NeverCalled(), EventBus(), owner="alice")  # type: ignore[arg-type]
    first = outbox.submit("wrap_up", "POST", "/v1/interactions/i1/wrapup", {"code": None})
    other = outbox.submit("wrap_up", "POST", "/v1/interactions/i2/wrapup", {"code": None})
    store.mark(first, ItemState.FAILED, "wrap_up_code_required")
    store.mark(other, ItemState.FAILED, "action_not_allowed")
    assert outbox.status().failed == 2
    second = outbox.submit("wrap_up", "POST", "/v1/interactions/i1/wrapup", {"code": "x"})
    old = store.get(first)
    assert old is not None and old.state == ItemState.SUPERSEDED
    assert old.last_error == "wrap_up_code_required"  # kept, with why it was refused
    assert [i.id for i in store.failed("alice")] == [other]
    assert outbox.status().failed == 1 and outbox.status().pending == 1
    assert [i.id for i in outbox.pending()] == [second]
    store.close()
