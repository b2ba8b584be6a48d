"""Generated data: determinism per seed, volumes, shared and unknown numbers, caching."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from agent_desktop.sandbox.data.generate import database_path, ensure_database, generate
from agent_desktop.sandbox.server import SandboxServer
from agent_desktop.sandbox.store import Store


def _dump(path: Path, sql: str) -> list[tuple[object, ...]]:
    db = sqlite3.connect(path)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


def test_same_seed_same_data_other_seed_other_data(tmp_path: Path, sandbox: SandboxServer) -> None:
    started = time.perf_counter()
    stats = generate(tmp_path / "again.sqlite3", 7)
    assert time.perf_counter() - started < 15  # measured ~1.5 s
    assert stats.customers >= 300
    generate(tmp_path / "other.sqlite3", 8)
    cached = sandbox.database
    customers = "SELECT * FROM customers WHERE id != 'C999999' ORDER BY id"
    history = "SELECT * FROM history WHERE customer_id != 'C999999' ORDER BY id LIMIT 500"
    assert _dump(tmp_path / "again.sqlite3", customers) == _dump(cached, customers)
    assert _dump(tmp_path / "again.sqlite3", history) == _dump(cached, history)
    assert _dump(tmp_path / "other.sqlite3", customers) != _dump(cached, customers)


def test_database_is_cached_per_seed(data_dir: Path, sandbox: SandboxServer) -> None:
    path = ensure_database(data_dir, 7)
    assert path == database_path(data_dir, 7)
    mtime = path.stat().st_mtime_ns
    assert ensure_database(data_dir, 7).stat().st_mtime_ns == mtime
    assert not list(data_dir.glob("*.tmp"))


def test_volumes(sandbox: SandboxServer) -> None:
    store = Store(sandbox.database)
    try:
        assert store.count("customers") >= 300
        assert store.count("history") >= 20_000
        assert store.history_channels() == sorted(
            ["voice", "email", "chat", "sms", "social", "callback", "letter", "web"]
        )
        assert store.article_languages() == {"fr": 100, "en": 50}
        assert store.count("experts") == 12
        assert store.count("queues") == 4
        assert len(store.unknown_numbers()) >= 10
        # some customers have a long history, most a short one
        counts = [
            row[0]
            for row in _dump(
                sandbox.database, "SELECT count(*) FROM history GROUP BY customer_id ORDER BY 1"
            )
        ]
        assert counts[len(counts) // 2] < 60 < counts[-1]
    finally:
        store.close()


def test_shared_numbers_match_several_customers(sandbox: SandboxServer) -> None:
    store = Store(sandbox.database)
    try:
        shared = store.shared_numbers()
        assert len(shared) >= 10
        for number in shared:
            matches = store.lookup_phone(number)
            assert 2 <= len(matches) <= 3
            assert len({m.last_name for m in matches}) == 1  # a household
        for number in store.unknown_numbers():
            assert store.lookup_phone(number) == []
    finally:
        store.close()


def test_customers_read_like_a_french_contact_centre(sandbox: SandboxServer) -> None:
    store = Store(sandbox.database)
    try:
        picks = store.caller_picks()
        languages = {p.language for p in picks}
        segments = {p.segment for p in picks}
        assert languages == {"fr", "en"}
        assert sum(p.language == "fr" for p in picks) > 0.7 * len(picks)
        assert segments == {"particulier", "professionnel", "premium"}
        assert any(p.vip for p in picks)
        customer = store.customer(picks[0].id)
        assert customer is not None
        assert all(phone.startswith("+") for phone in customer.phones)
        assert customer.products and customer.address and customer.email
    finally:
        store.close()
