"""The queues' wrap-up rules end to end, through the real sandbox and the real desktop:

- a wrap-up without a code on a queue that requires one is refused (422); the notes come
  back as a draft and a corrected wrap-up is stored once;
- the ACW limit passes while the advisor is still typing: the server closes the call and
  makes the agent available, the panel stays open with the notes, and "Finish" still
  stores them — once;
- the ACW limit passes while the advisor's wrap-up is stuck in the outbox: it is delivered
  afterwards and stored once;
- a queue whose wrap-up does not block routing: the advisor takes a second call and has
  two wrap-ups open, one tab each; each is stored once with its own notes.

No sleeps: the control API makes the ACW limit pass (``/sandbox/calls/{id}/acw-expire``,
what the server's timer does) and the tests wait for the events it causes.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from e2e_helpers import advisor_window, next_event, session_as, until
from outbox_helpers import call_in_wrap_up, deliveries, proxied_session

from agent_desktop.domain.agent import AgentState
from agent_desktop.domain.events import AgentChanged, InteractionClosed, Notice
from agent_desktop.domain.interaction import InteractionState
from agent_desktop.sandbox.data.reference import QUEUES_BY_ID
from agent_desktop.sandbox.server import SandboxServer
from agent_desktop.services.desktop import draft_key

pytestmark = pytest.mark.asyncio


@contextlib.asynccontextmanager
async def policy(control: httpx.AsyncClient, queue_id: str, **rules: Any) -> AsyncIterator[None]:
    """A queue's wrap-up rules changed for the duration (the sandbox is shared)."""
    r = await control.put(f"/sandbox/queues/{queue_id}/wrap-up-policy", json=rules)
    assert r.status_code == 200, r.text
    try:
        yield
    finally:
        q = QUEUES_BY_ID[queue_id]
        await control.put(
            f"/sandbox/queues/{queue_id}/wrap-up-policy",
            json={
                "wrap_up_code_required": q.wrap_up_code_required,
                "acw_limit_seconds": q.acw_limit_seconds,
                "wrap_up_blocks_routing": True,
            },
        )


