"""The advisor's window on the real wire: a call pops, and the keyboard alone answers,
holds, retrieves, hangs up and wraps up — checked against the server's own state."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from e2e_helpers import advisor_window, next_event, session_as, until
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from agent_desktop.domain.agent import AgentState
from agent_desktop.domain.events import ScreenPopReady
from agent_desktop.domain.screen_pop import ScreenPop
from agent_desktop.sandbox.server import SandboxServer
from agent_desktop.services.desktop import Desktop

pytestmark = pytest.mark.asyncio


async def server_state(control: httpx.AsyncClient, interaction_id: str) -> str:
    state = (await control.get("/sandbox/state")).json()
    return next(i["state"] for i in state["interactions"] if i["id"] == interaction_id)


async def offer(desktop: Desktop, control: httpx.AsyncClient, **call: object) -> ScreenPop:
    """Make alice ready, offer her a call, and wait for its card."""
    assert await desktop.set_state(AgentState.READY)
    popped = next_event(desktop.bus, ScreenPopReady)
    (await control.post("/sandbox/calls", json={"agent": "alice", **call})).raise_for_status()
    return (await popped).pop


async def test_keyboard_only_call_from_ring_to_wrap_up(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    async with session_as(sandbox, "alice") as (desktop, control):
        with advisor_window(desktop, tmp_path, "fr") as window:
            pop = await offer(desktop, control, customer_id="C100042", identified_by_ivr=True)
            interaction_id = pop.interaction_id
            assert pop.customer is not None
            assert window.card.details.name.text() == pop.customer.display_name
            assert "Alice Martin" in window.windowTitle()

            async def press(key: Qt.Key, expected: str) -> None:
                QTest.keyClick(window, key)
                await until(lambda: desktop.calls.interactions[interaction_id].state == expected)
                assert await server_state(control, interaction_id) == expected

            await press(Qt.Key.Key_F2, "connected")
            await press(Qt.Key.Key_F3, "held")
            await press(Qt.Key.Key_F3, "connected")
            await press(Qt.Key.Key_F4, "ended")

            await until(lambda: window.wrap_up.isVisible() and window.wrap_up.code.isEnabled())
            window.wrap_up.code.setCurrentIndex(1)
            window.wrap_up.notes.setPlainText("Carte opposée, nouvelle carte commandée.")
            QTest.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
            await until(lambda: interaction_id not in desktop.calls.interactions)
            state = (await control.get("/sandbox/state")).json()
            assert state["agents"]["alice"]["state"] == "ready"
            await until(lambda: window.card.pages.currentWidget() is window.card.idle)


EVIL_NAME = '<b>x</b><img src="http://127.0.0.1:9/t.png">'


async def test_html_from_the_network_is_shown_as_plain_text(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    async with session_as(sandbox, "alice") as (desktop, control):
        hostile = {
            "id": "C-HTML-1",
            "first_name": EVIL_NAME,
            "last_name": "<i>Dupont</i>",
            "segment": "<u>premium</u>",
            "phones": ["+33611223344"],
            "email": "<a href='javascript:alert(1)'>x</a>",
            "address": {"street": "<script>1</script>", "postcode": "<b>75</b>", "city": "Paris"},
            "products": [{"id": "P1", "name": "<h1>Livret</h1>", "kind": "livret"}],
        }
        (await control.post("/sandbox/customers", json=hostile)).raise_for_status()
        with advisor_window(desktop, tmp_path, "fr") as window:
            pop = await offer(desktop, control, phone="06 11 22 33 44", identified_by_ivr=False)
            assert pop.customer is not None and pop.customer.id == "C-HTML-1"
            details = window.card.details
            await until(lambda: window.card.pages.currentWidget() is details)
            assert details.name.text() == f"{EVIL_NAME} <i>Dupont</i>"
            assert details.name.textFormat() == Qt.TextFormat.PlainText
            assert details.segment.text() == "<u>premium</u>"
            assert details.products.item(0).text().startswith("<h1>Livret</h1>")
            for label in window.findChildren(QLabel):
                if "<" in label.text():
                    assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
