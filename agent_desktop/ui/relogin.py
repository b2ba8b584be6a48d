"""The re-login prompt: when the session expires the window stays as it is (calls, the
wrap-up being typed, the outbox) and this asks only for the password again."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from agent_desktop.domain.events import ConnectionChanged, Link
from agent_desktop.ports.telephony import GatewayError
from agent_desktop.ui.bridge import DesktopBridge
from agent_desktop.ui.text import plain_label


class ReloginPrompt(QDialog):
    """Shown when the stream says the session is over (link ``offline``).

    Attributes:
        password: the password field (never stored by this dialog).
        message: what happened, in plain words; errors of the attempt go here too.
    """

    def __init__(self, bridge: DesktopBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reloginPrompt")
        self.setWindowTitle(self.tr("Session expired"))
        self._bridge = bridge
        self.message = plain_label(
            self.tr(
                "Your session has expired. Enter your password to carry on: your calls, "
                "notes and unsent wrap-ups are kept."
            ),
            self,
            "reloginMessage",
        )
        self.message.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setObjectName("reloginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(
            self.tr("Log in again"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Later"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.hide)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.password)
        layout.addWidget(self.buttons)
        bridge.sig_link_changed.connect(self._on_link)

    def _on_link(self, event: ConnectionChanged) -> None:
        if event.link == Link.OFFLINE and not self.isVisible():
            self.password.clear()
            self.ok.setEnabled(True)
            self.show()
            self.password.setFocus()
        elif event.link == Link.ONLINE and self.isVisible():
            self.hide()

    def submit(self) -> None:
        password = self.password.text()
        if not password:
            return
        self.ok.setEnabled(False)
        self._bridge.desktop.tasks.spawn(self._relogin(password), name="relogin")

    async def _relogin(self, password: str) -> None:
        try:
            await self._bridge.desktop.relogin(password)
        except GatewayError as exc:
            if isValid(self):
                self.ok.setEnabled(True)
                self.message.setText(self.tr("Not logged in: %1").replace("%1", exc.message))
            return
        if isValid(self):
            self.password.clear()
            self.hide()
