"""Run Python code in a fresh interpreter (what a process loads, kept out of the tests')."""

from __future__ import annotations

import subprocess
import sys


def python_output(code: str, *args: str, stdin: str | None = None) -> str:
    """The standard output of ``python -c code args…``; raises if it fails."""
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
