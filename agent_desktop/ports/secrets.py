"""Where passwords live: only the OS keyring, or the session's memory when there is none."""

from __future__ import annotations

from typing import Protocol


class SecretStoreUnavailable(Exception):
    """No OS keyring backend: the caller offers to keep the secret for this session only."""


class SecretStore(Protocol):
    def get(self, service: str, account: str) -> str | None: ...

    def set(self, service: str, account: str, secret: str) -> None: ...

    def delete(self, service: str, account: str) -> None: ...
