"""Writes or checks ``docs/openapi.json``, the sandbox's OpenAPI document.

``python -m agent_desktop.sandbox.openapi --write`` regenerates it; without ``--write`` it
exits 1 when the committed file is out of date.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from agent_desktop.sandbox.app import create_app
from agent_desktop.sandbox.config import SandboxConfig

DOC_PATH = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"


def render() -> str:
    document = create_app(SandboxConfig()).openapi()
    return json.dumps(document, indent=2, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="write docs/openapi.json")
    parser.add_argument("--path", type=Path, default=DOC_PATH)
    args = parser.parse_args(argv)
    text = render()
    if args.write:
        args.path.write_text(text, encoding="utf-8")
        print(f"wrote {args.path}")
        return 0
    current = args.path.read_text(encoding="utf-8") if args.path.exists() else ""
    if current != text:
        print(f"{args.path} is out of date: run with --write", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
