"""Local knowledge-base indexes (SQLite FTS5)."""

from agent_desktop.adapters.kb_index.fts5 import Fts5Index

__all__ = ["Fts5Index"]
