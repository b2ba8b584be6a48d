"""The supervisor's agent roster: state, reason, time in state, current call, queue.

A table model over :attr:`WallboardState.agents`, sortable on every column (time in state
sorts by seconds) and filterable by text and by state.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from agent_desktop.domain.wallboard import RosterEntry
from agent_desktop.services.wallboard import WallboardState
from agent_desktop.ui.wallboard.board import format_wait

NAME, STATE, REASON, TIME, INTERACTION, QUEUE = range(6)
STATES = ("ready", "reserved", "busy", "after_call_work", "not_ready", "logged_out")
Index = QModelIndex | QPersistentModelIndex


def runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as (first, last) runs of consecutive rows."""
    out: list[tuple[int, int]] = []
    for row in rows:
        if out and out[-1][1] == row - 1:
            out[-1] = (out[-1][0], row)
        else:
            out.append((row, row))
    return out


class RosterModel(QAbstractTableModel):
    """One row per agent; ``refresh()`` takes the state's latest roster."""

    def __init__(
        self,
        state: WallboardState,
        reason_label: Callable[[str], str] = lambda code: code,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.reason_label = reason_label
        self.clock = clock
        self.rows: list[RosterEntry] = []
        self._ids: list[str] = []
        self._version = -1

    def state_label(self, state: str) -> str:
        return {
            "ready": self.tr("Ready"),
            "reserved": self.tr("Ringing"),
            "busy": self.tr("On a call"),
            "after_call_work": self.tr("Wrap-up"),
            "not_ready": self.tr("Not ready"),
            "logged_out": self.tr("Logged out"),
        }.get(state, state)

    def refresh(self) -> None:
        """Take the state's roster: only the rows that changed are signalled, so the sort
        proxy moves those rows instead of sorting all of them again."""
        if self._version == self.state.roster_version:
            return
        self._version = self.state.roster_version
        agents = self.state.agents
        ids = list(agents)
        if ids != self._ids:  # agents came or went (a snapshot): everything anew
            self.beginResetModel()
            self._ids = ids
            self.rows = [agents[i] for i in ids]
            self.endResetModel()
            return
        rows = [agents[i] for i in ids]
        changed = [
            r for r, (old, new) in enumerate(zip(self.rows, rows, strict=True)) if old is not new
        ]
        self.rows = rows
        for first, last in runs(changed):
            self.dataChanged.emit(self.index(first, 0), self.index(last, QUEUE))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Agent"),
            self.tr("State"),
            self.tr("Reason"),
            self.tr("Time in state"),
            self.tr("Current interaction"),
            self.tr("Queue"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.UserRole,
        ):  # the view asks for a dozen roles per cell and paint: only two are ours
            return None
        a = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.UserRole:  # the sort key
            if col == TIME:  # longest in state first when descending; the clock moves
                return -a.since.timestamp()  # every row alike, so it is not part of the key
            if col == STATE:
                return STATES.index(a.state) if a.state in STATES else len(STATES)
            return str(self.data(index) or "").casefold()
        if col == NAME:
            return a.name
        if col == STATE:
            return self.state_label(a.state)
        if col == REASON:
            return self.reason_label(a.reason_code) if a.reason_code else ""
        if col == TIME:
            return format_wait(max(0.0, (self.clock() - a.since).total_seconds()))
        if col == INTERACTION:
            return a.interaction_id or ""
        return self.queue_name(a.interaction_queue) or ", ".join(map(self.queue_name, a.queues))

    def queue_name(self, queue_id: str | None) -> str:
        queue = self.state.queues.get(queue_id or "")
        return queue.name if queue else queue_id or ""


class RosterFilter(QSortFilterProxyModel):
    """Free text on every column, and one state (or all)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.wanted_state: str | None = None
        self.setSortRole(Qt.ItemDataRole.UserRole)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def set_state(self, state: str | None) -> None:
        self.beginFilterChange()
        self.wanted_state = state
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, RosterModel)
        if self.wanted_state and model.rows[row].state != self.wanted_state:
            return False
        return super().filterAcceptsRow(row, parent)


class RosterView(QWidget):
    """Filter line, state filter and the sortable table."""

    def __init__(
        self,
        state: WallboardState,
        reason_label: Callable[[str], str] = lambda code: code,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rosterView")
        self.model = RosterModel(state, reason_label, parent=self)
        self.proxy = RosterFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(self)
        self.search.setObjectName("rosterSearch")
        self.search.setPlaceholderText(self.tr("Filter: name, reason, queue…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.states = QComboBox(self)
        self.states.setObjectName("rosterState")
        self.states.addItem(self.tr("Every state"), None)
        for code in STATES:
            self.states.addItem(self.model.state_label(code), code)
        self.states.currentIndexChanged.connect(
            lambda _i: self.proxy.set_state(self.states.currentData())
        )
        self.table = QTableView(self)
        self.table.setObjectName("rosterTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(TIME, Qt.SortOrder.DescendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QUEUE, QHeaderView.ResizeMode.Stretch)
        em = self.fontMetrics().horizontalAdvance("M")
        for column, width in ((NAME, 24), (STATE, 13), (REASON, 17), (TIME, 15), (INTERACTION, 22)):
            self.table.setColumnWidth(column, width * em)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.states)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        self.model.refresh()

    def tick(self) -> None:
        """A second went by: the times in state shown move on (their order does not)."""
        self.table.viewport().update()
