"""``agent-desktop kb figures`` runs headless against its own sandbox and prints figures."""

from __future__ import annotations

import json

import pytest

from agent_desktop.cli import main


def test_kb_figures_prints_one_line_per_figure_then_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["kb", "figures", "--runs", "2"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    figures = json.loads(lines[-1])
    assert "history first page (50 of 50 000)" in figures
    assert "KB suggestions for a live context, platform search" in figures
    assert "KB suggestions for a live context, local index" in figures
    assert all(f["p50_ms"] > 0 and f["p95_ms"] >= f["p50_ms"] for f in figures.values())
    assert any(line.startswith("local summary") for line in lines)
