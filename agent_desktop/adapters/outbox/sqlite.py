"""The outbox in a local SQLite file (WAL, ``synchronous=FULL``).

An item is committed to disk before anyone tries to send it, so a crash, a SIGKILL or a
power cut after the advisor clicked "Finish" cannot lose it. WAL lets the sender read
while the shell writes drafts; ``synchronous=FULL`` makes each commit durable.
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path
from typing import Any

import platformdirs

from agent_desktop.ports.outbox import ItemState, OutboxItem

SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    owner TEXT NOT NULL,
    kind TEXT NOT NULL,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    body TEXT NOT NULL,
    key TEXT NOT NULL UNIQUE,
    created_at REAL NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL DEFAULT 'pending',
    last_error TEXT,
    done_at REAL
);
CREATE INDEX IF NOT EXISTS items_pending ON items(owner, state, id);
CREATE TABLE IF NOT EXISTS drafts (
    owner TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    updated_at REAL NOT NULL,
    PRIMARY KEY (owner, key)
);
"""


def default_outbox_path() -> Path:
    """``outbox.sqlite3`` in the user's data directory (platformdirs)."""
    return Path(platformdirs.user_data_dir("agent-desktop", appauthor=False)) / "outbox.sqlite3"


class SqliteOutboxStore:
    """Implements :class:`agent_desktop.ports.outbox.OutboxStore` on one SQLite file."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_outbox_path()
        if str(self.path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(self.path), isolation_level=None, timeout=10)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(SCHEMA)

    def close(self) -> None:
        self._db.close()

    @staticmethod
    def _item(row: sqlite3.Row) -> OutboxItem:
        return OutboxItem(
            id=row["id"],
            owner=row["owner"],
            kind=row["kind"],
            method=row["method"],
            path=row["path"],
            body=json.loads(row["body"]),
            key=row["key"],
            created_at=row["created_at"],
            attempts=row["attempts"],
            state=ItemState(row["state"]),
            last_error=row["last_error"],
        )

    def add(
        self, owner: str, kind: str, method: str, path: str, body: dict[str, Any], key: str
    ) -> OutboxItem:
        cur = self._db.execute(
            "INSERT INTO items (owner, kind, method, path, body, key, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (owner, kind, method, path, json.dumps(body, ensure_ascii=False), key, time.time()),
        )
        item = self.get(int(cur.lastrowid or 0))
        assert item is not None
        return item

    def get(self, item_id: int) -> OutboxItem | None:
        row = self._db.execute("SELECT * FROM items WHERE id = ?", (item_id,)).fetchone()
        return self._item(row) if row is not None else None

    def _in_state(self, owner: str, state: ItemState) -> list[OutboxItem]:
        rows = self._db.execute(
            "SELECT * FROM items WHERE owner = ? AND state = ? ORDER BY id", (owner, state.value)
        ).fetchall()
        return [self._item(r) for r in rows]

    def pending(self, owner: str) -> list[OutboxItem]:
        return self._in_state(owner, ItemState.PENDING)

    def failed(self, owner: str) -> list[OutboxItem]:
        return self._in_state(owner, ItemState.FAILED)

    def all_items(self, owner: str | None = None) -> list[OutboxItem]:
        """Every item (for tests and the reliability figures)."""
        if owner is None:
            rows = self._db.execute("SELECT * FROM items ORDER BY id").fetchall()
        else:
            rows = self._db.execute(
                "SELECT * FROM items WHERE owner = ? ORDER BY id", (owner,)
            ).fetchall()
        return [self._item(r) for r in rows]

    def attempted(self, item_id: int, error: str | None) -> None:
        self._db.execute(
            "UPDATE items SET attempts = attempts + 1, last_error = ? WHERE id = ?",
            (error, item_id),
        )

    def mark(self, item_id: int, state: ItemState, error: str | None = None) -> None:
        self._db.execute(
            "UPDATE items SET state = ?, last_error = COALESCE(?, last_error), done_at = ?"
            " WHERE id = ?",
            (state.value, error, time.time(), item_id),
        )

    def counts(self, owner: str) -> dict[ItemState, int]:
        out = dict.fromkeys(ItemState, 0)
        for row in self._db.execute(
            "SELECT state, COUNT(*) AS n FROM items WHERE owner = ? GROUP BY state", (owner,)
        ):
            out[ItemState(row["state"])] = row["n"]
        return out

    def save_draft(self, owner: str, key: str, value: dict[str, Any]) -> None:
        self._db.execute(
            "INSERT INTO drafts (owner, key, value, updated_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(owner, key) DO UPDATE SET value = excluded.value,"
            " updated_at = excluded.updated_at",
            (owner, key, json.dumps(value, ensure_ascii=False), time.time()),
        )

    def draft(self, owner: str, key: str) -> dict[str, Any] | None:
        row = self._db.execute(
            "SELECT value FROM drafts WHERE owner = ? AND key = ?", (owner, key)
        ).fetchone()
        return json.loads(row["value"]) if row is not None else None

    def drafts(self, owner: str) -> dict[str, dict[str, Any]]:
        rows = self._db.execute(
            "SELECT key, value FROM drafts WHERE owner = ? ORDER BY updated_at", (owner,)
        ).fetchall()
        return {r["key"]: json.loads(r["value"]) for r in rows}

    def delete_draft(self, owner: str, key: str) -> None:
        self._db.execute("DELETE FROM drafts WHERE owner = ? AND key = ?", (owner, key))
