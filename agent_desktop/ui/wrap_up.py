"""The after-call-work panel: code, notes, first-contact resolution, follow-up, next state.

Shown while at least one interaction waits for a wrap-up (``desktop.wrap_ups``): several
can at once — a call on a queue whose wrap-up does not block routing, then another — and
a tab per interaction picks which; each keeps its own draft and is sent once. The wrap-up
code is searchable (type part of a label) and required when the interaction's queue says
so (the server refuses it otherwise: the panel shows why and keeps everything typed).
Notes are saved to disk as they are typed and come back after a crash. An ACW clock shows
the time spent against the queue's limit and says what happens at the limit: the platform
closes the call by itself, and the panel stays open so the notes are still sent (a late
wrap-up, accepted by the server). "Finish" writes the wrap-up to the durable outbox
(``desktop.wrap_up``): it reaches the server exactly once, even if the server is down
right now — so the panel works offline too and says when a wrap-up is waiting.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, QTime, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QFrame,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from agent_desktop.domain.agent import AgentState
from agent_desktop.domain.events import Notice
from agent_desktop.domain.interaction import Interaction
from agent_desktop.services.desktop import draft_key
from agent_desktop.ui import shortcuts
from agent_desktop.ui.bridge import DesktopBridge
from agent_desktop.ui.status_bar import notice_text, set_style_flag
from agent_desktop.ui.text import plain_label

AUTOSAVE_MS = 300


def clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


class WrapUpPanel(QFrame):
    """After-call work for the interactions waiting for a wrap-up.

    Attributes:
        which: one tab per interaction in wrap-up (hidden when there is only one).
        code: the wrap-up codes from the server, labelled in the UI language, searchable.
        notes: free notes (plain text), autosaved as a draft while typed.
        fcr: "resolved at first contact".
        follow_up / follow_up_kind / follow_up_due: ask for a callback or a follow-up.
        next_state: the state to go to once the wrap-up is sent.
        acw: the after-call-work clock against the queue's limit.
        acw_note: what happens at the limit (or that it passed), and whether calls still
            come while this wrap-up is open.
        finish: the "Finish" button; ``finish_action`` is its Ctrl+Enter shortcut.
        interaction_id: the interaction being wrapped up, or ``None`` (panel hidden).
    """

    def __init__(self, bridge: DesktopBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wrapUp")
        self._bridge = bridge
        self._sending = False
        self._loading = False
        self._refusal: Notice | None = None
        self.interaction_id: str | None = None
        title = plain_label(self.tr("After-call work"), self, "sectionTitle")
        self.which = QTabBar(self)
        self.which.setObjectName("wrapUpWhich")
        self.which.setDocumentMode(True)
        self.which.setExpanding(False)
        self.which.setUsesScrollButtons(True)
        self.which.currentChanged.connect(self._picked)
        self.acw = plain_label("", self, "wrapUpClock")
        self.acw_note = plain_label("", self, "wrapUpAcwNote")
        self.acw_note.setWordWrap(True)
        self.code = QComboBox(self)
        self.code.setObjectName("wrapUpCode")
        self.code.setMinimumWidth(260)
        self.code.setEditable(True)
        self.code.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(self.code.model(), self.code)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.code.setCompleter(completer)
        line = self.code.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("Type to search a code"))
        self.code.currentIndexChanged.connect(self._autosave_soon)
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("wrapUpNotes")
        self.notes.setPlaceholderText(self.tr("Notes on this call (saved as you type)"))
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        self.notes.textChanged.connect(self._autosave_soon)
        self.fcr = QCheckBox(self.tr("Resolved at first contact"), self)
        self.fcr.setObjectName("wrapUpFcr")
        self.fcr.toggled.connect(self._autosave_soon)
        self.follow_up = QCheckBox(self.tr("Follow-up"), self)
        self.follow_up.setObjectName("wrapUpFollowUp")
        self.follow_up_kind = QComboBox(self)
        self.follow_up_kind.setObjectName("wrapUpFollowUpKind")
        self.follow_up_kind.addItem(self.tr("Call the customer back"), "callback")
        self.follow_up_kind.addItem(self.tr("Follow up on the file"), "follow_up")
        self.follow_up_due = QDateTimeEdit(self)
        self.follow_up_due.setObjectName("wrapUpFollowUpDue")
        self.follow_up_due.setCalendarPopup(True)
        self.follow_up_due.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.follow_up.toggled.connect(self._follow_up_toggled)
        self.follow_up.toggled.connect(self._autosave_soon)
        self.next_state = QComboBox(self)
        self.next_state.setObjectName("wrapUpNextState")
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
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_draft)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.acw)
        top.addStretch(1)
        self.code_caption = plain_label(self.tr("Wrap-up code"), self, "fieldCaption")
        top.addWidget(self.code_caption)
        top.addWidget(self.code)
        middle = QHBoxLayout()
        middle.addWidget(self.fcr)
        middle.addSpacing(16)
        middle.addWidget(self.follow_up)
        middle.addWidget(self.follow_up_kind)
        middle.addWidget(self.follow_up_due)
        middle.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(plain_label(self.tr("Then"), self, "fieldCaption"))
        bottom.addWidget(self.next_state)
        bottom.addStretch(1)
        bottom.addWidget(self.hint)
        bottom.addWidget(self.finish)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.addWidget(self.which)
        layout.addLayout(top)
        layout.addWidget(self.acw_note)
        layout.addWidget(self.notes)
        layout.addLayout(middle)
        layout.addLayout(bottom)

        bridge.sig_current_changed.connect(lambda _c: self.refresh())
        bridge.sig_closed.connect(lambda _i: self.refresh())
        bridge.sig_outbox.connect(lambda _e: self.refresh())
        bridge.sig_link_changed.connect(lambda _e: self._enable())
        bridge.sig_tick.connect(self._tick)
        bridge.sig_notice.connect(self._noticed)
        self._follow_up_toggled(False)
        self.refresh()

    # ------------------------------------------------------------ which interaction

    def waiting(self) -> list[Interaction]:
        """Interactions that still need a wrap-up from this desktop, oldest first."""
        return self._bridge.desktop.wrap_ups.waiting()

    def refresh(self) -> None:
        if self._sending:
            # the form stays as typed while a wrap-up is in flight (the outbox's own
            # updates come meanwhile); _send refreshes once it knows the outcome
            return
        waiting = self.waiting()
        if not waiting:
            self.save_draft()
            self.interaction_id = None
            self.hide()
            self.finish_action.setEnabled(False)
            return
        ids = [i.id for i in waiting]
        current = self._bridge.current
        wanted = self.interaction_id if self.interaction_id in ids else None
        if wanted is None:
            wanted = current.id if current is not None and current.id in ids else ids[-1]
        self.which.blockSignals(True)
        while self.which.count():
            self.which.removeTab(0)
        for n, interaction in enumerate(waiting, start=1):
            index = self.which.addTab(self._describe(n, interaction))
            self.which.setTabData(index, interaction.id)
        self.which.setCurrentIndex(ids.index(wanted))
        self.which.blockSignals(False)
        self.which.setVisible(len(waiting) > 1)
        if wanted != self.interaction_id:
            self._load(wanted)
        self.show()
        self._tick()
        self._enable()

    def _describe(self, n: int, interaction: Interaction) -> str:
        who = interaction.attached.caller_number or interaction.attached.queue_name or ""
        return self.tr("Call %1 — %2").replace("%1", str(n)).replace("%2", who)

    def _picked(self, index: int) -> None:
        interaction_id = self.which.tabData(index)
        if interaction_id and interaction_id != self.interaction_id:
            self.save_draft()
            self._load(interaction_id)
            self._tick()
            self._enable()

    def _interaction(self) -> Interaction | None:
        if self.interaction_id is None:
            return None
        return self._bridge.desktop.wrap_ups.get(self.interaction_id)

    def _load(self, interaction_id: str) -> None:
        """Show one interaction's wrap-up: its saved draft if any, else blank."""
        self._loading = True
        try:
            self.interaction_id = interaction_id
            self._sending = False
            self.hint.setText("")
            self._fill_codes()
            self._fill_next_states()
            draft = self._bridge.desktop.draft(draft_key(interaction_id)) or {}
            self.notes.setPlainText(str(draft.get("notes", "")))
            self.fcr.setChecked(bool(draft.get("fcr", False)))
            index = self.code.findData(draft.get("code")) if draft.get("code") else 0
            self.code.setCurrentIndex(max(0, index))
            self.follow_up.setChecked(bool(draft.get("follow_up", False)))
            due = QDateTime.currentDateTime().addDays(1)
            due.setTime(QTime(10, 0))
            self.follow_up_due.setDateTime(due)
            interaction = self._interaction()
            required = interaction is not None and interaction.wrap_up_code_required
            self.code_caption.setText(
                self.tr("Wrap-up code (required)") if required else self.tr("Wrap-up code")
            )
        finally:
            self._loading = False

    def _fill_codes(self) -> None:
        items: list[tuple[str, Any]] = [(self.tr("— choose a code —"), None)]
        for code in self._bridge.desktop.wrap_up_codes:
            items.append((code.label(self._bridge.lang), code.code))
        _fill(self.code, items)

    def _fill_next_states(self) -> None:
        desktop = self._bridge.desktop
        items: list[tuple[str, Any]] = [(self.tr("Ready"), (AgentState.READY.value, None))]
        for reason in desktop.not_ready_reasons:
            if reason.code in ("login", "missed"):
                continue  # set by the platform, not chosen
            label = self.tr("Not ready — %1").replace("%1", reason.label(self._bridge.lang))
            items.append((label, (AgentState.NOT_READY.value, reason.code)))
        _fill(self.next_state, items)
        queued = desktop.agent.next_state if desktop.agent is not None else None
        if queued is not None:
            index = self.next_state.findData((queued.state.value, queued.reason_code))
            self.next_state.setCurrentIndex(max(0, index))

    def _follow_up_toggled(self, on: bool) -> None:
        self.follow_up_kind.setEnabled(on)
        self.follow_up_due.setEnabled(on)

    # ------------------------------------------------------------ clock and state

    def _tick(self) -> None:
        interaction = self._interaction()
        if interaction is None:
            self.acw.setText("")
            self.acw_note.setText("")
            return
        spent = (datetime.now(UTC) - interaction.state_since).total_seconds()
        limit = interaction.acw_limit_seconds
        late = self._bridge.desktop.wrap_ups.is_late(interaction.id)
        if late:
            self.acw.setText(self.tr("ACW limit passed"))
            over = True
        elif limit:
            self.acw.setText(
                self.tr("ACW %1 / %2").replace("%1", clock(spent)).replace("%2", clock(limit))
            )
            over = spent > limit
        else:
            self.acw.setText(self.tr("ACW %1").replace("%1", clock(spent)))
            over = False
        self.acw_note.setText(acw_note(interaction, late))
        self.acw_note.setVisible(bool(self.acw_note.text()))
        set_style_flag(self.acw_note, "over", over)
        set_style_flag(self.acw, "over", over)

    def _enable(self) -> None:
        # Deliberately not tied to the link: a wrap-up goes to the outbox and is sent
        # when the server can hear it.
        enabled = self.interaction_id is not None and not self._sending
        for widget in (self.which, self.code, self.notes, self.fcr, self.finish):
            widget.setEnabled(enabled)
        self.follow_up.setEnabled(enabled)
        self.next_state.setEnabled(enabled)
        self.finish_action.setEnabled(enabled)

    # ------------------------------------------------------------ drafts

    def _autosave_soon(self) -> None:
        if not self._loading and self.interaction_id is not None:
            self._autosave.start()

    def draft(self) -> dict[str, Any]:
        return {
            "notes": self.notes.toPlainText(),
            "code": self.code.currentData(),
            "fcr": self.fcr.isChecked(),
            "follow_up": self.follow_up.isChecked(),
        }

    def save_draft(self) -> None:
        """Write what is typed to disk now (also done 300 ms after each change)."""
        self._autosave.stop()
        if self.interaction_id is None or self._sending:
            return
        desktop = self._bridge.desktop
        if desktop.wrap_up_pending(self.interaction_id):
            return
        desktop.save_draft(draft_key(self.interaction_id), self.draft())

    # ------------------------------------------------------------ sending

    def _chosen_code(self) -> tuple[bool, str | None]:
        """(valid, code): the typed text must name a code, or be empty."""
        text = self.code.currentText().strip()
        if not text or text == self.code.itemText(0):
            return True, None
        index = self.code.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            return False, None
        return True, self.code.itemData(index)

    def submit(self) -> None:
        interaction = self._interaction()
        if interaction is None or self._sending:
            return
        valid, code = self._chosen_code()
        if not valid:
            self.hint.setText(self.tr("No wrap-up code has that name."))
            self.code.setFocus()
            return
        if code is None and interaction.wrap_up_code_required:
            self.hint.setText(self.tr("Choose a wrap-up code first."))
            self.code.setFocus()
            return
        self.save_draft()
        self.hint.setText("")
        follow_up = None
        if self.follow_up.isChecked():
            due = self.follow_up_due.dateTime().toSecsSinceEpoch()
            follow_up = {
                "kind": self.follow_up_kind.currentData(),
                "due": datetime.fromtimestamp(due, UTC).isoformat(),
                "phone": interaction.attached.caller_number,
                "note": "",
            }
        state, reason = self.next_state.currentData() or (AgentState.READY.value, None)
        self._sending = True
        self._refusal = None
        self._enable()
        self._bridge.desktop.tasks.spawn(
            self._send(
                interaction.id,
                code,
                self.notes.toPlainText(),
                self.fcr.isChecked(),
                (AgentState(state), reason),
                follow_up,
            ),
            name="wrap-up",
        )

    async def _send(
        self,
        interaction_id: str,
        code: str | None,
        notes: str,
        fcr: bool,
        next_state: tuple[AgentState, str | None],
        follow_up: dict[str, Any] | None,
    ) -> None:
        desktop = self._bridge.desktop
        ok = False
        try:
            ok = await desktop.wrap_up(interaction_id, code, notes, fcr, next_state, follow_up)
        finally:
            # Delivered or waiting in the outbox: the panel moves on. Refused for good:
            # a notice says why and the advisor can correct and send again.
            if isValid(self):
                self._sending = False
                if ok and desktop.wrap_up_pending(interaction_id):
                    self._bridge.sig_notice.emit(_waiting_notice())
                if self.interaction_id == interaction_id and not ok:
                    # refused for good: say why here, everything typed stays as it was
                    if self._refusal is not None:
                        self.hint.setText(notice_text(self._refusal))
                    self._enable()
                else:
                    self.refresh()

    def _noticed(self, notice: Notice) -> None:
        """Keep the reason of a refusal that arrives while a wrap-up is being sent."""
        if self._sending and notice.level == "error":
            self._refusal = notice


