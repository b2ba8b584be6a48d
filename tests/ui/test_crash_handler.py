"""The crash handler logs the traceback and offers a restart, once at a time."""

from __future__ import annotations

import asyncio
import logging
import sys

from agent_desktop.ui import crash


def test_an_uncaught_error_is_logged_and_a_restart_offered(qtbot, caplog):
    handler = crash.CrashHandler()
    asked: list[str] = []
    restarted: list[bool] = []
    handler.ask = lambda name: asked.append(name) or True
    handler.restart = lambda: restarted.append(True)
    try:
        raise ValueError("boom")
    except ValueError:
        with caplog.at_level(logging.CRITICAL):
            handler.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: bool(restarted))
    assert asked == ["ValueError"]
    assert "Traceback" in caplog.text and "ValueError" in caplog.text
    assert handler.crashes == 1


def test_loop_errors_go_through_the_same_handler(qtbot, caplog):
    handler = crash.CrashHandler()
    handler.ask = lambda name: False
    loop = asyncio.new_event_loop()
    try:
        with caplog.at_level(logging.CRITICAL):
            handler.loop_handler(loop, {"message": "task failed", "exception": KeyError("x")})
            handler.loop_handler(loop, {"message": "no exception here"})
    finally:
        loop.close()
    assert handler.crashes == 1
    assert "KeyError" in caplog.text


def test_restart_runs_the_same_program_with_the_same_options(monkeypatch):
    monkeypatch.setattr(sys, "argv", ["agent-desktop", "--lang", "fr"])
    assert crash.restart_command()[1:] == ["-m", "agent_desktop", "--lang", "fr"]
