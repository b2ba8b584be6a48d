"""Test-wide set-up: Qt offscreen, an in-memory keyring, isolated user directories.

Every test runs with its own HOME-like directories so nothing touches the real user's
settings, logs or keyring.
"""

from __future__ import annotations

import os
import tempfile

# Before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = tempfile.mkdtemp(prefix="agent-desktop-tests-")
for _var, _sub in (
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_DATA_HOME", "data"),
    ("XDG_CACHE_HOME", "cache"),
    ("XDG_STATE_HOME", "state"),
):
    os.environ[_var] = os.path.join(_HOME, _sub)

import keyring  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402


class MemoryKeyring(KeyringBackend):
    """A real keyring backend that keeps secrets in memory (tests only)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


keyring.set_keyring(MemoryKeyring())


# ---------------------------------------------------------------- the whole run's log
# Every record of our code (DEBUG and up) and every warning of any library goes to one file
# for the whole session; at the end it is scanned for the demo password, every token the
# sandboxes issued and every seeded customer's phone number and e-mail (session_log_scan).
# The sandbox's login and database are wrapped to *record* what they issue and open (they
# run unchanged).
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from session_log_scan import RunLog, customer_contacts, scan  # noqa: E402

from agent_desktop.protocol.schemas import LoginRequest, LoginResponse  # noqa: E402
from agent_desktop.sandbox import center as _center  # noqa: E402
from agent_desktop.sandbox import store as _store  # noqa: E402
from agent_desktop.sandbox.users import DEMO_PASSWORD  # noqa: E402

RUN_LOG = RunLog(Path(_HOME) / "run-log" / "agent-desktop-tests.log")
_real_login = _center.ContactCenter.login
_real_store_init = _store.Store.__init__


def _recording_login(self: _center.ContactCenter, request: LoginRequest) -> LoginResponse:
    response = _real_login(self, request)
    RUN_LOG.tokens.add(response.token)
    return response


def _recording_store_init(self: _store.Store, path: Path, today: date | None = None) -> None:
    RUN_LOG.databases.add(Path(path))
    _real_store_init(self, path, today)


_center.ContactCenter.login = _recording_login  # type: ignore[method-assign]
_store.Store.__init__ = _recording_store_init  # type: ignore[method-assign]


def pytest_sessionstart(session: pytest.Session) -> None:
    RUN_LOG.start()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    RUN_LOG.stop()
    phones, emails = customer_contacts(RUN_LOG.databases)
    text = RUN_LOG.path.read_text("utf-8") if RUN_LOG.path.exists() else ""
    findings = scan(text, DEMO_PASSWORD, RUN_LOG.tokens, phones, emails)
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    looked = ", ".join(f"{n} {what}" for what, n in findings.looked_for.items())
    if findings.clean:
        if reporter is not None:
            reporter.write_line("")
            reporter.write_sep("-", "run log scan")
            reporter.write_line(
                f"log scan: {findings.lines} lines of this run's log ({RUN_LOG.path}) hold "
                f"no secret or customer contact (looked for {looked})"
            )
        return
    leaked = "; ".join(f"{k}: {', '.join(v)}" for k, v in findings.found.items() if v)
    message = f"LOG SCAN FAILED: this run's log ({RUN_LOG.path}) contains {leaked}"
    if reporter is not None:
        reporter.write_line("")
        reporter.write_sep("-", "run log scan", red=True)
        reporter.write_line(message, red=True, bold=True)
    session.exitstatus = pytest.ExitCode.TESTS_FAILED
