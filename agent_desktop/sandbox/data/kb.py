"""Generated KB articles: one French article per intent, English for half of them.

Bodies are Markdown procedures assembled from the family steps of each language, so
search and suggestion have realistic, overlapping vocabulary to work on.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

from agent_desktop.sandbox.data.history import CONTENT
from agent_desktop.sandbox.data.intents import BANKING, ENERGY_TELECOM, INTENTS, Intent


@dataclass(frozen=True, slots=True)
class ArticleRow:
    id: str
    language: str
    intent: str
    title: str
    body: str
    tags: str  # JSON
    questions: str  # JSON
    updated_at: int  # seconds relative to the data anchor


def _article(rng: random.Random, intent: Intent, language: str, number: int) -> ArticleRow:
    text = CONTENT[language]
    label = intent.label(language)
    label_lower = label[0].lower() + label[1:]
    steps = text.KB_STEPS[intent.family]
    topic = rng.choice(text.KB_TOPICS)
    keywords = [intent.family, intent.queue_id, *label_lower.replace("'", " ").split()[:4]]
    body = text.KB_BODY.format(
        label=label,
        intro=text.KB_INTRO.format(label=label),
        opening=intent.opening(language),
        steps="\n".join(f"{n}. {s}" for n, s in enumerate(steps, start=1)),
        script=text.KB_SCRIPT.format(label_lower=label_lower),
        keywords=", ".join(keywords),
    )
    body += f"\n## {topic}\n\n" + rng.choice(steps) + "\n"
    questions = [intent.opening(language)] + [
        q.format(label_lower=label_lower) for q in text.KB_QUESTION_VARIANTS
    ]
    return ArticleRow(
        id=f"KB-{language.upper()}-{number:03d}",
        language=language,
        intent=intent.code,
        title=label,
        body=body,
        tags=json.dumps([intent.family, intent.queue_id, intent.code], ensure_ascii=False),
        questions=json.dumps(questions, ensure_ascii=False),
        updated_at=-rng.randrange(86400 * 400),
    )


def generate_articles(seed: int) -> list[ArticleRow]:
    """100 French articles (one per intent) and 50 English ones."""
    rng = random.Random(f"kb-{seed}")
    french = [_article(rng, intent, "fr", n) for n, intent in enumerate(INTENTS, start=1)]
    english_intents = rng.sample(BANKING, 38) + rng.sample(ENERGY_TELECOM, 12)
    english = [_article(rng, intent, "en", n) for n, intent in enumerate(english_intents, start=1)]
    return french + english
