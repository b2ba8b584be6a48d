"""Labels for text that came from the network: always plain text, never rich text.

A customer called ``<b>x</b><img src=...>`` must show those characters literally; QLabel
guesses rich text by default (``Qt.AutoText``), so every such label is built here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(
    text: str = "", parent: QWidget | None = None, object_name: str | None = None
) -> QLabel:
    """A QLabel locked to plain text, selectable with the mouse so it can be copied."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setText(text)
    if object_name:
        label.setObjectName(object_name)
    return label
