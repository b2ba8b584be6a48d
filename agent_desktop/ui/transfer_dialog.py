"""Asks for the target of a blind transfer: a queue id or a phone number, checked first.

A number is normalised to E.164 (the wire format); anything else must look like a
queue id. The dialog is opened with ``open()`` (never ``exec()``), so the window keeps
running while the advisor types.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from agent_desktop.services.phone import to_e164
from agent_desktop.ui.text import plain_label

_QUEUE_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_.\-]{0,63}$")


def parse_target(text: str) -> str | None:
    """The wire target for what the advisor typed, or ``None`` when it is neither."""
    text = text.strip()
    if not text:
        return None
    if any(ch.isdigit() for ch in text[:2]) or text.startswith("+"):
        return to_e164(text)
    return text if _QUEUE_ID.match(text) else None


class TransferDialog(QDialog):
    """Blind-transfer target entry for one interaction.

    Attributes:
        interaction_id: the call to transfer (fixed when the dialog opened).
        target: the validated wire target once accepted.
    """

    def __init__(self, interaction_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transferDialog")
        self.setWindowTitle(self.tr("Blind transfer"))
        self.interaction_id = interaction_id
        self.target: str | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(self.tr("Transfer the customer to a queue id or a phone number:"), self)
        )
        self.edit = QLineEdit(self)
        self.edit.setObjectName("transferTarget")
        self.edit.setPlaceholderText(self.tr("e.g. cards_fr or 01 23 45 67 89"))
        self.edit.setMaxLength(64)
        layout.addWidget(self.edit)
        self.hint = plain_label("", self, "transferHint")
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Transfer"))
        ok.setEnabled(False)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(self._validate)

    def _validate(self, text: str) -> None:
        target = parse_target(text)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(target is not None)
        if not text.strip():
            self.hint.setText("")
        elif target is None:
            self.hint.setText(self.tr("Not a valid queue id or phone number."))
        elif target.startswith("+"):
            self.hint.setText(self.tr("Number: %1").replace("%1", target))
        else:
            self.hint.setText(self.tr("Queue: %1").replace("%1", target))

    def _accept(self) -> None:
        self.target = parse_target(self.edit.text())
        if self.target is not None:
            self.accept()
