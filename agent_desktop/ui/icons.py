"""Icons drawn for this project (simple SVGs in ``resources/icons``), cached by name.

No icon theme is assumed: Linux desktops, Windows and the offscreen platform all differ.
A missing file gives an empty icon rather than an error: text labels carry the meaning.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"


@cache
def icon(name: str) -> QIcon:
    path = ICON_DIR / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()
