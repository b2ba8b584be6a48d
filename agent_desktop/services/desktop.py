"""The core every shell sits on: one logged-in agent, their calls, their screen-pops.

The advisor, extended and wallboard shells are views over one :class:`Desktop`
(FeelUOwn's pattern: one core, several front ends). It runs headless, so tests and
benchmarks drive it without a window.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from agent_desktop.domain.agent import Agent, AgentState
from agent_desktop.domain.consult import Expert
from agent_desktop.domain.customer import Customer
from agent_desktop.domain.events import (
    AgentChanged,
    ExpertPresenceChanged,
    InteractionClosed,
    InteractionOffered,
    Notice,
)
from agent_desktop.domain.interaction import Action, Interaction, TranscriptSegment
from agent_desktop.domain.screen_pop import ScreenPop
from agent_desktop.ports.customers import Customers
from agent_desktop.ports.history import History
from agent_desktop.ports.telephony import Code, GatewayError, SessionInfo, StreamEvent, Telephony
from agent_desktop.services.calls import CallService
from agent_desktop.services.event_bus import EventBus
from agent_desktop.services.event_stream import EventStream
from agent_desktop.services.history import HistoryService
from agent_desktop.services.screen_pop import ScreenPopService
from agent_desktop.services.tasks import TaskGroup

log = logging.getLogger(__name__)


class Desktop:
    """The logged-in agent's desktop, Qt-free.

    Attributes:
        bus: where every domain event is published.
        session: the login answer (role, capabilities), once logged in.
        agent: the agent as the server last described them.
        calls: the interactions (see :class:`CallService`).
        screen_pop: the customer cards (see :class:`ScreenPopService`).
        history: the customers' unified history (see :class:`HistoryService`).
        stream: the event stream's state (see :class:`EventStream`).
        wrap_up_codes / not_ready_reasons: the platform's code lists.
        tasks: every background task the core started.
    """

    def __init__(
        self,
        telephony: Telephony,
        customers: Customers,
        bus: EventBus | None = None,
        tasks: TaskGroup | None = None,
    ) -> None:
        self.bus = bus or EventBus()
        self.tasks = tasks or TaskGroup()
        self._telephony = telephony
        self.session: SessionInfo | None = None
        self.agent: Agent | None = None
        self.calls = CallService(telephony, self.bus)
        self.screen_pop = ScreenPopService(customers, self.bus)
        # The gateway adapter serves history too; another connector may not.
        self.history = HistoryService(customers if isinstance(customers, History) else None)
        self.stream = EventStream(telephony, self.bus, self._on_stream_event, self.resync)
        self.wrap_up_codes: list[Code] = []
        self.not_ready_reasons: list[Code] = []
        self.bus.subscribe(InteractionOffered, self._on_offered)
        self.bus.subscribe(InteractionClosed, self._on_closed)

    # -------------------------------------------------------------- session

    async def login(self, username: str, password: str) -> SessionInfo:
        """Log in, load code lists and the current calls, and start the event stream.

        Raises :class:`GatewayError` (``invalid_credentials``, ``unreachable``…).
        """
        self.session = await self._telephony.login(username, password)
        self._set_agent(self.session.agent)
        self.wrap_up_codes, self.not_ready_reasons = await self._telephony.codes()
        self.stream.last_event_id = await self.resync()
        self.tasks.spawn(self.stream.run(), name="event-stream")
        return self.session

    async def logout(self) -> None:
        await self.tasks.cancel_all()
        try:
            await self._telephony.logout()
        except GatewayError as exc:
            log.info("logout not confirmed by the server: %s", exc.code)

    async def resync(self) -> int:
        """Rebuild agent and calls from the server's snapshots; returns their event id."""
        agent = await self._telephony.get_agent()
        interactions, last_event_id = await self._telephony.list_interactions()
        self._set_agent(agent)
        self.calls.resync(interactions)
        return last_event_id

    def _set_agent(self, agent: Agent) -> None:
        if agent != self.agent:
            self.agent = agent
            self.bus.publish(AgentChanged(agent))

    def reason_label(self, code: str | None, lang: str) -> str:
        for reason in self.not_ready_reasons:
            if reason.code == code:
                return reason.label(lang)
        return code or ""

    # -------------------------------------------------------------- commands

    async def set_state(self, state: AgentState, reason_code: str | None = None) -> bool:
        """Ask for ready / not ready; queued by the server while a call is in progress."""
        try:
            self._set_agent(await self._telephony.set_agent_state(state, reason_code))
        except GatewayError as exc:
            self._refused(exc)
            return False
        return True

    async def act(
        self, interaction_id: str, action: Action, body: dict[str, Any] | None = None
    ) -> bool:
        """Send a call-control action; a refusal becomes a :class:`Notice`, never a crash."""
        try:
            await self.calls.act(interaction_id, action, body)
        except GatewayError as exc:
            self._refused(exc)
            return False
        return True

    async def wrap_up(
        self, interaction_id: str, code: str | None, notes: str = "", fcr: bool | None = None
    ) -> bool:
        body = {"code": code, "notes": notes, "first_contact_resolution": fcr}
        ok = await self.act(interaction_id, Action.WRAPUP, body)
        if ok:
            self._set_agent(await self._telephony.get_agent())
        return ok

    def choose_customer(self, interaction_id: str, customer: Customer) -> ScreenPop:
        return self.screen_pop.choose(interaction_id, customer)

    async def search_customers(self, query: str) -> list[Customer]:
        try:
            return await self.screen_pop.search(query)
        except GatewayError as exc:
            self._refused(exc)
            return []

    def _refused(self, exc: GatewayError) -> None:
        log.warning("command refused: %s", exc.code)
        self.bus.publish(Notice(exc.message, "error", exc.code))

    # -------------------------------------------------------------- events

    def _on_stream_event(self, event: StreamEvent) -> None:
        payload = event.payload
        if isinstance(payload, Agent):
            self._set_agent(payload)
        elif isinstance(payload, Interaction):
            self.calls.apply(payload)
        elif isinstance(payload, TranscriptSegment):
            self.calls.add_transcript(payload)
        elif isinstance(payload, Expert):
            self.bus.publish(ExpertPresenceChanged(payload))

    def _on_offered(self, event: InteractionOffered) -> None:
        if not event.interaction.is_live:
            return  # missed while we were offline: nothing to pop
        received_at = time.perf_counter()
        self.tasks.spawn(
            self.screen_pop.identify(event.interaction, received_at), name="screen-pop"
        )

    def _on_closed(self, event: InteractionClosed) -> None:
        self.screen_pop.forget(event.interaction.id)
