"""The keyboard shortcuts of the advisor shell: one table for actions, tooltips and help.

``docs/shortcuts.md`` documents the same table; a test keeps them in step. Function keys
were chosen because they do not clash with typing in the notes or the search box.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence

ANSWER = "F2"
REJECT = "Shift+F2"
HOLD = "F3"
HANGUP = "F4"
MUTE = "F6"
DTMF = "F7"
TRANSFER = "F8"
READY_TOGGLE = "F9"
SEARCH = "Ctrl+F"
WRAP_UP = "Ctrl+Return"
SHORTCUTS_HELP = "F1"


@dataclass(frozen=True, slots=True)
class Shortcut:
    keys: str
    what: str


def table() -> list[Shortcut]:
    """Every shortcut with a translated description, in the order the help shows them."""

    return [
        Shortcut(ANSWER, QCoreApplication.translate("Shortcuts", "Answer the ringing call")),
        Shortcut(REJECT, QCoreApplication.translate("Shortcuts", "Reject the ringing call")),
        Shortcut(HOLD, QCoreApplication.translate("Shortcuts", "Hold / retrieve the customer")),
        Shortcut(HANGUP, QCoreApplication.translate("Shortcuts", "Hang up")),
        Shortcut(MUTE, QCoreApplication.translate("Shortcuts", "Mute / unmute the microphone")),
        Shortcut(DTMF, QCoreApplication.translate("Shortcuts", "Open the DTMF keypad")),
        Shortcut(TRANSFER, QCoreApplication.translate("Shortcuts", "Blind transfer")),
        Shortcut(READY_TOGGLE, QCoreApplication.translate("Shortcuts", "Toggle ready / not ready")),
        Shortcut(SEARCH, QCoreApplication.translate("Shortcuts", "Search for a customer")),
        Shortcut(WRAP_UP, QCoreApplication.translate("Shortcuts", "Finish the wrap-up")),
        Shortcut(SHORTCUTS_HELP, QCoreApplication.translate("Shortcuts", "Show this list")),
    ]


def native(keys: str) -> str:
    """The shortcut as the platform writes it (``Ctrl+Return`` → ``Ctrl+Return``)."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def with_shortcut(tip: str, keys: str) -> str:
    """A tooltip that ends with its shortcut, so the keyboard is learnt by hovering."""
    return f"{tip} ({native(keys)})"
