"""``agent-desktop sandbox``: serve the sandbox in the foreground until interrupted.

The first line on stdout is the base URL (flushed), so a parent process can read it.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path

from agent_desktop.loopback import inherited_socket
from agent_desktop.sandbox.config import SandboxConfig
from agent_desktop.sandbox.server import serve_forever


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="agent-desktop sandbox",
        description="Run the contact centre in a box (gateway protocol v1) on this machine.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8765, help="port (0: any free port)")
    parser.add_argument(
        "--fd",
        type=int,
        default=None,
        help="serve on this listening socket, inherited from the parent process "
        "(then --host and --port are not used)",
    )
    parser.add_argument("--seed", type=int, default=7, help="data and scenario seed")
    parser.add_argument(
        "--auto-calls",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="offer calls to ready agents automatically (default: on)",
    )
    parser.add_argument(
        "--call-interval", type=float, default=20.0, help="mean seconds between automatic calls"
    )
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="where to cache the generated database"
    )
    parser.add_argument(
        "--state-file",
        type=Path,
        default=None,
        help="SQLite file keeping stored wrap-ups and idempotency keys across restarts",
    )
    parser.add_argument("--verbose", action="store_true", help="log at INFO level")
    return parser


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    config = SandboxConfig(
        seed=args.seed,
        data_dir=args.data_dir,
        auto_calls=args.auto_calls,
        call_interval=args.call_interval,
        state_path=args.state_file,
    )

    def announce(url: str) -> None:
        print(url, flush=True)

    try:
        sock = inherited_socket(args.fd) if args.fd is not None else None
        asyncio.run(serve_forever(args.host, args.port, config, on_ready=announce, sock=sock))
    except KeyboardInterrupt:
        pass
    except OSError as exc:
        print(f"agent-desktop sandbox: {exc}", file=sys.stderr)
        return 1
    return 0
