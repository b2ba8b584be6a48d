"""The README's Quick start is what a newcomer copies: it must stay true."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block, "Quick start has no shell code block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_quick_start_is_exactly_two_commands_demo_then_tests() -> None:
    demo, tests = quick_start_commands()
    assert demo.endswith("&& agent-desktop --demo")
    assert "pytest" in tests


def test_ci_runs_the_readme_test_command_word_for_word() -> None:
    _demo, tests = quick_start_commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert tests in ci


def test_readme_screenshot_exists() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", readme)
    assert images, "the README opens with a screenshot"
    for image in images:
        assert (ROOT / image).is_file(), image
