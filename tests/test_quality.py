"""The code-quality gates run as tests, so the one test command checks everything:
ruff (lint and format), mypy, and the import-linter layer contracts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize(
    "cmd",
    [
        ("ruff", "check", "."),
        ("ruff", "format", "--check", "."),
        ("mypy",),
        ("lint-imports",),
    ],
    ids=["ruff-check", "ruff-format", "mypy", "import-contracts"],
)
def test_quality_gate(cmd: tuple[str, ...]) -> None:
    result = run(str(BIN / cmd[0]), *cmd[1:])
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
