"""Words about the shells (modes) a user may open."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def mode_refused(mode: str, allowed: list[str]) -> str:
    """Why ``mode`` is not shown, and what will be shown instead (if anything)."""
    names = {
        "advisor": QCoreApplication.translate("Modes", "advisor"),
        "extended": QCoreApplication.translate("Modes", "extended agent"),
        "wallboard": QCoreApplication.translate("Modes", "wallboard"),
    }
    text = QCoreApplication.translate("Modes", "Your role does not allow the %1 mode.").replace(
        "%1", names.get(mode, mode)
    )
    if allowed:
        text += " " + QCoreApplication.translate("Modes", "Showing the %1 mode instead.").replace(
            "%1", names.get(allowed[0], allowed[0])
        )
    return text
