"""Builds the sandbox database from a seed, once, and caches it on disk.

The file is named after the seed and :data:`DATA_VERSION`; it is written to a temporary
name and renamed into place, so a crash never leaves half a database behind and two
processes racing to build it end up with identical files. The 50 000-item customer used
by scale tests is added lazily by :func:`ensure_big_customer`.
"""

from __future__ import annotations

import json
import logging
import os
import random
import sqlite3
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from agent_desktop.sandbox.data import reference
from agent_desktop.sandbox.data.history import HistoryRow, history_counts, items_for
from agent_desktop.sandbox.data.intents import INTENTS
from agent_desktop.sandbox.data.kb import generate_articles
from agent_desktop.sandbox.data.people import Customer, Product, generate_people
from agent_desktop.sandbox.data.schema import DDL
from agent_desktop.sandbox.data.text import fold

log = logging.getLogger(__name__)

DATA_VERSION = 1
# Timestamps are stored relative to this day; the store shifts them to "now" when serving.
ANCHOR = date(2026, 1, 1)
MIN_HISTORY_ITEMS = 22_000
BIG_CUSTOMER_ID = "C999999"


@dataclass(frozen=True, slots=True)
class GenerationStats:
    seconds: float
    customers: int
    history_items: int
    articles: int
    bytes: int


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("agent-desktop")) / "sandbox"


def database_path(data_dir: Path, seed: int) -> Path:
    return data_dir / f"sandbox-v{DATA_VERSION}-seed{seed}.sqlite3"


def ensure_database(data_dir: Path | None, seed: int) -> Path:
    """Return the database for ``seed``, generating it first if it is not cached yet."""
    directory = data_dir or default_data_dir()
    path = database_path(directory, seed)
    if path.exists():
        return path
    directory.mkdir(parents=True, exist_ok=True)
    tmp = directory / f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp"
    try:
        stats = generate(tmp, seed)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    log.info(
        "sandbox data generated in %.2f s (%d customers, %d history items, %d bytes)",
        stats.seconds,
        stats.customers,
        stats.history_items,
        stats.bytes,
    )
    return path


def _insert_customer(db: sqlite3.Connection, c: Customer) -> None:
    search = fold(f"{c.first_name} {c.last_name} {c.email} {c.id} {' '.join(c.phones)}")
    db.execute(
        "INSERT INTO customers VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            c.id, c.first_name, c.last_name, c.segment, c.language, int(c.vip), c.email,
            c.street, c.postcode, c.city, c.country, c.customer_since.isoformat(), search,
        ),
    )  # fmt: skip
    db.executemany(
        "INSERT INTO customer_phones VALUES (?,?,?)",
        [(c.id, phone, n) for n, phone in enumerate(c.phones)],
    )
    db.executemany(
        "INSERT INTO products VALUES (?,?,?,?,?,?,?)",
        [
            (c.id, p.id, p.name_fr, p.name_en, p.kind, p.status, p.since.isoformat())
            for p in c.products
        ],
    )


def _insert_history(db: sqlite3.Connection, rows: Iterable[HistoryRow]) -> int:
    cursor = db.executemany(
        "INSERT INTO history (id, customer_id, channel, direction, at, queue, agent, reason,"
        " outcome, summary, body) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (
            (r.id, r.customer_id, r.channel, r.direction, r.at, r.queue, r.agent, r.reason,
             r.outcome, r.summary, r.body)
            for r in rows
        ),
    )  # fmt: skip
    return cursor.rowcount


def _insert_reference(db: sqlite3.Connection, seed: int) -> None:
    rng = random.Random(f"experts-{seed}")
    db.executemany(
        "INSERT INTO intents VALUES (?,?,?,?,?)",
        [(i.code, i.family, i.queue_id, i.label_fr, i.label_en) for i in INTENTS],
    )
    db.executemany(
        "INSERT INTO experts VALUES (?,?,?,?,?,?)",
        [
            (e.id, e.name, e.department, json.dumps(e.skills), rng.choice(reference.PRESENCES),
             e.phone)
            for e in reference.EXPERTS
        ],
    )  # fmt: skip
    db.executemany(
        "INSERT INTO queues VALUES (?,?,?,?,?)",
        [
            (q.id, q.name, json.dumps(q.skills), q.service_level_target_seconds,
             q.acw_limit_seconds)
            for q in reference.QUEUES
        ],
    )  # fmt: skip
    for kind, codes in (
        ("wrap_up", reference.WRAP_UP_CODES),
        ("not_ready", reference.NOT_READY_REASONS),
    ):
        db.executemany(
            "INSERT INTO codes VALUES (?,?,?,?,?)",
            [(kind, code, fr, en, n) for n, (code, fr, en) in enumerate(codes)],
        )


