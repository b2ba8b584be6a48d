"""Expert presence over XMPP against a real Prosody started on 127.0.0.1 by the test."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Iterator
from dataclasses import replace

import pytest
import slixmpp
from xmpp_helpers import PASSWORD, Prosody, prosody_server

from agent_desktop.adapters.xmpp import XmppPresence, presence_from_xmpp
from agent_desktop.domain.consult import Expert, Presence
from agent_desktop.domain.events import ExpertPresenceChanged
from agent_desktop.ports.telephony import GatewayError
from agent_desktop.services.event_bus import EventBus
from agent_desktop.services.presence import PresenceService

pytestmark = pytest.mark.skipif(
    shutil.which("prosody") is None, reason="needs Debian's prosody package (CI installs it)"
)


@pytest.fixture(scope="module")
def prosody(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Prosody]:
    with prosody_server(tmp_path_factory.mktemp("prosody")) as server:
        yield server


def plain_client(jid: str, password: str = PASSWORD) -> slixmpp.ClientXMPP:
    client = slixmpp.ClientXMPP(jid, password)
    client.enable_starttls = False
    client.enable_direct_tls = False
    client.enable_plaintext = True
    client.plugin["feature_mechanisms"].unencrypted_plain = True
    return client


async def online(client: slixmpp.ClientXMPP, port: int) -> None:
    started = asyncio.get_running_loop().create_future()
    client.add_event_handler("session_start", lambda _e: started.done() or started.set_result(1))
    client.connect("127.0.0.1", port)
    await asyncio.wait_for(started, 10)


async def next_change(changes: asyncio.Queue[Expert], jid: str, presence: Presence) -> Expert:
    while True:
        expert = await asyncio.wait_for(changes.get(), 10)
        if expert.id == jid and expert.presence == presence:
            return expert


def test_xmpp_show_and_status_map_to_the_desktop_vocabulary() -> None:
    assert presence_from_xmpp(False) == Presence.OFFLINE
    assert presence_from_xmpp(True) == Presence.AVAILABLE
    assert presence_from_xmpp(True, "chat") == Presence.AVAILABLE
    assert presence_from_xmpp(True, "away") == Presence.AWAY
    assert presence_from_xmpp(True, "xa") == Presence.AWAY
    assert presence_from_xmpp(True, "dnd") == Presence.DO_NOT_DISTURB
    assert presence_from_xmpp(True, "dnd", "In a call") == Presence.IN_A_CALL
    assert presence_from_xmpp(True, "", "Busy with a file") == Presence.BUSY


@pytest.mark.asyncio
async def test_directory_and_live_presence_from_prosody(prosody: Prosody) -> None:
    marie = plain_client(prosody.jid("marie"))
    await online(marie, prosody.port)
    source = XmppPresence(
        prosody.jid("alice"),
        PASSWORD,
        "127.0.0.1",
        prosody.port,
        directory={prosody.jid("marie"): ("Cartes", ("fraude", "cartes"))},
        platform_ids={prosody.jid("marie"): "exp-02"},
        require_tls=False,
    )
    bus = EventBus()
    service = PresenceService(source, bus, stream_is_source=False)
    changes: asyncio.Queue[Expert] = asyncio.Queue()
    bus.subscribe(ExpertPresenceChanged, lambda e: changes.put_nowait(e.expert))
    try:
        experts = {e.id: e for e in await service.refresh()}
        # marie is known to the platform as exp-02 (consults reach her); paul by his JID
        assert set(experts) == {"exp-02", prosody.jid("paul")}
        assert experts["exp-02"].name == "Marie Dupont"
        assert experts["exp-02"].department == "Cartes"
        assert experts["exp-02"].skills == ("fraude", "cartes")
        assert experts[prosody.jid("paul")].department == "Back office"  # the roster group
        assert experts[prosody.jid("paul")].presence == Presence.OFFLINE
        # marie's presence reaches the advisor once she announces it
        marie.send_presence()
        await next_change(changes, "exp-02", Presence.AVAILABLE)
        marie.send_presence(pshow="dnd")
        await next_change(changes, "exp-02", Presence.DO_NOT_DISTURB)
        marie.send_presence(pshow="dnd", pstatus="In a call")
        expert = await next_change(changes, "exp-02", Presence.IN_A_CALL)
        assert service.experts[expert.id].presence == Presence.IN_A_CALL
        # the platform's own presence event for the same expert does not override XMPP
        bus.publish(ExpertPresenceChanged(replace(expert, presence=Presence.AVAILABLE)))
        assert service.experts["exp-02"].presence == Presence.IN_A_CALL
        # paul logs in and out
        paul = plain_client(prosody.jid("paul"))
        await online(paul, prosody.port)
        paul.send_presence(pshow="away")
        await next_change(changes, prosody.jid("paul"), Presence.AWAY)
        await paul.disconnect(wait=1.0)
        await next_change(changes, prosody.jid("paul"), Presence.OFFLINE)
    finally:
        service.close()
        await source.close()
        await marie.disconnect(wait=1.0)


@pytest.mark.asyncio
async def test_a_wrong_password_is_a_clear_error(prosody: Prosody) -> None:
    source = XmppPresence(
        prosody.jid("alice"), "wrong", "127.0.0.1", prosody.port, require_tls=False, timeout=5
    )
    try:
        with pytest.raises(GatewayError) as refused:
            await source.experts()
        assert refused.value.code == "invalid_credentials"
    finally:
        await source.close()


@pytest.mark.asyncio
async def test_settings_choose_xmpp_only_when_complete() -> None:
    # async: slixmpp binds its client to the running loop (a sync test would leave an
    # event loop of its own behind, unclosed)
    from agent_desktop.adapters.secrets import SessionStore
    from agent_desktop.adapters.xmpp.config import KEYRING_SERVICE, xmpp_from_settings
    from agent_desktop.plugins_host.host import MemorySettings

    secrets = SessionStore()
    assert xmpp_from_settings(MemorySettings(), secrets) is None  # gateway by default
    wanted = MemorySettings(
        {
            "presence/source": "xmpp",
            "presence/xmpp_jid": "alice@uc.test",
            "presence/xmpp_server": "127.0.0.1:5333",
            "presence/xmpp_ids": "marie@uc.test=exp-02; bad-pair",
        }
    )
    assert xmpp_from_settings(wanted, secrets) is None  # no password in the keyring
    secrets.set(KEYRING_SERVICE, "alice@uc.test", "s3cret")
    source = xmpp_from_settings(wanted, secrets)
    assert isinstance(source, XmppPresence)
    assert (source.jid, source.host, source.port) == ("alice@uc.test", "127.0.0.1", 5333)
    assert source.platform_ids == {"marie@uc.test": "exp-02"}
    await source.close()
