"""Tells the advisor a call is ringing, without sound: a flashing banner, the taskbar, the tray.

The banner sits above the customer card with the caller and the reason, and the keys to
answer or reject. The tray message is shown only when a system tray exists (never on the
offscreen platform); its text is escaped because some notification servers read markup.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QSystemTrayIcon, QWidget

from agent_desktop.domain.interaction import Interaction, InteractionState
from agent_desktop.services.phone import for_display, to_e164
from agent_desktop.ui import shortcuts
from agent_desktop.ui.bridge import DesktopBridge
from agent_desktop.ui.icons import icon
from agent_desktop.ui.text import plain_label


def caller_text(interaction: Interaction) -> str:
    """The caller's number as read aloud, or "Number withheld"."""
    number = interaction.attached.caller_number
    shown = for_display(to_e164(number)) or number
    return shown or QCoreApplication.translate("Alert", "Number withheld")


class RingingBanner(QFrame):
    """A coloured banner that pulses while the current call is offered.

    Attributes:
        text: "Incoming call — 06 12 34 56 78 — Lost card".
        keys: "F2 answer · Shift+F2 reject".
        interaction_id: the ringing interaction, or ``None`` (banner hidden).
    """

    def __init__(self, bridge: DesktopBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ringingBanner")
        self._bridge = bridge
        self.interaction_id: str | None = None
        self.text = plain_label("", self, "ringingText")
        self.keys = plain_label("", self, "ringingKeys")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 8, 24, 8)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.keys)
        self._pulse = QTimer(self)
        self._pulse.setInterval(600)
        self._pulse.timeout.connect(self._flip)
        self.setProperty("pulse", False)
        self.hide()
        bridge.sig_current_changed.connect(self._follow)
        self._follow(bridge.current)

    def _follow(self, current: Interaction | None) -> None:
        # A call the advisor placed (click-to-call) is not ringing at them.
        if (
            current is None
            or current.state != InteractionState.OFFERED
            or current.direction == "outbound"
        ):
            self.interaction_id = None
            self._pulse.stop()
            self.hide()
            return
        self.interaction_id = current.id
        parts = [self.tr("Incoming call"), caller_text(current)]
        if current.attached.intent_label:
            parts.append(current.attached.intent_label)
        self.text.setText(" — ".join(parts))
        self.keys.setText(
            self.tr("%1 answer · %2 reject")
            .replace("%1", shortcuts.native(shortcuts.ANSWER))
            .replace("%2", shortcuts.native(shortcuts.REJECT))
        )
        self.show()
        if not self._pulse.isActive():
            self._pulse.start()

    def _flip(self) -> None:
        self.setProperty("pulse", not self.property("pulse"))
        self.style().unpolish(self)
        self.style().polish(self)


class CallAlerter(QObject):
    """On each live offer: the taskbar asks for attention and the tray shows a message.

    Attributes:
        tray: the tray icon, or ``None`` when the platform has no system tray.
    """

    def __init__(self, bridge: DesktopBridge, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon("app"), self)
            self.tray.setToolTip("Agent Desktop")
            self.tray.show()
        bridge.sig_offered.connect(self.alert)

    def alert(self, interaction: Interaction) -> None:
        if not interaction.is_live or interaction.direction == "outbound":
            return
        QApplication.alert(self._window)
        if self.tray is not None:
            body = caller_text(interaction)
            if interaction.attached.intent_label:
                body += " — " + interaction.attached.intent_label
            self.tray.showMessage(
                self.tr("Incoming call"),
                html.escape(body),
                QSystemTrayIcon.MessageIcon.Information,
                8000,
            )

    def dispose(self) -> None:
        if self.tray is not None:
            self.tray.hide()
