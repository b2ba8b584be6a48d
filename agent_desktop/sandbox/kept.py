"""What survives a restart of the sandbox's HTTP server inside one process.

``SandboxServer.stop()`` then ``start()`` closes the port, ends every stream and starts a
new uvicorn server and event hub (so clients get ``stream.reset`` with reason
``server_restarted``), like a gateway restarted in front of a contact centre that kept
running: the agents, their sessions and calls, the idempotency keys and the record of
delivered wrap-ups are carried over. Tests use it to prove that work queued while the
server was down is delivered exactly once when it is back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from agent_desktop.sandbox.center import ContactCenter
from agent_desktop.sandbox.context import SandboxContext
from agent_desktop.sandbox.middleware import IdempotencyMemory
from agent_desktop.sandbox.scenario import Scenario
from agent_desktop.sandbox.state_db import StateDb


@dataclass(slots=True)
class KeptState:
    center: ContactCenter | None = None
    idempotency: IdempotencyMemory = field(default_factory=IdempotencyMemory)
    restarts: int = 0

    @classmethod
    def with_state_file(cls, path: Path | None) -> KeptState:
        """Kept state whose stored wrap-ups and idempotent answers live in ``path``."""
        return cls(idempotency=IdempotencyMemory(db=StateDb(path)))

    def adopt(self, ctx: SandboxContext) -> None:
        """Make a freshly built context use the contact centre kept from the last run."""
        if self.center is None:
            self.center = ctx.center
            return
        self.restarts += 1
        self.center.hub = ctx.hub
        ctx.center = self.center
        ctx.scenario = Scenario(self.center, ctx.store)
        self.center.rearm_acw_timers()  # the old loop's timers died with it
