"""TF-IDF rows and linear scores computed from plain data, without scikit-learn.

The classifiers are trained by scikit-learn in a child process
(:func:`agent_desktop.services.intent.train_text_models`, run by :mod:`.child_process`);
what a query needs comes back as plain data — each TF-IDF part's analyser settings,
vocabulary and idf, each linear model's weights and intercepts, the labels — so the
desktop process holds NumPy arrays only (importing scikit-learn and SciPy alone costs
~110 MB of RSS, and training the logistic regression peaked at +335 MB, memory glibc
keeps afterwards).

The analysers reproduce scikit-learn's ``TfidfVectorizer.build_analyzer()`` for the
settings the classifiers use (lowercase, ``strip_accents="unicode"``, word n-grams with
the default token pattern, or ``char_wb`` n-grams); a test compares them with
scikit-learn's on varied French and English texts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# scikit-learn's default ``token_pattern``: words of two or more word characters.
TOKEN = re.compile(r"(?u)\b\w\w+\b")
_WHITE_SPACES = re.compile(r"\s\s+")


def strip_accents(text: str) -> str:
    """Accents removed as scikit-learn's ``strip_accents_unicode`` does: NFKD, then the
    combining marks dropped (ASCII text is returned as is)."""
    if text.isascii():
        return text
    normalized = unicodedata.normalize("NFKD", text)
    return "".join([c for c in normalized if not unicodedata.combining(c)])


def word_ngrams(text: str, low: int, high: int) -> list[str]:
    """Word ``low``–``high``-grams, words joined by one space (scikit-learn's order:
    the tokens themselves, then the 2-grams, and so on)."""
    tokens = TOKEN.findall(text)
    grams: list[str] = list(tokens) if low == 1 else []
    for n in range(max(low, 2), min(high, len(tokens)) + 1):
        grams += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
    return grams


def char_wb_ngrams(text: str, low: int, high: int) -> list[str]:
    """Character ``low``–``high``-grams inside words, each word padded with one space on
    either side; a word shorter than ``n`` (padded) counts once, as itself."""
    grams: list[str] = []
    for word in _WHITE_SPACES.sub(" ", text).split():
        padded = f" {word} "
        length = len(padded)
        for n in range(low, high + 1):
            if length <= n:  # a short word: once, whole, and no longer n-grams
                grams.append(padded)
                break
            grams += [padded[i : i + n] for i in range(length - n + 1)]
    return grams


_NGRAMS: Mapping[str, Callable[[str, int, int], list[str]]] = {
    "word": word_ngrams,
    "char_wb": char_wb_ngrams,
}


def preprocess(text: str) -> str:
    """Lowercased, then accents stripped (scikit-learn's order)."""
    return strip_accents(text.lower())


def analyse(text: str, analyzer: str, ngram_range: Sequence[int]) -> list[str]:
    """The terms of ``text`` as a ``TfidfVectorizer(analyzer=…, ngram_range=…,
    strip_accents="unicode")`` sees them (lowercased, accents stripped)."""
    low, high = ngram_range
    return _NGRAMS[analyzer](preprocess(text), low, high)


@dataclass(frozen=True, slots=True)
class TfidfPart:
    """One fitted TF-IDF vectoriser (sublinear tf, idf, L2-normalised rows)."""

    analyzer: str
    ngram_range: tuple[int, int]
    vocabulary: dict[str, int]
    idf: Any  # float64, one per vocabulary entry

    def __post_init__(self) -> None:
        if self.analyzer not in _NGRAMS:
            raise ValueError(f"unknown analyser {self.analyzer!r}")


@dataclass(frozen=True, slots=True)
class LinearModel:
    """``x·W + b``: ``weights`` is features × labels (float32), ``intercept`` per label."""

    weights: Any
    intercept: Any


class TfidfLinearScorer:
    """Each model's decision values for a text, from the exported data alone.

    ``data`` is what :func:`agent_desktop.services.intent.train_text_models` returns:
    ``labels``, ``parts`` (``analyzer``, ``ngram_range``, ``vocabulary``, ``idf``) and
    ``models`` (name → ``weights``, ``intercept``).
    """

    def __init__(self, data: Mapping[str, Any]) -> None:
        import numpy as np

        self.labels: list[str] = [str(label) for label in data["labels"]]
        self.parts = [
            TfidfPart(
                str(p["analyzer"]),
                (int(p["ngram_range"][0]), int(p["ngram_range"][1])),
                dict(p["vocabulary"]),
                np.asarray(p["idf"], dtype=float),
            )
            for p in data["parts"]
        ]
        self.width = sum(len(p.vocabulary) for p in self.parts)
        self.models = {
            str(name): LinearModel(
                np.ascontiguousarray(m["weights"], dtype=np.float32),
                np.asarray(m["intercept"], dtype=float),
            )
            for name, m in data["models"].items()
        }
        for name, model in self.models.items():
            if model.weights.shape[0] != self.width:
                raise ValueError(f"model {name!r} does not match the features")

    def features(self, text: str) -> tuple[Any, Any]:
        """The TF-IDF row of ``text`` as (columns, values): sublinear term frequency ×
        idf, each part L2-normalised, the parts side by side."""
        import numpy as np

        prepared = preprocess(text)  # once for every part
        columns: list[Any] = []
        values: list[Any] = []
        offset = 0
        for part in self.parts:
            counts: dict[int, int] = {}
            for term in _NGRAMS[part.analyzer](prepared, *part.ngram_range):
                column = part.vocabulary.get(term)
                if column is not None:
                    counts[column] = counts.get(column, 0) + 1
            if counts:
                keys = np.fromiter(counts, dtype=np.int64, count=len(counts))
                tf = np.fromiter(counts.values(), dtype=float, count=len(counts))
                weights = (1.0 + np.log(tf)) * part.idf[keys]
                weights /= np.sqrt(weights @ weights)
                columns.append(keys + offset)
                values.append(weights)
            offset += len(part.vocabulary)
        if not columns:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        return np.concatenate(columns), np.concatenate(values)

    def scores(self, text: str) -> dict[str, Any]:
        """Each model's decision row for ``text`` (as its ``decision_function``)."""
        columns, values = self.features(text)
        return {
            name: values @ model.weights[columns] + model.intercept
            for name, model in self.models.items()
        }
