"""Words that matter in free text, compared without case or accents."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+", re.UNICODE)
_MARKDOWN = re.compile(r"(?m)^\s*(?:#{1,6}|>+|[-*+]|\d+\.)\s+|[*_`]+")
MIN_WORD = 4  # shorter words are mostly stop words in French and English
STOP_WORDS = frozenset(
    {
        "bonjour",
        "merci",
        "alors",
        "voila",
        "voilà",
        "avec",
        "pour",
        "dans",
        "cette",
        "votre",
        "notre",
        "mais",
        "donc",
        "parce",
        "quand",
        "comment",
        "aussi",
        "encore",
        "juste",
        "vraiment",
        "depuis",
        "avoir",
        "être",
        "fait",
        "faire",
        "hello",
        "thanks",
        "thank",
        "that",
        "this",
        "with",
        "from",
        "have",
        "what",
        "when",
        "your",
        "there",
        "about",
        "would",
        "could",
        "just",
        "really",
        "please",
    }
)


def fold(word: str) -> str:
    """Lower case without accents (``Électricité`` → ``electricite``)."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def significant_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if len(w) >= MIN_WORD and fold(w) not in STOP_WORDS]


def plain_snippet(snippet: str) -> str:
    """The text without Markdown markers (``#``, ``*``, ``>``…) and on one line."""
    return " ".join(_MARKDOWN.sub(" ", snippet).split())
