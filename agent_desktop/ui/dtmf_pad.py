"""A small popup keypad for DTMF tones (menus of the bank's IVR, extension numbers…).

Digits can be clicked or typed on the keyboard while the pad is open; Escape closes it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QPushButton, QVBoxLayout, QWidget

from agent_desktop.ui.text import plain_label

KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#")


class DtmfPad(QFrame):
    """A 3×4 keypad shown as a popup under the call bar's DTMF button.

    Attributes:
        sent: the digits sent since the pad was opened (shown on top of the keys).

    Signals:
        sig_digit(str): one key was pressed.
    """

    sig_digit = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("dtmfPad")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.sent = ""
        layout = QVBoxLayout(self)
        self._display = plain_label("", self, "dtmfDisplay")
        self._display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._display.setMinimumHeight(28)
        layout.addWidget(self._display)
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for index, key in enumerate(KEYS):
            button = QPushButton(key, self)
            button.setObjectName("dtmfKey")
            button.setFixedSize(52, 44)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, k=key: self.press(k))
            self.buttons[key] = button
            grid.addWidget(button, index // 3, index % 3)
        layout.addLayout(grid)
        self.setToolTip(self.tr("Type or click the digits; Escape closes the keypad."))

    def press(self, key: str) -> None:
        if key not in KEYS:
            return
        self.sent = (self.sent + key)[-24:]
        self._display.setText(self.sent)
        self.sig_digit.emit(key)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text in KEYS and text:
            self.press(text)
            return
        super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        self.sent = ""
        self._display.setText("")
        super().showEvent(event)
