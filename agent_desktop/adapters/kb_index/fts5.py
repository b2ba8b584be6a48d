"""A knowledge-base index in SQLite FTS5, accent- and case-folded.

``unicode61 remove_diacritics 2`` folds «facturé» to «facture» so French queries match
French articles whatever the accents typed. Each article's example questions (other
ways customers ask the same thing) are indexed in their own column and weigh more than
the body in BM25: a caller's words are closer to a question than to an answer.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterable

from agent_desktop.ports.knowledge import Article, ScoredArticle

# BM25 column weights: title, questions, body.
WEIGHTS = (4.0, 2.5, 1.0)
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 64


def match_expression(text: str) -> str | None:
    """An FTS5 MATCH expression ORing the words of free text (quoted: never FTS syntax)."""
    words: list[str] = []
    for word in _WORD.findall(text.lower()):
        if len(word) > 1 and word not in words:
            words.append(word)
    if not words:
        return None
    return " OR ".join(f'"{w}"' for w in words[-MAX_TERMS:])


class Fts5Index:
    """An in-process FTS5 index (in memory by default, or in a file)."""

    def __init__(self, path: str = ":memory:") -> None:
        self._db = sqlite3.connect(path, check_same_thread=False)
        self._lock = threading.Lock()
        self._db.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS kb USING fts5("
            "id UNINDEXED, title, questions, body, "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        self.articles: dict[str, Article] = {}

    def close(self) -> None:
        self._db.close()

    def add(self, articles: Iterable[Article]) -> int:
        rows = []
        for article in articles:
            self.articles[article.id] = article
            rows.append((article.id, article.title, "\n".join(article.questions), article.body))
        with self._lock, self._db:
            self._db.executemany("DELETE FROM kb WHERE id = ?", [(r[0],) for r in rows])
            self._db.executemany(
                "INSERT INTO kb (id, title, questions, body) VALUES (?, ?, ?, ?)", rows
            )
        return len(rows)

    def search(self, query: str, limit: int = 10) -> list[ScoredArticle]:
        """Best first; ``score`` is BM25 turned positive (higher is better)."""
        match = match_expression(query)
        if match is None:
            return []
        with self._lock:
            rows = self._db.execute(
                "SELECT id, -bm25(kb, 0, ?, ?, ?) AS s FROM kb WHERE kb MATCH ? "
                "ORDER BY s DESC LIMIT ?",
                (*WEIGHTS, match, limit),
            ).fetchall()
        return [ScoredArticle(str(r[0]), float(r[1])) for r in rows]
