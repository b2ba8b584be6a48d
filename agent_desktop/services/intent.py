"""Local intent detection: TF-IDF features and a linear model, trained from ``text,label``.

Why this model: on Banking77 (real customer wording) word 1–2-grams plus character
2–5-grams within words, with a linear SVM, reach about 0.89–0.90 top-1 held out, train in
a few seconds on 10 000 rows and answer in well under a millisecond per utterance on one
core (the TF-IDF row and the linear scores are computed directly), so it can rerun on
every transcript segment. Character n-grams make it robust to typos and to
French inflections; no network and no GPU are needed. scikit-learn provides the
vectoriser and the solver (well-kept, and the numerics are not ours to get wrong).

Nothing here imports Qt. scikit-learn is imported only to train (:func:`fit_text_models`),
which the desktop does in a spawned child process: the trained models come back as plain
data (vocabularies, idf, weights) and a query is scored by :mod:`.text_features`, so the
desktop process never loads scikit-learn or SciPy (~110 MB) nor keeps the training's peak.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agent_desktop.services.text_features import TfidfLinearScorer

# Memory bounds, in coefficients (labels × features). A linear model keeps one weight per
# label and feature, and scikit-learn's L-BFGS solver for the logistic regression needs
# some 30 times that while it trains (measured: 150 labels × 8 160 features, 1.2 M
# coefficients, took the process from 149 MB to 484 MB). Banking77 is 77 × 43 947 = 3.4 M;
# the sandbox's KB 1.2 M. Beyond these bounds a desktop would spend gigabytes and minutes
# (500 generated articles: 1.7 GB), so the logistic model, then the whole classifier, is
# left out and the caller ranks with its index alone.
LOGISTIC_MAX_COEFFICIENTS = 5_000_000
MAX_COEFFICIENTS = 20_000_000


class ClassifierTooLarge(ValueError):
    """The training set would need a model beyond :data:`MAX_COEFFICIENTS`."""


@dataclass(frozen=True, slots=True)
class Guess:
    label: str
    score: float


class TextClassifier:
    """A linear text classifier; ``rank`` gives every label's score, best first.

    ``with_logistic`` also trains a multinomial logistic regression on the same features
    (see :meth:`model_scores`): its scores are comparable across labels, which helps the
    second and third guesses, at the price of a longer training.

    Only plain data is kept (vocabularies, idf, weights: :class:`TfidfLinearScorer`):
    scikit-learn is needed to train, in this process or in a child one (``fit(…,
    separate_process=True)``, what the desktop does), never to score.

    Attributes:
        labels: the labels it knows, in the model's order.
        train_seconds: how long the last :meth:`fit` took.
    """

    def __init__(
        self, c: float = 0.5, with_logistic: bool = False, logistic_c: float = 30.0
    ) -> None:
        self._c = c
        self._with_logistic = with_logistic
        self._logistic_c = logistic_c
        self._scorer: TfidfLinearScorer | None = None
        self.labels: list[str] = []
        self.train_seconds = 0.0

    @classmethod
    def from_trained(cls, data: Mapping[str, Any]) -> TextClassifier:
        """A classifier from what :func:`train_text_models` returned."""
        classifier = cls(with_logistic="logistic" in data["models"])
        classifier._use(data)
        return classifier

    @property
    def trained(self) -> bool:
        return self._scorer is not None

    @property
    def has_logistic(self) -> bool:
        return self._scorer is not None and "logistic" in self._scorer.models

    @property
    def feature_count(self) -> int:
        """Columns of the TF-IDF rows (0 before training)."""
        return self._scorer.width if self._scorer is not None else 0

    def fit(
        self, texts: Sequence[str], labels: Sequence[str], separate_process: bool = False
    ) -> TextClassifier:
        """Train (in a spawned child process with ``separate_process``); raises
        ``ValueError`` with fewer than two labels and :class:`ClassifierTooLarge` beyond
        :data:`MAX_COEFFICIENTS` (the logistic model is skipped beyond
        :data:`LOGISTIC_MAX_COEFFICIENTS`)."""
        if len(set(labels)) < 2:
            raise ValueError("at least two different labels are needed to train")
        started = time.perf_counter()
        args = (list(texts), list(labels), self._c, self._with_logistic, self._logistic_c)
        if separate_process:
            from agent_desktop.services.child_process import run_in_child

            data = run_in_child(train_text_models, *args)
        else:
            data = train_text_models(*args)
        self._use(data)
        self.train_seconds = time.perf_counter() - started
        return self

    def _use(self, data: Mapping[str, Any]) -> None:
        self._scorer = TfidfLinearScorer(data)
        self.labels = list(self._scorer.labels)

    def scores(self, text: str) -> list[float]:
        """Each label's decision value for ``text`` (same order as :attr:`labels`)."""
        return [float(v) for v in self.model_scores(text)["svm"]]

    def model_scores(self, text: str) -> dict[str, Any]:
        """Each model's decision values for ``text`` as numpy rows in :attr:`labels`'
        order: ``svm``, and ``logistic`` when trained with it."""
        if self._scorer is None:
            raise RuntimeError("the classifier is not trained")
        # Both models are linear: the TF-IDF row · weights + intercept, computed directly
        # (scikit-learn's checks around decision_function cost more than the product for
        # one short text, and scikit-learn is not loaded here).
        return {name: _per_label(row) for name, row in self._scorer.scores(text).items()}

    def rank(self, text: str, k: int = 3) -> list[Guess]:
        """The ``k`` most likely labels, best first."""
        if not text.strip():
            return []
        pairs = sorted(zip(self.labels, self.scores(text), strict=True), key=lambda p: -p[1])
        return [Guess(label, score) for label, score in pairs[:k]]


