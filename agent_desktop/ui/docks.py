"""The dock panels of the advisor shell — placeholders until their issues land.

They are real QDockWidgets with stable objectNames so the layout the advisor arranges
(``saveState``/``restoreState``) is remembered between runs from day one. Each says what
will appear there, so a newcomer is not left with an empty grey box.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QVBoxLayout, QWidget

from agent_desktop.ui.text import plain_label


@dataclass(frozen=True, slots=True)
class DockSpec:
    object_name: str
    title: str
    note: str
    area: Qt.DockWidgetArea


def dock_specs() -> list[DockSpec]:
    right = Qt.DockWidgetArea.RightDockWidgetArea
    return [
        DockSpec(
            "summaryDock",
            QCoreApplication.translate("Docks", "Summary"),
            QCoreApplication.translate(
                "Docks",
                "An AI summary of past exchanges and of this call will appear here: reason, "
                "promises made, open issues, sentiment and a suggested next step.",
            ),
            right,
        ),
        DockSpec(
            "historyDock",
            QCoreApplication.translate("Docks", "History"),
            QCoreApplication.translate(
                "Docks",
                "The customer's past interactions across every channel will appear here, "
                "newest first, with filters and search.",
            ),
            right,
        ),
        DockSpec(
            "knowledgeDock",
            QCoreApplication.translate("Docks", "Knowledge base"),
            QCoreApplication.translate(
                "Docks",
                "Articles matching the call's reason will be suggested here as the "
                "conversation goes on.",
            ),
            right,
        ),
        DockSpec(
            "pluginsDock",
            QCoreApplication.translate("Docks", "Plugins"),
            QCoreApplication.translate(
                "Docks",
                "Panels added by plugins (expert presence, supervised transfer, "
                "conference) will appear here.",
            ),
            right,
        ),
    ]


def placeholder_dock(spec: DockSpec, parent: QWidget) -> QDockWidget:
    dock = QDockWidget(spec.title, parent)
    dock.setObjectName(spec.object_name)
    body = QWidget(dock)
    layout = QVBoxLayout(body)
    layout.setContentsMargins(14, 12, 14, 12)
    note = plain_label(spec.note, body, "dockNote")
    note.setWordWrap(True)
    note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    layout.addWidget(note)
    layout.addStretch(1)
    dock.setWidget(body)
    return dock
