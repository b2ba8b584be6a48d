"""Expert presence from an XMPP (unified-communications) server, with slixmpp.

slixmpp is imported on first use only: the desktop reads ``adapters.xmpp.config`` at
every start-up, and most installations never configure XMPP (~0.1 s saved).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from agent_desktop.adapters.xmpp.presence import XmppPresence, presence_from_xmpp

__all__ = ["XmppPresence", "presence_from_xmpp"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from agent_desktop.adapters.xmpp import presence

        return getattr(presence, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
