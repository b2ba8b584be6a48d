"""The extended-agent shell (back-office staff serving the contact centre part-time)."""

from agent_desktop.ui.extended.window import ExtendedWindow

__all__ = ["ExtendedWindow"]
