"""The Knowledge dock on the real wire: suggestions for the caller's intent, refreshed by
the transcript, matched words highlighted safely, an article opened in the reader, and
helpful / not helpful counted by the server."""

from __future__ import annotations

from pathlib import Path

import pytest
from e2e_helpers import advisor_window, next_event, session_as, until
from PySide6.QtGui import QGuiApplication

from agent_desktop.domain.agent import AgentState
from agent_desktop.domain.events import ScreenPopReady, TranscriptAdded
from agent_desktop.domain.interaction import Action
from agent_desktop.ports.knowledge import ArticleHit
from agent_desktop.sandbox.server import SandboxServer
from agent_desktop.ui.kb_panel import ArticleReader, KnowledgePanel

pytestmark = pytest.mark.asyncio


async def test_suggestions_follow_the_call_and_feedback_reaches_the_server(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    async with session_as(sandbox, "alice") as (desktop, control):
        await control.post("/sandbox/scenario", json={"transcript_interval": 0.2})
        try:
            with advisor_window(desktop, tmp_path, "fr") as window:
                window.resize(1280, 740)
                panel: KnowledgePanel = window.knowledge
                # The articles are copied into the local index at login.
                await until(lambda: desktop.knowledge.local.ready, within=60)
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
                await until(lambda: len(panel.hits) > 0)
                assert panel.context.intent
                # The customer's recent contact reasons join the context once loaded.
                await until(lambda: bool(panel.context.recent_reasons))
                assert panel.context.products
                first_query = desktop.knowledge.last.query if desktop.knowledge.last else ""
                top: ArticleHit = panel.hits[0]
                assert any(w in (top.title + top.snippet).lower() for w in ("carte", "card"))
                # Two painted lines per row, matched words in bold, cut to the width.
                title, snippet = panel.delegate.lines(top, 300, panel.list.font())
                assert "<b>" in title + snippet
                assert len(panel.delegate.lines(top, 60, panel.list.font())[0]) < len(title)
                # Ranked by the local index, and the panel says so.
                assert panel.source == "local"
                assert desktop.knowledge.last is not None
                assert desktop.knowledge.last.source == "local"
                assert "local index" in panel.status.text()
                # Compact rows: at 740 px of window height at least three suggestions show
                # whole without scrolling, each on two lines.
                assert len(panel.hits) >= 3
                third = panel.list.visualItemRect(panel.list.item(2))
                assert third.bottom() <= panel.list.viewport().height()
                assert third.height() <= 3 * panel.list.fontMetrics().height()

                # The transcript grows the context: suggestions are ranked again.
                said = next_event(
                    desktop.bus, TranscriptAdded, lambda e: e.segment.speaker == "customer"
                )
                assert await desktop.act(pop.interaction_id, Action.ANSWER)
                await said
                panel.refresh()  # what the debounce timer does after the customer spoke
                await until(
                    lambda: (
                        desktop.knowledge.last is not None
                        and desktop.knowledge.last.query != first_query
                    )
                )

                # Open the article: Markdown rendered, no HTML from the body, plain-text switch.
                reader = await panel.open_article(top.id)
                assert isinstance(reader, ArticleReader)
                assert reader.browser.toPlainText().strip()
                reader.plain.setChecked(True)
                assert reader.browser.toPlainText() == reader.article.body
                reader.copy()
                assert QGuiApplication.clipboard().text() == reader.article.body
                reader.close()

                chosen = panel.selected()  # the best of the refreshed suggestions
                assert chosen is not None
                panel.copy_snippet()
                assert chosen.snippet in QGuiApplication.clipboard().text()

                # Helpful, then not helpful: the server counts both.
                sent = []
                panel.sig_feedback_sent.connect(lambda a, h: sent.append((a, h)))
                panel.send_feedback(True)
                await until(lambda: len(sent) == 1)
                helpful_before = panel.votes
                panel.send_feedback(False)
                await until(lambda: len(sent) == 2)
                assert sent == [(chosen.id, True), (chosen.id, False)]
                assert helpful_before is not None and panel.votes is not None
                assert panel.votes[0] == helpful_before[0] >= 1
                assert panel.votes[1] == helpful_before[1] + 1
        finally:
            await control.post("/sandbox/scenario", json={"transcript_interval": 3.0})
