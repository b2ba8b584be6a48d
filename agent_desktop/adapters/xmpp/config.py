"""Choose the expert-presence source from the user's settings.

    [presence]
    source=xmpp                  ; "gateway" (default) or "xmpp"
    xmpp_jid=alice@uc.example
    xmpp_server=uc.example:5222  ; optional (default: the JID's domain, port 5222)
    xmpp_ids=marie@uc.example=exp-02; paul@uc.example=exp-05   ; JID → platform expert id

The XMPP password lives in the OS keyring (service ``agent-desktop-xmpp``, account = the
JID), never in the settings file.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

from agent_desktop.ports.secrets import SecretStore, SecretStoreUnavailable

log = logging.getLogger(__name__)

KEYRING_SERVICE = "agent-desktop-xmpp"


class Settings(Protocol):
    def value(self, key: str, defaultValue: Any = None) -> Any: ...


def xmpp_from_settings(settings: Settings, secrets: SecretStore) -> Any | None:
    """An :class:`XmppPresence` when the settings ask for XMPP and are complete, else None
    (the caller keeps the gateway); every reason for None is logged."""
    if str(settings.value("presence/source", "gateway")).lower() != "xmpp":
        return None
    jid = str(settings.value("presence/xmpp_jid", "") or "")
    if "@" not in jid:
        log.warning("presence: source=xmpp needs presence/xmpp_jid (user@domain); using gateway")
        return None
    try:
        password = secrets.get(KEYRING_SERVICE, jid)
    except SecretStoreUnavailable:
        password = None
    if not password:
        log.warning("presence: no XMPP password for %s in the keyring; using gateway", jid)
        return None
    server = str(settings.value("presence/xmpp_server", "") or "")
    host, _, port = server.partition(":")
    from agent_desktop.adapters.xmpp.presence import XmppPresence

    ids = {}
    for pair in str(settings.value("presence/xmpp_ids", "") or "").split(";"):
        contact, _, expert_id = pair.strip().partition("=")
        if contact and expert_id:
            ids[contact.strip()] = expert_id.strip()
    return XmppPresence(jid, password, host or None, int(port or 5222), platform_ids=ids)
