"""Roles: the sandbox refuses supervisor endpoints to an advisor's token (403
``forbidden``) while the supervisor gets them; and the real program, asked for a mode the
role does not allow, says so (French and English) over the shell the role allows."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import httpx
import pytest
from e2e_helpers import until
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from agent_desktop.app import Application
from agent_desktop.cli import gui_parser
from agent_desktop.sandbox.server import SandboxServer
from agent_desktop.sandbox.users import DEMO_PASSWORD
from agent_desktop.ui.i18n import install_translator
from agent_desktop.ui.main_window import MainWindow

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


# ---------------------------------------------------------------- the real entry point

REFUSED = {
    "en": "Your role does not give access to the “wallboard” mode. "
    "The “advisor” mode is open instead.",
    "fr": "Votre rôle ne donne pas accès au mode « mur d'écrans ». "
    "Le mode « conseiller » est ouvert à la place.",
}


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
    """`agent-desktop --mode wallboard` logged in as alice: the real composition root, the
    real login dialog, the sandbox's login answer decides."""
    options = gui_parser().parse_args(
        ["--mode", "wallboard", "--gateway", sandbox.base_url, "--user", "alice"]
    )
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    runner = Application(options, app, language)
    running = asyncio.ensure_future(runner.run())
    try:
        await until(lambda: getattr(runner, "_login_dialog", None) is not None)
        dialog = runner._login_dialog
        assert dialog.username.text() == "alice"
        dialog.password.setText(DEMO_PASSWORD)
        dialog.button.click()
        await until(lambda: runner.window is not None)
        window = runner.window
        assert isinstance(window, MainWindow)  # the shell the role allows
        assert window.isVisible()
        box = window.findChild(QMessageBox, "modeRefused")
        assert box is runner.refusal and box.isVisible()
        assert box.text() == REFUSED[language]
        assert box.textFormat() == Qt.TextFormat.PlainText
        assert not box.isModal() or box.windowModality() == Qt.WindowModality.WindowModal
        assert runner.desktop is not None and runner.desktop.session is not None
        assert "wallboard" not in runner.desktop.session.capabilities
        box.accept()
    finally:
        runner._quit.set()
        assert await running == 0
        if runner.window is not None:
            runner.window.close()
            runner.window.deleteLater()
