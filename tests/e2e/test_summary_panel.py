"""The Summary dock on the real wire: the local summary by default; an OpenAI-compatible
provider on loopback streamed into the panel with only redacted text sent; its timeout
and its errors falling back to the local summary with a visible note; the cache and the
regenerate button."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from chat_completions_server import ChatCompletionsServer
from e2e_helpers import advisor_window, next_event, session_as, until

from agent_desktop.adapters.ai.openai_chat import OpenAIChatSummarizer
from agent_desktop.domain.agent import AgentState
from agent_desktop.domain.events import ScreenPopReady
from agent_desktop.domain.interaction import Action
from agent_desktop.domain.screen_pop import ScreenPop
from agent_desktop.sandbox.server import SandboxServer
from agent_desktop.services.desktop import Desktop
from agent_desktop.services.history import HistoryQuery
from agent_desktop.services.summary.service import Summary
from agent_desktop.ui.summary_panel import SummaryPanel

pytestmark = pytest.mark.asyncio

PIECES = ["Motif : carte ", "perdue.\n", "Prochaine étape : ", "faire opposition."]


async def pop_call(desktop: Desktop, control: object) -> ScreenPop:
    assert await desktop.set_state(AgentState.READY)
    popped = next_event(desktop.bus, ScreenPopReady)
    call = {"agent": "alice", "customer_id": "C100042", "identified_by_ivr": True}
    (await control.post("/sandbox/calls", json=call)).raise_for_status()  # type: ignore[attr-defined]
    return (await popped).pop


async def finished(panel: SummaryPanel) -> Summary:
    done: list[Summary] = []
    panel.sig_done.connect(done.append)
    await until(lambda: bool(done), within=15)
    return done[0]


async def test_local_summary_by_default_cached_and_regenerated(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    async with session_as(sandbox, "alice") as (desktop, control):
        with advisor_window(desktop, tmp_path, "fr") as window:
            panel = window.summary
            waiting = finished(panel)
            await pop_call(desktop, control)
            summary = await waiting
            assert summary.provider == "local" and summary.note is None
            assert panel.text.toPlainText() == summary.text
            assert "Motif" in summary.text and "Prochaine étape" in summary.text
            # Contact reasons are named in French, never shown as codes or code words.
            page = await desktop.history.page(HistoryQuery("C100042"))
            codes = {i.reason for i in page.items if i.reason and "_" in i.reason}
            assert any(desktop.contact_reasons.label(c, "fr") in summary.text for c in codes)
            assert not [c for c in codes if c.replace("_", " ") in summary.text], summary.text
            assert "local" in panel.provider.text()  # "locally" / "localement"
            again = finished(panel)
            panel.refresh()
            assert (await again).cached
            regenerated = finished(panel)
            panel.regenerate.click()
            assert not (await regenerated).cached


async def test_ai_provider_streams_redacted_and_falls_back_on_timeout_and_error(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    async with session_as(sandbox, "alice") as (desktop, control):
        with ChatCompletionsServer(PIECES) as ai, advisor_window(desktop, tmp_path, "fr") as window:
            desktop.summary.remote = OpenAIChatSummarizer(
                ai.base_url, "test-model", api_key="sk-test", timeout=5
            )
            panel = window.summary
            shown: list[str] = []
            panel.text.textChanged.connect(lambda: shown.append(panel.text.toPlainText()))
            waiting = finished(panel)
            pop = await pop_call(desktop, control)
            summary = await waiting
            assert summary.provider.startswith("test-model @ 127.0.0.1")
            assert summary.text == "".join(PIECES).strip()
            assert panel.note.isHidden()
            assert "test-model" in panel.provider.text()
            # It streamed: the panel showed partial text before the whole.
            assert any(0 < len(s) < len(summary.text) for s in shown)

            # What left the machine: the real request, with no personal data in it.
            request = ai.requests[-1]
            assert request["stream"] is True and request["model"] == "test-model"
            assert ai.headers[-1]["Authorization"] == "Bearer sk-test"
            sent = " ".join(m["content"] for m in request["messages"])
            customer = pop.customer
            assert customer is not None
            for secret in (customer.first_name, customer.last_name, *customer.phones):
                assert secret.lower() not in sent.lower()
            if customer.email:
                assert customer.email not in sent
            assert not re.search(r"\b0[1-9](?:[ .]?\d{2}){4}\b", sent)

            # The provider hangs: the local summary after the timeout, with a note.
            ai.mode = "hang"
            desktop.summary.timeout = 1.0
            waiting = finished(panel)
            panel.regenerate.click()
            summary = await waiting
            assert summary.provider == "local" and summary.note
            assert panel.note.isVisible() and "local" in panel.note.text()

            # The provider fails: same fallback, the reason said.
            ai.mode = "error"
            waiting = finished(panel)
            panel.regenerate.click()
            summary = await waiting
            assert summary.provider == "local"
            assert summary.note is not None and "500" in summary.note
            assert "500" in panel.note.text()


async def test_summary_pre_drafts_the_wrap_up_the_advisor_then_edits(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    async with session_as(sandbox, "alice") as (desktop, control):
        with advisor_window(desktop, tmp_path, "fr") as window:
            waiting = finished(window.summary)
            assert await desktop.set_state(AgentState.READY)
            popped = next_event(desktop.bus, ScreenPopReady)
            call = {
                "agent": "alice",
                "customer_id": "C100042",
                "identified_by_ivr": True,
                "intent": "lost_or_stolen_card",
            }
            (await control.post("/sandbox/calls", json=call)).raise_for_status()
            pop = (await popped).pop
            summary = await waiting
            iid = pop.interaction_id
            assert await desktop.act(iid, Action.ANSWER)
            await control.post(f"/sandbox/calls/{iid}/customer-hangup")
            await until(lambda: window.wrap_up.interaction_id == iid)
            notes = window.wrap_up.notes.toPlainText()
            assert notes and notes.splitlines()[0] in summary.text  # pre-drafted
            assert window.wrap_up.code.currentData() == "card_blocked"  # from the intent
            # The advisor's own edit is kept: a new summary no longer overwrites it.
            window.wrap_up.notes.setPlainText("Opposition faite, nouvelle carte commandée.")
            window.wrap_up.save_draft()
            again = finished(window.summary)
            window.summary.regenerate.click()
            await again
            draft = desktop.draft(f"wrap_up:{iid}")
            assert draft is not None
            assert draft["notes"] == "Opposition faite, nouvelle carte commandée."
