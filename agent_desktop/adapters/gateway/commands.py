"""Sends one stored write (an outbox item) with its own ``Idempotency-Key``.

It reuses the gateway client's ``httpx.AsyncClient`` (same base URL, same TLS settings)
and its current token. The answer is read as a
stream and refused beyond ``max_response_bytes``: a hostile or broken server cannot make
the desktop buffer an unbounded body.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import httpx

from agent_desktop.ports.telephony import GatewayError

if TYPE_CHECKING:
    from agent_desktop.adapters.gateway.client import GatewayClient

MAX_RESPONSE_BYTES = 4 * 1_048_576  # the largest legitimate answer is far smaller


async def send_command(
    gateway: GatewayClient,
    http: httpx.AsyncClient,
    method: str,
    path: str,
    body: dict[str, Any],
    idempotency_key: str,
    max_response_bytes: int = MAX_RESPONSE_BYTES,
) -> dict[str, Any]:
    """``GatewayClient.send_command``: see the module docstring."""
    from agent_desktop.adapters.gateway.client import _error_from, _transport_error  # no cycle

    headers = {"Accept": "application/json", "Idempotency-Key": idempotency_key}
    if gateway.token:
        headers["Authorization"] = f"Bearer {gateway.token}"
    try:
        async with http.stream(method, path, json=body, headers=headers) as response:
            try:
                content = await read_capped(response, max_response_bytes)
            except GatewayError:
                if response.status_code < 400:
                    return {}  # applied; only the (oversized) answer is ignored
                raise
    except httpx.TimeoutException:
        raise GatewayError("timeout", f"the gateway did not answer in time ({method})") from None
    except httpx.HTTPError as exc:
        raise _transport_error(exc, gateway.base_url) from None
    if response.status_code >= 400:
        raise _error_from(httpx.Response(response.status_code, content=content))
    try:
        answer = json.loads(content) if content else {}
    except ValueError:
        answer = {}
    return answer if isinstance(answer, dict) else {}


async def read_capped(response: httpx.Response, limit: int) -> bytes:
    """The body, or :class:`GatewayError` ``response_too_large`` once ``limit`` is passed
    (announced by Content-Length or counted while reading) — never buffered whole."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise GatewayError(
            "response_too_large", f"the answer is larger than {limit} bytes", response.status_code
        )
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > limit:
            raise GatewayError(
                "response_too_large",
                f"the answer is larger than {limit} bytes",
                response.status_code,
            )
        chunks.append(chunk)
    return b"".join(chunks)
