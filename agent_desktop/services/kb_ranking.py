"""Ranks knowledge-base articles for free text (a live call's context, or a query).

Two signals, fused:

- the FTS5 index (BM25 over title, example questions and body, accents folded) finds
  articles sharing the caller's words, including articles without example questions;
- a linear text classifier trained on the articles' example questions (each question
  labelled with its article) recognises phrasings that share few words with them.

The fused score is ``classifier + BM25_WEIGHT × BM25 / best BM25``; on Banking77 it
beats either signal alone (see ``docs/performance.md``).
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from agent_desktop.ports.knowledge import Article, KbIndex, ScoredArticle
from agent_desktop.services.intent import TextClassifier

BM25_WEIGHT = 0.25
FTS_CANDIDATES = 30


class KbRanker:
    """Articles best first for a text.

    Attributes:
        index: the local index (FTS5 by default).
        classifier: trained on the example questions, when there are enough of them.
        build_seconds: time to index and train.
    """

    def __init__(self, index: KbIndex, bm25_weight: float = BM25_WEIGHT) -> None:
        self.index = index
        self.bm25_weight = bm25_weight
        self.classifier: TextClassifier | None = None
        self.build_seconds = 0.0

    def load(self, articles: Iterable[Article]) -> int:
        """Index the articles and train the classifier on their questions and titles."""
        started = time.perf_counter()
        count = self.index.add(articles)
        texts: list[str] = []
        labels: list[str] = []
        for article in self.index.articles.values():
            for text in (article.title, *article.questions):
                if text.strip():
                    texts.append(text)
                    labels.append(article.id)
        self.classifier = TextClassifier().fit(texts, labels) if len(set(labels)) >= 2 else None
        self.build_seconds = time.perf_counter() - started
        return count

    def rank(self, text: str, limit: int = 5) -> list[ScoredArticle]:
        if not text.strip():
            return []
        fused: dict[str, float] = {}
        floor = 0.0
        if self.classifier is not None:
            scores = self.classifier.scores(text)
            floor = min(scores)
            fused = dict(zip(self.classifier.labels, scores, strict=True))
        hits = self.index.search(text, FTS_CANDIDATES)
        if hits:
            best = hits[0].score or 1.0
            for hit in hits:
                fused[hit.id] = fused.get(hit.id, floor) + self.bm25_weight * hit.score / best
        ranked = sorted(fused.items(), key=lambda p: -p[1])[:limit]
        return [ScoredArticle(article_id, score) for article_id, score in ranked]
