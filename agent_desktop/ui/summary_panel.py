"""The Summary dock: the customer on the line in six lines, and who wrote them.

It follows the identified caller. The summary is computed in the background; with an AI
provider its text streams in as it arrives, and a failure shows the local summary with
a note saying why. "Regenerate" asks again (bypassing the cache). Plain text only.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from agent_desktop.domain.customer import Customer
from agent_desktop.domain.screen_pop import Identification, ScreenPop
from agent_desktop.ports.telephony import GatewayError
from agent_desktop.services.desktop import draft_key
from agent_desktop.services.summary.service import Summary, SummaryService
from agent_desktop.services.wrap_up_assist import assisted_draft
from agent_desktop.ui.bridge import DesktopBridge
from agent_desktop.ui.text import plain_label

Spawn = Callable[[Coroutine[Any, Any, Any]], object]


class SummaryPanel(QWidget):
    """The content of the Summary dock.

    Attributes:
        summary: the last finished summary shown.
        text: the summary's text; provider: who wrote it; note: the fallback's reason.

    Signals:
        sig_done(Summary): a summary is complete (tests wait on it).
    """

    sig_done = Signal(object)

    def __init__(self, bridge: DesktopBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryPanel")
        self.setMinimumSize(120, 40)
        self.bridge = bridge
        desktop = bridge.desktop
        self._service: SummaryService = desktop.summary
        self._spawn: Spawn = lambda coro: desktop.tasks.spawn(coro, name="summary")
        self.customer: Customer | None = None
        self.interaction_id: str | None = None
        self.summary: Summary | None = None
        self._generation = 0

        self.provider = plain_label("", self, "summaryProvider")
        self.regenerate = QPushButton(self.tr("Regenerate"), self)
        self.regenerate.setObjectName("summaryRegenerate")
        self.regenerate.setEnabled(False)
        self.regenerate.clicked.connect(lambda: self.refresh(force=True))
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("summaryText")
        self.text.setReadOnly(True)
        self.text.setPlaceholderText(
            self.tr("The summary of the customer appears when they are identified.")
        )
        self.note = plain_label("", self, "summaryNote")
        self.note.setWordWrap(True)
        self.note.hide()
        top = QHBoxLayout()
        top.addWidget(self.provider, 1)
        top.addWidget(self.regenerate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.note)
        bridge.sig_context_pop.connect(self._on_pop)

    def _on_pop(self, pop: ScreenPop) -> None:
        if pop.identification != Identification.IDENTIFIED or pop.customer is None:
            return
        self.customer = pop.customer
        self.interaction_id = pop.interaction_id
        self.refresh()

    def refresh(self, force: bool = False) -> None:
        if self.customer is None:
            return
        self._generation += 1
        self.regenerate.setEnabled(False)
        self.note.hide()
        self.provider.setText(self.tr("Writing the summary…"))
        self._spawn(self._run(self._generation, self.customer, force))

    async def _run(self, generation: int, customer: Customer, force: bool) -> None:
        desktop = self.bridge.desktop
        interaction = desktop.calls.interactions.get(self.interaction_id or "")
        transcript = desktop.calls.transcripts.get(self.interaction_id or "", [])

        def streamed(text: str) -> None:
            if generation == self._generation:
                self.text.setPlainText(text)

        try:
            summary = await self._service.summarize(
                customer, self.bridge.lang, interaction, list(transcript), streamed, force
            )
        except GatewayError as exc:
            if generation == self._generation:
                self.provider.setText(self.tr("No summary: %1").replace("%1", exc.message))
                self.regenerate.setEnabled(True)
            return
        if generation != self._generation:
            return
        self.summary = summary
        self.text.setPlainText(summary.text)
        who = (
            self.tr("Written locally (no network)")
            if summary.provider == "local"
            else self.tr("Written by %1").replace("%1", summary.provider)
        )
        self.provider.setText(who)
        if summary.note:
            self.note.setText(
                self.tr("The AI provider failed (%1): this is the local summary.").replace(
                    "%1", summary.note
                )
            )
            self.note.show()
        self.regenerate.setEnabled(True)
        self._pre_draft_wrap_up(summary)
        self.sig_done.emit(summary)

    def _pre_draft_wrap_up(self, summary: Summary) -> None:
        """Pre-fill the wrap-up of the live call (notes, code) for the advisor to edit."""
        desktop = self.bridge.desktop
        interaction = desktop.calls.interactions.get(self.interaction_id or "")
        if interaction is None:
            return
        key = draft_key(interaction.id)
        attached = interaction.attached
        draft = assisted_draft(
            desktop.draft(key),
            summary.text,
            attached.intent or attached.intent_label,
            desktop.wrap_up_codes,
        )
        if draft is not None:
            desktop.save_draft(key, draft)
