"""KB suggestions for the live context, article reading and the advisors' feedback.

The live context is what is known so far about why the customer calls: the IVR's intent
(or the one detected from their words), the customer's latest utterances, their products
and the reasons of their recent contacts. :func:`context_query` turns it into search text,
most telling words first (the platform may keep only the first dozen words).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from agent_desktop.domain.customer import Customer
from agent_desktop.domain.interaction import Interaction, TranscriptSegment
from agent_desktop.ports.history import HistoryItem
from agent_desktop.ports.knowledge import Article, ArticleHit, Knowledge, KnowledgeCatalog
from agent_desktop.ports.telephony import GatewayError
from agent_desktop.services.intent import IntentDetector
from agent_desktop.services.kb_local import LocalKnowledge
from agent_desktop.services.knowledge_text import fold, significant_words

log = logging.getLogger(__name__)

MAX_WORDS = 12
UTTERANCES = 3  # the customer's latest utterances the local ranker reads
SYNC_EVERY_S = 600.0  # how often the local copy asks for changed articles
RETRY_S = 30.0  # after a failed first copy


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


def context_text(context: LiveContext, utterances: int = UTTERANCES) -> str:
    """What the local ranker reads: the intent and the customer's latest words as said
    (its classifier learnt from whole phrasings, stop words included); the products and
    past reasons only when nothing else is known yet."""
    parts = [context.intent or "", *context.utterances[-utterances:]]
    text = " ".join(p.strip() for p in parts if p.strip())
    return text or " ".join([*context.products, *context.recent_reasons])


def rerank(hits: list[ArticleHit], context: LiveContext) -> list[ArticleHit]:
    """Nudge up articles that also mention the customer's products or past reasons."""
    background = {fold(w) for w in _words([*context.products, *context.recent_reasons], 24)}
    if not background or not hits:
        return hits
    top = max(abs(h.score) for h in hits) or 1.0

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
    """Ranked articles; ``source`` says who ranked them: ``local`` (the local index and
    classifier) or ``platform`` (the platform's search, while the local copy is not ready).
    ``query`` holds the words shown in bold."""

    query: str
    hits: list[ArticleHit] = field(default_factory=list)
    elapsed_ms: float = 0.0
    source: str = "platform"


class KnowledgeUnavailable(Exception):
    """The platform connector offers no knowledge base."""


class KnowledgeService:
    """Suggestions, articles and feedback, over the :class:`Knowledge` port.

    Attributes:
        detector: the local intent detector, when one was trained (optional).
        local: the local copy of the articles and its ranker (used once ready).
        last: the last suggestions computed.
    """

    def __init__(
        self,
        source: Knowledge | None,
        detector: IntentDetector | None = None,
        local: LocalKnowledge | None = None,
    ) -> None:
        self._source = source
        self.detector = detector
        self.local = local or LocalKnowledge()
        self.last: Suggestions | None = None

    async def keep_synced(
        self, every: float = SYNC_EVERY_S, retry: float = RETRY_S, once: bool = False
    ) -> None:
        """Copy the platform's articles into the local index, then what changed, forever.

        Does nothing when the platform offers no catalogue (suggestions then stay the
        platform's search), and stops if it answers that it has none (404). A failed
        sync is logged and retried; never raises.
        """
        catalog = self._source
        if not isinstance(catalog, KnowledgeCatalog):
            return
        while True:
            try:
                received = await self.local.sync(catalog)
                log.info("KB sync: %d article(s) received", received)
            except GatewayError as exc:
                log.warning("KB sync failed: %s", exc)
                if exc.status == 404:  # an older platform without the catalogue
                    self.local.state = "unavailable"
                    return
            except Exception as exc:  # noqa: BLE001 - the platform search stays in use
                log.warning("KB sync failed: %s", exc)
            if once:
                return
            await asyncio.sleep(every if self.local.ready else retry)

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
        query = context_query(context)
        if not query:
            self._need()
            return Suggestions(query)
        lang = context.language if context.language in ("fr", "en") else None
        result = await self._rank(context_text(context), query, lang, limit, False)
        result.hits = rerank(result.hits, context)
        self.last = result
        return result

    async def search(self, text: str, lang: str | None = None, limit: int = 10) -> Suggestions:
        """Articles for text the advisor typed."""
        if not text.strip():
            self._need()
            return Suggestions(text)
        return await self._rank(text, text, lang, limit, True)

    async def _rank(
        self, text: str, query: str, lang: str | None, limit: int, matching_only: bool
    ) -> Suggestions:
        """Ranked locally once the copy is ready, else by the platform. A typed search
        (``matching_only``) lists only articles sharing its words, as the platform's does;
        the live context lists the best guesses even without shared words."""
        source = self._need()
        started = time.perf_counter()
        words = significant_words(query) or query.split()
        if self.local.ready:
            hits = await asyncio.to_thread(self.local.rank, text, lang, limit, words, matching_only)
            ranked_by = "local"
        else:
            hits = await source.kb_search(query, lang, limit)
            ranked_by = "platform"
        return Suggestions(query, hits, (time.perf_counter() - started) * 1000, ranked_by)

    async def article(self, article_id: str) -> Article | None:
        """The article from the local copy when it has it (no round trip), else the
        platform's."""
        source = self._need()
        copied = self.local.articles.get(article_id)
        return copied if copied is not None else await source.kb_article(article_id)

    async def feedback(self, article_id: str, helpful: bool, context: str = "") -> tuple[int, int]:
        """Send a vote; returns the article's (helpful, not helpful) counts."""
        return await self._need().kb_feedback(article_id, helpful, context)
