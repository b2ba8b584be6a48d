"""The demo's start (docs/performance.md, cold start): the desktop makes the sandbox's
listening socket and hands it to the child, so its URL is known before the sandbox
serves; requests sent that early are answered once it does, and a sandbox that ends
before serving leaves a closed port, not a queue nobody reads. The advisor's window is
built before the login answer and is the one shown, with the role applied and the code
lists in."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from e2e_helpers import advisor_window, session_as, until
from PySide6.QtWidgets import QApplication

from agent_desktop.adapters.gateway import GatewayClient
from agent_desktop.app import Application
from agent_desktop.cli import gui_parser
from agent_desktop.demo_sandbox import DEMO_PASSWORD, SandboxProcess
from agent_desktop.domain.events import AgentChanged
from agent_desktop.sandbox.server import SandboxServer
from agent_desktop.services.desktop import Desktop
from agent_desktop.ui.main_window import MainWindow

LOGIN = {"username": "alice", "password": DEMO_PASSWORD}


def test_a_request_sent_before_the_sandbox_serves_is_answered() -> None:
    sandbox = SandboxProcess(auto_calls=False)
    try:
        assert sandbox.base_url.startswith("http://127.0.0.1:")
        # start() not called: the child is still loading FastAPI when this is sent
        with httpx.Client(base_url=sandbox.base_url, timeout=60) as client:
            answer = client.post("/v1/sessions", json=LOGIN)
        assert answer.status_code == 201, answer.text
        assert answer.json()["agent"]["name"] == "Alice Martin"
        sandbox.start(timeout=60)  # its "serving" line came meanwhile
    finally:
        sandbox.stop()


def test_a_sandbox_that_ends_before_serving_leaves_its_port_closed() -> None:
    sandbox = SandboxProcess(auto_calls=False)
    sandbox._child.kill()
    sandbox._child.wait(timeout=30)
    with pytest.raises(httpx.ConnectError):  # refused at once, not a wait in a queue
        httpx.post(sandbox.base_url + "/v1/sessions", json=LOGIN, timeout=10)
    with pytest.raises(RuntimeError, match="did not start"):
        sandbox.start(timeout=30)


def run_sandbox_on_fd(fd: int) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "agent_desktop", "sandbox", "--fd", str(fd)]
    return subprocess.run(
        cmd, pass_fds=(fd,), capture_output=True, text=True, timeout=120, check=False
    )


def test_the_sandbox_says_so_when_its_fd_is_not_a_listening_socket(tmp_path: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as unbound:
        done = run_sandbox_on_fd(unbound.fileno())
    assert done.returncode == 1
    assert "is not a listening TCP socket" in done.stderr
    with (tmp_path / "plain.txt").open("w") as plain:
        done = run_sandbox_on_fd(plain.fileno())
    assert done.returncode == 1
    assert done.stderr.startswith("agent-desktop sandbox: "), done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.asyncio
async def test_the_login_announces_the_agent_once_the_code_lists_are_in(
    sandbox: SandboxServer,
) -> None:
    gateway = GatewayClient(sandbox.base_url)
    desktop = Desktop(gateway, gateway)
    reasons_known: list[int] = []
    desktop.bus.subscribe(
        AgentChanged, lambda _e: reasons_known.append(len(desktop.not_ready_reasons))
    )
    try:
        await desktop.login("alice", DEMO_PASSWORD)
        assert reasons_known and reasons_known[0] > 0, reasons_known
        assert desktop.agent is not None and desktop.agent.name == "Alice Martin"
    finally:
        await desktop.logout()
        await gateway.aclose()


@pytest.mark.asyncio
async def test_a_window_built_before_the_login_answer_takes_out_what_the_role_lacks(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    async with session_as(sandbox, "alice") as (desktop, _control):
        full = desktop.session
        assert full is not None
        desktop.session = None  # as in the demo: the window is built before the answer
        try:
            with advisor_window(desktop, tmp_path) as window:
                assert window.removed_for_role == []
                lacking = {"history", "kb.submit"}
                desktop.session = replace(
                    full, capabilities=tuple(c for c in full.capabilities if c not in lacking)
                )
                window.apply_role()
                assert window.removed_for_role == ["historyDock", "summaryDock", "kb_submit"]
                assert not window.docks["historyDock"].toggleViewAction().isVisible()
                window.apply_role()  # once is enough: nothing more, no error
                assert window.removed_for_role == ["historyDock", "summaryDock", "kb_submit"]
        finally:
            desktop.session = full


@pytest.mark.asyncio
async def test_the_demo_shows_the_advisor_window_it_built_before_the_login_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built_before_login: list[bool] = []
    build = Application._advisor_window

    def spy(self: Application, desktop: Desktop) -> MainWindow:
        built_before_login.append(desktop.session is None)
        return build(self, desktop)

    monkeypatch.setattr(Application, "_advisor_window", spy)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    runner = Application(gui_parser().parse_args(["--demo", "--lang", "en"]), app, "en")
    running = asyncio.ensure_future(runner.run())
    try:
        await until(lambda: runner.window is not None and runner.window.isVisible(), 90)
        window = runner.window
        assert isinstance(window, MainWindow)
        assert built_before_login == [True]  # one window, built before the answer, shown
        assert window.removed_for_role == []
        desktop = runner.desktop
        assert desktop is not None and desktop.session is not None
        reasons = desktop.not_ready_reasons
        assert len(reasons) > 1
        assert window.agent_state.combo.count() == len(reasons) + 1
        assert "Alice Martin" in window.windowTitle()
        assert {"sandbox_ready", "logged_in", "window_shown"} <= set(runner.timings)
        await until(lambda: runner.plugins is not None)
    finally:
        runner._quit.set()
        code = await running
        if runner.window is not None:
            runner.window.close()
            runner.window.deleteLater()
    assert code == 0
