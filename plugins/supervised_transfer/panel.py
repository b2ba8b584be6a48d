"""The consult panel (state of the consult leg, transfer / swap / cancel) and the dialog
that picks an expert and writes the note handed over with the customer's context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agent_desktop.plugin_api import (
    ConsultAction,
    ConsultState,
    Interaction,
    PluginContext,
    Presence,
)


def plain(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def consult_text(call: Interaction | None) -> str:
    """One sentence saying where the consult stands (names come from the network)."""
    consult = call.consult if call is not None else None
    if call is None or consult is None:
        return QCoreApplication.translate(
            "SupervisedTransfer",
            "No consult. Pick an expert to consult while the customer waits on hold.",
        )
    name = consult.expert_name
    if consult.state in (ConsultState.DIALING, ConsultState.RINGING):
        return QCoreApplication.translate(
            "SupervisedTransfer", "Calling %1… The customer is on hold."
        ).replace("%1", name)
    if consult.state == ConsultState.CONNECTED:
        if not call.is_live:
            return QCoreApplication.translate(
                "SupervisedTransfer", "The customer hung up. You are still with %1."
            ).replace("%1", name)
        if consult.talking_to == "customer":
            return QCoreApplication.translate(
                "SupervisedTransfer", "Talking to the customer. %1 is on hold."
            ).replace("%1", name)
        return QCoreApplication.translate(
            "SupervisedTransfer", "Talking to %1. The customer is on hold."
        ).replace("%1", name)
    if consult.state == ConsultState.TRANSFERRED:
        return QCoreApplication.translate("SupervisedTransfer", "Transferred to %1.").replace(
            "%1", name
        )
    if consult.state == ConsultState.CONFERENCED:
        return QCoreApplication.translate(
            "SupervisedTransfer", "In conference with %1 and the customer."
        ).replace("%1", name)
    if consult.state == ConsultState.CANCELLED:
        return QCoreApplication.translate(
            "SupervisedTransfer", "Consult with %1 cancelled. The customer is back on the line."
        ).replace("%1", name)
    reasons = {
        "no_answer": QCoreApplication.translate("SupervisedTransfer", "%1 did not answer."),
        "busy": QCoreApplication.translate("SupervisedTransfer", "%1 is busy."),
        "declined": QCoreApplication.translate("SupervisedTransfer", "%1 declined."),
        "expert_hangup": QCoreApplication.translate("SupervisedTransfer", "%1 hung up."),
    }
    reason = reasons.get(
        consult.failure or "",
        QCoreApplication.translate("SupervisedTransfer", "%1 is not on the line."),
    )
    return (
        reason.replace("%1", name)
        + " "
        + QCoreApplication.translate("SupervisedTransfer", "The customer is back on the line.")
    )


class ConsultPanel(QWidget):
    """Attributes: status, transfer_button, swap_button, cancel_button."""

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("SupervisedTransfer", "Consult")

    @staticmethod
    def action_text() -> str:
        return QCoreApplication.translate("SupervisedTransfer", "Consult…")

    def __init__(self, ctx: PluginContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consultPanel")
        self.ctx = ctx
        self.status = plain(self, "consultStatus")
        self.transfer_button = QPushButton(
            QCoreApplication.translate("SupervisedTransfer", "Complete transfer"), self
        )
        self.transfer_button.setObjectName("completeTransfer")
        self.swap_button = QPushButton(
            QCoreApplication.translate("SupervisedTransfer", "Swap"), self
        )
        self.swap_button.setObjectName("swapConsult")
        self.swap_button.setToolTip(
            QCoreApplication.translate(
                "SupervisedTransfer", "Talk to the other party; the one you leave is held"
            )
        )
        self.cancel_button = QPushButton(
            QCoreApplication.translate("SupervisedTransfer", "Cancel consult"), self
        )
        self.cancel_button.setObjectName("cancelConsult")
        self.cancel_button.setToolTip(
            QCoreApplication.translate(
                "SupervisedTransfer", "Hang up on the expert and take the customer back"
            )
        )
        row = QHBoxLayout()
        for button in (self.transfer_button, self.swap_button, self.cancel_button):
            row.addWidget(button)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 8, 8)
        column.addWidget(self.status)
        column.addLayout(row)
        column.addStretch(1)
        self.transfer_button.clicked.connect(lambda: self.ctx.spawn(self.ctx.calls.transfer()))
        self.swap_button.clicked.connect(lambda: self.ctx.spawn(self.ctx.calls.swap()))
        self.cancel_button.clicked.connect(lambda: self.ctx.spawn(self.ctx.calls.cancel()))
        self.refresh()

    def refresh(self) -> None:
        call = self.ctx.calls.current()
        self.status.setText(consult_text(call))
        allowed = call.consult.allowed if call is not None and call.consult else ()
        self.transfer_button.setEnabled(ConsultAction.TRANSFER in allowed)
        self.swap_button.setEnabled(ConsultAction.SWAP in allowed)
        self.cancel_button.setEnabled(ConsultAction.CANCEL in allowed)


class ConsultDialog(QDialog):
    """Pick an expert (available ones first) and write a note; opened with ``open()``."""

    def __init__(self, ctx: PluginContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consultDialog")
        self.setWindowTitle(QCoreApplication.translate("SupervisedTransfer", "Consult an expert"))
        self.ctx = ctx
        self.expert = QComboBox(self)
        self.expert.setObjectName("consultExpertChoice")
        experts = sorted(
            ctx.experts.all(), key=lambda e: (e.presence != Presence.AVAILABLE, e.name)
        )
        for expert in experts:
            state = (
                QCoreApplication.translate("SupervisedTransfer", "available")
                if expert.reachable
                else QCoreApplication.translate("SupervisedTransfer", "not available")
            )
            self.expert.addItem(f"{expert.name} — {expert.department} ({state})", expert.id)
        self.note = QLineEdit(self)
        self.note.setObjectName("consultDialogNote")
        self.note.setMaxLength(2000)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("SupervisedTransfer", "Expert"), self.expert)
        form.addRow(QCoreApplication.translate("SupervisedTransfer", "Note"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(QCoreApplication.translate("SupervisedTransfer", "Consult"))
        ok.setEnabled(bool(experts))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(buttons)
        self.accepted.connect(self._consult)

    def _consult(self) -> None:
        expert_id = self.expert.currentData()
        if expert_id:
            self.ctx.spawn(self.ctx.calls.consult(str(expert_id), note=self.note.text()))
