"""Expert presence from an XMPP (unified-communications) server, with slixmpp."""

from agent_desktop.adapters.xmpp.presence import XmppPresence, presence_from_xmpp

__all__ = ["XmppPresence", "presence_from_xmpp"]
