"""Secret stores: the OS keyring (the only persistent place a password may live) and a
session-only memory store for machines without a keyring backend.

We never fall back to a file: ``keyrings.alt`` would keep secrets base64-encoded on disk.
"""

from __future__ import annotations

from typing import Any

from agent_desktop.ports.secrets import SecretStoreUnavailable

SERVICE = "agent-desktop"


def _keyring() -> Any:
    """keyring, imported on first use: most start-ups never read a secret (~50 ms)."""
    import keyring
    import keyring.errors

    return keyring


class KeyringStore:
    """The OS keyring (Secret Service, macOS Keychain, Windows Credential Locker)."""

    def get(self, service: str, account: str) -> str | None:
        keyring = _keyring()
        try:
            return keyring.get_password(service, account)
        except keyring.errors.NoKeyringError as exc:
            raise SecretStoreUnavailable(str(exc)) from None
        except keyring.errors.KeyringError as exc:
            raise SecretStoreUnavailable(type(exc).__name__) from None

    def set(self, service: str, account: str, secret: str) -> None:
        keyring = _keyring()
        try:
            keyring.set_password(service, account, secret)
        except keyring.errors.NoKeyringError as exc:
            raise SecretStoreUnavailable(str(exc)) from None
        except keyring.errors.KeyringError as exc:
            raise SecretStoreUnavailable(type(exc).__name__) from None

    def delete(self, service: str, account: str) -> None:
        keyring = _keyring()
        try:
            keyring.delete_password(service, account)
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as exc:
            raise SecretStoreUnavailable(type(exc).__name__) from None


class SessionStore:
    """Keeps secrets in this process's memory only, forgotten when it exits."""

    def __init__(self) -> None:
        self._secrets: dict[tuple[str, str], str] = {}

    def get(self, service: str, account: str) -> str | None:
        return self._secrets.get((service, account))

    def set(self, service: str, account: str, secret: str) -> None:
        self._secrets[(service, account)] = secret

    def delete(self, service: str, account: str) -> None:
        self._secrets.pop((service, account), None)
