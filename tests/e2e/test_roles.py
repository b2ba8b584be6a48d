"""Roles: the sandbox refuses supervisor endpoints to an advisor's token (403
``forbidden``) while the supervisor gets them; the real program (composition root, login
dialog, the sandbox's login answer) opens the shell the role allows, says so in French and
English when it is not the mode asked for, and each shell hides what the role cannot do."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

import httpx
import pytest
from e2e_helpers import advisor_window, session_as, until
from PySide6.QtCore import QSettings, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDockWidget,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from agent_desktop.app import Application
from agent_desktop.cli import gui_parser
from agent_desktop.plugins_host import PluginState, class_source
from agent_desktop.sandbox.server import SandboxServer
from agent_desktop.sandbox.users import DEMO_PASSWORD
from agent_desktop.services.roles import allowed_modes
from agent_desktop.services.tasks import TaskGroup
from agent_desktop.ui.call_bar import CallBar
from agent_desktop.ui.extended import ExtendedWindow
from agent_desktop.ui.i18n import install_translator
from agent_desktop.ui.main_window import MainWindow
from agent_desktop.ui.plugin_shell import install_plugins
from agent_desktop.ui.wallboard import WallboardWindow
from plugins.conference import ConferencePlugin
from plugins.expert_presence import ExpertPresencePlugin
from plugins.supervised_transfer import SupervisedTransferPlugin

W = TypeVar("W", bound=QWidget)
SUPERVISOR_ONLY = ["/v1/agents", "/v1/wallboard/snapshot", "/v1/wallboard/events"]


def token(client: httpx.Client, user: str) -> dict[str, str]:
    answer = client.post("/v1/sessions", json={"username": user, "password": DEMO_PASSWORD})
    return {"Authorization": f"Bearer {answer.json()['token']}"}


@pytest.mark.parametrize("path", SUPERVISOR_ONLY)
def test_advisors_are_refused_supervisor_endpoints(sandbox: SandboxServer, path: str) -> None:
    with httpx.Client(base_url=sandbox.base_url, timeout=10) as client:
        for advisor in ("alice", "bob", "marc"):
            headers = token(client, advisor)
            answer = client.get(path, headers=headers)
            assert answer.status_code == 403, (advisor, path, answer.status_code)
            assert answer.json()["error"]["code"] == "forbidden"
            client.delete("/v1/sessions/current", headers=headers)


def test_the_supervisor_gets_the_roster(sandbox: SandboxServer) -> None:
    with httpx.Client(base_url=sandbox.base_url, timeout=10) as client:
        headers = token(client, "sophie")
        assert client.get("/v1/agents", headers=headers).status_code == 200
        assert client.get("/v1/wallboard/snapshot", headers=headers).status_code == 200
        client.delete("/v1/sessions/current", headers=headers)


# ---------------------------------------------------------------- the real program

REFUSED = {
    "en": "Your role does not give access to the “wallboard” mode. "
    "The “advisor” mode is open instead.",
    "fr": "Votre rôle ne donne pas accès au mode « mur d'écrans ». "
    "Le mode « conseiller » est ouvert à la place.",
}
# what only a supervisor or an extended agent may see, in the words the shells use
SUPERVISOR_WORDS = ("wallboard", "roster", "mur d'écrans")
EXTENDED_WORDS = ("calls to return", "call back")


@contextlib.asynccontextmanager
async def the_program(
    sandbox: SandboxServer, user: str, mode: str, lang: str = "en"
) -> AsyncIterator[Application]:
    """``agent-desktop --mode MODE --gateway URL --user USER`` in this process: the real
    composition root; the test types the password into the real login dialog."""
    options = gui_parser().parse_args(
        ["--mode", mode, "--gateway", sandbox.base_url, "--user", user]
    )
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    runner = Application(options, app, lang)
    running = asyncio.ensure_future(runner.run())
    try:
        await until(lambda: getattr(runner, "_login_dialog", None) is not None)
        dialog = runner._login_dialog
        assert dialog.username.text() == user
        dialog.password.setText(DEMO_PASSWORD)
        dialog.button.click()
        await until(lambda: runner.window is not None)
        yield runner
    finally:
        if runner.refusal is not None:
            runner.refusal.accept()
        runner._quit.set()
        code = await running
        if runner.window is not None:
            runner.window.close()
            runner.window.deleteLater()
        runner._login_dialog.deleteLater()
    assert code == 0


def shell(runner: Application, kind: type[W], modes: list[str]) -> W:
    """The window shown, of the ``kind`` expected, for a user whose role allows ``modes``
    and who got the mode asked for (no refusal)."""
    assert isinstance(runner.window, kind) and runner.refusal is None
    assert runner.desktop is not None and runner.desktop.session is not None
    assert allowed_modes(runner.desktop.session.capabilities) == modes
    return runner.window


def offered(window: QWidget) -> str:
    """Every action, button, tab and dock the user can reach in ``window``, as one
    lower-case text (hidden ones left out)."""
    words = [a.text() for a in window.findChildren(QAction) if a.isVisible()]
    words += [b.text() for b in window.findChildren(QAbstractButton) if b.isVisibleTo(window)]
    for tabs in window.findChildren(QTabWidget):
        words += [tabs.tabText(i) for i in range(tabs.count())]
    words += [
        d.windowTitle()
        for d in window.findChildren(QDockWidget)
        if d.toggleViewAction().isVisible()
    ]
    return "\n".join(words).lower()


@pytest.fixture(params=["en", "fr"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    app = QApplication.instance() or QApplication([])
    install_translator(app, request.param)
    yield request.param
    for installed in app.findChildren(QTranslator):
        app.removeTranslator(installed)
        installed.deleteLater()
    install_translator(app, "en")


@pytest.mark.asyncio
async def test_an_advisor_asking_for_the_wallboard_is_told_and_gets_the_advisor_shell(
    sandbox: SandboxServer, language: str
) -> None:
    async with the_program(sandbox, "alice", "wallboard", language) as runner:
        window = runner.window
        assert isinstance(window, MainWindow)  # the shell the role allows
        assert window.isVisible()
        box = window.findChild(QMessageBox, "modeRefused")
        assert box is runner.refusal and box.isVisible()
        assert box.text() == REFUSED[language]
        assert box.textFormat() == Qt.TextFormat.PlainText
        assert box.windowModality() != Qt.WindowModality.ApplicationModal
        assert runner.desktop is not None and runner.desktop.session is not None
        assert "wallboard" not in runner.desktop.session.capabilities
        assert not any(word in offered(window) for word in SUPERVISOR_WORDS)


@pytest.mark.asyncio
async def test_the_advisor_shell_of_alice(sandbox: SandboxServer) -> None:
    async with the_program(sandbox, "alice", "advisor") as runner:
        window = shell(runner, MainWindow, ["advisor"])
        words = offered(window)
        assert not any(word in words for word in SUPERVISOR_WORDS + EXTENDED_WORDS), words
        assert window.removed_for_role == []
        for title in ("summary", "history", "knowledge", "plugins"):
            assert title in words
        # her role has ``experts``: consult, transfer and conference are there
        await until(lambda: runner.plugins.records["expert_presence"].state == PluginState.ACTIVE)


@pytest.mark.asyncio
async def test_the_extended_shell_of_marc(sandbox: SandboxServer) -> None:
    async with the_program(sandbox, "marc", "extended") as runner:
        window = shell(runner, ExtendedWindow, ["advisor", "extended"])
        words = offered(window)
        assert "calls to return" in words and "call back" in words
        assert not any(word in words for word in SUPERVISOR_WORDS), words
        assert window.removed_for_role == []


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("user", "mode", "shown"),
    [("marc", "wallboard", MainWindow), ("sophie", "advisor", WallboardWindow)],
)
async def test_a_mode_the_role_refuses_opens_the_allowed_shell(
    sandbox: SandboxServer, user: str, mode: str, shown: type[QWidget]
) -> None:
    async with the_program(sandbox, user, mode) as runner:
        assert isinstance(runner.window, shown)
        assert runner.refusal is not None and runner.refusal.isVisible()
        if user != "sophie":
            assert not any(word in offered(runner.window) for word in SUPERVISOR_WORDS)


@pytest.mark.asyncio
async def test_the_wallboard_of_sophie(sandbox: SandboxServer) -> None:
    async with the_program(sandbox, "sophie", "wallboard") as runner:
        window = shell(runner, WallboardWindow, ["wallboard"])
        tabs = window.findChild(QTabWidget, "wallboardTabs")
        assert tabs is not None and tabs.count() == 2  # the board and the roster
        # the real centre's queues arrive on the feed
        await until(lambda: len(window.state.queues) >= 4)
        # a supervisor takes no calls: no call controls anywhere
        assert window.findChildren(CallBar) == []
        assert not any(word in offered(window) for word in ("answer", "hang up", "call back"))


@pytest.mark.asyncio
async def test_the_advisor_shell_takes_out_what_the_capabilities_lack(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    """Alice's real login answer with ``history``, ``kb.submit`` and ``experts`` taken out:
    no History or Summary dock (nor their View entries), no way to contribute to the KB,
    and the plugins that consult experts stay inactive."""
    async with session_as(sandbox, "alice") as (desktop, _control):
        assert desktop.session is not None
        full = desktop.session
        lacking = {"history", "kb.submit", "experts"}
        desktop.session = replace(
            full, capabilities=tuple(c for c in full.capabilities if c not in lacking)
        )
        try:
            with advisor_window(desktop, tmp_path) as window:
                assert window.removed_for_role == ["historyDock", "summaryDock", "kb_submit"]
                words = offered(window)
                assert "history" not in words and "summary" not in words
                assert "knowledge" in words  # ``kb`` is still there
                assert "contribute" not in words and "new article" not in words
                settings = QSettings(str(tmp_path / "plugins.ini"), QSettings.Format.IniFormat)
                sources = [
                    class_source(cls, "built-in")
                    for cls in (ExpertPresencePlugin, SupervisedTransferPlugin, ConferencePlugin)
                ]
                tasks = TaskGroup()
                host = install_plugins(
                    window, desktop, None, None, settings, tasks, sources=sources
                )
                try:
                    states = {r.id: r.state for r in host.records.values()}
                    assert set(states.values()) == {PluginState.INACTIVE}, states
                finally:
                    host.deactivate_all()
                    await tasks.cancel_all()
        finally:
            desktop.session = full
