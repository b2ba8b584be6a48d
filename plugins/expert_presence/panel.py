"""The directory panel: experts, presence (dot + words, never colour alone), since when."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agent_desktop.plugin_api import (
    ConsultState,
    Expert,
    InteractionState,
    PluginContext,
    Presence,
)

COLOURS = {
    Presence.AVAILABLE: "#2e7d32",
    Presence.BUSY: "#c62828",
    Presence.IN_A_CALL: "#c62828",
    Presence.AWAY: "#f9a825",
    Presence.DO_NOT_DISTURB: "#8e24aa",
    Presence.OFFLINE: "#9e9e9e",
}
ORDER = list(COLOURS)


def presence_text(presence: Presence) -> str:
    return {
        Presence.AVAILABLE: QCoreApplication.translate("ExpertPresence", "Available"),
        Presence.BUSY: QCoreApplication.translate("ExpertPresence", "Busy"),
        Presence.IN_A_CALL: QCoreApplication.translate("ExpertPresence", "In a call"),
        Presence.AWAY: QCoreApplication.translate("ExpertPresence", "Away"),
        Presence.DO_NOT_DISTURB: QCoreApplication.translate("ExpertPresence", "Do not disturb"),
        Presence.OFFLINE: QCoreApplication.translate("ExpertPresence", "Offline"),
    }[presence]


def since_text(since: datetime, now: datetime | None = None) -> str:
    local = since.astimezone()
    now = now or datetime.now(local.tzinfo)
    minutes = int((now - local).total_seconds() // 60)
    if minutes < 1:
        return QCoreApplication.translate("ExpertPresence", "just now")
    if minutes < 60:
        return QCoreApplication.translate("ExpertPresence", "for %1 min").replace(
            "%1", str(minutes)
        )
    return QCoreApplication.translate("ExpertPresence", "since %1").replace(
        "%1", local.strftime("%H:%M")
    )


def dot(presence: Presence) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(COLOURS[presence])
    painter.setPen(colour.darker(130))
    if presence in (Presence.OFFLINE, Presence.AWAY):
        painter.setBrush(Qt.GlobalColor.transparent)  # hollow: a shape cue as well
    else:
        painter.setBrush(colour)
    painter.drawEllipse(2, 2, 10, 10)
    painter.end()
    return QIcon(pixmap)


class DirectoryPanel(QWidget):
    """Attributes: search, available_only, tree, note, consult_button, transfer_button."""

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("ExpertPresence", "Experts")

    def __init__(self, ctx: PluginContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("expertDirectory")
        self.ctx = ctx
        self.search = QLineEdit(self)
        self.search.setObjectName("expertSearch")
        self.search.setPlaceholderText(
            QCoreApplication.translate("ExpertPresence", "Search a name, skill or department")
        )
        self.search.setClearButtonEnabled(True)
        self.available_only = QCheckBox(
            QCoreApplication.translate("ExpertPresence", "Available only"), self
        )
        self.available_only.setObjectName("availableOnly")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("expertList")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [
                QCoreApplication.translate("ExpertPresence", "Presence"),
                QCoreApplication.translate("ExpertPresence", "Name"),
                QCoreApplication.translate("ExpertPresence", "Skills"),
                QCoreApplication.translate("ExpertPresence", "Department"),
            ]
        )
        self.tree.setAlternatingRowColors(True)
        self.note = QLineEdit(self)
        self.note.setObjectName("consultNote")
        self.note.setPlaceholderText(
            QCoreApplication.translate(
                "ExpertPresence", "Note for the expert (sent with the customer's context)"
            )
        )
        self.note.setMaxLength(2000)
        self.consult_button = QPushButton(
            QCoreApplication.translate("ExpertPresence", "Consult"), self
        )
        self.consult_button.setObjectName("consultExpert")
        self.consult_button.setToolTip(
            QCoreApplication.translate(
                "ExpertPresence",
                "Put the customer on hold and call this expert, with the customer's context",
            )
        )
        self.transfer_button = QPushButton(
            QCoreApplication.translate("ExpertPresence", "Transfer"), self
        )
        self.transfer_button.setObjectName("transferToExpert")
        self.transfer_button.setToolTip(
            QCoreApplication.translate(
                "ExpertPresence", "Transfer the customer to this expert without consulting"
            )
        )
        self.empty = QLabel(self)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.available_only)
        buttons = QHBoxLayout()
        buttons.addWidget(self.consult_button)
        buttons.addWidget(self.transfer_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 8, 8)
        column.addLayout(top)
        column.addWidget(self.tree, 1)
        column.addWidget(self.empty)
        column.addWidget(self.note)
        column.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(100)  # coalesce bursts of presence changes
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self.schedule_refresh)
        self.available_only.toggled.connect(self.schedule_refresh)
        self.tree.itemSelectionChanged.connect(self.update_buttons)
        self.consult_button.clicked.connect(self._consult)
        self.transfer_button.clicked.connect(self._transfer)
        self.refresh()

    # ------------------------------------------------------------ content

    def schedule_refresh(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def visible_experts(self) -> list[Expert]:
        words = self.search.text().casefold().split()
        out = []
        for expert in self.ctx.experts.all():
            if self.available_only.isChecked() and expert.presence != Presence.AVAILABLE:
                continue
            haystack = " ".join((expert.name, expert.department, *expert.skills)).casefold()
            if all(word in haystack for word in words):
                out.append(expert)
        return sorted(out, key=lambda e: (ORDER.index(e.presence), e.name))

    def refresh(self) -> None:
        selected = self.selected()
        self.tree.clear()
        for expert in self.visible_experts():
            item = QTreeWidgetItem(
                [
                    f"{presence_text(expert.presence)} · {since_text(expert.presence_since)}",
                    expert.name,
                    ", ".join(expert.skills),
                    expert.department,
                ]
            )
            item.setIcon(0, dot(expert.presence))
            item.setData(0, Qt.ItemDataRole.UserRole, expert.id)
            item.setToolTip(0, presence_text(expert.presence))
            self.tree.addTopLevelItem(item)
            if selected is not None and expert.id == selected.id:
                item.setSelected(True)
        for column in range(4):
            self.tree.resizeColumnToContents(column)
        count = self.tree.topLevelItemCount()
        self.empty.setText(
            "" if count else QCoreApplication.translate("ExpertPresence", "No expert matches.")
        )
        self.empty.setVisible(count == 0)
        self.update_buttons()

    def selected(self) -> Expert | None:
        items = self.tree.selectedItems()
        if not items:
            return None
        expert_id = items[0].data(0, Qt.ItemDataRole.UserRole)
        return next((e for e in self.ctx.experts.all() if e.id == expert_id), None)

    def update_buttons(self) -> None:
        call = self.ctx.calls.current()
        expert = self.selected()
        live = call is not None and call.state in (
            InteractionState.CONNECTED,
            InteractionState.HELD,
        )
        consult_up = (
            call is not None
            and call.consult is not None
            and call.consult.state not in (ConsultState.FAILED, ConsultState.CANCELLED)
        )
        self.consult_button.setEnabled(live and expert is not None and not consult_up)
        self.transfer_button.setEnabled(
            live and expert is not None and bool(expert.phone) and not consult_up
        )

    # ------------------------------------------------------------ actions

    def _consult(self) -> None:
        expert = self.selected()
        if expert is not None:
            self.ctx.spawn(self.ctx.calls.consult(expert.id, note=self.note.text()))
            self.note.clear()

    def _transfer(self) -> None:
        expert = self.selected()
        if expert is not None and expert.phone:
            self.ctx.spawn(self.ctx.calls.blind_transfer(expert.phone))
