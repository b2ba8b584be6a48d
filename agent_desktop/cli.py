"""The ``agent-desktop`` command: the GUI by default, and tool sub-commands.

    agent-desktop [--demo] [--mode advisor|extended|wallboard] [--gateway URL] [--lang fr|en]
    agent-desktop sandbox --host 127.0.0.1 --port N --seed S
    agent-desktop kb eval --kb ARTICLES.jsonl --queries QUERIES.csv

Sub-commands are dispatched before anything imports Qt, so ``sandbox`` runs headless.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

MODES = ("advisor", "extended", "wallboard")
LANGS = ("fr", "en")


def gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="agent-desktop",
        description="Contact-centre agent desktop. Sub-commands: sandbox, bench.",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start the bundled sandbox contact centre on 127.0.0.1 and log in as a demo advisor",
    )
    parser.add_argument("--mode", choices=MODES, default="advisor", help="which shell to show")
    parser.add_argument("--gateway", metavar="URL", help="the gateway to log in to")
    parser.add_argument("--user", metavar="NAME", help="user name to pre-fill at login")
    parser.add_argument("--lang", choices=LANGS, help="user-interface language (default: system)")
    parser.add_argument(
        "--seed", type=int, default=7, help="with --demo: the sandbox's data seed (default 7)"
    )
    parser.add_argument(
        "--screenshot",
        metavar="PNG",
        help="save the window to PNG once the first customer card has popped, then quit "
        "(for smoke tests and documentation)",
    )
    parser.add_argument(
        "--exit-when-ready",
        action="store_true",
        help="print start-up figures as JSON once the logged-in window is painted, then quit "
        "(used by `agent-desktop bench`)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    # httpx imports its command-line client (click, rich, pygments) whenever those happen to
    # be installed: 0.1–0.3 s of start-up and ~7 MB for a tool no sub-command runs.
    sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
    if args and args[0] == "sandbox":
        from agent_desktop.sandbox.cli import run as run_sandbox

        return run_sandbox(args[1:])
    if args and args[0] == "kb":
        from agent_desktop.kb_cli import run as run_kb

        return run_kb(args[1:])
    if args and args[0] == "bench":
        from agent_desktop.bench.runner import run as run_bench

        return run_bench(args[1:])
    if args and args[0] == "plugins":
        from agent_desktop.plugins_host.cli import run as run_plugins

        return run_plugins(args[1:])
    options = gui_parser().parse_args(args)
    if options.demo:
        # The demo's sandbox starts on another core while Qt loads (docs/performance.md).
        from agent_desktop.demo_sandbox import SandboxProcess

        options.sandbox_process = SandboxProcess(options.seed)
    from agent_desktop.qt_imports import spare_source_reads

    spare_source_reads()  # before the app's imports: see the module
    from agent_desktop.app import run_gui

    try:
        return run_gui(options)
    finally:
        if options.demo:
            options.sandbox_process.stop()


if __name__ == "__main__":
    sys.exit(main())
