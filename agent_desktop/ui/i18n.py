"""French and English through Qt's own translation system.

Source strings are English (``self.tr`` / ``QCoreApplication.translate``); French lives in
``resources/i18n/agent_desktop_fr.ts`` (edited by people, collected by
``pyside6-lupdate``) compiled to ``agent_desktop_fr.qm`` (``pyside6-lrelease``). Qt's own
strings (OK, Cancel, the context menus) come from the ``qtbase`` catalogue shipped
with PySide6.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"
SUPPORTED = ("fr", "en")


def catalogue(lang: str) -> Path:
    return I18N_DIR / f"agent_desktop_{lang}.qm"


def install_translator(app: QCoreApplication, lang: str) -> QTranslator | None:
    """Install the translations for ``lang``; ``None`` for English (the source language).

    The translators are parented to ``app`` so they live as long as it does.
    """
    QLocale.setDefault(QLocale(lang))
    if lang == "en" or lang not in SUPPORTED:
        return None
    qt_own = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qt_own)
    translator = QTranslator(app)
    if not translator.load(str(catalogue(lang))):
        return None
    app.installTranslator(translator)
    return translator
