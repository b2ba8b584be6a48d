"""Highlighting network text safely, and the search text built from the live context."""

from __future__ import annotations

from agent_desktop.services.knowledge import LiveContext, context_query, fold
from agent_desktop.ui.kb_panel import highlight


def test_highlight_escapes_network_text_before_adding_bold() -> None:
    shown = highlight("<img src=x onerror=1> Carte <b>bloquée</b> & co", ["carte", "bloquee"])
    assert "<img" not in shown and "&lt;img" in shown
    assert "<b>Carte</b>" in shown and "<b>bloquée</b>" in shown
    assert "&lt;b&gt;" in shown and "&amp; co" in shown  # the network's tags stay text


def test_context_query_puts_the_intent_and_latest_words_first() -> None:
    context = LiveContext(
        intent="Carte perdue ou volée",
        utterances=("Bonjour, j'appelle pour mon compte", "On m'a volé mon portefeuille hier"),
        products=("Compte courant",),
        recent_reasons=("Contestation de prélèvement",),
    )
    words = context_query(context).split()
    assert words[:3] == ["Carte", "perdue", "volée"]
    assert words.index("portefeuille") < words.index("appelle")
    assert "Bonjour" not in words  # a stop word
    assert len(words) <= 12
    assert "courant" not in words  # products are background, not the query
    assert context_query(LiveContext(products=("Compte courant",))) == "Compte courant"
    assert fold("Électricité") == "electricite"
    assert context_query(LiveContext()) == ""


def test_snippets_lose_their_markdown_markers() -> None:
    from agent_desktop.ui.kb_panel import plain_snippet

    text = "# Carte perdue\n\nFaire **opposition** - vite, point 1.\n- appeler\n2. bloquer"
    assert plain_snippet(text) == "Carte perdue Faire opposition - vite, point 1. appeler bloquer"


def test_snippet_is_the_sentence_with_most_words_never_a_heading_or_the_title() -> None:
    from agent_desktop.services.kb_local import best_snippet

    body = (
        "# Carte perdue ou volée\n\nCette fiche traite une demande « Carte perdue ou volée ».\n"
        "Vérifier l'identité du client. Si la **carte** est perdue ou volée, faire opposition."
    )
    words = ["carte", "volee", "perdue"]
    assert best_snippet(body, words, title="Carte perdue ou volée") == (
        "Si la carte est perdue ou volée, faire opposition."
    )
    assert best_snippet("Un. Deux.", ["rien"]) == "Un."
    assert best_snippet("mot " * 100, ["mot"], width=20).endswith("…")


def test_one_line_snippet_starts_near_the_first_match() -> None:
    from agent_desktop.ui.kb_panel import from_first_match

    text = "Cette fiche explique comment traiter une demande de carte perdue"
    assert from_first_match(text, ["CARTE"]) == "…demande de carte perdue"
    assert from_first_match("Si la carte", ["carte"]) == "Si la carte"
    assert from_first_match("rien ici", ["carte"]) == "rien ici"
