"""Call controls: answer, reject, hold/retrieve, mute, DTMF, hang up, blind transfer.

Each control is a QAction with an application-wide shortcut. Whether it is enabled comes
only from the server's ``allowed_actions`` for the current interaction (and the link
being up): the desktop never re-derives the call state machine, so the buttons match
what the server will accept.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from agent_desktop.domain.interaction import Action, Interaction, InteractionState
from agent_desktop.ui import shortcuts
from agent_desktop.ui.bridge import DesktopBridge
from agent_desktop.ui.dtmf_pad import DtmfPad
from agent_desktop.ui.formatting import clock, seconds_since
from agent_desktop.ui.icons import icon
from agent_desktop.ui.labels import interaction_state_label
from agent_desktop.ui.text import plain_label
from agent_desktop.ui.transfer_dialog import TransferDialog


class CallBar(QWidget):
    """The call bar of the top toolbar.

    Attributes:
        answer, reject, hold, mute, dtmf, hangup, transfer: the QActions (also put in
            the Call menu); ``hold`` and ``mute`` are toggles whose label follows the
            allowed actions (Hold ↔ Retrieve, Mute ↔ Unmute).
        pad: the DTMF keypad popup.
        transfer_dialog: the open blind-transfer dialog, if any.
    """

    def __init__(self, bridge: DesktopBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callBar")
        self._bridge = bridge
        self.answer = self._action("answer", self.tr("Answer"), shortcuts.ANSWER, "answer")
        self.reject = self._action("reject", self.tr("Reject"), shortcuts.REJECT, "reject")
        self.hold = self._action("hold", self.tr("Hold"), shortcuts.HOLD, "hold")
        self.mute = self._action("mute", self.tr("Mute"), shortcuts.MUTE, "mute")
        self.dtmf = self._action("dtmf", self.tr("Keypad"), shortcuts.DTMF, "keypad")
        self.transfer = self._action(
            "transfer", self.tr("Transfer"), shortcuts.TRANSFER, "transfer"
        )
        self.hangup = self._action("hangup", self.tr("Hang up"), shortcuts.HANGUP, "hangup")
        self.answer.triggered.connect(lambda: self._send(Action.ANSWER))
        self.reject.triggered.connect(lambda: self._send(Action.REJECT))
        self.hold.triggered.connect(self._toggle_hold)
        self.mute.triggered.connect(self._toggle_mute)
        self.hangup.triggered.connect(lambda: self._send(Action.HANGUP))
        self.dtmf.triggered.connect(self._open_pad)
        self.transfer.triggered.connect(self._open_transfer)
        self.pad = DtmfPad(self)
        self.pad.sig_digit.connect(lambda d: self._send(Action.DTMF, {"digits": d}))
        self.transfer_dialog: TransferDialog | None = None

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.buttons: dict[str, QToolButton] = {}
        for action in self.call_actions():
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setObjectName(f"call_{action.objectName()}")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.buttons[action.objectName()] = button
            row.addWidget(button)
        # Hold ↔ Retrieve, Mute ↔ Unmute: as wide as the longer word, so nothing shifts
        for action, other in ((self.hold, self.tr("Retrieve")), (self.mute, self.tr("Unmute"))):
            button, own = self.buttons[action.objectName()], action.text()
            widths = []
            for text in (own, other):
                action.setText(text)
                widths.append(button.sizeHint().width())
            action.setText(own)
            button.setMinimumWidth(max(widths))
        self.status = plain_label("", self, "callStatus")
        self.queue = plain_label("", self, "callQueue")
        self._steady_size()
        info = QVBoxLayout()
        info.setSpacing(0)
        info.addWidget(self.status)
        info.addWidget(self.queue)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(8, 0, 8, 0)
        outer.setSpacing(14)
        outer.addLayout(info)
        outer.addLayout(row)

        bridge.sig_current_changed.connect(self.refresh)
        bridge.sig_link_changed.connect(lambda _e: self.refresh())
        bridge.sig_tick.connect(self._tick)
        self.refresh()

    def _steady_size(self) -> None:
        """One size for the status and queue lines, whatever they say: the buttons never
        move under the advisor's mouse when a call comes, is answered or ends, and the
        clock ticking every second does not lay the window out again."""
        self.status.ensurePolished()  # the style sheet's font, if one is set
        self.queue.ensurePolished()
        metrics = self.status.fontMetrics()
        texts = [self.tr("No call")] + [
            f"{interaction_state_label(state)} · 00:00:00" for state in InteractionState
        ]
        width = max(metrics.horizontalAdvance(text) for text in texts) + 4
        for label in (self.status, self.queue):
            label.setFixedSize(width, label.fontMetrics().height())

    def call_actions(self) -> list[QAction]:
        return [
            self.answer,
            self.reject,
            self.hold,
            self.mute,
            self.dtmf,
            self.transfer,
            self.hangup,
        ]

    def _action(self, name: str, text: str, keys: str, icon_name: str) -> QAction:
        action = QAction(icon(icon_name), text, self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(keys))
        # Application-wide: F4 hangs up even while the focus is in the notes or a dialog.
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.setToolTip(shortcuts.with_shortcut(text, keys))
        action.setEnabled(False)
        self.addAction(action)
        return action

    # ------------------------------------------------------------ state

    def refresh(self, *_: object) -> None:
        """Enable each control from the current interaction's allowed actions."""
        current = self._bridge.current
        online = self._bridge.online
        allowed: tuple[Action, ...] = current.allowed_actions if current and online else ()

        def allow(action: QAction, *wanted: Action) -> None:
            action.setEnabled(any(a in allowed for a in wanted))

        allow(self.answer, Action.ANSWER)
        allow(self.reject, Action.REJECT)
        allow(self.hold, Action.HOLD, Action.RETRIEVE)
        allow(self.mute, Action.MUTE, Action.UNMUTE)
        allow(self.dtmf, Action.DTMF)
        allow(self.hangup, Action.HANGUP)
        allow(self.transfer, Action.BLIND_TRANSFER)
        retrieve = Action.RETRIEVE in allowed
        unmute = Action.UNMUTE in allowed
        self._set_toggle(
            self.hold,
            self.tr("Retrieve") if retrieve else self.tr("Hold"),
            shortcuts.HOLD,
            "retrieve" if retrieve else "hold",
        )
        self._set_toggle(
            self.mute,
            self.tr("Unmute") if unmute else self.tr("Mute"),
            shortcuts.MUTE,
            "unmute" if unmute else "mute",
        )
        if not self.dtmf.isEnabled() and self.pad.isVisible():
            self.pad.hide()
        self._tick()

    @staticmethod
    def _set_toggle(action: QAction, text: str, keys: str, icon_name: str) -> None:
        if action.text() != text:
            action.setText(text)
            action.setToolTip(shortcuts.with_shortcut(text, keys))
            action.setIcon(icon(icon_name))

    def _tick(self) -> None:
        current = self._bridge.current
        if current is None:
            self.status.setText(self.tr("No call"))
            self.queue.setText("")
            return
        state = interaction_state_label(current.state)
        self.status.setText(f"{state} · {clock(seconds_since(current.state_since))}")
        queue = current.attached.queue_name
        text = self.tr("Queue: %1").replace("%1", queue) if queue else ""
        elided = self.queue.fontMetrics().elidedText(
            text, Qt.TextElideMode.ElideRight, self.queue.width()
        )
        self.queue.setText(elided)
        self.queue.setToolTip(text if elided != text else "")

    # ------------------------------------------------------------ commands

    def _send(self, action: Action, body: dict[str, Any] | None = None) -> None:
        current = self._bridge.current
        if current is None or not current.allows(action) or not self._bridge.online:
            return
        desktop = self._bridge.desktop
        desktop.tasks.spawn(desktop.act(current.id, action, body), name=f"call-{action}")

    def _toggle_hold(self) -> None:
        current = self._bridge.current
        if current is not None:
            self._send(Action.RETRIEVE if current.allows(Action.RETRIEVE) else Action.HOLD)

    def _toggle_mute(self) -> None:
        current = self._bridge.current
        if current is not None:
            self._send(Action.UNMUTE if current.allows(Action.UNMUTE) else Action.MUTE)

    def _open_pad(self) -> None:
        if not self.dtmf.isEnabled():
            return
        anchor = self.buttons["dtmf"]
        self.pad.adjustSize()
        self.pad.move(anchor.mapToGlobal(QPoint(0, anchor.height())))
        self.pad.show()
        self.pad.setFocus()

    def _open_transfer(self) -> None:
        current: Interaction | None = self._bridge.current
        if current is None or not current.allows(Action.BLIND_TRANSFER):
            return
        if self.transfer_dialog is not None:
            self.transfer_dialog.raise_()
            return
        dialog = TransferDialog(current.id, self.window())
        self.transfer_dialog = dialog
        dialog.finished.connect(lambda result: self._transfer_finished(dialog, result))
        dialog.open()

    def _transfer_finished(self, dialog: TransferDialog, result: int) -> None:
        self.transfer_dialog = None
        dialog.deleteLater()
        if not result or dialog.target is None:
            return
        current = self._bridge.current
        # The call may have ended while the advisor typed: only transfer the same call.
        if current is None or current.id != dialog.interaction_id:
            return
        self._send(Action.BLIND_TRANSFER, {"target": dialog.target})
