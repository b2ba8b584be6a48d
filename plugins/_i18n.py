"""The built-in plugins' own French catalogue (``plugins/i18n/plugins_fr.qm``).

Plugins ship their translations with themselves, as a third-party plugin would: the
catalogue is installed when the first built-in activates in French and removed when the
last one deactivates.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

CATALOGUE = Path(__file__).resolve().parent / "i18n" / "plugins_fr.qm"
_users: set[str] = set()
_translator: QTranslator | None = None


def use(plugin_id: str, language: str) -> None:
    """Install the catalogue for ``language`` (only French is shipped)."""
    global _translator
    app = QCoreApplication.instance()
    if language != "fr" or app is None:
        return
    _users.add(plugin_id)
    if _translator is None:
        translator = QTranslator()
        if translator.load(str(CATALOGUE)):
            app.installTranslator(translator)
            _translator = translator


def release(plugin_id: str) -> None:
    global _translator
    _users.discard(plugin_id)
    app = QCoreApplication.instance()
    if not _users and _translator is not None and app is not None:
        app.removeTranslator(_translator)
        _translator = None
