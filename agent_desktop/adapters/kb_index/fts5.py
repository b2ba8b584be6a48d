"""A knowledge-base index in SQLite FTS5, accent- and case-folded.

``unicode61 remove_diacritics 2`` folds «facturé» to «facture» so French queries match
French articles whatever the accents typed. Each article's example questions (other
ways customers ask the same thing) are indexed in their own column and weigh more than
the body in BM25: a caller's words are closer to a question than to an answer.

In a large index (from :data:`PRUNE_FROM` articles) a live context's common words ("le",
"my", "compte") match most articles, and BM25 then scores thousands of rows per query:
words found in more than :data:`COMMON_SHARE` of the articles are left out of the query
(measured over 20 000 generated articles: median 111 → 13 ms per query, same first
result). Small KBs keep every word: there, a common word still tells articles apart.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import unicodedata
from collections.abc import Iterable

from agent_desktop.ports.knowledge import Article, ScoredArticle

# BM25 column weights: title, questions, body.
WEIGHTS = (4.0, 2.5, 1.0)
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 64
PRUNE_FROM = 2000  # articles
COMMON_SHARE = 0.05
KEPT_WHEN_ALL_COMMON = 3


def _words(text: str) -> list[str]:
    words: list[str] = []
    for word in _WORD.findall(text.lower()):
        if len(word) > 1 and word not in words:
            words.append(word)
    return words[-MAX_TERMS:]


def _folded(word: str) -> str:
    """The word as the ``unicode61 remove_diacritics`` tokenizer stores it."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def match_expression(text: str) -> str | None:
    """An FTS5 MATCH expression ORing the words of free text (quoted: never FTS syntax)."""
    return _or_expression(_words(text))


def _or_expression(words: list[str]) -> str | None:
    return " OR ".join(f'"{w}"' for w in words) if words else None


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
        # Each indexed term with the number of articles holding it.
        self._db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS kb_terms USING fts5vocab(kb, 'row')")
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
        with self._lock:
            match = _or_expression(self._telling_words(_words(query)))
            if match is None:
                return []
            rows = self._db.execute(
                "SELECT id, -bm25(kb, 0, ?, ?, ?) AS s FROM kb WHERE kb MATCH ? "
                "ORDER BY s DESC LIMIT ?",
                (*WEIGHTS, match, limit),
            ).fetchall()
        return [ScoredArticle(str(r[0]), float(r[1])) for r in rows]

    def _telling_words(self, words: list[str]) -> list[str]:
        """The words worth matching: all of them in a small index; in a large one, those
        in at most :data:`COMMON_SHARE` of the articles (else the rarest few)."""
        if len(self.articles) < PRUNE_FROM or not words:
            return words
        folded = [_folded(w) for w in words]
        marks = ",".join("?" * len(folded))
        found = self._db.execute(
            f"SELECT term, doc FROM kb_terms WHERE term IN ({marks})", folded
        ).fetchall()
        articles = {str(term): int(doc) for term, doc in found}
        limit = COMMON_SHARE * len(self.articles)
        kept = [w for w, f in zip(words, folded, strict=True) if articles.get(f, 0) <= limit]
        if kept:
            return kept
        by_rarity = sorted(zip(words, folded, strict=True), key=lambda p: articles.get(p[1], 0))
        return [w for w, _ in by_rarity[:KEPT_WHEN_ALL_COMMON]]
