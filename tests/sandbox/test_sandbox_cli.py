"""``python -m agent_desktop.sandbox``: base URL first on stdout, clean exit on SIGTERM."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import httpx

from agent_desktop.sandbox.server import SandboxServer
from agent_desktop.sandbox.users import DEMO_PASSWORD


def test_cli_prints_its_url_then_serves_until_sigterm(
    data_dir: Path, sandbox: SandboxServer
) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "agent_desktop.sandbox", "--port", "0", "--no-auto-calls",
         "--seed", "7", "--data-dir", str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")
        with httpx.Client(base_url=url, timeout=10) as client:
            r = client.post("/v1/sessions", json={"username": "bob", "password": DEMO_PASSWORD})
            assert r.status_code == 201
            token = r.json()["token"]
            with client.stream(
                "GET", "/v1/events", headers={"Authorization": f"Bearer {token}"}
            ) as events:
                assert events.status_code == 200
                process.send_signal(signal.SIGTERM)  # with a stream open
                assert process.wait(timeout=15) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        _out, err = process.communicate()
    assert "Traceback" not in err