# The two TF-IDF parts: word 1–2-grams and character 2–5-grams within words (both with
# sublinear tf, accents stripped; :mod:`.text_features` reproduces their analysers).
TFIDF_PARTS = (("words", "word", (1, 2)), ("chars", "char_wb", (2, 5)))


def fit_text_models(
    texts: Sequence[str],
    labels: Sequence[str],
    c: float = 0.5,
    with_logistic: bool = False,
    logistic_c: float = 30.0,
) -> tuple[Any, dict[str, Any]]:
    """scikit-learn's fitted vectoriser (a ``FeatureUnion`` of TF-IDF parts) and linear
    models by name (``svm``, ``logistic``). Raises :class:`ClassifierTooLarge` beyond
    :data:`MAX_COEFFICIENTS`; leaves the logistic model out beyond
    :data:`LOGISTIC_MAX_COEFFICIENTS`."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion
    from sklearn.svm import LinearSVC

    vectoriser = FeatureUnion(
        [
            (
                name,
                TfidfVectorizer(
                    analyzer=analyzer,
                    ngram_range=ngram_range,
                    sublinear_tf=True,
                    strip_accents="unicode",
                ),
            )
            for name, analyzer, ngram_range in TFIDF_PARTS
        ]
    )
    features = vectoriser.fit_transform([t.lower() for t in texts])
    coefficients = len(set(labels)) * features.shape[1]
    if coefficients > MAX_COEFFICIENTS:
        raise ClassifierTooLarge(
            f"{len(set(labels))} labels × {features.shape[1]} features is too large"
        )
    models = {"svm": LinearSVC(C=c).fit(features, list(labels))}
    if with_logistic and coefficients <= LOGISTIC_MAX_COEFFICIENTS:
        from sklearn.linear_model import LogisticRegression

        logistic = LogisticRegression(C=logistic_c, max_iter=300)
        models["logistic"] = logistic.fit(features, list(labels))
    return vectoriser, models


def linear_model_data(model: Any) -> dict[str, Any]:
    """A fitted scikit-learn linear model as plain data: ``weights`` (features × labels,
    float32) and ``intercept``."""
    import numpy as np

    return {
        "weights": np.ascontiguousarray(np.asarray(model.coef_).T, dtype=np.float32),
        "intercept": np.asarray(model.intercept_, dtype=float),
    }


def export_text_models(vectoriser: Any, models: Mapping[str, Any]) -> dict[str, Any]:
    """What a query needs of :func:`fit_text_models`' result, as plain data (dicts,
    lists and NumPy arrays: no scikit-learn object), for :class:`TfidfLinearScorer`."""
    import numpy as np

    parts = []
    for _, part in vectoriser.transformer_list:
        if not (
            part.sublinear_tf
            and part.use_idf
            and part.norm == "l2"
            and part.lowercase
            and part.strip_accents == "unicode"
            and part.token_pattern == r"(?u)\b\w\w+\b"
            and part.analyzer in ("word", "char_wb")
            and part.stop_words is None
            and part.preprocessor is None
            and part.tokenizer is None
        ):
            raise ValueError("a TF-IDF part with settings text_features does not reproduce")
        parts.append(
            {
                "analyzer": part.analyzer,
                "ngram_range": tuple(part.ngram_range),
                "vocabulary": {str(term): int(n) for term, n in part.vocabulary_.items()},
                "idf": np.asarray(part.idf_, dtype=float),
            }
        )
    return {
        "labels": [str(label) for label in models["svm"].classes_],
        "parts": parts,
        "models": {name: linear_model_data(model) for name, model in models.items()},
    }


def train_text_models(
    texts: Sequence[str],
    labels: Sequence[str],
    c: float = 0.5,
    with_logistic: bool = False,
    logistic_c: float = 30.0,
) -> dict[str, Any]:
    """Train and export (:func:`fit_text_models`, :func:`export_text_models`): what a
    child process sends back."""
    return export_text_models(*fit_text_models(texts, labels, c, with_logistic, logistic_c))


def _per_label(row: Any) -> Any:
    """A decision row with one value per label (a binary model gives one value, for the
    second label)."""
    import numpy as np

    values = np.atleast_1d(np.asarray(row, dtype=float))
    return np.array([-values[0], values[0]]) if values.size == 1 else values


def read_labelled_csv(path: Path) -> tuple[list[str], list[str]]:
    """Rows of a ``text,label`` CSV (a header row is skipped; so are blank rows).

    Raises ``ValueError`` naming the line of a malformed row.
    """
    texts: list[str] = []
    labels: list[str] = []
    with path.open(newline="", encoding="utf-8") as handle:
        for number, row in enumerate(csv.reader(handle), start=1):
            if not row or not "".join(row).strip():
                continue
            if len(row) < 2:
                raise ValueError(f"{path}:{number}: expected `text,label`")
            text, label = row[0].strip(), row[-1].strip()
            if number == 1 and text.lower() == "text":
                continue
            if not text or not label:
                raise ValueError(f"{path}:{number}: empty text or label")
            texts.append(text)
            labels.append(label)
    return texts, labels


class IntentDetector:
    """The live intent: the IVR's choice first, refined by what the customer says.

    The detector is rerun on the customer's words so far (every transcript segment or
    message); it keeps the IVR intent until the text is long enough to be trusted.
    """

    MIN_WORDS = 4

    def __init__(self, classifier: TextClassifier | None = None) -> None:
        self.classifier = classifier

    @classmethod
    def from_csv(cls, path: Path, separate_process: bool = True) -> IntentDetector:
        """Trained from a ``text,label`` CSV, by default in a child process (the desktop's
        memory stays free of scikit-learn)."""
        texts, labels = read_labelled_csv(path)
        return cls(TextClassifier().fit(texts, labels, separate_process))

    def detect(self, ivr_intent: str | None, utterances: Iterable[str]) -> str | None:
        text = " ".join(u.strip() for u in utterances if u.strip())
        if self.classifier is None or len(text.split()) < self.MIN_WORDS:
            return ivr_intent
        guesses = self.classifier.rank(text, 1)
        return guesses[0].label if guesses else ivr_intent
