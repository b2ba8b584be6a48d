"""Ranks knowledge-base articles for free text (a live call's context, or a query).

Signals, each a score for every article, fused:

- ``bm25``: the FTS5 index (title, example questions and body, accents folded) finds
  articles sharing the caller's words, including articles without example questions;
- ``svm`` and ``logistic``: linear text classifiers (TF-IDF word and character n-grams)
  trained on the articles' titles and example questions, each labelled with its article,
  recognise phrasings that share few words with them; the logistic regression's scores
  are comparable across articles, which helps the second and third suggestions;
- with the optional embedding model (``agent-desktop[embeddings]``): ``embedding`` (a
  logistic regression on sentence vectors) and ``nearest`` (the closest example question
  of each article, by cosine), which recognise meaning beyond shared words.

The classifiers are trained by scikit-learn, in a spawned child process for the desktop
(``load(…, separate_process=True)``): only their plain data comes back (vocabularies,
idf, weights), so the desktop process never loads scikit-learn.

Each signal is standardised over the articles (z-score: minus its mean, over its standard
deviation) so that no scale dominates, then summed with the weights below. The weights
were chosen by cross-validation on the training side of three Banking77 splits, never on
the held-out queries (see ``docs/performance.md``).
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Iterable, Mapping
from typing import Any

from agent_desktop.ports.knowledge import Article, KbIndex, ScoredArticle, TextEmbedder
from agent_desktop.services.intent import (
    ClassifierTooLarge,
    TextClassifier,
    linear_model_data,
    train_text_models,
)

log = logging.getLogger(__name__)

FTS_CANDIDATES = 30
BODY_CHARS = 400
WEIGHTS: Mapping[str, float] = {"svm": 1.0, "logistic": 1.0, "bm25": 0.15}
WEIGHTS_WITH_EMBEDDINGS: Mapping[str, float] = {
    "svm": 1.0,
    "embedding": 1.0,
    "nearest": 1.0,
    "bm25": 0.3,
}


@functools.cache
def _blas() -> Any:
    """numpy's BLAS thread pools (found once: looking them up costs milliseconds)."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def train_ranker_models(
    texts: list[str], labels: list[str], with_logistic: bool, vectors: Any
) -> dict[str, Any]:
    """The ranker's classifiers trained on ``texts`` labelled with their articles, as
    plain data: ``text`` (:func:`train_text_models`) and ``embedding`` (a logistic
    regression on the sentence ``vectors``, when given: ``weights``, ``intercept``), or
    ``too_large`` (why they were left out). Module-level: a child process runs it."""
    try:
        text = train_text_models(texts, labels, with_logistic=with_logistic)
    except ClassifierTooLarge as exc:
        return {"too_large": str(exc)}
    embedding = None
    if vectors is not None:
        from sklearn.linear_model import LogisticRegression

        model = LogisticRegression(C=10, max_iter=1000).fit(vectors, labels)
        if [str(label) for label in model.classes_] != text["labels"]:
            raise ValueError("the embedding model's labels differ from the classifier's")
        embedding = linear_model_data(model)
    return {"text": text, "embedding": embedding}


def _standardised(values: Any) -> Any:
    spread = float(values.std())
    return (values - values.mean()) / spread if spread > 0 else values * 0.0


