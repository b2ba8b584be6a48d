"""The supervisor's wallboard shell: the queue board and the agent roster."""

from agent_desktop.ui.wallboard.window import WallboardWindow

__all__ = ["WallboardWindow"]
