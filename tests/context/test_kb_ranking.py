"""The local KB index and ranker, the intent detector and ``agent-desktop kb``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agent_desktop.adapters.kb_index.fts5 import Fts5Index, match_expression
from agent_desktop.cli import main
from agent_desktop.ports.knowledge import Article
from agent_desktop.services import intent
from agent_desktop.services.intent import IntentDetector, TextClassifier, read_labelled_csv
from agent_desktop.services.kb_ranking import KbRanker

ARTICLES = [
    Article(
        "KB-1",
        "fr",
        "Facture d'électricité trop élevée",
        "Vérifier le relevé du compteur et l'estimation de consommation.",
        questions=("Ma facture a doublé", "Pourquoi je paie autant ce mois-ci ?"),
    ),
    Article(
        "KB-2",
        "fr",
        "Carte bancaire perdue ou volée",
        "Faire opposition immédiatement puis commander une nouvelle carte.",
        questions=("J'ai perdu ma carte", "On m'a volé mon portefeuille"),
    ),
    Article(
        "KB-3",
        "fr",
        "Changer d'adresse",
        "Le client peut modifier son adresse postale dans son espace.",
        questions=("Je déménage le mois prochain", "Mettre à jour mon adresse"),
    ),
]


def test_fts5_folds_accents_and_case_and_weighs_questions() -> None:
    index = Fts5Index()
    index.add(ARTICLES)
    assert [h.id for h in index.search("FACTURE ELECTRICITE")][:1] == ["KB-1"]
    assert [h.id for h in index.search("électricité")][:1] == ["KB-1"]
    # only in KB-3's example questions:
    assert [h.id for h in index.search("je demenage")][:1] == ["KB-3"]
    assert index.search("   ") == []
    index.close()


def test_match_expression_never_passes_fts_syntax_through() -> None:
    expression = match_expression('carte" OR NEAR(x) * -volée')
    assert expression is not None
    assert all(part.startswith('"') and part.endswith('"') for part in expression.split(" OR "))
    assert match_expression("!!! ?") is None


def test_ranker_recognises_a_phrasing_that_shares_few_words() -> None:
    ranker = KbRanker(Fts5Index())
    assert ranker.load(ARTICLES) == 3
    assert ranker.rank("on m'a volé mon sac avec ma carte dedans", 3)[0].id == "KB-2"
    assert ranker.rank("je vais déménager", 3)[0].id == "KB-3"
    assert ranker.rank("") == []


def test_text_classifier_and_intent_detector(tmp_path: Path) -> None:
    csv_path = tmp_path / "intents.csv"
    rows = ["text,label"]
    for i in range(5):
        rows += [
            f"my card has not arrived yet {i},card_arrival",
            f"where is my new card {i},card_arrival",
            f"I want to change my pin {i},change_pin",
            f"how do I reset the pin code {i},change_pin",
        ]
    csv_path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    texts, labels = read_labelled_csv(csv_path)
    assert len(texts) == 20 and set(labels) == {"card_arrival", "change_pin"}
    detector = IntentDetector.from_csv(csv_path)
    assert detector.detect("card_arrival", ["hello"]) == "card_arrival"  # too short: IVR kept
    assert detector.detect("card_arrival", ["I would like to", "change my pin please"]) == (
        "change_pin"
    )
    with pytest.raises(ValueError, match="two different labels"):
        TextClassifier().fit(["a", "b"], ["x", "x"])


def test_a_malformed_csv_row_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("text,label\nonly one column\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.csv:2"):
        read_labelled_csv(bad)


def write_kb(folder: Path) -> tuple[Path, Path]:
    kb = folder / "articles.jsonl"
    kb.write_text(
        "\n".join(
            json.dumps({"id": a.id, "title": a.title, "body": a.body, "questions": a.questions})
            for a in ARTICLES
        )
        + "\n",
        encoding="utf-8",
    )
    queries = folder / "queries.csv"
    queries.write_text(
        "text,article_id\nma facture est énorme,KB-1\ncarte volée,KB-2\nnouvelle adresse,KB-3\n",
        encoding="utf-8",
    )
    return kb, queries


def test_kb_eval_prints_the_figures_as_its_last_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kb, queries = write_kb(tmp_path)
    assert main(["kb", "eval", "--kb", str(kb), "--queries", str(queries)]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.startswith("top1=1.000 top3=1.000 p95_ms=")
    assert float(last.split("p95_ms=")[1]) > 0


def test_kb_eval_says_what_is_wrong_with_its_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kb, queries = write_kb(tmp_path)
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "x", "title": "t"}\nnot json\n', encoding="utf-8")
    assert main(["kb", "eval", "--kb", str(broken), "--queries", str(queries)]) == 2
    assert "broken.jsonl:2" in capsys.readouterr().err
    missing = tmp_path / "missing.csv"
    assert main(["kb", "eval", "--kb", str(kb), "--queries", str(missing)]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_kb_banking77_builds_articles_and_held_out_queries(tmp_path: Path) -> None:
    source = tmp_path / "train.csv"
    lines = ["text,category"] + [f"utterance {i} about {c},{c}" for c in "ab" for i in range(10)]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "kb"
    assert main(["kb", "banking77", "--csv", str(source), "--out", str(out)]) == 0
    articles = [json.loads(line) for line in (out / "articles.jsonl").read_text().splitlines()]
    assert len(articles) == 2 and all(len(a["questions"]) == 9 for a in articles)
    queries = (out / "queries.csv").read_text().splitlines()
    assert queries[0] == "text,article_id" and len(queries) == 3


def test_knowledge_service_trains_its_detector_off_the_loop(tmp_path: Path) -> None:
    import asyncio

    from agent_desktop.services.knowledge import KnowledgeService

    service = KnowledgeService(None)
    assert not asyncio.run(service.train_detector(None))
    assert not asyncio.run(service.train_detector(str(tmp_path / "missing.csv")))
    assert service.detector is None
    good = tmp_path / "intents.csv"
    good.write_text(
        "text,label\n"
        + "".join(
            f"card not arrived {i},card_arrival\nreset my pin {i},change_pin\n" for i in range(3)
        ),
        encoding="utf-8",
    )
    assert asyncio.run(service.train_detector(str(good)))
    assert service.detector is not None


def _signals_for(ranker: KbRanker, text: str) -> set[str]:
    return {name for name, row in ranker.signal_scores(text).items() if row.any()}


def test_default_ranker_fuses_words_and_two_classifiers() -> None:
    ranker = KbRanker(Fts5Index())
    ranker.load(ARTICLES)
    assert ranker.signals == ["bm25", "svm", "logistic"]
    assert _signals_for(ranker, "facture") == {"bm25", "svm", "logistic"}
    # Accents typed or not, capitals or not: the same article first.
    for text in ("FACTURE ÉLECTRICITÉ élevée", "facture electricite elevee"):
        assert ranker.rank(text, 3)[0].id == "KB-1"
    # Words found only in an article's example questions count.
    assert ranker.rank("portefeuille", 3)[0].id == "KB-2"
    # Every article is ranked, best first, scores decreasing.
    ranked = ranker.rank("adresse", 10)
    assert [r.id for r in ranked][:1] == ["KB-3"] and len(ranked) == 3
    assert [r.score for r in ranked] == sorted((r.score for r in ranked), reverse=True)


def test_an_article_without_questions_is_still_found_by_its_words() -> None:
    extra = Article("KB-4", "fr", "Odeur de gaz", "Faire évacuer et appeler le numéro d'urgence.")
    ranker = KbRanker(Fts5Index())
    ranker.load([*ARTICLES, extra])
    assert ranker.rank("ça sent le gaz, urgence", 3)[0].id == "KB-4"


def test_a_single_article_is_ranked_by_its_words_alone() -> None:
    ranker = KbRanker(Fts5Index())
    ranker.load(ARTICLES[:1])
    assert ranker.classifier is None and ranker.signals == ["bm25"]
    assert [r.id for r in ranker.rank("facture")] == ["KB-1"]
    assert ranker.rank("rien à voir") == []


def test_a_kb_too_large_for_the_classifiers_is_ranked_by_its_index(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The bounds are lowered to this tiny KB's size instead of building a huge one.
    ranker = KbRanker(Fts5Index())
    ranker.load(ARTICLES)
    assert ranker.classifier is not None
    labels, features = len(ARTICLES), ranker.classifier.feature_count
    monkeypatch.setattr(intent, "LOGISTIC_MAX_COEFFICIENTS", labels * features - 1)
    ranker = KbRanker(Fts5Index())
    ranker.load(ARTICLES)
    assert ranker.signals == ["bm25", "svm"]  # the memory-hungry logistic left out
    assert ranker.rank("on m'a volé mon portefeuille", 3)[0].id == "KB-2"
    monkeypatch.setattr(intent, "MAX_COEFFICIENTS", labels * features - 1)
    ranker = KbRanker(Fts5Index())
    ranker.load(ARTICLES)
    assert ranker.classifier is None and ranker.signals == ["bm25"]
    assert ranker.rank("facture électricité", 3)[0].id == "KB-1"


def test_the_optional_embedding_model_joins_the_fusion() -> None:
    from agent_desktop.adapters.kb_index.embeddings import default_embedder, wordllama_files

    if wordllama_files() is None:
        pytest.skip("the embeddings extra (wordllama) is not installed")
    embedder = default_embedder()
    assert embedder is not None
    vectors = embedder.embed(["my card was stolen", "someone took my card", "new address"])
    assert vectors.shape == (3, 256)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]  # meaning, not only words
    articles = [
        Article("A", "en", "Lost or stolen card", "Block the card.", questions=("I lost my card",)),
        Article("B", "en", "Change of address", "Update it.", questions=("I am moving house",)),
        Article("C", "en", "Card not arrived", "Check the post.", questions=("Where is my card",)),
    ]
    ranker = KbRanker(Fts5Index(), embedder)
    ranker.load(articles)
    assert ranker.signals == ["bm25", "svm", "embedding", "nearest"]
    assert ranker.rank("somebody took my card from my bag", 3)[0].id == "A"
    assert ranker.rank("we are relocating next month", 3)[0].id == "B"


def test_kb_eval_times_several_passes_and_can_leave_embeddings_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kb, queries = write_kb(tmp_path)
    args = ["kb", "eval", "--kb", str(kb), "--queries", str(queries)]
    assert main([*args, "--passes", "2", "--no-embeddings"]) == 0
    out = capsys.readouterr().out
    assert "pass 2: p50_ms=" in out
    assert "ranker: bm25 + svm + logistic" in out and "embedding model: none" in out
    assert out.strip().splitlines()[-1].startswith("top1=1.000 top3=1.000")
