"""Expert presence from Microsoft Graph (Teams), polled within its limits."""

from agent_desktop.adapters.graph.presence import (
    MAX_IDS_PER_CALL,
    DirectoryEntry,
    GraphPresence,
    presence_from_graph,
)

__all__ = ["MAX_IDS_PER_CALL", "DirectoryEntry", "GraphPresence", "presence_from_graph"]
