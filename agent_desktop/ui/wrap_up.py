"""A minimal after-call-work panel: disposition code, notes, first-contact resolution.

Shown while the current interaction is ``ended`` and the server allows ``wrapup``. It
sends once through ``desktop.wrap_up``; the durable outbox (never lose a wrap-up across a
crash) is a later issue and will sit behind the same call.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from agent_desktop.domain.interaction import Action, Interaction
from agent_desktop.ui import shortcuts
from agent_desktop.ui.bridge import DesktopBridge
from agent_desktop.ui.text import plain_label


class WrapUpPanel(QFrame):
    """After-call work for the current interaction.

    Attributes:
        code: the wrap-up codes from the server, labelled in the UI language.
        notes: free notes (plain text).
        fcr: "resolved at first contact".
        finish: the "Finish" button; ``finish_action`` is its Ctrl+Enter shortcut.
        interaction_id: the interaction being wrapped up, or ``None`` (panel hidden).
    """

    def __init__(self, bridge: DesktopBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wrapUp")
        self._bridge = bridge
        self._sending = False
        self.interaction_id: str | None = None
        title = plain_label(self.tr("After-call work"), self, "sectionTitle")
        self.code = QComboBox(self)
        self.code.setObjectName("wrapUpCode")
        self.code.setMinimumWidth(260)
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("wrapUpNotes")
        self.notes.setPlaceholderText(self.tr("Notes on this call"))
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        self.fcr = QCheckBox(self.tr("Resolved at first contact"), self)
        self.fcr.setObjectName("wrapUpFcr")
        self.hint = plain_label("", self, "wrapUpHint")
        self.finish = QPushButton(self.tr("Finish"), self)
        self.finish.setObjectName("wrapUpFinish")
        self.finish.setToolTip(shortcuts.with_shortcut(self.tr("Finish"), shortcuts.WRAP_UP))
        self.finish.clicked.connect(self.submit)
        self.finish_action = QAction(self.tr("Finish the wrap-up"), self)
        self.finish_action.setObjectName("wrapUpShortcut")
        self.finish_action.setShortcuts(
            [QKeySequence(shortcuts.WRAP_UP), QKeySequence("Ctrl+Enter")]
        )
        self.finish_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.finish_action.triggered.connect(self.submit)
        self.addAction(self.finish_action)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(plain_label(self.tr("Wrap-up code"), self, "fieldCaption"))
        top.addWidget(self.code)
        bottom = QHBoxLayout()
        bottom.addWidget(self.fcr)
        bottom.addStretch(1)
        bottom.addWidget(self.hint)
        bottom.addWidget(self.finish)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.addLayout(top)
        layout.addWidget(self.notes)
        layout.addLayout(bottom)

        bridge.sig_current_changed.connect(self._follow)
        bridge.sig_link_changed.connect(lambda _e: self._enable())
        self._follow(bridge.current)

    def _follow(self, current: Interaction | None) -> None:
        wanted = current is not None and current.allows(Action.WRAPUP)
        if not wanted:
            self.interaction_id = None
            self.hide()
            self.finish_action.setEnabled(False)
            return
        assert current is not None
        if current.id != self.interaction_id:
            self.interaction_id = current.id
            self._sending = False
            self._fill_codes()
            self.notes.clear()
            self.fcr.setChecked(False)
        self.show()
        self._enable()

    def _fill_codes(self) -> None:
        self.code.clear()
        self.code.addItem(self.tr("— choose a code —"), None)
        for code in self._bridge.desktop.wrap_up_codes:
            self.code.addItem(code.label(self._bridge.lang), code.code)

    def _enable(self) -> None:
        enabled = self.interaction_id is not None and self._bridge.online and not self._sending
        for widget in (self.code, self.notes, self.fcr, self.finish):
            widget.setEnabled(enabled)
        self.finish_action.setEnabled(enabled)

    def submit(self) -> None:
        if self.interaction_id is None or self._sending or not self._bridge.online:
            return
        code = self.code.currentData()
        if code is None and self._bridge.desktop.wrap_up_codes:
            self.hint.setText(self.tr("Choose a wrap-up code first."))
            self.code.setFocus()
            return
        self.hint.setText("")
        self._sending = True
        self._enable()
        desktop = self._bridge.desktop
        desktop.tasks.spawn(
            self._send(self.interaction_id, code, self.notes.toPlainText(), self.fcr.isChecked()),
            name="wrap-up",
        )

    async def _send(self, interaction_id: str, code: str | None, notes: str, fcr: bool) -> None:
        try:
            await self._bridge.desktop.wrap_up(interaction_id, code, notes, fcr)
        finally:
            # On success the interaction closes and the panel hides; on refusal the
            # desktop has published a notice and the advisor can try again.
            if isValid(self):
                self._sending = False
            if isValid(self) and self.interaction_id == interaction_id:
                self._enable()