def generate(path: Path, seed: int) -> GenerationStats:
    """Write a complete database for ``seed`` at ``path`` (which must not exist)."""
    started = time.perf_counter()
    db = sqlite3.connect(path)
    try:
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
        db.executescript(DDL)
        people = generate_people(seed, ANCHOR)
        for customer in people.customers:
            _insert_customer(db, customer)
        db.executemany(
            "INSERT INTO unknown_numbers VALUES (?)", [(n,) for n in people.unknown_numbers]
        )
        rng = random.Random(f"history-{seed}")
        counts = history_counts(rng, len(people.customers), MIN_HISTORY_ITEMS)
        total = 0
        number = 1
        for customer, count in zip(people.customers, counts, strict=True):
            total += _insert_history(db, items_for(rng, customer, count, ANCHOR, "H", number))
            number += count
        db.execute("INSERT INTO history_fts (history_fts) VALUES ('rebuild')")
        articles = generate_articles(seed)
        db.executemany(
            "INSERT INTO articles (id, language, intent, title, body, tags, questions, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?)",
            [
                (a.id, a.language, a.intent, a.title, a.body, a.tags, a.questions, a.updated_at)
                for a in articles
            ],
        )
        db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
        _insert_reference(db, seed)
        meta = {
            "seed": str(seed),
            "data_version": str(DATA_VERSION),
            "anchor": ANCHOR.isoformat(),
            "shared_numbers": json.dumps(people.shared_numbers),
        }
        db.executemany("INSERT INTO meta VALUES (?,?)", list(meta.items()))
        db.commit()
        db.execute("VACUUM")
    finally:
        db.close()
    return GenerationStats(
        seconds=time.perf_counter() - started,
        customers=len(people.customers),
        history_items=total,
        articles=len(articles),
        bytes=path.stat().st_size,
    )


def ensure_big_customer(path: Path, seed: int, items: int = 50_000) -> str:
    """Add (once) a customer with ``items`` history items, for scale tests; return its id."""
    db = sqlite3.connect(path, timeout=30)
    try:
        row = db.execute(
            "SELECT count(*) FROM history WHERE customer_id = ?", (BIG_CUSTOMER_ID,)
        ).fetchone()
        if row[0] >= items:
            return BIG_CUSTOMER_ID
        rng = random.Random(f"big-{seed}")
        since = ANCHOR - timedelta(days=365 * 30)
        customer = Customer(
            id=BIG_CUSTOMER_ID,
            first_name="Gérard",
            last_name="Grandcompte",
            segment="professionnel",
            language="fr",
            vip=True,
            email="gerard.grandcompte@grandcompte-conseil.fr",
            street="1 place de la Bourse",
            postcode="75002",
            city="Paris",
            country="FR",
            customer_since=since,
            phones=["+33199000000"],
            products=[
                Product("P-999999-1", "compte_pro", "Compte professionnel", "Business account",
                        "active", since),
                Product("P-999999-2", "tpe", "Terminal de paiement", "Card terminal", "active",
                        since),
                Product("P-999999-3", "contrat_electricite", "Contrat électricité",
                        "Electricity contract", "active", since),
            ],
        )  # fmt: skip
        with db:
            db.execute("DELETE FROM customer_phones WHERE customer_id = ?", (BIG_CUSTOMER_ID,))
            db.execute("DELETE FROM products WHERE customer_id = ?", (BIG_CUSTOMER_ID,))
            db.execute("DELETE FROM customers WHERE id = ?", (BIG_CUSTOMER_ID,))
            db.execute(
                "DELETE FROM history WHERE customer_id = ?", (BIG_CUSTOMER_ID,)
            )  # FTS is rebuilt below
            _insert_customer(db, customer)
            _insert_history(db, items_for(rng, customer, items, ANCHOR, "HB", 1))
            db.execute("INSERT INTO history_fts (history_fts) VALUES ('rebuild')")
        return BIG_CUSTOMER_ID
    finally:
        db.close()


def main() -> None:  # pragma: no cover - a measuring aid
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        stats = generate(Path(tmp) / "db.sqlite3", 7)
    print(stats, datetime.now())


if __name__ == "__main__":  # pragma: no cover
    main()
