"""The advisor's KPI banner: their queues (waiting, longest wait) and their day (handled,
average handling time), a slim strip on the state toolbar row.

It never asks the server: the figures arrive as ``agent.kpis`` events on the agent's own
stream (through the bridge's ``sig_kpis``) when they change, and the longest wait counts
on locally each second from the last event, so it stays live between events.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from agent_desktop.domain.wallboard import AgentKpisChanged
from agent_desktop.ui.bridge import DesktopBridge
from agent_desktop.ui.text import fill, plain_label

LONG_WAIT_SECONDS = 60


def mm_ss(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


class KpiBanner(QWidget):
    """Blank until the first figures arrive (the server sends them when the stream opens).

    Attributes:
        queues: one label per own queue; day: the advisor's day.
        latest: the last figures received, with their arrival time.
    """

    def __init__(
        self,
        bridge: DesktopBridge,
        parent: QWidget | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kpiBanner")
        self.setStyleSheet(
            "QLabel { color: #3d4a5a; font-size: 9pt; padding: 0 6px; }"
            "QLabel[busy='true'] { color: #8a4b0f; font-weight: 600; }"
            "QLabel#kpiDay { border: 0px; border-left: 1px solid #b8c1cc; padding-left: 10px; }"
        )
        self.clock = clock
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(12, 0, 0, 0)
        self._row.setSpacing(4)
        self.queues: list[QLabel] = []
        self.day = plain_label("", self, "kpiDay")
        self.day.setToolTip(
            self.tr(
                "Calls you answered and wrapped up today; handling time runs from the answer "
                "to the end of the wrap-up."
            )
        )
        self._row.addWidget(self.day)
        self.latest: AgentKpisChanged | None = None
        # No hide()/show() here: on a toolbar the action controls visibility; empty is enough.
        bridge.sig_kpis.connect(self.show_kpis)
        bridge.sig_tick.connect(self._tick)
        if bridge.desktop.kpis is not None:  # arrived before the window was built
            self.show_kpis(bridge.desktop.kpis)

    def show_kpis(self, event: AgentKpisChanged) -> None:
        self.latest = event
        kpis = event.kpis
        while len(self.queues) < len(kpis.queues):
            label = plain_label("", self, "kpiQueue")
            self._row.insertWidget(len(self.queues), label)
            self.queues.append(label)
        for label in self.queues[len(kpis.queues) :]:
            label.hide()
        self._show_queues()
        if kpis.handled:
            self.day.setText(
                fill(
                    self.tr("Today: %1 handled · average %2"),
                    kpis.handled,
                    mm_ss(kpis.average_handling_seconds),
                )
            )
        else:  # an average of nothing is not 0:00
            self.day.setText(self.tr("Today: no call handled yet"))

    def _tick(self) -> None:
        if self.latest is not None and any(q.waiting for q in self.latest.kpis.queues):
            self._show_queues()  # the longest wait grows without a new event

    def _show_queues(self) -> None:
        assert self.latest is not None
        now = self.clock()
        for label, q in zip(self.queues, self.latest.kpis.queues, strict=False):
            text = fill(self.tr("%1: %2 waiting"), q.name, q.waiting)
            longest = self.latest.longest_wait(q, now)
            if q.waiting:
                text += " · " + fill(self.tr("longest %1"), mm_ss(longest))
            label.setText(text)
            busy = "true" if longest >= LONG_WAIT_SECONDS else "false"
            if label.property("busy") != busy:
                label.setProperty("busy", busy)
                label.style().unpolish(label)
                label.style().polish(label)
            label.show()
