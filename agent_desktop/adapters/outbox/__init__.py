"""The durable outbox's SQLite store."""

from agent_desktop.adapters.outbox.sqlite import SqliteOutboxStore, default_outbox_path

__all__ = ["SqliteOutboxStore", "default_outbox_path"]
