"""Demo users of the sandbox: who can log in, with which role, queues and capabilities.

One shared password keeps the demo and the tests simple; it protects nothing real.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

DEMO_PASSWORD = "Sandbox-Demo-2026"


@dataclass(frozen=True, slots=True)
class DemoUser:
    username: str
    name: str
    role: Literal["agent", "supervisor"]
    queues: tuple[str, ...]
    capabilities: tuple[str, ...]

    @property
    def takes_calls(self) -> bool:
        return "calls" in self.capabilities


_ADVISOR = ("calls", "history", "kb", "kb.submit", "experts", "queues.own")

DEMO_USERS: dict[str, DemoUser] = {
    u.username: u
    for u in (
        DemoUser("alice", "Alice Martin", "agent", ("particuliers", "cartes"), _ADVISOR),
        DemoUser(
            "bob", "Bob Lefèvre", "agent", ("particuliers", "professionnels", "energie"), _ADVISOR
        ),
        DemoUser(
            "marc",
            "Marc Dubois",
            "agent",
            ("professionnels",),
            (*_ADVISOR, "extended", "callbacks"),
        ),
        DemoUser(
            "sophie",
            "Sophie Laurent",
            "supervisor",
            ("particuliers", "professionnels", "cartes", "energie"),
            ("wallboard", "agents.read", "queues.read", "kb", "experts"),
        ),
    )
}
