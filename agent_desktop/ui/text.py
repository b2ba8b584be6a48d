"""Labels for text that came from the network: always plain text, never rich text.

A customer called ``<b>x</b><img src=...>`` must show those characters literally; QLabel
guesses rich text by default (``Qt.AutoText``), so every such label is built here.
"""

from __future__ import annotations

import re

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


def fill(template: str, *values: object) -> str:
    """``template`` (a translated string with ``%1``…``%9``) with ``values`` put in, in one
    pass: a value that itself contains ``%2`` (a queue or customer name from the network)
    is never substituted again, unlike chained ``str.replace``."""
    return re.sub(
        r"%([1-9])",
        lambda m: str(values[int(m.group(1)) - 1]) if int(m.group(1)) <= len(values) else m[0],
        template,
    )
