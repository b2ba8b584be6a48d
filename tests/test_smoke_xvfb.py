"""The real program, started as a user would, on a real X server (Xvfb), in demo mode.

It logs in to the bundled sandbox, waits for the first demo call to pop a customer card
and saves a screenshot to ``build/screenshots/demo-advisor.png`` for a person to look at.
The start-up figures the program logs are printed (measured, never asserted).
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "build" / "screenshots"

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


@pytest.fixture
def xvfb_display(tmp_path: Path):
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is not installed: .ci/run installs it (apt-get install xvfb)")
    # -displayfd lets Xvfb pick a free display number and tell us which.
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1600x900x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    assert number, "Xvfb did not start"
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_demo_pops_a_customer_card_on_a_real_x_server(xvfb_display: str, tmp_path: Path) -> None:
    shot = tmp_path / "demo.png"
    env = dict(os.environ)
    env.update(
        DISPLAY=xvfb_display,
        QT_QPA_PLATFORM="xcb",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    started = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "agent_desktop",
            "--demo",
            "--lang",
            "fr",
            "--screenshot",
            str(shot),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stderr[-4000:]
    width, height = png_size(shot)
    assert width >= 800 and height >= 500
    SHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(shot, SHOTS / "demo-advisor.png")
    log_file = tmp_path / "state" / "agent-desktop" / "log" / "agent-desktop.log"
    figures = [
        line.split(": ", 1)[1]
        for line in log_file.read_text(encoding="utf-8").splitlines()
        if "figure" in line
    ]
    print(f"\ndemo run took {elapsed:.1f} s; screenshot: {SHOTS / 'demo-advisor.png'}")
    for line in figures:
        print("  ", line)
