"""KB contributions over the real wire: a new article written while the server is down
waits in the durable outbox, shows as pending, and reaches the server once — when it is
back; an incomplete one is refused in the dialog with everything typed kept."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest
from e2e_helpers import advisor_window, until
from outbox_helpers import durable_session

from agent_desktop.domain.events import Link
from agent_desktop.sandbox.server import SandboxServer

pytestmark = pytest.mark.asyncio


async def test_submission_while_the_server_is_down_arrives_once_it_is_back(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    own = SandboxServer(port=0, seed=7, data_dir=sandbox.config.data_dir, auto_calls=False)
    await asyncio.to_thread(own.start)
    try:
        url = own.base_url
        async with (
            durable_session(url, url, tmp_path / "outbox.sqlite3") as (desktop, _control),
        ):
            with advisor_window(desktop, tmp_path) as window:
                panel = window.knowledge
                await asyncio.to_thread(own.stop)  # a real stop: the port is closed
                await until(lambda: desktop.stream.link != Link.ONLINE)

                # Incomplete: said in the dialog, which stays open with the text typed.
                dialog = panel.propose(None)
                dialog.body.setPlainText("Vérifier l'adresse puis renvoyer la carte.")
                dialog.accept()
                assert dialog.isVisible() and dialog.error.isVisible()
                assert dialog.body.toPlainText().startswith("Vérifier")
                assert desktop.kb_contributions.contributions() == []

                dialog.title.setText("Carte renvoyée à la mauvaise adresse")
                dialog.questions.setPlainText("ma carte est partie chez mon ancien voisin\n")
                dialog.accept()
                assert not dialog.isVisible()
                [waiting] = desktop.kb_contributions.contributions()
                assert waiting.state == "waiting"
                assert "waiting for the server" in panel.contributions.text()
                assert desktop.outbox.status().pending == 1

                await asyncio.to_thread(own.start)  # same port, sessions kept
                await until(
                    lambda: desktop.kb_contributions.contributions()[0].state == "received",
                    within=30,
                )
                received = desktop.kb_contributions.contributions()[0]
                assert received.review == "pending_review" and received.server_id
                await until(lambda: "pending review" in panel.contributions.text())

                assert desktop.session is not None
                async with httpx.AsyncClient(base_url=url) as client:
                    answer = await client.get(
                        "/v1/kb/submissions",
                        headers={"Authorization": f"Bearer {desktop.session.token}"},
                    )
                answer.raise_for_status()
                mine = answer.json()["submissions"]
                titles = [s["title"] for s in mine]
                assert titles.count("Carte renvoyée à la mauvaise adresse") == 1
                assert mine[0]["id"] == received.server_id
                assert mine[0]["status"] == "pending_review"
    finally:
        await asyncio.to_thread(own.stop)
