"""The KB classifiers scored without scikit-learn: our analysers produce exactly
scikit-learn's terms, the exported plain data gives the trained models' own decision
values, and training in a child process gives the same classifier as in this one."""

from __future__ import annotations

import pickle
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import TfidfVectorizer

from agent_desktop.adapters.kb_index.fts5 import Fts5Index
from agent_desktop.ports.knowledge import Article
from agent_desktop.services import intent
from agent_desktop.services.intent import (
    ClassifierTooLarge,
    TextClassifier,
    export_text_models,
    fit_text_models,
)
from agent_desktop.services.kb_ranking import KbRanker
from agent_desktop.services.text_features import TfidfLinearScorer, analyse, strip_accents

TEXTS = [
    "",
    "   ",
    "a",
    "Bonjour, je voudrais résilier mon contrat d'électricité !",
    "FACTURE ÉLECTRICITÉ élevée — pourquoi ?",
    "L'œuvre coûte 12,50 € ; Noël à Besançon, façade, naïf, où, ÇA",
    "My card hasn't arrived yet... where is it?!",
    "I  lost\tmy\n\ncard   at the A1 ATM (2x)",
    "ﬁnancement ﬂexible, Straße, İstanbul, ǅemal, Ⅻ, ½, ²",
    "Привет мир, Γειά σου κόσμε, مرحبا, 日本語のテキスト",
    "emoji 👍🏽 ok, x y z, e-mail: jean.dupont@exemple.fr, +33 6 12 34 56 78",
    "déjà vu déjà vu déjà vu",
    "\u00a0non\u2009breaking\u202fspaces\u3000here",
]
SETTINGS = [
    ("word", (1, 2)),
    ("word", (1, 1)),
    ("word", (2, 3)),
    ("char_wb", (2, 5)),
    ("char_wb", (1, 3)),
    ("char_wb", (4, 4)),
]


def _scikit_terms(text: str, analyzer: str, ngram_range: tuple[int, int]) -> list[str]:
    vectoriser = TfidfVectorizer(
        analyzer=analyzer, ngram_range=ngram_range, strip_accents="unicode"
    )
    result: list[str] = vectoriser.build_analyzer()(text)
    return result


@pytest.mark.parametrize(("analyzer", "ngram_range"), SETTINGS)
def test_analysers_give_exactly_scikit_learns_terms(
    analyzer: str, ngram_range: tuple[int, int]
) -> None:
    for text in TEXTS:
        assert analyse(text, analyzer, ngram_range) == _scikit_terms(text, analyzer, ngram_range)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_analysers_agree_with_scikit_learn_on_any_text(text: str) -> None:
    for analyzer, ngram_range in (("word", (1, 2)), ("char_wb", (2, 5))):
        assert analyse(text, analyzer, ngram_range) == _scikit_terms(text, analyzer, ngram_range)


def test_accents_are_stripped_as_scikit_learn_does() -> None:
    from sklearn.feature_extraction.text import strip_accents_unicode

    for text in TEXTS:
        assert strip_accents(text) == strip_accents_unicode(text)
    assert strip_accents("Électricité, NOËL") == "Electricite, NOEL"


ARTICLES = {
    "KB-1": ["Facture d'électricité trop élevée", "Ma facture a doublé", "Je paie trop"],
    "KB-2": ["Carte bancaire perdue ou volée", "J'ai perdu ma carte", "On m'a volé"],
    "KB-3": ["Changer d'adresse", "Je déménage le mois prochain", "Mettre à jour mon adresse"],
}


def _training_set(ids: list[str]) -> tuple[list[str], list[str]]:
    texts = [t for i in ids for t in ARTICLES[i]]
    return texts, [i for i in ids for _t in ARTICLES[i]]


def _plain(value: Any) -> bool:
    """Only dicts, lists, tuples, strings, numbers and numeric NumPy arrays."""
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return all(_plain(v) for v in value)
    if isinstance(value, np.ndarray):
        return value.dtype.kind in "fi"
    return isinstance(value, str | int | float | type(None))


@pytest.mark.parametrize("ids", [["KB-1", "KB-2", "KB-3"], ["KB-1", "KB-2"]])
def test_exported_scores_are_the_models_own_decision_values(ids: list[str]) -> None:
    texts, labels = _training_set(ids)
    vectoriser, models = fit_text_models(texts, labels, with_logistic=True)
    data = export_text_models(vectoriser, models)
    assert set(data["models"]) == {"svm", "logistic"} and _plain(data)
    assert "sklearn" not in pickle.dumps(data).decode("latin-1")
    scorer = TfidfLinearScorer(data)
    assert scorer.labels == list(models["svm"].classes_)
    for text in [*TEXTS, *texts, "Ma FACTURE a doublé !", "déménagement", "xyz"]:
        features = vectoriser.transform([text.lower()])
        scores = scorer.scores(text)
        for name, model in models.items():
            expected = np.atleast_1d(model.decision_function(features)[0])
            assert np.allclose(scores[name], expected, rtol=1e-5, atol=1e-6), (name, text)
    classifier = TextClassifier.from_trained(data)
    assert classifier.has_logistic and classifier.feature_count == scorer.width
    # A two-label model has one column; each label still gets its score.
    assert len(classifier.scores("facture")) == len(ids)


def test_training_in_a_child_process_gives_the_same_classifier() -> None:
    texts, labels = _training_set(["KB-1", "KB-2", "KB-3"])
    here = TextClassifier(with_logistic=True).fit(texts, labels)
    apart = TextClassifier(with_logistic=True).fit(texts, labels, separate_process=True)
    assert apart.labels == here.labels and apart.has_logistic
    for text in ("on m'a volé ma carte", "facture", ""):
        for name, row in here.model_scores(text).items():
            # (the solvers' floating-point sums may differ in the last digits)
            assert np.allclose(apart.model_scores(text)[name], row, rtol=1e-4, atol=1e-5)
    with pytest.raises(ValueError, match="two different labels"):
        TextClassifier().fit(["a", "b"], ["x", "x"], separate_process=True)


def test_a_ranker_trained_apart_ranks_as_one_trained_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    articles = [
        Article(i, "fr", lines[0], lines[0], questions=tuple(lines[1:]))
        for i, lines in ARTICLES.items()
    ]
    here, apart = KbRanker(Fts5Index()), KbRanker(Fts5Index())
    here.load(articles)
    apart.load(articles, separate_process=True)
    assert apart.signals == here.signals == ["bm25", "svm", "logistic"]
    for text in ("on m'a volé mon portefeuille", "je déménage", "facture trop élevée"):
        ranked = here.rank(text, 3)
        assert [r.id for r in apart.rank(text, 3)] == [r.id for r in ranked]
        assert np.allclose(
            [r.score for r in apart.rank(text, 3)], [r.score for r in ranked], rtol=1e-3
        )
    # Too large for the classifiers (the bound lowered in the training function's
    # module): the index ranks alone, whichever process trained.
    monkeypatch.setattr(intent, "MAX_COEFFICIENTS", 1)
    with pytest.raises(ClassifierTooLarge):
        intent.train_text_models(*_training_set(["KB-1", "KB-2"]))
    small = KbRanker(Fts5Index())
    small.load(articles)
    assert small.classifier is None and small.signals == ["bm25"]
