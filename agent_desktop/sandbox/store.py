"""Read access to the sandbox database, returning protocol wire models.

Stored timestamps are relative to the data anchor; the store moves them so that the
newest history is from yesterday, whatever day the sandbox runs. Queries are small and
indexed, so they run directly on the server's event loop thread.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from agent_desktop.protocol import schemas as w
from agent_desktop.sandbox.data.generate import ANCHOR
from agent_desktop.sandbox.data.intents import INTENTS
from agent_desktop.sandbox.data.text import fold

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_SEARCH_RESULTS = 20


class BadCursor(ValueError):
    """A history cursor the store did not issue."""


def fts_query(text: str, *, all_words: bool) -> str | None:
    """A safe FTS5 query from free text: quoted prefix terms, AND-ed or OR-ed."""
    # a light plural folding, so «factures» also finds «facture» (prefix terms do the rest)
    words = [t[:-1] if len(t) > 4 and t[-1] in "sxSX" else t for t in _WORD.findall(text)][:12]
    if not words:
        return None
    return (" " if all_words else " OR ").join(f'"{t}"*' for t in words)


@dataclass(frozen=True, slots=True)
class CallerPick:
    """A customer the scenario engine may make call."""

    id: str
    language: str
    vip: bool
    segment: str
    phones: tuple[str, ...]
    product_kinds: tuple[str, ...]


class Store:
    def __init__(self, path: Path, today: date | None = None) -> None:
        self.path = path
        self._db = sqlite3.connect(path, check_same_thread=False, timeout=30)
        self._db.row_factory = sqlite3.Row
        today = today or datetime.now(UTC).date()
        self._day_shift = today - ANCHOR
        self._base = int(datetime(today.year, today.month, today.day, tzinfo=UTC).timestamp())
        # Customers added through the control API live in memory only: the generated file
        # is a per-seed cache shared by later runs and must stay as generated.
        self._added: dict[str, w.CustomerWire] = {}

    def close(self) -> None:
        self._db.close()

    # ------------------------------------------------------------ helpers

    def _ts(self, relative: int) -> datetime:
        return datetime.fromtimestamp(self._base + relative, tz=UTC)

    def _date(self, iso: str | None) -> date | None:
        return date.fromisoformat(iso) + self._day_shift if iso else None

    def meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def count(self, table: str) -> int:
        assert table in {"customers", "history", "articles", "experts", "queues"}
        return int(self._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    # ------------------------------------------------------------ customers

    def _customers(self, ids: list[str]) -> list[w.CustomerWire]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = {
            r["id"]: r
            for r in self._db.execute(f"SELECT * FROM customers WHERE id IN ({marks})", ids)
        }
        phones: dict[str, list[str]] = {i: [] for i in ids}
        for r in self._db.execute(
            f"SELECT customer_id, e164 FROM customer_phones WHERE customer_id IN ({marks})"
            " ORDER BY customer_id, position",
            ids,
        ):
            phones[r[0]].append(r[1])
        products: dict[str, list[w.ProductWire]] = {i: [] for i in ids}
        for r in self._db.execute(
            f"SELECT * FROM products WHERE customer_id IN ({marks}) ORDER BY rowid", ids
        ):
            name = r["name_fr"] if rows[r["customer_id"]]["language"] == "fr" else r["name_en"]
            products[r["customer_id"]].append(
                w.ProductWire(
                    id=r["id"],
                    name=name,
                    kind=r["kind"],
                    status=r["status"],
                    since=self._date(r["since"]),
                )
            )
        out = []
        for cid in ids:
            r = rows.get(cid)
            if r is None:
                continue
            out.append(
                w.CustomerWire(
                    id=r["id"],
                    first_name=r["first_name"],
                    last_name=r["last_name"],
                    segment=r["segment"],
                    language=r["language"],
                    vip=bool(r["vip"]),
                    phones=phones[cid],
                    email=r["email"],
                    address=w.AddressWire(
                        street=r["street"],
                        postcode=r["postcode"],
                        city=r["city"],
                        country=r["country"],
                    ),
                    products=products[cid],
                    customer_since=self._date(r["customer_since"]),
                )
            )
        return out

    def add_customer(self, customer: w.CustomerWire) -> None:
        """Add (or replace) a customer for this run only (tests: hostile names…)."""
        self._added[customer.id] = customer

    def customer(self, customer_id: str) -> w.CustomerWire | None:
        if customer_id in self._added:
            return self._added[customer_id]
        found = self._customers([customer_id])
        return found[0] if found else None

    def lookup_phone(self, e164: str) -> list[w.CustomerWire]:
        added = [c for c in self._added.values() if e164 in c.phones]
        return added + self._lookup_generated(e164)

    def _lookup_generated(self, e164: str) -> list[w.CustomerWire]:
        ids = [
            r[0]
            for r in self._db.execute(
                "SELECT customer_id FROM customer_phones WHERE e164 = ? ORDER BY customer_id",
                (e164,),
            )
        ]
        return self._customers(ids)

    def search_customers(self, q: str, e164: str | None) -> list[w.CustomerWire]:
        """Customers whose id, name, e-mail or phone contains every word of ``q``."""
        ids: list[str] = []
        if e164:
            ids = [c.id for c in self.lookup_phone(e164)]
        words = [t for t in fold(q).split() if t][:6]
        if words:
            where = " AND ".join("search LIKE ? ESCAPE '\\'" for _ in words)
            params = [
                "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
                for t in words
            ]
            for r in self._db.execute(
                f"SELECT id FROM customers WHERE {where}"
                " ORDER BY last_name, first_name, id LIMIT ?",
                (*params, MAX_SEARCH_RESULTS),
            ):
                if r[0] not in ids:
                    ids.append(r[0])
        added = [
            c
            for c in self._added.values()
            if words and all(t in fold(f"{c.first_name} {c.last_name} {c.id}") for t in words)
        ]
        return (added + self._customers(ids))[:MAX_SEARCH_RESULTS]

    def caller_picks(self) -> list[CallerPick]:
        phones: dict[str, list[str]] = {}
        for r in self._db.execute(
            "SELECT customer_id, e164 FROM customer_phones ORDER BY customer_id, position"
        ):
            phones.setdefault(r[0], []).append(r[1])
        kinds: dict[str, list[str]] = {}
        for r in self._db.execute("SELECT customer_id, kind FROM products ORDER BY rowid"):
            kinds.setdefault(r[0], []).append(r[1])
        return [
            CallerPick(
                r["id"], r["language"], bool(r["vip"]), r["segment"],
                tuple(phones.get(r["id"], ())), tuple(kinds.get(r["id"], ())),
            )
            for r in self._db.execute(
                "SELECT id, language, vip, segment FROM customers ORDER BY id"
            )
        ]  # fmt: skip

    def shared_numbers(self) -> list[str]:
        return list(json.loads(self.meta("shared_numbers") or "[]"))

    def unknown_numbers(self) -> list[str]:
        return [r[0] for r in self._db.execute("SELECT e164 FROM unknown_numbers ORDER BY e164")]

    # ------------------------------------------------------------ history

    @staticmethod
    def _encode_cursor(at: int, item_id: str) -> str:
        raw = json.dumps([at, item_id], separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @staticmethod
    def _decode_cursor(cursor: str) -> tuple[int, str]:
        try:
            raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
            at, item_id = json.loads(raw)
        except (binascii.Error, ValueError, TypeError) as exc:
            raise BadCursor(cursor) from exc
        if not isinstance(at, int) or not isinstance(item_id, str):
            raise BadCursor(cursor)
        return at, item_id

    def _keyset_page(
        self,
        table: str,
        time_column: str,
        where: str,
        params: list[object],
        cursor: str | None,
        limit: int,
        *,
        newest_first: bool,
    ) -> tuple[list[sqlite3.Row], str | None]:
        """One page of ``table`` ordered by (``time_column``, id), resuming after the
        row a cursor names, and the cursor of the page after (None on the last page).

        Paging by key, not offset: rows added meanwhile never shift a page.
        """
        alias = table.split()[-1] + "."
        at_column, id_column = alias + time_column, alias + "id"
        after, order = ("<", "DESC") if newest_first else (">", "ASC")
        params = list(params)
        if cursor:
            at, key = self._decode_cursor(cursor)
            where += f" AND ({at_column} {after} ? OR ({at_column} = ? AND {id_column} {after} ?))"
            params += [at, at, key]
        rows = self._db.execute(
            f"SELECT {alias}* FROM {table} WHERE {where}"
            f" ORDER BY {at_column} {order}, {id_column} {order} LIMIT ?",
            (*params, limit + 1),
        ).fetchall()
        last = rows[limit - 1] if len(rows) > limit else None
        next_cursor = self._encode_cursor(last[time_column], last["id"]) if last else None
        return rows[:limit], next_cursor

    def _history_wire(self, r: sqlite3.Row, with_body: bool) -> w.HistoryItemWire:
        return w.HistoryItemWire(
            id=r["id"],
            customer_id=r["customer_id"],
            channel=r["channel"],
            direction=r["direction"],
            at=self._ts(r["at"]),
            queue=r["queue"],
            agent=r["agent"],
            reason=r["reason"],
            outcome=r["outcome"],
            summary=r["summary"],
            body=r["body"] if with_body else None,
        )

    def history_page(
        self,
        customer_id: str,
        *,
        cursor: str | None,
        limit: int,
        channels: list[str] | None,
        q: str | None,
    ) -> w.HistoryPage:
        where = ["h.customer_id = ?"]
        params: list[object] = [customer_id]
        if channels:
            where.append(f"h.channel IN ({','.join('?' * len(channels))})")
            params.extend(channels)
        match = fts_query(q, all_words=True) if q else None
        if match:
            where.append("h.rowid IN (SELECT rowid FROM history_fts WHERE history_fts MATCH ?)")
            params.append(match)
        base_where = " AND ".join(where)
        total = int(
            self._db.execute(
                f"SELECT count(*) FROM history h WHERE {base_where}", params
            ).fetchone()[0]
        )
        rows, next_cursor = self._keyset_page(
            "history h", "at", base_where, params, cursor, limit, newest_first=True
        )
        return w.HistoryPage(
            items=[self._history_wire(r, with_body=False) for r in rows],
            next_cursor=next_cursor,
            total=total,
        )

    def history_item(self, customer_id: str, item_id: str) -> w.HistoryItemWire | None:
        r = self._db.execute(
            "SELECT * FROM history WHERE id = ? AND customer_id = ?", (item_id, customer_id)
        ).fetchone()
        return self._history_wire(r, with_body=True) if r else None

    # ------------------------------------------------------------ KB

    def _article_wire(self, r: sqlite3.Row) -> w.ArticleWire:
        return w.ArticleWire(
            id=r["id"],
            language=r["language"],
            title=r["title"],
            body=r["body"],
            tags=json.loads(r["tags"]),
            questions=json.loads(r["questions"]),
            updated_at=self._ts(r["updated_at"]),
        )

    def kb_search(self, q: str, language: str | None, limit: int) -> w.KbSearchResult:
        match = fts_query(q, all_words=False)
        if not match:
            return w.KbSearchResult(hits=[])
        sql = (
            "SELECT a.id, a.language, a.title, bm25(articles_fts, 10.0, 1.0, 3.0, 5.0) AS rank,"
            " snippet(articles_fts, 1, '', '', '…', 16) AS snippet"
            " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
            " WHERE articles_fts MATCH ?"
        )
        params: list[object] = [match]
        if language:
            sql += " AND a.language = ?"
            params.append(language)
        sql += " ORDER BY rank LIMIT ?"
        params.append(limit)
        hits = [
            w.ArticleHit(
                id=r["id"],
                language=r["language"],
                title=r["title"],
                snippet=r["snippet"],
                score=round(-float(r["rank"]), 4),
            )
            for r in self._db.execute(sql, params)
        ]
        return w.KbSearchResult(hits=hits)

    def articles_page(
        self, *, updated_since: datetime | None, cursor: str | None, limit: int
    ) -> w.ArticleList:
        """Articles by (updated_at, id) ascending: a client syncs all, then what changed."""
        where = "1 = 1"
        params: list[object] = []
        if updated_since is not None:
            where += " AND updated_at >= ?"
            params.append(math.floor(updated_since.timestamp()) - self._base)
        rows, next_cursor = self._keyset_page(
            "articles", "updated_at", where, params, cursor, limit, newest_first=False
        )
        return w.ArticleList(
            articles=[self._article_wire(r) for r in rows], next_cursor=next_cursor
        )

    def article(self, article_id: str) -> w.ArticleWire | None:
        r = self._db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return self._article_wire(r) if r else None

    def article_languages(self) -> dict[str, int]:
        return {
            r[0]: r[1]
            for r in self._db.execute("SELECT language, count(*) FROM articles GROUP BY 1")
        }

    # ------------------------------------------------------------ reference lists

    def codes(self) -> w.CodeLists:
        lists: dict[str, list[w.CodeWire]] = {"wrap_up": [], "not_ready": []}
        for r in self._db.execute("SELECT * FROM codes ORDER BY kind, position"):
            lists[r["kind"]].append(
                w.CodeWire(code=r["code"], label_fr=r["label_fr"], label_en=r["label_en"])
            )
        reasons = [
            w.CodeWire(code=i.code, label_fr=i.label_fr, label_en=i.label_en) for i in INTENTS
        ]
        return w.CodeLists(
            wrap_up=lists["wrap_up"], not_ready=lists["not_ready"], contact_reasons=reasons
        )

    def experts(self) -> list[sqlite3.Row]:
        return list(self._db.execute("SELECT * FROM experts ORDER BY id"))

    def history_channels(self) -> list[str]:
        return [r[0] for r in self._db.execute("SELECT DISTINCT channel FROM history ORDER BY 1")]

    def since(self, relative_seconds: int) -> datetime:
        return self._ts(relative_seconds) + timedelta(0)