def shot(window: Any, name: str) -> None:
    """Save a screenshot when SHOTS_DIR is set (to look at what the advisor sees)."""
    folder = os.environ.get("SHOTS_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(folder) / name))


async def test_no_code_on_a_queue_that_requires_one_is_refused_and_nothing_is_lost(
    sandbox: SandboxServer,
) -> None:
    async with session_as(sandbox, "alice") as (desktop, control):
        iid = await call_in_wrap_up(desktop, control, "cartes")
        assert desktop.calls.interactions[iid].wrap_up_code_required
        refused = next_event(desktop.bus, Notice, lambda n: n.code == "wrap_up_code_required")
        desktop.save_draft(draft_key(iid), {"notes": "Opposition faite", "code": None})
        assert not await desktop.wrap_up(iid, None, "Opposition faite")
        notice = await refused
        assert "requires a wrap-up code" in notice.text  # the server's clear message
        assert desktop.draft(draft_key(iid)) == {"notes": "Opposition faite", "code": None}
        assert desktop.calls.interactions[iid].state == InteractionState.ENDED
        assert [i.id for i in desktop.wrap_ups.waiting()] == [iid]
        assert (await deliveries(control, iid))[0] == []

        assert await desktop.wrap_up(iid, "card_blocked", "Opposition faite")
        await until(lambda: iid not in desktop.calls.interactions)
        applied, _ = await deliveries(control, iid)
        assert [(d["code"], d["notes"]) for d in applied] == [("card_blocked", "Opposition faite")]


async def test_acw_limit_closes_the_call_while_typing_and_the_notes_still_arrive_once(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    async with session_as(sandbox, "alice") as (desktop, control):
        with advisor_window(desktop, tmp_path) as window:
            iid = await call_in_wrap_up(desktop, control, "particuliers")
            panel = window.wrap_up
            await until(lambda: panel.isVisible() and panel.interaction_id == iid)
            assert panel.acw.text().endswith("/ 1:00")
            assert panel.acw_note.text().startswith("At 1:00 the platform closes the call")
            panel.notes.setPlainText("Le client rappellera demain")

            closed = next_event(
                desktop.bus, InteractionClosed, lambda e: e.interaction.closed_by == "acw_limit"
            )
            freed = next_event(
                desktop.bus, AgentChanged, lambda e: e.agent.state == AgentState.READY
            )
            r = await control.post(f"/sandbox/calls/{iid}/acw-expire")
            assert r.status_code == 200
            await closed
            await freed  # the server ended after-call work by itself
            assert iid not in desktop.calls.interactions
            window.bridge.sig_tick.emit()
            assert panel.isVisible() and panel.interaction_id == iid
            assert panel.notes.toPlainText() == "Le client rappellera demain"
            assert panel.acw.text() == "ACW limit passed"
            shot(window, "wrap_up_acw_limit_passed.png")

            panel.submit()
            await until(lambda: not panel.isVisible())
            await until(lambda: not desktop.outbox.pending())
            applied, _ = await deliveries(control, iid)
            assert [(d["late"], d["notes"]) for d in applied] == [
                (True, "Le client rappellera demain")
            ]
            # the agent was freed at the limit and stays so (no next state was chosen)
            assert desktop.agent is not None and desktop.agent.state == AgentState.READY


async def test_a_wrap_up_stuck_in_the_outbox_past_the_limit_is_stored_once(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    async with proxied_session(sandbox.base_url, tmp_path / "outbox.sqlite3") as session:
        proxy, desktop, control = session
        iid = await call_in_wrap_up(desktop, control, "particuliers")
        proxy.mode = "cut_request"  # the wrap-up cannot get through for now
        assert await desktop.wrap_up(iid, "resolved", "Dossier complet", True)
        assert desktop.wrap_up_pending(iid)
        closed = next_event(
            desktop.bus, InteractionClosed, lambda e: e.interaction.closed_by == "acw_limit"
        )
        assert (await control.post(f"/sandbox/calls/{iid}/acw-expire")).status_code == 200
        await closed
        assert desktop.wrap_ups.waiting() == []  # in the outbox: not asked for again
        proxy.mode = "pass"
        desktop.outbox.nudge()
        await until(lambda: not desktop.outbox.pending(), within=30)
        applied, _ = await deliveries(control, iid)
        assert [(d["late"], d["code"], d["notes"]) for d in applied] == [
            (True, "resolved", "Dossier complet")
        ]
        assert proxy.matched >= 2  # cut at least once, then delivered


async def test_two_wrap_ups_open_at_once_one_tab_each_each_stored_once(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    async with (
        session_as(sandbox, "alice") as (desktop, control),
        policy(control, "particuliers", wrap_up_blocks_routing=False),
    ):
        with advisor_window(desktop, tmp_path) as window:
            first = await call_in_wrap_up(desktop, control, "particuliers")
            await until(lambda: desktop.agent is not None and desktop.agent.state == "ready")
            assert not desktop.calls.interactions[first].wrap_up_blocks_routing
            panel = window.wrap_up
            await until(lambda: panel.interaction_id == first)
            panel.notes.setPlainText("Virement vérifié")
            second = await call_in_wrap_up(desktop, control, "cartes")
            await until(lambda: panel.which.count() == 2)
            assert panel.which.isVisible()
            assert [panel.which.tabData(i) for i in range(2)] == [first, second]
            assert panel.interaction_id == first  # not pulled away mid-sentence
            # (the agent's state event may follow the call's)
            await until(
                lambda: (
                    desktop.agent is not None and desktop.agent.state == AgentState.AFTER_CALL_WORK
                )
            )
            panel.which.setCurrentIndex(1)
            panel.notes.setPlainText("Carte mise en opposition")
            code = panel.code.findData("card_blocked")
            panel.code.setCurrentIndex(code)
            panel.which.setCurrentIndex(0)
            assert panel.notes.toPlainText() == "Virement vérifié"
            window.bridge.sig_tick.emit()
            shot(window, "wrap_up_two_open.png")

            panel.submit()
            await until(lambda: panel.which.count() == 1 and panel.interaction_id == second)
            assert panel.notes.toPlainText() == "Carte mise en opposition"
            panel.submit()
            await until(lambda: not panel.isVisible())
            await until(lambda: not desktop.outbox.pending())
            for iid, notes in (
                (first, "Virement vérifié"),
                (second, "Carte mise en opposition"),
            ):
                applied, _ = await deliveries(control, iid)
                assert [d["notes"] for d in applied] == [notes]
            await until(lambda: desktop.agent is not None and desktop.agent.state == "ready")
