"""KB suggestions over a 20 000-article index: the Knowledge dock's suggestion path
(:class:`KnowledgeService`: context query, search, re-rank) over a search source that is
an FTS5 index of generated articles (:class:`Fts5Index`, the index adapter), timed per
live context. This is the path the dock takes through a platform's search (before, or
without, the local copy); the local copy's classifiers are not trained here — at 20 000
articles, one class per article, they do not fit in memory (docs/performance.md).

The articles are generated deterministically (a seed): words drawn with a skewed
frequency from a banking vocabulary and invented terms, so that common words ("carte",
"compte") match thousands of articles and rare ones a handful, as in a real base.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from agent_desktop.adapters.kb_index import Fts5Index
from agent_desktop.bench.measure import time_async
from agent_desktop.ports.knowledge import Article, ArticleHit
from agent_desktop.services.knowledge import KnowledgeService, LiveContext

ARTICLES = 20_000

COMMON_WORDS = (
    "carte compte virement prélèvement plafond opposition chéquier découvert agios frais "
    "épargne livret crédit prêt immobilier assurance habitation automobile sinistre contrat "
    "résiliation échéance mensualité taux remboursement anticipé banque agence conseiller "
    "application mobile connexion mot passe identifiant code confidentiel paiement sans "
    "contact retrait distributeur étranger devise fraude phishing sécurité authentification "
    "relevé attestation domiciliation RIB IBAN bénéficiaire délai facture électricité gaz "
    "compteur relève déménagement abonnement forfait box internet fibre panne ligne "
    "téléphone portable SIM roaming données option souscription modification adresse "
    "succession procuration tutelle mineur entreprise professionnel TPE terminal encaissement"
)
COMMON = COMMON_WORDS.split()
PRODUCTS = (
    "Carte Visa Premier", "Compte courant", "Livret A", "Prêt immobilier", "Assurance auto",
    "Assurance habitation", "Box Fibre", "Forfait mobile 100 Go", "Contrat électricité",
    "Plan épargne logement",
)  # fmt: skip
SYLLABLE_TEXT = "ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu"
SYLLABLES = SYLLABLE_TEXT.split()


def _vocabulary(rng: random.Random, size: int = 8000) -> list[str]:
    """The common words first, then invented ones."""
    words = list(COMMON)
    seen = set(words)
    while len(words) < size:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def _zipf_weights(size: int, offset: int = 20) -> list[float]:
    """Cumulative Zipf weights by rank; the offset stands for the stop words a search
    drops (the most frequent remaining word is about 1 % of the words of a text)."""
    total, out = 0.0, []
    for rank in range(size):
        total += 1.0 / (rank + 1 + offset)
        out.append(total)
    return out


def articles(count: int = ARTICLES, seed: int = 7) -> Iterator[Article]:
    """``count`` articles, the same for a seed: a title, three example questions, a body."""
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng)
    weights = _zipf_weights(len(vocabulary))

    def draw(count: int) -> list[str]:
        return rng.choices(vocabulary, cum_weights=weights, k=count)

    for i in range(count):
        title = " ".join(draw(rng.randint(3, 6))).capitalize()
        questions = tuple(" ".join(draw(rng.randint(5, 10))) + " ?" for _ in range(3))
        body = " ".join(draw(rng.randint(60, 140))) + "."
        language = "fr" if i % 5 else "en"
        yield Article(f"KB-{i:05d}", language, title, body, (), questions)


class IndexKnowledge:
    """The :class:`Knowledge` port over a local index (what a connector whose platform
    has no KB search would use); feedback is not kept."""

    def __init__(self, index: Fts5Index) -> None:
        self.index = index

    async def kb_search(
        self, query: str, lang: str | None = None, limit: int = 10
    ) -> list[ArticleHit]:
        hits: list[ArticleHit] = []
        for scored in self.index.search(query, limit * 3 if lang else limit):
            article = self.index.articles[scored.id]
            if lang is None or article.language == lang:
                hits.append(
                    ArticleHit(
                        article.id,
                        article.language,
                        article.title,
                        article.body[:160],
                        scored.score,
                    )
                )
            if len(hits) == limit:
                break
        return hits

    async def kb_article(self, article_id: str) -> Article | None:
        return self.index.articles.get(article_id)

    async def kb_feedback(
        self, article_id: str, helpful: bool, context: str = ""
    ) -> tuple[int, int]:
        return (0, 0)


def contexts(index: Fts5Index, count: int, seed: int = 11) -> list[LiveContext]:
    """Live contexts as a call would give them: an intent, the caller's last words (taken
    from an article's questions, a few words changed), the customer's products."""
    rng = random.Random(seed)
    ids = sorted(index.articles)
    out = []
    for _ in range(count):
        article = index.articles[rng.choice(ids)]
        words = [w for q in article.questions for w in q.split() if w != "?"]
        rng.shuffle(words)
        utterances = (" ".join(words[:8]), " ".join(words[8:16]))
        products = tuple(rng.sample(PRODUCTS, 2))
        out.append(LiveContext(article.title, utterances, products, (), article.language))
    return out


@dataclass
class KbResult:
    suggestions_ms: list[float]
    floor_ms: float
    build_s: float
    articles: int


async def run_kb(queries: int, count: int = ARTICLES) -> KbResult:
    """Index ``count`` articles, then time ``queries`` suggestions; the floor is a
    one-word lookup of a rare word in the same index (the least a search can cost)."""
    index = Fts5Index()
    try:
        started = time.perf_counter()
        generated = list(articles(count))
        index.add(generated)
        build_s = time.perf_counter() - started
        service = KnowledgeService(IndexKnowledge(index))
        todo = iter(contexts(index, queries + 1))
        suggestions = await time_async(queries, lambda: service.suggest(next(todo)))
        # a word of one title only, searched alone
        counts = Counter(w.lower() for a in generated for w in a.title.split())
        rare = min(counts, key=lambda w: (counts[w], w))

        async def lookup() -> None:
            index.search(rare, 6)

        floor = sorted(await time_async(max(20, queries // 4), lookup))
        return KbResult(suggestions, floor[len(floor) // 2], build_s, len(index.articles))
    finally:
        index.close()
