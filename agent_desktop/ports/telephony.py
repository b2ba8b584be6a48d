"""What the services need from a contact-centre platform: session, agent state, calls, events."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, Protocol

from agent_desktop.domain.agent import Agent, AgentState
from agent_desktop.domain.consult import Expert
from agent_desktop.domain.interaction import Action, Interaction, TranscriptSegment


class GatewayError(Exception):
    """A command or query the platform refused or could not answer.

    Attributes:
        code: machine-readable (``invalid_credentials``, ``action_not_allowed``,
            ``unreachable``, ``timeout``, ``bad_response``…).
        message: a human message (English, from the server or the adapter).
        status: the HTTP status, when there was one.
    """

    def __init__(self, code: str, message: str, status: int | None = None) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.status = status


@dataclass(frozen=True, slots=True)
class SessionInfo:
    token: str
    role: str
    capabilities: tuple[str, ...]
    agent: Agent


@dataclass(frozen=True, slots=True)
class Code:
    """A wrap-up code or not-ready reason with its labels."""

    code: str
    label_fr: str
    label_en: str

    def label(self, lang: str) -> str:
        return self.label_fr if lang == "fr" else self.label_en


@dataclass(frozen=True, slots=True)
class StreamEvent:
    """One decoded event of the platform's stream.

    ``payload`` is an :class:`Agent`, :class:`Interaction`, :class:`TranscriptSegment` or
    :class:`Expert` (presence) for the known types, ``None`` for ``stream.reset`` (resync
    from snapshots).
    """

    id: int
    type: str
    payload: Agent | Interaction | TranscriptSegment | Expert | None


# The marker `Telephony.events` yields first, when the stream is accepted (not a server event).
STREAM_OPENED = "stream.opened"


class Telephony(Protocol):
    async def login(self, username: str, password: str) -> SessionInfo: ...

    async def logout(self) -> None: ...

    async def get_agent(self) -> Agent: ...

    async def set_agent_state(self, state: AgentState, reason_code: str | None = None) -> Agent: ...

    async def list_interactions(self) -> tuple[list[Interaction], int]:
        """Snapshot of the agent's interactions and the id of the last event it includes."""
        ...

    async def act(
        self, interaction_id: str, action: Action, body: dict[str, Any] | None = None
    ) -> Interaction: ...

    async def codes(self) -> tuple[list[Code], list[Code]]:
        """(wrap-up codes, not-ready reasons)."""
        ...

    def events(self, last_event_id: int | None = None) -> AsyncIterator[StreamEvent]:
        """The event stream from after ``last_event_id``; ends when the connection drops.

        The first item, once the server has accepted the stream, is a marker
        ``StreamEvent(0, STREAM_OPENED, None)`` so the caller knows the link is up even
        when no event follows for a while.
        """
        ...
