"""The conference panel: the party list (role and state in words), merge, drop, leave, mute."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agent_desktop.plugin_api import (
    Action,
    ConsultAction,
    ConsultState,
    Interaction,
    Party,
    PluginContext,
)


def role_text(role: str) -> str:
    return {
        "customer": QCoreApplication.translate("Conference", "Customer"),
        "agent": QCoreApplication.translate("Conference", "You"),
        "expert": QCoreApplication.translate("Conference", "Expert"),
    }.get(role, role)


def party_state_text(state: str) -> str:
    return {
        "connected": QCoreApplication.translate("Conference", "On the line"),
        "held": QCoreApplication.translate("Conference", "On hold"),
        "muted": QCoreApplication.translate("Conference", "Muted"),
        "left": QCoreApplication.translate("Conference", "Left"),
    }.get(state, state)


def in_conference(call: Interaction | None) -> bool:
    return (
        call is not None
        and call.consult is not None
        and call.consult.state == ConsultState.CONFERENCED
    )


class ConferencePanel(QWidget):
    """Attributes: status, parties, merge_button, drop_button, leave_button, mute_button."""

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("Conference", "Conference")

    def __init__(self, ctx: PluginContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conferencePanel")
        self.ctx = ctx
        self.status = QLabel(self)
        self.status.setObjectName("conferenceStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.parties = QTreeWidget(self)
        self.parties.setObjectName("conferenceParties")
        self.parties.setRootIsDecorated(False)
        self.parties.setHeaderLabels(
            [
                QCoreApplication.translate("Conference", "Party"),
                QCoreApplication.translate("Conference", "Role"),
                QCoreApplication.translate("Conference", "State"),
            ]
        )
        self.merge_button = QPushButton(
            QCoreApplication.translate("Conference", "Merge into conference"), self
        )
        self.merge_button.setObjectName("mergeConference")
        self.drop_button = QPushButton(QCoreApplication.translate("Conference", "Drop party"), self)
        self.drop_button.setObjectName("dropParty")
        self.leave_button = QPushButton(QCoreApplication.translate("Conference", "Leave"), self)
        self.leave_button.setObjectName("leaveConference")
        self.leave_button.setToolTip(
            QCoreApplication.translate(
                "Conference", "Leave the conference: the expert keeps the customer"
            )
        )
        self.mute_button = QPushButton(QCoreApplication.translate("Conference", "Mute me"), self)
        self.mute_button.setObjectName("muteSelf")
        row = QHBoxLayout()
        for button in (self.merge_button, self.drop_button, self.leave_button, self.mute_button):
            row.addWidget(button)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 8, 8)
        column.addWidget(self.status)
        column.addWidget(self.parties, 1)
        column.addLayout(row)
        self.merge_button.clicked.connect(lambda: self.ctx.spawn(self.ctx.calls.conference()))
        self.drop_button.clicked.connect(self._drop)
        self.leave_button.clicked.connect(lambda: self.ctx.spawn(self.ctx.calls.leave()))
        self.mute_button.clicked.connect(self._mute)
        # Choosing a party only changes what the buttons offer. Rebuilding the list there
        # deleted the very item being selected, inside its own setSelected (a crash).
        self.parties.itemSelectionChanged.connect(self._show_actions)
        self.refresh()

    def selected_party(self) -> Party | None:
        call = self.ctx.calls.current()
        items = self.parties.selectedItems()
        if call is None or not items:
            return None
        party_id = items[0].data(0, Qt.ItemDataRole.UserRole)
        return next((p for p in call.parties if p.id == party_id), None)

    def refresh(self) -> None:
        """The call changed: the parties listed again (the chosen one kept), then the actions."""
        call = self.ctx.calls.current()
        selected = self.selected_party()
        conference = in_conference(call)
        self.parties.blockSignals(True)
        self.parties.clear()
        if call is not None and conference:
            for party in call.parties:
                item = QTreeWidgetItem(
                    [party.name, role_text(party.role), party_state_text(party.state)]
                )
                item.setData(0, Qt.ItemDataRole.UserRole, party.id)
                self.parties.addTopLevelItem(item)
                if selected is not None and selected.id == party.id:
                    item.setSelected(True)
            for col in range(3):
                self.parties.resizeColumnToContents(col)
        self.parties.blockSignals(False)
        self._show_actions()

    def _show_actions(self) -> None:
        call = self.ctx.calls.current()
        conference = in_conference(call)
        self.status.setText(self._status(call))
        allowed = call.consult.allowed if call is not None and call.consult else ()
        self.merge_button.setEnabled(ConsultAction.CONFERENCE in allowed)
        live_parties = [p for p in (call.parties if call else ()) if p.state != "left"]
        selected = self.selected_party()
        self.drop_button.setEnabled(
            conference
            and selected is not None
            and selected.role != "agent"
            and selected.state != "left"
        )
        self.leave_button.setEnabled(conference and any(p.role == "agent" for p in live_parties))
        can_mute = call is not None and (call.allows(Action.MUTE) or call.allows(Action.UNMUTE))
        self.mute_button.setEnabled(conference and can_mute)
        muted = call is not None and call.muted
        self.mute_button.setText(
            QCoreApplication.translate("Conference", "Unmute me")
            if muted
            else QCoreApplication.translate("Conference", "Mute me")
        )

    def _status(self, call: Interaction | None) -> str:
        if call is None or call.consult is None:
            return QCoreApplication.translate(
                "Conference", "No conference. Consult an expert first, then merge."
            )
        if not in_conference(call):
            if ConsultAction.CONFERENCE in call.consult.allowed:
                return QCoreApplication.translate(
                    "Conference", "%1 is on the line: merge to talk all three together."
                ).replace("%1", call.consult.expert_name)
            return QCoreApplication.translate("Conference", "No conference.")
        customer = next((p for p in call.parties if p.role == "customer"), None)
        expert = next((p for p in call.parties if p.role == "expert"), None)
        if customer is not None and customer.state == "left":
            if expert is not None and expert.state != "left":
                return QCoreApplication.translate(
                    "Conference",
                    "The customer left the conference. Stay with %1, or drop them to hang up.",
                ).replace("%1", expert.name)
            return QCoreApplication.translate("Conference", "Everyone left the conference.")
        if expert is not None and expert.state == "left":
            return QCoreApplication.translate(
                "Conference", "%1 left. You are with the customer."
            ).replace("%1", expert.name)
        return QCoreApplication.translate(
            "Conference", "Conference in progress with %1 and the customer."
        ).replace("%1", call.consult.expert_name)

    def _drop(self) -> None:
        party = self.selected_party()
        if party is not None:
            self.ctx.spawn(self.ctx.calls.drop_party(party.id))

    def _mute(self) -> None:
        call = self.ctx.calls.current()
        if call is not None:
            action = Action.UNMUTE if call.muted else Action.MUTE
            self.ctx.spawn(self.ctx.calls.act(action))
