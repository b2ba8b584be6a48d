"""The AI provider from the user's settings: ``ai/base_url``, ``ai/model``, ``ai/timeout``
(QSettings or any mapping-like store), the API key in the OS keyring
(service ``agent-desktop-ai``, account = the base URL). No base URL: local summaries only.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

from agent_desktop.adapters.ai.openai_chat import OpenAIChatSummarizer
from agent_desktop.ports.secrets import SecretStore

log = logging.getLogger(__name__)


class Settings(Protocol):
    def value(self, key: str, default: Any = None) -> Any: ...


def remote_from_settings(settings: Settings, secrets: SecretStore) -> OpenAIChatSummarizer | None:
    base_url = str(settings.value("ai/base_url", "") or "").strip()
    if not base_url:
        return None
    model = str(settings.value("ai/model", "") or "gpt-4o-mini").strip()
    try:
        timeout = float(settings.value("ai/timeout", 20.0))
    except (TypeError, ValueError):
        timeout = 20.0
    try:
        return OpenAIChatSummarizer.from_keyring(base_url, model, secrets, timeout)
    except Exception as exc:  # noqa: BLE001 - a broken keyring must not stop the desktop
        log.warning("AI provider not configured (%s): local summaries only", type(exc).__name__)
        return None
