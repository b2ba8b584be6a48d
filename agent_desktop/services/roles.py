"""What a user may do, from the capabilities of their login answer: the shells (modes) they
may open and the parts of a shell they get. The server enforces the same rules; the shells
use this so they never offer what the server would refuse.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# the capability each shell needs
MODE_CAPABILITY: dict[str, str] = {
    "advisor": "calls",
    "extended": "extended",
    "wallboard": "wallboard",
}

# the capability each part of a shell needs
FEATURE_CAPABILITY: dict[str, str] = {
    "calls": "calls",  # call bar, agent state, wrap-up
    "history": "history",  # the History dock
    "summary": "history",  # the Summary dock (it summarises the history)
    "knowledge": "kb",  # the Knowledge dock
    "kb_submit": "kb.submit",  # new articles and fixes
    "experts": "experts",  # directory, consult, supervised transfer, conference
    "callbacks": "callbacks",  # calls to return and click-to-call
    "wallboard": "wallboard",  # queue tiles and the roster
}


def allowed_modes(capabilities: Iterable[str]) -> list[str]:
    """The shells a user may open, the first one being their usual one."""
    caps = set(capabilities)
    return [mode for mode, needed in MODE_CAPABILITY.items() if needed in caps]


@dataclass(frozen=True, slots=True)
class Role:
    """A logged-in user's capabilities, asked feature by feature."""

    capabilities: frozenset[str]

    @classmethod
    def of(cls, capabilities: Iterable[str]) -> Role:
        return cls(frozenset(capabilities))

    def allows(self, feature: str) -> bool:
        """True when the user may use ``feature`` (a key of :data:`FEATURE_CAPABILITY`)."""
        return FEATURE_CAPABILITY[feature] in self.capabilities

    @property
    def modes(self) -> list[str]:
        return allowed_modes(self.capabilities)
