"""The advisor's own state: ready, or not ready with a reason; time in state; next state.

While a call is in progress the server queues a requested change as the *next state*
(applied after wrap-up); the selector says so ("Next state: Lunch break") instead of
pretending the change happened.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from agent_desktop.domain.agent import WORKING_STATES, Agent, AgentState
from agent_desktop.ui import shortcuts
from agent_desktop.ui.bridge import DesktopBridge
from agent_desktop.ui.formatting import clock, seconds_since
from agent_desktop.ui.labels import agent_label, agent_state_label
from agent_desktop.ui.text import plain_label

# A combo entry: (state, reason code).
Choice = tuple[AgentState, str | None]


class AgentStateSelector(QWidget):
    """State pill + selector + next-state line, in the top toolbar.

    Attributes:
        combo: Ready, then "Not ready — <reason>" for each reason the server lists.
        pill: the current state and the time spent in it (``Ready · 03:12``).
        next_label: the queued next state while working, else hidden.
        toggle_action: F9, ready ⇄ not ready (with the last reason used).
    """

    def __init__(self, bridge: DesktopBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agentState")
        self._bridge = bridge
        self._last_reason: str | None = None
        self.pill = plain_label("", self, "statePill")
        self.pill.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pill.setMinimumWidth(150)
        self.combo = QComboBox(self)
        self.combo.setObjectName("stateCombo")
        self.combo.setMinimumWidth(220)
        self.combo.setToolTip(self.tr("Choose your state"))
        self.next_label = plain_label("", self, "nextState")
        self.next_label.hide()
        self.combo.activated.connect(self._on_activated)

        self.toggle_action = QAction(self.tr("Ready / not ready"), self)
        self.toggle_action.setObjectName("readyToggle")
        self.toggle_action.setShortcut(QKeySequence(shortcuts.READY_TOGGLE))
        self.toggle_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.toggle_action.triggered.connect(self.toggle)
        self.addAction(self.toggle_action)
        self.combo.setToolTip(
            shortcuts.with_shortcut(self.tr("Choose your state"), shortcuts.READY_TOGGLE)
        )

        column = QVBoxLayout()
        column.setSpacing(0)
        column.addWidget(self.combo)
        column.addWidget(self.next_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.setSpacing(8)
        layout.addWidget(self.pill)
        layout.addLayout(column)

        self._fill()
        bridge.sig_agent_changed.connect(self._show)
        bridge.sig_link_changed.connect(lambda _e: self._enable())
        bridge.sig_tick.connect(self._tick)
        self._show(bridge.desktop.agent)

    # ------------------------------------------------------------ display

    def _fill(self) -> None:
        self.combo.clear()
        self.combo.addItem(agent_state_label(AgentState.READY), (AgentState.READY, None))
        not_ready = agent_state_label(AgentState.NOT_READY)
        for reason in self._bridge.desktop.not_ready_reasons:
            self.combo.addItem(
                f"{not_ready} — {reason.label(self._bridge.lang)}",
                (AgentState.NOT_READY, reason.code),
            )

    def _index_of(self, choice: Choice) -> int:
        for index in range(self.combo.count()):
            if tuple(self.combo.itemData(index)) == choice:
                return index
        return -1

    def _show(self, agent: Agent | None) -> None:
        if self.combo.count() != len(self._bridge.desktop.not_ready_reasons) + 1:
            self._fill()  # the code lists arrive with the login answer
        self._enable()
        if agent is None:
            self.pill.setText(agent_state_label(AgentState.LOGGED_OUT))
            self.next_label.hide()
            return
        self.pill.setProperty("state", agent.state.value)
        self.pill.style().unpolish(self.pill)
        self.pill.style().polish(self.pill)
        wanted = self._wanted(agent)
        index = self._index_of(wanted)
        if index >= 0:
            self.combo.setCurrentIndex(index)
        nxt = agent.next_state
        if nxt is not None and agent.state in WORKING_STATES:
            if nxt.state == AgentState.NOT_READY and nxt.reason_code:
                # Just the reason: "Next state: Lunch break".
                label = self._bridge.desktop.reason_label(nxt.reason_code, self._bridge.lang)
            else:
                label = agent_state_label(nxt.state)
            self.next_label.setText(self.tr("Next state: %1").replace("%1", label))
            self.next_label.show()
        else:
            self.next_label.hide()
        self._tick()

    def _tick(self) -> None:
        agent = self._bridge.desktop.agent
        if agent is None:
            return
        self.pill.setText(f"{agent_state_label(agent.state)} · {clock(seconds_since(agent.since))}")
        reason = self._bridge.desktop.reason_label(agent.reason_code, self._bridge.lang)
        self.pill.setToolTip(agent_label(agent, reason))

    def _enable(self) -> None:
        enabled = self._bridge.online and self._bridge.desktop.agent is not None
        self.combo.setEnabled(enabled)
        self.toggle_action.setEnabled(enabled)

    @staticmethod
    def _wanted(agent: Agent) -> Choice:
        """What the advisor asked for: the queued state while working, else the current."""
        if agent.state in WORKING_STATES:
            nxt = agent.next_state
            return (nxt.state, nxt.reason_code) if nxt else (AgentState.READY, None)
        return (agent.state, agent.reason_code)

    # ------------------------------------------------------------ commands

    def _on_activated(self, index: int) -> None:
        data = self.combo.itemData(index)
        if data is None:
            return
        state, reason = data
        self.request(state, reason)

    def request(self, state: AgentState, reason: str | None = None) -> None:
        if not self._bridge.online:
            return
        if reason:
            self._last_reason = reason
        desktop = self._bridge.desktop
        desktop.tasks.spawn(desktop.set_state(state, reason), name="set-state")

    def toggle(self) -> None:
        agent = self._bridge.desktop.agent
        if agent is None or not self.toggle_action.isEnabled():
            return
        state, _ = self._wanted(agent)
        if state == AgentState.READY:
            reasons = self._bridge.desktop.not_ready_reasons
            codes = [r.code for r in reasons]
            reason = self._last_reason if self._last_reason in codes else None
            reason = reason or (codes[0] if codes else None)
            if reason is None:
                return
            self.request(AgentState.NOT_READY, reason)
        else:
            self.request(AgentState.READY)
