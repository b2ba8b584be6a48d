"""The logs of a scripted session carry no password, no token and no phone number.

The real logging set-up (``logs.configure``, pointed at a temporary folder) records a
session over the real wire: a failed login, a call from a known customer, searches by
phone, a malformed event carrying personal data, a stream cut, a wrap-up whose notes hold
a phone number (through the outbox, with one attempt while the server is unreachable).
Then the log file is scanned.
"""

from __future__ import annotations

import asyncio
import logging
import re
from pathlib import Path

import httpx
import pytest
from e2e_helpers import until
from outbox_helpers import call_in_wrap_up, settle

from agent_desktop import logs
from agent_desktop.adapters.gateway import GatewayClient
from agent_desktop.adapters.outbox import SqliteOutboxStore
from agent_desktop.domain.interaction import Action
from agent_desktop.ports.telephony import GatewayError
from agent_desktop.sandbox.server import SandboxServer
from agent_desktop.sandbox.users import DEMO_PASSWORD
from agent_desktop.services.desktop import Desktop

pytestmark = pytest.mark.asyncio


def variants(phone: str) -> set[str]:
    digits = re.sub(r"\D", "", phone)
    national = "0" + digits[2:] if digits.startswith("33") else digits
    spaced = " ".join(national[i : i + 2] for i in range(0, len(national), 2))
    return {phone, digits, national, spaced, "%2B" + digits}


async def test_a_whole_session_logs_no_secret_and_no_phone_number(
    sandbox: SandboxServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logs, "log_dir", lambda: tmp_path)
    root = logging.getLogger()
    before = list(root.handlers), root.level
    path = logs.configure()
    secrets: set[str] = {DEMO_PASSWORD}
    try:
        own = SandboxServer(port=0, seed=7, data_dir=sandbox.config.data_dir)
        await asyncio.to_thread(own.start)
        gateway = GatewayClient(own.base_url)
        desktop = Desktop(gateway, gateway, outbox_store=SqliteOutboxStore(tmp_path / "o.db"))
        try:
            with pytest.raises(GatewayError):
                await desktop.login("alice", DEMO_PASSWORD + "-wrong")
            secrets.add(DEMO_PASSWORD + "-wrong")
            async with httpx.AsyncClient(base_url=own.base_url) as control:
                await desktop.login("alice", DEMO_PASSWORD)
                assert gateway.token
                secrets.add(gateway.token)
                state = (await control.get("/sandbox/state")).json()
                phone = state["shared_numbers"][0]
                secrets |= variants(phone)
                matches = await desktop.search_customers(phone)
                for customer in matches:
                    for p in customer.phones:
                        secrets |= variants(p)
                await control.post(
                    "/sandbox/events/inject",
                    json={
                        "agent": "alice",
                        "event": "interaction.updated",
                        "data": f'{{"phone": "{phone}"',
                    },
                )
                iid = await call_in_wrap_up(desktop, control)
                caller = desktop.calls.interactions[iid].attached.caller_number
                if caller:
                    secrets |= variants(caller)
                await control.post("/sandbox/events/drop")
                await asyncio.to_thread(own.stop)
                assert await desktop.wrap_up(iid, "resolved", f"Rappeler au {phone}", True)
                await asyncio.to_thread(own.start)
                await until(lambda: not desktop.outbox.pending(), within=30)
                assert not await desktop.act(iid, Action.HOLD)  # refused: logged by code
                await desktop.logout()
        finally:
            await gateway.aclose()
            await asyncio.to_thread(own.stop)
            await settle()
    finally:
        for handler in root.handlers[:]:
            if handler not in before[0]:
                handler.close()
                root.removeHandler(handler)
        root.setLevel(before[1])
    text = await asyncio.to_thread(path.read_text, "utf-8")
    assert "outbox: wrap_up" in text  # the log did record the session
    leaked = sorted(s for s in secrets if len(s) >= 6 and s in text)
    assert not leaked, f"found in the log: {leaked}"
