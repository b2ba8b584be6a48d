"""``agent-desktop bench [--json FILE] [--quick]``: runs every measurement, prints the
table, and writes one JSON object per figure (name, unit, median, p95, floor, ratio,
budget, ok)."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
from pathlib import Path

from agent_desktop.bench.figures import Figure, figure, table
from agent_desktop.bench.processes import bare_window, child_env, desktop_demo, sandbox_process


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="agent-desktop bench", description=__doc__)
    p.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    p.add_argument("--quick", action="store_true", help="fewer repetitions (a smoke run)")
    return p


def startup_figures(home: Path, runs: int) -> list[Figure]:
    env = child_env(home)
    desktop_demo(env)  # warm-up: generates the sandbox data once and fills OS caches
    bare = [bare_window(env) for _ in range(runs)]
    demo = [desktop_demo(env) for _ in range(runs)]
    bare_s = sorted(t for t, _ in bare)[len(bare) // 2]
    bare_mb = sorted(r["rss_mb"] for _, r in bare)[len(bare) // 2]
    return [
        figure(
            "cold start to logged-in window (demo)",
            "s",
            [t for t, _ in demo],
            "≤ 1.5 s and ≤ 6× floor",
            lambda m, _p, r: m <= 1.5 and (r or 0) <= 6,
            floor=bare_s,
            tail=False,
        ),
        figure(
            "RSS after login (demo, sandbox in-process)",
            "MB",
            [r["rss_mb"] for _, r in demo],
            "≤ 180 MB",
            lambda m, _p, _r: m <= 180,
            floor=bare_mb,
            tail=False,
        ),
    ]


def soak_figures(home: Path, calls: int) -> list[Figure]:
    # Offscreen unless told otherwise: the same figures with or without a screen.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from agent_desktop.bench.soak import run_soak
    from agent_desktop.ui.event_loop import DesktopEventLoop

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)
    loop = DesktopEventLoop(app)
    asyncio.set_event_loop(loop)
    with sandbox_process(child_env(home)) as url, loop:
        soak = loop.run_until_complete(run_soak(url, calls, round_trips=max(50, calls)))
        loop.run_until_complete(loop.shutdown_asyncgens())
    round_trip = sorted(soak.round_trips_ms)[len(soak.round_trips_ms) // 2]
    growth = soak.rss_after_mb - soak.rss_login_mb
    return [
        figure(
            f"screen-pop, offer → card painted ({soak.calls} calls)",
            "ms",
            soak.pops_ms,
            "p95 ≤ 50 ms",
            lambda _m, p, _r: (p or 0) <= 50,
            floor=round_trip,
        ),
        figure(
            f"RSS growth over {soak.calls} calls (client only)",
            "MB",
            [growth],
            "≤ 10 MB",
            lambda m, _p, _r: m <= 10,
            floor=None,
            tail=False,
        ),
        figure(
            "event-loop lag during the soak",
            "ms",
            soak.lag_ms,
            "p99 ≤ 16 ms, max ≤ 100 ms",
            lambda _m, _p, _r: _p99(soak.lag_ms) <= 16 and max(soak.lag_ms) <= 100,
        ),
    ]


def _p99(samples: list[float]) -> float:
    from agent_desktop.bench.figures import percentile

    return percentile(samples, 99)


def run(argv: list[str]) -> int:
    options = parser().parse_args(argv)
    home = Path(tempfile.mkdtemp(prefix="agent-desktop-bench-"))
    runs, calls = (3, 30) if options.quick else (7, 200)
    figures = startup_figures(home, runs) + soak_figures(home, calls)
    print(table(figures))
    if options.json:
        Path(options.json).write_text(
            json.dumps([f.as_json() for f in figures], indent=2, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
    return 0
