"""The objects one running sandbox is made of, reachable from every route."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from agent_desktop.sandbox.center import ContactCenter
from agent_desktop.sandbox.config import SandboxConfig
from agent_desktop.sandbox.events import EventHub
from agent_desktop.sandbox.scenario import Scenario
from agent_desktop.sandbox.store import Store


@dataclass(slots=True)
class SandboxContext:
    config: SandboxConfig
    store: Store
    hub: EventHub
    center: ContactCenter
    scenario: Scenario
    # KB feedback votes by article id ([helpful, not helpful]) and article submissions
    # waiting for review (in memory: the sandbox forgets them when it stops).
    kb_votes: dict[str, list[int]] = field(default_factory=dict)
    kb_submissions: list[dict[str, Any]] = field(default_factory=list)
    # the supervisor's wallboard feed, made on first use (sandbox.wallboard.WallboardFeed)
    wallboard: Any = None
    # calls to return for extended agents, made on first use (sandbox.callbacks.CallbackBook)
    callbacks: Any = None

    @classmethod
    def build(cls, config: SandboxConfig, store: Store) -> SandboxContext:
        hub = EventHub(config.event_buffer_size)
        center = ContactCenter(config, hub)
        scenario = Scenario(center, store)
        return cls(config, store, hub, center, scenario)

    def shutdown(self) -> None:
        """Stop timers and tasks and end every event stream (the server is stopping)."""
        self.scenario.stop()
        if self.wallboard is not None:
            self.wallboard.close()
        self.center.shutdown()
        self.hub.close()
