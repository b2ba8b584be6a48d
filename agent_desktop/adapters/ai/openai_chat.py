"""An OpenAI-compatible chat-completions provider, streamed (Server-Sent Events).

``POST {base_url}/chat/completions`` with ``"stream": true``; each SSE ``data:`` line is a
``chat.completion.chunk`` whose ``choices[0].delta.content`` is the next piece of text,
and ``data: [DONE]`` ends the stream. Works with OpenAI, Azure-style gateways, vLLM,
llama.cpp's server, Ollama's ``/v1``… The API key comes from the OS keyring and is never
logged. Only redacted text is ever sent (the summary service redacts first).
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncGenerator
from contextlib import aclosing
from typing import Any

import httpx
from httpx_sse import SSEError, aconnect_sse

from agent_desktop.ports.secrets import SecretStore
from agent_desktop.ports.summarizer import Prompt, SummarizerError

log = logging.getLogger(__name__)

KEYRING_SERVICE = "agent-desktop-ai"


class OpenAIChatSummarizer:
    """Streams a summary from an OpenAI-compatible endpoint.

    Attributes:
        name: ``model @ host`` (shown to the advisor).
        timeout: seconds allowed without a byte from the provider.
    """

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str | None = None,
        timeout: float = 20.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.timeout = timeout
        self._api_key = api_key
        self._transport = transport
        self.name = f"{model} @ {httpx.URL(self.base_url).host}"

    @classmethod
    def from_keyring(
        cls, base_url: str, model: str, secrets: SecretStore, timeout: float = 20.0
    ) -> OpenAIChatSummarizer:
        return cls(base_url, model, secrets.get(KEYRING_SERVICE, base_url), timeout)

    async def stream(self, prompt: Prompt) -> AsyncGenerator[str, None]:
        body: dict[str, Any] = {
            "model": self.model,
            "stream": True,
            "temperature": 0.2,
            "messages": [
                {"role": "system", "content": prompt.system},
                {"role": "user", "content": prompt.user},
            ],
        }
        headers = {"Accept": "text/event-stream"}
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        timeout = httpx.Timeout(self.timeout, connect=min(self.timeout, 5.0))
        try:
            async with (
                httpx.AsyncClient(timeout=timeout, transport=self._transport) as client,
                aconnect_sse(
                    client,
                    "POST",
                    f"{self.base_url}/chat/completions",
                    json=body,
                    headers=headers,
                ) as source,
            ):
                if source.response.status_code >= 400:
                    await source.response.aread()
                    raise SummarizerError(_error_text(source.response))
                # Read to the end of the body even after [DONE] (servers close right
                # after it): leaving httpx's byte iterators half-read leaves them to the
                # garbage collector, which may finalise them outside any event loop.
                done = False
                async with aclosing(source.aiter_sse()) as events:
                    async for sse in events:
                        if done or not sse.data:
                            continue
                        if sse.data.strip() == "[DONE]":
                            done = True
                            continue
                        piece = _delta(sse.data)
                        if piece:
                            yield piece
        except httpx.TimeoutException:
            raise SummarizerError("the AI provider did not answer in time") from None
        except (httpx.HTTPError, SSEError) as exc:
            raise SummarizerError(
                f"the AI provider is unreachable ({type(exc).__name__})"
            ) from None


def _delta(data: str) -> str:
    try:
        chunk = json.loads(data)
        if "error" in chunk:
            raise SummarizerError(f"the AI provider failed: {chunk['error']}")
        choices = chunk.get("choices") or []
        if not choices:
            return ""
        return str((choices[0].get("delta") or {}).get("content") or "")
    except (ValueError, AttributeError, TypeError) as exc:
        raise SummarizerError(f"unexpected answer from the AI provider: {exc}") from None


def _error_text(response: httpx.Response) -> str:
    try:
        detail = response.json()["error"]["message"]
    except (ValueError, KeyError, TypeError):
        detail = ""
    return f"the AI provider answered HTTP {response.status_code} {detail}".strip()
