"""Words about the shells (modes) a user may open, and telling a user their role refused one.

The role decides (the capabilities of the login answer, see ``app.allowed_modes``); this
module only says it, in the user's language, without ever blocking the event loop.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def mode_name(mode: str) -> str:
    names = {
        "advisor": QCoreApplication.translate("Modes", "advisor"),
        "extended": QCoreApplication.translate("Modes", "extended agent"),
        "wallboard": QCoreApplication.translate("Modes", "wallboard"),
    }
    return names.get(mode, mode)


def mode_refused(mode: str, allowed: list[str]) -> str:
    """Why ``mode`` is not shown, and what is shown instead (if anything)."""
    if not allowed:
        return QCoreApplication.translate(
            "Modes",
            "Your role does not give access to the “%1” mode, nor to any other mode of "
            "Agent Desktop. Ask your supervisor or administrator for access.",
        ).replace("%1", mode_name(mode))
    return (
        QCoreApplication.translate(
            "Modes", "Your role does not give access to the “%1” mode."
        ).replace("%1", mode_name(mode))
        + " "
        + QCoreApplication.translate("Modes", "The “%1” mode is open instead.").replace(
            "%1", mode_name(allowed[0])
        )
    )


def tell_mode_refused(parent: QWidget | None, mode: str, allowed: list[str]) -> QMessageBox:
    """Say it in a message box over ``parent`` (the shell shown instead), opened without
    a nested event loop: the shell and its calls keep running behind it."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Modes", "Mode not available"),
        mode_refused(mode, allowed),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("modeRefused")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.open()
    return box
