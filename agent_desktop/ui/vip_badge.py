"""The VIP badge: a star, the word "VIP" and a border, so it never relies on colour alone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from agent_desktop.ui.icons import icon


class VipBadge(QWidget):
    """A gold-bordered "★ VIP" pill with an accessible name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("vipBadge")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        star = QLabel(self)
        star.setPixmap(icon("vip").pixmap(18, 18))
        self.text = QLabel(self.tr("VIP"), self)
        self.text.setObjectName("vipText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 10, 3)
        layout.setSpacing(4)
        layout.addWidget(star)
        layout.addWidget(self.text)
        self.setAccessibleName(self.tr("VIP customer"))
        self.setToolTip(self.tr("VIP customer"))
        self.hide()
