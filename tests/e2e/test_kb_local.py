"""The local knowledge index on the real wire: the platform's articles paged through
``GET /v1/kb/articles`` (all, then only what changed), copied at login, and suggestions
ranked locally once the copy is ready — the platform's search until then."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from e2e_helpers import session_as, until

from agent_desktop.adapters.gateway import GatewayClient
from agent_desktop.ports.knowledge import Article
from agent_desktop.ports.telephony import GatewayError
from agent_desktop.sandbox.data.generate import DATA_VERSION
from agent_desktop.sandbox.server import SandboxServer
from agent_desktop.sandbox.users import DEMO_PASSWORD
from agent_desktop.services.kb_local import LocalKnowledge
from agent_desktop.services.knowledge import KnowledgeService, LiveContext

pytestmark = pytest.mark.asyncio


async def test_articles_are_paged_whole_then_only_what_changed(sandbox: SandboxServer) -> None:
    gateway = GatewayClient(sandbox.base_url)
    try:
        await gateway.login("alice", DEMO_PASSWORD)
        seen: list[Article] = []
        cursor = None
        pages = 0
        while True:
            page = await gateway.kb_articles(None, cursor, 40)
            seen += page.articles
            pages += 1
            cursor = page.next_cursor
            if cursor is None:
                break
        ids = [a.id for a in seen]
        whole = await gateway.kb_articles(None, None, 500)
        assert whole.next_cursor is None
        assert ids == [a.id for a in whole.articles] and len(set(ids)) == len(ids) > 100
        assert pages == -(-len(ids) // 40)
        stamps = [a.updated_at for a in seen]
        assert all(s is not None for s in stamps)
        assert stamps == sorted(s for s in stamps if s is not None)
        assert all(a.questions for a in seen)  # example questions come along
        # Only what changed at or after a time: the newest articles.
        newest = stamps[-1]
        assert newest is not None
        recent = await gateway.kb_articles(newest - timedelta(seconds=1))
        assert {a.id for a in recent.articles} == {
            a.id for a in seen if a.updated_at and a.updated_at >= newest - timedelta(seconds=1)
        }
        with pytest.raises(GatewayError) as refused:
            await gateway.kb_articles(None, "not-a-cursor")
        assert refused.value.code == "invalid_request"
    finally:
        await gateway.aclose()


async def test_suggestions_come_from_the_local_index_once_copied(sandbox: SandboxServer) -> None:
    async with session_as(sandbox, "alice") as (desktop, _control):
        # The copy starts at login; until it is ready the platform's search ranks.
        gateway = GatewayClient(sandbox.base_url)
        try:
            await gateway.login("bob", DEMO_PASSWORD)
            cold = KnowledgeService(gateway)
            context = LiveContext(
                intent=None,
                utterances=("Je ne retrouve plus ma carte bancaire, on me l'a sans doute volée",),
                language="fr",
            )
            before = await cold.suggest(context)
            assert before.source == "platform"

            knowledge = desktop.knowledge
            await until(lambda: knowledge.local.ready, within=60)
            assert knowledge.local.state == "ready"
            whole = await gateway.kb_articles(None, None, 500)
            assert set(knowledge.local.articles) == {a.id for a in whole.articles}
            after = await knowledge.suggest(context)
            assert after.source == "local"
            assert after.hits and all(h.language == "fr" for h in after.hits)
            assert after.hits[0].title == "Carte perdue ou volée"
            # Accents folded: «electricite» typed without them finds French articles about it.
            typed = await knowledge.search("facture electricite trop elevee", "fr")
            assert typed.source == "local" and typed.hits
            assert any("lectricit" in h.title for h in typed.hits[:3])
            # The reader opens the local copy (no round trip), the same as the server's.
            top = after.hits[0].id
            assert await knowledge.article(top) == await gateway.kb_article(top)

            # A second sync asks only for what changed since: nothing new, no rebuild.
            watermark = knowledge.local.watermark
            received = await knowledge.local.sync(gateway)
            assert knowledge.local.watermark == watermark
            assert received <= 2  # the articles stamped at the watermark itself
        finally:
            await gateway.aclose()


async def test_a_failed_first_copy_leaves_the_platform_search_in_use(
    sandbox: SandboxServer,
) -> None:
    gateway = GatewayClient(sandbox.base_url)  # never logged in: every call is refused
    try:
        local = LocalKnowledge()
        service = KnowledgeService(gateway, local=local)
        await service.keep_synced(once=True)
        assert local.state == "failed" and not local.ready
    finally:
        await gateway.aclose()


async def test_a_changed_article_reaches_the_local_copy_at_the_next_sync(
    tmp_path: Path,
) -> None:
    # A sandbox of its own: this test edits an article in the sandbox's data file.
    server = SandboxServer(port=0, seed=7, data_dir=tmp_path, auto_calls=False)
    server.start()
    gateway = GatewayClient(server.base_url)
    try:
        await gateway.login("alice", DEMO_PASSWORD)
        local = LocalKnowledge()
        first = await local.sync(gateway)
        assert local.ready and first == len(local.articles)
        watermark = local.watermark
        assert watermark is not None
        assert not local.rank("pangolin", None, 3, ["pangolin"], matching_only=True)

        # An editor changes one article (its body, and so its updated_at) on the platform.
        changed = next(a for a in local.articles.values() if a.language == "fr")
        database = tmp_path / f"sandbox-v{DATA_VERSION}-seed7.sqlite3"
        with sqlite3.connect(database) as db:
            (base,) = db.execute("SELECT max(updated_at) FROM articles").fetchone()
            db.execute(
                "UPDATE articles SET body = body || ?, updated_at = ? WHERE id = ?",
                ("\n\nCas du pangolin : appeler le service vétérinaire.", base + 60, changed.id),
            )

        received = await local.sync(gateway)
        assert received <= 3  # what changed since the watermark, not the whole base
        assert local.watermark is not None and local.watermark > watermark
        assert "pangolin" in local.articles[changed.id].body
        hits = local.rank("pangolin", "fr", 3, ["pangolin"], matching_only=True)
        assert hits and hits[0].id == changed.id
        assert "pangolin" in hits[0].snippet
    finally:
        await gateway.aclose()
        server.stop()


# A desktop process of its own (this one has loaded scikit-learn for other tests): it
# copies the KB as the desktop does at login, then lists the modules it has loaded.
COPY_THEN_LIST_MODULES = """
import asyncio, json, sys
from agent_desktop.adapters.gateway import GatewayClient
from agent_desktop.services.kb_local import LocalKnowledge

async def copy(url, password):
    gateway = GatewayClient(url)
    try:
        await gateway.login("bob", password)
        local = LocalKnowledge()
        await local.sync(gateway)
        return local.state, local._ranker.signals
    finally:
        await gateway.aclose()

state, signals = asyncio.run(copy(sys.argv[1], sys.argv[2]))
print(json.dumps([state, signals, sorted(sys.modules)]))
"""


async def test_the_copy_is_trained_without_scikit_learn_in_the_desktop_process(
    sandbox: SandboxServer,
) -> None:
    # Trained in a child process: the desktop gets the classifiers as plain data, and
    # neither scikit-learn nor SciPy (~110 MB of RSS, plus the training's peak).
    command = [sys.executable, "-c", COPY_THEN_LIST_MODULES, sandbox.base_url, DEMO_PASSWORD]
    done = await asyncio.to_thread(
        subprocess.run, command, capture_output=True, text=True, timeout=300, check=True
    )
    state, signals, loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert state == "ready" and "svm" in signals
    heavy = ("sklearn", "scipy")
    assert [m for m in loaded if m.split(".")[0] in heavy] == []
