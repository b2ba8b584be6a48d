"""The platform's articles copied into a local index, so suggestions are ranked here.

At login the desktop pages through ``GET /v1/kb/articles`` (every article with its example
questions), builds the local FTS5 index off the event loop and trains the ranker's
classifiers in a child process (the desktop process keeps their plain data, not
scikit-learn), then asks only for what changed since (``updated_since``) every few
minutes. Until the first copy is ready, and whenever the platform offers no catalogue,
suggestions come from the platform's own search; :attr:`LocalKnowledge.state` says which.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import logging
import os
import re
import sys
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

from agent_desktop import memory
from agent_desktop.ports.knowledge import (
    Article,
    ArticleHit,
    KbIndex,
    KnowledgeCatalog,
    TextEmbedder,
)
from agent_desktop.services.kb_ranking import KbRanker
from agent_desktop.services.knowledge_text import fold, plain_snippet, significant_words

log = logging.getLogger(__name__)

PAGE = 200
SNIPPET_CHARS = 180
_SENTENCE = re.compile(r"(?<=[.!?;:])\s+|\n+")
_WORD = re.compile(r"\w+", re.UNICODE)

# The last rankers built, by the articles they were built from: a new login to the same
# platform (or the next test's) reuses one instead of training again.
KEEP_BUILT = 2
_LAST: dict[tuple[str, int, str], KbRanker] = {}
_LAST_LOCK = threading.Lock()


def _fingerprint(articles: Iterable[Article]) -> str:
    digest = hashlib.sha256()
    for article in sorted(articles, key=lambda a: a.id):
        digest.update(repr(article).encode())
    return digest.hexdigest()


def _lower_priority() -> None:
    """Training yields the CPU to the window: on Linux, where a thread has its own nice
    value, this worker thread runs at nice 10 (elsewhere the call would nice the whole
    process, so it keeps the normal priority)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)


@functools.cache
def _builder() -> ThreadPoolExecutor:
    """One low-priority worker thread that builds rankers, one at a time (sharing a
    malloc arena with the others, see :mod:`agent_desktop.memory`)."""
    memory.limit_arenas()
    return ThreadPoolExecutor(1, "kb-build", initializer=_lower_priority)


def best_snippet(
    body: str, words: Iterable[str], width: int = SNIPPET_CHARS, title: str = ""
) -> str:
    """The sentence of ``body`` that holds most of ``words`` (accents and case ignored),
    without Markdown markers and at most ``width`` characters; the first one otherwise.
    Headings and sentences quoting the title are skipped: the title is shown already."""
    wanted = {fold(w) for w in words}
    folded_title = fold(title.strip())
    best, best_count = "", -1
    for raw in _SENTENCE.split(body):
        if raw.lstrip().startswith("#") or (folded_title and folded_title in fold(raw)):
            continue
        sentence = plain_snippet(raw)
        if len(sentence) < 3:
            continue
        found = {fold(w) for w in _WORD.findall(sentence)} & wanted
        if len(found) > best_count:
            best, best_count = sentence, len(found)
    if len(best) > width:
        best = best[: width - 1].rsplit(" ", 1)[0] + "…"
    return best


class LocalKnowledge:
    """A local copy of the knowledge base and the ranker built on it.

    Attributes:
        state: ``empty`` (never synced), ``syncing`` (first copy under way), ``ready``,
            ``failed`` (the first copy failed; it is retried) or ``unavailable`` (the
            platform has no catalogue: its search stays in use).
        articles: the copied articles by id.
        watermark: the latest ``updated_at`` copied (the next sync asks from there).
        build_seconds: how long the last index + training took.
    """

    def __init__(
        self,
        index_factory: Callable[[], KbIndex] | None = None,
        embedder: TextEmbedder | None = None,
        find_embedder: bool = True,
    ) -> None:
        self._index_factory = index_factory
        self._embedder = embedder
        self._find_embedder = find_embedder and embedder is None
        self.state = "empty"
        self.articles: dict[str, Article] = {}
        self.watermark: datetime | None = None
        self.build_seconds = 0.0
        self._ranker: KbRanker | None = None

    @property
    def ready(self) -> bool:
        return self._ranker is not None

    async def sync(self, catalog: KnowledgeCatalog) -> int:
        """Copy what changed since the last sync and rebuild the ranker if anything did.

        Returns the number of articles received. Raises what the catalogue raises
        (``GatewayError``); the copy made so far stays in use.
        """
        if not self.ready:
            self.state = "syncing"
        received: list[Article] = []
        cursor: str | None = None
        try:
            while True:
                page = await catalog.kb_articles(self.watermark, cursor, PAGE)
                received += page.articles
                cursor = page.next_cursor
                if cursor is None:
                    break
        except BaseException:
            if not self.ready:
                self.state = "failed"
            raise
        changed = [a for a in received if self.articles.get(a.id) != a]
        if changed or not self.ready:
            merged = {**self.articles, **{a.id: a for a in changed}}
            loop = asyncio.get_running_loop()
            self._ranker = await loop.run_in_executor(
                _builder(), self._build, list(merged.values())
            )
            self.articles = merged
        stamps = [a.updated_at for a in received if a.updated_at is not None]
        if stamps:
            self.watermark = max([*stamps, *([self.watermark] if self.watermark else [])])
        self.state = "ready" if self.ready else self.state
        return len(received)

    def _build(self, articles: list[Article]) -> KbRanker:
        started = time.perf_counter()
        factory = self._index_factory
        if factory is None:  # the default index: SQLite FTS5, in memory
            from agent_desktop.adapters.kb_index import Fts5Index

            factory = Fts5Index
        if self._find_embedder:  # the optional embedding model, when installed
            from agent_desktop.adapters.kb_index.embeddings import default_embedder

            self._embedder = default_embedder()
            self._find_embedder = False
        key = (
            _fingerprint(articles),
            id(self._index_factory),
            self._embedder.name if self._embedder else "",
        )
        with _LAST_LOCK:
            last = _LAST.get(key)
        if last is not None:  # the same articles as the last build (a new login)
            self.build_seconds = last.build_seconds
            return last
        ranker = KbRanker(factory(), self._embedder)
        ranker.load(articles, separate_process=True)
        with _LAST_LOCK:
            _LAST[key] = ranker
            while len(_LAST) > KEEP_BUILT:  # the oldest first (dicts keep insertion order)
                del _LAST[next(iter(_LAST))]
        memory.trim()  # what the build freed (the classifiers' data as received, ...)
        self.build_seconds = time.perf_counter() - started
        log.info("local KB index: %d articles in %.1f s", len(articles), self.build_seconds)
        return ranker

    def rank(
        self,
        text: str,
        lang: str | None,
        limit: int,
        words: Iterable[str],
        matching_only: bool = False,
    ) -> list[ArticleHit]:
        """Articles for ``text`` best first, in ``lang`` when given; snippets show ``words``.
        ``matching_only``: only articles sharing words with ``text`` (a typed search)."""
        ranker = self._ranker
        if ranker is None or not text.strip():
            return []
        wanted = list(words) or significant_words(text)
        hits: list[ArticleHit] = []
        for scored in ranker.rank(text, len(ranker.index.articles), matching_only):
            article = ranker.index.articles[scored.id]
            if lang and article.language != lang:
                continue
            snippet = best_snippet(article.body, wanted, title=article.title)
            hits.append(
                ArticleHit(article.id, article.language, article.title, snippet, scored.score)
            )
            if len(hits) >= limit:
                break
        return hits
