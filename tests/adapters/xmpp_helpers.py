"""A real Prosody (Debian's package) on 127.0.0.1 for the XMPP presence tests.

The server runs as the current user from a temporary directory: its own config, data,
shared roster group file (``mod_groups``) and log; users are created with ``prosodyctl``.
"""

from __future__ import annotations

import socket
import subprocess
import textwrap
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

DOMAIN = "uc.test"
PASSWORD = "Expert-Pass-2026"
PEOPLE = {
    "alice": "Alice Martin",
    "marie": "Marie Dupont",
    "paul": "Paul Bernard",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Prosody:
    port: int
    config: Path
    log: Path

    def jid(self, user: str) -> str:
        return f"{user}@{DOMAIN}"


@contextmanager
def prosody_server(directory: Path) -> Iterator[Prosody]:
    port = free_port()
    (directory / "data").mkdir()
    (directory / "certs").mkdir()
    groups = directory / "groups.txt"
    groups.write_text(
        "[Back office]\n" + "".join(f"{u}@{DOMAIN}={n}\n" for u, n in PEOPLE.items()),
        encoding="utf-8",
    )
    config = directory / "prosody.cfg.lua"
    log = directory / "prosody.log"
    config.write_text(
        textwrap.dedent(
            f"""\
            daemonize = false
            pidfile = "{directory}/prosody.pid"
            data_path = "{directory}/data"
            certificates = "{directory}/certs"
            run_as_root = true
            interfaces = {{ "127.0.0.1" }}
            c2s_ports = {{ {port} }}
            c2s_direct_tls_ports = {{}}
            legacy_ssl_ports = {{}}
            s2s_ports = {{}}
            c2s_require_encryption = false
            allow_unencrypted_plain_auth = true
            authentication = "internal_plain"
            storage = "internal"
            log = {{ {{ levels = {{ min = "info" }}, to = "file", filename = "{log}" }} }}
            modules_enabled = {{ "roster", "saslauth", "disco", "presence", "groups", "ping" }}
            modules_disabled = {{ "s2s", "tls", "posix" }}
            groups_file = "{groups}"
            VirtualHost "{DOMAIN}"
            """
        ),
        encoding="utf-8",
    )
    for user in PEOPLE:
        subprocess.run(
            ["prosodyctl", "--config", str(config), "register", user, DOMAIN, PASSWORD],
            check=True,
            capture_output=True,
            timeout=30,
        )
    process = subprocess.Popen(
        ["prosody", "--config", str(config)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    log = directory / "prosody.log"
                    detail = log.read_text() if log.exists() else ""
                    raise RuntimeError(f"prosody did not start: {detail[-2000:]}") from None
                time.sleep(0.05)
        yield Prosody(port, config, directory / "prosody.log")
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
