"""Domain events: what the services publish and the shell, view-models and plugins hear.

They are frozen dataclasses so a handler can keep one without fearing it changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from agent_desktop.domain.agent import Agent
from agent_desktop.domain.consult import Expert
from agent_desktop.domain.interaction import Interaction, TranscriptSegment
from agent_desktop.domain.screen_pop import ScreenPop


class DomainEvent:
    """Base class of every event published on the bus."""


@dataclass(frozen=True, slots=True)
class AgentChanged(DomainEvent):
    agent: Agent


@dataclass(frozen=True, slots=True)
class InteractionOffered(DomainEvent):
    interaction: Interaction


@dataclass(frozen=True, slots=True)
class InteractionChanged(DomainEvent):
    """An interaction's state, allowed actions or flags changed (also sent for the end)."""

    interaction: Interaction


@dataclass(frozen=True, slots=True)
class InteractionClosed(DomainEvent):
    """The interaction left the desktop (wrapped up, rejected or missed)."""

    interaction: Interaction


@dataclass(frozen=True, slots=True)
class ScreenPopReady(DomainEvent):
    pop: ScreenPop


@dataclass(frozen=True, slots=True)
class TranscriptAdded(DomainEvent):
    segment: TranscriptSegment


class Link(StrEnum):
    CONNECTING = "connecting"
    ONLINE = "online"
    RECONNECTING = "reconnecting"
    OFFLINE = "offline"


@dataclass(frozen=True, slots=True)
class ConnectionChanged(DomainEvent):
    """The event stream's health, so the shell can say plainly when it is cut off."""

    link: Link
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Notice(DomainEvent):
    """Something the advisor should read (a refused command, an ignored event…).

    ``code`` is machine-readable (a gateway error code such as ``action_not_allowed``) so
    the shell can say it in the UI language; ``text`` is the fallback when the shell has
    no sentence for that code (it may be English from the server). ``level`` is ``info``,
    ``warning`` or ``error``.
    """

    text: str
    level: str = "info"
    code: str | None = None


@dataclass(frozen=True, slots=True)
class ExpertPresenceChanged(DomainEvent):
    """An expert's presence changed (from the gateway's stream or another presence source)."""

    expert: Expert
