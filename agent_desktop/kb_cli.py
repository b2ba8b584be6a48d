"""``agent-desktop kb …``: measure and prepare knowledge-base ranking, headless (no Qt).

    agent-desktop kb eval --kb ARTICLES.jsonl --queries QUERIES.csv
        [--bm25-only | --no-embeddings] [--passes N]
    agent-desktop kb banking77 --csv train.csv --out DIR [--holdout 0.1] [--seed 7]
    agent-desktop kb figures [--runs 30] [--intents train.csv]

``eval`` prints per-run details, then as its last line
``top1=0.XXX top3=0.XXX p95_ms=N.N``. ``banking77`` builds such a KB from a ``text,label``
CSV: one article per label with its utterances as example questions, a held-out share of
the utterances written as the queries. The ranker is :class:`KbRanker` as the desktop
uses it, with the optional embedding model when installed (``--no-embeddings`` leaves it
out: the default install's figures).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from agent_desktop.adapters.kb_index.fts5 import Fts5Index
from agent_desktop.ports.knowledge import Article, TextEmbedder
from agent_desktop.services.intent import read_labelled_csv
from agent_desktop.services.kb_ranking import KbRanker


class BadInput(Exception):
    """A file that cannot be used; the message says which and where."""


def load_articles(path: Path) -> list[Article]:
    articles: list[Article] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise BadInput(f"cannot read {path}: {exc.strerror}") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            questions = raw.get("questions") or []
            if not isinstance(questions, list):
                raise TypeError("questions")
            articles.append(
                Article(
                    id=str(raw["id"]),
                    language=str(raw.get("language", "en")),
                    title=str(raw["title"]),
                    body=str(raw.get("body", "")),
                    questions=tuple(str(q) for q in questions),
                )
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise BadInput(
                f"{path}:{number}: expected a JSON object with id, title, body, questions "
                f"({type(exc).__name__}: {exc})"
            ) from None
    if not articles:
        raise BadInput(f"{path}: no article")
    return articles


def load_queries(path: Path) -> list[tuple[str, str]]:
    try:
        texts, ids = read_labelled_csv(path)
    except OSError as exc:
        raise BadInput(f"cannot read {path}: {exc.strerror}") from None
    except ValueError as exc:
        raise BadInput(str(exc)) from None
    if not texts:
        raise BadInput(f"{path}: no query")
    return list(zip(texts, ids, strict=True))


@dataclass(frozen=True, slots=True)
class EvalResult:
    queries: int
    top1: float
    top3: float
    mrr: float
    p50_ms: float
    p95_ms: float
    build_s: float
    misses: list[tuple[str, str, str]]  # query, expected, got
    signals: tuple[str, ...] = ()

    def last_line(self) -> str:
        return f"top1={self.top1:.3f} top3={self.top3:.3f} p95_ms={self.p95_ms:.1f}"


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = max(0, math.ceil(share * len(ordered)) - 1)
    return ordered[rank]


def evaluate(
    articles: list[Article],
    queries: list[tuple[str, str]],
    bm25_only: bool = False,
    embedder: TextEmbedder | None = None,
    passes: int = 1,
) -> EvalResult:
    """Rank every query; with ``passes`` > 1 the queries are timed that many times and
    the latency figures are the median over the passes (quality is the same each time)."""
    index = Fts5Index()
    ranker = KbRanker(index, embedder)
    started = time.perf_counter()
    if bm25_only:
        index.add(articles)
    else:
        ranker.load(articles)
    build_s = time.perf_counter() - started
    hits1 = hits3 = 0
    rr = 0.0
    misses: list[tuple[str, str, str]] = []
    p50s: list[float] = []
    p95s: list[float] = []
    for number in range(max(1, passes)):
        times: list[float] = []
        rankings: list[list[str]] = []
        for text, _expected in queries:
            t0 = time.perf_counter()
            ranked = index.search(text, 10) if bm25_only else ranker.rank(text, 10)
            times.append((time.perf_counter() - t0) * 1000)
            rankings.append([r.id for r in ranked])
        p50s.append(percentile(times, 0.5))
        p95s.append(percentile(times, 0.95))
        if passes > 1:
            print(f"pass {number + 1}: p50_ms={p50s[-1]:.1f} p95_ms={p95s[-1]:.1f}")
    for (text, expected), ids in zip(queries, rankings, strict=True):
        if ids[:1] == [expected]:
            hits1 += 1
        else:
            misses.append((text, expected, ids[0] if ids else "-"))
        if expected in ids[:3]:
            hits3 += 1
        if expected in ids:
            rr += 1 / (ids.index(expected) + 1)
    n = len(queries)
    index.close()
    return EvalResult(
        n,
        hits1 / n,
        hits3 / n,
        rr / n,
        statistics.median(p50s),
        statistics.median(p95s),
        build_s,
        misses,
        ("bm25",) if bm25_only else tuple(ranker.signals),
    )


def build_banking77(csv_path: Path, out: Path, holdout: float, seed: int) -> tuple[int, int]:
    texts, labels = read_labelled_csv(csv_path)
    by_label: dict[str, list[str]] = {}
    for text, label in zip(texts, labels, strict=True):
        by_label.setdefault(label, []).append(text)
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    queries: list[tuple[str, str]] = []
    with (out / "articles.jsonl").open("w", encoding="utf-8") as handle:
        for number, (label, utterances) in enumerate(sorted(by_label.items()), start=1):
            rng.shuffle(utterances)
            kept = max(1, round(len(utterances) * holdout))
            queries += [(u, f"KB-{number:03d}") for u in utterances[:kept]]
            words = label.replace("_", " ")
            article = {
                "id": f"KB-{number:03d}",
                "title": words.capitalize(),
                "body": f"What to check and what to tell the customer about {words}.",
                "questions": utterances[kept:],
            }
            handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    import csv

    with (out / "queries.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "article_id"])
        writer.writerows(queries)
    return len(by_label), len(queries)


def run(argv: Sequence[str]) -> int:
    if argv and argv[0] == "figures":
        from agent_desktop.context_figures import run as run_figures

        return run_figures(argv[1:])
    parser = argparse.ArgumentParser(prog="agent-desktop kb", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    ev = sub.add_parser("eval", help="measure ranking quality and latency")
    ev.add_argument("--kb", type=Path, required=True, metavar="ARTICLES.jsonl")
    ev.add_argument("--queries", type=Path, required=True, metavar="QUERIES.csv")
    ev.add_argument("--bm25-only", action="store_true", help="the FTS5 index alone (baseline)")
    ev.add_argument(
        "--no-embeddings",
        action="store_true",
        help="leave the optional embedding model out even when installed",
    )
    ev.add_argument(
        "--passes", type=int, default=1, help="time the queries N times (median latency)"
    )
    ev.add_argument("--misses", type=int, default=5, help="how many misses to print")
    bk = sub.add_parser("banking77", help="build a KB and queries from a text,label CSV")
    bk.add_argument("--csv", type=Path, required=True)
    bk.add_argument("--out", type=Path, required=True)
    bk.add_argument("--holdout", type=float, default=0.1)
    bk.add_argument("--seed", type=int, default=7)
    options = parser.parse_args(list(argv))
    try:
        if options.command == "banking77":
            if not 0 < options.holdout < 1:
                raise BadInput("--holdout must be between 0 and 1")
            articles, queries = build_banking77(
                options.csv, options.out, options.holdout, options.seed
            )
            print(f"wrote {articles} articles and {queries} queries to {options.out}")
            return 0
        articles_list = load_articles(options.kb)
        queries_list = load_queries(options.queries)
    except BadInput as exc:
        print(f"agent-desktop kb: {exc}", file=sys.stderr)
        return 2
    embedder = None
    if not (options.bm25_only or options.no_embeddings):
        from agent_desktop.adapters.kb_index.embeddings import default_embedder

        embedder = default_embedder()
    result = evaluate(articles_list, queries_list, options.bm25_only, embedder, options.passes)
    questions = sum(len(a.questions) for a in articles_list)
    print(f"ranker: {' + '.join(result.signals)} (z-scores fused)")
    print(f"embedding model: {embedder.name if embedder else 'none'}")
    print(f"articles: {len(articles_list)} (example questions: {questions})")
    print(f"queries: {result.queries}")
    print(f"index+train: {result.build_s:.2f} s")
    print(f"mrr@10={result.mrr:.3f} p50_ms={result.p50_ms:.1f}")
    for text, expected, got in result.misses[: options.misses]:
        print(f"miss: {text!r} expected {expected} got {got}")
    print(result.last_line())
    return 0
