"""A desktop in its own process, for the SIGKILL test (run by tests/e2e/test_outbox.py).

python outbox_child.py BASE_URL OUTBOX_PATH wrap INTERACTION_ID
    log in as bob, wrap the interaction up (through the real outbox and Desktop),
    print "clicked" and wait forever — the test kills this process.
python outbox_child.py BASE_URL OUTBOX_PATH resume
    log in as bob; the outbox delivers what was left; print "pending N"; exit.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from agent_desktop.adapters.gateway import GatewayClient
from agent_desktop.adapters.outbox import SqliteOutboxStore
from agent_desktop.sandbox.users import DEMO_PASSWORD
from agent_desktop.services.desktop import Desktop


async def main(base_url: str, outbox: Path, mode: str, interaction_id: str = "") -> None:
    gateway = GatewayClient(base_url, timeout=60)
    store = SqliteOutboxStore(outbox)
    desktop = Desktop(gateway, gateway, outbox_store=store)
    await desktop.login("bob", DEMO_PASSWORD)
    if mode == "wrap":
        task = asyncio.create_task(desktop.wrap_up(interaction_id, "resolved", "RAS", True))
        await asyncio.sleep(0)  # the task runs up to its first await: the item is written
        assert desktop.outbox.pending()
        print("clicked", flush=True)
        await task  # the proxy never answers: the test kills us before this returns
        await asyncio.Event().wait()
    else:
        calls = len(desktop.calls.interactions)  # resumed from the server's snapshot
        recovered = desktop.recovered is not None  # the advisor is told
        delivered = await desktop.outbox.flush(within=30)
        pending = len(desktop.outbox.pending())
        print(f"pending {pending} delivered {delivered} calls {calls} recovered {recovered}")
        await desktop.tasks.cancel_all()
        await gateway.aclose()
        store.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], Path(sys.argv[2]), *sys.argv[3:]))
