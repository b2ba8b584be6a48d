"""KB suggestions for the live context, article reading and the advisors' feedback.

The live context is what is known so far about why the customer calls: the IVR's intent
(or the one detected from their words), the customer's latest utterances, their products
and the reasons of their recent contacts. :func:`context_query` turns it into search text,
most telling words first (the platform may keep only the first dozen words).
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from agent_desktop.domain.customer import Customer
from agent_desktop.domain.interaction import Interaction, TranscriptSegment
from agent_desktop.ports.history import HistoryItem
from agent_desktop.ports.knowledge import Article, ArticleHit, Knowledge
from agent_desktop.services.intent import IntentDetector

log = logging.getLogger(__name__)

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_WORDS = 12
MIN_WORD = 4  # shorter words are mostly stop words in French and English
STOP_WORDS = frozenset(
    {
        "bonjour",
        "merci",
        "alors",
        "voila",
        "voilà",
        "avec",
        "pour",
        "dans",
        "cette",
        "votre",
        "notre",
        "mais",
        "donc",
        "parce",
        "quand",
        "comment",
        "aussi",
        "encore",
        "juste",
        "vraiment",
        "depuis",
        "avoir",
        "être",
        "fait",
        "faire",
        "hello",
        "thanks",
        "thank",
        "that",
        "this",
        "with",
        "from",
        "have",
        "what",
        "when",
        "your",
        "there",
        "about",
        "would",
        "could",
        "just",
        "really",
        "please",
    }
)


def fold(word: str) -> str:
    """Lower case without accents (``Électricité`` → ``electricite``)."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def significant_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if len(w) >= MIN_WORD and fold(w) not in STOP_WORDS]


@dataclass(frozen=True, slots=True)
class LiveContext:
    """What the suggestions are ranked for."""

    intent: str | None = None  # the intent's label (IVR or detected)
    utterances: tuple[str, ...] = ()  # the customer's words, oldest first
    products: tuple[str, ...] = ()
    recent_reasons: tuple[str, ...] = ()
    language: str | None = None

    @property
    def empty(self) -> bool:
        return not (self.intent or self.utterances or self.products or self.recent_reasons)


def _words(texts: Iterable[str], max_words: int, seen: set[str] | None = None) -> list[str]:
    seen = set() if seen is None else seen
    words: list[str] = []
    for text in texts:
        for word in significant_words(text):
            key = fold(word)
            if key not in seen and len(words) < max_words:
                seen.add(key)
                words.append(word)
    return words


def context_query(context: LiveContext, max_words: int = MAX_WORDS) -> str:
    """Search text for a context: the intent, then the customer's latest words.

    Products and past reasons are background: they only make the query when nothing
    else is known yet (on their own they would drown the caller's words), and they
    break ties between articles (see :func:`rerank`).
    """
    words = _words([context.intent or "", *reversed(context.utterances)], max_words)
    if not words:
        words = _words([*context.products, *context.recent_reasons], max_words)
    return " ".join(words)


def rerank(hits: list[ArticleHit], context: LiveContext) -> list[ArticleHit]:
    """Nudge up articles that also mention the customer's products or past reasons."""
    background = {fold(w) for w in _words([*context.products, *context.recent_reasons], 24)}
    if not background or not hits:
        return hits
    top = max(h.score for h in hits) or 1.0

    def boosted(hit: ArticleHit) -> float:
        text = {fold(w) for w in significant_words(f"{hit.title} {hit.snippet}")}
        return hit.score + 0.1 * top * len(text & background)

    return sorted(hits, key=boosted, reverse=True)


def build_context(
    interaction: Interaction | None,
    transcript: Sequence[TranscriptSegment],
    customer: Customer | None,
    recent: Sequence[HistoryItem] = (),
    detector: IntentDetector | None = None,
) -> LiveContext:
    utterances = tuple(s.text for s in transcript if s.speaker == "customer")[-6:]
    intent = None
    language = customer.language if customer else None
    if interaction is not None:
        attached = interaction.attached
        intent = attached.intent_label or attached.intent
        language = attached.language or language
        if detector is not None:
            detected = detector.detect(attached.intent, utterances)
            if detected and detected != attached.intent:
                intent = detected.replace("_", " ")
    products = tuple(p.name for p in customer.products) if customer else ()
    reasons = tuple(dict.fromkeys(i.reason.replace("_", " ") for i in recent[:5] if i.reason))
    return LiveContext(intent, utterances, products, reasons, language)


@dataclass(slots=True)
class Suggestions:
    query: str
    hits: list[ArticleHit] = field(default_factory=list)
    elapsed_ms: float = 0.0


class KnowledgeUnavailable(Exception):
    """The platform connector offers no knowledge base."""


class KnowledgeService:
    """Suggestions, articles and feedback, over the :class:`Knowledge` port.

    Attributes:
        detector: the local intent detector, when one was trained (optional).
        last: the last suggestions computed.
    """

    def __init__(self, source: Knowledge | None, detector: IntentDetector | None = None) -> None:
        self._source = source
        self.detector = detector
        self.last: Suggestions | None = None

    @property
    def available(self) -> bool:
        return self._source is not None

    async def train_detector(self, csv_path: str | None) -> bool:
        """Train the local intent detector from a ``text,label`` CSV, off the event loop.

        Nothing to do without a path; a missing or malformed file is logged and the IVR's
        intent stays the only one used (the desktop works the same without it).
        """
        if not csv_path:
            return False
        try:
            self.detector = await asyncio.to_thread(IntentDetector.from_csv, Path(csv_path))
        except (OSError, ValueError) as exc:
            log.warning("intent detector not trained from %s: %s", csv_path, exc)
            return False
        log.info("intent detector trained from %s", csv_path)
        return True

    def _need(self) -> Knowledge:
        if self._source is None:
            raise KnowledgeUnavailable
        return self._source

    async def suggest(self, context: LiveContext, limit: int = 6) -> Suggestions:
        """Articles for the context, best first (none for an empty context)."""
        source = self._need()
        query = context_query(context)
        if not query:
            return Suggestions(query)
        started = time.perf_counter()
        lang = context.language if context.language in ("fr", "en") else None
        hits = rerank(await source.kb_search(query, lang, limit), context)
        result = Suggestions(query, hits, (time.perf_counter() - started) * 1000)
        self.last = result
        return result

    async def search(self, text: str, lang: str | None = None, limit: int = 10) -> Suggestions:
        started = time.perf_counter()
        hits = await self._need().kb_search(text, lang, limit) if text.strip() else []
        return Suggestions(text, hits, (time.perf_counter() - started) * 1000)

    async def article(self, article_id: str) -> Article | None:
        return await self._need().kb_article(article_id)

    async def feedback(self, article_id: str, helpful: bool, context: str = "") -> tuple[int, int]:
        """Send a vote; returns the article's (helpful, not helpful) counts."""
        return await self._need().kb_feedback(article_id, helpful, context)
