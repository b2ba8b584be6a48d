"""Login: gateway address, username, password, and whether to keep it in the OS keyring.

The login call is awaited on the event loop while the form is disabled and a busy bar
moves, so the window never freezes. Each failure gets a plain, translated sentence and
the typed values stay. Passwords go to the OS keyring only; without one the dialog says
so and keeps the password for this session only (in memory, nowhere else).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from agent_desktop.ports.secrets import SecretStore, SecretStoreUnavailable
from agent_desktop.ports.telephony import GatewayError
from agent_desktop.services.tasks import TaskGroup
from agent_desktop.ui.text import plain_label

LoginCall = Callable[[str, str, str], Awaitable[None]]
KEYRING_SERVICE = "agent-desktop"
# Codes where trying again unchanged may work (network trouble), so a Retry button helps.
RETRYABLE = frozenset({"unreachable", "timeout", "server_error", "bad_response"})


def keyring_account(url: str, username: str) -> str:
    return f"{username}@{url.rstrip('/')}"


def error_text(code: str) -> str:
    """The sentence the advisor reads for a login failure code."""
    texts = {
        "invalid_credentials": QCoreApplication.translate(
            "LoginDialog", "Wrong username or password."
        ),
        "unreachable": QCoreApplication.translate(
            "LoginDialog",
            "Server unreachable: check the address and your network connection, then retry.",
        ),
        "timeout": QCoreApplication.translate(
            "LoginDialog", "The server did not answer in time. Retry in a moment."
        ),
        "forbidden": QCoreApplication.translate(
            "LoginDialog", "This account is not allowed to use the agent desktop."
        ),
        "bad_response": QCoreApplication.translate(
            "LoginDialog",
            "The server's answer was not understood: check that the address is the "
            "contact centre's gateway.",
        ),
        "tls_error": QCoreApplication.translate(
            "LoginDialog",
            "The server's certificate could not be verified: the connection was refused "
            "for your safety. Contact your IT support.",
        ),
        "server_error": QCoreApplication.translate(
            "LoginDialog", "The server had a problem. Retry in a moment."
        ),
    }
    if code in texts:
        return texts[code]
    return QCoreApplication.translate(
        "LoginDialog", "Login failed (%1). Retry, or contact your supervisor."
    ).replace("%1", code)


def valid_url(url: str) -> bool:
    parts = urlsplit(url.strip())
    return parts.scheme in ("http", "https") and bool(parts.hostname)


class LoginDialog(QDialog):
    """The login form.

    Attributes:
        url, username, password: the fields (their text is kept after a failure).
        remember: "Remember my password in the system keyring".
        error: the failure sentence; retry: shown for network failures.
        keyring_note: shown when no keyring exists (session-only password).
        busy: the moving bar while the login is awaited.
        session_only: True when the password could not be stored in a keyring.

    Signals:
        sig_logged_in(str, str): (gateway url, username) after a successful login.
    """

    sig_logged_in = Signal(str, str)

    def __init__(
        self,
        login: LoginCall,
        secrets: SecretStore,
        tasks: TaskGroup,
        url: str = "",
        username: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Agent Desktop — Log in"))
        self._login = login
        self._secrets = secrets
        self._tasks = tasks
        self._running = False
        self.session_only = False

        self.url = QLineEdit(url, self)
        self.url.setObjectName("loginUrl")
        self.url.setPlaceholderText("https://gateway.example.com")
        self.username = QLineEdit(username, self)
        self.username.setObjectName("loginUser")
        self.password = QLineEdit(self)
        self.password.setObjectName("loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember my password in the system keyring"), self)
        self.remember.setObjectName("loginRemember")
        form = QFormLayout()
        form.addRow(self.tr("Server address"), self.url)
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.remember)

        self.keyring_note = plain_label(
            self.tr(
                "No system keyring is available on this computer: your password will be "
                "kept for this session only and never written to disk."
            ),
            self,
            "loginKeyring",
        )
        self.keyring_note.setWordWrap(True)
        self.keyring_note.hide()
        self.error = plain_label("", self, "loginError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.busy = QProgressBar(self)
        self.busy.setObjectName("loginBusy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        self.busy.hide()

        self.retry = QPushButton(self.tr("Retry"), self)
        self.retry.setObjectName("loginRetry")
        self.retry.hide()
        self.retry.clicked.connect(self.submit)
        self.cancel = QPushButton(self.tr("Quit"), self)
        self.cancel.clicked.connect(self.reject)
        self.button = QPushButton(self.tr("Log in"), self)
        self.button.setObjectName("loginButton")
        self.button.setDefault(True)
        self.button.clicked.connect(self.submit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.button)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(form)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addLayout(buttons)
        self.setMinimumWidth(460)

        self.username.editingFinished.connect(self._prefill)
        self.url.editingFinished.connect(self._prefill)
        self._prefill()
        first_empty = next((f for f in (self.url, self.username) if not f.text()), self.password)
        first_empty.setFocus()

    # ------------------------------------------------------------ keyring

    def _prefill(self) -> None:
        url, user = self.url.text().strip(), self.username.text().strip()
        if not url or not user or self.password.text():
            return
        try:
            stored = self._secrets.get(KEYRING_SERVICE, keyring_account(url, user))
        except SecretStoreUnavailable:
            self._no_keyring()
            return
        if stored:
            self.password.setText(stored)
            self.remember.setChecked(True)

    def _no_keyring(self) -> None:
        self.session_only = True
        self.remember.setChecked(False)
        self.remember.setEnabled(False)
        self.keyring_note.show()

    def _store(self, url: str, user: str, password: str) -> None:
        account = keyring_account(url, user)
        try:
            if self.remember.isChecked():
                self._secrets.set(KEYRING_SERVICE, account, password)
            elif not self.session_only:
                self._secrets.delete(KEYRING_SERVICE, account)
        except SecretStoreUnavailable:
            self._no_keyring()

    # ------------------------------------------------------------ login

    def credentials(self) -> tuple[str, str, str]:
        """(url, username, password) as typed; the password is never stored elsewhere."""
        return self.url.text().strip(), self.username.text().strip(), self.password.text()

    def submit(self) -> None:
        if self._running:
            return
        url, user, password = self.credentials()
        if not valid_url(url):
            self._show_error(self.tr("Enter the server address, e.g. https://gateway.example.com"))
            self.url.setFocus()
            return
        if not user or not password:
            self._show_error(self.tr("Enter your username and password."))
            (self.username if not user else self.password).setFocus()
            return
        self._set_busy(True)
        self._tasks.spawn(self._run(url, user, password), name="login")

    async def _run(self, url: str, user: str, password: str) -> None:
        try:
            await self._login(url, user, password)
        except GatewayError as exc:
            if isValid(self):
                self._set_busy(False)
                self._show_error(error_text(exc.code), retry=exc.code in RETRYABLE)
                field = self.password if exc.code == "invalid_credentials" else self.url
                field.setFocus()
                if exc.code == "invalid_credentials":
                    self.password.selectAll()
            return
        except BaseException:
            if isValid(self):
                self._set_busy(False)
                self._show_error(error_text("unexpected"), retry=True)
            raise
        if not isValid(self):
            return
        self._set_busy(False)
        self._store(url, user, password)
        self.sig_logged_in.emit(url, user)
        self.accept()

    def _set_busy(self, busy: bool) -> None:
        self._running = busy
        for widget in (self.url, self.username, self.password, self.button, self.retry):
            widget.setEnabled(not busy)
        self.remember.setEnabled(not busy and not self.session_only)
        self.busy.setVisible(busy)
        self.button.setText(self.tr("Connecting…") if busy else self.tr("Log in"))
        if busy:
            self.error.hide()
            self.retry.hide()

    def _show_error(self, text: str, retry: bool = False) -> None:
        self.error.setText(text)
        self.error.show()
        self.retry.setVisible(retry)
