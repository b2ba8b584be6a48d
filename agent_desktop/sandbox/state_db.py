"""What the sandbox must not forget, even across a restart of its process: the wrap-ups it
stored and the answers it gave to idempotent commands.

One SQLite file (WAL, ``synchronous=FULL``) given by ``--state-file`` / ``SandboxConfig.
state_path``; without one it lives in memory for the life of the ``SandboxServer`` (kept
over an in-process restart by ``kept.py``). A wrap-up applied just before the process died
and sent again afterwards with the same ``Idempotency-Key`` is answered from here, so it is
stored once. The generated customer database stays read-only: this file is separate.

Used only from the server's event loop thread.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS wrap_ups (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    interaction_id TEXT NOT NULL,
    agent TEXT NOT NULL,
    source TEXT NOT NULL,          -- 'agent' (sent by the desktop) or 'acw_limit' (automatic)
    late INTEGER NOT NULL DEFAULT 0,  -- an agent's wrap-up received after the ACW limit closed it
    code TEXT,
    body TEXT NOT NULL,            -- the WrapUpRequest as received (JSON)
    at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS wrap_ups_interaction ON wrap_ups (interaction_id);
CREATE TABLE IF NOT EXISTS idempotency (
    username TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,     -- method and path of the first request
    status INTEGER NOT NULL,
    headers TEXT NOT NULL,         -- JSON list of [name, value] (latin-1)
    body BLOB NOT NULL,
    created REAL NOT NULL,
    PRIMARY KEY (username, key)
);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
"""


@dataclass(frozen=True, slots=True)
class StoredResponse:
    fingerprint: str
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


class StateDb:
    """The sandbox's own durable state (see the module docstring)."""

    def __init__(self, path: Path | None = None, ttl_seconds: float = 24 * 3600) -> None:
        self.path = path
        self.ttl = ttl_seconds
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(
            str(path) if path is not None else ":memory:", check_same_thread=False
        )
        if path is not None:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(SCHEMA)
        self._db.commit()

    def close(self) -> None:
        self._db.close()

    # ------------------------------------------------------------ wrap-ups

    def record_wrap_up(
        self,
        interaction_id: str,
        agent: str,
        source: str,
        body: dict[str, Any],
        *,
        late: bool = False,
    ) -> None:
        with self._db:
            self._db.execute(
                "INSERT INTO wrap_ups (interaction_id, agent, source, late, code, body, at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    interaction_id,
                    agent,
                    source,
                    int(late),
                    body.get("code"),
                    json.dumps(body, ensure_ascii=False),
                    time.time(),
                ),
            )

    def wrap_ups(self, source: str | None = "agent") -> list[dict[str, Any]]:
        """Every wrap-up stored, in order; ``source=None`` for the automatic ones too."""
        sql = "SELECT interaction_id, agent, source, late, code, body FROM wrap_ups"
        params: tuple[Any, ...] = ()
        if source is not None:
            sql += " WHERE source = ?"
            params = (source,)
        out = []
        for interaction_id, agent, src, late, code, body in self._db.execute(
            sql + " ORDER BY seq", params
        ):
            data = json.loads(body)
            follow_up = data.get("follow_up") or None
            out.append(
                {
                    "interaction_id": interaction_id,
                    "agent": agent,
                    "source": src,
                    "late": bool(late),
                    "code": code,
                    "notes": data.get("notes", ""),
                    "follow_up": follow_up.get("kind") if isinstance(follow_up, dict) else None,
                }
            )
        return out

    # ------------------------------------------------------------ idempotency

    def response(self, username: str, key: str) -> StoredResponse | None:
        row = self._db.execute(
            "SELECT fingerprint, status, headers, body, created FROM idempotency"
            " WHERE username = ? AND key = ?",
            (username, key),
        ).fetchone()
        if row is None:
            return None
        fingerprint, status, headers, body, created = row
        if created < time.time() - self.ttl:
            return None
        pairs = [(n.encode("latin-1"), v.encode("latin-1")) for n, v in json.loads(headers)]
        return StoredResponse(fingerprint, int(status), pairs, bytes(body))

    def keep_response(
        self,
        username: str,
        key: str,
        fingerprint: str,
        status: int,
        headers: list[tuple[bytes, bytes]],
        body: bytes,
    ) -> None:
        pairs = [[n.decode("latin-1"), v.decode("latin-1")] for n, v in headers]
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO idempotency VALUES (?, ?, ?, ?, ?, ?, ?)",
                (username, key, fingerprint, status, json.dumps(pairs), body, time.time()),
            )
            self._db.execute("DELETE FROM idempotency WHERE created < ?", (time.time() - self.ttl,))

    def count_replay(self) -> None:
        with self._db:
            self._db.execute(
                "INSERT INTO counters VALUES ('replays', 1)"
                " ON CONFLICT (name) DO UPDATE SET value = value + 1"
            )

    def replays(self) -> int:
        row = self._db.execute("SELECT value FROM counters WHERE name = 'replays'").fetchone()
        return int(row[0]) if row else 0