def acw_note(interaction: Interaction, late: bool) -> str:
    """What happens at the ACW limit, plainly (empty when the queue has no limit)."""
    if late:
        return QCoreApplication.translate(
            "WrapUpPanel",
            "Time limit passed: the platform closed this call. Finish your notes: "
            "they will still be saved with it.",
        )
    parts = []
    if interaction.acw_limit_seconds:
        parts.append(
            QCoreApplication.translate(
                "WrapUpPanel",
                "At %1 the platform closes the call and ends after-call work; "
                "notes finished later are still saved.",
            ).replace("%1", clock(interaction.acw_limit_seconds))
        )
    if not interaction.wrap_up_blocks_routing:
        parts.append(
            QCoreApplication.translate(
                "WrapUpPanel", "Calls keep coming while this wrap-up is open."
            )
        )
    return " ".join(parts)


def _waiting_notice() -> Notice:
    return Notice(
        QCoreApplication.translate(
            "WrapUpPanel", "Wrap-up saved: it will be sent as soon as the server answers."
        ),
        "info",
        "wrap_up_queued",
    )


def _fill(combo: QComboBox, items: list[tuple[str, Any]]) -> None:
    """``items`` (text, data) in ``combo``, the first one chosen. The items are replaced
    only when they differ: each wrap-up loads its form, and refilling a combo box makes it
    measure every item again (the wrap-up panel's largest cost when a call ends)."""
    shown = [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]
    if shown != items:
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
    combo.setCurrentIndex(0)
