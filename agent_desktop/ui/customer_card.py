"""The central customer card: idle, identifying, identified, unknown (+ search), ambiguous.

It always shows the interaction the call bar acts on (``desktop.calls.current``): the
attached data the moment the call is offered, then the screen-pop when it is ready, and
back to a calm idle page when the interaction closes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QStackedWidget, QVBoxLayout, QWidget

from agent_desktop.domain.agent import Agent
from agent_desktop.domain.customer import Customer
from agent_desktop.domain.interaction import Interaction
from agent_desktop.domain.screen_pop import Identification, ScreenPop
from agent_desktop.services.phone import for_display, to_e164
from agent_desktop.ui import shortcuts
from agent_desktop.ui.bridge import DesktopBridge
from agent_desktop.ui.call_context import CallContextStrip
from agent_desktop.ui.customer_chooser import CustomerChooser
from agent_desktop.ui.customer_details import CustomerDetails
from agent_desktop.ui.customer_search import CustomerSearch
from agent_desktop.ui.labels import agent_label
from agent_desktop.ui.text import plain_label
from agent_desktop.ui.theme import hold_place, opaque


class IdlePage(QWidget):
    """ "Waiting for a call" and the agent's state, centred and quiet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("idlePage")
        self.title = plain_label(self.tr("Waiting for a call"), self, "idleTitle")
        self.state = plain_label("", self, "idleState")
        for label in (self.title, self.state):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.title)
        layout.addWidget(self.state)
        layout.addStretch(3)


class CustomerCard(QFrame):
    """The screen-pop.

    Attributes:
        context: the attached-data strip (hidden when idle).
        pages: the stacked pages; ``idle``, ``pending``, ``details``, ``search``,
            ``chooser`` are the widgets in it.
        interaction_id: the interaction shown, or ``None`` when idle.
        pop: the screen-pop shown, if it arrived.
        search_action: Ctrl+F, search for (another) customer for the current call.
    """

    def __init__(self, bridge: DesktopBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerCard")
        opaque(self)  # white, and the window's background is not painted under it
        self._bridge = bridge
        self.interaction_id: str | None = None
        self.pop: ScreenPop | None = None
        self.context = CallContextStrip(self)
        hold_place(self.context)  # shown during calls only; the pages below stay put
        self.pages = QStackedWidget(self)
        self.idle = IdlePage(self.pages)
        self.pending = plain_label(self.tr("Identifying the caller…"), self.pages, "cardHint")
        self.pending.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.details = CustomerDetails(self.pages)
        self.search_page = CustomerSearch(bridge, self.pages)
        self.chooser = CustomerChooser(self.pages)
        for page in (self.idle, self.pending, self.details, self.search_page, self.chooser):
            self.pages.addWidget(page)
        self.chooser.sig_chosen.connect(self._choose)
        self.search_page.sig_chosen.connect(self._choose)
        self.search_page.sig_cancelled.connect(self._cancel_search)

        self.search_action = QAction(self.tr("Search for a customer"), self)
        self.search_action.setObjectName("customerSearch")
        self.search_action.setShortcut(QKeySequence(shortcuts.SEARCH))
        self.search_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.search_action.setToolTip(
            shortcuts.with_shortcut(self.tr("Search for a customer"), shortcuts.SEARCH)
        )
        self.search_action.setEnabled(False)
        self.search_action.triggered.connect(self.open_search)
        self.addAction(self.search_action)

        body = QVBoxLayout()
        body.setContentsMargins(24, 18, 24, 18)
        body.addWidget(self.pages)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.context)
        layout.addLayout(body, 1)

        bridge.sig_current_changed.connect(self._follow)
        bridge.sig_screen_pop.connect(self._on_pop)
        bridge.sig_agent_changed.connect(self._on_agent)
        bridge.sig_tick.connect(self._refresh_context)
        self._on_agent(bridge.desktop.agent)
        self._follow(bridge.current)

    # ------------------------------------------------------------ following the call

    def _follow(self, current: Interaction | None) -> None:
        if current is None:
            self._show_idle()
            return
        if current.id != self.interaction_id:
            self.interaction_id = current.id
            self.pop = self._bridge.desktop.screen_pop.pops.get(current.id)
            if self.pop is None:
                self.pages.setCurrentWidget(self.pending)
            else:
                self._render(self.pop)
        self.context.show_interaction(current, self.pop)
        self.context.show()
        self.search_action.setEnabled(True)

    def _show_idle(self) -> None:
        self.interaction_id = None
        self.pop = None
        self.context.hide()
        self.search_action.setEnabled(False)
        self.pages.setCurrentWidget(self.idle)

    def _on_pop(self, pop: ScreenPop) -> None:
        if pop.interaction_id != self.interaction_id:
            return
        self.pop = pop
        self._render(pop)
        self._refresh_context()

    def _refresh_context(self) -> None:
        current = self._bridge.current
        if current is not None and current.id == self.interaction_id:
            self.context.show_interaction(current, self.pop)

    def _on_agent(self, agent: Agent | None) -> None:
        if agent is None:
            self.idle.state.setText("")
            return
        reason = self._bridge.desktop.reason_label(agent.reason_code, self._bridge.lang)
        self.idle.state.setText(agent_label(agent, reason))

    # ------------------------------------------------------------ rendering

    def _render(self, pop: ScreenPop) -> None:
        current = self._bridge.current
        ivr_vip = bool(current and current.id == pop.interaction_id and current.attached.vip)
        if pop.identification == Identification.IDENTIFIED and pop.customer is not None:
            self.details.show_customer(pop.customer, vip=ivr_vip)
            self.pages.setCurrentWidget(self.details)
        elif pop.identification == Identification.AMBIGUOUS:
            self.chooser.show_candidates(pop.candidates)
            self.pages.setCurrentWidget(self.chooser)
            self.chooser.list.setFocus()
        else:
            self.search_page.reset(self.tr("Unknown caller"), self._number(pop))
            self.pages.setCurrentWidget(self.search_page)

    def _number(self, pop: ScreenPop) -> str:
        number = pop.phone_e164
        if number:
            return for_display(number)
        current = self._bridge.current
        raw = current.attached.caller_number if current else None
        if raw:
            return for_display(to_e164(raw)) or raw
        return self.tr("Number withheld")

    # ------------------------------------------------------------ advisor's choices

    def open_search(self) -> None:
        """Ctrl+F: search for the customer of the current call (e.g. the wrong one popped)."""
        if self.interaction_id is None:
            return
        if self.pages.currentWidget() is not self.search_page:
            number = self._number(self.pop) if self.pop else ""
            self.search_page.reset(self.tr("Search for a customer"), number)
            self.pages.setCurrentWidget(self.search_page)
        self.search_page.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_page.box.selectAll()

    def _cancel_search(self) -> None:
        if self.pop is not None and self.pop.identification != Identification.UNKNOWN:
            self._render(self.pop)

    def _choose(self, customer: Customer) -> None:
        if self.interaction_id is None:
            return
        # Publishes a new ScreenPopReady (by "advisor") that re-renders the card.
        self._bridge.desktop.choose_customer(self.interaction_id, customer)
