"""Token expiry: the stream goes offline, work done meanwhile waits in the outbox, and a
re-login with the same user resumes everything without losing it."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from e2e_helpers import until
from outbox_helpers import call_in_wrap_up, deliveries, durable_session

from agent_desktop.domain.events import Link
from agent_desktop.sandbox.server import SandboxServer
from agent_desktop.sandbox.users import DEMO_PASSWORD

pytestmark = pytest.mark.asyncio


async def test_expired_token_then_relogin_keeps_the_work(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    own = SandboxServer(port=0, seed=7, data_dir=sandbox.config.data_dir)
    await asyncio.to_thread(own.start)
    try:
        url = own.base_url
        async with durable_session(url, url, tmp_path / "o.db") as (desktop, control):
            iid = await call_in_wrap_up(desktop, control)
            desktop.save_draft("wrap_up:" + iid, {"notes": "en cours"})
            # the session expires (as if its lifetime had passed) and the stream is cut
            center = own.kept.center
            assert center is not None
            for session in center.sessions.values():
                session.expires_at = datetime.now(UTC) - timedelta(seconds=1)
            await control.post("/sandbox/events/drop")
            await until(lambda: desktop.stream.link == Link.OFFLINE, within=20)
            assert desktop.stream.link == Link.OFFLINE  # the shell asks to log in again
            assert await desktop.wrap_up(iid, "resolved", "pendant l'expiration", True)
            assert desktop.wrap_up_pending(iid)  # 401: kept, not dropped
            assert (await deliveries(control, iid))[0] == []

            await desktop.relogin(DEMO_PASSWORD)
            await until(lambda: not desktop.outbox.pending(), within=20)
            await until(lambda: desktop.stream.link == Link.ONLINE, within=20)
            applied, _ = await deliveries(control, iid)
            assert len(applied) == 1
            assert desktop.outbox.status().failed == 0
    finally:
        await asyncio.to_thread(own.stop)
