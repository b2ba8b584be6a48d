"""The core every shell sits on: one logged-in agent, their calls, their screen-pops.

The advisor, extended and wallboard shells are views over one :class:`Desktop`
(FeelUOwn's pattern: one core, several front ends). It runs headless, so tests and
benchmarks drive it without a window.
"""

from __future__ import annotations

import asyncio
import logging
import time
from contextlib import suppress
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, cast
from urllib.parse import quote, unquote

from agent_desktop import memory
from agent_desktop.domain.agent import Agent, AgentState
from agent_desktop.domain.consult import Expert
from agent_desktop.domain.customer import Customer
from agent_desktop.domain.events import (
    AgentChanged,
    ConnectionChanged,
    ExpertPresenceChanged,
    InteractionClosed,
    InteractionOffered,
    Link,
    Notice,
)
from agent_desktop.domain.interaction import (
    Action,
    Interaction,
    InteractionState,
    TranscriptSegment,
)
from agent_desktop.domain.screen_pop import ScreenPop
from agent_desktop.domain.wallboard import AgentKpis, AgentKpisChanged
from agent_desktop.ports.customers import Customers
from agent_desktop.ports.history import History
from agent_desktop.ports.knowledge import Knowledge
from agent_desktop.ports.outbox import CommandSender, OutboxStore
from agent_desktop.ports.telephony import Code, GatewayError, SessionInfo, StreamEvent, Telephony
from agent_desktop.services.calls import CallService
from agent_desktop.services.contact_reasons import ContactReasons
from agent_desktop.services.event_bus import EventBus
from agent_desktop.services.event_stream import EventStream
from agent_desktop.services.history import HistoryService
from agent_desktop.services.kb_contributions import KbContributions
from agent_desktop.services.knowledge import KnowledgeService
from agent_desktop.services.outbox import MemoryOutboxStore, Outbox, OutboxDelivered
from agent_desktop.services.screen_pop import ScreenPopService
from agent_desktop.services.summary.service import SummaryService
from agent_desktop.services.tasks import TaskGroup
from agent_desktop.services.wrap_ups import WrapUps

log = logging.getLogger(__name__)

WRAP_UP = "wrap_up"


def draft_key(interaction_id: str) -> str:
    """The draft key of an interaction's wrap-up."""
    return f"wrap_up:{interaction_id}"