class KbRanker:
    """Articles best first for a text.

    Attributes:
        index: the local index (FTS5 by default).
        embedder: the optional sentence-embedding model.
        classifier: trained on the example questions, when there are enough of them.
        weights: each signal's weight in the fused score.
        build_seconds: time to index and train.
    """

    def __init__(
        self,
        index: KbIndex,
        embedder: TextEmbedder | None = None,
        weights: Mapping[str, float] | None = None,
    ) -> None:
        self.index = index
        self.embedder = embedder
        self.weights = dict(
            weights or (WEIGHTS_WITH_EMBEDDINGS if embedder is not None else WEIGHTS)
        )
        self.classifier: TextClassifier | None = None
        self.build_seconds = 0.0
        self._ids: list[str] = []  # every article, the classifier's labels first
        self._position: dict[str, int] = {}
        self._embedding_model: Any = None  # {"weights", "intercept"}
        self._examples: Any = None  # example vectors, grouped by article
        self._starts: Any = None  # where each classifier label's examples start

    @property
    def signals(self) -> list[str]:
        """The signals in use (weight above zero and available)."""
        names = ["bm25"]
        if self.classifier is not None:
            names += ["svm", "logistic"] if self.classifier.has_logistic else ["svm"]
            if self._embedding_model is not None:
                names += ["embedding", "nearest"]
        return [n for n in names if self.weights.get(n, 0.0) > 0]

    def load(self, articles: Iterable[Article], separate_process: bool = False) -> int:
        """Index the articles and train the classifiers on their titles and example
        questions (the start of the body for an article without questions); with
        ``separate_process``, in a spawned child process (if it fails, for instance
        killed for lack of memory, the index ranks alone)."""
        import numpy as np

        started = time.perf_counter()
        count = self.index.add(articles)
        texts: list[str] = []
        labels: list[str] = []
        for article in self.index.articles.values():
            # Without example questions, the body stands in for them (its start).
            examples = article.questions or (article.body[:BODY_CHARS],)
            for text in (article.title, *examples):
                if text.strip():
                    texts.append(text)
                    labels.append(article.id)
        self.classifier = None
        self._embedding_model = None
        vectors = None
        trained: dict[str, Any] = {}
        if len(set(labels)) >= 2:
            if self.embedder is not None:
                vectors = np.asarray(self.embedder.embed(texts), dtype=np.float32)
            args = (texts, labels, self.weights.get("logistic", 0.0) > 0, vectors)
            trained = self._train(args, separate_process)
        if trained.get("text") is not None:
            self.classifier = TextClassifier.from_trained(trained["text"])
        known = self.classifier.labels if self.classifier else []
        self._ids = known + sorted(set(self.index.articles) - set(known))
        self._position = {article_id: n for n, article_id in enumerate(self._ids)}
        if self.classifier is not None and vectors is not None and trained.get("embedding"):
            self._embedding_model = trained["embedding"]
            order = np.argsort([self._position[label] for label in labels], kind="stable")
            self._examples = vectors[order]
            grouped = np.asarray([self._position[labels[i]] for i in order])
            self._starts = np.searchsorted(grouped, np.arange(len(known)))
        self.build_seconds = time.perf_counter() - started
        return count

    @staticmethod
    def _train(args: tuple[Any, ...], separate_process: bool) -> dict[str, Any]:
        """:func:`train_ranker_models` here or in a child process; {} when it failed."""
        if separate_process:
            from concurrent.futures.process import BrokenProcessPool

            from agent_desktop.services.child_process import run_in_child

            try:
                trained = run_in_child(train_ranker_models, *args)
            except (BrokenProcessPool, OSError) as exc:
                log.warning("KB classifiers not trained, the index ranks alone: %r", exc)
                return {}
        else:
            trained = train_ranker_models(*args)
        if "too_large" in trained:
            log.warning("KB classifiers left out, the index ranks alone: %s", trained["too_large"])
            return {}
        return trained

    def signal_scores(self, text: str) -> dict[str, Any]:
        """Every signal's raw score for every article (numpy rows, in ``_ids`` order)."""
        import numpy as np

        n = len(self._ids)
        scores: dict[str, Any] = {}
        bm25 = np.zeros(n)
        for hit in self.index.search(text, FTS_CANDIDATES):
            if hit.id in self._position:
                bm25[self._position[hit.id]] = hit.score
        scores["bm25"] = bm25
        if self.classifier is None:
            return scores
        known = len(self.classifier.labels)
        for name, row in self.classifier.model_scores(text).items():
            scores[name] = self._padded(row, n)
        if self._embedding_model is not None and self.embedder is not None:
            vector = np.asarray(self.embedder.embed([text]), dtype=np.float32)
            model = self._embedding_model
            row = vector[0] @ model["weights"] + model["intercept"]  # its decision_function
            scores["embedding"] = self._padded(np.atleast_1d(row), n, known)
            similarity = self._examples @ vector[0]
            nearest = np.maximum.reduceat(similarity, self._starts)
            scores["nearest"] = self._padded(nearest, n)
        return scores

    @staticmethod
    def _padded(row: Any, n: int, known: int | None = None) -> Any:
        """A classifier row extended to every article (those it does not know: its
        lowest score)."""
        import numpy as np

        row = np.asarray(row, dtype=float)
        if known == 2 and row.size == 1:  # a binary model: one value, for the second label
            row = np.array([-row[0], row[0]])
        return np.concatenate([row, np.full(n - row.size, row.min())]) if row.size < n else row

    def rank(self, text: str, limit: int = 5, matching_only: bool = False) -> list[ScoredArticle]:
        """The best ``limit`` articles; with ``matching_only``, only articles that share
        words with the text (a typed search), still in the fused order."""
        if not text.strip() or not self._ids:
            return []
        import numpy as np

        # One query is a few small products: BLAS threads only fight over the cores (a
        # 2-thread OpenBLAS took 14 ms for what one thread does in 0.5 ms).
        with _blas().limit(limits=1, user_api="blas"):
            scores = self.signal_scores(text)
        if self.classifier is None:  # nothing learnt: the words alone
            fused = scores["bm25"]
            best = [i for i in np.argsort(-fused, kind="stable")[:limit] if fused[i] > 0]
        else:
            fused = np.zeros(len(self._ids))
            for name in self.signals:
                fused += self.weights[name] * _standardised(scores[name])
            order = np.argsort(-fused, kind="stable")
            if matching_only:
                order = order[scores["bm25"][order] > 0]
            best = list(order[:limit])
        return [ScoredArticle(self._ids[i], float(fused[i])) for i in best]
