"""A plugin's background task cancelled before it ever ran (the shell closed right after
the plugin started it) leaves no 'coroutine was never awaited' behind."""

from __future__ import annotations

import asyncio
import gc

import pytest

from agent_desktop.plugins_host import PluginHost
from agent_desktop.plugins_host.discovery import PluginSource
from agent_desktop.plugins_host.host import PluginRecord


async def never_started() -> None:
    raise AssertionError("cancelled before it ran")


@pytest.mark.asyncio
async def test_a_task_cancelled_before_it_ran_closes_its_coroutine() -> None:
    host = PluginHost()
    record = PluginRecord(PluginSource("p", "given", lambda: None), id="p")  # type: ignore[arg-type,return-value]
    coro = never_started()
    host.spawn(record, coro, "background task")
    for task in list(record.tasks):
        task.cancel()
    await asyncio.sleep(0)  # the cancellation and the done callback run
    await asyncio.sleep(0)
    assert not record.tasks
    assert coro.cr_frame is None  # closed: nothing for the garbage collector to warn about
    del coro
    gc.collect()
