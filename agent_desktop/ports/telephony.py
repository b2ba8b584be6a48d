"""What the services need from a contact-centre platform: session, agent state, calls, events."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from agent_desktop.domain.agent import Agent, AgentState
from agent_desktop.domain.consult import Expert
from agent_desktop.domain.interaction import Action, Interaction, TranscriptSegment
from agent_desktop.domain.wallboard import AgentKpis


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
class CodeCatalogue:
    """The platform's code lists.

    Attributes:
        wrap_up: wrap-up codes, in the platform's order.
        not_ready: not-ready reasons.
        contact_reasons: why customers contact us (the IVR's intents and the ``reason`` of
            history items), so the desktop shows "Carte non reçue", not ``card_arrival``.
    """

    wrap_up: list[Code]
    not_ready: list[Code]
    contact_reasons: list[Code] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class StreamEvent:
    """One decoded event of the platform's stream.

    ``payload`` is an :class:`Agent`, :class:`Interaction`, :class:`TranscriptSegment`,
    :class:`Expert` (presence) or :class:`AgentKpis` (the banner's figures) for the known
    types, ``None`` for ``stream.reset`` (resync from snapshots). ``id`` is
    :data:`UNNUMBERED` for events that carry a whole current value and are never replayed.
    """

    id: int
    type: str
    payload: Agent | Interaction | TranscriptSegment | Expert | AgentKpis | None


# The id of an unnumbered event (``agent.kpis``): applied as it comes, no duplicate check.
UNNUMBERED = 0


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

    async def codes(self) -> CodeCatalogue:
        """Wrap-up codes, not-ready reasons and contact reasons."""
        ...

    def events(self, last_event_id: int | None = None) -> AsyncIterator[StreamEvent]:
        """The event stream from after ``last_event_id``; ends when the connection drops.

        The first item, once the server has accepted the stream, is a marker
        ``StreamEvent(0, STREAM_OPENED, None)`` so the caller knows the link is up even
        when no event follows for a while.
        """
        ...
