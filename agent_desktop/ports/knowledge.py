"""The platform's knowledge base: search, read, and the advisors' feedback."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol, runtime_checkable


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    language: str
    title: str
    body: str  # Markdown
    tags: tuple[str, ...] = ()
    questions: tuple[str, ...] = field(default_factory=tuple)
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ArticleHit:
    id: str
    language: str
    title: str
    snippet: str
    score: float


@runtime_checkable
class Knowledge(Protocol):
    async def kb_search(
        self, query: str, lang: str | None = None, limit: int = 10
    ) -> list[ArticleHit]: ...

    async def kb_article(self, article_id: str) -> Article | None: ...

    async def kb_feedback(
        self, article_id: str, helpful: bool, context: str = ""
    ) -> tuple[int, int]:
        """Send a vote; returns the article's (helpful, not helpful) counts so far."""
        ...


@dataclass(frozen=True, slots=True)
class ArticlePage:
    """A page of the whole knowledge base; ``next_cursor`` is None on the last page."""

    articles: tuple[Article, ...]
    next_cursor: str | None = None


@runtime_checkable
class KnowledgeCatalog(Protocol):
    """A platform that lets the desktop copy its articles into a local index."""

    async def kb_articles(
        self, updated_since: datetime | None = None, cursor: str | None = None, limit: int = 200
    ) -> ArticlePage:
        """Articles changed at or after ``updated_since`` (all when None), oldest first."""
        ...


@dataclass(frozen=True, slots=True)
class ScoredArticle:
    """An article id and its relevance (higher is better; scales differ by index)."""

    id: str
    score: float


@runtime_checkable
class KbIndex(Protocol):
    """A local index the suggestions are ranked from (FTS5 by default)."""

    articles: dict[str, Article]

    def add(self, articles: Iterable[Article]) -> int: ...

    def search(self, query: str, limit: int = 10) -> list[ScoredArticle]: ...


@runtime_checkable
class TextEmbedder(Protocol):
    """Turns texts into vectors whose dot products say how alike they are (a local
    sentence-embedding model; optional)."""

    name: str

    def embed(self, texts: Sequence[str]) -> Any:
        """A numpy array, one L2-normalised row per text."""
        ...
