"""Turns the core's domain events into Qt signals, on one subscription set per window.

Widgets connect to these Qt signals instead of subscribing to the bus themselves: Qt
drops a connection when its receiver is destroyed, so no bus handler can outlive its
widget (qutebrowser's "wrapped C/C++ object has been deleted" class of bugs). The window
calls :meth:`DesktopBridge.dispose` on close to unsubscribe from the bus.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from agent_desktop.domain.events import (
    AgentChanged,
    ConnectionChanged,
    InteractionChanged,
    InteractionClosed,
    InteractionOffered,
    Link,
    Notice,
    ScreenPopReady,
    TranscriptAdded,
)
from agent_desktop.domain.interaction import Interaction
from agent_desktop.domain.wallboard import AgentKpisChanged
from agent_desktop.services.desktop import Desktop
from agent_desktop.services.outbox import OutboxChanged


class DesktopBridge(QObject):
    """Re-emits the desktop's bus events as Qt signals.

    Attributes:
        desktop: the core the shell shows.
        lang: the UI language (``fr`` / ``en``), used to pick code labels.
        link: the event stream's last known health.

    Signals:
        sig_agent_changed(Agent): the agent's state, reason or next state changed.
        sig_offered(Interaction): a call is ringing (or was missed while offline).
        sig_interaction_changed(Interaction): state, flags or allowed actions changed.
        sig_closed(Interaction): the interaction left the desktop.
        sig_current_changed(object): the interaction the call bar acts on (or None).
        sig_screen_pop(ScreenPop): a customer card is ready.
        sig_context_pop(ScreenPop): the same, a moment later, for the context docks
            (history, summary, knowledge): the card is filled and painted first, and
            the loop runs between the two (one long turn held it 5-10 ms per pop).
        sig_link_changed(ConnectionChanged): the event stream's health changed.
        sig_notice(Notice): a message for the advisor (refused command…).
        sig_tick(): once a second, for the time-in-state clocks.
        sig_transcript(TranscriptSegment): a live transcript segment arrived.
        sig_kpis(AgentKpisChanged): the banner's figures changed (pushed by the server).
    """

    sig_agent_changed = Signal(object)
    sig_offered = Signal(object)
    sig_interaction_changed = Signal(object)
    sig_closed = Signal(object)
    sig_current_changed = Signal(object)
    sig_screen_pop = Signal(object)
    sig_context_pop = Signal(object)
    sig_link_changed = Signal(object)
    sig_notice = Signal(object)
    sig_tick = Signal()
    sig_transcript = Signal(object)
    sig_outbox = Signal(object)  # OutboxChanged: writes waiting to reach the server
    sig_kpis = Signal(object)

    def __init__(self, desktop: Desktop, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desktop = desktop
        self.lang = lang
        self.link = desktop.stream.link
        bus = desktop.bus
        self._disposers: list[Callable[[], None]] = [
            bus.subscribe(AgentChanged, lambda e: self.sig_agent_changed.emit(e.agent)),
            bus.subscribe(InteractionOffered, self._on_offered),
            bus.subscribe(InteractionChanged, self._on_changed),
            bus.subscribe(InteractionClosed, self._on_closed),
            bus.subscribe(ScreenPopReady, self._on_pop),
            bus.subscribe(ConnectionChanged, self._on_link),
            bus.subscribe(Notice, lambda e: self.sig_notice.emit(e)),
            bus.subscribe(TranscriptAdded, lambda e: self.sig_transcript.emit(e.segment)),
            bus.subscribe(OutboxChanged, lambda e: self.sig_outbox.emit(e)),
            bus.subscribe(AgentKpisChanged, lambda e: self.sig_kpis.emit(e)),
        ]
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.sig_tick)
        self._timer.start()

    @property
    def online(self) -> bool:
        # Before the stream's first event the link is "connecting" but commands work.
        return self.link in (Link.ONLINE, Link.CONNECTING)

    @property
    def current(self) -> Interaction | None:
        return self.desktop.calls.current

    def dispose(self) -> None:
        """Unsubscribe from the bus and stop the clock; safe to call twice."""
        for dispose in self._disposers:
            dispose()
        self._disposers.clear()
        self._timer.stop()

    def _on_offered(self, event: InteractionOffered) -> None:
        self.sig_offered.emit(event.interaction)
        self.sig_current_changed.emit(self.current)

    def _on_changed(self, event: InteractionChanged) -> None:
        self.sig_interaction_changed.emit(event.interaction)
        self.sig_current_changed.emit(self.current)

    def _on_closed(self, event: InteractionClosed) -> None:
        self.sig_closed.emit(event.interaction)
        self.sig_current_changed.emit(self.current)

    def _on_pop(self, event: ScreenPopReady) -> None:
        self.sig_screen_pop.emit(event.pop)
        # a timer, not a posted event: posted events run in the same pass as the paint
        QTimer.singleShot(1, self, lambda: self.sig_context_pop.emit(event.pop))

    def _on_link(self, event: ConnectionChanged) -> None:
        self.link = event.link
        self.sig_link_changed.emit(event)
