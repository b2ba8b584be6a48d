"""The History dock on the real wire: it follows the identified caller, pages lazily
through a 50 000-item history, filters by any set of channels, names contact reasons,
searches on the server, opens an item whole, and shows the live call on top growing with
its transcript."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import httpx
import pytest
from e2e_helpers import advisor_window, next_event, session_as, until
from PySide6.QtCore import QModelIndex

from agent_desktop.domain.agent import AgentState
from agent_desktop.domain.events import ScreenPopReady, TranscriptAdded
from agent_desktop.domain.interaction import Action
from agent_desktop.sandbox.server import SandboxServer
from agent_desktop.services.history import HistoryQuery
from agent_desktop.ui.history_panel import HistoryPanel, HistoryReader

pytestmark = pytest.mark.asyncio


async def big_customer(control: httpx.AsyncClient) -> str:
    answer = await control.post("/sandbox/customers/big", json={"items": 50_000}, timeout=300)
    answer.raise_for_status()
    return str(answer.json()["customer_id"])


async def test_fifty_thousand_items_page_lazily_filter_and_search(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    async with session_as(sandbox, "alice") as (desktop, control):
        customer_id = await big_customer(control)
        with advisor_window(desktop, tmp_path) as window:
            panel: HistoryPanel = window.history
            model = panel.model
            started = time.perf_counter()
            panel.show_customer(customer_id)
            await until(lambda: len(model.items) > 0)
            first_page_ms = (time.perf_counter() - started) * 1000
            assert model.total == 50_000
            assert len(model.items) == 50
            assert "50000" in panel.status.text().replace(" ", "").replace(",", "")
            ats = [i.at for i in model.items]
            assert ats == sorted(ats, reverse=True)  # newest first

            # Scrolling to the bottom makes the view ask for more, page after page.
            for pages in (2, 3):
                panel.view.scrollToBottom()
                model.fetchMore(QModelIndex())  # what the view calls at the bottom
                await until(lambda n=pages: len(model.items) >= 50 * n)
            ids = [i.id for i in model.items]
            assert len(set(ids)) == len(ids)

            # Reasons read as the platform's labels, not as codes.
            coded = next(i for i in model.items if i.reason and "_" in i.reason)
            row = model.index(model.items.index(coded)).data()
            assert coded.reason is not None and coded.reason not in row
            assert desktop.contact_reasons.label(coded.reason, "en") in row

            # Filter by several channels: the server counts and pages those only.
            panel.channel.set_channels(("email", "chat"))
            await until(lambda: model.query is not None and len(model.query.channels) == 2)
            await until(lambda: len(model.items) > 0)
            both = model.total
            assert {i.channel for i in model.items} <= {"email", "chat"}
            assert 0 < both < 50_000

            # Then e-mails only: fewer items than e-mails and chats together.
            panel.channel.set_channels(("email",))
            await until(lambda: model.query is not None and model.query.channels == ("email",))
            await until(lambda: len(model.items) > 0)
            assert {i.channel for i in model.items} == {"email"}
            assert 0 < model.total < both

            # Full-text search on the server, combined with the filter.
            word = model.items[0].summary.split()[0].strip(".,;:!?«»\"'")
            panel.search.setText(word)
            panel.apply_filters()  # what the debounce timer or Enter does
            await until(lambda: model.query is not None and model.query.text == word)
            await until(lambda: len(model.items) > 0)
            assert {i.channel for i in model.items} == {"email"}
            assert model.total <= 50_000

            # Open an item: read its whole body as plain text.
            opened = model.index(0)
            reader = await panel.open_item(model.items[0])
            assert isinstance(reader, HistoryReader)
            body = reader.text.toPlainText()
            assert body and len(body) >= len(opened.data().split("\n")[-1].rstrip("…")) - 1
            reader.close()
            print(f"history first page of a 50 000-item customer: {first_page_ms:.0f} ms")


async def test_follows_the_caller_and_shows_the_live_transcript_on_top(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    async with session_as(sandbox, "alice") as (desktop, control):
        await control.post("/sandbox/scenario", json={"transcript_interval": 0.2})
        try:
            with advisor_window(desktop, tmp_path) as window:
                model = window.history.model
                assert await desktop.set_state(AgentState.READY)
                popped = next_event(desktop.bus, ScreenPopReady)
                call = {"agent": "alice", "customer_id": "C100042", "identified_by_ivr": True}
                (await control.post("/sandbox/calls", json=call)).raise_for_status()
                pop = (await popped).pop
                assert window.history.customer_id == "C100042"
                await until(lambda: len(model.items) > 0)
                assert model.live is not None and model.live.id == pop.interaction_id
                assert "Now" in model.index(0).data()
                assert all(i.customer_id == "C100042" for i in model.items)

                said = next_event(desktop.bus, TranscriptAdded)
                assert await desktop.act(pop.interaction_id, Action.ANSWER)
                segment = (await said).segment
                await until(lambda: " ".join(segment.text.split()) in model.index(0).data())
        finally:
            await control.post("/sandbox/scenario", json={"transcript_interval": 3.0})


async def test_identical_page_requests_in_flight_share_one_round_trip(
    sandbox: SandboxServer,
) -> None:
    async with session_as(sandbox, "alice") as (desktop, _control):
        service = desktop.history
        query = HistoryQuery("C100042")
        before = service.requests
        # What a screen-pop does: History, Summary and Knowledge docks ask at once.
        pages = await asyncio.gather(*(service.page(query) for _ in range(3)))
        assert service.requests == before + 1
        assert pages[0].items and pages[0] is pages[1] is pages[2]
        # One caller giving up does not cancel the others' answer.
        quitter = asyncio.ensure_future(service.page(query))
        stayer = asyncio.ensure_future(service.page(query))
        await asyncio.sleep(0)
        quitter.cancel()
        assert (await stayer).items == pages[0].items
        assert service.requests == before + 2
        # Another query is another request.
        await service.page(HistoryQuery("C100042", ("email",)))
        assert service.requests == before + 3
        # The Knowledge dock's few recent items ride on the History dock's first page.
        first, recent = await asyncio.gather(service.page(query), service.recent("C100042", 10))
        assert service.requests == before + 4
        assert recent == list(first.items[:10]) and len(recent) == 10


async def test_the_same_customer_calling_again_gets_a_fresh_history(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    async with session_as(sandbox, "alice") as (desktop, control):
        with advisor_window(desktop, tmp_path) as window:
            model = window.history.model
            for attempt in range(2):
                assert await desktop.set_state(AgentState.READY)
                popped = next_event(desktop.bus, ScreenPopReady)
                call = {"agent": "alice", "customer_id": "C100042", "identified_by_ivr": True}
                (await control.post("/sandbox/calls", json=call)).raise_for_status()
                before = desktop.history.requests
                reloaded: list[int] = []
                model.sig_total.connect(reloaded.append)
                pop = (await popped).pop
                # Shown already after the first call: fetched again all the same.
                await until(lambda r=reloaded: bool(r) and len(model.items) > 0)
                model.sig_total.disconnect(reloaded.append)
                assert desktop.history.requests > before, attempt
                assert await desktop.act(pop.interaction_id, Action.ANSWER)
                assert await desktop.act(pop.interaction_id, Action.HANGUP)
                await desktop.wrap_up(pop.interaction_id, desktop.wrap_up_codes[0].code)
