"""The ``PresenceSource`` port over XMPP (RFC 6121 presence), for UC servers that speak it.

The advisor's own account logs in; the experts are its roster contacts (a shared roster
group on the server — Prosody's ``mod_groups``, Openfire's shared groups — or
subscriptions). A contact's name comes from the roster, their department from the
roster group, and skills from the optional ``directory`` mapping. XMPP has no "busy" or
"in a call" show value: clients say it in the status text, so a status starting with
"in a call" / "on the phone" maps to ``in_a_call`` and "busy" to ``busy``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

import slixmpp

from agent_desktop.domain.consult import Expert, Presence
from agent_desktop.ports.telephony import GatewayError

log = logging.getLogger(__name__)

SHOW = {
    "": Presence.AVAILABLE,
    "chat": Presence.AVAILABLE,
    "away": Presence.AWAY,
    "xa": Presence.AWAY,
    "dnd": Presence.DO_NOT_DISTURB,
}


def presence_from_xmpp(available: bool, show: str = "", status: str = "") -> Presence:
    """One contact's presence in the desktop's vocabulary."""
    if not available:
        return Presence.OFFLINE
    text = status.strip().casefold()
    if text.startswith(("in a call", "on the phone", "en communication", "en appel")):
        return Presence.IN_A_CALL
    if text.startswith(("busy", "occupé", "occupe")):
        return Presence.BUSY
    return SHOW.get(show, Presence.AVAILABLE)


class XmppPresence:
    """Attributes: jid (the advisor's account), host/port (the server), directory
    (bare JID → (department, skills), optional), platform_ids (bare JID → the expert's id
    on the contact-centre platform, so that a consult placed from the directory reaches
    the right person; without it the JID is the id)."""

    def __init__(
        self,
        jid: str,
        password: str,
        host: str | None = None,
        port: int = 5222,
        *,
        directory: Mapping[str, tuple[str, tuple[str, ...]]] | None = None,
        platform_ids: Mapping[str, str] | None = None,
        require_tls: bool = True,
        timeout: float = 10.0,
    ) -> None:
        self.jid = jid
        self.host = host
        self.port = port
        self.directory = dict(directory or {})
        self.platform_ids = dict(platform_ids or {})
        self.timeout = timeout
        self._password = password
        self._require_tls = require_tls
        self._client: Any = None  # made in connect(), on the running loop
        self._ready = asyncio.Event()
        self._failed: str | None = None
        self._since: dict[str, datetime] = {}
        self._experts: dict[str, Expert] = {}
        self._listeners: list[Callable[[Expert], None]] = []

    def _make_client(self) -> Any:
        client = slixmpp.ClientXMPP(self.jid, self._password)
        if not self._require_tls:  # loopback test servers only
            client.enable_starttls = False
            client.enable_direct_tls = False
            client.enable_plaintext = True
            client.plugin["feature_mechanisms"].unencrypted_plain = True
        client.add_event_handler("session_start", self._session_start)
        client.add_event_handler("failed_auth", self._failed_auth)
        client.add_event_handler("changed_status", self._changed_status)
        client.add_event_handler("roster_update", self._roster_update)
        return client

    # ------------------------------------------------------------ connection

    async def connect(self) -> None:
        if self._ready.is_set() and self._failed is None:
            return
        if self._client is None:
            self._client = self._make_client()
        self._ready.clear()
        self._failed = None
        self._client.connect(self.host, self.port)
        try:
            await asyncio.wait_for(self._ready.wait(), self.timeout)
        except TimeoutError:
            raise GatewayError(
                "unreachable", self._failed or f"no XMPP session with {self.host}:{self.port}"
            ) from None
        if self._failed:
            raise GatewayError("invalid_credentials", self._failed)

    async def close(self) -> None:
        if self._client is not None and self._client.is_connected():
            await self._client.disconnect(wait=1.0)

    async def _session_start(self, _event: Any) -> None:
        await self._client.get_roster()
        self._client.send_presence()
        self._rebuild()
        self._ready.set()

    def _failed_auth(self, _event: Any) -> None:
        self._failed = f"the XMPP server refused the login of {self.jid}"
        self._ready.set()

    def _roster_update(self, _event: Any) -> None:
        self._rebuild()

    def _changed_status(self, presence: Any) -> None:
        bare = presence["from"].bare
        if bare == self._client.boundjid.bare:
            return
        self._since[bare] = datetime.now(UTC)
        expert = self._expert(bare)
        if expert is None:
            return
        self._experts[bare] = expert
        for listener in list(self._listeners):
            listener(expert)

    # ------------------------------------------------------------ directory

    def _rebuild(self) -> None:
        roster = self._client.client_roster
        self._experts = {}
        for bare in roster:
            if bare == self._client.boundjid.bare:
                continue
            expert = self._expert(bare)
            if expert is not None:
                self._experts[bare] = expert

    def _expert(self, bare: str) -> Expert | None:
        roster = self._client.client_roster
        if bare not in roster:
            return None
        item = roster[bare]
        resources = item.resources
        if resources:
            best = max(resources.values(), key=lambda r: r.get("priority", 0))
            presence = presence_from_xmpp(True, best.get("show", ""), best.get("status", ""))
        else:
            presence = Presence.OFFLINE
        groups = list(item["groups"])
        department, skills = self.directory.get(bare, (groups[0] if groups else "", ()))
        return Expert(
            id=self.platform_ids.get(bare, bare),
            name=item["name"] or bare.split("@")[0],
            department=department,
            skills=tuple(skills),
            presence=presence,
            presence_since=self._since.get(bare, datetime.now(UTC)),
            phone=None,
        )

    # ------------------------------------------------------------ PresenceSource

    async def experts(self) -> list[Expert]:
        await self.connect()
        return sorted(self._experts.values(), key=lambda e: e.name)

    def watch(self, on_change: Callable[[Expert], None]) -> Callable[[], None]:
        self._listeners.append(on_change)

        def dispose() -> None:
            if on_change in self._listeners:
                self._listeners.remove(on_change)

        return dispose
