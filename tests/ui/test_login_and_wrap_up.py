"""Login dialog messages, retry and keyring handling; the wrap-up panel."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from ui_helpers import moved, offered, ring

from agent_desktop.domain.interaction import Action, InteractionState
from agent_desktop.ports.secrets import SecretStoreUnavailable
from agent_desktop.ports.telephony import GatewayError
from agent_desktop.services.tasks import TaskGroup
from agent_desktop.ui.login_dialog import KEYRING_SERVICE, LoginDialog, keyring_account

URL = "https://gw.example.test"


class MemorySecrets:
    def __init__(self) -> None:
        self.secrets: dict[tuple[str, str], str] = {}

    def get(self, service: str, account: str) -> str | None:
        return self.secrets.get((service, account))

    def set(self, service: str, account: str, secret: str) -> None:
        self.secrets[(service, account)] = secret

    def delete(self, service: str, account: str) -> None:
        self.secrets.pop((service, account), None)


class NoKeyring:
    def get(self, service: str, account: str) -> str | None:
        raise SecretStoreUnavailable("no backend")

    def set(self, service: str, account: str, secret: str) -> None:
        raise SecretStoreUnavailable("no backend")

    def delete(self, service: str, account: str) -> None:
        raise SecretStoreUnavailable("no backend")


class ScriptedLogin:
    """Fails with the given codes in turn, then succeeds; records each attempt."""

    def __init__(self, *codes: str) -> None:
        self.codes = list(codes)
        self.calls: list[tuple[str, str, str]] = []

    async def __call__(self, url: str, user: str, password: str) -> None:
        self.calls.append((url, user, password))
        if self.codes:
            code = self.codes.pop(0)
            raise GatewayError(code, f"server says {code}")


@pytest.fixture
def tasks(qtbot):
    group = TaskGroup()
    yield group
    qtbot.waitUntil(lambda: len(group) == 0)


def make(qtbot, login, secrets, tasks, **kw) -> LoginDialog:
    dialog = LoginDialog(login, secrets, tasks, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill(qtbot, dialog: LoginDialog, password: str = "secret") -> None:
    dialog.url.setText(URL)
    dialog.username.setText("cmartin")
    dialog.password.setText(password)


def test_wrong_password_message_keeps_values(qtbot, tasks) -> None:
    login = ScriptedLogin("invalid_credentials")
    dialog = make(qtbot, login, MemorySecrets(), tasks)
    fill(qtbot, dialog)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert not dialog.url.isEnabled() and dialog.busy.isVisible()  # never frozen: busy
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.error.text() == "Wrong username or password."
    assert not dialog.retry.isVisible()
    assert (dialog.url.text(), dialog.username.text()) == (URL, "cmartin")
    assert dialog.url.isEnabled() and not dialog.busy.isVisible()
    assert login.calls == [(URL, "cmartin", "secret")]


def test_unreachable_offers_retry_that_logs_in(qtbot, tasks) -> None:
    login = ScriptedLogin("unreachable")
    secrets = MemorySecrets()
    dialog = make(qtbot, login, secrets, tasks)
    fill(qtbot, dialog)
    dialog.button.click()
    qtbot.waitUntil(lambda: dialog.retry.isVisible())
    assert dialog.error.text().startswith("Server unreachable: check the address")
    with qtbot.waitSignal(dialog.sig_logged_in) as signal:
        dialog.retry.click()
    assert signal.args == [URL, "cmartin"]
    assert len(login.calls) == 2
    assert secrets.secrets == {}  # "remember" was not ticked


def test_remembered_password_is_stored_then_prefilled(qtbot, tasks) -> None:
    secrets = MemorySecrets()
    dialog = make(qtbot, ScriptedLogin(), secrets, tasks)
    fill(qtbot, dialog, "s3cret")
    dialog.remember.setChecked(True)
    with qtbot.waitSignal(dialog.sig_logged_in):
        dialog.button.click()
    assert secrets.secrets == {(KEYRING_SERVICE, keyring_account(URL, "cmartin")): "s3cret"}
    again = make(qtbot, ScriptedLogin(), secrets, tasks, url=URL, username="cmartin")
    assert again.password.text() == "s3cret"
    assert again.remember.isChecked()


def test_no_keyring_says_session_only(qtbot, tasks) -> None:
    dialog = make(qtbot, ScriptedLogin(), NoKeyring(), tasks, url=URL, username="cmartin")
    assert dialog.keyring_note.isVisible()
    assert "session only" in dialog.keyring_note.text()
    assert not dialog.remember.isEnabled()
    dialog.password.setText("pw")
    with qtbot.waitSignal(dialog.sig_logged_in):
        dialog.button.click()
    assert dialog.session_only
    assert dialog.credentials() == (URL, "cmartin", "pw")


def test_bad_url_is_caught_before_any_call(qtbot, tasks) -> None:
    login = ScriptedLogin()
    dialog = make(qtbot, login, MemorySecrets(), tasks)
    fill(qtbot, dialog)
    dialog.url.setText("gateway")
    dialog.button.click()
    assert dialog.error.text().startswith("Enter the server address")
    assert login.calls == []


# ------------------------------------------------------------------ wrap-up


def test_wrap_up_panel_appears_on_ended_and_ctrl_enter_sends(qtbot, window, desktop, telephony):
    call = offered()
    ring(desktop, telephony, call)
    assert not window.wrap_up.isVisible()
    ended = replace(moved(call, InteractionState.ENDED), wrap_up_code_required=True)
    ring(desktop, telephony, ended)
    panel = window.wrap_up
    assert panel.isVisible()
    codes = [panel.code.itemText(i) for i in range(panel.code.count())]
    assert codes == ["— choose a code —", "Request handled", "Callback needed"]
    qtbot.keyClick(panel.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert panel.hint.text() == "Choose a wrap-up code first."
    assert telephony.commands == []
    panel.code.setCurrentIndex(2)
    qtbot.keyClicks(panel.notes, "Rappel demain 10h")
    panel.fcr.setChecked(True)
    qtbot.keyClick(panel.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not panel.isVisible())
    assert telephony.commands == [
        (
            "i1",
            Action.WRAPUP,
            {
                "code": "callback",
                "notes": "Rappel demain 10h",
                "first_contact_resolution": True,
                "next_state": {"state": "ready", "reason_code": None},
            },
        )
    ]
    assert window.card.pages.currentWidget() is window.card.idle
