"""A wrap-up the sandbox stored just before its *process* died is not stored twice when the
desktop's outbox sends it again to the new process.

The sandbox runs as a real child process (``agent-desktop sandbox --state-file …``). A
fault proxy swallows the answer to the wrap-up, so the desktop never learns it was stored;
the sandbox is killed with SIGKILL once the state file holds the answer, and a new process
is started on the same port with the same state file. The desktop logs in again (the new
process knows no session) and its outbox retries with the same ``Idempotency-Key``: the new
process answers from the state file — one wrap-up stored, one replay.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sqlite3
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from e2e_helpers import until
from fault_proxy import FaultProxy
from outbox_helpers import call_in_wrap_up, deliveries, durable_session

from agent_desktop.domain.events import Link
from agent_desktop.ports.outbox import ItemState
from agent_desktop.sandbox.server import SandboxServer
from agent_desktop.sandbox.users import DEMO_PASSWORD

pytestmark = pytest.mark.asyncio


@contextlib.asynccontextmanager
async def sandbox_process(
    data_dir: Path, state_file: Path, port: int, log: Path
) -> AsyncIterator[tuple[str, asyncio.subprocess.Process]]:
    """``agent-desktop sandbox`` as a child process; yields its base URL and the process."""
    with log.open("ab") as err:
        child = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "agent_desktop", "sandbox", "--port", str(port),
            "--seed", "7", "--no-auto-calls", "--data-dir", str(data_dir),
            "--state-file", str(state_file),
            stdout=asyncio.subprocess.PIPE, stderr=err,
        )  # fmt: skip
    try:
        assert child.stdout is not None
        url = (await asyncio.wait_for(child.stdout.readline(), 120)).decode().strip()
        assert url.startswith("http://127.0.0.1:"), f"no URL from the sandbox: {url!r}"
        yield url, child
    finally:
        if child.returncode is None:
            child.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(child.wait(), 30)
            except TimeoutError:
                child.kill()
                await child.wait()


def answer_kept(state_file: Path, key: str) -> bool:
    """Whether the sandbox's state file holds its answer to the request sent with ``key``."""
    if not state_file.exists():
        return False
    with contextlib.closing(sqlite3.connect(f"file:{state_file}?mode=ro", uri=True)) as db:
        row = db.execute("SELECT status FROM idempotency WHERE key = ?", (key,)).fetchone()
        return row is not None


async def test_a_wrap_up_stored_before_a_process_restart_is_not_stored_twice(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    data_dir = sandbox.config.data_dir
    assert data_dir is not None  # the generated data, already cached
    state_file = tmp_path / "sandbox-state.sqlite3"
    log = tmp_path / "sandbox.log"
    async with contextlib.AsyncExitStack() as stack:
        url, first = await stack.enter_async_context(sandbox_process(data_dir, state_file, 0, log))
        port = int(url.rsplit(":", 1)[1])
        proxy = stack.enter_context(FaultProxy("127.0.0.1", port))
        # entered now, so the second process outlives the session's clean-up below
        later = await stack.enter_async_context(contextlib.AsyncExitStack())
        desktop, control = await stack.enter_async_context(
            durable_session(proxy.base_url, url, tmp_path / "outbox.sqlite3")
        )
        iid = await call_in_wrap_up(desktop, control)
        proxy.mode = "hold_response"  # stored by the server, the answer swallowed
        task = asyncio.ensure_future(desktop.wrap_up(iid, "resolved", "Avant le crash"))
        await until(lambda: bool(desktop.outbox.pending()))
        key = desktop.outbox.pending()[0].key
        await until(lambda: answer_kept(state_file, key), 30)
        applied, replays_before = await deliveries(control, iid)
        assert len(applied) == 1
        first.send_signal(signal.SIGKILL)  # the process dies; the state file stays
        await first.wait()
        assert await task  # pending in the outbox: the answer never came
        assert desktop.wrap_up_pending(iid)
        await until(lambda: desktop.stream.link != Link.ONLINE)
        proxy.mode = "pass"

        await later.enter_async_context(sandbox_process(data_dir, state_file, port, log))
        # the new process knows no session: log in again (what the relogin prompt does)
        await desktop.relogin(DEMO_PASSWORD)
        await until(lambda: not desktop.outbox.pending(), within=60)
        (item,) = [i for i in desktop.outbox.store.all_items() if i.kind == "wrap_up"]
        assert item.state == ItemState.SENT and item.attempts >= 2
        applied, replays = await deliveries(control, iid)
        assert [(d["code"], d["notes"]) for d in applied] == [("resolved", "Avant le crash")]
        assert replays > replays_before  # answered from the key kept in the state file
        body = (await control.get("/sandbox/deliveries")).json()
        assert body["restarts"] == 0  # a new process, not an in-process restart
