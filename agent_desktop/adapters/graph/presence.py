"""The ``PresenceSource`` port over Microsoft Graph's cloud communications API.

``POST {base}/communications/getPresencesByUserId`` with ``{"ids": [...]}`` answers
``{"value": [{"id", "availability", "activity"}, ...]}``. Graph takes at most 650 ids per
call, so the directory is polled in batches; a ``429`` (or ``503``) is retried after the
``Retry-After`` it gives, and polling never runs faster than ``interval`` seconds. Graph
knows only ids: names, departments and skills come from the configured directory. The
OAuth token comes from ``token()`` (acquiring it — MSAL, client credentials — is the
deployment's business, not this adapter's).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

from agent_desktop.domain.consult import Expert, Presence
from agent_desktop.ports.telephony import GatewayError

log = logging.getLogger(__name__)

MAX_IDS_PER_CALL = 650
GRAPH = "https://graph.microsoft.com/v1.0"


@dataclass(frozen=True, slots=True)
class DirectoryEntry:
    """One expert as the deployment knows them; ``id`` is the Azure AD object id."""

    id: str
    name: str
    department: str = ""
    skills: tuple[str, ...] = ()
    phone: str | None = None


def presence_from_graph(availability: str, activity: str = "") -> Presence:
    """Graph's availability/activity pair in the desktop's vocabulary."""
    if activity in ("InACall", "InAConferenceCall"):
        return Presence.IN_A_CALL
    return {
        "Available": Presence.AVAILABLE,
        "AvailableIdle": Presence.AVAILABLE,
        "Busy": Presence.BUSY,
        "BusyIdle": Presence.BUSY,
        "Away": Presence.AWAY,
        "BeRightBack": Presence.AWAY,
        "DoNotDisturb": Presence.DO_NOT_DISTURB,
    }.get(availability, Presence.OFFLINE)  # Offline, PresenceUnknown, anything new


class GraphPresence:
    """Attributes: directory, interval (seconds between two polls), calls (HTTP calls made,
    for figures and tests)."""

    def __init__(
        self,
        token: Callable[[], Awaitable[str]],
        directory: Sequence[DirectoryEntry],
        *,
        base_url: str = GRAPH,
        interval: float = 30.0,
        max_retries: int = 3,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.directory = {e.id: e for e in directory}
        self.interval = interval
        self.max_retries = max_retries
        self.calls = 0
        self._token = token
        self._http = httpx.AsyncClient(
            base_url=base_url.rstrip("/"), timeout=15.0, transport=transport
        )
        self._experts: dict[str, Expert] = {}
        self._listeners: list[Callable[[Expert], None]] = []
        self._task: asyncio.Task[None] | None = None

    async def aclose(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None
        await self._http.aclose()

    # ------------------------------------------------------------ polling

    async def poll(self) -> list[Expert]:
        """Fetch every expert's presence (batches of 650); changed ones are announced."""
        ids = list(self.directory)
        now = datetime.now(UTC)
        for start in range(0, len(ids), MAX_IDS_PER_CALL):
            batch = ids[start : start + MAX_IDS_PER_CALL]
            for item in await self._presences(batch):
                entry = self.directory.get(str(item.get("id", "")))
                if entry is None:
                    continue
                presence = presence_from_graph(
                    str(item.get("availability", "")), str(item.get("activity", ""))
                )
                known = self._experts.get(entry.id)
                if known is not None and known.presence == presence:
                    continue
                expert = Expert(
                    entry.id, entry.name, entry.department, entry.skills, presence, now,
                    entry.phone,
                )  # fmt: skip
                self._experts[entry.id] = expert
                if known is not None:
                    for listener in list(self._listeners):
                        listener(expert)
        return sorted(self._experts.values(), key=lambda e: e.name)

    async def _presences(self, ids: list[str]) -> list[dict[str, object]]:
        for attempt in range(self.max_retries + 1):
            headers = {"Authorization": f"Bearer {await self._token()}"}
            self.calls += 1
            try:
                response = await self._http.post(
                    "/communications/getPresencesByUserId", json={"ids": ids}, headers=headers
                )
            except httpx.HTTPError as exc:
                raise GatewayError("unreachable", f"Microsoft Graph: {exc}") from None
            if response.status_code in (429, 503):
                if attempt == self.max_retries:
                    break
                wait = _retry_after(response.headers.get("Retry-After"), attempt)
                log.info("graph presence throttled: retrying in %.1f s", wait)
                await asyncio.sleep(wait)
                continue
            if response.status_code == 401:
                raise GatewayError("unauthorized", "Microsoft Graph refused the token", 401)
            if response.status_code >= 400:
                raise GatewayError(
                    "http_error",
                    f"Microsoft Graph answered {response.status_code}",
                    response.status_code,
                )
            try:
                value = response.json()["value"]
            except (ValueError, KeyError, TypeError):
                raise GatewayError(
                    "bad_response", "unexpected answer from Microsoft Graph"
                ) from None
            return [v for v in value if isinstance(v, dict)]
        raise GatewayError("throttled", "Microsoft Graph kept throttling the presence requests")

    # ------------------------------------------------------------ PresenceSource

    async def experts(self) -> list[Expert]:
        return await self.poll()

    def watch(self, on_change: Callable[[Expert], None]) -> Callable[[], None]:
        self._listeners.append(on_change)
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run())

        def dispose() -> None:
            if on_change in self._listeners:
                self._listeners.remove(on_change)
            if not self._listeners and self._task is not None:
                self._task.cancel()
                self._task = None

        return dispose

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            try:
                await self.poll()
            except GatewayError as exc:
                log.warning("graph presence poll failed: %s", exc.code)


def _retry_after(header: str | None, attempt: int) -> float:
    try:
        return max(0.0, float(header)) if header is not None else 2.0**attempt
    except ValueError:
        return 2.0**attempt
