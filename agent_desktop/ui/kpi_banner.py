"""The advisor's KPI banner: their queues (waiting, longest wait) and their day (handled,
average handling time), a slim strip on the state toolbar row."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from agent_desktop.domain.wallboard import AgentKpis
from agent_desktop.services.tasks import TaskGroup
from agent_desktop.services.wallboard import KpiService
from agent_desktop.ui.text import plain_label

LONG_WAIT_SECONDS = 60


def mm_ss(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


class KpiBanner(QWidget):
    """Blank until :meth:`start` (or :meth:`show_kpis`) gives it figures.

    Attributes:
        queues: one label per own queue; day: the advisor's day.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiBanner")
        self.setStyleSheet(
            "QLabel { color: #3d4a5a; font-size: 9pt; padding: 0 6px; }"
            "QLabel[busy='true'] { color: #8a4b0f; font-weight: 600; }"
        )
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(12, 0, 0, 0)
        self._row.setSpacing(4)
        self.queues: list[QLabel] = []
        self.day = plain_label("", self, "kpiDay")
        self._row.addWidget(self.day)
        # No hide()/show() here: on a toolbar the action controls visibility; empty is enough.

    def start(self, service: KpiService, tasks: TaskGroup) -> None:
        tasks.spawn(service.run(self.show_kpis), name="kpi-banner")

    def show_kpis(self, kpis: AgentKpis) -> None:
        while len(self.queues) < len(kpis.queues):
            label = plain_label("", self, "kpiQueue")
            self._row.insertWidget(len(self.queues), label)
            self.queues.append(label)
        for label, q in zip(self.queues, kpis.queues, strict=False):
            text = self.tr("%1: %2 waiting").replace("%1", q.name).replace("%2", str(q.waiting))
            if q.waiting:
                text += " · " + self.tr("longest %1").replace("%1", mm_ss(q.longest_wait_seconds))
            label.setText(text)
            busy = q.longest_wait_seconds >= LONG_WAIT_SECONDS
            label.setProperty("busy", "true" if busy else "false")
            label.style().unpolish(label)
            label.style().polish(label)
            label.show()
        for label in self.queues[len(kpis.queues) :]:
            label.hide()
        self.day.setText(
            self.tr("Today: %1 handled · average %2")
            .replace("%1", str(kpis.handled))
            .replace("%2", mm_ss(kpis.average_handling_seconds))
        )
