"""The strip above the customer card with what the IVR attached to the call.

It shows at once on the offer — intent, queue, time waited, language, number — before
the customer look-up finishes, so the advisor already knows why the customer calls.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QWidget

from agent_desktop.domain.interaction import Interaction
from agent_desktop.domain.screen_pop import Identification, ScreenPop
from agent_desktop.services.phone import for_display, to_e164
from agent_desktop.ui.formatting import clock
from agent_desktop.ui.labels import identified_by_label, language_label
from agent_desktop.ui.text import plain_label
from agent_desktop.ui.vip_badge import VipBadge


class CallContextStrip(QFrame):
    """Caption/value pairs for the attached data of one interaction.

    Attributes:
        values: the value label of each field, by name (``intent``, ``queue``,
            ``waited``, ``language``, ``number``, ``identified``).
        vip: the VIP badge, shown when the IVR flagged the caller.
    """

    FIELDS = ("intent", "queue", "waited", "language", "number", "identified")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callContext")
        captions = {
            "intent": self.tr("Reason for calling"),
            "queue": self.tr("Queue"),
            "waited": self.tr("Waited"),
            "language": self.tr("Language"),
            "number": self.tr("Number"),
            "identified": self.tr("Identification"),
        }
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(2)
        self.values: dict[str, QLabel] = {}
        self._captions: dict[str, QLabel] = {}
        for column, name in enumerate(self.FIELDS):
            caption = plain_label(captions[name], self, "contextCaption")
            value = plain_label("", self, f"context_{name}")
            value.setProperty("role", "contextValue")
            grid.addWidget(caption, 0, column)
            grid.addWidget(value, 1, column)
            self.values[name] = value
            self._captions[name] = caption
        grid.setColumnStretch(len(self.FIELDS), 1)
        self.vip = VipBadge(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.addLayout(grid, 1)
        layout.addWidget(self.vip, 0, Qt.AlignmentFlag.AlignVCenter)

    def _identification(self, pop: ScreenPop | None) -> str:
        if pop is None:
            return self.tr("In progress…")
        if pop.identification == Identification.UNKNOWN:
            return self.tr("Not identified")
        if pop.identification == Identification.AMBIGUOUS:
            return self.tr("Several matches")
        return identified_by_label(pop.by)

    def show_interaction(self, interaction: Interaction, pop: ScreenPop | None) -> None:
        attached = interaction.attached
        number = (pop.phone_e164 if pop else None) or to_e164(attached.caller_number)
        language = attached.language or (pop.customer.language if pop and pop.customer else None)
        values = {
            "intent": attached.intent_label or attached.intent or "",
            "queue": attached.queue_name or "",
            "waited": clock(attached.waited_seconds) if attached.waited_seconds else "",
            "language": language_label(language),
            "number": for_display(number) if number else (attached.caller_number or ""),
            "identified": self._identification(pop),
        }
        for name, text in values.items():
            self.values[name].setText(text)
            self.values[name].setVisible(bool(text))
            self._captions[name].setVisible(bool(text))
        # Once the customer card is up it carries the badge; no need to say it twice.
        identified = pop is not None and pop.customer is not None
        self.vip.setVisible(attached.vip and not identified)
