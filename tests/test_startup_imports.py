"""Start-up stays light: the composition root and the advisor's shell import neither the
sandbox, FastAPI, scikit-learn, slixmpp, keyring, httpx's command-line client nor the
phone-number and identifier validators (each is loaded when it is used, or never).
Import hygiene, not timing: the figures are in docs/performance.md."""

from __future__ import annotations

import json
import subprocess
import sys

from agent_desktop.demo_sandbox import DEMO_PASSWORD

HEAVY = (
    "agent_desktop.sandbox",
    "fastapi",
    "sklearn",
    "scipy",
    "slixmpp",
    "keyring",
    "rich",
    "phonenumbers",  # loaded a second after the window is up (app), or by the first call
    "stdnum",  # only a remote AI provider's redaction needs it
)


def test_the_gui_entry_point_imports_nothing_heavy() -> None:
    code = (
        "import json, sys\n"
        "from agent_desktop import cli\n"
        "sys.modules.setdefault('httpx._main', None)\n"  # as cli.main does for the GUI
        "import agent_desktop.app, agent_desktop.ui.main_window, agent_desktop.ui.plugin_shell\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    loaded = json.loads(out.stdout)
    heavy = [m for m in loaded if any(m == h or m.startswith(h + ".") for h in HEAVY)]
    assert heavy == []


def test_the_demo_names_the_sandbox_password_the_sandbox_uses() -> None:
    from agent_desktop.sandbox.users import DEMO_PASSWORD as SANDBOX_SIDE

    assert DEMO_PASSWORD == SANDBOX_SIDE
