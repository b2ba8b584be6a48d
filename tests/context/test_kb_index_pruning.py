"""The FTS5 index at scale: a large index leaves out the words most articles share, so
a live context's common words do not make BM25 score thousands of rows per query."""

from __future__ import annotations

from agent_desktop.adapters.kb_index import fts5
from agent_desktop.adapters.kb_index.fts5 import Fts5Index
from agent_desktop.ports.knowledge import Article


def test_a_large_index_leaves_out_words_most_articles_share() -> None:
    index = Fts5Index()
    many = [
        Article(f"KB-{n:05d}", "fr", f"Fiche {n}", f"Échéance du compte, cas mot{n}.")
        for n in range(fts5.PRUNE_FROM)
    ]
    many[7] = Article("KB-00007", "fr", "Remboursement", "Échéance du compte remboursée.")
    index.add(many)
    # "échéance" and "compte" are in every article: only the telling word is matched.
    assert index._telling_words(["échéance", "compte", "remboursée"]) == ["remboursée"]
    assert [h.id for h in index.search("Echéance compte remboursée", 3)][:1] == ["KB-00007"]
    # Only common words: the rarest few are kept, so the search still answers.
    assert index._telling_words(["échéance", "du", "compte", "cas"]) != []
    assert len(index.search("échéance du compte", 5)) == 5
    # A small index keeps every word (there a common word still tells articles apart).
    small = Fts5Index()
    small.add(many[:50])
    assert small._telling_words(["échéance", "compte"]) == ["échéance", "compte"]
    index.close()
    small.close()
