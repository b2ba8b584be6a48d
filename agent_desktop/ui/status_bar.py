"""The status bar: the event stream's health, said plainly, and the latest notice.

When the link is down the advisor must know at once that the buttons are disabled
because the server cannot hear them, not because the software is broken. When TLS
certificate checks are off (the explicit ``tls/insecure`` setting) a red badge says so for
as long as the session lasts: it has no close button and nothing hides it.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from agent_desktop.domain.events import ConnectionChanged, Link, Notice
from agent_desktop.services.outbox import OutboxChanged
from agent_desktop.ui.bridge import DesktopBridge
from agent_desktop.ui.text import plain_label

NOTICE_SECONDS = 20


def link_text(link: Link) -> str:
    texts = {
        Link.ONLINE: QCoreApplication.translate("StatusBar", "● Connected"),
        Link.CONNECTING: QCoreApplication.translate("StatusBar", "Connecting…"),
        Link.RECONNECTING: QCoreApplication.translate(
            "StatusBar", "Connection lost — reconnecting…"
        ),
        Link.OFFLINE: QCoreApplication.translate("StatusBar", "Disconnected — please log in again"),
    }
    return texts[link]


def notice_text(notice: Notice) -> str:
    """The notice in the UI language when its code is known, else the text as sent."""
    texts = {
        "action_not_allowed": QCoreApplication.translate(
            "StatusBar", "That action is no longer possible: the call has changed state."
        ),
        "not_found": QCoreApplication.translate(
            "StatusBar", "That call no longer exists on the server."
        ),
        "unreachable": QCoreApplication.translate(
            "StatusBar", "The server cannot be reached: the action was not sent."
        ),
        "timeout": QCoreApplication.translate(
            "StatusBar", "The server did not answer in time: the action may not have been applied."
        ),
        "unauthorized": QCoreApplication.translate(
            "StatusBar", "Your session has expired: please log in again."
        ),
        "recovered": QCoreApplication.translate(
            "StatusBar",
            "Your last session's work was recovered: unsent wrap-ups are being sent and "
            "notes in progress are back.",
        ),
        "invalid_request": QCoreApplication.translate(
            "StatusBar", "The server refused the request as invalid."
        ),
        "wrap_up_code_required": QCoreApplication.translate(
            "StatusBar",
            "This queue requires a wrap-up code: choose one and finish again. Your notes are kept.",
        ),
        # consult legs (services/consult.py): the platform took the customer back
        "consult_no_answer": QCoreApplication.translate(
            "StatusBar", "The expert did not answer: the customer is back on the line."
        ),
        "consult_busy": QCoreApplication.translate(
            "StatusBar", "The expert is busy: the customer is back on the line."
        ),
        "consult_declined": QCoreApplication.translate(
            "StatusBar", "The expert declined: the customer is back on the line."
        ),
        "consult_expert_hangup": QCoreApplication.translate(
            "StatusBar", "The expert hung up: the customer is back on the line."
        ),
        "consult_customer_hangup": QCoreApplication.translate(
            "StatusBar", "The customer hung up. You are still on the line with the expert."
        ),
        "conference_customer_left": QCoreApplication.translate(
            "StatusBar", "The customer left the conference: stay with the expert or hang up."
        ),
    }
    return texts.get(notice.code or "", notice.text)


def age_text(seconds: float) -> str:
    """``42 s``, ``3 min``, ``2 h``: the same abbreviations in French and English."""
    seconds = max(0, int(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min"
    return f"{seconds // 3600} h"


def outbox_text(status: OutboxChanged, now: float) -> str:
    """What waits to reach the server, said plainly (empty when nothing waits)."""
    parts = []
    if status.pending:
        waiting = QCoreApplication.translate(
            "StatusBar", "%n waiting to be sent", "", status.pending
        )
        age = age_text(now - (status.oldest_created_at or now))
        parts.append(
            QCoreApplication.translate("StatusBar", "%1 (oldest %2)")
            .replace("%1", waiting)
            .replace("%2", age)
        )
    if status.failed:
        parts.append(
            QCoreApplication.translate("StatusBar", "%n refused by the server", "", status.failed)
        )
    return " · ".join(parts)


def tls_badge(parent: QWidget) -> QLabel:
    """The lasting "TLS verification OFF" badge (add it as a permanent widget)."""
    badge = plain_label(
        QCoreApplication.translate("StatusBar", "⚠ TLS verification OFF"), parent, "tlsBadge"
    )
    badge.setToolTip(
        QCoreApplication.translate(
            "StatusBar",
            "Server certificates are not checked (setting tls/insecure): the connection "
            "could be intercepted. Ask your administrator to turn checks back on.",
        )
    )
    badge.setAccessibleName(badge.text())
    badge.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return badge


def set_style_flag(label: QLabel, name: str, value: object) -> None:
    """Set a property the style sheet selects on, and restyle the label if it changed."""
    if label.property(name) != value:
        label.setProperty(name, value)
        label.style().unpolish(label)
        label.style().polish(label)


class ShellStatusBar(QStatusBar):
    """Link state (permanent, right) and notices (left, cleared after a while).

    Attributes:
        link: the link-state label.
        notice: the latest notice (refused command, ignored event…), plain text.
        tls: the "TLS verification OFF" badge, only when certificate checks are off.
    """

    def __init__(self, bridge: DesktopBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.setSizeGripEnabled(False)
        self.notice = plain_label("", self, "notice")
        self.link = plain_label("", self, "linkState")
        self.outbox = plain_label("", self, "outboxState")
        self.addWidget(self.notice, 1)
        self.tls: QLabel | None = None
        if bridge.desktop.tls_checks_off:
            self.tls = tls_badge(self)
            self.addPermanentWidget(self.tls)
        self.addPermanentWidget(self.outbox)
        self.addPermanentWidget(self.link)
        self._outbox = bridge.desktop.outbox.status()
        bridge.sig_outbox.connect(self.show_outbox)
        bridge.sig_tick.connect(lambda: self.show_outbox(self._outbox))
        self.show_outbox(self._outbox)
        self._clear = QTimer(self)
        self._clear.setSingleShot(True)
        self._clear.timeout.connect(lambda: self.notice.setText(""))
        bridge.sig_link_changed.connect(self.show_link)
        bridge.sig_notice.connect(self.show_notice)
        if bridge.desktop.recovered is not None:
            self.show_notice(bridge.desktop.recovered)
        self.show_link(ConnectionChanged(bridge.link))

    def show_link(self, event: ConnectionChanged) -> None:
        self.link.setText(link_text(event.link))
        set_style_flag(self.link, "link", event.link.value)
        # The detail (server or adapter text) helps support; it stays out of the way.
        self.link.setToolTip(event.detail)

    def show_outbox(self, status: OutboxChanged) -> None:
        self._outbox = status
        self.outbox.setText(outbox_text(status, time.time()))
        self.outbox.setVisible(bool(status.pending or status.failed))
        self.outbox.setProperty("level", "error" if status.failed else "warning")

    def show_notice(self, notice: Notice) -> None:
        self.notice.setText(notice_text(notice))
        set_style_flag(self.notice, "level", notice.level)
        self._clear.start(NOTICE_SECONDS * 1000)
