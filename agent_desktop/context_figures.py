"""``agent-desktop kb figures``: latency of the customer-context panels' work, headless.

Starts the bundled sandbox on loopback, logs a :class:`Desktop` in (no Qt), and times
what the History, Summary and Knowledge docks ask for, through the real wire:

- the first history page of a 50 000-item customer, a channel filter, a full-text search;
- the local summary (history page included) of an ordinary customer;
- KB suggestions for a live context: the platform's search, then the local index;
- with ``--intents CSV``: local intent detection on one transcript segment.

Prints one line per figure (p50 / p95 / max over ``--runs``) then a JSON summary.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import httpx

from agent_desktop.adapters.gateway import GatewayClient
from agent_desktop.bench.figures import percentile
from agent_desktop.bench.measure import big_customer, time_async
from agent_desktop.domain.customer import Customer
from agent_desktop.sandbox.server import SandboxServer
from agent_desktop.sandbox.users import DEMO_PASSWORD
from agent_desktop.services.desktop import Desktop
from agent_desktop.services.history import HistoryQuery
from agent_desktop.services.kb_local import LocalKnowledge
from agent_desktop.services.knowledge import KnowledgeService, LiveContext


async def measure(runs: int, intents: Path | None) -> dict[str, dict[str, float]]:
    figures: dict[str, dict[str, float]] = {}

    def record(name: str, values: list[float]) -> None:
        figures[name] = {
            "p50_ms": round(percentile(values, 50), 1),
            "p95_ms": round(percentile(values, 95), 1),
            "max_ms": round(max(values), 1),
        }
        f = figures[name]
        print(f"{name}: p50={f['p50_ms']} ms p95={f['p95_ms']} ms max={f['max_ms']} ms")

    with tempfile.TemporaryDirectory() as data_dir:
        server = SandboxServer(port=0, seed=7, data_dir=Path(data_dir), auto_calls=False)
        await asyncio.to_thread(server.start)
        try:
            async with httpx.AsyncClient(base_url=server.base_url, timeout=600) as control:
                started = time.perf_counter()
                big_id = await big_customer(control)
                took = time.perf_counter() - started
                print(f"sandbox: 50 000-item customer generated in {took:.1f} s")
            gateway = GatewayClient(server.base_url)
            desktop = Desktop(gateway, gateway)
            await desktop.login("alice", DEMO_PASSWORD)
            try:
                history = desktop.history
                record(
                    "history first page (50 of 50 000)",
                    await time_async(runs, lambda: history.page(HistoryQuery(big_id))),
                )
                record(
                    "history filter: e-mails only, first page",
                    await time_async(runs, lambda: history.page(HistoryQuery(big_id, ("email",)))),
                )
                record(
                    "history full-text search, first page",
                    await time_async(runs, lambda: history.page(HistoryQuery(big_id, (), "carte"))),
                )
                customer = await gateway.get("C100042")
                assert isinstance(customer, Customer)
                record(
                    "local summary (history page included)",
                    await time_async(
                        runs, lambda: desktop.summary.summarize(customer, "fr", force=True)
                    ),
                )
                context = LiveContext(
                    intent="Carte perdue ou volée",
                    utterances=("Bonjour, j'ai perdu ma carte hier soir, on me l'a volée",),
                    products=tuple(p.name for p in customer.products),
                    language="fr",
                )
                # The platform's search (a service whose local copy is never made), then
                # the local index (copied and trained here, as the desktop does at login).
                platform = KnowledgeService(gateway, local=LocalKnowledge())
                record(
                    "KB suggestions for a live context, platform search",
                    await time_async(runs, lambda: platform.suggest(context)),
                )
                local = KnowledgeService(gateway)
                await local.keep_synced(once=True)
                print(f"local KB index built in {local.local.build_seconds:.1f} s")
                record(
                    "KB suggestions for a live context, local index",
                    await time_async(runs, lambda: local.suggest(context)),
                )
            finally:
                await desktop.logout()
                await gateway.aclose()
        finally:
            await asyncio.to_thread(server.stop)

    if intents is not None:
        from agent_desktop.services.intent import IntentDetector

        started = time.perf_counter()
        detector = IntentDetector.from_csv(intents)
        print(f"intent detector trained in {time.perf_counter() - started:.1f} s")
        segment = ["I lost my card yesterday and I think someone stole it"]

        async def detect() -> None:
            detector.detect(None, segment)

        record("intent detection, one transcript segment", await time_async(runs, detect))
    return figures


def run(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="agent-desktop kb figures", description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--intents", type=Path, help="a text,label CSV to time intent detection")
    options = parser.parse_args(list(argv))
    figures = asyncio.run(measure(max(1, options.runs), options.intents))
    print(json.dumps(figures))
    return 0