class Desktop:
    """The logged-in agent's desktop, Qt-free.

    Attributes:
        bus: where every domain event is published.
        session: the login answer (role, capabilities), once logged in.
        agent: the agent as the server last described them.
        calls: the interactions (see :class:`CallService`).
        screen_pop: the customer cards (see :class:`ScreenPopService`).
        history: the customers' unified history (see :class:`HistoryService`).
        knowledge: KB suggestions, articles and feedback (see :class:`KnowledgeService`).
        summary: the customer summary, local or AI (see :class:`SummaryService`).
        kb_contributions: new articles and fixes, through the outbox.
        stream: the event stream's state (see :class:`EventStream`).
        kpis: the latest banner figures the server pushed (``agent.kpis``), if any.
        wrap_up_codes / not_ready_reasons: the platform's code lists.
        contact_reasons: the labels of contact-reason codes (history, intents).
        tasks: every background task the core started.
    """

    def __init__(
        self,
        telephony: Telephony,
        customers: Customers,
        bus: EventBus | None = None,
        tasks: TaskGroup | None = None,
        outbox_store: OutboxStore | None = None,
        sender: CommandSender | None = None,
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
        self.knowledge = KnowledgeService(customers if isinstance(customers, Knowledge) else None)
        self.contact_reasons = ContactReasons()
        self.summary = SummaryService(self.history, self.contact_reasons)
        self.stream = EventStream(telephony, self.bus, self._on_stream_event, self.resync)
        self.wrap_up_codes: list[Code] = []
        self.not_ready_reasons: list[Code] = []
        # Every write that carries the advisor's work goes through the durable outbox.
        self.outbox = Outbox(
            outbox_store or MemoryOutboxStore(),
            sender or cast(CommandSender, telephony),
            self.bus,
        )
        self.kb_contributions = KbContributions(self.outbox, self.bus)
        # what waits for a wrap-up here, including calls the ACW limit closed meanwhile
        self.wrap_ups = WrapUps(
            self.calls,
            self.bus,
            self.wrap_up_pending,
            lambda interaction_id: self.draft(draft_key(interaction_id)) is not None,
        )
        self.bus.subscribe(ConnectionChanged, self._on_link)
        self.bus.subscribe(OutboxDelivered, self._on_delivered)
        self.recovered: Notice | None = None
        # Set by the composition root when certificate checks are off (tls/insecure): the
        # shell then shows a badge that cannot be dismissed.
        self.tls_checks_off = False
        self.kpis: AgentKpisChanged | None = None  # the banner's figures, pushed by the server
        self._stream_task: asyncio.Task[None] | None = None
        self.bus.subscribe(InteractionOffered, self._on_offered)
        self.bus.subscribe(InteractionClosed, self._on_closed)

    # -------------------------------------------------------------- session

    async def login(self, username: str, password: str) -> SessionInfo:
        """Log in, load code lists and the current calls, and start the event stream.

        Raises :class:`GatewayError` (``invalid_credentials``, ``unreachable``…).
        """
        self.session = await self._telephony.login(username, password)
        # the code lists and the server's snapshots do not depend on each other
        catalogue, (agent, interactions, last_event_id) = await asyncio.gather(
            self._telephony.codes(), self._snapshots()
        )
        self.wrap_up_codes, self.not_ready_reasons = catalogue.wrap_up, catalogue.not_ready
        self.contact_reasons.update(catalogue.contact_reasons)
        # the agent is announced once the code lists are in: a window built before the
        # login answer fills its not-ready reasons then (app.py, the demo)
        self._apply_snapshots(agent, interactions)
        self.stream.last_event_id = last_event_id
        self._stream_task = self.tasks.spawn(self.stream.run(), name="event-stream")
        self.outbox.owner = username
        self.outbox.publish_status()
        self.tasks.spawn(self.outbox.run(), name="outbox")
        # The platform's articles copied into the local index (suggestions rank there),
        # for users who take calls (the Knowledge dock is theirs, not the wallboard's).
        if {"kb", "calls"} <= set(self.session.capabilities):
            self.tasks.spawn(self.knowledge.keep_synced(), name="kb-sync")
        self._report_recovered()
        return self.session

    async def relogin(self, password: str) -> SessionInfo:
        """A new session for the same user once the token expired (the stream went
        ``offline``). Calls, drafts and the outbox are kept; the view is resynced from the
        server's snapshots, the stream restarted and pending writes sent.
        """
        username = self.outbox.owner
        self.session = await self._telephony.login(username, password)
        self._set_agent(self.session.agent)
        if self._stream_task is None or self._stream_task.done():
            self.stream.last_event_id = await self.resync()
            self._stream_task = self.tasks.spawn(self.stream.run(), name="event-stream")
        self.outbox.nudge()
        return self.session

    async def logout(self) -> None:
        await self.tasks.cancel_all()
        await self.history.cancel_pending()
        try:
            await self._telephony.logout()
        except GatewayError as exc:
            log.info("logout not confirmed by the server: %s", exc.code)

    async def resync(self) -> int:
        """Rebuild agent and calls from the server's snapshots; returns their event id."""
        agent, interactions, last_event_id = await self._snapshots()
        self._apply_snapshots(agent, interactions)
        return last_event_id

    async def _snapshots(self) -> tuple[Agent, list[Interaction], int]:
        agent = await self._telephony.get_agent()
        interactions, last_event_id = await self._telephony.list_interactions()
        return agent, interactions, last_event_id

    def _apply_snapshots(self, agent: Agent, interactions: list[Interaction]) -> None:
        self._set_agent(agent)
        self.calls.resync(interactions)

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
        self,
        interaction_id: str,
        code: str | None,
        notes: str = "",
        fcr: bool | None = None,
        next_state: tuple[AgentState, str | None] | None = None,
        follow_up: dict[str, Any] | None = None,
    ) -> bool:
        """Write the wrap-up to the durable outbox, then try to deliver it at once.

        True when it was delivered or is still pending (the outbox keeps retrying and
        the interaction no longer asks for a wrap-up here); False when the server refused
        it for good (a notice says why and the typed draft is kept).
        """
        body: dict[str, Any] = {"code": code, "notes": notes, "first_contact_resolution": fcr}
        if next_state is not None:
            body["next_state"] = {"state": next_state[0].value, "reason_code": next_state[1]}
        if follow_up is not None:
            body["follow_up"] = follow_up
        path = f"/v1/interactions/{quote(interaction_id, safe='')}/wrapup"
        known = self.wrap_ups.get(interaction_id)
        item_id = self.outbox.submit(WRAP_UP, "POST", path, body)
        draft = self.draft(draft_key(interaction_id))
        self.delete_draft(draft_key(interaction_id))  # the outbox holds it now
        delivered = await self.outbox.deliver(item_id)
        if delivered is False:
            if draft is not None:
                self.save_draft(draft_key(interaction_id), draft)
            if known is not None:
                self.wrap_ups.reopen(known)
            return False
        self.wrap_ups.sent(interaction_id)
        if delivered:
            with suppress(GatewayError):
                self._set_agent(await self._telephony.get_agent())
        return True

    def _report_recovered(self) -> None:
        """After a crash: say what came back from disk (``recovered`` keeps the notice for
        a window opened after login)."""
        pending, drafts = len(self.outbox.pending()), len(self.drafts())
        if not (pending or drafts):
            return
        log.info("recovered from the last session: %d unsent, %d drafts", pending, drafts)
        self.recovered = Notice(
            f"Recovered from your last session: {pending} unsent item(s), being sent; "
            f"{drafts} draft(s) restored.",
            "info",
            "recovered",
        )
        self.bus.publish(self.recovered)

    def wrap_up_pending(self, interaction_id: str) -> bool:
        """True while a wrap-up of this interaction waits in the outbox."""
        path = f"/v1/interactions/{quote(interaction_id, safe='')}/wrapup"
        return any(item.path == path for item in self.outbox.pending(WRAP_UP))

    # -------------------------------------------------------------- drafts

    def save_draft(self, key: str, value: dict[str, Any]) -> None:
        """Keep work in progress (e.g. wrap-up notes as typed) on disk until it is sent."""
        self.outbox.store.save_draft(self.outbox.owner, key, value)

    def draft(self, key: str) -> dict[str, Any] | None:
        return self.outbox.store.draft(self.outbox.owner, key)

    def drafts(self) -> dict[str, dict[str, Any]]:
        return self.outbox.store.drafts(self.outbox.owner)

    def delete_draft(self, key: str) -> None:
        self.outbox.store.delete_draft(self.outbox.owner, key)

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
        elif isinstance(payload, AgentKpis):
            self.kpis = AgentKpisChanged(payload, time.monotonic())
            self.bus.publish(self.kpis)

    def _on_offered(self, event: InteractionOffered) -> None:
        if not event.interaction.is_live:
            return  # missed while we were offline: nothing to pop
        received_at = time.perf_counter()
        self.tasks.spawn(
            self.screen_pop.identify(event.interaction, received_at), name="screen-pop"
        )

    def _on_delivered(self, event: OutboxDelivered) -> None:
        """A wrap-up the server accepted closed its interaction (protocol: ``wrapup`` →
        ``closed``); the stream will say so too, but the view need not wait for it."""
        if event.item.kind != WRAP_UP:
            return
        parts = event.item.path.strip("/").split("/")
        known = self.calls.interactions.get(unquote(parts[-2])) if len(parts) >= 2 else None
        if known is None:
            return
        since = max(datetime.now(UTC), known.state_since)
        closed = replace(
            known, state=InteractionState.CLOSED, allowed_actions=(), state_since=since
        )
        self.calls.apply(closed)

    def _on_link(self, event: ConnectionChanged) -> None:
        if event.link == Link.ONLINE:
            self.outbox.nudge()  # the server is back: deliver what waits now

    def _on_closed(self, event: InteractionClosed) -> None:
        self.screen_pop.forget(event.interaction.id)
        # What the call's card, history pages and suggestions used goes back to the system
        # (glibc keeps freed memory otherwise): a full shift stays as small as its start,
        # which matters where many desktops share one server (VDI). ~1 ms, off the loop.
        self.tasks.spawn(asyncio.to_thread(memory.trim), name="memory-trim")
